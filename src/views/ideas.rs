//! Residents: the project's ideas — search, filter by theme and status, sort, support.

use crate::components::{status_title, SupportButton};
use crate::route::Route;
use crate::state::use_app_state;
use crate::t;
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
    let lang = crate::i18n::use_i18n().lang().code();
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
            h1 { class: "section-title", {t!("ideas-title")} }
            Link { class: "button primary", to: Route::NewIdea {}, {t!("ideas-new")} }
        }
        section { class: "card filters", aria_label: t!("ideas-find"),
            label { r#for: "idea-search", {t!("ideas-search")} }
            input { id: "idea-search", r#type: "search", value: "{query}", oninput: move |e| query.set(e.value()) }
            label { r#for: "idea-theme", {t!("ideas-theme")} }
            select { id: "idea-theme", value: "{theme}", onchange: move |e| theme.set(e.value()),
                option { value: "", {t!("ideas-all-themes")} }
                for t in st.themes.iter() {
                    option { key: "{t}", value: "{t}", {st.theme_names.name_in(t, lang)} }
                }
            }
            label { r#for: "idea-status", {t!("ideas-status")} }
            select { id: "idea-status", value: "{status}", onchange: move |e| status.set(e.value()),
                option { value: "", {t!("ideas-any-status")} }
                for s in IdeaStatus::ALL {
                    option { key: "{s.as_str()}", value: "{s.as_str()}", "{status_title(s)}" }
                }
            }
            label { r#for: "idea-sort", {t!("ideas-order")} }
            select {
                id: "idea-sort",
                onchange: move |e| sort.set(if e.value() == "supports" { Sort::MostSupported } else { Sort::Newest }),
                option { value: "newest", {t!("ideas-newest-first")} }
                option { value: "supports", {t!("ideas-most-supported-first")} }
            }
        }
        if shown.is_empty() {
            p { class: "card", {t!("ideas-none")} }
        }
        ul { class: "entries",
            for idea in shown {
                li { key: "{idea.id}",
                    article { class: "card idea", "data-testid": "idea",
                        h2 {
                            Link { to: Route::IdeaDetail { id: idea.id.to_string() }, "{idea.title}" }
                        }
                        p { class: "muted",
                            {st.theme_names.name_in(&idea.theme, lang)}
                            " · "
                            {idea.author.clone().unwrap_or_else(|| t!("idea-anonymous"))}
                            if st.my_ideas.contains(&idea.id) { " · " {t!("ideas-your-idea")} }
                        }
                        p { class: "idea-status", "data-testid": "idea-status", "{status_title(idea.status)}" }
                        p { "data-testid": "supports", {supports_words(idea.supports)} }
                        if idea.hidden {
                            p { class: "notice",
                                {t!("idea-hidden", reason: idea.hidden_reason.clone().unwrap_or_else(|| t!("ideas-hidden-default")))}
                            }
                        }
                        SupportButton { idea: idea.id, supported: st.my_supports.contains(&idea.id), title: idea.title.clone() }
                    }
                }
            }
        }
    }
}

/// "No supporters yet", "1 supporter", "3 supporters".
pub fn supports_words(n: u32) -> String {
    t!("idea-supporters", count: n)
}

#[cfg(test)]
mod tests {
    use crate::i18n::{translate, Lang};
    use fluent_bundle::FluentArgs;

    fn supporters(lang: Lang, n: u32) -> String {
        let mut args = FluentArgs::new();
        args.set("count", n);
        translate(lang, "idea-supporters", Some(&args))
    }

    #[test]
    fn supporters_are_counted_in_words_with_plurals() {
        assert_eq!(supporters(Lang::En, 0), "No supporters yet");
        assert_eq!(supporters(Lang::En, 1), "1 supporter");
        assert_eq!(supporters(Lang::En, 3), "3 supporters");
        assert_eq!(supporters(Lang::Fi, 1), "1 tukija");
        assert_eq!(supporters(Lang::Fi, 3), "3 tukijaa");
        assert_eq!(supporters(Lang::Sv, 1), "1 person stöder idén");
        assert_eq!(supporters(Lang::Sv, 3), "3 personer stöder idén");
    }
}
