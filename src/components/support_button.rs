//! One tap to support an idea, or take the support back.

use crate::state::{ask, use_commands};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::ids::IdeaId;

#[component]
pub fn SupportButton(idea: IdeaId, supported: bool, title: String) -> Element {
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
            let result = ask(commands, |reply| Command::SetSupport {
                idea,
                support: !supported,
                reply,
            })
            .await;
            busy.set(false);
            if let Err(e) = result {
                error.set(Some(e));
            }
        });
    };
    rsx! {
        button {
            class: if supported { "button" } else { "button primary" },
            aria_pressed: "{supported}",
            aria_label: t!("idea-support-label", title: title.clone()),
            disabled: busy(),
            onclick: toggle,
            if supported { {t!("idea-supported")} } else { {t!("idea-support")} }
        }
        if let Some(e) = error() {
            p { class: "error", role: "alert", "{e}" }
        }
    }
}
