//! Text from the data never drives the terminal: what folio accepts in a
//! text field, and how it shows text it holds.
//!
//! - **Input.** A control character is C0 (U+0000-U+001F), DEL (U+007F) or
//!   C1 (U+0080-U+009F): `char::is_control`. One-line fields (names,
//!   channels, roles, phones, emails) refuse all of them; multi-line fields
//!   (notes, summaries, agreement texts, reasons, payment notes) allow tab and
//!   line feed only, a CRLF becoming LF. NUL is refused everywhere. An import
//!   turns a line break or tab inside a one-line cell into a space first
//!   ([`cell_as_line`]).
//! - **Names.** Invisible characters (zero-width, bidi controls, BOM, soft
//!   hyphen: [`is_invisible`]) do not make a name: one with nothing else is
//!   refused, and names are compared without them (`model::name_key`).
//! - **Output.** Human output (tables, Markdown, text, stderr) shows every
//!   control character as `\u001b` (six visible characters, the form JSON
//!   uses), whether or not it goes to a terminal: [`escape`] for one line,
//!   [`escape_lines`] keeping line feeds and tabs.

use std::borrow::Cow;
use std::fmt::Write as _;

/// The longest text folio keeps in one field, in characters; longer input
/// is refused, not cut.
pub const MAX_CHARS: usize = 10_000;

/// Is `text` longer than a field may hold ([`MAX_CHARS`] characters)? A
/// character is at least a byte, so only text of more bytes is counted.
pub fn too_long(text: &str) -> bool {
    text.len() > MAX_CHARS && text.chars().count() > MAX_CHARS
}

/// How a text field holds its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// Names, channels, roles, phones, emails: no control character at all.
    One,
    /// Notes, summaries, agreement texts: tab and line feed allowed.
    Many,
}

/// Is `c` refused in a field of `lines`? Every control character, but tab
/// and line feed in a multi-line field.
pub fn refused(c: char, lines: Lines) -> bool {
    c.is_control() && !(lines == Lines::Many && (c == '\n' || c == '\t'))
}

/// The first character of `text` refused in a field of `lines`, if any.
/// Reads bytes: every control character is a byte below 0x20, 0x7F, or (C1)
/// 0xC2 followed by 0x80-0x9F, so clean text (most) costs one pass and no
/// decoding.
pub fn first_refused(text: &str, lines: Lines) -> Option<char> {
    let bytes = text.as_bytes();
    let keep = |b: u8| lines == Lines::Many && (b == b'\n' || b == b'\t');
    for (i, &b) in bytes.iter().enumerate() {
        let found = match b {
            0x00..=0x1F if !keep(b) => u32::from(b),
            0x7F => 0x7F,
            0xC2 => match bytes.get(i + 1) {
                Some(&next @ 0x80..=0x9F) => u32::from(next),
                _ => continue,
            },
            _ => continue,
        };
        return char::from_u32(found);
    }
    None
}

/// A text refused for a field: which field, which character.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {}", self.message())]
pub struct TextError {
    pub field: &'static str,
    pub found: char,
    pub lines: Lines,
}

impl TextError {
    /// What is wrong, without the field's name.
    pub fn message(&self) -> String {
        let code = code_point(self.found);
        match (self.found, self.lines) {
            ('\0', _) => format!("contains a NUL character ({code})"),
            ('\n' | '\r', Lines::One) => {
                format!("must be one line (found a line break, {code})")
            }
            ('\t', Lines::One) => format!("contains a tab ({code}); use spaces"),
            ('\r', Lines::Many) => {
                format!("contains a carriage return ({code}) that does not end a line")
            }
            _ => format!("contains the control character {code}, which folio does not keep"),
        }
    }
}

/// `U+001B`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// The error for the first character of `text` refused in a field of
/// `lines`, if any.
fn refuse(field: &'static str, text: &str, lines: Lines) -> Result<(), TextError> {
    match first_refused(text, lines) {
        None => Ok(()),
        Some(found) => Err(TextError {
            field,
            found,
            lines,
        }),
    }
}

/// Check a one-line field.
pub fn single_line(field: &'static str, text: &str) -> Result<(), TextError> {
    refuse(field, text, Lines::One)
}

/// Check a multi-line field: its text with CRLF as LF, or the error.
pub fn multi_line<'a>(field: &'static str, text: &'a str) -> Result<Cow<'a, str>, TextError> {
    let text = if text.contains("\r\n") {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(text)
    };
    refuse(field, &text, Lines::Many)?;
    Ok(text)
}

/// [`single_line`] or [`multi_line`], by `lines`.
pub fn check<'a>(
    field: &'static str,
    text: &'a str,
    lines: Lines,
) -> Result<Cow<'a, str>, TextError> {
    match lines {
        Lines::One => single_line(field, text).map(|()| Cow::Borrowed(text)),
        Lines::Many => multi_line(field, text),
    }
}

/// A one-line cell of an imported file: a line break or tab inside it
/// becomes a space (a CRLF two, which a name's cleaning collapses).
pub fn cell_as_line(text: &str) -> Cow<'_, str> {
    let breaks = |c: char| matches!(c, '\t' | '\n' | '\r');
    if text.contains(breaks) {
        Cow::Owned(text.replace(breaks, " "))
    } else {
        Cow::Borrowed(text)
    }
}

/// Characters that show nothing: zero-width space, non-joiner and joiner,
/// the bidi marks, embeddings, overrides and isolates, the word joiner and
/// invisible operators, the BOM (zero-width no-break space), soft hyphen.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// `text` without its invisible characters (borrowed when it has none).
pub fn strip_invisible(text: &str) -> Cow<'_, str> {
    // Every invisible character is outside ASCII.
    if text.is_ascii() || !text.contains(is_invisible) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|c| !is_invisible(*c)).collect())
    }
}

/// Does `text` show anything: a character neither white space nor invisible?
pub fn has_visible(text: &str) -> bool {
    text.chars().any(|c| !c.is_whitespace() && !is_invisible(c))
}

/// `text` for one line of human output: every control character (line feed
/// and tab too) as `\u001b`. Borrowed when there is none.
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_with(text, Lines::One)
}

/// `text` for human output that keeps its lines: every control character but
/// line feed and tab as `\u001b`. Borrowed when there is none.
pub fn escape_lines(text: &str) -> Cow<'_, str> {
    escape_with(text, Lines::Many)
}

/// [`escape_lines`] of an owned text, kept as it is when clean.
pub fn escape_lines_owned(text: String) -> String {
    match escape_lines(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(escaped) => escaped,
    }
}

fn escape_with(text: &str, lines: Lines) -> Cow<'_, str> {
    if first_refused(text, lines).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if refused(c, lines) {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const OSC52: &str = "\u{1b}]52;c;aGVsbG8=\u{7}";

    #[test]
    fn one_line_fields_refuse_every_control_character() {
        for c in [
            '\0', '\t', '\n', '\r', '\u{1b}', '\u{7}', '\u{7f}', '\u{80}', '\u{9b}',
        ] {
            let e = single_line("name", &format!("A{c}B")).unwrap_err();
            assert_eq!((e.field, e.found), ("name", c));
        }
        assert!(single_line("name", "ООО «Ромашка» 🌼 Café").is_ok());
        // Characters near the C1 block are letters.
        assert!(single_line("name", "\u{a0}\u{a9}ÿ\u{100}").is_ok());
    }

    #[test]
    fn multi_line_fields_keep_tab_and_newline_and_take_crlf_as_lf() {
        assert_eq!(
            multi_line("notes", "a\tb\nc").unwrap(),
            Cow::Borrowed("a\tb\nc")
        );
        assert_eq!(multi_line("notes", "a\r\nb\r\n").unwrap(), "a\nb\n");
        for (text, found) in [
            ("a\rb", '\r'),
            ("a\0b", '\0'),
            (OSC52, '\u{1b}'),
            ("x\u{9b}31m", '\u{9b}'),
            ("\u{7f}", '\u{7f}'),
        ] {
            let e = multi_line("notes", text).unwrap_err();
            assert_eq!((e.field, e.found), ("notes", found), "{text:?}");
        }
    }

    #[test]
    fn errors_name_the_field_and_the_character() {
        let e = single_line("name", "A\u{1b}B").unwrap_err();
        assert_eq!(
            e.to_string(),
            "name: contains the control character U+001B, which folio does not keep"
        );
        assert_eq!(
            single_line("phone", "1\n2").unwrap_err().to_string(),
            "phone: must be one line (found a line break, U+000A)"
        );
        assert_eq!(
            multi_line("summary", "a\0").unwrap_err().to_string(),
            "summary: contains a NUL character (U+0000)"
        );
        assert_eq!(code_point('\u{9b}'), "U+009B");
    }

    #[test]
    fn import_cells_turn_breaks_and_tabs_into_spaces() {
        assert_eq!(cell_as_line("a\tb\r\nc"), "a b  c");
        assert!(matches!(cell_as_line("plain"), Cow::Borrowed("plain")));
    }

    #[test]
    fn invisible_characters_are_ignored_in_names() {
        assert_eq!(strip_invisible("Ромашка\u{200b}"), "Ромашка");
        assert_eq!(strip_invisible("\u{feff}A\u{202e}B\u{2066}\u{ad}"), "AB");
        assert!(!has_visible("\u{200b}\u{200b} \u{feff}\u{200d}"));
        assert!(!has_visible(""));
        assert!(has_visible("\u{200b}x"));
    }

    #[test]
    fn escapes_show_control_characters_and_nothing_else() {
        assert_eq!(escape(OSC52), "\\u001b]52;c;aGVsbG8=\\u0007");
        assert_eq!(escape("a\nb\tc"), "a\\u000ab\\u0009c");
        assert_eq!(escape_lines("a\nb\tc\r"), "a\nb\tc\\u000d");
        assert_eq!(escape_lines("\u{9b}31m\u{7f}"), "\\u009b31m\\u007f");
        assert!(matches!(
            escape_lines("ООО Ромашка · 5 %\n"),
            Cow::Borrowed(_)
        ));
        assert_eq!(escape_lines_owned("ok\n".into()), "ok\n");
    }

    proptest! {
        /// Whatever goes in, escaped text holds no character a terminal
        /// acts on (line feed and tab where lines are kept), and clean text
        /// comes back unchanged.
        #[test]
        fn escaped_text_drives_nothing(s in "(\\PC|[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}])*") {
            prop_assert!(!escape(&s).chars().any(char::is_control));
            prop_assert!(!escape_lines(&s).chars().any(|c| refused(c, Lines::Many)));
            prop_assert_eq!(first_refused(&s, Lines::One), s.chars().find(|c| refused(*c, Lines::One)));
            prop_assert_eq!(first_refused(&s, Lines::Many), s.chars().find(|c| refused(*c, Lines::Many)));
            if first_refused(&s, Lines::One).is_none() {
                prop_assert_eq!(escape(&s), Cow::Borrowed(s.as_str()));
            }
        }

        /// What a multi-line field accepts, escaping for output leaves as is.
        #[test]
        fn accepted_text_needs_no_escape(s in "(\\PC|[\\t\\n\\r])*") {
            if let Ok(kept) = multi_line("notes", &s) {
                prop_assert_eq!(escape_lines(&kept), kept.clone());
                prop_assert!(!kept.contains('\r'));
            }
        }
    }
}
