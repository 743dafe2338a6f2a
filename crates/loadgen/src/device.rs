//! One simulated device: core's real `ClientSession` over a real WebSocket, counting the
//! bytes and frames it sends and receives.

use anyhow::{bail, Context, Result};
use automerge::AutoCommit;
use futures::{SinkExt, StreamExt};
use kumppani_core::api::JoinResponse;
use kumppani_core::ids::DocId;
use kumppani_core::session::{ClientSession, SessionEvent, SessionInput, SessionOutput};
use kumppani_core::time::Timestamp;
use kumppani_core::wire::Frame;
use std::collections::{HashMap, HashSet};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

#[derive(Debug, Default, Clone)]
pub struct Traffic {
    pub bytes_sent: u64,
    pub bytes_received: u64,
    pub frames_sent: u64,
    /// Sync frames sent per document: the device's round trips for it.
    pub sync_frames_sent: HashMap<DocId, u64>,
}

pub struct Device {
    pub session: ClientSession,
    ws: WebSocketStream<MaybeTlsStream<TcpStream>>,
    /// Documents whose latest `InSync` came after their latest change on either side.
    pub in_sync: HashSet<DocId>,
    pub traffic: Traffic,
    /// The latest sync state of each document, as the app keeps it between connections.
    pub sync_states: HashMap<DocId, Vec<u8>>,
}

impl Device {
    /// Connects and authenticates. `member` is the device's member document as it stands
    /// (with its offline backlog).
    pub async fn connect(hub_url: &str, joined: &JoinResponse, member: AutoCommit) -> Result<Self> {
        Self::connect_with(hub_url, joined, vec![(joined.member_doc, member, None)]).await
    }

    /// Connects with the documents and sync states a device kept from earlier connections.
    pub async fn connect_with(
        hub_url: &str,
        joined: &JoinResponse,
        docs: Vec<(DocId, AutoCommit, Option<Vec<u8>>)>,
    ) -> Result<Self> {
        let mut session = ClientSession::new(joined.token.clone(), crate::workload::random_id());
        for (id, doc, state) in docs {
            session.add_doc(id, doc, state.as_deref());
        }
        let url = format!("{}/sync", hub_url.replacen("http", "ws", 1));
        let (ws, _) = tokio_tungstenite::connect_async(url)
            .await
            .context("connecting the sync WebSocket")?;
        let mut device = Device {
            session,
            ws,
            in_sync: HashSet::new(),
            traffic: Traffic::default(),
            sync_states: HashMap::new(),
        };
        let out = device
            .session
            .handle(Timestamp(now_ms()), SessionInput::Connected);
        device.carry_out(out).await?;
        Ok(device)
    }

    /// Runs the protocol until `done` holds, or fails after `timeout`.
    pub async fn pump_until(
        &mut self,
        timeout: Duration,
        mut done: impl FnMut(&Self) -> bool,
    ) -> Result<()> {
        let deadline = tokio::time::Instant::now() + timeout;
        while !done(self) {
            let msg = tokio::time::timeout_at(deadline, self.ws.next())
                .await
                .context("timed out")?;
            match msg {
                Some(Ok(Message::Binary(bytes))) => {
                    self.traffic.bytes_received += bytes.len() as u64;
                    let out = self
                        .session
                        .handle(Timestamp(now_ms()), SessionInput::Received(bytes.to_vec()));
                    self.carry_out(out).await?;
                }
                Some(Ok(Message::Ping(_) | Message::Pong(_))) => {}
                other => bail!("the connection ended: {other:?}"),
            }
        }
        Ok(())
    }

    /// Edits a document the device holds, as the app does, and offers the change.
    pub async fn edit(&mut self, doc: DocId, f: impl FnOnce(&mut AutoCommit)) -> Result<()> {
        let ((), out) = self
            .session
            .edit(&doc, |d| {
                f(d);
                d.commit();
                Ok::<_, std::convert::Infallible>(())
            })
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        self.in_sync.remove(&doc);
        self.carry_out(out).await
    }

    async fn carry_out(&mut self, out: SessionOutput) -> Result<()> {
        for event in &out.events {
            match event {
                SessionEvent::InSync(doc) => {
                    self.in_sync.insert(*doc);
                }
                SessionEvent::DocChanged(doc) => {
                    self.in_sync.remove(doc);
                }
                _ => {}
            }
        }
        self.sync_states.extend(out.save_sync_states);
        for frame in out.send {
            self.traffic.bytes_sent += frame.len() as u64;
            self.traffic.frames_sent += 1;
            if let Ok(Frame::Sync { doc, .. }) = Frame::decode(&frame) {
                *self.traffic.sync_frames_sent.entry(doc).or_default() += 1;
            }
            self.ws.send(Message::Binary(frame.into())).await?;
        }
        if let Some(reason) = out.close {
            bail!("the session closed: {reason:?}");
        }
        Ok(())
    }

    pub fn doc(&self, id: DocId) -> Option<&AutoCommit> {
        self.session.doc(&id)
    }

    /// What the device keeps when it goes offline: each document with its sync state.
    pub fn keep(&self) -> Vec<(DocId, AutoCommit, Option<Vec<u8>>)> {
        self.session
            .doc_ids()
            .filter_map(|id| {
                let doc = self.session.doc(id)?.clone();
                Some((*id, doc, self.sync_states.get(id).cloned()))
            })
            .collect()
    }

    pub async fn close(mut self) {
        let _ = self.ws.close(None).await;
    }
}

/// Joins the project over HTTP, as the app's join page does.
pub async fn join(
    http: &reqwest::Client,
    hub_url: &str,
    code: &str,
    name: &str,
) -> Result<JoinResponse> {
    let res = http
        .post(format!("{hub_url}/api/join"))
        .json(&serde_json::json!({ "code": code, "display_name": name }))
        .send()
        .await?;
    if !res.status().is_success() {
        bail!(
            "join failed: {} {}",
            res.status(),
            res.text().await.unwrap_or_default()
        );
    }
    Ok(res.json().await?)
}
