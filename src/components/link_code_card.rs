//! Getting a single-use code for this member's account: a link code for another device
//! now, or a recovery code to write down against a forgotten PIN.

use crate::format;
use crate::state::{ask, use_commands};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::time::Timestamp;

#[component]
pub fn LinkCodeCard(
    recovery: bool,
    title: String,
    explanation: String,
    button: String,
    testid: String,
) -> Element {
    let commands = use_commands();
    let mut code = use_signal(|| None::<(String, i64)>);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let heading_id = format!("{testid}-title");
    let make_code = move |_| {
        if busy() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn(async move {
            let result = ask(commands, |reply| Command::CreateLinkCode {
                recovery,
                reply,
            })
            .await;
            busy.set(false);
            match result {
                Ok(c) => code.set(Some(c)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    rsx! {
        section { class: "card", aria_labelledby: "{heading_id}",
            h2 { id: "{heading_id}", "{title}" }
            p { "{explanation}" }
            button { class: "button", onclick: make_code, disabled: busy(),
                if busy() { {t!("code-getting")} } else { "{button}" }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
            if let Some((c, expires)) = code() {
                div { class: "link-code", role: "status",
                    p { {t!("code-yours")} }
                    p { class: "code", "data-testid": "{testid}", "{c}" }
                    p {
                        if recovery {
                            {t!("code-valid-once-until", time: format::date_time(Timestamp(expires)))}
                        } else {
                            {t!("code-valid-until", time: format::clock(Timestamp(expires)))}
                        }
                    }
                }
            }
        }
    }
}
