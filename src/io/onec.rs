//! 1C's client-bank exchange file (`1CClientBankExchange`): the statement
//! a bank gives for 1C, read as incoming payments.
//!
//! The file is `Key=value` text, in Windows-1251 (or cp866 when it says
//! `Кодировка=DOS`; UTF-8 when the whole file is valid UTF-8). Its header
//! names the account holder's accounts (`РасчСчет`, also inside
//! `СекцияРасчСчет` … `КонецРасчСчет`); each document is a section
//! `СекцияДокумент=Платежное поручение` … `КонецДокумента`.
//!
//! A document is incoming when its recipient's account (`ПолучательСчет`,
//! else `ПолучательРасчСчет`) is one of the file's accounts. A file that
//! names no account says it by the dates: `ДатаПоступило` (money received)
//! or `ДатаСписано` (money sent). Outgoing and zero documents are skipped
//! and counted. An incoming document becomes a payment from `Плательщик1`
//! (else `Плательщик` without its leading `ИНН …`), on `ДатаПоступило`
//! (else `Дата`), of `Сумма`, noted `№ Номер: НазначениеПлатежа`: the
//! document number is the bank's operation id, part of the duplicate key.

use std::collections::{BTreeSet, HashMap};

use encoding_rs::{IBM866, WINDOWS_1251};

use super::csv_import::{ImportError, MAX_LINE_BYTES, Parsed, PaymentRow, Problem, RowError};
use super::decode::UTF8_BOM;
use super::profile::{
    Skip, SkipReason, Skipped, StatementRow, kept_and_skipped, note_with_operation,
};
use crate::domain::{Money, Refusal, parse_date};

/// The first line of every exchange file.
pub const MARKER: &str = "1CClientBankExchange";

/// Whether `bytes` are a 1C exchange file: its first line is [`MARKER`].
pub fn is_exchange_file(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let end = bytes
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .unwrap_or(bytes.len());
    bytes[..end].trim_ascii() == MARKER.as_bytes()
}

/// The file's text: UTF-8 when it all is, else cp866 when it says
/// `Кодировка=DOS`, else Windows-1251 (the format's own).
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let (dos_marker, _, _) = IBM866.encode("Кодировка=DOS");
    let dos = bytes.windows(dos_marker.len()).any(|w| *w == *dos_marker);
    let encoding = if dos { IBM866 } else { WINDOWS_1251 };
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// A document section: its kind, the line it starts on, and its values
/// with their lines (the first of a key written twice).
struct Document {
    kind: String,
    line: u64,
    values: HashMap<String, (String, u64)>,
}

impl Document {
    /// A value, if written and not blank.
    fn get(&self, key: &str) -> Option<(&str, u64)> {
        self.values
            .get(key)
            .map(|(v, line)| (v.as_str(), *line))
            .filter(|(v, _)| !v.is_empty())
    }
}

/// The incoming payments of an exchange file, and the documents skipped
/// (outgoing, zero) counted with their sums in `currency`. Every bad
/// document is an error of its line; a file cut short is an error of the
/// line its open section starts on.
pub fn parse_payments(
    bytes: &[u8],
    currency: &str,
) -> Result<(Parsed<PaymentRow>, Vec<Skipped>), ImportError> {
    let text = decode(bytes);
    let mut accounts = BTreeSet::new();
    let mut documents = Vec::new();
    let mut open: Option<Document> = None;
    let mut errors = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i as u64 + 1;
        if raw.len() > MAX_LINE_BYTES {
            return Err(ImportError::LineTooLong {
                line,
                max: MAX_LINE_BYTES,
            });
        }
        let entry = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if line == 1 || entry.is_empty() {
            continue;
        }
        let (key, value) = match entry.split_once('=') {
            Some((k, v)) => (k.trim(), v.trim()),
            None => (entry, ""),
        };
        match key {
            "СекцияДокумент" => {
                if let Some(doc) = open.take() {
                    return Err(unclosed(&doc));
                }
                open = Some(Document {
                    kind: value.to_string(),
                    line,
                    values: HashMap::new(),
                });
            }
            "КонецДокумента" => match open.take() {
                Some(doc) => documents.push(doc),
                None => {
                    return Err(ImportError::Malformed {
                        line,
                        reason: Box::new(Refusal::OneCEndWithoutStart),
                    });
                }
            },
            "КонецФайла" => break,
            _ => match &mut open {
                Some(doc) => {
                    doc.values
                        .entry(key.to_string())
                        .or_insert_with(|| (value.to_string(), line));
                }
                // The account holder's account, in the header or in a
                // СекцияРасчСчет; other header keys (ВерсияФормата,
                // balances) say nothing about payments.
                None if key == "РасчСчет" && !value.is_empty() => {
                    accounts.insert(value.to_string());
                }
                None => {}
            },
        }
    }
    if let Some(doc) = open {
        return Err(unclosed(&doc));
    }
    let mut read = Vec::new();
    for doc in &documents {
        match payment(doc, &accounts, currency) {
            Ok(row) => read.push(row),
            Err(e) => errors.push(e),
        }
    }
    let (rows, skipped) = kept_and_skipped(read);
    let parsed = Parsed {
        rows,
        errors,
        header_line: 1,
    };
    Ok((parsed, skipped))
}

fn unclosed(doc: &Document) -> ImportError {
    ImportError::Malformed {
        line: doc.line,
        reason: Box::new(Refusal::OneCUnclosed(doc.kind.clone())),
    }
}

/// One document as a payment, or why it is skipped (its amount counted in
/// `currency`).
fn payment(
    doc: &Document,
    accounts: &BTreeSet<String>,
    currency: &str,
) -> Result<StatementRow, RowError> {
    let error = |line: u64, reason: Refusal| RowError {
        line,
        message: reason.into(),
    };
    let Some((sum, sum_line)) = doc.get("Сумма") else {
        return Err(error(doc.line, Refusal::OneCNoKey("Сумма")));
    };
    let amount = Money::parse(sum).map_err(|e| unreadable("Сумма", sum_line, e))?;
    let account = |keys: [&str; 2]| keys.iter().find_map(|k| doc.get(k)).map(|(v, _)| v);
    let incoming = if accounts.is_empty() {
        match (doc.get("ДатаПоступило"), doc.get("ДатаСписано")) {
            (Some(_), _) => true,
            (None, Some(_)) => false,
            (None, None) => return Err(error(doc.line, Refusal::OneCDirection)),
        }
    } else {
        account(["ПолучательСчет", "ПолучательРасчСчет"])
            .is_some_and(|recipient| accounts.contains(recipient))
    };
    let skipped = |reason| {
        let currency = currency.to_string();
        Ok(StatementRow::Skipped(Skip {
            reason,
            amount,
            currency,
        }))
    };
    if !incoming {
        return skipped(SkipReason::Outgoing);
    }
    if amount.is_zero() {
        return skipped(SkipReason::Zero);
    }
    let (date_text, date_line) = doc
        .get("ДатаПоступило")
        .or_else(|| doc.get("Дата"))
        .ok_or_else(|| error(doc.line, Refusal::OneCNoKey("Дата")))?;
    let date = parse_date(date_text).map_err(|e| unreadable("Дата", date_line, e))?;
    let client = match (doc.get("Плательщик1"), doc.get("Плательщик")) {
        (Some((name, _)), _) => name,
        (None, Some((name, _))) => without_inn(name),
        (None, None) => return Err(error(doc.line, Refusal::OneCNoKey("Плательщик"))),
    };
    if client.is_empty() {
        return Err(error(doc.line, Refusal::OneCEmptyKey("Плательщик")));
    }
    let purpose = doc.get("НазначениеПлатежа").map(|(v, _)| v.to_string());
    let number = doc.get("Номер").map(|(v, _)| v);
    // The payer's ИНН, when the bank wrote one: clients match by it first.
    let inn = match doc.get("ПлательщикИНН") {
        Some((v, line)) => Some(
            crate::domain::counterparty::check_inn(v)
                .map_err(|e| unreadable("ПлательщикИНН", line, e))?,
        ),
        None => None,
    };
    Ok(StatementRow::Kept(PaymentRow {
        line: doc.line,
        client: client.to_string(),
        date,
        amount,
        note: note_with_operation(number, purpose),
        inn,
    }))
}

/// A value that does not read, `key: why`, as the error of its `line`.
fn unreadable(key: &str, line: u64, why: impl Into<Problem>) -> RowError {
    RowError {
        line,
        message: Problem::In(key.to_string(), Box::new(why.into())).into(),
    }
}

/// A payer as banks write it in `Плательщик`: `ИНН 7719617469 ОАО Крокус`
/// is `ОАО Крокус`.
fn without_inn(name: &str) -> &str {
    let Some(rest) = name.strip_prefix("ИНН") else {
        return name;
    };
    let rest = rest.trim_start();
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    if digits == 0 {
        return name;
    }
    rest[digits..].trim_start()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const FILE: &str = "1CClientBankExchange\r\nВерсияФормата=1.03\r\nКодировка=Windows\r\nРасчСчет=40702810000000000001\r\nСекцияДокумент=Платежное поручение\r\nНомер=7\r\nДата=01.12.2026\r\nСумма=1500.50\r\nПлательщик=ИНН 7719617469 ООО Ромашка\r\nПлательщикИНН=7719617469\r\nПолучательСчет=40702810000000000001\r\nНазначениеПлатежа=Оплата по счёту 12\r\nКонецДокумента\r\nСекцияДокумент=Платежное поручение\r\nНомер=8\r\nДата=02.12.2026\r\nСумма=99.00\r\nПлательщик1=Мы\r\nПлательщикСчет=40702810000000000001\r\nПолучательСчет=40702810999999999999\r\nКонецДокумента\r\nКонецФайла\r\n";

    #[test]
    fn recognised_by_the_first_line_in_any_encoding() {
        assert!(is_exchange_file(FILE.as_bytes()));
        assert!(is_exchange_file(b"\xEF\xBB\xBF1CClientBankExchange\n"));
        assert!(is_exchange_file(&WINDOWS_1251.encode(FILE).0));
        assert!(!is_exchange_file(b"client,date,amount\n"));
        assert!(!is_exchange_file(b"x1CClientBankExchange\n"));
    }

    #[test]
    fn incoming_documents_are_payments_and_outgoing_ones_counted() {
        let bytes = WINDOWS_1251.encode(FILE).0;
        let (parsed, skipped) = parse_payments(&bytes, "RUB").unwrap();
        assert_eq!(parsed.errors, []);
        assert_eq!(
            parsed.rows,
            [PaymentRow {
                line: 5,
                client: "ООО Ромашка".into(),
                date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
                amount: Money::from_minor(150_050),
                note: Some("№ 7: Оплата по счёту 12".into()),
                inn: Some("7719617469".into()),
            }]
        );
        assert_eq!(skipped.len(), 1);
        assert_eq!(
            skipped[0].said(crate::format::Locale::En),
            "1 outgoing row skipped: 99.00 RUB"
        );
    }

    #[test]
    fn cp866_files_say_so() {
        let text = FILE.replace("Кодировка=Windows", "Кодировка=DOS");
        let bytes = IBM866.encode(&text).0;
        let (parsed, _) = parse_payments(&bytes, "RUB").unwrap();
        assert_eq!(parsed.rows[0].client, "ООО Ромашка");
    }

    #[test]
    fn bad_documents_are_errors_of_their_lines() {
        let text = FILE.replace("Сумма=1500.50", "Сумма=абв");
        let (parsed, _) = parse_payments(text.as_bytes(), "RUB").unwrap();
        assert_eq!(parsed.errors.len(), 1);
        assert_eq!(parsed.errors[0].line, 8);
        assert!(parsed.errors[0].message.starts_with("Сумма:"));
        let cut = FILE.replace("КонецДокумента\r\nСекцияДокумент", "СекцияДокумент");
        assert!(matches!(
            parse_payments(cut.as_bytes(), "RUB"),
            Err(ImportError::Malformed { line: 5, .. })
        ));
        // Without any РасчСчет, a document must say which way it went.
        let no_account = FILE.replace("РасчСчет=40702810000000000001\r\n", "");
        let (parsed, _) = parse_payments(no_account.as_bytes(), "RUB").unwrap();
        assert_eq!(parsed.errors.len(), 2);
        assert!(parsed.errors[0].message.contains("ДатаПоступило"));
    }

    #[test]
    fn a_line_past_the_limit_is_refused_by_its_number() {
        let long = format!("НазначениеПлатежа={}", "я".repeat(MAX_LINE_BYTES / 2));
        let text = FILE.replace("НазначениеПлатежа=Оплата по счёту 12", &long);
        assert!(matches!(
            parse_payments(text.as_bytes(), "RUB"),
            Err(ImportError::LineTooLong { line: 12, .. })
        ));
    }

    #[test]
    fn payer_names_lose_a_leading_inn() {
        assert_eq!(without_inn("ИНН 7719617469 ОАО Крокус"), "ОАО Крокус");
        assert_eq!(without_inn("ИННОВАЦИИ ООО"), "ИННОВАЦИИ ООО");
        assert_eq!(without_inn("ООО Ромашка"), "ООО Ромашка");
    }
}
