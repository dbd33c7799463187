//! `folio touch ...` and `folio agree ...`

use anyhow::Result;
use serde::Serialize;

use super::args::{AgreeCmd, TouchCmd};
use super::table::{Align, Table};
use super::{Session, name_of, say, sayln, set, set_or_clear, to_json_with_clients};
use crate::domain::{Agreement, AgreementStatus, NewAgreement, NewTouchpoint, Touchpoint};
use crate::format::{self, Locale, words};
use crate::ops;

/// `Logged call with Acme on 2026-11-20 (id 7)`.
fn touch_said(loc: Locale, id: &str, t: &Touchpoint, client: &str) -> String {
    sayln(
        loc,
        id,
        &[
            ("id", &t.id),
            ("kind", &words::kind(loc, t.kind)),
            ("client", &client),
            ("date", &format::date(loc, t.at)),
        ],
    )
}

pub fn touch(s: &mut Session, cmd: TouchCmd) -> Result<String> {
    let loc = s.locale;
    match cmd {
        TouchCmd::Add(a) => {
            let c = ops::client_by_name(&s.store, &a.client)?;
            let t = ops::add_touchpoint(
                &mut s.store,
                c.id,
                &NewTouchpoint {
                    at: a.at.unwrap_or(s.today),
                    kind: a.kind,
                    summary: a.summary,
                    minutes: a.minutes,
                    next_step: a.next,
                    next_due: a.next_due,
                },
            )?;
            Ok(touch_said(loc, "cli-touch-added", &t, &c.name))
        }
        TouchCmd::List(l) => {
            let client_id = super::client_filter(s, l.client.as_deref())?;
            let limit = if l.limit == 0 { -1 } else { i64::from(l.limit) };
            let (rows, total) = ops::touch_window(&s.store, client_id, "", 0, limit, true)?;
            let total = total.unwrap_or_default();
            let names = ops::client_names(&s.store)?;
            if l.json {
                return to_json_with_clients(&names, rows.iter().map(|t| (t.client_id, t)));
            }
            if rows.is_empty() {
                return Ok(sayln(loc, "cli-no-touchpoints", &[]));
            }
            let mut t = Table::headed(
                loc,
                &[
                    ("cli-col-id", Align::Right),
                    ("cli-col-date", Align::Left),
                    ("cli-col-client", Align::Left),
                    ("cli-col-kind", Align::Left),
                    ("cli-col-minutes", Align::Right),
                    ("cli-col-summary", Align::Left),
                    ("cli-col-next-step", Align::Left),
                    ("cli-col-due", Align::Left),
                ],
            );
            for tp in &rows {
                let due = match tp.next_due {
                    Some(d) if d < s.today => format!("{} !", format::date(loc, d)),
                    Some(d) => format::date(loc, d),
                    None => String::new(),
                };
                t.row(vec![
                    tp.id.to_string(),
                    format::date(loc, tp.at),
                    name_of(&names, tp.client_id).to_string(),
                    words::kind(loc, tp.kind),
                    tp.minutes.to_string(),
                    tp.summary.clone(),
                    tp.next_step.clone().unwrap_or_default(),
                    due,
                ]);
            }
            let mut out = t.render();
            if (rows.len() as i64) < total {
                out.push('\n');
                out.push_str(&sayln(
                    loc,
                    "cli-touch-list-more",
                    &[("shown", &rows.len()), ("total", &total)],
                ));
            }
            Ok(out)
        }
        TouchCmd::Edit(e) => {
            let client_id = super::client_filter(s, e.client.as_deref())?;
            let t = ops::change(&mut s.store, e.id, |t: &mut Touchpoint| {
                set(&mut t.client_id, client_id);
                set(&mut t.kind, e.kind);
                set(&mut t.summary, e.summary);
                set(&mut t.at, e.at);
                set(&mut t.minutes, e.minutes);
                // No next step, no due date for it.
                set_or_clear(&mut t.next_step, e.no_next, e.next);
                set_or_clear(&mut t.next_due, e.no_next || e.no_next_due, e.next_due);
            })?;
            let c = ops::client_by_id(&s.store, t.client_id)?;
            Ok(touch_said(loc, "cli-touch-updated", &t, &c.name))
        }
        TouchCmd::Delete { id } => {
            ops::delete_touchpoint(&mut s.store, id)?;
            Ok(sayln(loc, "cli-touch-deleted", &[("id", &id)]))
        }
    }
}

/// An agreement in `agree list --json`: with whether it is overdue.
#[derive(Serialize)]
struct AgreementRow<'a> {
    #[serde(flatten)]
    agreement: &'a Agreement,
    overdue: bool,
}

/// `Agreement 4 with Acme (owed by us, due 2026-12-01)`: its status too
/// where the message `id` says it.
fn agreement_said(loc: Locale, id: &str, a: &Agreement, client: &str) -> String {
    let due = a
        .due
        .map(|d| say(loc, "cli-agree-due", &[("date", &format::date(loc, d))]))
        .unwrap_or_default();
    sayln(
        loc,
        id,
        &[
            ("id", &a.id),
            ("client", &client),
            ("owner", &words::owner(loc, a.owner)),
            ("due", &due),
            ("status", &words::agreement(loc, a.status)),
        ],
    )
}

pub fn agree(s: &mut Session, cmd: AgreeCmd) -> Result<String> {
    let loc = s.locale;
    match cmd {
        AgreeCmd::Add(a) => {
            let c = ops::client_by_name(&s.store, &a.client)?;
            let agreement = ops::add_agreement(
                &mut s.store,
                c.id,
                &NewAgreement {
                    made_on: a.on.unwrap_or(s.today),
                    text: a.text,
                    owner: a.owner,
                    due: a.due,
                    status: AgreementStatus::Open,
                    closed_on: None,
                },
            )?;
            Ok(agreement_said(loc, "cli-agree-added", &agreement, &c.name))
        }
        AgreeCmd::Edit(e) => {
            let client_id = super::client_filter(s, e.client.as_deref())?;
            let a = ops::change(&mut s.store, e.id, |a: &mut Agreement| {
                set(&mut a.client_id, client_id);
                set(&mut a.text, e.text);
                set(&mut a.owner, e.owner);
                set(&mut a.made_on, e.on);
                set_or_clear(&mut a.due, e.no_due, e.due);
            })?;
            let c = ops::client_by_id(&s.store, a.client_id)?;
            Ok(agreement_said(loc, "cli-agree-updated", &a, &c.name))
        }
        AgreeCmd::Close { id, close, on } => {
            let a = ops::close_agreement(&mut s.store, id, close.status(), on.unwrap_or(s.today))?;
            Ok(sayln(
                loc,
                "cli-agree-closed",
                &[("id", &a.id), ("status", &words::agreement(loc, a.status))],
            ))
        }
        AgreeCmd::List(l) => {
            let client_id = super::client_filter(s, l.client.as_deref())?;
            let rows = ops::agreements(&s.store, client_id, l.open)?;
            let names = ops::client_names(&s.store)?;
            if l.json {
                let out = rows.iter().map(|a| {
                    let overdue = a.is_overdue(s.today);
                    (
                        a.client_id,
                        AgreementRow {
                            agreement: a,
                            overdue,
                        },
                    )
                });
                return to_json_with_clients(&names, out);
            }
            if rows.is_empty() {
                return Ok(sayln(loc, "cli-no-agreements", &[]));
            }
            let mut t = Table::headed(
                loc,
                &[
                    ("cli-col-id", Align::Right),
                    ("cli-col-client", Align::Left),
                    ("cli-col-owner", Align::Left),
                    ("cli-col-made", Align::Left),
                    ("cli-col-due", Align::Left),
                    ("cli-col-status", Align::Left),
                    ("cli-col-agreement", Align::Left),
                ],
            );
            for a in &rows {
                let status = if a.is_overdue(s.today) {
                    say(loc, "cli-agree-overdue", &[])
                } else {
                    words::agreement(loc, a.status)
                };
                t.row(vec![
                    a.id.to_string(),
                    name_of(&names, a.client_id).to_string(),
                    words::owner(loc, a.owner),
                    format::date(loc, a.made_on),
                    a.due.map(|d| format::date(loc, d)).unwrap_or_default(),
                    status,
                    a.text.clone(),
                ]);
            }
            Ok(t.render())
        }
        AgreeCmd::Delete { id } => {
            ops::delete_agreement(&mut s.store, id)?;
            Ok(sayln(loc, "cli-agree-deleted", &[("id", &id)]))
        }
    }
}
