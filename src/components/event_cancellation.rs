//! Organisers: cancelling an event, after a second tap that says what it means.

use crate::state::{ask, use_commands};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::ids::EventId;

#[component]
pub fn EventCancellation(event: EventId) -> Element {
    let commands = use_commands();
    let mut confirming = use_signal(|| false);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);

    let cancel = move |_| {
        if busy() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn(async move {
            let result = ask(commands, |reply| Command::CancelEvent { id: event, reply }).await;
            busy.set(false);
            confirming.set(false);
            if let Err(e) = result {
                error.set(Some(e));
            }
        });
    };

    rsx! {
        if let Some(e) = error() {
            p { class: "error", role: "alert", "{e}" }
        }
        div { class: "actions",
            if confirming() {
                p { class: "confirm-text", {t!("events-cancel-confirm")} }
                button { class: "button danger", r#type: "button", disabled: busy(), onclick: cancel,
                    if busy() { {t!("events-cancelling")} } else { {t!("events-cancel-yes")} }
                }
                button { class: "button", r#type: "button", disabled: busy(), onclick: move |_| confirming.set(false),
                    {t!("events-keep")}
                }
            } else {
                button { class: "button danger", r#type: "button", onclick: move |_| confirming.set(true),
                    {t!("events-cancel")}
                }
            }
        }
    }
}
