//! A hub stopped and started again on the same data dir keeps every acknowledged change.

use crate::helpers::{expect_error_and_close, spawn_app, spawn_app_with, Device};
use kumppani_core::wire::ErrorCode;

#[tokio::test]
async fn every_acknowledged_entry_survives_a_restart() {
    let app = spawn_app().await;
    let joined = app.joined("Aino").await;
    let mut phone = Device::connect(&app, &joined).await;
    for text in ["Yksi.", "Kaksi.", "Kolme."] {
        phone.write(text).await;
    }
    phone.sync().await;
    let written = phone.entries();
    phone.close().await;
    let project = app.project.clone();
    let data = app.stop().await;

    let app = spawn_app_with(data, Some(project), |_| {}).await;
    let linked = app.linked(&joined.token).await;
    let mut tablet = Device::connect(&app, &linked).await;
    tablet.sync().await;
    assert_eq!(tablet.entries(), written);
    tablet.close().await;
}

#[tokio::test]
async fn stopping_the_hub_closes_open_sync_connections_so_devices_retry() {
    let app = spawn_app().await;
    let joined = app.joined("Aino").await;
    let mut ws = app.authed_socket(&joined.token).await;
    // The stop must not wait for the open socket to end by itself.
    let stopping = tokio::spawn(app.stop());
    let message = expect_error_and_close(&mut ws, ErrorCode::Unavailable).await;
    assert!(message.contains("restarting"), "{message}");
    stopping.await.expect("the hub stops");
}
