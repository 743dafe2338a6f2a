//! Residents: the project's ideas — search, filter by theme and status, sort, support.

use crate::components::{status_title, SupportButton};
use crate::route::Route;
use crate::state::use_app_state;
use dioxus::prelude::*;
use kumppani_core::model::idea::{IdeaStatus, PublishedIdea};

#[derive(Clone, Copy, PartialEq)]
enum Sort {
    Newest,
    MostSupported,
}

fn matches(i: &PublishedIdea, query: &str, theme: &str, status: &str) -> bool {
    let q = query.trim().to_lowercase();
    (q.is_empty()
        || i.title.to_lowercase().contains(&q)
        || i.description.to_lowercase().contains(&q))
        && (theme.is_empty() || i.theme == theme)
        && (status.is_empty() || i.status.as_str() == status)
}

#[component]
pub fn Ideas() -> Element {
    let state = use_app_state();
    let mut query = use_signal(String::new);
    let mut theme = use_signal(String::new);
    let mut status = use_signal(String::new);
    let mut sort = use_signal(|| Sort::Newest);
    let st = state.read();
    let mut shown: Vec<PublishedIdea> = st
        .ideas
        .iter()
        .filter(|i| !i.hidden || st.my_ideas.contains(&i.id))
        .filter(|i| matches(i, &query(), &theme(), &status()))
        .cloned()
        .collect();
    match sort() {
        Sort::Newest => shown.sort_by_key(|i| std::cmp::Reverse(i.submitted_at)),
        Sort::MostSupported => shown.sort_by(|a, b| {
            b.supports
                .cmp(&a.supports)
                .then(b.submitted_at.cmp(&a.submitted_at))
        }),
    }
    rsx! {
        div { class: "title-row",
            h1 { class: "section-title", "Ideas" }
            Link { class: "button primary", to: Route::NewIdea {}, "New idea" }
        }
        section { class: "card filters", aria_label: "Find ideas",
            label { r#for: "idea-search", "Search" }
            input { id: "idea-search", r#type: "search", value: "{query}", oninput: move |e| query.set(e.value()) }
            label { r#for: "idea-theme", "Theme" }
            select { id: "idea-theme", value: "{theme}", onchange: move |e| theme.set(e.value()),
                option { value: "", "All themes" }
                for t in st.themes.iter() {
                    option { key: "{t}", value: "{t}", "{t}" }
                }
            }
            label { r#for: "idea-status", "Status" }
            select { id: "idea-status", value: "{status}", onchange: move |e| status.set(e.value()),
                option { value: "", "Any status" }
                for s in IdeaStatus::ALL {
                    option { key: "{s.as_str()}", value: "{s.as_str()}", "{status_title(s)}" }
                }
            }
            label { r#for: "idea-sort", "Order" }
            select {
                id: "idea-sort",
                onchange: move |e| sort.set(if e.value() == "supports" { Sort::MostSupported } else { Sort::Newest }),
                option { value: "newest", "Newest first" }
                option { value: "supports", "Most supported first" }
            }
        }
        if shown.is_empty() {
            p { class: "card", "No ideas match. Write the first one!" }
        }
        ul { class: "entries",
            for idea in shown {
                li { key: "{idea.id}",
                    article { class: "card idea", "data-testid": "idea",
                        h2 {
                            Link { to: Route::IdeaDetail { id: idea.id.to_string() }, "{idea.title}" }
                        }
                        p { class: "muted",
                            "{idea.theme} · "
                            {idea.author.clone().unwrap_or_else(|| "Anonymous".into())}
                            if st.my_ideas.contains(&idea.id) { " · your idea" }
                        }
                        p { class: "idea-status", "data-testid": "idea-status", "{status_title(idea.status)}" }
                        p { "data-testid": "supports", {supports_words(idea.supports)} }
                        if idea.hidden {
                            p { class: "notice", "Hidden from others: {idea.hidden_reason.clone().unwrap_or_else(|| \"reported by several people, waiting for the organisers\".into())}" }
                        }
                        SupportButton { idea: idea.id, supported: st.my_supports.contains(&idea.id), title: idea.title.clone() }
                    }
                }
            }
        }
    }
}

pub fn supports_words(n: u32) -> String {
    match n {
        0 => "No supporters yet".into(),
        1 => "1 supporter".into(),
        n => format!("{n} supporters"),
    }
}
