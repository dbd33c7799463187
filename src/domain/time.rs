//! Calendar values: dates as users type them, and [`Month`], a calendar month.

use std::fmt::{self, Write as _};
use std::str::FromStr;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Serialize, Serializer};

use super::Refusal;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("date is empty")]
    Empty,
    #[error("'{0}' is not a date (use YYYY-MM-DD or DD.MM.YYYY)")]
    Invalid(String),
    #[error("'{0}' is not a month (use YYYY-MM or MM.YYYY)")]
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
    if !(digits(y, &[4]) && digits(m, &[1, 2]) && digits(d, &[1, 2])) {
        return Err(invalid());
    }
    // Digits only: a 0 (a day 0, a year 0000) is what is refused below.
    let (y, m, d): (i32, u32, u32) = (
        y.parse().unwrap_or(0),
        m.parse().unwrap_or(0),
        d.parse().unwrap_or(0),
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

/// A date format for an imported file's date columns (`--date-format`): a
/// strftime-style pattern as chrono reads it (`%d.%m.%y`, `%m/%d/%Y`,
/// `%d %b %Y`); a two-digit year (`%y`) is 20YY. A time after the date is
/// accepted and dropped, as [`parse_date_with_time`] does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFormat(String);

impl DateFormat {
    /// A pattern that gives a whole date: day, month and year.
    pub fn parse(pattern: &str) -> Result<DateFormat, Refusal> {
        use chrono::format::{Item, StrftimeItems};
        if StrftimeItems::new(pattern).any(|item| matches!(item, Item::Error)) {
            return Err(Refusal::NotADatePattern(pattern.to_string()));
        }
        // A date written with the pattern must read back as itself: the
        // pattern names a day, a month and a year, and nothing reads twice.
        // (Writing fails, rather than panics, on what a date and time
        // without a time zone cannot fill in: `%z`.)
        let format = DateFormat(pattern.to_string());
        let sample = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let mut written = String::new();
        let at_midnight = sample.and_time(chrono::NaiveTime::MIN);
        let wrote = write!(written, "{}", at_midnight.format(pattern));
        if wrote.is_err() || format.read(&written) != Ok(sample) {
            return Err(Refusal::NotAWholeDate(pattern.to_string()));
        }
        Ok(format)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `input` as a date in this format, perhaps with a time after it.
    pub fn read(&self, input: &str) -> Result<NaiveDate, DateError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(DateError::Empty);
        }
        let invalid = || DateError::Invalid(s.to_string());
        if let Some(date) = self.read_exactly(s) {
            return Ok(date);
        }
        match split_time(s) {
            Some((date, _)) => self.read_exactly(date).ok_or_else(invalid),
            None => Err(invalid()),
        }
    }

    fn read_exactly(&self, s: &str) -> Option<NaiveDate> {
        use chrono::format::{Parsed, StrftimeItems, parse};
        let mut parsed = Parsed::new();
        parse(&mut parsed, s, StrftimeItems::new(&self.0)).ok()?;
        if parsed.year.is_none() && parsed.year_div_100.is_none() && parsed.year_mod_100.is_some() {
            // chrono reads `70`-`99` as 19YY; folio's two-digit years are 20YY.
            parsed.set_year_div_100(20).ok()?;
        }
        let date = parsed.to_naive_date().ok()?;
        // Years 0001-9999 only, as `parse_date`.
        (1..=9999).contains(&date.year()).then_some(date)
    }
}

impl fmt::Display for DateFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `03.06.2022 11:05` as the date and the time, when there is a time of day
/// after a space or a `T` (in US exports with ` AM` or ` PM` after it).
fn split_time(s: &str) -> Option<(&str, &str)> {
    let twelve_hour = s.len() > 3
        && s.is_char_boundary(s.len() - 3)
        && matches!(
            s[s.len() - 3..].to_ascii_uppercase().as_str(),
            " AM" | " PM"
        );
    let s = if twelve_hour { &s[..s.len() - 3] } else { s };
    let at = s.rfind([' ', 'T'])?;
    let (date, time) = (s[..at].trim_end(), &s[at + 1..]);
    is_time_of_day(time).then_some((date, time))
}

/// Which order of day and month a column of slash dates (`03/04/2026`)
/// is written in: day first in Europe, month first in US exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayMonth {
    DayFirst,
    MonthFirst,
}

/// What one slash date says about its column's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlashDate {
    /// Not a `A/B/YYYY` date (perhaps another form, or not a date).
    NotSlash,
    /// A date only one way: `13/04/2026` is day first, `04/13/2026` month first.
    Only(DayMonth),
    /// A date both ways, and two different ones: `03/04/2026`.
    Both,
    /// The same date both ways (`05/05/2026`), or a date neither way.
    Either,
}

/// How `input` (a cell of a date column) reads as `A/B/Y` with a four- or
/// two-digit year, perhaps with a time after it.
pub fn slash_date(input: &str) -> SlashDate {
    let Some((a, b, y)) = slash_parts(input) else {
        return SlashDate::NotSlash;
    };
    let day_first = NaiveDate::from_ymd_opt(y, b, a);
    let month_first = NaiveDate::from_ymd_opt(y, a, b);
    match (day_first, month_first) {
        (Some(_), None) => SlashDate::Only(DayMonth::DayFirst),
        (None, Some(_)) => SlashDate::Only(DayMonth::MonthFirst),
        (Some(x), Some(y)) if x != y => SlashDate::Both,
        _ => SlashDate::Either,
    }
}

/// `A/B/Y` of a slash date: one or two digits each for `A` and `B`, a year
/// of four digits or two (20YY).
fn slash_parts(input: &str) -> Option<(u32, u32, i32)> {
    let s = input.trim();
    let s = split_time(s).map_or(s, |(date, _)| date);
    let (a, (b, y)) = split3(s, '/')?;
    if !(digits(a, &[1, 2]) && digits(b, &[1, 2]) && digits(y, &[2, 4])) {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    let year = if y.len() == 2 { 2000 + year } else { year };
    if !(1..=9999).contains(&year) {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?, year))
}

/// A date cell of an imported file without a `--date-format`: what
/// [`parse_date_with_time`] reads, `DD.MM.YY` (20YY, as Alfa-Bank writes
/// it), and slash dates `D/M/YYYY` in the column's `order` (see
/// [`slash_date`]; without one, only a slash date that reads one way).
pub fn parse_file_date(input: &str, order: Option<DayMonth>) -> Result<NaiveDate, DateError> {
    let first = parse_date_with_time(input);
    if first.is_ok() {
        return first;
    }
    let s = input.trim();
    let date_part = split_time(s).map_or(s, |(date, _)| date);
    if let Some((d, (m, y))) = split3(date_part, '.')
        && y.len() == 2
        && y.bytes().all(|c| c.is_ascii_digit())
    {
        return parse_date(&format!("{d}.{m}.20{y}"))
            .map_err(|_| DateError::Invalid(s.to_string()));
    }
    let order = match (order, slash_date(s)) {
        (Some(order), _) | (None, SlashDate::Only(order)) => order,
        (None, SlashDate::Either) => DayMonth::DayFirst,
        (None, SlashDate::Both | SlashDate::NotSlash) => return first,
    };
    let date = slash_parts(s).and_then(|(a, b, y)| match order {
        DayMonth::DayFirst => NaiveDate::from_ymd_opt(y, b, a),
        DayMonth::MonthFirst => NaiveDate::from_ymd_opt(y, a, b),
    });
    date.ok_or(DateError::Invalid(s.to_string()))
}

/// `HH:MM` or `HH:MM:SS` (the hour may be one digit; fractions of a second
/// and a `Z` or `±HH:MM` offset allowed after it), hours 0-23.
fn is_time_of_day(t: &str) -> bool {
    let t = t.strip_suffix('Z').unwrap_or(t);
    // An offset after the seconds or minutes: `+03:00`, `-0500`.
    let t = match t.rfind(['+', '-']) {
        Some(at) if at > 0 => &t[..at],
        _ => t,
    };
    let t = t.split('.').next().unwrap_or(t);
    let parts: Vec<&str> = t.split(':').collect();
    let value = |p: &str| p.parse::<u32>().unwrap_or(99);
    matches!(parts.len(), 2 | 3)
        && digits(parts[0], &[1, 2])
        && parts[1..].iter().all(|p| digits(p, &[2]))
        && value(parts[0]) < 24
        && parts[1..].iter().all(|p| value(p) < 60)
}

/// The most minutes one touchpoint can log (a month of days and nights).
pub const MAX_MINUTES: u32 = 1440 * 31;

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

/// Is `t` ASCII digits only, as many as one of `lengths`?
fn digits(t: &str, lengths: &[usize]) -> bool {
    lengths.contains(&t.len()) && t.bytes().all(|c| c.is_ascii_digit())
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

    /// A month as ISO writes it (`2026-11`) or as Russian does (`11.2026`).
    pub fn parse(input: &str) -> Result<Month, DateError> {
        let s = input.trim();
        let invalid = || DateError::InvalidMonth(s.to_string());
        let (y, m) = match s.split_once('-') {
            Some(ym) => ym,
            None => s.split_once('.').map(|(m, y)| (y, m)).ok_or_else(invalid)?,
        };
        if !(digits(y, &[4]) && digits(m, &[1, 2])) {
            return Err(invalid());
        }
        // Digits only: year 0000 and month 00 are what `new` refuses.
        Month::new(y.parse().unwrap_or(0), m.parse().unwrap_or(0)).ok_or_else(invalid)
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
            ("2026-11-05 9:00", 2026, 11, 5),
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
            "2026-11-05 9:0",
            "2026-11-05 123:00",
            "2026-11-05 later",
            "31.04.2026 10:00",
            "10:00",
        ] {
            assert!(parse_date_with_time(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn date_formats_read_what_they_say() {
        let f = |p: &str| DateFormat::parse(p).unwrap();
        assert_eq!(f("%d.%m.%y").read("05.11.26"), Ok(d(2026, 11, 5)));
        // Two-digit years are 20YY, 99 too (chrono alone says 1999).
        assert_eq!(f("%d.%m.%y").read("05.11.99"), Ok(d(2099, 11, 5)));
        assert_eq!(f("%d.%m.%y").read(" 03.06.22 11:05 "), Ok(d(2022, 6, 3)));
        assert_eq!(f("%m/%d/%Y").read("3/4/2026"), Ok(d(2026, 3, 4)));
        assert_eq!(
            f("%m/%d/%Y").read("12/31/2026 23:59:59"),
            Ok(d(2026, 12, 31))
        );
        assert_eq!(f("%d %b %Y").read("5 Nov 2026"), Ok(d(2026, 11, 5)));
        assert_eq!(f("%Y-%m-%d").read(""), Err(DateError::Empty));
        for (pattern, bad) in [
            ("%m/%d/%Y", "13/04/2026"),
            ("%m/%d/%Y", "2026-04-13"),
            ("%d.%m.%y", "31.04.26"),
            ("%d.%m.%y", "05.11.26 25:00"),
            ("%d.%m.%Y", "05.11.2026 later"),
        ] {
            assert!(f(pattern).read(bad).is_err(), "{pattern} {bad}");
        }
        for bad in [
            "%d.%m",
            "%Q",
            "hello",
            "%d.%d.%Y",
            "%m/%Y",
            "",
            "%Y-%m-%d %z",
            "%Y-%m-%d %Z",
        ] {
            assert!(DateFormat::parse(bad).is_err(), "{bad}");
        }
        // Odd patterns: an answer, never a panic.
        for odd in [
            "%",
            "%%",
            "%-d.%-m.%Y",
            "%e %B %Y",
            "%:z",
            "%#z",
            "%.3f",
            "%+",
            "%c",
            "%x",
            "%s",
            "%j.%Y",
            "%G-W%V-%u",
        ] {
            let _ = DateFormat::parse(odd);
        }
        assert_eq!(f("%-d.%-m.%Y").read("5.1.2026"), Ok(d(2026, 1, 5)));
        // A pattern with the time in it reads the time too.
        let with_time = f("%d.%m.%Y %H:%M");
        assert_eq!(with_time.read("05.11.2026 10:15"), Ok(d(2026, 11, 5)));
        assert!(with_time.read("05.11.2026 25:15").is_err());
    }

    #[test]
    fn slash_dates_say_which_order_they_read_in() {
        use DayMonth::*;
        assert_eq!(slash_date("13/04/2026"), SlashDate::Only(DayFirst));
        assert_eq!(slash_date("4/13/2026 10:00"), SlashDate::Only(MonthFirst));
        assert_eq!(slash_date("4/13/2026 9:05 pm"), SlashDate::Only(MonthFirst));
        assert_eq!(slash_date("03/04/2026"), SlashDate::Both);
        assert_eq!(slash_date("3/4/26"), SlashDate::Both);
        assert_eq!(slash_date("05/05/2026"), SlashDate::Either);
        assert_eq!(slash_date("31/31/2026"), SlashDate::Either);
        for other in [
            "2026-04-03",
            "03.04.2026",
            "2026/04/03",
            "3/4",
            "a/b/2026",
            "",
        ] {
            assert_eq!(slash_date(other), SlashDate::NotSlash, "{other}");
        }
    }

    #[test]
    fn file_dates_read_two_digit_years_and_slashes_in_the_column_order() {
        use DayMonth::*;
        assert_eq!(parse_file_date("01.02.26", None), Ok(d(2026, 2, 1)));
        assert_eq!(parse_file_date("01.02.26 09:30", None), Ok(d(2026, 2, 1)));
        assert_eq!(
            parse_file_date("2026-11-05", Some(MonthFirst)),
            Ok(d(2026, 11, 5))
        );
        assert_eq!(
            parse_file_date("3/4/2026", Some(MonthFirst)),
            Ok(d(2026, 3, 4))
        );
        assert_eq!(
            parse_file_date("3/4/2026", Some(DayFirst)),
            Ok(d(2026, 4, 3))
        );
        assert_eq!(parse_file_date("13/4/2026", None), Ok(d(2026, 4, 13)));
        assert_eq!(parse_file_date("5/5/26", None), Ok(d(2026, 5, 5)));
        // Both ways and no order: refused, never guessed.
        assert!(parse_file_date("3/4/2026", None).is_err());
        // Against the column's order.
        assert!(parse_file_date("13/4/2026", Some(MonthFirst)).is_err());
        for bad in ["31.04.26", "1.2.3", "01.02.2026x", "29.02.25", "tomorrow"] {
            assert!(parse_file_date(bad, None).is_err(), "{bad}");
        }
        // A typed date keeps its four-digit year.
        assert!(parse_date("01.02.26").is_err());
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
        assert_eq!(Month::parse("11.2026"), Ok(Month::new(2026, 11).unwrap()));
        assert_eq!(Month::parse("3.2026"), Ok(Month::new(2026, 3).unwrap()));
        assert_eq!(Month::new(2026, 3).unwrap().to_string(), "2026-03");
        for bad in [
            "2026-13",
            "2026-00",
            "26-11",
            "2026/11",
            "2026-11-01",
            "2026.11",
            "13.2026",
            "01.11.2026",
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
