//! Organisers: one event — its counts at a glance, the door (ticket codes, the camera,
//! walk-ins), the roster with approvals, the CSV export, and editing or cancelling it.

use crate::components::{
    DoorCheckIn, EventCancellation, EventForm, RosterExport, RosterList, WalkInForm,
};
use crate::route::Route;
use crate::state::use_app_state;
use crate::t;
use crate::views::organise::{is_organiser, when_words};
use dioxus::prelude::*;
use kumppani_core::ids::EventId;

#[component]
pub fn OrganiseEvent(id: String) -> Element {
    let state = use_app_state();
    let lang = crate::i18n::use_i18n().lang().code();
    let st = state.read();
    if !is_organiser(&st) {
        return rsx! {
            p { class: "card", {t!("organise-only-organisers")} }
        };
    }
    let found = id
        .parse::<EventId>()
        .ok()
        .and_then(|id| st.events.iter().find(|e| e.id == id).cloned());
    let Some(event) = found else {
        return rsx! {
            div { class: "card",
                p { {t!("organise-event-missing")} }
                Link { class: "button", to: Route::Organise {}, {t!("organise-back")} }
            }
        };
    };
    let door = st.doors.get(&event.id).cloned().unwrap_or_default();
    drop(st);
    let s = door.summary;
    let confirmed = match event.capacity {
        Some(cap) => format!("{} / {cap}", s.confirmed),
        None => s.confirmed.to_string(),
    };
    let eid = event.id;

    rsx! {
        div { class: "card",
            h1 { {event.title_in(lang)} }
            if event.cancelled {
                p { class: "badge cancelled", {t!("organise-cancelled")} }
            }
            p { class: "event-when", "{when_words(&event)}" }
            if !event.place.is_empty() {
                p { class: "event-place", "{event.place}" }
            }
            ul { class: "door-counts", aria_label: t!("organise-at-a-glance"),
                li { "data-testid": "count-confirmed",
                    strong { "{confirmed}" } span { {t!("organise-count-confirmed", count: s.confirmed)} }
                }
                li { "data-testid": "count-waitlisted",
                    strong { "{s.waitlisted}" } span { {t!("organise-count-waitlisted", count: s.waitlisted)} }
                }
                li { "data-testid": "count-awaiting",
                    strong { "{s.awaiting_approval}" } span { {t!("organise-count-awaiting", count: s.awaiting_approval)} }
                }
                li { "data-testid": "count-checked-in",
                    strong { "{s.checked_in}" } span { {t!("organise-count-checked-in", count: s.checked_in)} }
                }
                li { "data-testid": "count-walk-ins",
                    strong { "{s.walk_ins}" } span { {t!("organise-count-walk-ins", count: s.walk_ins)} }
                }
            }
        }
        section { class: "card", aria_labelledby: "door-title",
            h2 { id: "door-title", {t!("organise-door")} }
            DoorCheckIn { key: "{eid}", event: eid }
        }
        section { class: "card", aria_labelledby: "walk-in-title",
            h2 { id: "walk-in-title", {t!("organise-walk-in")} }
            WalkInForm { key: "{eid}", event: eid }
        }
        section { class: "card", aria_labelledby: "roster-title",
            h2 { id: "roster-title", {t!("organise-roster")} }
            RosterList { key: "{eid}", event: eid, door }
        }
        section { class: "card", aria_labelledby: "export-title",
            h2 { id: "export-title", {t!("organise-export")} }
            RosterExport { key: "{eid}", event: eid, title: event.title_in(lang).to_owned() }
        }
        section { class: "card", aria_labelledby: "edit-title",
            h2 { id: "edit-title", {t!("organise-edit")} }
            EventForm { key: "{eid}", existing: Some(event.clone()), on_saved: move |_| {} }
        }
        if !event.cancelled {
            section { class: "card", aria_labelledby: "cancel-title",
                h2 { id: "cancel-title", {t!("organise-cancel-event")} }
                EventCancellation { key: "{eid}", event: eid }
            }
        }
    }
}
