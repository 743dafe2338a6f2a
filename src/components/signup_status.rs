//! Where a member's sign-up stands, and why, in plain words.

use kumppani_core::model::event::Event;
use kumppani_core::model::member::{Signup, SignupView};

/// The sentence for a sign-up, and whether it is good news (for the colour).
pub fn signup_words(event: &Event, signup: Option<&Signup>) -> Option<(String, &'static str)> {
    if event.cancelled {
        return Some(("This event is cancelled.".into(), "bad"));
    }
    let signup = signup?;
    let changed = signup.is_active() && event.updated_at > signup.requested_at;
    let (text, kind) = match signup.view() {
        SignupView::WaitingForHub => (
            "Signed up on this device. It reaches the hub when you are online; seats go in the order the hub receives sign-ups.".to_string(),
            "busy",
        ),
        SignupView::Confirmed { moved_up_from_waitlist: true } => (
            "Moved up from the waitlist: you have a seat. Show your ticket at the door.".into(),
            "ok",
        ),
        SignupView::Confirmed { .. } => (
            "Confirmed: you have a seat. Show your ticket at the door.".into(),
            "ok",
        ),
        SignupView::Waitlisted { position } => (
            format!("On the waitlist, number {position}. You move up if someone cancels."),
            "busy",
        ),
        SignupView::AwaitingApproval => (
            "Waiting for the organiser to approve your sign-up.".into(),
            "busy",
        ),
        SignupView::Declined => (
            "The organiser could not take your sign-up for this event.".into(),
            "bad",
        ),
        SignupView::Cancelled => ("You cancelled your sign-up.".into(), "muted"),
    };
    if changed {
        Some((
            format!("{text} The event has changed since you signed up: check the details."),
            kind,
        ))
    } else {
        Some((text, kind))
    }
}
