//! Who may sync which document. Pure, so every rule is a unit test.
//!
//! The hub decides from the authenticated device's member and project and from the
//! document's stored metadata, never from anything the device says about itself. A
//! document the device may not sync and a document that does not exist get the same
//! answer, so ids cannot be probed.

use crate::store::{DocMeta, MemberRecord, ProjectRecord, Role};
use kumppani_core::ids::DocId;
use kumppani_core::wire::DocKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Sync both ways: the device's changes are applied.
    ReadWrite,
    /// The hub sends its changes and never applies the device's.
    ReadOnly,
    /// Answer `Unavailable`, whether or not the document exists.
    Denied,
}

/// Exactly the documents a device of `member` may sync, for its `Welcome`: the member
/// document, the project document, and (organisers only) the staff document.
pub fn welcome_docs(
    member: &MemberRecord,
    project: Option<&ProjectRecord>,
) -> Vec<(DocId, DocKind)> {
    let mut docs = vec![(member.member_doc, DocKind::Member)];
    if let Some(p) = project.filter(|p| p.id == member.project) {
        if let Some(doc) = p.project_doc {
            docs.push((doc, DocKind::Project));
        }
        if let (Some(doc), Role::Organiser) = (p.staff_doc, member.role) {
            docs.push((doc, DocKind::Staff));
        }
    }
    docs
}

/// Whether `member` (through any of their devices) may sync the document described by `doc`
/// (`None`: no such document).
pub fn can_sync(member: &MemberRecord, doc: Option<&DocMeta>) -> Access {
    let Some(doc) = doc else {
        return Access::Denied;
    };
    match doc.kind {
        _ if doc.project != member.project => Access::Denied,
        DocKind::Member if doc.member == Some(member.id) => Access::ReadWrite,
        DocKind::Member => Access::Denied,
        DocKind::Project => match member.role {
            Role::Organiser => Access::ReadWrite,
            Role::Resident => Access::ReadOnly,
        },
        DocKind::Staff => match member.role {
            Role::Organiser => Access::ReadWrite,
            Role::Resident => Access::Denied,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kumppani_core::ids::{MemberId, ProjectId};

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

    fn project_doc(project: u8, kind: DocKind) -> DocMeta {
        DocMeta {
            kind,
            project: ProjectId::from_bytes([project; 16]),
            member: None,
        }
    }

    #[test]
    fn residents_read_their_project_document_and_organisers_write_it() {
        let resident = member(1, 1, Role::Resident);
        let org = member(2, 1, Role::Organiser);
        let doc = project_doc(1, DocKind::Project);
        assert_eq!(can_sync(&resident, Some(&doc)), Access::ReadOnly);
        assert_eq!(can_sync(&org, Some(&doc)), Access::ReadWrite);
    }

    #[test]
    fn only_organisers_sync_the_staff_document() {
        let resident = member(1, 1, Role::Resident);
        let org = member(2, 1, Role::Organiser);
        let doc = project_doc(1, DocKind::Staff);
        assert_eq!(can_sync(&resident, Some(&doc)), Access::Denied);
        assert_eq!(can_sync(&org, Some(&doc)), Access::ReadWrite);
    }

    #[test]
    fn another_projects_documents_are_denied_even_to_organisers() {
        let org = member(2, 1, Role::Organiser);
        for kind in [DocKind::Project, DocKind::Staff] {
            assert_eq!(can_sync(&org, Some(&project_doc(9, kind))), Access::Denied);
        }
    }

    fn record(project: u8) -> ProjectRecord {
        ProjectRecord {
            id: ProjectId::from_bytes([project; 16]),
            name: "Projekti".into(),
            join_code: None,
            organiser_code: None,
            project_doc: Some(DocId::from_bytes([0xa0; 16])),
            staff_doc: Some(DocId::from_bytes([0xb0; 16])),
        }
    }

    #[test]
    fn welcome_lists_the_staff_document_for_organisers_only() {
        let p = record(1);
        let resident = member(1, 1, Role::Resident);
        let org = member(2, 1, Role::Organiser);
        assert_eq!(
            welcome_docs(&resident, Some(&p)),
            vec![
                (resident.member_doc, DocKind::Member),
                (p.project_doc.unwrap(), DocKind::Project)
            ]
        );
        assert_eq!(
            welcome_docs(&org, Some(&p)),
            vec![
                (org.member_doc, DocKind::Member),
                (p.project_doc.unwrap(), DocKind::Project),
                (p.staff_doc.unwrap(), DocKind::Staff)
            ]
        );
        assert_eq!(
            welcome_docs(&org, Some(&record(9))),
            vec![(org.member_doc, DocKind::Member)],
            "another project's documents are never listed"
        );
    }
}
