//! Pane 2: the touchpoint log, newest first, for all clients or one. Only
//! the visible window of rows is loaded and drawn.
//!
//! Paging is planned here, without a store: a move asks for a [`Read`] of
//! the rows next to those on hand (see `window`), the effects run it and the
//! answer ([`Reply`]) comes back to be joined to the window. The count of a
//! filtered log and the filling of a short window run the same way, a slice
//! at a time while no key is waiting.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Cell, Row, Table};

use super::{Component, Request, cell_cutter, delete, edit, marked, moved, note_table_rows};
use crate::domain::{Id, TouchKind, Touchpoint};
use crate::format::{self, text, text_with};
use crate::ops::undo::Kind;
use crate::ops::{self, Seek, TouchFilter, TouchKey};
use crate::store::Store;
use crate::tui::action::{Action, Effect};
use crate::tui::app::Shared;
use crate::tui::forms::{Form, TouchForm};
use crate::tui::view::{Theme, fit_line};
use crate::tui::window::{self, OnHand, Plan};
use crate::tui::words;
use unicode_width::UnicodeWidthStr;

/// The touchpoint log holds only the visible window of rows.
#[derive(Debug, Clone, Default)]
pub struct TouchList {
    pub rows: Vec<Touchpoint>,
    /// Where the window should be: index (in the whole filtered log) of the
    /// first visible row. Moving the selection sets it; loading the window
    /// brings `rows` there.
    pub offset: usize,
    /// Where `rows` are: index of `rows[0]`, and the scope and filter they
    /// were read for (pages are fetched next to them, by key).
    pub rows_at: usize,
    pub rows_for: Option<TouchFilter>,
    pub total: usize,
    pub selected: usize,
    /// Only this client's touchpoints.
    pub scope: Option<crate::domain::Id>,
    /// The scope and filter `total` was counted for: scrolling reuses it, a
    /// new filter, scope or reload counts again.
    pub counted: Option<TouchFilter>,
    /// The count in progress, slice by slice whenever no key is waiting;
    /// meanwhile `total` is provisional.
    pub count: Option<CountJob>,
    /// The window is short because a rare filter's walk stopped: where to
    /// go on filling it, a slice at a time, while no key is waiting.
    pub fill: Option<(TouchFilter, TouchKey)>,
    /// The filter as typed.
    pub filter: String,
    /// The touchpoint selected when the log was reloaded: the re-read
    /// window puts the selection back on it if it is there.
    pub keep: Option<Id>,
    /// A touchpoint to find and select when the log is next read (one just
    /// saved, or the one selected when the filter was cleared), wherever
    /// it now is in the log.
    pub follow: Option<TouchKey>,
}

/// A count of the filtered log in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountJob {
    pub filter: TouchFilter,
    /// Where the next slice starts (`None`: at the newest row).
    pub after: Option<TouchKey>,
    /// Matches counted so far.
    pub so_far: i64,
    /// A row whose position is not known for sure (the window was re-read
    /// by key after the data changed): its key and the position assumed.
    /// The count finds its true position on the way and the window's
    /// numbers are corrected.
    pub anchor: Option<(TouchKey, usize)>,
}

/// A read of the log for the runner to perform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Read {
    /// The window at `want`, planned against the rows on hand.
    Window(WindowRead),
    /// One slice of the count.
    Count(CountRead),
    /// One slice further filling a short window.
    Fill(FillRead),
    /// Where a touchpoint is in the filtered log (to select it).
    Locate(LocateRead),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocateRead {
    pub filter: TouchFilter,
    pub key: TouchKey,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WindowRead {
    pub filter: TouchFilter,
    pub plan: Plan,
    /// Going down with a filter: walk a slice of the log at a time, so a
    /// rare filter answers at once with what one slice holds.
    pub within: bool,
    /// The rows on hand the plan was made against (it joins only to them),
    /// the position and height asked for, and whether this re-reads after
    /// a change of data or filter.
    pub basis: Option<OnHand>,
    pub want: usize,
    pub height: usize,
    pub refresh: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountRead {
    pub filter: TouchFilter,
    pub after: Option<TouchKey>,
    /// The key of the row whose position the count is to find.
    pub anchor: Option<TouchKey>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FillRead {
    pub filter: TouchFilter,
    pub after: TouchKey,
    pub want: usize,
}

/// What a [`Read`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    Window {
        read: WindowRead,
        rows: Vec<Touchpoint>,
        /// A walk within a slice stopped short here.
        stopped: Option<TouchKey>,
        /// Nothing was at the position asked for, and the log below it was
        /// read: it shrank under us (a delete elsewhere); its end instead.
        end: Option<Vec<Touchpoint>>,
    },
    Count {
        read: CountRead,
        /// The slice's matches, where the next slice starts (`None`: done)
        /// and, when the anchor was in this slice, how many matches in it
        /// are newer than the anchor. An error gives the count up.
        counted: Result<(i64, Option<TouchKey>, Option<i64>), String>,
    },
    Fill {
        read: FillRead,
        /// The matches found and where the walk stopped; an error gives
        /// the filling up.
        found: Result<(Vec<Touchpoint>, Option<TouchKey>), String>,
    },
    /// The touchpoint's position in the filtered log; `None`: the filter
    /// or scope does not show it (or it is gone).
    Located {
        read: LocateRead,
        position: Option<usize>,
    },
}

/// Run a read against the store (the only part of this file that does).
/// A count or a fill that fails is said in `loc`.
pub fn perform(store: &Store, loc: format::Locale, read: Read) -> ops::OpResult<Reply> {
    Ok(match read {
        Read::Window(read) => {
            let p = &read.plan;
            let (rows, stopped) = if p.limit == 0 {
                (Vec::new(), None)
            } else if read.within {
                ops::touch_page_within(store, &read.filter, p.seek, p.limit)?
            } else {
                (
                    ops::touch_page(store, &read.filter, p.seek, p.skip, p.limit)?,
                    None,
                )
            };
            // Nothing at the position asked for: the log's end instead.
            let shrank = rows.is_empty() && p.keep.is_empty() && stopped.is_none() && read.want > 0;
            let end = if shrank {
                let (filter, height) = (&read.filter, read.height);
                Some(ops::touch_page(store, filter, Seek::Oldest, 0, height)?)
            } else {
                None
            };
            Reply::Window {
                read,
                rows,
                stopped,
                end,
            }
        }
        Read::Count(read) => {
            let counted = count_slice(store, &read).map_err(|e| format::explain_error(loc, &e));
            Reply::Count { read, counted }
        }
        Read::Locate(read) => {
            let at = ops::touch_page(store, &read.filter, Seek::AtOrOlder(read.key), 0, 1)?;
            // Its position: the matches newer than it (one count, done when
            // a touchpoint was saved or a filter cleared, not per key).
            let position = match at.first() {
                Some(t) if (t.at, t.id) == read.key => {
                    let newer = ops::count_newer(store, &read.filter, None, read.key)?;
                    Some(usize::try_from(newer).unwrap_or(0))
                }
                _ => None,
            };
            Reply::Located { read, position }
        }
        Read::Fill(read) => {
            let found =
                ops::touch_page_within(store, &read.filter, Seek::Older(read.after), read.want)
                    .map_err(|e| format::explain_error(loc, &e));
            Reply::Fill { read, found }
        }
    })
}

fn count_slice(
    store: &Store,
    read: &CountRead,
) -> ops::OpResult<(i64, Option<TouchKey>, Option<i64>)> {
    let (n, next) = ops::count_touch_slice(store, &read.filter, read.after)?;
    // The anchor's position, once the slice holding it is counted: the
    // matches newer than it in the slice.
    let newer = match read.anchor {
        Some(key) if read.after.is_none_or(|a| key < a) && next.is_none_or(|end| key >= end) => {
            Some(ops::count_newer(store, &read.filter, read.after, key)?)
        }
        _ => None,
    };
    Ok((n, next, newer))
}

impl TouchList {
    /// `total` is provisional: the log is still being counted.
    pub fn count_pending(&self) -> bool {
        self.count.is_some()
    }

    /// A total while counting: the rows on screen, and one more if the
    /// window of `height` rows is full or still filling.
    pub fn provisional_total(&self, height: usize) -> usize {
        let more = self.rows.len() == height || self.fill.is_some();
        self.offset + self.rows.len() + usize::from(more)
    }

    /// Keep the selection within the total.
    pub fn clamp_selection(&mut self) {
        if self.total > 0 && self.selected >= self.total {
            self.selected = self.total - 1;
        }
    }

    /// The selected touchpoint, when its row is loaded.
    pub fn selected_row(&self) -> Option<&Touchpoint> {
        self.rows.get(self.selected.checked_sub(self.offset)?)
    }

    /// Put the selection on touchpoint `id` at position `at` of the log,
    /// in view, with the window to be read afresh around it.
    fn go_to(&mut self, at: usize, id: Id, height: usize) {
        let h = height.max(1);
        self.selected = at;
        if at < self.offset || at >= self.offset + h {
            self.offset = at.saturating_sub(h / 2);
        }
        self.keep = Some(id);
        self.rows.clear();
        self.rows_for = None;
    }

    /// Back to the top of the log, for another filter or scope.
    fn restart(&mut self) {
        self.selected = 0;
        self.offset = 0;
        self.keep = None;
    }

    /// Forget the count: the data may have changed.
    pub fn forget_count(&mut self) {
        self.counted = None;
        self.count = None;
    }

    /// The scope and filter the rows are read for.
    pub fn touch_filter(&self) -> TouchFilter {
        TouchFilter::new(self.scope, &self.filter)
    }

    /// Move the selection to `to` (within the total) and slide the window to
    /// keep it in view; a read when the window moved or is short.
    pub fn select(&mut self, to: usize, height: usize) -> Option<Read> {
        self.selected = to.min(self.total.saturating_sub(1));
        let h = height.max(1);
        let old = self.offset;
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + h {
            self.offset = self.selected + 1 - h;
        }
        let short = self.rows.len() < h.min(self.total.saturating_sub(self.offset));
        (self.offset != old || short).then(|| self.window(height, false))
    }

    /// The rows on hand, when they were read for `filter`.
    fn on_hand(&self, filter: &TouchFilter) -> Option<OnHand> {
        match (self.rows_for.as_ref(), self.rows.first(), self.rows.last()) {
            (Some(f), Some(first), Some(last)) if f == filter => Some(OnHand {
                at: self.rows_at,
                len: self.rows.len(),
                first: (first.at, first.id),
                last: (last.at, last.id),
            }),
            _ => None,
        }
    }

    /// The read that brings the window to `offset`, fetching next to the
    /// rows on hand by key. `refresh`: the data or the filter may have
    /// changed, so nothing on hand is reused as is.
    pub fn window(&self, height: usize, refresh: bool) -> Read {
        let height = height.max(1);
        let filter = self.touch_filter();
        let basis = self.on_hand(&filter);
        let counted = (self.counted.as_ref() == Some(&filter)).then_some(self.total);
        let plan = window::plan(basis, self.offset, height, counted, refresh);
        // A filter may match rarely: going down, walk a slice of the log at
        // a time and fill the rest of the window while no key is waiting.
        let down = matches!(
            plan.seek,
            Seek::Newest | Seek::Older(_) | Seek::AtOrOlder(_)
        );
        let within = !filter.needle.is_empty() && down && plan.skip == 0;
        Read::Window(WindowRead {
            filter,
            plan,
            within,
            basis,
            want: self.offset,
            height,
            refresh,
        })
    }

    /// Work for an idle moment: fill a short window a slice further, else
    /// count a slice.
    pub fn idle_read(&mut self, height: usize) -> Option<Read> {
        if let Some((filter, after)) = &self.fill {
            let want = height.max(1).saturating_sub(self.rows.len());
            if want > 0 && self.rows_for.as_ref() == Some(filter) {
                return Some(Read::Fill(FillRead {
                    filter: filter.clone(),
                    after: *after,
                    want,
                }));
            }
            self.fill = None;
        }
        self.count.as_ref().map(|job| {
            Read::Count(CountRead {
                filter: job.filter.clone(),
                after: job.after,
                anchor: job.anchor.map(|(key, _)| key),
            })
        })
    }

    /// Apply what a read found; an error goes to the footer.
    pub fn loaded(&mut self, reply: Reply, shared: &mut Shared) -> Vec<Effect> {
        match self.apply(reply, shared.list_height) {
            Ok(again) => again.map(read).into_iter().collect(),
            Err(e) => {
                shared.warn(e);
                Vec::new()
            }
        }
    }

    /// Apply what a read found at window height `height`: a window read for
    /// another place, filter or height (the state moved on since it was
    /// asked for) is asked for again. Returns a new read when one is
    /// needed, or an error to show.
    pub fn apply(&mut self, reply: Reply, height: usize) -> Result<Option<Read>, String> {
        let filter = self.touch_filter();
        match reply {
            Reply::Window {
                read,
                rows,
                stopped,
                end,
            } => {
                let fresh = read.filter == filter
                    && read.want == self.offset
                    && read.height == height.max(1)
                    && read.basis == self.on_hand(&read.filter);
                if !fresh {
                    return Ok(Some(self.window(height, read.refresh)));
                }
                self.window_loaded(read, rows, stopped, end);
                Ok(None)
            }
            Reply::Count { read, counted } => self.counted(read, counted).map(|()| None),
            Reply::Located { read, position } => {
                if let (true, Some(at)) = (read.filter == filter, position) {
                    self.go_to(at, read.key.1, height);
                }
                Ok(Some(self.window(height, true)))
            }
            Reply::Fill { read, found } => self.filled(read, found, height).map(|()| None),
        }
    }

    fn window_loaded(
        &mut self,
        read: WindowRead,
        fetched: Vec<Touchpoint>,
        stopped: Option<TouchKey>,
        end: Option<Vec<Touchpoint>>,
    ) {
        let refresh = read.refresh;
        let WindowRead {
            filter,
            plan,
            height,
            ..
        } = read;
        let counted = (self.counted.as_ref() == Some(&filter)).then_some(self.total);
        self.rows = plan.join(&self.rows, fetched, height);
        self.fill = stopped.map(|k| (filter.clone(), k));
        // Re-read by key: the first row's position is assumed until the
        // count finds it.
        let mut anchored = matches!(plan.seek, Seek::AtOrOlder(_));
        if let Some(end) = end {
            // Nothing at this position, and the whole log below it was
            // read: it shrank under us (a delete elsewhere). Show its end.
            self.rows = end;
            self.offset = counted
                .unwrap_or(self.offset)
                .saturating_sub(self.rows.len());
            anchored = counted.is_none();
        }
        self.rows_at = self.offset;
        self.rows_for = Some(filter.clone());
        if refresh
            && let Some(id) = self.keep.take()
            && let Some(i) = self.rows.iter().position(|t| t.id == id)
        {
            // Reloaded: the selection stays on its touchpoint.
            self.selected = self.rows_at + i;
        }
        if self.counted.as_ref() != Some(&filter) {
            if self.count.as_ref().map(|job| &job.filter) != Some(&filter) {
                let anchor = match (anchored, self.rows.first()) {
                    (true, Some(first)) => Some(((first.at, first.id), self.rows_at)),
                    _ => None,
                };
                // The total shown from now on is this filter's,
                // provisional: a count of another filter no longer stands
                // for it.
                self.counted = None;
                self.count = Some(CountJob {
                    filter,
                    after: None,
                    so_far: 0,
                    anchor,
                });
            }
            self.total = self.provisional_total(height);
        }
        self.clamp_selection();
    }

    /// One slice of the count: add it up, correct the window's numbers
    /// when the anchor's true position is found, and settle the total when
    /// done. A slice of a count no longer running is dropped.
    fn counted(
        &mut self,
        read: CountRead,
        counted: Result<(i64, Option<TouchKey>, Option<i64>), String>,
    ) -> Result<(), String> {
        let Some(job) = self.count.as_mut() else {
            return Ok(());
        };
        if job.filter != read.filter
            || job.after != read.after
            || job.anchor.map(|(key, _)| key) != read.anchor
        {
            return Ok(());
        }
        let (n, next, newer) = match counted {
            Ok(slice) => slice,
            Err(e) => {
                // Give up (the total stays provisional); the next load retries.
                self.count = None;
                return Err(e);
            }
        };
        // The anchor's position: the matches before this slice and those
        // newer than it in the slice.
        let found = match (job.anchor, newer) {
            (Some((_, assumed)), Some(newer)) => {
                Some((usize::try_from(job.so_far + newer).unwrap_or(0), assumed))
            }
            _ => None,
        };
        job.so_far += n;
        job.after = next;
        if let Some((position, assumed)) = found {
            job.anchor = None;
            // Shift the window's numbers; the rows on screen stay.
            let shift = |v: usize| (v + position).saturating_sub(assumed);
            self.offset = shift(self.offset);
            self.rows_at = shift(self.rows_at);
            self.selected = shift(self.selected);
        }
        if next.is_none() {
            self.total = self.count.take().map_or(0, |job| {
                self.counted = Some(job.filter);
                usize::try_from(job.so_far).unwrap_or(0)
            });
            self.clamp_selection();
        }
        Ok(())
    }

    /// One slice further filling a short window; dropped when the window
    /// changed since it was asked for.
    fn filled(
        &mut self,
        read: FillRead,
        found: Result<(Vec<Touchpoint>, Option<TouchKey>), String>,
        height: usize,
    ) -> Result<(), String> {
        let height = height.max(1);
        let same = self.fill.as_ref() == Some(&(read.filter.clone(), read.after))
            && self.rows_for.as_ref() == Some(&read.filter)
            && height.saturating_sub(self.rows.len()) == read.want;
        if !same {
            return Ok(());
        }
        let (rows, stopped) = found.inspect_err(|_| self.fill = None)?;
        self.rows.extend(rows);
        self.fill = stopped.map(|k| (read.filter, k));
        if self.count_pending() {
            self.total = self.total.max(self.provisional_total(height));
        }
        Ok(())
    }

    /// `c`: only the client selected on the board, or all clients again.
    pub fn toggle_scope(
        &mut self,
        board: Option<(Id, String)>,
        shared: &mut Shared,
    ) -> Vec<Effect> {
        if self.scope.is_some() {
            self.scope = None;
            shared.notify(text(shared.locale, "log-all-clients"));
        } else if let Some((id, name)) = board {
            self.scope = Some(id);
            let args = [("name", name.as_str().into())];
            shared.notify(text_with(shared.locale, "log-only", &args));
        } else {
            shared.warn(text(shared.locale, "log-select-client-first"));
        }
        self.restart();
        vec![read(self.window(shared.list_height, false))]
    }
}

/// A read as an effect.
fn read(read: Read) -> Effect {
    Effect::Pane(Request::Touch(read))
}

impl Component for TouchList {
    fn open(&mut self, shared: &mut Shared) -> Vec<Effect> {
        // A touchpoint to select: where it is first, then its window.
        if let Some(key) = self.follow.take() {
            let filter = self.touch_filter();
            return vec![read(Read::Locate(LocateRead { filter, key }))];
        }
        // The window at once; its count when input is idle.
        vec![read(self.window(shared.list_height, true))]
    }

    fn reloaded(&mut self, shared: &mut Shared, open: bool) -> Vec<Effect> {
        // The data may have changed: count the log again, and find the
        // selected touchpoint again by id.
        self.forget_count();
        if let Some(t) = self.selected_row() {
            self.keep = Some(t.id);
        }
        if open { self.open(shared) } else { Vec::new() }
    }

    fn update(&mut self, action: Action, shared: &mut Shared) -> Vec<Effect> {
        if let Some(to) = moved(action, self.selected, self.total, shared.list_height) {
            return self
                .select(to, shared.list_height)
                .map(read)
                .into_iter()
                .collect();
        }
        match action {
            Action::Edit => {
                let form = self.selected_row().map(|t| {
                    TouchForm::open(shared, Some(t), shared.name(t.client_id).to_string())
                });
                edit(shared, form);
            }
            Action::Delete => {
                let question = self.selected_row().map(|t| {
                    let date = t.at.to_string();
                    let args = [
                        ("date", date.as_str().into()),
                        ("summary", t.summary.as_str().into()),
                    ];
                    let question = text_with(shared.locale, "log-delete", &args);
                    (question, Kind::Touchpoint, t.id)
                });
                delete(shared, question);
            }
            _ => {}
        }
        Vec::new()
    }

    fn selected_client(&self, _shared: &Shared) -> Option<Id> {
        self.selected_row().map(|t| t.client_id)
    }

    /// A touchpoint with the selected one's client.
    fn add(&self, shared: &Shared) -> Option<Form> {
        Some(TouchForm::open(shared, None, self.selected_name(shared)))
    }

    fn filter(&self) -> Option<&str> {
        Some(&self.filter)
    }

    fn filter_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.filter)
    }

    fn refilter(&mut self, shared: &mut Shared) -> Vec<Effect> {
        // The filter cleared: the selection stays on its touchpoint.
        if self.filter.trim().is_empty()
            && let Some(t) = self.selected_row()
        {
            self.follow = Some((t.at, t.id));
        }
        self.restart();
        self.open(shared)
    }

    fn resized(&mut self, shared: &mut Shared) -> Vec<Effect> {
        // Keep the selection in view; read the window at its new height.
        let h = shared.list_height;
        let moved = self.select(self.selected, h);
        vec![read(moved.unwrap_or_else(|| self.window(h, false)))]
    }

    fn idle(&mut self, shared: &Shared) -> Option<Effect> {
        self.idle_read(shared.list_height).map(read)
    }

    fn draw(&self, shared: &Shared, theme: Theme, f: &mut Frame, area: Rect) {
        let loc = shared.locale;
        let scope = match self.scope {
            Some(id) => {
                let name = [("name", shared.name(id).into())];
                format!(" · {}", text_with(loc, "log-only", &name))
            }
            None => String::new(),
        };
        // Still searching (a short window filling, or the count) is not "none".
        let searching = self.fill.is_some() || self.count_pending();
        let position = match (self.total, self.count_pending()) {
            _ if self.rows.is_empty() && self.fill.is_some() => text(loc, "tui-searching"),
            (0, _) if searching => text(loc, "tui-searching"),
            (0, _) => "0".to_string(),
            (n, counting) => {
                let (at, n) = ((self.selected + 1).to_string(), n.to_string());
                let args = [("at", at.as_str().into()), ("total", n.as_str().into())];
                let id = if counting {
                    "tui-position-counting"
                } else {
                    "tui-position"
                };
                text_with(loc, id, &args)
            }
        };
        let title = format!(" {}{scope} · {position} ", text(loc, "pane-touchpoints"));
        let block = Block::bordered().title(fit_line(title.into(), area.width.saturating_sub(2)));
        // Each column's title and width.
        let columns = [
            ("log-date", Constraint::Length(10)),
            (
                "log-client",
                Constraint::Max(if area.width >= 110 { 24 } else { 16 }),
            ),
            ("log-kind", Constraint::Length(kind_width(loc))),
            ("log-min", Constraint::Length(4)),
            ("log-summary", Constraint::Fill(3)),
            ("log-next-step", Constraint::Fill(2)),
            ("log-due", Constraint::Length(10)),
        ];
        let widths = columns.map(|(_, width)| width);
        let cut = cell_cutter(area.width, &widths);
        let header = Row::new(columns.map(|(id, _)| text(loc, id))).style(theme.title());
        let rows: Vec<Row> = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, tp)| {
                let due_style = match tp.next_due {
                    Some(d) if d < shared.today => theme.warn(),
                    Some(d) if d <= shared.today + chrono::Days::new(1) => theme.due(),
                    _ => theme.dim(),
                };
                let due = tp
                    .next_due
                    .map(|d| format::date(loc, d))
                    .unwrap_or_default();
                let cells = vec![
                    Cell::from(cut(0, &format::date(loc, tp.at))),
                    Cell::from(cut(1, shared.name(tp.client_id))),
                    Cell::from(cut(2, &words::kind(loc, tp.kind))),
                    Cell::from(cut(3, &tp.minutes.to_string())),
                    Cell::from(cut(4, &tp.summary)),
                    Cell::from(cut(5, tp.next_step.as_deref().unwrap_or_default())),
                    Cell::from(Span::styled(cut(6, &due), due_style)),
                ];
                marked(Row::new(cells), self.offset + i == self.selected, theme)
            })
            .collect();
        let inner = block.inner(area);
        note_table_rows(shared, inner, self.offset, self.rows.len());
        let table = Table::new(rows, widths).header(header).block(block);
        f.render_widget(table, area);
        if self.total == 0 && !searching {
            let msg = if self.filter.is_empty() {
                text(loc, "log-empty")
            } else {
                text(loc, "log-no-match")
            };
            let msg = format!("  {msg}");
            // Inside the border, on the row under the column headers.
            let row = Rect {
                y: inner.y + 1,
                height: 1,
                ..inner
            };
            f.render_widget(
                ratatui::widgets::Paragraph::new(msg).style(theme.dim()),
                row.intersection(inner),
            );
        }
    }
}

/// The kind column (here and on the card): as wide as the longest kind's
/// word in `loc`.
pub fn kind_width(loc: format::Locale) -> u16 {
    let widest = TouchKind::ALL
        .iter()
        .map(|k| words::kind(loc, *k).width())
        .max();
    u16::try_from(widest.unwrap_or(7)).unwrap_or(7)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::tui::action::{Loaded, Msg};
    use crate::tui::app::{App, Pane, update};
    use crate::tui::panes;

    fn app() -> App {
        let mut a = App::new(
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default(),
            "test",
        );
        a.set_size(100, 30);
        a
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
                kind: crate::domain::TouchKind::Call,
                summary: format!("row {i}"),
                minutes: 0,
                next_step: None,
                next_due: None,
            })
            .collect()
    }

    fn answer(log: &[Touchpoint], effect: &Effect) -> Msg {
        use crate::ops::Seek;
        let Effect::Pane(Request::Touch(Read::Window(read))) = effect else {
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
        let reply = Reply::Window {
            read: read.clone(),
            rows,
            stopped: None,
            end: None,
        };
        Msg::Loaded(Box::new(Loaded::Pane(panes::Reply::Touch(reply))))
    }

    fn shown(a: &App) -> Vec<String> {
        a.panes
            .touch
            .rows
            .iter()
            .map(|t| t.summary.clone())
            .collect()
    }

    fn rows(from: usize, to: usize) -> Vec<String> {
        (from..to).map(|i| format!("row {i}")).collect()
    }

    #[test]
    fn the_log_pages_by_key_through_messages_without_a_store() {
        let log = log(1000);
        let mut a = app();
        a.set_size(100, 17); // ten rows a page
        let h = a.shared.list_height;
        assert_eq!(h, 10);
        // Opening the pane asks for the newest page; its answer shows it
        // and starts the count (the total is provisional meanwhile).
        let e = update(&mut a, Action::SelectPane(Pane::Touchpoints));
        assert!(update(&mut a, answer(&log, &e[0])).is_empty());
        assert_eq!(shown(&a), rows(0, 10));
        assert!(a.panes.touch.count_pending());
        assert_eq!(a.panes.touch.total, 11, "the rows shown and one more");
        // An idle moment counts a slice; the last settles the total.
        let Some(Effect::Pane(Request::Touch(Read::Count(read)))) = a.idle_effect() else {
            panic!("no count")
        };
        let counted = Reply::Count {
            read,
            counted: Ok((1000, None, None)),
        };
        update(
            &mut a,
            Msg::Loaded(Box::new(Loaded::Pane(panes::Reply::Touch(counted)))),
        );
        assert_eq!(
            (a.panes.touch.total, a.panes.touch.count_pending()),
            (1000, false)
        );
        // Moving inside the window reads nothing.
        for _ in 0..9 {
            assert!(update(&mut a, Action::Down).is_empty());
        }
        // One row past it: the row after the last key, the rest kept.
        let e = update(&mut a, Action::Down);
        let Effect::Pane(Request::Touch(Read::Window(read))) = &e[0] else {
            panic!("{e:?}")
        };
        assert_eq!(
            read.plan.seek,
            crate::ops::Seek::Older((log[9].at, log[9].id))
        );
        assert_eq!(read.plan.limit, 1);
        update(&mut a, answer(&log, &e[0]));
        assert_eq!(shown(&a), rows(1, 11));
        assert_eq!(a.panes.touch.selected_row().map(|t| t.id), Some(11));
        // Two pages down before the first answer comes: that answer is for
        // a place the window no longer is, so it is asked for again.
        let first = update(&mut a, Action::PageDown);
        let second = update(&mut a, Action::PageDown);
        let again = update(&mut a, answer(&log, &first[0]));
        assert_eq!(again, second, "the stale answer asks for the window again");
        assert_eq!(shown(&a), rows(1, 11), "and changes nothing");
        update(&mut a, answer(&log, &again[0]));
        assert_eq!(shown(&a), rows(21, 31));
        assert_eq!(a.panes.touch.selected, 30);
        // The end of a counted log, far off, is read from its oldest row.
        let e = update(&mut a, Action::Bottom);
        let Effect::Pane(Request::Touch(Read::Window(read))) = &e[0] else {
            panic!("{e:?}")
        };
        assert_eq!(read.plan.seek, crate::ops::Seek::Oldest);
        update(&mut a, answer(&log, &e[0]));
        assert_eq!(shown(&a), rows(990, 1000));
        assert_eq!(a.panes.touch.selected_row().map(|t| t.id), Some(1000));
        // A page up from there: the rows before the first key.
        let e = update(&mut a, Action::PageUp);
        update(&mut a, answer(&log, &e[0]));
        assert_eq!(a.panes.touch.selected, 989);
        assert_eq!(shown(&a), rows(989, 999));
    }

    #[test]
    fn a_reload_keeps_the_selection_on_its_touchpoint() {
        let mut log = log(100);
        let mut a = app();
        a.set_size(100, 17); // ten rows a page
        let e = update(&mut a, Action::SelectPane(Pane::Touchpoints));
        update(&mut a, answer(&log, &e[0]));
        for _ in 0..3 {
            update(&mut a, Action::Down);
        }
        assert_eq!(a.panes.touch.selected_row().map(|t| t.id), Some(4));
        // Another folio deleted a touchpoint above the selection: the log
        // reloads and the selection stays on its touchpoint, a row up.
        log.remove(1);
        let e = a.panes.touch.reloaded(&mut a.shared, true);
        update(&mut a, answer(&log, &e[0]));
        assert_eq!(a.panes.touch.selected_row().map(|t| t.id), Some(4));
        assert_eq!(a.panes.touch.selected, 2);
        // The selected touchpoint itself deleted: the nearest row.
        log.remove(2);
        let e = a.panes.touch.reloaded(&mut a.shared, true);
        update(&mut a, answer(&log, &e[0]));
        assert_eq!(a.panes.touch.selected, 2);
        assert_eq!(a.panes.touch.selected_row().map(|t| t.id), Some(5));
    }
}
