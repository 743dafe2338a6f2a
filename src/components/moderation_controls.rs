//! Organisers: hide an idea or a comment with a reason its author will see, or restore it.

use crate::state::{ask, use_commands};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::model::idea::ReportTarget;

#[component]
pub fn ModerationControls(target: ReportTarget, hidden: bool) -> Element {
    let commands = use_commands();
    let i18n = crate::i18n::use_i18n();
    let mut reason = use_signal(String::new);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    // The message key of what was done.
    let mut done = use_signal(|| None::<&'static str>);
    let field = format!("moderate-{}-{}", target.kind(), target.key());

    let mut moderate = move |hide: bool| {
        if busy() {
            return;
        }
        let text = if hide {
            reason().trim().to_owned()
        } else {
            String::new()
        };
        if hide && text.is_empty() {
            done.set(None);
            error.set(Some(t!("moderation-reason-empty")));
            return;
        }
        busy.set(true);
        error.set(None);
        done.set(None);
        spawn(async move {
            let result = ask(commands, |reply| Command::Moderate {
                target,
                hidden: hide,
                reason: text,
                reply,
            })
            .await;
            busy.set(false);
            match result {
                Ok(()) => {
                    reason.set(String::new());
                    done.set(Some(if hide {
                        "moderation-hidden-done"
                    } else {
                        "moderation-restored-done"
                    }));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };

    rsx! {
        div { class: "moderation-controls", "data-testid": "moderation-controls",
            if hidden {
                div { class: "actions",
                    button { class: "button", r#type: "button", disabled: busy(),
                        onclick: move |_| moderate(false),
                        if busy() { {t!("moderation-restoring")} } else { {t!("moderation-restore")} }
                    }
                }
            } else {
                form { novalidate: true,
                    onsubmit: move |evt: FormEvent| { evt.prevent_default(); moderate(true); },
                    label { r#for: "{field}", {t!("moderation-reason-label")} }
                    input {
                        id: "{field}",
                        name: "reason",
                        autocomplete: "off",
                        value: "{reason}",
                        oninput: move |e| reason.set(e.value()),
                    }
                    div { class: "actions",
                        button { class: "button danger", r#type: "submit", disabled: busy(),
                            if busy() { {t!("moderation-hiding")} } else { {t!("moderation-hide")} }
                        }
                    }
                }
            }
            if let Some(key) = done() {
                p { class: "saved", role: "status", {i18n.t(key)} }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
        }
    }
}
