//! The project document: the events organisers publish, and what the hub adds to them.
//!
//! Layout (schema 1):
//! ```text
//! { schema: 1,
//!   events: { <event id>: { title, description, starts_at, ends_at, place,
//!                           capacity (int; absent or null = unlimited), needs_approval,
//!                           languages: [str], step_free, induction_loop, sign_language,
//!                           quiet_room, cancelled, updated_at,
//!                           translations?: { <lang>: { title?, description? } } } },
//!                                                                      organisers
//!   counts: { <event id>: { confirmed: int, waitlist: int } },         the hub
//!   ticket_key: <hex of the hub's Ed25519 public key>,                 the hub
//!   ideas: { <idea id>: { title, description, theme, author?, supports, status,
//!                         hidden, hidden_reason?, linked_event?, merged_into?,
//!                         submitted_at,
//!                         comments: { <comment id>: { text, author?, at, hidden } },
//!                         path: [ { status, note, by_name, at } ],
//!                         milestones: [ { title, done, at } ] } },     the hub
//!   themes: [str],                                                     organisers
//!   prompts: { <prompt id>: { text, opens_at, closes_at?, updated_at,
//!                             translations?: { <lang>: text } } },     organisers
//!   safeguarding: { text, updated_at },                                organisers
//!   settings: { report_threshold, idle_lock_minutes, languages: [str] } }  organisers
//! ```
//! `settings.languages` are the languages organisers write texts in, the first language
//! first (["fi"] when unset). An event's `title` and `description` and a prompt's `text`
//! are in the first language; `translations` hold the others, and a reader falls back to
//! the first language's text where one is missing.
//! Ideas are written in the `ideas` submodule, prompts and the notice in `diary`.
//! Every member reads this document and only organisers and the hub write it. Event ids
//! are random, so two organisers adding events offline never collide; an edit writes only
//! the fields that changed, so two organisers editing different fields both keep theirs.

use super::event::{Accessibility, Event, EventDraft, EventError, EventText};
use super::{
    deterministic_root, ensure_map, get_bool, get_i64, get_map, get_maps, get_str, get_str_list,
    put_str_list,
};
use crate::ids::EventId;
use crate::time::Timestamp;
use automerge::transaction::Transactable;
use automerge::{AutoCommit, AutomergeError, ObjId, ObjType, ReadDoc, ScalarValue, ROOT};
use std::collections::BTreeMap;

mod diary;
mod ideas;
mod theme_names;

pub use diary::{
    idle_lock_minutes, open_prompts, prompts, put_prompt, remove_prompt, safeguarding,
    set_idle_lock_minutes, set_safeguarding, Prompt, PromptDraft, PromptError, Safeguarding,
    DEFAULT_IDLE_LOCK_MINUTES, MAX_IDLE_LOCK_MINUTES, MAX_NOTICE_CHARS, MAX_PROMPT_CHARS,
};
pub use ideas::{
    published_ideas, remove_published_idea, report_threshold, set_published_idea,
    set_report_threshold, set_themes, themes, DEFAULT_REPORT_THRESHOLD,
};
pub use theme_names::{set_theme_names, theme_names, ThemeNames, MAX_THEME_NAME_CHARS};

pub const SCHEMA: i64 = 1;
const EVENTS: &str = "events";
const COUNTS: &str = "counts";
const TICKET_KEY: &str = "ticket_key";
const IDEAS: &str = "ideas";
const TRANSLATIONS: &str = "translations";
const LANGUAGES: &str = "languages";
pub(crate) const SETTINGS: &str = "settings";
/// The project's languages when organisers set none.
pub const DEFAULT_LANGUAGES: [&str; 1] = ["fi"];

#[derive(Debug, thiserror::Error)]
pub enum ProjectDocError {
    #[error("the project document has no {0} map; it was not made by Kumppani")]
    NotAProjectDocument(&'static str),
    #[error("no event {0}")]
    NoSuchEvent(EventId),
    #[error("event {0} already exists")]
    EventExists(EventId),
    #[error(transparent)]
    Invalid(#[from] EventError),
    #[error(transparent)]
    Prompt(#[from] PromptError),
    #[error("the notice is too long: at most {MAX_NOTICE_CHARS} characters")]
    NoticeTooLong,
    #[error("{0:?} is not a language code such as \"fi\"")]
    NotALanguageCode(String),
    #[error("a project needs at least one language")]
    NoLanguage,
    #[error("automerge: {0}")]
    Automerge(#[from] AutomergeError),
}

/// A new project document. The same bytes everywhere (see `deterministic_root`).
pub fn new_document() -> AutoCommit {
    deterministic_root(|doc| {
        doc.put(ROOT, "schema", SCHEMA)
            .expect("put on a fresh document");
        doc.put_object(ROOT, EVENTS, ObjType::Map)
            .expect("put_object on a fresh document");
        for key in [COUNTS, IDEAS, SETTINGS] {
            doc.put_object(ROOT, key, ObjType::Map)
                .expect("put_object on a fresh document");
        }
    })
}

pub(crate) fn top(doc: &AutoCommit, key: &'static str) -> Result<ObjId, ProjectDocError> {
    get_map(doc, &ROOT, key).ok_or(ProjectDocError::NotAProjectDocument(key))
}

/// Publishes a new event. The draft must be valid. The caller commits.
pub fn add_event(
    doc: &mut AutoCommit,
    id: EventId,
    draft: &EventDraft,
    now: Timestamp,
) -> Result<(), ProjectDocError> {
    draft.validate()?;
    let events = top(doc, EVENTS)?;
    if get_map(doc, &events, &id.to_string()).is_some() {
        return Err(ProjectDocError::EventExists(id));
    }
    let obj = doc.put_object(&events, id.to_string(), ObjType::Map)?;
    write_draft(doc, &obj, draft, None)?;
    doc.put(&obj, "cancelled", false)?;
    doc.put(&obj, "updated_at", now.millis())?;
    Ok(())
}

/// Changes an event; only the fields that differ are written, so another organiser's
/// offline edit of another field survives the merge.
pub fn edit_event(
    doc: &mut AutoCommit,
    id: EventId,
    draft: &EventDraft,
    now: Timestamp,
) -> Result<(), ProjectDocError> {
    draft.validate()?;
    let (obj, current) = existing(doc, id)?;
    write_draft(doc, &obj, draft, current.as_ref())?;
    doc.put(&obj, "updated_at", now.millis())?;
    Ok(())
}

/// Cancels an event. It stays in the document, so residents see that it was cancelled.
pub fn cancel_event(
    doc: &mut AutoCommit,
    id: EventId,
    now: Timestamp,
) -> Result<(), ProjectDocError> {
    let (obj, _) = existing(doc, id)?;
    doc.put(&obj, "cancelled", true)?;
    doc.put(&obj, "updated_at", now.millis())?;
    Ok(())
}

fn existing(doc: &AutoCommit, id: EventId) -> Result<(ObjId, Option<Event>), ProjectDocError> {
    let events = top(doc, EVENTS)?;
    let obj = get_map(doc, &events, &id.to_string()).ok_or(ProjectDocError::NoSuchEvent(id))?;
    let current = read_event(doc, id, &obj);
    Ok((obj, current))
}

fn write_draft(
    doc: &mut AutoCommit,
    obj: &ObjId,
    draft: &EventDraft,
    current: Option<&Event>,
) -> Result<(), AutomergeError> {
    let old = current.map(Event::draft);
    let old = old.as_ref();
    if old.map(|c| &c.title) != Some(&draft.title) {
        doc.put(obj, "title", draft.title.as_str())?;
    }
    if old.map(|c| &c.description) != Some(&draft.description) {
        doc.put(obj, "description", draft.description.as_str())?;
    }
    if old.map(|c| c.starts_at) != Some(draft.starts_at) {
        doc.put(obj, "starts_at", draft.starts_at.millis())?;
    }
    if old.map(|c| c.ends_at) != Some(draft.ends_at) {
        doc.put(obj, "ends_at", draft.ends_at.millis())?;
    }
    if old.map(|c| &c.place) != Some(&draft.place) {
        doc.put(obj, "place", draft.place.as_str())?;
    }
    if old.map(|c| c.capacity) != Some(draft.capacity) {
        match draft.capacity {
            Some(seats) => doc.put(obj, "capacity", i64::from(seats))?,
            None => doc.put(obj, "capacity", ScalarValue::Null)?,
        }
    }
    if old.map(|c| c.needs_approval) != Some(draft.needs_approval) {
        doc.put(obj, "needs_approval", draft.needs_approval)?;
    }
    if old.map(|c| &c.languages) != Some(&draft.languages) {
        put_str_list(doc, obj, "languages", &draft.languages)?;
    }
    let a = draft.accessibility;
    let was = old.map(|c| c.accessibility);
    for (key, now, before) in [
        ("step_free", a.step_free, was.map(|w| w.step_free)),
        (
            "induction_loop",
            a.induction_loop,
            was.map(|w| w.induction_loop),
        ),
        (
            "sign_language",
            a.sign_language,
            was.map(|w| w.sign_language),
        ),
        ("quiet_room", a.quiet_room, was.map(|w| w.quiet_room)),
    ] {
        if before != Some(now) {
            doc.put(obj, key, now)?;
        }
    }
    let none = BTreeMap::new();
    let was = current.map_or(&none, |c| &c.translations);
    for (lang, text) in &draft.translations {
        let before = was.get(lang).cloned().unwrap_or_default();
        for (key, now, before) in [
            ("title", text.title.trim(), before.title.as_str()),
            (
                "description",
                text.description.trim(),
                before.description.as_str(),
            ),
        ] {
            if now != before {
                let all = ensure_map(doc, obj, TRANSLATIONS)?;
                let one = ensure_map(doc, &all, lang)?;
                doc.put(&one, key, now)?;
            }
        }
    }
    Ok(())
}

/// An event's translations. Two organisers who each added the first translation offline
/// made two maps at one key; every one is read, the winner first, so neither is lost.
fn read_translations(doc: &AutoCommit, obj: &ObjId) -> BTreeMap<String, EventText> {
    let mut out: BTreeMap<String, EventText> = BTreeMap::new();
    for all in get_maps(doc, obj, TRANSLATIONS) {
        for lang in doc.keys(&all) {
            for one in get_maps(doc, &all, &lang) {
                let text = out.entry(lang.clone()).or_default();
                for (key, field) in [
                    ("title", &mut text.title),
                    ("description", &mut text.description),
                ] {
                    if field.is_empty() {
                        *field = get_str(doc, &one, key).unwrap_or_default();
                    }
                }
            }
        }
    }
    out.retain(|_, t| !t.title.is_empty() || !t.description.is_empty());
    out
}

/// The project's languages (BCP 47 primary codes), the first language first; ["fi"] when
/// organisers set none.
pub fn languages(doc: &AutoCommit) -> Vec<String> {
    let langs = get_map(doc, &ROOT, SETTINGS)
        .map(|s| get_str_list(doc, &s, LANGUAGES))
        .unwrap_or_default();
    if langs.is_empty() {
        DEFAULT_LANGUAGES.iter().map(|l| l.to_string()).collect()
    } else {
        langs
    }
}

/// Sets the project's languages (organisers), the first language first. Codes are
/// lower-cased, blanks and repeats dropped; nothing is written when nothing changed.
pub fn set_languages(doc: &mut AutoCommit, langs: &[&str]) -> Result<(), ProjectDocError> {
    let mut clean: Vec<String> = Vec::new();
    for lang in langs {
        let lang = lang.trim().to_ascii_lowercase();
        if !(2..=3).contains(&lang.len()) || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(ProjectDocError::NotALanguageCode(lang));
        }
        if !clean.contains(&lang) {
            clean.push(lang);
        }
    }
    if clean.is_empty() {
        return Err(ProjectDocError::NoLanguage);
    }
    let settings = top(doc, SETTINGS)?;
    if get_str_list(doc, &settings, LANGUAGES) != clean {
        put_str_list(doc, &settings, LANGUAGES, &clean)?;
    }
    Ok(())
}

/// Every readable event, soonest first (then by id, an order every device agrees on).
pub fn events(doc: &AutoCommit) -> Vec<Event> {
    let Some(events) = get_map(doc, &ROOT, EVENTS) else {
        return Vec::new();
    };
    let mut out: Vec<Event> = doc
        .keys(&events)
        .filter_map(|key| {
            let id: EventId = key.parse().ok()?;
            read_event(doc, id, &get_map(doc, &events, &key)?)
        })
        .collect();
    out.sort_by(|a, b| a.starts_at.cmp(&b.starts_at).then(a.id.cmp(&b.id)));
    out
}

pub fn event(doc: &AutoCommit, id: EventId) -> Option<Event> {
    let events = get_map(doc, &ROOT, EVENTS)?;
    read_event(doc, id, &get_map(doc, &events, &id.to_string())?)
}

/// An event, or `None` when its required fields (title, times) are missing or malformed.
fn read_event(doc: &AutoCommit, id: EventId, obj: &ObjId) -> Option<Event> {
    let title = get_str(doc, obj, "title")?;
    let starts_at = Timestamp::from_millis(get_i64(doc, obj, "starts_at")?);
    let ends_at = Timestamp::from_millis(get_i64(doc, obj, "ends_at")?);
    let capacity = match doc.get(obj, "capacity").ok()? {
        None => None,
        Some((automerge::Value::Scalar(s), _)) if s.is_null() => None,
        Some((automerge::Value::Scalar(s), _)) => Some(u32::try_from(s.as_i64()?).ok()?),
        Some(_) => return None,
    };
    let flag = |key| get_bool(doc, obj, key).unwrap_or(false);
    Some(Event {
        id,
        title,
        description: get_str(doc, obj, "description").unwrap_or_default(),
        starts_at,
        ends_at,
        place: get_str(doc, obj, "place").unwrap_or_default(),
        capacity,
        needs_approval: flag("needs_approval"),
        languages: get_str_list(doc, obj, "languages"),
        accessibility: Accessibility {
            step_free: flag("step_free"),
            induction_loop: flag("induction_loop"),
            sign_language: flag("sign_language"),
            quiet_room: flag("quiet_room"),
        },
        cancelled: flag("cancelled"),
        updated_at: Timestamp::from_millis(get_i64(doc, obj, "updated_at").unwrap_or(0)),
        translations: read_translations(doc, obj),
    })
}

/// The public counts of an event (hub-owned). Writes only the numbers that changed.
pub fn set_counts(
    doc: &mut AutoCommit,
    event: EventId,
    confirmed: u32,
    waitlist: u32,
) -> Result<(), ProjectDocError> {
    let counts = top(doc, COUNTS)?;
    let obj = super::ensure_map(doc, &counts, &event.to_string())?;
    if get_i64(doc, &obj, "confirmed") != Some(i64::from(confirmed)) {
        doc.put(&obj, "confirmed", i64::from(confirmed))?;
    }
    if get_i64(doc, &obj, "waitlist") != Some(i64::from(waitlist)) {
        doc.put(&obj, "waitlist", i64::from(waitlist))?;
    }
    Ok(())
}

/// `(confirmed, waitlist)` as the hub last counted them.
pub fn counts(doc: &AutoCommit, event: EventId) -> Option<(u32, u32)> {
    let counts = get_map(doc, &ROOT, COUNTS)?;
    let obj = get_map(doc, &counts, &event.to_string())?;
    let confirmed = u32::try_from(get_i64(doc, &obj, "confirmed")?).ok()?;
    let waitlist = u32::try_from(get_i64(doc, &obj, "waitlist")?).ok()?;
    Some((confirmed, waitlist))
}

/// The hub's public key for tickets (see [`crate::ticket`]), so organisers verify offline.
pub fn set_ticket_key(doc: &mut AutoCommit, key: &[u8; 32]) -> Result<(), ProjectDocError> {
    let hex = hex::encode(key);
    if get_str(doc, &ROOT, TICKET_KEY).as_deref() != Some(hex.as_str()) {
        doc.put(ROOT, TICKET_KEY, hex)?;
    }
    Ok(())
}

pub fn ticket_key(doc: &AutoCommit) -> Option<[u8; 32]> {
    let mut key = [0u8; 32];
    hex::decode_to_slice(get_str(doc, &ROOT, TICKET_KEY)?, &mut key).ok()?;
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::set_writer;

    fn draft(title: &str, starts_at: i64) -> EventDraft {
        EventDraft {
            title: title.into(),
            description: "Tule mukaan".into(),
            starts_at: Timestamp(starts_at),
            ends_at: Timestamp(starts_at + 3_600_000),
            place: "Kirjasto".into(),
            capacity: Some(20),
            needs_approval: false,
            languages: vec!["fi".into(), "sv".into()],
            accessibility: Accessibility {
                step_free: true,
                ..Accessibility::default()
            },
            translations: BTreeMap::new(),
        }
    }

    fn text(title: &str, description: &str) -> EventText {
        EventText {
            title: title.into(),
            description: description.into(),
        }
    }

    fn id(n: u8) -> EventId {
        EventId::from_bytes([n; 16])
    }

    #[test]
    fn every_new_project_document_is_the_same_document() {
        assert_eq!(new_document().get_heads(), new_document().get_heads());
    }

    #[test]
    fn an_event_reads_back_as_written_edits_and_cancels() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        add_event(&mut doc, id(1), &draft("Pihakävely", 10), Timestamp(5)).unwrap();
        let e = event(&doc, id(1)).unwrap();
        assert_eq!(e.draft(), draft("Pihakävely", 10));
        assert!(!e.cancelled);
        assert_eq!(e.updated_at, Timestamp(5));

        let mut changed = e.draft();
        changed.capacity = None;
        changed.languages = vec!["en".into()];
        edit_event(&mut doc, id(1), &changed, Timestamp(6)).unwrap();
        assert_eq!(event(&doc, id(1)).unwrap().draft(), changed);

        cancel_event(&mut doc, id(1), Timestamp(7)).unwrap();
        let e = event(&doc, id(1)).unwrap();
        assert!(e.cancelled);
        assert_eq!(e.updated_at, Timestamp(7));
        assert!(matches!(
            cancel_event(&mut doc, id(2), Timestamp(7)),
            Err(ProjectDocError::NoSuchEvent(_))
        ));
    }

    #[test]
    fn an_invalid_draft_is_not_written() {
        let mut doc = new_document();
        let mut bad = draft("", 10);
        assert!(matches!(
            add_event(&mut doc, id(1), &bad, Timestamp(0)),
            Err(ProjectDocError::Invalid(EventError::EmptyTitle))
        ));
        bad.title = "ok".into();
        add_event(&mut doc, id(1), &bad, Timestamp(0)).unwrap();
        bad.capacity = Some(0);
        assert!(edit_event(&mut doc, id(1), &bad, Timestamp(0)).is_err());
    }

    #[test]
    fn events_are_listed_soonest_first() {
        let mut doc = new_document();
        add_event(&mut doc, id(1), &draft("myöhemmin", 20), Timestamp(0)).unwrap();
        add_event(&mut doc, id(2), &draft("ensin", 10), Timestamp(0)).unwrap();
        let titles: Vec<String> = events(&doc).into_iter().map(|e| e.title).collect();
        assert_eq!(titles, ["ensin", "myöhemmin"]);
    }

    #[test]
    fn two_organisers_editing_different_fields_both_keep_theirs() {
        let mut a = new_document();
        set_writer(&mut a, [1; 16]);
        add_event(&mut a, id(1), &draft("Alku", 10), Timestamp(0)).unwrap();
        a.commit();
        let mut b = a.fork().with_actor(automerge::ActorId::from([2u8; 16]));
        let mut title = draft("Uusi nimi", 10);
        title.capacity = Some(20);
        edit_event(&mut a, id(1), &title, Timestamp(1)).unwrap();
        let mut seats = draft("Alku", 10);
        seats.capacity = Some(30);
        edit_event(&mut b, id(1), &seats, Timestamp(2)).unwrap();
        a.commit();
        b.commit();
        a.merge(&mut b).unwrap();
        let merged = event(&a, id(1)).unwrap();
        assert_eq!(merged.title, "Uusi nimi");
        assert_eq!(merged.capacity, Some(30));
    }

    #[test]
    fn a_translation_reads_back_and_a_missing_one_falls_back_to_the_first_language() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        let mut d = draft("Pihakävely", 10);
        d.translations
            .insert("sv".into(), text("Gårdspromenad", "Kom med"));
        d.translations.insert("en".into(), text("Yard walk", " "));
        add_event(&mut doc, id(1), &d, Timestamp(0)).unwrap();
        let e = event(&doc, id(1)).unwrap();
        assert_eq!(e.title_in("sv"), "Gårdspromenad");
        assert_eq!(e.description_in("sv"), "Kom med");
        assert_eq!(e.title_in("en"), "Yard walk");
        // A blank or missing translation: the first language's text.
        assert_eq!(e.description_in("en"), "Tule mukaan");
        assert_eq!(
            (e.title_in("fi"), e.title_in("de")),
            ("Pihakävely", "Pihakävely")
        );
        // An event written before translations existed reads as before.
        add_event(&mut doc, id(2), &draft("Vanha", 20), Timestamp(0)).unwrap();
        let old = event(&doc, id(2)).unwrap();
        assert!(old.translations.is_empty());
        assert_eq!(old.title_in("sv"), "Vanha");
    }

    #[test]
    fn two_organisers_adding_different_languages_offline_both_keep_theirs() {
        let mut a = new_document();
        set_writer(&mut a, [1; 16]);
        add_event(&mut a, id(1), &draft("Alku", 10), Timestamp(0)).unwrap();
        a.commit();
        let mut b = a.fork().with_actor(automerge::ActorId::from([2u8; 16]));
        let mut sv = draft("Alku", 10);
        sv.translations.insert("sv".into(), text("Början", ""));
        edit_event(&mut a, id(1), &sv, Timestamp(1)).unwrap();
        let mut en = draft("Alku", 10);
        en.translations
            .insert("en".into(), text("Start", "Come along"));
        edit_event(&mut b, id(1), &en, Timestamp(2)).unwrap();
        a.commit();
        b.commit();
        a.merge(&mut b).unwrap();
        let merged = event(&a, id(1)).unwrap();
        assert_eq!(merged.title_in("sv"), "Början");
        assert_eq!(merged.title_in("en"), "Start");
        assert_eq!(merged.description_in("en"), "Come along");
        assert_eq!(merged.title, "Alku");
    }

    #[test]
    fn an_edit_writes_only_the_translation_that_changed() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        let mut d = draft("Alku", 10);
        d.translations.insert("sv".into(), text("Början", "Kom"));
        add_event(&mut doc, id(1), &d, Timestamp(0)).unwrap();
        doc.commit();
        let before = doc.get_changes(&[]).len();
        let heads = doc.get_heads();
        d.translations.get_mut("sv").unwrap().description = "Kom med".into();
        edit_event(&mut doc, id(1), &d, Timestamp(1)).unwrap();
        doc.commit();
        assert_eq!(doc.get_changes(&[]).len(), before + 1);
        let change = doc.get_changes(&heads)[0].clone();
        // The description and updated_at: the title, in either language, is not rewritten.
        assert_eq!(change.len(), 2);
        assert_eq!(event(&doc, id(1)).unwrap().description_in("sv"), "Kom med");
    }

    #[test]
    fn the_project_languages_default_to_finnish_and_read_back() {
        let mut doc = new_document();
        assert_eq!(languages(&doc), ["fi"]);
        set_languages(&mut doc, &["sv", " FI ", "sv", "en"]).unwrap();
        assert_eq!(languages(&doc), ["sv", "fi", "en"]);
        assert!(set_languages(&mut doc, &[]).is_err());
        assert!(set_languages(&mut doc, &["suomi"]).is_err());
        assert_eq!(languages(&doc), ["sv", "fi", "en"]);
    }

    #[test]
    fn counts_and_ticket_key_read_back() {
        let mut doc = new_document();
        assert_eq!(counts(&doc, id(1)), None);
        assert_eq!(ticket_key(&doc), None);
        set_counts(&mut doc, id(1), 3, 2).unwrap();
        set_ticket_key(&mut doc, &[7; 32]).unwrap();
        assert_eq!(counts(&doc, id(1)), Some((3, 2)));
        assert_eq!(ticket_key(&doc), Some([7; 32]));
        doc.commit();
        let heads = doc.get_heads();
        set_counts(&mut doc, id(1), 3, 2).unwrap();
        set_ticket_key(&mut doc, &[7; 32]).unwrap();
        doc.commit();
        assert_eq!(
            doc.get_heads(),
            heads,
            "writing the same counts again is no change"
        );
    }

    #[test]
    fn a_malformed_event_is_skipped_not_fatal() {
        let mut doc = new_document();
        let events_obj = top(&doc, EVENTS).unwrap();
        let bad = doc
            .put_object(&events_obj, id(1).to_string(), ObjType::Map)
            .unwrap();
        doc.put(&bad, "title", 42).unwrap();
        doc.put(&events_obj, "not-an-id", "x").unwrap();
        add_event(&mut doc, id(2), &draft("hyvä", 1), Timestamp(0)).unwrap();
        assert_eq!(events(&doc).len(), 1);
    }
}
