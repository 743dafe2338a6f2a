//! `cargo xtask test [--long] [--only N]`: every check and test, in order, failing fast
//! (`--only N` runs step N alone, e.g. `--only 6` for the PostgreSQL tests).

use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::tools::{self, Tools, CHROMEDRIVER};
use crate::{build, cargo, run, step, workspace_root};

const STEPS: usize = 8;

pub fn main(args: &[String]) -> Result<()> {
    let mut long = false;
    let mut only: Option<usize> = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--long" => long = true,
            "--only" => {
                let n = args.next().and_then(|n| n.parse().ok());
                match n {
                    Some(n @ 1..=STEPS) => only = Some(n),
                    _ => bail!("--only takes a step number from 1 to {STEPS}"),
                }
            }
            other => {
                bail!("unknown option `{other}` (usage: cargo xtask test [--long] [--only N])")
            }
        }
    }
    let started = Instant::now();
    let mut done: Vec<(String, f64)> = Vec::new();
    let mut stage = |n: usize, name: &str, body: &mut dyn FnMut() -> Result<()>| -> Result<()> {
        if only.is_some_and(|only| only != n) {
            return Ok(());
        }
        step(format!("Step {n}/{STEPS}: {name}"));
        let t = Instant::now();
        body().with_context(|| format!("step {n}/{STEPS} ({name}) failed"))?;
        done.push((format!("{n}. {name}"), t.elapsed().as_secs_f64()));
        Ok(())
    };

    stage(1, "formatting (cargo fmt --check)", &mut || {
        run(cargo().args(["fmt", "--all", "--check"]))
    })?;
    stage(2, "lints (cargo clippy, warnings are errors)", &mut || {
        run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))?;
        // The app's driver and IndexedDB store exist only on wasm32: lint them there too.
        tools::ensure_wasm_target()?;
        run(cargo().args([
            "clippy",
            "--package",
            "kumppani",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    stage(3, "native tests (core, hub, app's file store)", &mut || {
        let mut cmd = cargo();
        cmd.args(["test", "--workspace"]);
        if long {
            cmd.env("KUMPPANI_LONG", "1")
                .args(["--", "--include-ignored"]);
        }
        run(&mut cmd)
    })?;
    // The tools for steps 4 and 5 (dx and wasm-bindgen take a while the first time).
    let mut web_tools: Option<Tools> = None;
    stage(
        4,
        "wasm tests in headless Chromium (tests/store_idb.rs)",
        &mut || {
            tools::ensure_chromium()?;
            let t = tools::ensure_web_tools()?;
            let result = wasm_tests(&t, long);
            web_tools = Some(t);
            result
        },
    )?;
    stage(
        5,
        "the app shell's size budget and browser end-to-end tests (Playwright, e2e/)",
        &mut || {
            // Found by step 4, unless it was skipped (`--only 5`).
            let t = match web_tools.take() {
                Some(t) => t,
                None => {
                    tools::ensure_chromium()?;
                    tools::ensure_web_tools()?
                }
            };
            end_to_end(&t, long)
        },
    )?;
    stage(
        6,
        "PostgreSQL tests (store conformance, several hub nodes)",
        &mut || {
            let server = crate::postgres::start()?;
            // The same tests skip themselves in step 3, where no server runs. `--workspace`
            // as there: the same features, so step 3's build is reused, not redone.
            run(cargo()
                .args(["test", "--workspace", "--test", "api", "postgres"])
                .env("KUMPPANI_TEST_PG_URL", &server.url))
        },
    )?;
    stage(
        7,
        "fuzzing: frames, the sync session, every document reader, the hub's frame handler (cargo fuzz, a short run)",
        &mut || crate::fuzz::fuzz(crate::fuzz::TARGETS, crate::fuzz::SHORT_SECONDS),
    )?;
    stage(
        8,
        "the desktop app: its build, lints, and a run under Xvfb (tests/desktop_app.rs)",
        &mut desktop,
    )?;

    let which = match only {
        Some(n) => format!("Step {n}"),
        None => format!("All {STEPS} steps"),
    };
    step(format!(
        "{which} passed in {:.0} s",
        started.elapsed().as_secs_f64()
    ));
    for (name, secs) in &done {
        println!("    {name:<60} {secs:>6.0} s");
    }
    Ok(())
}

/// The desktop app as shipped (`cargo build --features desktop`), then with its test
/// harness, driven under Xvfb against the release hub.
fn desktop() -> Result<()> {
    tools::ensure_desktop()?;
    let features = [
        "--package",
        "kumppani",
        "--no-default-features",
        "--features",
    ];
    run(cargo().args(["build"]).args(features).arg("desktop"))?;
    run(cargo()
        .args(["clippy", "--all-targets"])
        .args(features)
        .args(["harness", "--", "-D", "warnings"]))?;
    let hub = build::hub(true)?;
    step("Running the desktop app under Xvfb (screenshots go to target/artifacts/)");
    run(cargo()
        .args(["test", "--test", "desktop_app"])
        .args(features)
        .arg("harness")
        .env("KUMPPANI_HUB_BIN", &hub))
}

fn wasm_tests(tools: &Tools, long: bool) -> Result<()> {
    let root = workspace_root();
    if !root.join("tests/store_idb.rs").is_file() {
        bail!("tests/store_idb.rs does not exist (the app's IndexedDB store tests)");
    }
    let mut cmd = wasm_test_command(tools, "store_idb");
    if long {
        cmd.env("KUMPPANI_LONG", "1");
    }
    run(&mut cmd)
}

/// `cargo test` of one of the app's wasm test files, run in headless Chromium.
pub fn wasm_test_command(tools: &Tools, test: &str) -> std::process::Command {
    let mut cmd = tools.cargo();
    cmd.args(["test", "--target", tools::WASM_TARGET])
        .args(["--package", "kumppani", "--test", test])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            &tools.wasm_bindgen_test_runner,
        )
        .env("CHROMEDRIVER", CHROMEDRIVER)
        // Extra Chromium arguments (headless, no sandbox: we may run as root).
        .env(
            "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
            workspace_root().join("webdriver.json"),
        )
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    cmd
}

fn end_to_end(tools: &Tools, long: bool) -> Result<()> {
    let web = build::web_app(tools)?;
    crate::bundle::check_budget(web.shell)?;
    let public = web.public;
    // The same release hub that `cargo xtask run` starts: the browser tests prove what people get.
    let hub = build::hub(true)?;
    tools::ensure_e2e_packages(tools)?;
    let e2e = workspace_root().join("e2e");
    step("Running Playwright (traces and screenshots of failures go to e2e/test-results/)");
    println!("    KUMPPANI_HUB_BIN={}", hub.display());
    println!("    KUMPPANI_STATIC_DIR={}", public.display());
    let mut cmd = tools.command(e2e.join("node_modules/.bin/playwright"));
    cmd.current_dir(&e2e)
        .arg("test")
        .env("KUMPPANI_HUB_BIN", &hub)
        .env("KUMPPANI_STATIC_DIR", &public)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    if long {
        cmd.env("KUMPPANI_LONG", "1");
    }
    let result = run(&mut cmd);
    if result.is_err() && Path::new(&e2e.join("test-results")).is_dir() {
        println!(
            "    traces: {}/test-results (open one with `npx playwright show-trace <trace.zip>` in e2e/)",
            e2e.display()
        );
    }
    result
}
