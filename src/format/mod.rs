//! Values formatted for people, shared by both doors: one function per kind
//! of value (money, percentages, dates, months, counts) taking a `Locale`,
//! and text cut to a terminal's columns. The value types keep their own
//! textual form (`Money`'s Display and parse, ISO dates in storage, JSON and
//! CSV); this module is how the screens, the command line's tables and the
//! text and Markdown briefings show them. Widths are display widths
//! (unicode-width), so Cyrillic, emoji and CJK count right.
//!
//! English and Russian. Another language is a variant of `Locale`, an arm
//! in each `match` below and its message files (`messages`).

/// The message `id` in `locale`, each value named as the message's
/// placeable is: `say!(l, "out-io", path = &path(p), reason = &reason)` is
/// `text_with(l, "out-io", &[("path", ..), ("reason", ..)])`. A value is
/// anything an [`Arg`] is made from (`&str`, `&String`, `i64`, an `Arg`
/// such as `Arg::count(n)`). A placeable whose name is not a Rust name
/// (`$days-left`) goes through [`text_with`]. For this module's files.
macro_rules! say {
    ($locale:expr, $id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::format::messages::text_with(
            $locale,
            $id,
            &[$((stringify!($name), $crate::format::messages::Arg::from($value))),*],
        )
    };
}

pub mod briefing;
pub mod errors;
mod lang;
pub mod messages;
pub mod notes;
mod plural;
mod reason;
pub mod words;

use chrono::NaiveDate;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::domain::money::group_thousands;
use crate::domain::{Money, Month};

pub use errors::{explain, explain_error};
pub use lang::{choose, lang_in_args};
pub use messages::{Arg, text, text_with};
pub use plural::Noun;
pub use reason::reason;

/// The language values and messages are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    En,
    Ru,
}

/// The narrow no-break space Russian groups digits with (`1 250 000`).
const NARROW_NBSP: char = '\u{202F}';
/// The no-break space before a Russian `%` and currency sign.
const NBSP: char = '\u{00A0}';

/// How a locale writes numbers: its thousands separator and its decimal
/// mark.
fn marks(locale: Locale) -> (char, char) {
    match locale {
        Locale::En => (' ', '.'),
        Locale::Ru => (NARROW_NBSP, ','),
    }
}

/// A whole number with its thousands grouped: `1 250 000`.
pub fn number(locale: Locale, n: impl TryInto<i64>) -> String {
    let n = whole(n);
    let (group, _) = marks(locale);
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", group_thousands(n.unsigned_abs(), group))
}

/// An amount in full, kopecks included: `1 250 000.50`, in Russian
/// `1 250 000,50` (narrow no-break spaces, a decimal comma).
pub fn money(locale: Locale, m: Money) -> String {
    let (group, decimal) = marks(locale);
    let sign = if m.minor() < 0 { "-" } else { "" };
    let abs = m.minor().unsigned_abs();
    let major = group_thousands(abs / 100, group);
    format!("{sign}{major}{decimal}{:02}", abs % 100)
}

/// An amount with its currency: `1 250 000.50 RUB`; in Russian the sign
/// for roubles, `1 250 000,50 ₽`, and the code for any other currency.
pub fn money_in(locale: Locale, m: Money, currency: &str) -> String {
    let amount = money(locale, m);
    let sign = currency_sign(locale, currency);
    match locale {
        Locale::En => format!("{amount} {sign}"),
        Locale::Ru => format!("{amount}{NBSP}{sign}"),
    }
}

/// A month inside a sentence: English keeps the ISO form its sentences
/// (and the JSON's prose and the command line) have always had,
/// `2026-11`, as it is typed; Russian names it,
/// `ноябрь 2026`.
pub fn month_in_sentence(locale: Locale, m: Month) -> String {
    match locale {
        Locale::En => m.to_string(),
        Locale::Ru => month(locale, m),
    }
}

/// The currency after an amount: `₽` for roubles in Russian, else the
/// code (`RUB`, `EUR`).
pub fn currency_sign(locale: Locale, currency: &str) -> &str {
    match locale {
        Locale::Ru if currency.eq_ignore_ascii_case("RUB") => "₽",
        _ => currency,
    }
}

/// An amount in at most six columns, for where space forces it: `950`,
/// `12k`, `11.6M` (rounded down); in Russian `12К`, `11,6М`.
pub fn money_compact(locale: Locale, m: Money) -> String {
    let (_, decimal) = marks(locale);
    let (thousand, million) = match locale {
        Locale::En => ('k', 'M'),
        Locale::Ru => ('К', 'М'),
    };
    let major = m.minor() / 100;
    let sign = if major < 0 { "-" } else { "" };
    let a = major.unsigned_abs();
    if a < 10_000 {
        format!("{sign}{a}")
    } else if a < 1_000_000 {
        format!("{sign}{}{thousand}", a / 1_000)
    } else {
        let tenths = a / 100_000;
        format!("{sign}{}{decimal}{}{million}", tenths / 10, tenths % 10)
    }
}

/// Which form a column of amounts takes: full when every amount fits, else
/// compact for every row (never a mix in one column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyForm {
    Full,
    Compact,
}

impl MoneyForm {
    /// The form for a column of `amounts` in `width` columns.
    pub fn fitting(locale: Locale, amounts: impl IntoIterator<Item = Money>, width: usize) -> Self {
        let fits = amounts
            .into_iter()
            .all(|m| money(locale, m).width() <= width);
        if fits {
            MoneyForm::Full
        } else {
            MoneyForm::Compact
        }
    }

    pub fn show(self, locale: Locale, m: Money) -> String {
        match self {
            MoneyForm::Full => money(locale, m),
            MoneyForm::Compact => money_compact(locale, m),
        }
    }
}

/// An amount or `-` when there is none.
pub fn money_or_dash(locale: Locale, m: Option<Money>) -> String {
    m.map_or_else(|| "-".to_string(), |m| money(locale, m))
}

/// A percentage from basis points, two decimals: `72.35%`, `0.05%`; in
/// Russian `72,35 %` (a no-break space before the sign).
pub fn percent(locale: Locale, bp: i64) -> String {
    let (_, decimal) = marks(locale);
    let sign = if bp < 0 { "-" } else { "" };
    let abs = bp.unsigned_abs();
    match locale {
        Locale::En => format!("{sign}{}{decimal}{:02}%", abs / 100, abs % 100),
        Locale::Ru => format!("{sign}{}{decimal}{:02}{NBSP}%", abs / 100, abs % 100),
    }
}

/// A share where space is short (the board's cards): whole percent, rounded
/// down, and a share above zero but under one percent reads `<1%`, never
/// `0%`. Elsewhere shares read as [`percent`] does.
pub fn share_compact(locale: Locale, bp: Option<i64>) -> String {
    match (locale, bp) {
        (_, None) => "-".to_string(),
        (Locale::En, Some(bp)) if bp > 0 && bp < 100 => "<1%".to_string(),
        (Locale::En, Some(bp)) => format!("{}%", bp / 100),
        (Locale::Ru, Some(bp)) if bp > 0 && bp < 100 => format!("<1{NBSP}%"),
        (Locale::Ru, Some(bp)) => format!("{}{NBSP}%", bp / 100),
    }
}

/// A percentage or `-` when there is none (no target, no revenue).
pub fn percent_or_dash(locale: Locale, bp: Option<i64>) -> String {
    bp.map_or_else(|| "-".to_string(), |bp| percent(locale, bp))
}

/// A date on screen: `2026-12-05`; in Russian `05.12.2026`.
pub fn date(locale: Locale, d: NaiveDate) -> String {
    match locale {
        Locale::En => d.format("%Y-%m-%d").to_string(),
        Locale::Ru => d.format("%d.%m.%Y").to_string(),
    }
}

/// A date or `-`.
pub fn date_or_dash(locale: Locale, d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "-".to_string(), |d| date(locale, d))
}

const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Russian months, as a month stands alone (`декабрь 2026`), and short.
const RU_MONTHS: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
const RU_MONTHS_SHORT: [&str; 12] = [
    "янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
];

/// A month's short name: `Dec`, `дек`.
pub fn month_short(locale: Locale, m: Month) -> &'static str {
    let i = (m.month() as usize).clamp(1, 12) - 1;
    match locale {
        Locale::En => EN_MONTHS[i],
        Locale::Ru => RU_MONTHS_SHORT[i],
    }
}

/// A month with its year: `Dec 2026`, `декабрь 2026`.
pub fn month(locale: Locale, m: Month) -> String {
    match locale {
        Locale::En => format!("{} {}", month_short(locale, m), m.year()),
        Locale::Ru => {
            let i = (m.month() as usize).clamp(1, 12) - 1;
            format!("{} {}", RU_MONTHS[i], m.year())
        }
    }
}

/// A month with its year in eight columns in every language: `Dec 2026`,
/// `дек 2026` (for a column of months).
pub fn month_compact(locale: Locale, m: Month) -> String {
    format!("{} {}", month_short(locale, m), m.year())
}

/// A count of days in words: `1 day`, `12 days`.
pub fn days(locale: Locale, n: impl TryInto<i64>) -> String {
    count(locale, n, Noun::Day)
}

/// A count of days in as few columns as possible: `12d`, `12д`.
pub fn days_compact(locale: Locale, n: impl TryInto<i64>) -> String {
    let n = whole(n);
    match locale {
        Locale::En => format!("{n}d"),
        Locale::Ru => format!("{n}д"),
    }
}

/// A number and its noun in the right plural: `1 touchpoint`, `2 touchpoints`,
/// `21 касание`, `5 касаний`. Takes any integer (a `len()`, a `u32` of days).
pub fn count(locale: Locale, n: impl TryInto<i64>, noun: Noun) -> String {
    let n = whole(n);
    format!("{} {}", number(locale, n), plural::word(locale, noun, n))
}

/// Any integer as an `i64` (counts beyond it do not exist).
pub(super) fn whole(n: impl TryInto<i64>) -> i64 {
    n.try_into().unwrap_or(i64::MAX)
}

/// The spaces that fill `s` out to `width` columns (display width, so a
/// Cyrillic or emoji cell lines up as a Latin one); none when it is wider.
pub fn fill(s: &str, width: usize) -> String {
    " ".repeat(width.saturating_sub(s.width()))
}

/// Cut `s` to at most `max` columns, ending with `…` when cut (and only
/// then). Widths are display widths: `北` takes two columns, `🚀` two.
pub fn truncate(s: &str, max: usize) -> String {
    if s.width() <= max {
        s.to_string()
    } else {
        cut(s, max)
    }
}

/// The start of `s` and `…`, in at most `max` columns, whether `s` would
/// fit or not (for text cut because more follows it). Empty when `max` is 0.
pub fn cut(s: &str, max: usize) -> String {
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    // A variation selector can widen the character before it beyond the
    // sum of the two: measure the kept text once more.
    while out.width() + 1 > max {
        out.pop();
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_share_on_the_board_is_not_zero() {
        let share = |bp| share_compact(Locale::En, Some(bp));
        assert_eq!(share(0), "0%");
        assert_eq!(share(1), "<1%");
        assert_eq!(share(99), "<1%");
        assert_eq!(share(100), "1%");
        assert_eq!(share(1_499), "14%");
        assert_eq!(share_compact(Locale::En, None), "-");
    }
    use proptest::prelude::*;

    const EN: Locale = Locale::En;

    #[test]
    fn money_in_full_groups_thousands_and_keeps_kopecks() {
        assert_eq!(money(EN, Money::from_minor(125_000_050)), "1 250 000.50");
        assert_eq!(money(EN, Money::major(999)), "999.00");
        assert_eq!(money(EN, Money::from_minor(-5)), "-0.05");
        assert_eq!(money(EN, Money::ZERO), "0.00");
        assert_eq!(money_or_dash(EN, None), "-");
    }

    #[test]
    fn compact_money() {
        assert_eq!(money_compact(EN, Money::major(950)), "950");
        assert_eq!(money_compact(EN, Money::major(12_500)), "12k");
        assert_eq!(money_compact(EN, Money::major(1_250_000)), "1.2M");
        assert_eq!(money_compact(EN, Money::major(11_690_000)), "11.6M");
        assert_eq!(money_compact(EN, Money::major(-3_000_000)), "-3.0M");
    }

    #[test]
    fn a_column_is_compact_in_every_row_or_in_none() {
        let col = [Money::major(5), Money::major(11_600_000)];
        let form = MoneyForm::fitting(EN, col, 12);
        assert_eq!(form, MoneyForm::Compact);
        assert_eq!(form.show(EN, col[0]), "5");
        assert_eq!(MoneyForm::fitting(EN, col, 13), MoneyForm::Full);
        assert_eq!(MoneyForm::fitting(EN, [], 0), MoneyForm::Full);
    }

    #[test]
    fn percentages_have_two_decimals_and_no_space() {
        assert_eq!(percent(EN, 7235), "72.35%");
        assert_eq!(percent(EN, 5), "0.05%");
        assert_eq!(percent(EN, -150), "-1.50%");
        assert_eq!(percent(EN, 10_000), "100.00%");
        assert_eq!(percent_or_dash(EN, None), "-");
    }

    #[test]
    fn dates_are_iso_and_months_have_names() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        assert_eq!(date(EN, d), "2026-12-05");
        assert_eq!(date_or_dash(EN, None), "-");
        assert_eq!(month(EN, Month::of(d)), "Dec 2026");
        let jan = Month::parse("2027-01").unwrap();
        assert_eq!(month(EN, jan), "Jan 2027");
        assert_eq!(month_short(EN, jan), "Jan");
    }

    #[test]
    fn counts_take_the_plural() {
        assert_eq!(count(EN, 1, Noun::Touchpoint), "1 touchpoint");
        assert_eq!(count(EN, 2, Noun::Touchpoint), "2 touchpoints");
        assert_eq!(count(EN, 0, Noun::Client), "0 clients");
        assert_eq!(count(EN, 1_250, Noun::Row), "1 250 rows");
        assert_eq!(days(EN, 1), "1 day");
        assert_eq!(days(EN, 8), "8 days");
        assert_eq!(days_compact(EN, 12), "12d");
        assert_eq!(count(EN, 3, Noun::BadRow), "3 bad rows");
        assert_eq!(number(EN, -1_000), "-1 000");
    }

    const RU: Locale = Locale::Ru;

    #[test]
    fn russian_amounts_group_with_narrow_spaces_and_a_decimal_comma() {
        let m = Money::from_minor(125_000_050);
        assert_eq!(money(RU, m), "1\u{202F}250\u{202F}000,50");
        assert_eq!(money_in(RU, m, "RUB"), "1\u{202F}250\u{202F}000,50\u{A0}₽");
        assert_eq!(money_in(RU, m, "rub"), "1\u{202F}250\u{202F}000,50\u{A0}₽");
        assert_eq!(
            money_in(RU, m, "EUR"),
            "1\u{202F}250\u{202F}000,50\u{A0}EUR"
        );
        assert_eq!(money_in(EN, m, "RUB"), "1 250 000.50 RUB");
        assert_eq!(money(RU, Money::from_minor(-5)), "-0,05");
        assert_eq!(number(RU, 1_000), "1\u{202F}000");
        // A narrow space is one column: the Russian amount is as wide as the English.
        assert_eq!(money(RU, m).width(), money(EN, m).width());
        assert_eq!(money_in(RU, m, "RUB").width(), 14);
        assert_eq!(money_compact(RU, Money::major(12_500)), "12К");
        assert_eq!(money_compact(RU, Money::major(11_690_000)), "11,6М");
    }

    #[test]
    fn russian_percentages_dates_and_months() {
        assert_eq!(percent(RU, 9548), "95,48\u{A0}%");
        assert_eq!(percent(RU, -150), "-1,50\u{A0}%");
        assert_eq!(share_compact(RU, Some(50)), "<1\u{A0}%");
        assert_eq!(share_compact(RU, Some(1_499)), "14\u{A0}%");
        let d = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        assert_eq!(date(RU, d), "05.12.2026");
        assert_eq!(month(RU, Month::of(d)), "декабрь 2026");
        assert_eq!(month_short(RU, Month::of(d)), "дек");
        let may = Month::parse("2027-05").unwrap();
        assert_eq!(month(RU, may), "май 2027");
        assert_eq!(month_short(RU, may), "май");
        assert_eq!(month_compact(RU, may), "май 2027");
        assert_eq!(month_compact(EN, may), "May 2027");
        assert_eq!(days_compact(RU, 12), "12д");
    }

    #[test]
    fn russian_counts_take_the_cldr_plural() {
        let clients = |n: i64| count(RU, n, Noun::Client);
        assert_eq!(clients(0), "0 клиентов");
        assert_eq!(clients(1), "1 клиент");
        assert_eq!(clients(2), "2 клиента");
        assert_eq!(clients(5), "5 клиентов");
        assert_eq!(clients(11), "11 клиентов");
        assert_eq!(clients(21), "21 клиент");
        assert_eq!(clients(22), "22 клиента");
        assert_eq!(clients(25), "25 клиентов");
        assert_eq!(clients(111), "111 клиентов");
        assert_eq!(clients(1_001), "1\u{202F}001 клиент");
        assert_eq!(days(RU, 3), "3 дня");
        assert_eq!(count(RU, 12, Noun::Touchpoint), "12 касаний");
    }

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("北京北京", 5), "北京…");
        assert_eq!(truncate("北京北京", 4), "北…");
        assert_eq!(truncate("ООО Ромашка", 6), "ООО Р…");
        assert_eq!(truncate("🚀🚀🚀", 4), "🚀…");
        assert_eq!(truncate("ok", 4), "ok");
        assert_eq!(truncate("ok", 0), "");
        assert_eq!(truncate("abc", 1), "…");
        assert_eq!(cut("ok", 4), "ok…");
        assert_eq!(cut("ok", 2), "o…");
        assert_eq!(cut("ok", 0), "");
    }

    proptest! {
        #[test]
        fn truncate_never_exceeds_and_ends_with_an_ellipsis_exactly_when_cut(
            s in "\\PC{0,30}", max in 0usize..40,
        ) {
            let out = truncate(&s, max);
            prop_assert!(out.width() <= max, "{out:?} wider than {max}");
            let cut = s.width() > max;
            // Under one column not even the ellipsis fits.
            prop_assert_eq!(out.ends_with('…') && out != s, cut && max > 0);
            if !cut {
                prop_assert_eq!(&out, &s);
            } else if max > 0 {
                let kept = out.strip_suffix('…').unwrap_or("");
                prop_assert!(s.starts_with(kept));
            }
        }
    }
}
