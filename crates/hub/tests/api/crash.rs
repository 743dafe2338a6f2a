//! The hub killed with SIGKILL at a random moment while many devices sync, round after
//! round (`KUMPPANI_LONG=1`: 50 rounds): after each kill, every change the hub
//! acknowledged is in its database; in the end every device converges and the seats of a
//! small event went to exactly as many people as it holds, each once.
//!
//! The hub runs as its own process (the real binary, the real SQLite file), so the kill is
//! a real one: no destructor, no flush, no graceful close.

use crate::events::{draft, publish};
use crate::helpers::{spawn_app_with, Device, HubProcess};
use crate::phone::{Phone, Synced};
use automerge::ChangeHash;
use kumppani_core::derive::seats::SeatStatus;
use kumppani_core::ids::EventId;
use kumppani_core::model::{member, project};
use kumppani_hub::config::SQLITE_FILE;
use kumppani_hub::store::{self, HubStore};
use kumppani_hub::tokens::random_bytes;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

const DEVICES: usize = 150;
const CAPACITY: u32 = 5;
/// How long a device waits for the hub's next frame before it gives the round up.
const SILENCE: Duration = Duration::from_secs(10);

fn rounds() -> usize {
    if std::env::var_os("KUMPPANI_LONG").is_some() {
        50
    } else {
        3
    }
}

/// Every phone once, all at the same time: each writes `entries` entries (with a sign-up
/// for `signup`) and syncs; acknowledgements are counted in `acks` as they come.
async fn sync_all(
    url: &str,
    phones: &mut Vec<Phone>,
    entries: usize,
    signup: Option<EventId>,
    acks: Arc<AtomicUsize>,
) -> Vec<Option<Vec<ChangeHash>>> {
    let url = Arc::new(url.to_owned());
    let tasks: Vec<_> = std::mem::take(phones)
        .into_iter()
        .map(|mut phone| {
            let (url, acks) = (url.clone(), acks.clone());
            tokio::spawn(async move {
                phone.write(entries, signup);
                let heads = match phone.sync_once(&url, SILENCE).await {
                    Synced::Acked(heads) => {
                        acks.fetch_add(1, Ordering::SeqCst);
                        Some(heads)
                    }
                    Synced::Refused(_) | Synced::Lost => None,
                };
                (phone, heads)
            })
        })
        .collect();
    let mut acked = Vec::new();
    for task in tasks {
        let (phone, heads) = task.await.unwrap();
        phones.push(phone);
        acked.push(heads);
    }
    acked
}

async fn open_store(data: &std::path::Path) -> Arc<dyn HubStore> {
    store::open(None, &data.join(SQLITE_FILE))
        .await
        .expect("the database opens after the kill")
}

#[tokio::test]
async fn every_acknowledged_change_survives_sigkill_and_seats_stay_within_capacity() {
    let data = Arc::new(tempfile::tempdir().unwrap());
    // Set up with the hub in this process: an organiser publishes a small event, and the
    // residents join. Then the hub stops and runs as a process of its own.
    let app = spawn_app_with(data.clone(), None, |_| {}).await;
    let organiser = app.joined_organiser("Olli Organisaattori").await;
    let mut org = Device::connect(&app, &organiser).await;
    let event = publish(
        &mut org,
        &organiser,
        &draft("Pieni työpaja", Some(CAPACITY)),
    )
    .await;
    org.close().await;
    let mut phones = Vec::new();
    for i in 0..DEVICES {
        phones.push(Phone::new(app.joined(&format!("Asukas {i}")).await));
    }
    app.stop().await;

    let mut acknowledged_in_all = 0;
    let mut killed_mid_sync = 0;
    for round in 0..rounds() {
        let mut hub = HubProcess::start(data.path(), "warn", &[]).await;
        let url = hub.url.clone();
        // The kill comes once a random share of the devices has been acknowledged: a moment
        // inside the burst on a fast machine or a loaded one.
        let acks = Arc::new(AtomicUsize::new(0));
        let kill_at = 1 + usize::from(random_bytes::<1>()[0]) % (DEVICES * 2 / 3);
        let killer = async {
            let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
            while acks.load(Ordering::SeqCst) < kill_at && tokio::time::Instant::now() < deadline {
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
            hub.kill().await;
        };
        let signup = (round == 0).then_some(event);
        let (acked, ()) =
            tokio::join!(sync_all(&url, &mut phones, 2, signup, acks.clone()), killer);

        // The database as the kill left it: everything acknowledged is there.
        let store = open_store(data.path()).await;
        for (phone, heads) in phones.iter().zip(&acked) {
            let Some(heads) = heads else { continue };
            let stored = store.load_doc(phone.joined.member_doc).await.unwrap();
            let mut stored = stored.to_doc().expect("the stored document loads");
            for h in heads {
                assert!(
                    stored.get_change_by_hash(h).is_some(),
                    "round {round}: {} lost a change the hub acknowledged",
                    phone.joined.display_name
                );
            }
        }
        store.close().await;
        let n = acked.iter().filter(|a| a.is_some()).count();
        acknowledged_in_all += n;
        killed_mid_sync += usize::from(n < phones.len());
        eprintln!(
            "round {round}: killed at {kill_at} acknowledgements, {n}/{DEVICES} acknowledged"
        );
    }
    assert!(
        killed_mid_sync > 0,
        "some kill came while devices were still syncing"
    );
    assert!(
        acknowledged_in_all > 0,
        "some sync got through before a kill"
    );

    // The last start: every phone converges, and the seats are derived once each.
    let mut hub = HubProcess::start(data.path(), "warn", &[]).await;
    let acked = sync_all(&hub.url, &mut phones, 0, None, Arc::default()).await;
    assert!(acked.iter().all(Option::is_some), "every device converges");
    let store = open_store(data.path()).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let mut confirmed = 0u32;
        let mut waiting = 0u32;
        for phone in &phones {
            let doc = store
                .load_doc(phone.joined.member_doc)
                .await
                .unwrap()
                .to_doc()
                .unwrap();
            assert_eq!(
                member::entries(&doc).len(),
                member::entries(&phone.doc).len(),
                "the hub holds every entry of {}",
                phone.joined.display_name
            );
            match member::signup(&doc, event)
                .and_then(|s| s.hub)
                .map(|h| h.status)
            {
                Some(SeatStatus::Confirmed) => confirmed += 1,
                Some(SeatStatus::Waitlisted { .. }) => waiting += 1,
                _ => {}
            }
        }
        assert!(
            confirmed <= CAPACITY,
            "{confirmed} seats given for {CAPACITY}"
        );
        let project_doc = store
            .load_doc(phones[0].joined.project_doc)
            .await
            .unwrap()
            .to_doc()
            .unwrap();
        let counts = project::counts(&project_doc, event);
        if confirmed == CAPACITY
            && confirmed + waiting == DEVICES as u32
            && counts == Some((confirmed, waiting))
        {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "seats settle: {confirmed} confirmed, {waiting} waiting, counts {counts:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    store.close().await;
    hub.kill().await;
}
