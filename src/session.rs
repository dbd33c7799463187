//! An open portfolio for one run of folio, whichever door uses it: the
//! command line opens it for a command, the TUI for as long as it runs.
//! Below both doors, so neither imports the other.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::NaiveDate;

use crate::ops::backups::{self, CopyKind};
use crate::store::{Create, Store};

/// Where the portfolio lives when neither `--db` nor `FOLIO_DB` says.
pub fn default_db_path() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "folio")
        .context("cannot find a home folder to keep the portfolio in; pass --db PATH")?;
    Ok(dirs.data_dir().join("portfolio.db"))
}

/// An open portfolio. A demo lives in a temporary folder that is removed
/// when the session ends.
pub struct Session {
    pub store: Store,
    pub today: NaiveDate,
    pub path: PathBuf,
    pub demo: bool,
    _demo_dir: Option<tempfile::TempDir>,
}

impl Session {
    /// The file, for the TUI's header: said read-only when it was opened
    /// so, since every save will be refused.
    pub fn file_title(&self) -> String {
        let read_only = if self.store.is_read_only() {
            " (read-only)"
        } else {
            ""
        };
        format!("{}{read_only}", self.path.display())
    }
}

/// Open a portfolio: the demo (`demo`), else the file `db` names, else the
/// default file (created with its folder on first use). What opening did to
/// the file (its mode tightened, its schema upgraded, old copies pruned) is
/// said on stderr, before either door takes the terminal.
pub fn open(demo: bool, db: Option<&Path>, today: NaiveDate) -> Result<Session> {
    if demo {
        let dir = tempfile::Builder::new()
            .prefix("folio-demo-")
            .tempdir()
            .context("cannot create a temporary folder for the demo")?;
        let path = dir.path().join("demo.db");
        let (mut store, _) = Store::open(&path, Create::FileOnly)?;
        crate::ops::demo::load(&mut store, today)?;
        return Ok(Session {
            store,
            today,
            path,
            demo: true,
            _demo_dir: Some(dir),
        });
    }
    let (path, create) = match db {
        Some(p) => (p.to_path_buf(), Create::FileOnly),
        None => (default_db_path()?, Create::WithFolder),
    };
    let (store, report) = Store::open(&path, create)?;
    for (file, mode) in &report.tightened {
        eprintln!(
            "folio: made {} private to its owner (its mode was {mode:04o}; client records are not for other users)",
            file.display()
        );
    }
    if let (Some((from, to)), Some(backup)) = (report.migrated, &report.backup) {
        let message = format!(
            "folio: upgraded {} from schema version {from} to {to}; the previous file is kept as {}",
            path.display(),
            backup.display()
        );
        eprintln!("{}", crate::domain::text::escape_lines(&message));
    }
    if report.backup.is_some() {
        // After a migration's copy: prune those beyond the newest ten.
        if let Some(note) = backups::prune(&path, CopyKind::Migration).note() {
            eprintln!("folio: {note}");
        }
    }
    Ok(Session {
        store,
        today,
        path,
        demo: false,
        _demo_dir: None,
    })
}
