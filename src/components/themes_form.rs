//! Organisers: a list of themes, one per line: the ideas' themes that residents choose
//! from, or the analysis themes organisers code shared diary entries with. The form keeps
//! its text until the driver says the list is saved on this device. Idea themes also get
//! a name in each of the project's other languages, since residents read them.

use super::{use_saving, SaveActions};
use crate::i18n::Lang;
use crate::state::{use_app_state, use_commands};
use crate::sync::command::clean_themes;
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::model::project::ThemeNames;

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

    fn command(
        self,
        themes: Vec<String>,
        names: ThemeNames,
        reply: crate::sync::command::Reply<()>,
    ) -> Command {
        match self {
            ThemeList::Ideas => Command::SetThemes {
                themes,
                names,
                reply,
            },
            ThemeList::Analysis => Command::SetAnalysisThemes { themes, reply },
        }
    }
}

#[component]
pub fn ThemesForm(list: ThemeList) -> Element {
    let state = use_app_state();
    let commands = use_commands();
    let i18n = crate::i18n::use_i18n();
    let stored = use_memo(move || {
        let st = state.read();
        match list {
            ThemeList::Ideas => (st.themes.join("\n"), st.theme_names.clone()),
            ThemeList::Analysis => (st.analysis_themes.join("\n"), ThemeNames::default()),
        }
    });
    let mut text = use_signal(|| stored.peek().0.clone());
    let mut names = use_signal(|| stored.peek().1.clone());
    // Until the organiser types, the form follows the project: a page opened before the
    // first sync fills in when the themes arrive.
    let mut touched = use_signal(|| false);
    use_effect(move || {
        let (t, n) = stored();
        if !*touched.peek() {
            text.set(t);
            names.set(n);
        }
    });
    // Analysis themes are read by organisers only: no other names for them.
    let others = match list {
        ThemeList::Ideas => state.read().other_languages(),
        ThemeList::Analysis => Vec::new(),
    };
    let saving = use_saving();
    let lines = move || -> Vec<String> { text().lines().map(str::to_owned).collect() };
    let save = move |evt: FormEvent| {
        evt.prevent_default();
        match clean_themes(&lines()) {
            Ok(themes) => {
                let names = names();
                saving.save(commands, move |reply| list.command(themes, names, reply))
            }
            Err(e) => saving.refuse(e),
        }
    };
    // The themes as typed so far, each with a row for its other names.
    let typed = if others.is_empty() {
        Vec::new()
    } else {
        clean_themes(&lines()).unwrap_or_default()
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
                    oninput: move |e| { text.set(e.value()); touched.set(true); saving.edited(); },
                }
                if !typed.is_empty() {
                    p { class: "hint", {t!("themes-names-hint")} }
                }
                for (n, theme) in typed.into_iter().enumerate() {
                    fieldset { key: "{theme}", class: "theme-names",
                        legend { "{theme}" }
                        for code in others.iter().cloned() {
                            {
                                let id = format!("{key}-{n}-{code}");
                                let now = names.read().of(&theme).remove(&code).unwrap_or_default();
                                let (theme, code2) = (theme.clone(), code.clone());
                                rsx! {
                                    label { r#for: "{id}",
                                        {t!("themes-name-in", language: Lang::name_of(&code))}
                                    }
                                    input {
                                        id: "{id}",
                                        lang: "{code}",
                                        value: "{now}",
                                        oninput: move |e| {
                                            names.write().0.entry(theme.clone()).or_default()
                                                .insert(code2.clone(), e.value());
                                            touched.set(true);
                                            saving.edited();
                                        },
                                    }
                                }
                            }
                        }
                    }
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
