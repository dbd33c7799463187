//! The relationship log: touchpoints and agreements.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Row, params, params_from_iter};

use super::convert::{DayText, day, opt_day};
use super::{Db, StoreResult};
use crate::domain::{
    Agreement, AgreementStatus, Id, NewAgreement, NewTouchpoint, NextStep, Touchpoint, fold,
};

/// The folded text a touchpoint filter searches.
fn search_key(summary: &str, next_step: Option<&str>) -> String {
    let mut s = fold(summary);
    if let Some(n) = next_step {
        s.push('\n');
        s.push_str(&fold(n));
    }
    s
}

pub(super) const TOUCH_COLUMNS: &str =
    "id, client_id, at, kind, summary, minutes, next_step, next_due";

pub(super) fn touch_from_row(r: &Row<'_>) -> rusqlite::Result<Touchpoint> {
    Ok(Touchpoint {
        id: r.get(0)?,
        client_id: r.get(1)?,
        at: day(r, 2)?,
        kind: r.get(3)?,
        summary: r.get(4)?,
        minutes: r.get(5)?,
        next_step: r.get(6)?,
        next_due: opt_day(r, 7)?,
    })
}

pub fn insert_touchpoint(db: &Db, client_id: Id, t: &NewTouchpoint) -> StoreResult<Id> {
    db.insert(
        "INSERT INTO touchpoints (client_id, at, kind, summary, minutes, next_step, next_due, search)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            client_id,
            DayText::new(t.at),
            t.kind,
            t.summary,
            t.minutes,
            t.next_step,
            t.next_due.map(DayText::new),
            search_key(&t.summary, t.next_step.as_deref()),
        ],
    )
}

/// Every column of `t` written by `sql`, its id as `?1`: an UPDATE of the
/// touchpoint, or an INSERT that puts a deleted one back.
fn write_touchpoint(db: &Db, sql: &str, t: &Touchpoint) -> StoreResult<bool> {
    db.change(
        sql,
        params![
            t.id,
            t.client_id,
            DayText::new(t.at),
            t.kind,
            t.summary,
            t.minutes,
            t.next_step,
            t.next_due.map(DayText::new),
            search_key(&t.summary, t.next_step.as_deref())
        ],
    )
}

pub fn update_touchpoint(db: &Db, t: &Touchpoint) -> StoreResult<bool> {
    write_touchpoint(
        db,
        "UPDATE touchpoints SET client_id = ?2, at = ?3, kind = ?4, summary = ?5, minutes = ?6,
                next_step = ?7, next_due = ?8, search = ?9 WHERE id = ?1",
        t,
    )
}

/// Put a deleted touchpoint back with its own id (an undo).
pub fn reinsert_touchpoint(db: &Db, t: &Touchpoint) -> StoreResult<()> {
    write_touchpoint(
        db,
        "INSERT INTO touchpoints
             (id, client_id, at, kind, summary, minutes, next_step, next_due, search)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        t,
    )
    .map(drop)
}

pub fn delete_touchpoint(db: &Db, id: Id) -> StoreResult<bool> {
    db.change("DELETE FROM touchpoints WHERE id = ?1", [id])
}

pub fn get_touchpoint(db: &Db, id: Id) -> StoreResult<Option<Touchpoint>> {
    let sql = format!("SELECT {TOUCH_COLUMNS} FROM touchpoints WHERE id = ?1");
    db.find(&sql, [id], touch_from_row)
}

/// Touchpoints newest first, for one client or all, as a window of `limit`
/// rows after skipping `offset` (`limit` < 0: no limit).
pub fn touchpoints(
    db: &Db,
    client_id: Option<Id>,
    limit: i64,
    offset: i64,
) -> StoreResult<Vec<Touchpoint>> {
    let all = TouchFilter {
        client_id,
        needle: String::new(),
    };
    touch_page(db, &all, Seek::Newest, offset, limit)
}

/// Which touchpoints a log view shows: one client's or everyone's, and a
/// filter already folded with [`fold`]: found in the summary or next step, or
/// in the client's name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TouchFilter {
    pub client_id: Option<Id>,
    pub needle: String,
}

/// A touchpoint's place in the log, which runs newest first: by date, then id
/// (later ids first), both descending.
pub type TouchKey = (NaiveDate, Id);

/// Where a page of the log starts. Pages are found by key (a seek in the
/// index of dates), not by counting rows from the top, so a page a million
/// rows deep costs what the first one does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seek {
    /// From the newest touchpoint down.
    Newest,
    /// From the oldest touchpoint up (the page is still returned newest first).
    Oldest,
    /// Touchpoints after this one in the log (older).
    Older(TouchKey),
    /// This touchpoint (if it is still there) and the ones after it.
    AtOrOlder(TouchKey),
    /// Touchpoints before this one in the log (newer), nearest first.
    Newer(TouchKey),
}

impl TouchFilter {
    /// A filter as typed: trimmed and folded.
    pub fn new(client_id: Option<Id>, text: &str) -> Self {
        TouchFilter {
            client_id,
            needle: fold(text.trim()),
        }
    }

    /// The WHERE clause and its parameters, with extra key bounds.
    fn clause(&self, bounds: &[(&str, TouchKey)]) -> (String, Vec<Value>) {
        let mut terms = Vec::new();
        let mut values = Vec::new();
        if let Some(id) = self.client_id {
            terms.push("client_id = ?".to_string());
            values.push(Value::Integer(id));
        }
        if !self.needle.is_empty() {
            // name_key is the client's name folded the same way (clients.rs).
            terms.push(
                "(instr(search, ?) > 0 OR client_id IN \
                 (SELECT id FROM clients WHERE instr(name_key, ?) > 0))"
                    .to_string(),
            );
            values.push(Value::Text(self.needle.clone()));
            values.push(Value::Text(self.needle.clone()));
        }
        for (op, (at, id)) in bounds {
            terms.push(format!("(at, id) {op} (?, ?)"));
            values.push(Value::Text(at.to_string()));
            values.push(Value::Integer(*id));
        }
        let clause = if terms.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", terms.join(" AND "))
        };
        (clause, values)
    }
}

/// One page of the log, newest first: `limit` touchpoints from `seek`,
/// skipping the first `skip` of them (counted in the seek's direction).
pub fn touch_page(
    db: &Db,
    filter: &TouchFilter,
    seek: Seek,
    skip: i64,
    limit: i64,
) -> StoreResult<Vec<Touchpoint>> {
    let (bound, ascending) = match seek {
        Seek::Newest => (None, false),
        Seek::Oldest => (None, true),
        Seek::Older(k) => (Some(("<", k)), false),
        Seek::AtOrOlder(k) => (Some(("<=", k)), false),
        Seek::Newer(k) => (Some((">", k)), true),
    };
    let mut rows = select_page(db, filter, bound.as_slice(), ascending, skip, limit)?;
    if ascending {
        rows.reverse();
    }
    Ok(rows)
}

/// Touchpoints `filter` matches within `bounds`, in log order (or the
/// reverse, `ascending`): `limit` of them after skipping `skip`.
fn select_page(
    db: &Db,
    filter: &TouchFilter,
    bounds: &[(&str, TouchKey)],
    ascending: bool,
    skip: i64,
    limit: i64,
) -> StoreResult<Vec<Touchpoint>> {
    let (clause, mut values) = filter.clause(bounds);
    let order = if ascending { "ASC" } else { "DESC" };
    values.push(Value::Integer(limit));
    values.push(Value::Integer(skip));
    let sql = format!(
        "SELECT {TOUCH_COLUMNS} FROM touchpoints {clause}
         ORDER BY at {order}, id {order} LIMIT ? OFFSET ?"
    );
    db.rows(&sql, params_from_iter(values), touch_from_row)
}

/// How many touchpoints `filter` matches within `bounds`.
fn count_where(db: &Db, filter: &TouchFilter, bounds: &[(&str, TouchKey)]) -> StoreResult<i64> {
    let (clause, values) = filter.clause(bounds);
    let sql = format!("SELECT count(*) FROM touchpoints {clause}");
    db.row(&sql, params_from_iter(values), |r| r.get(0))
}

/// Like [`touch_page`] going down the log (`Newest`, `Older`, `AtOrOlder`,
/// nothing skipped), but walking at most `budget` index entries: a filter
/// that matches rarely (or nothing) is not a scan of the whole log. Returns
/// the matches found and, when the page is short because the walk stopped,
/// the key it stopped at (go on with `Older` from there).
pub fn touch_page_within(
    db: &Db,
    filter: &TouchFilter,
    seek: Seek,
    limit: i64,
    budget: i64,
) -> StoreResult<(Vec<Touchpoint>, Option<TouchKey>)> {
    let start: Vec<(&str, TouchKey)> = match seek {
        Seek::Older(k) => vec![("<", k)],
        Seek::AtOrOlder(k) => vec![("<=", k)],
        Seek::Newest => Vec::new(),
        Seek::Oldest | Seek::Newer(_) => {
            return Ok((touch_page(db, filter, seek, 0, limit)?, None));
        }
    };
    let end = slice_end(db, filter.client_id, &start, budget)?;
    let mut bounds = start;
    bounds.extend(end.map(|k| (">=", k)));
    let rows = select_page(db, filter, &bounds, false, 0, limit)?;
    let short = (rows.len() as i64) < limit;
    Ok((rows, end.filter(|_| short)))
}

/// The key `budget` entries down the log from `start` (one client's or
/// all, no filter: a walk of the index), or `None` if the log ends first.
fn slice_end(
    db: &Db,
    client_id: Option<Id>,
    start: &[(&str, TouchKey)],
    budget: i64,
) -> StoreResult<Option<TouchKey>> {
    let scope = TouchFilter {
        client_id,
        needle: String::new(),
    };
    let (clause, mut values) = scope.clause(start);
    values.push(Value::Integer(budget.max(1) - 1));
    let sql = format!(
        "SELECT at, id FROM touchpoints {clause}
         ORDER BY at DESC, id DESC LIMIT 1 OFFSET ?"
    );
    db.find(&sql, params_from_iter(values), |r| {
        Ok((day(r, 0)?, r.get(1)?))
    })
}

/// One slice of counting the touchpoints a filter matches: those after
/// `after` in the log (all, with `None`), at most `chunk` index entries
/// (`chunk` > 0). Returns the matches in the slice and where the next slice
/// starts, `None` once the log is counted. A long count runs slice by slice
/// so a waiting key is never stuck behind a scan of the whole log.
pub fn count_touch_slice(
    db: &Db,
    filter: &TouchFilter,
    after: Option<TouchKey>,
    chunk: i64,
) -> StoreResult<(i64, Option<TouchKey>)> {
    let upper: Vec<(&str, TouchKey)> = after.map(|k| ("<", k)).into_iter().collect();
    // Where the slice ends: the key `chunk` entries on, scope applied, the
    // filter not (so the step is a walk of the index, not of matches).
    let end = slice_end(db, filter.client_id, &upper, chunk)?;
    let mut bounds = upper;
    bounds.extend(end.map(|k| (">=", k)));
    Ok((count_where(db, filter, &bounds)?, end))
}

/// How many touchpoints a filter matches before `key` in the log (newer),
/// counting only those after `after` if given: with the slices counted
/// before, the position of `key` in the filtered log.
pub fn count_newer(
    db: &Db,
    filter: &TouchFilter,
    after: Option<TouchKey>,
    key: TouchKey,
) -> StoreResult<i64> {
    let mut bounds = vec![(">", key)];
    bounds.extend(after.map(|k| ("<", k)));
    count_where(db, filter, &bounds)
}

/// All the touchpoints a filter matches (slice by slice, see
/// [`count_touch_slice`]).
pub fn count_touch(db: &Db, filter: &TouchFilter) -> StoreResult<i64> {
    let (mut total, mut after) = (0, None);
    loop {
        let (n, next) = count_touch_slice(db, filter, after, COUNT_SLICE)?;
        total += n;
        match next {
            Some(k) => after = Some(k),
            None => return Ok(total),
        }
    }
}

/// Index entries one slice of a count walks: a few milliseconds at most.
pub const COUNT_SLICE: i64 = 16_384;

pub fn count_touchpoints(db: &Db, client_id: Option<Id>) -> StoreResult<i64> {
    db.row(
        "SELECT count(*) FROM touchpoints WHERE ?1 IS NULL OR client_id = ?1",
        [client_id],
        |r| r.get(0),
    )
}

/// The days the client has touchpoints on, each once and in order, read
/// from the index on (client, date) alone: a touchpoint import looks for
/// rows already there only on these days.
pub fn touch_days_of(db: &Db, client_id: Id) -> StoreResult<Vec<NaiveDate>> {
    db.rows(TOUCH_DAYS_OF, [client_id], |r| day(r, 0))
}

/// How many of the client's touchpoints are `t` to the letter (day, kind,
/// summary): what a re-import finds already there.
pub fn count_touchpoints_like(db: &Db, client_id: Id, t: &NewTouchpoint) -> StoreResult<u32> {
    db.row(
        TOUCHPOINTS_LIKE,
        params![client_id, DayText::new(t.at), t.kind, t.summary],
        |r| r.get(0),
    )
}

const TOUCH_DAYS_OF: &str = "SELECT DISTINCT at FROM touchpoints WHERE client_id = ?1 ORDER BY at";

const TOUCHPOINTS_LIKE: &str = "SELECT count(*) FROM touchpoints
     WHERE client_id = ?1 AND at = ?2 AND kind = ?3 AND summary = ?4";

/// Per client of `clients`: the date of its last touchpoint on or before
/// `today`, where it has one: one seek in the (client, date) index each.
pub fn last_touch_by_client(
    db: &Db,
    today: NaiveDate,
    clients: impl IntoIterator<Item = Id>,
) -> StoreResult<Vec<(Id, NaiveDate)>> {
    let mut seek = db
        .conn
        .prepare_cached("SELECT max(at) FROM touchpoints WHERE client_id = ?1 AND at <= ?2")?;
    let today = DayText::new(today);
    let mut out = Vec::new();
    for id in clients {
        if let Some(at) = seek.query_row(params![id, today], |r| opt_day(r, 0))? {
            out.push((id, at));
        }
    }
    Ok(out)
}

/// Per client: touchpoints (count and minutes) in each window
/// `(cuts[k], cuts[k+1]]`, one pass over the covering index of dates.
pub fn touch_windows_by_client(
    db: &Db,
    cuts: &[NaiveDate],
    clients: usize,
) -> StoreResult<super::WindowTable> {
    super::window_sums(
        db,
        "SELECT client_id, minutes FROM touchpoints WHERE at > ?1 AND at <= ?2",
        cuts,
        clients,
    )
}

/// The columns [`agreement_from_row`] reads, in its order (a macro, so
/// constant queries can `concat!` them).
macro_rules! agreement_columns {
    () => {
        "id, client_id, made_on, text, owner, due, status, closed_on"
    };
}

pub(super) const AGREEMENT_COLUMNS: &str = agreement_columns!();

pub(super) fn agreement_from_row(r: &Row<'_>) -> rusqlite::Result<Agreement> {
    Ok(Agreement {
        id: r.get(0)?,
        client_id: r.get(1)?,
        made_on: day(r, 2)?,
        text: r.get(3)?,
        owner: r.get(4)?,
        due: opt_day(r, 5)?,
        status: r.get(6)?,
        closed_on: opt_day(r, 7)?,
    })
}

/// How many of the client's agreements were made on `a`'s day with its
/// text: what a re-import finds already there.
pub fn count_agreements_like(db: &Db, client_id: Id, a: &NewAgreement) -> StoreResult<u32> {
    db.row(
        "SELECT count(*) FROM agreements WHERE client_id = ?1 AND made_on = ?2 AND text = ?3",
        params![client_id, a.made_on, a.text],
        |r| r.get(0),
    )
}

pub fn insert_agreement(db: &Db, client_id: Id, a: &NewAgreement) -> StoreResult<Id> {
    db.insert(
        "INSERT INTO agreements (client_id, made_on, text, owner, due, status, closed_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            client_id,
            a.made_on,
            a.text,
            a.owner,
            a.due,
            a.status,
            a.closed_on
        ],
    )
}

/// Every column of `a` written by `sql`, its id as `?1`: an UPDATE of the
/// agreement, or an INSERT that puts a deleted one back.
fn write_agreement(db: &Db, sql: &str, a: &Agreement) -> StoreResult<bool> {
    db.change(
        sql,
        params![
            a.id,
            a.client_id,
            a.made_on,
            a.text,
            a.owner,
            a.due,
            a.status,
            a.closed_on
        ],
    )
}

pub fn update_agreement(db: &Db, a: &Agreement) -> StoreResult<bool> {
    write_agreement(
        db,
        "UPDATE agreements SET client_id = ?2, made_on = ?3, text = ?4, owner = ?5, due = ?6,
                status = ?7, closed_on = ?8 WHERE id = ?1",
        a,
    )
}

/// Put a deleted agreement back with its own id (an undo).
pub fn reinsert_agreement(db: &Db, a: &Agreement) -> StoreResult<()> {
    write_agreement(
        db,
        "INSERT INTO agreements (id, client_id, made_on, text, owner, due, status, closed_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        a,
    )
    .map(drop)
}

pub fn delete_agreement(db: &Db, id: Id) -> StoreResult<bool> {
    db.change("DELETE FROM agreements WHERE id = ?1", [id])
}

pub fn get_agreement(db: &Db, id: Id) -> StoreResult<Option<Agreement>> {
    let sql = format!("SELECT {AGREEMENT_COLUMNS} FROM agreements WHERE id = ?1");
    db.find(&sql, [id], agreement_from_row)
}

/// Set an agreement's status and closing date.
pub fn close_agreement(
    db: &Db,
    id: Id,
    status: AgreementStatus,
    closed_on: Option<NaiveDate>,
) -> StoreResult<bool> {
    db.change(
        "UPDATE agreements SET status = ?2, closed_on = ?3 WHERE id = ?1",
        params![id, status, closed_on],
    )
}

/// Agreements for one client or all, optionally only open ones: open first,
/// by due date (none last), then the rest newest first.
pub fn agreements(db: &Db, client_id: Option<Id>, only_open: bool) -> StoreResult<Vec<Agreement>> {
    let sql = format!(
        "SELECT {AGREEMENT_COLUMNS} FROM agreements
         WHERE (?1 IS NULL OR client_id = ?1) AND (?2 = 0 OR status = 'open')
         ORDER BY status <> 'open', CASE WHEN status = 'open' THEN due IS NULL END,
                  CASE WHEN status = 'open' THEN due END,
                  coalesce(closed_on, made_on) DESC, id DESC"
    );
    db.rows(&sql, params![client_id, only_open], agreement_from_row)
}

/// The open and broken agreements of every client, by client and id (the
/// signals and the briefing read these whole; kept ones only as a count, see
/// [`kept_by_client`]). Most agreements end kept, so this reads a fraction.
pub fn open_and_broken_agreements(db: &Db) -> StoreResult<Vec<Agreement>> {
    db.rows(OPEN_AND_BROKEN, [], agreement_from_row)
}

/// Named: without statistics SQLite's planner prefers the status index
/// (then a lookup in the table per row and a sort); this one holds every
/// column, in the order wanted.
const OPEN_AND_BROKEN: &str = concat!(
    "SELECT ",
    agreement_columns!(),
    " FROM agreements INDEXED BY agreements_live
      WHERE status IN ('open', 'broken') ORDER BY client_id, id"
);

/// Per client: how many agreements were kept, from the client index alone
/// (`+status` keeps SQLite off the status index, which would look up every
/// kept row in the table). Counted here: SQLite's GROUP BY cost three times
/// reading the ids raw.
pub fn kept_by_client(db: &Db) -> StoreResult<super::IdMap<u32>> {
    let mut stmt = db
        .conn
        .prepare_cached("SELECT client_id FROM agreements WHERE +status = 'kept'")?;
    let mut rows = stmt.query([])?;
    let mut out: super::IdMap<u32> = super::IdMap::default();
    while let Some(r) = rows.next()? {
        *out.entry(r.get(0)?).or_default() += 1;
    }
    Ok(out)
}

/// Touchpoints whose next step is due within `[from, to]`, by due date.
pub fn next_steps_between(db: &Db, from: NaiveDate, to: NaiveDate) -> StoreResult<Vec<NextStep>> {
    db.rows(
        "SELECT client_id, next_due, next_step FROM touchpoints
         WHERE next_due BETWEEN ?1 AND ?2 AND next_step IS NOT NULL ORDER BY next_due, id",
        params![DayText::new(from), DayText::new(to)],
        |r| {
            Ok(NextStep {
                client_id: r.get(0)?,
                due: day(r, 1)?,
                step: r.get(2)?,
            })
        },
    )
}

/// One client's last touchpoint on or before `today`, and its minutes logged
/// within `(after, upto]` (index seeks on touchpoints_client_at).
pub fn touch_facts_of(
    db: &Db,
    client_id: Id,
    today: NaiveDate,
    after: NaiveDate,
    upto: NaiveDate,
) -> StoreResult<(Option<NaiveDate>, i64)> {
    db.row(
        "SELECT (SELECT max(at) FROM touchpoints WHERE client_id = ?1 AND at <= ?2),
                (SELECT total(minutes) FROM touchpoints WHERE client_id = ?1 AND at > ?3 AND at <= ?4)",
        params![client_id, today, after, upto],
        |r| Ok((r.get(0)?, r.get::<_, f64>(1)? as i64)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    /// A log where many touchpoints share a date, of two clients.
    fn log() -> Store {
        let store = Store::open_in_memory().unwrap();
        let c = store.db();
        c.conn
            .execute_batch(
                "INSERT INTO clients (id, name, name_key, tier, since)
             VALUES (1, 'Ромашка', 'ромашка', 'gold', '2020-01-01'),
                    (2, 'Acme', 'acme', 'toxic', '2020-01-01');",
            )
            .unwrap();
        for i in 0..200 {
            let t = NewTouchpoint {
                at: NaiveDate::from_ymd_opt(2026, 1, 1 + (i * 7 % 28) as u32).unwrap(),
                kind: crate::domain::TouchKind::Call,
                summary: if i % 3 == 0 {
                    "Отчёт sent"
                } else {
                    "call"
                }
                .into(),
                minutes: 5,
                next_step: None,
                next_due: None,
            };
            insert_touchpoint(c, 1 + i % 2, &t).unwrap();
        }
        store
    }

    fn plain_count(c: &Db, f: &TouchFilter) -> i64 {
        let rows = touchpoints(c, f.client_id, -1, 0).unwrap();
        rows.iter()
            .filter(|t| {
                f.needle.is_empty()
                    || fold(&t.summary).contains(&f.needle)
                    || (t.client_id == 1 && "ромашка".contains(&f.needle))
            })
            .count() as i64
    }

    #[test]
    fn open_and_broken_agreements_come_from_their_index_by_client_and_id() {
        use crate::domain::{AgreementStatus as S, NewAgreement, Owner};
        let store = log();
        let c = store.db();
        let statuses = [S::Open, S::Kept, S::Broken, S::Cancelled];
        let mut ids = Vec::new();
        for i in 0..24usize {
            let a = NewAgreement {
                made_on: NaiveDate::from_ymd_opt(2026, 2, 1 + i as u32).unwrap(),
                text: format!("Обещание {i}"),
                owner: if i % 2 == 0 { Owner::Us } else { Owner::Client },
                due: (i % 3 != 0).then(|| NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()),
                status: statuses[i % 4],
                closed_on: None,
            };
            // Clients interleaved: the rows' order is not the clients'.
            ids.push(insert_agreement(c, 2 - (i % 3 == 0) as i64, &a).unwrap());
        }
        // Statuses moving in and out of the index's condition.
        for (k, status) in [(0, S::Kept), (1, S::Broken), (3, S::Open)] {
            let mut a = agreements(c, None, false)
                .unwrap()
                .into_iter()
                .find(|a| a.id == ids[k])
                .unwrap();
            a.status = status;
            assert!(update_agreement(c, &a).unwrap());
        }
        let mut expected: Vec<Agreement> = agreements(c, None, false)
            .unwrap()
            .into_iter()
            .filter(|a| matches!(a.status, S::Open | S::Broken))
            .collect();
        expected.sort_by_key(|a| (a.client_id, a.id));
        assert_eq!(expected.len(), 13);
        assert_eq!(open_and_broken_agreements(c).unwrap(), expected);
        assert_eq!(
            crate::store::query_plan(c, OPEN_AND_BROKEN, &[]),
            ["SCAN agreements USING COVERING INDEX agreements_live"]
        );
    }

    #[test]
    fn a_clients_touch_days_and_touchpoints_like_one_come_from_its_index() {
        let store = log();
        let c = store.db();
        // Client 2's 100 touchpoints fall on two days, each said once.
        let jan = |day| NaiveDate::from_ymd_opt(2026, 1, day).unwrap();
        assert_eq!(touch_days_of(c, 2).unwrap(), [jan(8), jan(22)]);
        assert!(touch_days_of(c, 3).unwrap().is_empty());
        assert_eq!(
            crate::store::query_plan(c, TOUCH_DAYS_OF, &["2"]),
            ["SEARCH touchpoints USING COVERING INDEX touchpoints_client_at (client_id=?)"]
        );
        let t = |day: u32, kind, summary: &str| NewTouchpoint {
            at: jan(day),
            kind,
            summary: summary.into(),
            minutes: 99,
            next_step: Some("not compared".into()),
            next_due: None,
        };
        use crate::domain::TouchKind::{Call, Email};
        let like = |client, t: &NewTouchpoint| count_touchpoints_like(c, client, t).unwrap();
        // Client 1 on January 1: i = 0, 4, ... 196, "call" but for the 17
        // multiples of 12.
        assert_eq!(like(1, &t(1, Call, "call")), 33);
        assert_eq!(like(1, &t(1, Call, "Отчёт sent")), 17);
        assert_eq!(like(1, &t(1, Email, "call")), 0, "another kind");
        assert_eq!(like(1, &t(1, Call, "Call")), 0, "the summary to the letter");
        assert_eq!(like(2, &t(1, Call, "call")), 0, "another client's day");
    }

    #[test]
    fn counting_in_slices_adds_up_to_the_plain_count() {
        let store = log();
        let c = store.db();
        for (scope, text) in [
            (None, ""),
            (None, "ОТЧЁТ"),
            (Some(2), "отч"),
            (None, "РОМ"),
            (Some(1), ""),
        ] {
            let f = TouchFilter::new(scope, text);
            for chunk in [1, 7, 100, 200, 1000] {
                let (mut total, mut after, mut slices) = (0, None, 0);
                loop {
                    let (n, next) = count_touch_slice(c, &f, after, chunk).unwrap();
                    total += n;
                    slices += 1;
                    match next {
                        Some(k) => after = Some(k),
                        None => break,
                    }
                }
                assert_eq!(total, plain_count(c, &f), "{f:?} in slices of {chunk}");
                assert!(
                    slices >= 200 / chunk.min(200) / 2,
                    "{f:?}: {slices} slices of {chunk}"
                );
            }
            assert_eq!(count_touch(c, &f).unwrap(), plain_count(c, &f));
        }
    }

    #[test]
    fn pages_by_key_match_pages_by_offset() {
        let store = log();
        let c = store.db();
        let f = TouchFilter::new(None, "");
        let all = touchpoints(c, None, -1, 0).unwrap();
        let key = |i: usize| (all[i].at, all[i].id);
        let ids = |r: Vec<Touchpoint>| r.into_iter().map(|t| t.id).collect::<Vec<_>>();
        let want = |a: usize, b: usize| all[a..b].iter().map(|t| t.id).collect::<Vec<_>>();
        let cases = [
            (Seek::Newest, 3, (3, 8)),
            (Seek::Oldest, 0, (195, 200)),
            (Seek::Older(key(50)), 2, (53, 58)),
            (Seek::AtOrOlder(key(50)), 0, (50, 55)),
            (Seek::Newer(key(50)), 0, (45, 50)),
            (Seek::Newer(key(50)), 10, (35, 40)),
            (Seek::Newer(key(2)), 0, (0, 2)),
        ];
        for (seek, skip, (a, b)) in cases {
            let page = touch_page(c, &f, seek, skip, 5).unwrap();
            assert_eq!(ids(page), want(a, b), "{seek:?} skipping {skip}");
        }
        // Positions: rows newer than a key, optionally only those older than
        // another.
        let f = TouchFilter::new(None, "ОТЧЁТ");
        let hits: Vec<&Touchpoint> = all
            .iter()
            .filter(|t| t.summary.starts_with("Отчёт"))
            .collect();
        for (i, t) in hits.iter().enumerate().step_by(7) {
            let k = (t.at, t.id);
            assert_eq!(count_newer(c, &f, None, k).unwrap(), i as i64);
            let after = (hits[i / 2].at, hits[i / 2].id);
            let between = if i == 0 { 0 } else { i - i / 2 - 1 };
            assert_eq!(count_newer(c, &f, Some(after), k).unwrap(), between as i64);
        }
        // Walking a few entries at a time and going on where each walk
        // stopped gives the same page as one query.
        for (text, budget) in [("ОТЧЁТ", 5), ("call", 1), ("", 3), ("nothing", 50)] {
            let f = TouchFilter::new(None, text);
            let whole = ids(touch_page(c, &f, Seek::Older(key(10)), 0, 40).unwrap());
            let mut got = Vec::new();
            let mut seek = Seek::Older(key(10));
            loop {
                let want = 40 - got.len() as i64;
                let (rows, stopped) = touch_page_within(c, &f, seek, want, budget).unwrap();
                got.extend(ids(rows));
                match stopped {
                    Some(k) if got.len() < 40 => seek = Seek::Older(k),
                    _ => break,
                }
            }
            assert_eq!(got, whole, "{text} by {budget}");
        }
        // The seeks use the indexes, not a scan of the log.
        for sql in [
            "SELECT id FROM touchpoints WHERE (at, id) < ('2026-01-05', 9) ORDER BY at DESC, id DESC LIMIT 5",
            "SELECT id FROM touchpoints WHERE client_id = 1 AND (at, id) > ('2026-01-05', 9) ORDER BY at ASC, id ASC LIMIT 5",
        ] {
            let plan = crate::store::query_plan(c, sql, &[]);
            assert!(
                plan.iter()
                    .any(|p| p.contains("SEARCH") && p.contains("INDEX")),
                "{plan:?}"
            );
            assert!(!plan.iter().any(|p| p.contains("TEMP B-TREE")), "{plan:?}");
        }
    }

    /// A touchpoint is written with the folded text its filter searches:
    /// the summary, then the next step on a line of its own.
    #[test]
    fn inserts_keep_the_folded_search_text() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let store = log();
        let t = NewTouchpoint {
            at: day(3),
            kind: crate::domain::TouchKind::Call,
            summary: "Ёлка ÉTÉ 🎄".into(),
            minutes: 5,
            next_step: Some("Звонок ÄÖ".into()),
            next_due: Some(day(28)),
        };
        let id = insert_touchpoint(store.db(), 1, &t).unwrap();
        let (back, search): (Touchpoint, String) = store
            .conn()
            .query_row(
                &format!("SELECT {TOUCH_COLUMNS}, search FROM touchpoints WHERE id = ?1"),
                [id],
                |r| Ok((touch_from_row(r)?, r.get(8)?)),
            )
            .unwrap();
        assert_eq!(back.summary, t.summary);
        assert_eq!(back.next_due, t.next_due);
        assert_eq!(
            search,
            format!("{}\n{}", fold("Ёлка ÉTÉ 🎄"), fold("Звонок ÄÖ"))
        );
    }
}
