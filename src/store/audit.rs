//! What `folio check` finds in stored text that folio would refuse today:
//! control characters (kept from before they were refused: shown escaped,
//! never rewritten here) and clients whose names became one once invisible
//! characters were ignored. The rules are `domain::text`'s; this module
//! only reads the columns they apply to.

use std::collections::HashMap;

use rusqlite::Connection;

use super::StoreResult;
use crate::domain::text::{Lines, code_point, first_refused};
use crate::domain::{Id, name_key};

/// Every text column, with the kind of field it holds (as the ops layer
/// checks it on input).
const TEXT_COLUMNS: &[(&str, &str, Lines)] = &[
    ("clients", "name", Lines::One),
    ("clients", "channel", Lines::One),
    ("clients", "goal", Lines::Many),
    ("clients", "notes", Lines::Many),
    ("contacts", "name", Lines::One),
    ("contacts", "role", Lines::One),
    ("contacts", "phone", Lines::One),
    ("contacts", "email", Lines::One),
    ("tier_changes", "reason", Lines::Many),
    ("status_changes", "reason", Lines::Many),
    ("touchpoints", "summary", Lines::Many),
    ("touchpoints", "next_step", Lines::Many),
    ("agreements", "text", Lines::Many),
    ("payments", "note", Lines::Many),
];

/// Records listed by id per column; the rest are counted.
const LISTED: usize = 10;

/// One line per stored text holding a character its field refuses
/// (`touchpoints 12 summary: holds the control character U+001B`), at most
/// [`LISTED`] per column and a count of the rest; then clients whose names
/// are one name once invisible characters are ignored.
pub fn text_problems(conn: &Connection) -> StoreResult<Vec<String>> {
    let mut problems = Vec::new();
    for &(table, column, lines) in TEXT_COLUMNS {
        let mut stmt = conn.prepare(&format!(
            "SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL ORDER BY id"
        ))?;
        let mut rows = stmt.query([])?;
        let mut more = 0usize;
        let mut listed = 0usize;
        while let Some(r) = rows.next()? {
            let text = r.get_ref(1)?.as_str().unwrap_or_default();
            let Some(found) = first_refused(text, lines) else {
                continue;
            };
            if listed < LISTED {
                let id: Id = r.get(0)?;
                problems.push(format!(
                    "{table} {id} {column}: holds the control character {} (shown escaped; edit it to remove)",
                    code_point(found)
                ));
                listed += 1;
            } else {
                more += 1;
            }
        }
        if more > 0 {
            problems.push(format!(
                "{table}: {more} more with control characters in {column}"
            ));
        }
    }
    problems.extend(same_names(conn)?);
    Ok(problems)
}

/// Clients whose names are the same once case and invisible characters are
/// ignored: possible only in files written before invisible characters
/// were ignored (their keys were stored with them).
fn same_names(conn: &Connection) -> StoreResult<Vec<String>> {
    let mut stmt = conn.prepare("SELECT id, name FROM clients ORDER BY id")?;
    let mut first: HashMap<String, Id> = HashMap::new();
    let mut problems = Vec::new();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: Id = r.get(0)?;
        let key = name_key(r.get_ref(1)?.as_str().unwrap_or_default());
        match first.get(&key) {
            Some(other) => problems.push(format!(
                "clients {other} and {id} have the same name once invisible characters are ignored: rename one (folio client edit)"
            )),
            None => {
                first.insert(key, id);
            }
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn reports_stored_control_characters_and_names_made_one() {
        let store = Store::open_in_memory().unwrap();
        let conn = store.conn();
        assert_eq!(text_problems(conn).unwrap(), Vec::<String>::new());
        conn.execute_batch(
            "INSERT INTO clients (id, name, name_key, tier, since, notes)
                 VALUES (1, 'Ромашка', 'ромашка', 'gold', '2026-01-01', 'a' || char(9) || 'b' || char(10)),
                        (2, 'Ромашка' || char(8203), 'ромашка' || char(8203), 'gold', '2026-01-01',
                         char(27) || ']52;c;aGVsbG8=' || char(7)),
                        (3, 'Acme', 'acme', 'gold', '2026-01-01', '');
             INSERT INTO contacts (client_id, name, phone) VALUES (3, 'Ann', '1' || char(9) || '2');",
        )
        .unwrap();
        for id in 10..22 {
            conn.execute(
                "INSERT INTO payments (id, client_id, paid_on, amount, note)
                 VALUES (?1, 3, '2026-01-01', 1, 'x' || char(155))",
                [id],
            )
            .unwrap();
        }
        let problems = text_problems(conn).unwrap();
        assert_eq!(
            problems[0],
            "clients 2 notes: holds the control character U+001B (shown escaped; edit it to remove)"
        );
        // A tab is a control character in a one-line field, not in notes.
        assert!(problems[1].starts_with("contacts 1 phone: holds the control character U+0009"));
        assert!(problems[2].starts_with("payments 10 note: holds the control character U+009B"));
        assert_eq!(
            problems[12],
            "payments: 2 more with control characters in note"
        );
        assert!(problems[13].starts_with("clients 1 and 2 have the same name"));
        assert_eq!(problems.len(), 14, "{problems:#?}");
    }
}
