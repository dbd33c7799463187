//! Money records: monthly plan targets, expected payments (invoices) and
//! payments received, with the aggregates the month's figures need.

use chrono::NaiveDate;
use rusqlite::{Row, params};

use super::convert::day;
use super::{Db, StoreResult};
use crate::domain::{Id, Invoice, Money, Month, NewInvoice, NewPayment, Payment, PlanTarget};

pub fn set_target(db: &Db, month: Month, amount: Money) -> StoreResult<()> {
    db.change(
        "INSERT INTO plan_targets (month, amount) VALUES (?1, ?2)
         ON CONFLICT(month) DO UPDATE SET amount = excluded.amount",
        params![month, amount],
    )
    .map(drop)
}

pub fn target(db: &Db, month: Month) -> StoreResult<Option<Money>> {
    db.find(
        "SELECT amount FROM plan_targets WHERE month = ?1",
        [month],
        |r| r.get(0),
    )
}

/// Targets for months within `[from, to]`, oldest first.
pub fn targets_between(db: &Db, from: Month, to: Month) -> StoreResult<Vec<PlanTarget>> {
    db.rows(
        "SELECT month, amount FROM plan_targets WHERE month BETWEEN ?1 AND ?2 ORDER BY month",
        params![from, to],
        |r| {
            Ok(PlanTarget {
                month: r.get(0)?,
                amount: r.get(1)?,
            })
        },
    )
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
    db.insert(
        "INSERT INTO invoices (client_id, month, amount, due) VALUES (?1, ?2, ?3, ?4)",
        params![client_id, i.month, i.amount, i.due],
    )
}

/// Every column of `i` written by `sql`, its id as `?1`: an UPDATE of the
/// invoice, or an INSERT that puts a deleted one back.
fn write_invoice(db: &Db, sql: &str, i: &Invoice) -> StoreResult<bool> {
    db.change(sql, params![i.id, i.client_id, i.month, i.amount, i.due])
}

pub fn update_invoice(db: &Db, i: &Invoice) -> StoreResult<bool> {
    write_invoice(
        db,
        "UPDATE invoices SET client_id = ?2, month = ?3, amount = ?4, due = ?5 WHERE id = ?1",
        i,
    )
}

/// Put a deleted invoice back with its own id (an undo). The client's
/// billed total and the month's expected sum follow by the invoices'
/// insert triggers, as for a new invoice.
pub fn reinsert_invoice(db: &Db, i: &Invoice) -> StoreResult<()> {
    write_invoice(
        db,
        "INSERT INTO invoices (id, client_id, month, amount, due) VALUES (?1, ?2, ?3, ?4, ?5)",
        i,
    )
    .map(drop)
}

pub fn delete_invoice(db: &Db, id: Id) -> StoreResult<bool> {
    db.change("DELETE FROM invoices WHERE id = ?1", [id])
}

pub fn get_invoice(db: &Db, id: Id) -> StoreResult<Option<Invoice>> {
    let sql = format!("SELECT {INVOICE_COLUMNS} FROM invoices WHERE id = ?1");
    db.find(&sql, [id], invoice_from_row)
}

/// Invoices of one client or all, in settlement order (due, month, id).
pub fn invoices(db: &Db, client_id: Option<Id>) -> StoreResult<Vec<Invoice>> {
    let sql = format!(
        "SELECT {INVOICE_COLUMNS} FROM invoices WHERE ?1 IS NULL OR client_id = ?1
         ORDER BY client_id, due, month, id"
    );
    db.rows(&sql, [client_id], invoice_from_row)
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
    db.row(
        "SELECT count(*) FROM payments
         WHERE client_id = ?1 AND paid_on = ?2 AND amount = ?3 AND note = ?4",
        params![client_id, p.on, p.amount, p.note],
        |r| r.get(0),
    )
}

pub fn insert_payment(db: &Db, client_id: Id, p: &NewPayment) -> StoreResult<Id> {
    db.insert(
        "INSERT INTO payments (client_id, paid_on, amount, note) VALUES (?1, ?2, ?3, ?4)",
        params![client_id, p.on, p.amount, p.note],
    )
}

/// Every column of `p` written by `sql`, its id as `?1`: an UPDATE of the
/// payment, or an INSERT that puts a deleted one back.
fn write_payment(db: &Db, sql: &str, p: &Payment) -> StoreResult<bool> {
    db.change(sql, params![p.id, p.client_id, p.on, p.amount, p.note])
}

pub fn update_payment(db: &Db, p: &Payment) -> StoreResult<bool> {
    write_payment(
        db,
        "UPDATE payments SET client_id = ?2, paid_on = ?3, amount = ?4, note = ?5 WHERE id = ?1",
        p,
    )
}

/// Put a deleted payment back with its own id (an undo). The client's paid
/// total and the month's received sum follow by the payments' insert
/// triggers, as for a new payment.
pub fn reinsert_payment(db: &Db, p: &Payment) -> StoreResult<()> {
    write_payment(
        db,
        "INSERT INTO payments (id, client_id, paid_on, amount, note) VALUES (?1, ?2, ?3, ?4, ?5)",
        p,
    )
    .map(drop)
}

pub fn delete_payment(db: &Db, id: Id) -> StoreResult<bool> {
    db.change("DELETE FROM payments WHERE id = ?1", [id])
}

pub fn get_payment(db: &Db, id: Id) -> StoreResult<Option<Payment>> {
    let sql = format!("SELECT {PAYMENT_COLUMNS} FROM payments WHERE id = ?1");
    db.find(&sql, [id], payment_from_row)
}

/// Payments of one client or all, newest first.
pub fn payments(db: &Db, client_id: Option<Id>) -> StoreResult<Vec<Payment>> {
    let sql = format!(
        "SELECT {PAYMENT_COLUMNS} FROM payments WHERE ?1 IS NULL OR client_id = ?1
         ORDER BY paid_on DESC, id DESC"
    );
    db.rows(&sql, [client_id], payment_from_row)
}

/// Payments dated within `(after, upto]`, newest first.
pub fn payments_between(db: &Db, after: NaiveDate, upto: NaiveDate) -> StoreResult<Vec<Payment>> {
    let sql = format!(
        "SELECT {PAYMENT_COLUMNS} FROM payments WHERE paid_on > ?1 AND paid_on <= ?2
         ORDER BY paid_on DESC, id DESC"
    );
    db.rows(&sql, params![after, upto], payment_from_row)
}

/// Per client: the sum of all its payments, summed from the payments
/// themselves (the reference the maintained totals are checked against).
#[cfg(test)]
pub fn paid_by_client(db: &Db) -> StoreResult<Vec<(Id, Money)>> {
    db.rows(
        "SELECT client_id, sum(amount) FROM payments GROUP BY client_id",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// Per client: sum, count and first date of payments dated within `(after, upto]`.
pub fn received_by_client(
    db: &Db,
    after: NaiveDate,
    upto: NaiveDate,
) -> StoreResult<Vec<(Id, Money, i64)>> {
    db.rows(
        "SELECT client_id, sum(amount), count(*) FROM payments
         WHERE paid_on > ?1 AND paid_on <= ?2 GROUP BY client_id",
        params![after, upto],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
}

/// Invoices assigned to months within `[from, to]`, by month and client.
pub fn invoices_in_months(db: &Db, from: Month, to: Month) -> StoreResult<Vec<Invoice>> {
    let sql = format!(
        "SELECT {INVOICE_COLUMNS} FROM invoices WHERE month BETWEEN ?1 AND ?2
         ORDER BY month, client_id, due, id"
    );
    db.rows(&sql, params![from, to], invoice_from_row)
}

/// What each client with invoices was billed and has paid in all (the
/// sums the triggers keep), by client id.
pub fn billed_and_paid(db: &Db) -> StoreResult<Vec<(Id, Money, Money)>> {
    db.rows(
        "SELECT id, billed_total, paid_total FROM clients WHERE billed_total <> 0 ORDER BY id",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
}

/// One client's invoices newest first in settlement order (due, month, id
/// descending), handed to `next` until it returns false: the settlement
/// walk reads only as far as a balance is left.
pub fn invoices_newest_first(
    db: &Db,
    client_id: Id,
    mut next: impl FnMut(Invoice) -> bool,
) -> StoreResult<()> {
    let mut stmt = db.conn.prepare_cached(&format!(
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
    let mut stmt = db.conn.prepare_cached(&format!(
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
    db.row(
        "SELECT coalesce(sum(amount), 0) FROM payments WHERE paid_on > ?1 AND paid_on <= ?2",
        params![after, upto],
        |r| r.get(0),
    )
}

/// Per client: payments (count and sum) in each window `(cuts[k], cuts[k+1]]`,
/// one pass over the covering index of payment dates.
pub fn payment_windows(
    db: &Db,
    cuts: &[NaiveDate],
    clients: usize,
) -> StoreResult<super::WindowTable> {
    super::window_sums(
        db,
        "SELECT client_id, amount FROM payments WHERE paid_on > ?1 AND paid_on <= ?2",
        cuts,
        clients,
    )
}

/// Expected (invoiced) and received sums per month within `[from, to]`,
/// from the totals the triggers keep: one row per month.
pub fn month_totals(db: &Db, from: Month, to: Month) -> StoreResult<Vec<(Month, Money, Money)>> {
    db.rows(
        "SELECT month, expected, received FROM month_totals
         WHERE month BETWEEN ?1 AND ?2 ORDER BY month",
        params![from, to],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
}
