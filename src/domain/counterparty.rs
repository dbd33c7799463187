//! Counterparties: a client as a bank statement or 1C names it. A bank
//! writes `ООО "РОМАШКА"`, a CRM `Ромашка ООО`, a person `ООО «Ромашка»`:
//! one client, found by its ИНН (taxpayer number) or by its name with the
//! legal form, quotes, case and spacing left out ([`counterparty_key`]).

use super::model::fold;
use super::text::strip_invisible;

/// Why an ИНН is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InnError {
    /// Not 10 or 12 digits (spaces and other characters included).
    #[error("'{}' is not an ИНН (10 digits for an organisation, 12 for a person)", shown(.0))]
    Shape(String),
    /// 10 or 12 digits whose check digits are wrong (a typo).
    #[error("'{0}' is not a valid ИНН: its check digit is wrong (a typo?)")]
    Checksum(String),
}

/// A value quoted in a message, cut short if long.
pub(crate) fn shown(s: &str) -> String {
    match s.char_indices().nth(20) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

/// Weights of the check digits (the tax service's rule): a 10-digit ИНН
/// checks its last digit with [`W10`], a 12-digit one its 11th with [`W11`]
/// and its 12th with [`W12`]; each is the weighted sum mod 11, mod 10.
const W10: [u32; 9] = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11: [u32; 10] = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12: [u32; 11] = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

fn check_digit(digits: &[u32], weights: &[u32]) -> u32 {
    let sum: u32 = digits.iter().zip(weights).map(|(d, w)| d * w).sum();
    sum % 11 % 10
}

/// An ИНН as typed: surrounding spaces trimmed, then exactly 10 or 12
/// digits with the right check digits. Returns the digits.
pub fn check_inn(text: &str) -> Result<String, InnError> {
    let s = text.trim();
    let digits: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
    let all_digits = s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits || !(digits.len() == 10 || digits.len() == 12) {
        return Err(InnError::Shape(s.to_string()));
    }
    let ok = if digits.len() == 10 {
        check_digit(&digits[..9], &W10) == digits[9]
    } else {
        check_digit(&digits[..10], &W11) == digits[10]
            && check_digit(&digits[..11], &W12) == digits[11]
    };
    if ok {
        Ok(s.to_string())
    } else {
        Err(InnError::Checksum(s.to_string()))
    }
}

/// Legal forms, folded (see [`counterparty_key`]), in words: left out at
/// the start or the end of a name. Longest first, so the full "публичное
/// акционерное общество" is taken whole, not its tail.
const LEGAL_FORMS: &[&[&str]] = &[
    &["общество", "с", "ограниченной", "ответственностью"],
    &["публичное", "акционерное", "общество"],
    &["закрытое", "акционерное", "общество"],
    &["акционерное", "общество"],
    &["индивидуальный", "предприниматель"],
    &["ооо"],
    &["ип"],
    &["ао"],
    &["пао"],
    &["зао"],
];

/// Quotation marks a name may carry: straight, «guillemets», „German“ and
/// “English” ones, and single quotes of each kind.
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '«' | '»' | '„' | '“' | '”' | '\'' | '‘' | '’' | '‚'
    )
}

/// A counterparty's name as matching compares it: case folded (`ё` as
/// `е`), invisible characters and quotation marks left out, words split at
/// spaces and commas, and a legal form (ООО, ИП, АО, ПАО, ЗАО or one
/// written out) dropped from the start or the end. `ООО "РОМАШКА"`,
/// `Ромашка ООО`, `ООО «Ромашка»` and `ромашка, ооо` all give `ромашка`.
/// A name that is only a legal form keeps it (`ООО` gives `ооо`).
pub fn counterparty_key(name: &str) -> String {
    let folded = fold(&strip_invisible(name));
    let cleaned: String = folded.chars().filter(|c| !is_quote(*c)).collect();
    let mut words: Vec<&str> = cleaned
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for form in LEGAL_FORMS {
        if words.len() > form.len() && words.starts_with(form) {
            words.drain(..form.len());
            break;
        }
    }
    for form in LEGAL_FORMS {
        if words.len() > form.len() && words.ends_with(form) {
            words.truncate(words.len() - form.len());
            break;
        }
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_inns_of_both_lengths_pass() {
        // Sberbank (10 digits) and a person's 12-digit ИНН.
        assert_eq!(check_inn("7707083893"), Ok("7707083893".to_string()));
        assert_eq!(check_inn(" 500100732259 "), Ok("500100732259".to_string()));
        assert!(check_inn("7728168971").is_ok());
    }

    #[test]
    fn a_wrong_check_digit_is_refused() {
        assert_eq!(
            check_inn("7707083894"),
            Err(InnError::Checksum("7707083894".into()))
        );
        // Either of a 12-digit ИНН's two check digits.
        assert!(matches!(
            check_inn("500100732269"),
            Err(InnError::Checksum(_))
        ));
        assert!(matches!(
            check_inn("500100732258"),
            Err(InnError::Checksum(_))
        ));
        let message = check_inn("7707083894").unwrap_err().to_string();
        assert!(message.contains("check digit"), "{message}");
    }

    #[test]
    fn other_shapes_are_refused() {
        for bad in [
            "",
            "123",
            "77070838930",
            "7707 083893",
            "770708389a",
            "７７０７０８３８９３",
            "1234567890123",
        ] {
            assert!(matches!(check_inn(bad), Err(InnError::Shape(_))), "{bad:?}");
        }
    }

    #[test]
    fn a_counterparty_written_three_ways_is_one_key() {
        let key = counterparty_key("ООО Ромашка");
        assert_eq!(key, "ромашка");
        for written in [
            "ООО \"РОМАШКА\"",
            "Ромашка ООО",
            "ООО «Ромашка»",
            "ооо „Ромашка“",
            "Ромашка, ООО",
            "  ООО   Ромашка\u{200B} ",
            "Общество с ограниченной ответственностью \"Ромашка\"",
        ] {
            assert_eq!(counterparty_key(written), key, "{written}");
        }
    }

    #[test]
    fn each_legal_form_is_dropped_leading_or_trailing_in_any_case() {
        for form in [
            "ООО",
            "ип",
            "Ао",
            "ПАО",
            "зао",
            "Индивидуальный предприниматель",
        ] {
            assert_eq!(
                counterparty_key(&format!("{form} Лютик")),
                "лютик",
                "{form}"
            );
            assert_eq!(
                counterparty_key(&format!("Лютик {form}")),
                "лютик",
                "{form}"
            );
        }
        // Only as a whole word, once at each end, never the name itself.
        assert_eq!(counterparty_key("Аон Групп"), "аон групп");
        assert_eq!(counterparty_key("ООО Ромашка-Плюс АО"), "ромашка-плюс");
        assert_eq!(counterparty_key("ООО"), "ооо");
        assert_eq!(counterparty_key("ИП Ёлкин Иван"), "елкин иван");
    }

    #[test]
    fn different_names_stay_different() {
        assert_ne!(
            counterparty_key("ООО Ромашка"),
            counterparty_key("ООО Лютик")
        );
        assert_ne!(counterparty_key("Ромашка 2"), counterparty_key("Ромашка"));
        assert_eq!(counterparty_key("\"\""), "");
    }
}
