//! Screen snapshots: every pane and the client card on the demo portfolio
//! with a fixed today, at the three sizes the TUI is designed for (80x24,
//! 140x45, 200x60), drawn on ratatui's `TestBackend`. A change to a screen
//! shows as a diff of the `.snap` file under `src/tui/snapshots/`: read it
//! (or `cargo insta review`) and accept it only when the screen is right.
//! Under `CI=true` a missing or different snapshot fails.

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

use super::app::{Action, App, Pane, update};
use super::view::{Theme, draw};
use super::{load_app, run_effects};
use crate::store::Store;

const SIZES: [(u16, u16); 3] = [(80, 24), (140, 45), (200, 60)];

fn demo(w: u16, h: u16) -> (Store, App) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    crate::ops::demo::load(&mut store, today).unwrap();
    let mut app = load_app(&mut store, today, "demo.db".into(), w, h).unwrap();
    press(&mut app, &mut store, Action::Resize(w, h));
    (store, app)
}

fn press(app: &mut App, store: &mut Store, action: Action) {
    let effects = update(app, action);
    run_effects(app, store, effects);
}

/// The screen as text, one line per row, trailing blanks kept off so the
/// snapshot files stay readable.
fn screen(app: &App) -> String {
    let (w, h) = app.shared.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(app, Theme { color: false }, f)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < buf.area.width {
            // A wide character covers the cell after it: skip that one, so
            // the text lines up as the terminal shows it.
            let symbol = buf[(x, y)].symbol();
            line.push_str(symbol);
            x += symbol.width().max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Snapshot `pane` at every size, after `keys` (pressed once the pane is open).
fn snap(name: &str, pane: Pane, keys: &[Action]) {
    for (w, h) in SIZES {
        let (mut store, mut app) = demo(w, h);
        press(&mut app, &mut store, Action::SelectPane(pane));
        for &k in keys {
            press(&mut app, &mut store, k);
        }
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&app));
    }
}

#[test]
fn board() {
    snap("board", Pane::Portfolio, &[]);
}

#[test]
fn touchpoints() {
    snap("touchpoints", Pane::Touchpoints, &[]);
}

#[test]
fn agreements() {
    snap("agreements", Pane::Agreements, &[]);
}

#[test]
fn plan() {
    snap("plan", Pane::Plan, &[]);
}

#[test]
fn review() {
    snap("review", Pane::Review, &[]);
}

#[test]
fn card() {
    snap("card", Pane::Portfolio, &[Action::OpenCard]);
}

#[test]
fn help() {
    snap("help", Pane::Portfolio, &[Action::Help]);
}

#[test]
fn plan_rows_behind_received() {
    snap(
        "plan_received",
        Pane::Plan,
        &[Action::Top, Action::OpenCard],
    );
}

/// The README's screenshots (`assets/screen-*.txt`), at 100x30: run with
/// `cargo test --lib tui::screens::readme_screenshots -- --ignored` after a
/// screen changes, and paste them into the README.
#[test]
#[ignore = "writes assets/; run by hand to refresh the README's screenshots"]
fn readme_screenshots() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    for (name, pane) in [("board", Pane::Portfolio), ("review", Pane::Review)] {
        let (mut store, mut app) = demo(100, 30);
        press(&mut app, &mut store, Action::SelectPane(pane));
        std::fs::write(dir.join(format!("screen-{name}.txt")), screen(&app)).unwrap();
    }
}
