//! Organisers at the door: a typed ticket code (or a scanned ticket's text) checks a person
//! in. Where the browser can read QR codes and has a camera, a button scans one instead;
//! typed codes always work, with no network too.

use crate::camera::{camera_available, scan_once, ScanFailure, ScanOutcome};
use crate::state::{ask, use_commands};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::ids::EventId;
use kumppani_core::ticket::SHORT_CODE_LEN;

/// The id of the `<video>` the scanner shows the camera in; the scan stops when it is gone.
const VIDEO_ID: &str = "door-camera";

#[component]
pub fn DoorCheckIn(event: EventId) -> Element {
    let commands = use_commands();
    let mut code = use_signal(String::new);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let mut checked = use_signal(|| None::<String>);
    let mut can_scan = use_signal(|| false);
    let mut scanning = use_signal(|| false);
    // The code field, focused again after each check-in so the next code can be typed.
    let mut code_field = use_signal(|| None::<std::rc::Rc<MountedData>>);

    use_future(move || async move {
        if camera_available().await {
            can_scan.set(true);
        }
    });

    let mut check_in = move |text: String, typed: bool| {
        let text = text.trim().to_owned();
        if busy() {
            return;
        }
        if text.is_empty() {
            checked.set(None);
            error.set(Some(t!("door-code-missing")));
            return;
        }
        busy.set(true);
        error.set(None);
        checked.set(None);
        spawn(async move {
            let result = ask(commands, |reply| Command::CheckIn {
                event,
                code: text,
                reply,
            })
            .await;
            busy.set(false);
            match result {
                Ok(name) => {
                    code.set(String::new());
                    checked.set(Some(name));
                    // Not after a scan: the keyboard would cover the camera's next turn.
                    if let Some(field) = code_field().filter(|_| typed) {
                        let _ = field.set_focus(true).await;
                    }
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };

    let submit = move |evt: FormEvent| {
        evt.prevent_default();
        check_in(code(), true);
    };

    let start_scan = move |_| {
        spawn(async move {
            match scan_once(VIDEO_ID).await {
                ScanOutcome::Code(text) => {
                    scanning.set(false);
                    check_in(text, false);
                }
                ScanOutcome::Failed(why) => {
                    scanning.set(false);
                    checked.set(None);
                    error.set(Some(failure_words(&why)));
                }
                ScanOutcome::Stopped => {}
            }
        });
    };

    rsx! {
        form { class: "door-form", onsubmit: submit, novalidate: true,
            label { r#for: "door-code-{event}", {t!("door-code")} }
            p { class: "hint", id: "door-code-hint-{event}",
                {t!("door-code-hint", length: SHORT_CODE_LEN)}
            }
            input {
                id: "door-code-{event}",
                name: "code",
                autocomplete: "off",
                autocapitalize: "characters",
                spellcheck: "false",
                aria_describedby: "door-code-hint-{event}",
                value: "{code}",
                oninput: move |e| code.set(e.value()),
                onmounted: move |e: MountedEvent| code_field.set(Some(e.data())),
            }
            div { class: "actions",
                button { class: "button primary", r#type: "submit", disabled: busy(),
                    if busy() { {t!("door-checking-in")} } else { {t!("door-check-in")} }
                }
                if can_scan() {
                    if scanning() {
                        button { class: "button", r#type: "button", onclick: move |_| scanning.set(false),
                            {t!("door-stop-camera")}
                        }
                    } else {
                        button { class: "button", r#type: "button",
                            onclick: move |_| { error.set(None); scanning.set(true); },
                            {t!("door-scan")}
                        }
                    }
                }
            }
            if scanning() {
                video {
                    id: VIDEO_ID,
                    class: "door-camera",
                    aria_label: t!("door-camera-label"),
                    autoplay: true,
                    muted: true,
                    playsinline: "true",
                    onmounted: start_scan,
                }
            }
            if let Some(name) = checked() {
                p { class: "saved", role: "status", {t!("door-checked-in", name: name)} }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
        }
    }
}

/// What the organiser reads when the camera gave no code.
fn failure_words(failure: &ScanFailure) -> String {
    match failure {
        ScanFailure::NoDetector => t!("door-no-detector"),
        ScanFailure::NoCamera => t!("door-no-camera"),
        ScanFailure::CameraStopped => t!("door-camera-stopped"),
        ScanFailure::NotInBrowser => t!("door-not-in-browser"),
    }
}
