//! The sync protocol on the wire: one binary WebSocket message is one [`Frame`].
//! docs/PROTOCOL.md describes the same layout for other client writers.

mod frame;

pub use frame::{
    DecodeError, DocKind, ErrorCode, Frame, Welcome, MAX_FRAME_BYTES, PROTOCOL_VERSION,
};
