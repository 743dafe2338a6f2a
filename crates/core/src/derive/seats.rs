//! Seats at an event: a pure function of the hub's receipt log, the capacity and the
//! organisers' approvals.
//!
//! Device clocks can be wrong or set on purpose, so the queue order is the order in which
//! the hub first saw each request (its receipt log), never a time a device wrote. The hub
//! appends to the log with [`receipts_to_append`] whenever it sees a member document, and
//! rederives every status with [`derive_seats`]; after a restart it rederives from the
//! same log and gets the same answer.

use crate::ids::MemberId;
use crate::model::staff::Approval;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a member stands for one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SeatStatus {
    Confirmed,
    /// On the waitlist; `position` is 1-based and contiguous among the waitlisted.
    Waitlisted {
        position: u32,
    },
    /// The event needs approval and no organiser has given it yet.
    AwaitingApproval,
    /// An organiser declined the sign-up.
    Declined,
    /// The member cancelled their request.
    Cancelled,
}

impl SeatStatus {
    /// The word stored in documents (`status` fields); the position is stored beside it.
    pub fn as_str(self) -> &'static str {
        match self {
            SeatStatus::Confirmed => "confirmed",
            SeatStatus::Waitlisted { .. } => "waitlisted",
            SeatStatus::AwaitingApproval => "awaiting_approval",
            SeatStatus::Declined => "declined",
            SeatStatus::Cancelled => "cancelled",
        }
    }

    /// The waitlist position, if waitlisted.
    pub fn position(self) -> Option<u32> {
        match self {
            SeatStatus::Waitlisted { position } => Some(position),
            _ => None,
        }
    }

    /// Reads a stored status word and position; `None` for anything unknown or a
    /// waitlisted status without a valid position.
    pub fn from_parts(status: &str, position: Option<i64>) -> Option<Self> {
        Some(match status {
            "confirmed" => SeatStatus::Confirmed,
            "waitlisted" => SeatStatus::Waitlisted {
                position: u32::try_from(position?).ok().filter(|p| *p >= 1)?,
            },
            "awaiting_approval" => SeatStatus::AwaitingApproval,
            "declined" => SeatStatus::Declined,
            "cancelled" => SeatStatus::Cancelled,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReceiptKind {
    Request,
    Cancel,
}

/// One line of the hub's receipt log for one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Receipt {
    /// Strictly increasing along the log; the hub assigns it when it first sees the change.
    pub seq: u64,
    pub member: MemberId,
    pub kind: ReceiptKind,
}

/// Every member's status for one event.
///
/// A member's place in the queue is the seq of the request that opened their current
/// sign-up: their latest Request that no Cancel follows (a repeated Request with no Cancel
/// between keeps the earlier place, so a duplicate never costs anyone their seat). A
/// member whose last receipt is a Cancel is Cancelled. With `needs_approval`, a member
/// takes a place only once approved; until then AwaitingApproval, or Declined. The first
/// `capacity` eligible members in queue order are Confirmed (all of them when `None`), the
/// rest Waitlisted 1..n in queue order.
pub fn derive_seats(
    capacity: Option<u32>,
    needs_approval: bool,
    receipts: &[Receipt],
    approvals: &BTreeMap<MemberId, Approval>,
) -> BTreeMap<MemberId, SeatStatus> {
    // For each member: the seq of their open request, or None when cancelled.
    let mut open: BTreeMap<MemberId, Option<u64>> = BTreeMap::new();
    for receipt in receipts {
        let slot = open.entry(receipt.member).or_insert(None);
        match receipt.kind {
            ReceiptKind::Request => {
                slot.get_or_insert(receipt.seq);
            }
            ReceiptKind::Cancel => *slot = None,
        }
    }

    let mut out = BTreeMap::new();
    let mut queue: Vec<(u64, MemberId)> = Vec::new();
    for (member, seq) in open {
        let Some(seq) = seq else {
            out.insert(member, SeatStatus::Cancelled);
            continue;
        };
        if needs_approval {
            match approvals.get(&member) {
                Some(Approval::Approved) => {}
                Some(Approval::Declined) => {
                    out.insert(member, SeatStatus::Declined);
                    continue;
                }
                None => {
                    out.insert(member, SeatStatus::AwaitingApproval);
                    continue;
                }
            }
        }
        queue.push((seq, member));
    }
    queue.sort();

    let seats = capacity.map_or(usize::MAX, |c| c as usize);
    let mut position = 0u32;
    for (i, (_, member)) in queue.into_iter().enumerate() {
        let status = if i < seats {
            SeatStatus::Confirmed
        } else {
            position += 1;
            SeatStatus::Waitlisted { position }
        };
        out.insert(member, status);
    }
    out
}

/// Whether the log shows an open request for this member (their last receipt is a Request).
pub fn active_in_log(receipts: &[Receipt], member: MemberId) -> bool {
    receipts
        .iter()
        .rev()
        .find(|r| r.member == member)
        .is_some_and(|r| r.kind == ReceiptKind::Request)
}

/// What the hub appends when it sees a member's sign-up state: a Request when the member
/// document shows an active request the log does not, a Cancel when the log shows one the
/// member document no longer has, otherwise nothing. Seeing the same state twice appends
/// nothing the second time.
///
/// The hub sees states, not steps: a cancel and a new request both made before the hub
/// saw the cancel keep the member's place, which is fair, since no one was promoted in
/// between. (The hub still writes the new `requested_at` into `answers_request`, so the
/// member's view stops waiting.)
pub fn receipts_to_append(
    existing: &[Receipt],
    member: MemberId,
    active_in_member_doc: bool,
) -> Option<ReceiptKind> {
    match (active_in_member_doc, active_in_log(existing, member)) {
        (true, false) => Some(ReceiptKind::Request),
        (false, true) => Some(ReceiptKind::Cancel),
        _ => None,
    }
}

/// The seq for the next receipt: one more than the last.
pub fn next_seq(existing: &[Receipt]) -> u64 {
    existing.last().map_or(1, |r| r.seq + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(n: u8) -> MemberId {
        MemberId::from_bytes([n; 16])
    }

    fn log(items: &[(u8, ReceiptKind)]) -> Vec<Receipt> {
        items
            .iter()
            .enumerate()
            .map(|(i, (n, kind))| Receipt {
                seq: i as u64 + 1,
                member: m(*n),
                kind: *kind,
            })
            .collect()
    }

    use ReceiptKind::{Cancel, Request};

    #[test]
    fn the_first_requests_get_seats_and_the_rest_wait_in_order() {
        let seats = derive_seats(
            Some(2),
            false,
            &log(&[(3, Request), (1, Request), (2, Request), (4, Request)]),
            &BTreeMap::new(),
        );
        assert_eq!(seats[&m(3)], SeatStatus::Confirmed);
        assert_eq!(seats[&m(1)], SeatStatus::Confirmed);
        assert_eq!(seats[&m(2)], SeatStatus::Waitlisted { position: 1 });
        assert_eq!(seats[&m(4)], SeatStatus::Waitlisted { position: 2 });
    }

    #[test]
    fn a_cancellation_promotes_the_first_waitlisted() {
        let seats = derive_seats(
            Some(1),
            false,
            &log(&[(1, Request), (2, Request), (3, Request), (1, Cancel)]),
            &BTreeMap::new(),
        );
        assert_eq!(seats[&m(1)], SeatStatus::Cancelled);
        assert_eq!(seats[&m(2)], SeatStatus::Confirmed);
        assert_eq!(seats[&m(3)], SeatStatus::Waitlisted { position: 1 });
    }

    #[test]
    fn a_request_after_a_cancel_goes_to_the_back_of_the_queue() {
        let seats = derive_seats(
            Some(1),
            false,
            &log(&[(1, Request), (2, Request), (1, Cancel), (1, Request)]),
            &BTreeMap::new(),
        );
        assert_eq!(seats[&m(2)], SeatStatus::Confirmed);
        assert_eq!(seats[&m(1)], SeatStatus::Waitlisted { position: 1 });
    }

    #[test]
    fn unlimited_capacity_confirms_everyone() {
        let seats = derive_seats(
            None,
            false,
            &log(&[(1, Request), (2, Request)]),
            &BTreeMap::new(),
        );
        assert!(seats.values().all(|s| *s == SeatStatus::Confirmed));
    }

    #[test]
    fn with_approval_only_approved_members_take_seats() {
        let approvals = BTreeMap::from([(m(2), Approval::Approved), (m(3), Approval::Declined)]);
        let seats = derive_seats(
            Some(1),
            true,
            &log(&[(1, Request), (2, Request), (3, Request), (4, Request)]),
            &approvals,
        );
        assert_eq!(seats[&m(1)], SeatStatus::AwaitingApproval);
        assert_eq!(seats[&m(2)], SeatStatus::Confirmed);
        assert_eq!(seats[&m(3)], SeatStatus::Declined);
        assert_eq!(seats[&m(4)], SeatStatus::AwaitingApproval);
    }

    #[test]
    fn the_hub_appends_a_receipt_only_when_the_state_changed() {
        let mut existing = Vec::new();
        assert_eq!(receipts_to_append(&existing, m(1), false), None);
        assert_eq!(receipts_to_append(&existing, m(1), true), Some(Request));
        existing.push(Receipt {
            seq: next_seq(&existing),
            member: m(1),
            kind: Request,
        });
        assert_eq!(receipts_to_append(&existing, m(1), true), None);
        assert_eq!(receipts_to_append(&existing, m(1), false), Some(Cancel));
        assert_eq!(receipts_to_append(&existing, m(2), true), Some(Request));
    }

    #[test]
    fn a_status_reads_back_from_its_stored_parts() {
        for status in [
            SeatStatus::Confirmed,
            SeatStatus::Waitlisted { position: 3 },
            SeatStatus::AwaitingApproval,
            SeatStatus::Declined,
            SeatStatus::Cancelled,
        ] {
            let position = status.position().map(i64::from);
            assert_eq!(
                SeatStatus::from_parts(status.as_str(), position),
                Some(status)
            );
        }
        assert_eq!(SeatStatus::from_parts("waitlisted", None), None);
        assert_eq!(SeatStatus::from_parts("waitlisted", Some(0)), None);
        assert_eq!(SeatStatus::from_parts("pending", None), None);
    }
}
