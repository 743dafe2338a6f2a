//! What the door tells an organiser when a ticket or code does not let someone in, in the
//! page's language (core's `DoorError` carries English for logs and tests).

use crate::i18n::words;
use kumppani_core::door::DoorError;

pub fn door_error_words(e: &DoorError) -> String {
    match e {
        DoorError::NotATicket => words("msg-door-not-a-ticket", &[]),
        DoorError::Forged => words("msg-door-forged", &[]),
        DoorError::OtherEvent => words("msg-door-other-event", &[]),
        DoorError::NoSuchSeat => words("msg-door-no-seat", &[]),
        DoorError::NotConfirmed { name, status } => words(
            "msg-door-not-confirmed",
            &[
                ("name", name.clone().into()),
                ("status", status.clone().into()),
            ],
        ),
        DoorError::NoKey => words("msg-door-no-key", &[]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set_current, Lang};

    #[test]
    fn every_door_refusal_reads_as_core_says_in_english_and_is_translated() {
        let all = [
            DoorError::NotATicket,
            DoorError::Forged,
            DoorError::OtherEvent,
            DoorError::NoSuchSeat,
            DoorError::NotConfirmed {
                name: "Aino".into(),
                status: "waitlisted".into(),
            },
            DoorError::NoKey,
        ];
        set_current(Lang::En);
        for e in &all {
            assert_eq!(door_error_words(e), e.to_string());
        }
        set_current(Lang::Fi);
        for e in &all {
            assert_ne!(
                door_error_words(e),
                e.to_string(),
                "{e:?} has Finnish words"
            );
        }
    }
}
