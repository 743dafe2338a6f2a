//! `cargo xtask bench [--quick]`: the sync load benchmark. Our hub and the automerge-repo
//! sync server take the same workload in the same run (K devices in one burst, each with
//! an offline backlog of M entries, pulling a project of E events and I ideas); then the
//! hub alone at larger K, and the curves over K and M. Prints a table for BENCHMARKS.md
//! and keeps every JSON line in target/bench/sync.jsonl.

use std::io::Write;
use std::process::Command;

use anyhow::{bail, Context, Result};
use serde_json::Value;

use crate::{cargo, output, run, step, target_dir, workspace_root};

/// A workload: devices, entries each, events and ideas in the project.
#[derive(Clone, Copy)]
struct Load {
    devices: usize,
    entries: usize,
}

const EVENTS: usize = 20;
const IDEAS: usize = 30;

pub fn main(args: &[String]) -> Result<()> {
    let mut quick = false;
    for arg in args {
        match arg.as_str() {
            "--quick" => quick = true,
            other => bail!("unknown option `{other}` (usage: cargo xtask bench [--quick])"),
        }
    }
    client_figures()?;
    step("Building the hub and the load generator (release)");
    run(cargo().args([
        "build",
        "--release",
        "-p",
        "kumppani-hub",
        "-p",
        "kumppani-loadgen",
    ]))?;
    let node_dir = workspace_root().join("xtask/bench-node");
    // `npm install`, not `npm ci`: npm 11's ci rejects this lock file over cbor-extract's
    // optional platform packages, which install resolves from the same lock.
    step("Installing the automerge-repo baseline (npm install in xtask/bench-node)");
    run(Command::new("npm")
        .current_dir(&node_dir)
        .args(["install", "--no-audit", "--no-fund"]))?;

    let out_dir = target_dir().join("bench");
    std::fs::create_dir_all(&out_dir)?;
    let jsonl = out_dir.join("sync.jsonl");
    let mut log = std::fs::File::create(&jsonl)?;
    let mut keep = |line: &Value| -> Result<()> {
        writeln!(log, "{line}")?;
        Ok(())
    };

    let compare = if quick {
        Load {
            devices: 100,
            entries: 50,
        }
    } else {
        Load {
            devices: 400,
            entries: 50,
        }
    };
    step(format!(
        "Same run, same workload: K={} devices, M={} entries, E={EVENTS} events, I={IDEAS} ideas",
        compare.devices, compare.entries
    ));
    let hub = hub_run(compare)?;
    keep(&hub)?;
    let baseline = node_run(compare)?;
    keep(&baseline)?;
    let mut table = comparison_table(compare, &hub, &baseline);

    let mut rows = Vec::new();
    for (label, load) in hub_runs(quick) {
        step(format!("{label}: K={}, M={}", load.devices, load.entries));
        let r = hub_run(load)?;
        keep(&r)?;
        rows.push(r);
    }
    table.push_str(&hub_table(&rows));
    step(format!("Results (every line also in {})", jsonl.display()));
    println!("{table}");
    std::fs::write(out_dir.join("sync.md"), &table)?;
    Ok(())
}

/// The hub alone: at scale, then the curves over K (M fixed) and over M (K fixed).
fn hub_runs(quick: bool) -> Vec<(&'static str, Load)> {
    let (scale, curve_k, curve_m, k_for_m): (&[usize], &[usize], &[usize], usize) = if quick {
        (&[], &[50, 100], &[25, 50], 50)
    } else {
        (&[1000, 5000], &[250, 500, 1000, 2000], &[25, 50, 100], 500)
    };
    let at = |devices, entries| Load { devices, entries };
    let scale = scale.iter().map(|&k| ("The hub alone", at(k, 50)));
    let over_k = curve_k.iter().map(|&k| ("Curve over K", at(k, 50)));
    let over_m = curve_m.iter().map(|&m| ("Curve over M", at(k_for_m, m)));
    scale.chain(over_k).chain(over_m).collect()
}

/// Loading a big member document and one more entry to durable: natively, then in Chromium.
fn client_figures() -> Result<()> {
    step("Client figures natively (criterion, tests/benches/client.rs)");
    run(cargo().args(["bench", "--package", "kumppani", "--bench", "client"]))?;
    step("Client figures in Chromium with IndexedDB (tests/store_idb_bench.rs, release)");
    crate::tools::ensure_chromium()?;
    let tools = crate::tools::ensure_web_tools()?;
    let mut cmd = crate::test::wasm_test_command(&tools, "store_idb_bench");
    // Unstripped, so wasm-bindgen can read the wasm features the build enabled.
    cmd.env("CARGO_PROFILE_RELEASE_STRIP", "false")
        .args(["--release", "--", "--nocapture"]);
    run(&mut cmd)
}

fn json_line(cmd: &mut Command, what: &str) -> Result<Value> {
    let shown = crate::show(cmd);
    println!("    $ {shown}");
    let line = output(cmd).with_context(|| format!("{what} failed: `{shown}`"))?;
    let last = line.lines().last().context("no output")?;
    let value: Value = serde_json::from_str(last).with_context(|| format!("not JSON: {last}"))?;
    println!("    {value}");
    Ok(value)
}

fn load_args(load: Load) -> Vec<String> {
    [
        ("--devices", load.devices),
        ("--entries", load.entries),
        ("--events", EVENTS),
        ("--ideas", IDEAS),
    ]
    .iter()
    .flat_map(|(k, v)| [(*k).to_owned(), v.to_string()])
    .collect()
}

fn hub_run(load: Load) -> Result<Value> {
    let release = target_dir().join("release");
    let mut cmd = Command::new(release.join("kumppani-loadgen"));
    cmd.arg("--hub-bin")
        .arg(release.join("kumppani-hub"))
        .args(load_args(load));
    json_line(&mut cmd, "the load generator")
}

fn node_run(load: Load) -> Result<Value> {
    let mut cmd = Command::new("node");
    cmd.current_dir(workspace_root().join("xtask/bench-node"))
        .arg("load.mjs")
        .args(load_args(load));
    json_line(&mut cmd, "the automerge-repo baseline")
}

fn num(v: &Value, key: &str) -> f64 {
    v.get(key).and_then(Value::as_f64).unwrap_or(f64::NAN)
}

/// Baseline ÷ hub, so "10×" means the hub needed a tenth.
fn ratio(hub: &Value, base: &Value, key: &str) -> String {
    format!("{:.1}×", num(base, key) / num(hub, key))
}

fn comparison_table(load: Load, hub: &Value, base: &Value) -> String {
    let mut t = format!(
        "K={} devices × M={} entries, E={EVENTS}, I={IDEAS} (`cargo xtask bench`)\n\n\
         | figure | kumppani-hub | {} | baseline ÷ hub |\n|---|---|---|---|\n",
        load.devices,
        load.entries,
        base.get("system")
            .and_then(Value::as_str)
            .unwrap_or("baseline"),
    );
    for (name, key, unit) in [
        ("converged (of K)", "converged", ""),
        ("wall time until all converged", "wall_s", " s"),
        ("device sync p50", "sync_p50_ms", " ms"),
        ("device sync p99", "sync_p99_ms", " ms"),
        ("device sync max", "sync_max_ms", " ms"),
        ("server CPU", "server_cpu_s", " s"),
        ("server peak memory", "server_peak_rss_mb", " MB"),
        ("bytes devices sent", "bytes_sent", ""),
        ("bytes devices received", "bytes_received", ""),
        ("size of the changes", "change_bytes", ""),
        ("frames sent per device", "messages_per_device", ""),
    ] {
        t.push_str(&format!(
            "| {name} | {:.1}{unit} | {:.1}{unit} | {} |\n",
            num(hub, key),
            num(base, key),
            ratio(hub, base, key)
        ));
    }
    t.push_str(&format!(
        "\nThe hub's CPU is {:.1}× the in-memory floor ({:.2} s: the same syncs with automerge \
         alone, hub side only).\n\n",
        num(hub, "server_cpu_s") / num(hub, "floor_cpu_s"),
        num(hub, "floor_cpu_s")
    ));
    t.push_str(&returning_line(hub));
    t
}

/// The returning devices: traffic against the new changes, and round trips.
fn returning_line(hub: &Value) -> String {
    let (bytes, changes) = (
        num(hub, "returning_bytes"),
        num(hub, "returning_change_bytes"),
    );
    format!(
        "{:.0} devices came back with {:.0} new entries each (the project having moved on \
         meanwhile): each sent and received {bytes:.0} bytes on average for {changes:.0} bytes \
         of changes new to one side (automerge's `save_after`), {:.2}× (target at most \
         1.25× + 2 KB per document; worst device {:+.0} bytes per document past 1.25×), in \
         at most {:.0} sync frames sent per document (target 2 round trips).\n\n",
        num(hub, "returning_devices"),
        num(hub, "returning_entries"),
        bytes / changes,
        num(hub, "returning_overhead_per_doc_max"),
        num(hub, "returning_round_trips_max"),
    )
}

fn hub_table(rows: &[Value]) -> String {
    let mut t = String::from(
        "| K | M | converged | wall s | p50 ms | p99 ms | max ms | hub CPU s | peak MB | CPU ÷ floor |\n\
         |---|---|---|---|---|---|---|---|---|---|\n",
    );
    for r in rows {
        t.push_str(&format!(
            "| {} | {} | {} | {:.1} | {:.0} | {:.0} | {:.0} | {:.1} | {:.0} | {:.1}× |\n",
            num(r, "devices"),
            num(r, "entries"),
            num(r, "converged"),
            num(r, "wall_s"),
            num(r, "sync_p50_ms"),
            num(r, "sync_p99_ms"),
            num(r, "sync_max_ms"),
            num(r, "server_cpu_s"),
            num(r, "server_peak_rss_mb"),
            num(r, "server_cpu_s") / num(r, "floor_cpu_s"),
        ));
    }
    t
}
