//! Key bindings as data: the key map, the footer and the help overlay are
//! all generated from these tables, so they never disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::app::Mode;
use super::panes::Pane;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
}

impl Key {
    fn matches(self, ev: &KeyEvent) -> bool {
        match self {
            Key::Ctrl(c) => {
                ev.modifiers.contains(KeyModifiers::CONTROL) && ev.code == KeyCode::Char(c)
            }
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
    pub help: &'static str,
    pub action: Action,
    /// Shown in the footer (the keys that matter most); all are in help.
    pub footer: bool,
}

const fn b(
    keys: &'static [Key],
    label: &'static str,
    help: &'static str,
    action: Action,
    footer: bool,
) -> Binding {
    Binding {
        keys,
        label,
        help,
        action,
        footer,
    }
}

use Key::{Char, Code, Ctrl};

/// Keys that work in every pane.
pub const GLOBAL: &[Binding] = &[
    b(
        &[Char('j'), Code(KeyCode::Down)],
        "j/k ↑↓",
        "move down / up",
        Action::Down,
        false,
    ),
    b(&[Char('k'), Code(KeyCode::Up)], "", "", Action::Up, false),
    b(
        &[Char('g'), Code(KeyCode::Home)],
        "g/G",
        "first / last row",
        Action::Top,
        false,
    ),
    b(
        &[Char('G'), Code(KeyCode::End)],
        "",
        "",
        Action::Bottom,
        false,
    ),
    b(
        &[Code(KeyCode::PageDown)],
        "PgDn/PgUp",
        "page down / up",
        Action::PageDown,
        false,
    ),
    b(&[Code(KeyCode::PageUp)], "", "", Action::PageUp, false),
    b(
        &[Char('1')],
        "1-5",
        "portfolio, touchpoints, agreements, plan, review",
        Action::SelectPane(Pane::Portfolio),
        false,
    ),
    b(
        &[Char('2')],
        "",
        "",
        Action::SelectPane(Pane::Touchpoints),
        false,
    ),
    b(
        &[Char('3')],
        "",
        "",
        Action::SelectPane(Pane::Agreements),
        false,
    ),
    b(&[Char('4')], "", "", Action::SelectPane(Pane::Plan), false),
    b(
        &[Char('5')],
        "",
        "",
        Action::SelectPane(Pane::Review),
        false,
    ),
    b(
        &[Code(KeyCode::Tab)],
        "Tab/S-Tab",
        "next / previous pane",
        Action::NextPane,
        false,
    ),
    b(&[Code(KeyCode::BackTab)], "", "", Action::PrevPane, false),
    b(
        &[Char('/')],
        "/",
        "filter the list (Esc clears)",
        Action::StartFilter,
        true,
    ),
    b(
        &[Code(KeyCode::Enter)],
        "Enter",
        "open the client card",
        Action::OpenCard,
        true,
    ),
    b(
        &[Char(':'), Ctrl('p')],
        ": Ctrl-P",
        "jump to a client by name (letters in order)",
        Action::OpenPicker,
        false,
    ),
    b(&[Char('a')], "a", "add", Action::Add, true),
    b(&[Char('e')], "e", "edit the selection", Action::Edit, true),
    b(
        &[Char('x'), Code(KeyCode::Delete)],
        "x",
        "delete the selection (asks first)",
        Action::Delete,
        false,
    ),
    b(
        &[Char('u')],
        "u",
        "undo the last change (up to 20)",
        Action::Undo,
        false,
    ),
    b(
        &[Char('r'), Ctrl('r')],
        "r",
        "reload from the file",
        Action::Reload,
        false,
    ),
    b(
        &[Code(KeyCode::Esc)],
        "Esc",
        "back / clear the filter",
        Action::Back,
        false,
    ),
    b(&[Char('?')], "?", "help", Action::Help, true),
    b(
        &[Ctrl('z')],
        "Ctrl-Z",
        "suspend (back with fg)",
        Action::Suspend,
        false,
    ),
    b(&[Char('q'), Ctrl('c')], "q", "quit", Action::Quit, true),
];

pub const PORTFOLIO: &[Binding] = &[
    b(
        &[Char('h'), Code(KeyCode::Left)],
        "h/l ←→",
        "previous / next tier column",
        Action::Left,
        true,
    ),
    b(
        &[Char('l'), Code(KeyCode::Right)],
        "",
        "",
        Action::Right,
        false,
    ),
    b(
        &[Char('t')],
        "t",
        "change the client's tier (with a reason)",
        Action::ChangeTier,
        true,
    ),
    b(
        &[Char('s')],
        "s",
        "sort by revenue, neglect, name",
        Action::CycleSort,
        true,
    ),
    b(
        &[Char('S')],
        "S",
        "change the client's status (active, paused, churned)",
        Action::ChangeStatus,
        false,
    ),
];

pub const TOUCHPOINTS: &[Binding] = &[b(
    &[Char('c')],
    "c",
    "all clients / only the client selected on the board",
    Action::ToggleClientScope,
    true,
)];

pub const AGREEMENTS: &[Binding] = &[
    b(&[Char('K')], "K", "mark kept", Action::MarkKept, true),
    b(&[Char('B')], "B", "mark broken", Action::MarkBroken, true),
    b(
        &[Char('C')],
        "C",
        "mark cancelled",
        Action::MarkCancelled,
        true,
    ),
];

pub const PLAN: &[Binding] = &[
    b(
        &[Char('[')],
        "[ ]",
        "previous / next month",
        Action::MonthPrev,
        true,
    ),
    b(&[Char(']')], "", "", Action::MonthNext, false),
    b(
        &[Char('p')],
        "p",
        "set the month's target",
        Action::SetTarget,
        true,
    ),
    b(
        &[Char('i')],
        "i",
        "add an expected payment",
        Action::AddInvoice,
        true,
    ),
];

/// The Plan pane's keys by where its cursor is (see
/// `Component::focus_keys`): they say what Enter, `e`, `x` and `Esc` do
/// there. The same keys as in `GLOBAL`, with the same actions (a test
/// checks it); only what the footer and help say differs.
pub const PLAN_FIGURE: &[Binding] = &[
    b(
        &[Code(KeyCode::Enter)],
        "Enter",
        "rows (the invoices or payments behind the figure)",
        Action::OpenCard,
        true,
    ),
    // Unlabelled: `e` and `x` act on a figure's rows, not on the figure,
    // so neither footer nor help offers them here.
    b(&[Char('e')], "", "", Action::Edit, false),
    b(
        &[Char('x'), Code(KeyCode::Delete)],
        "",
        "",
        Action::Delete,
        false,
    ),
];

pub const PLAN_CLIENT: &[Binding] = &[
    b(
        &[Code(KeyCode::Enter)],
        "Enter",
        "card (the client's card)",
        Action::OpenCard,
        true,
    ),
    b(
        &[Char('k'), Code(KeyCode::Up)],
        "k ↑",
        "above the first client: the month's figures (Enter lists their rows)",
        Action::Up,
        false,
    ),
    b(
        &[Char('e')],
        "e",
        "edit the client's details",
        Action::Edit,
        true,
    ),
];

pub const PLAN_ROWS: &[Binding] = &[
    b(
        &[Char('e')],
        "e",
        "edit the payment or expected payment",
        Action::Edit,
        true,
    ),
    b(
        &[Char('x'), Code(KeyCode::Delete)],
        "x",
        "delete it (asks first)",
        Action::Delete,
        true,
    ),
    b(
        &[Code(KeyCode::Esc)],
        "Esc",
        "back to the figures",
        Action::Back,
        true,
    ),
    b(
        &[Code(KeyCode::Enter)],
        "Enter",
        "card (the client's card)",
        Action::OpenCard,
        false,
    ),
];

pub const REVIEW: &[Binding] = &[
    b(
        &[Char('h'), Code(KeyCode::Left)],
        "h/l ←→",
        "previous / next section (j/k scroll it)",
        Action::Left,
        true,
    ),
    b(
        &[Char('l'), Code(KeyCode::Right)],
        "",
        "",
        Action::Right,
        false,
    ),
    b(
        &[Char('[')],
        "[ ]",
        "previous / next month",
        Action::MonthPrev,
        true,
    ),
    b(&[Char(']')], "", "", Action::MonthNext, false),
    b(
        &[Char('w')],
        "w",
        "write the briefing as Markdown (asks where)",
        Action::WriteReport,
        true,
    ),
];

/// The Review pane's Enter by where its selection is (see
/// `Component::focus_keys`).
pub const REVIEW_DAY_CLOSED: &[Binding] = &[b(
    &[Code(KeyCode::Enter)],
    "Enter",
    "show the day's payments",
    Action::OpenCard,
    true,
)];

pub const REVIEW_DAY_OPEN: &[Binding] = &[
    b(
        &[Code(KeyCode::Enter)],
        "Enter",
        "hide the day's payments",
        Action::OpenCard,
        true,
    ),
    b(
        &[Code(KeyCode::Esc)],
        "Esc",
        "hide them",
        Action::Back,
        false,
    ),
];

pub const REVIEW_CLIENT: &[Binding] = &[b(
    &[Code(KeyCode::Enter)],
    "Enter",
    "open the client card",
    Action::OpenCard,
    true,
)];

/// A talking point or an empty section: Enter does nothing, so it is not
/// offered.
pub const REVIEW_NO_CLIENT: &[Binding] =
    &[b(&[Code(KeyCode::Enter)], "", "", Action::OpenCard, false)];

pub const CARD: &[Binding] = &[
    b(&[Char('a')], "a", "add a contact person", Action::Add, true),
    b(
        &[Char('n')],
        "n",
        "mark the next contact (▸)",
        Action::NextContact,
        true,
    ),
    b(
        &[Char('E')],
        "E",
        "edit the marked contact",
        Action::EditContact,
        true,
    ),
    b(
        &[Char('D')],
        "D",
        "delete the marked contact (asks first)",
        Action::DeleteContact,
        true,
    ),
    b(
        &[Char('S')],
        "S",
        "change status (active, paused, churned)",
        Action::ChangeStatus,
        true,
    ),
    b(&[Char('t')], "t", "change tier", Action::ChangeTier, true),
];

pub fn pane_bindings(pane: Pane, card: bool) -> &'static [Binding] {
    if card {
        return CARD;
    }
    match pane {
        Pane::Portfolio => PORTFOLIO,
        Pane::Touchpoints => TOUCHPOINTS,
        Pane::Agreements => AGREEMENTS,
        Pane::Plan => PLAN,
        Pane::Review => REVIEW,
    }
}

/// What a key means in the current mode. In a form or a filter, printable
/// keys are text, never commands.
pub fn map_key(mode: &Mode, pane: Pane, card: bool, ev: &KeyEvent) -> Option<Action> {
    if ev.modifiers.contains(KeyModifiers::CONTROL) && ev.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    if ev.modifiers.contains(KeyModifiers::CONTROL) && ev.code == KeyCode::Char('z') {
        return Some(Action::Suspend);
    }
    match mode {
        // Help closes on `?`, `Esc` or `q` only; movement keys scroll it.
        Mode::Help => match ev.code {
            KeyCode::Char('?' | 'q') | KeyCode::Esc => Some(Action::Back),
            _ => GLOBAL
                .iter()
                .filter(|bd| {
                    matches!(
                        bd.action,
                        Action::Up
                            | Action::Down
                            | Action::Top
                            | Action::Bottom
                            | Action::PageUp
                            | Action::PageDown
                    )
                })
                .find(|bd| bd.keys.iter().any(|k| k.matches(ev)))
                .map(|bd| bd.action),
        },
        Mode::Confirm(_) => match ev.code {
            KeyCode::Char('y') | KeyCode::Char('Y') => Some(Action::ConfirmYes),
            _ => Some(Action::ConfirmNo),
        },
        Mode::Filter => match ev.code {
            KeyCode::Esc => Some(Action::FilterClear),
            KeyCode::Enter => Some(Action::FilterDone),
            KeyCode::Backspace => Some(Action::FilterBackspace),
            KeyCode::Down => Some(Action::Down),
            KeyCode::Up => Some(Action::Up),
            KeyCode::Char('w') if ctrl(ev) => Some(Action::FilterDeleteWord),
            KeyCode::Char('u') if ctrl(ev) => Some(Action::FilterDeleteLine),
            KeyCode::Char(_) if ctrl(ev) => None,
            KeyCode::Char(c) => Some(Action::FilterInput(c)),
            _ => None,
        },
        Mode::Picker(_) => match ev.code {
            KeyCode::Esc => Some(Action::PickerCancel),
            KeyCode::Enter => Some(Action::PickerChoose),
            KeyCode::Backspace => Some(Action::PickerBackspace),
            KeyCode::Down => Some(Action::Down),
            KeyCode::Up => Some(Action::Up),
            KeyCode::Char('w') if ctrl(ev) => Some(Action::PickerDeleteWord),
            KeyCode::Char('u') if ctrl(ev) => Some(Action::PickerDeleteLine),
            KeyCode::Char('n') if ctrl(ev) => Some(Action::Down),
            KeyCode::Char('p') if ctrl(ev) => Some(Action::Up),
            KeyCode::Char(_) if ctrl(ev) => None,
            KeyCode::Char(c) => Some(Action::PickerInput(c)),
            _ => None,
        },
        Mode::Form(_) => match ev.code {
            KeyCode::Esc => Some(Action::FormCancel),
            KeyCode::Enter => Some(Action::FormSubmit),
            KeyCode::Tab | KeyCode::Down => Some(Action::FormNext),
            KeyCode::BackTab | KeyCode::Up => Some(Action::FormPrev),
            KeyCode::Backspace => Some(Action::FormBackspace),
            KeyCode::Delete => Some(Action::FormDelete),
            KeyCode::Left => Some(Action::FormLeft),
            KeyCode::Right => Some(Action::FormRight),
            KeyCode::Home => Some(Action::FormHome),
            KeyCode::End => Some(Action::FormEnd),
            KeyCode::Char(' ') if ctrl(ev) => Some(Action::FormComplete),
            KeyCode::Char('w') if ctrl(ev) => Some(Action::FormDeleteWord),
            KeyCode::Char('u') if ctrl(ev) => Some(Action::FormDeleteLine),
            KeyCode::Char(_) if ctrl(ev) => None,
            KeyCode::Char(c) => Some(Action::FormInput(c)),
            _ => None,
        },
        Mode::Normal => pane_bindings(pane, card)
            .iter()
            .chain(GLOBAL.iter())
            .find(|bd| bd.keys.iter().any(|k| k.matches(ev)))
            .map(|bd| bd.action),
    }
}

/// A Ctrl+letter chord: a command, never text. Ctrl with Alt is AltGr on
/// some terminals (Windows), which types text.
fn ctrl(ev: &KeyEvent) -> bool {
    ev.modifiers.contains(KeyModifiers::CONTROL) && !ev.modifiers.contains(KeyModifiers::ALT)
}

/// `(keys, what)` pairs for the footer of this pane; `filterable`: the
/// pane has a filter (and the card is not over it).
pub fn footer(pane: Pane, card: bool, filterable: bool) -> Vec<(&'static str, &'static str)> {
    footer_in(&[], pane, card, filterable)
}

/// The bindings in effect: the focus's (`focus`) first, then the pane's
/// and the global ones, each action said once (the focus's word wins).
fn in_effect(
    focus: &'static [Binding],
    pane: Pane,
    card: bool,
) -> impl Iterator<Item = &'static Binding> {
    let later = pane_bindings(pane, card).iter().chain(GLOBAL.iter());
    focus
        .iter()
        .chain(later.filter(move |bd| !focus.iter().any(|f| f.action == bd.action)))
}

/// [`footer`] with the keys of the pane's focus (`focus`) first.
pub fn footer_in(
    focus: &'static [Binding],
    pane: Pane,
    card: bool,
    filterable: bool,
) -> Vec<(&'static str, &'static str)> {
    in_effect(focus, pane, card)
        .filter(|bd| bd.footer && !bd.label.is_empty())
        .filter(|bd| !(card && bd.action == Action::OpenCard))
        .filter(|bd| bd.action != Action::StartFilter || filterable)
        .map(|bd| (bd.label, short(bd.help)))
        .collect()
}

/// `(keys, what)` pairs for the help overlay: the pane's keys, then the rest.
pub fn help(pane: Pane, card: bool) -> Vec<(&'static str, &'static str)> {
    help_in(&[], pane, card)
}

/// [`help`] with the keys of the pane's focus (`focus`) first.
pub fn help_in(
    focus: &'static [Binding],
    pane: Pane,
    card: bool,
) -> Vec<(&'static str, &'static str)> {
    in_effect(focus, pane, card)
        .filter(|bd| !bd.label.is_empty())
        .map(|bd| (bd.label, bd.help))
        .collect()
}

/// The first words of a help text, for the footer.
fn short(help: &'static str) -> &'static str {
    help.split(" (").next().unwrap_or(help)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// The Plan pane's focus tables only say what a key does there: the
    /// key map gives the same action.
    #[test]
    fn the_plan_focus_keys_mean_what_the_key_map_says() {
        for table in [PLAN_FIGURE, PLAN_CLIENT, PLAN_ROWS] {
            for bd in table {
                for k in bd.keys {
                    let ev = match *k {
                        Char(c) => key(c),
                        Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
                        Code(code) => KeyEvent::new(code, KeyModifiers::NONE),
                    };
                    assert_eq!(
                        map_key(&Mode::Normal, Pane::Plan, false, &ev),
                        Some(bd.action),
                        "{}",
                        bd.label
                    );
                }
            }
        }
        let footer = footer_in(PLAN_FIGURE, Pane::Plan, false, false);
        let enter: Vec<_> = footer.iter().filter(|(k, _)| *k == "Enter").collect();
        assert_eq!(enter, [&("Enter", "rows")], "said once, for the focus");
    }

    #[test]
    fn every_action_with_a_label_has_help_text() {
        for &pane in Pane::ALL {
            for (label, help) in help(pane, false) {
                assert!(!help.is_empty(), "{label} has no help");
            }
            assert!(footer(pane, false, true).iter().any(|(k, _)| *k == "q"));
        }
    }
}
