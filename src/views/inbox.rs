//! The inbox: what happened to the ideas this member submitted or supports.

use crate::components::status_word;
use crate::route::Route;
use crate::state::{use_app_state, use_commands};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::derive::ideas::InboxChange;

#[component]
pub fn Inbox() -> Element {
    let state = use_app_state();
    let commands = use_commands();
    // Opening the inbox reads it.
    use_effect(move || {
        if state.read().inbox_unread > 0 {
            commands.send(Command::InboxRead);
        }
    });
    let items = state.read().inbox.clone();
    rsx! {
        h1 { class: "section-title", {t!("inbox-title")} }
        if items.is_empty() {
            p { class: "card", {t!("inbox-empty")} }
        }
        ul { class: "entries", aria_live: "polite",
            for (i, item) in items.into_iter().enumerate() {
                li { key: "{i}",
                    article { class: "card", "data-testid": "inbox-item",
                        h2 {
                            Link { to: Route::IdeaDetail { id: item.idea.to_string() }, "{item.title}" }
                        }
                        p { {describe(&item.what)} }
                    }
                }
            }
        }
    }
}

fn describe(what: &InboxChange) -> String {
    match what {
        InboxChange::StatusChanged { to, note, .. } if note.is_empty() => {
            t!("inbox-now", status: status_word(*to))
        }
        InboxChange::StatusChanged { to, note, .. } => {
            t!("inbox-now-note", status: status_word(*to), note: note.clone())
        }
        InboxChange::MilestoneAdded { title } => t!("inbox-milestone", title: title.clone()),
        InboxChange::Hidden { reason: Some(r) } => {
            t!("inbox-hidden-by-organisers", reason: r.clone())
        }
        InboxChange::Hidden { reason: None } => t!("inbox-hidden-reported"),
        InboxChange::Restored => t!("inbox-restored"),
    }
}
