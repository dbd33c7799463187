//! Text laid out for a terminal, shared by both doors: the command line's
//! tables and the TUI's panes cut text to the same columns. About display
//! widths (unicode-width), not about values, so it lives outside `domain`
//! (whose text rules, in `domain::text`, say which characters a value may
//! hold and how they are shown).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Cut `s` to at most `max` columns, ending with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// A share in basis points as a whole percent, rounded down; a share above
/// zero but under one percent reads `<1%`, never `0%`.
pub fn share_percent(bp: i64) -> String {
    if bp > 0 && bp < 100 {
        "<1%".to_string()
    } else {
        format!("{}%", bp / 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_share_is_not_zero() {
        assert_eq!(share_percent(0), "0%");
        assert_eq!(share_percent(1), "<1%");
        assert_eq!(share_percent(99), "<1%");
        assert_eq!(share_percent(100), "1%");
        assert_eq!(share_percent(1_499), "14%");
    }

    #[test]
    fn truncates_wide_text() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("北京北京", 5), "北京…");
        assert_eq!(truncate("ok", 4), "ok");
    }
}
