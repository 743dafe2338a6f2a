//! The sync driver: one async loop that owns the store, core's [`ClientSession`] and the
//! WebSocket, carries out the session's outputs, and publishes [`AppState`] for the views.
//!
//! It syncs when the connection opens, after each local change, and on a periodic tick, and
//! reconnects with backoff. Every local change is durable in IndexedDB before its command
//! is answered; a failed save is rolled back so that retrying cannot double an entry.

use super::command::{clean_themes, Command, Reply};
use super::hub_api;
use super::identity::{sync_state_key, Identity, IDENTITY_KEY};
use super::store_error::StoreError;
use super::store_idb::IdbStore;
use super::transport_web::{self as web, connect};
use crate::state::{AppState, Door, Phase, Profile};
use automerge::AutoCommit;
use dioxus::prelude::*;
use futures::channel::mpsc::UnboundedReceiver;
use futures::future::LocalBoxFuture;
use futures::stream::{SplitSink, SplitStream};
use futures::{FutureExt, SinkExt, StreamExt};
use gloo_net::websocket::{futures::WebSocket, Message};
use kumppani_core::api::JoinResponse;
use kumppani_core::backoff::Backoff;
use kumppani_core::derive::ideas::{
    inbox as inbox_changes, published_comment_id, published_idea_id, InboxItem,
};
use kumppani_core::door;
use kumppani_core::ids::{
    CommentId, DeviceId, DocId, EntryId, EventId, IdeaId, MilestoneId, WalkInId,
};
use kumppani_core::model::event::Event;
use kumppani_core::model::idea::{IdeaDraft, Milestone, PathStep, PublishedIdea, ReportTarget};
use kumppani_core::model::staff::{IdeaLink, Moderation};
use kumppani_core::model::{self, member, project, staff, DiaryEntry};
use kumppani_core::session::EditError;
use kumppani_core::session::{ClientSession, SessionEvent, SessionInput, SessionOutput};
use kumppani_core::status::Connection;
use kumppani_core::store::{DocStore, StoredDoc};
use kumppani_core::time::Timestamp;
use kumppani_core::wire::DocKind;
use std::collections::BTreeMap;
use std::collections::BTreeSet;
use std::collections::HashMap;

const DB_NAME: &str = "kumppani";
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

/// What the views show, read from the documents after a change.
struct Views {
    entries: Vec<DiaryEntry>,
    signups: BTreeMap<EventId, member::Signup>,
    events: Vec<Event>,
    counts: BTreeMap<EventId, (u32, u32)>,
    doors: BTreeMap<EventId, Door>,
    ideas: Vec<PublishedIdea>,
    themes: Vec<String>,
    report_threshold: u32,
    my_ideas: BTreeSet<IdeaId>,
    my_supports: BTreeSet<IdeaId>,
    my_reports: BTreeSet<ReportTarget>,
}

/// What the inbox keeps on the device (JSON): the items, how many are unread, and the
/// published ideas they were last compared with, so changes that arrived while the app
/// was closed are told too.
#[derive(Default, serde::Serialize, serde::Deserialize)]
struct InboxStore {
    items: Vec<InboxItem>,
    unread: usize,
    seen: Option<Vec<PublishedIdea>>,
}
/// How often a connected device offers anything new, beside change-driven sync.
const TICK_MS: u32 = 20_000;

enum Wake {
    Command(Option<Command>),
    Socket(Option<Result<Message, gloo_net::websocket::WebSocketError>>),
    Opened(Result<WebSocket, String>),
    Timer,
}

pub async fn run(mut rx: UnboundedReceiver<Command>, state: Signal<AppState>) {
    let mut d = Driver::new(state);
    d.load().await;
    let mut stream: Option<SplitStream<WebSocket>> = None;
    let mut opening: Option<LocalBoxFuture<'static, Result<WebSocket, String>>> = None;
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
                    Some(ms) => web::sleep_ms(ms).await,
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
                    Ok(ws) => {
                        let (sink, s) = ws.split();
                        d.sink = Some(sink);
                        stream = Some(s);
                        d.session_input(SessionInput::Connected, &mut stream).await;
                    }
                    Err(reason) => d.connection_failed(reason, &mut stream),
                }
            }
            Wake::Socket(Some(Ok(Message::Bytes(bytes)))) => {
                d.session_input(SessionInput::Received(bytes), &mut stream)
                    .await
            }
            Wake::Socket(Some(Ok(Message::Text(_)))) => {
                d.connection_failed("the hub sent text, not sync frames".into(), &mut stream)
            }
            Wake::Socket(Some(Err(e))) => d.connection_failed(describe_ws(&e), &mut stream),
            Wake::Socket(None) => d.connection_failed("the connection closed".into(), &mut stream),
            Wake::Timer => {
                if stream.is_some() {
                    d.session_input(SessionInput::Tick, &mut stream).await;
                }
            }
        }
    }
}

fn describe_ws(e: &gloo_net::websocket::WebSocketError) -> String {
    match e {
        gloo_net::websocket::WebSocketError::ConnectionClose(c) if !c.reason.is_empty() => {
            c.reason.clone()
        }
        gloo_net::websocket::WebSocketError::ConnectionClose(_) => "the connection closed".into(),
        _ => "the connection failed".into(),
    }
}

struct Driver {
    state: Signal<AppState>,
    store: Option<IdbStore>,
    identity: Option<Identity>,
    session: Option<ClientSession>,
    sink: Option<SplitSink<WebSocket, Message>>,
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
}

impl Driver {
    fn new(state: Signal<AppState>) -> Self {
        Self {
            state,
            store: None,
            identity: None,
            session: None,
            sink: None,
            connection: Connection::NoHub,
            online: web::is_online(),
            backoff: Backoff::default(),
            retry_at: 0.0,
            stopped: false,
            chunks_since_snapshot: HashMap::new(),
            last_synced: None,
            entries_dirty: true,
        }
    }

    async fn load(&mut self) {
        let store = match IdbStore::open(DB_NAME).await {
            Ok(s) => s,
            Err(e) => {
                self.state.write().phase = Phase::StorageFailed(e.advice());
                return;
            }
        };
        let identity = match store.get_meta(IDENTITY_KEY).await {
            Ok(Some(bytes)) => serde_json::from_slice::<Identity>(&bytes).ok(),
            Ok(None) => None,
            Err(e) => {
                self.state.write().phase = Phase::StorageFailed(e.advice());
                return;
            }
        };
        self.store = Some(store);
        match identity {
            Some(identity) => match self.open_session(identity).await {
                Ok(()) => self.state.write().phase = Phase::Ready,
                Err(e) => self.state.write().phase = Phase::StorageFailed(e),
            },
            None => self.state.write().phase = Phase::NeedsJoin,
        }
        if let Ok(Some(bytes)) = self.store().get_meta("last_synced").await {
            if let Ok(ms) = String::from_utf8_lossy(&bytes).parse::<i64>() {
                self.last_synced = Some(kumppani_core::time::Timestamp(ms));
            }
        }
    }

    fn store(&self) -> &IdbStore {
        self.store
            .as_ref()
            .expect("the store is open once loading succeeded")
    }

    /// Loads this device's documents and their sync states and starts a session for them.
    async fn open_session(&mut self, identity: Identity) -> Result<(), String> {
        let mut session = ClientSession::new(identity.join.token.clone(), web::random_bytes());
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
        self.session = Some(session);
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
            let mut doc = model::new_document(kind);
            self.store()
                .append_chunk(&id, &doc.save())
                .await
                .map_err(|e| e.advice())?;
            return Ok((doc, 1));
        }
        let doc = stored
            .to_doc()
            .map_err(|e| format!("The data on this device could not be read: {e}"))?;
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
            && js_sys::Date::now() >= self.retry_at
    }

    fn wake_in_ms(&self, connected: bool) -> Option<u32> {
        if connected {
            return Some(TICK_MS);
        }
        if self.identity.is_none() || !self.online || self.stopped {
            return None;
        }
        let ms = (self.retry_at - js_sys::Date::now()).max(0.0);
        Some(ms.min(f64::from(u32::MAX)) as u32)
    }

    fn set_connection(&mut self, c: Connection) {
        self.connection = c;
    }

    /// Writes what changed into the views' state.
    async fn publish(&mut self) {
        let pending = self.session.as_mut().map(|s| s.pending()).unwrap_or(0);
        let views = if self.entries_dirty {
            self.entries_dirty = false;
            self.read_views()
        } else {
            None
        };
        if let Some(v) = &views {
            self.update_inbox(v).await;
        }
        // Writing a signal wakes everything that reads it, even when nothing changed; a view
        // that sends a command on every wake would then loop. So write only real changes.
        let changed = {
            let st = self.state.peek();
            views.is_some()
                || st.pending != pending
                || st.connection != self.connection
                || st.last_synced != self.last_synced
        };
        if !changed {
            return;
        }
        let mut st = self.state.write();
        if let Some(v) = views {
            st.entries = v.entries;
            st.signups = v.signups;
            st.events = v.events;
            st.counts = v.counts;
            st.doors = v.doors;
            st.ideas = v.ideas;
            st.themes = v.themes;
            st.report_threshold = v.report_threshold;
            st.my_ideas = v.my_ideas;
            st.my_supports = v.my_supports;
            st.my_reports = v.my_reports;
        }
        st.pending = pending;
        st.connection = self.connection.clone();
        st.last_synced = self.last_synced;
    }

    /// Tells the member what changed for their ideas and the ones they support since the
    /// published ideas were last compared (core's `inbox` rule), and keeps it on the device.
    async fn update_inbox(&mut self, v: &Views) {
        let Ok(stored) = self.store().get_meta(INBOX_KEY).await else {
            return;
        };
        let mut inbox: InboxStore = stored
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        if inbox.seen.as_ref() == Some(&v.ideas) {
            self.show_inbox(&inbox);
            return;
        }
        let news = match &inbox.seen {
            Some(before) => inbox_changes(before, &v.ideas, &v.my_ideas, &v.my_supports),
            None => Vec::new(),
        };
        inbox.unread += news.len();
        for item in news.into_iter().rev() {
            inbox.items.insert(0, item);
        }
        inbox.items.truncate(200);
        inbox.seen = Some(v.ideas.clone());
        if let Ok(bytes) = serde_json::to_vec(&inbox) {
            let _ = self.store().put_meta(INBOX_KEY, &bytes).await;
        }
        self.show_inbox(&inbox);
    }

    fn show_inbox(&mut self, inbox: &InboxStore) {
        let st = self.state.peek();
        if st.inbox != inbox.items || st.inbox_unread != inbox.unread {
            drop(st);
            let mut st = self.state.write();
            st.inbox = inbox.items.clone();
            st.inbox_unread = inbox.unread;
        }
    }

    async fn inbox_read(&mut self) {
        if let Ok(Some(bytes)) = self.store().get_meta(INBOX_KEY).await {
            if let Ok(mut inbox) = serde_json::from_slice::<InboxStore>(&bytes) {
                inbox.unread = 0;
                if let Ok(bytes) = serde_json::to_vec(&inbox) {
                    let _ = self.store().put_meta(INBOX_KEY, &bytes).await;
                }
                self.show_inbox(&inbox);
            }
        }
    }

    /// Everything the views show, read from the documents.
    fn read_views(&self) -> Option<Views> {
        let identity = self.identity.as_ref()?;
        let session = self.session.as_ref()?;
        let member_doc = session.doc(&identity.join.member_doc);
        let project_doc = session.doc(&identity.join.project_doc);
        let events = project_doc.map(project::events).unwrap_or_default();
        let counts = project_doc
            .map(|d| {
                events
                    .iter()
                    .filter_map(|e| Some((e.id, project::counts(d, e.id)?)))
                    .collect()
            })
            .unwrap_or_default();
        let doors = match identity.join.staff_doc.and_then(|id| session.doc(&id)) {
            Some(d) => events
                .iter()
                .map(|e| {
                    let door = Door {
                        roster: staff::roster(d, e.id),
                        checkins: staff::checkins(d, e.id),
                        walk_ins: staff::walk_ins(d, e.id),
                        summary: staff::summary(d, e.id),
                    };
                    (e.id, door)
                })
                .collect(),
            None => BTreeMap::new(),
        };
        let me = identity.join.member_id;
        Some(Views {
            ideas: project_doc
                .map(project::published_ideas)
                .unwrap_or_default(),
            themes: project_doc.map(project::themes).unwrap_or_default(),
            report_threshold: project_doc.map(project::report_threshold).unwrap_or(3),
            my_ideas: member_doc
                .map(|d| {
                    member::my_ideas(d)
                        .into_iter()
                        .filter(|i| i.withdrawn_at.is_none())
                        .map(|i| published_idea_id(me, i.id))
                        .collect()
                })
                .unwrap_or_default(),
            my_supports: member_doc
                .map(|d| member::my_supports(d).into_iter().map(|s| s.idea).collect())
                .unwrap_or_default(),
            my_reports: member_doc
                .map(|d| {
                    member::my_reports(d)
                        .into_iter()
                        .map(|r| r.target)
                        .collect()
                })
                .unwrap_or_default(),
            entries: member_doc.map(member::entries).unwrap_or_default(),
            signups: member_doc
                .map(|d| {
                    member::signups(d)
                        .into_iter()
                        .map(|s| (s.event, s))
                        .collect()
                })
                .unwrap_or_default(),
            events,
            counts,
            doors,
        })
    }

    fn doc_of(&self, pick: impl Fn(&Identity) -> Option<DocId>) -> Result<DocId, String> {
        self.identity
            .as_ref()
            .and_then(pick)
            .ok_or_else(|| "Join a project first.".to_string())
    }

    fn connection_failed(&mut self, reason: String, stream: &mut Option<SplitStream<WebSocket>>) {
        self.drop_connection(stream);
        if self.stopped {
            return;
        }
        let delay = self
            .backoff
            .next_delay(u32::from_le_bytes(web::random_bytes()));
        self.retry_at = js_sys::Date::now() + delay.as_millis() as f64;
        self.connection = if self.online {
            Connection::Failed { reason }
        } else {
            Connection::Offline
        };
    }

    fn drop_connection(&mut self, stream: &mut Option<SplitStream<WebSocket>>) {
        *stream = None;
        self.sink = None;
        if let Some(s) = self.session.as_mut() {
            let _ = s.handle(web::now(), SessionInput::Disconnected);
        }
    }

    async fn session_input(
        &mut self,
        input: SessionInput,
        stream: &mut Option<SplitStream<WebSocket>>,
    ) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let out = session.handle(web::now(), input);
        if let Err(e) = self.execute(out, stream).await {
            self.set_problem(Some(e.advice()));
            // Changes that could not be saved must not be acknowledged: start over from the store.
            self.reload_from_store(stream).await;
        }
    }

    /// Carries out a session output in its required order: chunks, sync states, frames.
    async fn execute(
        &mut self,
        out: SessionOutput,
        stream: &mut Option<SplitStream<WebSocket>>,
    ) -> Result<(), StoreError> {
        for (doc, chunk) in &out.save_chunks {
            self.save_chunk(doc, chunk).await?;
        }
        for (doc, bytes) in &out.save_sync_states {
            self.store().put_meta(&sync_state_key(doc), bytes).await?;
        }
        for frame in out.send {
            let sent = match self.sink.as_mut() {
                Some(sink) => sink.send(Message::Bytes(frame)).await.is_ok(),
                None => true, // offline: the session offers it again on the next connection
            };
            if !sent {
                self.connection_failed("the connection broke while sending".into(), stream);
                break;
            }
        }
        for event in out.events {
            match event {
                SessionEvent::Welcomed(_) => {
                    self.backoff.reset();
                    self.connection = Connection::Connected;
                    self.set_problem(None);
                }
                SessionEvent::DocChanged(_) => self.entries_dirty = true,
                SessionEvent::InSync(_) => {
                    let now = web::now();
                    self.last_synced = Some(now);
                    let _ = self
                        .store()
                        .put_meta("last_synced", now.millis().to_string().as_bytes())
                        .await;
                }
                SessionEvent::Unavailable(_) => {
                    self.set_problem(Some(
                        "The hub does not know this diary any more. Join the project again.".into(),
                    ));
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
            if reason.is_permanent() {
                self.stopped = true;
                self.connection = Connection::Failed {
                    reason: "this device is no longer signed in".into(),
                };
                self.state.write().problem = Some(
                    "The hub no longer accepts this device (it was removed, or the project ended). Your entries are safe here; link this device again from another device to go on syncing.".into(),
                );
            } else {
                let message = reason.message.clone();
                self.connection_failed(message, stream);
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

    async fn reload_from_store(&mut self, stream: &mut Option<SplitStream<WebSocket>>) {
        self.drop_connection(stream);
        if let Some(identity) = self.identity.clone() {
            if let Err(e) = self.open_session(identity).await {
                self.set_problem(Some(e));
            }
        }
        self.retry_at = js_sys::Date::now() + 2_000.0;
    }

    async fn command(&mut self, command: Command, stream: &mut Option<SplitStream<WebSocket>>) {
        match command {
            Command::Join {
                hub_url,
                code,
                display_name,
                reply,
            } => {
                let result = hub_api::join(&hub_url, &code, &display_name).await;
                self.signed_in(hub_url, result, reply, stream).await;
            }
            Command::Link {
                hub_url,
                code,
                device_name,
                reply,
            } => {
                let result = hub_api::link(&hub_url, &code, &device_name).await;
                self.signed_in(hub_url, result, reply, stream).await;
            }
            Command::AddEntry { draft, reply } => {
                let id = EntryId::from_bytes(web::random_bytes());
                let result = match self.doc_of(|i| Some(i.join.member_doc)) {
                    Ok(doc) => self
                        .edit(stream, doc, |d, now| member::add_entry(d, id, &draft, now))
                        .await
                        .map(|()| id),
                    Err(e) => Err(e),
                };
                let _ = reply.send(result);
            }
            Command::EditEntry { id, draft, reply } => {
                let result = self
                    .edit_doc(
                        stream,
                        |i| Some(i.join.member_doc),
                        |d, now| member::edit_entry(d, id, &draft, now),
                    )
                    .await;
                let _ = reply.send(result);
            }
            Command::DeleteEntry { id, reply } => {
                let result = self
                    .edit_doc(
                        stream,
                        |i| Some(i.join.member_doc),
                        |d, _| member::delete_entry(d, id),
                    )
                    .await;
                let _ = reply.send(result);
            }
            Command::RequestSignup { event, reply } => {
                let result = self
                    .edit_doc(
                        stream,
                        |i| Some(i.join.member_doc),
                        |d, now| member::request_signup(d, event, now),
                    )
                    .await;
                let _ = reply.send(result);
            }
            Command::CancelSignup { event, reply } => {
                let result = self
                    .edit_doc(
                        stream,
                        |i| Some(i.join.member_doc),
                        |d, now| member::cancel_signup(d, event, now),
                    )
                    .await;
                let _ = reply.send(result);
            }
            Command::MarkSeen { event } => self.mark_seen(event).await,
            Command::SubmitIdea { draft, reply } => {
                let local = IdeaId::from_bytes(web::random_bytes());
                let me = self.identity.as_ref().map(|i| i.join.member_id);
                let result = self
                    .edit_doc(
                        stream,
                        |i| Some(i.join.member_doc),
                        |d, now| member::submit_idea(d, local, &draft, now),
                    )
                    .await
                    .and_then(|()| {
                        me.map(|m| published_idea_id(m, local))
                            .ok_or_else(|| "Join a project first.".to_string())
                    });
                let _ = reply.send(result);
            }
            Command::WithdrawIdea { idea, reply } => {
                let local = self.my_local_idea(idea);
                let result = match local {
                    Some(local) => {
                        self.edit_doc(
                            stream,
                            |i| Some(i.join.member_doc),
                            |d, now| member::withdraw_idea(d, local, now),
                        )
                        .await
                    }
                    None => Err("Only the person who wrote an idea can withdraw it.".into()),
                };
                let _ = reply.send(result);
            }
            Command::EditIdea { idea, draft, reply } => {
                let local = self.my_local_idea(idea);
                let draft = IdeaDraft {
                    title: draft.title.trim().to_owned(),
                    description: draft.description.trim().to_owned(),
                    ..draft
                };
                let result = match (local, draft.validate()) {
                    (None, _) => Err("Only the person who wrote an idea can change it.".into()),
                    (Some(_), Err(e)) => Err(e.to_string()),
                    (Some(local), Ok(())) => {
                        self.edit_doc(
                            stream,
                            |i| Some(i.join.member_doc),
                            |d, _| member::edit_idea(d, local, &draft),
                        )
                        .await
                    }
                };
                let _ = reply.send(result);
            }
            Command::SetSupport {
                idea,
                support,
                reply,
            } => {
                let result = self
                    .edit_doc(
                        stream,
                        |i| Some(i.join.member_doc),
                        |d, now| {
                            if support {
                                member::support(d, idea, now)
                            } else {
                                member::unsupport(d, idea)
                            }
                        },
                    )
                    .await;
                let _ = reply.send(result);
            }
            Command::Comment {
                idea,
                text,
                anonymous,
                reply,
            } => {
                let local = CommentId::from_bytes(web::random_bytes());
                let me = self.identity.as_ref().map(|i| i.join.member_id);
                let text = text.trim().to_owned();
                let result = self
                    .edit_doc(
                        stream,
                        |i| Some(i.join.member_doc),
                        |d, now| member::comment(d, local, idea, &text, anonymous, now),
                    )
                    .await
                    .and_then(|()| {
                        me.map(|m| published_comment_id(m, local))
                            .ok_or_else(|| "Join a project first.".to_string())
                    });
                let _ = reply.send(result);
            }
            Command::Report {
                target,
                reason,
                reply,
            } => {
                let reason = reason.trim().to_owned();
                let result = if reason.is_empty() {
                    Err("Say briefly what is wrong, so the organisers can judge.".into())
                } else {
                    self.edit_doc(
                        stream,
                        |i| Some(i.join.member_doc),
                        |d, now| member::report(d, target, &reason, now),
                    )
                    .await
                };
                let _ = reply.send(result);
            }
            Command::AnswerIdea {
                idea,
                status,
                note,
                reply,
            } => {
                let by_name = self.display_name();
                let result = self
                    .edit_doc(
                        stream,
                        |i| i.join.staff_doc,
                        |d, now| {
                            staff::answer_idea(
                                d,
                                idea,
                                &PathStep {
                                    status,
                                    note: note.trim().to_owned(),
                                    by_name,
                                    at: now,
                                },
                            )
                        },
                    )
                    .await;
                let _ = reply.send(result);
            }
            Command::AddMilestone { idea, title, reply } => {
                let id = MilestoneId::from_bytes(web::random_bytes());
                let title = title.trim().to_owned();
                let result = if title.is_empty() {
                    Err("Write the milestone.".into())
                } else {
                    self.edit_doc(
                        stream,
                        |i| i.join.staff_doc,
                        |d, now| {
                            staff::set_milestone(
                                d,
                                idea,
                                id,
                                &Milestone {
                                    title,
                                    done: false,
                                    at: now,
                                },
                            )
                        },
                    )
                    .await
                };
                let _ = reply.send(result);
            }
            Command::SetIdeaLink {
                idea,
                event,
                merged_into,
                reply,
            } => {
                let result = if merged_into == Some(idea) {
                    Err("An idea cannot be merged into itself.".into())
                } else {
                    self.edit_doc(
                        stream,
                        |i| i.join.staff_doc,
                        |d, _| staff::set_link(d, idea, &IdeaLink { event, merged_into }),
                    )
                    .await
                };
                let _ = reply.send(result);
            }
            Command::SetReportThreshold { threshold, reply } => {
                let result = if (1..=50).contains(&threshold) {
                    self.edit_doc(
                        stream,
                        |i| Some(i.join.project_doc),
                        |d, _| project::set_report_threshold(d, threshold),
                    )
                    .await
                } else {
                    Err("Choose a number from 1 to 50.".into())
                };
                let _ = reply.send(result);
            }
            Command::SetThemes { themes, reply } => {
                let result = match clean_themes(&themes) {
                    Err(e) => Err(e),
                    Ok(themes) => {
                        self.edit_doc(
                            stream,
                            |i| Some(i.join.project_doc),
                            |d, _| project::set_themes(d, &themes),
                        )
                        .await
                    }
                };
                let _ = reply.send(result);
            }
            Command::Moderate {
                target,
                hidden,
                reason,
                reply,
            } => {
                let by_name = self.display_name();
                let reason = reason.trim().to_owned();
                let result = if hidden && reason.is_empty() {
                    Err("Give the reason the author will see.".into())
                } else {
                    self.edit_doc(
                        stream,
                        |i| i.join.staff_doc,
                        |d, now| {
                            staff::moderate(
                                d,
                                target,
                                &Moderation {
                                    hidden,
                                    reason,
                                    by_name,
                                    at: now,
                                },
                            )
                        },
                    )
                    .await
                };
                let _ = reply.send(result);
            }
            Command::InboxRead => self.inbox_read().await,
            Command::SaveEvent { id, draft, reply } => {
                let result = match draft.validate() {
                    Err(e) => Err(e.to_string()),
                    Ok(()) => {
                        let event = id.unwrap_or_else(|| EventId::from_bytes(web::random_bytes()));
                        self.edit_doc(
                            stream,
                            |i| Some(i.join.project_doc),
                            |d, now| match id {
                                Some(_) => project::edit_event(d, event, &draft, now),
                                None => project::add_event(d, event, &draft, now),
                            },
                        )
                        .await
                        .map(|()| event)
                    }
                };
                let _ = reply.send(result);
            }
            Command::CancelEvent { id, reply } => {
                let result = self
                    .edit_doc(
                        stream,
                        |i| Some(i.join.project_doc),
                        |d, now| project::cancel_event(d, id, now),
                    )
                    .await;
                let _ = reply.send(result);
            }
            Command::CheckIn { event, code, reply } => {
                let result = self.check_in(stream, event, &code).await;
                let _ = reply.send(result);
            }
            Command::AddWalkIn { event, name, reply } => {
                let name = name.trim().to_owned();
                let result = if name.is_empty() {
                    Err("Write the person's name.".into())
                } else {
                    let walk_in = WalkInId::from_bytes(web::random_bytes());
                    let by = self.device_id();
                    self.edit_doc(
                        stream,
                        |i| i.join.staff_doc,
                        |d, now| staff::add_walk_in(d, event, walk_in, &name, now, by),
                    )
                    .await
                };
                let _ = reply.send(result);
            }
            Command::SetApproval {
                event,
                member,
                approval,
                reply,
            } => {
                let result = self
                    .edit_doc(
                        stream,
                        |i| i.join.staff_doc,
                        |d, _| staff::set_approval(d, event, member, approval),
                    )
                    .await;
                let _ = reply.send(result);
            }
            Command::RosterCsv { event, reply } => {
                let result = self.doc_of(|i| i.join.staff_doc).and_then(|id| {
                    self.session
                        .as_ref()
                        .and_then(|s| s.doc(&id))
                        .map(|d| staff::roster_csv(d, event))
                        .ok_or_else(|| "The roster is not on this device yet.".into())
                });
                let _ = reply.send(result);
            }
            Command::CreateLinkCode { reply } => {
                let result = match &self.identity {
                    Some(id) => hub_api::link_code(&id.hub_url, &id.join.token)
                        .await
                        .map(|r| (r.code, r.expires_at)),
                    None => Err("Join a project first.".into()),
                };
                let _ = reply.send(result);
            }
            Command::NetworkChanged { online } => {
                self.online = online;
                if online {
                    self.backoff.reset();
                    self.retry_at = 0.0;
                    if self.sink.is_none() && self.identity.is_some() {
                        self.connection = Connection::Connecting;
                    }
                } else {
                    self.drop_connection(stream);
                    self.connection = Connection::Offline;
                }
            }
            Command::RetryNow => {
                self.backoff.reset();
                self.retry_at = 0.0;
            }
        }
    }

    async fn signed_in(
        &mut self,
        hub_url: String,
        result: Result<JoinResponse, String>,
        reply: Reply<()>,
        stream: &mut Option<SplitStream<WebSocket>>,
    ) {
        let join = match result {
            Ok(j) => j,
            Err(e) => {
                let _ = reply.send(Err(e));
                return;
            }
        };
        let identity = Identity { hub_url, join };
        let saved = match serde_json::to_vec(&identity) {
            Ok(bytes) => self
                .store()
                .put_meta(IDENTITY_KEY, &bytes)
                .await
                .map_err(|e| e.advice()),
            Err(e) => Err(e.to_string()),
        };
        if let Err(e) = saved {
            let _ = reply.send(Err(e));
            return;
        }
        self.drop_connection(stream);
        let result = self.open_session(identity).await;
        if result.is_ok() {
            self.state.write().phase = Phase::Ready;
            self.set_problem(None);
            self.retry_at = 0.0;
        }
        let _ = reply.send(result);
    }

    async fn edit_doc<R, E: std::fmt::Display>(
        &mut self,
        stream: &mut Option<SplitStream<WebSocket>>,
        pick: impl Fn(&Identity) -> Option<DocId>,
        f: impl FnOnce(&mut AutoCommit, Timestamp) -> Result<R, E>,
    ) -> Result<R, String> {
        let doc = self.doc_of(pick)?;
        self.edit(stream, doc, f).await
    }

    fn display_name(&self) -> String {
        self.identity
            .as_ref()
            .map(|i| i.join.display_name.clone())
            .unwrap_or_default()
    }

    /// The member's own id for one of their ideas, from its published id.
    fn my_local_idea(&self, published: IdeaId) -> Option<IdeaId> {
        let identity = self.identity.as_ref()?;
        let doc = self.session.as_ref()?.doc(&identity.join.member_doc)?;
        member::my_ideas(doc)
            .into_iter()
            .map(|i| i.id)
            .find(|local| published_idea_id(identity.join.member_id, *local) == published)
    }

    fn device_id(&self) -> DeviceId {
        self.identity
            .as_ref()
            .map(|i| i.join.device_id)
            .unwrap_or_else(|| DeviceId::from_bytes([0; 16]))
    }

    /// Checks a ticket or code in at the door, offline: the rule is core's `door::resolve`.
    async fn check_in(
        &mut self,
        stream: &mut Option<SplitStream<WebSocket>>,
        event: EventId,
        code: &str,
    ) -> Result<String, String> {
        let staff_id = self.doc_of(|i| i.join.staff_doc)?;
        let project_id = self.doc_of(|i| Some(i.join.project_doc))?;
        let session = self.session.as_ref().ok_or("Join a project first.")?;
        let staff_doc = session
            .doc(&staff_id)
            .ok_or("The roster is not on this device yet.")?;
        let key = session.doc(&project_id).and_then(project::ticket_key);
        let roster = staff::roster(staff_doc, event);
        let (member, name) =
            door::resolve(code, event, &roster, key.as_ref()).map_err(|e| e.to_string())?;
        if let Some(c) = staff::checkins(staff_doc, event)
            .into_iter()
            .find(|c| c.who == member.to_string())
        {
            return Err(format!(
                "{name} is already checked in (at {}).",
                crate::format::clock(c.at)
            ));
        }
        let by = self.device_id();
        self.edit(stream, staff_id, |d, now| {
            staff::check_in(d, event, &member.to_string(), now, by)
        })
        .await?;
        Ok(name)
    }

    async fn mark_seen(&mut self, event: EventId) {
        let (view, seen) = {
            let st = self.state.read();
            (
                st.signups.get(&event).map(|s| s.view()),
                st.seen.get(&event).copied(),
            )
        };
        // Only a real change is written: the view re-sends this on every state change.
        let Some(view) = view.filter(|v| Some(*v) != seen) else {
            return;
        };
        let seen = {
            let mut st = self.state.write();
            st.seen.insert(event, view);
            st.seen.clone()
        };
        if let Ok(bytes) = serde_json::to_vec(&seen) {
            let _ = self.store().put_meta(SEEN_KEY, &bytes).await;
        }
    }

    /// A local change to one document: durable on this device before it is answered.
    async fn edit<R, E: std::fmt::Display>(
        &mut self,
        stream: &mut Option<SplitStream<WebSocket>>,
        doc_id: DocId,
        f: impl FnOnce(&mut AutoCommit, Timestamp) -> Result<R, E>,
    ) -> Result<R, String> {
        let Some(session) = self.session.as_mut() else {
            return Err("Join a project first.".into());
        };
        let now = web::now();
        let (r, out) = session
            .edit(&doc_id, |doc| {
                let r = f(doc, now)?;
                model::commit(doc, "edit", now);
                Ok(r)
            })
            .map_err(|e: EditError<E>| match e {
                EditError::Edit(e) => e.to_string(),
                other => format!("That change could not be made: {other}"),
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
