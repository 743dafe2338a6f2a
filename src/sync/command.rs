//! What the views ask of the sync driver. Replies come back on a oneshot, so a form keeps
//! its text until the driver says the change is durable on this device.

use futures::channel::oneshot;
use kumppani_core::api::{Contributions, DeviceInfo, MemberInfo};
use kumppani_core::ids::{
    CommentId, DeviceId, EntryId, EventId, IdeaId, MemberId, ProfileId, PromptId,
};
use kumppani_core::model::event::EventDraft;
use kumppani_core::model::idea::{IdeaDraft, IdeaStatus, ReportTarget};
use kumppani_core::model::member::Sharing;
use kumppani_core::model::project::PromptDraft;
use kumppani_core::model::staff::{Approval, ExportKind};
use kumppani_core::model::EntryDraft;

pub type Reply<T> = oneshot::Sender<Result<T, String>>;

pub enum Command {
    /// Joins a project as a new profile on this device, sealed with `pin`.
    Join {
        hub_url: String,
        code: String,
        display_name: String,
        pin: String,
        reply: Reply<()>,
    },
    /// Links this device to an existing member (a code from their other device or from an
    /// organiser) as a new profile, sealed with `pin`.
    Link {
        hub_url: String,
        code: String,
        device_name: String,
        pin: String,
        reply: Reply<()>,
    },
    /// Opens a profile with its PIN.
    Unlock {
        profile: ProfileId,
        pin: String,
        reply: Reply<()>,
    },
    /// Closes the open profile: its key is dropped and the lock screen shows.
    Lock,
    /// Removes a profile whose PIN is forgotten: its private entries are gone for good.
    ForgetProfile {
        profile: ProfileId,
        reply: Reply<()>,
    },
    /// A new entry: private (`sharing: None`) or shared with the project.
    AddEntry {
        draft: EntryDraft,
        sharing: Option<Sharing>,
        reply: Reply<EntryId>,
    },
    /// Shares a private entry, or changes how a shared one is shown. Answers its new id.
    ShareEntry {
        id: EntryId,
        sharing: Sharing,
        reply: Reply<EntryId>,
    },
    /// Takes a shared entry back into the private diary. Answers its new id.
    RevokeEntry {
        id: EntryId,
        reply: Reply<EntryId>,
    },
    /// The profile has read the safeguarding notice as it is now.
    AcknowledgeSafeguarding,
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
    /// Everything of this member's on this device, as JSON ("download my data").
    PersonalData {
        reply: Reply<String>,
    },
    /// Organisers: notes in the staff document that this device exports `what`, before the
    /// file is made, so the hub's audit log learns of every export (offline ones on sync).
    RecordExport {
        what: ExportKind,
        reply: Reply<()>,
    },
    /// Organisers: the roster as CSV (the export is recorded first).
    RosterCsv {
        event: EventId,
        reply: Reply<String>,
    },
    /// A new idea; answers its published id (the one everyone sees).
    SubmitIdea {
        draft: IdeaDraft,
        reply: Reply<IdeaId>,
    },
    /// The member's own idea, by its published id.
    WithdrawIdea {
        idea: IdeaId,
        reply: Reply<()>,
    },
    /// The member's own idea, by its published id: new title, description, theme or name.
    EditIdea {
        idea: IdeaId,
        draft: IdeaDraft,
        reply: Reply<()>,
    },
    /// Support (or take back support for) a published idea.
    SetSupport {
        idea: IdeaId,
        support: bool,
        reply: Reply<()>,
    },
    Comment {
        idea: IdeaId,
        text: String,
        anonymous: bool,
        reply: Reply<CommentId>,
    },
    Report {
        target: ReportTarget,
        reason: String,
        reply: Reply<()>,
    },
    /// Organisers: move an idea along its path with a note.
    AnswerIdea {
        idea: IdeaId,
        status: IdeaStatus,
        note: String,
        reply: Reply<()>,
    },
    /// Organisers: a milestone on an idea's way.
    AddMilestone {
        idea: IdeaId,
        title: String,
        reply: Reply<()>,
    },
    /// Organisers: the event an idea is discussed at, and the idea it was merged into.
    SetIdeaLink {
        idea: IdeaId,
        event: Option<EventId>,
        merged_into: Option<IdeaId>,
        reply: Reply<()>,
    },
    /// Organisers: the project's idea themes, in order (see [`clean_themes`]).
    /// Organisers: how many distinct members' reports hide an idea or comment.
    SetReportThreshold {
        threshold: u32,
        reply: Reply<()>,
    },
    SetThemes {
        themes: Vec<String>,
        /// The themes' names in the other languages; names of themes not in `themes`
        /// are dropped.
        names: kumppani_core::model::project::ThemeNames,
        reply: Reply<()>,
    },
    /// Organisers: hide (with a reason the author sees) or restore an idea or comment.
    Moderate {
        target: ReportTarget,
        hidden: bool,
        reason: String,
        reply: Reply<()>,
    },
    /// Organisers: a new prompt (`id: None`) or changes to one.
    SavePrompt {
        id: Option<PromptId>,
        draft: PromptDraft,
        reply: Reply<PromptId>,
    },
    RemovePrompt {
        id: PromptId,
        reply: Reply<()>,
    },
    /// Organisers: the project's languages, the first language first.
    SetLanguages {
        languages: Vec<String>,
        reply: Reply<()>,
    },
    /// Organisers: the safeguarding notice (empty removes it).
    SetSafeguarding {
        text: String,
        reply: Reply<()>,
    },
    /// Organisers: minutes without use before the app locks on every device of the project.
    SetIdleLock {
        minutes: u32,
        reply: Reply<()>,
    },
    /// Organisers: the project's themes for coding shared diary entries (staff-only).
    SetAnalysisThemes {
        themes: Vec<String>,
        reply: Reply<()>,
    },
    /// Organisers: codes a shared entry with an analysis theme, or takes the code off.
    SetCode {
        entry: EntryId,
        theme: String,
        on: bool,
        reply: Reply<()>,
    },
    /// Organisers: sets up a person with no phone or email; answers a single-use code the
    /// person types on a shared tablet, where they choose their own PIN.
    SetUpPerson {
        display_name: String,
        reply: Reply<(String, i64)>,
    },
    /// The member has read their inbox.
    InboxRead,
    /// A single-use code for linking another device of this member: for the next few
    /// minutes, or (`recovery`) for months, to write down against a forgotten PIN.
    CreateLinkCode {
        recovery: bool,
        reply: Reply<(String, i64)>,
    },
    /// This member's devices that still work, oldest first, from the hub.
    ListDevices {
        /// An organiser looking at a resident's devices; `None`: this member's own.
        member: Option<MemberId>,
        reply: Reply<Vec<DeviceInfo>>,
    },
    /// Removes one of this member's devices (or, for an organiser, a resident's) at the
    /// hub: it stops syncing at once.
    RemoveDevice {
        member: Option<MemberId>,
        device: DeviceId,
        reply: Reply<()>,
    },
    /// Deletes the member's account at the hub, then this profile from this device.
    DeleteAccount {
        contributions: Contributions,
        reply: Reply<()>,
    },
    /// Organisers: the project's members, by name.
    ListMembers {
        reply: Reply<Vec<MemberInfo>>,
    },
    /// The platform's network came or went.
    NetworkChanged {
        online: bool,
    },
    /// Try to reach the hub now rather than at the next backoff step.
    RetryNow,
    /// The page is shown again: lock at once if it sat idle too long while hidden.
    Shown,
}

impl Command {
    /// Whether the command may run with no profile open (everything else is dropped then).
    pub fn works_locked(&self) -> bool {
        matches!(
            self,
            Command::Join { .. }
                | Command::Link { .. }
                | Command::Unlock { .. }
                | Command::Lock
                | Command::ForgetProfile { .. }
                | Command::NetworkChanged { .. }
                | Command::RetryNow
                | Command::Shown
        )
    }
}

/// Most themes a project keeps.
pub const MAX_THEMES: usize = 30;

/// Themes as organisers typed them: trimmed, without empty lines or repeats (ignoring
/// case; the first spelling stays), at most [`MAX_THEMES`].
pub fn clean_themes(lines: &[String]) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for line in lines {
        let theme = line.trim();
        if !theme.is_empty() && !out.iter().any(|t| t.to_lowercase() == theme.to_lowercase()) {
            out.push(theme.to_owned());
        }
    }
    if out.len() > MAX_THEMES {
        return Err(crate::i18n::words(
            "msg-too-many-themes",
            &[("max", MAX_THEMES.into()), ("count", out.len().into())],
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &[&str]) -> Vec<String> {
        s.iter().map(|l| (*l).to_owned()).collect()
    }

    #[test]
    fn themes_are_trimmed_and_deduplicated() {
        let got = clean_themes(&lines(&[
            " Parks ", "", "Traffic", "parks", "  ", "Culture",
        ]));
        assert_eq!(got, Ok(lines(&["Parks", "Traffic", "Culture"])));
    }

    #[test]
    fn too_many_themes_are_refused() {
        let many: Vec<String> = (0..=MAX_THEMES).map(|n| format!("Theme {n}")).collect();
        assert!(clean_themes(&many).is_err());
        assert_eq!(
            clean_themes(&many[..MAX_THEMES]).map(|t| t.len()),
            Ok(MAX_THEMES)
        );
    }
}
