//! The bottom navigation, large enough for a thumb.

use crate::route::Route;
use dioxus::prelude::*;

#[component]
pub fn NavBar() -> Element {
    rsx! {
        nav { class: "nav-bar", aria_label: "Main",
            Link { to: Route::Diary {}, active_class: "active", "Diary" }
            Link { to: Route::Settings {}, active_class: "active", "Settings" }
        }
    }
}
