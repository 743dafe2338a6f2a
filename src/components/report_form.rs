//! Reporting an idea or a comment to the organisers, with a reason.

use crate::state::{ask, use_commands};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::model::idea::ReportTarget;

/// `label` is the report button's accessible name ("Report comment"), in the page's language.
#[component]
pub fn ReportForm(target: ReportTarget, reported: bool, label: String) -> Element {
    let commands = use_commands();
    let mut open = use_signal(|| false);
    let mut reason = use_signal(String::new);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let key = target.key();
    if reported {
        return rsx! { p { class: "muted", {t!("idea-reported")} } };
    }
    let send = move |evt: FormEvent| {
        evt.prevent_default();
        if busy() {
            return;
        }
        busy.set(true);
        error.set(None);
        let r = reason();
        spawn(async move {
            let result = ask(commands, |reply| Command::Report {
                target,
                reason: r,
                reply,
            })
            .await;
            busy.set(false);
            match result {
                Ok(()) => open.set(false),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    rsx! {
        if open() {
            form { class: "report-form", onsubmit: send, novalidate: true,
                label { r#for: "report-{key}", {t!("idea-report-why")} }
                input {
                    id: "report-{key}",
                    value: "{reason}",
                    oninput: move |e| reason.set(e.value()),
                }
                if let Some(e) = error() {
                    p { class: "error", role: "alert", "{e}" }
                }
                div { class: "actions",
                    button { class: "button danger", r#type: "submit", disabled: busy(), {t!("idea-report-send")} }
                    button { class: "button", r#type: "button", onclick: move |_| open.set(false), {t!("idea-report-never-mind")} }
                }
            }
        } else {
            button { class: "button link-button", aria_label: "{label}", onclick: move |_| open.set(true), {t!("idea-report")} }
        }
    }
}
