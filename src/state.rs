//! What the views show, written only by the sync driver, and the hooks that read it.

use crate::sync::Command;
use dioxus::prelude::*;
use kumppani_core::api::Role;
use kumppani_core::derive::ideas::InboxItem;
use kumppani_core::ids::{EntryId, EventId, IdeaId, ProfileId};
use kumppani_core::model::event::Event;
use kumppani_core::model::idea::{PublishedIdea, ReportTarget};
use kumppani_core::model::member::{Sharing, Signup, SignupView};
use kumppani_core::model::project::{Prompt, Safeguarding};
use kumppani_core::model::staff::{CheckIn, RosterEntry, RosterSummary, SharedEntry, WalkIn};
use kumppani_core::model::DiaryEntry;
use kumppani_core::status::Connection;
use kumppani_core::time::Timestamp;
use std::collections::BTreeMap;
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Opening the store and reading the identity.
    Loading,
    /// No profile on this device yet: show Join.
    NeedsJoin,
    /// Profiles exist and none is open: pick one and type its PIN (or add one).
    Locked,
    Ready,
    /// Storage cannot be used at all; the message says what to do.
    StorageFailed(String),
}

/// An event as the organiser sees it at the door.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Door {
    pub roster: Vec<RosterEntry>,
    pub checkins: Vec<CheckIn>,
    pub walk_ins: Vec<WalkIn>,
    pub summary: RosterSummary,
}

/// Who is signed in on this device (no secrets: the token stays in the driver).
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub display_name: String,
    pub project_name: String,
    pub role: Role,
    pub hub_url: String,
}

/// A profile on this device as the lock screen lists it (nothing secret).
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileCard {
    pub id: ProfileId,
    pub name: String,
    pub project_name: String,
    /// Set after too many wrong PINs: no try before this time.
    pub wait_until: Option<Timestamp>,
}

/// Who can read a diary entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// Only on this device, sealed with the profile's PIN.
    Private,
    /// Shared with the project's organisers, named or anonymous.
    Shared(Sharing),
    /// Written by an earlier version into the member's account: synced to the member's own
    /// devices, not shared with anyone.
    Account,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub phase: Phase,
    pub profile: Option<Profile>,
    /// Every profile on this device (the lock screen).
    pub profiles: Vec<ProfileCard>,
    /// The open profile's diary: private and shared entries together, newest first.
    pub entries: Vec<DiaryEntry>,
    pub visibility: BTreeMap<EntryId, Visibility>,
    /// Every prompt of the project (the diary offers the open ones).
    pub prompts: Vec<Prompt>,
    pub safeguarding: Option<Safeguarding>,
    /// The notice as this profile last acknowledged it (its `updated_at`).
    pub safeguarding_seen: Option<Timestamp>,
    pub idle_lock_minutes: u32,
    /// The languages organisers write texts in, the first language first (BCP 47 codes).
    pub project_languages: Vec<String>,
    /// Organisers only: shared diary entries, analysis themes and each entry's codes.
    pub shared_entries: Vec<SharedEntry>,
    pub analysis_themes: Vec<String>,
    pub codes: BTreeMap<EntryId, BTreeSet<String>>,
    /// The project's events, soonest first (project document).
    pub events: Vec<Event>,
    /// `(confirmed, waitlisted)` per event, as the hub counted them.
    pub counts: BTreeMap<EventId, (u32, u32)>,
    /// This member's sign-ups (member document).
    pub signups: BTreeMap<EventId, Signup>,
    /// What the member last saw of each sign-up, to mark what changed since.
    pub seen: BTreeMap<EventId, SignupView>,
    /// Organisers only: each event's door (staff document).
    pub doors: BTreeMap<EventId, Door>,
    /// The project's published ideas (project document) and its themes.
    pub ideas: Vec<PublishedIdea>,
    pub themes: Vec<String>,
    /// The themes' names in the project's other languages.
    pub theme_names: kumppani_core::model::project::ThemeNames,
    /// Distinct members' reports that hide an idea or comment (a project setting).
    pub report_threshold: u32,
    /// This member's own ideas (published ids), supports and reports.
    pub my_ideas: BTreeSet<IdeaId>,
    pub my_supports: BTreeSet<IdeaId>,
    pub my_reports: BTreeSet<ReportTarget>,
    /// What changed for ideas this member submitted or supports, newest first.
    pub inbox: Vec<InboxItem>,
    pub inbox_unread: usize,
    pub connection: Connection,
    pub pending: usize,
    pub last_synced: Option<Timestamp>,
    pub clock_skew_ms: Option<i64>,
    /// A problem the person should know about (storage full, signed out, ...).
    pub problem: Option<String>,
}

impl AppState {
    /// The project's languages after the first: organisers' forms get a field for each.
    pub fn other_languages(&self) -> Vec<String> {
        self.project_languages.iter().skip(1).cloned().collect()
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            phase: Phase::Loading,
            profile: None,
            profiles: Vec::new(),
            entries: Vec::new(),
            visibility: BTreeMap::new(),
            prompts: Vec::new(),
            safeguarding: None,
            safeguarding_seen: None,
            idle_lock_minutes: kumppani_core::model::project::DEFAULT_IDLE_LOCK_MINUTES,
            project_languages: kumppani_core::model::project::DEFAULT_LANGUAGES
                .map(str::to_owned)
                .to_vec(),
            shared_entries: Vec::new(),
            analysis_themes: Vec::new(),
            codes: BTreeMap::new(),
            events: Vec::new(),
            counts: BTreeMap::new(),
            signups: BTreeMap::new(),
            seen: BTreeMap::new(),
            doors: BTreeMap::new(),
            ideas: Vec::new(),
            themes: Vec::new(),
            theme_names: Default::default(),
            report_threshold: 3,
            my_ideas: BTreeSet::new(),
            my_supports: BTreeSet::new(),
            my_reports: BTreeSet::new(),
            inbox: Vec::new(),
            inbox_unread: 0,
            connection: Connection::NoHub,
            pending: 0,
            last_synced: None,
            clock_skew_ms: None,
            problem: None,
        }
    }
}

/// The app state, provided by `App`.
pub fn use_app_state() -> Signal<AppState> {
    try_use_context::<Signal<AppState>>()
        .expect("use_app_state called outside App: App provides the state")
}

/// The sync driver's command channel, provided by `App`.
pub fn use_commands() -> Coroutine<Command> {
    try_use_context::<Coroutine<Command>>()
        .expect("use_commands called outside App: App starts the sync driver")
}

/// Sends a command and waits for its reply.
pub async fn ask<T>(
    commands: Coroutine<Command>,
    make: impl FnOnce(crate::sync::command::Reply<T>) -> Command,
) -> Result<T, String> {
    let (tx, rx) = futures::channel::oneshot::channel();
    commands.send(make(tx));
    rx.await
        .unwrap_or_else(|_| Err("The app stopped before it could answer. Reload the page.".into()))
}
