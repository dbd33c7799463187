//! The review's drawing: where each section goes at a size, its rows (long
//! reasons and talking points wrapped, never cut), and the scrolling window
//! on them. Nothing here decides anything: the briefing is the domain's,
//! the grouping of the next days the pane's.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap};
use unicode_width::UnicodeWidthStr;

use super::month;
use super::{Entry, ReviewPane, Row, Section};
use crate::domain::Money;
use crate::domain::briefing::{Briefing, UpcomingKind};
use crate::format::briefing::{due, talking_point, upcoming_kind};
use crate::format::{self, Locale, MoneyForm, Noun, text, text_with, truncate};

use crate::tui::view::{Theme, wrap};

/// Where the review's boxes go in `area`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Areas {
    pub plan: Rect,
    pub chart: Rect,
    pub risk: Rect,
    pub points: Rect,
    pub moves: Rect,
    pub next: Rect,
}

impl Areas {
    fn of(&self, section: Section) -> Rect {
        match section {
            Section::AtRisk => self.risk,
            Section::Points => self.points,
            Section::Moves => self.moves,
            Section::Next => self.next,
        }
    }
}

/// A terminal this wide puts the talking points in a column of their own.
const WIDE: u16 = 150;

pub(super) fn areas(pane: &ReviewPane, loc: Locale, b: &Briefing, area: Rect) -> Areas {
    // The plan and the chart: a third of the height, 8 to 14 rows.
    let top_h = (area.height / 3).clamp(8, 14);
    let [top, middle] =
        Layout::vertical([Constraint::Length(top_h), Constraint::Min(0)]).areas(area);
    // The chart keeps 4 columns a month when it can (50 wide at 80).
    let plan_w = (u32::from(area.width) * 35 / 100).clamp(28, 60) as u16;
    let [plan, chart] =
        Layout::horizontal([Constraint::Length(plan_w), Constraint::Min(0)]).areas(top);
    // A column's focused section gets two thirds of it, and all but 4
    // rows (one line for the other) on a short terminal.
    let focused = |h: u16| {
        let part = |n: u32, d: u32| (u32::from(h) * n / d) as u16;
        part(2, 3).max(h.saturating_sub(4).min(part(3, 4)))
    };
    let (risk, points, right) = if area.width >= WIDE {
        let [risk, points, right] = Layout::horizontal([
            Constraint::Percentage(40),
            Constraint::Percentage(30),
            Constraint::Percentage(30),
        ])
        .areas(middle);
        (risk, points, right)
    } else {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(middle);
        // The clients at risk are the larger but when the points are focused.
        let risk_h = match pane.focus {
            Section::Points => left.height - focused(left.height),
            _ => focused(left.height),
        };
        let [risk, points] =
            Layout::vertical([Constraint::Length(risk_h), Constraint::Min(0)]).areas(left);
        (risk, points, right)
    };
    // Tier moves: the lines they take (the tiers and the reason wrap on a
    // narrow column), a third of the column at most; counted only until
    // that third is full.
    let width = usize::from(right.width.saturating_sub(3));
    let plain = Theme { color: false };
    let mut moves_rows: u16 = 2;
    for i in 0..b.tier_moves.len() {
        if moves_rows >= right.height / 3 {
            break;
        }
        let lines = item(pane, loc, b, Section::Moves, i, width, plain).map_or(0, |l| l.len());
        moves_rows = moves_rows.saturating_add(u16::try_from(lines).unwrap_or(u16::MAX));
    }
    let moves_h = match pane.focus {
        Section::Moves => focused(right.height),
        _ => moves_rows.min(right.height / 3).max(3),
    };
    let [moves, next] =
        Layout::vertical([Constraint::Length(moves_h), Constraint::Min(0)]).areas(right);
    Areas {
        plan,
        chart,
        risk,
        points,
        moves,
        next,
    }
}

/// Rows PgDn (or PgUp, `up`) moves in the focused section: the items that
/// fit in its box from the one selected, downwards (upwards).
pub(super) fn page(pane: &ReviewPane, loc: Locale, b: &Briefing, body: Rect, up: bool) -> usize {
    let section = pane.focus;
    let inner = areas(pane, loc, b, body)
        .of(section)
        .inner(Margin::new(1, 1));
    let theme = Theme { color: false };
    let width = usize::from(inner.width.saturating_sub(1));
    let len = pane.len(section);
    let at = pane.selection(section).min(len);
    // The items from the selected one's neighbour onwards, built one by one
    // until the box is full.
    let next: Box<dyn Iterator<Item = usize>> = if up {
        Box::new((0..at).rev())
    } else {
        Box::new(at + 1..len)
    };
    let mut room = usize::from(inner.height);
    let mut n = 0;
    for i in next {
        let h = item(pane, loc, b, section, i, width, theme).map_or(0, |l| l.len());
        if h > room {
            break;
        }
        room -= h;
        n += 1;
    }
    n.max(1)
}

pub(super) fn draw(pane: &ReviewPane, loc: Locale, theme: Theme, f: &mut Frame, area: Rect) {
    let Some(b) = &pane.briefing else {
        f.render_widget(Paragraph::new(text(loc, "review-building")), area);
        return;
    };
    let a = areas(pane, loc, b, area);
    month::draw_plan(loc, b, theme, f, a.plan);
    month::draw_chart(loc, b, theme, f, a.chart);
    for section in Section::ALL {
        let rect = a.of(section);
        // A column is kept clear before the scrollbar (on the border).
        let width = usize::from(rect.width.saturating_sub(3));
        let len = pane.len(section);
        let (title, count, empty) = match section {
            Section::AtRisk => (
                "review-at-risk",
                format::count(loc, len, Noun::Client),
                "review-no-risk",
            ),
            Section::Points => ("review-points", len.to_string(), "review-no-points"),
            Section::Moves => ("review-moves", len.to_string(), "review-no-moves"),
            Section::Next => (
                "review-next",
                format::count(loc, len, Noun::Row),
                "review-nothing-due",
            ),
        };
        let list = List {
            title: format!(" {} · {count} ", text(loc, title)),
            empty: text(loc, empty),
            focused: pane.focus == section,
            selected: pane.selection(section),
            len,
        };
        list.draw(theme, f, rect, |i| {
            item(pane, loc, b, section, i, width, theme).unwrap_or_default()
        });
    }
}

/// A bordered title cut to the box, with an ellipsis.
pub(super) fn titled(title: &str, width: u16) -> String {
    truncate(title, usize::from(width.saturating_sub(2)))
}

/// A section's box: its title, and `len` items, each some lines wrapped
/// to the box, of which only those on screen are built.
struct List {
    title: String,
    empty: String,
    focused: bool,
    selected: usize,
    len: usize,
}

impl List {
    fn draw(
        self,
        theme: Theme,
        f: &mut Frame,
        area: Rect,
        item: impl Fn(usize) -> Vec<Line<'static>>,
    ) {
        let block = Block::bordered()
            .title(titled(&self.title, area.width))
            .border_style(if self.focused {
                theme.title()
            } else {
                theme.dim()
            });
        let inner = block.inner(area);
        f.render_widget(block, area);
        if self.len == 0 {
            let empty = Paragraph::new(self.empty).wrap(Wrap { trim: true });
            f.render_widget(empty.style(theme.dim()), inner);
            return;
        }
        let room = usize::from(inner.height);
        let selected = self.selected.min(self.len - 1);
        // The window: the selected item's last line at the bottom once it
        // is past the first page (its first line at the top when it is
        // taller than the box). Walk back from it until the box is full...
        let mut window: Vec<Vec<Line<'static>>> = vec![item(selected)];
        let mut first_item = selected;
        let mut height = window[0].len();
        while first_item > 0 && height < room {
            first_item -= 1;
            let lines = item(first_item);
            height += lines.len();
            window.insert(0, lines);
        }
        // ... then, from the top of the list, fill what is left below it.
        let mut last_item = selected;
        while last_item + 1 < self.len && height < room {
            last_item += 1;
            let lines = item(last_item);
            height += lines.len();
            window.push(lines);
        }
        // Lines of the window above the selected item, and its own.
        let at = selected - first_item;
        let above: usize = window[..at].iter().map(Vec::len).sum();
        let skip = (above + window[at].len()).saturating_sub(room).min(above);
        let lines = window
            .into_iter()
            .enumerate()
            .flat_map(|(i, lines)| {
                let mark = self.focused && first_item + i == selected;
                lines.into_iter().map(move |l| {
                    if mark {
                        l.patch_style(theme.selected())
                    } else {
                        l
                    }
                })
            })
            .skip(skip);
        crate::tui::panes::draw_lines(f, lines, inner);
        // Everything shown: no bar. Otherwise the bar tells the items.
        let all_shown = first_item == 0 && last_item + 1 == self.len && height <= room;
        if !all_shown {
            let mut state = ScrollbarState::new(self.len).position(selected);
            // A short box has room for the bar but not its arrows.
            let mut bar = Scrollbar::new(ScrollbarOrientation::VerticalRight);
            if room < 4 {
                bar = bar.begin_symbol(None).end_symbol(None);
            }
            f.render_stateful_widget(bar, area.inner(Margin::new(0, 1)), &mut state);
        }
    }
}

/// Item `i` of a section as lines `width` columns wide (built only for
/// the items a frame shows: a large portfolio has thousands at risk);
/// `None` past the section's end.
fn item(
    pane: &ReviewPane,
    loc: Locale,
    b: &Briefing,
    section: Section,
    i: usize,
    width: usize,
    theme: Theme,
) -> Option<Vec<Line<'static>>> {
    let width = width.max(8);
    // A text under a heading: wrapped, each line indented.
    let under = |text: &str, indent: usize, style: Style| -> Vec<Line<'static>> {
        let room = width.saturating_sub(indent);
        wrap(text, room, room)
            .into_iter()
            .map(|l| Line::styled(format!("{:indent$}{l}", ""), style))
            .collect()
    };
    match section {
        Section::AtRisk => {
            let r = b.at_risk.get(i)?;
            let tier = format!(" {} ", crate::tui::words::tier(loc, r.tier));
            let room = width.saturating_sub(tier.width() + 1);
            let mut lines = vec![Line::from(vec![
                Span::styled(tier, theme.tier(r.tier)),
                Span::styled(
                    format!(" {}", truncate(&r.client, room)),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
            ])];
            for reason in &r.reasons {
                lines.extend(under(&format::reason(loc, reason), 3, Style::new()));
            }
            Some(lines)
        }
        Section::Points => {
            let t = b.talking_points.get(i)?;
            let room = width.saturating_sub(2);
            let text = talking_point(loc, &b.currency, t);
            let mut lines = Vec::new();
            for (i, l) in wrap(&text, room, room).into_iter().enumerate() {
                let bullet = if i == 0 { "• " } else { "  " };
                lines.push(Line::raw(format!("{bullet}{l}")));
            }
            Some(lines)
        }
        Section::Moves => {
            let m = b.tier_moves.get(i)?;
            let (from, to) = (
                format!(" {} ", crate::tui::words::tier(loc, m.from)),
                format!(" {} ", crate::tui::words::tier(loc, m.to)),
            );
            let date = format::date(loc, m.on);
            let tiers = vec![
                Span::styled(from, theme.tier(m.from)),
                Span::raw("→"),
                Span::styled(to, theme.tier(m.to)),
            ];
            let tiers_width: usize = tiers.iter().map(Span::width).sum();
            let one_line = date.width() + 1 + m.client.width() + 1 + tiers_width;
            // The move on one line where it fits; else the tiers go under
            // the name, so neither is cut (Russian tier words are long).
            let mut lines = if one_line <= width {
                let mut spans = vec![Span::raw(format!("{date} {} ", m.client))];
                spans.extend(tiers);
                vec![Line::from(spans)]
            } else {
                let name = truncate(&m.client, width.saturating_sub(date.width() + 1).max(1));
                let mut under_name = vec![Span::raw("  ")];
                under_name.extend(tiers);
                vec![Line::raw(format!("{date} {name}")), Line::from(under_name)]
            };
            lines.extend(under(&m.reason, 3, theme.dim()));
            Some(lines)
        }
        Section::Next => next_lines(pane, loc, *pane.rows.get(i)?, width, theme),
    }
}

/// A row of "Next 14 days": "10.12 · payment due · Atlas Legal · 120 000",
/// a day's payments "▸ 10.12 · 22 payments due · 6 661 000", and under an
/// open day, each of its payments.
fn next_lines(
    pane: &ReviewPane,
    loc: Locale,
    row: Row,
    width: usize,
    theme: Theme,
) -> Option<Vec<Line<'static>>> {
    let entry = pane.entries.get(row.entry())?;
    // Amounts in full where the box has room, else compact (every row alike).
    let form = if width >= 56 {
        MoneyForm::Full
    } else {
        MoneyForm::Compact
    };
    let money = |m: Money| form.show(loc, m);
    let (text, mark, indent, style) = match (entry, row) {
        (Entry::One(u), _) => {
            let what = match (u.kind(), u.amount) {
                (UpcomingKind::Invoice, Some(m)) => money(m),
                _ => due(loc, &u.due),
            };
            let mut text = format!(
                "{} · {} · {}",
                format::date(loc, u.date),
                upcoming_kind(loc, u.kind()),
                u.client
            );
            if !what.is_empty() {
                text = format!("{text} · {what}");
            }
            (text, "  ", 4, Style::new())
        }
        (Entry::Payments { date, items, total }, Row::Entry(_)) => {
            let open = pane.open.contains(date);
            let count = format::Arg::count(items.len());
            let payments = text_with(loc, "review-payments-due", &[("n", count)]);
            let text = format!(
                "{} · {payments} · {}",
                format::date(loc, *date),
                money(*total)
            );
            (text, if open { "▾ " } else { "▸ " }, 4, theme.title())
        }
        (Entry::Payments { items, .. }, Row::Item(_, i)) => {
            let u = items.get(i)?;
            let amount = u.amount.map(money).unwrap_or_default();
            (format!("{} · {amount}", u.client), "    ", 6, Style::new())
        }
    };
    let first = width.saturating_sub(mark.width());
    let wrapped = wrap(&text, first, width.saturating_sub(indent));
    let mut lines = Vec::new();
    for (i, l) in wrapped.into_iter().enumerate() {
        let lead = if i == 0 {
            mark.to_string()
        } else {
            " ".repeat(indent)
        };
        lines.push(Line::styled(format!("{lead}{l}"), style));
    }
    Some(lines)
}
