//! The diary: write an entry, and read, edit or delete your own, newest first.

use crate::components::{EntryCard, EntryForm};
use crate::state::use_app_state;
use dioxus::prelude::*;
use kumppani_core::ids::EntryId;

#[component]
pub fn Diary() -> Element {
    let state = use_app_state();
    let mut editing = use_signal(|| None::<EntryId>);
    let entries = state.read().entries.clone();
    rsx! {
        section { class: "card", aria_labelledby: "new-entry-title",
            h1 { id: "new-entry-title", "Diary" }
            EntryForm { key: "new", existing: None, on_done: move |_| {} }
        }
        section { aria_labelledby: "entries-title",
            h2 { id: "entries-title", class: "section-title",
                if entries.is_empty() { "No entries yet" } else { "Your entries ({entries.len()})" }
            }
            ul { class: "entries",
                for entry in entries {
                    li { key: "{entry.id}",
                        if editing() == Some(entry.id) {
                            div { class: "card",
                                EntryForm {
                                    key: "{entry.id}",
                                    existing: Some(entry.clone()),
                                    on_done: move |_| editing.set(None),
                                }
                            }
                        } else {
                            EntryCard { entry: entry.clone(), on_edit: move |id| editing.set(Some(id)) }
                        }
                    }
                }
            }
        }
    }
}
