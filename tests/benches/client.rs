//! Client figures, natively (`cargo xtask bench`, or `cargo bench --bench client`): loading
//! a member document of 10,000 diary entries and 1,000 sign-ups from the device's file
//! store, and one more entry from "save" to durable (fsynced and renamed into place). The
//! same in Chromium with IndexedDB: tests/store_idb_bench.rs.

// The device's file store is the native one; on wasm32 this bench is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(not(target_arch = "wasm32"))]
#[path = "member_workload.rs"]
mod member_workload;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use automerge::AutoCommit;
    use criterion::{criterion_group, Criterion};
    use futures::executor::block_on;
    use kumppani::sync::store_fs::FsStore;
    use kumppani_core::model::member;
    use kumppani_core::store::DocStore;
    use std::time::{Duration, Instant};

    use crate::member_workload::{big_member_document, write_entry, DOC, ENTRIES};

    /// From the file store to what the diary page shows.
    fn load(store: &FsStore) -> AutoCommit {
        let stored = block_on(store.load(&DOC)).unwrap();
        let doc = stored.to_doc().unwrap();
        assert_eq!(member::entries(&doc).len() as u64, ENTRIES);
        doc
    }

    fn percentile(sorted: &[Duration], p: f64) -> Duration {
        sorted[((sorted.len() - 1) as f64 * p).round() as usize]
    }

    fn client(c: &mut Criterion) {
        let dir = tempfile::tempdir().unwrap();
        let store = FsStore::open(dir.path()).unwrap();
        let mut doc = big_member_document();
        block_on(store.compact(&DOC, &doc.save(), 0)).unwrap();

        c.bench_function(
            "load a member document of 10k entries and 1k sign-ups",
            |b| b.iter(|| load(&store)),
        );

        // Each save timed alone, for the p95 criterion's means do not show.
        let mut saves = Vec::new();
        let mut n = ENTRIES;
        c.bench_function("one more entry, from save to durable", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    n += 1;
                    let started = Instant::now();
                    write_entry(&mut doc, n);
                    let chunk = doc.save_incremental();
                    block_on(store.append_chunk(&DOC, &chunk)).unwrap();
                    let took = started.elapsed();
                    saves.push(took);
                    total += took;
                }
                total
            })
        });
        saves.sort();
        println!(
            "one more entry, from save to durable: p50 {:.2?}, p95 {:.2?}, max {:.2?} over {} saves",
            percentile(&saves, 0.5),
            percentile(&saves, 0.95),
            saves[saves.len() - 1],
            saves.len()
        );
    }

    criterion_group! {
        name = benches;
        // The durable write fsyncs twice; fewer, longer samples keep the run to a minute.
        config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(10));
        targets = client
    }
}
