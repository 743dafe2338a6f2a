//! Everything between the views and the outside world: the device store (IndexedDB on the
//! web, files natively), the hub's HTTP API, and the sync driver that runs core's session.
//!
//! Views never touch a transport or a store: they send a [`Command`] to the driver and read
//! [`crate::state::AppState`].

pub mod api_error;
pub mod command;
pub mod core_error;
pub mod door_error;
pub mod identity;
pub mod profiles;
pub mod store_error;

pub mod driver;
pub mod hub_api;
pub mod platform;

// Behind `platform`: the browser's side and the native side.
#[cfg(not(target_arch = "wasm32"))]
mod http_native;
#[cfg(target_arch = "wasm32")]
mod http_web;
#[cfg(not(target_arch = "wasm32"))]
pub mod store_fs;
#[cfg(target_arch = "wasm32")]
pub mod store_idb;
#[cfg(not(target_arch = "wasm32"))]
mod transport_native;
#[cfg(target_arch = "wasm32")]
mod transport_web;

pub use command::Command;
