//! Organisers at the door: someone with no sign-up (or no phone) is let in by name alone,
//! and is checked in at once.

use crate::state::{ask, use_commands};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::ids::EventId;

#[component]
pub fn WalkInForm(event: EventId) -> Element {
    let commands = use_commands();
    let mut name = use_signal(String::new);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let mut added = use_signal(|| None::<String>);

    let submit = move |evt: FormEvent| {
        evt.prevent_default();
        if busy() {
            return;
        }
        let who = name().trim().to_owned();
        if who.is_empty() {
            added.set(None);
            error.set(Some(t!("door-walk-in-missing")));
            return;
        }
        busy.set(true);
        error.set(None);
        added.set(None);
        spawn(async move {
            let shown = who.clone();
            let result = ask(commands, |reply| Command::AddWalkIn {
                event,
                name: who,
                reply,
            })
            .await;
            busy.set(false);
            match result {
                Ok(()) => {
                    name.set(String::new());
                    added.set(Some(shown));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };

    rsx! {
        form { class: "walk-in-form", onsubmit: submit, novalidate: true,
            label { r#for: "walk-in-name-{event}", {t!("door-walk-in-name")} }
            input {
                id: "walk-in-name-{event}",
                name: "name",
                autocomplete: "off",
                value: "{name}",
                oninput: move |e| name.set(e.value()),
            }
            div { class: "actions",
                button { class: "button", r#type: "submit", disabled: busy(),
                    if busy() { {t!("door-walk-in-adding")} } else { {t!("door-walk-in-add")} }
                }
            }
            if let Some(who) = added() {
                p { class: "saved", role: "status", {t!("door-walk-in-added", name: who)} }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
        }
    }
}
