//! Writing a new entry or editing one. The text stays in the form until the driver says
//! the entry is saved on this device, so a failed save never loses what was written.

use crate::components::entry_card::MOOD_KEYS;
use crate::format;
use crate::state::{ask, use_app_state, use_commands};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::ids::PromptId;
use kumppani_core::model::member::Sharing;
use kumppani_core::model::{DiaryEntry, EntryDraft, Mood};

/// Who may read a new entry, as the form offers it: the choice, its title and hint keys.
const SHARING_CHOICES: [(Option<Sharing>, &str, &str); 3] = [
    (None, "share-private", "share-private-hint"),
    (Some(Sharing::Named), "share-named", "share-named-hint"),
    (
        Some(Sharing::Anonymous),
        "share-anonymous",
        "share-anonymous-hint",
    ),
];

fn now() -> kumppani_core::time::Timestamp {
    kumppani_core::time::Timestamp::from_utc(chrono::Utc::now())
}

#[component]
pub fn EntryForm(existing: Option<DiaryEntry>, on_done: EventHandler<()>) -> Element {
    let commands = use_commands();
    let state = use_app_state();
    let i18n = crate::i18n::use_i18n();
    let editing = existing.clone();
    let initial = existing.clone();
    let mut text = use_signal(|| initial.as_ref().map(|e| e.text.clone()).unwrap_or_default());
    let mut mood = use_signal(|| initial.as_ref().map(|e| e.mood.get()).unwrap_or(3));
    let mut tags = use_signal(|| {
        initial
            .as_ref()
            .map(|e| e.tags.join(", "))
            .unwrap_or_default()
    });
    let mut at =
        use_signal(|| format::input_value(initial.as_ref().map(|e| e.at).unwrap_or_else(now)));
    let mut prompt = use_signal(|| initial.as_ref().and_then(|e| e.prompt));
    let mut sharing = use_signal(|| None::<Sharing>);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let mut saved = use_signal(|| false);
    let prefix = existing
        .as_ref()
        .map(|e| e.id.to_string())
        .unwrap_or_else(|| "new".into());

    let submit = move |evt: FormEvent| {
        evt.prevent_default();
        if busy() {
            return;
        }
        if text().trim().is_empty() {
            error.set(Some(t!("entry-empty")));
            return;
        }
        let Some(when) = format::parse_input(&at()) else {
            error.set(Some(t!("entry-bad-date")));
            return;
        };
        let Ok(m) = Mood::new(i64::from(mood())) else {
            error.set(Some(t!("entry-bad-mood")));
            return;
        };
        let draft = EntryDraft {
            text: text().trim().to_owned(),
            mood: m,
            tags: EntryDraft::parse_tags(&tags()),
            at: when,
            prompt: prompt(),
        };
        let share = sharing();
        busy.set(true);
        error.set(None);
        saved.set(false);
        let editing = editing.clone();
        spawn(async move {
            let result = match editing {
                Some(e) => {
                    ask(commands, |reply| Command::EditEntry {
                        id: e.id,
                        draft,
                        reply,
                    })
                    .await
                }
                None => ask(commands, |reply| Command::AddEntry {
                    draft,
                    sharing: share,
                    reply,
                })
                .await
                .map(|_| ()),
            };
            busy.set(false);
            match result {
                Ok(()) => {
                    text.set(String::new());
                    tags.set(String::new());
                    mood.set(3);
                    at.set(format::input_value(now()));
                    prompt.set(None);
                    sharing.set(None);
                    saved.set(true);
                    on_done.call(());
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };

    let is_edit = existing.is_some();
    // Open prompts, and the one this entry answers even if it has closed since.
    let prompts: Vec<(PromptId, String)> = {
        let st = state.read();
        let at_now = now();
        st.prompts
            .iter()
            .filter(|p| p.is_open(at_now) || Some(p.id) == prompt())
            .map(|p| (p.id, p.text_in(i18n.lang().code()).to_owned()))
            .collect()
    };
    rsx! {
        form { class: "entry-form", onsubmit: submit, novalidate: true,
            label { r#for: "{prefix}-text", if is_edit { {t!("entry-text-edit")} } else { {t!("entry-text-new")} } }
            textarea {
                id: "{prefix}-text",
                name: "text",
                rows: "4",
                value: "{text}",
                oninput: move |e| { text.set(e.value()); saved.set(false); },
            }
            fieldset { class: "mood-picker",
                legend { {t!("entry-mood")} }
                for (i, word) in MOOD_KEYS.iter().map(|k| i18n.t(k)).enumerate() {
                    label { key: "{i}", class: "mood-option",
                        input {
                            r#type: "radio",
                            name: "{prefix}-mood",
                            value: "{i + 1}",
                            checked: mood() == (i as u8 + 1),
                            onchange: move |_| mood.set(i as u8 + 1),
                        }
                        span { {t!("entry-mood-option", n: i + 1, word: word)} }
                    }
                }
            }
            if !prompts.is_empty() {
                label { r#for: "{prefix}-prompt", {t!("entry-prompt")} }
                select {
                    id: "{prefix}-prompt",
                    onchange: move |e| prompt.set(e.value().parse().ok()),
                    option { value: "", selected: prompt().is_none(), {t!("entry-prompt-none")} }
                    for (id, text) in prompts {
                        option { key: "{id}", value: "{id}", selected: prompt() == Some(id), "{text}" }
                    }
                }
            }
            label { r#for: "{prefix}-tags", {t!("entry-tags")} }
            input {
                id: "{prefix}-tags",
                name: "tags",
                value: "{tags}",
                oninput: move |e| tags.set(e.value()),
            }
            label { r#for: "{prefix}-at", {t!("entry-at")} }
            input {
                id: "{prefix}-at",
                r#type: "datetime-local",
                name: "at",
                value: "{at}",
                oninput: move |e| at.set(e.value()),
            }
            if !is_edit {
                fieldset { class: "sharing-picker",
                    legend { {t!("entry-who")} }
                    for (i, (choice, title, hint)) in SHARING_CHOICES.iter().enumerate() {
                        label { key: "{i}", class: "sharing-option",
                            input {
                                r#type: "radio",
                                name: "{prefix}-sharing",
                                checked: sharing() == *choice,
                                onchange: move |_| sharing.set(SHARING_CHOICES[i].0),
                            }
                            span { class: "sharing-title", {i18n.t(title)} }
                            span { class: "hint", {i18n.t(hint)} }
                        }
                    }
                }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
            if saved() && !is_edit {
                p { class: "saved", role: "status", {t!("entry-saved")} }
            }
            div { class: "actions",
                button { class: "button primary", r#type: "submit", disabled: busy(),
                    if busy() { {t!("entry-saving")} } else if is_edit { {t!("entry-save-changes")} } else { {t!("entry-save")} }
                }
                if is_edit {
                    button { class: "button", r#type: "button", onclick: move |_| on_done.call(()), {t!("cancel")} }
                }
            }
        }
    }
}
