//! One idea: its path (who answered, when, what they said), milestones, comments;
//! support, comment and report. Organisers also answer and moderate here.

use crate::components::{
    status_title, IdeaAnswerForm, ModerationControls, ReportForm, SupportButton,
};
use crate::format;
use crate::route::Route;
use crate::state::{ask, use_app_state, use_commands};
use crate::sync::core_error::Explain;
use crate::sync::Command;
use crate::t;
use crate::views::ideas::supports_words;
use dioxus::prelude::*;
use kumppani_core::api::Role;
use kumppani_core::ids::{EventId, IdeaId};
use kumppani_core::model::idea::{IdeaDraft, PublishedIdea, ReportTarget};

#[component]
pub fn IdeaDetail(id: String) -> Element {
    let state = use_app_state();
    let commands = use_commands();
    let mut comment = use_signal(String::new);
    let mut anonymous = use_signal(|| false);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let mut editing = use_signal(|| false);
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
                h1 { if mine { {t!("idea-saved-title")} } else { {t!("idea-not-found-title")} } }
                p {
                    if mine {
                        {t!("idea-saved-text")}
                    } else {
                        {t!("idea-not-found-text")}
                    }
                }
                Link { class: "button", to: Route::Ideas {}, {t!("idea-back")} }
            }
        };
    };
    let mine = st.my_ideas.contains(&idea.id);
    let theme = st
        .theme_names
        .name_in(&idea.theme, crate::i18n::use_i18n().lang().code())
        .to_owned();
    let supported = st.my_supports.contains(&idea.id);
    let reported_idea = st.my_reports.contains(&ReportTarget::Idea(idea.id));
    let my_reports = st.my_reports.clone();
    let linked_event = idea.linked_event.map(|e| {
        let title = st
            .events
            .iter()
            .find(|x| x.id == e)
            .map(|x| x.title.clone())
            .unwrap_or_else(|| t!("idea-an-event"));
        (e, title)
    });
    let merged_into = idea.merged_into.map(|i| {
        let title = st
            .ideas
            .iter()
            .find(|x| x.id == i)
            .map(|x| x.title.clone())
            .unwrap_or_else(|| t!("idea-another-idea"));
        (i, title)
    });
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
                "{theme}"
                " · "
                {idea.author.clone().unwrap_or_else(|| t!("idea-anonymous"))}
                " · {format::date_time(idea.submitted_at)}"
            }
            if idea.hidden {
                p { class: "notice", role: "note",
                    {t!("idea-hidden", reason: idea.hidden_reason.clone().unwrap_or_else(|| t!("idea-hidden-default")))}
                }
            }
            p { class: "entry-text", "{idea.description}" }
            p { class: "idea-status", "data-testid": "idea-status", {t!("idea-status-line", status: status_title(idea.status))} }
            if let Some((event, title)) = linked_event {
                p { "data-testid": "idea-linked-event",
                    {t!("idea-discussed-at")}
                    " "
                    Link { to: Route::EventDetail { id: event.to_string() }, "{title}" }
                }
            }
            if let Some((other, title)) = merged_into {
                p { "data-testid": "idea-merged-into",
                    {t!("idea-merged-into")}
                    " "
                    Link { to: Route::IdeaDetail { id: other.to_string() }, "{title}" }
                }
            }
            p { "data-testid": "supports", {supports_words(idea.supports)} }
            div { class: "actions",
                SupportButton { idea: idea.id, supported, title: idea.title.clone() }
                if !mine {
                    ReportForm { target: ReportTarget::Idea(idea.id), reported: reported_idea, label: t!("idea-report-idea", title: idea.title.clone()) }
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
                    {t!("idea-withdraw")}
                }
                button {
                    class: "button",
                    r#type: "button",
                    aria_expanded: "{editing}",
                    onclick: move |_| editing.toggle(),
                    {t!("idea-edit")}
                }
                if editing() {
                    EditIdeaForm { key: "{idea.id}", idea: idea.clone(), editing }
                }
            }
            if organiser {
                ModerationControls { target: ReportTarget::Idea(idea.id), hidden: idea.hidden }
            }
        }
        section { class: "card", aria_labelledby: "path-title",
            h2 { id: "path-title", {t!("idea-path-title")} }
            ol { class: "path",
                li { {t!("idea-path-received", date: format::date_time(idea.submitted_at))} }
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
                h3 { {t!("idea-milestones")} }
                ul {
                    for (i, m) in idea.milestones.iter().enumerate() {
                        li { key: "{i}", if m.done { "✓ " } else { "○ " } "{m.title}" }
                    }
                }
            }
            if organiser {
                IdeaAnswerForm { idea: idea.id }
            }
            if organiser {
                IdeaLinksForm {
                    key: "{idea.id}",
                    idea: idea.id,
                    event: idea.linked_event,
                    merged_into: idea.merged_into,
                }
            }
        }
        section { class: "card", aria_labelledby: "comments-title",
            h2 { id: "comments-title",
                {t!("idea-comments-heading", count: idea.comments.iter().filter(|c| !c.hidden).count())}
            }
            ul { class: "comments",
                for c in idea.comments.iter().filter(|c| !c.hidden || organiser) {
                    li { key: "{c.id}", "data-testid": "comment",
                        p { class: "muted",
                            {c.author.clone().unwrap_or_else(|| t!("idea-anonymous"))}
                            " · {format::date_time(c.at)}"
                            if c.hidden { " · " {t!("idea-comment-hidden")} }
                        }
                        p { class: "entry-text", "{c.text}" }
                        if organiser {
                            ModerationControls { target: ReportTarget::Comment(c.id), hidden: c.hidden }
                        } else {
                            ReportForm {
                                target: ReportTarget::Comment(c.id),
                                reported: my_reports.contains(&ReportTarget::Comment(c.id)),
                                label: t!("idea-report-comment"),
                            }
                        }
                    }
                }
            }
            form { onsubmit: send_comment, novalidate: true,
                label { r#for: "comment-text", {t!("idea-comment-label")} }
                textarea { id: "comment-text", rows: "3", value: "{comment}", oninput: move |e| comment.set(e.value()) }
                label { class: "check",
                    input { r#type: "checkbox", checked: anonymous(), onchange: move |e| anonymous.set(e.checked()) }
                    " "
                    {t!("idea-comment-anonymous")}
                }
                if let Some(e) = error() {
                    p { class: "error", role: "alert", "{e}" }
                }
                button { class: "button primary", r#type: "submit", disabled: busy(), {t!("idea-comment-send")} }
            }
        }
        Link { class: "button", to: Route::Ideas {}, {t!("idea-back")} }
    }
}

/// The author's own idea, prefilled from what is published; closes once saved.
#[component]
fn EditIdeaForm(idea: PublishedIdea, editing: Signal<bool>) -> Element {
    let state = use_app_state();
    let commands = use_commands();
    let mut title = use_signal(|| idea.title.clone());
    let mut description = use_signal(|| idea.description.clone());
    let mut theme = use_signal(|| idea.theme.clone());
    let mut anonymous = use_signal(|| idea.author.is_none());
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let mut themes = state.read().themes.clone();
    let names = state.read().theme_names.clone();
    let lang = crate::i18n::use_i18n().lang().code();
    if !idea.theme.is_empty() && !themes.contains(&idea.theme) {
        themes.push(idea.theme.clone());
    }
    let key = idea.id;
    let save = move |evt: FormEvent| {
        evt.prevent_default();
        if busy() {
            return;
        }
        let draft = IdeaDraft {
            title: title().trim().to_owned(),
            description: description().trim().to_owned(),
            theme: theme(),
            anonymous: anonymous(),
        };
        if let Err(e) = draft.validate() {
            error.set(Some(e.explain()));
            return;
        }
        busy.set(true);
        error.set(None);
        spawn(async move {
            let result = ask(commands, |reply| Command::EditIdea {
                idea: key,
                draft,
                reply,
            })
            .await;
            busy.set(false);
            match result {
                Ok(()) => editing.set(false),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    rsx! {
        form { class: "edit-idea-form", "data-testid": "edit-idea-form", onsubmit: save, novalidate: true,
            label { r#for: "edit-idea-title", {t!("idea-form-title")} }
            input { id: "edit-idea-title", maxlength: "200", value: "{title}", oninput: move |e| title.set(e.value()) }
            label { r#for: "edit-idea-description", {t!("idea-form-description")} }
            textarea { id: "edit-idea-description", rows: "5", value: "{description}", oninput: move |e| description.set(e.value()) }
            label { r#for: "edit-idea-theme", {t!("ideas-theme")} }
            select { id: "edit-idea-theme", onchange: move |e| theme.set(e.value()),
                option { value: "", selected: theme().is_empty(), {t!("idea-form-choose-theme")} }
                for t in themes {
                    option { key: "{t}", value: "{t}", selected: theme() == t, {names.name_in(&t, lang)} }
                }
            }
            label { class: "check",
                input { r#type: "checkbox", checked: anonymous(), onchange: move |e| anonymous.set(e.checked()) }
                " "
                {t!("idea-form-anonymous")}
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
            div { class: "actions",
                button { class: "button primary", r#type: "submit", disabled: busy(),
                    if busy() { {t!("idea-saving")} } else { {t!("idea-save-changes")} }
                }
                button { class: "button", r#type: "button", onclick: move |_| editing.set(false), {t!("cancel")} }
            }
        }
    }
}

/// Organisers: the event an idea is discussed at and the idea it was merged into.
#[component]
fn IdeaLinksForm(idea: IdeaId, event: Option<EventId>, merged_into: Option<IdeaId>) -> Element {
    let state = use_app_state();
    let commands = use_commands();
    let mut chosen_event = use_signal(|| event.map(|e| e.to_string()).unwrap_or_default());
    let mut chosen_idea = use_signal(|| merged_into.map(|i| i.to_string()).unwrap_or_default());
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let mut saved = use_signal(|| false);
    let st = state.read();
    let events: Vec<(String, String)> = st
        .events
        .iter()
        .map(|e| (e.id.to_string(), e.title.clone()))
        .collect();
    let ideas: Vec<(String, String)> = st
        .ideas
        .iter()
        .filter(|i| i.id != idea)
        .map(|i| (i.id.to_string(), i.title.clone()))
        .collect();
    drop(st);
    let save = move |evt: FormEvent| {
        evt.prevent_default();
        if busy() {
            return;
        }
        let event = chosen_event().parse::<EventId>().ok();
        let merged_into = chosen_idea().parse::<IdeaId>().ok();
        busy.set(true);
        error.set(None);
        saved.set(false);
        spawn(async move {
            let result = ask(commands, |reply| Command::SetIdeaLink {
                idea,
                event,
                merged_into,
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
        form { class: "idea-links-form", "data-testid": "idea-links-form", onsubmit: save, novalidate: true,
            label { r#for: "link-event-{idea}", {t!("idea-link-event")} }
            select {
                id: "link-event-{idea}",
                onchange: move |e| { chosen_event.set(e.value()); saved.set(false); },
                option { value: "", selected: chosen_event().is_empty(), {t!("idea-link-none")} }
                for (id, title) in events {
                    option { key: "{id}", value: "{id}", selected: chosen_event() == id, "{title}" }
                }
            }
            label { r#for: "link-merged-{idea}", {t!("idea-link-merged")} }
            select {
                id: "link-merged-{idea}",
                onchange: move |e| { chosen_idea.set(e.value()); saved.set(false); },
                option { value: "", selected: chosen_idea().is_empty(), {t!("idea-link-none")} }
                for (id, title) in ideas {
                    option { key: "{id}", value: "{id}", selected: chosen_idea() == id, "{title}" }
                }
            }
            div { class: "actions",
                button { class: "button", r#type: "submit", disabled: busy(),
                    if busy() { {t!("idea-saving")} } else { {t!("idea-links-save")} }
                }
            }
            if saved() {
                p { class: "saved", role: "status", {t!("idea-links-saved")} }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
        }
    }
}
