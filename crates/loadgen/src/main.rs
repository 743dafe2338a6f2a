//! `kumppani-loadgen`: K simulated devices, each with its own member document and an
//! offline backlog (M shared diary entries, sign-ups, supports), connect to a real hub in
//! one burst over real WebSockets on loopback and pull the project document (E events, I
//! ideas). Prints one JSON line: time until all converged, each device's sync time, the
//! hub's CPU seconds and peak memory, bytes on the wire against the size of the changes,
//! frames per device, and the in-memory floor. Then some of the devices come back with a
//! few new entries each, and what they send and receive is set against the size of what
//! changed. `cargo xtask bench` runs it.

mod device;
mod floor;
mod hub_process;
mod returning;
mod workload;

use anyhow::{Context, Result};
use clap::Parser;
use device::{join, now_ms, Device, Traffic};
use futures::stream::{self, StreamExt};
use hub_process::HubProcess;
use kumppani_core::ids::{EventId, IdeaId};
use kumppani_core::model::{member, project};
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[derive(Parser)]
struct Args {
    /// The hub binary (a release build).
    #[arg(long)]
    hub_bin: PathBuf,
    /// Run the hub on this PostgreSQL database instead of a SQLite file.
    #[arg(long)]
    database_url: Option<String>,
    #[arg(long, default_value_t = 100)]
    devices: usize,
    /// Shared diary entries in each device's backlog.
    #[arg(long, default_value_t = 50)]
    entries: usize,
    #[arg(long, default_value_t = 20)]
    events: usize,
    #[arg(long, default_value_t = 30)]
    ideas: usize,
    #[arg(long, default_value_t = 2)]
    signups: usize,
    #[arg(long, default_value_t = 2)]
    supports: usize,
    #[arg(long, default_value_t = 600)]
    timeout_s: u64,
    /// Devices that come back after the burst (the first ones).
    #[arg(long, default_value_t = 100)]
    returning: usize,
    /// New diary entries each returning device wrote offline.
    #[arg(long, default_value_t = 5)]
    returning_entries: usize,
}

/// What one device measured in the burst.
struct Outcome {
    ms: f64,
    traffic: Traffic,
    error: Option<String>,
    /// What the device keeps to come back with, if it is one of the returning ones.
    kept: Option<returning::Kept>,
}

const SETUP_WAIT: Duration = Duration::from_secs(120);

#[tokio::main]
async fn main() -> Result<()> {
    let args = Args::parse();
    let hub = HubProcess::start(&args.hub_bin, args.database_url.as_deref()).await?;
    let http = reqwest::Client::new();
    eprintln!(
        "hub at {}; seeding {} events and {} ideas",
        hub.url, args.events, args.ideas
    );
    let (events, ideas, project_doc) = seed(&hub, &http, &args).await?;

    eprintln!(
        "joining {} devices and writing their offline backlogs",
        args.devices
    );
    let joined: Vec<_> = stream::iter(0..args.devices)
        .map(|n| {
            let (http, url, code) = (&http, &hub.url, &hub.join_code);
            async move { join(http, url, code, &format!("Asukas {n}")).await }
        })
        .buffered(16)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect::<Result<_>>()?;
    let now = now_ms();
    let mut change_bytes = 0;
    let prepared: Vec<_> = joined
        .into_iter()
        .enumerate()
        .map(|(n, j)| {
            let mut doc = member::new_document();
            let signups: Vec<EventId> = (0..args.signups)
                .map(|k| events[(n + k) % events.len()])
                .collect();
            let supports: Vec<IdeaId> = (0..args.supports.min(ideas.len()))
                .map(|k| ideas[(n + k) % ideas.len()])
                .collect();
            change_bytes += workload::backlog(&mut doc, args.entries, &signups, &supports, now);
            (j, doc)
        })
        .collect();
    let members: Vec<_> = prepared.iter().map(|(_, d)| d.clone()).collect();

    eprintln!("burst: {} devices connect at once", args.devices);
    let cpu_before = hub.cpu_seconds()?;
    let started = Instant::now();
    let timeout = Duration::from_secs(args.timeout_s);
    let expect = (args.events, args.ideas);
    let tasks: Vec<_> = prepared
        .into_iter()
        .enumerate()
        .map(|(n, (j, doc))| {
            let url = hub.url.clone();
            let keep = n < args.returning;
            tokio::spawn(
                async move { run_device(url, j, doc, expect, started, timeout, keep).await },
            )
        })
        .collect();
    let mut outcomes = Vec::with_capacity(tasks.len());
    for t in tasks {
        outcomes.push(t.await?);
    }
    let wall = started.elapsed().as_secs_f64();
    let hub_cpu = hub.cpu_seconds()? - cpu_before;
    let peak_mb = hub.peak_rss_mb()?;
    let kept: Vec<_> = outcomes.iter_mut().filter_map(|o| o.kept.take()).collect();
    eprintln!(
        "{} devices come back with {} new entries each",
        kept.len(),
        args.returning_entries
    );
    let returned = returning::run(&hub.url, kept, args.returning_entries, timeout).await;
    hub.stop().await;

    eprintln!("measuring the in-memory floor");
    let floor = floor::hub_seconds(&members, &project_doc);
    println!(
        "{}",
        report(
            &args,
            &outcomes,
            &returned,
            Totals {
                wall,
                hub_cpu,
                peak_mb,
                change_bytes,
                floor,
            }
        )
    );
    Ok(())
}

/// One device's burst: connect, send the backlog, pull the project, until both hold.
async fn run_device(
    url: String,
    joined: kumppani_core::api::JoinResponse,
    doc: automerge::AutoCommit,
    (events, ideas): (usize, usize),
    started: Instant,
    timeout: Duration,
    keep: bool,
) -> Outcome {
    let (member_doc, project_doc) = (joined.member_doc, joined.project_doc);
    let mut traffic = Traffic::default();
    let mut kept = None;
    let result = async {
        let mut device = Device::connect(&url, &joined, doc).await?;
        let outcome = device
            .pump_until(timeout, |d| {
                d.in_sync.contains(&member_doc)
                    && d.in_sync.contains(&project_doc)
                    && d.doc(project_doc).is_some_and(|p| {
                        project::events(p).len() == events
                            && project::published_ideas(p).len() == ideas
                    })
            })
            .await;
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        traffic = device.traffic.clone();
        if keep && outcome.is_ok() {
            kept = Some(returning::Kept {
                docs: device.keep(),
                joined: joined.clone(),
            });
        }
        device.close().await;
        outcome.map(|()| ms)
    }
    .await;
    Outcome {
        ms: *result.as_ref().unwrap_or(&f64::NAN),
        traffic,
        error: result.err().map(|e| format!("{e:#}")),
        kept,
    }
}

/// An organiser publishes the events; a few residents submit the ideas; the hub publishes
/// them. Returns the event ids, the published idea ids and the project document.
async fn seed(
    hub: &HubProcess,
    http: &reqwest::Client,
    args: &Args,
) -> Result<(Vec<EventId>, Vec<IdeaId>, automerge::AutoCommit)> {
    let now = now_ms();
    let joined = join(http, &hub.url, &hub.organiser_code, "Olli Organisoija").await?;
    let project_doc = joined.project_doc;
    let mut org = Device::connect(&hub.url, &joined, member::new_document()).await?;
    org.pump_until(SETUP_WAIT, |d| d.doc(project_doc).is_some())
        .await
        .context("the organiser's welcome")?;
    let events: Vec<EventId> = (0..args.events)
        .map(|_| EventId::from_bytes(workload::random_id()))
        .collect();
    org.edit(project_doc, |d| {
        for (n, id) in events.iter().enumerate() {
            project::add_event(
                d,
                *id,
                &workload::event(n, now),
                kumppani_core::time::Timestamp(now),
            )
            .expect("a valid event");
        }
    })
    .await?;
    // Ten ideas per seeding resident, as one person might write over a year.
    for first in (0..args.ideas).step_by(10) {
        let j = join(http, &hub.url, &hub.join_code, &format!("Ideoija {first}")).await?;
        let member_doc = j.member_doc;
        let mut doc = member::new_document();
        for n in first..(first + 10).min(args.ideas) {
            let id = IdeaId::from_bytes(workload::random_id());
            member::submit_idea(
                &mut doc,
                id,
                &workload::idea(n),
                kumppani_core::time::Timestamp(now),
            )
            .expect("a valid idea");
        }
        member::commit(&mut doc, "ideas", kumppani_core::time::Timestamp(now));
        let mut seeder = Device::connect(&hub.url, &j, doc).await?;
        seeder
            .pump_until(SETUP_WAIT, |d| d.in_sync.contains(&member_doc))
            .await
            .context("a seeder's ideas reaching the hub")?;
        seeder.close().await;
    }
    org.pump_until(SETUP_WAIT, |d| {
        d.doc(project_doc).is_some_and(|p| {
            project::events(p).len() == args.events
                && project::published_ideas(p).len() == args.ideas
        }) && d.in_sync.contains(&project_doc)
    })
    .await
    .context("the hub publishing the ideas")?;
    let doc = org.doc(project_doc).expect("the project document").clone();
    let ideas = project::published_ideas(&doc)
        .into_iter()
        .map(|i| i.id)
        .collect();
    org.close().await;
    Ok((events, ideas, doc))
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

/// The burst's figures for the whole run.
struct Totals {
    wall: f64,
    hub_cpu: f64,
    peak_mb: f64,
    change_bytes: usize,
    floor: f64,
}

fn report(
    args: &Args,
    outcomes: &[Outcome],
    returned: &[Result<returning::Returned>],
    totals: Totals,
) -> serde_json::Value {
    let Totals {
        wall,
        hub_cpu,
        peak_mb,
        change_bytes,
        floor,
    } = totals;
    let mut times: Vec<f64> = outcomes
        .iter()
        .filter(|o| o.error.is_none())
        .map(|o| o.ms)
        .collect();
    times.sort_by(f64::total_cmp);
    let failed: Vec<&str> = outcomes.iter().filter_map(|o| o.error.as_deref()).collect();
    if let Some(first) = failed.first() {
        eprintln!("{} devices failed; the first: {first}", failed.len());
    }
    let sum = |f: fn(&Traffic) -> u64| outcomes.iter().map(|o| f(&o.traffic)).sum::<u64>();
    let frames = sum(|t| t.frames_sent) as f64 / outcomes.len().max(1) as f64;
    let back: Vec<&returning::Returned> = returned.iter().filter_map(|r| r.as_ref().ok()).collect();
    if let Some(Err(e)) = returned.iter().find(|r| r.is_err()) {
        eprintln!("a returning device failed: {e:#}");
    }
    let per_back = |f: fn(&returning::Returned) -> f64| {
        back.iter().map(|r| f(r)).sum::<f64>() / back.len().max(1) as f64
    };
    let worst_back =
        |f: fn(&returning::Returned) -> f64| back.iter().map(|r| f(r)).fold(f64::NAN, f64::max);
    serde_json::json!({
        "system": "kumppani-hub",
        "devices": args.devices,
        "entries": args.entries,
        "events": args.events,
        "ideas": args.ideas,
        "converged": times.len(),
        "failed": failed.len(),
        "wall_s": wall,
        "sync_p50_ms": percentile(&times, 0.50),
        "sync_p99_ms": percentile(&times, 0.99),
        "sync_max_ms": times.last().copied().unwrap_or(f64::NAN),
        "server_cpu_s": hub_cpu,
        "server_peak_rss_mb": peak_mb,
        "bytes_sent": sum(|t| t.bytes_sent),
        "bytes_received": sum(|t| t.bytes_received),
        "change_bytes": change_bytes,
        "messages_per_device": frames,
        "floor_cpu_s": floor,
        "returning_devices": back.len(),
        "returning_failed": returned.len() - back.len(),
        "returning_entries": args.returning_entries,
        "returning_bytes": per_back(|r| r.bytes as f64),
        "returning_change_bytes": per_back(|r| r.change_bytes as f64),
        "returning_overhead_per_doc_max": worst_back(returning::Returned::overhead_per_doc),
        "returning_round_trips_max": worst_back(|r| r.max_round_trips as f64),
    })
}
