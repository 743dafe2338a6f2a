//! Making a project: a name, and fresh join and organiser word-pair codes.

use crate::clock::now_ms;
use crate::store::{HubStore, StoreError};
use crate::tokens::{random_bytes, word_pair_code};
use kumppani_core::ids::ProjectId;

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
        let organiser_code = word_pair_code();
        if join_code == organiser_code {
            continue;
        }
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
    Ok(NewProject {
        id,
        name: name.to_owned(),
        join_code: join_code.to_owned(),
        organiser_code: organiser_code.to_owned(),
    })
}
