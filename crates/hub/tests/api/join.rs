//! Joining a project and linking devices over the HTTP API.

use crate::helpers::{spawn_app, spawn_app_with, TestApp};
use kumppani_core::api::{ApiErrorBody, JoinResponse, LinkCodeResponse, Role};
use kumppani_core::wire::DocKind;
use kumppani_hub::clock::now_ms;
use kumppani_hub::limits::{CODE_FAILURES, CODE_WINDOW_MS, LINK_FAILURES_HUB_WIDE};
use std::sync::Arc;

#[tokio::test]
async fn the_health_check_says_ok() {
    let app = spawn_app().await;
    let res = app
        .http
        .get(format!("{}/api/health", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap(),
        serde_json::json!({"ok": true})
    );
}

#[tokio::test]
async fn join_with_a_good_code_returns_a_token_and_a_member_document() {
    let app = spawn_app().await;
    let joined = app.joined("Matti Meikäläinen").await;
    assert_eq!(joined.project_id, app.project.id);
    assert_eq!(joined.project_name, "Testiprojekti");
    assert_eq!(joined.role, Role::Resident);
    assert_eq!(
        joined.token.len(),
        43,
        "32 bytes, base64url without padding"
    );
    let meta = app
        .store
        .doc_meta(joined.member_doc)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(meta.kind, DocKind::Member);
    assert_eq!(meta.member, Some(joined.member_id));
    assert!(app.stored(joined.member_doc).await.snapshot.is_some());
    assert!(app.stored_entries(joined.member_doc).await.is_empty());
}

#[tokio::test]
async fn the_organiser_code_makes_an_organiser_and_codes_ignore_case_and_spaces() {
    let app = spawn_app().await;
    let code = format!("  {} \n", app.project.organiser_code.to_uppercase());
    let res = app.join(&code, "Ohjaaja").await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.json::<JoinResponse>().await.unwrap().role,
        Role::Organiser
    );
}

#[tokio::test]
async fn join_with_a_bad_code_gets_a_clear_404_and_creates_nothing() {
    let app = spawn_app().await;
    let res = app.join("vaara-koodi", "Matti").await;
    assert_eq!(res.status(), 404);
    let body: ApiErrorBody = res.json().await.unwrap();
    assert_eq!(body.error, "unknown_code");
    assert_eq!(
        body.message,
        "That code is not right. Check it and try again."
    );
    assert!(app
        .store
        .members_of_project(app.project.id)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn an_empty_or_overlong_name_is_refused_with_a_clear_message() {
    let app = spawn_app().await;
    for name in ["   ", &"a".repeat(81)] {
        let res = app.join(&app.project.join_code, name).await;
        assert_eq!(res.status(), 400);
        let body: ApiErrorBody = res.json().await.unwrap();
        assert_eq!(body.error, "invalid_display_name");
        assert!(!body.message.is_empty());
    }
    assert_eq!(
        app.join(&app.project.join_code, &"ä".repeat(80))
            .await
            .status(),
        200
    );
    let res = app.post("/api/join", serde_json::json!({"code": 1})).await;
    assert_eq!(res.status(), 400);
    assert_eq!(
        res.json::<ApiErrorBody>().await.unwrap().error,
        "bad_request"
    );
}

#[tokio::test]
async fn a_link_code_links_the_same_member_once_only() {
    let app = spawn_app().await;
    let first = app.joined("Liisa").await;
    let code = app.link_code(&first.token).await;
    assert_eq!(code.code.len(), 8);
    assert!(code.expires_at > now_ms());
    // People type it with a dash and in lowercase.
    let typed = format!("{}-{}", &code.code[..4], &code.code[4..]).to_lowercase();
    let res = app.link(&typed).await;
    assert_eq!(res.status(), 200);
    let second: JoinResponse = res.json().await.unwrap();
    assert_eq!(second.member_id, first.member_id);
    assert_eq!(second.member_doc, first.member_doc);
    assert_ne!(second.device_id, first.device_id);
    assert_ne!(second.token, first.token);

    let again = app.link(&code.code).await;
    assert_eq!(again.status(), 410);
    assert_eq!(
        again.json::<ApiErrorBody>().await.unwrap().error,
        "code_used"
    );
    assert_eq!(app.link("ZZZZ2222").await.status(), 404);
}

#[tokio::test]
async fn an_expired_link_code_is_refused() {
    let app = spawn_app().await;
    let joined = app.joined("Liisa").await;
    let member = app.store.member(joined.member_id).await.unwrap().unwrap();
    app.store
        .create_link_code("ABCD2345", &member, now_ms() - 1)
        .await
        .unwrap();
    let res = app.link("ABCD2345").await;
    assert_eq!(res.status(), 410);
    let body: ApiErrorBody = res.json().await.unwrap();
    assert_eq!(body.error, "code_expired");
}

#[tokio::test]
async fn making_a_link_code_needs_a_valid_token() {
    let app = spawn_app().await;
    assert_eq!(app.link_code_response("vaarennetty").await.status(), 401);
    let res = app
        .http
        .post(format!("{}/api/devices/link-code", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(
        res.json::<ApiErrorBody>().await.unwrap().error,
        "not_signed_in"
    );
}

#[tokio::test]
async fn a_device_revoked_by_another_device_of_the_member_loses_its_token() {
    let app = spawn_app().await;
    let phone = app.joined("Liisa").await;
    let tablet = app.linked(&phone.token).await;
    let stranger = app.joined("Pekka").await;
    let res = app.revoke(&stranger.token, tablet.device_id).await;
    assert_eq!(res.status(), 404, "another member cannot revoke my device");
    let res = app.revoke(&phone.token, tablet.device_id).await;
    assert_eq!(res.status(), 204);
    assert_eq!(app.link_code_response(&tablet.token).await.status(), 401);
    assert_eq!(app.link_code_response(&phone.token).await.status(), 200);
}

#[tokio::test]
async fn a_recovery_code_lasts_months_and_links_the_same_member_once() {
    let app = spawn_app().await;
    let tablet = app.joined("Veikko").await;
    let res = app
        .http
        .post(format!("{}/api/devices/recovery-code", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        401,
        "a recovery code needs a signed-in device"
    );
    let res = app
        .http
        .post(format!("{}/api/devices/recovery-code", app.base))
        .bearer_auth(&tablet.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let code: LinkCodeResponse = res.json().await.unwrap();
    assert!(
        code.expires_at > now_ms() + 90 * 24 * 60 * 60 * 1000,
        "months, not minutes"
    );

    // The PIN is forgotten and the profile removed; the code brings the same member back.
    let res = app.link(&code.code).await;
    assert_eq!(res.status(), 200);
    let again: JoinResponse = res.json().await.unwrap();
    assert_eq!(again.member_id, tablet.member_id);
    assert_eq!(again.member_doc, tablet.member_doc);
    assert_ne!(again.device_id, tablet.device_id);
    assert_eq!(app.link(&code.code).await.status(), 410, "once only");
}

/// Joins with `code` as if from `addr` behind the hub's reverse proxy.
async fn join_from(app: &TestApp, addr: &str, code: &str) -> reqwest::Response {
    app.http
        .post(format!("{}/api/join", app.base))
        .header("x-forwarded-for", format!("203.0.113.250, {addr}"))
        .json(&serde_json::json!({ "code": code, "display_name": "Kokeilija" }))
        .send()
        .await
        .unwrap()
}

/// Links a device with `code` as if from `addr` behind the hub's reverse proxy.
async fn link_from(app: &TestApp, addr: &str, code: &str) -> reqwest::Response {
    app.http
        .post(format!("{}/api/devices/link", app.base))
        .header("x-forwarded-for", addr)
        .json(&serde_json::json!({ "code": code }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn wrong_link_codes_from_many_addresses_pause_linking_but_not_joining() {
    let app = spawn_app_with(Arc::new(tempfile::tempdir().unwrap()), None, |c| {
        c.behind_proxy = true
    })
    .await;
    let owner = app.joined("Aada Asukas").await;
    let code = app.link_code(&owner.token).await.code;
    // Guessers spread over many addresses, each below its own limit.
    let per_address = CODE_FAILURES - 1;
    for i in 0..LINK_FAILURES_HUB_WIDE {
        let addr = format!("198.51.{}.{}", i / per_address / 250, i / per_address % 250);
        let res = link_from(&app, &addr, &format!("WRONG{i:03}")).await;
        assert_eq!(res.status(), 404, "guess {i} from {addr}");
    }
    // Now even the right code from an address that never failed waits, and is not used up.
    let res = link_from(&app, "192.0.2.77", &code).await;
    assert_eq!(res.status(), 429);
    assert!(res.headers().contains_key("retry-after"));
    let body: ApiErrorBody = res.json().await.unwrap();
    assert_eq!(body.error, "linking_paused");
    assert!(
        body.message.contains("paused for everyone"),
        "{}",
        body.message
    );
    let devices = app.store.devices_of_member(owner.member_id).await.unwrap();
    assert_eq!(devices.len(), 1, "no device was linked while paused");
    // Join codes are a project's public door: joining goes on.
    let joined = app
        .http
        .post(format!("{}/api/join", app.base))
        .header("x-forwarded-for", "192.0.2.78")
        .json(&serde_json::json!({ "code": app.project.join_code, "display_name": "Bertta" }))
        .send()
        .await
        .unwrap();
    assert_eq!(joined.status(), 200);
}

#[tokio::test]
async fn wrong_codes_from_one_address_are_limited_then_even_the_right_code_waits() {
    let app = spawn_app().await;
    for i in 0..CODE_FAILURES {
        let res = app.join(&format!("vaara-koodi-{i}"), "Arvaaja").await;
        assert_eq!(res.status(), 404, "wrong code {i}");
    }
    let res = app.join(&app.project.join_code, "Arvaaja").await;
    assert_eq!(res.status(), 429);
    let retry: i64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 0 && retry <= CODE_WINDOW_MS / 1000, "{retry}");
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"], "too_many_attempts");
    assert!(
        body["message"].as_str().unwrap().contains("10 minutes"),
        "{body}"
    );
    // Link codes share the count: guessing them from here waits too.
    assert_eq!(app.link("ABCD2345").await.status(), 429);
    let members = app.store.members_of_project(app.project.id).await.unwrap();
    assert!(members.is_empty(), "nobody joined while refused");
}

#[tokio::test]
async fn behind_a_proxy_each_client_address_has_its_own_count_and_successes_never_count() {
    let app = spawn_app_with(Arc::new(tempfile::tempdir().unwrap()), None, |c| {
        c.behind_proxy = true
    })
    .await;
    for _ in 0..CODE_FAILURES {
        assert_eq!(
            join_from(&app, "192.0.2.1", "vaara-koodi").await.status(),
            404
        );
    }
    let code = app.project.join_code.clone();
    assert_eq!(join_from(&app, "192.0.2.1", &code).await.status(), 429);
    // A hall full of people on one venue network joins without limit.
    for _ in 0..CODE_FAILURES + 10 {
        assert_eq!(join_from(&app, "192.0.2.2", &code).await.status(), 200);
    }
}
