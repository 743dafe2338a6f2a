//! Limits on guessing: how many wrong codes one network may try before it must wait.
//!
//! Counted per address (per /64 for IPv6, which one household or phone usually holds
//! whole), and only failures count: a hall of people joining from one venue network is
//! never slowed by its own successes. Past the limit every attempt from the address is
//! refused unchecked until its window ends, so guessing costs time, not just requests.
//! Pure: the clock comes in as an argument.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

/// Wrong join, organiser or link codes allowed per address per window. Generous enough for
/// a venue full of people mistyping; a guesser gets a few thousand tries a day per
/// address, hopeless against link and organiser codes.
pub const CODE_FAILURES: u32 = 30;
pub const CODE_WINDOW_MS: i64 = 10 * 60 * 1000;

/// Windows held before expired ones are swept out, so memory stays bounded.
const SWEEP_ABOVE: usize = 10_000;

#[derive(Debug)]
pub struct FailureLimit {
    max: u32,
    window_ms: i64,
    windows: Mutex<HashMap<IpAddr, Window>>,
}

#[derive(Debug, Clone, Copy)]
struct Window {
    started: i64,
    failures: u32,
}

/// Refused: the address may try again after this many milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAfter(pub i64);

impl RetryAfter {
    /// Whole seconds, rounded up, for the `Retry-After` header.
    pub fn seconds(self) -> i64 {
        (self.0 + 999) / 1000
    }
}

impl FailureLimit {
    pub fn new(max: u32, window_ms: i64) -> Self {
        Self {
            max,
            window_ms,
            windows: Mutex::new(HashMap::new()),
        }
    }

    pub fn for_codes() -> Self {
        Self::new(CODE_FAILURES, CODE_WINDOW_MS)
    }

    /// Whether `who` may try now.
    pub fn check(&self, who: IpAddr, now: i64) -> Result<(), RetryAfter> {
        let windows = self.windows.lock().expect("failure limit");
        match windows.get(&key(who)) {
            Some(w) if now - w.started < self.window_ms && w.failures >= self.max => {
                Err(RetryAfter(w.started + self.window_ms - now))
            }
            _ => Ok(()),
        }
    }

    /// Counts a failed attempt by `who`.
    pub fn failed(&self, who: IpAddr, now: i64) {
        let mut windows = self.windows.lock().expect("failure limit");
        if windows.len() > SWEEP_ABOVE {
            let window_ms = self.window_ms;
            windows.retain(|_, w| now - w.started < window_ms);
        }
        let w = windows.entry(key(who)).or_insert(Window {
            started: now,
            failures: 0,
        });
        if now - w.started >= self.window_ms {
            *w = Window {
                started: now,
                failures: 0,
            };
        }
        w.failures = w.failures.saturating_add(1);
    }
}

/// The part of an address one holder controls: all of IPv4, the /64 of IPv6.
fn key(addr: IpAddr) -> IpAddr {
    match addr {
        IpAddr::V4(_) => addr,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let mut octets = v6.octets();
                octets[8..].fill(0);
                IpAddr::V6(octets.into())
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn failures_up_to_the_limit_pass_and_the_next_attempt_waits_out_the_window() {
        let limit = FailureLimit::new(3, 1000);
        let a = ip("192.0.2.7");
        for t in 0..3 {
            assert_eq!(limit.check(a, t), Ok(()));
            limit.failed(a, t);
        }
        assert_eq!(limit.check(a, 400), Err(RetryAfter(600)));
        assert_eq!(RetryAfter(600).seconds(), 1);
        assert_eq!(limit.check(a, 1000), Ok(()), "a new window");
        limit.failed(a, 1000);
        assert_eq!(
            limit.check(a, 1001),
            Ok(()),
            "one failure in the new window"
        );
    }

    #[test]
    fn addresses_are_counted_apart_but_one_ipv6_64_is_one_address() {
        let limit = FailureLimit::new(1, 1000);
        limit.failed(ip("2001:db8:1:2:aaaa::1"), 0);
        assert!(limit.check(ip("2001:db8:1:2:bbbb::9"), 1).is_err());
        assert!(limit.check(ip("2001:db8:1:3::1"), 1).is_ok());
        assert!(limit.check(ip("192.0.2.8"), 1).is_ok());
        limit.failed(ip("::ffff:192.0.2.9"), 0);
        assert!(limit.check(ip("192.0.2.9"), 1).is_err());
    }

    #[test]
    fn expired_windows_are_swept_so_memory_stays_bounded() {
        let limit = FailureLimit::new(5, 1000);
        for i in 0..=SWEEP_ABOVE as u32 {
            limit.failed(IpAddr::V4(i.into()), 0);
        }
        limit.failed(ip("192.0.2.1"), 5000);
        assert_eq!(limit.windows.lock().unwrap().len(), 1);
    }
}
