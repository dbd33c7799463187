//! What a dry-run import would write: the rows read back inside its
//! transaction before the rollback ([`crate::store::since`]), so they are
//! exactly as they would be stored; counted and summed by client and month,
//! and the first few kept to show. Tallying is pure ([`Tally`]); the command
//! line prints it.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::OpResult;
use super::import::Kind;
use crate::domain::{Id, Money, Month, name_key};
use crate::format::Locale;
use crate::io::csv_export::{
    AGREEMENT_COLUMNS, CLIENT_COLUMNS, Layout, PAYMENT_COLUMNS, Row, TOUCHPOINT_COLUMNS,
    unneutralise,
};
use crate::store::{Db, clients, since};

/// How many of the rows a preview shows.
pub const FIRST_ROWS: usize = 10;

/// A dry run's rows, as they would be stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Preview {
    /// The columns of `first_rows`, as an export names them.
    pub columns: Vec<&'static str>,
    /// The first [`FIRST_ROWS`] rows, in the file's order, each cell as an
    /// export writes it.
    pub first_rows: Vec<Vec<String>>,
    /// Rows per client and month (none for a clients import), by client
    /// name, then month.
    pub by_client_month: Vec<Group>,
}

/// The rows of one client in one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    pub client: String,
    pub month: Month,
    pub rows: usize,
    /// The amounts' sum (payments only).
    pub sum: Option<Money>,
}

/// A preview being counted, a row at a time.
#[derive(Debug)]
pub struct Tally {
    columns: Vec<&'static str>,
    first_rows: Vec<Vec<String>>,
    /// Client -> month -> (rows, sum): looked up by the name as borrowed,
    /// so a million rows do not copy it a million times.
    groups: HashMap<String, HashMap<Month, (usize, Option<Money>)>>,
}

impl Tally {
    pub fn new(columns: &[&'static str]) -> Tally {
        Tally {
            columns: columns.to_vec(),
            first_rows: Vec::new(),
            groups: HashMap::new(),
        }
    }

    /// A row: kept to show while fewer than [`FIRST_ROWS`] are (`cells`
    /// is only called then), and counted under its client and month.
    pub fn row(
        &mut self,
        client_month: Option<(&str, NaiveDate)>,
        amount: Option<Money>,
        cells: impl FnOnce() -> Vec<String>,
    ) {
        if self.first_rows.len() < FIRST_ROWS {
            self.first_rows.push(cells());
        }
        if let Some((client, date)) = client_month {
            if !self.groups.contains_key(client) {
                self.groups.insert(client.to_string(), HashMap::new());
            }
            if let Some(months) = self.groups.get_mut(client) {
                let group = months.entry(Month::of(date)).or_insert((0, None));
                group.0 += 1;
                if let Some(amount) = amount {
                    group.1 = Some(group.1.unwrap_or_default().plus(amount));
                }
            }
        }
    }

    pub fn finish(self) -> Preview {
        let mut by_client_month: Vec<Group> = self
            .groups
            .into_iter()
            .flat_map(|(client, months)| {
                months.into_iter().map(move |(month, (rows, sum))| Group {
                    client: client.clone(),
                    month,
                    rows,
                    sum,
                })
            })
            .collect();
        by_client_month.sort_by_cached_key(|g| (name_key(&g.client), g.client.clone(), g.month));
        Preview {
            columns: self.columns,
            first_rows: self.first_rows,
            by_client_month,
        }
    }
}

/// A record's cells as an export in English writes them, without the
/// formula guard: a preview shows the text as it is stored.
fn cells(row: &impl Row) -> Vec<String> {
    let cells = row.cells(Layout::Plain, Locale::En);
    cells.iter().map(|c| unneutralise(c).to_string()).collect()
}

/// The rows of `kind` written since `mark`, inside the import's
/// transaction: what the dry run would import.
pub fn written_since(db: &Db, kind: Kind, mark: since::Mark) -> OpResult<Preview> {
    let names: HashMap<Id, String> = clients::list(db)?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let name = |id: Id| names.get(&id).map_or("", String::as_str);
    let tally = match kind {
        Kind::Clients => {
            let mut t = Tally::new(&CLIENT_COLUMNS);
            since::clients(db, mark, &mut |c| t.row(None, None, || cells(&c)))?;
            t
        }
        Kind::Touchpoints => {
            let mut t = Tally::new(&TOUCHPOINT_COLUMNS);
            since::touchpoints(db, mark, &mut |tp| {
                let client = name(tp.client_id);
                t.row(Some((client, tp.at)), None, || {
                    cells(&(client.to_string(), tp))
                });
            })?;
            t
        }
        Kind::Agreements => {
            let mut t = Tally::new(&AGREEMENT_COLUMNS);
            since::agreements(db, mark, &mut |a| {
                let client = name(a.client_id);
                t.row(Some((client, a.made_on)), None, || {
                    cells(&(client.to_string(), a))
                });
            })?;
            t
        }
        Kind::Payments => {
            let mut t = Tally::new(&PAYMENT_COLUMNS);
            since::payments(db, mark, &mut |p| {
                let client = name(p.client_id);
                t.row(Some((client, p.on)), Some(p.amount), || {
                    cells(&(client.to_string(), p))
                });
            })?;
            t
        }
    };
    Ok(tally.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::d;

    fn cells(s: &str) -> impl FnOnce() -> Vec<String> {
        let s = s.to_string();
        move || vec![s]
    }

    #[test]
    fn counts_and_sums_by_client_and_month_sorted_by_name() {
        let mut t = Tally::new(&PAYMENT_COLUMNS);
        let m = |minor| Some(Money::from_minor(minor));
        t.row(Some(("Ёлка", d(2026, 10, 31))), m(150_000), cells("1"));
        t.row(Some(("acme", d(2026, 11, 1))), m(50), cells("2"));
        t.row(Some(("Ёлка", d(2026, 10, 1))), m(30), cells("3"));
        t.row(Some(("Acme", d(2026, 10, 5))), m(123_456), cells("4"));
        let p = t.finish();
        let groups: Vec<(&str, String, usize, Option<Money>)> = p
            .by_client_month
            .iter()
            .map(|g| (g.client.as_str(), g.month.to_string(), g.rows, g.sum))
            .collect();
        assert_eq!(
            groups,
            vec![
                ("Acme", "2026-10".to_string(), 1, m(123_456)),
                ("acme", "2026-11".to_string(), 1, m(50)),
                ("Ёлка", "2026-10".to_string(), 2, m(150_030)),
            ]
        );
        assert_eq!(p.first_rows.len(), 4);
        assert_eq!(p.columns, PAYMENT_COLUMNS.to_vec());
    }

    #[test]
    fn keeps_the_first_rows_only_and_builds_no_more() {
        let mut t = Tally::new(&CLIENT_COLUMNS);
        let mut built = 0;
        for i in 0..25 {
            t.row(None, None, || {
                built += 1;
                vec![i.to_string()]
            });
        }
        let p = t.finish();
        assert_eq!(built, FIRST_ROWS);
        assert_eq!(p.first_rows.first(), Some(&vec!["0".to_string()]));
        assert_eq!(p.first_rows.last(), Some(&vec!["9".to_string()]));
        assert!(p.by_client_month.is_empty());
    }
}
