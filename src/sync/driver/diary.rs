//! The diary on this device: private entries in the profile's sealed private document,
//! shared ones in the member document, and moving an entry between the two.
//!
//! Sharing moves an entry: it is written to the member document first and only then
//! removed from the private one (revoking goes the other way), so a crash in between
//! leaves the entry in both places, never in neither.

use super::*;
use crate::sync::core_error::Explain;
use kumppani_core::model::member::Sharing;
use kumppani_core::model::EntryDraft;

/// The private diary's key in the profile's store. Every profile has its own store, so
/// one fixed id serves them all; it is never sent anywhere.
pub(super) const PRIVATE_DOC: DocId = DocId::from_bytes([0xFF; 16]);

impl Driver {
    fn private_has(&self, id: EntryId) -> bool {
        self.private
            .as_ref()
            .is_some_and(|d| private_diary::entry(d, id).is_some())
    }

    /// A change to the private diary, durable in the sealed store before it is answered.
    /// A failed save reloads the diary from the store, so the change is not half-kept.
    async fn edit_private<R, E: Explain>(
        &mut self,
        f: impl FnOnce(&mut AutoCommit, Timestamp) -> Result<R, E>,
    ) -> Result<R, String> {
        let Some(doc) = self.private.as_mut() else {
            return Err(words("msg-open-profile-first", &[]));
        };
        let now = platform::now();
        let r = f(doc, now).map_err(|e| e.explain())?;
        model::commit(doc, "edit", now);
        let chunk = doc.save_incremental();
        let saved = self.store().append_chunk(&PRIVATE_DOC, &chunk).await;
        match saved {
            Ok(seq) => {
                self.entries_dirty = true;
                self.private_chunks += 1;
                if StoredDoc::wants_compaction(self.private_chunks) {
                    let snapshot = self.private.as_mut().map(|d| d.save());
                    if let Some(snapshot) = snapshot {
                        if self
                            .store()
                            .compact(&PRIVATE_DOC, &snapshot, seq)
                            .await
                            .is_ok()
                        {
                            self.private_chunks = 0;
                        }
                    }
                }
                self.set_problem(None);
                Ok(r)
            }
            Err(e) => {
                let advice = e.advice();
                self.set_problem(Some(advice.clone()));
                match self.load_doc(PRIVATE_DOC, DocKind::Member).await {
                    Ok((doc, chunks)) => {
                        self.private = Some(doc);
                        self.private_chunks = chunks;
                    }
                    Err(e) => self.set_problem(Some(e)),
                }
                self.entries_dirty = true;
                Err(advice)
            }
        }
    }

    fn member_doc_id(&self) -> Result<DocId, String> {
        self.doc_of(|i| Some(i.join.member_doc))
    }

    pub(super) async fn add_entry(
        &mut self,
        stream: &mut Option<FrameStream>,
        draft: EntryDraft,
        sharing: Option<Sharing>,
    ) -> Result<EntryId, String> {
        let id = EntryId::from_bytes(platform::random_bytes());
        match sharing {
            None => {
                self.edit_private(|d, now| private_diary::add_entry(d, id, &draft, now))
                    .await?
            }
            Some(sharing) => {
                let doc = self.member_doc_id()?;
                self.edit(stream, doc, |d, now| {
                    member::share_entry(d, id, &draft, sharing, now)
                })
                .await?
            }
        }
        Ok(id)
    }

    pub(super) async fn edit_entry(
        &mut self,
        stream: &mut Option<FrameStream>,
        id: EntryId,
        draft: EntryDraft,
    ) -> Result<(), String> {
        if self.private_has(id) {
            self.edit_private(|d, now| private_diary::edit_entry(d, id, &draft, now))
                .await
        } else {
            let doc = self.member_doc_id()?;
            self.edit(stream, doc, |d, now| member::edit_entry(d, id, &draft, now))
                .await
        }
    }

    pub(super) async fn delete_entry(
        &mut self,
        stream: &mut Option<FrameStream>,
        id: EntryId,
    ) -> Result<(), String> {
        if self.private_has(id) {
            self.edit_private(|d, _| private_diary::delete_entry(d, id))
                .await
        } else {
            let doc = self.member_doc_id()?;
            self.edit(stream, doc, |d, _| member::delete_entry(d, id))
                .await
        }
    }

    /// Shares a private entry under a fresh id, or changes how a shared one is shown.
    ///
    /// Hiding the name of an entry already shared by name moves it to a fresh id too:
    /// organisers' devices may hold the named copy under the old id, and keeping the id
    /// would let them link the anonymous entry to its author.
    pub(super) async fn share_entry(
        &mut self,
        stream: &mut Option<FrameStream>,
        id: EntryId,
        sharing: Sharing,
    ) -> Result<EntryId, String> {
        let doc = self.member_doc_id()?;
        if let Some(entry) = self
            .private
            .as_ref()
            .and_then(|d| private_diary::entry(d, id))
        {
            let shared = EntryId::from_bytes(platform::random_bytes());
            let draft = entry.draft();
            self.edit(stream, doc, |d, now| {
                member::share_entry(d, shared, &draft, sharing, now)
            })
            .await?;
            self.edit_private(|d, _| private_diary::delete_entry(d, id))
                .await?;
            return Ok(shared);
        }
        let member_doc = self.session.as_ref().and_then(|s| s.doc(&doc));
        let current =
            member_doc.and_then(|d| member::entry(d, id).map(|e| (e, member::sharing(d, id))));
        let Some((entry, was)) = current else {
            return Err(words("msg-entry-gone", &[]));
        };
        if sharing == Sharing::Anonymous && was == Some(Sharing::Named) {
            let fresh = EntryId::from_bytes(platform::random_bytes());
            let draft = entry.draft();
            self.edit(stream, doc, |d, now| {
                member::share_entry(d, fresh, &draft, sharing, now)?;
                member::revoke_shared(d, id)
            })
            .await?;
            return Ok(fresh);
        }
        self.edit(stream, doc, |d, _| member::set_sharing(d, id, sharing))
            .await?;
        Ok(id)
    }

    /// Takes a shared entry back: it becomes private on this device under a fresh id and
    /// leaves the member document (and, once the hub has it, the organisers' inbox).
    pub(super) async fn revoke_entry(
        &mut self,
        stream: &mut Option<FrameStream>,
        id: EntryId,
    ) -> Result<EntryId, String> {
        let doc = self.member_doc_id()?;
        let entry = self
            .session
            .as_ref()
            .and_then(|s| s.doc(&doc))
            .and_then(|d| member::entry(d, id))
            .ok_or_else(|| words("msg-entry-not-shared", &[]))?;
        let private = EntryId::from_bytes(platform::random_bytes());
        let draft = entry.draft();
        self.edit_private(|d, now| private_diary::add_entry(d, private, &draft, now))
            .await?;
        self.edit(stream, doc, |d, _| member::revoke_shared(d, id))
            .await?;
        Ok(private)
    }

    /// The diary as the views show it: private and shared entries, newest first.
    pub(super) fn read_diary(&self) -> (Vec<DiaryEntry>, BTreeMap<EntryId, Visibility>) {
        let mut entries = Vec::new();
        let mut visibility = BTreeMap::new();
        if let Some(d) = self.private.as_ref() {
            for e in private_diary::entries(d) {
                visibility.insert(e.id, Visibility::Private);
                entries.push(e);
            }
        }
        let member_doc = self
            .identity
            .as_ref()
            .and_then(|i| self.session.as_ref()?.doc(&i.join.member_doc));
        if let Some(d) = member_doc {
            for e in member::entries(d) {
                let v = member::sharing(d, e.id).map_or(Visibility::Account, Visibility::Shared);
                visibility.insert(e.id, v);
                entries.push(e);
            }
        }
        entries.sort_by(|a, b| {
            b.at.cmp(&a.at)
                .then(b.created_at.cmp(&a.created_at))
                .then(b.id.cmp(&a.id))
        });
        (entries, visibility)
    }
}
