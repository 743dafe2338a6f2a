//! The device's sync session with its hub, sans-IO.
//!
//! The app's sync driver owns one [`ClientSession`] and a transport. It feeds the session
//! [`SessionInput`]s with the time, and carries out each [`SessionOutput`] in field order:
//! save the chunks, then the sync states, then send the frames. That order matters: a sync
//! state saved before the changes it vouches for would make the device claim to have
//! changes it lost, and the hub would never send them again.

mod io;

pub use io::{CloseReason, SessionEvent, SessionInput, SessionOutput};

use crate::docsync::PeerSync;
use crate::ids::DocId;
use crate::time::{Timestamp, CLOCK_SKEW_WARNING_MS};
use crate::wire::{ErrorCode, Frame, Welcome};
use automerge::{ActorId, AutoCommit};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    Disconnected,
    Authenticating,
    Ready(Welcome),
    /// Closed by a fault that retrying will not fix (a revoked token, say).
    Stopped(CloseReason),
}

struct Tracked {
    doc: AutoCommit,
    peer: PeerSync,
    unavailable: bool,
}

pub struct ClientSession {
    token: String,
    actor: [u8; 16],
    phase: Phase,
    docs: BTreeMap<DocId, Tracked>,
}

impl ClientSession {
    /// The token the next connection signs in with (after the device took a new one). A
    /// session the hub stopped for its old token may sign in again with it.
    pub fn set_token(&mut self, token: String) {
        if token != self.token && matches!(self.phase, Phase::Stopped(_)) {
            self.phase = Phase::Disconnected;
        }
        self.token = token;
    }

    /// `actor` must be fresh random bytes for this session: two writers never share one.
    pub fn new(token: String, actor: [u8; 16]) -> Self {
        Self {
            token,
            actor,
            phase: Phase::Disconnected,
            docs: BTreeMap::new(),
        }
    }

    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    /// Starts tracking a document loaded from the store, with its saved sync state if any.
    pub fn add_doc(&mut self, id: DocId, mut doc: AutoCommit, sync_state: Option<&[u8]>) {
        doc.set_actor(ActorId::from(self.actor));
        let peer = sync_state
            .and_then(|b| PeerSync::restore(b).ok())
            .unwrap_or_default();
        self.docs.insert(
            id,
            Tracked {
                doc,
                peer,
                unavailable: false,
            },
        );
    }

    /// What of a document the hub has not acknowledged: the heads it is known to have,
    /// and how many changes of this device came after them (for a replay elsewhere).
    pub fn unacknowledged(&mut self, id: &DocId) -> Option<(Vec<automerge::ChangeHash>, usize)> {
        let t = self.docs.get_mut(id)?;
        let pending = t.peer.pending(&mut t.doc);
        Some((t.peer.shared_heads().to_vec(), pending))
    }

    /// Stops syncing a document (the hub replaced it).
    pub fn remove_doc(&mut self, id: &DocId) -> bool {
        self.docs.remove(id).is_some()
    }

    pub fn doc(&self, id: &DocId) -> Option<&AutoCommit> {
        self.docs.get(id).map(|t| &t.doc)
    }

    /// The whole document, compacted, for the store's snapshot.
    pub fn save_snapshot(&mut self, id: &DocId) -> Option<Vec<u8>> {
        self.docs.get_mut(id).map(|t| t.doc.save())
    }

    pub fn doc_ids(&self) -> impl Iterator<Item = &DocId> {
        self.docs.keys()
    }

    /// Changes the hub is not yet known to have, over all documents.
    pub fn pending(&mut self) -> usize {
        self.docs
            .values_mut()
            .map(|t| t.peer.pending(&mut t.doc))
            .sum()
    }

    /// Applies a local edit. The output carries the chunk to save (before the edit may be
    /// called saved) and, when connected, the frame that offers it to the hub.
    pub fn edit<R, E>(
        &mut self,
        id: &DocId,
        f: impl FnOnce(&mut AutoCommit) -> Result<R, E>,
    ) -> Result<(R, SessionOutput), EditError<E>> {
        let ready = matches!(self.phase, Phase::Ready(_));
        let t = self.docs.get_mut(id).ok_or(EditError::UnknownDoc(*id))?;
        let r = match f(&mut t.doc) {
            Ok(r) => r,
            Err(e) => {
                t.doc.rollback();
                return Err(EditError::Edit(e));
            }
        };
        let mut out = SessionOutput::default();
        let chunk = t.doc.save_incremental();
        if !chunk.is_empty() {
            out.save_chunks.push((*id, chunk));
        }
        if ready && !t.unavailable {
            if let Some(msg) = t.peer.poll_message(&mut t.doc) {
                out.send.push(
                    Frame::Sync {
                        doc: *id,
                        message: msg,
                    }
                    .encode(),
                );
            }
        }
        Ok((r, out))
    }

    pub fn handle(&mut self, now: Timestamp, input: SessionInput) -> SessionOutput {
        let mut out = SessionOutput::default();
        match input {
            SessionInput::Connected => {
                if !matches!(self.phase, Phase::Stopped(_)) {
                    self.phase = Phase::Authenticating;
                    out.send.push(
                        Frame::Auth {
                            token: self.token.clone(),
                        }
                        .encode(),
                    );
                }
            }
            SessionInput::Disconnected => {
                for t in self.docs.values_mut() {
                    t.peer.reset_connection();
                }
                if !matches!(self.phase, Phase::Stopped(_)) {
                    self.phase = Phase::Disconnected;
                }
            }
            SessionInput::Tick => {
                if matches!(self.phase, Phase::Ready(_)) {
                    self.poll_all(&mut out);
                }
            }
            SessionInput::Received(bytes) => self.receive(now, &bytes, &mut out),
        }
        out
    }

    fn receive(&mut self, now: Timestamp, bytes: &[u8], out: &mut SessionOutput) {
        let frame = match Frame::decode(bytes) {
            Ok(f) => f,
            Err(e) => return self.close(out, e.code(), e.to_string(), false),
        };
        match (&self.phase, frame) {
            (_, Frame::Error { code, message }) => self.close(out, code, message, true),
            (Phase::Authenticating, Frame::Welcome(w)) => {
                let skew = now.millis() - w.hub_time_ms;
                if skew.abs() > CLOCK_SKEW_WARNING_MS {
                    out.events.push(SessionEvent::ClockSkew {
                        device_minus_hub_ms: skew,
                    });
                }
                for (doc, kind) in &w.docs {
                    if !self.docs.contains_key(doc) {
                        self.add_doc(*doc, crate::model::new_document(*kind), None);
                    }
                }
                out.events.push(SessionEvent::Welcomed(w.clone()));
                self.phase = Phase::Ready(w);
                self.poll_all(out);
            }
            (Phase::Ready(_), Frame::Sync { doc, message }) => {
                let Some(t) = self.docs.get_mut(&doc) else {
                    return;
                };
                match t.peer.receive(&mut t.doc, &message) {
                    Ok(r) => {
                        if r.changed {
                            out.save_chunks.push((doc, t.doc.save_incremental()));
                            out.events.push(SessionEvent::DocChanged(doc));
                        }
                        out.save_sync_states.push((doc, t.peer.encode()));
                        if let Some(reply) = t.peer.poll_message(&mut t.doc) {
                            out.send.push(
                                Frame::Sync {
                                    doc,
                                    message: reply,
                                }
                                .encode(),
                            );
                        }
                        if t.peer.in_sync(&mut t.doc) {
                            out.events.push(SessionEvent::InSync(doc));
                        }
                    }
                    Err(e) => self.close(out, ErrorCode::BadSyncMessage, e.to_string(), false),
                }
            }
            (Phase::Ready(_), Frame::Unavailable { doc }) => {
                // A document dropped meanwhile (replaced by the hub) is no news.
                if let Some(t) = self.docs.get_mut(&doc) {
                    t.unavailable = true;
                    out.events.push(SessionEvent::Unavailable(doc));
                }
            }
            (_, other) => self.close(
                out,
                ErrorCode::Malformed,
                format!("unexpected {} frame in this phase", frame_name(&other)),
                false,
            ),
        }
    }

    fn poll_all(&mut self, out: &mut SessionOutput) {
        for (id, t) in self.docs.iter_mut().filter(|(_, t)| !t.unavailable) {
            if let Some(msg) = t.peer.poll_message(&mut t.doc) {
                out.send.push(
                    Frame::Sync {
                        doc: *id,
                        message: msg,
                    }
                    .encode(),
                );
            }
        }
    }

    fn close(&mut self, out: &mut SessionOutput, code: ErrorCode, message: String, from_hub: bool) {
        if !from_hub {
            out.send.push(
                Frame::Error {
                    code,
                    message: message.clone(),
                }
                .encode(),
            );
        }
        let reason = CloseReason {
            code,
            message,
            from_hub,
        };
        for t in self.docs.values_mut() {
            t.peer.reset_connection();
        }
        self.phase = if reason.is_permanent() {
            Phase::Stopped(reason.clone())
        } else {
            Phase::Disconnected
        };
        out.close = Some(reason);
    }
}

#[derive(Debug, thiserror::Error)]
pub enum EditError<E> {
    #[error("document {0} is not open on this device")]
    UnknownDoc(DocId),
    #[error(transparent)]
    Edit(E),
}

fn frame_name(f: &Frame) -> &'static str {
    match f {
        Frame::Auth { .. } => "Auth",
        Frame::Welcome(_) => "Welcome",
        Frame::Sync { .. } => "Sync",
        Frame::Unavailable { .. } => "Unavailable",
        Frame::Error { .. } => "Error",
    }
}
