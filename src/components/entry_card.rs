//! One diary entry in the list: who can read it, and its edit, share and delete actions.

use crate::format;
use crate::state::{ask, use_commands, Visibility};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::ids::EntryId;
use kumppani_core::model::member::Sharing;
use kumppani_core::model::DiaryEntry;

/// Who can read the entry, in words.
pub fn visibility_words(v: Visibility) -> String {
    match v {
        Visibility::Private => t!("visibility-private"),
        Visibility::Shared(Sharing::Named) => t!("visibility-named"),
        Visibility::Shared(Sharing::Anonymous) => t!("visibility-anonymous"),
        Visibility::Account => t!("visibility-account"),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Asking {
    Nothing,
    Delete,
    Share,
    Unshare,
}

/// The moods' message keys, 1 to 5.
pub const MOOD_KEYS: [&str; 5] = ["mood-1", "mood-2", "mood-3", "mood-4", "mood-5"];

#[component]
pub fn EntryCard(
    entry: DiaryEntry,
    visibility: Visibility,
    /// The prompt the entry answers, in words, if any.
    prompt: Option<String>,
    on_edit: EventHandler<EntryId>,
) -> Element {
    let commands = use_commands();
    let i18n = crate::i18n::use_i18n();
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
                span { class: "mood mood-{entry.mood.get()}",
                    {t!("entry-mood-shown", word: i18n.t(MOOD_KEYS[usize::from(entry.mood.get().clamp(1, 5) - 1)]))}
                }
            }
            p { class: "visibility visibility-{visibility_class(visibility)}", "data-testid": "entry-visibility",
                "{visibility_words(visibility)}"
            }
            if let Some(p) = prompt {
                p { class: "entry-prompt", {t!("entry-answers", prompt: p)} }
            }
            p { class: "entry-text", "{entry.text}" }
            if !entry.tags.is_empty() {
                ul { class: "tags", aria_label: t!("entry-tags-list"),
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
                        span { {t!("entry-delete-confirm")} }
                        button { class: "button danger", disabled: busy(),
                            onclick: move |_| run(Box::new(move |reply| Command::DeleteEntry { id, reply })),
                            {t!("entry-delete-yes")}
                        }
                        button { class: "button", onclick: move |_| asking.set(Asking::Nothing), {t!("keep-it")} }
                    },
                    Asking::Share => rsx! {
                        span { {t!("entry-share-to")} }
                        button { class: "button", disabled: busy(),
                            onclick: move |_| run(share(Sharing::Named)),
                            {t!("entry-share-named")}
                        }
                        button { class: "button", disabled: busy(),
                            onclick: move |_| run(share(Sharing::Anonymous)),
                            {t!("entry-share-anonymous")}
                        }
                        button { class: "button", onclick: move |_| asking.set(Asking::Nothing), {t!("cancel")} }
                    },
                    Asking::Unshare => rsx! {
                        span { {t!("entry-unshare-confirm")} }
                        button { class: "button danger", disabled: busy(),
                            onclick: move |_| run(Box::new(move |reply| {
                                let (tx, rx) = futures::channel::oneshot::channel();
                                spawn(async move {
                                    let r = rx.await.unwrap_or_else(|_| Err("The app stopped.".into()));
                                    let _ = reply.send(r.map(|_: EntryId| ()));
                                });
                                Command::RevokeEntry { id, reply: tx }
                            })),
                            {t!("entry-unshare-yes")}
                        }
                        button { class: "button", onclick: move |_| asking.set(Asking::Nothing), {t!("entry-keep-sharing")} }
                    },
                    Asking::Nothing => rsx! {
                        button { class: "button", onclick: move |_| on_edit.call(id), {t!("entry-edit")} }
                        if shared {
                            button { class: "button", onclick: move |_| asking.set(Asking::Unshare), {t!("entry-stop-sharing")} }
                            if visibility == Visibility::Shared(Sharing::Named) {
                                button { class: "button", disabled: busy(),
                                    title: t!("entry-hide-name-hint"),
                                    onclick: move |_| run(share(Sharing::Anonymous)),
                                    {t!("entry-hide-name")}
                                }
                            } else {
                                button { class: "button", disabled: busy(),
                                    onclick: move |_| run(share(Sharing::Named)),
                                    {t!("entry-show-name")}
                                }
                            }
                        } else {
                            button { class: "button", onclick: move |_| asking.set(Asking::Share), {t!("entry-share")} }
                        }
                        button { class: "button", onclick: move |_| asking.set(Asking::Delete), {t!("entry-delete")} }
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
