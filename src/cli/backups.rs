//! `folio restore FILE` and `folio backups`: the way back from the copies
//! folio keeps next to the portfolio.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use serde::Serialize;

use super::args::Cli;
use super::{open_session, say, sayln, shown, to_json};
use crate::format::{self, Locale};
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
pub fn say_pruned(loc: Locale, pruned: &Pruned) {
    if let Some(note) = format::notes::pruned(loc, pruned) {
        eprintln!("folio: {note}");
    }
}

/// `folio restore FILE`: check FILE (read-only) before the portfolio is
/// even opened, keep a copy of the portfolio, replace its content with
/// FILE's, and bring an older FILE up to this program's schema at once.
pub fn restore(cli: &Cli, file: &Path, today: NaiveDate) -> Result<String> {
    let loc = cli.locale;
    if cli.demo {
        bail!(say(loc, "cli-restore-demo", &[]));
    }
    let target = portfolio_path(cli)?;
    let source = backups::open_source(file, &target)?;
    // A missing or empty file is a new portfolio: nothing to keep of it.
    let new = !std::fs::metadata(&target).is_ok_and(|m| m.len() > 0);
    let mut s = open_session(cli, today)
        .with_context(|| say(loc, "cli-restore-cannot-open", &[("db", &shown(&target))]))?;
    let restored = backups::restore(&mut s.store, &source, new)
        .map_err(|e| super::name_read_only(e.into(), &s.path))?;
    drop(source);
    let path = s.path.clone();
    drop(s);
    let mut out = sayln(
        loc,
        "cli-restored",
        &[
            ("db", &shown(&path)),
            ("file", &shown(file)),
            ("version", &restored.version),
        ],
    );
    match &restored.before {
        Some(before) => out.push_str(&sayln(loc, "cli-restore-kept", &[("file", &shown(before))])),
        None => out.push_str(&sayln(loc, "cli-restore-nothing-before", &[])),
    }
    if restored.version < CURRENT_VERSION {
        // Upgraded now rather than by whichever command comes next (a TUI
        // open meanwhile reads the current schema); says so on stderr.
        drop(open_session(cli, today).with_context(|| {
            say(
                loc,
                "cli-restore-not-upgraded",
                &[("db", &shown(&path)), ("file", &shown(file))],
            )
        })?);
    }
    Ok(out)
}

/// `folio backups`: the copies next to the portfolio, newest first.
pub fn list(cli: &Cli, json: bool) -> Result<String> {
    let loc = cli.locale;
    if cli.demo {
        if json {
            return to_json(&Vec::<CopyRow>::new());
        }
        return Ok(sayln(loc, "cli-backups-demo", &[]));
    }
    let target = portfolio_path(cli)?;
    let copies = backups::list(&target)
        .with_context(|| say(loc, "cli-backups-cannot-list", &[("db", &shown(&target))]))?;
    if json {
        let rows: Vec<CopyRow> = copies.iter().map(CopyRow::from).collect();
        return to_json(&rows);
    }
    if copies.is_empty() {
        return Ok(sayln(loc, "cli-backups-none", &[("db", &shown(&target))]));
    }
    let folder = copies[0].path.parent().map_or(".".into(), shown);
    let db = shown(&target);
    let mut out = format::text_with(
        loc,
        "cli-backups-title",
        &[
            ("n", format::Arg::count(copies.len())),
            ("db", format::Arg::Str(&db)),
            ("folder", format::Arg::Str(&folder)),
        ],
    );
    out.push_str("\n\n");
    // The header is the first row: the columns fit it too.
    let header = [
        "cli-backups-modified",
        "cli-backups-size",
        "cli-backups-kind",
        "cli-backups-file",
    ]
    .map(|id| say(loc, id, &[]));
    let mut rows = vec![header];
    for c in &copies {
        let modified = chrono::DateTime::<chrono::Local>::from(c.modified);
        let modified = match loc {
            Locale::En => modified.format("%Y-%m-%d %H:%M"),
            Locale::Ru => modified.format("%d.%m.%Y %H:%M"),
        };
        rows.push([
            modified.to_string(),
            human_bytes(loc, c.bytes),
            kind_word(loc, c.kind),
            c.name.clone(),
        ]);
    }
    // At least the widths the English has always had; wider for longer words.
    let width = |i: usize, least: usize| super::widest(rows.iter().map(|r| &r[i]), least);
    let widths = [width(0, 16), width(1, 10), width(2, 14)];
    for [modified, size, kind, name] in &rows {
        out.push_str(&format!(
            "{modified}{}  {}{size}  {kind}{}  {name}\n",
            format::fill(modified, widths[0]),
            format::fill(size, widths[1]),
            format::fill(kind, widths[2]),
        ));
    }
    out.push('\n');
    out.push_str(&sayln(loc, "cli-backups-restore-hint", &[]));
    Ok(out)
}

/// Which kind of copy, in words.
fn kind_word(loc: Locale, kind: backups::CopyKind) -> String {
    use backups::CopyKind;
    let id = match kind {
        CopyKind::Backup => "cli-copy-backup",
        CopyKind::Migration => "cli-copy-migration",
        CopyKind::Delete => "cli-copy-delete",
        CopyKind::BeforeRestore => "cli-copy-before-restore",
        CopyKind::Other => "cli-copy-other",
    };
    say(loc, id, &[])
}

/// `512 B`, `4.0 KiB`, `1.5 MiB`, `2.0 GiB`; in Russian `512 Б`,
/// `4,0 КиБ`: the largest binary unit under 1024 of it, TiB at most.
fn human_bytes(loc: Locale, n: u64) -> String {
    let units: [&str; 5] = match loc {
        Locale::En => ["B", "KiB", "MiB", "GiB", "TiB"],
        Locale::Ru => ["Б", "КиБ", "МиБ", "ГиБ", "ТиБ"],
    };
    if n < 1024 {
        return format!("{n} {}", units[0]);
    }
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < units.len() {
        value /= 1024.0;
        unit += 1;
    }
    let number = format!("{value:.1}");
    let number = match loc {
        Locale::En => number,
        Locale::Ru => number.replace('.', ","),
    };
    format!("{number} {}", units[unit])
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
            modified: chrono::DateTime::<chrono::Local>::from(c.modified)
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            bytes: c.bytes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::human_bytes as human;
    use crate::format::Locale;

    fn human_bytes(n: u64) -> String {
        human(Locale::En, n)
    }

    #[test]
    fn sizes_in_russian_units() {
        assert_eq!(human(Locale::Ru, 512), "512 Б");
        assert_eq!(human(Locale::Ru, 1536), "1,5 КиБ");
        assert_eq!(human(Locale::Ru, 3 << 20), "3,0 МиБ");
    }

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
