//! Forms: labelled fields, validated as you type with the same parsers as
//! the command line. A form with an invalid field cannot be saved, and says why
//! next to the field.

use chrono::NaiveDate;

use crate::domain::{Money, Month, Owner, Status, Tier, TouchKind, parse_date};

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
    YesNo,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: &'static str,
    pub kind: FieldKind,
    pub value: String,
    /// Cursor position in characters.
    pub cursor: usize,
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
}

/// A parsed field value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(Option<String>),
    Date(Option<NaiveDate>),
    Month(Month),
    Amount(Money),
    Number(Option<u32>),
    Choice(&'static str),
    Client(String),
    YesNo(bool),
}

impl Value {
    pub fn text(&self) -> Option<String> {
        match self {
            Value::Text(t) => t.clone(),
            Value::Client(c) => Some(c.clone()),
            Value::Choice(c) => Some((*c).to_string()),
            _ => None,
        }
    }
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Value::Date(d) => *d,
            _ => None,
        }
    }
    pub fn month(&self) -> Option<Month> {
        match self {
            Value::Month(m) => Some(*m),
            _ => None,
        }
    }
    pub fn amount(&self) -> Option<Money> {
        match self {
            Value::Amount(m) => Some(*m),
            _ => None,
        }
    }
    pub fn number(&self) -> Option<u32> {
        match self {
            Value::Number(n) => *n,
            _ => None,
        }
    }
    pub fn yes(&self) -> bool {
        matches!(self, Value::YesNo(true) | Value::Choice("yes"))
    }
    pub fn tier(&self) -> Option<Tier> {
        self.text().and_then(|t| Tier::parse(&t).ok())
    }
    pub fn status(&self) -> Option<Status> {
        self.text().and_then(|t| Status::parse(&t).ok())
    }
    pub fn kind(&self) -> Option<TouchKind> {
        self.text().and_then(|t| TouchKind::parse(&t).ok())
    }
    pub fn owner(&self) -> Option<Owner> {
        self.text().and_then(|t| Owner::parse(&t).ok())
    }
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
        FieldKind::YesNo => match v.to_lowercase().as_str() {
            "yes" | "y" | "да" | "true" => Ok(Value::YesNo(true)),
            "no" | "n" | "нет" | "false" | "" => Ok(Value::YesNo(false)),
            _ => Err("yes or no".into()),
        },
    }
}

/// What a form is for: decides what saving it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    AddClient,
    EditClient(i64),
    AddTouchpoint,
    EditTouchpoint(i64),
    AddAgreement,
    EditAgreement(i64),
    ChangeTier(i64),
    ChangeStatus(i64),
    AddContact(i64),
    EditContact(i64),
    SetTarget,
    AddPayment,
    AddInvoice,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub title: String,
    pub purpose: Purpose,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Names a Client field accepts (and completes from).
    pub clients: Vec<String>,
    /// An error from saving (e.g. a duplicate name), shown under the form.
    pub error: Option<String>,
}

impl Form {
    pub fn new(
        title: impl Into<String>,
        purpose: Purpose,
        fields: Vec<Field>,
        clients: Vec<String>,
    ) -> Form {
        Form {
            title: title.into(),
            purpose,
            fields,
            focus: 0,
            clients,
            error: None,
        }
    }

    /// Each field's check, in order.
    pub fn checks(&self) -> Vec<Result<Value, String>> {
        self.fields
            .iter()
            .map(|f| validate(f, &self.clients))
            .collect()
    }

    /// All values when every field is valid.
    pub fn values(&self) -> Result<Vec<Value>, String> {
        let mut out = Vec::with_capacity(self.fields.len());
        for (f, check) in self.fields.iter().zip(self.checks()) {
            match check {
                Ok(v) => out.push(v),
                Err(e) => return Err(format!("{}: {e}", f.label)),
            }
        }
        Ok(out)
    }

    pub fn is_valid(&self) -> bool {
        self.checks().iter().all(Result::is_ok)
    }

    pub fn next_field(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + 1) % self.fields.len();
        }
    }

    pub fn prev_field(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
        }
    }

    fn field(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    pub fn insert(&mut self, c: char) {
        self.error = None;
        if let Some(f) = self.field() {
            if let FieldKind::Choice(options) = &f.kind {
                // Typing a letter picks the first option starting with it.
                let lower = c.to_lowercase().to_string();
                if let Some(o) = options.iter().find(|o| o.starts_with(&lower)) {
                    f.value = (*o).to_string();
                    f.cursor = f.value.chars().count();
                }
                return;
            }
            let byte = byte_index(&f.value, f.cursor);
            f.value.insert(byte, c);
            f.cursor += 1;
        }
    }

    pub fn backspace(&mut self) {
        self.error = None;
        if let Some(f) = self.field()
            && f.cursor > 0
        {
            let byte = byte_index(&f.value, f.cursor - 1);
            f.value.remove(byte);
            f.cursor -= 1;
        }
    }

    pub fn delete(&mut self) {
        if let Some(f) = self.field()
            && f.cursor < f.value.chars().count()
        {
            let byte = byte_index(&f.value, f.cursor);
            f.value.remove(byte);
        }
    }

    pub fn left(&mut self) {
        if let Some(f) = self.field() {
            if let FieldKind::Choice(options) = &f.kind {
                cycle(f, options.clone(), -1);
            } else {
                f.cursor = f.cursor.saturating_sub(1);
            }
        }
    }

    pub fn right(&mut self) {
        if let Some(f) = self.field() {
            if let FieldKind::Choice(options) = &f.kind {
                cycle(f, options.clone(), 1);
            } else {
                f.cursor = (f.cursor + 1).min(f.value.chars().count());
            }
        }
    }

    pub fn home(&mut self) {
        if let Some(f) = self.field() {
            f.cursor = 0;
        }
    }

    pub fn end(&mut self) {
        if let Some(f) = self.field() {
            f.cursor = f.value.chars().count();
        }
    }

    /// Complete a Client field from the known names (first match by prefix,
    /// then by substring, ignoring case).
    pub fn complete(&mut self) {
        let clients = self.clients.clone();
        if let Some(f) = self.field()
            && f.kind == FieldKind::Client
        {
            let typed = crate::domain::fold(f.value.trim());
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
                f.value = name.clone();
                f.cursor = f.value.chars().count();
            }
        }
    }
}

fn cycle(f: &mut Field, options: Vec<&'static str>, step: i32) {
    let n = options.len() as i32;
    if n == 0 {
        return;
    }
    let current = options
        .iter()
        .position(|o| o.eq_ignore_ascii_case(f.value.trim()))
        .map(|i| i as i32)
        .unwrap_or(-1);
    let next = (current + step).rem_euclid(n) as usize;
    f.value = options[next].to_string();
    f.cursor = f.value.chars().count();
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

    fn form(fields: Vec<Field>) -> Form {
        Form::new(
            "t",
            Purpose::AddClient,
            fields,
            vec!["ООО Ромашка".into(), "Acme".into()],
        )
    }

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
        let mut fm = form(vec![Field::new(
            "name",
            FieldKind::Text { required: true },
            "",
        )]);
        for c in "Рома".chars() {
            fm.insert(c);
        }
        fm.left();
        fm.backspace();
        assert_eq!(fm.fields[0].value, "Роа");
        fm.home();
        fm.insert('🚀');
        assert_eq!(fm.fields[0].value, "🚀Роа");
        fm.end();
        fm.delete();
        assert_eq!(fm.fields[0].value, "🚀Роа");
    }

    #[test]
    fn invalid_form_cannot_produce_values() {
        let mut fm = form(vec![
            Field::new("client", FieldKind::Client, ""),
            Field::new("amount", FieldKind::Amount { positive: true }, "1.255"),
        ]);
        assert!(!fm.is_valid());
        let err = fm.values().unwrap_err();
        assert!(err.starts_with("client"), "{err}");
        fm.fields[0].value = "ром".into();
        fm.focus = 0;
        fm.complete();
        assert_eq!(fm.fields[0].value, "ООО Ромашка");
        fm.fields[1].value = "1 000".into();
        assert!(fm.is_valid());
        assert_eq!(fm.values().unwrap()[1], Value::Amount(Money::major(1000)));
    }

    #[test]
    fn choices_cycle_and_pick_by_letter() {
        let mut fm = form(vec![Field::new(
            "kind",
            FieldKind::Choice(vec!["call", "meeting", "email"]),
            "call",
        )]);
        fm.right();
        assert_eq!(fm.fields[0].value, "meeting");
        fm.left();
        fm.left();
        assert_eq!(fm.fields[0].value, "email");
        fm.insert('c');
        assert_eq!(fm.fields[0].value, "call");
        fm.next_field();
        assert_eq!(fm.focus, 0);
    }
}
