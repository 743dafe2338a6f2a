//! Ideas: the types every document and the derivation share.
//!
//! A member writes an [`IdeaDraft`] into their own document; organisers answer with a
//! [`PathStep`] (a status and a note) and [`Milestone`]s in the staff document; the hub
//! derives a [`PublishedIdea`] from both and writes it into the project document. A
//! published idea names people by display name only, and only when they chose to be named:
//! never by member id, so the project document every resident reads links nobody to an id.

use crate::ids::{CommentId, EventId, IdeaId};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 5_000;
/// A comment is as long as an idea's description may be.
pub const MAX_COMMENT_CHARS: usize = MAX_DESCRIPTION_CHARS;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdeaError {
    #[error("an idea needs a title")]
    EmptyTitle,
    #[error("the title is longer than {MAX_TITLE_CHARS} characters")]
    TitleTooLong,
    #[error("the description is longer than {MAX_DESCRIPTION_CHARS} characters")]
    DescriptionTooLong,
    #[error("a comment needs text")]
    EmptyComment,
    #[error("the comment is longer than {MAX_COMMENT_CHARS} characters")]
    CommentTooLong,
}

/// What a member fills in to submit or edit an idea.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaDraft {
    pub title: String,
    pub description: String,
    /// One of the project's themes (see `project::themes`); free text is kept as written.
    pub theme: String,
    /// Published without the author's name.
    pub anonymous: bool,
}

impl IdeaDraft {
    pub fn validate(&self) -> Result<(), IdeaError> {
        if self.title.trim().is_empty() {
            return Err(IdeaError::EmptyTitle);
        }
        if self.title.chars().count() > MAX_TITLE_CHARS {
            return Err(IdeaError::TitleTooLong);
        }
        if self.description.chars().count() > MAX_DESCRIPTION_CHARS {
            return Err(IdeaError::DescriptionTooLong);
        }
        Ok(())
    }
}

/// A comment's text must be non-empty and at most [`MAX_COMMENT_CHARS`].
pub fn validate_comment(text: &str) -> Result<(), IdeaError> {
    if text.trim().is_empty() {
        return Err(IdeaError::EmptyComment);
    }
    if text.chars().count() > MAX_COMMENT_CHARS {
        return Err(IdeaError::CommentTooLong);
    }
    Ok(())
}

/// Where an idea stands, as organisers last answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum IdeaStatus {
    Received,
    UnderConsideration,
    Accepted,
    Declined,
    InProgress,
    Done,
}

impl IdeaStatus {
    pub const ALL: [IdeaStatus; 6] = [
        IdeaStatus::Received,
        IdeaStatus::UnderConsideration,
        IdeaStatus::Accepted,
        IdeaStatus::Declined,
        IdeaStatus::InProgress,
        IdeaStatus::Done,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IdeaStatus::Received => "received",
            IdeaStatus::UnderConsideration => "under_consideration",
            IdeaStatus::Accepted => "accepted",
            IdeaStatus::Declined => "declined",
            IdeaStatus::InProgress => "in_progress",
            IdeaStatus::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == s)
    }
}

/// One organiser answer: a step on the idea's path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathStep {
    pub status: IdeaStatus,
    pub note: String,
    /// The organiser's display name.
    pub by_name: String,
    pub at: Timestamp,
}

/// A milestone organisers set on an idea that is being carried out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub title: String,
    pub done: bool,
    pub at: Timestamp,
}

/// What a report or a moderation decision is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ReportTarget {
    Idea(IdeaId),
    Comment(CommentId),
}

impl ReportTarget {
    /// `"idea"` or `"comment"`, as the documents write it.
    pub fn kind(self) -> &'static str {
        match self {
            ReportTarget::Idea(_) => "idea",
            ReportTarget::Comment(_) => "comment",
        }
    }

    /// The target's id, 32 hex digits: the key under `reports` and `moderation`.
    pub fn key(self) -> String {
        match self {
            ReportTarget::Idea(id) => id.to_string(),
            ReportTarget::Comment(id) => id.to_string(),
        }
    }

    /// A target from its `kind` and `key` as written; `None` when either is malformed.
    pub fn parse(kind: &str, key: &str) -> Option<Self> {
        match kind {
            "idea" => key.parse().ok().map(ReportTarget::Idea),
            "comment" => key.parse().ok().map(ReportTarget::Comment),
            _ => None,
        }
    }
}

/// A comment as the project document shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedComment {
    pub id: CommentId,
    pub text: String,
    /// The commenter's display name, unless they commented anonymously.
    pub author: Option<String>,
    pub at: Timestamp,
    pub hidden: bool,
}

/// An idea as the project document shows it: derived by the hub, read by every member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedIdea {
    pub id: IdeaId,
    pub title: String,
    pub description: String,
    pub theme: String,
    /// The author's display name, unless they submitted anonymously. Never a member id.
    pub author: Option<String>,
    /// Distinct members who support it.
    pub supports: u32,
    /// Oldest first (by the commenter's clock, then id).
    pub comments: Vec<PublishedComment>,
    /// The organisers' answers, in the order given; the last one is the status.
    pub path: Vec<PathStep>,
    /// By milestone id, the order organisers' devices agree on.
    pub milestones: Vec<Milestone>,
    pub status: IdeaStatus,
    pub hidden: bool,
    pub hidden_reason: Option<String>,
    pub linked_event: Option<EventId>,
    pub merged_into: Option<IdeaId>,
    pub submitted_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> IdeaDraft {
        IdeaDraft {
            title: "Penkki puistoon".into(),
            description: String::new(),
            theme: "piha".into(),
            anonymous: false,
        }
    }

    #[test]
    fn a_draft_needs_a_title_within_limits() {
        assert_eq!(draft().validate(), Ok(()));
        let mut d = draft();
        d.title = "  ".into();
        assert_eq!(d.validate(), Err(IdeaError::EmptyTitle));
        d.title = "ä".repeat(200);
        assert_eq!(d.validate(), Ok(()));
        d.title.push('x');
        assert_eq!(d.validate(), Err(IdeaError::TitleTooLong));
        let mut d = draft();
        d.description = "ö".repeat(5_001);
        assert_eq!(d.validate(), Err(IdeaError::DescriptionTooLong));
    }

    #[test]
    fn statuses_and_targets_read_back() {
        for s in IdeaStatus::ALL {
            assert_eq!(IdeaStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(IdeaStatus::parse("maybe"), None);
        let t = ReportTarget::Comment(CommentId::from_bytes([3; 16]));
        assert_eq!(ReportTarget::parse(t.kind(), &t.key()), Some(t));
        assert_eq!(ReportTarget::parse("idea", "x"), None);
    }
}
