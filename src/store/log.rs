//! The relationship log: touchpoints and agreements.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::DbError;
use super::convert::{day, opt_day};
use crate::domain::{
    Agreement, AgreementStatus, Id, NewAgreement, NewTouchpoint, Touchpoint, fold,
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

const TOUCH_COLUMNS: &str = "id, client_id, at, kind, summary, minutes, next_step, next_due";

fn touch_from_row(r: &Row<'_>) -> rusqlite::Result<Touchpoint> {
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

pub fn insert_touchpoint(
    conn: &Connection,
    client_id: Id,
    t: &NewTouchpoint,
) -> Result<Id, DbError> {
    conn.prepare_cached(
        "INSERT INTO touchpoints (client_id, at, kind, summary, minutes, next_step, next_due, search)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        client_id,
        t.at,
        t.kind,
        t.summary,
        t.minutes,
        t.next_step,
        t.next_due,
        search_key(&t.summary, t.next_step.as_deref())
    ])?;
    Ok(conn.last_insert_rowid())
}

pub fn update_touchpoint(conn: &Connection, t: &Touchpoint) -> Result<bool, DbError> {
    Ok(conn
        .prepare_cached(
            "UPDATE touchpoints SET client_id = ?2, at = ?3, kind = ?4, summary = ?5, minutes = ?6,
                    next_step = ?7, next_due = ?8, search = ?9 WHERE id = ?1",
        )?
        .execute(params![
            t.id,
            t.client_id,
            t.at,
            t.kind,
            t.summary,
            t.minutes,
            t.next_step,
            t.next_due,
            search_key(&t.summary, t.next_step.as_deref())
        ])?
        > 0)
}

pub fn delete_touchpoint(conn: &Connection, id: Id) -> Result<bool, DbError> {
    Ok(conn
        .prepare_cached("DELETE FROM touchpoints WHERE id = ?1")?
        .execute([id])?
        > 0)
}

pub fn get_touchpoint(conn: &Connection, id: Id) -> Result<Option<Touchpoint>, DbError> {
    conn.prepare_cached(&format!(
        "SELECT {TOUCH_COLUMNS} FROM touchpoints WHERE id = ?1"
    ))?
    .query_row([id], touch_from_row)
    .optional()
}

/// Touchpoints newest first, for one client or all, as a window of `limit`
/// rows after skipping `offset` (`limit` < 0: no limit).
pub fn touchpoints(
    conn: &Connection,
    client_id: Option<Id>,
    limit: i64,
    offset: i64,
) -> Result<Vec<Touchpoint>, DbError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {TOUCH_COLUMNS} FROM touchpoints
         WHERE ?1 IS NULL OR client_id = ?1
         ORDER BY at DESC, id DESC LIMIT ?2 OFFSET ?3"
    ))?;
    let rows = stmt.query_map(params![client_id, limit, offset], touch_from_row)?;
    rows.collect()
}

/// A window of touchpoints, newest first, matching a filter: `needle` (already
/// folded) found in the summary or next step, or the touchpoint belongs to one
/// of `client_ids` (clients whose name matches). With `count`, also the
/// number of matching touchpoints (a scan: callers count once per filter, not
/// per scroll step).
pub fn touchpoints_matching(
    conn: &Connection,
    client_id: Option<Id>,
    needle: &str,
    client_ids: &[Id],
    limit: i64,
    offset: i64,
    count: bool,
) -> Result<(Vec<Touchpoint>, Option<i64>), DbError> {
    let ids = format!(
        "[{}]",
        client_ids
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",")
    );
    const WHERE: &str = "(?1 IS NULL OR client_id = ?1)
         AND (?2 = '' OR instr(search, ?2) > 0 OR client_id IN (SELECT value FROM json_each(?3)))";
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {TOUCH_COLUMNS} FROM touchpoints WHERE {WHERE}
         ORDER BY at DESC, id DESC LIMIT ?4 OFFSET ?5"
    ))?;
    let rows = stmt
        .query_map(
            params![client_id, needle, ids, limit, offset],
            touch_from_row,
        )?
        .collect::<Result<Vec<_>, _>>()?;
    let total = if count {
        Some(
            conn.prepare_cached(&format!("SELECT count(*) FROM touchpoints WHERE {WHERE}"))?
                .query_row(params![client_id, needle, ids], |r| r.get(0))?,
        )
    } else {
        None
    };
    Ok((rows, total))
}

pub fn count_touchpoints(conn: &Connection, client_id: Option<Id>) -> Result<i64, DbError> {
    conn.prepare_cached("SELECT count(*) FROM touchpoints WHERE ?1 IS NULL OR client_id = ?1")?
        .query_row([client_id], |r| r.get(0))
}

/// Per client: the date of its last touchpoint on or before `today`. Read
/// from `clients.last_touch` (kept by triggers); only a client whose latest
/// touchpoint is dated after `today` needs a seek in its own log.
pub fn last_touch_by_client(
    conn: &Connection,
    today: NaiveDate,
) -> Result<Vec<(Id, NaiveDate)>, DbError> {
    let mut stmt =
        conn.prepare_cached("SELECT id, last_touch FROM clients WHERE last_touch IS NOT NULL")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, NaiveDate>(1)?)))?;
    let mut seek =
        conn.prepare_cached("SELECT max(at) FROM touchpoints WHERE client_id = ?1 AND at <= ?2")?;
    let mut out = Vec::new();
    for row in rows {
        let (id, last) = row?;
        if last <= today {
            out.push((id, last));
        } else if let Some(at) =
            seek.query_row(params![id, today], |r| r.get::<_, Option<NaiveDate>>(0))?
        {
            out.push((id, at));
        }
    }
    Ok(out)
}

/// Per client: touchpoints (count and minutes) in each window
/// `(cuts[k], cuts[k+1]]`, one pass over the covering index of dates.
pub fn touch_windows_by_client(
    conn: &Connection,
    cuts: &[NaiveDate],
) -> Result<super::IdMap<super::WindowSums>, DbError> {
    super::window_sums(
        conn,
        "SELECT at, client_id, minutes FROM touchpoints WHERE at > ?1 AND at <= ?2",
        cuts,
    )
}

const AGREEMENT_COLUMNS: &str = "id, client_id, made_on, text, owner, due, status, closed_on";

fn agreement_from_row(r: &Row<'_>) -> rusqlite::Result<Agreement> {
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

pub fn insert_agreement(conn: &Connection, client_id: Id, a: &NewAgreement) -> Result<Id, DbError> {
    conn.prepare_cached(
        "INSERT INTO agreements (client_id, made_on, text, owner, due, status, closed_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        client_id,
        a.made_on,
        a.text,
        a.owner,
        a.due,
        a.status,
        a.closed_on
    ])?;
    Ok(conn.last_insert_rowid())
}

pub fn update_agreement(conn: &Connection, a: &Agreement) -> Result<bool, DbError> {
    Ok(conn
        .prepare_cached(
            "UPDATE agreements SET client_id = ?2, made_on = ?3, text = ?4, owner = ?5, due = ?6,
                    status = ?7, closed_on = ?8 WHERE id = ?1",
        )?
        .execute(params![
            a.id,
            a.client_id,
            a.made_on,
            a.text,
            a.owner,
            a.due,
            a.status,
            a.closed_on
        ])?
        > 0)
}

pub fn delete_agreement(conn: &Connection, id: Id) -> Result<bool, DbError> {
    Ok(conn
        .prepare_cached("DELETE FROM agreements WHERE id = ?1")?
        .execute([id])?
        > 0)
}

pub fn get_agreement(conn: &Connection, id: Id) -> Result<Option<Agreement>, DbError> {
    conn.prepare_cached(&format!(
        "SELECT {AGREEMENT_COLUMNS} FROM agreements WHERE id = ?1"
    ))?
    .query_row([id], agreement_from_row)
    .optional()
}

/// Set an agreement's status and closing date.
pub fn close_agreement(
    conn: &Connection,
    id: Id,
    status: AgreementStatus,
    closed_on: Option<NaiveDate>,
) -> Result<bool, DbError> {
    Ok(conn
        .prepare_cached("UPDATE agreements SET status = ?2, closed_on = ?3 WHERE id = ?1")?
        .execute(params![id, status, closed_on])?
        > 0)
}

/// Agreements for one client or all, optionally only open ones: open first,
/// by due date (none last), then the rest newest first.
pub fn agreements(
    conn: &Connection,
    client_id: Option<Id>,
    only_open: bool,
) -> Result<Vec<Agreement>, DbError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {AGREEMENT_COLUMNS} FROM agreements
         WHERE (?1 IS NULL OR client_id = ?1) AND (?2 = 0 OR status = 'open')
         ORDER BY status <> 'open', CASE WHEN status = 'open' THEN due IS NULL END,
                  CASE WHEN status = 'open' THEN due END,
                  coalesce(closed_on, made_on) DESC, id DESC"
    ))?;
    let rows = stmt.query_map(params![client_id, only_open], agreement_from_row)?;
    rows.collect()
}

/// Every agreement, in no particular order (for per-client counts: sorting
/// them as [`agreements`] does costs more than reading them).
pub fn all_agreements(conn: &Connection) -> Result<Vec<Agreement>, DbError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {AGREEMENT_COLUMNS} FROM agreements"))?;
    let rows = stmt.query_map([], agreement_from_row)?;
    rows.collect()
}

/// Touchpoints whose next step is due within `[from, to]`, by due date.
pub fn next_steps_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Touchpoint>, DbError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {TOUCH_COLUMNS} FROM touchpoints
         WHERE next_due BETWEEN ?1 AND ?2 AND next_step IS NOT NULL ORDER BY next_due, id"
    ))?;
    let rows = stmt.query_map(params![from, to], touch_from_row)?;
    rows.collect()
}

/// One client's last touchpoint on or before `today`, and its minutes logged
/// within `(after, upto]` (index seeks on touchpoints_client_at).
pub fn touch_facts_of(
    conn: &Connection,
    client_id: Id,
    today: NaiveDate,
    after: NaiveDate,
    upto: NaiveDate,
) -> Result<(Option<NaiveDate>, i64), DbError> {
    conn.prepare_cached(
        "SELECT (SELECT max(at) FROM touchpoints WHERE client_id = ?1 AND at <= ?2),
                (SELECT total(minutes) FROM touchpoints WHERE client_id = ?1 AND at > ?3 AND at <= ?4)",
    )?
    .query_row(params![client_id, today, after, upto], |r| {
        Ok((r.get(0)?, r.get::<_, f64>(1)? as i64))
    })
}
