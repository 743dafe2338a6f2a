//! The one pass over a project's member documents: what the hub derives from all of them,
//! the published ideas in the project document ([`crate::ideas`]) and the inbox of shared
//! diary entries in the staff document ([`crate::diary`]).
//!
//! The pass reads every member document of the project and hands each derivation what it
//! needs. It runs in the background after a member document changes, after the project or
//! staff document changes (an organiser's answer, or a hand-edited inbox to put right), and
//! for every project at startup. Requests that arrive while a pass runs coalesce into one
//! more pass ([`Passes`]), and a member document whose heads did not move since the last
//! pass is not read again ([`MemberInputs`]): a burst of K changes costs a few passes, not
//! K passes over K documents. Each derivation is a pure function of the documents and
//! writes only what differs, so running the pass again writes nothing. Passes share the
//! project's derivation lock with seats and store each change before connections are told.

use crate::seats::SeatsError;
use crate::state::AppState;
use crate::store::DocMeta;
use automerge::{AutoCommit, ChangeHash};
use kumppani_core::derive::diary::member_shared_entries;
use kumppani_core::derive::ideas::MemberIdeas;
use kumppani_core::ids::{DocId, MemberId, ProjectId};
use kumppani_core::model::staff::SharedEntry;
use kumppani_core::wire::DocKind;
use std::collections::{HashMap, HashSet};
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
}

/// A member document's heads when last read, and what it gave.
type Seen = (Vec<ChangeHash>, Arc<MemberReading>);

/// What each member document gave the last pass that read it, with the document's heads
/// then: a document whose heads did not move is not read again. Also the projects whose
/// inbox holds exactly what these readings say (the last pass wrote it), so the next pass
/// may write only the difference.
#[derive(Clone, Default)]
pub struct MemberInputs {
    seen: Arc<Mutex<HashMap<DocId, Seen>>>,
    inbox_written: Arc<Mutex<HashSet<ProjectId>>>,
}

impl MemberInputs {
    fn get(&self, doc: DocId, heads: &[ChangeHash]) -> Option<Arc<MemberReading>> {
        let seen = self.seen.lock().expect("member inputs");
        seen.get(&doc)
            .filter(|(h, _)| h == heads)
            .map(|(_, r)| r.clone())
    }

    /// Stores the reading; returns the one before.
    fn put(
        &self,
        doc: DocId,
        heads: Vec<ChangeHash>,
        reading: Arc<MemberReading>,
    ) -> Option<Arc<MemberReading>> {
        let mut seen = self.seen.lock().expect("member inputs");
        seen.insert(doc, (heads, reading)).map(|(_, r)| r)
    }

    /// After a failed write: the next pass reads these documents again and writes in full.
    fn forget(&self, project: ProjectId, docs: impl IntoIterator<Item = DocId>) {
        self.inbox_written
            .lock()
            .expect("member inputs")
            .remove(&project);
        let mut seen = self.seen.lock().expect("member inputs");
        for doc in docs {
            seen.remove(&doc);
        }
    }

    /// Drops what a member document gave (an erased member's words are not kept).
    pub fn forget_doc(&self, doc: DocId) {
        self.seen.lock().expect("member inputs").remove(&doc);
    }

    fn inbox_is_written(&self, project: ProjectId) -> bool {
        self.inbox_written
            .lock()
            .expect("member inputs")
            .contains(&project)
    }

    fn inbox_written(&self, project: ProjectId) {
        self.inbox_written
            .lock()
            .expect("member inputs")
            .insert(project);
    }
}

/// Passes waiting per project. A burst of changes (a hall full of phones coming online)
/// asks for many; one pass that starts after the last of them reads them all, so they
/// coalesce into a few passes instead of one each.
/// How long a pass waits before it reads: shared entries and ideas reach organisers this
/// much later, and a burst of changes makes far fewer passes (each reads every member).
const SETTLE: std::time::Duration = std::time::Duration::from_millis(50);

#[derive(Clone, Default)]
pub struct Passes {
    wanted: Arc<Mutex<HashMap<ProjectId, Wanted>>>,
}

#[derive(Clone, Copy)]
struct Wanted {
    /// A pass is running; when it ends it runs again if `again`.
    again: bool,
    /// Derive even if no member document reads differently (an organiser changed the
    /// project or staff document).
    full: bool,
}

impl Passes {
    /// Asks for a pass over `project`, in the background. Returns at once.
    pub fn request(&self, state: &AppState, project: ProjectId, full: bool) {
        {
            let mut wanted = self.wanted.lock().expect("passes");
            if let Some(w) = wanted.get_mut(&project) {
                w.again = true;
                w.full |= full;
                return;
            }
            wanted.insert(
                project,
                Wanted {
                    again: false,
                    full: false,
                },
            );
        }
        let (state, passes) = (state.clone(), self.clone());
        tokio::spawn(async move {
            let mut full = full;
            loop {
                // Changes arriving meanwhile join this pass instead of asking for the next.
                tokio::time::sleep(SETTLE).await;
                if let Err(e) = pass(&state, project, full).await {
                    tracing::error!(error = %e, %project, "could not derive from the member documents");
                }
                let mut wanted = passes.wanted.lock().expect("passes");
                let w = wanted.get_mut(&project).expect("this pass is listed");
                if !w.again {
                    wanted.remove(&project);
                    return;
                }
                full = w.full;
                *w = Wanted {
                    again: false,
                    full: false,
                };
            }
        });
    }
}

/// Asks for what follows a stored change to a document of `meta.project`: a pass in the
/// background (failures are logged; the next change or the next start derives again).
pub fn after_change(state: &AppState, meta: DocMeta) {
    let full = meta.kind != DocKind::Member;
    state.passes.request(state, meta.project, full);
}

/// Reads every member document of the project, then publishes the ideas and sets the staff
/// document's inbox of shared entries. Both run even when the other fails.
pub async fn rederive_project(state: &AppState, project: ProjectId) -> Result<(), SeatsError> {
    pass(state, project, true).await
}

/// One pass. Unless `full`, it writes nothing when no member document reads differently
/// from the last pass (a sign-up changed, say, which only seats read).
async fn pass(state: &AppState, project: ProjectId, full: bool) -> Result<(), SeatsError> {
    let _serial = state.derivation_lock(project).await?;
    let Some(record) = state.store.project(project).await? else {
        return Ok(());
    };
    let (Some(project_doc), Some(staff_doc)) = (record.project_doc, record.staff_doc) else {
        return Ok(());
    };
    let mut members = state.store.members_of_project(project).await?;
    members.sort_by_key(|m| m.id);
    let mut readings = Vec::with_capacity(members.len());
    // Documents that read differently: what they gave before, and now.
    let mut moved = Vec::new();
    for m in &members {
        let mut guard = state.derivation_doc(m.member_doc).await?;
        let heads = guard.get_heads();
        let reading = match state.member_inputs.get(m.member_doc, &heads) {
            Some(reading) => reading,
            None => {
                let reading = Arc::new(MemberReading::read(m.id, &m.display_name, &guard));
                drop(guard);
                let before = state
                    .member_inputs
                    .put(m.member_doc, heads, reading.clone());
                if before.as_deref() != Some(&*reading) {
                    moved.push((before, reading.clone()));
                }
                reading
            }
        };
        readings.push(reading);
    }
    if !full && moved.is_empty() {
        return Ok(());
    }
    let ideas: Vec<MemberIdeas> = readings.iter().map(|r| r.ideas.clone()).collect();
    let published = crate::ideas::publish(state, project_doc, staff_doc, &ideas).await;
    // Only this node writes the inbox, and it wrote it last: the difference will do.
    let by_difference = !full && !state.clustered && state.member_inputs.inbox_is_written(project);
    let inbox = if by_difference {
        crate::diary::update_inbox(state, project, staff_doc, &moved).await
    } else {
        let shared: Vec<SharedEntry> = readings
            .iter()
            .flat_map(|r| r.shared.iter().cloned())
            .collect();
        crate::diary::write_inbox(state, project, staff_doc, &shared).await
    };
    match (&published, &inbox) {
        (Ok(()), Ok(())) => state.member_inputs.inbox_written(project),
        // Not written: the next pass must not take these readings as already handled.
        _ => state
            .member_inputs
            .forget(project, members.iter().map(|m| m.member_doc)),
    }
    published?;
    inbox
}

/// [`rederive_project`] for every project: run at startup.
pub async fn rederive_all(state: &AppState) -> Result<(), SeatsError> {
    for p in state.store.projects().await? {
        rederive_project(state, p.id).await?;
    }
    Ok(())
}
