//! Backing up a running hub's SQLite file and restoring a backup.
//!
//! A backup is `VACUUM INTO` a new file: SQLite writes it from one read transaction, so it is
//! one consistent moment of the database however many devices sync meanwhile, and the hub
//! need not stop. A restore needs the hub stopped (the data dir's lock tells): it checks the
//! backup, keeps the database it replaces beside it, and swaps the files so a crash at any
//! point leaves one whole database in place. PostgreSQL is backed up with its own tools
//! (`pg_dump`, see docs/OPERATIONS.md).

use crate::config::SQLITE_FILE;
use crate::data_lock::{DataDirLock, LockError};
use crate::store::sqlite::SCHEMA_VERSION;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("there is no hub database at {0}")]
    NoDatabase(PathBuf),
    #[error("{0} already exists; choose a new file for the backup")]
    TargetExists(PathBuf),
    #[error("{path} is not a Kumppani hub backup: {why}")]
    NotABackup { path: PathBuf, why: String },
    #[error(transparent)]
    Locked(#[from] LockError),
    #[error("{what} {path}: {source}")]
    Io {
        what: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the database failed while {what}: {source}")]
    Sql {
        what: &'static str,
        source: sqlx::Error,
    },
}

/// What a backup holds, for the operator to see it is the right one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupSummary {
    pub bytes: u64,
    pub projects: i64,
    pub members: i64,
    pub documents: i64,
}

fn sql(what: &'static str) -> impl FnOnce(sqlx::Error) -> BackupError {
    move |source| BackupError::Sql { what, source }
}

fn io(what: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> BackupError {
    let path = path.to_path_buf();
    move |source| BackupError::Io { what, path, source }
}

/// Writes a consistent copy of the database in `data_dir` to `to` (a new file) while the
/// hub may be running, and checks the copy.
pub async fn backup(data_dir: &Path, to: &Path) -> Result<BackupSummary, BackupError> {
    let db = data_dir.join(SQLITE_FILE);
    if !db.is_file() {
        return Err(BackupError::NoDatabase(db));
    }
    if to.exists() {
        return Err(BackupError::TargetExists(to.to_path_buf()));
    }
    let target = to
        .to_str()
        .ok_or_else(|| BackupError::TargetExists(to.to_path_buf()))?;
    let mut conn = SqliteConnectOptions::new()
        .filename(&db)
        .busy_timeout(std::time::Duration::from_secs(30))
        .connect()
        .await
        .map_err(sql("opening the hub database"))?;
    sqlx::query("VACUUM INTO ?")
        .bind(target)
        .execute(&mut conn)
        .await
        .map_err(sql("writing the backup"))?;
    conn.close()
        .await
        .map_err(sql("closing the hub database"))?;
    std::fs::File::open(to)
        .and_then(|f| f.sync_all())
        .map_err(io("could not flush", to))?;
    check(to).await
}

/// Replaces the database in `data_dir` (the hub stopped) with the backup at `from`. The
/// database it replaces, if any, is kept as `kumppani.sqlite3.before-restore-<time>`.
pub async fn restore(from: &Path, data_dir: &Path) -> Result<BackupSummary, BackupError> {
    let _lock = DataDirLock::acquire(data_dir)?;
    let summary = check(from).await?;
    let db = data_dir.join(SQLITE_FILE);
    let incoming = data_dir.join(format!("{SQLITE_FILE}.restoring"));
    std::fs::copy(from, &incoming).map_err(io("could not copy the backup to", &incoming))?;
    std::fs::File::open(&incoming)
        .and_then(|f| f.sync_all())
        .map_err(io("could not flush", &incoming))?;
    if db.exists() {
        // The write-ahead log belongs to the old file: left beside the new one, SQLite would
        // replay it into the restored database.
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
        for suffix in ["", "-wal", "-shm"] {
            let old = data_dir.join(format!("{SQLITE_FILE}{suffix}"));
            let kept = data_dir.join(format!("{SQLITE_FILE}.before-restore-{stamp}{suffix}"));
            if old.exists() {
                std::fs::rename(&old, &kept).map_err(io("could not set aside", &old))?;
            }
        }
    }
    std::fs::rename(&incoming, &db).map_err(io("could not put in place", &db))?;
    std::fs::File::open(data_dir)
        .and_then(|d| d.sync_all())
        .map_err(io("could not flush", data_dir))?;
    Ok(summary)
}

/// Opens `path` read-only and checks it is a whole Kumppani database this hub can run.
pub async fn check(path: &Path) -> Result<BackupSummary, BackupError> {
    let not = |why: String| BackupError::NotABackup {
        path: path.to_path_buf(),
        why,
    };
    if !path.is_file() {
        return Err(not("no such file".into()));
    }
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .connect()
        .await
        .map_err(|e| not(e.to_string()))?;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .map_err(|e| not(e.to_string()))?;
    if integrity != "ok" {
        return Err(not(format!("integrity check: {integrity}")));
    }
    let version: i64 = sqlx::query_scalar("PRAGMA user_version")
        .fetch_one(&mut conn)
        .await
        .map_err(|e| not(e.to_string()))?;
    if !(1..=SCHEMA_VERSION).contains(&version) {
        return Err(not(format!(
            "schema version {version}; this hub knows 1 to {SCHEMA_VERSION}"
        )));
    }
    let mut counts = [0i64; 3];
    for (i, table) in ["projects", "members", "docs"].iter().enumerate() {
        counts[i] = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&mut conn)
            .await
            .map_err(|e| not(e.to_string()))?;
    }
    conn.close().await.map_err(sql("closing the backup"))?;
    let bytes = std::fs::metadata(path)
        .map_err(io("could not read", path))?
        .len();
    Ok(BackupSummary {
        bytes,
        projects: counts[0],
        members: counts[1],
        documents: counts[2],
    })
}
