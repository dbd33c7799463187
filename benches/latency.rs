//! The TUI as a person meets it: the release binary in a pseudo-terminal at
//! 120x40, its output run through a terminal emulator (vt100). Measures
//!
//! - start: process start to the first complete frame, on an empty file and
//!   on the portfolio under test (median of several runs);
//! - keys: keypress to redrawn frame while scrolling deep in the touchpoint
//!   log and while filtering it by typing (median, p99);
//! - memory: peak resident memory (VmHWM) after the key runs.
//!
//! A frame is "redrawn" when the screen has changed and then no byte arrives
//! for `QUIET`; the latency runs from writing the key to the last byte of
//! that burst (the quiet wait is not counted). A key that does not change the
//! screen within `KEY_TIMEOUT` is a miss: reported, not sampled.
//!
//! Run by `scripts/bench.sh`, or by hand:
//!
//! ```text
//! cargo build --release
//! folio --today 2026-11-23 gen --db /tmp/l.db --clients 10000 --touchpoints 1000000 --months 120
//! cargo bench --bench latency -- --folio target/release/folio --db /tmp/l.db
//! ```
//!
//! Prints `name value` lines on stdout (bench.sh turns them into table
//! rows); progress goes to stderr. Without a binary and a database it says
//! what it needs and exits 0, so a plain `cargo bench` stays quick.

use std::error::Error;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

type Res<T> = Result<T, Box<dyn Error>>;

const ROWS: u16 = 40;
const COLS: u16 = 120;
/// No output for this long after a change: the frame is complete.
const QUIET: Duration = Duration::from_millis(5);
/// A key whose frame has not come by then is a miss.
const KEY_TIMEOUT: Duration = Duration::from_secs(5);
/// Waiting for the first frame, or for deferred work (the filter's count).
const LONG_TIMEOUT: Duration = Duration::from_secs(60);

const PAGE_DOWN: &str = "\x1b[6~";
const PAGE_UP: &str = "\x1b[5~";
const ESC: &str = "\x1b";
const BACKSPACE: &str = "\x7f";

/// Words the synthetic portfolio holds (`src/ops/synth.rs`): summaries, and
/// one client name stem (a filter matches client names too).
const FILTER_WORDS: &[&str] = &[
    "report",
    "session",
    "results",
    "бюджет",
    "helios",
    "strategy",
];

const USAGE: &str = "latency: measures the TUI in a pseudo-terminal; needs the folio binary and a portfolio file:
  cargo bench --bench latency -- --folio target/release/folio --db L.db [--empty EMPTY.db] [--runs 11] [--today 2026-11-23]
  (or FOLIO_BENCH_BIN, FOLIO_BENCH_L, FOLIO_BENCH_EMPTY). scripts/bench.sh runs it at size L. Nothing to do; skipped.";

struct Config {
    folio: PathBuf,
    db: PathBuf,
    empty: Option<PathBuf>,
    runs: usize,
    today: String,
}

impl Config {
    /// From `--name value` arguments, then the environment; `None` when the
    /// binary or the database is missing. Other arguments (cargo passes
    /// `--bench`) are ignored.
    fn from_args() -> Res<Option<Config>> {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let arg = |name: &str, env: &str| -> Option<String> {
            args.iter()
                .position(|a| a == name)
                .and_then(|i| args.get(i + 1).cloned())
                .or_else(|| std::env::var(env).ok().filter(|v| !v.is_empty()))
        };
        let (Some(folio), Some(db)) = (
            arg("--folio", "FOLIO_BENCH_BIN"),
            arg("--db", "FOLIO_BENCH_L"),
        ) else {
            return Ok(None);
        };
        // Absolute paths: the pty resolves a relative program name on PATH.
        let path = |p: String| std::fs::canonicalize(&p).map_err(|e| format!("{p}: {e}"));
        Ok(Some(Config {
            folio: path(folio)?,
            db: path(db)?,
            empty: arg("--empty", "FOLIO_BENCH_EMPTY").map(path).transpose()?,
            runs: arg("--runs", "FOLIO_BENCH_RUNS")
                .map(|r| r.parse())
                .transpose()?
                .unwrap_or(11),
            today: arg("--today", "FOLIO_BENCH_TODAY").unwrap_or_else(|| "2026-11-23".into()),
        }))
    }
}

/// One running TUI: the pty, a reader thread that stamps each chunk of
/// output with the time it was read, and the emulated screen.
struct Tui {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    chunks: Receiver<(Instant, Vec<u8>)>,
    parser: vt100::Parser,
    _master: Box<dyn MasterPty + Send>,
}

impl Tui {
    /// Start folio on `db`; also returns the instant just before the spawn.
    fn spawn(cfg: &Config, db: &Path) -> Res<(Tui, Instant)> {
        let pair = native_pty_system().openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })?;
        let mut cmd = CommandBuilder::new(&cfg.folio);
        cmd.arg("--db");
        cmd.arg(db);
        cmd.args(["--today", cfg.today.as_str()]);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("FOLIO_DB");
        cmd.env_remove("NO_COLOR");
        // The screens it waits for are the English ones.
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            cmd.env_remove(var);
        }
        let mut reader = pair.master.try_clone_reader()?;
        let writer = pair.master.take_writer()?;
        let (tx, chunks) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = vec![0u8; 1 << 16];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                    break;
                }
            }
        });
        let t0 = Instant::now();
        let child = pair.slave.spawn_command(cmd)?;
        drop(pair.slave);
        let rows = std::num::NonZeroU16::new(ROWS).ok_or("rows")?;
        let cols = std::num::NonZeroU16::new(COLS).ok_or("cols")?;
        Ok((
            Tui {
                child,
                writer,
                chunks,
                parser: vt100::Parser::new(rows, cols, 0),
                _master: pair.master,
            },
            t0,
        ))
    }

    fn screen(&self) -> &vt100::Screen {
        self.parser.screen()
    }

    /// Read output until `ready` holds for the screen and then nothing more
    /// arrives for `QUIET`. Returns the time the last byte was read, or
    /// `None` if `ready` did not hold within `timeout`.
    fn settle(
        &mut self,
        timeout: Duration,
        mut ready: impl FnMut(&vt100::Screen) -> bool,
    ) -> Option<Instant> {
        let deadline = Instant::now() + timeout;
        let mut last: Option<Instant> = None;
        let mut ok = ready(self.screen());
        let mut quiet_from = Instant::now();
        loop {
            let until = if ok { quiet_from + QUIET } else { deadline };
            match self
                .chunks
                .recv_timeout(until.saturating_duration_since(Instant::now()))
            {
                Ok((at, bytes)) => {
                    self.parser.process(&bytes);
                    last = Some(at);
                    quiet_from = at;
                    if !ok {
                        ok = ready(self.screen());
                    }
                }
                Err(RecvTimeoutError::Timeout) if ok => return last.or(Some(quiet_from)),
                Err(RecvTimeoutError::Timeout) => return None,
                Err(RecvTimeoutError::Disconnected) => return if ok { last } else { None },
            }
        }
    }

    /// Read whatever comes until `QUIET` passes with no output.
    fn drain(&mut self) {
        while let Ok((_, bytes)) = self.chunks.recv_timeout(QUIET * 4) {
            self.parser.process(&bytes);
        }
    }

    fn send(&mut self, keys: &str) -> Res<Instant> {
        let t = Instant::now();
        self.writer.write_all(keys.as_bytes())?;
        self.writer.flush()?;
        Ok(t)
    }

    /// Press `key` and time the frame it brings; `None` for a miss.
    fn key(&mut self, key: &str) -> Res<Option<Duration>> {
        let before = self.screen().contents_formatted();
        let t0 = self.send(key)?;
        Ok(self
            .settle(KEY_TIMEOUT, |s| s.contents_formatted() != before)
            .map(|last| last.saturating_duration_since(t0)))
    }

    /// Press `key` without timing it, and wait for the screen to change,
    /// satisfy `ready` and settle.
    fn press(&mut self, key: &str, ready: impl Fn(&vt100::Screen) -> bool) -> Res<()> {
        let before = self.screen().contents_formatted();
        self.send(key)?;
        self.settle(LONG_TIMEOUT, |s| {
            s.contents_formatted() != before && ready(s)
        })
        .ok_or_else(|| {
            format!(
                "no frame after {key:?}; screen:\n{}",
                self.screen().contents()
            )
        })?;
        Ok(())
    }

    fn peak_rss_kib(&self) -> Option<u64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }

    /// `q`, and wait for the process to leave (killed after 10 s).
    fn quit(mut self) -> Res<()> {
        self.send("q")?;
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait()? {
                if !status.success() {
                    return Err(format!("folio exited with {status:?}").into());
                }
                return Ok(());
            }
            if Instant::now() > deadline {
                self.child.kill()?;
                return Err("folio did not quit on q".into());
            }
            while self.chunks.try_recv().is_ok() {}
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

/// A frame is up: the header and the footer (the last row drawn). The TUI
/// draws this before it reads the portfolio ("loading…").
fn any_frame(s: &vt100::Screen) -> bool {
    let c = s.contents();
    c.contains(" folio ") && c.contains("next tier column")
}

/// The board is drawn: the portfolio's columns (the focused one's sort) are
/// up.
fn first_frame(s: &vt100::Screen) -> bool {
    let c = s.contents();
    c.contains("POTENTIAL") && c.contains("sort: ") && c.contains("next tier column")
}

fn touch_title(s: &vt100::Screen) -> bool {
    s.contents().contains("Touchpoints ·")
}

/// Not waiting for the deferred count of the touchpoint log.
fn counted(s: &vt100::Screen) -> bool {
    let c = s.contents();
    c.contains("Touchpoints ·") && !c.contains("counting…")
}

/// Milliseconds from spawn to the first frame, and to the board drawn.
fn start_once(cfg: &Config, db: &Path) -> Res<(f64, f64)> {
    let (mut tui, t0) = Tui::spawn(cfg, db)?;
    let no_frame = |what: &str, tui: &Tui| {
        format!(
            "no {what} on {}; screen:\n{}",
            db.display(),
            tui.screen().contents()
        )
    };
    let first = tui
        .settle(LONG_TIMEOUT, any_frame)
        .ok_or_else(|| no_frame("first frame", &tui))?;
    let board = if first_frame(tui.screen()) {
        first
    } else {
        tui.settle(LONG_TIMEOUT, first_frame)
            .ok_or_else(|| no_frame("board", &tui))?
    };
    tui.quit()?;
    Ok((
        ms(first.saturating_duration_since(t0)),
        ms(board.saturating_duration_since(t0)),
    ))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Nearest-rank percentile of sorted samples.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

#[derive(Default)]
struct Samples {
    ms: Vec<f64>,
    misses: usize,
}

impl Samples {
    fn add(&mut self, d: Option<Duration>) {
        match d {
            Some(d) => self.ms.push(ms(d)),
            None => self.misses += 1,
        }
    }

    fn print(&mut self, name: &str) {
        self.ms.sort_by(f64::total_cmp);
        println!("{name}_n {}", self.ms.len());
        println!("{name}_misses {}", self.misses);
        println!("{name}_median_ms {:.2}", percentile(&self.ms, 50.0));
        println!("{name}_p99_ms {:.2}", percentile(&self.ms, 99.0));
        println!(
            "{name}_max_ms {:.2}",
            self.ms.last().copied().unwrap_or(f64::NAN)
        );
    }
}

/// Scrolling the touchpoint log: near its top, then at its end (G), where
/// the window sits a million rows deep. Every key moves the selection, so
/// every key changes the screen.
fn scroll(tui: &mut Tui, top: &mut Samples, deep: &mut Samples) -> Res<()> {
    for _ in 0..2 {
        for key in [PAGE_DOWN, "j", "k"].repeat(20) {
            top.add(tui.key(key)?);
        }
    }
    tui.press("G", touch_title)?;
    tui.drain();
    for _ in 0..3 {
        for (key, n) in [(PAGE_UP, 25), ("k", 25), ("j", 25), (PAGE_DOWN, 25)] {
            for _ in 0..n {
                deep.add(tui.key(key)?);
            }
        }
    }
    tui.press("g", touch_title)?;
    Ok(())
}

/// Filtering the log by typing: a word letter by letter, two backspaces,
/// Esc. Between keys the deferred count runs out, so each key is timed on
/// its own; `count` is key to the counted frame.
fn filter(tui: &mut Tui, keys: &mut Samples, count: &mut Samples) -> Res<()> {
    for _ in 0..2 {
        for word in FILTER_WORDS {
            tui.press("/", |s| s.contents().contains("filter:"))?;
            let mut typed: Vec<String> = word.chars().map(String::from).collect();
            typed.extend([
                BACKSPACE.to_string(),
                BACKSPACE.to_string(),
                ESC.to_string(),
            ]);
            for key in &typed {
                let t0 = Instant::now();
                keys.add(tui.key(key)?);
                count.add(
                    tui.settle(LONG_TIMEOUT, counted)
                        .map(|last| last.saturating_duration_since(t0)),
                );
                tui.drain();
            }
        }
    }
    Ok(())
}

fn main() -> Res<()> {
    let Some(cfg) = Config::from_args()? else {
        eprintln!("{USAGE}");
        return Ok(());
    };
    let tmp = tempfile::tempdir()?;
    let empty = match &cfg.empty {
        Some(p) => p.clone(),
        None => {
            let p = tmp.path().join("empty.db");
            let out = std::process::Command::new(&cfg.folio)
                .arg("--db")
                .arg(&p)
                .args(["client", "list"])
                .output()?;
            if !out.status.success() {
                return Err(format!("cannot create {}: {out:?}", p.display()).into());
            }
            p
        }
    };

    eprintln!("latency: start to first frame, {} runs each...", cfg.runs);
    // One warm-up each (page cache), then alternate the two files.
    start_once(&cfg, &empty)?;
    start_once(&cfg, &cfg.db)?;
    // Per file: first frame, board drawn.
    let mut runs: [(Vec<f64>, Vec<f64>); 2] = Default::default();
    for _ in 0..cfg.runs {
        for (i, db) in [&empty, &cfg.db].into_iter().enumerate() {
            let (first, board) = start_once(&cfg, db)?;
            runs[i].0.push(first);
            runs[i].1.push(board);
        }
    }
    for ((first, board), name) in runs.iter_mut().zip(["empty", "db"]) {
        first.sort_by(f64::total_cmp);
        board.sort_by(f64::total_cmp);
        println!("start_{name}_ms {:.2}", percentile(first, 50.0));
        println!("board_{name}_ms {:.2}", percentile(board, 50.0));
    }

    eprintln!("latency: keys in the touchpoint log...");
    let (mut tui, _) = Tui::spawn(&cfg, &cfg.db)?;
    tui.settle(LONG_TIMEOUT, first_frame)
        .ok_or("no first frame")?;
    tui.press("2", touch_title)?;
    tui.settle(LONG_TIMEOUT, counted).ok_or("log not counted")?;
    tui.drain();
    let (mut top, mut deep) = (Samples::default(), Samples::default());
    scroll(&mut tui, &mut top, &mut deep)?;
    let (mut keys, mut count) = (Samples::default(), Samples::default());
    filter(&mut tui, &mut keys, &mut count)?;
    top.print("scroll_top");
    deep.print("scroll");
    keys.print("filter");
    count.print("filter_count");
    let hwm = tui.peak_rss_kib().ok_or("cannot read VmHWM")?;
    println!("vmhwm_kib {hwm}");
    tui.quit()?;
    Ok(())
}
