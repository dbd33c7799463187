//! Performing effects: the only part of the TUI that talks to the store, and
//! only through the ops layer (the same operations as the command line).
//! Each effect is answered with a message for `update`; nothing here
//! changes the `App`.

use crate::format::{self, Locale};
use chrono::NaiveDate;

use super::action::{Effect, Loaded, Msg, Saved, Target};
use super::forms::Save;
use super::panes;
use crate::domain::{Agreement, AgreementStatus, Contact, Id, Invoice, Payment, Touchpoint};
use crate::ops::undo::{self, Inverse, Kind, Record};
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
        Effect::Save(values) => Ok(Msg::Saved(save(store, values).map_err(|e| e.to_string()))),
        Effect::Delete(target) => delete(store, target, today).map(|saved| Msg::Saved(Ok(saved))),
        Effect::Close(id, status) => ops::close_agreement(store, id, status, today).map(|a| {
            let open = Agreement {
                status: AgreementStatus::Open,
                closed_on: None,
                ..a.clone()
            };
            let what = format!("agreement «{}» open again", a.text);
            Msg::Saved(Ok(Saved::said(format!("agreement marked {}", a.status))
                .touched(a.clone())
                .undo(restore(open, a), what)))
        }),
        Effect::Undo(change) => Ok(super::undo::perform(store, *change)),
    };
    result.unwrap_or_else(|e| Msg::Failed(e.to_string()))
}

/// The client a form names (the form checked the name; it may have gone
/// since, or been renamed elsewhere).
fn client_id(store: &Store, name: &str) -> OpResult<Id> {
    Ok(ops::client_by_name(store, name)?.id)
}

/// The language of the toasts (issue 23: the user's).
const LOC: Locale = Locale::En;

/// Save a form's values through the operations: what to say, the record
/// saved (selected next) and how `u` undoes it.
fn save(store: &mut Store, save: Save) -> OpResult<Saved> {
    match save {
        Save::AddClient(new) => {
            let c = ops::add_client(store, &new)?;
            let what = format!("new client {} (removed)", c.name);
            Ok(Saved::said(format!("added {}", c.name))
                .touched(c.clone())
                .undo(Inverse::Remove(c.into()), what))
        }
        Save::EditClient(id, edit) => {
            let before = ops::client_by_id(store, id)?;
            let c = ops::edit_client(store, id, &edit)?;
            let what = format!("edit of {}", before.name);
            Ok(edited(
                Saved::said(format!("Saved {}", c.name)).touched(c.clone()),
                before,
                c,
                what,
            ))
        }
        Save::Tier {
            client,
            tier,
            reason,
            on,
        } => {
            let (c, inverse) = ops::set_tier_noted(store, client, tier, &reason, on)?;
            let what = match &inverse {
                Inverse::Tier { from, .. } => format!("tier of {} back to {from}", c.name),
                _ => format!("tier of {}", c.name),
            };
            Ok(Saved::said(format!("{} is now {}", c.name, c.tier))
                .touched(c)
                .undo(inverse, what))
        }
        Save::Status {
            client,
            status,
            reason,
            on,
        } => {
            let (c, inverse) = ops::set_status_noted(store, client, status, &reason, on)?;
            let what = match &inverse {
                Inverse::Status { from, .. } => format!("status of {} back to {from}", c.name),
                _ => format!("status of {}", c.name),
            };
            Ok(Saved::said(format!("{} is now {}", c.name, c.status))
                .touched(c)
                .undo(inverse, what))
        }
        Save::AddContact(client, new) => {
            let c = ops::add_contact(store, client, &new)?;
            let of = ops::client_by_id(store, client)?;
            let what = format!("new contact {} for {} (removed)", c.name, of.name);
            Ok(
                Saved::said(format!("Added contact {} for {}", c.name, of.name))
                    .touched(c.clone())
                    .undo(Inverse::Remove(c.into()), what),
            )
        }
        Save::EditContact(id, new) => {
            let mut before = None;
            let c = ops::change(store, id, |c: &mut Contact| {
                before = Some(c.clone());
                (c.name, c.role, c.decision_maker) = (new.name, new.role, new.decision_maker);
                (c.phone, c.email, c.birthday) = (new.phone, new.email, new.birthday);
            })?;
            let of = ops::client_by_id(store, c.client_id)?;
            let saved = Saved::said(format!("Saved contact {} for {}", c.name, of.name));
            let what = format!("edit of contact {} for {}", c.name, of.name);
            Ok(edited(saved.touched(c.clone()), before, c, what))
        }
        Save::AddTouchpoint(client, t) => {
            let cid = client_id(store, &client)?;
            let t = ops::add_touchpoint(store, cid, &t)?;
            let what = format!("new touchpoint for {client} (removed)");
            Ok(Saved::said(format!("Saved touchpoint for {client}"))
                .touched(t.clone())
                .undo(Inverse::Remove(t.into()), what))
        }
        Save::EditTouchpoint(id, client, t) => {
            let cid = client_id(store, &client)?;
            // Read and written in one transaction, as the command line does.
            let mut before = None;
            let after = ops::change(store, id, |old: &mut Touchpoint| {
                before = Some(old.clone());
                (old.client_id, old.at, old.kind) = (cid, t.at, t.kind);
                (old.summary, old.minutes) = (t.summary, t.minutes);
                (old.next_step, old.next_due) = (t.next_step, t.next_due);
            })?;
            let saved = Saved::said(format!("Saved touchpoint for {client}"));
            let what = format!("edit of the touchpoint for {client}");
            Ok(edited(saved.touched(after.clone()), before, after, what))
        }
        Save::AddAgreement(client, a) => {
            let cid = client_id(store, &client)?;
            let a = ops::add_agreement(store, cid, &a)?;
            let what = format!("new agreement with {client} (removed)");
            Ok(Saved::said(format!("Saved agreement with {client}"))
                .touched(a.clone())
                .undo(Inverse::Remove(a.into()), what))
        }
        Save::EditAgreement(id, client, a) => {
            let cid = client_id(store, &client)?;
            // Read and written in one transaction: what changed meanwhile
            // (its status, elsewhere) is kept.
            let mut before = None;
            let after = ops::change(store, id, |old: &mut Agreement| {
                before = Some(old.clone());
                (old.client_id, old.text, old.owner) = (cid, a.text, a.owner);
                (old.due, old.made_on) = (a.due, a.made_on);
            })?;
            let saved = Saved::said(format!("Saved agreement with {client}"));
            let what = format!("edit of the agreement with {client}");
            Ok(edited(saved.touched(after.clone()), before, after, what))
        }
        Save::Target(month, amount) => {
            ops::set_target(store, month, amount)?;
            Ok(Saved::said(format!(
                "target for {}: {}",
                format::month(LOC, month),
                format::money(LOC, amount)
            )))
        }
        Save::AddPayment(client, p) => {
            let cid = client_id(store, &client)?;
            let p = ops::add_payment(store, cid, &p)?;
            let what = format!(
                "payment of {} from {client} (removed)",
                format::money(LOC, p.amount)
            );
            Ok(Saved::said(format!(
                "Recorded payment of {} from {client}",
                format::money(LOC, p.amount)
            ))
            .touched(p.clone())
            .undo(Inverse::Remove(p.into()), what))
        }
        Save::EditPayment(id, client, new) => {
            let cid = client_id(store, &client)?;
            // Read and written in one transaction, as `folio pay edit` does.
            let mut before = None;
            let after = ops::change(store, id, |old: &mut Payment| {
                before = Some(old.clone());
                (old.client_id, old.on) = (cid, new.on);
                (old.amount, old.note) = (new.amount, new.note);
            })?;
            let saved = Saved::said(format!(
                "Saved payment of {} from {client}",
                format::money(LOC, after.amount)
            ));
            let what = format!("edit of the payment from {client}");
            Ok(edited(saved.touched(after.clone()), before, after, what))
        }
        Save::EditInvoice(id, client, new) => {
            let cid = client_id(store, &client)?;
            // Read and written in one transaction, as `folio invoice edit`
            // does.
            let mut before = None;
            let after = ops::change(store, id, |old: &mut Invoice| {
                before = Some(old.clone());
                (old.client_id, old.month) = (cid, new.month);
                (old.amount, old.due) = (new.amount, new.due);
            })?;
            let saved = Saved::said(format!(
                "Saved expected payment of {} from {client} for {}",
                format::money(LOC, after.amount),
                format::month(LOC, after.month)
            ));
            let what = format!("edit of the expected payment from {client}");
            Ok(edited(saved.touched(after.clone()), before, after, what))
        }
        Save::AddInvoice(client, i) => {
            let cid = client_id(store, &client)?;
            let i = ops::add_invoice(store, cid, &i)?;
            let what = format!(
                "expected payment of {} from {client} (removed)",
                format::money(LOC, i.amount)
            );
            Ok(Saved::said(format!(
                "Expecting {} from {client} for {}",
                format::money(LOC, i.amount),
                format::month(LOC, i.month)
            ))
            .touched(i.clone())
            .undo(Inverse::Remove(i.into()), what))
        }
        Save::WriteReport(_) => Err(OpError::Invalid {
            field: "File",
            message: "a briefing is written, not saved".into(),
        }),
    }
}

/// How `u` undoes an edit: `before` put back over `after`.
fn restore(before: impl Into<Record>, after: impl Into<Record>) -> Inverse {
    Inverse::Restore {
        before: before.into(),
        after: after.into(),
    }
}

/// An edit saved: undoable when it changed something (`before`: the record
/// as it was), else it says so.
fn edited<T: Into<Record> + PartialEq>(
    saved: Saved,
    before: impl Into<Option<T>>,
    after: T,
    what: String,
) -> Saved {
    match before.into() {
        Some(before) if before != after => saved.undo(restore(before, after), what),
        _ => Saved {
            message: "Nothing changed".into(),
            ..saved
        },
    }
}

/// Delete a record; `u` puts it back (a client: its backup copy does).
fn delete(store: &mut Store, target: Target, today: chrono::NaiveDate) -> OpResult<Saved> {
    let (kind, id) = match target {
        Target::Client(id) => {
            let c = ops::client_by_id(store, id)?;
            let deleted = ops::backups::delete_client_and_prune(store, id, today)?;
            let pruned = deleted.pruned.note().map(|n| format!("; {n}"));
            let message = match deleted.backup {
                Some(b) => format!(
                    "deleted {} (backup: {}){}",
                    c.name,
                    b.display(),
                    pruned.unwrap_or_default()
                ),
                None => format!("deleted {}", c.name),
            };
            return Ok(Saved {
                deleted_client: Some(id),
                ..Saved::said(message)
            });
        }
        Target::Touchpoint(id) => (Kind::Touchpoint, id),
        Target::Agreement(id) => (Kind::Agreement, id),
        Target::Contact(id) => (Kind::Contact, id),
        Target::Payment(id) => (Kind::Payment, id),
        Target::Invoice(id) => (Kind::Invoice, id),
    };
    let record = undo::delete(store, kind, id)?;
    let of = ops::client_by_id(store, record.client_id())?;
    let what = format!("delete of the {} of {}", kind.what(), of.name);
    Ok(Saved::said(format!("{} deleted", kind.what())).undo(Inverse::Reinsert(record), what))
}
