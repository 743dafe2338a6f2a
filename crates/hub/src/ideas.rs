//! Ideas: what the hub derives from every member's ideas, supports, comments and reports
//! and from the organisers' answers and moderation, into the project document.
//!
//! Members write only their own documents; organisers write the staff document. The
//! published form in the project document (authors' display names unless anonymous,
//! support counts of distinct members, comments, hidden flags, the organisers' path) is
//! the hub's alone: residents sync the project document read-only and anything a member
//! writes elsewhere is never read as published state. Core's [`derive_ideas`] decides what
//! is published; [`plan`] decides what to write, so deriving again writes nothing.
//!
//! [`publish`] runs in the pass over the project's member documents
//! ([`crate::derivation`]), which holds the per-project lock and reads each document once.

use crate::seats::{write_as_hub, SeatsError};
use crate::state::AppState;
use kumppani_core::derive::ideas::{derive_ideas, MemberIdeas};
use kumppani_core::ids::{DocId, IdeaId};
use kumppani_core::model::idea::PublishedIdea;
use kumppani_core::model::{project, staff};
use std::collections::BTreeMap;

/// What to write into the project document: the ideas whose published form differs
/// (`write`), and the published ideas that no longer exist (`remove`).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub write: Vec<PublishedIdea>,
    pub remove: Vec<IdeaId>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.write.is_empty() && self.remove.is_empty()
    }
}

/// Compares the derived ideas with those the project document publishes now.
pub fn plan(derived: Vec<PublishedIdea>, published: &[PublishedIdea]) -> Plan {
    let current: BTreeMap<IdeaId, &PublishedIdea> = published.iter().map(|p| (p.id, p)).collect();
    let remove = published
        .iter()
        .map(|p| p.id)
        .filter(|id| !derived.iter().any(|d| d.id == *id))
        .collect();
    let write = derived
        .into_iter()
        .filter(|d| current.get(&d.id) != Some(&d))
        .collect();
    Plan { write, remove }
}

/// Derives the project's published ideas from what the pass read from every member
/// document ([`crate::derivation`]) and from the staff document, and writes what differs
/// into the project document.
pub async fn publish(
    state: &AppState,
    project_doc: DocId,
    staff_doc: DocId,
    members: &[MemberIdeas],
) -> Result<(), SeatsError> {
    let staff_ideas = {
        let guard = state.derivation_doc(staff_doc).await?;
        staff::staff_ideas(&guard)
    };
    let (threshold, published) = {
        let guard = state.derivation_doc(project_doc).await?;
        (
            project::report_threshold(&guard),
            project::published_ideas(&guard),
        )
    };
    let plan = plan(derive_ideas(members, &staff_ideas, threshold), &published);
    if plan.is_empty() {
        return Ok(());
    }
    write_as_hub(state, project_doc, "hub: ideas", |doc| {
        for id in &plan.remove {
            project::remove_published_idea(doc, *id).map_err(|e| e.to_string())?;
        }
        for idea in &plan.write {
            project::set_published_idea(doc, idea).map_err(|e| e.to_string())?;
        }
        Ok(())
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use kumppani_core::model::idea::IdeaStatus;
    use kumppani_core::time::Timestamp;

    fn idea(n: u8, supports: u32) -> PublishedIdea {
        PublishedIdea {
            id: IdeaId::from_bytes([n; 16]),
            title: format!("Idea {n}"),
            description: String::new(),
            theme: "Liikenne".into(),
            author: None,
            supports,
            comments: Vec::new(),
            path: Vec::new(),
            milestones: Vec::new(),
            status: IdeaStatus::Received,
            hidden: false,
            hidden_reason: None,
            linked_event: None,
            merged_into: None,
            submitted_at: Timestamp(1),
        }
    }

    #[test]
    fn a_new_idea_is_written() {
        let p = plan(vec![idea(1, 0)], &[]);
        assert_eq!(p.write, vec![idea(1, 0)]);
        assert!(p.remove.is_empty());
    }

    #[test]
    fn deriving_again_writes_nothing() {
        let p = plan(vec![idea(1, 2), idea(2, 0)], &[idea(2, 0), idea(1, 2)]);
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn only_what_changed_is_written_and_what_is_gone_is_removed() {
        let p = plan(
            vec![idea(1, 3), idea(2, 0)],
            &[idea(1, 2), idea(2, 0), idea(3, 1)],
        );
        assert_eq!(p.write, vec![idea(1, 3)]);
        assert_eq!(p.remove, vec![IdeaId::from_bytes([3; 16])]);
    }

    #[test]
    fn a_forged_published_idea_no_member_wrote_is_removed() {
        let p = plan(Vec::new(), &[idea(9, 100)]);
        assert_eq!(p.remove, vec![IdeaId::from_bytes([9; 16])]);
        assert!(p.write.is_empty());
    }
}
