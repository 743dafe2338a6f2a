//! Organisers set up a person who has no phone or email (`POST /api/members`); the person
//! signs in on a shared tablet with the single-use link code the hub answers with.

use crate::helpers::{spawn_app, Device, TestApp};
use kumppani_core::api::{ApiErrorBody, JoinResponse, LinkCodeResponse, Role};
use kumppani_hub::clock::now_ms;

async fn set_up(app: &TestApp, token: Option<&str>, name: &str) -> reqwest::Response {
    let mut req = app
        .http
        .post(format!("{}/api/members", app.base))
        .json(&serde_json::json!({ "display_name": name }));
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    req.send().await.unwrap()
}

async fn error(res: reqwest::Response, status: u16) -> String {
    assert_eq!(res.status(), status);
    res.json::<ApiErrorBody>().await.unwrap().error
}

#[tokio::test]
async fn an_organiser_sets_up_a_person_who_links_a_shared_tablet_with_the_code_once() {
    let app = spawn_app().await;
    let org = app.joined_organiser("Olli Organisaattori").await;
    let res = set_up(&app, Some(&org.token), "  Kaisa Kivi ").await;
    assert_eq!(res.status(), 201);
    let code: LinkCodeResponse = res.json().await.unwrap();
    assert_eq!(code.code.len(), 12, "a code that lasts days is a long one");
    assert!(code.expires_at > now_ms() + 24 * 60 * 60 * 1000);

    let res = app.link(&code.code).await;
    assert_eq!(res.status(), 200);
    let tablet: JoinResponse = res.json().await.unwrap();
    assert_eq!(tablet.role, Role::Resident);
    assert_eq!(tablet.display_name, "Kaisa Kivi");
    assert_eq!(tablet.project_id, org.project_id);
    assert_eq!(tablet.project_doc, org.project_doc);
    assert_eq!(tablet.staff_doc, None);
    assert_ne!(tablet.member_id, org.member_id);
    let members = app.store.members_of_project(app.project.id).await.unwrap();
    assert!(members
        .iter()
        .any(|m| m.id == tablet.member_id && m.display_name == "Kaisa Kivi"));

    // Her own member document is there to sync.
    let mut device = Device::connect(&app, &tablet).await;
    device.write("Ensimmäinen merkintä tabletilla.").await;
    device.sync().await;
    assert_eq!(app.stored_entries(tablet.member_doc).await.len(), 1);
    device.close().await;

    assert_eq!(error(app.link(&code.code).await, 410).await, "code_used");
}

#[tokio::test]
async fn a_resident_may_not_set_up_members() {
    let app = spawn_app().await;
    let resident = app.joined("Aino").await;
    let res = set_up(&app, Some(&resident.token), "Kaisa Kivi").await;
    assert_eq!(error(res, 403).await, "organisers_only");
    let members = app.store.members_of_project(app.project.id).await.unwrap();
    assert_eq!(members.len(), 1, "no one was added");
}

#[tokio::test]
async fn setting_up_a_member_needs_a_signed_in_device() {
    let app = spawn_app().await;
    assert_eq!(
        error(set_up(&app, None, "Kaisa Kivi").await, 401).await,
        "not_signed_in"
    );
    assert_eq!(
        error(set_up(&app, Some("not-a-token"), "Kaisa Kivi").await, 401).await,
        "not_signed_in"
    );
}

#[tokio::test]
async fn a_blank_or_too_long_name_is_refused() {
    let app = spawn_app().await;
    let org = app.joined_organiser("Olli Organisaattori").await;
    for name in ["   ".to_owned(), "x".repeat(81)] {
        let res = set_up(&app, Some(&org.token), &name).await;
        assert_eq!(error(res, 400).await, "invalid_display_name");
    }
}
