//! Settings: "delete my account", the member's right to erasure. The person chooses what
//! becomes of their published ideas and comments, confirms, and the hub erases the rest;
//! this device then forgets the profile. It needs the hub: nothing is deleted offline.

use crate::state::{ask, use_commands};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::api::Contributions;

const CHOICES: [(Contributions, &str, &str); 2] = [
    (
        Contributions::Remove,
        "delete-account-remove",
        "delete-account-remove-hint",
    ),
    (
        Contributions::Anonymise,
        "delete-account-anonymise",
        "delete-account-anonymise-hint",
    ),
];

#[component]
pub fn DeleteAccountCard() -> Element {
    let commands = use_commands();
    let i18n = crate::i18n::use_i18n();
    let mut keep = use_signal(|| Contributions::Remove);
    let mut confirming = use_signal(|| false);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);

    let delete = move |_| {
        if busy() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn(async move {
            let contributions = keep();
            let result = ask(commands, |reply| Command::DeleteAccount {
                contributions,
                reply,
            })
            .await;
            // On success this profile is gone and the app shows its start screen.
            busy.set(false);
            if let Err(e) = result {
                error.set(Some(e));
            }
        });
    };

    rsx! {
        section { class: "card", aria_labelledby: "delete-account-title", "data-testid": "delete-account",
            h2 { id: "delete-account-title", {t!("delete-account-title")} }
            p { {t!("delete-account-text")} }
            fieldset { class: "sharing-picker",
                legend { {t!("delete-account-ideas")} }
                for (i, (choice, title, hint)) in CHOICES.iter().enumerate() {
                    label { key: "{i}", class: "sharing-option",
                        input {
                            r#type: "radio",
                            name: "delete-account-ideas",
                            checked: keep() == *choice,
                            disabled: busy(),
                            onchange: move |_| keep.set(CHOICES[i].0),
                        }
                        span { class: "sharing-title", {i18n.t(title)} }
                        span { class: "hint", {i18n.t(hint)} }
                    }
                }
            }
            div { class: "actions",
                if confirming() {
                    p { class: "confirm-text", {t!("delete-account-confirm")} }
                    button { class: "button danger", r#type: "button",
                        disabled: busy(), aria_busy: busy(), onclick: delete,
                        if busy() { {t!("delete-account-deleting")} } else { {t!("delete-account-yes")} }
                    }
                    button { class: "button", r#type: "button", disabled: busy(),
                        onclick: move |_| confirming.set(false),
                        {t!("keep-it")}
                    }
                } else {
                    button { class: "button danger", r#type: "button",
                        onclick: move |_| confirming.set(true),
                        {t!("delete-account-button")}
                    }
                }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
        }
    }
}
