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
    /// A profile's sealed data did not open: the wrong key, or damaged data.
    #[error("the profile's data could not be opened")]
    Sealed,
}

impl From<kumppani_core::vault::VaultError> for StoreError {
    fn from(_: kumppani_core::vault::VaultError) -> Self {
        StoreError::Sealed
    }
}

impl StoreError {
    /// Words for the status line: what happened and what to do.
    pub fn advice(&self) -> String {
        match self {
            StoreError::Full => "This device is out of storage space, so the last change was not saved. Free some space and try again; nothing saved before is lost.".into(),
            StoreError::Unavailable(_) => "This browser does not let Kumppani save data (private mode or blocked storage?). Open Kumppani in a normal window.".into(),
            StoreError::Other(e) => format!("Saving on this device failed ({e}). Try again; nothing saved before is lost."),
            StoreError::Sealed => "This profile's data could not be opened: it may be damaged. Lock the app and open the profile again with its PIN.".into(),
        }
    }
}
