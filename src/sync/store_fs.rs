//! The native device store: files in the app's data directory.
//!
//! Layout: `<root>/docs/<doc id>/snapshot` (8-byte big-endian `through` + Automerge bytes),
//! `<root>/docs/<doc id>/<seq, 20 digits>.chunk`, and `<root>/meta/<hex of key>`.
//! Every file is written to a temporary name, fsynced, renamed into place and the folder
//! fsynced, so a crash leaves either the old file or the new one, never half of one.
//! One process at a time: an open store holds a lock on `<root>/lock`, so a second
//! window of the app cannot number chunks the same as the first.

use super::store_error::StoreError;
use kumppani_core::ids::DocId;
use kumppani_core::store::{DocStore, StoredDoc};
use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub struct FsStore {
    root: PathBuf,
    /// Serialises sequence numbering between appends from the same process.
    append_lock: Mutex<()>,
    /// Held while the store is open; other processes' opens fail with `InUse`.
    _process_lock: fs::File,
}

impl FsStore {
    pub fn open(root: impl Into<PathBuf>) -> Result<Self, StoreError> {
        let root = root.into();
        fs::create_dir_all(root.join("docs")).map_err(|e| classify(&e))?;
        fs::create_dir_all(root.join("meta")).map_err(|e| classify(&e))?;
        let lock = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(root.join("lock"))
            .map_err(|e| classify(&e))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => return Err(StoreError::InUse),
            Err(fs::TryLockError::Error(e)) => return Err(classify(&e)),
        }
        Ok(Self {
            root,
            append_lock: Mutex::new(()),
            _process_lock: lock,
        })
    }

    /// Nothing to close natively; here so the driver reads the same on every platform.
    pub fn close(self) {}

    /// Deletes the whole store at `root` (forgetting a profile); a missing one is no error.
    pub fn delete(root: impl AsRef<Path>) -> Result<(), StoreError> {
        match fs::remove_dir_all(root) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
            Err(e) => Err(classify(&e)),
        }
    }

    /// Reads, changes and writes one metadata value, as `IdbStore::update_meta` does in
    /// one transaction. No other process has the store open (see `_process_lock`), and
    /// nothing here waits between the read and the write. Answers the written value.
    pub async fn update_meta(
        &self,
        key: &str,
        change: impl FnOnce(Option<Vec<u8>>) -> Result<Vec<u8>, String>,
    ) -> Result<Vec<u8>, StoreError> {
        let old = self.get_meta(key).await?;
        let new = change(old).map_err(StoreError::Other)?;
        self.put_meta(key, &new).await?;
        Ok(new)
    }

    fn doc_dir(&self, doc: &DocId) -> PathBuf {
        self.root.join("docs").join(doc.to_string())
    }

    fn meta_path(&self, key: &str) -> PathBuf {
        self.root.join("meta").join(hex_key(key))
    }

    fn chunk_seqs(dir: &Path) -> Result<Vec<u64>, StoreError> {
        let mut seqs = Vec::new();
        let entries = match fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(seqs),
            Err(e) => return Err(classify(&e)),
        };
        for entry in entries {
            let name = entry.map_err(|e| classify(&e))?.file_name();
            if let Some(seq) = name
                .to_str()
                .and_then(|n| n.strip_suffix(".chunk"))
                .and_then(|n| n.parse().ok())
            {
                seqs.push(seq);
            }
        }
        seqs.sort_unstable();
        Ok(seqs)
    }

    fn read_snapshot(dir: &Path) -> Result<Option<(u64, Vec<u8>)>, StoreError> {
        match fs::read(dir.join("snapshot")) {
            Ok(bytes) if bytes.len() >= 8 => {
                let through = u64::from_be_bytes(bytes[..8].try_into().expect("8 bytes"));
                Ok(Some((through, bytes[8..].to_vec())))
            }
            Ok(_) => Err(StoreError::Other("a snapshot file is cut short".into())),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(classify(&e)),
        }
    }
}

fn hex_key(key: &str) -> String {
    key.bytes().map(|b| format!("{b:02x}")).collect()
}

fn classify(e: &std::io::Error) -> StoreError {
    // ENOSPC and EDQUOT: the disk or the user's quota is full. EFBIG: a file may not
    // grow (a FAT32 memory card's 4 GiB, a process limit); to the person, equally full.
    match e.raw_os_error() {
        Some(28) | Some(122) | Some(27) => StoreError::Full,
        _ if e.kind() == ErrorKind::PermissionDenied => StoreError::Unavailable(e.to_string()),
        _ => StoreError::Other(e.to_string()),
    }
}

/// Writes `bytes` to `path` so that a crash leaves the old file or the new one.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = path.parent().expect("store paths have a parent");
    fs::create_dir_all(dir).map_err(|e| classify(&e))?;
    let tmp = path.with_extension("tmp");
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        fs::File::open(dir)?.sync_all()
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(classify(&e));
    }
    Ok(())
}

impl DocStore for FsStore {
    type Error = StoreError;

    async fn load(&self, doc: &DocId) -> Result<StoredDoc, StoreError> {
        let dir = self.doc_dir(doc);
        let snapshot = Self::read_snapshot(&dir)?;
        let through = snapshot.as_ref().map(|(t, _)| *t);
        let mut chunks = Vec::new();
        for seq in Self::chunk_seqs(&dir)? {
            // Chunks a finished compaction covers may linger after a crash; skip them.
            if through.is_some_and(|t| seq <= t) {
                continue;
            }
            let bytes = fs::read(dir.join(format!("{seq:020}.chunk"))).map_err(|e| classify(&e))?;
            chunks.push((seq, bytes));
        }
        Ok(StoredDoc {
            snapshot: snapshot.map(|(_, s)| s),
            chunks,
        })
    }

    async fn append_chunk(&self, doc: &DocId, chunk: &[u8]) -> Result<u64, StoreError> {
        let _guard = self.append_lock.lock().unwrap_or_else(|p| p.into_inner());
        let dir = self.doc_dir(doc);
        let last_chunk = Self::chunk_seqs(&dir)?.last().copied().unwrap_or(0);
        let through = Self::read_snapshot(&dir)?.map(|(t, _)| t).unwrap_or(0);
        let seq = last_chunk.max(through) + 1;
        write_atomically(&dir.join(format!("{seq:020}.chunk")), chunk)?;
        Ok(seq)
    }

    async fn compact(&self, doc: &DocId, snapshot: &[u8], through: u64) -> Result<(), StoreError> {
        let dir = self.doc_dir(doc);
        let mut bytes = through.to_be_bytes().to_vec();
        bytes.extend_from_slice(snapshot);
        write_atomically(&dir.join("snapshot"), &bytes)?;
        for seq in Self::chunk_seqs(&dir)?
            .into_iter()
            .filter(|s| *s <= through)
        {
            match fs::remove_file(dir.join(format!("{seq:020}.chunk"))) {
                Ok(()) => {}
                Err(e) if e.kind() == ErrorKind::NotFound => {}
                Err(e) => return Err(classify(&e)),
            }
        }
        Ok(())
    }

    async fn delete_doc(&self, doc: &DocId) -> Result<(), StoreError> {
        let _guard = self.append_lock.lock().unwrap_or_else(|p| p.into_inner());
        match fs::remove_dir_all(self.doc_dir(doc)) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
            Err(e) => Err(classify(&e)),
        }
    }

    async fn get_meta(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        match fs::read(self.meta_path(key)) {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(classify(&e)),
        }
    }

    async fn put_meta(&self, key: &str, value: &[u8]) -> Result<(), StoreError> {
        write_atomically(&self.meta_path(key), value)
    }

    async fn delete_meta(&self, key: &str) -> Result<(), StoreError> {
        match fs::remove_file(self.meta_path(key)) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
            Err(e) => Err(classify(&e)),
        }
    }
}
