//! Events over real sockets: organisers publish in the project document, residents read it
//! and sign up in their own member documents, and the hub gives seats in the order it saw
//! the requests, writing statuses, tickets, the staff roster and the public counts.

use crate::helpers::{next_frame, send_frame, spawn_app, spawn_app_with, Device, TestApp};
use automerge::AutoCommit;
use kumppani_core::api::JoinResponse;
use kumppani_core::derive::seats::SeatStatus;
use kumppani_core::docsync::PeerSync;
use kumppani_core::ids::{DocId, EventId, MemberId};
use kumppani_core::model::event::{Accessibility, EventDraft};
use kumppani_core::model::member::{self, HubSignupState};
use kumppani_core::model::{project, set_writer, staff};
use kumppani_core::ticket::{self, Ticket};
use kumppani_core::time::Timestamp;
use kumppani_core::wire::Frame;
use kumppani_hub::clock::now_ms;
use kumppani_hub::tokens::random_bytes;

pub fn draft(title: &str, capacity: Option<u32>) -> EventDraft {
    EventDraft {
        title: title.into(),
        description: "Tervetuloa!".into(),
        starts_at: Timestamp(now_ms() + 86_400_000),
        ends_at: Timestamp(now_ms() + 90_000_000),
        place: "Hervannan kirjasto".into(),
        capacity,
        needs_approval: false,
        languages: vec!["fi".into()],
        accessibility: Accessibility::default(),
        translations: Default::default(),
    }
}

/// The organiser's device publishes an event and waits until the hub has it.
pub async fn publish(org: &mut Device, joined: &JoinResponse, d: &EventDraft) -> EventId {
    let id = EventId::from_bytes(random_bytes());
    org.edit(joined.project_doc, |doc| {
        project::add_event(doc, id, d, Timestamp(now_ms())).unwrap()
    })
    .await;
    org.sync_doc(joined.project_doc).await;
    id
}

/// A resident's device that has received `event` and signed up for it.
async fn sign_up(app: &TestApp, name: &str, event: EventId) -> (JoinResponse, Device) {
    let joined = app.joined(name).await;
    let mut phone = Device::connect(app, &joined).await;
    phone
        .wait_for("the event", joined.project_doc, |d| {
            project::event(d, event).is_some()
        })
        .await;
    phone
        .edit(joined.member_doc, |d| {
            member::request_signup(d, event, Timestamp(now_ms())).unwrap()
        })
        .await;
    wait_for_status(&mut phone, &joined, event, |_| true).await;
    (joined, phone)
}

fn hub_state(phone: &Device, joined: &JoinResponse, event: EventId) -> Option<HubSignupState> {
    member::signup(phone.session.doc(&joined.member_doc)?, event)?.hub
}

async fn wait_for_status(
    phone: &mut Device,
    joined: &JoinResponse,
    event: EventId,
    mut check: impl FnMut(SeatStatus) -> bool,
) -> HubSignupState {
    phone
        .wait_for(
            &format!("the hub's answer to {}", joined.display_name),
            joined.member_doc,
            |d| {
                member::signup(d, event)
                    .and_then(|s| s.hub)
                    .is_some_and(|h| check(h.status))
            },
        )
        .await;
    hub_state(phone, joined, event).unwrap()
}

async fn stored_doc(app: &TestApp, doc: DocId) -> AutoCommit {
    app.stored(doc).await.to_doc().unwrap()
}

fn roster_status(doc: &AutoCommit, event: EventId, member: MemberId) -> Option<SeatStatus> {
    staff::roster(doc, event)
        .into_iter()
        .find(|r| r.member == member)
        .map(|r| r.status)
}

#[tokio::test]
async fn an_organiser_publishes_and_a_resident_reads_but_cannot_write() {
    let app = spawn_app().await;
    let org_joined = app.joined_organiser("Olli Organisoija").await;
    let staff_doc = org_joined
        .staff_doc
        .expect("organisers get the staff document");
    let mut org = Device::connect(&app, &org_joined).await;
    let event = publish(&mut org, &org_joined, &draft("Pihakävely", Some(10))).await;

    let joined = app.joined("Aino").await;
    assert_eq!(joined.project_doc, org_joined.project_doc);
    assert_eq!(
        joined.staff_doc, None,
        "residents never get the staff document"
    );
    let mut phone = Device::connect(&app, &joined).await;
    phone
        .wait_for("the event", joined.project_doc, |d| {
            project::event(d, event).is_some_and(|e| e.title == "Pihakävely")
        })
        .await;
    let before = app.stored(joined.project_doc).await;

    // The app's own way: an edit is never even sent to a read-only hub.
    phone
        .edit(joined.project_doc, |d| {
            project::cancel_event(d, event, Timestamp(now_ms())).unwrap()
        })
        .await;
    // A tampered app: a sync message that carries a change anyway.
    let mut forged = project::new_document();
    set_writer(&mut forged, random_bytes());
    project::add_event(
        &mut forged,
        EventId::from_bytes(random_bytes()),
        &draft("Väärennös", None),
        Timestamp(0),
    )
    .unwrap();
    forged.commit();
    let mut ours = PeerSync::new();
    let mut empty = AutoCommit::new();
    let mut theirs = PeerSync::new();
    let hello = ours.poll_message(&mut forged).unwrap();
    theirs.receive(&mut empty, &hello).unwrap();
    let ask = theirs.poll_message(&mut empty).unwrap();
    ours.receive(&mut forged, &ask).unwrap();
    let with_changes = ours.poll_message(&mut forged).unwrap();
    assert!(!automerge::sync::Message::decode(&with_changes)
        .unwrap()
        .changes
        .is_empty());
    let mut ws = app.authed_socket(&joined.token).await;
    send_frame(
        &mut ws,
        &Frame::Sync {
            doc: joined.project_doc,
            message: with_changes,
        },
    )
    .await;
    assert!(
        matches!(next_frame(&mut ws).await, Some(Frame::Sync { .. })),
        "the hub answers and stays connected"
    );
    // Asking for the staff document: the same answer as for an id that does not exist.
    send_frame(
        &mut ws,
        &Frame::Sync {
            doc: staff_doc,
            message: PeerSync::new()
                .poll_message(&mut staff::new_document())
                .unwrap(),
        },
    )
    .await;
    assert_eq!(
        next_frame(&mut ws).await,
        Some(Frame::Unavailable { doc: staff_doc })
    );
    // Let the hub finish with the device's frames before looking.
    phone.sync_doc(joined.member_doc).await;
    assert_eq!(app.stored(joined.project_doc).await, before);
    let stored = stored_doc(&app, joined.project_doc).await;
    assert_eq!(project::events(&stored).len(), 1);
    assert!(!project::event(&stored, event).unwrap().cancelled);
    drop(ws);
    phone.close().await;
    org.close().await;
}

#[tokio::test]
async fn seats_go_in_the_order_the_hub_saw_requests_and_a_cancel_promotes_the_next() {
    let app = spawn_app().await;
    let org_joined = app.joined_organiser("Olli Organisoija").await;
    let staff_doc = org_joined.staff_doc.unwrap();
    let mut org = Device::connect(&app, &org_joined).await;
    let event = publish(&mut org, &org_joined, &draft("Lukupiiri", Some(2))).await;

    let (a, mut pa) = sign_up(&app, "Aino", event).await;
    let (b, mut pb) = sign_up(&app, "Bertta", event).await;
    let (c, mut pc) = sign_up(&app, "Cecilia", event).await;
    let sa = hub_state(&pa, &a, event).unwrap();
    let sb = hub_state(&pb, &b, event).unwrap();
    let sc = hub_state(&pc, &c, event).unwrap();
    assert_eq!(sa.status, SeatStatus::Confirmed);
    assert_eq!(sb.status, SeatStatus::Confirmed);
    assert_eq!(sc.status, SeatStatus::Waitlisted { position: 1 });
    assert!(sc.ticket.is_none(), "no ticket on the waitlist");

    // The ticket verifies with the key in the project document; forgeries do not.
    let key = project::ticket_key(pa.session.doc(&a.project_doc).unwrap()).unwrap();
    let t = Ticket::decode(sa.ticket.as_deref().unwrap()).unwrap();
    assert_eq!((t.event, t.member), (event, a.member_id));
    t.verify(&key).unwrap();
    let other_member = Ticket {
        member: c.member_id,
        ..t
    };
    assert!(other_member.verify(&key).is_err());
    let mut changed = t;
    changed.signature[0] ^= 1;
    assert!(changed.verify(&key).is_err());
    assert!(ticket::sign(&[9; 32], event, c.member_id)
        .verify(&key)
        .is_err());

    // The organiser's roster and the public counts.
    org.wait_for("the roster", staff_doc, |d| {
        staff::roster(d, event).len() == 3
    })
    .await;
    let roster = staff::roster(org.session.doc(&staff_doc).unwrap(), event);
    let names: Vec<(&str, SeatStatus)> =
        roster.iter().map(|r| (r.name.as_str(), r.status)).collect();
    assert_eq!(
        names,
        vec![
            ("Aino", SeatStatus::Confirmed),
            ("Bertta", SeatStatus::Confirmed),
            ("Cecilia", SeatStatus::Waitlisted { position: 1 }),
        ]
    );
    assert_eq!(roster[0].ticket, Some(t.short_code()));
    pc.wait_for("the counts", c.project_doc, |d| {
        project::counts(d, event) == Some((2, 1))
    })
    .await;

    // Aino cancels: Cecilia moves up, and is told she came from the waitlist.
    pa.edit(a.member_doc, |d| {
        member::cancel_signup(d, event, Timestamp(now_ms())).unwrap()
    })
    .await;
    // Each device runs its own sync: Aino's must deliver her cancel before we watch Cecilia.
    pa.sync_doc(a.member_doc).await;
    let promoted = wait_for_status(&mut pc, &c, event, |s| s == SeatStatus::Confirmed).await;
    assert_eq!(
        promoted.previous,
        Some(SeatStatus::Waitlisted { position: 1 })
    );
    Ticket::decode(promoted.ticket.as_deref().unwrap())
        .unwrap()
        .verify(&key)
        .unwrap();
    let cancelled = wait_for_status(&mut pa, &a, event, |s| s == SeatStatus::Cancelled).await;
    assert!(cancelled.ticket.is_none());
    pb.wait_for("the counts", b.project_doc, |d| {
        project::counts(d, event) == Some((2, 0))
    })
    .await;

    // Nobody's documents carry another resident's sign-up.
    let project_bytes = stored_doc(&app, b.project_doc).await.save();
    for other in [&a, &c] {
        let member_bytes = pb.session.save_snapshot(&b.member_doc).unwrap();
        for bytes in [&project_bytes, &member_bytes] {
            let id = other.member_id.to_string();
            assert!(!contains(bytes, id.as_bytes()), "a member id leaked");
            assert!(!contains(bytes, other.member_id.as_bytes()));
        }
    }

    for d in [pa, pb, pc, org] {
        d.close().await;
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[tokio::test]
async fn a_status_a_resident_writes_themselves_is_not_believed() {
    let app = spawn_app().await;
    let org_joined = app.joined_organiser("Olli Organisoija").await;
    let staff_doc = org_joined.staff_doc.unwrap();
    let mut org = Device::connect(&app, &org_joined).await;
    let event = publish(&mut org, &org_joined, &draft("Pieni piiri", Some(1))).await;
    let (_a, pa) = sign_up(&app, "Aino", event).await;
    let (b, mut pb) = sign_up(&app, "Bertta", event).await;
    assert_eq!(
        hub_state(&pb, &b, event).unwrap().status,
        SeatStatus::Waitlisted { position: 1 }
    );

    // Bertta's app writes the hub's fields itself, with a made-up ticket.
    pb.edit(b.member_doc, |d| {
        let forged = HubSignupState {
            status: SeatStatus::Confirmed,
            previous: None,
            status_at: Timestamp(now_ms()),
            ticket: Some(ticket::sign(&[1; 32], event, b.member_id).encode()),
            answers_request: None,
        };
        member::set_hub_state(d, event, &forged).unwrap()
    })
    .await;
    pb.sync_doc(b.member_doc).await;
    let state = wait_for_status(&mut pb, &b, event, |s| s != SeatStatus::Confirmed).await;
    assert_eq!(state.status, SeatStatus::Waitlisted { position: 1 });
    assert!(state.ticket.is_none(), "the forged ticket is gone");
    let staff = stored_doc(&app, staff_doc).await;
    assert_eq!(
        roster_status(&staff, event, b.member_id),
        Some(SeatStatus::Waitlisted { position: 1 })
    );
    for d in [pa, pb, org] {
        d.close().await;
    }
}

#[tokio::test]
async fn a_restart_rederives_the_same_seats() {
    let app = spawn_app().await;
    let org_joined = app.joined_organiser("Olli Organisoija").await;
    let mut org = Device::connect(&app, &org_joined).await;
    let event = publish(&mut org, &org_joined, &draft("Kävely", Some(1))).await;
    let (a, pa) = sign_up(&app, "Aino", event).await;
    let (b, pb) = sign_up(&app, "Bertta", event).await;
    let staff_doc = org_joined.staff_doc.unwrap();
    let roster_before = staff::roster(&stored_doc(&app, staff_doc).await, event);
    let a_before = member::signup(&stored_doc(&app, a.member_doc).await, event).unwrap();
    for d in [pa, pb, org] {
        d.close().await;
    }
    let project = app.project.clone();
    let data = app.stop().await;

    let app = spawn_app_with(data, Some(project), |_| {}).await;
    assert_eq!(
        staff::roster(&stored_doc(&app, staff_doc).await, event),
        roster_before
    );
    assert_eq!(
        member::signup(&stored_doc(&app, a.member_doc).await, event).unwrap(),
        a_before
    );
    let statuses: Vec<SeatStatus> = roster_before.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        vec![
            SeatStatus::Confirmed,
            SeatStatus::Waitlisted { position: 1 }
        ]
    );
    assert_eq!(
        roster_status(&stored_doc(&app, staff_doc).await, event, b.member_id),
        Some(SeatStatus::Waitlisted { position: 1 })
    );
}
