//! CSV export: the header rows import reads, UTF-8, `,` delimiter, ISO
//! dates, amounts as plain decimals. Cells that a spreadsheet would run as a
//! formula are written with a leading `'` (and read back unchanged).

use std::borrow::Cow;
use std::io::Write;

use crate::domain::time::iso;
use crate::domain::{Agreement, Client, Payment, Touchpoint};

/// Prefix a cell that starts with `=`, `+`, `-`, `@` (or a `'`, so that the
/// guard itself round-trips) with `'`, which spreadsheets show as text.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\'') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// The inverse of [`neutralise`]: strip one leading `'` guarding a formula
/// character.
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\'']) => rest,
        _ => cell,
    }
}

fn writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new().from_writer(out)
}

fn opt_date(d: Option<chrono::NaiveDate>) -> String {
    d.map(iso).unwrap_or_default()
}

pub fn write_clients<W: Write>(out: W, clients: &[Client]) -> Result<(), csv::Error> {
    let mut w = writer(out);
    w.write_record(["name", "tier", "cadence_days", "since", "notes"])?;
    for c in clients {
        w.write_record([
            neutralise(&c.name).as_ref(),
            c.tier.as_str(),
            &c.cadence_days.map(|d| d.to_string()).unwrap_or_default(),
            &iso(c.since),
            neutralise(&c.notes).as_ref(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

pub fn write_touchpoints<W: Write>(
    out: W,
    rows: &[(String, Touchpoint)],
) -> Result<(), csv::Error> {
    let mut w = writer(out);
    w.write_record([
        "client",
        "date",
        "kind",
        "summary",
        "minutes",
        "next_step",
        "next_due",
    ])?;
    for (client, t) in rows {
        w.write_record([
            neutralise(client).as_ref(),
            &iso(t.at),
            t.kind.as_str(),
            neutralise(&t.summary).as_ref(),
            &t.minutes.to_string(),
            neutralise(t.next_step.as_deref().unwrap_or("")).as_ref(),
            &opt_date(t.next_due),
        ])?;
    }
    w.flush()?;
    Ok(())
}

pub fn write_agreements<W: Write>(out: W, rows: &[(String, Agreement)]) -> Result<(), csv::Error> {
    let mut w = writer(out);
    w.write_record([
        "client",
        "date",
        "text",
        "owner",
        "due",
        "status",
        "closed_on",
    ])?;
    for (client, a) in rows {
        w.write_record([
            neutralise(client).as_ref(),
            &iso(a.made_on),
            neutralise(&a.text).as_ref(),
            a.owner.as_str(),
            &opt_date(a.due),
            a.status.as_str(),
            &opt_date(a.closed_on),
        ])?;
    }
    w.flush()?;
    Ok(())
}

pub fn write_payments<W: Write>(out: W, rows: &[(String, Payment)]) -> Result<(), csv::Error> {
    let mut w = writer(out);
    w.write_record(["client", "date", "amount", "note"])?;
    for (client, p) in rows {
        w.write_record([
            neutralise(client).as_ref(),
            &iso(p.on),
            &p.amount.to_plain(),
            neutralise(&p.note).as_ref(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_guard_round_trips() {
        for cell in [
            "=SUM(A1)", "+7 999", "-note", "@x", "'quoted", "''", "plain", "", "a=b",
        ] {
            assert_eq!(unneutralise(&neutralise(cell)), cell, "{cell}");
        }
        assert_eq!(neutralise("=1+1"), "'=1+1");
        assert_eq!(neutralise("ok"), "ok");
        assert_eq!(unneutralise("'hello"), "'hello");
    }
}
