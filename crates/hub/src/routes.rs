//! The hub's HTTP surface: one module per area, each exporting `router()`.

pub mod account;
pub mod devices;
pub mod guessing;
pub mod health;
pub mod join;
pub mod members;
pub mod security_headers;
pub mod static_files;
pub mod sync_ws;

use crate::state::AppState;
use axum::{middleware, Router};

/// Every route, with static files (the PWA) as the fallback, and the security headers on
/// every response.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(health::router())
        .merge(join::router())
        .merge(account::router())
        .merge(devices::router())
        .merge(members::router())
        .merge(sync_ws::router())
        .merge(static_files::router(state.config.static_dir.as_deref()))
        .layer(middleware::from_fn(security_headers::add))
        .with_state(state)
}
