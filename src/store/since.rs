//! Rows written since a mark: what an import wrote, read back inside its
//! transaction. A dry run rolls its import back, so this is how it shows
//! the rows exactly as they would be stored.

use rusqlite::Row;

use super::clients::{CLIENT_COLUMNS, client_from_row};
use super::ledger::{PAYMENT_COLUMNS, payment_from_row};
use super::log::{AGREEMENT_COLUMNS, TOUCH_COLUMNS, agreement_from_row, touch_from_row};
use super::{Db, StoreResult};
use crate::domain::{Agreement, Client, Id, Payment, Touchpoint};

/// The last id of each kind of record when taken: rows with a greater id
/// were written after it (ids only grow while a transaction runs).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mark {
    clients: Id,
    touchpoints: Id,
    agreements: Id,
    payments: Id,
}

/// The mark of the portfolio as it is now.
pub fn mark(db: &Db) -> StoreResult<Mark> {
    let last = |table: &str| {
        let sql = format!("SELECT coalesce(max(id), 0) FROM {table}");
        db.row(&sql, [], |r| r.get(0))
    };
    Ok(Mark {
        clients: last("clients")?,
        touchpoints: last("touchpoints")?,
        agreements: last("agreements")?,
        payments: last("payments")?,
    })
}

/// The rows of `table` (its `columns`, read by `read`) with ids above
/// `after`, handed to `each` in the order they were written.
fn each_since<T>(
    db: &Db,
    table: &str,
    columns: &str,
    after: Id,
    read: fn(&Row<'_>) -> rusqlite::Result<T>,
    each: &mut dyn FnMut(T),
) -> StoreResult<()> {
    let sql = format!("SELECT {columns} FROM {table} WHERE id > ?1 ORDER BY id");
    let mut stmt = db.conn.prepare(&sql)?;
    for row in stmt.query_map([after], read)? {
        each(row?);
    }
    Ok(())
}

/// Clients added since `mark`, in the order they were written.
pub fn clients(db: &Db, mark: Mark, each: &mut dyn FnMut(Client)) -> StoreResult<()> {
    each_since(
        db,
        "clients",
        CLIENT_COLUMNS,
        mark.clients,
        client_from_row,
        each,
    )
}

/// Touchpoints added since `mark`, in the order they were written.
pub fn touchpoints(db: &Db, mark: Mark, each: &mut dyn FnMut(Touchpoint)) -> StoreResult<()> {
    each_since(
        db,
        "touchpoints",
        TOUCH_COLUMNS,
        mark.touchpoints,
        touch_from_row,
        each,
    )
}

/// Agreements added since `mark`, in the order they were written.
pub fn agreements(db: &Db, mark: Mark, each: &mut dyn FnMut(Agreement)) -> StoreResult<()> {
    each_since(
        db,
        "agreements",
        AGREEMENT_COLUMNS,
        mark.agreements,
        agreement_from_row,
        each,
    )
}

/// Payments added since `mark`, in the order they were written.
pub fn payments(db: &Db, mark: Mark, each: &mut dyn FnMut(Payment)) -> StoreResult<()> {
    each_since(
        db,
        "payments",
        PAYMENT_COLUMNS,
        mark.payments,
        payment_from_row,
        each,
    )
}
