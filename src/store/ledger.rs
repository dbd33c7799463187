//! Money records: monthly plan targets, expected payments (invoices) and
//! payments received, with the aggregates the month's figures need.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::convert::day;
use super::{Db, StoreResult};
use crate::domain::{Id, Invoice, Money, Month, NewInvoice, NewPayment, Payment, PlanTarget};

pub fn set_target(db: &Db, month: Month, amount: Money) -> StoreResult<()> {
    let conn = &db.conn;
    conn.prepare_cached(
        "INSERT INTO plan_targets (month, amount) VALUES (?1, ?2)
         ON CONFLICT(month) DO UPDATE SET amount = excluded.amount",
    )?
    .execute(params![month, amount])?;
    Ok(())
}

pub fn target(db: &Db, month: Month) -> StoreResult<Option<Money>> {
    let conn = &db.conn;
    Ok(conn
        .prepare_cached("SELECT amount FROM plan_targets WHERE month = ?1")?
        .query_row([month], |r| r.get(0))
        .optional()?)
}

/// Targets for months within `[from, to]`, oldest first.
pub fn targets_between(db: &Db, from: Month, to: Month) -> StoreResult<Vec<PlanTarget>> {
    let conn = &db.conn;
    let mut stmt = conn.prepare_cached(
        "SELECT month, amount FROM plan_targets WHERE month BETWEEN ?1 AND ?2 ORDER BY month",
    )?;
    let rows = stmt.query_map(params![from, to], |r| {
        Ok(PlanTarget {
            month: r.get(0)?,
            amount: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

const INVOICE_COLUMNS: &str = "id, client_id, month, amount, due";

fn invoice_from_row(r: &Row<'_>) -> rusqlite::Result<Invoice> {
    Ok(Invoice {
        id: r.get(0)?,
        client_id: r.get(1)?,
        month: r.get(2)?,
        amount: r.get(3)?,
        due: day(r, 4)?,
    })
}

pub fn insert_invoice(db: &Db, client_id: Id, i: &NewInvoice) -> StoreResult<Id> {
    let conn = &db.conn;
    conn.prepare_cached(
        "INSERT INTO invoices (client_id, month, amount, due) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![client_id, i.month, i.amount, i.due])?;
    Ok(conn.last_insert_rowid())
}

pub fn update_invoice(db: &Db, i: &Invoice) -> StoreResult<bool> {
    let conn = &db.conn;
    Ok(conn
        .prepare_cached(
            "UPDATE invoices SET client_id = ?2, month = ?3, amount = ?4, due = ?5 WHERE id = ?1",
        )?
        .execute(params![i.id, i.client_id, i.month, i.amount, i.due])?
        > 0)
}

pub fn delete_invoice(db: &Db, id: Id) -> StoreResult<bool> {
    let conn = &db.conn;
    Ok(conn
        .prepare_cached("DELETE FROM invoices WHERE id = ?1")?
        .execute([id])?
        > 0)
}

pub fn get_invoice(db: &Db, id: Id) -> StoreResult<Option<Invoice>> {
    let conn = &db.conn;
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {INVOICE_COLUMNS} FROM invoices WHERE id = ?1"
        ))?
        .query_row([id], invoice_from_row)
        .optional()?)
}

/// Invoices of one client or all, in settlement order (due, month, id).
pub fn invoices(db: &Db, client_id: Option<Id>) -> StoreResult<Vec<Invoice>> {
    let conn = &db.conn;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {INVOICE_COLUMNS} FROM invoices WHERE ?1 IS NULL OR client_id = ?1
         ORDER BY client_id, due, month, id"
    ))?;
    let rows = stmt.query_map([client_id], invoice_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(super) const PAYMENT_COLUMNS: &str = "id, client_id, paid_on, amount, note";

pub(super) fn payment_from_row(r: &Row<'_>) -> rusqlite::Result<Payment> {
    Ok(Payment {
        id: r.get(0)?,
        client_id: r.get(1)?,
        on: day(r, 2)?,
        amount: r.get(3)?,
        note: r.get(4)?,
    })
}

/// How many of the client's payments are `p` to the letter (date, amount,
/// note): what a re-import finds already there.
pub fn count_payments_like(db: &Db, client_id: Id, p: &NewPayment) -> StoreResult<u32> {
    db.conn
        .prepare_cached(
            "SELECT count(*) FROM payments
             WHERE client_id = ?1 AND paid_on = ?2 AND amount = ?3 AND note = ?4",
        )?
        .query_row(params![client_id, p.on, p.amount, p.note], |r| r.get(0))
        .map_err(Into::into)
}

pub fn insert_payment(db: &Db, client_id: Id, p: &NewPayment) -> StoreResult<Id> {
    let conn = &db.conn;
    conn.prepare_cached(
        "INSERT INTO payments (client_id, paid_on, amount, note) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![client_id, p.on, p.amount, p.note])?;
    Ok(conn.last_insert_rowid())
}

pub fn update_payment(db: &Db, p: &Payment) -> StoreResult<bool> {
    let conn = &db.conn;
    Ok(conn
        .prepare_cached(
            "UPDATE payments SET client_id = ?2, paid_on = ?3, amount = ?4, note = ?5 WHERE id = ?1",
        )?
        .execute(params![p.id, p.client_id, p.on, p.amount, p.note])?
        > 0)
}

pub fn delete_payment(db: &Db, id: Id) -> StoreResult<bool> {
    let conn = &db.conn;
    Ok(conn
        .prepare_cached("DELETE FROM payments WHERE id = ?1")?
        .execute([id])?
        > 0)
}

pub fn get_payment(db: &Db, id: Id) -> StoreResult<Option<Payment>> {
    let conn = &db.conn;
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {PAYMENT_COLUMNS} FROM payments WHERE id = ?1"
        ))?
        .query_row([id], payment_from_row)
        .optional()?)
}

/// Payments of one client or all, newest first.
pub fn payments(db: &Db, client_id: Option<Id>) -> StoreResult<Vec<Payment>> {
    let conn = &db.conn;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PAYMENT_COLUMNS} FROM payments WHERE ?1 IS NULL OR client_id = ?1
         ORDER BY paid_on DESC, id DESC"
    ))?;
    let rows = stmt.query_map([client_id], payment_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Payments dated within `(after, upto]`, newest first.
pub fn payments_between(db: &Db, after: NaiveDate, upto: NaiveDate) -> StoreResult<Vec<Payment>> {
    let conn = &db.conn;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PAYMENT_COLUMNS} FROM payments WHERE paid_on > ?1 AND paid_on <= ?2
         ORDER BY paid_on DESC, id DESC"
    ))?;
    let rows = stmt.query_map(params![after, upto], payment_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Per client: the sum of all its payments, summed from the payments
/// themselves (the reference the maintained totals are checked against).
pub fn paid_by_client(db: &Db) -> StoreResult<Vec<(Id, Money)>> {
    let conn = &db.conn;
    let mut stmt =
        conn.prepare_cached("SELECT client_id, sum(amount) FROM payments GROUP BY client_id")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Per client: sum, count and first date of payments dated within `(after, upto]`.
pub fn received_by_client(
    db: &Db,
    after: NaiveDate,
    upto: NaiveDate,
) -> StoreResult<Vec<(Id, Money, i64)>> {
    let conn = &db.conn;
    let mut stmt = conn.prepare_cached(
        "SELECT client_id, sum(amount), count(*) FROM payments
         WHERE paid_on > ?1 AND paid_on <= ?2 GROUP BY client_id",
    )?;
    let rows = stmt.query_map(params![after, upto], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Invoices assigned to months within `[from, to]`, by month and client.
pub fn invoices_in_months(db: &Db, from: Month, to: Month) -> StoreResult<Vec<Invoice>> {
    let conn = &db.conn;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {INVOICE_COLUMNS} FROM invoices WHERE month BETWEEN ?1 AND ?2
         ORDER BY month, client_id, due, id"
    ))?;
    let rows = stmt.query_map(params![from, to], invoice_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// What each client with invoices was billed and has paid in all (the
/// sums the triggers keep), by client id.
pub fn billed_and_paid(db: &Db) -> StoreResult<Vec<(Id, Money, Money)>> {
    let conn = &db.conn;
    let mut stmt = conn.prepare_cached(
        "SELECT id, billed_total, paid_total FROM clients WHERE billed_total <> 0 ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One client's invoices newest first in settlement order (due, month, id
/// descending), handed to `next` until it returns false: the settlement
/// walk reads only as far as a balance is left.
pub fn invoices_newest_first(
    db: &Db,
    client_id: Id,
    mut next: impl FnMut(Invoice) -> bool,
) -> StoreResult<()> {
    let conn = &db.conn;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {INVOICE_COLUMNS} FROM invoices WHERE client_id = ?1
         ORDER BY due DESC, month DESC, id DESC"
    ))?;
    let mut rows = stmt.query([client_id])?;
    while let Some(r) = rows.next()? {
        if !next(invoice_from_row(r)?) {
            break;
        }
    }
    Ok(())
}

/// Every client's invoices together, newest first in settlement order
/// (due, month, id descending), until `next` returns false: the walk of
/// many clients at once reads the portfolio's newest invoices, which lie
/// side by side in the (due, month, id) index, not one place in the index
/// per client. `next` gets each row's client, and reads the invoice whole
/// only if it needs it (most rows belong to clients already settled).
pub fn all_invoices_newest_first(
    db: &Db,
    mut next: impl FnMut(Id, &dyn Fn() -> StoreResult<Invoice>) -> StoreResult<bool>,
) -> StoreResult<()> {
    let conn = &db.conn;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {INVOICE_COLUMNS} FROM invoices ORDER BY due DESC, month DESC, id DESC"
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let client: Id = r.get(1)?;
        if !next(client, &|| Ok(invoice_from_row(r)?))? {
            break;
        }
    }
    Ok(())
}

/// The sum of all payments dated within `(after, upto]`.
pub fn received_total(db: &Db, after: NaiveDate, upto: NaiveDate) -> StoreResult<Money> {
    let conn = &db.conn;
    Ok(conn
        .prepare_cached(
            "SELECT coalesce(sum(amount), 0) FROM payments WHERE paid_on > ?1 AND paid_on <= ?2",
        )?
        .query_row(params![after, upto], |r| r.get(0))?)
}

/// Per client: payments (count and sum) in each window `(cuts[k], cuts[k+1]]`,
/// one pass over the covering index of payment dates.
pub fn payment_windows(
    db: &Db,
    cuts: &[NaiveDate],
    clients: usize,
) -> StoreResult<super::WindowTable> {
    let conn = &db.conn;
    super::window_sums(
        conn,
        "SELECT client_id, amount FROM payments WHERE paid_on > ?1 AND paid_on <= ?2",
        cuts,
        clients,
    )
}

/// Expected (invoiced) and received sums per month within `[from, to]`,
/// from the totals the triggers keep: one row per month.
pub fn month_totals(db: &Db, from: Month, to: Month) -> StoreResult<Vec<(Month, Money, Money)>> {
    let conn = &db.conn;
    let mut stmt = conn.prepare_cached(
        "SELECT month, expected, received FROM month_totals
         WHERE month BETWEEN ?1 AND ?2 ORDER BY month",
    )?;
    let rows = stmt.query_map(params![from, to], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
