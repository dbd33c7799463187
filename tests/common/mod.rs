//! Helpers for tests that drive the real `folio` binary, or open a
//! portfolio in process.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use folio::store::{Create, Store};
use tempfile::TempDir;

pub const TODAY: &str = "2026-11-23";

/// The variables that choose folio's language: cleared for every run, so
/// the suite passes on a Russian machine.
pub const LOCALE_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// A command with the variables that choose folio's language removed, so
/// it speaks English on any machine: `Command::new(folio).english()`.
pub trait English {
    fn english(&mut self) -> &mut Self;
}

impl English for std::process::Command {
    fn english(&mut self) -> &mut Self {
        for var in LOCALE_VARS {
            self.env_remove(var);
        }
        self
    }
}

impl English for Command {
    fn english(&mut self) -> &mut Self {
        for var in LOCALE_VARS {
            self.env_remove(var);
        }
        self
    }
}

/// A temporary portfolio file and a way to run folio on it.
pub struct Portfolio {
    pub dir: TempDir,
    pub db: PathBuf,
}

impl Portfolio {
    pub fn new() -> Portfolio {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("portfolio.db");
        Portfolio { dir, db }
    }

    /// `folio --db <file> --today 2026-11-23 <args>`, with no FOLIO_DB
    /// leaking in, nor the machine's language (a test about the language
    /// sets it).
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("folio").expect("binary");
        for var in LOCALE_VARS {
            c.env_remove(var);
        }
        c.env_remove("FOLIO_DB")
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .arg("--db")
            .arg(&self.db)
            .arg("--today")
            .arg(TODAY)
            .args(args);
        c
    }

    /// Run and expect success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().expect("run folio");
        assert!(
            out.status.success(),
            "folio {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Run and expect failure with `code`; returns stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.cmd(args).output().expect("run folio");
        assert_eq!(
            out.status.code(),
            Some(code),
            "folio {args:?} should exit {code}; stdout: {} stderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stdout.is_empty(),
            "a failed command prints nothing on stdout"
        );
        String::from_utf8(out.stderr).expect("utf-8 stderr")
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).expect("valid JSON")
    }

    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).expect("write file");
        p
    }

    /// Bytes of the database and its WAL, to prove a failed command changed nothing.
    pub fn snapshot(&self) -> Vec<u8> {
        // Checkpoint first so the comparison covers committed state in one file.
        let conn = rusqlite::Connection::open(&self.db).expect("open");
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .expect("checkpoint");
        drop(conn);
        std::fs::read(&self.db).expect("read db")
    }
}

/// A new portfolio file opened in process, and a second connection to the
/// file for checking it with SQL of the test's own (the store keeps its
/// connection to itself). Fields drop in order: the store, the second
/// connection, then the folder.
pub struct OpenFile {
    pub store: Store,
    pub sql: rusqlite::Connection,
    _dir: TempDir,
}

impl OpenFile {
    pub fn new() -> OpenFile {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("portfolio.db");
        let (store, _) = Store::open(&path, Create::FileOnly).expect("open");
        let sql = rusqlite::Connection::open(&path).expect("second connection");
        OpenFile {
            store,
            sql,
            _dir: dir,
        }
    }

    /// How many rows `table` holds.
    pub fn count(&self, table: &str) -> i64 {
        self.sql
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .expect("count")
    }
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}
