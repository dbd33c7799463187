//! Read-only portfolios (issue 20), through the real binary: a file that
//! cannot be written is read (list, report, check, backup, the TUI) and
//! every write says "the file is read-only" in one sentence; in a folder
//! that cannot be written either it is read `immutable`, unless its `-wal`
//! holds records that only its `-shm` would let SQLite read; an older file
//! that would need a migration is refused. Nothing changes any file.
//!
//! Root ignores file modes, so as root the binary runs as an unprivileged
//! user (`setpriv`, uid 65534); every case first proves that access is in
//! fact denied to whoever runs it. Every run has a deadline: a backup that
//! spins forever fails the test instead of hanging it.

// File modes, `setpriv` and `test -w` are Unix's.
#![cfg(unix)]

mod common;

use std::fs;
use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{English, Portfolio, TODAY, path_str};

/// How long one run of folio may take before the test calls it hung.
const DEADLINE: Duration = Duration::from_secs(20);

/// Who runs folio: the current user, or (as root) uid 65534.
struct Runner {
    unprivileged: bool,
}

impl Runner {
    /// `None` (with the reason printed) when the test cannot prove
    /// anything here: root without `setpriv`, or a binary the
    /// unprivileged user cannot execute.
    fn get() -> Option<Runner> {
        if euid() != 0 {
            return Some(Runner {
                unprivileged: false,
            });
        }
        let runner = Runner { unprivileged: true };
        let folio = assert_cmd::cargo::cargo_bin("folio");
        match runner.command(&folio).arg("--version").output() {
            Ok(out) if out.status.success() => Some(runner),
            Ok(_) => {
                eprintln!(
                    "skipped: the unprivileged user cannot run {}",
                    folio.display()
                );
                None
            }
            Err(_) => {
                eprintln!("skipped: running as root and setpriv is not installed");
                None
            }
        }
    }

    /// `program` as the runner's user.
    fn command(&self, program: &Path) -> Command {
        if self.unprivileged {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(program);
            c
        } else {
            Command::new(program)
        }
    }

    /// `folio --db DB --today ... ARGS` as the runner's user, waited for
    /// at most [`DEADLINE`].
    fn folio(&self, db: &Path, args: &[&str]) -> Output {
        let mut c = self.command(&assert_cmd::cargo::cargo_bin("folio"));
        c.env_remove("FOLIO_DB")
            .english()
            .env("HOME", "/nonexistent")
            .arg("--db")
            .arg(db)
            .args(["--today", TODAY])
            .args(args);
        run_with_deadline(c, &format!("folio {args:?}"))
    }

    /// Run folio, expect success; stdout.
    fn ok(&self, db: &Path, args: &[&str]) -> String {
        let out = self.folio(db, args);
        assert!(
            out.status.success(),
            "folio {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Run folio, expect exit 1 and nothing on stdout; stderr.
    fn fails(&self, db: &Path, args: &[&str]) -> String {
        let out = self.folio(db, args);
        let err = String::from_utf8(out.stderr).expect("utf-8 stderr");
        assert_eq!(out.status.code(), Some(1), "folio {args:?}: {err}");
        assert!(out.stdout.is_empty(), "folio {args:?} printed on stdout");
        err
    }

    /// May the runner's user write `path` (a file, or a folder to create
    /// files in)? Asked of the system (`test -w`), as that user.
    fn may_write(&self, path: &Path) -> bool {
        let mut c = self.command(Path::new("test"));
        c.arg("-w").arg(path);
        run_with_deadline(c, "test -w").status.success()
    }
}

/// `id -u`.
fn euid() -> u32 {
    let out = Command::new("id").arg("-u").output().expect("id -u");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("a number")
}

/// Run `c` to its end, killing it (and failing) past [`DEADLINE`].
fn run_with_deadline(mut c: Command, what: &str) -> Output {
    let mut child = c
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("stdout")));
    let stderr = drain(Box::new(child.stderr.take().expect("stderr")));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} did not finish in {DEADLINE:?} (spinning?)");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Output {
        status,
        stdout: stdout.join().expect("stdout"),
        stderr: stderr.join().expect("stderr"),
    }
}

fn set_mode(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A demo portfolio whose file is made read-only (0444) in a folder of
/// mode `folder`; the folder's mode is given back when the test ends, so
/// the temporary folder can be removed whoever runs the test.
struct ReadOnly {
    p: Portfolio,
    /// A folder the runner's user may write backups into.
    out: tempfile::TempDir,
}

impl ReadOnly {
    fn demo(folder: u32) -> ReadOnly {
        let p = Portfolio::new();
        p.ok(&["demo"]);
        ReadOnly::seal(p, folder)
    }

    /// Make `p`'s file (and sidecars) 0444 and its folder `folder`.
    fn seal(p: Portfolio, folder: u32) -> ReadOnly {
        for name in names(p.dir.path()) {
            set_mode(&p.dir.path().join(name), 0o444);
        }
        set_mode(p.dir.path(), folder);
        let out = tempfile::tempdir().expect("temp dir");
        set_mode(out.path(), 0o777);
        ReadOnly { p, out }
    }

    fn db(&self) -> &Path {
        &self.p.db
    }

    fn dir(&self) -> &Path {
        self.p.dir.path()
    }

    /// The bytes of the portfolio and its `-wal` (SQLite may add a `-shm`
    /// and an empty `-wal` beside a file it reads in a folder it can
    /// write; it never writes the file or a `-wal` holding records).
    fn files(&self) -> Vec<Vec<u8>> {
        let wal = PathBuf::from(format!("{}-wal", self.db().display()));
        [self.db(), &wal]
            .iter()
            .map(|p| fs::read(p).unwrap_or_default())
            .collect()
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        let _ = fs::set_permissions(self.p.dir.path(), fs::Permissions::from_mode(0o700));
    }
}

/// A folder the runner's user may write in: as root, one anybody may.
fn writable_folder(r: &Runner) -> u32 {
    if r.unprivileged { 0o777 } else { 0o755 }
}

/// The one sentence a write gets.
fn refused(db: &Path) -> String {
    format!(
        "folio: the file {} is read-only: nothing was changed\n",
        db.display()
    )
}

/// The clients a portfolio lists, as JSON names.
fn client_names(r: &Runner, db: &Path) -> Vec<String> {
    let list: serde_json::Value =
        serde_json::from_str(&r.ok(db, &["client", "list", "--json"])).expect("JSON");
    list.as_array()
        .expect("a list")
        .iter()
        .map(|c| c["name"].as_str().expect("a name").to_string())
        .collect()
}

/// Reads all work on a read-only portfolio; two backups in a row finish
/// and are whole copies; every kind of write is refused in one sentence
/// naming the file; no byte of the folder's files changes.
fn reads_work_and_writes_are_refused(r: &Runner, ro: &ReadOnly) {
    let db = ro.db();
    let before = ro.files();
    let clients = client_names(r, db);
    assert_eq!(clients.len(), 25, "the demo's clients: {clients:?}");
    assert!(r.ok(db, &["report"]).contains("2026-11"));
    assert_eq!(r.ok(db, &["check"]), format!("{}: ok\n", db.display()));
    // Two in a row: the first read may leave a read-only -shm behind.
    let copies = names(ro.out.path()).len();
    for n in copies + 1..=copies + 2 {
        let copy = ro.out.path().join(format!("copy-{n}.db"));
        let said = r.ok(db, &["backup", "--out", path_str(&copy)]);
        assert!(said.starts_with("Backed up"), "{said}");
        assert_eq!(client_names(r, &copy), clients, "backup {n} is whole");
    }
    let copy = ro.out.path().join(format!("copy-{}.db", copies + 1));
    let writes: [&[&str]; 5] = [
        &["client", "add", "Newcomer"],
        &["client", "tier", &clients[0], "toxic", "--reason", "test"],
        &["config", "set", "currency", "EUR"],
        &["pay", "add", &clients[0], "--amount", "100", "--on", TODAY],
        &["restore", path_str(&copy)],
    ];
    for args in writes {
        assert_eq!(r.fails(db, args), refused(db), "{args:?}");
    }
    assert!(
        ro.files() == before,
        "no byte of the file or its -wal changed"
    );
    assert_eq!(mode(db), 0o444, "the file keeps the mode its owner gave it");
}

#[test]
fn a_read_only_file_in_a_writable_folder_is_read_and_never_written() {
    let Some(r) = Runner::get() else { return };
    let ro = ReadOnly::demo(writable_folder(&r));
    assert!(!r.may_write(ro.db()), "the file really cannot be written");
    assert!(r.may_write(ro.dir()), "its folder can");
    reads_work_and_writes_are_refused(&r, &ro);
    // SQLite's read-only connection left a -shm, read-only as the file
    // is (more than 100 pages to copy through it: the demo has 125):
    // everything again, through it.
    let shm = ro.dir().join("portfolio.db-shm");
    assert!(!r.may_write(&shm), "a read-only -shm");
    reads_work_and_writes_are_refused(&r, &ro);
}

#[test]
fn a_read_only_file_in_a_read_only_folder_is_read_immutable() {
    let Some(r) = Runner::get() else { return };
    let ro = ReadOnly::demo(0o555);
    assert!(!r.may_write(ro.db()), "the file really cannot be written");
    assert!(!r.may_write(ro.dir()), "nor its folder");
    assert_eq!(names(ro.dir()), ["portfolio.db"], "no -wal, no -shm");
    reads_work_and_writes_are_refused(&r, &ro);
    assert_eq!(names(ro.dir()), ["portfolio.db"]);
}

/// A writer's files as it left them: the portfolio and a `-wal` holding a
/// committed rename not yet in the file (and its `-shm` when `shm`),
/// copied while the writer still had them open.
fn left_by_a_writer(shm: bool) -> Portfolio {
    let writer = Portfolio::new();
    writer.ok(&["demo"]);
    let p = Portfolio::new();
    let conn = rusqlite::Connection::open(&writer.db).expect("open");
    conn.pragma_update(None, "wal_autocheckpoint", 0)
        .expect("no checkpoint");
    conn.execute(
        "UPDATE clients SET name = 'Renamed In The Wal', name_key = 'renamed in the wal'
         WHERE id = (SELECT min(id) FROM clients)",
        [],
    )
    .expect("rename");
    let mut sidecars = vec!["", "-wal"];
    if shm {
        sidecars.push("-shm");
    }
    for suffix in sidecars {
        let from = format!("{}{suffix}", writer.db.display());
        let to = format!("{}{suffix}", p.db.display());
        fs::copy(from, to).expect("copy");
    }
    drop(conn);
    let wal = PathBuf::from(format!("{}-wal", p.db.display()));
    assert!(fs::metadata(wal).expect("a -wal").len() > 0);
    p
}

#[test]
fn a_wal_with_records_in_a_read_only_folder_is_read_through_its_shm_or_refused() {
    let Some(r) = Runner::get() else { return };
    // With its -shm, SQLite reads the -wal's records (read-only -shm).
    let ro = ReadOnly::seal(left_by_a_writer(true), 0o555);
    assert!(!r.may_write(ro.db()) && !r.may_write(ro.dir()));
    let before = ro.files();
    assert!(client_names(&r, ro.db()).contains(&"Renamed In The Wal".to_string()));
    let copy = ro.out.path().join("copy.db");
    r.ok(ro.db(), &["backup", "--out", path_str(&copy)]);
    assert!(client_names(&r, &copy).contains(&"Renamed In The Wal".to_string()));
    assert_eq!(r.fails(ro.db(), &["client", "add", "X"]), refused(ro.db()));
    assert!(
        ro.files() == before,
        "no byte of the file or its -wal changed"
    );

    // Without it, immutable mode would read the file as if the rename
    // never happened: refused, every command, in one sentence.
    let ro = ReadOnly::seal(left_by_a_writer(false), 0o555);
    assert!(!r.may_write(ro.db()) && !r.may_write(ro.dir()));
    let before = ro.files();
    let db = ro.db();
    let expected = format!(
        "folio: {0} cannot be read safely: it and its folder are read-only, and immutable mode would ignore the committed records in {0}-wal; make the folder writable, or copy both files elsewhere\n",
        db.display()
    );
    for args in [
        &["client", "list"][..],
        &["backup", "--out", path_str(&ro.out.path().join("no.db"))],
        &["client", "add", "X"],
    ] {
        assert_eq!(r.fails(db, args), expected, "{args:?}");
    }
    assert_eq!(names(ro.out.path()), Vec::<String>::new());
    assert!(
        ro.files() == before,
        "no byte of the file or its -wal changed"
    );

    // In a folder that can be written, SQLite makes the -shm it needs.
    let ro = ReadOnly::seal(left_by_a_writer(false), writable_folder(&r));
    assert!(client_names(&r, ro.db()).contains(&"Renamed In The Wal".to_string()));
}

#[test]
fn an_older_or_empty_read_only_file_is_refused() {
    let Some(r) = Runner::get() else { return };
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/portfolio-v1.db");
    for folder in [writable_folder(&r), 0o555] {
        let p = Portfolio::new();
        fs::copy(&fixture, &p.db).expect("copy the fixture");
        let ro = ReadOnly::seal(p, folder);
        assert!(!r.may_write(ro.db()));
        let before = ro.files();
        let err = r.fails(ro.db(), &["client", "list"]);
        assert_eq!(
            err,
            format!(
                "folio: {} is an older folio file (schema version 1) and is read-only: it must be upgraded before use; make it writable, or copy it, and open it again\n",
                ro.db().display()
            )
        );
        assert!(ro.files() == before, "not upgraded");
        assert_eq!(names(ro.dir()).len(), 1, "no copy before an upgrade");
    }
    let p = Portfolio::new();
    fs::write(&p.db, b"").expect("an empty file");
    let ro = ReadOnly::seal(p, writable_folder(&r));
    assert!(!r.may_write(ro.db()));
    assert_eq!(
        r.fails(ro.db(), &["client", "add", "X"]),
        format!(
            "folio: {} is empty and read-only: folio cannot start a portfolio in it; make it writable\n",
            ro.db().display()
        )
    );
    assert_eq!(fs::metadata(ro.db()).expect("metadata").len(), 0);
}

/// The TUI on a read-only file shows the portfolio, says read-only in its
/// header, and shows a refused save inline.
#[test]
fn the_tui_says_read_only_and_shows_a_refused_save() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let Some(r) = Runner::get() else { return };
    let ro = ReadOnly::demo(0o555);
    assert!(!r.may_write(ro.db()));
    let before = ro.files();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 110,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let folio = assert_cmd::cargo::cargo_bin("folio");
    let mut cmd = if r.unprivileged {
        let mut c = CommandBuilder::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        c.arg(&folio);
        c
    } else {
        CommandBuilder::new(&folio)
    };
    cmd.args(["--db", path_str(ro.db()), "--today", TODAY]);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("FOLIO_DB");
    for var in common::LOCALE_VARS {
        cmd.env_remove(var);
    }
    let mut child = pair.slave.spawn_command(cmd).expect("spawn folio");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut writer = pair.master.take_writer().expect("writer");
    let output = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = std::sync::Arc::clone(&output);
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().expect("lock").extend_from_slice(&buf[..n]);
        }
    });
    let screen = || {
        let n = |v: u16| std::num::NonZeroU16::new(v).expect("non-zero");
        let mut parser = vt100::Parser::new(n(30), n(110), 0);
        parser.process(&output.lock().expect("lock"));
        parser.screen().contents()
    };
    let wait_for = |needle: &str| {
        let start = Instant::now();
        while !screen().contains(needle) {
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {needle:?}; screen:\n{}",
                screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    let mut keys = |keys: &str| {
        use std::io::Write;
        for c in keys.chars() {
            let mut b = [0u8; 4];
            writer
                .write_all(c.encode_utf8(&mut b).as_bytes())
                .expect("type");
            writer.flush().expect("flush");
            std::thread::sleep(Duration::from_millis(30));
        }
    };
    wait_for("POTENTIAL");
    wait_for("(read-only)");
    // Change the selected client's tier: the save is refused inline.
    keys("t");
    wait_for("Change tier");
    keys("Grew into a partner\r");
    wait_for("the file is read-only: nothing was changed");
    keys("\x1b");
    keys("q");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("the TUI did not exit");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    assert!(
        ro.files() == before,
        "no byte of the file or its -wal changed"
    );
}
