//! Pane 2: the touchpoint log, newest first, for all clients or one. Only
//! the visible window of rows is loaded and drawn.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Cell, Row, Table};

use crate::tui::app::App;
use crate::tui::view::Theme;

pub fn draw(app: &App, theme: Theme, f: &mut Frame, area: Rect) {
    let t = &app.touch;
    let scope = t
        .scope
        .map(|id| format!(" · only {}", app.name(id)))
        .unwrap_or_default();
    // Still searching (a short window filling, or the count) is not "none".
    let searching = t.fill.is_some() || t.count_pending();
    let position = match (t.total, t.count_pending()) {
        _ if t.rows.is_empty() && t.fill.is_some() => "searching…".to_string(),
        (0, _) if searching => "searching…".to_string(),
        (0, _) => "0".to_string(),
        (n, true) => format!("{} of {n}+ (counting…)", t.selected + 1),
        (n, false) => format!("{} of {n}", t.selected + 1),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" Touchpoints{scope} · {position} "));
    let header = Row::new([
        "Date",
        "Client",
        "Kind",
        "Min",
        "Summary",
        "Next step",
        "Due",
    ])
    .style(theme.title());
    let rows: Vec<Row> = t
        .rows
        .iter()
        .enumerate()
        .map(|(i, tp)| {
            let due_style = match tp.next_due {
                Some(d) if d < app.today => theme.warn(),
                Some(d) if d <= app.today + chrono::Days::new(1) => theme.due(),
                _ => theme.dim(),
            };
            let row = Row::new(vec![
                Cell::from(tp.at.to_string()),
                Cell::from(app.name(tp.client_id).to_string()),
                Cell::from(tp.kind.as_str()),
                Cell::from(tp.minutes.to_string()),
                Cell::from(tp.summary.clone()),
                Cell::from(tp.next_step.clone().unwrap_or_default()),
                Cell::from(Span::styled(
                    tp.next_due.map(|d| d.to_string()).unwrap_or_default(),
                    due_style,
                )),
            ]);
            if t.offset + i == t.selected && app.card.is_none() {
                row.style(theme.selected())
            } else {
                row
            }
        })
        .collect();
    let widths = [
        Constraint::Length(10),
        Constraint::Max(if area.width >= 110 { 24 } else { 16 }),
        Constraint::Length(7),
        Constraint::Length(4),
        Constraint::Fill(3),
        Constraint::Fill(2),
        Constraint::Length(10),
    ];
    let table = Table::new(rows, widths).header(header).block(block);
    f.render_widget(table, area);
    if t.total == 0 && !searching {
        let msg = if app.filter().is_empty() {
            "  no touchpoints yet: press a to log one"
        } else {
            "  no touchpoint matches the filter"
        };
        let inner = Rect {
            y: area.y + 2,
            height: 1,
            ..area
        };
        f.render_widget(
            ratatui::widgets::Paragraph::new(msg).style(theme.dim()),
            inner.intersection(area),
        );
    }
}
