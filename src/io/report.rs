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
use crate::domain::{Money, Month};
use crate::format::briefing::{
    Doc, concentration, due, forecast_basis, lost, talking_point, time_eater, upcoming_kind,
};
use crate::format::{self, Locale, Noun};

/// The language of the Markdown and text briefings (the JSON has none).
const LOC: Locale = Locale::En;

/// A Markdown table whose raw text also lines up (cells padded by display
/// width, so Cyrillic and emoji do not break the columns). `right` marks the
/// numeric columns.
fn md_table(headers: &[&str], right: &[bool], rows: &[Vec<String>]) -> String {
    let esc = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| esc(c)).collect())
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width().max(3)).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(c.width());
            }
        }
    }
    let pad = |s: &str, w: usize, right: bool| {
        let fill = " ".repeat(w.saturating_sub(s.width()));
        if right {
            format!("{fill}{s}")
        } else {
            format!("{s}{fill}")
        }
    };
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    let mut out = line(
        headers
            .iter()
            .enumerate()
            .map(|(i, h)| pad(h, widths[i], right.get(i).copied().unwrap_or(false)))
            .collect(),
    );
    out.push_str(&line(
        widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if right.get(i).copied().unwrap_or(false) {
                    format!("{}:", "-".repeat(w - 1))
                } else {
                    "-".repeat(*w)
                }
            })
            .collect(),
    ));
    for r in &rows {
        out.push_str(&line(
            (0..headers.len())
                .map(|i| {
                    pad(
                        r.get(i).map(String::as_str).unwrap_or(""),
                        widths[i],
                        right.get(i).copied().unwrap_or(false),
                    )
                })
                .collect(),
        ));
    }
    out
}

/// The briefing as Markdown. Control characters in the data come out as
/// `\u001b` (`domain::text::escape_lines`), to a terminal or a file alike:
/// a file is `cat`-ed later.
pub fn markdown(b: &Briefing) -> String {
    let mut o = String::new();
    o.push_str(&format!(
        "# One-on-one briefing: {}\n\n",
        format::month(LOC, b.month)
    ));
    o.push_str(&format!(
        "As of {} · amounts in {}\n\n",
        format::date(LOC, b.today),
        b.currency
    ));

    o.push_str("## 1. Plan\n\n");
    let c = &b.plan.current;
    o.push_str(&md_table(
        &["", &format::month(LOC, c.month)],
        &[false, true],
        &[
            vec!["Target".into(), format::money_or_dash(LOC, c.target)],
            vec!["Received".into(), format::money(LOC, c.received)],
            vec!["Expected".into(), format::money(LOC, c.expected)],
            vec!["Outstanding".into(), format::money(LOC, c.outstanding)],
            vec!["Overdue".into(), format::money(LOC, c.overdue)],
            vec![
                "Attainment".into(),
                format::percent_or_dash(LOC, c.attainment_bp),
            ],
            vec![
                "Forecast to month end".into(),
                format::money(LOC, c.forecast),
            ],
        ],
    ));
    o.push_str(&format!(
        "\n{} left. Forecast: {}.\n\n",
        format::count(LOC, b.plan.days_left, Noun::Day),
        forecast_basis(LOC)
    ));
    o.push_str("### The previous 11 months\n\n");
    let rows: Vec<Vec<String>> = b
        .plan
        .previous
        .iter()
        .map(|m| {
            vec![
                format::month(LOC, m.month),
                format::money_or_dash(LOC, m.target),
                format::money(LOC, m.received),
                format::money(LOC, m.outstanding),
                format::money(LOC, m.overdue),
                format::percent_or_dash(LOC, m.attainment_bp),
            ]
        })
        .collect();
    o.push_str(&md_table(
        &[
            "Month",
            "Target",
            "Received",
            "Outstanding",
            "Overdue",
            "Attainment",
        ],
        &[false, true, true, true, true, true],
        &rows,
    ));

    o.push_str("\n## 2. At risk\n\n");
    if b.at_risk.is_empty() {
        o.push_str("No client shows a risk signal.\n");
    }
    for r in &b.at_risk {
        let reasons: Vec<String> = r.reasons.iter().map(|x| format::reason(LOC, x)).collect();
        o.push_str(&format!(
            "- **{}** ({}): {}\n",
            r.client.replace('*', "\\*"),
            r.tier,
            reasons.join("; ")
        ));
    }

    o.push_str("\n## 3. Tier moves this month\n\n");
    if b.tier_moves.is_empty() {
        o.push_str("No tier changes this month.\n");
    } else {
        let rows: Vec<Vec<String>> = b
            .tier_moves
            .iter()
            .map(|m| {
                vec![
                    format::date(LOC, m.on),
                    m.client.clone(),
                    m.from.to_string(),
                    m.to.to_string(),
                    m.reason.clone(),
                ]
            })
            .collect();
        o.push_str(&md_table(
            &["Date", "Client", "From", "To", "Reason"],
            &[false; 5],
            &rows,
        ));
    }

    o.push_str("\n## 4. Portfolio health\n\n");
    let h = &b.health;
    let cn = &h.concentration;
    o.push_str(&format!(
        "- {}\n",
        concentration(LOC, Doc::Markdown, cn, &b.currency)
    ));
    if !h.time_eaters.is_empty() {
        o.push_str("\nTime-eaters (lowest revenue per hour of logged time):\n\n");
        let rows: Vec<Vec<String>> = h
            .time_eaters
            .iter()
            .map(|e| {
                vec![
                    e.client.clone(),
                    format::money(LOC, e.revenue_per_hour),
                    format::money(LOC, e.revenue_12m),
                    format::number(LOC, e.minutes_12m),
                ]
            })
            .collect();
        o.push_str(&md_table(
            &["Client", "Revenue per hour", "Revenue 12m", "Minutes 12m"],
            &[false, true, true, true],
            &rows,
        ));
    }
    o.push_str("\nAttention against return, by tier:\n\n");
    let rows: Vec<Vec<String>> = h
        .tiers
        .iter()
        .map(|t| {
            vec![
                t.tier.to_string(),
                t.clients.to_string(),
                format::money(LOC, t.revenue_12m),
                format::percent_or_dash(LOC, t.revenue_share_bp),
                format::percent_or_dash(LOC, t.minutes_share_bp),
            ]
        })
        .collect();
    o.push_str(&md_table(
        &[
            "Tier",
            "Clients",
            "Revenue 12m",
            "Share of revenue",
            "Share of your minutes",
        ],
        &[false, true, true, true, true],
        &rows,
    ));
    if h.churned_12m.is_empty() {
        o.push_str("\nNo clients lost in the last 12 months.\n");
    } else {
        o.push_str("\nClients lost in the last 12 months:\n\n");
        for c in &h.churned_12m {
            let line = lost(LOC, Doc::Markdown, &c.client, c.on, &c.reason);
            o.push_str(&format!("- {line}\n"));
        }
    }

    o.push_str("\n## 5. Next 14 days\n\n");
    if b.next_14_days.is_empty() {
        o.push_str("Nothing due in the next 14 days.\n");
    } else {
        let rows: Vec<Vec<String>> = b
            .next_14_days
            .iter()
            .map(|u| {
                vec![
                    format::date(LOC, u.date),
                    upcoming_kind(LOC, u.kind()).to_string(),
                    u.client.clone(),
                    due(LOC, &u.due),
                    u.amount.map(|m| format::money(LOC, m)).unwrap_or_default(),
                ]
            })
            .collect();
        o.push_str(&md_table(
            &["Date", "What", "Client", "Detail", "Amount"],
            &[false, false, false, false, true],
            &rows,
        ));
    }

    o.push_str("\n## 6. Talking points\n\n");
    for (i, t) in b.talking_points.iter().enumerate() {
        let t = talking_point(LOC, &b.currency, t);
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

fn month_text(m: &MonthLine) -> String {
    format!(
        "  {}  {:>16}  {:>16}  {:>9}  {}\n",
        format::month(LOC, m.month),
        format::money_or_dash(LOC, m.target),
        format::money(LOC, m.received),
        format::percent_or_dash(LOC, m.attainment_bp),
        bar(m.attainment_bp)
    )
}

/// The briefing as plain text, its control characters shown as in
/// [`markdown`].
pub fn text(b: &Briefing) -> String {
    let mut o = String::new();
    o.push_str(&format!(
        "ONE-ON-ONE BRIEFING {} · as of {} · {}\n\n",
        format::month(LOC, b.month),
        format::date(LOC, b.today),
        b.currency
    ));
    let c = &b.plan.current;
    o.push_str("1. PLAN\n");
    o.push_str(&format!(
        "  Target       {:>16}\n",
        format::money_or_dash(LOC, c.target)
    ));
    o.push_str(&format!(
        "  Received     {:>16}  {}\n",
        format::money(LOC, c.received),
        format::percent_or_dash(LOC, c.attainment_bp)
    ));
    o.push_str(&format!(
        "  Outstanding  {:>16}\n",
        format::money(LOC, c.outstanding)
    ));
    o.push_str(&format!(
        "  Overdue      {:>16}\n",
        format::money(LOC, c.overdue)
    ));
    o.push_str(&format!(
        "  Forecast     {:>16}  ({}; {} left)\n\n",
        format::money(LOC, c.forecast),
        forecast_basis(LOC),
        format::count(LOC, b.plan.days_left, Noun::Day)
    ));
    o.push_str("  Month               Target          Received   Attained\n");
    for m in b.plan.previous.iter().chain(std::iter::once(c)) {
        o.push_str(&month_text(m));
    }
    o.push_str("\n2. AT RISK\n");
    if b.at_risk.is_empty() {
        o.push_str("  No client shows a risk signal.\n");
    }
    for r in &b.at_risk {
        o.push_str(&format!("  {} ({})\n", r.client, r.tier));
        for x in &r.reasons {
            o.push_str(&format!("    - {}\n", format::reason(LOC, x)));
        }
    }
    o.push_str("\n3. TIER MOVES THIS MONTH\n");
    if b.tier_moves.is_empty() {
        o.push_str("  None.\n");
    }
    for m in &b.tier_moves {
        o.push_str(&format!(
            "  {}  {}: {} -> {}  ({})\n",
            format::date(LOC, m.on),
            m.client,
            m.from,
            m.to,
            m.reason
        ));
    }
    o.push_str("\n4. PORTFOLIO HEALTH\n");
    let cn = &b.health.concentration;
    o.push_str(&format!(
        "  {}\n",
        concentration(LOC, Doc::Text, cn, &b.currency)
    ));
    for e in &b.health.time_eaters {
        let line = time_eater(LOC, &e.client, e.revenue_per_hour, e.minutes_12m);
        o.push_str(&format!("  {line}\n"));
    }
    for t in &b.health.tiers {
        o.push_str(&format!(
            "  {:<9} {:>11}  revenue {:>9}  minutes {:>9}\n",
            t.tier.as_str(),
            format::count(LOC, t.clients, Noun::Client),
            format::percent_or_dash(LOC, t.revenue_share_bp),
            format::percent_or_dash(LOC, t.minutes_share_bp)
        ));
    }
    for ch in &b.health.churned_12m {
        let line = lost(LOC, Doc::Text, &ch.client, ch.on, &ch.reason);
        o.push_str(&format!("  {line}\n"));
    }
    o.push_str("\n5. NEXT 14 DAYS\n");
    if b.next_14_days.is_empty() {
        o.push_str("  Nothing due.\n");
    }
    for u in &b.next_14_days {
        o.push_str(&format!(
            "  {}  {:<11} {}: {}{}\n",
            format::date(LOC, u.date),
            upcoming_kind(LOC, u.kind()),
            u.client,
            due(LOC, &u.due),
            u.amount
                .map(|m| format!(" ({})", format::money(LOC, m)))
                .unwrap_or_default()
        ));
    }
    o.push_str("\n6. TALKING POINTS\n");
    for (i, t) in b.talking_points.iter().enumerate() {
        let t = talking_point(LOC, &b.currency, t);
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
    forecast_basis: &'static str,
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
        for out in [markdown(&b), text(&b)] {
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
