//! The start address: sends a person to their diary, or to joining when new.

use crate::route::Route;
use crate::state::{use_app_state, Phase};
use crate::t;
use dioxus::prelude::*;

#[component]
pub fn Home() -> Element {
    let state = use_app_state();
    let nav = use_navigator();
    let phase = state.read().phase.clone();
    use_effect(move || match state.read().phase {
        Phase::Ready => {
            nav.replace(Route::Diary {});
        }
        Phase::NeedsJoin => {
            nav.replace(Route::Join {
                code: String::new(),
            });
        }
        _ => {}
    });
    rsx! {
        if phase == Phase::Loading {
            p { role: "status", {t!("loading")} }
        }
    }
}
