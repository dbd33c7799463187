//! Files in and out: CSV import and export. No SQL here: resolving client
//! names to ids and checking rows against the database is the ops layer's job.

pub mod csv_export;
pub mod csv_import;
pub mod decode;
pub mod report;

use std::io::Write;
use std::path::Path;

/// Write a whole file or nothing: a temporary file in the same folder, then
/// a rename, so a failure never leaves half a file where a good one was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.flush()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
