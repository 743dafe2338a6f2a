//! The member document the client benchmarks load and extend: 10,000 diary entries and
//! 1,000 sign-ups, each its own change as the app makes them. Shared by the native bench
//! (tests/benches/client.rs) and the Chromium one (tests/store_idb_bench.rs).

use automerge::AutoCommit;
use kumppani_core::ids::{DocId, EntryId, EventId};
use kumppani_core::model::{member, EntryDraft, Mood};
use kumppani_core::time::Timestamp;

pub const ENTRIES: u64 = 10_000;
pub const SIGNUPS: u64 = 1_000;
pub const DOC: DocId = DocId::from_bytes([7; 16]);

fn id(n: u64, salt: u8) -> [u8; 16] {
    let mut b = [salt; 16];
    b[..8].copy_from_slice(&n.to_be_bytes());
    b
}

fn draft(n: u64) -> EntryDraft {
    EntryDraft {
        text: format!("Päivä {n}: kävin kirjastossa ja juttelin naapurin kanssa puistosta."),
        mood: Mood::new(1 + (n % 5) as i64).expect("1 to 5"),
        tags: vec!["lähiö".into()],
        at: Timestamp(n as i64 * 3_600_000),
        prompt: None,
    }
}

/// Entry number `n`, committed: what pressing "save" does to the document.
pub fn write_entry(doc: &mut AutoCommit, n: u64) {
    let at = Timestamp(n as i64 * 3_600_000);
    member::add_entry(doc, EntryId::from_bytes(id(n, 1)), &draft(n), at).expect("a valid entry");
    member::commit(doc, "entry", at);
}

/// A year or more of use.
pub fn big_member_document() -> AutoCommit {
    let mut doc = member::new_document();
    for n in 0..ENTRIES {
        write_entry(&mut doc, n);
    }
    for n in 0..SIGNUPS {
        let at = Timestamp(n as i64 * 86_400_000);
        member::request_signup(&mut doc, EventId::from_bytes(id(n, 2)), at)
            .expect("a valid sign-up");
        member::commit(&mut doc, "signup", at);
    }
    doc
}
