//! Ideas in the member document: what a member submits, supports, comments and reports.
//!
//! Everything here is written by the member's own devices and read by the hub, which
//! derives what is published (see [`crate::derive::ideas`]). Ideas and comments have random
//! ids made on the writing device, so offline devices never collide. A support or a report
//! is keyed by its target, so the same support made on two devices is one support; a
//! support is revoked by deleting its key. Text is a plain string replaced whole on edit.

use super::{MemberDocError, COMMENTS, IDEAS, REPORTS, SUPPORTS};
use crate::ids::{CommentId, IdeaId};
use crate::model::idea::{validate_comment, IdeaDraft, ReportTarget};
use crate::model::{get_bool, get_i64, get_map, get_maps, get_str};
use crate::time::Timestamp;
use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ReadDoc, ROOT};
use serde::{Deserialize, Serialize};

/// An idea as its author's document holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyIdea {
    pub id: IdeaId,
    pub draft: IdeaDraft,
    pub submitted_at: Timestamp,
    pub withdrawn_at: Option<Timestamp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MySupport {
    pub idea: IdeaId,
    pub at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyComment {
    pub id: CommentId,
    pub idea: IdeaId,
    pub text: String,
    pub anonymous: bool,
    pub at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyReport {
    pub target: ReportTarget,
    pub reason: String,
    pub at: Timestamp,
}

fn top(doc: &AutoCommit, key: &'static str) -> Result<ObjId, MemberDocError> {
    get_map(doc, &ROOT, key).ok_or(MemberDocError::NoMap(key))
}

/// Submits a new idea now. The draft must be valid. The caller commits.
pub fn submit_idea(
    doc: &mut AutoCommit,
    id: IdeaId,
    draft: &IdeaDraft,
    now: Timestamp,
) -> Result<(), MemberDocError> {
    draft.validate()?;
    let ideas = top(doc, IDEAS)?;
    if get_map(doc, &ideas, &id.to_string()).is_some() {
        return Err(MemberDocError::IdeaExists(id));
    }
    let obj = doc.put_object(&ideas, id.to_string(), ObjType::Map)?;
    doc.put(&obj, "title", draft.title.as_str())?;
    doc.put(&obj, "description", draft.description.as_str())?;
    doc.put(&obj, "theme", draft.theme.as_str())?;
    doc.put(&obj, "anonymous", draft.anonymous)?;
    doc.put(&obj, "submitted_at", now.millis())?;
    Ok(())
}

/// Changes an idea; only the fields that differ are written.
pub fn edit_idea(
    doc: &mut AutoCommit,
    id: IdeaId,
    draft: &IdeaDraft,
) -> Result<(), MemberDocError> {
    draft.validate()?;
    let ideas = top(doc, IDEAS)?;
    let obj = get_map(doc, &ideas, &id.to_string()).ok_or(MemberDocError::NoSuchIdea(id))?;
    let old = read_idea(doc, id, &obj).map(|i| i.draft);
    let old = old.as_ref();
    for (key, new, before) in [
        ("title", &draft.title, old.map(|o| &o.title)),
        (
            "description",
            &draft.description,
            old.map(|o| &o.description),
        ),
        ("theme", &draft.theme, old.map(|o| &o.theme)),
    ] {
        if before != Some(new) {
            doc.put(&obj, key, new.as_str())?;
        }
    }
    if old.map(|o| o.anonymous) != Some(draft.anonymous) {
        doc.put(&obj, "anonymous", draft.anonymous)?;
    }
    Ok(())
}

/// Withdraws an idea: it stays in the member's document and is no longer published.
pub fn withdraw_idea(
    doc: &mut AutoCommit,
    id: IdeaId,
    now: Timestamp,
) -> Result<(), MemberDocError> {
    let ideas = top(doc, IDEAS)?;
    let obj = get_map(doc, &ideas, &id.to_string()).ok_or(MemberDocError::NoSuchIdea(id))?;
    doc.put(&obj, "withdrawn_at", now.millis())?;
    Ok(())
}

/// Supports an idea (anyone's, the member's own too). Supporting twice is one support.
pub fn support(doc: &mut AutoCommit, idea: IdeaId, now: Timestamp) -> Result<(), MemberDocError> {
    let supports = top(doc, SUPPORTS)?;
    if get_map(doc, &supports, &idea.to_string()).is_none() {
        let obj = doc.put_object(&supports, idea.to_string(), ObjType::Map)?;
        doc.put(&obj, "at", now.millis())?;
    }
    Ok(())
}

/// Takes a support back. Not supporting is no error.
pub fn unsupport(doc: &mut AutoCommit, idea: IdeaId) -> Result<(), MemberDocError> {
    let supports = top(doc, SUPPORTS)?;
    if doc.get(&supports, idea.to_string())?.is_some() {
        doc.delete(&supports, idea.to_string())?;
    }
    Ok(())
}

/// Comments on an idea. The text must be non-empty and within limits. The caller commits.
pub fn comment(
    doc: &mut AutoCommit,
    id: CommentId,
    idea: IdeaId,
    text: &str,
    anonymous: bool,
    now: Timestamp,
) -> Result<(), MemberDocError> {
    validate_comment(text)?;
    let comments = top(doc, COMMENTS)?;
    let obj = doc.put_object(&comments, id.to_string(), ObjType::Map)?;
    doc.put(&obj, "idea", idea.to_string())?;
    doc.put(&obj, "text", text)?;
    doc.put(&obj, "anonymous", anonymous)?;
    doc.put(&obj, "at", now.millis())?;
    Ok(())
}

/// Reports an idea or a comment to organisers. A second report of one target replaces the
/// reason; it is still one report.
pub fn report(
    doc: &mut AutoCommit,
    target: ReportTarget,
    reason: &str,
    now: Timestamp,
) -> Result<(), MemberDocError> {
    let reports = top(doc, REPORTS)?;
    let obj = doc.put_object(&reports, target.key(), ObjType::Map)?;
    doc.put(&obj, "kind", target.kind())?;
    doc.put(&obj, "reason", reason)?;
    doc.put(&obj, "at", now.millis())?;
    Ok(())
}

/// `(key, every map at it, the winner first)` for each key of a top-level map.
fn items(doc: &AutoCommit, key: &'static str) -> Vec<(String, Vec<ObjId>)> {
    let Some(top) = get_map(doc, &ROOT, key) else {
        return Vec::new();
    };
    doc.keys(&top)
        .map(|k| {
            let maps = get_maps(doc, &top, &k);
            (k, maps)
        })
        .filter(|(_, maps)| !maps.is_empty())
        .collect()
}

fn read_idea(doc: &AutoCommit, id: IdeaId, obj: &ObjId) -> Option<MyIdea> {
    Some(MyIdea {
        id,
        draft: IdeaDraft {
            title: get_str(doc, obj, "title")?,
            description: get_str(doc, obj, "description").unwrap_or_default(),
            theme: get_str(doc, obj, "theme").unwrap_or_default(),
            anonymous: get_bool(doc, obj, "anonymous").unwrap_or(false),
        },
        submitted_at: Timestamp::from_millis(get_i64(doc, obj, "submitted_at")?),
        withdrawn_at: get_i64(doc, obj, "withdrawn_at").map(Timestamp::from_millis),
    })
}

/// The member's ideas, withdrawn ones too, by id. Malformed items are skipped.
pub fn my_ideas(doc: &AutoCommit) -> Vec<MyIdea> {
    items(doc, IDEAS)
        .into_iter()
        .filter_map(|(key, maps)| read_idea(doc, key.parse().ok()?, &maps[0]))
        .collect()
}

/// The ideas the member supports now, by idea id.
pub fn my_supports(doc: &AutoCommit) -> Vec<MySupport> {
    items(doc, SUPPORTS)
        .into_iter()
        .filter_map(|(key, maps)| {
            let at = maps.iter().find_map(|m| get_i64(doc, m, "at")).unwrap_or(0);
            Some(MySupport {
                idea: key.parse().ok()?,
                at: Timestamp::from_millis(at),
            })
        })
        .collect()
}

/// The member's comments, by comment id.
pub fn my_comments(doc: &AutoCommit) -> Vec<MyComment> {
    items(doc, COMMENTS)
        .into_iter()
        .filter_map(|(key, maps)| {
            let obj = &maps[0];
            Some(MyComment {
                id: key.parse().ok()?,
                idea: get_str(doc, obj, "idea")?.parse().ok()?,
                text: get_str(doc, obj, "text")?,
                anonymous: get_bool(doc, obj, "anonymous").unwrap_or(false),
                at: Timestamp::from_millis(get_i64(doc, obj, "at").unwrap_or(0)),
            })
        })
        .collect()
}

/// The member's reports, by target.
pub fn my_reports(doc: &AutoCommit) -> Vec<MyReport> {
    let mut out: Vec<MyReport> = items(doc, REPORTS)
        .into_iter()
        .filter_map(|(key, maps)| {
            let obj = &maps[0];
            Some(MyReport {
                target: ReportTarget::parse(&get_str(doc, obj, "kind")?, &key)?,
                reason: get_str(doc, obj, "reason").unwrap_or_default(),
                at: Timestamp::from_millis(get_i64(doc, obj, "at").unwrap_or(0)),
            })
        })
        .collect();
    out.sort_by_key(|r| r.target);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::member::new_document;
    use crate::model::set_writer;

    fn draft(title: &str) -> IdeaDraft {
        IdeaDraft {
            title: title.into(),
            description: "Kuvaus".into(),
            theme: "piha".into(),
            anonymous: true,
        }
    }

    fn idea(n: u8) -> IdeaId {
        IdeaId::from_bytes([n; 16])
    }

    #[test]
    fn an_idea_submits_edits_and_withdraws() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        submit_idea(&mut doc, idea(1), &draft("Penkki"), Timestamp(5)).unwrap();
        assert!(matches!(
            submit_idea(&mut doc, idea(1), &draft("Penkki"), Timestamp(5)),
            Err(MemberDocError::IdeaExists(_))
        ));
        assert!(submit_idea(&mut doc, idea(2), &draft(""), Timestamp(5)).is_err());
        let mut changed = draft("Kaksi penkkiä");
        changed.anonymous = false;
        edit_idea(&mut doc, idea(1), &changed).unwrap();
        withdraw_idea(&mut doc, idea(1), Timestamp(9)).unwrap();
        assert_eq!(
            my_ideas(&doc),
            vec![MyIdea {
                id: idea(1),
                draft: changed,
                submitted_at: Timestamp(5),
                withdrawn_at: Some(Timestamp(9)),
            }]
        );
        assert!(matches!(
            withdraw_idea(&mut doc, idea(7), Timestamp(9)),
            Err(MemberDocError::NoSuchIdea(_))
        ));
    }

    #[test]
    fn supports_comments_and_reports_read_back() {
        let mut doc = new_document();
        set_writer(&mut doc, [1; 16]);
        support(&mut doc, idea(1), Timestamp(1)).unwrap();
        support(&mut doc, idea(1), Timestamp(2)).unwrap();
        support(&mut doc, idea(2), Timestamp(3)).unwrap();
        unsupport(&mut doc, idea(2)).unwrap();
        unsupport(&mut doc, idea(3)).unwrap();
        assert_eq!(
            my_supports(&doc),
            vec![MySupport {
                idea: idea(1),
                at: Timestamp(1)
            }]
        );
        let c = CommentId::from_bytes([4; 16]);
        comment(&mut doc, c, idea(1), "Hyvä!", false, Timestamp(4)).unwrap();
        assert!(comment(&mut doc, c, idea(1), " ", false, Timestamp(4)).is_err());
        assert_eq!(my_comments(&doc)[0].text, "Hyvä!");
        report(&mut doc, ReportTarget::Comment(c), "asiaton", Timestamp(5)).unwrap();
        report(
            &mut doc,
            ReportTarget::Comment(c),
            "loukkaava",
            Timestamp(6),
        )
        .unwrap();
        let reports = my_reports(&doc);
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0].reason, "loukkaava");
    }

    #[test]
    fn one_support_made_on_two_devices_is_one_support() {
        let mut a = new_document();
        set_writer(&mut a, [1; 16]);
        let mut b = new_document();
        set_writer(&mut b, [2; 16]);
        support(&mut a, idea(1), Timestamp(1)).unwrap();
        support(&mut b, idea(1), Timestamp(2)).unwrap();
        a.commit();
        b.commit();
        a.merge(&mut b).unwrap();
        assert_eq!(my_supports(&a).len(), 1);
        unsupport(&mut a, idea(1)).unwrap();
        assert!(my_supports(&a).is_empty());
    }
}
