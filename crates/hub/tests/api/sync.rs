//! Devices syncing their member document through the hub, with the real device session.

use crate::helpers::{spawn_app, Device};

#[tokio::test]
async fn a_device_syncs_its_member_document_and_a_linked_device_converges_with_it() {
    let app = spawn_app().await;
    let joined = app.joined("Aino").await;
    let mut phone = Device::connect(&app, &joined).await;
    phone.write("Kirjaston lukunurkka on valoisa.").await;
    phone.write("Puiston penkit on korjattu.").await;
    phone.sync().await;
    assert_eq!(app.stored_entries(joined.member_doc).await.len(), 2);

    let linked = app.linked(&joined.token).await;
    let mut tablet = Device::connect(&app, &linked).await;
    tablet.sync().await;
    assert_eq!(tablet.entries(), phone.entries());

    // Both write; each change reaches the other live, through the hub.
    phone.write("Bussipysäkin valo palaa taas.").await;
    tablet.write("Asukasilta koululla torstaina.").await;
    phone.sync().await;
    tablet.sync().await;
    phone
        .pump_until("the tablet's entry", |d| d.entries().len() == 4)
        .await;
    tablet
        .pump_until("the phone's entry", |d| d.entries().len() == 4)
        .await;
    assert_eq!(phone.entries(), tablet.entries());
    let on_hub = app.stored_entries(joined.member_doc).await;
    assert_eq!(
        on_hub,
        phone.entries(),
        "the hub holds the union, nothing doubled"
    );
    phone.close().await;
    tablet.close().await;
}

#[tokio::test]
async fn a_returning_device_picks_up_where_it_left_off() {
    let app = spawn_app().await;
    let joined = app.joined("Aino").await;
    let mut phone = Device::connect(&app, &joined).await;
    phone.write("Ensimmäinen.").await;
    phone.sync().await;
    phone.close().await;
    let mut phone = Device::connect(&app, &joined).await;
    phone.sync().await;
    assert_eq!(phone.entries().len(), 1);
    phone.write("Toinen.").await;
    phone.sync().await;
    assert_eq!(app.stored_entries(joined.member_doc).await.len(), 2);
}

#[tokio::test]
async fn many_changes_are_compacted_without_losing_any() {
    let app = spawn_app().await;
    let joined = app.joined("Aino").await;
    let mut phone = Device::connect(&app, &joined).await;
    for n in 0..70 {
        phone.write(&format!("Merkintä {n}")).await;
        phone.sync().await;
    }
    let stored = app.stored(joined.member_doc).await;
    assert!(
        stored.chunks.len() < 64,
        "compacted: {} chunks",
        stored.chunks.len()
    );
    assert_eq!(member_entries(&stored), 70);
    phone.close().await;
}

fn member_entries(stored: &kumppani_core::store::StoredDoc) -> usize {
    kumppani_core::model::member::entries(&stored.to_doc().unwrap()).len()
}

#[tokio::test]
async fn a_device_linked_to_the_demo_resident_sees_her_diary() {
    use kumppani_hub::{clock::now_ms, demo};
    let data = std::sync::Arc::new(tempfile::tempdir().unwrap());
    let app = crate::helpers::spawn_app_with(data, None, |c| c.seed_demo = true).await;
    let aino = demo::resident(app.store.as_ref())
        .await
        .unwrap()
        .expect("the demo resident");
    app.store
        .create_link_code("DEMQ2345", &aino, now_ms() + 60_000)
        .await
        .unwrap();
    let res = app.link("demq-2345").await;
    assert_eq!(res.status(), 200);
    let linked: kumppani_core::api::JoinResponse = res.json().await.unwrap();
    assert_eq!(linked.display_name, demo::RESIDENT_NAME);
    let mut device = Device::connect(&app, &linked).await;
    device.sync().await;
    assert_eq!(device.entries().len(), 5);
    assert_eq!(app.join(demo::JOIN_CODE, "Uusi asukas").await.status(), 200);
    device.close().await;
}
