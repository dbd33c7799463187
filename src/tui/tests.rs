//! Rendering tests: every pane drawn with `TestBackend` on the demo portfolio
//! with a fixed today, and effects run against a real (in-memory) store.

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::app::{Action, App, Effect, Mode, Pane, update};
use super::forms::Kind;
use super::view::{Theme, draw};
use super::{load_app, run_effects};
use crate::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn demo() -> (Store, App) {
    let mut store = Store::open_in_memory().unwrap();
    crate::ops::demo::load(&mut store, today()).unwrap();
    let app = load_app(&mut store, today(), "demo".into(), 120, 40).unwrap();
    (store, app)
}

fn render(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(app, Theme { color: true }, f)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Press one action and perform its effects, as the event loop does.
fn press(app: &mut App, store: &mut Store, action: Action) {
    let effects = update(app, action);
    run_effects(app, store, effects);
}

/// What the event loop does once no key is waiting: fill a short window of
/// the log, then count it, slice by slice.
fn idle(app: &mut App, store: &mut Store) {
    while let Some(e) = app.idle_effect() {
        run_effects(app, store, vec![e]);
    }
}

/// What the event loop does when another program wrote to the file.
fn reload(app: &mut App, store: &mut Store) {
    run_effects(app, store, vec![Effect::Reload]);
}

#[test]
fn portfolio_board_shows_tiers_and_signals() {
    let (_s, app) = demo();
    let screen = render(&app, 120, 40);
    assert!(screen.contains("GOLD · 9"), "{screen}");
    assert!(screen.contains("POTENTIAL · 12"), "{screen}");
    assert!(screen.contains("TOXIC · 4"), "{screen}");
    assert!(screen.contains("Северсталь-Digital"), "{screen}");
    // ООО Ромашка is the neglected gold client: past cadence is marked.
    assert!(screen.contains("58d!"), "{screen}");
    assert!(screen.contains("plan 83.84 %"), "{screen}");
}

#[test]
fn every_pane_renders_its_content() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::SelectPane(Pane::Touchpoints));
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Touchpoints · 1 of"), "{screen}");
    assert!(screen.contains("Next step"), "{screen}");
    press(&mut app, &mut s, Action::SelectPane(Pane::Agreements));
    let screen = render(&app, 120, 40);
    assert!(screen.contains("OVERDUE"), "{screen}");
    let first_row = screen.lines().nth(4).unwrap_or("");
    assert!(first_row.contains("OVERDUE"), "overdue first: {first_row}");
    // The title counts every agreement loaded (tallied once, on load).
    let open = app
        .panes
        .agreements
        .rows
        .iter()
        .filter(|a| a.status == crate::domain::AgreementStatus::Open)
        .count();
    let overdue = app
        .panes
        .agreements
        .rows
        .iter()
        .filter(|a| a.is_overdue(today()))
        .count();
    assert!(overdue > 0 && open > overdue);
    assert!(
        screen.contains(&format!("{open} open, {overdue} overdue")),
        "{screen}"
    );
    press(&mut app, &mut s, Action::SelectPane(Pane::Plan));
    let screen = render(&app, 120, 40);
    assert!(screen.contains("6 700 000.00"), "target: {screen}");
    assert!(screen.contains("5 617 000.00"), "received: {screen}");
    assert!(screen.contains("Clients in 2026-11"), "{screen}");
    press(&mut app, &mut s, Action::SelectPane(Pane::Review));
    assert!(render(&app, 120, 40).contains("Talking points"));
}

#[test]
fn client_card_opens_and_closes() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::OpenCard);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Tier history"), "{screen}");
    assert!(screen.contains("Contacts"), "{screen}");
    press(&mut app, &mut s, Action::Back);
    assert!(app.card.is_none());
}

#[test]
fn filter_matches_cyrillic_case_insensitively() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::StartFilter);
    for c in "РОМАШ".chars() {
        press(&mut app, &mut s, Action::FilterInput(c));
    }
    let shown: usize = app.panes.portfolio.columns.iter().map(Vec::len).sum();
    assert_eq!(shown, 1);
    assert!(render(&app, 120, 40).contains("ООО Ромашка"));
    // The touchpoint log filters by client name too, in SQL over folded text.
    press(&mut app, &mut s, Action::FilterDone);
    press(&mut app, &mut s, Action::SelectPane(Pane::Touchpoints));
    press(&mut app, &mut s, Action::StartFilter);
    for c in "ромашка".chars() {
        press(&mut app, &mut s, Action::FilterInput(c));
    }
    assert!(app.panes.touch.total > 0);
    assert!(
        app.panes
            .touch
            .rows
            .iter()
            .all(|t| app.name(t.client_id) == "ООО Ромашка")
    );
}

#[test]
fn tier_change_through_the_form_is_saved_with_its_reason() {
    let (mut s, mut app) = demo();
    let id = app.selected_client().unwrap();
    press(&mut app, &mut s, Action::ChangeTier);
    assert!(matches!(app.shared.mode, Mode::Form(_)));
    // Saving without a reason is refused.
    press(&mut app, &mut s, Action::FormSubmit);
    assert!(matches!(&app.shared.mode, Mode::Form(f) if f.error.is_some()));
    for c in "Стратегия на год".chars() {
        press(&mut app, &mut s, Action::FormInput(c));
    }
    press(&mut app, &mut s, Action::FormSubmit);
    assert_eq!(app.shared.mode, Mode::Normal, "{:?}", app.shared.message);
    let history = crate::store::clients::tier_history(s.db(), id).unwrap();
    let last = history.last().unwrap();
    assert_eq!(last.reason, "Стратегия на год");
    assert_eq!(last.on, today());
}

#[test]
fn deleting_asks_and_then_removes() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::SelectPane(Pane::Touchpoints));
    idle(&mut app, &mut s);
    let before = app.panes.touch.total;
    let id = app.panes.touch.selected_row().unwrap().id;
    press(&mut app, &mut s, Action::Delete);
    assert!(matches!(app.shared.mode, Mode::Confirm(_)));
    press(&mut app, &mut s, Action::ConfirmYes);
    idle(&mut app, &mut s);
    assert_eq!(app.panes.touch.total, before - 1);
    assert!(
        crate::store::log::get_touchpoint(s.db(), id)
            .unwrap()
            .is_none()
    );
}

#[test]
fn help_lists_the_pane_keys() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::SelectPane(Pane::Agreements));
    press(&mut app, &mut s, Action::Help);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("mark kept"), "{screen}");
    assert!(screen.contains("quit"), "{screen}");
}

#[test]
fn small_terminals_get_a_message_and_no_panic() {
    let (mut s, mut app) = demo();
    assert!(render(&app, 40, 10).contains("terminal too small"));
    // Every pane, and the card, across sizes from 1x1 to 300x100.
    let sizes: Vec<(u16, u16)> = (1..=300u16)
        .step_by(29)
        .chain([59, 60, 80, 300])
        .flat_map(|w| {
            (1..=100u16)
                .step_by(9)
                .chain([15, 16, 24, 100])
                .map(move |h| (w, h))
        })
        .collect();
    for &pane in Pane::ALL {
        press(&mut app, &mut s, Action::SelectPane(pane));
        for &(w, h) in &sizes {
            app.set_size(w, h);
            render(&app, w, h);
        }
    }
    press(&mut app, &mut s, Action::OpenCard);
    for &(w, h) in &sizes {
        render(&app, w, h);
    }
    press(&mut app, &mut s, Action::Back);
    // A form and a confirmation at the minimum size.
    app.set_size(60, 16);
    press(&mut app, &mut s, Action::SelectPane(Pane::Portfolio));
    press(&mut app, &mut s, Action::Add);
    render(&app, 60, 16);
    assert!(update(&mut app, Action::Quit).is_empty());
    assert!(app.quit);
}

/// On the card `n` marks the next contact, `E` edits the marked one in a
/// form filled with its values, `D` deletes it after a `y`.
#[test]
fn card_edits_and_deletes_the_marked_contact() {
    let (mut s, mut app) = demo();
    let id = app.selected_client().unwrap();
    let contacts = |s: &Store| crate::store::clients::contacts_of(s.db(), id).unwrap();
    for name in ["Зоя Ким", "Élodie Roux"] {
        let new = crate::domain::NewContact {
            name: name.into(),
            role: Some("PM".into()),
            decision_maker: false,
            phone: None,
            email: None,
            birthday: None,
        };
        crate::ops::add_contact(&mut s, id, &new).unwrap();
    }
    press(&mut app, &mut s, Action::OpenCard);
    let before = contacts(&s);
    assert!(before.len() >= 2);
    // The mark starts on the first contact and wraps round.
    press(&mut app, &mut s, Action::NextContact);
    let second = before[1].clone();
    assert!(render(&app, 120, 40).contains(&format!("▸ {}", second.name)));
    for _ in 0..before.len() - 1 {
        press(&mut app, &mut s, Action::NextContact);
    }
    press(&mut app, &mut s, Action::NextContact);
    assert!(render(&app, 120, 40).contains(&format!("▸ {}", second.name)));

    press(&mut app, &mut s, Action::EditContact);
    let Mode::Form(form) = &app.shared.mode else {
        panic!("no form: {:?}", app.shared.mode)
    };
    let Kind::Contact(f) = &form.kind else {
        panic!("not a contact: {form:?}")
    };
    assert_eq!(f.name.value, second.name);
    assert_eq!(f.role.value, second.role.clone().unwrap_or_default());
    press(&mut app, &mut s, Action::FormNext);
    press(&mut app, &mut s, Action::FormEnd);
    for c in " (lead)".chars() {
        press(&mut app, &mut s, Action::FormInput(c));
    }
    press(&mut app, &mut s, Action::FormSubmit);
    assert_eq!(app.shared.mode, Mode::Normal, "{:?}", app.shared.message);
    let edited = contacts(&s)
        .into_iter()
        .find(|c| c.id == second.id)
        .unwrap();
    let role = format!("{} (lead)", second.role.clone().unwrap_or_default());
    assert_eq!(edited.role.as_deref(), Some(role.trim()));
    assert_eq!(
        (&edited.name, edited.phone.as_ref()),
        (&second.name, second.phone.as_ref())
    );
    assert!(
        render(&app, 120, 40).contains(role.trim()),
        "the card shows it at once"
    );

    press(&mut app, &mut s, Action::DeleteContact);
    assert!(matches!(&app.shared.mode, Mode::Confirm(c) if c.prompt.contains(&second.name)));
    press(&mut app, &mut s, Action::ConfirmNo);
    assert_eq!(contacts(&s).len(), before.len());
    press(&mut app, &mut s, Action::DeleteContact);
    press(&mut app, &mut s, Action::ConfirmYes);
    let after = contacts(&s);
    assert_eq!(after.len(), before.len() - 1);
    assert!(after.iter().all(|c| c.id != second.id));
}

#[test]
fn card_adds_a_contact_and_changes_status() {
    let (mut s, mut app) = demo();
    let id = app.selected_client().unwrap();
    press(&mut app, &mut s, Action::OpenCard);
    press(&mut app, &mut s, Action::Add);
    assert!(matches!(&app.shared.mode, Mode::Form(f) if f.title.starts_with("Add a contact")));
    for c in "Вера Ли".chars() {
        press(&mut app, &mut s, Action::FormInput(c));
    }
    press(&mut app, &mut s, Action::FormNext);
    press(&mut app, &mut s, Action::FormNext);
    press(&mut app, &mut s, Action::FormRight); // Decides: no -> yes
    press(&mut app, &mut s, Action::FormSubmit);
    assert_eq!(app.shared.mode, Mode::Normal, "{:?}", app.shared.message);
    let contacts = crate::store::clients::contacts_of(s.db(), id).unwrap();
    let vera = contacts.iter().find(|c| c.name == "Вера Ли").unwrap();
    assert!(vera.decision_maker);
    assert!(
        render(&app, 120, 40).contains("Вера Ли"),
        "the card shows it at once"
    );

    press(&mut app, &mut s, Action::ChangeStatus);
    // Like a tier change: the likely status preselected, the reason focused.
    assert!(
        matches!(&app.shared.mode, Mode::Form(f) if matches!(&f.kind, Kind::Change(c) if c.to.value == "paused") && f.focus == 1)
    );
    for c in "Seasonal pause".chars() {
        press(&mut app, &mut s, Action::FormInput(c));
    }
    press(&mut app, &mut s, Action::FormSubmit);
    assert_eq!(app.shared.mode, Mode::Normal, "{:?}", app.shared.message);
    let history = crate::store::clients::status_history(s.db(), id).unwrap();
    let last = history.last().unwrap();
    assert_eq!(last.to, crate::domain::Status::Paused);
    assert_eq!(last.reason, "Seasonal pause");
}

#[test]
fn no_color_draws_without_colours() {
    let (_s, app) = demo();
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| draw(&app, Theme { color: false }, f)).unwrap();
    let buf = t.backend().buffer();
    let coloured = buf
        .content()
        .iter()
        .any(|c| c.fg != ratatui::style::Color::Reset || c.bg != ratatui::style::Color::Reset);
    assert!(!coloured, "NO_COLOR: no foreground or background colours");
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| draw(&app, Theme { color: true }, f)).unwrap();
    assert!(
        t.backend()
            .buffer()
            .content()
            .iter()
            .any(|c| c.bg != ratatui::style::Color::Reset)
    );
}

#[test]
fn review_pane_shows_the_briefing_and_writes_markdown() {
    let (mut s, mut app) = demo();
    let dir = tempfile::tempdir().unwrap();
    app.shared.report_dir = dir.path().to_path_buf();
    press(&mut app, &mut s, Action::SelectPane(Pane::Review));
    let screen = render(&app, 120, 40);
    assert!(screen.contains("83.84 % of 6.7M"), "{screen}");
    assert!(screen.contains("At risk · 18 client(s)"), "{screen}");
    assert!(
        screen.contains("Silverline Hotels  potential → gold"),
        "{screen}"
    );
    assert!(screen.contains("Next 14 days"), "{screen}");
    // Enter opens the card of the selected at-risk client.
    let first = app.panes.review.briefing.as_ref().unwrap().at_risk[0].client_id;
    press(&mut app, &mut s, Action::OpenCard);
    assert_eq!(app.card.as_ref().map(|c| c.client_id), Some(first));
    press(&mut app, &mut s, Action::Back);
    // w asks where, prefilled with briefing-YYYY-MM.md in the documents
    // folder (here the test's); Enter writes it and says where.
    press(&mut app, &mut s, Action::WriteReport);
    let file = dir.path().join("briefing-2026-11.md");
    match &app.shared.mode {
        Mode::Form(f) => {
            assert!(matches!(f.kind, Kind::Briefing(_)), "{f:?}");
            assert_eq!(f.fields()[0].value, file.display().to_string());
        }
        other => panic!("{other:?}"),
    }
    press(&mut app, &mut s, Action::FormSubmit);
    assert_eq!(app.shared.mode, Mode::Normal);
    let md = std::fs::read_to_string(&file).unwrap();
    assert!(md.starts_with("# One-on-one briefing: 2026-11"));
    let (msg, error) = app.shared.message.clone().unwrap();
    assert!(!error && msg.contains("briefing-2026-11.md"), "{msg}");
    // Esc on the prompt writes nothing and says it cancelled.
    std::fs::remove_file(&file).unwrap();
    press(&mut app, &mut s, Action::WriteReport);
    press(&mut app, &mut s, Action::FormCancel);
    assert!(!file.exists());
    assert_eq!(app.shared.message, Some(("cancelled".into(), false)));
    // Another name, typed: written there.
    press(&mut app, &mut s, Action::WriteReport);
    press(&mut app, &mut s, Action::FormDeleteLine);
    let other = dir.path().join("one-on-one.md");
    for c in other.display().to_string().chars() {
        press(&mut app, &mut s, Action::FormInput(c));
    }
    press(&mut app, &mut s, Action::FormSubmit);
    assert!(
        std::fs::read_to_string(&other)
            .unwrap()
            .starts_with("# One-on-one")
    );
    // A file there: the question names it before replacing; n keeps it.
    std::fs::write(&file, "mine\n").unwrap();
    press(&mut app, &mut s, Action::WriteReport);
    press(&mut app, &mut s, Action::FormSubmit);
    assert!(
        matches!(&app.shared.mode, Mode::Confirm(c) if c.prompt.contains("briefing-2026-11.md exists")),
        "{:?}",
        app.shared.mode
    );
    press(&mut app, &mut s, Action::ConfirmNo);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine\n");
    press(&mut app, &mut s, Action::WriteReport);
    press(&mut app, &mut s, Action::FormSubmit);
    press(&mut app, &mut s, Action::ConfirmYes);
    assert_eq!(app.shared.mode, Mode::Normal);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("# One-on-one")
    );
    // A database under that name is never replaced, not even after a y:
    // the prompt stays open with the reason.
    let db = dir.path().join("briefing-2026-11.md");
    std::fs::remove_file(&db).unwrap();
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let before = std::fs::read(&db).unwrap();
    press(&mut app, &mut s, Action::WriteReport);
    press(&mut app, &mut s, Action::FormSubmit);
    match &app.shared.mode {
        Mode::Form(f) => {
            let e = f.error.as_deref().unwrap_or("");
            assert!(e.contains("SQLite database"), "{e}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
    press(&mut app, &mut s, Action::FormCancel);
    // [ moves the month and rebuilds the briefing.
    press(&mut app, &mut s, Action::MonthPrev);
    assert_eq!(
        app.panes
            .review
            .briefing
            .as_ref()
            .unwrap()
            .month
            .to_string(),
        "2026-10"
    );
}

#[test]
fn typing_a_log_filter_defers_the_count_until_idle() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::SelectPane(Pane::Touchpoints));
    // Opening the pane shows the window at once and counts when idle.
    assert!(app.panes.touch.count_pending());
    idle(&mut app, &mut s);
    let all = app.panes.touch.total;
    press(&mut app, &mut s, Action::StartFilter);
    for c in "ромашка".chars() {
        press(&mut app, &mut s, Action::FilterInput(c));
    }
    // The window is there at once; the total is provisional.
    assert!(app.panes.touch.count_pending());
    assert!(!app.panes.touch.rows.is_empty());
    assert!(render(&app, 120, 40).contains("(counting…)"));
    // The runner counts when no key is waiting.
    idle(&mut app, &mut s);
    assert!(!app.panes.touch.count_pending());
    let exact = crate::ops::touch_window(&s, None, "ромашка", 0, 1, true)
        .unwrap()
        .1
        .unwrap();
    assert_eq!(app.panes.touch.total as i64, exact);
    assert!(app.panes.touch.total < all);
    // Clearing the filter restores the full count.
    press(&mut app, &mut s, Action::FilterClear);
    idle(&mut app, &mut s);
    assert_eq!(app.panes.touch.total, all);
}

/// The log's window equals the plain LIMIT/OFFSET query at its offset, and
/// a finished count equals a plain count.
fn check_log_window(app: &App, s: &Store, what: &str) {
    let filter = app.panes.touch.filter.clone();
    let (rows, total) = crate::ops::touch_window(
        s,
        app.panes.touch.scope,
        &filter,
        app.panes.touch.offset as i64,
        app.shared.list_height as i64,
        true,
    )
    .unwrap();
    let ids = |r: &[crate::domain::Touchpoint]| r.iter().map(|t| t.id).collect::<Vec<_>>();
    assert_eq!(
        ids(&app.panes.touch.rows),
        ids(&rows),
        "{what} at {}",
        app.panes.touch.offset
    );
    if !app.panes.touch.count_pending() {
        assert_eq!(app.panes.touch.total as i64, total.unwrap(), "{what}");
    }
    let sel = app.panes.touch.selected;
    assert!(
        sel >= app.panes.touch.offset
            && sel < app.panes.touch.offset + app.shared.list_height.max(1),
        "{what}"
    );
}

fn generated(touchpoints: u64) -> (Store, App) {
    let mut s = Store::open_in_memory().unwrap();
    let size = crate::ops::synth::GenSize {
        clients: 30,
        touchpoints,
        months: 6,
        seed: 7,
    };
    crate::ops::synth::generate(&mut s, size, today(), &mut |_| {}).unwrap();
    let mut app = load_app(&mut s, today(), "gen".into(), 120, 40).unwrap();
    press(&mut app, &mut s, Action::SelectPane(Pane::Touchpoints));
    idle(&mut app, &mut s);
    (s, app)
}

/// Deep in the log: deleting, resizing, a write from elsewhere and deleting
/// the very last row keep the window equal to the offset query.
#[test]
fn log_window_stays_true_through_deletes_resizes_and_reloads() {
    let (mut s, mut app) = generated(3_000);
    for _ in 0..5 {
        press(&mut app, &mut s, Action::PageDown);
    }
    press(&mut app, &mut s, Action::Down);
    check_log_window(&app, &s, "deep");
    let gone = app.panes.touch.selected_row().unwrap().clone();
    press(&mut app, &mut s, Action::Delete);
    press(&mut app, &mut s, Action::ConfirmYes);
    idle(&mut app, &mut s);
    check_log_window(&app, &s, "after delete");
    assert_eq!(app.panes.touch.total, 2_999);
    assert!(app.panes.touch.rows.iter().all(|t| t.id != gone.id));
    for (w, h) in [(100, 20), (140, 50), (120, 40)] {
        press(&mut app, &mut s, Action::Resize(w, h));
        check_log_window(&app, &s, &format!("resized to {w}x{h}"));
    }
    // Another program logs a touchpoint dated inside the window.
    let on_screen = app.panes.touch.rows[3].clone();
    let t = crate::domain::NewTouchpoint {
        at: on_screen.at,
        kind: crate::domain::TouchKind::Call,
        summary: "written elsewhere".into(),
        minutes: 5,
        next_step: None,
        next_due: None,
    };
    crate::ops::add_touchpoint(&mut s, on_screen.client_id, &t).unwrap();
    reload(&mut app, &mut s);
    idle(&mut app, &mut s);
    check_log_window(&app, &s, "after a write elsewhere");
    assert_eq!(app.panes.touch.total, 3_000);
    // The very last row.
    press(&mut app, &mut s, Action::Bottom);
    check_log_window(&app, &s, "bottom");
    let last = app.panes.touch.selected_row().unwrap().id;
    press(&mut app, &mut s, Action::Delete);
    press(&mut app, &mut s, Action::ConfirmYes);
    idle(&mut app, &mut s);
    check_log_window(&app, &s, "after deleting the last row");
    assert_eq!(app.panes.touch.total, 2_999);
    assert_eq!(app.panes.touch.selected, 2_998);
    assert!(app.panes.touch.rows.iter().all(|t| t.id != last));
}

/// Scrolling, jumping and filtering the log of a generated portfolio (many
/// touchpoints share a date, so ids break ties): after every key the window
/// holds exactly the rows the plain LIMIT/OFFSET query gives at that offset,
/// and the sliced count equals a plain count.
#[test]
fn log_pages_by_key_show_the_same_rows_as_offsets() {
    let (mut s, mut app) = generated(3_000);
    let check = check_log_window;
    assert_eq!(app.panes.touch.total, 3_000);
    let moves = [
        Action::PageDown,
        Action::PageDown,
        Action::Down,
        Action::Down,
        Action::Up,
        Action::PageUp,
        Action::Bottom,
        Action::Up,
        Action::PageUp,
        Action::PageUp,
        Action::Down,
        Action::PageDown,
        Action::Top,
    ];
    for round in ["all", "filtered", "one client"] {
        match round {
            "filtered" => {
                press(&mut app, &mut s, Action::StartFilter);
                for c in "REPORT".chars() {
                    press(&mut app, &mut s, Action::FilterInput(c));
                }
                press(&mut app, &mut s, Action::FilterDone);
                idle(&mut app, &mut s);
                assert!(
                    (1..3_000).contains(&app.panes.touch.total),
                    "{}",
                    app.panes.touch.total
                );
            }
            "one client" => {
                press(&mut app, &mut s, Action::FilterClear);
                press(&mut app, &mut s, Action::ToggleClientScope);
                assert!(app.panes.touch.scope.is_some());
                idle(&mut app, &mut s);
                assert!(
                    (1..3_000).contains(&app.panes.touch.total),
                    "{}",
                    app.panes.touch.total
                );
            }
            _ => {}
        }
        check(&app, &s, round);
        for (i, m) in moves.iter().enumerate() {
            press(&mut app, &mut s, *m);
            check(&app, &s, &format!("{round}: move {i} {m:?}"));
            if i % 3 == 0 {
                idle(&mut app, &mut s);
                check(&app, &s, &format!("{round}: counted after {m:?}"));
            }
        }
        idle(&mut app, &mut s);
        assert!(app.panes.touch.total > 0, "{round}");
    }
}

/// A large portfolio: the review's lists show what fits and say how much
/// more there is; the board's column totals are the sums of their clients.
#[test]
fn big_lists_are_cut_to_the_screen_with_a_count() {
    let mut s = Store::open_in_memory().unwrap();
    let size = crate::ops::synth::GenSize {
        clients: 400,
        touchpoints: 2_000,
        months: 6,
        seed: 3,
    };
    crate::ops::synth::generate(&mut s, size, today(), &mut |_| {}).unwrap();
    let mut app = load_app(&mut s, today(), "gen".into(), 120, 40).unwrap();
    let view = app.shared.portfolio.as_ref().unwrap();
    for (col, rows) in app.panes.portfolio.columns.iter().enumerate() {
        let sum: crate::domain::Money = rows.iter().map(|i| view.clients[*i].revenue_12m).sum();
        assert_eq!(app.panes.portfolio.revenue[col], sum);
    }
    press(&mut app, &mut s, Action::SelectPane(Pane::Review));
    let upcoming = app
        .panes
        .review
        .briefing
        .as_ref()
        .unwrap()
        .next_14_days
        .len();
    assert!(upcoming > 40, "{upcoming} upcoming items");
    let screen = render(&app, 120, 40);
    let more = screen
        .lines()
        .find_map(|l| {
            let at = l.find("… and ")?;
            l[at + "… and ".len()..]
                .split(' ')
                .next()?
                .parse::<usize>()
                .ok()
        })
        .unwrap_or_else(|| panic!("no '… and N more' line:\n{screen}"));
    // The box shows the rest: at most the screen's height of them.
    assert!(
        more < upcoming && upcoming - more < 40,
        "{more} more of {upcoming}"
    );
}

/// A log longer than one count slice: a write from elsewhere above a deep
/// window is found by the count (in a later slice) and the window's position
/// corrected, the same rows staying on screen.
#[test]
fn a_deep_window_keeps_its_rows_and_learns_its_true_position() {
    let (mut s, mut app) = generated(40_000);
    assert_eq!(app.panes.touch.total, 40_000);
    press(&mut app, &mut s, Action::Bottom);
    for _ in 0..3 {
        press(&mut app, &mut s, Action::PageUp);
    }
    check_log_window(&app, &s, "deep");
    let shown: Vec<i64> = app.panes.touch.rows.iter().map(|t| t.id).collect();
    let (at, selected) = (app.panes.touch.offset, app.panes.touch.selected);
    // Three touchpoints logged elsewhere, newer than everything.
    for _ in 0..3 {
        let t = crate::domain::NewTouchpoint {
            at: today(),
            kind: crate::domain::TouchKind::Email,
            summary: "elsewhere".into(),
            minutes: 1,
            next_step: None,
            next_due: None,
        };
        let client = app.panes.touch.rows[0].client_id;
        crate::ops::add_touchpoint(&mut s, client, &t).unwrap();
    }
    reload(&mut app, &mut s);
    let ids: Vec<i64> = app.panes.touch.rows.iter().map(|t| t.id).collect();
    assert_eq!(ids, shown, "the same rows stay on screen");
    idle(&mut app, &mut s);
    check_log_window(&app, &s, "after the count");
    assert_eq!(
        (app.panes.touch.offset, app.panes.touch.selected),
        (at + 3, selected + 3)
    );
    assert_eq!(app.panes.touch.total, 40_003);
}

/// A filter that matches only rows deep in a long log: the first frame
/// after the key comes from one slice of the log (empty here), and the
/// window fills while no key is waiting, a slice at a time.
#[test]
fn a_rare_filter_fills_its_window_slice_by_slice() {
    let (mut s, mut app) = generated(40_000);
    let client = app.panes.touch.rows[0].client_id;
    for day in 1..=3 {
        let t = crate::domain::NewTouchpoint {
            at: NaiveDate::from_ymd_opt(2001, 1, day).unwrap(),
            kind: crate::domain::TouchKind::Meeting,
            summary: "Редкость".into(),
            minutes: 1,
            next_step: None,
            next_due: None,
        };
        crate::ops::add_touchpoint(&mut s, client, &t).unwrap();
    }
    reload(&mut app, &mut s);
    idle(&mut app, &mut s);
    press(&mut app, &mut s, Action::StartFilter);
    for c in "РЕДК".chars() {
        press(&mut app, &mut s, Action::FilterInput(c));
    }
    assert!(app.panes.touch.rows.is_empty(), "one slice holds no match");
    assert!(app.panes.touch.fill.is_some());
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Touchpoints · searching…"), "{screen}");
    assert!(!screen.contains("no touchpoint matches"), "{screen}");
    let mut steps = 0;
    while app.panes.touch.fill.is_some() {
        let fill = app.idle_effect().unwrap();
        run_effects(&mut app, &mut s, vec![fill]);
        steps += 1;
    }
    assert!(steps >= 4, "{steps} slices of {}", crate::ops::FILL_SLICE);
    idle(&mut app, &mut s);
    check_log_window(&app, &s, "rare filter");
    assert_eq!(app.panes.touch.total, 3);
    assert!(app.panes.touch.rows.iter().all(|t| t.summary == "Редкость"));
    // A filter matching nothing says so once the log is searched.
    press(&mut app, &mut s, Action::FilterInput('Ж'));
    idle(&mut app, &mut s);
    assert!(render(&app, 120, 40).contains("no touchpoint matches the filter"));
}

/// Undoing a filter key before its count ran: the total shown is the
/// unfiltered log's again once counted, not the filter's.
#[test]
fn a_filter_undone_at_once_counts_the_log_it_shows() {
    let (mut s, mut app) = generated(3_000);
    assert_eq!(app.panes.touch.total, 3_000);
    press(&mut app, &mut s, Action::StartFilter);
    press(&mut app, &mut s, Action::FilterInput('z'));
    // No idle moment: the key that undoes it comes at once.
    press(&mut app, &mut s, Action::FilterBackspace);
    idle(&mut app, &mut s);
    check_log_window(&app, &s, "back to the whole log");
    assert_eq!(app.panes.touch.total, 3_000);
    // The same with the client scope toggled twice.
    press(&mut app, &mut s, Action::FilterDone);
    press(&mut app, &mut s, Action::ToggleClientScope);
    press(&mut app, &mut s, Action::ToggleClientScope);
    idle(&mut app, &mut s);
    check_log_window(&app, &s, "scope back to all");
    assert_eq!(app.panes.touch.total, 3_000);
}

/// A rare filter with a gap of more than one slice between its matches:
/// paging down shows the matches past the gap at their true positions.
#[test]
fn paging_a_rare_filter_across_a_gap_skips_nothing() {
    let (mut s, mut app) = generated(40_000);
    let client = app.panes.touch.rows[0].client_id;
    let add = |s: &mut Store, at: NaiveDate| {
        let t = crate::domain::NewTouchpoint {
            at,
            kind: crate::domain::TouchKind::Meeting,
            summary: "Редкость".into(),
            minutes: 1,
            next_step: None,
            next_due: None,
        };
        crate::ops::add_touchpoint(s, client, &t).unwrap();
    };
    let h = app.shared.list_height;
    for _ in 0..=h {
        add(&mut s, today() + chrono::Days::new(30));
    }
    for d in 0..100 {
        add(
            &mut s,
            NaiveDate::from_ymd_opt(2001, 1, 1).unwrap() + chrono::Days::new(d),
        );
    }
    reload(&mut app, &mut s);
    idle(&mut app, &mut s);
    press(&mut app, &mut s, Action::StartFilter);
    for c in "РЕДК".chars() {
        press(&mut app, &mut s, Action::FilterInput(c));
    }
    press(&mut app, &mut s, Action::FilterDone);
    idle(&mut app, &mut s);
    assert_eq!(app.panes.touch.total, h + 101);
    for i in 0..3 {
        press(&mut app, &mut s, Action::PageDown);
        // Between the key and the fill: the selection stays in the window.
        let sel = app.panes.touch.selected;
        assert!(
            sel >= app.panes.touch.offset && sel < app.panes.touch.offset + h,
            "page {i}"
        );
        idle(&mut app, &mut s);
        check_log_window(&app, &s, &format!("page down {i}"));
        assert_eq!(app.panes.touch.selected, (i + 1) * h, "page {i}");
        assert_eq!(app.panes.touch.total, h + 101);
    }
}

/// Texts stored with control characters (written before folio refused
/// them) reach no cell of the screen: ratatui leaves out every grapheme
/// holding one, and every pane draws through ratatui's spans.
#[test]
fn stored_control_characters_never_reach_the_screen() {
    let mut store = Store::open_in_memory().unwrap();
    crate::ops::demo::load(&mut store, today()).unwrap();
    // Plain ASCII around ESC and BEL, and with a C1 CSI.
    let osc = "char(27) || ']0;pwned' || char(7)";
    let csi = "char(155) || '2J' || char(27) || '[31m'";
    store
        .conn()
        .execute_batch(&format!(
            "UPDATE clients SET name = name || {osc}, notes = {csi}, goal = {osc};
             UPDATE touchpoints SET summary = {osc}, next_step = {csi};
             UPDATE agreements SET text = {osc};
             UPDATE contacts SET name = {csi}, phone = {osc};"
        ))
        .unwrap();
    let mut app = load_app(&mut store, today(), "demo".into(), 120, 40).unwrap();
    let clean = |screen: &str| !screen.chars().any(|c| c.is_control() && c != '\n');
    let mut seen = false;
    for &pane in Pane::ALL {
        press(&mut app, &mut store, Action::SelectPane(pane));
        idle(&mut app, &mut store);
        let screen = render(&app, 120, 40);
        assert!(clean(&screen), "{pane:?}: {screen:?}");
        seen |= screen.contains("]0;pwned");
    }
    assert!(
        seen,
        "the texts are drawn, without their control characters"
    );
    press(&mut app, &mut store, Action::SelectPane(Pane::Portfolio));
    press(&mut app, &mut store, Action::OpenCard);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Tier history"), "{screen}");
    assert!(clean(&screen), "card: {screen:?}");
}

/// A key as the event loop takes it: mapped by the current mode, then
/// pressed with its effects performed.
fn key(app: &mut App, store: &mut Store, code: crossterm::event::KeyCode) {
    let ev = crossterm::event::KeyEvent::new(code, crossterm::event::KeyModifiers::NONE);
    if let Some(action) = super::keys::map_key(&app.shared.mode, app.pane, app.card.is_some(), &ev)
    {
        press(app, store, action);
    }
}

fn ch(app: &mut App, store: &mut Store, c: char) {
    key(app, store, crossterm::event::KeyCode::Char(c));
}

/// Issue 22.11: behind "terminal too small" no key acts but quit and resize:
/// `x` then `y` there deletes nothing, and a question asked before the
/// terminal shrank is not answered by a `y` typed blind.
#[test]
fn keys_behind_the_too_small_screen_do_nothing() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::SelectPane(Pane::Touchpoints));
    idle(&mut app, &mut s);
    let before = app.panes.touch.total;
    let id = app.panes.touch.selected_row().unwrap().id;
    press(&mut app, &mut s, Action::Resize(40, 10));
    assert!(render(&app, 40, 10).contains("terminal too small"));
    ch(&mut app, &mut s, 'x');
    assert_eq!(app.shared.mode, Mode::Normal, "x asked nothing unseen");
    assert!(update(&mut app, Action::ConfirmYes).is_empty());
    ch(&mut app, &mut s, 'y');
    // The same with the question asked before the terminal shrank.
    press(&mut app, &mut s, Action::Resize(120, 40));
    ch(&mut app, &mut s, 'x');
    assert!(matches!(app.shared.mode, Mode::Confirm(_)));
    press(&mut app, &mut s, Action::Resize(59, 40));
    assert!(
        matches!(app.shared.mode, Mode::Confirm(_)),
        "resize keeps it"
    );
    ch(&mut app, &mut s, 'y');
    for a in [
        Action::ConfirmYes,
        Action::Delete,
        Action::Add,
        Action::Down,
    ] {
        assert!(update(&mut app, a).is_empty(), "{a:?}");
    }
    idle(&mut app, &mut s);
    assert!(
        crate::store::log::get_touchpoint(s.db(), id)
            .unwrap()
            .is_some()
    );
    // Back to a size it draws in: the question is still there, unanswered.
    press(&mut app, &mut s, Action::Resize(120, 40));
    assert!(matches!(app.shared.mode, Mode::Confirm(_)));
    ch(&mut app, &mut s, 'n');
    idle(&mut app, &mut s);
    assert_eq!(app.panes.touch.total, before);
    // Quit still works behind the message.
    press(&mut app, &mut s, Action::Resize(40, 10));
    ch(&mut app, &mut s, 'q');
    assert!(app.quit);
}

/// The help overlay's rows as drawn at `w`x`h`: the text between its side
/// borders (the box is 70 wide, centred).
fn help_text(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(app, Theme { color: true }, f)).unwrap();
    let buf = t.backend().buffer().clone();
    let x0 = (w - w.min(70)) / 2;
    let x1 = x0 + w.min(70);
    (0..h)
        .filter_map(|y| {
            let row: String = (x0..x1).map(|x| buf[(x, y)].symbol()).collect();
            let inner = row.strip_prefix('│')?.strip_suffix('│')?;
            Some(inner.trim().to_string())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Issue 22.15: help stays open on other keys (`j` scrolls, `x` does
/// nothing and is not passed on) and closes on `q`, `Esc` or `?`.
#[test]
fn help_closes_only_on_its_keys() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::SelectPane(Pane::Touchpoints));
    idle(&mut app, &mut s);
    let total = app.panes.touch.total;
    for close in [
        crossterm::event::KeyCode::Char('q'),
        crossterm::event::KeyCode::Esc,
        crossterm::event::KeyCode::Char('?'),
    ] {
        ch(&mut app, &mut s, '?');
        assert_eq!(app.shared.mode, Mode::Help);
        for c in ['j', 'x', 'y', 'a', '3'] {
            ch(&mut app, &mut s, c);
            assert_eq!(app.shared.mode, Mode::Help, "{c} keeps help open");
        }
        assert_eq!(app.pane, Pane::Touchpoints);
        assert!(render(&app, 120, 40).contains("Keys: Touchpoints"));
        key(&mut app, &mut s, close);
        assert_eq!(app.shared.mode, Mode::Normal, "{close:?} closes help");
        assert!(!app.quit, "q in help closes help, not folio");
        assert!(!render(&app, 120, 40).contains("Keys: Touchpoints"));
    }
    idle(&mut app, &mut s);
    assert_eq!(app.panes.touch.total, total, "nothing deleted");
}

/// Issue 22.14: on a small screen help scrolls to its last row (and no
/// further); at a size it fits in, it does not scroll at all.
#[test]
fn help_scrolls_to_its_last_row_on_small_screens() {
    let (mut s, mut app) = demo();
    let last = "quit";
    // The card's help (its keys, then every pane's) at 80x24; the board's
    // at smaller sizes.
    press(&mut app, &mut s, Action::OpenCard);
    for (w, h) in [(80, 24), (60, 16), (70, 20)] {
        let first = if app.card.is_some() {
            "add a contact person"
        } else {
            "previous / next tier column"
        };
        press(&mut app, &mut s, Action::Resize(w, h));
        ch(&mut app, &mut s, '?');
        let shown = help_text(&app, w, h);
        assert!(shown.contains(first), "{w}x{h}\n{shown}");
        assert!(!shown.contains(last), "{w}x{h}: too small for all\n{shown}");
        ch(&mut app, &mut s, 'G');
        let shown = help_text(&app, w, h);
        assert!(
            shown.ends_with(last),
            "{w}x{h}: last row at the bottom\n{shown}"
        );
        assert!(!shown.contains(first), "{w}x{h}\n{shown}");
        // No scrolling past the end: j at the end changes nothing.
        ch(&mut app, &mut s, 'j');
        assert_eq!(help_text(&app, w, h), shown);
        ch(&mut app, &mut s, 'g');
        assert!(help_text(&app, w, h).contains(first));
        // Row by row reaches the end too.
        for _ in 0..40 {
            ch(&mut app, &mut s, 'j');
        }
        assert!(help_text(&app, w, h).ends_with(last));
        ch(&mut app, &mut s, 'q');
        assert_eq!(app.shared.mode, Mode::Normal);
        app.card = None;
    }
    // At a size help fits in it shows every row, first to last.
    press(&mut app, &mut s, Action::Resize(120, 40));
    ch(&mut app, &mut s, '?');
    ch(&mut app, &mut s, 'j');
    let shown = help_text(&app, 120, 40);
    let first = "previous / next tier column";
    assert!(shown.contains(first) && shown.ends_with(last), "{shown}");
}

/// Issue 22.2: the card scrolls to its last line and no further; `g`, `G`,
/// `Home`, `End`, `PgUp`, `PgDn` move the card, not the list under it.
#[test]
fn card_scrolls_to_its_end_and_no_further() {
    use crossterm::event::KeyCode;
    let (mut s, mut app) = demo();
    let (w, h) = (80, 24);
    press(&mut app, &mut s, Action::Resize(w, h));
    ch(&mut app, &mut s, 'j'); // a client that is not the first
    let under = app.current().selected_client(&app.shared);
    key(&mut app, &mut s, KeyCode::Enter);
    let card = app.card.as_ref().unwrap();
    let data = card.data.as_ref().unwrap();
    let name = data.stats.client.name.clone();
    // The card's last line: its oldest payment shown.
    let last = data
        .payments
        .iter()
        .take(12)
        .next_back()
        .unwrap()
        .on
        .to_string();
    // The rows inside the card's border, above the footer.
    let inside = |app: &App| -> Vec<String> {
        let screen = render(app, w, h);
        let rows: Vec<String> = screen.lines().map(str::to_string).collect();
        rows[3..usize::from(h) - 2].to_vec()
    };
    let top = inside(&app);
    assert!(top[0].contains(&name), "{top:#?}");
    assert!(!top.iter().any(|r| r.contains(&last)), "{top:#?}");
    ch(&mut app, &mut s, 'G');
    let end = inside(&app);
    assert!(
        end[end.len() - 2..].iter().any(|r| r.contains(&last)),
        "G shows the last line at the bottom: {end:#?}"
    );
    assert!(
        !end.last().unwrap().trim_matches(['│', ' ']).is_empty(),
        "{end:#?}"
    );
    for _ in 0..5 {
        ch(&mut app, &mut s, 'j');
    }
    key(&mut app, &mut s, KeyCode::PageDown);
    assert_eq!(inside(&app), end, "no scrolling past the end");
    ch(&mut app, &mut s, 'g');
    assert_eq!(inside(&app), top);
    key(&mut app, &mut s, KeyCode::End);
    assert_eq!(inside(&app), end);
    key(&mut app, &mut s, KeyCode::Home);
    assert_eq!(inside(&app), top);
    // j from the top reaches the end, one row at a time.
    for _ in 0..200 {
        ch(&mut app, &mut s, 'j');
    }
    assert_eq!(inside(&app), end);
    // k right after the end moves up at once (no hidden rows past it).
    ch(&mut app, &mut s, 'k');
    assert_ne!(inside(&app), end);
    key(&mut app, &mut s, KeyCode::PageUp);
    key(&mut app, &mut s, KeyCode::PageUp);
    key(&mut app, &mut s, KeyCode::PageUp);
    key(&mut app, &mut s, KeyCode::PageUp);
    key(&mut app, &mut s, KeyCode::PageUp);
    key(&mut app, &mut s, KeyCode::PageUp);
    assert_eq!(inside(&app), top);
    key(&mut app, &mut s, KeyCode::PageDown);
    let paged = inside(&app);
    assert_ne!(paged, top);
    // The list under the card did not move.
    key(&mut app, &mut s, KeyCode::Esc);
    assert!(app.card.is_none());
    assert_eq!(app.current().selected_client(&app.shared), under);
}

/// Issue 22.1: an empty list's message is drawn inside the pane's border,
/// which stays intact beside it.
#[test]
fn empty_list_message_keeps_the_border() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::Resize(80, 24));
    press(&mut app, &mut s, Action::SelectPane(Pane::Touchpoints));
    press(&mut app, &mut s, Action::StartFilter);
    for c in "zzzqqq".chars() {
        press(&mut app, &mut s, Action::FilterInput(c));
    }
    press(&mut app, &mut s, Action::FilterDone);
    idle(&mut app, &mut s);
    assert_eq!(app.panes.touch.total, 0);
    let check = |screen: &str, msg: &str| {
        let row = screen
            .lines()
            .find(|l| l.contains(msg))
            .unwrap_or_else(|| panic!("{msg}: {screen}"));
        assert!(row.starts_with('│'), "left border: {row:?}");
        assert!(row.ends_with('│'), "right border: {row:?}");
        // Every row between the top and bottom corners has both borders.
        for l in screen.lines().skip(3).take(24 - 5) {
            assert!(l.starts_with('│') && l.ends_with('│'), "{l:?}\n{screen}");
        }
    };
    check(&render(&app, 80, 24), "no touchpoint matches the filter");
    // An empty log says so, inside the border too.
    let mut store = Store::open_in_memory().unwrap();
    let mut app = load_app(&mut store, today(), "empty".into(), 80, 24).unwrap();
    press(&mut app, &mut store, Action::SelectPane(Pane::Touchpoints));
    idle(&mut app, &mut store);
    check(&render(&app, 80, 24), "no touchpoints yet");
}

/// Issue 22.7: review's "Next 14 days" keeps a space between the kind and
/// the client ("payment due Atlas Legal", not "payment dueAtlas Legal").
#[test]
fn review_next_days_separates_the_kind_from_the_client() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::SelectPane(Pane::Review));
    // A payment due first in the list ("payment due" is the widest kind).
    let b = app.panes.review.briefing.as_mut().unwrap();
    b.next_14_days.insert(
        0,
        crate::domain::briefing::Upcoming {
            date: today(),
            kind: crate::domain::briefing::UpcomingKind::Invoice,
            client: "Atlas Legal".into(),
            text: "2026-11".into(),
            amount: Some(crate::domain::Money::major(1200)),
        },
    );
    let next = b.next_14_days.clone();
    let screen = render(&app, 120, 40);
    let mut seen = 0;
    for u in &next {
        let label = u.kind.label();
        if let Some(row) = screen
            .lines()
            .find(|l| l.contains(&format!("{} ", u.date.format("%d.%m"))) && l.contains(label))
        {
            let after = &row[row.find(label).unwrap() + label.len()..];
            assert!(after.starts_with(' '), "{row:?}");
            assert!(!row.contains(&format!("{label}{}", u.client)), "{row:?}");
            seen += 1;
        }
    }
    assert!(seen > 0, "{screen}");
    assert!(screen.contains("payment due Atlas Legal"), "{screen}");
}

/// Issue 22.12: on the card, a contact with empty fields shows no stray
/// separators ("CEO ·   · birthday").
#[test]
fn card_contact_with_empty_fields_has_no_stray_separators() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::OpenCard);
    let data = app.card.as_mut().unwrap().data.as_mut().unwrap();
    let p = &mut data.contacts[0];
    p.role = Some("CEO".into());
    p.phone = None;
    p.email = Some(String::new());
    p.birthday = NaiveDate::from_ymd_opt(1980, 3, 7);
    let name = p.name.clone();
    let screen = render(&app, 120, 40);
    let row = screen.lines().find(|l| l.contains(&name)).unwrap();
    assert!(row.contains(" · CEO · birthday 07.03"), "{row:?}");
    assert!(!row.contains("·  "), "{row:?}");
}

/// The words on screen inside the form's box (titled `title`), in order.
fn words_in_form(screen: &str, title: &str) -> Vec<String> {
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let (top, left) = lines
        .iter()
        .enumerate()
        .find_map(|(y, l)| {
            let s: String = l.iter().collect();
            let x = s.find(&format!("┌ {title} "))?;
            Some((y, s[..x].chars().count()))
        })
        .expect("the form is drawn");
    let right = left
        + 1
        + lines[top][left + 1..]
            .iter()
            .position(|c| *c == '┐')
            .unwrap();
    lines[top + 1..]
        .iter()
        .take_while(|l| l[left] == '│')
        .flat_map(|l| {
            let inside: String = l[left + 1..right].iter().collect();
            inside
                .split_whitespace()
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn a_long_form_error_wraps_under_the_form_without_cutting_words() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::Resize(80, 24));
    press(&mut app, &mut s, Action::Add);
    for c in "ооо ромашка".chars() {
        press(&mut app, &mut s, Action::FormInput(c));
    }
    press(&mut app, &mut s, Action::FormSubmit);
    let Mode::Form(form) = &app.shared.mode else {
        panic!("{:?}", app.shared.mode)
    };
    let error = form.error.clone().expect("the duplicate name is refused");
    assert!(
        error.contains("names are compared ignoring case"),
        "{error}"
    );
    let screen = render(&app, 80, 24);
    // Every word whole and in order, across the lines at the form's foot.
    let shown = words_in_form(&screen, "Add a client").join(" ");
    let said = error.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(shown.contains(&format!("✗ {said}")), "{screen}");

    // An error naming a field goes under that field, wrapped the same way.
    press(&mut app, &mut s, Action::FormCancel);
    press(&mut app, &mut s, Action::SelectPane(Pane::Touchpoints));
    press(&mut app, &mut s, Action::Add);
    let Mode::Form(form) = &mut app.shared.mode else {
        panic!("{:?}", app.shared.mode)
    };
    let title = form.title.clone();
    let long = "Summary: is far too long to be kept in one line of this box, so it wraps between words under the field";
    form.error = Some(long.into());
    let screen = render(&app, 80, 24);
    let summary = screen.lines().position(|l| l.contains("Summary")).unwrap();
    let below: String = screen.lines().nth(summary + 1).unwrap_or_default().into();
    assert!(below.contains("✗ Summary: is far too long"), "{screen}");
    let shown = words_in_form(&screen, &title).join(" ");
    assert!(shown.contains(&format!("✗ {long}")), "{screen}");
}

#[test]
fn a_log_filter_without_yo_finds_a_summary_with_it() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::SelectPane(Pane::Touchpoints));
    press(&mut app, &mut s, Action::StartFilter);
    for c in "отчет".chars() {
        press(&mut app, &mut s, Action::FilterInput(c));
    }
    idle(&mut app, &mut s);
    let rows = &app.panes.touch.rows;
    assert!(
        rows.iter().any(|t| t.summary.contains("отчёт")),
        "{:?}",
        rows.iter().map(|t| &t.summary).collect::<Vec<_>>()
    );
    assert!(rows.iter().all(|t| {
        let text = format!(
            "{} {} {}",
            app.name(t.client_id),
            t.summary,
            t.next_step.as_deref().unwrap_or("")
        );
        crate::domain::fold(&text).contains("отчет")
    }));
    assert!(render(&app, 120, 40).contains("отчёт"));
}

#[test]
fn the_contact_form_refuses_an_email_without_at_under_the_field() {
    let (mut s, mut app) = demo();
    let id = app.selected_client().unwrap();
    let before = crate::store::clients::contacts_of(s.db(), id).unwrap();
    press(&mut app, &mut s, Action::OpenCard);
    press(&mut app, &mut s, Action::Add);
    for c in "Вера Ли".chars() {
        press(&mut app, &mut s, Action::FormInput(c));
    }
    for _ in 0..4 {
        press(&mut app, &mut s, Action::FormNext); // to Email
    }
    for c in "nobody".chars() {
        press(&mut app, &mut s, Action::FormInput(c));
    }
    press(&mut app, &mut s, Action::FormSubmit);
    let Mode::Form(form) = &app.shared.mode else {
        panic!("the form stays open: {:?}", app.shared.mode)
    };
    let error = form.error.clone().unwrap_or_default();
    assert!(
        error.starts_with("email: 'nobody' is not an email address"),
        "{error}"
    );
    let screen = render(&app, 120, 40);
    let email = screen
        .lines()
        .position(|l| l.contains("Email nobody"))
        .unwrap();
    let below = screen.lines().nth(email + 1).unwrap_or_default();
    assert!(below.contains("✗ email: 'nobody'"), "{screen}");
    assert_eq!(
        crate::store::clients::contacts_of(s.db(), id).unwrap(),
        before
    );

    press(&mut app, &mut s, Action::FormDeleteLine);
    for c in "vera@example.com".chars() {
        press(&mut app, &mut s, Action::FormInput(c));
    }
    press(&mut app, &mut s, Action::FormSubmit);
    assert_eq!(app.shared.mode, Mode::Normal, "{:?}", app.shared.message);
    let contacts = crate::store::clients::contacts_of(s.db(), id).unwrap();
    let vera = contacts.iter().find(|c| c.name == "Вера Ли").unwrap();
    assert_eq!(vera.email.as_deref(), Some("vera@example.com"));
}

/// A `Loaded` message, as an effect answers.
fn loaded(l: super::action::Loaded) -> super::action::Msg {
    super::action::Msg::Loaded(Box::new(l))
}

#[test]
fn a_reload_keeps_the_board_selection_on_its_client() {
    use super::action::Loaded;
    let (_s, mut app) = demo();
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    let picked = app.selected_client().unwrap();
    let first = app.panes.portfolio.ids[0][0];
    // Another folio deleted the first gold client: the list reloads one
    // row shorter above the selection.
    let mut view = app.shared.portfolio.clone().unwrap();
    view.clients.retain(|c| c.client.id != first);
    update(&mut app, loaded(Loaded::Portfolio(view.clone())));
    assert_eq!(app.selected_client(), Some(picked), "still on its client");
    assert_eq!(app.panes.portfolio.selected[0], 1);
    // The selected client itself gone: the nearest row.
    view.clients.retain(|c| c.client.id != picked);
    update(&mut app, loaded(Loaded::Portfolio(view.clone())));
    assert_eq!(app.panes.portfolio.selected[0], 1);
    assert_eq!(
        app.selected_client(),
        Some(app.panes.portfolio.ids[0][1]),
        "the row where it was"
    );
    // Its tier changed elsewhere: the focus follows it to its column.
    let moved = app.selected_client().unwrap();
    for c in &mut view.clients {
        if c.client.id == moved {
            c.client.tier = crate::domain::Tier::Toxic;
        }
    }
    update(&mut app, loaded(Loaded::Portfolio(view)));
    assert_eq!(app.panes.portfolio.column, 2);
    assert_eq!(app.selected_client(), Some(moved));
}

#[test]
fn a_reload_keeps_the_plan_and_review_selections_on_their_clients() {
    use super::action::Loaded;
    use super::panes::Reply;
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::SelectPane(Pane::Plan));
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    let picked = app.selected_client().unwrap();
    let mut view = app.panes.plan.view.clone().unwrap();
    view.plan.clients.remove(0);
    update(&mut app, loaded(Loaded::Pane(Reply::Plan(view.clone()))));
    assert_eq!(app.selected_client(), Some(picked));
    assert_eq!(app.panes.plan.selected, 1);
    view.plan.clients.retain(|c| c.client_id != picked);
    update(&mut app, loaded(Loaded::Pane(Reply::Plan(view))));
    assert_eq!(app.panes.plan.selected, 1, "gone: the nearest row");

    press(&mut app, &mut s, Action::SelectPane(Pane::Review));
    let mut b = app.panes.review.briefing.clone().unwrap();
    assert!(b.at_risk.len() >= 3, "{:?}", b.at_risk);
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    let picked = app.selected_client().unwrap();
    b.at_risk.remove(0);
    update(&mut app, loaded(Loaded::Pane(Reply::Review(b))));
    assert_eq!(app.selected_client(), Some(picked));
    assert_eq!(app.panes.review.selected, 1);
}

#[test]
fn a_reload_keeps_the_agreement_selected() {
    use super::action::Loaded;
    use super::panes::Reply;
    use crate::domain::{Agreement, AgreementStatus, Owner};
    let mut app = App::new(today(), "test");
    app.set_size(120, 40);
    app.pane = Pane::Agreements;
    let agreement = |id, due: u32| Agreement {
        id,
        client_id: 1,
        made_on: today(),
        text: format!("agreement {id}"),
        owner: Owner::Us,
        due: NaiveDate::from_ymd_opt(2026, 12, due),
        status: AgreementStatus::Open,
        closed_on: None,
    };
    let rows: Vec<Agreement> = (1..=4).map(|id| agreement(id, 10 + id as u32)).collect();
    update(
        &mut app,
        loaded(Loaded::Pane(Reply::Agreements(rows.clone()))),
    );
    update(&mut app, Action::Down);
    assert_eq!(app.panes.agreements.selected_row().map(|a| a.id), Some(2));
    // A new agreement due first (made by another folio) comes in above it.
    let mut more = rows.clone();
    more.push(agreement(9, 1));
    update(&mut app, loaded(Loaded::Pane(Reply::Agreements(more))));
    assert_eq!(app.panes.agreements.selected_row().map(|a| a.id), Some(2));
    // It is deleted: the nearest row.
    let fewer: Vec<Agreement> = rows.into_iter().filter(|a| a.id != 2).collect();
    update(&mut app, loaded(Loaded::Pane(Reply::Agreements(fewer))));
    assert_eq!(app.panes.agreements.selected, 2);
    assert_eq!(app.panes.agreements.selected_row().map(|a| a.id), Some(4));
}

#[test]
fn a_filter_matching_only_in_another_column_moves_the_focus_there() {
    let (mut s, mut app) = demo();
    assert_eq!(app.panes.portfolio.column, 0, "gold focused");
    let view = app.shared.portfolio.clone().unwrap();
    let toxic = view
        .clients
        .iter()
        .find(|c| c.client.tier == crate::domain::Tier::Toxic)
        .unwrap();
    let (id, name) = (toxic.client.id, toxic.client.name.clone());
    press(&mut app, &mut s, Action::StartFilter);
    for c in name.chars() {
        press(&mut app, &mut s, Action::FilterInput(c));
    }
    press(&mut app, &mut s, Action::FilterDone);
    assert!(app.panes.portfolio.columns[0].is_empty(), "no gold match");
    assert_eq!(app.panes.portfolio.column, 2, "the focus is on the match");
    press(&mut app, &mut s, Action::OpenCard);
    assert_eq!(app.card.as_ref().map(|c| c.client_id), Some(id));
    assert!(app.shared.message.is_none(), "{:?}", app.shared.message);
}

#[test]
fn the_plan_chart_shows_twelve_months_on_usual_screens() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::SelectPane(Pane::Plan));
    let month = app.shared.month;
    for (w, h) in [(140, 45), (200, 60)] {
        update(&mut app, Action::Resize(w, h));
        let screen = render(&app, w, h);
        assert!(screen.contains(" 12 months: received"), "{screen}");
        for back in 0..12 {
            let label = format!("{} ", month.plus_months(-back));
            assert!(
                screen.contains(&label),
                "{w}x{h}: {label} missing\n{screen}"
            );
        }
        // The client table keeps its rows under the chart.
        assert!(screen.contains(&format!("Clients in {month}")), "{screen}");
    }
    // A short screen shows fewer months, and says how many.
    update(&mut app, Action::Resize(100, 24));
    let screen = render(&app, 100, 24);
    assert!(!screen.contains(" 12 months"), "{screen}");
    assert!(screen.contains(" months: received"), "{screen}");
}

/// Events queued at once, as a burst from the terminal.
struct Queued(std::collections::VecDeque<crossterm::event::Event>);

impl super::Input for Queued {
    fn pending(&mut self) -> std::io::Result<bool> {
        Ok(!self.0.is_empty())
    }

    fn read(&mut self) -> std::io::Result<crossterm::event::Event> {
        self.0
            .pop_front()
            .ok_or_else(|| std::io::Error::other("nothing queued"))
    }
}

fn j_event() -> crossterm::event::Event {
    crossterm::event::Event::Key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('j'),
        crossterm::event::KeyModifiers::NONE,
    ))
}

/// Issue 22.17: a burst of keys is applied up to the last one before the
/// loop draws (the frame drawn once the queue is empty is the end state),
/// and a long burst still gets a frame once its budget is spent.
#[test]
fn a_burst_of_keys_is_applied_whole_before_the_frame() {
    use std::time::Duration;
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::SelectPane(Pane::Touchpoints));
    let (mut s2, mut by_key) = demo();
    press(&mut by_key, &mut s2, Action::SelectPane(Pane::Touchpoints));
    for _ in 0..2000 {
        ch(&mut by_key, &mut s2, 'j');
    }
    let mut queue = Queued((0..1999).map(|_| j_event()).collect());
    let frame = super::apply_burst(&mut app, &mut s, j_event(), &mut queue, Duration::MAX);
    assert!(frame.unwrap(), "a frame is due");
    assert!(queue.0.is_empty(), "the whole burst before the frame");
    assert_eq!(app.panes.touch.selected, by_key.panes.touch.selected);
    assert_eq!(render(&app, 120, 40), render(&by_key, 120, 40));

    // Budget spent: a frame after each event, the rest still queued.
    let mut queue = Queued((0..5).map(|_| j_event()).collect());
    let frame = super::apply_burst(&mut app, &mut s, j_event(), &mut queue, Duration::ZERO);
    assert!(frame.unwrap());
    assert_eq!(queue.0.len(), 5);
    // An event that means nothing asks for no frame.
    let focus = crossterm::event::Event::FocusGained;
    let frame = super::apply_burst(
        &mut app,
        &mut s,
        focus,
        &mut Queued(Default::default()),
        Duration::MAX,
    );
    assert!(!frame.unwrap());
}

/// Issue 22: a save names what it saved and for whom; an edit that
/// changes nothing says so.
#[test]
fn saves_name_the_client_and_unchanged_edits_say_nothing_changed() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::SelectPane(Pane::Touchpoints));
    idle(&mut app, &mut s);
    press(&mut app, &mut s, Action::Edit);
    assert!(matches!(app.shared.mode, Mode::Form(_)));
    press(&mut app, &mut s, Action::FormSubmit);
    assert_eq!(app.shared.mode, Mode::Normal, "{:?}", app.shared.message);
    assert_eq!(
        app.shared.message,
        Some(("Nothing changed".to_string(), false))
    );
    press(&mut app, &mut s, Action::Edit);
    let client = match &app.shared.mode {
        Mode::Form(f) => f.fields()[0].value.clone(),
        other => panic!("{other:?}"),
    };
    // Client, Date, Kind -> Summary: add to its end.
    for _ in 0..3 {
        press(&mut app, &mut s, Action::FormNext);
    }
    press(&mut app, &mut s, Action::FormEnd);
    for c in " (edited)".chars() {
        press(&mut app, &mut s, Action::FormInput(c));
    }
    press(&mut app, &mut s, Action::FormSubmit);
    assert_eq!(app.shared.mode, Mode::Normal, "{:?}", app.shared.mode);
    assert_eq!(
        app.shared.message,
        Some((format!("Saved touchpoint for {client}"), false))
    );
    // A client's details saved as they were.
    press(&mut app, &mut s, Action::SelectPane(Pane::Portfolio));
    press(&mut app, &mut s, Action::Edit);
    assert!(
        matches!(&app.shared.mode, Mode::Form(f) if matches!(f.kind, Kind::EditClient(_))),
        "{:?}",
        app.shared.mode
    );
    press(&mut app, &mut s, Action::FormSubmit);
    assert_eq!(
        app.shared.message,
        Some(("Nothing changed".to_string(), false))
    );
}

// --- plan drill-down ---

/// The Plan pane with the cursor on `figure` (the figures come first,
/// in `Figure::ALL`'s order).
fn plan_on_figure(app: &mut App, s: &mut Store, figure: crate::domain::plan::Figure) {
    press(app, s, Action::SelectPane(Pane::Plan));
    press(app, s, Action::Top);
    let i = crate::domain::plan::Figure::ALL
        .iter()
        .position(|f| *f == figure)
        .unwrap();
    for _ in 0..i {
        press(app, s, Action::Down);
    }
    assert_eq!(app.panes.plan.focused_figure(), Some(figure));
}

/// The record selected in the rows behind a figure: (id, client, part).
fn drilled(app: &App) -> Option<(crate::domain::Id, crate::domain::Id, crate::domain::Money)> {
    let plan = &app.panes.plan;
    let b = plan.rows?.record(plan.view.as_ref()?)?;
    Some((b.id(), b.client_id(), b.part()))
}

fn figure_now(app: &App, figure: crate::domain::plan::Figure) -> crate::domain::Money {
    figure.of(&app.panes.plan.view.as_ref().unwrap().plan.figures)
}

#[test]
fn plan_drill_down_lists_rows_adding_up_to_each_figure_and_esc_returns() {
    use crate::domain::Money;
    use crate::domain::plan::{Behind, Figure};
    let (mut s, mut app) = demo();
    let month = app.shared.month;
    // The figures as the command line reads them (`folio plan`).
    let cli = crate::ops::views::month_view(&mut s, month, today()).unwrap();
    for figure in Figure::ALL {
        plan_on_figure(&mut app, &mut s, figure);
        let screen = render(&app, 80, 24);
        assert!(screen.contains(" Enter rows "), "{figure:?}\n{screen}");
        press(&mut app, &mut s, Action::OpenCard);
        assert!(app.card.is_none(), "Enter on a figure is its rows");
        assert_eq!(app.panes.plan.rows.map(|r| r.figure), Some(figure));
        let view = app.panes.plan.view.as_ref().unwrap();
        let rows = view.behind(figure);
        let sum: Money = rows.iter().map(Behind::part).sum();
        assert_eq!(sum, figure.of(&view.plan.figures), "{figure:?}");
        assert_eq!(
            sum,
            figure.of(&cli.plan.figures),
            "{figure:?} as the CLI says"
        );
        assert!(!rows.is_empty(), "{figure:?}: the demo has rows behind it");
        for (w, h) in [(80, 24), (140, 45)] {
            let screen = render(&app, w, h);
            let title = format!("{} in {month}", figure.label());
            assert!(screen.contains(&title), "{w}x{h}\n{screen}");
            assert!(
                screen.contains(&format!("total {}", sum.to_human())),
                "{w}x{h}\n{screen}"
            );
            assert!(screen.contains("Esc back to the figures"), "{screen}");
        }
        // The smallest screen: the figure whole on its line, not cut.
        let screen = render(&app, 60, 16);
        let line = format!("│{} {}", figure.label(), sum.to_human());
        assert!(screen.contains(&line), "{figure:?}\n{screen}");
        press(&mut app, &mut s, Action::Back);
        assert!(app.panes.plan.rows.is_none(), "Esc comes back");
        assert_eq!(app.panes.plan.focused_figure(), Some(figure));
    }
    // Below the figures, Enter on a client is its card.
    press(&mut app, &mut s, Action::Bottom);
    assert!(render(&app, 140, 45).contains(" Enter card "));
    let client = app.selected_client().unwrap();
    press(&mut app, &mut s, Action::OpenCard);
    assert_eq!(app.card.as_ref().map(|c| c.client_id), Some(client));
}

#[test]
fn plan_drill_down_scrolls_and_help_lists_its_keys() {
    use crate::domain::plan::Figure;
    let (mut s, mut app) = demo();
    app.set_size(80, 24);
    plan_on_figure(&mut app, &mut s, Figure::Received);
    press(&mut app, &mut s, Action::Help);
    assert!(render(&app, 80, 24).contains("rows (the invoices or payments"));
    press(&mut app, &mut s, Action::Back);
    press(&mut app, &mut s, Action::OpenCard);
    let len = app
        .panes
        .plan
        .view
        .as_ref()
        .unwrap()
        .behind(Figure::Received)
        .len();
    assert!(len > 20, "more rows than 80x24 shows: {len}");
    press(&mut app, &mut s, Action::Down);
    press(&mut app, &mut s, Action::Down);
    press(&mut app, &mut s, Action::Up);
    assert_eq!(app.panes.plan.rows.unwrap().selected, 1);
    press(&mut app, &mut s, Action::Bottom);
    assert_eq!(app.panes.plan.rows.unwrap().selected, len - 1);
    let last = drilled(&app).unwrap();
    let screen = render(&app, 80, 24);
    assert!(screen.contains(&format!("{len} of {len}")), "{screen}");
    let client = app.name(last.1).to_string();
    assert!(
        screen.contains(&client),
        "the last row is on screen\n{screen}"
    );
    press(&mut app, &mut s, Action::PageUp);
    assert_eq!(
        app.panes.plan.rows.unwrap().selected,
        len - 1 - app.shared.list_height
    );
    press(&mut app, &mut s, Action::Top);
    assert_eq!(app.panes.plan.rows.unwrap().selected, 0);
    press(&mut app, &mut s, Action::PageDown);
    assert_eq!(
        app.panes.plan.rows.unwrap().selected,
        app.shared.list_height
    );
    press(&mut app, &mut s, Action::Help);
    let screen = render(&app, 80, 24);
    for key in ["back to the figures", "edit the payment", "delete it"] {
        assert!(screen.contains(key), "{key}\n{screen}");
    }
}

#[test]
fn plan_drill_down_edits_a_payments_amount_and_the_figure_follows() {
    use crate::domain::Money;
    use crate::domain::plan::Figure;
    let (mut s, mut app) = demo();
    plan_on_figure(&mut app, &mut s, Figure::Received);
    press(&mut app, &mut s, Action::OpenCard);
    press(&mut app, &mut s, Action::Down);
    let (id, client, amount) = drilled(&app).unwrap();
    let before = figure_now(&app, Figure::Received);
    press(&mut app, &mut s, Action::Edit);
    let Mode::Form(form) = &app.shared.mode else {
        panic!("{:?}", app.shared.mode)
    };
    assert!(matches!(form.kind, Kind::Payment(_)), "{form:?}");
    let values: Vec<String> = form.fields().iter().map(|f| f.value.clone()).collect();
    assert_eq!(values[0], app.name(client), "prefilled: {values:?}");
    assert_eq!(values[2], amount.to_plain(), "prefilled: {values:?}");
    // Client, Date -> Amount: a wrong amount is refused as the CLI's.
    press(&mut app, &mut s, Action::FormNext);
    press(&mut app, &mut s, Action::FormNext);
    press(&mut app, &mut s, Action::FormDeleteLine);
    for c in "-5".chars() {
        press(&mut app, &mut s, Action::FormInput(c));
    }
    press(&mut app, &mut s, Action::FormSubmit);
    let Mode::Form(form) = &app.shared.mode else {
        panic!("the form stays open: {:?}", app.shared.mode)
    };
    assert!(form.error.as_deref().unwrap_or("").starts_with("Amount"));
    assert_eq!(figure_now(&app, Figure::Received), before, "nothing saved");
    press(&mut app, &mut s, Action::FormDeleteLine);
    let more = amount.plus(Money::major(1_000));
    for c in more.to_plain().chars() {
        press(&mut app, &mut s, Action::FormInput(c));
    }
    press(&mut app, &mut s, Action::FormSubmit);
    assert_eq!(app.shared.mode, Mode::Normal, "{:?}", app.shared.message);
    assert_eq!(
        app.shared.message,
        Some((
            format!(
                "Saved payment of {} from {}",
                more.to_human(),
                app.name(client)
            ),
            false
        ))
    );
    assert_eq!(
        figure_now(&app, Figure::Received),
        before.plus(Money::major(1_000))
    );
    assert_eq!(drilled(&app), Some((id, client, more)), "the same payment");
    let stored = crate::ops::payments(&s, Some(client), None).unwrap();
    assert!(stored.iter().any(|p| p.id == id && p.amount == more));
    // Dated the month's last day, it moves to the top of the list (newest
    // first): the selection goes with it.
    assert_eq!(app.panes.plan.rows.unwrap().selected, 1);
    press(&mut app, &mut s, Action::Edit);
    press(&mut app, &mut s, Action::FormNext);
    press(&mut app, &mut s, Action::FormDeleteLine);
    let last_day = app.shared.month.last_day().to_string();
    for c in last_day.chars() {
        press(&mut app, &mut s, Action::FormInput(c));
    }
    press(&mut app, &mut s, Action::FormSubmit);
    assert_eq!(app.shared.mode, Mode::Normal, "{:?}", app.shared.message);
    assert_eq!(app.panes.plan.rows.unwrap().selected, 0);
    assert_eq!(drilled(&app), Some((id, client, more)), "the same payment");
}

#[test]
fn plan_drill_down_deletes_an_invoice_after_y_and_n_cancels() {
    use crate::domain::plan::Figure;
    let (mut s, mut app) = demo();
    plan_on_figure(&mut app, &mut s, Figure::Expected);
    press(&mut app, &mut s, Action::OpenCard);
    press(&mut app, &mut s, Action::Down);
    press(&mut app, &mut s, Action::Down);
    let (id, client, amount) = drilled(&app).unwrap();
    let next = {
        let view = app.panes.plan.view.as_ref().unwrap();
        view.behind(Figure::Expected)[3].id()
    };
    let before = figure_now(&app, Figure::Expected);
    // n cancels: nothing deleted.
    press(&mut app, &mut s, Action::Delete);
    let Mode::Confirm(c) = &app.shared.mode else {
        panic!("{:?}", app.shared.mode)
    };
    assert!(c.prompt.contains(app.name(client)), "{}", c.prompt);
    assert!(c.prompt.contains(&amount.to_human()), "{}", c.prompt);
    assert!(render(&app, 80, 24).contains("Delete the expected payment"));
    press(&mut app, &mut s, Action::ConfirmNo);
    assert_eq!(app.shared.mode, Mode::Normal);
    assert_eq!(figure_now(&app, Figure::Expected), before);
    assert_eq!(drilled(&app).map(|d| d.0), Some(id));
    // y deletes it: the figure drops by its amount, the selection goes
    // to its neighbour.
    press(&mut app, &mut s, Action::Delete);
    press(&mut app, &mut s, Action::ConfirmYes);
    assert_eq!(app.shared.mode, Mode::Normal, "{:?}", app.shared.message);
    assert_eq!(figure_now(&app, Figure::Expected), before.minus(amount));
    assert_eq!(drilled(&app).map(|d| d.0), Some(next));
    let stored = crate::ops::invoices(&mut s, Some(client), None).unwrap();
    assert!(
        stored.iter().all(|i| i.invoice.id != id),
        "gone from the file"
    );
    // `i` there expects another payment from the selected row's client.
    let (_, neighbour, _) = drilled(&app).unwrap();
    press(&mut app, &mut s, Action::AddInvoice);
    let Mode::Form(form) = &app.shared.mode else {
        panic!("{:?}", app.shared.mode)
    };
    assert_eq!(form.fields()[0].value, app.name(neighbour));
}

#[test]
fn card_shows_the_inn_and_aliases_only_when_the_client_has_them() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::OpenCard);
    assert!(!render(&app, 120, 40).contains("ИНН"));
    let id = app.card.as_ref().unwrap().client_id;
    let edit = crate::ops::ClientEdit {
        inn: Some(Some("7707083893".into())),
        ..Default::default()
    };
    crate::ops::edit_client(&mut s, id, &edit).unwrap();
    crate::ops::counterparties::add_alias(&mut s, id, "Bank Green").unwrap();
    press(&mut app, &mut s, Action::Back);
    press(&mut app, &mut s, Action::OpenCard);
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("ИНН 7707083893 · also written as: Bank Green"),
        "{screen}"
    );
    // At 80 columns the line wraps, never panics.
    assert!(render(&app, 80, 24).contains("ИНН 7707083893"));
}
