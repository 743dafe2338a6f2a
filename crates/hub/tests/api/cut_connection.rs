//! A connection cut in the middle of a frame: the hub applies nothing of the part it got,
//! and the device's next connection syncs everything. Between the device and the hub sits
//! a loopback relay that forwards the device's bytes until it has passed a set number,
//! then drops both sides, as a mobile network does when a phone leaves the hall.

use crate::helpers::{add_committed_entry, next_frame, send_frame, spawn_app, Device};
use automerge::AutoCommit;
use kumppani_core::docsync::PeerSync;
use kumppani_core::model::{member, set_writer};
use kumppani_core::wire::Frame;
use kumppani_hub::tokens::random_bytes;
use std::net::SocketAddr;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

/// Relays one connection to `hub`, passing at most `budget` bytes from the device, then
/// closing both sides. The receiver tells how many bytes it passed.
async fn cutting_relay(hub: SocketAddr, budget: usize) -> (SocketAddr, oneshot::Receiver<usize>) {
    let (passed_tx, passed_rx) = oneshot::channel();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut device, _) = listener.accept().await.unwrap();
        let mut upstream = TcpStream::connect(hub).await.unwrap();
        let (mut dev_read, mut dev_write) = device.split();
        let (mut hub_read, mut hub_write) = upstream.split();
        let to_hub = async {
            let mut left = budget;
            let mut passed = 0;
            let mut buf = vec![0u8; 16 * 1024];
            while left > 0 {
                let n = match dev_read.read(&mut buf).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                let pass = n.min(left);
                if hub_write.write_all(&buf[..pass]).await.is_err() {
                    break;
                }
                left -= pass;
                passed += pass;
            }
            let _ = passed_tx.send(passed);
        };
        let to_device = async {
            let mut buf = vec![0u8; 16 * 1024];
            loop {
                match hub_read.read(&mut buf).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if dev_write.write_all(&buf[..n]).await.is_err() {
                            break;
                        }
                    }
                }
            }
        };
        // The cut: once the device's budget is spent, both directions end.
        tokio::select! {
            () = to_hub => {},
            () = to_device => {},
        }
    });
    (addr, passed_rx)
}

/// A member document with `n` entries that do not compress much.
fn backlog(n: usize) -> AutoCommit {
    let mut doc = member::new_document();
    set_writer(&mut doc, random_bytes());
    for i in 0..n {
        let text = format!("Merkintä {i}: {}", hex::encode(random_bytes::<32>()));
        add_committed_entry(&mut doc, text);
    }
    doc
}

#[tokio::test]
async fn a_frame_cut_in_half_applies_nothing_and_the_next_connection_syncs_all() {
    let app = spawn_app().await;
    let aino = app.joined("Aino").await;
    let before = app.stored(aino.member_doc).await;
    let mut doc = backlog(300);

    // The frame that carries the changes, as the device would send it after the hub's
    // first answer: measured on a direct connection first, to cut the relayed one inside it.
    let mut direct = app.authed_socket(&aino.token).await;
    let mut peer = PeerSync::new();
    let mut probe = member::new_document();
    let hello = peer.poll_message(&mut probe).unwrap();
    send_frame(
        &mut direct,
        &Frame::Sync {
            doc: aino.member_doc,
            message: hello,
        },
    )
    .await;
    let Some(Frame::Sync {
        message: answer, ..
    }) = next_frame(&mut direct).await
    else {
        panic!("the hub answers the first sync message");
    };
    drop(direct);
    let mut peer = PeerSync::new();
    let first = peer.poll_message(&mut doc).unwrap();
    peer.receive(&mut doc, &answer).unwrap();
    let carrying = peer
        .poll_message(&mut doc)
        .expect("a message with the changes");
    let carrying_frame = Frame::Sync {
        doc: aino.member_doc,
        message: carrying.clone(),
    }
    .encode();
    assert!(carrying_frame.len() > 10_000, "{}", carrying_frame.len());

    // Through the relay: the upgrade, Auth, the first message, then half the big frame.
    let hub_addr: SocketAddr = app.base.trim_start_matches("http://").parse().unwrap();
    let upgrade_and_small_frames = 4 * 1024;
    let budget = upgrade_and_small_frames + carrying_frame.len() / 2;
    let (relay, passed) = cutting_relay(hub_addr, budget).await;
    let (mut ws, _) = tokio_tungstenite::connect_async(format!("ws://{relay}/sync"))
        .await
        .unwrap();
    send_frame(
        &mut ws,
        &Frame::Auth {
            token: aino.token.clone(),
        },
    )
    .await;
    assert!(matches!(next_frame(&mut ws).await, Some(Frame::Welcome(_))));
    send_frame(
        &mut ws,
        &Frame::Sync {
            doc: aino.member_doc,
            message: first,
        },
    )
    .await;
    assert!(matches!(
        next_frame(&mut ws).await,
        Some(Frame::Sync { .. })
    ));
    // This send may fail or not, depending on when the relay cuts; the hub gets half.
    let _ = futures::SinkExt::send(
        &mut ws,
        tokio_tungstenite::tungstenite::Message::Binary(carrying_frame.into()),
    )
    .await;
    while tokio::time::timeout(std::time::Duration::from_secs(2), next_frame(&mut ws))
        .await
        .ok()
        .flatten()
        .is_some()
    {}
    // Give the hub a moment to notice the socket's end, then look: nothing applied.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    // The relay spent its whole budget: the cut came inside the big frame, not before it.
    assert_eq!(passed.await.unwrap(), budget);
    assert_eq!(
        app.stored(aino.member_doc).await,
        before,
        "no part of the frame applied"
    );

    // The device comes back on a whole connection and everything arrives.
    let mut phone = Device::connect_with(&app, &aino, doc).await;
    phone.sync().await;
    phone.close().await;
    assert_eq!(app.stored_entries(aino.member_doc).await.len(), 300);
}
