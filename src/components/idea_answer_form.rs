//! Organisers: answer an idea — a new status with a note to its author and supporters —
//! and add milestones on its way. Text stays in the form until the driver says the change
//! is saved on this device.

use super::status_title;
use crate::state::{ask, use_commands};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::ids::IdeaId;
use kumppani_core::model::idea::IdeaStatus;

/// An idea's status in plain words, in the page's language: "Under consideration" (the
/// same words residents see).
pub fn idea_status_words(status: IdeaStatus) -> String {
    status_title(status)
}

#[component]
pub fn IdeaAnswerForm(idea: IdeaId) -> Element {
    let commands = use_commands();
    let mut status = use_signal(|| IdeaStatus::UnderConsideration);
    let mut note = use_signal(String::new);
    let mut answer_busy = use_signal(|| false);
    let mut answer_error = use_signal(|| None::<String>);
    let mut answer_saved = use_signal(|| false);

    let mut milestone = use_signal(String::new);
    let mut milestone_busy = use_signal(|| false);
    let mut milestone_error = use_signal(|| None::<String>);
    let mut milestone_saved = use_signal(|| false);

    let send_answer = move |evt: FormEvent| {
        evt.prevent_default();
        if answer_busy() {
            return;
        }
        busy_start(&mut answer_busy, &mut answer_error, &mut answer_saved);
        let (status, text) = (status(), note().trim().to_owned());
        spawn(async move {
            let result = ask(commands, |reply| Command::AnswerIdea {
                idea,
                status,
                note: text,
                reply,
            })
            .await;
            answer_busy.set(false);
            match result {
                Ok(()) => {
                    note.set(String::new());
                    answer_saved.set(true);
                }
                Err(e) => answer_error.set(Some(e)),
            }
        });
    };

    let add_milestone = move |evt: FormEvent| {
        evt.prevent_default();
        if milestone_busy() {
            return;
        }
        let title = milestone().trim().to_owned();
        if title.is_empty() {
            milestone_saved.set(false);
            milestone_error.set(Some(t!("answer-milestone-empty")));
            return;
        }
        busy_start(
            &mut milestone_busy,
            &mut milestone_error,
            &mut milestone_saved,
        );
        spawn(async move {
            let result = ask(commands, |reply| Command::AddMilestone {
                idea,
                title,
                reply,
            })
            .await;
            milestone_busy.set(false);
            match result {
                Ok(()) => {
                    milestone.set(String::new());
                    milestone_saved.set(true);
                }
                Err(e) => milestone_error.set(Some(e)),
            }
        });
    };

    rsx! {
        form { class: "idea-answer-form", "data-testid": "idea-answer-form",
            onsubmit: send_answer, novalidate: true,
            label { r#for: "answer-status-{idea}", {t!("answer-new-status")} }
            select {
                id: "answer-status-{idea}",
                name: "status",
                onchange: move |e| {
                    if let Some(s) = IdeaStatus::parse(&e.value()) {
                        status.set(s);
                        answer_saved.set(false);
                    }
                },
                for s in IdeaStatus::ALL {
                    option { key: "{s.as_str()}", value: s.as_str(), selected: status() == s,
                        "{idea_status_words(s)}"
                    }
                }
            }
            label { r#for: "answer-note-{idea}", {t!("answer-note")} }
            textarea {
                id: "answer-note-{idea}",
                name: "note",
                rows: "3",
                value: "{note}",
                oninput: move |e| { note.set(e.value()); answer_saved.set(false); },
            }
            div { class: "actions",
                button { class: "button primary", r#type: "submit", disabled: answer_busy(),
                    if answer_busy() { {t!("answer-sending")} } else { {t!("answer-send")} }
                }
            }
            if answer_saved() {
                p { class: "saved", role: "status", {t!("answer-saved")} }
            }
            if let Some(e) = answer_error() {
                p { class: "error", role: "alert", "{e}" }
            }
        }
        form { class: "milestone-form", "data-testid": "milestone-form",
            onsubmit: add_milestone, novalidate: true,
            label { r#for: "milestone-{idea}", {t!("answer-milestone")} }
            input {
                id: "milestone-{idea}",
                name: "milestone",
                autocomplete: "off",
                value: "{milestone}",
                oninput: move |e| { milestone.set(e.value()); milestone_saved.set(false); },
            }
            div { class: "actions",
                button { class: "button", r#type: "submit", disabled: milestone_busy(),
                    if milestone_busy() { {t!("answer-milestone-adding")} } else { {t!("answer-milestone-add")} }
                }
            }
            if milestone_saved() {
                p { class: "saved", role: "status", {t!("answer-milestone-saved")} }
            }
            if let Some(e) = milestone_error() {
                p { class: "error", role: "alert", "{e}" }
            }
        }
    }
}

fn busy_start(
    busy: &mut Signal<bool>,
    error: &mut Signal<Option<String>>,
    saved: &mut Signal<bool>,
) {
    busy.set(true);
    error.set(None);
    saved.set(false);
}
