//! A diary entry: what one person wrote about their day.
//!
//! The same shape serves the shared entries of the member document and the private,
//! device-only diary. Both keep entries in a map `{ <entry id>: { text, mood, tags: [str],
//! at, prompt?, created_at, updated_at } }`, read and written by the functions here, which
//! take that map's object id. `prompt` is the project prompt the entry answers, if any.

use super::{get_i64, get_str, get_str_list};
use crate::ids::{EntryId, PromptId};
use crate::time::Timestamp;
use automerge::transaction::Transactable;
use automerge::{AutoCommit, AutomergeError, ObjId, ObjType, ReadDoc, Value};
use serde::{Deserialize, Serialize};

/// How the day felt, 1 (bad) to 5 (good).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Mood(u8);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("mood must be from 1 to 5, not {0}")]
pub struct MoodError(pub i64);

impl Mood {
    pub fn new(value: i64) -> Result<Self, MoodError> {
        if (1..=5).contains(&value) {
            Ok(Self(value as u8))
        } else {
            Err(MoodError(value))
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

/// What a person fills in; the store adds the id and the times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryDraft {
    pub text: String,
    pub mood: Mood,
    pub tags: Vec<String>,
    /// When the entry is about; defaults to now in the form.
    pub at: Timestamp,
    /// The project prompt this entry answers, if any.
    pub prompt: Option<PromptId>,
}

impl EntryDraft {
    /// Tags as a person types them: split on commas, trimmed, empty and repeated ones dropped.
    pub fn parse_tags(input: &str) -> Vec<String> {
        let mut tags: Vec<String> = Vec::new();
        for tag in input.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            if !tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                tags.push(tag.to_owned());
            }
        }
        tags
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiaryEntry {
    pub id: EntryId,
    pub text: String,
    pub mood: Mood,
    pub tags: Vec<String>,
    pub at: Timestamp,
    pub prompt: Option<PromptId>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl DiaryEntry {
    pub fn draft(&self) -> EntryDraft {
        EntryDraft {
            text: self.text.clone(),
            mood: self.mood,
            tags: self.tags.clone(),
            at: self.at,
            prompt: self.prompt,
        }
    }
}

/// Adds an entry written now to the diary map `diary`; returns the entry's map.
pub(crate) fn add_in(
    doc: &mut AutoCommit,
    diary: &ObjId,
    id: EntryId,
    draft: &EntryDraft,
    now: Timestamp,
) -> Result<ObjId, AutomergeError> {
    let obj = doc.put_object(diary, id.to_string(), ObjType::Map)?;
    write_draft(doc, &obj, draft, None)?;
    doc.put(&obj, "created_at", now.millis())?;
    doc.put(&obj, "updated_at", now.millis())?;
    Ok(obj)
}

/// Changes an entry's fields; only the fields that differ are written, so an edit made on
/// another device to another field survives. `false` when there is no such entry.
pub(crate) fn edit_in(
    doc: &mut AutoCommit,
    diary: &ObjId,
    id: EntryId,
    draft: &EntryDraft,
    now: Timestamp,
) -> Result<bool, AutomergeError> {
    let obj = match doc.get(diary, id.to_string())? {
        Some((Value::Object(ObjType::Map), obj)) => obj,
        _ => return Ok(false),
    };
    let current = read_entry(doc, id, &obj);
    write_draft(doc, &obj, draft, current.as_ref())?;
    doc.put(&obj, "updated_at", now.millis())?;
    Ok(true)
}

/// Deletes an entry; `false` when there is no such entry.
pub(crate) fn delete_in(
    doc: &mut AutoCommit,
    diary: &ObjId,
    id: EntryId,
) -> Result<bool, AutomergeError> {
    if doc.get(diary, id.to_string())?.is_none() {
        return Ok(false);
    }
    doc.delete(diary, id.to_string())?;
    Ok(true)
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
    if current.map(|c| c.prompt) != Some(draft.prompt) {
        match draft.prompt {
            Some(p) => doc.put(obj, "prompt", p.to_string())?,
            None if current.is_some() => doc.delete(obj, "prompt")?,
            None => {}
        }
    }
    if current.map(|c| &c.tags) != Some(&draft.tags) {
        let list = doc.put_object(obj, "tags", ObjType::List)?;
        for (i, tag) in draft.tags.iter().enumerate() {
            doc.insert(&list, i, tag.as_str())?;
        }
    }
    Ok(())
}

/// Every readable entry of the diary map, newest first: by the date it is about (which a
/// person picks to the minute), then by when it was written, then by id for an order every
/// device agrees on. Malformed entries are skipped.
pub(crate) fn entries_in(doc: &AutoCommit, diary: &ObjId) -> Vec<DiaryEntry> {
    let mut out: Vec<DiaryEntry> = doc
        .keys(diary)
        .filter_map(|key| {
            let id: EntryId = key.parse().ok()?;
            match doc.get(diary, key.as_str()).ok()?? {
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

/// The entry's map in the diary map, if it is one.
pub(crate) fn entry_obj(doc: &AutoCommit, diary: &ObjId, id: EntryId) -> Option<ObjId> {
    match doc.get(diary, id.to_string()).ok()?? {
        (Value::Object(ObjType::Map), obj) => Some(obj),
        _ => None,
    }
}

pub(crate) fn entry_in(doc: &AutoCommit, diary: &ObjId, id: EntryId) -> Option<DiaryEntry> {
    read_entry(doc, id, &entry_obj(doc, diary, id)?)
}

fn read_entry(doc: &AutoCommit, id: EntryId, obj: &ObjId) -> Option<DiaryEntry> {
    let text = get_str(doc, obj, "text")?;
    let mood = Mood::new(get_i64(doc, obj, "mood")?).ok()?;
    let at = Timestamp::from_millis(get_i64(doc, obj, "at")?);
    let created_at = Timestamp::from_millis(get_i64(doc, obj, "created_at").unwrap_or(at.0));
    let updated_at =
        Timestamp::from_millis(get_i64(doc, obj, "updated_at").unwrap_or(created_at.0));
    let tags = get_str_list(doc, obj, "tags");
    let prompt = get_str(doc, obj, "prompt").and_then(|p| p.parse().ok());
    Some(DiaryEntry {
        id,
        text,
        mood,
        tags,
        at,
        prompt,
        created_at,
        updated_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mood_is_one_to_five() {
        assert!(Mood::new(0).is_err());
        assert_eq!(Mood::new(3).unwrap().get(), 3);
        assert!(Mood::new(6).is_err());
    }

    #[test]
    fn tags_are_split_trimmed_and_deduplicated() {
        assert_eq!(
            EntryDraft::parse_tags(" piha, Kirjasto ,,piha, kirjasto"),
            vec!["piha".to_owned(), "Kirjasto".to_owned()]
        );
    }
}
