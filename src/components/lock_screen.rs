//! The lock screen of a shared device: pick your profile, type its PIN; or add a profile.
//! A forgotten PIN can only be answered by forgetting the profile on this device.

use crate::format;
use crate::route::Route;
use crate::state::{ask, use_app_state, use_commands, ProfileCard};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::ids::ProfileId;

#[component]
pub fn LockScreen() -> Element {
    let state = use_app_state();
    let profiles = state.read().profiles.clone();
    let mut chosen = use_signal(|| None::<ProfileId>);
    // With one profile there is nothing to choose.
    let only = (profiles.len() == 1).then(|| profiles[0].id);
    let open = chosen().or(only);
    rsx! {
        section { class: "card", aria_labelledby: "lock-title",
            h1 { id: "lock-title", {t!("lock-title")} }
            p { {t!("lock-intro")} }
            ul { class: "profiles",
                for p in profiles.clone() {
                    li { key: "{p.id}",
                        if open == Some(p.id) {
                            UnlockForm { key: "{p.id}", profile: p.clone() }
                        } else {
                            button {
                                class: "button profile-button",
                                onclick: move |_| chosen.set(Some(p.id)),
                                "{p.name}"
                                span { class: "hint", " · {p.project_name}" }
                            }
                        }
                    }
                }
            }
            Link { class: "button", to: Route::Join { code: String::new() }, {t!("lock-add")} }
            crate::components::LanguagePicker {}
        }
    }
}

#[component]
fn UnlockForm(profile: ProfileCard) -> Element {
    let commands = use_commands();
    let mut pin = use_signal(String::new);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let mut forgetting = use_signal(|| false);
    let id = profile.id;
    let submit = move |evt: FormEvent| {
        evt.prevent_default();
        if busy() {
            return;
        }
        busy.set(true);
        error.set(None);
        let typed = pin();
        spawn(async move {
            let result = ask(commands, |reply| Command::Unlock {
                profile: id,
                pin: typed,
                reply,
            })
            .await;
            busy.set(false);
            if let Err(e) = result {
                pin.set(String::new());
                error.set(Some(e));
            }
        });
    };
    let forget = move |_| {
        spawn(async move {
            if let Err(e) = ask(commands, |reply| Command::ForgetProfile {
                profile: id,
                reply,
            })
            .await
            {
                error.set(Some(e));
            }
        });
    };
    rsx! {
        form { class: "unlock", onsubmit: submit, novalidate: true,
            h2 { "{profile.name}" }
            label { r#for: "pin-{id}", {t!("lock-pin-for", name: profile.name.clone())} }
            input {
                id: "pin-{id}",
                r#type: "password",
                inputmode: "numeric",
                autocomplete: "current-password",
                maxlength: "12",
                autofocus: true,
                value: "{pin}",
                oninput: move |e| pin.set(e.value()),
            }
            if let Some(at) = profile.wait_until {
                p { class: "hint", {t!("lock-wait", time: format::clock(at))} }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
            button { class: "button primary", r#type: "submit", disabled: busy(),
                if busy() { {t!("lock-checking")} } else { {t!("lock-open")} }
            }
            details { class: "forgot",
                summary { {t!("lock-forgot")} }
                p { {t!("lock-forgot-text")} }
                if forgetting() {
                    button { class: "button danger", r#type: "button", onclick: forget,
                        {t!("lock-remove-confirm", name: profile.name.clone())}
                    }
                    button { class: "button", r#type: "button", onclick: move |_| forgetting.set(false), {t!("keep-it")} }
                } else {
                    button { class: "button", r#type: "button", onclick: move |_| forgetting.set(true),
                        {t!("lock-remove")}
                    }
                }
            }
        }
    }
}
