//! Kumppani's hub: people join projects and link devices over a small JSON API, and
//! devices sync their Automerge documents over one WebSocket each (`/sync`).
//!
//! - [`startup`] builds the [`Application`] from a [`Config`]; [`routes`] hold the HTTP API.
//! - [`connection`] is the sync protocol's hub side without the socket; [`access`] decides
//!   who may sync which document; [`docs`] caches documents in memory.
//! - [`store`] is the storage trait ([`store::sqlite`] implements it) with its conformance suite.
//! - [`derivation`] reads every member document of a project in one pass, for [`ideas`]
//!   (the published ideas, supports, comments, answers and moderation, into the project
//!   document) and [`diary`] (the inbox of shared diary entries, into the staff document).
//! - [`seats`] keeps the receipt log of sign-ups and derives seats, rosters and counts.
//! - [`tokens`] mints tokens and codes; [`projects`] and [`demo`] create projects;
//!   [`banner`] prints codes and QR codes for the operator.

pub mod access;
pub mod audit;
pub mod backup;
pub mod banner;
pub mod clock;
pub mod cluster;
pub mod config;
pub mod connection;
pub mod data_lock;
pub mod demo;
pub mod derivation;
pub mod diary;
pub mod doc_feeds;
pub mod docs;
pub mod erasure;
pub mod error;
pub mod ideas;
pub mod limits;
pub mod projects;
pub mod routes;
pub mod seats;
pub mod startup;
pub mod state;
pub mod store;
pub mod tokens;

pub use config::Config;
pub use startup::Application;
