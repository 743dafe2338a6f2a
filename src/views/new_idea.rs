//! Residents: submit an idea, offline or online, named or anonymous.

use crate::route::Route;
use crate::state::{ask, use_app_state, use_commands};
use crate::sync::Command;
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
            error.set(Some(e.to_string()));
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
            h1 { "New idea" }
            p { "What would make the neighbourhood better? Organisers answer every idea, and you can follow what happens to it." }
            form { onsubmit: submit, novalidate: true,
                label { r#for: "idea-title", "Title" }
                input { id: "idea-title", maxlength: "200", value: "{title}", oninput: move |e| title.set(e.value()) }
                label { r#for: "idea-description", "Describe your idea" }
                textarea { id: "idea-description", rows: "5", value: "{description}", oninput: move |e| description.set(e.value()) }
                label { r#for: "idea-theme-new", "Theme" }
                select { id: "idea-theme-new", value: "{theme}", onchange: move |e| theme.set(e.value()),
                    option { value: "", "Choose a theme" }
                    for t in themes {
                        option { key: "{t}", value: "{t}", "{t}" }
                    }
                }
                label { class: "check",
                    input { r#type: "checkbox", checked: anonymous(), onchange: move |e| anonymous.set(e.checked()) }
                    " Publish without my name"
                }
                if let Some(e) = error() {
                    p { class: "error", role: "alert", "{e}" }
                }
                button { class: "button primary", r#type: "submit", disabled: busy(),
                    if busy() { "Saving…" } else { "Submit idea" }
                }
            }
        }
    }
}
