//! The status line: where this person's data is right now.

use crate::format;
use crate::state::use_app_state;
use dioxus::prelude::*;
use kumppani_core::status::{status, SyncStatus};

fn waiting(n: usize) -> String {
    match n {
        1 => "1 change waiting to sync".into(),
        n => format!("{n} changes waiting to sync"),
    }
}

pub fn status_text(s: &SyncStatus) -> String {
    match s {
        SyncStatus::SavedOnDevice => "Saved on this device".into(),
        SyncStatus::Waiting { pending } => waiting(*pending),
        SyncStatus::Syncing { .. } => "Syncing…".into(),
        SyncStatus::SyncedAt(at) => format!("Synced at {}", format::clock(*at)),
        SyncStatus::Offline { pending: 0 } => "Offline · saved on this device".into(),
        SyncStatus::Offline { pending } => format!("Offline · {}", waiting(*pending)),
        SyncStatus::CannotReach { reason, pending: 0 } => format!("Cannot reach hub: {reason}"),
        SyncStatus::CannotReach { reason, pending } => {
            format!("Cannot reach hub: {reason} · {}", waiting(*pending))
        }
    }
}

/// "3 hours" for a clock difference in milliseconds.
pub fn skew_words(ms: i64) -> String {
    let minutes = ms.unsigned_abs() / 60_000;
    if minutes >= 120 {
        format!("{} hours", minutes / 60)
    } else {
        format!("{minutes} minutes")
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
