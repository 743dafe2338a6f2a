//! What every handler shares: the store, the document cache, the config, and the event
//! bus that tells open sync connections what changed.

use crate::config::Config;
use crate::docs::{DocCache, DocError, DocGuard};
use crate::seats::ProjectLocks;
use crate::store::{HubStore, ProjectGuard, StoreError};
use kumppani_core::ids::{DeviceId, DocId, ProjectId};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tokio::sync::broadcast;

/// Something every open sync connection may need to act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HubEvent {
    /// A document gained changes through connection `origin`; others push them on (through
    /// [`crate::doc_feeds`], to the connections that sync it, not on the broadcast).
    DocChanged { doc: DocId, origin: u64 },
    /// A device was revoked; its open connections close.
    DeviceRevoked(DeviceId),
    /// A project's project and staff documents were replaced by history-free copies
    /// ([`crate::erasure`]): its open connections close, and reconnect to the new ones.
    ProjectDocsReplaced(ProjectId),
    /// The hub is stopping: open connections close now, so the stop does not wait on them.
    ShuttingDown,
}

/// The `origin` of changes the hub itself wrote: no connection has it, so all are told.
pub const HUB_ORIGIN: u64 = 0;

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn HubStore>,
    pub docs: DocCache,
    pub config: Arc<Config>,
    pub events: broadcast::Sender<HubEvent>,
    /// Document changes go only to the connections that sync the document.
    pub feeds: crate::doc_feeds::DocFeeds,
    /// Seat derivations of one project run one at a time.
    pub derivations: ProjectLocks,
    /// The actor the hub writes documents with, fresh for each run of the process.
    pub hub_actor: [u8; 16],
    /// What each member document last gave the derivations, to skip unchanged ones.
    pub member_inputs: crate::derivation::MemberInputs,
    /// Passes over member documents, coalesced per project.
    pub passes: crate::derivation::Passes,
    /// Other hub nodes share the store: derivations read documents fresh from it.
    pub clustered: bool,
    /// Wrong codes per address: guessing waits ([`crate::limits`]). Per node: several
    /// nodes each give a guesser this many, still hopeless against the long codes.
    pub code_failures: Arc<crate::limits::FailureLimit>,
    /// Wrong link codes across the hub: per address alone, many addresses guess freely.
    pub link_failures: Arc<crate::limits::FailureLimit<()>>,
    /// Failed sign-ins (unknown or revoked tokens) per address.
    pub sign_in_failures: Arc<crate::limits::FailureLimit>,
    /// Open sync connections per device.
    pub connections: Arc<crate::limits::ConnectionCounts>,
    next_connection: Arc<AtomicU64>,
}

/// A project's derivation lock: this node's, then the store's across nodes.
pub struct DerivationLock {
    _cluster: ProjectGuard,
    _local: tokio::sync::OwnedMutexGuard<()>,
}

impl AppState {
    pub fn new(store: Arc<dyn HubStore>, config: Config) -> Self {
        let (events, _) = broadcast::channel(1024);
        Self {
            store,
            docs: DocCache::default(),
            config: Arc::new(config),
            events,
            feeds: Default::default(),
            derivations: ProjectLocks::default(),
            hub_actor: crate::tokens::random_bytes(),
            member_inputs: Default::default(),
            passes: Default::default(),
            clustered: false,
            code_failures: Arc::new(crate::limits::FailureLimit::for_codes()),
            link_failures: Arc::new(crate::limits::FailureLimit::for_link_codes_hub_wide()),
            sign_in_failures: Arc::new(crate::limits::FailureLimit::for_sign_ins()),
            connections: Default::default(),
            next_connection: Arc::new(AtomicU64::new(1)),
        }
    }

    /// A number that tells this process's sync connections apart.
    pub fn connection_id(&self) -> u64 {
        self.next_connection.fetch_add(1, Ordering::Relaxed)
    }

    /// Derivations of `project` run one at a time, on this node and across nodes.
    pub async fn derivation_lock(&self, project: ProjectId) -> Result<DerivationLock, StoreError> {
        let local = self.derivations.lock(project).await;
        let cluster = self.store.lock_project(project).await?;
        Ok(DerivationLock {
            _cluster: cluster,
            _local: local,
        })
    }

    /// A document for a derivation to read: with other nodes on the store, first brought up
    /// to what they stored (a notification may still be on its way).
    pub async fn derivation_doc(&self, doc: DocId) -> Result<DocGuard, DocError> {
        if self.clustered {
            self.docs.lock_fresh(self.store.as_ref(), doc).await
        } else {
            self.docs.lock(self.store.as_ref(), doc).await
        }
    }

    pub fn publish(&self, event: HubEvent) {
        match event {
            HubEvent::DocChanged { doc, origin } => self.feeds.changed(doc, origin),
            // No receivers means no open connections: nothing to tell.
            other => {
                let _ = self.events.send(other);
            }
        }
    }
}
