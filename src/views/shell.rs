//! The frame around every view: the project's name, the status line and the navigation.

use crate::components::{LockScreen, NavBar, SyncStatusLine};
use crate::route::Route;
use crate::state::{use_app_state, Phase};
use crate::sync::Command;
use crate::t;
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
        a { class: "skip-link", href: "#content", {t!("skip-to-content")} }
        header { class: "app-header",
            p { class: "app-name", "Kumppani" }
            if let Some(project) = project {
                p { class: "project-name", "{project}" }
            }
            if ready {
                SyncStatusLine {}
                nav { class: "header-links", aria_label: t!("nav-account"),
                    Link { to: Route::Inbox {}, active_class: "active",
                        if unread > 0 { {t!("nav-inbox-unread", count: unread)} } else { {t!("nav-inbox")} }
                    }
                    Link { to: Route::Settings {}, active_class: "active", {t!("nav-settings")} }
                    button { class: "link-button", r#type: "button",
                        aria_label: t!("lock-button-label"),
                        onclick: move |_| commands.send(Command::Lock),
                        {t!("lock-button", name: name.unwrap_or_default())}
                    }
                }
            }
        }
        // Screen readers hear new inbox items when they arrive, wherever the person is.
        p { class: "visually-hidden", role: "status", aria_live: "polite", "data-testid": "inbox-announcement",
            if ready && unread > 0 { {t!("inbox-announce", count: unread)} }
        }
        if let Some(problem) = st.problem.clone() {
            div { class: "problem", role: "alert", "{problem}" }
        }
        if let Some(skew) = st.clock_skew_ms {
            div { class: "notice", role: "note",
                {t!("clock-skew", amount: crate::components::skew_words(skew))}
            }
        }
        main { id: "content", tabindex: "-1",
            match st.phase.clone() {
                Phase::Loading => rsx! { p { class: "loading", role: "status", {t!("loading")} } },
                Phase::StorageFailed(message) => rsx! {
                    div { class: "problem", role: "alert",
                        h1 { {t!("storage-failed-title")} }
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
