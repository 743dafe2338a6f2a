//! Idea statuses in plain words, in the page's language.

use kumppani_core::model::idea::IdeaStatus;

/// The message key of a status in running text ("accepted").
pub fn status_key(s: IdeaStatus) -> &'static str {
    match s {
        IdeaStatus::Received => "idea-status-received",
        IdeaStatus::UnderConsideration => "idea-status-under-consideration",
        IdeaStatus::Accepted => "idea-status-accepted",
        IdeaStatus::Declined => "idea-status-declined",
        IdeaStatus::InProgress => "idea-status-in-progress",
        IdeaStatus::Done => "idea-status-done",
    }
}

/// "under consideration", for running text.
pub fn status_word(s: IdeaStatus) -> String {
    crate::i18n::use_i18n().t(status_key(s))
}

/// "Under consideration", for headings and badges.
pub fn status_title(s: IdeaStatus) -> String {
    capitalised(&status_word(s))
}

fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{translate, Lang};
    use std::collections::BTreeSet;

    #[test]
    fn every_status_has_its_own_word_in_every_language() {
        for lang in Lang::ALL {
            let words: BTreeSet<String> = IdeaStatus::ALL
                .into_iter()
                .map(|s| translate(lang, status_key(s), None))
                .collect();
            assert_eq!(words.len(), IdeaStatus::ALL.len(), "{lang:?}: {words:?}");
            for w in &words {
                assert!(!w.starts_with("idea-status-"), "{lang:?}: no message {w}");
            }
        }
        assert_eq!(
            translate(Lang::En, status_key(IdeaStatus::UnderConsideration), None),
            "under consideration"
        );
    }

    #[test]
    fn titles_start_with_a_capital() {
        assert_eq!(capitalised("under consideration"), "Under consideration");
        assert_eq!(capitalised("päätetty"), "Päätetty");
        assert_eq!(capitalised(""), "");
    }
}
