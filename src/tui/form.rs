//! The form widget: labelled fields, checked as you type with the same
//! parsers as the command line, edited with a cursor. Which fields a form
//! has and what it parses into is `forms`'.

use std::fmt;

use chrono::NaiveDate;

use super::words;
use crate::domain::{DateError, Money, MoneyError, Month, parse_date};
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

/// What a field's check found wrong with its text: typed, and said in
/// the person's language by [`Check::say`] (English in its `Display`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// Left empty, and the field must be filled.
    Required,
    /// A date field left empty that must be filled (the note says both
    /// forms a date is read in).
    RequiredDate,
    /// Longer than the portfolio keeps (`domain::text::MAX_CHARS` characters).
    TooLong,
    /// A client name the portfolio does not have.
    NoSuchClient,
    /// Not a whole number in `min..=max`.
    WholeNumber { min: u32, max: u32 },
    /// Not one of a choice's words (the English words the file keeps;
    /// shown in the person's language).
    OneOf(Vec<&'static str>),
    /// Not a date, or not a month (the error says which).
    Date(DateError),
    /// Not an amount (or not a positive one where one is wanted).
    Amount(MoneyError),
    /// A form asked a field for a type its kind does not give (`a date`):
    /// a mistake in the form's code, never seen when the forms are right,
    /// so said in English as a developer reads it.
    WrongKind(&'static str),
    /// A choice the domain does not parse: a mistake in the form's list of
    /// words, said in English likewise.
    CannotBe(&'static str),
}

impl Check {
    /// What is wrong, in `loc`: the fixed notes from the TUI's messages,
    /// a date or amount that does not parse as `format::errors` words it.
    pub fn say(&self, loc: Locale) -> String {
        use crate::format::{explain_error, text, text_with};
        match self {
            Check::Required => text(loc, "form-required"),
            Check::RequiredDate => text(loc, "form-required-date"),
            Check::TooLong => text(loc, "form-too-long"),
            Check::NoSuchClient => text(loc, "form-no-such-client"),
            Check::WholeNumber { min, max } => {
                let (min, max) = (i64::from(*min), i64::from(*max));
                let args = [("min", min.into()), ("max", max.into())];
                text_with(loc, "form-whole-number", &args)
            }
            Check::OneOf(options) => {
                let shown: Vec<String> = options.iter().map(|o| words::choice(loc, o)).collect();
                let shown = shown.join(", ");
                text_with(loc, "form-one-of", &[("options", shown.as_str().into())])
            }
            Check::Date(e) => explain_error(loc, e),
            Check::Amount(e) => explain_error(loc, e),
            Check::WrongKind(wanted) => format!("is not {wanted} field"),
            Check::CannotBe(choice) => format!("cannot be {choice}"),
        }
    }
}

/// English, as [`Check::say`] says it in English.
impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Locale::En))
    }
}

/// Why a form cannot be saved: which field (its label, English as the
/// form names it), and what its check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub check: Check,
}

/// `Label: what is wrong`, in English.
impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.check)
    }
}

impl FieldError {
    /// `Label: what is wrong`, both in `loc`.
    pub fn say(&self, loc: Locale) -> String {
        let label = words::form_label(loc, self.field);
        format!("{label}: {}", self.check.say(loc))
    }
}

/// Saving refused by the portfolio (a duplicate name, an email without
/// `@`) or by the file system: the reason already in the person's language,
/// and the field it is about when the portfolio named one (`email`,
/// `next due`: its own name for it, see [`Refused::names`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub field: Option<&'static str>,
    pub message: String,
}

impl Refused {
    /// A reason not about any field (a file that could not be written).
    pub fn new(message: impl Into<String>) -> Refused {
        Refused {
            field: None,
            message: message.into(),
        }
    }

    /// What the ops layer refused, worded in `loc`; a refused field
    /// (`OpError::Invalid`) is kept to show the reason under it.
    pub fn of(loc: Locale, e: &crate::ops::OpError) -> Refused {
        let field = match e {
            crate::ops::OpError::Invalid { field, .. } => Some(*field),
            _ => None,
        };
        Refused {
            field,
            message: crate::format::explain_error(loc, e),
        }
    }

    /// Whether this is about the form field labelled `label`: the
    /// portfolio names a field as its label says it, in lower case and
    /// without a unit in brackets (`cadence` for `Cadence (days)`).
    pub fn names(&self, label: &str) -> bool {
        let Some(field) = self.field else {
            return false;
        };
        let label = label.split(" (").next().unwrap_or(label);
        label.to_lowercase() == field.replace('_', " ").to_lowercase()
    }
}

/// Why a form was not saved, shown under it: a field's own check (found
/// on saving), or the portfolio's refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormError {
    Field(FieldError),
    Refused(Refused),
}

impl FormError {
    /// The whole reason in `loc`, as the form's foot shows it when it is
    /// about no field shown: `Label: what is wrong`, or the refusal.
    pub fn say(&self, loc: Locale) -> String {
        match self {
            FormError::Field(e) => e.say(loc),
            FormError::Refused(r) => r.message.clone(),
        }
    }

    /// Whether this is about the field labelled `label`.
    pub fn is_about(&self, label: &str) -> bool {
        match self {
            FormError::Field(e) => e.field == label,
            FormError::Refused(r) => r.names(label),
        }
    }
}

/// Check one field's text. `clients` are the names a Client field accepts.
pub fn validate(field: &Field, clients: &[String]) -> Result<Value, Check> {
    use FieldKind as K;
    let v = field.value.trim();
    let empty = v.is_empty();
    // Arms are tried in order: an empty optional field is fine before an
    // empty one is refused as required.
    match &field.kind {
        K::Text { required: false } if empty => Ok(Value::Text(None)),
        K::Date { required: false } if empty => Ok(Value::Date(None)),
        K::Number {
            required: false, ..
        } if empty => Ok(Value::Number(None)),
        K::Date { required: true } if empty => Err(Check::RequiredDate),
        K::Text { .. } | K::Number { .. } | K::Client if empty => Err(Check::Required),
        K::Text { .. } if crate::domain::text::too_long(v) => Err(Check::TooLong),
        K::Text { .. } => Ok(Value::Text(Some(v.to_string()))),
        K::Date { .. } => parse_date(v)
            .map(|d| Value::Date(Some(d)))
            .map_err(Check::Date),
        K::Month => Month::parse(v).map(Value::Month).map_err(Check::Date),
        K::Amount { positive: true } => Money::parse_positive(v)
            .map(Value::Amount)
            .map_err(Check::Amount),
        K::Amount { positive: false } => Money::parse(v).map(Value::Amount).map_err(Check::Amount),
        K::Number { min, max, .. } => match v.parse::<u32>() {
            Ok(n) if (*min..=*max).contains(&n) => Ok(Value::Number(Some(n))),
            _ => Err(Check::WholeNumber {
                min: *min,
                max: *max,
            }),
        },
        K::Choice(options) => options
            .iter()
            .find(|o| o.eq_ignore_ascii_case(v))
            .map(|o| Value::Choice(o))
            .ok_or_else(|| Check::OneOf(options.clone())),
        K::Client => {
            let key = crate::domain::name_key(v);
            clients
                .iter()
                .find(|c| crate::domain::name_key(c) == key)
                .map(|c| Value::Client(c.clone()))
                .ok_or(Check::NoSuchClient)
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
        locale: Locale,
    ) -> Field {
        let value = value
            .map(|d| crate::format::date(locale, d))
            .unwrap_or_default();
        Field::new(label, FieldKind::Date { required }, value)
    }

    /// A month field, `value` as `locale` writes a month in figures
    /// (`2026-11`, `11.2026`; either is read back).
    pub fn for_month(label: &'static str, value: Month, locale: Locale) -> Field {
        let value = match locale {
            Locale::En => value.to_string(),
            Locale::Ru => format!("{:02}.{}", value.month(), value.year()),
        };
        Field::new(label, FieldKind::Month, value)
    }

    /// A field for an amount, `value` in plain digits with the decimal mark of
    /// `locale` (`1250000.50`, `1250000,50`; either is read back).
    pub fn money(
        label: &'static str,
        positive: bool,
        value: Option<Money>,
        locale: Locale,
    ) -> Field {
        let plain = value.map(Money::to_plain).unwrap_or_default();
        let value = match locale {
            Locale::En => plain,
            Locale::Ru => plain.replace('.', ","),
        };
        Field::new(label, FieldKind::Amount { positive }, value)
    }

    pub fn choice(label: &'static str, options: Vec<&'static str>, value: &str) -> Field {
        Field::new(label, FieldKind::Choice(options), value)
    }

    // Reading a checked field as the type its kind gives. A form reads
    // each field by name; asking a field for a type its kind does not give
    // is a mistake in the form, said as an error naming the field.

    fn error(&self, check: Check) -> FieldError {
        FieldError {
            field: self.label,
            check,
        }
    }

    /// The field's value, or what its check found, naming the field.
    pub fn checked(&self, clients: &[String]) -> Result<Value, FieldError> {
        validate(self, clients).map_err(|e| self.error(e))
    }

    fn mismatch(&self, wanted: &'static str) -> FieldError {
        self.error(Check::WrongKind(wanted))
    }

    /// A text field: trimmed, `None` when empty.
    pub fn optional_text(&self) -> Result<Option<String>, FieldError> {
        match self.checked(&[])? {
            Value::Text(t) => Ok(t),
            _ => Err(self.mismatch("a text")),
        }
    }

    pub fn required_text(&self) -> Result<String, FieldError> {
        self.optional_text()?
            .ok_or_else(|| self.error(Check::Required))
    }

    pub fn optional_date(&self) -> Result<Option<NaiveDate>, FieldError> {
        match self.checked(&[])? {
            Value::Date(d) => Ok(d),
            _ => Err(self.mismatch("a date")),
        }
    }

    pub fn required_date(&self) -> Result<NaiveDate, FieldError> {
        self.optional_date()?
            .ok_or_else(|| self.error(Check::Required))
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
            Value::Choice(c) => parse(c).map_err(|_| self.error(Check::CannotBe(c))),
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
        self.delete_before(self.cursor.saturating_sub(1));
    }

    pub fn delete(&mut self) {
        if !self.is_choice() && self.cursor < self.value.chars().count() {
            let byte = byte_index(&self.value, self.cursor);
            self.value.remove(byte);
        }
    }

    /// Ctrl-W: delete the word before the cursor, as a shell does.
    pub fn delete_word(&mut self) {
        self.delete_before(word_start(&self.value, self.cursor));
    }

    /// Ctrl-U: delete from the start of the line to the cursor (readline's
    /// Ctrl-U kills to the start too; what is after the cursor stays).
    pub fn delete_line(&mut self) {
        self.delete_before(0);
    }

    /// Delete the characters from `start` up to the cursor (not in a
    /// choice).
    fn delete_before(&mut self, start: usize) {
        if self.is_choice() {
            return;
        }
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

    /// The check `validate` gives for `value` in a field of `kind`.
    fn check_of(kind: FieldKind, value: &str) -> Check {
        let field = Field::new("x", kind, value);
        match validate(&field, &["Acme".to_string()]) {
            Err(check) => check,
            Ok(v) => panic!("{value:?} passed as {v:?}"),
        }
    }

    /// Each check, as `validate` gives it, said in English (as the screen
    /// said it before the checks were typed) and in Russian.
    #[test]
    fn every_check_is_said_in_english_and_in_russian() {
        use FieldKind as K;
        let number = K::Number {
            min: 1,
            max: 10,
            required: true,
        };
        let long = "я".repeat(crate::domain::text::MAX_CHARS + 1);
        let cases = [
            (
                check_of(K::Text { required: true }, " "),
                Check::Required,
                "required",
                "обязательное поле",
            ),
            (
                check_of(K::Date { required: true }, ""),
                Check::RequiredDate,
                "required (YYYY-MM-DD or DD.MM.YYYY)",
                "обязательное поле (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)",
            ),
            (
                check_of(K::Text { required: false }, &long),
                Check::TooLong,
                "too long",
                "слишком длинно",
            ),
            (
                check_of(K::Client, "Nobody"),
                Check::NoSuchClient,
                "no such client",
                "нет такого клиента",
            ),
            (
                check_of(number, "11"),
                Check::WholeNumber { min: 1, max: 10 },
                "a whole number from 1 to 10",
                "целое число от 1 до 10",
            ),
            (
                check_of(K::Choice(vec!["gold", "toxic"]), "silver"),
                Check::OneOf(vec!["gold", "toxic"]),
                "one of: gold, toxic",
                "одно из: золотые, токсичные",
            ),
            (
                check_of(K::Date { required: false }, "31.02.2026"),
                Check::Date(DateError::Invalid("31.02.2026".into())),
                "'31.02.2026' is not a date (use YYYY-MM-DD or DD.MM.YYYY)",
                "«31.02.2026» — не дата (пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)",
            ),
            (
                check_of(K::Month, "13.2026"),
                Check::Date(DateError::InvalidMonth("13.2026".into())),
                "'13.2026' is not a month (use YYYY-MM or MM.YYYY)",
                "«13.2026» — не месяц (пишите ГГГГ-ММ или ММ.ГГГГ)",
            ),
            (
                check_of(K::Amount { positive: true }, "0"),
                Check::Amount(Money::parse_positive("0").unwrap_err()),
                "'0' must be greater than zero",
                "«0»: сумма должна быть больше нуля",
            ),
            (
                check_of(K::Amount { positive: false }, "много"),
                Check::Amount(Money::parse("много").unwrap_err()),
                "'много' is not an amount (use digits, e.g. 1250000.50 or 1 250 000,50)",
                "«много» — не сумма (пишите цифрами, например 1250000,50 или 1 250 000,50)",
            ),
            // A form's own mistakes: English in both, as a developer reads them.
            (
                Field::text("Note", false, "x")
                    .optional_date()
                    .unwrap_err()
                    .check,
                Check::WrongKind("a date"),
                "is not a date field",
                "is not a date field",
            ),
            (
                Field::choice("Kind", vec!["fax"], "fax")
                    .choice_as(crate::domain::TouchKind::parse)
                    .unwrap_err()
                    .check,
                Check::CannotBe("fax"),
                "cannot be fax",
                "cannot be fax",
            ),
        ];
        for (check, expected, en, ru) in cases {
            assert_eq!(check, expected);
            assert_eq!(check.say(Locale::En), en);
            assert_eq!(check.to_string(), en, "Display is the English");
            assert_eq!(check.say(Locale::Ru), ru);
        }
    }

    #[test]
    fn a_field_error_names_its_field_in_the_language() {
        let e = FieldError {
            field: "Owed by",
            check: Check::OneOf(vec!["us", "client"]),
        };
        assert_eq!(e.to_string(), "Owed by: one of: us, client");
        assert_eq!(e.say(Locale::Ru), "За кем: одно из: за нами, за клиентом");
        let form = FormError::Field(e);
        assert!(form.is_about("Owed by"));
        assert!(!form.is_about("Owner"));
    }

    /// A refusal is about the form field the portfolio named (as its label
    /// says it, without the unit), and about no field when it named none.
    #[test]
    fn a_refusal_is_about_the_field_the_portfolio_named() {
        let about = |field, label| {
            FormError::Refused(Refused {
                field,
                message: "x".into(),
            })
            .is_about(label)
        };
        assert!(about(Some("email"), "Email"));
        assert!(about(Some("next due"), "Next due"));
        assert!(about(Some("next_due"), "Next due"));
        assert!(about(Some("cadence"), "Cadence (days)"));
        assert!(about(Some("File"), "File"));
        assert!(!about(Some("due"), "Next due"));
        assert!(!about(None, "Name"));
        let refused = Refused::of(
            Locale::Ru,
            &crate::ops::invalid("email", crate::domain::Refusal::Required),
        );
        assert_eq!(refused.field, Some("email"));
        assert!(
            refused.message.starts_with("эл. почта"),
            "{}",
            refused.message
        );
        let duplicate = Refused::of(
            Locale::En,
            &crate::ops::OpError::DuplicateClient("Acme".into()),
        );
        assert_eq!(duplicate.field, None);
        assert!(duplicate.message.contains("already exists"));
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
                check: Check::NoSuchClient
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
