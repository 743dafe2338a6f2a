//! Residents: upcoming events, signing up and cancelling with one tap, offline too.

use crate::components::{signup_words, EventFacts, SignupButton};
use crate::route::Route;
use crate::state::use_app_state;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::time::Timestamp;

#[component]
pub fn Events() -> Element {
    let state = use_app_state();
    let lang = crate::i18n::use_i18n().lang().code();
    let st = state.read();
    let now = Timestamp::from_utc(chrono::Utc::now());
    let upcoming: Vec<_> = st
        .events
        .iter()
        .filter(|e| e.ends_at >= now)
        .cloned()
        .collect();
    rsx! {
        h1 { class: "section-title", {t!("events-title")} }
        if upcoming.is_empty() {
            p { class: "card", {t!("events-none")} }
        }
        ul { class: "entries",
            for event in upcoming {
                {
                    let signup = st.signups.get(&event.id).cloned();
                    let words = signup_words(&event, signup.as_ref());
                    let changed = signup
                        .as_ref()
                        .is_some_and(|s| st.seen.get(&event.id) != Some(&s.view()));
                    let active = signup.as_ref().is_some_and(|s| s.is_active());
                    let counts = st.counts.get(&event.id).copied();
                    let title = event.title_in(lang).to_owned();
                    rsx! {
                        li { key: "{event.id}",
                            article { class: "card event", "data-testid": "event",
                                h2 {
                                    Link { to: Route::EventDetail { id: event.id.to_string() }, "{title}" }
                                    if changed {
                                        span { class: "badge", " " {t!("events-new")} }
                                    }
                                }
                                EventFacts { event: event.clone(), counts }
                                if let Some((text, kind)) = words {
                                    p { class: "signup-status {kind}", "data-testid": "signup-status", "{text}" }
                                }
                                if !event.cancelled {
                                    div { class: "actions",
                                        SignupButton { event: event.id, active, title: title.clone() }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
