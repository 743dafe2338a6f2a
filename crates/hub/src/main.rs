//! `kumppani-hub`: run the hub (`serve`), make a project (`project create`), print the
//! codes people join with (`codes`), print what organisers did (`audit`), or back up and
//! restore its SQLite file.

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use kumppani_hub::store::{self, HubStore};
use kumppani_hub::{backup, banner, demo, projects, tokens, Application, Config};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(
    name = "kumppani-hub",
    version,
    about = "The Kumppani hub: join, devices and sync"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the hub.
    Serve(ServeArgs),
    /// Manage projects.
    Project {
        #[command(subcommand)]
        command: ProjectCommand,
    },
    /// Print every project's join and organiser codes with their links.
    Codes {
        #[command(flatten)]
        data: DataArg,
        /// The address people reach the hub at, for the links.
        #[arg(long, default_value = "http://127.0.0.1:8080")]
        public_url: String,
    },
    /// Print the audit log of organiser actions: who answered, hid, checked in, decided or
    /// exported what, and when.
    Audit {
        #[command(flatten)]
        data: DataArg,
        /// Only this project (its id, as `codes` prints it).
        #[arg(long)]
        project: Option<kumppani_core::ids::ProjectId>,
        /// Only lines after this sequence number (the first column).
        #[arg(long, default_value_t = 0)]
        after: u64,
        /// At most this many lines per project.
        #[arg(long, default_value_t = 1000)]
        limit: u32,
    },
    /// Copy the SQLite database to a new file, consistent while the hub runs and devices
    /// sync. (PostgreSQL: use pg_dump, see docs/OPERATIONS.md.)
    Backup {
        /// Directory holding kumppani.sqlite3.
        #[arg(long = "data", default_value = "./data")]
        data_dir: PathBuf,
        /// The backup file to write; it must not exist yet.
        #[arg(long)]
        to: PathBuf,
    },
    /// Replace the SQLite database with a backup; the hub must be stopped. The database
    /// replaced is kept beside it.
    Restore {
        /// Directory to hold kumppani.sqlite3.
        #[arg(long = "data", default_value = "./data")]
        data_dir: PathBuf,
        /// The backup file.
        #[arg(long)]
        from: PathBuf,
    },
}

#[derive(Subcommand)]
enum ProjectCommand {
    /// Create a project; prints its id, join code and organiser code.
    Create {
        #[arg(long)]
        name: String,
        #[command(flatten)]
        data: DataArg,
    },
}

#[derive(Args)]
struct DataArg {
    /// Directory holding kumppani.sqlite3.
    #[arg(long = "data", default_value = "./data")]
    dir: PathBuf,
    /// A PostgreSQL database to use instead of the SQLite file (postgres://user@host/db);
    /// several hub nodes can share one.
    #[arg(long, env = "KUMPPANI_DATABASE_URL")]
    database_url: Option<String>,
}

#[derive(Args)]
struct ServeArgs {
    #[command(flatten)]
    data: DataArg,
    /// Address to listen on; port 0 picks a free one.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// The built app (PWA) to serve.
    #[arg(long = "static")]
    static_dir: Option<PathBuf>,
    /// Create the demo project on first start.
    #[arg(long)]
    seed_demo: bool,
    /// The address people reach the hub at (default: http://<addr>).
    #[arg(long)]
    public_url: Option<String>,
    /// The hub runs behind a reverse proxy that sets X-Forwarded-For (see
    /// docs/OPERATIONS.md); without this, every request would seem to come from the proxy.
    #[arg(long)]
    behind_proxy: bool,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    match Cli::parse().command {
        Command::Serve(args) => serve(args).await,
        Command::Project {
            command: ProjectCommand::Create { name, data },
        } => {
            let store = open(&data).await?;
            let p = projects::create_project(store.as_ref(), name.trim()).await?;
            println!("Project created: {}", p.name);
            println!("Project id:     {}", p.id);
            println!("Join code:      {}", p.join_code);
            println!("Organiser code: {}", p.organiser_code);
            store.close().await;
            Ok(())
        }
        Command::Codes { data, public_url } => {
            let store = open(&data).await?;
            print!(
                "{}",
                banner::projects(&store.projects().await?, &public_url, true)
            );
            store.close().await;
            Ok(())
        }
        Command::Audit {
            data,
            project,
            after,
            limit,
        } => {
            let store = open(&data).await?;
            let log = kumppani_hub::audit::print_log(store.as_ref(), project, after, limit)
                .await
                .context("reading the audit log")?;
            print!("{log}");
            store.close().await;
            Ok(())
        }
        Command::Backup { data_dir, to } => {
            println!("Backing up {} to {} …", data_dir.display(), to.display());
            let summary = backup::backup(&data_dir, &to)
                .await
                .context("backing up the hub")?;
            println!("Backup written and checked: {}", describe(&summary));
            Ok(())
        }
        Command::Restore { data_dir, from } => {
            println!("Restoring {} into {} …", from.display(), data_dir.display());
            let summary = backup::restore(&from, &data_dir)
                .await
                .context("restoring the hub")?;
            println!("Restored: {}", describe(&summary));
            println!(
                "Devices that synced after the backup send their changes again when they connect."
            );
            Ok(())
        }
    }
}

fn describe(s: &backup::BackupSummary) -> String {
    format!(
        "{} projects, {} members, {} documents, {:.1} MB",
        s.projects,
        s.members,
        s.documents,
        s.bytes as f64 / 1e6
    )
}

/// The store the other commands work on: the same one `serve` would use.
async fn open(data: &DataArg) -> anyhow::Result<Arc<dyn HubStore>> {
    store::open(
        data.database_url.as_deref(),
        &data.dir.join(kumppani_hub::config::SQLITE_FILE),
    )
    .await
    .context("opening the hub database")
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let config = Config {
        data_dir: args.data.dir,
        database_url: args.data.database_url,
        addr: args.addr,
        static_dir: args.static_dir,
        public_url: args.public_url,
        seed_demo: args.seed_demo,
        behind_proxy: args.behind_proxy,
        max_member_doc_bytes: kumppani_hub::limits::MEMBER_DOC_BYTES,
    };
    let seed_demo = config.seed_demo;
    let app = Application::build(config)
        .await
        .context("starting the hub")?;
    let local_url = format!("http://{}", app.local_addr());
    let public_url = app.public_url();
    let projects = app.state().store.projects().await?;
    println!("Kumppani hub is running at {local_url}");
    if public_url != local_url {
        println!("People reach it at {public_url}");
    }
    print!("{}", banner::projects(&projects, &public_url, true));
    if seed_demo {
        if let Some(code) = demo::resident_link_code(app.state()).await? {
            println!(
                "\nDemo resident {}: link a device with code {}",
                demo::RESIDENT_NAME,
                tokens::display_link_code(&code)
            );
        }
    }
    println!("KUMPPANI_HUB_LISTENING {local_url}");
    app.run_until_stopped().await?;
    Ok(())
}
