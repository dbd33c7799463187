//! `folio restore FILE` and `folio backups`, through the real binary: a
//! good copy comes back whole and the portfolio before it is kept; a file
//! that is not a sound folio copy of a known version is refused with
//! nothing changed; the automatic copies are pruned to the newest ten.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::{Portfolio, path_str};

/// A portfolio with two clients, one of them with a touchpoint.
fn two_clients() -> Portfolio {
    let p = Portfolio::new();
    p.ok(&["client", "add", "Northwind", "--tier", "gold"]);
    p.ok(&["client", "add", "Contoso"]);
    p.ok(&[
        "touch",
        "add",
        "Northwind",
        "--kind",
        "call",
        "--summary",
        "Q1 budget",
    ]);
    p
}

fn client_names(p: &Portfolio) -> Vec<String> {
    let mut names: Vec<String> = p
        .json(&["client", "list", "--json"])
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| c["name"].as_str().expect("a name").to_string())
        .collect();
    names.sort();
    names
}

/// A portfolio at `db` (in a folder of its own, so nothing is created
/// beside the file under test).
fn at(db: &Path) -> Portfolio {
    Portfolio {
        dir: tempfile::tempdir().expect("temp dir"),
        db: db.to_path_buf(),
    }
}

fn user_version(db: &Path) -> i32 {
    rusqlite::Connection::open(db)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

/// The copies of `name` in `dir` whose name starts with `prefix`, sorted.
fn files_starting(dir: &Path, prefix: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix))
        .collect();
    names.sort();
    names
}

#[test]
fn a_backup_brings_a_deleted_client_back_and_the_state_before_is_kept() {
    let p = two_clients();
    let copy = p.dir.path().join("before-delete.db");
    p.ok(&["backup", "--out", path_str(&copy)]);
    p.ok(&["client", "delete", "Northwind", "--force"]);
    p.ok(&["client", "add", "Fabrikam"]);
    assert_eq!(client_names(&p), ["Contoso", "Fabrikam"]);
    let copy_bytes = std::fs::read(&copy).unwrap();

    let out = p.ok(&["restore", path_str(&copy)]);
    let before = p.dir.path().join("portfolio.db.bak-before-restore");
    assert_eq!(
        out,
        format!(
            "Restored {} from {} (schema version {})\nThe portfolio before the restore is kept as {}\n",
            p.db.display(),
            copy.display(),
            folio::store::schema::CURRENT_VERSION,
            before.display()
        )
    );
    assert_eq!(client_names(&p), ["Contoso", "Northwind"]);
    let card = p.json(&["client", "show", "Northwind", "--json"]);
    assert_eq!(card["touchpoint_count"], 1);
    // The copy restored from is byte for byte as it was, with no SQLite
    // files left beside it.
    assert_eq!(std::fs::read(&copy).unwrap(), copy_bytes);
    assert_eq!(
        files_starting(p.dir.path(), "before-delete.db"),
        ["before-delete.db"]
    );
    // The portfolio as it was before the restore.
    assert_eq!(client_names(&at(&before)), ["Contoso", "Fabrikam"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&before).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    // A second restore keeps the first copy and writes the next name.
    p.ok(&["client", "add", "Initech"]);
    let out = p.ok(&["restore", path_str(&before)]);
    let second = p.dir.path().join("portfolio.db.bak-before-restore-2");
    assert!(out.contains(path_str(&second)), "{out}");
    assert_eq!(client_names(&p), ["Contoso", "Fabrikam"]);
    assert_eq!(client_names(&at(&before)), ["Contoso", "Fabrikam"]);
    assert_eq!(
        client_names(&at(&second)),
        ["Contoso", "Initech", "Northwind"]
    );
    assert_eq!(p.ok(&["check"]), format!("{}: ok\n", p.db.display()));
}

/// Restoring into a portfolio that does not exist yet creates it, with no
/// copy of a file that was not there.
#[test]
fn a_restore_into_a_new_file_keeps_no_copy() {
    let p = two_clients();
    let copy = p.dir.path().join("copy.db");
    p.ok(&["backup", "--out", path_str(&copy)]);
    let fresh = p.dir.path().join("fresh.db");
    let q = Portfolio {
        dir: tempfile::tempdir().unwrap(),
        db: fresh.clone(),
    };
    let out = q.ok(&["restore", path_str(&copy)]);
    assert!(out.contains("no copy of it to keep"), "{out}");
    assert_eq!(client_names(&q), ["Contoso", "Northwind"]);
    assert!(files_starting(p.dir.path(), "fresh.db.").is_empty());
}

/// What a refused restore must leave: the portfolio's bytes, no copy
/// before the restore, the file named as it was.
struct Refusal<'a> {
    p: &'a Portfolio,
    snapshot: Vec<u8>,
}

impl<'a> Refusal<'a> {
    fn new(p: &'a Portfolio) -> Refusal<'a> {
        Refusal {
            p,
            snapshot: p.snapshot(),
        }
    }

    /// `restore FILE` fails (exit 1) saying `expect`; nothing changed.
    fn refuses(&self, file: &Path, expect: &str) {
        let before = std::fs::read(file).ok();
        let err = self.p.fails(&["restore", path_str(file)], 1);
        assert!(err.contains(expect), "expected {expect:?} in: {err}");
        assert!(err.contains("nothing was changed"), "{err}");
        assert_eq!(self.p.snapshot(), self.snapshot, "the portfolio changed");
        assert_eq!(std::fs::read(file).ok(), before, "the file changed");
        assert!(
            files_starting(self.p.dir.path(), "portfolio.db.bak-").is_empty(),
            "a copy was written for a refused restore"
        );
    }
}

#[test]
fn files_that_are_not_sound_folio_copies_are_refused_and_nothing_changes() {
    let p = two_clients();
    let good = p.dir.path().join("good.db");
    p.ok(&["backup", "--out", path_str(&good)]);
    let r = Refusal::new(&p);

    let text = p.write("notes.txt", b"this is not a database\n");
    r.refuses(&text, "is not a folio database (not an SQLite file)");
    let empty = p.write("empty.db", b"");
    r.refuses(&empty, "is not a folio database");
    r.refuses(&p.dir.path().join("missing.db"), "does not exist");

    let foreign = p.dir.path().join("other-app.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE notes (body TEXT); PRAGMA user_version = 1;")
        .unwrap();
    r.refuses(&foreign, "is a database of another program");

    let newer = p.dir.path().join("newer.db");
    std::fs::copy(&good, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    r.refuses(&newer, "written by a newer folio (schema version 99");

    // Cut short: the header promises more pages than the file has.
    let bytes = std::fs::read(&good).unwrap();
    let truncated = p.write("truncated.db", &bytes[..bytes.len() / 2]);
    r.refuses(&truncated, "is damaged");

    // A client's name key changed behind its index's back: only the
    // integrity check can tell.
    let corrupt = p.dir.path().join("corrupt.db");
    let (page_size, root) = {
        let c = rusqlite::Connection::open(&good).unwrap();
        let size: i64 = c
            .pragma_query_value(None, "page_size", |r| r.get(0))
            .unwrap();
        let root: i64 = c
            .query_row(
                "SELECT rootpage FROM sqlite_master WHERE name = 'clients'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        (size as usize, root as usize)
    };
    let mut bytes = std::fs::read(&good).unwrap();
    let page = &mut bytes[(root - 1) * page_size..root * page_size];
    let at = page
        .windows(9)
        .position(|w| w == b"northwind")
        .expect("the name key on the clients page");
    page[at] = b'm';
    std::fs::write(&corrupt, &bytes).unwrap();
    r.refuses(
        &corrupt,
        "is damaged (2 problems found by the integrity check",
    );

    // The good copy itself still restores: the refusals were the files'.
    p.ok(&["restore", path_str(&good)]);
}

#[test]
fn the_portfolio_itself_is_refused_by_any_name() {
    let p = two_clients();
    let r = Refusal::new(&p);
    r.refuses(&p.db, "is the portfolio itself");
    let dotted = p.dir.path().join(".").join("portfolio.db");
    r.refuses(&dotted, "is the portfolio itself");
    #[cfg(unix)]
    {
        let link = p.dir.path().join("link.db");
        std::os::unix::fs::symlink(&p.db, &link).unwrap();
        r.refuses(&link, "is the portfolio itself");
        let hard = p.dir.path().join("hard.db");
        std::fs::hard_link(&p.db, &hard).unwrap();
        r.refuses(&hard, "is the portfolio itself");
    }
}

#[test]
fn the_demo_is_not_restored_into() {
    let p = two_clients();
    let copy = p.dir.path().join("copy.db");
    p.ok(&["backup", "--out", path_str(&copy)]);
    let err = p.fails(&["--demo", "restore", path_str(&copy)], 1);
    assert!(err.contains("demo portfolio is temporary"), "{err}");
}

/// A copy from the first schema version is restored and brought up to
/// this program's version at once, saying so; its records are all there.
#[test]
fn an_old_copy_is_restored_and_upgraded() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/portfolio-v1.db");
    let p = two_clients();
    let old = p.dir.path().join("old.db");
    std::fs::copy(&fixture, &old).unwrap();
    let out = p.cmd(&["restore", path_str(&old)]).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("(schema version 1)"), "{stdout}");
    assert!(
        stderr.contains(&format!(
            "from schema version 1 to {}",
            folio::store::schema::CURRENT_VERSION
        )),
        "{stderr}"
    );
    assert_eq!(user_version(&p.db), folio::store::schema::CURRENT_VERSION);
    assert_eq!(user_version(&old), 1, "the copy restored from is unchanged");
    let clients = p.json(&["client", "list", "--json"]);
    assert_eq!(clients.as_array().unwrap().len(), 25);
    assert_eq!(
        client_names(&at(&p.dir.path().join("portfolio.db.bak-before-restore"))),
        ["Contoso", "Northwind"]
    );
}

fn set_age(path: &Path, seconds_ago: u64) {
    let when = SystemTime::now() - Duration::from_secs(seconds_ago);
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(when)
        .unwrap();
}

#[test]
fn backups_lists_the_copies_newest_first_with_dates_and_sizes() {
    let p = Portfolio::new();
    let out = p.ok(&["backups"]);
    assert_eq!(
        out,
        format!(
            "No backup copies of {} yet; `folio backup` writes one.\n",
            p.db.display()
        )
    );
    assert_eq!(p.json(&["backups", "--json"]), serde_json::json!([]));
    assert!(!p.db.exists(), "listing does not create the portfolio");

    let copies: [(&str, usize, u64); 4] = [
        (
            "portfolio.db.backup-20261101",
            3 * 1024 * 1024,
            1_800_000_000,
        ),
        ("portfolio.db.bak-v1", 2048, 1_700_000_000),
        ("portfolio.db.bak-delete-20261120-4", 100, 1_900_000_000),
        ("portfolio.db.bak-before-restore", 5000, 1_750_000_000),
    ];
    for (name, size, at) in copies {
        let path = p.write(name, &vec![0u8; size]);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(at))
            .unwrap();
    }
    // Not copies: SQLite's files beside one, other names, other portfolios.
    for name in [
        "portfolio.db.bak-v1-wal",
        "portfolio.db.bak-v1-shm",
        "portfolio.db-wal",
        "portfolio.db.old",
        "other.db.bak-v1",
    ] {
        p.write(name, b"x");
    }
    std::fs::create_dir(p.dir.path().join("portfolio.db.bak-folder")).unwrap();

    let out = p.cmd(&["backups"]).env("TZ", "UTC").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let want = format!(
        "4 backup copies of {}, newest first, in {}:\n\n\
         Modified                Size  Kind            File\n\
         2030-03-17 17:46       100 B  delete          portfolio.db.bak-delete-20261120-4\n\
         2027-01-15 08:00     3.0 MiB  backup          portfolio.db.backup-20261101\n\
         2025-06-15 15:06     4.9 KiB  before restore  portfolio.db.bak-before-restore\n\
         2023-11-14 22:13     2.0 KiB  migration       portfolio.db.bak-v1\n\
         \nRestore one with `folio restore FILE`.\n",
        p.db.display(),
        p.dir.path().display()
    );
    assert_eq!(text, want);

    let out = p
        .cmd(&["backups", "--json"])
        .env("TZ", "UTC")
        .output()
        .unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        rows[0],
        serde_json::json!({
            "name": "portfolio.db.bak-delete-20261120-4",
            "path": path_str(&p.dir.path().join("portfolio.db.bak-delete-20261120-4")),
            "kind": "delete",
            "modified": "2030-03-17T17:46:40+00:00",
            "bytes": 100,
        })
    );
    let kinds: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["delete", "backup", "before_restore", "migration"]);
}

/// Twelve old deletion copies and a new one: the newest ten stay, the
/// three oldest go, and folio says which; the other kinds are not touched.
#[test]
fn deleting_prunes_the_deletion_copies_to_the_newest_ten_and_says_so() {
    let p = two_clients();
    let old: Vec<PathBuf> = (1..=12)
        .map(|i| {
            let path = p.write(&format!("portfolio.db.bak-delete-202601{i:02}-9"), b"old");
            // Copy 1 is the oldest.
            set_age(&path, 10_000 - i * 100);
            path
        })
        .collect();
    for name in [
        "portfolio.db.backup-20260101",
        "portfolio.db.bak-before-restore",
    ] {
        set_age(&p.write(name, b"keep"), 1_000_000);
    }
    let out = p
        .cmd(&["client", "delete", "Northwind", "--force"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        "folio: removed 3 old backup copies (keeping the newest 10): \
         portfolio.db.bak-delete-20260101-9, portfolio.db.bak-delete-20260102-9, \
         portfolio.db.bak-delete-20260103-9\n"
    );
    let left = files_starting(p.dir.path(), "portfolio.db.bak-delete-");
    assert_eq!(left.len(), 10, "{left:?}");
    assert!(left.contains(&"portfolio.db.bak-delete-20261123-1".to_string()));
    for (i, path) in old.iter().enumerate() {
        assert_eq!(path.exists(), i >= 3, "{}", path.display());
    }
    assert!(p.dir.path().join("portfolio.db.backup-20260101").exists());
    assert!(
        p.dir
            .path()
            .join("portfolio.db.bak-before-restore")
            .exists()
    );

    // A delete with nothing beyond ten says nothing more.
    p.ok(&[
        "touch",
        "add",
        "Contoso",
        "--kind",
        "call",
        "--summary",
        "x",
    ]);
    let out = p
        .cmd(&["client", "delete", "Contoso", "--force"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("removed 1 old backup copy"), "{stderr}");
    assert!(
        stderr.contains("portfolio.db.bak-delete-20260104-9"),
        "{stderr}"
    );
    assert_eq!(
        files_starting(p.dir.path(), "portfolio.db.bak-delete-").len(),
        10
    );
}

/// A migration's copy prunes the migrations' copies the same way.
#[test]
fn a_migration_prunes_the_migration_copies_to_the_newest_ten() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/portfolio-v1.db");
    let p = Portfolio::new();
    std::fs::copy(&fixture, &p.db).unwrap();
    for v in 20..30 {
        set_age(
            &p.write(&format!("portfolio.db.bak-v{v}"), b"old"),
            100_000 - v,
        );
    }
    let out = p.cmd(&["client", "list"]).output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("upgraded"), "{stderr}");
    assert!(
        stderr.contains(
            "folio: removed 1 old backup copy (keeping the newest 10): portfolio.db.bak-v20\n"
        ),
        "{stderr}"
    );
    let left = files_starting(p.dir.path(), "portfolio.db.bak-v");
    assert_eq!(left.len(), 10);
    assert!(left.contains(&"portfolio.db.bak-v1".to_string()));
    assert!(!left.contains(&"portfolio.db.bak-v20".to_string()));
}

#[test]
fn help_has_examples() {
    let p = Portfolio::new();
    for sub in ["restore", "backups"] {
        let out = p.ok(&[sub, "--help"]);
        assert!(out.contains("Example"), "{sub} --help has no example");
    }
}
