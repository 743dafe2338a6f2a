//! Ideas in the staff document: organisers' answers, milestones, links and moderation.
//!
//! Organisers write these; the hub reads them (with [`staff_ideas`]) to derive what the
//! project document publishes. Answers are a list appended to, so two organisers answering
//! offline both keep theirs; two lists made at one key offline are read one after the
//! other, the winner first. A moderation decision is keyed by its target and overrides
//! the report threshold until an organiser changes or clears it.

use super::StaffDocError;
use crate::ids::{EventId, IdeaId, MilestoneId};
use crate::model::idea::{IdeaStatus, Milestone, PathStep, ReportTarget};
use crate::model::{ensure_map, get_bool, get_i64, get_map, get_maps, get_str};
use crate::time::Timestamp;
use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ReadDoc, Value, ROOT};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub(super) const ANSWERS: &str = "answers";
pub(super) const MILESTONES: &str = "milestones";
pub(super) const LINKS: &str = "links";
pub(super) const MODERATION: &str = "moderation";

/// What an idea is linked to: an event it became, or the idea it was merged into.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaLink {
    pub event: Option<EventId>,
    pub merged_into: Option<IdeaId>,
}

/// An organiser's decision on a reported idea or comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moderation {
    /// `true`: hidden whatever the reports; `false`: shown whatever the reports.
    pub hidden: bool,
    pub reason: String,
    pub by_name: String,
    pub at: Timestamp,
}

/// Everything the hub reads from the staff document to derive ideas.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffIdeas {
    pub answers: BTreeMap<IdeaId, Vec<PathStep>>,
    pub milestones: BTreeMap<IdeaId, BTreeMap<MilestoneId, Milestone>>,
    pub links: BTreeMap<IdeaId, IdeaLink>,
    pub moderation: BTreeMap<ReportTarget, Moderation>,
}

fn top(doc: &AutoCommit, key: &'static str) -> Result<ObjId, StaffDocError> {
    get_map(doc, &ROOT, key).ok_or(StaffDocError::NotAStaffDocument(key))
}

/// Appends an answer to the idea's path. The caller commits.
pub fn answer_idea(
    doc: &mut AutoCommit,
    idea: IdeaId,
    step: &PathStep,
) -> Result<(), StaffDocError> {
    let answers = top(doc, ANSWERS)?;
    let list = match doc.get(&answers, idea.to_string())? {
        Some((Value::Object(ObjType::List), list)) => list,
        _ => doc.put_object(&answers, idea.to_string(), ObjType::List)?,
    };
    let obj = doc.insert_object(&list, doc.length(&list), ObjType::Map)?;
    doc.put(&obj, "status", step.status.as_str())?;
    doc.put(&obj, "note", step.note.as_str())?;
    doc.put(&obj, "by_name", step.by_name.as_str())?;
    doc.put(&obj, "at", step.at.millis())?;
    Ok(())
}

/// The idea's path, in the order answered. Malformed answers are skipped.
pub fn answers(doc: &AutoCommit, idea: IdeaId) -> Vec<PathStep> {
    let Some(answers) = get_map(doc, &ROOT, ANSWERS) else {
        return Vec::new();
    };
    read_answers(doc, &answers, &idea.to_string())
}

fn read_answers(doc: &AutoCommit, answers: &ObjId, key: &str) -> Vec<PathStep> {
    let Ok(all) = doc.get_all(answers, key) else {
        return Vec::new();
    };
    let lists = all
        .into_iter()
        .rev()
        .filter_map(|(v, id)| matches!(v, Value::Object(ObjType::List)).then_some(id));
    let mut out = Vec::new();
    for list in lists {
        for i in 0..doc.length(&list) {
            let Ok(Some((Value::Object(ObjType::Map), obj))) = doc.get(&list, i) else {
                continue;
            };
            let step = (|| {
                Some(PathStep {
                    status: IdeaStatus::parse(&get_str(doc, &obj, "status")?)?,
                    note: get_str(doc, &obj, "note").unwrap_or_default(),
                    by_name: get_str(doc, &obj, "by_name").unwrap_or_default(),
                    at: Timestamp::from_millis(get_i64(doc, &obj, "at").unwrap_or(0)),
                })
            })();
            out.extend(step);
        }
    }
    out
}

/// Adds or changes a milestone; only the fields that differ are written.
pub fn set_milestone(
    doc: &mut AutoCommit,
    idea: IdeaId,
    id: MilestoneId,
    milestone: &Milestone,
) -> Result<(), StaffDocError> {
    let milestones = top(doc, MILESTONES)?;
    let per_idea = ensure_map(doc, &milestones, &idea.to_string())?;
    let obj = ensure_map(doc, &per_idea, &id.to_string())?;
    if get_str(doc, &obj, "title").as_deref() != Some(milestone.title.as_str()) {
        doc.put(&obj, "title", milestone.title.as_str())?;
    }
    if get_bool(doc, &obj, "done") != Some(milestone.done) {
        doc.put(&obj, "done", milestone.done)?;
    }
    if get_i64(doc, &obj, "at") != Some(milestone.at.millis()) {
        doc.put(&obj, "at", milestone.at.millis())?;
    }
    Ok(())
}

/// The idea's milestones by id; conflicting per-idea maps are read together.
pub fn milestones(doc: &AutoCommit, idea: IdeaId) -> BTreeMap<MilestoneId, Milestone> {
    let mut out = BTreeMap::new();
    let Some(milestones) = get_map(doc, &ROOT, MILESTONES) else {
        return out;
    };
    for per_idea in get_maps(doc, &milestones, &idea.to_string()) {
        for key in doc.keys(&per_idea) {
            let Ok(id) = key.parse::<MilestoneId>() else {
                continue;
            };
            let Some(obj) = get_map(doc, &per_idea, &key) else {
                continue;
            };
            let Some(title) = get_str(doc, &obj, "title") else {
                continue;
            };
            out.entry(id).or_insert(Milestone {
                title,
                done: get_bool(doc, &obj, "done").unwrap_or(false),
                at: Timestamp::from_millis(get_i64(doc, &obj, "at").unwrap_or(0)),
            });
        }
    }
    out
}

/// Links an idea to an event or merges it into another; `None` clears that link.
pub fn set_link(doc: &mut AutoCommit, idea: IdeaId, link: &IdeaLink) -> Result<(), StaffDocError> {
    let links = top(doc, LINKS)?;
    let obj = ensure_map(doc, &links, &idea.to_string())?;
    for (key, value) in [
        ("event", link.event.map(|e| e.to_string())),
        ("merged_into", link.merged_into.map(|i| i.to_string())),
    ] {
        if get_str(doc, &obj, key) != value {
            match value {
                Some(v) => doc.put(&obj, key, v)?,
                None => doc.delete(&obj, key)?,
            }
        }
    }
    Ok(())
}

pub fn link(doc: &AutoCommit, idea: IdeaId) -> IdeaLink {
    let Some(links) = get_map(doc, &ROOT, LINKS) else {
        return IdeaLink::default();
    };
    let Some(obj) = get_map(doc, &links, &idea.to_string()) else {
        return IdeaLink::default();
    };
    IdeaLink {
        event: get_str(doc, &obj, "event").and_then(|s| s.parse().ok()),
        merged_into: get_str(doc, &obj, "merged_into").and_then(|s| s.parse().ok()),
    }
}

/// An organiser hides (`hidden: true`) or restores a reported idea or comment.
pub fn moderate(
    doc: &mut AutoCommit,
    target: ReportTarget,
    decision: &Moderation,
) -> Result<(), StaffDocError> {
    let moderation = top(doc, MODERATION)?;
    let obj = doc.put_object(&moderation, target.key(), ObjType::Map)?;
    doc.put(&obj, "kind", target.kind())?;
    doc.put(&obj, "hidden", decision.hidden)?;
    doc.put(&obj, "reason", decision.reason.as_str())?;
    doc.put(&obj, "by_name", decision.by_name.as_str())?;
    doc.put(&obj, "at", decision.at.millis())?;
    Ok(())
}

/// Withdraws the organisers' decision: the report threshold decides again.
pub fn clear_moderation(doc: &mut AutoCommit, target: ReportTarget) -> Result<(), StaffDocError> {
    let moderation = top(doc, MODERATION)?;
    if doc.get(&moderation, target.key())?.is_some() {
        doc.delete(&moderation, target.key())?;
    }
    Ok(())
}

/// Every organiser decision, by target.
pub fn moderations(doc: &AutoCommit) -> BTreeMap<ReportTarget, Moderation> {
    let Some(moderation) = get_map(doc, &ROOT, MODERATION) else {
        return BTreeMap::new();
    };
    doc.keys(&moderation)
        .filter_map(|key| {
            let obj = get_map(doc, &moderation, &key)?;
            let target = ReportTarget::parse(&get_str(doc, &obj, "kind")?, &key)?;
            Some((
                target,
                Moderation {
                    hidden: get_bool(doc, &obj, "hidden")?,
                    reason: get_str(doc, &obj, "reason").unwrap_or_default(),
                    by_name: get_str(doc, &obj, "by_name").unwrap_or_default(),
                    at: Timestamp::from_millis(get_i64(doc, &obj, "at").unwrap_or(0)),
                },
            ))
        })
        .collect()
}

/// Takes an organiser's name off their answers and moderation decisions (an organiser who
/// deleted their account): the steps and decisions stay, signed by nobody. The caller
/// commits.
pub fn forget_organiser_name(doc: &mut AutoCommit, name: &str) -> Result<(), StaffDocError> {
    let mut signed: Vec<ObjId> = Vec::new();
    if let Some(answers) = get_map(doc, &ROOT, ANSWERS) {
        for key in doc.keys(&answers).collect::<Vec<_>>() {
            for (value, list) in doc.get_all(&answers, key.as_str())? {
                if !matches!(value, Value::Object(ObjType::List)) {
                    continue;
                }
                for i in 0..doc.length(&list) {
                    if let Some((Value::Object(ObjType::Map), step)) = doc.get(&list, i)? {
                        signed.push(step);
                    }
                }
            }
        }
    }
    if let Some(moderation) = get_map(doc, &ROOT, MODERATION) {
        for key in doc.keys(&moderation).collect::<Vec<_>>() {
            signed.extend(get_maps(doc, &moderation, &key));
        }
    }
    for obj in signed {
        if get_str(doc, &obj, "by_name").as_deref() == Some(name) {
            doc.put(&obj, "by_name", "")?;
        }
    }
    Ok(())
}

/// Everything about ideas in the staff document, for [`crate::derive::ideas`].
pub fn staff_ideas(doc: &AutoCommit) -> StaffIdeas {
    let ideas_under = |key: &str| -> Vec<IdeaId> {
        get_map(doc, &ROOT, key)
            .map(|obj| doc.keys(&obj).filter_map(|k| k.parse().ok()).collect())
            .unwrap_or_default()
    };
    StaffIdeas {
        answers: ideas_under(ANSWERS)
            .into_iter()
            .map(|i| (i, answers(doc, i)))
            .filter(|(_, a)| !a.is_empty())
            .collect(),
        milestones: ideas_under(MILESTONES)
            .into_iter()
            .map(|i| (i, milestones(doc, i)))
            .filter(|(_, m)| !m.is_empty())
            .collect(),
        links: ideas_under(LINKS)
            .into_iter()
            .map(|i| (i, link(doc, i)))
            .filter(|(_, l)| *l != IdeaLink::default())
            .collect(),
        moderation: moderations(doc),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::CommentId;
    use crate::model::set_writer;
    use crate::model::staff::new_document;

    fn step(status: IdeaStatus, at: i64) -> PathStep {
        PathStep {
            status,
            note: "Katsotaan".into(),
            by_name: "Sari".into(),
            at: Timestamp(at),
        }
    }

    #[test]
    fn answers_milestones_links_and_moderation_read_back() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        let idea = IdeaId::from_bytes([1; 16]);
        answer_idea(&mut doc, idea, &step(IdeaStatus::UnderConsideration, 1)).unwrap();
        answer_idea(&mut doc, idea, &step(IdeaStatus::Accepted, 2)).unwrap();
        let m = Milestone {
            title: "Tilattu".into(),
            done: true,
            at: Timestamp(3),
        };
        set_milestone(&mut doc, idea, MilestoneId::from_bytes([2; 16]), &m).unwrap();
        let l = IdeaLink {
            event: Some(EventId::from_bytes([3; 16])),
            merged_into: None,
        };
        set_link(&mut doc, idea, &l).unwrap();
        let target = ReportTarget::Comment(CommentId::from_bytes([4; 16]));
        let decision = Moderation {
            hidden: true,
            reason: "loukkaava".into(),
            by_name: "Sari".into(),
            at: Timestamp(4),
        };
        moderate(&mut doc, target, &decision).unwrap();
        let s = staff_ideas(&doc);
        assert_eq!(
            s.answers[&idea],
            vec![
                step(IdeaStatus::UnderConsideration, 1),
                step(IdeaStatus::Accepted, 2)
            ]
        );
        assert_eq!(s.milestones[&idea].values().next(), Some(&m));
        assert_eq!(s.links[&idea], l);
        assert_eq!(s.moderation[&target], decision);
        clear_moderation(&mut doc, target).unwrap();
        assert!(moderations(&doc).is_empty());
    }

    #[test]
    fn two_organisers_answering_offline_both_keep_theirs() {
        let mut a = new_document();
        set_writer(&mut a, [1; 16]);
        let idea = IdeaId::from_bytes([1; 16]);
        answer_idea(&mut a, idea, &step(IdeaStatus::UnderConsideration, 1)).unwrap();
        a.commit();
        let mut b = a.fork().with_actor(automerge::ActorId::from([2u8; 16]));
        answer_idea(&mut a, idea, &step(IdeaStatus::Accepted, 2)).unwrap();
        answer_idea(&mut b, idea, &step(IdeaStatus::Declined, 3)).unwrap();
        a.commit();
        b.commit();
        a.merge(&mut b).unwrap();
        assert_eq!(answers(&a, idea).len(), 3);
        // Two lists made at one key offline are both read.
        let mut c = new_document();
        set_writer(&mut c, [3; 16]);
        let mut d = new_document();
        set_writer(&mut d, [4; 16]);
        answer_idea(&mut c, idea, &step(IdeaStatus::Accepted, 1)).unwrap();
        answer_idea(&mut d, idea, &step(IdeaStatus::Declined, 1)).unwrap();
        c.commit();
        d.commit();
        c.merge(&mut d).unwrap();
        assert_eq!(answers(&c, idea).len(), 2);
    }

    #[test]
    fn an_organisers_name_leaves_their_answers_and_decisions_which_stay() {
        let mut doc = crate::model::staff::new_document();
        let idea = IdeaId::from_bytes([1; 16]);
        for by in ["Sari", "Olli"] {
            let step = PathStep {
                status: IdeaStatus::Accepted,
                note: format!("{by} vastaa"),
                by_name: by.into(),
                at: Timestamp::from_millis(1),
            };
            answer_idea(&mut doc, idea, &step).unwrap();
        }
        let decision = Moderation {
            hidden: true,
            reason: "Asiaton".into(),
            by_name: "Sari".into(),
            at: Timestamp::from_millis(2),
        };
        moderate(&mut doc, ReportTarget::Idea(idea), &decision).unwrap();

        forget_organiser_name(&mut doc, "Sari").unwrap();
        let path = answers(&doc, idea);
        assert_eq!(path.len(), 2);
        assert_eq!(path[0].by_name, "");
        assert_eq!(path[0].note, "Sari vastaa");
        assert_eq!(path[1].by_name, "Olli");
        let kept = &moderations(&doc)[&ReportTarget::Idea(idea)];
        assert!(kept.hidden);
        assert_eq!(kept.by_name, "");
    }
}
