//! The staff document: what organisers need at the door, and only organisers may read.
//!
//! Layout (schema 1):
//! ```text
//! { schema: 1,
//!   rosters:   { <event>: { <member id>: JSON of { name, status, position, ticket } } }, the hub
//!   checkins:  { <event>: { <member id or walk-in id>: { at, by: <device id> } } }, organisers
//!   walkins:   { <event>: { <walk-in id>: { name, at } } },                       organisers
//!   approvals: { <event>: { <member id>: "approved" | "declined" } },             organisers
//!   answers:    { <idea>: [ { status, note, by_name, at } ] },                    organisers
//!   milestones: { <idea>: { <milestone id>: { title, done, at } } },              organisers
//!   links:      { <idea>: { event?, merged_into? } },                             organisers
//!   moderation: { <idea or comment id>: { kind, hidden, reason, by_name, at } },  organisers
//!   shared_entries, analysis_themes, codes }        see the `diary` submodule
//!   exports }                                       see the `exports` submodule
//! ```
//! Ideas are written in the `ideas` submodule, shared diary entries in `diary`. A roster
//! line is one string, as a shared entry is (see `diary` for why); rosters written as maps
//! of fields before are still read.
//! A check-in is keyed by the person, so two organisers who check the same person in
//! offline merge to one check-in, never two. Two organisers who each made an event's map
//! offline leave two conflicting maps at one key; readers read all of them (see
//! `get_maps`), so neither organiser's check-ins are lost.

use super::{deterministic_root, ensure_map, get_i64, get_map, get_maps, get_str};
use crate::derive::seats::SeatStatus;
use crate::ids::{DeviceId, EventId, MemberId, WalkInId};
use crate::time::Timestamp;
use automerge::transaction::Transactable;
use automerge::{AutoCommit, AutomergeError, ObjId, ObjType, ReadDoc, ScalarValue, Value, ROOT};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod diary;
mod exports;
mod ideas;

pub use diary::{
    analysis_themes, codes, set_analysis_themes, set_code, set_shared_entries, shared_entries,
    update_shared_entries, InboxChange, SharedEntry,
};
pub use exports::{exports, record_export, ExportKind, ExportRecord};
pub use ideas::{
    answer_idea, answers, clear_moderation, forget_organiser_name, link, milestones, moderate,
    moderations, set_link, set_milestone, staff_ideas, IdeaLink, Moderation, StaffIdeas,
};

pub const SCHEMA: i64 = 1;
const ROSTERS: &str = "rosters";
const CHECKINS: &str = "checkins";
const WALKINS: &str = "walkins";
const APPROVALS: &str = "approvals";

#[derive(Debug, thiserror::Error)]
pub enum StaffDocError {
    #[error("the staff document has no {0} map; it was not made by Kumppani")]
    NotAStaffDocument(&'static str),
    #[error("automerge: {0}")]
    Automerge(#[from] AutomergeError),
}

/// An organiser's decision on a sign-up to an event that needs approval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Approval {
    Approved,
    Declined,
}

impl Approval {
    pub fn as_str(self) -> &'static str {
        match self {
            Approval::Approved => "approved",
            Approval::Declined => "declined",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "approved" => Some(Approval::Approved),
            "declined" => Some(Approval::Declined),
            _ => None,
        }
    }
}

/// One member on an event's roster, as the hub derived it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterEntry {
    pub member: MemberId,
    pub name: String,
    pub status: SeatStatus,
    /// The ticket's short code (see [`crate::ticket::Ticket::short_code`]), once confirmed.
    pub ticket: Option<String>,
}

/// Someone let in at the door.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    /// A member id or a walk-in id, as 32 hex digits.
    pub who: String,
    pub at: Timestamp,
    /// The organiser's device that checked them in.
    pub by: DeviceId,
}

/// A person an organiser registered at the door.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalkIn {
    pub id: WalkInId,
    pub name: String,
    pub at: Timestamp,
}

/// Counts for the organiser's view of one event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterSummary {
    pub confirmed: u32,
    pub waitlisted: u32,
    pub awaiting_approval: u32,
    pub cancelled: u32,
    /// Everyone checked in, walk-ins included.
    pub checked_in: u32,
    pub walk_ins: u32,
}

/// A new staff document. The same bytes everywhere (see `deterministic_root`).
pub fn new_document() -> AutoCommit {
    deterministic_root(|doc| {
        doc.put(ROOT, "schema", SCHEMA)
            .expect("put on a fresh document");
        for key in [
            ROSTERS,
            CHECKINS,
            WALKINS,
            APPROVALS,
            ideas::ANSWERS,
            ideas::MILESTONES,
            ideas::LINKS,
            ideas::MODERATION,
        ] {
            doc.put_object(ROOT, key, ObjType::Map)
                .expect("put_object on a fresh document");
        }
    })
}

/// The event's map under a top-level map, made if missing (writes go to the winner).
fn event_map_mut(
    doc: &mut AutoCommit,
    top: &'static str,
    event: EventId,
) -> Result<ObjId, StaffDocError> {
    let top_obj = get_map(doc, &ROOT, top).ok_or(StaffDocError::NotAStaffDocument(top))?;
    Ok(ensure_map(doc, &top_obj, &event.to_string())?)
}

/// Every map the event has under a top-level map, the winner first.
fn event_maps(doc: &AutoCommit, top: &str, event: EventId) -> Vec<ObjId> {
    match get_map(doc, &ROOT, top) {
        Some(top_obj) => get_maps(doc, &top_obj, &event.to_string()),
        None => Vec::new(),
    }
}

/// `(key, value)` for every key in any of `maps`; the first map that has a key wins.
fn union_keys(doc: &AutoCommit, maps: &[ObjId]) -> BTreeMap<String, ObjId> {
    let mut out = BTreeMap::new();
    for map in maps {
        for key in doc.keys(map) {
            out.entry(key).or_insert_with(|| map.clone());
        }
    }
    out
}

/// Writes (or rewrites, only the changed fields of) a member's roster line. Hub only.
pub fn set_roster_entry(
    doc: &mut AutoCommit,
    event: EventId,
    entry: &RosterEntry,
) -> Result<(), StaffDocError> {
    let roster = event_map_mut(doc, ROSTERS, event)?;
    let key = entry.member.to_string();
    let line = RosterLine {
        name: entry.name.clone(),
        status: entry.status.as_str().to_owned(),
        position: entry.status.position().map(i64::from),
        ticket: entry.ticket.clone(),
    };
    let stored = serde_json::to_string(&line).expect("a roster line always serialises");
    // A line still in the old form reads as no string, and is rewritten.
    if get_str(doc, &roster, &key).as_deref() != Some(stored.as_str()) {
        doc.put(&roster, key, stored)?;
    }
    Ok(())
}

/// A roster line as stored.
#[derive(Serialize, Deserialize)]
struct RosterLine {
    name: String,
    status: String,
    position: Option<i64>,
    ticket: Option<String>,
}

impl RosterLine {
    fn read(doc: &AutoCommit, map: &ObjId, key: &str) -> Option<Self> {
        match doc.get(map, key).ok()?? {
            (Value::Scalar(s), _) => match s.as_ref() {
                ScalarValue::Str(json) => serde_json::from_str(json).ok(),
                _ => None,
            },
            (Value::Object(ObjType::Map), obj) => Some(RosterLine {
                name: get_str(doc, &obj, "name").unwrap_or_default(),
                status: get_str(doc, &obj, "status")?,
                position: get_i64(doc, &obj, "position"),
                ticket: get_str(doc, &obj, "ticket"),
            }),
            _ => None,
        }
    }
}

pub fn remove_roster_entry(
    doc: &mut AutoCommit,
    event: EventId,
    member: MemberId,
) -> Result<(), StaffDocError> {
    for roster in event_maps(doc, ROSTERS, event) {
        if doc.get(&roster, member.to_string())?.is_some() {
            doc.delete(&roster, member.to_string())?;
        }
    }
    Ok(())
}

/// Removes a member from every event's roster, check-ins and approvals: what the staff
/// document kept of a member who deleted their account. The caller commits.
pub fn forget_member(doc: &mut AutoCommit, member: MemberId) -> Result<(), StaffDocError> {
    let key = member.to_string();
    for top in [ROSTERS, CHECKINS, APPROVALS] {
        for event in top_keys(doc, top) {
            for map in event_maps(doc, top, event) {
                if doc.get(&map, key.as_str())?.is_some() {
                    doc.delete(&map, key.as_str())?;
                }
            }
        }
    }
    Ok(())
}

/// The event's roster: confirmed first, then the waitlist in order, then the rest; by name
/// within each group. Malformed lines are skipped.
pub fn roster(doc: &AutoCommit, event: EventId) -> Vec<RosterEntry> {
    let maps = event_maps(doc, ROSTERS, event);
    let mut out: Vec<RosterEntry> = union_keys(doc, &maps)
        .into_iter()
        .filter_map(|(key, map)| {
            let member: MemberId = key.parse().ok()?;
            let line = RosterLine::read(doc, &map, &key)?;
            Some(RosterEntry {
                member,
                name: line.name,
                status: SeatStatus::from_parts(&line.status, line.position)?,
                ticket: line.ticket,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        rank(a.status)
            .cmp(&rank(b.status))
            .then(a.name.cmp(&b.name))
            .then(a.member.cmp(&b.member))
    });
    out
}

fn rank(status: SeatStatus) -> (u8, u32) {
    match status {
        SeatStatus::Confirmed => (0, 0),
        SeatStatus::Waitlisted { position } => (1, position),
        SeatStatus::AwaitingApproval => (2, 0),
        SeatStatus::Declined => (3, 0),
        SeatStatus::Cancelled => (4, 0),
    }
}

/// Checks a person (member id or walk-in id) in. Someone already checked in keeps their
/// first check-in; two devices doing it offline merge to one. The caller commits.
pub fn check_in(
    doc: &mut AutoCommit,
    event: EventId,
    who: &str,
    at: Timestamp,
    by: DeviceId,
) -> Result<(), StaffDocError> {
    let already = event_maps(doc, CHECKINS, event)
        .iter()
        .any(|m| get_map(doc, m, who).is_some());
    if already {
        return Ok(());
    }
    let checkins = event_map_mut(doc, CHECKINS, event)?;
    let obj = doc.put_object(&checkins, who, ObjType::Map)?;
    doc.put(&obj, "at", at.millis())?;
    doc.put(&obj, "by", by.to_string())?;
    Ok(())
}

/// The events someone was checked in at.
pub fn checkin_events(doc: &AutoCommit) -> Vec<EventId> {
    top_keys(doc, CHECKINS)
}

/// The events with approval decisions.
pub fn approval_events(doc: &AutoCommit) -> Vec<EventId> {
    top_keys(doc, APPROVALS)
}

fn top_keys(doc: &AutoCommit, top: &str) -> Vec<EventId> {
    match get_map(doc, &ROOT, top) {
        Some(obj) => doc.keys(&obj).filter_map(|k| k.parse().ok()).collect(),
        None => Vec::new(),
    }
}

/// Everyone checked in, earliest first.
pub fn checkins(doc: &AutoCommit, event: EventId) -> Vec<CheckIn> {
    let maps = event_maps(doc, CHECKINS, event);
    let mut out: Vec<CheckIn> = union_keys(doc, &maps)
        .into_iter()
        .filter_map(|(who, map)| {
            let obj = get_map(doc, &map, &who)?;
            Some(CheckIn {
                at: Timestamp::from_millis(get_i64(doc, &obj, "at")?),
                by: get_str(doc, &obj, "by")?.parse().ok()?,
                who,
            })
        })
        .collect();
    out.sort_by(|a, b| a.at.cmp(&b.at).then(a.who.cmp(&b.who)));
    out
}

/// Registers someone at the door and checks them in. The caller commits.
pub fn add_walk_in(
    doc: &mut AutoCommit,
    event: EventId,
    id: WalkInId,
    name: &str,
    at: Timestamp,
    by: DeviceId,
) -> Result<(), StaffDocError> {
    let walkins = event_map_mut(doc, WALKINS, event)?;
    let obj = doc.put_object(&walkins, id.to_string(), ObjType::Map)?;
    doc.put(&obj, "name", name)?;
    doc.put(&obj, "at", at.millis())?;
    check_in(doc, event, &id.to_string(), at, by)
}

/// Walk-ins, earliest first.
pub fn walk_ins(doc: &AutoCommit, event: EventId) -> Vec<WalkIn> {
    let maps = event_maps(doc, WALKINS, event);
    let mut out: Vec<WalkIn> = union_keys(doc, &maps)
        .into_iter()
        .filter_map(|(key, map)| {
            let obj = get_map(doc, &map, &key)?;
            Some(WalkIn {
                id: key.parse().ok()?,
                name: get_str(doc, &obj, "name")?,
                at: Timestamp::from_millis(get_i64(doc, &obj, "at")?),
            })
        })
        .collect();
    out.sort_by(|a, b| a.at.cmp(&b.at).then(a.id.cmp(&b.id)));
    out
}

/// An organiser's decision; the later write wins if two organisers decide apart.
pub fn set_approval(
    doc: &mut AutoCommit,
    event: EventId,
    member: MemberId,
    approval: Approval,
) -> Result<(), StaffDocError> {
    let approvals = event_map_mut(doc, APPROVALS, event)?;
    if get_str(doc, &approvals, &member.to_string()).as_deref() != Some(approval.as_str()) {
        doc.put(&approvals, member.to_string(), approval.as_str())?;
    }
    Ok(())
}

pub fn approvals(doc: &AutoCommit, event: EventId) -> BTreeMap<MemberId, Approval> {
    let maps = event_maps(doc, APPROVALS, event);
    union_keys(doc, &maps)
        .into_iter()
        .filter_map(|(key, map)| {
            Some((
                key.parse().ok()?,
                Approval::parse(&get_str(doc, &map, &key)?)?,
            ))
        })
        .collect()
}

pub fn summary(doc: &AutoCommit, event: EventId) -> RosterSummary {
    let mut s = RosterSummary::default();
    for entry in roster(doc, event) {
        match entry.status {
            SeatStatus::Confirmed => s.confirmed += 1,
            SeatStatus::Waitlisted { .. } => s.waitlisted += 1,
            SeatStatus::AwaitingApproval => s.awaiting_approval += 1,
            SeatStatus::Cancelled => s.cancelled += 1,
            SeatStatus::Declined => {}
        }
    }
    s.checked_in = count(checkins(doc, event).len());
    s.walk_ins = count(walk_ins(doc, event).len());
    s
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The roster as CSV (RFC 4180, CRLF line ends): the roster in [`roster`] order, then
/// walk-ins. Times are RFC 3339 UTC. A cell that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`: names are typed by
/// residents, and organisers open the file in a spreadsheet.
pub fn roster_csv(doc: &AutoCommit, event: EventId) -> String {
    let checked: BTreeMap<String, Timestamp> = checkins(doc, event)
        .into_iter()
        .map(|c| (c.who, c.at))
        .collect();
    let mut out = String::from("name,status,position,checked_in,checked_in_at,walk_in\r\n");
    let mut row = |name: &str, status: &str, position: Option<u32>, who: String, walk_in| {
        let at = checked.get(&who);
        let cells = [
            csv_cell(name),
            csv_cell(status),
            position.map(|p| p.to_string()).unwrap_or_default(),
            at.is_some().to_string(),
            at.map(|t| rfc3339(*t)).unwrap_or_default(),
            bool::to_string(&walk_in),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    for entry in roster(doc, event) {
        row(
            &entry.name,
            entry.status.as_str(),
            entry.status.position(),
            entry.member.to_string(),
            false,
        );
    }
    for walk_in in walk_ins(doc, event) {
        row(&walk_in.name, "", None, walk_in.id.to_string(), true);
    }
    out
}

fn rfc3339(t: Timestamp) -> String {
    t.to_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn csv_cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::set_writer;

    fn ev() -> EventId {
        EventId::from_bytes([1; 16])
    }

    fn m(n: u8) -> MemberId {
        MemberId::from_bytes([n; 16])
    }

    fn device(n: u8) -> DeviceId {
        DeviceId::from_bytes([n; 16])
    }

    fn entry(n: u8, name: &str, status: SeatStatus) -> RosterEntry {
        RosterEntry {
            member: m(n),
            name: name.into(),
            status,
            ticket: (status == SeatStatus::Confirmed).then(|| format!("CODE{n}")),
        }
    }

    #[test]
    fn every_new_staff_document_is_the_same_document() {
        assert_eq!(new_document().get_heads(), new_document().get_heads());
    }

    #[test]
    fn a_roster_reads_back_in_door_order() {
        let mut doc = new_document();
        let waiting = SeatStatus::Waitlisted { position: 1 };
        set_roster_entry(&mut doc, ev(), &entry(1, "Ville", waiting)).unwrap();
        set_roster_entry(&mut doc, ev(), &entry(2, "Aino", SeatStatus::Confirmed)).unwrap();
        set_roster_entry(&mut doc, ev(), &entry(3, "Bea", SeatStatus::Confirmed)).unwrap();
        let names: Vec<String> = roster(&doc, ev()).into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["Aino", "Bea", "Ville"]);
        assert_eq!(
            roster(&doc, ev())[0],
            entry(2, "Aino", SeatStatus::Confirmed)
        );

        set_roster_entry(&mut doc, ev(), &entry(1, "Ville", SeatStatus::Confirmed)).unwrap();
        assert_eq!(
            roster(&doc, ev())[2],
            entry(1, "Ville", SeatStatus::Confirmed)
        );
        remove_roster_entry(&mut doc, ev(), m(1)).unwrap();
        assert_eq!(roster(&doc, ev()).len(), 2);
    }

    #[test]
    fn a_roster_of_maps_of_fields_is_read_and_rewritten_and_a_forged_line_is_skipped() {
        let mut doc = new_document();
        let map = event_map_mut(&mut doc, ROSTERS, ev()).unwrap();
        let old = doc
            .put_object(&map, m(1).to_string(), ObjType::Map)
            .unwrap();
        doc.put(&old, "name", "Ville").unwrap();
        doc.put(&old, "status", "waitlisted").unwrap();
        doc.put(&old, "position", 2).unwrap();
        doc.put(&map, m(2).to_string(), r#"{"name":"Bea","status":"lost"}"#)
            .unwrap();
        doc.put(&map, m(3).to_string(), "{not json").unwrap();
        let ville = entry(1, "Ville", SeatStatus::Waitlisted { position: 2 });
        assert_eq!(roster(&doc, ev()), std::slice::from_ref(&ville));

        set_roster_entry(&mut doc, ev(), &ville).unwrap();
        assert!(
            get_str(&doc, &map, &m(1).to_string()).is_some(),
            "now a string"
        );
        assert_eq!(roster(&doc, ev()), [ville]);
    }

    #[test]
    fn two_organisers_checking_one_person_in_offline_count_once() {
        let mut a = new_document();
        set_writer(&mut a, [1; 16]);
        let mut b = new_document();
        set_writer(&mut b, [2; 16]);
        let who = m(7).to_string();
        check_in(&mut a, ev(), &who, Timestamp(100), device(1)).unwrap();
        check_in(&mut b, ev(), &who, Timestamp(105), device(2)).unwrap();
        check_in(&mut b, ev(), &m(8).to_string(), Timestamp(106), device(2)).unwrap();
        a.commit();
        b.commit();
        a.merge(&mut b).unwrap();
        b.merge(&mut a).unwrap();
        let merged = checkins(&a, ev());
        assert_eq!(
            merged.len(),
            2,
            "one check-in each, and b's other check-in kept"
        );
        assert_eq!(merged, checkins(&b, ev()));
    }

    #[test]
    fn checking_in_twice_keeps_the_first() {
        let mut doc = new_document();
        check_in(&mut doc, ev(), "x", Timestamp(1), device(1)).unwrap();
        check_in(&mut doc, ev(), "x", Timestamp(2), device(2)).unwrap();
        let all = checkins(&doc, ev());
        assert_eq!(all.len(), 1);
        assert_eq!((all[0].at, all[0].by), (Timestamp(1), device(1)));
    }

    #[test]
    fn a_walk_in_is_registered_and_checked_in() {
        let mut doc = new_document();
        let id = WalkInId::from_bytes([4; 16]);
        add_walk_in(&mut doc, ev(), id, "Pekka", Timestamp(50), device(1)).unwrap();
        assert_eq!(
            walk_ins(&doc, ev()),
            [WalkIn {
                id,
                name: "Pekka".into(),
                at: Timestamp(50)
            }]
        );
        assert_eq!(checkins(&doc, ev())[0].who, id.to_string());
    }

    #[test]
    fn approvals_read_back_and_change() {
        let mut doc = new_document();
        set_approval(&mut doc, ev(), m(1), Approval::Approved).unwrap();
        set_approval(&mut doc, ev(), m(2), Approval::Declined).unwrap();
        set_approval(&mut doc, ev(), m(1), Approval::Declined).unwrap();
        let all = approvals(&doc, ev());
        assert_eq!(all[&m(1)], Approval::Declined);
        assert_eq!(all[&m(2)], Approval::Declined);
        assert!(approvals(&doc, EventId::from_bytes([2; 16])).is_empty());
    }

    #[test]
    fn the_summary_counts_each_state() {
        let mut doc = new_document();
        set_roster_entry(&mut doc, ev(), &entry(1, "A", SeatStatus::Confirmed)).unwrap();
        set_roster_entry(&mut doc, ev(), &entry(2, "B", SeatStatus::Confirmed)).unwrap();
        let waiting = SeatStatus::Waitlisted { position: 1 };
        set_roster_entry(&mut doc, ev(), &entry(3, "C", waiting)).unwrap();
        set_roster_entry(&mut doc, ev(), &entry(4, "D", SeatStatus::Cancelled)).unwrap();
        set_roster_entry(&mut doc, ev(), &entry(5, "E", SeatStatus::AwaitingApproval)).unwrap();
        check_in(&mut doc, ev(), &m(1).to_string(), Timestamp(1), device(1)).unwrap();
        add_walk_in(
            &mut doc,
            ev(),
            WalkInId::from_bytes([9; 16]),
            "W",
            Timestamp(2),
            device(1),
        )
        .unwrap();
        assert_eq!(
            summary(&doc, ev()),
            RosterSummary {
                confirmed: 2,
                waitlisted: 1,
                awaiting_approval: 1,
                cancelled: 1,
                checked_in: 2,
                walk_ins: 1,
            }
        );
    }

    #[test]
    fn the_csv_quotes_what_needs_quoting_and_dates_in_utc() {
        let mut doc = new_document();
        set_roster_entry(
            &mut doc,
            ev(),
            &entry(1, "Virtanen, \"Ville\"", SeatStatus::Confirmed),
        )
        .unwrap();
        let waiting = SeatStatus::Waitlisted { position: 1 };
        set_roster_entry(&mut doc, ev(), &entry(2, "=HYPERLINK()", waiting)).unwrap();
        check_in(&mut doc, ev(), &m(1).to_string(), Timestamp(0), device(1)).unwrap();
        add_walk_in(
            &mut doc,
            ev(),
            WalkInId::from_bytes([9; 16]),
            "Pekka",
            Timestamp(1_700_000_000_000),
            device(1),
        )
        .unwrap();
        assert_eq!(
            roster_csv(&doc, ev()),
            "name,status,position,checked_in,checked_in_at,walk_in\r\n\
             \"Virtanen, \"\"Ville\"\"\",confirmed,,true,1970-01-01T00:00:00Z,false\r\n\
             '=HYPERLINK(),waitlisted,1,false,,false\r\n\
             Pekka,,,true,2023-11-14T22:13:20Z,true\r\n"
        );
    }
}
