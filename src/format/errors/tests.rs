use std::io::ErrorKind;
use std::path::PathBuf;

use rusqlite::ffi;

use super::*;
use crate::domain::text::{multi_line, single_line};
use crate::domain::{AgreementStatus, Money, Month, Owner, Status, Tier, TouchKind, parse_date};
use crate::io::decode::{Encoding, Utf8Sign};

const EN: Locale = Locale::En;
const RU: Locale = Locale::Ru;

fn p(s: &str) -> PathBuf {
    PathBuf::from(s)
}

fn io_error(kind: ErrorKind) -> io::Error {
    io::Error::from(kind)
}

/// Every domain value error the parsers give.
fn domain_errors() -> Vec<Box<dyn Error>> {
    let mut out: Vec<Box<dyn Error>> = vec![
        Box::new(parse_date("").unwrap_err()),
        Box::new(parse_date("31.02.2026").unwrap_err()),
        Box::new(Month::parse("2026-13").unwrap_err()),
        Box::new(MoneyError::Empty),
        Box::new(Money::parse("abc").unwrap_err()),
        Box::new(MoneyError::TooManyDecimals("1.234".into())),
        Box::new(MoneyError::Ambiguous("1,250".into())),
        Box::new(MoneyError::Negative("-5".into())),
        Box::new(MoneyError::Zero("0".into())),
        Box::new(MoneyError::OtherCurrency {
            value: "5 EUR".into(),
            found: "EUR",
            expected: "RUB".into(),
        }),
        Box::new(MoneyError::Overflow("9".repeat(30))),
        Box::new(Tier::parse("platinum").unwrap_err()),
        Box::new(Status::parse("gone").unwrap_err()),
        Box::new(TouchKind::parse("fax").unwrap_err()),
        Box::new(Owner::parse("me").unwrap_err()),
        Box::new(AgreementStatus::parse("done").unwrap_err()),
    ];
    for text in ["a\0b", "a\nb", "a\tb", "a\u{1b}b"] {
        out.push(Box::new(single_line("name", text).unwrap_err()));
    }
    out.push(Box::new(multi_line("notes", "a\rb").unwrap_err()));
    out
}

/// One of every problem an imported row can have.
fn problems() -> Vec<Problem> {
    let column = || "due".to_string();
    vec![
        Problem::Value(Tier::parse("platinum").unwrap_err()),
        Problem::Money(MoneyError::Empty),
        Problem::Date(DateError::Invalid("x".into())),
        Problem::Text(single_line("name", "a\tb").unwrap_err()),
        Problem::In(
            "inn".into(),
            Box::new(Problem::Refused(Refusal::Inn(InnError::Shape(
                "12345".into(),
            )))),
        ),
        Problem::Refused(Refusal::OneCNoKey("Дата")),
        Problem::Empty(column()),
        Problem::NoClientName,
        Problem::NotADate {
            column: column(),
            value: "13/13/2026".into(),
        },
        Problem::OtherOrder {
            column: column(),
            value: "13/04/2026".into(),
            order: DayMonth::MonthFirst,
        },
        Problem::OtherOrder {
            column: column(),
            value: "04/13/2026".into(),
            order: DayMonth::DayFirst,
        },
        Problem::NotInFormat {
            column: column(),
            value: "x".into(),
            format: "%d/%m/%Y".into(),
        },
        Problem::Cadence("-1".into()),
        Problem::Minutes {
            value: "lots".into(),
            max: 44_640,
        },
        Problem::Duplicate {
            name: "Acme".into(),
            first_line: 2,
            as_written: None,
        },
        Problem::Duplicate {
            name: "ACME".into(),
            first_line: 2,
            as_written: Some("Acme".into()),
        },
        Problem::TooManyFields {
            used: 5,
            header: 4,
            delimiter: ';',
        },
        Problem::TooManyFields {
            used: 1,
            header: 0,
            delimiter: ',',
        },
        Problem::TooLong {
            column: "notes".into(),
            chars: 10_001,
            max: 10_000,
        },
        Problem::UnknownClient("Нет".into()),
        Problem::Invalid {
            field: "next due".into(),
            reason: Refusal::DueNeedsStep,
        },
        Problem::DuplicateClient("Acme".into()),
        Problem::Unnamed,
    ]
}

fn rows() -> ImportError {
    ImportError::Rows(
        problems()
            .into_iter()
            .enumerate()
            .map(|(i, problem)| RowError {
                line: i as u64 + 2,
                message: problem.into(),
            })
            .collect(),
    )
}

/// Every import error, of a file and of a sheet.
fn import_errors() -> Vec<ImportError> {
    vec![
        ImportError::Empty,
        ImportError::MissingColumn("client".into(), "имя, дата".into()),
        rows(),
        ImportError::Rows(vec![RowError {
            line: 3,
            message: RowMessage::new(vec![
                Problem::Value(Owner::parse("me").unwrap_err()),
                Problem::Empty("date".into()),
            ]),
        }]),
        ImportError::Malformed {
            line: 4,
            reason: Box::new(Refusal::ColumnTwice("name".into())),
        },
        ImportError::LineTooLong {
            line: 5,
            max: 1 << 20,
        },
        ImportError::Decode(DecodeError::Utf16WithoutBom),
        ImportError::AmbiguousDates {
            line: 6,
            column: "date".into(),
            value: "03/04/2026".into(),
        },
        ImportError::AmbiguousDates {
            line: 6,
            column: "date".into(),
            value: "03/04/26".into(),
        },
    ]
}

/// Every error of every family folio words, built.
fn all_errors() -> Vec<Box<dyn Error>> {
    let mut out = domain_errors();
    let ops: Vec<OpError> = vec![
        OpError::UnknownClient("ООО \u{1b}Ромашка".into()),
        OpError::DuplicateClient("Acme".into()),
        OpError::NotFound {
            what: "touchpoint",
            id: 7,
        },
        OpError::NotFound {
            what: "gizmo",
            id: 7,
        },
        OpError::Import(ImportError::Empty),
        OpError::File(OutError::Exists(p("out.csv"))),
        OpError::Busy,
        OpError::DiskFull,
        OpError::ReadOnly,
        OpError::Db(StoreError::with_code(ffi::SQLITE_CORRUPT)),
    ];
    out.extend(ops.into_iter().map(|e| Box::new(e) as Box<dyn Error>));
    // Every reason a field is refused for, after a field's name.
    for reason in refusals() {
        out.push(Box::new(crate::ops::invalid("name", reason)));
    }
    // The system's own, as a layer of a chain.
    out.push(Box::new(io_error(ErrorKind::StorageFull)));
    out.push(Box::new(io::Error::from_raw_os_error(2)));
    out.push(Box::new(SessionError::NoHome));
    out.push(Box::new(SessionError::NoDemoFolder(io_error(
        ErrorKind::PermissionDenied,
    ))));
    out.push(Box::new(ReadOnlyFile {
        path: p("/data/p.db"),
    }));
    let outs = vec![
        OutError::Exists(p("out.csv")),
        OutError::Portfolio(p("p.db")),
        OutError::Database(p("other.db")),
        OutError::Symlink(p("link")),
        OutError::Directory(p("dir")),
        OutError::Special(p("/dev/sock")),
        OutError::MissingFolder(p("/missing/dir")),
        OutError::Io {
            path: p("out.csv"),
            reason: io_error(ErrorKind::PermissionDenied),
        },
        OutError::Io {
            path: p("out.csv"),
            reason: io_error(ErrorKind::StorageFull),
        },
        OutError::Output(io_error(ErrorKind::StorageFull)),
    ];
    out.extend(outs.into_iter().map(|e| Box::new(e) as Box<dyn Error>));
    let db = || p("/data/p.db");
    let opens = vec![
        OpenError::NotSqlite(db()),
        OpenError::Truncated(db()),
        OpenError::Foreign(db()),
        OpenError::Newer {
            path: db(),
            found: 9,
            known: 8,
        },
        OpenError::IsDirectory(db()),
        OpenError::NotAPath(p("")),
        OpenError::NotAPath(p(":memory:")),
        OpenError::MissingDirectory(p("/missing/dir")),
        OpenError::Io {
            path: db(),
            reason: io_error(ErrorKind::PermissionDenied),
        },
        OpenError::Db {
            path: db(),
            reason: StoreError::with_code(ffi::SQLITE_NOTADB),
        },
        OpenError::DiskFull(db()),
        OpenError::Backup {
            path: db(),
            reason: OutError::Exists(p("/data/p.db.bak")),
        },
        OpenError::ReadOnlyOlder {
            path: db(),
            found: 3,
        },
        OpenError::ReadOnlyEmpty(db()),
        OpenError::ReadOnlyWal {
            path: db(),
            wal: p("/data/p.db-wal"),
        },
        OpenError::ReadOnlyJournal {
            path: db(),
            journal: p("/data/p.db-journal"),
        },
        OpenError::ReadOnly(db()),
    ];
    out.extend(opens.into_iter().map(|e| Box::new(e) as Box<dyn Error>));
    let sources = vec![
        SourceError::Open(OpenError::Foreign(db())),
        SourceError::Newer {
            path: db(),
            found: 9,
            known: 8,
        },
        SourceError::IsDirectory(db()),
        SourceError::Missing { path: db() },
        SourceError::Unreadable {
            path: db(),
            reason: io_error(ErrorKind::NotFound),
        },
        SourceError::Damaged {
            path: db(),
            problems: vec!["btree page 3 damaged".into(), "two".into()],
        },
    ];
    out.extend(sources.into_iter().map(|e| Box::new(e) as Box<dyn Error>));
    let restores = vec![
        RestoreError::SameFile(db()),
        RestoreError::Source(SourceError::Missing { path: db() }),
        RestoreError::NoFile,
        RestoreError::KeepBefore {
            path: p("/data/p.db.before"),
            source: OutError::MissingFolder(p("/data")),
        },
        RestoreError::Copy {
            from: p("copy.db"),
            into: db(),
            source: OpError::DiskFull,
        },
    ];
    out.extend(restores.into_iter().map(|e| Box::new(e) as Box<dyn Error>));
    let configs = vec![
        ConfigError::Syntax {
            path: p("c.toml"),
            line: 3,
            message: "expected `=`".into(),
        },
        ConfigError::Read {
            path: p("c.toml"),
            reason: io_error(ErrorKind::PermissionDenied),
        },
        ConfigError::Folder {
            path: p("/etc/folio"),
            reason: io_error(ErrorKind::ReadOnlyFilesystem),
        },
        ConfigError::Write(OutError::Directory(p("c.toml"))),
        ConfigError::NoPath,
        ConfigError::Value {
            key: "mouse",
            value: "maybe".into(),
        },
        ConfigError::Lang { value: "de".into() },
    ];
    out.extend(configs.into_iter().map(|e| Box::new(e) as Box<dyn Error>));
    for e in import_errors() {
        out.push(Box::new(InSheet {
            sheet: "Лист1".into(),
            error: e.clone(),
        }));
        out.push(Box::new(e));
    }
    let decodes = vec![
        DecodeError::NotUtf8 {
            line: 3,
            byte: 0xC0,
            why: Utf8Sign::Bom,
        },
        DecodeError::NotUtf8 {
            line: 3,
            byte: 0xC0,
            why: Utf8Sign::RussianOnLine(2),
        },
        DecodeError::Utf16WithoutBom,
        DecodeError::NotUtf16 { line: 4 },
        DecodeError::Unknown { line: 5 },
        DecodeError::Ambiguous {
            line: 6,
            first: Encoding::Cp1251,
            second: Encoding::Koi8R,
        },
    ];
    out.extend(decodes.into_iter().map(|e| Box::new(e) as Box<dyn Error>));
    out.push(Box::new(InputError::TooLarge {
        limit: crate::io::MAX_INPUT_BYTES,
    }));
    out.push(Box::new(InputError::TooLarge { limit: 1000 }));
    out.push(Box::new(InputError::Io(io_error(ErrorKind::NotFound))));
    let sheets = vec![
        SheetError::Unreadable {
            format: Format::Xlsx,
            message: "invalid zip header".into(),
        },
        SheetError::Unreadable {
            format: Format::Xls,
            message: "Invalid OLE signature".into(),
        },
        SheetError::NoSheet,
        SheetError::UnknownSheet {
            wanted: "Май".into(),
            found: "Лист1, Лист2".into(),
        },
        SheetError::Sheet {
            sheet: "Лист1".into(),
            message: "#REF!".into(),
        },
        SheetError::TooLarge,
    ];
    out.extend(sheets.into_iter().map(|e| Box::new(e) as Box<dyn Error>));
    let profiles = vec![
        ProfileError::Unknown {
            name: "bank".into(),
            yours: vec![],
        },
        ProfileError::Unknown {
            name: "bank".into(),
            yours: vec!["mine".into()],
        },
        ProfileError::Read {
            path: p("c.toml"),
            source: io_error(ErrorKind::PermissionDenied),
        },
        ProfileError::Toml {
            path: p("c.toml"),
            message: "TOML: 3:1".into(),
        },
        ProfileError::Invalid {
            name: "mine".into(),
            reason: Refusal::NotAColumn {
                column: "сумма".into(),
                allowed: "inn note purpose".into(),
            },
        },
    ];
    out.extend(profiles.into_iter().map(|e| Box::new(e) as Box<dyn Error>));
    out
}

/// English is each type's Display, byte for byte: the messages file and
/// the `#[error]` texts cannot drift apart.
#[test]
fn english_reads_exactly_as_each_errors_display() {
    for e in all_errors() {
        assert_eq!(explain_error(EN, e.as_ref()), e.to_string(), "{e:?}");
    }
}

fn has_cyrillic(s: &str) -> bool {
    s.chars()
        .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c)))
}

/// English words the messages use, none of which a Russian message may
/// keep (the values in `all_errors` use none of them).
const ENGLISH: &[&str] = &[
    "is", "not", "the", "cannot", "already", "exists", "pass", "nothing", "was", "changed", "must",
    "use", "line", "row", "folder", "disk", "full", "read", "write", "empty", "than", "only",
    "which", "could", "file", "database", "client", "amount", "date", "a", "an", "of", "to", "in",
    "and", "or", "it", "has", "no",
];

/// Russian is another sentence, in Russian, for every one of them, with
/// no English word of the messages left in it.
#[test]
fn russian_words_every_error() {
    for e in all_errors() {
        let ru = explain_error(RU, e.as_ref());
        assert_ne!(ru, e.to_string(), "{e:?}");
        assert!(has_cyrillic(&ru), "{e:?}: {ru}");
        // Command names and flags are what the person types: not words.
        let words: String = ru
            .split('`')
            .step_by(2)
            .flat_map(|part| part.split(' '))
            .filter(|w| !w.starts_with("--") && !w.contains('='))
            .collect::<Vec<_>>()
            .join(" ");
        let left = english_words(&words, ENGLISH);
        assert!(left.is_empty(), "{left:?} in {ru}");
    }
}

/// Words of English (as whole words) in `text`.
fn english_words<'a>(text: &str, words: &[&'a str]) -> Vec<&'a str> {
    let found: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words
        .iter()
        .copied()
        .filter(|w| found.contains(w))
        .collect()
}

#[test]
fn a_list_of_allowed_values_names_the_russian_words() {
    let tier = explain_error(RU, &Tier::parse("платина").unwrap_err());
    assert_eq!(
        tier,
        "«платина» — не категория клиента (используйте одно из: золотой, перспективный, токсичный)"
    );
    // An error, its enum's English words, its Russian words.
    type Case = (Box<dyn Error>, Vec<&'static str>, Vec<&'static str>);
    let cases: Vec<Case> = vec![
        (
            Box::new(Status::parse("x").unwrap_err()),
            Status::ALL.iter().map(|v| v.as_str()).collect(),
            Status::ALL.iter().map(|v| v.as_ru()).collect(),
        ),
        (
            Box::new(TouchKind::parse("x").unwrap_err()),
            TouchKind::ALL.iter().map(|v| v.as_str()).collect(),
            TouchKind::ALL.iter().map(|v| v.as_ru()).collect(),
        ),
        (
            Box::new(Owner::parse("x").unwrap_err()),
            Owner::ALL.iter().map(|v| v.as_str()).collect(),
            Owner::ALL.iter().map(|v| v.as_ru()).collect(),
        ),
        (
            Box::new(AgreementStatus::parse("x").unwrap_err()),
            AgreementStatus::ALL.iter().map(|v| v.as_str()).collect(),
            AgreementStatus::ALL.iter().map(|v| v.as_ru()).collect(),
        ),
    ];
    for (e, english, russian) in cases {
        let ru = explain_error(RU, e.as_ref());
        assert!(english_words(&ru, &english).is_empty(), "{ru}");
        for word in russian {
            assert!(ru.contains(word), "{ru} lacks {word}");
        }
    }
}

#[test]
fn domain_errors_in_russian() {
    let date = explain_error(RU, &parse_date("31.02.2026").unwrap_err());
    assert_eq!(
        date,
        "«31.02.2026» — не дата (пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)"
    );
    let amount = explain_error(RU, &Money::parse("много").unwrap_err());
    assert!(amount.starts_with("«много» — не сумма"), "{amount}");
    let text = explain_error(RU, &single_line("name", "a\tb").unwrap_err());
    assert_eq!(
        text,
        "название: содержит табуляцию (U+0009); используйте пробелы"
    );
}

#[test]
fn the_systems_common_reasons_in_russian() {
    let kinds = [
        (ErrorKind::NotFound, "нет такого файла или папки"),
        (ErrorKind::PermissionDenied, "нет прав доступа"),
        (ErrorKind::AlreadyExists, "файл уже существует"),
        (
            ErrorKind::StorageFull,
            "диск заполнен (нет свободного места)",
        ),
        (
            ErrorKind::ReadOnlyFilesystem,
            "файловая система доступна только для чтения",
        ),
        (ErrorKind::Interrupted, "операция прервана"),
        (
            ErrorKind::InvalidData,
            "данные повреждены или в неверном формате",
        ),
        (ErrorKind::IsADirectory, "это папка, а не файл"),
    ];
    for (kind, said) in kinds {
        let e = io_error(kind);
        assert_eq!(describe(RU, &e), said, "{kind:?}");
        assert_eq!(describe(EN, &e), crate::files::describe(&e), "{kind:?}");
    }
    // A rare one keeps the system's words inside a Russian sentence.
    let rare = io::Error::other("EXDEV");
    assert_eq!(describe(RU, &rare), "системная ошибка: EXDEV");
    let os = io::Error::from_raw_os_error(2);
    assert_eq!(describe(RU, &os), "нет такого файла или папки");
}

#[test]
fn sqlites_busy_full_read_only_and_corrupt_in_russian() {
    let cases = [
        (ffi::SQLITE_BUSY, "файл занят другой программой"),
        (ffi::SQLITE_FULL, "база данных или диск заполнены"),
        (
            ffi::SQLITE_READONLY,
            "файл базы данных доступен только для чтения",
        ),
        (ffi::SQLITE_NOTADB, "файл — не база данных"),
        (ffi::SQLITE_CORRUPT, "файл базы данных повреждён"),
    ];
    for (code, said) in cases {
        let e = StoreError::with_code(code);
        assert_eq!(explain_error(RU, &e), said, "{code}");
        assert_eq!(explain_error(EN, &e), e.to_string(), "{code}");
    }
    let open = OpenError::Db {
        path: p("/data/p.db"),
        reason: StoreError::with_code(ffi::SQLITE_NOTADB),
    };
    assert_eq!(
        explain_error(RU, &open),
        "не удалось открыть /data/p.db: файл — не база данных"
    );
}

#[test]
fn a_bad_row_names_its_line_and_its_problems_in_russian() {
    let e = ImportError::Rows(vec![RowError {
        line: 3,
        message: RowMessage::new(vec![
            Problem::NotADate {
                column: "date".into(),
                value: "31.02.2026".into(),
            },
            Problem::Value(TouchKind::parse("факс").unwrap_err()),
        ]),
    }]);
    assert_eq!(
        explain_error(RU, &e),
        "1 строка с ошибкой:\nстрока 3: дата: «31.02.2026» — не дата (пишите ГГГГ-ММ-ДД или \
         ДД.ММ.ГГГГ либо укажите --date-format); «факс» — не вид касания (используйте одно из: \
         звонок, встреча, письмо, мессенджер, отчёт, другое)"
    );
}

/// The chain as `{:#}` joins it; a context that is a plain string stays.
#[test]
fn a_chain_is_each_layer_in_the_language() {
    let e =
        anyhow::Error::from(OpError::UnknownClient("Нет".into())).context("import of t.csv failed");
    assert_eq!(explain(EN, &e), format!("{e:#}"));
    assert_eq!(
        explain(RU, &e),
        "import of t.csv failed: нет клиента «Нет» (список клиентов: `folio client list`)"
    );
    let plain = anyhow::anyhow!("something else");
    assert_eq!(explain(RU, &plain), "something else");
}

/// A name typed with control characters is quoted escaped, as in English.
#[test]
fn values_are_escaped_as_in_english() {
    let e = OpError::UnknownClient("a\u{1b}[31mb".into());
    let ru = explain_error(RU, &e);
    assert!(!ru.contains('\u{1b}'), "{ru}");
    assert!(ru.contains("«a\\u001b[31mb»"), "{ru}");
}

/// One of every [`Refusal`], with values; `ordinal` makes a new variant
/// a compile error here until it is added.
fn refusals() -> Vec<Refusal> {
    use Refusal as R;
    let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let s = |v: &str| v.to_string();
    vec![
        R::Required,
        R::NothingVisible,
        R::LongerThan { max: 10_000 },
        R::AtLeastADay,
        R::AtMostDays { max: 3660 },
        R::AtMost { max: 44_640 },
        R::TotalTooLarge,
        R::AgreementAlready {
            id: 5,
            status: AgreementStatus::Kept,
        },
        R::TierAlready {
            name: s("ООО Ромашка"),
            tier: Tier::Gold,
        },
        R::StatusAlready {
            name: s("ООО Ромашка"),
            status: Status::Paused,
        },
        R::DueNeedsStep,
        R::OpenHasNoClose,
        R::DueBeforeMade {
            due: day(1),
            made: day(5),
        },
        R::CloseAs,
        R::ZeroOrMore,
        R::AboveZero,
        R::TooLarge,
        R::CurrencyCode(s("ЕВРО")),
        R::DeletedWithCopy,
        R::DeletedClientBack,
        R::KeepsId {
            record: "touchpoint",
            id: 7,
        },
        R::GenNotEmpty,
        R::BriefingNotSaved,
        R::Text(single_line("name", "a\tb").unwrap_err()),
        R::Email(s("nobody")),
        R::PhoneCharacter {
            value: s("12x45"),
            found: s("x"),
        },
        R::PhoneDigits {
            value: s("12-34"),
            min: 5,
        },
        R::Inn(InnError::Shape(s("12345"))),
        R::Inn(InnError::Checksum(s("7707083894"))),
        R::InnTaken {
            inn: s("7707083893"),
            name: s("ООО Лютик"),
        },
        R::AliasTaken {
            alias: s("Ромашка"),
            name: s("ООО Лютик"),
        },
        R::AliasIsAName {
            alias: s("Ромашка"),
            name: s("ООО Лютик"),
        },
        R::NotAnAlias {
            alias: s("Ромашка"),
            name: s("ООО Лютик"),
        },
        R::AliasEmpty,
        R::CouldBeEither {
            written: s("Ромашка"),
            name: s("ООО Ромашка"),
            other: s("ИП Ромашка"),
        },
        R::OtherInn {
            inn: s("7707083893"),
            name: s("ООО Лютик"),
            theirs: s("500100732259"),
        },
        R::UnclosedQuote,
        R::ColumnTwice(s("имя")),
        R::Csv(s("UTF-8")),
        R::OneCNoKey("Сумма"),
        R::OneCEmptyKey("Плательщик"),
        R::OneCDirection,
        R::OneCEndWithoutStart,
        R::OneCUnclosed(s("Платежное поручение")),
        R::NotAMapPair(s("x")),
        R::NotAColumn {
            column: s("сумма"),
            allowed: s("inn note purpose"),
        },
        R::NamesNoHeader(s("«»")),
        R::NotADatePattern(s("%Q")),
        R::NotAWholeDate(s("%d.%m")),
        R::NotInRange {
            value: s("0"),
            min: 1,
            max: 3660,
        },
        R::NotAWholeNumber(s("много")),
        R::UndoChanged("touchpoint"),
        R::UndoDeleted("agreement"),
        R::UndoHasRecords("client"),
        R::UndoThereAgain("payment"),
    ]
}

/// Each variant's place: no wildcard, so a new variant must be listed.
fn ordinal(r: &Refusal) -> usize {
    use Refusal as R;
    match r {
        R::Required => 0,
        R::NothingVisible => 1,
        R::LongerThan { .. } => 2,
        R::AtLeastADay => 3,
        R::AtMostDays { .. } => 4,
        R::AtMost { .. } => 5,
        R::TotalTooLarge => 6,
        R::AgreementAlready { .. } => 7,
        R::TierAlready { .. } => 8,
        R::StatusAlready { .. } => 9,
        R::DueNeedsStep => 10,
        R::OpenHasNoClose => 11,
        R::DueBeforeMade { .. } => 12,
        R::CloseAs => 13,
        R::ZeroOrMore => 14,
        R::AboveZero => 15,
        R::TooLarge => 16,
        R::CurrencyCode(_) => 17,
        R::DeletedWithCopy => 18,
        R::DeletedClientBack => 19,
        R::KeepsId { .. } => 20,
        R::GenNotEmpty => 21,
        R::BriefingNotSaved => 22,
        R::Text(_) => 23,
        R::Email(_) => 24,
        R::PhoneCharacter { .. } => 25,
        R::PhoneDigits { .. } => 26,
        R::Inn(_) => 27,
        R::InnTaken { .. } => 28,
        R::AliasTaken { .. } => 29,
        R::AliasIsAName { .. } => 30,
        R::NotAnAlias { .. } => 31,
        R::AliasEmpty => 32,
        R::CouldBeEither { .. } => 33,
        R::OtherInn { .. } => 34,
        R::UnclosedQuote => 35,
        R::ColumnTwice(_) => 36,
        R::Csv(_) => 37,
        R::OneCNoKey(_) => 38,
        R::OneCEmptyKey(_) => 39,
        R::OneCDirection => 40,
        R::OneCEndWithoutStart => 41,
        R::OneCUnclosed(_) => 42,
        R::UndoChanged(_) => 43,
        R::UndoDeleted(_) => 44,
        R::UndoHasRecords(_) => 45,
        R::UndoThereAgain(_) => 46,
        R::NotAMapPair(_) => 47,
        R::NotAColumn { .. } => 48,
        R::NamesNoHeader(_) => 49,
        R::NotADatePattern(_) => 50,
        R::NotAWholeDate(_) => 51,
        R::NotInRange { .. } => 52,
        R::NotAWholeNumber(_) => 53,
    }
}

#[test]
fn every_refusal_is_in_the_list() {
    let mut seen: Vec<usize> = refusals().iter().map(ordinal).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen, (0..=53).collect::<Vec<_>>());
}

/// Each reason in English reads as its `Display` (the sentence folio has
/// always printed); in Russian it is Russian, with its values in it: the
/// enum's word and the kind of record in Russian, dates as dates are shown.
#[test]
fn a_fields_reasons_in_both_languages() {
    for reason in refusals() {
        assert_eq!(refusal(EN, &reason), reason.to_string(), "{reason:?}");
        let e = crate::ops::invalid("cadence", reason.clone());
        assert_eq!(explain_error(EN, &e), format!("cadence: {reason}"));
        let ru = explain_error(RU, &e);
        assert!(ru.starts_with("частота касаний: "), "{reason:?}: {ru}");
        assert!(has_cyrillic(&ru["частота касаний: ".len()..]), "{ru}");
    }
    let ru = |r: Refusal| refusal(RU, &r);
    assert_eq!(
        ru(Refusal::TierAlready {
            name: "Acme".into(),
            tier: Tier::Gold
        }),
        "Acme — уже «золотой»"
    );
    assert_eq!(
        ru(Refusal::AliasTaken {
            alias: "x".into(),
            name: "Acme".into()
        }),
        "«x» — уже псевдоним клиента «Acme»"
    );
    assert!(ru(Refusal::UndoChanged("touchpoint")).contains("«касание»"));
    let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    assert_eq!(
        ru(Refusal::DueBeforeMade {
            due: day(1),
            made: day(5)
        }),
        "01.11.2026 — раньше, чем заключена договорённость (05.11.2026)"
    );
    assert_eq!(ru(Refusal::AtMostDays { max: 3660 }), "не больше 3660 дней");
}

/// A flag's value refused, as clap's value parsers and `--map` give it
/// (`cli::help` words a parser's error through `explain_error`): in
/// Russian, and in English as it always read.
#[test]
fn a_flags_value_refused_in_russian() {
    use crate::domain::refusal::whole_in;
    use crate::domain::time::DateFormat;
    use crate::io::csv_import::ColumnMap;
    let columns = ["client", "date", "amount", "note"];
    let cases: Vec<(Refusal, &str, &str)> = vec![
        (
            ColumnMap::parse("x", &columns).unwrap_err(),
            "'x' is not Header=column (e.g. 'Дата платежа=date')",
            "«x» — не пара Заголовок=столбец (например, «Дата платежа=date»)",
        ),
        (
            ColumnMap::parse("Сумма=sum", &columns).unwrap_err(),
            "'sum' is not a column here (use one of: client date amount note)",
            "«sum» — здесь нет такого столбца (возможные: client date amount note)",
        ),
        (
            ColumnMap::parse(" =amount", &columns).unwrap_err(),
            "'' names no header",
            "в «» нет имени заголовка",
        ),
        (
            DateFormat::parse("%Q").unwrap_err(),
            "'%Q' is not a date pattern (use e.g. %d.%m.%Y, %d.%m.%y or %m/%d/%Y)",
            "«%Q» — не шаблон даты (например, %d.%m.%Y, %d.%m.%y или %m/%d/%Y)",
        ),
        (
            DateFormat::parse("%d.%m").unwrap_err(),
            "'%d.%m' does not give a whole date (it needs a day, a month and a year: e.g. %d.%m.%Y)",
            "по шаблону «%d.%m» не получается полная дата (нужны день, месяц и год, например %d.%m.%Y)",
        ),
        (
            whole_in("0", 1, 3660).unwrap_err(),
            "0 is not in 1..=3660",
            "0 — вне допустимых пределов: от 1 до 3660",
        ),
        (
            whole_in("99999", 0, 44640).unwrap_err(),
            "99999 is not in 0..=44640",
            "99999 — вне допустимых пределов: от 0 до 44640",
        ),
        (
            whole_in("lots", 0, 44640).unwrap_err(),
            "'lots' is not a whole number",
            "«lots» — не целое число",
        ),
    ];
    for (e, en, ru) in cases {
        assert_eq!(explain_error(EN, &e), en);
        assert_eq!(e.to_string(), en);
        assert_eq!(explain_error(RU, &e), ru);
    }
}

/// The fields `ops` and the forms refuse by name (the literals given to
/// `ops::invalid` and the text checks; `gen` is a command's name) each
/// have their Russian name.
#[test]
fn every_field_refused_by_name_is_named_in_russian() {
    let fields = [
        "alias",
        "amount",
        "cadence",
        "channel",
        "client",
        "closed on",
        "currency",
        "due",
        "email",
        "export",
        "File",
        "goal",
        "id",
        "inn",
        "minutes",
        "name",
        "next due",
        "next step",
        "note",
        "notes",
        "person",
        "phone",
        "reason",
        "role",
        "status",
        "summary",
        "target",
        "text",
        "tier",
        "undo",
    ];
    for field in fields {
        assert!(has_cyrillic(field_word(RU, field)), "{field}");
        assert_eq!(field_word(EN, field), field);
    }
}

/// What `io::sheet::read` says of bytes that start as a workbook of
/// `format` and are not one.
fn unreadable(format: Format) -> SheetError {
    let start: &[u8] = match format {
        Format::Xlsx => b"PK\x03\x04",
        Format::Xls => b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
    };
    let bytes = [start, b"not a workbook".as_slice()].concat();
    assert_eq!(Format::of(&bytes), Some(format));
    let e = crate::io::sheet::read(&bytes, format, None).unwrap_err();
    assert!(matches!(e, SheetError::Unreadable { .. }), "{e:?}");
    e
}

#[test]
fn an_unreadable_workbook_is_named_by_its_format_in_english() {
    let xlsx = explain_error(EN, &unreadable(Format::Xlsx));
    assert!(
        xlsx.starts_with("cannot read it as an .xlsx workbook: "),
        "{xlsx}"
    );
    let xls = explain_error(EN, &unreadable(Format::Xls));
    assert!(
        xls.starts_with("cannot read it as an .xls workbook: "),
        "{xls}"
    );
}

#[test]
fn an_unreadable_workbook_is_named_by_its_format_in_russian() {
    let xlsx = explain_error(RU, &unreadable(Format::Xlsx));
    assert!(
        xlsx.starts_with("не удалось прочитать файл как книгу .xlsx: "),
        "{xlsx}"
    );
    let xls = explain_error(RU, &unreadable(Format::Xls));
    assert!(
        xls.starts_with("не удалось прочитать файл как книгу .xls: "),
        "{xls}"
    );
}

/// A sheet's error, each number already the sheet's row.
fn in_sheet(error: ImportError) -> InSheet {
    InSheet {
        sheet: "Выписка".into(),
        error,
    }
}

/// One error of every kind that has a number, in a sheet.
fn numbered_in_sheet() -> Vec<InSheet> {
    vec![
        in_sheet(ImportError::Rows(vec![RowError {
            line: 4,
            message: RowMessage::new(vec![Problem::Empty("amount".into())]),
        }])),
        in_sheet(ImportError::Malformed {
            line: 5,
            reason: Box::new(Refusal::ColumnTwice("date".into())),
        }),
        in_sheet(ImportError::LineTooLong {
            line: 6,
            max: crate::io::csv_import::MAX_LINE_BYTES,
        }),
        in_sheet(ImportError::AmbiguousDates {
            line: 7,
            column: "date".into(),
            value: "01/02/2026".into(),
        }),
    ]
}

#[test]
fn a_bad_row_in_a_sheet_is_a_row_in_english() {
    let said: Vec<String> = numbered_in_sheet()
        .iter()
        .map(|e| explain_error(EN, e))
        .collect();
    assert_eq!(
        said[0],
        "sheet 'Выписка': 1 bad row:\nrow 4: amount is empty"
    );
    assert!(
        said[1].starts_with("sheet 'Выписка': row 5: "),
        "{}",
        said[1]
    );
    assert_eq!(
        said[2],
        "sheet 'Выписка': row 6: the line is too long; folio reads lines of at most 1 MiB"
    );
    assert!(
        said[3].starts_with("sheet 'Выписка': row 7, column date: '01/02/2026' reads both"),
        "{}",
        said[3]
    );
    for (e, said) in numbered_in_sheet().iter().zip(&said) {
        assert_eq!(&e.to_string(), said);
    }
    // The word is chosen, not a text edited: a header holding `line ` is
    // quoted as it is.
    let missing = in_sheet(ImportError::MissingColumn(
        "client".into(),
        "Deadline date, online shop".into(),
    ));
    assert!(
        missing
            .to_string()
            .contains("(found: Deadline date, online shop)"),
        "{missing}"
    );
    assert_eq!(explain_error(EN, &missing), missing.to_string());
}

#[test]
fn a_bad_row_in_a_sheet_is_a_stroka_in_russian() {
    let said: Vec<String> = numbered_in_sheet()
        .iter()
        .map(|e| explain_error(RU, e))
        .collect();
    assert_eq!(
        said[0],
        "лист «Выписка»: 1 строка с ошибкой:\nстрока 4: сумма: не заполнено"
    );
    assert!(
        said[1].starts_with("лист «Выписка»: строка 5: "),
        "{}",
        said[1]
    );
    assert_eq!(
        said[2],
        "лист «Выписка»: строка 6: слишком длинная строка; folio читает строки не длиннее 1 МиБ"
    );
    assert!(
        said[3].starts_with("лист «Выписка»: строка 7, столбец дата: «01/02/2026»"),
        "{}",
        said[3]
    );
    assert!(
        said[3].ends_with("укажите --date-format %d/%m/%Y или --date-format %m/%d/%Y"),
        "{}",
        said[3]
    );
}
