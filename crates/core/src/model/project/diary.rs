//! What organisers publish for diary keepers: prompts, the safeguarding notice, and how
//! soon a shared tablet locks itself.
//!
//! ```text
//! prompts:      { <prompt id>: { text, opens_at, closes_at?, updated_at,
//!                                translations?: { <lang>: text } } },          organisers
//! safeguarding: { text, updated_at },                                          organisers
//! settings:     { idle_lock_minutes, … }                                       organisers
//! ```
//! Prompts are keyed by random ids, so two organisers adding prompts offline never collide.

use super::{top, ProjectDocError, SETTINGS};
use crate::ids::PromptId;
use crate::model::event::or_first;
use crate::model::{ensure_map, get_i64, get_map, get_maps, get_str};
use crate::time::Timestamp;
use automerge::transaction::Transactable;
use automerge::{AutoCommit, ReadDoc, ROOT};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const PROMPTS: &str = "prompts";
const SAFEGUARDING: &str = "safeguarding";
const IDLE_LOCK_MINUTES: &str = "idle_lock_minutes";
const TRANSLATIONS: &str = "translations";

/// Minutes without a touch or key press before the app locks, unless organisers set it.
pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 5;
/// The longest idle time organisers may set: a shared tablet must lock within the hour.
pub const MAX_IDLE_LOCK_MINUTES: u32 = 60;
/// The longest prompt, in characters.
pub const MAX_PROMPT_CHARS: usize = 300;
/// The longest safeguarding notice, in characters.
pub const MAX_NOTICE_CHARS: usize = 4_000;

/// A question organisers ask diary keepers, open for a while.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prompt {
    pub id: PromptId,
    pub text: String,
    pub opens_at: Timestamp,
    /// `None`: open until organisers close it.
    pub closes_at: Option<Timestamp>,
    pub updated_at: Timestamp,
    /// The text in the project's other languages, by language code.
    #[serde(default)]
    pub translations: BTreeMap<String, String>,
}

impl Prompt {
    /// The text in `lang` (a BCP 47 code), or the first language's when it has none.
    pub fn text_in(&self, lang: &str) -> &str {
        or_first(self.translations.get(lang).map(String::as_str), &self.text)
    }

    /// Whether diary keepers are offered this prompt at `now`.
    pub fn is_open(&self, now: Timestamp) -> bool {
        self.opens_at <= now && self.closes_at.is_none_or(|c| now < c)
    }
}

/// What organisers fill in for a prompt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromptDraft {
    pub text: String,
    pub opens_at: Timestamp,
    pub closes_at: Option<Timestamp>,
    /// The text in other languages; a blank one is removed.
    #[serde(default)]
    pub translations: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PromptError {
    #[error("write the prompt")]
    EmptyText,
    #[error("the prompt is too long: at most {MAX_PROMPT_CHARS} characters")]
    TooLong,
    #[error("the prompt must close after it opens")]
    ClosesBeforeOpening,
}

impl PromptDraft {
    pub fn validate(&self) -> Result<(), PromptError> {
        let text = self.text.trim();
        if text.is_empty() {
            return Err(PromptError::EmptyText);
        }
        let texts = std::iter::once(text).chain(self.translations.values().map(|t| t.trim()));
        if texts
            .into_iter()
            .any(|t| t.chars().count() > MAX_PROMPT_CHARS)
        {
            return Err(PromptError::TooLong);
        }
        if self.closes_at.is_some_and(|c| c <= self.opens_at) {
            return Err(PromptError::ClosesBeforeOpening);
        }
        Ok(())
    }
}

/// The safeguarding notice: who reads shared entries, what they do not do, where to get help.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Safeguarding {
    pub text: String,
    pub updated_at: Timestamp,
}

/// Adds or changes a prompt (organisers); only changed fields are written. The caller commits.
pub fn put_prompt(
    doc: &mut AutoCommit,
    id: PromptId,
    draft: &PromptDraft,
    now: Timestamp,
) -> Result<(), ProjectDocError> {
    draft.validate()?;
    let prompts = ensure_map(doc, &ROOT, PROMPTS)?;
    let obj = ensure_map(doc, &prompts, &id.to_string())?;
    let text = draft.text.trim();
    if get_str(doc, &obj, "text").as_deref() != Some(text) {
        doc.put(&obj, "text", text)?;
    }
    if get_i64(doc, &obj, "opens_at") != Some(draft.opens_at.millis()) {
        doc.put(&obj, "opens_at", draft.opens_at.millis())?;
    }
    match draft.closes_at {
        Some(c) if get_i64(doc, &obj, "closes_at") != Some(c.millis()) => {
            doc.put(&obj, "closes_at", c.millis())?
        }
        None if doc.get(&obj, "closes_at")?.is_some() => doc.delete(&obj, "closes_at")?,
        _ => {}
    }
    let current = read_translations(doc, &obj);
    for (lang, text) in &draft.translations {
        let text = text.trim();
        let before = current.get(lang).map(String::as_str).unwrap_or("");
        if text != before {
            let map = ensure_map(doc, &obj, TRANSLATIONS)?;
            doc.put(&map, lang.as_str(), text)?;
        }
    }
    doc.put(&obj, "updated_at", now.millis())?;
    Ok(())
}

/// The translations of a prompt. Two organisers who each added the first translation
/// offline made two `translations` maps; both are read, the winner first.
fn read_translations(doc: &AutoCommit, obj: &automerge::ObjId) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for map in get_maps(doc, obj, TRANSLATIONS) {
        for lang in doc.keys(&map) {
            if let Some(text) = get_str(doc, &map, &lang).filter(|t| !t.is_empty()) {
                out.entry(lang).or_insert(text);
            }
        }
    }
    out
}

/// Removes a prompt. Entries that answered it keep its id and show it as a removed prompt.
pub fn remove_prompt(doc: &mut AutoCommit, id: PromptId) -> Result<(), ProjectDocError> {
    if let Some(prompts) = get_map(doc, &ROOT, PROMPTS) {
        if doc.get(&prompts, id.to_string())?.is_some() {
            doc.delete(&prompts, id.to_string())?;
        }
    }
    Ok(())
}

/// Every readable prompt, the latest to open first.
pub fn prompts(doc: &AutoCommit) -> Vec<Prompt> {
    let Some(prompts) = get_map(doc, &ROOT, PROMPTS) else {
        return Vec::new();
    };
    let mut out: Vec<Prompt> = doc
        .keys(&prompts)
        .filter_map(|key| {
            let obj = get_map(doc, &prompts, &key)?;
            let opens_at = Timestamp::from_millis(get_i64(doc, &obj, "opens_at")?);
            Some(Prompt {
                id: key.parse().ok()?,
                text: get_str(doc, &obj, "text")?,
                opens_at,
                closes_at: get_i64(doc, &obj, "closes_at").map(Timestamp::from_millis),
                updated_at: Timestamp::from_millis(
                    get_i64(doc, &obj, "updated_at").unwrap_or(opens_at.0),
                ),
                translations: read_translations(doc, &obj),
            })
        })
        .collect();
    out.sort_by(|a, b| b.opens_at.cmp(&a.opens_at).then(a.id.cmp(&b.id)));
    out
}

/// The prompts a diary keeper is offered at `now`.
pub fn open_prompts(doc: &AutoCommit, now: Timestamp) -> Vec<Prompt> {
    prompts(doc)
        .into_iter()
        .filter(|p| p.is_open(now))
        .collect()
}

/// Sets the safeguarding notice (organisers). An empty text removes it.
pub fn set_safeguarding(
    doc: &mut AutoCommit,
    text: &str,
    now: Timestamp,
) -> Result<(), ProjectDocError> {
    let text = text.trim();
    if text.chars().count() > MAX_NOTICE_CHARS {
        return Err(ProjectDocError::NoticeTooLong);
    }
    let obj = ensure_map(doc, &ROOT, SAFEGUARDING)?;
    if get_str(doc, &obj, "text").as_deref() != Some(text) {
        doc.put(&obj, "text", text)?;
        doc.put(&obj, "updated_at", now.millis())?;
    }
    Ok(())
}

/// The safeguarding notice, if organisers wrote one.
pub fn safeguarding(doc: &AutoCommit) -> Option<Safeguarding> {
    let obj = get_map(doc, &ROOT, SAFEGUARDING)?;
    let text = get_str(doc, &obj, "text").filter(|t| !t.is_empty())?;
    Some(Safeguarding {
        text,
        updated_at: Timestamp::from_millis(get_i64(doc, &obj, "updated_at").unwrap_or(0)),
    })
}

/// Minutes without use before the app locks: [`DEFAULT_IDLE_LOCK_MINUTES`] if unset,
/// never more than [`MAX_IDLE_LOCK_MINUTES`].
pub fn idle_lock_minutes(doc: &AutoCommit) -> u32 {
    get_map(doc, &ROOT, SETTINGS)
        .and_then(|s| get_i64(doc, &s, IDLE_LOCK_MINUTES))
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| *n > 0)
        .map_or(DEFAULT_IDLE_LOCK_MINUTES, |n| n.min(MAX_IDLE_LOCK_MINUTES))
}

/// Sets the idle lock (organisers; 1 to [`MAX_IDLE_LOCK_MINUTES`] minutes).
pub fn set_idle_lock_minutes(doc: &mut AutoCommit, minutes: u32) -> Result<(), ProjectDocError> {
    let settings = top(doc, SETTINGS)?;
    let minutes = i64::from(minutes.clamp(1, MAX_IDLE_LOCK_MINUTES));
    if get_i64(doc, &settings, IDLE_LOCK_MINUTES) != Some(minutes) {
        doc.put(&settings, IDLE_LOCK_MINUTES, minutes)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::project::new_document;
    use crate::model::set_writer;

    fn draft(text: &str, opens: i64, closes: Option<i64>) -> PromptDraft {
        PromptDraft {
            text: text.into(),
            opens_at: Timestamp(opens),
            closes_at: closes.map(Timestamp),
            translations: BTreeMap::new(),
        }
    }

    #[test]
    fn a_prompt_is_offered_only_between_its_open_and_close() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        let id = PromptId::from_bytes([1; 16]);
        let text = "Hetki tänään, jolloin tunsit tulleesi kuulluksi";
        put_prompt(&mut doc, id, &draft(text, 100, Some(200)), Timestamp(1)).unwrap();
        let open = |now| open_prompts(&doc, Timestamp(now)).len();
        assert_eq!((open(99), open(100), open(199), open(200)), (0, 1, 1, 0));
        assert_eq!(prompts(&doc)[0].text, text);

        put_prompt(&mut doc, id, &draft(text, 100, None), Timestamp(2)).unwrap();
        assert_eq!(open_prompts(&doc, Timestamp(10_000)).len(), 1);
        remove_prompt(&mut doc, id).unwrap();
        assert!(prompts(&doc).is_empty());
    }

    #[test]
    fn a_prompt_reads_in_a_language_or_falls_back_and_merges_languages() {
        let mut a = new_document();
        set_writer(&mut a, [1; 16]);
        let id = PromptId::from_bytes([1; 16]);
        put_prompt(&mut a, id, &draft("Mikä ilahdutti?", 1, None), Timestamp(1)).unwrap();
        a.commit();
        let old = &prompts(&a)[0];
        assert_eq!(
            (old.text_in("sv"), old.text_in("fi")),
            ("Mikä ilahdutti?", "Mikä ilahdutti?")
        );

        let mut b = a.fork().with_actor(automerge::ActorId::from([2u8; 16]));
        let mut sv = draft("Mikä ilahdutti?", 1, None);
        sv.translations
            .insert("sv".into(), " Vad gladde dig? ".into());
        put_prompt(&mut a, id, &sv, Timestamp(2)).unwrap();
        let mut en = draft("Mikä ilahdutti?", 1, None);
        en.translations
            .insert("en".into(), "What made you glad?".into());
        en.translations.insert("sv".into(), String::new());
        put_prompt(&mut b, id, &en, Timestamp(3)).unwrap();
        a.commit();
        b.commit();
        a.merge(&mut b).unwrap();
        let p = &prompts(&a)[0];
        assert_eq!(p.text_in("sv"), "Vad gladde dig?");
        assert_eq!(p.text_in("en"), "What made you glad?");
        assert_eq!(p.text_in("de"), "Mikä ilahdutti?");

        // Writing the same again changes nothing but the time of the edit.
        let heads = a.get_heads();
        let mut same = draft("Mikä ilahdutti?", 1, None);
        same.translations = p.translations.clone();
        put_prompt(&mut a, id, &same, Timestamp(4)).unwrap();
        a.commit();
        assert_eq!(a.get_changes(&heads)[0].len(), 1);
    }

    #[test]
    fn a_bad_prompt_is_refused_with_its_reason() {
        let mut doc = new_document();
        let id = PromptId::from_bytes([1; 16]);
        for (d, reason) in [
            (draft("  ", 1, None), "write the prompt"),
            (draft("x", 5, Some(5)), "close after it opens"),
            (draft(&"x".repeat(301), 1, None), "too long"),
        ] {
            let err = put_prompt(&mut doc, id, &d, Timestamp(1)).unwrap_err();
            assert!(err.to_string().contains(reason), "{err}");
        }
        assert!(prompts(&doc).is_empty());
    }

    #[test]
    fn the_notice_and_the_idle_lock_read_back_with_defaults() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        assert_eq!(safeguarding(&doc), None);
        assert_eq!(idle_lock_minutes(&doc), DEFAULT_IDLE_LOCK_MINUTES);
        set_safeguarding(
            &mut doc,
            " Merkintöjä lukee vain tutkimusryhmä. ",
            Timestamp(7),
        )
        .unwrap();
        assert_eq!(
            safeguarding(&doc).unwrap().text,
            "Merkintöjä lukee vain tutkimusryhmä."
        );
        set_idle_lock_minutes(&mut doc, 2).unwrap();
        assert_eq!(idle_lock_minutes(&doc), 2);
        set_idle_lock_minutes(&mut doc, 600).unwrap();
        assert_eq!(idle_lock_minutes(&doc), MAX_IDLE_LOCK_MINUTES);
        set_safeguarding(&mut doc, "", Timestamp(8)).unwrap();
        assert_eq!(safeguarding(&doc), None);
    }
}
