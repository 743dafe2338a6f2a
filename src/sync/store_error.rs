//! The one error type of every device store, sorted by what the person should be told.

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The device (or the browser's quota for this site) has no room left.
    #[error("this device has no storage space left")]
    Full,
    /// Storage cannot be opened at all (private browsing, blocked by settings, broken disk).
    #[error("storage on this device cannot be used: {0}")]
    Unavailable(String),
    #[error("storage failed: {0}")]
    Other(String),
    /// Another process (a second window of the native app) has the store open.
    #[error("the store is open in another window of the app")]
    InUse,
    /// A profile's sealed data did not open: the wrong key, or damaged data.
    #[error("the profile's data could not be opened")]
    Sealed,
}

impl From<kumppani_core::vault::VaultError> for StoreError {
    fn from(_: kumppani_core::vault::VaultError) -> Self {
        StoreError::Sealed
    }
}

use crate::i18n::words;

impl StoreError {
    /// Words for the status line: what happened and what to do.
    pub fn advice(&self) -> String {
        match self {
            StoreError::Full => words("msg-storage-full", &[]),
            StoreError::Unavailable(_) => words("msg-storage-unavailable", &[]),
            StoreError::Other(e) => words("msg-storage-failed", &[("error", e.as_str().into())]),
            StoreError::Sealed => words("msg-storage-sealed", &[]),
            StoreError::InUse => words("msg-storage-in-use", &[]),
        }
    }
}
