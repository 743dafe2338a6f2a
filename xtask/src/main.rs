//! `cargo xtask run|test|bench|fuzz`: installs the tools Kumppani needs, builds the
//! web app and the hub, and runs them or the tests. Plain std::process::Command.

mod bench;
mod build;
mod bundle;
mod fuzz;
mod postgres;
mod run;
mod test;
mod tools;

use std::ffi::OsStr;
use std::fmt::Display;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{bail, Context, Result};

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  run [--data DIR] [--addr ADDR]   build the web app and the hub, then serve them
                                   (defaults: --data ./data --addr 127.0.0.1:8080)
  test [--long]                    fmt, clippy, native tests, wasm tests in Chromium,
                                   browser end-to-end tests (--long: slow tests too)
  bench [--quick]                  sync load benchmark: the hub against the
                                   automerge-repo sync server, then the hub at scale
  fuzz [--seconds N] [--target T]  the fuzz targets (cargo fuzz, nightly), N seconds
                                   each (default 600)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run::main(&args[1..]),
        Some("test") => test::main(&args[1..]),
        Some("bench") => bench::main(&args[1..]),
        Some("fuzz") => fuzz::main(&args[1..]),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(anyhow::anyhow!("unknown command `{other}`\n\n{USAGE}")),
        None => Err(anyhow::anyhow!("no command given\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("\nxtask: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Announces a step: every step of every command starts with one such line.
pub fn step(what: impl Display) {
    println!("\n==> {what}");
}

/// The workspace root (the parent of xtask/).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// Cargo's target directory (honours CARGO_TARGET_DIR like cargo and dx do).
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => workspace_root().join(dir),
        _ => workspace_root().join("target"),
    }
}

/// The cargo that runs us (so the same toolchain builds everything).
pub fn cargo() -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(workspace_root());
    cmd
}

/// Renders a command for the log, e.g. `cargo build -p kumppani-hub`.
pub fn show(cmd: &Command) -> String {
    let program = Path::new(cmd.get_program())
        .file_name()
        .unwrap_or_else(|| OsStr::new("?"))
        .to_string_lossy()
        .into_owned();
    let mut line = program;
    for arg in cmd.get_args() {
        line.push(' ');
        line.push_str(&arg.to_string_lossy());
    }
    line
}

/// Runs a command with inherited stdio and fails if it does not succeed.
pub fn run(cmd: &mut Command) -> Result<()> {
    let shown = show(cmd);
    println!("    $ {shown}");
    let status = cmd
        .status()
        .with_context(|| format!("could not start `{shown}`"))?;
    if !status.success() {
        bail!("`{shown}` failed ({status})");
    }
    Ok(())
}

/// Runs a command quietly and returns its trimmed stdout, or None if it cannot
/// be started or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}
