//! The form widget: labelled fields, checked as you type with the same
//! parsers as the command line, edited with a cursor. Which fields a form
//! has and what it parses into is `forms`'.

use std::fmt;

use chrono::NaiveDate;

use super::words;
use crate::domain::{Money, Month, parse_date};
use crate::format::Locale;

/// What a field holds, and so how its text is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    Text {
        required: bool,
    },
    Date {
        required: bool,
    },
    Month,
    Amount {
        positive: bool,
    },
    /// Whole number within a range; empty allowed when not required.
    Number {
        min: u32,
        max: u32,
        required: bool,
    },
    /// One of a fixed set of words; Left/Right or typing cycles.
    Choice(Vec<&'static str>),
    /// A client name that must exist (checked against the names given).
    Client,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: &'static str,
    pub kind: FieldKind,
    pub value: String,
    /// Cursor position in characters.
    pub cursor: usize,
}

/// A checked field value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(Option<String>),
    Date(Option<NaiveDate>),
    Month(Month),
    Amount(Money),
    Number(Option<u32>),
    Choice(&'static str),
    Client(String),
}

/// Why a form cannot be saved: which field, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// What [`validate`] said of `field` (`note`, English), in `loc`: a value
/// that does not parse as `format::errors` words it, the fixed notes as
/// `words::form_note` does.
pub fn check_note(loc: Locale, field: &Field, note: &str) -> String {
    use crate::format::{Arg, explain_error, text_with};
    let v = field.value.trim();
    let parsed = match &field.kind {
        FieldKind::Date { .. } if !v.is_empty() => {
            parse_date(v).err().map(|e| explain_error(loc, &e))
        }
        FieldKind::Month => Month::parse(v).err().map(|e| explain_error(loc, &e)),
        FieldKind::Amount { positive: true } => Money::parse_positive(v)
            .err()
            .map(|e| explain_error(loc, &e)),
        FieldKind::Amount { positive: false } => {
            Money::parse(v).err().map(|e| explain_error(loc, &e))
        }
        FieldKind::Number { min, max, .. } if note.starts_with("a whole number") => {
            let (min, max) = (i64::from(*min), i64::from(*max));
            let args: [(&str, Arg); 2] = [("min", min.into()), ("max", max.into())];
            Some(text_with(loc, "form-whole-number", &args))
        }
        FieldKind::Choice(options) if note.starts_with("one of: ") => {
            let shown: Vec<String> = options.iter().map(|o| words::choice(loc, o)).collect();
            let shown = shown.join(", ");
            Some(text_with(
                loc,
                "form-one-of",
                &[("options", shown.as_str().into())],
            ))
        }
        _ => None,
    };
    parsed.unwrap_or_else(|| words::form_note(loc, note))
}

/// Check one field's text. `clients` are the names a Client field accepts.
pub fn validate(field: &Field, clients: &[String]) -> Result<Value, String> {
    let v = field.value.trim();
    match &field.kind {
        FieldKind::Text { required } => {
            if v.is_empty() {
                if *required {
                    Err("required".into())
                } else {
                    Ok(Value::Text(None))
                }
            } else if v.chars().count() > crate::ops::MAX_TEXT {
                Err("too long".into())
            } else {
                Ok(Value::Text(Some(v.to_string())))
            }
        }
        FieldKind::Date { required } => {
            if v.is_empty() {
                if *required {
                    Err("required (YYYY-MM-DD or DD.MM.YYYY)".into())
                } else {
                    Ok(Value::Date(None))
                }
            } else {
                parse_date(v)
                    .map(|d| Value::Date(Some(d)))
                    .map_err(|e| e.to_string())
            }
        }
        FieldKind::Month => Month::parse(v).map(Value::Month).map_err(|e| e.to_string()),
        FieldKind::Amount { positive } => {
            let parsed = if *positive {
                Money::parse_positive(v)
            } else {
                Money::parse(v)
            };
            parsed.map(Value::Amount).map_err(|e| e.to_string())
        }
        FieldKind::Number { min, max, required } => {
            if v.is_empty() {
                return if *required {
                    Err("required".into())
                } else {
                    Ok(Value::Number(None))
                };
            }
            match v.parse::<u32>() {
                Ok(n) if (*min..=*max).contains(&n) => Ok(Value::Number(Some(n))),
                _ => Err(format!("a whole number from {min} to {max}")),
            }
        }
        FieldKind::Choice(options) => options
            .iter()
            .find(|o| o.eq_ignore_ascii_case(v))
            .map(|o| Value::Choice(o))
            .ok_or_else(|| format!("one of: {}", options.join(", "))),
        FieldKind::Client => {
            let key = crate::domain::name_key(v);
            if v.is_empty() {
                return Err("required".into());
            }
            clients
                .iter()
                .find(|c| crate::domain::name_key(c) == key)
                .map(|c| Value::Client(c.clone()))
                .ok_or_else(|| "no such client".into())
        }
    }
}

impl Field {
    pub fn new(label: &'static str, kind: FieldKind, value: impl Into<String>) -> Field {
        let value = value.into();
        let cursor = value.chars().count();
        Field {
            label,
            kind,
            value,
            cursor,
        }
    }

    pub fn text(label: &'static str, required: bool, value: impl Into<String>) -> Field {
        Field::new(label, FieldKind::Text { required }, value)
    }

    /// A date field, `value` written as `locale` writes dates (either
    /// form is read back).
    pub fn date(
        label: &'static str,
        required: bool,
        value: Option<NaiveDate>,
        locale: crate::format::Locale,
    ) -> Field {
        let value = value
            .map(|d| crate::format::date(locale, d))
            .unwrap_or_default();
        Field::new(label, FieldKind::Date { required }, value)
    }

    /// A month field, `value` as `locale` writes a month in figures
    /// (`2026-11`, `11.2026`; either is read back).
    pub fn for_month(label: &'static str, value: Month, locale: crate::format::Locale) -> Field {
        let value = match locale {
            crate::format::Locale::En => value.to_string(),
            crate::format::Locale::Ru => format!("{:02}.{}", value.month(), value.year()),
        };
        Field::new(label, FieldKind::Month, value)
    }

    /// A field for an amount, `value` in plain digits with the decimal mark of
    /// `locale` (`1250000.50`, `1250000,50`; either is read back).
    pub fn money(
        label: &'static str,
        positive: bool,
        value: Option<Money>,
        locale: crate::format::Locale,
    ) -> Field {
        let plain = value.map(Money::to_plain).unwrap_or_default();
        let value = match locale {
            crate::format::Locale::En => plain,
            crate::format::Locale::Ru => plain.replace('.', ","),
        };
        Field::new(label, FieldKind::Amount { positive }, value)
    }

    pub fn choice(label: &'static str, options: Vec<&'static str>, value: &str) -> Field {
        Field::new(label, FieldKind::Choice(options), value)
    }

    // Reading a checked field as the type its kind gives. A form reads
    // each field by name; asking a field for a type its kind does not give
    // is a mistake in the form, said as an error naming the field.

    fn error(&self, message: impl Into<String>) -> FieldError {
        FieldError {
            field: self.label,
            message: message.into(),
        }
    }

    fn checked(&self, clients: &[String]) -> Result<Value, FieldError> {
        validate(self, clients).map_err(|e| self.error(e))
    }

    fn mismatch(&self, wanted: &str) -> FieldError {
        self.error(format!("is not {wanted} field"))
    }

    /// A text field: trimmed, `None` when empty.
    pub fn optional_text(&self) -> Result<Option<String>, FieldError> {
        match self.checked(&[])? {
            Value::Text(t) => Ok(t),
            _ => Err(self.mismatch("a text")),
        }
    }

    pub fn required_text(&self) -> Result<String, FieldError> {
        self.optional_text()?.ok_or_else(|| self.error("required"))
    }

    pub fn optional_date(&self) -> Result<Option<NaiveDate>, FieldError> {
        match self.checked(&[])? {
            Value::Date(d) => Ok(d),
            _ => Err(self.mismatch("a date")),
        }
    }

    pub fn required_date(&self) -> Result<NaiveDate, FieldError> {
        self.optional_date()?.ok_or_else(|| self.error("required"))
    }

    pub fn month(&self) -> Result<Month, FieldError> {
        match self.checked(&[])? {
            Value::Month(m) => Ok(m),
            _ => Err(self.mismatch("a month")),
        }
    }

    pub fn amount(&self) -> Result<Money, FieldError> {
        match self.checked(&[])? {
            Value::Amount(m) => Ok(m),
            _ => Err(self.mismatch("an amount")),
        }
    }

    /// A number field: `None` when empty.
    pub fn number(&self) -> Result<Option<u32>, FieldError> {
        match self.checked(&[])? {
            Value::Number(n) => Ok(n),
            _ => Err(self.mismatch("a number")),
        }
    }

    /// A choice, parsed into the domain's type (`Tier::parse`, ...).
    pub fn choice_as<T, E>(&self, parse: impl Fn(&str) -> Result<T, E>) -> Result<T, FieldError> {
        match self.checked(&[])? {
            Value::Choice(c) => parse(c).map_err(|_| self.error(format!("cannot be {c}"))),
            _ => Err(self.mismatch("a choice")),
        }
    }

    /// A yes/no choice.
    pub fn yes(&self) -> Result<bool, FieldError> {
        self.choice_as(|c| match c {
            "yes" => Ok(true),
            "no" => Ok(false),
            _ => Err(()),
        })
    }

    /// A client field: the name as the portfolio spells it.
    pub fn client(&self, clients: &[String]) -> Result<String, FieldError> {
        match self.checked(clients)? {
            Value::Client(name) => Ok(name),
            _ => Err(self.mismatch("a client")),
        }
    }

    // Editing.

    fn is_choice(&self) -> bool {
        matches!(self.kind, FieldKind::Choice(_))
    }

    pub fn insert(&mut self, c: char) {
        if let FieldKind::Choice(options) = &self.kind {
            // Typing a letter picks the first option starting with it, in
            // English or in Russian (`з` picks gold: золотой).
            let lower = crate::domain::fold(&c.to_string());
            let russian = |o: &str| {
                crate::domain::russian_word(o)
                    .is_some_and(|ru| crate::domain::fold(ru).starts_with(&lower))
            };
            if let Some(o) = options
                .iter()
                .find(|o| o.to_lowercase().starts_with(&lower) || russian(o))
            {
                self.value = (*o).to_string();
                self.cursor = self.value.chars().count();
            }
            return;
        }
        let byte = byte_index(&self.value, self.cursor);
        self.value.insert(byte, c);
        self.cursor += 1;
    }

    // A choice changes only with Left/Right or a first letter: the keys
    // that delete text leave it as it is.

    pub fn backspace(&mut self) {
        if self.is_choice() {
            return;
        }
        if self.cursor > 0 {
            let byte = byte_index(&self.value, self.cursor - 1);
            self.value.remove(byte);
            self.cursor -= 1;
        }
    }

    pub fn delete(&mut self) {
        if self.is_choice() {
            return;
        }
        if self.cursor < self.value.chars().count() {
            let byte = byte_index(&self.value, self.cursor);
            self.value.remove(byte);
        }
    }

    /// Ctrl-W: delete the word before the cursor, as a shell does.
    pub fn delete_word(&mut self) {
        if self.is_choice() {
            return;
        }
        let start = word_start(&self.value, self.cursor);
        self.delete_before(start);
    }

    /// Ctrl-U: delete from the start of the line to the cursor (readline's
    /// Ctrl-U kills to the start too; what is after the cursor stays).
    pub fn delete_line(&mut self) {
        if self.is_choice() {
            return;
        }
        self.delete_before(0);
    }

    /// Delete the characters from `start` up to the cursor.
    fn delete_before(&mut self, start: usize) {
        let from = byte_index(&self.value, start);
        let to = byte_index(&self.value, self.cursor);
        self.value.replace_range(from..to, "");
        self.cursor = start;
    }

    pub fn left(&mut self) {
        if let FieldKind::Choice(options) = &self.kind {
            let options = options.clone();
            self.cycle(&options, -1);
        } else {
            self.cursor = self.cursor.saturating_sub(1);
        }
    }

    pub fn right(&mut self) {
        if let FieldKind::Choice(options) = &self.kind {
            let options = options.clone();
            self.cycle(&options, 1);
        } else {
            self.cursor = (self.cursor + 1).min(self.value.chars().count());
        }
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.value.chars().count();
    }

    /// Complete a Client field from the known names (first match by
    /// prefix, then by substring, ignoring case).
    pub fn complete(&mut self, clients: &[String]) {
        if self.kind != FieldKind::Client {
            return;
        }
        let typed = crate::domain::fold(self.value.trim());
        if typed.is_empty() {
            return;
        }
        let found = clients
            .iter()
            .find(|c| crate::domain::fold(c).starts_with(&typed))
            .or_else(|| {
                clients
                    .iter()
                    .find(|c| crate::domain::fold(c).contains(&typed))
            });
        if let Some(name) = found {
            self.value = name.clone();
            self.cursor = self.value.chars().count();
        }
    }

    fn cycle(&mut self, options: &[&'static str], step: i32) {
        let n = options.len() as i32;
        if n == 0 {
            return;
        }
        let current = options
            .iter()
            .position(|o| o.eq_ignore_ascii_case(self.value.trim()))
            .map(|i| i as i32)
            .unwrap_or(-1);
        let next = (current + step).rem_euclid(n) as usize;
        self.value = options[next].to_string();
        self.cursor = self.value.chars().count();
    }
}

/// Where the word before `cursor` (in characters) starts, as a shell's
/// Ctrl-W sees it: the spaces left of the cursor, then the non-spaces.
pub fn word_start(s: &str, cursor: usize) -> usize {
    let before: Vec<char> = s.chars().take(cursor).collect();
    let mut i = before.len();
    while i > 0 && before[i - 1].is_whitespace() {
        i -= 1;
    }
    while i > 0 && !before[i - 1].is_whitespace() {
        i -= 1;
    }
    i
}

/// A filter line (edited at its end) without its last word: Ctrl-W.
pub fn drop_last_word(s: &mut String) {
    let start = word_start(s, s.chars().count());
    s.truncate(byte_index(s, start));
}

fn byte_index(s: &str, chars: usize) -> usize {
    s.char_indices()
        .nth(chars)
        .map(|(i, _)| i)
        .unwrap_or(s.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_with_the_cli_rules() {
        let f = |kind, v: &str| validate(&Field::new("x", kind, v), &["Acme".to_string()]);
        assert_eq!(
            f(FieldKind::Date { required: true }, "23.11.2026"),
            Ok(Value::Date(NaiveDate::from_ymd_opt(2026, 11, 23)))
        );
        assert!(f(FieldKind::Date { required: true }, "2026-02-30").is_err());
        assert_eq!(
            f(FieldKind::Date { required: false }, ""),
            Ok(Value::Date(None))
        );
        assert_eq!(
            f(FieldKind::Amount { positive: true }, "1 250 000,50"),
            Ok(Value::Amount(Money::from_minor(125_000_050)))
        );
        assert!(f(FieldKind::Amount { positive: true }, "-5").is_err());
        assert!(f(FieldKind::Amount { positive: true }, "0").is_err());
        assert!(f(FieldKind::Text { required: true }, "  ").is_err());
        assert_eq!(
            f(FieldKind::Client, "acme"),
            Ok(Value::Client("Acme".into()))
        );
        assert!(f(FieldKind::Client, "nobody").is_err());
        assert_eq!(
            f(
                FieldKind::Number {
                    min: 1,
                    max: 10,
                    required: false
                },
                ""
            ),
            Ok(Value::Number(None))
        );
        assert!(
            f(
                FieldKind::Number {
                    min: 1,
                    max: 10,
                    required: false
                },
                "11"
            )
            .is_err()
        );
        assert_eq!(
            f(FieldKind::Choice(vec!["call", "email"]), "Email"),
            Ok(Value::Choice("email"))
        );
    }

    #[test]
    fn editing_handles_multibyte_text() {
        let mut f = Field::text("name", true, "");
        for c in "Рома".chars() {
            f.insert(c);
        }
        f.left();
        f.backspace();
        assert_eq!(f.value, "Роа");
        f.home();
        f.insert('🚀');
        assert_eq!(f.value, "🚀Роа");
        f.end();
        f.delete();
        assert_eq!(f.value, "🚀Роа");
    }

    #[test]
    fn fields_read_as_their_type_or_name_themselves() {
        let clients = ["ООО Ромашка".to_string(), "Acme".to_string()];
        let mut client = Field::new("Client", FieldKind::Client, "ром");
        assert_eq!(
            client.client(&clients),
            Err(FieldError {
                field: "Client",
                message: "no such client".into()
            })
        );
        client.complete(&clients);
        assert_eq!(client.value, "ООО Ромашка");
        assert_eq!(client.client(&clients).as_deref(), Ok("ООО Ромашка"));
        let amount = Field::new("Amount", FieldKind::Amount { positive: true }, "1.255");
        assert!(
            amount
                .amount()
                .unwrap_err()
                .to_string()
                .starts_with("Amount: ")
        );
        let amount = Field::new("Amount", FieldKind::Amount { positive: true }, "1 000");
        assert_eq!(amount.amount(), Ok(Money::major(1000)));
        assert_eq!(Field::text("Note", false, "  ").optional_text(), Ok(None));
        assert_eq!(
            Field::text("Reason", true, "")
                .required_text()
                .unwrap_err()
                .field,
            "Reason"
        );
        // Asking a field for what its kind does not give is an error, not a
        // default.
        assert!(Field::text("Note", false, "x").optional_date().is_err());
    }

    #[test]
    fn choices_cycle_and_pick_by_letter() {
        let mut f = Field::choice("kind", vec!["call", "meeting", "email"], "call");
        f.right();
        assert_eq!(f.value, "meeting");
        f.left();
        f.left();
        assert_eq!(f.value, "email");
        f.insert('c');
        assert_eq!(f.value, "call");
        assert_eq!(
            f.choice_as(crate::domain::TouchKind::parse),
            Ok(crate::domain::TouchKind::Call)
        );
        f.insert('M');
        assert_eq!(f.value, "meeting", "a capital letter picks too");
        f.insert('z');
        assert_eq!(f.value, "meeting", "a letter no choice starts with");
        // A Russian first letter picks by the Russian word.
        f.insert('з');
        assert_eq!(f.value, "call", "звонок");
        f.insert('П');
        assert_eq!(f.value, "email", "письмо");
        let mut tier = Field::choice("Tier", vec!["gold", "potential", "toxic"], "potential");
        tier.insert('т');
        assert_eq!(tier.value, "toxic");
    }

    #[test]
    fn keys_that_delete_text_leave_a_choice_alone() {
        let mut f = Field::choice("Kind", vec!["call", "meeting", "email"], "call");
        f.backspace();
        assert_eq!(f.value, "call");
        f.home();
        f.delete();
        assert_eq!(f.value, "call");
        f.delete_word();
        f.delete_line();
        assert_eq!(f.value, "call");
        assert_eq!(
            f.choice_as(crate::domain::TouchKind::parse),
            Ok(crate::domain::TouchKind::Call)
        );
    }

    #[test]
    fn ctrl_w_deletes_a_word_and_ctrl_u_the_line_before_the_cursor() {
        let mut f = Field::text("Summary", true, "Созвон по  плану ");
        f.delete_word();
        assert_eq!((f.value.as_str(), f.cursor), ("Созвон по  ", 11));
        f.delete_word();
        assert_eq!((f.value.as_str(), f.cursor), ("Созвон ", 7));
        // In the middle of a word: only its part left of the cursor goes.
        let mut f = Field::text("Summary", true, "send the deck");
        f.cursor = 6; // "send t|he deck"
        f.delete_word();
        assert_eq!((f.value.as_str(), f.cursor), ("send he deck", 5));
        f.delete_line();
        assert_eq!((f.value.as_str(), f.cursor), ("he deck", 0));
        f.delete_word();
        f.delete_line();
        assert_eq!((f.value.as_str(), f.cursor), ("he deck", 0));
        f.end();
        f.delete_line();
        assert_eq!((f.value.as_str(), f.cursor), ("", 0));
        // Spaces only: they go, as in a shell.
        let mut f = Field::text("Note", false, "   ");
        f.delete_word();
        assert_eq!(f.value, "");

        let mut filter = String::from("ром  отчёт");
        drop_last_word(&mut filter);
        assert_eq!(filter, "ром  ");
        drop_last_word(&mut filter);
        assert_eq!(filter, "");
        drop_last_word(&mut filter);
        assert_eq!(filter, "");
    }
}
