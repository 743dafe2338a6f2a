//! What organisers took off the app: each export of a roster, the ideas or the shared
//! diary entries is recorded in the staff document by the device that made it, offline
//! too, so the hub's audit log learns of it when the device syncs.
//!
//! ```text
//! exports: { <export id>: { what, event?, at, by: <device id> } }   organisers
//! ```
//! The map is made by the first export (documents from before it lack it); two devices
//! that each made it offline leave two maps at one key, and readers read both.

use super::StaffDocError;
use crate::ids::{DeviceId, EventId, ExportId};
use crate::model::{ensure_map, get_i64, get_map, get_maps, get_str};
use crate::time::Timestamp;
use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjType, ReadDoc, ROOT};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const EXPORTS: &str = "exports";

/// What was exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportKind {
    /// An event's roster (names, sign-ups, check-ins).
    Roster,
    /// The project's ideas.
    Ideas,
    /// The shared diary entries and their codes.
    Entries,
}

impl ExportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ExportKind::Roster => "roster",
            ExportKind::Ideas => "ideas",
            ExportKind::Entries => "entries",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "roster" => ExportKind::Roster,
            "ideas" => ExportKind::Ideas,
            "entries" => ExportKind::Entries,
            _ => return None,
        })
    }
}

/// One recorded export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRecord {
    pub id: ExportId,
    pub what: ExportKind,
    pub event: Option<EventId>,
    pub at: Timestamp,
    pub by: DeviceId,
}

/// Records an export. The caller commits.
pub fn record_export(doc: &mut AutoCommit, record: &ExportRecord) -> Result<(), StaffDocError> {
    let exports = ensure_map(doc, &ROOT, EXPORTS)?;
    let obj = doc.put_object(&exports, record.id.to_string(), ObjType::Map)?;
    doc.put(&obj, "what", record.what.as_str())?;
    if let Some(event) = record.event {
        doc.put(&obj, "event", event.to_string())?;
    }
    doc.put(&obj, "at", record.at.millis())?;
    doc.put(&obj, "by", record.by.to_string())?;
    Ok(())
}

/// Every recorded export, by id.
pub fn exports(doc: &AutoCommit) -> BTreeMap<ExportId, ExportRecord> {
    let mut out = BTreeMap::new();
    for map in get_maps(doc, &ROOT, EXPORTS) {
        for key in doc.keys(&map) {
            let Some(obj) = get_map(doc, &map, &key) else {
                continue;
            };
            let read = || {
                Some(ExportRecord {
                    id: key.parse().ok()?,
                    what: ExportKind::parse(&get_str(doc, &obj, "what")?)?,
                    event: get_str(doc, &obj, "event").and_then(|e| e.parse().ok()),
                    at: Timestamp::from_millis(get_i64(doc, &obj, "at")?),
                    by: get_str(doc, &obj, "by")?.parse().ok()?,
                })
            };
            if let Some(record) = read() {
                out.entry(record.id).or_insert(record);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::staff::new_document;

    fn record(id: u8, what: ExportKind) -> ExportRecord {
        ExportRecord {
            id: ExportId::from_bytes([id; 16]),
            what,
            event: (what == ExportKind::Roster).then_some(EventId::from_bytes([9; 16])),
            at: Timestamp(1_800_000_000_000),
            by: DeviceId::from_bytes([3; 16]),
        }
    }

    #[test]
    fn an_export_reads_back_as_recorded() {
        let mut doc = new_document();
        assert!(exports(&doc).is_empty(), "a document from before has none");
        let roster = record(1, ExportKind::Roster);
        record_export(&mut doc, &roster).unwrap();
        record_export(&mut doc, &record(2, ExportKind::Ideas)).unwrap();
        let read = exports(&doc);
        assert_eq!(read.len(), 2);
        assert_eq!(read[&roster.id], roster);
    }

    #[test]
    fn two_devices_recording_offline_keep_both() {
        let mut a = new_document();
        let mut b = a.fork();
        record_export(&mut a, &record(1, ExportKind::Roster)).unwrap();
        record_export(&mut b, &record(2, ExportKind::Entries)).unwrap();
        a.merge(&mut b).unwrap();
        assert_eq!(exports(&a).len(), 2);
    }
}
