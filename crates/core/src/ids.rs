//! Identifier newtypes. Every id is 16 random bytes, written as 32 lowercase hex digits.
//!
//! Randomness comes from the caller (`from_bytes`), so core stays free of platform RNGs.

use std::fmt;
use std::str::FromStr;

/// An id string that is not 32 hex digits.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a valid id: expected 32 hex digits, got {0:?}")]
pub struct IdParseError(pub String);

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name([u8; 16]);

        impl $name {
            /// Wraps 16 bytes that the caller drew from a secure random source.
            pub const fn from_bytes(bytes: [u8; 16]) -> Self {
                Self(bytes)
            }

            pub const fn as_bytes(&self) -> &[u8; 16] {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&hex::encode(self.0))
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self)
            }
        }

        impl FromStr for $name {
            type Err = IdParseError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let mut bytes = [0u8; 16];
                hex::decode_to_slice(s, &mut bytes).map_err(|_| IdParseError(s.to_owned()))?;
                Ok(Self(bytes))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

id_type!(
    /// An Automerge document, assigned by the hub. Unguessable: it is also a capability hint,
    /// though access is always decided by the hub per device.
    DocId
);
id_type!(
    /// A member of one project (a person, on any number of devices).
    MemberId
);
id_type!(
    /// One device of a member; each holds its own token.
    DeviceId
);
id_type!(
    /// A project on a hub.
    ProjectId
);
id_type!(
    /// A diary entry, made on the device that writes it, so offline writers never collide.
    EntryId
);
id_type!(
    /// An event in a project, made by the organiser's device that adds it.
    EventId
);
id_type!(
    /// An idea a member submits, made on the device that submits it.
    IdeaId
);
id_type!(
    /// A comment on an idea, made on the device that writes it.
    CommentId
);
id_type!(
    /// A milestone organisers set on an idea, made on the organiser's device.
    MilestoneId
);
id_type!(
    /// A diary prompt organisers publish, made on the organiser's device that adds it.
    PromptId
);
id_type!(
    /// A person's profile on one device (a shared tablet holds several); never leaves it.
    ProfileId
);
id_type!(
    /// A person an organiser registers at the door, with no phone or member id of their own.
    WalkInId
);
id_type!(
    /// One export of data by an organiser, made on the organiser's device.
    ExportId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_reads_back_what_it_writes() {
        let id = DocId::from_bytes([7; 16]);
        assert_eq!(id.to_string(), "07".repeat(16));
        assert_eq!(id.to_string().parse::<DocId>().unwrap(), id);
    }

    #[test]
    fn a_short_or_non_hex_id_is_refused() {
        assert!("abc".parse::<MemberId>().is_err());
        assert!("zz".repeat(16).parse::<MemberId>().is_err());
    }
}
