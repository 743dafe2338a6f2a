//! Kumppani, the app: Dioxus views over core's documents, with a sync driver at the edge.
//!
//! - [`app`]: the root component, providers and routes.
//! - [`views`]: one per route; [`components`]: one per file, props in.
//! - [`state`]: what the views read; only the sync driver writes it.
//! - [`sync`]: stores, hub API, transport and the driver.

pub mod app;
pub mod camera;
pub mod components;
pub mod download;
pub mod format;
pub mod i18n;
pub mod route;
pub mod state;
pub mod sync;
pub mod views;

/// Starts the app on the platform it was built for.
pub fn launch() {
    dioxus::launch(app::App);
}
