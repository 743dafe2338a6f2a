//! Sign-ups in the member document: the member asks for a seat, the hub answers.
//!
//! Per event, one map holds the member's keys (`requested_at`, `cancelled_at`) beside the
//! hub's (`status`, `position`, `previous_status`, `previous_position`, `status_at`,
//! `ticket`, `answers_request`), so the two writers never write the same key. The hub
//! copies the `requested_at` it answered into `answers_request`; a request made after
//! that (a re-request after a cancel) shows as waiting for the hub until it answers again.
//! Times the member writes are device clocks: they date the request for the member, and
//! never decide the queue (see [`crate::derive::seats`]).

use super::{MemberDocError, SIGNUPS};
use crate::derive::seats::SeatStatus;
use crate::ids::EventId;
use crate::model::{ensure_map, get_i64, get_map, get_maps, get_str};
use crate::time::Timestamp;
use automerge::transaction::Transactable;
use automerge::{AutoCommit, AutomergeError, ObjId, ReadDoc, ROOT};
use serde::{Deserialize, Serialize};

/// What the hub last said about a sign-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HubSignupState {
    pub status: SeatStatus,
    /// The status before this one, so the member can be told why it changed.
    pub previous: Option<SeatStatus>,
    /// When the hub decided (hub clock).
    pub status_at: Timestamp,
    /// The ticket code (see [`crate::ticket::Ticket::encode`]), once confirmed.
    pub ticket: Option<String>,
    /// The member's `requested_at` this answers; `None` reads as the current request.
    pub answers_request: Option<Timestamp>,
}

/// One event's sign-up as the member document holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signup {
    pub event: EventId,
    /// When the member last asked (device clock).
    pub requested_at: Timestamp,
    pub cancelled_at: Option<Timestamp>,
    pub hub: Option<HubSignupState>,
}

/// The member's own view of a sign-up, for the screen that tells them where they stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignupView {
    /// Asked, and the hub has not answered this request yet (offline, or not synced).
    WaitingForHub,
    Confirmed {
        moved_up_from_waitlist: bool,
    },
    Waitlisted {
        position: u32,
    },
    AwaitingApproval,
    Declined,
    Cancelled,
}

impl Signup {
    /// Requested and not cancelled since (a cancel at the same millisecond counts as after).
    pub fn is_active(&self) -> bool {
        self.cancelled_at.is_none_or(|c| c < self.requested_at)
    }

    pub fn view(&self) -> SignupView {
        if !self.is_active() {
            return SignupView::Cancelled;
        }
        let Some(hub) = &self.hub else {
            return SignupView::WaitingForHub;
        };
        if hub
            .answers_request
            .is_some_and(|answered| answered != self.requested_at)
        {
            return SignupView::WaitingForHub;
        }
        match hub.status {
            SeatStatus::Confirmed => SignupView::Confirmed {
                moved_up_from_waitlist: matches!(hub.previous, Some(SeatStatus::Waitlisted { .. })),
            },
            SeatStatus::Waitlisted { position } => SignupView::Waitlisted { position },
            SeatStatus::AwaitingApproval => SignupView::AwaitingApproval,
            SeatStatus::Declined => SignupView::Declined,
            // The hub still answers an earlier, cancelled request.
            SeatStatus::Cancelled => SignupView::WaitingForHub,
        }
    }
}

fn signups_map(doc: &AutoCommit) -> Result<ObjId, MemberDocError> {
    get_map(doc, &ROOT, SIGNUPS).ok_or(MemberDocError::NotAMemberDocument)
}

/// Asks for a seat now. A request after a cancel is a new request. The caller commits.
pub fn request_signup(
    doc: &mut AutoCommit,
    event: EventId,
    now: Timestamp,
) -> Result<(), MemberDocError> {
    let signups = signups_map(doc)?;
    let obj = ensure_map(doc, &signups, &event.to_string())?;
    doc.put(&obj, "requested_at", now.millis())?;
    if doc.get(&obj, "cancelled_at")?.is_some() {
        doc.delete(&obj, "cancelled_at")?;
    }
    Ok(())
}

/// Gives up the request (and the seat, once the hub sees it). The caller commits.
pub fn cancel_signup(
    doc: &mut AutoCommit,
    event: EventId,
    now: Timestamp,
) -> Result<(), MemberDocError> {
    let signups = signups_map(doc)?;
    let obj =
        get_map(doc, &signups, &event.to_string()).ok_or(MemberDocError::NoSuchSignup(event))?;
    doc.put(&obj, "cancelled_at", now.millis())?;
    Ok(())
}

/// Every readable sign-up, by event id.
pub fn signups(doc: &AutoCommit) -> Vec<Signup> {
    let Ok(signups) = signups_map(doc) else {
        return Vec::new();
    };
    let mut out: Vec<Signup> = doc
        .keys(&signups)
        .filter_map(|key| read_signup(doc, &signups, key.parse().ok()?))
        .collect();
    out.sort_by_key(|s| s.event);
    out
}

pub fn signup(doc: &AutoCommit, event: EventId) -> Option<Signup> {
    read_signup(doc, &signups_map(doc).ok()?, event)
}

/// Reads one sign-up. Two devices that each made the map offline leave two maps at one
/// key: each field is read from the first map (the winner first) that has it.
fn read_signup(doc: &AutoCommit, signups: &ObjId, event: EventId) -> Option<Signup> {
    let maps = get_maps(doc, signups, &event.to_string());
    let int = |key: &str| maps.iter().find_map(|m| get_i64(doc, m, key));
    let text = |key: &str| maps.iter().find_map(|m| get_str(doc, m, key));
    let requested_at = Timestamp::from_millis(int("requested_at")?);
    let cancelled_at = int("cancelled_at").map(Timestamp::from_millis);
    let hub = text("status")
        .and_then(|status| SeatStatus::from_parts(&status, int("position")))
        .map(|status| HubSignupState {
            status,
            previous: text("previous_status")
                .and_then(|p| SeatStatus::from_parts(&p, int("previous_position"))),
            status_at: Timestamp::from_millis(int("status_at").unwrap_or(0)),
            ticket: text("ticket"),
            answers_request: int("answers_request").map(Timestamp::from_millis),
        });
    Some(Signup {
        event,
        requested_at,
        cancelled_at,
        hub,
    })
}

/// The hub's answer to a sign-up; writes only the keys that changed. The member must have
/// asked (the map exists); the hub never makes a sign-up on a member's behalf.
pub fn set_hub_state(
    doc: &mut AutoCommit,
    event: EventId,
    state: &HubSignupState,
) -> Result<(), MemberDocError> {
    let signups = signups_map(doc)?;
    let obj =
        get_map(doc, &signups, &event.to_string()).ok_or(MemberDocError::NoSuchSignup(event))?;
    put_str(doc, &obj, "status", Some(state.status.as_str()))?;
    put_int(
        doc,
        &obj,
        "position",
        state.status.position().map(i64::from),
    )?;
    put_str(
        doc,
        &obj,
        "previous_status",
        state.previous.map(SeatStatus::as_str),
    )?;
    put_int(
        doc,
        &obj,
        "previous_position",
        state.previous.and_then(SeatStatus::position).map(i64::from),
    )?;
    put_int(doc, &obj, "status_at", Some(state.status_at.millis()))?;
    put_str(doc, &obj, "ticket", state.ticket.as_deref())?;
    put_int(
        doc,
        &obj,
        "answers_request",
        state.answers_request.map(Timestamp::millis),
    )?;
    Ok(())
}

/// Puts `value` at `key` if it differs; deletes the key for `None`.
fn put_int(
    doc: &mut AutoCommit,
    obj: &ObjId,
    key: &str,
    value: Option<i64>,
) -> Result<(), AutomergeError> {
    let present = doc.get(obj, key)?.is_some();
    match value {
        Some(v) if get_i64(doc, obj, key) != Some(v) => doc.put(obj, key, v),
        None if present => doc.delete(obj, key),
        _ => Ok(()),
    }
}

fn put_str(
    doc: &mut AutoCommit,
    obj: &ObjId,
    key: &str,
    value: Option<&str>,
) -> Result<(), AutomergeError> {
    let present = doc.get(obj, key)?.is_some();
    match value {
        Some(v) if get_str(doc, obj, key).as_deref() != Some(v) => doc.put(obj, key, v),
        None if present => doc.delete(obj, key),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::new_document;
    use super::*;
    use crate::model::set_writer;

    fn ev(n: u8) -> EventId {
        EventId::from_bytes([n; 16])
    }

    fn hub(status: SeatStatus, previous: Option<SeatStatus>, answers: i64) -> HubSignupState {
        HubSignupState {
            status,
            previous,
            status_at: Timestamp(500),
            ticket: None,
            answers_request: Some(Timestamp(answers)),
        }
    }

    #[test]
    fn a_request_waits_for_the_hub_until_it_answers() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        request_signup(&mut doc, ev(1), Timestamp(10)).unwrap();
        let s = signup(&doc, ev(1)).unwrap();
        assert!(s.is_active());
        assert_eq!(s.view(), SignupView::WaitingForHub);

        let state = HubSignupState {
            ticket: Some("K1.x".into()),
            ..hub(SeatStatus::Confirmed, None, 10)
        };
        set_hub_state(&mut doc, ev(1), &state).unwrap();
        let s = signup(&doc, ev(1)).unwrap();
        assert_eq!(s.hub, Some(state));
        assert_eq!(
            s.view(),
            SignupView::Confirmed {
                moved_up_from_waitlist: false
            }
        );
    }

    #[test]
    fn a_member_moved_up_from_the_waitlist_is_told_so() {
        let mut doc = new_document();
        request_signup(&mut doc, ev(1), Timestamp(10)).unwrap();
        let waiting = SeatStatus::Waitlisted { position: 2 };
        set_hub_state(&mut doc, ev(1), &hub(waiting, None, 10)).unwrap();
        assert_eq!(
            signup(&doc, ev(1)).unwrap().view(),
            SignupView::Waitlisted { position: 2 }
        );
        let moved = hub(SeatStatus::Confirmed, Some(waiting), 10);
        set_hub_state(&mut doc, ev(1), &moved).unwrap();
        let s = signup(&doc, ev(1)).unwrap();
        assert_eq!(s.hub, Some(moved));
        assert_eq!(
            s.view(),
            SignupView::Confirmed {
                moved_up_from_waitlist: true
            }
        );
    }

    #[test]
    fn a_cancel_shows_at_once_and_a_re_request_is_a_new_request() {
        let mut doc = new_document();
        request_signup(&mut doc, ev(1), Timestamp(10)).unwrap();
        set_hub_state(&mut doc, ev(1), &hub(SeatStatus::Confirmed, None, 10)).unwrap();
        cancel_signup(&mut doc, ev(1), Timestamp(20)).unwrap();
        let s = signup(&doc, ev(1)).unwrap();
        assert!(!s.is_active());
        assert_eq!(s.view(), SignupView::Cancelled);

        request_signup(&mut doc, ev(1), Timestamp(30)).unwrap();
        let s = signup(&doc, ev(1)).unwrap();
        assert!(s.is_active());
        assert_eq!(s.cancelled_at, None);
        assert_eq!(s.view(), SignupView::WaitingForHub);
    }

    #[test]
    fn cancelling_what_was_never_requested_is_refused() {
        let mut doc = new_document();
        assert!(matches!(
            cancel_signup(&mut doc, ev(1), Timestamp(1)),
            Err(MemberDocError::NoSuchSignup(_))
        ));
        assert!(set_hub_state(&mut doc, ev(1), &hub(SeatStatus::Confirmed, None, 1)).is_err());
    }

    #[test]
    fn the_hub_writes_only_what_changed() {
        let mut doc = new_document();
        request_signup(&mut doc, ev(1), Timestamp(10)).unwrap();
        let state = hub(SeatStatus::Waitlisted { position: 1 }, None, 10);
        set_hub_state(&mut doc, ev(1), &state).unwrap();
        doc.commit();
        let heads = doc.get_heads();
        set_hub_state(&mut doc, ev(1), &state).unwrap();
        doc.commit();
        assert_eq!(doc.get_heads(), heads);
    }

    #[test]
    fn member_and_hub_writes_made_apart_both_survive_the_merge() {
        let mut member = new_document();
        set_writer(&mut member, [1; 16]);
        request_signup(&mut member, ev(1), Timestamp(10)).unwrap();
        member.commit();
        let mut hub_copy = member
            .fork()
            .with_actor(automerge::ActorId::from([2u8; 16]));
        set_hub_state(&mut hub_copy, ev(1), &hub(SeatStatus::Confirmed, None, 10)).unwrap();
        cancel_signup(&mut member, ev(1), Timestamp(20)).unwrap();
        member.commit();
        hub_copy.commit();
        member.merge(&mut hub_copy).unwrap();
        let s = signup(&member, ev(1)).unwrap();
        assert_eq!(s.cancelled_at, Some(Timestamp(20)));
        assert_eq!(s.hub.unwrap().status, SeatStatus::Confirmed);
        assert_eq!(signups(&member).len(), 1);
    }

    #[test]
    fn two_devices_signing_up_apart_keep_one_sign_up() {
        let mut a = new_document();
        set_writer(&mut a, [1; 16]);
        let mut b = new_document();
        set_writer(&mut b, [2; 16]);
        request_signup(&mut a, ev(1), Timestamp(10)).unwrap();
        request_signup(&mut b, ev(1), Timestamp(11)).unwrap();
        cancel_signup(&mut b, ev(2), Timestamp(11)).unwrap_err();
        a.commit();
        b.commit();
        a.merge(&mut b).unwrap();
        let all = signups(&a);
        assert_eq!(all.len(), 1);
        assert!(all[0].is_active());
    }
}
