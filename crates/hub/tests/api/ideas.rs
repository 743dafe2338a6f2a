//! Ideas over real sockets: residents submit, support, comment and report in their own
//! member documents, organisers answer and moderate in the staff document, and the hub
//! publishes the result into the project document, which residents read but cannot write.

use crate::helpers::{next_frame, send_frame, spawn_app, Device, TestApp};
use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjType, ROOT};
use kumppani_core::api::JoinResponse;
use kumppani_core::derive::ideas::{published_comment_id, published_idea_id};
use kumppani_core::docsync::PeerSync;
use kumppani_core::ids::{CommentId, DocId, IdeaId, MilestoneId};
use kumppani_core::model::idea::{
    IdeaDraft, IdeaStatus, Milestone, PathStep, PublishedIdea, ReportTarget,
};
use kumppani_core::model::staff::Moderation;
use kumppani_core::model::{member, project, set_writer, staff};
use kumppani_core::time::Timestamp;
use kumppani_core::wire::Frame;
use kumppani_hub::clock::now_ms;
use kumppani_hub::tokens::random_bytes;

fn draft(title: &str, anonymous: bool) -> IdeaDraft {
    IdeaDraft {
        title: title.into(),
        description: "Olisi hyvä kaikille.".into(),
        theme: "Liikenne".into(),
        anonymous,
    }
}

fn now() -> Timestamp {
    Timestamp(now_ms())
}

/// Submits an idea from the member's device; returns its published id.
async fn submit(phone: &mut Device, joined: &JoinResponse, d: &IdeaDraft) -> IdeaId {
    let id = IdeaId::from_bytes(random_bytes());
    phone
        .edit(joined.member_doc, |doc| {
            member::submit_idea(doc, id, d, now()).unwrap()
        })
        .await;
    published_idea_id(joined.member_id, id)
}

fn published(doc: &AutoCommit, id: IdeaId) -> Option<PublishedIdea> {
    project::published_ideas(doc)
        .into_iter()
        .find(|p| p.id == id)
}

/// Runs the protocol until the device's project document publishes `id` so that `check`
/// holds, and returns that published idea.
async fn wait_published(
    phone: &mut Device,
    project_doc: DocId,
    id: IdeaId,
    what: &str,
    mut check: impl FnMut(&PublishedIdea) -> bool,
) -> PublishedIdea {
    phone
        .wait_for(what, project_doc, |d| {
            published(d, id).is_some_and(|p| check(&p))
        })
        .await;
    published(phone.session.doc(&project_doc).unwrap(), id).unwrap()
}

async fn stored_doc(app: &TestApp, doc: DocId) -> AutoCommit {
    app.stored(doc).await.to_doc().unwrap()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[tokio::test]
async fn an_idea_is_published_and_another_resident_reads_it() {
    let app = spawn_app().await;
    let aino_joined = app.joined("Aino").await;
    let mut aino = Device::connect(&app, &aino_joined).await;
    let id = submit(&mut aino, &aino_joined, &draft("Penkkejä puistoon", false)).await;
    // Aino's own device gets it pushed.
    wait_published(
        &mut aino,
        aino_joined.project_doc,
        id,
        "the published idea",
        |_| true,
    )
    .await;

    let bea_joined = app.joined("Bea").await;
    let mut bea = Device::connect(&app, &bea_joined).await;
    let seen = wait_published(&mut bea, bea_joined.project_doc, id, "Aino's idea", |_| {
        true
    })
    .await;
    assert_eq!(seen.title, "Penkkejä puistoon");
    assert_eq!(seen.author.as_deref(), Some("Aino"));
    assert_eq!(seen.status, IdeaStatus::Received);
    assert_eq!(seen.supports, 0);
    // Aino's own device gets it pushed too.
    wait_published(
        &mut aino,
        aino_joined.project_doc,
        id,
        "the published idea",
        |_| true,
    )
    .await;
    aino.close().await;
    bea.close().await;
}

#[tokio::test]
async fn an_anonymous_idea_carries_no_trace_of_its_author() {
    let app = spawn_app().await;
    let joined = app.joined("Aino Anonyymi").await;
    let mut phone = Device::connect(&app, &joined).await;
    let id = submit(&mut phone, &joined, &draft("Valaistus polulle", true)).await;
    let seen = wait_published(&mut phone, joined.project_doc, id, "the idea", |_| true).await;
    assert_eq!(seen.author, None);

    let bytes = app
        .stored(joined.project_doc)
        .await
        .to_doc()
        .unwrap()
        .save();
    let member = joined.member_id;
    assert!(!contains(&bytes, member.as_bytes()), "no raw member id");
    assert!(
        !contains(&bytes, member.to_string().as_bytes()),
        "no member id in hex"
    );
    assert!(!contains(&bytes, b"Aino Anonyymi"), "no name");
    phone.close().await;
}

#[tokio::test]
async fn a_member_supporting_from_two_devices_counts_once() {
    let app = spawn_app().await;
    let author_joined = app.joined("Aino").await;
    let mut author = Device::connect(&app, &author_joined).await;
    let id = submit(&mut author, &author_joined, &draft("Suojatie", false)).await;
    wait_published(
        &mut author,
        author_joined.project_doc,
        id,
        "the idea",
        |_| true,
    )
    .await;

    let bea_joined = app.joined("Bea").await;
    let tablet_joined = app.linked(&bea_joined.token).await;
    let mut phone = Device::connect(&app, &bea_joined).await;
    let mut tablet = Device::connect(&app, &tablet_joined).await;
    for device in [&mut phone, &mut tablet] {
        wait_published(device, bea_joined.project_doc, id, "the idea", |_| true).await;
    }
    // Both devices support before either hears of the other's support.
    phone
        .edit(bea_joined.member_doc, |d| {
            member::support(d, id, now()).unwrap()
        })
        .await;
    tablet
        .edit(bea_joined.member_doc, |d| {
            member::support(d, id, now()).unwrap()
        })
        .await;
    phone.sync_doc(bea_joined.member_doc).await;
    tablet.sync_doc(bea_joined.member_doc).await;
    author
        .edit(author_joined.member_doc, |d| {
            member::support(d, id, now()).unwrap()
        })
        .await;
    let seen = wait_published(
        &mut author,
        author_joined.project_doc,
        id,
        "two supports",
        |p| p.supports >= 2,
    )
    .await;
    assert_eq!(seen.supports, 2, "Bea counts once, Aino once");
    phone.sync_doc(bea_joined.member_doc).await;
    assert_eq!(
        published(&stored_doc(&app, bea_joined.project_doc).await, id)
            .unwrap()
            .supports,
        2
    );
    author.close().await;
    phone.close().await;
    tablet.close().await;
}

#[tokio::test]
async fn a_resident_cannot_publish_or_answer() {
    let app = spawn_app().await;
    let joined = app.joined("Aino").await;
    let mut phone = Device::connect(&app, &joined).await;
    let id = submit(&mut phone, &joined, &draft("Kirjaston aukioloajat", false)).await;
    let real = wait_published(&mut phone, joined.project_doc, id, "the idea", |_| true).await;
    phone.sync_doc(joined.member_doc).await;
    let before = app.stored(joined.project_doc).await;

    // A tampered app: a sync message for the project document carrying a forged idea.
    let mut forged = project::new_document();
    set_writer(&mut forged, random_bytes());
    let fake = PublishedIdea {
        id: IdeaId::from_bytes(random_bytes()),
        supports: 500,
        status: IdeaStatus::Accepted,
        ..real.clone()
    };
    project::set_published_idea(&mut forged, &fake).unwrap();
    project::set_published_idea(
        &mut forged,
        &PublishedIdea {
            supports: 99,
            ..real.clone()
        },
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
    let mut ws = app.authed_socket(&joined.token).await;
    send_frame(
        &mut ws,
        &Frame::Sync {
            doc: joined.project_doc,
            message: with_changes,
        },
    )
    .await;
    assert!(matches!(
        next_frame(&mut ws).await,
        Some(Frame::Sync { .. })
    ));

    // An answer written where the hub never reads answers: the member's own document.
    phone
        .edit(joined.member_doc, |d| {
            d.put_object(ROOT, "answers", ObjType::Map).unwrap();
            staff::answer_idea(
                d,
                id,
                &PathStep {
                    status: IdeaStatus::Accepted,
                    note: "Hyväksyn itse".into(),
                    by_name: "Aino".into(),
                    at: now(),
                },
            )
            .unwrap();
        })
        .await;
    phone.sync_doc(joined.member_doc).await;

    assert_eq!(
        app.stored(joined.project_doc).await,
        before,
        "nothing changed"
    );
    let stored = stored_doc(&app, joined.project_doc).await;
    assert_eq!(project::published_ideas(&stored), vec![real]);
    drop(ws);
    phone.close().await;
}

#[tokio::test]
async fn three_distinct_reporters_hide_a_comment_and_an_organiser_restores_it() {
    let app = spawn_app().await;
    let org_joined = app.joined_organiser("Olli Organisaattori").await;
    let staff_doc = org_joined.staff_doc.unwrap();
    let mut org = Device::connect(&app, &org_joined).await;
    let author_joined = app.joined("Aino").await;
    let mut author = Device::connect(&app, &author_joined).await;
    let idea = submit(&mut author, &author_joined, &draft("Suojatie", false)).await;
    let local = CommentId::from_bytes(random_bytes());
    author
        .edit(author_joined.member_doc, |d| {
            member::comment(d, local, idea, "Tämä on tärkeä!", false, now()).unwrap()
        })
        .await;
    let comment = published_comment_id(author_joined.member_id, local);
    let project_doc = author_joined.project_doc;
    wait_published(&mut author, project_doc, idea, "the comment", |p| {
        p.comments.iter().any(|c| c.id == comment && !c.hidden)
    })
    .await;
    let target = ReportTarget::Comment(comment);

    // One resident reporting three times is one report.
    let r1_joined = app.joined("Raportoija 1").await;
    let mut r1 = Device::connect(&app, &r1_joined).await;
    for reason in ["asiaton", "kiusaamista", "roskaposti"] {
        r1.edit(r1_joined.member_doc, |d| {
            member::report(d, target, reason, now()).unwrap()
        })
        .await;
        r1.sync_doc(r1_joined.member_doc).await;
    }
    let hidden = |app: AutoCommit| {
        published(&app, idea)
            .unwrap()
            .comments
            .iter()
            .find(|c| c.id == comment)
            .unwrap()
            .hidden
    };
    assert!(!hidden(stored_doc(&app, project_doc).await));

    // Two more residents: three distinct reporters hide it.
    let mut others = Vec::new();
    for name in ["Raportoija 2", "Raportoija 3"] {
        let joined = app.joined(name).await;
        let mut device = Device::connect(&app, &joined).await;
        device
            .edit(joined.member_doc, |d| {
                member::report(d, target, "asiaton", now()).unwrap()
            })
            .await;
        device.sync_doc(joined.member_doc).await;
        others.push(device);
    }
    wait_published(&mut author, project_doc, idea, "the comment hidden", |p| {
        p.comments.iter().any(|c| c.id == comment && c.hidden)
    })
    .await;

    // The organiser restores it.
    org.sync_doc(staff_doc).await;
    org.edit(staff_doc, |d| {
        staff::moderate(
            d,
            target,
            &Moderation {
                hidden: false,
                reason: "Asiallinen kommentti".into(),
                by_name: "Olli Organisaattori".into(),
                at: now(),
            },
        )
        .unwrap()
    })
    .await;
    wait_published(
        &mut author,
        project_doc,
        idea,
        "the comment restored",
        |p| p.comments.iter().any(|c| c.id == comment && !c.hidden),
    )
    .await;
    for d in [org, author, r1].into_iter().chain(others) {
        d.close().await;
    }
}

#[tokio::test]
async fn an_organisers_answer_shows_in_the_path_and_status() {
    let app = spawn_app().await;
    let org_joined = app.joined_organiser("Olli Organisaattori").await;
    let staff_doc = org_joined.staff_doc.unwrap();
    let mut org = Device::connect(&app, &org_joined).await;
    let joined = app.joined("Aino").await;
    let mut phone = Device::connect(&app, &joined).await;
    let id = submit(&mut phone, &joined, &draft("Penkkejä puistoon", false)).await;
    wait_published(&mut phone, joined.project_doc, id, "the idea", |_| true).await;

    org.sync_doc(staff_doc).await;
    org.edit(staff_doc, |d| {
        staff::answer_idea(
            d,
            id,
            &PathStep {
                status: IdeaStatus::Accepted,
                note: "Kolme penkkiä tulee kesäkuussa.".into(),
                by_name: "Olli Organisaattori".into(),
                at: now(),
            },
        )
        .unwrap();
        staff::set_milestone(
            d,
            id,
            MilestoneId::from_bytes(random_bytes()),
            &Milestone {
                title: "Penkit tilattu".into(),
                done: true,
                at: now(),
            },
        )
        .unwrap();
    })
    .await;
    let seen = wait_published(&mut phone, joined.project_doc, id, "the answer", |p| {
        p.status == IdeaStatus::Accepted
    })
    .await;
    assert_eq!(seen.path.len(), 1);
    assert_eq!(seen.path[0].note, "Kolme penkkiä tulee kesäkuussa.");
    assert_eq!(seen.path[0].by_name, "Olli Organisaattori");
    assert_eq!(seen.milestones.len(), 1);
    assert_eq!(seen.milestones[0].title, "Penkit tilattu");
    org.close().await;
    phone.close().await;
}
