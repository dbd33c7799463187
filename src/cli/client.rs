//! `folio client ...`

use anyhow::{Result, bail};
use serde::Serialize;

use super::args::{AliasCmd, ClientCmd, ContactCmd};
use super::table::{Align, Table};
use super::{LOC, Session, json, set, set_or_clear};
use crate::domain::money::bp_to_pct;
use crate::domain::signals::{ClientStats, NeglectState};
use crate::domain::{Contact, Money, NewClient, NewContact, Status};
use crate::format::{self, Noun};
use crate::ops::{self, ClientEdit, counterparties, views};

pub fn run(s: &mut Session, cmd: ClientCmd) -> Result<String> {
    match cmd {
        ClientCmd::Add {
            name,
            tier,
            cadence,
            since,
            channel,
            goal,
            notes,
            inn,
        } => {
            let c = counterparties::add_client_with_inn(
                &mut s.store,
                &NewClient {
                    name,
                    tier,
                    status: Status::Active,
                    since: since.unwrap_or(s.today),
                    cadence_days: cadence,
                    channel,
                    goal,
                    notes: notes.unwrap_or_default(),
                },
                inn.as_deref(),
            )?;
            Ok(format!(
                "Added client {} ({}, id {})\n",
                c.name, c.tier, c.id
            ))
        }
        ClientCmd::List {
            tier,
            status,
            json: as_json,
        } => {
            let view = views::portfolio(&mut s.store, s.today)?;
            let rows: Vec<&ClientStats> = view
                .clients
                .iter()
                .filter(|c| tier.is_none_or(|t| c.client.tier == t))
                .filter(|c| status.is_none_or(|st| c.client.status == st))
                .collect();
            if as_json {
                let out: Vec<ClientRow> = rows.iter().map(|c| ClientRow::from(*c)).collect();
                return json(&out);
            }
            if rows.is_empty() {
                return Ok("No clients yet. Add one with `folio client add NAME`.\n".into());
            }
            let mut t = Table::new(&[
                ("Client", Align::Left),
                ("Tier", Align::Left),
                ("Status", Align::Left),
                ("Revenue 12m", Align::Right),
                ("Share", Align::Right),
                ("Last touch", Align::Right),
                ("Cadence", Align::Right),
                ("Overdue", Align::Right),
                ("Broken", Align::Right),
            ]);
            for c in rows {
                t.row(vec![
                    c.client.name.clone(),
                    c.client.tier.to_string(),
                    c.client.status.to_string(),
                    format::money(LOC, c.revenue_12m),
                    c.share_bp
                        .map(|b| format::percent(LOC, b))
                        .unwrap_or("-".into()),
                    last_touch_cell(c),
                    c.client
                        .cadence_days
                        .map(|d| format::days_compact(LOC, d))
                        .unwrap_or("-".into()),
                    c.agreements.overdue.to_string(),
                    c.agreements.broken.to_string(),
                ]);
            }
            Ok(format!(
                "{}\nAmounts in {}. Last touch: days since; ! past cadence, ~ due today.\n",
                t.render(),
                view.currency
            ))
        }
        ClientCmd::Show {
            name,
            json: as_json,
        } => {
            let c = ops::client_by_name(&s.store, &name)?;
            let card = views::client_card(&mut s.store, &c, s.today)?;
            if as_json {
                return json(&card);
            }
            Ok(render_card(&card))
        }
        ClientCmd::Edit {
            name,
            new_name,
            since,
            cadence,
            no_cadence,
            channel,
            goal,
            notes,
            inn,
            no_inn,
        } => {
            let c = ops::client_by_name(&s.store, &name)?;
            let edit = ClientEdit {
                name: new_name,
                since,
                cadence_days: if no_cadence {
                    Some(None)
                } else {
                    cadence.map(Some)
                },
                channel,
                goal,
                notes,
                inn: if no_inn { Some(None) } else { inn.map(Some) },
            };
            let c = ops::edit_client(&mut s.store, c.id, &edit)?;
            Ok(format!("Updated client {} (id {})\n", c.name, c.id))
        }
        ClientCmd::Tier {
            name,
            tier,
            reason,
            on,
        } => {
            let c = ops::client_by_name(&s.store, &name)?;
            let from = c.tier;
            let c = ops::set_tier(&mut s.store, c.id, tier, &reason, on.unwrap_or(s.today))?;
            Ok(format!(
                "{}: tier {} -> {} ({})\n",
                c.name,
                from,
                c.tier,
                reason.trim()
            ))
        }
        ClientCmd::Status {
            name,
            status,
            reason,
            on,
        } => {
            let c = ops::client_by_name(&s.store, &name)?;
            let from = c.status;
            let c = ops::set_status(&mut s.store, c.id, status, &reason, on.unwrap_or(s.today))?;
            Ok(format!(
                "{}: status {} -> {} ({})\n",
                c.name,
                from,
                c.status,
                reason.trim()
            ))
        }
        ClientCmd::Delete { name, force } => {
            let c = ops::client_by_name(&s.store, &name)?;
            let records = ops::client_record_count(&s.store, c.id)?;
            if records > 0 && !force {
                bail!(
                    "{} has {} (touchpoints, agreements, money, contacts); add --force to delete them all",
                    c.name,
                    format::count(LOC, records, Noun::Record)
                );
            }
            let deleted = ops::backups::delete_client_and_prune(&mut s.store, c.id, s.today)?;
            super::backups::say_pruned(&deleted.pruned);
            Ok(match deleted.backup {
                Some(b) => format!(
                    "Deleted client {} and {}; the file before the delete is kept as {}\n",
                    c.name,
                    format::count(LOC, records, Noun::Record),
                    b.display()
                ),
                None => format!("Deleted client {}\n", c.name),
            })
        }
        ClientCmd::Contact(ContactCmd::Add {
            name,
            person,
            role,
            decision_maker,
            phone,
            email,
            birthday,
        }) => {
            let c = ops::client_by_name(&s.store, &name)?;
            let contact = ops::add_contact(
                &mut s.store,
                c.id,
                &NewContact {
                    name: person,
                    role,
                    decision_maker,
                    phone,
                    email,
                    birthday,
                },
            )?;
            Ok(format!(
                "Added contact {} at {} (id {}){}\n",
                contact.name,
                c.name,
                contact.id,
                if contact.decision_maker {
                    ", decision maker"
                } else {
                    ""
                }
            ))
        }
        ClientCmd::Contact(ContactCmd::List {
            name,
            json: as_json,
        }) => {
            let c = ops::client_by_name(&s.store, &name)?;
            let card = views::client_card(&mut s.store, &c, s.today)?;
            if as_json {
                return json(&card.contacts);
            }
            Ok(contacts_table(&card))
        }
        ClientCmd::Contact(ContactCmd::Edit {
            id,
            client,
            person,
            role,
            no_role,
            decision_maker,
            no_decision_maker,
            phone,
            no_phone,
            email,
            no_email,
            birthday,
            no_birthday,
        }) => {
            let client_id = super::client_filter(s, client.as_deref())?;
            let decides = (decision_maker || no_decision_maker).then_some(decision_maker);
            let c = ops::change(&mut s.store, id, |c: &mut Contact| {
                set(&mut c.client_id, client_id);
                set(&mut c.name, person);
                set_or_clear(&mut c.role, no_role, role);
                set(&mut c.decision_maker, decides);
                set_or_clear(&mut c.phone, no_phone, phone);
                set_or_clear(&mut c.email, no_email, email);
                set_or_clear(&mut c.birthday, no_birthday, birthday);
            })?;
            let at = ops::client_by_id(&s.store, c.client_id)?;
            Ok(format!(
                "Updated contact {} at {} (id {})\n",
                c.name, at.name, c.id
            ))
        }
        ClientCmd::Contact(ContactCmd::Delete { id }) => {
            ops::delete_contact(&mut s.store, id)?;
            Ok(format!("Deleted contact {id}\n"))
        }
        ClientCmd::Alias(AliasCmd::Add { name, alias }) => {
            let c = ops::client_by_name(&s.store, &name)?;
            let alias = counterparties::add_alias(&mut s.store, c.id, &alias)?;
            Ok(format!("Added alias {alias} to {}\n", c.name))
        }
        ClientCmd::Alias(AliasCmd::List {
            name,
            json: as_json,
        }) => {
            let c = ops::client_by_name(&s.store, &name)?;
            let aliases = counterparties::aliases(&s.store, c.id)?;
            if as_json {
                return json(&aliases);
            }
            if aliases.is_empty() {
                return Ok(format!(
                    "{} has no aliases. Add one with `folio client alias add`.\n",
                    c.name
                ));
            }
            Ok(aliases.iter().map(|a| format!("{a}\n")).collect())
        }
        ClientCmd::Alias(AliasCmd::Delete { name, alias }) => {
            let c = ops::client_by_name(&s.store, &name)?;
            counterparties::delete_alias(&mut s.store, c.id, &alias)?;
            Ok(format!("Removed alias {} from {}\n", alias.trim(), c.name))
        }
    }
}

fn last_touch_cell(c: &ClientStats) -> String {
    match c.neglect.days_since {
        None => "never".into(),
        Some(d) => {
            let mark = match c.neglect.state {
                NeglectState::Overdue => "!",
                NeglectState::Due => "~",
                _ => "",
            };
            format!("{}{mark}", format::days_compact(LOC, d))
        }
    }
}

/// One client in `client list --json`: flat, for scripts.
#[derive(Serialize)]
struct ClientRow<'a> {
    id: i64,
    name: &'a str,
    tier: crate::domain::Tier,
    status: Status,
    since: chrono::NaiveDate,
    cadence_days: Option<u32>,
    channel: Option<&'a str>,
    revenue_12m: Money,
    revenue_lifetime: Money,
    share_pct: Option<f64>,
    last_touch: Option<chrono::NaiveDate>,
    days_since_touch: Option<i64>,
    neglect: NeglectState,
    open_agreements: u32,
    overdue_agreements: u32,
    broken_agreements: u32,
    minutes_12m: u64,
    revenue_per_hour: Option<Money>,
}

impl<'a> From<&'a ClientStats> for ClientRow<'a> {
    fn from(c: &'a ClientStats) -> Self {
        ClientRow {
            id: c.client.id,
            name: &c.client.name,
            tier: c.client.tier,
            status: c.client.status,
            since: c.client.since,
            cadence_days: c.client.cadence_days,
            channel: c.client.channel.as_deref(),
            revenue_12m: c.revenue_12m,
            revenue_lifetime: c.revenue_lifetime,
            share_pct: c.share_bp.map(bp_to_pct),
            last_touch: c.last_touch,
            days_since_touch: c.neglect.days_since,
            neglect: c.neglect.state,
            open_agreements: c.agreements.open,
            overdue_agreements: c.agreements.overdue,
            broken_agreements: c.agreements.broken,
            minutes_12m: c.minutes_12m,
            revenue_per_hour: c.revenue_per_hour,
        }
    }
}

fn contacts_table(card: &views::ClientCard) -> String {
    if card.contacts.is_empty() {
        return "No contacts.\n".into();
    }
    let mut t = Table::new(&[
        ("Id", Align::Right),
        ("Person", Align::Left),
        ("Role", Align::Left),
        ("Decides", Align::Left),
        ("Phone", Align::Left),
        ("Email", Align::Left),
        ("Birthday", Align::Left),
    ]);
    for p in &card.contacts {
        t.row(vec![
            p.id.to_string(),
            p.name.clone(),
            p.role.clone().unwrap_or_default(),
            if p.decision_maker { "yes" } else { "" }.into(),
            p.phone.clone().unwrap_or_default(),
            p.email.clone().unwrap_or_default(),
            p.birthday.map(|d| d.to_string()).unwrap_or_default(),
        ]);
    }
    t.render()
}

fn render_card(card: &views::ClientCard) -> String {
    let st = &card.stats;
    let c = &st.client;
    let mut out = String::new();
    out.push_str(&format!("{}  [{} · {}]\n", c.name, c.tier, c.status));
    out.push_str(&format!(
        "since {} · cadence {} · channel {}\n",
        c.since,
        c.cadence_days
            .map(|d| format::days(LOC, d))
            .unwrap_or("-".into()),
        c.channel.as_deref().unwrap_or("-")
    ));
    if card.inn.is_some() || !card.aliases.is_empty() {
        out.push_str(&format!(
            "ИНН {} · also written as: {}\n",
            card.inn.as_deref().unwrap_or("-"),
            if card.aliases.is_empty() {
                "-".to_string()
            } else {
                card.aliases.join("; ")
            }
        ));
    }
    if let Some(goal) = &c.goal {
        out.push_str(&format!("goal: {goal}\n"));
    }
    if !c.notes.is_empty() {
        out.push_str(&format!("notes: {}\n", c.notes));
    }
    out.push_str(&format!(
        "\nRevenue 12m {} {} (share {}), lifetime {}; outstanding {}, overdue {}\n",
        format::money(LOC, st.revenue_12m),
        card.currency,
        st.share_bp
            .map(|b| format::percent(LOC, b))
            .unwrap_or("-".into()),
        format::money(LOC, st.revenue_lifetime),
        format::money(LOC, card.outstanding),
        format::money(LOC, card.overdue),
    ));
    out.push_str(&format!(
        "Last touch {} · {} min logged in 12m · revenue per hour {}\n",
        last_touch_cell(st),
        format::number(LOC, st.minutes_12m),
        st.revenue_per_hour
            .map(|m| format::money(LOC, m))
            .unwrap_or("-".into())
    ));
    out.push_str(&format!(
        "Agreements: {} open ({} overdue), {} kept, {} broken\n",
        st.agreements.open, st.agreements.overdue, st.agreements.kept, st.agreements.broken
    ));
    out.push_str("\nContacts\n");
    out.push_str(&contacts_table(card));
    out.push_str("\nTier history\n");
    for h in &card.tier_history {
        let from = h.from.map(|t| t.to_string()).unwrap_or("·".into());
        out.push_str(&format!("  {}  {} -> {}  {}\n", h.on, from, h.to, h.reason));
    }
    if card.status_history.len() > 1 {
        out.push_str("\nStatus history\n");
        for h in &card.status_history {
            let from = h.from.map(|t| t.to_string()).unwrap_or("·".into());
            out.push_str(&format!("  {}  {} -> {}  {}\n", h.on, from, h.to, h.reason));
        }
    }
    out.push_str(&format!(
        "\nRecent touchpoints ({} of {})\n",
        card.touchpoints.len(),
        card.touchpoint_count
    ));
    for t in &card.touchpoints {
        out.push_str(&format!(
            "  {}  {:<7}  {:>3} min  {}{}\n",
            t.at,
            t.kind,
            t.minutes,
            t.summary,
            t.next_step
                .as_ref()
                .map(|n| format!(
                    "  → {n}{}",
                    t.next_due.map(|d| format!(" (by {d})")).unwrap_or_default()
                ))
                .unwrap_or_default()
        ));
    }
    if !card.agreements.is_empty() {
        out.push_str("\nAgreements\n");
        for a in &card.agreements {
            out.push_str(&format!(
                "  #{}  {:<9}  {:<6}  due {}  {}\n",
                a.id,
                a.status,
                a.owner,
                a.due.map(|d| d.to_string()).unwrap_or("-".into()),
                a.text
            ));
        }
    }
    if !card.invoices.is_empty() {
        out.push_str("\nExpected payments (newest 12)\n");
        for i in card.invoices.iter().rev().take(12) {
            out.push_str(&format!(
                "  #{}  {}  due {}  {:>14}  balance {:>14}\n",
                i.invoice.id,
                i.invoice.month,
                i.invoice.due,
                format::money(LOC, i.invoice.amount),
                format::money(LOC, i.balance)
            ));
        }
    }
    if !card.payments.is_empty() {
        out.push_str("\nPayments (newest 12)\n");
        for p in card.payments.iter().take(12) {
            out.push_str(&format!(
                "  #{}  {}  {:>14}  {}\n",
                p.id,
                p.on,
                format::money(LOC, p.amount),
                p.note
            ));
        }
    }
    out
}
