//! The TUI's messages: what a key means (`Action`), what an effect found
//! (`Msg`), and the work `update` asks the runner for (`Effect`).

use crate::domain::{AgreementStatus, Id, Month};
use crate::ops::undo::{Inverse, Kind, Record};
use crate::ops::views::{ClientCard, MonthTotals, PortfolioView};

use super::app::Confirm;
use super::forms;
use super::panes::{self, Pane};
use super::undo::Change;

/// What a key means; the key tables (`keys`) map keys to these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Ctrl-Z: give the terminal back and stop (Unix); the runner does it.
    Suspend,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    Left,
    Right,
    SelectPane(Pane),
    /// A click on row `n` of the open list (the mouse).
    SelectRow(usize),
    /// A click on the board: column, row.
    SelectCell(usize, usize),
    NextPane,
    PrevPane,
    StartFilter,
    FilterInput(char),
    FilterBackspace,
    /// Ctrl-W: the last word of the filter goes.
    FilterDeleteWord,
    /// Ctrl-U: the filter is emptied (it stays open).
    FilterDeleteLine,
    FilterClear,
    FilterDone,
    OpenCard,
    /// `:` or Ctrl-P: the client picker opens (`picker`).
    OpenPicker,
    PickerInput(char),
    PickerBackspace,
    /// Ctrl-W: the last word of the query goes.
    PickerDeleteWord,
    /// Ctrl-U: the query is emptied.
    PickerDeleteLine,
    /// Enter: the selected client's card opens.
    PickerChoose,
    PickerCancel,
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
    /// `u`: undo the last change made in this session.
    Undo,
    ConfirmYes,
    ConfirmNo,
    FormInput(char),
    FormBackspace,
    FormDelete,
    /// Ctrl-W: the word before the cursor goes.
    FormDeleteWord,
    /// Ctrl-U: the text before the cursor goes.
    FormDeleteLine,
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

/// What `update` takes: what a key meant, or what an effect found.
#[derive(Debug)]
pub enum Msg {
    Action(Action),
    Loaded(Box<Loaded>),
    /// A write went through (or was refused: the reason).
    Saved(Result<Saved, super::form::Refused>),
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

/// Data an effect read.
#[derive(Debug)]
pub enum Loaded {
    /// The clients every pane names, with their signals.
    Portfolio(PortfolioView),
    /// The plan history for the header and the plan's chart.
    History(Vec<MonthTotals>),
    /// What one pane asked for.
    Pane(panes::Reply),
    /// A client's card; `None`: the client is gone (deleted elsewhere).
    Card(Id, Option<ClientCard>),
}

/// A write that went through: what to say, the client it deleted (its
/// card closes), the record it touched (selected once the lists are read
/// again) and how to undo it (`u`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Saved {
    pub message: String,
    pub deleted_client: Option<Id>,
    pub touched: Option<Box<Record>>,
    pub undo: Option<Box<Change>>,
}

impl Saved {
    /// A write that says `message`.
    pub fn said(message: impl Into<String>) -> Saved {
        Saved {
            message: message.into(),
            ..Saved::default()
        }
    }

    /// It touched `record`: the lists select it.
    pub fn touched(mut self, record: impl Into<Record>) -> Saved {
        self.touched = Some(Box::new(record.into()));
        self
    }

    /// `u` undoes it by `inverse`; `what` says what undoing it does.
    pub fn undo(mut self, inverse: Inverse, what: impl Into<String>) -> Saved {
        self.undo = Some(Box::new(Change {
            inverse,
            what: what.into(),
        }));
        self
    }
}

/// Work for the runner: reads and writes through the ops layer. Each is
/// answered with a [`Msg`] that goes back through `update`; effects never
/// change the `App` themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Re-read everything shown (after a write, or on request): the
    /// portfolio, then what the open pane and the card show.
    Reload,
    /// The plan history (12 months up to this one).
    LoadHistory(Month),
    /// What a pane asks for (see `panes::Request`).
    Pane(panes::Request),
    LoadCard(Id),
    /// A form's values, parsed.
    Save(forms::Save),
    /// Delete the record of this kind and id.
    Delete(Kind, Id),
    Close(Id, AgreementStatus),
    /// Undo a change (taken off the stack by `u`).
    Undo(Box<Change>),
}
