//! Which ideas are published, and how: a pure function of what the hub read from every
//! member document and from the staff document.
//!
//! Members are trusted only with their own actions: an idea they submitted, their support,
//! their comment, their report. Everything counted is counted per distinct member, so a
//! support made on two devices, or a member document read twice, counts once. The project
//! document names people by display name only, and only when they chose to be named.
//!
//! - [`moderation`]: the organisers' queue of reported ideas and comments.
//! - [`inbox`]: what a member is told after a sync about ideas they submitted or support.

pub mod inbox;
pub mod moderation;

use crate::ids::{CommentId, IdeaId, MemberId};
use crate::model::idea::{IdeaStatus, PublishedComment, PublishedIdea, ReportTarget};
use crate::model::member::{self, MyComment, MyIdea, MyReport, MySupport};
use crate::model::staff::StaffIdeas;
use automerge::AutoCommit;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

pub use inbox::{inbox, InboxChange, InboxItem};
pub use moderation::{moderation_queue, QueueItem};

/// The id an idea is published under: its author's own id for it, bound to the author.
///
/// A member picks their idea ids, and could copy someone else's; binding the published id
/// to the author means a copied id publishes a different idea and never takes over the
/// original. The author's devices compute the same id to find their idea.
pub fn published_idea_id(author: MemberId, local: IdeaId) -> IdeaId {
    IdeaId::from_bytes(bind(b"kumppani-idea-v1", author, local.as_bytes()))
}

/// The id a comment is published under (see [`published_idea_id`]).
pub fn published_comment_id(author: MemberId, local: CommentId) -> CommentId {
    CommentId::from_bytes(bind(b"kumppani-comment-v1", author, local.as_bytes()))
}

pub(crate) fn bind(domain: &[u8], author: MemberId, local: &[u8; 16]) -> [u8; 16] {
    use sha2::{Digest, Sha256};
    let digest = Sha256::new()
        .chain_update(domain)
        .chain_update(author.as_bytes())
        .chain_update(local)
        .finalize();
    let mut out = [0u8; 16];
    out.copy_from_slice(&digest[..16]);
    out
}

/// What the hub read from one member document, with the member's display name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberIdeas {
    pub member: MemberId,
    pub display_name: String,
    pub ideas: Vec<MyIdea>,
    pub supports: Vec<MySupport>,
    pub comments: Vec<MyComment>,
    pub reports: Vec<MyReport>,
}

impl MemberIdeas {
    /// Reads a member document with the readers in [`crate::model::member`].
    pub fn read(member: MemberId, display_name: &str, doc: &AutoCommit) -> Self {
        MemberIdeas {
            member,
            display_name: display_name.to_owned(),
            ideas: member::my_ideas(doc),
            supports: member::my_supports(doc),
            comments: member::my_comments(doc),
            reports: member::my_reports(doc),
        }
    }
}

/// The inputs folded per member, independent of input order and duplicates.
pub(crate) struct Folded<'a> {
    /// Each idea once: its author and the copy chosen (see [`fold`]); withdrawn ones too.
    pub ideas: BTreeMap<IdeaId, (MemberId, MyIdea)>,
    pub names: BTreeMap<MemberId, &'a str>,
    pub supporters: BTreeMap<IdeaId, BTreeSet<MemberId>>,
    pub comments: BTreeMap<CommentId, (MemberId, &'a MyComment)>,
    /// Per target: each distinct reporter and their reason.
    pub reports: BTreeMap<ReportTarget, BTreeMap<MemberId, &'a str>>,
}

/// Folds the members' inputs, ideas and comments under their published ids (bound to
/// their authors, so two members never share one). Where two copies differ (one member
/// read twice), the smallest copy wins, so the choice never depends on input order; an
/// idea withdrawn in any copy is withdrawn. Supports, comments and reports name
/// published ids, the only ones residents see.
pub(crate) fn fold(members: &[MemberIdeas]) -> Folded<'_> {
    let mut f = Folded {
        ideas: BTreeMap::new(),
        names: BTreeMap::new(),
        supporters: BTreeMap::new(),
        comments: BTreeMap::new(),
        reports: BTreeMap::new(),
    };
    let mut copies: BTreeMap<IdeaId, Vec<(MemberId, &MyIdea)>> = BTreeMap::new();
    for m in members {
        f.names
            .entry(m.member)
            .and_modify(|n| *n = (*n).min(m.display_name.as_str()))
            .or_insert(m.display_name.as_str());
        for idea in &m.ideas {
            copies
                .entry(published_idea_id(m.member, idea.id))
                .or_default()
                .push((m.member, idea));
        }
        for s in &m.supports {
            f.supporters.entry(s.idea).or_default().insert(m.member);
        }
        for c in &m.comments {
            let id = published_comment_id(m.member, c.id);
            let entry = f.comments.entry(id).or_insert((m.member, c));
            if comment_key(m.member, c) < comment_key(entry.0, entry.1) {
                *entry = (m.member, c);
            }
        }
        for r in &m.reports {
            let by = f.reports.entry(r.target).or_default();
            let reason = by.entry(m.member).or_insert(r.reason.as_str());
            *reason = (*reason).min(r.reason.as_str());
        }
    }
    for (id, copies) in copies {
        let Some(&(author, _)) = copies.iter().min_by_key(|(member, _)| *member) else {
            continue;
        };
        let own = copies.iter().filter(|(member, _)| *member == author);
        let withdrawn = own.clone().filter_map(|(_, i)| i.withdrawn_at).min();
        if let Some((_, chosen)) = own.min_by_key(|(member, i)| idea_key(*member, i)) {
            let mut chosen = (*chosen).clone();
            chosen.withdrawn_at = withdrawn;
            f.ideas.insert(id, (author, chosen));
        }
    }
    f
}

type IdeaKey<'a> = (MemberId, &'a str, &'a str, &'a str, bool, i64, Option<i64>);

fn idea_key(member: MemberId, i: &MyIdea) -> IdeaKey<'_> {
    (
        member,
        &i.draft.title,
        &i.draft.description,
        &i.draft.theme,
        i.draft.anonymous,
        i.submitted_at.millis(),
        i.withdrawn_at.map(|t| t.millis()),
    )
}

fn comment_key(member: MemberId, c: &MyComment) -> (MemberId, &str, IdeaId, bool, i64) {
    (member, &c.text, c.idea, c.anonymous, c.at.millis())
}

/// Whether a target is hidden, and the reason shown: an organiser's decision wins;
/// otherwise `threshold` distinct reporters hide it, with no reason given.
pub(crate) fn hidden(
    f: &Folded<'_>,
    staff: &StaffIdeas,
    threshold: u32,
    target: ReportTarget,
) -> (bool, Option<String>) {
    match staff.moderation.get(&target) {
        Some(d) if d.hidden => (true, Some(d.reason.clone())),
        Some(_) => (false, None),
        None => (reporters(f, target) >= threshold.max(1), None),
    }
}

pub(crate) fn reporters(f: &Folded<'_>, target: ReportTarget) -> u32 {
    f.reports
        .get(&target)
        .map_or(0, |by| u32::try_from(by.len()).unwrap_or(u32::MAX))
}

/// The published ideas, by id. Same input in any member order, with any duplicates, gives
/// the same output.
pub fn derive_ideas(
    members: &[MemberIdeas],
    staff: &StaffIdeas,
    threshold: u32,
) -> Vec<PublishedIdea> {
    let f = fold(members);
    let name = |m: &MemberId| f.names.get(m).map(|n| (*n).to_owned()).unwrap_or_default();
    let mut comments: BTreeMap<IdeaId, Vec<PublishedComment>> = BTreeMap::new();
    for (id, (member, c)) in &f.comments {
        let (hidden, _) = hidden(&f, staff, threshold, ReportTarget::Comment(*id));
        comments.entry(c.idea).or_default().push(PublishedComment {
            id: *id,
            text: c.text.clone(),
            author: (!c.anonymous).then(|| name(member)),
            at: c.at,
            hidden,
        });
    }
    f.ideas
        .iter()
        .filter(|(_, (_, idea))| idea.withdrawn_at.is_none())
        .map(|(id, (member, idea))| {
            let path = staff.answers.get(id).cloned().unwrap_or_default();
            let link = staff.links.get(id).copied().unwrap_or_default();
            let (hidden, hidden_reason) = hidden(&f, staff, threshold, ReportTarget::Idea(*id));
            let mut comments = comments.remove(id).unwrap_or_default();
            comments.sort_by(|a, b| a.at.cmp(&b.at).then(a.id.cmp(&b.id)));
            PublishedIdea {
                id: *id,
                title: idea.draft.title.clone(),
                description: idea.draft.description.clone(),
                theme: idea.draft.theme.clone(),
                author: (!idea.draft.anonymous).then(|| name(member)),
                supports: f
                    .supporters
                    .get(id)
                    .map_or(0, |s| u32::try_from(s.len()).unwrap_or(u32::MAX)),
                comments,
                status: path.last().map_or(IdeaStatus::Received, |s| s.status),
                path,
                milestones: staff
                    .milestones
                    .get(id)
                    .map(|m| m.values().cloned().collect())
                    .unwrap_or_default(),
                hidden,
                hidden_reason,
                linked_event: link.event,
                merged_into: link.merged_into,
                submitted_at: idea.submitted_at,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::idea::{IdeaDraft, PathStep};
    use crate::model::staff::Moderation;
    use crate::time::Timestamp;

    fn m(n: u8) -> MemberId {
        MemberId::from_bytes([n; 16])
    }

    fn member(n: u8) -> MemberIdeas {
        MemberIdeas {
            member: m(n),
            display_name: format!("Jäsen {n}"),
            ideas: Vec::new(),
            supports: Vec::new(),
            comments: Vec::new(),
            reports: Vec::new(),
        }
    }

    fn idea(n: u8, anonymous: bool) -> MyIdea {
        MyIdea {
            id: IdeaId::from_bytes([n; 16]),
            draft: IdeaDraft {
                title: format!("Idea {n}"),
                description: String::new(),
                theme: "piha".into(),
                anonymous,
            },
            submitted_at: Timestamp(1),
            withdrawn_at: None,
        }
    }

    /// Idea `n` as published: the test ideas are all member 1's.
    fn pid(n: u8) -> IdeaId {
        published_idea_id(m(1), IdeaId::from_bytes([n; 16]))
    }

    fn support(n: u8) -> MySupport {
        MySupport {
            idea: pid(n),
            at: Timestamp(2),
        }
    }

    fn report(n: u8) -> MyReport {
        MyReport {
            target: ReportTarget::Idea(pid(n)),
            reason: "asiaton".into(),
            at: Timestamp(3),
        }
    }

    #[test]
    fn authors_supports_and_status() {
        let mut a = member(1);
        a.ideas = vec![idea(1, false), idea(2, true)];
        a.supports = vec![support(1)];
        let mut b = member(2);
        b.supports = vec![support(1), support(2), support(9)];
        let mut staff = StaffIdeas::default();
        let step = PathStep {
            status: IdeaStatus::Accepted,
            note: "Kyllä".into(),
            by_name: "Sari".into(),
            at: Timestamp(4),
        };
        staff.answers.insert(pid(1), vec![step]);
        let out = derive_ideas(&[a.clone(), b.clone(), b], &staff, 3);
        assert_eq!(out.len(), 2);
        let named = out.iter().find(|i| i.title == "Idea 1").unwrap();
        let anonymous = out.iter().find(|i| i.title == "Idea 2").unwrap();
        assert_eq!(named.id, pid(1));
        assert_eq!(named.author.as_deref(), Some("Jäsen 1"));
        assert_eq!(named.supports, 2);
        assert_eq!(named.status, IdeaStatus::Accepted);
        assert_eq!(anonymous.author, None);
        assert_eq!(anonymous.supports, 1);
        assert_eq!(anonymous.status, IdeaStatus::Received);
    }

    #[test]
    fn withdrawn_ideas_are_not_published() {
        let mut a = member(1);
        let mut i = idea(1, false);
        i.withdrawn_at = Some(Timestamp(5));
        a.ideas = vec![i];
        assert!(derive_ideas(&[a], &StaffIdeas::default(), 3).is_empty());
    }

    #[test]
    fn reports_hide_and_organisers_decide() {
        let mut a = member(1);
        a.ideas = vec![idea(1, false)];
        let reporters: Vec<MemberIdeas> = (2..5)
            .map(|n| {
                let mut r = member(n);
                r.reports = vec![report(1)];
                r
            })
            .collect();
        let mut all = vec![a.clone()];
        all.extend(reporters[..2].iter().cloned());
        assert!(!derive_ideas(&all, &StaffIdeas::default(), 3)[0].hidden);
        all.push(reporters[2].clone());
        assert!(derive_ideas(&all, &StaffIdeas::default(), 3)[0].hidden);
        let mut staff = StaffIdeas::default();
        let target = ReportTarget::Idea(pid(1));
        let decision = Moderation {
            hidden: false,
            reason: String::new(),
            by_name: "Sari".into(),
            at: Timestamp(9),
        };
        staff.moderation.insert(target, decision.clone());
        assert!(!derive_ideas(&all, &staff, 3)[0].hidden);
        staff.moderation.insert(
            target,
            Moderation {
                hidden: true,
                reason: "loukkaava".into(),
                ..decision
            },
        );
        let out = derive_ideas(&[a], &staff, 3);
        assert!(out[0].hidden);
        assert_eq!(out[0].hidden_reason.as_deref(), Some("loukkaava"));
    }

    #[test]
    fn a_member_copying_anothers_idea_id_publishes_a_separate_idea() {
        let mut a = member(1);
        a.ideas = vec![idea(1, false)];
        let mut thief = member(0);
        let mut copy = idea(1, false);
        copy.draft.title = "Kaapattu".into();
        thief.ideas = vec![copy];
        let out = derive_ideas(&[a, thief], &StaffIdeas::default(), 3);
        assert_eq!(out.len(), 2);
        let original = out.iter().find(|i| i.id == pid(1)).unwrap();
        assert_eq!(original.title, "Idea 1");
        assert_eq!(original.author.as_deref(), Some("Jäsen 1"));
    }
}
