//! The mouse, as in lazygit and gitui: a click selects a pane's tab, a row
//! of a list or a column of the board; a double click on a row is `Enter`;
//! the wheel scrolls the list or the card under the pointer. The keyboard
//! stays first: every click is an action a key also has.
//!
//! Hit-testing is kept simple: while drawing, the view and the panes note
//! the areas they drew and what a click there means ([`Hit`], in
//! `Shared::hits`); [`map_mouse`], a pure function, maps a pointer event at
//! (x, y) to an action through them. `folio config set mouse off` turns the
//! mouse off (the terminal then keeps its own selection by drag).

use std::time::{Duration, Instant};

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::app::{Mode, Shared};

/// What a click on an area means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    /// A tab or a board column: a click does `Action`, a double click too.
    Select(Action),
    /// A row of a list: a click selects it (`Action`), a double click is
    /// `Enter` on it.
    Row(Action),
    /// A list or the card: the wheel down and up do these; a click does
    /// nothing.
    Wheel { down: Action, up: Action },
}

/// The wheel over a list or the card: down and up, as `j` and `k`.
pub const SCROLL: Spot = Spot::Wheel {
    down: Action::Down,
    up: Action::Up,
};

/// An area drawn on the last frame and what a pointer there means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub area: Rect,
    pub spot: Spot,
}

/// Note that `area` was drawn and what a pointer there means; later notes
/// lie over earlier ones.
pub fn note(shared: &Shared, area: Rect, spot: Spot) {
    if area.width > 0 && area.height > 0 {
        shared.hits.borrow_mut().push(Hit { area, spot });
    }
}

/// Note a list's visible rows: `count` rows of `height` lines from the top
/// of `area`, the first of them row `first`; `select(n)` selects row `n`.
pub fn note_rows(
    shared: &Shared,
    area: Rect,
    first: usize,
    count: usize,
    height: u16,
    select: impl Fn(usize) -> Action,
) {
    note(shared, area, SCROLL);
    let height = height.max(1);
    for i in 0..count {
        let Ok(dy) = u16::try_from(i) else { break };
        let y = area.y.saturating_add(dy.saturating_mul(height));
        if y >= area.bottom() {
            break;
        }
        let row = Rect {
            y,
            height: height.min(area.bottom() - y),
            ..area
        };
        note(shared, row, Spot::Row(select(first + i)));
    }
}

/// What the pointer did, for [`map_mouse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    Click,
    DoubleClick,
    WheelDown,
    WheelUp,
}

/// What a pointer event at (`x`, `y`) means, given what the last frame
/// drew (`hits`), the mode, and what `Enter` does here (`enter`). The
/// normal mode and the picker take clicks; help scrolls with the wheel;
/// forms, questions and the filter ignore the mouse.
pub fn map_mouse(
    hits: &[Hit],
    mode: &Mode,
    enter: Option<Action>,
    pointer: Pointer,
    x: u16,
    y: u16,
) -> Option<Action> {
    let wheel = matches!(pointer, Pointer::WheelDown | Pointer::WheelUp);
    match mode {
        Mode::Help => {
            return match pointer {
                Pointer::WheelDown => Some(Action::Down),
                Pointer::WheelUp => Some(Action::Up),
                _ => None,
            };
        }
        Mode::Normal | Mode::Picker(_) => {}
        _ => return None,
    }
    let at = Position { x, y };
    // The topmost area under the pointer that takes this kind of event.
    let spot = hits
        .iter()
        .rev()
        .find(|h| matches!(h.spot, Spot::Wheel { .. }) == wheel && h.area.contains(at))?
        .spot;
    match (spot, pointer) {
        (Spot::Wheel { down, .. }, Pointer::WheelDown) => Some(down),
        (Spot::Wheel { up, .. }, Pointer::WheelUp) => Some(up),
        (Spot::Select(action), _) => Some(action),
        (Spot::Row(action), Pointer::Click) => Some(action),
        (Spot::Row(_), Pointer::DoubleClick) => enter,
        _ => None,
    }
}

/// The pointer as [`map_mouse`] takes it, from crossterm's event; `clicks`
/// tells a double click from two clicks. Drags, moves and releases: `None`.
pub fn pointer(ev: &MouseEvent, clicks: &mut Clicks, now: Instant) -> Option<Pointer> {
    match ev.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(if clicks.click(now, ev.column, ev.row) {
            Pointer::DoubleClick
        } else {
            Pointer::Click
        }),
        MouseEventKind::ScrollDown => Some(Pointer::WheelDown),
        MouseEventKind::ScrollUp => Some(Pointer::WheelUp),
        _ => None,
    }
}

/// Two clicks on the same cell this close together are a double click.
pub const DOUBLE_CLICK: Duration = Duration::from_millis(400);

/// The last click, to tell a double click.
#[derive(Debug, Clone, Copy, Default)]
pub struct Clicks {
    last: Option<(Instant, u16, u16)>,
}

impl Clicks {
    /// A click at (`x`, `y`) at `now`: true when it makes a double click
    /// (a third click starts over).
    pub fn click(&mut self, now: Instant, x: u16, y: u16) -> bool {
        let double = self.last.is_some_and(|(at, lx, ly)| {
            (lx, ly) == (x, y) && now.saturating_duration_since(at) <= DOUBLE_CLICK
        });
        self.last = if double { None } else { Some((now, x, y)) };
        double
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::panes::Pane;

    fn hits() -> Vec<Hit> {
        vec![
            Hit {
                area: Rect::new(0, 1, 10, 1),
                spot: Spot::Select(Action::SelectPane(Pane::Plan)),
            },
            Hit {
                area: Rect::new(0, 2, 40, 10),
                spot: SCROLL,
            },
            Hit {
                area: Rect::new(1, 4, 38, 2),
                spot: Spot::Row(Action::SelectRow(7)),
            },
        ]
    }

    #[test]
    fn a_click_selects_what_is_under_it_and_a_double_click_is_enter() {
        let h = hits();
        let n = &Mode::Normal;
        let enter = Some(Action::OpenCard);
        let at = |p, x, y| map_mouse(&h, n, enter, p, x, y);
        assert_eq!(
            at(Pointer::Click, 3, 1),
            Some(Action::SelectPane(Pane::Plan))
        );
        assert_eq!(at(Pointer::Click, 5, 5), Some(Action::SelectRow(7)));
        assert_eq!(at(Pointer::DoubleClick, 5, 5), Some(Action::OpenCard));
        assert_eq!(
            at(Pointer::DoubleClick, 3, 1),
            Some(Action::SelectPane(Pane::Plan))
        );
        // Inside the list but on no row, and outside everything.
        assert_eq!(at(Pointer::Click, 5, 9), None);
        assert_eq!(at(Pointer::Click, 50, 20), None);
        // The wheel scrolls the list under the pointer, not the tabs.
        assert_eq!(at(Pointer::WheelDown, 5, 9), Some(Action::Down));
        assert_eq!(at(Pointer::WheelUp, 5, 5), Some(Action::Up));
        assert_eq!(at(Pointer::WheelDown, 3, 1), None);
    }

    #[test]
    fn only_the_normal_mode_takes_clicks_and_help_scrolls() {
        let h = hits();
        assert_eq!(
            map_mouse(&h, &Mode::Help, None, Pointer::WheelDown, 70, 0),
            Some(Action::Down)
        );
        assert_eq!(map_mouse(&h, &Mode::Help, None, Pointer::Click, 5, 5), None);
        assert_eq!(
            map_mouse(&h, &Mode::Filter, None, Pointer::Click, 5, 5),
            None
        );
    }

    #[test]
    fn rows_are_noted_within_their_area() {
        let a = crate::tui::app::App::new(chrono::NaiveDate::MIN, "t");
        note_rows(
            &a.shared,
            Rect::new(0, 0, 20, 5),
            10,
            4,
            2,
            Action::SelectRow,
        );
        let h = a.shared.hits.borrow();
        let rows: Vec<(Rect, Spot)> = h.iter().map(|h| (h.area, h.spot)).collect();
        assert_eq!(
            rows,
            [
                (Rect::new(0, 0, 20, 5), SCROLL),
                (Rect::new(0, 0, 20, 2), Spot::Row(Action::SelectRow(10))),
                (Rect::new(0, 2, 20, 2), Spot::Row(Action::SelectRow(11))),
                (Rect::new(0, 4, 20, 1), Spot::Row(Action::SelectRow(12))),
            ]
        );
    }

    #[test]
    fn two_clicks_on_one_cell_close_together_are_a_double_click() {
        let t0 = Instant::now();
        let mut c = Clicks::default();
        assert!(!c.click(t0, 3, 4));
        assert!(c.click(t0 + Duration::from_millis(200), 3, 4));
        assert!(
            !c.click(t0 + Duration::from_millis(300), 3, 4),
            "a third starts over"
        );
        assert!(!c.click(t0 + Duration::from_millis(900), 3, 4), "too late");
        assert!(!c.click(t0 + Duration::from_millis(950), 5, 4), "elsewhere");
    }
}
