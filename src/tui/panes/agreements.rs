//! Pane 3: agreements. Open ones first with overdue at the top, then kept,
//! broken, cancelled; who owes it and by when.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Block, Borders, Cell, Row, Table};

use crate::domain::AgreementStatus;
use crate::tui::app::App;
use crate::tui::view::{Theme, window_start};

pub fn draw(app: &App, theme: Theme, f: &mut Frame, area: Rect) {
    let n = app.agreement_rows.len();
    let (open, overdue) = app.agreement_tally;
    let block = Block::default().borders(Borders::ALL).title(format!(
        " Agreements · {open} open, {overdue} overdue · {} shown ",
        n
    ));
    let inner_rows = usize::from(area.height.saturating_sub(3)).max(1);
    let start = window_start(app.agreement_selected, inner_rows);
    // Below 110 columns the dates made and closed give way to the text.
    let wide = area.width >= 110;
    let mut titles = vec!["Status", "Due", "Owed by", "Client", "Agreement"];
    if wide {
        titles.extend(["Made", "Closed"]);
    }
    let header = Row::new(titles).style(theme.title());
    let rows: Vec<Row> = app
        .agreement_rows
        .iter()
        .enumerate()
        .skip(start)
        .take(inner_rows)
        .filter_map(|(pos, i)| app.agreements.get(*i).map(|a| (pos, a)))
        .map(|(pos, a)| {
            let overdue = a.is_overdue(app.today);
            let (status, style) = match a.status {
                AgreementStatus::Open if overdue => ("OVERDUE".to_string(), theme.warn()),
                AgreementStatus::Open => ("open".to_string(), theme.due()),
                AgreementStatus::Kept => ("kept".to_string(), theme.good()),
                AgreementStatus::Broken => ("broken".to_string(), theme.warn()),
                AgreementStatus::Cancelled => ("cancelled".to_string(), theme.dim()),
            };
            let mut cells = vec![
                Cell::from(status).style(style),
                Cell::from(a.due.map(|d| d.to_string()).unwrap_or_else(|| "-".into())),
                Cell::from(a.owner.as_str()),
                Cell::from(app.name(a.client_id).to_string()),
                Cell::from(a.text.clone()),
            ];
            if wide {
                cells.push(Cell::from(a.made_on.to_string()));
                cells.push(Cell::from(
                    a.closed_on.map(|d| d.to_string()).unwrap_or_default(),
                ));
            }
            let row = Row::new(cells);
            if pos == app.agreement_selected {
                row.style(theme.selected())
            } else {
                row
            }
        })
        .collect();
    let mut widths = vec![
        Constraint::Length(9),
        Constraint::Length(10),
        Constraint::Length(7),
        Constraint::Max(if wide { 24 } else { 16 }),
        Constraint::Fill(1),
    ];
    if wide {
        widths.extend([Constraint::Length(10), Constraint::Length(10)]);
    }
    f.render_widget(Table::new(rows, widths).header(header).block(block), area);
}
