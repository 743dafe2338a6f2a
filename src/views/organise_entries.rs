//! Organisers: the inbox of diary entries that members shared — filters, two charts
//! (entries per prompt, mood per week), coding with the analysis themes, and the shown
//! entries as CSV or JSON, with or without names.
//!
//! The counting and the exports are pure and tested in [`analysis`].

mod analysis;

use crate::components::BarChart;
use crate::download::save_file;
use crate::format;
use crate::route::Route;
use crate::state::{ask, use_app_state, use_commands};
use crate::sync::Command;
use crate::t;
use crate::views::organise::is_organiser;
use analysis::{Answers, Filter, PromptFilter, WeekMood};
use chrono::Local;
use dioxus::prelude::*;
use kumppani_core::ids::EntryId;
use kumppani_core::model::member::Sharing;
use kumppani_core::model::project::Prompt;
use kumppani_core::model::staff::{ExportKind, SharedEntry};
use kumppani_core::time::Timestamp;
use std::collections::BTreeSet;

/// The longest prompt text in a chart row or a select option, in characters.
const SHORT_PROMPT: usize = 60;

/// A prompt cut to [`SHORT_PROMPT`] characters, with "…" where it was cut.
fn short(text: &str) -> String {
    if text.chars().count() <= SHORT_PROMPT {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(SHORT_PROMPT - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The filter the form fields describe; a field that cannot be read keeps everything.
fn read_filter(prompt: &str, tag: &str, mood: &str, from: &str, to: &str) -> Filter {
    Filter {
        prompt: match prompt {
            "none" => PromptFilter::NoPrompt,
            id => id.parse().map_or(PromptFilter::Any, PromptFilter::Prompt),
        },
        tag: Some(tag.to_owned()).filter(|t| !t.is_empty()),
        mood: mood.parse().ok(),
        from: format::parse_date_input(from).and_then(format::day_start),
        until: format::parse_date_input(to)
            .and_then(|d| d.succ_opt())
            .and_then(format::day_start),
    }
}

/// The moods' words, 1 to 5 (the diary's messages).
use crate::components::MOOD_KEYS;

/// The mood word's message key, for a mood from 1 to 5.
fn mood_key(mood: u8) -> &'static str {
    MOOD_KEYS[usize::from(mood.clamp(1, 5) - 1)]
}

/// `diary-entries-2026-11-27.csv`
fn export_name(ext: &str) -> String {
    let today = format::local(Timestamp::from_utc(chrono::Utc::now()));
    format!("diary-entries-{}.{ext}", today.format("%Y-%m-%d"))
}

/// The average mood per week as a table, a bar per week out of 5.
#[component]
fn MoodChart(weeks: Vec<WeekMood>) -> Element {
    let i18n = crate::i18n::use_i18n();
    let rows: Vec<(WeekMood, String, String, String)> = weeks
        .into_iter()
        .map(|w| {
            let (whole, tenths) = w.average_tenths();
            let label = i18n.t_args(
                "shared-entries-week",
                &[("week", w.week.into()), ("year", w.year.into())],
            );
            let from = i18n.t_args(
                "shared-entries-week-from",
                &[("date", w.monday.format("%-d.%-m.").to_string().into())],
            );
            let average = i18n.t_args(
                "shared-entries-average",
                &[("whole", whole.into()), ("tenths", tenths.into())],
            );
            (w, label, from, average)
        })
        .collect();
    rsx! {
        table { class: "bar-chart", id: "mood-by-week", "data-testid": "mood-by-week",
            caption { {t!("shared-entries-mood-caption")} }
            thead {
                tr {
                    th { scope: "col", {t!("shared-entries-week-heading")} }
                    th { scope: "col", {t!("shared-entries-average-heading")} }
                    th { scope: "col", {t!("shared-entries-entries-heading")} }
                }
            }
            tbody {
                for (w, label, from, average) in rows {
                    tr { key: "{w.year}-{w.week}",
                        th { scope: "row",
                            "{label}"
                            span { class: "muted", " {from}" }
                        }
                        td {
                            div { class: "bar-cell",
                                span { class: "bar", aria_hidden: "true",
                                    style: "width: {(w.average * 20.0).round()}%",
                                }
                                span { class: "bar-count", "{average}" }
                            }
                        }
                        td { class: "bar-count", "{w.entries}" }
                    }
                }
            }
        }
    }
}

/// Checkboxes that code one entry with each analysis theme.
#[component]
fn EntryCodes(entry: EntryId, themes: Vec<String>, codes: BTreeSet<String>) -> Element {
    let commands = use_commands();
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    if themes.is_empty() {
        return rsx! {
            p { class: "hint",
                {t!("shared-entries-no-themes-before")}
                " "
                Link { to: Route::OrganiseDiary {}, {t!("shared-entries-no-themes-link")} }
                {t!("shared-entries-no-themes-after")}
            }
        };
    }
    rsx! {
        fieldset { class: "checks entry-codes",
            legend { {t!("shared-entries-codes")} }
            for (i, theme) in themes.into_iter().enumerate() {
                label { key: "{theme}", class: "check", r#for: "code-{entry}-{i}",
                    input {
                        id: "code-{entry}-{i}",
                        r#type: "checkbox",
                        checked: codes.contains(&theme),
                        disabled: busy(),
                        onchange: move |e: FormEvent| {
                            let on = e.checked();
                            let theme = theme.clone();
                            busy.set(true);
                            error.set(None);
                            spawn(async move {
                                let result = ask(commands, |reply| Command::SetCode {
                                    entry,
                                    theme,
                                    on,
                                    reply,
                                })
                                .await;
                                busy.set(false);
                                if let Err(e) = result {
                                    error.set(Some(e));
                                }
                            });
                        },
                    }
                    {t!("shared-entries-code-theme", theme: theme.clone())}
                }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
        }
    }
}

/// One shared entry as organisers read it.
#[component]
fn SharedEntryCard(
    entry: SharedEntry,
    answers: Answers,
    themes: Vec<String>,
    codes: BTreeSet<String>,
) -> Element {
    let i18n = crate::i18n::use_i18n();
    let mood = entry.mood.get().clamp(1, 5);
    rsx! {
        article { class: "card shared-entry", "data-testid": "shared-entry",
            p { class: "entry-head",
                span { class: "entry-date", "{format::date_time(entry.at)}" }
                span { class: "mood mood-{entry.mood.get()}",
                    {t!("shared-entries-mood", word: i18n.t(mood_key(mood)), n: mood)}
                }
            }
            match answers {
                Answers::Prompt(p) => rsx! {
                    p { class: "entry-prompt", {t!("shared-entries-answers", prompt: p)} }
                },
                Answers::Removed => rsx! {
                    p { class: "entry-prompt", {t!("shared-entries-answers-removed")} }
                },
                Answers::Nothing => rsx! {},
            }
            p { class: "entry-text", "{entry.text}" }
            if !entry.tags.is_empty() {
                ul { class: "tags", aria_label: t!("shared-entries-tags"),
                    for tag in entry.tags.iter() {
                        li { key: "{tag}", "{tag}" }
                    }
                }
            }
            p { class: "entry-sharer",
                match (entry.sharing, entry.author_name.as_deref()) {
                    (Sharing::Named, Some(name)) => rsx! { {t!("shared-entries-shared-by", name: name)} },
                    (Sharing::Named, None) => rsx! { {t!("shared-entries-shared-by-name")} },
                    (Sharing::Anonymous, _) => rsx! { {t!("shared-entries-shared-anonymously")} },
                }
            }
            EntryCodes { entry: entry.id, themes, codes }
        }
    }
}

#[component]
pub fn OrganiseEntries() -> Element {
    let state = use_app_state();
    let commands = use_commands();
    let lang = crate::i18n::use_i18n().lang().code();
    let mut prompt_choice = use_signal(|| "any".to_owned());
    let mut tag_choice = use_signal(String::new);
    let mut mood_choice = use_signal(String::new);
    let mut from = use_signal(String::new);
    let mut to = use_signal(String::new);
    let mut leave_out_names = use_signal(|| true);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    // Which file started to download: JSON (true) or CSV (false).
    let mut started = use_signal(|| None::<bool>);
    let i18n = crate::i18n::use_i18n();

    let current_filter = move || {
        read_filter(
            &prompt_choice(),
            &tag_choice(),
            &mood_choice(),
            &from(),
            &to(),
        )
    };

    let st = state.read();
    if !is_organiser(&st) {
        return rsx! {
            p { class: "card", {t!("organise-diary-organisers-only")} }
        };
    }
    let filter = current_filter();
    let total = st.shared_entries.len();
    let kept = analysis::filtered(&st.shared_entries, &filter);
    let shown = kept.len();
    let by_prompt: Vec<(String, usize)> = analysis::counts_by_prompt(&st.prompts, &kept)
        .into_iter()
        .map(|(answers, n)| {
            let label = match answers {
                Answers::Prompt(p) => short(&p),
                Answers::Removed => t!("shared-entries-removed-prompt"),
                Answers::Nothing => t!("shared-entries-no-prompt"),
            };
            (label, n)
        })
        .collect();
    let weeks = analysis::weekly_mood(&kept, &Local);
    let prompts: Vec<Prompt> = st.prompts.clone();
    let tags = analysis::tags_present(&st.shared_entries);
    let themes = st.analysis_themes.clone();
    let cards: Vec<(SharedEntry, Answers, BTreeSet<String>)> = kept
        .iter()
        .map(|e| {
            (
                (*e).clone(),
                analysis::answers(&st.prompts, e.prompt),
                st.codes.get(&e.id).cloned().unwrap_or_default(),
            )
        })
        .collect();
    drop(st);

    let mut export = move |json: bool| {
        if busy() {
            return;
        }
        busy.set(true);
        error.set(None);
        started.set(None);
        let names = !leave_out_names();
        let st = state.read();
        let kept = analysis::filtered(&st.shared_entries, &current_filter());
        let rows = analysis::export_rows(&kept, &st.prompts, &st.codes, names);
        drop(st);
        let file = if json {
            analysis::entries_json(&rows)
                .map(|text| (export_name("json"), text, "application/json;charset=utf-8"))
                .map_err(|reason| t!("shared-entries-json-failed", reason: reason))
        } else {
            Ok((
                export_name("csv"),
                analysis::entries_csv(&rows, names),
                "text/csv;charset=utf-8",
            ))
        };
        spawn(async move {
            // Noted only once the file is made, and before it is handed out.
            let result = match file {
                Ok((name, text, mime)) => {
                    match ask(commands, |reply| Command::RecordExport {
                        what: ExportKind::Entries,
                        reply,
                    })
                    .await
                    {
                        Ok(()) => save_file(&name, &text, mime).await,
                        Err(e) => Err(e),
                    }
                }
                Err(e) => Err(e),
            };
            busy.set(false);
            match result {
                Ok(()) => started.set(Some(json)),
                Err(e) => error.set(Some(e)),
            }
        });
    };

    rsx! {
        h1 { class: "section-title", {t!("shared-entries-title")} }
        section { class: "card", aria_labelledby: "entries-filter-title",
            h2 { id: "entries-filter-title", {t!("shared-entries-filter-title")} }
            form { class: "entries-filter", onsubmit: move |e| e.prevent_default(),
                label { r#for: "filter-prompt", {t!("shared-entries-filter-prompt")} }
                select {
                    id: "filter-prompt",
                    value: "{prompt_choice}",
                    onchange: move |e| prompt_choice.set(e.value()),
                    option { value: "any", selected: prompt_choice() == "any", {t!("shared-entries-any-prompt")} }
                    for p in prompts {
                        option { key: "{p.id}", value: "{p.id}",
                            selected: prompt_choice() == p.id.to_string(),
                            "{short(p.text_in(lang))}"
                        }
                    }
                    option { value: "none", selected: prompt_choice() == "none", {t!("shared-entries-no-prompt")} }
                }
                label { r#for: "filter-tag", {t!("shared-entries-filter-tag")} }
                select {
                    id: "filter-tag",
                    value: "{tag_choice}",
                    onchange: move |e| tag_choice.set(e.value()),
                    option { value: "", selected: tag_choice().is_empty(), {t!("shared-entries-any-tag")} }
                    for t in tags {
                        option { key: "{t}", value: "{t}", selected: tag_choice() == t, "{t}" }
                    }
                }
                label { r#for: "filter-mood", {t!("shared-entries-filter-mood")} }
                select {
                    id: "filter-mood",
                    value: "{mood_choice}",
                    onchange: move |e| mood_choice.set(e.value()),
                    option { value: "", selected: mood_choice().is_empty(), {t!("shared-entries-any-mood")} }
                    for (i, key) in MOOD_KEYS.iter().enumerate() {
                        option { key: "{i}", value: "{i + 1}",
                            selected: mood_choice() == (i + 1).to_string(),
                            {t!("shared-entries-mood-option", word: i18n.t(key), n: i + 1)}
                        }
                    }
                }
                div { class: "date-range",
                    div {
                        label { r#for: "filter-from", {t!("shared-entries-from")} }
                        input {
                            id: "filter-from",
                            r#type: "date",
                            value: "{from}",
                            oninput: move |e| from.set(e.value()),
                        }
                    }
                    div {
                        label { r#for: "filter-to", {t!("shared-entries-to")} }
                        input {
                            id: "filter-to",
                            r#type: "date",
                            value: "{to}",
                            oninput: move |e| to.set(e.value()),
                        }
                    }
                }
                div { class: "actions",
                    button { class: "button", r#type: "button",
                        onclick: move |_| {
                            prompt_choice.set("any".into());
                            tag_choice.set(String::new());
                            mood_choice.set(String::new());
                            from.set(String::new());
                            to.set(String::new());
                        },
                        {t!("shared-entries-show-all")}
                    }
                }
            }
            p { "data-testid": "entries-count", role: "status",
                {t!("shared-entries-showing", shown: shown, total: total)}
            }
        }
        section { class: "card", aria_labelledby: "entries-charts-title",
            h2 { id: "entries-charts-title", {t!("shared-entries-charts-title")} }
            p { class: "hint", {t!("shared-entries-charts-hint")} }
            BarChart {
                id: "entries-by-prompt",
                caption: t!("shared-entries-by-prompt-caption"),
                heading: t!("shared-entries-by-prompt-heading"),
                unit: t!("shared-entries-entries-heading"),
                rows: by_prompt,
            }
            if weeks.is_empty() {
                p { class: "muted", {t!("shared-entries-no-moods")} }
            } else {
                MoodChart { weeks }
            }
        }
        section { class: "card", aria_labelledby: "entries-export-title",
            h2 { id: "entries-export-title", {t!("shared-entries-export-title")} }
            p { class: "hint", {t!("shared-entries-export-hint", count: shown)} }
            label { class: "check", r#for: "export-leave-out-names",
                input {
                    id: "export-leave-out-names",
                    r#type: "checkbox",
                    checked: leave_out_names(),
                    onchange: move |e: FormEvent| leave_out_names.set(e.checked()),
                }
                {t!("shared-entries-leave-out-names")}
            }
            div { class: "actions",
                button { class: "button", r#type: "button", disabled: busy(),
                    "data-testid": "export-entries-csv",
                    onclick: move |_| export(false),
                    {t!("shared-entries-download-csv")}
                }
                button { class: "button", r#type: "button", disabled: busy(),
                    "data-testid": "export-entries-json",
                    onclick: move |_| export(true),
                    {t!("shared-entries-download-json")}
                }
            }
            if let Some(json) = started() {
                p { class: "saved", role: "status",
                    if json {
                        {t!("shared-entries-json-downloading")}
                    } else {
                        {t!("shared-entries-csv-downloading")}
                    }
                }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
        }
        section { aria_labelledby: "entries-list-title",
            h2 { id: "entries-list-title", class: "section-title",
                if total == 0 {
                    {t!("shared-entries-none-yet")}
                } else if shown == 0 {
                    {t!("shared-entries-none-match")}
                } else {
                    {t!("shared-entries-list-heading", count: shown)}
                }
            }
            ul { class: "entries",
                for (entry, answers, codes) in cards {
                    li { key: "{entry.id}",
                        SharedEntryCard { entry, answers, themes: themes.clone(), codes }
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
    fn the_english_words_built_from_numbers_and_names_read_as_before() {
        use crate::i18n::{translate, Lang};
        use fluent_bundle::{FluentArgs, FluentValue};
        let en = |key: &str, args: &[(&str, FluentValue<'static>)]| {
            let mut fluent = FluentArgs::new();
            for (name, value) in args {
                fluent.set(*name, value.clone());
            }
            translate(Lang::En, key, Some(&fluent))
        };
        assert_eq!(
            en(
                "shared-entries-week",
                &[("week", 48.into()), ("year", 2026.into())]
            ),
            "Week 48, 2026"
        );
        assert_eq!(
            en(
                "shared-entries-average",
                &[("whole", 3.into()), ("tenths", 5.into())]
            ),
            "3.5"
        );
        let showing = |shown: usize, total: usize| {
            en(
                "shared-entries-showing",
                &[("shown", shown.into()), ("total", total.into())],
            )
        };
        assert_eq!(showing(1, 1), "Showing 1 of 1 entry");
        assert_eq!(showing(0, 12), "Showing 0 of 12 entries");
        let okay = translate(Lang::En, MOOD_KEYS[2], None);
        assert_eq!(
            en(
                "shared-entries-mood-option",
                &[("word", okay.into()), ("n", 3.into())]
            ),
            "Okay (3)"
        );
        assert_eq!(
            en(
                "shared-entries-code-theme",
                &[("theme", "Turvallisuus".into())]
            ),
            "Code “Turvallisuus”"
        );
    }

    #[test]
    fn long_prompts_are_cut_with_an_ellipsis() {
        assert_eq!(short("Lyhyt"), "Lyhyt");
        let long = "ä".repeat(80);
        let cut = short(&long);
        assert_eq!(cut.chars().count(), SHORT_PROMPT);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn form_fields_become_a_filter_and_unreadable_ones_keep_everything() {
        let f = read_filter("none", "koulu", "4", "", "eilen");
        assert_eq!(f.prompt, PromptFilter::NoPrompt);
        assert_eq!(f.tag.as_deref(), Some("koulu"));
        assert_eq!(f.mood, Some(4));
        assert_eq!((f.from, f.until), (None, None));
        assert_eq!(read_filter("any", "", "", "", ""), Filter::default());
        let days = read_filter("any", "", "", "2026-11-23", "2026-11-23");
        let (from, until) = (days.from.unwrap(), days.until.unwrap());
        // One whole day (a day with a clock change may be an hour longer or shorter).
        assert!((until.millis() - from.millis() - 86_400_000).abs() <= 3_600_000);
    }
}
