//! What the views ask of the sync driver. Replies come back on a oneshot, so a form keeps
//! its text until the driver says the change is durable on this device.

use futures::channel::oneshot;
use kumppani_core::ids::{EntryId, EventId, MemberId};
use kumppani_core::model::event::EventDraft;
use kumppani_core::model::staff::Approval;
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
    RequestSignup {
        event: EventId,
        reply: Reply<()>,
    },
    CancelSignup {
        event: EventId,
        reply: Reply<()>,
    },
    /// The member has looked at an event's sign-up: its change marker goes away.
    MarkSeen {
        event: EventId,
    },
    /// Organisers: a new event (`id: None`) or changes to one.
    SaveEvent {
        id: Option<EventId>,
        draft: EventDraft,
        reply: Reply<EventId>,
    },
    CancelEvent {
        id: EventId,
        reply: Reply<()>,
    },
    /// Organisers, at the door: a scanned ticket or a typed short code. Answers the name.
    CheckIn {
        event: EventId,
        code: String,
        reply: Reply<String>,
    },
    /// Organisers, at the door: someone with no sign-up (or no phone), by name alone.
    AddWalkIn {
        event: EventId,
        name: String,
        reply: Reply<()>,
    },
    SetApproval {
        event: EventId,
        member: MemberId,
        approval: Approval,
        reply: Reply<()>,
    },
    /// Organisers: the roster as CSV.
    RosterCsv {
        event: EventId,
        reply: Reply<String>,
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
