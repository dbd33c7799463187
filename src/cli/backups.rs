//! `folio restore FILE` and `folio backups`: the way back from the copies
//! folio keeps next to the portfolio.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use serde::Serialize;

use super::args::Cli;
use super::{json, open_session, shown};
use crate::ops::backups::{self, BackupCopy, Pruned};
use crate::store::schema::CURRENT_VERSION;

/// The portfolio file the flags name, without opening it.
fn portfolio_path(cli: &Cli) -> Result<PathBuf> {
    match &cli.db {
        Some(p) => Ok(p.clone()),
        None => super::default_db_path(),
    }
}

/// Tell on stderr which old copies were pruned (or could not be).
pub fn say_pruned(pruned: &Pruned) {
    if let Some(note) = pruned.note() {
        eprintln!("folio: {note}");
    }
}

/// `folio restore FILE`: check FILE (read-only) before the portfolio is
/// even opened, keep a copy of the portfolio, replace its content with
/// FILE's, and bring an older FILE up to this program's schema at once.
pub fn restore(cli: &Cli, file: &Path, today: NaiveDate) -> Result<String> {
    if cli.demo {
        bail!(
            "the demo portfolio is temporary; restore into a portfolio file (--db PATH or the default one)"
        );
    }
    let target = portfolio_path(cli)?;
    let source = backups::open_source(file, &target)?;
    // A missing or empty file is a new portfolio: nothing to keep of it.
    let new = !std::fs::metadata(&target).is_ok_and(|m| m.len() > 0);
    let mut s = open_session(cli, today).with_context(|| {
        format!(
            "cannot restore into {}; if it is damaged, move it aside and run the restore again",
            shown(&target)
        )
    })?;
    let restored = backups::restore(&mut s.store, &source, new)
        .map_err(|e| super::name_read_only(e.into(), &s.path))?;
    drop(source);
    let path = s.path.clone();
    drop(s);
    let mut out = format!(
        "Restored {} from {} (schema version {})\n",
        shown(&path),
        shown(file),
        restored.version
    );
    match &restored.before {
        Some(before) => out.push_str(&format!(
            "The portfolio before the restore is kept as {}\n",
            shown(before)
        )),
        None => out.push_str("There was no portfolio there before: no copy of it to keep.\n"),
    }
    if restored.version < CURRENT_VERSION {
        // Upgraded now rather than by whichever command comes next (a TUI
        // open meanwhile reads the current schema); says so on stderr.
        drop(open_session(cli, today).with_context(|| {
            format!(
                "restored {} from {}, but could not upgrade it to this folio's schema",
                shown(&path),
                shown(file)
            )
        })?);
    }
    Ok(out)
}

/// `folio backups`: the copies next to the portfolio, newest first.
pub fn list(cli: &Cli, as_json: bool) -> Result<String> {
    if cli.demo {
        if as_json {
            return json(&Vec::<CopyRow>::new());
        }
        return Ok("The demo portfolio is temporary and has no backup copies.\n".into());
    }
    let target = portfolio_path(cli)?;
    let copies = backups::list(&target)
        .with_context(|| format!("cannot list the copies of {}", shown(&target)))?;
    if as_json {
        let rows: Vec<CopyRow> = copies.iter().map(CopyRow::from).collect();
        return json(&rows);
    }
    if copies.is_empty() {
        return Ok(format!(
            "No backup copies of {} yet; `folio backup` writes one.\n",
            shown(&target)
        ));
    }
    let folder = copies[0]
        .path
        .parent()
        .map(shown)
        .unwrap_or_else(|| ".".into());
    let mut out = format!(
        "{} backup cop{} of {}, newest first, in {folder}:\n\n",
        copies.len(),
        if copies.len() == 1 { "y" } else { "ies" },
        shown(&target)
    );
    out.push_str(&format!(
        "{:<16}  {:>10}  {:<14}  {}\n",
        "Modified", "Size", "Kind", "File"
    ));
    for c in &copies {
        out.push_str(&format!(
            "{:<16}  {:>10}  {:<14}  {}\n",
            local_time(c).format("%Y-%m-%d %H:%M"),
            human_bytes(c.bytes),
            c.kind.as_str(),
            c.name
        ));
    }
    out.push_str("\nRestore one with `folio restore FILE`.\n");
    Ok(out)
}

fn local_time(c: &BackupCopy) -> chrono::DateTime<chrono::Local> {
    c.modified.into()
}

/// `512 B`, `4.0 KiB`, `1.5 MiB`, `2.0 GiB`.
fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut value = n as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// One copy in `backups --json`.
#[derive(Serialize)]
struct CopyRow<'a> {
    name: &'a str,
    path: String,
    kind: backups::CopyKind,
    /// RFC 3339, local time with its offset.
    modified: String,
    bytes: u64,
}

impl<'a> From<&'a BackupCopy> for CopyRow<'a> {
    fn from(c: &'a BackupCopy) -> Self {
        CopyRow {
            name: &c.name,
            path: shown(&c.path),
            kind: c.kind,
            modified: local_time(c).to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            bytes: c.bytes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::human_bytes;

    #[test]
    fn sizes_in_human_units() {
        assert_eq!(human_bytes(0), "0 B");
        assert_eq!(human_bytes(1023), "1023 B");
        assert_eq!(human_bytes(1024), "1.0 KiB");
        assert_eq!(human_bytes(421_888), "412.0 KiB");
        assert_eq!(human_bytes(3 << 20), "3.0 MiB");
        assert_eq!(human_bytes(5 << 30), "5.0 GiB");
        assert_eq!(human_bytes(u64::MAX), "16777216.0 TiB");
    }
}
