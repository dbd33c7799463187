//! `folio touch ...` and `folio agree ...`

use anyhow::Result;
use serde::Serialize;

use super::args::{AgreeCmd, TouchCmd};
use super::table::{Align, Table};
use super::{Session, json, set, set_or_clear};
use crate::domain::{Agreement, AgreementStatus, NewAgreement, NewTouchpoint, Touchpoint};
use crate::ops;

pub fn touch(s: &mut Session, cmd: TouchCmd) -> Result<String> {
    match cmd {
        TouchCmd::Add {
            client,
            kind,
            summary,
            at,
            minutes,
            next,
            next_due,
        } => {
            let c = ops::client_by_name(&s.store, &client)?;
            let t = ops::add_touchpoint(
                &mut s.store,
                c.id,
                &NewTouchpoint {
                    at: at.unwrap_or(s.today),
                    kind,
                    summary,
                    minutes,
                    next_step: next,
                    next_due,
                },
            )?;
            Ok(format!(
                "Logged {} with {} on {} (id {})\n",
                t.kind, c.name, t.at, t.id
            ))
        }
        TouchCmd::List {
            client,
            limit,
            json: as_json,
        } => {
            let client_id = super::client_filter(s, client.as_deref())?;
            let limit = if limit == 0 { -1 } else { i64::from(limit) };
            let (rows, total) = ops::touch_window(&s.store, client_id, "", 0, limit, true)?;
            let total = total.unwrap_or_default();
            let names = ops::client_names(&s.store)?;
            if as_json {
                let out: Vec<TouchRow> = rows
                    .iter()
                    .map(|t| TouchRow {
                        client: names.get(&t.client_id).map(String::as_str).unwrap_or(""),
                        touchpoint: t,
                    })
                    .collect();
                return json(&out);
            }
            if rows.is_empty() {
                return Ok("No touchpoints.\n".into());
            }
            let mut t = Table::new(&[
                ("Id", Align::Right),
                ("Date", Align::Left),
                ("Client", Align::Left),
                ("Kind", Align::Left),
                ("Min", Align::Right),
                ("Summary", Align::Left),
                ("Next step", Align::Left),
                ("Due", Align::Left),
            ]);
            for tp in &rows {
                let due = match tp.next_due {
                    Some(d) if d < s.today => format!("{d} !"),
                    Some(d) => d.to_string(),
                    None => String::new(),
                };
                t.row(vec![
                    tp.id.to_string(),
                    tp.at.to_string(),
                    names.get(&tp.client_id).cloned().unwrap_or_default(),
                    tp.kind.to_string(),
                    tp.minutes.to_string(),
                    tp.summary.clone(),
                    tp.next_step.clone().unwrap_or_default(),
                    due,
                ]);
            }
            let mut out = t.render();
            if (rows.len() as i64) < total {
                out.push_str(&format!(
                    "\nShowing the newest {} of {total}; --limit 0 shows all.\n",
                    rows.len()
                ));
            }
            Ok(out)
        }
        TouchCmd::Edit {
            id,
            client,
            kind,
            summary,
            at,
            minutes,
            next,
            no_next,
            next_due,
            no_next_due,
        } => {
            let client_id = super::client_filter(s, client.as_deref())?;
            let t = ops::change(&mut s.store, id, |t: &mut Touchpoint| {
                set(&mut t.client_id, client_id);
                set(&mut t.kind, kind);
                set(&mut t.summary, summary);
                set(&mut t.at, at);
                set(&mut t.minutes, minutes);
                // No next step, no due date for it.
                set_or_clear(&mut t.next_step, no_next, next);
                set_or_clear(&mut t.next_due, no_next || no_next_due, next_due);
            })?;
            let c = ops::client_by_id(&s.store, t.client_id)?;
            Ok(format!(
                "Updated touchpoint {}: {} with {} on {}\n",
                t.id, t.kind, c.name, t.at
            ))
        }
        TouchCmd::Delete { id } => {
            ops::delete_touchpoint(&mut s.store, id)?;
            Ok(format!("Deleted touchpoint {id}\n"))
        }
    }
}

#[derive(Serialize)]
struct TouchRow<'a> {
    client: &'a str,
    #[serde(flatten)]
    touchpoint: &'a Touchpoint,
}

#[derive(Serialize)]
struct AgreementRow<'a> {
    client: &'a str,
    #[serde(flatten)]
    agreement: &'a Agreement,
    overdue: bool,
}

pub fn agree(s: &mut Session, cmd: AgreeCmd) -> Result<String> {
    match cmd {
        AgreeCmd::Add {
            client,
            text,
            owner,
            due,
            on,
        } => {
            let c = ops::client_by_name(&s.store, &client)?;
            let a = ops::add_agreement(
                &mut s.store,
                c.id,
                &NewAgreement {
                    made_on: on.unwrap_or(s.today),
                    text,
                    owner,
                    due,
                    status: AgreementStatus::Open,
                    closed_on: None,
                },
            )?;
            Ok(format!(
                "Recorded agreement {} with {} (owed by {}{})\n",
                a.id,
                c.name,
                a.owner,
                a.due.map(|d| format!(", due {d}")).unwrap_or_default()
            ))
        }
        AgreeCmd::Edit {
            id,
            client,
            text,
            owner,
            due,
            no_due,
            on,
        } => {
            let client_id = super::client_filter(s, client.as_deref())?;
            let a = ops::change(&mut s.store, id, |a: &mut Agreement| {
                set(&mut a.client_id, client_id);
                set(&mut a.text, text);
                set(&mut a.owner, owner);
                set(&mut a.made_on, on);
                set_or_clear(&mut a.due, no_due, due);
            })?;
            let c = ops::client_by_id(&s.store, a.client_id)?;
            Ok(format!(
                "Updated agreement {} with {} (owed by {}{}, {})\n",
                a.id,
                c.name,
                a.owner,
                a.due.map(|d| format!(", due {d}")).unwrap_or_default(),
                a.status
            ))
        }
        AgreeCmd::Close { id, close, on } => {
            let a = ops::close_agreement(&mut s.store, id, close.status(), on.unwrap_or(s.today))?;
            Ok(format!("Agreement {} closed as {}\n", a.id, a.status))
        }
        AgreeCmd::List {
            open,
            client,
            json: as_json,
        } => {
            let client_id = super::client_filter(s, client.as_deref())?;
            let rows = ops::agreements(&s.store, client_id, open)?;
            let names = ops::client_names(&s.store)?;
            if as_json {
                let out: Vec<AgreementRow> = rows
                    .iter()
                    .map(|a| AgreementRow {
                        client: names.get(&a.client_id).map(String::as_str).unwrap_or(""),
                        agreement: a,
                        overdue: a.is_overdue(s.today),
                    })
                    .collect();
                return json(&out);
            }
            if rows.is_empty() {
                return Ok("No agreements.\n".into());
            }
            let mut t = Table::new(&[
                ("Id", Align::Right),
                ("Client", Align::Left),
                ("Owner", Align::Left),
                ("Made", Align::Left),
                ("Due", Align::Left),
                ("Status", Align::Left),
                ("Agreement", Align::Left),
            ]);
            for a in &rows {
                let status = if a.is_overdue(s.today) {
                    "OVERDUE".to_string()
                } else {
                    a.status.to_string()
                };
                t.row(vec![
                    a.id.to_string(),
                    names.get(&a.client_id).cloned().unwrap_or_default(),
                    a.owner.to_string(),
                    a.made_on.to_string(),
                    a.due.map(|d| d.to_string()).unwrap_or_default(),
                    status,
                    a.text.clone(),
                ]);
            }
            Ok(t.render())
        }
        AgreeCmd::Delete { id } => {
            ops::delete_agreement(&mut s.store, id)?;
            Ok(format!("Deleted agreement {id}\n"))
        }
    }
}
