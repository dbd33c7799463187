//! What is wrong with one imported row, kept as what it is (a date that
//! does not read, an unknown tier word...) rather than as a sentence, so
//! that `format::errors` can say it in the person's language. Its
//! `Display` is the English sentence imports have always printed.

use std::fmt;

use crate::domain::time::DayMonth;
use crate::domain::{DateError, MoneyError, Refusal, TextError, UnknownValue};

/// One thing wrong with a row.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error(transparent)]
    Value(#[from] UnknownValue),
    #[error(transparent)]
    Money(#[from] MoneyError),
    #[error(transparent)]
    Date(#[from] DateError),
    #[error(transparent)]
    Text(#[from] TextError),
    /// The parser's words after the column they are about (`inn: ...`),
    /// where they would not say it themselves.
    #[error("{0}: {1}")]
    In(String, Box<Problem>),
    /// A required date column left blank.
    #[error("{0} is empty")]
    Empty(String),
    /// The row's client name is blank.
    #[error("client name is empty")]
    NoClientName,
    /// A date cell that does not read as any date form.
    #[error("{column}: '{value}' is not a date (use YYYY-MM-DD or DD.MM.YYYY, or --date-format)")]
    NotADate { column: String, value: String },
    /// A slash date that reads only in the other order than its column's.
    #[error(
        "{column}: '{value}' is not a date {}, the order of the column's other dates (use --date-format)",
        match .order {
            DayMonth::DayFirst => "day/month",
            DayMonth::MonthFirst => "month/day",
        }
    )]
    OtherOrder {
        column: String,
        value: String,
        order: DayMonth,
    },
    /// A date cell not in the `--date-format` given.
    #[error("{column}: '{value}' is not a date in --date-format {format}")]
    NotInFormat {
        column: String,
        value: String,
        format: String,
    },
    #[error("cadence_days '{0}' is not a positive whole number of days")]
    Cadence(String),
    #[error("minutes '{value}' is not a whole number from 0 to {max} nor a duration HH:MM[:SS]")]
    Minutes { value: String, max: u32 },
    /// A client named twice in one file; `as_written` when the first
    /// spelled it otherwise.
    #[error(
        "duplicate client '{name}' (first on line {first_line}{})",
        .as_written.as_ref().map(|first| format!(" as '{first}'")).unwrap_or_default()
    )]
    Duplicate {
        name: String,
        first_line: u64,
        as_written: Option<String>,
    },
    /// More values than the header has columns.
    #[error(
        "the row has {used} fields but the header only {header} (put values that contain '{delimiter}' in quotes)"
    )]
    TooManyFields {
        used: usize,
        header: usize,
        delimiter: char,
    },
    #[error("{column}: field too long ({chars} characters; at most {max})")]
    TooLong {
        column: String,
        chars: usize,
        max: usize,
    },
    /// No client of that name, and clients are not created.
    #[error("unknown client '{0}' (add it first, or import with --create-clients)")]
    UnknownClient(String),
    /// What `ops::invalid` refused (`field: reason`).
    #[error("{field}: {reason}")]
    Invalid { field: String, reason: Refusal },
    /// A client of that name exists (names compared as `name_key` does).
    #[error(
        "a client named '{0}' already exists (names are compared ignoring case and invisible characters)"
    )]
    DuplicateClient(String),
    /// A row with no problem named.
    #[error("invalid row")]
    Unnamed,
    /// Refused for a reason of its own (a 1C document without a date,
    /// a name two clients answer to).
    #[error("{0}")]
    Refused(Refusal),
}

impl From<Refusal> for Problem {
    fn from(reason: Refusal) -> Self {
        Problem::Refused(reason)
    }
}

impl From<crate::domain::counterparty::InnError> for Problem {
    fn from(e: crate::domain::counterparty::InnError) -> Self {
        Problem::Refused(Refusal::Inn(e))
    }
}

/// Why a row was refused: its problems in the order found. Reads as the
/// English sentence (`Display`, and as a `str`), the problems joined by
/// `; `; two messages are equal when they read the same.
#[derive(Debug, Clone)]
pub struct RowMessage {
    english: String,
    problems: Vec<Problem>,
}

impl RowMessage {
    pub fn new(problems: Vec<Problem>) -> Self {
        let problems = if problems.is_empty() {
            vec![Problem::Unnamed]
        } else {
            problems
        };
        let english = problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ");
        RowMessage { english, problems }
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

impl PartialEq for RowMessage {
    fn eq(&self, other: &Self) -> bool {
        self.english == other.english
    }
}

impl Eq for RowMessage {}

impl std::ops::Deref for RowMessage {
    type Target = str;
    fn deref(&self) -> &str {
        &self.english
    }
}

impl fmt::Display for RowMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english)
    }
}

impl From<Problem> for RowMessage {
    fn from(p: Problem) -> Self {
        RowMessage::new(vec![p])
    }
}

impl From<Refusal> for RowMessage {
    fn from(reason: Refusal) -> Self {
        Problem::Refused(reason).into()
    }
}

// For tests: a message compared with its English.
#[cfg(test)]
impl PartialEq<&str> for RowMessage {
    fn eq(&self, other: &&str) -> bool {
        self.english == *other
    }
}

/// A message as its English reads, for tests to compare with (messages
/// are equal when they read the same).
#[cfg(test)]
impl From<&str> for RowMessage {
    fn from(s: &str) -> Self {
        RowMessage {
            english: s.to_string(),
            problems: vec![Problem::Unnamed],
        }
    }
}
