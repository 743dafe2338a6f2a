//! The store conformance suite, on SQLite in a temp file.

use kumppani_hub::store::conformance;
use kumppani_hub::store::sqlite::SqliteStore;

async fn fresh() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("kumppani.sqlite3"))
        .await
        .unwrap();
    (dir, store)
}

macro_rules! conformance_tests {
    ($($name:ident),* $(,)?) => {$(
        #[tokio::test]
        async fn $name() {
            let (_dir, store) = fresh().await;
            conformance::$name(&store).await;
        }
    )*};
}

conformance_tests!(
    projects_and_codes,
    members_devices_and_revocation,
    devices_of_a_member_list_oldest_first,
    link_codes_are_single_use_and_expire,
    chunks_reload_in_order,
    compaction_keeps_content,
    sync_states_round_trip,
    project_docs_attach_once,
    receipts_keep_their_order_per_event,
);

#[tokio::test]
async fn reopening_the_database_keeps_its_data_and_schema() {
    let (dir, store) = fresh().await;
    conformance::projects_and_codes(&store).await;
    store.close().await;
    let again = SqliteStore::open(&dir.path().join("kumppani.sqlite3"))
        .await
        .unwrap();
    use kumppani_hub::store::HubStore;
    assert_eq!(again.projects().await.unwrap().len(), 1);
}
