//! Pane 5: reserved for the one-on-one briefing, which has its own issue.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::tui::app::App;
use crate::tui::view::Theme;

pub fn draw(_app: &App, theme: Theme, f: &mut Frame, area: Rect) {
    let text = "The one-on-one briefing will live here: plan vs actual, clients at risk and why, \
tier moves, the next 14 days and talking points.\n\nIt is not built yet. Until then: the Plan pane (4) \
has the month's figures, the Portfolio board (1) marks neglected clients, and Agreements (3) puts \
overdue ones at the top.";
    f.render_widget(
        Paragraph::new(text)
            .style(theme.dim())
            .wrap(Wrap { trim: true })
            .block(Block::default().borders(Borders::ALL).title(" Review ")),
        area,
    );
}
