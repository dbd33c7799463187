//! Performing effects: the only part of the TUI that talks to the store, and
//! only through the ops layer (the same operations as the command line).
//! Each effect is answered with a message for `update`; nothing here
//! changes the `App`.

use crate::format::{self, Arg, Locale, text, text_with};
use chrono::NaiveDate;

use super::action::{Effect, Loaded, Msg, Saved};
use super::form::Refused;
use super::forms::Save;
use super::panes;
use super::words;
use crate::domain::{Agreement, AgreementStatus, Contact, Id, Invoice, Payment, Touchpoint};
use crate::ops::undo::{self, Inverse, Kind, Record};
use crate::ops::{self, OpError, OpResult, views};
use crate::store::Store;

/// How many months of history the plan pane's chart shows.
pub const HISTORY_MONTHS: u32 = 12;

/// Run one effect against the store; the answer for `update`.
pub fn perform(store: &mut Store, today: NaiveDate, loc: Locale, effect: Effect) -> Msg {
    let loaded = |l: Loaded| Msg::Loaded(Box::new(l));
    let result = match effect {
        Effect::Reload => views::portfolio(store, today).map(|v| loaded(Loaded::Portfolio(v))),
        Effect::LoadHistory(month) => {
            views::plan_history(store, month, HISTORY_MONTHS).map(|h| loaded(Loaded::History(h)))
        }
        Effect::Pane(request) => Ok(panes::perform(store, today, loc, request)),
        Effect::LoadCard(id) => match ops::client_by_id(store, id) {
            Ok(client) => views::client_card(store, &client, today)
                .map(|card| loaded(Loaded::Card(id, Some(card)))),
            Err(OpError::NotFound { .. }) => Ok(loaded(Loaded::Card(id, None))),
            Err(e) => Err(e),
        },
        // A file, not the portfolio: written, or a question first.
        Effect::Save(Save::WriteReport(report)) => {
            let request = panes::Request::WriteReport(report);
            Ok(panes::perform(store, today, loc, request))
        }
        Effect::Save(values) => Ok(Msg::Saved(
            save(store, loc, values).map_err(|e| Refused::of(loc, &e)),
        )),
        Effect::Delete(kind, id) => {
            delete(store, loc, kind, id, today).map(|saved| Msg::Saved(Ok(saved)))
        }
        Effect::Close(id, status) => ops::close_agreement(store, id, status, today).map(|a| {
            let open = Agreement {
                status: AgreementStatus::Open,
                closed_on: None,
                ..a.clone()
            };
            // Undone as an edit: the agreement open again.
            let status = words::agreement(loc, a.status);
            let said = say(loc, "toast-agreement-marked", &[("status", &status)]);
            let what = say(loc, "toast-agreement-reopened", &[("text", &a.text)]);
            Msg::Saved(Ok(edited(loc, said, Some(open), a, what)))
        }),
        Effect::Undo(change) => Ok(super::undo::perform(store, loc, *change)),
    };
    result.unwrap_or_else(|e| Msg::Failed(format::explain_error(loc, &e)))
}

/// The client a form names (the form checked the name; it may have gone
/// since, or been renamed elsewhere).
fn client_id(store: &Store, name: &str) -> OpResult<Id> {
    Ok(ops::client_by_name(store, name)?.id)
}

/// A toast (or what `u` undoes) in `loc`: the message `id` with text values.
fn say(loc: Locale, id: &str, args: &[(&str, impl AsRef<str>)]) -> String {
    let args: Vec<(&str, Arg)> = args
        .iter()
        .map(|(k, v)| (*k, Arg::Str(v.as_ref())))
        .collect();
    text_with(loc, id, &args)
}

/// Save a form's values through the operations: what to say, the record
/// saved (selected next) and how `u` undoes it.
fn save(store: &mut Store, loc: Locale, save: Save) -> OpResult<Saved> {
    match save {
        Save::AddClient(new) => {
            let c = ops::add_client(store, &new)?;
            let name = [("name", c.name.as_str())];
            let said = say(loc, "toast-added-client", &name);
            let what = say(loc, "toast-new-client-removed", &name);
            Ok(added(said, c, what))
        }
        Save::EditClient(id, edit) => {
            let before = ops::client_by_id(store, id)?;
            let c = ops::edit_client(store, id, &edit)?;
            let said = say(loc, "toast-saved-client", &[("name", &c.name)]);
            let what = say(loc, "toast-edit-of", &[("name", &before.name)]);
            Ok(edited(loc, said, Some(before), c, what))
        }
        Save::Tier {
            client,
            tier,
            reason,
            on,
        } => {
            let (c, inverse) = ops::set_tier_noted(store, client, tier, &reason, on)?;
            let what = match &inverse {
                Inverse::Tier { from, .. } => {
                    let from = words::tier(loc, *from);
                    say(loc, "toast-tier-back", &[("name", &c.name), ("was", &from)])
                }
                _ => say(loc, "toast-tier-of", &[("name", &c.name)]),
            };
            let now = words::tier(loc, c.tier);
            Ok(moved(loc, c, &now).undo(inverse, what))
        }
        Save::Status {
            client,
            status,
            reason,
            on,
        } => {
            let (c, inverse) = ops::set_status_noted(store, client, status, &reason, on)?;
            let what = match &inverse {
                Inverse::Status { from, .. } => {
                    let from = words::status(loc, *from);
                    let names = [("name", c.name.as_str()), ("was", &from)];
                    say(loc, "toast-status-back", &names)
                }
                _ => say(loc, "toast-status-of", &[("name", &c.name)]),
            };
            let now = words::status(loc, c.status);
            Ok(moved(loc, c, &now).undo(inverse, what))
        }
        Save::AddContact(client, new) => {
            let c = ops::add_contact(store, client, &new)?;
            let of = ops::client_by_id(store, client)?;
            let names = [("name", c.name.as_str()), ("client", of.name.as_str())];
            let said = say(loc, "toast-added-contact", &names);
            let what = say(loc, "toast-new-contact-removed", &names);
            Ok(added(said, c, what))
        }
        Save::EditContact(id, new) => {
            let (before, c) = change(store, id, |c: &mut Contact| {
                (c.name, c.role, c.decision_maker) = (new.name, new.role, new.decision_maker);
                (c.phone, c.email, c.birthday) = (new.phone, new.email, new.birthday);
            })?;
            let of = ops::client_by_id(store, c.client_id)?;
            let names = [("name", c.name.as_str()), ("client", of.name.as_str())];
            let said = say(loc, "toast-saved-contact", &names);
            let what = say(loc, "toast-edit-of-contact", &names);
            Ok(edited(loc, said, before, c, what))
        }
        Save::AddTouchpoint(client, t) => {
            let t = ops::add_touchpoint(store, client_id(store, &client)?, &t)?;
            let client = [("client", client.as_str())];
            let said = say(loc, "toast-saved-touchpoint", &client);
            let what = say(loc, "toast-new-touchpoint-removed", &client);
            Ok(added(said, t, what))
        }
        Save::EditTouchpoint(id, client, t) => {
            let cid = client_id(store, &client)?;
            let (before, after) = change(store, id, |old: &mut Touchpoint| {
                (old.client_id, old.at, old.kind) = (cid, t.at, t.kind);
                (old.summary, old.minutes) = (t.summary, t.minutes);
                (old.next_step, old.next_due) = (t.next_step, t.next_due);
            })?;
            let client = [("client", client.as_str())];
            let said = say(loc, "toast-saved-touchpoint", &client);
            let what = say(loc, "toast-edit-of-touchpoint", &client);
            Ok(edited(loc, said, before, after, what))
        }
        Save::AddAgreement(client, a) => {
            let a = ops::add_agreement(store, client_id(store, &client)?, &a)?;
            let client = [("client", client.as_str())];
            let said = say(loc, "toast-saved-agreement", &client);
            let what = say(loc, "toast-new-agreement-removed", &client);
            Ok(added(said, a, what))
        }
        Save::EditAgreement(id, client, a) => {
            let cid = client_id(store, &client)?;
            // What changed meanwhile (its status, elsewhere) is kept.
            let (before, after) = change(store, id, |old: &mut Agreement| {
                (old.client_id, old.text, old.owner) = (cid, a.text, a.owner);
                (old.due, old.made_on) = (a.due, a.made_on);
            })?;
            let client = [("client", client.as_str())];
            let said = say(loc, "toast-saved-agreement", &client);
            let what = say(loc, "toast-edit-of-agreement", &client);
            Ok(edited(loc, said, before, after, what))
        }
        Save::Target(month, amount) => {
            ops::set_target(store, month, amount)?;
            let (month, amount) = (format::month(loc, month), format::money(loc, amount));
            let values = [("month", month.as_str()), ("amount", amount.as_str())];
            Ok(Saved::said(say(loc, "toast-target", &values)))
        }
        Save::AddPayment(client, p) => {
            let p = ops::add_payment(store, client_id(store, &client)?, &p)?;
            let amount = format::money(loc, p.amount);
            let values = [("amount", amount.as_str()), ("client", client.as_str())];
            let said = say(loc, "toast-recorded-payment", &values);
            let what = say(loc, "toast-new-payment-removed", &values);
            Ok(added(said, p, what))
        }
        Save::EditPayment(id, client, new) => {
            let cid = client_id(store, &client)?;
            let (before, after) = change(store, id, |old: &mut Payment| {
                (old.client_id, old.on) = (cid, new.on);
                (old.amount, old.note) = (new.amount, new.note);
            })?;
            let amount = format::money(loc, after.amount);
            let values = [("amount", amount.as_str()), ("client", client.as_str())];
            let said = say(loc, "toast-saved-payment", &values);
            let what = say(loc, "toast-edit-of-payment", &[("client", &client)]);
            Ok(edited(loc, said, before, after, what))
        }
        Save::EditInvoice(id, client, new) => {
            let cid = client_id(store, &client)?;
            let (before, after) = change(store, id, |old: &mut Invoice| {
                (old.client_id, old.month) = (cid, new.month);
                (old.amount, old.due) = (new.amount, new.due);
            })?;
            let values = invoice_values(loc, &after, &client);
            let said = say(loc, "toast-saved-invoice", &values);
            let what = say(loc, "toast-edit-of-invoice", &[("client", &client)]);
            Ok(edited(loc, said, before, after, what))
        }
        Save::AddInvoice(client, i) => {
            let i = ops::add_invoice(store, client_id(store, &client)?, &i)?;
            let values = invoice_values(loc, &i, &client);
            let said = say(loc, "toast-expecting", &values);
            let what = say(loc, "toast-new-invoice-removed", &values);
            Ok(added(said, i, what))
        }
        Save::WriteReport(_) => Err(OpError::Invalid {
            field: "File",
            reason: Box::new(crate::domain::Refusal::BriefingNotSaved),
        }),
    }
}

/// An invoice's amount, month and client, for a toast.
fn invoice_values(loc: Locale, i: &Invoice, client: &str) -> Vec<(&'static str, String)> {
    vec![
        ("amount", format::money(loc, i.amount)),
        ("client", client.to_string()),
        ("month", format::month(loc, i.month)),
    ]
}

/// Record `id` changed by `edit`, read and written in one transaction as
/// the command line's edits are (what changed meanwhile elsewhere is
/// kept): the record as it was, and as saved.
fn change<T: ops::Editable>(
    store: &mut Store,
    id: Id,
    edit: impl FnOnce(&mut T),
) -> OpResult<(Option<T>, T)> {
    let mut before = None;
    let after = ops::change(store, id, |old: &mut T| {
        before = Some(old.clone());
        edit(old);
    })?;
    Ok((before, after))
}

/// A new record saved (`said`): selected next, and `u` removes it
/// (`what` says so).
fn added(said: String, record: impl Into<Record>, what: String) -> Saved {
    let record = record.into();
    Saved::said(said)
        .touched(record.clone())
        .undo(Inverse::Remove(record), what)
}

/// Client `c` moved to another tier or status, `now`.
fn moved(loc: Locale, c: crate::domain::Client, now: &str) -> Saved {
    let args = [("name", c.name.as_str()), ("now", now)];
    Saved::said(say(loc, "toast-is-now", &args)).touched(c)
}

/// An edit saved (`said`), selected next: undoable (`before`, the record
/// as it was, put back over `after`) when it changed something, else it
/// says so.
fn edited<T: Into<Record> + PartialEq + Clone>(
    loc: Locale,
    said: String,
    before: Option<T>,
    after: T,
    what: String,
) -> Saved {
    let saved = Saved::said(said).touched(after.clone());
    match before {
        Some(before) if before != after => {
            let inverse = Inverse::Restore {
                before: before.into(),
                after: after.into(),
            };
            saved.undo(inverse, what)
        }
        _ => Saved {
            message: text(loc, "toast-nothing-changed"),
            ..saved
        },
    }
}

/// Delete a record; `u` puts it back (a client: its backup copy does).
fn delete(
    store: &mut Store,
    loc: Locale,
    kind: Kind,
    id: Id,
    today: chrono::NaiveDate,
) -> OpResult<Saved> {
    if kind == Kind::Client {
        let c = ops::client_by_id(store, id)?;
        let deleted = ops::backups::delete_client_and_prune(store, id, today)?;
        let pruned = crate::format::notes::pruned(loc, &deleted.pruned).map(|n| format!("; {n}"));
        let message = match deleted.backup {
            Some(b) => {
                let backup = b.display().to_string();
                let values = [("name", c.name.as_str()), ("backup", backup.as_str())];
                let said = say(loc, "toast-deleted-client-backup", &values);
                format!("{said}{}", pruned.unwrap_or_default())
            }
            None => say(loc, "toast-deleted-client", &[("name", &c.name)]),
        };
        return Ok(Saved {
            deleted_client: Some(id),
            ..Saved::said(message)
        });
    }
    let record = undo::delete(store, kind, id)?;
    let of = ops::client_by_id(store, record.client_id())?;
    let (what_id, said_id) = match kind {
        Kind::Client => ("toast-delete-of-client", "toast-deleted-client-kind"),
        Kind::Contact => ("toast-delete-of-contact", "toast-deleted-contact"),
        Kind::Touchpoint => ("toast-delete-of-touchpoint", "toast-deleted-touchpoint"),
        Kind::Agreement => ("toast-delete-of-agreement", "toast-deleted-agreement"),
        Kind::Payment => ("toast-delete-of-payment", "toast-deleted-payment"),
        Kind::Invoice => ("toast-delete-of-invoice", "toast-deleted-invoice"),
    };
    let what = say(loc, what_id, &[("client", &of.name)]);
    Ok(Saved::said(text(loc, said_id)).undo(Inverse::Reinsert(record), what))
}
