//! Who may sync which document. Pure, so every rule is a unit test.
//!
//! The hub decides from the authenticated device's member and project and from the
//! document's stored metadata, never from anything the device says about itself. A
//! document the device may not sync and a document that does not exist get the same
//! answer, so ids cannot be probed.

use crate::store::{DocMeta, MemberRecord};
use kumppani_core::wire::DocKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Sync both ways: the device's changes are applied.
    ReadWrite,
    /// Answer `Unavailable`, whether or not the document exists.
    Denied,
}

/// Whether `member` (through any of their devices) may sync the document described by `doc`
/// (`None`: no such document).
pub fn can_sync(member: &MemberRecord, doc: Option<&DocMeta>) -> Access {
    let Some(doc) = doc else {
        return Access::Denied;
    };
    match doc.kind {
        DocKind::Member if doc.project == member.project && doc.member == Some(member.id) => {
            Access::ReadWrite
        }
        // Project and staff documents come with a later issue; until then, nobody syncs them.
        _ => Access::Denied,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Role;
    use kumppani_core::ids::{DocId, MemberId, ProjectId};

    fn member(n: u8, project: u8, role: Role) -> MemberRecord {
        MemberRecord {
            id: MemberId::from_bytes([n; 16]),
            project: ProjectId::from_bytes([project; 16]),
            display_name: format!("Jäsen {n}"),
            role,
            member_doc: DocId::from_bytes([n; 16]),
        }
    }

    fn member_doc(of: &MemberRecord) -> DocMeta {
        DocMeta {
            kind: DocKind::Member,
            project: of.project,
            member: Some(of.id),
        }
    }

    #[test]
    fn a_member_syncs_their_own_member_document() {
        let a = member(1, 1, Role::Resident);
        assert_eq!(can_sync(&a, Some(&member_doc(&a))), Access::ReadWrite);
    }

    #[test]
    fn a_member_cannot_sync_another_members_document() {
        let a = member(1, 1, Role::Resident);
        let b = member(2, 1, Role::Resident);
        assert_eq!(can_sync(&a, Some(&member_doc(&b))), Access::Denied);
    }

    #[test]
    fn an_organiser_cannot_sync_a_residents_member_document_either() {
        let org = member(1, 1, Role::Organiser);
        let b = member(2, 1, Role::Resident);
        assert_eq!(can_sync(&org, Some(&member_doc(&b))), Access::Denied);
    }

    #[test]
    fn an_unknown_document_is_denied_like_a_forbidden_one() {
        let a = member(1, 1, Role::Resident);
        assert_eq!(can_sync(&a, None), Access::Denied);
    }

    #[test]
    fn a_member_document_of_the_same_member_id_in_another_project_is_denied() {
        let a = member(1, 1, Role::Resident);
        let mut doc = member_doc(&a);
        doc.project = ProjectId::from_bytes([9; 16]);
        assert_eq!(can_sync(&a, Some(&doc)), Access::Denied);
    }

    #[test]
    fn project_and_staff_documents_are_not_synced_yet() {
        let org = member(1, 1, Role::Organiser);
        for kind in [DocKind::Project, DocKind::Staff] {
            let doc = DocMeta {
                kind,
                project: org.project,
                member: None,
            };
            assert_eq!(can_sync(&org, Some(&doc)), Access::Denied);
        }
    }
}
