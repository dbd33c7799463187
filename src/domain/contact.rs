//! How a contact person's email and phone must look. Both doors (the
//! command line and the TUI) save contacts through `ops`, which checks
//! these; stored records are not checked again until their email or phone
//! is changed.

use super::Refusal;
use super::text;

/// Why an email or phone was refused, naming the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct ContactError {
    pub field: &'static str,
    pub reason: Refusal,
}

/// An email: one `@`, text before it, a dot in the part after it
/// (`ann@example.com`). Deliberately loose: the address is for people to
/// read, folio sends nothing.
pub fn check_email(email: &str) -> Result<(), ContactError> {
    let email = email.trim();
    let ok = match email.split_once('@') {
        Some((local, domain)) => !local.is_empty() && !domain.contains('@') && domain.contains('.'),
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(ContactError {
            field: "email",
            reason: Refusal::Email(text::escape(email).into_owned()),
        })
    }
}

/// The fewest digits a phone number has.
pub const MIN_PHONE_DIGITS: usize = 5;

/// A phone: digits, spaces, `+`, `-`, `(` and `)` only, with at least
/// [`MIN_PHONE_DIGITS`] digits (`+7 (495) 123-45-67`).
pub fn check_phone(phone: &str) -> Result<(), ContactError> {
    let phone = phone.trim();
    let value = || text::escape(phone).into_owned();
    let refuse = |reason: Refusal| ContactError {
        field: "phone",
        reason,
    };
    if let Some(c) = phone
        .chars()
        .find(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')')))
    {
        return Err(refuse(Refusal::PhoneCharacter {
            value: value(),
            found: text::escape(&c.to_string()).into_owned(),
        }));
    }
    if phone.chars().filter(char::is_ascii_digit).count() < MIN_PHONE_DIGITS {
        return Err(refuse(Refusal::PhoneDigits {
            value: value(),
            min: MIN_PHONE_DIGITS,
        }));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_has_one_at_text_before_it_and_a_dot_after_it() {
        for good in [
            "a@b.c",
            "ООО@пример.рф",
            "ann.lee+crm@mail.example.com",
            " a@b.c ",
        ] {
            assert_eq!(check_email(good), Ok(()), "{good}");
        }
        for bad in [
            "nobody", "a@b", "@b.c", "a@@b.c", "a@b@c.d", "a.b@c", "", "@",
        ] {
            let e = check_email(bad).unwrap_err();
            assert_eq!(e.field, "email", "{bad}");
            assert!(e.to_string().starts_with("email: '"), "{e}");
        }
    }

    #[test]
    fn a_phone_has_only_phone_characters_and_five_digits() {
        for good in [
            "+7 (495) 123-45-67",
            "12345",
            "+7 916 100-10-11",
            "8-800-555-35-35",
        ] {
            assert_eq!(check_phone(good), Ok(()), "{good}");
        }
        let e = check_phone("12-34").unwrap_err();
        assert_eq!(e.to_string(), "phone: '12-34' has fewer than 5 digits");
        let e = check_phone("abc12345").unwrap_err();
        assert_eq!(
            e.to_string(),
            "phone: 'abc12345' has 'a': a phone holds only digits, spaces, + - ( )"
        );
        assert!(check_phone("١٢٣٤٥").is_err(), "ASCII digits only");
        assert!(check_phone("123 45 ext. 6").is_err());
    }
}
