//! Which diary entries organisers see: a pure function of the members' documents.
//!
//! A member shares an entry by putting it, marked named or anonymous, into their member
//! document; revoking deletes it there. The staff document's inbox is derived afresh from
//! every member document, so a revoked entry leaves the inbox at the next derivation.
//!
//! An anonymous entry reaches the staff document with nothing that identifies its author:
//! no member id, no name, and an id that only someone who can read the member's own
//! document could link back (see [`staff_entry_id`]).

use super::ideas::bind;
use crate::ids::{EntryId, MemberId};
use crate::model::member;
use crate::model::staff::SharedEntry;
use automerge::AutoCommit;

/// The id an entry has in the staff document: the member's id for it, bound to the member.
///
/// Binding keeps one member from replacing another's entry by copying its id; hashing
/// keeps organisers, who never read member documents, from linking an anonymous entry to
/// anything its author wrote elsewhere.
pub fn staff_entry_id(author: MemberId, shared: EntryId) -> EntryId {
    EntryId::from_bytes(bind(b"kumppani-shared-entry-v1", author, shared.as_bytes()))
}

/// The organisers' copies of one member's shared entries.
pub fn member_shared_entries(
    author: MemberId,
    display_name: &str,
    doc: &AutoCommit,
) -> Vec<SharedEntry> {
    member::shared_entries(doc)
        .into_iter()
        .map(|(entry, sharing)| {
            SharedEntry::from_member(
                staff_entry_id(author, entry.id),
                &entry,
                sharing,
                author,
                display_name,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::member::{revoke_shared, share_entry, Sharing};
    use crate::model::staff::{self, set_shared_entries, shared_entries};
    use crate::model::{commit, set_writer, EntryDraft, Mood};
    use crate::time::Timestamp;
    use automerge::{ReadDoc, Value};

    const NAME: &str = "Aino Virtanen";

    fn draft(text: &str) -> EntryDraft {
        EntryDraft {
            text: text.into(),
            mood: Mood::new(2).unwrap(),
            tags: vec!["arki".into()],
            at: Timestamp(1_000),
            prompt: None,
        }
    }

    /// Every string and number stored anywhere under `obj`, deeply.
    fn all_values(doc: &AutoCommit, obj: &automerge::ObjId, out: &mut Vec<String>) {
        let keys: Vec<String> = doc.keys(obj).collect();
        let len = doc.length(obj);
        let mut children: Vec<(String, Value, automerge::ObjId)> = Vec::new();
        for k in keys {
            if let Ok(Some((v, id))) = doc.get(obj, k.as_str()) {
                out.push(k.clone());
                children.push((k, v.to_owned(), id));
            }
        }
        for i in 0..len {
            if let Ok(Some((v, id))) = doc.get(obj, i) {
                children.push((i.to_string(), v.to_owned(), id));
            }
        }
        for (_, v, id) in children {
            match v {
                Value::Object(_) => all_values(doc, &id, out),
                Value::Scalar(s) => out.push(s.to_string()),
            }
        }
    }

    #[test]
    fn an_anonymous_entry_reaches_the_staff_document_with_nothing_of_its_author() {
        let author = MemberId::from_bytes([0x3f; 16]);
        let device = [0xAB; 16];
        let mut member_doc = member::new_document();
        set_writer(&mut member_doc, device);
        let shared_id = EntryId::from_bytes([0x66; 16]);
        let text = "Vartija kuunteli, kun kerroin sellin kylmyydestä.";
        share_entry(
            &mut member_doc,
            shared_id,
            &draft(text),
            Sharing::Anonymous,
            Timestamp(2_000),
        )
        .unwrap();
        commit(&mut member_doc, "share", Timestamp(2_000));

        let mut staff_doc = staff::new_document();
        set_writer(&mut staff_doc, [0x11; 16]);
        let copies = member_shared_entries(author, NAME, &member_doc);
        set_shared_entries(&mut staff_doc, &copies).unwrap();
        commit(&mut staff_doc, "derive", Timestamp(3_000));

        let inbox = shared_entries(&staff_doc);
        assert_eq!(inbox.len(), 1);
        assert_eq!(inbox[0].text, text);
        assert_eq!(
            (inbox[0].author, inbox[0].author_name.as_deref()),
            (None, None)
        );

        let mut stored = Vec::new();
        all_values(&staff_doc, &automerge::ROOT, &mut stored);
        let forbidden = [
            author.to_string(),
            hex::encode(device),
            NAME.to_owned(),
            "Aino".to_owned(),
            shared_id.to_string(),
        ];
        for value in &stored {
            for f in &forbidden {
                assert!(!value.contains(f.as_str()), "{value:?} holds {f:?}");
            }
        }
        // The staff document's history holds only the hub's writer, never the member's device.
        for change in staff_doc.get_changes(&[]) {
            assert_ne!(change.actor_id().to_bytes(), device.as_slice());
        }
        assert!(
            stored.iter().any(|v| v.contains(text)),
            "the walk saw the entry itself"
        );
    }

    #[test]
    fn a_named_entry_carries_its_author_and_revoking_removes_it_after_derivation() {
        let author = MemberId::from_bytes([0x3f; 16]);
        let mut member_doc = member::new_document();
        set_writer(&mut member_doc, [1; 16]);
        let named = EntryId::from_bytes([1; 16]);
        let anonymous = EntryId::from_bytes([2; 16]);
        share_entry(
            &mut member_doc,
            named,
            &draft("nimellä"),
            Sharing::Named,
            Timestamp(5),
        )
        .unwrap();
        share_entry(
            &mut member_doc,
            anonymous,
            &draft("nimettä"),
            Sharing::Anonymous,
            Timestamp(6),
        )
        .unwrap();
        commit(&mut member_doc, "share", Timestamp(6));

        let mut staff_doc = staff::new_document();
        set_writer(&mut staff_doc, [0x11; 16]);
        let derive = |member_doc: &AutoCommit, staff_doc: &mut AutoCommit| {
            let copies = member_shared_entries(author, NAME, member_doc);
            set_shared_entries(staff_doc, &copies).unwrap();
            commit(staff_doc, "derive", Timestamp(7));
        };
        derive(&member_doc, &mut staff_doc);
        let inbox = shared_entries(&staff_doc);
        let by_name = inbox.iter().find(|e| e.text == "nimellä").unwrap();
        assert_eq!(by_name.author, Some(author));
        assert_eq!(by_name.author_name.as_deref(), Some(NAME));
        assert_eq!(by_name.id, staff_entry_id(author, named));
        assert_ne!(by_name.id, named);

        // Revoked on the member's device; the staff document follows after derivation,
        // including an organiser's device that synced it before.
        let mut organiser_copy = staff_doc.fork();
        revoke_shared(&mut member_doc, anonymous).unwrap();
        revoke_shared(&mut member_doc, named).unwrap();
        commit(&mut member_doc, "revoke", Timestamp(8));
        derive(&member_doc, &mut staff_doc);
        assert!(shared_entries(&staff_doc).is_empty());
        organiser_copy.merge(&mut staff_doc).unwrap();
        assert!(shared_entries(&organiser_copy).is_empty());
    }

    #[test]
    fn one_member_cannot_take_over_anothers_entry_by_copying_its_id() {
        let shared = EntryId::from_bytes([5; 16]);
        let a = MemberId::from_bytes([1; 16]);
        let b = MemberId::from_bytes([2; 16]);
        assert_ne!(staff_entry_id(a, shared), staff_entry_id(b, shared));
    }
}
