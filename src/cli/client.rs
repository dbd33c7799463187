//! `folio client ...`

use anyhow::{Result, bail};
use serde::Serialize;

use super::args::{AliasCmd, ClientCmd, ContactCmd};
use super::table::{Align, Table};
use super::{Session, say, sayln, set, set_or_clear, to_json, widest};
use crate::domain::money::bp_to_pct;
use crate::domain::signals::{ClientStats, NeglectState};
use crate::domain::{
    AgreementStatus, Contact, Money, NewClient, NewContact, Owner, Status, TouchKind,
};
use crate::format::{self, Locale, Noun, words};
use crate::ops::{self, ClientEdit, counterparties, views};

pub fn run(s: &mut Session, cmd: ClientCmd) -> Result<String> {
    let loc = s.locale;
    match cmd {
        ClientCmd::Add(a) => {
            let c = counterparties::add_client_with_inn(
                &mut s.store,
                &NewClient {
                    name: a.name,
                    tier: a.tier,
                    status: Status::Active,
                    since: a.since.unwrap_or(s.today),
                    cadence_days: a.cadence,
                    channel: a.channel,
                    goal: a.goal,
                    notes: a.notes.unwrap_or_default(),
                },
                a.inn.as_deref(),
            )?;
            Ok(sayln(
                loc,
                "cli-client-added",
                &[
                    ("name", &c.name),
                    ("tier", &words::tier_of_one(loc, c.tier)),
                    ("id", &c.id),
                ],
            ))
        }
        ClientCmd::List(l) => {
            let view = views::portfolio(&mut s.store, s.today)?;
            let rows: Vec<&ClientStats> = view
                .clients
                .iter()
                .filter(|c| l.tier.is_none_or(|t| c.client.tier == t))
                .filter(|c| l.status.is_none_or(|st| c.client.status == st))
                .collect();
            if l.json {
                let out: Vec<ClientRow> = rows.iter().map(|c| ClientRow::from(*c)).collect();
                return to_json(&out);
            }
            if rows.is_empty() {
                return Ok(sayln(loc, "cli-no-clients", &[]));
            }
            let mut t = Table::headed(
                loc,
                &[
                    ("cli-col-client", Align::Left),
                    ("cli-col-tier", Align::Left),
                    ("cli-col-status", Align::Left),
                    ("cli-col-revenue-12m", Align::Right),
                    ("cli-col-share", Align::Right),
                    ("cli-col-last-touch", Align::Right),
                    ("cli-col-cadence", Align::Right),
                    ("cli-col-overdue", Align::Right),
                    ("cli-col-broken", Align::Right),
                ],
            );
            for c in rows {
                t.row(vec![
                    c.client.name.clone(),
                    words::tier_of_one(loc, c.client.tier),
                    words::status(loc, c.client.status),
                    format::money(loc, c.revenue_12m),
                    format::percent_or_dash(loc, c.share_bp),
                    last_touch_cell(loc, c),
                    c.client
                        .cadence_days
                        .map_or("-".into(), |d| format::days_compact(loc, d)),
                    c.agreements.overdue.to_string(),
                    c.agreements.broken.to_string(),
                ]);
            }
            let legend = sayln(
                loc,
                "cli-client-list-legend",
                &[("currency", &view.currency)],
            );
            Ok(format!("{}\n{legend}", t.render()))
        }
        ClientCmd::Show { name, json } => {
            let c = ops::client_by_name(&s.store, &name)?;
            let card = views::client_card(&mut s.store, &c, s.today)?;
            if json {
                return to_json(&card);
            }
            Ok(render_card(loc, &card))
        }
        ClientCmd::Edit(e) => {
            let c = ops::client_by_name(&s.store, &e.name)?;
            let edit = ClientEdit {
                name: e.new_name,
                since: e.since,
                cadence_days: clear_or_set(e.no_cadence, e.cadence),
                channel: e.channel,
                goal: e.goal,
                notes: e.notes,
                inn: clear_or_set(e.no_inn, e.inn),
            };
            let c = ops::edit_client(&mut s.store, c.id, &edit)?;
            Ok(sayln(
                loc,
                "cli-client-updated",
                &[("name", &c.name), ("id", &c.id)],
            ))
        }
        ClientCmd::Tier(t) => {
            let c = ops::client_by_name(&s.store, &t.name)?;
            let on = t.on.unwrap_or(s.today);
            let (moved, _) = ops::set_tier_noted(&mut s.store, c.id, t.tier, &t.reason, on)?;
            Ok(sayln(
                loc,
                "cli-client-tier-changed",
                &[
                    ("name", &moved.name),
                    ("from", &words::tier_of_one(loc, c.tier)),
                    ("to", &words::tier_of_one(loc, moved.tier)),
                    ("reason", &t.reason.trim()),
                ],
            ))
        }
        ClientCmd::Status(st) => {
            let c = ops::client_by_name(&s.store, &st.name)?;
            let on = st.on.unwrap_or(s.today);
            let (moved, _) = ops::set_status_noted(&mut s.store, c.id, st.status, &st.reason, on)?;
            Ok(sayln(
                loc,
                "cli-client-status-changed",
                &[
                    ("name", &moved.name),
                    ("from", &words::status(loc, c.status)),
                    ("to", &words::status(loc, moved.status)),
                    ("reason", &st.reason.trim()),
                ],
            ))
        }
        ClientCmd::Delete { name, force } => {
            let c = ops::client_by_name(&s.store, &name)?;
            let count = ops::client_record_count(&s.store, c.id)?;
            let records = format::count(loc, count, Noun::Record);
            if count > 0 && !force {
                bail!(say(
                    loc,
                    "cli-client-has-records",
                    &[("name", &c.name), ("records", &records)],
                ));
            }
            let deleted = ops::backups::delete_client_and_prune(&mut s.store, c.id, s.today)?;
            super::backups::say_pruned(loc, &deleted.pruned);
            Ok(match deleted.backup {
                Some(b) => sayln(
                    loc,
                    "cli-client-deleted-kept",
                    &[
                        ("name", &c.name),
                        ("records", &records),
                        ("file", &b.display()),
                    ],
                ),
                None => sayln(loc, "cli-client-deleted", &[("name", &c.name)]),
            })
        }
        ClientCmd::Contact(ContactCmd::Add(a)) => {
            let c = ops::client_by_name(&s.store, &a.name)?;
            let contact = ops::add_contact(
                &mut s.store,
                c.id,
                &NewContact {
                    name: a.person,
                    role: a.role,
                    decision_maker: a.decision_maker,
                    phone: a.phone,
                    email: a.email,
                    birthday: a.birthday,
                },
            )?;
            let id = if contact.decision_maker {
                "cli-contact-added-decides"
            } else {
                "cli-contact-added"
            };
            Ok(sayln(
                loc,
                id,
                &[
                    ("person", &contact.name),
                    ("client", &c.name),
                    ("id", &contact.id),
                ],
            ))
        }
        ClientCmd::Contact(ContactCmd::List { name, json }) => {
            let c = ops::client_by_name(&s.store, &name)?;
            let card = views::client_card(&mut s.store, &c, s.today)?;
            if json {
                return to_json(&card.contacts);
            }
            Ok(contacts_table(loc, &card))
        }
        ClientCmd::Contact(ContactCmd::Edit(e)) => {
            let client_id = super::client_filter(s, e.client.as_deref())?;
            let decides = (e.decision_maker || e.no_decision_maker).then_some(e.decision_maker);
            let c = ops::change(&mut s.store, e.id, |c: &mut Contact| {
                set(&mut c.client_id, client_id);
                set(&mut c.name, e.person);
                set_or_clear(&mut c.role, e.no_role, e.role);
                set(&mut c.decision_maker, decides);
                set_or_clear(&mut c.phone, e.no_phone, e.phone);
                set_or_clear(&mut c.email, e.no_email, e.email);
                set_or_clear(&mut c.birthday, e.no_birthday, e.birthday);
            })?;
            let at = ops::client_by_id(&s.store, c.client_id)?;
            Ok(sayln(
                loc,
                "cli-contact-updated",
                &[("person", &c.name), ("client", &at.name), ("id", &c.id)],
            ))
        }
        ClientCmd::Contact(ContactCmd::Delete { id }) => {
            ops::delete_contact(&mut s.store, id)?;
            Ok(sayln(loc, "cli-contact-deleted", &[("id", &id)]))
        }
        ClientCmd::Alias(AliasCmd::Add { name, alias }) => {
            let c = ops::client_by_name(&s.store, &name)?;
            let alias = counterparties::add_alias(&mut s.store, c.id, &alias)?;
            Ok(sayln(
                loc,
                "cli-alias-added",
                &[("alias", &alias), ("name", &c.name)],
            ))
        }
        ClientCmd::Alias(AliasCmd::List { name, json }) => {
            let c = ops::client_by_name(&s.store, &name)?;
            let aliases = counterparties::aliases(&s.store, c.id)?;
            if json {
                return to_json(&aliases);
            }
            if aliases.is_empty() {
                return Ok(sayln(loc, "cli-no-aliases", &[("name", &c.name)]));
            }
            Ok(aliases.iter().map(|a| format!("{a}\n")).collect())
        }
        ClientCmd::Alias(AliasCmd::Delete { name, alias }) => {
            let c = ops::client_by_name(&s.store, &name)?;
            counterparties::delete_alias(&mut s.store, c.id, &alias)?;
            Ok(sayln(
                loc,
                "cli-alias-removed",
                &[("alias", &alias.trim()), ("name", &c.name)],
            ))
        }
    }
}

/// An edit of an optional field: `Some(None)` clears it, `Some(Some(v))`
/// sets it, `None` leaves it as it is.
fn clear_or_set<T>(clear: bool, value: Option<T>) -> Option<Option<T>> {
    if clear { Some(None) } else { value.map(Some) }
}

fn last_touch_cell(loc: Locale, c: &ClientStats) -> String {
    match c.neglect.days_since {
        None => say(loc, "cli-never", &[]),
        Some(d) => {
            let mark = match c.neglect.state {
                NeglectState::Overdue => "!",
                NeglectState::Due => "~",
                _ => "",
            };
            format!("{}{mark}", format::days_compact(loc, d))
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

fn contacts_table(loc: Locale, card: &views::ClientCard) -> String {
    if card.contacts.is_empty() {
        return sayln(loc, "cli-no-contacts", &[]);
    }
    let mut t = Table::headed(
        loc,
        &[
            ("cli-col-id", Align::Right),
            ("cli-col-person", Align::Left),
            ("cli-col-role", Align::Left),
            ("cli-col-decides", Align::Left),
            ("cli-col-phone", Align::Left),
            ("cli-col-email", Align::Left),
            ("cli-col-birthday", Align::Left),
        ],
    );
    let yes = say(loc, "cli-yes", &[]);
    for p in &card.contacts {
        t.row(vec![
            p.id.to_string(),
            p.name.clone(),
            p.role.clone().unwrap_or_default(),
            if p.decision_maker {
                yes.clone()
            } else {
                String::new()
            },
            p.phone.clone().unwrap_or_default(),
            p.email.clone().unwrap_or_default(),
            p.birthday.map(|d| format::date(loc, d)).unwrap_or_default(),
        ]);
    }
    t.render()
}

fn render_card(loc: Locale, card: &views::ClientCard) -> String {
    let st = &card.stats;
    let c = &st.client;
    let date = |d| format::date(loc, d);
    let in_currency = |m| format::money_in(loc, m, &card.currency);
    let mut out = String::new();
    out.push_str(&format!(
        "{}  [{} · {}]\n",
        c.name,
        words::tier_of_one(loc, c.tier),
        words::status(loc, c.status)
    ));
    let cadence = c.cadence_days.map_or("-".into(), |d| format::days(loc, d));
    out.push_str(&sayln(
        loc,
        "cli-card-since",
        &[
            ("since", &date(c.since)),
            ("cadence", &cadence),
            ("channel", &c.channel.as_deref().unwrap_or("-")),
        ],
    ));
    if card.inn.is_some() || !card.aliases.is_empty() {
        let aliases = if card.aliases.is_empty() {
            "-".to_string()
        } else {
            card.aliases.join("; ")
        };
        out.push_str(&sayln(
            loc,
            "cli-card-inn",
            &[
                ("inn", &card.inn.as_deref().unwrap_or("-")),
                ("aliases", &aliases),
            ],
        ));
    }
    if let Some(goal) = &c.goal {
        out.push_str(&sayln(loc, "cli-card-goal", &[("goal", goal)]));
    }
    if !c.notes.is_empty() {
        out.push_str(&sayln(loc, "cli-card-notes", &[("notes", &c.notes)]));
    }
    out.push('\n');
    out.push_str(&sayln(
        loc,
        "cli-card-money",
        &[
            ("revenue", &in_currency(st.revenue_12m)),
            ("share", &format::percent_or_dash(loc, st.share_bp)),
            ("lifetime", &format::money(loc, st.revenue_lifetime)),
            ("outstanding", &format::money(loc, card.outstanding)),
            ("overdue", &format::money(loc, card.overdue)),
        ],
    ));
    out.push_str(&sayln(
        loc,
        "cli-card-time",
        &[
            ("last", &last_touch_cell(loc, st)),
            ("minutes", &format::number(loc, st.minutes_12m)),
            ("per-hour", &format::money_or_dash(loc, st.revenue_per_hour)),
        ],
    ));
    let a = &st.agreements;
    out.push_str(&sayln(
        loc,
        "cli-card-agreements",
        &[
            ("open", &a.open),
            ("overdue", &a.overdue),
            ("kept", &a.kept),
            ("broken", &a.broken),
        ],
    ));
    out.push('\n');
    out.push_str(&sayln(loc, "cli-card-contacts", &[]));
    out.push_str(&contacts_table(loc, card));
    out.push('\n');
    out.push_str(&sayln(loc, "cli-card-tier-history", &[]));
    for h in &card.tier_history {
        let from = h.from.map_or("·".into(), |t| words::tier_of_one(loc, t));
        let to = words::tier_of_one(loc, h.to);
        let reason = words::history_reason(loc, h.from.is_none(), &h.reason);
        out.push_str(&format!("  {}  {from} -> {to}  {reason}\n", date(h.on)));
    }
    if card.status_history.len() > 1 {
        out.push('\n');
        out.push_str(&sayln(loc, "cli-card-status-history", &[]));
        for h in &card.status_history {
            let from = h.from.map_or("·".into(), |s| words::status(loc, s));
            let to = words::status(loc, h.to);
            let reason = words::history_reason(loc, h.from.is_none(), &h.reason);
            out.push_str(&format!("  {}  {from} -> {to}  {reason}\n", date(h.on)));
        }
    }
    out.push('\n');
    out.push_str(&sayln(
        loc,
        "cli-card-touchpoints",
        &[
            ("shown", &card.touchpoints.len()),
            ("total", &card.touchpoint_count),
        ],
    ));
    let min = say(loc, "cli-minutes-short", &[]);
    let kind_width = widest(TouchKind::ALL.iter().map(|&k| words::kind(loc, k)), 7);
    for t in &card.touchpoints {
        let next = match &t.next_step {
            Some(n) => {
                let by = t
                    .next_due
                    .map(|d| say(loc, "cli-card-by", &[("date", &date(d))]))
                    .map(|by| format!(" {by}"))
                    .unwrap_or_default();
                format!("  → {n}{by}")
            }
            None => String::new(),
        };
        out.push_str(&format!(
            "  {}  {:<kind_width$}  {:>3} {min}  {}{next}\n",
            date(t.at),
            words::kind(loc, t.kind),
            t.minutes,
            t.summary,
        ));
    }
    let due = say(loc, "cli-card-due", &[]);
    let status_width = widest(
        AgreementStatus::ALL
            .iter()
            .map(|&a| words::agreement(loc, a)),
        9,
    );
    let owner_width = widest(Owner::ALL.iter().map(|&o| words::owner(loc, o)), 6);
    if !card.agreements.is_empty() {
        out.push('\n');
        out.push_str(&sayln(loc, "cli-card-agreements-title", &[]));
        for a in &card.agreements {
            out.push_str(&format!(
                "  #{}  {:<status_width$}  {:<owner_width$}  {due} {}  {}\n",
                a.id,
                words::agreement(loc, a.status),
                words::owner(loc, a.owner),
                format::date_or_dash(loc, a.due),
                a.text
            ));
        }
    }
    if !card.invoices.is_empty() {
        out.push('\n');
        out.push_str(&sayln(loc, "cli-card-invoices", &[]));
        let balance = say(loc, "cli-card-balance", &[]);
        for i in card.invoices.iter().rev().take(12) {
            out.push_str(&format!(
                "  #{}  {}  {due} {}  {:>14}  {balance} {:>14}\n",
                i.invoice.id,
                super::month_cell(loc, i.invoice.month),
                date(i.invoice.due),
                format::money(loc, i.invoice.amount),
                format::money(loc, i.balance)
            ));
        }
    }
    if !card.payments.is_empty() {
        out.push('\n');
        out.push_str(&sayln(loc, "cli-card-payments", &[]));
        for p in card.payments.iter().take(12) {
            out.push_str(&format!(
                "  #{}  {}  {:>14}  {}\n",
                p.id,
                date(p.on),
                format::money(loc, p.amount),
                p.note
            ));
        }
    }
    out
}
