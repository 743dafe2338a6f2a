//! The native file store passes the same conformance suite as IndexedDB, on real files.
#![cfg(not(target_arch = "wasm32"))]

use futures::executor::block_on;
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
