//! Kumppani's core: everything the app and the hub agree on, with no UI, network or disk.
//!
//! - [`api`]: the JSON bodies of the hub's HTTP API.
//! - [`ids`] and [`time`]: the newtypes every other module speaks in.
//! - [`model`]: typed reading and writing of the Automerge documents (member, project, staff).
//! - [`derive`](mod@derive): what the hub derives from the documents: seats at events, in receipt order.
//! - [`wire`]: the frames that travel over the sync WebSocket (see docs/PROTOCOL.md).
//! - [`session`]: the device's sans-IO sync session; the app and the hub's tests drive it.
//! - [`docsync`]: one document's sync with one peer, shared by the session and the hub.
//! - [`store`]: the device store trait (snapshot + incremental chunks) and its conformance suite.
//! - [`ticket`]: seat tickets the hub signs and organisers verify offline at the door.
//! - [`door`]: what a scanned or typed ticket at the door lets in, offline.
//! - [`status`] and [`backoff`]: small pure rules the sync driver follows.
//! - [`vault`]: encryption at rest for a profile's private data, from a PIN.
//!
//! Time and randomness always come in as arguments, so every rule is tested natively.

pub mod api;
pub mod audit;
pub mod backoff;
pub mod derive;
pub mod docsync;
pub mod door;
pub mod export;
pub mod ids;
pub mod model;
pub mod session;
pub mod status;
pub mod store;
pub mod ticket;
pub mod time;
pub mod token_rotation;
pub mod vault;
pub mod wire;
