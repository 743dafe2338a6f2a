//! Profiles on a shared device: adding one (join or link) with its PIN, opening it with
//! the PIN, locking, and forgetting one whose PIN is lost.
//!
//! A profile's key exists only while it is open: it is derived from the PIN on unlock and
//! dropped (wiped) on lock, so a locked profile's data is ciphertext to everyone.

use super::*;
use crate::sync::core_error::Explain;
use crate::sync::profiles::{profile_db, wrong_pin_words, ProfileRecord};
use kumppani_core::vault::{is_acceptable_pin, VaultKey, SALT_LEN};

/// The profile's record of which safeguarding notice it has read (its `updated_at`).
const SAFEGUARDING_SEEN_KEY: &str = "safeguarding_seen";

/// Words for a PIN that is not 4 to 12 digits.
pub(super) fn weak_pin() -> String {
    words("msg-weak-pin", &[])
}

impl Driver {
    fn device(&self) -> Result<&DeviceStore, String> {
        self.device
            .as_ref()
            .ok_or_else(|| words("msg-storage-not-open", &[]))
    }

    /// Changes the device's list of profiles as it is in storage now (another tab may have
    /// changed it) and keeps the result.
    async fn update_profiles(&mut self, change: impl FnOnce(&mut Profiles)) -> Result<(), String> {
        let written = self
            .device()?
            .update_meta(PROFILES_KEY, |old| {
                let mut profiles = Profiles::from_bytes(old.as_deref())?;
                change(&mut profiles);
                Ok(profiles.to_bytes())
            })
            .await
            .map_err(|e| e.advice())?;
        self.profiles = Profiles::from_bytes(Some(&written))?;
        Ok(())
    }

    fn cards(&self) -> Vec<ProfileCard> {
        let now = platform::now();
        self.profiles
            .list
            .iter()
            .map(|p| ProfileCard {
                id: p.id,
                name: p.name.clone(),
                project_name: p.project_name.clone(),
                wait_until: p.attempts.next_allowed_at().filter(|at| *at > now),
            })
            .collect()
    }

    /// Shows the lock screen (or Join when the device has no profile yet), with nothing
    /// of the last profile left in the state.
    pub(super) fn show_locked(&mut self) {
        let phase = if self.profiles.list.is_empty() {
            Phase::NeedsJoin
        } else {
            Phase::Locked
        };
        *self.state.write() = AppState {
            phase,
            profiles: self.cards(),
            connection: Connection::NoHub,
            ..AppState::default()
        };
    }

    /// Closes the open profile: connection, session, documents and key all go.
    pub(super) fn lock(&mut self, stream: &mut Option<FrameStream>) {
        self.drop_connection(stream);
        self.session = None;
        self.identity = None;
        if let Some(store) = self.store.take() {
            store.into_inner().close();
        }
        self.private = None;
        self.profile_id = None;
        self.chunks_since_snapshot.clear();
        self.last_synced = None;
        self.connection = Connection::NoHub;
        self.show_locked();
    }

    /// Opens a profile with its PIN. Wrong PINs are counted on the device and slow down
    /// after a few (core's `PinAttempts`).
    pub(super) async fn unlock(
        &mut self,
        profile: ProfileId,
        pin: &str,
        stream: &mut Option<FrameStream>,
    ) -> Result<(), String> {
        if self.profile_id == Some(profile) {
            // Its store is opened anew below; natively, only one open at a time.
            self.lock(stream);
        }
        let now = platform::now();
        // Another tab may have changed the list (a wrong PIN there counts here too).
        self.update_profiles(|_| {}).await?;
        let record = self
            .profiles
            .get(profile)
            .cloned()
            .ok_or_else(|| words("msg-profile-gone", &[]))?;
        if !record.attempts.may_try(now) {
            return Err(wrong_pin_words(&record.attempts, now));
        }
        if !is_acceptable_pin(pin) {
            return Err(weak_pin());
        }
        // Counted as wrong until it proves right, so reloading the page while the key is
        // being derived does not give a free try.
        self.update_profiles(|p| {
            if let Some(rec) = p.get_mut(profile) {
                rec.attempts.record_failure(now);
            }
        })
        .await?;
        let attempts = self
            .profiles
            .get(profile)
            .map(|r| r.attempts.clone())
            .unwrap_or_default();
        // Deriving the key takes a moment: let the view show that it is checking first.
        platform::sleep_ms(30).await;
        let key = VaultKey::derive(pin, &record.salt).map_err(|_| weak_pin())?;
        let inner = platform::open_store(&profile_db(profile))
            .await
            .map_err(|e| e.advice())?;
        let store = SealedStore::new(inner, key, platform::random_bytes::<24>);
        let read = store.get_meta(IDENTITY_KEY).await;
        let identity = match read {
            Ok(Some(bytes)) => serde_json::from_slice::<Identity>(&bytes)
                .map_err(|e| words("msg-profile-damaged", &[("error", e.to_string().into())])),
            Ok(None) => Err(words("msg-profile-no-data", &[])),
            Err(StoreError::Sealed) => {
                self.state.write().profiles = self.cards();
                Err(wrong_pin_words(&attempts, now))
            }
            Err(e) => Err(e.advice()),
        };
        let identity = match identity {
            Ok(identity) => identity,
            Err(e) => {
                // A connection left open would keep the profile from being removed.
                store.into_inner().close();
                return Err(e);
            }
        };
        self.update_profiles(|p| {
            if let Some(rec) = p.get_mut(profile) {
                rec.attempts.record_success();
            }
        })
        .await?;
        self.open_profile(profile, store, identity, stream).await
    }

    /// Adds a profile for a join or link answer, sealed with `pin`, and opens it.
    pub(super) async fn add_profile(
        &mut self,
        hub_url: String,
        join: JoinResponse,
        key: VaultKey,
        salt: [u8; SALT_LEN],
        stream: &mut Option<FrameStream>,
    ) -> Result<(), String> {
        let id = ProfileId::from_bytes(platform::random_bytes());
        let inner = platform::open_store(&profile_db(id))
            .await
            .map_err(|e| e.advice())?;
        let store = SealedStore::new(inner, key, platform::random_bytes::<24>);
        let identity = Identity { hub_url, join };
        let bytes = serde_json::to_vec(&identity).map_err(|e| e.to_string())?;
        store
            .put_meta(IDENTITY_KEY, &bytes)
            .await
            .map_err(|e| e.advice())?;
        // The profile's own data first, then the list: a crash between leaves an unlisted
        // database, never a listed profile without data.
        let record = ProfileRecord {
            id,
            name: identity.join.display_name.clone(),
            project_name: identity.join.project_name.clone(),
            salt,
            attempts: Default::default(),
            created_at: platform::now(),
        };
        self.update_profiles(|p| p.list.push(record)).await?;
        self.open_profile(id, store, identity, stream).await
    }

    async fn open_profile(
        &mut self,
        id: ProfileId,
        store: ProfileStore,
        identity: Identity,
        stream: &mut Option<FrameStream>,
    ) -> Result<(), String> {
        self.lock(stream);
        self.store = Some(store);
        self.profile_id = Some(id);
        self.activity.set(platform::now_ms());
        if let Ok(Some(bytes)) = self.store().get_meta("last_synced").await {
            if let Ok(ms) = String::from_utf8_lossy(&bytes).parse::<i64>() {
                self.last_synced = Some(Timestamp(ms));
            }
        }
        match self.open_session(identity).await {
            Ok(()) => {
                let cards = self.cards();
                let mut st = self.state.write();
                st.phase = Phase::Ready;
                st.profiles = cards;
                drop(st);
                self.set_problem(None);
                self.retry_at = 0.0;
                Ok(())
            }
            Err(e) => {
                self.lock(stream);
                Err(e)
            }
        }
    }

    /// Removes a profile from this device: its sealed database is deleted. Its private
    /// entries are gone; what it shared stays with the hub for the member to link again.
    pub(super) async fn forget_profile(
        &mut self,
        profile: ProfileId,
        stream: &mut Option<FrameStream>,
    ) -> Result<(), String> {
        if self.profile_id == Some(profile) {
            self.lock(stream);
        }
        self.update_profiles(|p| p.remove(profile)).await?;
        platform::delete_store(&profile_db(profile))
            .await
            .map_err(|e| e.advice())?;
        self.show_locked();
        Ok(())
    }

    /// Deletes the member's account at the hub and, once the hub has done it, this profile
    /// from this device (its private entries too: the card says so, beside the download).
    /// The hub must be reachable: nothing is deleted on the device before it answers.
    pub(super) async fn delete_account(
        &mut self,
        contributions: Contributions,
        stream: &mut Option<FrameStream>,
    ) -> Result<(), String> {
        let (Some(identity), Some(profile)) = (&self.identity, self.profile_id) else {
            return Err(words("msg-join-first", &[]));
        };
        hub_api::delete_account(&identity.hub_url, &identity.join.token, contributions).await?;
        self.forget_profile(profile, stream).await
    }

    /// Derives the key for a new profile's PIN, before anything is asked of the hub.
    pub(super) async fn new_profile_key(pin: &str) -> Result<(VaultKey, [u8; SALT_LEN]), String> {
        if !is_acceptable_pin(pin) {
            return Err(weak_pin());
        }
        platform::sleep_ms(30).await;
        let salt: [u8; SALT_LEN] = platform::random_bytes();
        let key = VaultKey::derive(pin, &salt).map_err(|e| e.explain())?;
        Ok((key, salt))
    }

    pub(super) async fn load_profile_meta(&mut self) {
        let seen = match self.store().get_meta(SAFEGUARDING_SEEN_KEY).await {
            Ok(Some(b)) => String::from_utf8_lossy(&b)
                .parse::<i64>()
                .ok()
                .map(Timestamp),
            _ => None,
        };
        self.state.write().safeguarding_seen = seen;
    }

    /// The profile has read the notice as it is now.
    pub(super) async fn acknowledge_safeguarding(&mut self) {
        let Some(at) = self
            .state
            .peek()
            .safeguarding
            .as_ref()
            .map(|s| s.updated_at)
        else {
            return;
        };
        let _ = self
            .store()
            .put_meta(SAFEGUARDING_SEEN_KEY, at.millis().to_string().as_bytes())
            .await;
        self.state.write().safeguarding_seen = Some(at);
    }
}
