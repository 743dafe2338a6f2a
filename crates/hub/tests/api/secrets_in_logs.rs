//! Nothing secret in the hub's log: device tokens, link, recovery and set-up codes and the
//! organiser code never appear in what the hub writes, even at debug level, through a
//! session that uses each of them (and fails with some).

use crate::helpers::{next_frame, send_frame, HubProcess};
use kumppani_core::api::{JoinResponse, LinkCodeResponse, NextToken};
use kumppani_core::wire::Frame;
use kumppani_hub::demo::{JOIN_CODE, ORGANISER_CODE};
use kumppani_hub::tokens::mint_token;

async fn post(
    http: &reqwest::Client,
    url: String,
    token: Option<&str>,
    body: serde_json::Value,
) -> reqwest::Response {
    let mut req = http.post(url).json(&body);
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    req.send().await.unwrap()
}

/// [`post`] that must succeed, read as `T`.
async fn call<T: serde::de::DeserializeOwned>(
    http: &reqwest::Client,
    url: String,
    token: Option<&str>,
    body: serde_json::Value,
) -> T {
    let res = post(http, url, token, body).await;
    assert!(res.status().is_success(), "{}", res.status());
    res.json().await.unwrap()
}

#[tokio::test]
async fn tokens_and_codes_never_reach_the_log_even_at_debug_level() {
    let data = tempfile::tempdir().unwrap();
    let mut hub = HubProcess::start(data.path(), "debug", &["--seed-demo"]).await;
    let http = reqwest::Client::new();
    let api = |path: &str| format!("{}{path}", hub.url);
    let join = |code: &str| serde_json::json!({ "code": code, "display_name": "Lokin Lukija" });

    let resident: JoinResponse = call(&http, api("/api/join"), None, join(JOIN_CODE)).await;
    let organiser: JoinResponse = call(&http, api("/api/join"), None, join(ORGANISER_CODE)).await;
    let link: LinkCodeResponse = call(
        &http,
        api("/api/devices/link-code"),
        Some(&resident.token),
        serde_json::json!({}),
    )
    .await;
    let tablet: JoinResponse = call(
        &http,
        api("/api/devices/link"),
        None,
        serde_json::json!({ "code": link.code, "device_name": "Tabletti" }),
    )
    .await;
    let recovery: LinkCodeResponse = call(
        &http,
        api("/api/devices/recovery-code"),
        Some(&resident.token),
        serde_json::json!({}),
    )
    .await;
    let set_up: LinkCodeResponse = call(
        &http,
        api("/api/members"),
        Some(&organiser.token),
        serde_json::json!({ "display_name": "Tabletin Käyttäjä" }),
    )
    .await;
    let next: NextToken = call(
        &http,
        api("/api/devices/token"),
        Some(&organiser.token),
        serde_json::json!({}),
    )
    .await;
    // A used code, a wrong code and a forged token, each refused.
    let used = post(
        &http,
        api("/api/devices/link"),
        None,
        serde_json::json!({ "code": link.code, "device_name": "Toinen" }),
    )
    .await;
    assert_eq!(used.status(), 410);
    let forged = mint_token();
    let wrong = post(
        &http,
        api("/api/devices/link-code"),
        Some(&forged),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(wrong.status(), 401);
    // The sync socket with a good token, then a forged one.
    let sync_url = format!("{}/sync", hub.url.replacen("http", "ws", 1));
    for (token, welcomed) in [
        (&resident.token, true),
        (&next.token, true),
        (&forged, false),
    ] {
        let (mut ws, _) = tokio_tungstenite::connect_async(&sync_url).await.unwrap();
        send_frame(
            &mut ws,
            &Frame::Auth {
                token: token.clone(),
            },
        )
        .await;
        let answer = next_frame(&mut ws).await;
        assert_eq!(matches!(answer, Some(Frame::Welcome(_))), welcomed);
        let _ = ws.close(None).await;
    }
    let revoked = post(
        &http,
        api("/api/devices/revoke"),
        Some(&resident.token),
        serde_json::json!({ "device_id": tablet.device_id.to_string() }),
    )
    .await;
    assert_eq!(revoked.status(), 204);
    // Everything above is in the log (it is read a little after the hub writes it) ...
    assert!(hub.logged("device token rotated").await, "{}", hub.log());
    // ... and the socket's end: give the hub a moment to log it, then stop it.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    hub.kill().await;

    let log = hub.log();
    assert!(
        log.contains("device connected") && log.contains("device token rotated"),
        "the log is being read:\n{log}"
    );
    for (what, secret) in [
        ("the resident's token", resident.token.as_str()),
        ("the organiser's token", organiser.token.as_str()),
        ("the tablet's token", tablet.token.as_str()),
        ("the organiser's next token", next.token.as_str()),
        ("a forged token", forged.as_str()),
        ("the link code", link.code.as_str()),
        ("the recovery code", recovery.code.as_str()),
        ("the set-up code", set_up.code.as_str()),
        ("the organiser code", ORGANISER_CODE),
    ] {
        assert!(!log.contains(secret), "{what} is in the log");
    }
}
