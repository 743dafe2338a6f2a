//! Where a request comes from, and the limits on wrong codes ([`crate::limits`]): join,
//! organiser and link codes share one count per address, and link codes have a hub-wide
//! budget besides.

use crate::clock::now_ms;
use crate::error::ApiError;
use crate::state::AppState;
use crate::store::CodeKind;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use std::future::Future;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// The address a request came from: the socket's peer, or behind a reverse proxy the
/// address the proxy appended to `X-Forwarded-For` (the last one: earlier ones are
/// whatever the client claimed).
pub struct ClientAddr(pub IpAddr);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip())
            .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        if !state.config.behind_proxy {
            return Ok(ClientAddr(peer));
        }
        // Only the very last address: an unreadable one must not let an earlier, client-made
        // entry through.
        let forwarded = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .next_back()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|a| a.trim().parse::<IpAddr>().ok());
        Ok(ClientAddr(forwarded.unwrap_or(peer)))
    }
}

/// Runs a code redemption for `addr`: refused unchecked while the address (or, for link
/// codes, the whole hub) is past its limit, and counted when the code was wrong, used or
/// expired. `kind` is `Link` for link, set-up and recovery codes, which open one member's
/// account; join and organiser codes (told apart only by the lookup) pass `Join`.
pub async fn redeeming<T>(
    state: &AppState,
    ClientAddr(addr): ClientAddr,
    kind: CodeKind,
    redeem: impl Future<Output = Result<T, ApiError>>,
) -> Result<T, ApiError> {
    // Each attempt is counted before the code is looked up and refunded unless it was
    // wrong: a burst of parallel guesses cannot all slip under one check.
    let now = now_ms();
    let link = kind == CodeKind::Link;
    if link {
        if let Err(wait) = state.link_failures.attempt((), now) {
            tracing::warn!(%addr, "linking paused: too many wrong link codes across the hub");
            return Err(ApiError::LinkingPaused(wait));
        }
    }
    if let Err(wait) = state.code_failures.attempt(addr, now) {
        if link {
            state.link_failures.refund((), now);
        }
        tracing::warn!(%addr, "too many wrong codes from one address");
        return Err(ApiError::TooManyAttempts(wait));
    }
    let result = redeem.await;
    let wrong = matches!(
        result,
        Err(ApiError::UnknownCode | ApiError::CodeUsed | ApiError::CodeExpired)
    );
    if !wrong {
        let now = now_ms();
        state.code_failures.refund(addr, now);
        if link {
            state.link_failures.refund((), now);
        }
    }
    result
}
