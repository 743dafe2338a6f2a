//! The hub's clock, in milliseconds since the Unix epoch. The hub's time is the one that
//! decides (expiry, receipt order); device clocks are never trusted.

use std::time::{SystemTime, UNIX_EPOCH};

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}
