//! How domain values are stored: money as INTEGER minor units, months as
//! `YYYY-MM` text, enums as their lowercase words, dates as ISO text (rusqlite's
//! chrono support).

use chrono::NaiveDate;
use rusqlite::Row;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::domain::{AgreementStatus, Money, Month, Owner, Status, Tier, TouchKind};

impl ToSql for Money {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.minor()))
    }
}

impl FromSql for Money {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        i64::column_result(value).map(Money::from_minor)
    }
}

impl ToSql for Month {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_string()))
    }
}

impl FromSql for Month {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        // The stored `YYYY-MM` decoded directly (every invoice row has one);
        // anything else goes through the full parser and its error.
        if let ValueRef::Text(b @ &[_, _, _, _, b'-', _, _]) = value
            && let (Some(y), Some(m)) = (digits(&b[..4]), digits(&b[5..]))
            && let Some(month) = Month::new(y as i32, m)
        {
            return Ok(month);
        }
        let text = value.as_str()?;
        Month::parse(text).map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

macro_rules! word_sql {
    ($($t:ty),+) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }
        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                <$t>::parse(value.as_str()?).map_err(|e| FromSqlError::Other(Box::new(e)))
            }
        }
    )+};
}

word_sql!(Tier, Status, TouchKind, Owner, AgreementStatus);

/// The number ASCII digits write (at most four here), `None` if any byte
/// is not a digit.
fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// A stored `YYYY-MM-DD` date, decoded without a format-string parser: the
/// hot row readers (clients, agreements, invoices, payments, touchpoints)
/// read tens of thousands of dates per report. Anything else falls back to
/// chrono's own parser, and fails as rusqlite would.
pub(super) fn day_of(value: ValueRef<'_>) -> FromSqlResult<NaiveDate> {
    // Digits and dashes are ASCII: the stored form needs no UTF-8 check.
    if let ValueRef::Text(b @ &[_, _, _, _, b'-', _, _, b'-', _, _]) = value
        && let (Some(y), Some(m), Some(d)) = (digits(&b[..4]), digits(&b[5..7]), digits(&b[8..]))
        && let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d)
    {
        return Ok(date);
    }
    let text = value.as_str()?;
    text.parse::<NaiveDate>()
        .map_err(|e| FromSqlError::Other(Box::new(e)))
}

/// A date to bind as `YYYY-MM-DD` text, written without a format string
/// (bulk imports bind millions). Years outside 0..=9999 take chrono's text,
/// so the result always equals rusqlite's own binding of the date.
pub enum DayText {
    Iso([u8; 10]),
    Other(String),
}

impl DayText {
    pub fn new(d: NaiveDate) -> Self {
        use chrono::Datelike;
        let y = d.year();
        if !(0..=9999).contains(&y) {
            return DayText::Other(d.format("%F").to_string());
        }
        let (y, m, day) = (y as u32, d.month(), d.day());
        let digit = |n: u32| b'0' + (n % 10) as u8;
        DayText::Iso([
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(day / 10),
            digit(day),
        ])
    }
}

impl DayText {
    /// The text as stored.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            DayText::Iso(b) => b,
            DayText::Other(s) => s.as_bytes(),
        }
    }
}

impl ToSql for DayText {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(ValueRef::Text(self.as_bytes())))
    }
}

/// Column `i` of `r` as a date.
pub fn day(r: &Row<'_>, i: usize) -> rusqlite::Result<NaiveDate> {
    day_of(r.get_ref(i)?).map_err(|e| from_sql_error(r, i, e))
}

/// Column `i` of `r` as a date, or `None` for NULL.
pub fn opt_day(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    opt_day_of(r.get_ref(i)?).map_err(|e| from_sql_error(r, i, e))
}

/// [`day_of`], `None` for NULL.
pub(super) fn opt_day_of(value: ValueRef<'_>) -> FromSqlResult<Option<NaiveDate>> {
    match value {
        ValueRef::Null => Ok(None),
        v => day_of(v).map(Some),
    }
}

fn from_sql_error(r: &Row<'_>, i: usize, e: FromSqlError) -> rusqlite::Error {
    let ty = r
        .get_ref(i)
        .map(|v| v.data_type())
        .unwrap_or(rusqlite::types::Type::Null);
    match e {
        FromSqlError::InvalidType => rusqlite::Error::InvalidColumnType(
            i,
            r.as_ref().column_name(i).unwrap_or("?").to_string(),
            ty,
        ),
        other => rusqlite::Error::FromSqlConversionFailure(i, ty, Box::new(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_bind_as_rusqlite_binds_them() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let days = [
            NaiveDate::from_ymd_opt(1, 1, 1),
            NaiveDate::from_ymd_opt(999, 12, 31),
            NaiveDate::from_ymd_opt(2026, 2, 28),
            NaiveDate::from_ymd_opt(9999, 12, 31),
            NaiveDate::from_ymd_opt(0, 6, 15),
            NaiveDate::from_ymd_opt(-44, 3, 15),
            NaiveDate::from_ymd_opt(12345, 1, 2),
        ];
        for d in days.into_iter().flatten() {
            let (ours, theirs): (String, String) = conn
                .query_row(
                    "SELECT ?1, ?2",
                    rusqlite::params![DayText::new(d), d],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap();
            assert_eq!(ours, theirs, "{d:?}");
        }
    }

    #[test]
    fn months_decode_like_month_parse() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let read = |text: &str| {
            conn.query_row("SELECT ?1", [text], |r| r.get::<_, Month>(0))
                .ok()
        };
        for text in [
            "2026-11", "0001-01", "9999-12", "2026-1", "2026-00", "2026-13", "0000-05", "20x6-01",
            "2026-1x", " 2026-03", "2026/03", "", "2026-111",
        ] {
            assert_eq!(read(text), Month::parse(text).ok(), "{text:?}");
        }
        assert_eq!(read("2026-11"), Month::new(2026, 11));
    }

    #[test]
    fn dates_decode_like_chrono_and_refuse_what_it_refuses() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let read = |text: &str| {
            conn.query_row("SELECT ?1, NULL", [text], |r| {
                Ok((day(r, 0).ok(), opt_day(r, 1)?))
            })
            .unwrap()
        };
        for text in ["2026-11-23", "0001-01-01", "9999-12-31", "2024-02-29"] {
            assert_eq!(read(text), (text.parse::<NaiveDate>().ok(), None), "{text}");
        }
        for text in [
            "2026-02-30",
            "2026-13-01",
            "2026-1-23",
            "26-11-23",
            "",
            "2026/11/23",
        ] {
            assert_eq!(read(text).0, text.parse::<NaiveDate>().ok(), "{text}");
        }
        let n: rusqlite::Result<NaiveDate> = conn.query_row("SELECT 5", [], |r| day(r, 0));
        assert!(n.is_err());
    }
}
