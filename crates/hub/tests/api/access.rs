//! What a device may not do over the sync socket, and that trying changes nothing.

use crate::helpers::{
    add_committed_entry, expect_error_and_close, next_frame, send_frame, spawn_app, Device, TestApp,
};
use futures::SinkExt;
use kumppani_core::docsync::PeerSync;
use kumppani_core::ids::DocId;
use kumppani_core::model::{member, set_writer};
use kumppani_core::store::StoredDoc;
use kumppani_core::wire::{ErrorCode, Frame, MAX_FRAME_BYTES, PROTOCOL_VERSION};
use kumppani_hub::tokens::{mint_token, random_bytes};
use tokio_tungstenite::tungstenite::Message;

/// A valid sync message that carries a new diary entry.
fn sync_message_with_an_entry() -> Vec<u8> {
    let mut doc = member::new_document();
    set_writer(&mut doc, random_bytes());
    add_committed_entry(&mut doc, "Tunkeilija kirjoitti tämän.");
    let mut peer = PeerSync::new();
    peer.poll_message(&mut doc).unwrap()
}

/// A member with one synced entry: their join answer and their stored document.
async fn member_with_an_entry(
    app: &TestApp,
    name: &str,
) -> (kumppani_core::api::JoinResponse, StoredDoc) {
    let joined = app.joined(name).await;
    let mut device = Device::connect(app, &joined).await;
    device.write("Oma merkintä.").await;
    device.sync().await;
    device.close().await;
    let stored = app.stored(joined.member_doc).await;
    (joined, stored)
}

#[tokio::test]
async fn member_cannot_sync_another_members_document_nor_probe_unknown_ids() {
    let app = spawn_app().await;
    let (_a, _) = member_with_an_entry(&app, "Aino").await;
    let a = app.joined("Aino toinen").await;
    let (b, b_before) = member_with_an_entry(&app, "Pekka").await;
    let mut ws = app.authed_socket(&a.token).await;
    for doc in [b.member_doc, DocId::from_bytes(random_bytes())] {
        send_frame(
            &mut ws,
            &Frame::Sync {
                doc,
                message: sync_message_with_an_entry(),
            },
        )
        .await;
        assert_eq!(next_frame(&mut ws).await, Some(Frame::Unavailable { doc }));
    }
    assert_eq!(
        app.stored(b.member_doc).await,
        b_before,
        "B's document is unchanged"
    );
    assert_eq!(app.stored_entries(b.member_doc).await.len(), 1);
    // The connection stays usable for the device's own document.
    send_frame(
        &mut ws,
        &Frame::Sync {
            doc: a.member_doc,
            message: sync_message_with_an_entry(),
        },
    )
    .await;
    assert!(
        matches!(next_frame(&mut ws).await, Some(Frame::Sync { doc, .. }) if doc == a.member_doc)
    );
}

#[tokio::test]
async fn a_forged_token_gets_auth_failed_and_a_close() {
    let app = spawn_app().await;
    let mut ws = app.socket_sending_auth(&mint_token()).await;
    expect_error_and_close(&mut ws, ErrorCode::AuthFailed).await;
}

#[tokio::test]
async fn a_revoked_token_gets_auth_failed_and_an_open_connection_is_closed() {
    let app = spawn_app().await;
    let phone = app.joined("Liisa").await;
    let tablet = app.linked(&phone.token).await;
    let mut open = app.authed_socket(&tablet.token).await;
    let res = app.revoke(&phone.token, tablet.device_id).await;
    assert_eq!(res.status(), 204);
    expect_error_and_close(&mut open, ErrorCode::AuthFailed).await;
    let mut ws = app.socket_sending_auth(&tablet.token).await;
    expect_error_and_close(&mut ws, ErrorCode::AuthFailed).await;
}

#[tokio::test]
async fn a_first_frame_other_than_auth_gets_not_authenticated() {
    let app = spawn_app().await;
    let (a, before) = member_with_an_entry(&app, "Aino").await;
    let mut ws = app.socket().await;
    let frame = Frame::Sync {
        doc: a.member_doc,
        message: sync_message_with_an_entry(),
    };
    send_frame(&mut ws, &frame).await;
    expect_error_and_close(&mut ws, ErrorCode::NotAuthenticated).await;
    assert_eq!(app.stored(a.member_doc).await, before);
}

#[tokio::test]
async fn malformed_and_text_frames_get_malformed_and_a_close_and_change_nothing() {
    let app = spawn_app().await;
    let (a, before) = member_with_an_entry(&app, "Aino").await;
    let mut ws = app.authed_socket(&a.token).await;
    let mut junk = vec![PROTOCOL_VERSION];
    junk.extend(random_bytes::<64>());
    junk[1] = 0x7f; // no such frame type
    ws.send(Message::Binary(junk.into())).await.unwrap();
    expect_error_and_close(&mut ws, ErrorCode::Malformed).await;

    let mut ws = app.authed_socket(&a.token).await;
    ws.send(Message::Text("hei".into())).await.unwrap();
    expect_error_and_close(&mut ws, ErrorCode::Malformed).await;

    let mut ws = app.authed_socket(&a.token).await;
    let bad_sync = Frame::Sync {
        doc: a.member_doc,
        message: random_bytes::<48>().to_vec(),
    };
    send_frame(&mut ws, &bad_sync).await;
    expect_error_and_close(&mut ws, ErrorCode::BadSyncMessage).await;
    assert_eq!(app.stored(a.member_doc).await, before);
}

#[tokio::test]
async fn an_oversized_frame_gets_too_large_and_changes_nothing() {
    let app = spawn_app().await;
    let (a, before) = member_with_an_entry(&app, "Aino").await;
    let mut ws = app.authed_socket(&a.token).await;
    let mut big = Frame::Sync {
        doc: a.member_doc,
        message: Vec::new(),
    }
    .encode();
    big.resize(MAX_FRAME_BYTES + 1, 0);
    ws.send(Message::Binary(big.into())).await.unwrap();
    expect_error_and_close(&mut ws, ErrorCode::TooLarge).await;
    assert_eq!(app.stored(a.member_doc).await, before);
}
