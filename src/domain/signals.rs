//! Signals the program computes per client (neglect, agreements, real profit,
//! lifetime value) and over the portfolio (concentration), as DOMAIN.md
//! ("Signals the program can compute") describes them.
//!
//! Pure: the store gathers the aggregates ([`ClientInputs`]), these functions
//! compute.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::model::{Agreement, AgreementStatus, Client, Id, Owner};
use super::money::{Money, ratio_bp};
use super::time::{Month, months_before};

/// The window "last 12 months" ending today: payments with date > start and <= today,
/// start = today minus 12 calendar months (clamped to the month's end). Returns
/// (start_exclusive, end_inclusive).
pub fn last_12_months(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    (months_before(today, 12), today)
}

/// Where a client stands against its agreed contact cadence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NeglectState {
    /// No cadence agreed: neglect cannot be judged.
    NoCadence,
    /// Fewer days since the last touch than the cadence.
    Fine,
    /// Exactly the cadence: a touch is due today.
    Due,
    /// Past the cadence.
    Overdue,
}

/// Days since the last touchpoint against the client's cadence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Neglect {
    /// Days since the last touchpoint; `None` when never touched.
    pub days_since: Option<i64>,
    pub state: NeglectState,
    /// Days past the cadence (0 unless `Overdue`).
    pub days_over: i64,
}

/// Days since the last touchpoint (from `since` when there is none) judged
/// against the cadence: Fine below it, Due on it, Overdue past it.
///
/// days_since = today - last_touch (None when never touched). Counted from the
/// last touchpoint; when there is none, from `since` for the state computation.
/// With a cadence c: Due when days >= c (and not over), Overdue when days > c
/// (days_over = days - c), else Fine. Without cadence: NoCadence. Touchpoints
/// dated after today are ignored by the caller; a last_touch after today (or a
/// `since` after today) counts as 0 days.
pub fn neglect(
    last_touch: Option<NaiveDate>,
    since: NaiveDate,
    cadence_days: Option<u32>,
    today: NaiveDate,
) -> Neglect {
    let days_since = last_touch.map(|t| (today - t).num_days().max(0));
    let days = days_since.unwrap_or_else(|| (today - since).num_days().max(0));
    let (state, days_over) = match cadence_days.map(i64::from) {
        None => (NeglectState::NoCadence, 0),
        Some(c) if days > c => (NeglectState::Overdue, days - c),
        Some(c) if days == c => (NeglectState::Due, 0),
        Some(_) => (NeglectState::Fine, 0),
    };
    Neglect {
        days_since,
        state,
        days_over,
    }
}

/// One client's agreements counted by state and by who owes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct AgreementCounts {
    /// Open, whatever the due date.
    pub open: u32,
    /// Open and due before today.
    pub overdue: u32,
    pub overdue_ours: u32,
    pub overdue_theirs: u32,
    pub broken: u32,
    pub broken_by_us: u32,
    pub broken_by_client: u32,
    pub kept: u32,
}

/// Counts over one client's agreements: open, overdue (open and due before
/// today, [`Agreement::is_overdue`]) and broken, split by who owes them, and
/// kept. Cancelled agreements count nowhere.
pub fn agreement_counts(agreements: &[Agreement], today: NaiveDate) -> AgreementCounts {
    let mut c = AgreementCounts::default();
    let inc = |n: &mut u32| *n = n.saturating_add(1);
    for a in agreements {
        match a.status {
            AgreementStatus::Open => {
                inc(&mut c.open);
                if a.is_overdue(today) {
                    inc(&mut c.overdue);
                    match a.owner {
                        Owner::Us => inc(&mut c.overdue_ours),
                        Owner::Client => inc(&mut c.overdue_theirs),
                    }
                }
            }
            AgreementStatus::Broken => {
                inc(&mut c.broken);
                match a.owner {
                    Owner::Us => inc(&mut c.broken_by_us),
                    Owner::Client => inc(&mut c.broken_by_client),
                }
            }
            AgreementStatus::Kept => inc(&mut c.kept),
            AgreementStatus::Cancelled => {}
        }
    }
    c
}

/// `numerator / denominator` rounded half away from zero (half up for the
/// non-negative amounts folio stores), saturating at the bounds of `i64`.
/// `denominator` must be positive.
fn div_round(numerator: i128, denominator: i128) -> i64 {
    let q = (2 * numerator + denominator * numerator.signum()) / (2 * denominator);
    i64::try_from(q).unwrap_or(if q < 0 { i64::MIN } else { i64::MAX })
}

/// Revenue per hour of logged minutes; None when no minutes were logged. Exact
/// integer arithmetic (i128), rounded half up, in minor units.
pub fn revenue_per_hour(revenue: Money, minutes: u64) -> Option<Money> {
    if minutes == 0 {
        return None;
    }
    let numerator = i128::from(revenue.minor()) * 60;
    Some(Money::from_minor(div_round(numerator, i128::from(minutes))))
}

/// Average check: revenue divided by the number of payments, rounded half up
/// in minor units; None when there were no payments.
pub fn average_check(revenue: Money, payments: u32) -> Option<Money> {
    if payments == 0 {
        return None;
    }
    Some(Money::from_minor(div_round(
        i128::from(revenue.minor()),
        i128::from(payments),
    )))
}

/// Calendar months from the month of `since` to the month of `today`, both
/// counted (since 2026-01-15, today 2026-03-01 -> 3); 0 if `since` is after today.
pub fn months_active(since: NaiveDate, today: NaiveDate) -> u32 {
    if since > today {
        return 0;
    }
    u32::try_from(Month::of(since).months_until(Month::of(today)) + 1).unwrap_or(0)
}

/// What the store gathers per client (aggregate queries) for the stats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientInputs {
    pub client: Client,
    /// Date of the latest touchpoint on or before today.
    pub last_touch: Option<NaiveDate>,
    /// Sum of payments in [`last_12_months`].
    pub revenue_12m: Money,
    /// Number of payments in [`last_12_months`].
    pub payments_12m: u32,
    /// Sum of all payments ever.
    pub revenue_lifetime: Money,
    /// Touchpoint minutes in [`last_12_months`].
    pub minutes_12m: u64,
    pub minutes_lifetime: u64,
    pub agreements: AgreementCounts,
    pub first_payment: Option<NaiveDate>,
}

/// A client's signals, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClientStats {
    pub client: Client,
    pub revenue_12m: Money,
    pub revenue_lifetime: Money,
    /// Share of the portfolio's 12-month revenue, in basis points.
    pub share_bp: Option<i64>,
    pub average_check_12m: Option<Money>,
    pub last_touch: Option<NaiveDate>,
    pub neglect: Neglect,
    pub minutes_12m: u64,
    pub revenue_per_hour: Option<Money>,
    pub agreements: AgreementCounts,
    pub months_active: u32,
}

/// A client's stats from its aggregates (the client moves into them) and
/// the portfolio's 12-month revenue.
///
/// share_bp = revenue_12m / total_revenue_12m (None when the total is 0);
/// average check = revenue_12m / payments_12m (None when 0 payments);
/// revenue_per_hour over the 12-month window (revenue_12m, minutes_12m);
/// months_active = whole calendar months from client.since to today inclusive
/// of both months (since 2026-01-15, today 2026-03-01 -> 3), 0 if since is
/// after today.
pub fn client_stats(
    input: ClientInputs,
    total_revenue_12m: Money,
    today: NaiveDate,
) -> ClientStats {
    let client = input.client;
    ClientStats {
        revenue_12m: input.revenue_12m,
        revenue_lifetime: input.revenue_lifetime,
        share_bp: ratio_bp(input.revenue_12m, total_revenue_12m),
        average_check_12m: average_check(input.revenue_12m, input.payments_12m),
        last_touch: input.last_touch,
        neglect: neglect(input.last_touch, client.since, client.cadence_days, today),
        minutes_12m: input.minutes_12m,
        revenue_per_hour: revenue_per_hour(input.revenue_12m, input.minutes_12m),
        agreements: input.agreements,
        months_active: months_active(client.since, today),
        client,
    }
}

/// How much of the revenue rests on few clients.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Concentration {
    pub total: Money,
    /// The client with the most revenue (ties: lowest id); None when no client
    /// has revenue.
    pub largest_client: Option<Id>,
    pub largest_share_bp: Option<i64>,
    /// Fewest clients (largest first) whose revenue reaches at least 80 % of the total.
    pub clients_for_80pct: usize,
    pub client_count: usize,
}

/// From each client's revenue: the largest client's share, and the smallest
/// number of clients (largest first) whose revenue reaches at least 80% of the
/// total.
///
/// Clients with zero revenue count in client_count but never in
/// clients_for_80pct; with total 0, shares are None, largest_client None and
/// clients_for_80pct 0. Ties for largest: lowest id. A client listed twice is
/// one client with the sum; a negative revenue (never stored) counts as zero.
pub fn concentration(revenues: &[(Id, Money)]) -> Concentration {
    // By id, a client listed twice summed into one entry (a sort, not a
    // tree: 10,000 clients are one pass over a flat array).
    let mut by_client: Vec<(Id, Money)> = revenues
        .iter()
        .map(|&(id, revenue)| (id, revenue.max(Money::ZERO)))
        .collect();
    by_client.sort_unstable_by_key(|&(id, _)| id);
    by_client.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 = kept.1.plus(later.1);
        }
        same
    });
    let client_count = by_client.len();
    let mut ranked = by_client;
    ranked.retain(|&(_, revenue)| revenue > Money::ZERO);
    // Largest first; ties by lowest id (ids are unique now).
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let total: Money = ranked.iter().map(|&(_, r)| r).sum();

    let largest = ranked.first().copied();
    let mut clients_for_80pct = 0;
    let mut running: i128 = 0;
    let goal = i128::from(total.minor()) * 4; // running / total >= 4/5
    for &(_, revenue) in &ranked {
        if running * 5 >= goal {
            break;
        }
        running += i128::from(revenue.minor());
        clients_for_80pct += 1;
    }

    Concentration {
        total,
        largest_client: largest.map(|(id, _)| id),
        largest_share_bp: largest.and_then(|(_, r)| ratio_bp(r, total)),
        clients_for_80pct,
        client_count,
    }
}

/// The next occurrence of `birthday`'s day and month on or after `today` (29 February
/// falls on 28 February in common years).
pub fn next_birthday(birthday: NaiveDate, today: NaiveDate) -> NaiveDate {
    let on = |year: i32| {
        NaiveDate::from_ymd_opt(year, birthday.month(), birthday.day())
            .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))
            .unwrap_or(today)
    };
    let this_year = on(today.year());
    if this_year >= today {
        this_year
    } else {
        on(today.year() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Status, Tier};

    use crate::domain::time::d;

    fn client(id: Id, since: NaiveDate, cadence_days: Option<u32>) -> Client {
        Client {
            id,
            name: format!("Client {id}"),
            tier: Tier::Gold,
            status: Status::Active,
            since,
            cadence_days,
            channel: None,
            goal: None,
            notes: String::new(),
        }
    }

    fn agreement(
        id: Id,
        owner: Owner,
        status: AgreementStatus,
        due: Option<NaiveDate>,
    ) -> Agreement {
        Agreement {
            id,
            client_id: 1,
            made_on: d(2026, 1, 1),
            text: format!("agreement {id}"),
            owner,
            due,
            status,
            closed_on: None,
        }
    }

    fn inputs(id: Id, revenue_12m: i64, payments_12m: u32, minutes_12m: u64) -> ClientInputs {
        ClientInputs {
            client: client(id, d(2025, 6, 10), Some(7)),
            last_touch: Some(d(2026, 3, 1)),
            revenue_12m: Money::major(revenue_12m),
            payments_12m,
            revenue_lifetime: Money::major(revenue_12m * 2),
            minutes_12m,
            minutes_lifetime: minutes_12m * 2,
            agreements: AgreementCounts::default(),
            first_payment: Some(d(2025, 7, 1)),
        }
    }

    fn revs(pairs: &[(Id, i64)]) -> Vec<(Id, Money)> {
        pairs.iter().map(|&(id, m)| (id, Money::major(m))).collect()
    }

    #[test]
    fn last_12_months_window() {
        let today = d(2026, 3, 15);
        let w = last_12_months(today);
        assert_eq!(w, (d(2025, 3, 15), today));
        // Leap day clamps to 28 February.
        assert_eq!(last_12_months(d(2024, 2, 29)).0, d(2023, 2, 28));
    }

    #[test]
    fn neglect_with_cadence() {
        let since = d(2025, 1, 1);
        let today = d(2026, 3, 15);
        let n = neglect(Some(d(2026, 3, 10)), since, Some(7), today);
        assert_eq!(
            n,
            Neglect {
                days_since: Some(5),
                state: NeglectState::Fine,
                days_over: 0
            }
        );
        let n = neglect(Some(d(2026, 3, 8)), since, Some(7), today);
        assert_eq!(
            (n.days_since, n.state, n.days_over),
            (Some(7), NeglectState::Due, 0)
        );
        let n = neglect(Some(d(2026, 3, 7)), since, Some(7), today);
        assert_eq!(
            (n.days_since, n.state, n.days_over),
            (Some(8), NeglectState::Overdue, 1)
        );
        // Across a month boundary: 2026-02-13 -> 2026-03-15 is 30 days.
        let n = neglect(Some(d(2026, 2, 13)), since, Some(14), today);
        assert_eq!(
            (n.days_since, n.state, n.days_over),
            (Some(30), NeglectState::Overdue, 16)
        );
    }

    #[test]
    fn neglect_without_cadence() {
        let n = neglect(Some(d(2025, 1, 1)), d(2024, 1, 1), None, d(2026, 3, 15));
        assert_eq!(n.state, NeglectState::NoCadence);
        assert_eq!(n.days_since, Some(438));
        assert_eq!(n.days_over, 0);
        let n = neglect(None, d(2024, 1, 1), None, d(2026, 3, 15));
        assert_eq!(
            n,
            Neglect {
                days_since: None,
                state: NeglectState::NoCadence,
                days_over: 0
            }
        );
    }

    #[test]
    fn neglect_without_touchpoints_counts_from_since() {
        let today = d(2026, 3, 15);
        // Client since 2026-03-01: 14 days without a touch against a 10-day cadence.
        let n = neglect(None, d(2026, 3, 1), Some(10), today);
        assert_eq!(
            n,
            Neglect {
                days_since: None,
                state: NeglectState::Overdue,
                days_over: 4
            }
        );
        let n = neglect(None, d(2026, 3, 5), Some(10), today);
        assert_eq!((n.days_since, n.state), (None, NeglectState::Due));
        let n = neglect(None, d(2026, 3, 14), Some(10), today);
        assert_eq!(n.state, NeglectState::Fine);
        // A client starting in the future is not neglected.
        let n = neglect(None, d(2026, 4, 1), Some(10), today);
        assert_eq!(
            (n.days_since, n.state, n.days_over),
            (None, NeglectState::Fine, 0)
        );
    }

    #[test]
    fn neglect_touch_after_today_counts_as_zero_days() {
        let today = d(2026, 3, 15);
        let n = neglect(Some(d(2026, 3, 20)), d(2025, 1, 1), Some(7), today);
        assert_eq!(
            (n.days_since, n.state, n.days_over),
            (Some(0), NeglectState::Fine, 0)
        );
        // Touched today with a daily cadence of 1: fine; a cadence of 0 is due.
        let n = neglect(Some(today), d(2025, 1, 1), Some(1), today);
        assert_eq!(n.state, NeglectState::Fine);
        let n = neglect(Some(today), d(2025, 1, 1), Some(0), today);
        assert_eq!(n.state, NeglectState::Due);
    }

    #[test]
    fn neglect_serializes_snake_case() {
        let n = neglect(None, d(2026, 1, 1), None, d(2026, 1, 2));
        let json = serde_json::to_value(n).unwrap();
        assert_eq!(json["state"], "no_cadence");
        assert!(json["days_since"].is_null());
        assert_eq!(
            serde_json::to_value(NeglectState::Overdue).unwrap(),
            "overdue"
        );
    }

    #[test]
    fn agreement_counts_by_state_and_owner() {
        let today = d(2026, 3, 15);
        let agreements = vec![
            agreement(1, Owner::Us, AgreementStatus::Open, Some(d(2026, 3, 14))), // overdue, ours
            agreement(2, Owner::Client, AgreementStatus::Open, Some(d(2026, 3, 1))), // overdue, theirs
            agreement(3, Owner::Client, AgreementStatus::Open, Some(d(2026, 2, 1))), // overdue, theirs
            agreement(4, Owner::Us, AgreementStatus::Open, Some(today)), // due today: not overdue
            agreement(5, Owner::Us, AgreementStatus::Open, None),        // no due date
            agreement(6, Owner::Us, AgreementStatus::Broken, Some(d(2026, 1, 1))),
            agreement(7, Owner::Client, AgreementStatus::Broken, None),
            agreement(8, Owner::Client, AgreementStatus::Broken, None),
            agreement(9, Owner::Us, AgreementStatus::Kept, Some(d(2026, 1, 1))),
            agreement(
                10,
                Owner::Client,
                AgreementStatus::Cancelled,
                Some(d(2026, 1, 1)),
            ),
        ];
        assert_eq!(
            agreement_counts(&agreements, today),
            AgreementCounts {
                open: 5,
                overdue: 3,
                overdue_ours: 1,
                overdue_theirs: 2,
                broken: 3,
                broken_by_us: 1,
                broken_by_client: 2,
                kept: 1,
            }
        );
        assert_eq!(agreement_counts(&[], today), AgreementCounts::default());
    }

    #[test]
    fn revenue_per_hour_rounds_half_up() {
        // 1000.00 over 90 minutes = 666.666… per hour -> 666.67.
        assert_eq!(
            revenue_per_hour(Money::major(1000), 90),
            Some(Money::from_minor(66_667))
        );
        // 0.01 over 120 minutes = 0.005 per hour -> 0.01 (half up).
        assert_eq!(
            revenue_per_hour(Money::from_minor(1), 120),
            Some(Money::from_minor(1))
        );
        // 0.01 over 121 minutes = 0.00496 -> 0.00.
        assert_eq!(
            revenue_per_hour(Money::from_minor(1), 121),
            Some(Money::ZERO)
        );
        // Exact: 1500.00 over 30 minutes = 3000.00 per hour.
        assert_eq!(
            revenue_per_hour(Money::major(1500), 30),
            Some(Money::major(3000))
        );
        assert_eq!(revenue_per_hour(Money::ZERO, 45), Some(Money::ZERO));
    }

    #[test]
    fn revenue_per_hour_without_minutes_is_none() {
        assert_eq!(revenue_per_hour(Money::major(1000), 0), None);
        assert_eq!(revenue_per_hour(Money::ZERO, 0), None);
    }

    #[test]
    fn revenue_per_hour_never_overflows() {
        // The largest revenue over a single minute: 60x i64::MAX saturates.
        assert_eq!(
            revenue_per_hour(Money::from_minor(i64::MAX), 1),
            Some(Money::from_minor(i64::MAX))
        );
        assert_eq!(
            revenue_per_hour(Money::major(1), u64::MAX),
            Some(Money::ZERO)
        );
    }

    #[test]
    fn average_check_and_months_active() {
        assert_eq!(
            average_check(Money::major(1000), 3),
            Some(Money::from_minor(33_333))
        );
        assert_eq!(average_check(Money::major(1000), 0), None);
        assert_eq!(months_active(d(2026, 1, 15), d(2026, 3, 1)), 3);
        assert_eq!(months_active(d(2026, 3, 1), d(2026, 3, 1)), 1);
        assert_eq!(months_active(d(2025, 12, 31), d(2026, 1, 1)), 2);
        assert_eq!(months_active(d(2026, 3, 2), d(2026, 3, 1)), 0);
        assert_eq!(months_active(d(2024, 3, 31), d(2026, 3, 1)), 25);
    }

    #[test]
    fn client_stats_from_inputs() {
        let today = d(2026, 3, 15);
        let mut input = inputs(1, 3000, 4, 180);
        input.client.since = d(2025, 11, 20);
        input.last_touch = Some(d(2026, 3, 5));
        input.agreements.broken = 2;
        let stats = client_stats(input.clone(), Money::major(12_000), today);
        assert_eq!(stats.client, input.client);
        assert_eq!(stats.revenue_12m, Money::major(3000));
        assert_eq!(stats.revenue_lifetime, Money::major(6000));
        assert_eq!(stats.share_bp, Some(2500));
        assert_eq!(stats.average_check_12m, Some(Money::major(750)));
        assert_eq!(stats.last_touch, Some(d(2026, 3, 5)));
        assert_eq!(
            stats.neglect,
            Neglect {
                days_since: Some(10),
                state: NeglectState::Overdue,
                days_over: 3
            }
        );
        assert_eq!(stats.minutes_12m, 180);
        assert_eq!(stats.revenue_per_hour, Some(Money::major(1000)));
        assert_eq!(stats.agreements.broken, 2);
        assert_eq!(stats.months_active, 5); // Nov, Dec, Jan, Feb, Mar
    }

    #[test]
    fn client_stats_with_nothing_recorded() {
        let today = d(2026, 3, 15);
        let mut input = inputs(1, 0, 0, 0);
        input.last_touch = None;
        input.client.cadence_days = None;
        input.client.since = d(2026, 4, 1);
        let stats = client_stats(input, Money::ZERO, today);
        assert_eq!(stats.share_bp, None);
        assert_eq!(stats.average_check_12m, None);
        assert_eq!(stats.revenue_per_hour, None);
        assert_eq!(stats.neglect.state, NeglectState::NoCadence);
        assert_eq!(stats.months_active, 0);
        let json = serde_json::to_value(&stats).unwrap();
        assert!(json["share_bp"].is_null());
        assert_eq!(json["neglect"]["state"], "no_cadence");
    }

    #[test]
    fn shares_sum_over_the_portfolio_total() {
        let today = d(2026, 3, 15);
        let all = vec![
            inputs(3, 600, 2, 60),
            inputs(1, 300, 1, 0),
            inputs(2, 100, 1, 30),
        ];
        let total: Money = all.iter().map(|i| i.revenue_12m).sum();
        let stats: Vec<ClientStats> = all
            .into_iter()
            .map(|i| client_stats(i, total, today))
            .collect();
        let shares: Vec<Option<i64>> = stats.iter().map(|s| s.share_bp).collect();
        assert_eq!(shares, vec![Some(6000), Some(3000), Some(1000)]);
        assert_eq!(stats[1].revenue_per_hour, None);
        assert_eq!(stats[2].revenue_per_hour, Some(Money::major(200)));
    }

    #[test]
    fn concentration_of_nothing() {
        assert_eq!(
            concentration(&[]),
            Concentration {
                total: Money::ZERO,
                largest_client: None,
                largest_share_bp: None,
                clients_for_80pct: 0,
                client_count: 0,
            }
        );
    }

    #[test]
    fn concentration_single_client() {
        assert_eq!(
            concentration(&revs(&[(7, 500)])),
            Concentration {
                total: Money::major(500),
                largest_client: Some(7),
                largest_share_bp: Some(10_000),
                clients_for_80pct: 1,
                client_count: 1,
            }
        );
    }

    #[test]
    fn concentration_all_zero_revenue() {
        assert_eq!(
            concentration(&revs(&[(1, 0), (2, 0), (3, 0)])),
            Concentration {
                total: Money::ZERO,
                largest_client: None,
                largest_share_bp: None,
                clients_for_80pct: 0,
                client_count: 3,
            }
        );
    }

    #[test]
    fn concentration_reaches_exactly_80pct() {
        // 50 + 30 = 80 of 100: two clients reach exactly 80 %.
        let c = concentration(&revs(&[(3, 20), (1, 50), (2, 30)]));
        assert_eq!(c.total, Money::major(100));
        assert_eq!(c.largest_client, Some(1));
        assert_eq!(c.largest_share_bp, Some(5000));
        assert_eq!(c.clients_for_80pct, 2);
        assert_eq!(c.client_count, 3);
    }

    #[test]
    fn concentration_just_below_80pct_needs_one_more() {
        // 50.00 + 29.99 = 79.99 of 100.00: not enough, the third is needed.
        let c = concentration(&[
            (1, Money::major(50)),
            (2, Money::from_minor(2_999)),
            (3, Money::from_minor(2_001)),
        ]);
        assert_eq!(c.total, Money::major(100));
        assert_eq!(c.clients_for_80pct, 3);
        // One dominant client: 85 of 100 reaches 80 % alone.
        let c = concentration(&revs(&[(1, 5), (2, 85), (3, 10)]));
        assert_eq!(c.largest_client, Some(2));
        assert_eq!(c.largest_share_bp, Some(8500));
        assert_eq!(c.clients_for_80pct, 1);
    }

    #[test]
    fn concentration_pareto_with_zero_clients_and_ties() {
        // Ten clients: 400, 300 (x2, ids 5 and 2), 0 (x2), then 20 each for 5.
        let c = concentration(&revs(&[
            (5, 300),
            (2, 300),
            (9, 400),
            (10, 0),
            (11, 0),
            (3, 20),
            (4, 20),
            (6, 20),
            (7, 20),
            (8, 20),
        ]));
        assert_eq!(c.total, Money::major(1100));
        assert_eq!(c.largest_client, Some(9));
        assert_eq!(c.largest_share_bp, Some(3636)); // 400 / 1100 = 36.36 %
        // 400 + 300 = 700 (63.6 %), + 300 = 1000 (90.9 %): three clients.
        assert_eq!(c.clients_for_80pct, 3);
        assert_eq!(c.client_count, 10);
    }

    #[test]
    fn concentration_ties_for_largest_take_lowest_id() {
        let c = concentration(&revs(&[(8, 100), (3, 100), (5, 100)]));
        assert_eq!(c.largest_client, Some(3));
        assert_eq!(c.largest_share_bp, Some(3333));
        assert_eq!(c.clients_for_80pct, 3); // 66.67 % after two
    }

    #[test]
    fn concentration_merges_duplicates_and_ignores_negatives() {
        let c = concentration(&revs(&[(1, 30), (2, 50), (1, 30), (3, -10)]));
        assert_eq!(c.total, Money::major(110));
        assert_eq!(c.largest_client, Some(1));
        assert_eq!(c.client_count, 3);
        assert_eq!(c.clients_for_80pct, 2);
    }

    #[test]
    fn birthdays_next_occurrence() {
        let today = d(2026, 11, 23);
        assert_eq!(next_birthday(d(1985, 11, 30), today), d(2026, 11, 30));
        assert_eq!(next_birthday(d(1985, 11, 23), today), today);
        assert_eq!(next_birthday(d(1985, 1, 5), today), d(2027, 1, 5));
        assert_eq!(next_birthday(d(1992, 2, 29), d(2027, 1, 1)), d(2027, 2, 28));
    }
}
