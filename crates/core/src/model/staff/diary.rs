//! The organisers' inbox of shared diary entries, and how they code them.
//!
//! ```text
//! shared_entries:  { <staff entry id>: { text, mood, tags: [str], at, prompt?,
//!                                        shared_at, updated_at, sharing,
//!                                        author?, author_name? } },        the hub
//! analysis_themes: [str],                                                 organisers
//! codes:           { <staff entry id>: { <theme>: true } }                organisers
//! ```
//! The hub writes `shared_entries` from the members' documents (see
//! [`crate::derive::diary`]); an anonymous entry has no `author` and no `author_name`, and
//! its id cannot be linked to its author by anyone who cannot read the member's document.
//! Codes are a map of sets, so two researchers coding offline both keep their codes.

use super::StaffDocError;
use crate::ids::{EntryId, MemberId, PromptId};
use crate::model::member::Sharing;
use crate::model::{
    ensure_map, get_i64, get_map, get_str, get_str_list, put_str_list, DiaryEntry, Mood,
};
use crate::time::Timestamp;
use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ReadDoc, ROOT};
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

fn sharing_str(s: Sharing) -> &'static str {
    match s {
        Sharing::Named => "named",
        Sharing::Anonymous => "anonymous",
    }
}

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

/// Writes an optional field that read as `old`. A value is compared in memory, since
/// reading a big document back costs more; an absent one is made sure of in the document
/// unless the object is `fresh`, so no name is ever left on an entry that lost it.
fn put_opt_str(
    doc: &mut AutoCommit,
    obj: &ObjId,
    key: &str,
    (value, old): (Option<String>, Option<String>),
    fresh: bool,
) -> Result<(), StaffDocError> {
    match value {
        Some(v) if Some(&v) != old.as_ref() => doc.put(obj, key, v)?,
        None if !fresh && doc.get(obj, key)?.is_some() => doc.delete(obj, key)?,
        _ => {}
    }
    Ok(())
}

/// Writes `e` into `obj`, which holds `current` (or, if `fresh`, nothing at all).
fn write_entry(
    doc: &mut AutoCommit,
    obj: &ObjId,
    e: &SharedEntry,
    current: Option<&SharedEntry>,
    fresh: bool,
) -> Result<(), StaffDocError> {
    if current.map(|c| &c.text) != Some(&e.text) {
        doc.put(obj, "text", e.text.as_str())?;
    }
    if current.map(|c| c.mood) != Some(e.mood) {
        doc.put(obj, "mood", i64::from(e.mood.get()))?;
    }
    if current.map(|c| &c.tags) != Some(&e.tags) {
        put_str_list(doc, obj, "tags", &e.tags)?;
    }
    for (key, value, old) in [
        ("at", e.at, current.map(|c| c.at)),
        ("shared_at", e.shared_at, current.map(|c| c.shared_at)),
        ("updated_at", e.updated_at, current.map(|c| c.updated_at)),
    ] {
        if old != Some(value) {
            doc.put(obj, key, value.millis())?;
        }
    }
    if current.map(|c| c.sharing) != Some(e.sharing) {
        doc.put(obj, "sharing", sharing_str(e.sharing))?;
    }
    let prompt = |e: &SharedEntry| e.prompt.map(|p| p.to_string());
    let author = |e: &SharedEntry| e.author.map(|a| a.to_string());
    let name = |e: &SharedEntry| e.author_name.clone();
    put_opt_str(
        doc,
        obj,
        "prompt",
        (prompt(e), current.and_then(prompt)),
        fresh,
    )?;
    put_opt_str(
        doc,
        obj,
        "author",
        (author(e), current.and_then(author)),
        fresh,
    )?;
    put_opt_str(
        doc,
        obj,
        "author_name",
        (name(e), current.and_then(name)),
        fresh,
    )?;
    Ok(())
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
        let current = get_map(doc, &map, &key).and_then(|obj| read_entry(doc, entry.id, &obj));
        if current.as_ref() == Some(entry) {
            continue;
        }
        let (obj, fresh) = match get_map(doc, &map, &key) {
            Some(obj) => (obj, false),
            None => (
                doc.put_object(&map, key.as_str(), automerge::ObjType::Map)?,
                true,
            ),
        };
        write_entry(doc, &obj, entry, current.as_ref(), fresh)?;
        changed = true;
    }
    Ok(changed)
}

/// What changed in the inbox, as the hub knows it without reading the inbox back: entries
/// that left, and entries that are new or differ (with what they were, if anything).
#[derive(Debug, Default)]
pub struct InboxChange<'a> {
    pub removed: Vec<EntryId>,
    pub upserts: Vec<(&'a SharedEntry, Option<&'a SharedEntry>)>,
}

/// Applies `change` to an inbox that holds what the hub last wrote (so the `before` of each
/// upsert is what is there). A burst of shared entries then costs the entries that changed,
/// not the whole inbox each time. Returns whether anything was written.
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
    for (entry, before) in &change.upserts {
        let key = entry.id.to_string();
        let (obj, current, fresh) = match get_map(doc, &map, &key) {
            Some(obj) => (obj, *before, false),
            None => (
                doc.put_object(&map, key.as_str(), automerge::ObjType::Map)?,
                None,
                true,
            ),
        };
        write_entry(doc, &obj, entry, current, fresh)?;
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
        .filter_map(|k| read_entry(doc, k.parse().ok()?, &get_map(doc, &map, &k)?))
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
                    .map(|e| (e, before.get(&e.id)))
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
