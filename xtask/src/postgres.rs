//! A throwaway PostgreSQL server for the hub's PostgreSQL tests: installed with apt-get
//! when missing, a fresh cluster in target/ on a free loopback port, stopped (and its
//! files removed) when the tests are done, pass or fail.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::tools::{apt_install, is_root};
use crate::{output, run, step, target_dir};

/// The database user the tests connect as (trust authentication on loopback only).
const USER: &str = "kumppani";

pub struct Postgres {
    pub url: String,
    bin: PathBuf,
    dir: PathBuf,
}

impl Drop for Postgres {
    fn drop(&mut self) {
        step("Stopping the test PostgreSQL server");
        let data = self.dir.join("data");
        let _ = run(as_owner(&self.bin.join("pg_ctl")).args([
            "-D",
            &data.to_string_lossy(),
            "-m",
            "fast",
            "-w",
            "stop",
        ]));
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The newest PostgreSQL server binaries installed (Debian keeps them per version).
fn find_bin() -> Option<PathBuf> {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| {
            let e = e.ok()?;
            let version = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    found.sort();
    if let Some((_, bin)) = found.pop() {
        return Some(bin);
    }
    // Elsewhere initdb is usually on PATH.
    let initdb = output(Command::new("sh").args(["-c", "command -v initdb"]))?;
    Path::new(&initdb).parent().map(Path::to_path_buf)
}

/// PostgreSQL refuses to run as root: then its files belong to, and it runs as, `postgres`
/// (the Debian package makes that user).
fn as_owner(program: &Path) -> Command {
    if is_root() {
        let mut cmd = Command::new("runuser");
        // `postgres` may not enter the checkout: start it where anyone may be.
        cmd.args(["-u", "postgres", "--"])
            .arg(program)
            .current_dir("/");
        cmd
    } else {
        Command::new(program)
    }
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")
        .context("finding a free port for PostgreSQL")?
        .local_addr()?
        .port())
}

/// Installs PostgreSQL if needed and starts a fresh server; stopped when dropped.
pub fn start() -> Result<Postgres> {
    step("Checking PostgreSQL");
    let bin = match find_bin() {
        Some(bin) => {
            println!("    found {}", bin.display());
            bin
        }
        None => {
            step("Installing PostgreSQL with apt-get (the hub's PostgreSQL store is tested on a real server)");
            apt_install(&["postgresql"])?;
            find_bin().context("apt-get finished, but initdb is still missing")?
        }
    };
    let port = free_port()?;
    // Run as `postgres`, the server must reach its files: a checkout under a private
    // directory (mktemp's, a home) would not let it, so it lives in the temp dir then.
    let dir = if is_root() {
        std::env::temp_dir()
    } else {
        target_dir()
    }
    .join(format!("kumppani-pg-{port}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    if is_root() {
        run(Command::new("chown").arg("postgres").arg(&dir))?;
    }
    let data = dir.join("data");
    step(format!(
        "Starting a throwaway PostgreSQL server on 127.0.0.1:{port}"
    ));
    run(as_owner(&bin.join("initdb"))
        .args([
            "--auth=trust",
            "--encoding=UTF8",
            "--no-instructions",
            "-U",
            USER,
            "-D",
        ])
        .arg(&data)
        .stdout(std::process::Stdio::null()))?;
    let server = Postgres {
        url: format!("postgres://{USER}@127.0.0.1:{port}/postgres"),
        bin: bin.clone(),
        dir: dir.clone(),
    };
    let options = format!(
        "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=300",
        dir.display()
    );
    run(as_owner(&bin.join("pg_ctl"))
        .args(["-D", &data.to_string_lossy(), "-l"])
        .arg(dir.join("server.log"))
        .args(["-o", &options, "-w", "start"]))?;
    if output(Command::new(bin.join("pg_isready")).args([
        "-h",
        "127.0.0.1",
        "-p",
        &port.to_string(),
    ]))
    .is_none()
    {
        bail!(
            "PostgreSQL did not start; see {}",
            dir.join("server.log").display()
        );
    }
    println!("    {}", server.url);
    Ok(server)
}
