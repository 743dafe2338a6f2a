//! Settings: who this device is, linking another device, this member's devices, the sync
//! details, downloading one's own data, and deleting the account.

use crate::components::{
    DeleteAccountCard, DeviceList, LinkCodeCard, PersonalDataCard, SyncStatusLine,
};
use crate::state::{use_app_state, use_commands};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::api::Role;

#[component]
pub fn Settings() -> Element {
    let state = use_app_state();
    let commands = use_commands();
    let profile = state.read().profile.clone();

    rsx! {
        section { class: "card",
            h1 { {t!("settings-title")} }
            if let Some(p) = profile {
                dl { class: "facts",
                    dt { {t!("settings-name")} }
                    dd { "{p.display_name}" }
                    dt { {t!("settings-project")} }
                    dd { "{p.project_name}" }
                    dt { {t!("settings-role")} }
                    dd { if p.role == Role::Organiser { {t!("settings-organiser")} } else { {t!("settings-resident")} } }
                    dt { {t!("settings-hub")} }
                    dd { "{p.hub_url}" }
                }
            }
        }
        section { class: "card",
            crate::components::LanguagePicker {}
        }
        LinkCodeCard {
            recovery: false,
            title: t!("settings-link-title"),
            explanation: t!("settings-link-text"),
            button: t!("settings-link-button"),
            testid: "link-code",
        }
        DeviceList {}
        LinkCodeCard {
            recovery: true,
            title: t!("settings-recovery-title"),
            explanation: t!("settings-recovery-text"),
            button: t!("settings-recovery-button"),
            testid: "recovery-code",
        }
        section { class: "card", aria_labelledby: "sync-title",
            h2 { id: "sync-title", {t!("settings-sync-title")} }
            SyncStatusLine {}
            p { {t!("settings-sync-text")} }
            button {
                class: "button",
                onclick: move |_| commands.send(Command::RetryNow),
                {t!("settings-sync-now")}
            }
        }
        PersonalDataCard {}
        DeleteAccountCard {}
    }
}
