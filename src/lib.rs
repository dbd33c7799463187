//! folio: a terminal portfolio manager for account managers.
//!
//! Layers (see ARCHITECTURE.md in the shared docs): `domain` (types and pure
//! rules), `store` (the only SQL), `ops` (the operations both doors call),
//! `io` (CSV), `session` and `format` (what both doors share), `cli` (the
//! command-line door), `tui` (the terminal door), `demo` (the demo portfolio).

#![forbid(unsafe_code)]

pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod files;
pub mod format;
pub mod io;
pub mod ops;
pub mod session;
pub mod store;
pub mod tui;
