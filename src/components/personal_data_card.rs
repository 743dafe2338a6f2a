//! Settings: "download my data", the member's right of access. The driver gathers what
//! this device holds (core's `export`); the browser saves it as a JSON file.

use crate::download::save_file;
use crate::state::{ask, use_commands};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;

pub const FILE_NAME: &str = "kumppani-my-data.json";

#[component]
pub fn PersonalDataCard() -> Element {
    let commands = use_commands();
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);

    let download = move |_| {
        if busy() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn(async move {
            let result = match ask(commands, |reply| Command::PersonalData { reply }).await {
                Ok(json) => save_file(FILE_NAME, &json, "application/json").await,
                Err(e) => Err(e),
            };
            busy.set(false);
            if let Err(e) = result {
                error.set(Some(e));
            }
        });
    };

    rsx! {
        section { class: "card", aria_labelledby: "my-data-title",
            h2 { id: "my-data-title", {t!("settings-data-title")} }
            p { {t!("settings-data-text")} }
            div { class: "actions",
                button { class: "button", r#type: "button", disabled: busy(), onclick: download,
                    if busy() { {t!("settings-data-preparing")} } else { {t!("settings-data-button")} }
                }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
        }
    }
}
