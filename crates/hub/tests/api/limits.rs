//! The hub's limits over real sockets: each is answered with a clear error, and nothing
//! is stored past one.

use crate::helpers::{
    add_committed_entry, expect_error_and_close, next_frame, send_frame, spawn_app, spawn_app_with,
    Device, TestApp,
};
use automerge::AutoCommit;
use kumppani_core::docsync::PeerSync;
use kumppani_core::ids::DocId;
use kumppani_core::model::set_writer;
use kumppani_core::wire::{ErrorCode, Frame};
use kumppani_hub::limits::{AUTH_FAILURES, CONNECTIONS_PER_DEVICE};
use kumppani_hub::tokens::{mint_token, random_bytes};
use std::sync::Arc;
use std::time::Duration;

#[tokio::test]
async fn a_device_gets_so_many_connections_and_a_closed_one_frees_its_place() {
    let app = spawn_app().await;
    let aino = app.joined("Aino").await;
    let mut open = Vec::new();
    for _ in 0..CONNECTIONS_PER_DEVICE {
        open.push(app.authed_socket(&aino.token).await);
    }
    let mut one_more = app.socket_sending_auth(&aino.token).await;
    let message = expect_error_and_close(&mut one_more, ErrorCode::Limited).await;
    assert!(message.contains("connections open"), "{message}");
    // Another device of another member is not affected.
    let pekka = app.joined("Pekka").await;
    app.authed_socket(&pekka.token).await;

    let mut closing = open.pop().unwrap();
    closing.close(None).await.unwrap();
    while next_frame(&mut closing).await.is_some() {}
    // The hub frees the place when it has seen the close: try until it has.
    for attempt in 0.. {
        let mut ws = app.socket_sending_auth(&aino.token).await;
        match next_frame(&mut ws).await {
            Some(Frame::Welcome(_)) => break,
            Some(Frame::Error {
                code: ErrorCode::Limited,
                ..
            }) if attempt < 50 => tokio::time::sleep(Duration::from_millis(20)).await,
            other => panic!("expected a Welcome once a connection closed, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_flood_of_frames_is_cut_off_with_a_clear_error_and_changes_nothing() {
    let app = spawn_app().await;
    let aino = app.joined("Aino").await;
    let before = app.stored(aino.member_doc).await;
    let mut ws = app.authed_socket(&aino.token).await;
    let unknown = DocId::from_bytes(random_bytes());
    let frame = Frame::Sync {
        doc: unknown,
        message: PeerSync::new()
            .poll_message(&mut AutoCommit::new())
            .unwrap(),
    };
    for _ in 0..3000 {
        send_frame(&mut ws, &frame).await;
    }
    let mut answered = 0;
    loop {
        match next_frame(&mut ws).await {
            Some(Frame::Unavailable { doc }) if doc == unknown => answered += 1,
            Some(Frame::Error { code, message }) => {
                assert_eq!(code, ErrorCode::Limited, "{message}");
                assert!(message.contains("too fast"), "{message}");
                break;
            }
            other => panic!("expected Unavailable or Error, got {other:?}"),
        }
    }
    assert!(answered >= 600, "the burst is served first ({answered})");
    assert!(next_frame(&mut ws).await.is_none(), "then the hub closes");
    assert_eq!(app.stored(aino.member_doc).await, before);
}

#[tokio::test]
async fn failed_sign_ins_from_one_network_wait_even_with_a_good_token() {
    let app = spawn_app().await;
    let aino = app.joined("Aino").await;
    for _ in 0..AUTH_FAILURES / 2 {
        let mut ws = app.socket_sending_auth(&mint_token()).await;
        expect_error_and_close(&mut ws, ErrorCode::AuthFailed).await;
    }
    // Forged bearer tokens on the HTTP API count too.
    for _ in 0..AUTH_FAILURES - AUTH_FAILURES / 2 {
        let res = app
            .http
            .get(format!("{}/api/devices", app.base))
            .bearer_auth(mint_token())
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 401);
    }
    let mut ws = app.socket_sending_auth(&aino.token).await;
    let message = expect_error_and_close(&mut ws, ErrorCode::Limited).await;
    assert!(message.contains("failed sign-ins"), "{message}");
    let res = app
        .http
        .get(format!("{}/api/devices", app.base))
        .bearer_auth(&aino.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);
    assert!(res.headers().contains_key("retry-after"));
}

fn big_entry(doc: &mut AutoCommit, bytes: usize) {
    // Random hex does not compress: the stored size grows by about this much.
    let text: String = (0..bytes / 32)
        .map(|_| hex::encode(random_bytes::<16>()))
        .collect();
    add_committed_entry(doc, text);
}

/// Syncs `local` as the member document until in sync, or until the hub's `Error`.
async fn sync_raw(app: &TestApp, token: &str, doc: DocId, local: &mut AutoCommit) -> Option<Frame> {
    let mut ws = app.authed_socket(token).await;
    let mut peer = PeerSync::new();
    loop {
        if let Some(message) = peer.poll_message(local) {
            send_frame(&mut ws, &Frame::Sync { doc, message }).await;
        }
        match next_frame(&mut ws).await {
            Some(Frame::Sync { message, .. }) => {
                peer.receive(local, &message).unwrap();
                if peer.in_sync(local) {
                    return None;
                }
            }
            Some(error @ Frame::Error { .. }) => return Some(error),
            other => panic!("unexpected {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_member_document_past_its_size_limit_refuses_the_change_and_keeps_what_it_had() {
    const LIMIT: u64 = 64 * 1024;
    let app = spawn_app_with(Arc::new(tempfile::tempdir().unwrap()), None, |c| {
        c.max_member_doc_bytes = LIMIT
    })
    .await;
    let aino = app.joined("Aino").await;
    let mut phone = Device::connect(&app, &aino).await;
    phone.write("Tavallinen merkintä.").await;
    phone.sync().await;
    phone.close().await;
    let before = app.stored(aino.member_doc).await;

    let mut local = before.to_doc().unwrap();
    set_writer(&mut local, random_bytes());
    for _ in 0..10 {
        big_entry(&mut local, 16 * 1024);
    }
    match sync_raw(&app, &aino.token, aino.member_doc, &mut local).await {
        Some(Frame::Error { code, message }) => {
            assert_eq!(code, ErrorCode::TooLarge);
            assert!(message.contains("limit of 64 KB"), "{message}");
            assert!(message.contains("stays on your device"), "{message}");
        }
        other => panic!("expected the size limit's error, got {other:?}"),
    }
    assert_eq!(app.stored(aino.member_doc).await, before, "nothing stored");
    // Within the limit the member syncs as before.
    let mut phone = Device::connect(&app, &aino).await;
    phone.write("Vielä mahtuu.").await;
    phone.sync().await;
    phone.close().await;
    assert_eq!(app.stored_entries(aino.member_doc).await.len(), 2);
}
