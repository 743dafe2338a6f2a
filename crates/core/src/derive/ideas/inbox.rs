//! What a member is told after a sync about the ideas they submitted or support: the
//! changes between the published ideas they held before and the ones they hold now.

use crate::ids::IdeaId;
use crate::model::idea::{IdeaStatus, PublishedIdea};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum InboxChange {
    StatusChanged {
        from: IdeaStatus,
        to: IdeaStatus,
        /// The note of the organisers' latest answer.
        note: String,
    },
    MilestoneAdded {
        title: String,
    },
    /// `reason` is the organiser's, or `None` when reports hid it.
    Hidden {
        reason: Option<String>,
    },
    Restored,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxItem {
    pub idea: IdeaId,
    pub title: String,
    pub what: InboxChange,
}

/// The changes to ideas in `mine` or `supported`, by idea id. An idea not in `previous`
/// (new to this device) brings nothing to tell.
pub fn inbox(
    previous: &[PublishedIdea],
    current: &[PublishedIdea],
    mine: &BTreeSet<IdeaId>,
    supported: &BTreeSet<IdeaId>,
) -> Vec<InboxItem> {
    let before: BTreeMap<IdeaId, &PublishedIdea> = previous.iter().map(|i| (i.id, i)).collect();
    let mut now: Vec<&PublishedIdea> = current
        .iter()
        .filter(|i| mine.contains(&i.id) || supported.contains(&i.id))
        .collect();
    now.sort_by_key(|i| i.id);
    now.dedup_by_key(|i| i.id);
    let mut out = Vec::new();
    for idea in now {
        let Some(old) = before.get(&idea.id) else {
            continue;
        };
        let mut tell = |what| {
            out.push(InboxItem {
                idea: idea.id,
                title: idea.title.clone(),
                what,
            })
        };
        if old.status != idea.status {
            tell(InboxChange::StatusChanged {
                from: old.status,
                to: idea.status,
                note: idea.path.last().map(|s| s.note.clone()).unwrap_or_default(),
            });
        }
        let had: BTreeSet<&str> = old.milestones.iter().map(|m| m.title.as_str()).collect();
        for m in &idea.milestones {
            if !had.contains(m.title.as_str()) {
                tell(InboxChange::MilestoneAdded {
                    title: m.title.clone(),
                });
            }
        }
        match (old.hidden, idea.hidden) {
            (false, true) => tell(InboxChange::Hidden {
                reason: idea.hidden_reason.clone(),
            }),
            (true, false) => tell(InboxChange::Restored),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::idea::{Milestone, PathStep};
    use crate::time::Timestamp;

    fn published(n: u8) -> PublishedIdea {
        PublishedIdea {
            id: IdeaId::from_bytes([n; 16]),
            title: format!("Idea {n}"),
            description: String::new(),
            theme: String::new(),
            author: None,
            supports: 0,
            comments: Vec::new(),
            path: Vec::new(),
            milestones: Vec::new(),
            status: IdeaStatus::Received,
            hidden: false,
            hidden_reason: None,
            linked_event: None,
            merged_into: None,
            submitted_at: Timestamp(0),
        }
    }

    #[test]
    fn members_hear_of_their_own_and_supported_ideas_only() {
        let before = vec![published(1), published(2), published(3)];
        let mut after = before.clone();
        for idea in &mut after {
            idea.status = IdeaStatus::Accepted;
            idea.path = vec![PathStep {
                status: IdeaStatus::Accepted,
                note: "Tehdään".into(),
                by_name: "Sari".into(),
                at: Timestamp(1),
            }];
        }
        after[1].milestones = vec![Milestone {
            title: "Tilattu".into(),
            done: false,
            at: Timestamp(2),
        }];
        after[1].hidden = true;
        let mine = BTreeSet::from([IdeaId::from_bytes([1; 16])]);
        let supported = BTreeSet::from([IdeaId::from_bytes([2; 16])]);
        let items = inbox(&before, &after, &mine, &supported);
        let whats: Vec<&InboxChange> = items.iter().map(|i| &i.what).collect();
        assert_eq!(
            whats,
            vec![
                &InboxChange::StatusChanged {
                    from: IdeaStatus::Received,
                    to: IdeaStatus::Accepted,
                    note: "Tehdään".into()
                },
                &InboxChange::StatusChanged {
                    from: IdeaStatus::Received,
                    to: IdeaStatus::Accepted,
                    note: "Tehdään".into()
                },
                &InboxChange::MilestoneAdded {
                    title: "Tilattu".into()
                },
                &InboxChange::Hidden { reason: None },
            ]
        );
        assert!(inbox(&after, &after, &mine, &supported).is_empty());
        let restored = inbox(&after, &before, &mine, &supported);
        assert!(restored.iter().any(|i| i.what == InboxChange::Restored));
    }
}
