//! The hub's API tests: one binary; each test spawns the real hub on 127.0.0.1:0 over a
//! fresh SQLite file and talks to it over real HTTP and real WebSockets.

mod access;
mod access_matrix;
mod account;
mod audit;
mod backup;
mod cluster;
mod crash;
mod cut_connection;
mod devices;
mod diary;
mod events;
mod full_disk;
mod helpers;
mod ideas;
mod join;
mod limits;
mod lost_database;
mod members;
mod phone;
mod restart;
mod secrets_in_logs;
mod static_files;
mod store;
mod sync;
