//! One tap to sign up or cancel, offline or online.

use crate::state::{ask, use_commands};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::ids::EventId;

#[component]
pub fn SignupButton(event: EventId, active: bool, title: String) -> Element {
    let commands = use_commands();
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let toggle = move |_| {
        if busy() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn(async move {
            let result = if active {
                ask(commands, |reply| Command::CancelSignup { event, reply }).await
            } else {
                ask(commands, |reply| Command::RequestSignup { event, reply }).await
            };
            busy.set(false);
            if let Err(e) = result {
                error.set(Some(e));
            }
        });
    };
    rsx! {
        button {
            class: if active { "button" } else { "button primary" },
            aria_label: if active { t!("signup-cancel-label", title: title.clone()) } else { t!("signup-button-label", title: title.clone()) },
            disabled: busy(),
            onclick: toggle,
            if busy() { {t!("signup-saving")} } else if active { {t!("signup-cancel")} } else { {t!("signup-button")} }
        }
        if let Some(e) = error() {
            p { class: "error", role: "alert", "{e}" }
        }
    }
}
