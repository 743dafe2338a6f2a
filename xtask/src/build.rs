//! Builds the web app (dx) and the hub (cargo).

use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use crate::bundle::{self, Sizes};
use crate::tools::Tools;
use crate::{cargo, run, step, target_dir};

/// The Cargo package of the Dioxus app.
const APP_PACKAGE: &str = "kumppani";

/// Where `dx build --platform web --release` puts the site for [`APP_PACKAGE`].
pub fn web_public_dir() -> PathBuf {
    target_dir()
        .join("dx")
        .join(APP_PACKAGE)
        .join("release/web/public")
}

/// A release build of the web app.
pub struct WebApp {
    /// The directory to serve.
    pub public: PathBuf,
    /// The app shell's total size (html, JS, wasm, CSS).
    pub shell: Sizes,
}

/// Builds the web app in release with dx, writes the brotli and gzip copies the hub
/// serves, and reports the sizes.
pub fn web_app(tools: &Tools) -> Result<WebApp> {
    step(format!(
        "Building the web app ({APP_PACKAGE}) in release with dx (wasm, then wasm-opt; several minutes from cold)"
    ));
    // dx adds new hashed files beside the old ones; the hub's precache list (and so every
    // phone's service worker) would carry the stale ones too.
    let public = web_public_dir();
    if public.exists() {
        std::fs::remove_dir_all(&public)
            .with_context(|| format!("clearing the old build in {}", public.display()))?;
    }
    run(tools
        .command("dx")
        .args([
            "build",
            "--platform",
            "web",
            "--release",
            // Cargo.toml's smallest-wasm profile (opt-level z, one codegen unit, abort on panic).
            "--profile",
            "wasm-release",
            "--debug-symbols=false",
        ])
        .args(["--package", APP_PACKAGE])
        // Use esbuild, wasm-opt and wasm-bindgen from PATH; download nothing.
        .env("NO_DOWNLOADS", "1")
        .env("DX_TELEMETRY_ENABLED", "false"))?;
    if !public.join("index.html").is_file() {
        bail!("dx finished, but {} has no index.html", public.display());
    }
    println!("    web app built into {}", public.display());
    step("Compressing the app shell (brotli and gzip copies for the hub to serve)");
    let (each, shell) = bundle::compress(&public)?;
    let table = bundle::table(&each, shell);
    println!("{table}");
    let report = target_dir().join("bench");
    std::fs::create_dir_all(&report)?;
    std::fs::write(report.join("bundle.md"), &table)?;
    Ok(WebApp { public, shell })
}

/// Builds the hub binary and returns its path.
pub fn hub(release: bool) -> Result<PathBuf> {
    let profile = if release { "release" } else { "debug" };
    step(format!("Building the hub (kumppani-hub, {profile})"));
    let mut cmd = cargo();
    cmd.args([
        "build",
        "--package",
        "kumppani-hub",
        "--bin",
        "kumppani-hub",
    ]);
    if release {
        cmd.arg("--release");
    }
    run(&mut cmd)?;
    let bin = target_dir().join(profile).join("kumppani-hub");
    if !bin.is_file() {
        bail!("cargo finished, but {} is missing", bin.display());
    }
    Ok(bin)
}
