//! The driver's answer to each command from the views: every change goes through
//! `Driver::edit`, so it is durable on this device before the command is answered.

use super::*;
use crate::sync::core_error::Explain;

impl Driver {
    pub(super) async fn command(&mut self, command: Command, stream: &mut Option<FrameStream>) {
        if self.store.is_none() && !command.works_locked() {
            // Locked: nothing of a profile may be read or written. The view that sent this
            // is not on screen any more (the lock screen is).
            return;
        }
        match command {
            Command::Join {
                hub_url,
                code,
                display_name,
                pin,
                reply,
            } => {
                let result = match Self::new_profile_key(&pin).await {
                    Ok((key, salt)) => match hub_api::join(&hub_url, &code, &display_name).await {
                        Ok(join) => self.add_profile(hub_url, join, key, salt, stream).await,
                        Err(e) => Err(e),
                    },
                    Err(e) => Err(e),
                };
                let _ = reply.send(result);
            }
            Command::Link {
                hub_url,
                code,
                device_name,
                pin,
                reply,
            } => {
                let result = match Self::new_profile_key(&pin).await {
                    Ok((key, salt)) => match hub_api::link(&hub_url, &code, &device_name).await {
                        Ok(join) => self.add_profile(hub_url, join, key, salt, stream).await,
                        Err(e) => Err(e),
                    },
                    Err(e) => Err(e),
                };
                let _ = reply.send(result);
            }
            Command::Unlock {
                profile,
                pin,
                reply,
            } => {
                let result = self.unlock(profile, &pin, stream).await;
                let _ = reply.send(result);
            }
            Command::Lock => self.lock(stream),
            Command::ForgetProfile { profile, reply } => {
                let result = self.forget_profile(profile, stream).await;
                let _ = reply.send(result);
            }
            Command::AddEntry {
                draft,
                sharing,
                reply,
            } => {
                let result = self.add_entry(stream, draft, sharing).await;
                let _ = reply.send(result);
            }
            Command::EditEntry { id, draft, reply } => {
                let result = self.edit_entry(stream, id, draft).await;
                let _ = reply.send(result);
            }
            Command::DeleteEntry { id, reply } => {
                let result = self.delete_entry(stream, id).await;
                let _ = reply.send(result);
            }
            Command::ShareEntry { id, sharing, reply } => {
                let result = self.share_entry(stream, id, sharing).await;
                let _ = reply.send(result);
            }
            Command::RevokeEntry { id, reply } => {
                let result = self.revoke_entry(stream, id).await;
                let _ = reply.send(result);
            }
            Command::AcknowledgeSafeguarding => self.acknowledge_safeguarding().await,
            Command::SavePrompt { id, draft, reply } => {
                let prompt = id.unwrap_or_else(|| PromptId::from_bytes(platform::random_bytes()));
                let result = self
                    .edit_doc(
                        stream,
                        |i| Some(i.join.project_doc),
                        |d, now| project::put_prompt(d, prompt, &draft, now),
                    )
                    .await
                    .map(|()| prompt);
                let _ = reply.send(result);
            }
            Command::RemovePrompt { id, reply } => {
                let result = self
                    .edit_doc(
                        stream,
                        |i| Some(i.join.project_doc),
                        |d, _| project::remove_prompt(d, id),
                    )
                    .await;
                let _ = reply.send(result);
            }
            Command::SetLanguages { languages, reply } => {
                let langs: Vec<&str> = languages.iter().map(String::as_str).collect();
                let result = self
                    .edit_doc(
                        stream,
                        |i| Some(i.join.project_doc),
                        |d, _| project::set_languages(d, &langs),
                    )
                    .await;
                let _ = reply.send(result);
            }
            Command::SetSafeguarding { text, reply } => {
                let result = self
                    .edit_doc(
                        stream,
                        |i| Some(i.join.project_doc),
                        |d, now| project::set_safeguarding(d, &text, now),
                    )
                    .await;
                let _ = reply.send(result);
            }
            Command::SetIdleLock { minutes, reply } => {
                let result = if (1..=project::MAX_IDLE_LOCK_MINUTES).contains(&minutes) {
                    self.edit_doc(
                        stream,
                        |i| Some(i.join.project_doc),
                        |d, _| project::set_idle_lock_minutes(d, minutes),
                    )
                    .await
                } else {
                    Err(words(
                        "msg-idle-lock-range",
                        &[("max", project::MAX_IDLE_LOCK_MINUTES.into())],
                    ))
                };
                let _ = reply.send(result);
            }
            Command::SetAnalysisThemes { themes, reply } => {
                let result = match clean_themes(&themes) {
                    Err(e) => Err(e),
                    Ok(themes) => {
                        self.edit_doc(
                            stream,
                            |i| i.join.staff_doc,
                            |d, _| staff::set_analysis_themes(d, &themes),
                        )
                        .await
                    }
                };
                let _ = reply.send(result);
            }
            Command::SetCode {
                entry,
                theme,
                on,
                reply,
            } => {
                let result = self
                    .edit_doc(
                        stream,
                        |i| i.join.staff_doc,
                        |d, _| staff::set_code(d, entry, &theme, on),
                    )
                    .await;
                let _ = reply.send(result);
            }
            Command::SetUpPerson {
                display_name,
                reply,
            } => {
                let result = match &self.identity {
                    Some(id) => hub_api::set_up_person(&id.hub_url, &id.join.token, &display_name)
                        .await
                        .map(|r| (r.code, r.expires_at)),
                    None => Err(words("msg-join-first", &[])),
                };
                let _ = reply.send(result);
            }
            Command::RequestSignup { event, reply } => {
                let result = self
                    .edit_doc(
                        stream,
                        |i| Some(i.join.member_doc),
                        |d, now| member::request_signup(d, event, now),
                    )
                    .await;
                let _ = reply.send(result);
            }
            Command::CancelSignup { event, reply } => {
                let result = self
                    .edit_doc(
                        stream,
                        |i| Some(i.join.member_doc),
                        |d, now| member::cancel_signup(d, event, now),
                    )
                    .await;
                let _ = reply.send(result);
            }
            Command::MarkSeen { event } => self.mark_seen(event).await,
            Command::SubmitIdea { draft, reply } => {
                let local = IdeaId::from_bytes(platform::random_bytes());
                let me = self.identity.as_ref().map(|i| i.join.member_id);
                let result = self
                    .edit_doc(
                        stream,
                        |i| Some(i.join.member_doc),
                        |d, now| member::submit_idea(d, local, &draft, now),
                    )
                    .await
                    .and_then(|()| {
                        me.map(|m| published_idea_id(m, local))
                            .ok_or_else(|| words("msg-join-first", &[]))
                    });
                let _ = reply.send(result);
            }
            Command::WithdrawIdea { idea, reply } => {
                let local = self.my_local_idea(idea);
                let result = match local {
                    Some(local) => {
                        self.edit_doc(
                            stream,
                            |i| Some(i.join.member_doc),
                            |d, now| member::withdraw_idea(d, local, now),
                        )
                        .await
                    }
                    None => Err(words("msg-idea-withdraw-author-only", &[])),
                };
                let _ = reply.send(result);
            }
            Command::EditIdea { idea, draft, reply } => {
                let local = self.my_local_idea(idea);
                let draft = IdeaDraft {
                    title: draft.title.trim().to_owned(),
                    description: draft.description.trim().to_owned(),
                    ..draft
                };
                let result = match (local, draft.validate()) {
                    (None, _) => Err(words("msg-idea-change-author-only", &[])),
                    (Some(_), Err(e)) => Err(e.explain()),
                    (Some(local), Ok(())) => {
                        self.edit_doc(
                            stream,
                            |i| Some(i.join.member_doc),
                            |d, _| member::edit_idea(d, local, &draft),
                        )
                        .await
                    }
                };
                let _ = reply.send(result);
            }
            Command::SetSupport {
                idea,
                support,
                reply,
            } => {
                let result = self
                    .edit_doc(
                        stream,
                        |i| Some(i.join.member_doc),
                        |d, now| {
                            if support {
                                member::support(d, idea, now)
                            } else {
                                member::unsupport(d, idea)
                            }
                        },
                    )
                    .await;
                let _ = reply.send(result);
            }
            Command::Comment {
                idea,
                text,
                anonymous,
                reply,
            } => {
                let local = CommentId::from_bytes(platform::random_bytes());
                let me = self.identity.as_ref().map(|i| i.join.member_id);
                let text = text.trim().to_owned();
                let result = self
                    .edit_doc(
                        stream,
                        |i| Some(i.join.member_doc),
                        |d, now| member::comment(d, local, idea, &text, anonymous, now),
                    )
                    .await
                    .and_then(|()| {
                        me.map(|m| published_comment_id(m, local))
                            .ok_or_else(|| words("msg-join-first", &[]))
                    });
                let _ = reply.send(result);
            }
            Command::Report {
                target,
                reason,
                reply,
            } => {
                let reason = reason.trim().to_owned();
                let result = if reason.is_empty() {
                    Err(words("msg-report-reason", &[]))
                } else {
                    self.edit_doc(
                        stream,
                        |i| Some(i.join.member_doc),
                        |d, now| member::report(d, target, &reason, now),
                    )
                    .await
                };
                let _ = reply.send(result);
            }
            Command::AnswerIdea {
                idea,
                status,
                note,
                reply,
            } => {
                let by_name = self.display_name();
                let result = self
                    .edit_doc(
                        stream,
                        |i| i.join.staff_doc,
                        |d, now| {
                            staff::answer_idea(
                                d,
                                idea,
                                &PathStep {
                                    status,
                                    note: note.trim().to_owned(),
                                    by_name,
                                    at: now,
                                },
                            )
                        },
                    )
                    .await;
                let _ = reply.send(result);
            }
            Command::AddMilestone { idea, title, reply } => {
                let id = MilestoneId::from_bytes(platform::random_bytes());
                let title = title.trim().to_owned();
                let result = if title.is_empty() {
                    Err(words("msg-milestone-empty", &[]))
                } else {
                    self.edit_doc(
                        stream,
                        |i| i.join.staff_doc,
                        |d, now| {
                            staff::set_milestone(
                                d,
                                idea,
                                id,
                                &Milestone {
                                    title,
                                    done: false,
                                    at: now,
                                },
                            )
                        },
                    )
                    .await
                };
                let _ = reply.send(result);
            }
            Command::SetIdeaLink {
                idea,
                event,
                merged_into,
                reply,
            } => {
                let result = if merged_into == Some(idea) {
                    Err(words("msg-merge-self", &[]))
                } else {
                    self.edit_doc(
                        stream,
                        |i| i.join.staff_doc,
                        |d, _| staff::set_link(d, idea, &IdeaLink { event, merged_into }),
                    )
                    .await
                };
                let _ = reply.send(result);
            }
            Command::SetReportThreshold { threshold, reply } => {
                let result = if (1..=50).contains(&threshold) {
                    self.edit_doc(
                        stream,
                        |i| Some(i.join.project_doc),
                        |d, _| project::set_report_threshold(d, threshold),
                    )
                    .await
                } else {
                    Err(words("msg-report-threshold-range", &[]))
                };
                let _ = reply.send(result);
            }
            Command::SetThemes {
                themes,
                names,
                reply,
            } => {
                let result = match clean_themes(&themes) {
                    Err(e) => Err(e),
                    Ok(themes) => {
                        let names = names.cleaned(&themes);
                        if names.too_long().is_some() {
                            Err(words(
                                "msg-theme-name-too-long",
                                &[("max", project::MAX_THEME_NAME_CHARS.into())],
                            ))
                        } else {
                            self.edit_doc(
                                stream,
                                |i| Some(i.join.project_doc),
                                |d, _| {
                                    project::set_themes(d, &themes)?;
                                    project::set_theme_names(d, &names)
                                },
                            )
                            .await
                        }
                    }
                };
                let _ = reply.send(result);
            }
            Command::Moderate {
                target,
                hidden,
                reason,
                reply,
            } => {
                let by_name = self.display_name();
                let reason = reason.trim().to_owned();
                let result = if hidden && reason.is_empty() {
                    Err(words("msg-hide-reason", &[]))
                } else {
                    self.edit_doc(
                        stream,
                        |i| i.join.staff_doc,
                        |d, now| {
                            staff::moderate(
                                d,
                                target,
                                &Moderation {
                                    hidden,
                                    reason,
                                    by_name,
                                    at: now,
                                },
                            )
                        },
                    )
                    .await
                };
                let _ = reply.send(result);
            }
            Command::InboxRead => self.inbox_read().await,
            Command::SaveEvent { id, draft, reply } => {
                let result = match draft.validate() {
                    Err(e) => Err(e.explain()),
                    Ok(()) => {
                        let event =
                            id.unwrap_or_else(|| EventId::from_bytes(platform::random_bytes()));
                        self.edit_doc(
                            stream,
                            |i| Some(i.join.project_doc),
                            |d, now| match id {
                                Some(_) => project::edit_event(d, event, &draft, now),
                                None => project::add_event(d, event, &draft, now),
                            },
                        )
                        .await
                        .map(|()| event)
                    }
                };
                let _ = reply.send(result);
            }
            Command::CancelEvent { id, reply } => {
                let result = self
                    .edit_doc(
                        stream,
                        |i| Some(i.join.project_doc),
                        |d, now| project::cancel_event(d, id, now),
                    )
                    .await;
                let _ = reply.send(result);
            }
            Command::CheckIn { event, code, reply } => {
                let result = self.check_in(stream, event, &code).await;
                let _ = reply.send(result);
            }
            Command::AddWalkIn { event, name, reply } => {
                let name = name.trim().to_owned();
                let result = if name.is_empty() {
                    Err(words("msg-person-name", &[]))
                } else {
                    let walk_in = WalkInId::from_bytes(platform::random_bytes());
                    let by = self.device_id();
                    self.edit_doc(
                        stream,
                        |i| i.join.staff_doc,
                        |d, now| staff::add_walk_in(d, event, walk_in, &name, now, by),
                    )
                    .await
                };
                let _ = reply.send(result);
            }
            Command::SetApproval {
                event,
                member,
                approval,
                reply,
            } => {
                let result = self
                    .edit_doc(
                        stream,
                        |i| i.join.staff_doc,
                        |d, _| staff::set_approval(d, event, member, approval),
                    )
                    .await;
                let _ = reply.send(result);
            }
            Command::PersonalData { reply } => {
                let _ = reply.send(self.personal_data_json());
            }
            Command::RecordExport { what, reply } => {
                let result = self.record_export(stream, what, None).await;
                let _ = reply.send(result);
            }
            Command::RosterCsv { event, reply } => {
                let result = match self
                    .record_export(stream, ExportKind::Roster, Some(event))
                    .await
                {
                    Ok(()) => self.doc_of(|i| i.join.staff_doc).and_then(|id| {
                        self.session
                            .as_ref()
                            .and_then(|s| s.doc(&id))
                            .map(|d| staff::roster_csv(d, event))
                            .ok_or_else(|| words("msg-roster-missing", &[]))
                    }),
                    Err(e) => Err(e),
                };
                let _ = reply.send(result);
            }
            Command::CreateLinkCode { recovery, reply } => {
                let result = match &self.identity {
                    Some(id) => hub_api::link_code(&id.hub_url, &id.join.token, recovery)
                        .await
                        .map(|r| (r.code, r.expires_at)),
                    None => Err(words("msg-join-first", &[])),
                };
                let _ = reply.send(result);
            }
            Command::ListDevices { member, reply } => {
                let result = match &self.identity {
                    Some(id) => hub_api::devices(&id.hub_url, &id.join.token, member).await,
                    None => Err(words("msg-join-first", &[])),
                };
                let _ = reply.send(result);
            }
            Command::RemoveDevice {
                member,
                device,
                reply,
            } => {
                let result = match &self.identity {
                    Some(id) => {
                        hub_api::revoke_device(&id.hub_url, &id.join.token, member, device).await
                    }
                    None => Err(words("msg-join-first", &[])),
                };
                let _ = reply.send(result);
            }
            Command::DeleteAccount {
                contributions,
                reply,
            } => {
                let result = self.delete_account(contributions, stream).await;
                let _ = reply.send(result);
            }
            Command::ListMembers { reply } => {
                let result = match &self.identity {
                    Some(id) => hub_api::members(&id.hub_url, &id.join.token).await,
                    None => Err(words("msg-join-first", &[])),
                };
                let _ = reply.send(result);
            }
            Command::NetworkChanged { online } => {
                self.online = online;
                if online {
                    self.backoff.reset();
                    self.retry_at = 0.0;
                    if self.sink.is_none() && self.identity.is_some() {
                        self.connection = Connection::Connecting;
                    }
                } else {
                    self.drop_connection(stream);
                    self.connection = Connection::Offline;
                }
            }
            Command::Shown => {
                if self.idle_too_long() {
                    self.lock(stream);
                }
            }
            Command::RetryNow => {
                self.backoff.reset();
                self.retry_at = 0.0;
            }
        }
    }

    async fn edit_doc<R, E: Explain>(
        &mut self,
        stream: &mut Option<FrameStream>,
        pick: impl Fn(&Identity) -> Option<DocId>,
        f: impl FnOnce(&mut AutoCommit, Timestamp) -> Result<R, E>,
    ) -> Result<R, String> {
        let doc = self.doc_of(pick)?;
        self.edit(stream, doc, f).await
    }

    /// Notes an export in the staff document before it is made: no export goes unlogged.
    async fn record_export(
        &mut self,
        stream: &mut Option<FrameStream>,
        what: ExportKind,
        event: Option<EventId>,
    ) -> Result<(), String> {
        let by = self.device_id();
        let id = ExportId::from_bytes(platform::random_bytes());
        self.edit_doc(
            stream,
            |i| i.join.staff_doc,
            |d, at| {
                let record = ExportRecord {
                    id,
                    what,
                    event,
                    at,
                    by,
                };
                staff::record_export(d, &record)
            },
        )
        .await
    }

    fn display_name(&self) -> String {
        self.identity
            .as_ref()
            .map(|i| i.join.display_name.clone())
            .unwrap_or_default()
    }

    /// The member's own id for one of their ideas, from its published id.
    fn my_local_idea(&self, published: IdeaId) -> Option<IdeaId> {
        let identity = self.identity.as_ref()?;
        let doc = self.session.as_ref()?.doc(&identity.join.member_doc)?;
        member::my_ideas(doc)
            .into_iter()
            .map(|i| i.id)
            .find(|local| published_idea_id(identity.join.member_id, *local) == published)
    }

    fn device_id(&self) -> DeviceId {
        self.identity
            .as_ref()
            .map(|i| i.join.device_id)
            .unwrap_or_else(|| DeviceId::from_bytes([0; 16]))
    }

    /// Checks a ticket or code in at the door, offline: the rule is core's `door::resolve`.
    async fn check_in(
        &mut self,
        stream: &mut Option<FrameStream>,
        event: EventId,
        code: &str,
    ) -> Result<String, String> {
        let staff_id = self.doc_of(|i| i.join.staff_doc)?;
        let project_id = self.doc_of(|i| Some(i.join.project_doc))?;
        let session = self
            .session
            .as_ref()
            .ok_or_else(|| words("msg-join-first", &[]))?;
        let staff_doc = session
            .doc(&staff_id)
            .ok_or_else(|| words("msg-roster-missing", &[]))?;
        let key = session.doc(&project_id).and_then(project::ticket_key);
        let roster = staff::roster(staff_doc, event);
        let (member, name) = door::resolve(code, event, &roster, key.as_ref())
            .map_err(|e| crate::sync::door_error::door_error_words(&e))?;
        if let Some(c) = staff::checkins(staff_doc, event)
            .into_iter()
            .find(|c| c.who == member.to_string())
        {
            return Err(words(
                "msg-already-checked-in",
                &[
                    ("name", name.as_str().into()),
                    ("time", crate::format::clock(c.at).into()),
                ],
            ));
        }
        let by = self.device_id();
        self.edit(stream, staff_id, |d, now| {
            staff::check_in(d, event, &member.to_string(), now, by)
        })
        .await?;
        Ok(name)
    }

    async fn mark_seen(&mut self, event: EventId) {
        let (view, seen) = {
            let st = self.state.read();
            (
                st.signups.get(&event).map(|s| s.view()),
                st.seen.get(&event).copied(),
            )
        };
        // Only a real change is written: the view re-sends this on every state change.
        let Some(view) = view.filter(|v| Some(*v) != seen) else {
            return;
        };
        let seen = {
            let mut st = self.state.write();
            st.seen.insert(event, view);
            st.seen.clone()
        };
        if let Ok(bytes) = serde_json::to_vec(&seen) {
            let _ = self.store().put_meta(SEEN_KEY, &bytes).await;
        }
    }

    /// This member's data on this device for "download my data": the member document as
    /// the device has it and the open profile's private diary.
    fn personal_data_json(&self) -> Result<String, String> {
        let id = self
            .identity
            .as_ref()
            .ok_or_else(|| words("msg-join-first", &[]))?;
        let doc = self
            .session
            .as_ref()
            .and_then(|s| s.doc(&id.join.member_doc))
            .ok_or_else(|| words("msg-join-first", &[]))?;
        let owner = kumppani_core::export::Owner {
            member_id: id.join.member_id,
            display_name: id.join.display_name.clone(),
            project_id: id.join.project_id,
            project_name: id.join.project_name.clone(),
            role: id.join.role,
        };
        let data = kumppani_core::export::PersonalData::read(
            owner,
            doc,
            self.private.as_ref(),
            platform::now(),
        );
        Ok(data.to_json())
    }
}
