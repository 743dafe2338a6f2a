//! A document rewritten without its history, for erasure.
//!
//! Automerge keeps every change, so a name or an idea removed from the project or staff
//! document stays readable in the changes before the removal. Erasing a member's data
//! (deleting an account) therefore replaces those documents with a copy of their current
//! state alone: the kind's deterministic first change, then one change that writes what
//! the document holds now. Nothing deleted before survives in it.
//!
//! Where offline writers made the same map or list twice (two conflicting ones at one
//! key), the copy joins them into one, so that no writer's items are lost with the
//! history; for any other conflict the winning value is kept.

use super::new_document;
use crate::wire::DocKind;
use automerge::transaction::Transactable;
use automerge::{
    ActorId, AutoCommit, AutomergeError, ChangeHash, ObjId, ObjType, ReadDoc, Value, ROOT,
};

/// `doc`'s current state alone, as a new document of `kind` written by `actor`.
pub fn without_history(
    doc: &AutoCommit,
    kind: DocKind,
    actor: [u8; 16],
) -> Result<AutoCommit, AutomergeError> {
    let mut fresh = new_document(kind).with_actor(ActorId::from(actor));
    copy_map(doc, &ROOT, &mut fresh, &ROOT)?;
    fresh.commit_with(automerge::transaction::CommitOptions::default().with_time(0));
    Ok(fresh)
}

fn copy_map(
    from: &AutoCommit,
    src: &ObjId,
    to: &mut AutoCommit,
    dst: &ObjId,
) -> Result<(), AutomergeError> {
    for key in from.keys(src).collect::<Vec<_>>() {
        // Conflicting values come losers first, the winner last (as `get` picks it).
        let values = from.get_all(src, key.as_str())?;
        let Some((winner, winner_id)) = values.last().cloned() else {
            continue;
        };
        match winner {
            Value::Object(ObjType::Map) => {
                // The map the fresh document already has (made by its first change) or a
                // new one; every conflicting map's items go into it, the winner's last so
                // that its values win where the maps disagree.
                let target = match to.get(dst, key.as_str())? {
                    Some((Value::Object(ObjType::Map), id)) => id,
                    _ => to.put_object(dst, key.as_str(), ObjType::Map)?,
                };
                for (value, id) in &values {
                    if matches!(value, Value::Object(ObjType::Map)) {
                        copy_map(from, id, to, &target)?;
                    }
                }
            }
            Value::Object(ObjType::List) => {
                // Conflicting lists (two organisers' first answers to one idea, offline)
                // are read one after the other, the winner's first: so they are joined.
                let target = to.put_object(dst, key.as_str(), ObjType::List)?;
                for (value, id) in values.iter().rev() {
                    if matches!(value, Value::Object(ObjType::List)) {
                        append_items(from, id, 0, to, &target)?;
                    }
                }
            }
            Value::Object(kind) => {
                let target = to.put_object(dst, key.as_str(), kind)?;
                copy_object(from, &winner_id, kind, to, &target)?;
            }
            Value::Scalar(s) => to.put(dst, key.as_str(), s.into_owned())?,
        }
    }
    Ok(())
}

fn copy_object(
    from: &AutoCommit,
    src: &ObjId,
    kind: ObjType,
    to: &mut AutoCommit,
    dst: &ObjId,
) -> Result<(), AutomergeError> {
    match kind {
        ObjType::Map | ObjType::Table => copy_map(from, src, to, dst),
        ObjType::Text => to.splice_text(dst, 0, 0, &from.text(src)?),
        ObjType::List => append_items(from, src, 0, to, dst),
    }
}

/// Re-applies to `into` (a replacement, as the hub sent it) what `old` gained after `since`:
/// the edits an organiser made offline while the hub rewrote the document. The document as
/// it was at `since` is compared with it now, map by map: a value set or changed is set,
/// a key deleted is deleted, a list that grew gets the new items at its end, and a list or
/// text put anew is copied whole. An edit inside something the replacement no longer has
/// (the erased member's roster line, say) is dropped. Answers how many values it wrote.
///
/// (Automerge's own `diff` would do this by patches, but it costs the web app about 25 KB
/// brotli; the readers used here are in the app anyway.)
pub fn carry_over(old: &mut AutoCommit, since: &[ChangeHash], into: &mut AutoCommit) -> usize {
    // A copy never synced has no shared heads: its edits are all after the first change,
    // which every copy of the kind shares.
    let root: Vec<ChangeHash> = match since {
        [] => old
            .get_changes(&[])
            .first()
            .filter(|c| c.deps().is_empty())
            .map(|c| vec![c.hash()])
            .unwrap_or_default(),
        _ => since.to_vec(),
    };
    let Ok(before) = old.fork_at(&root) else {
        return 0;
    };
    let mut written = 0;
    replay_map(&before, Some(&ROOT), old, &ROOT, into, &ROOT, &mut written);
    written
}

/// Replays onto `dst` what changed in the map `now` since `was` (absent: it is new).
fn replay_map(
    before: &AutoCommit,
    was: Option<&ObjId>,
    old: &AutoCommit,
    now: &ObjId,
    into: &mut AutoCommit,
    dst: &ObjId,
    written: &mut usize,
) {
    for key in old.keys(now).collect::<Vec<_>>() {
        let Ok(Some((value, id))) = old.get(now, key.as_str()) else {
            continue;
        };
        let prior = was.and_then(|w| before.get(w, key.as_str()).ok().flatten());
        let done = match (value, prior) {
            (Value::Scalar(v), Some((Value::Scalar(p), _))) if v == p => continue,
            (Value::Scalar(v), _) => into.put(dst, key.as_str(), v.into_owned()),
            (Value::Object(ObjType::Map), prior) => {
                let prior = prior
                    .and_then(|(v, pid)| matches!(v, Value::Object(ObjType::Map)).then_some(pid));
                // The replacement's map at the key, or a new one: a map made offline joins
                // one the replacement has rather than hiding it. A map that was there before
                // and that the replacement no longer has was removed by the hub (an erased
                // member's check-in): it stays removed.
                let target = match into.get(dst, key.as_str()) {
                    Ok(Some((Value::Object(ObjType::Map), t))) => t,
                    _ if prior.is_some() => continue,
                    _ => match into.put_object(dst, key.as_str(), ObjType::Map) {
                        Ok(t) => t,
                        Err(_) => continue,
                    },
                };
                replay_map(before, prior.as_ref(), old, &id, into, &target, written);
                continue;
            }
            // The same list as before: what was appended since goes at the end.
            (Value::Object(ObjType::List), Some((Value::Object(ObjType::List), pid)))
                if pid == id =>
            {
                let from = before.length(&pid);
                match into.get(dst, key.as_str()) {
                    Ok(Some((Value::Object(ObjType::List), target))) => {
                        append_new_items(old, &id, from, into, &target)
                    }
                    _ => continue,
                }
            }
            // A list made offline where the replacement has one (another organiser's first
            // answer to the same idea): its items join that list rather than hide it.
            (Value::Object(ObjType::List), None) => match into.get(dst, key.as_str()) {
                Ok(Some((Value::Object(ObjType::List), target))) => {
                    append_new_items(old, &id, 0, into, &target)
                }
                _ => into
                    .put_object(dst, key.as_str(), ObjType::List)
                    .and_then(|target| append_items(old, &id, 0, into, &target)),
            },
            // Unchanged text or other objects are left as the replacement has them.
            (Value::Object(_), Some((Value::Object(_), pid))) if pid == id => continue,
            // A list or text put anew: copied whole.
            (Value::Object(kind), _) => into
                .put_object(dst, key.as_str(), kind)
                .and_then(|target| copy_object(old, &id, kind, into, &target)),
        };
        if done.is_ok() {
            *written += 1;
        }
    }
    if let Some(was) = was {
        for key in before.keys(was).collect::<Vec<_>>() {
            if matches!(old.get(now, key.as_str()), Ok(None))
                && matches!(into.get(dst, key.as_str()), Ok(Some(_)))
                && into.delete(dst, key.as_str()).is_ok()
            {
                *written += 1;
            }
        }
    }
}

/// Appends the items of `src` from index `from` on that `dst` does not hold already: the
/// hub may have stored an edit whose acknowledgement never came back, and a replay cut
/// short may run again; neither may double an answer.
fn append_new_items(
    old: &AutoCommit,
    src: &ObjId,
    from: usize,
    into: &mut AutoCommit,
    dst: &ObjId,
) -> Result<(), AutomergeError> {
    for index in from..old.length(src) {
        let held = (0..into.length(dst)).any(|i| same_item(old, src, index, into, dst, i));
        if !held {
            let at = into.length(dst);
            insert_item(old, src, index, into, dst, at)?;
        }
    }
    Ok(())
}

/// Whether item `i` of list `a` in `x` holds what item `j` of list `b` in `y` holds.
fn same_item(x: &AutoCommit, a: &ObjId, i: usize, y: &AutoCommit, b: &ObjId, j: usize) -> bool {
    match (x.get(a, i), y.get(b, j)) {
        (Ok(Some(l)), Ok(Some(r))) => same_value(x, l, y, r),
        _ => false,
    }
}

fn same_value(
    x: &AutoCommit,
    l: (Value<'_>, ObjId),
    y: &AutoCommit,
    r: (Value<'_>, ObjId),
) -> bool {
    match (l, r) {
        ((Value::Scalar(a), _), (Value::Scalar(b), _)) => a == b,
        ((Value::Object(ObjType::Map), a), (Value::Object(ObjType::Map), b)) => {
            let keys: Vec<String> = x.keys(&a).collect();
            keys == y.keys(&b).collect::<Vec<_>>()
                && keys
                    .iter()
                    .all(|k| match (x.get(&a, k.as_str()), y.get(&b, k.as_str())) {
                        (Ok(Some(l)), Ok(Some(r))) => same_value(x, l, y, r),
                        _ => false,
                    })
        }
        ((Value::Object(ObjType::List), a), (Value::Object(ObjType::List), b)) => {
            x.length(&a) == y.length(&b) && (0..x.length(&a)).all(|i| same_item(x, &a, i, y, &b, i))
        }
        ((Value::Object(ObjType::Text), a), (Value::Object(ObjType::Text), b)) => {
            x.text(&a).ok() == y.text(&b).ok()
        }
        _ => false,
    }
}

/// Copies the items of the list `src` from index `from` on to the end of `dst`.
fn append_items(
    old: &AutoCommit,
    src: &ObjId,
    from: usize,
    into: &mut AutoCommit,
    dst: &ObjId,
) -> Result<(), AutomergeError> {
    let mut at = into.length(dst);
    for index in from..old.length(src) {
        if insert_item(old, src, index, into, dst, at)? {
            at += 1;
        }
    }
    Ok(())
}

/// Copies item `index` of `src` into `dst` at `at`; `false` when there was no item.
fn insert_item(
    old: &AutoCommit,
    src: &ObjId,
    index: usize,
    into: &mut AutoCommit,
    dst: &ObjId,
    at: usize,
) -> Result<bool, AutomergeError> {
    match old.get(src, index)? {
        Some((Value::Object(kind), id)) => {
            let target = into.insert_object(dst, at, kind)?;
            copy_object(old, &id, kind, into, &target)?;
        }
        Some((Value::Scalar(s), _)) => into.insert(dst, at, s.into_owned())?,
        None => return Ok(false),
    }
    Ok(true)
}

/// Everything in every change of the document's history, as text: for tests that look
/// for what should be gone.
#[cfg(test)]
pub(crate) fn history_text(doc: &mut AutoCommit) -> String {
    doc.get_changes(&[])
        .into_iter()
        .map(|c| format!("{:?}", c.decode()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use automerge::ScalarValue;

    fn staff_with(names: &[(&str, &str)]) -> AutoCommit {
        let mut doc = new_document(DocKind::Staff).with_actor(ActorId::from([1u8; 16]));
        let rosters = super::super::get_map(&doc, &ROOT, "rosters").expect("rosters");
        let event = doc.put_object(&rosters, "e1", ObjType::Map).unwrap();
        for (id, name) in names {
            doc.put(&event, *id, *name).unwrap();
        }
        doc.commit();
        doc
    }

    use super::history_text as every_change_text;

    #[test]
    fn a_copy_that_never_synced_replays_its_edits_but_not_the_shared_first_change() {
        let hub = staff_with(&[("m2", "Eero Laine")]);
        let mut tablet = new_document(DocKind::Staff).with_actor(ActorId::from([2u8; 16]));
        let approvals = super::super::get_map(&tablet, &ROOT, "approvals").unwrap();
        let event = tablet.put_object(&approvals, "e1", ObjType::Map).unwrap();
        tablet.put(&event, "m2", "approved").unwrap();
        tablet.commit();
        let mut replacement = without_history(&hub, DocKind::Staff, [9; 16]).unwrap();
        carry_over(&mut tablet, &[], &mut replacement);
        replacement.commit();
        // The hub's roster is still there, beside the approval made offline.
        let rosters = super::super::get_map(&replacement, &ROOT, "rosters").unwrap();
        assert!(super::super::get_map(&replacement, &rosters, "e1").is_some());
        let approvals = super::super::get_map(&replacement, &ROOT, "approvals").unwrap();
        assert!(super::super::get_map(&replacement, &approvals, "e1").is_some());
    }

    #[test]
    fn a_removed_value_is_gone_from_the_copy_and_its_history() {
        let mut doc = staff_with(&[("m1", "Aino Virtanen"), ("m2", "Eero Laine")]);
        let rosters = super::super::get_map(&doc, &ROOT, "rosters").unwrap();
        let event = super::super::get_map(&doc, &rosters, "e1").unwrap();
        doc.delete(&event, "m1").unwrap();
        doc.commit();
        assert!(every_change_text(&mut doc).contains("Aino Virtanen"));

        let mut copy = without_history(&doc, DocKind::Staff, [9; 16]).unwrap();
        assert!(!every_change_text(&mut copy).contains("Aino Virtanen"));
        let rosters = super::super::get_map(&copy, &ROOT, "rosters").unwrap();
        let event = super::super::get_map(&copy, &rosters, "e1").unwrap();
        assert_eq!(
            copy.get(&event, "m2").unwrap().map(|(v, _)| v.to_string()),
            Some("\"Eero Laine\"".to_owned())
        );
        assert_eq!(copy.get(&event, "m1").unwrap(), None);
        // The deterministic root plus one change: nothing else.
        assert_eq!(copy.get_changes(&[]).len(), 2);
    }

    #[test]
    fn lists_text_and_every_scalar_survive() {
        let mut doc = new_document(DocKind::Project).with_actor(ActorId::from([1u8; 16]));
        let list = doc.put_object(&ROOT, "path", ObjType::List).unwrap();
        doc.insert(&list, 0, "received").unwrap();
        let step = doc.insert_object(&list, 1, ObjType::Map).unwrap();
        doc.put(&step, "at", 17i64).unwrap();
        doc.put(&step, "ok", true).unwrap();
        let text = doc.put_object(&ROOT, "notes", ObjType::Text).unwrap();
        doc.splice_text(&text, 0, 0, "Hyvä kokous").unwrap();
        doc.put(&ROOT, "bytes", ScalarValue::Bytes(vec![1, 2, 3]))
            .unwrap();
        doc.commit();

        let copy = without_history(&doc, DocKind::Project, [9; 16]).unwrap();
        assert_eq!(
            serde_json::to_value(automerge::AutoSerde::from(&copy)).unwrap(),
            serde_json::to_value(automerge::AutoSerde::from(&doc)).unwrap()
        );
    }

    #[test]
    fn two_offline_writers_maps_at_one_key_merge_into_one() {
        let base = new_document(DocKind::Staff);
        let mut a = base.clone().with_actor(ActorId::from([1u8; 16]));
        let mut b = base.clone().with_actor(ActorId::from([2u8; 16]));
        for (doc, member) in [(&mut a, "m1"), (&mut b, "m2")] {
            let checkins = super::super::get_map(doc, &ROOT, "checkins").unwrap();
            let event = doc.put_object(&checkins, "e1", ObjType::Map).unwrap();
            doc.put(&event, member, 5i64).unwrap();
            doc.commit();
        }
        a.merge(&mut b).unwrap();

        let copy = without_history(&a, DocKind::Staff, [9; 16]).unwrap();
        let checkins = super::super::get_map(&copy, &ROOT, "checkins").unwrap();
        assert_eq!(copy.get_all(&checkins, "e1").unwrap().len(), 1);
        let event = super::super::get_map(&copy, &checkins, "e1").unwrap();
        let mut members: Vec<_> = copy.keys(&event).collect();
        members.sort();
        assert_eq!(members, ["m1", "m2"]);
    }

    #[test]
    fn offline_edits_carry_over_onto_the_rewritten_document() {
        // The hub and an organiser's tablet share a staff document with two roster lines.
        let mut hub = staff_with(&[("m1", "Aino Virtanen"), ("m2", "Eero Laine")]);
        let mut tablet = hub.fork().with_actor(ActorId::from([2u8; 16]));
        let shared = tablet.get_heads();
        // Offline, the tablet checks Eero in (a new map with a value) and notes a theme.
        let checkins = super::super::get_map(&tablet, &ROOT, "checkins").unwrap();
        let event = tablet.put_object(&checkins, "e1", ObjType::Map).unwrap();
        tablet.put(&event, "m2", 1_790_000_000_000i64).unwrap();
        let themes = tablet
            .put_object(&ROOT, "analysis_themes", ObjType::List)
            .unwrap();
        tablet.insert(&themes, 0, "Liikenne").unwrap();
        tablet.commit();
        // Meanwhile another organiser checks Aino in at the same event, and then Aino
        // deletes her account: the hub removes her and rewrites.
        let checkins = super::super::get_map(&hub, &ROOT, "checkins").unwrap();
        let at_hub = hub.put_object(&checkins, "e1", ObjType::Map).unwrap();
        hub.put(&at_hub, "w1", 1_790_000_000_001i64).unwrap();
        let rosters = super::super::get_map(&hub, &ROOT, "rosters").unwrap();
        let roster = super::super::get_map(&hub, &rosters, "e1").unwrap();
        hub.delete(&roster, "m1").unwrap();
        hub.commit();
        let mut rewritten = without_history(&hub, DocKind::Staff, [9; 16]).unwrap();

        let mut replacement = rewritten.fork().with_actor(ActorId::from([3u8; 16]));
        let replayed = carry_over(&mut tablet, &shared, &mut replacement);
        replacement.commit();
        assert!(replayed >= 2, "replayed {replayed}");

        let checkins = super::super::get_map(&replacement, &ROOT, "checkins").unwrap();
        let event = super::super::get_map(&replacement, &checkins, "e1").unwrap();
        assert!(replacement.get(&event, "m2").unwrap().is_some());
        // The other organiser's check-in at the same event is not hidden by the replay.
        assert!(replacement.get(&event, "w1").unwrap().is_some());
        assert_eq!(replacement.get_all(&checkins, "e1").unwrap().len(), 1);
        let themes = match replacement.get(&ROOT, "analysis_themes").unwrap() {
            Some((Value::Object(ObjType::List), id)) => id,
            other => panic!("no themes list: {other:?}"),
        };
        assert_eq!(replacement.length(&themes), 1);
        // Nothing of the erased member came back with the replay.
        assert!(!every_change_text(&mut replacement).contains("Aino Virtanen"));
        // And the hub takes the replayed change in as an ordinary one.
        rewritten.merge(&mut replacement).unwrap();
        assert_eq!(rewritten.get_heads(), replacement.get_heads());
    }

    #[test]
    fn a_conflict_keeps_the_value_readers_show_and_conflicting_lists_join() {
        let base = new_document(DocKind::Staff);
        let mut a = base.clone().with_actor(ActorId::from([1u8; 16]));
        let mut b = base.clone().with_actor(ActorId::from([2u8; 16]));
        for (doc, place, step) in [
            (&mut a, "Kirjasto", "otettu"),
            (&mut b, "Koulu", "hyväksytty"),
        ] {
            doc.put(&ROOT, "place", place).unwrap();
            let answers = super::super::get_map(doc, &ROOT, "answers").unwrap();
            let list = doc.put_object(&answers, "i1", ObjType::List).unwrap();
            doc.insert(&list, 0, step).unwrap();
            doc.commit();
        }
        a.merge(&mut b).unwrap();
        let shown = a.get(&ROOT, "place").unwrap().unwrap().0.to_string();

        let copy = without_history(&a, DocKind::Staff, [9; 16]).unwrap();
        assert_eq!(
            copy.get(&ROOT, "place").unwrap().unwrap().0.to_string(),
            shown
        );
        let answers = super::super::get_map(&copy, &ROOT, "answers").unwrap();
        let list = match copy.get(&answers, "i1").unwrap() {
            Some((Value::Object(ObjType::List), id)) => id,
            other => panic!("no answers list: {other:?}"),
        };
        assert_eq!(copy.length(&list), 2, "both organisers' answers are kept");
    }

    #[test]
    fn a_replay_neither_brings_back_what_the_hub_removed_nor_hides_a_list() {
        let mut hub = new_document(DocKind::Staff).with_actor(ActorId::from([1u8; 16]));
        let checkins = super::super::get_map(&hub, &ROOT, "checkins").unwrap();
        let event = hub.put_object(&checkins, "e1", ObjType::Map).unwrap();
        let erased = hub.put_object(&event, "m1", ObjType::Map).unwrap();
        hub.put(&erased, "at", 5i64).unwrap();
        hub.commit();
        let mut tablet = hub.fork().with_actor(ActorId::from([2u8; 16]));
        let since = tablet.get_heads();
        // Offline: the tablet answers idea i1 first, and checks m2 in.
        let answers = super::super::get_map(&tablet, &ROOT, "answers").unwrap();
        let list = tablet.put_object(&answers, "i1", ObjType::List).unwrap();
        tablet.insert(&list, 0, "tablet").unwrap();
        let event_t = super::super::get_map(&tablet, &checkins, "e1").unwrap();
        let m2 = tablet.put_object(&event_t, "m2", ObjType::Map).unwrap();
        tablet.put(&m2, "at", 6i64).unwrap();
        tablet.commit();
        // The hub: m1 erased, and another organiser answered i1 first.
        hub.delete(&event, "m1").unwrap();
        let answers_h = super::super::get_map(&hub, &ROOT, "answers").unwrap();
        let list_h = hub.put_object(&answers_h, "i1", ObjType::List).unwrap();
        hub.insert(&list_h, 0, "office").unwrap();
        hub.commit();
        let mut replacement = without_history(&hub, DocKind::Staff, [9; 16]).unwrap();

        carry_over(&mut tablet, &since, &mut replacement);
        replacement.commit();
        let checkins = super::super::get_map(&replacement, &ROOT, "checkins").unwrap();
        let event = super::super::get_map(&replacement, &checkins, "e1").unwrap();
        let mut keys: Vec<_> = replacement.keys(&event).collect();
        keys.sort();
        assert_eq!(keys, ["m2"], "m1 stays removed; m2 is checked in");
        let answers = super::super::get_map(&replacement, &ROOT, "answers").unwrap();
        let list = match replacement.get(&answers, "i1").unwrap() {
            Some((Value::Object(ObjType::List), id)) => id,
            other => panic!("no answers list: {other:?}"),
        };
        let items: Vec<String> = (0..replacement.length(&list))
            .map(|i| replacement.get(&list, i).unwrap().unwrap().0.to_string())
            .collect();
        assert_eq!(items, ["\"office\"", "\"tablet\""]);
    }

    #[test]
    fn a_replay_run_twice_or_of_an_edit_the_hub_has_adds_nothing_twice() {
        let mut hub = new_document(DocKind::Staff).with_actor(ActorId::from([1u8; 16]));
        let mut tablet = hub.fork().with_actor(ActorId::from([2u8; 16]));
        let since = tablet.get_heads();
        let answers = super::super::get_map(&tablet, &ROOT, "answers").unwrap();
        let list = tablet.put_object(&answers, "i1", ObjType::List).unwrap();
        let step = tablet.insert_object(&list, 0, ObjType::Map).unwrap();
        tablet.put(&step, "status", "accepted").unwrap();
        tablet.put(&step, "at", 7i64).unwrap();
        tablet.commit();
        // The hub stored the answer; the acknowledgement was lost on the way back.
        let mut stored = hub.clone();
        stored.merge(&mut tablet.clone()).unwrap();
        let mut replacement = without_history(&stored, DocKind::Staff, [9; 16]).unwrap();

        carry_over(&mut tablet, &since, &mut replacement);
        carry_over(&mut tablet, &since, &mut replacement);
        replacement.commit();
        let answers = super::super::get_map(&replacement, &ROOT, "answers").unwrap();
        let list = match replacement.get(&answers, "i1").unwrap() {
            Some((Value::Object(ObjType::List), id)) => id,
            other => panic!("no answers list: {other:?}"),
        };
        assert_eq!(replacement.length(&list), 1);
    }
}
