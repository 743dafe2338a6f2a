//! The lock screen of a shared device: pick your profile, type its PIN; or add a profile.
//! A forgotten PIN can only be answered by forgetting the profile on this device.

use crate::format;
use crate::route::Route;
use crate::state::{ask, use_app_state, use_commands, ProfileCard};
use crate::sync::Command;
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
            h1 { id: "lock-title", "Kumppani is locked" }
            p { "Choose your profile and type your PIN." }
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
            Link { class: "button", to: Route::Join { code: String::new() }, "Add a profile" }
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
            label { r#for: "pin-{id}", "PIN for {profile.name}" }
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
                p { class: "hint", "Too many wrong PINs: the next try is possible at {format::clock(at)}." }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
            button { class: "button primary", r#type: "submit", disabled: busy(),
                if busy() { "Checking the PIN…" } else { "Open" }
            }
            details { class: "forgot",
                summary { "Forgot your PIN?" }
                p { "Nobody can open the private entries without the PIN, not even the organisers. You can remove this profile from this device and add it again with your recovery code (from Settings) or a code from your other device: the entries you shared, your sign-ups and ideas come back; private entries do not." }
                if forgetting() {
                    button { class: "button danger", r#type: "button", onclick: forget,
                        "Yes, remove {profile.name} and their private entries"
                    }
                    button { class: "button", r#type: "button", onclick: move |_| forgetting.set(false), "Keep it" }
                } else {
                    button { class: "button", r#type: "button", onclick: move |_| forgetting.set(true),
                        "Remove this profile from this device"
                    }
                }
            }
        }
    }
}
