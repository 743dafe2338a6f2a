//! The in-memory document cache: each document loaded once from its snapshot and chunks,
//! then shared by every connection that syncs it, one writer at a time.
//!
//! A document whose change could not be stored is *poisoned*: it holds changes the store
//! does not, so it is dropped and the next user reloads it from the store. That is how the
//! hub never acknowledges (or passes on) a change it has not committed.
//!
//! Several hub nodes may share one database. Each cached document remembers the last
//! sequence number of the store it has applied; [`DocGuard::catch_up`] applies what other
//! nodes appended since (told by [`crate::cluster`], or found when this node appends), and
//! a compaction only ever runs on a document that has caught up to the chunk it wrote.

use crate::store::{DocSince, HubStore, StoreError};
use automerge::{AutoCommit, AutomergeError};
use kumppani_core::ids::DocId;
use kumppani_core::store::CorruptDoc;
use std::collections::HashMap;
use std::ops::{Deref, DerefMut};
use std::sync::{Arc, Mutex};
use tokio::sync::{Mutex as AsyncMutex, OwnedMutexGuard};

/// A document, the last sequence number of the store it holds, and about how many bytes
/// the store holds for it (snapshot and chunks), for the size limit.
struct Cached {
    doc: AutoCommit,
    seq: u64,
    stored_bytes: u64,
}

impl Cached {
    fn took_in(&mut self, since: &DocSince) {
        let chunks: u64 = since.chunks.iter().map(|(_, c)| c.len() as u64).sum();
        self.stored_bytes = match &since.snapshot {
            Some(snapshot) => snapshot.len() as u64 + chunks,
            None => self.stored_bytes + chunks,
        };
    }
}

type Slot = Arc<AsyncMutex<Option<Cached>>>;

#[derive(Debug, thiserror::Error)]
pub enum DocError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Corrupt(#[from] CorruptDoc),
    /// Storing the change would take the document past its size limit; nothing was stored.
    #[error("the document would grow to {would} bytes on the hub; its limit is {limit}")]
    TooLarge { would: u64, limit: u64 },
    /// The store holds nothing for the document: it was deleted (an erasure replaced it).
    /// Every document is created with a snapshot, so empty means gone, never new.
    #[error("the document is gone from the hub")]
    Gone,
}

impl From<AutomergeError> for DocError {
    fn from(e: AutomergeError) -> Self {
        DocError::Corrupt(e.into())
    }
}

/// Stores what changed in the document since its last save, committed when this returns
/// `Ok`, and folds the chunks into a snapshot once they pile up. With a `limit`, a change
/// that would take the stored document past that many bytes is not stored. On `Err` the
/// caller poisons the cached document: it holds changes the store does not.
pub async fn persist_changes(
    store: &dyn HubStore,
    id: DocId,
    guard: &mut DocGuard,
    limit: Option<u64>,
) -> Result<(), DocError> {
    let chunk = guard.cached().doc.save_incremental();
    let would = guard.cached().stored_bytes + chunk.len() as u64;
    if let Some(limit) = limit.filter(|&limit| would > limit) {
        return Err(DocError::TooLarge { would, limit });
    }
    let appended = store.append_chunk(id, &chunk).await?;
    if appended.seq > guard.cached().seq + 1 {
        // Another node appended in between: take its chunks in before any snapshot, which
        // would otherwise leave them out and drop them.
        guard.catch_up(store, id).await?;
    }
    let cached = guard.cached();
    cached.seq = cached.seq.max(appended.seq);
    cached.stored_bytes += chunk.len() as u64;
    if kumppani_core::store::StoredDoc::wants_compaction(appended.chunks_since_snapshot) {
        let snapshot = cached.doc.save();
        match store.compact(id, &snapshot, cached.seq).await {
            Ok(()) => cached.stored_bytes = snapshot.len() as u64,
            // The chunks are still there: nothing is lost, compaction waits for next time.
            Err(e) => tracing::warn!(error = %e, doc = %id, "compaction failed"),
        }
    }
    Ok(())
}

/// Applies what the store gave, and marks it saved so it is never stored a second time.
fn apply(doc: &mut AutoCommit, since: &DocSince) -> Result<(), AutomergeError> {
    if let Some(snapshot) = &since.snapshot {
        doc.load_incremental(snapshot)?;
    }
    for (_, chunk) in &since.chunks {
        doc.load_incremental(chunk)?;
    }
    let _ = doc.save_incremental();
    Ok(())
}

#[derive(Clone, Default)]
pub struct DocCache {
    slots: Arc<Mutex<HashMap<DocId, Slot>>>,
}

/// Exclusive use of one cached document.
pub struct DocGuard {
    guard: OwnedMutexGuard<Option<Cached>>,
}

impl DocGuard {
    /// Drops the document from memory: it holds something the store does not.
    pub fn poison(mut self) {
        *self.guard = None;
    }

    fn cached(&mut self) -> &mut Cached {
        self.guard
            .as_mut()
            .expect("a DocGuard always holds a document")
    }

    /// The last sequence number of the store this copy holds.
    pub fn seq(&self) -> u64 {
        self.guard.as_ref().map_or(0, |c| c.seq)
    }

    /// Applies what other hub nodes stored since this node last read or wrote the
    /// document. Returns whether anything new came in.
    pub async fn catch_up(&mut self, store: &dyn HubStore, id: DocId) -> Result<bool, DocError> {
        let cached = self.cached();
        let since = store.load_doc_since(id, cached.seq).await?;
        if since.last_seq <= cached.seq {
            return Ok(false);
        }
        let before = cached.doc.get_heads();
        apply(&mut cached.doc, &since)?;
        cached.seq = since.last_seq;
        cached.took_in(&since);
        Ok(cached.doc.get_heads() != before)
    }
}

impl Deref for DocGuard {
    type Target = AutoCommit;
    fn deref(&self) -> &AutoCommit {
        &self
            .guard
            .as_ref()
            .expect("a DocGuard always holds a document")
            .doc
    }
}

impl DerefMut for DocGuard {
    fn deref_mut(&mut self) -> &mut AutoCommit {
        &mut self.cached().doc
    }
}

impl DocCache {
    /// Locks the document, loading it from the store on first use (or after a poisoning).
    pub async fn lock(&self, store: &dyn HubStore, id: DocId) -> Result<DocGuard, DocError> {
        loop {
            let slot = self.slot(id);
            let mut guard = slot.clone().lock_owned().await;
            if guard.is_some() {
                return Ok(DocGuard { guard });
            }
            // Empty: new, or poisoned. Whoever holds the lock of the slot still in the map loads.
            if !self.is_current(id, &slot) {
                continue;
            }
            let loaded = store
                .load_doc_since(id, 0)
                .await
                .map_err(DocError::from)
                .and_then(|since| {
                    // Serving it as empty would tell a device the hub lost everything, and
                    // the device would offer its whole copy back, erased data and all.
                    if since.snapshot.is_none() && since.chunks.is_empty() {
                        Err(DocError::Gone)
                    } else {
                        Ok(since)
                    }
                });
            match loaded.and_then(|since| {
                let mut doc = AutoCommit::new();
                apply(&mut doc, &since)?;
                let mut cached = Cached {
                    doc,
                    seq: since.last_seq,
                    stored_bytes: 0,
                };
                cached.took_in(&since);
                Ok(cached)
            }) {
                Ok(cached) => {
                    *guard = Some(cached);
                    return Ok(DocGuard { guard });
                }
                Err(e) => {
                    self.evict(id, &slot);
                    return Err(e);
                }
            }
        }
    }

    /// Locks the document and applies what other nodes stored since: for reads that must
    /// see the store as it is now (derivations under the project lock).
    pub async fn lock_fresh(&self, store: &dyn HubStore, id: DocId) -> Result<DocGuard, DocError> {
        let mut guard = self.lock(store, id).await?;
        if let Err(e) = guard.catch_up(store, id).await {
            guard.poison();
            return Err(e);
        }
        Ok(guard)
    }

    /// The document if this node has it in memory, locked; `None` otherwise (a node that
    /// does not hold a document need not hear of its changes: it loads it fresh later).
    pub async fn lock_if_cached(&self, id: DocId) -> Option<DocGuard> {
        let slot = self
            .slots
            .lock()
            .expect("doc cache lock")
            .get(&id)
            .cloned()?;
        let guard = slot.lock_owned().await;
        guard.is_some().then_some(DocGuard { guard })
    }

    fn slot(&self, id: DocId) -> Slot {
        let mut slots = self.slots.lock().expect("doc cache lock");
        slots.entry(id).or_default().clone()
    }

    fn is_current(&self, id: DocId, slot: &Slot) -> bool {
        let slots = self.slots.lock().expect("doc cache lock");
        slots.get(&id).is_some_and(|s| Arc::ptr_eq(s, slot))
    }

    fn evict(&self, id: DocId, slot: &Slot) {
        let mut slots = self.slots.lock().expect("doc cache lock");
        if slots.get(&id).is_some_and(|s| Arc::ptr_eq(s, slot)) {
            slots.remove(&id);
        }
    }
}
