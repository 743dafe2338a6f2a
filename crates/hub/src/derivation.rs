//! The one pass over a project's member documents: what the hub derives from all of them,
//! the published ideas in the project document ([`crate::ideas`]) and the inbox of shared
//! diary entries in the staff document ([`crate::diary`]).
//!
//! The pass reads every member document of the project once and hands each derivation what
//! it needs. It runs after a member document changes (unless nothing the derivations read
//! changed: a sign-up, say), after the project or staff document changes (an organiser's
//! answer, or a hand-edited inbox to put right), and for every project at startup. Each
//! derivation is a pure function of the documents and writes only what differs, so running
//! the pass again writes nothing. Passes share the per-project lock with seats
//! ([`crate::seats::ProjectLocks`]) and store each change before connections are told of it.

use crate::seats::SeatsError;
use crate::state::AppState;
use crate::store::DocMeta;
use automerge::AutoCommit;
use kumppani_core::derive::diary::member_shared_entries;
use kumppani_core::derive::ideas::MemberIdeas;
use kumppani_core::ids::{DocId, MemberId, ProjectId};
use kumppani_core::model::staff::SharedEntry;
use kumppani_core::wire::DocKind;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// What the derivations read from one member document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberReading {
    /// Ideas, supports, comments and reports.
    pub ideas: MemberIdeas,
    /// The entries the member shared, as the staff document shows them.
    pub shared: Vec<SharedEntry>,
}

impl MemberReading {
    pub fn read(member: MemberId, display_name: &str, doc: &AutoCommit) -> Self {
        MemberReading {
            ideas: MemberIdeas::read(member, display_name, doc),
            shared: member_shared_entries(member, display_name, doc),
        }
    }

    /// The reading with a placeholder member and no name: enough to tell whether the
    /// document changed in a way the derivations see. The name is not compared: it comes
    /// from the members table, not the document.
    fn of_document(doc: &AutoCommit) -> Self {
        Self::read(MemberId::from_bytes([0; 16]), "", doc)
    }
}

/// What each member document last gave a pass that completed. A member document that reads
/// the same needs no new pass.
#[derive(Clone, Default)]
pub struct MemberInputs {
    seen: Arc<Mutex<HashMap<DocId, MemberReading>>>,
}

impl MemberInputs {
    fn unchanged(&self, doc: DocId, now: &MemberReading) -> bool {
        self.seen.lock().expect("member inputs").get(&doc) == Some(now)
    }

    fn remember(&self, seen: impl IntoIterator<Item = (DocId, MemberReading)>) {
        self.seen.lock().expect("member inputs").extend(seen);
    }
}

/// Runs what follows a stored change to `doc`; failures are logged (the next change or the
/// next start derives again from the same documents).
pub async fn after_change(state: &AppState, doc: DocId, meta: DocMeta) {
    let result = match meta.kind {
        DocKind::Member => member_changed(state, meta.project, doc).await,
        DocKind::Project | DocKind::Staff => rederive_project(state, meta.project).await,
    };
    if let Err(e) = result {
        tracing::error!(error = %e, %doc, "could not derive from the member documents");
    }
}

async fn member_changed(
    state: &AppState,
    project: ProjectId,
    doc: DocId,
) -> Result<(), SeatsError> {
    let now = {
        let guard = state.docs.lock(state.store.as_ref(), doc).await?;
        MemberReading::of_document(&guard)
    };
    if state.member_inputs.unchanged(doc, &now) {
        return Ok(());
    }
    rederive_project(state, project).await
}

/// Reads every member document of the project once, then publishes the ideas and sets the
/// staff document's inbox of shared entries. Both run even when the other fails.
pub async fn rederive_project(state: &AppState, project: ProjectId) -> Result<(), SeatsError> {
    let _serial = state.derivation_lock(project).await?;
    let Some(record) = state.store.project(project).await? else {
        return Ok(());
    };
    let (Some(project_doc), Some(staff_doc)) = (record.project_doc, record.staff_doc) else {
        return Ok(());
    };
    let mut members = state.store.members_of_project(project).await?;
    members.sort_by_key(|m| m.id);
    let mut ideas = Vec::with_capacity(members.len());
    let mut shared = Vec::new();
    let mut seen = Vec::with_capacity(members.len());
    for m in &members {
        let guard = state.derivation_doc(m.member_doc).await?;
        let reading = MemberReading::read(m.id, &m.display_name, &guard);
        seen.push((m.member_doc, MemberReading::of_document(&guard)));
        ideas.push(reading.ideas);
        shared.extend(reading.shared);
    }
    let published = crate::ideas::publish(state, project_doc, staff_doc, &ideas).await;
    let inbox = crate::diary::write_inbox(state, project, staff_doc, &shared).await;
    published?;
    inbox?;
    state.member_inputs.remember(seen);
    Ok(())
}

/// [`rederive_project`] for every project: run at startup.
pub async fn rederive_all(state: &AppState) -> Result<(), SeatsError> {
    for p in state.store.projects().await? {
        rederive_project(state, p.id).await?;
    }
    Ok(())
}
