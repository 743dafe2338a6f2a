//! The diary: write an entry (private unless shared), read, edit, share or delete your
//! own, newest first; the project's open prompts and its safeguarding notice.

use crate::components::{EntryCard, EntryForm};
use crate::state::{use_app_state, use_commands, Visibility};
use crate::sync::Command;
use crate::t;
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
    let lang = crate::i18n::use_i18n().lang().code();
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
        .map(|p| p.text_in(lang).to_owned())
        .collect();
    let removed = t!("prompt-removed");
    let prompt_text = move |id| {
        prompts
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.text_in(lang).to_owned())
            .unwrap_or_else(|| removed.clone())
    };
    rsx! {
        // The notice comes first on screen, but never takes the form away: it may arrive
        // with a sync while someone is already writing.
        if must_read_notice {
            if let Some(n) = notice.clone() {
                section { class: "card notice-card", aria_labelledby: "safeguarding-title",
                    h2 { id: "safeguarding-title", {t!("notice-title")} }
                    p { class: "notice-text", "{n.text}" }
                    p { {t!("notice-private")} }
                    button { class: "button primary",
                        onclick: move |_| commands.send(Command::AcknowledgeSafeguarding),
                        {t!("notice-read")}
                    }
                }
            }
        }
        section { class: "card", aria_labelledby: "new-entry-title",
            h1 { id: "new-entry-title", {t!("diary-title")} }
            if !open.is_empty() {
                div { class: "prompts", aria_label: t!("prompts-label"),
                    p { class: "hint", {t!("prompts-intro")} }
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
                        summary { {t!("notice-again")} }
                        p { class: "notice-text", "{n.text}" }
                    }
                }
            }
        }
        section { aria_labelledby: "entries-title",
            h2 { id: "entries-title", class: "section-title",
                {t!("diary-entries-heading", count: entries.len())}
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
