//! What the idea themes are called in the project's other languages.
//!
//! ```text
//! theme_names: { <theme>: { <lang>: name } }      organisers
//! ```
//!
//! A theme is known by its name in the project's first language: ideas store that name,
//! so renaming a translation never moves an idea to another theme. A resident sees the
//! name in their language, or the first language's when there is none.

use super::ProjectDocError;
use crate::model::{ensure_map, get_maps, get_str};
use automerge::transaction::Transactable;
use automerge::{AutoCommit, ReadDoc, ROOT};
use std::collections::BTreeMap;

const THEME_NAMES: &str = "theme_names";
/// Longest name of a theme in any language.
pub const MAX_THEME_NAME_CHARS: usize = 60;

/// Theme (its first-language name) → language → name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThemeNames(pub BTreeMap<String, BTreeMap<String, String>>);

impl ThemeNames {
    /// The theme's name in `lang`, or the theme itself (the first language's name).
    pub fn name_in<'a>(&'a self, theme: &'a str, lang: &str) -> &'a str {
        self.0
            .get(theme)
            .and_then(|names| names.get(lang))
            .map(String::as_str)
            .filter(|n| !n.trim().is_empty())
            .unwrap_or(theme)
    }

    /// The names of `theme`, one per language (empty when it has none).
    pub fn of(&self, theme: &str) -> BTreeMap<String, String> {
        self.0.get(theme).cloned().unwrap_or_default()
    }

    /// Only the given themes, with blank names dropped and the others trimmed: what an
    /// organiser's form saves.
    pub fn cleaned(&self, themes: &[String]) -> ThemeNames {
        let mut out = BTreeMap::new();
        for theme in themes {
            let names: BTreeMap<String, String> = self
                .of(theme)
                .into_iter()
                .map(|(lang, name)| (lang, name.trim().to_owned()))
                .filter(|(_, name)| !name.is_empty())
                .collect();
            if !names.is_empty() {
                out.insert(theme.clone(), names);
            }
        }
        ThemeNames(out)
    }

    /// The first name that is longer than [`MAX_THEME_NAME_CHARS`], if any.
    pub fn too_long(&self) -> Option<&str> {
        self.0
            .values()
            .flat_map(BTreeMap::values)
            .map(String::as_str)
            .find(|n| n.trim().chars().count() > MAX_THEME_NAME_CHARS)
    }
}

/// Every theme's names. Two organisers who each named a theme first offline made two maps
/// for it (or two `theme_names` maps); all are read, the winner first.
pub fn theme_names(doc: &AutoCommit) -> ThemeNames {
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for all in get_maps(doc, &ROOT, THEME_NAMES) {
        for theme in doc.keys(&all) {
            for map in get_maps(doc, &all, &theme) {
                for lang in doc.keys(&map) {
                    if let Some(name) = get_str(doc, &map, &lang).filter(|n| !n.trim().is_empty()) {
                        out.entry(theme.clone())
                            .or_default()
                            .entry(lang)
                            .or_insert(name);
                    }
                }
            }
        }
    }
    ThemeNames(out)
}

/// Makes the stored names equal to `names` (organisers), writing only what differs, so
/// saving the same names again sends nothing.
pub fn set_theme_names(doc: &mut AutoCommit, names: &ThemeNames) -> Result<(), ProjectDocError> {
    let current = theme_names(doc);
    if current == *names {
        return Ok(());
    }
    let all = ensure_map(doc, &ROOT, THEME_NAMES)?;
    for theme in current.0.keys().filter(|t| !names.0.contains_key(*t)) {
        doc.delete(&all, theme.as_str())?;
    }
    for (theme, langs) in &names.0 {
        let before = current.of(theme);
        if before == *langs {
            continue;
        }
        let map = ensure_map(doc, &all, theme)?;
        for lang in before.keys().filter(|l| !langs.contains_key(*l)) {
            doc.delete(&map, lang.as_str())?;
        }
        for (lang, name) in langs {
            if before.get(lang) != Some(name) {
                doc.put(&map, lang.as_str(), name.as_str())?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::project::new_document;

    fn names(pairs: &[(&str, &str, &str)]) -> ThemeNames {
        let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        for (theme, lang, name) in pairs {
            out.entry((*theme).into())
                .or_default()
                .insert((*lang).into(), (*name).into());
        }
        ThemeNames(out)
    }

    #[test]
    fn a_resident_sees_their_language_or_the_first_languages_name() {
        let n = names(&[("Liikenne", "sv", "Trafik"), ("Piha", "sv", "  ")]);
        assert_eq!(n.name_in("Liikenne", "sv"), "Trafik");
        assert_eq!(n.name_in("Liikenne", "en"), "Liikenne");
        assert_eq!(n.name_in("Piha", "sv"), "Piha", "a blank name falls back");
        assert_eq!(n.name_in("Muu", "sv"), "Muu");
    }

    #[test]
    fn names_read_back_and_saving_them_again_changes_nothing() {
        let mut doc = new_document();
        assert_eq!(theme_names(&doc), ThemeNames::default());
        let first = names(&[
            ("Liikenne", "sv", "Trafik"),
            ("Liikenne", "en", "Traffic"),
            ("Piha", "en", "Yard"),
        ]);
        set_theme_names(&mut doc, &first).unwrap();
        doc.commit();
        assert_eq!(theme_names(&doc), first);
        let heads = doc.get_heads();
        set_theme_names(&mut doc, &first).unwrap();
        doc.commit();
        assert_eq!(doc.get_heads(), heads);

        // A theme left out and a language left out are gone.
        let second = names(&[("Liikenne", "sv", "Trafiken")]);
        set_theme_names(&mut doc, &second).unwrap();
        assert_eq!(theme_names(&doc), second);
    }

    #[test]
    fn two_organisers_naming_one_theme_offline_keep_both_languages() {
        let mut a = new_document();
        let mut b = a.fork();
        set_theme_names(&mut a, &names(&[("Liikenne", "sv", "Trafik")])).unwrap();
        set_theme_names(&mut b, &names(&[("Liikenne", "en", "Traffic")])).unwrap();
        a.merge(&mut b).unwrap();
        let merged = theme_names(&a);
        assert_eq!(merged.name_in("Liikenne", "sv"), "Trafik");
        assert_eq!(merged.name_in("Liikenne", "en"), "Traffic");
    }

    #[test]
    fn cleaning_keeps_only_listed_themes_and_real_names() {
        let n = names(&[
            ("Liikenne", "sv", " Trafik "),
            ("Liikenne", "en", " "),
            ("Poistettu", "sv", "Borttagen"),
        ]);
        let themes = ["Liikenne".to_owned(), "Piha".to_owned()];
        assert_eq!(n.cleaned(&themes), names(&[("Liikenne", "sv", "Trafik")]));
        let long = names(&[("Piha", "sv", &"x".repeat(MAX_THEME_NAME_CHARS + 1))]);
        assert!(long.too_long().is_some());
        assert!(n.too_long().is_none());
    }
}
