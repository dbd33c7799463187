//! Pane 4: the monthly payment plan. The month's figures, target vs received
//! for the last 12 months, and the month per client.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

use super::plan_rows::Rows;
use super::{
    Component, Request, attainment_style, delete, edit, extremes, late_style, marked, moved,
    note_table_rows, reselect, step_month,
};
use crate::domain::plan::Figure;
use crate::domain::signals::ClientStats;
use crate::domain::{Id, Money, Month};
use crate::format::{self, MoneyForm, Noun, text, text_with};
use crate::ops::OpResult;
use crate::ops::views::{self, MonthView};
use crate::store::Store;
use crate::tui::action::{Action, Effect};
use crate::tui::app::Shared;
use crate::tui::forms::{ClientEditForm, Form, InvoiceForm, PaymentForm, TargetForm};
use crate::tui::keys::{self, Binding};
use crate::tui::view::{Theme, cell_text, fit_line, window_start};
use unicode_width::UnicodeWidthStr;

/// The month shown is `Shared::month` (the review's too). The cursor moves
/// through one list: the month's figures (`Figure::ALL`), then the clients.
#[derive(Debug, Clone, Default)]
pub struct PlanPane {
    pub view: Option<MonthView>,
    /// The client row selected.
    pub selected: usize,
    /// The cursor is on figure `Figure::ALL[i]`, above the clients (`None`:
    /// on client row `selected`).
    pub figure: Option<usize>,
    /// The invoices or payments behind a figure, listed (Enter on it).
    pub rows: Option<Rows>,
    /// A client to select once the month is read again (a payment or an
    /// expected payment just saved for it).
    pub follow: Option<Id>,
    /// The clients' table measured once a month is read (not on every
    /// frame: a large portfolio has thousands of rows).
    pub measured: Measured,
}

/// What the clients' table needs of all its rows: the widest name (display
/// width) and the smallest and largest amount, which decide whether every
/// amount shows in full or compact.
#[derive(Debug, Clone, Copy, Default)]
pub struct Measured {
    pub name_width: usize,
    pub range: (Money, Money),
}

impl Measured {
    fn of(view: &MonthView) -> Measured {
        let clients = &view.plan.clients;
        let name_width = clients
            .iter()
            .map(|c| view.name(c.client_id).width())
            .max()
            .unwrap_or(0);
        let amounts = clients
            .iter()
            .flat_map(|c| [c.expected, c.received, c.outstanding, c.overdue, c.forecast]);
        Measured {
            name_width,
            range: extremes(amounts),
        }
    }
}

/// The figures the cursor moves through above the clients.
const FIGURES: usize = Figure::ALL.len();

/// What the pane reads: the month's figures, per client, and the records
/// behind them.
pub fn read(store: &mut Store, month: Month, today: NaiveDate) -> OpResult<MonthView> {
    views::month_detail(store, month, today)
}

impl PlanPane {
    /// Install the month read; another month starts at its first row.
    pub fn loaded(&mut self, view: MonthView) {
        if let Some(rows) = &mut self.rows {
            rows.reloaded(self.view.as_ref(), &view);
        }
        let month = |v: &MonthView| v.plan.figures.month;
        if self.view.as_ref().map(month) != Some(month(&view)) {
            self.selected = 0;
        } else {
            // The same month read again: the selection stays on its client.
            let keep = self.client_row();
            let ids = view.plan.clients.iter().map(|c| c.client_id);
            self.selected = reselect(keep, self.selected, ids);
        }
        if let Some(id) = self.follow.take()
            && let Some(row) = view.plan.clients.iter().position(|c| c.client_id == id)
        {
            self.selected = row;
        }
        self.selected = self.selected.min(view.plan.clients.len().saturating_sub(1));
        self.measured = Measured::of(&view);
        self.view = Some(view);
    }

    /// The client row selected (not when the cursor is on a figure, or
    /// the rows behind one are listed).
    fn client(&self) -> Option<Id> {
        if self.figure.is_some() || self.rows.is_some() {
            return None;
        }
        self.client_row()
    }

    /// The client of row `selected`, wherever the cursor is.
    fn client_row(&self) -> Option<Id> {
        let view = self.view.as_ref()?;
        Some(view.plan.clients.get(self.selected)?.client_id)
    }

    /// The figure the cursor is on.
    pub fn focused_figure(&self) -> Option<Figure> {
        Figure::ALL.get(self.figure?).copied()
    }

    /// Movement through the figures, then the clients.
    fn move_cursor(&mut self, action: Action, page: usize) -> bool {
        let len = FIGURES + self.view.as_ref().map_or(0, |v| v.plan.clients.len());
        let at = self.figure.unwrap_or(FIGURES + self.selected);
        // A click names a client row; the figures come before the clients.
        let action = match action {
            Action::SelectRow(row) => Action::SelectRow(FIGURES + row),
            other => other,
        };
        let Some(to) = moved(action, at, len, page) else {
            return false;
        };
        if to < FIGURES {
            self.figure = Some(to);
        } else {
            self.figure = None;
            self.selected = to - FIGURES;
        }
        true
    }
}

impl Component for PlanPane {
    fn open(&mut self, shared: &mut Shared) -> Vec<Effect> {
        vec![Effect::Pane(Request::Plan(shared.month))]
    }

    fn update(&mut self, action: Action, shared: &mut Shared) -> Vec<Effect> {
        if let Some(rows) = &mut self.rows
            && let Some(effects) = rows.update(action, self.view.as_ref(), shared)
        {
            return effects;
        }
        if self.rows.is_none() && self.move_cursor(action, shared.list_height) {
            return Vec::new();
        }
        match action {
            Action::MonthPrev | Action::MonthNext => {
                self.selected = 0;
                if let Some(rows) = &mut self.rows {
                    rows.selected = 0;
                }
                return step_month(action, shared, Request::Plan);
            }
            Action::SetTarget => {
                let current = self.view.as_ref().and_then(|p| p.plan.figures.target);
                shared.open_form(TargetForm::open(shared, current));
            }
            Action::AddInvoice => {
                let form = InvoiceForm::open(shared, None, self.selected_name(shared));
                shared.open_form(form);
            }
            Action::Edit | Action::Delete if self.figure.is_some() => {
                shared.warn(text(shared.locale, "plan-figure-edit"))
            }
            Action::Edit => {
                let form = self
                    .client()
                    .and_then(|id| ClientEditForm::open(shared, id));
                edit(shared, form);
            }
            // A client is deleted on the board.
            Action::Delete => delete(shared, None),
            _ => {}
        }
        Vec::new()
    }

    /// A client row's client, or the client of the record selected in
    /// the rows behind a figure; none on a figure.
    fn selected_client(&self, _shared: &Shared) -> Option<Id> {
        match (&self.rows, &self.view) {
            (Some(rows), Some(view)) => rows.record(view).map(|b| b.client_id()),
            (Some(_), None) => None,
            (None, _) => self.client(),
        }
    }

    /// Enter on a figure lists the records behind it.
    fn enter(&mut self, _shared: &mut Shared) -> Option<Vec<Effect>> {
        if self.rows.is_some() {
            return None;
        }
        let figure = self.focused_figure()?;
        self.rows = Some(Rows::new(figure, self.view.as_ref()?));
        Some(Vec::new())
    }

    /// Esc on the rows goes back to the figures (the cursor on the one
    /// drilled into).
    fn back(&mut self, _shared: &mut Shared) -> Option<Vec<Effect>> {
        let rows = self.rows.take()?;
        self.figure = Figure::ALL.iter().position(|f| *f == rows.figure);
        Some(Vec::new())
    }

    fn focus_keys(&self) -> &'static [Binding] {
        if self.rows.is_some() {
            keys::PLAN_ROWS
        } else if self.figure.is_some() {
            keys::PLAN_FIGURE
        } else {
            keys::PLAN_CLIENT
        }
    }

    /// A payment received from the selected client.
    fn add(&self, shared: &Shared) -> Option<Form> {
        Some(PaymentForm::open(shared, None, self.selected_name(shared)))
    }

    fn draw(&self, shared: &Shared, theme: Theme, f: &mut Frame, area: Rect) {
        let Some(view) = &self.view else {
            f.render_widget(Paragraph::new(text(shared.locale, "tui-loading")), area);
            return;
        };
        if let Some(rows) = &self.rows {
            rows.draw(shared.locale, view, theme, f, area);
            return;
        }
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
        let loc = shared.locale;
        let money = |m: Money| format!("{:>16}", format::money(loc, m));
        let owed = |m: Money| Span::styled(money(m), late_style(theme, m));
        let no_target = format!("{:>16}", text(loc, "plan-no-target"));
        let target = Span::raw(p.target.map_or(no_target, money));
        let att = format!("  {}", format::percent_or_dash(loc, p.attainment_bp));
        let att = Some(Span::styled(att, theme.title()));
        let all_months = format!("  {}", text(loc, "plan-all-months"));
        let all_months = Some(Span::styled(all_months, theme.dim()));
        // Each figure's label, its amount and what follows.
        let shown = [
            ("plan-target", target, None),
            ("plan-received", Span::raw(money(p.received)), att),
            ("plan-expected", Span::raw(money(p.expected)), None),
            ("plan-outstanding", Span::raw(money(p.outstanding)), None),
            ("plan-overdue", owed(p.overdue), None),
            ("plan-forecast", Span::raw(money(p.forecast)), None),
            ("plan-all-overdue", owed(receivables), all_months),
        ];
        let shown = shown.map(|(id, amount, after)| (text(loc, id), amount, after));
        // The labels padded to the longest one in `loc` and a space.
        let label_w = shown.iter().map(|(l, ..)| l.width()).max().unwrap_or(0) + 1;
        let mut lines = Vec::new();
        for (label, amount, after) in shown {
            let mut spans = vec![Span::raw(format!("{label:<label_w$}")), amount];
            spans.extend(after);
            lines.push(Line::from(spans));
        }
        let note = text(loc, "plan-forecast-note");
        lines.push(Line::from(Span::styled(note, theme.dim())));
        // The figure the cursor is on (Enter lists its rows); the figures
        // are shown from the second line, in `Figure::ALL`'s order.
        if let Some(line) = self.figure.and_then(|i| lines.get_mut(1 + i)) {
            *line = std::mem::take(line).style(theme.selected());
        }
        let month = format::month(loc, p.month);
        let left = format::count(loc, view.days_left, Noun::Day);
        let currency = format::currency_sign(loc, &view.currency);
        let title = [
            ("month", month.as_str().into()),
            ("currency", currency.into()),
            ("left", left.as_str().into()),
        ];
        let title = format!(" {} ", text_with(loc, "plan-title", &title));
        let lines: Vec<Line> = lines
            .into_iter()
            .map(|l| fit_line(l, figures.width.saturating_sub(2)))
            .collect();
        f.render_widget(
            Paragraph::new(lines).block(Block::bordered().title(title)),
            figures,
        );
        draw_history(shared, theme, f, chart);

        let block = Block::bordered().title(format!(
            " {} ",
            text_with(loc, "plan-clients-in", &[("month", month.as_str().into())])
        ));
        let visible = usize::from(bottom.height.saturating_sub(3)).max(1);
        let start = window_start(self.selected, visible);
        // Narrow terminals get whole units and no forecast column, so the
        // client's name keeps room.
        let wide = bottom.width >= 110;
        let w: u16 = if wide { 14 } else { 11 };
        let measured = self.measured;
        let form = MoneyForm::fitting(loc, [measured.range.0, measured.range.1], usize::from(w));
        let amount = |m: Money| form.show(loc, m);
        let mut titles = vec![
            "log-client",
            "plan-col-expected",
            "plan-col-received",
            "plan-col-outstanding",
            "plan-col-overdue",
        ];
        if wide {
            titles.push("plan-col-forecast");
        }
        // Very wide: each client's revenue over 12 months and its share too.
        let stats = very_wide(shared, bottom.width);
        if !stats.is_empty() {
            titles.extend(["plan-col-revenue", "plan-col-share"]);
        }
        let titles: Vec<String> = titles.into_iter().map(|id| text(loc, id)).collect();
        let figures = titles.len() as u16 - 1;
        let name_w = client_width(
            measured.name_width.max(titles[0].width()),
            bottom.width,
            (w + 1) * figures,
        );
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
                    Cell::from(cell_text(view.name(c.client_id), name_w)),
                    Cell::from(right(c.expected)),
                    Cell::from(right(c.received)),
                    Cell::from(right(c.outstanding)),
                    Cell::from(right(c.overdue)).style(late_style(theme, c.overdue)),
                ];
                if wide {
                    cells.push(Cell::from(right(c.forecast)));
                }
                if let Some(s) = stats.get(&c.client_id) {
                    let share = format::percent_or_dash(shared.locale, s.share_bp);
                    cells.push(Cell::from(right(s.revenue_12m)));
                    cells.push(Cell::from(format!("{share:>w$}", w = usize::from(w))));
                } else if !stats.is_empty() {
                    cells.extend([Cell::from(""), Cell::from("")]);
                }
                let selected = self.figure.is_none() && i == self.selected;
                marked(Row::new(cells), selected, theme)
            })
            .collect();
        let mut widths = vec![Constraint::Length(name_w as u16)];
        widths.extend(std::iter::repeat_n(
            Constraint::Length(w),
            usize::from(figures),
        ));
        note_table_rows(shared, block.inner(bottom), start, rows.len());
        f.render_widget(Table::new(rows, widths).header(header).block(block), bottom);
    }
}

/// On a terminal this wide (the table's), each client's 12-month figures
/// from the portfolio, by id; empty when narrower.
fn very_wide(shared: &Shared, width: u16) -> std::collections::HashMap<Id, &ClientStats> {
    match &shared.portfolio {
        Some(p) if width >= 160 => p.clients.iter().map(|c| (c.client.id, c)).collect(),
        _ => std::collections::HashMap::new(),
    }
}

/// The client column: as wide as the longest name (display width), at
/// most `CLIENT_MAX` and what the figures (`figures` wide) leave.
fn client_width(longest: usize, width: u16, figures: u16) -> usize {
    let room = usize::from(width.saturating_sub(2 + figures));
    longest.max("Client".len()).min(CLIENT_MAX).min(room).max(1)
}

/// The widest the client column gets (longer names end in `…`).
const CLIENT_MAX: usize = 40;

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
    let n = if months.is_empty() {
        usize::from(HISTORY_ROWS)
    } else {
        months.len()
    };
    let n = n.to_string();
    let title = text_with(shared.locale, "plan-history", &[("n", n.as_str().into())]);
    let block = Block::bordered().title(format!(" {title} "));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let max = months
        .iter()
        .map(|m| m.received.max(m.target.unwrap_or_default()))
        .max()
        .unwrap_or_default()
        .minor()
        .max(1);
    // "Nov 2026 " + bar + " 11.6M 100.00%" (in Russian "ноя 2026 ", "100,00 %").
    let loc = shared.locale;
    let pct = |m: &&crate::ops::views::MonthTotals| format::percent_or_dash(loc, m.attainment_bp);
    let pct_w = months
        .iter()
        .map(|m| pct(m).width())
        .max()
        .unwrap_or(0)
        .max(7);
    let bar_w = usize::from(inner.width).saturating_sub(9 + 9 + pct_w);
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
            let style = attainment_style(theme, m.attainment_bp);
            let month = format!("{} ", format::month_compact(loc, m.month));
            let month_style = if m.month == shared.month {
                theme.selected()
            } else {
                theme.dim()
            };
            Line::from(vec![
                Span::styled(month, month_style),
                Span::styled(bar.into_iter().collect::<String>(), style),
                Span::raw(format!(
                    " {:>6} {:>pct_w$}",
                    format::money_compact(loc, m.received),
                    pct(m)
                )),
            ])
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}
