//! `POST /api/join`: a person joins a project with its join code (as a resident) or its
//! organiser code (as an organiser). The hub makes their member document and first device.

use super::guessing::{redeeming, ClientAddr};
use crate::clock::now_ms;
use crate::error::{ApiError, ApiJson};
use crate::state::AppState;
use crate::store::{CodeKind, MemberRecord, NewDevice, NewMember, Role, StoreError};
use crate::tokens::{hash_token, mint_token, normalize_code, random_bytes};
use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use kumppani_core::api::JoinRequest;
use kumppani_core::ids::{DeviceId, DocId, MemberId, ProjectId};
use kumppani_core::model::member;

pub const MAX_NAME_CHARS: usize = 80;

pub fn router() -> Router<AppState> {
    Router::new().route("/api/join", post(join))
}

/// What a device keeps after joining or linking (the shape core shares with the app).
/// The token is shown only this once.
pub type Joined = kumppani_core::api::JoinResponse;

/// A name a person typed: trimmed, not empty, at most [`MAX_NAME_CHARS`] characters.
pub fn parse_name(input: &str, field: &'static str) -> Result<String, ApiError> {
    let name = input.trim();
    if name.is_empty() {
        return Err(ApiError::Invalid {
            field,
            message: "Please write a name.",
        });
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(ApiError::Invalid {
            field,
            message: "That name is too long. Use at most 80 characters.",
        });
    }
    Ok(name.to_owned())
}

/// A new device with a fresh token: the record to store and the token to hand out.
pub fn new_device(name: String) -> (NewDevice, String) {
    let token = mint_token();
    let device = NewDevice {
        id: DeviceId::from_bytes(random_bytes()),
        token_hash: hash_token(&token),
        name,
    };
    (device, token)
}

/// Stores a new member of `project` with a fresh member document, and their first device
/// if they have one.
pub async fn create_member(
    state: &AppState,
    project: ProjectId,
    display_name: String,
    role: Role,
    device: Option<NewDevice>,
) -> Result<MemberRecord, StoreError> {
    let member = MemberRecord {
        id: MemberId::from_bytes(random_bytes()),
        project,
        display_name,
        role,
        member_doc: DocId::from_bytes(random_bytes()),
    };
    state
        .store
        .create_member(
            &NewMember {
                member: member.clone(),
                member_doc_snapshot: member::new_document().save(),
                device,
            },
            now_ms(),
        )
        .await?;
    Ok(member)
}

async fn join(
    State(state): State<AppState>,
    from: ClientAddr,
    ApiJson(req): ApiJson<JoinRequest>,
) -> Result<Json<Joined>, ApiError> {
    redeeming(&state, from, CodeKind::Join, join_with_code(&state, req)).await
}

async fn join_with_code(state: &AppState, req: JoinRequest) -> Result<Json<Joined>, ApiError> {
    let display_name = parse_name(&req.display_name, "display_name")?;
    let device_name = match req.device_name.as_deref() {
        Some(name) => parse_name(name, "device_name")?,
        None => "Ensimmäinen laite".to_owned(),
    };
    let code = state
        .store
        .code(&normalize_code(&req.code))
        .await?
        .ok_or(ApiError::UnknownCode)?;
    let role = match code.kind {
        CodeKind::Join => Role::Resident,
        CodeKind::Organiser => Role::Organiser,
        CodeKind::Link => return Err(ApiError::UnknownCode),
    };
    let project = state
        .store
        .project(code.project)
        .await?
        .ok_or(ApiError::UnknownCode)?;
    let (device, token) = new_device(device_name);
    let device_id = device.id;
    let member = create_member(state, project.id, display_name, role, Some(device)).await?;
    tracing::info!(member = %member.id, role = role.as_str(), "member joined");
    Ok(Json(Joined {
        project_id: project.id,
        project_name: project.name,
        member_id: member.id,
        display_name: member.display_name,
        device_id,
        token,
        member_doc: member.member_doc,
        project_doc: project.project_doc.ok_or_else(|| {
            StoreError::Corrupt(format!("project {} has no project document", project.id))
        })?,
        staff_doc: project.staff_doc.filter(|_| member.role == Role::Organiser),
        role: role.to_api(),
    }))
}
