//! Clients, their contacts, and their tier and status histories.

use chrono::NaiveDate;
use rusqlite::{Row, params};

use super::convert::{day, opt_day};
use super::{Db, StoreResult};
use crate::domain::text::is_invisible;
use crate::domain::{
    Client, Contact, ContactCounts, ContactRole, Id, IdMap, Money, NewClient, NewContact, Status,
    StatusChange, Tier, TierChange, name_key,
};

pub(super) const CLIENT_COLUMNS: &str =
    "id, name, tier, status, since, cadence_days, channel, goal, notes";

pub(super) fn client_from_row(r: &Row<'_>) -> rusqlite::Result<Client> {
    Ok(Client {
        id: r.get(0)?,
        name: r.get(1)?,
        tier: r.get(2)?,
        status: r.get(3)?,
        since: day(r, 4)?,
        cadence_days: r.get(5)?,
        channel: r.get(6)?,
        goal: r.get(7)?,
        notes: r.get(8)?,
    })
}

/// Insert a client. A name that folds to an existing one violates the unique
/// `name_key` and fails with a constraint error (the ops layer checks first).
pub fn insert(db: &Db, c: &NewClient) -> StoreResult<Id> {
    db.insert(
        "INSERT INTO clients (name, name_key, tier, status, since, cadence_days, channel, goal, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            c.name,
            name_key(&c.name),
            c.tier,
            c.status,
            c.since,
            c.cadence_days,
            c.channel,
            c.goal,
            c.notes
        ],
    )
}

/// Overwrite a client's editable fields (tier and status change through their histories).
pub fn update(db: &Db, c: &Client) -> StoreResult<()> {
    db.change(
        "UPDATE clients SET name = ?2, name_key = ?3, since = ?4, cadence_days = ?5,
                channel = ?6, goal = ?7, notes = ?8
         WHERE id = ?1",
        params![
            c.id,
            c.name,
            name_key(&c.name),
            c.since,
            c.cadence_days,
            c.channel,
            c.goal,
            c.notes
        ],
    )
    .map(drop)
}

pub fn delete(db: &Db, id: Id) -> StoreResult<bool> {
    db.change("DELETE FROM clients WHERE id = ?1", [id])
}

pub fn get(db: &Db, id: Id) -> StoreResult<Option<Client>> {
    let sql = format!("SELECT {CLIENT_COLUMNS} FROM clients WHERE id = ?1");
    db.find(&sql, [id], client_from_row)
}

/// Find a client by name, regardless of case in any script and of
/// invisible characters (see `name_key`).
pub fn find_by_name(db: &Db, name: &str) -> StoreResult<Option<Client>> {
    let key = name_key(name);
    let sql = format!("SELECT {CLIENT_COLUMNS} FROM clients WHERE name_key = ?1");
    if let Some(c) = db.find(&sql, [&key], client_from_row)? {
        return Ok(Some(c));
    }
    match stale_key_match(db, &key)? {
        Some(id) => get(db, id),
        None => Ok(None),
    }
}

/// The client whose key was stored before keys left invisible characters
/// out (it still holds some) and whose name now has `key`. Read only on a
/// miss: one pass over the name index, the names compared only where the
/// stored key holds an invisible character (none, in a file written since).
fn stale_key_match(db: &Db, key: &str) -> StoreResult<Option<Id>> {
    let mut stmt = db
        .conn
        .prepare_cached("SELECT id, name_key, name FROM clients")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let stored = r.get_ref(1)?.as_str().unwrap_or_default();
        if stored.contains(is_invisible)
            && name_key(r.get_ref(2)?.as_str().unwrap_or_default()) == key
        {
            return Ok(Some(r.get(0)?));
        }
    }
    Ok(None)
}

/// All clients, by name (case-folded).
pub fn list(db: &Db) -> StoreResult<Vec<Client>> {
    Ok(list_with_totals(db)?.clients)
}

/// All clients by name, with what the triggers keep on each row.
pub struct ClientRows {
    pub clients: Vec<Client>,
    /// The sum of each client's payments where not zero
    /// (`clients.paid_total`, kept by the payment triggers).
    pub paid: Vec<(Id, Money)>,
}

/// The clients' columns ([`CLIENT_COLUMNS`]) and their paid totals, in
/// name order from the index that holds every column read here, so no
/// client is looked up in the table and nothing is sorted.
const LIST: &str = "SELECT id, name, tier, status, since, cadence_days, channel, goal, notes,
            paid_total
     FROM clients INDEXED BY clients_by_name ORDER BY name_key";

/// All clients by name with their paid totals: one pass over the index.
pub fn list_with_totals(db: &Db) -> StoreResult<ClientRows> {
    let mut paid = Vec::new();
    // The paid total is the column after the client's own.
    let paid_total = CLIENT_COLUMNS.split(',').count();
    let clients = db.rows(LIST, [], |r| {
        let client = client_from_row(r)?;
        let total: Money = r.get(paid_total)?;
        if total != Money::ZERO {
            paid.push((client.id, total));
        }
        Ok(client)
    })?;
    Ok(ClientRows { clients, paid })
}

/// Every client's name by id (no other column: the month's lines and the
/// lists that name clients need nothing else).
pub fn names(db: &Db) -> StoreResult<std::collections::HashMap<Id, String>> {
    db.rows("SELECT id, name FROM clients", [], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })
}

pub fn set_tier(db: &Db, id: Id, tier: Tier) -> StoreResult<()> {
    db.change(
        "UPDATE clients SET tier = ?2 WHERE id = ?1",
        params![id, tier],
    )
    .map(drop)
}

pub fn set_status(db: &Db, id: Id, status: Status) -> StoreResult<()> {
    db.change(
        "UPDATE clients SET status = ?2 WHERE id = ?1",
        params![id, status],
    )
    .map(drop)
}

pub fn insert_tier_change(
    db: &Db,
    client_id: Id,
    on: NaiveDate,
    from: Option<Tier>,
    to: Tier,
    reason: &str,
) -> StoreResult<Id> {
    db.insert(
        "INSERT INTO tier_changes (client_id, on_date, from_tier, to_tier, reason)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![client_id, on, from, to, reason],
    )
}

pub fn insert_status_change(
    db: &Db,
    client_id: Id,
    on: NaiveDate,
    from: Option<Status>,
    to: Status,
    reason: &str,
) -> StoreResult<Id> {
    db.insert(
        "INSERT INTO status_changes (client_id, on_date, from_status, to_status, reason)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![client_id, on, from, to, reason],
    )
}

/// Remove tier history row `id` of client `client_id` (an undo); false if
/// it is gone.
pub fn delete_tier_change(db: &Db, client_id: Id, id: Id) -> StoreResult<bool> {
    db.change(
        "DELETE FROM tier_changes WHERE id = ?1 AND client_id = ?2",
        params![id, client_id],
    )
}

/// Remove status history row `id` of client `client_id` (an undo); false
/// if it is gone.
pub fn delete_status_change(db: &Db, client_id: Id, id: Id) -> StoreResult<bool> {
    db.change(
        "DELETE FROM status_changes WHERE id = ?1 AND client_id = ?2",
        params![id, client_id],
    )
}

/// The rows [`tier_change_from_row`] reads.
const TIER_CHANGES: &str =
    "SELECT id, client_id, on_date, from_tier, to_tier, reason FROM tier_changes";

fn tier_change_from_row(r: &Row<'_>) -> rusqlite::Result<TierChange> {
    Ok(TierChange {
        id: r.get(0)?,
        client_id: r.get(1)?,
        on: day(r, 2)?,
        from: r.get(3)?,
        to: r.get(4)?,
        reason: r.get(5)?,
    })
}

/// A client's tier history, oldest first.
pub fn tier_history(db: &Db, client_id: Id) -> StoreResult<Vec<TierChange>> {
    let sql = format!("{TIER_CHANGES} WHERE client_id = ?1 ORDER BY on_date, id");
    db.rows(&sql, [client_id], tier_change_from_row)
}

/// Tier moves (not initial tiers) dated within `[from, to]`, oldest first.
pub fn tier_moves_between(db: &Db, from: NaiveDate, to: NaiveDate) -> StoreResult<Vec<TierChange>> {
    let sql = format!(
        "{TIER_CHANGES} WHERE on_date BETWEEN ?1 AND ?2 AND from_tier IS NOT NULL
         ORDER BY on_date, id"
    );
    db.rows(&sql, params![from, to], tier_change_from_row)
}

/// The rows [`status_change_from_row`] reads.
const STATUS_CHANGES: &str =
    "SELECT id, client_id, on_date, from_status, to_status, reason FROM status_changes";

fn status_change_from_row(r: &Row<'_>) -> rusqlite::Result<StatusChange> {
    Ok(StatusChange {
        id: r.get(0)?,
        client_id: r.get(1)?,
        on: day(r, 2)?,
        from: r.get(3)?,
        to: r.get(4)?,
        reason: r.get(5)?,
    })
}

/// A client's status history, oldest first.
pub fn status_history(db: &Db, client_id: Id) -> StoreResult<Vec<StatusChange>> {
    let sql = format!("{STATUS_CHANGES} WHERE client_id = ?1 ORDER BY on_date, id");
    db.rows(&sql, [client_id], status_change_from_row)
}

/// Status changes (not initial statuses) dated within `[from, to]`, oldest first.
pub fn status_changes_between(
    db: &Db,
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<StatusChange>> {
    let sql = format!(
        "{STATUS_CHANGES} WHERE on_date BETWEEN ?1 AND ?2 AND from_status IS NOT NULL
         ORDER BY on_date, id"
    );
    db.rows(&sql, params![from, to], status_change_from_row)
}

const CONTACT_COLUMNS: &str = "id, client_id, name, role, decision_maker, phone, email, birthday";

fn contact_from_row(r: &Row<'_>) -> rusqlite::Result<Contact> {
    Ok(Contact {
        id: r.get(0)?,
        client_id: r.get(1)?,
        name: r.get(2)?,
        role: r.get(3)?,
        decision_maker: r.get(4)?,
        phone: r.get(5)?,
        email: r.get(6)?,
        birthday: opt_day(r, 7)?,
    })
}

pub fn insert_contact(db: &Db, client_id: Id, c: &NewContact) -> StoreResult<Id> {
    db.insert(
        "INSERT INTO contacts (client_id, name, role, decision_maker, phone, email, birthday)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            client_id,
            c.name,
            c.role,
            c.decision_maker,
            c.phone,
            c.email,
            c.birthday
        ],
    )
}

/// Every column of `c` written by `sql`, its id as `?1`: an UPDATE of the
/// contact, or an INSERT that puts a deleted one back.
fn write_contact(db: &Db, sql: &str, c: &Contact) -> StoreResult<bool> {
    db.change(
        sql,
        params![
            c.id,
            c.client_id,
            c.name,
            c.role,
            c.decision_maker,
            c.phone,
            c.email,
            c.birthday
        ],
    )
}

pub fn update_contact(db: &Db, c: &Contact) -> StoreResult<bool> {
    write_contact(
        db,
        "UPDATE contacts SET client_id = ?2, name = ?3, role = ?4, decision_maker = ?5,
                phone = ?6, email = ?7, birthday = ?8 WHERE id = ?1",
        c,
    )
}

/// Put a deleted contact back with its own id (an undo).
pub fn reinsert_contact(db: &Db, c: &Contact) -> StoreResult<()> {
    write_contact(
        db,
        "INSERT INTO contacts (id, client_id, name, role, decision_maker, phone, email, birthday)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        c,
    )
    .map(drop)
}

pub fn delete_contact(db: &Db, id: Id) -> StoreResult<bool> {
    db.change("DELETE FROM contacts WHERE id = ?1", [id])
}

pub fn get_contact(db: &Db, id: Id) -> StoreResult<Option<Contact>> {
    let sql = format!("SELECT {CONTACT_COLUMNS} FROM contacts WHERE id = ?1");
    db.find(&sql, [id], contact_from_row)
}

/// A client's contacts, decision makers first.
pub fn contacts_of(db: &Db, client_id: Id) -> StoreResult<Vec<Contact>> {
    let sql = format!(
        "SELECT {CONTACT_COLUMNS} FROM contacts WHERE client_id = ?1
         ORDER BY decision_maker DESC, name, id"
    );
    db.rows(&sql, [client_id], contact_from_row)
}

/// Read from the index on (client, decision maker) alone.
const CONTACT_COUNTS: &str = "SELECT client_id, decision_maker FROM contacts";

/// Read through the index on the decision makers' birthdays' month and day.
const NEAR_BIRTHDAYS: &str = "SELECT id, client_id, birthday FROM contacts
     WHERE decision_maker AND birthday IS NOT NULL
       AND substr(birthday, 6) BETWEEN ?1 AND ?2";

/// Each client's contacts and decision makers, counted (clients without
/// contacts left out), from the (client, decision maker) index alone.
pub fn contact_counts(db: &Db) -> StoreResult<IdMap<ContactCounts>> {
    let mut stmt = db.conn.prepare_cached(CONTACT_COUNTS)?;
    let mut rows = stmt.query([])?;
    let mut out: IdMap<ContactCounts> = IdMap::default();
    while let Some(r) = rows.next()? {
        let c = out.entry(r.get(0)?).or_default();
        c.contacts += 1;
        c.decision_makers += u32::from(r.get::<_, bool>(1)?);
    }
    Ok(out)
}

/// The decision makers whose birthday's month and day lie from those of
/// `from` to those of `to` (past the new year when `to`'s come first), by
/// their text: a 29 February birthday is found only in a range that holds
/// the 29th, which a common year's dates never name. By contact id.
pub fn decision_maker_birthdays(
    db: &Db,
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<ContactRole>> {
    let day = |d: NaiveDate| d.format("%m-%d").to_string();
    let (from, to) = (day(from), day(to));
    let ranges = if from <= to {
        vec![(from, to)]
    } else {
        vec![(from, "12-31".to_string()), ("01-01".to_string(), to)]
    };
    let mut out = Vec::new();
    for (a, b) in &ranges {
        let found: Vec<ContactRole> = db.rows(NEAR_BIRTHDAYS, [a, b], |r| {
            Ok(ContactRole {
                id: r.get(0)?,
                client_id: r.get(1)?,
                decision_maker: true,
                birthday: opt_day(r, 2)?,
            })
        })?;
        out.extend(found);
    }
    // In the table's order, as a pass over all contacts would give them.
    out.sort_unstable_by_key(|c| c.id);
    Ok(out)
}

/// The contacts with these ids, in the order given (unknown ids skipped).
pub fn contacts_by_id(db: &Db, ids: &[Id]) -> StoreResult<Vec<Contact>> {
    let mut out = Vec::with_capacity(ids.len());
    for &id in ids {
        out.extend(get_contact(db, id)?);
    }
    Ok(out)
}

/// A client's ИНН, if it has one.
pub fn inn_of(db: &Db, id: Id) -> StoreResult<Option<String>> {
    let inn = db.find("SELECT inn FROM clients WHERE id = ?1", [id], |r| r.get(0))?;
    Ok(inn.flatten())
}

/// Set or clear (`None`) a client's ИНН, checked by the caller; another
/// client's ИНН violates the unique index (the ops layer checks first).
pub fn set_inn(db: &Db, id: Id, inn: Option<&str>) -> StoreResult<()> {
    db.change(
        "UPDATE clients SET inn = ?2 WHERE id = ?1",
        params![id, inn],
    )
    .map(drop)
}

/// The client with this ИНН.
pub fn find_by_inn(db: &Db, inn: &str) -> StoreResult<Option<Id>> {
    db.find("SELECT id FROM clients WHERE inn = ?1", [inn], |r| r.get(0))
}

/// Every client's ИНН (clients without one left out), from its index.
pub fn inns(db: &Db) -> StoreResult<Vec<(Id, String)>> {
    db.rows(
        "SELECT id, inn FROM clients WHERE inn IS NOT NULL",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// A client's aliases as written, in the order they were added.
pub fn aliases_of(db: &Db, client_id: Id) -> StoreResult<Vec<String>> {
    db.rows(
        "SELECT alias FROM client_aliases WHERE client_id = ?1 ORDER BY id",
        [client_id],
        |r| r.get(0),
    )
}

/// Every alias's key with its client, for matching an import's rows.
pub fn alias_keys(db: &Db) -> StoreResult<Vec<(Id, String)>> {
    db.rows("SELECT client_id, alias_key FROM client_aliases", [], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })
}

/// The client that has an alias with this key.
pub fn alias_owner(db: &Db, key: &str) -> StoreResult<Option<Id>> {
    db.find(
        "SELECT client_id FROM client_aliases WHERE alias_key = ?1",
        [key],
        |r| r.get(0),
    )
}

/// Add an alias (`key` is `domain::counterparty::counterparty_key` of it;
/// a key already taken violates its unique constraint: the ops layer
/// checks first).
pub fn insert_alias(db: &Db, client_id: Id, alias: &str, key: &str) -> StoreResult<Id> {
    db.insert(
        "INSERT INTO client_aliases (client_id, alias, alias_key) VALUES (?1, ?2, ?3)",
        params![client_id, alias, key],
    )
}

/// Delete a client's alias by its key; false when it has none such.
pub fn delete_alias(db: &Db, client_id: Id, key: &str) -> StoreResult<bool> {
    db.change(
        "DELETE FROM client_aliases WHERE client_id = ?1 AND alias_key = ?2",
        params![client_id, key],
    )
}

/// How many records hang off a client (contacts, touchpoints, agreements,
/// invoices, payments): what deleting it would take with it.
pub fn record_count(db: &Db, id: Id) -> StoreResult<i64> {
    db.row(
        "SELECT (SELECT count(*) FROM contacts WHERE client_id = ?1)
          + (SELECT count(*) FROM touchpoints WHERE client_id = ?1)
          + (SELECT count(*) FROM agreements WHERE client_id = ?1)
          + (SELECT count(*) FROM invoices WHERE client_id = ?1)
          + (SELECT count(*) FROM payments WHERE client_id = ?1)",
        [id],
        |r| r.get(0),
    )
}

/// A client's running totals (kept by triggers): paid and billed.
pub fn totals(db: &Db, id: Id) -> StoreResult<(Money, Money)> {
    let totals = db.find(
        "SELECT paid_total, billed_total FROM clients WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(totals.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::d;
    use crate::domain::{NewTouchpoint, TouchKind};

    fn client(conn: &Db, name: &str) -> Id {
        insert(
            conn,
            &NewClient {
                name: name.to_string(),
                tier: Tier::Potential,
                status: Status::Active,
                since: d(2025, 1, 1),
                cadence_days: None,
                channel: None,
                goal: None,
                notes: String::new(),
            },
        )
        .unwrap()
    }

    /// The list reads a client with `client_from_row`, then its paid total:
    /// its SELECT must name the client's columns first, in their order.
    #[test]
    fn the_list_reads_the_client_columns_first() {
        let head = format!("SELECT {CLIENT_COLUMNS},");
        assert!(LIST.starts_with(&head), "{LIST}");
    }

    fn contact(conn: &Db, client: Id, decision_maker: bool, birthday: Option<NaiveDate>) {
        let c = NewContact {
            name: "Контакт".to_string(),
            role: None,
            decision_maker,
            phone: None,
            email: None,
            birthday,
        };
        insert_contact(conn, client, &c).unwrap();
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// The birthdays read by month and day, narrowed by the briefing's
        /// rule, are the ones the rule picks from every contact: across the
        /// new year and 29 February in leap and common years.
        #[test]
        fn near_birthdays_are_the_ones_the_rule_picks_from_all(
            births in proptest::collection::vec((0u32..1461, proptest::bool::ANY), 1..30),
            today in 0u32..1461,
        ) {
            use crate::domain::briefing::{LOOKAHEAD_DAYS, birthday_contacts};
            let store = crate::store::Store::open_in_memory().unwrap();
            let conn = store.db();
            let id = client(conn, "Ёлка");
            // Four years from 2023, 2024 a leap year; days picked often
            // enough to land on 29 February and the turn of the year.
            let day = |n: u32| d(2023, 1, 1) + chrono::Days::new(u64::from(n));
            let mut all = Vec::new();
            for (n, dm) in &births {
                contact(conn, id, *dm, Some(day(*n)));
                all.push(ContactRole {
                    id: conn.conn.last_insert_rowid(),
                    client_id: id,
                    decision_maker: *dm,
                    birthday: Some(day(*n)),
                });
            }
            let today = day(today);
            let end = today + chrono::Days::new(LOOKAHEAD_DAYS + 1);
            let near = decision_maker_birthdays(conn, today, end).unwrap();
            proptest::prop_assert_eq!(
                birthday_contacts(&near, today),
                birthday_contacts(&all, today)
            );
        }
    }

    #[test]
    fn contact_counts_and_birthdays_read_indexes_not_the_table() {
        let store = crate::store::Store::open_in_memory().unwrap();
        let conn = store.db();
        let (a, b, none) = (client(conn, "A"), client(conn, "B"), client(conn, "C"));
        contact(conn, a, true, None);
        contact(conn, a, false, Some(d(1990, 2, 28)));
        contact(conn, a, true, Some(d(1988, 2, 29)));
        contact(conn, b, false, None);
        let counts = contact_counts(conn).unwrap();
        let of = |id| counts.get(&id).copied();
        let c = |contacts, decision_makers| ContactCounts {
            contacts,
            decision_makers,
        };
        assert_eq!(of(a), Some(c(3, 2)));
        assert_eq!(of(b), Some(c(1, 0)));
        assert_eq!(of(none), None);
        // Only decision makers, and only within the range (29 February
        // needs a range that names it).
        let near = |from, to| -> Vec<Option<NaiveDate>> {
            let found = decision_maker_birthdays(conn, from, to).unwrap();
            found.iter().map(|r| r.birthday).collect()
        };
        assert_eq!(near(d(2027, 2, 20), d(2027, 3, 1)), [Some(d(1988, 2, 29))]);
        assert!(near(d(2027, 2, 20), d(2027, 2, 28)).is_empty());
        assert_eq!(near(d(2027, 12, 30), d(2028, 3, 2)), [Some(d(1988, 2, 29))]);
        // The plans: each from its index, no pass over the table's rows.
        let plan =
            |sql: &str, params: &[&str]| crate::store::query_plan(conn, sql, params).join("; ");
        let counts_plan = plan(CONTACT_COUNTS, &[]);
        assert!(
            counts_plan.contains("COVERING INDEX contacts_client_role"),
            "{counts_plan}"
        );
        let near_plan = plan(NEAR_BIRTHDAYS, &["01-01", "01-15"]);
        assert!(near_plan.contains("INDEX contacts_birthday"), "{near_plan}");
    }

    #[test]
    fn lists_every_client_by_folded_name_with_its_totals() {
        let store = crate::store::Store::open_in_memory().unwrap();
        let conn = store.db();
        let names = [
            "яблоко",
            "Zebra",
            "Émile",
            "apple",
            "Ёж",
            "🍏 Green",
            "Bravo",
        ];
        let mut ids = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let id = insert(
                conn,
                &NewClient {
                    name: name.to_string(),
                    tier: Tier::Gold,
                    status: Status::Active,
                    since: d(2025, 1, 1),
                    cadence_days: (i % 2 == 0).then_some(14),
                    channel: Some(format!("channel {i}")),
                    goal: None,
                    notes: format!("notes {i}"),
                },
            )
            .unwrap();
            ids.push(id);
        }
        let touched = |day: u32| NewTouchpoint {
            at: d(2026, 3, day),
            kind: TouchKind::Call,
            summary: String::new(),
            minutes: 5,
            next_step: None,
            next_due: None,
        };
        crate::store::log::insert_touchpoint(conn, ids[1], &touched(2)).unwrap();
        crate::store::log::insert_touchpoint(conn, ids[1], &touched(9)).unwrap();
        crate::store::log::insert_touchpoint(conn, ids[3], &touched(4)).unwrap();
        let pay = |id: Id, minor: i64| {
            let p = crate::domain::NewPayment {
                on: d(2026, 3, 1),
                amount: Money::from_minor(minor),
                note: String::new(),
            };
            crate::store::ledger::insert_payment(conn, id, &p).unwrap();
        };
        pay(ids[0], 15_000);
        pay(ids[0], 5_000);
        pay(ids[4], 700);
        let ClientRows { clients, paid } = list_with_totals(conn).unwrap();
        let mut paid = paid;
        paid.sort();
        assert_eq!(
            paid,
            [
                (ids[0], Money::from_minor(20_000)),
                (ids[4], Money::from_minor(700))
            ]
        );
        let mut expected: Vec<&str> = names.to_vec();
        expected.sort_by_key(|n| name_key(n));
        let listed: Vec<&str> = clients.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(listed, expected);
        // Each client whole, in its new place.
        for c in &clients {
            let i = names.iter().position(|n| *n == c.name).unwrap();
            assert_eq!(c.id, ids[i]);
            assert_eq!(c.notes, format!("notes {i}"));
            assert_eq!(c.cadence_days, (i % 2 == 0).then_some(14));
            assert_eq!(Some(c), get(conn, c.id).unwrap().as_ref());
        }
        let latest = |today| {
            crate::store::log::last_touch_by_client(conn, today, ids.iter().copied()).unwrap()
        };
        assert_eq!(
            latest(d(2026, 3, 31)),
            [(ids[1], d(2026, 3, 9)), (ids[3], d(2026, 3, 4))]
        );
        // A touchpoint dated after today is not the last touch yet.
        assert_eq!(
            latest(d(2026, 3, 5)),
            [(ids[1], d(2026, 3, 2)), (ids[3], d(2026, 3, 4))]
        );
        assert_eq!(list(conn).unwrap(), clients);
        // Edits reach the index the lists read: a rename moves a client to
        // its new place, a new tier and a later touch show at once.
        let mut zebra = get(conn, ids[1]).unwrap().unwrap();
        zebra.name = "Aardvark".into();
        update(conn, &zebra).unwrap();
        set_tier(conn, zebra.id, Tier::Toxic).unwrap();
        zebra.tier = Tier::Toxic;
        crate::store::log::insert_touchpoint(conn, ids[1], &touched(20)).unwrap();
        let again = list_with_totals(conn).unwrap();
        assert_eq!(again.clients[0], zebra);
        assert!(latest(d(2026, 3, 31)).contains(&(ids[1], d(2026, 3, 20))));
        for c in &again.clients {
            assert_eq!(Some(c), get(conn, c.id).unwrap().as_ref());
        }
        // One scan of the covering index: no sort, no lookup in the table.
        assert_eq!(
            crate::store::query_plan(conn, LIST, &[]),
            ["SCAN clients USING COVERING INDEX clients_by_name"]
        );
    }
}
