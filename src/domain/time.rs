//! Calendar values: dates as users type them, and [`Month`], a calendar month.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("date is empty")]
    Empty,
    #[error("'{0}' is not a date (use YYYY-MM-DD or DD.MM.YYYY)")]
    Invalid(String),
    #[error("'{0}' is not a month (use YYYY-MM)")]
    InvalidMonth(String),
}

/// Parse a date typed as `YYYY-MM-DD` or `DD.MM.YYYY` (Russian locales, Excel).
/// Impossible dates (`2025-02-29`, `31.04.2026`) are errors, not rolled over.
pub fn parse_date(input: &str) -> Result<NaiveDate, DateError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(DateError::Empty);
    }
    let invalid = || DateError::Invalid(s.to_string());
    let (y, m, d) = if let Some((y, rest)) = split3(s, '-') {
        (y, rest.0, rest.1)
    } else if let Some((d, rest)) = split3(s, '.') {
        (rest.1, rest.0, d)
    } else {
        return Err(invalid());
    };
    // Require a four-digit year so "01.02.25" is not read as year 25.
    if y.len() != 4 || m.is_empty() || m.len() > 2 || d.is_empty() || d.len() > 2 {
        return Err(invalid());
    }
    let all_digits = |t: &str| t.chars().all(|c| c.is_ascii_digit());
    if !(all_digits(y) && all_digits(m) && all_digits(d)) {
        return Err(invalid());
    }
    let (y, m, d) = (
        y.parse::<i32>().map_err(|_| invalid())?,
        m.parse::<u32>().map_err(|_| invalid())?,
        d.parse::<u32>().map_err(|_| invalid())?,
    );
    // Years 0001-9999 only: every date folio stores must have a Month.
    if !(1..=9999).contains(&y) {
        return Err(invalid());
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(invalid)
}

/// [`parse_date`] of a date that may carry a time of day, as banks and CRM
/// exports write them (`03.06.2022 11:05`, `2019-07-06 00:00:00`,
/// `2026-11-05T10:00:00`, `2026-11-05T10:00:00Z`): the time is checked to be
/// one and dropped; the date is the one written, with no time-zone shift.
pub fn parse_date_with_time(input: &str) -> Result<NaiveDate, DateError> {
    let s = input.trim();
    let Some(at) = s.find([' ', 'T']) else {
        return parse_date(s);
    };
    let (date, time) = (&s[..at], s[at + 1..].trim());
    if !is_time_of_day(time) {
        return Err(DateError::Invalid(s.to_string()));
    }
    parse_date(date).map_err(|_| DateError::Invalid(s.to_string()))
}

/// `HH:MM` or `HH:MM:SS` (with fractions of a second and a `Z` or `±HH:MM`
/// offset allowed after it), hours 0-23.
fn is_time_of_day(t: &str) -> bool {
    let t = t.strip_suffix('Z').unwrap_or(t);
    // An offset after the seconds or minutes: `+03:00`, `-0500`.
    let t = match t.rfind(['+', '-']) {
        Some(at) if at > 0 => &t[..at],
        _ => t,
    };
    let t = t.split('.').next().unwrap_or(t);
    let parts: Vec<&str> = t.split(':').collect();
    let two_digits = |p: &str| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit());
    let value = |p: &str| p.parse::<u32>().unwrap_or(99);
    matches!(parts.len(), 2 | 3)
        && parts.iter().all(|p| two_digits(p))
        && value(parts[0]) < 24
        && parts[1..].iter().all(|p| value(p) < 60)
}

/// Minutes spent, as a whole number (`45`) or a duration (`02:13` for two
/// hours thirteen minutes, `02:13:55` with seconds, rounded to the nearest
/// minute). `None` when it is neither.
pub fn parse_minutes(input: &str) -> Option<u32> {
    let s = input.trim();
    let number = |p: &str| {
        (!p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let parts: Vec<&str> = s.split(':').collect();
    match parts.as_slice() {
        [m] => number(m),
        [h, m] | [h, m, _] if m.len() == 2 => {
            let (h, m) = (number(h)?, number(m)?);
            let s = match parts.get(2) {
                Some(s) if s.len() == 2 => number(s)?,
                Some(_) => return None,
                None => 0,
            };
            if m >= 60 || s >= 60 {
                return None;
            }
            h.checked_mul(60)?
                .checked_add(m)?
                .checked_add(u32::from(s >= 30))
        }
        _ => None,
    }
}

fn split3(s: &str, sep: char) -> Option<(&str, (&str, &str))> {
    let mut it = s.split(sep);
    let a = it.next()?;
    let b = it.next()?;
    let c = it.next()?;
    if it.next().is_some() {
        return None;
    }
    Some((a, (b, c)))
}

/// ISO form used in storage, JSON and CSV.
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Whole days from `from` to `to` (positive when `to` is later).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// A calendar month. Ordered chronologically; displayed as `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        if (1..=12).contains(&month) && (1..=9999).contains(&year) {
            Some(Month { year, month })
        } else {
            None
        }
    }

    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    pub fn days(self) -> u32 {
        self.last_day().day()
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        Month::of(date) == self
    }

    /// The month `n` months later (earlier when `n` is negative).
    pub fn plus_months(self, n: i32) -> Month {
        let index = self.year * 12 + (self.month as i32 - 1) + n;
        Month {
            year: index.div_euclid(12),
            month: index.rem_euclid(12) as u32 + 1,
        }
    }

    pub fn next(self) -> Month {
        self.plus_months(1)
    }

    pub fn prev(self) -> Month {
        self.plus_months(-1)
    }

    /// Months from `self` to `other` (positive when `other` is later).
    pub fn months_until(self, other: Month) -> i32 {
        (other.year * 12 + other.month as i32) - (self.year * 12 + self.month as i32)
    }

    /// The `count` months ending with `self`, oldest first.
    pub fn trailing(self, count: u32) -> Vec<Month> {
        (0..count as i32)
            .rev()
            .map(|i| self.plus_months(-i))
            .collect()
    }

    pub fn parse(input: &str) -> Result<Month, DateError> {
        let s = input.trim();
        let invalid = || DateError::InvalidMonth(s.to_string());
        let (y, m) = s.split_once('-').ok_or_else(invalid)?;
        if y.len() != 4 || m.is_empty() || m.len() > 2 {
            return Err(invalid());
        }
        if !y.chars().chain(m.chars()).all(|c| c.is_ascii_digit()) {
            return Err(invalid());
        }
        let year = y.parse().map_err(|_| invalid())?;
        let month = m.parse().map_err(|_| invalid())?;
        Month::new(year, month).ok_or_else(invalid)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("{:04}-{:02}", self.year, self.month))
    }
}

impl FromStr for Month {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Month::parse(s)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// `date` minus `n` calendar months, clamped to the month's end (31 March - 1
/// month = 28/29 February).
pub fn months_before(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(n))
        .unwrap_or(NaiveDate::MIN)
}

/// A date from numbers known to be valid: the tests' shorthand.
#[cfg(test)]
pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_with_a_time_keep_the_date_as_written() {
        let day = NaiveDate::from_ymd_opt;
        for (text, y, m, d) in [
            ("03.06.2022 11:05", 2022, 6, 3),
            ("2019-07-06 00:00:00", 2019, 7, 6),
            ("2026-11-05T10:00:00", 2026, 11, 5),
            ("2026-11-05T23:59:59Z", 2026, 11, 5),
            ("2026-11-05T01:00:00+03:00", 2026, 11, 5),
            ("2026-11-05 10:00:00.123", 2026, 11, 5),
            (" 05.11.2026 ", 2026, 11, 5),
        ] {
            assert_eq!(
                parse_date_with_time(text),
                Ok(day(y, m, d).unwrap()),
                "{text}"
            );
        }
        for bad in [
            "2026-11-05 25:00",
            "2026-11-05 10",
            "2026-11-05 later",
            "31.04.2026 10:00",
            "10:00",
        ] {
            assert!(parse_date_with_time(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn minutes_as_numbers_or_durations() {
        assert_eq!(parse_minutes("45"), Some(45));
        assert_eq!(parse_minutes("02:13"), Some(133));
        assert_eq!(parse_minutes("02:13:55"), Some(134));
        assert_eq!(parse_minutes("00:00:29"), Some(0));
        assert_eq!(parse_minutes("0:30"), Some(30));
        for bad in [
            "", "1:5", "02:60", "02:13:61", "1.5", "-5", "02:13:5", "a:bc",
        ] {
            assert_eq!(parse_minutes(bad), None, "{bad}");
        }
    }

    #[test]
    fn parses_both_date_forms() {
        assert_eq!(parse_date("2026-11-23"), Ok(d(2026, 11, 23)));
        assert_eq!(parse_date("23.11.2026"), Ok(d(2026, 11, 23)));
        assert_eq!(parse_date("3.1.2026"), Ok(d(2026, 1, 3)));
        assert_eq!(parse_date(" 2024-02-29 "), Ok(d(2024, 2, 29)));
        assert_eq!(parse_date("29.02.2024"), Ok(d(2024, 2, 29)));
    }

    #[test]
    fn refuses_impossible_and_odd_dates() {
        for bad in [
            "2025-02-29",
            "31.04.2026",
            "2026-13-01",
            "2026-00-10",
            "01.02.25",
            "2026/11/23",
            "23-11-2026",
            "2026-11-23T10:00",
            "+2026-1-1",
            "0000-01-01",
            "01.01.0000",
            "tomorrow",
        ] {
            assert!(parse_date(bad).is_err(), "{bad} should be refused");
        }
        assert_eq!(parse_date("  "), Err(DateError::Empty));
    }

    #[test]
    fn month_arithmetic() {
        let m = Month::new(2026, 1).unwrap();
        assert_eq!(m.prev(), Month::new(2025, 12).unwrap());
        assert_eq!(m.plus_months(-13), Month::new(2024, 12).unwrap());
        assert_eq!(m.plus_months(11), Month::new(2026, 12).unwrap());
        assert_eq!(m.plus_months(12), Month::new(2027, 1).unwrap());
        assert_eq!(Month::new(2025, 12).unwrap().next(), m);
        assert_eq!(m.months_until(Month::new(2027, 3).unwrap()), 14);
        assert_eq!(
            m.trailing(3),
            vec![
                Month::new(2025, 11).unwrap(),
                Month::new(2025, 12).unwrap(),
                m
            ]
        );
    }

    #[test]
    fn month_ends_and_leap_years() {
        assert_eq!(Month::new(2024, 2).unwrap().last_day(), d(2024, 2, 29));
        assert_eq!(Month::new(2025, 2).unwrap().last_day(), d(2025, 2, 28));
        assert_eq!(Month::new(2100, 2).unwrap().days(), 28);
        assert_eq!(Month::new(2000, 2).unwrap().days(), 29);
        assert_eq!(Month::new(2026, 12).unwrap().last_day(), d(2026, 12, 31));
        assert_eq!(Month::new(2026, 4).unwrap().days(), 30);
        assert!(Month::new(2026, 4).unwrap().contains(d(2026, 4, 30)));
        assert!(!Month::new(2026, 4).unwrap().contains(d(2026, 5, 1)));
        assert_eq!(months_before(d(2026, 3, 31), 1), d(2026, 2, 28));
        assert_eq!(months_before(d(2024, 2, 29), 12), d(2023, 2, 28));
    }

    #[test]
    fn month_parsing_and_display() {
        assert_eq!(Month::parse("2026-11"), Ok(Month::new(2026, 11).unwrap()));
        assert_eq!(Month::parse("2026-3"), Ok(Month::new(2026, 3).unwrap()));
        assert_eq!(Month::new(2026, 3).unwrap().to_string(), "2026-03");
        for bad in [
            "2026-13",
            "2026-00",
            "26-11",
            "2026/11",
            "2026-11-01",
            "",
            "x",
        ] {
            assert!(Month::parse(bad).is_err(), "{bad} should be refused");
        }
        assert_eq!(
            serde_json::to_string(&Month::new(2026, 3).unwrap()).ok(),
            Some("\"2026-03\"".into())
        );
    }
}
