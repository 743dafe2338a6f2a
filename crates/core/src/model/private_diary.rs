//! The private diary: one per profile on a device, never synced, sealed at rest by
//! [`crate::vault`].
//!
//! Layout (schema 1):
//! ```text
//! { schema: 1,
//!   diary: { <entry id>: { text, mood, tags: [str], at, created_at, updated_at } } }
//! ```
//! Entries have the member document's entry shape and are written by the same code
//! (`model/diary.rs`). Sharing one makes a copy under a fresh id in the member document
//! (see [`super::member::share_entry`]); nothing here records that it was shared.

use super::diary as diary_map;
use super::{deterministic_root, DiaryEntry, EntryDraft};
use crate::ids::EntryId;
use crate::time::Timestamp;
use automerge::transaction::Transactable;
use automerge::{AutoCommit, AutomergeError, ObjId, ObjType, ReadDoc, Value, ROOT};

pub const SCHEMA: i64 = 1;
const DIARY: &str = "diary";

#[derive(Debug, thiserror::Error)]
pub enum PrivateDiaryError {
    #[error("the private diary has no diary map; it was not made by Kumppani")]
    NoDiary,
    #[error("no diary entry {0}")]
    NoSuchEntry(EntryId),
    #[error("diary entry {0} already exists")]
    EntryExists(EntryId),
    #[error("automerge: {0}")]
    Automerge(#[from] AutomergeError),
}

/// A new private diary. The same bytes everywhere (see `deterministic_root`).
pub fn new_document() -> AutoCommit {
    deterministic_root(|doc| {
        doc.put(ROOT, "schema", SCHEMA)
            .expect("put on a fresh document");
        doc.put_object(ROOT, DIARY, ObjType::Map)
            .expect("put_object on a fresh document");
    })
}

fn diary(doc: &AutoCommit) -> Result<ObjId, PrivateDiaryError> {
    match doc.get(ROOT, DIARY)? {
        Some((Value::Object(ObjType::Map), id)) => Ok(id),
        _ => Err(PrivateDiaryError::NoDiary),
    }
}

/// Adds an entry written now. The caller commits (see [`super::commit`]).
pub fn add_entry(
    doc: &mut AutoCommit,
    id: EntryId,
    draft: &EntryDraft,
    now: Timestamp,
) -> Result<(), PrivateDiaryError> {
    let diary = diary(doc)?;
    if doc.get(&diary, id.to_string())?.is_some() {
        return Err(PrivateDiaryError::EntryExists(id));
    }
    diary_map::add_in(doc, &diary, id, draft, now)?;
    Ok(())
}

/// Changes the fields that differ from the entry as stored.
pub fn edit_entry(
    doc: &mut AutoCommit,
    id: EntryId,
    draft: &EntryDraft,
    now: Timestamp,
) -> Result<(), PrivateDiaryError> {
    let diary = diary(doc)?;
    if diary_map::edit_in(doc, &diary, id, draft, now)? {
        Ok(())
    } else {
        Err(PrivateDiaryError::NoSuchEntry(id))
    }
}

pub fn delete_entry(doc: &mut AutoCommit, id: EntryId) -> Result<(), PrivateDiaryError> {
    let diary = diary(doc)?;
    if diary_map::delete_in(doc, &diary, id)? {
        Ok(())
    } else {
        Err(PrivateDiaryError::NoSuchEntry(id))
    }
}

/// Every readable entry, newest first (the member diary's order).
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{set_writer, Mood};

    fn draft(text: &str, at: i64) -> EntryDraft {
        EntryDraft {
            text: text.into(),
            mood: Mood::new(3).unwrap(),
            tags: vec!["koti".into()],
            at: Timestamp(at),
            prompt: None,
        }
    }

    #[test]
    fn every_new_private_diary_is_the_same_document() {
        let mut a = new_document();
        let mut b = new_document();
        assert_eq!(a.get_heads(), b.get_heads());
        assert_ne!(
            a.get_heads(),
            super::super::member::new_document().get_heads()
        );
    }

    #[test]
    fn an_entry_is_added_edited_listed_and_deleted() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        let first = EntryId::from_bytes([1; 16]);
        let second = EntryId::from_bytes([2; 16]);
        add_entry(&mut doc, first, &draft("aamu", 1), Timestamp(10)).unwrap();
        add_entry(&mut doc, second, &draft("ilta", 2), Timestamp(11)).unwrap();
        assert!(matches!(
            add_entry(&mut doc, first, &draft("uudestaan", 3), Timestamp(12)),
            Err(PrivateDiaryError::EntryExists(_))
        ));
        let texts: Vec<String> = entries(&doc).into_iter().map(|e| e.text).collect();
        assert_eq!(texts, ["ilta", "aamu"]);

        let mut changed = entry(&doc, first).unwrap().draft();
        changed.mood = Mood::new(5).unwrap();
        edit_entry(&mut doc, first, &changed, Timestamp(20)).unwrap();
        let e = entry(&doc, first).unwrap();
        assert_eq!((e.mood.get(), e.text.as_str()), (5, "aamu"));
        assert_eq!((e.created_at, e.updated_at), (Timestamp(10), Timestamp(20)));

        delete_entry(&mut doc, first).unwrap();
        assert_eq!(entries(&doc).len(), 1);
        assert!(matches!(
            edit_entry(&mut doc, first, &changed, Timestamp(21)),
            Err(PrivateDiaryError::NoSuchEntry(_))
        ));
        assert!(matches!(
            delete_entry(&mut doc, first),
            Err(PrivateDiaryError::NoSuchEntry(_))
        ));
    }

    #[test]
    fn a_private_diary_survives_sealing_and_opening() {
        use crate::vault::{open, seal, KdfParams, VaultKey};
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        add_entry(
            &mut doc,
            EntryId::from_bytes([1; 16]),
            &draft("vain minulle", 1),
            Timestamp(1),
        )
        .unwrap();
        super::super::commit(&mut doc, "add", Timestamp(1));
        let fast = KdfParams {
            m_kib: 64,
            t: 1,
            p: 1,
        };
        let key = VaultKey::derive_with("2468", &[3; 16], fast).unwrap();
        let blob = seal(&key, [9; 24], &doc.save());
        let back = AutoCommit::load(&open(&key, &blob).unwrap()).unwrap();
        assert_eq!(entries(&back), entries(&doc));
    }
}
