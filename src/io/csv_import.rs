//! CSV import: decode, find columns by header name, parse every row into a
//! typed record. Every bad row is reported with its line number; nothing is
//! half-read. Resolving client names against the database is the ops layer's.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::csv_export::unneutralise;
use super::decode::{decode_text, sniff_delimiter};
use crate::domain::{AgreementStatus, Money, Owner, Tier, TouchKind, name_key, parse_date};

/// The longest field import accepts; longer ones are a row error (a 10 MB
/// field is read and refused, never stored).
pub const MAX_FIELD: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file has no header row")]
    Empty,
    #[error("missing required column '{0}' in the header (found: {1})")]
    MissingColumn(String, String),
    #[error("{} bad row(s):\n{}", .0.len(), .0.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n"))]
    Rows(Vec<RowError>),
    #[error("line {line}: {message}")]
    Malformed { line: u64, message: String },
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
}

/// What parsing a file found: the good rows, and every bad row's error. The
/// caller decides (an import aborts on any error, after checking the good rows
/// against the database too, so that one report lists every bad row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed<T> {
    pub rows: Vec<T>,
    pub errors: Vec<RowError>,
}

impl<T> Parsed<T> {
    /// All rows, or every error.
    pub fn into_result(self) -> Result<Vec<T>, ImportError> {
        if self.errors.is_empty() {
            Ok(self.rows)
        } else {
            Err(ImportError::Rows(self.errors))
        }
    }
}

/// One record with its columns found by name.
struct Record<'a> {
    fields: &'a csv::StringRecord,
    columns: &'a HashMap<String, usize>,
}

impl Record<'_> {
    /// The trimmed cell of `column`, `None` when absent or blank.
    fn get(&self, column: &str) -> Result<Option<String>, String> {
        let Some(i) = self.columns.get(column) else {
            return Ok(None);
        };
        let raw = self.fields.get(*i).unwrap_or("").trim();
        if raw.chars().count() > MAX_FIELD {
            return Err(format!(
                "{column}: field too long (over {MAX_FIELD} characters)"
            ));
        }
        let value = unneutralise(raw).trim();
        Ok((!value.is_empty()).then(|| value.to_string()))
    }

    fn required(&self, column: &str, what: &str) -> Result<String, String> {
        self.get(column)?.ok_or_else(|| format!("{what} is empty"))
    }

    fn date(&self, column: &str) -> Result<Option<NaiveDate>, String> {
        self.get(column)?
            .map(|v| parse_date(&v).map_err(|e| format!("{column}: {e}")))
            .transpose()
    }

    fn parsed<T, E: std::fmt::Display>(
        &self,
        column: &str,
        parse: impl Fn(&str) -> Result<T, E>,
    ) -> Result<Option<T>, String> {
        self.get(column)?
            .map(|v| parse(&v).map_err(|e| format!("{column}: {e}")))
            .transpose()
    }
}

/// Read `bytes` as CSV with the `required` columns, turning each non-blank
/// record into a row with `build`; all row errors are collected.
fn parse<T>(
    bytes: &[u8],
    required: &[&str],
    mut build: impl FnMut(u64, &Record<'_>) -> Result<T, String>,
) -> Result<Parsed<T>, ImportError> {
    let text = decode_text(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(&text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) if h.iter().any(|c| !c.trim().is_empty()) => h.clone(),
        Ok(_) => return Err(ImportError::Empty),
        Err(e) => {
            return Err(ImportError::Malformed {
                line: 1,
                message: e.to_string(),
            });
        }
    };
    let columns: HashMap<String, usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim().trim_start_matches('\u{feff}').to_lowercase(), i))
        .collect();
    for r in required {
        if !columns.contains_key(*r) {
            let found: Vec<&str> = headers.iter().map(str::trim).collect();
            return Err(ImportError::MissingColumn(
                (*r).to_string(),
                found.join(", "),
            ));
        }
    }
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut lines = LineCounter::new(&text);
    loop {
        let line = lines.at(reader.position().byte());
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record
                    .position()
                    .map(|p| lines.at(p.byte()))
                    .unwrap_or(line);
                if record.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                let rec = Record {
                    fields: &record,
                    columns: &columns,
                };
                match build(line, &rec) {
                    Ok(row) => rows.push(row),
                    Err(message) => errors.push(RowError { line, message }),
                }
            }
            Err(e) => {
                let line = e.position().map(|p| lines.at(p.byte())).unwrap_or(line);
                errors.push(RowError {
                    line,
                    message: format!("unreadable row: {e}"),
                });
                // A broken quote swallows the rest of the file: stop here.
                break;
            }
        }
    }
    Ok(Parsed { rows, errors })
}

/// Physical line numbers from byte offsets. The csv reader's own line count
/// lags behind blank lines it skips, so count newlines ourselves (moving past
/// blank lines at the offset), incrementally: O(file) in all.
struct LineCounter<'a> {
    text: &'a [u8],
    byte: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            byte: 0,
            line: 1,
        }
    }

    fn at(&mut self, byte: u64) -> u64 {
        let mut target = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while target < self.text.len() && matches!(self.text[target], b'\r' | b'\n') {
            target += 1;
        }
        if target < self.byte {
            // Never expected (offsets only grow); recount from the start.
            self.byte = 0;
            self.line = 1;
        }
        self.line += self.text[self.byte..target]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64;
        self.byte = target;
        self.line
    }
}

pub fn parse_clients(bytes: &[u8]) -> Result<Parsed<ClientRow>, ImportError> {
    let mut seen: HashMap<String, u64> = HashMap::new();
    parse(bytes, &["name"], |line, r| {
        let name = r.required("name", "client name")?;
        let key = name_key(&name);
        if let Some(first) = seen.get(&key) {
            return Err(format!("duplicate client '{name}' (first on line {first})"));
        }
        let row = ClientRow {
            line,
            tier: r.parsed("tier", Tier::parse)?,
            cadence_days: r.parsed("cadence_days", |v| match v.parse::<u32>() {
                Ok(n) if (1..=3660).contains(&n) => Ok(n),
                _ => Err(format!("'{v}' is not a number of days from 1 to 3660")),
            })?,
            since: r.date("since")?,
            notes: r.get("notes")?,
            name,
        };
        seen.insert(key, line);
        Ok(row)
    })
}

fn minutes(v: &str) -> Result<u32, String> {
    match v.parse::<u32>() {
        Ok(n) if n <= crate::ops::MAX_MINUTES => Ok(n),
        _ => Err(format!(
            "'{v}' is not a number of minutes from 0 to {}",
            crate::ops::MAX_MINUTES
        )),
    }
}

pub fn parse_touchpoints(bytes: &[u8]) -> Result<Parsed<TouchpointRow>, ImportError> {
    parse(bytes, &["client"], |line, r| {
        Ok(TouchpointRow {
            line,
            client: r.required("client", "client name")?,
            date: r.date("date")?,
            kind: r.parsed("kind", TouchKind::parse)?,
            summary: r.get("summary")?,
            minutes: r.parsed("minutes", minutes)?,
            next_step: r.get("next_step")?,
            next_due: r.date("next_due")?,
        })
    })
}

pub fn parse_agreements(bytes: &[u8]) -> Result<Parsed<AgreementRow>, ImportError> {
    parse(bytes, &["client"], |line, r| {
        Ok(AgreementRow {
            line,
            client: r.required("client", "client name")?,
            date: r.date("date")?,
            text: r.get("text")?,
            owner: r.parsed("owner", Owner::parse)?,
            due: r.date("due")?,
            status: r.parsed("status", AgreementStatus::parse)?,
            closed_on: r.date("closed_on")?,
        })
    })
}

pub fn parse_payments(bytes: &[u8]) -> Result<Parsed<PaymentRow>, ImportError> {
    parse(bytes, &["client", "date", "amount"], |line, r| {
        Ok(PaymentRow {
            line,
            client: r.required("client", "client name")?,
            date: r.date("date")?.ok_or("date is empty")?,
            amount: r
                .parsed("amount", Money::parse_positive)?
                .ok_or("amount is empty")?,
            note: r.get("note")?,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Client;
    use crate::io::csv_export;

    fn lines(e: ImportError) -> Vec<u64> {
        match e {
            ImportError::Rows(rows) => rows.iter().map(|r| r.line).collect(),
            other => panic!("expected row errors, got {other}"),
        }
    }

    #[test]
    fn excel_russian_payments() {
        let text = "\u{feff}Клиент;client;date;amount;note\n;ООО Ромашка;05.11.2026;1 250 000,50;счёт 118\n";
        let rows = parse_payments(text.as_bytes())
            .and_then(Parsed::into_result)
            .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].client, "ООО Ромашка");
        assert_eq!(rows[0].amount, Money::from_minor(125_000_050));
        assert_eq!(rows[0].date, NaiveDate::from_ymd_opt(2026, 11, 5).unwrap());
        assert_eq!(rows[0].line, 2);
    }

    #[test]
    fn windows_1251_bytes() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("name;tier\nПекарня Хлебница;gold\n");
        let rows = parse_clients(&bytes).and_then(Parsed::into_result).unwrap();
        assert_eq!(rows[0].name, "Пекарня Хлебница");
        assert_eq!(rows[0].tier, Some(Tier::Gold));
    }

    #[test]
    fn quoted_newlines_keep_line_numbers_right() {
        let text =
            "client,summary,date\nA,\"two\nlines, and a comma\",2026-01-01\nB,x,2026-13-01\n";
        let err = parse_touchpoints(text.as_bytes())
            .and_then(Parsed::into_result)
            .unwrap_err();
        assert_eq!(lines(err), vec![4]);
        let ok = parse_touchpoints(b"client,summary\nA,\"two\nlines\"\n")
            .and_then(Parsed::into_result)
            .unwrap();
        assert_eq!(ok[0].summary.as_deref(), Some("two\nlines"));
    }

    #[test]
    fn every_bad_row_is_listed() {
        let text = "client,date,amount\nA,2026-11-01,100\nA,2026-13-01,1\nA,2026-11-01,1.255\nA,2026-11-01,-5\n\nA,,5\n,2026-11-01,5\n";
        let err = parse_payments(text.as_bytes())
            .and_then(Parsed::into_result)
            .unwrap_err();
        assert_eq!(lines(err), vec![3, 4, 5, 7, 8]);
    }

    #[test]
    fn missing_required_column_and_empty_file() {
        assert_eq!(
            parse_payments(b"client,amount\nA,5\n")
                .and_then(Parsed::into_result)
                .unwrap_err(),
            ImportError::MissingColumn("date".into(), "client, amount".into())
        );
        assert_eq!(
            parse_clients(b"")
                .and_then(Parsed::into_result)
                .unwrap_err(),
            ImportError::Empty
        );
        // Only the first column is required for clients; others may be absent.
        let rows = parse_clients(b"NAME\nAcme\n")
            .and_then(Parsed::into_result)
            .unwrap();
        assert_eq!(rows[0].tier, None);
    }

    #[test]
    fn extra_and_reordered_columns() {
        let rows = parse_touchpoints(b"minutes,extra,client,kind\n30,zzz,Acme,Meeting\n")
            .and_then(Parsed::into_result)
            .unwrap();
        assert_eq!(rows[0].client, "Acme");
        assert_eq!(rows[0].minutes, Some(30));
        assert_eq!(rows[0].kind, Some(TouchKind::Meeting));
        // Short rows: missing trailing cells are empty.
        let rows = parse_touchpoints(b"client,kind,minutes\nAcme\n")
            .and_then(Parsed::into_result)
            .unwrap();
        assert_eq!(rows[0].kind, None);
    }

    #[test]
    fn duplicate_clients_name_the_first_line() {
        let err = parse_clients("name\nООО Ромашка\nAcme\nооо ромашка\n".as_bytes())
            .and_then(Parsed::into_result)
            .unwrap_err();
        match err {
            ImportError::Rows(rows) => {
                assert_eq!(rows[0].line, 4);
                assert!(rows[0].message.contains("line 2"), "{}", rows[0].message);
            }
            other => panic!("{other}"),
        }
    }

    #[test]
    fn huge_field_is_refused_not_stored() {
        let mut text = String::from("client,summary\nAcme,");
        text.push_str(&"x".repeat(10 * 1024 * 1024));
        text.push('\n');
        let err = parse_touchpoints(text.as_bytes())
            .and_then(Parsed::into_result)
            .unwrap_err();
        assert_eq!(lines(err), vec![2]);
    }

    #[test]
    fn round_trip_through_export() {
        let c = Client {
            id: 1,
            name: "=Café ☕, \"Lumière\"".into(),
            tier: Tier::Toxic,
            status: crate::domain::Status::Active,
            since: NaiveDate::from_ymd_opt(2024, 2, 29).unwrap(),
            cadence_days: Some(14),
            channel: None,
            goal: None,
            notes: "-line one\nline two".into(),
        };
        let mut buf = Vec::new();
        csv_export::write_clients(&mut buf, std::slice::from_ref(&c)).unwrap();
        let rows = parse_clients(&buf).and_then(Parsed::into_result).unwrap();
        assert_eq!(rows[0].name, c.name);
        assert_eq!(rows[0].notes.as_deref(), Some(c.notes.as_str()));
        assert_eq!(rows[0].cadence_days, Some(14));
        assert_eq!(rows[0].since, Some(c.since));
    }

    #[test]
    fn unbalanced_quote_reads_to_the_end_of_the_file() {
        // The csv format lets a quoted field run to the end of the file; the
        // row is kept whole, never split or lost.
        let rows = parse_touchpoints(b"client,summary\nA,ok\nB,\"never closed\nC,x\n")
            .and_then(Parsed::into_result)
            .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].summary.as_deref(), Some("never closed\nC,x"));
        assert_eq!(rows[1].line, 3);
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
            for result in [
                parse_clients(&bytes).and_then(Parsed::into_result).map(|_| ()),
                parse_touchpoints(&bytes).and_then(Parsed::into_result).map(|_| ()),
                parse_agreements(&bytes).and_then(Parsed::into_result).map(|_| ()),
                parse_payments(&bytes).and_then(Parsed::into_result).map(|_| ()),
            ] {
                if let Err(ImportError::Rows(rows)) = result {
                    proptest::prop_assert!(rows.iter().all(|r| r.line >= 2));
                }
            }
        }

        #[test]
        fn csvish_text_never_panics(text in "[a-zA-Zа-я0-9,;\"\\n\\r .:=+@'-]{0,300}") {
            let with_header = format!("client,date,amount,note,name,kind,minutes,text,owner,due,status\n{text}");
            let _ = parse_payments(with_header.as_bytes());
            let _ = parse_clients(with_header.as_bytes());
            let _ = parse_touchpoints(with_header.as_bytes());
            let _ = parse_agreements(with_header.as_bytes());
        }
    }
}
