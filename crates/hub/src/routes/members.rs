//! `POST /api/members`: an organiser sets up a person who has no phone or email of their
//! own (a diary kept on a shared tablet, say). The hub makes the person a resident of the
//! organiser's project, with their own member document, and answers with a single-use link
//! code for them: the device they will use redeems it with `POST /api/devices/link`, the
//! same "link this device" step as any member's, and the person sets their PIN there.
//!
//! `GET /api/members`: an organiser lists the project's members by name, to pick a
//! resident whose lost device to remove (`routes::devices`).

use super::devices::{authenticate, issue_link_code};
use super::guessing::ClientAddr;
use super::join::{create_member, parse_name};
use crate::clock::now_ms;
use crate::error::{ApiError, ApiJson};
use crate::state::AppState;
use crate::store::Role;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use kumppani_core::api::{LinkCodeResponse, MemberInfo, MembersResponse, SetUpMemberRequest};

/// How long the code for a person set up by an organiser works: long enough to hand it
/// over at the next meeting of a group that meets weekly. It still works only once.
pub const SET_UP_CODE_TTL_MS: i64 = 7 * 24 * 60 * 60 * 1000;

pub fn router() -> Router<AppState> {
    Router::new().route("/api/members", post(set_up_member).get(list_members))
}

async fn list_members(
    State(state): State<AppState>,
    headers: HeaderMap,
    from: ClientAddr,
) -> Result<Json<MembersResponse>, ApiError> {
    let who = authenticate(&state, &headers, from).await?;
    if who.member.role != Role::Organiser {
        return Err(ApiError::OrganisersOnly);
    }
    let mut members: Vec<MemberInfo> = state
        .store
        .members_of_project(who.member.project)
        .await?
        .into_iter()
        .filter(|m| !m.is_erased())
        .map(|m| MemberInfo {
            member_id: m.id,
            display_name: m.display_name,
            role: m.role.to_api(),
        })
        .collect();
    members.sort_by(|a, b| {
        a.display_name
            .to_lowercase()
            .cmp(&b.display_name.to_lowercase())
    });
    Ok(Json(MembersResponse { members }))
}

async fn set_up_member(
    State(state): State<AppState>,
    headers: HeaderMap,
    from: ClientAddr,
    ApiJson(req): ApiJson<SetUpMemberRequest>,
) -> Result<(StatusCode, Json<LinkCodeResponse>), ApiError> {
    let who = authenticate(&state, &headers, from).await?;
    if who.member.role != Role::Organiser {
        return Err(ApiError::OrganisersOnly);
    }
    let display_name = parse_name(&req.display_name, "display_name")?;
    let member = create_member(
        &state,
        who.member.project,
        display_name,
        Role::Resident,
        None,
    )
    .await?;
    let expires_at = now_ms() + SET_UP_CODE_TTL_MS;
    let code = issue_link_code(&state, &member, expires_at).await?;
    tracing::info!(member = %member.id, by = %who.member.id, "organiser set up a member");
    Ok((
        StatusCode::CREATED,
        Json(LinkCodeResponse { code, expires_at }),
    ))
}
