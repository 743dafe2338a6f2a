//! The inbox: what happened to the ideas this member submitted or supports.

use crate::route::Route;
use crate::state::{use_app_state, use_commands};
use crate::sync::Command;
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
        h1 { class: "section-title", "Inbox" }
        if items.is_empty() {
            p { class: "card", "Nothing new yet. When an idea you wrote or support moves on, you will read it here." }
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
            format!("Now: {}.", crate::components::status_word(*to))
        }
        InboxChange::StatusChanged { to, note, .. } => {
            format!("Now: {}. “{note}”", crate::components::status_word(*to))
        }
        InboxChange::MilestoneAdded { title } => format!("New milestone: {title}"),
        InboxChange::Hidden { reason: Some(r) } => format!("Hidden by the organisers: {r}"),
        InboxChange::Hidden { reason: None } => {
            "Hidden for now: several people reported it. The organisers will review it.".into()
        }
        InboxChange::Restored => "Visible again.".into(),
    }
}
