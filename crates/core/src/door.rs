//! At the door: turning what an organiser scanned or typed into the person to check in.
//!
//! Works offline on the organiser's device: a scanned ticket is verified with the project's
//! public ticket key, and a typed short code is matched against the roster the hub wrote.
//! Either way only a confirmed sign-up for this event gets in.

use crate::derive::seats::SeatStatus;
use crate::ids::{EventId, MemberId};
use crate::model::staff::RosterEntry;
use crate::ticket::{normalize_short_code, Ticket};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DoorError {
    #[error("That is not a Kumppani ticket or code. Check the code and try again.")]
    NotATicket,
    #[error("This ticket is not genuine: its signature does not match this project.")]
    Forged,
    #[error("This ticket is for another event.")]
    OtherEvent,
    #[error("No confirmed sign-up has this code for this event.")]
    NoSuchSeat,
    #[error("{name} is not confirmed for this event (their sign-up is {status}).")]
    NotConfirmed { name: String, status: String },
    #[error(
        "This device has not yet received the project's ticket key. Sync once, then try again."
    )]
    NoKey,
}

/// Who a scanned or typed code lets in, and under which name.
pub fn resolve(
    input: &str,
    event: EventId,
    roster: &[RosterEntry],
    ticket_key: Option<&[u8; 32]>,
) -> Result<(MemberId, String), DoorError> {
    let input = input.trim();
    let entry = if input.starts_with("K1.") {
        let ticket = Ticket::decode(input).map_err(|_| DoorError::NotATicket)?;
        let key = ticket_key.ok_or(DoorError::NoKey)?;
        ticket.verify(key).map_err(|_| DoorError::Forged)?;
        if ticket.event != event {
            return Err(DoorError::OtherEvent);
        }
        roster
            .iter()
            .find(|r| r.member == ticket.member)
            .ok_or(DoorError::NoSuchSeat)?
    } else {
        let code = normalize_short_code(input).ok_or(DoorError::NotATicket)?;
        roster
            .iter()
            .find(|r| r.ticket.as_deref() == Some(code.as_str()))
            .ok_or(DoorError::NoSuchSeat)?
    };
    match entry.status {
        SeatStatus::Confirmed => Ok((entry.member, entry.name.clone())),
        other => Err(DoorError::NotConfirmed {
            name: entry.name.clone(),
            status: describe(other),
        }),
    }
}

fn describe(s: SeatStatus) -> String {
    match s {
        SeatStatus::Confirmed => "confirmed".into(),
        SeatStatus::Waitlisted { position } => format!("on the waitlist at {position}"),
        SeatStatus::AwaitingApproval => "awaiting approval".into(),
        SeatStatus::Declined => "declined".into(),
        SeatStatus::Cancelled => "cancelled".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ticket::{public_key, sign};

    const SEED: [u8; 32] = [7; 32];

    fn entry(member: MemberId, status: SeatStatus, event: EventId) -> RosterEntry {
        RosterEntry {
            member,
            name: "Aino".into(),
            status,
            ticket: Some(sign(&SEED, event, member).short_code()),
        }
    }

    #[test]
    fn a_scanned_ticket_and_its_typed_code_let_the_same_person_in() {
        let (event, member) = (EventId::from_bytes([1; 16]), MemberId::from_bytes([2; 16]));
        let roster = vec![entry(member, SeatStatus::Confirmed, event)];
        let ticket = sign(&SEED, event, member);
        let key = public_key(&SEED);
        assert_eq!(
            resolve(&ticket.encode(), event, &roster, Some(&key))
                .unwrap()
                .0,
            member
        );
        let typed = ticket.short_code().to_lowercase();
        assert_eq!(
            resolve(&typed, event, &roster, Some(&key)).unwrap().0,
            member
        );
    }

    #[test]
    fn a_ticket_signed_with_another_key_is_refused() {
        let (event, member) = (EventId::from_bytes([1; 16]), MemberId::from_bytes([2; 16]));
        let roster = vec![entry(member, SeatStatus::Confirmed, event)];
        let forged = sign(&[9; 32], event, member);
        let key = public_key(&SEED);
        assert_eq!(
            resolve(&forged.encode(), event, &roster, Some(&key)),
            Err(DoorError::Forged)
        );
    }

    #[test]
    fn a_ticket_for_another_event_is_refused() {
        let (event, other, member) = (
            EventId::from_bytes([1; 16]),
            EventId::from_bytes([3; 16]),
            MemberId::from_bytes([2; 16]),
        );
        let roster = vec![entry(member, SeatStatus::Confirmed, event)];
        let key = public_key(&SEED);
        let ticket = sign(&SEED, other, member).encode();
        assert_eq!(
            resolve(&ticket, event, &roster, Some(&key)),
            Err(DoorError::OtherEvent)
        );
    }

    #[test]
    fn a_waitlisted_person_is_told_apart_from_a_wrong_code() {
        let (event, member) = (EventId::from_bytes([1; 16]), MemberId::from_bytes([2; 16]));
        let roster = vec![entry(member, SeatStatus::Waitlisted { position: 2 }, event)];
        let code = roster[0].ticket.clone().unwrap();
        assert!(matches!(
            resolve(&code, event, &roster, None),
            Err(DoorError::NotConfirmed { .. })
        ));
        assert_eq!(
            resolve("ZZZZZZZZ", event, &roster, None),
            Err(DoorError::NoSuchSeat)
        );
        assert_eq!(
            resolve("?!", event, &roster, None),
            Err(DoorError::NotATicket)
        );
    }
}
