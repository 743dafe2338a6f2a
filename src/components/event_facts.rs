//! An event's when, where, languages and accessibility, the same on every screen.

use crate::format;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::model::event::Event;

/// "12 places, 3 left" or "No limit on places".
pub fn places(event: &Event, counts: Option<(u32, u32)>) -> String {
    match (event.capacity, counts) {
        (None, _) => t!("events-places-unlimited"),
        (Some(cap), Some((confirmed, waiting))) if confirmed >= cap => {
            t!("events-places-full", capacity: cap, waiting: waiting)
        }
        (Some(cap), Some((confirmed, _))) => {
            t!("events-places-left", capacity: cap, left: cap - confirmed)
        }
        (Some(cap), None) => t!("events-places-count", capacity: cap),
    }
}

#[component]
pub fn EventFacts(event: Event, counts: Option<(u32, u32)>) -> Element {
    let i18n = crate::i18n::use_i18n();
    let a = event.accessibility;
    let access: Vec<String> = [
        (a.step_free, "events-step-free"),
        (a.induction_loop, "events-induction-loop"),
        (a.sign_language, "events-sign-language"),
        (a.quiet_room, "events-quiet-room"),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, key)| i18n.t(key))
    .collect();
    rsx! {
        dl { class: "facts event-facts",
            dt { {t!("events-when")} }
            dd {
                time { datetime: "{format::input_value(event.starts_at)}", "{format::date_time(event.starts_at)}" }
                " – {format::clock(event.ends_at)}"
            }
            if !event.place.is_empty() {
                dt { {t!("events-where")} }
                dd { "{event.place}" }
            }
            dt { {t!("events-places")} }
            dd { "{places(&event, counts)}" }
            if !event.languages.is_empty() {
                dt { {t!("events-languages")} }
                dd { "{event.languages.join(\", \")}" }
            }
            if !access.is_empty() {
                dt { {t!("events-accessibility")} }
                dd {
                    ul { class: "tags", aria_label: t!("events-accessibility"),
                        for item in access {
                            li { key: "{item}", "{item}" }
                        }
                    }
                }
            }
            if event.needs_approval {
                dt { {t!("events-signup")} }
                dd { {t!("events-needs-approval")} }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::{translate, Lang};
    use fluent_bundle::FluentArgs;

    fn places_left(lang: Lang, capacity: u32, left: u32) -> String {
        let mut args = FluentArgs::new();
        args.set("capacity", capacity);
        args.set("left", left);
        translate(lang, "events-places-left", Some(&args))
    }

    #[test]
    fn places_keep_the_english_words_and_follow_each_languages_plurals() {
        assert_eq!(places_left(Lang::En, 12, 3), "12 places, 3 left");
        assert_eq!(places_left(Lang::Fi, 12, 3), "12 paikkaa, 3 vapaana");
        assert_eq!(places_left(Lang::Fi, 1, 1), "1 paikka, 1 vapaana");
        assert_eq!(places_left(Lang::Sv, 1, 0), "1 plats, 0 kvar");
        assert_eq!(places_left(Lang::Sv, 5, 2), "5 platser, 2 kvar");
    }
}
