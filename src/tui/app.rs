//! The TUI's state and its update function. `App` holds the panes (each
//! with its own state, update and drawing, in `panes/`), the client card
//! drawn over them, and what is truly shared (`Shared`).
//! `update(&mut App, msg)` changes only the state and returns the effects
//! (store reads and writes) for the runner; their answers come back here as
//! messages. Tested without a terminal.

use std::collections::HashMap;
use std::time::Instant;

use chrono::NaiveDate;

pub use super::action::{Action, Effect, Loaded, Msg};
use super::form::{Field, FormError, Refused};
use super::forms::client::Changing;
use super::forms::{ChangeForm, Edit, Form, NewClientForm};
use super::panes::card::Card;
use super::panes::step;
pub use super::panes::{Component, Pane, Panes};
use super::picker::{Outcome, Picker};
use super::undo::UndoStack;
use super::view::{MIN_HEIGHT, MIN_WIDTH};
use crate::domain::{Client, Id, Month, fold};
use crate::ops::views::{MonthTotals, PortfolioView};

/// A question before an effect: `y` runs it, anything else cancels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub prompt: String,
    pub effect: Effect,
}

/// What keys mean now (see `keys::map_key`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Filter,
    Form(Box<Form>),
    Confirm(Confirm),
    Help,
    /// Jumping to a client by name.
    Picker(Picker),
}

/// What every pane sees, and may change: today, the month the plan and
/// review show, the portfolio every pane names clients from, the sizes, the
/// mode (a form or a question a pane opens) and the footer's message.
#[derive(Debug, Clone)]
pub struct Shared {
    pub today: NaiveDate,
    pub title: String,
    pub month: Month,
    pub portfolio: Option<PortfolioView>,
    pub names: HashMap<Id, String>,
    /// The plan history (12 months up to `month`): the header's figures
    /// and the plan pane's chart.
    pub history: Vec<MonthTotals>,
    /// Where `w` proposes to write the briefing (the runner sets the
    /// documents folder, else the data folder).
    pub report_dir: std::path::PathBuf,
    /// Rows a list shows at the current terminal size.
    pub list_height: usize,
    pub size: (u16, u16),
    pub mode: Mode,
    /// The first help row shown (help scrolls on a small screen).
    pub help_scroll: u16,
    /// A line for the footer: what just happened, or what went wrong.
    pub message: Option<(String, bool)>,
    /// When the runner first drew `message` (`None`: not yet); it fades
    /// 4 s later (see `toast`).
    pub message_at: Option<Instant>,
    /// The language values are shown in (`crate::format`).
    pub locale: crate::format::Locale,
    /// Clicks and the wheel are taken (the person's config, on by default).
    pub mouse: bool,
    /// The areas the last frame drew and what a click there means (the
    /// view notes them while drawing; see `mouse`).
    pub hits: std::cell::RefCell<Vec<super::mouse::Hit>>,
    /// The last click, to tell a double click.
    pub clicks: super::mouse::Clicks,
}

impl Shared {
    pub fn name(&self, id: Id) -> &str {
        self.names.get(&id).map(String::as_str).unwrap_or("?")
    }

    /// Every client's name, in the order a form completes them.
    pub fn client_names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.names.values().cloned().collect();
        v.sort_by_key(|n| fold(n));
        v
    }

    /// Client `id`'s record, from the portfolio.
    pub fn client(&self, id: Id) -> Option<&Client> {
        let view = self.portfolio.as_ref()?;
        view.clients
            .iter()
            .find(|c| c.client.id == id)
            .map(|c| &c.client)
    }

    pub fn open_form(&mut self, form: Form) {
        self.mode = Mode::Form(Box::new(form));
    }

    /// Ask `prompt` (a y/n question); `effect` runs on `y`.
    pub fn ask(&mut self, prompt: String, effect: Effect) {
        self.mode = Mode::Confirm(Confirm { prompt, effect });
    }

    /// Message `id` in the person's language.
    pub fn text(&self, id: &str) -> String {
        crate::format::text(self.locale, id)
    }

    pub fn notify(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), false));
        self.message_at = None;
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), true));
        self.message_at = None;
    }
}

#[derive(Debug, Clone)]
pub struct App {
    pub shared: Shared,
    pub panes: Panes,
    /// The pane open.
    pub pane: Pane,
    /// The client card, over the pane.
    pub card: Option<Card>,
    /// The changes made in this session that `u` undoes.
    pub undo: UndoStack,
    pub quit: bool,
}

impl App {
    pub fn new(today: NaiveDate, title: impl Into<String>) -> App {
        App {
            shared: Shared {
                today,
                title: title.into(),
                month: Month::of(today),
                portfolio: None,
                names: HashMap::new(),
                history: Vec::new(),
                report_dir: std::path::PathBuf::from("."),
                list_height: 10,
                size: (80, 24),
                mode: Mode::Normal,
                help_scroll: 0,
                message: None,
                message_at: None,
                locale: crate::format::Locale::En,
                mouse: true,
                hits: std::cell::RefCell::new(Vec::new()),
                clicks: Default::default(),
            },
            panes: Panes::default(),
            pane: Pane::Portfolio,
            card: None,
            undo: UndoStack::default(),
            quit: false,
        }
    }

    pub fn set_size(&mut self, width: u16, height: u16) {
        self.shared.size = (width, height);
        // Header, tab line, footer, borders and the list's header row.
        self.shared.list_height = usize::from(height.saturating_sub(7)).max(1);
    }

    /// The terminal is below the smallest size folio draws in: only the
    /// "too small" message is on screen.
    pub fn too_small(&self) -> bool {
        let (w, h) = self.shared.size;
        w < MIN_WIDTH || h < MIN_HEIGHT
    }

    /// The open pane.
    pub fn current(&self) -> &dyn Component {
        self.panes.get(self.pane)
    }

    /// The keys whose meaning depends on the open pane's focus, for the
    /// footer and help (none under the card).
    pub fn focus_keys(&self) -> &'static [super::keys::Binding] {
        match self.card {
            Some(_) => &[],
            None => self.current().focus_keys(),
        }
    }

    /// The open pane's filter as typed ("" when it has none).
    pub fn filter(&self) -> &str {
        self.current().filter().unwrap_or("")
    }

    /// The open pane can be filtered (and the card is not over it).
    pub fn filterable(&self) -> bool {
        self.card.is_none() && self.current().filter().is_some()
    }

    /// The client the current selection is about: the card's, or the open
    /// pane's selection.
    pub fn selected_client(&self) -> Option<Id> {
        match &self.card {
            Some(card) => Some(card.client_id),
            None => self.current().selected_client(&self.shared),
        }
    }

    /// Work deferred while keys come in (filling a short window of the
    /// filtered log, then counting it), for a moment when none is waiting.
    pub fn idle_effect(&mut self) -> Option<Effect> {
        let (panes, shared) = (&mut self.panes, &self.shared);
        Pane::ALL
            .iter()
            .find_map(|&p| panes.get_mut(p).idle(shared))
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
        app.shared.message = None;
    }
    if action == Action::Quit {
        app.quit = true;
        return Vec::new();
    }
    // A resize keeps whatever is open (form, question, help).
    if let Action::Resize(w, h) = action {
        app.set_size(w, h);
        return app.panes.get_mut(app.pane).resized(&mut app.shared);
    }
    // Behind the "terminal too small" screen nothing can be seen, so no key
    // may act there (an `x` then a `y` would delete a record unseen).
    if app.too_small() {
        return Vec::new();
    }
    match std::mem::replace(&mut app.shared.mode, Mode::Normal) {
        Mode::Form(mut form) => {
            let effects = update_form(&mut form, action);
            if action == Action::FormCancel {
                app.shared.notify(app.shared.text("tui-cancelled"));
            } else {
                app.shared.mode = Mode::Form(form);
            }
            effects
        }
        Mode::Confirm(c) if action == Action::ConfirmYes => vec![c.effect],
        Mode::Confirm(_) => {
            app.shared.notify(app.shared.text("tui-cancelled"));
            Vec::new()
        }
        Mode::Help => {
            update_help(app, action);
            Vec::new()
        }
        Mode::Filter => update_filter(app, action),
        Mode::Picker(mut picker) => match picker.update(action, &app.shared) {
            Outcome::Open => {
                app.shared.mode = Mode::Picker(picker);
                Vec::new()
            }
            Outcome::Closed => Vec::new(),
            Outcome::Chosen(id) => open_card(app, id),
        },
        Mode::Normal => update_normal(app, action),
    }
}

/// An effect's answer.
fn answer(app: &mut App, msg: Msg) -> Vec<Effect> {
    let shared = &mut app.shared;
    match msg {
        Msg::Action(action) => update(app, action),
        Msg::Loaded(loaded) => apply(app, *loaded),
        Msg::Saved(Ok(saved)) => {
            // Close the form, say what was done, and read it all again.
            shared.mode = Mode::Normal;
            shared.notify(saved.message);
            if let Some(id) = saved.deleted_client {
                app.undo.forget_client(id);
                // Its card, if open, closes.
                app.card.take_if(|c| c.client_id == id);
            }
            if let Some(change) = saved.undo {
                app.undo.push(*change);
            }
            // The record saved is selected once the lists are read again.
            if let Some(record) = &saved.touched {
                app.panes.follow(record);
            }
            vec![Effect::Reload]
        }
        Msg::Saved(Err(e)) => {
            // A form stays open with the reason under it (the file `w`
            // could not write, too).
            match &mut shared.mode {
                Mode::Form(f) => f.error = Some(FormError::Refused(e)),
                _ => shared.warn(e.message),
            }
            Vec::new()
        }
        Msg::Ask(confirm) => {
            shared.mode = Mode::Confirm(confirm);
            Vec::new()
        }
        Msg::Done(text) => {
            // A form that asked for it (where to write) is done too.
            shared.mode = Mode::Normal;
            shared.notify(text);
            Vec::new()
        }
        Msg::Failed(e) => answer(app, Msg::Saved(Err(Refused::new(e)))),
    }
}

/// Install data an effect read.
fn apply(app: &mut App, loaded: Loaded) -> Vec<Effect> {
    let shared = &mut app.shared;
    match loaded {
        Loaded::Portfolio(view) => {
            shared.names = view
                .clients
                .iter()
                .map(|c| (c.client.id, c.client.name.clone()))
                .collect();
            shared.portfolio = Some(view);
            // The portfolio names the clients every pane shows; the open
            // pane reads what it shows (the others when opened, so starting
            // over a large log does not wait for panes nobody looks at).
            let mut effects = vec![Effect::LoadHistory(shared.month)];
            for &pane in Pane::ALL {
                effects.extend(app.panes.get_mut(pane).reloaded(shared, pane == app.pane));
            }
            effects.extend(app.card.as_ref().map(|c| Effect::LoadCard(c.client_id)));
            effects
        }
        Loaded::History(history) => {
            shared.history = history;
            Vec::new()
        }
        Loaded::Pane(reply) => app.panes.deliver(reply, shared),
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
        Action::FormInput(c) => form.edit(Edit::Text, |f| f.insert(c)),
        Action::FormBackspace => form.edit(Edit::Text, Field::backspace),
        // Delete has always left the save error shown (unlike Backspace).
        Action::FormDelete => form.edit(Edit::Cursor, Field::delete),
        Action::FormDeleteWord => form.edit(Edit::Text, Field::delete_word),
        Action::FormDeleteLine => form.edit(Edit::Text, Field::delete_line),
        Action::FormLeft => form.edit(Edit::Cursor, Field::left),
        Action::FormRight => form.edit(Edit::Cursor, Field::right),
        Action::FormHome => form.edit(Edit::Cursor, Field::home),
        Action::FormEnd => form.edit(Edit::Cursor, Field::end),
        Action::FormNext => {
            form.complete();
            form.step_field(1);
        }
        Action::FormPrev => form.step_field(-1),
        Action::FormComplete => form.complete(),
        Action::FormSubmit => match form.submit() {
            Ok(save) => return vec![Effect::Save(save)],
            Err(e) => form.error = Some(FormError::Field(e)),
        },
        _ => {}
    }
    Vec::new()
}

/// Help stays open until `Back` (`?`, `Esc`, `q`); movement scrolls it.
fn update_help(app: &mut App, action: Action) {
    let (page, max) = super::view::help_page(app);
    let page = page.max(1);
    let s = app.shared.help_scroll.min(max);
    app.shared.help_scroll = match action {
        Action::Back => return,
        Action::Down => s.saturating_add(1),
        Action::Up => s.saturating_sub(1),
        Action::Top => 0,
        Action::Bottom => max,
        Action::PageDown => s.saturating_add(page),
        Action::PageUp => s.saturating_sub(page),
        _ => s,
    }
    .min(max);
    app.shared.mode = Mode::Help;
}

fn update_filter(app: &mut App, action: Action) -> Vec<Effect> {
    let pane = app.panes.get_mut(app.pane);
    let shared = &mut app.shared;
    shared.mode = Mode::Filter;
    let Some(filter) = pane.filter_mut() else {
        shared.mode = Mode::Normal;
        return Vec::new();
    };
    match action {
        Action::FilterInput(c) => filter.push(c),
        Action::FilterBackspace => {
            filter.pop();
        }
        // The filter is edited at its end: Ctrl-U (to the start of the
        // line, as readline's) empties it.
        Action::FilterDeleteWord => super::form::drop_last_word(filter),
        Action::FilterDeleteLine => filter.clear(),
        Action::FilterClear => {
            filter.clear();
            shared.mode = Mode::Normal;
        }
        Action::FilterDone => {
            shared.mode = Mode::Normal;
            return Vec::new();
        }
        Action::Up | Action::Down => return pane.update(action, shared),
        _ => {}
    }
    pane.refilter(shared)
}

fn update_normal(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::SelectPane(p) => switch_pane(app, p),
        Action::NextPane => switch_pane(app, step(Pane::ALL, app.pane, 1)),
        Action::PrevPane => switch_pane(app, step(Pane::ALL, app.pane, -1)),
        Action::StartFilter => {
            if app.filterable() {
                app.shared.mode = Mode::Filter;
            } else {
                app.shared.warn(app.shared.text("tui-nothing-to-filter"));
            }
            Vec::new()
        }
        Action::Back => {
            if app.card.take().is_some() {
                return Vec::new();
            }
            let pane = app.panes.get_mut(app.pane);
            if let Some(effects) = pane.back(&mut app.shared) {
                return effects;
            }
            match pane.filter_mut() {
                Some(filter) if !filter.is_empty() => {
                    filter.clear();
                    pane.refilter(&mut app.shared)
                }
                _ => Vec::new(),
            }
        }
        Action::Help => {
            app.shared.mode = Mode::Help;
            app.shared.help_scroll = 0;
            Vec::new()
        }
        Action::Reload => vec![Effect::Reload],
        Action::Undo => match app.undo.pop() {
            Some(change) => vec![Effect::Undo(Box::new(change))],
            None => {
                app.shared.notify(app.shared.text("tui-nothing-to-undo"));
                Vec::new()
            }
        },
        Action::OpenPicker => {
            app.shared.mode = Mode::Picker(Picker::open(&app.shared));
            Vec::new()
        }
        // Enter means the pane's own where it says so (a Plan figure's
        // rows, a Review day's payments); elsewhere the client's card.
        Action::OpenCard
            if app.card.is_none()
                && let Some(effects) = app.panes.get_mut(app.pane).enter(&mut app.shared) =>
        {
            effects
        }
        Action::OpenCard => match app.selected_client() {
            Some(id) if app.card.is_none() => open_card(app, id),
            Some(_) => Vec::new(),
            None => {
                app.shared.warn(app.shared.text("tui-no-client-selected"));
                Vec::new()
            }
        },
        Action::ChangeTier | Action::ChangeStatus => {
            let changing = if action == Action::ChangeTier {
                Changing::Tier
            } else {
                Changing::Status
            };
            match app.selected_client() {
                Some(id) => app
                    .shared
                    .open_form(ChangeForm::open(&app.shared, id, changing)),
                None => app.shared.warn(app.shared.text("tui-no-client-selected")),
            }
            Vec::new()
        }
        Action::ToggleClientScope => {
            // The log's scope is the client selected on the board.
            let board = app
                .panes
                .portfolio
                .client(&app.shared)
                .map(|c| (c.client.id, c.client.name.clone()));
            app.panes.touch.toggle_scope(board, &mut app.shared)
        }
        _ => {
            if let Some(card) = &mut app.card
                && let Some(effects) = card.update(action, &mut app.shared)
            {
                return effects;
            }
            if action == Action::Add {
                // What the pane lists; where it lists nothing of its own
                // (the board, the review), a client in the board's column.
                let form = app.current().add(&app.shared).unwrap_or_else(|| {
                    NewClientForm::open(&app.shared, app.panes.portfolio.column_tier())
                });
                app.shared.open_form(form);
                return Vec::new();
            }
            app.panes.get_mut(app.pane).update(action, &mut app.shared)
        }
    }
}

/// Open client `id`'s card over the pane (in place of a card open).
fn open_card(app: &mut App, id: Id) -> Vec<Effect> {
    app.card = Some(Card::new(id));
    vec![Effect::LoadCard(id)]
}

/// Open `pane`: it reads what it shows (the log's window at once, its count
/// when input is idle).
fn switch_pane(app: &mut App, pane: Pane) -> Vec<Effect> {
    app.card = None;
    app.pane = pane;
    app.panes.get_mut(pane).open(&mut app.shared)
}

#[cfg(test)]
impl App {
    pub fn name(&self, id: Id) -> &str {
        self.shared.name(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Agreement, AgreementStatus};
    use crate::tui::forms::{Kind, Save};
    use crate::tui::panes::{Request, touchpoints};

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
            vec![Effect::Pane(Request::Plan(a.shared.month))]
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
        a.panes.touch.total = 1_000_000;
        a.panes.touch.rows = vec![];
        let h = a.shared.list_height;
        // Moving inside the loaded window needs no query once rows are there.
        let e = update(&mut a, Action::PageDown);
        assert_eq!(a.panes.touch.selected, h);
        assert_eq!(a.panes.touch.offset, 1);
        assert!(
            matches!(
                e.as_slice(),
                [Effect::Pane(Request::Touch(touchpoints::Read::Window(_)))]
            ),
            "{e:?}"
        );
        update(&mut a, Action::Bottom);
        assert_eq!(a.panes.touch.selected, 999_999);
        assert_eq!(a.panes.touch.offset, 1_000_000 - h);
        update(&mut a, Action::Top);
        assert_eq!((a.panes.touch.selected, a.panes.touch.offset), (0, 0));
        update(&mut a, Action::Up);
        assert_eq!(a.panes.touch.selected, 0, "never above the first row");
    }

    #[test]
    fn filter_mode_takes_text_and_esc_clears() {
        let mut a = app();
        update(&mut a, Action::StartFilter);
        assert_eq!(a.shared.mode, Mode::Filter);
        for c in "ром".chars() {
            update(&mut a, Action::FilterInput(c));
        }
        assert_eq!(a.panes.portfolio.filter, "ром");
        update(&mut a, Action::FilterBackspace);
        assert_eq!(a.panes.portfolio.filter, "ро");
        update(&mut a, Action::FilterClear);
        assert_eq!(a.panes.portfolio.filter, "");
        assert_eq!(a.shared.mode, Mode::Normal);
    }

    #[test]
    fn ctrl_w_and_ctrl_u_edit_the_filter_and_the_form() {
        let mut a = app();
        update(&mut a, Action::StartFilter);
        for c in "ром отчёт".chars() {
            update(&mut a, Action::FilterInput(c));
        }
        update(&mut a, Action::FilterDeleteWord);
        assert_eq!(a.panes.portfolio.filter, "ром ");
        update(&mut a, Action::FilterInput('x'));
        update(&mut a, Action::FilterDeleteLine);
        assert_eq!(a.panes.portfolio.filter, "");
        assert_eq!(a.shared.mode, Mode::Filter, "the filter stays open");
        update(&mut a, Action::FilterDone);

        update(&mut a, Action::Add);
        for c in "Acme Trading".chars() {
            update(&mut a, Action::FormInput(c));
        }
        update(&mut a, Action::FormDeleteWord);
        let Mode::Form(form) = &a.shared.mode else {
            panic!("{:?}", a.shared.mode)
        };
        assert_eq!(form.fields()[0].value, "Acme ");
        update(&mut a, Action::FormDeleteLine);
        let Mode::Form(form) = &a.shared.mode else {
            panic!("{:?}", a.shared.mode)
        };
        assert_eq!(form.fields()[0].value, "");
    }

    #[test]
    fn forms_block_invalid_saves_and_esc_cancels() {
        let mut a = app();
        a.shared.names.insert(1, "ООО Ромашка".into());
        update(&mut a, Action::SelectPane(Pane::Plan));
        update(&mut a, Action::Add); // record a payment
        let Mode::Form(f) = &a.shared.mode else {
            panic!("expected a form")
        };
        assert!(matches!(f.kind, Kind::Payment(_)), "{f:?}");
        // Empty client and amount: Enter does not save, it explains.
        assert!(update(&mut a, Action::FormSubmit).is_empty());
        let Mode::Form(f) = &a.shared.mode else {
            panic!("form stays open")
        };
        let error = f.error.as_ref().map(|e| e.say(crate::format::Locale::En));
        assert!(error.unwrap_or_default().starts_with("Client"));
        // Keys typed into a form are text: 'q' does not quit.
        update(&mut a, Action::FormInput('q'));
        assert!(!a.quit);
        update(&mut a, Action::FormCancel);
        assert_eq!(a.shared.mode, Mode::Normal);
    }

    #[test]
    fn valid_form_produces_a_save_effect() {
        let mut a = app();
        a.shared.names.insert(1, "ООО Ромашка".into());
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
            [Effect::Save(Save::AddPayment(client, p))] => {
                assert_eq!(client, "ООО Ромашка");
                assert_eq!(p.amount, crate::domain::Money::from_minor(125_000_050));
                assert_eq!((p.on, p.note.as_str()), (a.shared.today, ""));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn closing_an_agreement_asks_first() {
        let mut a = app();
        a.pane = Pane::Agreements;
        let rows = vec![Agreement {
            id: 7,
            client_id: 1,
            made_on: a.shared.today,
            text: "Media plan".into(),
            owner: crate::domain::Owner::Us,
            due: None,
            status: AgreementStatus::Open,
            closed_on: None,
        }];
        a.panes.agreements.loaded(rows, &a.shared);
        assert!(update(&mut a, Action::MarkKept).is_empty());
        assert!(matches!(a.shared.mode, Mode::Confirm(_)));
        assert_eq!(
            update(&mut a, Action::ConfirmYes),
            vec![Effect::Close(7, AgreementStatus::Kept)]
        );
        update(&mut a, Action::MarkBroken);
        assert!(
            update(&mut a, Action::ConfirmNo).is_empty(),
            "anything but y cancels"
        );
        assert_eq!(a.shared.mode, Mode::Normal);
    }

    #[test]
    fn month_moves_only_in_the_plan_pane() {
        let mut a = app();
        let m = a.shared.month;
        update(&mut a, Action::MonthNext);
        assert_eq!(a.shared.month, m);
        a.pane = Pane::Plan;
        update(&mut a, Action::MonthPrev);
        assert_eq!(a.shared.month, m.prev());
    }

    #[test]
    fn esc_on_a_form_says_it_cancelled() {
        let mut a = app();
        update(&mut a, Action::Add);
        assert!(matches!(a.shared.mode, Mode::Form(_)));
        update(&mut a, Action::FormCancel);
        assert_eq!(a.shared.mode, Mode::Normal);
        assert_eq!(a.shared.message, Some(("cancelled".into(), false)));
    }
}
