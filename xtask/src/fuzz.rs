//! `cargo xtask fuzz [--seconds N] [--target NAME]`: the fuzz targets in crates/fuzz under
//! cargo fuzz (nightly Rust, libFuzzer with AddressSanitizer), each for N seconds (default
//! 600). `cargo xtask test` runs each for a short while. A crash or a run past the memory
//! limit fails, and libFuzzer saves the input under crates/fuzz/artifacts/<target>/.

use std::process::Command;

use anyhow::{bail, Result};

use crate::{cargo, output, run, step, target_dir, workspace_root};

/// Frame decoding, the device's sync session, the readers of every document kind, and the
/// hub's frame handler over its real store.
pub const TARGETS: &[&str] = &["frame", "session", "doc_readers", "hub_frames"];
/// Seconds per target in `cargo xtask test`.
pub const SHORT_SECONDS: u32 = 20;
const LONG_SECONDS: u32 = 600;
/// Memory stays bounded: libFuzzer fails a run that holds more.
const RSS_LIMIT_MB: u32 = 2048;

pub fn main(args: &[String]) -> Result<()> {
    let mut seconds = LONG_SECONDS;
    let mut only: Option<String> = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seconds" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => seconds = n,
                None => bail!("--seconds takes a number"),
            },
            "--target" => match args.next() {
                Some(t) if TARGETS.contains(&t.as_str()) => only = Some(t.clone()),
                _ => bail!("--target takes one of {}", TARGETS.join(", ")),
            },
            other => bail!(
                "unknown option `{other}` (usage: cargo xtask fuzz [--seconds N] [--target NAME])"
            ),
        }
    }
    let targets: Vec<&str> = match &only {
        Some(t) => vec![t.as_str()],
        None => TARGETS.to_vec(),
    };
    fuzz(&targets, seconds)
}

/// Installs what is missing, then runs each target for `seconds`.
pub fn fuzz(targets: &[&str], seconds: u32) -> Result<()> {
    ensure_tools()?;
    for target in targets {
        step(format!(
            "Fuzzing `{target}` for {seconds} s (builds with AddressSanitizer the first time)"
        ));
        run(nightly_cargo().args([
            "fuzz",
            "run",
            "--fuzz-dir",
            "crates/fuzz",
            "--target-dir",
            &target_dir().join("fuzz").to_string_lossy(),
            "-O",
            target,
            "--",
            &format!("-max_total_time={seconds}"),
            &format!("-rss_limit_mb={RSS_LIMIT_MB}"),
            "-max_len=65536",
            // Long inputs from the start: the structured targets need bytes for their edits.
            "-len_control=0",
        ]))?;
    }
    Ok(())
}

/// `cargo +nightly` through rustup, without the variables the stable cargo running xtask
/// set (they would pin the stable toolchain).
fn nightly_cargo() -> Command {
    let mut cmd = Command::new("cargo");
    cmd.arg("+nightly")
        .current_dir(workspace_root())
        .env_remove("CARGO")
        .env_remove("RUSTC")
        .env_remove("RUSTUP_TOOLCHAIN");
    cmd
}

fn ensure_tools() -> Result<()> {
    step("Checking the nightly Rust toolchain (cargo fuzz needs it for libFuzzer and AddressSanitizer)");
    let toolchains = output(Command::new("rustup").args(["toolchain", "list"])).unwrap_or_default();
    if toolchains.lines().any(|l| l.starts_with("nightly")) {
        println!("    nightly is installed");
    } else {
        step("Installing the nightly Rust toolchain (minimal profile)");
        run(Command::new("rustup").args([
            "toolchain",
            "install",
            "nightly",
            "--profile",
            "minimal",
        ]))?;
    }
    step("Checking cargo-fuzz");
    match output(nightly_cargo().args(["fuzz", "--version"])) {
        Some(v) => println!("    {v}"),
        None => {
            step("Installing cargo-fuzz (about a minute)");
            run(cargo().args(["install", "cargo-fuzz", "--locked"]))?;
        }
    }
    Ok(())
}
