//! What the status line tells a person about where their data is.
//!
//! A pure function of the connection, what is pending and when the last sync finished, so
//! the rule is tested here and every platform shows the same thing.

use crate::time::Timestamp;

/// The connection as the sync driver sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Connection {
    /// Not signed in to any hub yet: data only on this device.
    NoHub,
    /// The platform says there is no network.
    Offline,
    /// Dialling or authenticating.
    Connecting,
    /// Authenticated; syncing or idle.
    Connected,
    /// The last attempt failed; the driver will retry unless the failure is permanent.
    Failed { reason: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncStatus {
    /// Everything is saved here; nothing waits for the hub (or there is no hub yet).
    SavedOnDevice,
    /// Changes wait for a connection that is being made.
    Waiting {
        pending: usize,
    },
    Syncing {
        pending: usize,
    },
    SyncedAt(Timestamp),
    Offline {
        pending: usize,
    },
    CannotReach {
        reason: String,
        pending: usize,
    },
}

pub fn status(
    connection: &Connection,
    pending: usize,
    last_synced: Option<Timestamp>,
) -> SyncStatus {
    match connection {
        Connection::NoHub => SyncStatus::SavedOnDevice,
        Connection::Offline => SyncStatus::Offline { pending },
        Connection::Failed { reason } => SyncStatus::CannotReach {
            reason: reason.clone(),
            pending,
        },
        Connection::Connecting if pending > 0 => SyncStatus::Waiting { pending },
        Connection::Connecting => SyncStatus::SavedOnDevice,
        Connection::Connected if pending > 0 => SyncStatus::Syncing { pending },
        Connection::Connected => match last_synced {
            Some(at) => SyncStatus::SyncedAt(at),
            None => SyncStatus::Syncing { pending: 0 },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offline_with_changes_says_how_many_wait() {
        assert_eq!(
            status(&Connection::Offline, 3, None),
            SyncStatus::Offline { pending: 3 }
        );
    }

    #[test]
    fn connected_with_nothing_pending_says_when() {
        assert_eq!(
            status(&Connection::Connected, 0, Some(Timestamp(7))),
            SyncStatus::SyncedAt(Timestamp(7))
        );
    }

    #[test]
    fn connected_with_changes_is_syncing() {
        assert_eq!(
            status(&Connection::Connected, 2, Some(Timestamp(7))),
            SyncStatus::Syncing { pending: 2 }
        );
    }

    #[test]
    fn a_failure_keeps_its_reason() {
        let s = status(
            &Connection::Failed {
                reason: "timeout".into(),
            },
            1,
            None,
        );
        assert_eq!(
            s,
            SyncStatus::CannotReach {
                reason: "timeout".into(),
                pending: 1
            }
        );
    }
}
