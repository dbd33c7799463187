//! Spreadsheets in (`.xlsx` through the CSV reader), exports for Excel read
//! back, and the `--dry-run` preview (issue 21).
//!
//! The workbook fixture `tests/fixtures/sheets/statement.xlsx` is written
//! by [`statement_workbook`] with `rust_xlsxwriter` (a dev-dependency):
//! `cargo test --test spreadsheets -- --ignored write_the_fixture` makes it
//! again; `statement.xls` beside it, the same statement in Excel 97-2003's
//! format, is written by `make_statement_xls.py` there. Workbooks only one
//! test needs are made in the test itself.

mod common;

use std::path::{Path, PathBuf};

use common::{Portfolio, path_str};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sheets/statement.xlsx")
}

/// A bank statement as Sber's business banking gives it, in miniature: a
/// title block, Russian headers, date and date-time cells, amounts as
/// numbers (floats in the file) and as text, a note spanning lines; and a
/// second sheet of clients.
fn statement_workbook() -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let date_time = Format::new().set_num_format("dd.mm.yyyy hh:mm");
    let day = |d: u8| ExcelDateTime::from_ymd(2026, 10, d);

    let sheet = book.add_worksheet().set_name("Выписка")?;
    sheet.write_string(0, 0, "ПАО Сбербанк")?;
    sheet.write_string(
        1,
        0,
        "Выписка по счёту 40702810938000012345 за период 01.10.2026 - 31.10.2026",
    )?;
    for (col, header) in [
        "Дата операции",
        "Плательщик",
        "ИНН плательщика",
        "Сумма",
        "Назначение платежа",
    ]
    .into_iter()
    .enumerate()
    {
        sheet.write_string(3, col as u16, header)?;
    }
    sheet.write_datetime_with_format(4, 0, day(1)?, &date)?;
    sheet.write_string(4, 1, "ООО Ромашка")?;
    sheet.write_number(4, 2, 7_707_083_893.0)?;
    sheet.write_number(4, 3, 1_250_000.5)?;
    sheet.write_string(4, 4, "Оплата по счёту №12")?;

    sheet.write_datetime_with_format(5, 0, day(5)?.and_hms(14, 30, 0)?, &date_time)?;
    sheet.write_string(5, 1, "Acme")?;
    sheet.write_number(5, 3, 1234.56)?;
    sheet.write_string(5, 4, "Invoice 7\nпервая часть")?;

    sheet.write_datetime_with_format(6, 0, day(6)?, &date)?;
    sheet.write_string(6, 1, "Acme")?;
    sheet.write_number(6, 3, 0.29)?;
    sheet.write_string(6, 4, "комиссия; возврат")?;

    sheet.write_datetime_with_format(7, 0, day(15)?, &date)?;
    sheet.write_string(7, 1, "ООО Ромашка")?;
    sheet.write_number(7, 3, 19_999.99)?;

    // A date typed as text, and a sum computed in floating point.
    sheet.write_string(8, 0, "20.10.2026")?;
    sheet.write_string(8, 1, "Ёлка")?;
    sheet.write_number(8, 3, 0.1 + 0.2)?;

    sheet.write_datetime_with_format(9, 0, day(31)?, &date)?;
    sheet.write_string(9, 1, "Ёлка")?;
    sheet.write_string(9, 3, "1 500,00")?;
    sheet.write_string(9, 4, "сумма текстом")?;

    let clients = book.add_worksheet().set_name("Клиенты")?;
    clients.write_string(0, 0, "Наименование")?;
    clients.write_string(0, 1, "Категория")?;
    clients.write_string(1, 0, "ООО Ромашка")?;
    clients.write_string(1, 1, "gold")?;
    clients.write_string(2, 0, "Acme")?;
    clients.write_string(2, 1, "toxic")?;
    book.save_to_buffer()
}

#[test]
#[ignore = "writes tests/fixtures/sheets/statement.xlsx"]
fn write_the_fixture() {
    let bytes = statement_workbook().unwrap();
    std::fs::create_dir_all(fixture().parent().unwrap()).unwrap();
    std::fs::write(fixture(), bytes).unwrap();
}

/// What the statement's payments are once imported, as a plain export.
const STATEMENT_PAYMENTS: &str = "client,date,amount,note\n\
    ООО Ромашка,2026-10-01,1250000.50,Оплата по счёту №12\n\
    Acme,2026-10-05,1234.56,\"Invoice 7\nпервая часть\"\n\
    Acme,2026-10-06,0.29,комиссия; возврат\n\
    ООО Ромашка,2026-10-15,19999.99,\n\
    Ёлка,2026-10-20,0.30,\n\
    Ёлка,2026-10-31,1500.00,сумма текстом\n";

#[test]
fn an_xlsx_statement_imports_through_the_csv_reader() {
    let p = Portfolio::new();
    let out = p.ok(&[
        "import",
        "payments",
        path_str(&fixture()),
        "--create-clients",
    ]);
    assert!(out.contains("Imported 6 payments"), "{out}");
    assert!(out.contains("Read sheet 'Выписка'"), "{out}");
    assert!(
        out.contains("The header is on row 4: skipped 3 rows above it."),
        "{out}"
    );
    // Every amount exactly as the cell shows it: 1250000.5, 1234.56, 0.29,
    // 19999.99 and 0.1 + 0.2 are floats in the file.
    assert_eq!(p.ok(&["export", "payments"]), STATEMENT_PAYMENTS);
}

#[test]
fn an_xls_statement_reads_as_the_xlsx_does() {
    // The same statement written by xlwt as Excel 97-2003 does
    // (tests/fixtures/sheets/make_statement_xls.py).
    let xls = fixture().with_extension("xls");
    let p = Portfolio::new();
    let out = p.ok(&["import", "payments", path_str(&xls), "--create-clients"]);
    assert!(out.contains("Imported 6 payments"), "{out}");
    assert!(out.contains("The header is on row 4"), "{out}");
    assert_eq!(p.ok(&["export", "payments"]), STATEMENT_PAYMENTS);
    let q = Portfolio::new();
    let out = q.ok(&["import", "clients", path_str(&xls), "--sheet", "Клиенты"]);
    assert!(out.contains("Imported 2 clients"), "{out}");
}

#[test]
fn sheet_by_name_and_an_unknown_sheet_named() {
    let p = Portfolio::new();
    let out = p.ok(&[
        "import",
        "clients",
        path_str(&fixture()),
        "--sheet",
        "клиенты",
    ]);
    assert!(out.contains("Imported 2 clients"), "{out}");
    assert!(out.contains("Read sheet 'Клиенты'"), "{out}");
    let clients = p.ok(&["export", "clients"]);
    assert!(clients.contains("ООО Ромашка,gold,"), "{clients}");
    assert!(clients.contains("Acme,toxic,"), "{clients}");

    let before = p.snapshot();
    let err = p.fails(
        &[
            "import",
            "payments",
            path_str(&fixture()),
            "--sheet",
            "Лист1",
        ],
        1,
    );
    assert!(
        err.contains("no sheet named 'Лист1' (its sheets: 'Выписка', 'Клиенты'); use --sheet NAME"),
        "{err}"
    );
    assert_eq!(p.snapshot(), before);
}

#[test]
fn a_spreadsheet_is_known_by_its_bytes_not_its_name() {
    let p = Portfolio::new();
    let bytes = std::fs::read(fixture()).unwrap();
    let renamed = p.write("statement.csv", &bytes);
    let out = p.ok(&["import", "payments", path_str(&renamed), "--create-clients"]);
    assert!(out.contains("Imported 6 payments"), "{out}");
    // Standard input has no name at all.
    let out = p
        .cmd(&["import", "payments", "-", "--dry-run"])
        .write_stdin(bytes)
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.contains("Would import 0 payments from standard input\nRead sheet 'Выписка'."),
        "{out}"
    );
    // And CSV text named .xlsx is read as the text it is.
    let text = p.write(
        "more.xlsx",
        "client,date,amount\nAcme,2026-11-01,10\n".as_bytes(),
    );
    let out = p.ok(&["import", "payments", path_str(&text)]);
    assert!(out.contains("Imported 1 payment"), "{out}");
    assert!(!out.contains("sheet"), "{out}");
    // --sheet on text is a mistake, said.
    let err = p.fails(&["import", "payments", path_str(&text), "--sheet", "x"], 1);
    assert!(err.contains("not an .xlsx or .xls spreadsheet"), "{err}");
}

#[test]
fn a_bad_row_is_named_by_its_row_in_the_sheet() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Платежи за ноябрь").unwrap();
    for (col, h) in ["client", "date", "amount", "note"].into_iter().enumerate() {
        sheet.write_string(1, col as u16, h).unwrap();
    }
    // Row 3's note spans three lines of the CSV text; row 4 is bad.
    for (row, amount) in [(2, "100"), (3, "сто")] {
        sheet.write_string(row, 0, "Acme").unwrap();
        sheet.write_string(row, 1, "2026-11-02").unwrap();
        sheet.write_string(row, 2, amount).unwrap();
    }
    sheet.write_string(2, 3, "one\ntwo\nthree").unwrap();
    sheet.write_string(5, 0, "Nobody").unwrap();
    sheet.write_string(5, 1, "2026-11-03").unwrap();
    sheet.write_number(5, 2, 5.0).unwrap();
    let p = Portfolio::new();
    p.ok(&["client", "add", "Acme"]);
    let file = p.write("bad.xlsx", &book.save_to_buffer().unwrap());
    let before = p.snapshot();
    let err = p.fails(&["import", "payments", path_str(&file)], 1);
    assert!(err.contains("sheet 'Sheet1': 2 bad rows:"), "{err}");
    assert!(err.contains("\nrow 4: "), "{err}");
    assert!(err.contains("\nrow 6: unknown client 'Nobody'"), "{err}");
    assert!(!err.contains("line"), "{err}");
    assert_eq!(p.snapshot(), before);
}

#[test]
fn a_map_finds_a_sheets_columns() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    // Rows 1-2 and column A empty: the header is on row 3, from column B.
    for (col, h) in ["Описание", "Когда", "Приход"].into_iter().enumerate() {
        sheet.write_string(2, col as u16 + 1, h).unwrap();
    }
    sheet.write_string(3, 1, "Acme").unwrap();
    sheet
        .write_datetime_with_format(
            3,
            2,
            ExcelDateTime::from_ymd(2026, 3, 4).unwrap(),
            &Format::new().set_num_format("dd/mm/yy"),
        )
        .unwrap();
    sheet.write_number(3, 3, 99.9).unwrap();
    let p = Portfolio::new();
    p.ok(&["client", "add", "Acme"]);
    let file = p.write("map.xlsx", &book.save_to_buffer().unwrap());
    let out = p.ok(&[
        "import",
        "payments",
        path_str(&file),
        "--map",
        "Описание=client,Когда=date,Приход=amount",
    ]);
    assert!(
        out.contains("The header is on row 3: skipped 2 rows above it."),
        "{out}"
    );
    assert_eq!(
        p.ok(&["export", "payments"]),
        "client,date,amount,note\nAcme,2026-03-04,99.90,\n"
    );
}

#[test]
fn a_broken_spreadsheet_is_refused_and_changes_nothing() {
    let p = Portfolio::new();
    p.ok(&["client", "add", "Acme"]);
    let bytes = std::fs::read(fixture()).unwrap();
    let before = p.snapshot();
    // Cut short at a few places, and an OLE2 header with nothing behind it.
    let mut broken: Vec<Vec<u8>> = [4, 100, bytes.len() / 2, bytes.len() - 10]
        .into_iter()
        .map(|n| bytes[..n].to_vec())
        .collect();
    broken.push(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 not really".to_vec());
    for (i, b) in broken.iter().enumerate() {
        let file = p.write(&format!("broken{i}.xlsx"), b);
        let err = p.fails(&["import", "payments", path_str(&file)], 1);
        assert!(err.contains("cannot read it as an .xls"), "{err}");
        assert!(err.contains("nothing was written"), "{err}");
    }
    assert_eq!(p.snapshot(), before);
}

/// The four kinds in the order an import needs them (clients first).
const KINDS: [&str; 4] = ["clients", "touchpoints", "agreements", "payments"];

#[test]
fn an_excel_export_reads_back_unchanged() {
    let from = Portfolio::new();
    from.ok(&["demo"]);
    let into = Portfolio::new();
    for kind in KINDS {
        let file = from.dir.path().join(format!("{kind}.csv"));
        from.ok(&["export", kind, "--excel", "--out", path_str(&file)]);
        let bytes = std::fs::read(&file).unwrap();
        let text = std::str::from_utf8(&bytes).unwrap();
        assert!(text.starts_with('\u{feff}'), "{kind}: a BOM");
        let header = text.lines().next().unwrap();
        assert!(header.contains(';') && !header.contains(','), "{header}");
        into.ok(&["import", kind, path_str(&file)]);
        let (a, b) = (from.ok(&["export", kind]), into.ok(&["export", kind]));
        assert!(a.lines().count() > 1, "{kind}: the demo has some");
        assert_eq!(a, b, "{kind}: every row read back as it was");
    }
    // Dates and amounts as Russian Excel writes them.
    let payments = from.ok(&["export", "payments", "--excel"]);
    let row = payments.lines().nth(1).unwrap();
    let cells: Vec<&str> = row.split(';').collect();
    assert!(
        cells[1].len() == 10 && cells[1].as_bytes()[2] == b'.' && cells[1].as_bytes()[5] == b'.',
        "{row}"
    );
    assert!(cells[2].contains(',') && !cells[2].contains('.'), "{row}");
}

/// Output with runs of spaces (table padding) as one space.
fn squeeze(text: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_dry_run_shows_what_would_be_imported_and_writes_nothing() {
    let p = Portfolio::new();
    p.ok(&["client", "add", "Acme"]);
    let clients_before = p.ok(&["export", "clients"]);
    let before = p.snapshot();
    let out = p.ok(&[
        "import",
        "payments",
        path_str(&fixture()),
        "--create-clients",
        "--dry-run",
    ]);
    let out = squeeze(&out);
    for expected in [
        "Would import 6 payments",
        "Would create 2 new clients: ООО Ромашка, Ёлка",
        // Counts and sums by client and month, clients by name.
        "By client and month:\nClient Month Rows Sum",
        "Acme 2026-10 2 1 234.85\nООО Ромашка 2026-10 2 1 270 000.49\nЁлка 2026-10 2 1 500.30\nTotal 6 1 272 735.64",
        // The rows as they would be stored, the client as named in the portfolio.
        "The first 6 rows as they would be stored:\nclient date amount note",
        "ООО Ромашка 2026-10-01 1250000.50 Оплата по счёту №12",
        "Acme 2026-10-05 1234.56 Invoice 7 первая часть",
        "Ёлка 2026-10-20 0.30",
        "Dry run: nothing was written.",
    ] {
        assert!(out.contains(expected), "{expected}\n---\n{out}");
    }
    assert_eq!(p.snapshot(), before);
    assert_eq!(p.ok(&["export", "payments"]), "client,date,amount,note\n");
    assert_eq!(p.ok(&["export", "clients"]), clients_before);

    // Imported for real, a second dry run would add nothing, and says why.
    p.ok(&[
        "import",
        "payments",
        path_str(&fixture()),
        "--create-clients",
    ]);
    let out = p.ok(&["import", "payments", path_str(&fixture()), "--dry-run"]);
    assert!(out.contains("Would import 0 payments"), "{out}");
    assert!(
        out.contains("Left out 6 rows already in the portfolio"),
        "{out}"
    );
    assert!(!out.contains("By client and month"), "{out}");
    assert_eq!(p.ok(&["export", "payments"]), STATEMENT_PAYMENTS);
}

#[test]
fn a_dry_run_shows_the_first_ten_rows_and_counts_them_all() {
    let p = Portfolio::new();
    p.ok(&["client", "add", "Acme"]);
    let mut csv = "client,date,kind,summary,minutes\n".to_string();
    for i in 1..=12 {
        csv.push_str(&format!("acme,2026-11-{i:02},call,call {i},01:30\n"));
    }
    csv.push_str("Acme,2026-12-01,email,late,5\n");
    let file = p.write("calls.csv", csv.as_bytes());
    let before = p.snapshot();
    let out = squeeze(&p.ok(&["import", "touchpoints", path_str(&file), "--dry-run"]));
    assert!(out.contains("Would import 13 touchpoints"), "{out}");
    assert!(
        out.contains("Client Month Rows\n")
            && out.contains("\nAcme 2026-11 12\nAcme 2026-12 1\nTotal 13\n"),
        "{out}"
    );
    assert!(
        out.contains("The first 10 rows as they would be stored:"),
        "{out}"
    );
    assert!(
        out.contains("Acme 2026-11-10 call call 10 90"),
        "stored as the client's name and minutes: {out}"
    );
    assert!(!out.contains("call 11"), "{out}");
    assert_eq!(p.snapshot(), before);
}

#[test]
fn a_dry_run_of_one_row_says_it_in_the_singular() {
    let p = Portfolio::new();
    p.ok(&["client", "add", "Acme"]);
    let file = p.write("one.csv", b"client,date,amount\nAcme,2026-11-02,100\n");
    let out = squeeze(&p.ok(&["import", "payments", path_str(&file), "--dry-run"]));
    assert!(out.contains("Would import 1 payment from"), "{out}");
    assert!(out.contains("The row as it would be stored:"), "{out}");
    assert!(!out.contains("The first 1"), "{out}");
}
