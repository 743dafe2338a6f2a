//! The member document: one per member per project, written by that member's devices.
//!
//! Layout (schema 1):
//! ```text
//! { schema: 1,
//!   diary: { <entry id>: { text, mood, tags: [str], at, prompt?, created_at, updated_at,
//!                          shared: "named" | "anonymous" } },   entries the member shared
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

use super::diary as diary_map;
use super::idea::IdeaError;
use super::{deterministic_root, get_str, DiaryEntry, EntryDraft};
use crate::ids::{EntryId, EventId, IdeaId};
use crate::time::Timestamp;
use automerge::transaction::Transactable;
use automerge::{AutoCommit, AutomergeError, ObjId, ObjType, ReadDoc, Value, ROOT};
use serde::{Deserialize, Serialize};

mod ideas;
mod remainder;
mod signup;

pub use ideas::{
    comment, edit_idea, my_comments, my_ideas, my_reports, my_supports, report, submit_idea,
    support, unsupport, withdraw_idea, MyComment, MyIdea, MyReport, MySupport,
};
pub use remainder::anonymous_remainder;
pub use signup::{
    cancel_signup, request_signup, set_hub_state, signup, signups, HubSignupState, Signup,
    SignupView,
};

pub const SCHEMA: i64 = 1;
const DIARY: &str = "diary";
const SHARED: &str = "shared";
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
    #[error("diary entry {0} already exists")]
    EntryExists(EntryId),
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
    diary_map::add_in(doc, &diary, id, draft, now)?;
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
    if diary_map::edit_in(doc, &diary, id, draft, now)? {
        Ok(())
    } else {
        Err(MemberDocError::NoSuchEntry(id))
    }
}

pub fn delete_entry(doc: &mut AutoCommit, id: EntryId) -> Result<(), MemberDocError> {
    let diary = diary(doc)?;
    if diary_map::delete_in(doc, &diary, id)? {
        Ok(())
    } else {
        Err(MemberDocError::NoSuchEntry(id))
    }
}

/// Closes the pending change with the device's clock as its time (informational only).
pub fn commit(doc: &mut AutoCommit, message: &str, now: Timestamp) {
    super::commit(doc, message, now);
}

/// Every readable entry, newest first: by the date it is about (which a person picks to the
/// minute), then by when it was written, then by id for an order every device agrees on.
pub fn entries(doc: &AutoCommit) -> Vec<DiaryEntry> {
    let Ok(diary) = diary(doc) else {
        return Vec::new();
    };
    diary_map::entries_in(doc, &diary)
}

pub fn entry(doc: &AutoCommit, id: EntryId) -> Option<DiaryEntry> {
    let diary = diary(doc).ok()?;
    diary_map::entry_in(doc, &diary, id)
}

/// How a member shared an entry from their private diary with the project's staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sharing {
    /// Shown with the member's name.
    Named,
    /// Shown without the member's name.
    Anonymous,
}

impl Sharing {
    fn as_str(self) -> &'static str {
        match self {
            Sharing::Named => "named",
            Sharing::Anonymous => "anonymous",
        }
    }
}

/// Shares a copy of a private diary entry under a fresh id, `shared_id`. Only the draft's
/// fields, the times and the sharing mode are stored: never the private entry's id, so the
/// staff side can never link the copy back to the private diary. The caller commits.
pub fn share_entry(
    doc: &mut AutoCommit,
    shared_id: EntryId,
    draft: &EntryDraft,
    sharing: Sharing,
    now: Timestamp,
) -> Result<(), MemberDocError> {
    let diary = diary(doc)?;
    if doc.get(&diary, shared_id.to_string())?.is_some() {
        return Err(MemberDocError::EntryExists(shared_id));
    }
    let obj = diary_map::add_in(doc, &diary, shared_id, draft, now)?;
    doc.put(&obj, SHARED, sharing.as_str())?;
    Ok(())
}

/// Takes a shared entry back: it is deleted from the member document.
pub fn revoke_shared(doc: &mut AutoCommit, shared_id: EntryId) -> Result<(), MemberDocError> {
    delete_entry(doc, shared_id)
}

/// Changes how a shared entry is shown (named or anonymous).
pub fn set_sharing(
    doc: &mut AutoCommit,
    shared_id: EntryId,
    sharing: Sharing,
) -> Result<(), MemberDocError> {
    let diary = diary(doc)?;
    let obj = diary_map::entry_obj(doc, &diary, shared_id)
        .ok_or(MemberDocError::NoSuchEntry(shared_id))?;
    doc.put(&obj, SHARED, sharing.as_str())?;
    Ok(())
}

/// How the entry is shared; `None` when there is no such entry or it carries no mark.
///
/// An entry without the mark was written straight into the member document by a version
/// before private diaries: its writer never chose to share it, so it is not shared (it
/// syncs to the member's own devices only). A mark this version does not know reads as
/// anonymous, the side that never shows a name wrongly.
pub fn sharing(doc: &AutoCommit, id: EntryId) -> Option<Sharing> {
    let diary = diary(doc).ok()?;
    let obj = diary_map::entry_obj(doc, &diary, id)?;
    doc.get(&obj, SHARED).ok()??;
    match get_str(doc, &obj, SHARED).as_deref() {
        Some("named") => Some(Sharing::Named),
        _ => Some(Sharing::Anonymous),
    }
}

/// Every entry the member shared with the project, with how, newest first.
pub fn shared_entries(doc: &AutoCommit) -> Vec<(DiaryEntry, Sharing)> {
    entries(doc)
        .into_iter()
        .filter_map(|e| sharing(doc, e.id).map(|s| (e, s)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{set_writer, Mood};

    fn draft(text: &str, at: i64) -> EntryDraft {
        EntryDraft {
            text: text.into(),
            mood: Mood::new(4).unwrap(),
            tags: vec!["piha".into()],
            at: Timestamp(at),
            prompt: None,
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

    #[test]
    fn a_shared_entry_reads_back_with_its_sharing_and_is_revoked_by_deleting_it() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        let named = EntryId::from_bytes([1; 16]);
        let anonymous = EntryId::from_bytes([2; 16]);
        let plain = EntryId::from_bytes([3; 16]);
        share_entry(
            &mut doc,
            named,
            &draft("nimellä", 1),
            Sharing::Named,
            Timestamp(5),
        )
        .unwrap();
        share_entry(
            &mut doc,
            anonymous,
            &draft("nimettä", 2),
            Sharing::Anonymous,
            Timestamp(6),
        )
        .unwrap();
        add_entry(&mut doc, plain, &draft("suoraan", 3), Timestamp(7)).unwrap();
        assert_eq!(sharing(&doc, named), Some(Sharing::Named));
        assert_eq!(sharing(&doc, anonymous), Some(Sharing::Anonymous));
        assert_eq!(sharing(&doc, plain), None);
        let shared: Vec<EntryId> = shared_entries(&doc)
            .into_iter()
            .map(|(e, _)| e.id)
            .collect();
        assert_eq!(shared, [anonymous, named]);
        set_sharing(&mut doc, named, Sharing::Anonymous).unwrap();
        assert_eq!(sharing(&doc, named), Some(Sharing::Anonymous));
        set_sharing(&mut doc, named, Sharing::Named).unwrap();
        assert_eq!(entry(&doc, anonymous).unwrap().text, "nimettä");
        assert!(matches!(
            share_entry(
                &mut doc,
                named,
                &draft("x", 1),
                Sharing::Named,
                Timestamp(8)
            ),
            Err(MemberDocError::EntryExists(_))
        ));

        revoke_shared(&mut doc, anonymous).unwrap();
        assert_eq!(sharing(&doc, anonymous), None);
        assert_eq!(entries(&doc).len(), 2);
        assert!(matches!(
            revoke_shared(&mut doc, anonymous),
            Err(MemberDocError::NoSuchEntry(_))
        ));
    }

    #[test]
    fn an_unknown_sharing_mark_reads_as_anonymous() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        let id = EntryId::from_bytes([1; 16]);
        share_entry(&mut doc, id, &draft("x", 1), Sharing::Named, Timestamp(5)).unwrap();
        let obj = diary_map::entry_obj(&doc, &diary(&doc).unwrap(), id).unwrap();
        doc.put(&obj, SHARED, "friends-only").unwrap();
        assert_eq!(sharing(&doc, id), Some(Sharing::Anonymous));
        doc.put(&obj, SHARED, 7).unwrap();
        assert_eq!(sharing(&doc, id), Some(Sharing::Anonymous));
    }

    #[test]
    fn an_anonymous_shared_entry_stores_no_member_device_or_name() {
        let member_id = "3f6c1d2e9a8b4c7d";
        let device = [0xAB; 16];
        let display_name = "Aino Virtanen";
        let private_id = EntryId::from_bytes([0x55; 16]);

        let mut doc = new_document();
        set_writer(&mut doc, device);
        let shared_id = EntryId::from_bytes([0x66; 16]);
        let text = "Kokouksessa oli vaikea saada puheenvuoroa.";
        let d = EntryDraft {
            text: text.into(),
            mood: Mood::new(2).unwrap(),
            tags: vec!["kokous".into()],
            at: Timestamp(1_000),
            prompt: None,
        };
        share_entry(
            &mut doc,
            shared_id,
            &d,
            Sharing::Anonymous,
            Timestamp(2_000),
        )
        .unwrap();
        commit(&mut doc, "share", Timestamp(2_000));

        let obj = diary_map::entry_obj(&doc, &diary(&doc).unwrap(), shared_id).unwrap();
        let mut keys: Vec<String> = doc.keys(&obj).collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "at",
                "created_at",
                "mood",
                "shared",
                "tags",
                "text",
                "updated_at"
            ]
        );
        let mut stored: Vec<String> = keys
            .iter()
            .filter_map(|k| match doc.get(&obj, k.as_str()).unwrap()? {
                (Value::Scalar(s), _) => Some(s.to_string()),
                _ => None,
            })
            .collect();
        stored.extend(super::super::get_str_list(&doc, &obj, "tags"));
        let forbidden = [
            member_id.to_owned(),
            hex::encode(device),
            display_name.to_owned(),
            private_id.to_string(),
        ];
        for value in &stored {
            for f in &forbidden {
                assert!(!value.contains(f.as_str()), "{value:?} holds {f:?}");
            }
        }
        assert!(stored.iter().any(|v| v.contains("anonymous")));
    }
}
