//! Where a member's sign-up stands, and why, in plain words.

use crate::t;
use kumppani_core::model::event::Event;
use kumppani_core::model::member::{Signup, SignupView};

/// The sentence for a sign-up, and whether it is good news (for the colour).
pub fn signup_words(event: &Event, signup: Option<&Signup>) -> Option<(String, &'static str)> {
    if event.cancelled {
        return Some((t!("signup-event-cancelled"), "bad"));
    }
    let signup = signup?;
    let changed = signup.is_active() && event.updated_at > signup.requested_at;
    let (text, kind) = match signup.view() {
        SignupView::WaitingForHub => (t!("signup-waiting-for-hub"), "busy"),
        SignupView::Confirmed {
            moved_up_from_waitlist: true,
        } => (t!("signup-moved-up"), "ok"),
        SignupView::Confirmed { .. } => (t!("signup-confirmed"), "ok"),
        SignupView::Waitlisted { position } => {
            (t!("signup-waitlisted", position: position), "busy")
        }
        SignupView::AwaitingApproval => (t!("signup-awaiting-approval"), "busy"),
        SignupView::Declined => (t!("signup-declined"), "bad"),
        SignupView::Cancelled => (t!("signup-cancelled"), "muted"),
    };
    if changed {
        Some((t!("signup-event-changed", status: text), kind))
    } else {
        Some((text, kind))
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::{translate, Lang};
    use fluent_bundle::FluentArgs;

    #[test]
    fn a_changed_event_adds_its_sentence_after_the_status() {
        let mut args = FluentArgs::new();
        args.set("position", 2);
        let status = translate(Lang::En, "signup-waitlisted", Some(&args));
        assert_eq!(
            status,
            "On the waitlist, number 2. You move up if someone cancels."
        );
        let mut args = FluentArgs::new();
        args.set("status", status);
        assert_eq!(
            translate(Lang::En, "signup-event-changed", Some(&args)),
            "On the waitlist, number 2. You move up if someone cancels. \
             The event has changed since you signed up: check the details."
        );
    }
}
