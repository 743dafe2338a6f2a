//! The floor: the same documents synced in memory with automerge alone (core's sync
//! rules, no network, no storage, no access checks), timing only the hub's side. The hub's
//! CPU is reported as a multiple of this.

use automerge::AutoCommit;
use kumppani_core::docsync::PeerSync;
use kumppani_core::model::{member, project};
use std::time::{Duration, Instant};

/// Hub-side seconds to take in every member document and hand each device the project.
pub fn hub_seconds(members: &[AutoCommit], project_doc: &AutoCommit) -> f64 {
    let mut hub_time = Duration::ZERO;
    for m in members {
        let mut device = m.clone();
        let mut hub = member::new_document();
        sync_pair(&mut device, &mut hub, &mut hub_time);
        let mut device_project = project::new_document();
        let mut hub_project = project_doc.clone();
        sync_pair(&mut device_project, &mut hub_project, &mut hub_time);
    }
    hub_time.as_secs_f64()
}

fn sync_pair(device: &mut AutoCommit, hub: &mut AutoCommit, hub_time: &mut Duration) {
    let (mut on_device, mut on_hub) = (PeerSync::new(), PeerSync::new());
    loop {
        let mut moved = false;
        if let Some(message) = on_device.poll_message(device) {
            let t = Instant::now();
            on_hub.receive(hub, &message).expect("a valid message");
            *hub_time += t.elapsed();
            moved = true;
        }
        let t = Instant::now();
        let reply = on_hub.poll_message(hub);
        *hub_time += t.elapsed();
        if let Some(message) = reply {
            on_device
                .receive(device, &message)
                .expect("a valid message");
            moved = true;
        }
        if !moved {
            break;
        }
    }
}
