//! The TUI for real: the binary in a pseudo-terminal, keys typed, the
//! database checked afterwards.

mod common;

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{Portfolio, TODAY};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Tui {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Tui {
    fn start(p: &Portfolio) -> Tui {
        Tui::start_with(&["--db", common::path_str(&p.db), "--today", TODAY])
    }

    fn start_with(args: &[&str]) -> Tui {
        Tui::start_in(args, &[])
    }

    /// The TUI with `env` set, over no language of the machine's.
    fn start_in(args: &[&str], env: &[(&str, &str)]) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 110,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(assert_cmd::cargo::cargo_bin("folio"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("FOLIO_DB");
        for var in common::LOCALE_VARS {
            cmd.env_remove(var);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn folio");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Tui {
            child,
            writer,
            output,
            _master: pair.master,
        }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// The screen as a person sees it: the output run through a terminal emulator.
    fn screen(&self) -> String {
        let mut parser = vt100_parser();
        parser.process(&self.output.lock().unwrap());
        parser.screen().contents()
    }

    /// Wait until the screen shows `needle`.
    fn wait_for(&self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.screen().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "timed out waiting for {needle:?}; screen:\n{}",
            self.screen()
        );
    }

    fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            let mut b = [0u8; 4];
            self.writer
                .write_all(c.encode_utf8(&mut b).as_bytes())
                .unwrap();
            self.writer.flush().unwrap();
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "folio did not exit");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn vt100_parser() -> vt100::Parser {
    let n = |v: u16| std::num::NonZeroU16::new(v).expect("non-zero");
    vt100::Parser::new(n(30), n(110), 0)
}

const LEAVE_ALTERNATE_SCREEN: &str = "\x1b[?1049l";

#[test]
fn add_a_touchpoint_change_a_tier_and_quit() {
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let mut tui = Tui::start(&p);
    tui.wait_for("POTENTIAL");

    // Touchpoints pane, add: the form opens on the client field.
    tui.keys("2");
    tui.wait_for("Touchpoints ·");
    tui.keys("a");
    tui.wait_for("Log a touchpoint");
    // Client, Date, Kind -> Summary; then Minutes.
    tui.keys("\t\t\tPTY test call: обсудили план\t15\r");
    tui.wait_for("Saved touchpoint for");
    assert!(tui.screen().contains("PTY test call"), "{}", tui.screen());

    // Board, change the selected client's tier with a reason.
    tui.keys("1");
    tui.wait_for("sort: revenue");
    tui.keys("t");
    tui.wait_for("Change tier");
    tui.keys("Grew into a partner\r");
    tui.wait_for("is now");

    tui.keys("q");
    let status = tui.wait_exit();
    assert!(status.success(), "{status:?}");
    assert!(
        tui.text().contains(LEAVE_ALTERNATE_SCREEN),
        "terminal restored"
    );

    let conn = rusqlite::Connection::open(&p.db).unwrap();
    let (minutes, at): (i64, String) = conn
        .query_row(
            "SELECT minutes, at FROM touchpoints WHERE summary = 'PTY test call: обсудили план'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("the touchpoint is in the database");
    assert_eq!(minutes, 15);
    assert_eq!(at, TODAY);
    let reason: String = conn
        .query_row(
            "SELECT reason FROM tier_changes ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(reason, "Grew into a partner");
}

#[cfg(unix)]
#[test]
fn sigterm_gives_the_terminal_back() {
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let mut tui = Tui::start(&p);
    tui.wait_for("POTENTIAL");
    let pid = tui.child.process_id().expect("pid");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    tui.wait_exit();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !tui.text().contains(LEAVE_ALTERNATE_SCREEN) {
        assert!(Instant::now() < deadline, "alternate screen not left");
        std::thread::sleep(Duration::from_millis(50));
    }
    // Raw mode off and the main screen back: the emulator agrees.
    let mut parser = vt100_parser();
    parser.process(tui.text().as_bytes());
    assert!(!parser.screen().alternate_screen());
}

/// The TUI open while the command line writes to the same file: the write
/// succeeds at once, and the TUI shows it on its next refresh without a key.
#[test]
fn cli_writes_show_up_in_an_open_tui() {
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let mut tui = Tui::start(&p);
    tui.wait_for("POTENTIAL");
    assert!(!tui.screen().contains("Zeta Concurrent"));
    p.ok(&["client", "add", "Zeta Concurrent", "--tier", "toxic"]);
    p.ok(&[
        "touch",
        "add",
        "Zeta Concurrent",
        "--kind",
        "call",
        "--summary",
        "hello",
    ]);
    tui.wait_for("Zeta Concurrent");
    tui.keys("q");
    assert!(tui.wait_exit().success());
}

/// Issue 22.16: suspend as vim does. The process state from /proc.
#[cfg(target_os = "linux")]
fn proc_state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat[stat.rfind(')')? + 1..].trim_start().chars().next()
}

#[cfg(target_os = "linux")]
fn wait_state(pid: u32, stopped: bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let state = proc_state(pid);
        if (state == Some('T')) == stopped {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "folio state {state:?}, wanted stopped={stopped}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[cfg(unix)]
fn kill(signal: &str, pid: u32) {
    let status = std::process::Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

#[cfg(unix)]
impl Tui {
    fn alternate_screen(&self) -> bool {
        let mut parser = vt100_parser();
        parser.process(&self.output.lock().unwrap());
        parser.screen().alternate_screen()
    }

    fn wait_alternate_screen(&self, on: bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.alternate_screen() != on {
            assert!(Instant::now() < deadline, "alternate screen still {}", !on);
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// Stopped with the terminal given back; continued, the TUI is drawn again
/// in raw mode (a single `2` switches pane without Enter).
#[cfg(target_os = "linux")]
fn stopped_then_continued(mut tui: Tui, pid: u32) {
    wait_state(pid, true);
    tui.wait_alternate_screen(false);
    assert!(!tui.screen().contains("POTENTIAL"), "{}", tui.screen());
    kill("-CONT", pid);
    wait_state(pid, false);
    tui.wait_alternate_screen(true);
    tui.wait_for("POTENTIAL");
    tui.keys("2");
    tui.wait_for("Touchpoints ·");
    tui.keys("q");
    assert!(tui.wait_exit().success());
}

#[cfg(target_os = "linux")]
#[test]
fn ctrl_z_suspends_and_sigcont_redraws() {
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let mut tui = Tui::start(&p);
    tui.wait_for("POTENTIAL");
    let pid = tui.child.process_id().expect("pid");
    tui.keys("\x1a");
    stopped_then_continued(tui, pid);
}

#[cfg(target_os = "linux")]
#[test]
fn sigtstp_from_outside_suspends_and_sigcont_redraws() {
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let tui = Tui::start(&p);
    tui.wait_for("POTENTIAL");
    let pid = tui.child.process_id().expect("pid");
    kill("-TSTP", pid);
    stopped_then_continued(tui, pid);
}

#[cfg(unix)]
#[test]
fn sigquit_gives_the_terminal_back() {
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let mut tui = Tui::start(&p);
    tui.wait_for("POTENTIAL");
    let pid = tui.child.process_id().expect("pid");
    kill("-QUIT", pid);
    let status = tui.wait_exit();
    assert!(!status.success(), "{status:?}");
    tui.wait_alternate_screen(false);
}

/// Stopped by someone else (SIGSTOP, no chance to give the terminal back)
/// and the tty put back in cooked mode meanwhile, as a shell may do: on
/// SIGCONT the TUI takes raw mode again and redraws.
#[cfg(target_os = "linux")]
#[test]
fn sigstop_then_cooked_tty_then_sigcont_takes_raw_mode_again() {
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let mut tui = Tui::start(&p);
    tui.wait_for("POTENTIAL");
    let pid = tui.child.process_id().expect("pid");
    let tty = tui._master.tty_name().expect("the pty's name");
    kill("-STOP", pid);
    wait_state(pid, true);
    let sane = std::process::Command::new("stty")
        .arg("-F")
        .arg(&tty)
        .arg("sane")
        .status()
        .unwrap();
    assert!(sane.success());
    let before = tui.text().len();
    kill("-CONT", pid);
    wait_state(pid, false);
    // The redraw after continuing: the board drawn again after the wake-up.
    let deadline = Instant::now() + Duration::from_secs(20);
    while !tui.text()[before..].contains("POTENTIAL") {
        assert!(Instant::now() < deadline, "no redraw after SIGCONT");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(tui.alternate_screen());
    tui.keys("2");
    tui.wait_for("Touchpoints ·");
    tui.keys("q");
    assert!(tui.wait_exit().success());
}

/// Issue 22: a `--demo` run says on quit, after the terminal is given
/// back, that its changes are gone and how to keep a demo.
#[cfg(unix)]
#[test]
fn demo_says_on_quit_that_its_changes_are_gone() {
    let mut tui = Tui::start_with(&["--demo", "--today", TODAY]);
    tui.wait_for("POTENTIAL");
    tui.keys("q");
    assert!(tui.wait_exit().success());
    // Give the reader thread a moment for the last bytes.
    let deadline = Instant::now() + Duration::from_secs(5);
    let line = "This was the demo: its changes are gone. Keep one with `folio demo --db FILE`.";
    while !tui.screen().contains(line) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let screen = tui.screen();
    assert!(screen.contains(line), "{screen}");
    assert!(
        !tui.alternate_screen(),
        "said after the terminal is restored"
    );
}

// --- mouse ---

/// The TUI with the person's config file at `config` (FOLIO_CONFIG).
fn start_with_config(p: &Portfolio, config: &std::path::Path) -> Tui {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 110,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut cmd = CommandBuilder::new(assert_cmd::cargo::cargo_bin("folio"));
    cmd.args(["--db", common::path_str(&p.db), "--today", TODAY]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("FOLIO_CONFIG", config);
    cmd.env_remove("FOLIO_DB");
    for var in common::LOCALE_VARS {
        cmd.env_remove(var);
    }
    let child = pair.slave.spawn_command(cmd).expect("spawn folio");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let writer = pair.master.take_writer().expect("writer");
    let output = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&output);
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    Tui {
        child,
        writer,
        output,
        _master: pair.master,
    }
}

/// Mouse capture on (xterm's normal tracking) and off again.
const MOUSE_ON: &str = "\x1b[?1000h";
const MOUSE_OFF: &str = "\x1b[?1000l";

/// Issue 22: the mouse is on by default, a click on a tab opens its pane,
/// and mouse capture is given back on quit, as raw mode is.
#[cfg(unix)]
#[test]
fn a_click_opens_a_tab_and_quit_turns_mouse_capture_off() {
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let config = p.dir.path().join("config.toml");
    let mut tui = start_with_config(&p, &config);
    tui.wait_for("POTENTIAL");
    assert!(tui.text().contains(MOUSE_ON), "mouse capture is on");
    // A left click (SGR encoding, 1-based) on " 3 Agreements " in the tab line.
    // Written at once: an escape byte alone would be read as Esc.
    tui.writer.write_all(b"\x1b[<0;32;2M\x1b[<0;32;2m").unwrap();
    tui.writer.flush().unwrap();
    tui.wait_for("Agreements ·");
    tui.keys("q");
    assert!(tui.wait_exit().success());
    let deadline = Instant::now() + Duration::from_secs(5);
    while !tui.text().contains(MOUSE_OFF) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let text = tui.text();
    let on = text.rfind(MOUSE_ON).expect("on");
    let off = text
        .rfind(MOUSE_OFF)
        .expect("mouse capture turned off on quit");
    assert!(off > on, "turned off after it was turned on");
}

/// Issue 22: `folio config set mouse off`: the TUI never captures the
/// mouse (the terminal keeps its own selection).
#[cfg(unix)]
#[test]
fn mouse_off_in_the_config_file_leaves_the_mouse_to_the_terminal() {
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let config = p.dir.path().join("config.toml");
    std::fs::write(&config, "mouse = false\n").unwrap();
    let mut tui = start_with_config(&p, &config);
    tui.wait_for("POTENTIAL");
    tui.keys("q");
    assert!(tui.wait_exit().success());
    assert!(!tui.text().contains(MOUSE_ON), "no mouse capture");
}

/// Issue 22: a broken config file does not stop the TUI: it starts with
/// the defaults and the footer names the file and the line.
#[test]
fn a_broken_config_file_is_named_in_the_footer_and_the_tui_starts() {
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let config = p.dir.path().join("config.toml");
    std::fs::write(&config, "lang = \"ru\"\nmouse = \n").unwrap();
    let mut tui = start_with_config(&p, &config);
    tui.wait_for("POTENTIAL");
    tui.wait_for("config.toml, line 2");
    tui.keys("q");
    assert!(tui.wait_exit().success());
}

/// Issue 22: Ctrl-Z gives mouse capture back with the terminal, and
/// SIGCONT takes it again with raw mode.
#[cfg(target_os = "linux")]
#[test]
fn suspend_gives_mouse_capture_back_and_resume_takes_it_again() {
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let config = p.dir.path().join("config.toml");
    let mut tui = start_with_config(&p, &config);
    tui.wait_for("POTENTIAL");
    let pid = tui.child.process_id().expect("pid");
    tui.keys("\x1a");
    wait_state(pid, true);
    tui.wait_alternate_screen(false);
    let stopped = tui.text();
    assert!(
        stopped.rfind(MOUSE_OFF) > stopped.rfind(MOUSE_ON),
        "mouse capture off while stopped"
    );
    let before = stopped.len();
    kill("-CONT", pid);
    wait_state(pid, false);
    tui.wait_alternate_screen(true);
    let deadline = Instant::now() + Duration::from_secs(20);
    while !tui.text()[before..].contains(MOUSE_ON) {
        assert!(Instant::now() < deadline, "mouse capture not taken again");
        std::thread::sleep(Duration::from_millis(50));
    }
    tui.keys("q");
    assert!(tui.wait_exit().success());
}

// --- language (issue 23) ---

/// `LANG=ru_RU.UTF-8` opens the TUI in Russian; `LANG=C` in English; a
/// config file's `lang` and `--lang` come before the variable.
#[test]
fn the_tui_speaks_the_language_of_lang_the_config_and_the_flag() {
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let db = common::path_str(&p.db);
    let args = ["--db", db, "--today", TODAY];
    let config = p.dir.path().join("config.toml");
    let config = config.to_str().expect("utf-8 path");
    let run = |args: &[&str], env: &[(&str, &str)], shows: &str, not: &str| {
        let mut env = env.to_vec();
        env.push(("FOLIO_CONFIG", config));
        let mut tui = Tui::start_in(args, &env);
        tui.wait_for(shows);
        let screen = tui.screen();
        assert!(!screen.contains(not), "{not} with {env:?}:\n{screen}");
        tui.keys("q");
        assert!(tui.wait_exit().success());
    };
    run(&args, &[("LANG", "ru_RU.UTF-8")], "Портфель", "Portfolio");
    run(
        &args,
        &[("LANG", "ru_RU.UTF-8")],
        "Договорённости",
        "Agreements",
    );
    run(&args, &[("LANG", "C")], "Portfolio", "Портфель");
    run(
        &args,
        &[("LC_ALL", "C"), ("LANG", "ru_RU.UTF-8")],
        "Portfolio",
        "Портфель",
    );
    let mut en = args.to_vec();
    en.extend(["--lang", "en"]);
    run(&en, &[("LANG", "ru_RU.UTF-8")], "Portfolio", "Портфель");
    let set = p
        .cmd(&["config", "set", "lang", "ru"])
        .env("FOLIO_CONFIG", config)
        .output()
        .expect("folio config set lang ru");
    assert!(set.status.success(), "{set:?}");
    run(&args, &[("LANG", "C")], "Касания", "Touchpoints");
    run(&en, &[], "Touchpoints", "Касания");
}
