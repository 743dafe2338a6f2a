//! What the views ask of the sync driver. Replies come back on a oneshot, so a form keeps
//! its text until the driver says the change is durable on this device.

use futures::channel::oneshot;
use kumppani_core::ids::EntryId;
use kumppani_core::model::EntryDraft;

pub type Reply<T> = oneshot::Sender<Result<T, String>>;

pub enum Command {
    Join {
        hub_url: String,
        code: String,
        display_name: String,
        reply: Reply<()>,
    },
    Link {
        hub_url: String,
        code: String,
        device_name: String,
        reply: Reply<()>,
    },
    AddEntry {
        draft: EntryDraft,
        reply: Reply<EntryId>,
    },
    EditEntry {
        id: EntryId,
        draft: EntryDraft,
        reply: Reply<()>,
    },
    DeleteEntry {
        id: EntryId,
        reply: Reply<()>,
    },
    /// A single-use code for linking another device of this member.
    CreateLinkCode {
        reply: Reply<(String, i64)>,
    },
    /// The platform's network came or went.
    NetworkChanged {
        online: bool,
    },
    /// Try to reach the hub now rather than at the next backoff step.
    RetryNow,
}
