//! Drawing a full 120x40 frame of each pane with `TestBackend`, on a size S
//! synthetic portfolio (50 clients, 5 000 touchpoints, 24 months). Only the
//! visible window is built, so this should not grow with the portfolio.

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use folio::ops::synth::{GenSize, generate};
use folio::store::Store;
use folio::tui::app::{Action, Pane, update};
use folio::tui::effects::perform;
use folio::tui::load_app;
use folio::tui::view::{Theme, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn frames(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    let mut store = Store::open_in_memory().expect("store");
    let size = GenSize {
        clients: 50,
        touchpoints: 5_000,
        months: 24,
        seed: 1,
    };
    generate(&mut store, size, today, &mut |_| {}).expect("generate");
    let mut app = load_app(&mut store, today, "bench".into(), 120, 40).expect("app");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    for pane in Pane::ALL {
        for e in update(&mut app, Action::SelectPane(pane)) {
            perform(&mut app, &mut store, e);
        }
        c.bench_function(&format!("frame 120x40 {} (S)", pane.title()), |b| {
            b.iter(|| {
                terminal
                    .draw(|f| draw(&app, Theme { color: true }, f))
                    .expect("draw");
            })
        });
    }
}

criterion_group!(benches, frames);
criterion_main!(benches);
