//! Devices coming back: each kept its documents and sync states from the burst, writes a
//! few entries offline, and reconnects. What it sends and receives is set against the size
//! of the changes that were new to one side or the other, and its round trips are the sync
//! frames it sent for each document.

use crate::device::{now_ms, Device};
use crate::workload;
use anyhow::Result;
use automerge::{AutoCommit, ChangeHash};
use futures::stream::{self, StreamExt};
use kumppani_core::api::JoinResponse;
use kumppani_core::ids::DocId;
use kumppani_core::model::member;
use kumppani_core::time::Timestamp;
use std::time::Duration;

/// What a device holds when it goes offline after the burst.
pub struct Kept {
    pub joined: JoinResponse,
    pub docs: Vec<(DocId, AutoCommit, Option<Vec<u8>>)>,
}

/// One returning device's figures.
pub struct Returned {
    /// Frame bytes both ways, the authentication and welcome included.
    pub bytes: u64,
    /// The changes either side lacked, as automerge saves them together (`save_after`).
    pub change_bytes: u64,
    pub docs: u64,
    /// The most sync frames the device sent for any one document.
    pub max_round_trips: u64,
}

impl Returned {
    /// How far past "1.25 × the new changes" the traffic went, per document.
    pub fn overhead_per_doc(&self) -> f64 {
        (self.bytes as f64 - 1.25 * self.change_bytes as f64) / self.docs.max(1) as f64
    }
}

/// Brings every kept device back with `entries` new entries, 16 at a time.
pub async fn run(
    url: &str,
    kept: Vec<Kept>,
    entries: usize,
    timeout: Duration,
) -> Vec<Result<Returned>> {
    stream::iter(kept)
        .map(|k| async move { come_back(url, k, entries, timeout).await })
        .buffer_unordered(16)
        .collect()
        .await
}

async fn come_back(
    url: &str,
    mut kept: Kept,
    entries: usize,
    timeout: Duration,
) -> Result<Returned> {
    let member_doc = kept.joined.member_doc;
    let before: Vec<(DocId, Vec<ChangeHash>)> = kept
        .docs
        .iter_mut()
        .map(|(id, doc, _)| (*id, doc.get_heads()))
        .collect();
    for (id, doc, _) in &mut kept.docs {
        if *id == member_doc {
            let now = now_ms();
            workload::diary_entries(doc, entries, now);
            member::commit(doc, "offline again", Timestamp(now));
        }
    }
    let ids: Vec<DocId> = before.iter().map(|(id, _)| *id).collect();
    let mut device = Device::connect_with(url, &kept.joined, kept.docs).await?;
    device
        .pump_until(timeout, |d| ids.iter().all(|id| d.in_sync.contains(id)))
        .await?;
    let mut change_bytes = 0;
    for (id, heads) in &before {
        if let Some(doc) = device.session.doc(id) {
            let mut doc = doc.clone();
            if doc.get_heads() != *heads {
                change_bytes += doc.save_after(heads).len() as u64;
            }
        }
    }
    let traffic = device.traffic.clone();
    device.close().await;
    Ok(Returned {
        bytes: traffic.bytes_sent + traffic.bytes_received,
        change_bytes,
        docs: ids.len() as u64,
        max_round_trips: traffic
            .sync_frames_sent
            .values()
            .copied()
            .max()
            .unwrap_or(0),
    })
}
