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

#[cfg(target_arch = "wasm32")]
async fn start_driver(rx: UnboundedReceiver<Command>, state: Signal<AppState>) {
    crate::sync::driver::run(rx, state).await;
}

#[cfg(not(target_arch = "wasm32"))]
async fn start_driver(_rx: UnboundedReceiver<Command>, mut state: Signal<AppState>) {
    // The native driver (file store, native WebSocket) comes with the desktop build.
    state.write().phase = crate::state::Phase::StorageFailed(
        "This build of Kumppani has no storage for this platform yet.".into(),
    );
}

#[cfg(target_arch = "wasm32")]
fn platform_setup(commands: Coroutine<Command>) {
    crate::sync::transport_web::watch_network(commands.tx());
    if let Some(window) = web_sys::window() {
        // The service worker lets the installed app start with no network.
        let _ = window.navigator().service_worker().register("/sw.js");
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn platform_setup(_commands: Coroutine<Command>) {}
