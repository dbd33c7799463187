//! Pane 1: the tier board. Three columns (gold, potential, toxic); each
//! client shows revenue for 12 months, share, days since the last touchpoint
//! (marked when due, warning colour when past cadence) and agreement trouble.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::domain::signals::{ClientStats, NeglectState};
use crate::tui::app::{App, TIERS};
use crate::tui::view::{Theme, compact, put_lines, window_start};

pub fn draw(app: &App, theme: Theme, f: &mut Frame, area: Rect) {
    let columns = Layout::horizontal([Constraint::Ratio(1, 3); 3]).split(area);
    let Some(view) = &app.portfolio else {
        f.render_widget(Paragraph::new("loading…"), area);
        return;
    };
    for (col, tier) in TIERS.iter().enumerate() {
        let rows = &app.board[col];
        let focused = col == app.column;
        let revenue = app.board_revenue[col];
        let title = Line::from(vec![Span::styled(
            format!(
                " {} · {} · {} ",
                tier.as_str().to_uppercase(),
                rows.len(),
                compact(revenue)
            ),
            theme.tier(*tier),
        )]);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(title)
            .title_bottom(if focused {
                format!(" sort: {} ", app.sort.label())
            } else {
                String::new()
            })
            .border_style(if focused { theme.title() } else { theme.dim() });
        let inner = block.inner(columns[col]);
        f.render_widget(block, columns[col]);
        // Two lines per client; build only the visible ones.
        let visible = usize::from(inner.height / 2).max(1);
        let selected = app.board_selected[col];
        let start = window_start(selected, visible);
        let mut lines = Vec::with_capacity(visible * 2);
        for (pos, i) in rows.iter().enumerate().skip(start).take(visible) {
            let c = &view.clients[*i];
            let is_sel = focused && pos == selected && app.card.is_none();
            lines.extend(client_lines(c, theme, is_sel, inner.width));
        }
        if rows.is_empty() {
            lines.push(Line::from(Span::styled(
                match (app.filter().is_empty(), focused) {
                    (false, _) => "no match",
                    (true, true) => "no clients: a adds one",
                    (true, false) => "no clients",
                },
                theme.dim(),
            )));
        }
        put_lines(f.buffer_mut(), inner, &lines);
    }
}

/// A client's two lines, borrowing its name: only the short figures are
/// formatted (the board draws up to ~50 clients a frame).
fn client_lines<'a>(c: &'a ClientStats, theme: Theme, selected: bool, width: u16) -> [Line<'a>; 2] {
    let base = if selected {
        theme.selected()
    } else {
        Style::new()
    };
    let bold = base.add_modifier(ratatui::style::Modifier::BOLD);
    let room = usize::from(width).saturating_sub(1);
    let name: std::borrow::Cow<'a, str> = if c.client.name.width() <= room {
        c.client.name.as_str().into()
    } else {
        crate::format::truncate(&c.client.name, room).into()
    };
    let status = match c.client.status {
        crate::domain::Status::Active => "",
        crate::domain::Status::Paused => " (paused)",
        crate::domain::Status::Churned => " (churned)",
    };
    let first = Line::from(vec![Span::styled(name, bold), Span::styled(status, bold)]);
    let mark = match c.neglect.state {
        NeglectState::Overdue => "!",
        NeglectState::Due => "~",
        _ => "",
    };
    let touch = match c.neglect.days_since {
        None => format!("never{mark}"),
        Some(d) => format!("{d}d{mark}"),
    };
    let touch_style = match c.neglect.state {
        NeglectState::Overdue => theme.warn(),
        NeglectState::Due => theme.due(),
        _ => Style::new(),
    };
    // Whole percent, rounded down.
    let share = match c.share_bp {
        Some(bp) => format!(" {}%", bp / 100),
        None => " -".to_string(),
    };
    let mut spans = vec![
        Span::raw("  "),
        Span::raw(compact(c.revenue_12m)),
        Span::styled(share, theme.dim()),
        Span::raw(" · "),
        Span::styled(touch, touch_style),
    ];
    // Agreement trouble: words when there is room, else "3 late" / "2 br".
    let roomy = width >= 36;
    if c.agreements.overdue > 0 {
        let label = if roomy { "overdue" } else { "late" };
        spans.push(Span::styled(
            format!(" · {} {label}", c.agreements.overdue),
            theme.warn(),
        ));
    }
    if c.agreements.broken > 0 {
        let label = if roomy { "broken" } else { "br" };
        spans.push(Span::styled(
            format!(" · {} {label}", c.agreements.broken),
            theme.due(),
        ));
    }
    let second = Line::from(spans).style(base);
    [first, second]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Status;

    fn text(line: &Line<'_>) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_row_names_the_client_cut_to_width_with_its_status() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut store = crate::store::Store::open_in_memory().unwrap();
        crate::ops::demo::load(&mut store, today).unwrap();
        let view = crate::ops::views::portfolio(&mut store, today).unwrap();
        let theme = Theme { color: true };
        let with = |status: Status| {
            view.clients
                .iter()
                .find(|c| c.client.status == status)
                .unwrap()
        };
        let paused = with(Status::Paused);
        let [first, second] = client_lines(paused, theme, false, 60);
        assert_eq!(text(&first), format!("{} (paused)", paused.client.name));
        assert!(text(&second).starts_with("  "), "{}", text(&second));
        // Too narrow for the name: cut with an ellipsis, borrowed otherwise.
        let [cut, _] = client_lines(paused, theme, false, 6);
        assert!(text(&cut).starts_with(&crate::format::truncate(&paused.client.name, 5)));
        assert!(text(&cut).contains('…'), "{}", text(&cut));
        let active = with(Status::Active);
        let [first, _] = client_lines(active, theme, false, 60);
        assert_eq!(text(&first), active.client.name);
        assert!(matches!(
            first.spans[0].content,
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
