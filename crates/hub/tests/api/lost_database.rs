//! The hub loses its PostgreSQL database while phones sync (the test's database refuses
//! connections and its open ones are ended): syncs and joins fail cleanly with a reason,
//! the hub keeps running, and when the database is back the phones' retries store
//! everything, with no restart.

use crate::helpers::{set_database_reachable, spawn_app_with, TestDb};
use crate::phone::{Phone, Synced};
use kumppani_core::wire::ErrorCode;
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

#[tokio::test]
async fn a_lost_postgres_database_fails_syncs_cleanly_and_phones_catch_up_when_it_is_back() {
    let Some(db) = TestDb::create().await else {
        return;
    };
    let (admin, name, url) = (db.admin_url.clone(), db.name.clone(), db.url.clone());
    db.run(async move {
        let app = spawn_app_with(Arc::new(tempfile::tempdir().unwrap()), None, |c| {
            c.database_url = Some(url)
        })
        .await;
        let mut phone = Phone::new(app.joined("Aada Asukas").await);
        let mut written: BTreeSet<_> = phone.write(3, None).into_iter().collect();
        let (_, heads) = phone.sync_with_retries(&app.base, 3).await;
        assert!(heads.is_some(), "synced while the database is there");

        set_database_reachable(&admin, &name, false).await;
        written.extend(phone.write(50, None));
        let outcome = phone.sync_once(&app.base, Duration::from_secs(30)).await;
        assert_eq!(
            outcome,
            Synced::Refused(ErrorCode::Unavailable),
            "the hub says it cannot sync now"
        );
        let res = app.join(&app.project.join_code, "Bertta").await;
        assert_eq!(res.status(), 503, "joining waits too, with a reason");
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["error"], "unavailable");

        set_database_reachable(&admin, &name, true).await;
        let (failed, heads) = phone.sync_with_retries(&app.base, 20).await;
        assert!(heads.is_some(), "the phone catches up: {failed:?}");
        let stored: BTreeSet<_> = app
            .stored_entries(phone.joined.member_doc)
            .await
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(stored, written, "every entry is stored, each once");
        assert_eq!(
            app.join(&app.project.join_code, "Bertta").await.status(),
            200
        );
        app.stop().await;
    })
    .await;
}
