//! The demo portfolio: about 25 believable agency clients (profiles in
//! `assets/demo/clients.json`) with 18 months of touchpoints, agreements,
//! invoices, payments and plan targets, all generated relative to `today` by a
//! seeded generator: the same today always gives the same portfolio.

use chrono::{Datelike, NaiveDate, TimeDelta};
use serde::Deserialize;

use crate::domain::time::months_before;
use crate::domain::{
    AgreementStatus, Money, Month, NewAgreement, NewClient, NewContact, NewInvoice, NewPayment,
    NewTouchpoint, Owner, PlanTarget, Status, Tier, TouchKind,
};

const PROFILES: &str = include_str!("../assets/demo/clients.json");
const TEXTS: &str = include_str!("../assets/demo/texts.json");

/// How far back the demo's records go.
pub const HISTORY_MONTHS: u32 = 18;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoClient {
    /// Current tier and status; `since` is the start of the relationship.
    pub client: NewClient,
    pub contacts: Vec<NewContact>,
    /// `(on, from, to, reason)`, oldest first; the first has `from = None`.
    pub tier_history: Vec<(NaiveDate, Option<Tier>, Tier, String)>,
    pub status_history: Vec<(NaiveDate, Option<Status>, Status, String)>,
    pub touchpoints: Vec<NewTouchpoint>,
    pub agreements: Vec<NewAgreement>,
    pub invoices: Vec<NewInvoice>,
    pub payments: Vec<NewPayment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Demo {
    pub currency: &'static str,
    pub clients: Vec<DemoClient>,
    pub targets: Vec<PlanTarget>,
}

/// What happens to a client over the demo's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Story {
    /// Paid on time, contacted on cadence.
    Healthy,
    /// Gold but not contacted for weeks: the classic silent churn.
    Neglected,
    /// Budget and touchpoints fading over the last months.
    Decline,
    /// Pays weeks late; the latest invoices are overdue.
    Late,
    /// Revisions, unplanned calls, broken agreements, many minutes.
    Toxic,
    /// Paid ahead: a credit settles the next invoice.
    Prepaid,
    /// New client: in its first 60 days, profile incomplete.
    Onboarding,
    Paused,
    Churned,
}

#[derive(Debug, Clone, Deserialize)]
struct Move {
    from: String,
    months_ago: u32,
    reason: String,
}

#[derive(Debug, Clone, Deserialize)]
struct ContactProfile {
    name: String,
    role: String,
    dm: bool,
    #[serde(default)]
    birthday: Option<String>,
    /// A birthday this many days after today (so the briefing has one).
    #[serde(default)]
    birthday_in: Option<u64>,
}

#[derive(Debug, Clone, Deserialize)]
struct Profile {
    name: String,
    lang: String,
    tier: String,
    /// Monthly fee in whole roubles.
    fee: i64,
    cadence: u32,
    channel: String,
    goal: String,
    /// Months since the relationship started.
    started: u32,
    story: Story,
    #[serde(default, rename = "move")]
    moved: Option<Move>,
    contacts: Vec<ContactProfile>,
}

fn profiles() -> Vec<Profile> {
    serde_json::from_str(PROFILES).unwrap_or_default()
}

/// splitmix64: tiny, fast and deterministic; plenty for demo data and for
/// `folio gen` (ops::synth), which seeds it directly.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number below `n` (0, drawing nothing, when `n` is 0).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }

    /// A whole number in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One of `texts` (an empty text when there are none).
    fn pick(&mut self, texts: &[String]) -> String {
        let i = self.below(texts.len() as u64) as usize;
        texts.get(i).cloned().unwrap_or_default()
    }
}

/// `d` moved by `days`, back when negative.
pub(crate) fn shift(d: NaiveDate, days: i64) -> NaiveDate {
    TimeDelta::try_days(days)
        .and_then(|delta| d.checked_add_signed(delta))
        .unwrap_or(d)
}

/// `day` of `month`, or its last day when the month is shorter.
pub(crate) fn day_of(month: Month, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(month.year(), month.month(), day.min(month.days()))
        .unwrap_or(month.first_day())
}

fn round_to(amount: i64, step: i64) -> i64 {
    ((amount + step / 2) / step * step).max(step)
}

/// What the demo's records say in one language: touchpoints' summaries by
/// kind, next steps, agreements by who owes them, the history's first
/// reasons and payments' notes.
#[derive(Debug, Default, Deserialize)]
struct Texts {
    call: Vec<String>,
    meeting: Vec<String>,
    email: Vec<String>,
    message: Vec<String>,
    report: Vec<String>,
    unplanned: Vec<String>,
    next: Vec<String>,
    agreements_us: Vec<String>,
    agreements_client: Vec<String>,
    initial: String,
    onboarded: String,
    payment: String,
    prepayment: String,
}

/// The demo's texts in Russian and English (`assets/demo/texts.json`).
#[derive(Debug, Default, Deserialize)]
struct Languages {
    ru: Texts,
    en: Texts,
}

/// Generate the demo portfolio as of `today`.
pub fn generate(today: NaiveDate) -> Demo {
    let texts: Languages = serde_json::from_str(TEXTS).unwrap_or_default();
    let clients: Vec<DemoClient> = profiles()
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let t = if p.lang == "ru" { &texts.ru } else { &texts.en };
            client(i, p, t, today)
        })
        .collect();
    let targets = targets(&clients, today);
    Demo {
        currency: "RUB",
        clients,
        targets,
    }
}

fn client(index: usize, p: &Profile, t: &Texts, today: NaiveDate) -> DemoClient {
    let mut rng = Rng::new(index as u64 * 7919 + 17);
    let tier = Tier::parse(&p.tier).unwrap_or(Tier::Potential);
    let since = if p.started <= 2 {
        shift(today, -(i64::from(p.started) * 30 - rng.range(0, 6)))
    } else {
        shift(months_before(today, p.started), rng.range(-10, 10)).min(today)
    };
    let history_start = months_before(today, HISTORY_MONTHS);
    let start = since.max(history_start);
    // A churned or paused client's records end when it left, for a reason.
    const CHURNED: &str =
        "Moved marketing in-house after a budget cut (our fault: reports were late)";
    const PAUSED: &str = "Сезонная пауза до весны";
    let (status, end, left) = match p.story {
        Story::Churned => (Status::Churned, months_before(today, 5), Some(CHURNED)),
        Story::Paused => (Status::Paused, months_before(today, 2), Some(PAUSED)),
        _ => (Status::Active, today, None),
    };

    let mut tier_history = Vec::new();
    let initial = p
        .moved
        .as_ref()
        .and_then(|m| Tier::parse(&m.from).ok())
        .unwrap_or(tier);
    tier_history.push((since, None, initial, t.initial.clone()));
    if let Some(m) = &p.moved {
        let on = if m.months_ago == 0 {
            // In today's month: the briefing shows this month's moves.
            shift(today, -i64::from(today.day().saturating_sub(1).min(3)))
        } else {
            months_before(today, m.months_ago).max(since)
        };
        tier_history.push((on, Some(initial), tier, m.reason.clone()));
    }

    let mut status_history = vec![(since, None, Status::Active, t.onboarded.clone())];
    if let Some(reason) = left {
        status_history.push((end, Some(Status::Active), status, reason.to_string()));
    }

    let contacts = p
        .contacts
        .iter()
        .enumerate()
        .map(|(ci, c)| contact(c, ci, &p.lang, today))
        .collect();

    let (invoices, payments) = money(&mut rng, p, t, start, end, today);
    DemoClient {
        client: NewClient {
            name: p.name.clone(),
            tier,
            status,
            since,
            cadence_days: Some(p.cadence),
            channel: Some(p.channel.clone()),
            goal: (!p.goal.is_empty()).then(|| p.goal.clone()),
            notes: String::new(),
        },
        contacts,
        tier_history,
        status_history,
        touchpoints: touchpoints(&mut rng, p, t, start, end, today),
        agreements: agreements(&mut rng, index, p, t, start, end, today),
        invoices,
        payments,
    }
}

fn contact(c: &ContactProfile, index: usize, lang: &str, today: NaiveDate) -> NewContact {
    let birthday = match (c.birthday_in, &c.birthday) {
        (Some(days), _) => {
            let d = shift(today, days as i64);
            NaiveDate::from_ymd_opt(1984, d.month(), d.day())
                .or_else(|| NaiveDate::from_ymd_opt(1984, 2, 28))
        }
        (None, Some(text)) => crate::domain::parse_date(text).ok(),
        (None, None) => None,
    };
    let (phone, email) = if lang == "ru" {
        (
            Some(format!(
                "+7 916 {:03}-{:02}-{:02}",
                100 + index * 37 % 900,
                10 + index * 7 % 90,
                11 + index * 13 % 89
            )),
            None,
        )
    } else {
        let user: String = c
            .name
            .to_lowercase()
            .chars()
            .map(|ch| if ch == ' ' { '.' } else { ch })
            .filter(|ch| ch.is_ascii_alphanumeric() || *ch == '.')
            .collect();
        (None, Some(format!("{user}@example.com")))
    };
    NewContact {
        name: c.name.clone(),
        role: Some(c.role.clone()),
        decision_maker: c.dm,
        phone,
        email,
        birthday,
    }
}

fn touchpoints(
    rng: &mut Rng,
    p: &Profile,
    t: &Texts,
    start: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
) -> Vec<NewTouchpoint> {
    let cadence = i64::from(p.cadence.max(1));
    // The neglected gold client: nothing for the last seven weeks.
    let stop = match p.story {
        Story::Neglected => shift(today, -(cadence * 3 + 6)),
        _ => end,
    };
    let mut out = Vec::new();
    let mut at = shift(start, rng.range(0, cadence / 2));
    while at <= stop {
        let recent_decline = p.story == Story::Decline && (today - at).num_days() < 60;
        // The kind, its summaries and its minutes' range.
        let (mut kind, texts, (lo, hi)) = match rng.range(0, 99) {
            0..=29 => (TouchKind::Call, &t.call, (15, 45)),
            30..=49 => (TouchKind::Email, &t.email, (5, 20)),
            50..=67 => (TouchKind::Message, &t.message, (2, 10)),
            68..=84 => (TouchKind::Meeting, &t.meeting, (45, 120)),
            _ => (TouchKind::Report, &t.report, (60, 120)),
        };
        let mut summary = rng.pick(texts);
        let mut minutes = rng.range(lo, hi);
        if p.story == Story::Toxic && rng.chance(45) {
            kind = TouchKind::Call;
            summary = rng.pick(&t.unplanned);
            minutes = rng.range(40, 110);
        }
        // Next steps on recent touchpoints (older ones are long done); a few
        // from the last weeks are still open past their date.
        let age = (today - at).num_days();
        let (next_step, next_due) = if age < 10 || (age < 45 && rng.chance(30)) {
            let due = shift(at, rng.range(3, 12));
            (Some(rng.pick(&t.next)), Some(due))
        } else {
            (None, None)
        };
        out.push(NewTouchpoint {
            at,
            kind,
            summary,
            minutes: u32::try_from(minutes).unwrap_or(0),
            next_step,
            next_due,
        });
        let step = match p.story {
            Story::Toxic | Story::Onboarding => (cadence / 2).max(1),
            _ if recent_decline => cadence * 5 / 2,
            _ => cadence,
        };
        at = shift(at, (step + rng.range(-step / 3, step / 4)).max(1));
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn agreements(
    rng: &mut Rng,
    index: usize,
    p: &Profile,
    t: &Texts,
    start: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
) -> Vec<NewAgreement> {
    let mut out = Vec::new();
    let span = (end - start).num_days().max(1);
    let count = if p.story == Story::Toxic {
        8
    } else {
        rng.range(2, 5)
    };
    for _ in 0..count {
        let made_on = shift(start, rng.range(0, (span - 10).max(0)));
        let due = shift(made_on, rng.range(5, 30));
        let (owner, texts) = if rng.chance(55) {
            (Owner::Us, &t.agreements_us)
        } else {
            (Owner::Client, &t.agreements_client)
        };
        let text = rng.pick(texts);
        let (status, closed_on) = if due < shift(today, -3) {
            let roll = rng.range(0, 99);
            let status = match (p.story, owner) {
                (Story::Toxic, Owner::Client) if roll < 55 => AgreementStatus::Broken,
                (_, _) if roll < 8 => AgreementStatus::Broken,
                (_, _) if roll < 13 => AgreementStatus::Cancelled,
                _ => AgreementStatus::Kept,
            };
            (status, Some(shift(due, rng.range(-3, 4)).min(today)))
        } else {
            (AgreementStatus::Open, None)
        };
        out.push(NewAgreement {
            made_on,
            text,
            owner,
            due: Some(due),
            status,
            closed_on,
        });
    }
    let special = match index % 6 {
        // A few open ones around today: overdue, and due within two weeks.
        0 => Some((&t.agreements_us, Owner::Us, -20, -4)),
        1 => Some((&t.agreements_client, Owner::Client, -10, 6)),
        3 => Some((&t.agreements_us, Owner::Us, -5, 10)),
        4 if p.story == Story::Toxic => Some((&t.agreements_client, Owner::Client, -30, -9)),
        _ => None,
    };
    if let (true, Some((text, owner, made, due))) = (end == today, special) {
        out.push(NewAgreement {
            made_on: shift(today, made).max(start),
            text: text[index % text.len()].clone(),
            owner,
            due: Some(shift(today, due)),
            status: AgreementStatus::Open,
            closed_on: None,
        });
    }
    if index == 0 {
        out.push(NewAgreement {
            made_on: shift(today, -60),
            text: t.agreements_us[4].clone(),
            owner: Owner::Us,
            due: Some(shift(today, -40)),
            status: AgreementStatus::Cancelled,
            closed_on: Some(shift(today, -45)),
        });
    }
    out.sort_by_key(|a| a.made_on);
    out
}

fn money(
    rng: &mut Rng,
    p: &Profile,
    t: &Texts,
    start: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
) -> (Vec<NewInvoice>, Vec<NewPayment>) {
    let mut invoices = Vec::new();
    let mut payments = Vec::new();
    let first = Month::of(start);
    let last = Month::of(end);
    let current = Month::of(today);
    if p.story == Story::Prepaid {
        payments.push(NewPayment {
            on: start,
            amount: Money::major(p.fee * 2),
            note: t.prepayment.clone(),
        });
    }
    let mut month = first;
    while month <= last {
        let months_back = month.months_until(current);
        let mut fee = p.fee;
        if p.story == Story::Decline && months_back < 3 {
            fee = round_to(fee * 70 / 100, 1000);
        }
        if rng.chance(12) {
            fee += round_to(p.fee * 30 / 100, 1000);
        }
        let due = day_of(month, 10).max(start);
        if end < today && due > end {
            // Churned or paused before this month's invoice was due.
            break;
        }
        let amount = Money::major(fee);
        invoices.push(NewInvoice { month, amount, due });
        let (delay, share) = match p.story {
            Story::Late => (rng.range(25, 55), 100),
            Story::Toxic => (rng.range(5, 30), if rng.chance(20) { 50 } else { 100 }),
            Story::Decline if months_back < 3 => (rng.range(0, 10), 60),
            Story::Prepaid if month == first => (0, 0),
            _ => (rng.range(-5, 3), 100),
        };
        // Never paid before the relationship began.
        let on = shift(due, delay).max(start);
        if share > 0 && on <= today {
            payments.push(NewPayment {
                on,
                amount: Money::major(round_to(fee * share / 100, 100)),
                note: format!("{} {month}", t.payment),
            });
        }
        month = month.next();
    }
    // Steady clients are already billed for next month.
    if matches!(p.story, Story::Healthy) && end == today && p.fee % 3 == 0 {
        let next = current.next();
        invoices.push(NewInvoice {
            month: next,
            amount: Money::major(p.fee),
            due: day_of(next, 10),
        });
    }
    (invoices, payments)
}

/// Monthly targets near what was expected: a steady AM is set around 100 %.
fn targets(clients: &[DemoClient], today: NaiveDate) -> Vec<PlanTarget> {
    const FACTORS: [i64; 6] = [100, 95, 105, 110, 90, 100];
    let current = Month::of(today);
    let mut out = Vec::new();
    // The history's months and the next one.
    let months = current.next().trailing(HISTORY_MONTHS + 1);
    for (i, month) in months.into_iter().enumerate() {
        // Next month is only partly billed yet: plan it on this month's basis.
        let basis = month.min(current);
        let expected: i64 = clients
            .iter()
            .flat_map(|c| c.invoices.iter())
            .filter(|inv| inv.month == basis)
            .map(|inv| inv.amount.minor() / 100)
            .sum();
        if expected > 0 {
            let amount = round_to(expected * FACTORS[i % FACTORS.len()] / 100, 50_000);
            out.push(PlanTarget {
                month,
                amount: Money::major(amount),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::MAX_AMOUNT;
    use crate::domain::{name_key, signals};
    use std::collections::HashSet;

    use crate::domain::time::d;

    const TODAY: (i32, u32, u32) = (2026, 11, 23);

    #[test]
    fn the_asset_parses() {
        assert_eq!(profiles().len(), 25);
        let texts: Languages = serde_json::from_str(TEXTS).unwrap();
        assert_eq!(texts.ru.call.len(), texts.en.call.len());
    }

    #[test]
    fn deterministic_for_a_given_today() {
        let today = d(TODAY.0, TODAY.1, TODAY.2);
        assert_eq!(generate(today), generate(today));
        assert_ne!(generate(today), generate(d(2026, 11, 24)));
    }

    fn check_invariants(today: NaiveDate) {
        let demo = generate(today);
        let n = demo.clients.len();
        assert!((22..=28).contains(&n), "{n} clients");
        for tier in Tier::ALL {
            assert!(
                demo.clients.iter().any(|c| c.client.tier == *tier),
                "no {tier}"
            );
        }
        let cyrillic = demo
            .clients
            .iter()
            .filter(|c| {
                c.client
                    .name
                    .chars()
                    .any(|ch| ('а'..='я').contains(&ch.to_lowercase().next().unwrap_or(ch)))
            })
            .count();
        assert!(
            cyrillic >= 5 && n - cyrillic >= 5,
            "{cyrillic} Russian names"
        );
        let keys: HashSet<String> = demo
            .clients
            .iter()
            .map(|c| name_key(&c.client.name))
            .collect();
        assert_eq!(keys.len(), n, "names unique");

        let all_touch: Vec<&NewTouchpoint> =
            demo.clients.iter().flat_map(|c| &c.touchpoints).collect();
        assert!(
            all_touch.iter().all(|t| t.at <= today),
            "no touchpoint after today"
        );
        let oldest = all_touch.iter().map(|t| t.at).min().unwrap();
        assert!(
            oldest >= months_before(today, 18) && oldest <= months_before(today, 17),
            "oldest {oldest}"
        );
        for c in &demo.clients {
            assert!(
                c.payments.iter().all(|p| p.on <= today
                    && p.amount.minor() > 0
                    && p.amount.minor() <= MAX_AMOUNT)
            );
            assert!(
                c.invoices
                    .iter()
                    .all(|i| i.amount.minor() > 0 && i.amount.minor() <= MAX_AMOUNT)
            );
            assert!(c.tier_history[0].1.is_none());
            assert_eq!(c.tier_history.last().map(|h| h.2), Some(c.client.tier));
            assert!(c.client.since <= today);
            assert!(
                c.payments.iter().all(|p| p.on >= c.client.since),
                "{}: paid before since",
                c.client.name
            );
            if c.client.status != Status::Active {
                let left = c.status_history.last().map(|h| h.0).unwrap_or(today);
                assert!(
                    c.invoices.iter().all(|i| i.due <= left),
                    "{}: billed after leaving",
                    c.client.name
                );
            }
            for a in &c.agreements {
                assert_eq!(a.status == AgreementStatus::Open, a.closed_on.is_none());
                assert!(a.due.is_none_or(|due| due >= a.made_on));
            }
        }
        let agreements: Vec<&NewAgreement> =
            demo.clients.iter().flat_map(|c| &c.agreements).collect();
        for s in AgreementStatus::ALL {
            assert!(
                agreements.iter().any(|a| a.status == *s),
                "no {s} agreement"
            );
        }
        let open_due = |from: i64, to: i64| {
            agreements.iter().any(|a| {
                a.status == AgreementStatus::Open
                    && a.due.is_some_and(|due| {
                        (due - today).num_days() >= from && (due - today).num_days() <= to
                    })
            })
        };
        assert!(open_due(-365, -1), "an overdue agreement");
        assert!(open_due(0, 14), "an agreement due within 14 days");

        // A gold client past its cadence.
        assert!(demo.clients.iter().any(|c| {
            let last = c.touchpoints.iter().map(|t| t.at).max();
            c.client.tier == Tier::Gold
                && signals::neglect(last, c.client.since, c.client.cadence_days, today).state
                    == signals::NeglectState::Overdue
        }));
        // Overdue receivables somewhere.
        assert!(demo.clients.iter().any(|c| {
            let billed: i64 = c
                .invoices
                .iter()
                .filter(|i| i.due < today)
                .map(|i| i.amount.minor())
                .sum();
            let paid: i64 = c.payments.iter().map(|p| p.amount.minor()).sum();
            billed > paid
        }));
        // A tier move this month, a birthday within 14 days, a churned client.
        assert!(demo.clients.iter().any(|c| {
            c.tier_history
                .iter()
                .any(|h| h.1.is_some() && Month::of(h.0) == Month::of(today) && h.0 <= today)
        }));
        assert!(demo.clients.iter().flat_map(|c| &c.contacts).any(|p| {
            p.birthday
                .is_some_and(|b| (signals::next_birthday(b, today) - today).num_days() <= 14)
        }));
        assert!(
            demo.clients
                .iter()
                .any(|c| c.client.status == Status::Churned)
        );
        assert!(demo.targets.iter().any(|t| t.month == Month::of(today)));
        // Next month's target is planned on a full month, not a partial bill.
        let target = |m: Month| {
            demo.targets
                .iter()
                .find(|t| t.month == m)
                .map(|t| t.amount.minor())
        };
        let (this, next) = (target(Month::of(today)), target(Month::of(today).next()));
        assert!(
            next.unwrap_or(0) * 10 >= this.unwrap_or(0) * 8,
            "{next:?} vs {this:?}"
        );
        // Open next steps past their date are a handful, not hundreds.
        let stale = demo
            .clients
            .iter()
            .flat_map(|c| &c.touchpoints)
            .filter(|t| t.next_due.is_some_and(|d| d < today))
            .count();
        assert!(stale <= 60, "{stale} next steps past due");
    }

    #[test]
    fn invariants_hold_on_several_todays() {
        check_invariants(d(TODAY.0, TODAY.1, TODAY.2));
        check_invariants(d(2024, 2, 29));
        check_invariants(d(2026, 1, 1));
        check_invariants(d(2030, 12, 31));
    }
}
