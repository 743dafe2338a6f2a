//! The audit log of organiser actions over real WebSockets: what an organiser's device does
//! to the staff document is logged once, with the organiser and the device, and
//! `kumppani-hub audit` prints it for the operator.

use crate::helpers::{spawn_app_with, Device};
use kumppani_core::audit::OrganiserAction;
use kumppani_core::ids::{EventId, ExportId, IdeaId};
use kumppani_core::model::idea::{IdeaStatus, PathStep, ReportTarget};
use kumppani_core::model::staff::{self, ExportKind, ExportRecord, Moderation};
use kumppani_core::time::Timestamp;
use kumppani_hub::clock::now_ms;
use kumppani_hub::tokens::random_bytes;
use std::sync::Arc;

#[tokio::test]
async fn an_organisers_answer_hiding_check_in_and_export_are_logged_with_who_did_them() {
    let data = Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_app_with(data.clone(), None, |_| {}).await;
    let org_joined = app.joined_organiser("Olli Organisaattori").await;
    let staff_doc = org_joined.staff_doc.unwrap();
    let resident = app.joined("Aada Asukas").await;
    let mut org = Device::connect(&app, &org_joined).await;
    org.sync_doc(staff_doc).await;
    assert!(
        app.store
            .audit_log(app.project.id, 0, 100)
            .await
            .unwrap()
            .is_empty(),
        "syncing alone does nothing"
    );

    let (idea, event) = (
        IdeaId::from_bytes(random_bytes()),
        EventId::from_bytes(random_bytes()),
    );
    let now = Timestamp(now_ms());
    org.edit(staff_doc, |d| {
        let answer = PathStep {
            status: IdeaStatus::Accepted,
            note: "Penkit tulevat keväällä.".into(),
            by_name: "Olli Organisaattori".into(),
            at: now,
        };
        staff::answer_idea(d, idea, &answer).unwrap();
        let hide = Moderation {
            hidden: true,
            reason: "Henkilötietoja".into(),
            by_name: "Olli Organisaattori".into(),
            at: now,
        };
        staff::moderate(d, ReportTarget::Idea(idea), &hide).unwrap();
        let who = resident.member_id.to_string();
        staff::check_in(d, event, &who, now, org_joined.device_id).unwrap();
        let export = ExportRecord {
            id: ExportId::from_bytes(random_bytes()),
            what: ExportKind::Roster,
            event: Some(event),
            at: now,
            by: org_joined.device_id,
        };
        staff::record_export(d, &export).unwrap();
    })
    .await;
    org.sync_doc(staff_doc).await;
    // A later sync with nothing new adds nothing.
    org.sync().await;
    let log = app.store.audit_log(app.project.id, 0, 100).await.unwrap();
    let actions: Vec<_> = log.iter().map(|l| l.action.clone()).collect();
    assert_eq!(
        actions,
        [
            OrganiserAction::Answered {
                idea,
                status: IdeaStatus::Accepted
            },
            OrganiserAction::Moderated {
                target: ReportTarget::Idea(idea),
                hidden: true
            },
            OrganiserAction::CheckedIn {
                event,
                who: resident.member_id.to_string()
            },
            OrganiserAction::Exported {
                what: ExportKind::Roster,
                event: Some(event)
            },
        ]
    );
    assert!(log
        .iter()
        .all(|l| l.member == org_joined.member_id && l.device == org_joined.device_id));
    org.close().await;
    let data = app.stop().await;

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kumppani-hub"))
        .args(["audit", "--data"])
        .arg(data.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(printed.contains("4 actions"), "{printed}");
    for what in ["answered", "hid", "checked in", "exported"] {
        assert!(
            printed.contains(&format!(
                "Olli Organisaattori (device {})  {what}",
                org_joined.device_id
            )),
            "{what}: {printed}"
        );
    }
}
