//! The frame around every view: the project's name, the status line and the navigation.

use crate::components::{LockScreen, NavBar, SyncStatusLine};
use crate::route::Route;
use crate::state::{use_app_state, Phase};
use crate::sync::Command;
use dioxus::prelude::*;

#[component]
pub fn Shell() -> Element {
    let state = use_app_state();
    let commands = crate::state::use_commands();
    let route = use_route::<Route>();
    let nav = use_navigator();
    // With no profile left on the device (the last one was removed), joining is all
    // there is to do, whatever page was open.
    use_effect(move || {
        if state.read().phase == Phase::NeedsJoin
            && !matches!(
                router().current::<Route>(),
                Route::Join { .. } | Route::Home {}
            )
        {
            nav.replace(Route::Join {
                code: String::new(),
            });
        }
    });
    let st = state.read();
    let name = st.profile.as_ref().map(|p| p.display_name.clone());
    let project = st.profile.as_ref().map(|p| p.project_name.clone());
    let ready = st.phase == Phase::Ready;
    let unread = st.inbox_unread;
    rsx! {
        a { class: "skip-link", href: "#content", "Skip to content" }
        header { class: "app-header",
            p { class: "app-name", "Kumppani" }
            if let Some(project) = project {
                p { class: "project-name", "{project}" }
            }
            if ready {
                SyncStatusLine {}
                nav { class: "header-links", aria_label: "Account",
                    Link { to: Route::Inbox {}, active_class: "active",
                        if unread > 0 { "Inbox ({unread} new)" } else { "Inbox" }
                    }
                    Link { to: Route::Settings {}, active_class: "active", "Settings" }
                    button { class: "link-button", r#type: "button",
                        aria_label: "Lock (switch profile)",
                        onclick: move |_| commands.send(Command::Lock),
                        if let Some(n) = name { "{n} · Lock" } else { "Lock" }
                    }
                }
            }
        }
        if let Some(problem) = st.problem.clone() {
            div { class: "problem", role: "alert", "{problem}" }
        }
        if let Some(skew) = st.clock_skew_ms {
            div { class: "notice", role: "note",
                "This device's clock is about {crate::components::skew_words(skew)} off. Entry dates come from this clock, so they may look wrong."
            }
        }
        main { id: "content", tabindex: "-1",
            match st.phase.clone() {
                Phase::Loading => rsx! { p { class: "loading", role: "status", "Opening your diary…" } },
                Phase::StorageFailed(message) => rsx! {
                    div { class: "problem", role: "alert",
                        h1 { "Kumppani cannot save on this device" }
                        p { "{message}" }
                    }
                },
                Phase::Locked if !matches!(route, Route::Join { .. }) => rsx! { LockScreen {} },
                _ => rsx! { Outlet::<Route> {} },
            }
        }
        if ready {
            NavBar {}
        }
    }
}
