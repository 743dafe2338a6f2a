//! The one seam between the app and the platform it runs on. The driver and the hub API
//! use only the names re-exported here; each platform provides them in its own files:
//!
//! | name | web (wasm32) | native (desktop, Android, iOS) |
//! |---|---|---|
//! | [`DeviceStore`], [`open_store`], [`delete_store`] | IndexedDB (`store_idb`) | files in the data directory (`store_fs`) |
//! | [`connect`], [`FrameSink`], [`FrameStream`] | the browser's WebSocket | tokio-tungstenite |
//! | [`send_request`] | the browser's `fetch` | reqwest |
//! | clock, randomness, timers, network and activity events | `transport_web` | `transport_native` |
//!
//! Everything above the seam (the driver, every view, core) is the same code everywhere.

/// What the hub's connection brought.
#[derive(Debug)]
pub enum Incoming {
    /// A binary frame: what the sync protocol speaks.
    Frame(Vec<u8>),
    /// A text frame: never sent by a hub, so something else answered.
    Text,
    /// The connection was closed.
    Closed,
    /// The connection broke.
    Failed,
}

/// An HTTP request to the hub.
pub struct Request<'a> {
    pub post: bool,
    pub url: &'a str,
    pub bearer: Option<&'a str>,
    /// JSON, for a POST.
    pub body: Option<String>,
}

/// The hub's answer: its status and body. `Err` when the hub could not be reached.
pub type Answer = Result<(u16, Vec<u8>), ()>;

#[cfg(target_arch = "wasm32")]
pub use super::http_web::send_request;
#[cfg(target_arch = "wasm32")]
pub use super::store_idb::{IdbStore as DeviceStore, IdbStore};
#[cfg(target_arch = "wasm32")]
pub use super::transport_web::*;

#[cfg(not(target_arch = "wasm32"))]
pub use super::http_native::send_request;
#[cfg(not(target_arch = "wasm32"))]
pub use super::store_fs::FsStore as DeviceStore;
#[cfg(not(target_arch = "wasm32"))]
pub use super::transport_native::*;

/// Opens (creating on first use) the device's store called `name`.
pub async fn open_store(name: &str) -> Result<DeviceStore, super::store_error::StoreError> {
    #[cfg(target_arch = "wasm32")]
    {
        IdbStore::open(name).await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let dir = data_dir()?;
        create_private_dir(&dir)?;
        DeviceStore::open(dir.join(name))
    }
}

/// Deletes the device's store called `name` with everything in it.
pub async fn delete_store(name: &str) -> Result<(), super::store_error::StoreError> {
    #[cfg(target_arch = "wasm32")]
    {
        IdbStore::delete(name).await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        DeviceStore::delete(data_dir()?.join(name))
    }
}
