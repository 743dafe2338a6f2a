//! Encryption at rest for a profile's private data on a shared tablet.
//!
//! A PIN (4–12 digits) and the profile's salt give a key through Argon2id; the key seals
//! bytes with XChaCha20-Poly1305. A sealed blob describes itself:
//!
//! ```text
//! b"KV1" || m_kib: u32 LE || t: u32 LE || p: u32 LE || nonce: 24 bytes || ciphertext+tag
//! ```
//!
//! The Argon2 parameters travel in the blob so they can be raised later and old blobs still
//! open ([`blob_params`] tells which to derive with). The header is the AEAD's associated
//! data, so a changed header fails like a changed ciphertext. The salt is not in the blob:
//! it lives with the profile. Salts and nonces come in as arguments; core draws no randomness.
//!
//! A wrong PIN and a damaged blob give one error, [`VaultError::WrongPinOrDamaged`], on
//! purpose: telling them apart would tell a guesser more than the person needs to know.
//! [`PinAttempts`] slows guessing down after three wrong PINs.

use crate::time::Timestamp;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

/// Argon2id memory cost in KiB: 19 MiB, OWASP's minimum for Argon2id.
pub const ARGON2_M_KIB: u32 = 19 * 1024;
/// Argon2id passes.
pub const ARGON2_T: u32 = 2;
/// Argon2id lanes.
pub const ARGON2_P: u32 = 1;

pub const SALT_LEN: usize = 16;
pub const NONCE_LEN: usize = 24;
const MAGIC: &[u8; 3] = b"KV1";
const HEADER_LEN: usize = MAGIC.len() + 12 + NONCE_LEN;

/// Wrong PINs allowed before each further try has to wait.
pub const FREE_ATTEMPTS: u32 = 3;
/// The wait after the last free wrong PIN; it doubles with each further one.
pub const FIRST_DELAY_MS: i64 = 5_000;
/// The longest wait between tries.
pub const MAX_DELAY_MS: i64 = 15 * 60 * 1000;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    #[error("the PIN must be 4 to 12 digits")]
    WeakPin,
    #[error("wrong PIN, or the data is damaged")]
    WrongPinOrDamaged,
    #[error("unusable key derivation parameters")]
    BadParams,
}

/// Argon2id's costs, as recorded in every blob.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct KdfParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl KdfParams {
    /// Today's parameters (the named constants above).
    pub const CURRENT: KdfParams = KdfParams {
        m_kib: ARGON2_M_KIB,
        t: ARGON2_T,
        p: ARGON2_P,
    };
}

impl Default for KdfParams {
    fn default() -> Self {
        Self::CURRENT
    }
}

/// A key derived from a PIN; its bytes are wiped when it is dropped.
pub struct VaultKey {
    bytes: [u8; 32],
    params: KdfParams,
}

impl std::fmt::Debug for VaultKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VaultKey")
            .field("params", &self.params)
            .finish_non_exhaustive()
    }
}

impl Drop for VaultKey {
    fn drop(&mut self) {
        self.bytes.zeroize();
    }
}

impl VaultKey {
    /// The key for `pin` and the profile's `salt`, with today's parameters.
    pub fn derive(pin: &str, salt: &[u8; SALT_LEN]) -> Result<VaultKey, VaultError> {
        Self::derive_with(pin, salt, KdfParams::CURRENT)
    }

    /// The key with the given parameters, e.g. those [`blob_params`] read from an old blob.
    pub fn derive_with(
        pin: &str,
        salt: &[u8; SALT_LEN],
        params: KdfParams,
    ) -> Result<VaultKey, VaultError> {
        if !is_acceptable_pin(pin) {
            return Err(VaultError::WeakPin);
        }
        let argon_params = argon2::Params::new(params.m_kib, params.t, params.p, Some(32))
            .map_err(|_| VaultError::BadParams)?;
        let argon = argon2::Argon2::new(
            argon2::Algorithm::Argon2id,
            argon2::Version::V0x13,
            argon_params,
        );
        let mut key = VaultKey {
            bytes: [0; 32],
            params,
        };
        argon
            .hash_password_into(pin.as_bytes(), salt, &mut key.bytes)
            .map_err(|_| VaultError::BadParams)?;
        Ok(key)
    }

    pub fn params(&self) -> KdfParams {
        self.params
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(Key::from_slice(&self.bytes))
    }
}

/// 4 to 12 ASCII digits.
pub fn is_acceptable_pin(pin: &str) -> bool {
    (4..=12).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

fn header(params: KdfParams, nonce: &[u8; NONCE_LEN]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&params.m_kib.to_le_bytes());
    out.extend_from_slice(&params.t.to_le_bytes());
    out.extend_from_slice(&params.p.to_le_bytes());
    out.extend_from_slice(nonce);
    out
}

/// Seals `plaintext`. The nonce must never repeat under one key: pass 24 fresh random bytes.
pub fn seal(key: &VaultKey, nonce: [u8; NONCE_LEN], plaintext: &[u8]) -> Vec<u8> {
    seal_in(key, nonce, b"", plaintext)
}

/// Seals `plaintext` bound to `context` (where it is kept, e.g. `b"meta/identity"`): it
/// opens only with the same context, so sealed values cannot be swapped between places.
pub fn seal_in(
    key: &VaultKey,
    nonce: [u8; NONCE_LEN],
    context: &[u8],
    plaintext: &[u8],
) -> Vec<u8> {
    let mut blob = header(key.params, &nonce);
    let aad = [blob.as_slice(), context].concat();
    let ciphertext = key
        .cipher()
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: plaintext,
                aad: &aad,
            },
        )
        .expect("XChaCha20-Poly1305 seals any length a device holds");
    blob.extend_from_slice(&ciphertext);
    blob
}

/// The Argon2 parameters a blob was sealed with, if it looks like a blob at all.
pub fn blob_params(blob: &[u8]) -> Option<KdfParams> {
    if blob.len() < HEADER_LEN || &blob[..3] != MAGIC {
        return None;
    }
    let word = |i: usize| u32::from_le_bytes(blob[3 + 4 * i..7 + 4 * i].try_into().unwrap());
    Some(KdfParams {
        m_kib: word(0),
        t: word(1),
        p: word(2),
    })
}

/// Opens a blob made by [`seal`]. Any failure, wrong PIN or damage, is the one error.
pub fn open(key: &VaultKey, blob: &[u8]) -> Result<Vec<u8>, VaultError> {
    open_in(key, b"", blob)
}

/// Opens a blob made by [`seal_in`] with the same `context`.
pub fn open_in(key: &VaultKey, context: &[u8], blob: &[u8]) -> Result<Vec<u8>, VaultError> {
    let params = blob_params(blob).ok_or(VaultError::WrongPinOrDamaged)?;
    if params != key.params {
        return Err(VaultError::WrongPinOrDamaged);
    }
    let (head, ciphertext) = blob.split_at(HEADER_LEN);
    let aad = [head, context].concat();
    key.cipher()
        .decrypt(
            XNonce::from_slice(&head[HEADER_LEN - NONCE_LEN..]),
            Payload {
                msg: ciphertext,
                aad: &aad,
            },
        )
        .map_err(|_| VaultError::WrongPinOrDamaged)
}

/// Wrong PINs in a row for one profile, and when the next try is allowed. Pure: the app
/// passes the clock in and keeps this with the profile (it serialises).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinAttempts {
    failures: u32,
    last_failure: Option<Timestamp>,
}

impl PinAttempts {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn failures(&self) -> u32 {
        self.failures
    }

    pub fn record_failure(&mut self, now: Timestamp) {
        self.failures = self.failures.saturating_add(1);
        self.last_failure = Some(now);
    }

    pub fn record_success(&mut self) {
        *self = Self::default();
    }

    /// How long the next try waits after the last failure: nothing for the first three
    /// wrong PINs, then 5 s, 10 s, 20 s … up to 15 minutes.
    pub fn delay_ms(&self) -> i64 {
        if self.failures < FREE_ATTEMPTS {
            return 0;
        }
        let doublings = (self.failures - FREE_ATTEMPTS).min(20);
        (FIRST_DELAY_MS << doublings).min(MAX_DELAY_MS)
    }

    /// When the next try is allowed; `None` when it is allowed straight away.
    pub fn next_allowed_at(&self) -> Option<Timestamp> {
        let delay = self.delay_ms();
        match self.last_failure {
            Some(last) if delay > 0 => Some(Timestamp(last.0.saturating_add(delay))),
            _ => None,
        }
    }

    /// Whether a try at `now` is allowed.
    pub fn may_try(&self, now: Timestamp) -> bool {
        self.next_allowed_at().is_none_or(|at| now >= at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cheap parameters, so that the tests that are not about the costs run fast.
    const FAST: KdfParams = KdfParams {
        m_kib: 64,
        t: 1,
        p: 1,
    };
    const SALT: [u8; 16] = [7; 16];

    fn key(pin: &str) -> VaultKey {
        VaultKey::derive_with(pin, &SALT, FAST).unwrap()
    }

    #[test]
    fn a_sealed_blob_opens_with_the_same_pin_and_todays_parameters() {
        let key = VaultKey::derive("482913", &SALT).unwrap();
        assert_eq!(key.params(), KdfParams::CURRENT);
        let blob = seal(&key, [1; 24], b"Tanaan oli raskasta.");
        assert_eq!(&blob[..3], b"KV1");
        assert_eq!(blob_params(&blob), Some(KdfParams::CURRENT));
        let again = VaultKey::derive("482913", &SALT).unwrap();
        assert_eq!(open(&again, &blob).unwrap(), b"Tanaan oli raskasta.");
    }

    #[test]
    fn a_wrong_pin_fails_with_the_one_error() {
        let blob = seal(&key("1234"), [2; 24], b"salaisuus");
        assert_eq!(
            open(&key("1235"), &blob),
            Err(VaultError::WrongPinOrDamaged)
        );
        let other_salt = VaultKey::derive_with("1234", &[8; 16], FAST).unwrap();
        assert_eq!(open(&other_salt, &blob), Err(VaultError::WrongPinOrDamaged));
    }

    #[test]
    fn any_flipped_byte_fails_with_the_same_error() {
        let key = key("1234");
        let blob = seal(&key, [3; 24], b"salaisuus");
        for i in 0..blob.len() {
            let mut bad = blob.clone();
            bad[i] ^= 0x01;
            assert_eq!(
                open(&key, &bad),
                Err(VaultError::WrongPinOrDamaged),
                "byte {i}"
            );
        }
        assert_eq!(open(&key, &blob[..10]), Err(VaultError::WrongPinOrDamaged));
        assert_eq!(open(&key, b""), Err(VaultError::WrongPinOrDamaged));
    }

    #[test]
    fn a_blob_opens_only_in_the_place_it_was_sealed_for() {
        let key = key("1234");
        let blob = seal_in(&key, [5; 24], b"meta/identity", b"token");
        assert_eq!(open_in(&key, b"meta/identity", &blob).unwrap(), b"token");
        assert_eq!(
            open_in(&key, b"meta/sync/abc", &blob),
            Err(VaultError::WrongPinOrDamaged)
        );
        assert_eq!(open(&key, &blob), Err(VaultError::WrongPinOrDamaged));
    }

    #[test]
    fn a_blob_never_contains_the_plaintext() {
        let plaintext = b"Minua pelotti kokouksessa puhua.";
        let blob = seal(&key("9876"), [4; 24], plaintext);
        assert!(!blob
            .windows(8)
            .any(|w| plaintext.windows(8).any(|p| p == w)));
    }

    #[test]
    fn a_pin_is_four_to_twelve_digits() {
        for pin in ["123", "1234567890123", "12a4", "", "１２３４", " 1234"] {
            assert_eq!(
                VaultKey::derive_with(pin, &SALT, FAST).unwrap_err(),
                VaultError::WeakPin,
                "{pin:?}"
            );
        }
        assert!(VaultKey::derive_with("0000", &SALT, FAST).is_ok());
        assert!(VaultKey::derive_with("123456789012", &SALT, FAST).is_ok());
    }

    #[test]
    fn attempts_wait_longer_after_three_wrong_pins_and_reset_on_success() {
        let mut attempts = PinAttempts::new();
        let mut delays = Vec::new();
        for i in 0..12 {
            attempts.record_failure(Timestamp(i * 1_000_000));
            delays.push(attempts.next_allowed_at().map(|at| at.0 - i * 1_000_000));
        }
        assert_eq!(
            delays,
            [
                None,
                None,
                Some(5_000),
                Some(10_000),
                Some(20_000),
                Some(40_000),
                Some(80_000),
                Some(160_000),
                Some(320_000),
                Some(640_000),
                Some(900_000),
                Some(900_000)
            ]
        );
        let last = Timestamp(11 * 1_000_000);
        assert!(!attempts.may_try(Timestamp(last.0 + 899_999)));
        assert!(attempts.may_try(Timestamp(last.0 + 900_000)));
        attempts.record_success();
        assert_eq!(attempts.next_allowed_at(), None);
        assert!(attempts.may_try(last));
    }
}
