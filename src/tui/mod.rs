//! The TUI door: state (`app`), key bindings (`keys`), effects against the
//! store (`effects`), drawing (`view`, `panes/`), terminal handling
//! (`terminal`). Elm style: key -> action -> update -> effects -> draw.

pub mod app;
pub mod effects;
pub mod form;
pub mod keys;
pub mod panes;
pub mod terminal;
pub mod view;
pub mod window;

#[cfg(test)]
mod tests;

use std::time::Duration;

use anyhow::{Context, Result};
use crossterm::event::{self, Event, KeyEventKind};

use crate::session::Session;
use app::{Action, App, update};
use view::Theme;

/// How often an idle TUI checks whether another process changed the file.
/// `PRAGMA data_version` is one cheap read; nothing is redrawn unless it moved.
const WATCH_INTERVAL: Duration = Duration::from_secs(2);

/// The initial state for a session, before anything is read: the first
/// frame (header, tabs, "loading…") is drawn from it at once.
fn initial_app(session: &Session, width: u16, height: u16) -> App {
    let title = if session.demo {
        "demo portfolio".to_string()
    } else {
        session.path.display().to_string()
    };
    let mut app = App::new(session.today, title);
    app.set_size(width, height);
    app
}

/// A fresh `App` over `store` with everything loaded.
pub fn load_app(
    store: &mut crate::store::Store,
    today: chrono::NaiveDate,
    title: String,
    width: u16,
    height: u16,
) -> Result<App> {
    let mut app = App::new(today, title);
    app.set_size(width, height);
    effects::reload(&mut app, store)?;
    Ok(app)
}

/// Run the TUI until the user quits.
pub fn run(mut session: Session) -> Result<()> {
    let theme = Theme::from_env();
    let mut guard = terminal::Guard::enter().context("cannot start the terminal interface")?;
    let size = guard.terminal.size()?;
    // Draw before reading: start to first frame does not grow with the
    // portfolio, and the reading that follows (the board's signals) is
    // shown as loading rather than as a blank terminal.
    let mut app = initial_app(&session, size.width, size.height);
    guard.terminal.draw(|f| view::draw(&app, theme, f))?;
    effects::reload(&mut app, &mut session.store)?;
    let mut version = session.store.data_version().unwrap_or(0);
    guard.terminal.draw(|f| view::draw(&app, theme, f))?;
    while !app.quit {
        // Work deferred while keys come in (counting the filtered log) runs
        // in short slices while none is waiting.
        idle_work(&mut app, &mut session.store, &mut |app| {
            guard
                .terminal
                .draw(|f| view::draw(app, theme, f))
                .map(|_| ())
        })?;
        if has_idle_work(&app) {
            // A key is waiting: take it first.
        } else if !event::poll(WATCH_INTERVAL)? {
            // Idle: wake rarely to notice writes by other processes.
            let now = session.store.data_version().unwrap_or(version);
            if now != version {
                version = now;
                effects::perform(&mut app, &mut session.store, app::Effect::Reload);
                guard.terminal.draw(|f| view::draw(&app, theme, f))?;
            }
            continue;
        }
        let action = match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                keys::map_key(&app.mode, app.pane, app.card.is_some(), &key)
            }
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        };
        let Some(action) = action else {
            continue;
        };
        for effect in update(&mut app, action) {
            effects::perform(&mut app, &mut session.store, effect);
        }
        if !app.quit {
            guard.terminal.draw(|f| view::draw(&app, theme, f))?;
        }
    }
    Ok(())
}

fn has_idle_work(app: &App) -> bool {
    app.touch.fill.is_some() || app.touch.count_pending()
}

/// Work deferred while keys come in, in short slices while none is waiting:
/// filling a short window of the filtered log, then counting it. `draw` runs
/// when a slice changed what is on screen.
fn idle_work(
    app: &mut App,
    store: &mut crate::store::Store,
    draw: &mut dyn FnMut(&App) -> std::io::Result<()>,
) -> Result<()> {
    while has_idle_work(app) {
        if event::poll(Duration::ZERO)? {
            return Ok(());
        }
        if app.touch.fill.is_some() {
            effects::perform(app, store, app::Effect::FillTouch);
            draw(app)?;
        } else {
            effects::perform(app, store, app::Effect::CountTouch);
            if !app.touch.count_pending() {
                draw(app)?;
            }
        }
    }
    Ok(())
}
