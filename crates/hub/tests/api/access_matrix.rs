//! The whole access matrix over real WebSockets: for each role and each document kind, may
//! a device read it, may it write it; and where the answer is no, the device received
//! nothing of the document and the stored document did not change by a byte.
//!
//! Each role's attempts run against a fresh hub, so one role's writes never become another
//! role's "before".

use crate::helpers::{next_frame, send_frame, spawn_app, Device, TestApp};
use automerge::transaction::Transactable;
use automerge::{AutoCommit, ChangeHash, ReadDoc, ROOT};
use kumppani_core::api::JoinResponse;
use kumppani_core::docsync::PeerSync;
use kumppani_core::ids::DocId;
use kumppani_core::wire::{DocKind, Frame};
use kumppani_hub::projects::create_project;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The resident whose member document it is.
    Owner,
    OtherResident,
    OrganiserOfThisProject,
    OrganiserOfAnotherProject,
    /// The owner's tablet, revoked from the owner's phone.
    RevokedDevice,
    /// A socket that never authenticates.
    NoToken,
}

/// A document of the project, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// The owner's member document.
    OwnersMember,
    Project,
    Staff,
}

const YES: bool = true;
const NO: bool = false;

/// (role, document, may read, may write)
const MATRIX: &[(Role, Target, bool, bool)] = &[
    (Role::Owner, Target::OwnersMember, YES, YES),
    (Role::Owner, Target::Project, YES, NO),
    (Role::Owner, Target::Staff, NO, NO),
    (Role::OtherResident, Target::OwnersMember, NO, NO),
    (Role::OtherResident, Target::Project, YES, NO),
    (Role::OtherResident, Target::Staff, NO, NO),
    (Role::OrganiserOfThisProject, Target::OwnersMember, NO, NO),
    (Role::OrganiserOfThisProject, Target::Project, YES, YES),
    (Role::OrganiserOfThisProject, Target::Staff, YES, YES),
    (
        Role::OrganiserOfAnotherProject,
        Target::OwnersMember,
        NO,
        NO,
    ),
    (Role::OrganiserOfAnotherProject, Target::Project, NO, NO),
    (Role::OrganiserOfAnotherProject, Target::Staff, NO, NO),
    (Role::RevokedDevice, Target::OwnersMember, NO, NO),
    (Role::RevokedDevice, Target::Project, NO, NO),
    (Role::RevokedDevice, Target::Staff, NO, NO),
    (Role::NoToken, Target::OwnersMember, NO, NO),
    (Role::NoToken, Target::Project, NO, NO),
    (Role::NoToken, Target::Staff, NO, NO),
];

/// A read-only write never reaches "in sync" (the hub drops the change); the attempt ends
/// when the hub has been silent this long. The hub stores a change before it answers, so
/// an applied write would already be in the store.
const QUIET: Duration = Duration::from_millis(700);

/// A hub with one project whose three documents all hold data, and someone in every role.
struct World {
    app: TestApp,
    owner: JoinResponse,
    revoked_tablet: JoinResponse,
    other: JoinResponse,
    organiser: JoinResponse,
    foreign_organiser: JoinResponse,
}

impl World {
    async fn new() -> Self {
        let app = spawn_app().await;
        let owner = app.joined("Aino Virtanen").await;
        let mut phone = Device::connect(&app, &owner).await;
        phone.write("Aamulla jännitti, illalla helpotti.").await;
        phone.sync().await;
        phone.close().await;
        let revoked_tablet = app.linked(&owner.token).await;
        let res = app.revoke(&owner.token, revoked_tablet.device_id).await;
        assert_eq!(res.status(), 204);
        let other = app.joined("Pekka Korhonen").await;
        let organiser = app.joined_organiser("Sari Ohjaaja").await;
        let elsewhere = create_project(app.store.as_ref(), "Toinen kaupunginosa")
            .await
            .unwrap();
        let res = app.join(&elsewhere.organiser_code, "Vieras Ohjaaja").await;
        assert_eq!(res.status(), 200);
        let foreign_organiser = res.json().await.unwrap();
        let world = World {
            app,
            owner,
            revoked_tablet,
            other,
            organiser,
            foreign_organiser,
        };
        for target in [Target::OwnersMember, Target::Project, Target::Staff] {
            let stored = world.app.stored(world.doc(target)).await;
            let heads = stored.to_doc().unwrap().get_heads();
            assert!(!heads.is_empty(), "{target:?} holds data to be read");
        }
        world
    }

    fn doc(&self, target: Target) -> DocId {
        match target {
            Target::OwnersMember => self.owner.member_doc,
            Target::Project => self.owner.project_doc,
            Target::Staff => self
                .organiser
                .staff_doc
                .expect("organisers get the staff doc"),
        }
    }

    fn token(&self, role: Role) -> Option<&str> {
        match role {
            Role::Owner => Some(&self.owner.token),
            Role::OtherResident => Some(&self.other.token),
            Role::OrganiserOfThisProject => Some(&self.organiser.token),
            Role::OrganiserOfAnotherProject => Some(&self.foreign_organiser.token),
            Role::RevokedDevice => Some(&self.revoked_tablet.token),
            Role::NoToken => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Read,
    Write,
}

/// What one attempt showed.
#[derive(Debug)]
struct Seen {
    /// The hub's `Welcome` listed the document.
    welcomed: bool,
    /// Changes of the hub's the device ended up with.
    received_changes: usize,
    /// The device ended up with everything the hub had stored.
    has_all: bool,
    /// The device's change is in the store.
    wrote: bool,
    /// The stored document is byte for byte what it was before the attempt.
    unchanged: bool,
}

/// Syncs `doc` over a fresh socket as the holder of `token` would (with one change of its
/// own for a write), until in sync, refused, closed or quiet.
async fn attempt(app: &TestApp, token: Option<&str>, doc: DocId, op: Op) -> Seen {
    let before = app.stored(doc).await;
    let stored_heads = before.to_doc().unwrap().get_heads();
    let mut ws = app.socket().await;
    let mut welcomed = false;
    if let Some(token) = token {
        send_frame(
            &mut ws,
            &Frame::Auth {
                token: token.into(),
            },
        )
        .await;
        match next_frame(&mut ws).await {
            Some(Frame::Welcome(w)) => welcomed = w.docs.iter().any(|(d, _)| *d == doc),
            Some(Frame::Error { .. }) | None => {}
            Some(other) => panic!("expected Welcome or Error, got {other:?}"),
        }
    }
    let mut local = AutoCommit::new();
    let mine: Vec<ChangeHash> = match op {
        Op::Read => Vec::new(),
        Op::Write => {
            local.put(ROOT, "tunkeilija", "kirjoitti tähän").unwrap();
            local.commit();
            local.get_heads()
        }
    };
    let mut peer = PeerSync::new();
    let mut heard = false;
    loop {
        if let Some(message) = peer.poll_message(&mut local) {
            send_frame(&mut ws, &Frame::Sync { doc, message }).await;
        }
        if heard && peer.in_sync(&mut local) {
            break;
        }
        match tokio::time::timeout(QUIET, next_frame(&mut ws)).await {
            Ok(Some(Frame::Sync { doc: d, message })) if d == doc => {
                heard = true;
                peer.receive(&mut local, &message).unwrap();
            }
            Ok(Some(Frame::Sync { doc: d, .. })) => panic!("the hub sent {d}, not asked for"),
            // Refused, failed, closed, or silent: the attempt is over.
            Ok(Some(Frame::Unavailable { .. } | Frame::Error { .. }) | None) | Err(_) => break,
            Ok(Some(other)) => panic!("unexpected frame {other:?}"),
        }
    }
    let after = app.stored(doc).await;
    let after_doc = after.to_doc().unwrap();
    Seen {
        welcomed,
        received_changes: local.get_changes(&[]).len() - mine.len(),
        has_all: stored_heads
            .iter()
            .all(|h| local.get_change_by_hash(h).is_some()),
        wrote: !mine.is_empty()
            && mine
                .iter()
                .all(|h| after_doc.get_change_by_hash(h).is_some()),
        unchanged: after == before,
    }
}

#[tokio::test]
async fn every_role_reads_and_writes_exactly_what_the_matrix_allows() {
    let roles = [
        Role::Owner,
        Role::OtherResident,
        Role::OrganiserOfThisProject,
        Role::OrganiserOfAnotherProject,
        Role::RevokedDevice,
        Role::NoToken,
    ];
    let mut failures = Vec::new();
    for role in roles {
        let world = World::new().await;
        for &(_, target, may_read, may_write) in MATRIX.iter().filter(|(r, ..)| *r == role) {
            let doc = world.doc(target);
            let token = world.token(role);

            let read = attempt(&world.app, token, doc, Op::Read).await;
            let read_ok = if may_read {
                read.welcomed && read.has_all && read.unchanged
            } else {
                !read.welcomed && read.received_changes == 0 && read.unchanged
            };
            if !read_ok {
                failures.push(format!("{role:?} reading {target:?}: {read:?}"));
            }

            let write = attempt(&world.app, token, doc, Op::Write).await;
            let write_ok = if may_write {
                write.wrote
            } else {
                !write.wrote
                    && write.unchanged
                    // A reader may still receive the document while its change is dropped.
                    && (may_read || write.received_changes == 0)
            };
            if !write_ok {
                failures.push(format!("{role:?} writing {target:?}: {write:?}"));
            }
        }
        // The matrix names every document for every role.
        assert_eq!(MATRIX.iter().filter(|(r, ..)| *r == role).count(), 3);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The documents a `Welcome` lists are exactly those of the matrix a role may read, of the
/// right kinds: the app opens what the hub lists, so an extra one would be read.
#[tokio::test]
async fn the_welcome_lists_exactly_the_readable_documents() {
    let world = World::new().await;
    for (role, kinds) in [
        (Role::Owner, vec![DocKind::Member, DocKind::Project]),
        (Role::OtherResident, vec![DocKind::Member, DocKind::Project]),
        (
            Role::OrganiserOfThisProject,
            vec![DocKind::Member, DocKind::Project, DocKind::Staff],
        ),
    ] {
        let token = world.token(role).unwrap();
        let mut ws = world.app.socket().await;
        send_frame(
            &mut ws,
            &Frame::Auth {
                token: token.into(),
            },
        )
        .await;
        let Some(Frame::Welcome(w)) = next_frame(&mut ws).await else {
            panic!("{role:?} is welcomed");
        };
        let got: Vec<DocKind> = w.docs.iter().map(|(_, k)| *k).collect();
        assert_eq!(got, kinds, "{role:?}");
        for &(_, target, may_read, _) in MATRIX.iter().filter(|(r, ..)| *r == role) {
            let listed = w.docs.iter().any(|(d, _)| *d == world.doc(target));
            // Another member's document is refused and not listed; one's own is listed.
            assert_eq!(listed, may_read, "{role:?} and {target:?}");
        }
    }
}
