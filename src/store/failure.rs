//! The store's error, and what a failed SQLite call means to the person
//! using folio, read from its result code. The one place that knows
//! SQLite's codes: the layers above ask [`StoreError::kind`] and say
//! "busy", "the disk is full" or "the file is read-only" without seeing
//! rusqlite's types.

use rusqlite::{ErrorCode, ffi};

/// A query or write the database refused, said as SQLite (or rusqlite)
/// says it. What callers answer differently is its [`StoreError::kind`];
/// the SQLite error itself stays inside the store.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct StoreError(#[from] rusqlite::Error);

pub type StoreResult<T> = Result<T, StoreError>;

impl StoreError {
    /// What the failure means to the person using folio.
    pub fn kind(&self) -> Failure {
        Failure::of(&self.0)
    }

    /// SQLite's result code, when SQLite gave one (the error messages
    /// say busy, full, read-only and corrupt files by it).
    pub fn code(&self) -> Option<rusqlite::ErrorCode> {
        self.0.sqlite_error_code()
    }

    /// The SQLite error, for the store's own classification.
    pub(super) fn sqlite(&self) -> &rusqlite::Error {
        &self.0
    }

    /// An error with SQLite result code `code` (and no message), for
    /// tests of how each kind of failure is reported.
    #[cfg(test)]
    pub(crate) fn with_code(code: i32) -> StoreError {
        StoreError(rusqlite::Error::SqliteFailure(ffi::Error::new(code), None))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// Another connection held the lock past the busy timeout.
    Busy,
    /// The disk is full, or failing: `SQLITE_FULL`, or an I/O error of
    /// writing, growing the shared memory or syncing ([`DISK_IO_ERRORS`]).
    /// The transaction that met it was rolled back.
    DiskFull,
    /// SQLite would not write: the file was opened read-only
    /// ([`super::Access`]), or could not be written after all
    /// (`SQLITE_READONLY` and its extended codes: a read-only `-shm` that
    /// needs recovery, a hot journal it cannot roll back, a file moved or
    /// made read-only underneath). Nothing was changed.
    ReadOnly,
    /// Anything else: said as SQLite says it.
    Other,
}

/// The extended `SQLITE_IOERR` codes a full (or failing) disk gives:
/// writing the database, journal or WAL (a write that fails with ENOSPC,
/// or writes short, is `SQLITE_FULL`; one that fails otherwise, EIO or
/// EFBIG past a size limit, is `SQLITE_IOERR_WRITE`);
/// syncing a file or its folder; truncating (`ftruncate` grows a file as
/// well as shrinking it); and growing or mapping the WAL's shared-memory
/// file (`-shm`), which is what a read meets first on a 100 % full disk.
pub const DISK_IO_ERRORS: [i32; 6] = [
    ffi::SQLITE_IOERR_WRITE,
    ffi::SQLITE_IOERR_FSYNC,
    ffi::SQLITE_IOERR_DIR_FSYNC,
    ffi::SQLITE_IOERR_TRUNCATE,
    ffi::SQLITE_IOERR_SHMSIZE,
    ffi::SQLITE_IOERR_SHMMAP,
];

impl Failure {
    pub(super) fn of(e: &rusqlite::Error) -> Failure {
        let Some(err) = e.sqlite_error() else {
            return Failure::Other;
        };
        match err.code {
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Failure::Busy,
            ErrorCode::DiskFull => Failure::DiskFull,
            ErrorCode::ReadOnly => Failure::ReadOnly,
            ErrorCode::SystemIoFailure if DISK_IO_ERRORS.contains(&err.extended_code) => {
                Failure::DiskFull
            }
            _ => Failure::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Error as DbError;

    fn failure(code: i32) -> Failure {
        Failure::of(&DbError::SqliteFailure(ffi::Error::new(code), None))
    }

    #[test]
    fn the_codes_are_sqlites() {
        // The numbers SQLite documents (sqlite.org/rescode.html), so that
        // the list above is the one the user saw (4874).
        assert_eq!(ffi::SQLITE_FULL, 13);
        assert_eq!(
            DISK_IO_ERRORS,
            [778, 1034, 1290, 1546, 4874, 5386],
            "WRITE, FSYNC, DIR_FSYNC, TRUNCATE, SHMSIZE, SHMMAP"
        );
    }

    #[test]
    fn a_full_disk_and_its_io_errors() {
        assert_eq!(failure(ffi::SQLITE_FULL), Failure::DiskFull);
        for code in DISK_IO_ERRORS {
            assert_eq!(failure(code), Failure::DiskFull, "{code}");
        }
        // With a message, as SQLite reports them.
        let e = DbError::SqliteFailure(
            ffi::Error::new(ffi::SQLITE_IOERR_SHMSIZE),
            Some("disk I/O error".into()),
        );
        assert_eq!(Failure::of(&e), Failure::DiskFull);
    }

    #[test]
    fn other_io_errors_and_other_failures_are_not_a_full_disk() {
        for code in [
            ffi::SQLITE_IOERR,
            ffi::SQLITE_IOERR_READ,
            ffi::SQLITE_IOERR_SHORT_READ,
            ffi::SQLITE_IOERR_LOCK,
            ffi::SQLITE_IOERR_DELETE,
            ffi::SQLITE_IOERR_NOMEM,
            ffi::SQLITE_CORRUPT,
            ffi::SQLITE_NOTADB,
            ffi::SQLITE_CANTOPEN,
            ffi::SQLITE_CONSTRAINT_UNIQUE,
        ] {
            assert_eq!(failure(code), Failure::Other, "{code}");
        }
        assert_eq!(Failure::of(&DbError::QueryReturnedNoRows), Failure::Other);
    }

    #[test]
    fn opening_on_a_full_disk_says_so() {
        let path = std::path::Path::new("/data/portfolio.db");
        let full = DbError::SqliteFailure(
            ffi::Error::new(ffi::SQLITE_IOERR_SHMSIZE),
            Some("disk I/O error".into()),
        );
        let e = crate::store::classify(path, full.into());
        assert!(matches!(&e, crate::store::OpenError::DiskFull(p) if p == path));
        assert_eq!(
            e.to_string(),
            "cannot open /data/portfolio.db: the disk is full (or failing): nothing was changed"
        );
        let other = DbError::SqliteFailure(ffi::Error::new(ffi::SQLITE_IOERR_READ), None);
        assert!(matches!(
            crate::store::classify(path, other.into()),
            crate::store::OpenError::Db { .. }
        ));
    }

    /// `SQLITE_READONLY` and every extended code of it (sqlite.org/rescode.html).
    #[test]
    fn read_only_and_its_extended_codes() {
        for code in [
            ffi::SQLITE_READONLY,
            ffi::SQLITE_READONLY_RECOVERY,
            ffi::SQLITE_READONLY_CANTLOCK,
            ffi::SQLITE_READONLY_ROLLBACK,
            ffi::SQLITE_READONLY_DBMOVED,
            ffi::SQLITE_READONLY_CANTINIT,
            ffi::SQLITE_READONLY_DIRECTORY,
        ] {
            assert_eq!(failure(code), Failure::ReadOnly, "{code}");
        }
        let path = std::path::Path::new("/data/portfolio.db");
        let e = crate::store::classify(path, StoreError::with_code(ffi::SQLITE_READONLY_CANTINIT));
        assert_eq!(
            e.to_string(),
            "cannot open /data/portfolio.db: the file is read-only and SQLite needs to write to read it"
        );
    }

    #[test]
    fn busy_and_locked() {
        assert_eq!(failure(ffi::SQLITE_BUSY), Failure::Busy);
        assert_eq!(failure(ffi::SQLITE_BUSY_SNAPSHOT), Failure::Busy);
        assert_eq!(failure(ffi::SQLITE_LOCKED), Failure::Busy);
    }
}
