//! One device's sync connection, without the socket: frames in, frames out.
//!
//! [`authenticate`] turns the first frame into a [`Connection`] (or a refusal);
//! [`Connection::handle_frame`] answers each later frame; [`Connection::push_docs`] pushes
//! what changed elsewhere ([`crate::doc_feeds`]); [`Connection::on_event`] acts on a
//! revocation or a shutdown. Each returns a [`Step`]: frames to send, in order, and
//! whether to close after them. `routes::sync_ws` is the thin loop that carries steps out.
//!
//! Order on a change: apply, append the chunk and commit it, save the sync state, and only
//! then reply; a failed append poisons the cached document and closes, so nothing unsaved
//! is ever acknowledged.

use crate::access::{can_sync, welcome_docs, Access};
use crate::clock::now_ms;
use crate::doc_feeds::Inbox;
use crate::docs::{persist_changes, DocError};
use crate::state::{AppState, HubEvent};
use crate::store::{DeviceIdentity, DocMeta, StoreError};
use crate::tokens::hash_token;
use kumppani_core::docsync::PeerSync;
use kumppani_core::ids::DocId;
use kumppani_core::wire::{DocKind, ErrorCode, Frame, Welcome};
use std::collections::HashMap;
use std::sync::Arc;

const NOT_SAVED: &str =
    "The hub could not save your changes; they are safe on your device and will be sent again.";
const NOT_LOADED: &str = "The hub could not open your data just now; try again in a moment.";
const SHUTTING_DOWN: &str =
    "The hub is restarting. Your changes are safe; they sync when it is back.";
const DOCS_REPLACED: &str =
    "The project's shared data was rewritten on the hub (an account was deleted); connecting again.";
const AUTH_FAILED: &str =
    "This device is not signed in to the hub any more. Join again or link it from another device.";

/// What to do after one input: send these frames in order, then close if `close`.
#[derive(Debug, Default, PartialEq, Eq)]
#[must_use]
pub struct Step {
    pub send: Vec<Frame>,
    pub close: bool,
}

impl Step {
    fn send(frame: Frame) -> Self {
        Self {
            send: vec![frame],
            close: false,
        }
    }

    /// An `Error` frame, then close.
    pub fn fail(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            send: vec![Frame::Error {
                code,
                message: message.into(),
            }],
            close: true,
        }
    }
}

/// An authenticated device's connection.
pub struct Connection {
    pub identity: DeviceIdentity,
    id: u64,
    /// The documents of this connection that changed elsewhere, to push.
    pub inbox: Arc<Inbox>,
    /// Documents this connection syncs (access already granted), with their peer state.
    peers: HashMap<DocId, Peer>,
}

/// One document this connection syncs.
struct Peer {
    sync: PeerSync,
    meta: DocMeta,
    /// The device may read, never write: its changes are dropped, never applied.
    read_only: bool,
}

/// Reads the first frame. `Ok` carries the connection and its `Welcome`; `Err` the refusal.
pub async fn authenticate(state: &AppState, bytes: &[u8]) -> Result<(Connection, Step), Step> {
    let token = match Frame::decode(bytes) {
        Ok(Frame::Auth { token }) => token,
        Ok(_) => {
            return Err(Step::fail(
                ErrorCode::NotAuthenticated,
                "The first frame must be Auth.",
            ))
        }
        Err(e) => return Err(Step::fail(e.code(), e.to_string())),
    };
    let identity = match state
        .store
        .device_by_token_hash(&hash_token(&token), now_ms())
        .await
    {
        Ok(Some(identity)) => identity,
        Ok(None) => return Err(Step::fail(ErrorCode::AuthFailed, AUTH_FAILED)),
        Err(e) => {
            tracing::error!(error = %e, "device lookup failed");
            return Err(Step::fail(ErrorCode::Unavailable, NOT_LOADED));
        }
    };
    let project = match state.store.project(identity.member.project).await {
        Ok(p) => p,
        Err(e) => {
            tracing::error!(error = %e, "project lookup failed");
            return Err(Step::fail(ErrorCode::Unavailable, NOT_LOADED));
        }
    };
    tracing::info!(device = %identity.device, "device connected");
    let welcome = Frame::Welcome(Welcome {
        project: identity.member.project,
        member: identity.member.id,
        device: identity.device,
        hub_time_ms: now_ms(),
        docs: welcome_docs(&identity.member, project.as_ref()),
    });
    let conn = Connection {
        identity,
        id: state.connection_id(),
        inbox: Arc::default(),
        peers: HashMap::new(),
    };
    Ok((conn, Step::send(welcome)))
}

impl Connection {
    /// Answers one frame after authentication.
    pub async fn handle_frame(&mut self, state: &AppState, bytes: &[u8]) -> Step {
        match Frame::decode(bytes) {
            Ok(Frame::Sync { doc, message }) => self.sync(state, doc, &message).await,
            Ok(Frame::Error { code, message }) => {
                tracing::info!(device = %self.identity.device, ?code, %message, "device closed with an error");
                Step {
                    send: Vec::new(),
                    close: true,
                }
            }
            Ok(_) => Step::fail(
                ErrorCode::Malformed,
                "Only Sync frames may follow authentication.",
            ),
            Err(e) => Step::fail(e.code(), e.to_string()),
        }
    }

    async fn sync(&mut self, state: &AppState, doc: DocId, message: &[u8]) -> Step {
        if !self.peers.contains_key(&doc) {
            match self.open_peer(state, doc).await {
                Ok(Some(peer)) => {
                    self.peers.insert(doc, peer);
                    state.feeds.subscribe(doc, self.id, &self.inbox);
                }
                Ok(None) => return Step::send(Frame::Unavailable { doc }),
                Err(e) => {
                    tracing::error!(error = %e, %doc, "could not open a document's sync");
                    return Step::fail(ErrorCode::Unavailable, NOT_LOADED);
                }
            }
        }
        let mut guard = match state.docs.lock(state.store.as_ref(), doc).await {
            Ok(guard) => guard,
            Err(e) => {
                tracing::error!(error = %e, %doc, "could not load a document");
                return Step::fail(ErrorCode::Unavailable, NOT_LOADED);
            }
        };
        let peer = self.peers.get_mut(&doc).expect("inserted above");
        let meta = peer.meta;
        let stripped;
        let message = if peer.read_only {
            match drop_changes(message) {
                Some(without) => {
                    tracing::debug!(device = %self.identity.device, %doc, "dropped changes a read-only device sent");
                    stripped = without;
                    &stripped[..]
                }
                None => message,
            }
        } else {
            message
        };
        let audited = crate::audit::watches(&meta, peer.read_only);
        let heads_before = if audited {
            guard.get_heads()
        } else {
            Vec::new()
        };
        let received = match peer.sync.receive(&mut guard, message) {
            Ok(r) => r,
            Err(e) => {
                // A half-applied message must not linger in memory.
                guard.poison();
                self.peers.remove(&doc);
                return Step::fail(ErrorCode::BadSyncMessage, e.to_string());
            }
        };
        // What this device's message made of the document, before storing it catches up
        // with other nodes' changes (which are not this device's doing).
        let heads_received = if audited && received.changed {
            guard.get_heads()
        } else {
            Vec::new()
        };
        if received.changed {
            // A member writes their own document as they like; the hub bounds its size.
            let limit = (meta.kind == DocKind::Member).then_some(state.config.max_member_doc_bytes);
            match persist_changes(state.store.as_ref(), doc, &mut guard, limit).await {
                Ok(()) if audited => {
                    crate::audit::record(
                        state,
                        &self.identity,
                        &meta,
                        &mut guard,
                        (&heads_before, &heads_received),
                    )
                    .await
                }
                Ok(()) => {}
                Err(DocError::TooLarge { would, limit }) => {
                    tracing::warn!(device = %self.identity.device, %doc, would, limit, "refused a change past the size limit");
                    guard.poison();
                    self.peers.remove(&doc);
                    return Step::fail(
                        ErrorCode::TooLarge,
                        format!(
                            "Your data on the hub has reached its limit of {}; the change was not stored and stays on your device.",
                            size_words(limit)
                        ),
                    );
                }
                Err(e) => {
                    tracing::error!(error = %e, %doc, "could not store a change");
                    guard.poison();
                    self.peers.remove(&doc);
                    return Step::fail(ErrorCode::Unavailable, NOT_SAVED);
                }
            }
        }
        if !peer.read_only {
            if let Err(e) = state
                .store
                .save_sync_state(doc, self.identity.device, &peer.sync.encode())
                .await
            {
                // Harmless beyond cost: an older state only means resending more next time.
                tracing::warn!(error = %e, %doc, "could not save a sync state");
            }
        }
        if received.changed {
            drop(guard);
            state.publish(HubEvent::DocChanged {
                doc,
                origin: self.id,
            });
            // The hub's answer (seats, counts) goes out with the reply where it can.
            crate::seats::after_change(state, doc, meta).await;
            crate::derivation::after_change(state, meta);
            guard = match state.docs.lock(state.store.as_ref(), doc).await {
                Ok(guard) => guard,
                Err(e) => {
                    tracing::error!(error = %e, %doc, "could not reload a document");
                    return Step::fail(ErrorCode::Unavailable, NOT_LOADED);
                }
            };
        }
        let Some(peer) = self.peers.get_mut(&doc) else {
            return Step::default();
        };
        let reply = peer.sync.poll_message(&mut guard);
        drop(guard);
        Step {
            send: reply
                .map(|message| Frame::Sync { doc, message })
                .into_iter()
                .collect(),
            close: false,
        }
    }

    /// `Some` peer when this device may sync `doc`. A read-write peer is restored from its
    /// saved state if any; a read-only one starts afresh each connection (a restored state
    /// would not be read-only, and it costs one round of heads to rebuild).
    async fn open_peer(&self, state: &AppState, doc: DocId) -> Result<Option<Peer>, StoreError> {
        let Some(meta) = state.store.doc_meta(doc).await? else {
            return Ok(None);
        };
        match can_sync(&self.identity.member, Some(&meta)) {
            Access::Denied => Ok(None),
            Access::ReadOnly => Ok(Some(Peer {
                sync: PeerSync::read_only(),
                meta,
                read_only: true,
            })),
            Access::ReadWrite => {
                let saved = state.store.sync_state(doc, self.identity.device).await?;
                Ok(Some(Peer {
                    sync: saved
                        .and_then(|bytes| PeerSync::restore(&bytes).ok())
                        .unwrap_or_default(),
                    meta,
                    read_only: false,
                }))
            }
        }
    }

    /// Acts on something another connection did.
    pub fn on_event(&mut self, event: HubEvent) -> Step {
        match event {
            HubEvent::DeviceRevoked(device) if device == self.identity.device => {
                Step::fail(ErrorCode::AuthFailed, AUTH_FAILED)
            }
            HubEvent::ShuttingDown => Step::fail(ErrorCode::Unavailable, SHUTTING_DOWN),
            // The documents this connection was welcomed to are gone: the next welcome
            // names their replacements.
            HubEvent::ProjectDocsReplaced(project) if project == self.identity.member.project => {
                Step::fail(ErrorCode::Unavailable, DOCS_REPLACED)
            }
            _ => Step::default(),
        }
    }

    /// Offers this device whatever it does not have of every document it syncs (after the
    /// event bus lagged and events were lost).
    pub async fn push_all(&mut self, state: &AppState) -> Step {
        let docs: Vec<DocId> = self.peers.keys().copied().collect();
        self.push_docs(state, docs).await
    }

    /// Offers this device what changed elsewhere in these documents.
    pub async fn push_docs(&mut self, state: &AppState, docs: Vec<DocId>) -> Step {
        let mut step = Step::default();
        for doc in docs {
            let s = self.push(state, doc).await;
            step.send.extend(s.send);
            step.close |= s.close;
        }
        step
    }

    async fn push(&mut self, state: &AppState, doc: DocId) -> Step {
        let Some(peer) = self.peers.get_mut(&doc) else {
            return Step::default();
        };
        match state.docs.lock(state.store.as_ref(), doc).await {
            Ok(mut guard) => Step {
                send: peer
                    .sync
                    .poll_message(&mut guard)
                    .map(|message| Frame::Sync { doc, message })
                    .into_iter()
                    .collect(),
                close: false,
            },
            Err(e) => {
                tracing::error!(error = %e, %doc, "could not load a document to push");
                Step::fail(ErrorCode::Unavailable, NOT_LOADED)
            }
        }
    }

    /// The connection is gone: forget what was in flight, keep the shared heads.
    pub async fn finish(mut self, state: &AppState) {
        state.feeds.unsubscribe(self.id, self.peers.keys().copied());
        for (doc, peer) in self.peers.iter_mut().filter(|(_, p)| !p.read_only) {
            peer.sync.reset_connection();
            if let Err(e) = state
                .store
                .save_sync_state(*doc, self.identity.device, &peer.sync.encode())
                .await
            {
                tracing::warn!(error = %e, %doc, "could not save a sync state at disconnect");
            }
        }
        tracing::info!(device = %self.identity.device, "device disconnected");
    }
}

/// The message without the changes it carries, or `None` when it carries none (or cannot
/// be read: then applying it fails as it would anyway).
fn drop_changes(message: &[u8]) -> Option<Vec<u8>> {
    let mut decoded = automerge::sync::Message::decode(message).ok()?;
    if decoded.changes.is_empty() {
        return None;
    }
    decoded.changes = automerge::sync::ChunkList::empty();
    Some(decoded.encode())
}

/// A size as people read it: `32 MB`, `64 KB`.
fn size_words(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        format!("{} MB", bytes / MB)
    } else {
        format!("{} KB", bytes / 1024)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use automerge::transaction::Transactable;

    #[test]
    fn changes_are_dropped_from_a_message_and_the_rest_kept() {
        let mut doc = automerge::AutoCommit::new();
        doc.put(automerge::ROOT, "x", 1).unwrap();
        doc.commit();
        let mut peer = PeerSync::new();
        let first = peer.poll_message(&mut doc).unwrap();
        assert_eq!(
            drop_changes(&first),
            None,
            "the first message offers heads only"
        );
        let mut other = automerge::AutoCommit::new();
        let mut other_peer = PeerSync::new();
        other_peer.receive(&mut other, &first).unwrap();
        let ask = other_peer.poll_message(&mut other).unwrap();
        peer.receive(&mut doc, &ask).unwrap();
        let with_changes = peer.poll_message(&mut doc).unwrap();
        let without = drop_changes(&with_changes).expect("it carried changes");
        let decoded = automerge::sync::Message::decode(&without).unwrap();
        assert!(decoded.changes.is_empty());
        assert_eq!(
            decoded.heads,
            automerge::sync::Message::decode(&with_changes)
                .unwrap()
                .heads
        );
    }
}
