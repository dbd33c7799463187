//! Pane 5: the one-on-one briefing for the selected month: plan gauge and
//! 12-month bars, then four sections that take the focus (`h`/`l`, as the
//! board's columns) and scroll (`j`/`k`/`g`/`G`/PgUp/PgDn): clients at
//! risk (Enter opens the card), talking points, tier moves and the next 14
//! days, whose same-day payments are one row that Enter opens and closes.
//! The drawing is in `review/draw.rs`, the month's plan and chart in
//! `review/month.rs`.

mod draw;
mod month;

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Component, Request, delete, edit, moved, reselect, step, step_month};
use crate::domain::briefing::{Briefing, Upcoming, UpcomingKind};
use crate::domain::{Id, Money, Month};
use crate::files::{Out, OutError};
use crate::format::text_with;
use crate::ops::{OpResult, views};
use crate::store::Store;
use crate::tui::action::{Action, Effect, Msg};
use crate::tui::app::{Confirm, Shared};
use crate::tui::forms::BriefingForm;
use crate::tui::view::Theme;

/// The sections that take the focus, in the order `l` visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    #[default]
    AtRisk,
    Points,
    Moves,
    Next,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::AtRisk,
        Section::Points,
        Section::Moves,
        Section::Next,
    ];
}

/// A row of "Next 14 days" as grouped: one item, or one day's payments
/// (two or more), with their sum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    One(Upcoming),
    Payments {
        date: NaiveDate,
        items: Vec<Upcoming>,
        total: Money,
    },
}

impl Entry {
    pub fn date(&self) -> NaiveDate {
        match self {
            Entry::One(u) => u.date,
            Entry::Payments { date, .. } => *date,
        }
    }
}

/// The next days' items with each day's payments made one entry (where a
/// day has two or more); an entry stands where its first item stood.
pub fn group_next(items: &[Upcoming]) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    // Where each day's payments are in `out`.
    let mut day_at: HashMap<NaiveDate, usize> = HashMap::new();
    for u in items {
        if u.kind() != UpcomingKind::Invoice {
            out.push(Entry::One(u.clone()));
            continue;
        }
        let Some(&at) = day_at.get(&u.date) else {
            day_at.insert(u.date, out.len());
            out.push(Entry::One(u.clone()));
            continue;
        };
        // The day's second payment makes its first one a day's payments.
        let entry = &mut out[at];
        if let Entry::One(first) = entry {
            let first = first.clone();
            let total = first.amount.unwrap_or_default();
            let (date, items) = (u.date, vec![first]);
            *entry = Entry::Payments { date, items, total };
        }
        if let Entry::Payments { items, total, .. } = entry {
            items.push(u.clone());
            *total = total.plus(u.amount.unwrap_or_default());
        }
    }
    out
}

/// A row on screen in "Next 14 days": an entry, or (under an open day) one
/// of its payments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Entry(usize),
    Item(usize, usize),
}

impl Row {
    pub fn entry(self) -> usize {
        match self {
            Row::Entry(e) | Row::Item(e, _) => e,
        }
    }
}

/// The rows shown: each entry, and under a day's payments that is open
/// (its date in `open`), each payment.
pub fn next_rows(entries: &[Entry], open: &BTreeSet<NaiveDate>) -> Vec<Row> {
    let mut rows = Vec::new();
    for (e, entry) in entries.iter().enumerate() {
        rows.push(Row::Entry(e));
        if let Entry::Payments { date, items, .. } = entry
            && open.contains(date)
        {
            rows.extend((0..items.len()).map(|i| Row::Item(e, i)));
        }
    }
    rows
}

/// The month shown is `Shared::month` (the plan's too).
#[derive(Debug, Clone, Default)]
pub struct ReviewPane {
    /// Built when the pane is opened; dropped when the data changes
    /// elsewhere (rebuilt when next opened).
    pub briefing: Option<Briefing>,
    /// The at-risk client selected.
    pub selected: usize,
    /// The section the keys move in.
    pub focus: Section,
    /// The talking point, tier move and next-days row selected.
    pub point: usize,
    pub tier_move: usize,
    pub next: usize,
    /// The next days grouped (built when the briefing is loaded).
    pub entries: Vec<Entry>,
    /// The days whose payments are open.
    pub open: BTreeSet<NaiveDate>,
    /// The rows of "Next 14 days" as shown (`next_rows`).
    pub rows: Vec<Row>,
}

/// The briefing to write, the file, and whether the user said `y` to
/// replacing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub briefing: Briefing,
    /// The language to write it in.
    pub locale: crate::format::Locale,
    pub path: std::path::PathBuf,
    pub replace: bool,
}

/// What the pane reads: the month's briefing.
pub fn read(store: &mut Store, month: Month, today: NaiveDate) -> OpResult<Briefing> {
    views::briefing(store, month, today)
}

/// The briefing as Markdown in the file given (the `w` prompt's). An
/// existing file is replaced only after a `y` to a question naming it; the
/// portfolio and other databases never (the rule of [`crate::files`]).
pub fn write(store: &Store, report: Report) -> OpResult<Msg> {
    let path = report.path.clone();
    let shown = std::path::absolute(&path).unwrap_or_else(|_| path.clone());
    let shown = shown.display().to_string();
    let said = |id: &str| text_with(report.locale, id, &[("path", shown.as_str().into())]);
    let out = match Out::resolve(&path, report.replace, store.path()) {
        Ok(out) => out,
        Err(e @ (OutError::Exists(_) | OutError::Symlink(_))) => {
            let question = match e {
                OutError::Exists(_) => "review-write-exists",
                _ => "review-write-symlink",
            };
            let prompt = said(question);
            let again = Report {
                replace: true,
                ..report
            };
            let effect = Effect::Pane(Request::WriteReport(Box::new(again)));
            return Ok(Msg::Ask(Confirm { prompt, effect }));
        }
        Err(e) => return Err(e.into()),
    };
    let text = crate::io::report::markdown_in(report.locale, &report.briefing);
    out.write(|w| w.write_all(text.as_bytes()))?;
    Ok(Msg::Done(said("review-wrote")))
}

impl ReviewPane {
    /// Install the briefing read; another month starts at its first rows.
    pub fn loaded(&mut self, b: Briefing) {
        match &self.briefing {
            // The same month read again: the selection stays on its client.
            Some(old) if old.month == b.month => {
                let keep = old.at_risk.get(self.selected).map(|r| r.client_id);
                let ids = b.at_risk.iter().map(|r| r.client_id);
                self.selected = reselect(keep, self.selected, ids);
            }
            _ => {
                self.selected = 0;
                self.point = 0;
                self.tier_move = 0;
                self.next = 0;
                self.open.clear();
            }
        }
        self.entries = group_next(&b.next_14_days);
        let days: BTreeSet<NaiveDate> = self.entries.iter().map(Entry::date).collect();
        self.open.retain(|d| days.contains(d));
        self.rows = next_rows(&self.entries, &self.open);
        self.briefing = Some(b);
        self.clamp();
    }

    /// Rows in a section.
    pub fn len(&self, section: Section) -> usize {
        let Some(b) = &self.briefing else { return 0 };
        match section {
            Section::AtRisk => b.at_risk.len(),
            Section::Points => b.talking_points.len(),
            Section::Moves => b.tier_moves.len(),
            Section::Next => self.rows.len(),
        }
    }

    /// The row selected in a section.
    pub fn selection(&self, section: Section) -> usize {
        match section {
            Section::AtRisk => self.selected,
            Section::Points => self.point,
            Section::Moves => self.tier_move,
            Section::Next => self.next,
        }
    }

    fn selection_mut(&mut self, section: Section) -> &mut usize {
        match section {
            Section::AtRisk => &mut self.selected,
            Section::Points => &mut self.point,
            Section::Moves => &mut self.tier_move,
            Section::Next => &mut self.next,
        }
    }

    fn clamp(&mut self) {
        for s in Section::ALL {
            let last = self.len(s).saturating_sub(1);
            let at = self.selection_mut(s);
            *at = (*at).min(last);
        }
    }

    /// The next-days row selected, if the list has one.
    fn next_row(&self) -> Option<Row> {
        self.rows.get(self.next).copied()
    }

    /// The next-days item a row shows (`None` for a day's payments).
    fn upcoming(&self, row: Row) -> Option<&Upcoming> {
        match (self.entries.get(row.entry())?, row) {
            (Entry::One(u), _) => Some(u),
            (Entry::Payments { items, .. }, Row::Item(_, i)) => items.get(i),
            (Entry::Payments { .. }, Row::Entry(_)) => None,
        }
    }

    /// The day of the selected next-days row when it is (or is in) a day's
    /// payments, and whether that day is open.
    fn selected_day(&self) -> Option<(NaiveDate, bool)> {
        if self.focus != Section::Next {
            return None;
        }
        match self.entries.get(self.next_row()?.entry())? {
            Entry::Payments { date, .. } => Some((*date, self.open.contains(date))),
            Entry::One(_) => None,
        }
    }

    /// Open or close a day's payments; the selection goes to the day's row.
    fn toggle_day(&mut self, date: NaiveDate, open: bool) {
        let entry = self.next_row().map_or(0, Row::entry);
        if open {
            self.open.insert(date);
        } else {
            self.open.remove(&date);
        }
        self.rows = next_rows(&self.entries, &self.open);
        self.next = self
            .rows
            .iter()
            .position(|r| *r == Row::Entry(entry))
            .unwrap_or(0);
    }

    /// Rows a page moves (`up` or down) in the focused section at the
    /// terminal's size.
    fn page(&self, shared: &Shared, up: bool) -> usize {
        let Some(b) = &self.briefing else { return 1 };
        let (w, h) = shared.size;
        // The pane's area: below the header and tabs, above the footer.
        let body = Rect::new(0, 2, w, h.saturating_sub(3));
        draw::page(self, shared.locale, b, body, up)
    }
}

impl Component for ReviewPane {
    fn open(&mut self, shared: &mut Shared) -> Vec<Effect> {
        vec![Effect::Pane(Request::Review(shared.month))]
    }

    fn reloaded(&mut self, shared: &mut Shared, open: bool) -> Vec<Effect> {
        if open {
            self.open(shared)
        } else {
            // Rebuilt when the pane is next opened.
            self.briefing = None;
            Vec::new()
        }
    }

    fn update(&mut self, action: Action, shared: &mut Shared) -> Vec<Effect> {
        let section = self.focus;
        let len = self.len(section);
        // A page is measured (the items wrapped) only when it is asked for.
        let page = match action {
            Action::PageUp | Action::PageDown => self.page(shared, action == Action::PageUp),
            _ => 1,
        };
        if let Some(to) = moved(action, self.selection(section), len, page) {
            *self.selection_mut(section) = to;
            return Vec::new();
        }
        match action {
            Action::Left => self.focus = step(&Section::ALL, self.focus, -1),
            Action::Right => self.focus = step(&Section::ALL, self.focus, 1),
            Action::MonthPrev | Action::MonthNext => {
                self.selected = 0;
                return step_month(action, shared, Request::Review);
            }
            // Asks where first (see `forms::briefing`).
            Action::WriteReport => match &self.briefing {
                Some(b) => {
                    let form = BriefingForm::open(b.clone(), shared.locale, &shared.report_dir);
                    shared.open_form(form);
                }
                None => shared.warn("report: the briefing is not loaded yet"),
            },
            Action::Edit => edit(shared, None),
            Action::Delete => delete(shared, None),
            _ => {}
        }
        Vec::new()
    }

    /// Enter on a day's payments opens or closes it (on one of its
    /// payments too); elsewhere Enter opens the client card.
    fn enter(&mut self, _shared: &mut Shared) -> Option<Vec<Effect>> {
        let (date, open) = self.selected_day()?;
        self.toggle_day(date, !open);
        Some(Vec::new())
    }

    /// Esc closes the day the selection is in.
    fn back(&mut self, _shared: &mut Shared) -> Option<Vec<Effect>> {
        let (date, true) = self.selected_day()? else {
            return None;
        };
        self.toggle_day(date, false);
        Some(Vec::new())
    }

    /// What Enter does where the selection is, for the footer and help.
    fn focus_keys(&self) -> &'static [crate::tui::keys::Binding] {
        use crate::tui::keys;
        match self.selected_day() {
            Some((_, true)) => keys::REVIEW_DAY_OPEN,
            Some((_, false)) => keys::REVIEW_DAY_CLOSED,
            None if self.focus == Section::Points || self.len(self.focus) == 0 => {
                keys::REVIEW_NO_CLIENT
            }
            None => keys::REVIEW_CLIENT,
        }
    }

    fn draw(&self, shared: &Shared, theme: Theme, f: &mut Frame, area: Rect) {
        // The wheel scrolls the focused section.
        crate::tui::mouse::note(shared, area, crate::tui::mouse::SCROLL);
        draw::draw(self, shared.locale, theme, f, area);
    }

    fn selected_client(&self, shared: &Shared) -> Option<Id> {
        let b = self.briefing.as_ref()?;
        match self.focus {
            Section::AtRisk => Some(b.at_risk.get(self.selected)?.client_id),
            Section::Moves => Some(b.tier_moves.get(self.tier_move)?.client_id),
            Section::Points => None,
            // The item names its client; names are unique.
            Section::Next => {
                let name = &self.upcoming(self.next_row()?)?.client;
                shared
                    .names
                    .iter()
                    .find(|(_, n)| *n == name)
                    .map(|(id, _)| *id)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(day: u32, kind: UpcomingKind, client: &str, amount: i64) -> Upcoming {
        use crate::domain::briefing::Due;
        let due = match kind {
            UpcomingKind::Invoice => Due::Invoice {
                month: Month::parse("2026-12").unwrap(),
            },
            _ => Due::NextStep {
                step: String::new(),
            },
        };
        Upcoming {
            date: NaiveDate::from_ymd_opt(2026, 12, day).unwrap(),
            client: client.into(),
            due,
            amount: (amount > 0).then(|| Money::major(amount)),
        }
    }

    #[test]
    fn a_days_payments_are_one_entry_with_their_sum() {
        use UpcomingKind::{Invoice, NextStep};
        let items = [
            item(5, NextStep, "Orbit", 0),
            item(5, Invoice, "Atlas", 120_000),
            item(10, Invoice, "Atlas", 310_000),
            item(10, Invoice, "Blue Fern", 120_000),
            item(10, NextStep, "Helios", 0),
            item(10, Invoice, "Orbit", 70_000),
            item(11, Invoice, "Quantum", 60_000),
        ];
        let entries = group_next(&items);
        assert_eq!(entries.len(), 5, "{entries:?}");
        assert_eq!(entries[0], Entry::One(items[0].clone()));
        // One payment on a day stays one item.
        assert_eq!(entries[1], Entry::One(items[1].clone()));
        match &entries[2] {
            Entry::Payments {
                date,
                items: day,
                total,
            } => {
                assert_eq!(date.to_string(), "2026-12-10");
                assert_eq!(day.len(), 3);
                assert_eq!(*total, Money::major(500_000));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(entries[3], Entry::One(items[4].clone()));
        assert_eq!(entries[4], Entry::One(items[6].clone()));
        assert!(group_next(&[]).is_empty());
    }

    #[test]
    fn an_open_day_lists_its_payments_under_it() {
        use UpcomingKind::Invoice;
        let items = [
            item(10, Invoice, "Atlas", 1),
            item(10, Invoice, "Blue Fern", 2),
            item(11, Invoice, "Orbit", 3),
        ];
        let entries = group_next(&items);
        let mut open = BTreeSet::new();
        assert_eq!(next_rows(&entries, &open), [Row::Entry(0), Row::Entry(1)]);
        open.insert(items[0].date);
        assert_eq!(
            next_rows(&entries, &open),
            [
                Row::Entry(0),
                Row::Item(0, 0),
                Row::Item(0, 1),
                Row::Entry(1)
            ]
        );
        // A single payment's day has nothing to open.
        open.insert(items[2].date);
        assert_eq!(next_rows(&entries, &open).len(), 4);
    }
}
