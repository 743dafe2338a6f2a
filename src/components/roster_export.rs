//! Organisers: the roster as a CSV file, made by the driver and handed to the browser as a
//! download named after the event.

use crate::state::{ask, use_commands};
use crate::sync::Command;
use dioxus::prelude::*;
use kumppani_core::ids::EventId;

/// `<title>-roster.csv`, with the characters file systems refuse replaced by "-".
pub fn file_name(title: &str) -> String {
    let cleaned: String = title
        .trim()
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
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
                Ok(csv) => save_file(&name, &csv).await,
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
                if busy() { "Preparing the file…" } else { "Download roster (CSV)" }
            }
        }
        if let Some(e) = error() {
            p { class: "error", role: "alert", "{e}" }
        }
    }
}

/// Hands the text to the browser as a download: a Blob, an object URL and a temporary
/// `<a download>` that is clicked and removed.
#[cfg(target_arch = "wasm32")]
async fn save_file(name: &str, csv: &str) -> Result<(), String> {
    let literal = |s: &str| serde_json::to_string(s).map_err(|e| e.to_string());
    let js = format!(
        r#"
        const blob = new Blob([{csv}], {{type: "text/csv;charset=utf-8"}});
        const url = URL.createObjectURL(blob);
        const a = document.createElement("a");
        a.href = url;
        a.download = {name};
        a.style.display = "none";
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
        return true;
        "#,
        csv = literal(csv)?,
        name = literal(name)?,
    );
    document::eval(&js)
        .join::<bool>()
        .await
        .map(|_| ())
        .map_err(|_| "The browser did not start the download. Try again.".into())
}

#[cfg(not(target_arch = "wasm32"))]
async fn save_file(_name: &str, _csv: &str) -> Result<(), String> {
    Err("Downloading the roster works in the browser.".into())
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
