//! The audit log of organiser actions: the hub reads each change an organiser's device
//! makes to a staff document (core's [`staff_actions`]) and keeps what it finds, with the
//! device and member, in the store's append-only log. `kumppani-hub audit` prints it.
//!
//! The log follows the change: it is written after the change is stored, and a failure
//! to write it is logged as an error, never a refusal of the change (the device would
//! resend it, and the organiser's work at the door must not wait on the log).

use crate::clock::now_ms;
use crate::state::AppState;
use crate::store::{DeviceIdentity, DocMeta};
use automerge::{AutoCommit, ChangeHash};
use kumppani_core::audit::staff_actions;
use kumppani_core::wire::DocKind;

/// Whether changes to this document by this peer are audited: an organiser's (a device
/// that may write it) to the staff document.
pub fn watches(meta: &DocMeta, read_only: bool) -> bool {
    meta.kind == DocKind::Staff && !read_only
}

/// Logs what `by` did to `doc`: the difference between its heads before the device's
/// message came in and just after (storing may then catch up with other nodes' changes,
/// which are not this device's doing).
pub async fn record(
    state: &AppState,
    by: &DeviceIdentity,
    meta: &DocMeta,
    doc: &mut AutoCommit,
    (before, after): (&[ChangeHash], &[ChangeHash]),
) {
    let versions = doc
        .fork_at(before)
        .and_then(|earlier| Ok((earlier, doc.fork_at(after)?)));
    let (earlier, later) = match versions {
        Ok(v) => v,
        Err(e) => {
            tracing::error!(error = %e, device = %by.device, "could not read a staff document's versions for the audit log");
            return;
        }
    };
    let actions = staff_actions(&earlier, &later);
    if actions.is_empty() {
        return;
    }
    for action in &actions {
        tracing::info!(device = %by.device, member = %by.member.id, action = action.name(), "organiser action");
    }
    if let Err(e) = state
        .store
        .append_audit(meta.project, by, &actions, now_ms())
        .await
    {
        tracing::error!(error = %e, device = %by.device, count = actions.len(), "could not write the audit log");
    }
}

/// Every project's audit log (or one project's), oldest first, one line per action, for
/// `kumppani-hub audit`: sequence number, time (UTC), who, on which device, what.
pub async fn print_log(
    store: &dyn crate::store::HubStore,
    project: Option<kumppani_core::ids::ProjectId>,
    after: u64,
    limit: u32,
) -> Result<String, crate::store::StoreError> {
    use std::fmt::Write;
    let mut out = String::new();
    for p in store.projects().await? {
        if project.is_some_and(|id| id != p.id) {
            continue;
        }
        let names: std::collections::HashMap<_, _> = store
            .members_of_project(p.id)
            .await?
            .into_iter()
            .map(|m| (m.id, m.display_name))
            .collect();
        let lines = store.audit_log(p.id, after, limit).await?;
        let _ = writeln!(out, "{} ({}): {} actions", p.name, p.id, lines.len());
        for line in lines {
            let who = names.get(&line.member).map_or("(removed)", String::as_str);
            let _ = writeln!(out, "{}", describe(&line, who));
        }
    }
    Ok(out)
}

/// One audit line as a person reads it.
pub fn describe(line: &crate::store::AuditLine, who: &str) -> String {
    let at = chrono::DateTime::from_timestamp_millis(line.at)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_else(|| line.at.to_string());
    // The action's fields that have a value, as `key=value`, after its name.
    let details = match serde_json::to_value(&line.action) {
        Ok(serde_json::Value::Object(fields)) => fields
            .into_iter()
            .filter(|(k, v)| k != "action" && !v.is_null())
            .map(|(k, v)| match v {
                serde_json::Value::String(s) => format!("{k}={s}"),
                other => format!("{k}={other}"),
            })
            .collect::<Vec<_>>()
            .join(" "),
        _ => String::new(),
    };
    format!(
        "{:>6}  {at}  {who} (device {})  {}  {details}",
        line.seq,
        line.device,
        line.action.name()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::AuditLine;
    use kumppani_core::audit::OrganiserAction;
    use kumppani_core::ids::{DeviceId, EventId, MemberId};

    #[test]
    fn a_line_says_when_who_which_device_and_what() {
        let line = AuditLine {
            seq: 12,
            at: 1_795_000_000_000,
            member: MemberId::from_bytes([1; 16]),
            device: DeviceId::from_bytes([2; 16]),
            action: OrganiserAction::CheckedIn {
                event: EventId::from_bytes([3; 16]),
                who: "walk-in".into(),
            },
        };
        assert_eq!(
            describe(&line, "Olli Organisaattori"),
            format!(
                "    12  2026-11-18 11:06:40  Olli Organisaattori (device {})  checked in  event={} who=walk-in",
                "02".repeat(16),
                "03".repeat(16)
            )
        );
        let export = AuditLine {
            action: OrganiserAction::Exported {
                what: kumppani_core::model::staff::ExportKind::Entries,
                event: None,
            },
            ..line
        };
        assert!(describe(&export, "Olga").ends_with("  exported  what=entries"));
    }
}
