//! Wall-clock time as milliseconds since the Unix epoch, UTC.
//!
//! Device clocks can be hours off (or set on purpose), so nothing that decides order or
//! fairness reads them: they only date what a person wrote, for that person to see.

use chrono::{DateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Timestamp(pub i64);

impl Timestamp {
    pub fn from_millis(ms: i64) -> Self {
        Self(ms)
    }

    pub fn millis(self) -> i64 {
        self.0
    }

    pub fn to_utc(self) -> DateTime<Utc> {
        Utc.timestamp_millis_opt(self.0)
            .single()
            .unwrap_or(DateTime::<Utc>::MIN_UTC)
    }

    pub fn from_utc(dt: DateTime<Utc>) -> Self {
        Self(dt.timestamp_millis())
    }
}

/// How far a device clock may be from the hub's before the member is told.
pub const CLOCK_SKEW_WARNING_MS: i64 = 5 * 60 * 1000;
