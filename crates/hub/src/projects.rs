//! Making a project: a name, fresh join and organiser word-pair codes, and its project and
//! staff documents with the secret seed its tickets are signed with.

use crate::clock::now_ms;
use crate::store::{HubStore, NewProjectDocs, StoreError};
use crate::tokens::{organiser_code, random_bytes, word_pair_code};
use kumppani_core::ids::{DocId, ProjectId};
use kumppani_core::model::{project, set_writer, staff};

/// A project just made, with the codes to hand out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewProject {
    pub id: ProjectId,
    pub name: String,
    pub join_code: String,
    pub organiser_code: String,
}

/// Creates a project with random codes, drawing again on the rare clash with a code in use.
pub async fn create_project(store: &dyn HubStore, name: &str) -> Result<NewProject, StoreError> {
    let mut attempt = 0;
    loop {
        let join_code = word_pair_code();
        let organiser_code = organiser_code();
        match create_project_with_codes(store, name, &join_code, &organiser_code).await {
            Err(StoreError::Conflict(_)) if attempt < 50 => attempt += 1,
            other => return other,
        }
    }
}

/// Creates a project with the codes given (normalised form: lowercase, trimmed).
pub async fn create_project_with_codes(
    store: &dyn HubStore,
    name: &str,
    join_code: &str,
    organiser_code: &str,
) -> Result<NewProject, StoreError> {
    let id = ProjectId::from_bytes(random_bytes());
    store
        .create_project(id, name, join_code, organiser_code, now_ms())
        .await?;
    ensure_project_docs(store, id).await?;
    Ok(NewProject {
        id,
        name: name.to_owned(),
        join_code: join_code.to_owned(),
        organiser_code: organiser_code.to_owned(),
    })
}

/// Fresh project and staff documents and a fresh ticket seed. The project document carries
/// the seed's public key, written by the hub, so organisers can check tickets offline.
pub fn new_project_docs() -> NewProjectDocs {
    let ticket_seed: [u8; 32] = random_bytes();
    let mut project_doc = project::new_document();
    set_writer(&mut project_doc, random_bytes());
    project::set_ticket_key(
        &mut project_doc,
        &crate::seats::ticket_public_key(&ticket_seed),
    )
    .expect("a new project document has its maps");
    project_doc.commit();
    NewProjectDocs {
        project_doc: DocId::from_bytes(random_bytes()),
        staff_doc: DocId::from_bytes(random_bytes()),
        project_doc_snapshot: project_doc.save(),
        staff_doc_snapshot: staff::new_document().save(),
        ticket_seed,
    }
}

/// Gives the project its documents if it has none yet (a project made before they
/// existed, or a create cut short between its two transactions). `true` if it did.
pub async fn ensure_project_docs(
    store: &dyn HubStore,
    project: ProjectId,
) -> Result<bool, StoreError> {
    store
        .attach_project_docs(project, &new_project_docs())
        .await
}

/// [`ensure_project_docs`] for every project; run at startup.
pub async fn ensure_all_project_docs(store: &dyn HubStore) -> Result<(), StoreError> {
    for p in store.projects().await? {
        if p.project_doc.is_none() && ensure_project_docs(store, p.id).await? {
            tracing::info!(project = %p.id, "gave a project its project and staff documents");
        }
    }
    Ok(())
}
