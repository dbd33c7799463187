//! The one-on-one briefing ("The one-on-one briefing" and "More signals" in
//! DOMAIN.md): where the month stands and which clients need a conversation.
//! Pure: built from records and aggregates the store gathered in one pass.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use serde::{Serialize, Serializer};

use super::model::{
    Agreement, AgreementStatus, Contact, ContactCounts, ContactRole, Id, IdMap, IdSet, NextStep,
    Owner, PlanTarget, Status, StatusChange, Tier, TierChange,
};
use super::money::{Money, bp_to_pct, ratio_bp};
use super::plan::{self, Settled};
use super::signals::{ClientStats, NeglectState, next_birthday};
use super::time::Month;

/// Concentration above this share of revenue (basis points) is a warning.
pub const CONCENTRATION_WARNING_BP: i64 = 4_000;
/// How many days ahead the "next 14 days" section looks.
pub const LOOKAHEAD_DAYS: u64 = 14;
/// A client is onboarding for this many days after it starts.
pub const ONBOARDING_DAYS: i64 = 60;
/// Broken agreements count against a client for this many days.
pub const BROKEN_WINDOW_DAYS: i64 = 90;
/// How many time-eaters the health section names.
pub const TIME_EATERS: usize = 3;

/// A share in basis points as the JSON's percentage (`72.35`).
fn pct<S: Serializer>(bp: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
    bp.map(bp_to_pct).serialize(s)
}

/// One month of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthLine {
    pub month: Month,
    pub target: Option<Money>,
    pub expected: Money,
    pub received: Money,
    pub outstanding: Money,
    pub overdue: Money,
    #[serde(rename = "attainment_pct", serialize_with = "pct")]
    pub attainment_bp: Option<i64>,
    pub forecast: Money,
}

/// The month's plan; its JSON (with the forecast's basis in words) is
/// `io::report`'s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanSection {
    pub current: MonthLine,
    pub days_left: u32,
    /// Clients whose invoices of the month still lack money.
    pub clients_outstanding: usize,
    /// The 11 months before, oldest first.
    pub previous: Vec<MonthLine>,
}

/// Why a client needs a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    PastCadence {
        days_since: Option<i64>,
        cadence_days: u32,
        days_over: i64,
    },
    OverdueAgreements {
        ours: u32,
        theirs: u32,
    },
    BrokenAgreements {
        count: u32,
        by_us: u32,
        by_client: u32,
    },
    OverdueReceivables {
        amount: Money,
    },
    RevenueDown {
        last_3_months: Money,
        previous_3_months: Money,
    },
    SilentDecline {
        touchpoints_last_60_days: u32,
        touchpoints_previous_60_days: u32,
    },
    SingleThread {
        contacts: u32,
        decision_makers: u32,
    },
    OnboardingGaps {
        days_since_start: i64,
        missing: Vec<Gap>,
    },
}

/// What an onboarding client's profile still lacks. The JSON names them as
/// it always has (`"decision maker"` with its space).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Gap {
    #[serde(rename = "goal")]
    Goal,
    #[serde(rename = "cadence")]
    Cadence,
    #[serde(rename = "decision maker")]
    DecisionMaker,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AtRisk {
    pub client: String,
    #[serde(skip)]
    pub client_id: Id,
    pub tier: Tier,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TierMove {
    pub client: String,
    #[serde(skip)]
    pub client_id: Id,
    pub on: NaiveDate,
    pub from: Tier,
    pub to: Tier,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConcentrationLine {
    pub largest_client: Option<String>,
    #[serde(rename = "largest_share_pct", serialize_with = "pct")]
    pub largest_share_bp: Option<i64>,
    pub clients_for_80pct: usize,
    pub client_count: usize,
    pub revenue_12m: Money,
    /// The largest client brings more than 40 % of revenue.
    pub warning: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeEater {
    pub client: String,
    pub revenue_per_hour: Money,
    pub revenue_12m: Money,
    pub minutes_12m: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TierLine {
    pub tier: Tier,
    pub clients: usize,
    pub revenue_12m: Money,
    #[serde(rename = "revenue_share_pct", serialize_with = "pct")]
    pub revenue_share_bp: Option<i64>,
    pub minutes_12m: u64,
    #[serde(rename = "minutes_share_pct", serialize_with = "pct")]
    pub minutes_share_bp: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Churn {
    pub client: String,
    pub on: NaiveDate,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Health {
    pub concentration: ConcentrationLine,
    pub time_eaters: Vec<TimeEater>,
    pub tiers: Vec<TierLine>,
    pub churned_12m: Vec<Churn>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UpcomingKind {
    NextStep,
    Agreement,
    Invoice,
    Birthday,
}

/// What falls due on a day of the next 14, with the values its line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Due {
    /// A touchpoint's next step (the AM's own words).
    NextStep { step: String },
    /// An open agreement and who owes it.
    Agreement { text: String, owner: Owner },
    /// An invoice's balance, for the month it counts toward.
    Invoice { month: Month },
    /// A decision maker's birthday.
    Birthday {
        contact: String,
        role: Option<String>,
    },
}

impl Due {
    pub fn kind(&self) -> UpcomingKind {
        match self {
            Due::NextStep { .. } => UpcomingKind::NextStep,
            Due::Agreement { .. } => UpcomingKind::Agreement,
            Due::Invoice { .. } => UpcomingKind::Invoice,
            Due::Birthday { .. } => UpcomingKind::Birthday,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upcoming {
    pub date: NaiveDate,
    pub client: String,
    pub due: Due,
    /// The balance of an invoice; none for the other kinds.
    pub amount: Option<Money>,
}

impl Upcoming {
    pub fn kind(&self) -> UpcomingKind {
        self.due.kind()
    }
}

/// Something to raise at the one-on-one, with the values its sentence says
/// (`format::briefing::talking_point` words it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TalkingPoint {
    /// Where the month stands against its target.
    Plan {
        attainment_bp: i64,
        days_left: u32,
        outstanding: Money,
        clients_outstanding: usize,
        forecast: Money,
    },
    /// The month has no target.
    NoTarget {
        month: Month,
        received: Money,
        forecast: Money,
    },
    /// A gold client past its cadence.
    GoldNotContacted {
        client: String,
        days_since: i64,
        cadence_days: u32,
    },
    /// A gold client never contacted, past its cadence since it started.
    GoldNeverContacted { client: String, cadence_days: u32 },
    /// Overdue receivables across clients, and the largest debtor.
    OverdueReceivables {
        total: Money,
        clients: usize,
        largest: String,
        largest_amount: Money,
    },
    /// One client brings more than the warning share of revenue.
    Concentration { client: String, share_bp: i64 },
    /// A tier change this month, with its recorded reason.
    TierMove {
        client: String,
        from: Tier,
        to: Tier,
        reason: String,
    },
    /// Fewer touchpoints, revenue not growing.
    GoingQuiet { client: String },
    /// The lowest revenue per hour of the AM's time.
    TimeEater {
        client: String,
        revenue_per_hour: Money,
        minutes_12m: u64,
    },
    /// A gold or potential client growing, with nothing at risk.
    Grow {
        client: String,
        tier: Tier,
        revenue_up_bp: i64,
    },
    /// The clients lost in 12 months, with their reasons.
    ClientsLost { lost: Vec<Churn> },
}

/// The briefing, in values: the words are `format::briefing`'s, the JSON
/// (`report --format json`) is `io::report`'s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Briefing {
    pub month: Month,
    pub today: NaiveDate,
    pub currency: String,
    pub plan: PlanSection,
    pub at_risk: Vec<AtRisk>,
    pub tier_moves: Vec<TierMove>,
    pub health: Health,
    pub next_14_days: Vec<Upcoming>,
    pub talking_points: Vec<TalkingPoint>,
}

/// Per-client windows the store aggregates: revenue in the last 3 months
/// and the 3 before; touchpoints in the last 60 days and the 60 before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Windows {
    pub revenue_last_3m: Money,
    pub revenue_prev_3m: Money,
    pub touches_last_60: u32,
    pub touches_prev_60: u32,
}

/// A calendar month's invoiced (expected) and received sums.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthTotal {
    pub month: Month,
    pub expected: Money,
    pub received: Money,
}

/// Everything the briefing is computed from.
pub struct Input<'a> {
    pub month: Month,
    pub today: NaiveDate,
    pub currency: &'a str,
    /// Targets for the 12 months ending with `month`.
    pub targets: &'a [PlanTarget],
    /// Every invoice with a balance left (any month), settled against every
    /// payment: the month lines' outstanding, overdue and forecast and the
    /// invoices due soon come from these; fully paid invoices add nothing.
    pub settled: &'a [Settled],
    /// Per client: balances of its invoices due before today.
    pub receivables: &'a IdMap<Money>,
    /// Expected and received per calendar month, covering the 12 months.
    pub month_totals: &'a [MonthTotal],
    /// Every client's signals as of today, by name (folded, as the store
    /// lists clients): lists of clients keep this order within their ranks.
    pub stats: &'a [ClientStats],
    /// Per client: its contacts and decision makers (the single-thread
    /// signal); clients without contacts may be left out.
    pub contact_counts: &'a IdMap<ContactCounts>,
    /// The contacts whose birthday the next 14 days may hold, whole
    /// ([`birthday_contacts`] picks them; others given are skipped).
    pub birthday_contacts: &'a [Contact],
    /// The open and broken agreements (others may be given: they are skipped).
    pub agreements: &'a [Agreement],
    /// Tier changes dated within `month` (initial tiers included or not: they
    /// are skipped here).
    pub tier_changes: &'a [TierChange],
    /// Status changes of the last 12 months.
    pub status_changes: &'a [StatusChange],
    pub windows: &'a IdMap<Windows>,
    /// Touchpoints whose next step is due within the next 14 days.
    pub next_steps: &'a [NextStep],
}

/// A month's line from its totals and its invoices with a balance left
/// (DOMAIN.md, "The month's figures"), and how many clients still owe on it.
fn month_line(
    month: Month,
    today: NaiveDate,
    target: Option<Money>,
    totals: Option<&MonthTotal>,
    open: &[&Settled],
) -> (MonthLine, usize) {
    let expected = totals.map(|t| t.expected).unwrap_or_default();
    let received = totals.map(|t| t.received).unwrap_or_default();
    let mut outstanding = Money::ZERO;
    let mut overdue = Money::ZERO;
    let mut not_due = Money::ZERO;
    let mut owing = IdSet::default();
    for s in open.iter().filter(|s| s.balance > Money::ZERO) {
        outstanding = outstanding.plus(s.balance);
        if s.invoice.due < today {
            overdue = overdue.plus(s.balance);
        } else {
            not_due = not_due.plus(s.balance);
        }
        owing.insert(s.invoice.client_id);
    }
    (
        MonthLine {
            month,
            target,
            expected,
            received,
            outstanding,
            overdue,
            attainment_bp: target.and_then(|t| ratio_bp(received, t)),
            forecast: received.plus(not_due),
        },
        owing.len(),
    )
}

fn plan_section(input: &Input<'_>) -> PlanSection {
    let months = input.month.trailing(12);
    let first = months.first().copied().unwrap_or(input.month);
    // The open invoices of the 12 months, by their place in them.
    let slot = |m: Month| {
        usize::try_from(first.months_until(m))
            .ok()
            .filter(|&k| k < 12)
    };
    let mut by_month: [Vec<&Settled>; 12] = Default::default();
    for s in input.settled {
        if let Some(k) = slot(s.invoice.month) {
            by_month[k].push(s);
        }
    }
    let totals: HashMap<Month, &MonthTotal> =
        input.month_totals.iter().map(|t| (t.month, t)).collect();
    let targets: HashMap<Month, Money> =
        input.targets.iter().map(|t| (t.month, t.amount)).collect();
    let line = |m: Month| {
        month_line(
            m,
            input.today,
            targets.get(&m).copied(),
            totals.get(&m).copied(),
            slot(m).map_or(&[][..], |k| by_month[k].as_slice()),
        )
    };
    let mut lines: Vec<(MonthLine, usize)> = months.iter().map(|m| line(*m)).collect();
    let (current, clients_outstanding) = lines.pop().unwrap_or_else(|| line(input.month));
    PlanSection {
        current,
        days_left: plan::days_left(input.month, input.today),
        clients_outstanding,
        previous: lines.into_iter().map(|(l, _)| l).collect(),
    }
}

/// What a client has let lapse, by the figures of its own record: contact
/// past its cadence (an active client only: a paused one is not chased)
/// and agreements past their due date. The first reasons of [`at_risk`],
/// and all of what `folio summary` lists.
pub fn overdue_reasons(st: &ClientStats) -> Vec<Reason> {
    let mut reasons = Vec::new();
    if st.client.status == Status::Active && st.neglect.state == NeglectState::Overdue {
        reasons.push(Reason::PastCadence {
            days_since: st.neglect.days_since,
            cadence_days: st.client.cadence_days.unwrap_or(0),
            days_over: st.neglect.days_over,
        });
    }
    let a = st.agreements;
    if a.overdue > 0 {
        reasons.push(Reason::OverdueAgreements {
            ours: a.overdue_ours,
            theirs: a.overdue_theirs,
        });
    }
    reasons
}

/// The clients to talk about and why, gold first, the most reasons first.
pub fn at_risk(input: &Input<'_>) -> Vec<AtRisk> {
    let today = input.today;
    let broken_since = today
        .checked_sub_days(Days::new(BROKEN_WINDOW_DAYS.unsigned_abs()))
        .unwrap_or(today);
    let mut broken: IdMap<(u32, u32)> = IdMap::default();
    for a in input.agreements {
        let when = a.closed_on.or(a.due).unwrap_or(a.made_on);
        if a.status == AgreementStatus::Broken && when > broken_since && when <= today {
            let e = broken.entry(a.client_id).or_default();
            match a.owner {
                Owner::Us => e.0 += 1,
                Owner::Client => e.1 += 1,
            }
        }
    }
    let receivables = input.receivables;
    let mut out: Vec<AtRisk> = Vec::with_capacity(input.stats.len());
    for st in input.stats {
        let c = &st.client;
        if c.status == Status::Churned {
            continue;
        }
        let active = c.status == Status::Active;
        let w = input.windows.get(&c.id).copied().unwrap_or_default();
        let mut reasons = overdue_reasons(st);
        if let Some((by_us, by_client)) = broken.get(&c.id).copied() {
            reasons.push(Reason::BrokenAgreements {
                count: by_us + by_client,
                by_us,
                by_client,
            });
        }
        if let Some(amount) = receivables.get(&c.id).copied().filter(|m| *m > Money::ZERO) {
            reasons.push(Reason::OverdueReceivables { amount });
        }
        // Down by more than a third: last < previous * 2/3.
        let revenue_down = w.revenue_prev_3m > Money::ZERO
            && i128::from(w.revenue_last_3m.minor()) * 3
                < i128::from(w.revenue_prev_3m.minor()) * 2;
        if revenue_down {
            reasons.push(Reason::RevenueDown {
                last_3_months: w.revenue_last_3m,
                previous_3_months: w.revenue_prev_3m,
            });
        }
        // Touchpoints halved while revenue is flat or down.
        if active
            && w.touches_prev_60 >= 2
            && w.touches_last_60 * 2 <= w.touches_prev_60
            && w.revenue_last_3m <= w.revenue_prev_3m
        {
            reasons.push(Reason::SilentDecline {
                touchpoints_last_60_days: w.touches_last_60,
                touchpoints_previous_60_days: w.touches_prev_60,
            });
        }
        let ContactCounts {
            contacts: n_contacts,
            decision_makers: dms,
        } = input.contact_counts.get(&c.id).copied().unwrap_or_default();
        let age = (today - c.since).num_days();
        let onboarding = (0..=ONBOARDING_DAYS).contains(&age);
        if onboarding {
            let mut missing = Vec::new();
            if c.goal.is_none() {
                missing.push(Gap::Goal);
            }
            if c.cadence_days.is_none() {
                missing.push(Gap::Cadence);
            }
            if dms == 0 {
                missing.push(Gap::DecisionMaker);
            }
            if !missing.is_empty() {
                reasons.push(Reason::OnboardingGaps {
                    days_since_start: age,
                    missing,
                });
            }
        }
        if active && (n_contacts <= 1 || dms == 0) && !(onboarding && dms == 0) {
            reasons.push(Reason::SingleThread {
                contacts: n_contacts,
                decision_makers: dms,
            });
        }
        if !reasons.is_empty() {
            out.push(AtRisk {
                client: c.name.clone(),
                client_id: c.id,
                tier: c.tier,
                reasons,
            });
        }
    }
    // Tiers in their order (gold, potential, toxic). Stable: within a tier
    // and a number of reasons, the stats' order (by name) stays.
    out.sort_by_key(|a| (a.tier, std::cmp::Reverse(a.reasons.len())));
    out
}

/// The first `n` of `items` as a stable sort by `order` would leave them,
/// without sorting the rest (a portfolio names 3 time-eaters of 10,000).
fn first_n<T>(
    items: impl Iterator<Item = T>,
    n: usize,
    order: impl Fn(&T, &T) -> std::cmp::Ordering,
) -> Vec<T> {
    let mut ranked: Vec<(usize, T)> = items.enumerate().collect();
    let by = |a: &(usize, T), b: &(usize, T)| order(&a.1, &b.1).then(a.0.cmp(&b.0));
    if ranked.len() > n {
        ranked.select_nth_unstable_by(n, by);
        ranked.truncate(n);
    }
    ranked.sort_unstable_by(by);
    ranked.into_iter().map(|(_, item)| item).collect()
}

fn health(input: &Input<'_>, names: &IdMap<&str>) -> Health {
    let revenues: Vec<(Id, Money)> = input
        .stats
        .iter()
        .map(|s| (s.client.id, s.revenue_12m))
        .collect();
    let c = super::signals::concentration(&revenues);
    let concentration = ConcentrationLine {
        largest_client: c
            .largest_client
            .and_then(|id| names.get(&id).map(|n| n.to_string())),
        largest_share_bp: c.largest_share_bp,
        clients_for_80pct: c.clients_for_80pct,
        client_count: c.client_count,
        revenue_12m: c.total,
        warning: c
            .largest_share_bp
            .is_some_and(|bp| bp > CONCENTRATION_WARNING_BP),
    };
    // The lowest revenue per hour first, then the most minutes, then the
    // stats' order (by name).
    let eaters = first_n(
        input
            .stats
            .iter()
            .filter(|s| s.minutes_12m > 0 && s.client.status != Status::Churned),
        TIME_EATERS,
        |a, b| {
            a.revenue_per_hour
                .cmp(&b.revenue_per_hour)
                .then(b.minutes_12m.cmp(&a.minutes_12m))
        },
    );
    let time_eaters = eaters
        .iter()
        .map(|s| TimeEater {
            client: s.client.name.clone(),
            revenue_per_hour: s.revenue_per_hour.unwrap_or_default(),
            revenue_12m: s.revenue_12m,
            minutes_12m: s.minutes_12m,
        })
        .collect();
    let total_minutes: u64 = input.stats.iter().map(|s| s.minutes_12m).sum();
    let tiers = Tier::ALL
        .iter()
        .map(|t| {
            let of: Vec<&ClientStats> =
                input.stats.iter().filter(|s| s.client.tier == *t).collect();
            let revenue: Money = of.iter().map(|s| s.revenue_12m).sum();
            let minutes: u64 = of.iter().map(|s| s.minutes_12m).sum();
            TierLine {
                tier: *t,
                clients: of.len(),
                revenue_12m: revenue,
                revenue_share_bp: ratio_bp(revenue, c.total),
                minutes_12m: minutes,
                minutes_share_bp: ratio_bp(
                    Money::from_minor(i64::try_from(minutes).unwrap_or(i64::MAX)),
                    Money::from_minor(i64::try_from(total_minutes).unwrap_or(i64::MAX)),
                ),
            }
        })
        .collect();
    let year_ago = super::time::months_before(input.today, 12);
    let churned_12m = input
        .status_changes
        .iter()
        .filter(|s| s.to == Status::Churned && s.on > year_ago && s.on <= input.today)
        .map(|s| Churn {
            client: name_of(names, s.client_id),
            on: s.on,
            reason: s.reason.clone(),
        })
        .collect();
    Health {
        concentration,
        time_eaters,
        tiers,
        churned_12m,
    }
}

/// A client's name by its id (empty for an id not among the clients).
fn name_of(names: &IdMap<&str>, id: Id) -> String {
    names.get(&id).map(|n| n.to_string()).unwrap_or_default()
}

/// The last day of the "next 14 days" from `today`.
fn lookahead_end(today: NaiveDate) -> NaiveDate {
    today
        .checked_add_days(Days::new(LOOKAHEAD_DAYS))
        .unwrap_or(today)
}

fn next_14_days(input: &Input<'_>, names: &IdMap<&str>) -> Vec<Upcoming> {
    let today = input.today;
    let end = lookahead_end(today);
    let within = |d: NaiveDate| d >= today && d <= end;
    let upcoming = |date, client_id, due, amount| Upcoming {
        date,
        client: name_of(names, client_id),
        due,
        amount,
    };
    let churned: IdSet = input
        .stats
        .iter()
        .filter(|s| s.client.status == Status::Churned)
        .map(|s| s.client.id)
        .collect();
    let mut out = Vec::new();
    for t in input.next_steps.iter().filter(|t| within(t.due)) {
        let step = t.step.clone();
        out.push(upcoming(t.due, t.client_id, Due::NextStep { step }, None));
    }
    for a in input.agreements {
        if a.status == AgreementStatus::Open
            && let Some(due) = a.due
            && within(due)
        {
            let (text, owner) = (a.text.clone(), a.owner);
            let agreement = Due::Agreement { text, owner };
            out.push(upcoming(due, a.client_id, agreement, None));
        }
    }
    for s in input.settled {
        if s.balance > Money::ZERO && within(s.invoice.due) {
            let i = &s.invoice;
            let invoice = Due::Invoice { month: i.month };
            out.push(upcoming(i.due, i.client_id, invoice, Some(s.balance)));
        }
    }
    for c in input.birthday_contacts {
        if let Some(b) = c.birthday
            && c.decision_maker
            && !churned.contains(&c.client_id)
        {
            let next = next_birthday(b, today);
            if within(next) {
                let (contact, role) = (c.name.clone(), c.role.clone());
                let birthday = Due::Birthday { contact, role };
                out.push(upcoming(next, c.client_id, birthday, None));
            }
        }
    }
    out.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(a.kind().cmp(&b.kind()))
            .then_with(|| a.client.cmp(&b.client))
    });
    out
}

/// The decision makers whose next birthday falls within the next 14 days
/// (the contacts the "next 14 days" section names), by contact id.
pub fn birthday_contacts(contacts: &[ContactRole], today: NaiveDate) -> Vec<Id> {
    let end = lookahead_end(today);
    contacts
        .iter()
        .filter(|c| c.decision_maker)
        .filter(|c| c.birthday.is_some_and(|b| next_birthday(b, today) <= end))
        .map(|c| c.id)
        .collect()
}

fn talking_points(b: &Briefing, input: &Input<'_>) -> Vec<TalkingPoint> {
    let mut out = Vec::new();
    let p = &b.plan.current;
    out.push(match p.attainment_bp {
        Some(attainment_bp) => TalkingPoint::Plan {
            attainment_bp,
            days_left: b.plan.days_left,
            outstanding: p.outstanding,
            clients_outstanding: b.plan.clients_outstanding,
            forecast: p.forecast,
        },
        None => TalkingPoint::NoTarget {
            month: p.month,
            received: p.received,
            forecast: p.forecast,
        },
    });
    for r in b.at_risk.iter().filter(|r| r.tier == Tier::Gold) {
        for reason in &r.reasons {
            if let &Reason::PastCadence {
                days_since,
                cadence_days,
                ..
            } = reason
            {
                let client = r.client.clone();
                out.push(match days_since {
                    Some(days_since) => TalkingPoint::GoldNotContacted {
                        client,
                        days_since,
                        cadence_days,
                    },
                    None => TalkingPoint::GoldNeverContacted {
                        client,
                        cadence_days,
                    },
                });
            }
        }
    }
    let receivables: Vec<(&str, Money)> = b
        .at_risk
        .iter()
        .filter_map(|r| {
            r.reasons.iter().find_map(|x| match x {
                Reason::OverdueReceivables { amount } => Some((r.client.as_str(), *amount)),
                _ => None,
            })
        })
        .collect();
    if let Some((largest, amount)) = receivables.iter().max_by_key(|(_, m)| *m) {
        out.push(TalkingPoint::OverdueReceivables {
            total: receivables.iter().map(|(_, m)| *m).sum(),
            clients: receivables.len(),
            largest: largest.to_string(),
            largest_amount: *amount,
        });
    }
    let h = &b.health.concentration;
    if h.warning
        && let (Some(name), Some(bp)) = (&h.largest_client, h.largest_share_bp)
    {
        out.push(TalkingPoint::Concentration {
            client: name.clone(),
            share_bp: bp,
        });
    }
    for m in &b.tier_moves {
        out.push(TalkingPoint::TierMove {
            client: m.client.clone(),
            from: m.from,
            to: m.to,
            reason: m.reason.clone(),
        });
    }
    for r in &b.at_risk {
        if r.reasons
            .iter()
            .any(|x| matches!(x, Reason::SilentDecline { .. }))
        {
            out.push(TalkingPoint::GoingQuiet {
                client: r.client.clone(),
            });
        }
    }
    if let Some(e) = b.health.time_eaters.first() {
        out.push(TalkingPoint::TimeEater {
            client: e.client.clone(),
            revenue_per_hour: e.revenue_per_hour,
            minutes_12m: e.minutes_12m,
        });
    }
    // Growth: gold and potential clients with nothing at risk and revenue up.
    let risky: IdSet = b.at_risk.iter().map(|r| r.client_id).collect();
    let mut growth: Vec<(&ClientStats, Windows)> = input
        .stats
        .iter()
        .filter(|s| s.client.status == Status::Active && s.client.tier != Tier::Toxic)
        .filter(|s| !risky.contains(&s.client.id))
        .filter_map(|s| input.windows.get(&s.client.id).map(|w| (s, *w)))
        .filter(|(_, w)| w.revenue_last_3m > w.revenue_prev_3m && w.revenue_prev_3m > Money::ZERO)
        .collect();
    growth.sort_by_key(|(_, w)| std::cmp::Reverse(w.revenue_last_3m));
    for (s, w) in growth.iter().take(2) {
        out.push(TalkingPoint::Grow {
            client: s.client.name.clone(),
            tier: s.client.tier,
            revenue_up_bp: ratio_bp(
                w.revenue_last_3m.minus(w.revenue_prev_3m),
                w.revenue_prev_3m,
            )
            .unwrap_or(0),
        });
    }
    if !b.health.churned_12m.is_empty() {
        out.push(TalkingPoint::ClientsLost {
            lost: b.health.churned_12m.clone(),
        });
    }
    out
}

/// Build the briefing for `input.month` as of `input.today`.
pub fn build(input: &Input<'_>) -> Briefing {
    let names: IdMap<&str> = input
        .stats
        .iter()
        .map(|s| (s.client.id, s.client.name.as_str()))
        .collect();
    let tier_moves = input
        .tier_changes
        .iter()
        .filter(|t| input.month.contains(t.on))
        .filter_map(|t| {
            t.from.map(|from| TierMove {
                client: name_of(&names, t.client_id),
                client_id: t.client_id,
                on: t.on,
                from,
                to: t.to,
                reason: t.reason.clone(),
            })
        })
        .collect();
    let mut b = Briefing {
        month: input.month,
        today: input.today,
        currency: input.currency.to_string(),
        plan: plan_section(input),
        at_risk: at_risk(input),
        tier_moves,
        health: health(input, &names),
        next_14_days: next_14_days(input, &names),
        talking_points: Vec::new(),
    };
    b.talking_points = talking_points(&b, input);
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::signals::Neglect;
    use crate::domain::time::d;

    proptest::proptest! {
        #[test]
        fn first_n_is_the_head_of_a_stable_sort(
            items in proptest::collection::vec((0u8..4, 0u8..4), 0..40),
            n in 0usize..8,
        ) {
            // Sorted on the first field only: ties keep their input order.
            let mut sorted = items.clone();
            sorted.sort_by_key(|p| p.0);
            sorted.truncate(n);
            proptest::prop_assert_eq!(
                first_n(items.into_iter(), n, |a, b| a.0.cmp(&b.0)),
                sorted
            );
        }
    }

    /// A client's stats with nothing logged but its neglect.
    fn stats(id: Id, name: &str, tier: Tier, status: Status, neglect: Neglect) -> ClientStats {
        ClientStats {
            client: super::super::model::Client {
                id,
                name: name.into(),
                tier,
                status,
                since: d(2020, 1, 1),
                cadence_days: Some(14),
                channel: None,
                goal: Some("growth".into()),
                notes: String::new(),
            },
            revenue_12m: Money::ZERO,
            revenue_lifetime: Money::ZERO,
            share_bp: None,
            average_check_12m: None,
            last_touch: None,
            neglect,
            minutes_12m: 0,
            revenue_per_hour: None,
            agreements: Default::default(),
            months_active: 0,
        }
    }

    /// A paused client is not chased for contact, but its overdue
    /// agreements still count; an active one gets both, cadence first.
    #[test]
    fn overdue_reasons_chase_contact_only_for_active_clients() {
        let late = Neglect {
            days_since: Some(20),
            state: NeglectState::Overdue,
            days_over: 6,
        };
        let mut paused = stats(1, "Alpha", Tier::Gold, Status::Paused, late);
        assert_eq!(overdue_reasons(&paused), vec![]);
        paused.agreements.overdue = 1;
        paused.agreements.overdue_theirs = 1;
        let agreements = Reason::OverdueAgreements { ours: 0, theirs: 1 };
        assert_eq!(overdue_reasons(&paused), vec![agreements.clone()]);
        let active = ClientStats {
            client: crate::domain::Client {
                status: Status::Active,
                ..paused.client.clone()
            },
            ..paused
        };
        let cadence = Reason::PastCadence {
            days_since: Some(20),
            cadence_days: 14,
            days_over: 6,
        };
        assert_eq!(overdue_reasons(&active), vec![cadence, agreements]);
    }

    /// The talking points and the next days come out as values: who, how
    /// much, how many, which tier, whose agreement (no words to compare).
    #[test]
    fn talking_points_and_next_days_are_values() {
        let today = d(2026, 11, 23);
        let fine = Neglect {
            days_since: Some(3),
            state: NeglectState::Fine,
            days_over: 0,
        };
        let late = Neglect {
            days_since: Some(20),
            state: NeglectState::Overdue,
            days_over: 6,
        };
        let all = [
            stats(1, "Alpha", Tier::Gold, Status::Active, late),
            stats(2, "Beta", Tier::Potential, Status::Active, fine),
            stats(3, "Gamma", Tier::Toxic, Status::Churned, fine),
        ];
        let two = ContactCounts {
            contacts: 2,
            decision_makers: 1,
        };
        let contact_counts: IdMap<ContactCounts> = [(1, two), (2, two)].into_iter().collect();
        let receivables: IdMap<Money> = [(1, Money::major(500))].into_iter().collect();
        let growing = Windows {
            revenue_last_3m: Money::major(1_200),
            revenue_prev_3m: Money::major(1_000),
            ..Windows::default()
        };
        let windows: IdMap<Windows> = [(2, growing)].into_iter().collect();
        let agreement = Agreement {
            id: 1,
            client_id: 2,
            made_on: d(2026, 11, 1),
            text: "Send the brief".into(),
            owner: Owner::Client,
            due: Some(d(2026, 11, 30)),
            status: AgreementStatus::Open,
            closed_on: None,
        };
        let moved = TierChange {
            id: 1,
            client_id: 1,
            on: d(2026, 11, 5),
            from: Some(Tier::Potential),
            to: Tier::Gold,
            reason: "Budget approved".into(),
        };
        let churned = StatusChange {
            id: 1,
            client_id: 3,
            on: d(2026, 10, 1),
            from: Some(Status::Active),
            to: Status::Churned,
            reason: "Closed".into(),
        };
        let input = Input {
            month: Month::of(today),
            today,
            currency: "RUB",
            targets: &[],
            settled: &[],
            receivables: &receivables,
            month_totals: &[],
            stats: &all,
            contact_counts: &contact_counts,
            birthday_contacts: &[],
            agreements: std::slice::from_ref(&agreement),
            tier_changes: std::slice::from_ref(&moved),
            status_changes: std::slice::from_ref(&churned),
            windows: &windows,
            next_steps: &[],
        };
        let b = build(&input);
        assert_eq!(
            b.talking_points,
            vec![
                TalkingPoint::NoTarget {
                    month: Month::of(today),
                    received: Money::ZERO,
                    forecast: Money::ZERO,
                },
                TalkingPoint::GoldNotContacted {
                    client: "Alpha".into(),
                    days_since: 20,
                    cadence_days: 14,
                },
                TalkingPoint::OverdueReceivables {
                    total: Money::major(500),
                    clients: 1,
                    largest: "Alpha".into(),
                    largest_amount: Money::major(500),
                },
                TalkingPoint::TierMove {
                    client: "Alpha".into(),
                    from: Tier::Potential,
                    to: Tier::Gold,
                    reason: "Budget approved".into(),
                },
                TalkingPoint::Grow {
                    client: "Beta".into(),
                    tier: Tier::Potential,
                    revenue_up_bp: 2_000,
                },
                TalkingPoint::ClientsLost {
                    lost: vec![Churn {
                        client: "Gamma".into(),
                        on: d(2026, 10, 1),
                        reason: "Closed".into(),
                    }],
                },
            ]
        );
        assert_eq!(
            b.next_14_days,
            vec![Upcoming {
                date: d(2026, 11, 30),
                client: "Beta".into(),
                due: Due::Agreement {
                    text: "Send the brief".into(),
                    owner: Owner::Client,
                },
                amount: None,
            }]
        );
        assert_eq!(b.next_14_days[0].kind(), UpcomingKind::Agreement);
    }

    #[test]
    fn birthday_contacts_are_decision_makers_within_the_next_14_days() {
        let role = |id: Id, decision_maker: bool, birthday: Option<NaiveDate>| ContactRole {
            id,
            client_id: 1,
            decision_maker,
            birthday,
        };
        let contacts = [
            role(1, true, Some(d(1980, 12, 20))),  // today
            role(2, true, Some(d(1980, 1, 3))),    // across the new year, day 14
            role(3, true, Some(d(1980, 1, 4))),    // day 15: too late
            role(4, false, Some(d(1980, 12, 25))), // not a decision maker
            role(5, true, None),
            role(6, true, Some(d(1980, 12, 19))), // yesterday: next year
        ];
        assert_eq!(birthday_contacts(&contacts, d(2026, 12, 20)), vec![1, 2]);
        // 29 February falls on 28 February in a common year.
        let leap = [role(7, true, Some(d(1992, 2, 29)))];
        assert_eq!(birthday_contacts(&leap, d(2027, 2, 14)), vec![7]);
        assert_eq!(birthday_contacts(&leap, d(2027, 2, 13)), Vec::<Id>::new());
    }
}
