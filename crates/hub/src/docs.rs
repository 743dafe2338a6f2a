//! The in-memory document cache: each document loaded once from its snapshot and chunks,
//! then shared by every connection that syncs it, one writer at a time.
//!
//! A document whose change could not be stored is *poisoned*: it holds changes the store
//! does not, so it is dropped and the next user reloads it from the store. That is how the
//! hub never acknowledges (or passes on) a change it has not committed.

use crate::store::{HubStore, StoreError};
use automerge::AutoCommit;
use kumppani_core::ids::DocId;
use kumppani_core::store::CorruptDoc;
use std::collections::HashMap;
use std::ops::{Deref, DerefMut};
use std::sync::{Arc, Mutex};
use tokio::sync::{Mutex as AsyncMutex, OwnedMutexGuard};

type Slot = Arc<AsyncMutex<Option<AutoCommit>>>;

#[derive(Debug, thiserror::Error)]
pub enum DocError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Corrupt(#[from] CorruptDoc),
}

/// Stores what changed in `doc` since its last save, committed when this returns `Ok`, and
/// folds the chunks into a snapshot once they pile up. On `Err` the caller poisons the
/// cached document: it holds changes the store does not.
pub async fn persist_changes(
    store: &dyn HubStore,
    id: DocId,
    doc: &mut AutoCommit,
) -> Result<(), StoreError> {
    let chunk = doc.save_incremental();
    let appended = store.append_chunk(id, &chunk).await?;
    if kumppani_core::store::StoredDoc::wants_compaction(appended.chunks_since_snapshot) {
        let snapshot = doc.save();
        if let Err(e) = store.compact(id, &snapshot, appended.seq).await {
            // The chunks are still there: nothing is lost, compaction waits for next time.
            tracing::warn!(error = %e, doc = %id, "compaction failed");
        }
    }
    Ok(())
}

#[derive(Clone, Default)]
pub struct DocCache {
    slots: Arc<Mutex<HashMap<DocId, Slot>>>,
}

/// Exclusive use of one cached document.
pub struct DocGuard {
    guard: OwnedMutexGuard<Option<AutoCommit>>,
}

impl DocGuard {
    /// Drops the document from memory: it holds something the store does not.
    pub fn poison(mut self) {
        *self.guard = None;
    }
}

impl Deref for DocGuard {
    type Target = AutoCommit;
    fn deref(&self) -> &AutoCommit {
        self.guard
            .as_ref()
            .expect("a DocGuard always holds a document")
    }
}

impl DerefMut for DocGuard {
    fn deref_mut(&mut self) -> &mut AutoCommit {
        self.guard
            .as_mut()
            .expect("a DocGuard always holds a document")
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
            match store
                .load_doc(id)
                .await
                .map_err(DocError::from)
                .and_then(|s| Ok(s.to_doc()?))
            {
                Ok(doc) => {
                    *guard = Some(doc);
                    return Ok(DocGuard { guard });
                }
                Err(e) => {
                    self.evict(id, &slot);
                    return Err(e);
                }
            }
        }
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
