//! Residents: submit an idea, offline or online, named or anonymous.

use crate::route::Route;
use crate::state::{ask, use_app_state, use_commands};
use crate::sync::core_error::Explain;
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::model::idea::IdeaDraft;

#[component]
pub fn NewIdea() -> Element {
    let state = use_app_state();
    let commands = use_commands();
    let nav = use_navigator();
    let mut title = use_signal(String::new);
    let mut description = use_signal(String::new);
    let mut theme = use_signal(String::new);
    let mut anonymous = use_signal(|| false);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let themes = state.read().themes.clone();
    let names = state.read().theme_names.clone();
    let lang = crate::i18n::use_i18n().lang().code();
    let submit = move |evt: FormEvent| {
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
            let result = ask(commands, |reply| Command::SubmitIdea { draft, reply }).await;
            busy.set(false);
            match result {
                Ok(id) => {
                    nav.replace(Route::IdeaDetail { id: id.to_string() });
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    rsx! {
        section { class: "card",
            h1 { {t!("idea-new-title")} }
            p { {t!("idea-new-intro")} }
            form { onsubmit: submit, novalidate: true,
                label { r#for: "idea-title", {t!("idea-form-title")} }
                input { id: "idea-title", maxlength: "200", value: "{title}", oninput: move |e| title.set(e.value()) }
                label { r#for: "idea-description", {t!("idea-form-description")} }
                textarea { id: "idea-description", rows: "5", value: "{description}", oninput: move |e| description.set(e.value()) }
                label { r#for: "idea-theme-new", {t!("ideas-theme")} }
                select { id: "idea-theme-new", value: "{theme}", onchange: move |e| theme.set(e.value()),
                    option { value: "", {t!("idea-form-choose-theme")} }
                    for t in themes {
                        option { key: "{t}", value: "{t}", {names.name_in(&t, lang)} }
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
                button { class: "button primary", r#type: "submit", disabled: busy(),
                    if busy() { {t!("idea-saving")} } else { {t!("idea-submit")} }
                }
            }
        }
    }
}
