//! [`HubStore`] on PostgreSQL: one database shared by any number of hub nodes, so a hub can
//! run behind a load balancer. The schema is embedded SQL, run at connect under an advisory
//! lock (two nodes starting at once do not race) and tracked in `schema_version`.
//!
//! A document's sequence numbers come from its `doc_heads` row: an append bumps it and holds
//! its row lock until commit, so chunks of one document commit in sequence order and a node
//! that has read up to `n` has seen every chunk up to `n`. Each append and revocation sends a
//! `NOTIFY` on the `kumppani` channel in the same transaction, so other nodes hear of it
//! exactly when it commits; each node ignores its own (tagged with a random node id).

use super::rows::*;
use super::{
    Appended, AuditLine, ClusterEvent, CodeKind, CodeRecord, DeviceIdentity, DeviceRecord, DocMeta,
    DocSince, HubStore, MemberRecord, NewDevice, NewMember, NewProjectDocs, ProjectGuard,
    ProjectRecord, Redeemed, Replacement, StoreError, TokenRotation, NEXT_TOKEN_PENDING_MS,
    OLD_TOKEN_GRACE_MS,
};
use async_trait::async_trait;
use futures::stream::BoxStream;
use kumppani_core::audit::OrganiserAction;
use kumppani_core::derive::seats::{Receipt, ReceiptKind};
use kumppani_core::ids::{DeviceId, DocId, EventId, MemberId, ProjectId};
use kumppani_core::store::StoredDoc;
use kumppani_core::wire::DocKind;
use sqlx::postgres::{PgListener, PgPoolOptions};
use sqlx::{PgPool, Postgres, Row};
use std::sync::Arc;
use std::time::Duration;

/// Each entry moves the schema from version `index` to `index + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/postgres/0001_init.sql"),
    include_str!("../../migrations/postgres/0002_audit.sql"),
    include_str!("../../migrations/postgres/0003_token_rotation.sql"),
    include_str!("../../migrations/postgres/0004_pending_erasures.sql"),
];

/// The notification channel every node listens on.
const CHANNEL: &str = "kumppani";

/// Advisory lock keys. The two-int4 forms live in a key space of their own, apart from the
/// single-bigint one the migration uses.
const MIGRATION_LOCK: i64 = 0x4B55_4D50_4D49_4752; // "KUMPMIGR"
const PROJECT_LOCK: i32 = 0x4B55_4D50; // "KUMP"
/// Not [`PROJECT_LOCK`]: receipts are appended while the same node may hold the project
/// lock on another connection, which would then wait on itself.
const RECEIPTS_LOCK: i32 = 0x4B55_5243; // "KURC"

/// A read transaction that sees one snapshot of the database across its statements.
const READ_SNAPSHOT: &str = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";

#[derive(Clone)]
pub struct PgStore {
    pool: PgPool,
    /// Tags this node's notifications, so it does not act on its own.
    node: Arc<str>,
}

impl PgStore {
    /// Connects to the database and brings its schema up to date.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await?;
        let store = Self {
            pool,
            node: hex::encode(crate::tokens::random_bytes::<16>()).into(),
        };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        // Taken before looking at the schema: a second node waits here, then finds it done.
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(MIGRATION_LOCK)
            .execute(&mut *tx)
            .await?;
        sqlx::raw_sql("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")
            .execute(&mut *tx)
            .await?;
        let version: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version")
                .fetch_one(&mut *tx)
                .await?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
            tracing::info!(to = i + 1, "migrating the hub database");
            sqlx::raw_sql(sql).execute(&mut *tx).await?;
            sqlx::query("DELETE FROM schema_version")
                .execute(&mut *tx)
                .await?;
            sqlx::query("INSERT INTO schema_version (version) VALUES ($1)")
                .bind(i as i64 + 1)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// The second key of a project's advisory locks. Two projects may share one; that only
/// makes them wait for each other now and then.
fn project_key(project: ProjectId) -> i32 {
    let b = project.as_bytes();
    i32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

/// Reads a notification payload: `a <node> <doc> <seq>` or `r <node> <device>`. `None` for
/// this node's own; `Err` for one that does not parse.
fn parse_event(payload: &str, own_node: &str) -> Result<Option<ClusterEvent>, ()> {
    let parts: Vec<&str> = payload.split(' ').collect();
    let event = match parts.as_slice() {
        ["a", node, doc, seq] => (
            *node,
            ClusterEvent::DocAppended {
                doc: doc.parse().map_err(drop)?,
                seq: seq.parse().map_err(drop)?,
            },
        ),
        ["r", node, device] => (
            *node,
            ClusterEvent::DeviceRevoked(device.parse().map_err(drop)?),
        ),
        ["x", node, project, old @ ..] => (
            *node,
            ClusterEvent::DocsReplaced {
                project: project.parse().map_err(drop)?,
                old: old
                    .iter()
                    .map(|d| d.parse().map_err(drop))
                    .collect::<Result<_, ()>>()?,
            },
        ),
        _ => return Err(()),
    };
    Ok((event.0 != own_node).then_some(event.1))
}

#[async_trait]
impl HubStore for PgStore {
    async fn create_project(
        &self,
        id: ProjectId,
        name: &str,
        join_code: &str,
        organiser_code: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("INSERT INTO projects (id, name, created_at) VALUES ($1, $2, $3)")
            .bind(id.to_string())
            .bind(name)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        for (code, kind) in [
            (join_code, CodeKind::Join),
            (organiser_code, CodeKind::Organiser),
        ] {
            sqlx::query("INSERT INTO codes (code, project_id, kind) VALUES ($1, $2, $3)")
                .bind(code)
                .bind(id.to_string())
                .bind(kind.as_str())
                .execute(&mut *tx)
                .await
                .map_err(conflict("code"))?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn projects(&self) -> Result<Vec<ProjectRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT p.id, p.name, p.project_doc, p.staff_doc,
                (SELECT code FROM codes WHERE project_id = p.id AND kind = 'join' LIMIT 1) AS join_code,
                (SELECT code FROM codes WHERE project_id = p.id AND kind = 'organiser' LIMIT 1) AS organiser_code
             FROM projects p ORDER BY p.created_at, p.id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ProjectRecord {
                    id: parse_id(row.try_get::<&str, _>("id")?)?,
                    name: row.try_get("name")?,
                    join_code: row.try_get("join_code")?,
                    organiser_code: row.try_get("organiser_code")?,
                    project_doc: opt_id(row.try_get("project_doc")?)?,
                    staff_doc: opt_id(row.try_get("staff_doc")?)?,
                })
            })
            .collect()
    }

    async fn project(&self, id: ProjectId) -> Result<Option<ProjectRecord>, StoreError> {
        Ok(self.projects().await?.into_iter().find(|p| p.id == id))
    }

    async fn code(&self, code: &str) -> Result<Option<CodeRecord>, StoreError> {
        let row = sqlx::query(
            "SELECT code, project_id, kind, member_id, expires_at, used_at FROM codes WHERE code = $1",
        )
        .bind(code)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(code_from_row).transpose()
    }

    async fn create_link_code(
        &self,
        code: &str,
        member: &MemberRecord,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO codes (code, project_id, kind, member_id, expires_at)
             VALUES ($1, $2, 'link', $3, $4)",
        )
        .bind(code)
        .bind(member.project.to_string())
        .bind(member.id.to_string())
        .bind(expires_at)
        .execute(&self.pool)
        .await
        .map_err(conflict("code"))?;
        Ok(())
    }

    async fn redeem_link_code(
        &self,
        code: &str,
        now: i64,
        device: &NewDevice,
    ) -> Result<Redeemed, StoreError> {
        let mut tx = self.pool.begin().await?;
        // The guarded UPDATE is what makes a code single-use: a racing redeem waits for this
        // row's lock, then re-checks `used_at IS NULL` against what committed and updates
        // nothing.
        let taken = sqlx::query(
            "UPDATE codes SET used_at = $1
             WHERE code = $2 AND kind = 'link' AND used_at IS NULL AND expires_at > $1",
        )
        .bind(now)
        .bind(code)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if taken != 1 {
            tx.rollback().await?;
            return Ok(match self.code(code).await? {
                Some(c) if c.kind == CodeKind::Link && c.used_at.is_some() => Redeemed::AlreadyUsed,
                Some(c) if c.kind == CodeKind::Link => Redeemed::Expired,
                _ => Redeemed::Unknown,
            });
        }
        let row = sqlx::query(&format!(
            "SELECT {MEMBER_COLUMNS} FROM members WHERE id = (SELECT member_id FROM codes WHERE code = $1)"
        ))
        .bind(code)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Ok(Redeemed::Unknown);
        };
        let member = member_from_row(&row)?;
        insert_device(&mut tx, member.id, device, now).await?;
        tx.commit().await?;
        Ok(Redeemed::Linked(member))
    }

    async fn create_member(&self, new: &NewMember, now: i64) -> Result<(), StoreError> {
        let m = &new.member;
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO members (id, project_id, display_name, role, member_doc, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(m.id.to_string())
        .bind(m.project.to_string())
        .bind(&m.display_name)
        .bind(m.role.as_str())
        .bind(m.member_doc.to_string())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        insert_doc(
            &mut tx,
            m.member_doc,
            DocKind::Member,
            &m.project.to_string(),
            Some(&m.id.to_string()),
            &new.member_doc_snapshot,
        )
        .await?;
        if let Some(device) = &new.device {
            insert_device(&mut tx, m.id, device, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn member(&self, id: MemberId) -> Result<Option<MemberRecord>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {MEMBER_COLUMNS} FROM members WHERE id = $1"
        ))
        .bind(id.to_string())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(member_from_row).transpose()
    }

    async fn members_of_project(
        &self,
        project: ProjectId,
    ) -> Result<Vec<MemberRecord>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {MEMBER_COLUMNS} FROM members WHERE project_id = $1 ORDER BY created_at, id"
        ))
        .bind(project.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(member_from_row).collect()
    }

    async fn device_by_token_hash(
        &self,
        hash: &[u8; 32],
        now: i64,
    ) -> Result<Option<DeviceIdentity>, StoreError> {
        let row = sqlx::query(
            "SELECT d.id AS device_id, d.next_token_hash IS NOT DISTINCT FROM $1 AS is_next,
                    m.id, m.project_id, m.display_name, m.role, m.member_doc
             FROM devices d JOIN members m ON m.id = d.member_id
             WHERE (d.token_hash = $1 OR d.next_token_hash = $1
                    OR (d.old_token_hash = $1 AND d.old_token_until > $2))
               AND d.revoked_at IS NULL",
        )
        .bind(&hash[..])
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let identity = DeviceIdentity {
            device: parse_id(row.try_get::<&str, _>("device_id")?)?,
            member: member_from_row(&row)?,
        };
        if row.try_get::<bool, _>("is_next")? {
            // The device's first sign-in with its new token: the new one becomes its token.
            sqlx::query(
                "UPDATE devices SET old_token_hash = token_hash, old_token_until = $1,
                     token_hash = next_token_hash, next_token_hash = NULL
                 WHERE id = $2 AND next_token_hash = $3",
            )
            .bind(now + OLD_TOKEN_GRACE_MS)
            .bind(identity.device.to_string())
            .bind(&hash[..])
            .execute(&self.pool)
            .await?;
            tracing::info!(device = %identity.device, "device signed in with its new token");
        }
        Ok(Some(identity))
    }

    async fn rotate_token(
        &self,
        device: DeviceId,
        presented: &[u8; 32],
        next: &[u8; 32],
        now: i64,
    ) -> Result<TokenRotation, StoreError> {
        let done = sqlx::query(
            "UPDATE devices SET next_token_hash = $1, next_token_at = $2
             WHERE id = $3 AND token_hash = $4 AND revoked_at IS NULL
               AND (next_token_hash IS NULL OR next_token_at <= $5)",
        )
        .bind(&next[..])
        .bind(now)
        .bind(device.to_string())
        .bind(&presented[..])
        .bind(now - NEXT_TOKEN_PENDING_MS)
        .execute(&self.pool)
        .await
        .map_err(conflict("token"))?;
        if done.rows_affected() == 1 {
            return Ok(TokenRotation::Rotated);
        }
        let current = sqlx::query(
            "SELECT 1 FROM devices WHERE id = $1 AND token_hash = $2 AND revoked_at IS NULL",
        )
        .bind(device.to_string())
        .bind(&presented[..])
        .fetch_optional(&self.pool)
        .await?;
        Ok(match current {
            Some(_) => TokenRotation::Pending,
            None => TokenRotation::NotCurrent,
        })
    }

    async fn device(&self, id: DeviceId) -> Result<Option<DeviceRecord>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {DEVICE_COLUMNS} FROM devices WHERE id = $1"
        ))
        .bind(id.to_string())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(device_from_row).transpose()
    }

    async fn devices_of_member(&self, member: MemberId) -> Result<Vec<DeviceRecord>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {DEVICE_COLUMNS} FROM devices
             WHERE member_id = $1 AND revoked_at IS NULL ORDER BY created_at, added"
        ))
        .bind(member.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(device_from_row).collect()
    }

    async fn erase_member(
        &self,
        member: MemberId,
        remainder: Option<(DocId, &[u8])>,
    ) -> Result<Vec<DeviceId>, StoreError> {
        let mut tx = self.pool.begin().await?;
        let id = member.to_string();
        let Some((project, old_doc)): Option<(String, String)> =
            sqlx::query_as("SELECT project_id, member_doc FROM members WHERE id = $1 FOR UPDATE")
                .bind(&id)
                .fetch_optional(&mut *tx)
                .await?
        else {
            return Ok(Vec::new());
        };
        let open: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM devices WHERE member_id = $1 AND revoked_at IS NULL",
        )
        .bind(&id)
        .fetch_all(&mut *tx)
        .await?;
        for sql in [
            "DELETE FROM sync_states WHERE device_id IN (SELECT id FROM devices WHERE member_id = $1)",
            "DELETE FROM devices WHERE member_id = $1",
            "DELETE FROM codes WHERE member_id = $1",
            "DELETE FROM signup_receipts WHERE member_id = $1",
        ] {
            sqlx::query(sql).bind(&id).execute(&mut *tx).await?;
        }
        delete_doc(&mut tx, &old_doc).await?;
        sqlx::query(
            "INSERT INTO pending_erasures (member_id, project_id) VALUES ($1, $2)
             ON CONFLICT (member_id) DO NOTHING",
        )
        .bind(&id)
        .bind(&project)
        .execute(&mut *tx)
        .await?;
        match remainder {
            Some((doc, snapshot)) => {
                insert_doc(&mut tx, doc, DocKind::Member, &project, Some(&id), snapshot).await?;
                sqlx::query("UPDATE members SET display_name = '', member_doc = $1 WHERE id = $2")
                    .bind(doc.to_string())
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
            }
            None => {
                sqlx::query("DELETE FROM members WHERE id = $1")
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        open.iter().map(|d| parse_id(d)).collect()
    }

    async fn sweep_orphans(&self) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let mut swept = 0;
        for sql in [
            "DELETE FROM doc_snapshots WHERE doc_id NOT IN (SELECT doc_id FROM docs)",
            "DELETE FROM doc_chunks WHERE doc_id NOT IN (SELECT doc_id FROM docs)",
            "DELETE FROM sync_states WHERE doc_id NOT IN (SELECT doc_id FROM docs)",
            "DELETE FROM doc_heads WHERE doc_id NOT IN (SELECT doc_id FROM docs)",
            "DELETE FROM sync_states WHERE device_id NOT IN (SELECT id FROM devices)",
        ] {
            swept += sqlx::query(sql).execute(&mut *tx).await?.rows_affected();
        }
        tx.commit().await?;
        Ok(swept)
    }

    async fn pending_erasures(&self) -> Result<Vec<(ProjectId, MemberId)>, StoreError> {
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT project_id, member_id FROM pending_erasures ORDER BY member_id")
                .fetch_all(&self.pool)
                .await?;
        rows.iter()
            .map(|(p, m)| Ok((parse_id(p)?, parse_id(m)?)))
            .collect()
    }

    async fn erasure_finished(&self, member: MemberId) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM pending_erasures WHERE member_id = $1")
            .bind(member.to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn replace_project_docs(
        &self,
        project: ProjectId,
        project_doc: &Replacement,
        staff_doc: &Replacement,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        for r in [project_doc, staff_doc] {
            // Appends take this row's lock: none lands between the check and the swap.
            sqlx::query("SELECT last_seq FROM doc_heads WHERE doc_id = $1 FOR UPDATE")
                .bind(r.old.to_string())
                .fetch_optional(&mut *tx)
                .await?;
            let seq: i64 = sqlx::query_scalar(
                "SELECT GREATEST(
                    COALESCE((SELECT MAX(seq) FROM doc_chunks WHERE doc_id = $1), 0),
                    COALESCE((SELECT through_seq FROM doc_snapshots WHERE doc_id = $1), 0))",
            )
            .bind(r.old.to_string())
            .fetch_one(&mut *tx)
            .await?;
            if seq as u64 != r.old_seq {
                return Err(StoreError::Conflict("a document being rewritten"));
            }
        }
        let swapped = sqlx::query(
            "UPDATE projects SET project_doc = $1, staff_doc = $2
             WHERE id = $3 AND project_doc = $4 AND staff_doc = $5",
        )
        .bind(project_doc.new.to_string())
        .bind(staff_doc.new.to_string())
        .bind(project.to_string())
        .bind(project_doc.old.to_string())
        .bind(staff_doc.old.to_string())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if swapped != 1 {
            return Err(StoreError::Conflict("a document being rewritten"));
        }
        for (r, kind) in [(project_doc, DocKind::Project), (staff_doc, DocKind::Staff)] {
            delete_doc(&mut tx, &r.old.to_string()).await?;
            insert_doc(
                &mut tx,
                r.new,
                kind,
                &project.to_string(),
                None,
                &r.snapshot,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn revoke_device(&self, id: DeviceId, now: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
            .bind(now)
            .bind(id.to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn doc_meta(&self, doc: DocId) -> Result<Option<DocMeta>, StoreError> {
        let row = sqlx::query("SELECT kind, project_id, member_id FROM docs WHERE doc_id = $1")
            .bind(doc.to_string())
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| {
            let member: Option<String> = row.try_get("member_id")?;
            Ok(DocMeta {
                kind: doc_kind(row.try_get("kind")?)?,
                project: parse_id(row.try_get::<&str, _>("project_id")?)?,
                member: member.as_deref().map(parse_id).transpose()?,
            })
        })
        .transpose()
    }

    async fn load_doc(&self, doc: DocId) -> Result<StoredDoc, StoreError> {
        // One snapshot of the database, so a compaction cannot land between the two reads.
        let mut tx = self.pool.begin_with(READ_SNAPSHOT).await?;
        let snapshot: Option<Vec<u8>> =
            sqlx::query_scalar("SELECT data FROM doc_snapshots WHERE doc_id = $1")
                .bind(doc.to_string())
                .fetch_optional(&mut *tx)
                .await?;
        let rows = sqlx::query("SELECT seq, data FROM doc_chunks WHERE doc_id = $1 ORDER BY seq")
            .bind(doc.to_string())
            .fetch_all(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(StoredDoc {
            snapshot,
            chunks: chunks_from_rows(&rows)?,
        })
    }

    async fn append_chunk(&self, doc: DocId, chunk: &[u8]) -> Result<Appended, StoreError> {
        let mut tx = self.pool.begin().await?;
        // The row lock this takes is held until commit: the next append to the document
        // waits here, so sequence numbers commit in order. A document's first head starts
        // above anything already stored (compaction keeps the head at or above its snapshot).
        let seq: i64 = sqlx::query_scalar(
            "INSERT INTO doc_heads (doc_id, last_seq)
             VALUES ($1, GREATEST(
                 COALESCE((SELECT MAX(seq) FROM doc_chunks WHERE doc_id = $1), 0),
                 COALESCE((SELECT through_seq FROM doc_snapshots WHERE doc_id = $1), 0)) + 1)
             ON CONFLICT (doc_id) DO UPDATE SET last_seq = doc_heads.last_seq + 1
             RETURNING last_seq",
        )
        .bind(doc.to_string())
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO doc_chunks (doc_id, seq, data) VALUES ($1, $2, $3)")
            .bind(doc.to_string())
            .bind(seq)
            .bind(chunk)
            .execute(&mut *tx)
            .await?;
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM doc_chunks WHERE doc_id = $1")
            .bind(doc.to_string())
            .fetch_one(&mut *tx)
            .await?;
        // Delivered when (and only if) the transaction commits.
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(format!("a {} {doc} {seq}", self.node))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Appended {
            seq: seq as u64,
            chunks_since_snapshot: count as usize,
        })
    }

    async fn load_doc_since(&self, doc: DocId, after: u64) -> Result<DocSince, StoreError> {
        let mut tx = self.pool.begin_with(READ_SNAPSHOT).await?;
        let snapshot: Option<(Vec<u8>, i64)> =
            sqlx::query_as("SELECT data, through_seq FROM doc_snapshots WHERE doc_id = $1")
                .bind(doc.to_string())
                .fetch_optional(&mut *tx)
                .await?;
        let rows = sqlx::query(
            "SELECT seq, data FROM doc_chunks WHERE doc_id = $1 AND seq > $2 ORDER BY seq",
        )
        .bind(doc.to_string())
        .bind(after as i64)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        let chunks = chunks_from_rows(&rows)?;
        let through = snapshot.as_ref().map_or(0, |(_, t)| *t as u64);
        let last_seq = chunks.last().map_or(0, |(s, _)| *s).max(through).max(after);
        Ok(DocSince {
            snapshot: snapshot
                .filter(|(_, t)| after == 0 || *t as u64 > after)
                .map(|(data, _)| data),
            chunks,
            last_seq,
        })
    }

    async fn compact(&self, doc: DocId, snapshot: &[u8], through: u64) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        // Locks the head row first (creating it if need be), so appends wait for the
        // compaction; the head never goes below the snapshot, so later chunks land above it.
        sqlx::query(
            "INSERT INTO doc_heads (doc_id, last_seq) VALUES ($1, $2)
             ON CONFLICT (doc_id) DO UPDATE
                 SET last_seq = GREATEST(doc_heads.last_seq, excluded.last_seq)",
        )
        .bind(doc.to_string())
        .bind(through as i64)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO doc_snapshots (doc_id, data, through_seq) VALUES ($1, $2, $3)
             ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data,
                 through_seq = excluded.through_seq
             WHERE excluded.through_seq > doc_snapshots.through_seq",
        )
        .bind(doc.to_string())
        .bind(snapshot)
        .bind(through as i64)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM doc_chunks WHERE doc_id = $1 AND seq <= $2")
            .bind(doc.to_string())
            .bind(through as i64)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn sync_state(
        &self,
        doc: DocId,
        device: DeviceId,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(
            sqlx::query_scalar(
                "SELECT state FROM sync_states WHERE doc_id = $1 AND device_id = $2",
            )
            .bind(doc.to_string())
            .bind(device.to_string())
            .fetch_optional(&self.pool)
            .await?,
        )
    }

    async fn save_sync_state(
        &self,
        doc: DocId,
        device: DeviceId,
        state: &[u8],
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sync_states (doc_id, device_id, state) VALUES ($1, $2, $3)
             ON CONFLICT (doc_id, device_id) DO UPDATE SET state = excluded.state",
        )
        .bind(doc.to_string())
        .bind(device.to_string())
        .bind(state)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn attach_project_docs(
        &self,
        project: ProjectId,
        docs: &NewProjectDocs,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        // A racing attach waits for the row lock, then sees `project_doc` set and skips.
        let set = sqlx::query(
            "UPDATE projects SET project_doc = $1, staff_doc = $2, ticket_seed = $3
             WHERE id = $4 AND project_doc IS NULL",
        )
        .bind(docs.project_doc.to_string())
        .bind(docs.staff_doc.to_string())
        .bind(&docs.ticket_seed[..])
        .bind(project.to_string())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if set != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        for (doc, kind, snapshot) in [
            (
                docs.project_doc,
                DocKind::Project,
                &docs.project_doc_snapshot,
            ),
            (docs.staff_doc, DocKind::Staff, &docs.staff_doc_snapshot),
        ] {
            insert_doc(&mut tx, doc, kind, &project.to_string(), None, snapshot).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    async fn ticket_seed(&self, project: ProjectId) -> Result<Option<[u8; 32]>, StoreError> {
        let seed: Option<Option<Vec<u8>>> =
            sqlx::query_scalar("SELECT ticket_seed FROM projects WHERE id = $1")
                .bind(project.to_string())
                .fetch_optional(&self.pool)
                .await?;
        seed.flatten()
            .map(|bytes| {
                <[u8; 32]>::try_from(bytes.as_slice())
                    .map_err(|_| StoreError::Corrupt("a ticket seed is not 32 bytes".into()))
            })
            .transpose()
    }

    async fn receipts(
        &self,
        project: ProjectId,
        event: EventId,
    ) -> Result<Vec<Receipt>, StoreError> {
        let rows = sqlx::query(
            "SELECT seq, member_id, kind FROM signup_receipts
             WHERE project_id = $1 AND event_id = $2 ORDER BY seq",
        )
        .bind(project.to_string())
        .bind(event.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let kind: String = row.try_get("kind")?;
                Ok(Receipt {
                    seq: row.try_get::<i64, _>("seq")? as u64,
                    member: parse_id(row.try_get::<&str, _>("member_id")?)?,
                    kind: receipt_kind(&kind)?,
                })
            })
            .collect()
    }

    async fn append_receipts(
        &self,
        project: ProjectId,
        receipts: &[(EventId, MemberId, ReceiptKind)],
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        // Sequence numbers are drawn at insert, not at commit: without this lock a reader
        // could see seq 7 before seq 6 of the same project commits.
        sqlx::query("SELECT pg_advisory_xact_lock($1, $2)")
            .bind(RECEIPTS_LOCK)
            .bind(project_key(project))
            .execute(&mut *tx)
            .await?;
        for (event, member, kind) in receipts {
            sqlx::query(
                "INSERT INTO signup_receipts (project_id, event_id, member_id, kind, received_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(project.to_string())
            .bind(event.to_string())
            .bind(member.to_string())
            .bind(match kind {
                ReceiptKind::Request => "request",
                ReceiptKind::Cancel => "cancel",
            })
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn append_audit(
        &self,
        project: ProjectId,
        by: &DeviceIdentity,
        actions: &[OrganiserAction],
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        for action in actions {
            sqlx::query(
                "INSERT INTO audit_log (project_id, at, member_id, device_id, action)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(project.to_string())
            .bind(now)
            .bind(by.member.id.to_string())
            .bind(by.device.to_string())
            .bind(audit_json(action)?)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn audit_log(
        &self,
        project: ProjectId,
        after: u64,
        limit: u32,
    ) -> Result<Vec<AuditLine>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {AUDIT_COLUMNS} FROM audit_log
             WHERE project_id = $1 AND seq > $2 ORDER BY seq LIMIT $3"
        ))
        .bind(project.to_string())
        .bind(after as i64)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(audit_from_row).collect()
    }

    async fn lock_project(&self, project: ProjectId) -> Result<ProjectGuard, StoreError> {
        // The lock lives as long as this transaction: dropping the guard rolls it back on
        // the connection's way back to the pool, which releases the lock.
        let mut tx = self.pool.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock($1, $2)")
            .bind(PROJECT_LOCK)
            .bind(project_key(project))
            .execute(&mut *tx)
            .await?;
        Ok(ProjectGuard::holding(Box::new(tx)))
    }

    async fn announce_revoked(&self, device: DeviceId) -> Result<(), StoreError> {
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(format!("r {} {device}", self.node))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn announce_replaced(&self, project: ProjectId, old: &[DocId]) -> Result<(), StoreError> {
        let old: Vec<String> = old.iter().map(DocId::to_string).collect();
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(format!("x {} {project} {}", self.node, old.join(" ")))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn cluster_events(&self) -> Result<Option<BoxStream<'static, ClusterEvent>>, StoreError> {
        let mut listener = PgListener::connect_with(&self.pool).await?;
        listener.listen(CHANNEL).await?;
        let node = self.node.clone();
        let stream = futures::stream::unfold((listener, node), |(mut listener, node)| async move {
            loop {
                match listener.recv().await {
                    Ok(n) => match parse_event(n.payload(), &node) {
                        Ok(Some(event)) => return Some((event, (listener, node))),
                        Ok(None) => {}
                        Err(()) => {
                            tracing::warn!(
                                payload = n.payload(),
                                "ignoring a malformed cluster event"
                            );
                        }
                    },
                    // The store was closed: nothing more will come.
                    Err(sqlx::Error::PoolClosed) => return None,
                    // The listener reconnects on the next call; wait a little so a database
                    // that is down does not make this spin.
                    Err(error) => {
                        tracing::warn!(%error, "listening for cluster events failed; retrying");
                        tokio::time::sleep(Duration::from_secs(1)).await;
                    }
                }
            }
        });
        Ok(Some(Box::pin(stream)))
    }

    async fn close(&self) {
        self.pool.close().await;
    }
}

async fn insert_device(
    tx: &mut sqlx::Transaction<'_, Postgres>,
    member: MemberId,
    device: &NewDevice,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO devices (id, member_id, token_hash, name, created_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(device.id.to_string())
    .bind(member.to_string())
    .bind(&device.token_hash[..])
    .bind(&device.name)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map_err(conflict("token"))?;
    Ok(())
}

/// Deletes a document and everything stored for it. The rows' old versions stay in the
/// table files until PostgreSQL vacuums and reuses the space (see docs/OPERATIONS.md).
async fn delete_doc(tx: &mut sqlx::Transaction<'_, Postgres>, doc: &str) -> Result<(), StoreError> {
    for sql in [
        "DELETE FROM sync_states WHERE doc_id = $1",
        "DELETE FROM doc_chunks WHERE doc_id = $1",
        "DELETE FROM doc_snapshots WHERE doc_id = $1",
        "DELETE FROM doc_heads WHERE doc_id = $1",
        "DELETE FROM docs WHERE doc_id = $1",
    ] {
        sqlx::query(sql).bind(doc).execute(&mut **tx).await?;
    }
    Ok(())
}

async fn insert_doc(
    tx: &mut sqlx::Transaction<'_, Postgres>,
    doc: DocId,
    kind: DocKind,
    project: &str,
    member: Option<&str>,
    snapshot: &[u8],
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO docs (doc_id, kind, project_id, member_id) VALUES ($1, $2, $3, $4)")
        .bind(doc.to_string())
        .bind(kind as i64)
        .bind(project)
        .bind(member)
        .execute(&mut **tx)
        .await?;
    sqlx::query("INSERT INTO doc_snapshots (doc_id, data, through_seq) VALUES ($1, $2, 0)")
        .bind(doc.to_string())
        .bind(snapshot)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_parse_and_own_ones_are_skipped() {
        let doc = DocId::from_bytes([1; 16]);
        let device = DeviceId::from_bytes([2; 16]);
        assert_eq!(
            parse_event(&format!("a other {doc} 7"), "me"),
            Ok(Some(ClusterEvent::DocAppended { doc, seq: 7 }))
        );
        assert_eq!(
            parse_event(&format!("r other {device}"), "me"),
            Ok(Some(ClusterEvent::DeviceRevoked(device)))
        );
        assert_eq!(parse_event(&format!("a me {doc} 7"), "me"), Ok(None));
        assert_eq!(parse_event("a other nothex 7", "me"), Err(()));
        assert_eq!(parse_event(&format!("a other {doc}"), "me"), Err(()));
        assert_eq!(parse_event("", "me"), Err(()));
    }
}
