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
use crate::views::organise::is_organiser;
use analysis::{Filter, PromptFilter, WeekMood};
use chrono::Local;
use dioxus::prelude::*;
use kumppani_core::ids::EntryId;
use kumppani_core::model::member::Sharing;
use kumppani_core::model::project::Prompt;
use kumppani_core::model::staff::SharedEntry;
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

/// `diary-entries-2026-11-27.csv`
fn export_name(ext: &str) -> String {
    let today = format::local(Timestamp::from_utc(chrono::Utc::now()));
    format!("diary-entries-{}.{ext}", today.format("%Y-%m-%d"))
}

/// The average mood per week as a table, a bar per week out of 5.
#[component]
fn MoodChart(weeks: Vec<WeekMood>) -> Element {
    rsx! {
        table { class: "bar-chart", id: "mood-by-week", "data-testid": "mood-by-week",
            caption { "Average mood per week (1 very bad – 5 very good)" }
            thead {
                tr {
                    th { scope: "col", "Week" }
                    th { scope: "col", "Average mood" }
                    th { scope: "col", "Entries" }
                }
            }
            tbody {
                for (w, monday) in weeks.into_iter().map(|w| { let m = w.monday.format("%-d.%-m.").to_string(); (w, m) }) {
                    tr { key: "{w.year}-{w.week}",
                        th { scope: "row",
                            "{w.label()}"
                            span { class: "muted", " (from {monday})" }
                        }
                        td {
                            div { class: "bar-cell",
                                span { class: "bar", aria_hidden: "true",
                                    style: "width: {(w.average * 20.0).round()}%",
                                }
                                span { class: "bar-count", "{w.average:.1}" }
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
                "To code entries, add analysis themes on the "
                Link { to: Route::OrganiseDiary {}, "diary settings page" }
                "."
            }
        };
    }
    rsx! {
        fieldset { class: "checks entry-codes",
            legend { "Codes" }
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
                    "Code “{theme}”"
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
    prompt: Option<String>,
    themes: Vec<String>,
    codes: BTreeSet<String>,
) -> Element {
    rsx! {
        article { class: "card shared-entry", "data-testid": "shared-entry",
            p { class: "entry-head",
                span { class: "entry-date", "{format::date_time(entry.at)}" }
                span { class: "mood mood-{entry.mood.get()}", "Mood: {analysis::mood_words(entry.mood)}" }
            }
            if let Some(p) = prompt {
                p { class: "entry-prompt",
                    if p == analysis::REMOVED_PROMPT {
                        "Answers a removed prompt"
                    } else {
                        "Answers: {p}"
                    }
                }
            }
            p { class: "entry-text", "{entry.text}" }
            if !entry.tags.is_empty() {
                ul { class: "tags", aria_label: "Tags",
                    for tag in entry.tags.iter() {
                        li { key: "{tag}", "{tag}" }
                    }
                }
            }
            p { class: "entry-sharer",
                match (entry.sharing, entry.author_name.as_deref()) {
                    (Sharing::Named, Some(name)) => rsx! { "Shared by {name}" },
                    (Sharing::Named, None) => rsx! { "Shared by name" },
                    (Sharing::Anonymous, _) => rsx! { "Shared anonymously" },
                }
            }
            EntryCodes { entry: entry.id, themes, codes }
        }
    }
}

#[component]
pub fn OrganiseEntries() -> Element {
    let state = use_app_state();
    let mut prompt_choice = use_signal(|| "any".to_owned());
    let mut tag_choice = use_signal(String::new);
    let mut mood_choice = use_signal(String::new);
    let mut from = use_signal(String::new);
    let mut to = use_signal(String::new);
    let mut leave_out_names = use_signal(|| true);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let mut started = use_signal(|| None::<&'static str>);

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
            p { class: "card", "This page is for the project's organisers." }
        };
    }
    let filter = current_filter();
    let total = st.shared_entries.len();
    let kept = analysis::filtered(&st.shared_entries, &filter);
    let shown = kept.len();
    let by_prompt: Vec<(String, usize)> = analysis::counts_by_prompt(&st.prompts, &kept)
        .into_iter()
        .map(|(p, n)| (short(&p), n))
        .collect();
    let weeks = analysis::weekly_mood(&kept, &Local);
    let prompts: Vec<Prompt> = st.prompts.clone();
    let tags = analysis::tags_present(&st.shared_entries);
    let themes = st.analysis_themes.clone();
    let cards: Vec<(SharedEntry, Option<String>, BTreeSet<String>)> = kept
        .iter()
        .map(|e| {
            (
                (*e).clone(),
                analysis::prompt_text(&st.prompts, e.prompt),
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
        spawn(async move {
            let result = if json {
                match analysis::entries_json(&rows) {
                    Ok(text) => {
                        save_file(
                            &export_name("json"),
                            &text,
                            "application/json;charset=utf-8",
                        )
                        .await
                    }
                    Err(e) => Err(e),
                }
            } else {
                save_file(
                    &export_name("csv"),
                    &analysis::entries_csv(&rows, names),
                    "text/csv;charset=utf-8",
                )
                .await
            };
            busy.set(false);
            match result {
                Ok(()) => started.set(Some(if json {
                    "The JSON file is downloading."
                } else {
                    "The CSV file is downloading."
                })),
                Err(e) => error.set(Some(e)),
            }
        });
    };

    rsx! {
        h1 { class: "section-title", "Shared diary entries" }
        section { class: "card", aria_labelledby: "entries-filter-title",
            h2 { id: "entries-filter-title", "Show" }
            form { class: "entries-filter", onsubmit: move |e| e.prevent_default(),
                label { r#for: "filter-prompt", "Prompt" }
                select {
                    id: "filter-prompt",
                    value: "{prompt_choice}",
                    onchange: move |e| prompt_choice.set(e.value()),
                    option { value: "any", selected: prompt_choice() == "any", "Any prompt" }
                    for p in prompts {
                        option { key: "{p.id}", value: "{p.id}",
                            selected: prompt_choice() == p.id.to_string(),
                            "{short(&p.text)}"
                        }
                    }
                    option { value: "none", selected: prompt_choice() == "none", "No prompt" }
                }
                label { r#for: "filter-tag", "Tag" }
                select {
                    id: "filter-tag",
                    value: "{tag_choice}",
                    onchange: move |e| tag_choice.set(e.value()),
                    option { value: "", selected: tag_choice().is_empty(), "Any tag" }
                    for t in tags {
                        option { key: "{t}", value: "{t}", selected: tag_choice() == t, "{t}" }
                    }
                }
                label { r#for: "filter-mood", "Mood" }
                select {
                    id: "filter-mood",
                    value: "{mood_choice}",
                    onchange: move |e| mood_choice.set(e.value()),
                    option { value: "", selected: mood_choice().is_empty(), "Any mood" }
                    for (i, word) in analysis::MOOD_WORDS.iter().enumerate() {
                        option { key: "{i}", value: "{i + 1}",
                            selected: mood_choice() == (i + 1).to_string(),
                            "{word} ({i + 1})"
                        }
                    }
                }
                div { class: "date-range",
                    div {
                        label { r#for: "filter-from", "From date" }
                        input {
                            id: "filter-from",
                            r#type: "date",
                            value: "{from}",
                            oninput: move |e| from.set(e.value()),
                        }
                    }
                    div {
                        label { r#for: "filter-to", "To date" }
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
                        "Show all"
                    }
                }
            }
            p { "data-testid": "entries-count", role: "status",
                if total == 1 { "Showing {shown} of 1 entry" } else { "Showing {shown} of {total} entries" }
            }
        }
        section { class: "card", aria_labelledby: "entries-charts-title",
            h2 { id: "entries-charts-title", "At a glance" }
            p { class: "hint", "The charts count the entries shown." }
            BarChart {
                id: "entries-by-prompt",
                caption: "Entries per prompt",
                heading: "Prompt",
                unit: "Entries",
                rows: by_prompt,
            }
            if weeks.is_empty() {
                p { class: "muted", "No entries to show a mood for." }
            } else {
                MoodChart { weeks }
            }
        }
        section { class: "card", aria_labelledby: "entries-export-title",
            h2 { id: "entries-export-title", "Export" }
            p { class: "hint", "The files hold the {shown} entries shown, with their codes." }
            label { class: "check", r#for: "export-leave-out-names",
                input {
                    id: "export-leave-out-names",
                    r#type: "checkbox",
                    checked: leave_out_names(),
                    onchange: move |e: FormEvent| leave_out_names.set(e.checked()),
                }
                "Leave out names"
            }
            div { class: "actions",
                button { class: "button", r#type: "button", disabled: busy(),
                    "data-testid": "export-entries-csv",
                    onclick: move |_| export(false),
                    "Download entries (CSV)"
                }
                button { class: "button", r#type: "button", disabled: busy(),
                    "data-testid": "export-entries-json",
                    onclick: move |_| export(true),
                    "Download entries (JSON)"
                }
            }
            if let Some(words) = started() {
                p { class: "saved", role: "status", "{words}" }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
        }
        section { aria_labelledby: "entries-list-title",
            h2 { id: "entries-list-title", class: "section-title",
                if total == 0 {
                    "No shared entries yet"
                } else if shown == 0 {
                    "No entries match"
                } else {
                    "Entries ({shown})"
                }
            }
            ul { class: "entries",
                for (entry, prompt, codes) in cards {
                    li { key: "{entry.id}",
                        SharedEntryCard { entry, prompt, themes: themes.clone(), codes }
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
