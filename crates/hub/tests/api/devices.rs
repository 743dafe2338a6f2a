//! `GET /api/devices`: a member sees their own devices that still work, and can spot and
//! revoke one they do not know.

use crate::helpers::{spawn_app, TestApp};
use kumppani_core::api::{ApiErrorBody, DevicesResponse};
use kumppani_core::ids::DeviceId;

async fn devices_response(app: &TestApp, token: Option<&str>) -> reqwest::Response {
    let req = app.http.get(format!("{}/api/devices", app.base));
    let req = match token {
        Some(token) => req.bearer_auth(token),
        None => req,
    };
    req.send().await.unwrap()
}

async fn devices(app: &TestApp, token: &str) -> DevicesResponse {
    let res = devices_response(app, Some(token)).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

fn ids(list: &DevicesResponse) -> Vec<DeviceId> {
    list.devices.iter().map(|d| d.device_id).collect()
}

/// Which entries are marked as the calling device.
fn marks(list: &DevicesResponse) -> Vec<bool> {
    list.devices.iter().map(|d| d.this_device).collect()
}

#[tokio::test]
async fn a_member_with_two_devices_lists_both_oldest_first_the_caller_marked() {
    let app = spawn_app().await;
    let phone = app.joined("Liisa").await;
    let tablet = app.linked(&phone.token).await;

    let from_phone = devices(&app, &phone.token).await;
    assert_eq!(ids(&from_phone), vec![phone.device_id, tablet.device_id]);
    assert_eq!(marks(&from_phone), vec![true, false]);
    assert_eq!(from_phone.devices[1].name, "Tabletti");
    assert!(from_phone.devices[0].created_at <= from_phone.devices[1].created_at);
    assert!(from_phone.devices[0].created_at > 0);

    let from_tablet = devices(&app, &tablet.token).await;
    assert_eq!(ids(&from_tablet), ids(&from_phone));
    assert_eq!(marks(&from_tablet), vec![false, true]);
}

#[tokio::test]
async fn another_members_token_never_lists_my_devices() {
    let app = spawn_app().await;
    let phone = app.joined("Liisa").await;
    let tablet = app.linked(&phone.token).await;
    let stranger = app.joined("Pekka").await;
    let organiser = app.joined_organiser("Olli").await;

    for other in [&stranger, &organiser] {
        let listed = devices(&app, &other.token).await;
        assert_eq!(ids(&listed), vec![other.device_id]);
        assert!(listed.devices[0].this_device);
        assert!(!ids(&listed).contains(&phone.device_id));
        assert!(!ids(&listed).contains(&tablet.device_id));
    }
}

#[tokio::test]
async fn a_removed_device_leaves_the_list_and_its_token_stops_working() {
    let app = spawn_app().await;
    let phone = app.joined("Liisa").await;
    let tablet = app.linked(&phone.token).await;

    assert_eq!(
        app.revoke(&phone.token, tablet.device_id).await.status(),
        204
    );
    assert_eq!(
        ids(&devices(&app, &phone.token).await),
        vec![phone.device_id]
    );
    let res = devices_response(&app, Some(&tablet.token)).await;
    assert_eq!(res.status(), 401);
    assert_eq!(
        res.json::<ApiErrorBody>().await.unwrap().error,
        "not_signed_in"
    );
}

#[tokio::test]
async fn listing_devices_needs_a_signed_in_device() {
    let app = spawn_app().await;
    let res = devices_response(&app, None).await;
    assert_eq!(res.status(), 401);
    assert_eq!(
        res.json::<ApiErrorBody>().await.unwrap().error,
        "not_signed_in"
    );
    let res = devices_response(&app, Some("forged-token")).await;
    assert_eq!(res.status(), 401);
}

async fn next_token(app: &TestApp, token: &str) -> reqwest::Response {
    app.http
        .post(format!("{}/api/devices/token", app.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_device_takes_a_new_token_and_the_one_it_replaced_cannot_take_another() {
    let app = spawn_app().await;
    let phone = app.joined("Aada Asukas").await;
    let res = next_token(&app, &phone.token).await;
    assert_eq!(res.status(), 200);
    let second: kumppani_core::api::NextToken = res.json().await.unwrap();
    assert_ne!(second.token, phone.token);

    // The new token signs the device in (the socket too) and becomes its token; the one
    // before still works, for other tabs that read it before.
    let mut ws = app.authed_socket(&second.token).await;
    let _ = futures::SinkExt::close(&mut ws).await;
    let listed = devices(&app, &second.token).await;
    assert_eq!(listed.devices.len(), 1, "still one device");
    assert_eq!(listed.devices[0].device_id, phone.device_id);
    assert_eq!(
        devices_response(&app, Some(&phone.token)).await.status(),
        200
    );

    // The replaced token cannot take a new one: it may have been taken from the device.
    let res = next_token(&app, &phone.token).await;
    assert_eq!(res.status(), 409);
    let body: ApiErrorBody = res.json().await.unwrap();
    assert_eq!(body.error, "not_current_token");
    assert_eq!(next_token(&app, &second.token).await.status(), 200);
    assert_eq!(next_token(&app, "forged").await.status(), 401);
}

#[tokio::test]
async fn an_organiser_removes_a_residents_lost_device_and_the_audit_log_says_who() {
    let app = spawn_app().await;
    let olli = app.joined_organiser("Olli Organisaattori").await;
    let aada = app.joined("Aada Asukas").await;
    let bertta = app.joined("Bertta Asukas").await;
    let oona = app.joined_organiser("Oona Organisaattori").await;
    let get = |token: &str, path: &str| {
        app.http
            .get(format!("{}{path}", app.base))
            .bearer_auth(token)
            .send()
    };

    // The organiser finds Aada by name and sees her devices.
    let res = get(&olli.token, "/api/members").await.unwrap();
    assert_eq!(res.status(), 200);
    let members: kumppani_core::api::MembersResponse = res.json().await.unwrap();
    let names: Vec<_> = members
        .members
        .iter()
        .map(|m| m.display_name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Aada Asukas",
            "Bertta Asukas",
            "Olli Organisaattori",
            "Oona Organisaattori"
        ]
    );
    let path = format!("/api/devices?member={}", aada.member_id);
    let res = get(&olli.token, &path).await.unwrap();
    assert_eq!(res.status(), 200);
    let listed: DevicesResponse = res.json().await.unwrap();
    assert_eq!(listed.devices.len(), 1);
    assert!(!listed.devices[0].this_device);

    // Residents cannot list members or see another's devices.
    assert_eq!(
        get(&bertta.token, "/api/members").await.unwrap().status(),
        403
    );
    assert_eq!(get(&bertta.token, &path).await.unwrap().status(), 403);
    // Another organiser's devices are theirs to remove.
    let oona_path = format!("/api/devices?member={}", oona.member_id);
    let res = get(&olli.token, &oona_path).await.unwrap();
    assert_eq!(res.status(), 403);
    let body: ApiErrorBody = res.json().await.unwrap();
    assert_eq!(body.error, "only_residents_devices");

    // The organiser removes Aada's lost phone: its token stops working at once.
    let revoke = |token: String, member: String, device: DeviceId| {
        app.http
            .post(format!("{}/api/devices/revoke", app.base))
            .bearer_auth(token)
            .json(&serde_json::json!({ "device_id": device.to_string(), "member_id": member }))
            .send()
    };
    let wrong = revoke(
        olli.token.clone(),
        bertta.member_id.to_string(),
        aada.device_id,
    );
    assert_eq!(wrong.await.unwrap().status(), 404, "not Bertta's device");
    let res = revoke(
        olli.token.clone(),
        aada.member_id.to_string(),
        aada.device_id,
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 204);
    assert_eq!(
        devices_response(&app, Some(&aada.token)).await.status(),
        401
    );
    assert_eq!(
        devices_response(&app, Some(&bertta.token)).await.status(),
        200
    );
    let log = app.store.audit_log(app.project.id, 0, 10).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].member, log[0].device),
        (olli.member_id, olli.device_id)
    );
    assert_eq!(
        log[0].action,
        kumppani_core::audit::OrganiserAction::RevokedDevice {
            member: aada.member_id,
            device: aada.device_id
        }
    );
}

#[tokio::test]
async fn an_organiser_of_another_project_cannot_reach_its_residents() {
    let app = spawn_app().await;
    let aada = app.joined("Aada Asukas").await;
    let other = kumppani_hub::projects::create_project(app.store.as_ref(), "Toinen")
        .await
        .unwrap();
    let res = app
        .join(&other.organiser_code, "Vieras Organisaattori")
        .await;
    let stranger: kumppani_core::api::JoinResponse = res.json().await.unwrap();
    let res = devices_response_of(&app, &stranger.token, &aada.member_id.to_string()).await;
    assert_eq!(res.status(), 404);
    let body: ApiErrorBody = res.json().await.unwrap();
    assert_eq!(body.error, "unknown_member");
}

async fn devices_response_of(app: &TestApp, token: &str, member: &str) -> reqwest::Response {
    app.http
        .get(format!("{}/api/devices?member={member}", app.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}
