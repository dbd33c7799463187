//! Counted words: "1 touchpoint", "2 touchpoints", "21 касание". The nouns
//! are one table (`Noun`), each a Fluent message (`noun-...` in
//! `assets/locales/*/format.ftl`) whose form the count chooses by the
//! language's CLDR plural rules (Russian has one, few and many).

use super::Locale;
use super::messages::text_with;

/// Every counted word shown to people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    Agreement,
    BadRow,
    Client,
    Day,
    Invoice,
    Line,
    NewClient,
    Payment,
    Problem,
    Record,
    Row,
    Touchpoint,
}

impl Noun {
    /// The noun's message id.
    fn id(self) -> &'static str {
        match self {
            Noun::Agreement => "noun-agreement",
            Noun::BadRow => "noun-bad-row",
            Noun::Client => "noun-client",
            Noun::Day => "noun-day",
            Noun::Invoice => "noun-invoice",
            Noun::Line => "noun-line",
            Noun::NewClient => "noun-new-client",
            Noun::Payment => "noun-payment",
            Noun::Problem => "noun-problem",
            Noun::Record => "noun-record",
            Noun::Row => "noun-row",
            Noun::Touchpoint => "noun-touchpoint",
        }
    }
}

/// The word for `noun` in the plural `n` takes in `locale`.
pub fn word(locale: Locale, noun: Noun, n: i64) -> String {
    text_with(locale, noun.id(), &[("n", n.into())])
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: &[Noun] = &[
        Noun::Agreement,
        Noun::BadRow,
        Noun::Client,
        Noun::Day,
        Noun::Invoice,
        Noun::Line,
        Noun::NewClient,
        Noun::Payment,
        Noun::Problem,
        Noun::Record,
        Noun::Row,
        Noun::Touchpoint,
    ];

    #[test]
    fn every_noun_has_two_distinct_english_forms() {
        for &noun in ALL {
            let one = word(Locale::En, noun, 1);
            let other = word(Locale::En, noun, 2);
            assert!(!one.is_empty() && one != other, "{noun:?}");
            assert!(!one.contains("(s)") && !other.contains("(s)"), "{noun:?}");
            assert_eq!(word(Locale::En, noun, 0), other, "{noun:?}");
        }
    }

    #[test]
    fn every_noun_has_three_russian_forms() {
        for &noun in ALL {
            let forms = [1, 2, 5].map(|n| word(Locale::Ru, noun, n));
            assert!(
                forms[0] != forms[1] && forms[1] != forms[2],
                "{noun:?}: {forms:?}"
            );
            assert!(forms.iter().all(|f| !f.starts_with("noun-")), "{noun:?}");
            assert_eq!(word(Locale::Ru, noun, 21), forms[0], "{noun:?}");
            assert_eq!(word(Locale::Ru, noun, 22), forms[1], "{noun:?}");
            assert_eq!(word(Locale::Ru, noun, 11), forms[2], "{noun:?}");
        }
    }
}
