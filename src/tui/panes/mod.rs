//! The panes, one file each: the pane's state, its update for its own
//! actions, what it asks the store for and its drawing (in the manner of
//! ratatui's component template and gitui's tabs). The card is drawn over
//! them. This file is the list of panes: adding one means its file, a line
//! in each list below, and its key table in `keys`. Below the lists, what
//! the panes do alike (moving and keeping a selection, edit and delete,
//! drawing a table), so each pane's file holds only what is its own.

pub mod agreements;
pub mod card;
pub mod plan;
pub mod plan_rows;
pub mod portfolio;
pub mod review;
pub mod touchpoints;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Row;

use super::action::{Action, Effect, Loaded, Msg};
use super::app::Shared;
use super::forms::Form;
use super::view::{Theme, cell_text, table_widths};
use crate::domain::{Id, Money, Month};
use crate::format::{Locale, text};
use crate::ops::undo::{Kind, Record};
use crate::store::Store;

/// The panes, in the order of their tabs (and number keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Portfolio,
    Touchpoints,
    Agreements,
    Plan,
    Review,
}

impl Pane {
    pub const ALL: &'static [Pane] = &[
        Pane::Portfolio,
        Pane::Touchpoints,
        Pane::Agreements,
        Pane::Plan,
        Pane::Review,
    ];

    /// The pane's name on its tab and in help, in `locale`.
    pub fn title(self, locale: crate::format::Locale) -> String {
        let id = match self {
            Pane::Portfolio => "pane-portfolio",
            Pane::Touchpoints => "pane-touchpoints",
            Pane::Agreements => "pane-agreements",
            Pane::Plan => "pane-plan",
            Pane::Review => "pane-review",
        };
        crate::format::text(locale, id)
    }
}

/// Every pane's state.
#[derive(Debug, Clone, Default)]
pub struct Panes {
    pub portfolio: portfolio::Board,
    pub touch: touchpoints::TouchList,
    pub agreements: agreements::Agreements,
    pub plan: plan::PlanPane,
    pub review: review::ReviewPane,
}

impl Panes {
    pub fn get(&self, pane: Pane) -> &dyn Component {
        match pane {
            Pane::Portfolio => &self.portfolio,
            Pane::Touchpoints => &self.touch,
            Pane::Agreements => &self.agreements,
            Pane::Plan => &self.plan,
            Pane::Review => &self.review,
        }
    }

    pub fn get_mut(&mut self, pane: Pane) -> &mut dyn Component {
        match pane {
            Pane::Portfolio => &mut self.portfolio,
            Pane::Touchpoints => &mut self.touch,
            Pane::Agreements => &mut self.agreements,
            Pane::Plan => &mut self.plan,
            Pane::Review => &mut self.review,
        }
    }

    /// Select `record` (just saved, or put back by an undo) in the pane
    /// that lists it, once the lists are read again: a client on the board
    /// (in its tier's column), a touchpoint in the log, an agreement, a
    /// payment's or invoice's client on the plan.
    pub fn follow(&mut self, record: &Record) {
        match record {
            Record::Client(c) => self.portfolio.follow = Some(c.id),
            Record::Touchpoint(t) => self.touch.follow = Some((t.at, t.id)),
            Record::Agreement(a) => self.agreements.follow = Some(a.id),
            Record::Payment(p) => self.plan.follow = Some(p.client_id),
            Record::Invoice(i) => self.plan.follow = Some(i.client_id),
            // The card shows its client's contacts in a fixed order.
            Record::Contact(_) => {}
        }
    }

    /// Hand a reply to the pane that asked for it; only the log's may ask
    /// for another read (its next slice).
    pub fn deliver(&mut self, reply: Reply, shared: &mut Shared) -> Vec<Effect> {
        match reply {
            Reply::Touch(r) => return self.touch.loaded(r, shared),
            Reply::Agreements(rows) => self.agreements.loaded(rows, shared),
            Reply::Plan(view) => self.plan.loaded(view),
            Reply::Review(b) => self.review.loaded(b),
        }
        Vec::new()
    }
}

/// What a pane asks the runner for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    Touch(touchpoints::Read),
    Agreements,
    Plan(Month),
    Review(Month),
    WriteReport(Box<review::Report>),
}

/// What a pane's read found.
#[derive(Debug)]
pub enum Reply {
    Touch(touchpoints::Reply),
    Agreements(Vec<crate::domain::Agreement>),
    Plan(crate::ops::views::MonthView),
    Review(crate::domain::briefing::Briefing),
}

/// Run a pane's request against the store; the answer for `update`.
/// Failures are said in `loc`.
pub fn perform(store: &mut Store, today: NaiveDate, loc: Locale, request: Request) -> Msg {
    let reply = |r: Reply| Msg::Loaded(Box::new(Loaded::Pane(r)));
    let result = match request {
        Request::Touch(read) => {
            touchpoints::perform(store, loc, read).map(|r| reply(Reply::Touch(r)))
        }
        Request::Agreements => agreements::read(store).map(|r| reply(Reply::Agreements(r))),
        Request::Plan(month) => plan::read(store, month, today).map(|r| reply(Reply::Plan(r))),
        Request::Review(month) => {
            review::read(store, month, today).map(|r| reply(Reply::Review(r)))
        }
        Request::WriteReport(report) => review::write(store, *report),
    };
    result.unwrap_or_else(|e| Msg::Failed(crate::format::explain_error(loc, &e)))
}

/// What the rest of the TUI asks of a pane. `shared` is what all panes see
/// and may change: today, the month, the portfolio, the mode (a form or a
/// question to open) and the footer's message.
pub trait Component {
    /// The pane was opened: what to read for it.
    fn open(&mut self, shared: &mut Shared) -> Vec<Effect>;

    /// The portfolio was read again (after a write, or another program's):
    /// rebuild what depends on it; the open pane reads what it shows.
    fn reloaded(&mut self, shared: &mut Shared, open: bool) -> Vec<Effect> {
        if open { self.open(shared) } else { Vec::new() }
    }

    /// An action in normal mode while this pane is open.
    fn update(&mut self, action: Action, shared: &mut Shared) -> Vec<Effect>;

    fn draw(&self, shared: &Shared, theme: Theme, f: &mut Frame, area: Rect);

    /// The client the selection is about.
    fn selected_client(&self, shared: &Shared) -> Option<Id>;

    /// Its name, for a form about it (empty: none selected).
    fn selected_name(&self, shared: &Shared) -> String {
        let id = self.selected_client(shared);
        id.map(|id| shared.name(id).to_string()).unwrap_or_default()
    }

    /// The form `a` opens: the pane's own kind of record. `None`: a client.
    fn add(&self, _shared: &Shared) -> Option<Form> {
        None
    }

    /// The filter as typed; `None`: the pane has no filter.
    fn filter(&self) -> Option<&str> {
        None
    }

    fn filter_mut(&mut self) -> Option<&mut String> {
        None
    }

    /// Apply a changed filter.
    fn refilter(&mut self, _shared: &mut Shared) -> Vec<Effect> {
        Vec::new()
    }

    /// The terminal changed size.
    fn resized(&mut self, _shared: &mut Shared) -> Vec<Effect> {
        Vec::new()
    }

    /// Work deferred while keys come in, for a moment when none is waiting.
    fn idle(&mut self, _shared: &Shared) -> Option<Effect> {
        None
    }

    /// `Enter`, when the selection is not a client (a figure on the Plan
    /// pane): what it does. `None`: the client's card opens.
    fn enter(&mut self, _shared: &mut Shared) -> Option<Vec<Effect>> {
        None
    }

    /// `Esc` with no card open: what the pane closes of its own (a list it
    /// drilled into). `None`: nothing; the filter is cleared.
    fn back(&mut self, _shared: &mut Shared) -> Option<Vec<Effect>> {
        None
    }

    /// The keys whose meaning depends on where the cursor is (Enter on a
    /// figure or on a client), for the footer and help, before the rest.
    fn focus_keys(&self) -> &'static [crate::tui::keys::Binding] {
        &[]
    }
}

// What the panes' lists do alike: move and keep their selection, edit
// and delete the selected record, step through months.

/// Where a movement key takes a list's selection: from `current` in a list
/// of `len` rows, `page` rows a page. `None` for other actions.
pub fn moved(action: Action, current: usize, len: usize, page: usize) -> Option<usize> {
    let (current, page) = (current as isize, page.max(1) as isize);
    let to = match action {
        Action::Up => current - 1,
        Action::Down => current + 1,
        Action::Top => 0,
        Action::Bottom => isize::MAX / 2,
        Action::PageUp => current - page,
        Action::PageDown => current + page,
        Action::SelectRow(n) => isize::try_from(n).unwrap_or(isize::MAX / 2),
        _ => return None,
    };
    Some(to.clamp(0, len.saturating_sub(1) as isize) as usize)
}

/// Where a list's selection goes when the list is read again: the row of
/// the record it was on (`id`), or, that record gone, the nearest row to
/// where it was (`at`), so a reload never leaves the selection on another
/// record at the same row number.
pub fn reselect<T: PartialEq>(id: Option<T>, at: usize, ids: impl IntoIterator<Item = T>) -> usize {
    let mut len = 0;
    for (i, other) in ids.into_iter().enumerate() {
        if id.as_ref() == Some(&other) {
            return i;
        }
        len = i + 1;
    }
    at.min(len.saturating_sub(1))
}

/// The item `by` steps from `from` in `all`, round the ends.
pub fn step<T: Copy + PartialEq>(all: &[T], from: T, by: isize) -> T {
    let at = all.iter().position(|x| *x == from).unwrap_or(0) as isize;
    all[(at + by).rem_euclid(all.len() as isize) as usize]
}

/// `e` on a list: open `form`, the selected record's; with none selected
/// the footer says so.
pub fn edit(shared: &mut Shared, form: Option<Form>) {
    match form {
        Some(form) => shared.open_form(form),
        None => shared.warn(text(shared.locale, "tui-nothing-to-edit")),
    }
}

/// `x` on a list: ask `question` before deleting the selected record, of
/// `kind` and `id`; with none selected the footer says so.
pub fn delete(shared: &mut Shared, selected: Option<(String, Kind, Id)>) {
    match selected {
        Some((question, kind, id)) => shared.ask(question, Effect::Delete(kind, id)),
        None => shared.warn(text(shared.locale, "tui-nothing-to-delete")),
    }
}

/// The month before or after (`MonthPrev`, `MonthNext`): read for the
/// history and, by `request`, for the pane.
pub fn step_month(
    action: Action,
    shared: &mut Shared,
    request: fn(Month) -> Request,
) -> Vec<Effect> {
    let by = if action == Action::MonthPrev { -1 } else { 1 };
    shared.month = shared.month.plus_months(by);
    vec![
        Effect::LoadHistory(shared.month),
        Effect::Pane(request(shared.month)),
    ]
}

// What the panes' drawing does alike.

/// The smallest and largest of `amounts` (and zero): the widest of them
/// decides whether a list shows its money in full or compact.
pub fn extremes(amounts: impl IntoIterator<Item = Money>) -> (Money, Money) {
    let mut range = (Money::ZERO, Money::ZERO);
    for m in amounts {
        range = (range.0.min(m), range.1.max(m));
    }
    range
}

/// `lines` one a row down `area`, so a line's style (the selection) covers
/// its row.
pub fn draw_lines<'a>(f: &mut Frame, lines: impl IntoIterator<Item = Line<'a>>, area: Rect) {
    for (line, y) in lines.into_iter().zip(area.top()..area.bottom()) {
        f.render_widget(
            line,
            Rect {
                y,
                height: 1,
                ..area
            },
        );
    }
}

/// A table's row, highlighted when it is the selected one.
pub fn marked(row: Row<'_>, selected: bool, theme: Theme) -> Row<'_> {
    if selected {
        row.style(theme.selected())
    } else {
        row
    }
}

/// An amount owed late, in the warning colour; none, dim.
pub fn late_style(theme: Theme, late: Money) -> Style {
    if late.is_zero() {
        theme.dim()
    } else {
        theme.warn()
    }
}

/// A month's attainment: at or over its target, under it, or no target.
pub fn attainment_style(theme: Theme, bp: Option<i64>) -> Style {
    match bp {
        Some(bp) if bp >= 10_000 => theme.good(),
        Some(_) => theme.due(),
        None => theme.dim(),
    }
}

/// A click on a table's row selects it: the `count` rows under the column
/// headers inside `inner`, the list's from `first`.
pub fn note_table_rows(shared: &Shared, inner: Rect, first: usize, count: usize) {
    let body = Rect {
        y: inner.y.saturating_add(1),
        height: inner.height.saturating_sub(1),
        ..inner
    };
    crate::tui::mouse::note_rows(shared, body, first, count, 1, Action::SelectRow);
}

/// Every cell of a table `width` wide cut to its column with `…` (a table
/// clips silently): the cell's text for column `i`.
pub fn cell_cutter(width: u16, widths: &[Constraint]) -> impl Fn(usize, &str) -> String + use<> {
    let cols = table_widths(width.saturating_sub(2), widths);
    move |i, text| cell_text(text, cols.get(i).copied().unwrap_or(0))
}
