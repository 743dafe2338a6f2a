//! Hub nodes that share one database hear of each other's writes.
//!
//! A device on node A and an organiser on node B sync the same documents through different
//! processes, each with its own document cache. When the store tells this node that another
//! node committed a chunk, the cached copy (if this node holds the document at all) takes
//! the new chunks in and this node's open connections are told, exactly as if one of its
//! own connections had made the change. A device revoked on another node loses its
//! connections here too.

use crate::state::{AppState, HubEvent, HUB_ORIGIN};
use crate::store::ClusterEvent;
use futures::StreamExt;
use kumppani_core::ids::DocId;

/// Starts listening when the store is shared with other nodes; returns whether it is.
pub async fn listen(state: &AppState) -> Result<bool, crate::store::StoreError> {
    let Some(mut events) = state.store.cluster_events().await? else {
        return Ok(false);
    };
    let state = state.clone();
    tokio::spawn(async move {
        while let Some(event) = events.next().await {
            match event {
                // One task each: a document busy on this node must not hold up the others.
                ClusterEvent::DocAppended { doc, .. } => {
                    tokio::spawn(take_in(state.clone(), doc));
                }
                ClusterEvent::DeviceRevoked(device) => {
                    state.publish(HubEvent::DeviceRevoked(device));
                }
                ClusterEvent::DocsReplaced { project, old } => {
                    for doc in old {
                        if let Some(guard) = state.docs.lock_if_cached(doc).await {
                            guard.poison();
                        }
                        state.member_inputs.forget_doc(doc);
                    }
                    state.publish(HubEvent::ProjectDocsReplaced(project));
                }
            }
        }
        tracing::warn!("the store stopped telling this node of other nodes' changes");
    });
    Ok(true)
}

async fn take_in(state: AppState, doc: DocId) {
    let Some(mut guard) = state.docs.lock_if_cached(doc).await else {
        return;
    };
    match guard.catch_up(state.store.as_ref(), doc).await {
        Ok(true) => {
            drop(guard);
            state.publish(HubEvent::DocChanged {
                doc,
                origin: HUB_ORIGIN,
            });
        }
        Ok(false) => {}
        Err(e) => {
            // Reloaded from the store by the next user instead.
            tracing::warn!(error = %e, %doc, "could not take in another node's change");
            guard.poison();
        }
    }
}
