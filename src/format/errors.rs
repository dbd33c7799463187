//! Errors in the person's language. Each error type keeps its English
//! `Display` (its `#[error]`), which JSON, logs and the library's callers
//! see; here the known types are taken apart variant by variant and worded
//! through `assets/locales/*/errors.ftl`. English reads exactly as the
//! `Display` does (a test builds every variant and compares), so the
//! command line and the TUI show the same English as before and Russian
//! where the person speaks it.
//!
//! `explain_error` words one error; `explain` a whole `anyhow` chain, as
//! `{:#}` joins it. An error of a type not known here, and a context layer
//! that is a plain string, show as they are. What the system or SQLite says
//! in English is said in Russian by its kind (`io::ErrorKind`, SQLite's
//! result code); a rare one stays as they word it, inside a Russian sentence.
//! Why a field or a file was refused comes as a typed
//! [`Refusal`] (`OpError::Invalid`, a row's problem, a file that is not
//! CSV), worded here variant by variant (`refusal`).
//!
//! Used by `main.rs` (every command's error) and the TUI (forms, toasts,
//! load failures), each with the person's language.

use std::error::Error;
use std::io;
use std::path::Path;

use super::messages::text;
use super::{Locale, Noun, count, whole};
use crate::config::ConfigError;
use crate::domain::counterparty::{self, InnError};
use crate::domain::text::{Lines, TextError, code_point, escape};
use crate::domain::time::DayMonth;
use crate::domain::{DateError, MoneyError, Refusal, UnknownValue};
use crate::files::OutError;
use crate::io::InputError;
use crate::io::csv_import::{ImportError, Place, Problem, RowError, RowMessage};
use crate::io::decode::{DecodeError, Utf8Sign};
use crate::io::profile::ProfileError;
use crate::io::sheet::{Format, InSheet, SheetError};
use crate::ops::backups::RestoreError;
use crate::ops::{OpError, ReadOnlyFile};
use crate::session::SessionError;
use crate::store::restore::SourceError;
use crate::store::{OpenError, StoreError};

/// The whole chain of `e`, outermost first, joined by `: ` as `{:#}`
/// joins it, each layer in `locale`.
pub fn explain(locale: Locale, e: &anyhow::Error) -> String {
    e.chain()
        .map(|layer| explain_error(locale, layer))
        .collect::<Vec<_>>()
        .join(": ")
}

/// One error (not its sources) in `locale`: a type folio knows worded
/// through the messages, any other as its `Display`.
pub fn explain_error(locale: Locale, e: &(dyn Error + 'static)) -> String {
    let l = locale;
    let worded = word(l, e, op)
        .or_else(|| word(l, e, read_only_file))
        .or_else(|| word(l, e, out))
        .or_else(|| word(l, e, open))
        .or_else(|| word(l, e, sqlite))
        .or_else(|| word(l, e, source))
        .or_else(|| word(l, e, restore))
        .or_else(|| word(l, e, config))
        .or_else(|| word(l, e, |l, e| import_at(l, Place::Line, e)))
        .or_else(|| word(l, e, |l, e| row(l, Place::Line, e)))
        .or_else(|| word(l, e, decode))
        .or_else(|| word(l, e, input))
        .or_else(|| word(l, e, sheet))
        .or_else(|| word(l, e, in_sheet))
        .or_else(|| word(l, e, profile))
        .or_else(|| word(l, e, date))
        .or_else(|| word(l, e, money))
        .or_else(|| word(l, e, unknown_value))
        .or_else(|| word(l, e, text_error))
        .or_else(|| word(l, e, refusal))
        .or_else(|| word(l, e, session))
        .or_else(|| word(l, e, system));
    worded.unwrap_or_else(|| e.to_string())
}

/// `e` worded by `f` when it is a `T`.
fn word<T: Error + 'static>(
    l: Locale,
    e: &(dyn Error + 'static),
    f: impl Fn(Locale, &T) -> String,
) -> Option<String> {
    e.downcast_ref::<T>().map(|e| f(l, e))
}

/// A path as messages show it (never quoted).
fn path(p: &Path) -> String {
    p.display().to_string()
}

/// A message whose one value is a path.
fn at(l: Locale, id: &str, p: &Path) -> String {
    say!(l, id, path = &path(p))
}

/// `cannot ... {path}: {reason}`.
fn cannot(l: Locale, id: &str, p: &Path, reason: &str) -> String {
    say!(l, id, path = &path(p), reason = reason)
}

/// Why the system refused, in `locale`: English as [`crate::files::describe`]
/// says it (the system's words); Russian by the error's kind, and the
/// system's words inside a Russian sentence for a rare kind.
pub fn describe(locale: Locale, e: &io::Error) -> String {
    use io::ErrorKind as K;
    if locale == Locale::En {
        return crate::files::describe(e);
    }
    let id = match e.kind() {
        K::NotFound => "io-not-found",
        K::PermissionDenied => "io-permission-denied",
        K::AlreadyExists => "io-already-exists",
        K::StorageFull | K::QuotaExceeded => "io-storage-full",
        K::ReadOnlyFilesystem => "io-read-only",
        K::Interrupted => "io-interrupted",
        K::InvalidData => "io-invalid-data",
        K::IsADirectory => "io-is-a-directory",
        K::NotADirectory => "io-not-a-directory",
        K::DirectoryNotEmpty => "io-directory-not-empty",
        K::BrokenPipe => "io-broken-pipe",
        K::TimedOut => "io-timed-out",
        K::UnexpectedEof => "io-unexpected-eof",
        K::FileTooLarge => "io-file-too-large",
        _ => return say!(locale, "io-other", error = &e.to_string()),
    };
    text(locale, id)
}

/// An io error as the types that hold one show it in English: as the
/// system words it (`cannot open x: No such file...`).
fn system(locale: Locale, e: &io::Error) -> String {
    match locale {
        Locale::En => e.to_string(),
        Locale::Ru => describe(locale, e),
    }
}

/// SQLite's reason, by its result code; English as SQLite says it.
fn sqlite(locale: Locale, e: &StoreError) -> String {
    if locale == Locale::En {
        return e.to_string();
    }
    match e.code().and_then(sqlite_id) {
        Some(id) => text(locale, id),
        None => say!(locale, "sqlite-other", error = &e.to_string()),
    }
}

/// The message for an SQLite result code people meet.
fn sqlite_id(code: rusqlite::ErrorCode) -> Option<&'static str> {
    use rusqlite::ErrorCode as C;
    match code {
        C::DatabaseBusy | C::DatabaseLocked => Some("sqlite-busy"),
        C::DiskFull => Some("sqlite-full"),
        C::ReadOnly => Some("sqlite-read-only"),
        C::NotADatabase => Some("sqlite-not-a-database"),
        C::DatabaseCorrupt => Some("sqlite-corrupt"),
        _ => None,
    }
}

fn read_only_file(l: Locale, e: &ReadOnlyFile) -> String {
    at(l, "op-read-only-file", &e.path)
}

fn op(l: Locale, e: &OpError) -> String {
    match e {
        OpError::UnknownClient(name) => say!(l, "op-unknown-client", name = &*escape(name)),
        OpError::DuplicateClient(name) => say!(l, "op-duplicate-client", name = &*escape(name)),
        OpError::NotFound { what, id } => {
            say!(l, "op-not-found", what = record_word(l, what), id = *id)
        }
        OpError::Invalid { field, reason } => field_problem(l, field, &refusal(l, reason)),
        OpError::Import(e) => import_at(l, Place::Line, e),
        OpError::File(e) => out(l, e),
        OpError::Busy => text(l, "op-busy"),
        OpError::DiskFull => text(l, "op-disk-full"),
        OpError::ReadOnly => text(l, "op-read-only"),
        OpError::Db(e) => {
            // `database error:` already says whose: SQLite's own words
            // follow it as they are when no Russian names them.
            let error = match e.code().and_then(sqlite_id) {
                Some(id) if l == Locale::Ru => text(l, id),
                _ => e.to_string(),
            };
            say!(l, "op-db", error = &error)
        }
    }
}

/// `field: problem`, the field named in `l`.
fn field_problem(l: Locale, field: &str, problem: &str) -> String {
    say!(
        l,
        "field-problem",
        field = field_word(l, field),
        problem = problem,
    )
}

/// A field's name as errors give it (`next due`), in Russian where known.
fn field_word(l: Locale, field: &str) -> &str {
    if l == Locale::En {
        return field;
    }
    match field {
        "name" => "название",
        "client" => "клиент",
        "notes" => "заметки",
        "summary" => "содержание",
        "text" => "текст",
        "next step" | "next_step" => "следующий шаг",
        "next due" | "next_due" => "срок шага",
        "cadence" | "cadence_days" => "частота касаний",
        "minutes" => "минуты",
        "target" => "план",
        "amount" => "сумма",
        "date" => "дата",
        "due" => "срок",
        "since" => "клиент с",
        "closed_on" => "закрыта",
        "tier" => "категория",
        "status" => "статус",
        "kind" => "вид",
        "owner" => "за кем",
        "email" => "эл. почта",
        "phone" => "телефон",
        "role" => "должность",
        "goal" => "цель",
        "channel" => "канал",
        "reason" => "причина",
        "note" => "примечание",
        "person" => "контактное лицо",
        "inn" => "ИНН",
        "closed on" => "дата закрытия",
        "currency" => "валюта",
        "alias" => "псевдоним",
        "undo" => "отмена",
        "outgoing" => "списание",
        "export" => "выгрузка",
        "id" => "номер",
        "File" => "файл",
        _ => field,
    }
}

/// A record's name in `op-not-found`.
fn record_word(l: Locale, what: &str) -> &str {
    if l == Locale::En {
        return what;
    }
    match what {
        "client" => "клиент",
        "touchpoint" => "касание",
        "agreement" => "договорённость",
        "contact" => "контакт",
        "invoice" => "ожидаемый платёж",
        "payment" => "поступление",
        _ => what,
    }
}

/// Why a field or a file was refused, in `l`: each [`Refusal`] through
/// its `reason-...` message, its values (an enum's word in the language,
/// a kind of record by its name, a date as dates are shown).
fn refusal(l: Locale, r: &Refusal) -> String {
    use Refusal as R;
    let n = |id: &str, n: i64| say!(l, id, n = n);
    let value = |id: &str, v: &str| say!(l, id, value = v);
    let named = |id: &str, v: &str, name: &str| say!(l, id, value = v, name = name);
    let word = |en: &'static str, ru: &'static str| if l == Locale::En { en } else { ru };
    let already = |name: &str, word: &str| say!(l, "reason-already", name = name, word = word);
    let record = |id: &str, what: &str| say!(l, id, record = record_word(l, what));
    let key = |id: &str, key: &str| say!(l, id, key = key);
    match r {
        R::Required => text(l, "reason-required"),
        R::NothingVisible => text(l, "reason-nothing-visible"),
        R::LongerThan { max } => n("reason-longer-than", whole(*max)),
        R::AtLeastADay => text(l, "reason-at-least-a-day"),
        R::AtMostDays { max } => n("reason-at-most-days", whole(*max)),
        R::AtMost { max } => n("reason-at-most", whole(*max)),
        R::TotalTooLarge => text(l, "reason-total-too-large"),
        R::AgreementAlready { id, status } => {
            let word = word(status.as_str(), status.as_ru());
            say!(l, "reason-agreement-already", id = *id, word = word)
        }
        R::TierAlready { name, tier } => already(name, word(tier.as_str(), tier.as_ru())),
        R::StatusAlready { name, status } => already(name, word(status.as_str(), status.as_ru())),
        R::DueNeedsStep => text(l, "reason-due-needs-step"),
        R::OpenHasNoClose => text(l, "reason-open-has-no-close"),
        R::DueBeforeMade { due, made } => say!(
            l,
            "reason-due-before-made",
            due = &super::date(l, *due),
            made = &super::date(l, *made),
        ),
        R::CloseAs => text(l, "reason-close-as"),
        R::ZeroOrMore => text(l, "reason-zero-or-more"),
        R::AboveZero => text(l, "reason-above-zero"),
        R::TooLarge => text(l, "reason-too-large"),
        R::CurrencyCode(code) => say!(l, "reason-currency-code", code = code),
        R::DeletedWithCopy => text(l, "reason-deleted-with-copy"),
        R::DeletedClientBack => text(l, "reason-deleted-client-back"),
        R::KeepsId { record, id } => say!(
            l,
            "reason-keeps-id",
            record = record_word(l, record),
            id = *id,
        ),
        R::GenNotEmpty => text(l, "reason-gen-not-empty"),
        R::BriefingNotSaved => text(l, "reason-briefing-not-saved"),
        R::Text(e) => text_problem(l, e),
        R::Email(v) => value("reason-email", v),
        R::PhoneCharacter { value: v, found } => {
            say!(l, "reason-phone-character", value = v, char = found)
        }
        R::PhoneDigits { value: v, min } => {
            say!(l, "reason-phone-digits", value = v, n = whole(*min))
        }
        R::Inn(InnError::Shape(v)) => value("reason-inn-shape", &counterparty::shown(v)),
        R::Inn(InnError::Checksum(v)) => value("reason-inn-checksum", v),
        R::InnTaken { inn, name } => say!(l, "reason-inn-taken", inn = inn, name = name),
        R::AliasTaken { alias, name } => named("reason-alias-taken", alias, name),
        R::AliasIsAName { alias, name } => named("reason-alias-is-a-name", alias, name),
        R::NotAnAlias { alias, name } => named("reason-not-an-alias", alias, name),
        R::AliasEmpty => text(l, "reason-alias-empty"),
        R::CouldBeEither {
            written,
            name,
            other,
        } => say!(
            l,
            "reason-could-be-either",
            value = written,
            name = name,
            other = other,
        ),
        R::OtherInn { inn, name, theirs } => say!(
            l,
            "reason-other-inn",
            inn = inn,
            name = name,
            other = theirs,
        ),
        R::UnclosedQuote => text(l, "reason-unclosed-quote"),
        R::ColumnTwice(column) => value("reason-column-twice", column),
        R::Csv(error) => say!(l, "reason-csv", error = error),
        R::OneCNoKey(k) => key("reason-1c-no-key", k),
        R::OneCEmptyKey(k) => key("reason-1c-empty-key", k),
        R::OneCDirection => text(l, "reason-1c-direction"),
        R::OneCEndWithoutStart => text(l, "reason-1c-end-without-start"),
        R::OneCUnclosed(kind) => value("reason-1c-unclosed", kind),
        R::NotAMapPair(pair) => value("reason-not-a-map-pair", pair),
        R::NotAColumn { column, allowed } => {
            say!(l, "reason-not-a-column", value = column, allowed = allowed)
        }
        R::NamesNoHeader(header) => value("reason-names-no-header", header),
        R::NotADatePattern(pattern) => value("reason-not-a-date-pattern", pattern),
        R::NotAWholeDate(pattern) => value("reason-not-a-whole-date", pattern),
        R::NotInRange { value: v, min, max } => say!(
            l,
            "reason-not-in-range",
            value = v,
            min = i64::from(*min),
            max = i64::from(*max),
        ),
        R::NotAWholeNumber(v) => value("reason-not-a-whole-number", v),
        R::UndoChanged(what) => record("reason-undo-changed", what),
        R::UndoDeleted(what) => record("reason-undo-deleted", what),
        R::UndoHasRecords(what) => record("reason-undo-has-records", what),
        R::UndoThereAgain(what) => record("reason-undo-there-again", what),
    }
}

fn session(l: Locale, e: &SessionError) -> String {
    match e {
        SessionError::NoHome => text(l, "session-no-home"),
        SessionError::NoDemoFolder(_) => text(l, "session-no-demo-folder"),
    }
}

fn out(l: Locale, e: &OutError) -> String {
    match e {
        OutError::Exists(p) => at(l, "out-exists", p),
        OutError::Portfolio(p) => at(l, "out-portfolio", p),
        OutError::Database(p) => at(l, "out-database", p),
        OutError::Symlink(p) => at(l, "out-symlink", p),
        OutError::Directory(p) => at(l, "out-directory", p),
        OutError::Special(p) => at(l, "out-special", p),
        OutError::MissingFolder(p) => at(l, "folder-missing", p),
        OutError::Io { path: p, reason } => cannot(l, "out-io", p, &describe(l, reason)),
        OutError::Output(reason) => say!(l, "out-output", reason = &describe(l, reason)),
    }
}

fn open(l: Locale, e: &OpenError) -> String {
    match e {
        OpenError::NotSqlite(p) => at(l, "open-not-sqlite", p),
        OpenError::Truncated(p) => at(l, "open-truncated", p),
        OpenError::Foreign(p) => at(l, "open-foreign", p),
        OpenError::Newer { path, found, known } => newer(l, "open-newer", path, *found, *known),
        OpenError::IsDirectory(p) => at(l, "open-is-directory", p),
        OpenError::NotAPath(p) if p.as_os_str().is_empty() => text(l, "open-empty-path"),
        OpenError::NotAPath(p) => at(l, "open-not-a-path", p),
        OpenError::MissingDirectory(p) => at(l, "folder-missing", p),
        OpenError::Io { path, reason } => cannot(l, "open-cannot", path, &system(l, reason)),
        OpenError::Db { path, reason } => cannot(l, "open-cannot", path, &sqlite(l, reason)),
        OpenError::DiskFull(p) => at(l, "open-disk-full", p),
        OpenError::Backup { path, reason } => cannot(l, "open-backup", path, &out(l, reason)),
        OpenError::ReadOnlyOlder { path: p, found } => say!(
            l,
            "open-read-only-older",
            path = &path(p),
            found = i64::from(*found),
        ),
        OpenError::ReadOnlyEmpty(p) => at(l, "open-read-only-empty", p),
        OpenError::ReadOnlyWal { path: p, wal } => {
            say!(l, "open-read-only-wal", path = &path(p), wal = &path(wal))
        }
        OpenError::ReadOnlyJournal { path: p, journal } => say!(
            l,
            "open-read-only-journal",
            path = &path(p),
            journal = &path(journal),
        ),
        OpenError::ReadOnly(p) => at(l, "open-read-only", p),
    }
}

/// A file of schema version `found`, newer than the `known` one.
fn newer(l: Locale, id: &str, p: &Path, found: i32, known: i32) -> String {
    say!(
        l,
        id,
        path = &path(p),
        found = i64::from(found),
        known = i64::from(known),
    )
}

fn source(l: Locale, e: &SourceError) -> String {
    match e {
        SourceError::Open(e) => open(l, e),
        SourceError::Newer { path, found, known } => newer(l, "source-newer", path, *found, *known),
        SourceError::IsDirectory(p) => at(l, "source-is-directory", p),
        SourceError::Missing { path } => at(l, "source-missing", path),
        SourceError::Unreadable { path, reason } => {
            cannot(l, "source-unreadable", path, &system(l, reason))
        }
        SourceError::Damaged { path: p, problems } => say!(
            l,
            "source-damaged",
            path = &path(p),
            problems = &count(l, problems.len(), Noun::Problem),
            first = problems.first().map(String::as_str).unwrap_or("?"),
        ),
    }
}

fn restore(l: Locale, e: &RestoreError) -> String {
    match e {
        RestoreError::SameFile(p) => at(l, "restore-same-file", p),
        RestoreError::Source(e) => source(l, e),
        RestoreError::NoFile => text(l, "restore-no-file"),
        RestoreError::KeepBefore { path, source } => {
            cannot(l, "restore-keep-before", path, &out(l, source))
        }
        RestoreError::Copy { from, into, source } => say!(
            l,
            "restore-copy",
            from = &path(from),
            into = &path(into),
            reason = &op(l, source),
        ),
    }
}

fn config(l: Locale, e: &ConfigError) -> String {
    match e {
        ConfigError::Syntax {
            path: p,
            line,
            message,
        } => say!(
            l,
            "config-syntax",
            path = &path(p),
            line = whole(*line),
            message = message,
        ),
        ConfigError::Read { path, reason } => cannot(l, "config-read", path, &describe(l, reason)),
        ConfigError::Folder { path, reason } => {
            cannot(l, "config-write", path, &describe(l, reason))
        }
        ConfigError::Write(e) => out(l, e),
        ConfigError::NoPath => say!(l, "config-no-path", env = crate::config::ENV),
        ConfigError::Value { key, value } => say!(l, "config-value", key = *key, value = value),
        ConfigError::Lang { value } => say!(l, "config-lang", value = value),
    }
}

/// What an import error's numbers count, as messages name it (`$place`):
/// English `line` or, in a spreadsheet, `row`; Russian `строка` for both.
fn place_word(l: Locale, place: Place) -> String {
    text(
        l,
        match place {
            Place::Line => "place-line",
            Place::Row => "place-row",
        },
    )
}

/// An import error, its numbers called `place`s (`Place::Line` but in
/// a spreadsheet).
fn import_at(l: Locale, place: Place, e: &ImportError) -> String {
    match e {
        ImportError::Empty => text(l, "import-empty"),
        ImportError::MissingColumn(column, found) => say!(
            l,
            "import-missing-column",
            // The header Russian files give it (`клиент`); `--map`
            // takes the column's own name.
            header = crate::io::csv_import::russian_header(column),
            column = column,
            found = found,
        ),
        ImportError::Rows(rows) => {
            let rows: Vec<String> = rows.iter().map(|r| row(l, place, r)).collect();
            say!(
                l,
                "import-rows",
                count = &count(l, rows.len(), Noun::BadRow),
                rows = &rows.join("\n"),
            )
        }
        ImportError::Malformed { line, reason } => say!(
            l,
            "import-at",
            place = &place_word(l, place),
            line = whole(*line),
            message = &refusal(l, reason),
        ),
        ImportError::LineTooLong { line, max } => say!(
            l,
            "import-line-too-long",
            place = &place_word(l, place),
            line = whole(*line),
            size = &size(l, whole(*max)),
        ),
        ImportError::Decode(e) => decode(l, e),
        ImportError::AmbiguousDates {
            line,
            column,
            value,
        } => {
            let (day_first, month_first) = crate::io::csv_import::slash_formats(value);
            say!(
                l,
                "import-ambiguous-dates",
                place = &place_word(l, place),
                line = whole(*line),
                column = field_word(l, column),
                value = &**value,
                day_first = day_first,
                month_first = month_first,
            )
        }
    }
}

/// One bad row: `line 3: ...` (`row 3: ...` in a spreadsheet).
fn row(l: Locale, place: Place, e: &RowError) -> String {
    say!(
        l,
        "import-at",
        place = &place_word(l, place),
        line = whole(e.line),
        message = &row_message(l, &e.message),
    )
}

/// What is wrong with a row: its problems, joined by `; `.
fn row_message(l: Locale, message: &RowMessage) -> String {
    message
        .problems()
        .iter()
        .map(|p| problem(l, p))
        .collect::<Vec<_>>()
        .join("; ")
}

fn problem(l: Locale, p: &Problem) -> String {
    match p {
        Problem::Value(e) => unknown_value(l, e),
        Problem::Money(e) => money(l, e),
        Problem::Date(e) => date(l, e),
        Problem::Text(e) => text_error(l, e),
        Problem::In(label, p) => field_problem(l, label, &problem(l, p)),
        Problem::Empty(column) => say!(l, "row-empty", column = field_word(l, column)),
        Problem::NoClientName => text(l, "row-no-client-name"),
        Problem::NotADate { column, value } => say!(
            l,
            "row-not-a-date",
            column = field_word(l, column),
            value = value,
        ),
        Problem::OtherOrder {
            column,
            value,
            order,
        } => {
            let order = match order {
                DayMonth::DayFirst => "date-order-day-month",
                DayMonth::MonthFirst => "date-order-month-day",
            };
            say!(
                l,
                "row-other-order",
                column = field_word(l, column),
                value = value,
                order = &text(l, order),
            )
        }
        Problem::NotInFormat {
            column,
            value,
            format,
        } => say!(
            l,
            "row-not-in-format",
            column = field_word(l, column),
            value = value,
            format = format,
        ),
        Problem::Cadence(value) => say!(l, "row-cadence", value = value),
        Problem::Minutes { value, max } => {
            say!(l, "row-minutes", value = value, max = i64::from(*max))
        }
        Problem::Duplicate {
            name,
            first_line,
            as_written: None,
        } => say!(l, "row-duplicate", name = name, first = whole(*first_line)),
        Problem::Duplicate {
            name,
            first_line,
            as_written: Some(written),
        } => say!(
            l,
            "row-duplicate-as",
            name = name,
            first = whole(*first_line),
            as_written = written,
        ),
        Problem::TooManyFields {
            used,
            header,
            delimiter,
        } => say!(
            l,
            "row-too-many-fields",
            used = whole(*used),
            header = whole(*header),
            delimiter = &delimiter.to_string(),
        ),
        Problem::TooLong { column, chars, max } => say!(
            l,
            "row-too-long",
            column = field_word(l, column),
            chars = whole(*chars),
            max = whole(*max),
        ),
        Problem::UnknownClient(name) => say!(l, "row-unknown-client", name = name),
        Problem::Invalid { field, reason } => field_problem(l, field, &refusal(l, reason)),
        Problem::DuplicateClient(name) => say!(l, "op-duplicate-client", name = name),
        Problem::Unnamed => text(l, "row-unnamed"),
        Problem::Refused(reason) => refusal(l, reason),
    }
}

/// A size as limits are said: `256 MiB`, `4096 bytes`.
fn size(l: Locale, bytes: i64) -> String {
    let mib = whole(crate::io::MIB);
    if bytes >= mib && bytes % mib == 0 {
        say!(l, "size-mib", n = bytes / mib)
    } else {
        say!(l, "size-bytes", n = bytes)
    }
}

fn decode(l: Locale, e: &DecodeError) -> String {
    match e {
        DecodeError::NotUtf8 { line, byte, why } => say!(
            l,
            "decode-not-utf8",
            line = whole(*line),
            byte = &format!("{byte:02X}"),
            why = &decode_why(l, why),
        ),
        DecodeError::Utf16WithoutBom => text(l, "decode-utf16-without-bom"),
        DecodeError::NotUtf16 { line } => say!(l, "decode-not-utf16", line = whole(*line)),
        DecodeError::Unknown { line } => say!(l, "decode-unknown", line = whole(*line)),
        DecodeError::Ambiguous {
            line,
            first,
            second,
        } => say!(
            l,
            "decode-ambiguous",
            line = whole(*line),
            first = first.name(),
            second = second.name(),
        ),
    }
}

/// Why a file that is not all UTF-8 is UTF-8 (the two signs
/// `io::decode` takes).
fn decode_why(l: Locale, why: &Utf8Sign) -> String {
    match why {
        Utf8Sign::Bom => text(l, "decode-why-bom"),
        Utf8Sign::RussianOnLine(line) => say!(l, "decode-why-russian-line", line = whole(*line)),
    }
}

fn input(l: Locale, e: &InputError) -> String {
    match e {
        InputError::TooLarge { limit } => {
            say!(l, "import-too-large", size = &size(l, whole(*limit)))
        }
        InputError::Io(e) => system(l, e),
    }
}

fn sheet(l: Locale, e: &SheetError) -> String {
    match e {
        SheetError::Unreadable { format, message } => {
            let what = match format {
                Format::Xlsx => "sheet-format-xlsx",
                Format::Xls => "sheet-format-xls",
            };
            say!(
                l,
                "sheet-unreadable",
                what = &text(l, what),
                message = message,
            )
        }
        SheetError::NoSheet => text(l, "sheet-none"),
        SheetError::UnknownSheet { wanted, found } => {
            say!(l, "sheet-unknown", wanted = wanted, found = found)
        }
        SheetError::Sheet { sheet, message } => {
            say!(l, "sheet-problem", sheet = sheet, message = message)
        }
        SheetError::TooLarge => {
            let size = size(l, whole(crate::io::sheet::MAX_UNPACKED_BYTES));
            say!(l, "sheet-too-large", size = &size)
        }
    }
}

fn in_sheet(l: Locale, e: &InSheet) -> String {
    say!(
        l,
        "sheet-problem",
        sheet = &*escape(&e.sheet),
        message = &import_at(l, Place::Row, &e.error),
    )
}

fn profile(l: Locale, e: &ProfileError) -> String {
    match e {
        ProfileError::Unknown { name, yours } => {
            let yours = if yours.is_empty() {
                text(l, "profile-none")
            } else {
                yours.join(", ")
            };
            say!(
                l,
                "profile-unknown",
                name = name,
                built_in = &crate::io::profile::built_in_names().join(", "),
                yours = &yours,
            )
        }
        ProfileError::Read { path, source } => cannot(l, "profile-read", path, &system(l, source)),
        ProfileError::Toml { path: p, message } => {
            say!(l, "profile-toml", path = &path(p), message = message)
        }
        ProfileError::Invalid { name, reason } => say!(
            l,
            "profile-invalid",
            name = name,
            message = &refusal(l, reason),
        ),
    }
}

/// A domain value's error.
fn date(l: Locale, e: &DateError) -> String {
    match e {
        DateError::Empty => text(l, "date-empty"),
        DateError::Invalid(v) => say!(l, "date-invalid", value = v),
        DateError::InvalidMonth(v) => say!(l, "month-invalid", value = v),
    }
}

fn money(l: Locale, e: &MoneyError) -> String {
    let value = |id: &str, v: &str| say!(l, id, value = v);
    match e {
        MoneyError::Empty => text(l, "money-empty"),
        MoneyError::Invalid(v) => value("money-invalid", v),
        MoneyError::TooManyDecimals(v) => value("money-too-many-decimals", v),
        MoneyError::Ambiguous(v) => value("money-ambiguous", v),
        MoneyError::Negative(v) => value("money-negative", v),
        MoneyError::Zero(v) => value("money-zero", v),
        MoneyError::OtherCurrency {
            value,
            found,
            expected,
        } => say!(
            l,
            "money-other-currency",
            value = value,
            found = *found,
            expected = expected,
        ),
        MoneyError::Overflow(v) => value("money-overflow", v),
    }
}

/// `'platinum' is not a tier (use one of: gold potential toxic)`; in
/// Russian the allowed values are the Russian words.
fn unknown_value(l: Locale, e: &UnknownValue) -> String {
    let id = match e.what {
        "tier" => "value-tier",
        "status" => "value-status",
        "touchpoint kind" => "value-touchpoint-kind",
        "owner" => "value-owner",
        "agreement status" => "value-agreement-status",
        _ => return e.to_string(),
    };
    let allowed = match l {
        Locale::En => e.allowed,
        Locale::Ru => e.allowed_ru,
    };
    say!(
        l,
        "unknown-value",
        value = &e.value,
        what = &text(l, id),
        allowed = allowed,
    )
}

fn text_error(l: Locale, e: &TextError) -> String {
    field_problem(l, e.field, &text_problem(l, e))
}

/// What is wrong with a text, without the field's name.
fn text_problem(l: Locale, e: &TextError) -> String {
    let id = match (e.found, e.lines) {
        ('\0', _) => "text-nul",
        ('\n' | '\r', Lines::One) => "text-line-break",
        ('\t', Lines::One) => "text-tab",
        ('\r', Lines::Many) => "text-carriage-return",
        _ => "text-control",
    };
    say!(l, id, code = &code_point(e.found))
}

#[cfg(test)]
mod tests;
