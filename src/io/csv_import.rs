//! CSV import: files as users produce them, parsed into typed rows.
//!
//! The contract: a header row; columns found by name (case-insensitive,
//! trimmed; a space or `-` in a header counts as `_`), in any order; unknown
//! extra columns ignored; `,` or `;` as delimiter; UTF-8 (with or without a
//! BOM), UTF-16, or Windows-1251, CP866 or KOI8-R told by how Russian the
//! text reads ([`decode`]); dates ISO, `DD.MM.YYYY`, `DD.MM.YY` or slash
//! dates in the order their column settles (`DateRules`), or in a
//! `--date-format`. All or nothing: any bad row fails the import, and the
//! error lists every bad row with its line number and reason.
//!
//! Rows are checked on their own here; resolving client names to ids and
//! checking against the database is the ops layer's job.

use std::collections::HashMap;
use std::fmt;
use std::ops::ControlFlow;

use chrono::NaiveDate;

use super::csv_export::{
    AGREEMENT_COLUMNS, CLIENT_COLUMNS, PAYMENT_COLUMNS, TOUCHPOINT_COLUMNS, unneutralise,
};
use super::decode::{DecodeError, Encoding, LineCounter, decode, is_blank_char, sniff_delimiter};
use super::profile::{
    self, Rules, STATEMENT_COLUMNS, Skipped, StatementRow, classify, kept_and_skipped, parse_amount,
};
use crate::domain::text::{MAX_CHARS, too_long};
use crate::domain::time::{
    DateFormat, DayMonth, MAX_MINUTES, SlashDate, parse_file_date, slash_date,
};
use crate::domain::{
    AgreementStatus, Money, MoneyError, Owner, Refusal, Tier, TouchKind, name_key,
};

pub use super::problem::{Problem, RowMessage};

/// Longest physical line accepted, in bytes of the decoded (UTF-8) text,
/// its line break not counted. A row of folio's columns with every field
/// at [`MAX_CHARS`] fits many times over; a longer line is not a CSV
/// file folio wrote or a person typed.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// What an import error's numbers count: the lines of a file, or the rows
/// of a spreadsheet (its reader's lines turned into the sheet's rows by
/// [`super::sheet`]). Said `line` or `row` in English; other languages
/// word it in `format::errors`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Line,
    Row,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Place::Line => "line",
            Place::Row => "row",
        })
    }
}

/// One bad row: the 1-based physical line where the record starts, and why.
/// Its `Display` is `line 3: ...`; in a spreadsheet, [`RowError::at`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct RowError {
    pub line: u64,
    pub message: RowMessage,
}

impl RowError {
    /// The English, its number called a `place`: `row 3: ...` in a sheet.
    pub fn at(&self, place: Place) -> String {
        format!("{place} {}: {}", self.line, self.message)
    }
}

/// Why a file was not imported. Its `Display` counts lines (`line 3:
/// ...`); in a spreadsheet, [`ImportError::at`] counts rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// No header row.
    Empty,
    /// A required column (folio's name) missing; the headers found.
    MissingColumn(String, String),
    /// Every bad row.
    Rows(Vec<RowError>),
    /// The file is not CSV as a whole: an unclosed quote, a column named twice.
    Malformed { line: u64, reason: Box<Refusal> },
    /// A physical line longer than `max` bytes (see [`MAX_LINE_BYTES`]).
    LineTooLong { line: u64, max: usize },
    /// The bytes are not text in an encoding folio can tell (see [`decode`]).
    Decode(DecodeError),
    /// A column of slash dates that read both day first and month first.
    AmbiguousDates {
        line: u64,
        column: Box<str>,
        value: Box<str>,
    },
}

impl ImportError {
    /// The English, its numbers called `place`s: `line 3: ...` in a file,
    /// `row 3: ...` in a spreadsheet.
    pub fn at(&self, place: Place) -> String {
        match self {
            ImportError::Empty => "the file has no header row".to_string(),
            ImportError::MissingColumn(column, found) => format!(
                "missing required column '{column}' in the header (found: {found}); use --map 'Your header={column}' to name it"
            ),
            ImportError::Rows(rows) => {
                let bad = crate::format::count(
                    crate::format::Locale::En,
                    rows.len(),
                    crate::format::Noun::BadRow,
                );
                let mut said = format!("{bad}:");
                for row in rows {
                    said.push('\n');
                    said.push_str(&row.at(place));
                }
                said
            }
            ImportError::Malformed { line, reason } => format!("{place} {line}: {reason}"),
            ImportError::LineTooLong { line, max } => format!(
                "{place} {line}: the line is too long; folio reads lines of at most {}",
                crate::io::size_shown(*max as u64)
            ),
            ImportError::Decode(e) => e.to_string(),
            ImportError::AmbiguousDates {
                line,
                column,
                value,
            } => {
                let (day_first, month_first) = slash_formats(value);
                format!(
                    "{place} {line}, column {column}: '{value}' reads both as day/month and as month/day, and no date in the column has a day over 12; use --date-format {day_first} or --date-format {month_first}"
                )
            }
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.at(Place::Line))
    }
}

impl std::error::Error for ImportError {
    /// A decoding error stands for itself, as its own sources (none).
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ImportError::Decode(e) => e.source(),
            _ => None,
        }
    }
}

impl From<DecodeError> for ImportError {
    fn from(e: DecodeError) -> Self {
        ImportError::Decode(e)
    }
}

/// The `--date-format` choices for a slash date that reads both ways:
/// day first, month first.
pub fn slash_formats(value: &str) -> (&'static str, &'static str) {
    let short_year = value
        .split(['/', ' ', 'T'])
        .nth(2)
        .is_some_and(|y| y.len() == 2);
    if short_year {
        ("%d/%m/%y", "%m/%d/%y")
    } else {
        ("%d/%m/%Y", "%m/%d/%Y")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientRow {
    pub line: u64,
    pub name: String,
    pub tier: Option<Tier>,
    pub cadence_days: Option<u32>,
    pub since: Option<NaiveDate>,
    pub notes: Option<String>,
}

/// A touchpoint row. `next_step` and `next_due` are optional trailing columns
/// beyond the contract's five, so that an export round-trips completely.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TouchpointRow {
    pub line: u64,
    pub client: String,
    pub date: Option<NaiveDate>,
    pub kind: Option<TouchKind>,
    pub summary: Option<String>,
    pub minutes: Option<u32>,
    pub next_step: Option<String>,
    pub next_due: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementRow {
    pub line: u64,
    pub client: String,
    pub date: Option<NaiveDate>,
    pub text: Option<String>,
    pub owner: Option<Owner>,
    pub due: Option<NaiveDate>,
    pub status: Option<AgreementStatus>,
    pub closed_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRow {
    pub line: u64,
    pub client: String,
    pub date: NaiveDate,
    pub amount: Money,
    pub note: Option<String>,
    /// The payer's ИНН, checked, where the file has the column.
    pub inn: Option<String>,
}

/// What parsing a file found: the good rows, and every bad row's error. The
/// caller decides: an import checks the good rows against the database too,
/// so that one report lists every bad row, then aborts on any error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed<T> {
    pub rows: Vec<T>,
    pub errors: Vec<RowError>,
    /// The line the header was found on (lines above it were skipped).
    pub header_line: u64,
}

/// What reading a file in batches found besides its rows.
#[derive(Debug)]
pub struct Read {
    /// Every bad row's error.
    pub errors: Vec<RowError>,
    /// The line the header was found on (lines above it were skipped).
    pub header_line: u64,
}

/// How far down a header is looked for: a title block (a bank's name, the
/// period, balances) may stand above it.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// Clients: `name,tier,cadence_days,since,notes`; `name` required and unique
/// within the file (compared with `name_key`).
pub fn parse_clients(bytes: &[u8], map: &ColumnMap) -> Result<Parsed<ClientRow>, ImportError> {
    // name_key -> (line, name as first written)
    let mut seen: HashMap<String, (u64, String)> = HashMap::new();
    parse_kind(bytes, &CLIENT_COLUMNS, &["name"], map, |f| {
        let name = f.required_text(0);
        let tier = f.parse(1, None, Tier::parse);
        let cadence_days = f.parse(2, None, parse_cadence);
        let since = f.date(3, "since");
        let notes = f.text(4);
        if let Some(name) = &name {
            let key = name_key(name);
            match seen.get(&key) {
                Some((first_line, first_name)) => f.problems.push(Problem::Duplicate {
                    name: shown(name),
                    first_line: *first_line,
                    as_written: (first_name != name).then(|| shown(first_name)),
                }),
                None => {
                    seen.insert(key, (f.line, name.clone()));
                }
            }
        }
        Some(ClientRow {
            line: f.line,
            name: name?,
            tier,
            cadence_days,
            since,
            notes,
        })
    })
}

/// Touchpoints: `client,date,kind,summary,minutes` (and optionally
/// `next_step,next_due`); `client` required. The good rows are handed to
/// `send` in file order, in batches of `batch` rows (the last one shorter),
/// as they are read: an import writes the first rows while the rest are
/// still being parsed. `send` may stop the parse early. Returns every bad
/// row's error.
pub fn parse_touchpoints_in_batches(
    bytes: &[u8],
    batch: usize,
    map: &ColumnMap,
    send: impl FnMut(Vec<TouchpointRow>) -> ControlFlow<()>,
) -> Result<Read, ImportError> {
    let columns = &TOUCHPOINT_COLUMNS;
    parse_kind_in_batches(
        bytes,
        columns,
        &["client"],
        map,
        batch,
        send,
        touchpoint_row,
    )
}

fn touchpoint_row(f: &mut Fields) -> Option<TouchpointRow> {
    let client = f.required_text(0);
    let date = f.date(1, "date");
    let kind = f.parse(2, None, TouchKind::parse);
    let summary = f.text(3);
    let minutes = f.parse(4, None, parse_minutes);
    let next_step = f.text(5);
    let next_due = f.date(6, "next_due");
    Some(TouchpointRow {
        line: f.line,
        client: client?,
        date,
        kind,
        summary,
        minutes,
        next_step,
        next_due,
    })
}

/// Agreements: `client,date,text,owner,due,status`; `client` required. A due
/// date before the agreement's date is allowed.
pub fn parse_agreements(
    bytes: &[u8],
    map: &ColumnMap,
) -> Result<Parsed<AgreementRow>, ImportError> {
    parse_kind(bytes, &AGREEMENT_COLUMNS, &["client"], map, |f| {
        let client = f.required_text(0);
        let date = f.date(1, "date");
        let text = f.text(2);
        let owner = f.parse(3, None, Owner::parse);
        let due = f.date(4, "due");
        let status = f.parse(5, None, AgreementStatus::parse);
        let closed_on = f.date(6, "closed_on");
        Some(AgreementRow {
            line: f.line,
            client: client?,
            date,
            text,
            owner,
            due,
            status,
            closed_on,
        })
    })
}

/// Payments: `client,date,amount,note`; `client`, `date` and `amount`
/// required; the amount greater than zero with at most two decimals, a
/// currency sign or word allowed when it is `currency` (the portfolio's).
pub fn parse_payments(
    bytes: &[u8],
    currency: &str,
    map: &ColumnMap,
) -> Result<Parsed<PaymentRow>, ImportError> {
    // Folio's columns, and the payer's ИНН that statements carry.
    let [client, date, amount, note] = PAYMENT_COLUMNS;
    parse_kind(
        bytes,
        &[client, date, amount, note, "inn"],
        &["client", "date", "amount"],
        map,
        |f| {
            let client = f.required_text(0);
            let date = f.required_date(1, "date");
            let amount = f.parse_required(2, |s| Money::parse_positive_in(s, currency));
            let note = f.text(3);
            let inn = f.parse(4, Some("inn"), crate::domain::counterparty::check_inn);
            Some(PaymentRow {
                line: f.line,
                client: client?,
                date: date?,
                amount: amount?,
                note,
                inn,
            })
        },
    )
}

/// Payments from a bank statement, by a profile's (or `--incoming-only`'s)
/// `rules`: the columns [`STATEMENT_COLUMNS`] (mapped by `map`); outgoing,
/// zero, failed and other-currency rows are left out and counted by reason
/// with their sums, and only the rows kept must name a client and a date.
pub fn parse_statement(
    bytes: &[u8],
    currency: &str,
    map: &ColumnMap,
    rules: &Rules,
) -> Result<(Parsed<PaymentRow>, Vec<Skipped>), ImportError> {
    let parsed = parse_kind(
        bytes,
        &STATEMENT_COLUMNS,
        &["client", "date", "amount"],
        map,
        |f| statement_row(f, currency, rules),
    )?;
    let (rows, skipped) = kept_and_skipped(parsed.rows);
    let kept = Parsed {
        rows,
        errors: parsed.errors,
        header_line: parsed.header_line,
    };
    Ok((kept, skipped))
}

fn statement_row(f: &mut Fields, currency: &str, rules: &Rules) -> Option<StatementRow> {
    let client = f.take(0);
    let date = f.take(1);
    let status = f.text(4);
    let row_currency = f.text(5);
    let outgoing = f.parse(6, Some("outgoing"), |s| {
        parse_amount(s).map(|(m, _)| profile::magnitude(m))
    });
    let operation = f.text(7);
    let (amount, sign) = match f.take(2) {
        Cell::Text(s) => match parse_amount(s) {
            Ok(found) => found,
            Err(e) => {
                f.problems.push(e);
                return None;
            }
        },
        Cell::Missing if outgoing.is_some() => (Money::ZERO, None),
        Cell::Missing => {
            f.problems.push(Problem::Money(MoneyError::Empty));
            return None;
        }
        Cell::Bad => return None,
    };
    let row_currency = row_currency.or(sign.map(str::to_string));
    if let Err(skip) = classify(
        rules,
        status.as_deref(),
        row_currency.as_deref(),
        currency,
        amount,
        outgoing,
    ) {
        return Some(StatementRow::Skipped(skip));
    }
    // Kept: now its client and date must be good.
    f.cells[0] = client;
    f.cells[1] = date;
    let client = f.required_text(0);
    let date = f.required_date(1, "date");
    let note = profile::note_with_operation(operation.as_deref(), f.text(3));
    let inn = f.parse(8, Some("inn"), crate::domain::counterparty::check_inn);
    Some(StatementRow::Kept(PaymentRow {
        line: f.line,
        client: client?,
        date: date?,
        amount,
        note,
        inn,
    }))
}

/// Days as a whole number (digits only), more than zero.
fn parse_cadence(s: &str) -> Result<u32, Problem> {
    let digits = s.bytes().all(|b| b.is_ascii_digit());
    match s.parse() {
        Ok(days) if digits && days > 0 => Ok(days),
        _ => Err(Problem::Cadence(shown(s))),
    }
}

/// Minutes as a whole number or a duration (`02:13:55`, as call logs and
/// CRMs write them).
fn parse_minutes(s: &str) -> Result<u32, Problem> {
    match crate::domain::time::parse_minutes(s) {
        Some(minutes) if minutes <= MAX_MINUTES => Ok(minutes),
        _ => Err(Problem::Minutes {
            value: shown(s),
            max: MAX_MINUTES,
        }),
    }
}

/// A value quoted in a message, cut short if long.
fn shown(s: &str) -> String {
    const MAX: usize = 60;
    match s.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

/// One field of a row, for the columns a kind asks for: a view of the row
/// as read, so that only the values kept (names, texts) are copied.
#[derive(Clone, Copy)]
enum Cell<'a> {
    /// No such column, a short row, or a blank field.
    Missing,
    /// Trimmed, with the formula guard undone.
    Text(&'a str),
    /// Already reported as a problem of the row.
    Bad,
}

/// The most columns a kind asks for (the cells of a row live on the stack).
const MAX_COLUMNS: usize = 9;

const _: () = assert!(
    CLIENT_COLUMNS.len() <= MAX_COLUMNS
        && TOUCHPOINT_COLUMNS.len() <= MAX_COLUMNS
        && AGREEMENT_COLUMNS.len() <= MAX_COLUMNS
        && PAYMENT_COLUMNS.len() <= MAX_COLUMNS
        && STATEMENT_COLUMNS.len() <= MAX_COLUMNS
);

/// A data row being parsed: its cells, its problems so far, and how the
/// file's dates are read.
struct Fields<'a> {
    line: u64,
    cells: [Cell<'a>; MAX_COLUMNS],
    problems: Vec<Problem>,
    dates: &'a DateRules<'a>,
}

impl<'a> Fields<'a> {
    fn take(&mut self, i: usize) -> Cell<'a> {
        let cell = self.cells.get_mut(i);
        cell.map_or(Cell::Missing, |cell| std::mem::replace(cell, Cell::Missing))
    }

    fn text(&mut self, i: usize) -> Option<String> {
        match self.take(i) {
            Cell::Text(s) => Some(s.to_string()),
            Cell::Missing | Cell::Bad => None,
        }
    }

    /// The first column of every kind: the client's name.
    fn required_text(&mut self, i: usize) -> Option<String> {
        match self.take(i) {
            Cell::Text(s) => Some(s.to_string()),
            Cell::Missing => {
                self.problems.push(Problem::NoClientName);
                None
            }
            Cell::Bad => None,
        }
    }

    /// An optional field: blank is `None`, anything else must parse. `label`
    /// prefixes the message where the parser's own would be ambiguous (a
    /// second date in the row).
    fn parse<T, E: Into<Problem>>(
        &mut self,
        i: usize,
        label: Option<&str>,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        match self.take(i) {
            Cell::Text(s) => match parse(s) {
                Ok(v) => Some(v),
                Err(e) => {
                    self.problems.push(match label {
                        Some(label) => Problem::In(label.to_string(), Box::new(e.into())),
                        None => e.into(),
                    });
                    None
                }
            },
            Cell::Missing | Cell::Bad => None,
        }
    }

    /// An optional date in column `i`, named `column`, read by the file's
    /// date rules.
    fn date(&mut self, i: usize, column: &str) -> Option<NaiveDate> {
        let dates = self.dates;
        self.parse(i, None, |s| dates.read(i, column, s))
    }

    /// A required date: blank is an error saying so.
    fn required_date(&mut self, i: usize, column: &str) -> Option<NaiveDate> {
        let dates = self.dates;
        self.parse_required(i, |s| dates.read(i, column, s))
    }

    /// A required field: blank is parsed as `""`, whose error says it is empty.
    fn parse_required<T, E: Into<Problem>>(
        &mut self,
        i: usize,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        let text = match self.take(i) {
            Cell::Text(s) => s,
            Cell::Missing => "",
            Cell::Bad => return None,
        };
        match parse(text) {
            Ok(v) => Some(v),
            Err(e) => {
                self.problems.push(e.into());
                None
            }
        }
    }
}

/// The columns that hold dates, in every kind.
const DATE_COLUMNS: [&str; 5] = ["date", "since", "due", "next_due", "closed_on"];

/// How a file's date cells are read: in the `--date-format` when there is
/// one, otherwise as [`parse_file_date`] reads them, slash dates in the
/// order their column settles (by the kind's column index).
#[derive(Debug, Default)]
struct DateRules<'m> {
    format: Option<&'m DateFormat>,
    slash: [Option<DayMonth>; MAX_COLUMNS],
}

impl DateRules<'_> {
    /// Cell `s` of the kind's column `i`, named `column`, as a date.
    fn read(&self, i: usize, column: &str, s: &str) -> Result<NaiveDate, Problem> {
        if s.is_empty() {
            return Err(Problem::Empty(column.to_string()));
        }
        let column = column.to_string();
        if let Some(format) = self.format {
            return format.read(s).map_err(|_| Problem::NotInFormat {
                column,
                value: shown(s),
                format: format.to_string(),
            });
        }
        let order = self.slash.get(i).copied().flatten();
        parse_file_date(s, order).map_err(|_| match (order, slash_date(s)) {
            (Some(order), SlashDate::Only(_)) => Problem::OtherOrder {
                column,
                value: shown(s),
                order,
            },
            _ => Problem::NotADate {
                column,
                value: shown(s),
            },
        })
    }
}

/// The date rules of a file whose header ends at byte `from` of `text`:
/// the format when given; otherwise each date column's slash order, which
/// its first date that reads one way only settles (`13/04/2026`: day first)
/// for the whole column. A column with dates that read both ways
/// (`03/04/2026`) and none that settles it is refused, naming its first
/// such date. A column whose first date is of another form (ISO, dotted)
/// is not a column of slash dates: its slash dates must read one way. Only
/// a file with a `/` after its header is read twice, and then only as far
/// as it takes to decide its date columns.
fn date_rules<'m>(
    text: &str,
    from: usize,
    delimiter: u8,
    columns: &[&str],
    index: &[Option<usize>],
    format: Option<&'m DateFormat>,
) -> Result<DateRules<'m>, ImportError> {
    let mut rules = DateRules {
        format,
        slash: [None; MAX_COLUMNS],
    };
    let rest = text.get(from..).unwrap_or_default();
    if format.is_some() || !rest.contains('/') {
        return Ok(rules);
    }
    // (the kind's column index, the file's column index) of each date column.
    let dated: Vec<(usize, usize)> = columns
        .iter()
        .zip(index)
        .enumerate()
        .filter(|(_, (column, _))| DATE_COLUMNS.contains(column))
        .filter_map(|(k, (_, at))| at.map(|j| (k, j)))
        .collect();
    // Per column, where its first date that reads both ways is, and it;
    // and whether it is decided: settled, or not slash dates.
    let mut first_both: [Option<(u64, String)>; MAX_COLUMNS] = Default::default();
    let mut decided = [false; MAX_COLUMNS];
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(rest.as_bytes());
    let mut record = csv::StringRecord::new();
    // A row the reader cannot read stops this; the main reading reports it.
    while dated.iter().any(|&(k, _)| !decided[k])
        && reader.read_record(&mut record).unwrap_or(false)
    {
        for &(k, j) in &dated {
            if decided[k] {
                continue;
            }
            let cell = record.get(j).unwrap_or_default();
            match slash_date(cell) {
                SlashDate::Only(order) => {
                    rules.slash[k] = Some(order);
                    decided[k] = true;
                }
                SlashDate::NotSlash if first_both[k].is_none() => {
                    decided[k] = parse_file_date(cell, None).is_ok();
                }
                SlashDate::Both if first_both[k].is_none() => {
                    let at = record.position().map_or(0, csv::Position::byte);
                    first_both[k] = Some((from as u64 + at, cell.trim().to_string()));
                }
                _ => {}
            }
        }
    }
    for &(k, _) in &dated {
        if let (None, Some((at, value))) = (rules.slash[k], &first_both[k]) {
            return Err(ImportError::AmbiguousDates {
                line: LineCounter::new(text.as_bytes()).record_line(*at),
                column: columns[k].into(),
                value: shown(value).into(),
            });
        }
    }
    Ok(rules)
}

/// Read the rows of a kind and build each with `build`, which must look at
/// every field before giving up on a row (so all its problems are listed).
fn parse_kind<T>(
    bytes: &[u8],
    columns: &[&str],
    required: &[&str],
    map: &ColumnMap,
    build: impl FnMut(&mut Fields) -> Option<T>,
) -> Result<Parsed<T>, ImportError> {
    let mut rows = Vec::new();
    let send = |batch: Vec<T>| {
        rows.extend(batch);
        ControlFlow::Continue(())
    };
    let read = parse_kind_in_batches(bytes, columns, required, map, usize::MAX, send, build)?;
    Ok(Parsed {
        rows,
        errors: read.errors,
        header_line: read.header_line,
    })
}

/// [`parse_kind`], handing the good rows on in batches of `batch` rows as
/// they are built (see [`parse_touchpoints_in_batches`]).
fn parse_kind_in_batches<T>(
    bytes: &[u8],
    columns: &[&str],
    required: &[&str],
    map: &ColumnMap,
    batch: usize,
    mut send: impl FnMut(Vec<T>) -> ControlFlow<()>,
    mut build: impl FnMut(&mut Fields) -> Option<T>,
) -> Result<Read, ImportError> {
    let batch = batch.max(1);
    let mut out = Vec::new();
    let mut errors = Vec::new();
    // Each row is built as it is read: a large file is not held twice.
    let header_line = read_rows(bytes, columns, required, map, |mut fields| {
        let built = build(&mut fields);
        match built {
            Some(row) if fields.problems.is_empty() => {
                out.push(row);
                if out.len() >= batch {
                    return send(std::mem::take(&mut out));
                }
            }
            _ => errors.push(RowError {
                line: fields.line,
                message: RowMessage::new(std::mem::take(&mut fields.problems)),
            }),
        }
        ControlFlow::Continue(())
    })?;
    if !out.is_empty() {
        // Stopped or not, nothing is read after this.
        let _ = send(out);
    }
    Ok(Read {
        errors,
        header_line,
    })
}

/// Header cell to a column name: trimmed (a stray BOM too), lowercase, a
/// space or `-` as `_`.
fn column_name(header: &str) -> String {
    header
        .trim_matches(is_blank_char)
        .to_lowercase()
        .replace('ё', "е")
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

fn is_blank_record(record: &csv::StringRecord) -> bool {
    record
        .iter()
        .all(|f| f.trim_matches(is_blank_char).is_empty())
}

/// Before the header, a line of nothing but delimiters (`,,,` in a `;` file)
/// is blank too, as [`sniff_delimiter`] skips it when finding the header.
fn is_blank_before_header(record: &csv::StringRecord) -> bool {
    record
        .iter()
        .all(|f| f.chars().all(|c| is_blank_char(c) || c == ',' || c == ';'))
}

/// Excel's `sep=;` hint line, which may precede the header.
fn is_sep_hint(record: &csv::StringRecord) -> bool {
    let mut fields = record.iter().map(|f| f.trim_matches(is_blank_char));
    let first = fields.next().unwrap_or_default().to_ascii_lowercase();
    let rest_blank = fields.all(str::is_empty);
    rest_blank && (first == "sep=" || (first.len() == 5 && first.starts_with("sep=")))
}

/// Where a quoted field that is never closed opens, if one is, reading as
/// csv-core does (a quote opens a quoted field only at the start of a field;
/// `""` inside one is a quote; after the closing quote the field goes on).
/// Jumps from quote to quote (`str::find`), as the whole file is checked
/// before its first row is read.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let starts_field =
        |at: usize| at == 0 || matches!(bytes[at - 1], b'\n' | b'\r') || bytes[at - 1] == delimiter;
    let mut from = 0;
    while let Some(found) = text[from..].find('"') {
        let open = from + found;
        from = open + 1;
        // Anywhere but at a field's start a quote is just a character.
        // (The byte before is never a closing quote: one followed by a
        // quote is an escaped quote, skipped below.)
        if !starts_field(open) {
            continue;
        }
        loop {
            let Some(quote) = text[from..].find('"') else {
                return Some(open);
            };
            let quote = from + quote;
            from = quote + 1;
            if bytes.get(from) == Some(&b'"') {
                from += 1; // `""`: a quote inside the field
            } else {
                break; // closed
            }
        }
    }
    None
}

/// Where the first physical line longer than `max` bytes starts, if one
/// is: a line ends at `\n`, `\r\n` or a lone `\r`, as [`LineCounter`]
/// counts them. Physical lines, not records: a quoted field may span many
/// lines, each of which counts on its own (a record's size is bounded by
/// the input limit and each field's by [`MAX_CHARS`]).
///
/// Steps a window of `max + 1` bytes from line break to line break,
/// looking for the last break in it from its end: a window with no break
/// is a line too long; otherwise the next window starts after that break.
/// Each step moves on by about `max` bytes and looks at about one line, so
/// a large file costs a few hundred short scans, not a pass over it.
fn long_line(text: &str, max: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut start = 0;
    while bytes.len() - start > max {
        let window = &bytes[start..start + max + 1];
        match window.iter().rposition(|b| matches!(b, b'\n' | b'\r')) {
            Some(at) => start += at + 1,
            None => return Some(start),
        }
    }
    None
}

/// Decode, find the header and the requested columns, and cut the data rows
/// into cells (trimmed, guard undone, length checked), handing each to
/// `each` in file order until it says to stop. Blank rows are skipped.
fn read_rows(
    bytes: &[u8],
    columns: &[&str],
    required: &[&str],
    map: &ColumnMap,
    mut each: impl FnMut(Fields) -> ControlFlow<()>,
) -> Result<u64, ImportError> {
    let text = decode(bytes, map.encoding)?;
    let mut lines = LineCounter::new(text.as_bytes());
    if let Some(offset) = long_line(&text, MAX_LINE_BYTES) {
        return Err(ImportError::LineTooLong {
            line: lines.line_at(offset),
            max: MAX_LINE_BYTES,
        });
    }
    // The delimiter the first line suggests, then the others: the one the
    // header is found with is the file's (a title block's first line may
    // hold none, or a decimal comma).
    let sniffed = sniff_delimiter(&text);
    let mut first_miss = None;
    for delimiter in
        std::iter::once(sniffed).chain(DELIMITERS.into_iter().filter(|&d| d != sniffed))
    {
        match read_rows_with(&text, delimiter, columns, required, map, &mut each) {
            Err(Miss::Header(e)) => {
                first_miss.get_or_insert(e);
            }
            Err(Miss::Other(e)) => return Err(e),
            Ok(line) => return Ok(line),
        }
    }
    Err(first_miss.unwrap_or(ImportError::Empty))
}

/// The delimiters a file may use: Russian Excel's `;`, `,`, and the tab of
/// Excel's "Unicode text".
const DELIMITERS: [u8; 3] = [b';', b',', b'\t'];

/// Why [`read_rows_with`] stopped: no header under this delimiter (nothing
/// was handed on yet, so another may be tried), or anything else.
enum Miss {
    Header(ImportError),
    Other(ImportError),
}

impl From<ImportError> for Miss {
    fn from(e: ImportError) -> Miss {
        Miss::Other(e)
    }
}

/// [`read_rows`] with `delimiter`.
fn read_rows_with(
    text: &str,
    delimiter: u8,
    columns: &[&str],
    required: &[&str],
    map: &ColumnMap,
    each: &mut impl FnMut(Fields) -> ControlFlow<()>,
) -> Result<u64, Miss> {
    let mut lines = LineCounter::new(text.as_bytes());
    if let Some(offset) = unclosed_quote(text, delimiter) {
        return Err(Miss::Other(ImportError::Malformed {
            line: lines.line_at(offset),
            reason: Box::new(Refusal::UnclosedQuote),
        }));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());

    // For each requested column, its index in the file (if present).
    let mut index: Option<Vec<Option<usize>>> = None;
    let mut dates = DateRules::default();
    let mut header_len = 0;
    let mut header_line = 0;
    // Rows looked at for a header, and why the first was not one.
    let mut searched = 0;
    let mut first_miss: Option<ImportError> = None;
    let mut hint_allowed = true;
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = match e.position() {
                    Some(pos) => lines.record_line(pos.byte()),
                    None => lines.line,
                };
                return Err(Miss::Other(ImportError::Malformed {
                    line,
                    reason: Box::new(Refusal::Csv(e.to_string())),
                }));
            }
        }
        let from = record.position().map_or(0, csv::Position::byte);
        let line = lines.record_line(from);
        if is_blank_record(&record) {
            continue;
        }
        let Some(index) = &index else {
            if is_blank_before_header(&record) {
                continue;
            }
            if std::mem::take(&mut hint_allowed) && is_sep_hint(&record) {
                continue;
            }
            // The first row holding the required columns, within the
            // first rows: above it may stand a title block.
            match map_header(&record, line, columns, required, map) {
                Ok(found) => {
                    let header_end = usize::try_from(reader.position().byte()).unwrap_or(0);
                    let format = map.date_format.as_ref();
                    dates = date_rules(text, header_end, delimiter, columns, &found, format)?;
                    index = Some(found);
                    header_len = record.len();
                    header_line = line;
                }
                Err(e @ ImportError::MissingColumn(..)) => {
                    searched += 1;
                    let miss = first_miss.get_or_insert(e);
                    if searched >= HEADER_SEARCH_ROWS {
                        return Err(Miss::Header(std::mem::replace(miss, ImportError::Empty)));
                    }
                }
                Err(e) => return Err(e.into()),
            }
            continue;
        };
        let mut fields = Fields {
            line,
            cells: [Cell::Missing; MAX_COLUMNS],
            problems: Vec::new(),
            dates: &dates,
        };
        // Trailing blank fields beyond the header are fine; values are not.
        let used = record
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.trim_matches(is_blank_char).is_empty())
            .last()
            .map_or(0, |(last, _)| last + 1);
        if used > header_len {
            fields.problems.push(Problem::TooManyFields {
                used,
                header: header_len,
                delimiter: char::from(delimiter),
            });
        }
        for ((column, at), slot) in columns.iter().zip(index).zip(&mut fields.cells) {
            let raw = at.and_then(|j| record.get(j)).unwrap_or_default();
            let trimmed = raw.trim_matches(is_blank_char);
            let cell = if trimmed.is_empty() {
                Cell::Missing
            } else if too_long(trimmed) {
                fields.problems.push(Problem::TooLong {
                    column: column.to_string(),
                    chars: trimmed.chars().count(),
                    max: MAX_CHARS,
                });
                Cell::Bad
            } else {
                Cell::Text(unneutralise(trimmed))
            };
            *slot = cell;
        }
        if each(fields).is_break() {
            break;
        }
    }
    if index.is_none() {
        return Err(Miss::Header(first_miss.unwrap_or(ImportError::Empty)));
    }
    Ok(header_line)
}

/// A column map (`--map 'Дата платежа=date,Сумма платежа=amount'`): the
/// header a file gives each column that its own name and the known names
/// do not find; and how to read what the file does not say for certain,
/// its encoding (`--encoding`) and its dates (`--date-format`). The default
/// takes everything from the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap {
    pairs: Vec<(String, String)>,
    /// The file's encoding; `None`: told from its bytes ([`decode`]).
    pub encoding: Option<Encoding>,
    /// The format of every date column; `None`: ISO, `DD.MM.YYYY`,
    /// `DD.MM.YY` and slash dates in the order their column settles.
    pub date_format: Option<DateFormat>,
}

impl ColumnMap {
    /// `Header=column` pairs separated by commas, for a kind whose columns
    /// are `columns`.
    pub fn parse(text: &str, columns: &[&str]) -> Result<ColumnMap, Refusal> {
        let mut pairs = Vec::new();
        for pair in text.split(',').filter(|p| !p.trim().is_empty()) {
            let Some((header, column)) = pair.rsplit_once('=') else {
                return Err(Refusal::NotAMapPair(shown(pair.trim())));
            };
            pairs.push(Self::pair(header, column, columns)?);
        }
        Ok(ColumnMap {
            pairs,
            ..ColumnMap::default()
        })
    }

    /// One `header` for `column`, checked as [`ColumnMap::parse`] does.
    fn pair(header: &str, column: &str, columns: &[&str]) -> Result<(String, String), Refusal> {
        let column = column.trim().to_lowercase();
        if !columns.contains(&column.as_str()) {
            return Err(Refusal::NotAColumn {
                column: shown(&column),
                allowed: columns.join(" "),
            });
        }
        let header_name = column_name(header);
        if header_name.is_empty() {
            return Err(Refusal::NamesNoHeader(shown(header.trim())));
        }
        Ok((header_name, column))
    }

    /// Map `header` to `column` (one of `columns`), in place of any header
    /// mapped to it before (a profile's columns, one by one).
    pub fn add(&mut self, header: &str, column: &str, columns: &[&str]) -> Result<(), Refusal> {
        let (header, column) = Self::pair(header, column, columns)?;
        self.pairs.retain(|(_, c)| *c != column);
        self.pairs.push((header, column));
        Ok(())
    }

    /// This map with `other`'s pairs in place of its own for the columns
    /// `other` maps (`--map` over a profile).
    pub fn overridden_by(mut self, other: &ColumnMap) -> ColumnMap {
        self.pairs.retain(|(_, c)| other.header_for(c).is_none());
        self.pairs.extend(other.pairs.iter().cloned());
        self
    }

    /// The header (as [`column_name`] reads it) mapped to `column`.
    fn header_for(&self, column: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(_, c)| c == column)
            .map(|(h, _)| h.as_str())
    }
}

/// Every column's names, in one table that the imports of folio's own files
/// and of bank statements share: the column, the Russian header `export
/// --lang ru` writes (read back like any other name), and the other names a
/// header may give the column, separated by spaces, as Russian banks, 1C,
/// CRMs and English exports write them (after [`column_name`]: lowercase,
/// `ё` as `е`, words joined by `_`), most specific first: where a file has
/// two of them (Tinkoff: "Дата операции" and "Дата платежа"), the first
/// listed wins; the Russian header counts after them. Names that mean
/// different things in different files ("Описание": the counterparty in one
/// statement, the purpose in another) are left to a column map.
const COLUMN_NAMES: &[(&str, &str, &str)] = &[
    (
        "client",
        "клиент",
        "клиент контрагент плательщик customer payer counterparty",
    ),
    (
        "name",
        "клиент",
        "клиент название наименование контрагент client company",
    ),
    (
        "date",
        "дата",
        "дата дата_платежа дата_операции paid_on payment_date operation_date",
    ),
    (
        "amount",
        "сумма",
        "сумма сумма_платежа сумма_операции sum total",
    ),
    (
        "note",
        "примечание",
        "назначение_платежа назначение комментарий примечание comment memo",
    ),
    ("inn", "инн", "инн инн_плательщика плательщикинн tax_id"),
    ("summary", "тема", "тема итог subject"),
    ("kind", "тип", "тип вид канал type"),
    ("minutes", "минуты", "минуты длительность duration"),
    ("text", "договорённость", "договоренность текст agreement"),
    ("tier", "категория", "категория статус_клиента category"),
    ("due", "срок", "срок due_date deadline"),
    ("owner", "за_кем", "за_кем ответственный"),
    ("notes", "заметки", "заметки комментарий примечание"),
    ("cadence_days", "частота_касаний", "частота cadence"),
    ("since", "клиент_с", "с_какого_времени начало_работы"),
    ("next_step", "следующий_шаг", "next"),
    ("next_due", "срок_шага", "срок_следующего_шага"),
    ("status", "статус", ""),
    ("closed_on", "дата_закрытия", "закрыта closed"),
];

/// The Russian header of folio's `column` (`client`, `date`...), as
/// `export --lang ru` writes it; the column's own name if it has none.
pub fn russian_header(column: &str) -> &str {
    COLUMN_NAMES
        .iter()
        .find(|(c, _, _)| *c == column)
        .map_or(column, |(_, ru, _)| ru)
}

/// Find each requested column in the header; refuse a missing required column
/// and a requested column named twice.
fn map_header(
    header: &csv::StringRecord,
    line: u64,
    columns: &[&str],
    required: &[&str],
    map: &ColumnMap,
) -> Result<Vec<Option<usize>>, ImportError> {
    let names: Vec<String> = header.iter().map(column_name).collect();
    let mut index = Vec::with_capacity(columns.len());
    for column in columns {
        let (russian, aliases) = COLUMN_NAMES
            .iter()
            .find(|(c, _, _)| c == column)
            .map_or(("", ""), |(_, ru, a)| (*ru, *a));
        // The name the map gives it, else its own, then the other names it
        // goes by, then its Russian header.
        let known = format!("{column} {aliases} {russian}");
        let names_of: Vec<&str> = match map.header_for(column) {
            Some(header) => vec![header],
            None => known.split_whitespace().collect(),
        };
        let mut found = None;
        for name in names_of.iter().map(|n| column_name(n)) {
            let mut hits = names
                .iter()
                .enumerate()
                .filter(|(_, n)| **n == name)
                .map(|(i, _)| i);
            let first = hits.next();
            if hits.next().is_some() {
                return Err(ImportError::Malformed {
                    line,
                    reason: Box::new(Refusal::ColumnTwice(column.to_string())),
                });
            }
            if first.is_some() {
                found = first;
                break;
            }
        }
        index.push(found);
    }
    for column in required {
        let present = columns
            .iter()
            .zip(&index)
            .any(|(c, at)| c == column && at.is_some());
        if !present {
            let found: Vec<String> = header
                .iter()
                .map(|h| h.trim_matches(is_blank_char))
                .filter(|h| !h.is_empty())
                .map(shown)
                .collect();
            return Err(ImportError::MissingColumn(
                (*column).to_string(),
                found.join(", "),
            ));
        }
    }
    Ok(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The tests read the all-or-nothing shape an import acts on.
    fn into_result<T>(parsed: Parsed<T>) -> Result<Vec<T>, ImportError> {
        if parsed.errors.is_empty() {
            Ok(parsed.rows)
        } else {
            Err(ImportError::Rows(parsed.errors))
        }
    }
    fn parse_clients(b: &[u8]) -> Result<Vec<ClientRow>, ImportError> {
        super::parse_clients(b, &ColumnMap::default()).and_then(into_result)
    }
    fn parse_touchpoints(b: &[u8]) -> Result<Vec<TouchpointRow>, ImportError> {
        let map = ColumnMap::default();
        parse_kind(b, &TOUCHPOINT_COLUMNS, &["client"], &map, touchpoint_row).and_then(into_result)
    }
    fn parse_agreements(b: &[u8]) -> Result<Vec<AgreementRow>, ImportError> {
        super::parse_agreements(b, &ColumnMap::default()).and_then(into_result)
    }
    fn parse_payments(b: &[u8]) -> Result<Vec<PaymentRow>, ImportError> {
        super::parse_payments(b, "RUB", &ColumnMap::default()).and_then(into_result)
    }
    use crate::domain::{Agreement, Client, Payment, Status, Touchpoint};
    use crate::format::Locale;
    use crate::io::csv_export::{Layout, write};
    use encoding_rs::WINDOWS_1251;
    use proptest::prelude::*;

    use crate::domain::time::d;

    fn rows_err<T: std::fmt::Debug>(r: Result<T, ImportError>) -> Vec<RowError> {
        match r {
            Err(ImportError::Rows(rows)) => rows,
            other => panic!("expected row errors, got {other:?}"),
        }
    }

    fn lines_of(errors: &[RowError]) -> Vec<u64> {
        errors.iter().map(|e| e.line).collect()
    }

    #[test]
    fn russian_excel_payments_bom_semicolon_dates_and_amounts() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(
            "Клиент;Дата;x\r\n"
                .replace("Клиент;Дата;x", "client;date;amount;note")
                .as_bytes(),
        );
        bytes.extend_from_slice(
            "ООО Ромашка;23.11.2026;1 250 000,50;аванс, часть 1\r\n\
             Acme;2026-01-05;1,250,000.50;\r\n\
             Ёлка;1.2.2026;99,9;\"кавычки \"\"да\"\"\"\r\n"
                .as_bytes(),
        );
        let rows = parse_payments(&bytes).unwrap();
        assert_eq!(
            rows,
            vec![
                PaymentRow {
                    line: 2,
                    client: "ООО Ромашка".into(),
                    date: d(2026, 11, 23),
                    amount: Money::from_minor(125_000_050),
                    note: Some("аванс, часть 1".into()),
                    inn: None,
                },
                PaymentRow {
                    line: 3,
                    client: "Acme".into(),
                    date: d(2026, 1, 5),
                    amount: Money::from_minor(125_000_050),
                    note: None,
                    inn: None,
                },
                PaymentRow {
                    line: 4,
                    client: "Ёлка".into(),
                    date: d(2026, 2, 1),
                    amount: Money::from_minor(9_990),
                    note: Some("кавычки \"да\"".into()),
                    inn: None,
                },
            ]
        );
    }

    #[test]
    fn windows_1251_clients() {
        let text = "name;tier;cadence_days;since;notes\n\
                    ООО Ромашка;gold;14;01.03.2024;Звонить после обеда\n\
                    ИП Ёжиков;Potential;;;\n";
        let (bytes, _, unmappable) = WINDOWS_1251.encode(text);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
        let rows = parse_clients(&bytes).unwrap();
        assert_eq!(
            rows,
            vec![
                ClientRow {
                    line: 2,
                    name: "ООО Ромашка".into(),
                    tier: Some(Tier::Gold),
                    cadence_days: Some(14),
                    since: Some(d(2024, 3, 1)),
                    notes: Some("Звонить после обеда".into()),
                },
                ClientRow {
                    line: 3,
                    name: "ИП Ёжиков".into(),
                    tier: Some(Tier::Potential),
                    cadence_days: None,
                    since: None,
                    notes: None,
                },
            ]
        );
    }

    #[test]
    fn quoted_newlines_and_delimiters_keep_line_numbers_right() {
        let text = "client,date,text,owner,due,status\n\
                    \"Acme, Inc\",2026-01-05,\"line one\nline two, with comma\nline three\",us,,open\n\
                    Beta,2026-01-06,short,client,2026-01-01,kept\n\
                    Gamma,bad-date,x,us,,open\n";
        let err = rows_err(parse_agreements(text.as_bytes()));
        assert_eq!(lines_of(&err), vec![6]);
        assert_eq!(
            err[0].message,
            "date: 'bad-date' is not a date (use YYYY-MM-DD or DD.MM.YYYY, or --date-format)"
        );

        let good = text.replace("bad-date", "2026-01-07");
        let rows = parse_agreements(good.as_bytes()).unwrap();
        assert_eq!(lines_of_rows(&rows), vec![2, 5, 6]);
        assert_eq!(rows[0].client, "Acme, Inc");
        assert_eq!(
            rows[0].text.as_deref(),
            Some("line one\nline two, with comma\nline three")
        );
        // A due date before the agreement's date is fine.
        assert_eq!(rows[1].due, Some(d(2026, 1, 1)));
        assert_eq!(rows[1].owner, Some(Owner::Client));
        assert_eq!(rows[1].status, Some(AgreementStatus::Kept));
    }

    fn lines_of_rows(rows: &[AgreementRow]) -> Vec<u64> {
        rows.iter().map(|r| r.line).collect()
    }

    #[test]
    fn crlf_and_lone_cr_line_numbers() {
        let crlf =
            "client;date;amount\r\nA;2026-01-01;1\r\n\r\nB;2026-01-01;x\r\nC;2026-01-01;-1\r\n";
        assert_eq!(
            lines_of(&rows_err(parse_payments(crlf.as_bytes()))),
            vec![4, 5]
        );
        let cr = crlf.replace("\r\n", "\r");
        assert_eq!(
            lines_of(&rows_err(parse_payments(cr.as_bytes()))),
            vec![4, 5]
        );
        let quoted =
            "client;date;amount;note\r\nA;2026-01-01;1;\"a\r\nb\r\nc\"\r\nB;2026-01-01;x\r\n";
        assert_eq!(
            lines_of(&rows_err(parse_payments(quoted.as_bytes()))),
            vec![5]
        );
    }

    #[test]
    fn blank_lines_are_skipped_and_counted() {
        let text = "\n\nname\n\nAcme\n   \n,,,\n\"\"\n\nBeta\n\n";
        let rows = parse_clients(text.as_bytes()).unwrap();
        let got: Vec<(u64, &str)> = rows.iter().map(|r| (r.line, r.name.as_str())).collect();
        assert_eq!(got, vec![(5, "Acme"), (10, "Beta")]);
        // Excel pads rows of a `;` file with delimiters; lines of nothing but
        // delimiters before the header are skipped too.
        let text = ",,,\r\n;;\r\nname;tier\r\n;;\r\nAcme;gold\r\n;\r\n";
        let rows = parse_clients(text.as_bytes()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].line, rows[0].tier), (5, Some(Tier::Gold)));
        // In a `,` file, `;;;` after the header is data, not a blank line.
        let rows = parse_clients(b"name,tier\n;;;\n").unwrap();
        assert_eq!(rows[0].name, ";;;");
    }

    #[test]
    fn missing_optional_columns_and_short_rows() {
        let rows = parse_touchpoints(b"client\nAcme\n").unwrap();
        assert_eq!(
            rows,
            vec![TouchpointRow {
                line: 2,
                client: "Acme".into(),
                date: None,
                kind: None,
                summary: None,
                minutes: None,
                next_step: None,
                next_due: None,
            }]
        );
        // Rows with fewer fields than the header: the rest is None.
        let rows = parse_touchpoints(
            b"client,date,kind,summary,minutes\nAcme,2026-03-01\nBeta,,Meeting\n",
        )
        .unwrap();
        assert_eq!(rows[0].date, Some(d(2026, 3, 1)));
        assert_eq!(rows[0].kind, None);
        assert_eq!(rows[1].date, None);
        assert_eq!(rows[1].kind, Some(TouchKind::Meeting));
        assert_eq!(rows[1].minutes, None);
    }

    #[test]
    fn extra_columns_other_order_and_header_spelling() {
        let text = "  Amount ;Comment;DATE;Note;Client\n\
                    10;ignored;2026-05-01;n;Acme\n\
                    20,5;;02.05.2026;;Beta\n";
        let rows = parse_payments(text.as_bytes()).unwrap();
        assert_eq!(
            rows,
            vec![
                PaymentRow {
                    line: 2,
                    client: "Acme".into(),
                    date: d(2026, 5, 1),
                    amount: Money::major(10),
                    note: Some("n".into()),
                    inn: None,
                },
                PaymentRow {
                    line: 3,
                    client: "Beta".into(),
                    date: d(2026, 5, 2),
                    amount: Money::from_minor(2_050),
                    note: None,
                    inn: None,
                },
            ]
        );
        let rows = parse_clients(b"Cadence Days,NAME\n7,Acme\n").unwrap();
        assert_eq!(rows[0].cadence_days, Some(7));
        // Trailing empty fields beyond the header are fine.
        let rows = parse_clients(b"name,tier\nAcme,gold,,\n").unwrap();
        assert_eq!(rows[0].tier, Some(Tier::Gold));
    }

    #[test]
    fn more_fields_than_the_header_is_an_error() {
        // A decimal comma in a comma-separated file splits the amount.
        let err = rows_err(parse_payments(
            b"client,date,amount\nAcme,2026-01-01,1250,50\n",
        ));
        assert_eq!(lines_of(&err), vec![2]);
        assert_eq!(
            err[0].message,
            "the row has 4 fields but the header only 3 (put values that contain ',' in quotes)"
        );
        let err = rows_err(parse_payments(b"client;date;amount\nA;2026-01-01;1;x;;\n"));
        assert_eq!(
            err[0].message,
            "the row has 4 fields but the header only 3 (put values that contain ';' in quotes)"
        );
    }

    #[test]
    fn missing_required_column_and_empty_files() {
        assert_eq!(
            parse_payments(b"client;date;note\nAcme;2026-01-01;x\n"),
            Err(ImportError::MissingColumn(
                "amount".into(),
                "client, date, note".into()
            ))
        );
        let err = parse_clients("id,tier\n".as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "missing required column 'name' in the header (found: id, tier); use --map 'Your header=name' to name it"
        );
        assert_eq!(parse_clients(b""), Err(ImportError::Empty));
        assert_eq!(
            parse_clients(b"\xEF\xBB\xBF\r\n  \n;;\n"),
            Err(ImportError::Empty)
        );
        assert_eq!(parse_clients(b"name\n"), Ok(vec![]));
        assert_eq!(
            parse_clients(b"name,Name\nAcme,Beta\n"),
            Err(ImportError::Malformed {
                line: 1,
                reason: Box::new(Refusal::ColumnTwice("name".into()))
            })
        );
    }

    #[test]
    fn every_bad_row_is_listed() {
        let text = "client,date,amount,note\n\
                    Acme,2026-01-01,100,ok\n\
                    Beta,2026-01-02,abc,bad amount\n\
                    Gamma,2026-01-03,5,ok\n\
                    ,2026-01-04,5,no client\n\
                    Delta,31.04.2026,0,bad date and zero\n";
        let err = parse_payments(text.as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "3 bad rows:\n\
             line 3: 'abc' is not an amount (use digits, e.g. 1250000.50 or 1 250 000,50)\n\
             line 5: client name is empty\n\
             line 6: date: '31.04.2026' is not a date (use YYYY-MM-DD or DD.MM.YYYY, or --date-format); '0' must be greater than zero"
        );
        assert_eq!(
            lines_of(&rows_err(parse_payments(text.as_bytes()))),
            vec![3, 5, 6]
        );
    }

    #[test]
    fn payments_need_date_and_amount_and_exact_positive_amounts() {
        let text = "client,date,amount\n\
                    A,2026-01-01,1.255\n\
                    B,2026-01-01,-5\n\
                    C,2026-01-01,0\n\
                    D,,10\n\
                    E,2026-01-01,\n\
                    F,2026-01-01,\"1,250\"\n\
                    G\n\
                    H,2026-01-01,'-5\n";
        let err = rows_err(parse_payments(text.as_bytes()));
        let got: Vec<(u64, &str)> = err.iter().map(|e| (e.line, &*e.message)).collect();
        assert_eq!(
            got,
            vec![
                (
                    2,
                    "'1.255' has more than two digits after the decimal separator"
                ),
                (3, "'-5' is negative; amounts must be zero or more"),
                (4, "'0' must be greater than zero"),
                (5, "date is empty"),
                (6, "amount is empty"),
                (
                    7,
                    "'1,250' is ambiguous: write 1250 or 1,25 (a lone comma before three digits)"
                ),
                (8, "date is empty; amount is empty"),
                (9, "'-5' is negative; amounts must be zero or more"),
            ]
        );
    }

    #[test]
    fn slash_dates_are_read_in_the_order_their_column_settles() {
        // Line 3 settles month first, for line 2 too.
        let rows = parse_payments(b"client,date,amount\nA,03/04/2026,1\nA,4/13/2026 9:00 PM,2\n");
        assert_eq!(
            rows.map(|r| r.iter().map(|r| r.date).collect::<Vec<_>>()),
            Ok(vec![d(2026, 3, 4), d(2026, 4, 13)])
        );
        // A column whose first date is ISO is not a column of slash dates:
        // a later date that reads both ways is that row's error.
        let err = rows_err(parse_payments(
            b"client,date,amount\nA,2026-01-01,1\nA,03/04/2026,1\n",
        ));
        assert_eq!(lines_of(&err), vec![3]);
        assert!(err[0].message.contains("or --date-format"), "{err:?}");
        // Both ways and nothing settles it: the file, at its first such date.
        assert_eq!(
            parse_payments(b"client,date,amount\n\nA,03/04/2026,1\nA,05/05/2026,1\n"),
            Err(ImportError::AmbiguousDates {
                line: 3,
                column: "date".into(),
                value: "03/04/2026".into(),
            })
        );
        // A slash in a note: no second reading, and nothing to decide.
        let rows = parse_payments(b"client,date,amount,note\nA,2026-03-04,1,1/2/2026\n").unwrap();
        assert_eq!(rows[0].note.as_deref(), Some("1/2/2026"));
        // With a format: the format, for every date column.
        let map = ColumnMap {
            date_format: Some(DateFormat::parse("%d/%m/%Y").unwrap()),
            ..ColumnMap::default()
        };
        let rows = super::parse_agreements(b"client,date,due\nA,03/04/2026,05/04/2026\n", &map)
            .and_then(into_result)
            .unwrap();
        assert_eq!(
            (rows[0].date, rows[0].due),
            (Some(d(2026, 4, 3)), Some(d(2026, 4, 5)))
        );
    }

    #[test]
    fn invalid_dates_everywhere() {
        let err = rows_err(parse_clients(
            b"name,since\nA,2025-02-29\nB,29.02.25\nC,tomorrow\nD,29.02.2024\nE,01.02.25\n",
        ));
        assert_eq!(lines_of(&err), vec![2, 3, 4]);
        assert_eq!(
            err[0].message,
            "since: '2025-02-29' is not a date (use YYYY-MM-DD or DD.MM.YYYY, or --date-format)"
        );
        let err = rows_err(parse_agreements(
            b"client,date,due\nA,2026-13-01,2026-01-32\n",
        ));
        assert_eq!(
            err[0].message,
            "date: '2026-13-01' is not a date (use YYYY-MM-DD or DD.MM.YYYY, or --date-format); \
             due: '2026-01-32' is not a date (use YYYY-MM-DD or DD.MM.YYYY, or --date-format)"
        );
        let err = rows_err(parse_touchpoints(b"client,date,next_due\nA,,x\n"));
        assert_eq!(
            err[0].message,
            "next_due: 'x' is not a date (use YYYY-MM-DD or DD.MM.YYYY, or --date-format)"
        );
    }

    #[test]
    fn client_fields() {
        let text = "name,tier,cadence_days\n\
                    A,gold,0\n\
                    B,silver,-3\n\
                    C,,abc\n\
                    D,toxic,4294967296\n\
                    E,GOLD,30\n\
                    F,,7.5\n";
        let err = rows_err(parse_clients(text.as_bytes()));
        let got: Vec<(u64, &str)> = err.iter().map(|e| (e.line, &*e.message)).collect();
        assert_eq!(
            got,
            vec![
                (2, "cadence_days '0' is not a positive whole number of days"),
                (
                    3,
                    "'silver' is not a tier (use one of: gold potential toxic); \
                     cadence_days '-3' is not a positive whole number of days"
                ),
                (
                    4,
                    "cadence_days 'abc' is not a positive whole number of days"
                ),
                (
                    5,
                    "cadence_days '4294967296' is not a positive whole number of days"
                ),
                (
                    7,
                    "cadence_days '7.5' is not a positive whole number of days"
                ),
            ]
        );
    }

    /// Batches come in file order, of the size asked (the last shorter),
    /// bad rows apart; a refused batch stops the parse.
    #[test]
    fn touchpoints_in_batches() {
        let mut text = String::from("client,date,kind\n");
        for i in 0..7 {
            text.push_str(&format!("C{i},2026-01-0{},call\n", 1 + i % 9));
        }
        text.push_str("Bad,2026-13-01,call\nC7,,email\n");
        let mut batches = Vec::new();
        let errors = parse_touchpoints_in_batches(text.as_bytes(), 3, &ColumnMap::default(), |b| {
            batches.push(
                b.iter()
                    .map(|r| (r.line, r.client.clone()))
                    .collect::<Vec<_>>(),
            );
            ControlFlow::Continue(())
        })
        .unwrap();
        let sizes: Vec<usize> = batches.iter().map(Vec::len).collect();
        assert_eq!(sizes, [3, 3, 2]);
        let lines: Vec<u64> = batches.iter().flatten().map(|(l, _)| *l).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6, 7, 8, 10]);
        assert_eq!(batches[2][1].1, "C7");
        assert_eq!(
            errors.errors.iter().map(|e| e.line).collect::<Vec<_>>(),
            [9]
        );

        let mut seen = 0;
        let errors = parse_touchpoints_in_batches(text.as_bytes(), 3, &ColumnMap::default(), |b| {
            seen += b.len();
            ControlFlow::Break(())
        })
        .unwrap();
        assert_eq!(seen, 3, "nothing handed over after a refusal");
        assert!(
            errors.errors.is_empty(),
            "the bad row after the stop is not read"
        );
        // A broken header is still an error of the whole file.
        let broken = parse_touchpoints_in_batches(
            b"date,kind\n2026-01-01,call\n",
            3,
            &ColumnMap::default(),
            |_| ControlFlow::Continue(()),
        );
        assert!(
            matches!(broken, Err(ImportError::MissingColumn(..))),
            "{broken:?}"
        );
    }

    /// A title block above the header (a bank's name, the period, the
    /// balances) is skipped: the header is the first row, within the first
    /// 30, that holds the required columns; its line is told.
    #[test]
    fn a_title_block_above_the_header_is_skipped() {
        let text = "Выписка по счёту;;\n\
                    Период: 01.11.2026 - 30.11.2026;;\n\
                    Входящий остаток;1 000,00;\n\
                    \n\
                    client;date;amount\n\
                    ООО Ромашка;05.11.2026;250,00\n";
        let parsed = super::parse_payments(text.as_bytes(), "RUB", &ColumnMap::default()).unwrap();
        assert_eq!(parsed.header_line, 5);
        assert_eq!(parsed.rows.len(), 1);
        assert_eq!(parsed.rows[0].line, 6);
        // Without the required columns in the first 30 rows: the first
        // row's refusal, as before.
        let mut far = String::new();
        for i in 0..HEADER_SEARCH_ROWS {
            far.push_str(&format!("title {i};x;y\n"));
        }
        far.push_str("client;date;amount\nA;05.11.2026;1\n");
        assert!(matches!(
            super::parse_payments(far.as_bytes(), "RUB", &ColumnMap::default()),
            Err(ImportError::MissingColumn(..))
        ));
        let plain = super::parse_payments(
            b"client,date,amount\nA,2026-11-05,1\n",
            "RUB",
            &ColumnMap::default(),
        )
        .unwrap();
        assert_eq!(plain.header_line, 1);
    }

    /// Tab-delimited text (Excel's "Unicode text", UTF-16 with a BOM) reads
    /// as `;` and `,` do, and the delimiter is the one the header is found
    /// with, whatever the title block's first line suggests.
    #[test]
    fn tabs_utf16_and_a_title_that_suggests_another_delimiter() {
        let tabbed = "client\tdate\tamount\nООО Ромашка\t05.11.2026\t1 250,00\n";
        let rows = super::parse_payments(tabbed.as_bytes(), "RUB", &ColumnMap::default())
            .unwrap()
            .rows;
        assert_eq!(rows[0].amount, Money::from_minor(125_000));
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in tabbed.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let rows = super::parse_payments(&utf16, "RUB", &ColumnMap::default())
            .unwrap()
            .rows;
        assert_eq!(rows[0].client, "ООО Ромашка");
        // The title's first line has a decimal comma; the header is `;`.
        let titled =
            "Входящий остаток: 1 000,00\nПериод ноябрь\nclient;date;amount\nA;05.11.2026;7\n";
        let parsed =
            super::parse_payments(titled.as_bytes(), "RUB", &ColumnMap::default()).unwrap();
        assert_eq!((parsed.header_line, parsed.rows.len()), (3, 1));
    }

    /// Russian and English header names read without a column map; where a
    /// statement has two names for one column, the first listed wins.
    #[test]
    fn header_names_as_banks_and_crms_write_them() {
        let statement = "Дата операции;Дата платежа;Плательщик;Сумма платежа;Назначение платежа\n\
                         05.11.2026 10:15;06.11.2026;ООО Ромашка;1 250,00;Оплата по счёту 7\n";
        let rows = super::parse_payments(statement.as_bytes(), "RUB", &ColumnMap::default())
            .unwrap()
            .rows;
        assert_eq!(rows[0].client, "ООО Ромашка");
        assert_eq!(rows[0].date, NaiveDate::from_ymd_opt(2026, 11, 6).unwrap());
        assert_eq!(rows[0].amount, Money::from_minor(125_000));
        assert_eq!(rows[0].note.as_deref(), Some("Оплата по счёту 7"));
        let english = "Customer,Payment date,Total,Memo\nAcme,2026-11-05,10,x\n";
        let rows = super::parse_payments(english.as_bytes(), "RUB", &ColumnMap::default())
            .unwrap()
            .rows;
        assert_eq!(
            (rows[0].client.as_str(), rows[0].note.as_deref()),
            ("Acme", Some("x"))
        );
        let calls = "Клиент;Дата;Тип;Тема;Длительность\nАльфа;05.11.2026;call;Бюджет;00:30\n";
        let rows = parse_touchpoints(calls.as_bytes()).unwrap();
        assert_eq!(
            (rows[0].client.as_str(), rows[0].minutes),
            ("Альфа", Some(30))
        );
    }

    #[test]
    fn touchpoint_fields() {
        let text = "client,date,kind,summary,minutes\n\
                    A,2026-01-01,call,ok,0\n\
                    B,2026-01-01,e-mail,,44640\n\
                    C,2026-01-01,fax,,44641\n\
                    D,2026-01-01,chat,,-1\n\
                    E,2026-01-01,Meeting,,1.5\n";
        let err = rows_err(parse_touchpoints(text.as_bytes()));
        let got: Vec<(u64, &str)> = err.iter().map(|e| (e.line, &*e.message)).collect();
        assert_eq!(
            got,
            vec![
                (
                    4,
                    "'fax' is not a touchpoint kind (use one of: call meeting email message report other); \
                     minutes '44641' is not a whole number from 0 to 44640 nor a duration HH:MM[:SS]"
                ),
                (
                    5,
                    "minutes '-1' is not a whole number from 0 to 44640 nor a duration HH:MM[:SS]"
                ),
                (
                    6,
                    "minutes '1.5' is not a whole number from 0 to 44640 nor a duration HH:MM[:SS]"
                ),
            ]
        );
        // Durations as call logs write them, and dates with a time of day.
        let logged = "client,date,kind,summary,minutes\n\
                      A,03.06.2022 11:05,call,ok,02:13:55\n\
                      B,2026-11-05T10:00:00,call,ok,00:45\n";
        let rows = parse_touchpoints(logged.as_bytes()).unwrap();
        assert_eq!(rows[0].minutes, Some(134));
        assert_eq!(rows[0].date, NaiveDate::from_ymd_opt(2022, 6, 3));
        assert_eq!(rows[1].minutes, Some(45));
        assert_eq!(rows[1].date, NaiveDate::from_ymd_opt(2026, 11, 5));
        let ok = "client,date,kind,summary,minutes\nA,2026-01-01,call,ok,0\nB,2026-01-01,e-mail,,44640\n";
        let rows = parse_touchpoints(ok.as_bytes()).unwrap();
        assert_eq!(rows[0].minutes, Some(0));
        assert_eq!(rows[0].kind, Some(TouchKind::Call));
        assert_eq!(rows[1].minutes, Some(44640));
        assert_eq!(rows[1].kind, Some(TouchKind::Email));
        assert_eq!(rows[1].summary, None);
    }

    #[test]
    fn agreement_fields() {
        let err = rows_err(parse_agreements(
            b"client,owner,status\nA,me,done\nB,We,Canceled\n",
        ));
        assert_eq!(
            err,
            vec![RowError {
                line: 2,
                message: "'me' is not an owner (use one of: us client); \
                          'done' is not an agreement status (use one of: open kept broken cancelled)"
                    .into()
            }]
        );
    }

    #[test]
    fn duplicate_clients() {
        let text = "name\nООО Ромашка\nAcme\nооо  ромашка\nAcme\nBeta\n";
        let err = parse_clients(text.as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "2 bad rows:\n\
             line 4: duplicate client 'ооо  ромашка' (first on line 2 as 'ООО Ромашка')\n\
             line 5: duplicate client 'Acme' (first on line 3)"
        );
    }

    #[test]
    fn field_too_long() {
        let long = "я".repeat(MAX_CHARS + 1);
        let ok = "я".repeat(MAX_CHARS);
        let text = format!("name,notes\nA,{ok}\nB,{long}\n{long},x\n");
        let err = rows_err(parse_clients(text.as_bytes()));
        assert_eq!(
            err,
            vec![
                RowError {
                    line: 3,
                    message: "notes: field too long (10001 characters; at most 10000)".into()
                },
                RowError {
                    line: 4,
                    message: "name: field too long (10001 characters; at most 10000)".into()
                },
            ]
        );
    }

    #[test]
    fn ten_megabyte_field_does_not_hang() {
        let huge = "x".repeat(10 * 1024 * 1024);
        let started = std::time::Instant::now();
        // Lines this long are refused before any row is read.
        let text =
            format!("client,date,amount,note\nA,2026-01-01,1,\"{huge}\"\nB,2026-01-01,{huge}\n");
        assert!(matches!(
            parse_payments(text.as_bytes()),
            Err(ImportError::LineTooLong { line: 2, .. })
        ));
        // Huge fields on short lines are refused field by field.
        let tall = "x\n".repeat(5 * 1024 * 1024);
        let text = format!(
            "client,date,amount,note\nA,2026-01-01,1,\"{tall}\"\nB,2026-01-01,\"{tall}\"\n"
        );
        let err = rows_err(parse_payments(text.as_bytes()));
        assert_eq!(lines_of(&err), vec![2, 2 + 5 * 1024 * 1024 + 1]);
        assert!(err[0].message.contains("field too long"));
        assert!(err[1].message.starts_with("amount: field too long"));
        // Unclosed and unquoted huge fields, and a huge header, too.
        assert!(matches!(
            parse_payments(format!("client\n\"{tall}").as_bytes()),
            Err(ImportError::Malformed { line: 2, .. })
        ));
        let err = parse_payments(format!("{huge}\nA\n").as_bytes()).unwrap_err();
        assert!(err.to_string().len() < 300);
        assert!(started.elapsed() < std::time::Duration::from_secs(30));
    }

    #[test]
    fn long_lines_are_found_where_they_start() {
        assert_eq!(long_line("", 0), None);
        assert_eq!(long_line("abc", 3), None);
        assert_eq!(long_line("abcd", 3), Some(0));
        assert_eq!(long_line("abc\nabc\r\nabc\rabc\n", 3), None);
        assert_eq!(long_line("abc\nabcd\n", 3), Some(4));
        assert_eq!(long_line("abc\r\nabcd", 3), Some(5));
        assert_eq!(long_line("ab\rabcd\rab", 3), Some(3));
        // Line breaks are not part of a line; empty lines are fine.
        assert_eq!(long_line("\n\n\r\n\r\r", 0), None);
        assert_eq!(long_line("\r\nx", 0), Some(2));
        // Bytes of UTF-8, not characters: "яя" is four bytes.
        assert_eq!(long_line("яя", 3), Some(0));
        assert_eq!(long_line("яя", 4), None);
        // Many short lines, then a long one.
        let text = format!("{}{}\n", "ab\n".repeat(1000), "x".repeat(11));
        assert_eq!(long_line(&text, 10), Some(3000));
        assert_eq!(long_line(&text, 11), None);
    }

    #[test]
    fn a_line_over_the_limit_is_refused_with_its_number() {
        let max = "x".repeat(MAX_LINE_BYTES - 2);
        let over = "x".repeat(MAX_LINE_BYTES + 1);
        // At the limit: read, and refused for its field only.
        let text = format!("name,notes\r\nA,{max}\r\n");
        let err = rows_err(parse_clients(text.as_bytes()));
        assert!(err[0].message.contains("field too long"), "{err:?}");
        // Past it, anywhere: the whole file is refused at that line.
        let text = format!("name,notes\nA,x\n\nB,\"{over}\"\nC,x\n");
        assert_eq!(
            parse_clients(text.as_bytes()),
            Err(ImportError::LineTooLong {
                line: 4,
                max: MAX_LINE_BYTES
            })
        );
        assert_eq!(
            ImportError::LineTooLong {
                line: 4,
                max: MAX_LINE_BYTES
            }
            .to_string(),
            "line 4: the line is too long; folio reads lines of at most 1 MiB"
        );
        // A quoted field over many short lines is not one long line.
        let many = "x\n".repeat(MAX_LINE_BYTES);
        let text = format!("name,notes\nA,\"{many}\"\n");
        let err = rows_err(parse_clients(text.as_bytes()));
        assert!(err[0].message.contains("field too long"), "{err:?}");
        // Measured after decoding: 600,000 Cyrillic letters are 600 KB in
        // Windows-1251 and 1.2 MB as text.
        let text = format!("name;notes\n{};x\n", "я".repeat(600_000));
        let (bytes, _, _) = WINDOWS_1251.encode(&text);
        assert!(bytes.len() < MAX_LINE_BYTES);
        assert!(matches!(
            parse_clients(&bytes),
            Err(ImportError::LineTooLong { line: 2, .. })
        ));
    }

    #[test]
    fn unclosed_quote_is_malformed() {
        let text = "client,date,amount,note\nA,2026-01-01,1,\"ok\"\nB,2026-01-01,2,\"oops\nC,2026-01-01,3,x\n";
        assert_eq!(
            parse_payments(text.as_bytes()),
            Err(ImportError::Malformed {
                line: 3,
                reason: Box::new(Refusal::UnclosedQuote)
            })
        );
        // A quote inside an unquoted field is just a character.
        let rows = parse_clients(b"name,notes\nA,5\" screen\nB,x\"\"y\n").unwrap();
        assert_eq!(rows[0].notes.as_deref(), Some("5\" screen"));
        assert_eq!(rows[1].notes.as_deref(), Some("x\"\"y"));
    }

    #[test]
    fn excel_sep_hint_line() {
        let rows = parse_clients(b"sep=;\nname;tier\nAcme, Inc;gold\n").unwrap();
        assert_eq!(rows[0].line, 3);
        assert_eq!(rows[0].name, "Acme, Inc");
        assert_eq!(rows[0].tier, Some(Tier::Gold));
    }

    #[test]
    fn formula_cells_round_trip() {
        let cells = ["=SUM(A1)", "+7 999", "-note", "@x", "'quoted", "'=x", "''"];
        let clients: Vec<Client> = cells
            .iter()
            .enumerate()
            .map(|(i, cell)| Client {
                id: i as i64,
                name: format!("{cell} {i}"),
                tier: Tier::Gold,
                status: Status::Active,
                since: d(2026, 1, 1),
                cadence_days: None,
                channel: None,
                goal: None,
                notes: (*cell).to_string(),
            })
            .collect();
        let mut out = Vec::new();
        write(&mut out, &clients, Layout::Plain, Locale::En).unwrap();
        let text = String::from_utf8(out.clone()).unwrap();
        assert!(
            text.contains("\n'=SUM(A1) 0,gold,,2026-01-01,'=SUM(A1)\n"),
            "{text}"
        );
        assert!(text.contains(",''quoted\n"), "{text}");
        let rows = parse_clients(&out).unwrap();
        let notes: Vec<&str> = rows.iter().filter_map(|r| r.notes.as_deref()).collect();
        assert_eq!(notes, cells);
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        let want: Vec<String> = clients.iter().map(|c| c.name.clone()).collect();
        assert_eq!(names, want);

        let payments: Vec<(String, Payment)> = cells
            .iter()
            .map(|cell| {
                (
                    (*cell).to_string(),
                    Payment {
                        id: 1,
                        client_id: 1,
                        on: d(2026, 1, 1),
                        amount: Money::from_minor(1),
                        note: (*cell).to_string(),
                    },
                )
            })
            .collect();
        let mut out = Vec::new();
        write(&mut out, &payments, Layout::Plain, Locale::En).unwrap();
        let rows = parse_payments(&out).unwrap();
        for (row, cell) in rows.iter().zip(cells) {
            assert_eq!(row.client, cell);
            assert_eq!(row.note.as_deref(), Some(cell));
        }
    }

    const TRICKY: [&str; 6] = [
        "ООО «Ромашка», Москва",
        "Café 🚀 \"Rocket\", Ltd.",
        "a;b;c",
        "line one\nline two\r\nline three",
        "=1+1",
        "  x\u{a0}y  ",
    ];

    #[test]
    fn clients_round_trip() {
        let clients: Vec<Client> = TRICKY
            .iter()
            .enumerate()
            .map(|(i, t)| Client {
                id: i as i64 + 1,
                name: format!("{} #{i}", t.trim()),
                tier: Tier::ALL[i % Tier::ALL.len()],
                status: Status::Active,
                since: d(2020 + i as i32, 1 + i as u32, 28),
                cadence_days: if i % 2 == 0 { Some(i as u32 + 1) } else { None },
                channel: None,
                goal: None,
                notes: t.trim().to_string(),
            })
            .collect();
        let mut out = Vec::new();
        write(&mut out, &clients, Layout::Plain, Locale::En).unwrap();
        let rows = parse_clients(&out).unwrap();
        assert_eq!(rows.len(), clients.len());
        for (row, c) in rows.iter().zip(&clients) {
            assert_eq!(row.name, c.name);
            assert_eq!(row.tier, Some(c.tier));
            assert_eq!(row.cadence_days, c.cadence_days);
            assert_eq!(row.since, Some(c.since));
            assert_eq!(row.notes.as_deref(), Some(c.notes.as_str()));
        }
        // Line numbers count the embedded line breaks.
        // (Both name and notes of row 3 hold two line breaks.)
        assert_eq!(rows[3].line, 5);
        assert_eq!(rows[4].line, 10);
    }

    #[test]
    fn touchpoints_round_trip() {
        let rows_in: Vec<(String, Touchpoint)> = TRICKY
            .iter()
            .enumerate()
            .map(|(i, t)| {
                (
                    t.trim().to_string(),
                    Touchpoint {
                        id: 1,
                        client_id: 1,
                        at: d(2026, 2, 1 + i as u32),
                        kind: TouchKind::ALL[i % TouchKind::ALL.len()],
                        summary: if i == 2 {
                            String::new()
                        } else {
                            t.trim().to_string()
                        },
                        minutes: i as u32 * 15,
                        next_step: (i % 2 == 0).then(|| format!("-{}", t.trim())),
                        next_due: (i % 3 == 0).then(|| d(2026, 3, 1)),
                    },
                )
            })
            .collect();
        let mut out = Vec::new();
        write(&mut out, &rows_in, Layout::Plain, Locale::En).unwrap();
        let rows = parse_touchpoints(&out).unwrap();
        assert_eq!(rows.len(), rows_in.len());
        for (row, (client, t)) in rows.iter().zip(&rows_in) {
            assert_eq!(&row.client, client);
            assert_eq!(row.date, Some(t.at));
            assert_eq!(row.kind, Some(t.kind));
            assert_eq!(row.summary.as_deref().unwrap_or_default(), t.summary);
            assert_eq!(row.minutes, Some(t.minutes));
            assert_eq!(row.next_step, t.next_step);
            assert_eq!(row.next_due, t.next_due);
        }
    }

    #[test]
    fn agreements_round_trip() {
        let rows_in: Vec<(String, Agreement)> = TRICKY
            .iter()
            .enumerate()
            .map(|(i, t)| {
                (
                    format!("{} 🚀", t.trim()),
                    Agreement {
                        id: 1,
                        client_id: 1,
                        made_on: d(2026, 4, 10),
                        text: t.trim().to_string(),
                        owner: Owner::ALL[i % Owner::ALL.len()],
                        due: (i % 2 == 1).then(|| d(2026, 4, 1)),
                        status: AgreementStatus::ALL[i % AgreementStatus::ALL.len()],
                        closed_on: None,
                    },
                )
            })
            .collect();
        let mut out = Vec::new();
        write(&mut out, &rows_in, Layout::Plain, Locale::En).unwrap();
        let rows = parse_agreements(&out).unwrap();
        assert_eq!(rows.len(), rows_in.len());
        for (row, (client, a)) in rows.iter().zip(&rows_in) {
            assert_eq!(&row.client, client);
            assert_eq!(row.date, Some(a.made_on));
            assert_eq!(row.text.as_deref(), Some(a.text.as_str()));
            assert_eq!(row.owner, Some(a.owner));
            assert_eq!(row.due, a.due);
            assert_eq!(row.status, Some(a.status));
        }
    }

    #[test]
    fn payments_round_trip() {
        let amounts = [1, 99, 100, 125_000_050, 7, crate::domain::money::MAX_AMOUNT];
        let rows_in: Vec<(String, Payment)> = TRICKY
            .iter()
            .zip(amounts)
            .map(|(t, minor)| {
                (
                    t.trim().to_string(),
                    Payment {
                        id: 1,
                        client_id: 1,
                        on: d(2025, 12, 31),
                        amount: Money::from_minor(minor),
                        note: t.trim().to_string(),
                    },
                )
            })
            .collect();
        let mut out = Vec::new();
        write(&mut out, &rows_in, Layout::Plain, Locale::En).unwrap();
        let rows = parse_payments(&out).unwrap();
        assert_eq!(rows.len(), rows_in.len());
        for (row, (client, p)) in rows.iter().zip(&rows_in) {
            assert_eq!(&row.client, client);
            assert_eq!(row.date, p.on);
            assert_eq!(row.amount, p.amount);
            assert_eq!(row.note.as_deref(), Some(p.note.as_str()));
        }
    }

    /// Every parser on some input: no panic; row errors and rows only on
    /// lines after the header, in file order.
    fn check_all(bytes: &[u8]) -> Result<(), TestCaseError> {
        fn check<T>(
            result: Result<Vec<T>, ImportError>,
            line: impl Fn(&T) -> u64,
        ) -> Result<(), TestCaseError> {
            let lines: Vec<u64> = match &result {
                Ok(rows) => rows.iter().map(line).collect(),
                Err(ImportError::Rows(errors)) => {
                    prop_assert!(!errors.is_empty());
                    errors.iter().map(|e| e.line).collect()
                }
                Err(_) => Vec::new(),
            };
            prop_assert!(lines.iter().all(|&l| l >= 2), "{lines:?}");
            prop_assert!(lines.windows(2).all(|w| w[0] < w[1]), "{lines:?}");
            Ok(())
        }
        check(parse_clients(bytes), |r| r.line)?;
        check(parse_touchpoints(bytes), |r| r.line)?;
        check(parse_agreements(bytes), |r| r.line)?;
        check(parse_payments(bytes), |r| r.line)?;
        Ok(())
    }

    const HEADERS: [&str; 6] = [
        "name,tier,cadence_days,since,notes\n",
        "client;date;kind;summary;minutes\n",
        "client,date,text,owner,due,status\n",
        "client;date;amount;note\r\n",
        "\u{feff}amount,client,date\n",
        "",
    ];

    /// The byte-by-byte reading [`unclosed_quote`] must agree with.
    fn unclosed_quote_bytewise(text: &str, delimiter: u8) -> Option<usize> {
        #[derive(Clone, Copy)]
        enum State {
            FieldStart,
            Unquoted,
            Quoted,
            QuoteInQuoted,
        }
        let mut state = State::FieldStart;
        let mut opened = 0;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            let ends_field = b == delimiter || b == b'\n' || b == b'\r';
            state = match state {
                State::FieldStart if b == b'"' => {
                    opened = i;
                    State::Quoted
                }
                State::FieldStart | State::Unquoted | State::QuoteInQuoted if ends_field => {
                    State::FieldStart
                }
                State::FieldStart | State::Unquoted => State::Unquoted,
                State::Quoted if b == b'"' => State::QuoteInQuoted,
                State::Quoted => State::Quoted,
                State::QuoteInQuoted if b == b'"' => State::Quoted,
                State::QuoteInQuoted => State::Unquoted,
            };
        }
        matches!(state, State::Quoted).then_some(opened)
    }

    proptest! {
        #[test]
        fn long_line_agrees_with_splitting_the_lines(
            text in "([ab\r\n]|я){0,60}",
            max in 0usize..8,
        ) {
            let mut start = 0;
            let mut expected = None;
            for line in text.split(['\n', '\r']) {
                if line.len() > max {
                    expected = Some(start);
                    break;
                }
                start += line.len() + 1;
            }
            prop_assert_eq!(long_line(&text, max), expected);
        }

        #[test]
        fn unclosed_quote_agrees_with_the_bytewise_reading(
            text in "[\"\"\",;\r\na ж]{0,60}",
            semicolon in any::<bool>(),
        ) {
            let delimiter = if semicolon { b';' } else { b',' };
            prop_assert_eq!(
                unclosed_quote(&text, delimiter),
                unclosed_quote_bytewise(&text, delimiter)
            );
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            check_all(&bytes)?;
        }

        #[test]
        fn csvish_text_never_panics(
            header in 0..HEADERS.len(),
            body in "[a-zA-Zя0-9 ,;\"'=+@.\\-\r\n\u{a0}]{0,300}",
        ) {
            let text = format!("{}{body}", HEADERS[header]);
            check_all(text.as_bytes())?;
            let (cp1251, _, _) = WINDOWS_1251.encode(&text);
            check_all(&cp1251)?;
        }

        #[test]
        fn any_trimmed_text_round_trips(
            name in any::<String>(),
            note in any::<String>(),
            minor in 1..=crate::domain::money::MAX_AMOUNT,
        ) {
            let name = format!("{}x", name.trim_matches(is_blank_char));
            let note = note.trim_matches(is_blank_char).to_string();
            let payment = Payment {
                id: 1,
                client_id: 1,
                on: d(2026, 1, 1),
                amount: Money::from_minor(minor),
                note: note.clone(),
            };
            let mut out = Vec::new();
            write(&mut out, &[(name.clone(), payment)], Layout::Plain, Locale::En).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let rows = parse_payments(&out).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(rows.len(), 1);
            prop_assert_eq!(&rows[0].client, &name);
            prop_assert_eq!(rows[0].amount, Money::from_minor(minor));
            prop_assert_eq!(rows[0].note.clone().unwrap_or_default(), note);
        }

        #[test]
        fn guard_round_trips(cell in "['=+@\\-]{0,3}.{0,8}") {
            let guarded = crate::io::csv_export::neutralise(&cell);
            prop_assert_eq!(unneutralise(&guarded), cell.as_str());
        }
    }
}
