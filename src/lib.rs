//! folio: a terminal portfolio manager for account managers.
//!
//! Layers (see ARCHITECTURE in the README): `domain` (pure rules), `store`
//! (the only SQL), `ops` (operations both doors call), `io` (CSV, reports),
//! `cli`.

pub mod domain;
