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
    Agreement, Client, Contact, Id, Money, Month, Payment, StatusChange, Tier, TierChange,
    Touchpoint,
};
use crate::store::{Store, clients, ledger, log};

/// The month's figures with the client names the per-client rows refer to.
#[derive(Debug, Clone, Serialize)]
pub struct MonthView {
    pub currency: String,
    pub today: NaiveDate,
    pub plan: MonthPlan,
    pub days_left: u32,
    #[serde(skip)]
    pub names: HashMap<Id, String>,
}

impl MonthView {
    pub fn name(&self, id: Id) -> &str {
        self.names.get(&id).map(String::as_str).unwrap_or("?")
    }
}

/// The month's figures as DOMAIN.md defines them.
pub fn month_view(store: &mut Store, month: Month, today: NaiveDate) -> OpResult<MonthView> {
    let currency = super::currency(store)?;
    store.read(|tx| {
        let target = ledger::target(tx, month)?;
        // Settlement of this month's invoices needs every invoice of the
        // clients billed in it, and each client's total payments.
        let invoices = ledger::invoices_of_clients_billed_in(tx, month)?;
        let paid: HashMap<Id, Money> = ledger::paid_by_client(tx)?.into_iter().collect();
        let settled: Vec<Settled> = plan::settle(&invoices, &paid)
            .into_iter()
            .filter(|s| s.invoice.month == month)
            .collect();
        let received: Vec<(Id, Money)> = ledger::received_by_client(
            tx,
            month.first_day().pred_opt().unwrap_or(month.first_day()),
            month.last_day(),
        )?
        .into_iter()
        .map(|(id, sum, _)| (id, sum))
        .collect();
        let plan = plan::month_plan(month, today, target, &settled, &received);
        let names = client_names(tx)?;
        Ok::<_, OpError>(MonthView {
            currency,
            today,
            days_left: plan::days_left(month, today),
            plan,
            names,
        })
    })
}

fn client_names(conn: &rusqlite::Connection) -> OpResult<HashMap<Id, String>> {
    Ok(clients::list(conn)?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect())
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

/// The `count` months ending with `last`, oldest first, in three queries.
pub fn plan_history(store: &mut Store, last: Month, count: u32) -> OpResult<Vec<MonthTotals>> {
    let first = last.plus_months(-(count.max(1) as i32 - 1));
    store.read(|tx| {
        let targets: HashMap<Month, Money> = ledger::targets_between(tx, first, last)?
            .into_iter()
            .map(|t| (t.month, t.amount))
            .collect();
        let received: HashMap<Month, Money> = ledger::received_by_month(tx, first, last)?
            .into_iter()
            .collect();
        let expected: HashMap<Month, Money> = ledger::expected_by_month(tx, first, last)?
            .into_iter()
            .collect();
        Ok::<_, OpError>(
            last.trailing(count.max(1))
                .into_iter()
                .map(|m| {
                    let target = targets.get(&m).copied();
                    let received = received.get(&m).copied().unwrap_or_default();
                    MonthTotals {
                        month: m,
                        target,
                        expected: expected.get(&m).copied().unwrap_or_default(),
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
    store.read(|tx| portfolio_in(tx, today, currency))
}

/// [`portfolio`] within a caller's snapshot.
fn portfolio_in(
    tx: &rusqlite::Connection,
    today: NaiveDate,
    currency: String,
) -> OpResult<PortfolioView> {
    let (start, end) = signals::last_12_months(today);
    let all = clients::list(tx)?;
    let last: HashMap<Id, NaiveDate> = log::last_touch_by_client(tx, today)?.into_iter().collect();
    let minutes_12m: HashMap<Id, i64> = log::minutes_by_client(tx, start, end)?
        .into_iter()
        .map(|(id, m, _)| (id, m))
        .collect();
    let revenue_12m: HashMap<Id, (Money, i64)> = ledger::received_by_client(tx, start, end)?
        .into_iter()
        .map(|(id, sum, n)| (id, (sum, n)))
        .collect();
    let lifetime: HashMap<Id, Money> = ledger::paid_by_client(tx)?.into_iter().collect();
    let mut agreements: HashMap<Id, Vec<Agreement>> = HashMap::new();
    for a in log::agreements(tx, None, false)? {
        agreements.entry(a.client_id).or_default().push(a);
    }
    let invoices = ledger::invoices(tx, None)?;
    let settled = plan::settle(&invoices, &lifetime);
    let inputs: Vec<ClientInputs> = all
        .into_iter()
        .map(|client| {
            let id = client.id;
            let (revenue, payments) = revenue_12m.get(&id).copied().unwrap_or_default();
            ClientInputs {
                last_touch: last.get(&id).copied(),
                revenue_12m: revenue,
                payments_12m: u32::try_from(payments).unwrap_or(u32::MAX),
                revenue_lifetime: lifetime.get(&id).copied().unwrap_or_default(),
                minutes_12m: u64::try_from(minutes_12m.get(&id).copied().unwrap_or(0)).unwrap_or(0),
                minutes_lifetime: 0,
                agreements: agreements
                    .get(&id)
                    .map(|a| signals::agreement_counts(a, today))
                    .unwrap_or_default(),
                first_payment: None,
                client,
            }
        })
        .collect();
    let stats = signals::portfolio_stats(&inputs, today);
    let revenues: Vec<(Id, Money)> = stats.iter().map(|s| (s.client.id, s.revenue_12m)).collect();
    Ok(PortfolioView {
        today,
        currency,
        concentration: signals::concentration(&revenues),
        clients: stats,
        overdue_receivables: plan::overdue_total(&settled, today),
    })
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
        let minutes: i64 = log::minutes_by_client(tx, start, end)?
            .into_iter()
            .find(|(c, _, _)| *c == id)
            .map(|(_, m, _)| m)
            .unwrap_or(0);
        let last_touch = log::last_touch_by_client(tx, today)?
            .into_iter()
            .find(|(c, _)| *c == id)
            .map(|(_, d)| d);
        let total_12m: Money = ledger::received_by_client(tx, start, end)?
            .into_iter()
            .map(|(_, m, _)| m)
            .sum();
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
            stats: signals::client_stats(&input, total_12m, today),
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
    store.read(|tx| {
        let stats = portfolio_in(tx, today, currency.clone())?.clients;
        let invoices = ledger::invoices(tx, None)?;
        let paid: HashMap<Id, Money> = ledger::paid_by_client(tx)?.into_iter().collect();
        let settled = plan::settle(&invoices, &paid);
        let targets = ledger::targets_between(tx, first, month)?;
        let received = ledger::received_by_client_month(tx, first, month)?;
        let back = |n: u32| crate::domain::time::months_before(today, n);
        let days = |n: u64| {
            today
                .checked_sub_days(chrono::Days::new(n))
                .unwrap_or(today)
        };
        let mut windows: HashMap<Id, briefing::Windows> = HashMap::new();
        for (id, prev, last) in ledger::revenue_windows(tx, back(6), back(3), today)? {
            let w = windows.entry(id).or_default();
            w.revenue_prev_3m = prev;
            w.revenue_last_3m = last;
        }
        for (id, prev, last) in log::touch_windows(tx, days(120), days(60), today)? {
            let w = windows.entry(id).or_default();
            w.touches_prev_60 = u32::try_from(prev).unwrap_or(0);
            w.touches_last_60 = u32::try_from(last).unwrap_or(0);
        }
        let input = briefing::Input {
            month,
            today,
            currency: &currency,
            targets: &targets,
            settled: &settled,
            received: &received,
            stats: &stats,
            contacts: &clients::all_contacts(tx)?,
            agreements: &log::agreements(tx, None, false)?,
            tier_changes: &clients::tier_moves_between(tx, month.first_day(), month.last_day())?,
            status_changes: &clients::status_changes_between(tx, back(12), today)?,
            windows: &windows,
            next_steps: &log::next_steps_between(tx, today, lookahead)?,
        };
        Ok::<_, OpError>(briefing::build(&input))
    })
}
