//! `folio plan ...`, `folio invoice ...`, `folio pay ...`

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use super::args::{InvoiceCmd, PayCmd, PlanCmd};
use super::table::{Align, Table};
use super::{LOC, Session, json, set};
use crate::domain::money::bp_to_pct;
use crate::domain::{Invoice, Money, Month, NewInvoice, NewPayment, Payment};
use crate::format::{self, Noun};
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

pub const FORECAST_BASIS: &str = "received + balances of this month's invoices not yet overdue";

pub fn plan(s: &mut Session, cmd: PlanCmd) -> Result<String> {
    match cmd {
        PlanCmd::Set { month, amount } => {
            ops::set_target(&mut s.store, month, amount)?;
            let currency = ops::currency(&s.store)?;
            Ok(format!(
                "Target for {month}: {} {currency}\n",
                format::money(LOC, amount)
            ))
        }
        PlanCmd::Show {
            month,
            json: as_json,
        } => {
            let month = month.unwrap_or(Month::of(s.today));
            let view = views::month_view(&mut s.store, month, s.today)?;
            let f = &view.plan.figures;
            if as_json {
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
                return json(&out);
            }
            Ok(render_month(&view))
        }
        PlanCmd::History {
            months,
            json: as_json,
        } => {
            let rows = views::plan_history(&mut s.store, Month::of(s.today), months)?;
            if as_json {
                return json(&rows);
            }
            let mut t = Table::new(&[
                ("Month", Align::Left),
                ("Target", Align::Right),
                ("Expected", Align::Right),
                ("Received", Align::Right),
                ("Attainment", Align::Right),
                ("", Align::Left),
            ]);
            for r in &rows {
                t.row(vec![
                    r.month.to_string(),
                    r.target
                        .map(|m| format::money(LOC, m))
                        .unwrap_or("-".into()),
                    format::money(LOC, r.expected),
                    format::money(LOC, r.received),
                    r.attainment_bp
                        .map(|b| format::percent(LOC, b))
                        .unwrap_or("-".into()),
                    bar(r.attainment_bp),
                ]);
            }
            Ok(t.render())
        }
    }
}

/// A text bar of attainment: one block per 10 %, capped at 150 %.
fn bar(bp: Option<i64>) -> String {
    match bp {
        None => String::new(),
        Some(bp) => {
            let blocks = (bp.clamp(0, 15_000) / 1_000) as usize;
            "█".repeat(blocks)
        }
    }
}

fn render_month(view: &views::MonthView) -> String {
    let f = &view.plan.figures;
    let c = &view.currency;
    let mut out = format!(
        "Plan {} ({c}) · today {}, {} left\n\n",
        f.month,
        view.today,
        format::count(LOC, view.days_left, Noun::Day)
    );
    let line = |label: &str, m: Money, extra: &str| {
        format!("  {label:<12}{:>18}  {extra}\n", format::money(LOC, m))
    };
    match f.target {
        Some(t) => out.push_str(&line("Target", t, "")),
        None => out.push_str(&format!(
            "  {:<12}{:>18}  no target set (folio plan set {} AMOUNT)\n",
            "Target", "-", f.month
        )),
    }
    let attainment = f
        .attainment_bp
        .map(|b| format!("{} of target", format::percent(LOC, b)))
        .unwrap_or_else(|| "attainment: -".into());
    out.push_str(&line("Received", f.received, &attainment));
    out.push_str(&line("Expected", f.expected, "invoices for the month"));
    out.push_str(&line(
        "Outstanding",
        f.outstanding,
        "what those invoices still lack",
    ));
    out.push_str(&line("Overdue", f.overdue, "of it, past due"));
    out.push_str(&line("Forecast", f.forecast, FORECAST_BASIS));
    if view.plan.clients.is_empty() {
        out.push_str("\nNo invoices or payments in this month.\n");
        return out;
    }
    let mut t = Table::new(&[
        ("Client", Align::Left),
        ("Expected", Align::Right),
        ("Received", Align::Right),
        ("Outstanding", Align::Right),
        ("Overdue", Align::Right),
    ]);
    for r in &view.plan.clients {
        t.row(vec![
            view.name(r.client_id).to_string(),
            format::money(LOC, r.expected),
            format::money(LOC, r.received),
            format::money(LOC, r.outstanding),
            format::money(LOC, r.overdue),
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

pub fn invoice(s: &mut Session, cmd: InvoiceCmd) -> Result<String> {
    match cmd {
        InvoiceCmd::Add {
            client,
            month,
            amount,
            due,
        } => {
            let c = ops::client_by_name(&s.store, &client)?;
            let i = ops::add_invoice(
                &mut s.store,
                c.id,
                &NewInvoice {
                    month,
                    amount,
                    due: due.unwrap_or(month.last_day()),
                },
            )?;
            Ok(format!(
                "Expected payment {} from {}: {} for {}, due {}\n",
                i.id,
                c.name,
                format::money(LOC, i.amount),
                i.month,
                i.due
            ))
        }
        InvoiceCmd::List {
            client,
            month,
            json: as_json,
        } => {
            let client_id = super::client_filter(s, client.as_deref())?;
            let rows = ops::invoices(&mut s.store, client_id, month)?;
            let names = ops::client_names(&s.store)?;
            let name = |id| names.get(&id).map(String::as_str).unwrap_or("");
            if as_json {
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
                return json(&out);
            }
            if rows.is_empty() {
                return Ok("No expected payments.\n".into());
            }
            let mut t = Table::new(&[
                ("Id", Align::Right),
                ("Client", Align::Left),
                ("Month", Align::Left),
                ("Due", Align::Left),
                ("Amount", Align::Right),
                ("Balance", Align::Right),
                ("", Align::Left),
            ]);
            for r in &rows {
                let flag = if r.balance > Money::ZERO && r.invoice.due < s.today {
                    "overdue"
                } else if r.balance.is_zero() {
                    "paid"
                } else {
                    ""
                };
                t.row(vec![
                    r.invoice.id.to_string(),
                    name(r.invoice.client_id).to_string(),
                    r.invoice.month.to_string(),
                    r.invoice.due.to_string(),
                    format::money(LOC, r.invoice.amount),
                    format::money(LOC, r.balance),
                    flag.into(),
                ]);
            }
            Ok(t.render())
        }
        InvoiceCmd::Edit {
            id,
            client,
            month,
            amount,
            due,
        } => {
            let client_id = super::client_filter(s, client.as_deref())?;
            let i = ops::change(&mut s.store, id, |i: &mut Invoice| {
                set(&mut i.client_id, client_id);
                set(&mut i.month, month);
                set(&mut i.amount, amount);
                set(&mut i.due, due);
            })?;
            let c = ops::client_by_id(&s.store, i.client_id)?;
            Ok(format!(
                "Updated expected payment {} from {}: {} for {}, due {}\n",
                i.id,
                c.name,
                format::money(LOC, i.amount),
                i.month,
                i.due
            ))
        }
        InvoiceCmd::Delete { id } => {
            ops::delete_invoice(&mut s.store, id)?;
            Ok(format!("Deleted expected payment {id}\n"))
        }
    }
}

#[derive(Serialize)]
struct PaymentJson<'a> {
    client: &'a str,
    #[serde(flatten)]
    payment: &'a crate::domain::Payment,
}

pub fn pay(s: &mut Session, cmd: PayCmd) -> Result<String> {
    match cmd {
        PayCmd::Add {
            client,
            on,
            amount,
            note,
        } => {
            let c = ops::client_by_name(&s.store, &client)?;
            let p = ops::add_payment(&mut s.store, c.id, &NewPayment { on, amount, note })?;
            Ok(format!(
                "Payment {} from {}: {} on {}\n",
                p.id,
                c.name,
                format::money(LOC, p.amount),
                p.on
            ))
        }
        PayCmd::List {
            client,
            month,
            json: as_json,
        } => {
            let client_id = super::client_filter(s, client.as_deref())?;
            let rows = ops::payments(&s.store, client_id, month)?;
            let names = ops::client_names(&s.store)?;
            let name = |id| names.get(&id).map(String::as_str).unwrap_or("");
            if as_json {
                let out: Vec<PaymentJson> = rows
                    .iter()
                    .map(|p| PaymentJson {
                        client: name(p.client_id),
                        payment: p,
                    })
                    .collect();
                return json(&out);
            }
            if rows.is_empty() {
                return Ok("No payments.\n".into());
            }
            let mut t = Table::new(&[
                ("Id", Align::Right),
                ("Date", Align::Left),
                ("Client", Align::Left),
                ("Amount", Align::Right),
                ("Note", Align::Left),
            ]);
            let mut total = Money::ZERO;
            for p in &rows {
                total = total.plus(p.amount);
                t.row(vec![
                    p.id.to_string(),
                    p.on.to_string(),
                    name(p.client_id).to_string(),
                    format::money(LOC, p.amount),
                    p.note.clone(),
                ]);
            }
            Ok(format!(
                "{}\nTotal {} ({} payments)\n",
                t.render(),
                format::money(LOC, total),
                rows.len()
            ))
        }
        PayCmd::Edit {
            id,
            client,
            on,
            amount,
            note,
        } => {
            let client_id = super::client_filter(s, client.as_deref())?;
            let p = ops::change(&mut s.store, id, |p: &mut Payment| {
                set(&mut p.client_id, client_id);
                set(&mut p.on, on);
                set(&mut p.amount, amount);
                set(&mut p.note, note);
            })?;
            let c = ops::client_by_id(&s.store, p.client_id)?;
            Ok(format!(
                "Updated payment {} from {}: {} on {}\n",
                p.id,
                c.name,
                format::money(LOC, p.amount),
                p.on
            ))
        }
        PayCmd::Delete { id } => {
            ops::delete_payment(&mut s.store, id)?;
            Ok(format!("Deleted payment {id}\n"))
        }
    }
}
