//! The member document: one per member per project, written by that member's devices.
//!
//! Layout (schema 1):
//! ```text
//! { schema: 1,
//!   diary: { <entry id>: { text, mood, tags: [str], at, created_at, updated_at } },
//!   signups: { <event id>: { requested_at, cancelled_at?,                  the member
//!                            status, position?, previous_status, previous_position?,
//!                            status_at, ticket?, answers_request } },     the hub
//!   ideas:    { <idea id>: { title, description, theme, anonymous, submitted_at,
//!                            withdrawn_at? } },
//!   supports: { <idea id>: { at } },                      deleted to take it back
//!   comments: { <comment id>: { idea, text, anonymous, at } },
//!   reports:  { <idea or comment id>: { kind: "idea" | "comment", reason, at } } }
//! ```
//! Entry ids are random per entry, so entries written on two offline devices never
//! collide. Text is a plain string replaced whole on edit (one author per entry).
//! Sign-ups are written in the `signup` submodule: the member and the hub write different keys of
//! one map, so their concurrent writes never fight over one key.

use super::idea::IdeaError;
use super::{deterministic_root, get_i64, get_str, get_str_list, DiaryEntry, EntryDraft, Mood};
use crate::ids::{EntryId, EventId, IdeaId};
use crate::time::Timestamp;
use automerge::transaction::Transactable;
use automerge::{AutoCommit, AutomergeError, ObjId, ObjType, ReadDoc, Value, ROOT};

mod ideas;
mod signup;

pub use ideas::{
    comment, edit_idea, my_comments, my_ideas, my_reports, my_supports, report, submit_idea,
    support, unsupport, withdraw_idea, MyComment, MyIdea, MyReport, MySupport,
};
pub use signup::{
    cancel_signup, request_signup, set_hub_state, signup, signups, HubSignupState, Signup,
    SignupView,
};

pub const SCHEMA: i64 = 1;
const DIARY: &str = "diary";
pub(crate) const SIGNUPS: &str = "signups";
const IDEAS: &str = "ideas";
const SUPPORTS: &str = "supports";
const COMMENTS: &str = "comments";
const REPORTS: &str = "reports";

#[derive(Debug, thiserror::Error)]
pub enum MemberDocError {
    #[error("the member document has no signups; it was not made by Kumppani")]
    NotAMemberDocument,
    #[error("the member document has no diary; it was not made by Kumppani")]
    NoDiary,
    #[error("no diary entry {0}")]
    NoSuchEntry(EntryId),
    #[error("the member has never signed up for event {0}")]
    NoSuchSignup(EventId),
    #[error("the member document has no {0} map; it was not made by Kumppani")]
    NoMap(&'static str),
    #[error("no idea {0}")]
    NoSuchIdea(IdeaId),
    #[error("idea {0} already exists")]
    IdeaExists(IdeaId),
    #[error(transparent)]
    InvalidIdea(#[from] IdeaError),
    #[error("automerge: {0}")]
    Automerge(#[from] AutomergeError),
}

/// A new member document. The same bytes everywhere (see `deterministic_root`).
pub fn new_document() -> AutoCommit {
    deterministic_root(|doc| {
        doc.put(ROOT, "schema", SCHEMA)
            .expect("put on a fresh document");
        doc.put_object(ROOT, DIARY, ObjType::Map)
            .expect("put_object on a fresh document");
        for key in [SIGNUPS, IDEAS, SUPPORTS, COMMENTS, REPORTS] {
            doc.put_object(ROOT, key, ObjType::Map)
                .expect("put_object on a fresh document");
        }
    })
}

fn diary(doc: &AutoCommit) -> Result<ObjId, MemberDocError> {
    match doc.get(ROOT, DIARY)? {
        Some((Value::Object(ObjType::Map), id)) => Ok(id),
        _ => Err(MemberDocError::NoDiary),
    }
}

/// Adds an entry written now. The caller commits (see [`commit`]).
pub fn add_entry(
    doc: &mut AutoCommit,
    id: EntryId,
    draft: &EntryDraft,
    now: Timestamp,
) -> Result<(), MemberDocError> {
    let diary = diary(doc)?;
    let obj = doc.put_object(&diary, id.to_string(), ObjType::Map)?;
    write_draft(doc, &obj, draft, None)?;
    doc.put(&obj, "created_at", now.millis())?;
    doc.put(&obj, "updated_at", now.millis())?;
    Ok(())
}

/// Changes an entry's fields; only the fields that differ are written, so an edit made on
/// another device to another field survives.
pub fn edit_entry(
    doc: &mut AutoCommit,
    id: EntryId,
    draft: &EntryDraft,
    now: Timestamp,
) -> Result<(), MemberDocError> {
    let diary = diary(doc)?;
    let obj = match doc.get(&diary, id.to_string())? {
        Some((Value::Object(ObjType::Map), obj)) => obj,
        _ => return Err(MemberDocError::NoSuchEntry(id)),
    };
    let current = read_entry(doc, id, &obj);
    write_draft(doc, &obj, draft, current.as_ref())?;
    doc.put(&obj, "updated_at", now.millis())?;
    Ok(())
}

pub fn delete_entry(doc: &mut AutoCommit, id: EntryId) -> Result<(), MemberDocError> {
    let diary = diary(doc)?;
    if doc.get(&diary, id.to_string())?.is_none() {
        return Err(MemberDocError::NoSuchEntry(id));
    }
    doc.delete(&diary, id.to_string())?;
    Ok(())
}

/// Closes the pending change with the device's clock as its time (informational only).
pub fn commit(doc: &mut AutoCommit, message: &str, now: Timestamp) {
    super::commit(doc, message, now);
}

fn write_draft(
    doc: &mut AutoCommit,
    obj: &ObjId,
    draft: &EntryDraft,
    current: Option<&DiaryEntry>,
) -> Result<(), AutomergeError> {
    if current.map(|c| &c.text) != Some(&draft.text) {
        doc.put(obj, "text", draft.text.as_str())?;
    }
    if current.map(|c| c.mood) != Some(draft.mood) {
        doc.put(obj, "mood", i64::from(draft.mood.get()))?;
    }
    if current.map(|c| c.at) != Some(draft.at) {
        doc.put(obj, "at", draft.at.millis())?;
    }
    if current.map(|c| &c.tags) != Some(&draft.tags) {
        let list = doc.put_object(obj, "tags", ObjType::List)?;
        for (i, tag) in draft.tags.iter().enumerate() {
            doc.insert(&list, i, tag.as_str())?;
        }
    }
    Ok(())
}

/// Every readable entry, newest first: by the date it is about (which a person picks to the
/// minute), then by when it was written, then by id for an order every device agrees on.
pub fn entries(doc: &AutoCommit) -> Vec<DiaryEntry> {
    let Ok(diary) = diary(doc) else {
        return Vec::new();
    };
    let mut out: Vec<DiaryEntry> = doc
        .keys(&diary)
        .filter_map(|key| {
            let id: EntryId = key.parse().ok()?;
            match doc.get(&diary, key.as_str()).ok()?? {
                (Value::Object(ObjType::Map), obj) => read_entry(doc, id, &obj),
                _ => None,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.at.cmp(&a.at)
            .then(b.created_at.cmp(&a.created_at))
            .then(b.id.cmp(&a.id))
    });
    out
}

pub fn entry(doc: &AutoCommit, id: EntryId) -> Option<DiaryEntry> {
    let diary = diary(doc).ok()?;
    match doc.get(&diary, id.to_string()).ok()?? {
        (Value::Object(ObjType::Map), obj) => read_entry(doc, id, &obj),
        _ => None,
    }
}

fn read_entry(doc: &AutoCommit, id: EntryId, obj: &ObjId) -> Option<DiaryEntry> {
    let text = get_str(doc, obj, "text")?;
    let mood = Mood::new(get_i64(doc, obj, "mood")?).ok()?;
    let at = Timestamp::from_millis(get_i64(doc, obj, "at")?);
    let created_at = Timestamp::from_millis(get_i64(doc, obj, "created_at").unwrap_or(at.0));
    let updated_at =
        Timestamp::from_millis(get_i64(doc, obj, "updated_at").unwrap_or(created_at.0));
    let tags = get_str_list(doc, obj, "tags");
    Some(DiaryEntry {
        id,
        text,
        mood,
        tags,
        at,
        created_at,
        updated_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::set_writer;

    fn draft(text: &str, at: i64) -> EntryDraft {
        EntryDraft {
            text: text.into(),
            mood: Mood::new(4).unwrap(),
            tags: vec!["piha".into()],
            at: Timestamp(at),
        }
    }

    #[test]
    fn every_new_document_is_the_same_document() {
        let mut a = new_document();
        let mut b = new_document();
        assert_eq!(a.get_heads(), b.get_heads());
    }

    #[test]
    fn an_entry_reads_back_as_written_and_edits_and_deletes() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        let id = EntryId::from_bytes([9; 16]);
        add_entry(
            &mut doc,
            id,
            &draft("Puistossa oli hiljaista.", 1_000),
            Timestamp(5),
        )
        .unwrap();
        commit(&mut doc, "add", Timestamp(5));
        let e = entry(&doc, id).unwrap();
        assert_eq!(e.text, "Puistossa oli hiljaista.");
        assert_eq!(e.tags, vec!["piha".to_owned()]);
        assert_eq!(e.created_at, Timestamp(5));

        let mut changed = e.draft();
        changed.text = "Puistossa oli eloa.".into();
        edit_entry(&mut doc, id, &changed, Timestamp(9)).unwrap();
        assert_eq!(entry(&doc, id).unwrap().text, "Puistossa oli eloa.");
        assert_eq!(entry(&doc, id).unwrap().updated_at, Timestamp(9));

        delete_entry(&mut doc, id).unwrap();
        assert!(entries(&doc).is_empty());
        assert!(matches!(
            delete_entry(&mut doc, id),
            Err(MemberDocError::NoSuchEntry(_))
        ));
    }

    #[test]
    fn entries_are_listed_newest_first() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        add_entry(
            &mut doc,
            EntryId::from_bytes([1; 16]),
            &draft("vanha", 1),
            Timestamp(0),
        )
        .unwrap();
        add_entry(
            &mut doc,
            EntryId::from_bytes([2; 16]),
            &draft("uusi", 3),
            Timestamp(0),
        )
        .unwrap();
        add_entry(
            &mut doc,
            EntryId::from_bytes([3; 16]),
            &draft("keski", 2),
            Timestamp(0),
        )
        .unwrap();
        let texts: Vec<String> = entries(&doc).into_iter().map(|e| e.text).collect();
        assert_eq!(texts, ["uusi", "keski", "vanha"]);
    }

    #[test]
    fn entries_about_the_same_minute_are_listed_latest_written_first() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        // Ids chosen so that id order alone would put the older entry first.
        add_entry(
            &mut doc,
            EntryId::from_bytes([9; 16]),
            &draft("ensin", 60_000),
            Timestamp(1),
        )
        .unwrap();
        add_entry(
            &mut doc,
            EntryId::from_bytes([1; 16]),
            &draft("sitten", 60_000),
            Timestamp(2),
        )
        .unwrap();
        let texts: Vec<String> = entries(&doc).into_iter().map(|e| e.text).collect();
        assert_eq!(texts, ["sitten", "ensin"]);
    }

    #[test]
    fn two_devices_edit_apart_and_merge_to_the_union() {
        let mut a = new_document();
        set_writer(&mut a, [1; 16]);
        let mut b = new_document();
        set_writer(&mut b, [2; 16]);
        add_entry(
            &mut a,
            EntryId::from_bytes([1; 16]),
            &draft("A kirjoitti", 1),
            Timestamp(0),
        )
        .unwrap();
        add_entry(
            &mut b,
            EntryId::from_bytes([2; 16]),
            &draft("B kirjoitti", 2),
            Timestamp(0),
        )
        .unwrap();
        a.commit();
        b.commit();
        a.merge(&mut b).unwrap();
        b.merge(&mut a).unwrap();
        assert_eq!(entries(&a).len(), 2);
        assert_eq!(entries(&a), entries(&b));
    }

    #[test]
    fn edits_to_different_fields_on_two_devices_both_survive() {
        let mut a = new_document();
        set_writer(&mut a, [1; 16]);
        let id = EntryId::from_bytes([5; 16]);
        add_entry(&mut a, id, &draft("alku", 1), Timestamp(0)).unwrap();
        a.commit();
        let mut b = a.fork().with_actor(automerge::ActorId::from([2u8; 16]));
        let mut text_edit = entry(&a, id).unwrap().draft();
        text_edit.text = "muutettu".into();
        edit_entry(&mut a, id, &text_edit, Timestamp(1)).unwrap();
        let mut mood_edit = entry(&b, id).unwrap().draft();
        mood_edit.mood = Mood::new(1).unwrap();
        edit_entry(&mut b, id, &mood_edit, Timestamp(2)).unwrap();
        a.commit();
        b.commit();
        a.merge(&mut b).unwrap();
        let merged = entry(&a, id).unwrap();
        assert_eq!(merged.text, "muutettu");
        assert_eq!(merged.mood.get(), 1);
    }

    #[test]
    fn a_malformed_entry_is_skipped_not_fatal() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        let d = diary(&doc).unwrap();
        let bad = doc
            .put_object(&d, EntryId::from_bytes([1; 16]).to_string(), ObjType::Map)
            .unwrap();
        doc.put(&bad, "text", 42).unwrap();
        doc.put(&d, "not-an-id", "x").unwrap();
        add_entry(
            &mut doc,
            EntryId::from_bytes([2; 16]),
            &draft("hyvä", 1),
            Timestamp(0),
        )
        .unwrap();
        assert_eq!(entries(&doc).len(), 1);
    }
}
