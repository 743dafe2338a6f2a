//! Typed reading and writing of Kumppani's Automerge documents.
//!
//! Every document is written through these functions, never through a serde round trip,
//! so that concurrent edits merge field by field. Readers are forgiving: a member can put
//! anything into their own document, so a malformed item is skipped, never a panic.

mod diary;
pub mod member;

pub use diary::{DiaryEntry, EntryDraft, Mood, MoodError};

use automerge::{ActorId, AutoCommit};

/// A document's first change made the same way everywhere: the same actor, time and ops
/// give the same change hash, so every device and the hub start from one shared root and
/// a map made here is one object, not two conflicting ones.
pub(crate) fn deterministic_root(build: impl FnOnce(&mut AutoCommit)) -> AutoCommit {
    let mut doc = AutoCommit::new().with_actor(ActorId::from([0u8; 16]));
    build(&mut doc);
    doc.commit_with(automerge::transaction::CommitOptions::default().with_time(0));
    doc
}

/// Gives the document a fresh actor for this writer. Two writers must never share one.
pub fn set_writer(doc: &mut AutoCommit, actor: [u8; 16]) {
    doc.set_actor(ActorId::from(actor));
}
