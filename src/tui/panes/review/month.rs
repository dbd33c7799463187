//! The review's month: the plan's figures and gauge, and the 12 months'
//! attainment as bars with a 100 % line, each month's value and name.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Gauge, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::draw::titled;
use crate::domain::Money;
use crate::domain::briefing::{Briefing, MonthLine};
use crate::format::{self, Noun, text as msg, text_with, truncate};
use crate::tui::panes::{attainment_style, late_style};
use crate::tui::view::Theme;
use crate::tui::view::wrap;

pub(super) fn draw_plan(
    loc: crate::format::Locale,
    b: &Briefing,
    theme: Theme,
    f: &mut Frame,
    area: Rect,
) {
    let c = &b.plan.current;
    // The currency where it fits.
    let month = format::month(loc, b.month);
    let left = format::count(loc, b.plan.days_left, Noun::Day);
    let short = [
        ("month", month.as_str().into()),
        ("left", left.as_str().into()),
    ];
    let short = format!(" {} ", text_with(loc, "review-month-left", &short));
    let long = format!("{short}· {} ", format::currency_sign(loc, &b.currency));
    let title = if long.width() + 2 <= usize::from(area.width) {
        long
    } else {
        short
    };
    let block = Block::bordered().title(titled(&title, area.width));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let [gauge, lines] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let ratio = c
        .attainment_bp
        .map(|bp| (bp.clamp(0, 10_000) as f64) / 10_000.0)
        .unwrap_or(0.0);
    let label = match c.attainment_bp {
        Some(bp) => {
            let percent = format::percent(loc, bp);
            let target = c
                .target
                .map(|t| format::money_compact(loc, t))
                .unwrap_or_default();
            let args = [
                ("percent", percent.as_str().into()),
                ("target", target.as_str().into()),
            ];
            text_with(loc, "review-attainment", &args)
        }
        None => msg(loc, "tui-no-target"),
    };
    let label = truncate(&label, usize::from(gauge.width));
    f.render_widget(
        Gauge::default().ratio(ratio).label(label).gauge_style(
            if c.attainment_bp.is_some_and(|bp| bp >= 10_000) {
                theme.good()
            } else {
                theme.due()
            },
        ),
        gauge,
    );
    // Label, then the amount at the right edge.
    let width = usize::from(inner.width);
    let figure = |label: &str, m: Money, style: Style| -> Line<'static> {
        let amount = format::money(loc, m);
        let room = width.saturating_sub(label.width() + 1);
        Line::from(vec![
            Span::raw(label.to_string()),
            Span::styled(format!(" {:>room$}", truncate(&amount, room)), style),
        ])
    };
    let overdue = late_style(theme, c.overdue);
    let mut text = vec![
        figure(&msg(loc, "review-received"), c.received, Style::new()),
        figure(&msg(loc, "review-expected"), c.expected, Style::new()),
        figure(&msg(loc, "review-outstanding"), c.outstanding, Style::new()),
        figure(&msg(loc, "review-overdue"), c.overdue, overdue),
        figure(&msg(loc, "review-forecast"), c.forecast, Style::new()),
    ];
    // What the forecast is, where there is room for it.
    let note = msg(loc, "review-forecast-note");
    let spare = usize::from(lines.height).saturating_sub(text.len() + 1);
    let note_lines = wrap(&note, width, width);
    if note_lines.len() <= spare {
        text.push(Line::raw(""));
        text.extend(note_lines.into_iter().map(|l| Line::styled(l, theme.dim())));
    }
    f.render_widget(Paragraph::new(text), lines);
}

/// The chart's cells for one month's bar in `rows` rows: eighths of a row
/// from the bottom, 100 % in the middle of row `line` (from the bottom).
/// A month above zero gets an eighth at least; zero and no target none.
pub(super) fn bar_eighths(bp: Option<i64>, rows: usize, line: usize) -> usize {
    let Some(bp) = bp.filter(|bp| *bp > 0) else {
        return 0;
    };
    let hundred = (2 * line + 1) * 4;
    let e = i128::from(bp) * hundred as i128 / 10_000;
    usize::try_from(e).unwrap_or(usize::MAX).clamp(1, rows * 8)
}

/// The row (from the bottom) the 100 % line is in, for bars `rows` high:
/// about two thirds up, so months over plan show how far over.
pub(super) fn hundred_row(rows: usize) -> usize {
    (rows.saturating_sub(1) * 2 + 1) / 3
}

const EIGHTHS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/// A month's attainment as a whole percent, the sign left to the title;
/// under one percent `<1`, as shares on the board.
fn percent(loc: crate::format::Locale, m: &MonthLine) -> String {
    format::share_compact(loc, m.attainment_bp)
        .trim_end_matches('%')
        .trim_end()
        .to_string()
}

pub(super) fn draw_chart(
    loc: crate::format::Locale,
    b: &Briefing,
    theme: Theme,
    f: &mut Frame,
    area: Rect,
) {
    let block = Block::bordered().title(titled(
        &format!(" {} ", msg(loc, "review-chart")),
        area.width,
    ));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let months: Vec<&MonthLine> = b
        .plan
        .previous
        .iter()
        .chain(std::iter::once(&b.plan.current))
        .collect();
    let n = months.len().max(1);
    let col = usize::from(inner.width) / n;
    if col < 2 || inner.height < 3 {
        return;
    }
    let bar_w = col - 1;
    // The values' row when a value fits under its bar, then the months'.
    let values = bar_w >= 3;
    let rows = usize::from(inner.height) - 1 - usize::from(values);
    let line = hundred_row(rows);
    let pad = " ".repeat((usize::from(inner.width) - col * n) / 2);
    let style = |m: &MonthLine| attainment_style(theme, m.attainment_bp);
    let mut out: Vec<Line> = Vec::new();
    for level in (0..rows).rev() {
        let mut spans = vec![Span::raw(pad.clone())];
        for m in &months {
            let e = bar_eighths(m.attainment_bp, rows, line);
            let fill = e.saturating_sub(level * 8).min(8);
            let (cell, gap) = if fill > 0 {
                (
                    EIGHTHS[fill].repeat(bar_w),
                    if level == line { "─" } else { " " },
                )
            } else if level == line {
                ("─".repeat(bar_w), "─")
            } else {
                (" ".repeat(bar_w), " ")
            };
            let cell_style = if fill > 0 { style(m) } else { theme.dim() };
            spans.push(Span::styled(cell, cell_style));
            spans.push(Span::styled(gap, theme.dim()));
        }
        out.push(Line::from(spans));
    }
    if values {
        let mut spans = vec![Span::raw(pad.clone())];
        for m in &months {
            let value = truncate(&percent(loc, m), bar_w);
            spans.push(Span::styled(format!("{value:>bar_w$} "), style(m)));
        }
        out.push(Line::from(spans));
    }
    let mut spans = vec![Span::raw(pad)];
    for m in &months {
        let name = if bar_w >= 3 {
            format::month_short(loc, m.month).to_string()
        } else {
            format!("{:02}", m.month.month())
        };
        let label = format!("{:>bar_w$} ", truncate(&name, bar_w));
        let current = m.month == b.month;
        spans.push(Span::styled(
            label,
            if current { theme.title() } else { theme.dim() },
        ));
    }
    out.push(Line::from(spans));
    f.render_widget(Paragraph::new(out), inner);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tiny_month_has_a_bar_and_zero_has_none() {
        let (rows, line) = (4, hundred_row(4));
        assert_eq!(
            bar_eighths(Some(1), rows, line),
            1,
            "a hair above zero shows"
        );
        assert_eq!(bar_eighths(Some(0), rows, line), 0);
        assert_eq!(bar_eighths(None, rows, line), 0);
        // 100 % is in the middle of its row; over the top is the top.
        assert_eq!(bar_eighths(Some(10_000), rows, line), line * 8 + 4);
        assert_eq!(bar_eighths(Some(90_000), rows, line), rows * 8);
        assert!(line > 0 && line < rows);
    }
}
