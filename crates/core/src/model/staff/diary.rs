//! The organisers' inbox of shared diary entries, and how they code them.
//!
//! ```text
//! shared_entries:  { <staff entry id>: JSON of { id, text, mood, tags, at, prompt,
//!                                        shared_at, updated_at, sharing,
//!                                        author, author_name } },          the hub
//! analysis_themes: [str],                                                 organisers
//! codes:           { <staff entry id>: { <theme>: true } }                organisers
//! ```
//! The hub writes `shared_entries` from the members' documents (see
//! [`crate::derive::diary`]); an anonymous entry has no `author` and no `author_name`, and
//! its id cannot be linked to its author by anyone who cannot read the member's document.
//! Codes are a map of sets, so two researchers coding offline both keep their codes.
//!
//! Each shared entry is one string, not a map of fields: the hub is its only writer and
//! writes it whole, so nothing merges inside it, and it takes one put into a document of
//! tens of thousands of entries instead of a dozen (a third of the hub's CPU went on those
//! puts when a hall full of phones shared their backlogs). Inboxes written as maps of
//! fields, before, are still read, and rewritten as strings by the next full derivation.

use super::StaffDocError;
use crate::ids::{EntryId, MemberId, PromptId};
use crate::model::member::Sharing;
use crate::model::{
    ensure_map, get_i64, get_map, get_str, get_str_list, put_str_list, DiaryEntry, Mood,
};
use crate::time::Timestamp;
use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ReadDoc, ROOT};
use automerge::{ObjType, ScalarValue, Value};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

const SHARED_ENTRIES: &str = "shared_entries";
const ANALYSIS_THEMES: &str = "analysis_themes";
const CODES: &str = "codes";

/// A diary entry as organisers see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedEntry {
    /// The staff-side id (see [`crate::derive::diary::staff_entry_id`]).
    pub id: EntryId,
    pub text: String,
    pub mood: Mood,
    pub tags: Vec<String>,
    pub at: Timestamp,
    pub prompt: Option<PromptId>,
    pub shared_at: Timestamp,
    pub updated_at: Timestamp,
    pub sharing: Sharing,
    /// Only for named entries.
    pub author: Option<MemberId>,
    /// Only for named entries.
    pub author_name: Option<String>,
}

/// Noon (UTC) of the day `ts` falls on: an anonymous entry's times say the day only.
fn day_of(ts: Timestamp) -> Timestamp {
    const DAY: i64 = 24 * 60 * 60 * 1000;
    Timestamp(ts.0.div_euclid(DAY) * DAY + DAY / 2)
}

impl SharedEntry {
    /// The organisers' copy of a member's shared entry; names only when shared by name.
    ///
    /// An anonymous entry keeps only the day of its times: to the minute, the time it was
    /// written could point to who sat at a shared tablet then.
    pub fn from_member(
        id: EntryId,
        entry: &DiaryEntry,
        sharing: Sharing,
        author: MemberId,
        author_name: &str,
    ) -> Self {
        let named = sharing == Sharing::Named;
        let time = |t: Timestamp| if named { t } else { day_of(t) };
        SharedEntry {
            id,
            text: entry.text.clone(),
            mood: entry.mood,
            tags: entry.tags.clone(),
            at: time(entry.at),
            prompt: entry.prompt,
            shared_at: time(entry.created_at),
            updated_at: time(entry.updated_at),
            sharing,
            author: named.then_some(author),
            author_name: named.then(|| author_name.to_owned()),
        }
    }
}

/// The entry under `key` in the inbox `map`, in either form; `None` if it is not a valid
/// entry (a member cannot put one there, but a reader never trusts a document).
fn read_at(doc: &AutoCommit, map: &ObjId, key: &str) -> Option<SharedEntry> {
    let id: EntryId = key.parse().ok()?;
    let entry = match doc.get(map, key).ok()?? {
        (Value::Scalar(s), _) => match s.as_ref() {
            ScalarValue::Str(json) => decode(json)?,
            _ => return None,
        },
        (Value::Object(ObjType::Map), obj) => read_entry(doc, id, &obj)?,
        _ => return None,
    };
    (entry.id == id).then_some(entry)
}

/// The stored form of an entry.
fn encode(e: &SharedEntry) -> String {
    serde_json::to_string(e).expect("a shared entry always serialises")
}

fn decode(json: &str) -> Option<SharedEntry> {
    let mut e: SharedEntry = serde_json::from_str(json).ok()?;
    Mood::new(i64::from(e.mood.get())).ok()?;
    if e.sharing != Sharing::Named {
        e.author = None;
        e.author_name = None;
    }
    Some(e)
}

/// The inbox's entries as stored before they were strings: a map of fields each.
fn read_entry(doc: &AutoCommit, id: EntryId, obj: &ObjId) -> Option<SharedEntry> {
    let at = Timestamp::from_millis(get_i64(doc, obj, "at")?);
    let sharing = match get_str(doc, obj, "sharing").as_deref() {
        Some("named") => Sharing::Named,
        _ => Sharing::Anonymous,
    };
    let named = sharing == Sharing::Named;
    Some(SharedEntry {
        id,
        text: get_str(doc, obj, "text")?,
        mood: Mood::new(get_i64(doc, obj, "mood")?).ok()?,
        tags: get_str_list(doc, obj, "tags"),
        at,
        prompt: get_str(doc, obj, "prompt").and_then(|p| p.parse().ok()),
        shared_at: Timestamp::from_millis(get_i64(doc, obj, "shared_at").unwrap_or(at.0)),
        updated_at: Timestamp::from_millis(get_i64(doc, obj, "updated_at").unwrap_or(at.0)),
        sharing,
        author: get_str(doc, obj, "author")
            .and_then(|a| a.parse().ok())
            .filter(|_| named),
        author_name: get_str(doc, obj, "author_name").filter(|_| named),
    })
}

/// Makes the inbox hold exactly `desired` (the hub): adds, changes and removes entries,
/// writing only what differs, and drops the codes of removed entries. Returns whether
/// anything was written.
pub fn set_shared_entries(
    doc: &mut AutoCommit,
    desired: &[SharedEntry],
) -> Result<bool, StaffDocError> {
    let map = ensure_map(doc, &ROOT, SHARED_ENTRIES)?;
    let wanted: BTreeMap<String, &SharedEntry> =
        desired.iter().map(|e| (e.id.to_string(), e)).collect();
    let stale: Vec<String> = doc.keys(&map).filter(|k| !wanted.contains_key(k)).collect();
    for key in &stale {
        doc.delete(&map, key.as_str())?;
    }
    if let Some(codes) = get_map(doc, &ROOT, CODES) {
        for key in &stale {
            if doc.get(&codes, key.as_str())?.is_some() {
                doc.delete(&codes, key.as_str())?;
            }
        }
    }
    let mut changed = !stale.is_empty();
    for (key, entry) in wanted {
        let stored = encode(entry);
        // Compared as stored, so an entry still in the old form is rewritten too.
        let same = matches!(
            doc.get(&map, key.as_str())?,
            Some((Value::Scalar(s), _)) if matches!(s.as_ref(), ScalarValue::Str(t) if t.as_str() == stored)
        );
        if !same {
            doc.put(&map, key.as_str(), stored)?;
            changed = true;
        }
    }
    Ok(changed)
}

/// What changed in the inbox, as the hub knows it without reading the inbox back: entries
/// that left, and entries that are new or differ.
#[derive(Debug, Default)]
pub struct InboxChange<'a> {
    pub removed: Vec<EntryId>,
    pub upserts: Vec<&'a SharedEntry>,
}

/// Applies `change` to an inbox that holds what the hub last wrote. A burst of shared
/// entries then costs the entries that changed, not the whole inbox each time. Returns
/// whether anything was written.
pub fn update_shared_entries(
    doc: &mut AutoCommit,
    change: &InboxChange<'_>,
) -> Result<bool, StaffDocError> {
    let map = ensure_map(doc, &ROOT, SHARED_ENTRIES)?;
    let codes = get_map(doc, &ROOT, CODES);
    for id in &change.removed {
        let key = id.to_string();
        if doc.get(&map, key.as_str())?.is_some() {
            doc.delete(&map, key.as_str())?;
        }
        if let Some(codes) = &codes {
            if doc.get(codes, key.as_str())?.is_some() {
                doc.delete(codes, key.as_str())?;
            }
        }
    }
    for entry in &change.upserts {
        doc.put(&map, entry.id.to_string(), encode(entry))?;
    }
    Ok(!change.removed.is_empty() || !change.upserts.is_empty())
}

/// Every readable shared entry, newest first by the day it is about.
pub fn shared_entries(doc: &AutoCommit) -> Vec<SharedEntry> {
    let Some(map) = get_map(doc, &ROOT, SHARED_ENTRIES) else {
        return Vec::new();
    };
    let mut out: Vec<SharedEntry> = doc
        .keys(&map)
        .filter_map(|k| read_at(doc, &map, &k))
        .collect();
    out.sort_by(|a, b| b.at.cmp(&a.at).then(b.id.cmp(&a.id)));
    out
}

/// The project's own themes for coding diary entries (staff-only), in their order.
pub fn analysis_themes(doc: &AutoCommit) -> Vec<String> {
    get_str_list(doc, &ROOT, ANALYSIS_THEMES)
}

/// Replaces the analysis themes (organisers). Writes nothing when they are the same.
pub fn set_analysis_themes(doc: &mut AutoCommit, themes: &[String]) -> Result<(), StaffDocError> {
    if get_str_list(doc, &ROOT, ANALYSIS_THEMES) != themes {
        put_str_list(doc, &ROOT, ANALYSIS_THEMES, themes)?;
    }
    Ok(())
}

/// Codes an entry with a theme, or takes the code off (organisers).
pub fn set_code(
    doc: &mut AutoCommit,
    entry: EntryId,
    theme: &str,
    on: bool,
) -> Result<(), StaffDocError> {
    let codes = ensure_map(doc, &ROOT, CODES)?;
    let obj = ensure_map(doc, &codes, &entry.to_string())?;
    match (on, doc.get(&obj, theme)?.is_some()) {
        (true, false) => doc.put(&obj, theme, true)?,
        (false, true) => doc.delete(&obj, theme)?,
        _ => {}
    }
    Ok(())
}

/// Each entry's codes.
pub fn codes(doc: &AutoCommit) -> BTreeMap<EntryId, BTreeSet<String>> {
    let Some(codes) = get_map(doc, &ROOT, CODES) else {
        return BTreeMap::new();
    };
    doc.keys(&codes)
        .filter_map(|k| {
            let obj = get_map(doc, &codes, &k)?;
            let themes: BTreeSet<String> = doc.keys(&obj).collect();
            (!themes.is_empty()).then_some((k.parse().ok()?, themes))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::set_writer;
    use crate::model::staff::new_document;

    fn entry(n: u8, sharing: Sharing) -> SharedEntry {
        let named = sharing == Sharing::Named;
        SharedEntry {
            id: EntryId::from_bytes([n; 16]),
            text: format!("Merkintä {n}"),
            mood: Mood::new(3).unwrap(),
            tags: vec!["piha".into()],
            at: Timestamp(i64::from(n) * 1_000),
            prompt: None,
            shared_at: Timestamp(1),
            updated_at: Timestamp(1),
            sharing,
            author: named.then(|| MemberId::from_bytes([9; 16])),
            author_name: named.then(|| "Aino".to_owned()),
        }
    }

    proptest::proptest! {
        /// The hub's shortcut (write only the difference it knows of) leaves the inbox
        /// exactly as the full comparison would.
        #[test]
        fn updating_by_difference_equals_setting_in_full(
            before in proptest::collection::btree_map(0u8..12, 0u8..3, 0..8),
            after in proptest::collection::btree_map(0u8..12, 0u8..3, 0..8),
        ) {
            let make = |m: &BTreeMap<u8, u8>| -> BTreeMap<EntryId, SharedEntry> {
                m.iter()
                    .map(|(n, v)| {
                        let sharing = if v % 2 == 0 { Sharing::Named } else { Sharing::Anonymous };
                        let mut e = entry(*n, sharing);
                        e.text = format!("Merkintä {n}, versio {v}");
                        (e.id, e)
                    })
                    .collect()
            };
            let (before, after) = (make(&before), make(&after));
            let mut doc = new_document();
            set_writer(&mut doc, [1; 16]);
            let list: Vec<SharedEntry> = before.values().cloned().collect();
            set_shared_entries(&mut doc, &list).unwrap();
            let change = InboxChange {
                removed: before.keys().filter(|id| !after.contains_key(id)).copied().collect(),
                upserts: after
                    .values()
                    .filter(|e| before.get(&e.id) != Some(*e))
                    .collect(),
            };
            update_shared_entries(&mut doc, &change).unwrap();
            let mut full = new_document();
            let list: Vec<SharedEntry> = after.values().cloned().collect();
            set_shared_entries(&mut full, &list).unwrap();
            proptest::prop_assert_eq!(shared_entries(&doc), shared_entries(&full));
        }
    }

    #[test]
    fn an_inbox_written_as_maps_of_fields_is_read_and_then_rewritten_as_strings() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        let a = entry(1, Sharing::Named);
        let map = ensure_map(&mut doc, &ROOT, SHARED_ENTRIES).unwrap();
        let obj = doc
            .put_object(&map, a.id.to_string(), ObjType::Map)
            .unwrap();
        doc.put(&obj, "text", a.text.as_str()).unwrap();
        doc.put(&obj, "mood", 3).unwrap();
        put_str_list(&mut doc, &obj, "tags", &a.tags).unwrap();
        for (key, t) in [
            ("at", a.at),
            ("shared_at", a.shared_at),
            ("updated_at", a.updated_at),
        ] {
            doc.put(&obj, key, t.millis()).unwrap();
        }
        doc.put(&obj, "sharing", "named").unwrap();
        doc.put(&obj, "author", a.author.unwrap().to_string())
            .unwrap();
        doc.put(&obj, "author_name", "Aino").unwrap();
        assert_eq!(shared_entries(&doc), std::slice::from_ref(&a));

        assert!(set_shared_entries(&mut doc, std::slice::from_ref(&a)).unwrap());
        assert!(matches!(
            doc.get(&map, a.id.to_string()).unwrap(),
            Some((Value::Scalar(_), _))
        ));
        assert_eq!(shared_entries(&doc), std::slice::from_ref(&a));
        assert!(
            !set_shared_entries(&mut doc, &[a]).unwrap(),
            "nothing left to rewrite"
        );
    }

    #[test]
    fn a_forged_inbox_value_is_not_read_and_an_anonymous_one_never_names() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        let map = ensure_map(&mut doc, &ROOT, SHARED_ENTRIES).unwrap();
        let good = entry(1, Sharing::Named);
        let mut mood_nine = encode(&entry(2, Sharing::Named));
        mood_nine = mood_nine.replace("\"mood\":3", "\"mood\":9");
        let mut named_anonymous = entry(4, Sharing::Named);
        named_anonymous.sharing = Sharing::Anonymous;
        for (key, value) in [
            (good.id.to_string(), encode(&good)),
            (EntryId::from_bytes([2; 16]).to_string(), mood_nine),
            // Another entry's content under this id.
            (EntryId::from_bytes([3; 16]).to_string(), encode(&good)),
            (named_anonymous.id.to_string(), encode(&named_anonymous)),
            (
                EntryId::from_bytes([5; 16]).to_string(),
                "{not json".to_owned(),
            ),
        ] {
            doc.put(&map, key, value).unwrap();
        }
        doc.put(&map, EntryId::from_bytes([6; 16]).to_string(), 42)
            .unwrap();

        let read = shared_entries(&doc);
        let ids: Vec<EntryId> = read.iter().map(|e| e.id).collect();
        assert_eq!(ids, [named_anonymous.id, good.id]);
        let anonymous = &read[0];
        assert_eq!(
            (anonymous.author, anonymous.author_name.as_deref()),
            (None, None)
        );
    }

    #[test]
    fn the_inbox_holds_exactly_what_the_hub_sets_and_codes_go_with_removed_entries() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        let a = entry(1, Sharing::Named);
        let b = entry(2, Sharing::Anonymous);
        assert!(set_shared_entries(&mut doc, &[a.clone(), b.clone()]).unwrap());
        crate::model::commit(&mut doc, "derive", Timestamp(1));
        assert_eq!(shared_entries(&doc), [b.clone(), a.clone()]);
        assert!(!set_shared_entries(&mut doc, &[a.clone(), b.clone()]).unwrap());

        set_code(&mut doc, b.id, "turvallisuus", true).unwrap();
        set_code(&mut doc, a.id, "kuulluksi tuleminen", true).unwrap();
        set_code(&mut doc, a.id, "kuulluksi tuleminen", false).unwrap();
        assert_eq!(codes(&doc).len(), 1);

        let mut changed = a.clone();
        changed.text = "Muutettu".into();
        changed.author_name = Some("Aino V.".into());
        assert!(set_shared_entries(&mut doc, std::slice::from_ref(&changed)).unwrap());
        assert_eq!(shared_entries(&doc), [changed]);
        assert!(
            codes(&doc).is_empty(),
            "the removed entry's codes went with it"
        );
    }

    #[test]
    fn an_anonymous_copy_says_the_day_only_and_a_named_one_the_minute() {
        let entry = DiaryEntry {
            id: EntryId::from_bytes([1; 16]),
            text: "x".into(),
            mood: Mood::new(3).unwrap(),
            tags: Vec::new(),
            at: Timestamp(1_795_435_200_000 + 3_723_000),
            prompt: None,
            created_at: Timestamp(1_795_435_200_000 + 60_000),
            updated_at: Timestamp(1_795_435_200_000 + 120_000),
        };
        let author = MemberId::from_bytes([9; 16]);
        let anonymous =
            SharedEntry::from_member(entry.id, &entry, Sharing::Anonymous, author, "Aino");
        let noon = Timestamp(1_795_435_200_000);
        assert_eq!(
            (anonymous.at, anonymous.shared_at, anonymous.updated_at),
            (noon, noon, noon)
        );
        let named = SharedEntry::from_member(entry.id, &entry, Sharing::Named, author, "Aino");
        assert_eq!((named.at, named.shared_at), (entry.at, entry.created_at));
    }

    #[test]
    fn analysis_themes_read_back_in_order() {
        let mut doc = new_document();
        let themes = vec!["turvallisuus".to_owned(), "arki".to_owned()];
        set_analysis_themes(&mut doc, &themes).unwrap();
        assert_eq!(analysis_themes(&doc), themes);
    }
}
