//! Terminal set-up and restore in one place: raw mode and the alternate
//! screen on entry; restored on quit, on error (the guard's Drop), on panic
//! (ratatui's hook) and on SIGTERM/SIGHUP/SIGINT (a signal thread).

use std::io;

use ratatui::DefaultTerminal;

/// Restores the terminal when dropped, whatever path leaves the TUI.
pub struct Guard {
    pub terminal: DefaultTerminal,
}

impl Guard {
    pub fn enter() -> io::Result<Guard> {
        // try_init installs a panic hook that restores the terminal first.
        let terminal = ratatui::try_init()?;
        spawn_signal_thread();
        Ok(Guard { terminal })
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.terminal.show_cursor();
        ratatui::restore();
    }
}

/// On a termination signal, give the terminal back and exit. Writes are
/// transactions, so leaving mid-way loses nothing committed.
fn spawn_signal_thread() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            ratatui::restore();
            let _ = crossterm::execute!(io::stdout(), crossterm::cursor::Show);
            std::process::exit(128 + sig);
        }
    });
}
