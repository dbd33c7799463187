//! Property tests for the values people type: money, dates and months.
//!
//! Each property states what must hold for every input of a kind, with an
//! oracle computed independently of the code under test where one exists
//! (chrono for dates, exact integer arithmetic for amounts). Case counts are
//! proptest's default (256) unless `PROPTEST_CASES` says otherwise.

use chrono::{Datelike, Days, NaiveDate};
use folio::domain::money::MAX_AMOUNT;
use folio::domain::time::iso;
use folio::domain::{DateError, Money, MoneyError, Month, parse_date};
use proptest::prelude::*;

// ---------------------------------------------------------------- money --

/// Amounts with the edges over-represented: zero, one kopeck, the limit,
/// whole amounts, amounts just around powers of a thousand.
fn amounts() -> impl Strategy<Value = i64> {
    prop_oneof![
        4 => 0..=MAX_AMOUNT,
        1 => Just(0),
        1 => Just(1),
        1 => Just(MAX_AMOUNT),
        1 => Just(MAX_AMOUNT - 1),
        2 => (0..=MAX_AMOUNT / 100).prop_map(|major| major * 100),
        2 => (0u32..=12, -2i64..=2).prop_map(|(p, d)| (10i64.pow(p) * 100 + d).clamp(0, MAX_AMOUNT)),
        2 => 0..100_000i64,
    ]
}

/// Digits of `n` in groups of three joined by `sep`: `1 250 000`.
fn grouped(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// How a person might write an amount: grouping, decimal separator, how
/// the kopecks are shown, a plus sign, surrounding blanks.
#[derive(Debug, Clone)]
struct Style {
    group: Option<&'static str>,
    decimal: char,
    /// 0: always two digits; 1: none when zero; 2: one digit when it can.
    kopecks: u8,
    plus: bool,
    pad: (&'static str, &'static str),
}

fn styles() -> impl Strategy<Value = Style> {
    let groups = prop::sample::select(vec![
        None,
        Some(" "),
        Some("\u{a0}"),
        Some("\u{202f}"),
        Some("\u{2009}"),
        Some("'"),
        Some("_"),
        Some(","),
        Some("."),
    ]);
    let pads = prop::sample::select(vec!["", " ", "\t", "\u{a0}", "  \u{2003}"]);
    (
        groups,
        prop::sample::select(vec!['.', ',']),
        0u8..3,
        any::<bool>(),
        pads.clone(),
        pads,
    )
        .prop_filter("grouping and decimal separators differ", |(g, d, ..)| {
            g.is_none_or(|g| !g.starts_with(*d))
        })
        .prop_map(|(group, decimal, kopecks, plus, a, b)| Style {
            group,
            decimal,
            kopecks,
            plus,
            pad: (a, b),
        })
}

fn render(minor: i64, s: &Style) -> (String, bool) {
    let major = (minor / 100) as u64;
    let kop = minor % 100;
    let int = grouped(major, s.group.unwrap_or(""));
    let frac = match s.kopecks {
        1 if kop == 0 => None,
        2 if kop % 10 == 0 => Some(format!("{}", kop / 10)),
        _ => Some(format!("{kop:02}")),
    };
    let has_frac = frac.is_some();
    let body = match frac {
        Some(f) => format!("{int}{}{f}", s.decimal),
        None => int,
    };
    let sign = if s.plus { "+" } else { "" };
    (format!("{}{sign}{body}{}", s.pad.0, s.pad.1), has_frac)
}

proptest! {
    #[test]
    fn plain_and_human_forms_parse_back(minor in amounts()) {
        let m = Money::from_minor(minor);
        prop_assert_eq!(Money::parse(&m.to_plain()), Ok(m));
        prop_assert_eq!(Money::parse(&m.to_human()), Ok(m));
        prop_assert_eq!(Money::parse_signed(&m.to_plain()), Ok(m));
        prop_assert_eq!(m.to_string(), m.to_human());
        // The JSON form is the plain form.
        prop_assert_eq!(serde_json::to_string(&m).ok(), Some(format!("\"{}\"", m.to_plain())));
        if minor > 0 {
            prop_assert_eq!(Money::parse_positive(&m.to_plain()), Ok(m));
        } else {
            prop_assert!(matches!(Money::parse_positive(&m.to_plain()), Err(MoneyError::Zero(_))));
        }
    }

    #[test]
    fn short_human_form_parses_back_when_whole(minor in amounts()) {
        let m = Money::from_minor(minor);
        let short = m.to_human_short();
        if minor % 100 == 0 {
            prop_assert!(!short.contains('.'), "{}", short);
            prop_assert_eq!(Money::parse(&short), Ok(m));
        } else {
            prop_assert_eq!(&short, &m.to_human());
            prop_assert_eq!(Money::parse(&short), Ok(m));
        }
    }

    #[test]
    fn negative_amounts_keep_their_sign_only_when_signed(minor in amounts()) {
        let m = Money::from_minor(-minor);
        prop_assert_eq!(Money::parse_signed(&m.to_plain()), Ok(m));
        prop_assert_eq!(Money::parse_signed(&m.to_human()), Ok(m));
        if minor > 0 {
            prop_assert!(matches!(Money::parse(&m.to_plain()), Err(MoneyError::Negative(_))));
            prop_assert!(matches!(Money::parse_positive(&m.to_plain()), Err(MoneyError::Negative(_))));
        } else {
            prop_assert_eq!(Money::parse(&m.to_plain()), Ok(Money::ZERO));
        }
    }

    /// `1 250 000,50` built from the number, in every spacing Excel and
    /// people use, parses back exactly.
    #[test]
    fn russian_style_parses_back(
        minor in amounts(),
        space in prop::sample::select(vec![" ", "\u{a0}", "\u{202f}", "\u{2009}"]),
    ) {
        let m = Money::from_minor(minor);
        let ru = format!("{},{:02}", grouped((minor / 100) as u64, space), minor % 100);
        prop_assert_eq!(Money::parse(&ru), Ok(m), "{:?}", ru);
        // And the formatter's own output with the decimal point swapped.
        prop_assert_eq!(Money::parse(&m.to_human().replace('.', ",")), Ok(m));
    }

    /// Any rendering of an amount parses to exactly that amount, except the
    /// two renderings that cannot be read without guessing, which are
    /// refused with the documented error.
    #[test]
    fn every_written_form_parses_exactly_or_is_refused(minor in amounts(), style in styles()) {
        let (text, has_frac) = render(minor, &style);
        let got = Money::parse(&text);
        let one = |c: char| text.matches(c).count() == 1;
        match style.group {
            Some(",") if !has_frac && one(',') => {
                prop_assert!(matches!(got, Err(MoneyError::Ambiguous(_))), "{:?}: {:?}", text, got);
            }
            Some(".") if !has_frac && one('.') => {
                prop_assert!(matches!(got, Err(MoneyError::TooManyDecimals(_))), "{:?}: {:?}", text, got);
            }
            _ => prop_assert_eq!(got, Ok(Money::from_minor(minor)), "{:?}", text),
        }
    }

    /// Digit strings of any length: the exact value, or `Overflow`, never a
    /// wrapped number. Leading zeros change nothing.
    #[test]
    fn digit_strings_parse_exactly_or_overflow(digits in "[0-9]{1,400}", kop in "([.,][0-9]{1,2})?") {
        let text = format!("{digits}{kop}");
        let got = Money::parse(&text);
        let significant = digits.trim_start_matches('0');
        let frac: i64 = match kop.get(1..) {
            Some(f) if f.len() == 1 => f.parse::<i64>().unwrap() * 10,
            Some(f) if !f.is_empty() => f.parse().unwrap(),
            _ => 0,
        };
        let expected = if significant.len() > 13 {
            None
        } else {
            let major: i64 = if significant.is_empty() { 0 } else { significant.parse().unwrap() };
            Some(major * 100 + frac).filter(|&v| v <= MAX_AMOUNT)
        };
        match expected {
            Some(v) => prop_assert_eq!(got, Ok(Money::from_minor(v)), "{:?}", text),
            None => prop_assert!(matches!(got, Err(MoneyError::Overflow(_))), "{:?}: {:?}", text, got),
        }
    }

    /// Nothing panics, and whatever is accepted is in range, consistent
    /// between the three parsers, and canonical (prints and parses back).
    #[test]
    fn any_string_parses_safely(
        s in prop_oneof![
            any::<String>(),
            "[-+ 0-9.,'_\u{a0}\u{202f}\u{2009}]{0,60}",
            "[-+]?[0-9]{0,30}([.,][0-9]{0,30}){0,12}",
            "[0-9]{20,300}",
            "[,.]{1,200}",
            "[٠-٩０-９¹²³½]{1,10}",
        ],
    ) {
        let signed = Money::parse_signed(&s).ok();
        let plain = Money::parse(&s);
        let positive = Money::parse_positive(&s).ok();
        if let Some(m) = signed {
            prop_assert!((-MAX_AMOUNT..=MAX_AMOUNT).contains(&m.minor()), "{:?}: {:?}", s, m);
            prop_assert_eq!(Money::parse_signed(&m.to_plain()), Ok(m));
        }
        // parse = parse_signed without negatives; parse_positive = parse without zero.
        prop_assert_eq!(plain.clone().ok(), signed.filter(|m| !m.is_negative()));
        prop_assert_eq!(positive, plain.clone().ok().filter(|m| !m.is_zero()));
        if let Ok(m) = &plain {
            prop_assert!((0..=MAX_AMOUNT).contains(&m.minor()));
        }
        if let Some(m) = positive {
            prop_assert!(m.minor() > 0);
        }
        // Blanks around the text change nothing, errors included.
        prop_assert_eq!(Money::parse(&format!(" \t{s}\u{a0} ")), plain);
    }
}

#[test]
fn money_edges() {
    let max = Money::from_minor(MAX_AMOUNT);
    assert_eq!(Money::parse("1 000 000 000 000,00"), Ok(max));
    assert!(matches!(
        Money::parse("1 000 000 000 000,01"),
        Err(MoneyError::Overflow(_))
    ));
    assert!(matches!(
        Money::parse(&"9".repeat(10_000)),
        Err(MoneyError::Overflow(_))
    ));
    assert_eq!(
        Money::parse(&format!("{}1", "0".repeat(10_000))),
        Ok(Money::major(1))
    );
    assert_eq!(
        Money::parse_signed("-1 000 000 000 000"),
        Ok(Money::from_minor(-MAX_AMOUNT))
    );
    assert!(matches!(
        Money::parse("1,250"),
        Err(MoneyError::Ambiguous(_))
    ));
    assert!(matches!(
        Money::parse("１２３"),
        Err(MoneyError::Invalid(_))
    ));
    assert_eq!(Money::parse("\u{a0}"), Err(MoneyError::Empty));
}

// ---------------------------------------------------------------- dates --

fn first_supported() -> NaiveDate {
    NaiveDate::from_ymd_opt(1000, 1, 1).unwrap()
}

fn last_supported() -> NaiveDate {
    NaiveDate::from_ymd_opt(9999, 12, 31).unwrap()
}

/// Every date of years 1000 to 9999, leap days and month ends over-represented.
fn dates() -> impl Strategy<Value = NaiveDate> {
    let span = (last_supported() - first_supported()).num_days() as u64;
    prop_oneof![
        3 => (0..=span).prop_map(|d| first_supported() + Days::new(d)),
        1 => (250i32..2500).prop_filter_map("a leap year", |k| NaiveDate::from_ymd_opt(k * 4, 2, 29)),
        1 => (1000i32..=9999, 1u32..=12).prop_map(|(y, m)| Month::new(y, m).unwrap().last_day()),
        1 => prop::sample::select(vec![first_supported(), last_supported()]),
    ]
}

fn days_in(year: i32, month: u32) -> u32 {
    Month::new(year, month).unwrap().days()
}

proptest! {
    #[test]
    fn dates_parse_back_in_both_forms(d in dates(), pad in prop::sample::select(vec!["", " ", "\t", "\u{a0}"])) {
        prop_assert_eq!(parse_date(&iso(d)), Ok(d));
        prop_assert_eq!(iso(d), d.format("%Y-%m-%d").to_string());
        prop_assert_eq!(parse_date(&d.format("%d.%m.%Y").to_string()), Ok(d));
        // Unpadded day and month, as typed.
        prop_assert_eq!(parse_date(&format!("{}.{}.{}", d.day(), d.month(), d.year())), Ok(d));
        prop_assert_eq!(parse_date(&format!("{}-{}-{}", d.year(), d.month(), d.day())), Ok(d));
        prop_assert_eq!(parse_date(&format!("{pad}{}{pad}", iso(d))), Ok(d));
        // Two-digit years are refused, never read as the first century.
        prop_assert!(parse_date(&d.format("%d.%m.%y").to_string()).is_err());
    }

    /// 2026-02-30 and 31.04.2026 are refused, never rolled over.
    #[test]
    fn impossible_days_and_months_are_refused(y in 1000i32..=9999, m in 1u32..=12, extra in 1u32..=3, bad_month in prop_oneof![Just(0u32), 13u32..=99]) {
        let day = days_in(y, m) + extra;
        for text in [format!("{y}-{m:02}-{day:02}"), format!("{day:02}.{m:02}.{y}")] {
            let got = parse_date(&text);
            prop_assert!(matches!(got, Err(DateError::Invalid(_))), "{:?}: {:?}", text, got);
        }
        for text in [
            format!("{y}-{bad_month:02}-01"),
            format!("01.{bad_month:02}.{y}"),
            format!("{y}-{m:02}-00"),
            format!("00.{m:02}.{y}"),
        ] {
            let got = parse_date(&text);
            prop_assert!(got.is_err(), "{:?}: {:?}", text, got);
        }
    }

    /// Date-shaped digits: accepted exactly when chrono says the date exists.
    #[test]
    fn date_shaped_text_is_accepted_exactly_when_the_date_exists(
        y in "[0-9]{4}", m in "[0-9]{1,2}", d in "[0-9]{1,2}", dotted in any::<bool>(),
    ) {
        let text = if dotted { format!("{d}.{m}.{y}") } else { format!("{y}-{m}-{d}") };
        // Year 0000 exists for chrono but not for folio (years 1 to 9999).
        let want = NaiveDate::from_ymd_opt(y.parse().unwrap(), m.parse().unwrap(), d.parse().unwrap())
            .filter(|date| date.year() >= 1);
        prop_assert_eq!(parse_date(&text).ok(), want, "{:?}", text);
    }

    /// Nothing panics; whatever is accepted is a real date whose year is
    /// written in the text, and prints and parses back.
    #[test]
    fn any_string_parses_to_a_real_date_or_an_error(
        s in prop_oneof![
            any::<String>(),
            "[0-9.\\- ]{0,16}",
            "[0-9]{1,6}[.\\-/][0-9]{1,3}[.\\-/][0-9]{1,6}",
            "[+\\-]?[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]?[0-9:]{0,8}",
        ],
    ) {
        match parse_date(&s) {
            Ok(d) => {
                prop_assert!(s.contains(&format!("{:04}", d.year())), "{:?} -> {}", s, d);
                prop_assert_eq!(parse_date(&iso(d)), Ok(d));
                prop_assert_eq!(parse_date(&d.format("%d.%m.%Y").to_string()), Ok(d));
            }
            Err(DateError::Empty) => prop_assert!(s.trim().is_empty()),
            Err(_) => {}
        }
    }
}

/// `parse_date` accepts the year 0000, which no [`Month`] can hold (months
/// are 0001..=9999), so such a date cannot be grouped into a month: stored
/// payments dated `0000-…` later make month reports fail.
#[test]
fn every_accepted_date_has_a_month() {
    for text in ["0000-01-01", "01.01.0000", "0000-12-31"] {
        if let Ok(d) = parse_date(text) {
            let month = Month::of(d);
            assert_eq!(
                Month::parse(&month.to_string()),
                Ok(month),
                "{text} was accepted as {d} but its month {month} is not a month"
            );
        }
    }
}

// --------------------------------------------------------------- months --

fn months() -> impl Strategy<Value = Month> {
    prop_oneof![
        4 => (1000i32..=9000, 1u32..=12),
        1 => (prop::sample::select(vec![1000, 1999, 2000, 2024, 2026, 2100, 9000]), 1u32..=12),
    ]
    .prop_map(|(y, m)| Month::new(y, m).unwrap())
}

proptest! {
    #[test]
    fn months_print_and_parse_back(m in months()) {
        let text = m.to_string();
        prop_assert_eq!(text.len(), 7);
        prop_assert_eq!(Month::parse(&text), Ok(m));
        prop_assert_eq!(Month::parse(&format!(" {}-{} ", m.year(), m.month())), Ok(m));
        prop_assert_eq!(Month::new(m.year(), m.month()), Some(m));
        prop_assert_eq!(serde_json::to_string(&m).ok(), Some(format!("\"{text}\"")));
    }

    #[test]
    fn month_addition_is_associative_and_invertible(m in months(), a in -5000i32..=5000, b in -5000i32..=5000) {
        prop_assert_eq!(m.plus_months(a).plus_months(b), m.plus_months(a + b));
        prop_assert_eq!(m.plus_months(a).plus_months(-a), m);
        prop_assert_eq!(m.plus_months(0), m);
        let n = m.plus_months(a);
        prop_assert!((1..=12).contains(&n.month()));
        prop_assert_eq!(Month::new(n.year(), n.month()), Some(n));
        // The oracle: chrono's month arithmetic on the first day.
        let want = if a >= 0 {
            m.first_day().checked_add_months(chrono::Months::new(a as u32))
        } else {
            m.first_day().checked_sub_months(chrono::Months::new(a.unsigned_abs()))
        };
        prop_assert_eq!(Some(n.first_day()), want);
    }

    #[test]
    fn next_prev_and_months_until_agree(m in months(), a in -5000i32..=5000) {
        prop_assert_eq!(m.prev().next(), m);
        prop_assert_eq!(m.next().prev(), m);
        prop_assert_eq!(m.next(), m.plus_months(1));
        prop_assert_eq!(m.prev(), m.plus_months(-1));
        let other = m.plus_months(a);
        prop_assert_eq!(m.months_until(other), a);
        prop_assert_eq!(other.months_until(m), -a);
        prop_assert_eq!(m < other, a > 0);
        prop_assert_eq!(m == other, a == 0);
    }

    #[test]
    fn first_and_last_days_lie_in_the_month(m in months()) {
        let (first, last) = (m.first_day(), m.last_day());
        prop_assert!(m.contains(first) && m.contains(last));
        prop_assert_eq!(first.day(), 1);
        prop_assert_eq!(Month::of(first), m);
        prop_assert_eq!(Month::of(last), m);
        prop_assert!(!m.contains(first.pred_opt().unwrap()));
        prop_assert!(!m.contains(last.succ_opt().unwrap()));
        prop_assert_eq!(Month::of(last.succ_opt().unwrap()), m.next());
        prop_assert_eq!(Month::of(first.pred_opt().unwrap()), m.prev());
        prop_assert_eq!(m.days(), last.day());
        prop_assert_eq!(i64::from(m.days()), (last - first).num_days() + 1);
        prop_assert!((28..=31).contains(&m.days()));
    }

    #[test]
    fn a_date_lies_in_its_month(d in dates()) {
        let m = Month::of(d);
        prop_assert!(m.contains(d));
        prop_assert!(m.first_day() <= d && d <= m.last_day());
        prop_assert_eq!((m.year(), m.month()), (d.year(), d.month()));
    }

    #[test]
    fn trailing_months_end_with_the_month(m in months(), count in 0u32..=240) {
        let t = m.trailing(count);
        prop_assert_eq!(t.len(), count as usize);
        if let (Some(first), Some(last)) = (t.first(), t.last()) {
            prop_assert_eq!(*last, m);
            prop_assert_eq!(*first, m.plus_months(1 - count as i32));
            prop_assert_eq!(first.months_until(m), count as i32 - 1);
        }
        prop_assert!(t.windows(2).all(|w| w[0].next() == w[1]));
    }

    #[test]
    fn any_string_parses_to_a_month_or_an_error(
        s in prop_oneof![any::<String>(), "[0-9\\- ]{0,10}", "[+\\-]?[0-9]{1,6}-[0-9]{0,3}"],
    ) {
        if let Ok(m) = Month::parse(&s) {
            prop_assert!((1..=9999).contains(&m.year()) && (1..=12).contains(&m.month()));
            prop_assert_eq!(Month::parse(&m.to_string()), Ok(m));
            let year = format!("{:04}", m.year());
            prop_assert!(s.contains(&year), "{:?} -> {}", s, m);
        }
    }
}

#[test]
fn month_edges() {
    let first = Month::new(1, 1).unwrap();
    let last = Month::new(9999, 12).unwrap();
    assert_eq!(first.first_day(), NaiveDate::from_ymd_opt(1, 1, 1).unwrap());
    assert_eq!(last.last_day(), last_supported());
    assert_eq!(first.months_until(last), 9999 * 12 - 1);
    assert_eq!(Month::parse("0000-01").ok(), None);
    assert_eq!(Month::parse("10000-01").ok(), None);
    assert_eq!(Month::new(2024, 2).unwrap().days(), 29);
    assert_eq!(Month::new(1900, 2).unwrap().days(), 28);
}
