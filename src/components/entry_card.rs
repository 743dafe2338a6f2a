//! One diary entry in the list, with its edit and delete actions.

use crate::format;
use crate::state::{ask, use_commands};
use crate::sync::Command;
use dioxus::prelude::*;
use kumppani_core::ids::EntryId;
use kumppani_core::model::DiaryEntry;

pub const MOOD_WORDS: [&str; 5] = ["Very bad", "Bad", "Okay", "Good", "Very good"];

pub fn mood_word(m: u8) -> &'static str {
    MOOD_WORDS[usize::from(m.clamp(1, 5) - 1)]
}

#[component]
pub fn EntryCard(entry: DiaryEntry, on_edit: EventHandler<EntryId>) -> Element {
    let commands = use_commands();
    let mut confirming = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let id = entry.id;
    let delete = move |_| {
        spawn(async move {
            let result = ask(commands, |reply| Command::DeleteEntry { id, reply }).await;
            if let Err(e) = result {
                error.set(Some(e));
                confirming.set(false);
            }
        });
    };
    rsx! {
        article { class: "card entry", "data-testid": "entry",
            header { class: "entry-head",
                time { datetime: "{format::input_value(entry.at)}", "{format::date_time(entry.at)}" }
                span { class: "mood mood-{entry.mood.get()}", "Mood: {mood_word(entry.mood.get())}" }
            }
            p { class: "entry-text", "{entry.text}" }
            if !entry.tags.is_empty() {
                ul { class: "tags", aria_label: "Tags",
                    for tag in entry.tags.iter() {
                        li { key: "{tag}", "{tag}" }
                    }
                }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
            div { class: "actions",
                if confirming() {
                    span { "Delete this entry?" }
                    button { class: "button danger", onclick: delete, "Yes, delete" }
                    button { class: "button", onclick: move |_| confirming.set(false), "Keep it" }
                } else {
                    button { class: "button", onclick: move |_| on_edit.call(id), "Edit" }
                    button { class: "button", onclick: move |_| confirming.set(true), "Delete" }
                }
            }
        }
    }
}
