//! Performing effects: the only part of the TUI that talks to the store, and
//! only through the ops layer (the same operations as the command line).
//! Each effect is answered with a message for `update`; nothing here
//! changes the `App`.

use chrono::NaiveDate;

use super::action::{Effect, Loaded, Msg, Saved, Target};
use super::form::{Purpose, Value};
use super::panes;
use crate::domain::{
    Agreement, AgreementStatus, Contact, Money, NewAgreement, NewClient, NewContact, NewInvoice,
    NewPayment, NewTouchpoint, Owner, Status, Tier, TouchKind,
};
use crate::ops::{self, ClientEdit, OpError, OpResult, views};
use crate::store::Store;

/// How many months of history the plan pane's chart shows.
pub const HISTORY_MONTHS: u32 = 12;

/// Run one effect against the store; the answer for `update`.
pub fn perform(store: &mut Store, today: NaiveDate, effect: Effect) -> Msg {
    let loaded = |l: Loaded| Msg::Loaded(Box::new(l));
    let result = match effect {
        Effect::Reload => views::portfolio(store, today).map(|v| loaded(Loaded::Portfolio(v))),
        Effect::LoadHistory(month) => {
            views::plan_history(store, month, HISTORY_MONTHS).map(|h| loaded(Loaded::History(h)))
        }
        Effect::Pane(request) => Ok(panes::perform(store, today, request)),
        Effect::LoadCard(id) => match ops::client_by_id(store, id) {
            Ok(client) => views::client_card(store, &client, today)
                .map(|card| loaded(Loaded::Card(id, Some(card)))),
            Err(OpError::NotFound { .. }) => Ok(loaded(Loaded::Card(id, None))),
            Err(e) => Err(e),
        },
        Effect::Save(purpose, values) => Ok(Msg::Saved(
            save(store, today, &purpose, &values)
                .map(|message| Saved {
                    message,
                    deleted_client: None,
                })
                .map_err(|e| e.to_string()),
        )),
        Effect::Delete(target) => delete(store, target, today).map(|message| {
            Msg::Saved(Ok(Saved {
                message,
                deleted_client: match target {
                    Target::Client(id) => Some(id),
                    _ => None,
                },
            }))
        }),
        Effect::Close(id, status) => ops::close_agreement(store, id, status, today).map(|a| {
            Msg::Saved(Ok(Saved {
                message: format!("agreement marked {}", a.status),
                deleted_client: None,
            }))
        }),
    };
    result.unwrap_or_else(|e| Msg::Failed(e.to_string()))
}

fn client_id(store: &Store, v: &Value) -> OpResult<i64> {
    let name = v.text().unwrap_or_default();
    Ok(ops::client_by_name(store, &name)?.id)
}

fn missing(field: &'static str) -> OpError {
    ops::invalid(field, "is required")
}

/// The contact form's values (see `contact_fields` in the app).
fn contact_values(get: &impl Fn(usize) -> Value) -> OpResult<NewContact> {
    Ok(NewContact {
        name: get(0).text().ok_or(missing("person"))?,
        role: get(1).text(),
        decision_maker: get(2).yes(),
        phone: get(3).text(),
        email: get(4).text(),
        birthday: get(5).date(),
    })
}

/// Save a form through the operations; returns the line to show.
fn save(store: &mut Store, today: NaiveDate, purpose: &Purpose, v: &[Value]) -> OpResult<String> {
    let get = |i: usize| v.get(i).cloned().unwrap_or(Value::Text(None));
    match purpose {
        Purpose::AddClient => {
            let c = ops::add_client(
                store,
                &NewClient {
                    name: get(0).text().ok_or(missing("name"))?,
                    tier: get(1).tier().unwrap_or(Tier::Potential),
                    status: Status::Active,
                    since: get(3).date().unwrap_or(today),
                    cadence_days: get(2).number(),
                    channel: get(4).text(),
                    goal: get(5).text(),
                    notes: String::new(),
                },
            )?;
            Ok(format!("added {}", c.name))
        }
        Purpose::EditClient(id) => {
            let c = ops::edit_client(
                store,
                *id,
                &ClientEdit {
                    name: get(0).text(),
                    cadence_days: Some(get(1).number()),
                    since: get(2).date(),
                    channel: Some(get(3).text().unwrap_or_default()),
                    goal: Some(get(4).text().unwrap_or_default()),
                    notes: Some(get(5).text().unwrap_or_default()),
                },
            )?;
            Ok(format!("saved {}", c.name))
        }
        Purpose::ChangeTier(id) => {
            let tier = get(0).tier().ok_or(missing("tier"))?;
            let reason = get(1).text().ok_or(missing("reason"))?;
            let c = ops::set_tier(store, *id, tier, &reason, get(2).date().unwrap_or(today))?;
            Ok(format!("{} is now {}", c.name, c.tier))
        }
        Purpose::ChangeStatus(id) => {
            let status = get(0).status().ok_or(missing("status"))?;
            let reason = get(1).text().ok_or(missing("reason"))?;
            let c = ops::set_status(store, *id, status, &reason, get(2).date().unwrap_or(today))?;
            Ok(format!("{} is now {}", c.name, c.status))
        }
        Purpose::AddContact(client) => {
            let c = ops::add_contact(store, *client, &contact_values(&get)?)?;
            Ok(format!("added contact {}", c.name))
        }
        Purpose::EditContact(id) => {
            let new = contact_values(&get)?;
            let c = ops::change(store, *id, |c: &mut Contact| {
                (c.name, c.role, c.decision_maker) = (new.name, new.role, new.decision_maker);
                (c.phone, c.email, c.birthday) = (new.phone, new.email, new.birthday);
            })?;
            Ok(format!("saved contact {}", c.name))
        }
        Purpose::AddTouchpoint | Purpose::EditTouchpoint(_) => {
            let cid = client_id(store, &get(0))?;
            let t = NewTouchpoint {
                at: get(1).date().unwrap_or(today),
                kind: get(2).kind().unwrap_or(TouchKind::Other),
                summary: get(3).text().unwrap_or_default(),
                minutes: get(4).number().unwrap_or(0),
                next_step: get(5).text(),
                next_due: get(6).date(),
            };
            if let Purpose::EditTouchpoint(id) = purpose {
                ops::edit_touchpoint(
                    store,
                    &crate::domain::Touchpoint {
                        id: *id,
                        client_id: cid,
                        at: t.at,
                        kind: t.kind,
                        summary: t.summary,
                        minutes: t.minutes,
                        next_step: t.next_step,
                        next_due: t.next_due,
                    },
                )?;
                Ok("touchpoint saved".into())
            } else {
                ops::add_touchpoint(store, cid, &t)?;
                Ok("touchpoint logged".into())
            }
        }
        Purpose::AddAgreement | Purpose::EditAgreement(_) => {
            let cid = client_id(store, &get(0))?;
            let text = get(1).text().ok_or(missing("agreement"))?;
            let owner = get(2).owner().unwrap_or(Owner::Us);
            let due = get(3).date();
            let made_on = get(4).date().unwrap_or(today);
            if let Purpose::EditAgreement(id) = purpose {
                // Read and written in one transaction: what changed
                // meanwhile (its status, elsewhere) is kept.
                ops::change(store, *id, |a: &mut Agreement| {
                    (a.client_id, a.text, a.owner) = (cid, text, owner);
                    (a.due, a.made_on) = (due, made_on);
                })?;
                Ok("agreement saved".into())
            } else {
                ops::add_agreement(
                    store,
                    cid,
                    &NewAgreement {
                        made_on,
                        text,
                        owner,
                        due,
                        status: AgreementStatus::Open,
                        closed_on: None,
                    },
                )?;
                Ok("agreement recorded".into())
            }
        }
        Purpose::SetTarget => {
            let month = get(0).month().ok_or(missing("month"))?;
            let amount = get(1).amount().unwrap_or(Money::ZERO);
            ops::set_target(store, month, amount)?;
            Ok(format!("target for {month}: {}", amount.to_human()))
        }
        Purpose::AddPayment => {
            let cid = client_id(store, &get(0))?;
            let p = ops::add_payment(
                store,
                cid,
                &NewPayment {
                    on: get(1).date().unwrap_or(today),
                    amount: get(2).amount().ok_or(missing("amount"))?,
                    note: get(3).text().unwrap_or_default(),
                },
            )?;
            Ok(format!("payment of {} recorded", p.amount.to_human()))
        }
        Purpose::AddInvoice => {
            let cid = client_id(store, &get(0))?;
            let month = get(1).month().ok_or(missing("month"))?;
            let i = ops::add_invoice(
                store,
                cid,
                &NewInvoice {
                    month,
                    amount: get(2).amount().ok_or(missing("amount"))?,
                    due: get(3).date().unwrap_or(month.last_day()),
                },
            )?;
            Ok(format!(
                "expected payment of {} for {}",
                i.amount.to_human(),
                i.month
            ))
        }
    }
}

fn delete(store: &mut Store, target: Target, today: chrono::NaiveDate) -> OpResult<String> {
    match target {
        Target::Client(id) => {
            let c = ops::client_by_id(store, id)?;
            let deleted = ops::backups::delete_client_and_prune(store, id, today)?;
            let pruned = deleted.pruned.note().map(|n| format!("; {n}"));
            match deleted.backup {
                Some(b) => Ok(format!(
                    "deleted {} (backup: {}){}",
                    c.name,
                    b.display(),
                    pruned.unwrap_or_default()
                )),
                None => Ok(format!("deleted {}", c.name)),
            }
        }
        Target::Touchpoint(id) => {
            ops::delete_touchpoint(store, id)?;
            Ok("touchpoint deleted".into())
        }
        Target::Agreement(id) => {
            ops::delete_agreement(store, id)?;
            Ok("agreement deleted".into())
        }
        Target::Contact(id) => {
            ops::delete_contact(store, id)?;
            Ok("contact deleted".into())
        }
    }
}
