//! The profiles on this device: who they are on the lock screen, their salts and their
//! wrong-PIN counts. Kept unsealed in the device store (the lock screen needs them before
//! any PIN is typed); everything else of a profile lives in its own sealed store.

use crate::i18n::words;
use kumppani_core::ids::ProfileId;
use kumppani_core::time::Timestamp;
use kumppani_core::vault::{PinAttempts, SALT_LEN};
use serde::{Deserialize, Serialize};

/// The device store's key for the list.
pub const PROFILES_KEY: &str = "profiles";
/// The IndexedDB database that holds the list.
pub const DEVICE_DB: &str = "kumppani-device";

/// The IndexedDB database of one profile, sealed with its PIN.
pub fn profile_db(id: ProfileId) -> String {
    format!("kumppani-profile-{id}")
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileRecord {
    pub id: ProfileId,
    /// The name the person joined with; shown on the lock screen.
    pub name: String,
    pub project_name: String,
    #[serde(with = "hex::serde")]
    pub salt: [u8; SALT_LEN],
    #[serde(default)]
    pub attempts: PinAttempts,
    pub created_at: Timestamp,
}

/// Every profile on the device, in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profiles {
    pub list: Vec<ProfileRecord>,
}

impl Profiles {
    pub fn from_bytes(bytes: Option<&[u8]>) -> Result<Self, String> {
        match bytes {
            None => Ok(Self::default()),
            Some(b) => serde_json::from_slice(b)
                .map_err(|e| words("msg-profiles-damaged", &[("error", e.to_string().into())])),
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("profiles serialise")
    }

    pub fn get(&self, id: ProfileId) -> Option<&ProfileRecord> {
        self.list.iter().find(|p| p.id == id)
    }

    pub fn get_mut(&mut self, id: ProfileId) -> Option<&mut ProfileRecord> {
        self.list.iter_mut().find(|p| p.id == id)
    }

    pub fn remove(&mut self, id: ProfileId) {
        self.list.retain(|p| p.id != id);
    }
}

/// What to tell a person whose PIN was wrong, or who must wait before the next try.
pub fn wrong_pin_words(attempts: &PinAttempts, now: Timestamp) -> String {
    match attempts.next_allowed_at() {
        Some(at) if at > now => words(
            "msg-wrong-pin-wait",
            &[("wait", wait_words(at.0 - now.0).into())],
        ),
        _ => words("msg-wrong-pin", &[]),
    }
}

/// "5 seconds", "2 minutes"
pub fn wait_words(ms: i64) -> String {
    let s = (ms + 999) / 1000;
    if s < 60 {
        words("msg-wait-seconds", &[("count", s.into())])
    } else {
        let m = (s + 59) / 60;
        words("msg-wait-minutes", &[("count", m.into())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_reads_back_with_salt_and_attempts() {
        let mut attempts = PinAttempts::new();
        attempts.record_failure(Timestamp(5));
        let profiles = Profiles {
            list: vec![ProfileRecord {
                id: ProfileId::from_bytes([1; 16]),
                name: "Aino".into(),
                project_name: "Hervanta".into(),
                salt: [7; 16],
                attempts,
                created_at: Timestamp(1),
            }],
        };
        let back = Profiles::from_bytes(Some(&profiles.to_bytes())).unwrap();
        assert_eq!(back, profiles);
        assert!(Profiles::from_bytes(Some(b"{")).is_err());
        assert_eq!(Profiles::from_bytes(None).unwrap().list.len(), 0);
    }

    #[test]
    fn a_wrong_pin_says_how_long_to_wait_once_tries_slow_down() {
        crate::i18n::set_current(crate::i18n::Lang::En);
        let mut a = PinAttempts::new();
        a.record_failure(Timestamp(0));
        assert_eq!(
            wrong_pin_words(&a, Timestamp(0)),
            "That PIN is not right. Try again."
        );
        a.record_failure(Timestamp(0));
        a.record_failure(Timestamp(0));
        assert_eq!(
            wrong_pin_words(&a, Timestamp(0)),
            "That PIN is not right. Wait 5 seconds before the next try."
        );
        assert_eq!(wait_words(61_000), "2 minutes");
        assert_eq!(wait_words(1_000), "1 second");
    }

    #[test]
    fn a_wrong_pin_in_finnish_and_swedish_says_the_wait_too() {
        let mut a = PinAttempts::new();
        for _ in 0..3 {
            a.record_failure(Timestamp(0));
        }
        crate::i18n::set_current(crate::i18n::Lang::Fi);
        assert_eq!(
            wrong_pin_words(&a, Timestamp(0)),
            "PIN-koodi ei ole oikein. Odota 5 sekuntia ennen seuraavaa yritystä."
        );
        assert_eq!(wait_words(60_000), "1 minuutti");
        assert_eq!(wait_words(61_000), "2 minuuttia");
        crate::i18n::set_current(crate::i18n::Lang::Sv);
        assert_eq!(
            wrong_pin_words(&a, Timestamp(0)),
            "PIN-koden är fel. Vänta 5 sekunder innan du försöker igen."
        );
        assert_eq!(wait_words(1_000), "1 sekund");
    }
}
