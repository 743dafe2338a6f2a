//! An event's when, where, languages and accessibility, the same on every screen.

use crate::format;
use dioxus::prelude::*;
use kumppani_core::model::event::Event;

/// "12 places, 3 left" or "No limit on places".
pub fn places(event: &Event, counts: Option<(u32, u32)>) -> String {
    match (event.capacity, counts) {
        (None, _) => "No limit on places".into(),
        (Some(cap), Some((confirmed, waiting))) if confirmed >= cap => {
            format!("{cap} places, all taken · {waiting} on the waitlist")
        }
        (Some(cap), Some((confirmed, _))) => format!("{cap} places, {} left", cap - confirmed),
        (Some(cap), None) => format!("{cap} places"),
    }
}

#[component]
pub fn EventFacts(event: Event, counts: Option<(u32, u32)>) -> Element {
    let a = event.accessibility;
    let access: Vec<&str> = [
        (a.step_free, "Step-free access"),
        (a.induction_loop, "Induction loop"),
        (a.sign_language, "Sign-language interpretation"),
        (a.quiet_room, "Quiet room"),
    ]
    .into_iter()
    .filter_map(|(on, label)| on.then_some(label))
    .collect();
    rsx! {
        dl { class: "facts event-facts",
            dt { "When" }
            dd {
                time { datetime: "{format::input_value(event.starts_at)}", "{format::date_time(event.starts_at)}" }
                " – {format::clock(event.ends_at)}"
            }
            if !event.place.is_empty() {
                dt { "Where" }
                dd { "{event.place}" }
            }
            dt { "Places" }
            dd { "{places(&event, counts)}" }
            if !event.languages.is_empty() {
                dt { "Languages" }
                dd { "{event.languages.join(\", \")}" }
            }
            if !access.is_empty() {
                dt { "Accessibility" }
                dd {
                    ul { class: "tags", aria_label: "Accessibility",
                        for item in access {
                            li { key: "{item}", "{item}" }
                        }
                    }
                }
            }
            if event.needs_approval {
                dt { "Sign-up" }
                dd { "The organiser approves each sign-up." }
            }
        }
    }
}
