//! Who this device is: the join (or link) answer, kept in the store's metadata.

use kumppani_core::api::JoinResponse;
use serde::{Deserialize, Serialize};

pub const IDENTITY_KEY: &str = "identity";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    /// The hub's origin, e.g. `http://127.0.0.1:8080`.
    pub hub_url: String,
    pub join: JoinResponse,
}

impl Identity {
    /// The sync WebSocket's address for an http(s) hub origin.
    pub fn sync_url(&self) -> String {
        sync_url(&self.hub_url)
    }
}

pub fn sync_url(hub_url: &str) -> String {
    let base = hub_url.trim_end_matches('/');
    if let Some(rest) = base.strip_prefix("https://") {
        format!("wss://{rest}/sync")
    } else if let Some(rest) = base.strip_prefix("http://") {
        format!("ws://{rest}/sync")
    } else {
        format!("{base}/sync")
    }
}

/// The key under which a document's sync state with the hub is kept.
pub fn sync_state_key(doc: &kumppani_core::ids::DocId) -> String {
    format!("sync/{doc}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_url_follows_the_hub_scheme() {
        assert_eq!(
            sync_url("http://127.0.0.1:8080/"),
            "ws://127.0.0.1:8080/sync"
        );
        assert_eq!(
            sync_url("https://kumppani.example"),
            "wss://kumppani.example/sync"
        );
    }
}
