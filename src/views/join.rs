//! Joining a project with its code, or linking this device to an existing member.

use crate::route::Route;
use crate::state::{ask, use_app_state, use_commands, Phase};
use crate::sync::Command;
use dioxus::prelude::*;

/// The hub that served the app, which is the right one unless a native build says otherwise.
fn default_hub_url() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

/// Waits for a join or link answer with the form marked busy; on success opens the diary.
fn sign_in(
    mut busy: Signal<bool>,
    mut error: Signal<Option<String>>,
    nav: dioxus::router::Navigator,
    answer: impl std::future::Future<Output = Result<(), String>> + 'static,
) {
    busy.set(true);
    error.set(None);
    spawn(async move {
        let result = answer.await;
        busy.set(false);
        match result {
            Ok(()) => {
                nav.replace(Route::Diary {});
            }
            Err(e) => error.set(Some(e)),
        }
    });
}

#[component]
pub fn Join(code: String) -> Element {
    let state = use_app_state();
    let commands = use_commands();
    let nav = use_navigator();
    let mut join_code = use_signal(|| code.clone());
    let mut name = use_signal(String::new);
    let mut hub_url = use_signal(default_hub_url);
    let mut link_code = use_signal(String::new);
    let pin = use_signal(String::new);
    let pin_again = use_signal(String::new);
    let link_pin = use_signal(String::new);
    let link_pin_again = use_signal(String::new);
    let busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let mut link_error = use_signal(|| None::<String>);

    if state.read().phase == Phase::Ready {
        return rsx! {
            section { class: "card",
                h1 { "You are in" }
                p { "This device already belongs to a project." }
                Link { class: "button primary", to: Route::Diary {}, "Open your diary" }
            }
        };
    }

    let join = move |evt: FormEvent| {
        evt.prevent_default();
        if busy() {
            return;
        }
        let (c, n, h) = (join_code(), name(), hub_url());
        if c.trim().is_empty() || n.trim().is_empty() {
            error.set(Some("Fill in both the code and your name.".into()));
            return;
        }
        if let Err(e) = check_pins(&pin(), &pin_again()) {
            error.set(Some(e));
            return;
        }
        let p = pin();
        sign_in(
            busy,
            error,
            nav,
            ask(commands, |reply| Command::Join {
                hub_url: h,
                code: c,
                display_name: n,
                pin: p,
                reply,
            }),
        );
    };

    let link = move |evt: FormEvent| {
        evt.prevent_default();
        if busy() {
            return;
        }
        let (c, h) = (link_code(), hub_url());
        if c.trim().is_empty() {
            link_error.set(Some("Type the code shown on your other device.".into()));
            return;
        }
        if let Err(e) = check_pins(&link_pin(), &link_pin_again()) {
            link_error.set(Some(e));
            return;
        }
        let p = link_pin();
        sign_in(
            busy,
            link_error,
            nav,
            ask(commands, |reply| Command::Link {
                hub_url: h,
                code: c,
                device_name: "Browser".into(),
                pin: p,
                reply,
            }),
        );
    };

    let locked = state.read().phase == Phase::Locked;
    rsx! {
        if locked {
            p { Link { to: Route::Home {}, "← Back to the profiles on this device" } }
        }
        section { class: "card",
            h1 { "Join a project" }
            p { "Use the code from the poster or the link you were given." }
            form { onsubmit: join, novalidate: true,
                label { r#for: "join-code", "Project code" }
                input {
                    id: "join-code",
                    name: "code",
                    autocomplete: "off",
                    autocapitalize: "none",
                    value: "{join_code}",
                    oninput: move |e| join_code.set(e.value()),
                }
                label { r#for: "display-name", "Your name (as others will see it)" }
                input {
                    id: "display-name",
                    name: "display_name",
                    autocomplete: "nickname",
                    maxlength: "80",
                    value: "{name}",
                    oninput: move |e| name.set(e.value()),
                }
                PinFields { prefix: "join", pin, pin_again }
                details { class: "advanced",
                    summary { "Hub address" }
                    label { r#for: "hub-url", "Address of the project's hub" }
                    input {
                        id: "hub-url",
                        r#type: "url",
                        value: "{hub_url}",
                        oninput: move |e| hub_url.set(e.value()),
                    }
                }
                if let Some(e) = error() {
                    p { class: "error", role: "alert", "{e}" }
                }
                button { class: "button primary", r#type: "submit", disabled: busy(),
                    if busy() { "Joining…" } else { "Join" }
                }
            }
        }
        section { class: "card",
            h2 { "Have a code from another device or an organiser?" }
            p { "On your other device, open Settings and choose “Link another device”. Or ask an organiser to set you up. Type the code here." }
            form { onsubmit: link, novalidate: true,
                label { r#for: "link-code", "Link code" }
                input {
                    id: "link-code",
                    name: "link_code",
                    autocomplete: "one-time-code",
                    autocapitalize: "characters",
                    value: "{link_code}",
                    oninput: move |e| link_code.set(e.value()),
                }
                PinFields { prefix: "link", pin: link_pin, pin_again: link_pin_again }
                if let Some(e) = link_error() {
                    p { class: "error", role: "alert", "{e}" }
                }
                button { class: "button", r#type: "submit", disabled: busy(),
                    if busy() { "Linking…" } else { "Link this device" }
                }
            }
        }
    }
}

/// The same PIN twice, 4 to 12 digits.
fn check_pins(pin: &str, again: &str) -> Result<(), String> {
    if !kumppani_core::vault::is_acceptable_pin(pin) {
        return Err("Choose a PIN of 4 to 12 digits (numbers only).".into());
    }
    if pin != again {
        return Err("The two PINs are not the same. Type the PIN again.".into());
    }
    Ok(())
}

/// Choosing a PIN, with the one thing a person must know about it.
#[component]
fn PinFields(prefix: String, pin: Signal<String>, pin_again: Signal<String>) -> Element {
    let mut pin = pin;
    let mut pin_again = pin_again;
    rsx! {
        label { r#for: "{prefix}-pin", "Choose a PIN (4 to 12 digits)" }
        input {
            id: "{prefix}-pin",
            r#type: "password",
            inputmode: "numeric",
            autocomplete: "new-password",
            maxlength: "12",
            value: "{pin}",
            oninput: move |e| pin.set(e.value()),
        }
        label { r#for: "{prefix}-pin-again", "The same PIN again" }
        input {
            id: "{prefix}-pin-again",
            r#type: "password",
            inputmode: "numeric",
            autocomplete: "new-password",
            maxlength: "12",
            value: "{pin_again}",
            oninput: move |e| pin_again.set(e.value()),
        }
        p { class: "hint", id: "{prefix}-pin-hint",
            "Your PIN locks your private entries on this device. If you forget it, nobody can open them, not even the organisers. Entries you shared come back with your recovery code (from Settings) or a code from your other device."
        }
    }
}
