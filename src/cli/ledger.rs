//! `folio plan ...`, `folio invoice ...`, `folio pay ...`

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::args::{InvoiceCmd, PayCmd, PlanCmd};
use super::table::{Align, Table};
use super::{Session, month_cell, name_of, say, sayln, set, to_json, to_json_with_clients};
use crate::domain::money::bp_to_pct;
use crate::domain::{Invoice, Money, Month, NewInvoice, NewPayment, Payment};
use crate::format::month_in_sentence as month_word;
use crate::format::{self, Locale, Noun};
use crate::ops::{self, views};

/// `plan show --json`: the contract scripts rely on.
#[derive(Serialize)]
struct PlanJson<'a> {
    month: Month,
    currency: &'a str,
    today: NaiveDate,
    target: Option<Money>,
    received: Money,
    expected: Money,
    outstanding: Money,
    overdue: Money,
    attainment_pct: Option<f64>,
    forecast: Money,
    forecast_basis: &'static str,
    days_left: u32,
    clients: Vec<PlanClientJson<'a>>,
}

#[derive(Serialize)]
struct PlanClientJson<'a> {
    client: &'a str,
    expected: Money,
    received: Money,
    outstanding: Money,
    overdue: Money,
    forecast: Money,
}

/// What the forecast counts in `plan show --json`: English whatever the
/// language, as `cli-plan-forecast-note` says it in English.
pub const FORECAST_BASIS: &str = "received + balances of this month's invoices not yet overdue";

pub fn plan(s: &mut Session, cmd: PlanCmd) -> Result<String> {
    let loc = s.locale;
    match cmd {
        PlanCmd::Set { month, amount } => {
            ops::set_target(&mut s.store, month, amount)?;
            let currency = ops::currency(&s.store)?;
            Ok(sayln(
                loc,
                "cli-plan-set",
                &[
                    ("month", &month_word(loc, month)),
                    ("amount", &format::money_in(loc, amount, &currency)),
                ],
            ))
        }
        PlanCmd::Show { month, json } => {
            let month = month.unwrap_or(Month::of(s.today));
            let view = views::month_view(&mut s.store, month, s.today)?;
            let f = &view.plan.figures;
            if json {
                let out = PlanJson {
                    month,
                    currency: &view.currency,
                    today: s.today,
                    target: f.target,
                    received: f.received,
                    expected: f.expected,
                    outstanding: f.outstanding,
                    overdue: f.overdue,
                    attainment_pct: f.attainment_bp.map(bp_to_pct),
                    forecast: f.forecast,
                    forecast_basis: FORECAST_BASIS,
                    days_left: view.days_left,
                    clients: view
                        .plan
                        .clients
                        .iter()
                        .map(|c| PlanClientJson {
                            client: view.name(c.client_id),
                            expected: c.expected,
                            received: c.received,
                            outstanding: c.outstanding,
                            overdue: c.overdue,
                            forecast: c.forecast,
                        })
                        .collect(),
                };
                return to_json(&out);
            }
            Ok(render_month(loc, &view))
        }
        PlanCmd::History { months, json } => {
            let rows = views::plan_history(&mut s.store, Month::of(s.today), months)?;
            if json {
                return to_json(&rows);
            }
            let mut t = Table::headed(
                loc,
                &[
                    ("cli-col-month", Align::Left),
                    ("cli-col-target", Align::Right),
                    ("cli-col-expected", Align::Right),
                    ("cli-col-received", Align::Right),
                    ("cli-col-attainment", Align::Right),
                    ("", Align::Left),
                ],
            );
            for r in &rows {
                t.row(vec![
                    month_cell(loc, r.month),
                    format::money_or_dash(loc, r.target),
                    format::money(loc, r.expected),
                    format::money(loc, r.received),
                    format::percent_or_dash(loc, r.attainment_bp),
                    bar(r.attainment_bp),
                ]);
            }
            Ok(t.render())
        }
    }
}

/// A text bar of attainment: one block per 10 %, capped at 150 %.
fn bar(bp: Option<i64>) -> String {
    let blocks = bp.map_or(0, |bp| bp.clamp(0, 15_000) / 1_000);
    "█".repeat(blocks as usize)
}

fn render_month(loc: Locale, view: &views::MonthView) -> String {
    let f = &view.plan.figures;
    let mut out = sayln(
        loc,
        "cli-plan-title",
        &[
            ("month", &month_word(loc, f.month)),
            ("currency", &format::currency_sign(loc, &view.currency)),
            ("today", &format::date(loc, view.today)),
            ("left", &format::count(loc, view.days_left, Noun::Day)),
        ],
    );
    out.push('\n');
    let money = |m| format::money(loc, m);
    let note = |id| say(loc, id, &[]);
    let (target, target_note) = match f.target {
        Some(t) => (money(t), String::new()),
        None => (
            "-".to_string(),
            say(loc, "cli-plan-no-target", &[("month", &f.month)]),
        ),
    };
    let attainment = match f.attainment_bp {
        Some(b) => say(
            loc,
            "cli-plan-of-target",
            &[("percent", &format::percent(loc, b))],
        ),
        None => note("cli-plan-no-attainment"),
    };
    // Each figure: its label, the amount, a note on what it counts.
    let noted = |label, amount, id| (label, money(amount), note(id));
    let figures = [
        ("cli-plan-target", target, target_note),
        ("cli-plan-received", money(f.received), attainment),
        noted("cli-plan-expected", f.expected, "cli-plan-expected-note"),
        noted(
            "cli-plan-outstanding",
            f.outstanding,
            "cli-plan-outstanding-note",
        ),
        noted("cli-plan-overdue", f.overdue, "cli-plan-overdue-note"),
        noted("cli-plan-forecast", f.forecast, "cli-plan-forecast-note"),
    ];
    // The labels padded by their display width, so a longer Russian
    // label still leaves the amounts in one column.
    let labels: Vec<String> = figures.iter().map(|(id, ..)| note(id)).collect();
    let label_width = super::widest(&labels, 12);
    for ((_, amount, note), label) in figures.iter().zip(&labels) {
        let pad = " ".repeat(label_width - label.width());
        out.push_str(&format!("  {label}{pad}{amount:>18}  {note}\n"));
    }
    if view.plan.clients.is_empty() {
        out.push('\n');
        out.push_str(&sayln(loc, "cli-plan-empty", &[]));
        return out;
    }
    let mut t = Table::headed(
        loc,
        &[
            ("cli-col-client", Align::Left),
            ("cli-col-expected", Align::Right),
            ("cli-col-received", Align::Right),
            ("cli-col-outstanding", Align::Right),
            ("cli-col-overdue", Align::Right),
        ],
    );
    for r in &view.plan.clients {
        t.row(vec![
            view.name(r.client_id).to_string(),
            format::money(loc, r.expected),
            format::money(loc, r.received),
            format::money(loc, r.outstanding),
            format::money(loc, r.overdue),
        ]);
    }
    out.push('\n');
    out.push_str(&t.render());
    out
}

#[derive(Serialize)]
struct InvoiceJson<'a> {
    id: i64,
    client: &'a str,
    month: Month,
    amount: Money,
    due: NaiveDate,
    paid: Money,
    balance: Money,
    overdue: bool,
}

/// `Expected payment 3 from Acme: 1 000.00 for 2026-11, due 2026-11-30`.
fn invoice_said(loc: Locale, id: &str, i: &Invoice, client: &str) -> String {
    sayln(
        loc,
        id,
        &[
            ("id", &i.id),
            ("client", &client),
            ("amount", &format::money(loc, i.amount)),
            ("month", &month_word(loc, i.month)),
            ("due", &format::date(loc, i.due)),
        ],
    )
}

pub fn invoice(s: &mut Session, cmd: InvoiceCmd) -> Result<String> {
    let loc = s.locale;
    match cmd {
        InvoiceCmd::Add(a) => {
            let c = ops::client_by_name(&s.store, &a.client)?;
            let i = ops::add_invoice(
                &mut s.store,
                c.id,
                &NewInvoice {
                    month: a.month,
                    amount: a.amount,
                    due: a.due.unwrap_or(a.month.last_day()),
                },
            )?;
            Ok(invoice_said(loc, "cli-invoice-added", &i, &c.name))
        }
        InvoiceCmd::List(l) => {
            let client_id = super::client_filter(s, l.client.as_deref())?;
            let rows = ops::invoices(&mut s.store, client_id, l.month)?;
            let names = ops::client_names(&s.store)?;
            let name = |id| name_of(&names, id);
            if l.json {
                let out: Vec<InvoiceJson> = rows
                    .iter()
                    .map(|r| InvoiceJson {
                        id: r.invoice.id,
                        client: name(r.invoice.client_id),
                        month: r.invoice.month,
                        amount: r.invoice.amount,
                        due: r.invoice.due,
                        paid: r.paid,
                        balance: r.balance,
                        overdue: r.balance > Money::ZERO && r.invoice.due < s.today,
                    })
                    .collect();
                return to_json(&out);
            }
            if rows.is_empty() {
                return Ok(sayln(loc, "cli-no-invoices", &[]));
            }
            let mut t = Table::headed(
                loc,
                &[
                    ("cli-col-id", Align::Right),
                    ("cli-col-client", Align::Left),
                    ("cli-col-month", Align::Left),
                    ("cli-col-due", Align::Left),
                    ("cli-col-amount", Align::Right),
                    ("cli-col-balance", Align::Right),
                    ("", Align::Left),
                ],
            );
            for r in &rows {
                let flag = if r.balance > Money::ZERO && r.invoice.due < s.today {
                    say(loc, "cli-invoice-overdue", &[])
                } else if r.balance.is_zero() {
                    say(loc, "cli-invoice-paid", &[])
                } else {
                    String::new()
                };
                t.row(vec![
                    r.invoice.id.to_string(),
                    name(r.invoice.client_id).to_string(),
                    month_cell(loc, r.invoice.month),
                    format::date(loc, r.invoice.due),
                    format::money(loc, r.invoice.amount),
                    format::money(loc, r.balance),
                    flag,
                ]);
            }
            Ok(t.render())
        }
        InvoiceCmd::Edit(e) => {
            let client_id = super::client_filter(s, e.client.as_deref())?;
            let i = ops::change(&mut s.store, e.id, |i: &mut Invoice| {
                set(&mut i.client_id, client_id);
                set(&mut i.month, e.month);
                set(&mut i.amount, e.amount);
                set(&mut i.due, e.due);
            })?;
            let c = ops::client_by_id(&s.store, i.client_id)?;
            Ok(invoice_said(loc, "cli-invoice-updated", &i, &c.name))
        }
        InvoiceCmd::Delete { id } => {
            ops::delete_invoice(&mut s.store, id)?;
            Ok(sayln(loc, "cli-invoice-deleted", &[("id", &id)]))
        }
    }
}

/// `Payment 3 from Acme: 1 000.00 on 2026-11-20`.
fn payment_said(loc: Locale, id: &str, p: &Payment, client: &str) -> String {
    sayln(
        loc,
        id,
        &[
            ("id", &p.id),
            ("client", &client),
            ("amount", &format::money(loc, p.amount)),
            ("date", &format::date(loc, p.on)),
        ],
    )
}

pub fn pay(s: &mut Session, cmd: PayCmd) -> Result<String> {
    let loc = s.locale;
    match cmd {
        PayCmd::Add(a) => {
            let c = ops::client_by_name(&s.store, &a.client)?;
            let p = ops::add_payment(
                &mut s.store,
                c.id,
                &NewPayment {
                    on: a.on,
                    amount: a.amount,
                    note: a.note,
                },
            )?;
            Ok(payment_said(loc, "cli-payment-added", &p, &c.name))
        }
        PayCmd::List(l) => {
            let client_id = super::client_filter(s, l.client.as_deref())?;
            let rows = ops::payments(&s.store, client_id, l.month)?;
            let names = ops::client_names(&s.store)?;
            let name = |id| name_of(&names, id);
            if l.json {
                return to_json_with_clients(&names, rows.iter().map(|p| (p.client_id, p)));
            }
            if rows.is_empty() {
                return Ok(sayln(loc, "cli-no-payments", &[]));
            }
            let mut t = Table::headed(
                loc,
                &[
                    ("cli-col-id", Align::Right),
                    ("cli-col-date", Align::Left),
                    ("cli-col-client", Align::Left),
                    ("cli-col-amount", Align::Right),
                    ("cli-col-note", Align::Left),
                ],
            );
            let mut total = Money::ZERO;
            for p in &rows {
                total = total.plus(p.amount);
                t.row(vec![
                    p.id.to_string(),
                    format::date(loc, p.on),
                    name(p.client_id).to_string(),
                    format::money(loc, p.amount),
                    p.note.clone(),
                ]);
            }
            let total = sayln(
                loc,
                "cli-payments-total",
                &[
                    ("total", &format::money(loc, total)),
                    ("payments", &format::count(loc, rows.len(), Noun::Payment)),
                ],
            );
            Ok(format!("{}\n{total}", t.render()))
        }
        PayCmd::Edit(e) => {
            let client_id = super::client_filter(s, e.client.as_deref())?;
            let p = ops::change(&mut s.store, e.id, |p: &mut Payment| {
                set(&mut p.client_id, client_id);
                set(&mut p.on, e.on);
                set(&mut p.amount, e.amount);
                set(&mut p.note, e.note);
            })?;
            let c = ops::client_by_id(&s.store, p.client_id)?;
            Ok(payment_said(loc, "cli-payment-updated", &p, &c.name))
        }
        PayCmd::Delete { id } => {
            ops::delete_payment(&mut s.store, id)?;
            Ok(sayln(loc, "cli-payment-deleted", &[("id", &id)]))
        }
    }
}
