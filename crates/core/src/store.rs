//! The device's document store: per document, a compacted snapshot plus the incremental
//! chunks saved since, so a write costs the size of the change, not of the document.
//!
//! Implementations: IndexedDB on the web, files on desktop and mobile (both in the app).
//! Every implementation must pass [`conformance`] (feature `store-tests`).
//!
//! Invariants an implementation keeps:
//! - `append_chunk` is durable when it returns `Ok`: the UI calls a change saved after it.
//! - `compact` replaces the snapshot and drops the chunks it covers atomically, or leaves
//!   both as they were. A crash between the two is harmless either way: loading a snapshot
//!   together with chunks it already contains gives the same document.

use crate::ids::DocId;
use automerge::AutoCommit;

mod sealed;

pub use sealed::SealedStore;

/// Compact once this many chunks have piled up since the snapshot.
pub const COMPACT_AFTER_CHUNKS: usize = 64;

/// What the store holds for one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredDoc {
    pub snapshot: Option<Vec<u8>>,
    /// `(sequence number, bytes)`, in the order they were appended.
    pub chunks: Vec<(u64, Vec<u8>)>,
}

#[derive(Debug, thiserror::Error)]
#[error("the stored document could not be read: {0}")]
pub struct CorruptDoc(#[from] automerge::AutomergeError);

impl StoredDoc {
    pub fn is_empty(&self) -> bool {
        self.snapshot.is_none() && self.chunks.is_empty()
    }

    /// The document as stored, ready for new writes: a later `save_incremental` returns only
    /// what changes after this load.
    pub fn to_doc(&self) -> Result<AutoCommit, CorruptDoc> {
        let mut doc = match &self.snapshot {
            Some(bytes) => AutoCommit::load(bytes)?,
            None => AutoCommit::new(),
        };
        for (_, chunk) in &self.chunks {
            doc.load_incremental(chunk)?;
        }
        let _ = doc.save_incremental();
        Ok(doc)
    }

    /// Whether the chunks are many enough to fold into a new snapshot.
    pub fn wants_compaction(chunks: usize) -> bool {
        chunks >= COMPACT_AFTER_CHUNKS
    }

    pub fn last_seq(&self) -> Option<u64> {
        self.chunks.last().map(|(seq, _)| *seq)
    }
}

/// Storage for documents and small metadata values (identity, sync states).
///
/// Futures are not `Send`: the web store lives on the browser's one thread.
#[allow(async_fn_in_trait)]
pub trait DocStore {
    type Error: std::error::Error + 'static;

    async fn load(&self, doc: &DocId) -> Result<StoredDoc, Self::Error>;

    /// Appends a chunk; returns its sequence number, larger than every earlier one for `doc`.
    async fn append_chunk(&self, doc: &DocId, chunk: &[u8]) -> Result<u64, Self::Error>;

    /// Replaces the snapshot and removes every chunk with a sequence number `<= through`.
    async fn compact(&self, doc: &DocId, snapshot: &[u8], through: u64) -> Result<(), Self::Error>;

    /// Removes the document, snapshot and chunks; an unknown document is no error.
    async fn delete_doc(&self, doc: &DocId) -> Result<(), Self::Error>;

    async fn get_meta(&self, key: &str) -> Result<Option<Vec<u8>>, Self::Error>;

    async fn put_meta(&self, key: &str, value: &[u8]) -> Result<(), Self::Error>;

    async fn delete_meta(&self, key: &str) -> Result<(), Self::Error>;
}

/// The suite every `DocStore` passes. Each function takes a fresh, empty store.
#[cfg(feature = "store-tests")]
pub mod conformance {
    use super::*;
    use crate::ids::EntryId;
    use crate::model::{member, set_writer, EntryDraft, Mood};
    use crate::time::Timestamp;

    fn doc_id(n: u8) -> DocId {
        DocId::from_bytes([n; 16])
    }

    fn write(doc: &mut AutoCommit, n: u8) {
        let draft = EntryDraft {
            text: format!("Merkintä {n}"),
            mood: Mood::new(3).unwrap(),
            tags: vec!["testi".into()],
            at: Timestamp(i64::from(n)),
            prompt: None,
        };
        member::add_entry(doc, EntryId::from_bytes([n; 16]), &draft, Timestamp(0)).unwrap();
        member::commit(doc, "test", Timestamp(0));
    }

    /// An unknown document loads as empty.
    pub async fn unknown_doc_is_empty<S: DocStore>(store: &S) {
        assert!(store.load(&doc_id(200)).await.unwrap().is_empty());
    }

    /// Chunks come back in order, exactly as written, and the document rebuilds from them.
    pub async fn reloads_exactly_what_was_written<S: DocStore>(store: &S) {
        let id = doc_id(1);
        let mut doc = member::new_document();
        set_writer(&mut doc, [1; 16]);
        let mut written = Vec::new();
        written.push(doc.save_incremental());
        store.append_chunk(&id, &written[0]).await.unwrap();
        for n in 1..=5 {
            write(&mut doc, n);
            let chunk = doc.save_incremental();
            store.append_chunk(&id, &chunk).await.unwrap();
            written.push(chunk);
        }
        let stored = store.load(&id).await.unwrap();
        let chunks: Vec<Vec<u8>> = stored.chunks.iter().map(|(_, c)| c.clone()).collect();
        assert_eq!(chunks, written);
        let seqs: Vec<u64> = stored.chunks.iter().map(|(s, _)| *s).collect();
        assert!(
            seqs.windows(2).all(|w| w[0] < w[1]),
            "sequence numbers rise: {seqs:?}"
        );
        let mut reloaded = stored.to_doc().unwrap();
        assert_eq!(member::entries(&reloaded), member::entries(&doc));
        assert_eq!(reloaded.get_heads(), doc.get_heads());
    }

    /// Compaction keeps the document whole and drops only the chunks it covers.
    pub async fn reloads_the_same_document_across_compaction<S: DocStore>(store: &S) {
        let id = doc_id(2);
        let mut doc = member::new_document();
        set_writer(&mut doc, [2; 16]);
        store
            .append_chunk(&id, &doc.save_incremental())
            .await
            .unwrap();
        for n in 1..=3 {
            write(&mut doc, n);
            store
                .append_chunk(&id, &doc.save_incremental())
                .await
                .unwrap();
        }
        let before = store.load(&id).await.unwrap();
        let through = before.last_seq().unwrap();
        let snapshot = before.to_doc().unwrap().save();
        // A write that lands after the snapshot was taken must survive the compaction.
        write(&mut doc, 4);
        store
            .append_chunk(&id, &doc.save_incremental())
            .await
            .unwrap();
        store.compact(&id, &snapshot, through).await.unwrap();

        let after = store.load(&id).await.unwrap();
        assert_eq!(after.snapshot.as_deref(), Some(snapshot.as_slice()));
        assert_eq!(
            after.chunks.len(),
            1,
            "only the chunk after the snapshot is left"
        );
        let mut reloaded = after.to_doc().unwrap();
        assert_eq!(member::entries(&reloaded).len(), 4);
        assert_eq!(reloaded.get_heads(), doc.get_heads());

        // Appending after compaction still rises past every earlier sequence number.
        write(&mut doc, 5);
        let seq = store
            .append_chunk(&id, &doc.save_incremental())
            .await
            .unwrap();
        assert!(seq > through);
        assert_eq!(
            member::entries(&store.load(&id).await.unwrap().to_doc().unwrap()).len(),
            5
        );
    }

    /// Documents do not see each other's chunks.
    pub async fn keeps_documents_apart<S: DocStore>(store: &S) {
        store.append_chunk(&doc_id(3), b"three").await.unwrap();
        store.append_chunk(&doc_id(4), b"four").await.unwrap();
        assert_eq!(store.load(&doc_id(3)).await.unwrap().chunks.len(), 1);
        assert_eq!(store.load(&doc_id(4)).await.unwrap().chunks[0].1, b"four");
    }

    /// A deleted document is empty, and leaves the others as they were.
    pub async fn deletes_a_document<S: DocStore>(store: &S) {
        store.append_chunk(&doc_id(5), b"five").await.unwrap();
        store.compact(&doc_id(5), b"snap", 1).await.unwrap();
        store.append_chunk(&doc_id(5), b"more").await.unwrap();
        store.append_chunk(&doc_id(6), b"six").await.unwrap();
        store.delete_doc(&doc_id(5)).await.unwrap();
        assert!(store.load(&doc_id(5)).await.unwrap().is_empty());
        assert_eq!(store.load(&doc_id(6)).await.unwrap().chunks[0].1, b"six");
        store.delete_doc(&doc_id(5)).await.unwrap();
        store.append_chunk(&doc_id(5), b"again").await.unwrap();
        assert_eq!(store.load(&doc_id(5)).await.unwrap().chunks.len(), 1);
    }

    /// Metadata values are replaced and deleted.
    pub async fn keeps_metadata<S: DocStore>(store: &S) {
        assert_eq!(store.get_meta("identity").await.unwrap(), None);
        store.put_meta("identity", b"one").await.unwrap();
        store.put_meta("identity", b"two").await.unwrap();
        assert_eq!(
            store.get_meta("identity").await.unwrap().as_deref(),
            Some(&b"two"[..])
        );
        store.delete_meta("identity").await.unwrap();
        assert_eq!(store.get_meta("identity").await.unwrap(), None);
    }
}
