//! Core's errors as sentences in the page's language. Core speaks no language: what a
//! person can act on (a title left empty, a prompt that closes before it opens) gets its
//! own words here, and the faults that mean a damaged or foreign document get one sentence
//! that carries core's detail for a bug report.

use crate::i18n::words;
use automerge::AutomergeError;
use kumppani_core::model::event::{EventError, MAX_TITLE_CHARS as MAX_EVENT_TITLE_CHARS};
use kumppani_core::model::idea::{
    IdeaError, MAX_COMMENT_CHARS, MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS as MAX_IDEA_TITLE_CHARS,
};
use kumppani_core::model::member::MemberDocError;
use kumppani_core::model::private_diary::PrivateDiaryError;
use kumppani_core::model::project::{
    ProjectDocError, PromptError, MAX_NOTICE_CHARS, MAX_PROMPT_CHARS,
};
use kumppani_core::model::staff::StaffDocError;
use kumppani_core::model::MoodError;
use kumppani_core::session::CloseReason;
use kumppani_core::vault::VaultError;
use kumppani_core::wire::ErrorCode;

/// An error the driver or a form shows to the person, in the page's language.
pub trait Explain {
    fn explain(&self) -> String;
}

/// A fault the person cannot mend by changing what they typed.
fn fault(e: &impl std::fmt::Display) -> String {
    words("msg-change-failed", &[("error", e.to_string().into())])
}

impl Explain for EventError {
    fn explain(&self) -> String {
        match self {
            EventError::EmptyTitle => words("event-form-no-title", &[]),
            EventError::TitleTooLong(count) => words(
                "event-form-title-too-long",
                &[
                    ("count", (*count).into()),
                    ("max", MAX_EVENT_TITLE_CHARS.into()),
                ],
            ),
            EventError::EndsBeforeStart => words("event-form-ends-before-start", &[]),
            EventError::ZeroCapacity => words("event-form-no-seats", &[]),
        }
    }
}

impl Explain for IdeaError {
    fn explain(&self) -> String {
        match self {
            IdeaError::EmptyTitle => words("idea-error-no-title", &[]),
            IdeaError::TitleTooLong => words(
                "idea-error-title-too-long",
                &[("max", MAX_IDEA_TITLE_CHARS.into())],
            ),
            IdeaError::DescriptionTooLong => words(
                "idea-error-description-too-long",
                &[("max", MAX_DESCRIPTION_CHARS.into())],
            ),
            IdeaError::EmptyComment => words("idea-error-no-comment", &[]),
            IdeaError::CommentTooLong => words(
                "idea-error-comment-too-long",
                &[("max", MAX_COMMENT_CHARS.into())],
            ),
        }
    }
}

impl Explain for PromptError {
    fn explain(&self) -> String {
        match self {
            PromptError::EmptyText => words("prompt-form-empty", &[]),
            PromptError::TooLong => {
                words("prompt-form-too-long", &[("max", MAX_PROMPT_CHARS.into())])
            }
            PromptError::ClosesBeforeOpening => words("prompt-form-closes-before-opening", &[]),
        }
    }
}

impl Explain for MoodError {
    fn explain(&self) -> String {
        words("msg-mood-range", &[])
    }
}

impl Explain for ProjectDocError {
    fn explain(&self) -> String {
        match self {
            ProjectDocError::Invalid(e) => e.explain(),
            ProjectDocError::Prompt(e) => e.explain(),
            ProjectDocError::NoticeTooLong => words(
                "organise-diary-notice-too-long",
                &[("max", MAX_NOTICE_CHARS.into())],
            ),
            ProjectDocError::NotALanguageCode(code) => {
                words("msg-not-a-language-code", &[("code", code.clone().into())])
            }
            ProjectDocError::NoLanguage => words("msg-no-language", &[]),
            other => fault(other),
        }
    }
}

impl Explain for MemberDocError {
    fn explain(&self) -> String {
        match self {
            MemberDocError::InvalidIdea(e) => e.explain(),
            other => fault(other),
        }
    }
}

impl Explain for StaffDocError {
    fn explain(&self) -> String {
        fault(self)
    }
}

impl Explain for PrivateDiaryError {
    fn explain(&self) -> String {
        fault(self)
    }
}

impl Explain for AutomergeError {
    fn explain(&self) -> String {
        fault(self)
    }
}

impl Explain for VaultError {
    fn explain(&self) -> String {
        match self {
            VaultError::WeakPin => words("msg-weak-pin", &[]),
            VaultError::WrongPinOrDamaged => words("msg-wrong-pin", &[]),
            VaultError::BadParams => fault(self),
        }
    }
}

/// Why a sync connection closed, as the status line's fragment ("Offline: …"). The hub's
/// own message is English for its log; the code says enough.
impl Explain for CloseReason {
    fn explain(&self) -> String {
        let key = match self.code {
            ErrorCode::AuthFailed => "msg-conn-signed-out",
            ErrorCode::Malformed | ErrorCode::BadSyncMessage | ErrorCode::NotAuthenticated => {
                "msg-conn-garbled"
            }
            ErrorCode::TooLarge => "msg-conn-too-large",
            ErrorCode::UnsupportedVersion => "msg-conn-version",
            ErrorCode::Unavailable => "msg-conn-hub-busy",
            ErrorCode::Internal => "msg-conn-hub-fault",
            ErrorCode::Limited => "msg-conn-limited",
        };
        words(key, &[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set_current, Lang};

    /// Every sentence a person can act on is a real message in each language: no key
    /// falls through to the bare key or to core's English.
    #[test]
    fn every_error_a_person_can_mend_has_words_in_each_language() {
        let errors: Vec<Box<dyn Explain>> = vec![
            Box::new(EventError::EmptyTitle),
            Box::new(EventError::TitleTooLong(300)),
            Box::new(EventError::EndsBeforeStart),
            Box::new(EventError::ZeroCapacity),
            Box::new(IdeaError::EmptyTitle),
            Box::new(IdeaError::TitleTooLong),
            Box::new(IdeaError::DescriptionTooLong),
            Box::new(IdeaError::EmptyComment),
            Box::new(IdeaError::CommentTooLong),
            Box::new(PromptError::EmptyText),
            Box::new(PromptError::TooLong),
            Box::new(PromptError::ClosesBeforeOpening),
            Box::new(MoodError(9)),
            Box::new(ProjectDocError::NoticeTooLong),
            Box::new(ProjectDocError::NotALanguageCode("xyzw".into())),
            Box::new(ProjectDocError::NoLanguage),
            Box::new(ProjectDocError::Prompt(PromptError::EmptyText)),
            Box::new(MemberDocError::InvalidIdea(IdeaError::EmptyComment)),
            Box::new(VaultError::WeakPin),
        ];
        for lang in Lang::ALL {
            set_current(lang);
            let change_failed = words("msg-change-failed", &[("error", "".into())]);
            for e in &errors {
                let text = e.explain();
                // A missing message comes back as its one-word key.
                assert!(text.contains(' '), "{lang:?}: {text:?}");
                assert!(
                    !text.starts_with(change_failed.trim_end()),
                    "{lang:?}: {text:?} is shown as a fault"
                );
            }
        }
        set_current(Lang::En);
    }

    #[test]
    fn every_close_code_has_its_own_words_in_each_language() {
        let codes = [
            ErrorCode::Malformed,
            ErrorCode::TooLarge,
            ErrorCode::UnsupportedVersion,
            ErrorCode::AuthFailed,
            ErrorCode::Unavailable,
            ErrorCode::Internal,
            ErrorCode::Limited,
        ];
        for lang in Lang::ALL {
            set_current(lang);
            let said: std::collections::BTreeSet<String> = codes
                .iter()
                .map(|&code| {
                    CloseReason {
                        code,
                        message: "hub's English".into(),
                        from_hub: true,
                    }
                    .explain()
                })
                .collect();
            assert_eq!(said.len(), codes.len(), "{lang:?}: {said:?}");
            assert!(said
                .iter()
                .all(|s| !s.contains("hub's English") && !s.starts_with("msg-")));
        }
        set_current(Lang::En);
    }

    #[test]
    fn finnish_words_are_not_the_english_ones() {
        set_current(Lang::Fi);
        let fi = IdeaError::EmptyComment.explain();
        set_current(Lang::En);
        assert_ne!(fi, IdeaError::EmptyComment.explain());
    }

    #[test]
    fn a_damaged_document_is_a_fault_with_cores_detail() {
        set_current(Lang::En);
        let e = MemberDocError::NoDiary;
        let text = e.explain();
        assert!(text.contains(&e.to_string()), "{text}");
        assert!(text.starts_with("That change could not be made"));
    }
}
