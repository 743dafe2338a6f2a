//! The root component: provides the state and the sync driver, registers the service
//! worker, and renders the router.

use crate::route::Route;
use crate::state::AppState;
use crate::sync::Command;
use dioxus::prelude::*;

const STYLE: Asset = asset!("/assets/style.css");

#[component]
pub fn App() -> Element {
    crate::i18n::use_init_i18n();
    let state = use_context_provider(|| Signal::new(AppState::default()));
    let commands = use_coroutine(move |rx: UnboundedReceiver<Command>| start_driver(rx, state));
    use_context_provider(|| commands);
    use_hook(move || platform_setup(commands));

    rsx! {
        document::Stylesheet { href: STYLE }
        Router::<Route> {}
    }
}

async fn start_driver(rx: UnboundedReceiver<Command>, state: Signal<AppState>) {
    crate::sync::driver::run(rx, state).await;
}

fn platform_setup(commands: Coroutine<Command>) {
    crate::sync::platform::watch_network(commands.tx());
    #[cfg(feature = "harness")]
    crate::harness::start();
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        // The service worker lets the installed app start with no network.
        let _ = window.navigator().service_worker().register("/sw.js");
    }
}
