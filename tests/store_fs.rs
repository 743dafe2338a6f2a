//! The native file store passes the same conformance suite as IndexedDB, on real files.
#![cfg(not(target_arch = "wasm32"))]

use futures::executor::block_on;
use kumppani::sync::store_error::StoreError;
use kumppani::sync::store_fs::FsStore;
use kumppani_core::ids::DocId;
use kumppani_core::store::conformance;
use kumppani_core::store::DocStore;

fn store() -> (tempfile::TempDir, FsStore) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = FsStore::open(dir.path()).expect("the store opens");
    (dir, store)
}

#[test]
fn an_unknown_document_is_empty() {
    let (_d, s) = store();
    block_on(conformance::unknown_doc_is_empty(&s));
}

#[test]
fn the_file_store_reloads_exactly_what_was_written() {
    let (_d, s) = store();
    block_on(conformance::reloads_exactly_what_was_written(&s));
}

#[test]
fn the_file_store_reloads_the_same_document_across_compaction() {
    let (_d, s) = store();
    block_on(conformance::reloads_the_same_document_across_compaction(&s));
}

#[test]
fn the_file_store_keeps_documents_apart() {
    let (_d, s) = store();
    block_on(conformance::keeps_documents_apart(&s));
}

#[test]
fn the_file_store_deletes_a_document() {
    let (_d, s) = store();
    block_on(conformance::deletes_a_document(&s));
}

#[test]
fn the_file_store_keeps_metadata() {
    let (_d, s) = store();
    block_on(conformance::keeps_metadata(&s));
}

#[test]
fn a_reopened_store_has_every_chunk_that_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let doc = DocId::from_bytes([1; 16]);
    {
        let s = FsStore::open(dir.path()).unwrap();
        block_on(s.append_chunk(&doc, b"one")).unwrap();
        block_on(s.append_chunk(&doc, b"two")).unwrap();
    }
    let s = FsStore::open(dir.path()).unwrap();
    let stored = block_on(s.load(&doc)).unwrap();
    let chunks: Vec<&[u8]> = stored.chunks.iter().map(|(_, c)| c.as_slice()).collect();
    assert_eq!(chunks, [&b"one"[..], &b"two"[..]]);
}

#[test]
fn a_second_window_cannot_open_a_store_that_is_open_until_the_first_closes_it() {
    let dir = tempfile::tempdir().unwrap();
    let doc = DocId::from_bytes([3; 16]);
    let first = FsStore::open(dir.path()).unwrap();
    block_on(first.append_chunk(&doc, b"one")).unwrap();
    // Two processes numbering chunks at once could give two chunks one number.
    assert!(matches!(FsStore::open(dir.path()), Err(StoreError::InUse)));
    first.close();
    let second = FsStore::open(dir.path()).unwrap();
    assert_eq!(block_on(second.load(&doc)).unwrap().chunks.len(), 1);
}

#[test]
fn a_write_cut_off_by_a_crash_leaves_no_half_chunk() {
    let dir = tempfile::tempdir().unwrap();
    let doc = DocId::from_bytes([2; 16]);
    let s = FsStore::open(dir.path()).unwrap();
    block_on(s.append_chunk(&doc, b"whole")).unwrap();
    // A crash between write and rename leaves only the temporary file behind.
    let doc_dir = dir.path().join("docs").join(doc.to_string());
    std::fs::write(doc_dir.join(format!("{:020}.tmp", 2)), b"half").unwrap();
    let stored = block_on(s.load(&doc)).unwrap();
    assert_eq!(stored.chunks.len(), 1);
    assert_eq!(stored.chunks[0].1, b"whole");
    // And the next write still gets a fresh sequence number and lands whole.
    let seq = block_on(s.append_chunk(&doc, b"next")).unwrap();
    assert_eq!(seq, 2);
    assert_eq!(block_on(s.load(&doc)).unwrap().chunks.len(), 2);
}

/// A profile's store: the same suite through the sealing wrapper, on real files.
mod sealed {
    use super::*;
    use kumppani_core::store::SealedStore;
    use kumppani_core::vault::{KdfParams, VaultKey};
    use std::sync::atomic::{AtomicU64, Ordering};

    fn key(pin: &str) -> VaultKey {
        let fast = KdfParams {
            m_kib: 64,
            t: 1,
            p: 1,
        };
        VaultKey::derive_with(pin, &[7; 16], fast).unwrap()
    }

    fn sealed(dir: &std::path::Path, pin: &str) -> SealedStore<FsStore> {
        let counter = AtomicU64::new(0);
        let nonce = move || {
            let mut n = [0u8; 24];
            n[..8].copy_from_slice(&counter.fetch_add(1, Ordering::Relaxed).to_le_bytes());
            n
        };
        SealedStore::new(FsStore::open(dir).unwrap(), key(pin), nonce)
    }

    #[test]
    fn the_sealed_store_passes_the_conformance_suite() {
        for case in 0..5 {
            let dir = tempfile::tempdir().unwrap();
            let s = sealed(dir.path(), "2468");
            block_on(async {
                match case {
                    0 => conformance::unknown_doc_is_empty(&s).await,
                    1 => conformance::reloads_exactly_what_was_written(&s).await,
                    2 => conformance::reloads_the_same_document_across_compaction(&s).await,
                    3 => conformance::keeps_documents_apart(&s).await,
                    _ => conformance::keeps_metadata(&s).await,
                }
            });
        }
    }

    #[test]
    fn no_file_holds_the_plaintext_and_another_pin_opens_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let doc = DocId::from_bytes([1; 16]);
        let secret = b"Minua pelotti puhua ryhmassa.";
        let s = sealed(dir.path(), "2468");
        block_on(s.append_chunk(&doc, secret)).unwrap();
        block_on(s.put_meta("identity", secret)).unwrap();
        for entry in walk(dir.path()) {
            let bytes = std::fs::read(&entry).unwrap();
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret),
                "{} holds the plaintext",
                entry.display()
            );
        }
        let stored = block_on(s.load(&doc)).unwrap();
        assert_eq!(stored.chunks[0].1, secret);

        // A sealed value moved to another place does not open there.
        let raw = block_on(s.inner().get_meta("identity")).unwrap().unwrap();
        block_on(s.inner().put_meta("last_synced", &raw)).unwrap();
        assert!(block_on(s.get_meta("last_synced")).is_err());

        drop(s);
        let other = sealed(dir.path(), "1357");
        assert!(block_on(other.load(&doc)).is_err());
        assert!(block_on(other.get_meta("identity")).is_err());
    }

    fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                out.extend(walk(&path));
            } else {
                out.push(path);
            }
        }
        out
    }
}
