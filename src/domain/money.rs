//! Money: exact integer minor units (kopecks, cents) in the portfolio's one currency.
//!
//! Parsing accepts what people type: `1250000`, `1250000.5`, `1 250 000,50`,
//! `1,250,000.50`. It never guesses: a lone comma followed by exactly three
//! digits (`1,250`) could be a thousands separator or a decimal comma, so it is
//! refused with a message saying so.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

/// Minor units per major unit: every currency folio handles uses two decimals.
pub const MINOR_PER_MAJOR: i64 = 100;

/// The longest plain form: a sign, 19 digits and the point.
const PLAIN_MAX: usize = 21;
// `Money::plain` writes two fractional digits.
const _: () = assert!(MINOR_PER_MAJOR == 100);

/// The largest amount one record may hold: one trillion major units. Far above
/// any real invoice, and low enough that sums of tens of thousands of such
/// records stay inside `i64` (sums saturate rather than wrap beyond that).
pub const MAX_AMOUNT: i64 = 1_000_000_000_000 * MINOR_PER_MAJOR;

/// An amount of money in minor units. Signed so that differences (balances,
/// credits) are representable; user input for amounts is never negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(i64);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("amount is empty")]
    Empty,
    #[error("'{0}' is not an amount (use digits, e.g. 1250000.50 or 1 250 000,50)")]
    Invalid(String),
    #[error("'{0}' has more than two digits after the decimal separator")]
    TooManyDecimals(String),
    #[error("'{0}' is ambiguous: write 1250 or 1,25 (a lone comma before three digits)")]
    Ambiguous(String),
    #[error("'{0}' is negative; amounts must be zero or more")]
    Negative(String),
    #[error("'{0}' must be greater than zero")]
    Zero(String),
    #[error("'{value}' is in {found}; this portfolio keeps {expected}")]
    OtherCurrency {
        value: String,
        found: &'static str,
        expected: String,
    },
    #[error("'{0}' is too large")]
    Overflow(String),
}

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_minor(minor: i64) -> Money {
        Money(minor)
    }

    /// Whole major units, for tests and the demo: `Money::major(1500)` is 1 500.00.
    pub const fn major(major: i64) -> Money {
        Money(major * MINOR_PER_MAJOR)
    }

    pub const fn minor(self) -> i64 {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Saturating addition: sums of amounts below [`MAX_AMOUNT`] never get
    /// near the limit, and saturation is safer than a panic if they did.
    pub fn plus(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }

    pub fn minus(self, other: Money) -> Money {
        Money(self.0.saturating_sub(other.0))
    }

    /// Parse a non-negative amount as a user types it.
    pub fn parse(input: &str) -> Result<Money, MoneyError> {
        let m = Money::parse_signed(input)?;
        if m.is_negative() {
            return Err(MoneyError::Negative(input.trim().to_string()));
        }
        Ok(m)
    }

    /// Parse an amount that must be greater than zero (invoices, payments).
    pub fn parse_positive(input: &str) -> Result<Money, MoneyError> {
        let m = Money::parse(input)?;
        if m.is_zero() {
            return Err(MoneyError::Zero(input.trim().to_string()));
        }
        Ok(m)
    }

    /// [`Money::parse_positive`] of an amount as a bank statement writes it:
    /// with a currency sign or word (`1 250,00 ₽`, `руб.`, `р.`, `RUB`,
    /// `$13.50`, `€`), accepted when it names `currency` (the portfolio's),
    /// and `(400.00)` read as negative (so refused here).
    pub fn parse_positive_in(input: &str, currency: &str) -> Result<Money, MoneyError> {
        let original = input.trim();
        let (found, bare) = split_currency(original);
        if let Some(found) = found
            && !found.eq_ignore_ascii_case(currency)
        {
            return Err(MoneyError::OtherCurrency {
                value: original.to_string(),
                found,
                expected: currency.to_string(),
            });
        }
        let negative = bare.strip_prefix('(').and_then(|b| b.strip_suffix(')'));
        let m = match negative {
            Some(inner) => Money::parse_signed(inner)?.times_minus_one(),
            None => Money::parse_signed(bare)?,
        };
        if m.is_negative() {
            return Err(MoneyError::Negative(original.to_string()));
        }
        if m.is_zero() {
            return Err(MoneyError::Zero(original.to_string()));
        }
        Ok(m)
    }

    fn times_minus_one(self) -> Money {
        Money::ZERO.minus(self)
    }

    /// Parse an amount that may carry a leading minus sign.
    pub fn parse_signed(input: &str) -> Result<Money, MoneyError> {
        let original = input.trim();
        if original.is_empty() {
            return Err(MoneyError::Empty);
        }
        let invalid = || MoneyError::Invalid(original.to_string());
        // Spaces of every kind (including no-break and narrow no-break spaces that
        // spreadsheets insert), apostrophes and underscores group thousands.
        let spaced = original.chars().any(|c| c.is_whitespace() || c == '\'');
        let ungrouped: String = original
            .chars()
            .filter(|c| !(c.is_whitespace() || *c == '\'' || *c == '_' || *c == '\u{2009}'))
            .collect();
        let negative = ungrouped.starts_with('-');
        let s = ungrouped.strip_prefix(['-', '+']).unwrap_or(&ungrouped);
        if s.is_empty()
            || !s
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return Err(invalid());
        }
        let commas = s.matches(',').count();
        let dots = s.matches('.').count();
        // Decide which character (if any) is the decimal separator.
        let decimal: Option<char> = match (commas, dots) {
            (0, 0) => None,
            (0, 1) => Some('.'),
            (1, 0) => {
                let after = &s[s.find(',').unwrap_or(0) + 1..];
                // With spaces grouping thousands the comma can only be decimal.
                if after.len() == 3 && !spaced {
                    return Err(MoneyError::Ambiguous(original.to_string()));
                }
                Some(',')
            }
            (_, 0) => None, // 1,250,000: commas group thousands
            (0, _) => None, // 1.250.000: dots group thousands
            _ => {
                // Both present: the last one is the decimal separator and must occur once.
                let last_comma = s.rfind(',').unwrap_or(0);
                let last_dot = s.rfind('.').unwrap_or(0);
                let (dec, dec_count) = if last_dot > last_comma {
                    ('.', dots)
                } else {
                    (',', commas)
                };
                if dec_count != 1 {
                    return Err(invalid());
                }
                Some(dec)
            }
        };
        let (int_part, frac_part) = match decimal {
            Some(d) => {
                let pos = s.rfind(d).ok_or_else(invalid)?;
                (&s[..pos], &s[pos + 1..])
            }
            None => (s, ""),
        };
        // Whatever separator remains in the integer part groups thousands: check
        // the groups so that "1,25,0" is not silently read as 1250.
        let groups: Vec<&str> = int_part.split([',', '.']).collect();
        if groups.len() > 1 {
            let first = groups[0];
            if first.is_empty() || first.len() > 3 || groups[1..].iter().any(|g| g.len() != 3) {
                return Err(invalid());
            }
        }
        let digits: String = groups.concat();
        if digits.is_empty() && frac_part.is_empty() {
            return Err(invalid());
        }
        if frac_part.len() > 2 {
            return Err(MoneyError::TooManyDecimals(original.to_string()));
        }
        if !frac_part.chars().all(|c| c.is_ascii_digit()) {
            return Err(invalid());
        }
        let overflow = || MoneyError::Overflow(original.to_string());
        // Only ASCII digits are left: a number too long for `i64` is all
        // that can fail to parse.
        let major: i64 = match digits.as_str() {
            "" => 0,
            digits => digits.parse().map_err(|_| overflow())?,
        };
        // `5` is 50 kopecks, `05` five.
        let frac: i64 = format!("{frac_part:0<2}").parse().map_err(|_| invalid())?;
        let minor = major
            .checked_mul(MINOR_PER_MAJOR)
            .and_then(|v| v.checked_add(frac))
            .ok_or_else(overflow)?;
        if minor > MAX_AMOUNT {
            return Err(overflow());
        }
        Ok(Money(if negative { -minor } else { minor }))
    }

    /// Machine form: `1250000.50`, `-3.05`. Used in JSON and CSV; parses back exactly.
    pub fn to_plain(self) -> String {
        self.plain(&mut [0; PLAIN_MAX]).to_string()
    }

    /// [`Money::to_plain`] written into `buf`, without allocating (JSON
    /// writes thousands of amounts).
    fn plain(self, buf: &mut [u8; PLAIN_MAX]) -> &str {
        let mut rest = self.0.unsigned_abs();
        let mut at = buf.len();
        let mut put = |at: &mut usize, byte: u8| {
            *at -= 1;
            buf[*at] = byte;
        };
        // Two fractional digits (MINOR_PER_MAJOR is 100), the point, then
        // at least one digit of the major units.
        for _ in 0..2 {
            put(&mut at, b'0' + (rest % 10) as u8);
            rest /= 10;
        }
        put(&mut at, b'.');
        loop {
            put(&mut at, b'0' + (rest % 10) as u8);
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if self.0 < 0 {
            put(&mut at, b'-');
        }
        // Only ASCII digits, '.' and '-' were written.
        std::str::from_utf8(&buf[at..]).unwrap_or_default()
    }

    /// Human form for tables: `1 250 000.50` with spaces grouping thousands.
    pub fn to_human(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let per = MINOR_PER_MAJOR.unsigned_abs();
        format!("{sign}{}.{:02}", group_thousands(abs / per, ' '), abs % per)
    }

    /// Short human form without kopecks when they are zero: `1 250 000`.
    pub fn to_human_short(self) -> String {
        if self.0 % MINOR_PER_MAJOR == 0 {
            let sign = if self.0 < 0 { "-" } else { "" };
            let abs = self.0.unsigned_abs() / MINOR_PER_MAJOR.unsigned_abs();
            format!("{sign}{}", group_thousands(abs, ' '))
        } else {
            self.to_human()
        }
    }
}

/// `n` with its thousands grouped by `sep`: `1 250 000`.
pub fn group_thousands(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.to_human())
    }
}

impl FromStr for Money {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Money::parse(s)
    }
}

/// Amounts in JSON are decimal strings with two fractional digits.
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.plain(&mut [0; PLAIN_MAX]))
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Money::plus)
    }
}

/// A ratio in basis points (1/100 of a percent), exact and rounded half away
/// from zero: `ratio_bp(1, 3)` is 3333 (33.33 %). `None` when the denominator is
/// zero or negative: no target, no attainment; never NaN or infinity.
pub fn ratio_bp(numerator: Money, denominator: Money) -> Option<i64> {
    if denominator.0 <= 0 {
        return None;
    }
    let n = i128::from(numerator.0) * 10_000;
    let d = i128::from(denominator.0);
    let q = (2 * n + d * n.signum()) / (2 * d);
    i64::try_from(q).ok()
}

/// A percentage from basis points as a JSON number (72.35). Not money: a float
/// is fine here, and `bp / 100` with two decimals round-trips exactly in JSON.
pub fn bp_to_pct(bp: i64) -> f64 {
    bp as f64 / 100.0
}

/// The currency signs and words banks write around an amount, and the ISO
/// code each names.
const CURRENCY_MARKS: &[(&str, &str)] = &[
    ("₽", "RUB"),
    ("руб.", "RUB"),
    ("руб", "RUB"),
    ("р.", "RUB"),
    ("RUB", "RUB"),
    ("RUR", "RUB"),
    ("$", "USD"),
    ("USD", "USD"),
    ("€", "EUR"),
    ("EUR", "EUR"),
    ("CNY", "CNY"),
    ("¥", "CNY"),
];

/// The currency a sign or word before or after `text` names, and the
/// amount without it (trimmed).
pub fn split_currency(text: &str) -> (Option<&'static str>, &str) {
    let text = text.trim();
    let lower = text.to_lowercase();
    for (mark, code) in CURRENCY_MARKS {
        let mark_lower = mark.to_lowercase();
        if lower.ends_with(&mark_lower) {
            let cut = text.len() - mark.len();
            if text.is_char_boundary(cut) {
                return (Some(code), text[..cut].trim());
            }
        }
        if lower.starts_with(&mark_lower) && text.is_char_boundary(mark.len()) {
            return (Some(code), text[mark.len()..].trim());
        }
    }
    (None, text)
}

#[cfg(test)]
mod tests {
    #[test]
    fn amounts_as_statements_write_them() {
        use super::Money;
        let rub = |s: &str| Money::parse_positive_in(s, "RUB");
        assert_eq!(rub("1 250,00 ₽"), Ok(Money::from_minor(125_000)));
        assert_eq!(rub("1250 руб."), Ok(Money::from_minor(125_000)));
        assert_eq!(rub("99,50 р."), Ok(Money::from_minor(9_950)));
        assert_eq!(rub("RUB 10"), Ok(Money::from_minor(1_000)));
        assert_eq!(rub("10 rub"), Ok(Money::from_minor(1_000)));
        assert_eq!(rub("1 250,50"), Ok(Money::from_minor(125_050)));
        assert!(matches!(
            rub("$13.50"),
            Err(super::MoneyError::OtherCurrency { found: "USD", .. })
        ));
        assert!(matches!(
            rub("(400.00)"),
            Err(super::MoneyError::Negative(_))
        ));
        assert!(matches!(rub("0 ₽"), Err(super::MoneyError::Zero(_))));
        assert!(rub("₽").is_err());
        let usd = |s: &str| Money::parse_positive_in(s, "USD");
        assert_eq!(usd("$13.50"), Ok(Money::from_minor(1_350)));
        assert_eq!(usd("13.50 USD"), Ok(Money::from_minor(1_350)));
        assert!(usd("€5").is_err());
    }

    use super::*;

    fn p(s: &str) -> Result<Money, MoneyError> {
        Money::parse(s)
    }

    #[test]
    fn parses_the_forms_people_type() {
        assert_eq!(p("1250000"), Ok(Money::from_minor(125_000_000)));
        assert_eq!(p("1250000.5"), Ok(Money::from_minor(125_000_050)));
        assert_eq!(p("1 250 000,50"), Ok(Money::from_minor(125_000_050)));
        assert_eq!(p("1,250,000.50"), Ok(Money::from_minor(125_000_050)));
        assert_eq!(p("1.250.000,50"), Ok(Money::from_minor(125_000_050)));
        assert_eq!(
            p("1\u{a0}250\u{a0}000,50"),
            Ok(Money::from_minor(125_000_050))
        );
        assert_eq!(p("1\u{202f}250,5"), Ok(Money::from_minor(125_050)));
        assert_eq!(p("0,05"), Ok(Money::from_minor(5)));
        assert_eq!(p(".5"), Ok(Money::from_minor(50)));
        assert_eq!(p("12."), Ok(Money::from_minor(1200)));
        assert_eq!(p("  42 "), Ok(Money::major(42)));
        assert_eq!(p("1,250,000"), Ok(Money::major(1_250_000)));
        assert_eq!(p("1,5"), Ok(Money::from_minor(150)));
    }

    #[test]
    fn refuses_what_it_cannot_read_exactly() {
        assert_eq!(p(""), Err(MoneyError::Empty));
        assert!(matches!(p("1.255"), Err(MoneyError::TooManyDecimals(_))));
        assert!(matches!(
            p("1 250,505"),
            Err(MoneyError::TooManyDecimals(_))
        ));
        assert!(matches!(p("1,250"), Err(MoneyError::Ambiguous(_))));
        assert!(matches!(p("-5"), Err(MoneyError::Negative(_))));
        assert!(matches!(p("abc"), Err(MoneyError::Invalid(_))));
        assert!(matches!(p("1e5"), Err(MoneyError::Invalid(_))));
        assert!(matches!(p("1,25,0.00"), Err(MoneyError::Invalid(_))));
        assert!(matches!(p("1.2.3,4,5"), Err(MoneyError::Invalid(_))));
        assert!(matches!(p("."), Err(MoneyError::Invalid(_))));
        assert!(matches!(p("-"), Err(MoneyError::Invalid(_))));
        assert!(matches!(
            p("99999999999999999999999"),
            Err(MoneyError::Overflow(_))
        ));
        assert!(matches!(
            Money::parse_positive("0"),
            Err(MoneyError::Zero(_))
        ));
    }

    #[test]
    fn limit_is_inclusive() {
        let max = Money::from_minor(MAX_AMOUNT);
        assert_eq!(p(&max.to_plain()), Ok(max));
        let over = Money::from_minor(MAX_AMOUNT + 1);
        assert!(matches!(p(&over.to_plain()), Err(MoneyError::Overflow(_))));
    }

    #[test]
    fn signed_parsing_keeps_the_sign() {
        assert_eq!(Money::parse_signed("-3,05"), Ok(Money::from_minor(-305)));
        assert_eq!(Money::parse_signed("+7"), Ok(Money::major(7)));
    }

    #[test]
    fn formats() {
        let m = Money::from_minor(125_000_050);
        assert_eq!(m.to_plain(), "1250000.50");
        assert_eq!(m.to_human(), "1 250 000.50");
        assert_eq!(Money::from_minor(-305).to_plain(), "-3.05");
        assert_eq!(Money::from_minor(5).to_plain(), "0.05");
        assert_eq!(Money::major(1000).to_human_short(), "1 000");
        assert_eq!(Money::major(999).to_human_short(), "999");
        assert_eq!(Money::from_minor(99_950).to_human_short(), "999.50");
        assert_eq!(
            serde_json::to_string(&Money::from_minor(125_000_050)).ok(),
            Some("\"1250000.50\"".to_string())
        );
    }

    #[test]
    fn plain_form_of_the_extremes() {
        let reference = |minor: i64| {
            let sign = if minor < 0 { "-" } else { "" };
            let abs = minor.unsigned_abs();
            format!("{sign}{}.{:02}", abs / 100, abs % 100)
        };
        for minor in [0, -1, 10, -100, 1_000_001, i64::MAX, i64::MIN] {
            assert_eq!(Money::from_minor(minor).to_plain(), reference(minor));
        }
        assert_eq!(
            Money::from_minor(i64::MIN).to_plain(),
            "-92233720368547758.08"
        );
    }

    #[test]
    fn plain_form_round_trips() {
        for minor in [0, 1, 99, 100, 12_345_678, MAX_AMOUNT] {
            let m = Money::from_minor(minor);
            assert_eq!(Money::parse(&m.to_plain()), Ok(m));
            assert_eq!(Money::parse(&m.to_human()), Ok(m));
        }
    }

    #[test]
    fn ratios_in_basis_points() {
        assert_eq!(ratio_bp(Money::major(1), Money::major(3)), Some(3333));
        assert_eq!(ratio_bp(Money::major(2), Money::major(3)), Some(6667));
        assert_eq!(ratio_bp(Money::major(5), Money::major(4)), Some(12500));
        assert_eq!(ratio_bp(Money::ZERO, Money::major(4)), Some(0));
        assert_eq!(ratio_bp(Money::major(5), Money::ZERO), None);
        assert_eq!(bp_to_pct(7235), 72.35);
    }
}
