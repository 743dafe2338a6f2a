//! What an organiser did, read from one change of theirs to the staff document: the hub
//! compares the document before and after each change an organiser's device sends and keeps
//! the actions in its audit log (who answered an idea, hid a comment, checked someone in,
//! decided a sign-up, exported data). Pure: two documents in, actions out.

use crate::ids::{DeviceId, EventId, IdeaId, MemberId};
use crate::model::idea::{IdeaStatus, ReportTarget};
use crate::model::staff::{self, Approval, ExportKind};
use automerge::AutoCommit;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One thing an organiser did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum OrganiserAction {
    /// An idea got a new step on its path: a status, with an answer to its author.
    Answered { idea: IdeaId, status: IdeaStatus },
    /// A milestone of an idea was set or changed.
    Milestone { idea: IdeaId },
    /// An idea or comment was hidden (or kept visible whatever its reports).
    Moderated { target: ReportTarget, hidden: bool },
    /// A moderation decision was withdrawn.
    ModerationCleared { target: ReportTarget },
    /// Someone (a member id or a walk-in id) was checked in at an event's door.
    CheckedIn { event: EventId, who: String },
    /// A sign-up to an event that needs approval was decided.
    Decided {
        event: EventId,
        member: MemberId,
        approval: Approval,
    },
    /// A resident's lost device was removed by an organiser (through the hub, not a
    /// document: the hub logs it as it happens).
    RevokedDevice { member: MemberId, device: DeviceId },
    /// Data was taken off the app.
    Exported {
        what: ExportKind,
        event: Option<EventId>,
    },
}

impl OrganiserAction {
    /// A short name for logs and listings.
    pub fn name(&self) -> &'static str {
        match self {
            OrganiserAction::Answered { .. } => "answered",
            OrganiserAction::Milestone { .. } => "milestone",
            OrganiserAction::Moderated { hidden: true, .. } => "hid",
            OrganiserAction::Moderated { hidden: false, .. } => "kept visible",
            OrganiserAction::ModerationCleared { .. } => "cleared moderation",
            OrganiserAction::CheckedIn { .. } => "checked in",
            OrganiserAction::Decided { .. } => "decided sign-up",
            OrganiserAction::RevokedDevice { .. } => "removed a device",
            OrganiserAction::Exported { .. } => "exported",
        }
    }
}

/// The organiser actions between two versions of a staff document, `after` holding
/// everything `before` did and one device's new changes.
pub fn staff_actions(before: &AutoCommit, after: &AutoCommit) -> Vec<OrganiserAction> {
    let mut out = Vec::new();
    let (was, now) = (staff::staff_ideas(before), staff::staff_ideas(after));
    for (idea, steps) in &now.answers {
        let old = was.answers.get(idea);
        for step in steps.iter().filter(|s| !old.is_some_and(|o| o.contains(s))) {
            out.push(OrganiserAction::Answered {
                idea: *idea,
                status: step.status,
            });
        }
    }
    for (idea, milestones) in &now.milestones {
        let old = was.milestones.get(idea);
        if milestones
            .iter()
            .any(|(id, m)| old.and_then(|o| o.get(id)) != Some(m))
        {
            out.push(OrganiserAction::Milestone { idea: *idea });
        }
    }
    for (target, decision) in &now.moderation {
        if was.moderation.get(target) != Some(decision) {
            out.push(OrganiserAction::Moderated {
                target: *target,
                hidden: decision.hidden,
            });
        }
    }
    for target in was.moderation.keys() {
        if !now.moderation.contains_key(target) {
            out.push(OrganiserAction::ModerationCleared { target: *target });
        }
    }
    for event in staff::checkin_events(after) {
        let old: BTreeSet<String> = staff::checkins(before, event)
            .into_iter()
            .map(|c| c.who)
            .collect();
        for checkin in staff::checkins(after, event) {
            if !old.contains(&checkin.who) {
                out.push(OrganiserAction::CheckedIn {
                    event,
                    who: checkin.who,
                });
            }
        }
    }
    for event in staff::approval_events(after) {
        let old = staff::approvals(before, event);
        for (member, approval) in staff::approvals(after, event) {
            if old.get(&member) != Some(&approval) {
                out.push(OrganiserAction::Decided {
                    event,
                    member,
                    approval,
                });
            }
        }
    }
    let old = staff::exports(before);
    for (id, record) in staff::exports(after) {
        if !old.contains_key(&id) {
            out.push(OrganiserAction::Exported {
                what: record.what,
                event: record.event,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::ExportId;
    use crate::model::idea::PathStep;
    use crate::model::staff::{ExportRecord, Moderation};
    use crate::time::Timestamp;

    const AT: Timestamp = Timestamp(1_800_000_000_000);
    const DOOR: DeviceId = DeviceId::from_bytes([4; 16]);

    fn after(before: &AutoCommit, change: impl FnOnce(&mut AutoCommit)) -> AutoCommit {
        let mut doc = before.clone();
        change(&mut doc);
        doc.commit();
        doc
    }

    fn step(status: IdeaStatus, note: &str) -> PathStep {
        PathStep {
            status,
            note: note.into(),
            by_name: "Olli".into(),
            at: AT,
        }
    }

    #[test]
    fn an_unchanged_document_holds_no_actions() {
        let doc = staff::new_document();
        assert!(staff_actions(&doc, &doc.clone()).is_empty());
    }

    #[test]
    fn answers_hiding_and_clearing_are_told_apart() {
        let idea = IdeaId::from_bytes([1; 16]);
        let comment = ReportTarget::Comment(crate::ids::CommentId::from_bytes([2; 16]));
        let before = staff::new_document();
        let doc = after(&before, |d| {
            staff::answer_idea(d, idea, &step(IdeaStatus::Accepted, "Hyvä idea")).unwrap();
            let hide = Moderation {
                hidden: true,
                reason: "Loukkaava".into(),
                by_name: "Olli".into(),
                at: AT,
            };
            staff::moderate(d, comment, &hide).unwrap();
        });
        assert_eq!(
            staff_actions(&before, &doc),
            [
                OrganiserAction::Answered {
                    idea,
                    status: IdeaStatus::Accepted
                },
                OrganiserAction::Moderated {
                    target: comment,
                    hidden: true
                },
            ]
        );
        let cleared = after(&doc, |d| staff::clear_moderation(d, comment).unwrap());
        assert_eq!(
            staff_actions(&doc, &cleared),
            [OrganiserAction::ModerationCleared { target: comment }]
        );
        // A second answer is one more action; the first is not told again.
        let again = after(&doc, |d| {
            staff::answer_idea(d, idea, &step(IdeaStatus::Done, "Valmis")).unwrap()
        });
        assert_eq!(
            staff_actions(&doc, &again),
            [OrganiserAction::Answered {
                idea,
                status: IdeaStatus::Done
            }]
        );
    }

    #[test]
    fn check_ins_decisions_and_exports_are_each_one_action() {
        let event = EventId::from_bytes([5; 16]);
        let member = MemberId::from_bytes([6; 16]);
        let before = after(&staff::new_document(), |d| {
            staff::check_in(d, event, "early", AT, DOOR).unwrap()
        });
        let doc = after(&before, |d| {
            staff::check_in(d, event, "early", AT, DOOR).unwrap();
            staff::check_in(d, event, &member.to_string(), AT, DOOR).unwrap();
            staff::set_approval(d, event, member, Approval::Approved).unwrap();
            let export = ExportRecord {
                id: ExportId::from_bytes([7; 16]),
                what: ExportKind::Roster,
                event: Some(event),
                at: AT,
                by: DOOR,
            };
            staff::record_export(d, &export).unwrap();
        });
        assert_eq!(
            staff_actions(&before, &doc),
            [
                OrganiserAction::CheckedIn {
                    event,
                    who: member.to_string()
                },
                OrganiserAction::Decided {
                    event,
                    member,
                    approval: Approval::Approved
                },
                OrganiserAction::Exported {
                    what: ExportKind::Roster,
                    event: Some(event)
                },
            ]
        );
    }
}
