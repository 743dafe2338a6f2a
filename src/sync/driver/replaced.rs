//! The hub replaced the project's shared documents: an account was deleted, and the project
//! and staff documents were rewritten without their history under new ids (see the hub's
//! `erasure`). The welcome names the new ones. This device follows it, deletes its copies
//! of the old ones (they still hold what was erased), and first replays onto the new ones
//! any edit it made that the hub never acknowledged (an organiser offline at the door).
//!
//! A replay waits for the new document to sync, so that edits land in the hub's content;
//! until then the old copy stays in the store, listed under `CARRY_KEY`, so a restart in
//! between loses nothing.

use super::*;
use kumppani_core::model::rewrite::carry_over;
use kumppani_core::wire::Welcome;
use serde::{Deserialize, Serialize};

/// The replays still to do (JSON list of [`Carry`]).
const CARRY_KEY: &str = "carry_over";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Carry {
    old: DocId,
    new: DocId,
    /// This device changed the old copy after what the hub acknowledged: replay it onto the
    /// new one once that has synced. Otherwise the old copy is only to be deleted.
    replay: bool,
    /// The old document's heads the hub had, 32 bytes each: what came after is this
    /// device's own. (Bytes, not arrays: serde's code for `[u8; 32]` is large in wasm.)
    since: Vec<u8>,
}

impl Driver {
    /// After a welcome: moves to the documents it names where they replaced ours.
    pub(super) async fn follow_replaced_docs(
        &mut self,
        welcome: &Welcome,
    ) -> Result<(), StoreError> {
        let Some(identity) = self.identity.clone() else {
            return Ok(());
        };
        let mut next = identity.clone();
        let mut replaced = Vec::new();
        for (doc, kind) in &welcome.docs {
            match kind {
                DocKind::Project if *doc != identity.join.project_doc => {
                    replaced.push((identity.join.project_doc, *doc));
                    next.join.project_doc = *doc;
                }
                DocKind::Staff if Some(*doc) != identity.join.staff_doc => {
                    if let Some(old) = identity.join.staff_doc {
                        replaced.push((old, *doc));
                    }
                    next.join.staff_doc = Some(*doc);
                }
                _ => {}
            }
        }
        if replaced.is_empty() {
            return Ok(());
        }
        let mut carries = self.carries().await;
        for &(old, new) in &replaced {
            // Replaced again before an earlier replay was done: it waits for the newest.
            for c in carries.iter_mut().filter(|c| c.new == old) {
                c.new = new;
            }
            let Some((since, pending)) = self.session.as_mut().and_then(|s| s.unacknowledged(&old))
            else {
                continue;
            };
            // Listed before the identity moves on, so that a restart in between still finds
            // the old copy and deletes it: it holds what the hub erased.
            if !carries.iter().any(|c| c.old == old) {
                carries.push(Carry {
                    old,
                    new,
                    replay: pending > 0,
                    since: since.iter().flat_map(|h| h.0).collect(),
                });
            }
        }
        // The list first, then the identity, and only then the session lets the old
        // documents go: if a write fails (a full device), the next welcome does all again.
        self.save_carries(&carries).await?;
        let bytes = serde_json::to_vec(&next).unwrap_or_default();
        self.store().put_meta(IDENTITY_KEY, &bytes).await?;
        self.identity = Some(next);
        self.entries_dirty = true;
        if let Some(session) = self.session.as_mut() {
            for (old, _) in &replaced {
                session.remove_doc(old);
            }
        }
        self.forget_replaced().await
    }

    /// Deletes the old copies that wait for no replay; run after a welcome and when a
    /// profile opens (a restart may have come between listing and deleting).
    pub(super) async fn forget_replaced(&mut self) -> Result<(), StoreError> {
        let mut carries = self.carries().await;
        let done: Vec<DocId> = carries
            .iter()
            .filter(|c| !c.replay)
            .map(|c| c.old)
            .collect();
        if done.is_empty() {
            return Ok(());
        }
        for old in &done {
            self.forget_doc(*old).await?;
        }
        carries.retain(|c| c.replay);
        self.save_carries(&carries).await
    }

    /// After a document synced: replays what waits for it, then drops the old copy.
    pub(super) async fn carry_over_into(
        &mut self,
        doc: DocId,
        stream: &mut Option<FrameStream>,
    ) -> Result<(), String> {
        let mut carries = self.carries().await;
        let Some(at) = carries.iter().position(|c| c.new == doc && c.replay) else {
            return Ok(());
        };
        let carry = carries.remove(at);
        let stored = self
            .store()
            .load(&carry.old)
            .await
            .map_err(|e| e.advice())?;
        if !stored.is_empty() {
            let mut old = stored
                .to_doc()
                .map_err(|e| words("msg-data-unreadable", &[("error", e.to_string().into())]))?;
            let since: Vec<automerge::ChangeHash> = carry
                .since
                .chunks_exact(32)
                .filter_map(|h| automerge::ChangeHash::try_from(h).ok())
                .collect();
            // The heads come from this copy's own sync state; without them there is no
            // telling which edits the hub lacked, and replaying all would double lists.
            if since.iter().all(|h| old.get_change_by_hash(h).is_some()) {
                self.edit(stream, doc, |new, _| {
                    carry_over(&mut old, &since, new);
                    Ok::<(), automerge::AutomergeError>(())
                })
                .await?;
            }
        }
        self.save_carries(&carries).await.map_err(|e| e.advice())?;
        self.forget_doc(carry.old).await.map_err(|e| e.advice())
    }

    async fn carries(&self) -> Vec<Carry> {
        match self.store().get_meta(CARRY_KEY).await {
            Ok(Some(bytes)) => serde_json::from_slice(&bytes).unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    async fn save_carries(&self, carries: &[Carry]) -> Result<(), StoreError> {
        let bytes = serde_json::to_vec(carries).unwrap_or_default();
        self.store().put_meta(CARRY_KEY, &bytes).await
    }

    /// Deletes this device's copy of a document and its sync state.
    async fn forget_doc(&mut self, doc: DocId) -> Result<(), StoreError> {
        self.store().delete_doc(&doc).await?;
        self.store().delete_meta(&sync_state_key(&doc)).await?;
        self.chunks_since_snapshot.remove(&doc);
        Ok(())
    }
}
