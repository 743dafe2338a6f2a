//! Organisers: one event — edit it, see its roster, check people in at the door.

use dioxus::prelude::*;

#[component]
pub fn OrganiseEvent(id: String) -> Element {
    rsx! { p { "Organiser views are being built: {id}" } }
}
