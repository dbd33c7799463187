//! Rows written since a mark: what an import wrote, read back inside its
//! transaction. A dry run rolls its import back, so this is how it shows
//! the rows exactly as they would be stored.

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
    let last = |table: &str| -> StoreResult<Id> {
        Ok(db.conn.query_row(
            &format!("SELECT coalesce(max(id), 0) FROM {table}"),
            [],
            |r| r.get(0),
        )?)
    };
    Ok(Mark {
        clients: last("clients")?,
        touchpoints: last("touchpoints")?,
        agreements: last("agreements")?,
        payments: last("payments")?,
    })
}

/// Clients added since `mark`, in the order they were written.
pub fn clients(db: &Db, mark: Mark, each: &mut dyn FnMut(Client)) -> StoreResult<()> {
    let sql = format!(
        "SELECT {} FROM clients WHERE id > ?1 ORDER BY id",
        super::clients::CLIENT_COLUMNS
    );
    let mut stmt = db.conn.prepare(&sql)?;
    for row in stmt.query_map([mark.clients], super::clients::client_from_row)? {
        each(row?);
    }
    Ok(())
}

/// Touchpoints added since `mark`, in the order they were written.
pub fn touchpoints(db: &Db, mark: Mark, each: &mut dyn FnMut(Touchpoint)) -> StoreResult<()> {
    let sql = format!(
        "SELECT {} FROM touchpoints WHERE id > ?1 ORDER BY id",
        super::log::TOUCH_COLUMNS
    );
    let mut stmt = db.conn.prepare(&sql)?;
    for row in stmt.query_map([mark.touchpoints], super::log::touch_from_row)? {
        each(row?);
    }
    Ok(())
}

/// Agreements added since `mark`, in the order they were written.
pub fn agreements(db: &Db, mark: Mark, each: &mut dyn FnMut(Agreement)) -> StoreResult<()> {
    let sql = format!(
        "SELECT {} FROM agreements WHERE id > ?1 ORDER BY id",
        super::log::AGREEMENT_COLUMNS
    );
    let mut stmt = db.conn.prepare(&sql)?;
    for row in stmt.query_map([mark.agreements], super::log::agreement_from_row)? {
        each(row?);
    }
    Ok(())
}

/// Payments added since `mark`, in the order they were written.
pub fn payments(db: &Db, mark: Mark, each: &mut dyn FnMut(Payment)) -> StoreResult<()> {
    let sql = format!(
        "SELECT {} FROM payments WHERE id > ?1 ORDER BY id",
        super::ledger::PAYMENT_COLUMNS
    );
    let mut stmt = db.conn.prepare(&sql)?;
    for row in stmt.query_map([mark.payments], super::ledger::payment_from_row)? {
        each(row?);
    }
    Ok(())
}
