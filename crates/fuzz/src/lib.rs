//! What the fuzz targets share: realistic documents of each kind to edit at random, the
//! random edits, every reader of every kind, and a device session past its Welcome.

use arbitrary::Arbitrary;
use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ReadDoc, ScalarValue, Value, ROOT};
use kumppani_core::derive::diary::member_shared_entries;
use kumppani_core::derive::ideas::MemberIdeas;
use kumppani_core::derive::seats::SeatStatus;
use kumppani_core::export::{Owner, PersonalData};
use kumppani_core::ids::{
    CommentId, DeviceId, DocId, EntryId, EventId, IdeaId, MemberId, ProjectId, WalkInId,
};
use kumppani_core::model::event::{Accessibility, EventDraft};
use kumppani_core::model::idea::{IdeaDraft, ReportTarget};
use kumppani_core::model::member::{self, HubSignupState, Sharing};
use kumppani_core::model::{private_diary, project, staff, EntryDraft, Mood};
use kumppani_core::session::{ClientSession, SessionInput};
use kumppani_core::time::Timestamp;
use kumppani_core::wire::{DocKind, Frame, Welcome};
use std::sync::OnceLock;

pub const MEMBER_DOC: DocId = DocId::from_bytes([1; 16]);
const EVENT: EventId = EventId::from_bytes([2; 16]);
const IDEA: IdeaId = IdeaId::from_bytes([3; 16]);
const MEMBER: MemberId = MemberId::from_bytes([4; 16]);
const ENTRY: EntryId = EntryId::from_bytes([5; 16]);
const NOW: Timestamp = Timestamp(1_800_000_000_000);
/// Edits applied per input, and objects considered: bounds each run's time and memory.
const MAX_EDITS: usize = 64;
const MAX_OBJECTS: usize = 256;
/// Items in one list an edit makes: thousands, as a member could write.
const MAX_ITEMS: usize = 3000;

fn entry(text: &str) -> EntryDraft {
    EntryDraft {
        text: text.into(),
        mood: Mood::new(3).unwrap(),
        tags: vec!["piha".into()],
        at: NOW,
        prompt: None,
    }
}

fn member_seed() -> AutoCommit {
    let mut doc = member::new_document();
    member::add_entry(&mut doc, ENTRY, &entry("Oma merkintä"), NOW).unwrap();
    member::share_entry(
        &mut doc,
        EntryId::from_bytes([6; 16]),
        &entry("Jaettu"),
        Sharing::Named,
        NOW,
    )
    .unwrap();
    member::request_signup(&mut doc, EVENT, NOW).unwrap();
    let state = HubSignupState {
        status: SeatStatus::Confirmed,
        previous: None,
        status_at: NOW,
        ticket: Some("lippu".into()),
        answers_request: Some(NOW),
    };
    member::set_hub_state(&mut doc, EVENT, &state).unwrap();
    let idea = IdeaDraft {
        title: "Penkki".into(),
        description: "Lisää penkkejä.".into(),
        theme: "Puistot".into(),
        anonymous: false,
    };
    member::submit_idea(&mut doc, IDEA, &idea, NOW).unwrap();
    member::support(&mut doc, IdeaId::from_bytes([7; 16]), NOW).unwrap();
    member::comment(
        &mut doc,
        CommentId::from_bytes([8; 16]),
        IDEA,
        "Hyvä",
        false,
        NOW,
    )
    .unwrap();
    member::report(&mut doc, ReportTarget::Idea(IDEA), "Asiaton", NOW).unwrap();
    doc.commit();
    doc
}

fn project_seed() -> AutoCommit {
    let mut doc = project::new_document();
    let event = EventDraft {
        title: "Asukasilta".into(),
        description: "Tervetuloa".into(),
        starts_at: NOW,
        ends_at: Timestamp(NOW.0 + 3_600_000),
        place: "Kirjasto".into(),
        capacity: Some(5),
        needs_approval: true,
        languages: vec!["fi".into()],
        accessibility: Accessibility::default(),
        translations: Default::default(),
    };
    project::add_event(&mut doc, EVENT, &event, NOW).unwrap();
    project::set_counts(&mut doc, EVENT, 1, 2).unwrap();
    project::set_themes(&mut doc, &["Puistot".into()]).unwrap();
    doc.commit();
    doc
}

fn staff_seed() -> AutoCommit {
    let mut doc = staff::new_document();
    let by = DeviceId::from_bytes([9; 16]);
    staff::check_in(&mut doc, EVENT, &MEMBER.to_string(), NOW, by).unwrap();
    staff::add_walk_in(
        &mut doc,
        EVENT,
        WalkInId::from_bytes([10; 16]),
        "Vieras",
        NOW,
        by,
    )
    .unwrap();
    staff::set_approval(&mut doc, EVENT, MEMBER, staff::Approval::Approved).unwrap();
    staff::set_analysis_themes(&mut doc, &["Turvallisuus".into()]).unwrap();
    staff::set_code(&mut doc, ENTRY, "Turvallisuus", true).unwrap();
    doc.commit();
    doc
}

fn seeds() -> &'static [AutoCommit; 3] {
    static SEEDS: OnceLock<[AutoCommit; 3]> = OnceLock::new();
    SEEDS.get_or_init(|| [member_seed(), project_seed(), staff_seed()])
}

/// A value to put; objects where scalars belong, and the reverse, are the point.
#[derive(Arbitrary, Debug)]
pub enum NewValue {
    Str(String),
    /// A long string of one repeated character (length in KiB, up to 255).
    Long(u8),
    Int(i64),
    Uint(u64),
    F64(f64),
    Bool(bool),
    Null,
    Bytes(Vec<u8>),
    Counter(i64),
    Timestamp(i64),
    Map,
    List,
    /// A list of this many small maps (up to [`MAX_ITEMS`]).
    Many(u16),
}

#[derive(Arbitrary, Debug)]
pub struct Edit {
    /// Which object of the document (by its place in a walk of the document).
    object: u16,
    /// An existing key (or list index) of it, or `new_key`.
    key: Option<u16>,
    new_key: String,
    value: NewValue,
    delete: bool,
}

#[derive(Arbitrary, Debug)]
pub struct Edits {
    /// Which kind of document to start from.
    kind: u8,
    edits: Vec<Edit>,
}

/// Every map and list of `doc`, the root first, up to [`MAX_OBJECTS`].
fn objects(doc: &AutoCommit) -> Vec<(ObjId, ObjType)> {
    let mut found = vec![(ROOT, ObjType::Map)];
    let mut i = 0;
    while i < found.len() && found.len() < MAX_OBJECTS {
        let (obj, kind) = found[i].clone();
        let children: Vec<(ObjId, ObjType)> = match kind {
            ObjType::Map | ObjType::Table => doc
                .map_range(&obj, ..)
                .filter_map(|item| match item.value {
                    automerge::ValueRef::Object(t) => Some((item.id().into(), t)),
                    _ => None,
                })
                .collect(),
            ObjType::List | ObjType::Text => (0..doc.length(&obj))
                .filter_map(|n| match doc.get(&obj, n) {
                    Ok(Some((Value::Object(t), id))) => Some((id, t)),
                    _ => None,
                })
                .collect(),
        };
        found.extend(children);
        i += 1;
    }
    found.truncate(MAX_OBJECTS);
    found
}

fn scalar(value: &NewValue) -> Option<ScalarValue> {
    Some(match value {
        NewValue::Str(s) => ScalarValue::Str(s.as_str().into()),
        NewValue::Long(kib) => ScalarValue::Str("x".repeat(usize::from(*kib) * 1024).into()),
        NewValue::Int(n) => ScalarValue::Int(*n),
        NewValue::Uint(n) => ScalarValue::Uint(*n),
        NewValue::F64(n) => ScalarValue::F64(*n),
        NewValue::Bool(b) => ScalarValue::Boolean(*b),
        NewValue::Null => ScalarValue::Null,
        NewValue::Bytes(b) => ScalarValue::Bytes(b.clone()),
        NewValue::Counter(n) => ScalarValue::counter(*n),
        NewValue::Timestamp(n) => ScalarValue::Timestamp(*n),
        NewValue::Map | NewValue::List | NewValue::Many(_) => return None,
    })
}

fn put_at_key(doc: &mut AutoCommit, obj: &ObjId, key: &str, value: &NewValue) {
    let _ = match (scalar(value), value) {
        (Some(s), _) => doc.put(obj, key, s).map(|_| ()),
        (None, NewValue::Map) => doc.put_object(obj, key, ObjType::Map).map(|_| ()),
        (None, NewValue::Many(n)) => doc.put_object(obj, key, ObjType::List).map(|list| {
            for i in 0..usize::from(*n) % (MAX_ITEMS + 1) {
                if let Ok(item) = doc.insert_object(&list, i, ObjType::Map) {
                    let _ = doc.put(&item, "id", i as i64);
                }
            }
        }),
        _ => doc.put_object(obj, key, ObjType::List).map(|_| ()),
    };
}

fn put_at_index(doc: &mut AutoCommit, obj: &ObjId, index: usize, value: &NewValue) {
    let _ = match scalar(value) {
        Some(s) => doc.insert(obj, index, s).map(|_| ()),
        None => doc.insert_object(obj, index, ObjType::Map).map(|_| ()),
    };
}

/// A seed document of the chosen kind with the edits applied.
pub fn edited_doc(input: &Edits) -> AutoCommit {
    let mut doc = seeds()[usize::from(input.kind) % 3].clone();
    apply_edits(&mut doc, &input.edits);
    doc
}

/// Applies up to [`MAX_EDITS`] of `edits` to `doc` and commits them.
pub fn apply_edits(doc: &mut AutoCommit, edits: &[Edit]) {
    let doc = &mut *doc;
    for edit in edits.iter().take(MAX_EDITS) {
        let objects = objects(doc);
        let (obj, kind) = &objects[usize::from(edit.object) % objects.len()];
        match kind {
            ObjType::Map | ObjType::Table => {
                let keys: Vec<String> = doc.keys(obj).collect();
                let key = match edit.key {
                    Some(k) if !keys.is_empty() => keys[usize::from(k) % keys.len()].clone(),
                    _ => edit.new_key.clone(),
                };
                if edit.delete {
                    let _ = doc.delete(obj, key.as_str());
                } else {
                    put_at_key(doc, obj, &key, &edit.value);
                }
            }
            ObjType::List | ObjType::Text => {
                let len = doc.length(obj);
                let index = usize::from(edit.key.unwrap_or(0)) % (len + 1);
                if edit.delete && index < len {
                    let _ = doc.delete(obj, index);
                } else {
                    put_at_index(doc, obj, index, &edit.value);
                }
            }
        }
    }
    doc.commit();
}

/// Every reader of every kind on `doc`, whatever kind it really is.
pub fn read_everything(doc: &AutoCommit) {
    // Member documents, as the app and the hub read them.
    let _ = member::entries(doc);
    let _ = member::entry(doc, ENTRY);
    let _ = member::shared_entries(doc);
    let _ = member::signups(doc);
    let _ = member::signup(doc, EVENT);
    let _ = member::my_ideas(doc);
    let _ = member::my_supports(doc);
    let _ = member::my_comments(doc);
    let _ = member::my_reports(doc);
    let _ = MemberIdeas::read(MEMBER, "Jäsen", doc);
    let _ = member_shared_entries(MEMBER, "Jäsen", doc);
    let owner = Owner {
        member_id: MEMBER,
        display_name: "Jäsen".into(),
        project_id: ProjectId::from_bytes([11; 16]),
        project_name: "Projekti".into(),
        role: kumppani_core::api::Role::Resident,
    };
    let _ = PersonalData::read(owner, doc, Some(doc), NOW).to_json();
    let _ = private_diary::entries(doc);
    // Project documents.
    let _ = project::events(doc);
    let _ = project::event(doc, EVENT);
    let _ = project::counts(doc, EVENT);
    let _ = project::languages(doc);
    let _ = project::ticket_key(doc);
    let _ = project::published_ideas(doc);
    let _ = project::themes(doc);
    let _ = project::report_threshold(doc);
    let _ = project::prompts(doc);
    let _ = project::open_prompts(doc, NOW);
    let _ = project::safeguarding(doc);
    let _ = project::idle_lock_minutes(doc);
    // Staff documents.
    let _ = staff::roster(doc, EVENT);
    let _ = staff::checkins(doc, EVENT);
    let _ = staff::walk_ins(doc, EVENT);
    let _ = staff::approvals(doc, EVENT);
    let _ = staff::summary(doc, EVENT);
    let _ = staff::roster_csv(doc, EVENT);
    let _ = staff::shared_entries(doc);
    let _ = staff::analysis_themes(doc);
    let _ = staff::codes(doc);
    let _ = staff::answers(doc, IDEA);
    let _ = staff::milestones(doc, IDEA);
    let _ = staff::link(doc, IDEA);
    let _ = staff::moderations(doc);
}

/// A device session holding [`MEMBER_DOC`], past a real `Welcome`.
pub fn ready_session() -> ClientSession {
    let mut session = ClientSession::new("token".into(), [12; 16]);
    session.add_doc(MEMBER_DOC, member::new_document(), None);
    let _ = session.handle(Timestamp(1), SessionInput::Connected);
    let welcome = Frame::Welcome(Welcome {
        project: ProjectId::from_bytes([11; 16]),
        member: MEMBER,
        device: DeviceId::from_bytes([9; 16]),
        hub_time_ms: 1,
        docs: vec![(MEMBER_DOC, DocKind::Member)],
    });
    let _ = session.handle(Timestamp(1), SessionInput::Received(welcome.encode()));
    session
}
