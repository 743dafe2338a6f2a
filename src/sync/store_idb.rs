//! The web device store: IndexedDB through rexie.
//!
//! Object stores: `snapshots` (doc id -> `{through, data}`), `chunks`
//! (`"<doc id>/<seq, 20 digits>"` -> bytes, so one key range holds a document's chunks in
//! order) and `meta` (key -> bytes). An append reads the last sequence number and adds the
//! chunk in one read-write transaction, so two tabs cannot take the same number; a
//! compaction writes the snapshot and deletes the chunks it covers in one transaction.

use super::store_error::StoreError;
use js_sys::{Object, Reflect, Uint8Array};
use kumppani_core::ids::DocId;
use kumppani_core::store::{DocStore, StoredDoc};
use rexie::{Direction, KeyRange, ObjectStore, Rexie, TransactionMode, TransactionResult};
use wasm_bindgen::JsValue;

const SNAPSHOTS: &str = "snapshots";
const CHUNKS: &str = "chunks";
const META: &str = "meta";

pub struct IdbStore {
    db: Rexie,
}

impl IdbStore {
    /// Opens (creating on first use) the database `name`.
    pub async fn open(name: &str) -> Result<Self, StoreError> {
        let db = Rexie::builder(name)
            .version(1)
            .add_object_store(ObjectStore::new(SNAPSHOTS))
            .add_object_store(ObjectStore::new(CHUNKS))
            .add_object_store(ObjectStore::new(META))
            .build()
            .await
            .map_err(|e| StoreError::Unavailable(describe(&e)))?;
        Ok(Self { db })
    }

    fn transaction(
        &self,
        stores: &[&str],
        mode: TransactionMode,
    ) -> Result<rexie::Transaction, StoreError> {
        self.db.transaction(stores, mode).map_err(|e| classify(&e))
    }

    /// Closes the connection now rather than when the garbage collector gets to it: a
    /// database with an open connection cannot be deleted.
    pub fn close(self) {
        self.db.close();
    }

    /// Reads, changes and writes one metadata value in a single transaction, so two tabs
    /// changing it at once cannot lose each other's change. Answers the written value.
    pub async fn update_meta(
        &self,
        key: &str,
        change: impl FnOnce(Option<Vec<u8>>) -> Result<Vec<u8>, String>,
    ) -> Result<Vec<u8>, StoreError> {
        let tx = self.transaction(&[META], TransactionMode::ReadWrite)?;
        let meta = store(&tx, META)?;
        let old = meta
            .get(JsValue::from_str(key))
            .await
            .map_err(|e| classify(&e))?
            .filter(|v| !v.is_undefined())
            .map(|v| bytes(&v));
        let new = change(old).map_err(StoreError::Other)?;
        meta.put(
            &Uint8Array::from(&new[..]).into(),
            Some(&JsValue::from_str(key)),
        )
        .await
        .map_err(|e| classify(&e))?;
        finish(tx).await?;
        Ok(new)
    }

    /// Deletes the whole database (tests, and leaving a project).
    pub async fn delete(name: &str) -> Result<(), StoreError> {
        Rexie::delete(name).await.map_err(|e| classify(&e))
    }
}

fn describe(e: &rexie::Error) -> String {
    match e {
        rexie::Error::IdbError(inner) => format!("{inner:?}"),
        other => other.to_string(),
    }
}

fn classify(e: &rexie::Error) -> StoreError {
    let text = describe(e);
    if text.contains("Quota") || text.contains("quota") {
        StoreError::Full
    } else {
        StoreError::Other(text)
    }
}

fn chunk_key(doc: &DocId, seq: u64) -> JsValue {
    JsValue::from_str(&format!("{doc}/{seq:020}"))
}

fn chunk_range(doc: &DocId) -> Result<KeyRange, StoreError> {
    // '/' < '0'..'9' < ':' so this range holds exactly this document's chunk keys.
    KeyRange::bound(
        &JsValue::from_str(&format!("{doc}/")),
        &JsValue::from_str(&format!("{doc}:")),
        Some(false),
        Some(true),
    )
    .map_err(|e| StoreError::Other(format!("{e:?}")))
}

fn seq_of(key: &JsValue) -> Option<u64> {
    key.as_string()?.rsplit('/').next()?.parse().ok()
}

fn bytes(value: &JsValue) -> Vec<u8> {
    Uint8Array::new(value).to_vec()
}

fn snapshot_record(through: u64, data: &[u8]) -> Result<JsValue, StoreError> {
    let obj = Object::new();
    let set = |k: &str, v: &JsValue| {
        Reflect::set(&obj, &JsValue::from_str(k), v)
            .map_err(|e| StoreError::Other(format!("{e:?}")))
    };
    set("through", &JsValue::from_f64(through as f64))?;
    set("data", &Uint8Array::from(data).into())?;
    Ok(obj.into())
}

fn read_snapshot(value: &JsValue) -> Option<(u64, Vec<u8>)> {
    let through = Reflect::get(value, &JsValue::from_str("through"))
        .ok()?
        .as_f64()? as u64;
    let data = Reflect::get(value, &JsValue::from_str("data")).ok()?;
    Some((through, bytes(&data)))
}

fn store(tx: &rexie::Transaction, name: &str) -> Result<rexie::Store, StoreError> {
    tx.store(name).map_err(|e| classify(&e))
}

async fn finish(tx: rexie::Transaction) -> Result<(), StoreError> {
    match tx.done().await.map_err(|e| classify(&e))? {
        TransactionResult::Committed => Ok(()),
        TransactionResult::Aborted => Err(StoreError::Other("the write was aborted".into())),
    }
}

impl DocStore for IdbStore {
    type Error = StoreError;

    async fn load(&self, doc: &DocId) -> Result<StoredDoc, StoreError> {
        let tx = self.transaction(&[SNAPSHOTS, CHUNKS], TransactionMode::ReadOnly)?;
        let (snapshots, chunks) = (store(&tx, SNAPSHOTS)?, store(&tx, CHUNKS)?);
        let snapshot = snapshots
            .get(JsValue::from_str(&doc.to_string()))
            .await
            .map_err(|e| classify(&e))?
            .and_then(|v| read_snapshot(&v));
        let through = snapshot.as_ref().map(|(t, _)| *t);
        let rows = chunks
            .scan(Some(chunk_range(doc)?), None, None, None)
            .await
            .map_err(|e| classify(&e))?;
        let chunks = rows
            .into_iter()
            .filter_map(|(k, v)| Some((seq_of(&k)?, bytes(&v))))
            .filter(|(seq, _)| through.is_none_or(|t| *seq > t))
            .collect();
        Ok(StoredDoc {
            snapshot: snapshot.map(|(_, d)| d),
            chunks,
        })
    }

    async fn append_chunk(&self, doc: &DocId, chunk: &[u8]) -> Result<u64, StoreError> {
        let tx = self.transaction(&[SNAPSHOTS, CHUNKS], TransactionMode::ReadWrite)?;
        let (snapshots, chunks) = (store(&tx, SNAPSHOTS)?, store(&tx, CHUNKS)?);
        let last_chunk = chunks
            .scan(
                Some(chunk_range(doc)?),
                Some(1),
                None,
                Some(Direction::Prev),
            )
            .await
            .map_err(|e| classify(&e))?
            .first()
            .and_then(|(k, _)| seq_of(k))
            .unwrap_or(0);
        let through = snapshots
            .get(JsValue::from_str(&doc.to_string()))
            .await
            .map_err(|e| classify(&e))?
            .and_then(|v| read_snapshot(&v))
            .map(|(t, _)| t)
            .unwrap_or(0);
        let seq = last_chunk.max(through) + 1;
        chunks
            .add(&Uint8Array::from(chunk).into(), Some(&chunk_key(doc, seq)))
            .await
            .map_err(|e| classify(&e))?;
        finish(tx).await?;
        Ok(seq)
    }

    async fn compact(&self, doc: &DocId, snapshot: &[u8], through: u64) -> Result<(), StoreError> {
        let tx = self.transaction(&[SNAPSHOTS, CHUNKS], TransactionMode::ReadWrite)?;
        let (snapshots, chunks) = (store(&tx, SNAPSHOTS)?, store(&tx, CHUNKS)?);
        snapshots
            .put(
                &snapshot_record(through, snapshot)?,
                Some(&JsValue::from_str(&doc.to_string())),
            )
            .await
            .map_err(|e| classify(&e))?;
        let covered = KeyRange::bound(
            &JsValue::from_str(&format!("{doc}/")),
            &chunk_key(doc, through),
            Some(false),
            Some(false),
        )
        .map_err(|e| StoreError::Other(format!("{e:?}")))?;
        let keys = chunks
            .get_all_keys(Some(covered), None)
            .await
            .map_err(|e| classify(&e))?;
        for key in keys {
            chunks.delete(key).await.map_err(|e| classify(&e))?;
        }
        finish(tx).await
    }

    async fn delete_doc(&self, doc: &DocId) -> Result<(), StoreError> {
        let tx = self.transaction(&[SNAPSHOTS, CHUNKS], TransactionMode::ReadWrite)?;
        let (snapshots, chunks) = (store(&tx, SNAPSHOTS)?, store(&tx, CHUNKS)?);
        snapshots
            .delete(JsValue::from_str(&doc.to_string()))
            .await
            .map_err(|e| classify(&e))?;
        let keys = chunks
            .get_all_keys(Some(chunk_range(doc)?), None)
            .await
            .map_err(|e| classify(&e))?;
        for key in keys {
            chunks.delete(key).await.map_err(|e| classify(&e))?;
        }
        finish(tx).await
    }

    async fn get_meta(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let tx = self.transaction(&[META], TransactionMode::ReadOnly)?;
        let meta = store(&tx, META)?;
        let value = meta
            .get(JsValue::from_str(key))
            .await
            .map_err(|e| classify(&e))?;
        Ok(value.filter(|v| !v.is_undefined()).map(|v| bytes(&v)))
    }

    async fn put_meta(&self, key: &str, value: &[u8]) -> Result<(), StoreError> {
        let tx = self.transaction(&[META], TransactionMode::ReadWrite)?;
        let meta = store(&tx, META)?;
        meta.put(
            &Uint8Array::from(value).into(),
            Some(&JsValue::from_str(key)),
        )
        .await
        .map_err(|e| classify(&e))?;
        finish(tx).await
    }

    async fn delete_meta(&self, key: &str) -> Result<(), StoreError> {
        let tx = self.transaction(&[META], TransactionMode::ReadWrite)?;
        let meta = store(&tx, META)?;
        meta.delete(JsValue::from_str(key))
            .await
            .map_err(|e| classify(&e))?;
        finish(tx).await
    }
}
