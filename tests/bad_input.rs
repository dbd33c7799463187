//! Bad input never gets through: property tests for money, dates and months,
//! every importer fed arbitrary bytes, and a corpus of nasty CSV files
//! (tests/fixtures/csv/EXPECTED.md) run through the real binary.

mod common;

use std::path::PathBuf;

use chrono::NaiveDate;
use common::{OpenFile, Portfolio, path_str};
use folio::domain::money::MAX_AMOUNT;
use folio::domain::{Money, Month, NewClient, Status, Tier, parse_date};
use folio::io::csv_import::{ImportError, RowError};
use folio::ops::import::{ImportOptions, Kind, import};
use folio::ops::{OpError, add_client};
use folio::store::Store;
use proptest::prelude::*;

proptest! {
    #[test]
    fn money_round_trips(minor in 0..=MAX_AMOUNT) {
        let m = Money::from_minor(minor);
        prop_assert_eq!(Money::parse(&m.to_plain()), Ok(m));
        prop_assert_eq!(Money::parse(&m.to_human()), Ok(m));
        if minor % 100 == 0 {
            prop_assert_eq!(Money::parse(&m.to_human_short()), Ok(m));
        }
        // Russian style: spaces between thousands, comma for decimals.
        let ru = m.to_human().replace('.', ",");
        prop_assert_eq!(Money::parse(&ru), Ok(m));
    }

    #[test]
    fn money_parsing_never_panics(s in "\\PC{0,40}") {
        if let Ok(m) = Money::parse(&s) {
            prop_assert!((0..=MAX_AMOUNT).contains(&m.minor()));
        }
        if let Ok(m) = Money::parse_positive(&s) {
            prop_assert!(m.minor() > 0);
        }
        let _ = Money::parse_signed(&s);
    }

    #[test]
    fn money_parsing_of_number_like_strings(s in "[-+ 0-9.,'\u{a0}]{0,40}") {
        if let Ok(m) = Money::parse(&s) {
            prop_assert!((0..=MAX_AMOUNT).contains(&m.minor()));
            // Whatever was accepted formats and parses back to itself.
            prop_assert_eq!(Money::parse(&m.to_plain()), Ok(m));
        }
    }

    #[test]
    fn dates_round_trip_in_both_forms(days in 0i64..3_287_000) {
        let d = NaiveDate::from_ymd_opt(1000, 1, 1).unwrap() + chrono::Days::new(days as u64);
        prop_assume!(d.year_ce().1 <= 9999);
        prop_assert_eq!(parse_date(&d.format("%Y-%m-%d").to_string()), Ok(d));
        prop_assert_eq!(parse_date(&d.format("%d.%m.%Y").to_string()), Ok(d));
    }

    #[test]
    fn date_and_month_parsing_never_panic(s in "\\PC{0,24}") {
        let _ = parse_date(&s);
        let _ = Month::parse(&s);
    }

    #[test]
    fn month_arithmetic_is_consistent(y in 1000i32..9000, m in 1u32..=12, a in -600i32..600, b in -600i32..600) {
        let month = Month::new(y, m).unwrap();
        prop_assert_eq!(Month::parse(&month.to_string()), Ok(month));
        prop_assert_eq!(month.plus_months(a).plus_months(b), month.plus_months(a + b));
        prop_assert_eq!(month.prev().next(), month);
        prop_assert_eq!(month.months_until(month.plus_months(a)), a);
        prop_assert!(month.contains(month.first_day()) && month.contains(month.last_day()));
    }
}

use chrono::Datelike;

fn counts(p: &OpenFile) -> [i64; 4] {
    ["clients", "touchpoints", "agreements", "payments"].map(|t| p.count(t))
}

/// A portfolio file holding one client, Acme.
fn with_acme() -> OpenFile {
    let mut p = OpenFile::new();
    add_client(
        &mut p.store,
        &NewClient {
            name: "Acme".into(),
            tier: Tier::Gold,
            status: Status::Active,
            since: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            cadence_days: None,
            channel: None,
            goal: None,
            notes: String::new(),
        },
    )
    .unwrap();
    p
}

/// An import that writes (no dry run) on 2026-11-23.
fn import_options(create_clients: bool) -> ImportOptions {
    ImportOptions {
        allow_duplicates: false,
        dry_run: false,
        create_clients,
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    }
}

/// The bad rows a touchpoint import refuses `csv` for (it must refuse it).
fn refused_touchpoint_rows(store: &mut Store, csv: &str) -> Vec<RowError> {
    let err = import(
        store,
        Kind::Touchpoints,
        csv.as_bytes(),
        import_options(false),
    );
    let Err(OpError::Import(ImportError::Rows(rows))) = err else {
        panic!("{err:?}");
    };
    rows
}

fn check_import(kind: Kind, bytes: &[u8], create_clients: bool) -> Result<(), TestCaseError> {
    let mut p = with_acme();
    let before = counts(&p);
    match import(&mut p.store, kind, bytes, import_options(create_clients)) {
        Ok(summary) => {
            let after = counts(&p);
            let grew: i64 = after.iter().zip(before).map(|(a, b)| a - b).sum();
            let expected = summary.rows as i64
                + if kind == Kind::Clients {
                    0
                } else {
                    summary.created_clients.len() as i64
                };
            prop_assert_eq!(grew, expected, "rows written = rows reported");
        }
        Err(e) => {
            if let OpError::Import(ImportError::Rows(rows)) = &e {
                prop_assert!(!rows.is_empty());
                prop_assert!(rows.iter().all(|r| r.line >= 2), "{e}");
            }
            prop_assert_eq!(counts(&p), before, "a failed import writes nothing: {}", e);
        }
    }
    Ok(())
}

const KINDS: [Kind; 4] = [
    Kind::Clients,
    Kind::Touchpoints,
    Kind::Agreements,
    Kind::Payments,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn importers_survive_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400), create in any::<bool>()) {
        for kind in KINDS {
            check_import(kind, &bytes, create)?;
        }
    }

    #[test]
    fn importers_survive_csvish_rows(
        rows in proptest::collection::vec("[A-Za-zа-яА-Я0-9 ,;\".:=+@'\\-]{0,40}", 0..8),
        create in any::<bool>(),
    ) {
        let headers = [
            "name,tier,cadence_days,since,notes",
            "client,date,kind,summary,minutes",
            "client,date,text,owner,due,status",
            "client,date,amount,note",
        ];
        for (kind, header) in KINDS.iter().zip(headers) {
            let text = format!("{header}\n{}\n", rows.join("\n"));
            check_import(*kind, text.as_bytes(), create)?;
        }
    }
}

fn corpus(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name)
}

fn portfolio() -> Portfolio {
    let p = Portfolio::new();
    p.ok(&["client", "add", "Acme"]);
    p.ok(&["client", "add", "ООО Ромашка"]);
    p
}

fn kind_of(file: &str) -> &str {
    file.split('_').next().unwrap()
}

#[test]
fn corpus_files_that_import() {
    for (file, n) in [
        ("payments_bom_semicolon_ru.csv", 2),
        ("clients_windows1251.csv", 2),
        ("touchpoints_quoted_newlines.csv", 2),
        ("touchpoints_empty_lines.csv", 2),
        ("agreements_missing_optional_columns.csv", 2),
        ("payments_extra_columns.csv", 2),
        ("touchpoints_formulas.csv", 2),
    ] {
        let p = portfolio();
        let out = p.ok(&["import", kind_of(file), path_str(&corpus(file))]);
        assert!(out.starts_with(&format!("Imported {n} ")), "{file}: {out}");
    }
    // Spot checks of what was read.
    let p = portfolio();
    p.ok(&[
        "import",
        "payments",
        path_str(&corpus("payments_bom_semicolon_ru.csv")),
    ]);
    let pays = p.json(&["pay", "list", "--json"]);
    let rom = pays
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["client"] == "ООО Ромашка")
        .unwrap();
    assert_eq!(rom["amount"], "1250000.50");
    assert_eq!(rom["on"], "2026-11-05");
    assert_eq!(rom["note"], "счёт 118");
    p.ok(&[
        "import",
        "clients",
        path_str(&corpus("clients_windows1251.csv")),
    ]);
    let card = p.json(&["client", "show", "пекарня хлебница", "--json"]);
    assert_eq!(card["stats"]["client"]["tier"], "gold");
    assert_eq!(card["stats"]["client"]["cadence_days"], 14);
    assert_eq!(card["stats"]["client"]["notes"], "Ёлки, палки");
    p.ok(&[
        "import",
        "touchpoints",
        path_str(&corpus("touchpoints_quoted_newlines.csv")),
    ]);
    p.ok(&[
        "import",
        "touchpoints",
        path_str(&corpus("touchpoints_formulas.csv")),
    ]);
    let touches = p.json(&["touch", "list", "--json", "--limit", "0"]);
    let summaries: Vec<&str> = touches
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["summary"].as_str().unwrap())
        .collect();
    for expected in [
        "line one\nline two, with a comma",
        "said \"hi\"",
        "=SUM(A1)",
        "+7 999 123",
    ] {
        assert!(
            summaries.contains(&expected),
            "{expected:?} in {summaries:?}"
        );
    }
    p.ok(&[
        "import",
        "agreements",
        path_str(&corpus("agreements_missing_optional_columns.csv")),
    ]);
    let agreements = p.json(&["agree", "list", "--json"]);
    assert!(
        agreements
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["owner"] == "us" && a["status"] == "open")
    );
}

#[test]
fn corpus_files_that_are_refused_change_nothing() {
    for (file, lines, says) in [
        (
            "payments_missing_amount_column.csv",
            vec![],
            "missing required column 'amount'",
        ),
        ("clients_duplicates.csv", vec![4], "first on line 2"),
        ("payments_invalid_dates.csv", vec![2, 3, 5], "is not a date"),
        (
            "payments_three_decimals.csv",
            vec![3],
            "more than two digits",
        ),
        ("payments_negative_and_zero.csv", vec![2, 3], "negative"),
        (
            "payments_unknown_client.csv",
            vec![2],
            "unknown client 'Nobody Ltd'",
        ),
        ("touchpoints_unclosed_quote.csv", vec![2], "never closed"),
        (
            "payments_comma_decimal_in_comma_file.csv",
            vec![2],
            "header only 3",
        ),
    ] {
        let p = portfolio();
        let before = p.snapshot();
        let err = p.fails(&["import", kind_of(file), path_str(&corpus(file))], 1);
        assert!(err.contains(says), "{file}: {err}");
        for line in &lines {
            assert!(
                err.contains(&format!("line {line}")),
                "{file}: line {line} in {err}"
            );
        }
        let listed = err.matches("line ").count();
        assert!(listed >= lines.len(), "{file}: {err}");
        assert_eq!(p.snapshot(), before, "{file} changed the database");
    }
}

#[test]
fn a_ten_megabyte_field_is_refused_quickly() {
    let p = portfolio();
    let mut text = String::from("client,date,kind,summary\nAcme,2026-11-01,call,");
    text.push_str(&"x".repeat(10 * 1024 * 1024));
    text.push('\n');
    let file = p.write("huge.csv", text.as_bytes());
    let before = p.snapshot();
    let err = p.fails(&["import", "touchpoints", path_str(&file)], 1);
    assert!(err.contains("line 2") && err.contains("too long"), "{err}");
    assert_eq!(p.snapshot(), before);
}

/// A large import is all or nothing: a bad row anywhere, early or late,
/// rolls all of it back, and the log's indexes are as they were.
#[test]
fn large_imports_roll_back_whole() {
    let n = 60_010;
    let mut good = String::from("client,date,kind,summary,minutes\n");
    for i in 0..n {
        good.push_str(&format!("Acme,2026-10-{:02},call,bulk {i},5\n", 1 + i % 28));
    }
    // Bad rows found by the parser and by the checks against the database,
    // in the first batch and past many batches.
    let mut bad = good.clone();
    bad.push_str("Acme,2026-13-01,call,bad date,5\n");
    bad.push_str("Nobody,2026-10-01,call,unknown client,5\n");
    let bad = bad.replacen(
        "Acme,2026-10-03,call,bulk 2,5",
        "Nobody,2026-10-03,call,bulk 2,5",
        1,
    );
    let mut p = with_acme();
    let indexes = |p: &OpenFile| -> Vec<String> {
        let mut stmt = p
            .sql
            .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'touchpoints' ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let before = indexes(&p);
    assert_eq!(before.len(), 3);
    let rows = refused_touchpoint_rows(&mut p.store, &bad);
    let lines: Vec<u64> = rows.iter().map(|e| e.line).collect();
    assert_eq!(lines, [4, n as u64 + 2, n as u64 + 3]);
    assert!(
        rows[0].message.contains("unknown client 'Nobody'"),
        "{rows:?}"
    );
    assert!(rows[1].message.contains("2026-13-01"), "{rows:?}");
    assert_eq!(counts(&p)[1], 0, "nothing written");
    assert_eq!(indexes(&p), before, "indexes restored by the rollback");
    let summary = import(
        &mut p.store,
        Kind::Touchpoints,
        good.as_bytes(),
        import_options(false),
    )
    .unwrap();
    assert_eq!(summary.rows, n);
    assert_eq!(counts(&p)[1], n as i64);
    assert_eq!(indexes(&p), before);
    assert!(p.store.check().unwrap().is_empty());
}

/// A touchpoint row is checked on the parser thread and its client resolved
/// on the writer's: a row wrong in both ways reports its unknown client (as
/// `touch add` would refuse the client first), a row wrong in one way
/// reports that, and each error keeps its line.
#[test]
fn touchpoint_rows_report_the_client_before_the_fields() {
    let mut p = with_acme();
    let csv = "client,date,kind,summary,next_step,next_due\n\
               Nobody,2026-11-02,call,both wrong,,2026-11-30\n\
               Acme,2026-11-03,call,no step,,2026-11-30\n\
               Nobody,2026-11-04,call,unknown only,,\n\
               Acme,2026-11-05,call,fine,,\n";
    let rows = refused_touchpoint_rows(&mut p.store, csv);
    let got: Vec<(u64, bool, bool)> = rows
        .iter()
        .map(|e| {
            (
                e.line,
                e.message.contains("unknown client 'Nobody'"),
                e.message.contains("needs a next step"),
            )
        })
        .collect();
    assert_eq!(got, [(2, true, false), (3, false, true), (4, true, false)]);
    assert_eq!(counts(&p)[1], 0, "nothing written");
}
