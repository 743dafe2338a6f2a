//! Seats at events: the hub's receipt log, and what it derives from it into the member,
//! staff and project documents.
//!
//! After a member document changes, the hub records in its receipt log each sign-up it sees
//! for the first time (and each cancellation), in the order it sees them: device clocks are
//! never trusted. It then rederives each of the member's events with core's
//! [`derive_seats`] and writes the answer: each member's hub state (status, previous
//! status, ticket), the staff roster, and the public counts. After a project or staff
//! document changes (capacity, cancellation, approvals) every event is rederived.
//!
//! Every write goes through core's writers, which write only what changed, so running a
//! derivation again (after a crash, at startup) gives the same documents. Derivations of one
//! project run one at a time ([`ProjectLocks`]), so two never give one seat twice. Each
//! document the hub writes is committed to the store before connections are told of it.

use crate::clock::now_ms;
use crate::docs::{persist_changes, DocError};
use crate::state::{AppState, HubEvent};
use crate::store::{DocMeta, MemberRecord, ProjectRecord, StoreError};
use automerge::AutoCommit;
use kumppani_core::derive::seats::{derive_seats, receipts_to_append, SeatStatus};
use kumppani_core::ids::{DocId, EventId, MemberId, ProjectId};
use kumppani_core::model::member::{self, HubSignupState, Signup};
use kumppani_core::model::{project, staff};

use kumppani_core::ticket;
use kumppani_core::time::Timestamp;
use kumppani_core::wire::DocKind;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use tokio::sync::{Mutex as AsyncMutex, OwnedMutexGuard};

/// One lock per project: derivations of one project never overlap on this node.
#[derive(Clone, Default)]
pub struct ProjectLocks {
    locks: Arc<Mutex<HashMap<ProjectId, Arc<AsyncMutex<()>>>>>,
}

impl ProjectLocks {
    pub async fn lock(&self, project: ProjectId) -> OwnedMutexGuard<()> {
        let lock = self
            .locks
            .lock()
            .expect("project locks")
            .entry(project)
            .or_default()
            .clone();
        lock.lock_owned().await
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SeatsError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Doc(#[from] DocError),
    #[error("could not write a document: {0}")]
    Write(String),
}

/// The public key of a project's ticket seed, for the project document.
pub fn ticket_public_key(seed: &[u8; 32]) -> [u8; 32] {
    ticket::public_key(seed)
}

/// What the hub writes into a member's sign-up, given the status it derived now (`new`),
/// the status the roster held (`was`: the hub's own record, which the member cannot
/// forge) and what the member document holds now (`current`). `previous` is set when the
/// status changed and kept while it holds; `status_at` moves only when the status changes.
pub fn plan_hub_state(
    new: SeatStatus,
    was: Option<SeatStatus>,
    current: Option<&HubSignupState>,
    signup: &Signup,
    ticket: Option<String>,
    now: Timestamp,
) -> HubSignupState {
    let unchanged_in_doc = current.filter(|c| c.status == new);
    let previous = match was {
        Some(was) if was != new => Some(was),
        _ => unchanged_in_doc.and_then(|c| c.previous),
    };
    HubSignupState {
        status: new,
        previous,
        status_at: unchanged_in_doc.map_or(now, |c| c.status_at),
        ticket: if new == SeatStatus::Confirmed {
            ticket
        } else {
            None
        },
        answers_request: Some(signup.requested_at),
    }
}

/// `(confirmed, waitlisted)` among the statuses, for the public counts.
pub fn counts(statuses: &BTreeMap<MemberId, SeatStatus>) -> (u32, u32) {
    statuses.values().fold((0, 0), |(c, w), s| match s {
        SeatStatus::Confirmed => (c + 1, w),
        SeatStatus::Waitlisted { .. } => (c, w + 1),
        _ => (c, w),
    })
}

/// Runs what follows a change to `doc`; failures are logged (the next change or the next
/// start derives again, from the same log and documents).
pub async fn after_change(state: &AppState, doc: DocId, meta: DocMeta) {
    let result = match meta.kind {
        DocKind::Member => match meta.member {
            Some(member) => member_changed(state, meta.project, member, doc).await,
            None => Ok(()),
        },
        DocKind::Project | DocKind::Staff => rederive_project(state, meta.project, false).await,
    };
    if let Err(e) = result {
        tracing::error!(error = %e, %doc, "could not derive seats");
    }
}

/// Everything one derivation reads once: the project, its members and its ticket seed.
struct Context {
    project: ProjectRecord,
    project_doc: DocId,
    staff_doc: DocId,
    members: HashMap<MemberId, MemberRecord>,
    seed: [u8; 32],
}

async fn context(state: &AppState, project: ProjectId) -> Result<Option<Context>, SeatsError> {
    let Some(record) = state.store.project(project).await? else {
        return Ok(None);
    };
    let (Some(project_doc), Some(staff_doc)) = (record.project_doc, record.staff_doc) else {
        return Ok(None);
    };
    let Some(seed) = state.store.ticket_seed(project).await? else {
        return Ok(None);
    };
    let members = state
        .store
        .members_of_project(project)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    Ok(Some(Context {
        project: record,
        project_doc,
        staff_doc,
        members,
        seed,
    }))
}

async fn member_changed(
    state: &AppState,
    project: ProjectId,
    member: MemberId,
    doc: DocId,
) -> Result<(), SeatsError> {
    let _serial = state.derivation_lock(project).await?;
    let Some(ctx) = context(state, project).await? else {
        return Ok(());
    };
    let events = record_receipts(state, &ctx, member, doc).await?;
    for event in events {
        derive_event(state, &ctx, event, Some(member)).await?;
    }
    Ok(())
}

/// Rederives every event of the project; with `rescan`, first records receipts from every
/// member document (at startup, in case a change was stored but not yet recorded).
pub async fn rederive_project(
    state: &AppState,
    project: ProjectId,
    rescan: bool,
) -> Result<(), SeatsError> {
    let _serial = state.derivation_lock(project).await?;
    let Some(ctx) = context(state, project).await? else {
        return Ok(());
    };
    if rescan {
        let mut members: Vec<&MemberRecord> = ctx.members.values().collect();
        members.sort_by_key(|m| m.id);
        for m in members {
            record_receipts(state, &ctx, m.id, m.member_doc).await?;
        }
    }
    let events: Vec<EventId> = {
        let guard = state.derivation_doc(ctx.project_doc).await?;
        project::events(&guard).into_iter().map(|e| e.id).collect()
    };
    for event in events {
        derive_event(state, &ctx, event, None).await?;
    }
    Ok(())
}

/// [`rederive_project`] with a rescan for every project: run at startup.
pub async fn rederive_all(state: &AppState) -> Result<(), SeatsError> {
    for p in state.store.projects().await? {
        rederive_project(state, p.id, true).await?;
    }
    Ok(())
}

/// Appends to the receipt log what the member document shows that the log does not, in one
/// transaction. Returns the events of the member's sign-ups that exist in the project.
async fn record_receipts(
    state: &AppState,
    ctx: &Context,
    member: MemberId,
    doc: DocId,
) -> Result<Vec<EventId>, SeatsError> {
    let signups = {
        let guard = state.derivation_doc(doc).await?;
        member::signups(&guard)
    };
    if signups.is_empty() {
        return Ok(Vec::new());
    }
    // Only the sign-ups' events are read: reading every event of the project for each
    // member's change was a twentieth of the hub's CPU in a burst.
    let known: Vec<EventId> = {
        let guard = state.derivation_doc(ctx.project_doc).await?;
        signups
            .iter()
            .map(|s| s.event)
            .filter(|&e| project::event(&guard, e).is_some())
            .collect()
    };
    let mut append = Vec::new();
    let mut events = Vec::new();
    for signup in signups.iter().filter(|s| known.contains(&s.event)) {
        let existing = state.store.receipts(ctx.project.id, signup.event).await?;
        if let Some(kind) = receipts_to_append(&existing, member, signup.is_active()) {
            append.push((signup.event, member, kind));
        }
        events.push(signup.event);
    }
    if !append.is_empty() {
        state
            .store
            .append_receipts(ctx.project.id, &append, now_ms())
            .await?;
    }
    Ok(events)
}

/// Derives one event's seats and writes them to the member, staff and project documents.
/// After one member's change (`changed`), the other members whose status the roster already
/// holds are not written again: their documents got it when the roster did (member
/// documents are written first), and reading each of them would make a burst of sign-ups
/// cost the square of the event's size.
async fn derive_event(
    state: &AppState,
    ctx: &Context,
    event: EventId,
    changed: Option<MemberId>,
) -> Result<(), SeatsError> {
    let Some(info) = ({
        let guard = state.derivation_doc(ctx.project_doc).await?;
        project::event(&guard, event)
    }) else {
        return Ok(());
    };
    let (approvals, roster) = {
        let guard = state.derivation_doc(ctx.staff_doc).await?;
        (
            staff::approvals(&guard, event),
            staff::roster(&guard, event)
                .into_iter()
                .map(|r| (r.member, (r.status, r.ticket)))
                .collect::<HashMap<_, _>>(),
        )
    };
    let receipts = state.store.receipts(ctx.project.id, event).await?;
    let statuses = derive_seats(info.capacity, info.needs_approval, &receipts, &approvals);
    let now = Timestamp(now_ms());

    let mut lines = Vec::new();
    for (&member_id, &status) in &statuses {
        let Some(m) = ctx.members.get(&member_id) else {
            continue;
        };
        let line = roster.get(&member_id);
        let was = line.map(|(s, _)| *s);
        let settled = changed.is_some_and(|c| c != member_id) && was == Some(status);
        let short_code = if settled {
            // Signing is the costly part of a derivation; a settled line keeps its ticket.
            line.and_then(|(_, t)| t.clone())
        } else {
            let signed = (status == SeatStatus::Confirmed)
                .then(|| ticket::sign(&ctx.seed, event, member_id));
            let code = signed.as_ref().map(|t| t.encode());
            write_doc(state, m.member_doc, |doc| {
                let Some(signup) = member::signup(doc, event) else {
                    return Ok(());
                };
                let plan = plan_hub_state(status, was, signup.hub.as_ref(), &signup, code, now);
                member::set_hub_state(doc, event, &plan).map_err(|e| e.to_string())
            })
            .await?;
            signed.map(|t| t.short_code())
        };
        lines.push(staff::RosterEntry {
            member: member_id,
            name: m.display_name.clone(),
            status,
            ticket: short_code,
        });
    }
    // A line for someone with no seat any more (an account deleted) goes.
    let gone: Vec<MemberId> = roster
        .keys()
        .filter(|m| !lines.iter().any(|l| l.member == **m))
        .copied()
        .collect();
    write_doc(state, ctx.staff_doc, |doc| {
        for line in &lines {
            staff::set_roster_entry(doc, event, line).map_err(|e| e.to_string())?;
        }
        for member in &gone {
            staff::remove_roster_entry(doc, event, *member).map_err(|e| e.to_string())?;
        }
        Ok(())
    })
    .await?;
    let (confirmed, waitlisted) = counts(&statuses);
    write_doc(state, ctx.project_doc, |doc| {
        project::set_counts(doc, event, confirmed, waitlisted).map_err(|e| e.to_string())
    })
    .await?;
    Ok(())
}

async fn write_doc(
    state: &AppState,
    doc: DocId,
    write: impl FnOnce(&mut AutoCommit) -> Result<(), String>,
) -> Result<(), SeatsError> {
    write_as_hub(state, doc, "hub: seats", write).await
}

/// Writes to a cached document as the hub, stores the change, and only then tells open
/// connections. Nothing is stored or told when the writer changed nothing.
pub(crate) async fn write_as_hub(
    state: &AppState,
    doc: DocId,
    message: &str,
    write: impl FnOnce(&mut AutoCommit) -> Result<(), String>,
) -> Result<(), SeatsError> {
    let mut guard = state.docs.lock(state.store.as_ref(), doc).await?;
    let before = guard.get_heads();
    guard.set_actor(automerge::ActorId::from(state.hub_actor));
    if let Err(e) = write(&mut guard) {
        guard.rollback();
        return Err(SeatsError::Write(e));
    }
    kumppani_core::model::commit(&mut guard, message, Timestamp(now_ms()));
    if guard.get_heads() == before {
        return Ok(());
    }
    if let Err(e) = persist_changes(state.store.as_ref(), doc, &mut guard, None).await {
        guard.poison();
        return Err(e.into());
    }
    drop(guard);
    state.publish(HubEvent::DocChanged {
        doc,
        origin: crate::state::HUB_ORIGIN,
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signup(requested: i64) -> Signup {
        Signup {
            event: EventId::from_bytes([1; 16]),
            requested_at: Timestamp(requested),
            cancelled_at: None,
            hub: None,
        }
    }

    fn state(status: SeatStatus, previous: Option<SeatStatus>, at: i64) -> HubSignupState {
        HubSignupState {
            status,
            previous,
            status_at: Timestamp(at),
            ticket: None,
            answers_request: Some(Timestamp(10)),
        }
    }

    const W1: SeatStatus = SeatStatus::Waitlisted { position: 1 };

    #[test]
    fn a_first_answer_has_no_previous_status() {
        let plan = plan_hub_state(W1, None, None, &signup(10), None, Timestamp(99));
        assert_eq!(plan, state(W1, None, 99));
    }

    #[test]
    fn a_promotion_names_the_waitlist_and_carries_the_ticket() {
        let current = state(W1, None, 50);
        let plan = plan_hub_state(
            SeatStatus::Confirmed,
            Some(W1),
            Some(&current),
            &signup(10),
            Some("T".into()),
            Timestamp(99),
        );
        assert_eq!(plan.previous, Some(W1));
        assert_eq!(plan.status_at, Timestamp(99));
        assert_eq!(plan.ticket.as_deref(), Some("T"));
    }

    #[test]
    fn deriving_again_changes_nothing() {
        let current = HubSignupState {
            ticket: Some("T".into()),
            ..state(SeatStatus::Confirmed, Some(W1), 50)
        };
        let plan = plan_hub_state(
            SeatStatus::Confirmed,
            Some(SeatStatus::Confirmed),
            Some(&current),
            &signup(10),
            Some("T".into()),
            Timestamp(99),
        );
        assert_eq!(plan, current);
    }

    #[test]
    fn a_status_the_member_wrote_is_not_believed_and_no_ticket_goes_to_a_waitlist() {
        let forged = state(SeatStatus::Confirmed, None, 1);
        let plan = plan_hub_state(
            W1,
            None,
            Some(&forged),
            &signup(10),
            Some("T".into()),
            Timestamp(99),
        );
        assert_eq!(plan, state(W1, None, 99));
    }

    #[test]
    fn counts_are_confirmed_and_waitlisted_only() {
        let statuses: BTreeMap<MemberId, SeatStatus> = [
            (MemberId::from_bytes([1; 16]), SeatStatus::Confirmed),
            (MemberId::from_bytes([2; 16]), SeatStatus::Confirmed),
            (MemberId::from_bytes([3; 16]), W1),
            (MemberId::from_bytes([4; 16]), SeatStatus::Cancelled),
            (MemberId::from_bytes([5; 16]), SeatStatus::AwaitingApproval),
        ]
        .into();
        assert_eq!(counts(&statuses), (2, 1));
    }
}
