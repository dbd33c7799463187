//! Errors a person meets, in Russian: with `--lang ru` and with
//! `LANG=ru_RU.UTF-8`, each is one Russian sentence on stderr naming what
//! and where, and folio exits 1.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Portfolio, path_str};

/// Run `args` in Russian both ways; stderr of each, after checking exit 1
/// and nothing on stdout.
fn in_russian(p: &Portfolio, args: &[&str]) -> Vec<String> {
    let mut flagged = vec!["--lang", "ru"];
    flagged.extend_from_slice(args);
    let by_flag = p.fails(&flagged, 1);
    let out = p
        .cmd(args)
        .env("LANG", "ru_RU.UTF-8")
        .output()
        .expect("run folio");
    assert_eq!(
        out.status.code(),
        Some(1),
        "LANG=ru_RU.UTF-8 folio {args:?}"
    );
    assert!(out.stdout.is_empty());
    let by_lang = String::from_utf8(out.stderr).expect("utf-8 stderr");
    vec![by_flag, by_lang]
}

fn with_client() -> Portfolio {
    let p = Portfolio::new();
    p.ok(&["client", "add", "ООО Ромашка"]);
    p
}

#[test]
fn an_unknown_client() {
    let p = with_client();
    let args = [
        "touch",
        "add",
        "Василёк",
        "--at",
        "2026-11-20",
        "--kind",
        "call",
        "--summary",
        "x",
    ];
    for said in in_russian(&p, &args) {
        assert_eq!(
            said,
            "folio: нет клиента «Василёк» (список клиентов: `folio client list`)\n"
        );
    }
    // English as before.
    let said = p.fails(&args, 1);
    assert_eq!(
        said,
        "folio: no client named 'Василёк' (see `folio client list`)\n"
    );
}

/// A date and a touchpoint kind that do not read, in the rows of an
/// import: each row by its line, in Russian, with the Russian words the
/// kind may take.
#[test]
fn a_bad_date_and_a_broken_row_on_import() {
    let p = with_client();
    let csv = p.write(
        "log.csv",
        "client,date,kind,summary\n\
         ООО Ромашка,31.02.2026,звонок,x\n\
         ООО Ромашка,2026-11-20,факс,y\n"
            .as_bytes(),
    );
    for said in in_russian(&p, &["import", "touchpoints", path_str(&csv)]) {
        assert!(said.contains("2 строки с ошибками:\n"), "{said}");
        assert!(
            said.contains(
                "строка 2: дата: «31.02.2026» — не дата (пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ \
                 либо укажите --date-format)\n"
            ),
            "{said}"
        );
        assert!(
            said.contains(
                "строка 3: «факс» — не вид касания (используйте одно из: звонок, встреча, \
                 письмо, мессенджер, отчёт, другое)\n"
            ),
            "{said}"
        );
        for english in ["call", "meeting", "is not", "line"] {
            assert!(!said.contains(english), "{english} in {said}");
        }
    }
}

#[test]
fn a_file_that_is_not_a_folio_database() {
    let p = Portfolio::new();
    std::fs::write(&p.db, "not a database, just text\n").expect("write");
    for said in in_russian(&p, &["client", "list"]) {
        assert_eq!(
            said,
            format!(
                "folio: {} — не база данных folio (это не файл SQLite); ничего не изменено\n",
                p.db.display()
            )
        );
    }
}

#[test]
fn an_existing_export_file_without_force() {
    let p = with_client();
    let out = p.write("clients.csv", b"keep me\n");
    let args = ["export", "clients", "--out", path_str(&out)];
    for said in in_russian(&p, &args) {
        assert_eq!(
            said,
            format!(
                "folio: {} уже существует; чтобы заменить его, добавьте --force\n",
                out.display()
            )
        );
    }
    assert_eq!(std::fs::read(&out).expect("read"), b"keep me\n");
}

/// `id -u`.
fn euid() -> u32 {
    let out = Command::new("id").arg("-u").output().expect("id -u");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("a number")
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// A write to a portfolio its user may not write: as root (who may write
/// anything), run as nobody through `setpriv`, as tests/readonly.rs does.
#[test]
fn a_write_to_a_read_only_file() {
    let p = with_client();
    let root = euid() == 0;
    for entry in std::fs::read_dir(p.dir.path()).expect("list") {
        set_mode(&entry.expect("entry").path(), 0o444);
    }
    set_mode(p.dir.path(), if root { 0o777 } else { 0o755 });
    let folio = assert_cmd::cargo::cargo_bin("folio");
    let run = |lang: &[(&str, &str)], flag: &[&str]| {
        let mut c = if root {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(&folio);
            c
        } else {
            Command::new(&folio)
        };
        for var in common::LOCALE_VARS {
            c.env_remove(var);
        }
        c.env_remove("FOLIO_DB")
            .env("HOME", "/nonexistent")
            .envs(lang.iter().copied())
            .args(flag)
            .arg("--db")
            .arg(&p.db)
            .args(["client", "add", "Василёк"]);
        c.output()
    };
    let by_flag = match run(&[], &["--lang", "ru"]) {
        Ok(out) => out,
        Err(_) => {
            eprintln!("skipped: running as root and setpriv is not installed");
            return;
        }
    };
    let by_lang = run(&[("LANG", "ru_RU.UTF-8")], &[]).expect("run folio");
    let said = format!(
        "folio: файл {} доступен только для чтения: ничего не изменено\n",
        p.db.display()
    );
    for out in [by_flag, by_lang] {
        let err = String::from_utf8_lossy(&out.stderr);
        if root && err.contains("Permission denied") && !err.starts_with("folio") {
            eprintln!("skipped: nobody cannot run the binary here: {err}");
            return;
        }
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert_eq!(err, said);
    }
    set_mode(p.dir.path(), 0o700);
}

/// A flag's value refused (a number past its limits, `--map`,
/// `--date-format`): the reason in Russian too, with `--lang ru` and with
/// `LANG=ru_RU.UTF-8`; English as before.
#[test]
fn a_flags_value_refused_says_why_in_russian() {
    let p = with_client();
    let csv = p.write(
        "pay.csv",
        "client,date,amount\nООО Ромашка,2026-11-20,5\n".as_bytes(),
    );
    let csv = path_str(&csv);
    let cases: [(&[&str], i32, &str, &str); 4] = [
        (
            &["client", "edit", "ООО Ромашка", "--cadence", "0"],
            2,
            ": 0 — вне допустимых пределов: от 1 до 3660\n",
            ": 0 is not in 1..=3660\n",
        ),
        (
            &[
                "touch",
                "add",
                "ООО Ромашка",
                "--kind",
                "call",
                "--summary",
                "x",
                "--minutes",
                "99999",
            ],
            2,
            ": 99999 — вне допустимых пределов: от 0 до 44640\n",
            ": 99999 is not in 0..=44640\n",
        ),
        (
            &["import", "payments", csv, "--map", "x"],
            1,
            "folio: --map: «x» — не пара Заголовок=столбец (например, «Дата платежа=date»)\n",
            "folio: --map: 'x' is not Header=column (e.g. 'Дата платежа=date')\n",
        ),
        (
            &["import", "payments", csv, "--date-format", "%Q"],
            2,
            ": «%Q» — не шаблон даты (например, %d.%m.%Y, %d.%m.%y или %m/%d/%Y)\n",
            ": '%Q' is not a date pattern (use e.g. %d.%m.%Y, %d.%m.%y or %m/%d/%Y)\n",
        ),
    ];
    for (args, code, ru, en) in cases {
        let mut flagged = vec!["--lang", "ru"];
        flagged.extend_from_slice(args);
        let by_flag = p.fails(&flagged, code);
        let out = p
            .cmd(args)
            .env("LANG", "ru_RU.UTF-8")
            .output()
            .expect("run folio");
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        let by_lang = String::from_utf8(out.stderr).expect("utf-8 stderr");
        for said in [by_flag, by_lang] {
            assert!(said.contains(ru), "{args:?}: {said}");
            assert!(!said.contains(" is not "), "{args:?}: {said}");
        }
        let said = p.fails(args, code);
        assert!(said.contains(en), "{args:?}: {said}");
    }
}
