//! Builds the hub: opens the store (running migrations), seeds the demo if asked, binds
//! the listener and assembles the routes. [`Application::build`] then
//! [`Application::run_until_stopped`]; tests read [`Application::port`] in between.

use crate::config::Config;
use crate::data_lock::{DataDirLock, LockError};
use crate::demo::{self, DemoError};
use crate::routes;
use crate::state::{AppState, HubEvent};
use crate::store::{self, HubStore, StoreError};
use axum::http::Request;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("could not create the data dir or bind the address: {0}")]
    Io(#[from] std::io::Error),
    #[error("could not open the database: {0}")]
    Store(#[from] StoreError),
    #[error("could not seed the demo project: {0}")]
    Demo(#[from] DemoError),
    #[error(transparent)]
    Locked(#[from] LockError),
}

pub struct Application {
    listener: TcpListener,
    addr: SocketAddr,
    state: AppState,
    store: Arc<dyn HubStore>,
    /// The SQLite data dir is this process's until it stops.
    _data_lock: Option<DataDirLock>,
}

impl Application {
    pub async fn build(config: Config) -> Result<Self, StartupError> {
        let data_lock = match config.database_url {
            None => Some(DataDirLock::acquire(&config.data_dir)?),
            Some(_) => None,
        };
        let store = store::open(config.database_url.as_deref(), &config.database_path()).await?;
        if config.seed_demo {
            demo::seed_if_empty(store.as_ref()).await?;
        }
        let listener = TcpListener::bind(config.addr).await?;
        let addr = listener.local_addr()?;
        crate::projects::ensure_all_project_docs(store.as_ref()).await?;
        let mut state = AppState::new(store.clone(), config);
        // Listening starts before the rederivation, so nothing another node writes from
        // here on is missed.
        state.clustered = crate::cluster::listen(&state).await?;
        // Derivation is a function of the member documents and the receipt log: running it
        // at every start repairs whatever a crash cut short.
        if let Err(e) = crate::seats::rederive_all(&state).await {
            tracing::error!(error = %e, "could not rederive seats at startup");
        }
        if let Err(e) = crate::derivation::rederive_all(&state).await {
            tracing::error!(error = %e, "could not rederive ideas and shared entries at startup");
        }
        if let Err(e) = crate::erasure::finish_pending(&state).await {
            tracing::error!(error = %e, "could not read the account deletions to finish");
        }
        Ok(Self {
            listener,
            addr,
            state,
            store,
            _data_lock: data_lock,
        })
    }

    /// The port actually bound (useful with port 0).
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Where people reach the hub: `--public-url`, or `http://<bound address>`.
    pub fn public_url(&self) -> String {
        self.state.config.public_url_for(self.addr)
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until Ctrl-C or SIGTERM.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.run_until(shutdown_signal()).await
    }

    /// Serves until `shutdown` completes, then finishes the requests in flight.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let app = routes::router(self.state.clone()).layer(
            TraceLayer::new_for_http()
                // Path only: query strings and bodies may carry codes or tokens.
                .make_span_with(|req: &Request<_>| {
                    tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        );
        let state = self.state.clone();
        let shutdown = async move {
            shutdown.await;
            // Graceful shutdown waits for open requests; sync sockets would never end alone.
            state.publish(HubEvent::ShuttingDown);
        };
        let app = app.into_make_service_with_connect_info::<SocketAddr>();
        let result = axum::serve(self.listener, app)
            .with_graceful_shutdown(shutdown)
            .await;
        self.store.close().await;
        result
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
