//! A read-only statement stepped through SQLite's C API, for the few loops
//! that read tens or hundreds of thousands of rows per report (signal
//! windows, open invoices, contacts, kept agreements): rusqlite's typed
//! getter asks each column's type, then its value, then converts through
//! `FromSql`, about four times the work of one `sqlite3_column_int64`.
//! Everything else reads through rusqlite.

use std::ffi::{CStr, CString, c_int};
use std::marker::PhantomData;
use std::ptr::NonNull;

use rusqlite::{Connection, ffi};

use super::DbError;

/// One prepared statement on `conn`; it cannot outlive the connection nor
/// leave its thread (`&Connection` is neither `Send` nor `Sync`-shared).
pub(super) struct RawQuery<'c> {
    stmt: NonNull<ffi::sqlite3_stmt>,
    db: *mut ffi::sqlite3,
    _conn: PhantomData<&'c Connection>,
}

impl<'c> RawQuery<'c> {
    /// Ready to step; [`RawQuery::start`] rewinds it and binds parameters.
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
        Ok(RawQuery {
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
    pub fn next(&mut self) -> Result<Option<RawRow<'_, 'c>>, DbError> {
        // SAFETY: `stmt` is a live statement of this connection.
        match unsafe { ffi::sqlite3_step(self.stmt.as_ptr()) } {
            ffi::SQLITE_ROW => Ok(Some(RawRow { query: self })),
            ffi::SQLITE_DONE => Ok(None),
            rc => Err(error(self.db, rc)),
        }
    }
}

/// The current row of an [`RawQuery`].
pub(super) struct RawRow<'q, 'c> {
    query: &'q RawQuery<'c>,
}

impl RawRow<'_, '_> {
    /// Column `col` as an integer (NULL reads 0, as in SQLite's C API).
    pub fn int(&self, col: c_int) -> i64 {
        // SAFETY: the statement is stepped to a row; an out-of-range column
        // reads 0 in SQLite, never undefined behaviour.
        unsafe { ffi::sqlite3_column_int64(self.query.stmt.as_ptr(), col) }
    }

    /// Column `col` as text bytes, `None` for NULL (numbers read as their
    /// text, as in SQLite's C API). Valid until the next step.
    pub fn text(&self, col: c_int) -> Option<&[u8]> {
        let stmt = self.query.stmt.as_ptr();
        // SAFETY: the statement is stepped to a row and `&self` borrows
        // the query, so no step or reset can run while the slice lives;
        // the length is asked after the text, as SQLite requires.
        unsafe {
            let text = ffi::sqlite3_column_text(stmt, col);
            if text.is_null() {
                return None;
            }
            let len = usize::try_from(ffi::sqlite3_column_bytes(stmt, col)).unwrap_or(0);
            Some(std::slice::from_raw_parts(text, len))
        }
    }

    /// Column `col` decoded as `T` (a date, a month) from its text or NULL,
    /// failing as rusqlite's getter would.
    pub fn decode<T>(
        &self,
        col: c_int,
        from: impl FnOnce(rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<T>,
    ) -> Result<T, DbError> {
        use rusqlite::types::{Type, ValueRef};
        let value = self.text(col).map_or(ValueRef::Null, ValueRef::Text);
        from(value).map_err(|e| {
            let index = usize::try_from(col).unwrap_or(0);
            DbError::FromSqlConversionFailure(index, Type::Text, Box::new(e))
        })
    }
}

impl Drop for RawQuery<'_> {
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
        let mut q = RawQuery::prepare(&conn, "SELECT a, b FROM t WHERE k = ?1 ORDER BY a").unwrap();
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
        q.start(&[b"x"]).unwrap();
        let r = q.next().unwrap().unwrap();
        assert_eq!(r.text(0), Some(&b"1"[..]));
        let mut t = RawQuery::prepare(&conn, "SELECT k, NULL, 'жук' FROM t ORDER BY a").unwrap();
        let r = t.next().unwrap().unwrap();
        assert_eq!(r.text(0), Some(&b"x"[..]));
        assert_eq!(r.text(1), None);
        assert_eq!(r.text(2), Some("жук".as_bytes()));
        let date = |v: rusqlite::types::ValueRef<'_>| v.as_str().map(str::len);
        assert_eq!(r.decode(2, date).unwrap(), "жук".len());
        let err = r.decode(1, date).err().unwrap();
        assert!(
            matches!(err, DbError::FromSqlConversionFailure(1, ..)),
            "{err:?}"
        );
        let bad = RawQuery::prepare(&conn, "SELECT nope FROM t")
            .err()
            .unwrap();
        assert!(bad.to_string().contains("no such column"), "{bad}");
        assert!(RawQuery::prepare(&conn, "SELECT 1\0").is_err());
    }
}
