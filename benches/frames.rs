//! Drawing a full 120x40 frame of each pane with `TestBackend`, on a size S
//! synthetic portfolio (50 clients, 5 000 touchpoints, 24 months) and, when
//! `FOLIO_BENCH_L` names a generated size L file (10 000 clients, 1 000 000
//! touchpoints, 120 months), on that too (opened, only read). Only the
//! visible window is built, so this should not grow with the portfolio.

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use folio::ops::synth::{GenSize, generate};
use folio::store::{Create, Store};
use folio::tui::app::{Action, Pane, update};
use folio::tui::view::{Theme, draw};
use folio::tui::{load_app, run_effects};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

/// One benchmark per pane: `frame 120x40 <pane> (<label>)`.
fn frames_of(c: &mut Criterion, store: &mut Store, label: &str) {
    let mut app = load_app(store, today(), "bench".into(), 120, 40).expect("app");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    for &pane in Pane::ALL {
        let effects = update(&mut app, Action::SelectPane(pane));
        run_effects(&mut app, store, effects);
        c.bench_function(
            &format!(
                "frame 120x40 {} ({label})",
                pane.title(folio::format::Locale::En)
            ),
            |b| {
                b.iter(|| {
                    terminal
                        .draw(|f| draw(&app, Theme { color: true }, f))
                        .expect("draw");
                })
            },
        );
    }
}

fn frames(c: &mut Criterion) {
    let mut store = Store::open_in_memory().expect("store");
    let size = GenSize {
        clients: 50,
        touchpoints: 5_000,
        months: 24,
        seed: 1,
    };
    generate(&mut store, size, today(), &mut |_| {}).expect("generate");
    frames_of(c, &mut store, "S");

    match std::env::var_os("FOLIO_BENCH_L").filter(|p| !p.is_empty()) {
        Some(path) => {
            let (mut store, _) =
                Store::open(std::path::Path::new(&path), Create::Never).expect("open size L");
            frames_of(c, &mut store, "L");
        }
        None => eprintln!(
            "frames: size L skipped; set FOLIO_BENCH_L to a file made by \
             `folio gen --clients 10000 --touchpoints 1000000 --months 120`"
        ),
    }
}

criterion_group!(benches, frames);
criterion_main!(benches);
