//! Frame layout: `[version: u8][type: u8][body]`, integers big-endian.
//!
//! Strings are `u32 length + UTF-8`; ids are 16 raw bytes; a sync message is the rest of
//! the frame. Decoding never panics: every fault is a [`DecodeError`] that the receiver
//! turns into an `Error` frame and a close.

use crate::ids::{DeviceId, DocId, MemberId, ProjectId};

pub const PROTOCOL_VERSION: u8 = 1;

/// The largest frame either side accepts. A member document's first sync fits well within it.
pub const MAX_FRAME_BYTES: usize = 8 * 1024 * 1024;

const T_AUTH: u8 = 0x01;
const T_WELCOME: u8 = 0x02;
const T_SYNC: u8 = 0x03;
const T_UNAVAILABLE: u8 = 0x04;
const T_ERROR: u8 = 0x05;

/// What a document is, so the device knows how to read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocKind {
    Member = 1,
    Project = 2,
    Staff = 3,
}

impl DocKind {
    fn from_u8(v: u8) -> Option<Self> {
        match v {
            1 => Some(Self::Member),
            2 => Some(Self::Project),
            3 => Some(Self::Staff),
            _ => None,
        }
    }
}

/// Why a side closes the connection. Sent in an `Error` frame just before the close.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// The frame could not be decoded.
    Malformed = 1,
    /// The frame is larger than [`MAX_FRAME_BYTES`].
    TooLarge = 2,
    /// The frame's version is not one this side speaks.
    UnsupportedVersion = 3,
    /// The token is unknown, forged or revoked. Deliberately one code for all three.
    AuthFailed = 4,
    /// A frame other than `Auth` came before authentication.
    NotAuthenticated = 5,
    /// The hub could not store or load; nothing was acknowledged, try again later.
    Unavailable = 6,
    /// Any other fault on the sender's side.
    Internal = 7,
    /// The sync message inside a `Sync` frame was not a valid Automerge sync message.
    BadSyncMessage = 8,
    /// One of the hub's limits was reached (failed sign-ins from this network, frames or
    /// bytes too fast, too many connections of one device); the message says which.
    /// Retrying later, with backoff, helps.
    Limited = 9,
}

impl ErrorCode {
    fn from_u16(v: u16) -> Option<Self> {
        Some(match v {
            1 => Self::Malformed,
            2 => Self::TooLarge,
            3 => Self::UnsupportedVersion,
            4 => Self::AuthFailed,
            5 => Self::NotAuthenticated,
            6 => Self::Unavailable,
            7 => Self::Internal,
            8 => Self::BadSyncMessage,
            9 => Self::Limited,
            _ => return None,
        })
    }

    /// Whether a device should try again later (rather than ask its person to act).
    pub fn is_transient(self) -> bool {
        matches!(self, Self::Unavailable | Self::Internal)
    }
}

/// The hub's answer to a good `Auth`: who this device is and which documents it may sync.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Welcome {
    pub project: ProjectId,
    pub member: MemberId,
    pub device: DeviceId,
    /// The hub's clock, so a device can tell its person when its own clock is far off.
    pub hub_time_ms: i64,
    pub docs: Vec<(DocId, DocKind)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Frame {
    /// Device to hub, first frame only: the device token.
    Auth { token: String },
    /// Hub to device, in answer to a good `Auth`.
    Welcome(Welcome),
    /// Either way: an Automerge sync message for one document.
    Sync { doc: DocId, message: Vec<u8> },
    /// Hub to device: that document cannot be synced by this device (whether or not it exists).
    Unavailable { doc: DocId },
    /// Either way, just before closing: why.
    Error { code: ErrorCode, message: String },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty frame")]
    Empty,
    #[error("frame of {0} bytes is over the {MAX_FRAME_BYTES}-byte limit")]
    TooLarge(usize),
    #[error("protocol version {0} is not supported (this side speaks {PROTOCOL_VERSION})")]
    UnsupportedVersion(u8),
    #[error("unknown frame type {0:#04x}")]
    UnknownType(u8),
    #[error("frame ends in the middle of a field")]
    Truncated,
    #[error("frame has {0} bytes after its last field")]
    TrailingBytes(usize),
    #[error("a text field is not valid UTF-8")]
    BadUtf8,
    #[error("unknown document kind {0}")]
    UnknownDocKind(u8),
    #[error("unknown error code {0}")]
    UnknownErrorCode(u16),
}

impl DecodeError {
    /// The code a receiver answers this fault with.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::TooLarge(_) => ErrorCode::TooLarge,
            Self::UnsupportedVersion(_) => ErrorCode::UnsupportedVersion,
            _ => ErrorCode::Malformed,
        }
    }
}

impl Frame {
    pub fn encode(&self) -> Vec<u8> {
        let mut out = vec![PROTOCOL_VERSION];
        match self {
            Frame::Auth { token } => {
                out.push(T_AUTH);
                put_str(&mut out, token);
            }
            Frame::Welcome(w) => {
                out.push(T_WELCOME);
                out.extend_from_slice(w.project.as_bytes());
                out.extend_from_slice(w.member.as_bytes());
                out.extend_from_slice(w.device.as_bytes());
                out.extend_from_slice(&w.hub_time_ms.to_be_bytes());
                out.extend_from_slice(&(w.docs.len().min(u16::MAX as usize) as u16).to_be_bytes());
                for (doc, kind) in w.docs.iter().take(u16::MAX as usize) {
                    out.extend_from_slice(doc.as_bytes());
                    out.push(*kind as u8);
                }
            }
            Frame::Sync { doc, message } => {
                out.push(T_SYNC);
                out.extend_from_slice(doc.as_bytes());
                out.extend_from_slice(message);
            }
            Frame::Unavailable { doc } => {
                out.push(T_UNAVAILABLE);
                out.extend_from_slice(doc.as_bytes());
            }
            Frame::Error { code, message } => {
                out.push(T_ERROR);
                out.extend_from_slice(&(*code as u16).to_be_bytes());
                put_str(&mut out, message);
            }
        }
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<Frame, DecodeError> {
        if bytes.len() > MAX_FRAME_BYTES {
            return Err(DecodeError::TooLarge(bytes.len()));
        }
        let mut r = Reader(bytes);
        let version = r.u8().map_err(|_| DecodeError::Empty)?;
        if version != PROTOCOL_VERSION {
            return Err(DecodeError::UnsupportedVersion(version));
        }
        let frame = match r.u8()? {
            T_AUTH => Frame::Auth { token: r.string()? },
            T_WELCOME => {
                let project = ProjectId::from_bytes(r.id()?);
                let member = MemberId::from_bytes(r.id()?);
                let device = DeviceId::from_bytes(r.id()?);
                let hub_time_ms = i64::from_be_bytes(r.array::<8>()?);
                let count = u16::from_be_bytes(r.array::<2>()?);
                let mut docs = Vec::with_capacity(count as usize);
                for _ in 0..count {
                    let doc = DocId::from_bytes(r.id()?);
                    let k = r.u8()?;
                    docs.push((
                        doc,
                        DocKind::from_u8(k).ok_or(DecodeError::UnknownDocKind(k))?,
                    ));
                }
                Frame::Welcome(Welcome {
                    project,
                    member,
                    device,
                    hub_time_ms,
                    docs,
                })
            }
            T_SYNC => {
                let doc = DocId::from_bytes(r.id()?);
                let message = r.rest().to_vec();
                Frame::Sync { doc, message }
            }
            T_UNAVAILABLE => Frame::Unavailable {
                doc: DocId::from_bytes(r.id()?),
            },
            T_ERROR => {
                let c = u16::from_be_bytes(r.array::<2>()?);
                let code = ErrorCode::from_u16(c).ok_or(DecodeError::UnknownErrorCode(c))?;
                Frame::Error {
                    code,
                    message: r.string()?,
                }
            }
            other => return Err(DecodeError::UnknownType(other)),
        };
        if !r.0.is_empty() {
            return Err(DecodeError::TrailingBytes(r.0.len()));
        }
        Ok(frame)
    }
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_be_bytes());
    out.extend_from_slice(s.as_bytes());
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        if self.0.len() < n {
            return Err(DecodeError::Truncated);
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Ok(head)
    }

    fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.take(1)?[0])
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    fn id(&mut self) -> Result<[u8; 16], DecodeError> {
        self.array::<16>()
    }

    fn string(&mut self) -> Result<String, DecodeError> {
        let len = u32::from_be_bytes(self.array::<4>()?) as usize;
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| DecodeError::BadUtf8)
    }

    fn rest(&mut self) -> &'a [u8] {
        std::mem::take(&mut self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn arb_id() -> impl Strategy<Value = [u8; 16]> {
        any::<[u8; 16]>()
    }

    fn arb_code() -> impl Strategy<Value = ErrorCode> {
        (1u16..=9).prop_map(|c| ErrorCode::from_u16(c).unwrap())
    }

    fn arb_frame() -> impl Strategy<Value = Frame> {
        prop_oneof![
            ".{0,64}".prop_map(|token| Frame::Auth { token }),
            (
                arb_id(),
                arb_id(),
                arb_id(),
                any::<i64>(),
                proptest::collection::vec((arb_id(), 1u8..=3), 0..5)
            )
                .prop_map(|(p, m, d, t, docs)| Frame::Welcome(Welcome {
                    project: ProjectId::from_bytes(p),
                    member: MemberId::from_bytes(m),
                    device: DeviceId::from_bytes(d),
                    hub_time_ms: t,
                    docs: docs
                        .into_iter()
                        .map(|(id, k)| (DocId::from_bytes(id), DocKind::from_u8(k).unwrap()))
                        .collect(),
                })),
            (arb_id(), proptest::collection::vec(any::<u8>(), 0..256)).prop_map(|(d, message)| {
                Frame::Sync {
                    doc: DocId::from_bytes(d),
                    message,
                }
            }),
            arb_id().prop_map(|d| Frame::Unavailable {
                doc: DocId::from_bytes(d)
            }),
            (arb_code(), ".{0,64}").prop_map(|(code, message)| Frame::Error { code, message }),
        ]
    }

    proptest! {
        #[test]
        fn every_frame_reads_back_as_written(frame in arb_frame()) {
            prop_assert_eq!(Frame::decode(&frame.encode()), Ok(frame));
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..128)) {
            let _ = Frame::decode(&bytes);
        }

        #[test]
        fn a_cut_frame_is_an_error_not_a_different_frame(frame in arb_frame(), cut in 0usize..64) {
            let bytes = frame.encode();
            // A sync message is the rest of its frame, so cutting one is still a frame.
            prop_assume!(!matches!(frame, Frame::Sync { .. }));
            if cut < bytes.len() {
                prop_assert!(Frame::decode(&bytes[..cut]).is_err());
            }
        }
    }

    #[test]
    fn an_oversized_frame_is_refused_with_its_size() {
        let bytes = vec![PROTOCOL_VERSION; MAX_FRAME_BYTES + 1];
        assert_eq!(
            Frame::decode(&bytes),
            Err(DecodeError::TooLarge(MAX_FRAME_BYTES + 1))
        );
        assert_eq!(DecodeError::TooLarge(0).code(), ErrorCode::TooLarge);
    }

    #[test]
    fn a_frame_from_a_newer_protocol_says_so() {
        assert_eq!(
            Frame::decode(&[9, T_AUTH]),
            Err(DecodeError::UnsupportedVersion(9))
        );
    }

    #[test]
    fn trailing_bytes_are_refused() {
        let mut bytes = Frame::Unavailable {
            doc: DocId::from_bytes([1; 16]),
        }
        .encode();
        bytes.push(0);
        assert_eq!(Frame::decode(&bytes), Err(DecodeError::TrailingBytes(1)));
    }
}
