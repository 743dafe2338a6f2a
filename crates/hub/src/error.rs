//! The HTTP API's error: each variant becomes a status and a safe JSON body
//! `{"error": "<snake_code>", "message": "<plain words a resident understands>"}`.
//! Internal causes are logged here and never sent.

use crate::limits::RetryAfter;
use crate::store::StoreError;
use axum::extract::rejection::JsonRejection;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("unknown code")]
    UnknownCode,
    #[error("link code already used")]
    CodeUsed,
    #[error("link code expired")]
    CodeExpired,
    /// A field a person filled in is not acceptable; the message says how to fix it.
    #[error("invalid {field}: {message}")]
    Invalid {
        field: &'static str,
        message: &'static str,
    },
    #[error("the request body is not the expected JSON: {0}")]
    BadJson(#[from] JsonRejection),
    #[error("missing, unknown or revoked device token")]
    Unauthorized,
    #[error("only organisers may do this")]
    OrganisersOnly,
    #[error("no such member in the caller's project")]
    UnknownMember,
    /// An organiser tried to see or remove another organiser's devices.
    #[error("organisers' devices are removed by themselves")]
    OnlyResidentsDevices,
    /// A next token was given to this device moments ago (another tab asked).
    #[error("a next token was given moments ago")]
    TokenPending,
    /// A new token was asked for with a token the device has since replaced.
    #[error("a new token needs the device's current token")]
    NotCurrentToken,
    #[error("no such device for this member")]
    UnknownDevice,
    #[error("no such API route")]
    NotFound,
    /// Deleting an account failed before anything was deleted (logged where it happened).
    #[error("the account could not be deleted")]
    NotDeleted,
    #[error("storage failed: {0}")]
    Store(#[from] StoreError),
    /// Too many wrong codes or failed sign-ins from the caller's address ([`crate::limits`]).
    #[error("too many failed attempts; retry in {} s", .0.seconds())]
    TooManyAttempts(RetryAfter),
    /// Too many wrong link codes across the whole hub: linking waits for everyone.
    #[error("linking paused after too many wrong link codes; retry in {} s", .0.seconds())]
    LinkingPaused(RetryAfter),
}

impl ApiError {
    fn parts(&self) -> (StatusCode, &'static str, String) {
        match self {
            ApiError::UnknownCode => (
                StatusCode::NOT_FOUND,
                "unknown_code",
                "That code is not right. Check it and try again.".into(),
            ),
            ApiError::CodeUsed => (
                StatusCode::GONE,
                "code_used",
                "That code has already been used. Make a new one on your other device.".into(),
            ),
            ApiError::CodeExpired => (
                StatusCode::GONE,
                "code_expired",
                "That code is too old. Make a new one on your other device.".into(),
            ),
            ApiError::Invalid { field, message } => (
                StatusCode::BAD_REQUEST,
                invalid_code(field),
                (*message).into(),
            ),
            ApiError::BadJson(_) => (
                StatusCode::BAD_REQUEST,
                "bad_request",
                "The app sent something the hub did not understand. Update the app and try again."
                    .into(),
            ),
            ApiError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                "not_signed_in",
                "This device is not signed in any more. Join again or link it from another device."
                    .into(),
            ),
            ApiError::OrganisersOnly => (
                StatusCode::FORBIDDEN,
                "organisers_only",
                "Only the project's organisers can do this.".into(),
            ),
            ApiError::UnknownMember => (
                StatusCode::NOT_FOUND,
                "unknown_member",
                "There is no such member in your project.".into(),
            ),
            ApiError::OnlyResidentsDevices => (
                StatusCode::FORBIDDEN,
                "only_residents_devices",
                "Organisers remove their own devices, from another of their devices.".into(),
            ),
            ApiError::TokenPending => (
                StatusCode::CONFLICT,
                "token_pending",
                "This device was given a new sign-in moments ago; try again later.".into(),
            ),
            ApiError::NotCurrentToken => (
                StatusCode::CONFLICT,
                "not_current_token",
                "This device has a newer sign-in; open the app again to use it.".into(),
            ),
            ApiError::UnknownDevice => (
                StatusCode::NOT_FOUND,
                "unknown_device",
                "That device is not one of yours.".into(),
            ),
            ApiError::NotFound => (
                StatusCode::NOT_FOUND,
                "not_found",
                "There is nothing here.".into(),
            ),
            ApiError::NotDeleted => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "not_deleted",
                "Your account could not be deleted just now; nothing was deleted. Try again later.".into(),
            ),
            ApiError::Store(_) => (
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "The hub is having trouble right now. Try again in a moment.".into(),
            ),
            ApiError::TooManyAttempts(wait) => (
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_attempts",
                format!(
                    "Too many wrong codes or failed sign-ins from this network. Try again in {} minutes.",
                    (wait.seconds() + 59) / 60
                ),
            ),
            ApiError::LinkingPaused(wait) => (
                StatusCode::TOO_MANY_REQUESTS,
                "linking_paused",
                format!(
                    "Someone has tried many wrong link codes on this hub, so linking devices is paused for everyone. Try again in {} minutes.",
                    (wait.seconds() + 59) / 60
                ),
            ),
        }
    }
}

fn invalid_code(field: &str) -> &'static str {
    match field {
        "display_name" => "invalid_display_name",
        "device_name" => "invalid_device_name",
        "device_id" => "invalid_device_id",
        _ => "invalid_input",
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code, message) = self.parts();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        } else {
            tracing::debug!(error = %self, "request refused");
        }
        let mut res = (
            status,
            Json(serde_json::json!({ "error": code, "message": message })),
        )
            .into_response();
        if let ApiError::TooManyAttempts(wait) | ApiError::LinkingPaused(wait) = self {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(wait.seconds()));
        }
        res
    }
}

/// `axum::Json`, but a body that does not parse is an [`ApiError`] like every other fault.
#[derive(axum::extract::FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);
