//! Calls to the hub's HTTP API (join, link), with errors in words a resident understands.

use gloo_net::http::Request;
use kumppani_core::api::{
    ApiErrorBody, JoinRequest, JoinResponse, LinkCodeResponse, LinkRequest, SetUpMemberRequest,
};
use serde::de::DeserializeOwned;
use serde::Serialize;

async fn post<B: Serialize, T: DeserializeOwned>(
    url: &str,
    bearer: Option<&str>,
    body: &B,
) -> Result<T, String> {
    let mut req = Request::post(url);
    if let Some(token) = bearer {
        req = req.header("Authorization", &format!("Bearer {token}"));
    }
    let resp = req
        .json(body)
        .map_err(|e| format!("Could not prepare the request: {e}"))?
        .send()
        .await
        .map_err(|_| {
            "Cannot reach the hub. Check your connection and the address, then try again."
                .to_string()
        })?;
    if resp.ok() {
        return resp
            .json::<T>()
            .await
            .map_err(|e| format!("The hub sent an answer this app does not understand: {e}"));
    }
    match resp.json::<ApiErrorBody>().await {
        Ok(body) => Err(body.message),
        Err(_) => Err(format!(
            "The hub answered with an error ({}). Try again in a moment.",
            resp.status()
        )),
    }
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
