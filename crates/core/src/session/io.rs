//! What goes into and comes out of a [`super::ClientSession`].

use crate::ids::DocId;
use crate::wire::{ErrorCode, Welcome};

#[derive(Debug, Clone)]
pub enum SessionInput {
    /// The transport is open; the session authenticates.
    Connected,
    /// One whole binary message from the transport.
    Received(Vec<u8>),
    /// The transport closed or failed; anything in flight is forgotten.
    Disconnected,
    /// A periodic nudge: offer anything new (a safety net beside change-driven sync).
    Tick,
}

/// Carry out in field order. Each `Vec` keeps its own order.
#[must_use]
#[derive(Debug, Default)]
pub struct SessionOutput {
    /// Chunks to append to the store, first.
    pub save_chunks: Vec<(DocId, Vec<u8>)>,
    /// Sync states to save, after the chunks are durable.
    pub save_sync_states: Vec<(DocId, Vec<u8>)>,
    /// Frames to send, in order.
    pub send: Vec<Vec<u8>>,
    pub events: Vec<SessionEvent>,
    /// Close the transport after sending, for this reason.
    pub close: Option<CloseReason>,
}

impl SessionOutput {
    pub fn is_empty(&self) -> bool {
        self.save_chunks.is_empty()
            && self.save_sync_states.is_empty()
            && self.send.is_empty()
            && self.events.is_empty()
            && self.close.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionEvent {
    Welcomed(Welcome),
    /// The hub sent changes; the document changed.
    DocChanged(DocId),
    /// Both sides now hold the same document.
    InSync(DocId),
    /// The hub will not sync this document with this device.
    Unavailable(DocId),
    /// The device clock differs from the hub's by more than a few minutes.
    ClockSkew {
        device_minus_hub_ms: i64,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloseReason {
    pub code: ErrorCode,
    pub message: String,
    /// The hub closed (true) or this device did (false).
    pub from_hub: bool,
}

impl CloseReason {
    /// Retrying will not help: the device must be signed in again.
    pub fn is_permanent(&self) -> bool {
        self.code == ErrorCode::AuthFailed
    }
}
