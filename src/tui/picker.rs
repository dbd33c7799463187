//! Jump to a client (`:` or `Ctrl-P`): a box over the pane where typed
//! letters match client names as a subsequence, best matches first; `Enter`
//! opens the card of the one selected. State, update and drawing in one
//! place; the ranking ([`score`]) is a pure function.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::action::Action;
use super::app::Shared;
use super::panes::moved;
use super::view::{Theme, centered, fit_line, window_start};
use crate::domain::text::strip_invisible;
use crate::domain::{Id, fold};
use crate::format::{Arg, text, text_with};

/// How well a name matches a query; lower is better. Compared field by
/// field: how the letters were found, then the name's length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Score {
    pub class: Class,
    /// The name's length in characters: shorter names first.
    pub len: usize,
}

/// How the query's letters were found in the name, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// Together, at the start of a word ("ром" in "ООО Ромашка").
    WordStart,
    /// Together, inside a word ("ром" in "Хромов").
    Contiguous,
    /// Apart, the first one at the start of a word ("рм" in "Ромашка").
    ScatteredFromWord,
    /// Apart, anywhere in order ("ром" in "Карта опт мир").
    Scattered,
}

/// Does `name` start a word at character `i`? The first character, or one
/// after anything but a letter or digit (a space, a quote, a hyphen).
fn word_start(name: &[char], i: usize) -> bool {
    i == 0 || !name[i - 1].is_alphanumeric()
}

/// Is `query` a subsequence of `name[from..]`?
fn subsequence(name: &[char], from: usize, query: &[char]) -> bool {
    let mut rest = query.iter().peekable();
    for c in &name[from..] {
        if rest.peek() == Some(&c) {
            rest.next();
        }
    }
    rest.peek().is_none()
}

/// How `name` matches `query`, both folded ([`fold`]); `None` when the
/// query's letters are not all in the name, in order. An empty query
/// matches every name.
pub fn score(name: &str, query: &str) -> Option<Score> {
    let name: &[char] = &name.chars().collect::<Vec<_>>();
    let query: &[char] = &query.chars().collect::<Vec<_>>();
    let len = name.len();
    let Some(&first) = query.first() else {
        return Some(Score {
            class: Class::WordStart,
            len,
        });
    };
    let starts = || (0..name.len()).filter(move |&i| name[i] == first);
    let together = |i: usize| name[i..].starts_with(query);
    let class = if starts().any(|i| word_start(name, i) && together(i)) {
        Class::WordStart
    } else if starts().any(together) {
        Class::Contiguous
    } else if starts().any(|i| word_start(name, i) && subsequence(name, i + 1, &query[1..])) {
        Class::ScatteredFromWord
    } else if subsequence(name, 0, query) {
        Class::Scattered
    } else {
        return None;
    };
    Some(Score { class, len })
}

/// The picker's state: what was typed and the row selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picker {
    pub query: String,
    pub selected: usize,
    /// The matching clients, best first: ranked when the query changes,
    /// not on every frame.
    found: Vec<Id>,
}

/// What a picker key did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Still open.
    Open,
    /// Closed without a choice.
    Closed,
    /// Closed on this client: open its card.
    Chosen(Id),
}

impl Picker {
    /// Open on every client, alphabetically.
    pub fn open(shared: &Shared) -> Picker {
        let mut picker = Picker::default();
        picker.rank(shared);
        picker
    }

    /// Rank the clients for the query (ties by name, then id) and select
    /// the best.
    fn rank(&mut self, shared: &Shared) {
        let query = fold(&self.query);
        let mut found: Vec<(Score, String, Id)> = shared
            .names
            .iter()
            .filter_map(|(&id, name)| {
                // Zero-width and bidi marks are no letters to type.
                let folded = fold(&strip_invisible(name));
                Some((score(&folded, &query)?, folded, id))
            })
            .collect();
        found.sort_unstable();
        if query.is_empty() {
            // Nothing typed: every client, alphabetically.
            found.sort_by(|a, b| (&a.1, a.2).cmp(&(&b.1, b.2)));
        }
        self.found = found.into_iter().map(|(_, _, id)| id).collect();
        self.selected = 0;
    }

    pub fn update(&mut self, action: Action, shared: &Shared) -> Outcome {
        // Up, Down (keys or the wheel) and a click on a match move the selection.
        if let Some(to) = moved(action, self.selected, self.found.len(), 1) {
            self.selected = to;
            return Outcome::Open;
        }
        match action {
            Action::PickerInput(c) => {
                self.query.push(c);
                self.rank(shared);
            }
            Action::PickerBackspace => {
                self.query.pop();
                self.rank(shared);
            }
            Action::PickerDeleteWord => {
                super::form::drop_last_word(&mut self.query);
                self.rank(shared);
            }
            Action::PickerDeleteLine => {
                self.query.clear();
                self.rank(shared);
            }
            Action::PickerCancel => return Outcome::Closed,
            Action::PickerChoose => {
                return match self.found.get(self.selected) {
                    Some(&id) => Outcome::Chosen(id),
                    None => Outcome::Open,
                };
            }
            _ => {}
        }
        Outcome::Open
    }

    pub fn draw(&self, shared: &Shared, theme: Theme, f: &mut Frame, area: Rect) {
        let found = &self.found;
        let rect = centered(area, 60, area.height);
        f.render_widget(Clear, rect);
        let loc = shared.locale;
        let (found_n, all) = (found.len().to_string(), shared.names.len().to_string());
        let args = [("found", Arg::Str(&found_n)), ("all", Arg::Str(&all))];
        let title = format!(" {} ", text_with(loc, "picker-title", &args));
        let keys = format!(" {} ", text(loc, "picker-keys"));
        let block = Block::bordered()
            .title(Span::styled(title, theme.title()))
            .title_bottom(Span::styled(keys, theme.dim()));
        let inner = block.inner(rect);
        f.render_widget(block, rect);
        let rows = usize::from(inner.height.saturating_sub(1));
        let mut lines = vec![Line::from(vec![
            Span::styled("> ", theme.title()),
            Span::raw(self.query.clone()),
            Span::styled("▏", theme.dim()),
        ])];
        let start = window_start(self.selected, rows);
        // The matches' rows (under the query's), for the mouse.
        let list = Rect {
            y: inner.y.saturating_add(1),
            height: inner.height.saturating_sub(1),
            ..inner
        };
        let shown = found.len().saturating_sub(start).min(rows);
        super::mouse::note_rows(shared, list, start, shown, 1, Action::SelectRow);
        for (i, id) in found.iter().enumerate().skip(start).take(rows) {
            let name = shared.name(*id);
            let style = if i == self.selected {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            let line = Line::styled(format!(" {name}"), style);
            lines.push(fit_line(line, inner.width));
        }
        if found.is_empty() {
            let none = format!(" {}", text(loc, "picker-none"));
            lines.push(Line::styled(none, theme.dim()));
        }
        f.render_widget(Paragraph::new(lines), inner);
    }
}

#[cfg(test)]
impl Picker {
    /// The clients matching the query, best first, with their names.
    pub fn matches<'a>(&self, shared: &'a Shared) -> Vec<(Id, &'a str)> {
        self.found
            .iter()
            .filter_map(|id| Some((*id, shared.names.get(id)?.as_str())))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(name: &str, query: &str) -> Option<Score> {
        score(&fold(name), &fold(query))
    }

    #[test]
    fn letters_match_as_a_subsequence_of_the_folded_name() {
        assert!(s("ООО Ромашка", "рм").is_some());
        assert!(s("ООО Ромашка", "РОМ").is_some());
        assert!(s("Ёлки-палки", "ел").is_some(), "ё as е");
        assert!(s("ООО Ромашка", "мр").is_none(), "in order");
        assert!(s("ООО Ромашка", "ромашкаа").is_none());
        assert_eq!(s("Acme", "").map(|x| x.class), Some(Class::WordStart));
    }

    #[test]
    fn word_start_then_contiguous_then_scattered_then_shorter() {
        let word = s("ООО «Ромашка»", "ром").unwrap();
        let inside = s("Хромов", "ром").unwrap();
        let scattered = s("Рыбная оптовая мануфактура", "ром").unwrap();
        let apart = s("Карта опт мир", "ром").unwrap();
        assert_eq!(word.class, Class::WordStart);
        assert_eq!(inside.class, Class::Contiguous);
        assert_eq!(scattered.class, Class::ScatteredFromWord);
        assert_eq!(apart.class, Class::Scattered);
        assert!(word < inside && inside < scattered && scattered < apart);
        // A longer name matching at a word start still beats a short one
        // matching inside a word.
        assert!(s("Ромашка и партнёры холдинг", "ром") < s("Хромов", "ром"));
        // Ties by the shorter name.
        assert!(s("Ромашка", "ром") < s("Ромашка Плюс", "ром"));
        // Display width plays no part in matching: letters are characters.
        assert_eq!(
            s("株式会社ロム", "ロム").map(|x| x.class),
            Some(Class::Contiguous)
        );
    }

    use crate::tui::app::{App, Effect, Mode, update};
    use crate::tui::keys::map_key;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn app() -> App {
        let mut a = App::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), "t");
        a.set_size(80, 24);
        for (id, name) in [
            (1, "Р. О. Мельников"),
            (2, "Хромов"),
            (3, "ООО Ромашка"),
            (4, "Acme"),
        ] {
            a.shared.names.insert(id, name.to_string());
        }
        a
    }

    /// A key as the event loop takes it: mapped by the mode, then updated.
    fn press(a: &mut App, code: KeyCode, mods: KeyModifiers) -> Vec<Effect> {
        let ev = KeyEvent::new(code, mods);
        match map_key(&a.shared.mode, a.pane, a.card.is_some(), &ev) {
            Some(action) => update(a, action),
            None => Vec::new(),
        }
    }

    fn typed(a: &mut App, text: &str) {
        for c in text.chars() {
            press(a, KeyCode::Char(c), KeyModifiers::NONE);
        }
    }

    fn picker(a: &App) -> &Picker {
        match &a.shared.mode {
            Mode::Picker(p) => p,
            other => panic!("{other:?}"),
        }
    }

    fn render(a: &App) -> String {
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| crate::tui::view::draw(a, Theme { color: true }, f))
            .unwrap();
        let buf = t.backend().buffer().clone();
        let mut out = String::new();
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                out.push_str(buf[(x, y)].symbol());
            }
            out.push('\n');
        }
        out
    }

    #[test]
    fn colon_opens_typing_ranks_and_enter_opens_the_card() {
        let mut a = app();
        press(&mut a, KeyCode::Char(':'), KeyModifiers::NONE);
        assert_eq!(picker(&a).query, "");
        assert_eq!(picker(&a).matches(&a.shared).len(), 4, "all, nothing typed");
        typed(&mut a, "РОМ");
        let names: Vec<&str> = picker(&a)
            .matches(&a.shared)
            .into_iter()
            .map(|(_, n)| n)
            .collect();
        assert_eq!(names, ["ООО Ромашка", "Хромов", "Р. О. Мельников"]);
        // Keys typed are the query: `q` does not quit, `j` does not move.
        typed(&mut a, "q");
        assert!(!a.quit);
        assert_eq!(picker(&a).query, "РОМq");
        press(&mut a, KeyCode::Backspace, KeyModifiers::NONE);
        press(&mut a, KeyCode::Down, KeyModifiers::NONE);
        press(&mut a, KeyCode::Down, KeyModifiers::NONE);
        press(&mut a, KeyCode::Down, KeyModifiers::NONE);
        assert_eq!(picker(&a).selected, 2, "never below the last match");
        press(&mut a, KeyCode::Up, KeyModifiers::NONE);
        let effects = press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(effects, vec![Effect::LoadCard(2)]);
        assert_eq!(a.card.as_ref().map(|c| c.client_id), Some(2));
        assert_eq!(a.shared.mode, Mode::Normal);
    }

    #[test]
    fn ctrl_p_opens_over_a_card_and_esc_closes_without_a_choice() {
        let mut a = app();
        update(&mut a, Action::OpenPicker);
        typed(&mut a, "acme");
        update(&mut a, Action::PickerChoose);
        assert_eq!(a.card.as_ref().map(|c| c.client_id), Some(4));
        // From the card, Ctrl-P jumps to another client's card.
        press(&mut a, KeyCode::Char('p'), KeyModifiers::CONTROL);
        assert!(matches!(a.shared.mode, Mode::Picker(_)));
        typed(&mut a, "хромов отчёт");
        press(&mut a, KeyCode::Char('w'), KeyModifiers::CONTROL);
        assert_eq!(picker(&a).query, "хромов ");
        press(&mut a, KeyCode::Char('u'), KeyModifiers::CONTROL);
        assert_eq!(picker(&a).query, "");
        typed(&mut a, "zzz");
        assert!(update(&mut a, Action::PickerChoose).is_empty(), "no match");
        assert!(matches!(a.shared.mode, Mode::Picker(_)), "stays open");
        press(&mut a, KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(a.shared.mode, Mode::Normal);
        assert_eq!(a.card.as_ref().map(|c| c.client_id), Some(4));
    }

    #[test]
    fn colon_and_ctrl_p_open_it_in_normal_mode_only() {
        let mut a = app();
        update(&mut a, Action::StartFilter);
        press(&mut a, KeyCode::Char(':'), KeyModifiers::NONE);
        press(&mut a, KeyCode::Char('p'), KeyModifiers::CONTROL);
        assert_eq!(a.shared.mode, Mode::Filter, "text in a filter");
        assert_eq!(a.panes.portfolio.filter, ":");
        update(&mut a, Action::FilterClear);
        update(&mut a, Action::Add);
        press(&mut a, KeyCode::Char(':'), KeyModifiers::NONE);
        assert!(matches!(a.shared.mode, Mode::Form(_)), "text in a form");
        let en = crate::format::Locale::En;
        let help = crate::tui::keys::help(en, &[], crate::tui::app::Pane::Portfolio, false);
        assert!(help.iter().any(|(k, _)| k == ": Ctrl-P"), "{help:?}");
    }

    #[test]
    fn renders_the_matches_at_80x24() {
        let mut a = app();
        for i in 0..40 {
            a.shared.names.insert(100 + i, format!("Ромашка {i:02}"));
        }
        update(&mut a, Action::OpenPicker);
        typed(&mut a, "ром");
        let screen = render(&a);
        assert!(screen.contains("> ром"), "{screen}");
        assert!(screen.contains("Jump to a client (43/44)"), "{screen}");
        assert!(screen.contains("Enter open"), "{screen}");
        // Word starts first, the shorter names ("Ромашка 00", 10 letters)
        // before "ООО Ромашка" (11).
        let rows: Vec<&str> = screen.lines().filter(|l| l.contains("Ромашка")).collect();
        assert!(rows[0].contains("│ Ромашка 00"), "{screen}");
        // As many rows as fit: the body is 24 - 3 rows, the box's borders
        // and the query line take 3.
        assert_eq!(rows.len(), 24 - 3 - 3, "{screen}");
        assert!(!screen.contains("Хромов"), "cut below the window: {screen}");
        // Moving past the window scrolls it.
        for _ in 0..50 {
            update(&mut a, Action::Down);
        }
        let screen = render(&a);
        assert!(screen.contains("Хромов"), "{screen}");
        assert!(screen.contains("Р. О. Мельников"), "{screen}");
    }

    #[test]
    fn invisible_marks_in_a_name_do_not_split_its_letters() {
        let mut a = app();
        a.shared.names.insert(9, "Ро\u{200b}ма\u{200f}шка".into());
        update(&mut a, Action::OpenPicker);
        typed(&mut a, "ромаш");
        assert_eq!(picker(&a).matches(&a.shared)[0].0, 9);
    }

    /// On the demo portfolio with its store: the card of the client typed
    /// opens and shows its name.
    #[test]
    fn the_demo_card_of_the_client_typed_opens() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut store = crate::store::Store::open_in_memory().unwrap();
        crate::ops::demo::load(&mut store, today).unwrap();
        let mut a = crate::tui::load_app(&mut store, today, "demo".into(), 80, 24).unwrap();
        let (&id, name) = a.shared.names.iter().max_by_key(|(id, _)| **id).unwrap();
        let name = name.clone();
        press(&mut a, KeyCode::Char('p'), KeyModifiers::CONTROL);
        typed(&mut a, &name.to_uppercase());
        assert_eq!(picker(&a).matches(&a.shared)[0], (id, name.as_str()));
        let effects = press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
        crate::tui::run_effects(&mut a, &mut store, effects);
        assert_eq!(a.card.as_ref().map(|c| c.client_id), Some(id));
        let screen = render(&a);
        let short: String = name.chars().take(20).collect();
        assert!(screen.contains(&short), "{short}: {screen}");
    }
}
