//! The app's words in Finnish, Swedish and English, through Fluent.
//!
//! Messages live in `assets/locales/<lang>/<area>.ftl`, compiled in. A view asks for one
//! with [`t!`](crate::t): `t!("diary-title")` or `t!("diary-entries-heading", count: n)`. Every key
//! exists in all three languages and every key is used (`tests/i18n_keys.rs`).
//!
//! Built on `fluent-bundle` rather than `dioxus-i18n`: that crate gives no way to turn off
//! Unicode isolation marks around arguments, which would put invisible characters into
//! every number and name on screen (and into what screen readers and tests read).

use dioxus::prelude::*;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Fi,
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    /// The BCP 47 code, also the `lang` attribute of the page.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, for the picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fi => "Suomi",
            Lang::Sv => "Svenska",
            Lang::En => "English",
        }
    }

    /// The name of a project language by its code: the app's own name for it, or the code
    /// itself for a language the app does not speak.
    pub fn name_of(code: &str) -> String {
        Lang::from_tag(code).map_or_else(|| code.to_owned(), |l| l.native_name().to_owned())
    }

    /// `fi`, `fi-FI`, `sv-SE`, `en-GB`…; `None` for languages the app does not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_', '.']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fi" => Some(Lang::Fi),
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first of the person's preferred languages that the app speaks; Finnish when
    /// none is (the app serves the public sector in Finland).
    pub fn preferred(tags: &[String]) -> Lang {
        tags.iter()
            .find_map(|t| Lang::from_tag(t))
            .unwrap_or(Lang::Fi)
    }

    fn resources(self) -> &'static [&'static str] {
        macro_rules! area_files {
            ($lang:literal) => {
                &[
                    include_str!(concat!("../assets/locales/", $lang, "/common.ftl")),
                    include_str!(concat!("../assets/locales/", $lang, "/profiles.ftl")),
                    include_str!(concat!("../assets/locales/", $lang, "/diary.ftl")),
                    include_str!(concat!("../assets/locales/", $lang, "/events.ftl")),
                    include_str!(concat!("../assets/locales/", $lang, "/ideas.ftl")),
                    include_str!(concat!("../assets/locales/", $lang, "/organise_events.ftl")),
                    include_str!(concat!("../assets/locales/", $lang, "/organise_ideas.ftl")),
                    include_str!(concat!("../assets/locales/", $lang, "/organise_diary.ftl")),
                    include_str!(concat!("../assets/locales/", $lang, "/settings.ftl")),
                    include_str!(concat!("../assets/locales/", $lang, "/messages.ftl")),
                ]
            };
        }
        match self {
            Lang::Fi => area_files!("fi"),
            Lang::Sv => area_files!("sv"),
            Lang::En => area_files!("en"),
        }
    }
}

/// Every `.ftl` file of a language, as compiled in (for the key test).
pub fn sources(lang: Lang) -> &'static [&'static str] {
    lang.resources()
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id = lang
        .code()
        .parse()
        .expect("the language codes are valid identifiers");
    let mut bundle = FluentBundle::new(vec![id]);
    bundle.set_use_isolating(false);
    for source in lang.resources() {
        let resource =
            FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(_, errors)| {
                panic!("{} .ftl does not parse: {errors:?}", lang.code())
            });
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("{} .ftl repeats a key: {errors:?}", lang.code()));
    }
    bundle
}

thread_local! {
    static BUNDLES: RefCell<HashMap<Lang, FluentBundle<FluentResource>>> = RefCell::new(HashMap::new());
}

/// The message `key` in `lang`. A key missing there falls back to English, then to the key
/// itself, so a gap shows as a readable word, never as a crash (the key test catches it).
pub fn translate(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    BUNDLES.with(|bundles| {
        let mut bundles = bundles.borrow_mut();
        for l in [lang, Lang::En] {
            let bundle = bundles.entry(l).or_insert_with(|| bundle(l));
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        key.to_owned()
    })
}

thread_local! {
    /// The page's language, for code that runs outside the views (the sync driver's task):
    /// kept up to date by [`I18n::set`] and [`use_init_i18n`].
    static CURRENT: Cell<Lang> = Cell::new(platform::initial());
}

/// The page's language, without the Dioxus context (the sync driver).
pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

/// Makes `lang` the language [`current`] and [`words`] answer in.
pub(crate) fn set_current(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// A message in the page's language, for code that has no [`I18n`]: `words("msg-join-first",
/// &[])` or `words("msg-wait-seconds", &[("count", 5.into())])`.
pub fn words(key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    translate(current(), key, Some(&fluent_args(args)))
}

fn fluent_args<'a>(args: &[(&str, FluentValue<'a>)]) -> FluentArgs<'a> {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        fluent.set(name.to_string(), value.clone());
    }
    fluent
}

/// The language of the page, chosen by the person (Settings) or their browser.
#[derive(Clone, Copy)]
pub struct I18n(Signal<Lang>);

impl I18n {
    pub fn lang(&self) -> Lang {
        (self.0)()
    }

    /// The language without subscribing the caller to changes (event handlers).
    pub fn peek(&self) -> Lang {
        *self.0.peek()
    }

    pub fn set(&mut self, lang: Lang) {
        set_current(lang);
        self.0.set(lang);
        platform::remember(lang);
    }

    pub fn t(&self, key: &str) -> String {
        translate(self.lang(), key, None)
    }

    pub fn t_args(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        translate(self.lang(), key, Some(&fluent_args(args)))
    }
}

/// Provides the language to every view (in `App`).
pub fn use_init_i18n() -> I18n {
    let lang = use_signal(platform::initial);
    use_hook(|| set_current(*lang.peek()));
    use_effect(move || {
        let lang = lang();
        set_current(lang);
        platform::mark_page(lang);
    });
    use_context_provider(|| I18n(lang))
}

/// The page's language, provided by `App`.
pub fn use_i18n() -> I18n {
    consume_context::<I18n>()
}

/// A message in the page's language: `t!("nav-inbox")`, or with arguments
/// `t!("nav-inbox-unread", count: n)`.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::use_i18n().t($key)
    };
    ($key:literal, $($name:ident : $value:expr),+ $(,)?) => {
        $crate::i18n::use_i18n().t_args(
            $key,
            &[$((stringify!($name), ::fluent_bundle::FluentValue::from($value))),+],
        )
    };
}

#[cfg(target_arch = "wasm32")]
mod platform {
    use super::Lang;

    const KEY: &str = "kumppani.language";

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }

    /// The remembered choice, else the browser's languages.
    pub fn initial() -> Lang {
        if let Some(lang) = storage()
            .and_then(|s| s.get_item(KEY).ok().flatten())
            .and_then(|code| Lang::from_tag(&code))
        {
            return lang;
        }
        let tags: Vec<String> = web_sys::window()
            .map(|w| {
                w.navigator()
                    .languages()
                    .iter()
                    .filter_map(|v| v.as_string())
                    .collect()
            })
            .unwrap_or_default();
        Lang::preferred(&tags)
    }

    pub fn remember(lang: Lang) {
        if let Some(s) = storage() {
            let _ = s.set_item(KEY, lang.code());
        }
    }

    /// Screen readers pick their voice from the page's `lang`.
    pub fn mark_page(lang: Lang) {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.code());
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    use super::Lang;
    use std::path::PathBuf;

    fn choice_file() -> Option<PathBuf> {
        crate::sync::platform::data_dir()
            .ok()
            .map(|d| d.join("language"))
    }

    /// The remembered choice, else the system's locale (`LANGUAGE`, `LC_ALL`,
    /// `LC_MESSAGES`, `LANG`).
    pub fn initial() -> Lang {
        if let Some(lang) = choice_file()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .and_then(|code| Lang::from_tag(code.trim()))
        {
            return lang;
        }
        // LANGUAGE is a list in order of preference ("sv:en"); the others one locale each.
        let tags: Vec<String> = ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .flat_map(|v| v.split(':').map(str::to_owned).collect::<Vec<_>>())
            .filter(|v| !v.is_empty() && v != "C" && v != "POSIX")
            .collect();
        Lang::preferred(&tags)
    }

    pub fn remember(lang: Lang) {
        if let Some(file) = choice_file() {
            // Only a preference: if it cannot be written, the locale decides next time.
            let _ = file.parent().map(std::fs::create_dir_all);
            let _ = std::fs::write(file, lang.code());
        }
    }

    /// The webview's screen reader support reads `lang` as the browser's does.
    pub fn mark_page(lang: Lang) {
        let script = format!("document.documentElement.lang = {:?};", lang.code());
        let _ = dioxus::document::eval(&script);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_language_picks_the_app_language_and_finnish_is_the_default() {
        let tags = |t: &[&str]| t.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(Lang::preferred(&tags(&["sv-SE", "en"])), Lang::Sv);
        assert_eq!(Lang::preferred(&tags(&["de-DE", "en-GB"])), Lang::En);
        assert_eq!(Lang::preferred(&tags(&["de-DE", "ru"])), Lang::Fi);
        assert_eq!(Lang::preferred(&[]), Lang::Fi);
        // A system locale, as the native app reads it.
        assert_eq!(Lang::preferred(&tags(&["sv_FI.UTF-8"])), Lang::Sv);
        assert_eq!(Lang::preferred(&tags(&["en.UTF-8"])), Lang::En);
    }

    #[test]
    fn plurals_follow_each_language() {
        let count = |lang, n: i64| {
            let mut args = FluentArgs::new();
            args.set("count", n);
            translate(lang, "diary-entries-heading", Some(&args))
        };
        assert_eq!(count(Lang::En, 1), "Your entries (1)");
        assert_eq!(count(Lang::Fi, 2), "Merkintäsi (2)");
        assert_eq!(count(Lang::Sv, 0), "Inga anteckningar än");
    }

    #[test]
    fn words_follow_the_current_language() {
        set_current(Lang::Fi);
        assert_eq!(current(), Lang::Fi);
        let fi = words("msg-wait-seconds", &[("count", FluentValue::from(5))]);
        set_current(Lang::En);
        assert_eq!(
            words("msg-wait-seconds", &[("count", FluentValue::from(5))]),
            "5 seconds"
        );
        assert_eq!(fi, "5 sekuntia");
    }

    #[test]
    fn a_missing_key_shows_the_key_not_a_crash() {
        assert_eq!(translate(Lang::Sv, "no-such-key", None), "no-such-key");
    }
}
