//! Terminal set-up and restore in one place: raw mode, the alternate
//! screen and (unless turned off) mouse capture on entry; all restored on
//! quit, on error (the guard's Drop), on panic (ratatui's hook, with ours
//! before it for the mouse) and on SIGTERM/SIGHUP/SIGINT/SIGQUIT (a signal
//! thread).
//!
//! Suspend (Unix), as vim and lazygit do: `Ctrl-Z` (a key in raw mode) or
//! an outside SIGTSTP gives the terminal back and stops the process; on
//! SIGCONT raw mode and the alternate screen come back and everything is
//! redrawn. The signal thread only raises flags and wakes the event loop
//! (a SIGWINCH, which crossterm turns into a resize event); the runner,
//! which owns the terminal, does the work, so nothing is drawn half-way
//! through giving the terminal back. Windows has no job control: there
//! `Ctrl-Z` does nothing and there is no signal thread.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::DefaultTerminal;

/// Restores the terminal when dropped, whatever path leaves the TUI.
pub struct Guard {
    pub terminal: DefaultTerminal,
    /// Mouse capture is on (clicks and the wheel come as events).
    mouse: bool,
}

impl Guard {
    /// Take the terminal; `mouse`: capture clicks and the wheel too.
    pub fn enter(mouse: bool) -> io::Result<Guard> {
        // try_init installs a panic hook that restores the terminal first;
        // ours, around it, gives mouse capture back as well.
        let terminal = ratatui::try_init()?;
        let ratatui_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableMouseCapture);
            ratatui_hook(info);
        }));
        let guard = Guard { terminal, mouse };
        guard.capture_mouse()?;
        #[cfg(unix)]
        signals::spawn_thread();
        Ok(guard)
    }

    fn capture_mouse(&self) -> io::Result<()> {
        if self.mouse {
            crossterm::execute!(io::stdout(), crossterm::event::EnableMouseCapture)?;
        }
        Ok(())
    }

    /// Give the terminal back, stop until continued, then take it again
    /// ([`Guard::resume`]); the caller draws. Unix only: elsewhere nothing.
    pub fn suspend(&mut self) -> io::Result<()> {
        #[cfg(unix)]
        {
            let _ = self.terminal.show_cursor();
            give_back();
            // Stops this process (SIGSTOP); returns once it is continued.
            signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
            self.resume()?;
        }
        Ok(())
    }

    /// After a stop: raw mode and the alternate screen again, the screen
    /// cleared and ratatui's idea of it forgotten, so the next draw paints
    /// every cell.
    pub fn resume(&mut self) -> io::Result<()> {
        // Whoever continued us may have put the terminal back in cooked
        // mode; crossterm would think raw mode is still on, so turn it off
        // first (a no-op after our own suspend).
        let _ = crossterm::terminal::disable_raw_mode();
        crossterm::terminal::enable_raw_mode()?;
        crossterm::execute!(
            io::stdout(),
            crossterm::terminal::EnterAlternateScreen,
            crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
        )?;
        self.capture_mouse()?;
        let _ = self.terminal.hide_cursor();
        // Both buffers empty: the next frame is drawn in full.
        self.terminal.swap_buffers();
        self.terminal.swap_buffers();
        Ok(())
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.terminal.show_cursor();
        let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableMouseCapture);
        ratatui::restore();
    }
}

/// Raw mode off, the main screen back, mouse capture off, the cursor shown.
#[cfg(unix)]
fn give_back() {
    ratatui::restore();
    let _ = crossterm::execute!(
        io::stdout(),
        crossterm::event::DisableMouseCapture,
        crossterm::cursor::Show
    );
}

/// Raised by the signal thread (Unix; elsewhere they stay down): SIGTSTP
/// came, SIGCONT came.
static SUSPEND: AtomicBool = AtomicBool::new(false);
static RESUMED: AtomicBool = AtomicBool::new(false);

/// SIGTSTP asked for a suspend the runner has not done yet.
pub fn take_suspend_request() -> bool {
    SUSPEND.swap(false, Ordering::SeqCst)
}

/// SIGCONT came: the terminal must be taken again and redrawn.
pub fn take_resumed() -> bool {
    RESUMED.swap(false, Ordering::SeqCst)
}

#[cfg(unix)]
mod signals {
    use std::sync::atomic::Ordering;

    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};

    use super::{RESUMED, SUSPEND};

    /// On a termination signal, give the terminal back and exit. Writes are
    /// transactions, so leaving mid-way loses nothing committed. SIGTSTP
    /// and SIGCONT are flags for the runner, which a SIGWINCH wakes.
    pub fn spawn_thread() {
        let Ok(mut signals) = signal_hook::iterator::Signals::new([
            SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT,
        ]) else {
            return;
        };
        std::thread::spawn(move || {
            for sig in signals.forever() {
                match sig {
                    SIGTSTP => SUSPEND.store(true, Ordering::SeqCst),
                    SIGCONT => RESUMED.store(true, Ordering::SeqCst),
                    _ => {
                        super::give_back();
                        std::process::exit(128 + sig);
                    }
                }
                // crossterm's event source wakes on SIGWINCH with a resize
                // event (the size may well have changed while stopped).
                let _ = signal_hook::low_level::raise(SIGWINCH);
            }
        });
    }
}
