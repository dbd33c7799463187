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

/// A stored `YYYY-MM-DD` date, decoded without a format-string parser: the
/// hot row readers (clients, agreements, invoices, payments, touchpoints)
/// read tens of thousands of dates per report. Anything else falls back to
/// chrono's own parser, and fails as rusqlite would.
fn day_of(value: ValueRef<'_>) -> FromSqlResult<NaiveDate> {
    let text = value.as_str()?;
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?.iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        if let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) {
            if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                return Ok(date);
            }
        }
    }
    text.parse::<NaiveDate>()
        .map_err(|e| FromSqlError::Other(Box::new(e)))
}

/// Column `i` of `r` as a date.
pub fn day(r: &Row<'_>, i: usize) -> rusqlite::Result<NaiveDate> {
    day_of(r.get_ref(i)?).map_err(|e| from_sql_error(r, i, e))
}

/// Column `i` of `r` as a date, or `None` for NULL.
pub fn opt_day(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match r.get_ref(i)? {
        ValueRef::Null => Ok(None),
        v => day_of(v).map(Some).map_err(|e| from_sql_error(r, i, e)),
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
