//! Pane 1: the tier board. Three columns (gold, potential, toxic); each
//! client shows revenue for 12 months, share, days since the last touchpoint
//! (marked when due, warning colour when past cadence) and agreement trouble.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::domain::money::format_bp;
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

fn client_lines(c: &ClientStats, theme: Theme, selected: bool, width: u16) -> [Line<'static>; 2] {
    let base = if selected {
        theme.selected()
    } else {
        Style::new()
    };
    let name = crate::cli::table::truncate(&c.client.name, usize::from(width).saturating_sub(1));
    let status = match c.client.status {
        crate::domain::Status::Active => String::new(),
        s => format!(" ({s})"),
    };
    let first = Line::from(vec![Span::styled(
        format!("{name}{status}"),
        base.add_modifier(ratatui::style::Modifier::BOLD),
    )]);
    let touch = match c.neglect.days_since {
        None => "never".to_string(),
        Some(d) => format!("{d}d"),
    };
    let (touch, touch_style) = match c.neglect.state {
        NeglectState::Overdue => (format!("{touch}!"), theme.warn()),
        NeglectState::Due => (format!("{touch}~"), theme.due()),
        _ => (touch, Style::new()),
    };
    let mut spans = vec![
        Span::raw("  "),
        Span::raw(compact(c.revenue_12m)),
        Span::styled(
            format!(
                " {}",
                c.share_bp
                    .map(|b| format!("{}%", format_bp(b - b % 100).trim_end_matches(".00")))
                    .unwrap_or("-".into())
            ),
            theme.dim(),
        ),
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
