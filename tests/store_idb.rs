//! The IndexedDB store passes the store conformance suite, in a real Chromium.
#![cfg(target_arch = "wasm32")]

use kumppani::sync::store_idb::IdbStore;
use kumppani_core::ids::DocId;
use kumppani_core::store::{conformance, DocStore};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn fresh(name: &str) -> IdbStore {
    IdbStore::delete(name)
        .await
        .expect("the old test database is deleted");
    IdbStore::open(name).await.expect("IndexedDB opens")
}

#[wasm_bindgen_test]
async fn an_unknown_document_is_empty() {
    conformance::unknown_doc_is_empty(&fresh("t-unknown").await).await;
}

#[wasm_bindgen_test]
async fn indexeddb_reloads_exactly_what_was_written() {
    conformance::reloads_exactly_what_was_written(&fresh("t-reload").await).await;
}

#[wasm_bindgen_test]
async fn indexeddb_reloads_the_same_document_across_compaction() {
    conformance::reloads_the_same_document_across_compaction(&fresh("t-compact").await).await;
}

#[wasm_bindgen_test]
async fn indexeddb_keeps_documents_apart() {
    conformance::keeps_documents_apart(&fresh("t-apart").await).await;
}

#[wasm_bindgen_test]
async fn indexeddb_keeps_metadata() {
    conformance::keeps_metadata(&fresh("t-meta").await).await;
}

#[wasm_bindgen_test]
async fn a_reopened_database_has_every_chunk_that_was_written() {
    let doc = DocId::from_bytes([1; 16]);
    {
        let s = fresh("t-reopen").await;
        s.append_chunk(&doc, b"one").await.unwrap();
        s.append_chunk(&doc, b"two").await.unwrap();
    }
    let s = IdbStore::open("t-reopen").await.unwrap();
    let stored = s.load(&doc).await.unwrap();
    let chunks: Vec<&[u8]> = stored.chunks.iter().map(|(_, c)| c.as_slice()).collect();
    assert_eq!(chunks, [&b"one"[..], &b"two"[..]]);
}
