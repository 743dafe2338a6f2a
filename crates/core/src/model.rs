//! Typed reading and writing of Kumppani's Automerge documents.
//!
//! Every document is written through these functions, never through a serde round trip,
//! so that concurrent edits merge field by field. Readers are forgiving: a member can put
//! anything into their own document, so a malformed item is skipped, never a panic.
//!
//! - [`member`]: one per member per project: diary entries shared, sign-ups, ideas.
//! - [`project`]: events as organisers write them, counts and the ticket key from the hub.
//! - [`staff`]: rosters (hub), check-ins, walk-ins and approvals (organisers).
//! - [`event`]: the event itself and the draft an organiser fills in.
//! - [`idea`]: ideas, their answers and what is published of them.
//! - [`private_diary`]: a profile's own diary on one device, never synced.
//! - [`rewrite`]: a document's current state without its history, for erasure.

mod diary;
pub mod event;
pub mod idea;
pub mod member;
pub mod private_diary;
pub mod project;
pub mod rewrite;
pub mod staff;

pub use diary::{DiaryEntry, EntryDraft, Mood, MoodError};

use automerge::transaction::Transactable;
use automerge::{ActorId, AutoCommit, AutomergeError, ObjId, ObjType, ReadDoc, Value};

/// A document's first change made the same way everywhere: the same actor, time and ops
/// give the same change hash, so every device and the hub start from one shared root and
/// a map made here is one object, not two conflicting ones.
pub(crate) fn deterministic_root(build: impl FnOnce(&mut AutoCommit)) -> AutoCommit {
    let mut doc = AutoCommit::new().with_actor(ActorId::from([0u8; 16]));
    build(&mut doc);
    doc.commit_with(automerge::transaction::CommitOptions::default().with_time(0));
    doc
}

/// A new document of `kind`, from the deterministic root every peer shares, so a device
/// that is welcomed to a document it does not hold yet starts from the hub's first change.
pub fn new_document(kind: crate::wire::DocKind) -> AutoCommit {
    match kind {
        crate::wire::DocKind::Member => member::new_document(),
        crate::wire::DocKind::Project => project::new_document(),
        crate::wire::DocKind::Staff => staff::new_document(),
    }
}

/// Gives the document a fresh actor for this writer. Two writers must never share one.
pub fn set_writer(doc: &mut AutoCommit, actor: [u8; 16]) {
    doc.set_actor(ActorId::from(actor));
}

/// Closes the pending change with the writer's clock as its time (informational only).
pub fn commit(doc: &mut AutoCommit, message: &str, now: crate::time::Timestamp) {
    doc.commit_with(
        automerge::transaction::CommitOptions::default()
            .with_message(message)
            .with_time(now.millis() / 1000),
    );
}

/// The map at `key`, if there is one (the winner, when writers conflicted).
pub(crate) fn get_map(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<ObjId> {
    match doc.get(obj, key).ok()?? {
        (Value::Object(ObjType::Map), id) => Some(id),
        _ => None,
    }
}

/// Every map at `key`, the winner first. Two offline writers that each made the map at
/// one key hold two conflicting maps; reading all of them loses neither writer's items.
pub(crate) fn get_maps(doc: &AutoCommit, obj: &ObjId, key: &str) -> Vec<ObjId> {
    let Ok(all) = doc.get_all(obj, key) else {
        return Vec::new();
    };
    all.into_iter()
        .rev()
        .filter_map(|(value, id)| matches!(value, Value::Object(ObjType::Map)).then_some(id))
        .collect()
}

/// The map at `key`, made if there is none (so a write goes into the winner).
pub(crate) fn ensure_map(
    doc: &mut AutoCommit,
    obj: &ObjId,
    key: &str,
) -> Result<ObjId, AutomergeError> {
    match get_map(doc, obj, key) {
        Some(id) => Ok(id),
        None => doc.put_object(obj, key, ObjType::Map),
    }
}

pub(crate) fn get_str(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<String> {
    match doc.get(obj, key).ok()?? {
        (Value::Scalar(s), _) => s.as_str().map(str::to_owned),
        _ => None,
    }
}

pub(crate) fn get_i64(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<i64> {
    match doc.get(obj, key).ok()?? {
        (Value::Scalar(s), _) => s.as_i64(),
        _ => None,
    }
}

pub(crate) fn get_bool(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<bool> {
    match doc.get(obj, key).ok()?? {
        (Value::Scalar(s), _) => s.as_bool(),
        _ => None,
    }
}

/// The strings of the list at `key`; other items are skipped.
pub(crate) fn get_str_list(doc: &AutoCommit, obj: &ObjId, key: &str) -> Vec<String> {
    match doc.get(obj, key).ok().flatten() {
        Some((Value::Object(ObjType::List), list)) => doc
            .list_range(&list, ..)
            .filter_map(|item| match item.value {
                automerge::ValueRef::Scalar(automerge::ScalarValueRef::Str(s)) => {
                    Some(s.into_owned())
                }
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Replaces the list at `key` with these strings.
pub(crate) fn put_str_list(
    doc: &mut AutoCommit,
    obj: &ObjId,
    key: &str,
    items: &[String],
) -> Result<(), AutomergeError> {
    let list = doc.put_object(obj, key, ObjType::List)?;
    for (i, item) in items.iter().enumerate() {
        doc.insert(&list, i, item.as_str())?;
    }
    Ok(())
}
