//! Drawing: `draw(&App, &mut Frame)`. No logic and no SQL: everything shown
//! was computed by the domain rules and loaded by the effects.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::action::Action;
use super::app::{App, Mode, Pane};
use super::form::{FieldKind, FormError};
use super::forms::Form;
use super::keys;
use super::mouse;
use crate::domain::Tier;
use crate::format::{self, Arg, Locale, MoneyForm, text, text_with};

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

    /// `style` when colours are on, else plain.
    fn colored(self, style: Style) -> Style {
        if self.color { style } else { Style::new() }
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
        self.colored(Style::new().fg(Color::Red))
            .add_modifier(Modifier::BOLD)
    }

    pub fn due(self) -> Style {
        self.colored(Style::new().fg(Color::Yellow))
            .add_modifier(Modifier::BOLD)
    }

    pub fn good(self) -> Style {
        self.colored(Style::new().fg(Color::Green))
    }

    pub fn dim(self) -> Style {
        self.colored(Style::new().add_modifier(Modifier::DIM))
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
        too_small(app.shared.locale, f, area);
        return;
    }
    use Constraint::{Length, Min};
    let rows = Layout::vertical([Length(1), Length(1), Min(1), Length(1)]);
    let [header, tabs, body, footer] = rows.areas(area);
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
        Mode::Form(form) => draw_form(app.shared.locale, form, theme, f, body),
        Mode::Confirm(c) => draw_confirm(app.shared.locale, &c.prompt, theme, f, body),
        Mode::Help => draw_help(app, theme, f, body),
        Mode::Picker(p) => {
            // Only the picker's rows take clicks while it is open.
            app.shared.hits.borrow_mut().clear();
            p.draw(&app.shared, theme, f, body)
        }
        _ => {}
    }
}

fn too_small(locale: Locale, f: &mut Frame, area: Rect) {
    let size = |n: u16| Arg::Num(i64::from(n));
    let args = [
        ("width", size(area.width)),
        ("height", size(area.height)),
        ("min-width", size(MIN_WIDTH)),
        ("min-height", size(MIN_HEIGHT)),
    ];
    let said = text_with(locale, "tui-too-small", &args);
    f.render_widget(Paragraph::new(said).wrap(Wrap { trim: true }), area);
}

fn draw_header(app: &App, theme: Theme, f: &mut Frame, area: Rect) {
    let shared = &app.shared;
    let loc = shared.locale;
    let today = format::date(loc, shared.today);
    let today = text_with(loc, "tui-today", &[("date", today.as_str().into())]);
    let title = Span::raw(format!("· {} · {today} ", shared.title));
    let mut spans = vec![Span::styled(" folio ", theme.title()), title];
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
            .map_or_else(|| text(loc, "tui-no-target"), |b| format::percent(loc, b));
        let month = format::month(loc, p.month);
        // In full when the line has room for it, else both amounts compact.
        let plan = |form: MoneyForm| {
            let received = form.show(loc, p.received);
            let target = p.target.map_or_else(|| "-".into(), |t| form.show(loc, t));
            let args = [
                ("month", Arg::Str(&month)),
                ("attainment", Arg::Str(&att)),
                ("received", Arg::Str(&received)),
                ("target", Arg::Str(&target)),
            ];
            format!("· {} ", text_with(loc, "tui-header-plan", &args))
        };
        let before: usize = spans.iter().map(|s| s.width()).sum();
        let full = plan(MoneyForm::Full);
        let form = if before + full.width() <= usize::from(area.width) {
            MoneyForm::Full
        } else {
            MoneyForm::Compact
        };
        spans.push(Span::raw(plan(form)));
    }
    draw_line(f, spans, area);
}

fn draw_tabs(app: &App, theme: Theme, f: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    let mut x = area.x;
    for (i, p) in Pane::ALL.iter().enumerate() {
        let text = format!(" {} {} ", i + 1, p.title(app.shared.locale));
        let style = if *p == app.pane && app.card.is_none() {
            theme.selected().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        // A click on the tab opens its pane.
        let width = u16::try_from(text.width()).unwrap_or(u16::MAX);
        let tab = Rect::new(x, area.y, width, 1).intersection(area);
        let select = mouse::Spot::Select(Action::SelectPane(*p));
        mouse::note(&app.shared, tab, select);
        x = x.saturating_add(width);
        spans.push(Span::styled(text, style));
    }
    if app.card.is_some() {
        let card = text(app.shared.locale, "tui-card-tab");
        spans.push(Span::styled(format!(" {card} "), theme.selected()));
    }
    draw_line(f, spans, area);
}

/// The footer: a message if there is one, else the keys that do something
/// in this pane and mode (the same table as help's), as many whole ones as
/// fit.
fn draw_footer(app: &App, theme: Theme, f: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    if let Mode::Filter = app.shared.mode {
        let filter = text(app.shared.locale, "tui-filter");
        spans.push(Span::styled(format!(" {filter} "), theme.title()));
        spans.push(Span::raw(app.filter().to_string()));
        spans.push(Span::styled("▏ ", theme.dim()));
    } else if let Some((text, error)) = &app.shared.message {
        let style = if *error { theme.warn() } else { theme.good() };
        let text = format::truncate(&format!(" {text}"), usize::from(area.width));
        f.render_widget(Paragraph::new(Span::styled(text, style)), area);
        return;
    } else if !app.filter().is_empty() && app.card.is_none() {
        spans.push(Span::styled(format!(" /{} ", app.filter()), theme.due()));
    }
    let (loc, mode, card) = (app.shared.locale, &app.shared.mode, app.card.is_some());
    let entries: Vec<(String, String, bool)> =
        keys::footer(loc, mode, app.focus_keys(), app.pane, card)
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
    draw_line(f, spans, area);
}

/// `spans` on the one line of `area`, cut with `…` where they do not fit.
fn draw_line(f: &mut Frame, spans: Vec<Span<'_>>, area: Rect) {
    let line = fit_line(Line::from(spans), area.width);
    f.render_widget(Paragraph::new(line), area);
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

fn draw_form(locale: Locale, form: &Form, theme: Theme, f: &mut Frame, area: Rect) {
    let checks = form.checks();
    let fields = form.fields();
    let labels: Vec<String> = fields
        .iter()
        .map(|fl| super::words::form_label(locale, fl.label))
        .collect();
    let label_w = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    // The box is 72 wide (less on a narrow terminal); notes wrap inside it.
    let inner_w = 72.min(area.width).saturating_sub(2) as usize;
    // A note under a field starts under its value, after "✗ ".
    let note_indent = label_w + 1;
    let note_w = inner_w.saturating_sub(note_indent + 2).max(1);
    // The error saving gave goes under the field it is about, if it is
    // about one (a field's own check said again is not repeated).
    let error_field = form
        .error
        .as_ref()
        .and_then(|e| fields.iter().position(|fl| e.is_about(fl.label)));
    let mut lines = Vec::new();
    let mut cursor = None;
    for (i, (field, check)) in fields.iter().zip(checks.iter()).enumerate() {
        let focused = i == form.focus;
        let label = format!("{:>w$} ", labels[i], w = label_w);
        let value_style = if focused {
            Style::new().add_modifier(Modifier::UNDERLINED)
        } else {
            Style::new()
        };
        // The value in the room right of the label, cut with `…` at the
        // end (and at the start when the cursor is further right).
        let choice = matches!(field.kind, FieldKind::Choice(_));
        let room = inner_w.saturating_sub(label_w + 1 + if choice { 4 } else { 0 });
        let at = if focused { field.cursor } else { 0 };
        let (value, column) = field_window(&field.value, at, room);
        let shown = if choice {
            format!("‹ {} ›", super::words::choice(locale, &value))
        } else {
            value
        };
        if focused {
            let extra = if choice { 2 } else { 0 };
            let dx = (label_w + 1 + column + extra) as u16;
            cursor = Some((dx, lines.len() as u16));
        }
        lines.push(Line::from(vec![
            Span::styled(label, if focused { theme.title() } else { Style::new() }),
            Span::styled(shown, value_style),
        ]));
        let mut notes = Vec::new();
        // The field's check, then the saving error about it unless that
        // is the same check said again; both in the user's language.
        let mut said = None;
        if let Err(c) = check
            && (!field.value.trim().is_empty() || focused)
        {
            notes.push(c.say(locale));
            said = Some(c);
        }
        if error_field == Some(i)
            && let Some(e) = &form.error
        {
            match e {
                FormError::Field(e) if said == Some(&e.check) => {}
                FormError::Field(e) => {
                    notes.push(format!("{}: {}", labels[i], e.check.say(locale)));
                }
                FormError::Refused(r) => notes.push(r.message.clone()),
            }
        }
        if notes.is_empty() {
            lines.push(Line::from(""));
        }
        for note in notes {
            lines.extend(warning(&note, note_indent, note_w, theme));
        }
    }
    if error_field.is_none()
        && let Some(e) = &form.error
    {
        lines.extend(warning(&e.say(locale), 0, inner_w.saturating_sub(2), theme));
    }
    let height = (lines.len() as u16 + 2).max(fields.len() as u16 * 2 + 4);
    let rect = centered(area, 72, height);
    f.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(format!(" {} ", form.title))
        .title_bottom(format!(" {} ", text(locale, "tui-form-keys")));
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

/// `note` marked `✗` and wrapped in `width` columns, `indent` columns in.
fn warning(note: &str, indent: usize, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let parts = wrap(note, width, width).into_iter().enumerate();
    parts
        .map(|(j, part)| {
            let mark = if j == 0 { "✗ " } else { "  " };
            let text = format!("{:indent$}{mark}{part}", "");
            Line::from(Span::styled(text, theme.warn()))
        })
        .collect()
}

/// A field's `value` in `room` columns, with the cursor (`cursor` chars
/// in) kept in view: cut with `…` at the end, and at the start too when the
/// cursor is further right than the room. Returns the text and the cursor's
/// column in it.
fn field_window(value: &str, cursor: usize, room: usize) -> (String, usize) {
    let before: String = value.chars().take(cursor).collect();
    if value.width() <= room || before.width() + 1 < room {
        return (format::truncate(value, room), before.width());
    }
    // Drop characters from the start until "…", the text up to the cursor
    // and one more column fit.
    let mut start = 0;
    let chars: Vec<char> = before.chars().collect();
    while start < chars.len() && 1 + chars[start..].iter().collect::<String>().width() + 1 > room {
        start += 1;
    }
    let rest: String = value.chars().skip(start).collect();
    let column = 1 + chars[start..].iter().collect::<String>().width();
    let text = format!("…{}", format::truncate(&rest, room.saturating_sub(1)));
    (text, column)
}

/// `text` in lines of at most `first` columns (the first line) and `rest`
/// (the others), broken between words; a word wider than a line is the
/// only thing broken inside. Display widths.
pub(super) fn wrap(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let room = |lines: &Vec<String>| if lines.is_empty() { first } else { rest }.max(1);
    for word in text.split_whitespace() {
        let gap = usize::from(!line.is_empty());
        if line.width() + gap + word.width() <= room(&lines) {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if line.width() + c.width().unwrap_or(0) > room(&lines) && !line.is_empty() {
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

fn draw_confirm(locale: Locale, prompt: &str, theme: Theme, f: &mut Frame, area: Rect) {
    let width = (prompt.width() as u16 + 6).clamp(30, 76);
    let rect = centered(area, width, 5);
    f.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(format!(" {} ", text(locale, "tui-confirm")))
        .border_style(theme.warn());
    let prompt = Paragraph::new(prompt.to_string()).wrap(Wrap { trim: true });
    f.render_widget(prompt.block(block), rect);
}

/// What the mouse does, for help while it is on: message ids of what is
/// done and what it does.
const MOUSE_HELP: &[(&str, &str)] = &[
    ("mouse-click", "mouse-click-help"),
    ("mouse-wheel", "mouse-wheel-help"),
    ("mouse-drag", "mouse-drag-help"),
];

/// The help box: its entries (the keys that do something here, the
/// board's legend on the board, the mouse), its place in the pane's area.
fn help_box(app: &App, area: Rect) -> (Vec<(String, String)>, Rect) {
    let loc = app.shared.locale;
    let mut entries = keys::help(loc, app.focus_keys(), app.pane, app.card.is_some());
    // Sections after a blank line, under their title: the board's legend
    // on the board, the mouse while it is on.
    let board = app.pane == Pane::Portfolio && app.card.is_none();
    let sections = [
        (board, "tui-help-board", super::panes::portfolio::LEGEND),
        (app.shared.mouse, "tui-help-mouse", MOUSE_HELP),
    ];
    for (_, title, rows) in sections.into_iter().filter(|s| s.0) {
        entries.push(Default::default());
        entries.push((String::new(), text(loc, title)));
        entries.extend(rows.iter().map(|(k, what)| (text(loc, k), text(loc, what))));
    }
    let rect = centered(area, 70, entries.len() as u16 + 2);
    (entries, rect)
}

/// The area the pane (and help over it) is drawn in at the app's size.
fn body_area(app: &App) -> Rect {
    let (w, h) = app.shared.size;
    Rect::new(0, 2, w, h.saturating_sub(3))
}

/// At the app's size: the rows of entries the help box shows, and the
/// last first row help scrolls to (its last entry on the bottom row).
pub fn help_page(app: &App) -> (u16, u16) {
    let (entries, rect) = help_box(app, body_area(app));
    help_rows(&entries, rect)
}

/// The rows of `entries` a help box `rect` shows, and the last first row.
fn help_rows(entries: &[(String, String)], rect: Rect) -> (u16, u16) {
    let rows = rect.height.saturating_sub(2);
    (rows, (entries.len() as u16).saturating_sub(rows))
}

fn draw_help(app: &App, theme: Theme, f: &mut Frame, area: Rect) {
    let (entries, rect) = help_box(app, area);
    f.render_widget(Clear, rect);
    let loc = app.shared.locale;
    let title = if app.card.is_some() {
        text(loc, "tui-help-title-card")
    } else {
        let pane = app.pane.title(loc);
        text_with(loc, "tui-help-title", &[("pane", pane.as_str().into())])
    };
    let title = format!(" {title} ");
    let (rows, max) = help_rows(&entries, rect);
    let scroll = app.shared.help_scroll.min(max);
    let bottom = if max == 0 {
        text(loc, "tui-help-close")
    } else {
        let n = |v: u16| Arg::Num(i64::from(v));
        let args = [
            ("from", n(scroll + 1)),
            ("to", n(scroll + rows)),
            ("total", n(entries.len() as u16)),
        ];
        text_with(loc, "tui-help-scroll", &args)
    };
    let bottom = format!(" {bottom} ");
    let block = Block::bordered().title(title).title_bottom(bottom);
    let label_w = entries.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let lines: Vec<Line> = entries
        .iter()
        .map(|(k, what)| {
            let line = if k.is_empty() {
                // A section's title ("The board"), or a blank line.
                let title = format!("{:w$}{what}", "", w = label_w + 2);
                Line::from(Span::styled(title, theme.title()))
            } else {
                let pad = label_w.saturating_sub(k.width());
                Line::from(vec![
                    Span::styled(format!("{:pad$}{k}  ", ""), theme.title()),
                    Span::raw(what.as_str()),
                ])
            };
            fit_line(line, rect.width.saturating_sub(2))
        })
        .collect();
    f.render_widget(Paragraph::new(lines).scroll((scroll, 0)).block(block), rect);
}

/// `line` in at most `width` columns: when it is wider, cut where the
/// room ends and closed with `…` in the style of the text it cuts.
pub fn fit_line(line: Line<'_>, width: u16) -> Line<'_> {
    let width = usize::from(width);
    if line.width() <= width {
        return line;
    }
    let Line {
        spans,
        style,
        alignment,
        ..
    } = line;
    let mut kept = Vec::with_capacity(spans.len());
    let mut used = 0;
    for span in spans {
        let w = span.width();
        // Keep a whole span only if the ellipsis still fits after it.
        if used + w < width {
            used += w;
            kept.push(span);
            continue;
        }
        let content = format::cut(&span.content, width - used);
        kept.push(Span::styled(content, span.style));
        break;
    }
    let mut out = Line::from(kept).style(style);
    out.alignment = alignment;
    out
}

/// The widths ratatui's `Table` gives its columns in `width` columns (one
/// column between them, laid from the left), so cells can be cut to them.
pub fn table_widths(width: u16, constraints: &[Constraint]) -> Vec<usize> {
    Layout::horizontal(constraints.iter().copied())
        .flex(ratatui::layout::Flex::Start)
        .spacing(1)
        .split(Rect::new(0, 0, width, 1))
        .iter()
        .map(|r| usize::from(r.width))
        .collect()
}

/// A table cell's text on one line, cut to its column with `…`.
pub fn cell_text(text: &str, width: usize) -> String {
    format::truncate(&crate::domain::text::cell_as_line(text), width)
}

/// The first visible row so that `selected` is on screen in `height` rows.
pub fn window_start(selected: usize, height: usize) -> usize {
    selected.saturating_sub(height.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_every_word_within_the_widths() {
        let text = "Gold client ООО Ромашка not contacted for 50 days (cadence 14).";
        let lines = wrap(text, 20, 16);
        assert!(lines[0].width() <= 20, "{lines:?}");
        assert!(lines[1..].iter().all(|l| l.width() <= 16), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert_eq!(wrap("", 5, 5), [""]);
    }

    #[test]
    fn notes_wrap_between_words_by_display_width() {
        let text = "a client named 'ООО Ромашка' already exists (names are compared ignoring case)";
        let lines = wrap(text, 20, 20);
        assert!(lines.iter().all(|l| l.width() <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), text, "no word is cut or lost");
        assert_eq!(wrap("日本語の説明", 4, 4), ["日本", "語の", "説明"]);
        assert_eq!(wrap("", 10, 10), [""]);
        assert_eq!(wrap("abcdefgh ij", 3, 3), ["abc", "def", "gh", "ij"]);
    }

    fn text(line: &Line<'_>) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_fitted_line_is_cut_with_an_ellipsis_in_the_style_it_cuts() {
        let warn = Style::new().fg(Color::Red);
        let line = || {
            Line::from(vec![
                Span::raw("Общество "),
                Span::styled("🚀北京 overdue", warn),
            ])
        };
        for width in 0..=24u16 {
            let fitted = fit_line(line(), width);
            let shown = text(&fitted);
            assert!(shown.width() <= usize::from(width), "{width}: {shown:?}");
            let cut = line().width() > usize::from(width);
            assert_eq!(shown.ends_with('…'), cut && width > 0, "{width}: {shown:?}");
        }
        // Cut inside the second span: the ellipsis keeps its style.
        let fitted = fit_line(line(), 13);
        assert_eq!(text(&fitted), "Общество 🚀…");
        assert_eq!(fitted.spans.last().map(|s| s.style), Some(warn));
        // The first span fills the width exactly, more follows: cut it.
        assert_eq!(text(&fit_line(line(), 9)), "Общество…");
        assert_eq!(text(&fit_line(line(), 40)), text(&line()));
    }

    #[test]
    fn a_long_field_is_cut_with_an_ellipsis_and_keeps_its_cursor_in_view() {
        let name = "Общество с ограниченной ответственностью";
        // The cursor at the start: cut at the end.
        let (text, col) = field_window(name, 0, 12);
        assert_eq!((text.as_str(), col), ("Общество с …", 0));
        // The cursor at the end: cut at the start, the cursor after the text.
        let n = name.chars().count();
        let (text, col) = field_window(name, n, 12);
        assert!(text.starts_with('…') && text.width() <= 12, "{text:?}");
        assert!(name.ends_with(text.trim_start_matches('…')), "{text:?}");
        assert_eq!(col, text.width());
        assert!(col < 12);
        // Wide characters count two columns.
        let (text, col) = field_window("北京北京北京北京", 8, 7);
        assert!(text.width() <= 7 && text.starts_with('…'), "{text:?}");
        assert!(col < 7, "{col}");
        // Fits: as it is.
        assert_eq!(field_window("ok", 1, 12), ("ok".to_string(), 1));
    }

    #[test]
    fn table_widths_match_what_ratatui_draws() {
        let widths = [
            Constraint::Length(4),
            Constraint::Fill(1),
            Constraint::Length(3),
        ];
        assert_eq!(table_widths(20, &widths), [4, 11, 3]);
        // Where ratatui's Table puts each column's first cell.
        let row = ratatui::widgets::Row::new(["a", "b", "c"]);
        let table = ratatui::widgets::Table::new([row], widths);
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(20, 1)).unwrap();
        t.draw(|f| f.render_widget(table, f.area())).unwrap();
        let buf = t.backend().buffer().clone();
        let line: String = (0..20).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert_eq!(line, format!("{:<5}{:<12}{:<3}", "a", "b", "c"));
        assert_eq!(cell_text("строка\nвторая", 8), "строка …");
    }

    #[test]
    fn centered_box_never_exceeds_its_area() {
        let area = Rect::new(0, 0, 10, 4);
        let r = centered(area, 72, 20);
        assert_eq!(r, area);
    }
}
