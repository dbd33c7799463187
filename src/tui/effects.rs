//! Performing effects: the only part of the TUI that talks to the store, and
//! only through the ops layer (the same operations as the command line).

use super::app::{App, Confirm, CountJob, Effect, Mode, Pane, Target};
use super::form::{Purpose, Value};
use super::window;
use crate::domain::{
    AgreementStatus, Contact, Money, NewAgreement, NewClient, NewContact, NewInvoice, NewPayment,
    NewTouchpoint, Owner, Status, Tier, TouchKind,
};
use crate::files::{Out, OutError};
use crate::ops::{self, ClientEdit, OpError, OpResult, TouchFilter, views};
use crate::store::Store;

/// How many months of history the plan pane's chart shows.
pub const HISTORY_MONTHS: u32 = 12;

pub fn perform(app: &mut App, store: &mut Store, effect: Effect) {
    let result = match effect {
        Effect::Quit => {
            app.quit = true;
            Ok(())
        }
        Effect::Reload => reload(app, store),
        Effect::LoadTouchWindow => load_touch_window(app, store, false),
        Effect::FilterTouch => load_touch_window(app, store, true),
        Effect::CountTouch => count_touch(app, store),
        Effect::FillTouch => fill_touch(app, store),
        Effect::LoadPlan => load_plan(app, store),
        Effect::LoadAgreements => load_agreements(app, store),
        Effect::LoadReview => load_review(app, store),
        Effect::WriteReport { replace } => write_report(app, store, replace),
        Effect::LoadCard(id) => load_card(app, store, id),
        Effect::Save(purpose, values) => match save(app, store, &purpose, &values) {
            Ok(message) => {
                app.mode = Mode::Normal;
                let r = reload(app, store);
                app.message = Some((message, false));
                r
            }
            Err(e) => {
                // Keep the form open, with the reason under it.
                if let Mode::Form(f) = &mut app.mode {
                    f.error = Some(e.to_string());
                }
                Ok(())
            }
        },
        Effect::Delete(target) => delete(store, target, app.today).and_then(|msg| {
            if matches!(target, Target::Client(_)) {
                app.card = None;
            }
            let r = reload(app, store);
            app.message = Some((msg, false));
            r
        }),
        Effect::Close(id, status) => {
            ops::close_agreement(store, id, status, app.today).and_then(|a| {
                let r = reload(app, store);
                app.message = Some((format!("agreement marked {}", a.status), false));
                r
            })
        }
    };
    if let Err(e) = result {
        app.message = Some((e.to_string(), true));
    }
}

/// Re-read what the panes show. Cheap: aggregate queries, and only the
/// visible window of the touchpoint log.
pub fn reload(app: &mut App, store: &mut Store) -> OpResult<()> {
    // The data may have changed: count the log again.
    app.touch.counted = None;
    app.touch.count = None;
    // The portfolio names the clients every pane shows. The other panes
    // load what they show when they are opened (see `switch_pane`), so
    // starting over a large log does not wait for panes nobody looks at.
    let view = views::portfolio(store, app.today)?;
    app.set_portfolio(view);
    app.history = views::plan_history(store, app.month, HISTORY_MONTHS)?;
    match app.pane {
        Pane::Portfolio => {}
        Pane::Touchpoints => load_touch_window(app, store, true)?,
        Pane::Agreements => load_agreements(app, store)?,
        Pane::Plan => load_plan(app, store)?,
        Pane::Review => load_review(app, store)?,
    }
    if app.pane != Pane::Review {
        // Rebuilt when the pane is next opened.
        app.review = None;
    }
    if let Some(card) = &app.card {
        let id = card.client_id;
        if ops::client_by_id(store, id).is_ok() {
            load_card(app, store, id)?;
        } else {
            app.card = None;
        }
    }
    Ok(())
}

/// Load the visible window of the log at `app.touch.offset`, fetching next
/// to the rows on hand by key (see `window`). `refresh`: the data or the
/// filter may have changed, so nothing on hand is reused as is. The matching
/// total is counted once per scope and filter, slice by slice when no key is
/// waiting (`count_touch`); until then it is provisional.
pub fn load_touch_window(app: &mut App, store: &mut Store, refresh: bool) -> OpResult<()> {
    let filter = TouchFilter::new(app.touch.scope, &app.filters[Pane::Touchpoints.index()]);
    let height = app.list_height.max(1);
    let t = &mut app.touch;
    let on_hand = match (t.rows_for.as_ref(), t.rows.first(), t.rows.last()) {
        (Some(f), Some(first), Some(last)) if *f == filter => Some(window::OnHand {
            at: t.rows_at,
            len: t.rows.len(),
            first: (first.at, first.id),
            last: (last.at, last.id),
        }),
        _ => None,
    };
    let counted = (t.counted.as_ref() == Some(&filter)).then_some(t.total);
    let plan = window::plan(on_hand, t.offset, height, counted, refresh);
    // A filter may match rarely: going down, walk a slice of the log at a
    // time and fill the rest of the window while no key is waiting.
    let down = matches!(
        plan.seek,
        ops::Seek::Newest | ops::Seek::Older(_) | ops::Seek::AtOrOlder(_)
    );
    let (fetched, stopped) = if plan.limit == 0 {
        (Vec::new(), None)
    } else if !filter.needle.is_empty() && down && plan.skip == 0 {
        ops::touch_page_within(store, &filter, plan.seek, plan.limit)?
    } else {
        (
            ops::touch_page(store, &filter, plan.seek, plan.skip, plan.limit)?,
            None,
        )
    };
    t.rows = plan.join(&t.rows, fetched, height);
    t.fill = stopped.map(|k| (filter.clone(), k));
    // Re-read by key: the first row's position is assumed until the count
    // finds it.
    let mut anchored = matches!(plan.seek, ops::Seek::AtOrOlder(_));
    if t.rows.is_empty() && t.offset > 0 && t.fill.is_none() {
        // Nothing at this position, and the whole log below it was read:
        // it shrank under us (a delete elsewhere). Show its end.
        t.rows = ops::touch_page(store, &filter, ops::Seek::Oldest, 0, height)?;
        t.offset = counted.unwrap_or(t.offset).saturating_sub(t.rows.len());
        anchored = counted.is_none();
    }
    t.rows_at = t.offset;
    t.rows_for = Some(filter.clone());
    if t.counted.as_ref() != Some(&filter) {
        if t.count.as_ref().map(|job| &job.filter) != Some(&filter) {
            let anchor = match (anchored, t.rows.first()) {
                (true, Some(first)) => Some(((first.at, first.id), t.rows_at)),
                _ => None,
            };
            // The total shown from now on is this filter's, provisional: a
            // count of another filter no longer stands for it.
            t.counted = None;
            t.count = Some(CountJob {
                filter,
                after: None,
                so_far: 0,
                anchor,
            });
        }
        t.total = t.provisional_total(height);
    }
    t.clamp_selection();
    Ok(())
}

/// Fill a short window one slice further (the runner calls this while no
/// key is waiting, before counting).
pub fn fill_touch(app: &mut App, store: &mut Store) -> OpResult<()> {
    let height = app.list_height.max(1);
    let t = &mut app.touch;
    let Some((filter, after)) = t.fill.take() else {
        return Ok(());
    };
    let want = height.saturating_sub(t.rows.len());
    if want == 0 || t.rows_for.as_ref() != Some(&filter) {
        return Ok(());
    }
    let (rows, stopped) = ops::touch_page_within(store, &filter, ops::Seek::Older(after), want)?;
    t.rows.extend(rows);
    t.fill = stopped.map(|k| (filter, k));
    if t.count_pending() {
        t.total = t.total.max(t.provisional_total(height));
    }
    Ok(())
}

/// Count one slice of the filtered log (the runner calls this while no key
/// is waiting, until the count is done).
pub fn count_touch(app: &mut App, store: &mut Store) -> OpResult<()> {
    let t = &mut app.touch;
    let Some(job) = t.count.as_mut() else {
        return Ok(());
    };
    let slice = ops::count_touch_slice(store, &job.filter, job.after).and_then(|(n, next)| {
        // The anchor's position, once the slice holding it is counted: the
        // matches before this slice and those newer than it in the slice.
        let found = match job.anchor {
            Some((key, assumed))
                if job.after.is_none_or(|a| key < a) && next.is_none_or(|end| key >= end) =>
            {
                let newer = ops::count_newer(store, &job.filter, job.after, key)?;
                Some((usize::try_from(job.so_far + newer).unwrap_or(0), assumed))
            }
            _ => None,
        };
        Ok((n, next, found))
    });
    let (n, next, found) = match slice {
        Ok(slice) => slice,
        Err(e) => {
            // Give up (the total stays provisional); the next load retries.
            t.count = None;
            return Err(e);
        }
    };
    job.so_far += n;
    job.after = next;
    if let Some((position, assumed)) = found {
        job.anchor = None;
        // Shift the window's numbers; the rows on screen stay.
        let shift = |v: usize| (v + position).saturating_sub(assumed);
        t.offset = shift(t.offset);
        t.rows_at = shift(t.rows_at);
        t.selected = shift(t.selected);
    }
    if next.is_none() {
        t.total = t.count.take().map_or(0, |job| {
            t.counted = Some(job.filter);
            usize::try_from(job.so_far).unwrap_or(0)
        });
        t.clamp_selection();
    }
    Ok(())
}

pub fn load_agreements(app: &mut App, store: &mut Store) -> OpResult<()> {
    app.set_agreements(ops::agreements(store, None, false)?);
    Ok(())
}

pub fn load_plan(app: &mut App, store: &mut Store) -> OpResult<()> {
    app.plan = Some(views::month_view(store, app.month, app.today)?);
    app.history = views::plan_history(store, app.month, HISTORY_MONTHS)?;
    let n = app.plan.as_ref().map_or(0, |p| p.plan.clients.len());
    app.plan_selected = app.plan_selected.min(n.saturating_sub(1));
    Ok(())
}

pub fn load_review(app: &mut App, store: &mut Store) -> OpResult<()> {
    let b = views::briefing(store, app.month, app.today)?;
    app.review_selected = app.review_selected.min(b.at_risk.len().saturating_sub(1));
    app.review = Some(b);
    Ok(())
}

/// The briefing as Markdown in the current folder, named by its month. An
/// existing file is replaced only after a `y` to a question naming it; the
/// portfolio and other databases never (the rule of [`crate::files`]).
fn write_report(app: &mut App, store: &Store, replace: bool) -> OpResult<()> {
    let Some(b) = &app.review else {
        return Err(ops::invalid("report", "the briefing is not loaded yet"));
    };
    let path = app.report_dir.join(format!("briefing-{}.md", b.month));
    let shown = std::path::absolute(&path).unwrap_or_else(|_| path.clone());
    let out = match Out::resolve(&path, replace, store.path()) {
        Ok(out) => out,
        Err(e @ (OutError::Exists(_) | OutError::Symlink(_))) => {
            let question = match e {
                OutError::Exists(_) => "exists. Replace it?",
                _ => "is a symbolic link. Write to the file it points to?",
            };
            app.mode = Mode::Confirm(Confirm {
                prompt: format!("{} {question} y/n", shown.display()),
                effect: Effect::WriteReport { replace: true },
            });
            return Ok(());
        }
        Err(e) => return Err(e.into()),
    };
    out.write(|w| w.write_all(crate::io::report::markdown(b).as_bytes()))?;
    app.message = Some((format!("wrote {}", shown.display()), false));
    Ok(())
}

pub fn load_card(app: &mut App, store: &mut Store, id: i64) -> OpResult<()> {
    let client = ops::client_by_id(store, id)?;
    let card = views::client_card(store, &client, app.today)?;
    if let Some(c) = &mut app.card
        && c.client_id == id
    {
        c.data = Some(card);
    }
    Ok(())
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
fn save(app: &App, store: &mut Store, purpose: &Purpose, v: &[Value]) -> OpResult<String> {
    let get = |i: usize| v.get(i).cloned().unwrap_or(Value::Text(None));
    match purpose {
        Purpose::AddClient => {
            let c = ops::add_client(
                store,
                &NewClient {
                    name: get(0).text().ok_or(missing("name"))?,
                    tier: get(1).tier().unwrap_or(Tier::Potential),
                    status: Status::Active,
                    since: get(3).date().unwrap_or(app.today),
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
            let c = ops::set_tier(
                store,
                *id,
                tier,
                &reason,
                get(2).date().unwrap_or(app.today),
            )?;
            Ok(format!("{} is now {}", c.name, c.tier))
        }
        Purpose::ChangeStatus(id) => {
            let status = get(0).status().ok_or(missing("status"))?;
            let reason = get(1).text().ok_or(missing("reason"))?;
            let c = ops::set_status(
                store,
                *id,
                status,
                &reason,
                get(2).date().unwrap_or(app.today),
            )?;
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
                at: get(1).date().unwrap_or(app.today),
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
            let made_on = get(4).date().unwrap_or(app.today);
            if let Purpose::EditAgreement(id) = purpose {
                let existing = app.agreements.iter().find(|a| a.id == *id).cloned().ok_or(
                    OpError::NotFound {
                        what: "agreement",
                        id: *id,
                    },
                )?;
                ops::edit_agreement(
                    store,
                    &crate::domain::Agreement {
                        client_id: cid,
                        text,
                        owner,
                        due,
                        made_on,
                        ..existing
                    },
                )?;
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
                    on: get(1).date().unwrap_or(app.today),
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
