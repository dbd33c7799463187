//! Counted words: "1 touchpoint", "2 touchpoints". The nouns are one table
//! (`Noun`), and the plural category of a number is one rule per locale, so
//! a language with more categories (Russian: one, few, many) is an added
//! match arm, not new strings at every call site.

use super::Locale;

/// The plural categories of CLDR (as Fluent names them). English uses only
/// `One` and `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    One,
    Few,
    Many,
    Other,
}

/// The category of `n` in `locale`.
pub fn category(locale: Locale, n: i64) -> Plural {
    match locale {
        Locale::En => {
            if n == 1 {
                Plural::One
            } else {
                Plural::Other
            }
        }
    }
}

/// Every counted word shown to people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    Agreement,
    BadRow,
    BrokenAgreement,
    Client,
    Contact,
    Day,
    Invoice,
    Line,
    NewClient,
    OverdueAgreement,
    Payment,
    Problem,
    Record,
    Row,
    Touchpoint,
}

impl Noun {
    pub const ALL: &'static [Noun] = &[
        Noun::Agreement,
        Noun::BadRow,
        Noun::BrokenAgreement,
        Noun::Client,
        Noun::Contact,
        Noun::Day,
        Noun::Invoice,
        Noun::Line,
        Noun::NewClient,
        Noun::OverdueAgreement,
        Noun::Payment,
        Noun::Problem,
        Noun::Record,
        Noun::Row,
        Noun::Touchpoint,
    ];
}

/// The word for `noun` in `category`.
pub fn word(locale: Locale, noun: Noun, category: Plural) -> &'static str {
    match locale {
        Locale::En => {
            let (one, other) = english(noun);
            if category == Plural::One { one } else { other }
        }
    }
}

/// English singular and plural.
fn english(noun: Noun) -> (&'static str, &'static str) {
    match noun {
        Noun::Agreement => ("agreement", "agreements"),
        Noun::BadRow => ("bad row", "bad rows"),
        Noun::BrokenAgreement => ("broken agreement", "broken agreements"),
        Noun::Client => ("client", "clients"),
        Noun::Contact => ("contact", "contacts"),
        Noun::Day => ("day", "days"),
        Noun::Invoice => ("invoice", "invoices"),
        Noun::Line => ("line", "lines"),
        Noun::NewClient => ("new client", "new clients"),
        Noun::OverdueAgreement => ("overdue agreement", "overdue agreements"),
        Noun::Payment => ("payment", "payments"),
        Noun::Problem => ("problem", "problems"),
        Noun::Record => ("record", "records"),
        Noun::Row => ("row", "rows"),
        Noun::Touchpoint => ("touchpoint", "touchpoints"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_has_one_and_other() {
        assert_eq!(category(Locale::En, 1), Plural::One);
        for n in [0, 2, 5, 11, 21, 101, -1] {
            assert_eq!(category(Locale::En, n), Plural::Other, "{n}");
        }
    }

    #[test]
    fn every_noun_has_two_distinct_english_forms() {
        for &noun in Noun::ALL {
            let one = word(Locale::En, noun, Plural::One);
            let other = word(Locale::En, noun, Plural::Other);
            assert!(!one.is_empty() && one != other, "{noun:?}");
            assert!(!one.contains("(s)") && !other.contains("(s)"), "{noun:?}");
        }
    }
}
