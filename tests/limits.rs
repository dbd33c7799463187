//! Limits on what folio reads and where it keeps things (issue 19, items
//! 6 to 8), through the real binary: an import reads at most 256 MiB and
//! lines of at most 1 MiB, `--db` takes a file path and nothing else, and a
//! full disk is said as such.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{English, Portfolio, TODAY};

const MIB: usize = 1 << 20;
/// What the tests feed an import at most: twice the limit. A folio
/// that read everything would read all of it and fail some other way.
const FED: usize = 512 * MIB;

fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

fn portfolio() -> Portfolio {
    let p = Portfolio::new();
    p.ok(&["client", "add", "Acme"]);
    p
}

/// The binary with the environment `common::Portfolio::cmd` gives, as a
/// plain `std::process::Command` (for pipes and shells).
fn folio(p: &Portfolio, args: &[&str]) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("folio"));
    c.env_remove("FOLIO_DB")
        .english()
        .env("HOME", p.dir.path())
        .env("XDG_DATA_HOME", p.dir.path().join("data"))
        .arg("--db")
        .arg(&p.db)
        .arg("--today")
        .arg(TODAY)
        .args(args);
    c
}

/// `inner` run by `sh -c script` (which ends in `exec "$@"`), with its
/// arguments and environment: for limits set with `ulimit`.
fn in_sh(script: &str, inner: Command) -> Command {
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg(script)
        .arg("sh")
        .arg(inner.get_program())
        .args(inner.get_args());
    for (k, v) in inner.get_envs() {
        match v {
            Some(v) => c.env(k, v),
            None => c.env_remove(k),
        };
    }
    c
}

/// Write zeros into `w` a mebibyte at a time until it is closed or `FED`
/// bytes are written; returns how many were written.
fn feed_zeros(mut w: impl Write) -> usize {
    let chunk = vec![0u8; MIB];
    let mut written = 0;
    while written < FED {
        match w.write(&chunk) {
            Ok(n) => written += n,
            Err(_) => break, // folio stopped reading (a broken pipe)
        }
    }
    written
}

const TOO_LARGE: &str = "is larger than 256 MiB; folio reads at most 256 MiB from one import";

// ------------------------------------------------------ item 6: input size --

/// `/dev/zero` never ends: the import stops at the limit and says so. Run in
/// a 3 GiB address space so that a folio reading without end fails there
/// instead of taking the machine's memory.
#[test]
fn importing_dev_zero_stops_at_256_mib() {
    let p = portfolio();
    let before = p.snapshot();
    let inner = folio(&p, &["import", "payments", "/dev/zero"]);
    let mut c = in_sh("ulimit -v 3145728 && exec \"$@\"", inner);
    let out = c.output().expect("run folio");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("/dev/zero {TOO_LARGE}")),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
    assert_eq!(p.snapshot(), before);
}

/// `-` is standard input, bounded the same way: folio stops reading a pipe
/// fed without end, and the feeder sees it closed.
#[test]
fn importing_from_a_pipe_stops_at_256_mib() {
    let p = portfolio();
    let before = p.snapshot();
    let mut child = folio(&p, &["import", "payments", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run folio");
    let stdin = child.stdin.take().expect("stdin");
    let feeder = std::thread::spawn(move || feed_zeros(stdin));
    let out = child.wait_with_output().expect("wait for folio");
    let written = feeder.join().expect("feeder");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("standard input {TOO_LARGE}")),
        "{stderr}"
    );
    assert!(written < FED, "folio read all {written} bytes");
    assert!(out.stdout.is_empty());
    assert_eq!(p.snapshot(), before);
}

/// A FIFO names no size either: read up to the limit, then refused.
#[test]
fn importing_from_a_fifo_stops_at_256_mib() {
    use std::os::unix::fs::OpenOptionsExt;

    let p = portfolio();
    let fifo = p.dir.path().join("feed.csv");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let before = p.snapshot();
    let path = fifo.clone();
    let feeder = std::thread::spawn(move || {
        let w = std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .expect("open the FIFO");
        feed_zeros(w)
    });
    let out = folio(&p, &["import", "payments", path_str(&fifo)])
        .output()
        .expect("run folio");
    // Should folio not have opened the FIFO, the feeder still waits to:
    // a reader that does not block lets it go (and close at once).
    drop(
        std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(&fifo),
    );
    let written = feeder.join().expect("feeder");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("{} {TOO_LARGE}", fifo.display())),
        "{stderr}"
    );
    assert!(written < FED, "folio read all {written} bytes");
    assert_eq!(p.snapshot(), before);
}

/// A regular file past the limit is refused by its size, without reading
/// it (a sparse file: no disk spent); one at the limit is read.
#[test]
fn a_file_over_256_mib_is_refused_and_one_at_it_is_read() {
    let p = portfolio();
    let before = p.snapshot();
    let big = p.dir.path().join("big.csv");
    let f = std::fs::File::create(&big).expect("create");
    f.set_len(256 * MIB as u64 + 1).expect("sparse file");
    let err = p.fails(&["import", "payments", path_str(&big)], 1);
    assert!(
        err.contains(&format!("{} {TOO_LARGE}", big.display())),
        "{err}"
    );
    assert_eq!(p.snapshot(), before);
    // At the limit: read whole, and refused for what it holds.
    f.set_len(256 * MIB as u64).expect("sparse file");
    let err = p.fails(&["import", "payments", path_str(&big)], 1);
    assert!(!err.contains("256 MiB from one import"), "{err}");
    assert!(err.contains("line 1: the line is too long"), "{err}");
    assert_eq!(p.snapshot(), before);
}

/// What `-` reads is imported as from a file, and named as standard input.
#[test]
fn standard_input_imports_like_a_file() {
    let p = portfolio();
    let mut child = folio(&p, &["import", "payments", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run folio");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(b"client,date,amount\nAcme,2026-11-01,10\nAcme,2026-11-02,20\n")
        .expect("write");
    drop(stdin);
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Imported 2 payments from standard input\n"
    );
    let listed = p.ok(&["pay", "list"]);
    assert!(listed.contains("20.00"), "{listed}");
}

// ------------------------------------------------------ item 6: line size --

#[test]
fn a_line_over_1_mib_is_refused_with_its_number() {
    let p = portfolio();
    let before = p.snapshot();
    let mut text = String::from("client,date,amount,note\nAcme,2026-11-01,10,ok\n\n");
    text.push_str("Acme,2026-11-02,10,");
    text.push_str(&"x".repeat(MIB));
    text.push_str("\nAcme,2026-11-03,10,ok\n");
    let file = p.write("long.csv", text.as_bytes());
    let err = p.fails(&["import", "payments", path_str(&file)], 1);
    assert!(
        err.contains("line 4: the line is too long; folio reads lines of at most 1 MiB"),
        "{}",
        &err[..err.len().min(500)]
    );
    assert!(err.len() < 500, "the error does not echo the line");
    assert_eq!(p.snapshot(), before);
}

// ------------------------------------------------- item 7: paths are paths --

/// folio in `dir` with only `args` (no `--db` of its own), `FOLIO_DB` as given.
fn folio_in(dir: &Path, folio_db: Option<&str>, args: &[&str]) -> std::process::Output {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("folio"));
    c.current_dir(dir)
        .env_remove("FOLIO_DB")
        .english()
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .args(["--today", TODAY])
        .args(args);
    if let Some(db) = folio_db {
        c.env("FOLIO_DB", db);
    }
    c.output().expect("run folio")
}

/// `:memory:` and `file:` URIs said "Added client" and kept nothing: now
/// refused before anything is created, as `--db`, as `FOLIO_DB`, and for
/// the commands that write a new portfolio.
#[test]
fn memory_and_uris_are_refused_as_the_portfolio() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases: [(Option<&str>, &[&str]); 6] = [
        (None, &["--db", ":memory:", "client", "add", "Acme"]),
        (
            None,
            &["--db", "file:portfolio.db", "client", "add", "Acme"],
        ),
        (
            None,
            &["--db", "file::memory:?cache=shared", "client", "list"],
        ),
        (Some(":memory:"), &["client", "add", "Acme"]),
        (
            Some("file:portfolio.db?mode=memory"),
            &["client", "add", "Acme"],
        ),
        (None, &["demo", "--db", ":memory:"]),
    ];
    for (env, args) in cases {
        let out = folio_in(dir.path(), env, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{env:?} {args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{env:?} {args:?}");
        assert!(
            stderr.contains("is not a file path: folio keeps a portfolio in a file"),
            "{env:?} {args:?}: {stderr}"
        );
        // Nothing was created, under any name.
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert!(left.is_empty(), "{env:?} {args:?} left {left:?}");
    }
    let out = folio_in(dir.path(), None, &["--db", ":memory:", "client", "list"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "folio: ':memory:' is not a file path: folio keeps a portfolio in a file, \
         not in memory or at an SQLite URI (for a file of that name, write ./:memory:)\n"
    );
}

/// Files of those names, written as paths, are kept like any other.
#[test]
fn files_named_like_uris_are_files_when_written_as_paths() {
    let dir = tempfile::tempdir().expect("temp dir");
    for db in ["./:memory:", "./file:portfolio.db"] {
        let out = folio_in(dir.path(), None, &["--db", db, "client", "add", "Acme"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = folio_in(dir.path(), Some(db), &["client", "list"]);
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Acme"),
            "{db}"
        );
        assert!(dir.path().join(&db[2..]).metadata().expect("kept").len() > 0);
    }
}

// ---------------------------------------------------- item 8: a full disk --

fn dev_full() -> std::fs::File {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full")
}

/// Output to a full disk (`/dev/full` refuses every write with ENOSPC):
/// said as such, exit 1, for the text main prints and for the report
/// written as it is produced.
#[test]
fn output_to_a_full_disk_says_the_disk_is_full() {
    let p = portfolio();
    for args in [
        &["client", "list"][..],
        &["report"],
        &["report", "--format", "json"],
    ] {
        let out = folio(&p, args)
            .stdout(dev_full())
            .output()
            .expect("run folio");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "folio: cannot write output: the disk is full (no space left on device)\n",
            "{args:?}"
        );
        assert_eq!(out.status.code(), Some(1), "{args:?}");
    }
}

/// SQLite meeting a disk it cannot write to: the file-size limit of the
/// process (`ulimit -f`, its signal ignored) makes every write past it
/// fail, as a full disk would (SQLITE_IOERR_WRITE; a real full disk gives
/// SQLITE_FULL, and SHMSIZE when the `-shm` file cannot grow: those are
/// unit-tested in `store::failure`, as no small disk can be mounted here).
/// The import fails with the plain sentence and changes nothing.
#[test]
fn a_write_the_disk_refuses_says_the_disk_is_full_and_changes_nothing() {
    let p = portfolio();
    let mut csv = String::from("client,date,kind,summary,minutes\n");
    for i in 0..20_000 {
        csv.push_str(&format!(
            "Acme,2026-10-{:02},call,touchpoint {i},5\n",
            1 + i % 28
        ));
    }
    let file = p.write("touch.csv", csv.as_bytes());
    let before = p.snapshot();
    // 1024 blocks: 512 KiB in dash's units, 1 MiB in bash's; the import
    // writes megabytes, opening the portfolio far less.
    let inner = folio(&p, &["import", "touchpoints", path_str(&file)]);
    let mut c = in_sh("trap '' XFSZ && ulimit -f 1024 && exec \"$@\"", inner);
    let out = c.output().expect("run folio");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "folio: import of {} failed; nothing was written: \
             the disk is full (or failing): nothing was changed\n",
            file.display()
        )
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(p.snapshot(), before);
    assert!(p.ok(&["check"]).ends_with(": ok\n"));
}

/// A portfolio on a real disk that fills up: a 1 MiB tmpfs. Mounting needs
/// root and a system that allows it, so this runs only when asked
/// (`cargo test --test limits -- --ignored`) and skips where `mount` fails.
#[test]
#[ignore = "mounts a tmpfs: needs root"]
fn a_portfolio_on_a_full_tmpfs() {
    struct Mounted<'a>(&'a Path);
    impl Drop for Mounted<'_> {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(self.0).status();
        }
    }
    let p = Portfolio::new();
    let mnt = p.dir.path().join("small");
    std::fs::create_dir(&mnt).expect("mount point");
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
        .arg(&mnt)
        .stderr(Stdio::null())
        .status();
    if !mounted.is_ok_and(|s| s.success()) {
        eprintln!("skipped: cannot mount a tmpfs here");
        return;
    }
    let _unmount = Mounted(&mnt);
    let db = mnt.join("portfolio.db");
    let on_small = |args: &[&str]| folio_in(p.dir.path(), Some(path_str(&db)), args);
    assert!(on_small(&["client", "add", "Acme"]).status.success());
    // Fill the disk to the last byte, less a reserve freed below.
    std::fs::write(mnt.join("reserve"), vec![0u8; 64 << 10]).expect("reserve");
    let mut fill = std::fs::File::create(mnt.join("fill")).expect("fill");
    while fill.write_all(&[0u8; 4096]).is_ok() {}
    while fill.write_all(&[0u8; 1]).is_ok() {}
    drop(fill);

    // 100 % full: the `-shm` file cannot grow (SQLITE_IOERR_SHMSIZE).
    let out = on_small(&["client", "list"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "folio: cannot open {}: the disk is full (or failing): nothing was changed\n",
            db.display()
        )
    );
    assert_eq!(out.status.code(), Some(1));

    // Room to open, none to write the import (SQLITE_FULL).
    std::fs::remove_file(mnt.join("reserve")).expect("free the reserve");
    let mut csv = String::from("client,date,kind,summary,minutes\n");
    for i in 0..20_000 {
        csv.push_str(&format!(
            "Acme,2026-10-{:02},call,touchpoint {i},5\n",
            1 + i % 28
        ));
    }
    let file = p.write("touch.csv", csv.as_bytes());
    let out = on_small(&["import", "touchpoints", path_str(&file)]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "folio: import of {} failed; nothing was written: \
             the disk is full (or failing): nothing was changed\n",
            file.display()
        )
    );
    assert_eq!(out.status.code(), Some(1));
    std::fs::remove_file(mnt.join("fill")).expect("free the disk");
    let listed = on_small(&["touch", "list"]);
    assert!(listed.status.success());
    assert!(!String::from_utf8_lossy(&listed.stdout).contains("touchpoint 1"));
}
