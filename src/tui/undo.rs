//! `u`: undo the last change made in this session. Every write the TUI
//! makes says how to undo it (a [`Change`]: its inverse from
//! `ops::undo`, and what undoing it does, in words); the last [`LIMIT`]
//! are kept, and `u` undoes the newest. A client deleted is not among
//! them: its backup copy and `folio restore` are the way back.
//!
//! A change from a new place in the TUI (a payment deleted from the Plan
//! pane, say) becomes undoable with one line where its save is answered:
//! `Saved::said(..).undo(Inverse::Reinsert(payment.into()), "payment …")`.

use std::collections::VecDeque;

use super::action::{Msg, Saved};
use crate::domain::Id;
use crate::ops::undo::{self, Inverse};
use crate::store::Store;

/// How many changes `u` can undo, newest first.
pub const LIMIT: usize = 20;

/// A change made in this session, and how to undo it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub inverse: Inverse,
    /// What undoing it does, after "Undid: ": "tier of ООО Ромашка back to
    /// potential".
    pub what: String,
}

/// The changes `u` can undo, oldest first (at most [`LIMIT`]).
#[derive(Debug, Clone, Default)]
pub struct UndoStack {
    changes: VecDeque<Change>,
}

impl UndoStack {
    /// Keep a change; past the limit the oldest is forgotten.
    pub fn push(&mut self, change: Change) {
        if self.changes.len() == LIMIT {
            self.changes.pop_front();
        }
        self.changes.push_back(change);
    }

    /// Client `id` was deleted (with its records): its changes can no
    /// longer be undone.
    pub fn forget_client(&mut self, id: Id) {
        self.changes.retain(|c| c.inverse.client_id() != id);
    }

    /// The newest change, taken off the stack.
    pub fn pop(&mut self) -> Option<Change> {
        self.changes.pop_back()
    }
}

#[cfg(test)]
impl UndoStack {
    pub fn len(&self) -> usize {
        self.changes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// Undo `change` against the store: the answer for `update`. Done, it says
/// what it undid and selects the record it put back; refused (the record
/// changed since), the reason. Either way the change is off the stack.
pub fn perform(store: &mut Store, loc: crate::format::Locale, change: Change) -> Msg {
    let what = [("what", change.what.as_str().into())];
    Msg::Saved(
        undo::undo(store, &change.inverse)
            .map(|()| Saved {
                message: crate::format::text_with(loc, "toast-undid", &what),
                touched: change.inverse.kept().map(Box::new),
                ..Saved::default()
            })
            .map_err(|e| crate::tui::form::Refused::of(loc, &e)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Client, Status, Tier};
    use crate::ops::undo::Record;

    fn change(n: i64) -> Change {
        let client = Client {
            id: n,
            name: format!("client {n}"),
            tier: Tier::Gold,
            status: Status::Active,
            since: chrono::NaiveDate::MIN,
            cadence_days: None,
            channel: None,
            goal: None,
            notes: String::new(),
        };
        Change {
            inverse: Inverse::Remove(Record::Client(client)),
            what: format!("new client {n}"),
        }
    }

    #[test]
    fn the_stack_keeps_the_last_twenty_changes_newest_first() {
        let mut stack = UndoStack::default();
        assert!(stack.pop().is_none());
        for n in 1..=25 {
            stack.push(change(n));
        }
        assert_eq!(stack.len(), LIMIT);
        let undone: Vec<String> = std::iter::from_fn(|| stack.pop().map(|c| c.what)).collect();
        let expected: Vec<String> = (6..=25).rev().map(|n| format!("new client {n}")).collect();
        assert_eq!(undone, expected, "the oldest five are forgotten");
        assert!(stack.is_empty());
    }
}
