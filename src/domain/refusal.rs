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

use chrono::NaiveDate;

use super::counterparty::InnError;
use super::text::TextError;
use super::{AgreementStatus, Id, Status, Tier};

/// Why a field (named beside it, as in `OpError::Invalid`) or a file was
/// refused. Names of clients and values typed by the person are held
/// escaped (they are user data, see `domain::text::escape`). An error:
/// clap keeps it as the source of a value parser's error (`cli::help`
/// words it), and it is a layer of an `anyhow` chain.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// A required field left blank.
    #[error("is required")]
    Required,
    /// Only invisible characters (zero-width spaces, bidi controls).
    #[error("has nothing visible (only invisible characters such as zero-width spaces)")]
    NothingVisible,
    /// Longer than `max` characters.
    #[error("is longer than {max} characters")]
    LongerThan { max: usize },
    /// A cadence of 0 days.
    #[error("must be at least 1 day")]
    AtLeastADay,
    /// A cadence past `max` days.
    #[error("must be at most {max} days")]
    AtMostDays { max: u32 },
    /// A number past `max` (minutes).
    #[error("must be at most {max}")]
    AtMost { max: u32 },
    /// An amount that would overflow the client's total.
    #[error("would take the client's total past what folio can store")]
    TotalTooLarge,
    /// Closing an agreement that is closed already.
    #[error("agreement {id} is already {status}")]
    AgreementAlready { id: Id, status: AgreementStatus },
    /// A client's tier set to the one it has.
    #[error("{name} is already {tier}")]
    TierAlready { name: String, tier: Tier },
    /// A client's status set to the one it has.
    #[error("{name} is already {status}")]
    StatusAlready { name: String, status: Status },
    /// A due date without a next step.
    #[error("needs a next step to be due")]
    DueNeedsStep,
    /// An open agreement given a closing date.
    #[error("an open agreement has no closing date")]
    OpenHasNoClose,
    /// An agreement due before it was made.
    #[error("{due} is before the agreement was made ({made})")]
    DueBeforeMade { due: NaiveDate, made: NaiveDate },
    /// Closing an agreement as `open`.
    #[error("close as kept, broken or cancelled")]
    CloseAs,
    /// A negative monthly target.
    #[error("must be zero or more")]
    ZeroOrMore,
    /// An amount of zero or less.
    #[error("must be greater than zero")]
    AboveZero,
    /// An amount past what folio stores.
    #[error("is too large")]
    TooLarge,
    /// Not a three-letter currency code.
    #[error("'{0}' is not a three-letter currency code (e.g. RUB, EUR, USD)")]
    CurrencyCode(String),
    /// A client is not deleted as other records are.
    #[error("is deleted with its backup copy")]
    DeletedWithCopy,
    /// A deleted client is not put back by an undo.
    #[error("a deleted client comes back from its backup copy (folio restore)")]
    DeletedClientBack,
    /// An edit that would change a record's id (a bug of the caller).
    #[error("{record} {id} keeps its id")]
    KeepsId { record: &'static str, id: Id },
    /// `folio gen` into a file that holds a portfolio.
    #[error("the file already holds a portfolio; gen writes only into a new or empty file")]
    GenNotEmpty,
    /// The TUI's save of a briefing (it is written, not saved).
    #[error("a briefing is written, not saved")]
    BriefingNotSaved,
    /// A character the field does not keep (the field is named beside).
    #[error("{}", .0.message())]
    Text(TextError),
    /// Not an email address (`value` escaped).
    #[error(
        "'{0}' is not an email address: it needs one @ with text before it and a dot after it (ann@example.com)"
    )]
    Email(String),
    /// A phone with a character phones do not have.
    #[error("'{value}' has '{found}': a phone holds only digits, spaces, + - ( )")]
    PhoneCharacter { value: String, found: String },
    /// A phone with fewer than `min` digits.
    #[error("'{value}' has fewer than {min} digits")]
    PhoneDigits { value: String, min: usize },
    /// Not an ИНН, or one with a wrong check digit.
    #[error("{0}")]
    Inn(InnError),
    /// An ИНН another client has.
    #[error("{inn} is already the ИНН of client '{name}'")]
    InnTaken { inn: String, name: String },
    /// An alias another client has.
    #[error("'{alias}' is already an alias of client '{name}'")]
    AliasTaken { alias: String, name: String },
    /// An alias that is another client's name.
    #[error("'{alias}' is client '{name}''s name: a row written so would match both")]
    AliasIsAName { alias: String, name: String },
    /// Removing an alias the client does not have.
    #[error("'{alias}' is not an alias of client '{name}' (see `folio client alias list`)")]
    NotAnAlias { alias: String, name: String },
    /// An alias with nothing left once quotes and the legal form are out.
    #[error("has nothing to match by once quotes and the legal form are left out")]
    AliasEmpty,
    /// An imported row's client name that two clients answer to.
    #[error(
        "client '{written}' could be '{name}' or '{other}': add its ИНН to the file, or make it an alias of one (`folio client alias add`)"
    )]
    CouldBeEither {
        written: String,
        name: String,
        other: String,
    },
    /// An imported row's ИНН that is not its client's.
    #[error(
        "ИНН {inn} is not that of client '{name}' (its ИНН is {theirs}): check the row, or the client's ИНН"
    )]
    OtherInn {
        inn: String,
        name: String,
        theirs: String,
    },
    /// A quote opened and never closed (the file is not CSV).
    #[error("a quoted field starts here and is never closed (unbalanced '\"')")]
    UnclosedQuote,
    /// A column named twice in a header.
    #[error("column '{0}' appears more than once in the header")]
    ColumnTwice(String),
    /// What the CSV library said, in its words (rare).
    #[error("{0}")]
    Csv(String),
    /// A 1C document without `key`.
    #[error("the document has no {0}")]
    OneCNoKey(&'static str),
    /// A 1C document whose `key` is blank.
    #[error("the document's {0} is empty")]
    OneCEmptyKey(&'static str),
    /// A 1C document that is neither clearly incoming nor outgoing.
    #[error(
        "cannot tell whether this document is incoming: the file names no РасчСчет and the document has no ДатаПоступило or ДатаСписано"
    )]
    OneCDirection,
    /// `КонецДокумента` with no document open.
    #[error("КонецДокумента without a СекцияДокумент before it")]
    OneCEndWithoutStart,
    /// A 1C document (`СекцияДокумент=kind`) never closed.
    #[error("the document 'СекцияДокумент={0}' starting here has no КонецДокумента")]
    OneCUnclosed(String),
    /// A `--map` (or a profile's column) that is not `Header=column`.
    #[error("'{0}' is not Header=column (e.g. 'Дата платежа=date')")]
    NotAMapPair(String),
    /// A `--map` naming a column the kind of record does not have;
    /// `allowed` is the columns it has, space-separated.
    #[error("'{column}' is not a column here (use one of: {allowed})")]
    NotAColumn { column: String, allowed: String },
    /// A `--map` whose header is blank once cleaned.
    #[error("'{0}' names no header")]
    NamesNoHeader(String),
    /// A `--date-format` chrono cannot read.
    #[error("'{0}' is not a date pattern (use e.g. %d.%m.%Y, %d.%m.%y or %m/%d/%Y)")]
    NotADatePattern(String),
    /// A `--date-format` that lacks a day, a month or a year.
    #[error("'{0}' does not give a whole date (it needs a day, a month and a year: e.g. %d.%m.%Y)")]
    NotAWholeDate(String),
    /// A number outside `min..=max` (a flag's limits); `value` as typed.
    #[error("{value} is not in {min}..={max}")]
    NotInRange { value: String, min: u32, max: u32 },
    /// Not a whole number at all.
    #[error("'{0}' is not a whole number")]
    NotAWholeNumber(String),
    /// An undo of a `record` changed elsewhere since.
    #[error("the {0} was changed elsewhere since; nothing was undone")]
    UndoChanged(&'static str),
    /// An undo of a `record` deleted elsewhere since.
    #[error("the {0} was deleted elsewhere since; nothing was undone")]
    UndoDeleted(&'static str),
    /// An undo of adding a client that has records now.
    #[error("the {0} has records now; nothing was undone")]
    UndoHasRecords(&'static str),
    /// An undo of a delete whose record is back.
    #[error("the {0} is there again; nothing was undone")]
    UndoThereAgain(&'static str),
}

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
