//! Shared diary entries over real sockets: a resident shares entries in their own member
//! document, by name or anonymously, and the hub derives the organisers' inbox in the staff
//! document, which only organisers receive.

use crate::helpers::{next_frame, send_frame, spawn_app, spawn_app_with, Device, TestApp};
use automerge::AutoCommit;
use kumppani_core::api::JoinResponse;
use kumppani_core::derive::diary::staff_entry_id;
use kumppani_core::docsync::PeerSync;
use kumppani_core::ids::{DocId, EntryId, MemberId};
use kumppani_core::model::member::{self, Sharing};
use kumppani_core::model::staff::{self, SharedEntry};
use kumppani_core::model::{set_writer, EntryDraft, Mood};
use kumppani_core::time::Timestamp;
use kumppani_core::wire::Frame;
use kumppani_hub::clock::now_ms;
use kumppani_hub::store::sqlite::SqliteStore;
use kumppani_hub::store::HubStore;
use kumppani_hub::tokens::random_bytes;
use kumppani_hub::Config;

fn now() -> Timestamp {
    Timestamp(now_ms())
}

fn draft(text: &str) -> EntryDraft {
    EntryDraft {
        text: text.into(),
        mood: Mood::new(3).unwrap(),
        tags: vec!["arki".into()],
        at: now(),
        prompt: None,
    }
}

/// Shares an entry from the member's device, as the app does; returns its id there.
async fn share(phone: &mut Device, joined: &JoinResponse, text: &str, how: Sharing) -> EntryId {
    let id = EntryId::from_bytes(random_bytes());
    phone
        .edit(joined.member_doc, |d| {
            member::share_entry(d, id, &draft(text), how, now()).unwrap()
        })
        .await;
    id
}

fn inbox_entry(doc: &AutoCommit, text: &str) -> Option<SharedEntry> {
    staff::shared_entries(doc)
        .into_iter()
        .find(|e| e.text == text)
}

fn texts(doc: &AutoCommit) -> Vec<String> {
    let mut texts: Vec<String> = staff::shared_entries(doc)
        .into_iter()
        .map(|e| e.text)
        .collect();
    texts.sort();
    texts
}

/// An organiser with a device that has synced the staff document.
async fn organiser(app: &TestApp) -> (JoinResponse, DocId, Device) {
    let joined = app.joined_organiser("Olli Organisaattori").await;
    let staff_doc = joined.staff_doc.expect("organisers get the staff document");
    let mut device = Device::connect(app, &joined).await;
    device.sync_doc(staff_doc).await;
    (joined, staff_doc, device)
}

/// An organiser with the staff document synced, and a resident `name` with a phone.
async fn organiser_and_resident(
    app: &TestApp,
    name: &str,
) -> (DocId, Device, JoinResponse, Device) {
    let (_, staff_doc, org) = organiser(app).await;
    let joined = app.joined(name).await;
    let phone = Device::connect(app, &joined).await;
    (staff_doc, org, joined, phone)
}

/// The texts in the staff document's inbox as the hub stored it.
async fn stored_texts(app: &TestApp, staff_doc: DocId) -> Vec<String> {
    texts(&app.stored(staff_doc).await.to_doc().unwrap())
}

#[tokio::test]
async fn organisers_see_named_entries_with_the_name_and_anonymous_ones_without_and_residents_never_get_the_inbox(
) {
    let app = spawn_app().await;
    let (staff_doc, mut org, aino_joined, mut aino) =
        organiser_and_resident(&app, "Aino Virtanen").await;
    let anonymous_text = "Vartija kuunteli, kun kerroin sellin kylmyydestä.";
    let named_text = "Ryhmässä minua kuunneltiin tänään.";
    share(&mut aino, &aino_joined, anonymous_text, Sharing::Anonymous).await;
    let named_id = share(&mut aino, &aino_joined, named_text, Sharing::Named).await;
    aino.sync().await;

    org.wait_for("both shared entries", staff_doc, |d| {
        staff::shared_entries(d).len() == 2
    })
    .await;
    let doc = org.session.doc(&staff_doc).unwrap();
    let anonymous = inbox_entry(doc, anonymous_text).expect("the anonymous entry");
    assert_eq!(anonymous.sharing, Sharing::Anonymous);
    assert_eq!((anonymous.author, anonymous.author_name), (None, None));
    let named = inbox_entry(doc, named_text).expect("the named entry");
    assert_eq!(named.sharing, Sharing::Named);
    assert_eq!(named.author, Some(aino_joined.member_id));
    assert_eq!(named.author_name.as_deref(), Some("Aino Virtanen"));
    assert_eq!(named.id, staff_entry_id(aino_joined.member_id, named_id));

    // What the organiser got is what the hub stored.
    let stored = app.stored(staff_doc).await.to_doc().unwrap();
    assert_eq!(staff::shared_entries(&stored), staff::shared_entries(doc));

    // Another resident: the Welcome does not offer the staff document, and asking for it
    // gets the same answer as a document that does not exist.
    let pekka = app.joined("Pekka").await;
    let mut ws = app.socket().await;
    send_frame(
        &mut ws,
        &Frame::Auth {
            token: pekka.token.clone(),
        },
    )
    .await;
    match next_frame(&mut ws).await {
        Some(Frame::Welcome(w)) => {
            assert!(w.docs.iter().all(|(doc, _)| *doc != staff_doc), "{w:?}")
        }
        other => panic!("expected the Welcome, got {other:?}"),
    }
    let mut probe = staff::new_document();
    set_writer(&mut probe, random_bytes());
    let message = PeerSync::new().poll_message(&mut probe).unwrap();
    send_frame(
        &mut ws,
        &Frame::Sync {
            doc: staff_doc,
            message,
        },
    )
    .await;
    assert_eq!(
        next_frame(&mut ws).await,
        Some(Frame::Unavailable { doc: staff_doc })
    );
    drop(ws);
    let mut pekka_phone = Device::connect(&app, &pekka).await;
    pekka_phone.sync().await;
    assert!(pekka_phone.session.doc(&staff_doc).is_none());
    for d in [org, aino, pekka_phone] {
        d.close().await;
    }
}

#[tokio::test]
async fn a_revoked_entry_leaves_the_organisers_inbox_with_its_codes() {
    let app = spawn_app().await;
    let (staff_doc, mut org, joined, mut phone) = organiser_and_resident(&app, "Aino").await;
    let kept = share(&mut phone, &joined, "Tämä saa jäädä.", Sharing::Named).await;
    let revoked = share(&mut phone, &joined, "Tämän perun.", Sharing::Anonymous).await;
    phone.sync().await;
    org.wait_for("both entries", staff_doc, |d| {
        staff::shared_entries(d).len() == 2
    })
    .await;
    let revoked_in_inbox = staff_entry_id(joined.member_id, revoked);
    org.edit(staff_doc, |d| {
        staff::set_code(d, revoked_in_inbox, "Turvallisuus", true).unwrap()
    })
    .await;
    org.sync_doc(staff_doc).await;

    phone
        .edit(joined.member_doc, |d| {
            member::revoke_shared(d, revoked).unwrap()
        })
        .await;
    phone.sync().await;
    org.wait_for("the revoked entry gone", staff_doc, |d| {
        texts(d) == ["Tämä saa jäädä."]
    })
    .await;
    let doc = org.session.doc(&staff_doc).unwrap();
    assert!(!staff::codes(doc).contains_key(&revoked_in_inbox));
    assert_eq!(
        staff::shared_entries(doc)[0].id,
        staff_entry_id(joined.member_id, kept)
    );
    assert_eq!(stored_texts(&app, staff_doc).await, ["Tämä saa jäädä."]);
    org.close().await;
    phone.close().await;
}

#[tokio::test]
async fn an_entry_the_member_did_not_share_never_reaches_the_staff_document() {
    let app = spawn_app().await;
    let (staff_doc, mut org, joined, mut phone) = organiser_and_resident(&app, "Aino").await;
    let private = "Yksityinen ajatus, vain minulle.";
    phone.write(private).await;
    phone.sync().await;
    // An entry shared after it: once the organiser has this one, the hub has derived
    // from a document that already held the unshared entry.
    share(&mut phone, &joined, "Tämän jaan.", Sharing::Named).await;
    phone.sync().await;
    org.wait_for("the shared entry", staff_doc, |d| {
        !staff::shared_entries(d).is_empty()
    })
    .await;
    assert_eq!(texts(org.session.doc(&staff_doc).unwrap()), ["Tämän jaan."]);
    assert_eq!(stored_texts(&app, staff_doc).await, ["Tämän jaan."]);
    org.close().await;
    phone.close().await;
}

#[tokio::test]
async fn after_a_restart_the_inbox_is_derived_again_from_the_member_documents() {
    let app = spawn_app().await;
    let (org_joined, staff_doc, mut org) = organiser(&app).await;
    let joined = app.joined("Aino Virtanen").await;
    let mut phone = Device::connect(&app, &joined).await;
    share(&mut phone, &joined, "Ennen katkoa.", Sharing::Named).await;
    phone.sync().await;
    org.wait_for("the first entry", staff_doc, |d| {
        !staff::shared_entries(d).is_empty()
    })
    .await;
    org.close().await;
    phone.close().await;
    let project = app.project.clone();
    let data = app.stop().await;

    // While the hub is down: a member document gains a shared entry the hub never derived
    // (stored, then a crash), and the staff document gains a forged inbox entry.
    {
        let store = SqliteStore::open(&Config::local(data.path()).database_path())
            .await
            .unwrap();
        let mut member_doc = store
            .load_doc(joined.member_doc)
            .await
            .unwrap()
            .to_doc()
            .unwrap();
        set_writer(&mut member_doc, random_bytes());
        member::share_entry(
            &mut member_doc,
            EntryId::from_bytes(random_bytes()),
            &draft("Katkon aikana."),
            Sharing::Anonymous,
            now(),
        )
        .unwrap();
        member::commit(&mut member_doc, "share", now());
        store
            .append_chunk(joined.member_doc, &member_doc.save_incremental())
            .await
            .unwrap();

        let mut staff = store.load_doc(staff_doc).await.unwrap().to_doc().unwrap();
        set_writer(&mut staff, random_bytes());
        let mut entries = staff::shared_entries(&staff);
        let forged = SharedEntry {
            id: EntryId::from_bytes(random_bytes()),
            text: "Väärennetty.".into(),
            author: Some(MemberId::from_bytes(random_bytes())),
            author_name: Some("Joku muu".into()),
            ..entries[0].clone()
        };
        entries.push(forged);
        staff::set_shared_entries(&mut staff, &entries).unwrap();
        kumppani_core::model::commit(&mut staff, "forged", now());
        store
            .append_chunk(staff_doc, &staff.save_incremental())
            .await
            .unwrap();
        store.close().await;
    }

    let app = spawn_app_with(data, Some(project), |_| {}).await;
    let stored = app.stored(staff_doc).await.to_doc().unwrap();
    assert_eq!(texts(&stored), ["Ennen katkoa.", "Katkon aikana."]);
    let during = inbox_entry(&stored, "Katkon aikana.").unwrap();
    assert_eq!((during.author, during.author_name), (None, None));
    let before = inbox_entry(&stored, "Ennen katkoa.").unwrap();
    assert_eq!(before.author_name.as_deref(), Some("Aino Virtanen"));

    let mut org = Device::connect(&app, &org_joined).await;
    org.wait_for("the repaired inbox", staff_doc, |d| {
        texts(d) == ["Ennen katkoa.", "Katkon aikana."]
    })
    .await;
    org.close().await;
}

/// Many residents share at once (a hall coming online): their passes coalesce and the
/// inbox is written by difference, yet ends holding every entry, names only where given,
/// and an entry revoked in the middle of the burst is not left behind.
#[tokio::test]
async fn a_burst_of_residents_sharing_at_once_fills_the_inbox_exactly() {
    const RESIDENTS: usize = 12;
    let app = spawn_app().await;
    let (_, staff_doc, mut org) = organiser(&app).await;
    let mut phones = Vec::new();
    for n in 0..RESIDENTS {
        let joined = app.joined(&format!("Asukas {n}")).await;
        let phone = Device::connect(&app, &joined).await;
        phones.push((joined, phone));
    }
    let tasks: Vec<_> = phones
        .into_iter()
        .enumerate()
        .map(|(n, (joined, mut phone))| {
            tokio::spawn(async move {
                let how = if n % 2 == 0 {
                    Sharing::Named
                } else {
                    Sharing::Anonymous
                };
                share(&mut phone, &joined, &format!("Merkintä {n}"), how).await;
                let second = share(&mut phone, &joined, &format!("Toinen {n}"), how).await;
                phone.sync().await;
                if n == 0 {
                    phone
                        .edit(joined.member_doc, |d| {
                            member::revoke_shared(d, second).unwrap()
                        })
                        .await;
                    phone.sync().await;
                }
                phone
            })
        })
        .collect();
    let mut done = Vec::new();
    for t in tasks {
        done.push(t.await.unwrap());
    }
    let mut expected: Vec<String> = (0..RESIDENTS)
        .flat_map(|n| [format!("Merkintä {n}"), format!("Toinen {n}")])
        .filter(|t| t != "Toinen 0")
        .collect();
    expected.sort();
    org.wait_for("every shared entry", staff_doc, |d| texts(d) == expected)
        .await;
    let inbox = staff::shared_entries(org.session.doc(&staff_doc).unwrap());
    for e in &inbox {
        let n: usize = e.text.rsplit(' ').next().unwrap().parse().unwrap();
        assert_eq!(e.author_name.is_some(), n.is_multiple_of(2), "{e:?}");
    }
    assert_eq!(stored_texts(&app, staff_doc).await, expected);
    for phone in done {
        phone.close().await;
    }
    org.close().await;
}
