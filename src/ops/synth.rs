//! `folio gen`: a deterministic synthetic portfolio of any size, for
//! benchmarks. Tiers, cadences, contacts, agreements, plans, expected and
//! received payments spread over `months`, touchpoints spread over clients and
//! time. Written in one transaction with cached statements.

use chrono::NaiveDate;

use super::{OpError, OpResult};
use crate::demo::{Rng, day_of, shift};
use crate::domain::{
    AgreementStatus, Id, Money, Month, NewAgreement, NewClient, NewContact, NewInvoice, NewPayment,
    NewTouchpoint, Owner, Status, Tier, TouchKind,
};
use crate::store::{Db, Store, clients, ledger, log};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenSize {
    pub clients: u32,
    pub touchpoints: u64,
    pub months: u32,
    pub seed: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GenCounts {
    pub clients: u64,
    pub touchpoints: u64,
    pub agreements: u64,
    pub invoices: u64,
    pub payments: u64,
}

const WORDS_RU: &[&str] = &[
    "Ромашка",
    "Вектор",
    "Горизонт",
    "Уют",
    "Северный",
    "Альфа",
    "Гранд",
    "Лидер",
];
const WORDS_EN: &[&str] = &[
    "Northwind",
    "Bluefern",
    "Helios",
    "Orbit",
    "Atlas",
    "Pinecrest",
    "Silverline",
    "Quantum",
];
const SUMMARIES: &[&str] = &[
    "Monthly results call",
    "Обсудили бюджет на квартал",
    "Sent the report",
    "Согласовали креативы",
    "Strategy session",
    "Ответили на вопросы по статистике",
];

/// The dates a generation spans.
#[derive(Clone, Copy)]
struct Span {
    today: NaiveDate,
    months: u32,
    first: Month,
    start: NaiveDate,
    days: u64,
}

/// Fill an empty store; `progress` is told the share done (0..=100).
pub fn generate(
    store: &mut Store,
    size: GenSize,
    today: NaiveDate,
    progress: &mut dyn FnMut(u64),
) -> OpResult<GenCounts> {
    if !store.is_empty()? {
        return Err(super::invalid("gen", crate::domain::Refusal::GenNotEmpty));
    }
    let months = size.months.max(1);
    let first = Month::of(today).plus_months(-(months as i32 - 1));
    let start = first.first_day();
    let span = Span {
        today,
        months,
        first,
        start,
        days: (today - start).num_days().max(1) as u64,
    };
    // A bulk write: a larger page cache for its duration.
    store.set_cache_kib(super::import::BULK_CACHE_KIB)?;
    let counts = write(store, size, span, progress);
    store.set_cache_kib(crate::store::DEFAULT_CACHE_KIB)?;
    counts
}

/// The generation proper, in one transaction, every row through the same
/// statements and triggers as a user's records.
fn write(
    store: &mut Store,
    size: GenSize,
    span: Span,
    progress: &mut dyn FnMut(u64),
) -> OpResult<GenCounts> {
    let mut rng = Rng(size.seed ^ 0x000F_0110);
    store.write(|tx| {
        let mut counts = GenCounts::default();
        let mut ids = Vec::with_capacity(size.clients as usize);
        let mut fees = Vec::with_capacity(size.clients as usize);
        let mut expected_by_month = vec![0i64; span.months as usize];
        for i in 0..size.clients {
            let tier = match i % 10 {
                0 | 1 => Tier::Gold,
                8 | 9 => Tier::Toxic,
                _ => Tier::Potential,
            };
            let (word, number) = (i as usize / 2, i + 1);
            let name = if i % 2 == 0 {
                format!("ООО {} {number:05}", WORDS_RU[word % WORDS_RU.len()])
            } else {
                format!("{} {number:05} Ltd", WORDS_EN[word % WORDS_EN.len()])
            };
            let since = shift(span.start, -(rng.below(400) as i64));
            let client = NewClient {
                name,
                tier,
                status: if i % 50 == 49 {
                    Status::Churned
                } else {
                    Status::Active
                },
                since,
                cadence_days: Some([7, 14, 30][rng.below(3) as usize]),
                channel: Some("email".into()),
                goal: (i % 7 != 0).then(|| "Grow qualified leads".to_string()),
                notes: String::new(),
            };
            let id = clients::insert(tx, &client)?;
            clients::insert_tier_change(tx, id, since, None, tier, "initial tier")?;
            clients::insert_status_change(tx, id, since, None, Status::Active, "client added")?;
            for c in 0..(1 + rng.below(3)) {
                clients::insert_contact(
                    tx,
                    id,
                    &NewContact {
                        name: format!("Contact {c} of {}", i + 1),
                        role: Some(if c == 0 { "CEO" } else { "Marketing" }.into()),
                        decision_maker: c == 0,
                        phone: None,
                        email: None,
                        birthday: NaiveDate::from_ymd_opt(1980, 1 + (i % 12), 1 + (c as u32 % 28)),
                    },
                )?;
            }
            ids.push(id);
            fees.push(20_000 + rng.below(880) as i64 * 1_000);
            counts.clients += 1;
        }
        progress(10);
        // Money: one invoice per client per month, paid mostly on time; one in
        // ten about a month late, one in fifty never.
        for (id, fee) in ids.iter().zip(&fees) {
            let mut month = span.first;
            for expected in expected_by_month.iter_mut() {
                let due = day_of(month, 10);
                let roll = rng.below(100);
                let on = shift(
                    due,
                    rng.below(12) as i64 - 5 + if roll < 10 { 30 } else { 0 },
                );
                let amount = Money::major(*fee);
                ledger::insert_invoice(tx, *id, &NewInvoice { month, amount, due })?;
                *expected += fee;
                counts.invoices += 1;
                if roll < 98 && on <= span.today {
                    let note = String::new();
                    ledger::insert_payment(tx, *id, &NewPayment { on, amount, note })?;
                    counts.payments += 1;
                }
                month = month.next();
            }
        }
        progress(40);
        let mut month = span.first;
        for expected in &expected_by_month {
            let target = Money::major((expected / 50_000).max(1) * 50_000);
            ledger::set_target(tx, month, target)?;
            month = month.next();
        }
        // Agreements: three per client on average.
        for id in &ids {
            for _ in 0..rng.below(6) {
                let made_on = shift(span.start, rng.below(span.days) as i64);
                let due = shift(made_on, 5 + rng.below(25) as i64);
                let open = due >= shift(span.today, -10);
                let status = if open {
                    AgreementStatus::Open
                } else if rng.below(10) == 0 {
                    AgreementStatus::Broken
                } else {
                    AgreementStatus::Kept
                };
                let owner = if rng.below(2) == 0 {
                    Owner::Us
                } else {
                    Owner::Client
                };
                let agreement = NewAgreement {
                    made_on,
                    text: "Deliver the monthly report".into(),
                    owner,
                    due: Some(due),
                    status,
                    closed_on: (!open).then_some(due),
                };
                log::insert_agreement(tx, *id, &agreement)?;
                counts.agreements += 1;
            }
        }
        progress(50);
        counts.touchpoints = write_touchpoints(tx, &ids, size.touchpoints, span, rng, progress)?;
        progress(100);
        Ok::<_, OpError>(counts)
    })
}

/// Touchpoints spread over clients and time, drawn from `rng` as it stands
/// after the agreements. None without clients: there is no one to touch.
fn write_touchpoints(
    tx: &Db,
    ids: &[Id],
    n: u64,
    span: Span,
    mut rng: Rng,
    progress: &mut dyn FnMut(u64),
) -> OpResult<u64> {
    if ids.is_empty() {
        return Ok(0);
    }
    let kinds = TouchKind::ALL;
    for k in 0..n {
        let id = ids[rng.below(ids.len() as u64) as usize];
        let kind = kinds[rng.below(kinds.len() as u64) as usize];
        let at = shift(span.start, rng.below(span.days + 1) as i64).min(span.today);
        let next = rng.below(5) == 0;
        let touch = NewTouchpoint {
            at,
            kind,
            summary: SUMMARIES[rng.below(SUMMARIES.len() as u64) as usize].to_string(),
            minutes: 5 + rng.below(90) as u32,
            next_step: next.then(|| "Follow up".to_string()),
            next_due: next.then(|| shift(at, 7)),
        };
        log::insert_touchpoint(tx, id, &touch)?;
        if k % 10_000 == 9_999 {
            progress(50 + 50 * (k + 1) / n);
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generates_the_requested_sizes_deterministically() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let size = GenSize {
            clients: 50,
            touchpoints: 500,
            months: 24,
            seed: 7,
        };
        let mut a = Store::open_in_memory().unwrap();
        let counts = generate(&mut a, size, today, &mut |_| {}).unwrap();
        assert_eq!(counts.clients, 50);
        assert_eq!(counts.touchpoints, 500);
        assert_eq!(counts.invoices, 50 * 24);
        assert!(counts.payments > 50 * 24 * 7 / 10, "most invoices are paid");
        let mut b = Store::open_in_memory().unwrap();
        assert_eq!(generate(&mut b, size, today, &mut |_| {}).unwrap(), counts);
        // The same seed, the same data.
        let sum = |s: &Store| -> i64 {
            s.conn()
                .query_row("SELECT total(amount) FROM payments", [], |r| {
                    r.get::<_, f64>(0)
                })
                .unwrap() as i64
        };
        assert_eq!(sum(&a), sum(&b));
        // Refuses a file that already holds data.
        assert!(generate(&mut a, size, today, &mut |_| {}).is_err());
        assert!(a.check().unwrap().is_empty());
        // Every kept total is what it sums up.
        crate::ops::views::tests::assert_totals_exact(&a);
    }

    #[test]
    fn touchpoints_without_clients_are_none() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let size = GenSize {
            clients: 0,
            touchpoints: 10,
            months: 3,
            seed: 1,
        };
        let mut store = Store::open_in_memory().unwrap();
        let counts = generate(&mut store, size, today, &mut |_| {}).unwrap();
        assert_eq!(counts, GenCounts::default());
        assert!(store.check().unwrap().is_empty());
    }
}
