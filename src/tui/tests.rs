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
    assert!(screen.contains("plan 83.84%"), "{screen}");
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
    assert!(screen.contains("Clients in Nov 2026"), "{screen}");
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
    assert!(screen.contains("83.84% of 6.7M"), "{screen}");
    assert!(screen.contains("At risk · 18 clients"), "{screen}");
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
    assert!(md.starts_with("# One-on-one briefing: Nov 2026"));
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
            let e = f
                .error
                .as_ref()
                .map(|e| e.say(crate::format::Locale::En))
                .unwrap_or_default();
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
    // The box says how many rows it has (a day's payments are one) and
    // scrolls to the rest.
    let rows = app.panes.review.rows.len();
    assert!(rows > 0 && rows <= upcoming, "{rows} of {upcoming}");
    assert!(
        screen.contains(&format!("Next 14 days · {rows} rows")),
        "{screen}"
    );
    assert!(screen.contains('▼'), "a scrollbar: {screen}");
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
    let last = "selects text in most terminals (mouse on)";
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
    let mut b = app.panes.review.briefing.clone().unwrap();
    b.next_14_days.insert(
        0,
        crate::domain::briefing::Upcoming {
            date: today(),
            client: "Atlas Legal".into(),
            due: crate::domain::briefing::Due::Invoice {
                month: crate::domain::Month::of(today()),
            },
            amount: Some(crate::domain::Money::major(1200)),
        },
    );
    let next = b.next_14_days.clone();
    app.panes.review.loaded(b);
    let screen = render(&app, 120, 40);
    let mut seen = 0;
    for u in &next {
        let label = &crate::format::briefing::upcoming_kind(crate::format::Locale::En, u.kind());
        if let Some(row) = screen
            .lines()
            .find(|l| l.contains(&format!("{} ", u.date.format("%Y-%m-%d"))) && l.contains(label))
        {
            let after = &row[row.find(label).unwrap() + label.len()..];
            assert!(after.starts_with(' '), "{row:?}");
            assert!(!row.contains(&format!("{label}{}", u.client)), "{row:?}");
            seen += 1;
        }
    }
    assert!(seen > 0, "{screen}");
    assert!(screen.contains("payment due · Atlas Legal"), "{screen}");
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
    assert!(row.contains(" · CEO · birthday 1980-03-07"), "{row:?}");
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
    let error = form
        .error
        .as_ref()
        .map(|e| e.say(crate::format::Locale::En));
    let error = error.expect("the duplicate name is refused");
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
    form.error = Some(super::form::FormError::Refused(super::form::Refused {
        field: Some("summary"),
        message: long.into(),
    }));
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
    let error = form
        .error
        .as_ref()
        .map(|e| e.say(crate::format::Locale::En));
    let error = error.unwrap_or_default();
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
            let label = format!(
                "{} ",
                crate::format::month(crate::format::Locale::En, month.plus_months(-back))
            );
            assert!(
                screen.contains(&label),
                "{w}x{h}: {label} missing\n{screen}"
            );
        }
        // The client table keeps its rows under the chart.
        assert!(screen.contains("Clients in Nov 2026"), "{screen}");
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
        let label = crate::tui::panes::plan_rows::figure_label(crate::format::Locale::En, figure);
        for (w, h) in [(80, 24), (140, 45)] {
            let screen = render(&app, w, h);
            let title = format!(
                "{} in {}",
                label,
                crate::format::month(crate::format::Locale::En, month)
            );
            assert!(screen.contains(&title), "{w}x{h}\n{screen}");
            assert!(
                screen.contains(&format!("total {}", sum.to_human())),
                "{w}x{h}\n{screen}"
            );
            assert!(screen.contains("Esc back to the figures"), "{screen}");
        }
        // The smallest screen: the figure whole on its line, not cut.
        let screen = render(&app, 60, 16);
        let line = format!("│{} {}", label, sum.to_human());
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
    for key in ["back to the figures", "edit it (the payment", "delete it"] {
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
    let error = form
        .error
        .as_ref()
        .map(|e| e.say(crate::format::Locale::En));
    assert!(error.unwrap_or_default().starts_with("Amount"));
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

// --- undo and selection ---

/// Type `text` into the open form's focused field, or the filter.
fn typed(app: &mut App, s: &mut Store, text: &str) {
    let filter = app.shared.mode == Mode::Filter;
    for c in text.chars() {
        let action = if filter {
            Action::FilterInput(c)
        } else {
            Action::FormInput(c)
        };
        press(app, s, action);
    }
}

fn message(app: &App) -> String {
    app.shared
        .message
        .clone()
        .map(|(m, _)| m)
        .unwrap_or_default()
}

#[test]
fn u_with_nothing_to_undo_says_so() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::Undo);
    assert_eq!(message(&app), "Nothing to undo");
    assert!(
        super::keys::help(crate::format::Locale::En, &[], Pane::Plan, false).contains(&(
            "u".to_string(),
            "undo the last change (up to 20)".to_string()
        ))
    );
    assert!(
        super::keys::help(crate::format::Locale::En, &[], Pane::Portfolio, true)
            .iter()
            .any(|(k, _)| *k == "u")
    );
}

/// Issue 22: after a tier change the cursor follows the client into its
/// new column; `u` puts the tier back, takes out the history row the
/// change added, says what it undid, and the cursor follows it back.
#[test]
fn u_undoes_a_tier_change_and_the_cursor_follows_the_client() {
    let (mut s, mut app) = demo();
    let id = app.selected_client().unwrap();
    let client = crate::store::clients::get(s.db(), id).unwrap().unwrap();
    let rows = crate::store::clients::tier_history(s.db(), id)
        .unwrap()
        .len();
    // Another client selected in the column it will go to, so following
    // it is a real move.
    press(&mut app, &mut s, Action::ChangeTier);
    typed(&mut app, &mut s, "Стратегия на год");
    press(&mut app, &mut s, Action::FormSubmit);
    let moved = crate::store::clients::get(s.db(), id).unwrap().unwrap();
    assert_ne!(moved.tier, client.tier);
    let col = crate::domain::Tier::ALL
        .iter()
        .position(|t| *t == moved.tier)
        .unwrap();
    assert_eq!(app.panes.portfolio.column, col, "the cursor followed it");
    assert_eq!(app.selected_client(), Some(id));

    press(&mut app, &mut s, Action::Undo);
    assert_eq!(
        message(&app),
        format!("Undid: tier of {} back to {}", client.name, client.tier)
    );
    assert_eq!(
        crate::store::clients::get(s.db(), id).unwrap(),
        Some(client)
    );
    assert_eq!(
        crate::store::clients::tier_history(s.db(), id)
            .unwrap()
            .len(),
        rows,
        "the history row it added is gone"
    );
    assert_eq!(app.panes.portfolio.column, 0, "and back to its column");
    assert_eq!(app.selected_client(), Some(id));
    press(&mut app, &mut s, Action::Undo);
    assert_eq!(message(&app), "Nothing to undo");
}

/// Issue 22: a new client is selected after saving; `u` takes it out.
#[test]
fn a_new_client_is_selected_and_u_removes_it() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::Right); // the potential column
    press(&mut app, &mut s, Action::Add);
    typed(&mut app, &mut s, "Яблоко и Ко");
    press(&mut app, &mut s, Action::FormSubmit);
    assert_eq!(app.shared.mode, Mode::Normal, "{}", message(&app));
    let id = app.selected_client().unwrap();
    assert_eq!(app.name(id), "Яблоко и Ко");
    press(&mut app, &mut s, Action::Undo);
    assert_eq!(message(&app), "Undid: new client Яблоко и Ко (removed)");
    assert!(crate::store::clients::get(s.db(), id).unwrap().is_none());
    assert!(!app.shared.names.contains_key(&id));
}

/// Issue 22: a touchpoint logged is selected in the log (wherever its
/// date puts it); a touchpoint deleted comes back with `u`, with its id,
/// and is selected again.
#[test]
fn a_new_touchpoint_is_selected_and_a_deleted_one_comes_back() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::SelectPane(Pane::Touchpoints));
    idle(&mut app, &mut s);
    for _ in 0..5 {
        press(&mut app, &mut s, Action::Down);
    }
    press(&mut app, &mut s, Action::Add);
    // Client (kept), Date -> a day long ago, so it lands deep in the log.
    press(&mut app, &mut s, Action::FormNext);
    press(&mut app, &mut s, Action::FormEnd);
    press(&mut app, &mut s, Action::FormDeleteLine);
    typed(&mut app, &mut s, "2025-01-15");
    press(&mut app, &mut s, Action::FormNext);
    press(&mut app, &mut s, Action::FormNext);
    typed(&mut app, &mut s, "Старый звонок");
    press(&mut app, &mut s, Action::FormSubmit);
    assert_eq!(app.shared.mode, Mode::Normal, "{:?}", app.shared.mode);
    idle(&mut app, &mut s);
    let t = app.panes.touch.selected_row().cloned().unwrap();
    assert_eq!(t.summary, "Старый звонок");
    assert!(app.panes.touch.selected > 5, "deep in the log");
    assert!(render(&app, 120, 40).contains("Старый звонок"));

    // The newest touchpoint deleted, then undone: back with its id, and
    // selected again.
    press(&mut app, &mut s, Action::Top);
    let first = app.panes.touch.selected_row().cloned().unwrap();
    press(&mut app, &mut s, Action::Delete);
    press(&mut app, &mut s, Action::ConfirmYes);
    idle(&mut app, &mut s);
    assert!(
        crate::store::log::get_touchpoint(s.db(), first.id)
            .unwrap()
            .is_none()
    );
    press(&mut app, &mut s, Action::Down);
    press(&mut app, &mut s, Action::Undo);
    idle(&mut app, &mut s);
    assert!(
        message(&app).starts_with("Undid: delete of the touchpoint of "),
        "{}",
        message(&app)
    );
    assert_eq!(
        crate::store::log::get_touchpoint(s.db(), first.id).unwrap(),
        Some(first.clone())
    );
    assert_eq!(app.panes.touch.selected_row(), Some(&first));
    // And the one logged before is undone too: removed.
    press(&mut app, &mut s, Action::Undo);
    idle(&mut app, &mut s);
    assert!(
        crate::store::log::get_touchpoint(s.db(), t.id)
            .unwrap()
            .is_none()
    );
}

/// Issue 22: a new agreement is selected after saving; closing one is
/// undone (open again), and so is its delete.
#[test]
fn a_new_agreement_is_selected_and_closing_it_is_undone() {
    use crate::domain::AgreementStatus;
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::SelectPane(Pane::Agreements));
    press(&mut app, &mut s, Action::Add);
    press(&mut app, &mut s, Action::FormDeleteLine);
    typed(&mut app, &mut s, "ООО Ромашка");
    press(&mut app, &mut s, Action::FormNext);
    typed(&mut app, &mut s, "Согласовать медиаплан");
    press(&mut app, &mut s, Action::FormSubmit);
    assert_eq!(app.shared.mode, Mode::Normal, "{:?}", app.shared.mode);
    let a = app.panes.agreements.selected_row().cloned().unwrap();
    assert_eq!(a.text, "Согласовать медиаплан");

    press(&mut app, &mut s, Action::MarkKept);
    press(&mut app, &mut s, Action::ConfirmYes);
    let stored = |s: &Store| crate::store::log::get_agreement(s.db(), a.id).unwrap();
    assert_eq!(stored(&s).unwrap().status, AgreementStatus::Kept);
    assert_eq!(
        app.panes.agreements.selected_row().map(|r| r.id),
        Some(a.id)
    );
    press(&mut app, &mut s, Action::Undo);
    assert_eq!(
        message(&app),
        "Undid: agreement «Согласовать медиаплан» open again"
    );
    assert_eq!(stored(&s), Some(a.clone()));

    press(&mut app, &mut s, Action::Delete);
    press(&mut app, &mut s, Action::ConfirmYes);
    assert_eq!(stored(&s), None);
    press(&mut app, &mut s, Action::Undo);
    assert_eq!(stored(&s), Some(a.clone()));
    assert_eq!(app.panes.agreements.selected_row(), Some(&a));
}

/// Issue 22: a payment recorded on the Plan pane selects its client's
/// row; `u` takes the payment out again.
#[test]
fn a_payment_selects_its_client_on_the_plan_and_u_removes_it() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::SelectPane(Pane::Plan));
    let last = app.panes.plan.view.as_ref().unwrap().plan.clients.len() - 1;
    let client = app.panes.plan.view.as_ref().unwrap().plan.clients[last].client_id;
    let name = app.name(client).to_string();
    let paid = || crate::store::clients::totals(s.db(), client).unwrap().0;
    let before = paid();
    press(&mut app, &mut s, Action::Add);
    press(&mut app, &mut s, Action::FormDeleteLine);
    typed(&mut app, &mut s, &name);
    press(&mut app, &mut s, Action::FormNext);
    press(&mut app, &mut s, Action::FormNext);
    typed(&mut app, &mut s, "1000");
    press(&mut app, &mut s, Action::FormSubmit);
    assert_eq!(app.shared.mode, Mode::Normal, "{:?}", app.shared.mode);
    assert_eq!(app.selected_client(), Some(client), "its row is selected");
    assert_ne!(
        crate::store::clients::totals(s.db(), client).unwrap().0,
        before
    );
    press(&mut app, &mut s, Action::Undo);
    assert_eq!(
        message(&app),
        format!("Undid: payment of 1 000.00 from {name} (removed)")
    );
    assert_eq!(
        crate::store::clients::totals(s.db(), client).unwrap().0,
        before
    );
}

/// Issue 22: a client's details edited and a contact deleted are undone,
/// newest first.
#[test]
fn a_client_edit_and_a_contact_delete_are_undone_newest_first() {
    let (mut s, mut app) = demo();
    let id = app.selected_client().unwrap();
    let client = crate::store::clients::get(s.db(), id).unwrap().unwrap();
    press(&mut app, &mut s, Action::Edit);
    press(&mut app, &mut s, Action::FormEnd);
    typed(&mut app, &mut s, " Group");
    press(&mut app, &mut s, Action::FormSubmit);
    assert_eq!(app.name(id), format!("{} Group", client.name));
    press(&mut app, &mut s, Action::OpenCard);
    let contacts = crate::store::clients::contacts_of(s.db(), id).unwrap();
    assert!(!contacts.is_empty(), "the demo client has contacts");
    let marked = app
        .card
        .as_ref()
        .unwrap()
        .marked_contact()
        .cloned()
        .unwrap();
    press(&mut app, &mut s, Action::DeleteContact);
    press(&mut app, &mut s, Action::ConfirmYes);
    assert!(
        crate::store::clients::get_contact(s.db(), marked.id)
            .unwrap()
            .is_none()
    );
    press(&mut app, &mut s, Action::Undo);
    assert_eq!(
        crate::store::clients::get_contact(s.db(), marked.id).unwrap(),
        Some(marked)
    );
    press(&mut app, &mut s, Action::Undo);
    assert_eq!(message(&app), format!("Undid: edit of {}", client.name));
    assert_eq!(
        crate::store::clients::get(s.db(), id).unwrap(),
        Some(client)
    );
}

/// Issue 22: another folio changed the record after this session's change:
/// `u` refuses, says why, and changes nothing. A client deleted is not
/// undone by `u`, and its question says so.
#[test]
fn u_is_refused_when_another_folio_changed_the_record() {
    use crate::store::Create;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let (mut s, _) = Store::open(&path, Create::FileOnly).unwrap();
    crate::ops::demo::load(&mut s, today()).unwrap();
    let mut app = load_app(&mut s, today(), "p".into(), 120, 40).unwrap();
    let (mut other, _) = Store::open(&path, Create::FileOnly).unwrap();

    let id = app.selected_client().unwrap();
    press(&mut app, &mut s, Action::ChangeStatus);
    typed(&mut app, &mut s, "Seasonal pause");
    press(&mut app, &mut s, Action::FormSubmit);
    let paused = crate::store::clients::get(s.db(), id).unwrap().unwrap();
    let edit = crate::ops::ClientEdit {
        notes: Some("changed in another terminal".into()),
        ..Default::default()
    };
    crate::ops::edit_client(&mut other, id, &edit).unwrap();
    let rows = crate::store::clients::status_history(s.db(), id).unwrap();
    press(&mut app, &mut s, Action::Undo);
    let (text, error) = app.shared.message.clone().unwrap();
    assert!(error, "{text}");
    assert!(text.contains("changed elsewhere since"), "{text}");
    let now = crate::store::clients::get(s.db(), id).unwrap().unwrap();
    assert_eq!(now.status, paused.status, "nothing undone");
    assert_eq!(
        crate::store::clients::status_history(s.db(), id).unwrap(),
        rows
    );

    // A change to undo, then the client deleted.
    press(&mut app, &mut s, Action::ChangeTier);
    typed(&mut app, &mut s, "Downgrade");
    press(&mut app, &mut s, Action::FormSubmit);
    assert_eq!(app.undo.len(), 1);
    assert_eq!(app.selected_client(), Some(id));
    press(&mut app, &mut s, Action::Delete);
    let Mode::Confirm(c) = &app.shared.mode else {
        panic!("{:?}", app.shared.mode)
    };
    assert!(c.prompt.contains("u cannot undo this"), "{}", c.prompt);
    assert!(c.prompt.contains("folio restore"), "{}", c.prompt);
    press(&mut app, &mut s, Action::ConfirmYes);
    // Its changes went with it: nothing of it is left to undo.
    press(&mut app, &mut s, Action::Undo);
    assert_eq!(message(&app), "Nothing to undo");
    assert!(crate::store::clients::get(s.db(), id).unwrap().is_none());
}

/// Issue 22: clearing a filter keeps the selected record, on the board,
/// in the agreements and in the log.
#[test]
fn clearing_a_filter_keeps_the_selected_record() {
    let (mut s, mut app) = demo();
    // The board: a client found by filter stays selected after Esc.
    let target = app.panes.portfolio.ids[1].last().copied().unwrap();
    let name = app.name(target).to_string();
    press(&mut app, &mut s, Action::StartFilter);
    typed(&mut app, &mut s, &name);
    press(&mut app, &mut s, Action::FilterDone);
    assert_eq!(app.selected_client(), Some(target));
    press(&mut app, &mut s, Action::Back);
    assert_eq!(app.filter(), "");
    assert_eq!(app.selected_client(), Some(target), "kept after clearing");

    // The agreements: the same, with Esc while typing.
    press(&mut app, &mut s, Action::SelectPane(Pane::Agreements));
    let pane = &app.panes.agreements;
    let a = pane.rows[*pane.shown.last().unwrap()].clone();
    press(&mut app, &mut s, Action::StartFilter);
    typed(&mut app, &mut s, &a.text);
    while app.panes.agreements.selected_row().map(|r| r.id) != Some(a.id) {
        press(&mut app, &mut s, Action::Down);
    }
    press(&mut app, &mut s, Action::FilterClear);
    assert_eq!(
        app.panes.agreements.selected_row().map(|r| r.id),
        Some(a.id)
    );
    assert!(app.panes.agreements.selected > 0);

    // The log: a touchpoint found by filter, deep in the whole log.
    press(&mut app, &mut s, Action::SelectPane(Pane::Touchpoints));
    idle(&mut app, &mut s);
    let oldest = crate::store::log::touchpoints(s.db(), None, -1, 0)
        .unwrap()
        .pop()
        .unwrap();
    press(&mut app, &mut s, Action::StartFilter);
    typed(&mut app, &mut s, &oldest.summary);
    press(&mut app, &mut s, Action::FilterDone);
    idle(&mut app, &mut s);
    press(&mut app, &mut s, Action::Bottom);
    idle(&mut app, &mut s);
    assert_eq!(
        app.panes.touch.selected_row().map(|t| t.id),
        Some(oldest.id)
    );
    press(&mut app, &mut s, Action::Back);
    idle(&mut app, &mut s);
    assert_eq!(
        app.panes.touch.selected_row().map(|t| t.id),
        Some(oldest.id)
    );
    assert_eq!(
        app.panes.touch.selected + 1,
        app.panes.touch.total,
        "the last row"
    );
}

/// A payment edited and an invoice deleted from the Plan's drill-down are
/// undone by `u`, newest first, and the figures come back.
#[test]
fn plan_drill_down_edits_and_deletes_are_undone() {
    use crate::domain::plan::Figure;
    let (mut s, mut app) = demo();
    plan_on_figure(&mut app, &mut s, Figure::Expected);
    press(&mut app, &mut s, Action::OpenCard);
    let (id, _, _) = drilled(&app).unwrap();
    let expected = figure_now(&app, Figure::Expected);
    press(&mut app, &mut s, Action::Delete);
    press(&mut app, &mut s, Action::ConfirmYes);
    assert_ne!(figure_now(&app, Figure::Expected), expected);
    press(&mut app, &mut s, Action::Undo);
    assert!(message(&app).starts_with("Undid"), "{}", message(&app));
    assert_eq!(figure_now(&app, Figure::Expected), expected);
    let stored = crate::ops::invoices(&mut s, None, None).unwrap();
    assert!(
        stored.iter().any(|i| i.invoice.id == id),
        "back in the file"
    );

    press(&mut app, &mut s, Action::Back);
    plan_on_figure(&mut app, &mut s, Figure::Received);
    press(&mut app, &mut s, Action::OpenCard);
    let received = figure_now(&app, Figure::Received);
    press(&mut app, &mut s, Action::Edit);
    // Client, Date -> Amount.
    press(&mut app, &mut s, Action::FormNext);
    press(&mut app, &mut s, Action::FormNext);
    press(&mut app, &mut s, Action::FormDeleteLine);
    typed(&mut app, &mut s, "1");
    press(&mut app, &mut s, Action::FormSubmit);
    assert_eq!(app.shared.mode, Mode::Normal, "{}", message(&app));
    assert_ne!(figure_now(&app, Figure::Received), received);
    press(&mut app, &mut s, Action::Undo);
    assert!(message(&app).contains("payment"), "{}", message(&app));
    assert_eq!(figure_now(&app, Figure::Received), received);
}

// --- formats ---

/// Names wider than any column: Cyrillic, emoji and CJK (two columns a
/// character for the last two).
const LONG_NAMES: [&str; 3] = [
    "Общество с ограниченной ответственностью «Ромашка и партнёры»",
    "🚀🚀🚀 Rocket Launch Services International Holdings",
    "北京长城国际贸易有限公司上海分公司北京长城国际贸易",
];

/// The demo with three toxic clients named `LONG_NAMES` (the toxic column
/// is short enough to show them at 80x24), each with a touchpoint today
/// and an open agreement, their texts as long as their names.
fn demo_with_long_names(w: u16, h: u16) -> (Store, App) {
    use crate::domain::{
        AgreementStatus, NewAgreement, NewClient, NewTouchpoint, Owner, Status, Tier, TouchKind,
    };
    let mut store = Store::open_in_memory().unwrap();
    crate::ops::demo::load(&mut store, today()).unwrap();
    for name in LONG_NAMES {
        let client = NewClient {
            name: name.to_string(),
            tier: Tier::Toxic,
            status: Status::Active,
            since: today() - chrono::Days::new(30),
            cadence_days: Some(14),
            channel: None,
            goal: None,
            notes: String::new(),
        };
        let c = crate::ops::add_client(&mut store, &client).unwrap();
        let touch = NewTouchpoint {
            at: today(),
            kind: TouchKind::Call,
            summary: format!("{name} · {name}"),
            minutes: 30,
            next_step: Some(name.to_string()),
            next_due: Some(today() + chrono::Days::new(7)),
        };
        crate::ops::add_touchpoint(&mut store, c.id, &touch).unwrap();
        let agreement = NewAgreement {
            made_on: today(),
            text: format!("{name} · {name}"),
            owner: Owner::Us,
            due: Some(today() + chrono::Days::new(2)),
            status: AgreementStatus::Open,
            closed_on: None,
        };
        crate::ops::add_agreement(&mut store, c.id, &agreement).unwrap();
    }
    let app = load_app(&mut store, today(), "demo".into(), w, h).unwrap();
    (store, app)
}

/// The screen as rows of `(column, symbol)`, leaving out the blank ratatui
/// puts in a wide character's second column.
fn screen_cells(app: &App, w: u16, h: u16) -> Vec<Vec<(usize, String)>> {
    use unicode_width::UnicodeWidthStr;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(app, Theme { color: true }, f)).unwrap();
    let buf = t.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| {
            let mut row = Vec::new();
            let mut x = 0;
            while x < buf.area.width {
                let symbol = buf[(x, y)].symbol().to_string();
                let w = symbol.width().max(1) as u16;
                row.push((usize::from(x), symbol));
                x += w;
            }
            row
        })
        .collect()
}

/// Where `text` starts on the screen: (row, index in the row's cells).
fn find_cells(screen: &[Vec<(usize, String)>], text: &str) -> Option<(usize, usize)> {
    let want: Vec<String> = text.chars().map(String::from).collect();
    screen.iter().enumerate().find_map(|(y, row)| {
        (0..row.len())
            .find(|&i| {
                row.len() >= i + want.len()
                    && row[i..i + want.len()].iter().map(|c| &c.1).eq(want.iter())
            })
            .map(|i| (y, i))
    })
}

/// The first column at or after `from` in `row` whose symbol is `symbol`.
fn column_of(row: &[(usize, String)], from: usize, symbol: &str) -> usize {
    row.iter()
        .find(|(x, s)| *x >= from && s == symbol)
        .map(|(x, _)| *x)
        .unwrap_or_else(|| panic!("no {symbol:?} after column {from}: {row:?}"))
}

/// `name` shown from its start and cut with `…` in the columns before
/// `end`, the cut text a prefix of the name, and `end` itself blank or a
/// border: the name never runs into the next column.
fn assert_cut_before(
    screen: &[Vec<(usize, String)>],
    name: &str,
    end: impl Fn(&[(usize, String)], usize) -> usize,
) {
    let start: String = name.chars().take(3).collect();
    let (y, i) =
        find_cells(screen, &start).unwrap_or_else(|| panic!("{name:?} not on screen: {screen:?}"));
    let row = &screen[y];
    let x0 = row[i].0;
    let end = end(row, x0);
    let shown: String = row[i..]
        .iter()
        .take_while(|(x, _)| *x < end)
        .map(|(_, s)| s.as_str())
        .collect();
    let kept = shown.trim_end();
    let line: String = row.iter().map(|c| c.1.as_str()).collect();
    assert!(
        kept.ends_with('…'),
        "{name:?} not cut with …: {kept:?}\n{line}"
    );
    let prefix = kept.trim_end_matches('…');
    assert!(
        name.starts_with(prefix),
        "{kept:?} is not {name:?} cut\n{line}"
    );
    let at_end = row.iter().find(|(x, _)| *x == end).map(|c| c.1.as_str());
    assert!(
        matches!(at_end, Some(" " | "│")),
        "{name:?} runs into column {end}: {at_end:?}\n{line}"
    );
}

/// The column where the header title `next` starts, minus the column of
/// space between: where the column before it ends.
fn before_header(screen: &[Vec<(usize, String)>], next: &str) -> usize {
    let (y, i) = find_cells(screen, next).unwrap_or_else(|| panic!("no header {next:?}"));
    screen[y][i].0 - 1
}

#[test]
fn long_names_on_the_board_end_with_an_ellipsis_at_80x24() {
    let (_s, app) = demo_with_long_names(80, 24);
    let screen = screen_cells(&app, 80, 24);
    for name in LONG_NAMES {
        // The toxic column ends at its right border.
        assert_cut_before(&screen, name, |row, x0| column_of(row, x0, "│"));
    }
}

#[test]
fn long_names_in_the_touchpoints_table_end_with_an_ellipsis_at_80x24() {
    let (mut s, mut app) = demo_with_long_names(80, 24);
    press(&mut app, &mut s, Action::SelectPane(Pane::Touchpoints));
    idle(&mut app, &mut s);
    let screen = screen_cells(&app, 80, 24);
    let kind = before_header(&screen, "Kind");
    let next = before_header(&screen, "Next step");
    for name in LONG_NAMES {
        // The client column, then the summary ("name · name") and the next
        // step, each cut to its own column.
        assert_cut_before(&screen, name, |_, _| kind);
        let row = find_cells(&screen, &name.chars().take(3).collect::<String>())
            .map(|(y, _)| y)
            .unwrap();
        let summary_x = before_header(&screen, "Summary") + 1;
        let cells = &screen[row];
        let summary: String = cells
            .iter()
            .filter(|(x, _)| (summary_x..next).contains(x))
            .map(|c| c.1.as_str())
            .collect();
        assert!(summary.trim_end().ends_with('…'), "{summary:?}");
    }
    let _ = next;
}

#[test]
fn long_names_in_the_agreements_table_end_with_an_ellipsis_at_80x24() {
    let (mut s, mut app) = demo_with_long_names(80, 24);
    press(&mut app, &mut s, Action::SelectPane(Pane::Agreements));
    let screen = screen_cells(&app, 80, 24);
    // "Agreement " with its space: the title says "Agreements".
    let text = before_header(&screen, "Agreement ");
    for name in LONG_NAMES {
        assert_cut_before(&screen, name, |_, _| text);
    }
}

#[test]
fn the_header_and_footer_are_cut_with_an_ellipsis() {
    let (mut s, mut app) = demo();
    app.shared.title = LONG_NAMES[2].repeat(3);
    press(&mut app, &mut s, Action::SelectPane(Pane::Portfolio));
    let screen = render(&app, 80, 24);
    let lines: Vec<&str> = screen.lines().collect();
    assert!(lines[0].trim_end().ends_with('…'), "{}", lines[0]);
    // The footer shows whole keys only, help and quit always.
    assert!(lines[23].trim_end().ends_with("q quit"), "{}", lines[23]);
}

#[test]
fn a_board_column_shows_its_amounts_in_one_form() {
    use crate::format::{Locale, money, money_compact};
    let (_s, app) = demo();
    let view = app.shared.portfolio.as_ref().unwrap();
    let top = view.clients.iter().max_by_key(|c| c.revenue_12m).unwrap();
    let board = |screen: &str| -> Vec<String> {
        screen
            .lines()
            .filter(|l| l.starts_with("│  "))
            .map(String::from)
            .collect()
    };
    // Narrow: every amount of every column compact, none in full.
    let narrow = render(&app, 80, 24);
    let compact = format!("  {} ", money_compact(Locale::En, top.revenue_12m));
    assert!(narrow.contains(&compact), "{compact:?}\n{narrow}");
    for line in board(&narrow) {
        assert!(
            !line.contains(".00 "),
            "an amount in full in a narrow column: {line}"
        );
    }
    // Wide: every amount in full, none compact.
    let wide = render(&app, 140, 45);
    let full = format!("  {} ", money(Locale::En, top.revenue_12m));
    assert!(wide.contains(&full), "{full:?}\n{wide}");
    for line in board(&wide) {
        assert!(
            !line.contains("M ") && !line.contains("k "),
            "a compact amount in a wide column: {line}"
        );
    }
}

#[test]
fn the_panes_count_in_words_and_show_iso_dates() {
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::SelectPane(Pane::Plan));
    let screen = render(&app, 120, 40);
    assert!(screen.contains("8 days left"), "{screen}");
    assert!(!screen.contains("(s)"), "{screen}");
    press(&mut app, &mut s, Action::SelectPane(Pane::Review));
    let screen = render(&app, 140, 45);
    assert!(screen.contains("Nov 2026 · 8 days left"), "{screen}");
    // The talking points too (issue 23).
    assert!(screen.contains("across 8 clients;"), "{screen}");
    assert!(!screen.contains("(s)"), "{screen}");
    assert!(
        screen.contains("2026-11-2"),
        "ISO dates in the next 14 days: {screen}"
    );
    press(&mut app, &mut s, Action::SelectPane(Pane::Portfolio));
    press(&mut app, &mut s, Action::OpenCard);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("since last touch"), "{screen}");
    assert!(
        !screen.contains(" %"),
        "one spacing for percentages: {screen}"
    );
}

#[test]
fn a_toast_names_the_month_and_the_amount_as_the_panes_do() {
    let (mut s, mut app) = demo();
    let month = crate::domain::Month::of(today());
    let amount = crate::domain::Money::major(7_250_000);
    let save = super::forms::Save::Target(month, amount);
    run_effects(&mut app, &mut s, vec![Effect::Save(save)]);
    let (msg, error) = app.shared.message.clone().unwrap();
    assert!(!error, "{msg}");
    assert_eq!(msg, "target for Nov 2026: 7 250 000.00");
}

// --- review and layouts ---

/// The review at `w`x`h` on the demo portfolio (the terminal's size known
/// to the keys too, as the event loop makes it).
fn review_at(w: u16, h: u16) -> (Store, App) {
    let (mut s, mut app) = demo();
    update(&mut app, Action::Resize(w, h));
    press(&mut app, &mut s, Action::SelectPane(Pane::Review));
    (s, app)
}

/// Three payments due on 1 December and one on 25 November, in place of
/// the briefing's next days (the demo's today has none due).
fn with_payments(app: &mut App) {
    use crate::domain::Money;
    use crate::domain::briefing::{Due, Upcoming};
    let pay = |day: (u32, u32), client: &str, amount: i64| Upcoming {
        date: NaiveDate::from_ymd_opt(2026, day.0, day.1).unwrap(),
        client: client.into(),
        due: Due::Invoice {
            month: crate::domain::Month::parse("2026-11").unwrap(),
        },
        amount: Some(Money::major(amount)),
    };
    let mut b = app.panes.review.briefing.clone().unwrap();
    b.next_14_days = vec![
        pay((11, 25), "Atlas Legal", 120_000),
        pay((12, 1), "Helios Solar", 6_000_000),
        pay((12, 1), "Orbit Fintech", 600_000),
        pay((12, 1), "Quantum Yoga", 61_000),
    ];
    update(
        app,
        loaded(super::action::Loaded::Pane(super::panes::Reply::Review(b))),
    );
}

#[test]
fn review_groups_a_days_payments_into_one_row() {
    let (_s, mut app) = review_at(140, 45);
    with_payments(&mut app);
    let screen = render(&app, 140, 45);
    assert!(
        screen.contains("2026-12-01 · 3 payments due · 6 661 000.00"),
        "{screen}"
    );
    assert!(
        screen.contains("2026-11-25 · payment due · Atlas Legal · 120 000.00"),
        "{screen}"
    );
    assert!(!screen.contains("Orbit Fintech · 600 000"), "{screen}");
}

#[test]
fn enter_opens_a_days_payments_and_enter_or_esc_closes_them() {
    let (mut s, mut app) = review_at(140, 45);
    with_payments(&mut app);
    // To "Next 14 days", then to the day's row.
    for _ in 0..3 {
        press(&mut app, &mut s, Action::Right);
    }
    press(&mut app, &mut s, Action::Down);
    assert!(render(&app, 140, 45).contains("Enter show the day's payments"));
    press(&mut app, &mut s, Action::OpenCard);
    assert!(app.card.is_none(), "Enter on a day opens no card");
    let screen = render(&app, 140, 45);
    for row in [
        "Helios Solar · 6 000 000",
        "Orbit Fintech · 600 000",
        "Quantum Yoga · 61 000",
    ] {
        assert!(screen.contains(row), "{row}: {screen}");
    }
    assert!(screen.contains("Enter hide the day's payments"), "{screen}");
    // A payment under the day: Enter again closes the day.
    press(&mut app, &mut s, Action::Down);
    press(&mut app, &mut s, Action::OpenCard);
    assert!(app.card.is_none());
    assert!(!render(&app, 140, 45).contains("Orbit Fintech · 600 000"));
    // Open again; Esc closes it.
    press(&mut app, &mut s, Action::OpenCard);
    assert!(render(&app, 140, 45).contains("Orbit Fintech · 600 000"));
    press(&mut app, &mut s, Action::Back);
    assert!(!render(&app, 140, 45).contains("Orbit Fintech · 600 000"));
    // A single payment: Enter opens its client's card.
    press(&mut app, &mut s, Action::Top);
    press(&mut app, &mut s, Action::OpenCard);
    let atlas = app
        .shared
        .names
        .iter()
        .find(|(_, n)| *n == "Atlas Legal")
        .map(|(id, _)| *id);
    assert_eq!(app.card.as_ref().map(|c| c.client_id), atlas);
}

/// The last words of the last talking point (wrapped, not cut) come on
/// screen at 80x24 by scrolling the focused section.
#[test]
fn review_scrolls_to_the_last_talking_point_at_80x24() {
    let (mut s, mut app) = review_at(80, 24);
    let b = app.panes.review.briefing.clone().unwrap();
    let points: Vec<String> = b
        .talking_points
        .iter()
        .map(|t| crate::format::briefing::talking_point(crate::format::Locale::En, &b.currency, t))
        .collect();
    assert!(points.len() > 3, "{points:?}");
    let last_word = points.last().unwrap().split_whitespace().last().unwrap();
    let screen = render(&app, 80, 24);
    assert!(!screen.contains(last_word), "{screen}");
    assert!(screen.contains('▼'), "a scrollbar: {screen}");
    press(&mut app, &mut s, Action::Right);
    assert_eq!(
        app.panes.review.focus,
        super::panes::review::Section::Points
    );
    press(&mut app, &mut s, Action::Bottom);
    let screen = render(&app, 80, 24);
    assert!(screen.contains(last_word), "{last_word}: {screen}");
    // Each point's words all on screen, in order, none cut.
    let words: Vec<&str> = points.last().unwrap().split_whitespace().collect();
    // The left column's text (the points' box is 44 wide at 80).
    let left: Vec<String> = screen
        .lines()
        .map(|l| l.chars().take(43).collect())
        .collect();
    let shown: Vec<&str> = left
        .iter()
        .flat_map(|l| l.split(['│', '•', '▲', '▼', '█', '║']))
        .flat_map(str::split_whitespace)
        .collect();
    assert!(
        shown.windows(words.len()).any(|w| w == words.as_slice()),
        "{words:?}\n{screen}"
    );
    // j/k and PgUp move back up.
    press(&mut app, &mut s, Action::PageUp);
    press(&mut app, &mut s, Action::Top);
    assert_eq!(app.panes.review.point, 0);
}

/// The 12 months' chart: a 100 % line, each month's value and name; a
/// month a hair above zero draws a sliver, a month at zero nothing.
#[test]
fn review_chart_has_a_hundred_line_values_labels_and_tiny_bars() {
    let (_s, mut app) = review_at(80, 24);
    let mut b = app.panes.review.briefing.clone().unwrap();
    b.plan.previous[0].attainment_bp = Some(30); // 0.3 %
    b.plan.previous[1].attainment_bp = Some(0);
    update(
        &mut app,
        loaded(super::action::Loaded::Pane(super::panes::Reply::Review(
            b.clone(),
        ))),
    );
    let screen = render(&app, 80, 24);
    let lines: Vec<&str> = screen.lines().collect();
    assert!(screen.contains("100 %"), "{screen}");
    // Today is 2026-11-23: December 2025 to November 2026.
    let labels = lines
        .iter()
        .position(|l| l.contains("Dec Jan Feb") && l.contains("Nov"))
        .unwrap_or_else(|| panic!("month names: {screen}"));
    let values: Vec<&str> = lines[labels - 1].split_whitespace().collect();
    let third = (b.plan.previous[2].attainment_bp.unwrap() / 100).to_string();
    assert!(
        values.windows(3).any(|w| w == ["<1", "0", third.as_str()]),
        "{values:?}"
    );
    // The bottom bar row: the tiny month's column has a sliver, the zero
    // month's is blank; the line is in a row above.
    let col = |line: &str, at: usize| line.chars().nth(at).unwrap_or(' ');
    let dec = lines[labels].chars().position(|c| c == 'D').unwrap();
    let jan = lines[labels].chars().position(|c| c == 'J').unwrap();
    let bottom = lines[labels - 2];
    assert_eq!(col(bottom, dec), '▁', "{screen}");
    assert_eq!(col(bottom, jan), ' ', "{screen}");
    assert!(
        lines[..labels - 2]
            .iter()
            .any(|l| l.contains("─▁▁▁─") || l.contains("────")),
        "the 100 % line: {screen}"
    );
}

/// Rows of each pane's main list at 80x24.
#[test]
fn every_pane_shows_its_main_list_at_80x24() {
    let (mut s, mut app) = demo();
    update(&mut app, Action::Resize(80, 24));
    let count =
        |screen: &str, pred: &dyn Fn(&str) -> bool| screen.lines().filter(|l| pred(l)).count();
    let screen = render(&app, 80, 24);
    let names = app
        .shared
        .names
        .values()
        .filter(|n| screen.contains(n.as_str()))
        .count();
    assert!(names >= 15, "board: {names} clients\n{screen}");
    press(&mut app, &mut s, Action::SelectPane(Pane::Touchpoints));
    idle(&mut app, &mut s);
    let screen = render(&app, 80, 24);
    assert!(
        count(&screen, &|l| l.starts_with("│2026-")) >= 15,
        "log: {screen}"
    );
    press(&mut app, &mut s, Action::SelectPane(Pane::Agreements));
    let screen = render(&app, 80, 24);
    let statuses = ["│OVERDUE", "│open", "│kept", "│broken", "│cancelled"];
    assert!(
        count(&screen, &|l| statuses.iter().any(|st| l.starts_with(st))) >= 15,
        "agreements: {screen}"
    );
    press(&mut app, &mut s, Action::SelectPane(Pane::Plan));
    let screen = render(&app, 80, 24);
    let view = app.panes.plan.view.clone().unwrap();
    let rows = view
        .plan
        .clients
        .iter()
        .filter(|c| screen.contains(view.name(c.client_id)))
        .count();
    assert!(rows >= 4, "plan: {rows} clients\n{screen}");
    press(&mut app, &mut s, Action::SelectPane(Pane::Review));
    let screen = render(&app, 80, 24);
    let b = app.panes.review.briefing.clone().unwrap();
    let risk = b
        .at_risk
        .iter()
        .filter(|r| screen.contains(&r.client))
        .count();
    let reasons = screen.lines().filter(|l| l.starts_with("│   ")).count();
    assert!(risk >= 1 && risk + reasons >= 6, "review: {screen}");
    assert!(screen.contains("Talking points") && screen.contains("Next 14 days"));
}

/// At 200x60 the room goes to more columns: the agreements' dates made and
/// closed, the plan's forecast and each client's 12 months, the review's
/// talking points beside the clients at risk.
#[test]
fn a_wide_terminal_shows_more_columns() {
    let (mut s, mut app) = demo();
    for (pane, column) in [
        (Pane::Agreements, "Made"),
        (Pane::Plan, "Forecast"),
        (Pane::Plan, "Revenue 12m"),
    ] {
        press(&mut app, &mut s, Action::SelectPane(pane));
        update(&mut app, Action::Resize(80, 24));
        // The table's header row (the plan's figures say "Forecast" too).
        let header = |screen: &str| {
            let row = screen
                .lines()
                .find(|l| l.contains("│Status") || l.contains("│Client"));
            row.unwrap_or_default().to_string()
        };
        assert!(
            !header(&render(&app, 80, 24)).contains(column),
            "{column} at 80"
        );
        update(&mut app, Action::Resize(200, 60));
        let screen = render(&app, 200, 60);
        assert!(
            header(&screen).contains(column),
            "{column} at 200: {screen}"
        );
    }
    press(&mut app, &mut s, Action::SelectPane(Pane::Review));
    let side_by_side = |screen: &str| {
        screen
            .lines()
            .any(|l| l.contains("At risk") && l.contains("Talking points"))
    };
    assert!(side_by_side(&render(&app, 200, 60)));
    update(&mut app, Action::Resize(80, 24));
    assert!(!side_by_side(&render(&app, 80, 24)));
}

/// The plan's client column is as wide as the longest name (display
/// width), not the rest of the screen; a name past the cap ends in `…`.
#[test]
fn the_plan_client_column_fits_the_longest_name() {
    use unicode_width::UnicodeWidthStr;
    let (mut s, mut app) = demo();
    press(&mut app, &mut s, Action::SelectPane(Pane::Plan));
    update(&mut app, Action::Resize(200, 60));
    let view = app.panes.plan.view.clone().unwrap();
    let longest = view
        .plan
        .clients
        .iter()
        .map(|c| view.name(c.client_id).width())
        .max()
        .unwrap();
    let screen = render(&app, 200, 60);
    let header = screen.lines().find(|l| l.contains("│Client")).unwrap();
    let gap = |h: &str| h.find("Expected").unwrap() - h.find("Client").unwrap();
    // Header titles are ASCII: bytes are columns; one column between cells.
    assert_eq!(gap(header), longest + 1, "{header}");
    // A long name: capped, with an ellipsis.
    let mut view = view.clone();
    let first = view.plan.clients[0].client_id;
    view.names
        .insert(first, "Очень длинное название клиента ".repeat(4));
    update(
        &mut app,
        loaded(super::action::Loaded::Pane(super::panes::Reply::Plan(view))),
    );
    let screen = render(&app, 200, 60);
    let header = screen.lines().find(|l| l.contains("│Client")).unwrap();
    assert!(gap(header) < 60, "{header}");
    assert!(
        screen.contains("клиента…") || screen.contains('…'),
        "{screen}"
    );
}

/// The review draws at any size with any section focused and any row
/// selected, a day's payments open or not, without a panic.
#[test]
fn review_draws_at_every_size_and_focus() {
    let (mut s, mut app) = review_at(80, 24);
    with_payments(&mut app);
    for (w, h) in [
        (60, 16),
        (61, 17),
        (80, 24),
        (100, 20),
        (150, 30),
        (200, 60),
        (300, 8),
    ] {
        update(&mut app, Action::Resize(w, h));
        for _ in 0..4 {
            press(&mut app, &mut s, Action::Right);
            for action in [
                Action::Bottom,
                Action::PageUp,
                Action::OpenCard,
                Action::Down,
            ] {
                press(&mut app, &mut s, action);
                press(&mut app, &mut s, Action::Back);
                render(&app, w, h);
            }
        }
    }
}

/// PgDn in a section moves by the items that fit in its box (more than
/// one, fewer than all), and the row it lands on is on screen.
#[test]
fn review_page_down_moves_by_a_box_of_items() {
    let (mut s, mut app) = review_at(140, 45);
    press(&mut app, &mut s, Action::PageDown);
    let moved = app.panes.review.selected;
    let total = app.panes.review.briefing.as_ref().unwrap().at_risk.len();
    assert!(moved > 1 && moved < total - 1, "{moved} of {total}");
    let name = app.panes.review.briefing.as_ref().unwrap().at_risk[moved]
        .client
        .clone();
    assert!(render(&app, 140, 45).contains(&name), "{name}");
    press(&mut app, &mut s, Action::PageUp);
    assert_eq!(app.panes.review.selected, 0);
}

/// A box too short for its arrows still shows a scrollbar when its lines
/// do not all fit (the tier move's reason at 80x24, the focus elsewhere).
#[test]
fn a_short_review_box_still_shows_its_scrollbar() {
    let (mut s, mut app) = review_at(80, 24);
    for _ in 0..3 {
        press(&mut app, &mut s, Action::Right);
    }
    let screen = render(&app, 80, 24);
    let lines: Vec<&str> = screen.lines().collect();
    let title = lines.iter().position(|l| l.contains("Tier moves")).unwrap();
    let (a, b) = (lines[title + 1], lines[title + 2]);
    assert!(lines[title + 3].contains('└'), "two rows: {screen}");
    let bar = |l: &str| l.ends_with('█') || l.ends_with('║');
    assert!(bar(a) && bar(b), "{screen}");
}

// --- mouse, legend, help ---

/// Where `needle` is drawn on `screen` (column, row).
fn spot_of(screen: &str, needle: &str) -> (u16, u16) {
    for (y, line) in screen.lines().enumerate() {
        if let Some(i) = line.find(needle) {
            let x = unicode_width::UnicodeWidthStr::width(&line[..i]);
            return (x as u16, y as u16);
        }
    }
    panic!("{needle:?} is not on the screen:\n{screen}");
}

/// A mouse event as the terminal sends it, through the runner's mapping;
/// its action performed.
fn mouse(
    app: &mut App,
    store: &mut Store,
    kind: crossterm::event::MouseEventKind,
    at: (u16, u16),
    now: std::time::Instant,
) {
    let ev = crossterm::event::MouseEvent {
        kind,
        column: at.0,
        row: at.1,
        modifiers: crossterm::event::KeyModifiers::NONE,
    };
    if let Some(action) = super::mouse_action(app, &ev, now) {
        press(app, store, action);
    }
}

#[test]
fn a_click_selects_a_client_a_double_click_opens_its_card_and_tabs_click() {
    use crossterm::event::{MouseButton, MouseEventKind};
    let (mut s, mut app) = demo();
    let click = MouseEventKind::Down(MouseButton::Left);
    let t0 = std::time::Instant::now();
    let later = |ms| t0 + std::time::Duration::from_millis(ms);
    let view = app.shared.portfolio.clone().unwrap();
    let second = &view.clients[app.panes.portfolio.columns[1][1]].client;
    let screen = render(&app, 120, 40);
    let at = spot_of(&screen, &second.name);
    assert_eq!(app.panes.portfolio.column, 0);
    mouse(&mut app, &mut s, click, at, t0);
    assert_eq!(
        app.panes.portfolio.column, 1,
        "the click focused the column"
    );
    assert_eq!(app.selected_client(), Some(second.id));
    assert!(app.card.is_none());
    // The second click on the same cell: Enter, the card.
    render(&app, 120, 40);
    mouse(&mut app, &mut s, click, at, later(150));
    assert_eq!(app.card.as_ref().map(|c| c.client_id), Some(second.id));
    // A click on a tab opens its pane (and closes the card).
    let screen = render(&app, 120, 40);
    let tab = spot_of(&screen, "4 Plan");
    mouse(&mut app, &mut s, click, tab, later(2000));
    assert_eq!(app.pane, Pane::Plan);
    assert!(app.card.is_none());
    // The wheel moves the list under the pointer; a click picks a row.
    let screen = render(&app, 120, 40);
    let plan = app.panes.plan.view.as_ref().unwrap();
    let first = app.shared.name(plan.plan.clients[0].client_id).to_string();
    let border = spot_of(&screen, &format!("│{first} "));
    let first_row = (border.0 + 1, border.1);
    mouse(
        &mut app,
        &mut s,
        MouseEventKind::ScrollDown,
        first_row,
        later(3000),
    );
    assert_eq!(app.panes.plan.selected, 1);
    render(&app, 120, 40);
    mouse(
        &mut app,
        &mut s,
        click,
        (first_row.0, first_row.1 + 2),
        later(4000),
    );
    assert_eq!(app.panes.plan.selected, 2);
    // Mouse off (the person's config): clicks do nothing.
    app.shared.mouse = false;
    render(&app, 120, 40);
    mouse(&mut app, &mut s, click, first_row, later(5000));
    assert_eq!(app.panes.plan.selected, 2);
}

#[test]
fn the_wheel_scrolls_the_card_and_help_and_clicks_never_reach_a_form() {
    use crossterm::event::{MouseButton, MouseEventKind};
    let (mut s, mut app) = demo();
    let t0 = std::time::Instant::now();
    press(&mut app, &mut s, Action::OpenCard);
    render(&app, 80, 24);
    app.set_size(80, 24);
    mouse(&mut app, &mut s, MouseEventKind::ScrollDown, (10, 10), t0);
    assert_eq!(app.card.as_ref().map(|c| c.scroll), Some(1));
    press(&mut app, &mut s, Action::Back);
    // A form open: a click on a tab does not switch panes under it.
    press(&mut app, &mut s, Action::Add);
    let screen = render(&app, 80, 24);
    let tab = spot_of(&screen, "2 Touchpoints");
    mouse(
        &mut app,
        &mut s,
        MouseEventKind::Down(MouseButton::Left),
        tab,
        t0,
    );
    assert!(matches!(app.shared.mode, Mode::Form(_)));
    assert_eq!(app.pane, Pane::Portfolio);
}

/// The frame at 120x40 with its styles (a selection is a style).
fn frame(app: &App) -> ratatui::buffer::Buffer {
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| draw(app, Theme { color: true }, f)).unwrap();
    t.backend().buffer().clone()
}

/// Issue 22: the footer and `?` list only keys that do something in the
/// pane: on the demo, every key in a pane's (or the card's) table changes
/// the screen, asks the store for something or quits, and none answers
/// "nothing to … here".
#[test]
fn every_key_the_footer_and_help_list_does_something_in_its_pane() {
    // Only reads run here (the action's own effects are not performed),
    // so one demo serves every pane and key.
    let (mut s, demo_app) = demo();
    for &pane in Pane::ALL {
        for card in [false, true] {
            let mut base = demo_app.clone();
            press(&mut base, &mut s, Action::SelectPane(pane));
            idle(&mut base, &mut s);
            if card {
                press(&mut base, &mut s, Action::OpenCard);
                assert!(base.card.is_some(), "{pane:?}: a card opens");
            }
            // Off the first row, so moving up has something to do.
            press(&mut base, &mut s, Action::Down);
            press(&mut base, &mut s, Action::Down);
            for bd in super::keys::bindings(&Mode::Normal, pane, card) {
                let action = bd.action;
                // Suspend is the runner's; the pane's own number is no change.
                if bd.label.is_empty()
                    || action == Action::Suspend
                    || action == Action::SelectPane(pane)
                {
                    continue;
                }
                let mut app = base.clone();
                // A filter to clear, so clearing has something to do.
                if action == Action::Back && !card {
                    press(&mut app, &mut s, Action::StartFilter);
                    press(&mut app, &mut s, Action::FilterInput('a'));
                    press(&mut app, &mut s, Action::FilterDone);
                    idle(&mut app, &mut s);
                }
                let before = frame(&app);
                let effects = update(&mut app, action);
                let after = frame(&app);
                let what = format!("{pane:?} card {card}: {} ({})", bd.label, bd.help);
                assert!(
                    app.quit || !effects.is_empty() || before != after,
                    "{what} does nothing"
                );
                let said = app.shared.message.as_ref().map(|m| m.0.clone());
                assert!(
                    !said.as_deref().unwrap_or("").starts_with("nothing to"),
                    "{what}: {said:?}"
                );
            }
        }
    }
}

/// Issue 22: the board explains its marks in a line above it and in `?`,
/// and "overdue" on the board says it counts agreements.
#[test]
fn the_board_has_a_legend_above_it_and_in_help() {
    let (mut s, mut app) = demo();
    let wide = render(&app, 140, 45);
    assert!(
        wide.contains("~ due, ! past cadence") && wide.contains("agreements: overdue · broken"),
        "{wide}"
    );
    assert!(wide.contains("agr. overdue"), "{wide}");
    let narrow = render(&app, 80, 24);
    let legend = narrow.lines().nth(2).unwrap();
    assert!(legend.contains("~ due, ! past cadence"), "{narrow}");
    assert!(
        !legend.contains('…'),
        "the legend fits 80 columns: {legend}"
    );
    // Without the agreements' word, "overdue" stays for money.
    for line in wide.lines().skip(3) {
        assert!(
            !line.contains(" overdue") || line.contains("agr. overdue"),
            "{line}"
        );
    }
    press(&mut app, &mut s, Action::Help);
    let help = help_text(&app, 140, 45);
    for words in [
        "past cadence",
        "a touch is due today",
        "open agreements past their due date",
        "Shift-drag",
    ] {
        assert!(help.contains(words), "{words}: {help}");
    }
    // Elsewhere the legend is not in help, and without the mouse neither
    // is the mouse.
    press(&mut app, &mut s, Action::Back);
    press(&mut app, &mut s, Action::SelectPane(Pane::Plan));
    app.shared.mouse = false;
    press(&mut app, &mut s, Action::Help);
    let help = help_text(&app, 140, 45);
    assert!(
        !help.contains("past cadence") && !help.contains("Shift-drag"),
        "{help}"
    );
    assert!(help.contains("set the month's target"), "{help}");
}

/// Issue 22: the footer shows the keys of the mode: a form's, a filter's,
/// a question's, not the pane's; help and quit always fit.
#[test]
fn the_footer_follows_the_mode() {
    let (mut s, mut app) = demo();
    let footer = |app: &App, w, h| render(app, w, h).lines().last().unwrap().to_string();
    let board = footer(&app, 80, 24);
    assert!(
        board.contains("? help") && board.contains("q quit"),
        "{board}"
    );
    press(&mut app, &mut s, Action::StartFilter);
    let filter = footer(&app, 120, 40);
    assert!(
        filter.contains("filter:") && filter.contains("Ctrl-W delete a word"),
        "{filter}"
    );
    assert!(!filter.contains("q quit"), "q is text here: {filter}");
    press(&mut app, &mut s, Action::FilterClear);
    press(&mut app, &mut s, Action::Add);
    let form = footer(&app, 120, 40);
    assert!(
        form.contains("Enter save") && form.contains("Esc cancel"),
        "{form}"
    );
    assert!(!form.contains("sort by"), "{form}");
    press(&mut app, &mut s, Action::FormCancel);
    app.shared.message = None;
    press(&mut app, &mut s, Action::Delete);
    let confirm = footer(&app, 120, 40);
    assert!(
        confirm.contains("y yes") && confirm.contains("n/Esc no"),
        "{confirm}"
    );
    press(&mut app, &mut s, Action::ConfirmNo);
    app.shared.message = None;
    press(&mut app, &mut s, Action::OpenCard);
    let card = footer(&app, 80, 24);
    assert!(card.contains("Esc back to the list"), "{card}");
    assert!(!card.contains("Enter"), "{card}");
}

/// Issue 22: a click on a contact in the card marks it (E and D then act
/// on it), also with the card scrolled.
#[test]
fn a_click_on_a_contact_in_the_card_marks_it() {
    use crossterm::event::{MouseButton, MouseEventKind};
    let (mut s, mut app) = demo();
    let view = app.shared.portfolio.clone().unwrap();
    let mut found = None;
    for c in &view.clients {
        let card = crate::ops::views::client_card(&mut s, &c.client, today()).unwrap();
        if card.contacts.len() >= 2 {
            found = Some((c.client.id, card.contacts[1].name.clone()));
            break;
        }
    }
    let (id, second) = found.expect("a demo client with two contacts");
    press(&mut app, &mut s, Action::Resize(100, 20));
    app.card = Some(super::panes::card::Card::new(id));
    run_effects(&mut app, &mut s, vec![Effect::LoadCard(id)]);
    let t0 = std::time::Instant::now();
    let click = MouseEventKind::Down(MouseButton::Left);
    let screen = render(&app, 100, 20);
    let at = spot_of(&screen, &second);
    mouse(&mut app, &mut s, click, at, t0);
    let card = app.card.as_ref().unwrap();
    assert_eq!(card.contact, 1);
    assert_eq!(
        card.marked_contact().map(|c| c.name.clone()),
        Some(second.clone())
    );
    // Scrolled by a line, the contact is a row higher and still found.
    press(&mut app, &mut s, Action::Top);
    press(&mut app, &mut s, Action::NextContact);
    press(&mut app, &mut s, Action::Down);
    let screen = render(&app, 100, 20);
    let at2 = spot_of(&screen, &second);
    assert_eq!(at2.1 + 1, at.1, "{screen}");
    mouse(
        &mut app,
        &mut s,
        click,
        at2,
        t0 + std::time::Duration::from_secs(2),
    );
    assert_eq!(app.card.as_ref().unwrap().contact, 1);
}

/// Issue 22: the wheel over a board column scrolls that column (not the
/// focused one) and focuses it.
#[test]
fn the_wheel_scrolls_the_board_column_under_the_pointer() {
    use crossterm::event::MouseEventKind;
    let (mut s, mut app) = demo();
    let t0 = std::time::Instant::now();
    let screen = render(&app, 120, 40);
    let toxic = spot_of(&screen, "TOXIC");
    let inside = (toxic.0, toxic.1 + 3);
    mouse(&mut app, &mut s, MouseEventKind::ScrollDown, inside, t0);
    assert_eq!(app.panes.portfolio.column, 2);
    assert_eq!(app.panes.portfolio.selected[2], 1);
    assert_eq!(app.panes.portfolio.selected[0], 0, "gold did not move");
    render(&app, 120, 40);
    mouse(&mut app, &mut s, MouseEventKind::ScrollUp, inside, t0);
    assert_eq!(app.panes.portfolio.selected[2], 0);
}

/// Issue 22: in the client picker a click selects a match and a double
/// click opens its card; the pane under the picker takes no click.
#[test]
fn a_double_click_in_the_picker_opens_the_card() {
    use crossterm::event::{MouseButton, MouseEventKind};
    let (mut s, mut app) = demo();
    let t0 = std::time::Instant::now();
    let click = MouseEventKind::Down(MouseButton::Left);
    press(&mut app, &mut s, Action::OpenPicker);
    let Mode::Picker(p) = &app.shared.mode else {
        panic!("{:?}", app.shared.mode)
    };
    let (second, name) = p.matches(&app.shared)[1];
    let name = name.to_string();
    let screen = render(&app, 120, 40);
    let at = spot_of(&screen, &format!(" {name}"));
    let at = (at.0 + 1, at.1);
    // Outside the picker box: nothing (the board under it is not clicked).
    mouse(&mut app, &mut s, click, (1, 5), t0);
    assert!(matches!(app.shared.mode, Mode::Picker(_)));
    assert_eq!(app.panes.portfolio.selected, [0; 3]);
    render(&app, 120, 40);
    mouse(
        &mut app,
        &mut s,
        click,
        at,
        t0 + std::time::Duration::from_secs(1),
    );
    let Mode::Picker(p) = &app.shared.mode else {
        panic!("{:?}", app.shared.mode)
    };
    assert_eq!(p.selected, 1);
    render(&app, 120, 40);
    mouse(
        &mut app,
        &mut s,
        click,
        at,
        t0 + std::time::Duration::from_millis(1200),
    );
    assert_eq!(app.card.as_ref().map(|c| c.client_id), Some(second));
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

/// Issue 23: with Russian chosen, the chrome (tabs, header, footer, help)
/// is Russian and its values in Russian formats; an App built directly
/// (as the snapshots are) speaks English.
#[test]
fn the_chrome_speaks_the_chosen_language() {
    let (mut s, mut app) = demo();
    assert_eq!(app.shared.locale, crate::format::Locale::En);
    let en = render(&app, 120, 40);
    assert!(
        en.contains("1 Portfolio") && en.contains("today 2026-11-23"),
        "{en}"
    );
    app.shared.locale = crate::format::Locale::Ru;
    let ru = render(&app, 120, 40);
    for word in [
        "1 Портфель",
        "2 Касания",
        "3 Договорённости",
        "4 План",
        "5 Обзор",
        "сегодня 23.11.2026",
        "ноябрь 2026: план",
        "справка",
        "выход",
    ] {
        assert!(ru.contains(word), "{word} not in\n{ru}");
    }
    assert!(!ru.contains("Portfolio") && !ru.contains("today"), "{ru}");
    press(&mut app, &mut s, Action::Help);
    let help = render(&app, 120, 40);
    assert!(help.contains("Клавиши: Портфель"), "{help}");
    assert!(
        help.contains("сменить категорию клиента (с причиной)"),
        "{help}"
    );
    // Every size down to the smallest draws without a panic.
    for (w, h) in [(80, 24), (60, 16), (30, 10)] {
        let small = render(&app, w, h);
        assert!(!small.contains("Keys:"), "{small}");
    }
}

/// Issue 23: with Russian chosen, each pane's contents (titles, column
/// headers, the domain's words, the board's legend, the card) are Russian:
/// its Russian words are there, and none of the English ones it had.
#[test]
fn every_pane_speaks_russian() {
    // (what to open, Russian words expected, English words that must be gone)
    let cases: [(Pane, bool, &[&str], &[&str]); 6] = [
        (
            Pane::Portfolio,
            false,
            &[
                "ЗОЛОТЫЕ",
                "ПЕРСПЕКТИВНЫЕ",
                "ТОКСИЧНЫЕ",
                "сортировка: выручка",
                "доля",
            ],
            &[
                "GOLD",
                "POTENTIAL",
                "TOXIC",
                "sort:",
                "revenue",
                "(paused)",
                "never",
            ],
        ),
        (
            Pane::Portfolio,
            true,
            &[
                "Карточка клиента",
                "Контакты",
                "История категорий",
                "Последние касания",
                "частота касаний",
            ],
            &[
                "Client card",
                "Contacts",
                "Tier history",
                "since last touch",
                "cadence",
                "due ",
                "balance",
                "gold",
                "RUB",
            ],
        ),
        (
            Pane::Touchpoints,
            false,
            &["Касания", "Дата", "Клиент", "Следующий шаг", "звонок"],
            &["Touchpoints", "Date", "Client", "Kind", "Summary", "1 of "],
        ),
        (
            Pane::Agreements,
            false,
            &[
                "Договорённости",
                "открытых:",
                "ПРОСРОЧЕНА",
                "За кем",
                "за нами",
            ],
            &[
                "Agreements",
                "OVERDUE",
                "Owed by",
                "Status",
                " open,",
                "shown",
            ],
        ),
        (
            Pane::Plan,
            false,
            &[
                "Поступило",
                "Не оплачено",
                "Прогноз",
                "Клиенты, ноябрь 2026",
                "мес.: поступило",
            ],
            &[
                "Target",
                "Received",
                "Outstanding",
                "Forecast",
                "Clients in",
                "months:",
                "RUB",
            ],
        ),
        (
            Pane::Review,
            false,
            &[
                "Под риском",
                "О чём поговорить",
                "Ближайшие 14 дней",
                "поступило",
            ],
            &[
                "At risk",
                "Talking points",
                "Tier moves",
                "Next 14 days",
                " gold ",
                "potential",
                " left ",
            ],
        ),
    ];
    for (pane, card, russian, english) in cases {
        let (mut s, mut app) = demo();
        app.shared.locale = crate::format::Locale::Ru;
        press(&mut app, &mut s, Action::SelectPane(pane));
        if card {
            press(&mut app, &mut s, Action::OpenCard);
        }
        let screen = render(&app, 140, 45);
        for word in russian {
            assert!(screen.contains(word), "{word} not in\n{screen}");
        }
        for word in english {
            assert!(!screen.contains(word), "English {word} left in\n{screen}");
        }
    }
}

/// Issue 23: in Russian, a toast and what `u` says it undid are Russian,
/// with amounts in the Russian form (the toasts used English before).
#[test]
fn toasts_speak_russian_with_russian_amounts() {
    let (mut s, mut app) = demo();
    app.shared.locale = crate::format::Locale::Ru;
    press(&mut app, &mut s, Action::SelectPane(Pane::Plan));
    let last = app.panes.plan.view.as_ref().unwrap().plan.clients.len() - 1;
    let client = app.panes.plan.view.as_ref().unwrap().plan.clients[last].client_id;
    let name = app.name(client).to_string();
    press(&mut app, &mut s, Action::Add);
    press(&mut app, &mut s, Action::FormDeleteLine);
    typed(&mut app, &mut s, &name);
    press(&mut app, &mut s, Action::FormNext);
    press(&mut app, &mut s, Action::FormNext);
    typed(&mut app, &mut s, "1250000");
    press(&mut app, &mut s, Action::FormSubmit);
    assert_eq!(
        message(&app),
        format!("Записано поступление 1\u{202f}250\u{202f}000,00 от {name}")
    );
    press(&mut app, &mut s, Action::Undo);
    assert_eq!(
        message(&app),
        format!("Отменено: поступление 1\u{202f}250\u{202f}000,00 от {name} (удалено)")
    );
}

/// Issue 23: a form in Russian: its title, labels, choices and checks.
#[test]
fn a_form_speaks_russian() {
    let (mut s, mut app) = demo();
    app.shared.locale = crate::format::Locale::Ru;
    press(&mut app, &mut s, Action::SelectPane(Pane::Agreements));
    press(&mut app, &mut s, Action::Add);
    press(&mut app, &mut s, Action::FormDeleteLine);
    typed(&mut app, &mut s, "zzz");
    let screen = render(&app, 120, 40);
    for word in [
        "Новая договорённость",
        "За кем",
        "‹ за нами ›",
        "нет такого клиента",
    ] {
        assert!(screen.contains(word), "{word} not in\n{screen}");
    }
    for word in [
        "Record an agreement",
        "Owed by",
        "no such client",
        "Made on",
    ] {
        assert!(!screen.contains(word), "English {word} left in\n{screen}");
    }
}

/// `w` writes the briefing in the TUI's language.
#[test]
fn the_review_writes_the_briefing_in_the_tuis_language() {
    let (mut s, mut app) = demo();
    let dir = tempfile::tempdir().unwrap();
    app.shared.report_dir = dir.path().to_path_buf();
    app.shared.locale = crate::format::Locale::Ru;
    press(&mut app, &mut s, Action::SelectPane(Pane::Review));
    press(&mut app, &mut s, Action::WriteReport);
    press(&mut app, &mut s, Action::FormSubmit);
    let md = std::fs::read_to_string(dir.path().join("briefing-2026-11.md")).unwrap();
    assert!(md.starts_with("# Сводка к встрече один на один"), "{md}");
}

/// Issue 23: writing the briefing speaks Russian from the prompt to the
/// toast, and so does the question before replacing the file.
#[test]
fn writing_the_briefing_speaks_russian() {
    let (mut s, mut app) = demo();
    let dir = tempfile::tempdir().unwrap();
    app.shared.report_dir = dir.path().to_path_buf();
    app.shared.locale = crate::format::Locale::Ru;
    press(&mut app, &mut s, Action::SelectPane(Pane::Review));
    press(&mut app, &mut s, Action::WriteReport);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Записать сводку в файл"), "{screen}");
    press(&mut app, &mut s, Action::FormSubmit);
    assert!(
        message(&app).starts_with("сводка записана в "),
        "{}",
        message(&app)
    );
    press(&mut app, &mut s, Action::WriteReport);
    press(&mut app, &mut s, Action::FormSubmit);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("уже есть. Заменить его?"), "{screen}");
    assert!(!screen.contains("exists"), "{screen}");
}

/// A tier move whose line is too narrow (Russian tier words at 80x24)
/// puts the tiers under the client's name: neither is cut.
#[test]
fn a_tier_move_too_wide_for_its_line_wraps_instead_of_cutting() {
    let (mut s, mut app) = demo();
    app.shared.locale = crate::format::Locale::Ru;
    press(&mut app, &mut s, Action::SelectPane(Pane::Review));
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Silverline Hotels"), "{screen}");
    assert!(screen.contains("перспективные → золотые"), "{screen}");
}

/// Issue 23: in Russian a form's dates are filled in the Russian form
/// (23.11.2026), and saved as the date they say.
#[test]
fn a_russian_form_fills_its_dates_in_the_russian_form() {
    let (mut s, mut app) = demo();
    app.shared.locale = crate::format::Locale::Ru;
    press(&mut app, &mut s, Action::SelectPane(Pane::Plan));
    press(&mut app, &mut s, Action::Add);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Дата 23.11.2026"), "{screen}");
    assert!(!screen.contains("2026-11-23"), "{screen}");
    press(&mut app, &mut s, Action::FormNext);
    press(&mut app, &mut s, Action::FormNext);
    typed(&mut app, &mut s, "1000");
    press(&mut app, &mut s, Action::FormSubmit);
    assert!(
        message(&app).starts_with("Записано поступление"),
        "{}",
        message(&app)
    );
    let stored = crate::ops::payments(&s, None, None).unwrap();
    let newest = stored.iter().max_by_key(|p| p.id).unwrap();
    assert_eq!(newest.on.to_string(), "2026-11-23");
    assert_eq!(newest.amount, crate::domain::Money::major(1000));
}

/// Issue 23: in Russian an amount to edit is filled with a decimal comma.
#[test]
fn a_russian_form_fills_amounts_with_a_decimal_comma() {
    let (mut s, mut app) = demo();
    app.shared.locale = crate::format::Locale::Ru;
    press(&mut app, &mut s, Action::SelectPane(Pane::Plan));
    press(&mut app, &mut s, Action::SetTarget);
    let target = app
        .panes
        .plan
        .view
        .as_ref()
        .unwrap()
        .plan
        .figures
        .target
        .unwrap();
    let screen = render(&app, 120, 40);
    let shown = target.to_plain().replace('.', ",");
    assert!(
        screen.contains(&format!("План {shown}")),
        "{shown} not in\n{screen}"
    );
    // The month in figures as Russian writes it, read back on saving; the
    // title names it in words, as the toast does.
    assert!(screen.contains("Месяц 11.2026"), "{screen}");
    assert!(screen.contains("План на ноябрь 2026"), "{screen}");
    press(&mut app, &mut s, Action::FormDeleteLine);
    typed(&mut app, &mut s, "777");
    press(&mut app, &mut s, Action::FormSubmit);
    let plan = &app.panes.plan.view.as_ref().unwrap().plan;
    assert_eq!(plan.figures.target, Some(crate::domain::Money::major(777)));
}

/// Issue 23: a value a form cannot read is said in Russian under its
/// field (a date, an amount), before and after trying to save.
#[test]
fn a_bad_date_in_a_form_is_said_in_russian() {
    let (mut s, mut app) = demo();
    app.shared.locale = crate::format::Locale::Ru;
    press(&mut app, &mut s, Action::SelectPane(Pane::Plan));
    let client = app.panes.plan.view.as_ref().unwrap().plan.clients[0].client_id;
    let name = app.name(client).to_string();
    press(&mut app, &mut s, Action::Add);
    press(&mut app, &mut s, Action::FormDeleteLine);
    typed(&mut app, &mut s, &name);
    press(&mut app, &mut s, Action::FormNext);
    press(&mut app, &mut s, Action::FormDeleteLine);
    typed(&mut app, &mut s, "31.02.2026");
    press(&mut app, &mut s, Action::FormNext);
    typed(&mut app, &mut s, "много");
    for submitted in [false, true] {
        if submitted {
            press(&mut app, &mut s, Action::FormSubmit);
            assert!(matches!(app.shared.mode, Mode::Form(_)), "the form stays");
        }
        let screen = render(&app, 120, 40);
        for said in ["«31.02.2026» — не дата", "ГГГГ-ММ-ДД", "«много» — не сумма"]
        {
            assert!(screen.contains(said), "{said} not in\n{screen}");
        }
        for english in ["is not a date", "YYYY", "is not an amount"] {
            assert!(!screen.contains(english), "English {english} in\n{screen}");
        }
    }
}

/// Issue 23: a check saving found is said under its field in Russian, and
/// not twice when the field's own note already says it.
#[test]
fn a_form_error_is_said_under_its_field_in_russian_once() {
    let (mut s, mut app) = demo();
    app.shared.locale = crate::format::Locale::Ru;
    press(&mut app, &mut s, Action::ChangeTier);
    press(&mut app, &mut s, Action::FormSubmit); // no reason given
    let Mode::Form(form) = &app.shared.mode else {
        panic!("the form stays open: {:?}", app.shared.mode)
    };
    assert!(
        matches!(&form.error, Some(super::form::FormError::Field(e)) if e.field == "Reason"),
        "{:?}",
        form.error
    );
    // The reason is focused: its own note says it, once.
    let screen = render(&app, 120, 40);
    assert_eq!(screen.matches("обязательное поле").count(), 1, "{screen}");
    assert!(!screen.contains("required"), "{screen}");
    // Focus elsewhere: the empty field's note is not shown, the error is,
    // under the field and with its Russian label.
    press(&mut app, &mut s, Action::FormPrev);
    let screen = render(&app, 120, 40);
    let reason = screen.lines().position(|l| l.contains("Причина")).unwrap();
    let below = screen.lines().nth(reason + 1).unwrap_or_default();
    assert!(below.contains("✗ Причина: обязательное поле"), "{screen}");
    assert!(!screen.contains("Reason"), "{screen}");
}

/// Issue 23: what the portfolio refuses about a field (an email without
/// `@`) goes under that field in Russian, found by the field it names.
#[test]
fn a_refused_email_is_said_under_its_field_in_russian() {
    let (mut s, mut app) = demo();
    app.shared.locale = crate::format::Locale::Ru;
    press(&mut app, &mut s, Action::OpenCard);
    press(&mut app, &mut s, Action::Add);
    typed(&mut app, &mut s, "Вера Ли");
    for _ in 0..4 {
        press(&mut app, &mut s, Action::FormNext); // to Email
    }
    typed(&mut app, &mut s, "nobody");
    press(&mut app, &mut s, Action::FormSubmit);
    let Mode::Form(form) = &app.shared.mode else {
        panic!("the form stays open: {:?}", app.shared.mode)
    };
    let Some(super::form::FormError::Refused(refused)) = &form.error else {
        panic!("{:?}", form.error)
    };
    assert_eq!(refused.field, Some("email"));
    let screen = render(&app, 120, 40);
    let email = screen
        .lines()
        .position(|l| l.contains("Эл. почта nobody"))
        .unwrap_or_else(|| panic!("{screen}"));
    let below = screen.lines().nth(email + 1).unwrap_or_default();
    assert!(below.contains("✗ эл. почта: «nobody»"), "{screen}");
    assert!(!screen.contains("is not an email"), "{screen}");
}
