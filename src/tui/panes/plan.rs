//! Pane 4: the monthly payment plan. The month's figures, target vs received
//! for the last 12 months, and the month per client.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

use super::{Component, Request, moved, reselect};
use crate::domain::money::format_bp;
use crate::domain::{Id, Money, Month};
use crate::ops::OpResult;
use crate::ops::views::{self, MonthView};
use crate::store::Store;
use crate::tui::action::{Action, Effect};
use crate::tui::app::Shared;
use crate::tui::forms::{ClientEditForm, Form, InvoiceForm, PaymentForm, TargetForm};
use crate::tui::view::{Theme, compact, window_start};

pub const TITLE: &str = "Plan";

/// The month shown is `Shared::month` (the review's too).
#[derive(Debug, Clone, Default)]
pub struct PlanPane {
    pub view: Option<MonthView>,
    /// The client row selected.
    pub selected: usize,
}

/// What the pane reads: the month's figures, per client.
pub fn read(store: &mut Store, month: Month, today: NaiveDate) -> OpResult<MonthView> {
    views::month_view(store, month, today)
}

impl PlanPane {
    /// Install the month read; another month starts at its first row.
    pub fn loaded(&mut self, view: MonthView) -> Vec<Effect> {
        let month = |v: &MonthView| v.plan.figures.month;
        if self.view.as_ref().map(month) != Some(month(&view)) {
            self.selected = 0;
        } else {
            // The same month read again: the selection stays on its client.
            let keep = self.client();
            let ids = view.plan.clients.iter().map(|c| c.client_id);
            self.selected = reselect(keep, self.selected, ids);
        }
        self.selected = self.selected.min(view.plan.clients.len().saturating_sub(1));
        self.view = Some(view);
        Vec::new()
    }

    fn client(&self) -> Option<Id> {
        let view = self.view.as_ref()?;
        Some(view.plan.clients.get(self.selected)?.client_id)
    }
}

impl Component for PlanPane {
    fn open(&mut self, shared: &mut Shared) -> Vec<Effect> {
        vec![Effect::Pane(Request::Plan(shared.month))]
    }

    fn reloaded(&mut self, shared: &mut Shared, open: bool) -> Vec<Effect> {
        if open { self.open(shared) } else { Vec::new() }
    }

    fn update(&mut self, action: Action, shared: &mut Shared) -> Vec<Effect> {
        let len = self.view.as_ref().map_or(0, |v| v.plan.clients.len());
        if let Some(to) = moved(action, self.selected, len, shared.list_height) {
            self.selected = to;
            return Vec::new();
        }
        let client = || self.client().map(|id| shared.name(id).to_string());
        match action {
            Action::MonthPrev | Action::MonthNext => {
                let by = if action == Action::MonthPrev { -1 } else { 1 };
                shared.month = shared.month.plus_months(by);
                self.selected = 0;
                let month = shared.month;
                return vec![
                    Effect::LoadHistory(month),
                    Effect::Pane(Request::Plan(month)),
                ];
            }
            Action::SetTarget => {
                let current = self
                    .view
                    .as_ref()
                    .and_then(|p| p.plan.figures.target)
                    .map(|t| t.to_plain())
                    .unwrap_or_default();
                shared.open_form(TargetForm::open(shared, current));
            }
            Action::AddInvoice => {
                let form = InvoiceForm::open(shared, client().unwrap_or_default());
                shared.open_form(form);
            }
            Action::Edit => match self
                .client()
                .and_then(|id| ClientEditForm::open(shared, id))
            {
                Some(form) => shared.open_form(form),
                None => shared.warn("nothing to edit here"),
            },
            Action::Delete => shared.warn("nothing to delete here"),
            _ => {}
        }
        Vec::new()
    }

    fn draw(&self, shared: &Shared, theme: Theme, f: &mut Frame, area: Rect) {
        draw(self, shared, theme, f, area);
    }

    fn selected_client(&self, _shared: &Shared) -> Option<Id> {
        self.client()
    }

    /// A payment received from the selected client.
    fn add(&self, shared: &Shared) -> Option<Form> {
        let client = self.client().map(|id| shared.name(id).to_string());
        Some(PaymentForm::open(shared, client.unwrap_or_default()))
    }
}

fn draw(pane: &PlanPane, shared: &Shared, theme: Theme, f: &mut Frame, area: Rect) {
    let Some(view) = &pane.view else {
        f.render_widget(Paragraph::new("loading…"), area);
        return;
    };
    // The chart's 12 months (and borders) when the clients keep a few
    // rows; on a short terminal at least the figures' 10.
    let top_h = area
        .height
        .saturating_sub(CLIENT_ROWS_MIN)
        .clamp(10, HISTORY_ROWS + 2);
    let [top, bottom] =
        Layout::vertical([Constraint::Length(top_h), Constraint::Min(3)]).areas(area);
    let [figures, chart] =
        Layout::horizontal([Constraint::Length(44), Constraint::Min(10)]).areas(top);
    let p = &view.plan.figures;
    let receivables = shared
        .portfolio
        .as_ref()
        .map(|v| v.overdue_receivables)
        .unwrap_or_default();
    let money = |m: Money| format!("{:>16}", m.to_human());
    let att = p
        .attainment_bp
        .map(|b| format!("{} %", format_bp(b)))
        .unwrap_or_else(|| "-".into());
    let lines = vec![
        Line::from(vec![
            Span::raw("Target      "),
            Span::raw(
                p.target
                    .map(money)
                    .unwrap_or_else(|| format!("{:>16}", "- (p to set)")),
            ),
        ]),
        Line::from(vec![
            Span::raw("Received    "),
            Span::raw(money(p.received)),
            Span::styled(format!("  {att}"), theme.title()),
        ]),
        Line::from(vec![
            Span::raw("Expected    "),
            Span::raw(money(p.expected)),
        ]),
        Line::from(vec![
            Span::raw("Outstanding "),
            Span::raw(money(p.outstanding)),
        ]),
        Line::from(vec![
            Span::raw("Overdue     "),
            Span::styled(
                money(p.overdue),
                if p.overdue.is_zero() {
                    theme.dim()
                } else {
                    theme.warn()
                },
            ),
        ]),
        Line::from(vec![
            Span::raw("Forecast    "),
            Span::raw(money(p.forecast)),
        ]),
        Line::from(vec![
            Span::raw("All overdue "),
            Span::styled(
                money(receivables),
                if receivables.is_zero() {
                    theme.dim()
                } else {
                    theme.warn()
                },
            ),
            Span::styled("  all months", theme.dim()),
        ]),
        Line::from(Span::styled(
            "forecast: received + balances not yet overdue",
            theme.dim(),
        )),
    ];
    let title = format!(
        " {} · {} · {} day(s) left  [ ] month ",
        p.month, view.currency, view.days_left
    );
    f.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(title)),
        figures,
    );
    draw_history(shared, theme, f, chart);

    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" Clients in {} ", p.month));
    let visible = usize::from(bottom.height.saturating_sub(3)).max(1);
    let start = window_start(pane.selected, visible);
    // Narrow terminals get whole units and no forecast column, so the
    // client's name keeps room.
    let wide = bottom.width >= 110;
    let amount = |m: Money| {
        if wide {
            m.to_human()
        } else {
            m.to_human_short()
        }
    };
    let w: u16 = if wide { 14 } else { 11 };
    let mut titles = vec!["Client", "Expected", "Received", "Outstanding", "Overdue"];
    if wide {
        titles.push("Forecast");
    }
    let header = Row::new(titles).style(theme.title());
    let rows: Vec<Row> = view
        .plan
        .clients
        .iter()
        .enumerate()
        .skip(start)
        .take(visible)
        .map(|(i, c)| {
            let right = |m: Money| format!("{:>w$}", amount(m), w = usize::from(w));
            let mut cells = vec![
                Cell::from(view.name(c.client_id).to_string()),
                Cell::from(right(c.expected)),
                Cell::from(right(c.received)),
                Cell::from(right(c.outstanding)),
                Cell::from(right(c.overdue)).style(if c.overdue.is_zero() {
                    theme.dim()
                } else {
                    theme.warn()
                }),
            ];
            if wide {
                cells.push(Cell::from(right(c.forecast)));
            }
            let row = Row::new(cells);
            if i == pane.selected {
                row.style(theme.selected())
            } else {
                row
            }
        })
        .collect();
    let mut widths = vec![Constraint::Fill(1)];
    widths.extend(std::iter::repeat_n(
        Constraint::Length(w),
        if wide { 5 } else { 4 },
    ));
    // The rows under the column headers, for the mouse.
    let inner = block.inner(bottom);
    let body = Rect {
        y: inner.y.saturating_add(1),
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let shown = view.plan.clients.len().saturating_sub(start).min(visible);
    crate::tui::mouse::note_rows(shared, body, start, shown, 1, Action::SelectRow);
    f.render_widget(Table::new(rows, widths).header(header).block(block), bottom);
}

/// The months the chart shows when there is room (the history read).
const HISTORY_ROWS: u16 = crate::tui::effects::HISTORY_MONTHS as u16;

/// Rows the client table keeps below the chart (borders, header and a few
/// clients) before the chart gives up months.
const CLIENT_ROWS_MIN: u16 = 8;

/// Target vs received per month as horizontal bars scaled to the largest figure.
fn draw_history(shared: &Shared, theme: Theme, f: &mut Frame, area: Rect) {
    let rows = usize::from(area.height.saturating_sub(2));
    let months: Vec<_> = shared.history.iter().rev().take(rows).rev().collect();
    // The title says how many months are shown (fewer on a short screen).
    let block = Block::default().borders(Borders::ALL).title(format!(
        " {} months: received █ vs target │ ",
        if months.is_empty() {
            usize::from(HISTORY_ROWS)
        } else {
            months.len()
        }
    ));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let max = months
        .iter()
        .map(|m| m.received.max(m.target.unwrap_or_default()))
        .max()
        .unwrap_or_default()
        .minor()
        .max(1);
    // "2026-11 " + bar + " 123 %"
    let bar_w = usize::from(inner.width).saturating_sub(8 + 16);
    let scale = |m: Money| -> usize {
        let v = i128::from(m.minor().max(0)) * bar_w as i128 / i128::from(max);
        usize::try_from(v).unwrap_or(0).min(bar_w)
    };
    let lines: Vec<Line> = months
        .iter()
        .map(|m| {
            let filled = scale(m.received);
            let target = m.target.map(scale);
            let mut bar: Vec<char> = (0..bar_w)
                .map(|i| if i < filled { '█' } else { ' ' })
                .collect();
            if let Some(t) = target
                && bar_w > 0
            {
                let pos = t.min(bar_w - 1);
                bar[pos] = if pos < filled { '┃' } else { '│' };
            }
            let style = match m.attainment_bp {
                Some(bp) if bp >= 10_000 => theme.good(),
                Some(_) => theme.due(),
                None => theme.dim(),
            };
            let selected = m.month == shared.month;
            Line::from(vec![
                Span::styled(
                    format!("{} ", m.month),
                    if selected {
                        theme.selected()
                    } else {
                        theme.dim()
                    },
                ),
                Span::styled(bar.into_iter().collect::<String>(), style),
                Span::raw(format!(
                    " {:>6} {:>7}",
                    compact(m.received),
                    m.attainment_bp
                        .map(|b| format!("{}%", b / 100))
                        .unwrap_or_else(|| "-".into())
                )),
            ])
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}
