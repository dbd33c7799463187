//! Drawing: `draw(&App, &mut Frame)`. No logic and no SQL: everything shown
//! was computed by the domain rules and loaded by the effects.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::action::Action;
use super::app::{App, Mode, Pane};
use super::form::FieldKind;
use super::forms::Form;
use super::keys;
use super::mouse;
use crate::domain::money::format_bp;
use crate::domain::{Money, Tier};

/// The smallest terminal folio draws its panes in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Styles, plain when `NO_COLOR` is set. Tier colours are used as
/// backgrounds under black text, readable on light and dark themes alike.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn tier(self, t: Tier) -> Style {
        if !self.color {
            return Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED);
        }
        let bg = match t {
            Tier::Gold => Color::Yellow,
            Tier::Potential => Color::Cyan,
            Tier::Toxic => Color::Magenta,
        };
        Style::new()
            .fg(Color::Black)
            .bg(bg)
            .add_modifier(Modifier::BOLD)
    }

    pub fn warn(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn due(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn good(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().add_modifier(Modifier::DIM)
        } else {
            Style::new()
        }
    }

    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
}

pub fn draw(app: &App, theme: Theme, f: &mut Frame) {
    let area = f.area();
    // What a click means is noted afresh on every frame (see `mouse`).
    app.shared.hits.borrow_mut().clear();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(f, area);
        return;
    }
    let [header, tabs, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(app, theme, f, header);
    draw_tabs(app, theme, f, tabs);
    match &app.card {
        Some(card) => {
            // The wheel scrolls the card.
            mouse::note(&app.shared, body, mouse::SCROLL);
            card.draw(&app.shared, theme, f, body)
        }
        None => app.current().draw(&app.shared, theme, f, body),
    }
    draw_footer(app, theme, f, footer);
    match &app.shared.mode {
        Mode::Form(form) => draw_form(form, theme, f, body),
        Mode::Confirm(c) => draw_confirm(&c.prompt, theme, f, body),
        Mode::Help => draw_help(app, theme, f, body),
        Mode::Picker(p) => {
            // Only the picker's rows take clicks while it is open.
            app.shared.hits.borrow_mut().clear();
            p.draw(&app.shared, theme, f, body)
        }
        _ => {}
    }
}

fn too_small(f: &mut Frame, area: Rect) {
    let text = format!(
        "terminal too small: {}x{} (folio needs {MIN_WIDTH}x{MIN_HEIGHT})",
        area.width, area.height
    );
    f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

fn draw_header(app: &App, theme: Theme, f: &mut Frame, area: Rect) {
    let shared = &app.shared;
    let mut spans = vec![
        Span::styled(" folio ", theme.title()),
        Span::raw(format!("· {} · today {} ", shared.title, shared.today)),
    ];
    // The month's line of the plan history (kept month totals): the header
    // needs no settlement of the month's invoices.
    if let Some(p) = shared
        .history
        .iter()
        .rev()
        .find(|h| h.month == shared.month)
    {
        let att = p
            .attainment_bp
            .map(|b| format!("{} %", format_bp(b)))
            .unwrap_or_else(|| "no target".into());
        spans.push(Span::raw(format!(
            "· {} plan {} (received {} of {}) ",
            p.month,
            att,
            compact(p.received),
            p.target.map(compact).unwrap_or_else(|| "-".into())
        )));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_tabs(app: &App, theme: Theme, f: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    let mut x = area.x;
    for (i, p) in Pane::ALL.iter().enumerate() {
        let text = format!(" {} {} ", i + 1, p.title());
        let style = if *p == app.pane && app.card.is_none() {
            theme.selected().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        // A click on the tab opens its pane.
        let width = u16::try_from(text.width()).unwrap_or(u16::MAX);
        let tab = Rect::new(x, area.y, width, 1).intersection(area);
        mouse::note(
            &app.shared,
            tab,
            mouse::Spot::Select(Action::SelectPane(*p)),
        );
        x = x.saturating_add(width);
        spans.push(Span::styled(text, style));
    }
    if app.card.is_some() {
        spans.push(Span::styled(" Client card (Esc: back) ", theme.selected()));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The footer: a message if there is one, else the keys that do something
/// in this pane and mode (the same table as help's), as many whole ones as
/// fit.
fn draw_footer(app: &App, theme: Theme, f: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    if let Mode::Filter = app.shared.mode {
        spans.push(Span::styled(" filter: ", theme.title()));
        spans.push(Span::raw(app.filter().to_string()));
        spans.push(Span::styled("▏ ", theme.dim()));
    } else if let Some((text, error)) = &app.shared.message {
        let style = if *error { theme.warn() } else { theme.good() };
        let text = crate::format::truncate(&format!(" {text}"), usize::from(area.width));
        f.render_widget(Paragraph::new(Span::styled(text, style)), area);
        return;
    } else if !app.filter().is_empty() && app.card.is_none() {
        spans.push(Span::styled(format!(" /{} ", app.filter()), theme.due()));
    }
    let entries: Vec<(String, String, bool)> =
        keys::footer(&app.shared.mode, app.pane, app.card.is_some())
            .into_iter()
            .map(|(k, what, always)| (format!(" {k}"), format!(" {what} "), always))
            .collect();
    // Help and quit always show; the pane's keys take the rest, in order.
    let width = |(k, what, _): &(String, String, bool)| k.width() + what.width();
    let mut used: usize = spans.iter().map(|s| s.content.width()).sum::<usize>()
        + entries.iter().filter(|e| e.2).map(width).sum::<usize>();
    let mut fits = true;
    for entry in &entries {
        if !entry.2 {
            used += width(entry);
            fits = fits && used <= usize::from(area.width);
            if !fits {
                continue;
            }
        }
        spans.push(Span::styled(entry.0.clone(), theme.title()));
        spans.push(Span::raw(entry.1.clone()));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A box of `width` x `height` centred in `area`, clamped to fit.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn draw_form(form: &Form, theme: Theme, f: &mut Frame, area: Rect) {
    let checks = form.checks();
    let fields = form.fields();
    let label_w = fields.iter().map(|fl| fl.label.width()).max().unwrap_or(0);
    // The box is 72 wide (less on a narrow terminal); notes wrap inside it.
    let inner_w = 72.min(area.width).saturating_sub(2) as usize;
    // A note under a field starts under its value, after "✗ ".
    let note_indent = label_w + 1;
    let note_w = inner_w.saturating_sub(note_indent + 2).max(1);
    // The error saving gave goes under the field it names, if it names
    // one (a field's own check said again is not repeated).
    let error_field = form.error.as_deref().and_then(|e| {
        let (name, _) = e.split_once(": ")?;
        fields
            .iter()
            .position(|fl| fl.label.eq_ignore_ascii_case(name))
    });
    let mut lines = Vec::new();
    let mut cursor = None;
    for (i, (field, check)) in fields.iter().zip(checks.iter()).enumerate() {
        let focused = i == form.focus;
        let label = format!("{:>w$} ", field.label, w = label_w);
        let value_style = if focused {
            Style::new().add_modifier(Modifier::UNDERLINED)
        } else {
            Style::new()
        };
        let shown = match &field.kind {
            FieldKind::Choice(_) => format!("‹ {} ›", field.value),
            _ => field.value.clone(),
        };
        if focused {
            let before: String = field.value.chars().take(field.cursor).collect();
            let extra = if matches!(field.kind, FieldKind::Choice(_)) {
                2
            } else {
                0
            };
            let dx = (label_w as u16 + 1) + before.width() as u16 + extra;
            cursor = Some((dx, lines.len() as u16));
        }
        lines.push(Line::from(vec![
            Span::styled(label, if focused { theme.title() } else { Style::new() }),
            Span::styled(shown, value_style),
        ]));
        let mut notes = Vec::new();
        if let Err(e) = check
            && (!field.value.trim().is_empty() || focused)
        {
            notes.push(e.clone());
        }
        if error_field == Some(i)
            && let Some(e) = &form.error
            && !notes.iter().any(|n| *e == format!("{}: {n}", field.label))
        {
            notes.push(e.clone());
        }
        if notes.is_empty() {
            lines.push(Line::from(""));
        }
        for note in notes {
            for (j, part) in wrap_words(&note, note_w).into_iter().enumerate() {
                let mark = if j == 0 { "✗ " } else { "  " };
                lines.push(Line::from(Span::styled(
                    format!("{:w$}{mark}{part}", "", w = note_indent),
                    theme.warn(),
                )));
            }
        }
    }
    if error_field.is_none()
        && let Some(e) = &form.error
    {
        for (j, part) in wrap_words(e, inner_w.saturating_sub(2).max(1))
            .into_iter()
            .enumerate()
        {
            let mark = if j == 0 { "✗ " } else { "  " };
            lines.push(Line::from(Span::styled(
                format!("{mark}{part}"),
                theme.warn(),
            )));
        }
    }
    let height = (lines.len() as u16 + 2).max(fields.len() as u16 * 2 + 4);
    let rect = centered(area, 72, height);
    f.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", form.title))
        .title_bottom(" Tab: next field · Enter: save · Esc: cancel ");
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    f.render_widget(Paragraph::new(lines), inner);
    if let Some((dx, dy)) = cursor {
        let (x, y) = (inner.x + dx, inner.y + dy);
        if y < inner.bottom() {
            f.set_cursor_position((x.min(inner.right().saturating_sub(1)), y));
        }
    }
}

/// `text` in lines at most `width` columns wide, broken between words; a
/// word wider than a line is the only thing broken inside.
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let gap = usize::from(!line.is_empty());
        if line.width() + gap + word.width() <= width {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word longer than a line: cut by display width.
        for c in word.chars() {
            let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if line.width() + cw > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn draw_confirm(prompt: &str, theme: Theme, f: &mut Frame, area: Rect) {
    let width = (prompt.width() as u16 + 6).clamp(30, 76);
    let rect = centered(area, width, 5);
    f.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Confirm ")
        .border_style(theme.warn());
    f.render_widget(
        Paragraph::new(prompt.to_string())
            .wrap(Wrap { trim: true })
            .block(block),
        rect,
    );
}

/// What the mouse does, for help while it is on.
const MOUSE_HELP: &[(&str, &str)] = &[
    ("click", "selects a tab, row or column; double: Enter"),
    ("wheel", "scrolls the list or card under the pointer"),
    ("Shift-drag", "selects text in most terminals (mouse on)"),
];

/// The help box: its entries (the keys that do something here, the
/// board's legend on the board, the mouse), its place in the pane's area.
fn help_box(app: &App, area: Rect) -> (Vec<(&'static str, &'static str)>, Rect) {
    let mut entries = keys::help(app.pane, app.card.is_some());
    if app.pane == Pane::Portfolio && app.card.is_none() {
        entries.push(("", ""));
        entries.push(("", "The board"));
        entries.extend(super::panes::portfolio::LEGEND);
    }
    if app.shared.mouse {
        entries.push(("", ""));
        entries.push(("", "The mouse"));
        entries.extend(MOUSE_HELP);
    }
    let rect = centered(area, 70, entries.len() as u16 + 2);
    (entries, rect)
}

/// The area the pane (and help over it) is drawn in at the app's size.
fn body_area(app: &App) -> Rect {
    let (w, h) = app.shared.size;
    Rect::new(0, 2, w, h.saturating_sub(3))
}

/// Rows of help entries the help box shows at the app's size.
pub fn help_rows(app: &App) -> u16 {
    let (_, rect) = help_box(app, body_area(app));
    rect.height.saturating_sub(2)
}

/// The last first row help scrolls to: its last entry on the bottom row.
pub fn help_scroll_max(app: &App) -> u16 {
    let (entries, _) = help_box(app, body_area(app));
    (entries.len() as u16).saturating_sub(help_rows(app))
}

fn draw_help(app: &App, theme: Theme, f: &mut Frame, area: Rect) {
    let (entries, rect) = help_box(app, area);
    f.render_widget(Clear, rect);
    let title = if app.card.is_some() {
        " Keys: client card ".to_string()
    } else {
        format!(" Keys: {} ", app.pane.title())
    };
    let rows = rect.height.saturating_sub(2);
    let max = (entries.len() as u16).saturating_sub(rows);
    let scroll = app.shared.help_scroll.min(max);
    let bottom = if max == 0 {
        " ?/Esc/q close ".to_string()
    } else {
        format!(
            " j/k scroll · {}-{} of {} · ?/Esc/q close ",
            scroll + 1,
            scroll + rows,
            entries.len()
        )
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title)
        .title_bottom(bottom);
    let label_w = entries.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let room = usize::from(rect.width.saturating_sub(2)).saturating_sub(label_w + 2);
    let lines: Vec<Line> = entries
        .iter()
        .map(|(k, what)| {
            if k.is_empty() {
                // A section's title ("The board"), or a blank line.
                return Line::from(Span::styled(
                    format!("{:w$}{what}", "", w = label_w + 2),
                    theme.title(),
                ));
            }
            let pad = label_w.saturating_sub(k.width());
            Line::from(vec![
                Span::styled(format!("{:pad$}{k}  ", ""), theme.title()),
                Span::raw(crate::format::truncate(what, room)),
            ])
        })
        .collect();
    f.render_widget(Paragraph::new(lines).scroll((scroll, 0)).block(block), rect);
}

/// Short amounts for tight columns: 950, 12.5k, 1.25M (display only; exact
/// figures are in the tables and reports).
pub fn compact(m: Money) -> String {
    let major = m.minor() / 100;
    let sign = if major < 0 { "-" } else { "" };
    let a = major.unsigned_abs();
    if a < 10_000 {
        format!("{sign}{a}")
    } else if a < 1_000_000 {
        format!("{sign}{}k", a / 1_000)
    } else {
        let tenths = a / 100_000;
        format!("{sign}{}.{}M", tenths / 10, tenths % 10)
    }
}

/// The first visible row so that `selected` is on screen in `height` rows.
pub fn window_start(selected: usize, height: usize) -> usize {
    selected.saturating_sub(height.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_wrap_between_words_by_display_width() {
        let text = "a client named 'ООО Ромашка' already exists (names are compared ignoring case)";
        let lines = wrap_words(text, 20);
        assert!(lines.iter().all(|l| l.width() <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), text, "no word is cut or lost");
        assert_eq!(wrap_words("日本語の説明", 4), ["日本", "語の", "説明"]);
        assert_eq!(wrap_words("", 10), [""]);
        assert_eq!(wrap_words("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
    }

    #[test]
    fn compact_amounts() {
        assert_eq!(compact(Money::major(950)), "950");
        assert_eq!(compact(Money::major(12_500)), "12k");
        assert_eq!(compact(Money::major(1_250_000)), "1.2M");
        assert_eq!(compact(Money::major(-3_000_000)), "-3.0M");
    }

    #[test]
    fn centered_box_never_exceeds_its_area() {
        let area = Rect::new(0, 0, 10, 4);
        let r = centered(area, 72, 20);
        assert_eq!(r, area);
    }
}
