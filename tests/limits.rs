//! Limits on what folio reads and where it keeps things (issue 19, items
//! 6 to 8), through the real binary: an import reads at most 256 MiB and
//! lines of at most 1 MiB, `--db` takes a file path and nothing else, and a
//! full disk is said as such.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{Portfolio, TODAY};

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
        .env("HOME", p.dir.path())
        .env("XDG_DATA_HOME", p.dir.path().join("data"))
        .arg("--db")
        .arg(&p.db)
        .arg("--today")
        .arg(TODAY)
        .args(args);
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
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg("ulimit -v 3145728 && exec \"$@\"")
        .arg("sh")
        .arg(inner.get_program())
        .args(inner.get_args());
    for (k, v) in inner.get_envs() {
        match v {
            Some(v) => c.env(k, v),
            None => c.env_remove(k),
        };
    }
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
