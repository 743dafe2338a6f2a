//! The hub's disk fills while a phone syncs: the real hub binary, its real SQLite file,
//! and writes that fail in the kernel (the process's file size limit, which fails a write
//! past it as a full disk fails one past the end). The sync fails cleanly with a reason,
//! the hub keeps serving, and once there is room the phone's retry stores everything.

use crate::helpers::{spawn_app_with, HubProcess};
use crate::phone::{Phone, Synced};
use kumppani_core::model::member;
use kumppani_core::wire::ErrorCode;
use kumppani_hub::config::SQLITE_FILE;
use kumppani_hub::store;
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

/// SQLite's shared-memory index takes 32 KiB at once, so the hub starts; the write-ahead
/// log then has room for a few pages, not for a month of diary.
const FILE_SIZE_LIMIT: u64 = 32 * 1024;

const ENTRIES: usize = 600;

#[tokio::test]
async fn a_full_disk_fails_the_sync_cleanly_and_the_retry_stores_everything() {
    let data = Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_app_with(data.clone(), None, |_| {}).await;
    let mut phone = Phone::new(app.joined("Aada Asukas").await);
    let mut neighbour = Phone::new(app.joined("Bertta Naapuri").await);
    app.stop().await;
    let db = std::fs::metadata(data.path().join(SQLITE_FILE))
        .unwrap()
        .len();
    assert!(db > FILE_SIZE_LIMIT, "the database ({db} B) cannot grow");

    let mut hub = HubProcess::start_with_file_size_limit(data.path(), FILE_SIZE_LIMIT).await;
    // A month of diary written offline: far more than the disk has room for.
    let written: BTreeSet<_> = phone.write(ENTRIES, None).into_iter().collect();
    let outcome = phone.sync_once(&hub.url, Duration::from_secs(10)).await;
    assert_eq!(
        outcome,
        Synced::Refused(ErrorCode::Unavailable),
        "the hub says it cannot take the change now"
    );
    assert_eq!(
        member::entries(&phone.doc).len(),
        ENTRIES,
        "the phone keeps it all"
    );
    assert!(
        hub.child.try_wait().unwrap().is_none(),
        "the hub keeps running"
    );
    assert!(
        hub.logged("could not store a change").await,
        "the operator can see why: {}",
        hub.log()
    );
    // A neighbour with nothing new still gets through while the disk is full.
    let (_, neighbour_heads) = neighbour.sync_with_retries(&hub.url, 3).await;
    assert!(neighbour_heads.is_some(), "reading needs no room");

    // Room again: the phone's next tries, backing off as the app does, get it all stored.
    hub.lift_file_size_limit();
    let (failed, heads) = phone.sync_with_retries(&hub.url, 20).await;
    assert!(heads.is_some(), "the phone's sync goes through: {failed:?}");
    hub.kill().await;

    let store = store::open(None, &data.path().join(SQLITE_FILE))
        .await
        .expect("the database opens after a full disk and a kill");
    let stored = store
        .load_doc(phone.joined.member_doc)
        .await
        .unwrap()
        .to_doc()
        .unwrap();
    let stored: BTreeSet<_> = member::entries(&stored).into_iter().map(|e| e.id).collect();
    assert_eq!(stored, written, "every entry is on the hub, each once");
    store.close().await;
}
