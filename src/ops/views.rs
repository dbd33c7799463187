//! Read operations: gather records with a handful of aggregate queries (one
//! snapshot each, never a query per client), then apply the domain rules.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::{OpError, OpResult};
use crate::domain::briefing::{self, Briefing};
use crate::domain::plan::{self, MonthPlan, Settled};
use crate::domain::signals::{self, ClientInputs, ClientStats, Concentration};
use crate::domain::{
    Agreement, Client, Contact, Id, IdMap, Money, Month, Payment, StatusChange, Tier, TierChange,
    Touchpoint,
};
use crate::store::{Db, Store, clients, ledger, log};

/// The month's figures with the client names the per-client rows refer to.
#[derive(Debug, Clone, Serialize)]
pub struct MonthView {
    pub currency: String,
    pub today: NaiveDate,
    pub plan: MonthPlan,
    pub days_left: u32,
    #[serde(skip)]
    pub names: HashMap<Id, String>,
    /// The month's invoices, settled: what expected, outstanding and
    /// overdue add up.
    #[serde(skip)]
    pub invoices: Vec<Settled>,
    /// The payments dated in the month, newest first (read by
    /// [`month_detail`] only; empty otherwise).
    #[serde(skip)]
    pub payments: Vec<Payment>,
}

impl MonthView {
    pub fn name(&self, id: Id) -> &str {
        self.names.get(&id).map(String::as_str).unwrap_or("?")
    }

    /// The records behind one of the month's figures (payments only when
    /// read by [`month_detail`]).
    pub fn behind(&self, figure: plan::Figure) -> Vec<plan::Behind<'_>> {
        let month = self.plan.figures.month;
        plan::behind(figure, self.today, month, &self.invoices, &self.payments)
    }
}

/// The month's figures as DOMAIN.md defines them.
pub fn month_view(store: &mut Store, month: Month, today: NaiveDate) -> OpResult<MonthView> {
    read_month(store, month, today, false)
}

/// The month's figures and the records behind them (its payments too),
/// read in one snapshot: what the Plan pane lists under a figure.
pub fn month_detail(store: &mut Store, month: Month, today: NaiveDate) -> OpResult<MonthView> {
    read_month(store, month, today, true)
}

fn read_month(
    store: &mut Store,
    month: Month,
    today: NaiveDate,
    with_payments: bool,
) -> OpResult<MonthView> {
    let currency = super::currency(store)?;
    let after = month.first_day().pred_opt().unwrap_or(month.first_day());
    store.read(|tx| {
        let target = ledger::target(tx, month)?;
        // This month's invoices only, and of their clients only the
        // invoices that still have a balance.
        let listed = ledger::invoices_in_months(tx, month, month)?;
        let settled: Vec<Settled> = super::balances::settle_listed(tx, listed)?;
        let received: Vec<(Id, Money)> = ledger::received_by_client(tx, after, month.last_day())?
            .into_iter()
            .map(|(id, sum, _)| (id, sum))
            .collect();
        let plan = plan::month_plan(month, today, target, &settled, &received);
        let names = clients::names(tx)?;
        let payments = if with_payments {
            ledger::payments_between(tx, after, month.last_day())?
        } else {
            Vec::new()
        };
        Ok::<_, OpError>(MonthView {
            currency,
            today,
            days_left: plan::days_left(month, today),
            plan,
            names,
            invoices: settled,
            payments,
        })
    })
}

/// One month of the plan history: target, expected and received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MonthTotals {
    pub month: Month,
    pub target: Option<Money>,
    pub expected: Money,
    pub received: Money,
    pub attainment_bp: Option<i64>,
}

/// The `count` months ending with `last`, oldest first, in two queries (the
/// month totals are kept by triggers).
pub fn plan_history(store: &mut Store, last: Month, count: u32) -> OpResult<Vec<MonthTotals>> {
    let first = last.plus_months(-(count.max(1) as i32 - 1));
    store.read(|tx| {
        let targets: HashMap<Month, Money> = ledger::targets_between(tx, first, last)?
            .into_iter()
            .map(|t| (t.month, t.amount))
            .collect();
        let totals: HashMap<Month, (Money, Money)> = ledger::month_totals(tx, first, last)?
            .into_iter()
            .map(|(m, expected, received)| (m, (expected, received)))
            .collect();
        Ok::<_, OpError>(
            last.trailing(count.max(1))
                .into_iter()
                .map(|m| {
                    let target = targets.get(&m).copied();
                    let (expected, received) = totals.get(&m).copied().unwrap_or_default();
                    MonthTotals {
                        month: m,
                        target,
                        expected,
                        received,
                        attainment_bp: target
                            .and_then(|t| crate::domain::money::ratio_bp(received, t)),
                    }
                })
                .collect(),
        )
    })
}

/// Every client with its signals, plus the portfolio's concentration.
#[derive(Debug, Clone, Serialize)]
pub struct PortfolioView {
    pub today: NaiveDate,
    pub currency: String,
    pub clients: Vec<ClientStats>,
    pub concentration: Concentration,
    /// Balances of all invoices due before today (receivables overdue).
    pub overdue_receivables: Money,
}

impl PortfolioView {
    pub fn by_tier(&self, tier: Tier) -> impl Iterator<Item = &ClientStats> {
        self.clients.iter().filter(move |s| s.client.tier == tier)
    }
}

pub fn portfolio(store: &mut Store, today: NaiveDate) -> OpResult<PortfolioView> {
    let currency = super::currency(store)?;
    let facts = store.read(|tx| read_facts(tx, today, Kept::Counted, currency))?;
    Ok(facts.view)
}

/// What the portfolio and the briefing read, within one snapshot.
struct Facts {
    view: PortfolioView,
    /// Every invoice with a balance left, settled.
    open: Vec<Settled>,
    /// Per client: balances of its invoices due before today, where positive.
    receivables: IdMap<Money>,
    windows: IdMap<briefing::Windows>,
    /// The open and broken agreements, grouped by client (kept ones are
    /// only counted).
    agreements: Vec<Agreement>,
}

/// The last 12 months ending `today` cut at two earlier dates (kept within
/// them): the windows `(cuts[k], cuts[k + 1]]` the signals compare.
fn cuts(today: NaiveDate, inner: [NaiveDate; 2]) -> [NaiveDate; 4] {
    let (start, end) = signals::last_12_months(today);
    let cut = |d: NaiveDate| d.clamp(start, end);
    [start, cut(inner[0]), cut(inner[1]), end]
}

/// Whether the clients' kept agreements are counted (the portfolio shows
/// them; the briefing's rules never use them).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kept {
    Counted,
    Skipped,
}

/// The portfolio's per-client facts, from a fixed number of queries, each
/// reading one row per client or one date window of an index (never the
/// whole history): the clients with their touchpoints and agreements, then
/// the money; joined into each client's inputs, then the signals.
fn read_facts(tx: &Db, today: NaiveDate, kept: Kept, currency: String) -> OpResult<Facts> {
    let days = |n: u64| {
        today
            .checked_sub_days(chrono::Days::new(n))
            .unwrap_or(today)
    };
    let clients::ClientRows { clients, paid } = clients::list_with_totals(tx)?;
    let lifetime: IdMap<Money> = paid.into_iter().collect();
    let last_touch: IdMap<NaiveDate> =
        log::last_touch_by_client(tx, today, clients.iter().map(|c| c.id))?
            .into_iter()
            .collect();
    // Touchpoints: (12 months, 120 days], (120, 60 days], (60 days, today].
    let touch_cuts = cuts(today, [days(120), days(60)]);
    let touches = log::touch_windows_by_client(tx, &touch_cuts, clients.len())?;
    // Open and broken ones whole, grouped by client so each client's counts
    // read one slice; kept ones only counted, and only when asked.
    let agreements = log::open_and_broken_agreements(tx)?;
    let mut agreement_counts: IdMap<signals::AgreementCounts> = agreements
        .chunk_by(|a, b| a.client_id == b.client_id)
        .map(|group| (group[0].client_id, signals::agreement_counts(group, today)))
        .collect();
    if kept == Kept::Counted {
        for (id, n) in log::kept_by_client(tx)? {
            agreement_counts.entry(id).or_default().kept = n;
        }
    }
    // Payments: (12 months, 6 months], (6, 3 months], (3 months, today].
    let back = |n: u32| crate::domain::time::months_before(today, n);
    let payment_cuts = cuts(today, [back(6), back(3)]);
    let payments = ledger::payment_windows(tx, &payment_cuts, clients.len())?;
    let open = super::balances::all_unsettled(tx)?;
    let revenues: Vec<(Id, Money)> = clients
        .iter()
        .map(|c| (c.id, Money::from_minor(payments.get(c.id).total_sum())))
        .collect();
    // The share of revenue needs the total before any client's stats.
    let total_12m: Money = revenues.iter().map(|r| r.1).sum();
    let stats_of = |client: Client| {
        let id = client.id;
        let t = touches.get(id);
        let p = payments.get(id);
        let input = ClientInputs {
            last_touch: last_touch.get(&id).copied(),
            revenue_12m: Money::from_minor(p.total_sum()),
            payments_12m: p.total_count(),
            revenue_lifetime: lifetime.get(&id).copied().unwrap_or_default(),
            minutes_12m: u64::try_from(t.total_sum()).unwrap_or(0),
            minutes_lifetime: 0,
            agreements: agreement_counts.get(&id).copied().unwrap_or_default(),
            first_payment: None,
            client,
        };
        signals::client_stats(input, total_12m, today)
    };
    let stats: Vec<ClientStats> = clients.into_iter().map(stats_of).collect();
    let receivables = receivables_of(&open, today);
    let concentration = signals::concentration(&revenues);
    let windows = windows(&touches, &payments, stats.len());
    Ok(Facts {
        view: PortfolioView {
            today,
            currency,
            concentration,
            clients: stats,
            overdue_receivables: receivables.values().copied().sum(),
        },
        open,
        receivables,
        windows,
        agreements,
    })
}

/// Per client, the balances of its invoices due before `today` (where
/// positive).
fn receivables_of(open: &[Settled], today: NaiveDate) -> IdMap<Money> {
    let mut receivables: IdMap<Money> = IdMap::default();
    for s in open
        .iter()
        .filter(|s| s.invoice.due < today && s.balance > Money::ZERO)
    {
        let r = receivables.entry(s.invoice.client_id).or_default();
        *r = r.plus(s.balance);
    }
    receivables
}

/// The briefing's windows of every client with touchpoints or payments in
/// the last 12 months.
fn windows(
    touches: &crate::store::WindowTable,
    payments: &crate::store::WindowTable,
    clients: usize,
) -> IdMap<briefing::Windows> {
    let mut out: IdMap<briefing::Windows> =
        IdMap::with_capacity_and_hasher(clients, Default::default());
    for id in touches.ids().chain(payments.ids()) {
        out.entry(id).or_insert_with(|| {
            let (t, p) = (touches.get(id), payments.get(id));
            briefing::Windows {
                revenue_prev_3m: Money::from_minor(p.sum[1]),
                revenue_last_3m: Money::from_minor(p.sum[2]),
                touches_prev_60: t.count[1],
                touches_last_60: t.count[2],
            }
        });
    }
    out
}

/// Everything about one client, for `client show` and the client card.
#[derive(Debug, Clone, Serialize)]
pub struct ClientCard {
    pub currency: String,
    pub stats: ClientStats,
    pub contacts: Vec<Contact>,
    pub tier_history: Vec<TierChange>,
    pub status_history: Vec<StatusChange>,
    pub touchpoints: Vec<Touchpoint>,
    pub touchpoint_count: i64,
    pub agreements: Vec<Agreement>,
    pub invoices: Vec<Settled>,
    pub payments: Vec<Payment>,
    /// Balances of this client's invoices due before today.
    pub overdue: Money,
    pub outstanding: Money,
    /// The client's ИНН and aliases (names as banks write them).
    pub inn: Option<String>,
    pub aliases: Vec<String>,
}

/// How many recent touchpoints a card shows.
pub const CARD_TOUCHPOINTS: i64 = 20;

pub fn client_card(store: &mut Store, client: &Client, today: NaiveDate) -> OpResult<ClientCard> {
    let currency = super::currency(store)?;
    let (start, end) = signals::last_12_months(today);
    let id = client.id;
    store.read(|tx| {
        let client = clients::get(tx, id)?.ok_or(OpError::NotFound { what: "client", id })?;
        let agreements = log::agreements(tx, Some(id), false)?;
        let payments = ledger::payments(tx, Some(id))?;
        let invoices = ledger::invoices(tx, Some(id))?;
        let lifetime: Money = payments.iter().map(|p| p.amount).sum();
        let paid = HashMap::from([(id, lifetime)]);
        let settled = plan::settle(&invoices, &paid);
        let in_window: Vec<&Payment> = payments
            .iter()
            .filter(|p| p.on > start && p.on <= end)
            .collect();
        let (last_touch, minutes) = log::touch_facts_of(tx, id, today, start, end)?;
        let total_12m = ledger::received_total(tx, start, end)?;
        let input = ClientInputs {
            client: client.clone(),
            last_touch,
            revenue_12m: in_window.iter().map(|p| p.amount).sum(),
            payments_12m: u32::try_from(in_window.len()).unwrap_or(u32::MAX),
            revenue_lifetime: lifetime,
            minutes_12m: u64::try_from(minutes).unwrap_or(0),
            minutes_lifetime: 0,
            agreements: signals::agreement_counts(&agreements, today),
            first_payment: payments.last().map(|p| p.on),
        };
        let overdue = plan::overdue_total(&settled, today);
        let outstanding = settled.iter().map(|s| s.balance).sum();
        Ok::<_, OpError>(ClientCard {
            currency,
            stats: signals::client_stats(input, total_12m, today),
            contacts: clients::contacts_of(tx, id)?,
            tier_history: clients::tier_history(tx, id)?,
            status_history: clients::status_history(tx, id)?,
            touchpoints: log::touchpoints(tx, Some(id), CARD_TOUCHPOINTS, 0)?,
            touchpoint_count: log::count_touchpoints(tx, Some(id))?,
            agreements,
            invoices: settled,
            payments,
            overdue,
            outstanding,
            inn: clients::inn_of(tx, id)?,
            aliases: clients::aliases_of(tx, id)?,
        })
    })
}

/// The one-on-one briefing for `month` as of `today`: one snapshot, a fixed
/// number of aggregate queries (none per client or per month), then the
/// domain rules.
pub fn briefing(store: &mut Store, month: Month, today: NaiveDate) -> OpResult<Briefing> {
    let currency = super::currency(store)?;
    let first = month.plus_months(-11);
    let lookahead = today
        .checked_add_days(chrono::Days::new(briefing::LOOKAHEAD_DAYS))
        .unwrap_or(today);
    let back = |n: u32| crate::domain::time::months_before(today, n);
    // One snapshot for every figure (the briefing's rules never look at
    // kept agreements).
    store.read(|tx| {
        let facts = read_facts(tx, today, Kept::Skipped, currency.clone())?;
        // A day more: a 29 February birthday falls on the 28th in a
        // common year, and a range ending on the 28th would miss it.
        let to = lookahead.succ_opt().unwrap_or(lookahead);
        let near = clients::decision_maker_birthdays(tx, today, to)?;
        let birthdays = briefing::birthday_contacts(&near, today);
        let month_totals: Vec<briefing::MonthTotal> = ledger::month_totals(tx, first, month)?
            .into_iter()
            .map(|(month, expected, received)| briefing::MonthTotal {
                month,
                expected,
                received,
            })
            .collect();
        let input = briefing::Input {
            month,
            today,
            currency: &currency,
            targets: &ledger::targets_between(tx, first, month)?,
            settled: &facts.open,
            receivables: &facts.receivables,
            month_totals: &month_totals,
            stats: &facts.view.clients,
            contact_counts: &clients::contact_counts(tx)?,
            birthday_contacts: &clients::contacts_by_id(tx, &birthdays)?,
            agreements: &facts.agreements,
            tier_changes: &clients::tier_moves_between(tx, month.first_day(), month.last_day())?,
            status_changes: &clients::status_changes_between(tx, back(12), today)?,
            windows: &facts.windows,
            next_steps: &log::next_steps_between(tx, today, lookahead)?,
        };
        Ok(briefing::build(&input))
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::NewInvoice;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn last_touch_is_the_latest_on_or_before_today() {
        use crate::domain::{NewClient, NewTouchpoint, TouchKind};
        let mut store = Store::open_in_memory().unwrap();
        let client = |name: &str| NewClient {
            name: name.to_string(),
            tier: Tier::Gold,
            status: crate::domain::Status::Active,
            since: today() - chrono::Days::new(400),
            cadence_days: Some(30),
            channel: None,
            goal: None,
            notes: String::new(),
        };
        let touch = |at: NaiveDate| NewTouchpoint {
            at,
            kind: TouchKind::Call,
            summary: String::new(),
            minutes: 10,
            next_step: None,
            next_due: None,
        };
        let days = |n: u64| today() - chrono::Days::new(n);
        let later = |n: u64| today() + chrono::Days::new(n);
        // Past and planned touchpoints; only planned ones; none; only past.
        let both = crate::ops::add_client(&mut store, &client("Both")).unwrap();
        for at in [days(40), days(3), later(5)] {
            crate::ops::add_touchpoint(&mut store, both.id, &touch(at)).unwrap();
        }
        let planned = crate::ops::add_client(&mut store, &client("Planned")).unwrap();
        crate::ops::add_touchpoint(&mut store, planned.id, &touch(later(2))).unwrap();
        let none = crate::ops::add_client(&mut store, &client("None")).unwrap();
        let past = crate::ops::add_client(&mut store, &client("Past")).unwrap();
        crate::ops::add_touchpoint(&mut store, past.id, &touch(today())).unwrap();
        let view = portfolio(&mut store, today()).unwrap();
        let last = |id: Id| {
            view.clients
                .iter()
                .find(|s| s.client.id == id)
                .unwrap()
                .last_touch
        };
        assert_eq!(last(both.id), Some(days(3)));
        assert_eq!(last(planned.id), None);
        assert_eq!(last(none.id), None);
        assert_eq!(last(past.id), Some(today()));
        let names: Vec<&str> = view
            .clients
            .iter()
            .map(|s| s.client.name.as_str())
            .collect();
        assert_eq!(names, ["Both", "None", "Past", "Planned"]);
    }

    /// The running totals equal what they summarise, row by row.
    pub(crate) fn assert_totals_exact(store: &Store) {
        let conn = store.conn();
        let bad: i64 = conn
            .query_row(
                "SELECT count(*) FROM clients c WHERE
                   c.paid_total <> coalesce((SELECT sum(amount) FROM payments p WHERE p.client_id = c.id), 0)
                   OR c.billed_total <> coalesce((SELECT sum(amount) FROM invoices i WHERE i.client_id = c.id), 0)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(bad, 0, "client totals drifted");
        let bad: i64 = conn
            .query_row(
                "WITH e AS (SELECT month, sum(amount) s FROM invoices GROUP BY month),
                      r AS (SELECT substr(paid_on, 1, 7) month, sum(amount) s FROM payments GROUP BY 1),
                      m AS (SELECT month FROM e UNION SELECT month FROM r UNION SELECT month FROM month_totals)
                 SELECT count(*) FROM m
                   LEFT JOIN e USING (month) LEFT JOIN r USING (month)
                   LEFT JOIN month_totals t USING (month)
                 WHERE coalesce(t.expected, 0) <> coalesce(e.s, 0)
                    OR coalesce(t.received, 0) <> coalesce(r.s, 0)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(bad, 0, "month totals drifted");
    }

    /// Month figures and receivables by settling the whole history: the
    /// reference the fast path must match.
    fn reference(store: &mut Store, month: Month) -> (plan::MonthFigures, Money) {
        let conn = store.db();
        let invoices = ledger::invoices(conn, None).unwrap();
        let paid: HashMap<Id, Money> = ledger::paid_by_client(conn).unwrap().into_iter().collect();
        let settled = plan::settle(&invoices, &paid);
        let in_month: Vec<Settled> = settled
            .iter()
            .filter(|s| s.invoice.month == month)
            .cloned()
            .collect();
        let received: Vec<(Id, Money)> = ledger::received_by_client(
            conn,
            month.first_day().pred_opt().unwrap(),
            month.last_day(),
        )
        .unwrap()
        .into_iter()
        .map(|(id, m, _)| (id, m))
        .collect();
        let target = ledger::target(conn, month).unwrap();
        let figures = plan::month_plan(month, today(), target, &in_month, &received).figures;
        (figures, plan::overdue_total(&settled, today()))
    }

    fn assert_fast_equals_reference(store: &mut Store) {
        assert_totals_exact(store);
        // The briefing's month lines (month totals and open invoices) agree
        // with the month view (every invoice of the month) for all 12 months.
        for back in [-1, 0, 5] {
            let month = Month::of(today()).plus_months(-back);
            let b = briefing(store, month, today()).unwrap();
            let lines = b.plan.previous.iter().chain([&b.plan.current]);
            for line in lines {
                let f = month_view(store, line.month, today()).unwrap().plan.figures;
                let got = (
                    line.expected,
                    line.received,
                    line.outstanding,
                    line.overdue,
                    line.forecast,
                    line.attainment_bp,
                );
                let want = (
                    f.expected,
                    f.received,
                    f.outstanding,
                    f.overdue,
                    f.forecast,
                    f.attainment_bp,
                );
                assert_eq!(got, want, "briefing line {}", line.month);
            }
        }
        for h in plan_history(store, Month::of(today()).next(), 24).unwrap() {
            let f = month_view(store, h.month, today()).unwrap().plan.figures;
            assert_eq!(
                (h.expected, h.received),
                (f.expected, f.received),
                "{}",
                h.month
            );
        }
        for back in -1..20 {
            let month = Month::of(today()).plus_months(-back);
            let fast = month_view(store, month, today()).unwrap().plan.figures;
            let (slow, receivables) = reference(store, month);
            assert_eq!(fast, slow, "{month}");
            assert_eq!(
                portfolio(store, today()).unwrap().overdue_receivables,
                receivables
            );
        }
    }

    #[test]
    fn running_totals_stay_exact_through_edits_and_match_full_settlement() {
        let mut store = Store::open_in_memory().unwrap();
        crate::ops::demo::load(&mut store, today()).unwrap();
        assert_fast_equals_reference(&mut store);

        let invoices = ledger::invoices(store.db(), None).unwrap();
        let payments = ledger::payments(store.db(), None).unwrap();
        let clients = clients::list(store.db()).unwrap();
        // Reorder settlement: move due dates back and forth, change amounts,
        // move invoices between clients.
        for (n, inv) in invoices.iter().enumerate() {
            let mut edited = inv.clone();
            match n % 9 {
                0 => edited.due = edited.due - chrono::Days::new(45),
                1 => edited.due = edited.due + chrono::Days::new(40),
                2 => edited.amount = edited.amount.plus(Money::major(1_234)),
                3 => edited.client_id = clients[n % clients.len()].id,
                4 => edited.month = edited.month.plus_months(-2),
                _ => continue,
            }
            crate::ops::change(&mut store, edited.id, |i| *i = edited.clone()).unwrap();
        }
        assert_fast_equals_reference(&mut store);
        // Deletes and new rows.
        for inv in invoices.iter().step_by(7) {
            let _ = crate::ops::delete_invoice(&mut store, inv.id);
        }
        for (n, p) in payments.iter().enumerate() {
            match n % 5 {
                0 => crate::ops::delete_payment(&mut store, p.id).unwrap(),
                1 => {
                    let mut q = p.clone();
                    q.amount = q.amount.plus(Money::major(500));
                    q.client_id = clients[(n * 7) % clients.len()].id;
                    crate::ops::change(&mut store, q.id, |p| *p = q.clone()).unwrap();
                }
                _ => {}
            }
        }
        let c = clients[3].id;
        for k in 0..5 {
            crate::ops::add_invoice(
                &mut store,
                c,
                &NewInvoice {
                    month: Month::of(today()).plus_months(-k),
                    amount: Money::major(10_000 + k as i64),
                    // Out of order on purpose: earlier dues inserted later.
                    due: today() - chrono::Days::new(10 * k as u64 + 3),
                },
            )
            .unwrap();
        }
        assert_fast_equals_reference(&mut store);
        // Touchpoints: the latest deleted, dates moved, moved between clients.
        let touches = log::touchpoints(store.db(), None, 10_000, 0).unwrap();
        for (n, t) in touches.iter().enumerate() {
            match n % 4 {
                0 => crate::ops::delete_touchpoint(&mut store, t.id).unwrap(),
                1 => {
                    let mut u = t.clone();
                    u.at = u.at - chrono::Days::new(400);
                    u.client_id = clients[(n * 3) % clients.len()].id;
                    crate::ops::change(&mut store, u.id, |t| *t = u.clone()).unwrap();
                }
                _ => {}
            }
        }
        assert_fast_equals_reference(&mut store);
        // Deleting a client cascades to its rows; the others stay exact.
        crate::ops::backups::delete_client_and_prune(&mut store, clients[5].id, today()).unwrap();
        assert_fast_equals_reference(&mut store);
    }

    #[test]
    fn the_card_agrees_with_the_portfolio_for_every_client() {
        let mut store = Store::open_in_memory().unwrap();
        crate::ops::demo::load(&mut store, today()).unwrap();
        let view = portfolio(&mut store, today()).unwrap();
        for stats in &view.clients {
            let card = client_card(&mut store, &stats.client, today()).unwrap();
            assert_eq!(
                card.stats.last_touch, stats.last_touch,
                "{}",
                stats.client.name
            );
            assert_eq!(
                card.stats.minutes_12m, stats.minutes_12m,
                "{}",
                stats.client.name
            );
            assert_eq!(card.stats.share_bp, stats.share_bp, "{}", stats.client.name);
            assert_eq!(card.stats.neglect, stats.neglect, "{}", stats.client.name);
            // The card counts every agreement; the portfolio reads open and
            // broken ones and counts kept ones in SQL.
            assert_eq!(
                card.stats.agreements, stats.agreements,
                "{}",
                stats.client.name
            );
        }
        assert!(view.clients.iter().any(|s| s.agreements.kept > 0));
        assert!(view.clients.iter().any(|s| s.agreements.broken > 0));
    }

    /// A file of schema version 7 (settlement flags kept by triggers)
    /// moves to version 8 (the rule in `domain::plan` alone): backed up
    /// first, every record kept, and every figure as a fresh file gives.
    #[test]
    fn a_version_7_file_migrates_with_every_record_and_figure() {
        use crate::store::{Create, schema};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.db");
        let tables = [
            "clients",
            "contacts",
            "touchpoints",
            "agreements",
            "invoices",
            "payments",
        ];
        let count = |conn: &rusqlite::Connection, table: &str| -> i64 {
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .unwrap()
        };
        let before: Vec<i64> = {
            let (mut v7, _) =
                Store::open_with(&path, Create::FileOnly, &schema::MIGRATIONS[..7]).unwrap();
            crate::ops::demo::load(&mut v7, today()).unwrap();
            let has_flags: i64 = v7
                .conn()
                .query_row(
                    "SELECT count(*) FROM pragma_table_info('invoices') WHERE name = 'open'",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(has_flags, 1, "a version 7 file");
            tables.iter().map(|t| count(v7.conn(), t)).collect()
        };
        let (mut migrated, report) = Store::open(&path, Create::Never).unwrap();
        assert_eq!(report.migrated, Some((7, schema::CURRENT_VERSION)));
        let backup = report.backup.unwrap();
        let old = rusqlite::Connection::open(&backup).unwrap();
        let after: Vec<i64> = tables.iter().map(|t| count(migrated.conn(), t)).collect();
        assert_eq!(after, before);
        let kept: Vec<i64> = tables.iter().map(|t| count(&old, t)).collect();
        assert_eq!(kept, before, "the backup holds the file as it was");
        assert_totals_exact(&migrated);
        let mut fresh = Store::open_in_memory().unwrap();
        crate::ops::demo::load(&mut fresh, today()).unwrap();
        for back in [-1, 0, 1, 6] {
            let month = Month::of(today()).plus_months(-back);
            let a = briefing(&mut migrated, month, today()).unwrap();
            let b = briefing(&mut fresh, month, today()).unwrap();
            assert!(!a.at_risk.is_empty());
            assert_eq!(a, b, "{month}");
        }
    }
}
