//! When a device takes a new token from the hub (`POST /api/devices/token`): a token that
//! never changes is worth as much to whoever copies it in a year as today.

use crate::time::Timestamp;

/// How long a device keeps one token.
pub const ROTATE_AFTER_MS: i64 = 30 * 24 * 60 * 60 * 1000;
/// How long after a failed try the device waits before trying again.
pub const RETRY_AFTER_MS: i64 = 60 * 60 * 1000;

/// What a device does about its token now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rotation {
    /// No record of when it got its token (a device from before rotation): note now.
    StartCounting,
    NotYet,
    Due,
}

/// `got` is when the device got its token, `tried` when it last tried and failed.
pub fn rotation(got: Option<Timestamp>, tried: Option<Timestamp>, now: Timestamp) -> Rotation {
    let Some(got) = got else {
        return Rotation::StartCounting;
    };
    let waited = |since: Timestamp, ms: i64| now.millis() - since.millis() >= ms;
    if waited(got, ROTATE_AFTER_MS) && tried.is_none_or(|t| waited(t, RETRY_AFTER_MS)) {
        Rotation::Due
    } else {
        Rotation::NotYet
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 24 * 60 * 60 * 1000;

    #[test]
    fn a_token_is_kept_thirty_days_and_a_failed_try_waits_an_hour() {
        let t = Timestamp;
        assert_eq!(rotation(None, None, t(0)), Rotation::StartCounting);
        assert_eq!(rotation(Some(t(0)), None, t(29 * DAY)), Rotation::NotYet);
        assert_eq!(rotation(Some(t(0)), None, t(30 * DAY)), Rotation::Due);
        let tried = Some(t(30 * DAY));
        assert_eq!(
            rotation(Some(t(0)), tried, t(30 * DAY + 1000)),
            Rotation::NotYet
        );
        assert_eq!(
            rotation(Some(t(0)), tried, t(30 * DAY + RETRY_AFTER_MS)),
            Rotation::Due
        );
    }
}
