//! Client figures in Chromium with IndexedDB (run by `cargo xtask bench`, not by the test
//! command): loading a member document of 10,000 entries and 1,000 sign-ups from the
//! store, and one more entry from "save" to durable (the IndexedDB transaction complete).
//! The native figures: tests/benches/client.rs.
#![cfg(target_arch = "wasm32")]

#[path = "benches/member_workload.rs"]
mod member_workload;

use kumppani::sync::store_idb::IdbStore;
use kumppani_core::model::member;
use kumppani_core::store::DocStore;
use member_workload::{big_member_document, write_entry, DOC, ENTRIES};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const LOADS: usize = 10;
const SAVES: usize = 200;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance.now")
        .now()
}

fn summary(what: &str, mut ms: Vec<f64>) {
    ms.sort_by(f64::total_cmp);
    let at = |p: f64| ms[((ms.len() - 1) as f64 * p).round() as usize];
    console_log!(
        "BENCH {what}: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms over {}",
        at(0.5),
        at(0.95),
        at(1.0),
        ms.len()
    );
}

#[wasm_bindgen_test]
async fn client_figures_in_chromium() {
    IdbStore::delete("bench-client").await.unwrap();
    let store = IdbStore::open("bench-client").await.unwrap();
    let mut doc = big_member_document();
    store.compact(&DOC, &doc.save(), 0).await.unwrap();

    let mut loads = Vec::new();
    for _ in 0..LOADS {
        let started = now_ms();
        let loaded = store.load(&DOC).await.unwrap().to_doc().unwrap();
        assert_eq!(member::entries(&loaded).len() as u64, ENTRIES);
        loads.push(now_ms() - started);
    }
    summary(
        "load a member document of 10k entries and 1k sign-ups",
        loads,
    );

    let mut saves = Vec::new();
    for n in ENTRIES..ENTRIES + SAVES as u64 {
        let started = now_ms();
        write_entry(&mut doc, n);
        let chunk = doc.save_incremental();
        store.append_chunk(&DOC, &chunk).await.unwrap();
        saves.push(now_ms() - started);
    }
    summary("one more entry, from save to durable", saves);
}
