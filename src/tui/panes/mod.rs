//! The panes, one file each: the pane's state, its update for its own
//! actions, what it asks the store for and its drawing (in the manner of
//! ratatui's component template and gitui's tabs). The card is drawn over
//! them. This file is the list of panes: adding one means its file, a line
//! in each list below, and its key table in `keys`.

pub mod agreements;
pub mod card;
pub mod plan;
pub mod plan_rows;
pub mod portfolio;
pub mod review;
pub mod touchpoints;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::action::{Action, Effect, Loaded, Msg};
use super::app::Shared;
use super::forms::Form;
use super::view::Theme;
use crate::domain::Id;
use crate::format::Locale;
use crate::ops::undo::Record;
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

    pub fn index(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

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

    /// The pane `by` tabs away, round the ends.
    pub fn step(self, by: isize) -> Pane {
        let n = Pane::ALL.len() as isize;
        Pane::ALL[(self.index() as isize + by).rem_euclid(n) as usize]
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

    /// Hand a reply to the pane that asked for it.
    pub fn deliver(&mut self, reply: Reply, shared: &mut Shared) -> Vec<Effect> {
        match reply {
            Reply::Touch(r) => self.touch.loaded(r, shared),
            Reply::Agreements(rows) => self.agreements.loaded(rows, shared),
            Reply::Plan(view) => self.plan.loaded(view),
            Reply::Review(b) => self.review.loaded(b),
        }
    }
}

/// What a pane asks the runner for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    Touch(touchpoints::Read),
    Agreements,
    Plan(crate::domain::Month),
    Review(crate::domain::Month),
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
    fn reloaded(&mut self, shared: &mut Shared, open: bool) -> Vec<Effect>;

    /// An action in normal mode while this pane is open.
    fn update(&mut self, action: Action, shared: &mut Shared) -> Vec<Effect>;

    fn draw(&self, shared: &Shared, theme: Theme, f: &mut Frame, area: Rect);

    /// The client the selection is about.
    fn selected_client(&self, shared: &Shared) -> Option<Id>;

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

/// Where a movement key takes a list's selection: from `current` in a list
/// of `len` rows, `page` rows a page. `None` for other actions.
pub fn moved(action: Action, current: usize, len: usize, page: usize) -> Option<usize> {
    let to = target(action, current, page)?;
    Some(if len == 0 {
        0
    } else {
        to.clamp(0, len as isize - 1) as usize
    })
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

/// The same, before clamping to the list.
pub fn target(action: Action, current: usize, page: usize) -> Option<isize> {
    let (current, page) = (current as isize, page.max(1) as isize);
    Some(match action {
        Action::Up => current - 1,
        Action::Down => current + 1,
        Action::Top => 0,
        Action::Bottom => isize::MAX / 2,
        Action::PageUp => current - page,
        Action::PageDown => current + page,
        Action::SelectRow(n) => isize::try_from(n).unwrap_or(isize::MAX / 2),
        _ => return None,
    })
}
