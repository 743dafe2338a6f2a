//! Ideas in the project document: what the hub publishes, and the organisers' themes and
//! report threshold.
//!
//! `ideas` is hub-owned: the hub writes each derived [`PublishedIdea`] with
//! [`set_published_idea`], which writes only what changed, so a sync after a rederive that
//! changed nothing sends nothing. `themes` and `settings` are written by organisers.

use super::{top, ProjectDocError, IDEAS, SETTINGS};
use crate::ids::IdeaId;
use crate::model::idea::{IdeaStatus, Milestone, PathStep, PublishedComment, PublishedIdea};
use crate::model::{ensure_map, get_bool, get_i64, get_map, get_str, get_str_list, put_str_list};
use crate::time::Timestamp;
use automerge::transaction::Transactable;
use automerge::{AutoCommit, AutomergeError, ObjId, ObjType, ReadDoc, Value, ROOT};

const THEMES: &str = "themes";
const REPORT_THRESHOLD: &str = "report_threshold";
/// Distinct reporters that hide an idea or comment when organisers have not decided.
pub const DEFAULT_REPORT_THRESHOLD: u32 = 3;

fn put_str(
    doc: &mut AutoCommit,
    obj: &ObjId,
    key: &str,
    value: Option<&str>,
) -> Result<(), AutomergeError> {
    if get_str(doc, obj, key).as_deref() != value {
        match value {
            Some(v) => doc.put(obj, key, v)?,
            None => doc.delete(obj, key)?,
        }
    }
    Ok(())
}

fn put_int(doc: &mut AutoCommit, obj: &ObjId, key: &str, value: i64) -> Result<(), AutomergeError> {
    if get_i64(doc, obj, key) != Some(value) {
        doc.put(obj, key, value)?;
    }
    Ok(())
}

fn put_flag(
    doc: &mut AutoCommit,
    obj: &ObjId,
    key: &str,
    value: bool,
) -> Result<(), AutomergeError> {
    if get_bool(doc, obj, key) != Some(value) {
        doc.put(obj, key, value)?;
    }
    Ok(())
}

/// Writes a published idea; only the fields that changed. Hub only; the caller commits.
pub fn set_published_idea(
    doc: &mut AutoCommit,
    idea: &PublishedIdea,
) -> Result<(), ProjectDocError> {
    let ideas = top(doc, IDEAS)?;
    let obj = ensure_map(doc, &ideas, &idea.id.to_string())?;
    put_str(doc, &obj, "title", Some(&idea.title))?;
    put_str(doc, &obj, "description", Some(&idea.description))?;
    put_str(doc, &obj, "theme", Some(&idea.theme))?;
    put_str(doc, &obj, "author", idea.author.as_deref())?;
    put_int(doc, &obj, "supports", i64::from(idea.supports))?;
    put_str(doc, &obj, "status", Some(idea.status.as_str()))?;
    put_flag(doc, &obj, "hidden", idea.hidden)?;
    put_str(doc, &obj, "hidden_reason", idea.hidden_reason.as_deref())?;
    let event = idea.linked_event.map(|e| e.to_string());
    put_str(doc, &obj, "linked_event", event.as_deref())?;
    let merged = idea.merged_into.map(|i| i.to_string());
    put_str(doc, &obj, "merged_into", merged.as_deref())?;
    put_int(doc, &obj, "submitted_at", idea.submitted_at.millis())?;

    let comments = ensure_map(doc, &obj, "comments")?;
    let stale: Vec<String> = doc
        .keys(&comments)
        .filter(|k| !idea.comments.iter().any(|c| c.id.to_string() == *k))
        .collect();
    for key in stale {
        doc.delete(&comments, key)?;
    }
    for c in &idea.comments {
        let cobj = ensure_map(doc, &comments, &c.id.to_string())?;
        put_str(doc, &cobj, "text", Some(&c.text))?;
        put_str(doc, &cobj, "author", c.author.as_deref())?;
        put_int(doc, &cobj, "at", c.at.millis())?;
        put_flag(doc, &cobj, "hidden", c.hidden)?;
    }

    if read_path(doc, &obj) != idea.path {
        let list = doc.put_object(&obj, "path", ObjType::List)?;
        for (i, step) in idea.path.iter().enumerate() {
            let s = doc.insert_object(&list, i, ObjType::Map)?;
            doc.put(&s, "status", step.status.as_str())?;
            doc.put(&s, "note", step.note.as_str())?;
            doc.put(&s, "by_name", step.by_name.as_str())?;
            doc.put(&s, "at", step.at.millis())?;
        }
    }
    if read_milestones(doc, &obj) != idea.milestones {
        let list = doc.put_object(&obj, "milestones", ObjType::List)?;
        for (i, m) in idea.milestones.iter().enumerate() {
            let s = doc.insert_object(&list, i, ObjType::Map)?;
            doc.put(&s, "title", m.title.as_str())?;
            doc.put(&s, "done", m.done)?;
            doc.put(&s, "at", m.at.millis())?;
        }
    }
    Ok(())
}

/// Takes an idea off the project document (withdrawn by its author). Hub only.
pub fn remove_published_idea(doc: &mut AutoCommit, id: IdeaId) -> Result<(), ProjectDocError> {
    let ideas = top(doc, IDEAS)?;
    if doc.get(&ideas, id.to_string())?.is_some() {
        doc.delete(&ideas, id.to_string())?;
    }
    Ok(())
}

fn list_maps(doc: &AutoCommit, obj: &ObjId, key: &str) -> Vec<ObjId> {
    match doc.get(obj, key) {
        Ok(Some((Value::Object(ObjType::List), list))) => (0..doc.length(&list))
            .filter_map(|i| match doc.get(&list, i) {
                Ok(Some((Value::Object(ObjType::Map), m))) => Some(m),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn read_path(doc: &AutoCommit, obj: &ObjId) -> Vec<PathStep> {
    list_maps(doc, obj, "path")
        .iter()
        .filter_map(|s| {
            Some(PathStep {
                status: IdeaStatus::parse(&get_str(doc, s, "status")?)?,
                note: get_str(doc, s, "note").unwrap_or_default(),
                by_name: get_str(doc, s, "by_name").unwrap_or_default(),
                at: Timestamp::from_millis(get_i64(doc, s, "at").unwrap_or(0)),
            })
        })
        .collect()
}

fn read_milestones(doc: &AutoCommit, obj: &ObjId) -> Vec<Milestone> {
    list_maps(doc, obj, "milestones")
        .iter()
        .filter_map(|s| {
            Some(Milestone {
                title: get_str(doc, s, "title")?,
                done: get_bool(doc, s, "done").unwrap_or(false),
                at: Timestamp::from_millis(get_i64(doc, s, "at").unwrap_or(0)),
            })
        })
        .collect()
}

fn read_published(doc: &AutoCommit, id: IdeaId, obj: &ObjId) -> Option<PublishedIdea> {
    let mut comments: Vec<PublishedComment> = match get_map(doc, obj, "comments") {
        Some(cs) => doc
            .keys(&cs)
            .filter_map(|k| {
                let c = get_map(doc, &cs, &k)?;
                Some(PublishedComment {
                    id: k.parse().ok()?,
                    text: get_str(doc, &c, "text")?,
                    author: get_str(doc, &c, "author"),
                    at: Timestamp::from_millis(get_i64(doc, &c, "at").unwrap_or(0)),
                    hidden: get_bool(doc, &c, "hidden").unwrap_or(false),
                })
            })
            .collect(),
        None => Vec::new(),
    };
    comments.sort_by(|a, b| a.at.cmp(&b.at).then(a.id.cmp(&b.id)));
    Some(PublishedIdea {
        id,
        title: get_str(doc, obj, "title")?,
        description: get_str(doc, obj, "description").unwrap_or_default(),
        theme: get_str(doc, obj, "theme").unwrap_or_default(),
        author: get_str(doc, obj, "author"),
        supports: u32::try_from(get_i64(doc, obj, "supports").unwrap_or(0)).unwrap_or(0),
        comments,
        path: read_path(doc, obj),
        milestones: read_milestones(doc, obj),
        status: get_str(doc, obj, "status")
            .and_then(|s| IdeaStatus::parse(&s))
            .unwrap_or(IdeaStatus::Received),
        hidden: get_bool(doc, obj, "hidden").unwrap_or(false),
        hidden_reason: get_str(doc, obj, "hidden_reason"),
        linked_event: get_str(doc, obj, "linked_event").and_then(|s| s.parse().ok()),
        merged_into: get_str(doc, obj, "merged_into").and_then(|s| s.parse().ok()),
        submitted_at: Timestamp::from_millis(get_i64(doc, obj, "submitted_at").unwrap_or(0)),
    })
}

/// Every published idea, by id. Malformed ones are skipped.
pub fn published_ideas(doc: &AutoCommit) -> Vec<PublishedIdea> {
    let Some(ideas) = get_map(doc, &ROOT, IDEAS) else {
        return Vec::new();
    };
    let mut out: Vec<PublishedIdea> = doc
        .keys(&ideas)
        .filter_map(|k| read_published(doc, k.parse().ok()?, &get_map(doc, &ideas, &k)?))
        .collect();
    out.sort_by_key(|i| i.id);
    out
}

/// The project's idea themes, in the organisers' order.
pub fn themes(doc: &AutoCommit) -> Vec<String> {
    get_str_list(doc, &ROOT, THEMES)
}

/// Replaces the themes (organisers). Writes nothing when they are the same.
pub fn set_themes(doc: &mut AutoCommit, themes: &[String]) -> Result<(), ProjectDocError> {
    if get_str_list(doc, &ROOT, THEMES) != themes {
        put_str_list(doc, &ROOT, THEMES, themes)?;
    }
    Ok(())
}

/// Distinct reporters that hide an idea or comment; [`DEFAULT_REPORT_THRESHOLD`] if unset.
pub fn report_threshold(doc: &AutoCommit) -> u32 {
    get_map(doc, &ROOT, SETTINGS)
        .and_then(|s| get_i64(doc, &s, REPORT_THRESHOLD))
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| *n > 0)
        .unwrap_or(DEFAULT_REPORT_THRESHOLD)
}

/// Sets the report threshold (organisers; at least 1).
pub fn set_report_threshold(doc: &mut AutoCommit, threshold: u32) -> Result<(), ProjectDocError> {
    let settings = top(doc, SETTINGS)?;
    put_int(
        doc,
        &settings,
        REPORT_THRESHOLD,
        i64::from(threshold.max(1)),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{CommentId, EventId};
    use crate::model::project::new_document;
    use crate::model::set_writer;

    fn idea() -> PublishedIdea {
        PublishedIdea {
            id: IdeaId::from_bytes([1; 16]),
            title: "Penkki".into(),
            description: "Puistoon".into(),
            theme: "piha".into(),
            author: Some("Aino".into()),
            supports: 3,
            comments: vec![PublishedComment {
                id: CommentId::from_bytes([2; 16]),
                text: "Hyvä".into(),
                author: None,
                at: Timestamp(4),
                hidden: false,
            }],
            path: vec![PathStep {
                status: IdeaStatus::Accepted,
                note: "Tehdään".into(),
                by_name: "Sari".into(),
                at: Timestamp(5),
            }],
            milestones: vec![Milestone {
                title: "Tilattu".into(),
                done: false,
                at: Timestamp(6),
            }],
            status: IdeaStatus::Accepted,
            hidden: false,
            hidden_reason: None,
            linked_event: Some(EventId::from_bytes([3; 16])),
            merged_into: None,
            submitted_at: Timestamp(1),
        }
    }

    #[test]
    fn a_published_idea_reads_back_and_rewriting_it_is_no_change() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        set_published_idea(&mut doc, &idea()).unwrap();
        doc.commit();
        assert_eq!(published_ideas(&doc), vec![idea()]);
        let heads = doc.get_heads();
        set_published_idea(&mut doc, &idea()).unwrap();
        doc.commit();
        assert_eq!(doc.get_heads(), heads);

        let mut changed = idea();
        changed.comments.clear();
        changed.author = None;
        changed.hidden = true;
        changed.hidden_reason = Some("loukkaava".into());
        set_published_idea(&mut doc, &changed).unwrap();
        assert_eq!(published_ideas(&doc), vec![changed]);
        remove_published_idea(&mut doc, idea().id).unwrap();
        assert!(published_ideas(&doc).is_empty());
    }

    #[test]
    fn themes_and_threshold_read_back() {
        let mut doc = new_document();
        assert!(themes(&doc).is_empty());
        assert_eq!(report_threshold(&doc), DEFAULT_REPORT_THRESHOLD);
        set_themes(&mut doc, &["piha".into(), "liikenne".into()]).unwrap();
        set_report_threshold(&mut doc, 5).unwrap();
        assert_eq!(themes(&doc), ["piha", "liikenne"]);
        assert_eq!(report_threshold(&doc), 5);
    }
}
