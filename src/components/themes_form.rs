//! Organisers: a list of themes, one per line: the ideas' themes that residents choose
//! from, or the analysis themes organisers code shared diary entries with. The form keeps
//! its text until the driver says the list is saved on this device.

use super::{use_saving, SaveActions};
use crate::state::{use_app_state, use_commands};
use crate::sync::command::clean_themes;
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;

/// Which of the project's theme lists a [`ThemesForm`] edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeList {
    /// The themes residents file their ideas under (project document).
    Ideas,
    /// The themes organisers code shared diary entries with (staff document).
    Analysis,
}

impl ThemeList {
    /// The prefix of the form's element ids.
    fn key(self) -> &'static str {
        match self {
            ThemeList::Ideas => "ideas-themes",
            ThemeList::Analysis => "analysis-themes",
        }
    }

    fn testid(self) -> &'static str {
        match self {
            ThemeList::Ideas => "themes-form",
            ThemeList::Analysis => "analysis-themes-form",
        }
    }

    /// The message key of the form's heading.
    fn heading(self) -> &'static str {
        match self {
            ThemeList::Ideas => "themes-ideas-title",
            ThemeList::Analysis => "themes-analysis-title",
        }
    }

    /// The message key of the hint under the field.
    fn hint(self) -> &'static str {
        match self {
            ThemeList::Ideas => "themes-ideas-hint",
            ThemeList::Analysis => "themes-analysis-hint",
        }
    }

    fn command(self, themes: Vec<String>, reply: crate::sync::command::Reply<()>) -> Command {
        match self {
            ThemeList::Ideas => Command::SetThemes { themes, reply },
            ThemeList::Analysis => Command::SetAnalysisThemes { themes, reply },
        }
    }
}

#[component]
pub fn ThemesForm(list: ThemeList) -> Element {
    let state = use_app_state();
    let commands = use_commands();
    let i18n = crate::i18n::use_i18n();
    let mut text = use_signal(|| {
        let st = state.read();
        match list {
            ThemeList::Ideas => st.themes.join("\n"),
            ThemeList::Analysis => st.analysis_themes.join("\n"),
        }
    });
    let saving = use_saving();
    let save = move |evt: FormEvent| {
        evt.prevent_default();
        let lines: Vec<String> = text().lines().map(str::to_owned).collect();
        match clean_themes(&lines) {
            Ok(themes) => saving.save(commands, move |reply| list.command(themes, reply)),
            Err(e) => saving.refuse(e),
        }
    };
    let key = list.key();
    rsx! {
        section { class: "card", aria_labelledby: "{key}-title",
            h2 { id: "{key}-title", {i18n.t(list.heading())} }
            form { "data-testid": "{list.testid()}", onsubmit: save, novalidate: true,
                label { r#for: "{key}", {t!("themes-label")} }
                p { class: "hint", id: "{key}-hint", {i18n.t(list.hint())} }
                textarea {
                    id: "{key}",
                    rows: "6",
                    aria_describedby: "{key}-hint",
                    value: "{text}",
                    oninput: move |e| { text.set(e.value()); saving.edited(); },
                }
                SaveActions {
                    saving,
                    label: t!("themes-save"),
                    saved_words: t!("themes-saved"),
                }
            }
        }
    }
}
