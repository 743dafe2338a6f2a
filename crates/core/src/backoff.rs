//! Reconnect backoff: exponential with full jitter, capped, reset on a good connection.
//!
//! Full jitter spreads a hall full of phones that lose the venue's network together.

use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Backoff {
    attempt: u32,
    base: Duration,
    max: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Self::new(Duration::from_millis(500), Duration::from_secs(30))
    }
}

impl Backoff {
    pub fn new(base: Duration, max: Duration) -> Self {
        Self {
            attempt: 0,
            base,
            max,
        }
    }

    /// The wait before the next attempt. `random` is any uniformly random u32.
    pub fn next_delay(&mut self, random: u32) -> Duration {
        let ceiling = self
            .base
            .saturating_mul(1u32.checked_shl(self.attempt.min(16)).unwrap_or(u32::MAX))
            .min(self.max);
        self.attempt = self.attempt.saturating_add(1);
        // At least a tenth of the ceiling, so a retry never spins.
        let floor = ceiling / 10;
        let span = ceiling.saturating_sub(floor).as_millis() as u64;
        let jitter = if span == 0 {
            0
        } else {
            u64::from(random) % (span + 1)
        };
        floor + Duration::from_millis(jitter)
    }

    pub fn reset(&mut self) {
        self.attempt = 0;
    }

    pub fn attempts(&self) -> u32 {
        self.attempt
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn delays_grow_then_stay_under_the_cap() {
        let mut b = Backoff::default();
        let first = b.next_delay(u32::MAX);
        let second = b.next_delay(u32::MAX);
        assert!(second > first);
        for _ in 0..40 {
            assert!(b.next_delay(u32::MAX) <= Duration::from_secs(30));
        }
    }

    #[test]
    fn a_reset_starts_again_from_the_base() {
        let mut b = Backoff::default();
        for _ in 0..10 {
            b.next_delay(1);
        }
        b.reset();
        assert!(b.next_delay(u32::MAX) <= Duration::from_millis(500));
    }

    proptest! {
        #[test]
        fn every_delay_is_positive_and_capped(randoms in proptest::collection::vec(any::<u32>(), 1..50)) {
            let mut b = Backoff::default();
            for r in randoms {
                let d = b.next_delay(r);
                prop_assert!(d >= Duration::from_millis(50));
                prop_assert!(d <= Duration::from_secs(30));
            }
        }
    }
}
