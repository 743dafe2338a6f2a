//! Organisers: the project's events, and a form for a new one.

use dioxus::prelude::*;

#[component]
pub fn Organise() -> Element {
    rsx! { p { "Organiser views are being built." } }
}
