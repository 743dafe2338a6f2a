//! A store that seals everything it keeps: one profile's data at rest on a shared device.
//!
//! Wraps any [`DocStore`]; every snapshot, chunk and metadata value goes through
//! [`crate::vault::seal`] with the profile's key and a fresh nonce, and is opened on the way
//! back. Keys (document ids, metadata names) stay readable: they name, they do not tell.
//! Each value is bound to its place (snapshot or chunk of which document, which metadata
//! key), so someone who can write the storage cannot move one sealed value to another
//! place, say an old sync state over the identity, without it failing to open.
//! Someone who reads the inner store, or another profile on the same device, sees sizes
//! and ciphertext only.

use super::{DocStore, StoredDoc};
use crate::ids::DocId;
use crate::vault::{open_in, seal_in, VaultError, VaultKey, NONCE_LEN};

fn snapshot_place(doc: &DocId) -> Vec<u8> {
    format!("snapshot/{doc}").into_bytes()
}

fn chunk_place(doc: &DocId) -> Vec<u8> {
    format!("chunk/{doc}").into_bytes()
}

fn meta_place(key: &str) -> Vec<u8> {
    format!("meta/{key}").into_bytes()
}

/// The profile's store, open while the profile is unlocked.
pub struct SealedStore<S> {
    inner: S,
    key: VaultKey,
    /// Fresh random nonces; the platform's secure random source.
    nonce: Box<dyn Fn() -> [u8; NONCE_LEN]>,
}

impl<S> SealedStore<S> {
    pub fn new(inner: S, key: VaultKey, nonce: impl Fn() -> [u8; NONCE_LEN] + 'static) -> Self {
        Self {
            inner,
            key,
            nonce: Box::new(nonce),
        }
    }

    pub fn inner(&self) -> &S {
        &self.inner
    }

    /// The wrapped store; the key is dropped (and wiped).
    pub fn into_inner(self) -> S {
        self.inner
    }

    fn seal(&self, place: &[u8], plaintext: &[u8]) -> Vec<u8> {
        seal_in(&self.key, (self.nonce)(), place, plaintext)
    }
}

impl<S> DocStore for SealedStore<S>
where
    S: DocStore,
    S::Error: From<VaultError>,
{
    type Error = S::Error;

    async fn load(&self, doc: &DocId) -> Result<StoredDoc, Self::Error> {
        let sealed = self.inner.load(doc).await?;
        let snapshot = match sealed.snapshot {
            Some(blob) => Some(open_in(&self.key, &snapshot_place(doc), &blob)?),
            None => None,
        };
        let place = chunk_place(doc);
        let chunks = sealed
            .chunks
            .into_iter()
            .map(|(seq, blob)| Ok((seq, open_in(&self.key, &place, &blob)?)))
            .collect::<Result<Vec<_>, VaultError>>()?;
        Ok(StoredDoc { snapshot, chunks })
    }

    async fn append_chunk(&self, doc: &DocId, chunk: &[u8]) -> Result<u64, Self::Error> {
        self.inner
            .append_chunk(doc, &self.seal(&chunk_place(doc), chunk))
            .await
    }

    async fn compact(&self, doc: &DocId, snapshot: &[u8], through: u64) -> Result<(), Self::Error> {
        self.inner
            .compact(doc, &self.seal(&snapshot_place(doc), snapshot), through)
            .await
    }

    async fn delete_doc(&self, doc: &DocId) -> Result<(), Self::Error> {
        self.inner.delete_doc(doc).await
    }

    async fn get_meta(&self, key: &str) -> Result<Option<Vec<u8>>, Self::Error> {
        match self.inner.get_meta(key).await? {
            Some(blob) => Ok(Some(open_in(&self.key, &meta_place(key), &blob)?)),
            None => Ok(None),
        }
    }

    async fn put_meta(&self, key: &str, value: &[u8]) -> Result<(), Self::Error> {
        self.inner
            .put_meta(key, &self.seal(&meta_place(key), value))
            .await
    }

    async fn delete_meta(&self, key: &str) -> Result<(), Self::Error> {
        self.inner.delete_meta(key).await
    }
}
