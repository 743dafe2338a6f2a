//! The store conformance suite, on SQLite in a temp file and (when a server is given) on
//! PostgreSQL.

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

/// Every function of the suite, once: both stores run the same list.
macro_rules! every_conformance_test {
    ($run:ident) => {
        $run!(
            projects_and_codes,
            members_devices_and_revocation,
            devices_of_a_member_list_oldest_first,
            link_codes_are_single_use_and_expire,
            chunks_reload_in_order,
            compaction_keeps_content,
            sync_states_round_trip,
            project_docs_attach_once,
            receipts_keep_their_order_per_event,
            loading_since_and_late_compactions,
            audit_log_keeps_order_and_authors,
            tokens_rotate_with_a_grace_for_the_old_one,
            erasing_a_member_leaves_nothing_of_them,
            project_docs_are_replaced_unless_changed_meanwhile,
            orphan_rows_are_swept,
        );
    };
}

every_conformance_test!(conformance_tests);

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

/// The same suite on PostgreSQL, each test in a database of its own, when
/// `KUMPPANI_TEST_PG_URL` names a server (e.g. `postgres://kumppani@127.0.0.1:54329/postgres`);
/// skipped otherwise. Plus what only a shared database has: several nodes on one store.
mod postgres {
    use crate::helpers::TestDb;
    use futures::StreamExt;
    use kumppani_core::ids::{DeviceId, DocId, MemberId, ProjectId};
    use kumppani_hub::store::postgres::PgStore;
    use kumppani_hub::store::{
        conformance, ClusterEvent, HubStore, MemberRecord, NewDevice, NewMember, ProjectGuard,
        Redeemed, Role,
    };
    use kumppani_hub::tokens;
    use std::time::Duration;

    macro_rules! pg_conformance_tests {
        ($($name:ident),* $(,)?) => {$(
            #[tokio::test]
            async fn $name() {
                let Some(db) = TestDb::create().await else { return };
                let store = db.store().await;
                db.run(async {
                    conformance::$name(&store).await;
                    store.close().await;
                })
                .await;
            }
        )*};
    }

    every_conformance_test!(pg_conformance_tests);

    #[tokio::test]
    async fn reconnecting_keeps_the_data_and_schema() {
        let Some(db) = TestDb::create().await else {
            return;
        };
        let url = db.url.clone();
        db.run(async {
            let store = PgStore::connect(&url).await.unwrap();
            conformance::projects_and_codes(&store).await;
            store.close().await;
            let again = PgStore::connect(&url).await.unwrap();
            assert_eq!(again.projects().await.unwrap().len(), 1);
            again.close().await;
        })
        .await;
    }

    #[tokio::test]
    async fn two_nodes_starting_at_once_migrate_once() {
        let Some(db) = TestDb::create().await else {
            return;
        };
        let url = db.url.clone();
        db.run(async {
            let (a, b) = tokio::join!(PgStore::connect(&url), PgStore::connect(&url));
            let (a, b) = (a.unwrap(), b.unwrap());
            conformance::projects_and_codes(&a).await;
            assert_eq!(b.projects().await.unwrap().len(), 1);
            a.close().await;
            b.close().await;
        })
        .await;
    }

    async fn next_event(
        events: &mut futures::stream::BoxStream<'static, ClusterEvent>,
    ) -> ClusterEvent {
        tokio::time::timeout(Duration::from_secs(5), events.next())
            .await
            .expect("no cluster event within 5 s")
            .expect("the cluster event stream ended")
    }

    #[tokio::test]
    async fn other_nodes_hear_of_appends_and_revocations_but_not_their_own() {
        let Some(db) = TestDb::create().await else {
            return;
        };
        let (a, b) = (db.store().await, db.store().await);
        db.run(async {
            let mut a_events = a.cluster_events().await.unwrap().unwrap();
            let mut b_events = b.cluster_events().await.unwrap().unwrap();
            let (mine, theirs) = (DocId::from_bytes([1; 16]), DocId::from_bytes([2; 16]));

            // B's own append comes first; B must skip it and see A's.
            assert_eq!(b.append_chunk(mine, b"b1").await.unwrap().seq, 1);
            a.append_chunk(theirs, b"a1").await.unwrap();
            a.append_chunk(theirs, b"a2").await.unwrap();
            assert_eq!(
                next_event(&mut b_events).await,
                ClusterEvent::DocAppended {
                    doc: theirs,
                    seq: 1
                }
            );
            assert_eq!(
                next_event(&mut b_events).await,
                ClusterEvent::DocAppended {
                    doc: theirs,
                    seq: 2
                }
            );
            assert_eq!(
                next_event(&mut a_events).await,
                ClusterEvent::DocAppended { doc: mine, seq: 1 }
            );

            let device = DeviceId::from_bytes([3; 16]);
            a.announce_revoked(device).await.unwrap();
            assert_eq!(
                next_event(&mut b_events).await,
                ClusterEvent::DeviceRevoked(device)
            );
            // Neither hears anything of its own.
            assert!(
                tokio::time::timeout(Duration::from_millis(300), a_events.next())
                    .await
                    .is_err()
            );
            assert!(
                tokio::time::timeout(Duration::from_millis(300), b_events.next())
                    .await
                    .is_err()
            );
            drop((a_events, b_events));
            a.close().await;
            b.close().await;
        })
        .await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn concurrent_appends_from_two_nodes_get_distinct_ordered_seqs() {
        let Some(db) = TestDb::create().await else {
            return;
        };
        let (a, b) = (db.store().await, db.store().await);
        db.run(async {
            let doc = DocId::from_bytes([7; 16]);
            let tasks: Vec<_> = (0..20u8)
                .map(|i| {
                    let store = if i % 2 == 0 { a.clone() } else { b.clone() };
                    tokio::spawn(async move {
                        let chunk = vec![i; 3];
                        let appended = store.append_chunk(doc, &chunk).await.unwrap();
                        (appended.seq, chunk)
                    })
                })
                .collect();
            let mut appended = Vec::new();
            for task in tasks {
                appended.push(task.await.unwrap());
            }
            appended.sort();
            assert_eq!(
                appended.iter().map(|(seq, _)| *seq).collect::<Vec<_>>(),
                (1..=20).collect::<Vec<u64>>()
            );
            let stored = a.load_doc(doc).await.unwrap();
            assert_eq!(stored.chunks, appended);
            a.close().await;
            b.close().await;
        })
        .await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn a_project_lock_holds_across_nodes_until_dropped() {
        let Some(db) = TestDb::create().await else {
            return;
        };
        let (a, b) = (db.store().await, db.store().await);
        db.run(async {
            let p = ProjectId::from_bytes([1; 16]);
            let other = ProjectId::from_bytes([2; 16]);
            let held = a.lock_project(p).await.unwrap();

            let b2 = b.clone();
            let mut waiting: tokio::task::JoinHandle<ProjectGuard> =
                tokio::spawn(async move { b2.lock_project(p).await.unwrap() });
            assert!(
                tokio::time::timeout(Duration::from_millis(300), &mut waiting)
                    .await
                    .is_err(),
                "B got the lock A holds"
            );
            // Another project is not held up.
            let unrelated = tokio::time::timeout(Duration::from_secs(5), b.lock_project(other))
                .await
                .expect("another project's lock waited")
                .unwrap();
            drop(unrelated);

            drop(held);
            let got = tokio::time::timeout(Duration::from_secs(5), waiting)
                .await
                .expect("B did not get the lock after A dropped it")
                .unwrap();
            drop(got);
            a.close().await;
            b.close().await;
        })
        .await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn two_nodes_racing_to_redeem_a_link_code_link_one_device() {
        let Some(db) = TestDb::create().await else {
            return;
        };
        let (a, b) = (db.store().await, db.store().await);
        db.run(async {
            let p = ProjectId::from_bytes([1; 16]);
            a.create_project(p, "Projekti", "join-1", "org-1", 1)
                .await
                .unwrap();
            let member = MemberRecord {
                id: MemberId::from_bytes([5; 16]),
                project: p,
                display_name: "Jäsen".into(),
                role: Role::Resident,
                member_doc: DocId::from_bytes([5; 16]),
            };
            let new = NewMember {
                member: member.clone(),
                member_doc_snapshot: kumppani_core::model::member::new_document().save(),
                device: None,
            };
            a.create_member(&new, 2).await.unwrap();
            for round in 0..10u8 {
                let code = format!("LINK{round:04}");
                a.create_link_code(&code, &member, 1_000).await.unwrap();
                let device = |n: u8| NewDevice {
                    id: DeviceId::from_bytes([round * 2 + n; 16]),
                    token_hash: tokens::hash_token(&format!("{round}-{n}")),
                    name: "tabletti".into(),
                };
                let (dev_a, dev_b) = (device(10), device(11));
                let (ra, rb) = tokio::join!(
                    a.redeem_link_code(&code, 50, &dev_a),
                    b.redeem_link_code(&code, 50, &dev_b)
                );
                let outcomes = [ra.unwrap(), rb.unwrap()];
                let linked = outcomes
                    .iter()
                    .filter(|r| matches!(r, Redeemed::Linked(_)))
                    .count();
                assert_eq!(linked, 1, "{outcomes:?}");
                assert!(outcomes.contains(&Redeemed::AlreadyUsed), "{outcomes:?}");
            }
            assert_eq!(a.devices_of_member(member.id).await.unwrap().len(), 10);
            a.close().await;
            b.close().await;
        })
        .await;
    }
}
