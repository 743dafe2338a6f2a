//! The diary: write an entry (private unless shared), read, edit, share or delete your
//! own, newest first; the project's open prompts and its safeguarding notice.

use crate::components::{EntryCard, EntryForm};
use crate::state::{use_app_state, use_commands, Visibility};
use crate::sync::Command;
use dioxus::prelude::*;
use kumppani_core::ids::EntryId;
use kumppani_core::time::Timestamp;

fn now() -> Timestamp {
    Timestamp::from_utc(chrono::Utc::now())
}

#[component]
pub fn Diary() -> Element {
    let state = use_app_state();
    let commands = use_commands();
    let mut editing = use_signal(|| None::<EntryId>);
    let st = state.read();
    let entries = st.entries.clone();
    let visibility = st.visibility.clone();
    let prompts = st.prompts.clone();
    let notice = st.safeguarding.clone();
    // The notice comes before the first entry, and again whenever organisers change it
    // (compared for equality: the organiser's clock may be behind the reader's).
    let must_read_notice = notice
        .as_ref()
        .is_some_and(|n| st.safeguarding_seen != Some(n.updated_at));
    drop(st);
    let at_now = now();
    let open: Vec<String> = prompts
        .iter()
        .filter(|p| p.is_open(at_now))
        .map(|p| p.text.clone())
        .collect();
    let prompt_text = move |id| {
        prompts
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.text.clone())
            .unwrap_or_else(|| "a question the project has removed".into())
    };
    rsx! {
        // The notice comes first on screen, but never takes the form away: it may arrive
        // with a sync while someone is already writing.
        if must_read_notice {
            if let Some(n) = notice.clone() {
                section { class: "card notice-card", aria_labelledby: "safeguarding-title",
                    h2 { id: "safeguarding-title", "Before you write: who reads shared entries" }
                    p { class: "notice-text", "{n.text}" }
                    p { "Entries you keep private stay on this device, locked with your PIN. Nobody else can read them." }
                    button { class: "button primary",
                        onclick: move |_| commands.send(Command::AcknowledgeSafeguarding),
                        "I have read this"
                    }
                }
            }
        }
        section { class: "card", aria_labelledby: "new-entry-title",
            h1 { id: "new-entry-title", "Diary" }
            if !open.is_empty() {
                div { class: "prompts", aria_label: "Questions from the project",
                    p { class: "hint", "The project asks (you can answer one in your entry):" }
                    ul {
                        for text in open {
                            li { key: "{text}", class: "prompt", "{text}" }
                        }
                    }
                }
            }
            EntryForm { key: "new", existing: None, on_done: move |_| {} }
            if !must_read_notice {
                if let Some(n) = notice.clone() {
                    details { class: "safeguarding",
                        summary { "Who reads shared entries?" }
                        p { class: "notice-text", "{n.text}" }
                    }
                }
            }
        }
        section { aria_labelledby: "entries-title",
            h2 { id: "entries-title", class: "section-title",
                if entries.is_empty() { "No entries yet" } else { "Your entries ({entries.len()})" }
            }
            ul { class: "entries",
                for entry in entries {
                    li { key: "{entry.id}",
                        if editing() == Some(entry.id) {
                            div { class: "card",
                                EntryForm {
                                    key: "{entry.id}",
                                    existing: Some(entry.clone()),
                                    on_done: move |_| editing.set(None),
                                }
                            }
                        } else {
                            EntryCard {
                                entry: entry.clone(),
                                visibility: visibility.get(&entry.id).copied().unwrap_or(Visibility::Private),
                                prompt: entry.prompt.map(&prompt_text),
                                on_edit: move |id| editing.set(Some(id)),
                            }
                        }
                    }
                }
            }
        }
    }
}
