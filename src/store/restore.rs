//! Restoring a portfolio from a copy of it. The copy is opened read-only and
//! checked (an SQLite file, folio's, not newer than this program, sound)
//! before anything is written; then its pages are copied into the open
//! portfolio with SQLite's online backup, run from the copy *into* the live
//! connection: one write transaction under SQLite's own locks, through the
//! portfolio's write-ahead log. Readers see the old content or the new one,
//! never a mix; a kill halfway leaves the old one; the portfolio's `-wal` and
//! `-shm` stay SQLite's to manage, so no stale log can be replayed over the
//! restored file.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::{
    Access, BUSY_TIMEOUT, OpenError, Store, StoreError, StoreResult, classify, copy_pages,
    identify, precheck,
};
use crate::files::beside;
use crate::store::schema::{APPLICATION_ID, MIGRATIONS};

/// Why a file cannot be restored from. Nothing was changed in any case.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error(transparent)]
    Open(#[from] OpenError),
    #[error(
        "{path} was written by a newer folio (schema version {found}, this program knows up to {known}); upgrade folio to restore it; nothing was changed"
    )]
    Newer {
        path: PathBuf,
        found: i32,
        known: i32,
    },
    #[error("{0} is a folder, not a portfolio file; nothing was changed")]
    IsDirectory(PathBuf),
    #[error("{path} does not exist; nothing was changed")]
    Missing { path: PathBuf },
    #[error("cannot read {path}: {reason}; nothing was changed")]
    Unreadable {
        path: PathBuf,
        reason: std::io::Error,
    },
    #[error(
        "{path} is damaged ({} found by the integrity check, the first: {}); nothing was changed",
        crate::format::count(crate::format::Locale::En, problems.len(), crate::format::Noun::Problem),
        problems.first().map(String::as_str).unwrap_or("?")
    )]
    Damaged {
        path: PathBuf,
        problems: Vec<String>,
    },
}

/// A portfolio file to restore from, checked, open read-only inside one
/// read transaction: what was checked is what gets copied, even if another
/// program writes to the file meanwhile.
pub struct Source {
    // Fields drop in order: the connection closes before `_sidecars`
    // cleans up after it.
    store: Store,
    version: i32,
    _sidecars: Sidecars,
}

impl Source {
    /// Open `path` read-only and check it: an SQLite file (header first,
    /// before SQLite reads it), folio's application id, a schema version
    /// this program knows (older ones are migrated on the next open), and
    /// `PRAGMA integrity_check` and `foreign_key_check` clean. The file's
    /// bytes are never written.
    pub fn open(path: &Path) -> Result<Source, SourceError> {
        let unreadable = |reason: std::io::Error| match reason.kind() {
            std::io::ErrorKind::NotFound => SourceError::Missing {
                path: path.to_path_buf(),
            },
            _ => SourceError::Unreadable {
                path: path.to_path_buf(),
                reason,
            },
        };
        if fs::metadata(path).map_err(unreadable)?.is_dir() {
            return Err(SourceError::IsDirectory(path.to_path_buf()));
        }
        precheck(path).map_err(|e| match e {
            OpenError::Io { reason, .. } => unreadable(reason),
            e => e.into(),
        })?;
        let sidecars = Sidecars::before_opening(path);
        // No SQLITE_OPEN_URI: a file named `file:...` is a file name here.
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| classify(path, e.into()))?;
        let store = Store {
            db: super::Db { conn },
            path: Some(path.to_path_buf()),
            access: Access::ReadOnly,
        };
        let classified = |e: StoreError| SourceError::from(classify(path, e));
        let conn = &store.db.conn;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| classified(e.into()))?;
        // The snapshot starts at the first read and lasts until the copy.
        conn.execute_batch("BEGIN")
            .map_err(|e| classified(e.into()))?;
        let (app_id, version, _) = identify(conn).map_err(classified)?;
        let known = i32::try_from(MIGRATIONS.len()).unwrap_or(i32::MAX);
        if app_id != APPLICATION_ID || version < 1 {
            return Err(OpenError::Foreign(path.to_path_buf()).into());
        }
        if version > known {
            return Err(SourceError::Newer {
                path: path.to_path_buf(),
                found: version,
                known,
            });
        }
        let problems = store.check().map_err(classified)?;
        if !problems.is_empty() {
            return Err(SourceError::Damaged {
                path: path.to_path_buf(),
                problems,
            });
        }
        Ok(Source {
            store,
            version,
            _sidecars: sidecars,
        })
    }

    /// The copy's schema version (at most this program's).
    pub fn version(&self) -> i32 {
        self.version
    }

    pub fn path(&self) -> Option<&Path> {
        self.store.path()
    }
}

impl Store {
    /// Replace this portfolio's content with `source`'s, in one write
    /// transaction (see the module's comment). The page size comes with the
    /// content; SQLite copies between different page sizes only outside
    /// WAL, so then the copy runs in rollback-journal mode, which needs
    /// this to be the only connection to the file.
    pub fn restore_from(&mut self, source: &Source) -> StoreResult<()> {
        let page_size = |c: &Connection| -> StoreResult<i64> {
            Ok(c.pragma_query_value(None, "page_size", |r| r.get(0))?)
        };
        let from = &source.store.db.conn;
        if page_size(from)? == page_size(&self.db.conn)? {
            return Ok(copy_pages(from, &mut self.db.conn)?);
        }
        self.with_rollback_journal(|s| Ok(copy_pages(from, &mut s.db.conn)?))
    }
}

/// The `-wal` and `-shm` files SQLite creates beside a WAL-mode file that
/// a read-only connection opens (and cannot remove when it closes). When
/// neither was there before, they are removed afterwards if the log is
/// still empty: the state in which SQLite itself deletes them when the
/// last connection closes. Files that were there (another program may
/// have the copy open), or a log written meanwhile, are left alone.
struct Sidecars {
    /// The log and the shared memory, when this connection made them.
    ours: Option<(PathBuf, PathBuf)>,
}

impl Sidecars {
    fn before_opening(path: &Path) -> Sidecars {
        let (wal, shm) = (beside(path, "-wal"), beside(path, "-shm"));
        let ours = (!wal.exists() && !shm.exists()).then_some((wal, shm));
        Sidecars { ours }
    }
}

impl Drop for Sidecars {
    fn drop(&mut self) {
        let Some((wal, shm)) = &self.ours else { return };
        match fs::metadata(wal) {
            Ok(m) if m.len() > 0 => return,
            Ok(_) => {
                let _ = fs::remove_file(wal);
            }
            Err(_) => {}
        }
        let _ = fs::remove_file(shm);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Create, set_setting};

    fn portfolio(dir: &Path, name: &str, currency: &str) -> (PathBuf, Store) {
        let path = dir.join(name);
        let (mut store, _) = Store::open(&path, Create::FileOnly).unwrap();
        store
            .write(|tx| set_setting(tx, "currency", currency))
            .unwrap();
        (path, store)
    }

    /// The copy's content replaces the live one, seen by another connection
    /// that stayed open; the copy's bytes are untouched and no sidecar of
    /// it is left behind.
    #[test]
    fn restores_into_the_live_file_and_leaves_the_copy_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let (copy, store) = portfolio(dir.path(), "copy.db", "EUR");
        drop(store);
        let bytes = fs::read(&copy).unwrap();
        let (live, mut store) = portfolio(dir.path(), "live.db", "USD");
        let other = Connection::open(&live).unwrap();
        let source = Source::open(&copy).unwrap();
        assert_eq!(source.version(), crate::store::schema::CURRENT_VERSION);
        store.restore_from(&source).unwrap();
        drop(source);
        assert_eq!(store.setting("currency").unwrap().as_deref(), Some("EUR"));
        let seen: String = other
            .query_row(
                "SELECT value FROM settings WHERE key = 'currency'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(seen, "EUR");
        assert_eq!(fs::read(&copy).unwrap(), bytes);
        for sidecar in ["copy.db-wal", "copy.db-shm"] {
            assert!(!dir.path().join(sidecar).exists(), "{sidecar} left behind");
        }
    }

    /// A copy with another page size is restored too (outside WAL), and
    /// the file is back in WAL afterwards.
    #[test]
    fn restores_a_copy_with_another_page_size() {
        let dir = tempfile::tempdir().unwrap();
        let (_, store) = portfolio(dir.path(), "big.db", "EUR");
        let copy = dir.path().join("small-pages.db");
        store
            .conn()
            .execute_batch("PRAGMA page_size = 1024")
            .unwrap();
        store
            .conn()
            .execute("VACUUM INTO ?1", [copy.to_str().unwrap()])
            .unwrap();
        drop(store);
        let pages = |c: &Connection| -> i64 {
            c.pragma_query_value(None, "page_size", |r| r.get(0))
                .unwrap()
        };
        let source = Source::open(&copy).unwrap();
        assert_eq!(pages(&source.store.db.conn), 1024);
        let (_, mut live) = portfolio(dir.path(), "live.db", "USD");
        assert_eq!(pages(live.conn()), 4096);
        live.restore_from(&source).unwrap();
        assert_eq!(live.setting("currency").unwrap().as_deref(), Some("EUR"));
        assert_eq!(pages(live.conn()), 1024);
        let mode: String = live
            .conn()
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    /// Sidecars that were there before are not ours to remove (another
    /// program may have the copy open), nor the one SQLite adds to them.
    #[test]
    fn sidecars_there_before_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (copy, store) = portfolio(dir.path(), "copy.db", "EUR");
        drop(store);
        let shm = dir.path().join("copy.db-shm");
        fs::write(&shm, b"").unwrap();
        drop(Source::open(&copy).unwrap());
        assert!(shm.exists());
        assert!(dir.path().join("copy.db-wal").exists());
    }

    #[test]
    fn refuses_what_is_not_a_sound_folio_file() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("notes.txt");
        fs::write(&text, "hello").unwrap();
        assert!(matches!(
            Source::open(&text),
            Err(SourceError::Open(OpenError::NotSqlite(_)))
        ));
        assert!(matches!(
            Source::open(dir.path()),
            Err(SourceError::IsDirectory(_))
        ));
        assert!(matches!(
            Source::open(&dir.path().join("missing.db")),
            Err(SourceError::Missing { .. })
        ));
        let foreign = dir.path().join("other.db");
        Connection::open(&foreign)
            .unwrap()
            .execute_batch("CREATE TABLE t (x); PRAGMA user_version = 1;")
            .unwrap();
        assert!(matches!(
            Source::open(&foreign),
            Err(SourceError::Open(OpenError::Foreign(_)))
        ));
        let (newer, store) = portfolio(dir.path(), "newer.db", "EUR");
        store
            .conn()
            .pragma_update(None, "user_version", 99)
            .unwrap();
        drop(store);
        assert!(matches!(
            Source::open(&newer),
            Err(SourceError::Newer { found: 99, .. })
        ));
    }
}
