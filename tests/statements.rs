//! Bank statements and 1C exchange files imported as payments, end to end
//! through the real binary: the built-in profiles on their fixtures
//! (`tests/fixtures/banks/`, whose headers are copied from public samples,
//! see SOURCES.md), the 1C reader, `--incoming-only`, user profiles from the
//! config file, and re-imports.

mod common;

use std::path::{Path, PathBuf};

use common::{Portfolio, path_str};
use folio::domain::Money;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/banks")
        .join(name)
}

/// `folio` with the config file at `config` (which may not exist): no
/// user's profiles leak in from the machine.
fn run(p: &Portfolio, config: &Path, args: &[&str]) -> std::process::Output {
    p.cmd(args)
        .env("FOLIO_CONFIG", config)
        .output()
        .expect("run folio")
}

fn ok(p: &Portfolio, config: &Path, args: &[&str]) -> String {
    let out = run(p, config, args);
    assert!(
        out.status.success(),
        "folio {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 stdout")
}

fn fails(p: &Portfolio, config: &Path, args: &[&str]) -> String {
    let out = run(p, config, args);
    assert_eq!(out.status.code(), Some(1), "folio {args:?} should fail");
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).expect("utf-8 stderr")
}

fn no_config(p: &Portfolio) -> PathBuf {
    p.dir.path().join("no-config.toml")
}

/// Every payment stored: (client, date, amount in kopecks, note), oldest first.
fn payments(p: &Portfolio) -> Vec<(String, String, i64, String)> {
    let list = p.json(&["pay", "list", "--json"]);
    let mut rows: Vec<_> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["client"].as_str().unwrap().to_string(),
                r["on"].as_str().unwrap().to_string(),
                Money::parse_signed(r["amount"].as_str().unwrap())
                    .unwrap()
                    .minor(),
                r["note"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    rows.sort();
    rows
}

fn total(p: &Portfolio) -> i64 {
    payments(p).iter().map(|r| r.2).sum()
}

/// Import a fixture with `args` (a profile, flags), creating its clients.
fn import(p: &Portfolio, name: &str, args: &[&str]) -> String {
    let file = fixture(name);
    let mut all = vec!["import", "payments", path_str(&file), "--create-clients"];
    all.extend_from_slice(args);
    ok(p, &no_config(p), &all)
}

#[test]
fn tinkoff_statement_keeps_incoming_ok_roubles_and_counts_the_rest() {
    let p = Portfolio::new();
    let out = import(&p, "tinkoff.csv", &["--profile", "tinkoff"]);
    // Kept (status OK, RUB, positive "Сумма платежа"):
    //   45000.0 + 12500.5 + 7000.0 = 64 500.50
    assert!(out.contains("Imported 3 payments"), "{out}");
    assert_eq!(total(&p), 6_450_050);
    // Skipped: outgoing 2790.08 + 9150.0 = 11 940.08; FAILED 30 000; CNY 500.
    assert!(
        out.contains("2 outgoing rows skipped: 11 940.08 RUB"),
        "{out}"
    );
    assert!(
        out.contains("1 row with status 'FAILED' skipped: 30 000.00 RUB"),
        "{out}"
    );
    assert!(out.contains("1 row in CNY skipped: 500.00 CNY"), "{out}");
    let rows = payments(&p);
    assert_eq!(
        rows[0],
        (
            "ИП Сидоров".to_string(),
            "2026-11-05".to_string(),
            1_250_050,
            "Переводы".to_string()
        )
    );
}

#[test]
fn sber_statement_keeps_incoming_rows() {
    let p = Portfolio::new();
    let out = import(&p, "sber.csv", &["--profile", "sber"]);
    // Kept: 15000 + 2500,75 = 17 500.75; outgoing -4320,4 and -,01 = 4 320.41.
    assert!(out.contains("Imported 2 payments"), "{out}");
    assert_eq!(total(&p), 1_750_075);
    assert!(
        out.contains("2 outgoing rows skipped: 4 320.41 RUB"),
        "{out}"
    );
}

#[test]
fn vtb_statement_is_found_below_its_title_block() {
    let p = Portfolio::new();
    let out = import(&p, "vtb.csv", &["--profile", "vtb"]);
    // Kept (Исполнено, RUR): 15 000,00 + 8 200,40 = 23 200.40; the EUR
    // purchase is outgoing (-336,15 in the account's roubles), the row
    // "В обработке" (3 000,00) is not done yet.
    assert!(out.contains("Imported 2 payments"), "{out}");
    assert_eq!(total(&p), 2_320_040);
    assert!(out.contains("The header is on line 12"), "{out}");
    assert!(out.contains("1 outgoing row skipped: 336.15 RUB"), "{out}");
    assert!(
        out.contains("1 row with status 'В обработке' skipped: 3 000.00 RUB"),
        "{out}"
    );
    // The time after the date is dropped.
    let rows = payments(&p);
    assert_eq!(rows[1].0, "ООО Ромашка");
    assert_eq!(rows[1].1, "2026-11-02");
}

#[test]
fn alfa_statement_reads_two_digit_years_and_in_and_out_columns() {
    let p = Portfolio::new();
    let out = import(&p, "alfa.csv", &["--profile", "alfa"]);
    // Kept ("Приход", RUR): 33123,56 + 1500 = 34 623.56; "Расход" 50 + 1500
    // = 1 550 out; 200 USD skipped.
    assert!(out.contains("Imported 2 payments"), "{out}");
    assert_eq!(total(&p), 3_462_356);
    assert!(
        out.contains("2 outgoing rows skipped: 1 550.00 RUB"),
        "{out}"
    );
    assert!(out.contains("1 row in USD skipped: 200.00 USD"), "{out}");
    let rows = payments(&p);
    // 02.11.26 is 2026; the bank's reference is the payment's operation id.
    assert_eq!(rows[1].0, "ООО Ромашка");
    assert_eq!(rows[1].1, "2026-11-02");
    assert_eq!(rows[1].3, "№ ABCDEF11111111111");
}

#[test]
fn onec_exchange_file_imports_incoming_documents() {
    let p = Portfolio::new();
    let bytes = std::fs::read(fixture("onec.txt")).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is in Windows-1251, as 1C writes it"
    );
    // No flag: recognised by its first line.
    let out = import(&p, "onec.txt", &[]);
    // Incoming (ПолучательСчет is the file's РасчСчет): № 105 12354.00,
    // № 107 777.77, № 108 12354.00 = 25 485.77; № 106 (5000.00) went out.
    assert!(out.contains("Imported 3 payments"), "{out}");
    assert!(out.contains("1C client-bank exchange"), "{out}");
    assert!(
        out.contains("1 outgoing row skipped: 5 000.00 RUB"),
        "{out}"
    );
    assert_eq!(total(&p), 2_548_577);
    let rows = payments(&p);
    assert_eq!(
        rows[0],
        (
            "ИП Сидоров Петр Иванович".to_string(),
            "2015-12-10".to_string(),
            77_777,
            "№ 107: Оплата счёта 17".to_string()
        )
    );
    // Two documents alike but for their number are two payments.
    assert_eq!(rows[1].0, "ОАО Прогресс Парк");
    assert_eq!(rows[2].0, "ОАО Прогресс Парк");
    assert!(rows[1].3.starts_with("№ 105: "));
    assert!(rows[2].3.starts_with("№ 108: "));
}

#[test]
fn the_same_statement_twice_adds_nothing_the_second_time() {
    let p = Portfolio::new();
    import(&p, "onec.txt", &[]);
    import(&p, "tinkoff.csv", &["--profile", "tinkoff"]);
    let before = payments(&p);
    assert_eq!(before.len(), 6);
    let again = import(&p, "onec.txt", &[]);
    assert!(again.contains("Imported 0 payments"), "{again}");
    assert!(
        again.contains("Left out 3 rows already in the portfolio"),
        "{again}"
    );
    let again = import(&p, "tinkoff.csv", &["--profile", "tinkoff"]);
    assert!(again.contains("Imported 0 payments"), "{again}");
    assert_eq!(payments(&p), before);
}

#[test]
fn incoming_only_skips_and_counts_what_a_plain_import_refuses() {
    let p = Portfolio::new();
    p.ok(&["client", "add", "Acme"]);
    let file = p.write(
        "mixed.csv",
        "client;date;amount;note;status\nAcme;2026-11-01;1 000,00;in;\nAcme;2026-11-02;-250,50;out;\nAcme;2026-11-03;0;nothing;\nAcme;2026-11-04;$20;dollars;\nAcme;2026-11-05;(10.00);refund;\nAcme;2026-11-06;5000;bounced;Failed\n"
            .as_bytes(),
    );
    let before = p.snapshot();
    let err = fails(&p, &no_config(&p), &["import", "payments", path_str(&file)]);
    assert!(err.contains("line 3"), "{err}");
    assert!(err.contains("negative"), "{err}");
    assert_eq!(p.snapshot(), before);

    let out = ok(
        &p,
        &no_config(&p),
        &["import", "payments", path_str(&file), "--incoming-only"],
    );
    // Kept: 1 000,00. Out: 250,50 + 10.00 = 260.50; one zero; 20 USD; a
    // failed 5000.
    assert!(out.contains("Imported 1 payment"), "{out}");
    assert_eq!(total(&p), 100_000);
    assert!(out.contains("2 outgoing rows skipped: 260.50 RUB"), "{out}");
    assert!(out.contains("1 row with a zero amount skipped"), "{out}");
    assert!(out.contains("1 row in USD skipped: 20.00 USD"), "{out}");
    assert!(
        out.contains("1 row with status 'Failed' skipped: 5 000.00 RUB"),
        "{out}"
    );
}

#[test]
fn a_user_profile_from_the_config_file_reads_its_bank() {
    let p = Portfolio::new();
    let config = p.write(
        "config.toml",
        r#"
[tui]
theme = "dark"

[profiles.mybank]
columns = { "Когда" = "date", "Сколько" = "amount", "От кого" = "client", "Состояние" = "status", "Что" = "note", "Номер" = "operation" }
ok = ["Исполнен"]
date_format = "%d/%m/%y"
"#
        .as_bytes(),
    );
    let file = p.write(
        "mybank.csv",
        "Выписка MyBank за ноябрь\n\nНомер;Когда;От кого;Сколько;Состояние;Что\n1;01/11/26 09:00;Acme;1500,25;Исполнен;аванс\n2;02/11/26;Acme;99;Отклонён;\n3;03/11/26;Acme;-40;Исполнен;комиссия\n"
            .as_bytes(),
    );
    let out = ok(
        &p,
        &config,
        &[
            "import",
            "payments",
            path_str(&file),
            "--profile",
            "mybank",
            "--create-clients",
        ],
    );
    // Kept: № 1, 1500,25. Skipped: Отклонён 99; outgoing 40.
    assert!(out.contains("Imported 1 payment"), "{out}");
    assert!(
        out.contains("1 row with status 'Отклонён' skipped: 99.00 RUB"),
        "{out}"
    );
    assert!(out.contains("1 outgoing row skipped: 40.00 RUB"), "{out}");
    assert_eq!(
        payments(&p),
        [(
            "Acme".to_string(),
            "2026-11-01".to_string(),
            150_025,
            "№ 1: аванс".to_string()
        )]
    );

    // A user profile named like a built-in one replaces it: this "sber"
    // keeps every status, so row 2 is kept too (row 1 again, as duplicates
    // are allowed here).
    std::fs::write(
        &config,
        "[profiles.sber]\ncolumns = { \"Когда\" = \"date\", \"Сколько\" = \"amount\", \"От кого\" = \"client\" }\ndate_format = \"%d/%m/%y\"\n",
    )
    .unwrap();
    let out = ok(
        &p,
        &config,
        &[
            "import",
            "payments",
            path_str(&file),
            "--profile",
            "sber",
            "--allow-duplicates",
        ],
    );
    assert!(out.contains("Imported 2 payments"), "{out}");
    assert!(out.contains("1 outgoing row skipped: 40.00 RUB"), "{out}");
    assert_eq!(total(&p), 150_025 * 2 + 9_900);
}

#[test]
fn an_unknown_profile_is_named_and_nothing_is_written() {
    let p = Portfolio::new();
    p.ok(&["client", "add", "Acme"]);
    let before = p.snapshot();
    let file = fixture("tinkoff.csv");
    let err = fails(
        &p,
        &no_config(&p),
        &["import", "payments", path_str(&file), "--profile", "monzo"],
    );
    assert!(err.contains("unknown profile 'monzo'"), "{err}");
    assert!(err.contains("alfa, sber, tinkoff, vtb"), "{err}");
    assert_eq!(p.snapshot(), before);
    let err = fails(
        &p,
        &no_config(&p),
        &["import", "clients", path_str(&file), "--profile", "tinkoff"],
    );
    assert!(err.contains("import payments"), "{err}");
    // The wrong profile for a file: the header it lacks, and which profile.
    let sber = fixture("sber.csv");
    let err = fails(
        &p,
        &no_config(&p),
        &[
            "import",
            "payments",
            path_str(&sber),
            "--profile",
            "tinkoff",
        ],
    );
    assert!(err.contains("with profile 'tinkoff' failed"), "{err}");
    assert!(err.contains("missing required column 'date'"), "{err}");
    assert_eq!(p.snapshot(), before);
}

#[test]
fn a_bad_onec_document_is_refused_by_its_line() {
    let p = Portfolio::new();
    let text = std::fs::read(fixture("onec.txt")).unwrap();
    let (decoded, _, _) = encoding_rs::WINDOWS_1251.decode(&text);
    let broken = decoded.replacen("Сумма=777.77", "Сумма=семьсот", 1);
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&broken);
    let file = p.write("broken.txt", &bytes);
    let line = broken
        .lines()
        .position(|l| l.starts_with("Сумма=семьсот"))
        .unwrap()
        + 1;
    p.ok(&["client", "add", "Acme"]);
    let before = p.snapshot();
    let err = fails(
        &p,
        &no_config(&p),
        &["import", "payments", path_str(&file), "--create-clients"],
    );
    assert!(err.contains(&format!("line {line}: Сумма:")), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(p.snapshot(), before);
}
