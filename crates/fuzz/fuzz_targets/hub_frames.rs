//! The hub's frame handler with its real store (SQLite in a temporary file) behind it: a
//! signed-in resident or organiser, or anyone with a first frame of their own, sends any
//! frames: raw bytes, sync frames with any message for any document, and real sync
//! messages of documents edited at random. The hub never panics, and no change made by the
//! device lands in a document it may not write: another resident's member document, and
//! for a resident the project and staff documents.
#![no_main]

use arbitrary::Arbitrary;
use automerge::{ActorId, AutoCommit};
use kumppani_core::docsync::PeerSync;
use kumppani_core::ids::DocId;
use kumppani_core::wire::Frame;
use kumppani_fuzz::{apply_edits, Edit};
use kumppani_hub::config::Config;
use kumppani_hub::connection::{authenticate, Step};
use kumppani_hub::projects::create_project;
use kumppani_hub::routes::join::{create_member, new_device};
use kumppani_hub::state::AppState;
use kumppani_hub::store::{self, Role};
use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

/// Frames per input: bounds each run's time.
const MAX_MOVES: usize = 24;
/// Inputs one hub serves before a fresh one takes over: its documents grow with every
/// input, and memory must stay bounded over a long run.
const INPUTS_PER_HUB: u32 = 256;

#[derive(Arbitrary, Debug)]
enum Move {
    /// Any bytes as a frame.
    Raw(Vec<u8>),
    /// A sync frame with any message, for one of the documents.
    Sync { doc: u8, message: Vec<u8> },
    /// Random edits to the device's copy of one document, then its real sync message.
    Edit { doc: u8, edits: Vec<Edit> },
}

#[derive(Arbitrary, Debug)]
struct Input {
    /// 0: a resident, 1: an organiser.
    who: u8,
    /// A first frame of the input's own instead of the device's `Auth`.
    first: Option<Vec<u8>>,
    moves: Vec<Move>,
}

struct Hub {
    runtime: tokio::runtime::Runtime,
    state: AppState,
    tokens: [String; 2],
    /// Own member document, project, staff, another resident's member document, unknown.
    docs: [DocId; 5],
    /// Documents a resident may not write, and whether an organiser may.
    protected: [(DocId, bool); 3],
    /// The hub's own writer: its derivations write into those documents.
    hub_actor: ActorId,
    _dir: tempfile::TempDir,
}

thread_local! {
    static HUB: RefCell<Option<(Hub, u32)>> = const { RefCell::new(None) };
}

fn new_hub() -> Hub {
    {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        // tmpfs when there is one: the store fsyncs every change.
        let dir = tempfile::tempdir_in("/dev/shm")
            .or_else(|_| tempfile::tempdir())
            .unwrap();
        let (state, tokens, docs, protected) = runtime.block_on(async {
            let store = store::open(None, &dir.path().join("hub.sqlite3"))
                .await
                .unwrap();
            let state = AppState::new(store.clone(), Config::local(dir.path()));
            let project = create_project(store.as_ref(), "Fuzz").await.unwrap();
            let record = store.project(project.id).await.unwrap().unwrap();
            let member = |name: &str, role| {
                let (device, token) = new_device(name.into());
                let state = state.clone();
                let name = name.to_owned();
                async move {
                    let m = create_member(&state, project.id, name, role, Some(device))
                        .await
                        .unwrap();
                    (m.member_doc, token)
                }
            };
            let (resident_doc, resident) = member("Aada", Role::Resident).await;
            let (_, organiser) = member("Olli", Role::Organiser).await;
            let (other_doc, _) = member("Bertta", Role::Resident).await;
            let (project_doc, staff_doc) = (record.project_doc.unwrap(), record.staff_doc.unwrap());
            let docs = [
                resident_doc,
                project_doc,
                staff_doc,
                other_doc,
                DocId::from_bytes([0xee; 16]),
            ];
            let protected = [(other_doc, false), (project_doc, true), (staff_doc, true)];
            (state, [resident, organiser], docs, protected)
        });
        let hub_actor = ActorId::from(&state.hub_actor[..]);
        Hub {
            runtime,
            state,
            tokens,
            docs,
            protected,
            hub_actor,
            _dir: dir,
        }
    }
}

async fn actors(state: &AppState, doc: DocId) -> BTreeSet<ActorId> {
    let mut doc = state.store.load_doc(doc).await.unwrap().to_doc().unwrap();
    doc.get_changes(&[])
        .iter()
        .map(|c| c.actor_id().clone())
        .collect()
}

/// The device's side of each document: its copy and its sync state with the hub.
#[derive(Default)]
struct Device {
    copies: HashMap<DocId, (AutoCommit, PeerSync)>,
}

impl Device {
    fn copy(&mut self, doc: DocId) -> &mut (AutoCommit, PeerSync) {
        self.copies
            .entry(doc)
            .or_insert_with(|| (AutoCommit::new(), PeerSync::new()))
    }

    /// Takes in the hub's sync replies, as a device would.
    fn hear(&mut self, step: &Step) {
        for frame in &step.send {
            if let Frame::Sync { doc, message } = frame {
                let (copy, peer) = self.copy(*doc);
                let _ = peer.receive(copy, message);
            }
        }
    }
}

async fn run(hub: &Hub, input: &Input) {
    let state = &hub.state;
    let first = match &input.first {
        Some(bytes) => bytes.clone(),
        None => Frame::Auth {
            token: hub.tokens[usize::from(input.who) % 2].clone(),
        }
        .encode(),
    };
    let Ok((mut conn, welcome)) = authenticate(state, &first).await else {
        return;
    };
    let mut device = Device::default();
    device.hear(&welcome);
    let organiser = input.first.is_none() && input.who % 2 == 1;
    // Who had written each protected document before this input (earlier inputs'
    // organisers included), and the hub: no one else may have written it after.
    let mut allowed = Vec::new();
    for (doc, _) in &hub.protected {
        let mut writers = actors(state, *doc).await;
        writers.insert(hub.hub_actor.clone());
        allowed.push(writers);
    }
    for mv in input.moves.iter().take(MAX_MOVES) {
        let bytes = match mv {
            Move::Raw(bytes) => bytes.clone(),
            Move::Sync { doc, message } => Frame::Sync {
                doc: hub.docs[usize::from(*doc) % hub.docs.len()],
                message: message.clone(),
            }
            .encode(),
            Move::Edit { doc, edits } => {
                let doc = hub.docs[usize::from(*doc) % hub.docs.len()];
                let (copy, peer) = device.copy(doc);
                apply_edits(copy, edits);
                let Some(message) = peer.poll_message(copy) else {
                    continue;
                };
                Frame::Sync { doc, message }.encode()
            }
        };
        let step = conn.handle_frame(state, &bytes).await;
        device.hear(&step);
        if step.close {
            break;
        }
    }
    conn.finish(state).await;
    for ((doc, organisers_write), allowed) in hub.protected.iter().zip(&allowed) {
        if organiser && *organisers_write {
            continue;
        }
        let now = actors(state, *doc).await;
        assert!(
            now.is_subset(allowed),
            "a device's change landed in {doc}, which it may not write"
        );
    }
}

fuzz_target!(|input: Input| {
    HUB.with_borrow_mut(|slot| {
        if slot
            .as_ref()
            .is_none_or(|(_, served)| *served >= INPUTS_PER_HUB)
        {
            *slot = None; // the old hub goes first: one temporary database at a time
            *slot = Some((new_hub(), 0));
        }
        let (hub, served) = slot.as_mut().expect("just made");
        *served += 1;
        hub.runtime.block_on(run(hub, &input));
    });
});
