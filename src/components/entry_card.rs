//! One diary entry in the list: who can read it, and its edit, share and delete actions.

use crate::format;
use crate::state::{ask, use_commands, Visibility};
use crate::sync::Command;
use dioxus::prelude::*;
use kumppani_core::ids::EntryId;
use kumppani_core::model::member::Sharing;
use kumppani_core::model::DiaryEntry;

/// Who can read the entry, in words.
pub fn visibility_words(v: Visibility) -> &'static str {
    match v {
        Visibility::Private => "Private: only on this device",
        Visibility::Shared(Sharing::Named) => "Shared with the project under your name",
        Visibility::Shared(Sharing::Anonymous) => "Shared with the project anonymously",
        Visibility::Account => "In your account on your devices, not shared",
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Asking {
    Nothing,
    Delete,
    Share,
    Unshare,
}

pub const MOOD_WORDS: [&str; 5] = ["Very bad", "Bad", "Okay", "Good", "Very good"];

pub fn mood_word(m: u8) -> &'static str {
    MOOD_WORDS[usize::from(m.clamp(1, 5) - 1)]
}

#[component]
pub fn EntryCard(
    entry: DiaryEntry,
    visibility: Visibility,
    /// The prompt the entry answers, in words, if any.
    prompt: Option<String>,
    on_edit: EventHandler<EntryId>,
) -> Element {
    let commands = use_commands();
    let mut asking = use_signal(|| Asking::Nothing);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let id = entry.id;
    let mut run = move |command: Box<dyn FnOnce(crate::sync::command::Reply<()>) -> Command>| {
        if busy() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn(async move {
            let result = ask(commands, command).await;
            busy.set(false);
            asking.set(Asking::Nothing);
            if let Err(e) = result {
                error.set(Some(e));
            }
        });
    };
    let share = move |sharing: Sharing| {
        Box::new(move |reply: crate::sync::command::Reply<()>| {
            let (tx, rx) = futures::channel::oneshot::channel();
            // The driver answers the shared entry's new id; the card needs only success.
            spawn(async move {
                let r = rx.await.unwrap_or_else(|_| Err("The app stopped.".into()));
                let _ = reply.send(r.map(|_: EntryId| ()));
            });
            Command::ShareEntry {
                id,
                sharing,
                reply: tx,
            }
        }) as Box<dyn FnOnce(crate::sync::command::Reply<()>) -> Command>
    };
    let shared = matches!(visibility, Visibility::Shared(_));
    rsx! {
        article { class: "card entry", "data-testid": "entry",
            header { class: "entry-head",
                time { datetime: "{format::input_value(entry.at)}", "{format::date_time(entry.at)}" }
                span { class: "mood mood-{entry.mood.get()}", "Mood: {mood_word(entry.mood.get())}" }
            }
            p { class: "visibility visibility-{visibility_class(visibility)}", "data-testid": "entry-visibility",
                "{visibility_words(visibility)}"
            }
            if let Some(p) = prompt {
                p { class: "entry-prompt", "Answers: {p}" }
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
                match asking() {
                    Asking::Delete => rsx! {
                        span { "Delete this entry?" }
                        button { class: "button danger", disabled: busy(),
                            onclick: move |_| run(Box::new(move |reply| Command::DeleteEntry { id, reply })),
                            "Yes, delete"
                        }
                        button { class: "button", onclick: move |_| asking.set(Asking::Nothing), "Keep it" }
                    },
                    Asking::Share => rsx! {
                        span { "Share with the project's organisers:" }
                        button { class: "button", disabled: busy(),
                            onclick: move |_| run(share(Sharing::Named)),
                            "Share under my name"
                        }
                        button { class: "button", disabled: busy(),
                            onclick: move |_| run(share(Sharing::Anonymous)),
                            "Share anonymously"
                        }
                        button { class: "button", onclick: move |_| asking.set(Asking::Nothing), "Cancel" }
                    },
                    Asking::Unshare => rsx! {
                        span { "Stop sharing? The organisers will no longer see it; it stays in your private diary." }
                        button { class: "button danger", disabled: busy(),
                            onclick: move |_| run(Box::new(move |reply| {
                                let (tx, rx) = futures::channel::oneshot::channel();
                                spawn(async move {
                                    let r = rx.await.unwrap_or_else(|_| Err("The app stopped.".into()));
                                    let _ = reply.send(r.map(|_: EntryId| ()));
                                });
                                Command::RevokeEntry { id, reply: tx }
                            })),
                            "Yes, stop sharing"
                        }
                        button { class: "button", onclick: move |_| asking.set(Asking::Nothing), "Keep sharing" }
                    },
                    Asking::Nothing => rsx! {
                        button { class: "button", onclick: move |_| on_edit.call(id), "Edit" }
                        if shared {
                            button { class: "button", onclick: move |_| asking.set(Asking::Unshare), "Stop sharing" }
                            if visibility == Visibility::Shared(Sharing::Named) {
                                button { class: "button", disabled: busy(),
                                    title: "Organisers who already read it may have seen your name.",
                                    onclick: move |_| run(share(Sharing::Anonymous)),
                                    "Hide my name"
                                }
                            } else {
                                button { class: "button", disabled: busy(),
                                    onclick: move |_| run(share(Sharing::Named)),
                                    "Show my name"
                                }
                            }
                        } else {
                            button { class: "button", onclick: move |_| asking.set(Asking::Share), "Share…" }
                        }
                        button { class: "button", onclick: move |_| asking.set(Asking::Delete), "Delete" }
                    },
                }
            }
        }
    }
}

fn visibility_class(v: Visibility) -> &'static str {
    match v {
        Visibility::Private => "private",
        Visibility::Shared(_) => "shared",
        Visibility::Account => "account",
    }
}
