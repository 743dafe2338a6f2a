//! The end of an organiser's settings form: its submit button, then "saved" or the
//! driver's error. [`use_saving`] holds the form's busy, error and saved states, and
//! [`Saving::save`] sends the command and waits for the driver, so the form keeps its text
//! until the change is durable on this device.

use crate::state::ask;
use crate::sync::command::Reply;
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;

/// A settings form's state between its fields and the driver.
#[derive(Clone, Copy, PartialEq)]
pub struct Saving {
    busy: Signal<bool>,
    error: Signal<Option<String>>,
    saved: Signal<bool>,
}

pub fn use_saving() -> Saving {
    Saving {
        busy: use_signal(|| false),
        error: use_signal(|| None),
        saved: use_signal(|| false),
    }
}

impl Saving {
    /// Whether the form waits for the driver.
    pub fn busy(&self) -> bool {
        (self.busy)()
    }

    /// The form changed since it was saved: "saved" goes away.
    pub fn edited(mut self) {
        self.saved.set(false);
    }

    /// A problem found before asking the driver, in words for the person.
    pub fn refuse(mut self, problem: impl Into<String>) {
        self.saved.set(false);
        self.error.set(Some(problem.into()));
    }

    /// Sends the command made by `make`, unless one is on its way, and shows "saved" or the
    /// driver's error when it answers.
    pub fn save(
        mut self,
        commands: Coroutine<Command>,
        make: impl FnOnce(Reply<()>) -> Command + 'static,
    ) {
        if self.busy() {
            return;
        }
        self.busy.set(true);
        self.error.set(None);
        self.saved.set(false);
        spawn(async move {
            let result = ask(commands, make).await;
            self.busy.set(false);
            match result {
                Ok(()) => self.saved.set(true),
                Err(e) => self.error.set(Some(e)),
            }
        });
    }
}

/// The submit button (`label`, "Saving…" while busy) and the outcome: `saved_words` as a
/// status, or the error as an alert.
#[component]
pub fn SaveActions(saving: Saving, label: String, saved_words: String) -> Element {
    let busy = saving.busy();
    rsx! {
        div { class: "actions",
            button { class: "button primary", r#type: "submit", disabled: busy,
                if busy { {t!("save-saving")} } else { "{label}" }
            }
        }
        if (saving.saved)() {
            p { class: "saved", role: "status", "{saved_words}" }
        }
        if let Some(e) = (saving.error)() {
            p { class: "error", role: "alert", "{e}" }
        }
    }
}
