//! A resident's phone for tests where the hub fails: it keeps its member document across
//! connections, as the app does, and a connection that dies or is refused is an outcome
//! to look at, not a panic (unlike `helpers::Device`, which expects a healthy hub).

use crate::helpers::entry_draft;
use automerge::{AutoCommit, ChangeHash};
use futures::{SinkExt, StreamExt};
use kumppani_core::api::JoinResponse;
use kumppani_core::backoff::Backoff;
use kumppani_core::ids::{EntryId, EventId};
use kumppani_core::model::member;
use kumppani_core::session::{ClientSession, SessionEvent, SessionInput};
use kumppani_core::time::Timestamp;
use kumppani_core::wire::ErrorCode;
use kumppani_hub::clock::now_ms;
use kumppani_hub::tokens::random_bytes;
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;

/// How one connection ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Synced {
    /// The hub holds everything the phone had: these heads.
    Acked(Vec<ChangeHash>),
    /// The hub closed the connection and said why.
    Refused(ErrorCode),
    /// The connection failed, died or went silent with no word from the hub.
    Lost,
}

/// A phone's member document as it stands, kept across connections.
pub struct Phone {
    pub joined: JoinResponse,
    pub doc: AutoCommit,
}

impl Phone {
    pub fn new(joined: JoinResponse) -> Self {
        Self {
            joined,
            doc: member::new_document(),
        }
    }

    /// Writes `entries` new diary entries (each with a sign-up for `signup`) on the device,
    /// as the app does; returns their ids.
    pub fn write(&mut self, entries: usize, signup: Option<EventId>) -> Vec<EntryId> {
        (0..entries)
            .map(|i| {
                let id = EntryId::from_bytes(random_bytes());
                let draft = entry_draft(format!("Merkintä {i} kello {}", now_ms()));
                member::add_entry(&mut self.doc, id, &draft, Timestamp(now_ms())).unwrap();
                if let Some(event) = signup {
                    member::request_signup(&mut self.doc, event, Timestamp(now_ms())).unwrap();
                }
                member::commit(&mut self.doc, "entry", Timestamp(now_ms()));
                id
            })
            .collect()
    }

    /// One connection to the hub at `url`: syncs the member document until the hub has it
    /// all, refuses, or the connection is lost (or silent for `silence`). The phone keeps
    /// whatever it received either way.
    pub async fn sync_once(&mut self, url: &str, silence: Duration) -> Synced {
        let doc_id = self.joined.member_doc;
        let mut session = ClientSession::new(self.joined.token.clone(), random_bytes());
        session.add_doc(doc_id, self.doc.clone(), None);
        let outcome = drive(&mut session, url, silence, doc_id).await;
        self.doc = session.doc(&doc_id).unwrap().clone();
        outcome
    }

    /// Syncs until the hub has everything, backing off between tries as the app does; gives
    /// up after `tries`. Returns each failed try's outcome and the acknowledged heads.
    pub async fn sync_with_retries(
        &mut self,
        url: &str,
        tries: usize,
    ) -> (Vec<Synced>, Option<Vec<ChangeHash>>) {
        let mut backoff = Backoff::new(Duration::from_millis(100), Duration::from_secs(2));
        let mut failures = Vec::new();
        for _ in 0..tries {
            match self.sync_once(url, Duration::from_secs(10)).await {
                Synced::Acked(heads) => return (failures, Some(heads)),
                failed => failures.push(failed),
            }
            let delay = backoff.next_delay(u32::from_le_bytes(random_bytes()));
            tokio::time::sleep(delay).await;
        }
        (failures, None)
    }
}

async fn drive(
    session: &mut ClientSession,
    url: &str,
    silence: Duration,
    doc_id: kumppani_core::ids::DocId,
) -> Synced {
    let sync_url = format!("{}/sync", url.replacen("http", "ws", 1));
    let Ok((mut ws, _)) = tokio_tungstenite::connect_async(sync_url).await else {
        return Synced::Lost;
    };
    let mut out = session.handle(Timestamp(now_ms()), SessionInput::Connected);
    loop {
        for frame in std::mem::take(&mut out.send) {
            if ws.send(Message::Binary(frame.into())).await.is_err() {
                return Synced::Lost;
            }
        }
        if out.events.contains(&SessionEvent::InSync(doc_id)) {
            let heads = session.doc(&doc_id).unwrap().clone().get_heads();
            let _ = ws.close(None).await;
            return Synced::Acked(heads);
        }
        if let Some(close) = out.close.take() {
            return if close.from_hub {
                Synced::Refused(close.code)
            } else {
                Synced::Lost
            };
        }
        match tokio::time::timeout(silence, ws.next()).await {
            Ok(Some(Ok(Message::Binary(bytes)))) => {
                out = session.handle(Timestamp(now_ms()), SessionInput::Received(bytes.to_vec()));
            }
            Ok(Some(Ok(Message::Ping(_) | Message::Pong(_)))) => out = Default::default(),
            _ => return Synced::Lost,
        }
    }
}
