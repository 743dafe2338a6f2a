//! `POST /api/account/delete`: a member deletes their account from any of their devices
//! ([`crate::erasure`]). The answer comes once the member's data is gone from the database.

use super::devices::authenticate;
use super::guessing::ClientAddr;
use crate::erasure::{delete_account, retry_in_background, ErasureError};
use crate::error::{ApiError, ApiJson};
use crate::state::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use kumppani_core::api::DeleteAccountRequest;

pub fn router() -> Router<AppState> {
    Router::new().route("/api/account/delete", post(delete))
}

async fn delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    from: ClientAddr,
    ApiJson(req): ApiJson<DeleteAccountRequest>,
) -> Result<StatusCode, ApiError> {
    let who = authenticate(&state, &headers, from).await?;
    match delete_account(&state, &who.member, req.contributions).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT),
        // The member and their devices are gone, so the device cannot ask again: what is
        // left (rederiving, rewriting the shared documents) is retried here until it is done.
        Err(ErasureError::Unfinished(e)) => {
            tracing::error!(error = %e, project = %who.member.project, "an account was deleted but the project's documents are not rewritten yet; retrying");
            retry_in_background(state.clone(), who.member.id, who.member.project);
            Ok(StatusCode::NO_CONTENT)
        }
        Err(ErasureError::Store(e)) => Err(ApiError::Store(e)),
        Err(e) => {
            tracing::error!(error = %e, member = %who.member.id, "could not delete an account");
            Err(ApiError::NotDeleted)
        }
    }
}
