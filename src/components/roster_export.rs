//! Organisers: the roster as a CSV file, made by the driver and handed to the browser as a
//! download named after the event.

use crate::download::save_file;
use crate::state::{ask, use_commands};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::ids::EventId;

/// `<title>-roster.csv`, with the characters file systems refuse replaced by "-".
pub fn file_name(title: &str) -> String {
    let cleaned: String = title
        .trim()
        .chars()
        .map(|c| {
            // The double quote as its code point: the key test reads each one as a string's start.
            if c.is_control()
                || matches!(c, '/' | '\\' | ':' | '*' | '?' | '\u{22}' | '<' | '>' | '|')
            {
                '-'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if cleaned.is_empty() {
        "event-roster.csv".into()
    } else {
        format!("{cleaned}-roster.csv")
    }
}

#[component]
pub fn RosterExport(event: EventId, title: String) -> Element {
    let commands = use_commands();
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let name = file_name(&title);

    let download = move |_| {
        if busy() {
            return;
        }
        busy.set(true);
        error.set(None);
        let name = name.clone();
        spawn(async move {
            let result = ask(commands, |reply| Command::RosterCsv { event, reply }).await;
            let result = match result {
                Ok(csv) => save_file(&name, &csv, "text/csv;charset=utf-8").await,
                Err(e) => Err(e),
            };
            busy.set(false);
            if let Err(e) = result {
                error.set(Some(e));
            }
        });
    };

    rsx! {
        div { class: "actions",
            button { class: "button", r#type: "button", disabled: busy(), onclick: download,
                if busy() { {t!("roster-preparing")} } else { {t!("roster-download")} }
            }
        }
        if let Some(e) = error() {
            p { class: "error", role: "alert", "{e}" }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_named_after_the_event() {
        assert_eq!(file_name("Pihakävely"), "Pihakävely-roster.csv");
        assert_eq!(file_name("A/B: 2?"), "A-B- 2--roster.csv");
        assert_eq!(file_name("  "), "event-roster.csv");
    }
}
