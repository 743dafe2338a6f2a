//! Deleting an account, so that what the member wrote is gone from the hub, not hidden.
//!
//! 1. The member's devices, codes, receipts and sync states go, with their member document
//!    (snapshot and chunks). A member who keeps their ideas and comments stays as a
//!    nameless record whose document holds those alone, written anew without a name
//!    ([`kumppani_core::model::member::anonymous_remainder`]); one who removes them goes
//!    entirely. One store transaction; their connections close.
//!    An organiser's name first leaves their answers and moderation decisions.
//! 2. Seats and the derivation pass run: the member leaves the rosters, counts, the inbox
//!    of shared entries and (if removed) the published ideas and comments.
//! 3. The project and staff documents still hold all of that in their history, so they are
//!    replaced by copies of their current state alone under new ids
//!    ([`kumppani_core::model::rewrite`]); every connection to the project closes, and the
//!    next welcome names the new documents. A change stored to the old ones meanwhile (on
//!    another node) makes the swap fail and it is done again with that change in.
//!
//! Step 1 lists the erasure as pending in the store; steps 2 and 3 clear it. A hub that
//! fails or stops in between retries them, at its next start if need be.

use crate::derivation;
use crate::seats::{self, SeatsError};
use crate::state::{AppState, HubEvent};
use crate::store::{MemberRecord, Replacement, Role, StoreError};
use crate::tokens::random_bytes;
use kumppani_core::ids::{DocId, MemberId, ProjectId};
use kumppani_core::model::member::{anonymous_remainder, MemberDocError};
use kumppani_core::model::rewrite::without_history;
use kumppani_core::model::staff;
use kumppani_core::wire::DocKind;

/// What happens to a deleted member's published ideas and comments.
pub use kumppani_core::api::Contributions;

#[derive(Debug, thiserror::Error)]
pub enum ErasureError {
    #[error(transparent)]
    Seats(#[from] SeatsError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("could not write the member's remaining ideas: {0}")]
    Remainder(#[from] MemberDocError),
    #[error("could not rewrite the project's documents: {0}")]
    Rewrite(#[from] automerge::AutomergeError),
    #[error("the project's documents kept changing while being rewritten; try again")]
    Busy,
    /// The member's own data is gone (the first step committed); the rest failed and is
    /// retried, at the next start if need be.
    #[error("the member's data is deleted, but not yet the rest: {0}")]
    Unfinished(Box<ErasureError>),
}

impl From<crate::docs::DocError> for ErasureError {
    fn from(e: crate::docs::DocError) -> Self {
        ErasureError::Seats(SeatsError::Doc(e))
    }
}

/// Deletes the member's account (see the module docs). When this returns `Ok`, nothing the
/// member wrote is in the hub's database beyond what `keep` kept, without their name.
pub async fn delete_account(
    state: &AppState,
    member: &MemberRecord,
    keep: Contributions,
) -> Result<(), ErasureError> {
    let project = member.project;
    // An organiser's name is on their answers and decisions; it goes first, stored as the
    // hub's change (the rewrite below drops it from the history too). Done before the
    // member goes, so a failure here leaves an account the organiser can delete again.
    if member.role == Role::Organiser {
        if let Some(staff_doc) = state
            .store
            .project(project)
            .await?
            .and_then(|p| p.staff_doc)
        {
            let name = member.display_name.clone();
            seats::write_as_hub(state, staff_doc, "hub: erasure", |d| {
                staff::forget_organiser_name(d, &name).map_err(|e| e.to_string())
            })
            .await?;
        }
    }
    // Held across the first step: no change of the member's can be stored meanwhile (it
    // would land in a document that is gone), and the copy in memory goes with it.
    let guard = state.derivation_doc(member.member_doc).await?;
    let remainder = match keep {
        Contributions::Remove => None,
        Contributions::Anonymise => {
            let doc = anonymous_remainder(&guard, random_bytes())?.save();
            Some((DocId::from_bytes(random_bytes()), doc))
        }
    };
    let open = state
        .store
        .erase_member(
            member.id,
            remainder.as_ref().map(|(id, doc)| (*id, doc.as_slice())),
        )
        .await?;
    guard.poison();
    // What the derivations read of it held the member's words too; other nodes drop both.
    state.member_inputs.forget_doc(member.member_doc);
    if let Err(e) = state
        .store
        .announce_replaced(project, &[member.member_doc])
        .await
    {
        tracing::warn!(error = %e, %project, "could not tell other nodes of an erased document");
    }
    for device in open {
        state.publish(HubEvent::DeviceRevoked(device));
        if let Err(e) = state.store.announce_revoked(device).await {
            tracing::warn!(error = %e, %device, "could not tell other nodes of a revocation");
        }
    }
    finish(state, member.id, project)
        .await
        .map_err(|e| ErasureError::Unfinished(Box::new(e)))?;
    tracing::info!(%project, member = %member.id, ?keep, "deleted an account");
    Ok(())
}

/// What follows the member's own data going: the rest of the project forgets them, then the
/// shared documents lose their history. Safe to run again until it succeeds, which the
/// store then records (a hub that stops before finishes it at its next start).
pub async fn finish(
    state: &AppState,
    member: MemberId,
    project: ProjectId,
) -> Result<(), ErasureError> {
    seats::rederive_project(state, project, false).await?;
    derivation::rederive_project(state, project).await?;
    rewrite_project_docs(state, project, Some(member)).await?;
    let swept = state.store.sweep_orphans().await?;
    if swept > 0 {
        tracing::info!(
            rows = swept,
            "swept rows of erased documents written by racing connections"
        );
    }
    state.store.forget_freed().await;
    state.store.erasure_finished(member).await?;
    Ok(())
}

/// Finishes the erasures a stopped hub left halfway; run at startup. One that fails again
/// is retried in the background.
pub async fn finish_pending(state: &AppState) -> Result<(), StoreError> {
    for (project, member) in state.store.pending_erasures().await? {
        match finish(state, member, project).await {
            Ok(()) => tracing::info!(%project, %member, "finished an account deletion cut short"),
            Err(e) => {
                tracing::error!(error = %e, %project, "could not finish an account deletion; retrying");
                retry_in_background(state.clone(), member, project);
            }
        }
    }
    Ok(())
}

/// Runs [`finish`] again, backing off, until it succeeds: the member cannot ask again.
pub fn retry_in_background(state: AppState, member: MemberId, project: ProjectId) {
    tokio::spawn(async move {
        let mut wait = std::time::Duration::from_secs(5);
        loop {
            tokio::time::sleep(wait).await;
            match finish(&state, member, project).await {
                Ok(()) => {
                    tracing::info!(%project, "finished an account deletion after retrying");
                    return;
                }
                Err(e) => {
                    tracing::warn!(error = %e, %project, "still could not finish an account deletion")
                }
            }
            wait = (wait * 2).min(std::time::Duration::from_secs(300));
        }
    });
}

/// Replaces the project and staff documents with copies of their current state alone.
/// With `forget`, the staff document first forgets that member's check-ins and approvals
/// (organisers' writes, not derived), under the same lock, so that none synced meanwhile
/// is carried into the copy.
pub async fn rewrite_project_docs(
    state: &AppState,
    project: ProjectId,
    forget: Option<MemberId>,
) -> Result<(), ErasureError> {
    for _ in 0..5 {
        let _serial = state.derivation_lock(project).await?;
        let Some(record) = state.store.project(project).await? else {
            return Ok(());
        };
        let (Some(project_id), Some(staff_id)) = (record.project_doc, record.staff_doc) else {
            return Ok(());
        };
        if let Some(member) = forget {
            seats::write_as_hub(state, staff_id, "hub: erasure", |d| {
                staff::forget_member(d, member).map_err(|e| e.to_string())
            })
            .await?;
        }
        let project_doc = state.derivation_doc(project_id).await?;
        let staff_doc = state.derivation_doc(staff_id).await?;
        let replace = |old: DocId, seq: u64, doc: &automerge::AutoCommit, kind: DocKind| {
            without_history(doc, kind, random_bytes()).map(|mut fresh| Replacement {
                old,
                old_seq: seq,
                new: DocId::from_bytes(random_bytes()),
                snapshot: fresh.save(),
            })
        };
        let p = replace(
            project_id,
            project_doc.seq(),
            &project_doc,
            DocKind::Project,
        )?;
        let s = replace(staff_id, staff_doc.seq(), &staff_doc, DocKind::Staff)?;
        match state.store.replace_project_docs(project, &p, &s).await {
            Ok(()) => {
                // The old documents are gone from the store; drop them from memory too.
                project_doc.poison();
                staff_doc.poison();
                state.publish(HubEvent::ProjectDocsReplaced(project));
                if let Err(e) = state
                    .store
                    .announce_replaced(project, &[project_id, staff_id])
                    .await
                {
                    tracing::warn!(error = %e, %project, "could not tell other nodes of rewritten documents");
                }
                return Ok(());
            }
            Err(StoreError::Conflict(_)) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(ErasureError::Busy)
}
