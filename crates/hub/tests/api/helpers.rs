//! Spawning the hub, calling its API, and driving the real device protocol
//! (`kumppani_core::session::ClientSession`) over a tokio-tungstenite socket.

use futures::{FutureExt, SinkExt, StreamExt};
use kumppani_core::api::{JoinResponse, LinkCodeResponse};
use kumppani_core::ids::{DeviceId, DocId, EntryId};
use kumppani_core::model::{member, DiaryEntry, EntryDraft, Mood};
use kumppani_core::session::{ClientSession, SessionEvent, SessionInput, SessionOutput};
use kumppani_core::store::StoredDoc;
use kumppani_core::time::Timestamp;
use kumppani_core::wire::{ErrorCode, Frame};
use kumppani_hub::clock::now_ms;
use kumppani_hub::projects::{create_project, NewProject};
use kumppani_hub::store::postgres::PgStore;
use kumppani_hub::store::HubStore;
use kumppani_hub::tokens::random_bytes;
use kumppani_hub::{Application, Config};
use sqlx::Connection;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Duration;
use tempfile::TempDir;
use tokio::net::TcpStream;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

const WAIT: Duration = Duration::from_secs(15);

pub struct TestApp {
    pub base: String,
    pub http: reqwest::Client,
    pub store: Arc<dyn HubStore>,
    pub data: Arc<TempDir>,
    pub project: NewProject,
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

/// A hub over a fresh data dir with one project.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(Arc::new(tempfile::tempdir().unwrap()), None, |_| {}).await
}

/// A hub over `data`; makes a project unless `project` is the one already in it.
pub async fn spawn_app_with(
    data: Arc<TempDir>,
    project: Option<NewProject>,
    configure: impl FnOnce(&mut Config),
) -> TestApp {
    let mut config = Config::local(data.path());
    configure(&mut config);
    let app = Application::build(config).await.expect("the hub starts");
    let base = format!("http://{}", app.local_addr());
    let store = app.state().store.clone();
    let project = match project {
        Some(p) => p,
        None => create_project(store.as_ref(), "Testiprojekti")
            .await
            .unwrap(),
    };
    let (stop, stopped) = oneshot::channel();
    let task = tokio::spawn(async move {
        app.run_until(async {
            let _ = stopped.await;
        })
        .await
        .expect("the hub runs");
    });
    TestApp {
        base,
        http: reqwest::Client::new(),
        store,
        data,
        project,
        stop,
        task,
    }
}

impl TestApp {
    pub async fn post(&self, path: &str, body: serde_json::Value) -> reqwest::Response {
        self.http
            .post(format!("{}{path}", self.base))
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub async fn join(&self, code: &str, name: &str) -> reqwest::Response {
        self.post(
            "/api/join",
            serde_json::json!({ "code": code, "display_name": name }),
        )
        .await
    }

    /// Joins the project as a resident; panics unless that works.
    pub async fn joined(&self, name: &str) -> JoinResponse {
        self.joined_with(&self.project.join_code, name).await
    }

    /// Joins with the project's organiser code.
    pub async fn joined_organiser(&self, name: &str) -> JoinResponse {
        self.joined_with(&self.project.organiser_code, name).await
    }

    async fn joined_with(&self, code: &str, name: &str) -> JoinResponse {
        let res = self.join(code, name).await;
        assert_eq!(res.status(), 200);
        res.json().await.unwrap()
    }

    pub async fn link_code_response(&self, token: &str) -> reqwest::Response {
        self.http
            .post(format!("{}/api/devices/link-code", self.base))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
    }

    pub async fn link_code(&self, token: &str) -> LinkCodeResponse {
        let res = self.link_code_response(token).await;
        assert_eq!(res.status(), 200);
        res.json().await.unwrap()
    }

    pub async fn link(&self, code: &str) -> reqwest::Response {
        self.post(
            "/api/devices/link",
            serde_json::json!({ "code": code, "device_name": "Tabletti" }),
        )
        .await
    }

    /// Links a second device of the member holding `token`.
    pub async fn linked(&self, token: &str) -> JoinResponse {
        let code = self.link_code(token).await.code;
        let res = self.link(&code).await;
        assert_eq!(res.status(), 200);
        res.json().await.unwrap()
    }

    /// Revokes `device` with the token of a device of the same member (or another's).
    pub async fn revoke(&self, token: &str, device: DeviceId) -> reqwest::Response {
        self.http
            .post(format!("{}/api/devices/revoke", self.base))
            .bearer_auth(token)
            .json(&serde_json::json!({ "device_id": device.to_string() }))
            .send()
            .await
            .unwrap()
    }

    pub async fn stored(&self, doc: DocId) -> StoredDoc {
        self.store.load_doc(doc).await.unwrap()
    }

    pub async fn stored_entries(&self, doc: DocId) -> Vec<DiaryEntry> {
        member::entries(&self.stored(doc).await.to_doc().unwrap())
    }

    pub async fn socket(&self) -> Ws {
        let url = format!("{}/sync", self.base.replacen("http", "ws", 1));
        tokio_tungstenite::connect_async(url)
            .await
            .expect("websocket connects")
            .0
    }

    /// A raw socket that has sent `Auth` with `token`; the hub's answer is not read yet.
    pub async fn socket_sending_auth(&self, token: &str) -> Ws {
        let mut ws = self.socket().await;
        send_frame(
            &mut ws,
            &Frame::Auth {
                token: token.into(),
            },
        )
        .await;
        ws
    }

    /// A raw socket that has sent `Auth` with `token` and received its `Welcome`.
    pub async fn authed_socket(&self, token: &str) -> Ws {
        let mut ws = self.socket_sending_auth(token).await;
        assert!(matches!(next_frame(&mut ws).await, Some(Frame::Welcome(_))));
        ws
    }

    /// Stops the hub gracefully (and the test's devices must have closed first).
    pub async fn stop(self) -> Arc<TempDir> {
        let _ = self.stop.send(());
        if tokio::time::timeout(WAIT, &mut { self.task })
            .await
            .is_err()
        {
            panic!("the hub did not stop in time");
        }
        self.data
    }
}

pub async fn send_frame(ws: &mut Ws, frame: &Frame) {
    ws.send(Message::Binary(frame.encode().into()))
        .await
        .unwrap();
}

/// The next frame from the hub, or `None` when the connection closed.
pub async fn next_frame(ws: &mut Ws) -> Option<Frame> {
    loop {
        match tokio::time::timeout(WAIT, ws.next())
            .await
            .expect("the hub answers in time")
        {
            Some(Ok(Message::Binary(b))) => {
                return Some(Frame::decode(&b).expect("the hub sends valid frames"))
            }
            Some(Ok(Message::Ping(_) | Message::Pong(_))) => continue,
            _ => return None,
        }
    }
}

/// Expects an `Error` frame with `code`, then the connection's end.
pub async fn expect_error_and_close(ws: &mut Ws, code: ErrorCode) -> String {
    match next_frame(ws).await {
        Some(Frame::Error { code: got, message }) => {
            assert_eq!(got, code, "{message}");
            assert!(
                next_frame(ws).await.is_none(),
                "the hub closes after an error"
            );
            message
        }
        other => panic!("expected Error {code:?}, got {other:?}"),
    }
}

/// A diary entry as a person writes one now.
pub fn entry_draft(text: impl Into<String>) -> EntryDraft {
    EntryDraft {
        text: text.into(),
        mood: Mood::new(4).unwrap(),
        tags: vec!["testi".into()],
        at: Timestamp(now_ms()),
        prompt: None,
    }
}

/// Adds a diary entry with a fresh id to `doc` and commits it, as a device writes one.
pub fn add_committed_entry(doc: &mut automerge::AutoCommit, text: impl Into<String>) {
    let id = EntryId::from_bytes(random_bytes());
    member::add_entry(doc, id, &entry_draft(text), Timestamp(now_ms())).unwrap();
    member::commit(doc, "entry", Timestamp(now_ms()));
}

/// A device running the real sync session against the hub.
pub struct Device {
    pub session: ClientSession,
    pub doc: DocId,
    ws: Ws,
    in_sync: bool,
    /// Documents whose latest `InSync` was not followed by a local edit.
    synced: std::collections::HashSet<DocId>,
    /// Documents the hub answered `Unavailable` for.
    pub unavailable: std::collections::HashSet<DocId>,
}

impl Device {
    /// Connects with the joined identity and waits for the hub's `Welcome`.
    pub async fn connect(app: &TestApp, joined: &JoinResponse) -> Device {
        Self::connect_with(app, joined, member::new_document()).await
    }

    /// Connects holding `member_doc` as this device has it (from an earlier connection).
    pub async fn connect_with(
        app: &TestApp,
        joined: &JoinResponse,
        member_doc: automerge::AutoCommit,
    ) -> Device {
        let mut session = ClientSession::new(joined.token.clone(), random_bytes());
        session.add_doc(joined.member_doc, member_doc, None);
        let mut device = Device {
            session,
            doc: joined.member_doc,
            ws: app.socket().await,
            in_sync: false,
            synced: Default::default(),
            unavailable: Default::default(),
        };
        let out = device
            .session
            .handle(Timestamp(now_ms()), SessionInput::Connected);
        device.carry_out(out).await;
        device
            .pump_until("the Welcome", |d| {
                matches!(d.session.phase(), kumppani_core::session::Phase::Ready(_))
            })
            .await;
        device
    }

    /// Writes a diary entry, as the app does, and offers it to the hub.
    pub async fn write(&mut self, text: &str) -> EntryId {
        let id = EntryId::from_bytes(random_bytes());
        let draft = entry_draft(text);
        let doc = self.doc;
        let ((), out) = self
            .session
            .edit(&doc, |d| {
                member::add_entry(d, id, &draft, Timestamp(now_ms()))?;
                member::commit(d, "entry", Timestamp(now_ms()));
                Ok::<_, member::MemberDocError>(())
            })
            .unwrap();
        self.in_sync = false;
        self.carry_out(out).await;
        id
    }

    /// Runs the protocol until the session reports the member document in sync.
    pub async fn sync(&mut self) {
        self.pump_until("InSync", |d| d.in_sync).await;
    }

    /// Runs the protocol until `done` holds (or fails after a timeout).
    pub async fn pump_until(&mut self, what: &str, mut done: impl FnMut(&mut Self) -> bool) {
        let deadline = tokio::time::Instant::now() + WAIT;
        while !done(self) {
            let msg = tokio::time::timeout_at(deadline, self.ws.next())
                .await
                .unwrap_or_else(|_| panic!("timed out waiting for {what}"));
            match msg {
                Some(Ok(Message::Binary(bytes))) => {
                    let out = self
                        .session
                        .handle(Timestamp(now_ms()), SessionInput::Received(bytes.to_vec()));
                    self.carry_out(out).await;
                }
                Some(Ok(Message::Ping(_) | Message::Pong(_))) => {}
                other => panic!("connection ended while waiting for {what}: {other:?}"),
            }
        }
    }

    /// Edits any document the device holds, as the app does, and offers it to the hub.
    pub async fn edit<R>(
        &mut self,
        doc: DocId,
        f: impl FnOnce(&mut automerge::AutoCommit) -> R,
    ) -> R {
        let (r, out) = self
            .session
            .edit(&doc, |d| {
                let r = f(d);
                d.commit();
                Ok::<_, std::convert::Infallible>(r)
            })
            .unwrap();
        self.synced.remove(&doc);
        if doc == self.doc {
            self.in_sync = false;
        }
        self.carry_out(out).await;
        r
    }

    /// Runs the protocol until the session reports `doc` in sync with the hub.
    pub async fn sync_doc(&mut self, doc: DocId) {
        self.pump_until("InSync", |d| d.synced.contains(&doc)).await;
    }

    /// Runs the protocol until `check` holds of the document `doc` as this device has it.
    pub async fn wait_for(
        &mut self,
        what: &str,
        doc: DocId,
        mut check: impl FnMut(&automerge::AutoCommit) -> bool,
    ) {
        self.pump_until(what, |d| d.session.doc(&doc).is_some_and(&mut check))
            .await;
    }

    async fn carry_out(&mut self, out: SessionOutput) {
        for event in &out.events {
            match event {
                SessionEvent::InSync(doc) => {
                    if *doc == self.doc {
                        self.in_sync = true;
                    }
                    self.synced.insert(*doc);
                }
                SessionEvent::Unavailable(doc) => {
                    self.unavailable.insert(*doc);
                }
                SessionEvent::DocChanged(doc) => {
                    self.synced.remove(doc);
                }
                _ => {}
            }
        }
        for frame in out.send {
            self.ws.send(Message::Binary(frame.into())).await.unwrap();
        }
        if let Some(reason) = out.close {
            panic!("the session closed: {reason:?}");
        }
    }

    pub fn entries(&self) -> Vec<DiaryEntry> {
        member::entries(self.session.doc(&self.doc).expect("the member document"))
    }

    pub async fn close(mut self) {
        let _ = self.ws.close(None).await;
        while let Ok(Some(_)) = tokio::time::timeout(WAIT, self.ws.next()).await {}
    }
}

/// A fresh database on the test server, dropped after the test (even a failed one).
pub struct TestDb {
    pub admin_url: String,
    pub name: String,
    pub url: String,
}

impl TestDb {
    pub async fn create() -> Option<Self> {
        let Ok(admin_url) = std::env::var("KUMPPANI_TEST_PG_URL") else {
            eprintln!("KUMPPANI_TEST_PG_URL is not set: skipped the PostgreSQL store tests");
            return None;
        };
        let name = format!("kumppani_test_{}", hex::encode(random_bytes::<8>()));
        let mut admin = sqlx::PgConnection::connect(&admin_url).await.unwrap();
        sqlx::raw_sql(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .unwrap();
        admin.close().await.unwrap();
        let url = with_database(&admin_url, &name);
        Some(Self {
            admin_url,
            name,
            url,
        })
    }

    pub async fn store(&self) -> PgStore {
        PgStore::connect(&self.url).await.unwrap()
    }

    /// Runs `test`, then drops the database whatever happened, then passes on a panic.
    pub async fn run<F: Future<Output = ()>>(self, test: F) {
        let outcome = AssertUnwindSafe(test).catch_unwind().await;
        let mut admin = sqlx::PgConnection::connect(&self.admin_url).await.unwrap();
        sqlx::raw_sql(&format!("DROP DATABASE {} WITH (FORCE)", self.name))
            .execute(&mut admin)
            .await
            .unwrap();
        admin.close().await.unwrap();
        if let Err(panic) = outcome {
            std::panic::resume_unwind(panic);
        }
    }
}

/// Cuts database `name` off (no new connection accepted, every open one ended) or lets it
/// be reached again: a database server lost and back, for this test's database alone.
pub async fn set_database_reachable(admin_url: &str, name: &str, reachable: bool) {
    let mut admin = sqlx::PgConnection::connect(admin_url).await.unwrap();
    sqlx::raw_sql(&format!(
        "ALTER DATABASE {name} WITH ALLOW_CONNECTIONS {reachable}"
    ))
    .execute(&mut admin)
    .await
    .unwrap();
    if !reachable {
        sqlx::query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1")
            .bind(name)
            .execute(&mut admin)
            .await
            .unwrap();
    }
    admin.close().await.unwrap();
}

/// `url` with its database (the path) replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let base = match base[authority_start..].find('/') {
        Some(i) => &base[..authority_start + i],
        None => base,
    };
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

/// The real hub binary as a process of its own: to kill it, or to read what it logs.
pub struct HubProcess {
    pub child: tokio::process::Child,
    pub url: String,
    log: Arc<std::sync::Mutex<String>>,
}

impl HubProcess {
    /// Serves `data` on a free loopback port with `RUST_LOG=rust_log` and `extra` arguments;
    /// returns once it listens.
    pub async fn start(data: &std::path::Path, rust_log: &str, extra: &[&str]) -> Self {
        Self::spawn(data, rust_log, extra, None).await
    }

    /// Like [`HubProcess::start`], but no file the hub writes may grow past `bytes`: its
    /// writes fail as on a full disk, until [`HubProcess::lift_file_size_limit`].
    pub async fn start_with_file_size_limit(data: &std::path::Path, bytes: u64) -> Self {
        Self::spawn(data, "info", &[], Some(bytes)).await
    }

    async fn spawn(
        data: &std::path::Path,
        rust_log: &str,
        extra: &[&str],
        file_size_limit: Option<u64>,
    ) -> Self {
        use tokio::io::{AsyncBufReadExt, BufReader};
        let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_kumppani-hub"));
        command
            .args(["serve", "--addr", "127.0.0.1:0", "--data"])
            .arg(data)
            .args(extra)
            .env("RUST_LOG", rust_log)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .kill_on_drop(true);
        if let Some(bytes) = file_size_limit {
            // SAFETY: only async-signal-safe calls between fork and exec. An ignored
            // SIGXFSZ stays ignored across exec, so a write past the limit fails with EFBIG
            // instead of killing the hub.
            unsafe {
                command.pre_exec(move || {
                    let limit = libc::rlimit {
                        rlim_cur: bytes,
                        rlim_max: libc::RLIM_INFINITY,
                    };
                    if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                    Ok(())
                });
            }
        }
        let mut child = command.spawn().expect("the hub binary starts");
        let log = Arc::new(std::sync::Mutex::new(String::new()));
        let mut errs = BufReader::new(child.stderr.take().unwrap()).lines();
        let keep = log.clone();
        tokio::spawn(async move {
            while let Ok(Some(line)) = errs.next_line().await {
                let mut log = keep.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let url = loop {
            let line = lines
                .next_line()
                .await
                .unwrap()
                .expect("the hub prints its address");
            if let Some(url) = line.strip_prefix("KUMPPANI_HUB_LISTENING ") {
                break url.trim().to_owned();
            }
        };
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Self { child, url, log }
    }

    /// Waits up to five seconds for `line` to appear in the hub's log (it is read from the
    /// process's stderr as it comes, a little after the hub writes it).
    pub async fn logged(&self, line: &str) -> bool {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(5);
        while !self.log().contains(line) {
            if tokio::time::Instant::now() >= deadline {
                return false;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        true
    }

    /// Everything the hub has written to stderr (its log) so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Lets the hub's files grow again, as when an operator frees space on its disk.
    pub fn lift_file_size_limit(&self) {
        let pid = self.child.id().expect("the hub runs") as libc::pid_t;
        let none = libc::rlimit {
            rlim_cur: libc::RLIM_INFINITY,
            rlim_max: libc::RLIM_INFINITY,
        };
        // SAFETY: plain system call on a live child's pid with valid pointers.
        let done = unsafe { libc::prlimit(pid, libc::RLIMIT_FSIZE, &none, std::ptr::null_mut()) };
        assert_eq!(done, 0, "prlimit: {}", std::io::Error::last_os_error());
    }

    /// SIGKILL, and waits for the process to be gone.
    pub async fn kill(&mut self) {
        self.child.start_kill().unwrap();
        self.child.wait().await.unwrap();
    }
}
