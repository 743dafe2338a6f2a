//! Organisers: the project's events, each leading to its door and roster, and a form for
//! a new one.

use crate::components::EventForm;
use crate::format;
use crate::route::Route;
use crate::state::{use_app_state, AppState};
use crate::t;
use dioxus::prelude::*;
use kumppani_core::api::Role;
use kumppani_core::model::event::Event;

/// Whether the person on this device organises the project.
pub fn is_organiser(state: &AppState) -> bool {
    state
        .profile
        .as_ref()
        .is_some_and(|p| p.role == Role::Organiser)
}

/// "3 / 12 confirmed · 2 waiting", or "3 confirmed · 2 waiting" with no limit.
pub fn count_words(event: &Event, counts: (u32, u32)) -> String {
    let (confirmed, waiting) = counts;
    match event.capacity {
        Some(cap) => t!(
            "organise-counts-of-capacity",
            confirmed: confirmed,
            capacity: cap,
            waiting: waiting,
        ),
        None => t!("organise-counts", confirmed: confirmed, waiting: waiting),
    }
}

/// "27.11.2026 18:00–20:00"
pub fn when_words(event: &Event) -> String {
    let start = format::date_time(event.starts_at);
    let same_day =
        format::local(event.starts_at).date_naive() == format::local(event.ends_at).date_naive();
    if same_day {
        format!("{start}–{}", format::clock(event.ends_at))
    } else {
        format!("{start} – {}", format::date_time(event.ends_at))
    }
}

#[component]
pub fn Organise() -> Element {
    let state = use_app_state();
    let lang = crate::i18n::use_i18n().lang().code();
    let st = state.read();
    if !is_organiser(&st) {
        return rsx! {
            p { class: "card", {t!("organise-only-organisers")} }
        };
    }
    let events: Vec<(Event, (u32, u32))> = st
        .events
        .iter()
        .map(|e| {
            let counts = st.counts.get(&e.id).copied().unwrap_or_else(|| {
                st.doors
                    .get(&e.id)
                    .map(|d| (d.summary.confirmed, d.summary.waitlisted))
                    .unwrap_or_default()
            });
            (e.clone(), counts)
        })
        .collect();
    let shared = st.shared_entries.len();
    drop(st);
    rsx! {
        h1 { class: "section-title", {t!("organise-title")} }
        ul { class: "card organise-links",
            li {
                Link { to: Route::OrganiseIdeas {}, {t!("organise-link-ideas")} }
            }
            li {
                Link { to: Route::OrganiseDiary {}, {t!("organise-link-diary")} }
            }
            li {
                Link { to: Route::OrganiseEntries {}, {t!("organise-link-entries", count: shared)} }
            }
        }
        section { aria_labelledby: "organise-events-title",
            h2 { id: "organise-events-title", class: "section-title",
                {t!("organise-events-heading", count: events.len())}
            }
            ul { class: "entries",
                for (event, counts) in events {
                    li { key: "{event.id}",
                        article { class: "card organise-event", "data-testid": "organise-event",
                            h3 { class: "event-title",
                                Link { to: Route::OrganiseEvent { id: event.id.to_string() }, {event.title_in(lang)} }
                                if event.cancelled {
                                    span { class: "badge cancelled", " ", {t!("organise-cancelled")} }
                                }
                            }
                            p { class: "event-when", "{when_words(&event)}" }
                            if !event.place.is_empty() {
                                p { class: "event-place", "{event.place}" }
                            }
                            p { class: "event-counts", "{count_words(&event, counts)}" }
                        }
                    }
                }
            }
        }
        section { class: "card", aria_labelledby: "new-event-title",
            h2 { id: "new-event-title", {t!("organise-new-event")} }
            EventForm { key: "new", existing: None, on_saved: move |_| {} }
        }
    }
}
