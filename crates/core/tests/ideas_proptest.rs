//! The idea rule under random histories: members submit, withdraw, support and take back
//! support, comment and report on their own documents; organisers hide and restore; the
//! hub reads the member documents in any order and any number of times.

use kumppani_core::derive::ideas::{derive_ideas, published_idea_id, MemberIdeas};
use kumppani_core::ids::{CommentId, IdeaId, MemberId};
use kumppani_core::model::idea::{IdeaDraft, ReportTarget};
use kumppani_core::model::member;
use kumppani_core::model::set_writer;
use kumppani_core::model::staff::{Moderation, StaffIdeas};
use kumppani_core::time::Timestamp;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

const MEMBERS: u8 = 5;
const IDEAS: u8 = 6;

#[derive(Debug, Clone)]
enum Step {
    /// The idea's owner (`idea % MEMBERS`) submits it.
    Submit(u8, bool),
    Withdraw(u8),
    Support(u8, u8),
    Unsupport(u8, u8),
    Comment(u8, u8, bool),
    Report(u8, u8),
    /// An organiser hides (`Some(true)`), restores (`Some(false)`) or clears a decision.
    Moderate(u8, Option<bool>),
}

fn step() -> impl Strategy<Value = Step> {
    let m = 0..MEMBERS;
    let i = 0..IDEAS;
    prop_oneof![
        3 => (i.clone(), any::<bool>()).prop_map(|(i, a)| Step::Submit(i, a)),
        1 => i.clone().prop_map(Step::Withdraw),
        4 => (m.clone(), i.clone()).prop_map(|(m, i)| Step::Support(m, i)),
        2 => (m.clone(), i.clone()).prop_map(|(m, i)| Step::Unsupport(m, i)),
        2 => (m.clone(), i.clone(), any::<bool>()).prop_map(|(m, i, a)| Step::Comment(m, i, a)),
        3 => (m, i.clone()).prop_map(|(m, i)| Step::Report(m, i)),
        1 => (i, proptest::option::of(any::<bool>())).prop_map(|(i, d)| Step::Moderate(i, d)),
    ]
}

fn member_id(m: u8) -> MemberId {
    MemberId::from_bytes([m + 1; 16])
}

/// The id its owner gives idea `i`.
fn idea_id(i: u8) -> IdeaId {
    IdeaId::from_bytes([100 + i; 16])
}

/// Idea `i` as published, which is what others support, comment on and report.
fn pid(i: u8) -> IdeaId {
    published_idea_id(member_id(i % MEMBERS), idea_id(i))
}

struct World {
    docs: Vec<automerge::AutoCommit>,
    staff: StaffIdeas,
    submitted: BTreeSet<u8>,
    withdrawn: BTreeSet<u8>,
    supporters: BTreeMap<u8, BTreeSet<u8>>,
    reporters: BTreeMap<u8, BTreeSet<u8>>,
    comments: u8,
}

fn run(steps: &[Step]) -> World {
    let mut w = World {
        docs: (0..MEMBERS)
            .map(|m| {
                let mut doc = member::new_document();
                set_writer(&mut doc, [m + 1; 16]);
                doc
            })
            .collect(),
        staff: StaffIdeas::default(),
        submitted: BTreeSet::new(),
        withdrawn: BTreeSet::new(),
        supporters: BTreeMap::new(),
        reporters: BTreeMap::new(),
        comments: 0,
    };
    for (t, step) in steps.iter().enumerate() {
        let now = Timestamp(t as i64);
        match *step {
            Step::Submit(i, anonymous) => {
                let draft = IdeaDraft {
                    title: format!("Idea {i}"),
                    description: "Kuvaus".into(),
                    theme: "piha".into(),
                    anonymous,
                };
                let doc = &mut w.docs[usize::from(i % MEMBERS)];
                if member::submit_idea(doc, idea_id(i), &draft, now).is_ok() {
                    w.submitted.insert(i);
                }
            }
            Step::Withdraw(i) => {
                let doc = &mut w.docs[usize::from(i % MEMBERS)];
                if member::withdraw_idea(doc, idea_id(i), now).is_ok() {
                    w.withdrawn.insert(i);
                }
            }
            Step::Support(m, i) => {
                member::support(&mut w.docs[usize::from(m)], pid(i), now).unwrap();
                w.supporters.entry(i).or_default().insert(m);
            }
            Step::Unsupport(m, i) => {
                member::unsupport(&mut w.docs[usize::from(m)], pid(i)).unwrap();
                w.supporters.entry(i).or_default().remove(&m);
            }
            Step::Comment(m, i, anonymous) => {
                w.comments += 1;
                let id = CommentId::from_bytes([200 + w.comments % 50; 16]);
                let doc = &mut w.docs[usize::from(m)];
                member::comment(doc, id, pid(i), "Hyvä ajatus", anonymous, now).unwrap();
            }
            Step::Report(m, i) => {
                let target = ReportTarget::Idea(pid(i));
                member::report(&mut w.docs[usize::from(m)], target, "asiaton", now).unwrap();
                w.reporters.entry(i).or_default().insert(m);
            }
            Step::Moderate(i, decision) => {
                let target = ReportTarget::Idea(pid(i));
                match decision {
                    Some(hidden) => {
                        w.staff.moderation.insert(
                            target,
                            Moderation {
                                hidden,
                                reason: "Ylläpito".into(),
                                by_name: "Sari".into(),
                                at: now,
                            },
                        );
                    }
                    None => {
                        w.staff.moderation.remove(&target);
                    }
                }
            }
        }
    }
    w
}

fn read(w: &World, order: &[u8]) -> Vec<MemberIdeas> {
    order
        .iter()
        .map(|&m| MemberIdeas::read(member_id(m), &format!("Jäsen {m}"), &w.docs[usize::from(m)]))
        .collect()
}

proptest! {
    #[test]
    fn ideas_follow_the_rule(
        steps in proptest::collection::vec(step(), 0..60),
        order in Just((0..MEMBERS).collect::<Vec<u8>>()).prop_shuffle(),
        dupes in proptest::collection::vec(0..MEMBERS, 0..6),
        threshold in 1u32..4,
    ) {
        let w = run(&steps);
        let plain = derive_ideas(&read(&w, &(0..MEMBERS).collect::<Vec<_>>()), &w.staff, threshold);
        let mut shuffled = order.clone();
        shuffled.extend(&dupes);
        let again = derive_ideas(&read(&w, &shuffled), &w.staff, threshold);
        prop_assert_eq!(&plain, &again, "member order and duplicates change nothing");

        let mut published: Vec<u8> = w.submitted.difference(&w.withdrawn).copied().collect();
        published.sort_by_key(|&i| pid(i));
        let ids: Vec<IdeaId> = published.iter().map(|&i| pid(i)).collect();
        prop_assert_eq!(plain.iter().map(|p| p.id).collect::<Vec<_>>(), ids);
        for (p, &i) in plain.iter().zip(&published) {
            let supporters = w.supporters.get(&i).map_or(0, |s| s.len() as u32);
            prop_assert_eq!(p.supports, supporters);
            let reporters = w.reporters.get(&i).map_or(0, |s| s.len() as u32);
            let decision = w.staff.moderation.get(&ReportTarget::Idea(pid(i))).map(|d| d.hidden);
            let expect = decision.unwrap_or(reporters >= threshold);
            prop_assert_eq!(p.hidden, expect);
        }
        let text = format!("{plain:?}");
        for m in 0..MEMBERS {
            let hex = member_id(m).to_string();
            prop_assert!(!text.contains(&hex), "member {} leaked", hex);
        }
    }
}
