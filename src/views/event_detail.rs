//! Residents: one event, where their sign-up stands and why, and their ticket.

use dioxus::prelude::*;

#[component]
pub fn EventDetail(id: String) -> Element {
    rsx! { p { "Event {id}" } }
}
