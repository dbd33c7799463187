//! Aligned text tables. Widths are measured as the terminal shows them
//! (unicode-width), so Cyrillic, accents and emoji line up.

use unicode_width::UnicodeWidthStr;

use crate::format::{Locale, text, truncate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

pub struct Table {
    headers: Vec<String>,
    aligns: Vec<Align>,
    rows: Vec<Vec<String>>,
}

/// The widest a column may grow before its text is cut with `…`.
const MAX_WIDTH: usize = 48;

impl Table {
    /// Columns as `(header, align)`.
    pub fn new<S: AsRef<str>>(columns: &[(S, Align)]) -> Table {
        Table {
            headers: columns
                .iter()
                .map(|(h, _)| h.as_ref().to_string())
                .collect(),
            aligns: columns.iter().map(|(_, a)| *a).collect(),
            rows: Vec::new(),
        }
    }

    /// Columns as `(message id, align)`, headed in `loc` (an empty id is
    /// a column without a header).
    pub fn headed(loc: Locale, columns: &[(&str, Align)]) -> Table {
        let columns: Vec<(String, Align)> = columns
            .iter()
            .map(|&(id, align)| match id {
                "" => (String::new(), align),
                id => (text(loc, id), align),
            })
            .collect();
        Table::new(&columns)
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn render(&self) -> String {
        let n = self.headers.len();
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                (0..n)
                    .map(|i| {
                        truncate(
                            &one_line(r.get(i).map(String::as_str).unwrap_or("")),
                            MAX_WIDTH,
                        )
                    })
                    .collect()
            })
            .collect();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.width()).collect();
        for r in &cells {
            for (i, c) in r.iter().enumerate() {
                widths[i] = widths[i].max(c.width());
            }
        }
        let mut out = String::new();
        let line = |cells: &[String], out: &mut String| {
            let mut text = String::new();
            for (i, c) in cells.iter().enumerate() {
                if i > 0 {
                    text.push_str("  ");
                }
                let pad = crate::format::fill(c, widths[i]);
                let cell = match self.aligns[i] {
                    Align::Left => format!("{c}{pad}"),
                    Align::Right => format!("{pad}{c}"),
                };
                text.push_str(&cell);
            }
            // The last column's padding goes with the line's end.
            out.push_str(text.trim_end());
            out.push('\n');
        };
        line(&self.headers, &mut out);
        let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        line(&rule, &mut out);
        for r in &cells {
            line(r, &mut out);
        }
        out
    }
}

/// Newlines and tabs would break the grid: show them as spaces; any other
/// control character as `\u001b` (see `domain::text::escape`).
fn one_line(s: &str) -> String {
    crate::domain::text::escape(&crate::domain::text::cell_as_line(s)).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_by_display_width() {
        let mut t = Table::new(&[("name", Align::Left), ("amount", Align::Right)]);
        t.row(vec!["ООО Ромашка".into(), "1 000.00".into()]);
        t.row(vec!["Café ☕".into(), "5.00".into()]);
        t.row(vec!["北京".into(), "12.00".into()]);
        let out = t.render();
        let lines: Vec<&str> = out.lines().collect();
        // Every amount ends in the same terminal column.
        let ends: Vec<usize> = lines.iter().map(|l| l.width()).collect();
        assert_eq!(ends[0], ends[2]);
        assert_eq!(ends[2], ends[3]);
        assert_eq!(ends[3], ends[4]);
        assert!(lines[2].starts_with("ООО Ромашка  "));
    }

    #[test]
    fn russian_headers_line_up_by_their_display_width() {
        let mut t = Table::headed(
            Locale::Ru,
            &[
                ("cli-col-client", Align::Left),
                ("cli-col-amount", Align::Right),
            ],
        );
        t.row(vec!["ab".into(), "1".into()]);
        let out = t.render();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "Клиент  Сумма");
        // The rule and the row as wide as the header, in columns, not bytes.
        assert_eq!(lines[1].width(), "Клиент  Сумма".width());
        assert_eq!(lines[2], "ab          1");
        let en = Table::headed(
            Locale::En,
            &[("cli-col-client", Align::Left), ("", Align::Left)],
        );
        assert!(en.render().starts_with("Client\n"));
    }

    #[test]
    fn cells_show_control_characters_and_keep_one_line() {
        let mut t = Table::new(&[("note", Align::Left), ("n", Align::Right)]);
        t.row(vec!["a\nb\tc\u{1b}]0;pwned\u{7}\u{9b}".into(), "1".into()]);
        let out = t.render();
        assert_eq!(out.lines().count(), 3, "{out}");
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
        assert!(out.contains("a b c\\u001b]0;pwned\\u0007\\u009b"), "{out}");
    }
}
