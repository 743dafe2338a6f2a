//! Calls to the hub's HTTP API (join, link, devices), with errors in words a resident
//! understands.

use super::api_error::api_error_words;
use super::platform::{send_request, Request};
use crate::i18n::words;
use kumppani_core::api::{
    ApiErrorBody, Contributions, DeleteAccountRequest, DeviceInfo, DevicesResponse, JoinRequest,
    JoinResponse, LinkCodeResponse, LinkRequest, MemberInfo, MembersResponse, NextToken,
    RevokeRequest, SetUpMemberRequest,
};
use kumppani_core::ids::{DeviceId, MemberId};
use serde::de::DeserializeOwned;
use serde::Serialize;

async fn post<B: Serialize, T: DeserializeOwned>(
    url: &str,
    bearer: Option<&str>,
    body: &B,
) -> Result<T, String> {
    read_json(&post_only(url, bearer, body).await?)
}

/// A POST whose answer has nothing to read but its success.
async fn post_only<B: Serialize>(
    url: &str,
    bearer: Option<&str>,
    body: &B,
) -> Result<Vec<u8>, String> {
    let json = serde_json::to_string(body).map_err(unprepared)?;
    answer(
        send_request(Request {
            post: true,
            url,
            bearer,
            body: Some(json),
        })
        .await,
    )
}

async fn get<T: DeserializeOwned>(url: &str, bearer: Option<&str>) -> Result<T, String> {
    let body = answer(
        send_request(Request {
            post: false,
            url,
            bearer,
            body: None,
        })
        .await,
    )?;
    read_json(&body)
}

/// The hub's answer if it is a success, else its error in words.
fn answer(sent: Result<(u16, Vec<u8>), ()>) -> Result<Vec<u8>, String> {
    let (status, body) = sent.map_err(|()| words("msg-hub-unreachable", &[]))?;
    if (200..300).contains(&status) {
        return Ok(body);
    }
    match serde_json::from_slice::<ApiErrorBody>(&body) {
        Ok(body) => Err(api_error_words(&body.error, &body.message)),
        Err(_) => Err(words(
            "msg-hub-error-status",
            &[("status", status.to_string().into())],
        )),
    }
}

fn unprepared(e: impl std::fmt::Display) -> String {
    words("msg-request-unprepared", &[("error", e.to_string().into())])
}

fn read_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, String> {
    serde_json::from_slice::<T>(body).map_err(|e| {
        words(
            "msg-hub-answer-unreadable",
            &[("error", e.to_string().into())],
        )
    })
}

fn api(hub_url: &str, path: &str) -> String {
    format!("{}{path}", hub_url.trim_end_matches('/'))
}

pub async fn join(hub_url: &str, code: &str, display_name: &str) -> Result<JoinResponse, String> {
    post(
        &api(hub_url, "/api/join"),
        None,
        &JoinRequest {
            code: code.trim().to_owned(),
            display_name: display_name.trim().to_owned(),
            device_name: None,
        },
    )
    .await
}

pub async fn link(hub_url: &str, code: &str, device_name: &str) -> Result<JoinResponse, String> {
    post(
        &api(hub_url, "/api/devices/link"),
        None,
        &LinkRequest {
            code: code.trim().to_owned(),
            device_name: Some(device_name.to_owned()),
        },
    )
    .await
}

/// A single-use code for another device: for minutes, or (`recovery`) for months.
pub async fn link_code(
    hub_url: &str,
    token: &str,
    recovery: bool,
) -> Result<LinkCodeResponse, String> {
    let path = if recovery {
        "/api/devices/recovery-code"
    } else {
        "/api/devices/link-code"
    };
    post(&api(hub_url, path), Some(token), &()).await
}

/// A next token for this device (see `NextToken`): it works at once.
pub async fn next_token(hub_url: &str, token: &str) -> Result<String, String> {
    post::<(), NextToken>(&api(hub_url, "/api/devices/token"), Some(token), &())
        .await
        .map(|r| r.token)
}

/// Organisers: a new member for a person with no phone, and the code they link with.
pub async fn set_up_person(
    hub_url: &str,
    token: &str,
    display_name: &str,
) -> Result<LinkCodeResponse, String> {
    post(
        &api(hub_url, "/api/members"),
        Some(token),
        &SetUpMemberRequest {
            display_name: display_name.trim().to_owned(),
        },
    )
    .await
}

/// A member's devices that still work, oldest first; one is marked as this device. The
/// caller's own (`member` none), or for an organiser a resident's.
pub async fn devices(
    hub_url: &str,
    token: &str,
    member: Option<MemberId>,
) -> Result<Vec<DeviceInfo>, String> {
    let path = match member {
        Some(m) => format!("/api/devices?member={m}"),
        None => "/api/devices".to_owned(),
    };
    get::<DevicesResponse>(&api(hub_url, &path), Some(token))
        .await
        .map(|r| r.devices)
}

/// Removes one of this member's devices (or, for an organiser, a resident's): its token
/// stops working at once.
pub async fn revoke_device(
    hub_url: &str,
    token: &str,
    member: Option<MemberId>,
    device_id: DeviceId,
) -> Result<(), String> {
    post_only(
        &api(hub_url, "/api/devices/revoke"),
        Some(token),
        &RevokeRequest {
            device_id: device_id.to_string(),
            member_id: member.map(|m| m.to_string()),
        },
    )
    .await
    .map(|_| ())
}

/// Deletes the member's account on the hub (every device of theirs is signed out).
pub async fn delete_account(
    hub_url: &str,
    token: &str,
    contributions: Contributions,
) -> Result<(), String> {
    post_only(
        &api(hub_url, "/api/account/delete"),
        Some(token),
        &DeleteAccountRequest { contributions },
    )
    .await
    .map(|_| ())
}

/// Organisers: the project's members, by name.
pub async fn members(hub_url: &str, token: &str) -> Result<Vec<MemberInfo>, String> {
    get::<MembersResponse>(&api(hub_url, "/api/members"), Some(token))
        .await
        .map(|r| r.members)
}
