//! Domain rules and queries on a size S synthetic portfolio: the month's
//! figures, the portfolio signals, the briefing, touchpoint windows (by
//! offset and by key), a slice of a filtered count, and adding one
//! touchpoint (one transaction, cached statements).

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use folio::domain::{Month, NewTouchpoint, TouchKind};
use folio::ops::synth::{GenSize, generate};
use folio::ops::{self, views};
use folio::store::{Create, Store};

fn core(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.db");
    let (mut store, _) = Store::open(&path, Create::FileOnly).expect("store");
    let size = GenSize {
        clients: 50,
        touchpoints: 5_000,
        months: 24,
        seed: 1,
    };
    generate(&mut store, size, today, &mut |_| {}).expect("generate");
    let month = Month::of(today);
    c.bench_function("plan month view (S)", |b| {
        b.iter(|| views::month_view(&mut store, month, today).expect("month"))
    });
    c.bench_function("portfolio signals (S)", |b| {
        b.iter(|| views::portfolio(&mut store, today).expect("portfolio"))
    });
    c.bench_function("briefing (S)", |b| {
        b.iter(|| views::briefing(&mut store, month, today).expect("briefing"))
    });
    c.bench_function("touchpoint window, filtered (S)", |b| {
        b.iter(|| ops::touch_window(&store, None, "отчёт", 2_000, 36, false).expect("window"))
    });
    // Paging by key from a row deep in the log (what the TUI does while
    // scrolling), and one slice of counting a filter.
    let all = ops::TouchFilter::new(None, "");
    let deep = ops::touch_page(&store, &all, ops::Seek::Oldest, 0, 1).expect("oldest");
    let key = deep.first().map(|t| (t.at, t.id)).expect("a touchpoint");
    c.bench_function("touchpoint page by key, deepest (S)", |b| {
        b.iter(|| ops::touch_page(&store, &all, ops::Seek::Newer(key), 0, 36).expect("page"))
    });
    let filtered = ops::TouchFilter::new(None, "отчёт");
    c.bench_function("touchpoint count, one slice, filtered (S)", |b| {
        b.iter(|| ops::count_touch_slice(&store, &filtered, None).expect("count"))
    });
    let client = folio::store::clients::list(store.db()).expect("clients")[0].id;
    c.bench_function("add one touchpoint, WAL + synchronous=FULL (S)", |b| {
        b.iter(|| {
            ops::add_touchpoint(
                &mut store,
                client,
                &NewTouchpoint {
                    at: today,
                    kind: TouchKind::Call,
                    summary: "bench".into(),
                    minutes: 5,
                    next_step: None,
                    next_due: None,
                },
            )
            .expect("add")
        })
    });
}

criterion_group!(benches, core);
criterion_main!(benches);
