//! Why a value or a change is refused, as what it is rather than as a
//! sentence: the checks of `domain` (contacts, texts, ИНН), of `ops` (a
//! field's limits, aliases, undo) and of the readers in `io` (a file that
//! is not CSV, a 1C document) give a [`Refusal`] holding its values.
//! `Display` is the English sentence folio has always printed (JSON, logs
//! and the library's callers see it); `format::errors` words each variant
//! in the person's language through `assets/locales/*/errors.ftl`.
//!
//! One enum for all of them because they are shared: the same reason
//! reaches the command line, the TUI's forms and an import's row list.

use std::fmt;

use chrono::NaiveDate;

use super::counterparty::InnError;
use super::text::TextError;
use super::{AgreementStatus, Id, Status, Tier};

/// Why a field (named beside it, as in `OpError::Invalid`) or a file was
/// refused. Names of clients and values typed by the person are held
/// escaped (they are user data, see `domain::text::escape`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A required field left blank.
    Required,
    /// Only invisible characters (zero-width spaces, bidi controls).
    NothingVisible,
    /// Longer than `max` characters.
    LongerThan { max: usize },
    /// A cadence of 0 days.
    AtLeastADay,
    /// A cadence past `max` days.
    AtMostDays { max: u32 },
    /// A number past `max` (minutes).
    AtMost { max: u32 },
    /// An amount that would overflow the client's total.
    TotalTooLarge,
    /// Closing an agreement that is closed already.
    AgreementAlready { id: Id, status: AgreementStatus },
    /// A client's tier set to the one it has.
    TierAlready { name: String, tier: Tier },
    /// A client's status set to the one it has.
    StatusAlready { name: String, status: Status },
    /// A due date without a next step.
    DueNeedsStep,
    /// An open agreement given a closing date.
    OpenHasNoClose,
    /// An agreement due before it was made.
    DueBeforeMade { due: NaiveDate, made: NaiveDate },
    /// Closing an agreement as `open`.
    CloseAs,
    /// A negative monthly target.
    ZeroOrMore,
    /// An amount of zero or less.
    AboveZero,
    /// An amount past what folio stores.
    TooLarge,
    /// Not a three-letter currency code.
    CurrencyCode(String),
    /// A client is not deleted as other records are.
    DeletedWithCopy,
    /// A deleted client is not put back by an undo.
    DeletedClientBack,
    /// An edit that would change a record's id (a bug of the caller).
    KeepsId { record: &'static str, id: Id },
    /// `folio gen` into a file that holds a portfolio.
    GenNotEmpty,
    /// The TUI's save of a briefing (it is written, not saved).
    BriefingNotSaved,
    /// A character the field does not keep (the field is named beside).
    Text(TextError),
    /// Not an email address (`value` escaped).
    Email(String),
    /// A phone with a character phones do not have.
    PhoneCharacter { value: String, found: String },
    /// A phone with fewer than `min` digits.
    PhoneDigits { value: String, min: usize },
    /// Not an ИНН, or one with a wrong check digit.
    Inn(InnError),
    /// An ИНН another client has.
    InnTaken { inn: String, name: String },
    /// An alias another client has.
    AliasTaken { alias: String, name: String },
    /// An alias that is another client's name.
    AliasIsAName { alias: String, name: String },
    /// Removing an alias the client does not have.
    NotAnAlias { alias: String, name: String },
    /// An alias with nothing left once quotes and the legal form are out.
    AliasEmpty,
    /// An imported row's client name that two clients answer to.
    CouldBeEither {
        written: String,
        name: String,
        other: String,
    },
    /// An imported row's ИНН that is not its client's.
    OtherInn {
        inn: String,
        name: String,
        theirs: String,
    },
    /// A quote opened and never closed (the file is not CSV).
    UnclosedQuote,
    /// A column named twice in a header.
    ColumnTwice(String),
    /// What the CSV library said, in its words (rare).
    Csv(String),
    /// A 1C document without `key`.
    OneCNoKey(&'static str),
    /// A 1C document whose `key` is blank.
    OneCEmptyKey(&'static str),
    /// A 1C document that is neither clearly incoming nor outgoing.
    OneCDirection,
    /// `КонецДокумента` with no document open.
    OneCEndWithoutStart,
    /// A 1C document (`СекцияДокумент=kind`) never closed.
    OneCUnclosed(String),
    /// A `--map` (or a profile's column) that is not `Header=column`.
    NotAMapPair(String),
    /// A `--map` naming a column the kind of record does not have;
    /// `allowed` is the columns it has, space-separated.
    NotAColumn { column: String, allowed: String },
    /// A `--map` whose header is blank once cleaned.
    NamesNoHeader(String),
    /// A `--date-format` chrono cannot read.
    NotADatePattern(String),
    /// A `--date-format` that lacks a day, a month or a year.
    NotAWholeDate(String),
    /// A number outside `min..=max` (a flag's limits); `value` as typed.
    NotInRange { value: String, min: u32, max: u32 },
    /// Not a whole number at all.
    NotAWholeNumber(String),
    /// An undo of a `record` changed elsewhere since.
    UndoChanged(&'static str),
    /// An undo of a `record` deleted elsewhere since.
    UndoDeleted(&'static str),
    /// An undo of adding a client that has records now.
    UndoHasRecords(&'static str),
    /// An undo of a delete whose record is back.
    UndoThereAgain(&'static str),
}

/// A value parser's error (clap keeps it as the source of its own, and
/// `cli::help` words it), and a layer of an `anyhow` chain.
impl std::error::Error for Refusal {}

/// A whole number from `min` to `max` as typed (a flag's value): one
/// outside is [`Refusal::NotInRange`] (a number too long to read too), a
/// word [`Refusal::NotAWholeNumber`].
pub fn whole_in(text: &str, min: u32, max: u32) -> Result<u32, Refusal> {
    let out_of_range = || Refusal::NotInRange {
        value: text.to_string(),
        min,
        max,
    };
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(Refusal::NotAWholeNumber(text.to_string()));
    }
    let n: i64 = text.parse().map_err(|_| out_of_range())?;
    match u32::try_from(n) {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(out_of_range()),
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Refusal as R;
        match self {
            R::Required => f.write_str("is required"),
            R::NothingVisible => f.write_str(
                "has nothing visible (only invisible characters such as zero-width spaces)",
            ),
            R::LongerThan { max } => write!(f, "is longer than {max} characters"),
            R::AtLeastADay => f.write_str("must be at least 1 day"),
            R::AtMostDays { max } => write!(f, "must be at most {max} days"),
            R::AtMost { max } => write!(f, "must be at most {max}"),
            R::TotalTooLarge => {
                f.write_str("would take the client's total past what folio can store")
            }
            R::AgreementAlready { id, status } => {
                write!(f, "agreement {id} is already {status}")
            }
            R::TierAlready { name, tier } => write!(f, "{name} is already {tier}"),
            R::StatusAlready { name, status } => write!(f, "{name} is already {status}"),
            R::DueNeedsStep => f.write_str("needs a next step to be due"),
            R::OpenHasNoClose => f.write_str("an open agreement has no closing date"),
            R::DueBeforeMade { due, made } => {
                write!(f, "{due} is before the agreement was made ({made})")
            }
            R::CloseAs => f.write_str("close as kept, broken or cancelled"),
            R::ZeroOrMore => f.write_str("must be zero or more"),
            R::AboveZero => f.write_str("must be greater than zero"),
            R::TooLarge => f.write_str("is too large"),
            R::CurrencyCode(code) => write!(
                f,
                "'{code}' is not a three-letter currency code (e.g. RUB, EUR, USD)"
            ),
            R::DeletedWithCopy => f.write_str("is deleted with its backup copy"),
            R::DeletedClientBack => {
                f.write_str("a deleted client comes back from its backup copy (folio restore)")
            }
            R::KeepsId { record, id } => write!(f, "{record} {id} keeps its id"),
            R::GenNotEmpty => f.write_str(
                "the file already holds a portfolio; gen writes only into a new or empty file",
            ),
            R::BriefingNotSaved => f.write_str("a briefing is written, not saved"),
            R::Text(e) => f.write_str(&e.message()),
            R::Email(value) => write!(
                f,
                "'{value}' is not an email address: it needs one @ with text before it and a dot after it (ann@example.com)"
            ),
            R::PhoneCharacter { value, found } => write!(
                f,
                "'{value}' has '{found}': a phone holds only digits, spaces, + - ( )"
            ),
            R::PhoneDigits { value, min } => write!(f, "'{value}' has fewer than {min} digits"),
            R::Inn(e) => e.fmt(f),
            R::InnTaken { inn, name } => {
                write!(f, "{inn} is already the ИНН of client '{name}'")
            }
            R::AliasTaken { alias, name } => {
                write!(f, "'{alias}' is already an alias of client '{name}'")
            }
            R::AliasIsAName { alias, name } => write!(
                f,
                "'{alias}' is client '{name}''s name: a row written so would match both"
            ),
            R::NotAnAlias { alias, name } => write!(
                f,
                "'{alias}' is not an alias of client '{name}' (see `folio client alias list`)"
            ),
            R::AliasEmpty => f.write_str(
                "has nothing to match by once quotes and the legal form are left out",
            ),
            R::CouldBeEither {
                written,
                name,
                other,
            } => write!(
                f,
                "client '{written}' could be '{name}' or '{other}': add its ИНН to the file, or make it an alias of one (`folio client alias add`)"
            ),
            R::OtherInn { inn, name, theirs } => write!(
                f,
                "ИНН {inn} is not that of client '{name}' (its ИНН is {theirs}): check the row, or the client's ИНН"
            ),
            R::UnclosedQuote => {
                f.write_str("a quoted field starts here and is never closed (unbalanced '\"')")
            }
            R::ColumnTwice(column) => {
                write!(f, "column '{column}' appears more than once in the header")
            }
            R::Csv(said) => f.write_str(said),
            R::OneCNoKey(key) => write!(f, "the document has no {key}"),
            R::OneCEmptyKey(key) => write!(f, "the document's {key} is empty"),
            R::OneCDirection => f.write_str(
                "cannot tell whether this document is incoming: the file names no РасчСчет and the document has no ДатаПоступило or ДатаСписано",
            ),
            R::OneCEndWithoutStart => {
                f.write_str("КонецДокумента without a СекцияДокумент before it")
            }
            R::OneCUnclosed(kind) => write!(
                f,
                "the document 'СекцияДокумент={kind}' starting here has no КонецДокумента"
            ),
            R::NotAMapPair(pair) => {
                write!(f, "'{pair}' is not Header=column (e.g. 'Дата платежа=date')")
            }
            R::NotAColumn { column, allowed } => write!(
                f,
                "'{column}' is not a column here (use one of: {allowed})"
            ),
            R::NamesNoHeader(header) => write!(f, "'{header}' names no header"),
            R::NotADatePattern(pattern) => write!(
                f,
                "'{pattern}' is not a date pattern (use e.g. %d.%m.%Y, %d.%m.%y or %m/%d/%Y)"
            ),
            R::NotAWholeDate(pattern) => write!(
                f,
                "'{pattern}' does not give a whole date (it needs a day, a month and a year: e.g. %d.%m.%Y)"
            ),
            R::NotInRange { value, min, max } => write!(f, "{value} is not in {min}..={max}"),
            R::NotAWholeNumber(value) => write!(f, "'{value}' is not a whole number"),
            R::UndoChanged(record) => {
                write!(f, "the {record} was changed elsewhere since; nothing was undone")
            }
            R::UndoDeleted(record) => {
                write!(f, "the {record} was deleted elsewhere since; nothing was undone")
            }
            R::UndoHasRecords(record) => {
                write!(f, "the {record} has records now; nothing was undone")
            }
            R::UndoThereAgain(record) => {
                write!(f, "the {record} is there again; nothing was undone")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_number_in_its_range_or_why_not() {
        assert_eq!(whole_in("14", 1, 3660), Ok(14));
        assert_eq!(whole_in("3660", 1, 3660), Ok(3660));
        assert_eq!(whole_in("+7", 0, 10), Ok(7));
        for (typed, shown) in [
            ("0", "0 is not in 1..=3660"),
            ("3661", "3661 is not in 1..=3660"),
            ("-1", "-1 is not in 1..=3660"),
            (
                "99999999999999999999",
                "99999999999999999999 is not in 1..=3660",
            ),
            ("abc", "'abc' is not a whole number"),
            ("1.5", "'1.5' is not a whole number"),
            ("", "'' is not a whole number"),
            ("-", "'-' is not a whole number"),
        ] {
            assert_eq!(whole_in(typed, 1, 3660).unwrap_err().to_string(), shown);
        }
    }
}
