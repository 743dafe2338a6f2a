//! Organisers: what diary keepers see and how the diary behaves — prompts, the
//! safeguarding notice, the idle lock for shared tablets, the analysis themes for coding
//! shared entries, and a code that sets up a person without a phone on a shared tablet.
//!
//! Every form keeps its text until the driver says the change is saved on this device.

use crate::components::{use_saving, ResidentDevices, SaveActions, ThemeList, ThemesForm};
use crate::format;
use crate::i18n::Lang;
use crate::route::Route;
use crate::state::{ask, use_app_state, use_commands};
use crate::sync::core_error::Explain;
use crate::sync::Command;
use crate::t;
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

/// The message that says when a prompt opens and closes ("Open since 23.11.2026 · closes
/// 1.12.2026" and the like), with its `opens` and `closes` dates; `closes` is empty, and
/// the message does not use it, when the prompt has no closing date.
pub fn prompt_dates(prompt: &Prompt, now: Timestamp) -> (&'static str, String, String) {
    let opens = format::day_or_time(prompt.opens_at);
    let closes = prompt.closes_at.map(format::day_or_time);
    let key = match (prompt_state(prompt, now), closes.is_some()) {
        (PromptState::Open, true) => "organise-diary-prompt-open-closes",
        (PromptState::Open, false) => "organise-diary-prompt-open-no-close",
        (PromptState::Scheduled, true) => "organise-diary-prompt-scheduled-closes",
        (PromptState::Scheduled, false) => "organise-diary-prompt-scheduled-no-close",
        (PromptState::Closed, true) => "organise-diary-prompt-was-open",
        (PromptState::Closed, false) => "organise-diary-prompt-closed-opened",
    };
    (key, opens, closes.unwrap_or_default())
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
    let translations0 = existing
        .as_ref()
        .map(|p| p.translations.clone())
        .unwrap_or_default();
    let mut translations = use_signal(|| translations0);
    let state = use_app_state();
    let others = state.read().other_languages();
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
            error.set(Some(t!("prompt-form-no-opening")));
            return;
        };
        let closes_at = match kept {
            Some(p) if closes() == initial.1 => p.closes_at,
            _ if closes().trim().is_empty() => None,
            _ => match format::parse_date_input(&closes()).and_then(format::day_start) {
                Some(c) => Some(c),
                None => {
                    error.set(Some(t!("prompt-form-bad-closing")));
                    return;
                }
            },
        };
        let draft = PromptDraft {
            text: text().trim().to_owned(),
            opens_at,
            closes_at,
            translations: translations(),
        };
        if let Err(e) = draft.validate() {
            error.set(Some(e.explain()));
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
                        translations.set(Default::default());
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
            label { r#for: "{prefix}-text", {t!("prompt-form-text")} }
            p { class: "hint", id: "{prefix}-text-hint",
                {t!("prompt-form-text-hint", max: MAX_PROMPT_CHARS)}
            }
            textarea {
                id: "{prefix}-text",
                rows: "3",
                aria_describedby: "{prefix}-text-hint",
                value: "{text}",
                oninput: move |e| { text.set(e.value()); saved.set(false); },
            }
            for code in others {
                {
                    let name = Lang::name_of(&code);
                    let now = translations.read().get(&code).cloned().unwrap_or_default();
                    let c = code.clone();
                    rsx! {
                        label { r#for: "{prefix}-text-{code}", {t!("prompt-form-text-in", language: name)} }
                        textarea {
                            id: "{prefix}-text-{code}",
                            lang: "{code}",
                            rows: "3",
                            value: "{now}",
                            oninput: move |e| { translations.write().insert(c.clone(), e.value()); saved.set(false); },
                        }
                    }
                }
            }
            label { r#for: "{prefix}-opens", {t!("prompt-form-opens")} }
            input {
                id: "{prefix}-opens",
                r#type: "date",
                value: "{opens}",
                oninput: move |e| { opens.set(e.value()); saved.set(false); },
            }
            label { r#for: "{prefix}-closes", {t!("prompt-form-closes")} }
            p { class: "hint", id: "{prefix}-closes-hint",
                {t!("prompt-form-closes-hint")}
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
                        {t!("prompt-form-saving")}
                    } else if editing.is_some() {
                        {t!("prompt-form-save-changes")}
                    } else {
                        {t!("prompt-form-add")}
                    }
                }
                if editing.is_some() {
                    button { class: "button", r#type: "button", onclick: move |_| on_done.call(()),
                        {t!("cancel")}
                    }
                }
            }
            if saved() {
                p { class: "saved", role: "status", {t!("prompt-form-added")} }
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
        PromptState::Open => (t!("organise-diary-prompt-open"), "open"),
        PromptState::Scheduled => (t!("organise-diary-prompt-scheduled"), "scheduled"),
        PromptState::Closed => (t!("organise-diary-prompt-closed"), "closed"),
    };
    let (dates_key, opens, closes) = prompt_dates(&prompt, now);
    let dates = crate::i18n::use_i18n().t_args(
        dates_key,
        &[("opens", opens.into()), ("closes", closes.into())],
    );
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
            translations: to_close.translations.clone(),
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
            p { class: "prompt-text", {prompt.text_in(crate::i18n::use_i18n().lang().code())} }
            p { class: "prompt-dates",
                span { class: "prompt-state {class}", "{word}" }
                " {dates}"
            }
            if confirming() {
                p { class: "confirm-text", {t!("organise-diary-prompt-remove-confirm")} }
                div { class: "actions",
                    button { class: "button danger", r#type: "button", disabled: busy(),
                        onclick: remove,
                        if busy() { {t!("organise-diary-prompt-removing")} } else { {t!("organise-diary-prompt-remove-yes")} }
                    }
                    button { class: "button", r#type: "button", onclick: move |_| confirming.set(false),
                        {t!("keep-it")}
                    }
                }
            } else {
                div { class: "actions",
                    button { class: "button", r#type: "button", onclick: move |_| editing.set(true),
                        {t!("organise-diary-prompt-edit")}
                    }
                    if state == PromptState::Open {
                        button { class: "button", r#type: "button", disabled: busy(),
                            onclick: close_now,
                            if busy() { {t!("organise-diary-prompt-closing")} } else { {t!("organise-diary-prompt-close-now")} }
                        }
                    }
                    button { class: "button danger", r#type: "button",
                        onclick: move |_| confirming.set(true),
                        {t!("organise-diary-prompt-remove")}
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
                {t!("organise-diary-prompts-heading", count: prompts.len())}
            }
            p { class: "hint", {t!("organise-diary-prompts-hint")} }
            if !prompts.is_empty() {
                ul { class: "prompt-list",
                    for p in prompts {
                        PromptRow { key: "{p.id}", prompt: p, now: at }
                    }
                }
            }
            h3 { {t!("organise-diary-new-prompt")} }
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
            saving.refuse(t!("organise-diary-notice-too-long", max: MAX_NOTICE_CHARS));
            return;
        }
        saving.save(commands, |reply| Command::SetSafeguarding {
            text: notice,
            reply,
        });
    };
    rsx! {
        section { class: "card", aria_labelledby: "safeguarding-title",
            h2 { id: "safeguarding-title", {t!("organise-diary-notice-title")} }
            form { "data-testid": "safeguarding-form", onsubmit: save, novalidate: true,
                label { r#for: "safeguarding-text", {t!("organise-diary-notice-label")} }
                p { class: "hint", id: "safeguarding-hint", {t!("organise-diary-notice-hint")} }
                textarea {
                    id: "safeguarding-text",
                    rows: "8",
                    aria_describedby: "safeguarding-hint",
                    value: "{text}",
                    oninput: move |e| { text.set(e.value()); saving.edited(); },
                }
                SaveActions {
                    saving,
                    label: t!("organise-diary-notice-save"),
                    saved_words: t!("organise-diary-notice-saved"),
                }
            }
        }
    }
}

/// Reads the idle lock field: a whole number from 1 to [`MAX_IDLE_LOCK_MINUTES`].
pub fn parse_minutes(value: &str) -> Option<u32> {
    value
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=MAX_IDLE_LOCK_MINUTES).contains(n))
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
            Some(minutes) => saving.save(commands, move |reply| Command::SetIdleLock {
                minutes,
                reply,
            }),
            None => saving.refuse(t!("organise-diary-idle-lock-bad", max: MAX_IDLE_LOCK_MINUTES)),
        }
    };
    rsx! {
        section { class: "card", aria_labelledby: "idle-lock-title",
            h2 { id: "idle-lock-title", {t!("organise-diary-idle-lock-title")} }
            form { "data-testid": "idle-lock-form", onsubmit: save, novalidate: true,
                label { r#for: "idle-lock-minutes", {t!("organise-diary-idle-lock-label")} }
                p { class: "hint", id: "idle-lock-hint",
                    {t!("organise-diary-idle-lock-hint", max: MAX_IDLE_LOCK_MINUTES)}
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
                    label: t!("organise-diary-idle-lock-save"),
                    saved_words: t!("organise-diary-idle-lock-saved"),
                }
            }
        }
    }
}

/// The languages organisers write events, prompts and idea calls in: a first language,
/// whose text everyone sees when a translation is missing, and others.
#[component]
fn LanguagesForm() -> Element {
    let state = use_app_state();
    let commands = use_commands();
    let current = state.read().project_languages.clone();
    let first0 = current.first().cloned().unwrap_or_else(|| "fi".into());
    let mut first = use_signal(|| first0);
    let mut others = use_signal(|| current.iter().skip(1).cloned().collect::<Vec<String>>());
    let saving = use_saving();
    let save = move |evt: FormEvent| {
        evt.prevent_default();
        let mut languages = vec![first()];
        languages.extend(others().into_iter().filter(|l| *l != first()));
        saving.save(commands, move |reply| Command::SetLanguages {
            languages,
            reply,
        });
    };
    rsx! {
        section { class: "card", aria_labelledby: "languages-title",
            h2 { id: "languages-title", {t!("organise-diary-languages-title")} }
            form { "data-testid": "languages-form", onsubmit: save, novalidate: true,
                p { class: "hint", {t!("organise-diary-languages-hint")} }
                label { r#for: "languages-first", {t!("organise-diary-languages-first")} }
                select {
                    id: "languages-first",
                    value: "{first}",
                    onchange: move |e| { first.set(e.value()); saving.edited(); },
                    for lang in Lang::ALL {
                        option { value: lang.code(), selected: first() == lang.code(), {lang.native_name()} }
                    }
                }
                fieldset { class: "checks",
                    legend { {t!("organise-diary-languages-others")} }
                    for lang in Lang::ALL.into_iter().filter(|l| l.code() != first()) {
                        label { class: "check",
                            input {
                                r#type: "checkbox",
                                checked: others.read().iter().any(|o| o == lang.code()),
                                onchange: move |e| {
                                    let code = lang.code().to_owned();
                                    let mut list = others.write();
                                    list.retain(|o| *o != code);
                                    if e.checked() {
                                        list.push(code);
                                    }
                                    saving.edited();
                                },
                            }
                            span { lang: lang.code(), {lang.native_name()} }
                        }
                    }
                }
                SaveActions {
                    saving,
                    label: t!("organise-diary-languages-save"),
                    saved_words: t!("organise-diary-languages-saved"),
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
            error.set(Some(t!("setup-no-name")));
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
            h2 { id: "setup-person-title", {t!("setup-title")} }
            p { class: "hint", {t!("setup-intro")} }
            form { "data-testid": "setup-person-form", onsubmit: submit, novalidate: true,
                label { r#for: "setup-name", {t!("setup-name")} }
                input {
                    id: "setup-name",
                    r#type: "text",
                    autocomplete: "off",
                    value: "{name}",
                    oninput: move |e| name.set(e.value()),
                }
                div { class: "actions",
                    button { class: "button primary", r#type: "submit", disabled: busy(),
                        if busy() { {t!("setup-making")} } else { {t!("setup-make")} }
                    }
                }
                if let Some(e) = error() {
                    p { class: "error", role: "alert", "{e}" }
                }
            }
            if let Some((who, code, expires)) = made() {
                div { class: "link-code", role: "status",
                    p { {t!("setup-code-for", name: who)} }
                    p { class: "code", "data-testid": "setup-code", "{code}" }
                    p {
                        {t!("setup-code-how",
                            add: t!("lock-add"),
                            have_code: t!("link-title"),
                            until: format::date_time(Timestamp::from_millis(expires)),
                        )}
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
            p { class: "card", {t!("organise-diary-organisers-only")} }
        };
    }
    let shared = st.shared_entries.len();
    drop(st);
    rsx! {
        h1 { class: "section-title", {t!("organise-diary-title")} }
        p { class: "card",
            Link { to: Route::OrganiseEntries {}, {t!("organise-diary-shared-link", count: shared)} }
        }
        PromptsSection {}
        SafeguardingForm {}
        IdleLockForm {}
        LanguagesForm {}
        ThemesForm { list: ThemeList::Analysis }
        SetUpPersonForm {}
        ResidentDevices {}
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
            translations: Default::default(),
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
        let (key, opens, closes) = prompt_dates(&p, Timestamp(p.opens_at.millis() + day));
        assert_eq!(key, "organise-diary-prompt-open-no-close");
        assert_eq!(opens, format::day_or_time(p.opens_at));
        assert_eq!(closes, "");
        let closed = prompt(1_795_435_200_000, Some(1_795_435_200_000 + day));
        let (key, _, closes) = prompt_dates(&closed, Timestamp(1_795_435_200_000 + 2 * day));
        assert_eq!(key, "organise-diary-prompt-was-open");
        assert_eq!(
            closes,
            format::day_or_time(Timestamp(1_795_435_200_000 + day))
        );
    }

    #[test]
    fn every_prompt_date_message_exists_with_its_dates_in_english() {
        use crate::i18n::{translate, Lang};
        use fluent_bundle::FluentArgs;
        let mut args = FluentArgs::new();
        args.set("opens", "23.11.2026");
        args.set("closes", "1.12.2026");
        let day = 86_400_000;
        let start = 1_795_435_200_000;
        let cases = [
            (
                prompt(start, Some(start + 2 * day)),
                start + day,
                "Open since 23.11.2026 · closes 1.12.2026",
            ),
            (
                prompt(start, None),
                start + day,
                "Open since 23.11.2026 · no closing date",
            ),
            (
                prompt(start, Some(start + 2 * day)),
                start - day,
                "Opens 23.11.2026 · closes 1.12.2026",
            ),
            (
                prompt(start, None),
                start - day,
                "Opens 23.11.2026 · no closing date",
            ),
            (
                prompt(start, Some(start + day)),
                start + 2 * day,
                "Was open 23.11.2026 – 1.12.2026",
            ),
        ];
        for (p, at, english) in cases {
            let (key, _, _) = prompt_dates(&p, Timestamp(at));
            assert_eq!(translate(Lang::En, key, Some(&args)), english);
        }
        // Only a prompt that had a closing date can be closed; the message is there anyway.
        assert_eq!(
            translate(Lang::En, "organise-diary-prompt-closed-opened", Some(&args)),
            "Closed · opened 23.11.2026"
        );
    }

    #[test]
    fn idle_minutes_are_whole_numbers_within_the_hour() {
        assert_eq!(parse_minutes(" 5 "), Some(5));
        assert_eq!(parse_minutes("60"), Some(60));
        assert!(parse_minutes("0").is_none());
        assert!(parse_minutes("61").is_none());
        assert!(parse_minutes("viisi").is_none());
    }
}
