//! What the TUI's undo needs beyond the usual writes: a deleted record put
//! back with its own id and values, and a tier or status history row taken
//! out again.

use rusqlite::params;

use super::convert::DayText;
use super::log::search_key;
use super::{Db, StoreResult};
use crate::domain::{Agreement, Contact, Id, Invoice, Payment, Touchpoint};

pub fn reinsert_touchpoint(db: &Db, t: &Touchpoint) -> StoreResult<()> {
    db.conn
        .prepare_cached(
            "INSERT INTO touchpoints
                 (id, client_id, at, kind, summary, minutes, next_step, next_due, search)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            t.id,
            t.client_id,
            DayText::new(t.at),
            t.kind,
            t.summary,
            t.minutes,
            t.next_step,
            t.next_due.map(DayText::new),
            search_key(&t.summary, t.next_step.as_deref()),
        ])?;
    Ok(())
}

pub fn reinsert_agreement(db: &Db, a: &Agreement) -> StoreResult<()> {
    db.conn
        .prepare_cached(
            "INSERT INTO agreements (id, client_id, made_on, text, owner, due, status, closed_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            a.id,
            a.client_id,
            a.made_on,
            a.text,
            a.owner,
            a.due,
            a.status,
            a.closed_on
        ])?;
    Ok(())
}

pub fn reinsert_contact(db: &Db, c: &Contact) -> StoreResult<()> {
    db.conn
        .prepare_cached(
            "INSERT INTO contacts
                 (id, client_id, name, role, decision_maker, phone, email, birthday)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            c.id,
            c.client_id,
            c.name,
            c.role,
            c.decision_maker,
            c.phone,
            c.email,
            c.birthday
        ])?;
    Ok(())
}

/// The client's paid total and the month's received sum follow by the
/// payments' insert triggers, as for a new payment.
pub fn reinsert_payment(db: &Db, p: &Payment) -> StoreResult<()> {
    db.conn
        .prepare_cached(
            "INSERT INTO payments (id, client_id, paid_on, amount, note)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![p.id, p.client_id, p.on, p.amount, p.note])?;
    Ok(())
}

/// The client's billed total and the month's expected sum follow by the
/// invoices' insert triggers, as for a new invoice.
pub fn reinsert_invoice(db: &Db, i: &Invoice) -> StoreResult<()> {
    db.conn
        .prepare_cached(
            "INSERT INTO invoices (id, client_id, month, amount, due) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![i.id, i.client_id, i.month, i.amount, i.due])?;
    Ok(())
}

/// Remove tier history row `id` of client `client_id`; false if it is gone.
pub fn delete_tier_change(db: &Db, client_id: Id, id: Id) -> StoreResult<bool> {
    Ok(db
        .conn
        .prepare_cached("DELETE FROM tier_changes WHERE id = ?1 AND client_id = ?2")?
        .execute(params![id, client_id])?
        > 0)
}

/// Remove status history row `id` of client `client_id`; false if it is gone.
pub fn delete_status_change(db: &Db, client_id: Id, id: Id) -> StoreResult<bool> {
    Ok(db
        .conn
        .prepare_cached("DELETE FROM status_changes WHERE id = ?1 AND client_id = ?2")?
        .execute(params![id, client_id])?
        > 0)
}
