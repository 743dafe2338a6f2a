//! `GET /sync`: the sync WebSocket. A thin loop around [`crate::connection`]: it reads
//! binary messages, hands them over, sends the frames that come back and closes when told.
//! Generic over the socket's halves, so any `Sink`/`Stream` pair can drive it.

use super::guessing::ClientAddr;
use crate::clock::now_ms;
use crate::connection::{authenticate, Step};
use crate::limits::{Bucket, CONNECTIONS_PER_DEVICE};
use crate::state::AppState;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use futures::{Sink, SinkExt, Stream, StreamExt};
use kumppani_core::wire::{ErrorCode, Frame, MAX_FRAME_BYTES};
use std::net::IpAddr;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;

/// A device that has not authenticated by then is closed.
pub const AUTH_TIMEOUT: Duration = Duration::from_secs(10);

/// Room above the frame cap, so an oversized frame is answered, not just dropped.
const MESSAGE_LIMIT: usize = MAX_FRAME_BYTES + 64 * 1024;

/// WebSocket close code 1008: policy violation.
const CLOSE_POLICY: u16 = 1008;

pub fn router() -> Router<AppState> {
    Router::new().route("/sync", get(upgrade))
}

async fn upgrade(
    ws: WebSocketUpgrade,
    State(state): State<AppState>,
    ClientAddr(from): ClientAddr,
) -> Response {
    ws.max_message_size(MESSAGE_LIMIT)
        .max_frame_size(MESSAGE_LIMIT)
        .on_upgrade(move |socket: WebSocket| {
            let (sink, stream) = socket.split();
            serve(sink, stream, state, from)
        })
}

/// What one read from the socket gave.
enum Incoming {
    Frame(Vec<u8>),
    /// A message that is not a frame (text), or one over the size limit.
    Refused(Step),
    Gone,
}

async fn next_frame<R, E>(stream: &mut R) -> Incoming
where
    R: Stream<Item = Result<Message, E>> + Unpin,
    E: std::fmt::Display,
{
    loop {
        return match stream.next().await {
            Some(Ok(Message::Binary(bytes))) => Incoming::Frame(bytes.to_vec()),
            Some(Ok(Message::Text(_))) => Incoming::Refused(Step::fail(
                ErrorCode::Malformed,
                "Frames are binary WebSocket messages, not text.",
            )),
            Some(Ok(Message::Ping(_) | Message::Pong(_))) => continue,
            Some(Ok(Message::Close(_))) | None => Incoming::Gone,
            Some(Err(e)) => {
                let text = e.to_string();
                if text.to_ascii_lowercase().contains("too long") || text.contains("size") {
                    Incoming::Refused(Step::fail(
                        ErrorCode::TooLarge,
                        format!("Frames may be at most {MAX_FRAME_BYTES} bytes."),
                    ))
                } else {
                    tracing::debug!(error = %text, "websocket read failed");
                    Incoming::Gone
                }
            }
        };
    }
}

/// Sends a step's frames; `false` when the connection should end (closed, or the socket failed).
async fn carry_out<S>(sink: &mut S, step: Step) -> bool
where
    S: Sink<Message> + Unpin,
{
    for frame in step.send {
        if sink
            .send(Message::Binary(frame.encode().into()))
            .await
            .is_err()
        {
            return false;
        }
    }
    if step.close {
        let _ = sink
            .send(Message::Close(Some(CloseFrame {
                code: CLOSE_POLICY,
                reason: "closing".into(),
            })))
            .await;
        let _ = sink.close().await;
        return false;
    }
    true
}

/// How long the hub keeps reading (and dropping) what a device still sends after the hub
/// closed: closing a socket with unread bytes resets it, and a reset can overtake the
/// `Error` frame that says why, so the device would never read it.
const LINGER: Duration = Duration::from_secs(2);

async fn linger<R, E>(stream: &mut R)
where
    R: Stream<Item = Result<Message, E>> + Unpin,
{
    let _ = tokio::time::timeout(LINGER, async {
        while let Some(Ok(_)) = stream.next().await {}
    })
    .await;
}

/// Sends a refusal's frames, closes, and lingers until the device has read them.
async fn refuse<S, R, E>(sink: &mut S, stream: &mut R, step: Step)
where
    S: Sink<Message> + Unpin,
    R: Stream<Item = Result<Message, E>> + Unpin,
{
    let _ = carry_out(sink, step).await;
    linger(stream).await;
}

/// Runs one device's connection to its end. `from` is the client's address, for the limit
/// on failed sign-ins.
pub async fn serve<S, R, E>(mut sink: S, mut stream: R, state: AppState, from: IpAddr)
where
    S: Sink<Message> + Unpin,
    R: Stream<Item = Result<Message, E>> + Unpin,
    E: std::fmt::Display,
{
    // Subscribe before the Welcome, so no change made after it is missed.
    let mut events = state.events.subscribe();
    let first = match tokio::time::timeout(AUTH_TIMEOUT, next_frame(&mut stream)).await {
        Ok(Incoming::Frame(bytes)) => bytes,
        Ok(Incoming::Refused(step)) => {
            refuse(&mut sink, &mut stream, step).await;
            return;
        }
        Ok(Incoming::Gone) => return,
        Err(_) => {
            let step = Step::fail(
                ErrorCode::NotAuthenticated,
                "Authenticate within 10 seconds.",
            );
            refuse(&mut sink, &mut stream, step).await;
            return;
        }
    };
    if let Err(wait) = state.sign_in_failures.check(from, now_ms()) {
        let minutes = (wait.seconds() + 59) / 60;
        let step = Step::fail(
            ErrorCode::Limited,
            format!("Too many failed sign-ins from this network; try again in {minutes} minutes."),
        );
        refuse(&mut sink, &mut stream, step).await;
        return;
    }
    let (mut conn, welcome) = match authenticate(&state, &first).await {
        Ok(accepted) => accepted,
        Err(refusal) => {
            if refusal.send.iter().any(|f| {
                matches!(
                    f,
                    Frame::Error {
                        code: ErrorCode::AuthFailed,
                        ..
                    }
                )
            }) {
                state.sign_in_failures.failed(from, now_ms());
            }
            refuse(&mut sink, &mut stream, refusal).await;
            return;
        }
    };
    let Some(_slot) = state
        .connections
        .open(conn.identity.device, CONNECTIONS_PER_DEVICE)
    else {
        let step = Step::fail(
            ErrorCode::Limited,
            format!(
                "This device already has {CONNECTIONS_PER_DEVICE} connections open; close a tab or try again in a moment."
            ),
        );
        refuse(&mut sink, &mut stream, step).await;
        return;
    };
    if !carry_out(&mut sink, welcome).await {
        return;
    }
    let mut frames = Bucket::frames(now_ms());
    let mut bytes_in = Bucket::bytes(now_ms());
    let inbox = conn.inbox.clone();
    loop {
        let step = tokio::select! {
            docs = inbox.changed() => conn.push_docs(&state, docs).await,
            incoming = next_frame(&mut stream) => match incoming {
                Incoming::Frame(bytes) => {
                    let now = now_ms();
                    if frames.take(1.0, now) && bytes_in.take(bytes.len() as f64, now) {
                        conn.handle_frame(&state, &bytes).await
                    } else {
                        tracing::warn!(device = %conn.identity.device, "a device sent too fast");
                        Step::fail(
                            ErrorCode::Limited,
                            "This device sent too much too fast; it may reconnect in a moment.",
                        )
                    }
                }
                Incoming::Refused(step) => step,
                Incoming::Gone => break,
            },
            event = events.recv() => match event {
                Ok(event) => conn.on_event(event),
                Err(RecvError::Lagged(_)) => conn.push_all(&state).await,
                Err(RecvError::Closed) => break,
            },
        };
        if !carry_out(&mut sink, step).await {
            break;
        }
    }
    conn.finish(&state).await;
    linger(&mut stream).await;
}
