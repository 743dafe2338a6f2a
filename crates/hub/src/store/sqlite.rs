//! [`HubStore`] on one SQLite file (WAL mode, full sync): nothing to install, one file to
//! back up. Migrations are embedded SQL, run at open, tracked by `PRAGMA user_version`.

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
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Row, SqlitePool};
use std::path::Path;
use std::time::Duration;

/// Each entry moves the schema from version `index` to `index + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/sqlite/0001_init.sql"),
    include_str!("../../migrations/sqlite/0002_events.sql"),
    include_str!("../../migrations/sqlite/0003_audit.sql"),
    include_str!("../../migrations/sqlite/0004_token_rotation.sql"),
    include_str!("../../migrations/sqlite/0005_pending_erasures.sql"),
];

/// The schema version a migrated database has: a backup from a newer hub is refused.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Write transactions take the write lock at their start, so the busy timeout applies: a
/// deferred one that read first fails at once (SQLITE_BUSY) when another wrote meanwhile.
const IMMEDIATE: &str = "BEGIN IMMEDIATE";

#[derive(Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating if missing) the database file and brings its schema up to date.
    /// Opens the file, creating it and its folder on first use, and migrates it.
    pub async fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(sqlx::Error::Io)?;
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            // Deleted rows are zeroed in the file: erasure means gone, not just unlinked.
            .pragma("secure_delete", "on")
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        let store = Self { pool };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        let mut tx = self.pool.begin_with(IMMEDIATE).await?;
        let version: i64 = sqlx::query_scalar("PRAGMA user_version")
            .fetch_one(&mut *tx)
            .await?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
            tracing::info!(to = i + 1, "migrating the hub database");
            sqlx::raw_sql(sql).execute(&mut *tx).await?;
            sqlx::raw_sql(&format!("PRAGMA user_version = {}", i + 1))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

#[async_trait]
impl HubStore for SqliteStore {
    async fn create_project(
        &self,
        id: ProjectId,
        name: &str,
        join_code: &str,
        organiser_code: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin_with(IMMEDIATE).await?;
        sqlx::query("INSERT INTO projects (id, name, created_at) VALUES (?, ?, ?)")
            .bind(id.to_string())
            .bind(name)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        for (code, kind) in [
            (join_code, CodeKind::Join),
            (organiser_code, CodeKind::Organiser),
        ] {
            sqlx::query("INSERT INTO codes (code, project_id, kind) VALUES (?, ?, ?)")
                .bind(code)
                .bind(id.to_string())
                .bind(kind.as_str())
                .execute(&mut *tx)
                .await
                .map_err(|e| {
                    if is_unique_violation(&e) {
                        StoreError::Conflict("code")
                    } else {
                        e.into()
                    }
                })?;
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
        let row = sqlx::query("SELECT code, project_id, kind, member_id, expires_at, used_at FROM codes WHERE code = ?")
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
        sqlx::query("INSERT INTO codes (code, project_id, kind, member_id, expires_at) VALUES (?, ?, 'link', ?, ?)")
            .bind(code)
            .bind(member.project.to_string())
            .bind(member.id.to_string())
            .bind(expires_at)
            .execute(&self.pool)
            .await
            .map_err(|e| {
                if is_unique_violation(&e) {
                    StoreError::Conflict("code")
                } else {
                    e.into()
                }
            })?;
        Ok(())
    }

    async fn redeem_link_code(
        &self,
        code: &str,
        now: i64,
        device: &NewDevice,
    ) -> Result<Redeemed, StoreError> {
        let mut tx = self.pool.begin_with(IMMEDIATE).await?;
        // The guarded UPDATE is what makes a code single-use: SQLite runs one writer at a
        // time, and only the first sees `used_at IS NULL`.
        let taken = sqlx::query(
            "UPDATE codes SET used_at = ?
             WHERE code = ? AND kind = 'link' AND used_at IS NULL AND expires_at > ?",
        )
        .bind(now)
        .bind(code)
        .bind(now)
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
            "SELECT {MEMBER_COLUMNS} FROM members WHERE id = (SELECT member_id FROM codes WHERE code = ?)"
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
        let mut tx = self.pool.begin_with(IMMEDIATE).await?;
        sqlx::query(
            "INSERT INTO members (id, project_id, display_name, role, member_doc, created_at)
             VALUES (?, ?, ?, ?, ?, ?)",
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
            "SELECT {MEMBER_COLUMNS} FROM members WHERE id = ?"
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
            "SELECT {MEMBER_COLUMNS} FROM members WHERE project_id = ? ORDER BY created_at, id"
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
            "SELECT d.id AS device_id, (d.next_token_hash IS ?) AS is_next,
                    m.id, m.project_id, m.display_name, m.role, m.member_doc
             FROM devices d JOIN members m ON m.id = d.member_id
             WHERE (d.token_hash = ? OR d.next_token_hash = ?
                    OR (d.old_token_hash = ? AND d.old_token_until > ?))
               AND d.revoked_at IS NULL",
        )
        .bind(&hash[..])
        .bind(&hash[..])
        .bind(&hash[..])
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
                "UPDATE devices SET old_token_hash = token_hash, old_token_until = ?,
                     token_hash = next_token_hash, next_token_hash = NULL
                 WHERE id = ? AND next_token_hash = ?",
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
            "UPDATE devices SET next_token_hash = ?, next_token_at = ?
             WHERE id = ? AND token_hash = ? AND revoked_at IS NULL
               AND (next_token_hash IS NULL OR next_token_at <= ?)",
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
            "SELECT 1 FROM devices WHERE id = ? AND token_hash = ? AND revoked_at IS NULL",
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
            "SELECT {DEVICE_COLUMNS} FROM devices WHERE id = ?"
        ))
        .bind(id.to_string())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(device_from_row).transpose()
    }

    async fn devices_of_member(&self, member: MemberId) -> Result<Vec<DeviceRecord>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {DEVICE_COLUMNS} FROM devices
             WHERE member_id = ? AND revoked_at IS NULL ORDER BY created_at, rowid"
        ))
        .bind(member.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(device_from_row).collect()
    }

    async fn revoke_device(&self, id: DeviceId, now: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
            .bind(now)
            .bind(id.to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn erase_member(
        &self,
        member: MemberId,
        remainder: Option<(DocId, &[u8])>,
    ) -> Result<Vec<DeviceId>, StoreError> {
        let mut tx = self.pool.begin_with(IMMEDIATE).await?;
        let id = member.to_string();
        let Some((project, old_doc)): Option<(String, String)> =
            sqlx::query_as("SELECT project_id, member_doc FROM members WHERE id = ?")
                .bind(&id)
                .fetch_optional(&mut *tx)
                .await?
        else {
            return Ok(Vec::new());
        };
        let open: Vec<String> =
            sqlx::query_scalar("SELECT id FROM devices WHERE member_id = ? AND revoked_at IS NULL")
                .bind(&id)
                .fetch_all(&mut *tx)
                .await?;
        for sql in [
            "DELETE FROM sync_states WHERE device_id IN (SELECT id FROM devices WHERE member_id = ?)",
            "DELETE FROM devices WHERE member_id = ?",
            "DELETE FROM codes WHERE member_id = ?",
            "DELETE FROM signup_receipts WHERE member_id = ?",
        ] {
            sqlx::query(sql).bind(&id).execute(&mut *tx).await?;
        }
        delete_doc(&mut tx, &old_doc).await?;
        sqlx::query(
            "INSERT INTO pending_erasures (member_id, project_id) VALUES (?, ?)
             ON CONFLICT (member_id) DO NOTHING",
        )
        .bind(&id)
        .bind(&project)
        .execute(&mut *tx)
        .await?;
        match remainder {
            Some((doc, snapshot)) => {
                insert_doc(&mut tx, doc, DocKind::Member, &project, Some(&id), snapshot).await?;
                sqlx::query("UPDATE members SET display_name = '', member_doc = ? WHERE id = ?")
                    .bind(doc.to_string())
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
            }
            None => {
                sqlx::query("DELETE FROM members WHERE id = ?")
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        open.iter().map(|d| parse_id(d)).collect()
    }

    async fn sweep_orphans(&self) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin_with(IMMEDIATE).await?;
        let mut swept = 0;
        for sql in [
            "DELETE FROM doc_snapshots WHERE doc_id NOT IN (SELECT doc_id FROM docs)",
            "DELETE FROM doc_chunks WHERE doc_id NOT IN (SELECT doc_id FROM docs)",
            "DELETE FROM sync_states WHERE doc_id NOT IN (SELECT doc_id FROM docs)",
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
        sqlx::query("DELETE FROM pending_erasures WHERE member_id = ?")
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
        let mut tx = self.pool.begin_with(IMMEDIATE).await?;
        for r in [project_doc, staff_doc] {
            let seq: i64 = sqlx::query_scalar(
                "SELECT MAX(
                    COALESCE((SELECT MAX(seq) FROM doc_chunks WHERE doc_id = ?1), 0),
                    COALESCE((SELECT through_seq FROM doc_snapshots WHERE doc_id = ?1), 0))",
            )
            .bind(r.old.to_string())
            .fetch_one(&mut *tx)
            .await?;
            if seq as u64 != r.old_seq {
                return Err(StoreError::Conflict("a document being rewritten"));
            }
        }
        let swapped = sqlx::query(
            "UPDATE projects SET project_doc = ?, staff_doc = ?
             WHERE id = ? AND project_doc = ? AND staff_doc = ?",
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

    async fn doc_meta(&self, doc: DocId) -> Result<Option<DocMeta>, StoreError> {
        let row = sqlx::query("SELECT kind, project_id, member_id FROM docs WHERE doc_id = ?")
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
        // One read transaction, so a compaction cannot land between the two reads.
        let mut tx = self.pool.begin().await?;
        let snapshot: Option<Vec<u8>> =
            sqlx::query_scalar("SELECT data FROM doc_snapshots WHERE doc_id = ?")
                .bind(doc.to_string())
                .fetch_optional(&mut *tx)
                .await?;
        let rows = sqlx::query("SELECT seq, data FROM doc_chunks WHERE doc_id = ? ORDER BY seq")
            .bind(doc.to_string())
            .fetch_all(&mut *tx)
            .await?;
        tx.commit().await?;
        let chunks = rows
            .iter()
            .map(|row| Ok((row.try_get::<i64, _>("seq")? as u64, row.try_get("data")?)))
            .collect::<Result<_, sqlx::Error>>()?;
        Ok(StoredDoc { snapshot, chunks })
    }

    async fn append_chunk(&self, doc: DocId, chunk: &[u8]) -> Result<Appended, StoreError> {
        let mut tx = self.pool.begin_with(IMMEDIATE).await?;
        let seq: i64 = sqlx::query_scalar(
            "SELECT MAX(
                COALESCE((SELECT MAX(seq) FROM doc_chunks WHERE doc_id = ?1), 0),
                COALESCE((SELECT through_seq FROM doc_snapshots WHERE doc_id = ?1), 0)) + 1",
        )
        .bind(doc.to_string())
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO doc_chunks (doc_id, seq, data) VALUES (?, ?, ?)")
            .bind(doc.to_string())
            .bind(seq)
            .bind(chunk)
            .execute(&mut *tx)
            .await?;
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM doc_chunks WHERE doc_id = ?")
            .bind(doc.to_string())
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Appended {
            seq: seq as u64,
            chunks_since_snapshot: count as usize,
        })
    }

    async fn load_doc_since(&self, doc: DocId, after: u64) -> Result<DocSince, StoreError> {
        let mut tx = self.pool.begin().await?;
        let snapshot: Option<(Vec<u8>, i64)> =
            sqlx::query_as("SELECT data, through_seq FROM doc_snapshots WHERE doc_id = ?")
                .bind(doc.to_string())
                .fetch_optional(&mut *tx)
                .await?;
        let rows = sqlx::query(
            "SELECT seq, data FROM doc_chunks WHERE doc_id = ? AND seq > ? ORDER BY seq",
        )
        .bind(doc.to_string())
        .bind(after as i64)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        let chunks: Vec<(u64, Vec<u8>)> = rows
            .iter()
            .map(|row| Ok((row.try_get::<i64, _>("seq")? as u64, row.try_get("data")?)))
            .collect::<Result<_, sqlx::Error>>()?;
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
        let mut tx = self.pool.begin_with(IMMEDIATE).await?;
        sqlx::query(
            "INSERT INTO doc_snapshots (doc_id, data, through_seq) VALUES (?, ?, ?)
             ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data,
                 through_seq = excluded.through_seq
             WHERE excluded.through_seq > doc_snapshots.through_seq",
        )
        .bind(doc.to_string())
        .bind(snapshot)
        .bind(through as i64)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM doc_chunks WHERE doc_id = ? AND seq <= ?")
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
            sqlx::query_scalar("SELECT state FROM sync_states WHERE doc_id = ? AND device_id = ?")
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
            "INSERT INTO sync_states (doc_id, device_id, state) VALUES (?, ?, ?)
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
        let mut tx = self.pool.begin_with(IMMEDIATE).await?;
        let set = sqlx::query(
            "UPDATE projects SET project_doc = ?, staff_doc = ?, ticket_seed = ?
             WHERE id = ? AND project_doc IS NULL",
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
            sqlx::query_scalar("SELECT ticket_seed FROM projects WHERE id = ?")
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
             WHERE project_id = ? AND event_id = ? ORDER BY seq",
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
        let mut tx = self.pool.begin_with(IMMEDIATE).await?;
        for (event, member, kind) in receipts {
            sqlx::query(
                "INSERT INTO signup_receipts (project_id, event_id, member_id, kind, received_at)
                 VALUES (?, ?, ?, ?, ?)",
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
        let mut tx = self.pool.begin_with(IMMEDIATE).await?;
        for action in actions {
            sqlx::query(
                "INSERT INTO audit_log (project_id, at, member_id, device_id, action)
                 VALUES (?, ?, ?, ?, ?)",
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
             WHERE project_id = ? AND seq > ? ORDER BY seq LIMIT ?"
        ))
        .bind(project.to_string())
        .bind(after as i64)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(audit_from_row).collect()
    }

    async fn lock_project(&self, _project: ProjectId) -> Result<ProjectGuard, StoreError> {
        Ok(ProjectGuard::local())
    }

    async fn announce_revoked(&self, _device: DeviceId) -> Result<(), StoreError> {
        Ok(())
    }

    async fn cluster_events(&self) -> Result<Option<BoxStream<'static, ClusterEvent>>, StoreError> {
        // One file, one node: there is nobody else to hear from.
        Ok(None)
    }

    async fn forget_freed(&self) {
        // The log holds the pages as they were before the deletes until a checkpoint
        // copies them back and empties it. A reader in the middle makes the checkpoint
        // report itself busy (not an error): try a few times, then leave it to the next.
        for _ in 0..10 {
            match sqlx::query_as::<_, (i64, i64, i64)>("PRAGMA wal_checkpoint(TRUNCATE)")
                .fetch_one(&self.pool)
                .await
            {
                Ok((0, _, _)) => return,
                Ok(_) => tokio::time::sleep(Duration::from_millis(100)).await,
                Err(e) => {
                    tracing::warn!(error = %e, "could not checkpoint the write-ahead log after an erasure");
                    return;
                }
            }
        }
        tracing::warn!(
            "the write-ahead log stayed busy after an erasure; the next checkpoint empties it"
        );
    }

    async fn close(&self) {
        self.pool.close().await;
    }
}

async fn insert_device(
    tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    member: MemberId,
    device: &NewDevice,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO devices (id, member_id, token_hash, name, created_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(device.id.to_string())
    .bind(member.to_string())
    .bind(&device.token_hash[..])
    .bind(&device.name)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            StoreError::Conflict("token")
        } else {
            e.into()
        }
    })?;
    Ok(())
}

/// Deletes a document and everything stored for it. With `secure_delete` on, SQLite zeroes
/// the freed bytes, so an erased member's words do not linger in free pages of the file.
async fn delete_doc(
    tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    doc: &str,
) -> Result<(), StoreError> {
    for sql in [
        "DELETE FROM sync_states WHERE doc_id = ?",
        "DELETE FROM doc_chunks WHERE doc_id = ?",
        "DELETE FROM doc_snapshots WHERE doc_id = ?",
        "DELETE FROM docs WHERE doc_id = ?",
    ] {
        sqlx::query(sql).bind(doc).execute(&mut **tx).await?;
    }
    Ok(())
}

async fn insert_doc(
    tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    doc: DocId,
    kind: DocKind,
    project: &str,
    member: Option<&str>,
    snapshot: &[u8],
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO docs (doc_id, kind, project_id, member_id) VALUES (?, ?, ?, ?)")
        .bind(doc.to_string())
        .bind(kind as i64)
        .bind(project)
        .bind(member)
        .execute(&mut **tx)
        .await?;
    sqlx::query("INSERT INTO doc_snapshots (doc_id, data, through_seq) VALUES (?, ?, 0)")
        .bind(doc.to_string())
        .bind(snapshot)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
