//! The desktop app as a person uses it, under Xvfb: it starts, joins the demo hub, writes
//! an entry with the hub stopped, is killed and restarted, finds the entry, and syncs it
//! when the hub is back: a second desktop app linked to the same member then shows it.
//!
//! Run by `cargo xtask test` (its desktop step), which builds this with the `harness`
//! feature and gives it the hub: `KUMPPANI_HUB_BIN`. Screenshots go to
//! `target/artifacts/desktop-*.png`.

#[path = "desktop/mod.rs"]
mod desktop;

use desktop::{App, Display, Hub};

const ENTRY: &str = "Työpöytäsovelluksella kirjoitettu, kun hubi oli poissa.";
const NAME: &str = "Testi Työpöytä";
const PIN: &str = "2468";

#[test]
fn the_desktop_app_keeps_an_entry_written_offline_through_a_kill_and_syncs_it() {
    let mut hub = Hub::start();
    let display = Display::start();
    let data = tempfile::tempdir().expect("a temp dir");

    // Joins the demo project as a new resident.
    let mut app = App::start(&display, data.path().join("a"), &hub.url);
    app.wait_for_text("Project code");
    app.fill("Project code", desktop::DEMO_JOIN_CODE);
    app.fill("Your name (as others will see it)", NAME);
    app.fill_nth("Choose a PIN (4 to 12 digits)", 0, PIN);
    app.fill_nth("The same PIN again", 0, PIN);
    app.click_button("Join");
    app.pass_notice();
    app.wait_for_text("Hervannan kumppanuus");
    app.wait_for_status("Synced at");

    // The hub goes away; an entry is written and saved on this computer only.
    hub.stop();
    app.fill("What happened today?", ENTRY);
    app.check("4 · Good");
    app.check("Share with the project under my name");
    app.click_button("Save entry");
    app.wait_for_entry(ENTRY);
    app.wait_for_status("waiting to sync");

    // Killed at once, as by a crash or a flat battery, and started again.
    app.kill();
    let mut app = App::start(&display, data.path().join("a"), &hub.url);
    app.unlock(NAME, PIN);
    app.wait_for_entry(ENTRY);
    app.wait_for_status("waiting to sync");
    display.screenshot("desktop-offline-after-restart");

    // The hub comes back: the entry goes up with no action.
    hub.restart();
    app.wait_for_status("Synced at");
    display.screenshot("desktop-synced");

    // The proof that it reached the hub: another computer linked to the same member has it.
    app.click_link("Settings");
    app.click_button("Link another device");
    let code = app.text_of_test_id("link-code");
    assert!(code.len() == 8, "a link code, got {code:?}");
    app.kill();
    let mut second = App::start(&display, data.path().join("b"), &hub.url);
    second.fill("Link code", &code);
    second.fill_nth("Choose a PIN (4 to 12 digits)", 1, "9753");
    second.fill_nth("The same PIN again", 1, "9753");
    second.click_button("Link this device");
    second.pass_notice();
    second.wait_for_entry(ENTRY);
    display.screenshot("desktop-second-device");
}
