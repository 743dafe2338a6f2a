//! The suite every [`HubStore`] passes. Each function takes a fresh, empty store; the
//! integration tests run them all on SQLite in a temp file and on a real PostgreSQL server.

use super::*;
use crate::tokens;
use kumppani_core::ids::EntryId;
use kumppani_core::model::{member, set_writer, EntryDraft, Mood};
use kumppani_core::time::Timestamp;

fn id16(n: u8) -> [u8; 16] {
    [n; 16]
}

async fn project<S: HubStore + ?Sized>(store: &S, n: u8) -> ProjectId {
    let id = ProjectId::from_bytes(id16(n));
    store
        .create_project(
            id,
            &format!("Projekti {n}"),
            &format!("join-{n}"),
            &format!("org-{n}"),
            1,
        )
        .await
        .unwrap();
    id
}

async fn member_with_device<S: HubStore + ?Sized>(
    store: &S,
    project: ProjectId,
    n: u8,
) -> (MemberRecord, String) {
    let token = tokens::mint_token();
    let member = MemberRecord {
        id: MemberId::from_bytes(id16(n)),
        project,
        display_name: format!("Jäsen {n}"),
        role: Role::Resident,
        member_doc: DocId::from_bytes(id16(n)),
    };
    store
        .create_member(
            &NewMember {
                member: member.clone(),
                member_doc_snapshot: member::new_document().save(),
                device: Some(NewDevice {
                    id: DeviceId::from_bytes(id16(n)),
                    token_hash: tokens::hash_token(&token),
                    name: "puhelin".into(),
                }),
            },
            2,
        )
        .await
        .unwrap();
    (member, token)
}

fn write(doc: &mut automerge::AutoCommit, n: u8) -> Vec<u8> {
    let draft = EntryDraft {
        text: format!("Merkintä {n}"),
        mood: Mood::new(3).unwrap(),
        tags: vec!["testi".into()],
        at: Timestamp(i64::from(n)),
        prompt: None,
    };
    member::add_entry(doc, EntryId::from_bytes([n; 16]), &draft, Timestamp(0)).unwrap();
    member::commit(doc, "test", Timestamp(0));
    doc.save_incremental()
}

/// Projects list with their codes; codes are found by their normalised form; a code is unique.
pub async fn projects_and_codes<S: HubStore + ?Sized>(store: &S) {
    let p = project(store, 1).await;
    let all = store.projects().await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].join_code.as_deref(), Some("join-1"));
    assert_eq!(all[0].organiser_code.as_deref(), Some("org-1"));
    let code = store.code("org-1").await.unwrap().unwrap();
    assert_eq!((code.project, code.kind), (p, CodeKind::Organiser));
    assert!(store.code("nothing").await.unwrap().is_none());
    let clash = store
        .create_project(
            ProjectId::from_bytes(id16(2)),
            "Toinen",
            "join-1",
            "org-2",
            1,
        )
        .await;
    assert!(matches!(clash, Err(StoreError::Conflict(_))), "{clash:?}");
    assert_eq!(
        store.projects().await.unwrap().len(),
        1,
        "a failed create leaves nothing"
    );
}

/// A member comes with their document's metadata and snapshot and their first device.
pub async fn members_devices_and_revocation<S: HubStore + ?Sized>(store: &S) {
    let p = project(store, 1).await;
    let (m, token) = member_with_device(store, p, 5).await;
    assert_eq!(store.member(m.id).await.unwrap(), Some(m.clone()));
    assert_eq!(store.members_of_project(p).await.unwrap(), vec![m.clone()]);
    let meta = store.doc_meta(m.member_doc).await.unwrap().unwrap();
    assert_eq!(
        meta,
        DocMeta {
            kind: DocKind::Member,
            project: p,
            member: Some(m.id)
        }
    );
    let doc = store.load_doc(m.member_doc).await.unwrap();
    assert!(doc.snapshot.is_some() && doc.chunks.is_empty());

    let who = store
        .device_by_token_hash(&tokens::hash_token(&token), 0)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(who.member, m);
    assert!(store
        .device_by_token_hash(&tokens::hash_token("forged"), 0)
        .await
        .unwrap()
        .is_none());
    store.revoke_device(who.device, 10).await.unwrap();
    store.revoke_device(who.device, 20).await.unwrap();
    assert!(store
        .device_by_token_hash(&tokens::hash_token(&token), 0)
        .await
        .unwrap()
        .is_none());
    assert_eq!(
        store.device(who.device).await.unwrap().unwrap().revoked_at,
        Some(10)
    );
}

/// A member's devices list oldest first, without other members' devices or revoked ones.
pub async fn devices_of_a_member_list_oldest_first<S: HubStore + ?Sized>(store: &S) {
    let p = project(store, 1).await;
    let (m, _) = member_with_device(store, p, 5).await;
    let (other, _) = member_with_device(store, p, 6).await;
    store.create_link_code("link-5", &m, 100).await.unwrap();
    let tablet = NewDevice {
        id: DeviceId::from_bytes(id16(7)),
        token_hash: tokens::hash_token(&tokens::mint_token()),
        name: "tabletti".into(),
    };
    assert!(matches!(
        store.redeem_link_code("link-5", 50, &tablet).await.unwrap(),
        Redeemed::Linked(_)
    ));

    let listed = store.devices_of_member(m.id).await.unwrap();
    assert_eq!(
        listed
            .iter()
            .map(|d| (d.id, d.name.as_str(), d.created_at, d.member))
            .collect::<Vec<_>>(),
        vec![
            (DeviceId::from_bytes(id16(5)), "puhelin", 2, m.id),
            (tablet.id, "tabletti", 50, m.id),
        ]
    );
    assert!(listed.iter().all(|d| d.revoked_at.is_none()));
    let others = store.devices_of_member(other.id).await.unwrap();
    assert_eq!(
        others.iter().map(|d| d.id).collect::<Vec<_>>(),
        vec![DeviceId::from_bytes(id16(6))]
    );

    store.revoke_device(tablet.id, 60).await.unwrap();
    let left = store.devices_of_member(m.id).await.unwrap();
    assert_eq!(
        left.iter().map(|d| d.id).collect::<Vec<_>>(),
        vec![DeviceId::from_bytes(id16(5))]
    );
    assert!(store
        .devices_of_member(MemberId::from_bytes(id16(9)))
        .await
        .unwrap()
        .is_empty());
}

/// A link code links one device, once, before it expires.
pub async fn link_codes_are_single_use_and_expire<S: HubStore + ?Sized>(store: &S) {
    let p = project(store, 1).await;
    let (m, _) = member_with_device(store, p, 5).await;
    store.create_link_code("ABCD2345", &m, 1_000).await.unwrap();
    store.create_link_code("EXPD2345", &m, 1_000).await.unwrap();
    let device = |n: u8| NewDevice {
        id: DeviceId::from_bytes(id16(n)),
        token_hash: tokens::hash_token(&n.to_string()),
        name: "tabletti".into(),
    };
    assert_eq!(
        store
            .redeem_link_code("ABCD2345", 500, &device(6))
            .await
            .unwrap(),
        Redeemed::Linked(m.clone())
    );
    assert_eq!(
        store
            .redeem_link_code("ABCD2345", 600, &device(7))
            .await
            .unwrap(),
        Redeemed::AlreadyUsed
    );
    assert_eq!(
        store
            .redeem_link_code("EXPD2345", 1_000, &device(8))
            .await
            .unwrap(),
        Redeemed::Expired
    );
    assert_eq!(
        store
            .redeem_link_code("NONE2345", 1, &device(9))
            .await
            .unwrap(),
        Redeemed::Unknown
    );
    assert_eq!(
        store
            .redeem_link_code("join-1", 1, &device(9))
            .await
            .unwrap(),
        Redeemed::Unknown
    );
    let linked = store
        .device_by_token_hash(&tokens::hash_token("6"), 0)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(linked.member, m);
    assert!(store
        .device(DeviceId::from_bytes(id16(7)))
        .await
        .unwrap()
        .is_none());
}

/// Chunks come back in append order with rising sequence numbers and rebuild the document.
pub async fn chunks_reload_in_order<S: HubStore + ?Sized>(store: &S) {
    let id = DocId::from_bytes(id16(1));
    let mut doc = member::new_document();
    set_writer(&mut doc, [1; 16]);
    let mut written = vec![doc.save_incremental()];
    store.append_chunk(id, &written[0]).await.unwrap();
    for n in 1..=5 {
        let chunk = write(&mut doc, n);
        let appended = store.append_chunk(id, &chunk).await.unwrap();
        assert_eq!(appended.chunks_since_snapshot, usize::from(n) + 1);
        written.push(chunk);
    }
    let stored = store.load_doc(id).await.unwrap();
    let chunks: Vec<Vec<u8>> = stored.chunks.iter().map(|(_, c)| c.clone()).collect();
    assert_eq!(chunks, written);
    assert!(stored.chunks.windows(2).all(|w| w[0].0 < w[1].0));
    let mut reloaded = stored.to_doc().unwrap();
    assert_eq!(reloaded.get_heads(), doc.get_heads());
    assert!(store
        .load_doc(DocId::from_bytes(id16(99)))
        .await
        .unwrap()
        .is_empty());
}

/// Compaction keeps every change, drops only covered chunks, and sequence numbers keep rising.
pub async fn compaction_keeps_content<S: HubStore + ?Sized>(store: &S) {
    let id = DocId::from_bytes(id16(2));
    let mut doc = member::new_document();
    set_writer(&mut doc, [2; 16]);
    store
        .append_chunk(id, &doc.save_incremental())
        .await
        .unwrap();
    for n in 1..=3 {
        store.append_chunk(id, &write(&mut doc, n)).await.unwrap();
    }
    let before = store.load_doc(id).await.unwrap();
    let through = before.last_seq().unwrap();
    let snapshot = before.to_doc().unwrap().save();
    store.append_chunk(id, &write(&mut doc, 4)).await.unwrap();
    store.compact(id, &snapshot, through).await.unwrap();
    let after = store.load_doc(id).await.unwrap();
    assert_eq!(after.snapshot.as_deref(), Some(snapshot.as_slice()));
    assert_eq!(after.chunks.len(), 1);
    assert_eq!(member::entries(&after.to_doc().unwrap()).len(), 4);

    let last = after.last_seq().unwrap();
    store
        .compact(id, &after.to_doc().unwrap().save(), last)
        .await
        .unwrap();
    let appended = store.append_chunk(id, &write(&mut doc, 5)).await.unwrap();
    assert!(
        appended.seq > last,
        "sequence numbers rise past a full compaction"
    );
    assert_eq!(appended.chunks_since_snapshot, 1);
    let mut reloaded = store.load_doc(id).await.unwrap().to_doc().unwrap();
    assert_eq!(member::entries(&reloaded).len(), 5);
    assert_eq!(reloaded.get_heads(), doc.get_heads());
}

/// A node catching up reads only what came after what it has; a compaction that covers
/// less than the stored snapshot (another node's, late) changes nothing.
pub async fn loading_since_and_late_compactions<S: HubStore + ?Sized>(store: &S) {
    let p = project(store, 1).await;
    let (m, _) = member_with_device(store, p, 1).await;
    let id = m.member_doc;
    let first = store.load_doc_since(id, 0).await.unwrap();
    assert!(
        first.snapshot.is_some(),
        "everything includes the first snapshot"
    );
    assert!(first.chunks.is_empty());
    let start = first.last_seq;

    let mut doc = first
        .snapshot
        .as_deref()
        .map(automerge::AutoCommit::load)
        .unwrap()
        .unwrap();
    set_writer(&mut doc, [1; 16]);
    let mut seqs = Vec::new();
    for n in 1..=3 {
        seqs.push(
            store
                .append_chunk(id, &write(&mut doc, n))
                .await
                .unwrap()
                .seq,
        );
    }
    assert!(seqs[0] > start && seqs.windows(2).all(|w| w[0] < w[1]));
    let all = store.load_doc_since(id, 0).await.unwrap();
    assert!(all.snapshot.is_some());
    assert_eq!(all.chunks.len(), 3);
    assert_eq!(all.last_seq, seqs[2]);
    let later = store.load_doc_since(id, seqs[0]).await.unwrap();
    assert!(
        later.snapshot.is_none(),
        "nothing asked for was folded into the snapshot"
    );
    assert_eq!(
        later.chunks.iter().map(|(s, _)| *s).collect::<Vec<_>>(),
        seqs[1..]
    );
    let nothing = store.load_doc_since(id, seqs[2]).await.unwrap();
    assert!(nothing.snapshot.is_none() && nothing.chunks.is_empty());
    assert_eq!(nothing.last_seq, seqs[2]);

    // A compaction through the second chunk: a reader that had only the first gets the
    // snapshot and the third chunk.
    let stale = StoredDoc {
        snapshot: all.snapshot.clone(),
        chunks: all.chunks[..1].to_vec(),
    }
    .to_doc()
    .unwrap()
    .save();
    let two = StoredDoc {
        snapshot: all.snapshot.clone(),
        chunks: all.chunks[..2].to_vec(),
    }
    .to_doc()
    .unwrap()
    .save();
    store.compact(id, &two, seqs[1]).await.unwrap();
    let behind = store.load_doc_since(id, seqs[0]).await.unwrap();
    assert_eq!(behind.snapshot.as_deref(), Some(two.as_slice()));
    assert_eq!(behind.chunks.len(), 1);
    assert_eq!(behind.last_seq, seqs[2]);

    // Another node's late compaction through the first chunk only: nothing changes.
    store.compact(id, &stale, seqs[0]).await.unwrap();
    let kept = store.load_doc(id).await.unwrap();
    assert_eq!(kept.snapshot.as_deref(), Some(two.as_slice()));
    assert_eq!(member::entries(&kept.to_doc().unwrap()).len(), 3);
}

/// Sync states are kept per document and device and replaced on save.
pub async fn sync_states_round_trip<S: HubStore + ?Sized>(store: &S) {
    let (d1, d2) = (DocId::from_bytes(id16(1)), DocId::from_bytes(id16(2)));
    let dev = DeviceId::from_bytes(id16(3));
    assert_eq!(store.sync_state(d1, dev).await.unwrap(), None);
    store.save_sync_state(d1, dev, b"one").await.unwrap();
    store.save_sync_state(d1, dev, b"two").await.unwrap();
    store.save_sync_state(d2, dev, b"other").await.unwrap();
    assert_eq!(
        store.sync_state(d1, dev).await.unwrap().as_deref(),
        Some(&b"two"[..])
    );
    assert_eq!(
        store.sync_state(d2, dev).await.unwrap().as_deref(),
        Some(&b"other"[..])
    );
    assert_eq!(
        store
            .sync_state(d1, DeviceId::from_bytes(id16(4)))
            .await
            .unwrap(),
        None
    );
}

/// A project's first documents, ids 20 (project) and 21 (staff), ticket seed 7s.
fn project_docs() -> NewProjectDocs {
    NewProjectDocs {
        project_doc: DocId::from_bytes(id16(20)),
        staff_doc: DocId::from_bytes(id16(21)),
        project_doc_snapshot: kumppani_core::model::project::new_document().save(),
        staff_doc_snapshot: kumppani_core::model::staff::new_document().save(),
        ticket_seed: [7; 32],
    }
}

/// A project gets its project and staff documents and ticket seed once; a second attach
/// changes nothing.
pub async fn project_docs_attach_once<S: HubStore + ?Sized>(store: &S) {
    let p = project(store, 1).await;
    assert_eq!(store.projects().await.unwrap()[0].project_doc, None);
    assert_eq!(store.ticket_seed(p).await.unwrap(), None);
    let docs = project_docs();
    assert!(store.attach_project_docs(p, &docs).await.unwrap());
    let again = NewProjectDocs {
        project_doc: DocId::from_bytes(id16(30)),
        staff_doc: DocId::from_bytes(id16(31)),
        ticket_seed: [8; 32],
        ..docs.clone()
    };
    assert!(!store.attach_project_docs(p, &again).await.unwrap());
    let record = store.project(p).await.unwrap().unwrap();
    assert_eq!(record.project_doc, Some(docs.project_doc));
    assert_eq!(record.staff_doc, Some(docs.staff_doc));
    assert_eq!(store.ticket_seed(p).await.unwrap(), Some([7; 32]));
    for (doc, kind) in [
        (docs.project_doc, DocKind::Project),
        (docs.staff_doc, DocKind::Staff),
    ] {
        let meta = store.doc_meta(doc).await.unwrap().unwrap();
        assert_eq!((meta.kind, meta.project, meta.member), (kind, p, None));
        assert!(store.load_doc(doc).await.unwrap().snapshot.is_some());
    }
    assert_eq!(store.doc_meta(again.project_doc).await.unwrap(), None);
}

/// Receipts come back per event in the order they were appended.
pub async fn receipts_keep_their_order_per_event<S: HubStore + ?Sized>(store: &S) {
    let p = project(store, 1).await;
    let (a, _) = member_with_device(store, p, 1).await;
    let (b, _) = member_with_device(store, p, 2).await;
    let e1 = EventId::from_bytes(id16(41));
    let e2 = EventId::from_bytes(id16(42));
    store
        .append_receipts(
            p,
            &[
                (e1, b.id, ReceiptKind::Request),
                (e2, a.id, ReceiptKind::Request),
            ],
            5,
        )
        .await
        .unwrap();
    store
        .append_receipts(
            p,
            &[
                (e1, a.id, ReceiptKind::Request),
                (e1, b.id, ReceiptKind::Cancel),
            ],
            6,
        )
        .await
        .unwrap();
    let log = store.receipts(p, e1).await.unwrap();
    let seen: Vec<_> = log.iter().map(|r| (r.member, r.kind)).collect();
    assert_eq!(
        seen,
        vec![
            (b.id, ReceiptKind::Request),
            (a.id, ReceiptKind::Request),
            (b.id, ReceiptKind::Cancel),
        ]
    );
    assert!(log.windows(2).all(|w| w[0].seq < w[1].seq));
    assert_eq!(store.receipts(p, e2).await.unwrap().len(), 1);
    assert!(store
        .receipts(p, EventId::from_bytes(id16(43)))
        .await
        .unwrap()
        .is_empty());
}

/// The audit log keeps each project's actions in order, with who did them, and reads on
/// from a sequence number.
pub async fn audit_log_keeps_order_and_authors<S: HubStore + ?Sized>(store: &S) {
    use kumppani_core::audit::OrganiserAction;
    use kumppani_core::model::staff::ExportKind;
    let p = project(store, 1).await;
    let other = project(store, 2).await;
    let (olli, _) = member_with_device(store, p, 1).await;
    let door = DeviceIdentity {
        device: DeviceId::from_bytes(id16(1)),
        member: olli.clone(),
    };
    let event = EventId::from_bytes(id16(41));
    let checked_in = OrganiserAction::CheckedIn {
        event,
        who: "aada".into(),
    };
    let exported = OrganiserAction::Exported {
        what: ExportKind::Roster,
        event: Some(event),
    };
    store
        .append_audit(p, &door, &[checked_in.clone(), exported.clone()], 7)
        .await
        .unwrap();
    store
        .append_audit(other, &door, std::slice::from_ref(&exported), 8)
        .await
        .unwrap();
    let log = store.audit_log(p, 0, 100).await.unwrap();
    let seen: Vec<_> = log
        .iter()
        .map(|l| (l.at, l.member, l.device, &l.action))
        .collect();
    assert_eq!(
        seen,
        [
            (7, olli.id, door.device, &checked_in),
            (7, olli.id, door.device, &exported),
        ]
    );
    let rest = store.audit_log(p, log[0].seq, 100).await.unwrap();
    assert_eq!(rest.len(), 1, "read on after the first line");
    assert_eq!(
        store.audit_log(p, 0, 1).await.unwrap().len(),
        1,
        "at most the limit"
    );
}

/// A device's token rotates in two steps: the next token works at once and, used once,
/// becomes the token; the one before works on for a while, then not; only the current
/// token can ask for a next one, and two asking at once get one.
pub async fn tokens_rotate_with_a_grace_for_the_old_one<S: HubStore + ?Sized>(store: &S) {
    use super::TokenRotation::{NotCurrent, Pending, Rotated};
    let p = project(store, 1).await;
    let (m, first) = member_with_device(store, p, 1).await;
    let device = DeviceId::from_bytes(id16(1));
    let hash = tokens::hash_token;
    let who = |t: &str, now| {
        let h = hash(t);
        async move {
            store
                .device_by_token_hash(&h, now)
                .await
                .unwrap()
                .map(|d| d.device)
        }
    };
    let rotate = |presented: &str, next: &str, now| {
        let (p, n) = (hash(presented), hash(next));
        async move { store.rotate_token(device, &p, &n, now).await.unwrap() }
    };
    let second = tokens::mint_token();
    assert_eq!(rotate(&first, &second, 0).await, Rotated);
    assert_eq!(
        who(&first, 100).await,
        Some(device),
        "works until the next one is used"
    );
    assert_eq!(
        who(&second, 100).await,
        Some(device),
        "the next one works at once"
    );
    assert_eq!(
        who(&first, 100).await,
        Some(device),
        "the one before, for a while"
    );
    assert_eq!(
        who(&first, 100 + OLD_TOKEN_GRACE_MS).await,
        None,
        "then not"
    );
    // A token rotated away from cannot ask for a next one; the current one can.
    let third = tokens::mint_token();
    assert_eq!(rotate(&first, &third, 200).await, NotCurrent);
    assert_eq!(who(&third, 200).await, None);
    assert_eq!(rotate(&second, &third, 200).await, Rotated);
    // Another tab asking moments later changes nothing: one next token, which works.
    let fourth = tokens::mint_token();
    assert_eq!(rotate(&second, &fourth, 300).await, Pending);
    assert_eq!(who(&fourth, 300).await, None);
    // Long after, the device evidently never got it: a new one replaces it.
    let later = 200 + NEXT_TOKEN_PENDING_MS;
    assert_eq!(rotate(&second, &fourth, later).await, Rotated);
    assert_eq!(who(&third, later).await, None, "replaced");
    assert_eq!(who(&fourth, later).await, Some(device));
    // Revoked, no token of it works or rotates.
    store.revoke_device(device, later).await.unwrap();
    assert_eq!(who(&fourth, later).await, None);
    assert_eq!(who(&second, later).await, None);
    assert_eq!(rotate(&fourth, &first, later).await, NotCurrent);
    assert_eq!(store.devices_of_member(m.id).await.unwrap().len(), 0);
}

/// Erasing a member takes their devices, codes, receipts, sync states and document; with
/// a remainder, a nameless member keeps only that as their document.
pub async fn erasing_a_member_leaves_nothing_of_them<S: HubStore + ?Sized>(store: &S) {
    let p = project(store, 1).await;
    let (a, a_token) = member_with_device(store, p, 1).await;
    let (b, _) = member_with_device(store, p, 2).await;
    let mut doc = member::new_document();
    store
        .append_chunk(a.member_doc, &write(&mut doc, 1))
        .await
        .unwrap();
    store
        .save_sync_state(a.member_doc, DeviceId::from_bytes(id16(1)), b"state")
        .await
        .unwrap();
    store
        .save_sync_state(b.member_doc, DeviceId::from_bytes(id16(1)), b"state")
        .await
        .unwrap();
    store.create_link_code("koodi-a", &a, 99).await.unwrap();
    let event = EventId::from_bytes(id16(41));
    let receipts = [
        (event, a.id, ReceiptKind::Request),
        (event, b.id, ReceiptKind::Request),
    ];
    store.append_receipts(p, &receipts, 5).await.unwrap();

    let open = store.erase_member(a.id, None).await.unwrap();
    assert_eq!(open, vec![DeviceId::from_bytes(id16(1))]);
    assert_eq!(store.member(a.id).await.unwrap(), None);
    assert!(store.devices_of_member(a.id).await.unwrap().is_empty());
    let hash = tokens::hash_token(&a_token);
    assert_eq!(store.device_by_token_hash(&hash, 10).await.unwrap(), None);
    assert_eq!(store.doc_meta(a.member_doc).await.unwrap(), None);
    assert!(store.load_doc(a.member_doc).await.unwrap().is_empty());
    assert_eq!(store.code("koodi-a").await.unwrap(), None);
    let left: Vec<_> = store.receipts(p, event).await.unwrap();
    assert_eq!(left.iter().map(|r| r.member).collect::<Vec<_>>(), [b.id]);
    // Her device's sync state of another document went with the device.
    assert_eq!(
        store
            .sync_state(b.member_doc, DeviceId::from_bytes(id16(1)))
            .await
            .unwrap(),
        None
    );
    let members = store.members_of_project(p).await.unwrap();
    assert_eq!(members.iter().map(|m| m.id).collect::<Vec<_>>(), [b.id]);

    let remainder = DocId::from_bytes(id16(50));
    let snapshot = member::new_document().save();
    store
        .erase_member(b.id, Some((remainder, &snapshot)))
        .await
        .unwrap();
    let kept = store.member(b.id).await.unwrap().unwrap();
    assert!(kept.is_erased());
    assert_eq!(kept.member_doc, remainder);
    assert_eq!(store.doc_meta(b.member_doc).await.unwrap(), None);
    let meta = store.doc_meta(remainder).await.unwrap().unwrap();
    assert_eq!((meta.kind, meta.member), (DocKind::Member, Some(b.id)));
    assert_eq!(
        store.load_doc(remainder).await.unwrap().snapshot.as_deref(),
        Some(&snapshot[..])
    );
    assert!(store.devices_of_member(b.id).await.unwrap().is_empty());
    // Erasing someone unknown (twice, say) changes nothing.
    assert!(store.erase_member(a.id, None).await.unwrap().is_empty());
    // Both wait for the rest of their erasure until it is said to be done.
    let mut pending = vec![(p, a.id), (p, b.id)];
    pending.sort_by_key(|(_, m)| m.to_string());
    assert_eq!(store.pending_erasures().await.unwrap(), pending);
    store.erasure_finished(a.id).await.unwrap();
    assert_eq!(store.pending_erasures().await.unwrap(), [(p, b.id)]);
}

/// A project's documents are swapped for replacements, unless one was appended to since
/// the replacement was read.
pub async fn project_docs_are_replaced_unless_changed_meanwhile<S: HubStore + ?Sized>(store: &S) {
    let p = project(store, 1).await;
    let docs = project_docs();
    assert!(store.attach_project_docs(p, &docs).await.unwrap());
    let mut doc = member::new_document();
    store
        .append_chunk(docs.project_doc, &write(&mut doc, 1))
        .await
        .unwrap();
    store
        .save_sync_state(docs.staff_doc, DeviceId::from_bytes(id16(1)), b"state")
        .await
        .unwrap();
    let replacement = |old: DocId, old_seq: u64, n: u8| Replacement {
        old,
        old_seq,
        new: DocId::from_bytes(id16(n)),
        snapshot: vec![n; 8],
    };
    let stale = store
        .replace_project_docs(
            p,
            &replacement(docs.project_doc, 0, 30),
            &replacement(docs.staff_doc, 0, 31),
        )
        .await;
    assert!(matches!(stale, Err(StoreError::Conflict(_))), "{stale:?}");
    assert_eq!(
        store.project(p).await.unwrap().unwrap().project_doc,
        Some(docs.project_doc)
    );

    store
        .replace_project_docs(
            p,
            &replacement(docs.project_doc, 1, 30),
            &replacement(docs.staff_doc, 0, 31),
        )
        .await
        .unwrap();
    let record = store.project(p).await.unwrap().unwrap();
    assert_eq!(record.project_doc, Some(DocId::from_bytes(id16(30))));
    assert_eq!(record.staff_doc, Some(DocId::from_bytes(id16(31))));
    for old in [docs.project_doc, docs.staff_doc] {
        assert_eq!(store.doc_meta(old).await.unwrap(), None);
        assert!(store.load_doc(old).await.unwrap().is_empty());
    }
    assert_eq!(
        store
            .sync_state(docs.staff_doc, DeviceId::from_bytes(id16(1)))
            .await
            .unwrap(),
        None
    );
    for (n, kind) in [(30, DocKind::Project), (31, DocKind::Staff)] {
        let new = DocId::from_bytes(id16(n));
        let meta = store.doc_meta(new).await.unwrap().unwrap();
        assert_eq!((meta.kind, meta.project, meta.member), (kind, p, None));
        assert_eq!(
            store.load_doc(new).await.unwrap().snapshot,
            Some(vec![n; 8])
        );
    }
    // The ticket seed stays: tickets already handed out keep working.
    assert_eq!(store.ticket_seed(p).await.unwrap(), Some([7; 32]));
}

/// Rows of documents (and devices) that are gone are swept; others stay.
pub async fn orphan_rows_are_swept<S: HubStore + ?Sized>(store: &S) {
    let p = project(store, 1).await;
    let (a, _) = member_with_device(store, p, 1).await;
    let gone = DocId::from_bytes(id16(60));
    let mut doc = member::new_document();
    store.append_chunk(gone, &write(&mut doc, 1)).await.unwrap();
    store.compact(gone, b"snap", 1).await.unwrap();
    store.append_chunk(gone, &write(&mut doc, 2)).await.unwrap();
    let device = DeviceId::from_bytes(id16(1));
    store.save_sync_state(gone, device, b"s").await.unwrap();
    store
        .save_sync_state(a.member_doc, device, b"kept")
        .await
        .unwrap();
    store
        .save_sync_state(a.member_doc, DeviceId::from_bytes(id16(61)), b"nobody's")
        .await
        .unwrap();
    store
        .append_chunk(a.member_doc, &write(&mut member::new_document(), 3))
        .await
        .unwrap();

    assert!(store.sweep_orphans().await.unwrap() >= 4);
    assert!(store.load_doc(gone).await.unwrap().is_empty());
    assert_eq!(store.sync_state(gone, device).await.unwrap(), None);
    assert_eq!(
        store
            .sync_state(a.member_doc, device)
            .await
            .unwrap()
            .as_deref(),
        Some(&b"kept"[..])
    );
    assert_eq!(
        store
            .sync_state(a.member_doc, DeviceId::from_bytes(id16(61)))
            .await
            .unwrap(),
        None
    );
    assert_eq!(store.load_doc(a.member_doc).await.unwrap().chunks.len(), 1);
    assert_eq!(store.sweep_orphans().await.unwrap(), 0);
}
