//! Organisers: what diary keepers see and how the diary behaves — prompts, the
//! safeguarding notice, the idle lock for shared tablets, the analysis themes for coding
//! shared entries, and a code that sets up a person without a phone on a shared tablet.
//!
//! Every form keeps its text until the driver says the change is saved on this device.

use crate::components::{sentence, use_saving, SaveActions, ThemeList, ThemesForm};
use crate::format;
use crate::route::Route;
use crate::state::{ask, use_app_state, use_commands};
use crate::sync::Command;
use crate::views::organise::is_organiser;
use dioxus::prelude::*;
use kumppani_core::model::project::{
    Prompt, PromptDraft, MAX_IDLE_LOCK_MINUTES, MAX_NOTICE_CHARS, MAX_PROMPT_CHARS,
};
use kumppani_core::time::Timestamp;

fn now() -> Timestamp {
    Timestamp::from_utc(chrono::Utc::now())
}

/// Where a prompt is in its life at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptState {
    /// Diary keepers are offered it.
    Open,
    /// It opens later.
    Scheduled,
    Closed,
}

pub fn prompt_state(prompt: &Prompt, now: Timestamp) -> PromptState {
    if prompt.closes_at.is_some_and(|c| c <= now) {
        PromptState::Closed
    } else if prompt.opens_at > now {
        PromptState::Scheduled
    } else {
        PromptState::Open
    }
}

/// "Open since 23.11.2026 · closes 1.12.2026" and the like.
pub fn prompt_dates(prompt: &Prompt, now: Timestamp) -> String {
    let opens = format::day_or_time(prompt.opens_at);
    let closes = prompt.closes_at.map(format::day_or_time);
    match (prompt_state(prompt, now), closes) {
        (PromptState::Open, Some(c)) => format!("Open since {opens} · closes {c}"),
        (PromptState::Open, None) => format!("Open since {opens} · no closing date"),
        (PromptState::Scheduled, Some(c)) => format!("Opens {opens} · closes {c}"),
        (PromptState::Scheduled, None) => format!("Opens {opens} · no closing date"),
        (PromptState::Closed, Some(c)) => format!("Was open {opens} – {c}"),
        (PromptState::Closed, None) => format!("Closed · opened {opens}"),
    }
}

/// A new prompt, or changes to `existing`. A date left as it was keeps its exact time, so
/// a prompt closed at 14:32 stays closed at 14:32 when its text is changed.
#[component]
fn PromptForm(existing: Option<Prompt>, on_done: EventHandler<()>) -> Element {
    let commands = use_commands();
    let editing = existing.as_ref().map(|p| p.id);
    let original = existing.clone();
    let opens0 = existing.as_ref().map_or_else(
        || format::date_input_value(now()),
        |p| format::date_input_value(p.opens_at),
    );
    let closes0 = existing
        .as_ref()
        .and_then(|p| p.closes_at)
        .map(format::date_input_value)
        .unwrap_or_default();
    let text0 = existing.map(|p| p.text).unwrap_or_default();
    let mut text = use_signal(|| text0);
    let initial = (opens0.clone(), closes0.clone());
    let mut opens = use_signal(|| opens0);
    let mut closes = use_signal(|| closes0);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let mut saved = use_signal(|| false);
    let prefix = editing
        .map(|id| format!("prompt-{id}"))
        .unwrap_or_else(|| "prompt-new".into());

    let submit = move |evt: FormEvent| {
        evt.prevent_default();
        if busy() {
            return;
        }
        saved.set(false);
        let kept = original.as_ref();
        let opens_at = match kept {
            Some(p) if opens() == initial.0 => Some(p.opens_at),
            _ => format::parse_date_input(&opens()).and_then(format::day_start),
        };
        let Some(opens_at) = opens_at else {
            error.set(Some("Choose the day the prompt opens.".into()));
            return;
        };
        let closes_at = match kept {
            Some(p) if closes() == initial.1 => p.closes_at,
            _ if closes().trim().is_empty() => None,
            _ => match format::parse_date_input(&closes()).and_then(format::day_start) {
                Some(c) => Some(c),
                None => {
                    error.set(Some(
                        "The closing day is not a date. Leave it empty to keep the prompt open."
                            .into(),
                    ));
                    return;
                }
            },
        };
        let draft = PromptDraft {
            text: text().trim().to_owned(),
            opens_at,
            closes_at,
        };
        if let Err(e) = draft.validate() {
            error.set(Some(sentence(&e.to_string())));
            return;
        }
        busy.set(true);
        error.set(None);
        spawn(async move {
            let result = ask(commands, |reply| Command::SavePrompt {
                id: editing,
                draft,
                reply,
            })
            .await;
            busy.set(false);
            match result {
                Ok(_) => {
                    if editing.is_none() {
                        text.set(String::new());
                        opens.set(format::date_input_value(now()));
                        closes.set(String::new());
                        saved.set(true);
                    }
                    on_done.call(());
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };

    rsx! {
        form { class: "prompt-form", "data-testid": "prompt-form", onsubmit: submit, novalidate: true,
            label { r#for: "{prefix}-text", "Prompt" }
            p { class: "hint", id: "{prefix}-text-hint",
                "A question or an invitation diary keepers see while it is open. At most {MAX_PROMPT_CHARS} characters."
            }
            textarea {
                id: "{prefix}-text",
                rows: "3",
                aria_describedby: "{prefix}-text-hint",
                value: "{text}",
                oninput: move |e| { text.set(e.value()); saved.set(false); },
            }
            label { r#for: "{prefix}-opens", "Opens on" }
            input {
                id: "{prefix}-opens",
                r#type: "date",
                value: "{opens}",
                oninput: move |e| { opens.set(e.value()); saved.set(false); },
            }
            label { r#for: "{prefix}-closes", "Closes on (optional)" }
            p { class: "hint", id: "{prefix}-closes-hint",
                "From this day on, diary keepers no longer see the prompt. Leave it empty to keep it open."
            }
            input {
                id: "{prefix}-closes",
                r#type: "date",
                aria_describedby: "{prefix}-closes-hint",
                value: "{closes}",
                oninput: move |e| { closes.set(e.value()); saved.set(false); },
            }
            div { class: "actions",
                button { class: "button primary", r#type: "submit", disabled: busy(),
                    if busy() {
                        "Saving…"
                    } else if editing.is_some() {
                        "Save changes"
                    } else {
                        "Add prompt"
                    }
                }
                if editing.is_some() {
                    button { class: "button", r#type: "button", onclick: move |_| on_done.call(()),
                        "Cancel"
                    }
                }
            }
            if saved() {
                p { class: "saved", role: "status", "Prompt added. It is saved on this device." }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
        }
    }
}

/// One prompt in the list, with its actions.
#[component]
fn PromptRow(prompt: Prompt, now: Timestamp) -> Element {
    let commands = use_commands();
    let mut editing = use_signal(|| false);
    let mut confirming = use_signal(|| false);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let state = prompt_state(&prompt, now);
    let (word, class) = match state {
        PromptState::Open => ("Open", "open"),
        PromptState::Scheduled => ("Scheduled", "scheduled"),
        PromptState::Closed => ("Closed", "closed"),
    };
    let id = prompt.id;
    let to_close = prompt.clone();
    let close_now = move |_| {
        if busy() {
            return;
        }
        let draft = PromptDraft {
            text: to_close.text.clone(),
            opens_at: to_close.opens_at,
            closes_at: Some(self::now()),
        };
        busy.set(true);
        error.set(None);
        spawn(async move {
            let result = ask(commands, |reply| Command::SavePrompt {
                id: Some(id),
                draft,
                reply,
            })
            .await;
            busy.set(false);
            if let Err(e) = result {
                error.set(Some(e));
            }
        });
    };
    let remove = move |_| {
        if busy() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn(async move {
            let result = ask(commands, |reply| Command::RemovePrompt { id, reply }).await;
            busy.set(false);
            confirming.set(false);
            if let Err(e) = result {
                error.set(Some(e));
            }
        });
    };
    if editing() {
        return rsx! {
            li { class: "prompt-row", "data-testid": "prompt",
                PromptForm { existing: Some(prompt.clone()), on_done: move |_| editing.set(false) }
            }
        };
    }
    rsx! {
        li { class: "prompt-row", "data-testid": "prompt",
            p { class: "prompt-text", "{prompt.text}" }
            p { class: "prompt-dates",
                span { class: "prompt-state {class}", "{word}" }
                " {prompt_dates(&prompt, now)}"
            }
            if confirming() {
                p { class: "confirm-text",
                    "Remove this prompt? Entries that answered it stay, shown as answering a removed prompt."
                }
                div { class: "actions",
                    button { class: "button danger", r#type: "button", disabled: busy(),
                        onclick: remove,
                        if busy() { "Removing…" } else { "Yes, remove" }
                    }
                    button { class: "button", r#type: "button", onclick: move |_| confirming.set(false),
                        "Keep it"
                    }
                }
            } else {
                div { class: "actions",
                    button { class: "button", r#type: "button", onclick: move |_| editing.set(true),
                        "Edit"
                    }
                    if state == PromptState::Open {
                        button { class: "button", r#type: "button", disabled: busy(),
                            onclick: close_now,
                            if busy() { "Closing…" } else { "Close now" }
                        }
                    }
                    button { class: "button danger", r#type: "button",
                        onclick: move |_| confirming.set(true),
                        "Remove"
                    }
                }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
        }
    }
}

#[component]
fn PromptsSection() -> Element {
    let state = use_app_state();
    let prompts = state.read().prompts.clone();
    let at = now();
    rsx! {
        section { class: "card", aria_labelledby: "prompts-title",
            h2 { id: "prompts-title",
                if prompts.is_empty() { "No prompts yet" } else { "Prompts ({prompts.len()})" }
            }
            p { class: "hint",
                "Diary keepers see the open prompts when they write. A prompt is optional for them."
            }
            if !prompts.is_empty() {
                ul { class: "prompt-list",
                    for p in prompts {
                        PromptRow { key: "{p.id}", prompt: p, now: at }
                    }
                }
            }
            h3 { "New prompt" }
            PromptForm { key: "new", existing: None, on_done: move |_| {} }
        }
    }
}

#[component]
fn SafeguardingForm() -> Element {
    let state = use_app_state();
    let commands = use_commands();
    let mut text = use_signal(|| {
        state
            .read()
            .safeguarding
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    });
    let saving = use_saving();
    let save = move |evt: FormEvent| {
        evt.prevent_default();
        let notice = text().trim().to_owned();
        if notice.chars().count() > MAX_NOTICE_CHARS {
            saving.refuse(format!(
                "The notice is too long: at most {MAX_NOTICE_CHARS} characters."
            ));
            return;
        }
        saving.save(commands, |reply| Command::SetSafeguarding {
            text: notice,
            reply,
        });
    };
    rsx! {
        section { class: "card", aria_labelledby: "safeguarding-title",
            h2 { id: "safeguarding-title", "Safeguarding notice" }
            form { "data-testid": "safeguarding-form", onsubmit: save, novalidate: true,
                label { r#for: "safeguarding-text", "What diary keepers read before they share" }
                p { class: "hint", id: "safeguarding-hint",
                    "Say who reads shared entries, what you do not do (for example: you do not answer "
                    "each entry and you do not watch it around the clock), and where to get help now: "
                    "a phone number or a place. Diary keepers see it again when you change it. "
                    "Leave it empty to remove it."
                }
                textarea {
                    id: "safeguarding-text",
                    rows: "8",
                    aria_describedby: "safeguarding-hint",
                    value: "{text}",
                    oninput: move |e| { text.set(e.value()); saving.edited(); },
                }
                SaveActions {
                    saving,
                    label: "Save notice",
                    saved_words: "Notice saved on this device.",
                }
            }
        }
    }
}

/// Reads the idle lock field: a whole number from 1 to [`MAX_IDLE_LOCK_MINUTES`].
pub fn parse_minutes(value: &str) -> Result<u32, String> {
    match value.trim().parse::<u32>() {
        Ok(n) if (1..=MAX_IDLE_LOCK_MINUTES).contains(&n) => Ok(n),
        _ => Err(format!(
            "Write a whole number of minutes from 1 to {MAX_IDLE_LOCK_MINUTES}."
        )),
    }
}

#[component]
fn IdleLockForm() -> Element {
    let state = use_app_state();
    let commands = use_commands();
    let mut value = use_signal(|| state.read().idle_lock_minutes.to_string());
    let saving = use_saving();
    let save = move |evt: FormEvent| {
        evt.prevent_default();
        match parse_minutes(&value()) {
            Ok(minutes) => saving.save(commands, move |reply| Command::SetIdleLock {
                minutes,
                reply,
            }),
            Err(e) => saving.refuse(e),
        }
    };
    rsx! {
        section { class: "card", aria_labelledby: "idle-lock-title",
            h2 { id: "idle-lock-title", "Lock when not in use" }
            form { "data-testid": "idle-lock-form", onsubmit: save, novalidate: true,
                label { r#for: "idle-lock-minutes", "Minutes without use before the app locks" }
                p { class: "hint", id: "idle-lock-hint",
                    "On a shared tablet this stops the next person from reading someone's diary. "
                    "After this many minutes without a touch, the app locks on every device of the "
                    "project and asks for the PIN again. From 1 to {MAX_IDLE_LOCK_MINUTES} minutes."
                }
                input {
                    id: "idle-lock-minutes",
                    r#type: "number",
                    min: "1",
                    max: "{MAX_IDLE_LOCK_MINUTES}",
                    inputmode: "numeric",
                    aria_describedby: "idle-lock-hint",
                    value: "{value}",
                    oninput: move |e| { value.set(e.value()); saving.edited(); },
                }
                SaveActions {
                    saving,
                    label: "Save",
                    saved_words: "Saved on this device.",
                }
            }
        }
    }
}

/// A person with no phone or email: a single-use code they type on a shared tablet.
#[component]
fn SetUpPersonForm() -> Element {
    let commands = use_commands();
    let mut name = use_signal(String::new);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let mut made = use_signal(|| None::<(String, String, i64)>);
    let submit = move |evt: FormEvent| {
        evt.prevent_default();
        if busy() {
            return;
        }
        let display_name = name().trim().to_owned();
        if display_name.is_empty() {
            error.set(Some("Write the person's name.".into()));
            return;
        }
        busy.set(true);
        error.set(None);
        spawn(async move {
            let asked = display_name.clone();
            let result = ask(commands, |reply| Command::SetUpPerson {
                display_name,
                reply,
            })
            .await;
            busy.set(false);
            match result {
                Ok((code, expires)) => {
                    made.set(Some((asked, code, expires)));
                    name.set(String::new());
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    rsx! {
        section { class: "card", aria_labelledby: "setup-person-title",
            h2 { id: "setup-person-title", "Set up a person without a phone" }
            p { class: "hint",
                "For someone who keeps a diary on the project's shared tablet. You make a code; they "
                "type it on the tablet and choose their own PIN. You never learn their PIN."
            }
            form { "data-testid": "setup-person-form", onsubmit: submit, novalidate: true,
                label { r#for: "setup-name", "Their name" }
                input {
                    id: "setup-name",
                    r#type: "text",
                    autocomplete: "off",
                    value: "{name}",
                    oninput: move |e| name.set(e.value()),
                }
                div { class: "actions",
                    button { class: "button primary", r#type: "submit", disabled: busy(),
                        if busy() { "Making a code…" } else { "Make a code" }
                    }
                }
                if let Some(e) = error() {
                    p { class: "error", role: "alert", "{e}" }
                }
            }
            if let Some((who, code, expires)) = made() {
                div { class: "link-code", role: "status",
                    p { "The code for {who}:" }
                    p { class: "code", "data-testid": "setup-code", "{code}" }
                    p {
                        "On the shared tablet choose “Add a profile”, type this code under “Have a "
                        "code from another device or an organiser?”; the person then chooses their "
                        "own PIN there. The code works once, until "
                        "{format::date_time(Timestamp::from_millis(expires))}."
                    }
                }
            }
        }
    }
}

#[component]
pub fn OrganiseDiary() -> Element {
    let state = use_app_state();
    let st = state.read();
    if !is_organiser(&st) {
        return rsx! {
            p { class: "card", "This page is for the project's organisers." }
        };
    }
    let shared = st.shared_entries.len();
    drop(st);
    rsx! {
        h1 { class: "section-title", "Diary" }
        p { class: "card",
            Link { to: Route::OrganiseEntries {}, "Shared diary entries ({shared})" }
        }
        PromptsSection {}
        SafeguardingForm {}
        IdleLockForm {}
        ThemesForm { list: ThemeList::Analysis }
        SetUpPersonForm {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kumppani_core::ids::PromptId;

    fn prompt(opens: i64, closes: Option<i64>) -> Prompt {
        Prompt {
            id: PromptId::from_bytes([1; 16]),
            text: "Kuulluksi".into(),
            opens_at: Timestamp(opens),
            closes_at: closes.map(Timestamp),
            updated_at: Timestamp(0),
        }
    }

    #[test]
    fn a_prompt_is_scheduled_then_open_then_closed() {
        let p = prompt(100, Some(200));
        let at = |t| prompt_state(&p, Timestamp(t));
        assert_eq!(
            (at(99), at(100), at(199), at(200)),
            (
                PromptState::Scheduled,
                PromptState::Open,
                PromptState::Open,
                PromptState::Closed
            )
        );
        assert_eq!(
            prompt_state(&prompt(100, None), Timestamp(1_000)),
            PromptState::Open
        );
    }

    #[test]
    fn the_dates_say_when_a_prompt_closes() {
        let day = 86_400_000;
        let p = prompt(1_795_435_200_000, None);
        let open = prompt_dates(&p, Timestamp(p.opens_at.millis() + day));
        assert!(
            open.starts_with("Open since ") && open.ends_with("no closing date"),
            "{open}"
        );
        let closed = prompt(1_795_435_200_000, Some(1_795_435_200_000 + day));
        let words = prompt_dates(&closed, Timestamp(1_795_435_200_000 + 2 * day));
        assert!(words.starts_with("Was open "), "{words}");
    }

    #[test]
    fn idle_minutes_are_whole_numbers_within_the_hour() {
        assert_eq!(parse_minutes(" 5 "), Ok(5));
        assert_eq!(parse_minutes("60"), Ok(60));
        assert!(parse_minutes("0").is_err());
        assert!(parse_minutes("61").is_err());
        assert!(parse_minutes("viisi").is_err());
    }
}
