//! One idea: its path (who answered, when, what they said), milestones, comments;
//! support, comment and report. Organisers also answer and moderate here.

use crate::components::{
    status_title, IdeaAnswerForm, ModerationControls, ReportForm, SupportButton,
};
use crate::format;
use crate::route::Route;
use crate::state::{ask, use_app_state, use_commands};
use crate::sync::Command;
use crate::views::ideas::supports_words;
use dioxus::prelude::*;
use kumppani_core::api::Role;
use kumppani_core::ids::IdeaId;
use kumppani_core::model::idea::ReportTarget;

#[component]
pub fn IdeaDetail(id: String) -> Element {
    let state = use_app_state();
    let commands = use_commands();
    let mut comment = use_signal(String::new);
    let mut anonymous = use_signal(|| false);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let idea_id = id.parse::<IdeaId>().ok();
    let st = state.read();
    let organiser = st
        .profile
        .as_ref()
        .is_some_and(|p| p.role == Role::Organiser);
    let Some(idea) = idea_id
        .and_then(|i| st.ideas.iter().find(|x| x.id == i))
        .cloned()
    else {
        let mine = idea_id.is_some_and(|i| st.my_ideas.contains(&i));
        return rsx! {
            section { class: "card",
                h1 { if mine { "Your idea is saved" } else { "Idea not found" } }
                p {
                    if mine {
                        "It is on this device and will be published when it reaches the hub."
                    } else {
                        "It may not have reached this device yet."
                    }
                }
                Link { class: "button", to: Route::Ideas {}, "Back to ideas" }
            }
        };
    };
    let mine = st.my_ideas.contains(&idea.id);
    let supported = st.my_supports.contains(&idea.id);
    let reported_idea = st.my_reports.contains(&ReportTarget::Idea(idea.id));
    let my_reports = st.my_reports.clone();
    let idea_key = idea.id;
    let send_comment = move |evt: FormEvent| {
        evt.prevent_default();
        if busy() {
            return;
        }
        let text = comment();
        busy.set(true);
        error.set(None);
        spawn(async move {
            let result = ask(commands, |reply| Command::Comment {
                idea: idea_key,
                text,
                anonymous: anonymous(),
                reply,
            })
            .await;
            busy.set(false);
            match result {
                Ok(_) => comment.set(String::new()),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    rsx! {
        article { class: "card idea",
            h1 { "{idea.title}" }
            p { class: "muted",
                "{idea.theme} · "
                {idea.author.clone().unwrap_or_else(|| "Anonymous".into())}
                " · {format::date_time(idea.submitted_at)}"
            }
            if idea.hidden {
                p { class: "notice", role: "note",
                    "Hidden from others: "
                    {idea.hidden_reason.clone().unwrap_or_else(|| "several people reported it; the organisers will review it.".into())}
                }
            }
            p { class: "entry-text", "{idea.description}" }
            p { class: "idea-status", "data-testid": "idea-status", "Status: {status_title(idea.status)}" }
            p { "data-testid": "supports", {supports_words(idea.supports)} }
            div { class: "actions",
                SupportButton { idea: idea.id, supported, title: idea.title.clone() }
                if !mine {
                    ReportForm { target: ReportTarget::Idea(idea.id), reported: reported_idea, label: idea.title.clone() }
                }
            }
            if mine {
                button {
                    class: "button",
                    onclick: move |_| {
                        spawn(async move {
                            let _ = ask(commands, |reply| Command::WithdrawIdea { idea: idea_key, reply }).await;
                        });
                    },
                    "Withdraw my idea"
                }
            }
            if organiser {
                ModerationControls { target: ReportTarget::Idea(idea.id), hidden: idea.hidden }
            }
        }
        section { class: "card", aria_labelledby: "path-title",
            h2 { id: "path-title", "What has happened" }
            ol { class: "path",
                li { "Received {format::date_time(idea.submitted_at)}" }
                for (i, step) in idea.path.iter().enumerate() {
                    li { key: "{i}", "data-testid": "path-step",
                        strong { "{status_title(step.status)}" }
                        " · {step.by_name} · {format::date_time(step.at)}"
                        if !step.note.is_empty() {
                            p { "{step.note}" }
                        }
                    }
                }
            }
            if !idea.milestones.is_empty() {
                h3 { "Milestones" }
                ul {
                    for (i, m) in idea.milestones.iter().enumerate() {
                        li { key: "{i}", if m.done { "✓ " } else { "○ " } "{m.title}" }
                    }
                }
            }
            if organiser {
                IdeaAnswerForm { idea: idea.id }
            }
        }
        section { class: "card", aria_labelledby: "comments-title",
            h2 { id: "comments-title", "Comments ({idea.comments.iter().filter(|c| !c.hidden).count()})" }
            ul { class: "comments",
                for c in idea.comments.iter().filter(|c| !c.hidden || organiser) {
                    li { key: "{c.id}", "data-testid": "comment",
                        p { class: "muted",
                            {c.author.clone().unwrap_or_else(|| "Anonymous".into())}
                            " · {format::date_time(c.at)}"
                            if c.hidden { " · hidden" }
                        }
                        p { class: "entry-text", "{c.text}" }
                        if organiser {
                            ModerationControls { target: ReportTarget::Comment(c.id), hidden: c.hidden }
                        } else {
                            ReportForm {
                                target: ReportTarget::Comment(c.id),
                                reported: my_reports.contains(&ReportTarget::Comment(c.id)),
                                label: "comment".to_string(),
                            }
                        }
                    }
                }
            }
            form { onsubmit: send_comment, novalidate: true,
                label { r#for: "comment-text", "Your comment" }
                textarea { id: "comment-text", rows: "3", value: "{comment}", oninput: move |e| comment.set(e.value()) }
                label { class: "check",
                    input { r#type: "checkbox", checked: anonymous(), onchange: move |e| anonymous.set(e.checked()) }
                    " Comment without my name"
                }
                if let Some(e) = error() {
                    p { class: "error", role: "alert", "{e}" }
                }
                button { class: "button primary", r#type: "submit", disabled: busy(), "Send comment" }
            }
        }
        Link { class: "button", to: Route::Ideas {}, "Back to ideas" }
    }
}
