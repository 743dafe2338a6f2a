//! An event as organisers write it: what, when, where, for how many, and for whom.
//!
//! The draft is what the organiser's form fills in and validates; the project document
//! adds the id, the cancellation and the time of the last edit.

use crate::ids::EventId;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;

/// What the place offers people who need it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Accessibility {
    pub step_free: bool,
    pub induction_loop: bool,
    pub sign_language: bool,
    pub quiet_room: bool,
}

/// An event's title and description in one more language; an empty field is missing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventText {
    pub title: String,
    pub description: String,
}

/// `text` unless it is blank, else `first`: a missing translation falls back to the
/// project's first language.
pub(crate) fn or_first<'a>(text: Option<&'a str>, first: &'a str) -> &'a str {
    text.filter(|t| !t.trim().is_empty()).unwrap_or(first)
}

/// What an organiser fills in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDraft {
    pub title: String,
    pub description: String,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub place: String,
    /// Seats; `None` is unlimited.
    pub capacity: Option<u32>,
    /// Whether an organiser approves each sign-up before it takes a seat.
    pub needs_approval: bool,
    /// Languages spoken at the event (BCP 47 tags such as "fi", "sv", "en").
    pub languages: Vec<String>,
    pub accessibility: Accessibility,
    /// The title and description in the project's other languages, by language code;
    /// `title` and `description` are the first language's.
    #[serde(default)]
    pub translations: BTreeMap<String, EventText>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EventError {
    #[error("the event needs a title")]
    EmptyTitle,
    #[error("the title is {0} characters; at most {MAX_TITLE_CHARS} fit")]
    TitleTooLong(usize),
    #[error("the event ends before it starts")]
    EndsBeforeStart,
    #[error("an event with a capacity needs at least one seat")]
    ZeroCapacity,
}

impl EventDraft {
    pub fn validate(&self) -> Result<(), EventError> {
        let title_chars = self.title.trim().chars().count();
        if title_chars == 0 {
            return Err(EventError::EmptyTitle);
        }
        let titles =
            std::iter::once(&self.title).chain(self.translations.values().map(|t| &t.title));
        for title in titles {
            if title.chars().count() > MAX_TITLE_CHARS {
                return Err(EventError::TitleTooLong(title.chars().count()));
            }
        }
        if self.ends_at < self.starts_at {
            return Err(EventError::EndsBeforeStart);
        }
        if self.capacity == Some(0) {
            return Err(EventError::ZeroCapacity);
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    pub title: String,
    pub description: String,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub place: String,
    /// Seats; `None` is unlimited.
    pub capacity: Option<u32>,
    pub needs_approval: bool,
    pub languages: Vec<String>,
    pub accessibility: Accessibility,
    pub cancelled: bool,
    pub updated_at: Timestamp,
    /// The title and description in other languages (see [`EventDraft::translations`]).
    #[serde(default)]
    pub translations: BTreeMap<String, EventText>,
}

impl Event {
    /// The draft to edit this event from.
    pub fn draft(&self) -> EventDraft {
        EventDraft {
            title: self.title.clone(),
            description: self.description.clone(),
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            place: self.place.clone(),
            capacity: self.capacity,
            needs_approval: self.needs_approval,
            languages: self.languages.clone(),
            accessibility: self.accessibility,
            translations: self.translations.clone(),
        }
    }

    /// The title in `lang` (a BCP 47 code), or the first language's when it has none.
    pub fn title_in(&self, lang: &str) -> &str {
        let t = self.translations.get(lang).map(|t| t.title.as_str());
        or_first(t, &self.title)
    }

    /// The description in `lang`, or the first language's when it has none.
    pub fn description_in(&self, lang: &str) -> &str {
        let t = self.translations.get(lang).map(|t| t.description.as_str());
        or_first(t, &self.description)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> EventDraft {
        EventDraft {
            title: "Pihakävely".into(),
            description: String::new(),
            starts_at: Timestamp(1_000),
            ends_at: Timestamp(2_000),
            place: "Kirjaston piha".into(),
            capacity: Some(10),
            needs_approval: false,
            languages: vec!["fi".into()],
            accessibility: Accessibility::default(),
            translations: BTreeMap::new(),
        }
    }

    #[test]
    fn a_complete_draft_is_valid() {
        assert_eq!(draft().validate(), Ok(()));
    }

    #[test]
    fn a_blank_or_overlong_title_is_refused() {
        let mut d = draft();
        d.title = "   ".into();
        assert_eq!(d.validate(), Err(EventError::EmptyTitle));
        d.title = "ä".repeat(MAX_TITLE_CHARS);
        assert_eq!(d.validate(), Ok(()));
        d.title.push('x');
        assert_eq!(d.validate(), Err(EventError::TitleTooLong(201)));
        let mut d = draft();
        let long = EventText {
            title: "x".repeat(MAX_TITLE_CHARS + 1),
            description: String::new(),
        };
        d.translations.insert("sv".into(), long);
        assert_eq!(d.validate(), Err(EventError::TitleTooLong(201)));
    }

    #[test]
    fn an_event_that_ends_before_it_starts_is_refused() {
        let mut d = draft();
        d.ends_at = Timestamp(999);
        assert_eq!(d.validate(), Err(EventError::EndsBeforeStart));
        d.ends_at = d.starts_at;
        assert_eq!(d.validate(), Ok(()));
    }

    #[test]
    fn zero_seats_is_refused_and_unlimited_is_fine() {
        let mut d = draft();
        d.capacity = Some(0);
        assert_eq!(d.validate(), Err(EventError::ZeroCapacity));
        d.capacity = None;
        assert_eq!(d.validate(), Ok(()));
    }
}
