//! CSV export: what `folio import` reads back (round trip).
//!
//! Header row exactly as the import columns; delimiter `,`; UTF-8 without a
//! BOM; dates ISO (`YYYY-MM-DD`); amounts `Money::to_plain()` (`1250000.50`);
//! `None` and empty text as an empty cell. Text cells go through
//! [`neutralise`] so a spreadsheet shows them as text, never as a formula.
//! [`Layout::Excel`] writes the same for Excel in a Russian locale.
//! In [`Locale::Ru`] (`export --lang ru`) the header and the enum words
//! (tiers, kinds, owners, statuses) are Russian, from the tables import
//! reads them by (`csv_import::russian_header`, the enums' `as_ru`).

use std::borrow::Cow;
use std::io::Write;

use crate::domain::time::iso;
use crate::domain::{Agreement, Client, Money, Payment, Touchpoint};
use crate::format::Locale;
use crate::io::csv_import::russian_header;
use crate::io::decode::UTF8_BOM;

/// Header of a clients file.
pub const CLIENT_COLUMNS: [&str; 5] = ["name", "tier", "cadence_days", "since", "notes"];
/// Header of a touchpoints file: the contract's five columns, then the
/// optional `next_step,next_due` so that nothing is lost on a round trip.
pub const TOUCHPOINT_COLUMNS: [&str; 7] = [
    "client",
    "date",
    "kind",
    "summary",
    "minutes",
    "next_step",
    "next_due",
];
/// Header of an agreements file.
pub const AGREEMENT_COLUMNS: [&str; 7] = [
    "client",
    "date",
    "text",
    "owner",
    "due",
    "status",
    "closed_on",
];
/// Header of a payments file.
pub const PAYMENT_COLUMNS: [&str; 4] = ["client", "date", "amount", "note"];

/// Characters that make a spreadsheet read a cell as a formula, plus the
/// guard character itself (so that a guarded cell round-trips exactly).
const GUARDED: [char; 5] = ['=', '+', '-', '@', '\''];

/// The formula guard: a cell starting with `=`, `+`, `-`, `@` or `'` gets a
/// leading `'`, which Excel and LibreOffice take as "this is text".
/// [`unneutralise`] undoes it exactly.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some(first) if GUARDED.contains(&first) => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// The inverse of [`neutralise`]: strips one leading `'` when the character
/// after it is one of `= + - @ '`. Any other cell is returned unchanged, so a
/// user's own `'hello` stays `'hello`.
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.chars().next().is_some_and(|c| GUARDED.contains(&c)) => rest,
        _ => cell,
    }
}

/// How an export is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// folio's own: `,`, UTF-8 without a BOM, ISO dates, a decimal point.
    #[default]
    Plain,
    /// What Excel in a Russian locale opens by double-click: UTF-8 with a
    /// BOM (or it guesses Windows-1251), `;` (as `,` is its decimal mark),
    /// `DD.MM.YYYY` dates and a decimal comma. Import reads it back.
    Excel,
}

impl Layout {
    fn writer<W: Write>(self, mut out: W) -> Result<csv::Writer<W>, csv::Error> {
        let delimiter = match self {
            Layout::Plain => b',',
            Layout::Excel => {
                out.write_all(UTF8_BOM)?;
                b';'
            }
        };
        Ok(csv::WriterBuilder::new()
            .delimiter(delimiter)
            .from_writer(out))
    }

    fn date(self, date: chrono::NaiveDate) -> String {
        match self {
            Layout::Plain => iso(date),
            Layout::Excel => date.format("%d.%m.%Y").to_string(),
        }
    }

    fn opt_date(self, date: Option<chrono::NaiveDate>) -> String {
        date.map(|d| self.date(d)).unwrap_or_default()
    }

    /// `to_plain` is digits, a dot and at most a leading minus: never a
    /// formula a spreadsheet would run, and it must stay a number.
    fn amount(self, amount: Money) -> String {
        match self {
            Layout::Plain => amount.to_plain(),
            Layout::Excel => amount.to_plain().replace('.', ","),
        }
    }
}

/// A column's or an enum's word in `locale`: `(English, Russian)`.
fn word(locale: Locale, (en, ru): (&'static str, &'static str)) -> &'static str {
    match locale {
        Locale::En => en,
        Locale::Ru => ru,
    }
}

/// A record as a row of its kind's file: a client, or for the other kinds
/// (client name, record).
pub trait Row {
    /// The header of its kind's file.
    const COLUMNS: &'static [&'static str];
    /// Its cells, in the order of [`Row::COLUMNS`].
    fn cells(&self, layout: Layout, locale: Locale) -> Vec<Cow<'_, str>>;
}

/// `rows` as their kind's file in `layout`, its header and words in
/// `locale`; how many rows were written.
pub fn write<W: Write, R: Row>(
    out: W,
    rows: &[R],
    layout: Layout,
    locale: Locale,
) -> Result<usize, csv::Error> {
    let mut w = layout.writer(out)?;
    let header = R::COLUMNS
        .iter()
        .map(|c| word(locale, (c, russian_header(c))));
    w.write_record(header)?;
    for row in rows {
        w.write_record(row.cells(layout, locale).iter().map(|c| c.as_bytes()))?;
    }
    w.flush()?;
    Ok(rows.len())
}

impl Row for Client {
    const COLUMNS: &'static [&'static str] = &CLIENT_COLUMNS;
    fn cells(&self, layout: Layout, locale: Locale) -> Vec<Cow<'_, str>> {
        let cadence = self.cadence_days.map(|d| d.to_string());
        vec![
            neutralise(&self.name),
            word(locale, (self.tier.as_str(), self.tier.as_ru())).into(),
            cadence.unwrap_or_default().into(),
            layout.date(self.since).into(),
            neutralise(&self.notes),
        ]
    }
}

impl Row for (String, Touchpoint) {
    const COLUMNS: &'static [&'static str] = &TOUCHPOINT_COLUMNS;
    fn cells(&self, layout: Layout, locale: Locale) -> Vec<Cow<'_, str>> {
        let (client, t) = self;
        vec![
            neutralise(client),
            layout.date(t.at).into(),
            word(locale, (t.kind.as_str(), t.kind.as_ru())).into(),
            neutralise(&t.summary),
            t.minutes.to_string().into(),
            neutralise(t.next_step.as_deref().unwrap_or_default()),
            layout.opt_date(t.next_due).into(),
        ]
    }
}

impl Row for (String, Agreement) {
    const COLUMNS: &'static [&'static str] = &AGREEMENT_COLUMNS;
    fn cells(&self, layout: Layout, locale: Locale) -> Vec<Cow<'_, str>> {
        let (client, a) = self;
        vec![
            neutralise(client),
            layout.date(a.made_on).into(),
            neutralise(&a.text),
            word(locale, (a.owner.as_str(), a.owner.as_ru())).into(),
            layout.opt_date(a.due).into(),
            word(locale, (a.status.as_str(), a.status.as_ru())).into(),
            layout.opt_date(a.closed_on).into(),
        ]
    }
}

impl Row for (String, Payment) {
    const COLUMNS: &'static [&'static str] = &PAYMENT_COLUMNS;
    fn cells(&self, layout: Layout, _: Locale) -> Vec<Cow<'_, str>> {
        let (client, p) = self;
        vec![
            neutralise(client),
            layout.date(p.on).into(),
            layout.amount(p.amount).into(),
            neutralise(&p.note),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AgreementStatus, Money, Owner, Status, Tier, TouchKind};

    use crate::domain::time::d;

    fn text(bytes: Vec<u8>) -> String {
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn guard_prefixes_formula_starts_and_undoes_exactly() {
        assert_eq!(neutralise("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(neutralise("+7 999"), "'+7 999");
        assert_eq!(neutralise("-note"), "'-note");
        assert_eq!(neutralise("@x"), "'@x");
        assert_eq!(neutralise("'quoted"), "''quoted");
        assert_eq!(neutralise("'"), "''");
        assert!(matches!(neutralise("plain"), Cow::Borrowed("plain")));
        assert!(matches!(neutralise(""), Cow::Borrowed("")));
        assert_eq!(neutralise(" =x"), " =x");
        for cell in [
            "=SUM(A1)",
            "+7 999",
            "-note",
            "@x",
            "'quoted",
            "'",
            "''",
            "'=x",
            "plain",
            "",
            "Ромашка",
            "🚀=",
        ] {
            assert_eq!(unneutralise(&neutralise(cell)), cell, "{cell:?}");
        }
        // A user's own apostrophe before an ordinary character stays.
        assert_eq!(unneutralise("'hello"), "'hello");
        assert_eq!(unneutralise("'"), "'");
        assert_eq!(unneutralise("'=1+1"), "=1+1");
        assert_eq!(unneutralise("''=1"), "'=1");
    }

    #[test]
    fn clients_file_layout() {
        let clients = vec![
            Client {
                id: 1,
                name: "ООО \"Ромашка\", Москва".into(),
                tier: Tier::Gold,
                status: Status::Active,
                since: d(2024, 3, 1),
                cadence_days: Some(14),
                channel: None,
                goal: None,
                notes: "=HYPERLINK(\"x\")".into(),
            },
            Client {
                id: 2,
                name: "Acme".into(),
                tier: Tier::Potential,
                status: Status::Paused,
                since: d(2025, 12, 31),
                cadence_days: None,
                channel: None,
                goal: None,
                notes: String::new(),
            },
        ];
        let mut out = Vec::new();
        write(&mut out, &clients, Layout::Plain, Locale::En).unwrap();
        assert_eq!(
            text(out),
            "name,tier,cadence_days,since,notes\n\
             \"ООО \"\"Ромашка\"\", Москва\",gold,14,2024-03-01,\"'=HYPERLINK(\"\"x\"\")\"\n\
             Acme,potential,,2025-12-31,\n"
        );
    }

    #[test]
    fn other_files_layout() {
        let tp = Touchpoint {
            id: 1,
            client_id: 1,
            at: d(2026, 11, 23),
            kind: TouchKind::Call,
            summary: "line one\nline two".into(),
            minutes: 30,
            next_step: Some("+send deck".into()),
            next_due: Some(d(2026, 11, 30)),
        };
        let mut out = Vec::new();
        write(&mut out, &[("Acme".into(), tp)], Layout::Plain, Locale::En).unwrap();
        assert_eq!(
            text(out),
            "client,date,kind,summary,minutes,next_step,next_due\n\
             Acme,2026-11-23,call,\"line one\nline two\",30,'+send deck,2026-11-30\n"
        );

        let ag = Agreement {
            id: 1,
            client_id: 1,
            made_on: d(2026, 1, 5),
            text: "report; monthly".into(),
            owner: Owner::Client,
            due: None,
            status: AgreementStatus::Cancelled,
            closed_on: Some(d(2026, 1, 9)),
        };
        let mut out = Vec::new();
        write(&mut out, &[("@acme".into(), ag)], Layout::Plain, Locale::En).unwrap();
        assert_eq!(
            text(out),
            "client,date,text,owner,due,status,closed_on\n'@acme,2026-01-05,report; monthly,client,,cancelled,2026-01-09\n"
        );

        let pay = Payment {
            id: 1,
            client_id: 1,
            on: d(2026, 2, 28),
            amount: Money::from_minor(125_000_050),
            note: "-".into(),
        };
        let mut out = Vec::new();
        write(&mut out, &[("Acme".into(), pay)], Layout::Plain, Locale::En).unwrap();
        assert_eq!(
            text(out),
            "client,date,amount,note\nAcme,2026-02-28,1250000.50,'-\n"
        );
    }

    #[test]
    fn empty_exports_have_the_header() {
        let mut out = Vec::new();
        write::<_, (String, Payment)>(&mut out, &[], Layout::Plain, Locale::En).unwrap();
        assert_eq!(text(out), "client,date,amount,note\n");
        let mut out = Vec::new();
        write::<_, Client>(&mut out, &[], Layout::Plain, Locale::En).unwrap();
        assert_eq!(text(out), "name,tier,cadence_days,since,notes\n");
    }

    #[test]
    fn excel_layout_bom_semicolon_decimal_comma_russian_dates() {
        let pay = Payment {
            id: 1,
            client_id: 1,
            on: d(2026, 2, 28),
            amount: Money::from_minor(125_000_050),
            note: "аванс; часть 1".into(),
        };
        let mut out = Vec::new();
        write(
            &mut out,
            &[("ООО Ромашка".into(), pay)],
            Layout::Excel,
            Locale::En,
        )
        .unwrap();
        assert_eq!(
            text(out),
            "\u{feff}client;date;amount;note\nООО Ромашка;28.02.2026;1250000,50;\"аванс; часть 1\"\n"
        );
        let tp = Touchpoint {
            id: 1,
            client_id: 1,
            at: d(2026, 11, 3),
            kind: TouchKind::Call,
            summary: "=1+1".into(),
            minutes: 30,
            next_step: None,
            next_due: Some(d(2026, 11, 30)),
        };
        let mut out = Vec::new();
        write(&mut out, &[("Acme".into(), tp)], Layout::Excel, Locale::En).unwrap();
        assert_eq!(
            text(out),
            "\u{feff}client;date;kind;summary;minutes;next_step;next_due\nAcme;03.11.2026;call;'=1+1;30;;30.11.2026\n"
        );
    }

    #[test]
    fn russian_headers_and_words_on_request() {
        let ag = Agreement {
            id: 1,
            client_id: 1,
            made_on: d(2026, 1, 5),
            text: "отчёт".into(),
            owner: Owner::Us,
            due: None,
            status: AgreementStatus::Kept,
            closed_on: Some(d(2026, 1, 9)),
        };
        let mut out = Vec::new();
        write(&mut out, &[("Acme".into(), ag)], Layout::Plain, Locale::Ru).unwrap();
        assert_eq!(
            text(out),
            "клиент,дата,договорённость,за_кем,срок,статус,дата_закрытия
\
             Acme,2026-01-05,отчёт,мы,,выполнена,2026-01-09
"
        );
        let mut out = Vec::new();
        write::<_, (String, Payment)>(&mut out, &[], Layout::Plain, Locale::Ru).unwrap();
        assert_eq!(
            text(out),
            "клиент,дата,сумма,примечание
"
        );
    }

    #[test]
    fn write_errors_are_reported() {
        struct Broken;
        impl Write for Broken {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk full"))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Err(std::io::Error::other("disk full"))
            }
        }
        assert!(write::<_, (String, Payment)>(Broken, &[], Layout::Plain, Locale::En).is_err());
    }
}
