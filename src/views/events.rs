//! Residents: upcoming events, signing up and cancelling with one tap.

use dioxus::prelude::*;

#[component]
pub fn Events() -> Element {
    rsx! { p { "Events are being built." } }
}
