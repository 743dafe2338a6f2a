//! A diary entry: what one person wrote about their day.
//!
//! The same shape serves the shared entries of the member document now and the private,
//! device-only diary later.

use crate::ids::EntryId;
use crate::time::Timestamp;
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
        }
    }
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
