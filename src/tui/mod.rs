//! The TUI door, Elm style: key -> `Action` (`keys`) -> `update` (`app`)
//! -> effects run against the store (`effects`), whose answers (`Msg`,
//! `action`) go back through `update` -> draw (`view`).
//!
//! `app` holds the shared state and routes messages; each pane (`panes/`)
//! owns its state, its update, what it reads and its drawing. Forms: `form`
//! is the widget (fields, cursor, checks), `forms` says which fields each
//! form has. `window` plans the log's pages; `terminal` sets up and
//! restores the terminal.

pub mod action;
pub mod app;
pub mod effects;
pub mod form;
pub mod forms;
pub mod keys;
pub mod mouse;
pub mod panes;
pub mod picker;
pub mod terminal;
pub mod toast;
pub mod undo;
pub mod view;
pub mod window;
pub mod words;

#[cfg(test)]
mod screens;
#[cfg(test)]
mod tests;

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use crossterm::event::{self, Event, KeyEventKind};

use crate::session::Session;
use crate::store::Store;
use app::{Action, App, Effect, Msg, update};
use panes::{Request, touchpoints};
use view::Theme;

/// How often an idle TUI checks whether another process changed the file.
/// `PRAGMA data_version` is one cheap read; nothing is redrawn unless it moved.
const WATCH_INTERVAL: Duration = Duration::from_secs(2);

/// How long an idle loop waits for input: the watch interval, or less
/// when the footer's message is due to fade sooner.
fn poll_timeout(app: &App, now: Instant) -> Duration {
    app.shared
        .toast_left(now)
        .map_or(WATCH_INTERVAL, |left| left.min(WATCH_INTERVAL))
}

/// The initial state for a session, before anything is read: the first
/// frame (header, tabs, "loading…") is drawn from it at once.
fn initial_app(session: &Session, width: u16, height: u16) -> App {
    let title = if session.demo {
        crate::format::text(session.locale, "tui-demo-title")
    } else {
        session.file_title()
    };
    let mut app = App::new(session.today, title);
    app.shared.locale = session.locale;
    app.set_size(width, height);
    app.shared.report_dir = crate::session::documents_dir();
    app
}

/// The person's settings for the TUI, and what to say when the config
/// file is broken (the defaults are used). Opens no database.
fn person_config(locale: crate::format::Locale) -> (crate::config::Config, Option<String>) {
    match crate::config::load() {
        Ok(config) => (config, None),
        Err(e) => {
            let error = crate::format::explain_error(locale, &e);
            let args = [("error", error.as_str().into())];
            let said = crate::format::text_with(locale, "tui-config-broken", &args);
            (crate::config::Config::default(), Some(said))
        }
    }
}

/// A fresh `App` over `store` with everything loaded.
pub fn load_app(
    store: &mut Store,
    today: chrono::NaiveDate,
    title: String,
    width: u16,
    height: u16,
) -> Result<App> {
    let mut app = App::new(today, title);
    app.set_size(width, height);
    first_load(&mut app, store)?;
    Ok(app)
}

/// Read what the first screen shows; a portfolio that cannot be read at
/// all stops the TUI with the reason.
fn first_load(app: &mut App, store: &mut Store) -> Result<()> {
    match effects::perform(store, app.shared.today, app.shared.locale, Effect::Reload) {
        Msg::Failed(e) => anyhow::bail!(e),
        msg => {
            let effects = update(app, msg);
            run_effects(app, store, effects);
            Ok(())
        }
    }
}

/// Perform effects, each answer going back through `update`; the effects
/// an answer asks for run before the next one in line.
pub fn run_effects(app: &mut App, store: &mut Store, effects: Vec<Effect>) {
    let mut queue = VecDeque::from(effects);
    while let Some(effect) = queue.pop_front() {
        let msg = effects::perform(store, app.shared.today, app.shared.locale, effect);
        for next in update(app, msg).into_iter().rev() {
            queue.push_front(next);
        }
    }
}

/// Run the TUI until the user quits; then, with the terminal given back,
/// a demo says its changes are gone (and how to keep one).
pub fn run(mut session: Session) -> Result<()> {
    let result = run_tui(&mut session);
    if let Some(line) = session.farewell() {
        eprintln!("{line}");
    }
    result
}

/// The TUI itself: the terminal is restored when this returns (its guard
/// drops).
fn run_tui(session: &mut Session) -> Result<()> {
    let theme = Theme::from_env();
    let (config, broken) = person_config(session.locale);
    let mut guard = terminal::Guard::enter(config.mouse)
        .with_context(|| crate::format::text(session.locale, "tui-cannot-start"))?;
    let size = guard.terminal.size()?;
    // Draw before reading: start to first frame does not grow with the
    // portfolio, and the reading that follows (the board's signals) is
    // shown as loading rather than as a blank terminal.
    let mut app = initial_app(session, size.width, size.height);
    app.shared.mouse = config.mouse;
    if let Some(warning) = broken {
        app.shared.warn(warning);
    }
    guard.terminal.draw(|f| view::draw(&app, theme, f))?;
    first_load(&mut app, &mut session.store)?;
    let mut version = session.store.data_version().unwrap_or(0);
    guard.terminal.draw(|f| view::draw(&app, theme, f))?;
    while !app.quit {
        // Work deferred while keys come in (filling and counting the
        // filtered log) runs in short slices while none is waiting.
        let waiting = idle_work(&mut app, &mut session.store, &mut |app| {
            guard
                .terminal
                .draw(|f| view::draw(app, theme, f))
                .map(|_| ())
        })?;
        // A footer message fades after `toast::TOAST`: the poll wakes for it.
        if app.shared.fade(Instant::now()) {
            guard.terminal.draw(|f| view::draw(&app, theme, f))?;
        }
        if !waiting && !event::poll(poll_timeout(&app, Instant::now()))? {
            // Idle: wake rarely to notice writes by other processes.
            let now = session.store.data_version().unwrap_or(version);
            if now != version {
                version = now;
                run_effects(&mut app, &mut session.store, vec![Effect::Reload]);
                guard.terminal.draw(|f| view::draw(&app, theme, f))?;
            }
            continue;
        }
        let first = event::read()?;
        // Ctrl-Z or SIGTSTP: give the terminal back and stop; SIGCONT (its
        // wake-up is a resize event): take it again and draw it all.
        let suspend = action_for(&app, &first) == Some(Action::Suspend);
        let mut redraw = false;
        if suspend || terminal::take_suspend_request() {
            guard.suspend()?;
            redraw = true;
        }
        if terminal::take_resumed() {
            guard.resume()?;
            redraw = true;
        }
        if suspend {
            guard.terminal.draw(|f| view::draw(&app, theme, f))?;
            continue;
        }
        // The key, and every one queued behind it, then one frame: a burst
        // (2,000 `j` at once) is not drawn key by key, and the frame drawn
        // once the queue is empty shows where it ended.
        let store = &mut session.store;
        let changed = apply_burst(&mut app, store, first, &mut TerminalInput, FRAME_BUDGET)?;
        if (changed || redraw) && !app.quit {
            guard.terminal.draw(|f| view::draw(&app, theme, f))?;
        }
    }
    Ok(())
}

/// The longest a burst of keys is applied without a frame (a key held
/// down still shows the selection moving).
const FRAME_BUDGET: Duration = Duration::from_millis(100);

/// Where input comes from: whether an event is waiting, and the next one.
trait Input {
    fn pending(&mut self) -> std::io::Result<bool>;
    fn read(&mut self) -> std::io::Result<Event>;
}

/// The terminal's event queue.
struct TerminalInput;

impl Input for TerminalInput {
    fn pending(&mut self) -> std::io::Result<bool> {
        event::poll(Duration::ZERO)
    }

    fn read(&mut self) -> std::io::Result<Event> {
        event::read()
    }
}

/// What an event means in the current mode, if anything.
fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            keys::map_key(&app.shared.mode, app.pane, app.card.is_some(), key)
        }
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

/// What a mouse event means on the frame last drawn (see `mouse`); a
/// click is remembered to tell a double click.
fn mouse_action(app: &mut App, ev: &event::MouseEvent, now: Instant) -> Option<Action> {
    if !app.shared.mouse {
        return None;
    }
    let pointer = mouse::pointer(ev, &mut app.shared.clicks, now)?;
    let enter = event::KeyEvent::new(event::KeyCode::Enter, event::KeyModifiers::NONE);
    let enter = keys::map_key(&app.shared.mode, app.pane, app.card.is_some(), &enter);
    let hits = app.shared.hits.borrow();
    mouse::map_mouse(&hits, &app.shared.mode, enter, pointer, ev.column, ev.row)
}

/// Apply `first`, then every event already queued behind it, until the
/// queue is empty (or quit, or `budget` has passed): the moment to draw.
/// True when something was applied (a frame is due).
fn apply_burst(
    app: &mut App,
    store: &mut Store,
    first: Event,
    input: &mut dyn Input,
    budget: Duration,
) -> Result<bool> {
    let started = std::time::Instant::now();
    let mut changed = false;
    let mut event = first;
    loop {
        // A suspend is the runner's, between bursts (one queued inside a
        // burst is dropped).
        let action = match &event {
            Event::Mouse(ev) => mouse_action(app, ev, Instant::now()),
            _ => action_for(app, &event),
        };
        if let Some(action) = action.filter(|a| *a != Action::Suspend) {
            let effects = update(app, action);
            run_effects(app, store, effects);
            changed = true;
        }
        if app.quit || started.elapsed() >= budget || !input.pending()? {
            return Ok(changed);
        }
        event = input.read()?;
    }
}

/// Work deferred while keys come in, in short slices while none is waiting:
/// filling a short window of the filtered log, then counting it. `draw` runs
/// when a slice changed what is on screen. True when it stopped because a
/// key is waiting.
fn idle_work(
    app: &mut App,
    store: &mut Store,
    draw: &mut dyn FnMut(&App) -> std::io::Result<()>,
) -> Result<bool> {
    while let Some(effect) = app.idle_effect() {
        if event::poll(Duration::ZERO)? {
            return Ok(true);
        }
        let fill = matches!(
            effect,
            Effect::Pane(Request::Touch(touchpoints::Read::Fill(_)))
        );
        run_effects(app, store, vec![effect]);
        if fill || !app.panes.touch.count_pending() {
            draw(app)?;
        }
    }
    Ok(false)
}

#[cfg(test)]
mod toast_tests {
    use super::*;

    #[test]
    fn the_idle_poll_wakes_when_a_toast_is_due_to_fade() {
        let mut a = App::new(chrono::NaiveDate::default(), "t");
        let t0 = Instant::now();
        assert_eq!(poll_timeout(&a, t0), WATCH_INTERVAL);
        a.shared.notify("saved");
        a.shared.fade(t0);
        let later = t0 + Duration::from_millis(3500);
        assert_eq!(poll_timeout(&a, later), Duration::from_millis(500));
    }
}
