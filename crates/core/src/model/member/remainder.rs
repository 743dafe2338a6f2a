//! What stays of a member who deleted their account and chose to keep their ideas and
//! comments: a new member document with those alone, all without a name.
//!
//! It is written from scratch, never edited down from the old document: anything deleted
//! in an edit would still be in the edit's change. The hub stores it under a new id in
//! place of the member's document, so derivation publishes the same ideas under the same
//! ids (answers stay attached) and nothing else of the member survives.

use super::ideas::{comment, my_comments, my_ideas, my_supports, submit_idea, support};
use super::{new_document, MemberDocError};
use crate::model::idea::IdeaDraft;
use automerge::{ActorId, AutoCommit};

/// The member's published ideas (withdrawn ones are left out), comments and supports, all
/// anonymous, as a new member document written by `actor`.
pub fn anonymous_remainder(
    doc: &AutoCommit,
    actor: [u8; 16],
) -> Result<AutoCommit, MemberDocError> {
    let mut out = new_document().with_actor(ActorId::from(actor));
    for idea in my_ideas(doc)
        .into_iter()
        .filter(|i| i.withdrawn_at.is_none())
    {
        let draft = IdeaDraft {
            anonymous: true,
            ..idea.draft
        };
        // An idea its author's device wrote past the limits was never published either.
        match submit_idea(&mut out, idea.id, &draft, idea.submitted_at) {
            Ok(()) | Err(MemberDocError::InvalidIdea(_)) => {}
            Err(e) => return Err(e),
        }
    }
    for c in my_comments(doc) {
        match comment(&mut out, c.id, c.idea, &c.text, true, c.at) {
            Ok(()) | Err(MemberDocError::InvalidIdea(_)) => {}
            Err(e) => return Err(e),
        }
    }
    for s in my_supports(doc) {
        support(&mut out, s.idea, s.at)?;
    }
    out.commit_with(automerge::transaction::CommitOptions::default().with_time(0));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{CommentId, EntryId, IdeaId};
    use crate::model::member::{share_entry, withdraw_idea, Sharing};
    use crate::model::{EntryDraft, Mood};
    use crate::time::Timestamp;

    use crate::model::rewrite::history_text as every_change_text;

    #[test]
    fn keeps_ideas_comments_and_supports_without_a_name_and_nothing_else() {
        let at = Timestamp::from_millis(1_790_000_000_000);
        let mut doc = new_document().with_actor(ActorId::from([1u8; 16]));
        let (kept, withdrawn, other) = (
            IdeaId::from_bytes([1; 16]),
            IdeaId::from_bytes([2; 16]),
            IdeaId::from_bytes([3; 16]),
        );
        let draft = |title: &str| IdeaDraft {
            title: title.to_owned(),
            description: "Penkkejä rantaan".to_owned(),
            theme: "puistot".to_owned(),
            anonymous: false,
        };
        submit_idea(&mut doc, kept, &draft("Lisää penkkejä"), at).unwrap();
        submit_idea(&mut doc, withdrawn, &draft("Vanha ajatus"), at).unwrap();
        withdraw_idea(&mut doc, withdrawn, at).unwrap();
        comment(
            &mut doc,
            CommentId::from_bytes([4; 16]),
            other,
            "Hyvä idea!",
            false,
            at,
        )
        .unwrap();
        support(&mut doc, other, at).unwrap();
        let entry = EntryDraft {
            text: "Salainen päiväkirja".to_owned(),
            mood: Mood::new(3).unwrap(),
            tags: Vec::new(),
            at,
            prompt: None,
        };
        share_entry(
            &mut doc,
            EntryId::from_bytes([5; 16]),
            &entry,
            Sharing::Named,
            at,
        )
        .unwrap();
        doc.commit();

        let mut rest = anonymous_remainder(&doc, [9; 16]).unwrap();
        let ideas = my_ideas(&rest);
        assert_eq!(ideas.len(), 1);
        assert_eq!(ideas[0].id, kept);
        assert!(ideas[0].draft.anonymous);
        assert_eq!(ideas[0].submitted_at, at);
        let comments = my_comments(&rest);
        assert_eq!(comments.len(), 1);
        assert!(comments[0].anonymous);
        assert_eq!(comments[0].text, "Hyvä idea!");
        assert_eq!(my_supports(&rest).len(), 1);
        let history = every_change_text(&mut rest);
        assert!(!history.contains("Salainen päiväkirja"));
        assert!(!history.contains("Vanha ajatus"));
    }
}
