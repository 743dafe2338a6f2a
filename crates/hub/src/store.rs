//! The hub's storage, as a trait: projects, codes, members, devices, document access
//! metadata, documents (snapshot + incremental chunks) and per-device sync states.
//!
//! [`sqlite::SqliteStore`] (one file, one hub node) and [`postgres::PgStore`] (one database,
//! any number of hub nodes) both pass the same [`conformance`] suite. Invariants every
//! implementation keeps:
//! - a write is durable when its method returns `Ok` (the hub acknowledges changes after that);
//! - multi-row writes ([`HubStore::create_member`], [`HubStore::redeem_link_code`],
//!   [`HubStore::compact`]) are one transaction: all or nothing;
//! - a link code is redeemed at most once, even by two racing requests;
//! - a document's chunks get sequence numbers in the order they commit, and a compaction
//!   never replaces a snapshot that covers more than it does, so a node that compacts from
//!   what it has read never drops a chunk another node appended meanwhile.

pub mod conformance;
pub mod postgres;
mod rows;
pub mod sqlite;

/// The store a hub runs on: PostgreSQL when a URL is given, else the SQLite file.
pub async fn open(
    database_url: Option<&str>,
    sqlite_path: &std::path::Path,
) -> Result<std::sync::Arc<dyn HubStore>, StoreError> {
    Ok(match database_url {
        Some(url) => std::sync::Arc::new(postgres::PgStore::connect(url).await?),
        None => std::sync::Arc::new(sqlite::SqliteStore::open(sqlite_path).await?),
    })
}

use async_trait::async_trait;
use futures::stream::BoxStream;
use kumppani_core::audit::OrganiserAction;
use kumppani_core::derive::seats::{Receipt, ReceiptKind};
use kumppani_core::ids::{DeviceId, DocId, EventId, MemberId, ProjectId};
use kumppani_core::store::StoredDoc;
use kumppani_core::wire::DocKind;

pub use kumppani_core::store::COMPACT_AFTER_CHUNKS;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A unique value (a code, a token hash) is already taken.
    #[error("{0} is already taken")]
    Conflict(&'static str),
    /// A stored value could not be read back (an id that is not hex, an unknown kind).
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
}

/// What a member is to their project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Resident,
    Organiser,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Resident => "resident",
            Role::Organiser => "organiser",
        }
    }

    /// The same role as the API speaks it.
    pub fn to_api(self) -> kumppani_core::api::Role {
        match self {
            Role::Resident => kumppani_core::api::Role::Resident,
            Role::Organiser => kumppani_core::api::Role::Organiser,
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "resident" => Some(Role::Resident),
            "organiser" => Some(Role::Organiser),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// Reusable; joining with it makes a resident.
    Join,
    /// Reusable; joining with it makes an organiser.
    Organiser,
    /// Single use, short-lived; links one more device to an existing member.
    Link,
}

impl CodeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CodeKind::Join => "join",
            CodeKind::Organiser => "organiser",
            CodeKind::Link => "link",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "join" => Some(CodeKind::Join),
            "organiser" => Some(CodeKind::Organiser),
            "link" => Some(CodeKind::Link),
            _ => None,
        }
    }
}

/// A code as stored (always in its normalised form, see [`crate::tokens::normalize_code`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeRecord {
    pub code: String,
    pub project: ProjectId,
    pub kind: CodeKind,
    pub member: Option<MemberId>,
    pub expires_at: Option<i64>,
    pub used_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectRecord {
    pub id: ProjectId,
    pub name: String,
    pub join_code: Option<String>,
    pub organiser_code: Option<String>,
    /// The project document every member reads (`None` only before [`HubStore::attach_project_docs`]).
    pub project_doc: Option<DocId>,
    /// The staff document only organisers read.
    pub staff_doc: Option<DocId>,
}

/// A document that replaces another, history and all (see [`crate::erasure`]).
#[derive(Debug, Clone)]
pub struct Replacement {
    pub old: DocId,
    /// The last sequence number of `old` the rewrite read: if the store holds more (a
    /// change stored meanwhile), nothing is replaced and the answer is a conflict.
    pub old_seq: u64,
    pub new: DocId,
    pub snapshot: Vec<u8>,
}

/// A project's project and staff documents (their first snapshots) and its ticket seed.
#[derive(Clone)]
pub struct NewProjectDocs {
    pub project_doc: DocId,
    pub staff_doc: DocId,
    pub project_doc_snapshot: Vec<u8>,
    pub staff_doc_snapshot: Vec<u8>,
    /// Secret: the Ed25519 seed tickets are signed with. Never sent anywhere.
    pub ticket_seed: [u8; 32],
}

impl std::fmt::Debug for NewProjectDocs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewProjectDocs")
            .field("project_doc", &self.project_doc)
            .field("staff_doc", &self.staff_doc)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRecord {
    pub id: MemberId,
    pub project: ProjectId,
    pub display_name: String,
    pub role: Role,
    pub member_doc: DocId,
}

impl MemberRecord {
    /// A member who deleted their account but kept their ideas and comments without their
    /// name: no devices, no name (a name is never empty otherwise: joining refuses one).
    pub fn is_erased(&self) -> bool {
        self.display_name.is_empty()
    }
}

/// Who a (non-revoked) device is: everything the hub decides access from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceIdentity {
    pub device: DeviceId,
    pub member: MemberRecord,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceRecord {
    pub id: DeviceId,
    pub member: MemberId,
    pub name: String,
    /// When the device joined or was linked (ms).
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

/// A new device: its id, the SHA-256 of its token, and a name its person recognises.
#[derive(Debug, Clone)]
pub struct NewDevice {
    pub id: DeviceId,
    pub token_hash: [u8; 32],
    pub name: String,
}

/// A new member with their member document (its first snapshot) and first device.
#[derive(Debug, Clone)]
pub struct NewMember {
    pub member: MemberRecord,
    pub member_doc_snapshot: Vec<u8>,
    /// None for a member made by the hub itself (the demo resident).
    pub device: Option<NewDevice>,
}

/// Who may sync a document: its kind, project and (for member documents) member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocMeta {
    pub kind: DocKind,
    pub project: ProjectId,
    pub member: Option<MemberId>,
}

/// How long the token a device rotated away from works on: other tabs of the same browser
/// read the token when they opened and take the new one when they next open.
pub const OLD_TOKEN_GRACE_MS: i64 = 24 * 60 * 60 * 1000;

/// How long a next token is kept before a new request may replace it: two tabs of one
/// browser asking at once must not each store a token when only one works.
pub const NEXT_TOKEN_PENDING_MS: i64 = 10 * 60 * 1000;

/// What asking for a next token did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenRotation {
    Rotated,
    /// A next token was given moments ago; nothing changed.
    Pending,
    /// `presented` is not the current token of a device that is not revoked.
    NotCurrent,
}

/// One line of a project's audit log: who did what, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditLine {
    pub seq: u64,
    pub at: i64,
    pub member: MemberId,
    pub device: DeviceId,
    pub action: OrganiserAction,
}

/// What redeeming a link code did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redeemed {
    /// The device now belongs to this member.
    Linked(MemberRecord),
    Unknown,
    AlreadyUsed,
    Expired,
}

/// A chunk appended: its sequence number and how many chunks now wait for compaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appended {
    pub seq: u64,
    pub chunks_since_snapshot: usize,
}

/// A document's chunks after a given sequence number; the snapshot too when asked for
/// everything (`after = 0`: a first snapshot covers no chunk) or when a compaction folded
/// some of the asked-for chunks into it since.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocSince {
    pub snapshot: Option<Vec<u8>>,
    /// `(seq, bytes)` with `seq` greater than asked, in order.
    pub chunks: Vec<(u64, Vec<u8>)>,
    /// The highest sequence number stored for the document (the snapshot's or a chunk's),
    /// or the one asked for when nothing is newer.
    pub last_seq: u64,
}

/// What another hub node on the same database did, for this node to act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClusterEvent {
    /// A chunk was committed to a document.
    DocAppended { doc: DocId, seq: u64 },
    /// A device was revoked: its connections on every node close.
    DeviceRevoked(DeviceId),
    /// A project's documents were replaced ([`crate::erasure`]): the old ones leave every
    /// node's memory and the project's connections close.
    DocsReplaced { project: ProjectId, old: Vec<DocId> },
}

/// Holds a project's derivation lock across hub nodes until dropped.
pub struct ProjectGuard(#[allow(dead_code)] Option<Box<dyn Send>>);

impl ProjectGuard {
    /// For a store only one node uses: the node's own locks suffice.
    pub fn local() -> Self {
        Self(None)
    }

    pub fn holding(inner: Box<dyn Send>) -> Self {
        Self(Some(inner))
    }
}

#[async_trait]
pub trait HubStore: Send + Sync + 'static {
    /// Creates a project with its reusable join and organiser codes.
    async fn create_project(
        &self,
        id: ProjectId,
        name: &str,
        join_code: &str,
        organiser_code: &str,
        now: i64,
    ) -> Result<(), StoreError>;

    /// Every project, oldest first, with its join and organiser codes.
    async fn projects(&self) -> Result<Vec<ProjectRecord>, StoreError>;

    async fn project(&self, id: ProjectId) -> Result<Option<ProjectRecord>, StoreError>;

    /// A code in normalised form, whatever its state (used, expired).
    async fn code(&self, code: &str) -> Result<Option<CodeRecord>, StoreError>;

    /// Stores a single-use link code for `member`.
    async fn create_link_code(
        &self,
        code: &str,
        member: &MemberRecord,
        expires_at: i64,
    ) -> Result<(), StoreError>;

    /// Marks a link code used and adds the device, in one transaction; at most one caller
    /// ever gets `Linked` for a code.
    async fn redeem_link_code(
        &self,
        code: &str,
        now: i64,
        device: &NewDevice,
    ) -> Result<Redeemed, StoreError>;

    /// Adds the member, their document's access metadata and snapshot, and their first
    /// device, in one transaction.
    async fn create_member(&self, new: &NewMember, now: i64) -> Result<(), StoreError>;

    async fn member(&self, id: MemberId) -> Result<Option<MemberRecord>, StoreError>;

    async fn members_of_project(&self, project: ProjectId)
        -> Result<Vec<MemberRecord>, StoreError>;

    /// The non-revoked device holding the token with this hash: its current token, its
    /// next one (which then becomes current, the one before working on until
    /// `now + OLD_TOKEN_GRACE_MS`), or the one before while that still works.
    async fn device_by_token_hash(
        &self,
        hash: &[u8; 32],
        now: i64,
    ) -> Result<Option<DeviceIdentity>, StoreError>;

    /// Keeps `next` (a hash) as the device's next token, replacing an earlier next one
    /// given at least [`NEXT_TOKEN_PENDING_MS`] before `now` (the device never got it).
    /// Only with its current token (`presented`): a token it has replaced cannot rotate.
    async fn rotate_token(
        &self,
        device: DeviceId,
        presented: &[u8; 32],
        next: &[u8; 32],
        now: i64,
    ) -> Result<TokenRotation, StoreError>;

    async fn device(&self, id: DeviceId) -> Result<Option<DeviceRecord>, StoreError>;

    /// The member's devices that are not revoked, oldest first.
    async fn devices_of_member(&self, member: MemberId) -> Result<Vec<DeviceRecord>, StoreError>;

    /// Revokes a device; its token stops working at once. Revoking twice keeps the first time.
    async fn revoke_device(&self, id: DeviceId, now: i64) -> Result<(), StoreError>;

    /// Erases a member in one transaction: their devices (tokens), codes, sign-up receipts
    /// and sync states go, and their member document with its snapshot and chunks; the
    /// erasure is listed as pending ([`Self::pending_erasures`]) until the rest is done. With a
    /// `remainder` (their ideas and comments kept without a name), the member stays as a
    /// nameless record whose document is the remainder; without one, the member goes too.
    /// Returns the devices that were not revoked, whose connections must close.
    async fn erase_member(
        &self,
        member: MemberId,
        remainder: Option<(DocId, &[u8])>,
    ) -> Result<Vec<DeviceId>, StoreError>;

    /// Account deletions whose first step ([`Self::erase_member`]) is done and the rest
    /// not yet: (project, member).
    async fn pending_erasures(&self) -> Result<Vec<(ProjectId, MemberId)>, StoreError>;

    /// The rest of the member's account deletion is done.
    async fn erasure_finished(&self, member: MemberId) -> Result<(), StoreError>;

    /// Swaps a project's project and staff documents for the replacements (the new ids in
    /// the project, the old documents deleted with their chunks and sync states), in one
    /// transaction; `Conflict` when either old document was appended to since it was read.
    async fn replace_project_docs(
        &self,
        project: ProjectId,
        project_doc: &Replacement,
        staff_doc: &Replacement,
    ) -> Result<(), StoreError>;

    async fn doc_meta(&self, doc: DocId) -> Result<Option<DocMeta>, StoreError>;

    /// The snapshot and every chunk after it, in append order. Unknown documents are empty.
    async fn load_doc(&self, doc: DocId) -> Result<StoredDoc, StoreError>;

    /// Appends a chunk durably.
    async fn append_chunk(&self, doc: DocId, chunk: &[u8]) -> Result<Appended, StoreError>;

    /// What was stored for the document after sequence number `after` (see [`DocSince`]);
    /// `after = 0` gives the whole document.
    async fn load_doc_since(&self, doc: DocId, after: u64) -> Result<DocSince, StoreError>;

    /// Replaces the snapshot and drops every chunk with `seq <= through`, in one
    /// transaction; does nothing when the stored snapshot already covers `through`.
    async fn compact(&self, doc: DocId, snapshot: &[u8], through: u64) -> Result<(), StoreError>;

    async fn sync_state(&self, doc: DocId, device: DeviceId)
        -> Result<Option<Vec<u8>>, StoreError>;

    async fn save_sync_state(
        &self,
        doc: DocId,
        device: DeviceId,
        state: &[u8],
    ) -> Result<(), StoreError>;

    /// Gives a project its project and staff documents and ticket seed, in one transaction,
    /// unless it has them already (then nothing changes and the answer is `false`).
    async fn attach_project_docs(
        &self,
        project: ProjectId,
        docs: &NewProjectDocs,
    ) -> Result<bool, StoreError>;

    /// The project's secret ticket seed, if it has one.
    async fn ticket_seed(&self, project: ProjectId) -> Result<Option<[u8; 32]>, StoreError>;

    /// The receipt log of one event, in the order the hub received the receipts.
    async fn receipts(
        &self,
        project: ProjectId,
        event: EventId,
    ) -> Result<Vec<Receipt>, StoreError>;

    /// Appends receipts (event, member, kind) in this order, in one transaction.
    async fn append_receipts(
        &self,
        project: ProjectId,
        receipts: &[(EventId, MemberId, ReceiptKind)],
        now: i64,
    ) -> Result<(), StoreError>;

    /// Appends what one organiser's device did, in this order, in one transaction.
    async fn append_audit(
        &self,
        project: ProjectId,
        by: &DeviceIdentity,
        actions: &[OrganiserAction],
        now: i64,
    ) -> Result<(), StoreError>;

    /// The project's audit log, oldest first, from sequence number `after` on, at most
    /// `limit` lines.
    async fn audit_log(
        &self,
        project: ProjectId,
        after: u64,
        limit: u32,
    ) -> Result<Vec<AuditLine>, StoreError>;

    /// Serialises derivations of `project` across every hub node on this store until the
    /// guard is dropped (the receipt log and the documents it writes are read and written
    /// under it, so two nodes never give one seat twice).
    async fn lock_project(&self, project: ProjectId) -> Result<ProjectGuard, StoreError>;

    /// Tells the other nodes that a device was revoked.
    async fn announce_revoked(&self, device: DeviceId) -> Result<(), StoreError>;

    /// What other nodes on this store do, as it happens; `None` for a store only one node
    /// can use.
    async fn cluster_events(&self) -> Result<Option<BoxStream<'static, ClusterEvent>>, StoreError>;

    /// Tells other nodes that the project's documents `old` were replaced (a no-op for a
    /// store only one node uses).
    async fn announce_replaced(
        &self,
        _project: ProjectId,
        _old: &[DocId],
    ) -> Result<(), StoreError> {
        Ok(())
    }

    /// Deletes what is stored for documents that are gone (chunks, snapshots, sync states
    /// and, on PostgreSQL, sequence heads) and sync states of devices that are gone: a
    /// write that raced an erasure (another node's connection) leaves such rows. Returns
    /// how many rows went. Every document the hub makes is listed in `docs`.
    async fn sweep_orphans(&self) -> Result<u64, StoreError>;

    /// After an erasure: gets deleted data out of files the store keeps beside the
    /// database (SQLite's write-ahead log). Best effort; failures are logged.
    async fn forget_freed(&self) {}

    /// Closes every connection before the process exits (SQLite checkpoints its WAL).
    async fn close(&self) {}
}
