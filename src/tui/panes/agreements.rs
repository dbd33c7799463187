//! Pane 3: agreements. Open ones first with overdue at the top, then kept,
//! broken, cancelled; who owes it and by when.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Block, Cell, Row, Table};

use super::{
    Component, Request, cell_cutter, delete, edit, marked, moved, note_table_rows, reselect,
};
use crate::domain::{Agreement, AgreementStatus, Id, Owner, fold, matches_folded};
use crate::format::{self, Locale, text, text_with};
use crate::ops::undo::Kind;
use crate::ops::{self, OpResult};
use crate::store::Store;
use crate::tui::action::{Action, Effect};
use crate::tui::app::Shared;
use crate::tui::forms::{AgreementForm, Form};
use crate::tui::view::{Theme, fit_line, window_start};
use crate::tui::words;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Default)]
pub struct Agreements {
    /// Every agreement, as read.
    pub rows: Vec<Agreement>,
    /// Open and overdue agreements of all `rows`, counted when they are
    /// read (the pane's title), not per frame.
    pub tally: (usize, usize),
    /// Indices into `rows` after the filter, in the pane's order.
    pub shown: Vec<usize>,
    pub selected: usize,
    pub filter: String,
    /// An agreement to select once the list is read again (one just saved).
    pub follow: Option<Id>,
}

/// What the pane reads: every agreement.
pub fn read(store: &Store) -> OpResult<Vec<Agreement>> {
    ops::agreements(store, None, false)
}

impl Agreements {
    /// Install the agreements read.
    pub fn loaded(&mut self, rows: Vec<Agreement>, shared: &Shared) {
        self.tally = (
            rows.iter()
                .filter(|a| a.status == AgreementStatus::Open)
                .count(),
            rows.iter().filter(|a| a.is_overdue(shared.today)).count(),
        );
        // The selection stays on its agreement (by id), wherever the new
        // list puts it.
        let keep = self
            .follow
            .take()
            .or_else(|| self.selected_row().map(|a| a.id));
        self.rows = rows;
        self.rebuild(shared, keep, self.selected);
    }

    /// Agreements in the pane's order: open ones first with overdue at the
    /// top, then kept, broken, cancelled; filtered by text or client. The
    /// selection goes to agreement `keep`, or if it is not shown, the row
    /// nearest `at`.
    pub fn rebuild(&mut self, shared: &Shared, keep: Option<Id>, at: usize) {
        let needle = fold(self.filter.trim());
        let today = shared.today;
        let mut idx: Vec<usize> = (0..self.rows.len())
            .filter(|i| {
                let a = &self.rows[*i];
                matches_folded(&a.text, &needle)
                    || matches_folded(
                        shared
                            .names
                            .get(&a.client_id)
                            .map(String::as_str)
                            .unwrap_or(""),
                        &needle,
                    )
            })
            .collect();
        let rank = |a: &Agreement| match a.status {
            AgreementStatus::Open if a.is_overdue(today) => 0,
            AgreementStatus::Open => 1,
            AgreementStatus::Kept => 2,
            AgreementStatus::Broken => 3,
            AgreementStatus::Cancelled => 4,
        };
        idx.sort_by(|x, y| {
            let (a, b) = (&self.rows[*x], &self.rows[*y]);
            rank(a)
                .cmp(&rank(b))
                .then_with(|| match a.status {
                    AgreementStatus::Open => a
                        .due
                        .unwrap_or(NaiveDate::MAX)
                        .cmp(&b.due.unwrap_or(NaiveDate::MAX)),
                    _ => b.closed_on.cmp(&a.closed_on),
                })
                .then(a.id.cmp(&b.id))
        });
        self.shown = idx;
        let ids = self.shown.iter().map(|i| self.rows[*i].id);
        self.selected = reselect(keep, at, ids);
    }

    pub fn selected_row(&self) -> Option<&Agreement> {
        self.rows.get(*self.shown.get(self.selected)?)
    }

    /// `K`, `B`, `C`: close the selected open agreement, after a `y`.
    fn close(&self, status: AgreementStatus, shared: &mut Shared) {
        match self.selected_row() {
            Some(a) if a.status == AgreementStatus::Open => {
                let word = words::agreement(shared.locale, status);
                let args = [
                    ("text", a.text.as_str().into()),
                    ("status", word.as_str().into()),
                ];
                let question = text_with(shared.locale, "agr-mark", &args);
                shared.ask(question, Effect::Close(a.id, status));
            }
            Some(a) => {
                let word = words::agreement(shared.locale, a.status);
                let args = [("status", word.as_str().into())];
                shared.warn(text_with(shared.locale, "agr-already", &args));
            }
            None => shared.warn(text(shared.locale, "agr-none-selected")),
        }
    }
}

/// The status and owner columns (here and on the card) as wide as their
/// words in `loc`: the widest status (or "overdue") and owner.
pub fn word_widths(loc: Locale) -> (usize, usize) {
    let overdue = text(loc, "card-agreement-overdue").width();
    let status = AgreementStatus::ALL
        .iter()
        .map(|s| words::agreement(loc, *s).width())
        .chain([overdue])
        .max()
        .unwrap_or(9);
    let owner = Owner::ALL
        .iter()
        .map(|o| words::owner(loc, *o).width())
        .max()
        .unwrap_or(7);
    (status, owner)
}

impl Component for Agreements {
    fn open(&mut self, _shared: &mut Shared) -> Vec<Effect> {
        vec![Effect::Pane(Request::Agreements)]
    }

    fn reloaded(&mut self, shared: &mut Shared, open: bool) -> Vec<Effect> {
        // Client names may have changed: the filter matches them.
        let keep = self.selected_row().map(|a| a.id);
        self.rebuild(shared, keep, self.selected);
        if open { self.open(shared) } else { Vec::new() }
    }

    fn update(&mut self, action: Action, shared: &mut Shared) -> Vec<Effect> {
        if let Some(to) = moved(action, self.selected, self.shown.len(), shared.list_height) {
            self.selected = to;
            return Vec::new();
        }
        match action {
            Action::MarkKept => self.close(AgreementStatus::Kept, shared),
            Action::MarkBroken => self.close(AgreementStatus::Broken, shared),
            Action::MarkCancelled => self.close(AgreementStatus::Cancelled, shared),
            Action::Edit => {
                let form = self.selected_row().map(|a| {
                    AgreementForm::open(shared, Some(a), shared.name(a.client_id).to_string())
                });
                edit(shared, form);
            }
            Action::Delete => {
                let question = self.selected_row().map(|a| {
                    let args = [("text", a.text.as_str().into())];
                    let question = text_with(shared.locale, "agr-delete", &args);
                    (question, Kind::Agreement, a.id)
                });
                delete(shared, question);
            }
            _ => {}
        }
        Vec::new()
    }

    fn selected_client(&self, _shared: &Shared) -> Option<Id> {
        self.selected_row().map(|a| a.client_id)
    }

    /// An agreement with the selected one's client.
    fn add(&self, shared: &Shared) -> Option<Form> {
        let client = self.selected_name(shared);
        Some(AgreementForm::open(shared, None, client))
    }

    fn filter(&self) -> Option<&str> {
        Some(&self.filter)
    }

    fn filter_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.filter)
    }

    fn refilter(&mut self, shared: &mut Shared) -> Vec<Effect> {
        // The filter cleared: the selection stays on its agreement.
        let keep = self.selected_row().map(|a| a.id);
        let keep = keep.filter(|_| self.filter.trim().is_empty());
        self.rebuild(shared, keep, 0);
        Vec::new()
    }

    fn draw(&self, shared: &Shared, theme: Theme, f: &mut Frame, area: Rect) {
        let loc = shared.locale;
        let (open, overdue) = self.tally;
        let (open, overdue) = (open.to_string(), overdue.to_string());
        let shown = self.shown.len().to_string();
        let tally = [
            ("open", open.as_str().into()),
            ("overdue", overdue.as_str().into()),
            ("shown", shown.as_str().into()),
        ];
        let title = format!(
            " {} · {} ",
            text(loc, "pane-agreements"),
            text_with(loc, "agr-tally", &tally)
        );
        let block = Block::bordered().title(fit_line(title.into(), area.width.saturating_sub(2)));
        let inner_rows = usize::from(area.height.saturating_sub(3)).max(1);
        let start = window_start(self.selected, inner_rows);
        // Below 110 columns the dates made and closed give way to the text.
        let wide = area.width >= 110;
        let overdue_word = text(loc, "card-agreement-overdue");
        // Each column's title and width; the status and the owner as wide
        // as their title and widest word.
        let (status_width, owner_width) = word_widths(loc);
        let fit = |id: &str, widest: usize| {
            let title = text(loc, id);
            let width = widest.max(title.width());
            (title, Constraint::Length(u16::try_from(width).unwrap_or(9)))
        };
        let mut columns = vec![
            fit("agr-status", status_width),
            (text(loc, "log-due"), Constraint::Length(10)),
            fit("agr-owed-by", owner_width),
            (
                text(loc, "log-client"),
                Constraint::Max(if wide { 24 } else { 16 }),
            ),
            (text(loc, "agr-agreement"), Constraint::Fill(1)),
        ];
        if wide {
            columns.push((text(loc, "agr-made"), Constraint::Length(10)));
            columns.push((text(loc, "agr-closed"), Constraint::Length(10)));
        }
        let (titles, widths): (Vec<String>, Vec<Constraint>) = columns.into_iter().unzip();
        let header = Row::new(titles).style(theme.title());
        let cut = cell_cutter(area.width, &widths);
        let rows: Vec<Row> = self
            .shown
            .iter()
            .enumerate()
            .skip(start)
            .take(inner_rows)
            .filter_map(|(pos, i)| self.rows.get(*i).map(|a| (pos, a)))
            .map(|(pos, a)| {
                let overdue = a.is_overdue(shared.today);
                let (status, style) = match a.status {
                    AgreementStatus::Open if overdue => (overdue_word.clone(), theme.warn()),
                    AgreementStatus::Open => (words::agreement(loc, a.status), theme.due()),
                    AgreementStatus::Kept => (words::agreement(loc, a.status), theme.good()),
                    AgreementStatus::Broken => (words::agreement(loc, a.status), theme.warn()),
                    AgreementStatus::Cancelled => (words::agreement(loc, a.status), theme.dim()),
                };
                let mut cells = vec![
                    Cell::from(cut(0, &status)).style(style),
                    Cell::from(cut(1, &format::date_or_dash(loc, a.due))),
                    Cell::from(cut(2, &words::owner(loc, a.owner))),
                    Cell::from(cut(3, shared.name(a.client_id))),
                    Cell::from(cut(4, &a.text)),
                ];
                if wide {
                    cells.push(Cell::from(cut(5, &format::date(loc, a.made_on))));
                    cells.push(Cell::from(cut(
                        6,
                        &a.closed_on
                            .map(|d| format::date(loc, d))
                            .unwrap_or_default(),
                    )));
                }
                marked(Row::new(cells), pos == self.selected, theme)
            })
            .collect();
        note_table_rows(shared, block.inner(area), start, rows.len());
        f.render_widget(Table::new(rows, widths).header(header).block(block), area);
    }
}
