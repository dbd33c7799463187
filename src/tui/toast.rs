//! The footer's message is a toast: it fades [`TOAST`] after it was first
//! drawn. The runner calls [`Shared::fade`] on every idle tick and polls no
//! longer than [`Shared::toast_left`], so it goes without a key. Time is
//! passed in (tests use their own instants).

use std::time::{Duration, Instant};

use super::app::Shared;

/// How long a footer message stays.
pub const TOAST: Duration = Duration::from_secs(4);

impl Shared {
    /// The footer's message at `now`: a new one starts its [`TOAST`] time,
    /// one shown that long goes (true: it went, a frame is due).
    pub fn fade(&mut self, now: Instant) -> bool {
        match (&self.message, self.message_at) {
            (None, _) => false,
            (Some(_), None) => {
                self.message_at = Some(now);
                false
            }
            (Some(_), Some(at)) if now.saturating_duration_since(at) >= TOAST => {
                self.message = None;
                self.message_at = None;
                true
            }
            _ => false,
        }
    }

    /// How long the message shown has left at `now` (the runner wakes then).
    pub fn toast_left(&self, now: Instant) -> Option<Duration> {
        self.message.as_ref()?;
        let at = self.message_at.unwrap_or(now);
        Some(TOAST.saturating_sub(now.saturating_duration_since(at)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::app::App;

    /// Issue 22: a footer message fades 4 s after it was first shown.
    #[test]
    fn toasts_fade_after_four_seconds() {
        let mut a = App::new(chrono::NaiveDate::default(), "t");
        let s = &mut a.shared;
        let t0 = Instant::now();
        assert!(!s.fade(t0));
        assert_eq!(s.toast_left(t0), None);
        s.notify("Saved touchpoint for ООО Ромашка");
        assert_eq!(s.toast_left(t0), Some(TOAST));
        assert!(!s.fade(t0), "the first tick starts its time");
        let t3 = t0 + Duration::from_secs(3);
        assert!(!s.fade(t3));
        assert_eq!(s.toast_left(t3), Some(Duration::from_secs(1)));
        assert!(s.message.is_some());
        assert!(s.fade(t0 + TOAST), "gone at 4 s");
        assert_eq!(s.message, None);
        // A new message starts over.
        s.warn("no client selected");
        assert!(!s.fade(t0 + TOAST * 2));
        assert!(!s.fade(t0 + TOAST * 2 + Duration::from_secs(3)));
        assert!(s.fade(t0 + TOAST * 3));
    }
}
