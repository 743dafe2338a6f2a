//! The sync driver: one async loop that owns the store, core's [`ClientSession`] and the
//! WebSocket, carries out the session's outputs, and publishes [`AppState`] for the views.
//!
//! It syncs when the connection opens, after each local change, and on a periodic tick, and
//! reconnects with backoff. Every local change is durable in the device store before its
//! command is answered; a failed save is rolled back so that retrying cannot double an entry.

use super::command::{clean_themes, Command};
use super::hub_api;
use super::identity::{sync_state_key, Identity, IDENTITY_KEY};
use super::platform::{self, connect, DeviceStore, FrameSink, FrameStream, Incoming};
use super::profiles::{Profiles, DEVICE_DB, PROFILES_KEY};
use super::store_error::StoreError;
use crate::i18n::words;
use crate::state::{AppState, Door, Phase, Profile, ProfileCard, Visibility};
use crate::sync::core_error::Explain;
use automerge::AutoCommit;
use dioxus::prelude::*;
use futures::channel::mpsc::UnboundedReceiver;
use futures::future::LocalBoxFuture;
use futures::{FutureExt, StreamExt};
use kumppani_core::api::{Contributions, JoinResponse};
use kumppani_core::backoff::Backoff;
use kumppani_core::derive::ideas::{
    inbox as inbox_changes, published_comment_id, published_idea_id, InboxItem,
};
use kumppani_core::door;
use kumppani_core::ids::{
    CommentId, DeviceId, DocId, EntryId, EventId, ExportId, IdeaId, MilestoneId, ProfileId,
    PromptId, WalkInId,
};
use kumppani_core::model::event::Event;
use kumppani_core::model::idea::{IdeaDraft, Milestone, PathStep, PublishedIdea, ReportTarget};
use kumppani_core::model::staff::{ExportKind, ExportRecord, IdeaLink, Moderation};
use kumppani_core::model::{self, member, private_diary, project, staff, DiaryEntry};
use kumppani_core::session::EditError;
use kumppani_core::session::{ClientSession, SessionEvent, SessionInput, SessionOutput};
use kumppani_core::status::Connection;
use kumppani_core::store::{DocStore, SealedStore, StoredDoc};
use kumppani_core::time::Timestamp;
use kumppani_core::wire::DocKind;
use std::collections::BTreeMap;
use std::collections::BTreeSet;
use std::collections::HashMap;

mod commands;
mod diary;
mod profiles;
mod replaced;
mod token;
mod views;

/// The open profile's store (IndexedDB, or files natively), every value sealed with the
/// profile's key.
type ProfileStore = SealedStore<DeviceStore>;
/// What the member last saw of each sign-up (JSON), for the change markers.
const SEEN_KEY: &str = "seen_signups";
/// The inbox of idea news (JSON, see `InboxStore`).
const INBOX_KEY: &str = "idea_inbox";

/// The documents an identity syncs, with their kinds.
fn documents_of(identity: &Identity) -> Vec<(DocId, DocKind)> {
    let j = &identity.join;
    let mut docs = vec![
        (j.member_doc, DocKind::Member),
        (j.project_doc, DocKind::Project),
    ];
    if let Some(staff) = j.staff_doc {
        docs.push((staff, DocKind::Staff));
    }
    docs
}

/// How often a connected device offers anything new, beside change-driven sync.
const TICK_MS: u32 = 20_000;

enum Wake {
    Command(Option<Command>),
    Socket(Option<Incoming>),
    Opened(Result<(FrameSink, FrameStream), String>),
    Timer,
}

pub async fn run(mut rx: UnboundedReceiver<Command>, state: Signal<AppState>) {
    let mut d = Driver::new(state);
    d.load().await;
    let mut stream: Option<FrameStream> = None;
    type Opening = LocalBoxFuture<'static, Result<(FrameSink, FrameStream), String>>;
    let mut opening: Option<Opening> = None;
    loop {
        if opening.is_none() && stream.is_none() && d.should_connect_now() {
            let url = d
                .identity
                .as_ref()
                .map(Identity::sync_url)
                .unwrap_or_default();
            d.set_connection(Connection::Connecting);
            opening = Some(async move { connect(&url).await }.boxed_local());
        }
        d.publish().await;
        let wait = d.wake_in_ms(stream.is_some());
        let event = {
            let socket = async {
                match stream.as_mut() {
                    Some(s) => s.next().await,
                    None => futures::future::pending().await,
                }
            };
            let open = async {
                match opening.as_mut() {
                    Some(f) => f.await,
                    None => futures::future::pending().await,
                }
            };
            let timer = async {
                match wait {
                    Some(ms) => platform::sleep_ms(ms).await,
                    None => futures::future::pending().await,
                }
            };
            futures::select! {
                c = rx.next().fuse() => Wake::Command(c),
                m = socket.fuse() => Wake::Socket(m),
                o = open.fuse() => Wake::Opened(o),
                _ = timer.fuse() => Wake::Timer,
            }
        };
        match event {
            Wake::Command(None) => break,
            Wake::Command(Some(c)) => d.command(c, &mut stream).await,
            Wake::Opened(result) => {
                opening = None;
                match result {
                    Ok((sink, s)) => {
                        d.sink = Some(sink);
                        stream = Some(s);
                        d.session_input(SessionInput::Connected, &mut stream).await;
                    }
                    Err(reason) => d.connection_failed(reason, &mut stream),
                }
            }
            Wake::Socket(Some(Incoming::Frame(bytes))) => {
                d.session_input(SessionInput::Received(bytes), &mut stream)
                    .await
            }
            Wake::Socket(Some(Incoming::Text)) => {
                d.connection_failed(words("msg-conn-text-frames", &[]), &mut stream)
            }
            // The hub's close reason is English for its log; the Error frame before it said why.
            Wake::Socket(Some(Incoming::Closed) | None) => {
                d.connection_failed(words("msg-conn-closed", &[]), &mut stream)
            }
            Wake::Socket(Some(Incoming::Failed)) => {
                d.connection_failed(words("msg-conn-failed", &[]), &mut stream)
            }
            Wake::Timer => {
                if d.idle_too_long() {
                    d.lock(&mut stream);
                } else if stream.is_some() {
                    d.session_input(SessionInput::Tick, &mut stream).await;
                }
            }
        }
    }
}

struct Driver {
    state: Signal<AppState>,
    /// The device's list of profiles (unsealed: the lock screen reads it).
    device: Option<DeviceStore>,
    profiles: Profiles,
    /// The open profile and its sealed store; `None` while the app is locked.
    profile_id: Option<ProfileId>,
    store: Option<ProfileStore>,
    /// The open profile's private diary: never synced, saved only through the sealed store.
    private: Option<AutoCommit>,
    private_chunks: usize,
    /// When the person last touched or typed (ms since the epoch), for the idle lock.
    activity: std::rc::Rc<std::cell::Cell<f64>>,
    idle_lock_ms: f64,
    identity: Option<Identity>,
    session: Option<ClientSession>,
    sink: Option<FrameSink>,
    connection: Connection,
    online: bool,
    backoff: Backoff,
    /// When (ms since epoch) to try connecting again.
    retry_at: f64,
    /// The device was signed out by the hub; do not retry until it joins again.
    stopped: bool,
    chunks_since_snapshot: HashMap<DocId, usize>,
    last_synced: Option<kumppani_core::time::Timestamp>,
    entries_dirty: bool,
    /// When taking a new token last failed (see `token.rs`).
    token_tried: Option<Timestamp>,
    /// Documents that just synced, for edits waiting on them (see `replaced.rs`).
    in_sync_now: Vec<DocId>,
    /// The welcome just received, for documents the hub replaced (see `replaced.rs`).
    welcomed_now: Option<kumppani_core::wire::Welcome>,
}

impl Driver {
    fn new(state: Signal<AppState>) -> Self {
        Self {
            state,
            device: None,
            profiles: Profiles::default(),
            profile_id: None,
            store: None,
            private: None,
            private_chunks: 0,
            activity: platform::watch_activity(),
            idle_lock_ms: f64::from(project::DEFAULT_IDLE_LOCK_MINUTES) * 60_000.0,
            identity: None,
            session: None,
            sink: None,
            connection: Connection::NoHub,
            online: platform::is_online(),
            backoff: Backoff::default(),
            retry_at: 0.0,
            stopped: false,
            chunks_since_snapshot: HashMap::new(),
            last_synced: None,
            entries_dirty: true,
            token_tried: None,
            in_sync_now: Vec::new(),
            welcomed_now: None,
        }
    }

    async fn load(&mut self) {
        let device = match platform::open_store(DEVICE_DB).await {
            Ok(s) => s,
            Err(e) => {
                self.state.write().phase = Phase::StorageFailed(e.advice());
                return;
            }
        };
        let profiles = match device.get_meta(PROFILES_KEY).await {
            Ok(bytes) => Profiles::from_bytes(bytes.as_deref()),
            Err(e) => Err(e.advice()),
        };
        self.device = Some(device);
        match profiles {
            Ok(p) => self.profiles = p,
            Err(e) => {
                self.state.write().phase = Phase::StorageFailed(e);
                return;
            }
        }
        self.show_locked();
    }

    /// The open profile's store. Only called with a profile open: commands that need one
    /// are dropped while the app is locked (see `Driver::command`).
    fn store(&self) -> &ProfileStore {
        self.store
            .as_ref()
            .expect("a profile is open whenever its store is used")
    }

    /// Loads this device's documents and their sync states and starts a session for them.
    async fn open_session(&mut self, identity: Identity) -> Result<(), String> {
        let mut session = ClientSession::new(identity.join.token.clone(), platform::random_bytes());
        for (doc_id, kind) in documents_of(&identity) {
            let (doc, chunks) = self.load_doc(doc_id, kind).await?;
            self.chunks_since_snapshot.insert(doc_id, chunks);
            let sync_state = self
                .store()
                .get_meta(&sync_state_key(&doc_id))
                .await
                .map_err(|e| e.advice())?;
            session.add_doc(doc_id, doc, sync_state.as_deref());
        }
        if let Ok(Some(bytes)) = self.store().get_meta(SEEN_KEY).await {
            self.state.write().seen = serde_json::from_slice(&bytes).unwrap_or_default();
        }
        let (private, chunks) = self.load_doc(diary::PRIVATE_DOC, DocKind::Member).await?;
        self.private = Some(private);
        self.private_chunks = chunks;
        self.load_profile_meta().await;
        self.session = Some(session);
        if let Err(e) = self.forget_replaced().await {
            // Tried again after the next welcome; nothing is lost meanwhile.
            self.set_problem(Some(e.advice()));
        }
        self.state.write().profile = Some(Profile {
            display_name: identity.join.display_name.clone(),
            project_name: identity.join.project_name.clone(),
            role: identity.join.role,
            hub_url: identity.hub_url.clone(),
        });
        self.identity = Some(identity);
        self.stopped = false;
        self.entries_dirty = true;
        self.connection = if self.online {
            Connection::Connecting
        } else {
            Connection::Offline
        };
        Ok(())
    }

    /// A document as stored, or its kind's shared root on first use (saved at once).
    async fn load_doc(&self, id: DocId, kind: DocKind) -> Result<(AutoCommit, usize), String> {
        let stored = self.store().load(&id).await.map_err(|e| e.advice())?;
        if stored.is_empty() {
            let mut doc = if id == diary::PRIVATE_DOC {
                private_diary::new_document()
            } else {
                model::new_document(kind)
            };
            self.store()
                .append_chunk(&id, &doc.save())
                .await
                .map_err(|e| e.advice())?;
            return Ok((doc, 1));
        }
        let doc = stored
            .to_doc()
            .map_err(|e| words("msg-data-unreadable", &[("error", e.to_string().into())]))?;
        Ok((doc, stored.chunks.len()))
    }

    /// Changes the problem line only when it really changes (see `publish`).
    fn set_problem(&mut self, problem: Option<String>) {
        if self.state.peek().problem != problem {
            self.state.write().problem = problem;
        }
    }

    fn should_connect_now(&self) -> bool {
        self.identity.is_some()
            && self.online
            && !self.stopped
            && self.sink.is_none()
            && platform::now_ms() >= self.retry_at
    }

    fn wake_in_ms(&self, connected: bool) -> Option<u32> {
        let now = platform::now_ms();
        let idle = self
            .session
            .is_some()
            .then(|| (self.activity.get() + self.idle_lock_ms - now).max(0.0));
        let sync = if connected {
            Some(f64::from(TICK_MS))
        } else if self.identity.is_none() || !self.online || self.stopped {
            None
        } else {
            Some((self.retry_at - now).max(0.0))
        };
        let ms = match (idle, sync) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        };
        Some(ms.min(f64::from(u32::MAX)) as u32)
    }

    /// Whether the open profile has gone unused for the project's idle time.
    fn idle_too_long(&self) -> bool {
        self.session.is_some() && platform::now_ms() - self.activity.get() >= self.idle_lock_ms
    }

    fn set_connection(&mut self, c: Connection) {
        self.connection = c;
    }

    fn doc_of(&self, pick: impl Fn(&Identity) -> Option<DocId>) -> Result<DocId, String> {
        self.identity
            .as_ref()
            .and_then(pick)
            .ok_or_else(|| words("msg-join-first", &[]))
    }

    fn connection_failed(&mut self, reason: String, stream: &mut Option<FrameStream>) {
        self.drop_connection(stream);
        if self.stopped {
            return;
        }
        let delay = self
            .backoff
            .next_delay(u32::from_le_bytes(platform::random_bytes()));
        self.retry_at = platform::now_ms() + delay.as_millis() as f64;
        self.connection = if self.online {
            Connection::Failed { reason }
        } else {
            Connection::Offline
        };
    }

    fn drop_connection(&mut self, stream: &mut Option<FrameStream>) {
        *stream = None;
        self.sink = None;
        if let Some(s) = self.session.as_mut() {
            let _ = s.handle(platform::now(), SessionInput::Disconnected);
        }
    }

    async fn session_input(&mut self, input: SessionInput, stream: &mut Option<FrameStream>) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let out = session.handle(platform::now(), input);
        if let Err(e) = self.execute(out, stream).await {
            self.set_problem(Some(e.advice()));
            // Changes that could not be saved must not be acknowledged: start over from the store.
            self.reload_from_store(stream).await;
        }
        // Here, not in `execute`: a replay is an edit, and an edit is executed; and
        // `execute` is part of every edit's future, so what it awaits is paid for per edit
        // in the web app's size.
        if let Some(welcome) = self.welcomed_now.take() {
            if let Err(e) = self.follow_replaced_docs(&welcome).await {
                self.set_problem(Some(e.advice()));
            }
        }
        for doc in std::mem::take(&mut self.in_sync_now) {
            if let Err(e) = self.carry_over_into(doc, stream).await {
                self.set_problem(Some(e));
            }
        }
    }

    /// Carries out a session output in its required order: chunks, sync states, frames.
    async fn execute(
        &mut self,
        out: SessionOutput,
        stream: &mut Option<FrameStream>,
    ) -> Result<(), StoreError> {
        for (doc, chunk) in &out.save_chunks {
            self.save_chunk(doc, chunk).await?;
        }
        for (doc, bytes) in &out.save_sync_states {
            self.store().put_meta(&sync_state_key(doc), bytes).await?;
        }
        for frame in out.send {
            let sent = match self.sink.as_mut() {
                Some(sink) => sink.send(frame).await,
                None => true, // offline: the session offers it again on the next connection
            };
            if !sent {
                self.connection_failed(words("msg-conn-broke-sending", &[]), stream);
                break;
            }
        }
        for event in out.events {
            match event {
                SessionEvent::Welcomed(welcome) => {
                    // The backoff is reset only once a document syncs: a hub (or proxy)
                    // that drops each connection after its welcome would otherwise be
                    // redialled within half a second, over and over.
                    self.connection = Connection::Connected;
                    self.set_problem(None);
                    self.welcomed_now = Some(welcome);
                }
                SessionEvent::DocChanged(_) => self.entries_dirty = true,
                SessionEvent::InSync(doc) => {
                    self.in_sync_now.push(doc);
                    self.backoff.reset();
                    let now = platform::now();
                    self.last_synced = Some(now);
                    let _ = self
                        .store()
                        .put_meta("last_synced", now.millis().to_string().as_bytes())
                        .await;
                    self.rotate_token_if_due().await;
                }
                SessionEvent::Unavailable(_) => {
                    self.set_problem(Some(words("msg-diary-unknown", &[])));
                }
                SessionEvent::ClockSkew {
                    device_minus_hub_ms,
                } => {
                    self.state.write().clock_skew_ms = Some(device_minus_hub_ms);
                }
            }
        }
        if let Some(reason) = out.close {
            self.drop_connection(stream);
            if reason.is_permanent() && self.adopt_stored_token().await {
                // Another tab took a new token: sign in again with it.
                self.connection_failed(reason.explain(), stream);
            } else if reason.is_permanent() {
                self.stopped = true;
                self.connection = Connection::Failed {
                    reason: words("msg-conn-signed-out", &[]),
                };
                self.state.write().problem = Some(words("msg-device-removed", &[]));
            } else {
                self.connection_failed(reason.explain(), stream);
            }
        }
        Ok(())
    }

    async fn save_chunk(&mut self, doc: &DocId, chunk: &[u8]) -> Result<(), StoreError> {
        let seq = self.store().append_chunk(doc, chunk).await?;
        let count = self.chunks_since_snapshot.entry(*doc).or_default();
        *count += 1;
        if StoredDoc::wants_compaction(*count) {
            if let Some(snapshot) = self.session.as_mut().and_then(|s| s.save_snapshot(doc)) {
                // A failed compaction loses nothing: the chunks stay until the next try.
                if self.store().compact(doc, &snapshot, seq).await.is_ok() {
                    self.chunks_since_snapshot.insert(*doc, 0);
                }
            }
        }
        Ok(())
    }

    async fn reload_from_store(&mut self, stream: &mut Option<FrameStream>) {
        self.drop_connection(stream);
        if let Some(identity) = self.identity.clone() {
            if let Err(e) = self.open_session(identity).await {
                self.set_problem(Some(e));
            }
        }
        self.retry_at = platform::now_ms() + 2_000.0;
    }

    /// A local change to one document: durable on this device before it is answered.
    async fn edit<R, E: Explain>(
        &mut self,
        stream: &mut Option<FrameStream>,
        doc_id: DocId,
        f: impl FnOnce(&mut AutoCommit, Timestamp) -> Result<R, E>,
    ) -> Result<R, String> {
        let Some(session) = self.session.as_mut() else {
            return Err(words("msg-join-first", &[]));
        };
        let now = platform::now();
        let (r, out) = session
            .edit(&doc_id, |doc| {
                let r = f(doc, now)?;
                model::commit(doc, "edit", now);
                Ok(r)
            })
            .map_err(|e: EditError<E>| match e {
                EditError::Edit(e) => e.explain(),
                EditError::UnknownDoc(_) => words("msg-doc-not-here", &[]),
            })?;
        self.entries_dirty = true;
        match self.execute(out, stream).await {
            Ok(()) => {
                self.set_problem(None);
                Ok(r)
            }
            Err(e) => {
                let advice = e.advice();
                self.set_problem(Some(advice.clone()));
                self.reload_from_store(stream).await;
                self.entries_dirty = true;
                Err(advice)
            }
        }
    }
}
