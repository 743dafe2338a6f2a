//! A member's devices: list them (`GET /api/devices`; an organiser, a resident's with
//! `?member=<id>`), make a link code on a device that
//! is in (`POST /api/devices/link-code`), or a recovery code to write down (`POST
//! /api/devices/recovery-code`), link a new device with either (`POST /api/devices/link`),
//! revoke a lost one (`POST /api/devices/revoke`; an organiser, a resident's, with
//! `member_id`), and take a new token for this device
//! (`POST /api/devices/token`).

use super::guessing::{redeeming, ClientAddr};
use super::join::{new_device, parse_name, Joined};
use crate::clock::now_ms;
use crate::error::{ApiError, ApiJson};
use crate::state::{AppState, HubEvent};
use crate::store::{
    CodeKind, DeviceIdentity, MemberRecord, Redeemed, Role, StoreError, TokenRotation,
};
use crate::tokens::{hash_token, link_code, long_link_code, mint_token, normalize_link_code};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use kumppani_core::api::{DeviceInfo, DevicesResponse, LinkCodeResponse};
use kumppani_core::api::{LinkRequest, NextToken, RevokeRequest};
use kumppani_core::audit::OrganiserAction;
use kumppani_core::ids::{DeviceId, MemberId};

/// How long a link code made on a device works.
pub const LINK_CODE_TTL_MS: i64 = 10 * 60 * 1000;
/// How long a recovery code works: a person with no other device writes it down, and
/// adds their profile again with it after forgetting the PIN.
pub const RECOVERY_CODE_TTL_MS: i64 = 180 * 24 * 60 * 60 * 1000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/devices", get(list_devices))
        .route("/api/devices/link-code", post(make_link_code))
        .route("/api/devices/recovery-code", post(make_recovery_code))
        .route("/api/devices/link", post(link_device))
        .route("/api/devices/revoke", post(revoke_device))
        .route("/api/devices/token", post(next_token))
}

/// The token in `Authorization: Bearer <token>`.
fn bearer(headers: &HeaderMap) -> Result<&str, ApiError> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or(ApiError::Unauthorized)
}

/// The device behind `Authorization: Bearer <token>`, if it is known and not revoked.
pub async fn authenticate(
    state: &AppState,
    headers: &HeaderMap,
    ClientAddr(from): ClientAddr,
) -> Result<DeviceIdentity, ApiError> {
    let token = bearer(headers)?;
    state
        .sign_in_failures
        .check(from, now_ms())
        .map_err(ApiError::TooManyAttempts)?;
    let found = state
        .store
        .device_by_token_hash(&hash_token(token), now_ms())
        .await?;
    if found.is_none() {
        state.sign_in_failures.failed(from, now_ms());
    }
    found.ok_or(ApiError::Unauthorized)
}

/// Stores a fresh single-use link code for `member`, retrying the rare clash. Codes that
/// work for more than the few minutes of a device link are long ones.
pub async fn issue_link_code(
    state: &AppState,
    member: &MemberRecord,
    expires_at: i64,
) -> Result<String, StoreError> {
    let long = expires_at - now_ms() > LINK_CODE_TTL_MS;
    let mut attempt = 0;
    loop {
        let code = if long { long_link_code() } else { link_code() };
        match state
            .store
            .create_link_code(&code, member, expires_at)
            .await
        {
            Err(StoreError::Conflict(_)) if attempt < 5 => attempt += 1,
            other => return other.map(|()| code),
        }
    }
}

/// `?member=<id>` on `GET /api/devices`.
#[derive(Debug, serde::Deserialize)]
struct WhoseDevices {
    member: Option<String>,
}

/// The member whose devices the caller may see and revoke: their own, or (for an
/// organiser) a resident of their project. Another project's member, or an organiser, is
/// out of reach: organisers remove their own devices.
async fn whose_devices(
    state: &AppState,
    who: &DeviceIdentity,
    member: Option<&str>,
) -> Result<MemberId, ApiError> {
    let Some(member) = member.map(str::trim).filter(|m| !m.is_empty()) else {
        return Ok(who.member.id);
    };
    let member: MemberId = member.parse().map_err(|_| ApiError::UnknownMember)?;
    if member == who.member.id {
        return Ok(member);
    }
    if who.member.role != Role::Organiser {
        return Err(ApiError::OrganisersOnly);
    }
    match state.store.member(member).await? {
        Some(m) if m.project == who.member.project && m.role == Role::Resident => Ok(m.id),
        Some(m) if m.project == who.member.project => Err(ApiError::OnlyResidentsDevices),
        _ => Err(ApiError::UnknownMember),
    }
}

/// A member's devices that still work, oldest first, the caller's marked, so a person can
/// spot (and revoke) a device they do not know; an organiser helps a resident who lost one.
async fn list_devices(
    State(state): State<AppState>,
    headers: HeaderMap,
    from: ClientAddr,
    Query(whose): Query<WhoseDevices>,
) -> Result<Json<DevicesResponse>, ApiError> {
    let who = authenticate(&state, &headers, from).await?;
    let member = whose_devices(&state, &who, whose.member.as_deref()).await?;
    let devices = state
        .store
        .devices_of_member(member)
        .await?
        .into_iter()
        .map(|d| DeviceInfo {
            this_device: d.id == who.device,
            device_id: d.id,
            name: d.name,
            created_at: d.created_at,
        })
        .collect();
    Ok(Json(DevicesResponse { devices }))
}

async fn make_link_code(
    State(state): State<AppState>,
    headers: HeaderMap,
    from: ClientAddr,
) -> Result<Json<LinkCodeResponse>, ApiError> {
    let who = authenticate(&state, &headers, from).await?;
    let expires_at = now_ms() + LINK_CODE_TTL_MS;
    let code = issue_link_code(&state, &who.member, expires_at).await?;
    Ok(Json(LinkCodeResponse { code, expires_at }))
}

async fn make_recovery_code(
    State(state): State<AppState>,
    headers: HeaderMap,
    from: ClientAddr,
) -> Result<Json<LinkCodeResponse>, ApiError> {
    let who = authenticate(&state, &headers, from).await?;
    let expires_at = now_ms() + RECOVERY_CODE_TTL_MS;
    let code = issue_link_code(&state, &who.member, expires_at).await?;
    tracing::info!(member = %who.member.id, "recovery code issued");
    Ok(Json(LinkCodeResponse { code, expires_at }))
}

/// A next token for the calling device (see [`NextToken`]). Asked with a token the device
/// rotated away from, it is refused: that token may have been taken from the device.
async fn next_token(
    State(state): State<AppState>,
    headers: HeaderMap,
    from: ClientAddr,
) -> Result<Json<NextToken>, ApiError> {
    let who = authenticate(&state, &headers, from).await?;
    let presented = hash_token(bearer(&headers)?);
    let token = mint_token();
    match state
        .store
        .rotate_token(who.device, &presented, &hash_token(&token), now_ms())
        .await?
    {
        TokenRotation::Rotated => {}
        TokenRotation::Pending => return Err(ApiError::TokenPending),
        TokenRotation::NotCurrent => return Err(ApiError::NotCurrentToken),
    }
    tracing::info!(device = %who.device, "device token rotated");
    Ok(Json(NextToken { token }))
}

async fn link_device(
    State(state): State<AppState>,
    from: ClientAddr,
    ApiJson(req): ApiJson<LinkRequest>,
) -> Result<Json<Joined>, ApiError> {
    redeeming(&state, from, CodeKind::Link, link_with_code(&state, req)).await
}

async fn link_with_code(state: &AppState, req: LinkRequest) -> Result<Json<Joined>, ApiError> {
    let name = match req.device_name.as_deref() {
        Some(name) => parse_name(name, "device_name")?,
        None => "Uusi laite".to_owned(),
    };
    let (device, token) = new_device(name);
    let member = match state
        .store
        .redeem_link_code(&normalize_link_code(&req.code), now_ms(), &device)
        .await?
    {
        Redeemed::Linked(member) => member,
        Redeemed::Unknown => return Err(ApiError::UnknownCode),
        Redeemed::AlreadyUsed => return Err(ApiError::CodeUsed),
        Redeemed::Expired => return Err(ApiError::CodeExpired),
    };
    let project = state
        .store
        .project(member.project)
        .await?
        .ok_or(ApiError::UnknownCode)?;
    tracing::info!(member = %member.id, device = %device.id, "device linked");
    Ok(Json(Joined {
        project_id: project.id,
        project_name: project.name,
        member_id: member.id,
        display_name: member.display_name,
        device_id: device.id,
        token,
        member_doc: member.member_doc,
        project_doc: project.project_doc.ok_or_else(|| {
            StoreError::Corrupt(format!("project {} has no project document", project.id))
        })?,
        staff_doc: project.staff_doc.filter(|_| member.role == Role::Organiser),
        role: member.role.to_api(),
    }))
}

async fn revoke_device(
    State(state): State<AppState>,
    headers: HeaderMap,
    from: ClientAddr,
    ApiJson(req): ApiJson<RevokeRequest>,
) -> Result<StatusCode, ApiError> {
    let who = authenticate(&state, &headers, from).await?;
    let member = whose_devices(&state, &who, req.member_id.as_deref()).await?;
    let target: DeviceId = req
        .device_id
        .trim()
        .parse()
        .map_err(|_| ApiError::UnknownDevice)?;
    let already = match state.store.device(target).await? {
        Some(device) if device.member == member => device.revoked_at.is_some(),
        _ => return Err(ApiError::UnknownDevice),
    };
    state.store.revoke_device(target, now_ms()).await?;
    if member != who.member.id && !already {
        let action = OrganiserAction::RevokedDevice {
            member,
            device: target,
        };
        if let Err(e) = state
            .store
            .append_audit(who.member.project, &who, &[action], now_ms())
            .await
        {
            tracing::error!(error = %e, device = %target, "could not write the audit log");
        }
    }
    state.publish(HubEvent::DeviceRevoked(target));
    if let Err(e) = state.store.announce_revoked(target).await {
        // The token is already refused everywhere; only open connections elsewhere linger.
        tracing::warn!(error = %e, device = %target, "could not tell other nodes of a revocation");
    }
    tracing::info!(device = %target, by = %who.device, "device revoked");
    Ok(StatusCode::NO_CONTENT)
}
