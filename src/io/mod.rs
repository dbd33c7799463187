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
    write_atomically_with(path, |w| w.write_all(bytes))
}

/// [`write_atomically`] for output written piece by piece (`write` gets
/// the temporary file, buffered).
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = tempfile::NamedTempFile::new_in(dir)?;
    let mut out = std::io::BufWriter::new(tmp);
    write(&mut out)?;
    let tmp = out.into_inner().map_err(|e| e.into_error())?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
