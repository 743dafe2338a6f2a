//! The device's sync session and the document sync under it, fed whatever a hub (or
//! anyone on the network) might send: any bytes, after a real Welcome, never panic, and the
//! member document stays readable.
#![no_main]

use kumppani_core::docsync::PeerSync;
use kumppani_core::model::member;
use kumppani_core::session::SessionInput;
use kumppani_core::time::Timestamp;
use kumppani_fuzz::{ready_session, MEMBER_DOC};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|messages: Vec<Vec<u8>>| {
    let mut session = ready_session();
    let mut doc = member::new_document();
    let mut peer = PeerSync::new();
    for bytes in messages.iter().take(16) {
        let _ = session.handle(Timestamp(1), SessionInput::Received(bytes.clone()));
        let _ = peer.receive(&mut doc, bytes);
        let _ = peer.poll_message(&mut doc);
    }
    if let Some(doc) = session.doc(&MEMBER_DOC) {
        let _ = member::entries(doc);
    }
});
