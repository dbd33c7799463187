//! Bank statement profiles: how to read one bank's statement as payments.
//!
//! A profile names the file's header for each of folio's columns (the
//! columns of a payment, plus `status`, `currency`, `outgoing` and
//! `operation`), the statuses of the rows to keep, and the date format
//! where the dates cannot be read unambiguously. Every profile keeps
//! incoming payments only: outgoing, zero, failed and other-currency rows
//! are skipped, and counted by reason with their sums.
//!
//! Built-in profiles exist only for the statements whose header we have
//! from a public sample (see `tests/fixtures/banks/SOURCES.md`); the user's
//! own are tables `[profiles.NAME]` in folio's config file, and one with
//! the name of a built-in profile replaces it:
//!
//! ```toml
//! [profiles.mybank]
//! columns = { "Дата" = "date", "Сумма" = "amount", "Контрагент" = "client", "Статус" = "status" }
//! ok = ["Исполнен"]
//! date_format = "%d.%m.%y"
//! ```

use super::problem::Problem;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::csv_import::{ColumnMap, PaymentRow};
use crate::domain::money::split_currency;
use crate::domain::time::DateFormat;
use crate::domain::{Money, Refusal};
use crate::format;

/// The columns a statement row may fill: a payment's four, then the row's
/// status, its currency, an amount that went out (a statement with separate
/// "in" and "out" columns), and the bank's operation id.
pub const STATEMENT_COLUMNS: [&str; 9] = [
    "client",
    "date",
    "amount",
    "note",
    "status",
    "currency",
    "outgoing",
    "operation",
    "inn",
];

/// How to read one bank's statement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The file's header for each of folio's columns: header -> column.
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    /// Statuses of the rows to keep, compared ignoring case; empty keeps
    /// every status.
    #[serde(default)]
    pub ok: Vec<String>,
    /// A strftime-style date format (`%d.%m.%y`); a time after the date is
    /// dropped.
    #[serde(default)]
    pub date_format: Option<String>,
}

/// The built-in profiles, written as a user's own are, each checked against
/// a fixture whose header is copied from a public sample
/// (`tests/fixtures/banks/`).
const BUILT_IN: &str = r#"
[profiles.alfa]
date_format = "%d.%m.%y"
[profiles.alfa.columns]
"Дата операции" = "date"
"Приход" = "amount"
"Расход" = "outgoing"
"Валюта" = "currency"
"Описание операции" = "client"
"Референс проводки" = "operation"

[profiles.sber.columns]
"Дата совершения операции" = "date"
"Сумма в валюте счета" = "amount"
"Описание" = "client"

[profiles.tinkoff]
ok = ["OK"]
[profiles.tinkoff.columns]
"Дата операции" = "date"
"Сумма платежа" = "amount"
"Валюта платежа" = "currency"
"Статус" = "status"
"Описание" = "client"
"Категория" = "note"

[profiles.vtb]
ok = ["Исполнено"]
[profiles.vtb.columns]
"Дата операции" = "date"
"Сумма пересчитанная в валюту счета" = "amount"
"Валюта счета" = "currency"
"Статус" = "status"
"Основание" = "client"
"#;

/// The built-in profiles by name.
fn built_in() -> BTreeMap<String, Profile> {
    parse_profiles(BUILT_IN).expect("the built-in profiles are valid TOML")
}

/// The names of the built-in profiles.
pub fn built_in_names() -> Vec<String> {
    built_in().into_keys().collect()
}

/// Why a profile could not be had.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("unknown profile '{name}' (built in: {}; yours: {})", built_in_names().join(", "), list_or_none(.yours))]
    Unknown { name: String, yours: Vec<String> },
    #[error("cannot read the config file {}: {source}", .path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the config file {} is not valid for profiles: {message}", .path.display())]
    Toml { path: PathBuf, message: String },
    #[error("profile '{name}': {reason}")]
    Invalid { name: String, reason: Refusal },
}

fn list_or_none(names: &[String]) -> String {
    if names.is_empty() {
        "none".to_string()
    } else {
        names.join(", ")
    }
}

/// The part of the config file read here: the `profiles` table (other
/// tables are another reader's).
#[derive(Deserialize)]
struct ConfigProfiles {
    #[serde(default)]
    profiles: BTreeMap<String, Profile>,
}

/// The user's profiles in the config file at `path`; none when it does not
/// exist.
pub fn user_profiles(path: &Path) -> Result<BTreeMap<String, Profile>, ProfileError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(source) => {
            return Err(ProfileError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    parse_profiles(&text).map_err(|message| ProfileError::Toml {
        path: path.to_path_buf(),
        message,
    })
}

/// The `profiles` table of a config file's text.
pub fn parse_profiles(text: &str) -> Result<BTreeMap<String, Profile>, String> {
    // The error's own text names the line and column, with the line shown.
    toml::from_str::<ConfigProfiles>(text)
        .map(|c| c.profiles)
        .map_err(|e| e.to_string().trim_end().to_string())
}

/// The profile called `name`: the user's (from the config file at
/// `config`, if any), else the built-in one; checked.
pub fn find(name: &str, config: Option<&Path>) -> Result<Profile, ProfileError> {
    let mut yours = match config {
        Some(path) => user_profiles(path)?,
        None => BTreeMap::new(),
    };
    let wanted = name.trim().to_lowercase();
    let key = yours.keys().find(|k| k.to_lowercase() == wanted).cloned();
    let found = key.and_then(|k| yours.remove(&k));
    let Some(profile) = found.or_else(|| built_in().remove(&wanted)) else {
        return Err(ProfileError::Unknown {
            name: name.to_string(),
            yours: yours.into_keys().collect(),
        });
    };
    profile.check().map_err(|reason| ProfileError::Invalid {
        name: name.to_string(),
        reason,
    })?;
    Ok(profile)
}

impl Profile {
    /// Its columns as a column map, `extra` (a `--map`) taking precedence.
    pub fn column_map(&self, extra: &ColumnMap) -> Result<ColumnMap, Refusal> {
        let mut map = ColumnMap::default();
        for (header, column) in &self.columns {
            map.add(header, column, &STATEMENT_COLUMNS)?;
        }
        Ok(map.overridden_by(extra))
    }

    /// The rules its rows are kept by.
    pub fn rules(&self) -> Rules {
        Rules {
            ok: self.ok.clone(),
            // Checked when the profile was read (`check`).
            date_format: self
                .date_format
                .as_deref()
                .and_then(|f| DateFormat::parse(f).ok()),
        }
    }

    fn check(&self) -> Result<(), Refusal> {
        self.column_map(&ColumnMap::default())?;
        if let Some(format) = &self.date_format {
            DateFormat::parse(format)?;
        }
        Ok(())
    }
}

/// Which rows of a statement are kept: incoming ones, with an `ok` status
/// (when empty, any status but a failure's: `FAILED`, `Отклонено` …) and
/// in the portfolio's currency.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rules {
    pub ok: Vec<String>,
    /// How the bank writes dates, where they cannot be read unambiguously.
    pub date_format: Option<DateFormat>,
}

/// Why a statement row was left out.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "reason", content = "value")]
pub enum SkipReason {
    /// Money that went out.
    Outgoing,
    /// An amount of zero.
    Zero,
    /// A status not among the profile's `ok` ones (a failed operation).
    Status(String),
    /// Another currency than the portfolio's.
    Currency(String),
}

/// Rows left out for one reason, in one currency, and their sum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    #[serde(flatten)]
    pub reason: SkipReason,
    pub rows: usize,
    pub sum: Money,
    pub currency: String,
}

impl Skipped {
    /// The rows left out in words, in `loc`: `2 outgoing rows skipped:
    /// 550.00 RUB`, `пропущено 2 исходящие строки: 550,00 ₽`.
    pub fn said(&self, loc: format::Locale) -> String {
        let sum = format::money_in(loc, self.sum, &self.currency);
        let (id, value) = match &self.reason {
            SkipReason::Outgoing => ("skip-outgoing", ""),
            SkipReason::Zero => ("skip-zero", ""),
            SkipReason::Status(status) => ("skip-status", status.as_str()),
            SkipReason::Currency(code) => ("skip-currency", code.as_str()),
        };
        format::text_with(
            loc,
            id,
            &[
                ("n", format::Arg::count(self.rows)),
                ("sum", format::Arg::Str(&sum)),
                ("value", format::Arg::Str(value)),
            ],
        )
    }
}

/// A statement's row as read: a payment to import, or a row left out and why.
pub enum StatementRow {
    Kept(PaymentRow),
    Skipped(Skip),
}

/// The payments among `rows`, and the rows left out counted by reason and
/// currency with their sums: outgoing first, then zero, failed and other
/// currencies.
pub fn kept_and_skipped(rows: Vec<StatementRow>) -> (Vec<PaymentRow>, Vec<Skipped>) {
    let mut kept = Vec::with_capacity(rows.len());
    let mut skipped: BTreeMap<(SkipReason, String), (usize, Money)> = BTreeMap::new();
    for row in rows {
        match row {
            StatementRow::Kept(row) => kept.push(row),
            StatementRow::Skipped(skip) => {
                let (n, sum) = skipped
                    .entry((skip.reason, skip.currency))
                    .or_insert((0, Money::ZERO));
                *n += 1;
                *sum = sum.plus(skip.amount);
            }
        }
    }
    let skipped = skipped
        .into_iter()
        .map(|((reason, currency), (rows, sum))| Skipped {
            reason,
            rows,
            sum,
            currency,
        })
        .collect();
    (kept, skipped)
}

/// One row left out: why, and its amount (not negative) in its currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    pub reason: SkipReason,
    pub amount: Money,
    pub currency: String,
}

/// A currency as a statement writes it (`RUR`, `₽`, `руб.`, `usd`) as a
/// code (`RUB`, `USD`).
pub fn currency_code(text: &str) -> String {
    match split_currency(text) {
        (Some(code), "") => code.to_string(),
        _ => text.trim().to_uppercase(),
    }
}

/// An amount without its sign: what a skipped row is summed by.
pub fn magnitude(amount: Money) -> Money {
    if amount.is_negative() {
        Money::ZERO.minus(amount)
    } else {
        amount
    }
}

/// An amount as a statement writes it: signed, `(400.00)` negative, with
/// a currency sign or word allowed (returned as a code).
pub fn parse_amount(text: &str) -> Result<(Money, Option<&'static str>), Problem> {
    let (found, bare) = split_currency(text);
    let inner = bare.strip_prefix('(').and_then(|b| b.strip_suffix(')'));
    let amount = match inner {
        Some(inner) => Money::parse_signed(inner).map(|m| Money::ZERO.minus(m)),
        None => Money::parse_signed(bare),
    };
    amount
        .map(|m| (m, found))
        .map_err(|e| Problem::In("amount".to_string(), Box::new(Problem::Money(e))))
}

/// Whether a statement row is kept, and if not why. `status` and
/// `row_currency` as the row writes them (if it has them), `amount` signed
/// as read, `outgoing` the row's amount in an "out" column.
pub fn classify(
    rules: &Rules,
    status: Option<&str>,
    row_currency: Option<&str>,
    portfolio_currency: &str,
    amount: Money,
    outgoing: Option<Money>,
) -> Result<(), Skip> {
    let currency = row_currency
        .map(currency_code)
        .unwrap_or_else(|| portfolio_currency.to_string());
    let abs = magnitude(amount);
    let skip = |reason, amount| {
        Err(Skip {
            reason,
            amount,
            currency: currency.clone(),
        })
    };
    let shown_amount = match outgoing {
        Some(out) if amount.is_zero() => out,
        _ => abs,
    };
    if let Some(status) = status.map(str::trim).filter(|s| !is_kept_status(rules, s)) {
        return skip(SkipReason::Status(status.to_string()), shown_amount);
    }
    if !currency.eq_ignore_ascii_case(portfolio_currency) {
        return skip(SkipReason::Currency(currency.clone()), shown_amount);
    }
    if amount.is_negative() {
        return skip(SkipReason::Outgoing, abs);
    }
    if amount.is_zero() {
        return match outgoing {
            Some(out) if !out.is_zero() => skip(SkipReason::Outgoing, out),
            _ => skip(SkipReason::Zero, Money::ZERO),
        };
    }
    Ok(())
}

/// Statuses that say an operation did not go through (compared ignoring
/// case): rows with them are skipped when the rules list no `ok` statuses.
const FAILED_STATUSES: &[&str] = &[
    "failed",
    "declined",
    "rejected",
    "canceled",
    "cancelled",
    "error",
    "отклонено",
    "отклонён",
    "отклонен",
    "отклонена",
    "отменено",
    "отменён",
    "отменен",
    "отменена",
    "ошибка",
    "не исполнено",
];

/// A status whose row is kept: one of the rules' `ok` statuses, or when
/// they list none, any but a failure's.
fn is_kept_status(rules: &Rules, status: &str) -> bool {
    let status = status.to_lowercase();
    if rules.ok.is_empty() {
        !FAILED_STATUSES.contains(&status.as_str())
    } else {
        rules.ok.iter().any(|ok| ok.trim().to_lowercase() == status)
    }
}

/// A note with the bank's operation id in front (`№ 105: Оплата по
/// договору`): the id makes two payments alike in all else two rows, and
/// the same statement imported again the same row.
pub fn note_with_operation(operation: Option<&str>, note: Option<String>) -> Option<String> {
    match (operation.map(str::trim).filter(|o| !o.is_empty()), note) {
        (Some(op), Some(note)) => Some(format!("№ {op}: {note}")),
        (Some(op), None) => Some(format!("№ {op}")),
        (None, note) => note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rub(minor: i64) -> Money {
        Money::from_minor(minor)
    }

    fn tinkoff_rules() -> Rules {
        Rules {
            ok: vec!["OK".into()],
            date_format: None,
        }
    }

    #[test]
    fn rows_are_kept_or_skipped_by_reason() {
        let r = tinkoff_rules();
        assert_eq!(
            classify(&r, Some("OK"), Some("RUB"), "RUB", rub(100), None),
            Ok(())
        );
        assert_eq!(
            classify(&r, Some("ok"), Some("RUR"), "RUB", rub(100), None),
            Ok(())
        );
        let skip = |reason, amount, currency: &str| {
            Err(Skip {
                reason,
                amount,
                currency: currency.into(),
            })
        };
        assert_eq!(
            classify(&r, Some("FAILED"), Some("RUB"), "RUB", rub(-500), None),
            skip(SkipReason::Status("FAILED".into()), rub(500), "RUB")
        );
        assert_eq!(
            classify(&r, Some("OK"), Some("CNY"), "RUB", rub(700), None),
            skip(SkipReason::Currency("CNY".into()), rub(700), "CNY")
        );
        assert_eq!(
            classify(&r, Some("OK"), None, "RUB", rub(-250), None),
            skip(SkipReason::Outgoing, rub(250), "RUB")
        );
        assert_eq!(
            classify(&r, None, None, "RUB", Money::ZERO, Some(rub(300))),
            skip(SkipReason::Outgoing, rub(300), "RUB")
        );
        assert_eq!(
            classify(&r, None, None, "RUB", Money::ZERO, Some(Money::ZERO)),
            skip(SkipReason::Zero, Money::ZERO, "RUB")
        );
        // No `ok` list: any status is kept but a failure's.
        let any = Rules::default();
        assert_eq!(
            classify(&any, Some("В обработке"), None, "RUB", rub(1), None),
            Ok(())
        );
        assert_eq!(classify(&any, Some(""), None, "RUB", rub(1), None), Ok(()));
        assert_eq!(
            classify(&any, Some("Отклонён"), None, "RUB", rub(1), None),
            skip(SkipReason::Status("Отклонён".into()), rub(1), "RUB")
        );
    }

    #[test]
    fn skipped_rows_are_summed_by_reason_and_currency() {
        let rows = [
            (SkipReason::Currency("CNY".into()), 1_000_000, "CNY"),
            (SkipReason::Outgoing, 500, "RUB"),
            (SkipReason::Currency("CNY".into()), 234_000, "CNY"),
        ]
        .map(|(reason, minor, cur)| {
            StatementRow::Skipped(Skip {
                reason,
                amount: rub(minor),
                currency: cur.into(),
            })
        });
        let (_, skipped) = kept_and_skipped(rows.into());
        let lines: Vec<String> = skipped.iter().map(|s| s.said(format::Locale::En)).collect();
        assert_eq!(
            lines,
            [
                "1 outgoing row skipped: 5.00 RUB",
                "2 rows in CNY skipped: 12 340.00 CNY"
            ]
        );
    }

    #[test]
    fn skipped_rows_said_in_russian_with_the_plural_of_their_count() {
        let said = |reason: SkipReason, rows: usize| {
            Skipped {
                reason,
                rows,
                sum: rub(55_000),
                currency: "RUB".into(),
            }
            .said(format::Locale::Ru)
        };
        let sum = "550,00\u{A0}₽";
        for (n, rows) in [(1, "строка"), (2, "строки"), (5, "строк"), (21, "строка")]
        {
            assert_eq!(
                said(SkipReason::Outgoing, n),
                format!("Пропущены исходящие платежи ({n} {rows}): {sum}")
            );
        }
        assert_eq!(
            said(SkipReason::Currency("CNY".into()), 2),
            format!("Пропущены строки в валюте CNY (2 строки): {sum}")
        );
        assert_eq!(
            said(SkipReason::Status("Отклонён".into()), 5),
            format!("Пропущены строки со статусом «Отклонён» (5 строк): {sum}")
        );
        assert_eq!(
            said(SkipReason::Zero, 3),
            "Пропущены строки с нулевой суммой: 3"
        );
    }

    #[test]
    fn amounts_and_dates_as_statements_write_them() {
        assert_eq!(parse_amount("-4320,4"), Ok((rub(-432_040), None)));
        assert_eq!(parse_amount("-,01"), Ok((rub(-1), None)));
        assert_eq!(parse_amount("(400.00)"), Ok((rub(-40_000), None)));
        assert_eq!(parse_amount("1 250,00 ₽"), Ok((rub(125_000), Some("RUB"))));
        assert!(parse_amount("abc").is_err());
        // A profile's date format is the one `--date-format` takes.
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let read = |text: &str, format: &str| DateFormat::parse(format).unwrap().read(text).ok();
        assert_eq!(read("31.05.17", "%d.%m.%y"), Some(d(2017, 5, 31)));
        assert_eq!(read("31.05.87", "%d.%m.%y"), Some(d(2087, 5, 31)));
        assert_eq!(read("03.06.2022 11:05", "%d.%m.%Y"), Some(d(2022, 6, 3)));
        assert_eq!(read("6/3/2022", "%m/%d/%Y"), Some(d(2022, 6, 3)));
        assert_eq!(read("2022-06-03", "%d.%m.%Y"), None);
        assert!(DateFormat::parse("%d.%m").is_err());
        assert!(DateFormat::parse("%Q").is_err());
    }

    #[test]
    fn the_built_in_profiles_read_and_pass_their_check() {
        assert_eq!(built_in_names(), ["alfa", "sber", "tinkoff", "vtb"]);
        for (name, profile) in built_in() {
            assert_eq!(profile.check(), Ok(()), "{name}");
            assert!(!profile.columns.is_empty(), "{name}");
        }
    }

    #[test]
    fn user_profiles_replace_built_in_ones_and_unknown_names_are_listed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "[other]\nkey = 1\n\n[profiles.tinkoff]\ncolumns = { \"Когда\" = \"date\", \"Сколько\" = \"amount\", \"Кто\" = \"client\" }\n\n[profiles.mine]\nok = [\"Исполнен\"]\n",
        )
        .unwrap();
        let tinkoff = find("tinkoff", Some(&path)).unwrap();
        assert_eq!(tinkoff.columns.len(), 3);
        assert!(tinkoff.ok.is_empty());
        assert_eq!(find("VTB", Some(&path)).unwrap().ok, ["Исполнено"]);
        let err = find("nosuch", Some(&path)).unwrap_err().to_string();
        assert!(err.contains("'nosuch'"), "{err}");
        assert!(err.contains("alfa, sber, tinkoff, vtb"), "{err}");
        assert!(err.contains("yours: mine, tinkoff"), "{err}");
        // No config file: the built-in ones.
        assert!(find("sber", Some(&dir.path().join("none.toml"))).is_ok());
    }

    #[test]
    fn a_map_on_the_command_line_overrides_the_profiles_columns() {
        let tinkoff = find("tinkoff", None).unwrap();
        let extra = ColumnMap::parse("Категория=client", &STATEMENT_COLUMNS).unwrap();
        let map = tinkoff.column_map(&extra).unwrap();
        let expected = {
            let mut m = ColumnMap::default();
            for (header, column) in [
                ("Валюта платежа", "currency"),
                ("Дата операции", "date"),
                ("Категория", "note"),
                ("Статус", "status"),
                ("Сумма платежа", "amount"),
                ("Категория", "client"),
            ] {
                m.add(header, column, &STATEMENT_COLUMNS).unwrap();
            }
            m
        };
        assert_eq!(map, expected);
    }

    #[test]
    fn a_bad_profile_is_refused_with_its_name() {
        let bad = parse_profiles("[profiles.x]\ncolumns = { \"A\" = \"nosuch\" }\n").unwrap();
        assert_eq!(bad.len(), 1);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[profiles.x]\ncolumns = { \"A\" = \"nosuch\" }\n").unwrap();
        let err = find("x", Some(&path)).unwrap_err().to_string();
        assert!(
            err.starts_with("profile 'x': 'nosuch' is not a column"),
            "{err}"
        );
        std::fs::write(&path, "[profiles.x]\ncolums = {}\n").unwrap();
        let err = find("x", Some(&path)).unwrap_err().to_string();
        assert!(err.contains("colums"), "{err}");
    }
}
