//! Residents: one event, where their sign-up stands and why, and their ticket.

use crate::components::{signup_words, EventFacts, SignupButton, TicketCard};
use crate::route::Route;
use crate::state::{use_app_state, use_commands};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::derive::seats::SeatStatus;
use kumppani_core::ids::EventId;

#[component]
pub fn EventDetail(id: String) -> Element {
    let state = use_app_state();
    let commands = use_commands();
    let lang = crate::i18n::use_i18n().lang().code();
    let event_id = id.parse::<EventId>().ok();
    // Looking at the event is what clears its "New" marker.
    use_effect(move || {
        if let Some(event) = event_id {
            let _ = state.read().signups.get(&event);
            commands.send(Command::MarkSeen { event });
        }
    });
    let st = state.read();
    let Some(event) = event_id
        .and_then(|e| st.events.iter().find(|x| x.id == e))
        .cloned()
    else {
        return rsx! {
            section { class: "card",
                h1 { {t!("events-not-found")} }
                p { {t!("events-not-found-text")} }
                Link { to: Route::Events {}, {t!("events-back")} }
            }
        };
    };
    let signup = st.signups.get(&event.id).cloned();
    let words = signup_words(&event, signup.as_ref());
    let active = signup.as_ref().is_some_and(|s| s.is_active());
    let ticket = signup
        .as_ref()
        .filter(|s| s.is_active())
        .and_then(|s| s.hub.as_ref())
        .filter(|h| h.status == SeatStatus::Confirmed)
        .and_then(|h| h.ticket.clone());
    let counts = st.counts.get(&event.id).copied();
    let title = event.title_in(lang).to_owned();
    let description = event.description_in(lang).to_owned();
    rsx! {
        article { class: "card event",
            h1 { "{title}" }
            EventFacts { event: event.clone(), counts }
            if !description.is_empty() {
                p { class: "entry-text", "{description}" }
            }
            if let Some((text, kind)) = words {
                p { class: "signup-status {kind}", role: "status", "data-testid": "signup-status", "{text}" }
            }
            if !event.cancelled {
                div { class: "actions",
                    SignupButton { event: event.id, active, title: title.clone() }
                }
            }
        }
        if let Some(ticket) = ticket {
            TicketCard { ticket, title: title.clone() }
        }
        Link { class: "button", to: Route::Events {}, {t!("events-back")} }
    }
}
