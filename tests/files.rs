//! The one rule for every file folio writes (`--out` of report and export,
//! `backup`, the `.bak-*` copies), through the real binary on a temporary
//! folder: existing files, the portfolio under any name, other databases,
//! symbolic links, FIFOs, standard output, killed writes and file modes.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{English, Portfolio, path_str};

/// A portfolio with two clients and a payment, so reports and exports say something.
fn small() -> Portfolio {
    let p = Portfolio::new();
    p.ok(&["client", "add", "ООО Ромашка", "--tier", "gold"]);
    p.ok(&["client", "add", "Atlas Legal"]);
    p.ok(&[
        "pay",
        "add",
        "ООО Ромашка",
        "--amount",
        "120000",
        "--on",
        "2026-11-05",
    ]);
    p
}

/// Every output command, writing to `out` (with `--force` when asked).
fn writers(out: &Path, force: bool) -> Vec<Vec<String>> {
    let out = path_str(out).to_string();
    let mut all = vec![
        vec!["report".into(), "--out".into(), out.clone()],
        vec![
            "report".into(),
            "--format".into(),
            "json".into(),
            "--out".into(),
            out.clone(),
        ],
        vec![
            "export".into(),
            "clients".into(),
            "--out".into(),
            out.clone(),
        ],
        vec!["backup".into(), "--out".into(), out],
    ];
    if force {
        for args in &mut all {
            args.push("--force".into());
        }
    }
    all
}

fn run_fails(p: &Portfolio, args: &[String]) -> String {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    p.fails(&args, 1)
}

fn run_ok(p: &Portfolio, args: &[String]) -> String {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    p.ok(&args)
}

#[test]
fn the_open_portfolio_is_never_written_over_even_with_force() {
    let p = small();
    let before = p.snapshot();
    for force in [false, true] {
        for args in writers(&p.db, force) {
            let err = run_fails(&p, &args);
            assert!(err.contains("open portfolio"), "{args:?}: {err}");
            assert!(err.contains(path_str(&p.db)), "names the file: {err}");
        }
    }
    assert_eq!(p.snapshot(), before, "the portfolio is as it was");
    assert_eq!(
        p.json(&["client", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[cfg(unix)]
#[test]
fn the_portfolio_under_another_name_is_recognised_by_its_inode() {
    let p = small();
    let alias = p.dir.path().join("alias.md");
    fs::hard_link(&p.db, &alias).unwrap();
    let before = p.snapshot();
    for args in writers(&alias, true) {
        let err = run_fails(&p, &args);
        assert!(err.contains("open portfolio"), "{args:?}: {err}");
    }
    // Its write-ahead log, while another connection keeps it open.
    let conn = rusqlite::Connection::open(&p.db).unwrap();
    conn.pragma_update(None, "journal_mode", "wal").unwrap();
    conn.execute("CREATE TEMP TABLE t (x)", []).unwrap();
    conn.query_row("SELECT count(*) FROM clients", [], |r| r.get::<_, i64>(0))
        .unwrap();
    let wal = p.dir.path().join("portfolio.db-wal");
    let shm = p.dir.path().join("portfolio.db-shm");
    assert!(wal.exists() && shm.exists());
    for side in [&wal, &shm] {
        for args in writers(side, true) {
            let err = run_fails(&p, &args);
            assert!(err.contains("open portfolio"), "{args:?}: {err}");
        }
    }
    drop(conn);
    assert_eq!(p.snapshot(), before);
}

#[test]
fn another_database_is_never_written_over() {
    let p = small();
    let other = p.dir.path().join("other.db");
    p.ok(&["backup", "--out", path_str(&other)]);
    let before = fs::read(&other).unwrap();
    for args in writers(&other, true) {
        let err = run_fails(&p, &args);
        assert!(err.contains("SQLite database"), "{args:?}: {err}");
        assert!(err.contains("other.db"), "{err}");
    }
    assert_eq!(fs::read(&other).unwrap(), before);
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let p = small();
    let out = p.dir.path().join("notes.txt");
    for (without, with) in writers(&out, false).into_iter().zip(writers(&out, true)) {
        fs::write(&out, "keep me\n").unwrap();
        let err = run_fails(&p, &without);
        assert!(
            err.contains("notes.txt") && err.contains("--force"),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&out).unwrap(), "keep me\n");
        run_ok(&p, &with);
        assert_ne!(fs::read_to_string(&out).unwrap_or_default(), "keep me\n");
        fs::remove_file(&out).unwrap();
    }
    // A new file needs no --force.
    let out = p.ok(&["report", "--out", path_str(&p.dir.path().join("new.md"))]);
    assert!(out.contains("new.md"), "{out}");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_followed_only_with_force() {
    let p = small();
    let target = p.dir.path().join("target.md");
    fs::write(&target, "old\n").unwrap();
    let link = p.dir.path().join("link.md");
    std::os::unix::fs::symlink("target.md", &link).unwrap();
    let err = p.fails(&["report", "--out", path_str(&link)], 1);
    assert!(
        err.contains("symbolic link") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "old\n");
    p.ok(&["report", "--out", path_str(&link), "--force"]);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&target)
            .unwrap()
            .starts_with("# One-on-one briefing")
    );
    // A link to the portfolio stays refused.
    let to_db = p.dir.path().join("db-link");
    std::os::unix::fs::symlink(&p.db, &to_db).unwrap();
    let err = p.fails(
        &["export", "clients", "--out", path_str(&to_db), "--force"],
        1,
    );
    assert!(err.contains("open portfolio"), "{err}");
    // A dangling link, forced, creates its target.
    let dangling = p.dir.path().join("dangling.csv");
    std::os::unix::fs::symlink("made.csv", &dangling).unwrap();
    p.ok(&["export", "clients", "--out", path_str(&dangling), "--force"]);
    assert!(
        fs::read_to_string(p.dir.path().join("made.csv"))
            .unwrap()
            .contains("Atlas Legal")
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_written_through_not_replaced() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let p = small();
    let fifo = p.dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    for args in [
        vec!["export", "clients", "--out", path_str(&fifo)],
        vec!["report", "--out", path_str(&fifo)],
        vec!["backup", "--out", path_str(&fifo)],
    ] {
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                let mut bytes = Vec::new();
                fs::File::open(&fifo)
                    .and_then(|mut f| f.read_to_end(&mut bytes))
                    .expect("read the fifo");
                bytes
            })
        };
        p.ok(&args);
        let bytes = reader.join().unwrap();
        match args[0] {
            "export" => assert!(String::from_utf8_lossy(&bytes).contains("ООО Ромашка")),
            "report" => assert!(bytes.starts_with(b"# One-on-one briefing")),
            _ => assert!(bytes.starts_with(b"SQLite format 3\0"), "a whole database"),
        }
        let kind = fs::symlink_metadata(&fifo).unwrap().file_type();
        assert!(kind.is_fifo(), "{args:?} left the FIFO a FIFO");
    }
}

#[test]
fn a_dash_writes_to_standard_output() {
    let p = small();
    let out = p.ok(&["export", "clients", "--out", "-"]);
    assert!(out.contains("Atlas Legal"), "{out}");
    let out = p.ok(&["report", "--out", "-", "--format", "text"]);
    assert!(out.contains("ООО Ромашка"), "{out}");
    assert!(!p.dir.path().join("-").exists());
}

#[test]
fn a_folder_or_a_missing_folder_is_named() {
    let p = small();
    let err = p.fails(&["report", "--out", path_str(p.dir.path())], 1);
    assert!(err.contains("is a folder"), "{err}");
    let missing = p.dir.path().join("nowhere").join("r.md");
    let err = p.fails(&["report", "--out", path_str(&missing)], 1);
    assert!(
        err.contains("does not exist") && err.contains("nowhere"),
        "{err}"
    );
}

/// Files in `dir` whose names start with `prefix`.
fn named(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    found.sort();
    found
}

#[cfg(unix)]
#[test]
fn a_killed_backup_leaves_nothing_under_the_real_name_and_the_retry_works() {
    let p = small();
    let folio = assert_cmd::cargo::cargo_bin("folio");
    // Grow the portfolio past the file-size limit below, so the backup's
    // write is killed half way (SIGXFSZ), as a full disk or a kill would.
    let notes = "x".repeat(9_000);
    for i in 0..40 {
        p.ok(&["client", "add", &format!("Client {i}"), "--notes", &notes]);
    }
    let dest = p.dir.path().join("copy.db");
    let killed = std::process::Command::new("bash")
        .arg("-c")
        .arg(r#"ulimit -f 200; exec "$@""#)
        .arg("bash")
        .arg(&folio)
        .arg("--db")
        .arg(&p.db)
        .args(["backup", "--out"])
        .arg(&dest)
        .env_remove("FOLIO_DB")
        .english()
        .output()
        .unwrap();
    assert!(!killed.status.success(), "the limit stopped the backup");
    assert!(!dest.exists(), "no partial file under the real name");
    // The retry is not refused as "already exists", and the copy is whole.
    p.ok(&["backup", "--out", path_str(&dest)]);
    let copy = Portfolio {
        dir: tempfile::tempdir().unwrap(),
        db: dest,
    };
    assert_eq!(
        copy.ok(&["check"]).trim_end(),
        format!("{}: ok", path_str(&copy.db))
    );
    assert_eq!(
        copy.json(&["client", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        42
    );
}

#[test]
fn default_backups_and_delete_copies_never_collide() {
    let p = small();
    let first = p.ok(&["backup"]);
    let second = p.ok(&["backup"]);
    assert!(first.contains("portfolio.db.backup-20261123\n"), "{first}");
    assert!(
        second.contains("portfolio.db.backup-20261123-2\n"),
        "{second}"
    );
    assert_eq!(named(p.dir.path(), "portfolio.db.backup-").len(), 2);
    // No temporary file is left behind by a completed write.
    assert!(named(p.dir.path(), ".").is_empty());
}

#[cfg(unix)]
mod modes {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_new_portfolio_its_sidecars_and_its_copies_are_owner_only() {
        let p = small();
        assert_eq!(mode(&p.db), 0o600);
        let conn = rusqlite::Connection::open(&p.db).unwrap();
        conn.query_row("SELECT count(*) FROM clients", [], |r| r.get::<_, i64>(0))
            .unwrap();
        for side in ["portfolio.db-wal", "portfolio.db-shm"] {
            assert_eq!(mode(&p.dir.path().join(side)), 0o600, "{side}");
        }
        drop(conn);
        p.ok(&["backup"]);
        p.ok(&["report", "--out", path_str(&p.dir.path().join("r.md"))]);
        assert_eq!(
            mode(&p.dir.path().join("portfolio.db.backup-20261123")),
            0o600
        );
        assert_eq!(mode(&p.dir.path().join("r.md")), 0o600);
    }

    #[test]
    fn an_existing_open_file_is_tightened_and_folio_says_so() {
        let p = Portfolio::new();
        fs::write(&p.db, b"").unwrap();
        fs::set_permissions(&p.db, fs::Permissions::from_mode(0o644)).unwrap();
        let out = p.cmd(&["client", "add", "Acme"]).output().unwrap();
        assert!(out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("private") && err.contains("0644"), "{err}");
        assert!(err.contains(path_str(&p.db)), "{err}");
        assert_eq!(mode(&p.db), 0o600);
        // Sidecars left wide by another program are tightened too.
        let conn = rusqlite::Connection::open(&p.db).unwrap();
        conn.query_row("SELECT count(*) FROM clients", [], |r| r.get::<_, i64>(0))
            .unwrap();
        let wal = p.dir.path().join("portfolio.db-wal");
        fs::set_permissions(&wal, fs::Permissions::from_mode(0o644)).unwrap();
        let out = p.cmd(&["client", "list"]).output().unwrap();
        assert!(String::from_utf8_lossy(&out.stderr).contains("portfolio.db-wal"));
        assert_eq!(mode(&wal), 0o600);
        drop(conn);
        // Once private, nothing more is said.
        let out = p.cmd(&["client", "list"]).output().unwrap();
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    #[test]
    fn the_default_data_folder_is_created_owner_only() {
        let home = tempfile::tempdir().unwrap();
        let data = home.path().join("data");
        let run = || {
            let mut c = assert_cmd::Command::cargo_bin("folio").unwrap();
            c.env_remove("FOLIO_DB")
                .english()
                .env("HOME", home.path())
                .env("XDG_DATA_HOME", &data)
                .args(["--today", common::TODAY, "client", "add", "Acme"]);
            c.output().unwrap()
        };
        assert!(run().status.success());
        let folder = data.join("folio");
        assert_eq!(mode(&folder), 0o700);
        assert_eq!(mode(&folder.join("portfolio.db")), 0o600);
        // A folder made wide later is tightened, and folio says so.
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
        let out = run();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("0755") && err.contains("private"), "{err}");
        assert_eq!(mode(&folder), 0o700);
    }

    /// `id -u`: root ignores file modes, so tests of refused writes run the
    /// binary as an unprivileged user when this is 0.
    fn euid() -> u32 {
        let out = std::process::Command::new("id").arg("-u").output().unwrap();
        String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
    }

    #[test]
    fn a_folder_that_cannot_be_written_leaves_nothing_and_says_so() {
        let p = small();
        // A folder anyone may enter but nobody may write in.
        fs::set_permissions(p.dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        let locked = p.dir.path().join("locked");
        fs::create_dir(&locked).unwrap();
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
        let out = locked.join("r.md");
        let folio = assert_cmd::cargo::cargo_bin("folio");
        let mut cmd = if euid() == 0 {
            if std::process::Command::new("setpriv")
                .arg("--help")
                .output()
                .is_err()
            {
                eprintln!("skipped: running as root and setpriv is not installed");
                return;
            }
            let nobody = || {
                let mut c = std::process::Command::new("setpriv");
                c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                    .arg(&folio);
                c
            };
            if !nobody()
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
            {
                eprintln!(
                    "skipped: the unprivileged user cannot run {}",
                    folio.display()
                );
                return;
            }
            nobody()
        } else {
            std::process::Command::new(&folio)
        };
        // The unprivileged user reads the demo, as root could not be refused.
        let run = cmd
            .env_remove("FOLIO_DB")
            .english()
            .env("HOME", p.dir.path())
            .args(["--demo", "--today", common::TODAY, "report", "--out"])
            .arg(&out)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{err}");
        assert!(
            err.contains("cannot write") && err.contains("r.md"),
            "{err}"
        );
        assert!(
            err.to_lowercase().contains("permission denied"),
            "access was in fact denied: {err}"
        );
        assert_eq!(fs::read_dir(&locked).unwrap().count(), 0);
    }
}
