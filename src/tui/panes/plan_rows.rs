//! The Plan pane's drill-down (as hledger-ui's): the invoices or payments
//! behind one of the month's figures, listed over the pane; `e` edits one,
//! `x` deletes one after a y/n, `Esc` goes back to the figures. The rows
//! come from the same read, and the same rule, as the figure
//! (`MonthView::behind`), so they add up to it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};
use unicode_width::UnicodeWidthStr;

use super::{delete, edit, marked, moved, reselect};
use crate::domain::plan::{Behind, Figure};
use crate::domain::{Id, Money, text};
use crate::format::truncate;
use crate::format::{self, Locale, MoneyForm, text as msg, text_with as msg_with};
use crate::ops::undo::Kind;
use crate::ops::views::MonthView;
use crate::tui::action::{Action, Effect};
use crate::tui::app::Shared;
use crate::tui::forms::{InvoiceForm, PaymentForm};
use crate::tui::view::{Theme, window_start};

/// A figure's word in `loc`, as the Plan pane's column headers say it.
pub(crate) fn figure_label(loc: Locale, figure: Figure) -> String {
    let id = match figure {
        Figure::Expected => "plan-col-expected",
        Figure::Received => "plan-col-received",
        Figure::Outstanding => "plan-col-outstanding",
        Figure::Overdue => "plan-col-overdue",
    };
    msg(loc, id)
}

/// The rows behind `figure`, and the one selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rows {
    pub figure: Figure,
    pub selected: usize,
    /// The rows measured when the month is read, not on every frame (a
    /// large portfolio has thousands behind a figure).
    measured: Measured,
}

/// What the drawing needs of all the rows: their total, the widest amount
/// and the widest client name (display widths, escaped as drawn).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Measured {
    total: Money,
    money_w: usize,
    name_w: usize,
}

impl Measured {
    fn of(view: &MonthView, figure: Figure) -> Measured {
        let rows = view.behind(figure);
        // Widths are the same in every locale (digits, separators and sign
        // one column each).
        let full = |m: Money| format::money(Locale::En, m).width();
        Measured {
            total: rows.iter().map(Behind::part).sum(),
            money_w: rows
                .iter()
                .map(|b| full(amount_of(b)).max(full(b.part())))
                .max()
                .unwrap_or(0),
            name_w: rows
                .iter()
                .map(|b| text::escape(view.name(b.client_id())).width())
                .max()
                .unwrap_or(0),
        }
    }
}

impl Rows {
    pub fn new(figure: Figure, view: &MonthView) -> Rows {
        Rows {
            figure,
            selected: 0,
            measured: Measured::of(view, figure),
        }
    }

    /// The record selected in `view`.
    pub fn record<'a>(&self, view: &'a MonthView) -> Option<Behind<'a>> {
        view.behind(self.figure).get(self.selected).copied()
    }

    /// The month read again (`old`: what was shown): the selection stays on
    /// its record, or goes to its neighbour when the record left the list
    /// (deleted, paid, moved to another month). Another month starts at
    /// its first row.
    pub fn reloaded(&mut self, old: Option<&MonthView>, new: &MonthView) {
        let month = |v: &MonthView| v.plan.figures.month;
        let same_month = old.map(month) == Some(month(new));
        let keep = old
            .filter(|_| same_month)
            .and_then(|v| self.record(v))
            .map(|b| b.id());
        let at = if same_month { self.selected } else { 0 };
        let ids = new.behind(self.figure);
        self.selected = reselect(keep, at, ids.iter().map(Behind::id));
        self.measured = Measured::of(new, self.figure);
    }

    /// Movement, `e` and `x` on the rows; `None`: not the rows' action.
    pub fn update(
        &mut self,
        action: Action,
        view: Option<&MonthView>,
        shared: &mut Shared,
    ) -> Option<Vec<Effect>> {
        let len = view.map_or(0, |v| v.behind(self.figure).len());
        if let Some(to) = moved(action, self.selected, len, shared.list_height) {
            self.selected = to;
            return Some(Vec::new());
        }
        let record = view.and_then(|v| Some((v, self.record(v)?)));
        match action {
            Action::Edit => {
                let form = record.map(|(v, b)| {
                    let client = v.name(b.client_id()).to_string();
                    match b {
                        Behind::Invoice(s, _) => {
                            InvoiceForm::open(shared, Some(&s.invoice), client)
                        }
                        Behind::Payment(p) => PaymentForm::open(shared, Some(p), client),
                    }
                });
                edit(shared, form);
            }
            Action::Delete => {
                let question = record.map(|(v, b)| delete_question(shared.locale, v, b));
                delete(shared, question);
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    pub fn draw(&self, loc: Locale, view: &MonthView, theme: Theme, f: &mut Frame, area: Rect) {
        let rows = view.behind(self.figure);
        let (what, none) = if self.figure.is_payments() {
            ("rows-payments", "rows-no-payments")
        } else {
            ("rows-invoices", "rows-no-invoices")
        };
        let what = msg_with(loc, what, &[("n", format::Arg::count(rows.len()))]);
        let label = figure_label(loc, self.figure);
        let month = format::month(loc, view.plan.figures.month);
        let title = [
            ("figure", label.as_str().into()),
            ("month", month.as_str().into()),
            ("what", what.as_str().into()),
        ];
        let bottom = if rows.is_empty() {
            msg(loc, "rows-back")
        } else {
            let (at, count) = ((self.selected + 1).to_string(), rows.len().to_string());
            let total = format::money(loc, self.measured.total);
            let bottom = [
                ("at", at.as_str().into()),
                ("total", count.as_str().into()),
                ("amount", total.as_str().into()),
            ];
            msg_with(loc, "rows-bottom", &bottom)
        };
        let block = Block::bordered()
            .title(format!(" {} ", msg_with(loc, "rows-title", &title)))
            .title_bottom(format!(" {bottom} "));
        let inner = block.inner(area);
        f.render_widget(block, area);
        let [figures, list] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
        f.render_widget(
            Paragraph::new(figures_line(loc, view, self.figure, theme, figures.width)),
            figures,
        );
        if rows.is_empty() {
            let none = Span::styled(msg(loc, none), theme.dim());
            f.render_widget(Paragraph::new(none), list);
            return;
        }
        let visible = usize::from(list.height.saturating_sub(1)).max(1);
        let start = window_start(self.selected, visible);
        let width = usize::from(list.width);
        // Amounts in full; the client (and a payment's note) take the rest.
        let money_w = self.measured.money_w.max(7);
        // The client column as wide as the longest name needs, no wider.
        let longest = self.measured.name_w.max(msg(loc, "log-client").width());
        // Each column's title and width; the late flag's column has no title.
        let money = Constraint::Length(money_w as u16);
        let (columns, client_w, note_w) = if self.figure.is_payments() {
            let fixed = 10 + money_w + 3;
            let rest = width.saturating_sub(fixed);
            let client_w = longest.min(rest / 2).max(8);
            let columns = vec![
                ("log-client", Constraint::Length(client_w as u16)),
                ("log-date", Constraint::Length(10)),
                ("rows-amount", money),
                ("rows-note", Constraint::Fill(1)),
            ];
            (columns, client_w, rest.saturating_sub(client_w))
        } else {
            let fixed = 10 + 2 * money_w + 11 + 4;
            let client_w = longest.min(width.saturating_sub(fixed)).max(8);
            let columns = vec![
                ("log-client", Constraint::Length(client_w as u16)),
                ("log-due", Constraint::Length(10)),
                ("rows-amount", money),
                ("rows-balance", money),
                ("", Constraint::Length(11)),
            ];
            (columns, client_w, 0)
        };
        let heading = |id: &str| {
            if id.is_empty() {
                String::new()
            } else {
                msg(loc, id)
            }
        };
        let header: Vec<String> = columns.iter().map(|(id, _)| heading(id)).collect();
        let widths: Vec<Constraint> = columns.iter().map(|(_, width)| *width).collect();
        let right = |m: Money| format!("{:>money_w$}", format::money(loc, m));
        let table_rows: Vec<Row> = rows
            .iter()
            .enumerate()
            .skip(start)
            .take(visible)
            .map(|(i, b)| {
                let client =
                    Cell::from(truncate(&text::escape(view.name(b.client_id())), client_w));
                let cells = match b {
                    Behind::Invoice(s, _) => {
                        let late = (view.today - s.invoice.due).num_days();
                        let (flag, style) = if s.balance.is_zero() {
                            (msg(loc, "rows-paid"), theme.dim())
                        } else if late > 0 {
                            (
                                msg_with(loc, "rows-late", &[("days", late.into())]),
                                theme.warn(),
                            )
                        } else {
                            (String::new(), theme.dim())
                        };
                        vec![
                            client,
                            Cell::from(format::date(loc, s.invoice.due)),
                            Cell::from(right(s.invoice.amount)),
                            Cell::from(right(s.balance)),
                            Cell::from(truncate(&flag, 11)).style(style),
                        ]
                    }
                    Behind::Payment(p) => vec![
                        client,
                        Cell::from(format::date(loc, p.on)),
                        Cell::from(right(p.amount)),
                        Cell::from(truncate(&text::escape(&p.note), note_w)),
                    ],
                };
                marked(Row::new(cells), i == self.selected, theme)
            })
            .collect();
        f.render_widget(
            Table::new(table_rows, widths).header(Row::new(header).style(theme.title())),
            list,
        );
    }
}

/// The question before the invoice or payment `b` is deleted.
fn delete_question(loc: Locale, view: &MonthView, b: Behind) -> (String, Kind, Id) {
    let amount = format::money(loc, amount_of(&b));
    let client = text::escape(view.name(b.client_id()));
    match b {
        Behind::Invoice(s, _) => {
            let i = &s.invoice;
            let (month, due) = (format::month(loc, i.month), format::date(loc, i.due));
            let args = [
                ("amount", amount.as_str().into()),
                ("client", client.as_ref().into()),
                ("month", month.as_str().into()),
                ("due", due.as_str().into()),
            ];
            let question = msg_with(loc, "rows-delete-invoice", &args);
            (question, Kind::Invoice, i.id)
        }
        Behind::Payment(p) => {
            let on = format::date(loc, p.on);
            let args = [
                ("amount", amount.as_str().into()),
                ("client", client.as_ref().into()),
                ("date", on.as_str().into()),
            ];
            let question = msg_with(loc, "rows-delete-payment", &args);
            (question, Kind::Payment, p.id)
        }
    }
}

/// The amount a row shows first: the invoice's or the payment's.
fn amount_of(b: &Behind) -> Money {
    match b {
        Behind::Invoice(s, _) => s.invoice.amount,
        Behind::Payment(p) => p.amount,
    }
}

/// The month's four figures on one line, the one drilled into marked;
/// compact amounts when the full ones do not fit, and only the one drilled
/// into when even those do not.
fn figures_line(
    loc: Locale,
    view: &MonthView,
    drilled: Figure,
    theme: Theme,
    width: u16,
) -> Line<'static> {
    let parts = |form: MoneyForm| -> Vec<(Figure, String)> {
        Figure::ALL
            .iter()
            .map(|&fig| {
                let amount = form.show(loc, fig.of(&view.plan.figures));
                (fig, format!("{} {amount}", figure_label(loc, fig)))
            })
            .collect()
    };
    let fits = |p: &[(Figure, String)]| {
        p.iter().map(|(_, s)| s.width() + 3).sum::<usize>() <= usize::from(width)
    };
    let full = parts(MoneyForm::Full);
    let short = parts(MoneyForm::Compact);
    let parts = if fits(&full) {
        full
    } else if fits(&short) {
        short
    } else {
        full.into_iter()
            .filter(|(fig, _)| *fig == drilled)
            .collect()
    };
    let mut spans = Vec::new();
    for (i, (fig, s)) in parts.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        let style = if fig == drilled {
            theme.selected()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(s, style));
    }
    Line::from(spans)
}
