//! Organisers: writing a new event or editing one. The form keeps what was written until
//! the driver says the event is saved on this device; a new event's form then empties.

use crate::format;
use crate::i18n::Lang;
use crate::state::{ask, use_app_state, use_commands};
use crate::sync::core_error::Explain;
use crate::sync::Command;
use crate::t;
use chrono::{Duration, Local, Timelike};
use dioxus::prelude::*;
use kumppani_core::ids::EventId;
use kumppani_core::model::event::{Accessibility, Event, EventDraft, EventText};
use kumppani_core::time::Timestamp;
use std::collections::BTreeMap;

/// The default start of a new event: the next full hour, and its end two hours later.
fn default_times() -> (String, String) {
    let now = Local::now();
    let hour = now
        .with_minute(0)
        .and_then(|t| t.with_second(0))
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(now);
    let start = hour + Duration::hours(1);
    let end = start + Duration::hours(2);
    (
        format::input_value(Timestamp::from_utc(start.to_utc())),
        format::input_value(Timestamp::from_utc(end.to_utc())),
    )
}

/// "fi, sv,en" → ["fi", "sv", "en"].
pub fn parse_languages(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Empty is no limit; otherwise a whole number of seats.
pub fn parse_capacity(text: &str) -> Result<Option<u32>, std::num::ParseIntError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<u32>().map(Some)
}

#[component]
pub fn EventForm(existing: Option<Event>, on_saved: EventHandler<EventId>) -> Element {
    let commands = use_commands();
    let state = use_app_state();
    // The first language's text is the title and description; these are the others.
    let others = state.read().other_languages();
    let initial = existing.as_ref().map(|e| (e.id, e.draft()));
    let editing = initial.as_ref().map(|(id, _)| *id);
    let draft0 = initial.map(|(_, d)| d);
    let d = draft0.clone();
    let mut title = use_signal(|| d.as_ref().map(|d| d.title.clone()).unwrap_or_default());
    let d = draft0.clone();
    let mut description = use_signal(|| {
        d.as_ref()
            .map(|d| d.description.clone())
            .unwrap_or_default()
    });
    let d = draft0.clone();
    let mut starts = use_signal(|| match &d {
        Some(d) => format::input_value(d.starts_at),
        None => default_times().0,
    });
    let d = draft0.clone();
    let mut ends = use_signal(|| match &d {
        Some(d) => format::input_value(d.ends_at),
        None => default_times().1,
    });
    let d = draft0.clone();
    let mut place = use_signal(|| d.as_ref().map(|d| d.place.clone()).unwrap_or_default());
    let d = draft0.clone();
    let mut capacity = use_signal(|| {
        d.as_ref()
            .and_then(|d| d.capacity)
            .map(|c| c.to_string())
            .unwrap_or_default()
    });
    let d = draft0.clone();
    let mut needs_approval = use_signal(|| d.as_ref().is_some_and(|d| d.needs_approval));
    let d = draft0.clone();
    let mut languages = use_signal(|| {
        d.as_ref()
            .map(|d| d.languages.join(", "))
            .unwrap_or_default()
    });
    let d = draft0.clone();
    let mut translations = use_signal(|| {
        d.map(|d| d.translations)
            .unwrap_or_else(BTreeMap::<String, EventText>::new)
    });
    let d = draft0;
    let mut access = use_signal(|| d.map(|d| d.accessibility).unwrap_or_default());
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let mut saved = use_signal(|| false);
    // Field ids must not collide with the page's heading ids ("new-event-title").
    let prefix = editing
        .map(|id| format!("event-form-{id}"))
        .unwrap_or_else(|| "event-form-new".into());

    let submit = move |evt: FormEvent| {
        evt.prevent_default();
        if busy() {
            return;
        }
        saved.set(false);
        let Some(starts_at) = format::parse_input(&starts()) else {
            error.set(Some(t!("event-form-bad-start")));
            return;
        };
        let Some(ends_at) = format::parse_input(&ends()) else {
            error.set(Some(t!("event-form-bad-end")));
            return;
        };
        let seats = match parse_capacity(&capacity()) {
            Ok(c) => c,
            Err(_) => {
                error.set(Some(t!("event-form-bad-capacity")));
                return;
            }
        };
        let draft = EventDraft {
            title: title().trim().to_owned(),
            description: description().trim().to_owned(),
            starts_at,
            ends_at,
            place: place().trim().to_owned(),
            capacity: seats,
            needs_approval: needs_approval(),
            languages: parse_languages(&languages()),
            accessibility: access(),
            translations: translations(),
        };
        if let Err(e) = draft.validate() {
            error.set(Some(e.explain()));
            return;
        }
        busy.set(true);
        error.set(None);
        spawn(async move {
            let result = ask(commands, |reply| Command::SaveEvent {
                id: editing,
                draft,
                reply,
            })
            .await;
            busy.set(false);
            match result {
                Ok(id) => {
                    if editing.is_none() {
                        let (s, e) = default_times();
                        title.set(String::new());
                        description.set(String::new());
                        starts.set(s);
                        ends.set(e);
                        place.set(String::new());
                        capacity.set(String::new());
                        needs_approval.set(false);
                        languages.set(String::new());
                        access.set(Accessibility::default());
                        translations.set(BTreeMap::new());
                    }
                    saved.set(true);
                    on_saved.call(id);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };

    let is_edit = editing.is_some();
    let a = access();
    rsx! {
        form { class: "event-form", onsubmit: submit, novalidate: true,
            label { r#for: "{prefix}-title", {t!("event-form-title")} }
            input {
                id: "{prefix}-title",
                name: "title",
                value: "{title}",
                oninput: move |e| { title.set(e.value()); saved.set(false); },
            }
            label { r#for: "{prefix}-description", {t!("event-form-description")} }
            textarea {
                id: "{prefix}-description",
                name: "description",
                rows: "4",
                value: "{description}",
                oninput: move |e| description.set(e.value()),
            }
            for code in others {
                {
                    let name = Lang::name_of(&code);
                    let now = translations.read().get(&code).cloned().unwrap_or_default();
                    let (c1, c2) = (code.clone(), code.clone());
                    rsx! {
                        label { r#for: "{prefix}-title-{code}", {t!("event-form-title-in", language: name.clone())} }
                        input {
                            id: "{prefix}-title-{code}",
                            name: "title-{code}",
                            lang: "{code}",
                            value: "{now.title}",
                            oninput: move |e| {
                                translations.write().entry(c1.clone()).or_default().title = e.value();
                                saved.set(false);
                            },
                        }
                        label { r#for: "{prefix}-description-{code}", {t!("event-form-description-in", language: name)} }
                        textarea {
                            id: "{prefix}-description-{code}",
                            name: "description-{code}",
                            lang: "{code}",
                            rows: "4",
                            value: "{now.description}",
                            oninput: move |e| {
                                translations.write().entry(c2.clone()).or_default().description = e.value();
                            },
                        }
                    }
                }
            }
            label { r#for: "{prefix}-starts", {t!("event-form-starts")} }
            input {
                id: "{prefix}-starts",
                r#type: "datetime-local",
                name: "starts",
                value: "{starts}",
                oninput: move |e| starts.set(e.value()),
            }
            label { r#for: "{prefix}-ends", {t!("event-form-ends")} }
            input {
                id: "{prefix}-ends",
                r#type: "datetime-local",
                name: "ends",
                value: "{ends}",
                oninput: move |e| ends.set(e.value()),
            }
            label { r#for: "{prefix}-place", {t!("event-form-place")} }
            input {
                id: "{prefix}-place",
                name: "place",
                value: "{place}",
                oninput: move |e| place.set(e.value()),
            }
            label { r#for: "{prefix}-capacity", {t!("event-form-capacity")} }
            input {
                id: "{prefix}-capacity",
                r#type: "number",
                inputmode: "numeric",
                min: "1",
                step: "1",
                name: "capacity",
                value: "{capacity}",
                oninput: move |e| capacity.set(e.value()),
            }
            label { class: "check",
                input {
                    r#type: "checkbox",
                    name: "needs-approval",
                    checked: needs_approval(),
                    onchange: move |e| needs_approval.set(e.checked()),
                }
                span { {t!("event-form-needs-approval")} }
            }
            label { r#for: "{prefix}-languages", {t!("event-form-languages")} }
            input {
                id: "{prefix}-languages",
                name: "languages",
                value: "{languages}",
                oninput: move |e| languages.set(e.value()),
            }
            fieldset { class: "checks",
                legend { {t!("event-form-accessibility")} }
                label { class: "check",
                    input {
                        r#type: "checkbox",
                        name: "step-free",
                        checked: a.step_free,
                        onchange: move |e| access.write().step_free = e.checked(),
                    }
                    span { {t!("event-form-step-free")} }
                }
                label { class: "check",
                    input {
                        r#type: "checkbox",
                        name: "induction-loop",
                        checked: a.induction_loop,
                        onchange: move |e| access.write().induction_loop = e.checked(),
                    }
                    span { {t!("event-form-induction-loop")} }
                }
                label { class: "check",
                    input {
                        r#type: "checkbox",
                        name: "sign-language",
                        checked: a.sign_language,
                        onchange: move |e| access.write().sign_language = e.checked(),
                    }
                    span { {t!("event-form-sign-language")} }
                }
                label { class: "check",
                    input {
                        r#type: "checkbox",
                        name: "quiet-room",
                        checked: a.quiet_room,
                        onchange: move |e| access.write().quiet_room = e.checked(),
                    }
                    span { {t!("event-form-quiet-room")} }
                }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
            if saved() {
                p { class: "saved", role: "status",
                    if is_edit { {t!("event-form-changes-saved")} } else { {t!("event-form-saved")} }
                }
            }
            div { class: "actions",
                button { class: "button primary", r#type: "submit", disabled: busy(),
                    if busy() {
                        {t!("event-form-saving")}
                    } else if is_edit {
                        {t!("event-form-save-changes")}
                    } else {
                        {t!("event-form-create")}
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_split_on_commas_and_trimmed() {
        assert_eq!(parse_languages(" fi, sv,,en "), ["fi", "sv", "en"]);
        assert!(parse_languages("  ").is_empty());
    }

    #[test]
    fn an_empty_capacity_is_no_limit_and_words_are_refused() {
        assert_eq!(parse_capacity(" "), Ok(None));
        assert_eq!(parse_capacity("12"), Ok(Some(12)));
        assert!(parse_capacity("many").is_err());
        assert!(parse_capacity("-3").is_err());
    }
}
