//! The status line: where this person's data is right now.

use crate::format;
use crate::state::use_app_state;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::status::{status, SyncStatus};

fn waiting(n: usize) -> String {
    t!("sync-waiting", count: n)
}

pub fn status_text(s: &SyncStatus) -> String {
    match s {
        SyncStatus::SavedOnDevice => t!("sync-saved"),
        SyncStatus::Waiting { pending } => waiting(*pending),
        SyncStatus::Syncing { .. } => t!("sync-syncing"),
        SyncStatus::SyncedAt(at) => t!("sync-synced-at", time: format::clock(*at)),
        SyncStatus::Offline { pending: 0 } => t!("sync-offline"),
        SyncStatus::Offline { pending } => t!("sync-offline-waiting", waiting: waiting(*pending)),
        SyncStatus::CannotReach { reason, pending: 0 } => {
            t!("sync-cannot-reach", reason: reason.clone())
        }
        SyncStatus::CannotReach { reason, pending } => t!(
            "sync-cannot-reach-waiting",
            reason: reason.clone(),
            waiting: waiting(*pending)
        ),
    }
}

/// "3 hours", "45 minutes", in the page's language.
pub fn skew_words(ms: i64) -> String {
    let minutes = ms.unsigned_abs() / 60_000;
    if minutes >= 120 {
        t!("skew-hours", count: minutes / 60)
    } else {
        t!("skew-minutes", count: minutes)
    }
}

#[component]
pub fn SyncStatusLine() -> Element {
    let state = use_app_state();
    let st = state.read();
    let s = status(&st.connection, st.pending, st.last_synced);
    let kind = match &s {
        SyncStatus::SyncedAt(_) => "ok",
        SyncStatus::CannotReach { .. } => "bad",
        SyncStatus::Offline { .. } => "offline",
        _ => "busy",
    };
    rsx! {
        p { class: "sync-status {kind}", role: "status", aria_live: "polite", "data-testid": "sync-status",
            "{status_text(&s)}"
        }
    }
}
