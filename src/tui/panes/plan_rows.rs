//! The Plan pane's drill-down (as hledger-ui's): the invoices or payments
//! behind one of the month's figures, listed over the pane; `e` edits one,
//! `x` deletes one after a y/n, `Esc` goes back to the figures. The rows
//! come from the same read, and the same rule, as the figure
//! (`MonthView::behind`), so they add up to it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};
use unicode_width::UnicodeWidthStr;

use super::{moved, reselect};
use crate::domain::plan::{Behind, Figure};
use crate::domain::{Id, Money, text};
use crate::format::truncate;
use crate::format::{self, Locale};
use crate::ops::views::MonthView;
use crate::tui::action::{Action, Effect, Target};
use crate::tui::app::Shared;
use crate::tui::forms::{InvoiceForm, PaymentForm};
use crate::tui::view::{Theme, window_start};

/// The language the rows are shown in (issue 23 makes it the user's).
const LOC: Locale = Locale::En;

/// The rows behind `figure`, and the one selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rows {
    pub figure: Figure,
    pub selected: usize,
}

impl Rows {
    pub fn new(figure: Figure) -> Rows {
        Rows {
            figure,
            selected: 0,
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
        let ids = new
            .behind(self.figure)
            .iter()
            .map(Behind::id)
            .collect::<Vec<Id>>();
        self.selected = reselect(keep, at, ids);
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
            Action::Edit => match record {
                Some((v, Behind::Invoice(s, _))) => {
                    let client = v.name(s.invoice.client_id).to_string();
                    shared.open_form(InvoiceForm::edit(shared, &s.invoice, client));
                }
                Some((v, Behind::Payment(p))) => {
                    let client = v.name(p.client_id).to_string();
                    shared.open_form(PaymentForm::edit(shared, p, client));
                }
                None => shared.warn("nothing to edit here"),
            },
            Action::Delete => match record {
                Some((v, Behind::Invoice(s, _))) => {
                    let i = &s.invoice;
                    shared.ask(
                        format!(
                            "Delete the expected payment of {} from {} for {}, due {}? y/n",
                            format::money(LOC, i.amount),
                            text::escape(v.name(i.client_id)),
                            i.month,
                            i.due
                        ),
                        Effect::Delete(Target::Invoice(i.id)),
                    );
                }
                Some((v, Behind::Payment(p))) => shared.ask(
                    format!(
                        "Delete the payment of {} from {} on {}? y/n",
                        format::money(LOC, p.amount),
                        text::escape(v.name(p.client_id)),
                        p.on
                    ),
                    Effect::Delete(Target::Payment(p.id)),
                ),
                None => shared.warn("nothing to delete here"),
            },
            _ => return None,
        }
        Some(Vec::new())
    }

    pub fn draw(&self, view: &MonthView, theme: Theme, f: &mut Frame, area: Rect) {
        let rows = view.behind(self.figure);
        let total: Money = rows.iter().map(Behind::part).sum();
        let what = match (self.figure.is_payments(), rows.len()) {
            (true, 1) => "1 payment".to_string(),
            (true, n) => format!("{n} payments"),
            (false, 1) => "1 invoice".to_string(),
            (false, n) => format!("{n} invoices"),
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(
                " {} in {} · {what} ",
                self.figure.label(),
                view.plan.figures.month
            ))
            .title_bottom(if rows.is_empty() {
                " Esc: back ".to_string()
            } else {
                format!(
                    " {} of {} · total {} · Esc: back ",
                    self.selected + 1,
                    rows.len(),
                    format::money(LOC, total)
                )
            });
        let inner = block.inner(area);
        f.render_widget(block, area);
        let [figures, list] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
        f.render_widget(
            Paragraph::new(figures_line(view, self.figure, theme, figures.width)),
            figures,
        );
        if rows.is_empty() {
            let none = format!("no {} behind this figure", what_plural(self.figure));
            f.render_widget(Paragraph::new(Span::styled(none, theme.dim())), list);
            return;
        }
        let visible = usize::from(list.height.saturating_sub(1)).max(1);
        let start = window_start(self.selected, visible);
        let width = usize::from(list.width);
        // Amounts in full; the client (and a payment's note) take the rest.
        let money_w = rows
            .iter()
            .map(|b| {
                let full = |m: Money| format::money(LOC, m).width();
                full(amount_of(b)).max(full(b.part()))
            })
            .max()
            .unwrap_or(0)
            .max(7);
        // The client column as wide as the longest name needs, no wider.
        let longest = rows
            .iter()
            .map(|b| text::escape(view.name(b.client_id())).width())
            .max()
            .unwrap_or(0)
            .max("Client".len());
        let (header, widths, client_w, note_w) = if self.figure.is_payments() {
            let fixed = 10 + money_w + 3;
            let rest = width.saturating_sub(fixed);
            let client_w = longest.min(rest / 2).max(8);
            let note_w = rest.saturating_sub(client_w);
            (
                vec!["Client", "Date", "Amount", "Note"],
                vec![
                    Constraint::Length(client_w as u16),
                    Constraint::Length(10),
                    Constraint::Length(money_w as u16),
                    Constraint::Fill(1),
                ],
                client_w,
                note_w,
            )
        } else {
            let fixed = 10 + 2 * money_w + 11 + 4;
            let client_w = longest.min(width.saturating_sub(fixed)).max(8);
            (
                vec!["Client", "Due", "Amount", "Balance", ""],
                vec![
                    Constraint::Length(client_w as u16),
                    Constraint::Length(10),
                    Constraint::Length(money_w as u16),
                    Constraint::Length(money_w as u16),
                    Constraint::Length(11),
                ],
                client_w,
                0,
            )
        };
        let right = |m: Money| format!("{:>money_w$}", format::money(LOC, m));
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
                            ("paid".to_string(), theme.dim())
                        } else if late > 0 {
                            (format!("{late}d late"), theme.warn())
                        } else {
                            (String::new(), theme.dim())
                        };
                        vec![
                            client,
                            Cell::from(s.invoice.due.to_string()),
                            Cell::from(right(s.invoice.amount)),
                            Cell::from(right(s.balance)),
                            Cell::from(truncate(&flag, 11)).style(style),
                        ]
                    }
                    Behind::Payment(p) => vec![
                        client,
                        Cell::from(p.on.to_string()),
                        Cell::from(right(p.amount)),
                        Cell::from(truncate(&text::escape(&p.note), note_w)),
                    ],
                };
                let row = Row::new(cells);
                if i == self.selected {
                    row.style(theme.selected())
                } else {
                    row
                }
            })
            .collect();
        f.render_widget(
            Table::new(table_rows, widths).header(Row::new(header).style(theme.title())),
            list,
        );
    }
}

/// The amount a row shows first: the invoice's or the payment's.
fn amount_of(b: &Behind) -> Money {
    match b {
        Behind::Invoice(s, _) => s.invoice.amount,
        Behind::Payment(p) => p.amount,
    }
}

fn what_plural(figure: Figure) -> &'static str {
    if figure.is_payments() {
        "payments"
    } else {
        "invoices"
    }
}

/// The month's four figures on one line, the one drilled into marked;
/// compact amounts when the full ones do not fit, and only the one drilled
/// into when even those do not.
fn figures_line(view: &MonthView, drilled: Figure, theme: Theme, width: u16) -> Line<'static> {
    let parts = |full: bool| -> Vec<(Figure, String)> {
        Figure::ALL
            .iter()
            .map(|&fig| {
                let m = fig.of(&view.plan.figures);
                let amount = if full {
                    format::money(LOC, m)
                } else {
                    format::money_compact(LOC, m)
                };
                (fig, format!("{} {amount}", fig.label()))
            })
            .collect()
    };
    let fits = |p: &[(Figure, String)]| {
        p.iter().map(|(_, s)| s.width() + 3).sum::<usize>() <= usize::from(width)
    };
    let full = parts(true);
    let short = parts(false);
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
