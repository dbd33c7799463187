//! The briefing rendered for people: Markdown (GitHub, any viewer) and plain
//! text (terminals, with trend bars); and for scripts, JSON (serde, through
//! a view whose prose fields are worded in English by `format::briefing`).
//! No figures are computed here: everything comes from `domain::briefing`.

use chrono::NaiveDate;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::domain::briefing::{
    AtRisk, Briefing, Health, MonthLine, TierMove, Upcoming, UpcomingKind,
};
use crate::domain::text::escape_lines_owned;
use crate::domain::{Money, Month, Tier};
use crate::format::briefing::{
    Doc, concentration, due, forecast_basis, lost, talking_point, time_eater, upcoming_kind,
};
use crate::format::messages::{self, Arg, text_with};
use crate::format::words::tier_of_one as tier;
use crate::format::{self, Locale, Noun};

/// A fixed line of the briefing in `loc` (`assets/locales/*/briefing.ftl`).
fn t(loc: Locale, id: &str) -> String {
    messages::text(loc, id)
}

/// A Markdown table whose raw text also lines up (cells padded by display
/// width, so Cyrillic and emoji do not break the columns). `right` marks the
/// numeric columns.
fn md_table(
    headers: &[&str],
    right: &[bool],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> String {
    let esc = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| r.iter().map(|c| esc(c)).collect())
        .collect();
    let right = |i: usize| right.get(i).copied().unwrap_or(false);
    // Each column as wide as its widest cell (at least 3, for the rule).
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width().max(3)).collect();
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    // A row's cells, padded to their columns' widths (missing ones blank).
    let line = |cells: &[String]| {
        let padded: Vec<String> = widths
            .iter()
            .enumerate()
            .map(|(i, &w)| {
                let s = cells.get(i).map_or("", String::as_str);
                let fill = format::fill(s, w);
                if right(i) {
                    format!("{fill}{s}")
                } else {
                    format!("{s}{fill}")
                }
            })
            .collect();
        format!("| {} |\n", padded.join(" | "))
    };
    let rule: Vec<String> = widths
        .iter()
        .enumerate()
        .map(|(i, &w)| {
            if right(i) {
                format!("{}:", "-".repeat(w - 1))
            } else {
                "-".repeat(w)
            }
        })
        .collect();
    let header: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
    let mut out = line(&header) + &line(&rule);
    for r in &rows {
        out.push_str(&line(r));
    }
    out
}

/// The briefing as Markdown in `loc`'s words and formats. Control
/// characters in the data come out as `\u001b` (`domain::text::escape_lines`),
/// to a terminal or a file alike: a file is `cat`-ed later.
pub fn markdown_in(loc: Locale, b: &Briefing) -> String {
    let mut o = String::new();
    let month = format::month(loc, b.month);
    let title = text_with(loc, "briefing-title", &[("month", Arg::Str(&month))]);
    o.push_str(&format!("# {title}\n\n"));
    let day = format::date(loc, b.today);
    let sign = format::currency_sign(loc, &b.currency);
    let as_of = text_with(
        loc,
        "briefing-as-of",
        &[("date", Arg::Str(&day)), ("currency", Arg::Str(sign))],
    );
    o.push_str(&format!("{as_of}\n\n"));

    o.push_str(&format!("## {}\n\n", t(loc, "briefing-plan")));
    let c = &b.plan.current;
    let money = |m| format::money(loc, m);
    let attained = format::percent_or_dash(loc, c.attainment_bp);
    let rows = [
        ("briefing-target", format::money_or_dash(loc, c.target)),
        ("briefing-received", money(c.received)),
        ("briefing-expected", money(c.expected)),
        ("briefing-outstanding", money(c.outstanding)),
        ("briefing-overdue", money(c.overdue)),
        ("briefing-attainment", attained),
        ("briefing-forecast-month-end", money(c.forecast)),
    ]
    .map(|(id, value)| vec![t(loc, id), value]);
    o.push_str(&md_table(
        &["", &format::month(loc, c.month)],
        &[false, true],
        rows,
    ));
    let days = format::count(loc, b.plan.days_left, Noun::Day);
    let basis = forecast_basis(loc);
    let left = text_with(
        loc,
        "briefing-days-left",
        &[("days", Arg::Str(&days)), ("basis", Arg::Str(&basis))],
    );
    o.push_str(&format!("\n{left}\n\n"));
    o.push_str(&format!("### {}\n\n", t(loc, "briefing-previous")));
    let rows = b.plan.previous.iter().map(|m| {
        vec![
            format::month(loc, m.month),
            format::money_or_dash(loc, m.target),
            format::money(loc, m.received),
            format::money(loc, m.outstanding),
            format::money(loc, m.overdue),
            format::percent_or_dash(loc, m.attainment_bp),
        ]
    });
    o.push_str(&md_table(
        &[
            &t(loc, "briefing-month"),
            &t(loc, "briefing-target"),
            &t(loc, "briefing-received"),
            &t(loc, "briefing-outstanding"),
            &t(loc, "briefing-overdue"),
            &t(loc, "briefing-attainment"),
        ],
        &[false, true, true, true, true, true],
        rows,
    ));

    o.push_str(&format!("\n## {}\n\n", t(loc, "briefing-at-risk")));
    if b.at_risk.is_empty() {
        o.push_str(&format!("{}\n", t(loc, "briefing-no-risk")));
    }
    for r in &b.at_risk {
        let reasons: Vec<String> = r.reasons.iter().map(|x| format::reason(loc, x)).collect();
        o.push_str(&format!(
            "- **{}** ({}): {}\n",
            r.client.replace('*', "\\*"),
            tier(loc, r.tier),
            reasons.join("; ")
        ));
    }

    o.push_str(&format!("\n## {}\n\n", t(loc, "briefing-tier-moves")));
    if b.tier_moves.is_empty() {
        o.push_str(&format!("{}\n", t(loc, "briefing-no-tier-moves")));
    } else {
        let rows = b.tier_moves.iter().map(|m| {
            vec![
                format::date(loc, m.on),
                m.client.clone(),
                tier(loc, m.from).to_string(),
                tier(loc, m.to).to_string(),
                m.reason.clone(),
            ]
        });
        o.push_str(&md_table(
            &[
                &t(loc, "briefing-date"),
                &t(loc, "briefing-client"),
                &t(loc, "briefing-from"),
                &t(loc, "briefing-to"),
                &t(loc, "briefing-reason"),
            ],
            &[false; 5],
            rows,
        ));
    }

    o.push_str(&format!("\n## {}\n\n", t(loc, "briefing-health")));
    let h = &b.health;
    let shares = concentration(loc, Doc::Markdown, &h.concentration, &b.currency);
    o.push_str(&format!("- {shares}\n"));
    if !h.time_eaters.is_empty() {
        o.push_str(&format!("\n{}\n\n", t(loc, "briefing-time-eaters")));
        let rows = h.time_eaters.iter().map(|e| {
            vec![
                e.client.clone(),
                format::money(loc, e.revenue_per_hour),
                format::money(loc, e.revenue_12m),
                format::number(loc, e.minutes_12m),
            ]
        });
        o.push_str(&md_table(
            &[
                &t(loc, "briefing-client"),
                &t(loc, "briefing-revenue-per-hour"),
                &t(loc, "briefing-revenue-12m"),
                &t(loc, "briefing-minutes-12m"),
            ],
            &[false, true, true, true],
            rows,
        ));
    }
    o.push_str(&format!("\n{}\n\n", t(loc, "briefing-by-tier")));
    let rows = h.tiers.iter().map(|t| {
        vec![
            tier(loc, t.tier).to_string(),
            t.clients.to_string(),
            format::money(loc, t.revenue_12m),
            format::percent_or_dash(loc, t.revenue_share_bp),
            format::percent_or_dash(loc, t.minutes_share_bp),
        ]
    });
    o.push_str(&md_table(
        &[
            &t(loc, "briefing-tier"),
            &t(loc, "briefing-clients"),
            &t(loc, "briefing-revenue-12m"),
            &t(loc, "briefing-revenue-share"),
            &t(loc, "briefing-minutes-share"),
        ],
        &[false, true, true, true, true],
        rows,
    ));
    if h.churned_12m.is_empty() {
        o.push_str(&format!("\n{}\n", t(loc, "briefing-no-lost")));
    } else {
        o.push_str(&format!("\n{}\n\n", t(loc, "briefing-lost")));
        for c in &h.churned_12m {
            let line = lost(loc, Doc::Markdown, &c.client, c.on, &c.reason);
            o.push_str(&format!("- {line}\n"));
        }
    }

    o.push_str(&format!("\n## {}\n\n", t(loc, "briefing-next-14-days")));
    if b.next_14_days.is_empty() {
        o.push_str(&format!("{}\n", t(loc, "briefing-nothing-due-14")));
    } else {
        let rows = b.next_14_days.iter().map(|u| {
            vec![
                format::date(loc, u.date),
                upcoming_kind(loc, u.kind()).to_string(),
                u.client.clone(),
                due(loc, &u.due),
                u.amount.map(|m| format::money(loc, m)).unwrap_or_default(),
            ]
        });
        o.push_str(&md_table(
            &[
                &t(loc, "briefing-date"),
                &t(loc, "briefing-what"),
                &t(loc, "briefing-client"),
                &t(loc, "briefing-detail"),
                &t(loc, "briefing-amount"),
            ],
            &[false, false, false, false, true],
            rows,
        ));
    }

    o.push_str(&format!("\n## {}\n\n", t(loc, "briefing-talking-points")));
    for (i, t) in b.talking_points.iter().enumerate() {
        let t = talking_point(loc, &b.currency, t);
        o.push_str(&format!("{}. {t}\n", i + 1));
    }
    // Names, agreements and reasons are the data's: shown, never sent.
    escape_lines_owned(o)
}

/// A bar of attainment for text output: one block per 10 %, to 150 %.
pub fn bar(bp: Option<i64>) -> String {
    match bp {
        None => "·".into(),
        Some(bp) => "█".repeat((bp.clamp(0, 15_000) / 1_000) as usize),
    }
}

fn month_text(loc: Locale, m: &MonthLine) -> String {
    format!(
        "  {}  {:>16}  {:>16}  {:>9}  {}\n",
        format::month_compact(loc, m.month),
        format::money_or_dash(loc, m.target),
        format::money(loc, m.received),
        format::percent_or_dash(loc, m.attainment_bp),
        bar(m.attainment_bp)
    )
}

/// `s` padded with spaces to `w` columns (display width).
fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", format::fill(s, w))
}

/// A heading of the text briefing, after a blank line: `PLAN`.
fn heading(loc: Locale, id: &str) -> String {
    format!("\n{}\n", t(loc, id).to_uppercase())
}

/// The briefing as plain text in `loc`'s words and formats, its control
/// characters shown as in [`markdown_in`].
pub fn text_in(loc: Locale, b: &Briefing) -> String {
    let mut o = String::new();
    let month = format::month(loc, b.month);
    let day = format::date(loc, b.today);
    let sign = format::currency_sign(loc, &b.currency);
    let title = text_with(
        loc,
        "briefing-text-title",
        &[
            ("month", Arg::Str(&month)),
            ("date", Arg::Str(&day)),
            ("currency", Arg::Str(sign)),
        ],
    );
    o.push_str(&format!("{title}\n"));
    let c = &b.plan.current;
    o.push_str(&heading(loc, "briefing-plan"));
    let days = format::count(loc, b.plan.days_left, Noun::Day);
    let basis = forecast_basis(loc);
    let forecast = text_with(
        loc,
        "briefing-text-forecast-note",
        &[("basis", Arg::Str(&basis)), ("days", Arg::Str(&days))],
    );
    let attained = format::percent_or_dash(loc, c.attainment_bp);
    let money = |m| format::money(loc, m);
    // Each figure: its label, the amount, a note where it has one.
    let figures = [
        ("briefing-target", format::money_or_dash(loc, c.target), ""),
        ("briefing-received", money(c.received), attained.as_str()),
        ("briefing-outstanding", money(c.outstanding), ""),
        ("briefing-overdue", money(c.overdue), ""),
        ("briefing-forecast", money(c.forecast), forecast.as_str()),
    ];
    for (id, amount, note) in figures {
        let line = format!("  {}  {amount:>16}  {note}", pad(&t(loc, id), 11));
        o.push_str(line.trim_end());
        o.push('\n');
    }
    o.push('\n');
    let head = format!(
        "  {}  {:>16}  {:>16}  {:>9}",
        pad(&t(loc, "briefing-month"), 8),
        t(loc, "briefing-target"),
        t(loc, "briefing-received"),
        t(loc, "briefing-attained")
    );
    o.push_str(&format!("{}\n", head.trim_end()));
    for m in b.plan.previous.iter().chain(std::iter::once(c)) {
        o.push_str(&month_text(loc, m));
    }
    o.push_str(&heading(loc, "briefing-at-risk"));
    if b.at_risk.is_empty() {
        o.push_str(&format!("  {}\n", t(loc, "briefing-no-risk")));
    }
    for r in &b.at_risk {
        o.push_str(&format!("  {} ({})\n", r.client, tier(loc, r.tier)));
        for x in &r.reasons {
            o.push_str(&format!("    - {}\n", format::reason(loc, x)));
        }
    }
    o.push_str(&heading(loc, "briefing-tier-moves"));
    if b.tier_moves.is_empty() {
        o.push_str(&format!("  {}\n", t(loc, "briefing-none")));
    }
    for m in &b.tier_moves {
        o.push_str(&format!(
            "  {}  {}: {} -> {}  ({})\n",
            format::date(loc, m.on),
            m.client,
            tier(loc, m.from),
            tier(loc, m.to),
            m.reason
        ));
    }
    o.push_str(&heading(loc, "briefing-health"));
    let shares = concentration(loc, Doc::Text, &b.health.concentration, &b.currency);
    o.push_str(&format!("  {shares}\n"));
    for e in &b.health.time_eaters {
        let line = time_eater(loc, &e.client, e.revenue_per_hour, e.minutes_12m);
        o.push_str(&format!("  {line}\n"));
    }
    // Columns as wide as the language's longest word (`potential`, `перспективный`).
    let tier_width = Tier::ALL.iter().map(|t| tier(loc, *t).width()).max();
    let tier_width = tier_width.unwrap_or(0);
    for t in &b.health.tiers {
        o.push_str(&format!(
            "  {} {:>11}  {} {:>9}  {} {:>9}\n",
            pad(&tier(loc, t.tier), tier_width),
            format::count(loc, t.clients, Noun::Client),
            messages::text(loc, "briefing-text-revenue"),
            format::percent_or_dash(loc, t.revenue_share_bp),
            messages::text(loc, "briefing-text-minutes"),
            format::percent_or_dash(loc, t.minutes_share_bp)
        ));
    }
    for ch in &b.health.churned_12m {
        let line = lost(loc, Doc::Text, &ch.client, ch.on, &ch.reason);
        o.push_str(&format!("  {line}\n"));
    }
    o.push_str(&heading(loc, "briefing-next-14-days"));
    if b.next_14_days.is_empty() {
        o.push_str(&format!("  {}\n", t(loc, "briefing-nothing-due")));
    }
    let kind_width = [
        UpcomingKind::NextStep,
        UpcomingKind::Agreement,
        UpcomingKind::Invoice,
        UpcomingKind::Birthday,
    ]
    .iter()
    .map(|k| upcoming_kind(loc, *k).width())
    .max()
    .unwrap_or(0);
    for u in &b.next_14_days {
        o.push_str(&format!(
            "  {}  {} {}: {}{}\n",
            format::date(loc, u.date),
            pad(&upcoming_kind(loc, u.kind()), kind_width),
            u.client,
            due(loc, &u.due),
            u.amount
                .map(|m| format!(" ({})", format::money(loc, m)))
                .unwrap_or_default()
        ));
    }
    o.push_str(&heading(loc, "briefing-talking-points"));
    for (i, t) in b.talking_points.iter().enumerate() {
        let t = talking_point(loc, &b.currency, t);
        o.push_str(&format!("  {}. {t}\n", i + 1));
    }
    escape_lines_owned(o)
}

/// The JSON's language: scripts read it, so it is English whatever the
/// person's language (keys, enum values and prose fields alike).
const JSON: Locale = Locale::En;

/// The briefing as JSON: the domain's values, with the forecast's basis,
/// each item's detail and the talking points worded in English.
#[derive(Serialize)]
struct JsonBriefing<'a> {
    month: Month,
    today: NaiveDate,
    currency: &'a str,
    plan: JsonPlan<'a>,
    at_risk: &'a [AtRisk],
    tier_moves: &'a [TierMove],
    health: &'a Health,
    next_14_days: Vec<JsonUpcoming<'a>>,
    talking_points: Vec<String>,
}

#[derive(Serialize)]
struct JsonPlan<'a> {
    #[serde(flatten)]
    current: &'a MonthLine,
    days_left: u32,
    forecast_basis: String,
    clients_outstanding: usize,
    previous: &'a [MonthLine],
}

#[derive(Serialize)]
struct JsonUpcoming<'a> {
    date: NaiveDate,
    kind: UpcomingKind,
    client: &'a str,
    text: String,
    amount: Option<Money>,
}

impl<'a> JsonBriefing<'a> {
    fn of(b: &'a Briefing) -> Self {
        let upcoming = |u: &'a Upcoming| JsonUpcoming {
            date: u.date,
            kind: u.kind(),
            client: &u.client,
            text: due(JSON, &u.due),
            amount: u.amount,
        };
        JsonBriefing {
            month: b.month,
            today: b.today,
            currency: &b.currency,
            plan: JsonPlan {
                current: &b.plan.current,
                days_left: b.plan.days_left,
                forecast_basis: forecast_basis(JSON),
                clients_outstanding: b.plan.clients_outstanding,
                previous: &b.plan.previous,
            },
            at_risk: &b.at_risk,
            tier_moves: &b.tier_moves,
            health: &b.health,
            next_14_days: b.next_14_days.iter().map(upcoming).collect(),
            talking_points: b
                .talking_points
                .iter()
                .map(|t| talking_point(JSON, &b.currency, t))
                .collect(),
        }
    }
}

/// The briefing as pretty JSON, streamed to `out`, with a trailing newline.
pub fn write_json(b: &Briefing, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &JsonBriefing::of(b))?;
    out.write_all(b"\n")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Month;
    use crate::domain::time::d;
    use crate::ops::views;
    use crate::store::Store;

    fn briefing_of(fill: impl FnOnce(&mut Store)) -> Briefing {
        let mut store = Store::open_in_memory().unwrap();
        fill(&mut store);
        let today = d(2026, 11, 23);
        views::briefing(&mut store, Month::of(today), today).unwrap()
    }

    /// Names and texts from the data reach Markdown and text with their
    /// control characters shown, their lines and tabs kept.
    #[test]
    fn people_formats_show_control_characters() {
        let mut b = briefing_of(|s| {
            crate::ops::demo::load(s, d(2026, 11, 23)).unwrap();
        });
        assert!(!b.at_risk.is_empty());
        b.at_risk[0].client = "Acme\u{1b}]52;c;aGVsbG8=\u{7}\tTab\u{9b}2J".into();
        for out in [markdown_in(Locale::En, &b), text_in(Locale::En, &b)] {
            let bad: Vec<char> = out
                .chars()
                .filter(|c| c.is_control() && !matches!(c, '\n' | '\t'))
                .collect();
            assert!(bad.is_empty(), "{bad:?}");
            assert!(
                out.contains("Acme\\u001b]52;c;aGVsbG8=\\u0007\tTab\\u009b2J"),
                "{out}"
            );
        }
    }
}
