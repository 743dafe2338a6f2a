//! A simulated network for sync stories: one hub, devices running the real
//! `ClientSession`, frames in queues that a test can drop at any point.
#![allow(dead_code)]

use automerge::AutoCommit;
use kumppani_core::docsync::PeerSync;
use kumppani_core::ids::{DeviceId, DocId, EntryId, MemberId, ProjectId};
use kumppani_core::model::{member, set_writer, EntryDraft, Mood};
use kumppani_core::session::{ClientSession, SessionInput, SessionOutput};
use kumppani_core::time::Timestamp;
use kumppani_core::wire::{DocKind, ErrorCode, Frame, Welcome};
use std::collections::{HashMap, VecDeque};

pub const TOKEN: &str = "device-token";
pub const MEMBER_DOC: DocId = DocId::from_bytes([42; 16]);
pub const NOW: Timestamp = Timestamp(1_800_000_000_000);

/// The hub's side, reduced to what sync needs: one document, a sync state per device
/// that survives disconnects the way the real hub persists it.
pub struct SimHub {
    pub doc: AutoCommit,
    saved_states: HashMap<usize, Vec<u8>>,
    live: HashMap<usize, PeerSync>,
    /// Devices past `Auth`: the hub pushes changes only to these, as the real one does.
    authenticated: std::collections::HashSet<usize>,
}

impl SimHub {
    pub fn new() -> Self {
        let mut doc = member::new_document();
        set_writer(&mut doc, [200; 16]);
        Self {
            doc,
            saved_states: HashMap::new(),
            live: HashMap::new(),
            authenticated: Default::default(),
        }
    }

    pub fn connect(&mut self, device: usize) {
        let peer = self
            .saved_states
            .get(&device)
            .and_then(|b| PeerSync::restore(b).ok())
            .unwrap_or_default();
        self.live.insert(device, peer);
    }

    pub fn disconnect(&mut self, device: usize) {
        self.authenticated.remove(&device);
        if let Some(mut peer) = self.live.remove(&device) {
            peer.reset_connection();
            self.saved_states.insert(device, peer.encode());
        }
    }

    /// Handles one frame from `device`; returns the frames for it, and the devices whose
    /// peers may now have something to say (changes arrived).
    pub fn handle(&mut self, device: usize, bytes: &[u8]) -> (Vec<Vec<u8>>, bool) {
        let mut out = Vec::new();
        let mut changed = false;
        match Frame::decode(bytes) {
            Ok(Frame::Auth { token }) if token == TOKEN => {
                self.authenticated.insert(device);
                out.push(
                    Frame::Welcome(Welcome {
                        project: ProjectId::from_bytes([1; 16]),
                        member: MemberId::from_bytes([2; 16]),
                        device: DeviceId::from_bytes([device as u8; 16]),
                        hub_time_ms: NOW.millis(),
                        docs: vec![(MEMBER_DOC, DocKind::Member)],
                    })
                    .encode(),
                )
            }
            Ok(Frame::Sync { doc, message }) if doc == MEMBER_DOC => {
                let peer = self.live.get_mut(&device).expect("connected");
                changed = peer
                    .receive(&mut self.doc, &message)
                    .expect("valid message")
                    .changed;
                self.saved_states.insert(device, peer.encode());
                if let Some(reply) = peer.poll_message(&mut self.doc) {
                    out.push(
                        Frame::Sync {
                            doc,
                            message: reply,
                        }
                        .encode(),
                    );
                }
            }
            Ok(Frame::Sync { doc, .. }) => out.push(Frame::Unavailable { doc }.encode()),
            Ok(Frame::Error { .. }) => {}
            _ => out.push(
                Frame::Error {
                    code: ErrorCode::Malformed,
                    message: "unexpected".into(),
                }
                .encode(),
            ),
        }
        (out, changed)
    }

    /// Frames the hub pushes to `device` because the document changed elsewhere.
    pub fn push_to(&mut self, device: usize) -> Vec<Vec<u8>> {
        if !self.authenticated.contains(&device) {
            return Vec::new();
        }
        match self.live.get_mut(&device) {
            Some(peer) => peer
                .poll_message(&mut self.doc)
                .map(|m| {
                    vec![Frame::Sync {
                        doc: MEMBER_DOC,
                        message: m,
                    }
                    .encode()]
                })
                .unwrap_or_default(),
            None => Vec::new(),
        }
    }
}

/// A device: the real session plus a "store" that keeps what the session asked to save.
pub struct SimDevice {
    pub session: ClientSession,
    pub saved_chunks: Vec<Vec<u8>>,
    pub saved_state: Option<Vec<u8>>,
    pub to_hub: VecDeque<Vec<u8>>,
    pub from_hub: VecDeque<Vec<u8>>,
    pub connected: bool,
    next_entry: u8,
    pub id: usize,
}

impl SimDevice {
    pub fn new(id: usize) -> Self {
        let mut session = ClientSession::new(TOKEN.into(), [id as u8 + 1; 16]);
        let mut doc = member::new_document();
        let first = doc.save();
        session.add_doc(MEMBER_DOC, doc, None);
        Self {
            session,
            saved_chunks: vec![first],
            saved_state: None,
            to_hub: VecDeque::new(),
            from_hub: VecDeque::new(),
            connected: false,
            next_entry: 0,
            id,
        }
    }

    pub fn apply(&mut self, out: SessionOutput) {
        // The order the driver keeps: chunks, then sync states, then frames.
        for (_, chunk) in out.save_chunks {
            self.saved_chunks.push(chunk);
        }
        for (_, state) in out.save_sync_states {
            self.saved_state = Some(state);
        }
        if self.connected {
            self.to_hub.extend(out.send);
        }
        if out.close.is_some() {
            self.connected = false;
        }
    }

    pub fn write(&mut self, text: &str) -> EntryId {
        self.next_entry += 1;
        let id = EntryId::from_bytes([
            self.id as u8 + 1,
            self.next_entry,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
        ]);
        let draft = EntryDraft {
            text: text.into(),
            mood: Mood::new(3).unwrap(),
            tags: vec![],
            at: Timestamp(i64::from(self.next_entry)),
            prompt: None,
        };
        let (_, out) = self
            .session
            .edit(&MEMBER_DOC, |doc| {
                member::add_entry(doc, id, &draft, NOW)?;
                member::commit(doc, "write", NOW);
                Ok::<_, member::MemberDocError>(())
            })
            .expect("edit works");
        self.apply(out);
        id
    }

    pub fn texts(&self) -> Vec<String> {
        let mut t: Vec<String> = member::entries(self.session.doc(&MEMBER_DOC).unwrap())
            .into_iter()
            .map(|e| e.text)
            .collect();
        t.sort();
        t
    }

    /// The device restarted: the session is rebuilt from what it saved, nothing else.
    pub fn restart(&mut self) {
        let mut doc = AutoCommit::new();
        for chunk in &self.saved_chunks {
            doc.load_incremental(chunk).expect("saved chunks load");
        }
        let _ = doc.save_incremental();
        let mut session = ClientSession::new(TOKEN.into(), [self.id as u8 + 100; 16]);
        session.add_doc(MEMBER_DOC, doc, self.saved_state.as_deref());
        self.session = session;
        self.connected = false;
        self.to_hub.clear();
        self.from_hub.clear();
    }
}

pub struct Net {
    pub hub: SimHub,
    pub devices: Vec<SimDevice>,
    /// Bytes of automerge changes each device sent in Sync frames, for counting.
    pub change_bytes_sent: Vec<usize>,
}

impl Net {
    pub fn new(devices: usize) -> Self {
        Self {
            hub: SimHub::new(),
            devices: (0..devices).map(SimDevice::new).collect(),
            change_bytes_sent: vec![0; devices],
        }
    }

    pub fn connect(&mut self, d: usize) {
        self.hub.connect(d);
        let dev = &mut self.devices[d];
        dev.connected = true;
        let out = dev.session.handle(NOW, SessionInput::Connected);
        dev.apply(out);
    }

    /// The connection breaks: whatever was in flight either way is lost.
    pub fn break_connection(&mut self, d: usize) {
        self.hub.disconnect(d);
        let dev = &mut self.devices[d];
        dev.connected = false;
        dev.to_hub.clear();
        dev.from_hub.clear();
        let out = dev.session.handle(NOW, SessionInput::Disconnected);
        dev.apply(out);
    }

    /// Delivers one frame, if any is queued; returns whether anything moved.
    pub fn step(&mut self) -> bool {
        for d in 0..self.devices.len() {
            if let Some(frame) = self.devices[d].to_hub.pop_front() {
                if let Ok(Frame::Sync { message, .. }) = Frame::decode(&frame) {
                    let m = automerge::sync::Message::decode(&message).unwrap();
                    self.change_bytes_sent[d] += m.changes.iter().map(|c| c.len()).sum::<usize>();
                }
                let (replies, changed) = self.hub.handle(d, &frame);
                self.devices[d].from_hub.extend(replies);
                if changed {
                    for other in (0..self.devices.len()).filter(|o| *o != d) {
                        let pushed = self.hub.push_to(other);
                        self.devices[other].from_hub.extend(pushed);
                    }
                }
                return true;
            }
            if let Some(frame) = self.devices[d].from_hub.pop_front() {
                let dev = &mut self.devices[d];
                let out = dev.session.handle(NOW, SessionInput::Received(frame));
                dev.apply(out);
                return true;
            }
        }
        false
    }

    /// Runs until no frame moves, with a bound so a livelock fails the test.
    pub fn run_until_idle(&mut self) {
        for _ in 0..10_000 {
            if !self.step() {
                return;
            }
        }
        panic!("sync did not go quiet within 10,000 frames");
    }

    pub fn hub_texts(&self) -> Vec<String> {
        let mut t: Vec<String> = member::entries(&self.hub.doc)
            .into_iter()
            .map(|e| e.text)
            .collect();
        t.sort();
        t
    }
}
