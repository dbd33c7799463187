//! The briefing rendered for people: Markdown (GitHub, any viewer) and plain
//! text (terminals, with trend bars). JSON is the `Briefing` itself via serde.
//! No figures are computed here: everything comes from `domain::briefing`.

use unicode_width::UnicodeWidthStr;

use crate::domain::Money;
use crate::domain::briefing::{AtRisk, Briefing, MonthLine, Reason};
use crate::domain::money::format_bp;
use crate::domain::text::escape_lines_owned;

fn pct(bp: Option<i64>) -> String {
    bp.map(|b| format!("{} %", format_bp(b)))
        .unwrap_or_else(|| "-".into())
}

fn opt(m: Option<Money>) -> String {
    m.map(|m| m.to_human()).unwrap_or_else(|| "-".into())
}

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
    o.push_str(&format!("# One-on-one briefing: {}\n\n", b.month));
    o.push_str(&format!(
        "As of {} · amounts in {}\n\n",
        b.today, b.currency
    ));

    o.push_str("## 1. Plan\n\n");
    let c = &b.plan.current;
    o.push_str(&md_table(
        &["", &c.month.to_string()],
        &[false, true],
        &[
            vec!["Target".into(), opt(c.target)],
            vec!["Received".into(), c.received.to_human()],
            vec!["Expected".into(), c.expected.to_human()],
            vec!["Outstanding".into(), c.outstanding.to_human()],
            vec!["Overdue".into(), c.overdue.to_human()],
            vec!["Attainment".into(), pct(c.attainment_bp)],
            vec!["Forecast to month end".into(), c.forecast.to_human()],
        ],
    ));
    o.push_str(&format!(
        "\n{} day(s) left. Forecast: {}.\n\n",
        b.plan.days_left, b.plan.forecast_basis
    ));
    o.push_str("### The previous 11 months\n\n");
    let rows: Vec<Vec<String>> = b
        .plan
        .previous
        .iter()
        .map(|m| {
            vec![
                m.month.to_string(),
                opt(m.target),
                m.received.to_human(),
                m.outstanding.to_human(),
                m.overdue.to_human(),
                pct(m.attainment_bp),
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
        let reasons: Vec<String> = r.reasons.iter().map(|x| x.describe()).collect();
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
                    m.on.to_string(),
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
    match (&cn.largest_client, cn.largest_share_bp) {
        (Some(name), Some(bp)) => o.push_str(&format!(
            "- Largest client: **{name}**, {} % of 12-month revenue ({} {}); {} of {} client(s) make 80 % of revenue.{}\n",
            format_bp(bp),
            cn.revenue_12m.to_human_short(),
            b.currency,
            cn.clients_for_80pct,
            cn.client_count,
            if cn.warning {
                " **Warning: over 40 % from one client.**"
            } else {
                ""
            }
        )),
        _ => o.push_str("- No revenue in the last 12 months.\n"),
    }
    if !h.time_eaters.is_empty() {
        o.push_str("\nTime-eaters (lowest revenue per hour of logged time):\n\n");
        let rows: Vec<Vec<String>> = h
            .time_eaters
            .iter()
            .map(|e| {
                vec![
                    e.client.clone(),
                    e.revenue_per_hour.to_human(),
                    e.revenue_12m.to_human(),
                    e.minutes_12m.to_string(),
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
                t.revenue_12m.to_human(),
                pct(t.revenue_share_bp),
                pct(t.minutes_share_bp),
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
            o.push_str(&format!("- {} on {}: {}\n", c.client, c.on, c.reason));
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
                    u.date.to_string(),
                    u.kind.label().to_string(),
                    u.client.clone(),
                    u.text.clone(),
                    u.amount.map(|m| m.to_human()).unwrap_or_default(),
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
        m.month,
        opt(m.target),
        m.received.to_human(),
        pct(m.attainment_bp),
        bar(m.attainment_bp)
    )
}

/// The briefing as plain text, its control characters shown as in
/// [`markdown`].
pub fn text(b: &Briefing) -> String {
    let mut o = String::new();
    o.push_str(&format!(
        "ONE-ON-ONE BRIEFING {} · as of {} · {}\n\n",
        b.month, b.today, b.currency
    ));
    let c = &b.plan.current;
    o.push_str("1. PLAN\n");
    o.push_str(&format!("  Target       {:>16}\n", opt(c.target)));
    o.push_str(&format!(
        "  Received     {:>16}  {}\n",
        c.received.to_human(),
        pct(c.attainment_bp)
    ));
    o.push_str(&format!(
        "  Outstanding  {:>16}\n",
        c.outstanding.to_human()
    ));
    o.push_str(&format!("  Overdue      {:>16}\n", c.overdue.to_human()));
    o.push_str(&format!(
        "  Forecast     {:>16}  ({}; {} day(s) left)\n\n",
        c.forecast.to_human(),
        b.plan.forecast_basis,
        b.plan.days_left
    ));
    o.push_str("  Month               Target          Received  Attained\n");
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
            o.push_str(&format!("    - {}\n", x.describe()));
        }
    }
    o.push_str("\n3. TIER MOVES THIS MONTH\n");
    if b.tier_moves.is_empty() {
        o.push_str("  None.\n");
    }
    for m in &b.tier_moves {
        o.push_str(&format!(
            "  {}  {}: {} -> {}  ({})\n",
            m.on, m.client, m.from, m.to, m.reason
        ));
    }
    o.push_str("\n4. PORTFOLIO HEALTH\n");
    let cn = &b.health.concentration;
    if let (Some(name), Some(bp)) = (&cn.largest_client, cn.largest_share_bp) {
        o.push_str(&format!(
            "  Largest client {name}: {} % of revenue; {} client(s) make 80 %{}\n",
            format_bp(bp),
            cn.clients_for_80pct,
            if cn.warning {
                "  WARNING: over 40 %"
            } else {
                ""
            }
        ));
    }
    for e in &b.health.time_eaters {
        o.push_str(&format!(
            "  Time-eater {}: {} per hour ({} min)\n",
            e.client,
            e.revenue_per_hour.to_human_short(),
            e.minutes_12m
        ));
    }
    for t in &b.health.tiers {
        o.push_str(&format!(
            "  {:<9} {:>3} client(s)  revenue {:>9}  minutes {:>9}\n",
            t.tier.as_str(),
            t.clients,
            pct(t.revenue_share_bp),
            pct(t.minutes_share_bp)
        ));
    }
    for ch in &b.health.churned_12m {
        o.push_str(&format!(
            "  Lost {} on {}: {}\n",
            ch.client, ch.on, ch.reason
        ));
    }
    o.push_str("\n5. NEXT 14 DAYS\n");
    if b.next_14_days.is_empty() {
        o.push_str("  Nothing due.\n");
    }
    for u in &b.next_14_days {
        o.push_str(&format!(
            "  {}  {:<11} {}: {}{}\n",
            u.date,
            u.kind.label(),
            u.client,
            u.text,
            u.amount
                .map(|m| format!(" ({})", m.to_human()))
                .unwrap_or_default()
        ));
    }
    o.push_str("\n6. TALKING POINTS\n");
    for (i, t) in b.talking_points.iter().enumerate() {
        o.push_str(&format!("  {}. {t}\n", i + 1));
    }
    escape_lines_owned(o)
}

/// The briefing as pretty JSON, written as it is produced (a portfolio's
/// document runs to megabytes: no copy of it is held). The same text as
/// `serde_json::to_writer_pretty`, with the at-risk list (most of it at
/// thousands of clients) serialized in two halves on two threads.
pub fn write_json(b: &Briefing, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, out);
    // The first half is never empty while the list is not.
    let (first, second) = b.at_risk.split_at(b.at_risk.len().div_ceil(2));
    std::thread::scope(|scope| {
        let tail = scope.spawn(|| -> std::io::Result<Vec<u8>> {
            let mut buf = Vec::with_capacity(512 * second.len());
            elements(&mut buf, second, false)?;
            Ok(buf)
        });
        field(&mut out, true, "month", &b.month)?;
        field(&mut out, false, "today", &b.today)?;
        field(&mut out, false, "currency", &b.currency)?;
        field(&mut out, false, "plan", &b.plan)?;
        key(&mut out, false, "at_risk")?;
        if first.is_empty() {
            out.write_all(b"[]")?;
        } else {
            out.write_all(b"[")?;
            elements(&mut out, first, true)?;
            let tail = tail
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            out.write_all(&tail)?;
            out.write_all(b"\n  ]")?;
        }
        field(&mut out, false, "tier_moves", &b.tier_moves)?;
        field(&mut out, false, "health", &b.health)?;
        field(&mut out, false, "next_14_days", &b.next_14_days)?;
        field(&mut out, false, "talking_points", &b.talking_points)?;
        out.write_all(b"\n}\n")?;
        out.flush()
    })
}

/// A key of the top-level object, opening it when `first`.
fn key<W: std::io::Write>(out: &mut W, first: bool, name: &str) -> std::io::Result<()> {
    let sep = if first { "{\n" } else { ",\n" };
    write!(out, "{sep}  \"{name}\": ")
}

/// A key of the top-level object and its value.
fn field<W: std::io::Write, T: serde::Serialize + ?Sized>(
    out: &mut W,
    first: bool,
    name: &str,
    value: &T,
) -> std::io::Result<()> {
    key(out, first, name)?;
    pretty_at(out, 1, value)
}

/// At-risk entries, one a line; the first opens the array when `opens`,
/// every other follows a comma.
fn elements<W: std::io::Write>(out: &mut W, items: &[AtRisk], opens: bool) -> std::io::Result<()> {
    for (i, item) in items.iter().enumerate() {
        entry_line(out, opens && i == 0, 2)?;
        at_risk_entry(out, item)?;
    }
    Ok(())
}

/// One at-risk entry as serde writes it two levels deep (`pretty_at(out,
/// 2, entry)`), its keys and brackets written here and only the values
/// through serde: these entries are most of a large portfolio's document
/// (9,700 at size L), and serde's generic path for the objects around the
/// values costs about twice as much. The tests compare the two for every
/// reason.
fn at_risk_entry<W: std::io::Write>(out: &mut W, r: &AtRisk) -> std::io::Result<()> {
    out.write_all(b"{")?;
    let mut f = Fields::new(out, 3);
    f.value("client", &r.client)?;
    f.value("tier", &r.tier)?;
    f.key("reasons")?;
    let out = f.out;
    out.write_all(b"[")?;
    for (i, reason) in r.reasons.iter().enumerate() {
        entry_line(out, i == 0, 4)?;
        out.write_all(b"{")?;
        reason_fields(out, reason)?;
        newline(out, b"\n", 4)?;
        out.write_all(b"}")?;
    }
    if !r.reasons.is_empty() {
        newline(out, b"\n", 3)?;
    }
    out.write_all(b"]")?;
    newline(out, b"\n", 2)?;
    out.write_all(b"}")
}

/// A reason's fields (the tag `kind` first), in declaration order as serde
/// derives them, each on its own line five levels deep.
fn reason_fields<W: std::io::Write>(out: &mut W, reason: &Reason) -> std::io::Result<()> {
    let mut f = Fields::new(out, 5);
    match reason {
        Reason::PastCadence {
            days_since,
            cadence_days,
            days_over,
        } => {
            f.kind("past_cadence")?;
            f.value("days_since", days_since)?;
            f.value("cadence_days", cadence_days)?;
            f.value("days_over", days_over)
        }
        Reason::OverdueAgreements { ours, theirs } => {
            f.kind("overdue_agreements")?;
            f.value("ours", ours)?;
            f.value("theirs", theirs)
        }
        Reason::BrokenAgreements {
            count,
            by_us,
            by_client,
        } => {
            f.kind("broken_agreements")?;
            f.value("count", count)?;
            f.value("by_us", by_us)?;
            f.value("by_client", by_client)
        }
        Reason::OverdueReceivables { amount } => {
            f.kind("overdue_receivables")?;
            f.value("amount", amount)
        }
        Reason::RevenueDown {
            last_3_months,
            previous_3_months,
        } => {
            f.kind("revenue_down")?;
            f.value("last_3_months", last_3_months)?;
            f.value("previous_3_months", previous_3_months)
        }
        Reason::SilentDecline {
            touchpoints_last_60_days,
            touchpoints_previous_60_days,
        } => {
            f.kind("silent_decline")?;
            f.value("touchpoints_last_60_days", touchpoints_last_60_days)?;
            f.value("touchpoints_previous_60_days", touchpoints_previous_60_days)
        }
        Reason::SingleThread {
            contacts,
            decision_makers,
        } => {
            f.kind("single_thread")?;
            f.value("contacts", contacts)?;
            f.value("decision_makers", decision_makers)
        }
        Reason::OnboardingGaps {
            days_since_start,
            missing,
        } => {
            f.kind("onboarding_gaps")?;
            f.value("days_since_start", days_since_start)?;
            f.value("missing", missing)
        }
    }
}

/// Writes an object's `"key": value` lines, `level` objects or arrays deep,
/// the first after the opening brace the caller wrote.
struct Fields<'w, W> {
    out: &'w mut W,
    level: usize,
    first: bool,
}

impl<'w, W: std::io::Write> Fields<'w, W> {
    fn new(out: &'w mut W, level: usize) -> Self {
        Fields {
            out,
            level,
            first: true,
        }
    }

    /// The tag (variant names need no escaping).
    fn kind(&mut self, variant: &str) -> std::io::Result<()> {
        self.key("kind")?;
        self.out.write_all(b"\"")?;
        self.out.write_all(variant.as_bytes())?;
        self.out.write_all(b"\"")
    }

    fn value<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> std::io::Result<()> {
        self.key(name)?;
        pretty_at(self.out, self.level, value)
    }

    /// The next line's `"name": `; its value is the caller's to write.
    fn key(&mut self, name: &str) -> std::io::Result<()> {
        entry_line(
            self.out,
            std::mem::replace(&mut self.first, false),
            self.level,
        )?;
        self.out.write_all(b"\"")?;
        self.out.write_all(name.as_bytes())?;
        self.out.write_all(b"\": ")
    }
}

/// A line break `level` objects or arrays deep, as serde_json's pretty form
/// writes it: `sep`, then two spaces a level.
fn newline<W: ?Sized + std::io::Write>(w: &mut W, sep: &[u8], level: usize) -> std::io::Result<()> {
    const SPACES: &[u8; 64] = &[b' '; 64];
    w.write_all(sep)?;
    let mut left = level * 2;
    while left > 0 {
        let n = left.min(SPACES.len());
        w.write_all(&SPACES[..n])?;
        left -= n;
    }
    Ok(())
}

/// The line an array's entry or an object's key starts on: after a comma
/// unless it is the first.
fn entry_line<W: ?Sized + std::io::Write>(
    w: &mut W,
    first: bool,
    level: usize,
) -> std::io::Result<()> {
    newline(w, if first { b"\n" } else { b",\n" }, level)
}

/// `value` as serde_json's pretty form would write it `level` objects or
/// arrays deep (two spaces a level).
fn pretty_at<W: std::io::Write, T: serde::Serialize + ?Sized>(
    out: &mut W,
    level: usize,
    value: &T,
) -> std::io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(
        out,
        Pretty {
            level,
            has_value: false,
        },
    );
    value.serialize(&mut ser).map_err(std::io::Error::from)
}

/// serde_json's `PrettyFormatter` (two-space indent) started at a given
/// depth, so pieces serialized apart join into the text it writes whole.
struct Pretty {
    level: usize,
    has_value: bool,
}

impl Pretty {
    fn open<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            newline(w, b"\n", self.level)?;
        }
        w.write_all(bracket)
    }

    /// Before an array's entry or an object's key.
    fn entry<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        entry_line(w, first, self.level)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.entry(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.entry(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

pub fn json(b: &Briefing) -> std::io::Result<String> {
    let mut out = Vec::new();
    write_json(b, &mut out)?;
    String::from_utf8(out).map_err(std::io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Month;
    use crate::domain::time::d;
    use crate::ops::{synth, views};
    use crate::store::Store;

    fn briefing_of(fill: impl FnOnce(&mut Store)) -> Briefing {
        let mut store = Store::open_in_memory().unwrap();
        fill(&mut store);
        let today = d(2026, 11, 23);
        views::briefing(&mut store, Month::of(today), today).unwrap()
    }

    /// The text serde_json writes for the whole briefing at once.
    fn reference(b: &Briefing) -> String {
        serde_json::to_string_pretty(b).unwrap() + "\n"
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

    #[test]
    fn json_in_pieces_is_the_text_serde_writes_whole() {
        let demo = briefing_of(|s| {
            crate::ops::demo::load(s, d(2026, 11, 23)).unwrap();
        });
        let synthetic = briefing_of(|s| {
            let size = synth::GenSize {
                clients: 60,
                touchpoints: 2_000,
                months: 14,
                seed: 3,
            };
            synth::generate(s, size, d(2026, 11, 23), &mut |_| {}).unwrap();
        });
        let empty = briefing_of(|_| {});
        assert!(synthetic.at_risk.len() > 10, "{}", synthetic.at_risk.len());
        assert!(empty.at_risk.is_empty() && empty.tier_moves.is_empty());
        for b in [&demo, &synthetic, &empty] {
            assert_eq!(json(b).unwrap(), reference(b));
        }
        // Every reason, with the values that print differently (none,
        // negative, an empty and a full list), and an entry without any.
        let mut every = synthetic.clone();
        let gaps = |missing: Vec<&'static str>| Reason::OnboardingGaps {
            days_since_start: -3,
            missing,
        };
        let reasons = vec![
            Reason::PastCadence {
                days_since: None,
                cadence_days: 7,
                days_over: -1,
            },
            Reason::PastCadence {
                days_since: Some(40),
                cadence_days: 14,
                days_over: 26,
            },
            Reason::OverdueAgreements { ours: 1, theirs: 2 },
            Reason::BrokenAgreements {
                count: 3,
                by_us: 1,
                by_client: 2,
            },
            Reason::OverdueReceivables {
                amount: Money::from_minor(-1_234_567),
            },
            Reason::RevenueDown {
                last_3_months: Money::ZERO,
                previous_3_months: Money::from_minor(99),
            },
            Reason::SilentDecline {
                touchpoints_last_60_days: 0,
                touchpoints_previous_60_days: 5,
            },
            Reason::SingleThread {
                contacts: 1,
                decision_makers: 0,
            },
            gaps(vec![]),
            gaps(vec!["goal", "contacts"]),
        ];
        let entry = |client: &str, reasons: Vec<Reason>| AtRisk {
            client: client.to_string(),
            client_id: 1,
            tier: crate::domain::Tier::Toxic,
            reasons,
        };
        every.at_risk = vec![
            entry("\"Quoted\" \\ Ёлка 🍏\t", reasons.clone()),
            entry("None", vec![]),
            entry("One", reasons[..1].to_vec()),
        ];
        for n in 0..=every.at_risk.len() {
            let mut b = every.clone();
            b.at_risk.truncate(n);
            assert_eq!(json(&b).unwrap(), reference(&b), "{n} of every reason");
        }
        // Every split of the at-risk list: none, one, two, three entries.
        for n in 0..4 {
            let mut b = synthetic.clone();
            b.at_risk.truncate(n);
            assert_eq!(json(&b).unwrap(), reference(&b), "{n} at risk");
        }
    }
}
