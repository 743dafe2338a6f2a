//! A store that seals everything it keeps: one profile's data at rest on a shared device.
//!
//! Wraps any [`DocStore`]; every snapshot, chunk and metadata value goes through
//! [`crate::vault::seal`] with the profile's key and a fresh nonce, and is opened on the way
//! back. Keys (document ids, metadata names) stay readable: they name, they do not tell.
//! Someone who reads the inner store, or another profile on the same device, sees sizes
//! and ciphertext only.

use super::{DocStore, StoredDoc};
use crate::ids::DocId;
use crate::vault::{open, seal, VaultError, VaultKey, NONCE_LEN};

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

    fn seal(&self, plaintext: &[u8]) -> Vec<u8> {
        seal(&self.key, (self.nonce)(), plaintext)
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
            Some(blob) => Some(open(&self.key, &blob)?),
            None => None,
        };
        let chunks = sealed
            .chunks
            .into_iter()
            .map(|(seq, blob)| Ok((seq, open(&self.key, &blob)?)))
            .collect::<Result<Vec<_>, VaultError>>()?;
        Ok(StoredDoc { snapshot, chunks })
    }

    async fn append_chunk(&self, doc: &DocId, chunk: &[u8]) -> Result<u64, Self::Error> {
        self.inner.append_chunk(doc, &self.seal(chunk)).await
    }

    async fn compact(&self, doc: &DocId, snapshot: &[u8], through: u64) -> Result<(), Self::Error> {
        self.inner.compact(doc, &self.seal(snapshot), through).await
    }

    async fn get_meta(&self, key: &str) -> Result<Option<Vec<u8>>, Self::Error> {
        match self.inner.get_meta(key).await? {
            Some(blob) => Ok(Some(open(&self.key, &blob)?)),
            None => Ok(None),
        }
    }

    async fn put_meta(&self, key: &str, value: &[u8]) -> Result<(), Self::Error> {
        self.inner.put_meta(key, &self.seal(value)).await
    }

    async fn delete_meta(&self, key: &str) -> Result<(), Self::Error> {
        self.inner.delete_meta(key).await
    }
}
