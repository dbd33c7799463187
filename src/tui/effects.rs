//! Performing effects: the only part of the TUI that talks to the store, and
//! only through the ops layer (the same operations as the command line).
//! Each effect is answered with a message for `update`; nothing here
//! changes the `App`.

use crate::format::{self, Locale};
use chrono::NaiveDate;

use super::action::{Effect, Loaded, Msg, Saved, Target};
use super::forms::Save;
use super::panes;
use crate::domain::{Agreement, Contact, Id, Touchpoint};
use crate::ops::{self, OpError, OpResult, views};
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
        // A file, not the portfolio: written, or a question first.
        Effect::Save(Save::WriteReport(report)) => Ok(panes::perform(
            store,
            today,
            panes::Request::WriteReport(report),
        )),
        Effect::Save(values) => Ok(Msg::Saved(
            save(store, values)
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

/// The client a form names (the form checked the name; it may have gone
/// since, or been renamed elsewhere).
fn client_id(store: &Store, name: &str) -> OpResult<Id> {
    Ok(ops::client_by_name(store, name)?.id)
}

/// Save a form's values through the operations; returns the line to show.
/// The language of the toasts (issue 23: the user's).
const LOC: Locale = Locale::En;

fn save(store: &mut Store, save: Save) -> OpResult<String> {
    match save {
        Save::AddClient(new) => {
            let c = ops::add_client(store, &new)?;
            Ok(format!("added {}", c.name))
        }
        Save::EditClient(id, edit) => {
            let before = ops::client_by_id(store, id)?;
            let c = ops::edit_client(store, id, &edit)?;
            Ok(said(c != before, format!("Saved {}", c.name)))
        }
        Save::Tier {
            client,
            tier,
            reason,
            on,
        } => {
            let c = ops::set_tier(store, client, tier, &reason, on)?;
            Ok(format!("{} is now {}", c.name, c.tier))
        }
        Save::Status {
            client,
            status,
            reason,
            on,
        } => {
            let c = ops::set_status(store, client, status, &reason, on)?;
            Ok(format!("{} is now {}", c.name, c.status))
        }
        Save::AddContact(client, new) => {
            let c = ops::add_contact(store, client, &new)?;
            let of = ops::client_by_id(store, client)?;
            Ok(format!("Added contact {} for {}", c.name, of.name))
        }
        Save::EditContact(id, new) => {
            let mut changed = false;
            let c = ops::change(store, id, |c: &mut Contact| {
                let before = c.clone();
                (c.name, c.role, c.decision_maker) = (new.name, new.role, new.decision_maker);
                (c.phone, c.email, c.birthday) = (new.phone, new.email, new.birthday);
                changed = *c != before;
            })?;
            let of = ops::client_by_id(store, c.client_id)?;
            Ok(said(
                changed,
                format!("Saved contact {} for {}", c.name, of.name),
            ))
        }
        Save::AddTouchpoint(client, t) => {
            let cid = client_id(store, &client)?;
            ops::add_touchpoint(store, cid, &t)?;
            Ok(format!("Saved touchpoint for {client}"))
        }
        Save::EditTouchpoint(id, client, t) => {
            let cid = client_id(store, &client)?;
            // Read and written in one transaction, as the command line does.
            let mut changed = false;
            ops::change(store, id, |old: &mut Touchpoint| {
                let before = old.clone();
                (old.client_id, old.at, old.kind) = (cid, t.at, t.kind);
                (old.summary, old.minutes) = (t.summary, t.minutes);
                (old.next_step, old.next_due) = (t.next_step, t.next_due);
                changed = *old != before;
            })?;
            Ok(said(changed, format!("Saved touchpoint for {client}")))
        }
        Save::AddAgreement(client, a) => {
            let cid = client_id(store, &client)?;
            ops::add_agreement(store, cid, &a)?;
            Ok(format!("Saved agreement with {client}"))
        }
        Save::EditAgreement(id, client, a) => {
            let cid = client_id(store, &client)?;
            // Read and written in one transaction: what changed meanwhile
            // (its status, elsewhere) is kept.
            let mut changed = false;
            ops::change(store, id, |old: &mut Agreement| {
                let before = old.clone();
                (old.client_id, old.text, old.owner) = (cid, a.text, a.owner);
                (old.due, old.made_on) = (a.due, a.made_on);
                changed = *old != before;
            })?;
            Ok(said(changed, format!("Saved agreement with {client}")))
        }
        Save::Target(month, amount) => {
            ops::set_target(store, month, amount)?;
            Ok(format!(
                "target for {}: {}",
                format::month(LOC, month),
                format::money(LOC, amount)
            ))
        }
        Save::AddPayment(client, p) => {
            let cid = client_id(store, &client)?;
            let p = ops::add_payment(store, cid, &p)?;
            Ok(format!(
                "Recorded payment of {} from {client}",
                format::money(LOC, p.amount)
            ))
        }
        Save::AddInvoice(client, i) => {
            let cid = client_id(store, &client)?;
            let i = ops::add_invoice(store, cid, &i)?;
            Ok(format!(
                "Expecting {} from {client} for {}",
                format::money(LOC, i.amount),
                format::month(LOC, i.month)
            ))
        }
        Save::WriteReport(_) => Err(OpError::Invalid {
            field: "File",
            message: "a briefing is written, not saved".into(),
        }),
    }
}

/// What an edit says: what it saved, or that the values were the same.
fn said(changed: bool, saved: String) -> String {
    if changed {
        saved
    } else {
        "Nothing changed".into()
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
