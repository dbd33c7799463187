//! Balances of invoices, by the settlement rule of [`plan::Unsettled`]:
//! each client's invoices are read newest first until what it owes (its
//! billed total minus its paid total, sums the store keeps) is placed; the
//! invoices never read are paid in full. The rule is the domain's; this is
//! only the reading.

use chrono::NaiveDate;

use crate::domain::plan::{self, Settled, Unsettled};
use crate::domain::{Id, IdMap, Invoice, Money, Month};
use crate::store::{Db, StoreResult, ledger};

/// Up to this many clients are walked one by one, each in its own part of
/// the (client, due) index; more walk together through the portfolio's
/// newest invoices, where their newest ones lie side by side.
const ONE_BY_ONE: usize = 32;

/// An invoice's place in settlement order ([`plan::settlement_key`]).
type Key = (NaiveDate, Month, Id);

/// One client's walk through its invoices, newest first.
struct Walk {
    owed: Unsettled,
    /// The oldest invoice the caller wants a balance of (`None`: all).
    back_to: Option<Key>,
    /// Nothing left to place, or every wanted invoice seen.
    finished: bool,
}

impl Walk {
    fn new(billed: Money, paid: Money, back_to: Option<Key>) -> Walk {
        let owed = Unsettled::new(billed, paid);
        Walk {
            finished: owed.done(),
            owed,
            back_to,
        }
    }

    /// The client's next invoice, newest first, settled if it is wanted.
    fn take(&mut self, invoice: Invoice) -> Option<Settled> {
        if self
            .back_to
            .is_some_and(|oldest| plan::settlement_key(&invoice) < oldest)
        {
            self.finished = true;
            return None;
        }
        let settled = self.owed.settle(invoice);
        self.finished = self.owed.done();
        Some(settled)
    }
}

/// Walk each client's invoices newest first as far as it needs; what has a
/// balance, by client id, each client's in settlement order.
fn walk(db: &Db, mut walks: IdMap<Walk>) -> StoreResult<Vec<Settled>> {
    walks.retain(|_, w| !w.finished);
    let one_by_one = walks.len() <= ONE_BY_ONE;
    walk_with(db, walks, one_by_one)
}

/// [`walk`], one client at a time or all together.
fn walk_with(db: &Db, mut walks: IdMap<Walk>, one_by_one: bool) -> StoreResult<Vec<Settled>> {
    let mut out = Vec::new();
    if one_by_one {
        for (&id, w) in &mut walks {
            ledger::invoices_newest_first(db, id, |invoice| {
                out.extend(w.take(invoice));
                !w.finished
            })?;
        }
    } else {
        let mut walking = walks.len();
        ledger::all_invoices_newest_first(db, |client, invoice| {
            if let Some(w) = walks.get_mut(&client)
                && !w.finished
            {
                out.extend(w.take(invoice()?));
                walking -= usize::from(w.finished);
            }
            Ok(walking > 0)
        })?;
    }
    out.sort_by_key(|s| (s.invoice.client_id, plan::settlement_key(&s.invoice)));
    Ok(out)
}

/// Every invoice with a balance in the portfolio, by client id, each
/// client's in settlement order (oldest due first).
pub fn all_unsettled(db: &Db) -> StoreResult<Vec<Settled>> {
    let walks = ledger::billed_and_paid(db)?
        .into_iter()
        .map(|(id, billed, paid)| (id, Walk::new(billed, paid, None)))
        .collect();
    walk(db, walks)
}

/// `invoices` (of any clients, in any order) settled, in the same order.
/// Each client's walk stops at the oldest of its invoices listed: a month's
/// balances need only the invoices from that month on.
pub fn settle_listed(db: &Db, invoices: Vec<Invoice>) -> StoreResult<Vec<Settled>> {
    let mut oldest: IdMap<Key> = IdMap::default();
    for i in &invoices {
        let key = plan::settlement_key(i);
        oldest
            .entry(i.client_id)
            .and_modify(|k| *k = (*k).min(key))
            .or_insert(key);
    }
    let walks = ledger::billed_and_paid(db)?
        .into_iter()
        .filter_map(|(id, billed, paid)| {
            let back_to = *oldest.get(&id)?;
            Some((id, Walk::new(billed, paid, Some(back_to))))
        })
        .collect();
    let mut open: IdMap<Settled> = walk(db, walks)?
        .into_iter()
        .map(|s| (s.invoice.id, s))
        .collect();
    Ok(invoices
        .into_iter()
        .map(|i| open.remove(&i.id).unwrap_or_else(|| plan::paid_in_full(i)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::d;
    use crate::ops::synth::{self, GenSize};
    use crate::store::Store;

    /// Both ways of walking give what settling the whole history gives,
    /// for every invoice and for each month's invoices alone.
    #[test]
    fn walks_settle_as_the_whole_history_does() {
        let mut store = Store::open_in_memory().unwrap();
        let size = GenSize {
            clients: 40,
            touchpoints: 10,
            months: 14,
            seed: 11,
        };
        synth::generate(&mut store, size, d(2026, 11, 23), &mut |_| {}).unwrap();
        let db = store.db();
        let invoices = ledger::invoices(db, None).unwrap();
        let paid: std::collections::HashMap<Id, Money> =
            ledger::paid_by_client(db).unwrap().into_iter().collect();
        let whole = plan::settle(&invoices, &paid);
        let mut owing: Vec<Settled> = whole
            .iter()
            .filter(|s| s.balance > Money::ZERO)
            .cloned()
            .collect();
        owing.sort_by_key(|s| (s.invoice.client_id, plan::settlement_key(&s.invoice)));
        assert!(owing.len() > 10, "{} owing", owing.len());
        let walks = |back_to: &IdMap<Key>| -> IdMap<Walk> {
            ledger::billed_and_paid(db)
                .unwrap()
                .into_iter()
                .map(|(id, b, p)| (id, Walk::new(b, p, back_to.get(&id).copied())))
                .filter(|(_, w)| !w.finished)
                .collect()
        };
        for one_by_one in [true, false] {
            let all = walk_with(db, walks(&IdMap::default()), one_by_one).unwrap();
            assert_eq!(all, owing, "one by one: {one_by_one}");
        }
        for month in [d(2026, 11, 1), d(2026, 6, 1), d(2025, 10, 1)].map(Month::of) {
            let listed: Vec<Invoice> = invoices
                .iter()
                .filter(|i| i.month == month)
                .cloned()
                .collect();
            let expected: Vec<Settled> = whole
                .iter()
                .filter(|s| s.invoice.month == month)
                .cloned()
                .collect();
            let mut got = settle_listed(db, listed).unwrap();
            got.sort_by_key(|s| s.invoice.id);
            let mut expected = expected;
            expected.sort_by_key(|s| s.invoice.id);
            assert_eq!(got, expected, "{month}");
        }
    }
}
