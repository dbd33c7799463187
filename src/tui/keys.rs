//! Key bindings as data: one table per pane and per mode says which keys
//! do something there and what. The key map (`map_key`), the footer and
//! the help overlay are all generated from these tables, so they never
//! disagree, and neither lists a key that does nothing where it is shown.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::app::Mode;
use super::panes::Pane;
use crate::format::{Locale, text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    /// A Ctrl+letter chord. Ctrl with Alt is AltGr on some terminals
    /// (Windows), which types text: not a chord.
    Ctrl(char),
    Code(KeyCode),
}

impl Key {
    fn matches(self, ev: &KeyEvent) -> bool {
        match self {
            Key::Ctrl(c) => ctrl(ev) && ev.code == KeyCode::Char(c),
            Key::Char(c) => {
                !ev.modifiers.contains(KeyModifiers::CONTROL)
                    && !ev.modifiers.contains(KeyModifiers::ALT)
                    && ev.code == KeyCode::Char(c)
            }
            Key::Code(code) => ev.code == code,
        }
    }
}

pub struct Binding {
    pub keys: &'static [Key],
    /// How the key is written in the footer and help: `j/k`, `Enter`.
    pub label: &'static str,
    /// What the key does: a message id (`assets/locales/*/tui.ftl`); the
    /// footer shows its words before ` (`.
    pub help: &'static str,
    pub action: Action,
    /// Shown in the footer (the keys that matter most); all are in help.
    pub footer: bool,
}

/// A table of bindings, one a row: `keys, "label", "help" => action`, and
/// `, footer` when the footer shows it. A row with no label is said by the
/// row above it (`k` under `j/k`) or not offered at all.
macro_rules! bindings {
    (@footer footer) => (true);
    (@footer) => (false);
    ($($keys:expr, $label:literal, $help:literal => $action:expr $(, $footer:ident)?;)*) => {
        &[$(Binding {
            keys: $keys,
            label: $label,
            help: $help,
            action: $action,
            footer: bindings!(@footer $($footer)?),
        }),*]
    };
}

use Key::{Char, Code, Ctrl};

/// Keys that work in every pane (and on the card).
pub const GLOBAL: &[Binding] = bindings![
    &[Char('1')], "1-5", "key-panes" => Action::SelectPane(Pane::Portfolio);
    &[Char('2')], "", "" => Action::SelectPane(Pane::Touchpoints);
    &[Char('3')], "", "" => Action::SelectPane(Pane::Agreements);
    &[Char('4')], "", "" => Action::SelectPane(Pane::Plan);
    &[Char('5')], "", "" => Action::SelectPane(Pane::Review);
    &[Code(KeyCode::Tab)], "Tab/S-Tab", "key-next-pane" => Action::NextPane;
    &[Code(KeyCode::BackTab)], "", "" => Action::PrevPane;
    &[Char(':'), Ctrl('p')], ": Ctrl-P", "key-picker" => Action::OpenPicker;
    &[Char('r'), Ctrl('r')], "r", "key-reload" => Action::Reload;
    &[Char('u')], "u", "key-undo" => Action::Undo;
    &[Char('?')], "?", "key-help" => Action::Help, footer;
    &[Ctrl('z')], "Ctrl-Z", "key-suspend" => Action::Suspend;
    &[Char('q'), Ctrl('c')], "q", "key-quit" => Action::Quit, footer;
];

/// Moving in a pane's list.
pub const MOVE: &[Binding] = bindings![
    &[Char('j'), Code(KeyCode::Down)], "j/k ↑↓", "key-move" => Action::Down;
    &[Char('k'), Code(KeyCode::Up)], "", "" => Action::Up;
    &[Char('g'), Code(KeyCode::Home)], "g/G", "key-first-last" => Action::Top;
    &[Char('G'), Code(KeyCode::End)], "", "" => Action::Bottom;
    &[Code(KeyCode::PageDown)], "PgDn/PgUp", "key-page" => Action::PageDown;
    &[Code(KeyCode::PageUp)], "", "" => Action::PageUp;
];

const ENTER: &[Key] = &[Code(KeyCode::Enter)];
const FILTER: &[Key] = &[Char('/')];
const ESC: &[Key] = &[Code(KeyCode::Esc)];
const ADD: &[Key] = &[Char('a')];
const EDIT: &[Key] = &[Char('e')];
const DELETE: &[Key] = &[Char('x'), Code(KeyCode::Delete)];

pub const PORTFOLIO: &[Binding] = bindings![
    ENTER, "Enter", "key-open-card" => Action::OpenCard, footer;
    &[Char('h'), Code(KeyCode::Left)], "h/l ←→", "key-tier-column" => Action::Left, footer;
    &[Char('l'), Code(KeyCode::Right)], "", "" => Action::Right;
    ADD, "a", "key-add-client-here" => Action::Add, footer;
    EDIT, "e", "key-edit-client" => Action::Edit, footer;
    &[Char('t')], "t", "key-change-tier-reason" => Action::ChangeTier, footer;
    &[Char('S')], "S", "key-change-status-client" => Action::ChangeStatus;
    &[Char('s')], "s", "key-sort" => Action::CycleSort, footer;
    DELETE, "x", "key-delete-client" => Action::Delete;
    FILTER, "/", "key-filter-name" => Action::StartFilter, footer;
    ESC, "Esc", "key-clear-filter" => Action::Back;
];

pub const TOUCHPOINTS: &[Binding] = bindings![
    ENTER, "Enter", "key-open-its-card" => Action::OpenCard, footer;
    ADD, "a", "key-add-touchpoint" => Action::Add, footer;
    EDIT, "e", "key-edit-touchpoint" => Action::Edit, footer;
    DELETE, "x", "key-delete-touchpoint" => Action::Delete;
    &[Char('c')], "c", "key-client-scope" => Action::ToggleClientScope, footer;
    FILTER, "/", "key-filter-log" => Action::StartFilter, footer;
    ESC, "Esc", "key-clear-filter" => Action::Back;
];

pub const AGREEMENTS: &[Binding] = bindings![
    ENTER, "Enter", "key-open-its-card" => Action::OpenCard;
    &[Char('K')], "K", "key-mark-kept" => Action::MarkKept, footer;
    &[Char('B')], "B", "key-mark-broken" => Action::MarkBroken, footer;
    &[Char('C')], "C", "key-mark-cancelled" => Action::MarkCancelled, footer;
    ADD, "a", "key-add-agreement" => Action::Add, footer;
    EDIT, "e", "key-edit-agreement" => Action::Edit;
    DELETE, "x", "key-delete-agreement" => Action::Delete;
    FILTER, "/", "key-filter-agreements" => Action::StartFilter, footer;
    ESC, "Esc", "key-clear-filter" => Action::Back;
];

pub const PLAN: &[Binding] = bindings![
    ENTER, "Enter", "key-open-card" => Action::OpenCard, footer;
    &[Char('[')], "[ ]", "key-month" => Action::MonthPrev, footer;
    &[Char(']')], "", "" => Action::MonthNext;
    &[Char('p')], "p", "key-set-target" => Action::SetTarget, footer;
    ADD, "a", "key-add-payment" => Action::Add, footer;
    &[Char('i')], "i", "key-add-invoice" => Action::AddInvoice, footer;
    EDIT, "e", "key-edit-client" => Action::Edit;
    // Said by the focus's table where they act (the rows behind a figure).
    DELETE, "", "" => Action::Delete;
    ESC, "", "" => Action::Back;
];

pub const REVIEW: &[Binding] = bindings![
    &[Char('h'), Code(KeyCode::Left)], "h/l ←→", "key-section" => Action::Left, footer;
    &[Char('l'), Code(KeyCode::Right)], "", "" => Action::Right;
    // Said by the focus's table where it acts (an open day).
    ESC, "", "" => Action::Back;
    ENTER, "Enter", "key-open-risk-card" => Action::OpenCard, footer;
    &[Char('[')], "[ ]", "key-month" => Action::MonthPrev, footer;
    &[Char(']')], "", "" => Action::MonthNext;
    &[Char('w')], "w", "key-write-report" => Action::WriteReport, footer;
    ADD, "a", "key-add-client" => Action::Add;
];

/// The Plan pane's keys by where its cursor is (see
/// `Component::focus_keys`): they say what Enter, `e`, `x` and `Esc` do
/// there. The same keys as in `GLOBAL`, with the same actions (a test
/// checks it); only what the footer and help say differs.
pub const PLAN_FIGURE: &[Binding] = bindings![
    &[Code(KeyCode::Enter)], "Enter", "key-figure-rows" => Action::OpenCard, footer;
    // Unlabelled: `e` and `x` act on a figure's rows, not on the figure,
    // so neither footer nor help offers them here.
    &[Char('e')], "", "" => Action::Edit;
    &[Char('x'), Code(KeyCode::Delete)], "", "" => Action::Delete;
];

pub const PLAN_CLIENT: &[Binding] = bindings![
    &[Code(KeyCode::Enter)], "Enter", "key-card" => Action::OpenCard, footer;
    &[Char('k'), Code(KeyCode::Up)], "k ↑", "key-to-figures" => Action::Up;
    &[Char('e')], "e", "key-edit-client-details" => Action::Edit, footer;
];

pub const PLAN_ROWS: &[Binding] = bindings![
    &[Char('e')], "e", "key-edit-row" => Action::Edit, footer;
    &[Char('x'), Code(KeyCode::Delete)], "x", "key-delete-row" => Action::Delete, footer;
    &[Code(KeyCode::Esc)], "Esc", "key-back-figures" => Action::Back, footer;
    &[Code(KeyCode::Enter)], "Enter", "key-card" => Action::OpenCard;
];

/// The Review pane's Enter by where its selection is (see
/// `Component::focus_keys`).
pub const REVIEW_DAY_CLOSED: &[Binding] = bindings![
    &[Code(KeyCode::Enter)], "Enter", "key-day-show" => Action::OpenCard, footer;
];

pub const REVIEW_DAY_OPEN: &[Binding] = bindings![
    &[Code(KeyCode::Enter)], "Enter", "key-day-hide" => Action::OpenCard, footer;
    &[Code(KeyCode::Esc)], "Esc", "key-day-hide-them" => Action::Back;
];

pub const REVIEW_CLIENT: &[Binding] = bindings![
    &[Code(KeyCode::Enter)], "Enter", "key-open-card" => Action::OpenCard, footer;
];

/// A talking point or an empty section: Enter does nothing, so it is not
/// offered.
pub const REVIEW_NO_CLIENT: &[Binding] = bindings![
    &[Code(KeyCode::Enter)], "", "" => Action::OpenCard;
];

/// The client card, over any pane: its keys replace the pane's.
pub const CARD: &[Binding] = bindings![
    ESC, "Esc", "key-back-list" => Action::Back, footer;
    &[Char('j'), Code(KeyCode::Down)], "j/k ↑↓", "key-scroll-down-up" => Action::Down;
    &[Char('k'), Code(KeyCode::Up)], "", "" => Action::Up;
    &[Char('g'), Code(KeyCode::Home)], "g/G", "key-card-top-end" => Action::Top;
    &[Char('G'), Code(KeyCode::End)], "", "" => Action::Bottom;
    &[Code(KeyCode::PageDown)], "PgDn/PgUp", "key-page" => Action::PageDown;
    &[Code(KeyCode::PageUp)], "", "" => Action::PageUp;
    ADD, "a", "key-add-contact" => Action::Add, footer;
    &[Char('n')], "n", "key-next-contact" => Action::NextContact, footer;
    &[Char('E')], "E", "key-edit-contact" => Action::EditContact, footer;
    &[Char('D')], "D", "key-delete-contact" => Action::DeleteContact, footer;
    EDIT, "e", "key-edit-client" => Action::Edit, footer;
    &[Char('t')], "t", "key-change-tier" => Action::ChangeTier, footer;
    &[Char('S')], "S", "key-change-status" => Action::ChangeStatus, footer;
    DELETE, "x", "key-delete-client" => Action::Delete;
];

/// Typing a filter: printable keys are text.
pub const FILTERING: &[Binding] = bindings![
    &[Code(KeyCode::Enter)], "Enter", "key-keep-filter" => Action::FilterDone, footer;
    ESC, "Esc", "key-clear-it" => Action::FilterClear, footer;
    &[Code(KeyCode::Down)], "↑↓", "key-move-list" => Action::Down, footer;
    &[Code(KeyCode::Up)], "", "" => Action::Up;
    &[Code(KeyCode::Backspace)], "Bksp", "key-delete-letter" => Action::FilterBackspace;
    &[Ctrl('w')], "Ctrl-W", "key-delete-word" => Action::FilterDeleteWord, footer;
    &[Ctrl('u')], "Ctrl-U", "key-delete-all" => Action::FilterDeleteLine, footer;
];

/// The client picker: printable keys are the query.
pub const PICKING: &[Binding] = bindings![
    &[Code(KeyCode::Enter)], "Enter", "key-pick-open" => Action::PickerChoose, footer;
    ESC, "Esc", "key-cancel" => Action::PickerCancel, footer;
    &[Code(KeyCode::Down), Ctrl('n')], "↑↓ Ctrl-N/P", "key-move-matches" => Action::Down, footer;
    &[Code(KeyCode::Up), Ctrl('p')], "", "" => Action::Up;
    &[Code(KeyCode::Backspace)], "Bksp", "key-delete-letter" => Action::PickerBackspace;
    &[Ctrl('w')], "Ctrl-W", "key-delete-word" => Action::PickerDeleteWord, footer;
    &[Ctrl('u')], "Ctrl-U", "key-delete-all" => Action::PickerDeleteLine, footer;
];

/// A form: printable keys are text in the field.
pub const FORM: &[Binding] = bindings![
    &[Code(KeyCode::Enter)], "Enter", "key-save" => Action::FormSubmit, footer;
    ESC, "Esc", "key-cancel" => Action::FormCancel, footer;
    &[Code(KeyCode::Tab), Code(KeyCode::Down)], "Tab/S-Tab", "key-next-field" => Action::FormNext, footer;
    &[Code(KeyCode::BackTab), Code(KeyCode::Up)], "", "" => Action::FormPrev;
    &[Code(KeyCode::Left)], "←→", "key-cursor" => Action::FormLeft, footer;
    &[Code(KeyCode::Right)], "", "" => Action::FormRight;
    &[Code(KeyCode::Home)], "Home/End", "key-field-home-end" => Action::FormHome;
    &[Code(KeyCode::End)], "", "" => Action::FormEnd;
    &[Code(KeyCode::Backspace)], "Bksp", "key-delete-before" => Action::FormBackspace;
    &[Code(KeyCode::Delete)], "Del", "key-delete-under" => Action::FormDelete;
    &[Ctrl(' ')], "Ctrl-Space", "key-complete" => Action::FormComplete, footer;
    &[Ctrl('w')], "Ctrl-W", "key-delete-word" => Action::FormDeleteWord;
    &[Ctrl('u')], "Ctrl-U", "key-delete-to-start" => Action::FormDeleteLine;
];

/// A y/n question: anything but `y` is no.
pub const CONFIRMING: &[Binding] = bindings![
    &[Char('y'), Char('Y')], "y", "key-yes" => Action::ConfirmYes, footer;
    &[Char('n'), Code(KeyCode::Esc)], "n/Esc", "key-no" => Action::ConfirmNo, footer;
];

/// The help overlay: movement scrolls it; only `?`, `Esc`, `q` close it.
pub const HELPING: &[Binding] = bindings![
    &[Char('j'), Code(KeyCode::Down)], "j/k ↑↓", "key-scroll" => Action::Down, footer;
    &[Char('k'), Code(KeyCode::Up)], "", "" => Action::Up;
    &[Char('g'), Code(KeyCode::Home)], "g/G", "key-top-end" => Action::Top;
    &[Char('G'), Code(KeyCode::End)], "", "" => Action::Bottom;
    &[Code(KeyCode::PageDown)], "PgDn/PgUp", "key-page" => Action::PageDown;
    &[Code(KeyCode::PageUp)], "", "" => Action::PageUp;
    &[Char('?'), Char('q'), Code(KeyCode::Esc)], "?/Esc/q", "key-close-help" => Action::Back, footer;
];

/// The open pane's own keys.
fn pane_bindings(pane: Pane) -> &'static [Binding] {
    match pane {
        Pane::Portfolio => PORTFOLIO,
        Pane::Touchpoints => TOUCHPOINTS,
        Pane::Agreements => AGREEMENTS,
        Pane::Plan => PLAN,
        Pane::Review => REVIEW,
    }
}

/// Every key that does something in this mode, pane and card, in the
/// order footer and help list them: the pane's (or the mode's) first.
pub fn bindings(mode: &Mode, pane: Pane, card: bool) -> Vec<&'static Binding> {
    let tables: &[&'static [Binding]] = match mode {
        Mode::Normal if card => &[CARD, GLOBAL],
        Mode::Normal => &[pane_bindings(pane), MOVE, GLOBAL],
        Mode::Filter => &[FILTERING],
        Mode::Picker(_) => &[PICKING],
        Mode::Form(_) => &[FORM],
        Mode::Confirm(_) => &[CONFIRMING],
        Mode::Help => &[HELPING],
    };
    tables.iter().flat_map(|t| t.iter()).collect()
}

/// The Russian keyboard (ЙЦУКЕН) over the Latin one (QWERTY), without
/// and with Shift: the characters at one place in a pair of lines are on
/// the same physical key. With the Russian layout active, a key still does
/// what its Latin character does (`о` is `j`, `Ы` is `S`, `х` is `[`),
/// except where letters are text.
const RUSSIAN_LAYOUT: [(&str, &str); 2] = [
    (
        r#"йцукенгшщзхъ фывапролджэ ячсмитьбю ё"#,
        r#"qwertyuiop[] asdfghjkl;' zxcvbnm,. `"#,
    ),
    (
        r#"ЙЦУКЕНГШЩЗХЪ ФЫВАПРОЛДЖЭ ЯЧСМИТЬБЮ Ё"#,
        r#"QWERTYUIOP{} ASDFGHJKL:" ZXCVBNM<> ~"#,
    ),
];

/// `(Cyrillic, Latin)` for every key of [`RUSSIAN_LAYOUT`].
fn russian_layout() -> impl Iterator<Item = (char, char)> {
    RUSSIAN_LAYOUT
        .iter()
        .flat_map(|(cyrillic, latin)| cyrillic.chars().zip(latin.chars()))
        .filter(|&(c, _)| c != ' ')
}

/// The Latin character on the key that types `c` on the Russian layout;
/// any other character as it is.
fn latin_twin(c: char) -> char {
    russian_layout()
        .find(|&(cyrillic, _)| cyrillic == c)
        .map_or(c, |(_, latin)| latin)
}

/// The key event as if the Latin layout were active: where letters are
/// commands (the normal mode, help, a question) for every key, and for a
/// Ctrl chord everywhere (a chord is never text); in a form, a filter or
/// the picker a plain Cyrillic letter stays text.
fn on_latin_layout(mode: &Mode, ev: &KeyEvent) -> KeyEvent {
    let letters_are_commands = matches!(mode, Mode::Normal | Mode::Help | Mode::Confirm(_));
    let mut ev = *ev;
    if let KeyCode::Char(c) = ev.code
        && (letters_are_commands || ctrl(&ev))
    {
        ev.code = KeyCode::Char(latin_twin(c));
    }
    ev
}

/// What a key means in the current mode. In a form, a filter or the
/// picker, printable keys are text, never commands; in a question, any key
/// but `y` is no. Keys typed on the Russian layout mean what the Latin
/// key in their place means ([`RUSSIAN_LAYOUT`]), except as text.
pub fn map_key(mode: &Mode, pane: Pane, card: bool, ev: &KeyEvent) -> Option<Action> {
    let ev = &on_latin_layout(mode, ev);
    if ctrl(ev) && ev.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    if ctrl(ev) && ev.code == KeyCode::Char('z') {
        return Some(Action::Suspend);
    }
    let bound = bindings(mode, pane, card)
        .into_iter()
        .find(|bd| bd.keys.iter().any(|k| k.matches(ev)))
        .map(|bd| bd.action);
    if bound.is_some() {
        return bound;
    }
    let text = match ev.code {
        KeyCode::Char(c) if !ctrl(ev) => Some(c),
        _ => None,
    };
    match mode {
        Mode::Filter => text.map(Action::FilterInput),
        Mode::Picker(_) => text.map(Action::PickerInput),
        Mode::Form(_) => text.map(Action::FormInput),
        Mode::Confirm(_) => Some(Action::ConfirmNo),
        Mode::Normal | Mode::Help => None,
    }
}

/// A Ctrl+letter chord: a command, never text. Ctrl with Alt is AltGr on
/// some terminals (Windows), which types text.
fn ctrl(ev: &KeyEvent) -> bool {
    ev.modifiers.contains(KeyModifiers::CONTROL) && !ev.modifiers.contains(KeyModifiers::ALT)
}

/// The bindings footer and help show: the focus's (`focus`, the keys
/// whose word depends on where the pane's cursor is, `Component::focus_keys`)
/// first, then the rest of [`bindings`], each action said once (the
/// focus's word wins; an unlabelled focus binding hides the action).
fn shown(mode: &Mode, focus: &'static [Binding], pane: Pane, card: bool) -> Vec<&'static Binding> {
    let focus: &'static [Binding] = match mode {
        Mode::Normal if !card => focus,
        _ => &[],
    };
    let rest = bindings(mode, pane, card)
        .into_iter()
        .filter(|bd| !focus.iter().any(|f| f.action == bd.action));
    focus.iter().chain(rest).collect()
}

/// `(keys, what, always)` for the footer in this mode, pane and card, in
/// `locale`; `always`: a key of every pane (help, quit), shown even when
/// the pane's own keys do not all fit.
pub fn footer(
    locale: Locale,
    mode: &Mode,
    focus: &'static [Binding],
    pane: Pane,
    card: bool,
) -> Vec<(&'static str, String, bool)> {
    shown(mode, focus, pane, card)
        .into_iter()
        .filter(|bd| bd.footer && !bd.label.is_empty())
        .map(|bd| {
            let always = GLOBAL.iter().any(|g| g.action == bd.action);
            let what = text(locale, bd.help);
            (bd.label, short(&what).to_string(), always)
        })
        .collect()
}

/// `(keys, what)` pairs for the help overlay (opened from the normal
/// mode), in `locale`: the focus's and the pane's keys (or the card's),
/// then the rest.
pub fn help(
    locale: Locale,
    focus: &'static [Binding],
    pane: Pane,
    card: bool,
) -> Vec<(String, String)> {
    shown(&Mode::Normal, focus, pane, card)
        .into_iter()
        .filter(|bd| !bd.label.is_empty())
        .map(|bd| (bd.label.to_string(), text(locale, bd.help)))
        .collect()
}

/// The first words of a help text, for the footer.
fn short(help: &str) -> &str {
    help.split(" (").next().unwrap_or(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Locale = Locale::En;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn normal_mode_maps_pane_keys_before_global_ones() {
        let m = Mode::Normal;
        assert_eq!(
            map_key(&m, Pane::Agreements, false, &key('K')),
            Some(Action::MarkKept)
        );
        assert_eq!(
            map_key(&m, Pane::Agreements, false, &key('k')),
            Some(Action::Up)
        );
        assert_eq!(
            map_key(&m, Pane::Portfolio, false, &key('t')),
            Some(Action::ChangeTier)
        );
        assert_eq!(
            map_key(&m, Pane::Plan, false, &key(']')),
            Some(Action::MonthNext)
        );
        assert_eq!(
            map_key(&m, Pane::Plan, false, &key('3')),
            Some(Action::SelectPane(Pane::Agreements))
        );
        assert_eq!(map_key(&m, Pane::Plan, false, &key('z')), None);
    }

    #[test]
    fn typing_in_a_filter_or_form_is_text() {
        assert_eq!(
            map_key(&Mode::Filter, Pane::Portfolio, false, &key('q')),
            Some(Action::FilterInput('q'))
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            map_key(&Mode::Filter, Pane::Portfolio, false, &ctrl_c),
            Some(Action::Quit)
        );
    }

    /// Issue 22.15: help closes on `?`, `Esc` or `q` only; movement keys
    /// scroll it and any other key does nothing (it is not swallowed into
    /// closing help).
    #[test]
    fn help_closes_on_its_keys_only_and_scrolls_on_movement() {
        let m = Mode::Help;
        let code = |c| KeyEvent::new(c, KeyModifiers::NONE);
        for ev in [key('?'), key('q'), code(KeyCode::Esc)] {
            assert_eq!(map_key(&m, Pane::Portfolio, false, &ev), Some(Action::Back));
        }
        for (ev, action) in [
            (key('j'), Action::Down),
            (code(KeyCode::Down), Action::Down),
            (key('k'), Action::Up),
            (key('g'), Action::Top),
            (key('G'), Action::Bottom),
            (code(KeyCode::Home), Action::Top),
            (code(KeyCode::End), Action::Bottom),
            (code(KeyCode::PageDown), Action::PageDown),
            (code(KeyCode::PageUp), Action::PageUp),
        ] {
            assert_eq!(map_key(&m, Pane::Plan, true, &ev), Some(action), "{ev:?}");
        }
        for ev in [key('x'), key('y'), key('a'), key('2'), code(KeyCode::Enter)] {
            assert_eq!(map_key(&m, Pane::Portfolio, false, &ev), None, "{ev:?}");
        }
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            map_key(&m, Pane::Portfolio, false, &ctrl_c),
            Some(Action::Quit)
        );
    }

    #[test]
    fn ctrl_w_and_ctrl_u_delete_in_a_filter_and_a_form_and_type_nothing() {
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        let filter = |ev| map_key(&Mode::Filter, Pane::Touchpoints, false, &ev);
        assert_eq!(filter(ctrl('w')), Some(Action::FilterDeleteWord));
        assert_eq!(filter(ctrl('u')), Some(Action::FilterDeleteLine));
        assert_eq!(filter(ctrl('y')), None, "no other chord is text");
        let s = crate::tui::app::App::new(chrono::NaiveDate::MIN, "t").shared;
        let in_form = Mode::Form(Box::new(crate::tui::forms::NewClientForm::open(
            &s,
            crate::domain::Tier::Gold,
        )));
        let form = |ev| map_key(&in_form, Pane::Portfolio, false, &ev);
        assert_eq!(form(ctrl('w')), Some(Action::FormDeleteWord));
        assert_eq!(form(ctrl('u')), Some(Action::FormDeleteLine));
        assert_eq!(form(ctrl('y')), None);
        assert_eq!(form(key('w')), Some(Action::FormInput('w')));
    }

    /// Issue 22.16: Ctrl-Z suspends whatever is open, as Ctrl-C quits; help lists it.
    #[test]
    fn ctrl_z_suspends_in_every_mode() {
        let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
        let s = crate::tui::app::App::new(chrono::NaiveDate::MIN, "t").shared;
        let in_form = Mode::Form(Box::new(crate::tui::forms::NewClientForm::open(
            &s,
            crate::domain::Tier::Gold,
        )));
        for mode in [Mode::Normal, Mode::Filter, Mode::Help, in_form] {
            for card in [false, true] {
                assert_eq!(
                    map_key(&mode, Pane::Touchpoints, card, &ctrl_z),
                    Some(Action::Suspend),
                    "{card}"
                );
            }
        }
        assert!(
            GLOBAL
                .iter()
                .any(|bd| bd.action == Action::Suspend && bd.label == "Ctrl-Z")
        );
        assert_eq!(
            map_key(&Mode::Normal, Pane::Portfolio, false, &key('z')),
            None
        );
    }

    /// Issue 22: one table per pane and mode feeds the key map, the footer
    /// and help, so every key they list does what they say through
    /// `map_key` in that pane and mode.
    #[test]
    fn every_key_listed_maps_to_its_action_in_its_pane_and_mode() {
        let s = crate::tui::app::App::new(chrono::NaiveDate::MIN, "t").shared;
        let form = Mode::Form(Box::new(crate::tui::forms::NewClientForm::open(
            &s,
            crate::domain::Tier::Gold,
        )));
        let picker = Mode::Picker(crate::tui::picker::Picker::open(&s));
        let confirm = Mode::Confirm(crate::tui::app::Confirm {
            prompt: "?".into(),
            effect: crate::tui::action::Effect::Reload,
        });
        let modes = [
            Mode::Normal,
            Mode::Filter,
            form,
            picker,
            confirm,
            Mode::Help,
        ];
        let mut checked = 0;
        for mode in &modes {
            for &pane in Pane::ALL {
                for card in [false, true] {
                    for bd in bindings(mode, pane, card) {
                        for key in bd.keys {
                            let ev = match *key {
                                Key::Char(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
                                Key::Ctrl(c) => {
                                    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
                                }
                                Key::Code(code) => KeyEvent::new(code, KeyModifiers::NONE),
                            };
                            assert_eq!(
                                map_key(mode, pane, card, &ev),
                                Some(bd.action),
                                "{key:?} in {mode:?} {pane:?} card {card}"
                            );
                            checked += 1;
                        }
                    }
                    // The footer lists a subset of what help lists.
                    if *mode == Mode::Normal {
                        let help = help(EN, &[], pane, card);
                        for (k, what, _) in footer(EN, mode, &[], pane, card) {
                            assert!(help.iter().any(|(hk, hw)| hk == k && short(hw) == what));
                        }
                    }
                }
            }
        }
        assert!(checked > 300, "{checked}");
    }

    /// The Cyrillic letter on the same key as `latin` on the Russian layout.
    fn cyrillic_twin(latin: char) -> Option<char> {
        russian_layout().find(|&(_, l)| l == latin).map(|(c, _)| c)
    }

    /// Issue 23: with the ЙЦУКЕН layout active, every bound letter's key
    /// (lower and upper case, `[`, `]` and `:` too) does what the Latin key
    /// does in the normal mode, on the card, in help and in a question.
    #[test]
    fn every_bound_key_works_on_the_russian_layout() {
        let confirm = Mode::Confirm(crate::tui::app::Confirm {
            prompt: "?".into(),
            effect: crate::tui::action::Effect::Reload,
        });
        let mut checked = 0;
        for mode in [Mode::Normal, Mode::Help, confirm] {
            for &pane in Pane::ALL {
                for card in [false, true] {
                    for bd in bindings(&mode, pane, card) {
                        for k in bd.keys {
                            let Key::Char(latin) = *k else { continue };
                            if !latin.is_ascii_alphabetic() && !"[]:".contains(latin) {
                                continue;
                            }
                            let twin = cyrillic_twin(latin)
                                .unwrap_or_else(|| panic!("{latin} has no Cyrillic twin"));
                            assert_eq!(
                                map_key(&mode, pane, card, &key(twin)),
                                Some(bd.action),
                                "{twin} for {latin} in {mode:?} {pane:?} card {card}"
                            );
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 100, "{checked}");
        let normal = |c| map_key(&Mode::Normal, Pane::Portfolio, false, &key(c));
        assert_eq!(normal('о'), Some(Action::Down), "о is j");
        assert_eq!(normal('л'), Some(Action::Up), "л is k");
        assert_eq!(normal('й'), Some(Action::Quit), "й is q");
        assert_eq!(normal('ф'), Some(Action::Add), "ф is a");
        assert_eq!(normal('Ы'), Some(Action::ChangeStatus), "Ы is S");
        assert_eq!(normal('П'), Some(Action::Bottom), "П is G");
        let question = Mode::Confirm(crate::tui::app::Confirm {
            prompt: "?".into(),
            effect: crate::tui::action::Effect::Reload,
        });
        let answer = |c| map_key(&question, Pane::Portfolio, false, &key(c));
        assert_eq!(answer('н'), Some(Action::ConfirmYes), "н is y");
        assert_eq!(answer('Н'), Some(Action::ConfirmYes), "Н is Y");
        assert_eq!(answer('т'), Some(Action::ConfirmNo), "т is n");
    }

    /// Issue 23: where letters are text (a form, a filter, the picker) a
    /// Cyrillic letter is typed, never a command; a Ctrl chord on the
    /// Russian layout is still the chord.
    #[test]
    fn cyrillic_letters_are_text_in_forms_filters_and_the_picker() {
        let s = crate::tui::app::App::new(chrono::NaiveDate::MIN, "t").shared;
        let in_form = Mode::Form(Box::new(crate::tui::forms::NewClientForm::open(
            &s,
            crate::domain::Tier::Gold,
        )));
        let form = |ev| map_key(&in_form, Pane::Portfolio, false, &ev);
        assert_eq!(form(key('о')), Some(Action::FormInput('о')));
        assert_eq!(form(key('Ж')), Some(Action::FormInput('Ж')));
        assert_eq!(
            map_key(&Mode::Filter, Pane::Portfolio, false, &key('й')),
            Some(Action::FilterInput('й'))
        );
        let picker = Mode::Picker(crate::tui::picker::Picker::open(&s));
        assert_eq!(
            map_key(&picker, Pane::Portfolio, false, &key('л')),
            Some(Action::PickerInput('л'))
        );
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(form(ctrl('ц')), Some(Action::FormDeleteWord), "Ctrl-W");
        assert_eq!(
            map_key(&Mode::Filter, Pane::Portfolio, false, &ctrl('с')),
            Some(Action::Quit),
            "Ctrl-C"
        );
        assert_eq!(
            map_key(&Mode::Normal, Pane::Portfolio, false, &ctrl('з')),
            Some(Action::OpenPicker),
            "Ctrl-P"
        );
    }

    #[test]
    fn the_russian_layout_table_pairs_each_key_once() {
        let layout: Vec<(char, char)> = russian_layout().collect();
        assert_eq!(layout.len(), 66, "33 letters in two cases");
        for (i, (c, l)) in layout.iter().enumerate() {
            for (c2, l2) in &layout[i + 1..] {
                assert!(c != c2 && l != l2, "{c}{l} and {c2}{l2}");
            }
        }
    }

    /// Keys that do nothing in a pane are not in its table, so neither the
    /// footer nor help offers them.
    #[test]
    fn keys_of_other_panes_are_not_offered() {
        let listed = |pane, card, action| {
            help(EN, &[], pane, card).iter().any(|(k, _)| {
                bindings(&Mode::Normal, pane, card)
                    .iter()
                    .any(|bd| bd.label == k && bd.action == action)
            })
        };
        assert!(!listed(Pane::Plan, false, Action::Delete), "x on the plan");
        assert!(
            !listed(Pane::Review, false, Action::StartFilter),
            "/ on the review"
        );
        assert!(
            !listed(Pane::Review, false, Action::Back),
            "Esc with nothing to clear"
        );
        assert!(
            !listed(Pane::Portfolio, true, Action::StartFilter),
            "/ on the card"
        );
        assert!(listed(Pane::Portfolio, false, Action::StartFilter));
        assert!(
            listed(Pane::Plan, true, Action::Back),
            "Esc closes the card"
        );
        let in_filter: Vec<_> = footer(EN, &Mode::Filter, &[], Pane::Portfolio, false);
        assert!(
            in_filter.iter().all(|(k, _, _)| *k != "q"),
            "q is text in a filter"
        );
        assert!(in_filter.iter().any(|(k, _, _)| *k == "Ctrl-W"));
    }

    /// Every help word is a message both languages have: a missing one
    /// would show its id.
    #[test]
    fn every_help_word_is_a_message_in_both_languages() {
        let tables = [
            GLOBAL,
            MOVE,
            PORTFOLIO,
            TOUCHPOINTS,
            AGREEMENTS,
            PLAN,
            REVIEW,
            PLAN_FIGURE,
            PLAN_CLIENT,
            PLAN_ROWS,
            REVIEW_DAY_CLOSED,
            REVIEW_DAY_OPEN,
            REVIEW_CLIENT,
            REVIEW_NO_CLIENT,
            CARD,
            FILTERING,
            PICKING,
            FORM,
            CONFIRMING,
            HELPING,
        ];
        for bd in tables.iter().flat_map(|t| t.iter()) {
            if bd.help.is_empty() {
                continue;
            }
            for locale in [Locale::En, Locale::Ru] {
                let said = text(locale, bd.help);
                assert!(
                    said != bd.help && !said.is_empty(),
                    "{} {locale:?}",
                    bd.help
                );
            }
        }
        let ru = help(Locale::Ru, &[], Pane::Agreements, false);
        assert!(
            ru.contains(&("K".to_string(), "выполнена".to_string())),
            "{ru:?}"
        );
        let ru = footer(Locale::Ru, &Mode::Normal, &[], Pane::Portfolio, false);
        assert!(
            ru.iter()
                .any(|(k, what, _)| *k == "a" && what == "добавить клиента"),
            "the footer's words stop before ' (': {ru:?}"
        );
    }

    #[test]
    fn every_action_with_a_label_has_help_text() {
        for &pane in Pane::ALL {
            for (label, help) in help(EN, &[], pane, false) {
                assert!(!help.is_empty(), "{label} has no help");
            }
            assert!(
                footer(EN, &Mode::Normal, &[], pane, false)
                    .iter()
                    .any(|(k, _, always)| *k == "q" && *always)
            );
        }
    }

    #[test]
    fn the_plan_focus_keys_mean_what_the_key_map_says() {
        for (pane, table) in [
            (Pane::Plan, PLAN_FIGURE),
            (Pane::Plan, PLAN_CLIENT),
            (Pane::Plan, PLAN_ROWS),
            (Pane::Review, REVIEW_DAY_CLOSED),
            (Pane::Review, REVIEW_DAY_OPEN),
            (Pane::Review, REVIEW_CLIENT),
            (Pane::Review, REVIEW_NO_CLIENT),
        ] {
            for bd in table {
                for k in bd.keys {
                    let ev = match *k {
                        Char(c) => key(c),
                        Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
                        Code(code) => KeyEvent::new(code, KeyModifiers::NONE),
                    };
                    assert_eq!(
                        map_key(&Mode::Normal, pane, false, &ev),
                        Some(bd.action),
                        "{}",
                        bd.label
                    );
                }
            }
        }
        let footer = footer(EN, &Mode::Normal, PLAN_FIGURE, Pane::Plan, false);
        let enter: Vec<_> = footer.iter().filter(|(k, ..)| *k == "Enter").collect();
        assert_eq!(
            enter,
            [&("Enter", "rows".to_string(), false)],
            "said once, for the focus"
        );
        // A focus's unlabelled key is not offered (e on a figure).
        assert!(!footer.iter().any(|(k, ..)| *k == "e"), "{footer:?}");
    }
}
