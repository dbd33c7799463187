use std::io::ErrorKind;
use std::path::PathBuf;

use rusqlite::ffi;

use super::*;
use crate::domain::text::{multi_line, single_line};
use crate::domain::{Money, Month, parse_date};
use crate::io::decode::Encoding;

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
        Problem::In("inn".into(), Box::new(Problem::Said("bad".into()))),
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
            message: "needs a next step to be due".into(),
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
            message: "column 'name' appears more than once in the header".into(),
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
        crate::ops::invalid("cadence", "must be at least 1 day"),
        crate::ops::invalid("name", "is required"),
        crate::ops::invalid("tier", "Acme is already gold"),
        OpError::Import(ImportError::Empty),
        OpError::File(OutError::Exists(p("out.csv"))),
        OpError::Busy,
        OpError::DiskFull,
        OpError::ReadOnly,
        OpError::Db(StoreError::with_code(ffi::SQLITE_CORRUPT)),
    ];
    out.extend(ops.into_iter().map(|e| Box::new(e) as Box<dyn Error>));
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
            why: "the file starts with a UTF-8 byte order mark".into(),
        },
        DecodeError::NotUtf8 {
            line: 3,
            byte: 0xC0,
            why: "line 2 holds Russian letters in UTF-8".into(),
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
            what: "an .xlsx workbook",
            message: "invalid zip header".into(),
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
            message: "#1".into(),
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

/// Each reason a field is refused for, written with values as the code
/// writes it, reads back: English as it was, Russian in Russian with the
/// values in it.
#[test]
fn a_fields_reasons_read_back_in_both_languages() {
    let value = |name: &str| match name {
        "name" => "ООО Ромашка",
        "word" => "gold",
        "n" => "10000",
        "id" => "5",
        "due" => "2026-11-01",
        "made" => "2026-11-05",
        "code" => "U+0009",
        "value" => "nobody",
        "char" => "x",
        "inn" => "7707083893",
        "other" => "ООО Лютик",
        "key" => "Сумма",
        "record" => "touchpoint",
        other => panic!("no sample for {other}"),
    };
    for (template, id) in REASONS {
        let mut message = template.to_string();
        let names = [
            "name", "word", "n", "id", "due", "made", "code", "value", "char", "inn", "other",
            "key", "record",
        ];
        for name in names {
            message = message.replace(&format!("{{{name}}}"), value(name));
        }
        let e = crate::ops::invalid("name", message.clone());
        assert_eq!(explain_error(EN, &e), e.to_string(), "{id}");
        let ru = explain_error(RU, &e);
        assert!(ru.starts_with("название: "), "{id}: {ru}");
        assert!(has_cyrillic(&ru["название: ".len()..]), "{id}: {ru}");
        for (name, _) in read_back(template, &message).unwrap() {
            let shown = match name {
                "word" => "золотой",
                "record" => "касание",
                _ => value(name),
            };
            assert!(ru.contains(shown), "{id}: {ru} lacks {shown}");
        }
    }
    // `{word}` is an enum's word: this is not "... is already gold".
    let alias = crate::ops::invalid("alias", "'x' is already an alias of client 'Acme'");
    assert_eq!(
        explain_error(RU, &alias),
        "псевдоним: «x» — уже псевдоним клиента «Acme»"
    );
    // Another reason stays as it is, after the field's Russian name.
    let other = crate::ops::invalid("notes", "something new");
    assert_eq!(explain_error(RU, &other), "заметки: something new");
}

#[test]
fn values_are_read_back_by_the_fixed_parts() {
    assert_eq!(
        read_back("{name} is already {word}", "Acme is already gold"),
        Some(vec![("name", "Acme"), ("word", "gold")])
    );
    assert_eq!(read_back("is required", "is required"), Some(vec![]));
    assert_eq!(read_back("is required", "is required!"), None);
    assert_eq!(
        read_back("must be at most {n} days", "must be at most 5"),
        None
    );
    assert_eq!(
        read_back("must be at most {n}", "must be at most 5"),
        Some(vec![("n", "5")])
    );
    assert_eq!(read_back("'{code}' is bad", "'' is bad"), None);
}
