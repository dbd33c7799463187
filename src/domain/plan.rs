//! The month's figures: settlement of payments against invoices, and the
//! month's expected / received / outstanding / overdue / attainment / forecast,
//! exactly as DOMAIN.md ("Money" -> "The month's figures") defines them.
//!
//! Pure: the store gathers invoices and payment sums, these functions compute.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use super::model::{Id, Invoice, Payment};
use super::money::{Money, ratio_bp};
use super::time::Month;

/// An invoice with what payments have settled of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settled {
    pub invoice: Invoice,
    /// What the client's payments have settled of this invoice (0..=amount).
    pub paid: Money,
    /// What the invoice still lacks: `amount - paid`.
    pub balance: Money,
}

/// The order in which a client's payments settle its invoices: oldest due date
/// first, then earlier month, then lower id.
pub fn settlement_key(invoice: &Invoice) -> (NaiveDate, Month, Id) {
    (invoice.due, invoice.month, invoice.id)
}

/// Settlement, the rule behind every balance folio shows (DOMAIN.md,
/// "Money"): a client's payments settle its invoices oldest due date first
/// (ties: earlier month, then lower id), across months, and a payment beyond
/// all invoices is a credit that settles the next invoice.
///
/// So what a client still owes, its billed total minus its paid total, sits
/// on its newest invoices: walking them newest first (the reverse of
/// [`settlement_key`]), each lacks what is left of that sum, up to its
/// amount, until nothing is left; every older invoice is paid in full. That
/// walk is how folio computes balances: the store hands a client's invoices
/// newest first and reading stops as soon as [`Unsettled::done`] says so,
/// so a report reads only the invoices with a balance, however long the
/// history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsettled {
    /// What is still owed on the invoices not yet walked.
    left: Money,
}

impl Unsettled {
    /// A client who was billed `billed_total` (the sum of its invoices) and
    /// has paid `paid_total` (the sum of its payments).
    pub fn new(billed_total: Money, paid_total: Money) -> Unsettled {
        Unsettled {
            left: billed_total.minus(paid_total.max(Money::ZERO)),
        }
    }

    /// Nothing is owed on the invoices not yet walked: all are paid.
    pub fn done(&self) -> bool {
        self.left <= Money::ZERO
    }

    /// The client's next invoice, newest first, settled.
    pub fn settle(&mut self, invoice: Invoice) -> Settled {
        // An invoice with a negative amount (never stored) settles nothing.
        let amount = invoice.amount.max(Money::ZERO);
        let lacks = amount.min(self.left.max(Money::ZERO));
        self.left = self.left.minus(amount);
        let paid = amount.minus(lacks);
        Settled {
            balance: invoice.amount.minus(paid),
            paid,
            invoice,
        }
    }
}

/// An invoice that the walk of its client ([`Unsettled`]) did not reach:
/// paid in full, as a walk with nothing left owed settles it.
pub fn paid_in_full(invoice: Invoice) -> Settled {
    Unsettled { left: Money::ZERO }.settle(invoice)
}

/// Settle each client's payments against its invoices by the rule of
/// [`Unsettled`]. `paid_by_client` is the total of all payments per client
/// (missing, zero or less: nothing paid). Returns one Settled per input
/// invoice, in the input order.
pub fn settle(invoices: &[Invoice], paid_by_client: &HashMap<Id, Money>) -> Vec<Settled> {
    let mut billed: HashMap<Id, Money> = HashMap::new();
    for invoice in invoices {
        let sum = billed.entry(invoice.client_id).or_insert(Money::ZERO);
        *sum = sum.plus(invoice.amount.max(Money::ZERO));
    }
    let mut walks: HashMap<Id, Unsettled> = billed
        .into_iter()
        .map(|(id, billed)| {
            let paid = paid_by_client.get(&id).copied().unwrap_or(Money::ZERO);
            (id, Unsettled::new(billed, paid))
        })
        .collect();
    // Newest first; a stable sort keeps exact duplicates in input order.
    let mut order: Vec<usize> = (0..invoices.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(settlement_key(&invoices[i])));
    let mut out: Vec<Option<Settled>> = vec![None; invoices.len()];
    for i in order {
        let invoice = invoices[i].clone();
        out[i] = Some(match walks.get_mut(&invoice.client_id) {
            Some(walk) => walk.settle(invoice),
            None => paid_in_full(invoice),
        });
    }
    out.into_iter().flatten().collect()
}

/// One client's part of a month's figures (same definitions as [`MonthFigures`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ClientMonth {
    pub client_id: Id,
    /// Sum of the client's invoices for the month.
    pub expected: Money,
    /// Sum of the client's payments dated in the month.
    pub received: Money,
    /// Sum of balances of the client's invoices for the month.
    pub outstanding: Money,
    /// Balances of the client's invoices for the month due before today.
    pub overdue: Money,
    /// Received + balances of the client's invoices for the month due today or later.
    pub forecast: Money,
}

/// The month's figures, one definition everywhere (CLI, TUI, report).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthFigures {
    pub month: Month,
    pub target: Option<Money>,
    /// Sum of the month's invoices.
    pub expected: Money,
    /// Sum of payments dated in the month, whatever invoice they settle.
    pub received: Money,
    /// Sum of balances of the month's invoices.
    pub outstanding: Money,
    /// Balances of the month's invoices due before today.
    pub overdue: Money,
    /// received / target in basis points; `None` without a target (or a target of 0).
    pub attainment_bp: Option<i64>,
    /// received + balances of the month's invoices not yet overdue (due >= today).
    pub forecast: Money,
}

/// The month's figures and the per-client rows behind them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthPlan {
    pub figures: MonthFigures,
    pub clients: Vec<ClientMonth>,
}

/// The month's figures and per-client rows from its settled invoices and the
/// payments received in it.
///
/// `month_invoices`: the settled invoices whose `invoice.month == month` (others
/// are ignored defensively). `received_by_client`: sums of payments dated within
/// the month, per client (a client listed twice is summed). `clients` rows: one
/// per client that has an invoice in the month or a payment in it, sorted by
/// expected desc, then received desc, then client_id.
pub fn month_plan(
    month: Month,
    today: NaiveDate,
    target: Option<Money>,
    month_invoices: &[Settled],
    received_by_client: &[(Id, Money)],
) -> MonthPlan {
    let mut rows: BTreeMap<Id, ClientMonth> = BTreeMap::new();
    for s in month_invoices.iter().filter(|s| s.invoice.month == month) {
        let row = rows.entry(s.invoice.client_id).or_default();
        let part = |figure: Figure| figure.invoice_part(s, today).unwrap_or_default();
        row.expected = row.expected.plus(part(Figure::Expected));
        row.outstanding = row.outstanding.plus(part(Figure::Outstanding));
        row.overdue = row.overdue.plus(part(Figure::Overdue));
        if s.invoice.due >= today {
            row.forecast = row.forecast.plus(s.balance);
        }
    }
    for &(client_id, amount) in received_by_client {
        let row = rows.entry(client_id).or_default();
        row.received = row.received.plus(amount);
        row.forecast = row.forecast.plus(amount);
    }

    // Each row gets its client's id from the key it was gathered under.
    let mut clients: Vec<ClientMonth> = rows
        .into_iter()
        .map(|(client_id, row)| ClientMonth { client_id, ..row })
        .collect();
    clients.sort_by(|a, b| {
        b.expected
            .cmp(&a.expected)
            .then(b.received.cmp(&a.received))
            .then(a.client_id.cmp(&b.client_id))
    });

    let sum = |f: fn(&ClientMonth) -> Money| clients.iter().map(f).sum::<Money>();
    let received = sum(|c| c.received);
    let figures = MonthFigures {
        month,
        target,
        expected: sum(|c| c.expected),
        received,
        outstanding: sum(|c| c.outstanding),
        overdue: sum(|c| c.overdue),
        attainment_bp: target.and_then(|t| ratio_bp(received, t)),
        forecast: sum(|c| c.forecast),
    };
    MonthPlan { figures, clients }
}

/// One of the month's figures that records stand behind: what the Plan
/// pane drills into. Each invoice figure adds up the parts
/// [`Figure::invoice_part`] gives, the one definition [`month_plan`] uses
/// too; `Received` adds up the payments dated in the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Figure {
    Expected,
    Received,
    Outstanding,
    Overdue,
}

impl Figure {
    /// In the order the Plan pane shows them.
    pub const ALL: [Figure; 4] = [
        Figure::Received,
        Figure::Expected,
        Figure::Outstanding,
        Figure::Overdue,
    ];

    /// The figure's value in `figures`.
    pub fn of(self, figures: &MonthFigures) -> Money {
        match self {
            Figure::Expected => figures.expected,
            Figure::Received => figures.received,
            Figure::Outstanding => figures.outstanding,
            Figure::Overdue => figures.overdue,
        }
    }

    /// Payments stand behind this figure, not invoices.
    pub fn is_payments(self) -> bool {
        self == Figure::Received
    }

    /// What a settled invoice of the month adds to this figure, as of
    /// `today`; `None`: it is not behind it. Expected: its amount;
    /// outstanding: its balance, if any; overdue: its balance, if any and
    /// due before today. No invoice is behind `Received`.
    pub fn invoice_part(self, s: &Settled, today: NaiveDate) -> Option<Money> {
        let open = !s.balance.is_zero();
        match self {
            Figure::Expected => Some(s.invoice.amount),
            Figure::Outstanding => open.then_some(s.balance),
            Figure::Overdue => (open && s.invoice.due < today).then_some(s.balance),
            Figure::Received => None,
        }
    }
}

/// A record behind one of the month's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Behind<'a> {
    /// An invoice, with what it adds to the figure.
    Invoice(&'a Settled, Money),
    Payment(&'a Payment),
}

impl Behind<'_> {
    /// What the record adds to its figure.
    pub fn part(&self) -> Money {
        match self {
            Behind::Invoice(_, part) => *part,
            Behind::Payment(p) => p.amount,
        }
    }

    pub fn client_id(&self) -> Id {
        match self {
            Behind::Invoice(s, _) => s.invoice.client_id,
            Behind::Payment(p) => p.client_id,
        }
    }

    /// The record's id (invoices and payments are never listed together).
    pub fn id(&self) -> Id {
        match self {
            Behind::Invoice(s, _) => s.invoice.id,
            Behind::Payment(p) => p.id,
        }
    }
}

/// The records behind `figure`: of the month's settled invoices
/// (`month_invoices`, as [`month_plan`] takes them) those it counts, by due
/// date (then id); or the payments dated in the month (`month_payments`),
/// in the order given. Their parts add up to the figure `month_plan` gives.
pub fn behind<'a>(
    figure: Figure,
    today: NaiveDate,
    month: Month,
    month_invoices: &'a [Settled],
    month_payments: &'a [Payment],
) -> Vec<Behind<'a>> {
    if figure.is_payments() {
        return month_payments
            .iter()
            .filter(|p| Month::of(p.on) == month)
            .map(Behind::Payment)
            .collect();
    }
    let mut rows: Vec<Behind> = month_invoices
        .iter()
        .filter(|s| s.invoice.month == month)
        .filter_map(|s| Some(Behind::Invoice(s, figure.invoice_part(s, today)?)))
        .collect();
    rows.sort_by_key(|b| match b {
        Behind::Invoice(s, _) => (s.invoice.due, s.invoice.id),
        Behind::Payment(p) => (p.on, p.id),
    });
    rows
}

/// Days left in the month counting today (0 when the month is over, the full
/// length when it has not begun).
pub fn days_left(month: Month, today: NaiveDate) -> u32 {
    if today < month.first_day() {
        month.days()
    } else if today > month.last_day() {
        0
    } else {
        u32::try_from((month.last_day() - today).num_days() + 1).unwrap_or(0)
    }
}

/// Receivables as of today over all months: balances of invoices due before today.
pub fn overdue_total(settled: &[Settled], today: NaiveDate) -> Money {
    settled
        .iter()
        .filter(|s| s.invoice.due < today)
        .map(|s| s.balance)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::time::d;

    fn mon(y: i32, m: u32) -> Month {
        Month::new(y, m).unwrap()
    }

    fn inv(id: Id, client_id: Id, month: Month, amount: i64, due: NaiveDate) -> Invoice {
        Invoice {
            id,
            client_id,
            month,
            amount: Money::major(amount),
            due,
        }
    }

    fn paid(pairs: &[(Id, i64)]) -> HashMap<Id, Money> {
        pairs.iter().map(|&(id, m)| (id, Money::major(m))).collect()
    }

    /// (id, paid, balance) in major units, for compact assertions.
    fn summary(settled: &[Settled]) -> Vec<(Id, i64, i64)> {
        settled
            .iter()
            .map(|s| (s.invoice.id, s.paid.minor() / 100, s.balance.minor() / 100))
            .collect()
    }

    fn settled(
        id: Id,
        client_id: Id,
        month: Month,
        amount: i64,
        due: NaiveDate,
        paid: i64,
    ) -> Settled {
        Settled {
            invoice: inv(id, client_id, month, amount, due),
            paid: Money::major(paid),
            balance: Money::major(amount - paid),
        }
    }

    #[test]
    fn settles_oldest_due_first_across_months_with_partial_payment() {
        // Client 1: Jan 100 (due 01-10), Feb 100 (due 02-10), Mar 100 (due 03-10);
        // paid 150 in total: Jan settled, Feb half, Mar nothing. Input order is
        // scrambled and must be kept in the output.
        let invoices = vec![
            inv(3, 1, mon(2026, 3), 100, d(2026, 3, 10)),
            inv(1, 1, mon(2026, 1), 100, d(2026, 1, 10)),
            inv(2, 1, mon(2026, 2), 100, d(2026, 2, 10)),
        ];
        let out = settle(&invoices, &paid(&[(1, 150)]));
        assert_eq!(summary(&out), vec![(3, 0, 100), (1, 100, 0), (2, 50, 50)]);
        assert_eq!(out[0].invoice, invoices[0]);
    }

    #[test]
    fn settlement_is_per_client() {
        let invoices = vec![
            inv(1, 1, mon(2026, 1), 100, d(2026, 1, 10)),
            inv(2, 2, mon(2026, 1), 200, d(2026, 1, 5)),
            inv(3, 3, mon(2026, 1), 300, d(2026, 1, 5)),
        ];
        // Client 2 overpays; its surplus never settles client 1's invoice.
        // Client 3 is absent from the map: nothing paid.
        let out = settle(&invoices, &paid(&[(1, 30), (2, 500)]));
        assert_eq!(summary(&out), vec![(1, 30, 70), (2, 200, 0), (3, 0, 300)]);
    }

    #[test]
    fn credit_beyond_all_invoices_settles_a_later_invoice() {
        // Paid 250 against a single 200 invoice: 50 is a credit.
        let first = vec![inv(1, 7, mon(2026, 1), 200, d(2026, 1, 15))];
        let payments = paid(&[(7, 250)]);
        assert_eq!(summary(&settle(&first, &payments)), vec![(1, 200, 0)]);

        // Next month's invoice of 120 is issued: the credit settles 50 of it.
        let mut both = first.clone();
        both.push(inv(2, 7, mon(2026, 2), 120, d(2026, 2, 15)));
        assert_eq!(
            summary(&settle(&both, &payments)),
            vec![(1, 200, 0), (2, 50, 70)]
        );
    }

    #[test]
    fn due_date_ties_break_by_month_then_id() {
        let due = d(2026, 2, 1);
        let invoices = vec![
            inv(1, 1, mon(2026, 2), 100, due), // later month, lowest id: last
            inv(5, 1, mon(2026, 1), 100, due), // earlier month, higher id: second
            inv(4, 1, mon(2026, 1), 100, due), // earlier month, lower id: first
        ];
        let out = settle(&invoices, &paid(&[(1, 160)]));
        assert_eq!(summary(&out), vec![(1, 0, 100), (5, 60, 40), (4, 100, 0)]);
    }

    #[test]
    fn due_date_wins_over_month() {
        // An invoice of a later month due earlier is settled first.
        let invoices = vec![
            inv(1, 1, mon(2026, 1), 100, d(2026, 3, 1)),
            inv(2, 1, mon(2026, 2), 100, d(2026, 2, 1)),
        ];
        let out = settle(&invoices, &paid(&[(1, 100)]));
        assert_eq!(summary(&out), vec![(1, 0, 100), (2, 100, 0)]);
    }

    #[test]
    fn settle_handles_empty_and_odd_inputs() {
        assert!(settle(&[], &paid(&[(1, 100)])).is_empty());
        // A negative total (never stored) pays nothing and panics nothing.
        let invoices = vec![inv(1, 1, mon(2026, 1), 100, d(2026, 1, 10))];
        let out = settle(&invoices, &paid(&[(1, -50)]));
        assert_eq!(summary(&out), vec![(1, 0, 100)]);
        // Kopecks settle exactly.
        let mut odd = invoices.clone();
        odd[0].amount = Money::from_minor(10_001);
        let out = settle(&odd, &HashMap::from([(1, Money::from_minor(3_333))]));
        assert_eq!(out[0].paid, Money::from_minor(3_333));
        assert_eq!(out[0].balance, Money::from_minor(6_668));
    }

    #[test]
    fn month_figures_mid_month_with_target() {
        let m = mon(2026, 3);
        let today = d(2026, 3, 15);
        let invoices = vec![
            // Client 1: 1000 due 03-10, 400 paid: 600 overdue.
            settled(1, 1, m, 1000, d(2026, 3, 10), 400),
            // Client 2: 500 due 03-20 unpaid: counts toward forecast.
            settled(2, 2, m, 500, d(2026, 3, 20), 0),
            // Client 2: 300 due 03-05 fully paid.
            settled(3, 2, m, 300, d(2026, 3, 5), 300),
            // Another month's invoice: ignored.
            settled(4, 1, mon(2026, 2), 999, d(2026, 2, 10), 0),
        ];
        // Received in March: client 1 400, client 2 300, client 3 (no invoice) 250.
        let received = [
            (1, Money::major(400)),
            (2, Money::major(300)),
            (3, Money::major(250)),
        ];
        let plan = month_plan(m, today, Some(Money::major(2000)), &invoices, &received);
        let f = &plan.figures;
        assert_eq!(f.month, m);
        assert_eq!(f.target, Some(Money::major(2000)));
        assert_eq!(f.expected, Money::major(1800));
        assert_eq!(f.received, Money::major(950));
        assert_eq!(f.outstanding, Money::major(1100));
        assert_eq!(f.overdue, Money::major(600));
        assert_eq!(f.attainment_bp, Some(4750)); // 950 / 2000 = 47.50 %
        assert_eq!(f.forecast, Money::major(1450)); // 950 + 500

        let ids: Vec<Id> = plan.clients.iter().map(|c| c.client_id).collect();
        assert_eq!(ids, vec![1, 2, 3]); // expected 1000, 800, 0
        assert_eq!(
            plan.clients[1],
            ClientMonth {
                client_id: 2,
                expected: Money::major(800),
                received: Money::major(300),
                outstanding: Money::major(500),
                overdue: Money::ZERO,
                forecast: Money::major(800),
            }
        );
        assert_eq!(plan.clients[0].overdue, Money::major(600));
        assert_eq!(plan.clients[0].forecast, Money::major(400));
        assert_eq!(plan.clients[2].expected, Money::ZERO);
        assert_eq!(plan.clients[2].forecast, Money::major(250));
    }

    #[test]
    fn the_records_behind_each_figure_add_up_to_it() {
        let m = mon(2026, 3);
        let today = d(2026, 3, 15);
        let invoices = vec![
            settled(1, 1, m, 1000, d(2026, 3, 10), 400),
            settled(2, 2, m, 500, d(2026, 3, 20), 0),
            settled(3, 2, m, 300, d(2026, 3, 5), 300),
            settled(4, 1, mon(2026, 2), 999, d(2026, 2, 10), 0),
        ];
        let pay = |id, client_id, day, amount| Payment {
            id,
            client_id,
            on: d(2026, 3, day),
            amount: Money::major(amount),
            note: String::new(),
        };
        let payments = vec![pay(9, 3, 12, 250), pay(8, 2, 4, 300), pay(7, 1, 2, 400)];
        let received = [
            (1, Money::major(400)),
            (2, Money::major(300)),
            (3, Money::major(250)),
        ];
        let plan = month_plan(m, today, None, &invoices, &received);
        for figure in Figure::ALL {
            let rows = behind(figure, today, m, &invoices, &payments);
            let sum: Money = rows.iter().map(Behind::part).sum();
            assert_eq!(sum, figure.of(&plan.figures), "{figure:?}");
        }
        let ids = |f| -> Vec<Id> {
            behind(f, today, m, &invoices, &payments)
                .iter()
                .map(Behind::id)
                .collect()
        };
        assert_eq!(ids(Figure::Expected), [3, 1, 2], "by due date");
        assert_eq!(ids(Figure::Outstanding), [1, 2], "paid ones are not");
        assert_eq!(ids(Figure::Overdue), [1], "due before today");
        assert_eq!(ids(Figure::Received), [9, 8, 7], "as given");
        assert_eq!(
            behind(Figure::Overdue, today, m, &invoices, &payments)[0].part(),
            Money::major(600),
            "the balance, not the amount"
        );
    }

    #[test]
    fn no_target_means_no_attainment() {
        let m = mon(2026, 3);
        let received = [(1, Money::major(100))];
        let plan = month_plan(m, d(2026, 3, 1), None, &[], &received);
        assert_eq!(plan.figures.attainment_bp, None);
        let plan = month_plan(m, d(2026, 3, 1), Some(Money::ZERO), &[], &received);
        assert_eq!(
            plan.figures.attainment_bp, None,
            "a zero target is no target"
        );
        let json = serde_json::to_value(&plan.figures).unwrap();
        assert!(json["attainment_bp"].is_null());
    }

    #[test]
    fn attainment_above_plan_and_rounded() {
        let m = mon(2026, 3);
        let plan = month_plan(
            m,
            d(2026, 3, 31),
            Some(Money::major(800)),
            &[],
            &[(1, Money::major(1000))],
        );
        assert_eq!(plan.figures.attainment_bp, Some(12500));
        let plan = month_plan(
            m,
            d(2026, 3, 31),
            Some(Money::major(3)),
            &[],
            &[(1, Money::major(2))],
        );
        assert_eq!(plan.figures.attainment_bp, Some(6667));
    }

    #[test]
    fn month_with_invoices_but_no_payments() {
        let m = mon(2026, 4);
        let invoices = vec![
            settled(1, 1, m, 700, d(2026, 4, 5), 0),
            settled(2, 2, m, 300, d(2026, 4, 25), 0),
        ];
        let plan = month_plan(m, d(2026, 4, 10), Some(Money::major(1000)), &invoices, &[]);
        let f = &plan.figures;
        assert_eq!(f.received, Money::ZERO);
        assert_eq!(f.attainment_bp, Some(0));
        assert_eq!(f.expected, Money::major(1000));
        assert_eq!(f.outstanding, Money::major(1000));
        assert_eq!(f.overdue, Money::major(700));
        assert_eq!(f.forecast, Money::major(300));
        assert_eq!(plan.clients.len(), 2);
        assert!(plan.clients.iter().all(|c| c.received.is_zero()));
    }

    #[test]
    fn empty_month_is_all_zero() {
        let m = mon(2026, 5);
        let plan = month_plan(m, d(2026, 5, 10), Some(Money::major(1000)), &[], &[]);
        assert_eq!(
            plan.figures,
            MonthFigures {
                month: m,
                target: Some(Money::major(1000)),
                expected: Money::ZERO,
                received: Money::ZERO,
                outstanding: Money::ZERO,
                overdue: Money::ZERO,
                attainment_bp: Some(0),
                forecast: Money::ZERO,
            }
        );
        assert!(plan.clients.is_empty());
    }

    #[test]
    fn month_without_invoices_but_with_payments() {
        // Payments that settle older months' invoices still count as received.
        let m = mon(2026, 5);
        let received = [(4, Money::major(120)), (2, Money::major(80))];
        let plan = month_plan(m, d(2026, 5, 10), None, &[], &received);
        assert_eq!(plan.figures.expected, Money::ZERO);
        assert_eq!(plan.figures.received, Money::major(200));
        assert_eq!(plan.figures.forecast, Money::major(200));
        let ids: Vec<Id> = plan.clients.iter().map(|c| c.client_id).collect();
        assert_eq!(ids, vec![4, 2], "received desc when expected ties");
    }

    #[test]
    fn month_entirely_in_the_past() {
        let m = mon(2026, 1);
        let invoices = vec![
            settled(1, 1, m, 500, d(2026, 1, 31), 200),
            settled(2, 2, m, 300, d(2026, 1, 10), 300),
        ];
        let today = d(2026, 3, 1);
        let plan = month_plan(
            m,
            today,
            Some(Money::major(1000)),
            &invoices,
            &[(1, Money::major(200)), (2, Money::major(300))],
        );
        let f = &plan.figures;
        assert_eq!(f.outstanding, Money::major(300));
        assert_eq!(f.overdue, Money::major(300));
        assert_eq!(f.forecast, f.received, "nothing left to come in");
        assert_eq!(f.attainment_bp, Some(5000));
        assert_eq!(days_left(m, today), 0);
    }

    #[test]
    fn month_entirely_in_the_future() {
        let m = mon(2026, 6);
        let invoices = vec![
            settled(1, 1, m, 500, d(2026, 6, 10), 0),
            settled(2, 2, m, 300, d(2026, 6, 20), 100), // credit from earlier payments
        ];
        let today = d(2026, 3, 15);
        let plan = month_plan(m, today, Some(Money::major(800)), &invoices, &[]);
        let f = &plan.figures;
        assert_eq!(f.received, Money::ZERO);
        assert_eq!(f.outstanding, Money::major(700));
        assert_eq!(f.overdue, Money::ZERO);
        assert_eq!(f.forecast, Money::major(700));
        assert_eq!(f.attainment_bp, Some(0));
        assert_eq!(days_left(m, today), 30);
    }

    #[test]
    fn due_today_is_not_overdue() {
        let m = mon(2026, 3);
        let today = d(2026, 3, 16);
        let invoices = vec![
            settled(1, 1, m, 400, today, 0),
            settled(2, 1, m, 100, d(2026, 3, 15), 0),
        ];
        let plan = month_plan(m, today, None, &invoices, &[]);
        assert_eq!(plan.figures.overdue, Money::major(100));
        assert_eq!(plan.figures.forecast, Money::major(400));
        assert_eq!(overdue_total(&invoices, today), Money::major(100));
    }

    #[test]
    fn leap_year_february() {
        let m = mon(2024, 2);
        let end = d(2024, 2, 29);
        assert_eq!(days_left(m, d(2024, 2, 1)), 29);
        assert_eq!(days_left(m, d(2024, 2, 28)), 2);
        assert_eq!(days_left(m, end), 1);
        assert_eq!(days_left(m, d(2024, 3, 1)), 0);
        assert_eq!(days_left(mon(2025, 2), d(2025, 1, 31)), 28);

        let invoices = vec![settled(1, 1, m, 900, end, 0)];
        let on_the_day = month_plan(m, end, None, &invoices, &[]);
        assert_eq!(on_the_day.figures.overdue, Money::ZERO);
        assert_eq!(on_the_day.figures.forecast, Money::major(900));
        let day_after = month_plan(m, d(2024, 3, 1), None, &invoices, &[]);
        assert_eq!(day_after.figures.overdue, Money::major(900));
        assert_eq!(day_after.figures.forecast, Money::ZERO);
    }

    #[test]
    fn days_left_counts_today() {
        let m = mon(2026, 4); // 30 days
        assert_eq!(days_left(m, d(2026, 4, 1)), 30);
        assert_eq!(days_left(m, d(2026, 4, 30)), 1);
        assert_eq!(days_left(m, d(2026, 3, 31)), 30);
        assert_eq!(days_left(m, d(2026, 5, 1)), 0);
        assert_eq!(days_left(mon(2026, 12), d(2026, 12, 25)), 7);
    }

    #[test]
    fn client_rows_sort_by_expected_received_then_id() {
        let m = mon(2026, 3);
        let due = d(2026, 3, 20);
        let invoices = vec![
            settled(1, 10, m, 100, due, 0),
            settled(2, 20, m, 300, due, 0),
            settled(3, 30, m, 100, due, 0),
            settled(4, 40, m, 100, due, 0),
        ];
        let received = [(40, Money::major(50)), (30, Money::major(50))];
        let plan = month_plan(m, d(2026, 3, 1), None, &invoices, &received);
        let ids: Vec<Id> = plan.clients.iter().map(|c| c.client_id).collect();
        assert_eq!(ids, vec![20, 30, 40, 10]);
    }

    #[test]
    fn overdue_total_spans_all_months() {
        let today = d(2026, 3, 15);
        let invoices = vec![
            settled(1, 1, mon(2025, 12), 100, d(2025, 12, 10), 40),
            settled(2, 2, mon(2026, 2), 250, d(2026, 2, 28), 0),
            settled(3, 1, mon(2026, 3), 500, d(2026, 3, 15), 0), // due today
            settled(4, 3, mon(2026, 3), 700, d(2026, 3, 1), 700), // paid
        ];
        assert_eq!(overdue_total(&invoices, today), Money::major(310));
        assert_eq!(overdue_total(&[], today), Money::ZERO);
    }

    #[test]
    fn settle_then_plan_end_to_end() {
        // Client 1 owed 300 for January (due 01-20) and 300 for February
        // (due 02-20); paid 200 in January and 250 in February (450 total).
        let invoices = vec![
            inv(1, 1, mon(2026, 1), 300, d(2026, 1, 20)),
            inv(2, 1, mon(2026, 2), 300, d(2026, 2, 20)),
        ];
        let all = settle(&invoices, &paid(&[(1, 450)]));
        assert_eq!(summary(&all), vec![(1, 300, 0), (2, 150, 150)]);
        let feb: Vec<Settled> = all
            .iter()
            .filter(|s| s.invoice.month == mon(2026, 2))
            .cloned()
            .collect();
        let plan = month_plan(
            mon(2026, 2),
            d(2026, 2, 10),
            Some(Money::major(500)),
            &feb,
            &[(1, Money::major(250))],
        );
        assert_eq!(plan.figures.received, Money::major(250));
        assert_eq!(plan.figures.outstanding, Money::major(150));
        assert_eq!(plan.figures.forecast, Money::major(400));
        assert_eq!(plan.figures.attainment_bp, Some(5000));
        assert_eq!(overdue_total(&all, d(2026, 2, 21)), Money::major(150));
    }

    /// The walk newest first against what is owed gives what DOMAIN.md
    /// defines: a pool of everything paid, filling the invoices oldest due
    /// date first (the definition, written here the way it reads).
    #[test]
    fn the_walk_is_oldest_first_settlement() {
        fn by_definition(invoices: &[Invoice], paid: Money) -> Vec<Money> {
            let mut order: Vec<usize> = (0..invoices.len()).collect();
            order.sort_by_key(|&i| settlement_key(&invoices[i]));
            let mut pool = paid.max(Money::ZERO);
            let mut balances = vec![Money::ZERO; invoices.len()];
            for i in order {
                let applied = invoices[i].amount.min(pool);
                pool = pool.minus(applied);
                balances[i] = invoices[i].amount.minus(applied);
            }
            balances
        }
        let invoices = vec![
            inv(3, 7, mon(2026, 11), 300, d(2026, 11, 10)),
            inv(1, 7, mon(2026, 9), 100, d(2026, 9, 10)),
            inv(2, 7, mon(2026, 10), 300, d(2026, 10, 10)),
            inv(4, 7, mon(2026, 10), 50, d(2026, 10, 10)),
            inv(5, 7, mon(2026, 9), 0, d(2026, 12, 1)),
        ];
        for paid_major in [-10, 0, 50, 100, 250, 400, 449, 450, 699, 750, 5_000] {
            let paid = Money::major(paid_major);
            let walked: Vec<Money> = settle(&invoices, &HashMap::from([(7, paid)]))
                .iter()
                .map(|s| s.balance)
                .collect();
            assert_eq!(walked, by_definition(&invoices, paid), "paid {paid_major}");
        }
    }

    /// The walk stops at the first invoice older than what is owed: the
    /// invoices it never reads are the paid ones.
    #[test]
    fn the_walk_stops_once_what_is_owed_is_placed() {
        let newest_first = [
            inv(3, 7, mon(2026, 11), 300, d(2026, 11, 10)),
            inv(2, 7, mon(2026, 10), 300, d(2026, 10, 10)),
            inv(1, 7, mon(2026, 9), 100, d(2026, 9, 10)),
        ];
        let mut walk = Unsettled::new(Money::major(700), Money::major(250));
        let mut read = Vec::new();
        for invoice in newest_first {
            if walk.done() {
                break;
            }
            read.push(walk.settle(invoice));
        }
        assert_eq!(summary(&read), vec![(3, 0, 300), (2, 150, 150)]);
        assert!(walk.done());
        // Paid beyond what was billed: a credit, nothing owed, nothing read.
        assert!(Unsettled::new(Money::major(700), Money::major(900)).done());
        assert!(Unsettled::new(Money::ZERO, Money::ZERO).done());
    }
}
