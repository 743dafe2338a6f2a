//! The seat rule under random interleavings: members request and cancel on their devices,
//! the hub sees member documents in any order and any number of times, organisers change
//! capacity and approvals, and the hub restarts (rederives from the same log) whenever.

use kumppani_core::derive::seats::{
    derive_seats, next_seq, receipts_to_append, Receipt, ReceiptKind, SeatStatus,
};
use kumppani_core::ids::MemberId;
use kumppani_core::model::staff::Approval;
use proptest::prelude::*;
use std::collections::BTreeMap;

const MEMBERS: u8 = 8;

#[derive(Debug, Clone)]
enum Step {
    /// The member asks for a seat on their device (offline: the hub does not know yet).
    Request(u8),
    /// The member cancels on their device.
    Cancel(u8),
    /// The hub syncs this member's document, `times` times (duplicates).
    HubSees(u8, u8),
    Capacity(Option<u32>),
    Approve(u8, Approval),
    /// The hub restarts: everything in memory is gone but the log and the documents.
    Restart,
}

fn step() -> impl Strategy<Value = Step> {
    let member = 0..MEMBERS;
    prop_oneof![
        3 => member.clone().prop_map(Step::Request),
        2 => member.clone().prop_map(Step::Cancel),
        5 => (member.clone(), 1u8..3).prop_map(|(m, t)| Step::HubSees(m, t)),
        1 => proptest::option::of(1u32..6).prop_map(Step::Capacity),
        1 => (member, prop_oneof![Just(Approval::Approved), Just(Approval::Declined)])
            .prop_map(|(m, a)| Step::Approve(m, a)),
        1 => Just(Step::Restart),
    ]
}

fn m(n: u8) -> MemberId {
    MemberId::from_bytes([n; 16])
}

/// The queue kept the simple way, step by step: appended on a request, removed on a cancel.
#[derive(Default)]
struct Reference {
    queue: Vec<MemberId>,
}

impl Reference {
    fn apply(&mut self, receipt: &Receipt) {
        match receipt.kind {
            ReceiptKind::Request => {
                if !self.queue.contains(&receipt.member) {
                    self.queue.push(receipt.member);
                }
            }
            ReceiptKind::Cancel => self.queue.retain(|x| *x != receipt.member),
        }
    }

    fn eligible(
        &self,
        needs_approval: bool,
        approvals: &BTreeMap<MemberId, Approval>,
    ) -> Vec<MemberId> {
        self.queue
            .iter()
            .copied()
            .filter(|x| !needs_approval || approvals.get(x) == Some(&Approval::Approved))
            .collect()
    }
}

fn check(
    seats: &BTreeMap<MemberId, SeatStatus>,
    capacity: Option<u32>,
    needs_approval: bool,
    approvals: &BTreeMap<MemberId, Approval>,
    reference: &Reference,
) -> Result<(), TestCaseError> {
    let eligible = reference.eligible(needs_approval, approvals);
    let seat_count = capacity.map_or(eligible.len(), |c| (c as usize).min(eligible.len()));
    let confirmed: Vec<MemberId> = eligible
        .iter()
        .copied()
        .filter(|x| seats[x] == SeatStatus::Confirmed)
        .collect();
    let all_confirmed = seats
        .values()
        .filter(|s| **s == SeatStatus::Confirmed)
        .count();
    if let Some(c) = capacity {
        prop_assert!(all_confirmed <= c as usize, "more confirmed than seats");
    }
    prop_assert_eq!(
        all_confirmed,
        confirmed.len(),
        "only eligible members are confirmed"
    );
    prop_assert_eq!(
        &confirmed,
        &eligible[..seat_count].to_vec(),
        "the confirmed are exactly the first eligible in queue order"
    );
    for (i, x) in eligible[seat_count..].iter().enumerate() {
        prop_assert_eq!(
            seats[x],
            SeatStatus::Waitlisted {
                position: i as u32 + 1
            },
            "waitlist positions are 1..n in queue order"
        );
    }
    let waitlisted = seats
        .values()
        .filter(|s| matches!(s, SeatStatus::Waitlisted { .. }))
        .count();
    prop_assert_eq!(waitlisted, eligible.len() - seat_count);
    for (x, status) in seats {
        if !reference.queue.contains(x) {
            prop_assert_eq!(*status, SeatStatus::Cancelled);
        } else if needs_approval && !eligible.contains(x) {
            let expected = match approvals.get(x) {
                Some(Approval::Declined) => SeatStatus::Declined,
                _ => SeatStatus::AwaitingApproval,
            };
            prop_assert_eq!(*status, expected);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn seats_follow_the_receipt_log_whatever_the_interleaving(
        needs_approval in any::<bool>(),
        initial_capacity in proptest::option::of(1u32..6),
        steps in proptest::collection::vec(step(), 1..80),
    ) {
        let mut active = [false; MEMBERS as usize];
        let mut log: Vec<Receipt> = Vec::new();
        let mut capacity = initial_capacity;
        let mut approvals = BTreeMap::new();
        let mut reference = Reference::default();
        let mut seats = derive_seats(capacity, needs_approval, &log, &approvals);

        for step in steps {
            let before = seats.clone();
            let mut cancelled = None;
            match step {
                Step::Request(n) => active[n as usize] = true,
                Step::Cancel(n) => active[n as usize] = false,
                Step::HubSees(n, times) => {
                    for time in 0..times {
                        let kind = receipts_to_append(&log, m(n), active[n as usize]);
                        if time > 0 {
                            prop_assert_eq!(kind, None, "a state seen twice appends once");
                        }
                        if let Some(kind) = kind {
                            let receipt = Receipt { seq: next_seq(&log), member: m(n), kind };
                            if kind == ReceiptKind::Cancel {
                                cancelled = Some(m(n));
                            }
                            reference.apply(&receipt);
                            log.push(receipt);
                        }
                    }
                }
                Step::Capacity(c) => capacity = c,
                Step::Approve(n, a) => {
                    approvals.insert(m(n), a);
                }
                Step::Restart => {
                    let rederived = derive_seats(capacity, needs_approval, &log.clone(), &approvals);
                    prop_assert_eq!(&rederived, &seats, "a restart rederives the same seats");
                }
            }
            seats = derive_seats(capacity, needs_approval, &log, &approvals);
            prop_assert_eq!(
                &seats,
                &derive_seats(capacity, needs_approval, &log, &approvals),
                "derivation is a pure function of the log"
            );
            prop_assert!(log.windows(2).all(|w| w[0].seq < w[1].seq));
            check(&seats, capacity, needs_approval, &approvals, &reference)?;

            if let Some(gone) = cancelled {
                prop_assert_eq!(seats[&gone], SeatStatus::Cancelled);
                if before.get(&gone) == Some(&SeatStatus::Confirmed) {
                    let first_waiting = before
                        .iter()
                        .find(|(_, s)| **s == SeatStatus::Waitlisted { position: 1 });
                    if let Some((next, _)) = first_waiting {
                        prop_assert_eq!(
                            seats[next],
                            SeatStatus::Confirmed,
                            "a cancellation promotes the first waitlisted"
                        );
                    }
                }
            }
        }

        // Once the hub has seen every member, the log agrees with every member document.
        for n in 0..MEMBERS {
            if let Some(kind) = receipts_to_append(&log, m(n), active[n as usize]) {
                log.push(Receipt { seq: next_seq(&log), member: m(n), kind });
            }
            prop_assert_eq!(receipts_to_append(&log, m(n), active[n as usize]), None);
        }
        let seats = derive_seats(capacity, needs_approval, &log, &approvals);
        for n in 0..MEMBERS {
            let status = seats.get(&m(n));
            if active[n as usize] {
                prop_assert!(status.is_some_and(|s| *s != SeatStatus::Cancelled));
            } else {
                prop_assert!(status.is_none_or(|s| *s == SeatStatus::Cancelled));
            }
        }
    }
}
