//! What the views show, read from the documents after a change, and the ideas inbox
//! kept beside them.

use super::*;

/// What the views show, read from the documents after a change.
pub(super) struct Views {
    entries: Vec<DiaryEntry>,
    visibility: BTreeMap<EntryId, Visibility>,
    prompts: Vec<project::Prompt>,
    safeguarding: Option<project::Safeguarding>,
    idle_lock_minutes: u32,
    project_languages: Vec<String>,
    shared_entries: Vec<staff::SharedEntry>,
    analysis_themes: Vec<String>,
    codes: BTreeMap<EntryId, BTreeSet<String>>,
    signups: BTreeMap<EventId, member::Signup>,
    events: Vec<Event>,
    counts: BTreeMap<EventId, (u32, u32)>,
    doors: BTreeMap<EventId, Door>,
    ideas: Vec<PublishedIdea>,
    themes: Vec<String>,
    theme_names: project::ThemeNames,
    report_threshold: u32,
    my_ideas: BTreeSet<IdeaId>,
    my_supports: BTreeSet<IdeaId>,
    my_reports: BTreeSet<ReportTarget>,
}

/// What the inbox keeps on the device (JSON): the items, how many are unread, and the
/// published ideas they were last compared with, so changes that arrived while the app
/// was closed are told too.
#[derive(Default, serde::Serialize, serde::Deserialize)]
pub(super) struct InboxStore {
    items: Vec<InboxItem>,
    unread: usize,
    seen: Option<Vec<PublishedIdea>>,
}
impl Driver {
    /// Writes what changed into the views' state.
    pub(super) async fn publish(&mut self) {
        let pending = self.session.as_mut().map(|s| s.pending()).unwrap_or(0);
        let views = if self.entries_dirty {
            self.entries_dirty = false;
            self.read_views()
        } else {
            None
        };
        if let Some(v) = &views {
            self.update_inbox(v).await;
            self.idle_lock_ms = f64::from(v.idle_lock_minutes) * 60_000.0;
        }
        // Writing a signal wakes everything that reads it, even when nothing changed; a view
        // that sends a command on every wake would then loop. So write only real changes.
        let changed = {
            let st = self.state.peek();
            views.is_some()
                || st.pending != pending
                || st.connection != self.connection
                || st.last_synced != self.last_synced
        };
        if !changed {
            return;
        }
        let mut st = self.state.write();
        if let Some(v) = views {
            st.entries = v.entries;
            st.visibility = v.visibility;
            st.prompts = v.prompts;
            st.safeguarding = v.safeguarding;
            st.idle_lock_minutes = v.idle_lock_minutes;
            st.project_languages = v.project_languages;
            st.shared_entries = v.shared_entries;
            st.analysis_themes = v.analysis_themes;
            st.codes = v.codes;
            st.signups = v.signups;
            st.events = v.events;
            st.counts = v.counts;
            st.doors = v.doors;
            st.ideas = v.ideas;
            st.themes = v.themes;
            st.theme_names = v.theme_names;
            st.report_threshold = v.report_threshold;
            st.my_ideas = v.my_ideas;
            st.my_supports = v.my_supports;
            st.my_reports = v.my_reports;
        }
        st.pending = pending;
        st.connection = self.connection.clone();
        st.last_synced = self.last_synced;
    }

    /// Tells the member what changed for their ideas and the ones they support since the
    /// published ideas were last compared (core's `inbox` rule), and keeps it on the device.
    async fn update_inbox(&mut self, v: &Views) {
        let Ok(stored) = self.store().get_meta(INBOX_KEY).await else {
            return;
        };
        let mut inbox: InboxStore = stored
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        if inbox.seen.as_ref() == Some(&v.ideas) {
            self.show_inbox(&inbox);
            return;
        }
        let news = match &inbox.seen {
            Some(before) => inbox_changes(before, &v.ideas, &v.my_ideas, &v.my_supports),
            None => Vec::new(),
        };
        inbox.unread += news.len();
        for item in news.into_iter().rev() {
            inbox.items.insert(0, item);
        }
        inbox.items.truncate(200);
        inbox.seen = Some(v.ideas.clone());
        if let Ok(bytes) = serde_json::to_vec(&inbox) {
            let _ = self.store().put_meta(INBOX_KEY, &bytes).await;
        }
        self.show_inbox(&inbox);
    }

    fn show_inbox(&mut self, inbox: &InboxStore) {
        let st = self.state.peek();
        if st.inbox != inbox.items || st.inbox_unread != inbox.unread {
            drop(st);
            let mut st = self.state.write();
            st.inbox = inbox.items.clone();
            st.inbox_unread = inbox.unread;
        }
    }

    pub(super) async fn inbox_read(&mut self) {
        if let Ok(Some(bytes)) = self.store().get_meta(INBOX_KEY).await {
            if let Ok(mut inbox) = serde_json::from_slice::<InboxStore>(&bytes) {
                inbox.unread = 0;
                if let Ok(bytes) = serde_json::to_vec(&inbox) {
                    let _ = self.store().put_meta(INBOX_KEY, &bytes).await;
                }
                self.show_inbox(&inbox);
            }
        }
    }

    /// Everything the views show, read from the documents.
    fn read_views(&self) -> Option<Views> {
        let identity = self.identity.as_ref()?;
        let session = self.session.as_ref()?;
        let member_doc = session.doc(&identity.join.member_doc);
        let project_doc = session.doc(&identity.join.project_doc);
        let events = project_doc.map(project::events).unwrap_or_default();
        let counts = project_doc
            .map(|d| {
                events
                    .iter()
                    .filter_map(|e| Some((e.id, project::counts(d, e.id)?)))
                    .collect()
            })
            .unwrap_or_default();
        let staff_doc = identity.join.staff_doc.and_then(|id| session.doc(&id));
        let (entries, visibility) = self.read_diary();
        let doors = match staff_doc {
            Some(d) => events
                .iter()
                .map(|e| {
                    let door = Door {
                        roster: staff::roster(d, e.id),
                        checkins: staff::checkins(d, e.id),
                        walk_ins: staff::walk_ins(d, e.id),
                        summary: staff::summary(d, e.id),
                    };
                    (e.id, door)
                })
                .collect(),
            None => BTreeMap::new(),
        };
        let me = identity.join.member_id;
        Some(Views {
            visibility,
            prompts: project_doc.map(project::prompts).unwrap_or_default(),
            safeguarding: project_doc.and_then(project::safeguarding),
            idle_lock_minutes: project_doc
                .map(project::idle_lock_minutes)
                .unwrap_or(project::DEFAULT_IDLE_LOCK_MINUTES),
            project_languages: project_doc
                .map(project::languages)
                .unwrap_or_else(|| project::DEFAULT_LANGUAGES.map(str::to_owned).to_vec()),
            shared_entries: staff_doc.map(staff::shared_entries).unwrap_or_default(),
            analysis_themes: staff_doc.map(staff::analysis_themes).unwrap_or_default(),
            codes: staff_doc.map(staff::codes).unwrap_or_default(),
            ideas: project_doc
                .map(project::published_ideas)
                .unwrap_or_default(),
            themes: project_doc.map(project::themes).unwrap_or_default(),
            theme_names: project_doc.map(project::theme_names).unwrap_or_default(),
            report_threshold: project_doc.map(project::report_threshold).unwrap_or(3),
            my_ideas: member_doc
                .map(|d| {
                    member::my_ideas(d)
                        .into_iter()
                        .filter(|i| i.withdrawn_at.is_none())
                        .map(|i| published_idea_id(me, i.id))
                        .collect()
                })
                .unwrap_or_default(),
            my_supports: member_doc
                .map(|d| member::my_supports(d).into_iter().map(|s| s.idea).collect())
                .unwrap_or_default(),
            my_reports: member_doc
                .map(|d| {
                    member::my_reports(d)
                        .into_iter()
                        .map(|r| r.target)
                        .collect()
                })
                .unwrap_or_default(),
            entries,
            signups: member_doc
                .map(|d| {
                    member::signups(d)
                        .into_iter()
                        .map(|s| (s.event, s))
                        .collect()
                })
                .unwrap_or_default(),
            events,
            counts,
            doors,
        })
    }
}
