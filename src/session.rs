//! An open portfolio for one run of folio, whichever door uses it: the
//! command line opens it for a command, the TUI for as long as it runs.
//! Below both doors, so neither imports the other.

use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::NaiveDate;

use crate::format::{Locale, notes};
use crate::ops::backups::{self, CopyKind};
use crate::store::{Create, Store};

/// Why a session cannot start before any portfolio is opened.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("cannot find a home folder to keep the portfolio in; pass --db PATH")]
    NoHome,
    #[error("cannot create a temporary folder for the demo")]
    NoDemoFolder(#[source] std::io::Error),
}

/// Where the portfolio lives when neither `--db` nor `FOLIO_DB` says.
pub fn default_db_path() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "folio").ok_or(SessionError::NoHome)?;
    Ok(dirs.data_dir().join("portfolio.db"))
}

/// Where the TUI proposes to write the briefing (`w`): the user's
/// documents folder, else the folder the default portfolio lives in; the
/// current folder only when there is no home folder at all.
pub fn documents_dir() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|u| u.document_dir().map(Path::to_path_buf))
        .or_else(|| Some(default_db_path().ok()?.parent()?.to_path_buf()))
        .unwrap_or_else(|| PathBuf::from("."))
}

/// An open portfolio. A demo lives in a temporary folder that is removed
/// when the session ends.
pub struct Session {
    pub store: Store,
    pub today: NaiveDate,
    pub path: PathBuf,
    pub demo: bool,
    /// The language the person chose (`format::choose`); English unless
    /// the door says otherwise.
    pub locale: Locale,
    _demo_dir: Option<tempfile::TempDir>,
}

impl Session {
    /// What to say on stderr once the TUI has given the terminal back: a
    /// demo's changes go with its temporary folder, and how to keep one.
    pub fn farewell(&self) -> Option<String> {
        self.demo
            .then(|| crate::format::text(self.locale, "tui-demo-farewell"))
    }

    /// The file, for the TUI's header: said read-only when it was opened
    /// so, since every save will be refused.
    pub fn file_title(&self) -> String {
        let file = self.path.display().to_string();
        if self.store.is_read_only() {
            let args = [("file", file.as_str().into())];
            crate::format::text_with(self.locale, "tui-read-only", &args)
        } else {
            file
        }
    }
}

/// Open a portfolio: the demo (`demo`), else the file `db` names, else the
/// default file (created with its folder on first use). What opening did to
/// the file (its mode tightened, its schema upgraded, old copies pruned) is
/// said on stderr, before either door takes the terminal.
pub fn open(demo: bool, db: Option<&Path>, today: NaiveDate, locale: Locale) -> Result<Session> {
    let demo_dir = if demo {
        let dir = tempfile::Builder::new()
            .prefix("folio-demo-")
            .tempdir()
            .map_err(SessionError::NoDemoFolder)?;
        Some(dir)
    } else {
        None
    };
    let (path, create) = match (&demo_dir, db) {
        (Some(dir), _) => (dir.path().join("demo.db"), Create::FileOnly),
        (None, Some(p)) => (p.to_path_buf(), Create::FileOnly),
        (None, None) => (default_db_path()?, Create::WithFolder),
    };
    let (mut store, report) = Store::open(&path, create)?;
    if demo {
        crate::ops::demo::load(&mut store, today)?;
    }
    let say = |note: String| eprintln!("folio: {}", crate::domain::text::escape_lines(&note));
    for (file, mode) in &report.tightened {
        say(notes::tightened(locale, file, *mode));
    }
    if let (Some((from, to)), Some(backup)) = (report.migrated, &report.backup) {
        say(notes::migrated(locale, &path, from, to, backup));
    }
    if report.backup.is_some() {
        // After a migration's copy: prune those beyond the newest ten.
        if let Some(note) = notes::pruned(locale, &backups::prune(&path, CopyKind::Migration)) {
            say(note);
        }
    }
    Ok(Session {
        store,
        today,
        path,
        demo,
        locale,
        _demo_dir: demo_dir,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_demo_says_its_changes_are_gone_on_quit() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let mut demo = open(true, None, today, Locale::En).unwrap();
        let said = demo.farewell().unwrap_or_default();
        assert!(said.contains("folio demo --db FILE"), "{said}");
        assert!(said.starts_with("This was the demo"), "{said}");
        demo.locale = Locale::Ru;
        let said = demo.farewell().unwrap_or_default();
        assert!(
            said.contains("folio demo --db FILE") && said.contains("демо"),
            "{said}"
        );
        let dir = tempfile::tempdir().unwrap();
        let file = open(false, Some(&dir.path().join("p.db")), today, Locale::En).unwrap();
        assert_eq!(file.farewell(), None);
    }
}
