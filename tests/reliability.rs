//! Reliability promises, each proved against the real binary: crashes lose
//! nothing acknowledged, concurrent writers all succeed, old files migrate,
//! bad files are refused and left byte-for-byte untouched.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{English, Portfolio, path_str};

fn folio_bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("folio")
}

fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// A shell loop runs `folio touch add` over and over; each run prints its
/// acknowledgement after its transaction commits. We SIGKILL the whole loop
/// (and the folio inside it) at pseudo-random moments, 60 times, and after
/// each kill the file must pass integrity_check and hold every acknowledged
/// touchpoint.
#[cfg(unix)]
#[test]
fn sigkill_never_loses_an_acknowledged_write() {
    use std::os::unix::process::CommandExt;
    let p = Portfolio::new();
    p.ok(&["client", "add", "Acme"]);
    let script = r#"i=0; while true; do i=$((i+1)); "$FOLIO" --db "$DB" --today 2026-11-23 touch add Acme --kind call --summary "round $ROUND write $i" || exit 1; done"#;
    let mut acknowledged: Vec<i64> = Vec::new();
    let mut seed: u64 = 0x5EED;
    for round in 0..60 {
        let mut child = Command::new("sh")
            .args(["-c", script])
            .env("FOLIO", folio_bin())
            .env("DB", &p.db)
            .env("ROUND", round.to_string())
            .env_remove("FOLIO_DB")
            .english()
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap();
        // xorshift: a different moment each round, the same every run.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(5 + seed % 60));
        let pgid = child.id();
        let killed = Command::new("kill")
            .args(["-KILL", "--", &format!("-{pgid}")])
            .status()
            .unwrap();
        assert!(killed.success());
        child.wait().unwrap();
        let mut out = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        // Only complete lines are acknowledgements: "... (id N)\n".
        for line in out.split_inclusive('\n').filter(|l| l.ends_with('\n')) {
            let id = line
                .rsplit_once("(id ")
                .and_then(|(_, rest)| rest.trim_end().strip_suffix(')'))
                .and_then(|n| n.parse::<i64>().ok())
                .unwrap_or_else(|| panic!("unexpected acknowledgement {line:?}"));
            acknowledged.push(id);
        }
        assert_eq!(integrity(&p.db), "ok", "after kill {round}");
        let conn = rusqlite::Connection::open(&p.db).unwrap();
        for id in &acknowledged {
            let found: i64 = conn
                .query_row(
                    "SELECT count(*) FROM touchpoints WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(
                found, 1,
                "acknowledged touchpoint {id} lost after kill {round}"
            );
        }
    }
    eprintln!("{} writes acknowledged across 60 kills", acknowledged.len());
    assert!(!acknowledged.is_empty(), "no write was acknowledged at all");
    // The file still works normally afterwards.
    p.ok(&["check"]);
}

/// Several processes writing at once: nobody sees "database is locked" and no
/// write is lost (BEGIN IMMEDIATE plus the busy timeout serialise them).
#[test]
fn concurrent_writers_all_succeed() {
    let p = Portfolio::new();
    p.ok(&["client", "add", "Acme"]);
    let writers = 4;
    let each = 15;
    let handles: Vec<_> = (0..writers)
        .map(|w| {
            let db = p.db.clone();
            std::thread::spawn(move || {
                for i in 0..each {
                    let out = Command::new(folio_bin())
                        .env_remove("FOLIO_DB")
                        .english()
                        .arg("--db")
                        .arg(&db)
                        .args([
                            "--today",
                            "2026-11-23",
                            "touch",
                            "add",
                            "Acme",
                            "--kind",
                            "email",
                        ])
                        .args(["--summary", &format!("writer {w} #{i}")])
                        .output()
                        .unwrap();
                    assert!(
                        out.status.success(),
                        "writer {w} #{i}: {}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let all = p.json(&["touch", "list", "--limit", "0", "--json"]);
    assert_eq!(all.as_array().unwrap().len(), writers * each);
    assert_eq!(integrity(&p.db), "ok");
}

#[test]
fn a_truncated_database_is_refused_untouched() {
    let p = Portfolio::new();
    p.ok(&["demo"]);
    // One file: fold the WAL back into the database first.
    {
        let conn = rusqlite::Connection::open(&p.db).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let bytes = std::fs::read(&p.db).unwrap();
    assert!(bytes.len() > 8192);
    std::fs::write(&p.db, &bytes[..bytes.len() / 2]).unwrap();
    let before = std::fs::read(&p.db).unwrap();
    let err = p.fails(&["client", "list"], 1);
    assert!(err.contains("damaged"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
    assert_eq!(std::fs::read(&p.db).unwrap(), before);
}

#[test]
fn unusable_paths_get_one_clear_sentence() {
    let p = Portfolio::new();
    // A folder where the file should be.
    let dir = p.dir.path().join("a-folder");
    std::fs::create_dir(&dir).unwrap();
    let q = Portfolio {
        dir: tempfile::tempdir().unwrap(),
        db: dir.clone(),
    };
    let err = q.fails(&["client", "list"], 1);
    assert!(err.contains("is a folder"), "{err}");
    // A "folder" that is a file.
    let file = p.dir.path().join("plain.txt");
    std::fs::write(&file, b"x").unwrap();
    let q = Portfolio {
        dir: tempfile::tempdir().unwrap(),
        db: file.join("portfolio.db"),
    };
    let err = q.fails(&["client", "list"], 1);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), b"x");
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    // Root ignores permissions; the promise is about ordinary users.
    let uid = Command::new("id").arg("-u").output().unwrap();
    if String::from_utf8_lossy(&uid.stdout).trim() == "0" {
        return;
    }
    let p = Portfolio::new();
    let dir = p.dir.path().join("ro");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let q = Portfolio {
        dir: tempfile::tempdir().unwrap(),
        db: dir.join("portfolio.db"),
    };
    let err = q.fails(&["client", "add", "Acme"], 1);
    assert!(err.contains("cannot open"), "{err}");
    assert!(!dir.join("portfolio.db").exists());
}

/// Every released schema version has a fixture; the current program opens
/// each and finds every record.
#[test]
fn released_schema_versions_open_with_all_records() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/portfolio-v1.db");
    let p = Portfolio::new();
    std::fs::copy(&fixture, &p.db).unwrap();
    let expected: &[(&str, i64)] = &[
        ("clients", 25),
        ("contacts", 37),
        ("touchpoints", 1066),
        ("agreements", 112),
        ("invoices", 368),
        ("payments", 360),
        ("plan_targets", 19),
        ("tier_changes", 29),
        ("status_changes", 27),
    ];
    // The first command migrates it: a backup first, and folio says so.
    let out = p.cmd(&["client", "list", "--json"]).output().unwrap();
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    let backup = p.dir.path().join("portfolio.db.bak-v1");
    assert!(
        said.contains("upgraded") && said.contains("portfolio.db.bak-v1"),
        "{said}"
    );
    assert!(backup.exists());
    let clients: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(clients.as_array().unwrap().len(), 25);
    // The backup is the old version, whole.
    let old = rusqlite::Connection::open(&backup).unwrap();
    let v: i32 = old
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 1);
    let n: i64 = old
        .query_row("SELECT count(*) FROM touchpoints", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1066);
    // A second open does not migrate again.
    let again = p.cmd(&["client", "list"]).output().unwrap();
    assert!(String::from_utf8_lossy(&again.stderr).is_empty());
    let conn = rusqlite::Connection::open(&p.db).unwrap();
    for (table, n) in expected {
        let count: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, *n, "{table}");
    }
    let plan = p.json(&["plan", "show", "--month", "2026-11", "--json"]);
    assert_eq!(plan["received"], "5617000.00");
    // What the migrations derive (paid and billed totals, month totals)
    // equals what it summarises.
    let drift = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    for (what, sql) in [
        (
            "paid_total",
            "SELECT count(*) FROM clients c WHERE paid_total <>
               coalesce((SELECT sum(amount) FROM payments WHERE client_id = c.id), 0)",
        ),
        (
            "billed_total",
            "SELECT count(*) FROM clients c WHERE billed_total <>
               coalesce((SELECT sum(amount) FROM invoices WHERE client_id = c.id), 0)",
        ),
        (
            "month_totals",
            "SELECT count(*) FROM month_totals t WHERE
               expected <> coalesce((SELECT sum(amount) FROM invoices WHERE month = t.month), 0)
               OR received <> coalesce((SELECT sum(amount) FROM payments
                                        WHERE substr(paid_on, 1, 7) = t.month), 0)",
        ),
    ] {
        assert_eq!(drift(sql), 0, "{what}");
    }
    assert!(drift("SELECT count(*) FROM month_totals") >= 12);
    assert_eq!(integrity(&p.db), "ok");
}

#[cfg(unix)]
#[test]
fn backups_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let p = Portfolio::new();
    p.ok(&["client", "add", "Acme"]);
    let copy = p.dir.path().join("copy.db");
    p.ok(&["backup", "--out", path_str(&copy)]);
    let mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let csv = p.dir.path().join("clients.csv");
    p.ok(&["export", "clients", "--out", path_str(&csv)]);
    let mode = std::fs::metadata(&csv).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "exports hold client data too");
}
