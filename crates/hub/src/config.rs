//! What one hub process is configured with (from the CLI, or by the tests).

use std::net::SocketAddr;
use std::path::PathBuf;

/// The SQLite file's name in the data dir.
pub const SQLITE_FILE: &str = "kumppani.sqlite3";

#[derive(Debug, Clone)]
pub struct Config {
    /// Holds `kumppani.sqlite3` (when no `database_url` is given).
    pub data_dir: PathBuf,
    /// A PostgreSQL database (`postgres://…`) instead of the SQLite file: any number of
    /// hub nodes can share it.
    pub database_url: Option<String>,
    /// Where to listen; port 0 picks a free port.
    pub addr: SocketAddr,
    /// The built PWA; `None` serves a page saying the app is not built.
    pub static_dir: Option<PathBuf>,
    /// The address people reach the hub at, for join links; defaults to `http://<addr>`.
    pub public_url: Option<String>,
    /// Create the demo project on first start.
    pub seed_demo: bool,
    /// A reverse proxy in front: a request's address is the last in `X-Forwarded-For`
    /// (the limits on wrong codes count per address).
    pub behind_proxy: bool,
    /// The most a member document may hold on the hub, in bytes.
    pub max_member_doc_bytes: u64,
}

impl Config {
    /// A hub on a free loopback port over `data_dir`, nothing else: what the tests use.
    pub fn local(data_dir: impl Into<PathBuf>) -> Self {
        Self {
            data_dir: data_dir.into(),
            database_url: None,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            static_dir: None,
            public_url: None,
            seed_demo: false,
            behind_proxy: false,
            max_member_doc_bytes: crate::limits::MEMBER_DOC_BYTES,
        }
    }

    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join(SQLITE_FILE)
    }

    /// The public URL, without a trailing slash, given the address actually bound.
    pub fn public_url_for(&self, bound: SocketAddr) -> String {
        match &self.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{bound}"),
        }
    }
}
