//! The hub's limits, each answered with a clear error: wrong codes and failed sign-ins per
//! network, and wrong link codes across the whole hub ([`FailureLimit`]), frames and bytes per connection ([`Bucket`]), and open
//! connections per device ([`ConnectionCounts`]). The size of a member document is limited
//! where changes are stored (`docs::persist_changes`).
//!
//! Failures are counted per address (per /64 for IPv6, which one household or phone usually holds
//! whole), and only failures count: a hall of people joining from one venue network is
//! never slowed by its own successes. Past the limit every attempt from the address is
//! refused unchecked until its window ends, so guessing costs time, not just requests.
//!
//! A wrong code names no code, so a limit "per code" is a budget of wrong guesses that any
//! one code faces across all addresses: link codes (which open a member's diary) get a
//! hub-wide budget, since addresses are cheap (an IPv6 /48 holds 65,536 /64s).
//! Pure: the clock comes in as an argument.

use kumppani_core::ids::DeviceId;
use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

/// Wrong join, organiser or link codes allowed per address per window. Generous enough for
/// a venue full of people mistyping; a guesser gets a few thousand tries a day per
/// address, hopeless against link and organiser codes.
pub const CODE_FAILURES: u32 = 30;
pub const CODE_WINDOW_MS: i64 = 10 * 60 * 1000;

/// Wrong link codes allowed across the whole hub per window, whatever their address. A
/// short link code lives 10 minutes, so each faces at most about two windows of guesses:
/// 2,000 of 31^8 (about 8.5 × 10^11) codes, a chance of 2 in a billion. Mistyped codes
/// from real people are a handful an hour, far below it.
pub const LINK_FAILURES_HUB_WIDE: u32 = 1_000;
pub const LINK_WINDOW_MS: i64 = 10 * 60 * 1000;

/// Failed sign-ins (unknown or revoked tokens) per address per window. A device told its
/// token is revoked stops trying, so only a broken or hostile client gets near this.
pub const AUTH_FAILURES: u32 = 30;
pub const AUTH_WINDOW_MS: i64 = 10 * 60 * 1000;

/// Frames one connection may send: a burst, then a steady rate. A device's whole sync
/// takes a few frames per document.
pub const FRAME_BURST: f64 = 600.0;
pub const FRAMES_PER_SECOND: f64 = 100.0;

/// Bytes one connection may send: a burst large enough for a member document at its size
/// limit in full, then a steady rate.
pub const BYTE_BURST: f64 = 48.0 * 1024.0 * 1024.0;
pub const BYTES_PER_SECOND: f64 = 1024.0 * 1024.0;

/// Open sync connections per device (tabs of one browser profile share a device).
pub const CONNECTIONS_PER_DEVICE: usize = 4;

/// The largest a member document may grow on the hub: years of daily diary entries fit
/// in a few megabytes; past this, changes are refused and the device keeps them.
pub const MEMBER_DOC_BYTES: u64 = 32 * 1024 * 1024;

/// Windows held before expired ones are swept out, so memory stays bounded.
const SWEEP_ABOVE: usize = 10_000;

/// Counts failed attempts per holder; past `max` in a window the holder waits it out.
#[derive(Debug)]
pub struct FailureLimit<K: Holder = IpAddr> {
    max: u32,
    window_ms: i64,
    windows: Mutex<HashMap<K, Window>>,
}

/// Who failures are counted against.
pub trait Holder: Copy + Eq + Hash {
    /// The key one holder's failures share.
    fn holder(self) -> Self;
}

/// An address: all of IPv4, the /64 of IPv6.
impl Holder for IpAddr {
    fn holder(self) -> Self {
        key(self)
    }
}

/// The whole hub: one count every address shares.
impl Holder for () {
    fn holder(self) {}
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
    pub fn for_codes() -> Self {
        Self::new(CODE_FAILURES, CODE_WINDOW_MS)
    }

    pub fn for_sign_ins() -> Self {
        Self::new(AUTH_FAILURES, AUTH_WINDOW_MS)
    }
}

impl FailureLimit<()> {
    pub fn for_link_codes_hub_wide() -> Self {
        Self::new(LINK_FAILURES_HUB_WIDE, LINK_WINDOW_MS)
    }
}

impl<K: Holder> FailureLimit<K> {
    pub fn new(max: u32, window_ms: i64) -> Self {
        Self {
            max,
            window_ms,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Whether `who` may try now.
    pub fn check(&self, who: K, now: i64) -> Result<(), RetryAfter> {
        let windows = self.windows.lock().expect("failure limit");
        match windows.get(&who.holder()) {
            Some(w) if now - w.started < self.window_ms && w.failures >= self.max => {
                Err(RetryAfter(w.started + self.window_ms - now))
            }
            _ => Ok(()),
        }
    }

    /// Counts an attempt by `who` as failed at once, unless `who` is past the limit: checked
    /// and counted in one step, so attempts made in parallel cannot all pass one check.
    /// [`FailureLimit::refund`] takes it back when it did not fail.
    pub fn attempt(&self, who: K, now: i64) -> Result<(), RetryAfter> {
        let mut windows = self.windows.lock().expect("failure limit");
        let w = self.current(&mut windows, who, now);
        if w.failures >= self.max {
            return Err(RetryAfter(w.started + self.window_ms - now));
        }
        w.failures += 1;
        Ok(())
    }

    /// Takes back an attempt counted by [`FailureLimit::attempt`] that did not fail.
    pub fn refund(&self, who: K, now: i64) {
        let mut windows = self.windows.lock().expect("failure limit");
        if let Some(w) = windows.get_mut(&who.holder()) {
            if now - w.started < self.window_ms {
                w.failures = w.failures.saturating_sub(1);
            }
        }
    }

    /// Counts a failed attempt by `who`.
    pub fn failed(&self, who: K, now: i64) {
        let mut windows = self.windows.lock().expect("failure limit");
        let w = self.current(&mut windows, who, now);
        w.failures = w.failures.saturating_add(1);
    }

    /// `who`'s window as of `now` (a fresh one once the old has ended); expired windows
    /// are swept out first when there are many, so memory stays bounded.
    fn current<'a>(&self, windows: &'a mut HashMap<K, Window>, who: K, now: i64) -> &'a mut Window {
        if windows.len() > SWEEP_ABOVE {
            let window_ms = self.window_ms;
            windows.retain(|_, w| now - w.started < window_ms);
        }
        let w = windows.entry(who.holder()).or_insert(Window {
            started: now,
            failures: 0,
        });
        if now - w.started >= self.window_ms {
            *w = Window {
                started: now,
                failures: 0,
            };
        }
        w
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

/// A token bucket: up to `capacity` at once, refilled at a steady rate.
#[derive(Debug, Clone)]
pub struct Bucket {
    capacity: f64,
    per_ms: f64,
    level: f64,
    last: i64,
}

impl Bucket {
    pub fn new(capacity: f64, per_second: f64, now: i64) -> Self {
        Self {
            capacity,
            per_ms: per_second / 1000.0,
            level: capacity,
            last: now,
        }
    }

    pub fn frames(now: i64) -> Self {
        Self::new(FRAME_BURST, FRAMES_PER_SECOND, now)
    }

    pub fn bytes(now: i64) -> Self {
        Self::new(BYTE_BURST, BYTES_PER_SECOND, now)
    }

    /// Takes `amount` if the bucket holds it; `false` (and nothing taken) if not.
    pub fn take(&mut self, amount: f64, now: i64) -> bool {
        let elapsed = (now - self.last).max(0) as f64;
        self.level = (self.level + elapsed * self.per_ms).min(self.capacity);
        self.last = now.max(self.last);
        if self.level >= amount {
            self.level -= amount;
            true
        } else {
            false
        }
    }
}

/// Open connections per device.
#[derive(Debug, Default)]
pub struct ConnectionCounts {
    open: Mutex<HashMap<DeviceId, usize>>,
}

/// One open connection of a device; dropping it closes the count.
#[derive(Debug)]
pub struct ConnectionSlot {
    counts: Arc<ConnectionCounts>,
    device: DeviceId,
}

impl ConnectionCounts {
    /// A slot for one more connection of `device`, unless it has `max` open.
    pub fn open(self: &Arc<Self>, device: DeviceId, max: usize) -> Option<ConnectionSlot> {
        let mut open = self.open.lock().expect("connection counts");
        let n = open.entry(device).or_default();
        if *n >= max {
            return None;
        }
        *n += 1;
        Some(ConnectionSlot {
            counts: self.clone(),
            device,
        })
    }

    pub fn count(&self, device: DeviceId) -> usize {
        let open = self.open.lock().expect("connection counts");
        open.get(&device).copied().unwrap_or(0)
    }
}

impl Drop for ConnectionSlot {
    fn drop(&mut self) {
        let mut open = self.counts.open.lock().expect("connection counts");
        if let Some(n) = open.get_mut(&self.device) {
            *n -= 1;
            if *n == 0 {
                open.remove(&self.device);
            }
        }
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
        let limit = FailureLimit::<IpAddr>::new(3, 1000);
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
        let limit = FailureLimit::<IpAddr>::new(1, 1000);
        limit.failed(ip("2001:db8:1:2:aaaa::1"), 0);
        assert!(limit.check(ip("2001:db8:1:2:bbbb::9"), 1).is_err());
        assert!(limit.check(ip("2001:db8:1:3::1"), 1).is_ok());
        assert!(limit.check(ip("192.0.2.8"), 1).is_ok());
        limit.failed(ip("::ffff:192.0.2.9"), 0);
        assert!(limit.check(ip("192.0.2.9"), 1).is_err());
    }

    #[test]
    fn a_hub_wide_limit_counts_every_address_together() {
        let limit = FailureLimit::<()>::new(2, 1000);
        limit.failed((), 0);
        assert_eq!(limit.check((), 1), Ok(()));
        limit.failed((), 1);
        assert_eq!(limit.check((), 2), Err(RetryAfter(998)));
    }

    #[test]
    fn attempts_in_parallel_cannot_pass_one_check_and_successes_are_refunded() {
        let limit = FailureLimit::<()>::new(2, 1000);
        assert_eq!(limit.attempt((), 0), Ok(()));
        assert_eq!(limit.attempt((), 0), Ok(()));
        assert!(limit.attempt((), 0).is_err(), "the third in flight waits");
        limit.refund((), 1);
        assert_eq!(
            limit.attempt((), 2),
            Ok(()),
            "a refunded success frees its place"
        );
    }

    #[test]
    fn expired_windows_are_swept_so_memory_stays_bounded() {
        let limit = FailureLimit::<IpAddr>::new(5, 1000);
        for i in 0..=SWEEP_ABOVE as u32 {
            limit.failed(IpAddr::V4(i.into()), 0);
        }
        limit.failed(ip("192.0.2.1"), 5000);
        assert_eq!(limit.windows.lock().unwrap().len(), 1);
        // Attempts, counted before the lookup, are swept the same way.
        for i in 0..=SWEEP_ABOVE as u32 {
            limit.attempt(IpAddr::V4(i.into()), 6000).unwrap();
        }
        limit.attempt(ip("192.0.2.1"), 9000).unwrap();
        assert_eq!(limit.windows.lock().unwrap().len(), 1);
    }

    #[test]
    fn a_bucket_gives_its_burst_then_its_rate() {
        let mut b = Bucket::new(3.0, 1000.0, 0);
        assert!(b.take(1.0, 0) && b.take(1.0, 0) && b.take(1.0, 0));
        assert!(!b.take(1.0, 0), "the burst is spent");
        assert!(!b.take(2.0, 1), "one more per millisecond, not two");
        assert!(b.take(1.0, 1));
        assert!(b.take(3.0, 1_000_000), "refills up to its capacity");
        assert!(!b.take(1.0, 1_000_000));
        assert!(
            !b.take(4.0, 2_000_000),
            "never more than the capacity at once"
        );
    }

    #[test]
    fn a_device_gets_so_many_connections_and_a_closed_one_frees_its_place() {
        let counts = Arc::new(ConnectionCounts::default());
        let phone = DeviceId::from_bytes([1; 16]);
        let tablet = DeviceId::from_bytes([2; 16]);
        let first = counts.open(phone, 2).unwrap();
        let _second = counts.open(phone, 2).unwrap();
        assert!(counts.open(phone, 2).is_none());
        assert!(
            counts.open(tablet, 2).is_some(),
            "another device is counted apart"
        );
        drop(first);
        assert_eq!(counts.count(phone), 1);
        assert!(counts.open(phone, 2).is_some());
    }
}
