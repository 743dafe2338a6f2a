//! The device's token: a new one every 30 days (core's `token_rotation`), taken while the
//! hub is reachable; and after the hub refused the token, the one another tab of this
//! browser took since this tab read it.

use super::*;
use kumppani_core::token_rotation::{rotation, Rotation};

/// When this profile's device got its token (ms since the epoch).
const TOKEN_AT_KEY: &str = "token_at";

impl Driver {
    /// Takes a new token when the current one is due. The new token is stored before it is
    /// used; until the device signs in with it, the hub takes the old one too.
    pub(super) async fn rotate_token_if_due(&mut self) {
        let Some(identity) = self.identity.clone() else {
            return;
        };
        let now = platform::now();
        let got = match self.store().get_meta(TOKEN_AT_KEY).await {
            Ok(bytes) => bytes
                .and_then(|b| String::from_utf8_lossy(&b).parse::<i64>().ok())
                .map(Timestamp),
            Err(_) => return,
        };
        match rotation(got, self.token_tried, now) {
            Rotation::NotYet => {}
            Rotation::StartCounting => self.note_token_at(now).await,
            Rotation::Due => {
                self.token_tried = Some(now);
                let token = hub_api::next_token(&identity.hub_url, &identity.join.token).await;
                let Ok(token) = token else {
                    return; // tried again in an hour
                };
                let mut next = identity;
                next.join.token = token;
                let Ok(bytes) = serde_json::to_vec(&next) else {
                    return;
                };
                if self.store().put_meta(IDENTITY_KEY, &bytes).await.is_err() {
                    return; // the old token works on; a full device tries again later
                }
                self.note_token_at(now).await;
                if let Some(session) = self.session.as_mut() {
                    session.set_token(next.join.token.clone());
                }
                self.identity = Some(next);
                self.token_tried = None;
            }
        }
    }

    async fn note_token_at(&self, now: Timestamp) {
        let _ = self
            .store()
            .put_meta(TOKEN_AT_KEY, now.millis().to_string().as_bytes())
            .await;
    }

    /// After the hub refused this tab's token: true when the profile's store holds another
    /// (newer) one, which this tab now uses.
    pub(super) async fn adopt_stored_token(&mut self) -> bool {
        let Some(current) = self.identity.as_ref().map(|i| i.join.token.clone()) else {
            return false;
        };
        let Ok(Some(bytes)) = self.store().get_meta(IDENTITY_KEY).await else {
            return false;
        };
        let Ok(stored) = serde_json::from_slice::<Identity>(&bytes) else {
            return false;
        };
        if stored.join.token == current {
            return false;
        }
        if let Some(session) = self.session.as_mut() {
            session.set_token(stored.join.token.clone());
        }
        self.identity = Some(stored);
        true
    }
}
