//! The native side of the world (desktop, Android, iOS): WebSocket, timers, clock,
//! randomness, and the webview's network and activity events. Reached through `platform`,
//! as `transport_web` is in the browser.
//!
//! Dioxus runs the app on a tokio runtime, so the WebSocket and timers are tokio's.

use super::platform::Incoming;
use crate::i18n::words;
use futures::channel::mpsc::UnboundedSender;
use futures::stream::{SplitSink, SplitStream};
use futures::{SinkExt, StreamExt};
use kumppani_core::time::Timestamp;
use std::path::PathBuf;
use std::time::Duration;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

/// How long a connection may take to open before it counts as failed.
const OPEN_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one frame (at most a few MiB) may take to go out.
const SEND_TIMEOUT: Duration = Duration::from_secs(30);

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

pub fn now() -> Timestamp {
    Timestamp::from_millis(now_ms() as i64)
}

/// Milliseconds since the epoch, for the driver's timers.
pub fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as f64)
        .unwrap_or(0.0)
}

pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).expect("the operating system's random source is available");
    b
}

/// Natively the app cannot know before it tries; a failed try backs off (see `Backoff`),
/// and the webview's `online` event cuts the wait short (see `watch_network`).
pub fn is_online() -> bool {
    true
}

pub async fn sleep_ms(ms: u32) {
    tokio::time::sleep(Duration::from_millis(u64::from(ms))).await;
}

/// Where this user's Kumppani data lives: `KUMPPANI_DATA_DIR` when set (tests, several
/// people sharing one account), else the platform's per-user data directory
/// (`~/.local/share/kumppani` on Linux, `~/Library/Application Support/kumppani` on macOS
/// and in an iOS app's sandbox, `%APPDATA%\kumppani` on Windows, the app's files
/// directory on Android).
pub fn data_dir() -> Result<PathBuf, super::store_error::StoreError> {
    if let Some(dir) = std::env::var_os("KUMPPANI_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    static DIR: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        #[cfg(target_os = "android")]
        let dir = android_files_dir();
        #[cfg(not(target_os = "android"))]
        let dir = dirs::data_dir().map(|d| d.join("kumppani"));
        dir
    })
    .clone()
    .ok_or_else(|| super::store_error::StoreError::Unavailable("no data directory".into()))
}

/// Creates the data directory readable by this user only: the list of profiles in it
/// is not sealed (the lock screen shows their names).
pub fn create_private_dir(dir: &std::path::Path) -> Result<(), super::store_error::StoreError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(|e| super::store_error::StoreError::Unavailable(e.to_string()))
}

/// The app's private files directory (`Context.getFilesDir()`): the only place on Android
/// that is the app's own for every user of the phone.
#[cfg(target_os = "android")]
fn android_files_dir() -> Option<PathBuf> {
    use jni::objects::{JObject, JString};
    let ctx = ndk_context::android_context();
    // SAFETY: the pointers are the running app's VM and Activity, which outlive us.
    let vm = unsafe { jni::JavaVM::from_raw(ctx.vm().cast()) }.ok()?;
    let mut env = vm.attach_current_thread().ok()?;
    let activity = unsafe { JObject::from_raw(ctx.context().cast()) };
    let file = env
        .call_method(&activity, "getFilesDir", "()Ljava/io/File;", &[])
        .ok()?
        .l()
        .ok()?;
    let path = env
        .call_method(&file, "getAbsolutePath", "()Ljava/lang/String;", &[])
        .ok()?
        .l()
        .ok()?;
    let path: String = env.get_string(&JString::from(path)).ok()?.into();
    Some(PathBuf::from(path))
}

/// The sending half of the hub connection.
pub struct FrameSink(SplitSink<Socket, Message>);

impl FrameSink {
    /// Whether the frame went out; `false` means the connection is broken.
    /// A link that takes no data for `SEND_TIMEOUT` counts as broken: the driver must not
    /// hang on it (the browser's WebSocket buffers instead of waiting).
    pub async fn send(&mut self, frame: Vec<u8>) -> bool {
        let sent = tokio::time::timeout(SEND_TIMEOUT, self.0.send(Message::binary(frame))).await;
        matches!(sent, Ok(Ok(())))
    }
}

/// The receiving half of the hub connection.
pub struct FrameStream(SplitStream<Socket>);

impl FrameStream {
    /// The next thing the connection brought; `None` once it has ended.
    pub async fn next(&mut self) -> Option<Incoming> {
        loop {
            return Some(match self.0.next().await? {
                Ok(Message::Binary(bytes)) => Incoming::Frame(bytes.to_vec()),
                Ok(Message::Text(_)) => Incoming::Text,
                Ok(Message::Close(_)) => Incoming::Closed,
                // Pings are answered by tungstenite itself.
                Ok(Message::Ping(_) | Message::Pong(_) | Message::Frame(_)) => continue,
                Err(_) => Incoming::Failed,
            });
        }
    }
}

/// Opens a WebSocket and waits until it is open (or failed).
pub async fn connect(url: &str) -> Result<(FrameSink, FrameStream), String> {
    match tokio::time::timeout(OPEN_TIMEOUT, tokio_tungstenite::connect_async(url)).await {
        Ok(Ok((ws, _))) => {
            let (sink, stream) = ws.split();
            Ok((FrameSink(sink), FrameStream(stream)))
        }
        // As the browser says it (see `transport_web`): the details are for a log, not a person.
        Ok(Err(tokio_tungstenite::tungstenite::Error::Io(_))) => {
            Err(words("msg-conn-refused", &[]))
        }
        Ok(Err(_)) => Err(words("msg-conn-failed", &[])),
        Err(_) => Err(words("msg-conn-timeout", &[])),
    }
}

/// The webview's events, as the browser build hears them from the page (see
/// `transport_web`): activity at most once a second, network changes, and being shown.
const EVENTS_JS: &str = r#"
let last = 0;
const used = () => { const now = Date.now(); if (now - last > 1000) { last = now; dioxus.send("used"); } };
for (const e of ["pointerdown", "keydown", "input", "wheel"]) window.addEventListener(e, used, true);
window.addEventListener("online", () => dioxus.send("online"));
window.addEventListener("offline", () => dioxus.send("offline"));
for (const e of ["visibilitychange", "pageshow", "focus"]) window.addEventListener(e, () => dioxus.send("shown"));
await new Promise(() => {});
"#;

/// Tells the driver whenever the webview's network comes or goes or it is shown again.
pub fn watch_network(tx: UnboundedSender<super::Command>) {
    watch_events(move |event| {
        let command = match event {
            "online" => super::Command::NetworkChanged { online: true },
            "offline" => super::Command::NetworkChanged { online: false },
            "shown" => super::Command::Shown,
            _ => return,
        };
        let _ = tx.unbounded_send(command);
    });
}

/// The time of the person's last touch, click or key press (ms since the epoch), kept up
/// to date for the app's life: the idle lock counts from it.
pub fn watch_activity() -> std::rc::Rc<std::cell::Cell<f64>> {
    let last = std::rc::Rc::new(std::cell::Cell::new(now_ms()));
    let seen = last.clone();
    watch_events(move |event| {
        if event == "used" {
            seen.set(now_ms());
        }
    });
    last
}

fn watch_events(mut on: impl FnMut(&str) + 'static) {
    dioxus::prelude::spawn(async move {
        let mut events = dioxus::document::eval(EVENTS_JS);
        while let Ok(event) = events.recv::<String>().await {
            on(&event);
        }
    });
}
