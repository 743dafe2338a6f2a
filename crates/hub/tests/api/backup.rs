//! `kumppani-hub backup` and `restore`, run as the operator runs them (the real binary),
//! against a hub whose devices keep syncing.

use crate::helpers::{spawn_app, spawn_app_with, Device};
use std::path::Path;
use std::process::Output;
use std::sync::Arc;

/// Runs the hub binary with `args`, off the async runtime.
async fn hub_command(args: Vec<String>) -> Output {
    tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_kumppani-hub"))
            .args(&args)
            .output()
            .expect("the hub binary runs")
    })
    .await
    .unwrap()
}

fn args(command: &str, data: &Path, flag: &str, file: &Path) -> Vec<String> {
    vec![
        command.into(),
        "--data".into(),
        data.display().to_string(),
        flag.into(),
        file.display().to_string(),
    ]
}

fn texts(entries: &[kumppani_core::model::DiaryEntry]) -> Vec<String> {
    entries.iter().map(|e| e.text.clone()).collect()
}

#[tokio::test]
async fn a_backup_taken_while_devices_sync_restores_and_devices_sync_against_it() {
    let app = spawn_app().await;
    let aino = app.joined("Aino Virtanen").await;
    let mut phone = Device::connect(&app, &aino).await;
    for text in ["Ensimmäinen.", "Toinen.", "Kolmas."] {
        phone.write(text).await;
    }
    phone.sync().await;

    // Another member writes and syncs all through the backup.
    let pekka = app.joined("Pekka Korhonen").await;
    let mut tablet = Device::connect(&app, &pekka).await;
    let writer = tokio::spawn(async move {
        for i in 0..40 {
            tablet.write(&format!("Merkintä {i}.")).await;
            tablet.sync().await;
        }
        tablet
    });
    let dir = tempfile::tempdir().unwrap();
    let backup_file = dir.path().join("varmuuskopio.sqlite3");
    let out = hub_command(args("backup", app.data.path(), "--to", &backup_file)).await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Backup written and checked"), "{stdout}");
    let tablet = writer.await.unwrap();
    tablet.close().await;

    // A second backup to the same file is refused: a backup is never overwritten.
    let again = hub_command(args("backup", app.data.path(), "--to", &backup_file)).await;
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));

    phone.write("Varmuuskopion jälkeen.").await;
    phone.sync().await;
    let phone_doc = phone
        .session
        .doc(&aino.member_doc)
        .expect("the phone's document")
        .clone();
    phone.close().await;

    // Restoring under a running hub is refused, and changes nothing.
    let refused = hub_command(args("restore", app.data.path(), "--from", &backup_file)).await;
    assert!(!refused.status.success());
    let why = String::from_utf8_lossy(&refused.stderr);
    assert!(why.contains("another Kumppani hub is using"), "{why}");
    assert_eq!(app.stored_entries(aino.member_doc).await.len(), 4);

    let project = app.project.clone();
    app.stop().await;

    // The backup restored on a new machine (a fresh data dir).
    let restored_dir = Arc::new(tempfile::tempdir().unwrap());
    let out = hub_command(args("restore", restored_dir.path(), "--from", &backup_file)).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let app = spawn_app_with(restored_dir, Some(project), |_| {}).await;
    // Everything acknowledged before the backup, nothing after it.
    let mut ainos = texts(&app.stored_entries(aino.member_doc).await);
    ainos.sort();
    assert_eq!(ainos, ["Ensimmäinen.", "Kolmas.", "Toinen."]);
    // The document the other member was writing is whole at one moment: some first
    // entries of theirs, in order, none missing between.
    let mut pekkas: Vec<usize> = texts(&app.stored_entries(pekka.member_doc).await)
        .iter()
        .map(|t| {
            t.trim_start_matches("Merkintä ")
                .trim_end_matches('.')
                .parse()
                .unwrap()
        })
        .collect();
    pekkas.sort();
    assert_eq!(pekkas, (0..pekkas.len()).collect::<Vec<_>>());

    // The phone comes back with its document: the restored hub gets what it lacked.
    let mut phone = Device::connect_with(&app, &aino, phone_doc).await;
    phone.sync().await;
    phone.close().await;
    let entries = app.stored_entries(aino.member_doc).await;
    assert_eq!(entries.len(), 4);
    assert!(texts(&entries).contains(&"Varmuuskopion jälkeen.".to_owned()));
}

#[tokio::test]
async fn a_file_that_is_not_a_backup_is_refused_and_the_database_kept() {
    let app = spawn_app().await;
    let aino = app.joined("Aino Virtanen").await;
    let project = app.project.clone();
    let data = app.stop().await;
    let junk = data.path().join("ei-varmuuskopio.sqlite3");
    std::fs::write(&junk, b"this is not a database").unwrap();
    let out = hub_command(args("restore", data.path(), "--from", &junk)).await;
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a Kumppani hub backup"));
    // The hub starts on its own database as before.
    let app = spawn_app_with(data, Some(project), |_| {}).await;
    let mut phone = Device::connect(&app, &aino).await;
    phone.sync().await;
    phone.close().await;
}
