//! The browser's side of the world: WebSocket, timers, clock, randomness, network events.
//! Reached through `platform`, as `transport_native` is natively.

use super::platform::Incoming;
use crate::i18n::words;
use futures::channel::mpsc::UnboundedSender;
use futures::stream::{SplitSink, SplitStream};
use futures::{SinkExt, StreamExt};
use gloo_net::websocket::{futures::WebSocket, Message, State, WebSocketError};
use gloo_timers::future::TimeoutFuture;
use kumppani_core::time::Timestamp;
use wasm_bindgen::prelude::*;

/// How long a connection may take to open before it counts as failed.
const OPEN_TIMEOUT_MS: u32 = 10_000;

pub fn now() -> Timestamp {
    Timestamp::from_millis(js_sys::Date::now() as i64)
}

/// Milliseconds since the epoch, for the driver's timers.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).expect("the browser's crypto.getRandomValues is available");
    b
}

pub fn is_online() -> bool {
    web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true)
}

pub async fn sleep_ms(ms: u32) {
    TimeoutFuture::new(ms).await;
}

/// The sending half of the hub connection.
pub struct FrameSink(SplitSink<WebSocket, Message>);

impl FrameSink {
    /// Whether the frame went out; `false` means the connection is broken.
    pub async fn send(&mut self, frame: Vec<u8>) -> bool {
        self.0.send(Message::Bytes(frame)).await.is_ok()
    }
}

/// The receiving half of the hub connection.
pub struct FrameStream(SplitStream<WebSocket>);

impl FrameStream {
    /// The next thing the connection brought; `None` once it has ended.
    pub async fn next(&mut self) -> Option<Incoming> {
        Some(match self.0.next().await? {
            Ok(Message::Bytes(bytes)) => Incoming::Frame(bytes),
            Ok(Message::Text(_)) => Incoming::Text,
            Err(WebSocketError::ConnectionClose(_)) => Incoming::Closed,
            Err(_) => Incoming::Failed,
        })
    }
}

/// Opens a WebSocket and waits until it is open (or failed).
pub async fn connect(url: &str) -> Result<(FrameSink, FrameStream), String> {
    let ws = WebSocket::open(url).map_err(|_| words("msg-conn-failed", &[]))?;
    let mut waited = 0;
    loop {
        match ws.state() {
            State::Open => {
                let (sink, stream) = ws.split();
                return Ok((FrameSink(sink), FrameStream(stream)));
            }
            State::Closing | State::Closed => return Err(words("msg-conn-refused", &[])),
            State::Connecting if waited >= OPEN_TIMEOUT_MS => {
                return Err(words("msg-conn-timeout", &[]))
            }
            State::Connecting => {
                sleep_ms(50).await;
                waited += 50;
            }
        }
    }
}

/// Tells the driver whenever the browser's network comes or goes, and when the page is
/// shown again (a tablet waking from sleep: timers may not have run while it was hidden,
/// so the idle lock is checked at once). Lives for the page.
pub fn watch_network(tx: UnboundedSender<super::Command>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    {
        let tx = tx.clone();
        let cb = Closure::<dyn FnMut()>::new(move || {
            let _ = tx.unbounded_send(super::Command::Shown);
        });
        for event in ["visibilitychange", "pageshow", "focus"] {
            let _ = window.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
        }
        cb.forget();
    }
    for (event, online) in [("online", true), ("offline", false)] {
        let tx = tx.clone();
        let cb = Closure::<dyn FnMut()>::new(move || {
            let _ = tx.unbounded_send(super::Command::NetworkChanged { online });
        });
        let _ = window.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
        cb.forget();
    }
}

/// The time of the person's last touch, click or key press (ms since the epoch), kept up
/// to date for the page's life: the idle lock counts from it.
pub fn watch_activity() -> std::rc::Rc<std::cell::Cell<f64>> {
    let last = std::rc::Rc::new(std::cell::Cell::new(js_sys::Date::now()));
    let Some(window) = web_sys::window() else {
        return last;
    };
    for event in ["pointerdown", "keydown", "input", "wheel"] {
        let last = last.clone();
        let cb = Closure::<dyn FnMut()>::new(move || last.set(js_sys::Date::now()));
        // Capture, so a view that stops propagation still counts as use.
        let _ = window.add_event_listener_with_callback_and_bool(
            event,
            cb.as_ref().unchecked_ref(),
            true,
        );
        cb.forget();
    }
    last
}
