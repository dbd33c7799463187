//! Files in and out: CSV import and export, report rendering. Where and
//! how a file is written is [`crate::files`]' rule. No SQL here: resolving client
//! names to ids and checking rows against the database is the ops layer's job.

pub mod csv_export;
pub mod csv_import;
pub mod decode;
pub mod report;
