//! Kumppani, the app: Dioxus views over core's documents, with a sync driver at the edge.
//!
//! - [`app`]: the root component, providers and routes.
//! - [`views`]: one per route; [`components`]: one per file, props in.
//! - [`state`]: what the views read; only the sync driver writes it.
//! - [`sync`]: stores, hub API, transport and the driver.

pub mod app;
pub mod camera;
pub mod components;
pub mod download;
pub mod format;
#[cfg(feature = "harness")]
pub mod harness;
// The harness lets a local program drive the app: never in a release build.
#[cfg(all(feature = "harness", not(debug_assertions)))]
compile_error!("the `harness` feature is for tests/desktop_app.rs only, not for release builds");
pub mod i18n;
pub mod route;
pub mod state;
pub mod sync;
pub mod views;

/// Starts the app on the platform it was built for.
pub fn launch() {
    #[cfg(feature = "desktop")]
    {
        dioxus::LaunchBuilder::desktop()
            .with_cfg(desktop_config())
            .launch(app::App);
    }
    #[cfg(not(feature = "desktop"))]
    dioxus::launch(app::App);
}

/// A phone-shaped window with no menu bar; the webview's own data (none of Kumppani's:
/// that is in the file store) next to the app's data.
#[cfg(feature = "desktop")]
fn desktop_config() -> dioxus::desktop::Config {
    use dioxus::desktop::{Config, LogicalSize, WindowBuilder};
    let window = WindowBuilder::new()
        .with_title("Kumppani")
        .with_inner_size(LogicalSize::new(420.0, 860.0))
        .with_min_inner_size(LogicalSize::new(320.0, 480.0));
    let mut config = Config::new()
        .with_window(window)
        .with_menu(None)
        .with_disable_context_menu(true)
        .with_background_color((246, 247, 245, 255));
    if let Ok(dir) = sync::platform::data_dir() {
        config = config.with_data_directory(dir.join("webview"));
    }
    config
}
