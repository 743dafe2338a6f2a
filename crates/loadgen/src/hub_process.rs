//! The hub under test as a child process, so its CPU time and peak memory can be read from
//! /proc apart from the load generator's own.

use anyhow::{bail, Context, Result};
use std::path::Path;
use std::process::Stdio;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

pub struct HubProcess {
    child: Child,
    pub url: String,
    pub join_code: String,
    pub organiser_code: String,
    _data: tempfile::TempDir,
}

/// The value after `label` on the line that starts with it.
fn field(text: &str, label: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.strip_prefix(label))
        .map(|v| v.trim().to_owned())
}

impl HubProcess {
    /// Makes a project in a fresh data dir (SQLite), or on `database_url`, then serves it.
    pub async fn start(bin: &Path, database_url: Option<&str>) -> Result<Self> {
        let data = tempfile::tempdir()?;
        let store_args = |cmd: &mut Command| {
            cmd.arg("--data").arg(data.path());
            if let Some(url) = database_url {
                cmd.args(["--database-url", url]);
            }
        };
        let mut create = Command::new(bin);
        create.args(["project", "create", "--name", "Kuormitustesti"]);
        store_args(&mut create);
        let made = create
            .output()
            .await
            .context("running kumppani-hub project create")?;
        if !made.status.success() {
            bail!(
                "project create failed: {}",
                String::from_utf8_lossy(&made.stderr)
            );
        }
        let text = String::from_utf8_lossy(&made.stdout);
        let join_code = field(&text, "Join code:").context("no join code printed")?;
        let organiser_code = field(&text, "Organiser code:").context("no organiser code")?;

        let mut serve = Command::new(bin);
        serve.args(["serve", "--addr", "127.0.0.1:0"]);
        store_args(&mut serve);
        let mut child = serve
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .context("starting kumppani-hub serve")?;
        let mut lines = BufReader::new(child.stdout.take().context("no stdout")?).lines();
        let url = loop {
            let Some(line) = lines.next_line().await? else {
                bail!("the hub exited before it listened");
            };
            if let Some(url) = line.strip_prefix("KUMPPANI_HUB_LISTENING ") {
                break url.trim().to_owned();
            }
        };
        // Keep reading, so the hub never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Ok(Self {
            child,
            url,
            join_code,
            organiser_code,
            _data: data,
        })
    }

    fn pid(&self) -> Result<u32> {
        self.child.id().context("the hub has exited")
    }

    /// User plus system CPU seconds the hub has used so far.
    pub fn cpu_seconds(&self) -> Result<f64> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid()?))?;
        // Fields after the command name, which may hold spaces: state is the first.
        let rest = stat.rsplit_once(')').context("odd /proc stat")?.1;
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let ticks: f64 = fields[11].parse::<f64>()? + fields[12].parse::<f64>()?;
        Ok(ticks / clock_ticks())
    }

    /// The most memory the hub has held resident, in MB (VmHWM).
    pub fn peak_rss_mb(&self) -> Result<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()?))?;
        let kb: f64 = field(&status, "VmHWM:")
            .context("no VmHWM")?
            .trim_end_matches("kB")
            .trim()
            .parse()?;
        Ok(kb / 1024.0)
    }

    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}

/// Linux reports CPU time in clock ticks; 100 a second everywhere this runs.
fn clock_ticks() -> f64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}
