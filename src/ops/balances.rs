//! Balances of invoices, by the settlement rule of [`plan::Unsettled`]:
//! each client's invoices are read newest first until what it owes (its
//! billed total minus its paid total, sums the store keeps) is placed; the
//! invoices never read are paid in full. The rule is the domain's; this is
//! only the reading.

use std::collections::HashMap;

use crate::domain::plan::{self, Settled, Unsettled};
use crate::domain::{Id, Invoice, Money};
use crate::store::{Db, StoreResult, ledger};

/// The invoices with a balance of the clients given as (id, billed total,
/// paid total), each client's in settlement order (oldest due first).
pub fn unsettled(
    db: &Db,
    clients: impl IntoIterator<Item = (Id, Money, Money)>,
) -> StoreResult<Vec<Settled>> {
    let mut out = Vec::new();
    for (id, billed, paid) in clients {
        let mut walk = Unsettled::new(billed, paid);
        let start = out.len();
        ledger::invoices_newest_first(db, id, |invoice| {
            if walk.done() {
                return false;
            }
            out.push(walk.settle(invoice));
            true
        })?;
        out[start..].reverse();
    }
    Ok(out)
}

/// Every invoice with a balance in the portfolio.
pub fn all_unsettled(db: &Db) -> StoreResult<Vec<Settled>> {
    unsettled(db, ledger::billed_and_paid(db)?)
}

/// `invoices` (of any clients, in any order) settled, in the same order.
pub fn settle_listed(db: &Db, invoices: Vec<Invoice>) -> StoreResult<Vec<Settled>> {
    let listed: std::collections::HashSet<Id> = invoices.iter().map(|i| i.client_id).collect();
    let totals = ledger::billed_and_paid(db)?
        .into_iter()
        .filter(|(id, _, _)| listed.contains(id));
    let mut open: HashMap<Id, Settled> = unsettled(db, totals)?
        .into_iter()
        .map(|s| (s.invoice.id, s))
        .collect();
    Ok(invoices
        .into_iter()
        .map(|i| open.remove(&i.id).unwrap_or_else(|| plan::paid_in_full(i)))
        .collect())
}
