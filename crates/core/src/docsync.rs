//! One document's sync with one peer: an Automerge sync state plus the rules around it.
//!
//! The device's session and the hub's connection handler both use this, so the two sides
//! cannot drift apart in how they reset, persist or count what is pending.

use automerge::sync::{Message, State, SyncDoc};
use automerge::{ActorId, AutoCommit};

#[derive(Debug, thiserror::Error)]
pub enum DocSyncError {
    #[error("not a valid automerge sync message: {0}")]
    BadMessage(String),
    #[error("the sync message could not be applied: {0}")]
    Apply(#[from] automerge::AutomergeError),
    #[error("a stored sync state could not be read: {0}")]
    BadState(String),
}

/// What receiving a message did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Received {
    /// The document gained changes and must be saved before its sync state is.
    pub changed: bool,
}

#[derive(Debug, Clone)]
pub struct PeerSync {
    state: State,
}

impl Default for PeerSync {
    fn default() -> Self {
        Self::new()
    }
}

impl PeerSync {
    pub fn new() -> Self {
        Self {
            state: State::new(),
        }
    }

    /// A sync that sends our changes but never applies the peer's (for read-only peers).
    pub fn read_only() -> Self {
        Self {
            state: State::new_read_only(),
        }
    }

    /// Restores a state saved with [`Self::encode`], for a peer seen before: only the
    /// shared heads survive, which is what lets a returning device send only what is new.
    pub fn restore(bytes: &[u8]) -> Result<Self, DocSyncError> {
        State::decode(bytes)
            .map(|state| Self { state })
            .map_err(|e| DocSyncError::BadState(e.to_string()))
    }

    pub fn encode(&self) -> Vec<u8> {
        self.state.encode()
    }

    /// Forget what was in flight on a connection that is gone; keep the shared heads.
    /// Without this, a message lost at the break would never be sent again.
    pub fn reset_connection(&mut self) {
        let read_only = self.state.read_only;
        self.state = State::decode(&self.state.encode()).unwrap_or_default();
        self.state.read_only = read_only;
    }

    pub fn receive(
        &mut self,
        doc: &mut AutoCommit,
        message: &[u8],
    ) -> Result<Received, DocSyncError> {
        let message =
            Message::decode(message).map_err(|e| DocSyncError::BadMessage(e.to_string()))?;
        let before = doc.get_heads();
        doc.sync().receive_sync_message(&mut self.state, message)?;
        Ok(Received {
            changed: doc.get_heads() != before,
        })
    }

    /// The next message for the peer, if there is anything to say.
    #[must_use]
    pub fn poll_message(&mut self, doc: &mut AutoCommit) -> Option<Vec<u8>> {
        doc.sync()
            .generate_sync_message(&mut self.state)
            .map(Message::encode)
    }

    /// How many changes the peer is not known to have. The shared root change that every
    /// Kumppani document starts from is not counted: every peer makes it alike.
    pub fn pending(&self, doc: &mut AutoCommit) -> usize {
        let root_actor = ActorId::from([0u8; 16]);
        doc.get_changes(&self.state.shared_heads)
            .iter()
            .filter(|c| c.actor_id() != &root_actor)
            .count()
    }

    /// The heads both sides are known to have: what this device changed after them has not
    /// reached the peer.
    pub fn shared_heads(&self) -> &[automerge::ChangeHash] {
        &self.state.shared_heads
    }

    /// Whether both sides are known to have exactly this document.
    pub fn in_sync(&self, doc: &mut AutoCommit) -> bool {
        let mut ours = doc.get_heads();
        ours.sort();
        let mut shared = self.state.shared_heads.clone();
        shared.sort();
        ours == shared
            && self.state.their_heads.as_ref().is_none_or(|h| {
                let mut theirs = h.clone();
                theirs.sort();
                theirs == ours
            })
    }
}
