//! Choosing the app's language: Suomi, Svenska or English. The choice sticks on this
//! device (see `crate::i18n`).

use crate::i18n::{use_i18n, Lang};
use crate::t;
use dioxus::prelude::*;

#[component]
pub fn LanguagePicker() -> Element {
    let mut i18n = use_i18n();
    let current = i18n.lang();
    rsx! {
        div { class: "language-picker",
            label { r#for: "language", {t!("language-label")} }
            select {
                id: "language",
                onchange: move |e| {
                    if let Some(lang) = Lang::from_tag(&e.value()) {
                        i18n.set(lang);
                    }
                },
                for lang in Lang::ALL {
                    option {
                        key: "{lang.code()}",
                        value: "{lang.code()}",
                        lang: "{lang.code()}",
                        selected: lang == current,
                        "{lang.native_name()}"
                    }
                }
            }
        }
    }
}
