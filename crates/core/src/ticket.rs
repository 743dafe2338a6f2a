//! Tickets: the hub signs one per confirmed seat, and any organiser's device verifies it
//! at the door with no network, against the hub's public key in the project document.
//!
//! The QR code carries [`Ticket::encode`]: `K1.<event hex>.<member hex>.<signature
//! base64url>`. Under it is printed [`Ticket::short_code`], 8 characters that the organiser
//! types when the camera will not read the code, and matches against the roster's
//! `ticket` field. Core draws no randomness: the hub passes its secret seed in.

use crate::ids::{EventId, MemberId};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

/// What is signed comes after this, so a ticket signature means nothing anywhere else.
const DOMAIN: &[u8] = b"kumppani-ticket-v1";
const PREFIX: &str = "K1";
/// No 0, 1, I, L or O: nothing to mistake for another at a dim door.
pub const SHORT_CODE_ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
pub const SHORT_CODE_LEN: usize = 8;
/// Longer than any real ticket; anything longer is refused before it is decoded.
const MAX_ENCODED_LEN: usize = 256;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TicketError {
    #[error("not a Kumppani ticket")]
    NotATicket,
    #[error("a ticket of an unknown version ({0:?})")]
    UnknownVersion(String),
    #[error("the ticket's event id is not 32 hex digits")]
    BadEvent,
    #[error("the ticket's member id is not 32 hex digits")]
    BadMember,
    #[error("the ticket's signature is not 64 bytes of base64url")]
    BadSignatureEncoding,
    #[error("the ticket key is not a valid Ed25519 public key")]
    BadKey,
    #[error("the ticket was not signed by this project's hub, or was changed")]
    InvalidSignature,
}

/// A signed seat: this member at this event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ticket {
    pub event: EventId,
    pub member: MemberId,
    pub signature: [u8; 64],
}

fn message(event: EventId, member: MemberId) -> Vec<u8> {
    let mut msg = Vec::with_capacity(DOMAIN.len() + 32);
    msg.extend_from_slice(DOMAIN);
    msg.extend_from_slice(event.as_bytes());
    msg.extend_from_slice(member.as_bytes());
    msg
}

/// Signs a ticket with the hub's secret seed (32 random bytes the hub keeps).
pub fn sign(secret_seed: &[u8; 32], event: EventId, member: MemberId) -> Ticket {
    let key = SigningKey::from_bytes(secret_seed);
    Ticket {
        event,
        member,
        signature: key.sign(&message(event, member)).to_bytes(),
    }
}

/// The public key for a secret seed: what goes into the project document's `ticket_key`.
pub fn public_key(secret_seed: &[u8; 32]) -> [u8; 32] {
    SigningKey::from_bytes(secret_seed)
        .verifying_key()
        .to_bytes()
}

impl Ticket {
    /// Whether the hub with this public key signed exactly this event and member.
    pub fn verify(&self, public_key: &[u8; 32]) -> Result<(), TicketError> {
        let key = VerifyingKey::from_bytes(public_key).map_err(|_| TicketError::BadKey)?;
        key.verify_strict(
            &message(self.event, self.member),
            &Signature::from_bytes(&self.signature),
        )
        .map_err(|_| TicketError::InvalidSignature)
    }

    /// The text in the QR code.
    pub fn encode(&self) -> String {
        format!(
            "{PREFIX}.{}.{}.{}",
            self.event,
            self.member,
            URL_SAFE_NO_PAD.encode(self.signature)
        )
    }

    /// Reads a ticket from a QR code's text (surrounding whitespace allowed). Says what is
    /// wrong with anything else; never panics. Does not verify: see [`Ticket::verify`].
    pub fn decode(text: &str) -> Result<Ticket, TicketError> {
        let text = text.trim();
        if text.len() > MAX_ENCODED_LEN {
            return Err(TicketError::NotATicket);
        }
        let mut parts = text.split('.');
        let (Some(version), Some(event), Some(member), Some(signature), None) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            return Err(TicketError::NotATicket);
        };
        if version != PREFIX {
            return Err(if version.starts_with('K') && version.len() <= 4 {
                TicketError::UnknownVersion(version.to_owned())
            } else {
                TicketError::NotATicket
            });
        }
        let event = event.parse().map_err(|_| TicketError::BadEvent)?;
        let member = member.parse().map_err(|_| TicketError::BadMember)?;
        let signature = URL_SAFE_NO_PAD
            .decode(signature)
            .ok()
            .and_then(|bytes| <[u8; 64]>::try_from(bytes).ok())
            .ok_or(TicketError::BadSignatureEncoding)?;
        Ok(Ticket {
            event,
            member,
            signature,
        })
    }

    /// 8 characters of [`SHORT_CODE_ALPHABET`], from the signature: printed under the QR
    /// code, typed at the door and matched against the roster. About 40 bits, plenty to
    /// tell apart the tickets of one event, though not a secret by itself.
    pub fn short_code(&self) -> String {
        let mut n = u64::from_le_bytes(
            self.signature[..8]
                .try_into()
                .expect("a signature has 64 bytes"),
        );
        let base = SHORT_CODE_ALPHABET.len() as u64;
        (0..SHORT_CODE_LEN)
            .map(|_| {
                let c = SHORT_CODE_ALPHABET[(n % base) as usize] as char;
                n /= base;
                c
            })
            .collect()
    }
}

/// A short code as someone typed it: upper-cased, spaces and dashes dropped; `None` unless
/// what is left is 8 characters of the alphabet.
pub fn normalize_short_code(input: &str) -> Option<String> {
    let code: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == SHORT_CODE_LEN && code.bytes().all(|b| SHORT_CODE_ALPHABET.contains(&b)))
        .then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: [u8; 32] = [42; 32];

    fn ev(n: u8) -> EventId {
        EventId::from_bytes([n; 16])
    }

    fn m(n: u8) -> MemberId {
        MemberId::from_bytes([n; 16])
    }

    #[test]
    fn a_signed_ticket_verifies_and_survives_its_qr_text() {
        let ticket = sign(&SEED, ev(1), m(2));
        assert_eq!(ticket.verify(&public_key(&SEED)), Ok(()));
        let text = ticket.encode();
        assert!(text.starts_with("K1."));
        let back = Ticket::decode(&format!(" {text}\n")).unwrap();
        assert_eq!(back, ticket);
        assert_eq!(back.verify(&public_key(&SEED)), Ok(()));
    }

    #[test]
    fn a_changed_event_member_or_signature_fails() {
        let key = public_key(&SEED);
        let ticket = sign(&SEED, ev(1), m(2));
        let other_event = Ticket {
            event: ev(3),
            ..ticket
        };
        let other_member = Ticket {
            member: m(3),
            ..ticket
        };
        let mut other_signature = ticket;
        other_signature.signature[10] ^= 1;
        for bad in [other_event, other_member, other_signature] {
            assert_eq!(bad.verify(&key), Err(TicketError::InvalidSignature));
        }
    }

    #[test]
    fn a_ticket_signed_with_another_key_fails() {
        let ticket = sign(&[7; 32], ev(1), m(2));
        assert_eq!(
            ticket.verify(&public_key(&SEED)),
            Err(TicketError::InvalidSignature)
        );
    }

    #[test]
    fn garbage_does_not_decode() {
        let good = sign(&SEED, ev(1), m(2)).encode();
        let parts: Vec<&str> = good.split('.').collect();
        let cases = [
            ("", TicketError::NotATicket),
            ("https://example.org", TicketError::NotATicket),
            ("K1.a.b", TicketError::NotATicket),
            (&format!("{good}.x"), TicketError::NotATicket),
            (
                &good.replacen("K1", "K2", 1),
                TicketError::UnknownVersion("K2".into()),
            ),
            (&good.replacen(parts[1], "zz", 1), TicketError::BadEvent),
            (&good.replacen(parts[2], "12", 1), TicketError::BadMember),
            (
                &good.replacen(parts[3], "AAAA", 1),
                TicketError::BadSignatureEncoding,
            ),
            (
                &good.replacen(parts[3], "!!!", 1),
                TicketError::BadSignatureEncoding,
            ),
            (&"K1.".repeat(200), TicketError::NotATicket),
        ];
        for (text, error) in cases {
            assert_eq!(Ticket::decode(text), Err(error), "{text:?}");
        }
    }

    #[test]
    fn a_bad_key_is_reported_as_such() {
        // Not a point on the curve.
        let mut key = [0u8; 32];
        key[31] = 0x80;
        key[0] = 2;
        let result = sign(&SEED, ev(1), m(2)).verify(&key);
        assert!(matches!(
            result,
            Err(TicketError::BadKey | TicketError::InvalidSignature)
        ));
    }

    #[test]
    fn short_codes_are_eight_unambiguous_characters_and_differ_per_member() {
        let mut codes = std::collections::BTreeSet::new();
        for n in 0..50 {
            let code = sign(&SEED, ev(1), m(n)).short_code();
            assert_eq!(code.len(), SHORT_CODE_LEN);
            assert!(code.bytes().all(|b| SHORT_CODE_ALPHABET.contains(&b)));
            assert_eq!(
                normalize_short_code(&code.to_lowercase()),
                Some(code.clone())
            );
            codes.insert(code);
        }
        assert_eq!(codes.len(), 50);
    }

    #[test]
    fn a_typed_short_code_is_normalised_or_refused() {
        assert_eq!(normalize_short_code(" abcd-efgh "), Some("ABCDEFGH".into()));
        assert_eq!(normalize_short_code("ABCDEFG"), None);
        assert_eq!(normalize_short_code("ABCDEFG0"), None);
        assert_eq!(normalize_short_code("ÄBCDEFGH"), None);
    }
}
