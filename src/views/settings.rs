//! Settings: who this device is, linking another device, and the sync details.

use crate::components::SyncStatusLine;
use crate::format;
use crate::state::{ask, use_app_state, use_commands};
use crate::sync::Command;
use dioxus::prelude::*;
use kumppani_core::api::Role;
use kumppani_core::time::Timestamp;

#[component]
pub fn Settings() -> Element {
    let state = use_app_state();
    let commands = use_commands();
    let mut link = use_signal(|| None::<(String, i64)>);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let profile = state.read().profile.clone();

    let make_code = move |_| {
        if busy() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn(async move {
            let result = ask(commands, |reply| Command::CreateLinkCode { reply }).await;
            busy.set(false);
            match result {
                Ok(code) => link.set(Some(code)),
                Err(e) => error.set(Some(e)),
            }
        });
    };

    rsx! {
        section { class: "card",
            h1 { "Settings" }
            if let Some(p) = profile {
                dl { class: "facts",
                    dt { "Name" }
                    dd { "{p.display_name}" }
                    dt { "Project" }
                    dd { "{p.project_name}" }
                    dt { "Role" }
                    dd { if p.role == Role::Organiser { "Organiser" } else { "Resident" } }
                    dt { "Hub" }
                    dd { "{p.hub_url}" }
                }
            }
        }
        section { class: "card", aria_labelledby: "link-title",
            h2 { id: "link-title", "Link another device" }
            p { "Use your diary on a second phone or computer. Get a code here, then type it on the other device under “Have a code from another device or an organiser?”. Private entries stay on the device they were written on; shared entries, sign-ups and ideas come along. The code works once, for 10 minutes." }
            button { class: "button primary", onclick: make_code, disabled: busy(),
                if busy() { "Getting a code…" } else { "Link another device" }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
            if let Some((code, expires)) = link() {
                div { class: "link-code", role: "status",
                    p { "Your link code:" }
                    p { class: "code", "data-testid": "link-code", "{code}" }
                    p { "Valid until {format::clock(Timestamp(expires))}." }
                }
            }
        }
        section { class: "card", aria_labelledby: "sync-title",
            h2 { id: "sync-title", "Sync" }
            SyncStatusLine {}
            p { "Your entries are saved on this device first. They go to the project's hub whenever there is a network." }
            button {
                class: "button",
                onclick: move |_| commands.send(Command::RetryNow),
                "Sync now"
            }
        }
    }
}
