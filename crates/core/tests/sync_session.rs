//! Stories of devices syncing with a hub through the real session, on a simulated network.

mod common;

use common::*;
use kumppani_core::session::Phase;
use proptest::prelude::*;

#[test]
fn entries_written_offline_reach_the_hub_when_the_device_connects() {
    let mut net = Net::new(1);
    net.devices[0].write("Kirjaston lukunurkka oli täynnä.");
    net.devices[0].write("Puiston penkit on maalattu.");
    assert!(net.hub_texts().is_empty());
    net.connect(0);
    net.run_until_idle();
    assert_eq!(net.hub_texts(), net.devices[0].texts());
    assert_eq!(net.hub_texts().len(), 2);
    assert_eq!(net.devices[0].session.pending(), 0);
    assert!(matches!(net.devices[0].session.phase(), Phase::Ready(_)));
}

#[test]
fn two_devices_writing_offline_both_end_with_every_entry_once() {
    let mut net = Net::new(2);
    net.devices[0].write("A1");
    net.devices[0].write("A2");
    net.devices[1].write("B1");
    net.connect(0);
    net.connect(1);
    net.run_until_idle();
    let all = vec!["A1".to_string(), "A2".into(), "B1".into()];
    assert_eq!(net.devices[0].texts(), all);
    assert_eq!(net.devices[1].texts(), all);
    assert_eq!(net.hub_texts(), all);
}

#[test]
fn a_change_written_while_connected_is_pushed_to_the_other_device() {
    let mut net = Net::new(2);
    net.connect(0);
    net.connect(1);
    net.run_until_idle();
    net.devices[0].write("live");
    net.run_until_idle();
    assert_eq!(net.devices[1].texts(), vec!["live".to_string()]);
}

#[test]
fn a_second_sync_after_convergence_sends_only_the_new_change() {
    let mut net = Net::new(1);
    for i in 0..50 {
        net.devices[0].write(&format!(
            "Merkintä {i}: kävin tänään asukasillassa koululla, ja puhuimme pitkään puiston \
             valaistuksesta, bussipysäkin katoksesta ja kirjaston aukioloajoista."
        ));
    }
    net.connect(0);
    net.run_until_idle();
    let first_sync = net.change_bytes_sent[0];
    net.break_connection(0);

    net.devices[0].write("Uusi merkintä");
    let new_change = net.devices[0]
        .session
        .doc(&MEMBER_DOC)
        .unwrap()
        .clone()
        .get_last_local_change()
        .unwrap()
        .raw_bytes()
        .len();
    net.change_bytes_sent[0] = 0;
    net.connect(0);
    net.run_until_idle();
    let second_sync = net.change_bytes_sent[0];
    assert_eq!(net.hub_texts().len(), 51);
    assert!(second_sync > 0, "the new change was sent");
    assert!(
        second_sync <= 2 * new_change,
        "second sync sent {second_sync} bytes of changes for one change of {new_change} bytes"
    );
    assert!(
        second_sync * 4 < first_sync,
        "{second_sync} vs first sync {first_sync}"
    );
}

#[test]
fn a_restarted_device_resumes_from_its_saved_state() {
    let mut net = Net::new(1);
    net.devices[0].write("ennen");
    net.connect(0);
    net.run_until_idle();
    net.break_connection(0);
    net.devices[0].write("jälkeen");
    net.devices[0].restart();
    assert_eq!(
        net.devices[0].texts(),
        vec!["ennen".to_string(), "jälkeen".into()]
    );
    assert_eq!(
        net.devices[0].session.pending(),
        1,
        "only the new entry waits"
    );
    net.connect(0);
    net.run_until_idle();
    assert_eq!(net.hub_texts(), net.devices[0].texts());
}

#[test]
fn a_forged_frame_from_the_hub_closes_the_session_without_a_panic() {
    let mut net = Net::new(1);
    net.connect(0);
    let dev = &mut net.devices[0];
    let out = dev.session.handle(
        NOW,
        kumppani_core::session::SessionInput::Received(vec![1, 0x03, 9]),
    );
    assert!(out.close.is_some());
    assert!(matches!(dev.session.phase(), Phase::Disconnected));
}

#[test]
fn a_hub_that_refuses_the_token_stops_the_device_from_retrying() {
    let mut net = Net::new(1);
    net.connect(0);
    let dev = &mut net.devices[0];
    let frame = kumppani_core::wire::Frame::Error {
        code: kumppani_core::wire::ErrorCode::AuthFailed,
        message: "revoked".into(),
    };
    let out = dev.session.handle(
        NOW,
        kumppani_core::session::SessionInput::Received(frame.encode()),
    );
    assert!(out.close.unwrap().is_permanent());
    assert!(matches!(dev.session.phase(), Phase::Stopped(_)));

    // The same token again changes nothing; a newer one (another tab took it) signs in.
    dev.session.set_token(common::TOKEN.into());
    let out = dev
        .session
        .handle(NOW, kumppani_core::session::SessionInput::Connected);
    assert!(
        out.send.is_empty(),
        "a stopped session does not sign in again"
    );
    dev.session.set_token("a newer token".into());
    let out = dev
        .session
        .handle(NOW, kumppani_core::session::SessionInput::Connected);
    let auth = kumppani_core::wire::Frame::decode(&out.send[0]).unwrap();
    assert_eq!(
        auth,
        kumppani_core::wire::Frame::Auth {
            token: "a newer token".into()
        }
    );
}

#[derive(Debug, Clone)]
enum Op {
    Write(usize),
    Step,
    Break(usize),
    Connect(usize),
    Restart(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0usize..2).prop_map(Op::Write),
        6 => Just(Op::Step),
        1 => (0usize..2).prop_map(Op::Break),
        2 => (0usize..2).prop_map(Op::Connect),
        1 => (0usize..2).prop_map(Op::Restart),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Whatever the edits and wherever the connection breaks (losing the frames in flight),
    /// once both devices reconnect and the network goes quiet, all three hold the same
    /// entries: every entry written, each exactly once.
    #[test]
    fn sync_converges_whatever_breaks_in_between(ops in proptest::collection::vec(op(), 1..80)) {
        let mut net = Net::new(2);
        let mut written = Vec::new();
        for op in ops {
            match op {
                Op::Write(d) => {
                    let text = format!("d{d}-{}", written.len());
                    net.devices[d].write(&text);
                    written.push(text);
                }
                Op::Step => { net.step(); }
                Op::Break(d) => if net.devices[d].connected { net.break_connection(d) },
                Op::Connect(d) => if !net.devices[d].connected { net.connect(d) },
                Op::Restart(d) => {
                    if net.devices[d].connected { net.break_connection(d); }
                    net.devices[d].restart();
                }
            }
        }
        for d in 0..2 {
            if net.devices[d].connected { net.break_connection(d); }
            net.connect(d);
        }
        net.run_until_idle();
        written.sort();
        prop_assert_eq!(net.hub_texts(), written.clone());
        prop_assert_eq!(net.devices[0].texts(), written.clone());
        prop_assert_eq!(net.devices[1].texts(), written);
        for d in 0..2 {
            prop_assert_eq!(net.devices[d].session.pending(), 0);
        }
    }
}
