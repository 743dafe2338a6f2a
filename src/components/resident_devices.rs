//! Organisers: a resident's devices, to remove one the person lost (a phone left on a bus,
//! a tablet gone from a unit). The hub refuses anyone else, and logs who removed what.

use super::DeviceList;
use crate::state::{ask, use_commands};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::api::{MemberInfo, Role};
use kumppani_core::ids::MemberId;

#[component]
pub fn ResidentDevices() -> Element {
    let commands = use_commands();
    let i18n = crate::i18n::use_i18n();
    let mut residents = use_signal(|| None::<Vec<MemberInfo>>);
    let mut loading = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let mut chosen = use_signal(|| None::<MemberId>);

    let find = move |_| {
        if loading() {
            return;
        }
        loading.set(true);
        error.set(None);
        spawn(async move {
            let result = ask(commands, |reply| Command::ListMembers { reply }).await;
            loading.set(false);
            match result {
                Ok(list) => residents.set(Some(
                    list.into_iter()
                        .filter(|m| m.role == Role::Resident)
                        .collect(),
                )),
                Err(e) => error.set(Some(
                    i18n.t_args("resident-devices-find-failed", &[("reason", e.into())]),
                )),
            }
        });
    };

    rsx! {
        section { class: "card", aria_labelledby: "resident-devices-title",
            h2 { id: "resident-devices-title", {t!("resident-devices-title")} }
            p { {t!("resident-devices-text")} }
            p { class: "hint", {t!("devices-network")} }
            if let Some(list) = residents() {
                label { r#for: "resident-devices-member", {t!("resident-devices-choose")} }
                select { id: "resident-devices-member",
                    onchange: move |e| chosen.set(e.value().parse().ok()),
                    option { value: "", "—" }
                    for m in list {
                        option { key: "{m.member_id}", value: "{m.member_id}", "{m.display_name}" }
                    }
                }
            } else {
                button { class: "button", r#type: "button", disabled: loading(), aria_busy: loading(),
                    onclick: find,
                    if loading() { {t!("resident-devices-finding")} } else { {t!("resident-devices-find")} }
                }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
            if let Some(member) = chosen() {
                DeviceList { key: "{member}", member }
            }
        }
    }
}
