//! The TUI's state and its update function: `update(&mut App, Action)`
//! changes only the state and returns the effects (store reads and writes) for
//! the runner to perform. Tested without a terminal.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::form::{Field, FieldKind, Form, Purpose, Value};
use super::panes::touchpoints::{self, TouchList};
use crate::domain::briefing::Briefing;
use crate::domain::signals::{ClientStats, NeglectState};
use crate::domain::{
    Agreement, AgreementStatus, Contact, Id, Money, Month, Tier, TouchKind, Touchpoint, fold,
    matches_folded,
};
use crate::ops::TouchFilter;
use crate::ops::views::{ClientCard, MonthTotals, MonthView, PortfolioView};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Portfolio,
    Touchpoints,
    Agreements,
    Plan,
    Review,
}

impl Pane {
    pub const ALL: [Pane; 5] = [
        Pane::Portfolio,
        Pane::Touchpoints,
        Pane::Agreements,
        Pane::Plan,
        Pane::Review,
    ];

    pub fn index(self) -> usize {
        match self {
            Pane::Portfolio => 0,
            Pane::Touchpoints => 1,
            Pane::Agreements => 2,
            Pane::Plan => 3,
            Pane::Review => 4,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Pane::Portfolio => "Portfolio",
            Pane::Touchpoints => "Touchpoints",
            Pane::Agreements => "Agreements",
            Pane::Plan => "Plan",
            Pane::Review => "Review",
        }
    }

    fn step(self, by: isize) -> Pane {
        let i = (self.index() as isize + by).rem_euclid(5) as usize;
        Pane::ALL[i]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    Left,
    Right,
    SelectPane(Pane),
    NextPane,
    PrevPane,
    StartFilter,
    FilterInput(char),
    FilterBackspace,
    FilterClear,
    FilterDone,
    OpenCard,
    Back,
    Add,
    Edit,
    Delete,
    Reload,
    Help,
    ChangeTier,
    ChangeStatus,
    CycleSort,
    ToggleClientScope,
    MarkKept,
    MarkBroken,
    MarkCancelled,
    MonthPrev,
    MonthNext,
    WriteReport,
    SetTarget,
    AddInvoice,
    NextContact,
    EditContact,
    DeleteContact,
    ConfirmYes,
    ConfirmNo,
    FormInput(char),
    FormBackspace,
    FormDelete,
    FormLeft,
    FormRight,
    FormHome,
    FormEnd,
    FormNext,
    FormPrev,
    FormSubmit,
    FormCancel,
    FormComplete,
    Resize(u16, u16),
}

/// What a deletion removes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Client(Id),
    Touchpoint(Id),
    Agreement(Id),
    Contact(Id),
}

/// Work for the runner: reads and writes through the ops layer. Each is
/// answered with a [`Msg`] that goes back through `update`; effects never
/// change the `App` themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Re-read everything shown (after a write, or on request): the
    /// portfolio, then what the open pane and the card show.
    Reload,
    /// The plan history (12 months up to this one) for the header and chart.
    LoadHistory(Month),
    /// Read the touchpoint log: its window, a slice of its count or fill.
    Touch(touchpoints::Read),
    LoadPlan(Month),
    LoadAgreements,
    LoadReview(Month),
    /// Write the briefing as Markdown.
    WriteReport(Box<Report>),
    LoadCard(Id),
    Save(Purpose, Vec<Value>),
    Delete(Target),
    Close(Id, AgreementStatus),
}

/// The briefing to write, where, and whether the user said `y` to
/// replacing the file there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub briefing: Briefing,
    pub dir: std::path::PathBuf,
    pub replace: bool,
}

/// What `update` takes: what a key meant, or what an effect found.
#[derive(Debug)]
pub enum Msg {
    Action(Action),
    Loaded(Box<Loaded>),
    /// A write went through (or was refused: the reason).
    Saved(Result<Saved, String>),
    /// An effect needs a `y` first (a file to replace).
    Ask(Confirm),
    /// Done, nothing to re-read (a file written): what to say.
    Done(String),
    /// An effect failed: the reason, for the footer.
    Failed(String),
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Action(action)
    }
}

/// Data read for the panes.
#[derive(Debug)]
pub enum Loaded {
    /// The clients every pane names, with their signals.
    Portfolio(PortfolioView),
    History(Vec<MonthTotals>),
    Touch(touchpoints::Reply),
    Plan(MonthView),
    Agreements(Vec<Agreement>),
    Review(Briefing),
    /// A client's card; `None`: the client is gone (deleted elsewhere).
    Card(Id, Option<ClientCard>),
}

/// A write that went through: what to say, and the client it deleted (its
/// card closes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub message: String,
    pub deleted_client: Option<Id>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub prompt: String,
    pub effect: Effect,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Filter,
    Form(Form),
    Confirm(Confirm),
    Help,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Revenue,
    Neglect,
    Name,
}

impl Sort {
    pub fn label(self) -> &'static str {
        match self {
            Sort::Revenue => "revenue",
            Sort::Neglect => "neglect",
            Sort::Name => "name",
        }
    }
}

pub const TIERS: [Tier; 3] = [Tier::Gold, Tier::Potential, Tier::Toxic];

#[derive(Debug, Clone)]
pub struct CardState {
    pub client_id: Id,
    pub data: Option<ClientCard>,
    pub scroll: u16,
    /// The contact `E` edits and `D` deletes (`n` moves it).
    pub contact: usize,
}

impl CardState {
    /// The marked contact, if the card has any.
    pub fn marked_contact(&self) -> Option<&Contact> {
        let contacts = &self.data.as_ref()?.contacts;
        contacts.get(self.contact.min(contacts.len().checked_sub(1)?))
    }
}

#[derive(Debug, Clone)]
pub struct App {
    pub today: NaiveDate,
    pub title: String,
    pub pane: Pane,
    pub mode: Mode,
    pub portfolio: Option<PortfolioView>,
    pub names: HashMap<Id, String>,
    pub sort: Sort,
    pub column: usize,
    /// Indices into `portfolio.clients` per tier column, filtered and sorted.
    pub board: [Vec<usize>; 3],
    /// Each column's 12-month revenue (its clients as filtered), summed when
    /// the board is built, not per frame.
    pub board_revenue: [Money; 3],
    /// `portfolio.clients`' names folded once per load, for filtering and
    /// sorting the board without folding per key or per comparison.
    pub name_keys: Vec<String>,
    pub board_selected: [usize; 3],
    pub touch: TouchList,
    pub agreements: Vec<Agreement>,
    /// Open and overdue agreements of all `agreements`, counted when they
    /// are loaded (the pane's title), not per frame.
    pub agreement_tally: (usize, usize),
    /// Indices into `agreements` after the filter.
    pub agreement_rows: Vec<usize>,
    pub agreement_selected: usize,
    pub month: Month,
    pub plan: Option<MonthView>,
    pub history: Vec<MonthTotals>,
    pub plan_selected: usize,
    pub review: Option<Briefing>,
    pub review_selected: usize,
    /// Where `w` writes the briefing (the folder folio was started in).
    pub report_dir: std::path::PathBuf,
    pub filters: [String; 5],
    pub card: Option<CardState>,
    /// Rows a list shows at the current terminal size.
    pub list_height: usize,
    pub size: (u16, u16),
    /// A line for the footer: what just happened, or what went wrong.
    pub message: Option<(String, bool)>,
    pub quit: bool,
}

impl App {
    pub fn new(today: NaiveDate, title: impl Into<String>) -> App {
        App {
            today,
            title: title.into(),
            pane: Pane::Portfolio,
            mode: Mode::Normal,
            portfolio: None,
            names: HashMap::new(),
            sort: Sort::Revenue,
            column: 0,
            board: [Vec::new(), Vec::new(), Vec::new()],
            board_revenue: [Money::ZERO; 3],
            name_keys: Vec::new(),
            board_selected: [0; 3],
            touch: TouchList::default(),
            agreements: Vec::new(),
            agreement_tally: (0, 0),
            agreement_rows: Vec::new(),
            agreement_selected: 0,
            month: Month::of(today),
            plan: None,
            history: Vec::new(),
            plan_selected: 0,
            review: None,
            review_selected: 0,
            report_dir: std::path::PathBuf::from("."),
            filters: Default::default(),
            card: None,
            list_height: 10,
            size: (80, 24),
            message: None,
            quit: false,
        }
    }

    pub fn filter(&self) -> &str {
        &self.filters[self.pane.index()]
    }

    pub fn name(&self, id: Id) -> &str {
        self.names.get(&id).map(String::as_str).unwrap_or("?")
    }

    pub fn set_size(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        // Header, tab line, footer, borders and the list's header row.
        self.list_height = usize::from(height.saturating_sub(7)).max(1);
    }

    /// Install fresh portfolio data and rebuild the derived lists.
    pub fn set_portfolio(&mut self, view: PortfolioView) {
        self.names = view
            .clients
            .iter()
            .map(|c| (c.client.id, c.client.name.clone()))
            .collect();
        self.name_keys = view.clients.iter().map(|c| fold(&c.client.name)).collect();
        self.portfolio = Some(view);
        self.rebuild_board();
        self.rebuild_agreements();
    }

    pub fn set_agreements(&mut self, rows: Vec<Agreement>) {
        self.agreement_tally = (
            rows.iter()
                .filter(|a| a.status == AgreementStatus::Open)
                .count(),
            rows.iter().filter(|a| a.is_overdue(self.today)).count(),
        );
        self.agreements = rows;
        self.rebuild_agreements();
    }

    pub fn rebuild_board(&mut self) {
        let Some(view) = &self.portfolio else {
            return;
        };
        let needle = fold(self.filters[Pane::Portfolio.index()].trim());
        let keys = &self.name_keys;
        for (col, tier) in TIERS.iter().enumerate() {
            let mut idx: Vec<usize> = view
                .clients
                .iter()
                .enumerate()
                .filter(|(i, c)| c.client.tier == *tier && keys[*i].contains(needle.as_str()))
                .map(|(i, _)| i)
                .collect();
            let clients = &view.clients;
            match self.sort {
                Sort::Revenue => idx.sort_by(|a, b| {
                    clients[*b]
                        .revenue_12m
                        .cmp(&clients[*a].revenue_12m)
                        .then_with(|| keys[*a].cmp(&keys[*b]))
                }),
                Sort::Neglect => idx.sort_by_key(|i| {
                    let c = &clients[*i];
                    (
                        std::cmp::Reverse(neglect_rank(c)),
                        std::cmp::Reverse(c.neglect.days_since.unwrap_or(i64::MAX)),
                    )
                }),
                Sort::Name => idx.sort_by(|a, b| keys[*a].cmp(&keys[*b])),
            }
            self.board_revenue[col] = idx.iter().map(|i| clients[*i].revenue_12m).sum();
            self.board[col] = idx;
            self.board_selected[col] =
                self.board_selected[col].min(self.board[col].len().saturating_sub(1));
        }
    }

    /// Agreements in the pane's order: open ones first with overdue at the
    /// top, then kept, broken, cancelled; filtered by text or client.
    pub fn rebuild_agreements(&mut self) {
        let needle = fold(self.filters[Pane::Agreements.index()].trim());
        let today = self.today;
        let mut idx: Vec<usize> = (0..self.agreements.len())
            .filter(|i| {
                let a = &self.agreements[*i];
                matches_folded(&a.text, &needle)
                    || matches_folded(
                        self.names
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
            let (a, b) = (&self.agreements[*x], &self.agreements[*y]);
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
        self.agreement_rows = idx;
        self.agreement_selected = self
            .agreement_selected
            .min(self.agreement_rows.len().saturating_sub(1));
    }

    pub fn board_client(&self) -> Option<&ClientStats> {
        let view = self.portfolio.as_ref()?;
        let i = *self.board[self.column].get(self.board_selected[self.column])?;
        view.clients.get(i)
    }

    pub fn selected_touchpoint(&self) -> Option<&Touchpoint> {
        self.touch.selected_row()
    }

    /// The log's scope and filter as typed.
    fn touch_filter(&self) -> TouchFilter {
        TouchFilter::new(self.touch.scope, &self.filters[Pane::Touchpoints.index()])
    }

    /// The read that brings the log's window where it should be.
    fn touch_window(&self, refresh: bool) -> Effect {
        Effect::Touch(
            self.touch
                .window(self.touch_filter(), self.list_height, refresh),
        )
    }

    /// Work deferred while keys come in (filling a short window of the
    /// filtered log, then counting it), for a moment when none is waiting.
    pub fn idle_effect(&mut self) -> Option<Effect> {
        self.touch.idle(self.list_height).map(Effect::Touch)
    }

    pub fn selected_agreement(&self) -> Option<&Agreement> {
        self.agreements
            .get(*self.agreement_rows.get(self.agreement_selected)?)
    }

    /// The client the current selection is about, in any pane.
    pub fn selected_client(&self) -> Option<Id> {
        if let Some(card) = &self.card {
            return Some(card.client_id);
        }
        match self.pane {
            Pane::Portfolio => self.board_client().map(|c| c.client.id),
            Pane::Touchpoints => self.selected_touchpoint().map(|t| t.client_id),
            Pane::Agreements => self.selected_agreement().map(|a| a.client_id),
            Pane::Plan => self
                .plan
                .as_ref()
                .and_then(|p| p.plan.clients.get(self.plan_selected))
                .map(|c| c.client_id),
            Pane::Review => self
                .review
                .as_ref()
                .and_then(|r| r.at_risk.get(self.review_selected))
                .map(|r| r.client_id),
        }
    }

    fn client_names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.names.values().cloned().collect();
        v.sort_by_key(|n| fold(n));
        v
    }

    fn selected_client_name(&self) -> String {
        self.selected_client()
            .map(|id| self.name(id).to_string())
            .unwrap_or_default()
    }

    fn list_len(&self) -> usize {
        match self.pane {
            Pane::Portfolio => self.board[self.column].len(),
            Pane::Touchpoints => self.touch.total,
            Pane::Agreements => self.agreement_rows.len(),
            Pane::Plan => self.plan.as_ref().map_or(0, |p| p.plan.clients.len()),
            Pane::Review => self.review.as_ref().map_or(0, |r| r.at_risk.len()),
        }
    }

    fn selected_mut(&mut self) -> &mut usize {
        match self.pane {
            Pane::Portfolio => &mut self.board_selected[self.column],
            Pane::Touchpoints => &mut self.touch.selected,
            Pane::Agreements => &mut self.agreement_selected,
            Pane::Plan => &mut self.plan_selected,
            Pane::Review => &mut self.review_selected,
        }
    }

    /// Move the selection to `to` (clamped); for the touchpoint log, slide
    /// the window and ask for the rows when the selection leaves it.
    fn select(&mut self, to: isize) -> Vec<Effect> {
        if self.pane == Pane::Touchpoints {
            let filter = self.touch_filter();
            return self
                .touch
                .select(to, filter, self.list_height)
                .map(Effect::Touch)
                .into_iter()
                .collect();
        }
        let len = self.list_len();
        let target = if len == 0 {
            0
        } else {
            to.clamp(0, len as isize - 1) as usize
        };
        *self.selected_mut() = target;
        Vec::new()
    }

    fn current(&mut self) -> isize {
        *self.selected_mut() as isize
    }

    fn notify(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), false));
    }

    fn warn(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), true));
    }
}

fn neglect_rank(c: &ClientStats) -> u8 {
    match c.neglect.state {
        NeglectState::Overdue => 3,
        NeglectState::Due => 2,
        NeglectState::Fine => 1,
        NeglectState::NoCadence => 0,
    }
}

/// Apply what a key meant or what an effect found to the state; returns
/// the effects to perform (their answers come back here).
pub fn update(app: &mut App, msg: impl Into<Msg>) -> Vec<Effect> {
    let action = match msg.into() {
        Msg::Action(action) => action,
        other => return answer(app, other),
    };
    if !matches!(action, Action::Resize(..)) {
        app.message = None;
    }
    if action == Action::Quit {
        app.quit = true;
        return Vec::new();
    }
    match std::mem::replace(&mut app.mode, Mode::Normal) {
        Mode::Form(mut form) => {
            let effects = update_form(&mut form, action);
            if action != Action::FormCancel {
                app.mode = Mode::Form(form);
            }
            return effects;
        }
        Mode::Confirm(c) => {
            return match action {
                Action::ConfirmYes => vec![c.effect],
                _ => {
                    app.notify("cancelled");
                    Vec::new()
                }
            };
        }
        Mode::Help => return Vec::new(),
        Mode::Filter => return update_filter(app, action),
        Mode::Normal => {}
    }
    update_normal(app, action)
}

/// An effect's answer.
fn answer(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Action(action) => update(app, action),
        Msg::Loaded(loaded) => apply(app, *loaded),
        Msg::Saved(Ok(saved)) => {
            // Close the form, say what was done, and read it all again.
            app.mode = Mode::Normal;
            if saved.deleted_client.is_some()
                && app.card.as_ref().map(|c| c.client_id) == saved.deleted_client
            {
                app.card = None;
            }
            app.notify(saved.message);
            vec![Effect::Reload]
        }
        Msg::Saved(Err(e)) => {
            // A form stays open with the reason under it.
            match &mut app.mode {
                Mode::Form(f) => f.error = Some(e),
                _ => app.warn(e),
            }
            Vec::new()
        }
        Msg::Ask(confirm) => {
            app.mode = Mode::Confirm(confirm);
            Vec::new()
        }
        Msg::Done(text) => {
            app.notify(text);
            Vec::new()
        }
        Msg::Failed(e) => {
            app.warn(e);
            Vec::new()
        }
    }
}

/// Install data an effect read.
fn apply(app: &mut App, loaded: Loaded) -> Vec<Effect> {
    match loaded {
        Loaded::Portfolio(view) => {
            // The data may have changed: count the log again.
            app.touch.forget_count();
            app.set_portfolio(view);
            // The portfolio names the clients every pane shows; the open
            // pane reads what it shows (the others when opened, so starting
            // over a large log does not wait for panes nobody looks at).
            let mut effects = vec![Effect::LoadHistory(app.month)];
            effects.extend(match app.pane {
                Pane::Portfolio => None,
                Pane::Touchpoints => Some(app.touch_window(true)),
                Pane::Agreements => Some(Effect::LoadAgreements),
                Pane::Plan => Some(Effect::LoadPlan(app.month)),
                Pane::Review => Some(Effect::LoadReview(app.month)),
            });
            if app.pane != Pane::Review {
                // Rebuilt when the pane is next opened.
                app.review = None;
            }
            effects.extend(app.card.as_ref().map(|c| Effect::LoadCard(c.client_id)));
            effects
        }
        Loaded::History(history) => {
            app.history = history;
            Vec::new()
        }
        Loaded::Touch(reply) => {
            let filter = app.touch_filter();
            match app.touch.loaded(reply, filter, app.list_height) {
                Ok(again) => again.map(Effect::Touch).into_iter().collect(),
                Err(e) => {
                    app.warn(e);
                    Vec::new()
                }
            }
        }
        Loaded::Plan(view) => {
            let n = view.plan.clients.len();
            app.plan = Some(view);
            app.plan_selected = app.plan_selected.min(n.saturating_sub(1));
            Vec::new()
        }
        Loaded::Agreements(rows) => {
            app.set_agreements(rows);
            Vec::new()
        }
        Loaded::Review(b) => {
            app.review_selected = app.review_selected.min(b.at_risk.len().saturating_sub(1));
            app.review = Some(b);
            Vec::new()
        }
        Loaded::Card(id, data) => {
            match (&mut app.card, data) {
                (Some(c), Some(data)) if c.client_id == id => c.data = Some(data),
                (Some(c), None) if c.client_id == id => app.card = None,
                _ => {}
            }
            Vec::new()
        }
    }
}

fn update_form(form: &mut Form, action: Action) -> Vec<Effect> {
    match action {
        Action::FormInput(c) => form.insert(c),
        Action::FormBackspace => form.backspace(),
        Action::FormDelete => form.delete(),
        Action::FormLeft => form.left(),
        Action::FormRight => form.right(),
        Action::FormHome => form.home(),
        Action::FormEnd => form.end(),
        Action::FormNext => {
            form.complete();
            form.next_field();
        }
        Action::FormPrev => form.prev_field(),
        Action::FormComplete => form.complete(),
        Action::FormSubmit => {
            form.complete();
            match form.values() {
                Ok(values) => return vec![Effect::Save(form.purpose.clone(), values)],
                Err(e) => form.error = Some(e),
            }
        }
        _ => {}
    }
    Vec::new()
}

fn update_filter(app: &mut App, action: Action) -> Vec<Effect> {
    let i = app.pane.index();
    match action {
        Action::FilterInput(c) => app.filters[i].push(c),
        Action::FilterBackspace => {
            app.filters[i].pop();
        }
        Action::FilterClear => {
            app.filters[i].clear();
            return refilter(app);
        }
        Action::FilterDone => return Vec::new(),
        Action::Up | Action::Down => {
            app.mode = Mode::Filter;
            let cur = app.current();
            return app.select(cur + if action == Action::Down { 1 } else { -1 });
        }
        _ => {}
    }
    app.mode = Mode::Filter;
    refilter(app)
}

/// Re-apply the current pane's filter.
fn refilter(app: &mut App) -> Vec<Effect> {
    match app.pane {
        Pane::Portfolio => {
            app.board_selected = [0; 3];
            app.rebuild_board();
            Vec::new()
        }
        Pane::Agreements => {
            app.agreement_selected = 0;
            app.rebuild_agreements();
            Vec::new()
        }
        Pane::Touchpoints => {
            app.touch.selected = 0;
            app.touch.offset = 0;
            vec![app.touch_window(true)]
        }
        _ => Vec::new(),
    }
}

fn update_normal(app: &mut App, action: Action) -> Vec<Effect> {
    let page = app.list_height.max(1) as isize;
    match action {
        Action::Resize(w, h) => {
            app.set_size(w, h);
            if app.pane == Pane::Touchpoints {
                // Keep the selection in view; read the window at its height.
                let cur = app.current();
                let e = app.select(cur);
                return if e.is_empty() {
                    vec![app.touch_window(false)]
                } else {
                    e
                };
            }
            Vec::new()
        }
        Action::Up if app.card.is_some() => {
            if let Some(c) = &mut app.card {
                c.scroll = c.scroll.saturating_sub(1);
            }
            Vec::new()
        }
        Action::Down if app.card.is_some() => {
            if let Some(c) = &mut app.card {
                c.scroll = c.scroll.saturating_add(1);
            }
            Vec::new()
        }
        Action::Up => {
            let cur = app.current();
            app.select(cur - 1)
        }
        Action::Down => {
            let cur = app.current();
            app.select(cur + 1)
        }
        Action::Top => app.select(0),
        Action::Bottom => app.select(isize::MAX / 2),
        Action::PageUp => {
            let cur = app.current();
            app.select(cur - page)
        }
        Action::PageDown => {
            let cur = app.current();
            app.select(cur + page)
        }
        Action::Left | Action::Right if app.pane == Pane::Portfolio => {
            app.column = if action == Action::Left {
                (app.column + 2) % 3
            } else {
                (app.column + 1) % 3
            };
            Vec::new()
        }
        Action::Left | Action::Right => Vec::new(),
        Action::SelectPane(p) => switch_pane(app, p),
        Action::NextPane => switch_pane(app, app.pane.step(1)),
        Action::PrevPane => switch_pane(app, app.pane.step(-1)),
        Action::StartFilter => {
            if matches!(
                app.pane,
                Pane::Portfolio | Pane::Touchpoints | Pane::Agreements
            ) && app.card.is_none()
            {
                app.mode = Mode::Filter;
            } else {
                app.warn("nothing to filter here");
            }
            Vec::new()
        }
        Action::Back => {
            if app.card.take().is_some() {
                return Vec::new();
            }
            if !app.filter().is_empty() {
                let i = app.pane.index();
                app.filters[i].clear();
                return refilter(app);
            }
            Vec::new()
        }
        Action::Help => {
            app.mode = Mode::Help;
            Vec::new()
        }
        Action::Reload => vec![Effect::Reload],
        Action::OpenCard => match app.selected_client() {
            Some(id) if app.card.is_none() => {
                app.card = Some(CardState {
                    client_id: id,
                    data: None,
                    scroll: 0,
                    contact: 0,
                });
                vec![Effect::LoadCard(id)]
            }
            Some(_) => Vec::new(),
            None => {
                app.warn("no client selected");
                Vec::new()
            }
        },
        Action::CycleSort => {
            app.sort = match app.sort {
                Sort::Revenue => Sort::Neglect,
                Sort::Neglect => Sort::Name,
                Sort::Name => Sort::Revenue,
            };
            app.rebuild_board();
            app.notify(format!("sorted by {}", app.sort.label()));
            Vec::new()
        }
        Action::ToggleClientScope => {
            if app.touch.scope.is_some() {
                app.touch.scope = None;
                app.notify("all clients");
            } else if let Some(c) = app.board_client() {
                let (id, name) = (c.client.id, c.client.name.clone());
                app.touch.scope = Some(id);
                app.notify(format!("only {name}"));
            } else {
                app.warn("select a client on the board first");
            }
            app.touch.selected = 0;
            app.touch.offset = 0;
            vec![app.touch_window(false)]
        }
        Action::MonthPrev | Action::MonthNext if matches!(app.pane, Pane::Plan | Pane::Review) => {
            app.month = app
                .month
                .plus_months(if action == Action::MonthPrev { -1 } else { 1 });
            app.plan_selected = 0;
            app.review_selected = 0;
            let month = app.month;
            if app.pane == Pane::Review {
                vec![Effect::LoadHistory(month), Effect::LoadReview(month)]
            } else {
                vec![Effect::LoadHistory(month), Effect::LoadPlan(month)]
            }
        }
        Action::WriteReport if app.pane == Pane::Review => match &app.review {
            Some(b) => vec![Effect::WriteReport(Box::new(Report {
                briefing: b.clone(),
                dir: app.report_dir.clone(),
                replace: false,
            }))],
            None => {
                app.warn("report: the briefing is not loaded yet");
                Vec::new()
            }
        },
        Action::WriteReport => Vec::new(),

        Action::MonthPrev | Action::MonthNext => Vec::new(),
        Action::ChangeTier | Action::ChangeStatus => {
            let Some(id) = app.selected_client() else {
                app.warn("no client selected");
                return Vec::new();
            };
            let client = app
                .portfolio
                .as_ref()
                .and_then(|p| p.clients.iter().find(|c| c.client.id == id))
                .map(|c| &c.client);
            let form = if action == Action::ChangeTier {
                // Preselect the likely move: potential <-> gold, toxic -> potential.
                let next = match client.map(|c| c.tier) {
                    Some(Tier::Potential) => "gold",
                    _ => "potential",
                };
                change_form(
                    app,
                    id,
                    "tier",
                    Purpose::ChangeTier(id),
                    vec!["gold", "potential", "toxic"],
                    next,
                )
            } else {
                let next = match client.map(|c| c.status) {
                    Some(crate::domain::Status::Active) => "paused",
                    _ => "active",
                };
                change_form(
                    app,
                    id,
                    "status",
                    Purpose::ChangeStatus(id),
                    vec!["active", "paused", "churned"],
                    next,
                )
            };
            app.mode = Mode::Form(form);
            Vec::new()
        }
        Action::MarkKept | Action::MarkBroken | Action::MarkCancelled => {
            if app.pane != Pane::Agreements {
                return Vec::new();
            }
            let status = match action {
                Action::MarkKept => AgreementStatus::Kept,
                Action::MarkBroken => AgreementStatus::Broken,
                _ => AgreementStatus::Cancelled,
            };
            match app.selected_agreement() {
                Some(a) if a.status == AgreementStatus::Open => {
                    let prompt = format!("Mark «{}» as {status}? y/n", a.text);
                    app.mode = Mode::Confirm(Confirm {
                        prompt,
                        effect: Effect::Close(a.id, status),
                    });
                }
                Some(a) => {
                    let s = a.status;
                    app.warn(format!("already {s}"));
                }
                None => app.warn("no agreement selected"),
            }
            Vec::new()
        }
        Action::NextContact => {
            match app.card.as_mut() {
                Some(card) => {
                    let n = card.data.as_ref().map_or(0, |d| d.contacts.len());
                    if n == 0 {
                        app.warn("no contacts yet: a adds one");
                    } else {
                        card.contact = (card.contact.min(n - 1) + 1) % n;
                    }
                }
                None => app.warn("open a client card first"),
            }
            Vec::new()
        }
        Action::EditContact => {
            match app.card.as_ref().and_then(CardState::marked_contact) {
                Some(c) => {
                    app.mode = Mode::Form(Form::new(
                        format!("Edit contact {}", c.name),
                        Purpose::EditContact(c.id),
                        contact_fields(Some(c)),
                        Vec::new(),
                    ));
                }
                None => app.warn("no contact to edit"),
            }
            Vec::new()
        }
        Action::DeleteContact => {
            match app.card.as_ref().and_then(CardState::marked_contact) {
                Some(c) => {
                    app.mode = Mode::Confirm(Confirm {
                        prompt: format!("Delete contact {}? y/n", c.name),
                        effect: Effect::Delete(Target::Contact(c.id)),
                    });
                }
                None => app.warn("no contact to delete"),
            }
            Vec::new()
        }
        Action::Add if app.card.is_some() => {
            if let Some(id) = app.selected_client() {
                app.mode = Mode::Form(Form::new(
                    format!("Add a contact at {}", app.name(id)),
                    Purpose::AddContact(id),
                    contact_fields(None),
                    Vec::new(),
                ));
            }
            Vec::new()
        }
        Action::Add => {
            app.mode = Mode::Form(add_form(app));
            Vec::new()
        }
        Action::SetTarget if app.pane == Pane::Plan => {
            let current = app
                .plan
                .as_ref()
                .and_then(|p| p.plan.figures.target)
                .map(|t| t.to_plain())
                .unwrap_or_default();
            app.mode = Mode::Form(Form::new(
                format!("Target for {}", app.month),
                Purpose::SetTarget,
                vec![
                    Field::new("Month", FieldKind::Month, app.month.to_string()),
                    Field::new("Target", FieldKind::Amount { positive: false }, current),
                ],
                Vec::new(),
            ));
            if let Mode::Form(f) = &mut app.mode {
                f.focus = 1;
            }
            Vec::new()
        }
        Action::AddInvoice if app.pane == Pane::Plan => {
            app.mode = Mode::Form(invoice_form(app));
            Vec::new()
        }
        Action::SetTarget | Action::AddInvoice => Vec::new(),
        Action::Edit => {
            match edit_form(app) {
                Some(f) => app.mode = Mode::Form(f),
                None => app.warn("nothing to edit here"),
            }
            Vec::new()
        }
        Action::Delete => {
            let target = match (app.card.as_ref(), app.pane) {
                (Some(c), _) => Some((
                    Target::Client(c.client_id),
                    format!("client {}", app.name(c.client_id)),
                )),
                (None, Pane::Portfolio) => app.board_client().map(|c| {
                    (
                        Target::Client(c.client.id),
                        format!("client {}", c.client.name),
                    )
                }),
                (None, Pane::Touchpoints) => app.selected_touchpoint().map(|t| {
                    (
                        Target::Touchpoint(t.id),
                        format!("touchpoint of {} «{}»", t.at, t.summary),
                    )
                }),
                (None, Pane::Agreements) => app
                    .selected_agreement()
                    .map(|a| (Target::Agreement(a.id), format!("agreement «{}»", a.text))),
                _ => None,
            };
            match target {
                Some((t, what)) => {
                    let extra = if matches!(t, Target::Client(_)) {
                        " and all its records"
                    } else {
                        ""
                    };
                    app.mode = Mode::Confirm(Confirm {
                        prompt: format!("Delete {what}{extra}? y/n"),
                        effect: Effect::Delete(t),
                    });
                }
                None => app.warn("nothing to delete here"),
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// The contact form's fields: blank for a new contact, or `c`'s values.
fn contact_fields(c: Option<&Contact>) -> Vec<Field> {
    let text = |f: fn(&Contact) -> Option<&String>| c.and_then(f).cloned().unwrap_or_default();
    vec![
        Field::new(
            "Person",
            FieldKind::Text { required: true },
            c.map(|c| c.name.clone()).unwrap_or_default(),
        ),
        Field::new(
            "Role",
            FieldKind::Text { required: false },
            text(|c| c.role.as_ref()),
        ),
        Field::new(
            "Decides",
            FieldKind::Choice(vec!["no", "yes"]),
            if c.is_some_and(|c| c.decision_maker) {
                "yes"
            } else {
                "no"
            },
        ),
        Field::new(
            "Phone",
            FieldKind::Text { required: false },
            text(|c| c.phone.as_ref()),
        ),
        Field::new(
            "Email",
            FieldKind::Text { required: false },
            text(|c| c.email.as_ref()),
        ),
        Field::new(
            "Birthday",
            FieldKind::Date { required: false },
            c.and_then(|c| c.birthday)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ),
    ]
}

/// A form moving a client to another tier or status: the likely choice
/// preselected, the reason (required) focused, dated today.
fn change_form(
    app: &App,
    id: Id,
    what: &'static str,
    purpose: Purpose,
    choices: Vec<&'static str>,
    preselected: &str,
) -> Form {
    let label = if what == "tier" { "Tier" } else { "Status" };
    let mut form = Form::new(
        format!("Change {what}: {}", app.name(id)),
        purpose,
        vec![
            Field::new(label, FieldKind::Choice(choices), preselected),
            Field::new("Reason", FieldKind::Text { required: true }, ""),
            Field::new(
                "On",
                FieldKind::Date { required: true },
                app.today.to_string(),
            ),
        ],
        Vec::new(),
    );
    form.focus = 1;
    form
}

fn switch_pane(app: &mut App, pane: Pane) -> Vec<Effect> {
    app.card = None;
    app.pane = pane;
    // Each pane reads what it shows when opened; the log's window comes at
    // once and its count when input is idle.
    match pane {
        Pane::Portfolio => Vec::new(),
        Pane::Touchpoints => vec![app.touch_window(true)],
        Pane::Agreements => vec![Effect::LoadAgreements],
        Pane::Plan => vec![Effect::LoadPlan(app.month)],
        Pane::Review => vec![Effect::LoadReview(app.month)],
    }
}

fn kinds() -> Vec<&'static str> {
    TouchKind::ALL.iter().map(|k| k.as_str()).collect()
}

fn touch_fields(app: &App, t: Option<&Touchpoint>) -> Vec<Field> {
    let client = t
        .map(|t| app.name(t.client_id).to_string())
        .unwrap_or_else(|| app.selected_client_name());
    vec![
        Field::new("Client", FieldKind::Client, client),
        Field::new(
            "Date",
            FieldKind::Date { required: true },
            t.map(|t| t.at).unwrap_or(app.today).to_string(),
        ),
        Field::new(
            "Kind",
            FieldKind::Choice(kinds()),
            t.map(|t| t.kind.as_str()).unwrap_or("call"),
        ),
        Field::new(
            "Summary",
            FieldKind::Text { required: true },
            t.map(|t| t.summary.clone()).unwrap_or_default(),
        ),
        Field::new(
            "Minutes",
            FieldKind::Number {
                min: 0,
                max: crate::ops::MAX_MINUTES,
                required: false,
            },
            t.map(|t| t.minutes.to_string()).unwrap_or_default(),
        ),
        Field::new(
            "Next step",
            FieldKind::Text { required: false },
            t.and_then(|t| t.next_step.clone()).unwrap_or_default(),
        ),
        Field::new(
            "Next due",
            FieldKind::Date { required: false },
            t.and_then(|t| t.next_due)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ),
    ]
}

fn agreement_fields(app: &App, a: Option<&Agreement>) -> Vec<Field> {
    let client = a
        .map(|a| app.name(a.client_id).to_string())
        .unwrap_or_else(|| app.selected_client_name());
    vec![
        Field::new("Client", FieldKind::Client, client),
        Field::new(
            "Agreement",
            FieldKind::Text { required: true },
            a.map(|a| a.text.clone()).unwrap_or_default(),
        ),
        Field::new(
            "Owed by",
            FieldKind::Choice(vec!["us", "client"]),
            a.map(|a| a.owner.as_str()).unwrap_or("us"),
        ),
        Field::new(
            "Due",
            FieldKind::Date { required: false },
            a.and_then(|a| a.due)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ),
        Field::new(
            "Made on",
            FieldKind::Date { required: true },
            a.map(|a| a.made_on).unwrap_or(app.today).to_string(),
        ),
    ]
}

fn invoice_form(app: &App) -> Form {
    Form::new(
        "Add an expected payment",
        Purpose::AddInvoice,
        vec![
            Field::new("Client", FieldKind::Client, app.selected_client_name()),
            Field::new("Month", FieldKind::Month, app.month.to_string()),
            Field::new("Amount", FieldKind::Amount { positive: true }, ""),
            Field::new(
                "Due",
                FieldKind::Date { required: true },
                app.month.last_day().to_string(),
            ),
        ],
        app.client_names(),
    )
}

fn add_form(app: &App) -> Form {
    let names = app.client_names();
    match app.pane {
        Pane::Touchpoints => Form::new(
            "Log a touchpoint",
            Purpose::AddTouchpoint,
            touch_fields(app, None),
            names,
        ),
        Pane::Agreements => Form::new(
            "Record an agreement",
            Purpose::AddAgreement,
            agreement_fields(app, None),
            names,
        ),
        Pane::Plan => Form::new(
            "Record a payment",
            Purpose::AddPayment,
            vec![
                Field::new("Client", FieldKind::Client, app.selected_client_name()),
                Field::new(
                    "Date",
                    FieldKind::Date { required: true },
                    app.today.to_string(),
                ),
                Field::new("Amount", FieldKind::Amount { positive: true }, ""),
                Field::new("Note", FieldKind::Text { required: false }, ""),
            ],
            names,
        ),
        _ => Form::new(
            "Add a client",
            Purpose::AddClient,
            vec![
                Field::new("Name", FieldKind::Text { required: true }, ""),
                Field::new(
                    "Tier",
                    FieldKind::Choice(vec!["gold", "potential", "toxic"]),
                    TIERS[app.column].as_str(),
                ),
                Field::new(
                    "Cadence (days)",
                    FieldKind::Number {
                        min: 1,
                        max: crate::ops::MAX_CADENCE,
                        required: false,
                    },
                    "",
                ),
                Field::new(
                    "Since",
                    FieldKind::Date { required: true },
                    app.today.to_string(),
                ),
                Field::new("Channel", FieldKind::Text { required: false }, ""),
                Field::new("Goal", FieldKind::Text { required: false }, ""),
            ],
            names,
        ),
    }
}

fn edit_form(app: &App) -> Option<Form> {
    let names = app.client_names();
    if app.card.is_some() || matches!(app.pane, Pane::Portfolio | Pane::Plan) {
        let id = app.selected_client()?;
        let c = app
            .portfolio
            .as_ref()?
            .clients
            .iter()
            .find(|c| c.client.id == id)?;
        let c = &c.client;
        return Some(Form::new(
            format!("Edit {}", c.name),
            Purpose::EditClient(c.id),
            vec![
                Field::new("Name", FieldKind::Text { required: true }, c.name.clone()),
                Field::new(
                    "Cadence (days)",
                    FieldKind::Number {
                        min: 1,
                        max: crate::ops::MAX_CADENCE,
                        required: false,
                    },
                    c.cadence_days.map(|d| d.to_string()).unwrap_or_default(),
                ),
                Field::new(
                    "Since",
                    FieldKind::Date { required: true },
                    c.since.to_string(),
                ),
                Field::new(
                    "Channel",
                    FieldKind::Text { required: false },
                    c.channel.clone().unwrap_or_default(),
                ),
                Field::new(
                    "Goal",
                    FieldKind::Text { required: false },
                    c.goal.clone().unwrap_or_default(),
                ),
                Field::new(
                    "Notes",
                    FieldKind::Text { required: false },
                    c.notes.clone(),
                ),
            ],
            names,
        ));
    }
    match app.pane {
        Pane::Touchpoints => {
            let t = app.selected_touchpoint()?;
            Some(Form::new(
                "Edit touchpoint",
                Purpose::EditTouchpoint(t.id),
                touch_fields(app, Some(t)),
                names,
            ))
        }
        Pane::Agreements => {
            let a = app.selected_agreement()?;
            Some(Form::new(
                "Edit agreement",
                Purpose::EditAgreement(a.id),
                agreement_fields(app, Some(a)),
                names,
            ))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        let mut a = App::new(
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default(),
            "test",
        );
        a.set_size(100, 30);
        a
    }

    #[test]
    fn panes_switch_by_number_and_tab() {
        let mut a = app();
        assert_eq!(
            update(&mut a, Action::SelectPane(Pane::Plan)),
            vec![Effect::LoadPlan(a.month)]
        );
        assert_eq!(a.pane, Pane::Plan);
        update(&mut a, Action::NextPane);
        assert_eq!(a.pane, Pane::Review);
        update(&mut a, Action::NextPane);
        assert_eq!(a.pane, Pane::Portfolio);
        update(&mut a, Action::PrevPane);
        assert_eq!(a.pane, Pane::Review);
    }

    #[test]
    fn touch_log_scrolls_by_windows() {
        let mut a = app();
        a.pane = Pane::Touchpoints;
        a.touch.total = 1_000_000;
        a.touch.rows = vec![];
        let h = a.list_height;
        // Moving inside the loaded window needs no query once rows are there.
        let e = update(&mut a, Action::PageDown);
        assert_eq!(a.touch.selected, h);
        assert_eq!(a.touch.offset, 1);
        assert!(
            matches!(e.as_slice(), [Effect::Touch(touchpoints::Read::Window(_))]),
            "{e:?}"
        );
        update(&mut a, Action::Bottom);
        assert_eq!(a.touch.selected, 999_999);
        assert_eq!(a.touch.offset, 1_000_000 - h);
        update(&mut a, Action::Top);
        assert_eq!((a.touch.selected, a.touch.offset), (0, 0));
        update(&mut a, Action::Up);
        assert_eq!(a.touch.selected, 0, "never above the first row");
    }

    /// A log of `n` touchpoints, newest first (row `i` at position `i`),
    /// and what the store would answer to a read of its window: the log's
    /// paging, driven through `update` with no database.
    fn log(n: usize) -> Vec<Touchpoint> {
        let day = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
        (0..n)
            .map(|i| Touchpoint {
                id: i as Id + 1,
                client_id: 1,
                at: day + chrono::Days::new((n - i) as u64),
                kind: TouchKind::Call,
                summary: format!("row {i}"),
                minutes: 0,
                next_step: None,
                next_due: None,
            })
            .collect()
    }

    fn answer(log: &[Touchpoint], effect: &Effect) -> Msg {
        use crate::ops::Seek;
        let Effect::Touch(touchpoints::Read::Window(read)) = effect else {
            panic!("not a window read: {effect:?}")
        };
        let at = |k: (NaiveDate, Id)| log.iter().position(|t| (t.at, t.id) == k).unwrap_or(0);
        let p = &read.plan;
        let mut rows: Vec<Touchpoint> = match p.seek {
            Seek::Newest => log.to_vec(),
            Seek::Oldest => log.iter().rev().cloned().collect(),
            Seek::Older(k) => log[at(k) + 1..].to_vec(),
            Seek::AtOrOlder(k) => log[at(k)..].to_vec(),
            Seek::Newer(k) => log[..at(k)].iter().rev().cloned().collect(),
        };
        rows = rows.into_iter().skip(p.skip).take(p.limit).collect();
        if matches!(p.seek, Seek::Oldest | Seek::Newer(_)) {
            rows.reverse();
        }
        let reply = touchpoints::Reply::Window {
            read: read.clone(),
            rows,
            stopped: None,
            end: None,
        };
        Msg::Loaded(Box::new(Loaded::Touch(reply)))
    }

    fn shown(a: &App) -> Vec<String> {
        a.touch.rows.iter().map(|t| t.summary.clone()).collect()
    }

    fn rows(from: usize, to: usize) -> Vec<String> {
        (from..to).map(|i| format!("row {i}")).collect()
    }

    #[test]
    fn the_log_pages_by_key_through_messages_without_a_store() {
        let log = log(1000);
        let mut a = app();
        a.set_size(100, 17); // ten rows a page
        let h = a.list_height;
        assert_eq!(h, 10);
        // Opening the pane asks for the newest page; its answer shows it
        // and starts the count (the total is provisional meanwhile).
        let e = update(&mut a, Action::SelectPane(Pane::Touchpoints));
        assert!(update(&mut a, answer(&log, &e[0])).is_empty());
        assert_eq!(shown(&a), rows(0, 10));
        assert!(a.touch.count_pending());
        assert_eq!(a.touch.total, 11, "the rows shown and one more");
        // An idle moment counts a slice; the last settles the total.
        let Some(Effect::Touch(touchpoints::Read::Count(read))) = a.idle_effect() else {
            panic!("no count")
        };
        let counted = touchpoints::Reply::Count {
            read,
            counted: Ok((1000, None, None)),
        };
        update(&mut a, Msg::Loaded(Box::new(Loaded::Touch(counted))));
        assert_eq!((a.touch.total, a.touch.count_pending()), (1000, false));
        // Moving inside the window reads nothing.
        for _ in 0..9 {
            assert!(update(&mut a, Action::Down).is_empty());
        }
        // One row past it: the row after the last key, the rest kept.
        let e = update(&mut a, Action::Down);
        let Effect::Touch(touchpoints::Read::Window(read)) = &e[0] else {
            panic!("{e:?}")
        };
        assert_eq!(
            read.plan.seek,
            crate::ops::Seek::Older((log[9].at, log[9].id))
        );
        assert_eq!(read.plan.limit, 1);
        update(&mut a, answer(&log, &e[0]));
        assert_eq!(shown(&a), rows(1, 11));
        assert_eq!(a.selected_touchpoint().map(|t| t.id), Some(11));
        // Two pages down before the first answer comes: that answer is for
        // a place the window no longer is, so it is asked for again.
        let first = update(&mut a, Action::PageDown);
        let second = update(&mut a, Action::PageDown);
        let again = update(&mut a, answer(&log, &first[0]));
        assert_eq!(again, second, "the stale answer asks for the window again");
        assert_eq!(shown(&a), rows(1, 11), "and changes nothing");
        update(&mut a, answer(&log, &again[0]));
        assert_eq!(shown(&a), rows(21, 31));
        assert_eq!(a.touch.selected, 30);
        // The end of a counted log, far off, is read from its oldest row.
        let e = update(&mut a, Action::Bottom);
        let Effect::Touch(touchpoints::Read::Window(read)) = &e[0] else {
            panic!("{e:?}")
        };
        assert_eq!(read.plan.seek, crate::ops::Seek::Oldest);
        update(&mut a, answer(&log, &e[0]));
        assert_eq!(shown(&a), rows(990, 1000));
        assert_eq!(a.selected_touchpoint().map(|t| t.id), Some(1000));
        // A page up from there: the rows before the first key.
        let e = update(&mut a, Action::PageUp);
        update(&mut a, answer(&log, &e[0]));
        assert_eq!(a.touch.selected, 989);
        assert_eq!(shown(&a), rows(989, 999));
    }

    #[test]
    fn filter_mode_takes_text_and_esc_clears() {
        let mut a = app();
        update(&mut a, Action::StartFilter);
        assert_eq!(a.mode, Mode::Filter);
        for c in "ром".chars() {
            update(&mut a, Action::FilterInput(c));
        }
        assert_eq!(a.filters[0], "ром");
        update(&mut a, Action::FilterBackspace);
        assert_eq!(a.filters[0], "ро");
        update(&mut a, Action::FilterClear);
        assert_eq!(a.filters[0], "");
        assert_eq!(a.mode, Mode::Normal);
    }

    #[test]
    fn forms_block_invalid_saves_and_esc_cancels() {
        let mut a = app();
        a.names.insert(1, "ООО Ромашка".into());
        update(&mut a, Action::SelectPane(Pane::Plan));
        update(&mut a, Action::Add); // record a payment
        let Mode::Form(f) = &a.mode else {
            panic!("expected a form")
        };
        assert_eq!(f.purpose, Purpose::AddPayment);
        // Empty client and amount: Enter does not save, it explains.
        assert!(update(&mut a, Action::FormSubmit).is_empty());
        let Mode::Form(f) = &a.mode else {
            panic!("form stays open")
        };
        assert!(f.error.as_deref().unwrap_or("").starts_with("Client"));
        // Keys typed into a form are text: 'q' does not quit.
        update(&mut a, Action::FormInput('q'));
        assert!(!a.quit);
        update(&mut a, Action::FormCancel);
        assert_eq!(a.mode, Mode::Normal);
    }

    #[test]
    fn valid_form_produces_a_save_effect() {
        let mut a = app();
        a.names.insert(1, "ООО Ромашка".into());
        update(&mut a, Action::SelectPane(Pane::Plan));
        update(&mut a, Action::Add);
        for c in "ромашка".chars() {
            update(&mut a, Action::FormInput(c));
        }
        update(&mut a, Action::FormNext); // completes the client name
        update(&mut a, Action::FormNext);
        for c in "1 250 000,50".chars() {
            update(&mut a, Action::FormInput(c));
        }
        let effects = update(&mut a, Action::FormSubmit);
        match effects.as_slice() {
            [Effect::Save(Purpose::AddPayment, values)] => {
                assert_eq!(values[0], Value::Client("ООО Ромашка".into()));
                assert_eq!(
                    values[2],
                    Value::Amount(crate::domain::Money::from_minor(125_000_050))
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn closing_an_agreement_asks_first() {
        let mut a = app();
        a.pane = Pane::Agreements;
        a.set_agreements(vec![Agreement {
            id: 7,
            client_id: 1,
            made_on: a.today,
            text: "Media plan".into(),
            owner: crate::domain::Owner::Us,
            due: None,
            status: AgreementStatus::Open,
            closed_on: None,
        }]);
        assert!(update(&mut a, Action::MarkKept).is_empty());
        assert!(matches!(a.mode, Mode::Confirm(_)));
        assert_eq!(
            update(&mut a, Action::ConfirmYes),
            vec![Effect::Close(7, AgreementStatus::Kept)]
        );
        update(&mut a, Action::MarkBroken);
        assert!(
            update(&mut a, Action::ConfirmNo).is_empty(),
            "anything but y cancels"
        );
        assert_eq!(a.mode, Mode::Normal);
    }

    #[test]
    fn month_moves_only_in_the_plan_pane() {
        let mut a = app();
        let m = a.month;
        update(&mut a, Action::MonthNext);
        assert_eq!(a.month, m);
        a.pane = Pane::Plan;
        update(&mut a, Action::MonthPrev);
        assert_eq!(a.month, m.prev());
    }
}
