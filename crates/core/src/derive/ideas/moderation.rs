//! The organisers' moderation queue: ideas and comments reported by at least the project's
//! threshold of distinct members, or hidden by an organiser, with the reasons given.
//!
//! Derived from the members' reports and the staff document's decisions; it names
//! reporters by count only, so the queue never tells organisers who reported.

use super::{fold, hidden, reporters, MemberIdeas};
use crate::ids::IdeaId;
use crate::model::idea::ReportTarget;
use crate::model::staff::{Moderation, StaffIdeas};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    pub target: ReportTarget,
    /// The idea the target is, or is a comment on (`None` for a comment on an unknown idea).
    pub idea: Option<IdeaId>,
    /// Distinct members who reported it.
    pub reporters: u32,
    /// The distinct reasons given, sorted.
    pub reasons: Vec<String>,
    pub decision: Option<Moderation>,
    pub hidden: bool,
}

/// The queue, by target.
pub fn moderation_queue(
    members: &[MemberIdeas],
    staff: &StaffIdeas,
    threshold: u32,
) -> Vec<QueueItem> {
    let f = fold(members);
    let targets: BTreeSet<ReportTarget> = f
        .reports
        .keys()
        .copied()
        .chain(staff.moderation.keys().copied())
        .collect();
    targets
        .into_iter()
        .filter_map(|target| {
            let count = reporters(&f, target);
            let decision = staff.moderation.get(&target).cloned();
            let (hidden, _) = hidden(&f, staff, threshold, target);
            if count < threshold.max(1) && !decision.as_ref().is_some_and(|d| d.hidden) {
                return None;
            }
            let idea = match target {
                ReportTarget::Idea(id) => Some(id),
                ReportTarget::Comment(id) => f.comments.get(&id).map(|(_, c)| c.idea),
            };
            let reasons: BTreeSet<String> = f
                .reports
                .get(&target)
                .map(|by| by.values().map(|r| (*r).to_owned()).collect())
                .unwrap_or_default();
            Some(QueueItem {
                target,
                idea,
                reporters: count,
                reasons: reasons.into_iter().collect(),
                decision,
                hidden,
            })
        })
        .collect()
}
