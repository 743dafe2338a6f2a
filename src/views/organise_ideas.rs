//! Organisers: ideas at a glance — counts per theme and status, the ideas waiting for an
//! answer, the moderation queue, and the published ideas as CSV or JSON.
//!
//! The app has no member documents, so its moderation queue is every published idea or
//! comment that is hidden, whether by reports or by an organiser.

use crate::components::{idea_status_words, BarChart, ModerationControls, ThemeList, ThemesForm};
use crate::download::save_file;
use crate::format;
use crate::route::Route;
use crate::state::{ask, use_app_state, use_commands};
use crate::sync::Command;
use crate::t;
use crate::views::organise::is_organiser;
use chrono::SecondsFormat;
use dioxus::prelude::*;
use kumppani_core::ids::IdeaId;
use kumppani_core::model::idea::{IdeaStatus, PublishedIdea, ReportTarget};
use kumppani_core::model::staff::ExportKind;
use kumppani_core::time::Timestamp;

/// Ideas per theme: the project's themes in their order (with zeros), then any other
/// theme an idea was written under, then ideas with no theme (`None`).
pub fn counts_by_theme(themes: &[String], ideas: &[PublishedIdea]) -> Vec<(Option<String>, usize)> {
    let mut rows: Vec<(Option<String>, usize)> = Vec::new();
    let mut add =
        |name: Option<&str>, n: usize| match rows.iter_mut().find(|(t, _)| t.as_deref() == name) {
            Some(row) => row.1 += n,
            None => rows.push((name.map(str::to_owned), n)),
        };
    for theme in themes {
        let theme = theme.trim();
        if !theme.is_empty() {
            add(Some(theme), 0);
        }
    }
    for idea in ideas {
        let theme = idea.theme.trim();
        add(Some(theme).filter(|t| !t.is_empty()), 1);
    }
    rows
}

/// Ideas per status, every status in path order.
pub fn counts_by_status(ideas: &[PublishedIdea]) -> Vec<(IdeaStatus, usize)> {
    IdeaStatus::ALL
        .into_iter()
        .map(|s| (s, ideas.iter().filter(|i| i.status == s).count()))
        .collect()
}

/// Ideas still on their way (not declined, done or merged): Received first, then along
/// the path; oldest first within a status.
pub fn needing_attention(ideas: &[PublishedIdea]) -> Vec<&PublishedIdea> {
    let mut open: Vec<&PublishedIdea> = ideas
        .iter()
        .filter(|i| i.merged_into.is_none())
        .filter(|i| !matches!(i.status, IdeaStatus::Declined | IdeaStatus::Done))
        .collect();
    open.sort_by_key(|i| (i.status, i.submitted_at, i.id));
    open
}

/// One hidden idea or comment in the moderation queue.
#[derive(Debug, Clone, PartialEq)]
pub struct Hidden {
    pub target: ReportTarget,
    /// The idea it is (or is on).
    pub idea: IdeaId,
    pub idea_title: String,
    /// The comment's text, for a comment.
    pub text: Option<String>,
    /// The organiser's reason; `None` when reports hid it, or for a comment (comments
    /// keep no reason).
    pub reason: Option<String>,
}

/// Every hidden idea and hidden comment, ideas first, in the order the ideas are listed.
pub fn hidden_queue(ideas: &[PublishedIdea]) -> Vec<Hidden> {
    let mut queue: Vec<Hidden> = ideas
        .iter()
        .filter(|i| i.hidden)
        .map(|i| Hidden {
            target: ReportTarget::Idea(i.id),
            idea: i.id,
            idea_title: i.title.clone(),
            text: None,
            reason: i
                .hidden_reason
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_owned),
        })
        .collect();
    for idea in ideas {
        for c in idea.comments.iter().filter(|c| c.hidden) {
            queue.push(Hidden {
                target: ReportTarget::Comment(c.id),
                idea: idea.id,
                idea_title: idea.title.clone(),
                text: Some(c.text.clone()),
                reason: None,
            });
        }
    }
    queue
}

/// One CSV cell: a leading `'` on text a spreadsheet would read as a formula, and quotes
/// (RFC 4180) around cells with commas, quotes or line breaks.
pub fn csv_cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

fn utc(ts: Timestamp) -> String {
    ts.to_utc().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The published ideas as CSV, one line per idea, CRLF line ends.
pub fn ideas_csv(ideas: &[PublishedIdea]) -> String {
    let mut out =
        String::from("id,title,theme,author,status,supports,comments,submitted_at,path\r\n");
    for idea in ideas {
        let path = idea
            .path
            .iter()
            .map(|step| format!("{}: {}", step.status.as_str(), step.note.trim()))
            .collect::<Vec<_>>()
            .join("; ");
        let cells = [
            idea.id.to_string(),
            idea.title.clone(),
            idea.theme.clone(),
            idea.author.clone().unwrap_or_default(),
            idea.status.as_str().to_owned(),
            idea.supports.to_string(),
            idea.comments.len().to_string(),
            utc(idea.submitted_at),
            path,
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The published ideas as JSON, as the project document holds them.
pub fn ideas_json(ideas: &[PublishedIdea]) -> serde_json::Result<String> {
    serde_json::to_string_pretty(ideas)
}

/// `ideas-2026-11-27.csv`
fn export_name(ext: &str) -> String {
    format!("ideas-{}.{ext}", format::local(now()).format("%Y-%m-%d"))
}

fn now() -> Timestamp {
    Timestamp::from_utc(chrono::Utc::now())
}

/// Organisers: how many reports from different members hide an idea or comment.
#[component]
fn ReportThresholdForm() -> Element {
    let state = use_app_state();
    let commands = use_commands();
    let mut value = use_signal(|| state.read().report_threshold.to_string());
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let mut saved = use_signal(|| false);
    let save = move |evt: FormEvent| {
        evt.prevent_default();
        if busy() {
            return;
        }
        let Ok(threshold) = value().trim().parse::<u32>() else {
            error.set(Some(t!("organise-ideas-threshold-not-number")));
            return;
        };
        busy.set(true);
        error.set(None);
        saved.set(false);
        spawn(async move {
            let result = ask(commands, |reply| Command::SetReportThreshold {
                threshold,
                reply,
            })
            .await;
            busy.set(false);
            match result {
                Ok(()) => saved.set(true),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    rsx! {
        section { class: "card", aria_labelledby: "ideas-threshold-title",
            h2 { id: "ideas-threshold-title", {t!("organise-ideas-reports")} }
            form { onsubmit: save, novalidate: true,
                label { r#for: "ideas-threshold", {t!("organise-ideas-threshold")} }
                input {
                    id: "ideas-threshold",
                    r#type: "number",
                    min: "1",
                    max: "50",
                    value: "{value}",
                    oninput: move |e| { value.set(e.value()); saved.set(false); },
                }
                div { class: "actions",
                    button { class: "button primary", r#type: "submit", disabled: busy(),
                        if busy() { {t!("save-saving")} } else { {t!("organise-ideas-threshold-save")} }
                    }
                }
                if saved() {
                    p { class: "saved", role: "status", {t!("organise-ideas-threshold-saved")} }
                }
                if let Some(e) = error() {
                    p { class: "error", role: "alert", "{e}" }
                }
            }
        }
    }
}

#[component]
pub fn OrganiseIdeas() -> Element {
    let state = use_app_state();
    let commands = use_commands();
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    // The message key of the download that started.
    let mut started = use_signal(|| None::<&'static str>);
    let i18n = crate::i18n::use_i18n();

    let st = state.read();
    if !is_organiser(&st) {
        return rsx! {
            p { class: "card", {t!("organise-ideas-only-organisers")} }
        };
    }
    let total = st.ideas.len();
    let themes: Vec<(String, usize)> = counts_by_theme(&st.themes, &st.ideas)
        .into_iter()
        .map(|(theme, n)| {
            let name = theme.map(|t| st.theme_names.name_in(&t, i18n.lang().code()).to_owned());
            (name.unwrap_or_else(|| t!("organise-ideas-no-theme")), n)
        })
        .collect();
    let statuses: Vec<(String, usize)> = counts_by_status(&st.ideas)
        .into_iter()
        .map(|(s, n)| (idea_status_words(s), n))
        .collect();
    let open: Vec<PublishedIdea> = needing_attention(&st.ideas).into_iter().cloned().collect();
    let queue = hidden_queue(&st.ideas);
    drop(st);

    let mut export = move |json: bool| {
        if busy() {
            return;
        }
        busy.set(true);
        error.set(None);
        started.set(None);
        let ideas = state.read().ideas.clone();
        let json_text = if json {
            Some(
                ideas_json(&ideas)
                    .map_err(|e| t!("organise-ideas-json-failed", reason: e.to_string())),
            )
        } else {
            None
        };
        spawn(async move {
            // Noted only once the file is made, and before it is handed out.
            let made = !matches!(json_text, Some(Err(_)));
            let recorded = if made {
                ask(commands, |reply| Command::RecordExport {
                    what: ExportKind::Ideas,
                    reply,
                })
                .await
            } else {
                Ok(())
            };
            let result = if let Err(e) = recorded {
                Err(e)
            } else if let Some(text) = json_text {
                match text {
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
                    &ideas_csv(&ideas),
                    "text/csv;charset=utf-8",
                )
                .await
            };
            busy.set(false);
            match result {
                Ok(()) => started.set(Some(if json {
                    "organise-ideas-json-downloading"
                } else {
                    "organise-ideas-csv-downloading"
                })),
                Err(e) => error.set(Some(e)),
            }
        });
    };

    rsx! {
        h1 { class: "section-title", {t!("organise-ideas-title")} }
        section { class: "card", aria_labelledby: "ideas-glance-title",
            h2 { id: "ideas-glance-title", {t!("organise-ideas-glance")} }
            p { "data-testid": "ideas-total",
                {t!("organise-ideas-total", count: total)}
            }
            BarChart {
                id: "ideas-by-theme",
                caption: t!("chart-ideas-per-theme"),
                heading: t!("chart-theme"),
                unit: t!("chart-ideas"),
                rows: themes,
            }
            BarChart {
                id: "ideas-by-status",
                caption: t!("chart-ideas-per-status"),
                heading: t!("chart-status"),
                unit: t!("chart-ideas"),
                rows: statuses,
            }
        }
        section { class: "card", aria_labelledby: "ideas-attention-title",
            h2 { id: "ideas-attention-title",
                {t!("organise-ideas-attention", count: open.len())}
            }
            if !open.is_empty() {
                ul { class: "idea-attention",
                    for idea in open {
                        li { key: "{idea.id}", "data-testid": "idea-attention",
                            Link { to: Route::IdeaDetail { id: idea.id.to_string() }, "{idea.title}" }
                            span { class: "idea-attention-facts",
                                " · {idea_status_words(idea.status)} · "
                                {t!("organise-ideas-supports", count: idea.supports)}
                                " · {format::date_time(idea.submitted_at)}"
                            }
                        }
                    }
                }
            }
        }
        section { class: "card", aria_labelledby: "moderation-title",
            h2 { id: "moderation-title",
                {t!("moderation-queue-heading", count: queue.len())}
            }
            if !queue.is_empty() {
                ul { class: "moderation-queue",
                    for item in queue {
                        li { key: "{item.target.kind()}-{item.target.key()}",
                            "data-testid": "moderation-item",
                            p {
                                strong {
                                    if item.text.is_some() { {t!("moderation-comment-on")} } else { {t!("moderation-idea")} }
                                    " "
                                }
                                Link { to: Route::IdeaDetail { id: item.idea.to_string() }, "{item.idea_title}" }
                            }
                            if let Some(text) = &item.text {
                                blockquote { class: "moderation-text", "{text}" }
                            }
                            p { class: "moderation-reason",
                                {t!("moderation-reason", reason: match (&item.reason, &item.text) {
                                    (Some(reason), _) => reason.clone(),
                                    (None, None) => t!("moderation-reason-reports"),
                                    (None, Some(_)) => t!("moderation-reason-comment"),
                                })}
                            }
                            ModerationControls { target: item.target, hidden: true }
                        }
                    }
                }
            }
        }
        ThemesForm { list: ThemeList::Ideas }
        ReportThresholdForm {}
        section { class: "card", aria_labelledby: "ideas-export-title",
            h2 { id: "ideas-export-title", {t!("organise-ideas-export")} }
            div { class: "actions",
                button { class: "button", r#type: "button", disabled: busy(),
                    "data-testid": "export-ideas-csv",
                    onclick: move |_| export(false),
                    {t!("organise-ideas-download-csv")}
                }
                button { class: "button", r#type: "button", disabled: busy(),
                    "data-testid": "export-ideas-json",
                    onclick: move |_| export(true),
                    {t!("organise-ideas-download-json")}
                }
            }
            if let Some(key) = started() {
                p { class: "saved", role: "status", {i18n.t(key)} }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kumppani_core::ids::CommentId;
    use kumppani_core::model::idea::{PathStep, PublishedComment};

    fn idea(n: u8, theme: &str, status: IdeaStatus) -> PublishedIdea {
        PublishedIdea {
            id: IdeaId::from_bytes([n; 16]),
            title: format!("Idea {n}"),
            description: String::new(),
            theme: theme.into(),
            author: None,
            supports: u32::from(n),
            comments: Vec::new(),
            path: Vec::new(),
            milestones: Vec::new(),
            status,
            hidden: false,
            hidden_reason: None,
            linked_event: None,
            merged_into: None,
            submitted_at: Timestamp::from_millis(1_795_000_000_000 - i64::from(n)),
        }
    }

    #[test]
    fn themes_are_counted_with_zeros_and_strays() {
        let themes = vec!["piha".to_owned(), "liikenne".to_owned()];
        let ideas = [
            idea(1, "piha", IdeaStatus::Received),
            idea(2, " piha ", IdeaStatus::Done),
            idea(3, "muu", IdeaStatus::Received),
            idea(4, "", IdeaStatus::Accepted),
        ];
        assert_eq!(
            counts_by_theme(&themes, &ideas),
            vec![
                (Some("piha".to_owned()), 2),
                (Some("liikenne".to_owned()), 0),
                (Some("muu".to_owned()), 1),
                (None, 1),
            ]
        );
        let statuses = counts_by_status(&ideas);
        assert_eq!(statuses.len(), 6);
        assert_eq!(statuses[0], (IdeaStatus::Received, 2));
        assert_eq!(statuses[3], (IdeaStatus::Declined, 0));
    }

    #[test]
    fn received_ideas_come_first_and_finished_ones_drop_out() {
        let mut merged = idea(5, "", IdeaStatus::Received);
        merged.merged_into = Some(IdeaId::from_bytes([1; 16]));
        let ideas = [
            idea(1, "", IdeaStatus::InProgress),
            idea(2, "", IdeaStatus::Received),
            idea(3, "", IdeaStatus::Done),
            idea(4, "", IdeaStatus::Received),
            merged,
        ];
        let order: Vec<String> = needing_attention(&ideas)
            .iter()
            .map(|i| i.title.clone())
            .collect();
        assert_eq!(order, ["Idea 4", "Idea 2", "Idea 1"]);
    }

    #[test]
    fn the_queue_holds_hidden_ideas_and_comments() {
        let mut a = idea(1, "", IdeaStatus::Received);
        a.hidden = true;
        a.hidden_reason = Some("Personal details".into());
        let mut b = idea(2, "", IdeaStatus::Received);
        b.comments = vec![
            PublishedComment {
                id: CommentId::from_bytes([7; 16]),
                text: "rude".into(),
                author: None,
                at: Timestamp::from_millis(0),
                hidden: true,
            },
            PublishedComment {
                id: CommentId::from_bytes([8; 16]),
                text: "fine".into(),
                author: None,
                at: Timestamp::from_millis(0),
                hidden: false,
            },
        ];
        let c = idea(3, "", IdeaStatus::Received);
        let queue = hidden_queue(&[a, b, c]);
        assert_eq!(queue.len(), 2);
        assert_eq!(
            queue[0].target,
            ReportTarget::Idea(IdeaId::from_bytes([1; 16]))
        );
        assert_eq!(queue[0].reason.as_deref(), Some("Personal details"));
        assert_eq!(queue[1].reason, None);
        assert_eq!(
            queue[1].target,
            ReportTarget::Comment(CommentId::from_bytes([7; 16]))
        );
        assert_eq!(queue[1].idea, IdeaId::from_bytes([2; 16]));
        assert_eq!(queue[1].text.as_deref(), Some("rude"));
    }

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("@x,y"), "\"'@x,y\"");
    }

    #[test]
    fn the_csv_has_a_header_and_the_path() {
        let mut a = idea(1, "piha", IdeaStatus::Accepted);
        a.title = "=HYPERLINK(\"x\")".into();
        a.author = Some("Aino".into());
        a.path = vec![
            PathStep {
                status: IdeaStatus::UnderConsideration,
                note: "Looking".into(),
                by_name: "Org".into(),
                at: Timestamp::from_millis(0),
            },
            PathStep {
                status: IdeaStatus::Accepted,
                note: "Yes, in May".into(),
                by_name: "Org".into(),
                at: Timestamp::from_millis(0),
            },
        ];
        a.submitted_at = Timestamp::from_millis(0);
        let csv = ideas_csv(&[a]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "id,title,theme,author,status,supports,comments,submitted_at,path"
        );
        let expected = format!(
            "{},\"'=HYPERLINK(\"\"x\"\")\",piha,Aino,accepted,1,0,1970-01-01T00:00:00Z,\
             \"under_consideration: Looking; accepted: Yes, in May\"",
            "01".repeat(16)
        );
        assert_eq!(lines[1], expected);
        assert_eq!(lines[2], "");
    }

    #[test]
    fn the_json_reads_back() {
        let ideas = vec![idea(1, "piha", IdeaStatus::Received)];
        let json = ideas_json(&ideas).unwrap();
        let back: Vec<PublishedIdea> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, ideas);
    }
}
