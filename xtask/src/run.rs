//! `cargo xtask run`: build everything, then serve the app from the hub.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::{build, show, step, tools, workspace_root};

pub fn main(args: &[String]) -> Result<()> {
    let mut data = PathBuf::from("data");
    let mut addr = String::from("127.0.0.1:8080");
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .cloned()
                .with_context(|| format!("`{arg}` needs a value"))
        };
        match arg.as_str() {
            "--data" => data = PathBuf::from(value()?),
            "--addr" => addr = value()?,
            other => bail!(
                "unknown option `{other}` (usage: cargo xtask run [--data DIR] [--addr ADDR])"
            ),
        }
    }
    // Relative paths are relative to where the user ran cargo; cargo runs us
    // from there, but the builds run from the workspace root.
    let data = std::env::current_dir()?.join(data);

    let tools = tools::ensure_web_tools()?;
    let public = build::web_app(&tools)?.public;
    let hub = build::hub(true)?;

    std::fs::create_dir_all(&data)
        .with_context(|| format!("could not create the data directory {}", data.display()))?;
    let mut cmd = Command::new(&hub);
    cmd.arg("serve")
        .arg("--data")
        .arg(&data)
        .args(["--addr", &addr])
        .arg("--static")
        .arg(&public)
        .arg("--seed-demo")
        .current_dir(workspace_root());
    step(format!(
        "Starting the hub on {addr} with data in {} (Ctrl-C stops it)",
        data.display()
    ));
    println!("    $ {}", show(&cmd));
    exec(cmd)
}

/// Replaces this process with the hub, so Ctrl-C and exit codes are the hub's.
#[cfg(unix)]
fn exec(mut cmd: Command) -> Result<()> {
    use std::os::unix::process::CommandExt;
    let err = cmd.exec();
    Err(err).context("could not start the hub")
}

#[cfg(not(unix))]
fn exec(mut cmd: Command) -> Result<()> {
    crate::run(&mut cmd)
}
