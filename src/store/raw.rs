//! A read-only statement stepped through SQLite's C API, for the few loops
//! that read hundreds of thousands of integer rows (the report's signal
//! windows): rusqlite's typed getter asks each column's type, then its
//! value, then converts through `FromSql`, about four times the work of
//! one `sqlite3_column_int64`. Everything else reads through rusqlite.

use std::ffi::{CStr, CString, c_int};
use std::marker::PhantomData;
use std::ptr::NonNull;

use rusqlite::{Connection, ffi};

use super::DbError;

/// One prepared statement on `conn`; it cannot outlive the connection nor
/// leave its thread (`&Connection` is neither `Send` nor `Sync`-shared).
pub(super) struct IntQuery<'c> {
    stmt: NonNull<ffi::sqlite3_stmt>,
    db: *mut ffi::sqlite3,
    _conn: PhantomData<&'c Connection>,
}

impl<'c> IntQuery<'c> {
    pub fn prepare(conn: &'c Connection, sql: &str) -> Result<Self, DbError> {
        let text = CString::new(sql).map_err(|_| DbError::InvalidQuery)?;
        // SAFETY: the handle is the open connection `conn` borrows for 'c.
        let db = unsafe { conn.handle() };
        let mut stmt = std::ptr::null_mut();
        // SAFETY: `text` is NUL-terminated; `stmt` receives the statement.
        let rc = unsafe {
            ffi::sqlite3_prepare_v2(db, text.as_ptr(), -1, &mut stmt, std::ptr::null_mut())
        };
        if rc != ffi::SQLITE_OK {
            return Err(error(db, rc));
        }
        let stmt = NonNull::new(stmt).ok_or(DbError::InvalidQuery)?;
        Ok(IntQuery {
            stmt,
            db,
            _conn: PhantomData,
        })
    }

    /// Rewind and bind `params` (text) to `?1`, `?2`, ...
    pub fn start(&mut self, params: &[&[u8]]) -> Result<(), DbError> {
        // SAFETY: `stmt` is a live statement of this connection. Each text
        // is copied by SQLite (SQLITE_TRANSIENT) before the call returns.
        unsafe {
            ffi::sqlite3_reset(self.stmt.as_ptr());
            for (i, p) in params.iter().enumerate() {
                let len = c_int::try_from(p.len()).map_err(|_| DbError::InvalidQuery)?;
                let rc = ffi::sqlite3_bind_text(
                    self.stmt.as_ptr(),
                    c_int::try_from(i + 1).map_err(|_| DbError::InvalidQuery)?,
                    p.as_ptr().cast(),
                    len,
                    ffi::SQLITE_TRANSIENT(),
                );
                if rc != ffi::SQLITE_OK {
                    return Err(error(self.db, rc));
                }
            }
        }
        Ok(())
    }

    /// The next row: `Some` with integer columns readable through `int`.
    pub fn next(&mut self) -> Result<Option<IntRow<'_, 'c>>, DbError> {
        // SAFETY: `stmt` is a live statement of this connection.
        match unsafe { ffi::sqlite3_step(self.stmt.as_ptr()) } {
            ffi::SQLITE_ROW => Ok(Some(IntRow { query: self })),
            ffi::SQLITE_DONE => Ok(None),
            rc => Err(error(self.db, rc)),
        }
    }
}

/// The current row of an [`IntQuery`].
pub(super) struct IntRow<'q, 'c> {
    query: &'q IntQuery<'c>,
}

impl IntRow<'_, '_> {
    /// Column `col` as an integer (NULL reads 0, as in SQLite's C API).
    pub fn int(&self, col: c_int) -> i64 {
        // SAFETY: the statement is stepped to a row; an out-of-range column
        // reads 0 in SQLite, never undefined behaviour.
        unsafe { ffi::sqlite3_column_int64(self.query.stmt.as_ptr(), col) }
    }
}

impl Drop for IntQuery<'_> {
    fn drop(&mut self) {
        // SAFETY: finalized once, here; the connection is still open ('c).
        unsafe {
            ffi::sqlite3_finalize(self.stmt.as_ptr());
        }
    }
}

/// SQLite's error for `rc`, with the connection's message.
fn error(db: *mut ffi::sqlite3, rc: c_int) -> DbError {
    // SAFETY: `db` is open; the message is copied before any other call.
    let message = unsafe {
        let text = ffi::sqlite3_errmsg(db);
        (!text.is_null()).then(|| CStr::from_ptr(text).to_string_lossy().into_owned())
    };
    DbError::SqliteFailure(ffi::Error::new(rc), message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_integer_rows_rebinds_and_reports_errors() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE t (k TEXT, a INTEGER, b INTEGER);
             INSERT INTO t VALUES ('x', 1, 10), ('y', 2, NULL), ('y', 3, -7);",
        )
        .unwrap();
        let mut q = IntQuery::prepare(&conn, "SELECT a, b FROM t WHERE k = ?1 ORDER BY a").unwrap();
        let mut rows = |key: &str| {
            q.start(&[key.as_bytes()]).unwrap();
            let mut out = Vec::new();
            while let Some(r) = q.next().unwrap() {
                out.push((r.int(0), r.int(1)));
            }
            out
        };
        assert_eq!(rows("y"), [(2, 0), (3, -7)]);
        assert_eq!(rows("x"), [(1, 10)]);
        assert_eq!(rows("z"), []);
        let bad = IntQuery::prepare(&conn, "SELECT nope FROM t")
            .err()
            .unwrap();
        assert!(bad.to_string().contains("no such column"), "{bad}");
        assert!(IntQuery::prepare(&conn, "SELECT 1\0").is_err());
    }
}
