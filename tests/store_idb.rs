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
async fn indexeddb_deletes_a_document() {
    conformance::deletes_a_document(&fresh("t-delete").await).await;
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

/// A profile's store in the browser: sealed values pass the suite, and neither the raw
/// database nor another PIN sees the plaintext.
mod sealed {
    use super::*;
    use kumppani_core::store::SealedStore;
    use kumppani_core::vault::{KdfParams, VaultKey};

    fn key(pin: &str) -> VaultKey {
        let fast = KdfParams {
            m_kib: 64,
            t: 1,
            p: 1,
        };
        VaultKey::derive_with(pin, &[7; 16], fast).unwrap()
    }

    fn nonce() -> [u8; 24] {
        let mut n = [0u8; 24];
        getrandom::fill(&mut n).unwrap();
        n
    }

    async fn sealed(name: &str, pin: &str) -> SealedStore<IdbStore> {
        SealedStore::new(fresh(name).await, key(pin), nonce)
    }

    #[wasm_bindgen_test]
    async fn the_sealed_store_reloads_across_compaction() {
        let s = sealed("t-sealed-compact", "2468").await;
        conformance::reloads_the_same_document_across_compaction(&s).await;
        conformance::keeps_metadata(&s).await;
    }

    #[wasm_bindgen_test]
    async fn the_raw_database_holds_no_plaintext_and_another_pin_opens_nothing() {
        let doc = DocId::from_bytes([1; 16]);
        let secret = b"Minua pelotti puhua ryhmassa.";
        let s = sealed("t-sealed-raw", "2468").await;
        s.append_chunk(&doc, secret).await.unwrap();
        s.put_meta("identity", secret).await.unwrap();
        let raw = s.inner();
        let chunk = &raw.load(&doc).await.unwrap().chunks[0].1;
        assert!(!chunk.windows(secret.len()).any(|w| w == secret));
        let meta = raw.get_meta("identity").await.unwrap().unwrap();
        assert!(!meta.windows(secret.len()).any(|w| w == secret));
        assert_eq!(s.load(&doc).await.unwrap().chunks[0].1, secret);

        let other = SealedStore::new(
            IdbStore::open("t-sealed-raw").await.unwrap(),
            key("1357"),
            nonce,
        );
        assert!(other.load(&doc).await.is_err());
        assert!(other.get_meta("identity").await.is_err());
    }
}
