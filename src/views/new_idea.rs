//! Residents: submit an idea, offline or online, named or anonymous.

use crate::route::Route;
use crate::state::{ask, use_app_state, use_commands};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::model::idea::{IdeaDraft, IdeaError, MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS};

/// Why an idea cannot be saved yet, in the page's language.
pub fn draft_error_words(e: &IdeaError) -> String {
    match e {
        IdeaError::EmptyTitle => t!("idea-error-no-title"),
        IdeaError::TitleTooLong => t!("idea-error-title-too-long", max: MAX_TITLE_CHARS),
        IdeaError::DescriptionTooLong => {
            t!("idea-error-description-too-long", max: MAX_DESCRIPTION_CHARS)
        }
        // Comments are checked by the driver, not by a draft.
        IdeaError::EmptyComment | IdeaError::CommentTooLong => e.to_string(),
    }
}

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
            error.set(Some(draft_error_words(&e)));
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
                        option { key: "{t}", value: "{t}", "{t}" }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{translate, Lang};
    use fluent_bundle::FluentArgs;

    /// The English messages say what the core's errors say, word for word.
    #[test]
    fn english_draft_errors_match_the_core() {
        let with_max = |key: &str, max: usize| {
            let mut args = FluentArgs::new();
            args.set("max", max);
            translate(Lang::En, key, Some(&args))
        };
        assert_eq!(
            translate(Lang::En, "idea-error-no-title", None),
            IdeaError::EmptyTitle.to_string()
        );
        assert_eq!(
            with_max("idea-error-title-too-long", MAX_TITLE_CHARS),
            IdeaError::TitleTooLong.to_string()
        );
        assert_eq!(
            with_max("idea-error-description-too-long", MAX_DESCRIPTION_CHARS),
            IdeaError::DescriptionTooLong.to_string()
        );
    }
}
