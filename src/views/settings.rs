//! Settings: who this device is, linking another device, this member's devices, and the
//! sync details.

use crate::components::{DeviceList, LinkCodeCard, SyncStatusLine};
use crate::state::{use_app_state, use_commands};
use crate::sync::Command;
use dioxus::prelude::*;
use kumppani_core::api::Role;

#[component]
pub fn Settings() -> Element {
    let state = use_app_state();
    let commands = use_commands();
    let profile = state.read().profile.clone();

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
        section { class: "card",
            crate::components::LanguagePicker {}
        }
        LinkCodeCard {
            recovery: false,
            title: "Link another device",
            explanation: "Use your account on a second phone or computer. Get a code here, then type it on the other device under “Have a code from another device or an organiser?”. The code works once, for 10 minutes. Private entries stay on the device they were written on; shared entries, sign-ups and ideas come along.",
            button: "Link another device",
            testid: "link-code",
        }
        DeviceList {}
        LinkCodeCard {
            recovery: true,
            title: "Recovery code",
            explanation: "No other device? Write this code down and keep it safe. If you forget your PIN, remove the profile on the lock screen and add it again with this code: shared entries, sign-ups and ideas come back; private entries cannot. Anyone with the code can open your account, so keep it to yourself.",
            button: "Get a recovery code",
            testid: "recovery-code",
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
