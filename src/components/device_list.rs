//! A member's devices, from the hub: each one's name and when it was added, and a way to
//! remove one (it stops syncing at once). The person's own, in Settings; or, for an
//! organiser, a resident's (`member`), inside [`super::ResidentDevices`].

use crate::format;
use crate::state::{ask, use_commands};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::api::DeviceInfo;
use kumppani_core::ids::{DeviceId, MemberId};
use kumppani_core::time::Timestamp;

#[component]
pub fn DeviceList(member: Option<MemberId>) -> Element {
    let commands = use_commands();
    let i18n = crate::i18n::use_i18n();
    let mut devices = use_signal(|| None::<Vec<DeviceInfo>>);
    let mut loading = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let mut confirming = use_signal(|| None::<DeviceId>);
    let mut removing = use_signal(|| false);
    let mut removed = use_signal(|| None::<String>);

    let load = move |_| {
        if loading() {
            return;
        }
        loading.set(true);
        error.set(None);
        removed.set(None);
        spawn(async move {
            let result = ask(commands, |reply| Command::ListDevices { member, reply }).await;
            loading.set(false);
            match result {
                Ok(list) => devices.set(Some(list)),
                Err(e) => error.set(Some(i18n.t_args(
                    if member.is_some() {
                        "resident-devices-load-failed"
                    } else {
                        "devices-load-failed"
                    },
                    &[("reason", e.into())],
                ))),
            }
        });
    };

    let mut remove = move |device: DeviceId, name: String| {
        if removing() {
            return;
        }
        removing.set(true);
        error.set(None);
        removed.set(None);
        spawn(async move {
            let result = ask(commands, |reply| Command::RemoveDevice {
                member,
                device,
                reply,
            })
            .await;
            if let Err(e) = result {
                removing.set(false);
                error.set(Some(i18n.t_args(
                    "devices-remove-failed",
                    &[("name", name.into()), ("reason", e.into())],
                )));
                return;
            }
            // The hub's list is the truth; if it cannot be fetched now, drop the device here.
            match ask(commands, |reply| Command::ListDevices { member, reply }).await {
                Ok(list) => devices.set(Some(list)),
                Err(_) => {
                    if let Some(list) = devices.write().as_mut() {
                        list.retain(|d| d.device_id != device);
                    }
                }
            }
            removing.set(false);
            confirming.set(None);
            removed.set(Some(
                i18n.t_args("devices-removed", &[("name", name.into())]),
            ));
        });
    };

    let list = devices();
    let (show, showing) = if member.is_some() {
        ("resident-devices-show", "resident-devices-loading")
    } else {
        ("devices-show", "devices-loading")
    };
    // Inside `ResidentDevices`, whose section holds the title and the text.
    let (class, labelled_by) = match member {
        None => ("card", Some("devices-title")),
        Some(_) => ("", None),
    };
    rsx! {
        section { class, aria_labelledby: labelled_by,
            if member.is_none() {
                h2 { id: "devices-title", {t!("devices-title")} }
                p { {t!("devices-text")} }
                p { class: "hint", {t!("devices-network")} }
            }
            button { class: "button", r#type: "button", disabled: loading(), aria_busy: loading(),
                onclick: load,
                if loading() { {i18n.t(showing)} } else { {i18n.t(show)} }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
            if let Some(r) = removed() {
                p { role: "status", "{r}" }
            }
            if let Some(list) = list {
                p { role: "status",
                    if member.is_some() {
                        {t!("resident-devices-count", count: list.len())}
                    } else {
                        {t!("devices-count", count: list.len())}
                    }
                }
                ul { class: "roster", aria_label: t!("devices-title"), "data-testid": "device-list",
                    for d in list {
                        li { key: "{d.device_id}", class: "roster-row", "data-testid": "device",
                            span { class: "roster-name",
                                "{d.name}"
                                if d.this_device { " " {t!("devices-this")} }
                            }
                            span { class: "roster-decided",
                                {t!("devices-added", time: format::date_time(Timestamp(d.created_at)))}
                            }
                            if !d.this_device {
                                div { class: "actions",
                                    if confirming() == Some(d.device_id) {
                                        p { class: "confirm-text",
                                            {t!("devices-remove-confirm", name: d.name.clone())}
                                        }
                                        button { class: "button danger", r#type: "button",
                                            disabled: removing(), aria_busy: removing(),
                                            onclick: {
                                                let (id, name) = (d.device_id, d.name.clone());
                                                move |_| remove(id, name.clone())
                                            },
                                            if removing() { {t!("devices-removing")} } else { {t!("devices-remove-yes")} }
                                        }
                                        button { class: "button", r#type: "button", disabled: removing(),
                                            onclick: move |_| confirming.set(None),
                                            {t!("keep-it")}
                                        }
                                    } else {
                                        button { class: "button danger", r#type: "button",
                                            aria_label: t!("devices-remove-label", name: d.name.clone()),
                                            disabled: removing(),
                                            onclick: {
                                                let id = d.device_id;
                                                move |_| confirming.set(Some(id))
                                            },
                                            {t!("devices-remove")}
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
