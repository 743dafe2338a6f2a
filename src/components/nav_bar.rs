//! The bottom navigation, large enough for a thumb.

use crate::route::Route;
use crate::state::use_app_state;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::api::Role;

#[component]
pub fn NavBar() -> Element {
    let state = use_app_state();
    let organiser = state
        .read()
        .profile
        .as_ref()
        .is_some_and(|p| p.role == Role::Organiser);
    rsx! {
        nav { class: "nav-bar", aria_label: t!("nav-main"),
            Link { to: Route::Diary {}, active_class: "active", {t!("nav-diary")} }
            Link { to: Route::Events {}, active_class: "active", {t!("nav-events")} }
            Link { to: Route::Ideas {}, active_class: "active", {t!("nav-ideas")} }
            if organiser {
                Link { to: Route::Organise {}, active_class: "active", {t!("nav-organise")} }
            }
        }
    }
}
