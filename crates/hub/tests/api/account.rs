//! Deleting an account over the real hub: a resident with an idea, a comment, a shared
//! diary entry and a seat deletes their account, and the test then reads the SQLite file
//! itself (its bytes, and the documents stored in it with their whole history) to find
//! nothing of them left but what they chose to keep without their name.

use crate::events::{draft as event_draft, publish};
use crate::helpers::{spawn_app, spawn_app_with, Device, TestApp};
use automerge::AutoCommit;
use kumppani_core::api::JoinResponse;
use kumppani_core::derive::ideas::published_idea_id;
use kumppani_core::derive::seats::SeatStatus;
use kumppani_core::ids::{CommentId, DocId, EntryId, EventId, IdeaId};
use kumppani_core::model::idea::{IdeaDraft, IdeaStatus, PathStep};
use kumppani_core::model::member::{self, Sharing};
use kumppani_core::model::{project, staff, EntryDraft, Mood};
use kumppani_core::time::Timestamp;
use kumppani_hub::clock::now_ms;
use kumppani_hub::config::SQLITE_FILE;
use kumppani_hub::store::sqlite::SqliteStore;
use kumppani_hub::store::HubStore;
use kumppani_hub::tokens::random_bytes;

const NAME: &str = "Aino Poistuva-Virtanen";
const IDEA: &str = "Uimaranta Pyhäjärven rantaan";
const COMMENT: &str = "Ainon kommentti laiturista";
const DIARY: &str = "Ainon jaettu päiväkirja: yövuoro oli raskas";

fn now() -> Timestamp {
    Timestamp(now_ms())
}

/// Everything of every change in the document's history, as text.
fn history(doc: &mut AutoCommit) -> String {
    doc.get_changes(&[])
        .into_iter()
        .map(|c| format!("{:?}", c.decode()))
        .collect()
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

struct Story {
    app: TestApp,
    aino: JoinResponse,
    eero: JoinResponse,
    org: JoinResponse,
    event: EventId,
    idea: IdeaId,
}

/// Aino submits an idea (by name), comments on Eero's, shares a diary entry by name and
/// takes the event's only seat; Eero waits for it; the organiser answers Aino's idea.
async fn story() -> Story {
    let app = spawn_app().await;
    let org = app.joined_organiser("Olli Organisaattori").await;
    let mut org_dev = Device::connect(&app, &org).await;
    let event = publish(&mut org_dev, &org, &event_draft("Rantailta", Some(1))).await;

    let aino = app.joined(NAME).await;
    let mut aino_dev = Device::connect(&app, &aino).await;
    let eero = app.joined("Eero Jäävä").await;
    let mut eero_dev = Device::connect(&app, &eero).await;
    for (dev, joined) in [(&mut aino_dev, &aino), (&mut eero_dev, &eero)] {
        dev.wait_for("the event", joined.project_doc, |d| {
            project::event(d, event).is_some()
        })
        .await;
    }
    let eeros_idea = IdeaId::from_bytes(random_bytes());
    eero_dev
        .edit(eero.member_doc, |d| {
            let draft = IdeaDraft {
                title: "Lisää roskiksia".into(),
                description: "Rannalla on liian vähän roskiksia.".into(),
                theme: "Puistot".into(),
                anonymous: false,
            };
            member::submit_idea(d, eeros_idea, &draft, now()).unwrap();
        })
        .await;
    eero_dev.sync().await;
    let local = IdeaId::from_bytes(random_bytes());
    aino_dev
        .edit(aino.member_doc, |d| {
            member::request_signup(d, event, now()).unwrap();
            let draft = IdeaDraft {
                title: IDEA.into(),
                description: "Lapsille matala ranta.".into(),
                theme: "Puistot".into(),
                anonymous: false,
            };
            member::submit_idea(d, local, &draft, now()).unwrap();
            let on = published_idea_id(eero.member_id, eeros_idea);
            member::comment(
                d,
                CommentId::from_bytes(random_bytes()),
                on,
                COMMENT,
                false,
                now(),
            )
            .unwrap();
            member::support(d, on, now()).unwrap();
            let entry = EntryDraft {
                text: DIARY.into(),
                mood: Mood::new(2).unwrap(),
                tags: vec![],
                at: now(),
                prompt: None,
            };
            member::share_entry(
                d,
                EntryId::from_bytes(random_bytes()),
                &entry,
                Sharing::Named,
                now(),
            )
            .unwrap();
        })
        .await;
    aino_dev.sync().await;
    eero_dev
        .edit(eero.member_doc, |d| {
            member::request_signup(d, event, now()).unwrap()
        })
        .await;
    eero_dev.sync().await;
    let idea = published_idea_id(aino.member_id, local);
    let staff_doc = org.staff_doc.unwrap();
    org_dev
        .wait_for("Aino's entry and seat", staff_doc, |d| {
            staff::shared_entries(d).iter().any(|e| e.text == DIARY)
                && staff::roster(d, event).len() == 2
        })
        .await;
    org_dev
        .wait_for("Aino's idea", org.project_doc, |d| {
            project::published_ideas(d).iter().any(|p| p.id == idea)
        })
        .await;
    org_dev
        .edit(staff_doc, |d| {
            let step = PathStep {
                status: IdeaStatus::Accepted,
                note: "Ranta kunnostetaan keväällä.".into(),
                by_name: "Olli Organisaattori".into(),
                at: now(),
            };
            staff::answer_idea(d, idea, &step).unwrap();
        })
        .await;
    org_dev.sync_doc(staff_doc).await;
    for dev in [org_dev, aino_dev, eero_dev] {
        dev.close().await;
    }
    Story {
        app,
        aino,
        eero,
        org,
        event,
        idea,
    }
}

async fn delete(app: &TestApp, token: &str, contributions: &str) -> reqwest::Response {
    app.http
        .post(format!("{}/api/account/delete", app.base))
        .bearer_auth(token)
        .json(&serde_json::json!({ "contributions": contributions }))
        .send()
        .await
        .unwrap()
}

/// The whole database file and its write-ahead log, as bytes.
fn database_bytes(app: &TestApp) -> Vec<u8> {
    let mut bytes = std::fs::read(app.data.path().join(SQLITE_FILE)).unwrap();
    if let Ok(wal) = std::fs::read(app.data.path().join(format!("{SQLITE_FILE}-wal"))) {
        bytes.extend(wal);
    }
    bytes
}

/// The organiser's device as it comes back: welcomed to the project's documents now.
async fn organiser_view(app: &TestApp, org: &JoinResponse) -> (JoinResponse, Device) {
    let mut device = Device::connect(app, org).await;
    let kumppani_core::session::Phase::Ready(welcome) = device.session.phase().clone() else {
        unreachable!("connect waits for the welcome");
    };
    let mut now = org.clone();
    for (doc, kind) in welcome.docs {
        match kind {
            kumppani_core::wire::DocKind::Project => now.project_doc = doc,
            kumppani_core::wire::DocKind::Staff => now.staff_doc = Some(doc),
            kumppani_core::wire::DocKind::Member => {}
        }
    }
    device.sync_doc(now.project_doc).await;
    device.sync_doc(now.staff_doc.unwrap()).await;
    (now, device)
}

async fn stored(app: &TestApp, doc: DocId) -> AutoCommit {
    app.stored(doc).await.to_doc().unwrap()
}

/// Every document stored in the database file (snapshot, then chunks in order), with its
/// whole history, as text; and how many rows of documents belong to no document any more.
async fn every_stored_history(app: &TestApp) -> (String, i64) {
    use sqlx::sqlite::SqliteConnectOptions;
    let options = SqliteConnectOptions::new()
        .filename(app.data.path().join(SQLITE_FILE))
        .read_only(true);
    let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
    let ids: Vec<String> =
        sqlx::query_scalar("SELECT doc_id FROM doc_snapshots UNION SELECT doc_id FROM doc_chunks")
            .fetch_all(&pool)
            .await
            .unwrap();
    let mut text = String::new();
    for id in ids {
        let mut doc = AutoCommit::new();
        let blobs: Vec<Vec<u8>> = sqlx::query_scalar(
            "SELECT data FROM (SELECT data, -1 AS seq FROM doc_snapshots WHERE doc_id = ?1
             UNION ALL SELECT data, seq FROM doc_chunks WHERE doc_id = ?1) ORDER BY seq",
        )
        .bind(&id)
        .fetch_all(&pool)
        .await
        .unwrap();
        for blob in blobs {
            doc.load_incremental(&blob).unwrap();
        }
        text.push_str(&history(&mut doc));
    }
    let orphans: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM doc_snapshots WHERE doc_id NOT IN (SELECT doc_id FROM docs))
              + (SELECT COUNT(*) FROM doc_chunks WHERE doc_id NOT IN (SELECT doc_id FROM docs))
              + (SELECT COUNT(*) FROM sync_states WHERE doc_id NOT IN (SELECT doc_id FROM docs))",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    (text, orphans)
}

#[tokio::test]
async fn a_deleted_account_leaves_nothing_of_the_member_in_the_database() {
    let s = story().await;
    // What the checks below look for is there before: they can fail.
    let bytes = database_bytes(&s.app);
    assert!(contains(&bytes, NAME) && contains(&bytes, DIARY));
    let (before, _) = every_stored_history(&s.app).await;
    for word in [NAME, IDEA, COMMENT, DIARY] {
        assert!(
            before.contains(word),
            "{word:?} is not stored before the deletion"
        );
    }

    let res = delete(&s.app, &s.aino.token, "remove").await;
    assert_eq!(res.status(), 204, "{}", res.text().await.unwrap());

    // Her device is signed out, and her member document is gone.
    let res = s
        .app
        .http
        .get(format!("{}/api/devices", s.app.base))
        .bearer_auth(&s.aino.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert!(s
        .app
        .store
        .doc_meta(s.aino.member_doc)
        .await
        .unwrap()
        .is_none());
    assert!(s
        .app
        .store
        .member(s.aino.member_id)
        .await
        .unwrap()
        .is_none());
    assert!(s.app.stored(s.aino.member_doc).await.is_empty());

    // The project's documents were replaced; the old ones are gone.
    let (now, org_dev) = organiser_view(&s.app, &s.org).await;
    assert_ne!(now.project_doc, s.org.project_doc);
    assert_ne!(now.staff_doc, s.org.staff_doc);
    for old in [s.org.project_doc, s.org.staff_doc.unwrap()] {
        assert!(s.app.store.doc_meta(old).await.unwrap().is_none());
        assert!(s.app.stored(old).await.is_empty());
    }
    // What the organiser sees: Eero has the seat now, Aino's idea, comment, entry are gone.
    let staff_doc = now.staff_doc.unwrap();
    let org_staff = org_dev.session.doc(&staff_doc).unwrap();
    let roster = staff::roster(org_staff, s.event);
    assert_eq!(roster.len(), 1);
    assert_eq!(roster[0].member, s.eero.member_id);
    assert_eq!(roster[0].status, SeatStatus::Confirmed);
    assert!(staff::shared_entries(org_staff).is_empty());
    let ideas = project::published_ideas(org_dev.session.doc(&now.project_doc).unwrap());
    assert_eq!(ideas.len(), 1, "only Eero's idea is left");
    assert!(ideas[0].comments.is_empty());
    assert_eq!(ideas[0].supports, 0);
    org_dev.close().await;

    // Nothing of her in any document stored, history included.
    let (after, orphans) = every_stored_history(&s.app).await;
    for word in [NAME, IDEA, COMMENT, DIARY] {
        assert!(
            !after.contains(word),
            "{word:?} is still in a stored document"
        );
    }
    assert_eq!(orphans, 0, "rows of documents that are gone");
    // Nor anywhere in the database file's bytes, free pages and log included.
    let bytes = database_bytes(&s.app);
    for word in [NAME, IDEA, COMMENT, DIARY] {
        assert!(
            !contains(&bytes, word),
            "{word:?} is still in the database file"
        );
    }
}

#[tokio::test]
async fn kept_ideas_and_comments_stay_published_without_a_name() {
    let s = story().await;
    let res = delete(&s.app, &s.aino.token, "anonymise").await;
    assert_eq!(res.status(), 204, "{}", res.text().await.unwrap());

    let (now, org_dev) = organiser_view(&s.app, &s.org).await;
    let ideas = project::published_ideas(org_dev.session.doc(&now.project_doc).unwrap());
    let kept = ideas
        .iter()
        .find(|p| p.id == s.idea)
        .expect("her idea is still published");
    assert_eq!(kept.title, IDEA);
    assert_eq!(kept.author, None);
    // The organiser's answer stays with it: the idea kept its id.
    assert_eq!(kept.status, IdeaStatus::Accepted);
    let eeros = ideas.iter().find(|p| p.id != s.idea).unwrap();
    assert_eq!(eeros.comments.len(), 1);
    assert_eq!(eeros.comments[0].text, COMMENT);
    assert_eq!(eeros.comments[0].author, None);
    assert_eq!(eeros.supports, 1);
    // Her seat, her shared entry and her name are gone all the same.
    let org_staff = org_dev.session.doc(&now.staff_doc.unwrap()).unwrap();
    assert_eq!(staff::roster(org_staff, s.event).len(), 1);
    assert!(staff::shared_entries(org_staff).is_empty());
    // The organisers' list of members does not show a nameless one.
    let members: kumppani_core::api::MembersResponse = s
        .app
        .http
        .get(format!("{}/api/members", s.app.base))
        .bearer_auth(&s.org.token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(members.members.iter().all(|m| !m.display_name.is_empty()));
    assert!(members
        .members
        .iter()
        .all(|m| m.member_id != s.aino.member_id));
    org_dev.close().await;

    for doc in [now.project_doc, now.staff_doc.unwrap()] {
        let text = history(&mut stored(&s.app, doc).await);
        assert!(!text.contains(NAME), "her name is still in document {doc}");
        assert!(
            !text.contains(DIARY),
            "her entry is still in document {doc}"
        );
    }
    let bytes = database_bytes(&s.app);
    assert!(
        !contains(&bytes, NAME),
        "her name is still in the database file"
    );
    assert!(
        !contains(&bytes, DIARY),
        "her entry is still in the database file"
    );
}

#[tokio::test]
async fn deleting_needs_a_signed_in_device_and_a_choice() {
    let app = spawn_app().await;
    let aino = app.joined(NAME).await;
    assert_eq!(delete(&app, "not-a-token", "remove").await.status(), 401);
    assert_eq!(delete(&app, &aino.token, "everything").await.status(), 400);
    assert!(app.store.member(aino.member_id).await.unwrap().is_some());
}

#[tokio::test]
async fn a_deletion_cut_short_is_finished_at_the_next_start() {
    let s = story().await;
    let project = s.app.project.clone();
    let data = s.app.stop().await;
    // The hub stopped right after its first step: the member's own data went, the
    // project's documents still hold her in their history.
    {
        let store = SqliteStore::open(&data.path().join(SQLITE_FILE))
            .await
            .unwrap();
        store.erase_member(s.aino.member_id, None).await.unwrap();
        assert_eq!(store.pending_erasures().await.unwrap().len(), 1);
        store.close().await;
    }
    let app = spawn_app_with(data, Some(project.clone()), |_| {}).await;
    assert!(app.store.pending_erasures().await.unwrap().is_empty());
    let record = app.store.project(project.id).await.unwrap().unwrap();
    let (project_doc, staff_doc) = (record.project_doc.unwrap(), record.staff_doc.unwrap());
    assert_ne!(project_doc, s.org.project_doc);
    for doc in [project_doc, staff_doc] {
        let text = history(&mut stored(&app, doc).await);
        for word in [NAME, IDEA, COMMENT, DIARY] {
            assert!(!text.contains(word), "{word:?} is still in document {doc}");
        }
    }
    assert_eq!(
        staff::roster(&stored(&app, staff_doc).await, s.event)[0].member,
        s.eero.member_id
    );
}

#[tokio::test]
async fn an_organisers_name_leaves_their_answers_which_stay() {
    let s = story().await;
    const ORGANISER: &str = "Olli Organisaattori";
    let (before, _) = every_stored_history(&s.app).await;
    assert!(
        before.contains(ORGANISER),
        "the answer carries the name before"
    );
    let res = delete(&s.app, &s.org.token, "remove").await;
    assert_eq!(res.status(), 204, "{}", res.text().await.unwrap());

    let record = s
        .app
        .store
        .project(s.app.project.id)
        .await
        .unwrap()
        .unwrap();
    let project_doc = stored(&s.app, record.project_doc.unwrap()).await;
    let idea = project::published_ideas(&project_doc)
        .into_iter()
        .find(|p| p.id == s.idea)
        .expect("the idea is still published");
    assert_eq!(idea.status, IdeaStatus::Accepted);
    assert_eq!(idea.path.len(), 1);
    assert_eq!(idea.path[0].note, "Ranta kunnostetaan keväällä.");
    assert_eq!(idea.path[0].by_name, "");
    let (after, orphans) = every_stored_history(&s.app).await;
    assert!(
        !after.contains(ORGANISER),
        "the organiser's name is still stored"
    );
    assert_eq!(orphans, 0);
    assert!(!contains(&database_bytes(&s.app), ORGANISER));
}
