//! Spreadsheets in: `.xlsx` (what Sber and VTB business banking mostly give)
//! and `.xls`, read with `calamine`.
//!
//! A sheet is turned into CSV text, one record per sheet row, and handed to
//! the same reader as any CSV file ([`super::csv_import`]): header search
//! below a title block, header names, `--map` and the checks of every cell
//! work unchanged. Cells become text as a person reads them: dates as
//! `YYYY-MM-DD`, numbers exactly as Excel shows them (never through f64
//! arithmetic: see [`number_text`]). The reader's line numbers are turned
//! back into the sheet's row numbers ([`SheetText::in_sheet`]).

use std::io::Cursor;

use calamine::{Data, Reader, SheetType, SheetVisible, Xls, Xlsx};

use super::csv_import::{ImportError, Place};

/// The first bytes of a zip archive: an `.xlsx` (or any Office Open XML file).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The first bytes of an OLE2 compound file: an `.xls` from Excel 97-2003.
const OLE2_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// What kind of spreadsheet the bytes are, by their magic bytes (not the
/// file's name: a bank's `.xls` may be an `.xlsx`, or text). Its `Display`
/// names it as an English sentence does (`an .xlsx workbook`); other
/// languages word it in `format::errors`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xls,
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Format::Xlsx => "an .xlsx workbook",
            Format::Xls => "an .xls workbook",
        })
    }
}

impl Format {
    /// The format of `bytes`, or `None` for anything else (text).
    pub fn of(bytes: &[u8]) -> Option<Format> {
        if bytes.starts_with(ZIP_MAGIC) {
            Some(Format::Xlsx)
        } else if bytes.starts_with(OLE2_MAGIC) {
            Some(Format::Xls)
        } else {
            None
        }
    }
}

/// Why a spreadsheet could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    #[error("cannot read it as {format}: {message}")]
    Unreadable { format: Format, message: String },
    #[error("it has no sheet to read")]
    NoSheet,
    #[error("it has no sheet named '{wanted}' (its sheets: {found}); use --sheet NAME")]
    UnknownSheet { wanted: String, found: String },
    #[error("sheet '{sheet}': {message}")]
    Sheet { sheet: String, message: String },
    /// Unpacked, more than [`MAX_UNPACKED_BYTES`]: a zip bomb, or far more
    /// than one import reads.
    #[error(
        "it unpacks to more than {}; folio reads at most that from one workbook",
        super::size_shown(MAX_UNPACKED_BYTES)
    )]
    TooLarge,
}

/// The most an `.xlsx` may unpack to, its parts added up as its zip
/// directory gives them: a sheet's XML is some ten times the CSV text it
/// makes, which may be at most [`super::MAX_INPUT_BYTES`].
pub const MAX_UNPACKED_BYTES: u64 = 4 * super::MAX_INPUT_BYTES;

/// Refuse an `.xlsx` that says it unpacks to more than
/// [`MAX_UNPACKED_BYTES`], before calamine unpacks anything.
fn check_unpacked_size(bytes: &[u8]) -> Result<(), SheetError> {
    let unreadable = |e: zip::result::ZipError| SheetError::Unreadable {
        format: Format::Xlsx,
        message: e.to_string(),
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    // The central directory's sizes: known also for parts written with a
    // data descriptor (as streaming writers do), unlike the local headers'.
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let part = archive.by_index_raw(i).map_err(unreadable)?;
        total = total.saturating_add(part.size());
        if total > MAX_UNPACKED_BYTES {
            return Err(SheetError::TooLarge);
        }
    }
    Ok(())
}

/// A sheet as CSV text for the reader, and where each of its lines came
/// from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetText {
    /// The sheet's name, as the workbook gives it.
    pub sheet: String,
    /// UTF-8 CSV, `,`-delimited, every field quoted.
    pub csv: Vec<u8>,
    /// The sheet row (1-based) of each line of `csv` (index: line - 1):
    /// a cell holding line breaks spans several lines of one row.
    rows: Vec<u64>,
}

impl SheetText {
    /// The sheet row that a line of [`SheetText::csv`] belongs to.
    pub fn row_of(&self, line: u64) -> u64 {
        usize::try_from(line.saturating_sub(1))
            .ok()
            .and_then(|i| self.rows.get(i))
            .copied()
            .unwrap_or(line)
    }

    /// An error of the reader, its line numbers turned into this sheet's
    /// row numbers.
    pub fn in_sheet(&self, mut error: ImportError) -> InSheet {
        match &mut error {
            ImportError::Rows(rows) => {
                for row in rows {
                    row.line = self.row_of(row.line);
                }
            }
            ImportError::Malformed { line, .. }
            | ImportError::LineTooLong { line, .. }
            | ImportError::AmbiguousDates { line, .. } => *line = self.row_of(*line),
            _ => {}
        }
        InSheet {
            sheet: self.sheet.clone(),
            error,
        }
    }
}

/// An import error in a sheet: said with the sheet's name, its numbers
/// called rows ([`Place::Row`]: they are the sheet's rows already).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("sheet '{}': {}", crate::domain::text::escape(.sheet), .error.at(Place::Row))]
pub struct InSheet {
    pub sheet: String,
    pub error: ImportError,
}

/// Read the sheet named `wanted` (or the first visible worksheet) of a
/// spreadsheet as CSV text for the reader.
pub fn read(bytes: &[u8], format: Format, wanted: Option<&str>) -> Result<SheetText, SheetError> {
    let unreadable = |message: String| SheetError::Unreadable { format, message };
    match format {
        Format::Xlsx => {
            check_unpacked_size(bytes)?;
            let book = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
            read_book(book, wanted)
        }
        Format::Xls => {
            let book = Xls::new(Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
            read_book(book, wanted)
        }
    }
}

fn read_book<'a, R>(mut book: R, wanted: Option<&str>) -> Result<SheetText, SheetError>
where
    R: Reader<Cursor<&'a [u8]>>,
    R::Error: std::fmt::Display,
{
    let sheets = book.sheets_metadata();
    let name = match wanted {
        Some(wanted) => {
            let wanted = wanted.trim();
            let exact = sheets.iter().find(|s| s.name == wanted);
            let folded = || {
                sheets
                    .iter()
                    .find(|s| s.name.trim().to_lowercase() == wanted.to_lowercase())
            };
            match exact.or_else(folded) {
                Some(sheet) => sheet.name.clone(),
                None => {
                    let found: Vec<String> = sheets
                        .iter()
                        .map(|s| format!("'{}'", crate::domain::text::escape(&s.name)))
                        .collect();
                    return Err(SheetError::UnknownSheet {
                        wanted: crate::domain::text::escape(wanted).into_owned(),
                        found: found.join(", "),
                    });
                }
            }
        }
        None => sheets
            .iter()
            .find(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
            .or_else(|| sheets.iter().find(|s| s.typ == SheetType::WorkSheet))
            .map(|s| s.name.clone())
            .ok_or(SheetError::NoSheet)?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| sheet_error(&name, e))?;
    let (first_row, _) = range.start().unwrap_or((0, 0));
    let rows = range.rows().map(|row| row.iter().map(cell_text).collect());
    to_csv(name, u64::from(first_row), rows)
}

/// The CSV text of a sheet's rows, the first of which is the sheet's row
/// `first_row + 1`: the empty rows above it are empty lines, so that line
/// numbers start as row numbers do.
fn to_csv(
    sheet: String,
    first_row: u64,
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<SheetText, SheetError> {
    // Line i (1-based) of the text is row i while no cell spans lines.
    let mut row_of_line: Vec<u64> = (1..=first_row).collect();
    let mut csv = vec![b'\n'; row_of_line.len()];
    let mut writer = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Always)
        .from_writer(&mut csv);
    for (i, cells) in rows.enumerate() {
        let row = first_row + 1 + i as u64;
        // Line breaks inside a cell as `\n`, one line each, as they are
        // counted here.
        let cells: Vec<String> = cells
            .into_iter()
            .map(|c| c.replace("\r\n", "\n").replace('\r', "\n"))
            .collect();
        let breaks: usize = cells.iter().map(|c| c.matches('\n').count()).sum();
        row_of_line.extend(std::iter::repeat_n(row, breaks + 1));
        writer
            .write_record(&cells)
            .map_err(|e| sheet_error(&sheet, e))?;
    }
    writer.flush().map_err(|e| sheet_error(&sheet, e))?;
    drop(writer);
    Ok(SheetText {
        sheet,
        csv,
        rows: row_of_line,
    })
}

/// What went wrong reading the sheet named `sheet`.
fn sheet_error(sheet: &str, e: impl std::fmt::Display) -> SheetError {
    SheetError::Sheet {
        sheet: crate::domain::text::escape(sheet).into_owned(),
        message: e.to_string(),
    }
}

/// A cell as text, as a person reads it in Excel.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) if dt.is_duration() => duration_text(dt.as_f64()),
        Data::DateTime(dt) => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if dt.as_f64() < 1.0 {
                // A time of day alone (`02:13`): a duration's text.
                format!("{h:02}:{mi:02}:{s:02}")
            } else if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// A duration in days (Excel's `[h]:mm:ss`) as `H:MM:SS`, to the second.
fn duration_text(days: f64) -> String {
    // Whole seconds: rounding a day fraction, not money.
    let seconds = (days * 86_400.0).round();
    if !seconds.is_finite() || seconds.abs() > 1e12 {
        return number_text(days);
    }
    let seconds = seconds as i64;
    let sign = if seconds < 0 { "-" } else { "" };
    let seconds = seconds.abs();
    format!(
        "{sign}{}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// Significant digits Excel keeps of a number: it shows and stores at most
/// fifteen, so the f64 a cell holds is this decimal and no more.
const EXCEL_DIGITS: usize = 15;

/// A number cell as the decimal Excel shows: the f64 rounded to fifteen
/// significant digits, as a plain decimal string (no exponent), trailing
/// zeros dropped. `1250000.5` is `1250000.5`, `19999.99` (an f64 just
/// above it) is `19999.99`, and `0.1 + 0.2` is `0.3`: amounts are then
/// parsed from the text as decimals, never computed in floating point.
pub fn number_text(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    if value == 0.0 {
        return "0".to_string();
    }
    // `d.ddddddddddddddde±X`: the digits and the power of ten, exactly as
    // Rust rounds them (correctly, from the f64's exact value).
    let scientific = format!("{:.*e}", EXCEL_DIGITS - 1, value.abs());
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    // The decimal point goes after digit `exponent + 1`.
    let point = exponent + 1;
    let mut text = String::new();
    if value < 0.0 {
        text.push('-');
    }
    if point <= 0 {
        text.push_str("0.");
        text.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
        text.push_str(digits);
    } else {
        let point = point as usize;
        if digits.len() <= point {
            text.push_str(digits);
            text.extend(std::iter::repeat_n('0', point - digits.len()));
        } else {
            text.push_str(&digits[..point]);
            text.push('.');
            text.push_str(&digits[point..]);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::csv_import::RowError;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    #[test]
    fn numbers_as_excel_shows_them() {
        assert_eq!(number_text(1_250_000.5), "1250000.5");
        assert_eq!(number_text(1234.56), "1234.56");
        assert_eq!(number_text(0.29), "0.29");
        assert_eq!(number_text(19_999.99), "19999.99");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(1.1 * 3.0), "3.3");
        assert_eq!(number_text(0.07 * 100.0), "7");
        assert_eq!(number_text(1500.0), "1500");
        assert_eq!(number_text(-400.0), "-400");
        assert_eq!(number_text(-0.5), "-0.5");
        assert_eq!(number_text(0.0), "0");
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(0.001), "0.001");
        assert_eq!(number_text(1e20), "100000000000000000000");
        assert_eq!(number_text(7_707_083_893.0), "7707083893");
        assert_eq!(number_text(99_999_999_999.99), "99999999999.99");
        assert_eq!(number_text(f64::NAN), "NaN");
    }

    #[test]
    fn every_kopeck_amount_survives_the_float() {
        // Each amount a person types with two decimals comes back as typed.
        for minor in (0..200_000_i64).step_by(7).chain([125_000_050, 1_999_999]) {
            let typed = format!("{}.{:02}", minor / 100, minor % 100);
            let as_float: f64 = typed.parse().unwrap();
            let read = crate::domain::Money::parse(&number_text(as_float)).unwrap();
            assert_eq!(read.minor(), minor, "{typed}");
        }
    }

    #[test]
    fn cells_as_text() {
        let date =
            |v: f64| Data::DateTime(ExcelDateTime::new(v, ExcelDateTimeType::DateTime, false));
        // 45943 is 2025-10-13 in Excel's 1900 system.
        assert_eq!(cell_text(&date(45943.0)), "2025-10-13");
        assert_eq!(cell_text(&date(45943.5)), "2025-10-13 12:00:00");
        assert_eq!(cell_text(&date(0.0925)), "02:13:12");
        let duration = Data::DateTime(ExcelDateTime::new(1.5, ExcelDateTimeType::TimeDelta, false));
        assert_eq!(cell_text(&duration), "36:00:00");
        assert_eq!(cell_text(&Data::Int(42)), "42");
        assert_eq!(cell_text(&Data::Float(19_999.99)), "19999.99");
        assert_eq!(cell_text(&Data::String(" Ромашка ".into())), " Ромашка ");
        assert_eq!(cell_text(&Data::Empty), "");
        assert_eq!(cell_text(&Data::Bool(true)), "TRUE");
        assert_eq!(
            cell_text(&Data::Error(calamine::CellErrorType::Div0)),
            "#DIV/0!"
        );
    }

    #[test]
    fn a_workbook_unpacking_too_large_is_refused_before_reading() {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("xl/worksheets/sheet1.xml", stored).unwrap();
        zip.write_all(b"<worksheet/>").unwrap();
        let mut bytes = zip.finish().unwrap().into_inner();
        assert_eq!(check_unpacked_size(&bytes), Ok(()));
        // The central directory entry says the part unpacks to one byte
        // past the limit (its uncompressed size: 4 bytes at offset 24).
        let entry = bytes.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
        let huge = u32::try_from(MAX_UNPACKED_BYTES + 1).unwrap();
        bytes[entry + 24..entry + 28].copy_from_slice(&huge.to_le_bytes());
        assert_eq!(check_unpacked_size(&bytes), Err(SheetError::TooLarge));
        assert!(matches!(
            read(&bytes, Format::Xlsx, None),
            Err(SheetError::TooLarge)
        ));
    }

    #[test]
    fn magic_bytes_decide_the_format() {
        assert_eq!(Format::of(b"PK\x03\x04rest"), Some(Format::Xlsx));
        assert_eq!(
            Format::of(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"),
            Some(Format::Xls)
        );
        assert_eq!(Format::of(b"client,date\n"), None);
        assert_eq!(Format::of(b"PK"), None);
        assert_eq!(Format::of(b""), None);
    }

    #[test]
    fn rows_are_lines_and_multiline_cells_keep_their_row() {
        let rows = vec![
            vec!["client".to_string(), "note".to_string()],
            vec!["Acme".to_string(), "one\r\ntwo\rthree".to_string()],
            vec!["Ромашка".to_string(), "x, \"y\"".to_string()],
        ];
        let text = to_csv("S".into(), 2, rows.into_iter()).unwrap();
        assert_eq!(
            String::from_utf8(text.csv.clone()).unwrap(),
            "\n\n\"client\",\"note\"\n\"Acme\",\"one\ntwo\nthree\"\n\"Ромашка\",\"x, \"\"y\"\"\"\n"
        );
        // Rows 1-2 empty, the header on row 3, Acme's cell spans lines 4-6.
        assert_eq!(
            (1..=8).map(|l| text.row_of(l)).collect::<Vec<_>>(),
            vec![1, 2, 3, 4, 4, 4, 5, 8]
        );
    }

    #[test]
    fn errors_say_rows_of_the_sheet() {
        let text = to_csv(
            "Выписка".into(),
            0,
            vec![vec!["a\nb".to_string()], vec!["c".to_string()]].into_iter(),
        )
        .unwrap();
        let e = text.in_sheet(ImportError::Rows(vec![RowError {
            line: 3,
            message: "amount is empty".into(),
        }]));
        assert_eq!(
            e.to_string(),
            "sheet 'Выписка': 1 bad row:\nrow 2: amount is empty"
        );
        // Line 3 is row 2 for a column of dates that read both ways too.
        let e = text.in_sheet(ImportError::AmbiguousDates {
            line: 3,
            column: "date".into(),
            value: "01/02/2026".into(),
        });
        assert!(matches!(
            e.error,
            ImportError::AmbiguousDates { line: 2, .. }
        ));
        assert!(
            e.to_string()
                .starts_with("sheet 'Выписка': row 2, column date: "),
            "{e}"
        );
    }
}
