//! Joining a project with its code, or linking this device to an existing member.

use crate::route::Route;
use crate::state::{ask, use_app_state, use_commands, Phase};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;

/// The hub that served the app, which is the right one on the web.
fn default_hub_url() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default()
    }
    // Natively there is no page origin: the hub a city built its app for
    // (`KUMPPANI_HUB_URL` at build time), which the same variable at run time overrides.
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::env::var("KUMPPANI_HUB_URL")
            .ok()
            .filter(|u| !u.is_empty())
            .or_else(|| option_env!("KUMPPANI_HUB_URL").map(str::to_owned))
            .unwrap_or_default()
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
    // Open when no hub is known (a native build with no address built in); decided once,
    // so the field stays open while the address is typed.
    let ask_for_hub = use_hook(|| hub_url.peek().is_empty());
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
                h1 { {t!("join-already-title")} }
                p { {t!("join-already-text")} }
                Link { class: "button primary", to: Route::Diary {}, {t!("join-open-diary")} }
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
            error.set(Some(t!("join-missing")));
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
            link_error.set(Some(t!("link-missing")));
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
            p { Link { to: Route::Home {}, {t!("join-back")} } }
        }
        section { class: "card",
            h1 { {t!("join-title")} }
            p { {t!("join-intro")} }
            form { onsubmit: join, novalidate: true,
                label { r#for: "join-code", {t!("join-code")} }
                input {
                    id: "join-code",
                    name: "code",
                    autocomplete: "off",
                    autocapitalize: "none",
                    value: "{join_code}",
                    oninput: move |e| join_code.set(e.value()),
                }
                label { r#for: "display-name", {t!("join-name")} }
                input {
                    id: "display-name",
                    name: "display_name",
                    autocomplete: "nickname",
                    maxlength: "80",
                    value: "{name}",
                    oninput: move |e| name.set(e.value()),
                }
                PinFields { prefix: "join", pin, pin_again }
                details { class: "advanced", open: ask_for_hub,
                    summary { {t!("join-hub")} }
                    label { r#for: "hub-url", {t!("join-hub-label")} }
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
                    if busy() { {t!("join-busy")} } else { {t!("join-button")} }
                }
            }
        }
        section { class: "card",
            h2 { {t!("link-title")} }
            p { {t!("link-intro")} }
            form { onsubmit: link, novalidate: true,
                label { r#for: "link-code", {t!("link-code")} }
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
                    if busy() { {t!("link-busy")} } else { {t!("link-button")} }
                }
            }
        }
        crate::components::LanguagePicker {}
    }
}

/// The same PIN twice, 4 to 12 digits.
fn check_pins(pin: &str, again: &str) -> Result<(), String> {
    if !kumppani_core::vault::is_acceptable_pin(pin) {
        return Err(t!("pin-weak"));
    }
    if pin != again {
        return Err(t!("pin-mismatch"));
    }
    Ok(())
}

/// Choosing a PIN, with the one thing a person must know about it.
#[component]
fn PinFields(prefix: String, pin: Signal<String>, pin_again: Signal<String>) -> Element {
    let mut pin = pin;
    let mut pin_again = pin_again;
    rsx! {
        label { r#for: "{prefix}-pin", {t!("pin-choose")} }
        input {
            id: "{prefix}-pin",
            r#type: "password",
            inputmode: "numeric",
            autocomplete: "new-password",
            maxlength: "12",
            value: "{pin}",
            oninput: move |e| pin.set(e.value()),
        }
        label { r#for: "{prefix}-pin-again", {t!("pin-again")} }
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
            {t!("pin-hint")}
        }
    }
}
