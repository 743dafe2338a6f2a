//! Shared diary entries: the hub keeps each project's staff-document inbox
//! (`shared_entries`) equal to the union of what its members shared in their own documents.
//!
//! A member shares an entry by putting it, marked named or anonymous, into their member
//! document, and revokes it by deleting it there; an entry without the mark is private to
//! the member's devices. Core's [`member_shared_entries`] turns one member's shared entries
//! into the organisers' copies (no author and no name on anonymous ones, ids bound to the
//! author), and [`staff::set_shared_entries`] writes only what differs and drops the codes
//! of entries that left. The pass over the member documents ([`crate::derivation`]) reads
//! them and calls [`write_inbox`]; the change goes through the document cache and the store
//! like every hub write, so organiser devices that are connected get it pushed.
//!
//! [`member_shared_entries`]: kumppani_core::derive::diary::member_shared_entries

use crate::derivation::MemberReading;
use crate::seats::{write_as_hub, SeatsError};
use crate::state::AppState;
use kumppani_core::ids::{DocId, ProjectId};
use kumppani_core::model::staff::{self, InboxChange, SharedEntry};
use std::collections::HashMap;
use std::sync::Arc;

/// Makes the staff document's inbox hold exactly `entries`. Writes, stores and tells
/// connections nothing when the inbox already does.
pub async fn write_inbox(
    state: &AppState,
    project: ProjectId,
    staff_doc: DocId,
    entries: &[SharedEntry],
) -> Result<(), SeatsError> {
    let mut changed = false;
    write_as_hub(state, staff_doc, "hub: shared entries", |doc| {
        changed = staff::set_shared_entries(doc, entries).map_err(|e| e.to_string())?;
        if !changed {
            // An empty inbox made on the way (the map) is not worth a change of its own.
            doc.rollback();
        }
        Ok(())
    })
    .await?;
    if changed {
        let anonymous = entries.iter().filter(|e| e.author.is_none()).count();
        tracing::info!(
            %project,
            entries = entries.len(),
            anonymous,
            "derived the shared diary entries"
        );
    }
    Ok(())
}

/// Writes only what moved in the members' documents (`(before, now)` readings) into an
/// inbox that holds what the last pass wrote.
pub async fn update_inbox(
    state: &AppState,
    project: ProjectId,
    staff_doc: DocId,
    moved: &[(Option<Arc<MemberReading>>, Arc<MemberReading>)],
) -> Result<(), SeatsError> {
    let mut change = InboxChange::default();
    for (before, now) in moved {
        let was: HashMap<_, &SharedEntry> = before
            .iter()
            .flat_map(|r| r.shared.iter())
            .map(|e| (e.id, e))
            .collect();
        let ids: std::collections::HashSet<_> = now.shared.iter().map(|e| e.id).collect();
        change
            .removed
            .extend(was.keys().filter(|id| !ids.contains(id)).copied());
        change
            .upserts
            .extend(now.shared.iter().filter(|e| was.get(&e.id) != Some(e)));
    }
    if change.removed.is_empty() && change.upserts.is_empty() {
        return Ok(());
    }
    let (removed, upserts) = (change.removed.len(), change.upserts.len());
    write_as_hub(state, staff_doc, "hub: shared entries", |doc| {
        staff::update_shared_entries(doc, &change)
            .map(drop)
            .map_err(|e| e.to_string())
    })
    .await?;
    tracing::debug!(%project, removed, upserts, "updated the shared diary entries");
    Ok(())
}
