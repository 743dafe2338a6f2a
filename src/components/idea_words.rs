//! Idea statuses in plain words.

use kumppani_core::model::idea::IdeaStatus;

pub fn status_word(s: IdeaStatus) -> &'static str {
    match s {
        IdeaStatus::Received => "received",
        IdeaStatus::UnderConsideration => "under consideration",
        IdeaStatus::Accepted => "accepted",
        IdeaStatus::Declined => "declined",
        IdeaStatus::InProgress => "in progress",
        IdeaStatus::Done => "done",
    }
}

/// "Under consideration", for headings and badges.
pub fn status_title(s: IdeaStatus) -> String {
    let w = status_word(s);
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
