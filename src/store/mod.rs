//! The store: the one place with SQL. Opening a portfolio file (checks,
//! pragmas, migrations) lives here; the queries live in the submodules, one per
//! group of records, as free functions over a [`Db`] so that the ops layer
//! can run several of them inside one transaction. What the layers above
//! see is the store's own: [`Db`] for the database, [`StoreError`] for what
//! went wrong; SQLite's (rusqlite's) types stay in here.

mod audit;
mod convert;
mod failure;
pub mod schema;

pub mod clients;
pub mod ledger;
pub mod log;
pub mod restore;
pub mod since;

use std::fs::{self, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{
    Connection, OpenFlags, OptionalExtension, Params, Row, Transaction, TransactionBehavior, params,
};

pub use failure::{Failure, StoreError, StoreResult};

use schema::{APPLICATION_ID, MIGRATIONS};

use crate::domain::Id;
use crate::files::{self, Out, OutError, beside};

/// The page cache per connection (SQLite's default is 2 MB).
pub const DEFAULT_CACHE_KIB: i64 = 16 * 1024;

/// How long a writer waits for another process's transaction before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Why a file could not be opened as a portfolio. Each message names the file
/// and says what to do; the file is left untouched in every case.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("{0} is not a folio database (not an SQLite file); nothing was changed")]
    NotSqlite(PathBuf),
    #[error(
        "{0} is damaged (the file is shorter than its header says: truncated?); nothing was changed"
    )]
    Truncated(PathBuf),
    #[error("{0} is a database of another program, not a folio portfolio; nothing was changed")]
    Foreign(PathBuf),
    #[error(
        "{path} was written by a newer folio (schema version {found}, this program knows up to {known}); upgrade folio to open it"
    )]
    Newer {
        path: PathBuf,
        found: i32,
        known: i32,
    },
    #[error("{0} is a folder, not a portfolio file")]
    IsDirectory(PathBuf),
    /// `:memory:`, a `file:` URI or an empty path: SQLite would keep
    /// nothing, or open something other than the file named.
    #[error("{}", not_a_path_message(.0))]
    NotAPath(PathBuf),
    #[error("the folder {0} does not exist")]
    MissingDirectory(PathBuf),
    #[error("cannot open {path}: {reason}")]
    Io {
        path: PathBuf,
        reason: std::io::Error,
    },
    #[error("cannot open {path}: {reason}")]
    Db { path: PathBuf, reason: StoreError },
    #[error("cannot open {0}: the disk is full (or failing): nothing was changed")]
    DiskFull(PathBuf),
    #[error("cannot back up {path} before migrating it: {reason}")]
    Backup { path: PathBuf, reason: OutError },
    /// Reading would need a migration first, which a read-only file
    /// cannot take.
    #[error(
        "{path} is an older folio file (schema version {found}) and is read-only: it must be upgraded before use; make it writable, or copy it, and open it again"
    )]
    ReadOnlyOlder { path: PathBuf, found: i32 },
    /// An empty file folio cannot make a portfolio of.
    #[error("{0} is empty and read-only: folio cannot start a portfolio in it; make it writable")]
    ReadOnlyEmpty(PathBuf),
    /// The file and its folder cannot be written, and its `-wal` holds
    /// commits that only a connection using the WAL index could read.
    #[error(
        "{path} cannot be read safely: it and its folder are read-only, and immutable mode would ignore the committed records in {wal}; make the folder writable, or copy both files elsewhere"
    )]
    ReadOnlyWal { path: PathBuf, wal: PathBuf },
    /// The file and its folder cannot be written, and its `-journal`
    /// holds an interrupted write that must be rolled back first.
    #[error(
        "{path} cannot be read safely: it and its folder are read-only, and {journal} holds an interrupted write that must be undone first; make the folder writable and open it again"
    )]
    ReadOnlyJournal { path: PathBuf, journal: PathBuf },
    /// SQLite had to write to open the file and could not.
    #[error("cannot open {0}: the file is read-only and SQLite needs to write to read it")]
    ReadOnly(PathBuf),
}

/// How a portfolio file is opened: decided by trying, before SQLite sees
/// it ([`access_of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Read and written: the usual case.
    ReadWrite,
    /// The file cannot be written but its folder can, or the folder
    /// cannot but the `-wal` and `-shm` are there: `SQLITE_OPEN_READ_ONLY`.
    /// SQLite reads the WAL through its `-shm` (creating both where it
    /// can) and refuses every write with `SQLITE_READONLY`.
    ReadOnly,
    /// The folder cannot be written, the file has no `-wal` and `-shm` to
    /// read through (nor writes it could use), and no sidecar holds
    /// records: opened `immutable`, so SQLite reads the file alone, with
    /// no locks and no `-shm` (which it could not create). Nothing can
    /// write the file meanwhile without first writing its folder.
    Immutable,
}

/// What happened while opening, for the caller to tell the user.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OpenReport {
    pub created: bool,
    /// `(from, to)` schema versions when the file was migrated.
    pub migrated: Option<(i32, i32)>,
    /// The backup written before migrating.
    pub backup: Option<PathBuf>,
    /// Files made owner-only on opening, with the mode each had.
    pub tightened: Vec<(PathBuf, u32)>,
}

/// An open portfolio file.
pub struct Store {
    db: Db,
    path: Option<PathBuf>,
    access: Access,
}

/// The open database as the operations see it: what the closures of
/// [`Store::read`] and [`Store::write`] are given, inside their
/// transaction, and what [`Store::db`] gives for a single query. The
/// store's query functions ([`clients`], [`ledger`], [`log`]) take it; the
/// SQLite connection behind it is the store's alone, so no SQLite type
/// reaches the layers above.
pub struct Db {
    conn: Connection,
}

/// The shapes every query function of the store takes: one cached
/// statement run with its parameters.
impl Db {
    /// Runs an INSERT: the id of the row it added.
    fn insert(&self, sql: &str, params: impl Params) -> StoreResult<Id> {
        self.conn.prepare_cached(sql)?.execute(params)?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Runs an UPDATE or DELETE: whether it changed any row.
    fn change(&self, sql: &str, params: impl Params) -> StoreResult<bool> {
        Ok(self.conn.prepare_cached(sql)?.execute(params)? > 0)
    }

    /// The one row a query always gives (a count, a sum), read by `read`.
    fn row<T>(
        &self,
        sql: &str,
        params: impl Params,
        read: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
    ) -> StoreResult<T> {
        Ok(self.conn.prepare_cached(sql)?.query_row(params, read)?)
    }

    /// The first row of a query, read by `read`; `None` when it gives none.
    fn find<T>(
        &self,
        sql: &str,
        params: impl Params,
        read: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
    ) -> StoreResult<Option<T>> {
        Ok(self
            .conn
            .prepare_cached(sql)?
            .query_row(params, read)
            .optional()?)
    }

    /// Every row of a query, each read by `read`, collected (in a `Vec`,
    /// a map ...).
    fn rows<T, C: FromIterator<T>>(
        &self,
        sql: &str,
        params: impl Params,
        read: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> StoreResult<C> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params, read)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Create {
    /// Create the file if missing, and its folder too (the default location).
    WithFolder,
    /// Create the file if missing, in an existing folder (`--db PATH`).
    FileOnly,
    /// The file must exist.
    Never,
}

impl Store {
    /// Open (or create) the portfolio at `path`. Checks that an existing file
    /// is an SQLite database of folio and not newer than this program before
    /// anything writes to it; then sets the pragmas and migrates forward.
    pub fn open(path: &Path, create: Create) -> Result<(Store, OpenReport), OpenError> {
        Store::open_with(path, create, MIGRATIONS)
    }

    /// [`Store::open`] with an explicit list of migrations (tests use it to
    /// exercise an upgrade before a second schema version exists).
    pub fn open_with(
        path: &Path,
        create: Create,
        migrations: &[&str],
    ) -> Result<(Store, OpenReport), OpenError> {
        if !is_file_path(path) {
            return Err(OpenError::NotAPath(path.to_path_buf()));
        }
        let known = i32::try_from(migrations.len()).unwrap_or(i32::MAX);
        let mut report = OpenReport::default();
        let io = |reason| OpenError::Io {
            path: path.to_path_buf(),
            reason,
        };
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => return Err(OpenError::IsDirectory(path.to_path_buf())),
            Ok(meta) if meta.len() > 0 => precheck(path)?,
            Ok(_) => report.created = true, // an empty file becomes a new portfolio
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if create == Create::Never {
                    return Err(io(e));
                }
                let dir = files::folder_of(path);
                if !dir.exists() {
                    if create == Create::WithFolder {
                        files::create_private_folder(dir).map_err(io)?;
                    } else {
                        return Err(OpenError::MissingDirectory(dir.to_path_buf()));
                    }
                }
                create_private_file(path).map_err(io)?;
                report.created = true;
            }
            Err(e) => return Err(io(e)),
        }
        let access = access_of(path)?;
        // Client records are private: the portfolio, its sidecars and the
        // default data folder are owner-only. A file of another user cannot
        // be changed here and keeps the mode its owner gave it; so does a
        // file opened read-only, whose owner may have made it so (0444 would
        // become 0600, writable): reading it changes nothing.
        let mut private = files::sidecars(path);
        if create == Create::WithFolder
            && let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty())
        {
            private.push(dir.to_path_buf());
        }
        if access != Access::ReadWrite {
            private.clear();
        }
        for p in private {
            if let Ok(Some(mode)) = files::make_private(&p) {
                report.tightened.push((p, mode));
            }
        }
        let db = |reason| OpenError::Db {
            path: path.to_path_buf(),
            reason,
        };
        // URIs stay on: the bundled SQLite reads `file:` names as URIs even
        // without the flag (SQLITE_USE_URI). `is_file_path` above keeps the
        // user's a path; only the immutable one is a URI, built here.
        let base = OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let read_only = base | OpenFlags::SQLITE_OPEN_READ_ONLY;
        let conn = match access {
            Access::ReadWrite => {
                Connection::open_with_flags(path, base | OpenFlags::SQLITE_OPEN_READ_WRITE)
            }
            Access::ReadOnly => Connection::open_with_flags(path, read_only),
            Access::Immutable => {
                let absolute = std::path::absolute(path).map_err(io)?;
                let uri = format!("{}?immutable=1", file_uri(&absolute));
                Connection::open_with_flags(uri, read_only)
            }
        }
        .map_err(|e| classify(path, e.into()))?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| db(e.into()))?;
        let (app_id, version, objects) = identify(&conn).map_err(|e| classify(path, e))?;
        if version > known {
            return Err(OpenError::Newer {
                path: path.to_path_buf(),
                found: version,
                known,
            });
        }
        let fresh = app_id == 0 && version == 0 && objects == 0;
        if app_id != APPLICATION_ID && !fresh {
            return Err(OpenError::Foreign(path.to_path_buf()));
        }
        if access != Access::ReadWrite && version < known {
            // Every query reads the current schema: an older file is
            // migrated first, and a read-only one cannot be.
            return Err(if fresh {
                OpenError::ReadOnlyEmpty(path.to_path_buf())
            } else {
                OpenError::ReadOnlyOlder {
                    path: path.to_path_buf(),
                    found: version,
                }
            });
        }
        if version > 0 && version < known {
            // SQLite's online backup, not a file copy: it includes what is
            // still in another process's write-ahead log.
            let failed = |reason| OpenError::Backup {
                path: path.to_path_buf(),
                reason,
            };
            let dest = files::unused_name(&backup_path(path, version));
            Out::resolve(&dest, false, Some(path))
                .and_then(|out| out.fill(|tmp| online_backup(&conn, tmp)))
                .map_err(failed)?;
            report.backup = Some(dest);
        }
        let mut store = Store {
            db: Db { conn },
            path: Some(path.to_path_buf()),
            access,
        };
        store.configure().map_err(|e| classify(path, e))?;
        if version < known {
            store
                .migrate(migrations, version)
                .map_err(|e| classify(path, e))?;
            if version > 0 {
                report.migrated = Some((version, known));
            }
        }
        Ok((store, report))
    }

    /// A private in-memory portfolio, for tests.
    pub fn open_in_memory() -> StoreResult<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store {
            db: Db { conn },
            path: None,
            access: Access::ReadWrite,
        };
        store.configure()?;
        store.migrate(MIGRATIONS, 0)?;
        Ok(store)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Opened other than [`Access::ReadWrite`]: every write is refused
    /// ([`Failure::ReadOnly`]).
    pub fn is_read_only(&self) -> bool {
        self.access != Access::ReadWrite
    }

    /// The database, for a query run on its own (outside [`Store::read`],
    /// each statement is its own transaction).
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The SQLite connection, for tests that check the file with SQL of
    /// their own.
    #[cfg(test)]
    pub(crate) fn conn(&self) -> &Connection {
        &self.db.conn
    }

    /// Run `f` in one write transaction, committed only if it returns `Ok`.
    /// IMMEDIATE takes the write lock up front, so a concurrent writer waits on
    /// the busy timeout instead of failing halfway through.
    pub fn write<T, E>(&mut self, f: impl FnOnce(&Db) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        self.write_or_rehearse(true, f)
    }

    /// Like [`Store::write`], but rolls back even on success when `commit` is
    /// false: a dry run sees every check a real run would, and changes nothing.
    pub fn write_or_rehearse<T, E>(
        &mut self,
        commit: bool,
        f: impl FnOnce(&Db) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let failed = |e: rusqlite::Error| E::from(StoreError::from(e));
        // Begun on a shared borrow of the connection, so that `f` can be
        // given the `Db` that owns it; `&mut self` keeps any other
        // transaction from starting meanwhile.
        let tx = Transaction::new_unchecked(&self.db.conn, TransactionBehavior::Immediate)
            .map_err(failed)?;
        let value = f(&self.db)?;
        if commit {
            tx.commit().map_err(failed)?;
        } else {
            tx.rollback().map_err(failed)?;
        }
        Ok(value)
    }

    /// Run `f` over one consistent snapshot (a read transaction), so figures
    /// computed from several queries agree even while another process writes.
    pub fn read<T, E>(&mut self, f: impl FnOnce(&Db) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let failed = |e: rusqlite::Error| E::from(StoreError::from(e));
        let tx = Transaction::new_unchecked(&self.db.conn, TransactionBehavior::Deferred)
            .map_err(failed)?;
        let value = f(&self.db)?;
        tx.finish().map_err(failed)?;
        Ok(value)
    }

    fn configure(&mut self) -> StoreResult<()> {
        // WAL: readers never block the writer, and a crash mid-write leaves the
        // last committed state. synchronous=FULL: a commit is on disk (WAL
        // fsynced) before folio reports it done, so even a power cut keeps it.
        // A read-only file keeps the mode it has: setting one is a write.
        let conn = &self.db.conn;
        if self.access == Access::ReadWrite {
            let mode: String =
                conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
                return Err(rusqlite::Error::InvalidQuery.into());
            }
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // A statement that fires a trigger keeps a journal of its own, to
        // undo just that statement on an error: in memory, not in a
        // temporary file written row by row (five writes a touchpoint).
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        self.set_cache_kib(DEFAULT_CACHE_KIB)?;
        // A cached statement keeps the plan it was prepared with: without
        // this, SQLite re-prepares (parses and plans anew) a statement each
        // time a value bound to it is new, which for the settlement walk's
        // one query per client was most of a report's time.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(())
    }

    fn migrate(&mut self, migrations: &[&str], from: i32) -> StoreResult<()> {
        let tx = self
            .db
            .conn
            .transaction_with_behavior(TransactionBehavior::Exclusive)?;
        for (index, sql) in migrations.iter().enumerate().skip(from.max(0) as usize) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", index as i32 + 1)?;
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        Ok(tx.commit()?)
    }

    /// Consistent copy of the open database (SQLite's online backup, safe
    /// while it is in use) as a new file `dest`; an existing `dest` is
    /// refused. Written as every file folio writes ([`files`]): whole or
    /// not at all, owner-only.
    pub fn backup_to(&self, dest: &Path) -> Result<(), OutError> {
        self.backup_into(&Out::resolve(dest, false, self.path())?)
    }

    /// [`Store::backup_to`] where the caller has applied the rule already
    /// (`backup --out FILE --force`).
    pub fn backup_into(&self, out: &Out) -> Result<(), OutError> {
        out.fill(|tmp| online_backup(&self.db.conn, tmp))
    }

    /// `PRAGMA integrity_check` and `foreign_key_check`, and stored texts
    /// folio would refuse today (control characters; client names made one
    /// by ignoring invisible characters): the problems found, empty when
    /// the file is sound.
    pub fn check(&self) -> StoreResult<Vec<String>> {
        let integrity: Vec<String> = self.db.rows("PRAGMA integrity_check", [], |r| r.get(0))?;
        let mut problems: Vec<String> = integrity.into_iter().filter(|l| l != "ok").collect();
        let missing: Vec<String> = self.db.rows("PRAGMA foreign_key_check", [], |r| {
            Ok(format!(
                "{} row {} refers to a missing {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                r.get::<_, String>(2)?
            ))
        })?;
        problems.extend(missing);
        problems.extend(audit::text_problems(&self.db.conn)?);
        Ok(problems)
    }

    /// True when the portfolio holds no clients and no plan.
    pub fn is_empty(&self) -> StoreResult<bool> {
        self.db.row(
            "SELECT NOT EXISTS (SELECT 1 FROM clients) AND NOT EXISTS (SELECT 1 FROM plan_targets)",
            [],
            |r| r.get(0),
        )
    }

    /// Run `f` with the file in rollback-journal mode, then go back to WAL:
    /// for a restore from a copy whose page size differs, which SQLite
    /// copies into a WAL file only through this mode. Still one transaction
    /// with synchronous=FULL: a crash leaves the file as it was. Best
    /// effort: with another connection open the mode stays WAL (the switch
    /// is refused at once), and every open sets WAL again should the switch
    /// back be refused.
    pub fn with_rollback_journal<T>(&mut self, f: impl FnOnce(&mut Store) -> T) -> T {
        // Refused at once (no busy wait, the timeout put back after: it
        // cannot fail on an open connection) while another connection is open.
        let mode = |conn: &Connection, to: &str| {
            let _ = conn.busy_timeout(Duration::ZERO);
            let mode =
                conn.pragma_update_and_check(None, "journal_mode", to, |r| r.get::<_, String>(0));
            let _ = conn.busy_timeout(BUSY_TIMEOUT);
            mode
        };
        let switched =
            mode(&self.db.conn, "TRUNCATE").is_ok_and(|m| m.eq_ignore_ascii_case("truncate"));
        let value = f(self);
        if switched {
            let _ = mode(&self.db.conn, "WAL");
        }
        value
    }

    /// Size the page cache (bulk writes raise it for their duration).
    pub fn set_cache_kib(&self, kib: i64) -> StoreResult<()> {
        let conn = &self.db.conn;
        Ok(conn.pragma_update(None, "cache_size", -kib.max(64))?)
    }

    /// Changes whenever another connection commits to the file: lets the TUI
    /// notice writes from the command line without re-reading everything.
    pub fn data_version(&self) -> StoreResult<i64> {
        let conn = &self.db.conn;
        Ok(conn.pragma_query_value(None, "data_version", |r| r.get(0))?)
    }

    pub fn setting(&self, key: &str) -> StoreResult<Option<String>> {
        let sql = "SELECT value FROM settings WHERE key = ?1";
        self.db.find(sql, [key], |r| r.get(0))
    }
}

/// How many consecutive windows one pass of [`window_sums`] can split.
pub const MAX_WINDOWS: usize = 4;

/// Per client: row counts and sums of a value over consecutive date windows
/// `(cuts[k], cuts[k + 1]]`, from one pass over a date-ordered index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WindowSums {
    pub count: [u32; MAX_WINDOWS],
    pub sum: [i64; MAX_WINDOWS],
}

impl WindowSums {
    pub fn total_count(&self) -> u32 {
        self.count.iter().sum()
    }

    pub fn total_sum(&self) -> i64 {
        self.sum.iter().fold(0, |a, b| a.saturating_add(*b))
    }
}

pub use crate::domain::IdMap;

/// [`WindowSums`] of every client with rows, by id: what [`window_sums`]
/// adds up. A client without rows reads as all zeros.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WindowTable(IdMap<WindowSums>);

impl WindowTable {
    /// The client's sums (zeros for a client without rows).
    pub fn get(&self, id: Id) -> WindowSums {
        self.0.get(&id).copied().unwrap_or_default()
    }

    /// The ids with at least one row, each once.
    pub fn ids(&self) -> impl Iterator<Item = Id> + '_ {
        self.0.keys().copied()
    }
}

/// Runs `sql` (which must select `client_id, value` for dates in
/// `(?1, ?2]`; about `clients` distinct ids expected) once per window
/// `(cuts[k], cuts[k + 1]]` (`cuts` ascending, at most [`MAX_WINDOWS`] +
/// 1), adding each row to its client's window k: each run is one range of
/// a date-ordered covering index, summed here rather than grouped (and so
/// sorted) by SQLite.
fn window_sums(
    db: &Db,
    sql: &str,
    cuts: &[chrono::NaiveDate],
    clients: usize,
) -> StoreResult<WindowTable> {
    debug_assert!(cuts.len() <= MAX_WINDOWS + 1 && cuts.is_sorted());
    let mut table = IdMap::with_capacity_and_hasher(clients, Default::default());
    let mut stmt = db.conn.prepare_cached(sql)?;
    for (k, w) in cuts.windows(2).take(MAX_WINDOWS).enumerate() {
        let (from, to) = (convert::DayText::new(w[0]), convert::DayText::new(w[1]));
        let mut rows = stmt.query(params![from, to])?;
        while let Some(r) = rows.next()? {
            let (client, value): (Id, i64) = (r.get(0)?, r.get(1)?);
            let sums: &mut WindowSums = table.entry(client).or_default();
            sums.count[k] = sums.count[k].saturating_add(1);
            sums.sum[k] = sums.sum[k].saturating_add(value);
        }
    }
    Ok(WindowTable(table))
}

pub fn set_setting(db: &Db, key: &str, value: &str) -> StoreResult<()> {
    db.change(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )
    .map(drop)
}

/// `portfolio.db` -> `portfolio.db.bak-v1`.
pub fn backup_path(path: &Path, version: i32) -> PathBuf {
    beside(path, &format!(".bak-v{version}"))
}

/// Reads the header before SQLite touches the file: refuses a file that is not
/// SQLite, or one shorter than its header claims (truncated).
fn precheck(path: &Path) -> Result<(), OpenError> {
    let io = |reason| OpenError::Io {
        path: path.to_path_buf(),
        reason,
    };
    let file = fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    let mut header = Vec::with_capacity(100);
    file.take(100).read_to_end(&mut header).map_err(io)?;
    if header.len() < 100 || &header[..16] != files::SQLITE_MAGIC {
        return Err(OpenError::NotSqlite(path.to_path_buf()));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536u64,
        n => u64::from(n),
    };
    let page_count = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    // The in-header size is valid only when "version-valid-for" matches the
    // change counter (see the SQLite file format, section 1.3.7).
    let valid = header[92..96] == header[24..28];
    if valid && page_count > 0 && len < page_size * page_count {
        return Err(OpenError::Truncated(path.to_path_buf()));
    }
    Ok(())
}

fn identify(conn: &Connection) -> StoreResult<(i32, i32, i64)> {
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    Ok((app_id, version, objects))
}

fn classify(path: &Path, e: StoreError) -> OpenError {
    use rusqlite::ErrorCode;
    match e.sqlite().sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => OpenError::NotSqlite(path.to_path_buf()),
        Some(ErrorCode::DatabaseCorrupt) => OpenError::Truncated(path.to_path_buf()),
        _ if e.kind() == Failure::DiskFull => OpenError::DiskFull(path.to_path_buf()),
        _ if e.kind() == Failure::ReadOnly => OpenError::ReadOnly(path.to_path_buf()),
        _ => OpenError::Db {
            path: path.to_path_buf(),
            reason: e,
        },
    }
}

/// SQLite's online backup of `conn` into the file at `dest`, every page
/// in one step, so one read transaction on `conn` lasts the whole copy.
/// In steps (rusqlite's `Connection::backup` takes 100 pages at a time)
/// each step begins a read transaction of its own; a file read through a
/// read-only `-shm` (SQLite's "unreliable" WAL index) counts as changed
/// at the start of every one, which sends the copy back to page 1: on a
/// file of more than 100 pages the backup never ended (issue 20).
fn online_backup(conn: &Connection, dest: &Path) -> std::io::Result<()> {
    let copy = || copy_pages(conn, &mut Connection::open(dest)?);
    copy().map_err(std::io::Error::other)
}

/// Every page of `from` into `to` in one step of SQLite's online backup:
/// one read transaction on `from`, one write transaction on `to`, whose
/// busy timeout waits for another writer to finish.
fn copy_pages(from: &Connection, to: &mut Connection) -> rusqlite::Result<()> {
    use rusqlite::backup::{Backup, StepResult};
    match Backup::new(from, to)?.step(-1)? {
        StepResult::Done => Ok(()),
        // Busy or Locked once the busy timeout ran out (More cannot
        // follow a step of every page).
        _ => Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some("the portfolio file stayed locked by another program".into()),
        )),
    }
}

/// A path SQLite opens as the file it names: not empty (a private
/// temporary database), not `:memory:`, not starting with `file:` (a URI,
/// which may name another file or memory). SQLite compares both exactly,
/// so `./:memory:` and `./file:x` are paths and allowed.
fn is_file_path(path: &Path) -> bool {
    let name = path.as_os_str().as_encoded_bytes();
    !(name.is_empty() || name == b":memory:" || name.starts_with(b"file:"))
}

fn not_a_path_message(path: &Path) -> String {
    if path.as_os_str().is_empty() {
        return "an empty path names no portfolio file; give the path of one".to_string();
    }
    format!(
        "'{0}' is not a file path: folio keeps a portfolio in a file, not in memory or at an SQLite URI (for a file of that name, write ./{0})",
        path.display()
    )
}

/// How `path` (an existing file) can be opened, found by trying rather
/// than by reading modes (root, ACLs, read-only mounts): can it be opened
/// for writing, and can a file be created in its folder (SQLite creates
/// the `-wal` and `-shm` there)? In a folder that cannot be written,
/// SQLite reads a WAL-mode file read-only through an existing `-wal` and
/// `-shm` (even a read-only `-shm`); without them it must read the file
/// `immutable`, alone: refused while a sidecar holds records.
fn access_of(path: &Path) -> Result<Access, OpenError> {
    let writable = |p: &Path| OpenOptions::new().write(true).open(p).is_ok();
    let (wal, shm, journal) = (
        beside(path, "-wal"),
        beside(path, "-shm"),
        beside(path, "-journal"),
    );
    let file = writable(path);
    if folder_writable(path) {
        return Ok(if file {
            Access::ReadWrite
        } else {
            Access::ReadOnly
        });
    }
    // A writable file whose WAL sidecars are there and writable is
    // written as ever: SQLite needs to create nothing.
    if file && writable(&wal) && writable(&shm) {
        return Ok(Access::ReadWrite);
    }
    if wal.exists() && shm.exists() {
        return Ok(Access::ReadOnly);
    }
    // The -wal holds commits not yet copied into the file; a -journal
    // left by an interrupted write holds what undoes it.
    let holds_records = |p: &Path| fs::metadata(p).is_ok_and(|m| m.len() > 0);
    if holds_records(&wal) {
        return Err(OpenError::ReadOnlyWal {
            path: path.to_path_buf(),
            wal,
        });
    }
    if holds_records(&journal) {
        return Err(OpenError::ReadOnlyJournal {
            path: path.to_path_buf(),
            journal,
        });
    }
    Ok(Access::Immutable)
}

/// Can a file be created in `path`'s folder? Tried with a temporary file
/// that is gone at once (unnamed where the system allows).
fn folder_writable(path: &Path) -> bool {
    tempfile::tempfile_in(files::folder_of(path)).is_ok()
}

/// `path` (absolute) as an SQLite `file:` URI with no query: `%`, `?`
/// and `#` (and anything but plain ASCII) percent-encoded, so the name
/// SQLite decodes is the file's. Always with an empty authority
/// (`file:///...`): a path starting `//` is still a path. On Windows the
/// separators become `/` and a drive gets its leading `/`
/// (`file:///C:/...`), as SQLite expects.
fn file_uri(path: &Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut uri = String::from("file://");
    if cfg!(windows) && !bytes.starts_with(b"/") && !bytes.starts_with(b"\\") {
        uri.push('/');
    }
    for &b in bytes {
        match b {
            b'\\' if cfg!(windows) => uri.push('/'),
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'.' | b'_' | b'~' | b':' => {
                uri.push(char::from(b))
            }
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri
}

/// Create an empty file readable by its owner only: client records are private.
fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(drop)
}

/// The steps of the plan SQLite picks for `sql` with `params` bound, for
/// tests that pin which index a hot query reads.
#[cfg(test)]
pub(crate) fn query_plan(db: &Db, sql: &str, params: &[&str]) -> Vec<String> {
    db.conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap()
        .query_map(rusqlite::params_from_iter(params), |r| r.get(3))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_memory_store_is_at_the_current_version() {
        let store = Store::open_in_memory().unwrap();
        let v: i32 = store
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, schema::CURRENT_VERSION);
        assert!(store.is_empty().unwrap());
        let fk: i32 = store
            .conn()
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        assert!(store.check().unwrap().is_empty());
    }

    #[test]
    fn memory_uris_and_empty_paths_are_not_paths() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "",
            ":memory:",
            "file:portfolio.db",
            "file::memory:?cache=shared",
        ] {
            let path = Path::new(name);
            let err = Store::open(path, Create::FileOnly).err();
            assert!(
                matches!(&err, Some(OpenError::NotAPath(p)) if p == path),
                "{name}: {err:?}"
            );
        }
        assert_eq!(
            OpenError::NotAPath(":memory:".into()).to_string(),
            "':memory:' is not a file path: folio keeps a portfolio in a file, not in memory or at an SQLite URI (for a file of that name, write ./:memory:)"
        );
        assert_eq!(
            OpenError::NotAPath("".into()).to_string(),
            "an empty path names no portfolio file; give the path of one"
        );
        // Files of those names, as paths, are files.
        for name in [":memory:", "file:portfolio.db", "FILE:x.db"] {
            let path = dir.path().join(name);
            let (mut store, report) = Store::open(&path, Create::FileOnly).unwrap();
            assert!(report.created);
            store
                .write(|tx| set_setting(tx, "currency", "EUR"))
                .unwrap();
            drop(store);
            let (store, _) = Store::open(&path, Create::Never).unwrap();
            assert_eq!(store.setting("currency").unwrap().as_deref(), Some("EUR"));
        }
    }

    #[test]
    fn bulk_writes_go_through_a_rollback_journal_and_back_to_wal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("portfolio.db");
        let mode = |c: &Connection| {
            c.pragma_query_value(None, "journal_mode", |r| r.get::<_, String>(0))
                .unwrap()
        };
        let (mut store, _) = Store::open(&path, Create::FileOnly).unwrap();
        assert_eq!(mode(store.conn()), "wal");
        let inside = store.with_rollback_journal(|s| {
            s.write(|tx| set_setting(tx, "currency", "EUR")).unwrap();
            mode(s.conn())
        });
        assert_eq!(inside, "truncate");
        assert_eq!(mode(store.conn()), "wal");
        // Another connection holds the file: the write still happens, in WAL.
        let other = Connection::open(&path).unwrap();
        assert_eq!(setting_of(&other, "currency"), Some("EUR".into()));
        let inside = store.with_rollback_journal(|s| {
            s.write(|tx| set_setting(tx, "currency", "USD")).unwrap();
            mode(s.conn())
        });
        assert_eq!(inside, "wal");
        assert_eq!(setting_of(&other, "currency"), Some("USD".into()));
    }

    /// A portfolio file (in a folder dropped with the first value) whose
    /// currency is EUR.
    fn file_in_euros() -> (tempfile::TempDir, PathBuf, Store) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("portfolio.db");
        let (mut store, _) = Store::open(&path, Create::FileOnly).unwrap();
        store
            .write(|tx| set_setting(tx, "currency", "EUR"))
            .unwrap();
        (dir, path, store)
    }

    /// A read holds a snapshot and no lock: another program writes
    /// meanwhile without waiting, and the read goes on seeing the figures
    /// it started with; the next read sees the new ones.
    #[test]
    fn a_read_takes_no_write_lock_and_sees_one_snapshot() {
        let (_dir, path, mut store) = file_in_euros();
        let other = Connection::open(&path).unwrap();
        other.busy_timeout(Duration::ZERO).unwrap();
        let (before, after) = store
            .read(|tx| {
                let before = setting_of(&tx.conn, "currency");
                other.execute(
                    "UPDATE settings SET value = 'USD' WHERE key = 'currency'",
                    [],
                )?;
                Ok::<_, StoreError>((before, setting_of(&tx.conn, "currency")))
            })
            .unwrap();
        assert_eq!(before, Some("EUR".into()));
        assert_eq!(after, Some("EUR".into()), "one snapshot for the whole read");
        assert!(store.conn().is_autocommit());
        let now = store
            .read(|tx| Ok::<_, StoreError>(setting_of(&tx.conn, "currency")))
            .unwrap();
        assert_eq!(now, Some("USD".into()));
    }

    fn setting_of(c: &Connection, key: &str) -> Option<String> {
        use rusqlite::OptionalExtension;
        c.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()
        .unwrap()
    }

    #[test]
    fn upgrading_a_file_backs_it_up_first_and_keeps_every_record() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("portfolio.db");
        {
            // A file as the first released version left it.
            let (mut store, report) =
                Store::open_with(&path, Create::FileOnly, &schema::MIGRATIONS[..1]).unwrap();
            assert!(report.created);
            store
                .write(|tx| set_setting(tx, "currency", "EUR"))
                .unwrap();
        }
        let (store, report) = Store::open(&path, Create::Never).unwrap();
        assert_eq!(report.migrated, Some((1, schema::CURRENT_VERSION)));
        let backup = report.backup.clone().unwrap();
        assert_eq!(backup, dir.path().join("portfolio.db.bak-v1"));
        // The backup is the file as it was: version 1, same records.
        let old = Connection::open(&backup).unwrap();
        let old_version: i32 = old
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(old_version, 1);
        let currency: String = old
            .query_row(
                "SELECT value FROM settings WHERE key = 'currency'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(currency, "EUR");
        let version: i32 = store
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, schema::CURRENT_VERSION);
        assert_eq!(store.setting("currency").unwrap().as_deref(), Some("EUR"));
        drop(store);
        // A program that knows only version 1 refuses the upgraded file.
        assert!(matches!(
            Store::open_with(&path, Create::Never, &schema::MIGRATIONS[..1]),
            Err(OpenError::Newer { known: 1, .. })
        ));
    }

    #[test]
    fn file_uris_encode_what_sqlite_would_read_as_uri_syntax() {
        assert_eq!(
            file_uri(Path::new("/data/folio/portfolio.db")),
            "file:///data/folio/portfolio.db"
        );
        assert_eq!(
            file_uri(Path::new("/a?b#c%d e/ж.db")),
            "file:///a%3Fb%23c%25d%20e/%D0%B6.db"
        );
        // Two leading slashes stay a path, not an authority.
        assert_eq!(file_uri(Path::new("//x/p.db")), "file:////x/p.db");
    }

    /// The URI opens the very file named, whatever its name holds, and
    /// `immutable` reads it read-only.
    #[test]
    fn an_immutable_uri_opens_the_file_named() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("q?#%20 ж");
        fs::create_dir(&folder).unwrap();
        let path = folder.join("p%41?.db");
        let (mut store, _) = Store::open(&path, Create::FileOnly).unwrap();
        store
            .write(|tx| set_setting(tx, "currency", "EUR"))
            .unwrap();
        drop(store);
        let uri = format!("{}?immutable=1", file_uri(&path));
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(uri, flags).unwrap();
        assert_eq!(setting_of(&conn, "currency"), Some("EUR".into()));
        let write = conn.execute("DELETE FROM settings", []);
        assert_eq!(
            Failure::of(&write.unwrap_err()),
            Failure::ReadOnly,
            "a write is refused as read-only"
        );
        assert_eq!(fs::read_dir(&folder).unwrap().count(), 1, "no sidecars");
    }

    #[test]
    fn backup_names() {
        assert_eq!(
            backup_path(Path::new("/x/portfolio.db"), 1),
            PathBuf::from("/x/portfolio.db.bak-v1")
        );
    }

    /// Window sums equal a plain count over every row, for ids in the
    /// list (a gap among them included), negative ones and ones far past
    /// the number of clients; rows on a cut belong to the window ending
    /// there; clients without rows read as zeros.
    #[test]
    fn window_sums_add_up_every_id() {
        let store = Store::open_in_memory().unwrap();
        let c = store.conn();
        let ids: [Id; 5] = [-7, 1, 2, 9, 5_000_000_000];
        for (n, id) in ids.iter().enumerate() {
            c.execute(
                "INSERT INTO clients (id, name, name_key, tier, since)
                 VALUES (?1, ?2, ?2, 'gold', '2020-01-01')",
                params![id, format!("c{n}")],
            )
            .unwrap();
        }
        c.execute(
            "INSERT INTO clients (id, name, name_key, tier, since)
             VALUES (3, 'quiet', 'quiet', 'gold', '2020-01-01')",
            [],
        )
        .unwrap();
        let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 1, d).unwrap();
        let mut rows = Vec::new();
        for i in 0..200u32 {
            let (id, on, amount) = (
                ids[(i * 7 % 5) as usize],
                day(1 + i % 31),
                100 + i64::from(i),
            );
            c.execute(
                "INSERT INTO payments (client_id, paid_on, amount) VALUES (?1, ?2, ?3)",
                params![id, on.to_string(), amount],
            )
            .unwrap();
            rows.push((id, on, amount));
        }
        let cuts = [day(3), day(10), day(20), day(30)];
        let table = window_sums(
            store.db(),
            "SELECT client_id, amount FROM payments WHERE paid_on > ?1 AND paid_on <= ?2",
            &cuts,
            2,
        )
        .unwrap();
        for id in ids.iter().copied().chain([3, 4, 10_000]) {
            let mut want = WindowSums::default();
            for &(_, on, amount) in rows.iter().filter(|r| r.0 == id) {
                if let Some(k) = cuts.windows(2).position(|w| w[0] < on && on <= w[1]) {
                    want.count[k] += 1;
                    want.sum[k] += amount;
                }
            }
            assert_eq!(table.get(id), want, "client {id}");
        }
        let mut with_rows: Vec<Id> = table.ids().collect();
        with_rows.sort_unstable();
        assert_eq!(with_rows, ids);
    }
}
