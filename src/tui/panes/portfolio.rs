//! Pane 1: the tier board. Three columns (gold, potential, toxic); each
//! client shows revenue for 12 months, share, days since the last touchpoint
//! (marked when due, warning colour when past cadence) and agreement trouble.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{Component, delete, draw_lines, edit, extremes, moved, reselect, step};
use crate::domain::signals::{ClientStats, NeglectState};
use crate::domain::{Id, Money, Tier, fold};
use crate::format::{self, Locale, MoneyForm, text, text_with};
use crate::ops::undo::Kind;
use crate::tui::action::{Action, Effect};
use crate::tui::app::Shared;
use crate::tui::forms::ClientEditForm;
use crate::tui::mouse;
use crate::tui::view::{Theme, fit_line, window_start};
use crate::tui::words;

/// The board's legend, for `?`: what the marks and each card's second
/// line mean. "Overdue" on the board counts agreements, never money.
/// Message ids of the mark and of what it means.
pub const LEGEND: &[(&str, &str)] = &[
    ("board-legend-line2", "board-legend-line2-help"),
    ("board-legend-due", "board-legend-due-help"),
    ("board-legend-past", "board-legend-past-help"),
    ("board-never", "board-legend-never-help"),
    ("board-agr-overdue", "board-legend-overdue-help"),
    ("board-broken", "board-legend-broken-help"),
];

/// A column this wide has room for the words; narrower ones abbreviate.
const ROOMY: u16 = 36;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Revenue,
    Neglect,
    Name,
}

impl Sort {
    /// In the order `s` goes through them.
    const ALL: [Sort; 3] = [Sort::Revenue, Sort::Neglect, Sort::Name];

    pub fn label(self, loc: Locale) -> String {
        let id = match self {
            Sort::Revenue => "board-sort-revenue",
            Sort::Neglect => "board-sort-neglect",
            Sort::Name => "board-sort-name",
        };
        text(loc, id)
    }
}

/// The board: the portfolio's clients (in `Shared`) in a column per tier
/// (`Tier::ALL`, in its order), filtered and sorted.
#[derive(Debug, Clone, Default)]
pub struct Board {
    pub sort: Sort,
    /// The column the keys move in.
    pub column: usize,
    /// Indices into `portfolio.clients` per tier column, filtered and sorted.
    pub columns: [Vec<usize>; 3],
    /// Each column's 12-month revenue (its clients as filtered), summed when
    /// the board is built, not per frame.
    pub revenue: [Money; 3],
    /// The smallest and largest client revenue on the board, which decide
    /// the form of money for the whole board (found when it is built).
    pub revenue_range: (Money, Money),
    /// `portfolio.clients`' names folded once per load, for filtering and
    /// sorting the board without folding per key or per comparison.
    pub name_keys: Vec<String>,
    pub selected: [usize; 3],
    /// Each column's client ids in its order, as last built: a reload
    /// finds the selected clients again by id.
    pub ids: [Vec<Id>; 3],
    pub filter: String,
    /// A client to select once the board is built again (one just saved).
    pub follow: Option<Id>,
}

impl Board {
    /// The tier of the column the keys move in.
    pub fn column_tier(&self) -> Tier {
        Tier::ALL[self.column]
    }

    /// Rebuild the columns from the portfolio, filtered and sorted.
    pub fn rebuild(&mut self, shared: &Shared) {
        let Some(view) = &shared.portfolio else {
            return;
        };
        let needle = fold(self.filter.trim());
        let keys = &self.name_keys;
        for (col, tier) in Tier::ALL.iter().enumerate() {
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
            self.revenue[col] = idx.iter().map(|i| clients[*i].revenue_12m).sum();
            self.ids[col] = idx.iter().map(|i| clients[*i].client.id).collect();
            self.columns[col] = idx;
            self.selected[col] = self.selected[col].min(self.columns[col].len().saturating_sub(1));
        }
        self.revenue_range = extremes(view.clients.iter().map(|c| c.revenue_12m));
    }

    /// Select client `id` in whichever column it is; false if the board
    /// does not show it.
    pub fn select_client(&mut self, id: Id) -> bool {
        let found = self
            .ids
            .iter()
            .enumerate()
            .find_map(|(col, ids)| Some((col, ids.iter().position(|x| *x == id)?)));
        if let Some((col, row)) = found {
            self.column = col;
            self.selected[col] = row;
        }
        found.is_some()
    }

    /// The selected client's figures.
    pub fn client<'a>(&self, shared: &'a Shared) -> Option<&'a ClientStats> {
        let view = shared.portfolio.as_ref()?;
        let i = *self.columns[self.column].get(self.selected[self.column])?;
        view.clients.get(i)
    }
}

/// The question before a client is deleted: `u` does not bring it back
/// (the copy of the file kept first, when it has records, does).
pub fn delete_question(loc: Locale, name: &str) -> String {
    text_with(loc, "board-delete-client", &[("name", name.into())])
}

fn neglect_rank(c: &ClientStats) -> u8 {
    match c.neglect.state {
        NeglectState::Overdue => 3,
        NeglectState::Due => 2,
        NeglectState::Fine => 1,
        NeglectState::NoCadence => 0,
    }
}

impl Component for Board {
    fn open(&mut self, _shared: &mut Shared) -> Vec<Effect> {
        // The portfolio is always loaded.
        Vec::new()
    }

    fn reloaded(&mut self, shared: &mut Shared, _open: bool) -> Vec<Effect> {
        if let Some(view) = &shared.portfolio {
            self.name_keys = view.clients.iter().map(|c| fold(&c.client.name)).collect();
        }
        // The clients selected before, by id (the portfolio's indices
        // changed with it).
        let keep: [Option<Id>; 3] =
            std::array::from_fn(|col| self.ids[col].get(self.selected[col]).copied());
        self.rebuild(shared);
        for (col, id) in keep.iter().enumerate() {
            self.selected[col] = reselect(*id, self.selected[col], self.ids[col].iter().copied());
        }
        // The focused client moved to another column (its tier changed):
        // the focus follows it.
        if let Some(id) = keep[self.column]
            && !self.ids[self.column].contains(&id)
        {
            self.select_client(id);
        }
        // A client just saved (added, edited, its tier changed) is selected.
        if let Some(id) = self.follow.take() {
            self.select_client(id);
        }
        Vec::new()
    }

    fn update(&mut self, action: Action, shared: &mut Shared) -> Vec<Effect> {
        let col = self.column;
        if let Some(to) = moved(
            action,
            self.selected[col],
            self.columns[col].len(),
            shared.list_height,
        ) {
            self.selected[col] = to;
            return Vec::new();
        }
        match action {
            Action::Left => self.column = (self.column + 2) % 3,
            Action::Right => self.column = (self.column + 1) % 3,
            // A click on the board: its column, and the row if on one.
            Action::SelectCell(col, row) if col < 3 => {
                self.column = col;
                self.selected[col] = row.min(self.columns[col].len().saturating_sub(1));
            }
            Action::CycleSort => {
                self.sort = step(&Sort::ALL, self.sort, 1);
                self.rebuild(shared);
                let sort = self.sort.label(shared.locale);
                let args = [("sort", sort.as_str().into())];
                shared.notify(text_with(shared.locale, "board-sorted", &args));
            }
            Action::Edit => {
                let id = self.client(shared).map(|c| c.client.id);
                edit(shared, id.and_then(|id| ClientEditForm::open(shared, id)));
            }
            Action::Delete => {
                let question = self.client(shared).map(|c| {
                    let question = delete_question(shared.locale, &c.client.name);
                    (question, Kind::Client, c.client.id)
                });
                delete(shared, question);
            }
            _ => {}
        }
        Vec::new()
    }

    fn selected_client(&self, shared: &Shared) -> Option<Id> {
        self.client(shared).map(|c| c.client.id)
    }

    fn filter(&self) -> Option<&str> {
        Some(&self.filter)
    }

    fn filter_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.filter)
    }

    fn refilter(&mut self, shared: &mut Shared) -> Vec<Effect> {
        // The filter cleared: the selection stays on its client.
        let keep = self.ids[self.column]
            .get(self.selected[self.column])
            .copied()
            .filter(|_| self.filter.trim().is_empty());
        self.selected = [0; 3];
        self.rebuild(shared);
        if keep.is_some_and(|id| self.select_client(id)) {
            return Vec::new();
        }
        // Nothing matches in the focused column: the focus moves to the
        // first column that has a match (Enter then opens it).
        if self.columns[self.column].is_empty()
            && let Some(col) = self.columns.iter().position(|c| !c.is_empty())
        {
            self.column = col;
        }
        Vec::new()
    }

    fn draw(&self, shared: &Shared, theme: Theme, f: &mut Frame, area: Rect) {
        let [legend, area] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
        let columns = Layout::horizontal([Constraint::Ratio(1, 3); 3]).split(area);
        let Some(view) = &shared.portfolio else {
            f.render_widget(Paragraph::new(text(shared.locale, "tui-loading")), area);
            return;
        };
        // What the marks and the second line mean, in the words `?` uses,
        // as wide as the columns allow.
        let legend_id = if columns[0].width.saturating_sub(2) >= ROOMY {
            "board-legend-roomy"
        } else {
            "board-legend-narrow"
        };
        let line = format!(" {}", text(shared.locale, legend_id));
        let line = crate::format::truncate(&line, usize::from(legend.width));
        f.render_widget(Paragraph::new(line).style(theme.dim()), legend);
        // One form of money for the whole board, titles included: in full when
        // the widest amount leaves room for the rest of a line in the
        // narrowest column, else compact everywhere.
        let loc = shared.locale;
        let narrowest = columns.iter().map(|c| c.width).min().unwrap_or(0);
        let (low, high) = self.revenue_range;
        let room = usize::from(narrowest.saturating_sub(2)).saturating_sub(REST_OF_LINE + TROUBLE);
        let form = MoneyForm::fitting(loc, [low, high], room);
        // The focused column says the order.
        let sort = self.sort.label(loc);
        let sort = [("sort", sort.as_str().into())];
        let sorted = format!(" {} ", text_with(loc, "board-sort", &sort));
        for (col, tier) in Tier::ALL.iter().enumerate() {
            let rows = &self.columns[col];
            let focused = col == self.column;
            let revenue = self.revenue[col];
            let room = usize::from(columns[col].width.saturating_sub(2));
            let title = |form: MoneyForm| {
                format!(
                    " {} · {} · {} ",
                    words::tier(loc, *tier).to_uppercase(),
                    rows.len(),
                    form.show(loc, revenue)
                )
            };
            let mut title_text = title(form);
            if title_text.width() > room {
                title_text = title(MoneyForm::Compact);
            }
            let title = fit_line(
                Line::from(Span::styled(title_text, theme.tier(*tier))),
                columns[col].width.saturating_sub(2),
            );
            let block = Block::bordered()
                .title(title)
                .title_bottom(if focused {
                    sorted.clone()
                } else {
                    String::new()
                })
                .border_style(if focused { theme.title() } else { theme.dim() });
            let inner = block.inner(columns[col]);
            f.render_widget(block, columns[col]);
            // Two lines per client; build only the visible ones.
            let visible = usize::from(inner.height / 2).max(1);
            let selected = self.selected[col];
            let start = window_start(selected, visible);
            // A click on the column focuses it; on a client, selects it.
            mouse::note(
                shared,
                columns[col],
                mouse::Spot::Select(Action::SelectCell(col, selected)),
            );
            let shown = rows.len().saturating_sub(start).min(visible);
            mouse::note_rows(shared, inner, start, shown, 2, |row| {
                Action::SelectCell(col, row)
            });
            // The wheel scrolls the column under the pointer (and focuses it).
            mouse::note(
                shared,
                inner,
                mouse::Spot::Wheel {
                    down: Action::SelectCell(col, selected + 1),
                    up: Action::SelectCell(col, selected.saturating_sub(1)),
                },
            );
            let mut lines = Vec::with_capacity(visible * 2);
            for (pos, i) in rows.iter().enumerate().skip(start).take(visible) {
                let c = &view.clients[*i];
                lines.extend(client_lines(
                    c,
                    (loc, form),
                    theme,
                    focused && pos == selected,
                    inner.width,
                ));
            }
            if rows.is_empty() {
                lines.push(Line::from(Span::styled(
                    text(
                        loc,
                        match (self.filter.is_empty(), focused) {
                            (false, _) => "tui-no-match",
                            (true, true) => "board-empty-focused",
                            (true, false) => "board-empty",
                        },
                    ),
                    theme.dim(),
                )));
            }
            let lines = lines.into_iter().map(|l| fit_line(l, inner.width));
            draw_lines(f, lines, inner);
        }
    }
}

/// The columns of a client's second line besides its amount: the indent,
/// the share (` 100.00%`), ` · ` and the days since (`never!`).
const REST_OF_LINE: usize = 2 + 8 + 3 + 6;

/// Room kept for agreement trouble on a second line (` · 1 late`; more is
/// cut with `…`).
const TROUBLE: usize = 8;

/// A client's two lines, borrowing its name: only the short figures are
/// formatted (the board draws up to ~50 clients a frame). The drawing cuts
/// the second line to the width (`fit_line`).
fn client_lines<'a>(
    c: &'a ClientStats,
    (loc, form): (Locale, MoneyForm),
    theme: Theme,
    selected: bool,
    width: u16,
) -> [Line<'a>; 2] {
    let base = if selected {
        theme.selected()
    } else {
        Style::new()
    };
    let bold = base.add_modifier(ratatui::style::Modifier::BOLD);
    let room = usize::from(width).saturating_sub(1);
    let name: std::borrow::Cow<'a, str> = if c.client.name.width() <= room {
        c.client.name.as_str().into()
    } else {
        crate::format::truncate(&c.client.name, room).into()
    };
    let status = match c.client.status {
        crate::domain::Status::Active => String::new(),
        other => format!(" ({})", words::status(loc, other)),
    };
    let first = Line::from(vec![Span::styled(name, bold), Span::styled(status, bold)]);
    let mark = match c.neglect.state {
        NeglectState::Overdue => "!",
        NeglectState::Due => "~",
        _ => "",
    };
    let touch = match c.neglect.days_since {
        None => format!("{}{mark}", text(loc, "board-never")),
        Some(d) => format!("{}{mark}", format::days_compact(loc, d)),
    };
    let touch_style = match c.neglect.state {
        NeglectState::Overdue => theme.warn(),
        NeglectState::Due => theme.due(),
        _ => Style::new(),
    };
    let share = format!(" {}", format::share_compact(loc, c.share_bp));
    let mut spans = vec![
        Span::raw("  "),
        Span::raw(form.show(loc, c.revenue_12m)),
        Span::styled(share, theme.dim()),
        Span::raw(" · "),
        Span::styled(touch, touch_style),
    ];
    // Agreement trouble: words when there is room, else "3 late" / "2 br"
    // (the legend says both). "Overdue" here counts agreements.
    let trouble = [
        (
            c.agreements.overdue,
            "board-agr-overdue",
            "board-late",
            theme.warn(),
        ),
        (c.agreements.broken, "board-broken", "board-br", theme.due()),
    ];
    for (n, roomy, narrow, style) in trouble {
        if n > 0 {
            let label = text(loc, if width >= ROOMY { roomy } else { narrow });
            spans.push(Span::styled(format!(" · {n} {label}"), style));
        }
    }
    let second = Line::from(spans).style(base);
    [first, second]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Status;

    const EN: (Locale, MoneyForm) = (Locale::En, MoneyForm::Compact);

    fn text(line: &Line<'_>) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_row_names_the_client_cut_to_width_with_its_status() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut store = crate::store::Store::open_in_memory().unwrap();
        crate::ops::demo::load(&mut store, today).unwrap();
        let view = crate::ops::views::portfolio(&mut store, today).unwrap();
        let theme = Theme { color: true };
        let with = |status: Status| {
            view.clients
                .iter()
                .find(|c| c.client.status == status)
                .unwrap()
        };
        let paused = with(Status::Paused);
        let [first, second] = client_lines(paused, EN, theme, false, 60);
        assert_eq!(text(&first), format!("{} (paused)", paused.client.name));
        assert!(text(&second).starts_with("  "), "{}", text(&second));
        // Too narrow for the name: cut with an ellipsis, borrowed otherwise.
        let [cut, _] = client_lines(paused, EN, theme, false, 6);
        assert!(text(&cut).starts_with(&crate::format::truncate(&paused.client.name, 5)));
        assert!(text(&cut).contains('…'), "{}", text(&cut));
        let active = with(Status::Active);
        let [first, _] = client_lines(active, EN, theme, false, 60);
        assert_eq!(text(&first), active.client.name);
        assert!(matches!(
            first.spans[0].content,
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
