//! The command line end to end: the real binary on temporary databases.

mod common;

use common::{English, Portfolio, path_str};
use predicates::prelude::*;

fn small() -> Portfolio {
    let p = Portfolio::new();
    p.ok(&[
        "client",
        "add",
        "ООО Ромашка",
        "--tier",
        "gold",
        "--cadence",
        "14",
        "--since",
        "2025-03-01",
    ]);
    p.ok(&[
        "client",
        "add",
        "Northwind",
        "--tier",
        "potential",
        "--since",
        "01.06.2026",
    ]);
    p
}

#[test]
fn client_add_list_show_round_trip() {
    let p = small();
    let list = p.json(&["client", "list", "--json"]);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Northwind", "ООО Ромашка"]);
    assert_eq!(list[1]["tier"], "gold");
    assert_eq!(list[1]["cadence_days"], 14);
    assert_eq!(list[1]["since"], "2025-03-01");

    let gold = p.json(&["client", "list", "--tier", "gold", "--json"]);
    assert_eq!(gold.as_array().unwrap().len(), 1);

    // Lookup ignores case in Cyrillic too.
    let card = p.json(&["client", "show", "ооо ромашка", "--json"]);
    assert_eq!(card["stats"]["client"]["name"], "ООО Ромашка");
    assert_eq!(card["tier_history"][0]["to"], "gold");

    let human = p.ok(&["client", "list"]);
    assert!(human.contains("ООО Ромашка"));
    assert!(human.contains("Northwind"));
}

#[test]
fn client_names_are_unique_regardless_of_case() {
    let p = small();
    let before = p.snapshot();
    let err = p.fails(&["client", "add", "ооо ромашка"], 1);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(p.snapshot(), before);
}

#[test]
fn tier_and_status_changes_are_kept_in_history() {
    let p = small();
    let out = p.ok(&[
        "client",
        "tier",
        "Northwind",
        "gold",
        "--reason",
        "Signed a 12-month retainer",
    ]);
    assert!(out.contains("potential -> gold"), "{out}");
    p.ok(&[
        "client",
        "status",
        "Northwind",
        "churned",
        "--reason",
        "Closed the business (objective)",
    ]);
    let card = p.json(&["client", "show", "Northwind", "--json"]);
    let tiers = card["tier_history"].as_array().unwrap();
    assert_eq!(tiers.len(), 2);
    assert_eq!(tiers[1]["from"], "potential");
    assert_eq!(tiers[1]["to"], "gold");
    assert_eq!(tiers[1]["reason"], "Signed a 12-month retainer");
    assert_eq!(tiers[1]["on"], common::TODAY);
    let statuses = card["status_history"].as_array().unwrap();
    assert_eq!(statuses.last().unwrap()["to"], "churned");
    assert_eq!(card["stats"]["client"]["status"], "churned");

    // A reason is required and a no-op move is refused.
    p.fails(
        &["client", "tier", "Northwind", "toxic", "--reason", "  "],
        1,
    );
    p.fails(
        &["client", "tier", "Northwind", "gold", "--reason", "again"],
        1,
    );
    p.fails(
        &["client", "tier", "Northwind", "silver", "--reason", "x"],
        2,
    );
}

#[test]
fn client_edit_and_contacts() {
    let p = small();
    p.ok(&[
        "client",
        "edit",
        "Northwind",
        "--cadence",
        "7",
        "--goal",
        "+20% leads",
        "--name",
        "Northwind Analytics",
    ]);
    let card = p.json(&["client", "show", "northwind analytics", "--json"]);
    assert_eq!(card["stats"]["client"]["cadence_days"], 7);
    assert_eq!(card["stats"]["client"]["goal"], "+20% leads");
    p.ok(&["client", "edit", "Northwind Analytics", "--no-cadence"]);
    let card = p.json(&["client", "show", "Northwind Analytics", "--json"]);
    assert!(card["stats"]["client"]["cadence_days"].is_null());
    // Renaming onto another client's name is refused.
    p.fails(
        &[
            "client",
            "edit",
            "Northwind Analytics",
            "--name",
            "ООО РОМАШКА",
        ],
        1,
    );

    p.ok(&[
        "client",
        "contact",
        "add",
        "ООО Ромашка",
        "--person",
        "Анна Петрова",
        "--role",
        "CMO",
        "--decision-maker",
        "--birthday",
        "14.02.1985",
    ]);
    let contacts = p.json(&["client", "contact", "list", "ООО Ромашка", "--json"]);
    assert_eq!(contacts[0]["name"], "Анна Петрова");
    assert_eq!(contacts[0]["decision_maker"], true);
    assert_eq!(contacts[0]["birthday"], "1985-02-14");

    // Edit: only the fields given; a `--no-...` flag clears one.
    let id = contacts[0]["id"].to_string();
    let out = p.ok(&[
        "client",
        "contact",
        "edit",
        &id,
        "--role",
        " CEO ",
        "--no-decision-maker",
        "--no-birthday",
        "--phone",
        "+7 916 100-10-11",
    ]);
    assert!(
        out.contains("Updated contact Анна Петрова at ООО Ромашка"),
        "{out}"
    );
    let c = &p.json(&["client", "contact", "list", "ООО Ромашка", "--json"])[0];
    assert_eq!(c["name"], "Анна Петрова");
    assert_eq!(c["role"], "CEO");
    assert_eq!(c["decision_maker"], false);
    assert!(c["birthday"].is_null());
    assert_eq!(c["phone"], "+7 916 100-10-11");
    assert!(
        p.ok(&["client", "contact", "list", "ООО Ромашка"])
            .contains(&id)
    );

    let before = p.snapshot();
    assert!(
        p.fails(&["client", "contact", "edit", &id, "--person", " "], 1)
            .contains("person")
    );
    assert!(
        p.fails(&["client", "contact", "edit", "99", "--role", "x"], 1)
            .contains("no contact with id 99")
    );
    p.fails(
        &["client", "contact", "edit", &id, "--role", "x", "--no-role"],
        2,
    );
    assert!(p.snapshot() == before, "a refused edit changed the file");

    // Moved to another client, then deleted.
    p.ok(&[
        "client",
        "contact",
        "edit",
        &id,
        "--client",
        "northwind analytics",
    ]);
    let moved = p.json(&["client", "contact", "list", "Northwind Analytics", "--json"]);
    assert_eq!(moved[0]["name"], "Анна Петрова");
    assert!(
        p.ok(&["client", "contact", "list", "ООО Ромашка"])
            .contains("No contacts")
    );
    p.ok(&["client", "contact", "delete", &id]);
    assert!(
        p.ok(&["client", "contact", "list", "Northwind Analytics"])
            .contains("No contacts")
    );
    p.fails(&["client", "contact", "delete", &id], 1);
}

#[test]
fn touchpoints_add_and_list() {
    let p = small();
    p.ok(&[
        "touch",
        "add",
        "ООО Ромашка",
        "--kind",
        "call",
        "--summary",
        "Q1 budget",
        "--minutes",
        "30",
        "--at",
        "2026-11-20",
        "--next",
        "Send proposal",
        "--next-due",
        "2026-11-25",
    ]);
    p.ok(&[
        "touch",
        "add",
        "Northwind",
        "--kind",
        "email",
        "--summary",
        "Report sent",
    ]);
    let all = p.json(&["touch", "list", "--json"]);
    assert_eq!(all.as_array().unwrap().len(), 2);
    // Newest first; default date is today.
    assert_eq!(all[0]["client"], "Northwind");
    assert_eq!(all[0]["at"], common::TODAY);
    assert_eq!(all[1]["minutes"], 30);
    assert_eq!(all[1]["next_step"], "Send proposal");
    assert_eq!(all[1]["next_due"], "2026-11-25");
    let one = p.json(&["touch", "list", "--client", "ооо ромашка", "--json"]);
    assert_eq!(one.as_array().unwrap().len(), 1);

    // Days since last touch feed the client list.
    let list = p.json(&["client", "list", "--json"]);
    let r = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "ООО Ромашка")
        .unwrap();
    assert_eq!(r["days_since_touch"], 3);
    assert_eq!(r["minutes_12m"], 30);

    p.fails(
        &["touch", "add", "Nobody", "--kind", "call", "--summary", "x"],
        1,
    );
    p.fails(
        &[
            "touch",
            "add",
            "Northwind",
            "--kind",
            "fax",
            "--summary",
            "x",
        ],
        2,
    );
    p.fails(
        &[
            "touch",
            "add",
            "Northwind",
            "--kind",
            "call",
            "--summary",
            "x",
            "--at",
            "2026-02-30",
        ],
        2,
    );
}

#[test]
fn agreements_add_close_list() {
    let p = small();
    p.ok(&[
        "agree",
        "add",
        "ООО Ромашка",
        "--text",
        "Media plan",
        "--owner",
        "us",
        "--due",
        "2026-11-20",
        "--on",
        "2026-11-01",
    ]);
    p.ok(&[
        "agree",
        "add",
        "Northwind",
        "--text",
        "Send brief",
        "--owner",
        "client",
        "--due",
        "2026-12-05",
    ]);
    let open = p.json(&["agree", "list", "--open", "--json"]);
    assert_eq!(open.as_array().unwrap().len(), 2);
    // Overdue first.
    assert_eq!(open[0]["text"], "Media plan");
    assert_eq!(open[0]["overdue"], true);
    assert_eq!(open[1]["overdue"], false);
    let id_num = open[0]["id"].as_i64().unwrap();
    let id = id_num.to_string();
    p.ok(&["agree", "close", &id, "--broken"]);
    let open = p.json(&["agree", "list", "--open", "--json"]);
    assert_eq!(open.as_array().unwrap().len(), 1);
    let all = p.json(&["agree", "list", "--json"]);
    let closed = all
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"].as_i64() == Some(id_num))
        .unwrap();
    assert_eq!(closed["status"], "broken");
    assert_eq!(closed["closed_on"], common::TODAY);
    // Closing twice, or closing nothing, fails.
    p.fails(&["agree", "close", &id, "--kept"], 1);
    p.fails(&["agree", "close", "999", "--kept"], 1);
    p.fails(&["agree", "close", &id], 2);
    let list = p.json(&["client", "list", "--json"]);
    let r = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "ООО Ромашка")
        .unwrap();
    assert_eq!(r["broken_agreements"], 1);
}

#[test]
fn plan_show_json_contract() {
    let p = small();
    p.ok(&["plan", "set", "2026-11", "1 000 000"]);
    // Ромашка: October invoice 100k (due 10.10), November 300k (due 10.11), December 300k (due 10.12).
    p.ok(&[
        "invoice",
        "add",
        "ООО Ромашка",
        "--month",
        "2026-10",
        "--amount",
        "100000",
        "--due",
        "2026-10-10",
    ]);
    p.ok(&[
        "invoice",
        "add",
        "ООО Ромашка",
        "--month",
        "2026-11",
        "--amount",
        "300 000",
        "--due",
        "10.11.2026",
    ]);
    // Northwind: November 200 000,50 due at month end (default).
    p.ok(&[
        "invoice",
        "add",
        "Northwind",
        "--month",
        "2026-11",
        "--amount",
        "200 000,50",
    ]);
    // Payments: Ромашка pays 250k on 2026-11-05: settles October (100k), then 150k of November.
    p.ok(&[
        "pay",
        "add",
        "ООО Ромашка",
        "--on",
        "2026-11-05",
        "--amount",
        "250000",
    ]);
    // Northwind pays 50k in October (credit settles its November invoice).
    p.ok(&[
        "pay",
        "add",
        "Northwind",
        "--on",
        "2026-10-20",
        "--amount",
        "50,000.00",
    ]);

    let j = p.json(&["plan", "show", "--month", "2026-11", "--json"]);
    assert_eq!(j["month"], "2026-11");
    assert_eq!(j["currency"], "RUB");
    assert_eq!(j["target"], "1000000.00");
    assert_eq!(j["expected"], "500000.50");
    // Received counts payments dated in November only.
    assert_eq!(j["received"], "250000.00");
    // Outstanding: Ромашка 300k-150k = 150k; Northwind 200000.50-50k = 150000.50.
    assert_eq!(j["outstanding"], "300000.50");
    // Overdue as of 23.11: only Ромашка's November invoice (due 10.11).
    assert_eq!(j["overdue"], "150000.00");
    assert_eq!(j["attainment_pct"], 25.0);
    // Forecast: received + balances not yet overdue (Northwind's 150000.50).
    assert_eq!(j["forecast"], "400000.50");
    let clients = j["clients"].as_array().unwrap();
    assert_eq!(clients.len(), 2);
    let rom = clients
        .iter()
        .find(|c| c["client"] == "ООО Ромашка")
        .unwrap();
    assert_eq!(rom["expected"], "300000.00");
    assert_eq!(rom["received"], "250000.00");
    assert_eq!(rom["outstanding"], "150000.00");
    let nw = clients.iter().find(|c| c["client"] == "Northwind").unwrap();
    assert_eq!(nw["expected"], "200000.50");
    assert_eq!(nw["received"], "0.00");

    // No target: attainment is null, never NaN.
    let dec = p.json(&["plan", "show", "--month", "2026-12", "--json"]);
    assert!(dec["attainment_pct"].is_null());
    assert!(dec["target"].is_null());
    assert_eq!(dec["received"], "0.00");

    let human = p.ok(&["plan", "show", "--month", "2026-11"]);
    assert!(human.contains("25.00%"), "{human}");
    assert!(human.contains("300 000.50"), "{human}");
}

#[test]
fn bad_amounts_and_dates_change_nothing() {
    let p = small();
    let before = p.snapshot();
    for args in [
        vec![
            "pay",
            "add",
            "Northwind",
            "--on",
            "2026-11-01",
            "--amount",
            "-5",
        ],
        vec![
            "pay",
            "add",
            "Northwind",
            "--on",
            "2026-11-01",
            "--amount",
            "1.255",
        ],
        vec![
            "pay",
            "add",
            "Northwind",
            "--on",
            "2026-11-01",
            "--amount",
            "0",
        ],
        vec![
            "pay",
            "add",
            "Northwind",
            "--on",
            "2026-11-01",
            "--amount",
            "99999999999999999999",
        ],
        vec![
            "pay",
            "add",
            "Northwind",
            "--on",
            "31.11.2026",
            "--amount",
            "5",
        ],
        vec![
            "invoice",
            "add",
            "Northwind",
            "--month",
            "2026-13",
            "--amount",
            "5",
        ],
        vec!["plan", "set", "2026-11", "-100"],
        vec!["plan", "set", "2026-11", "abc"],
    ] {
        let err = p.fails(&args, 2);
        assert!(!err.is_empty());
    }
    let err = p.fails(
        &[
            "pay",
            "add",
            "Nobody",
            "--on",
            "2026-11-01",
            "--amount",
            "5",
        ],
        1,
    );
    assert!(err.contains("Nobody"), "{err}");
    assert_eq!(p.snapshot(), before);
}

#[test]
fn invoices_and_payments_lists() {
    let p = small();
    p.ok(&[
        "invoice",
        "add",
        "Northwind",
        "--month",
        "2026-10",
        "--amount",
        "1000",
        "--due",
        "2026-10-15",
    ]);
    p.ok(&[
        "pay",
        "add",
        "Northwind",
        "--on",
        "2026-10-10",
        "--amount",
        "400",
        "--note",
        "part",
    ]);
    let inv = p.json(&["invoice", "list", "--json"]);
    assert_eq!(inv[0]["balance"], "600.00");
    assert_eq!(inv[0]["overdue"], true);
    let pays = p.json(&["pay", "list", "--client", "Northwind", "--json"]);
    assert_eq!(pays[0]["amount"], "400.00");
    assert_eq!(pays[0]["note"], "part");
    assert_eq!(pays[0]["client"], "Northwind");
}

#[test]
fn currency_setting() {
    let p = small();
    assert_eq!(p.ok(&["config", "get", "currency"]).trim(), "RUB");
    p.ok(&["config", "set", "currency", "eur"]);
    assert_eq!(p.ok(&["config", "get", "currency"]).trim(), "EUR");
    let j = p.json(&["plan", "show", "--json"]);
    assert_eq!(j["currency"], "EUR");
    p.fails(&["config", "set", "currency", "euro"], 1);
}

#[test]
fn csv_round_trip_through_export_and_import() {
    let p = small();
    p.ok(&[
        "touch",
        "add",
        "ООО Ромашка",
        "--kind",
        "meeting",
        "--summary",
        "=SUM(A1), \"quoted\"",
        "--minutes",
        "45",
        "--at",
        "2026-11-02",
    ]);
    p.ok(&[
        "agree",
        "add",
        "Northwind",
        "--text",
        "-call back",
        "--owner",
        "client",
        "--due",
        "2026-12-01",
    ]);
    p.ok(&[
        "pay",
        "add",
        "ООО Ромашка",
        "--on",
        "2026-11-05",
        "--amount",
        "1 250 000,50",
        "--note",
        "@bank",
    ]);

    let q = Portfolio::new();
    for kind in ["clients", "touchpoints", "agreements", "payments"] {
        let file = p.dir.path().join(format!("{kind}.csv"));
        p.ok(&["export", kind, "--out", path_str(&file)]);
        q.ok(&["import", kind, path_str(&file)]);
    }
    for args in [
        vec!["client", "list", "--json"],
        vec!["touch", "list", "--json"],
        vec!["pay", "list", "--json"],
    ] {
        let a = p.json(&args);
        let b = q.json(&args);
        assert_eq!(strip_ids(a), strip_ids(b), "{args:?}");
    }
    let a = q.json(&["agree", "list", "--json"]);
    assert_eq!(a[0]["text"], "-call back");
    let t = q.json(&["touch", "list", "--json"]);
    assert_eq!(t[0]["summary"], "=SUM(A1), \"quoted\"");
    // The exported file shows formulas as text.
    let csv = std::fs::read_to_string(p.dir.path().join("touchpoints.csv")).unwrap();
    assert!(csv.contains("'=SUM(A1)"), "{csv}");
}

fn strip_ids(mut v: serde_json::Value) -> serde_json::Value {
    if let Some(a) = v.as_array_mut() {
        for item in a {
            if let Some(o) = item.as_object_mut() {
                o.remove("id");
                o.remove("client_id");
            }
        }
    }
    v
}

#[test]
fn import_reads_excel_russian_csv() {
    let p = small();
    // Windows-1251, `;`, DD.MM.YYYY, spaces and a decimal comma.
    let text = "client;date;amount;note\r\nООО Ромашка;05.11.2026;1 250 000,50;счёт 118\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let f = p.write("bank.csv", &bytes);
    let out = p.ok(&["import", "payments", path_str(&f)]);
    assert!(out.contains("Imported 1"), "{out}");
    let pays = p.json(&["pay", "list", "--json"]);
    assert_eq!(pays[0]["amount"], "1250000.50");
    assert_eq!(pays[0]["on"], "2026-11-05");
    assert_eq!(pays[0]["note"], "счёт 118");
}

#[test]
fn import_is_all_or_nothing_and_lists_every_bad_row() {
    let p = small();
    let before = p.snapshot();
    let f = p.write(
        "pay.csv",
        "\u{feff}client,date,amount,note\nNorthwind,2026-11-01,100,ok\nNorthwind,2026-13-01,100,bad date\nNorthwind,2026-11-02,1.255,bad amount\nUnknown Co,2026-11-03,5,unknown\n".as_bytes(),
    );
    let err = p.fails(&["import", "payments", path_str(&f)], 1);
    assert!(err.contains("line 3"), "{err}");
    assert!(err.contains("line 4"), "{err}");
    assert!(err.contains("line 5"), "{err}");
    assert!(!err.contains("line 2"), "{err}");
    assert_eq!(p.snapshot(), before);

    // With --create-clients the unknown client is created; dry run writes nothing.
    let f = p.write("pay2.csv", b"client,date,amount\nUnknown Co,2026-11-03,5\n");
    let out = p.ok(&[
        "import",
        "payments",
        path_str(&f),
        "--create-clients",
        "--dry-run",
    ]);
    assert!(out.contains("Would import 1"), "{out}");
    assert_eq!(p.snapshot(), before);
    p.ok(&["import", "payments", path_str(&f), "--create-clients"]);
    let card = p.json(&["client", "show", "unknown co", "--json"]);
    assert_eq!(card["payments"][0]["amount"], "5.00");
}

#[test]
fn delete_needs_force_when_history_exists() {
    let p = small();
    p.ok(&[
        "touch",
        "add",
        "Northwind",
        "--kind",
        "call",
        "--summary",
        "hi",
    ]);
    let err = p.fails(&["client", "delete", "Northwind"], 1);
    assert!(err.contains("--force"), "{err}");
    let out = p.ok(&["client", "delete", "Northwind", "--force"]);
    p.fails(&["client", "show", "Northwind"], 1);
    assert!(
        p.json(&["touch", "list", "--json"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    // A backup of the file before the delete is kept next to it, owner-only.
    let backup = p.dir.path().join("portfolio.db.bak-delete-20261123-2");
    assert!(out.contains("bak-delete-20261123-2"), "{out}");
    let q = Portfolio {
        dir: tempfile::tempdir().unwrap(),
        db: backup.clone(),
    };
    let restored = q.json(&["client", "show", "Northwind", "--json"]);
    assert_eq!(restored["touchpoint_count"], 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&backup).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // A client with no records needs no --force and leaves no backup.
    p.ok(&["client", "add", "Empty Co"]);
    let out = p.ok(&["client", "delete", "Empty Co"]);
    assert_eq!(out, "Deleted client Empty Co\n");
}

#[test]
fn backup_and_check() {
    let p = small();
    let out = p.ok(&["check"]);
    assert!(out.contains("ok"));
    let copy = p.dir.path().join("copy.db");
    p.ok(&["backup", "--out", path_str(&copy)]);
    let q = Portfolio {
        dir: tempfile::tempdir().unwrap(),
        db: copy,
    };
    let list = q.json(&["client", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    // Never overwrites.
    p.fails(&["backup", "--out", path_str(&q.db)], 1);
}

#[test]
fn refuses_files_that_are_not_folio_databases() {
    let p = Portfolio::new();
    std::fs::write(&p.db, b"this is a text file, not a database\n").unwrap();
    let err = p.fails(&["client", "list"], 1);
    assert!(err.contains("not a folio database"), "{err}");
    assert_eq!(
        std::fs::read(&p.db).unwrap(),
        b"this is a text file, not a database\n"
    );

    // A database of another program.
    let q = Portfolio::new();
    {
        let conn = rusqlite::Connection::open(&q.db).unwrap();
        conn.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x');").unwrap();
    }
    let before = std::fs::read(&q.db).unwrap();
    let err = q.fails(&["client", "list"], 1);
    assert!(err.contains("another program"), "{err}");
    assert_eq!(std::fs::read(&q.db).unwrap(), before);
}

#[test]
fn refuses_a_file_from_a_newer_folio() {
    let p = small();
    {
        let conn = rusqlite::Connection::open(&p.db).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&p.db).unwrap();
    let err = p.fails(&["client", "list"], 1);
    assert!(err.contains("newer folio"), "{err}");
    assert_eq!(std::fs::read(&p.db).unwrap(), before);
}

#[test]
fn empty_file_is_migrated_into_a_portfolio() {
    let p = Portfolio::new();
    std::fs::write(&p.db, b"").unwrap();
    p.ok(&["client", "add", "Acme"]);
    let conn = rusqlite::Connection::open(&p.db).unwrap();
    let v: i32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert!(v >= 1);
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn db_location_flag_env_and_default() {
    let p = Portfolio::new();
    let env_db = p.dir.path().join("env.db");
    // FOLIO_DB is used when --db is absent.
    let mut c = assert_cmd::Command::cargo_bin("folio").unwrap();
    c.english()
        .env("FOLIO_DB", &env_db)
        .args(["--today", common::TODAY, "client", "add", "Via Env"])
        .assert()
        .success();
    assert!(env_db.exists());
    // --db wins over FOLIO_DB.
    let mut c = assert_cmd::Command::cargo_bin("folio").unwrap();
    c.english()
        .env("FOLIO_DB", &env_db)
        .arg("--db")
        .arg(&p.db)
        .args(["client", "list", "--json"])
        .assert()
        .success()
        .stdout("[]\n");
    // Default: the data folder, created with its folders on first use.
    let home = tempfile::tempdir().unwrap();
    let mut c = assert_cmd::Command::cargo_bin("folio").unwrap();
    c.env_remove("FOLIO_DB")
        .english()
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("xdg"))
        .args(["client", "add", "Default Co"])
        .assert()
        .success();
    assert!(home.path().join("xdg/folio/portfolio.db").exists());
    // A missing folder for an explicit --db is an error, not created.
    let missing = p.dir.path().join("no/such/dir/x.db");
    let mut c = assert_cmd::Command::cargo_bin("folio").unwrap();
    c.env_remove("FOLIO_DB")
        .english()
        .arg("--db")
        .arg(&missing)
        .args(["client", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("does not exist"));
}

#[cfg(unix)]
#[test]
fn database_file_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let p = small();
    let mode = std::fs::metadata(&p.db).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn demo_is_written_once_and_deterministic() {
    let p = Portfolio::new();
    let out = p.ok(&["demo"]);
    assert!(out.contains("demo"), "{out}");
    let list = p.json(&["client", "list", "--json"]);
    let n = list.as_array().unwrap().len();
    assert!((20..=30).contains(&n), "{n} clients");
    // Refuses a file with data.
    p.fails(&["demo"], 1);
    // The same today gives the same demo.
    let q = Portfolio::new();
    q.ok(&["demo"]);
    assert_eq!(
        p.ok(&["plan", "show", "--json"]),
        q.ok(&["plan", "show", "--json"])
    );
}

#[test]
fn demo_flag_never_touches_the_real_file() {
    let p = Portfolio::new();
    let out = p.ok(&["--demo", "client", "list", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v.as_array().unwrap().len() >= 20);
    assert!(!p.db.exists(), "--demo must not create the --db file");
    let summary = p.ok(&["--demo"]);
    assert!(summary.contains("Plan"), "{summary}");
}

#[test]
fn completions_and_help_examples() {
    let p = Portfolio::new();
    let bash = p.ok(&["completions", "bash"]);
    assert!(bash.contains("folio"));
    for sub in [
        vec!["client", "add"],
        vec!["touch", "add"],
        vec!["agree", "close"],
        vec!["plan", "show"],
        vec!["invoice", "add"],
        vec!["pay", "add"],
        vec!["import"],
        vec!["export"],
        vec!["backup"],
    ] {
        let mut args = sub.clone();
        args.push("--help");
        let out = p.ok(&args);
        assert!(out.contains("Example"), "{sub:?} --help has no example");
    }
}

/// `edit` changes only the fields given, moves records between clients,
/// and refuses bad input (an unknown id or client, a due date before the
/// agreement, a due date without a next step) without changing anything.
#[test]
fn edits_change_only_the_fields_given() {
    let p = small();
    p.ok(&[
        "touch",
        "add",
        "Northwind",
        "--kind",
        "call",
        "--summary",
        "Q1 budget",
        "--minutes",
        "30",
        "--at",
        "2026-11-20",
        "--next",
        "Send proposal",
        "--next-due",
        "2026-11-30",
    ]);
    let out = p.ok(&[
        "touch",
        "edit",
        "1",
        "--minutes",
        "45",
        "--client",
        "ооо ромашка",
    ]);
    assert!(out.contains("Updated touchpoint 1"), "{out}");
    let t = &p.json(&["touch", "list", "--json"])[0];
    assert_eq!(t["client"], "ООО Ромашка");
    assert_eq!(t["minutes"], 45);
    assert_eq!(t["summary"], "Q1 budget");
    assert_eq!(t["at"], "2026-11-20");
    assert_eq!(t["next_due"], "2026-11-30");
    // Dropping the next step drops its due date with it.
    p.ok(&["touch", "edit", "1", "--no-next"]);
    let t = &p.json(&["touch", "list", "--json"])[0];
    assert!(t["next_step"].is_null() && t["next_due"].is_null(), "{t}");

    p.ok(&[
        "agree",
        "add",
        "Northwind",
        "--text",
        "Media plan",
        "--owner",
        "us",
        "--due",
        "2026-11-27",
        "--on",
        "2026-11-20",
    ]);
    p.ok(&[
        "agree",
        "edit",
        "1",
        "--text",
        "  Медиаплан на Q1 ",
        "--no-due",
    ]);
    let a = &p.json(&["agree", "list", "--json"])[0];
    assert_eq!(a["text"], "Медиаплан на Q1");
    assert!(a["due"].is_null());
    assert_eq!(a["owner"], "us");
    assert_eq!(a["status"], "open");

    p.ok(&[
        "invoice",
        "add",
        "Northwind",
        "--month",
        "2026-10",
        "--amount",
        "1000",
        "--due",
        "2026-10-15",
    ]);
    p.ok(&[
        "pay",
        "add",
        "Northwind",
        "--on",
        "2026-10-10",
        "--amount",
        "400",
    ]);
    p.ok(&["invoice", "edit", "1", "--amount", "1 500,50"]);
    p.ok(&[
        "pay",
        "edit",
        "1",
        "--note",
        "part one",
        "--on",
        "2026-10-11",
    ]);
    let inv = &p.json(&["invoice", "list", "--json"])[0];
    assert_eq!(inv["amount"], "1500.50");
    assert_eq!(inv["balance"], "1100.50");
    assert_eq!(inv["due"], "2026-10-15");
    let pay = &p.json(&["pay", "list", "--json"])[0];
    assert_eq!(pay["note"], "part one");
    assert_eq!(pay["on"], "2026-10-11");
    assert_eq!(pay["amount"], "400.00");
    // The client's paid total follows a payment to its new client.
    p.ok(&["pay", "edit", "1", "--client", "ООО Ромашка"]);
    let inv = &p.json(&["invoice", "list", "--json"])[0];
    assert_eq!(inv["balance"], "1500.50");

    let before = p.snapshot();
    let refused: [(&[&str], i32, &str); 7] = [
        (
            &["touch", "edit", "99", "--minutes", "5"],
            1,
            "no touchpoint with id 99",
        ),
        (
            &["touch", "edit", "1", "--client", "Nobody"],
            1,
            "no client named 'Nobody'",
        ),
        (
            &["touch", "edit", "1", "--next-due", "2026-12-01"],
            1,
            "next due",
        ),
        (
            &["agree", "edit", "1", "--due", "2026-01-01"],
            1,
            "before the agreement was made",
        ),
        (&["invoice", "edit", "1", "--amount", "-5"], 2, "negative"),
        (
            &["pay", "edit", "7", "--amount", "5"],
            1,
            "no payment with id 7",
        ),
        (
            &["pay", "edit", "1"],
            2,
            "required arguments were not provided",
        ),
    ];
    for (args, code, says) in refused {
        let err = p.fails(args, code);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert!(p.snapshot() == before, "a refused edit changed the file");
}

#[test]
fn a_contact_email_or_phone_that_is_not_one_is_refused_by_name() {
    let p = Portfolio::new();
    p.ok(&["client", "add", "Acme"]);
    let add = |extra: &[&str]| {
        let mut args = vec!["client", "contact", "add", "Acme", "--person", "Ann"];
        args.extend_from_slice(extra);
        args.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let before = p.snapshot();
    for (extra, says) in [
        (
            &["--email", "nobody"][..],
            "email: 'nobody' is not an email address",
        ),
        (&["--email", "a@b"][..], "email: 'a@b'"),
        (
            &["--phone", "12-34"][..],
            "phone: '12-34' has fewer than 5 digits",
        ),
        (&["--phone", "abc12345"][..], "phone: 'abc12345' has 'a'"),
    ] {
        let args = add(extra);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let err = p.fails(&args, 1);
        assert!(err.contains(says), "{extra:?}: {err}");
    }
    assert!(p.snapshot() == before, "a refused contact changed the file");

    let args = add(&[
        "--email",
        "ann@example.com",
        "--phone",
        "+7 (495) 123-45-67",
    ]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    p.ok(&args);
    let c = &p.json(&["client", "contact", "list", "Acme", "--json"])[0];
    assert_eq!(c["email"], "ann@example.com");
    assert_eq!(c["phone"], "+7 (495) 123-45-67");
    let id = c["id"].to_string();
    let err = p.fails(&["client", "contact", "edit", &id, "--email", "ann"], 1);
    assert!(err.contains("email: 'ann'"), "{err}");
    assert_eq!(
        p.json(&["client", "contact", "list", "Acme", "--json"])[0]["email"],
        "ann@example.com"
    );
}

/// Bank statements and CRM exports write a time after the date, and call
/// logs durations: both import, the date as written, the duration rounded
/// to the minute.
#[test]
fn imports_take_dates_with_a_time_and_durations() {
    let p = Portfolio::new();
    p.ok(&["client", "add", "ООО Ромашка"]);
    let pays = p.write(
        "pay.csv",
        "client;date;amount\nООО Ромашка;03.06.2026 11:05;1 250,50\nООО Ромашка;2026-11-05T10:00:00;100\n"
            .as_bytes(),
    );
    p.ok(&["import", "payments", path_str(&pays)]);
    let list = p.json(&["pay", "list", "--json"]);
    let dates: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["on"].as_str().unwrap())
        .collect();
    assert!(
        dates.contains(&"2026-06-03") && dates.contains(&"2026-11-05"),
        "{list}"
    );
    let calls = p.write(
        "calls.csv",
        b"client,date,kind,summary,minutes\n\"\xd0\x9e\xd0\x9e\xd0\x9e \xd0\xa0\xd0\xbe\xd0\xbc\xd0\xb0\xd1\x88\xd0\xba\xd0\xb0\",2026-11-20 09:30:00,call,Review,02:13:55\n",
    );
    p.ok(&["import", "touchpoints", path_str(&calls)]);
    let log = p.json(&["touch", "list", "--json"]);
    assert_eq!(log[0]["minutes"], 134, "{log}");
    assert_eq!(log[0]["at"], "2026-11-20", "{log}");
    // A time that is not one is still an error naming the line.
    let bad = p.write(
        "bad.csv",
        "client,date,amount\nООО Ромашка,2026-11-05 25:00,10\n".as_bytes(),
    );
    let err = p.fails(&["import", "payments", path_str(&bad)], 1);
    assert!(err.contains("line 2") && err.contains("25:00"), "{err}");
}

/// Amounts as statements write them: the portfolio's currency sign or word
/// is accepted, another currency and `(400.00)` (a negative) are refused
/// with their line, and nothing is written.
#[test]
fn payment_imports_read_currency_signs_of_the_portfolio_only() {
    let p = Portfolio::new();
    p.ok(&["client", "add", "ООО Ромашка"]);
    let good = p.write(
        "good.csv",
        "client;date;amount\nООО Ромашка;01.11.2026;1 250,00 ₽\nООО Ромашка;02.11.2026;99,50 руб.\n"
            .as_bytes(),
    );
    p.ok(&["import", "payments", path_str(&good)]);
    let list = p.json(&["pay", "list", "--json"]);
    let amounts: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["amount"].as_str().unwrap())
        .collect();
    assert!(
        amounts.contains(&"1250.00") && amounts.contains(&"99.50"),
        "{list}"
    );
    let before = p.snapshot();
    let bad = p.write(
        "bad.csv",
        "client;date;amount\nООО Ромашка;03.11.2026;$13.50\nООО Ромашка;04.11.2026;(400,00)\n"
            .as_bytes(),
    );
    let err = p.fails(&["import", "payments", path_str(&bad)], 1);
    assert!(
        err.contains("line 2") && err.contains("USD") && err.contains("RUB"),
        "{err}"
    );
    assert!(err.contains("line 3") && err.contains("negative"), "{err}");
    assert_eq!(p.snapshot(), before);
}

/// A statement with a title block above its header imports, and folio says
/// which lines it skipped.
#[test]
fn a_statement_with_a_title_block_imports_and_says_what_it_skipped() {
    let p = Portfolio::new();
    p.ok(&["client", "add", "ООО Ромашка"]);
    let file = p.write(
        "statement.csv",
        "Выписка по счёту 40702810900000000001;;\nПериод: 01.11.2026 - 30.11.2026;;\n\nclient;date;amount\nООО Ромашка;05.11.2026 10:15;250,00 ₽\n"
            .as_bytes(),
    );
    let out = p.ok(&["import", "payments", path_str(&file)]);
    assert!(out.contains("Imported 1 payment from"), "{out}");
    assert!(
        out.contains("header is on line 4") && out.contains("skipped 3 lines above"),
        "{out}"
    );
    assert_eq!(
        p.json(&["pay", "list", "--json"]).as_array().unwrap().len(),
        1
    );
}

/// `--map` names the file's headers for folio's columns where neither its
/// own names nor the known ones find them; a bad map is refused by name.
#[test]
fn import_takes_a_column_map() {
    let p = Portfolio::new();
    p.ok(&["client", "add", "ООО Ромашка"]);
    let file = p.write(
        "tinkoff.csv",
        "Дата платежа;Сумма платежа;Описание\n05.11.2026 10:15;1 250,00 ₽;ООО Ромашка\n".as_bytes(),
    );
    // Without a map, "Описание" is no column of folio's.
    let err = p.fails(&["import", "payments", path_str(&file)], 1);
    assert!(err.contains("client"), "{err}");
    p.ok(&[
        "import",
        "payments",
        path_str(&file),
        "--map",
        "Дата платежа=date,Сумма платежа=amount,Описание=client",
    ]);
    let list = p.json(&["pay", "list", "--json"]);
    assert_eq!(list[0]["amount"], "1250.00", "{list}");
    let err = p.fails(
        &[
            "import",
            "payments",
            path_str(&file),
            "--map",
            "Описание=who",
        ],
        1,
    );
    assert!(
        err.contains("--map") && err.contains("'who' is not a column"),
        "{err}"
    );
}

/// Importing the same statement twice adds nothing the second time; two
/// real identical payments on one day both survive (a multiset), and
/// overlapping statements add only what is new.
#[test]
fn re_importing_a_statement_adds_only_what_is_new() {
    let p = Portfolio::new();
    p.ok(&["client", "add", "ООО Ромашка"]);
    let first = p.write(
        "nov.csv",
        "client;date;amount\nООО Ромашка;05.11.2026;100\nООО Ромашка;05.11.2026;100\nООО Ромашка;06.11.2026;50\n"
            .as_bytes(),
    );
    let out = p.ok(&["import", "payments", path_str(&first)]);
    assert!(out.contains("Imported 3 payments"), "{out}");
    let again = p.ok(&["import", "payments", path_str(&first)]);
    assert!(
        again.contains("Imported 0 payments") && again.contains("Left out 3 rows already"),
        "{again}"
    );
    // An overlapping statement: one of the two 100s again, and a new row.
    let overlap = p.write(
        "overlap.csv",
        "client;date;amount\nООО Ромашка;05.11.2026;100\nООО Ромашка;05.11.2026;100\nООО Ромашка;05.11.2026;100\nООО Ромашка;07.11.2026;70\n"
            .as_bytes(),
    );
    let out = p.ok(&["import", "payments", path_str(&overlap)]);
    assert!(
        out.contains("Imported 2 payments") && out.contains("Left out 2 rows already"),
        "{out}"
    );
    assert_eq!(
        p.json(&["pay", "list", "--json"]).as_array().unwrap().len(),
        5
    );
    p.ok(&["import", "payments", path_str(&first), "--allow-duplicates"]);
    assert_eq!(
        p.json(&["pay", "list", "--json"]).as_array().unwrap().len(),
        8
    );
}

/// Issue 22: `config set mouse off` writes the person's config file (the
/// one $FOLIO_CONFIG names), keeps what else it holds, and opens no
/// portfolio; `config get mouse` reads it back.
#[test]
fn config_set_mouse_off_then_get_mouse_uses_the_config_file() {
    let p = Portfolio::new();
    let config = p.dir.path().join("conf").join("folio.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "lang = \"ru\"\n").unwrap();
    let run = |args: &[&str]| {
        let out = p
            .cmd(args)
            .env("FOLIO_CONFIG", &config)
            .output()
            .expect("run folio");
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(run(&["config", "get", "mouse"]), "on\n");
    let set = run(&["config", "set", "mouse", "off"]);
    assert!(set.starts_with("mouse = off"), "{set}");
    assert_eq!(run(&["config", "get", "mouse"]), "off\n");
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(
        text.contains("lang = \"ru\"") && text.contains("mouse = false"),
        "{text}"
    );
    assert!(
        !p.db.exists(),
        "no portfolio is created for a personal setting"
    );
    // A broken file: the message names the file and the line.
    std::fs::write(&config, "lang = \"ru\"\nmouse = \n").unwrap();
    let out = p
        .cmd(&["config", "get", "mouse"])
        .env("FOLIO_CONFIG", &config)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("folio.toml, line 2"), "{err}");
}

/// Issue 23: `config set lang` writes the person's config file and opens
/// no portfolio; a language folio does not speak is refused naming the
/// choices; `--lang` is taken by every command, and `--help` with it
/// opens no database either.
#[test]
fn config_set_lang_and_the_lang_flag_open_no_portfolio() {
    let p = Portfolio::new();
    let config = p.dir.path().join("folio.toml");
    let run = |args: &[&str]| {
        p.cmd(args)
            .env("FOLIO_CONFIG", &config)
            .output()
            .expect("run folio")
    };
    let out = run(&["config", "set", "lang", "ru"]);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("lang = ru"));
    assert_eq!(run(&["config", "get", "lang"]).stdout, b"ru\n");
    let bad = run(&["config", "set", "lang", "de"]);
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    // The config says Russian: so does the error.
    assert!(err.contains("ru, en или auto"), "{err}");
    assert_eq!(run(&["config", "get", "lang"]).stdout, b"ru\n");
    assert_eq!(
        run(&["config", "set", "lang", "auto"]).status.code(),
        Some(0)
    );
    assert_eq!(run(&["config", "get", "lang"]).stdout, b"auto\n");
    for args in [
        &["--lang", "ru", "--help"][..],
        &["--help", "--lang=en"],
        &["client", "--lang", "ru", "--help"],
    ] {
        assert!(run(args).status.success(), "{args:?}");
    }
    let wrong = run(&["--lang", "de", "summary"]);
    assert_eq!(wrong.status.code(), Some(2), "clap refuses it");
    assert!(!p.db.exists(), "no portfolio is created for the language");
}

/// Every subcommand path (`["client", "list"]`), the root's (`[]`) first,
/// with whether it is a leaf (a command that runs, not a group).
fn command_paths() -> Vec<(Vec<String>, bool)> {
    fn walk(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<(Vec<String>, bool)>) {
        let subs: Vec<&clap::Command> = cmd
            .get_subcommands()
            .filter(|c| c.get_name() != "help")
            .collect();
        out.push((path.clone(), subs.is_empty()));
        for sub in subs {
            let mut p = path.clone();
            p.push(sub.get_name().to_string());
            walk(sub, p, out);
        }
    }
    use clap::CommandFactory;
    let mut out = Vec::new();
    walk(&folio::cli::args::Cli::command(), Vec::new(), &mut out);
    out
}

/// Issue 23: every `--json` output ends with a newline, so the next prompt
/// or message starts on its own line. Every command that has `--json`
/// (found by walking the command tree), and the briefing's JSON.
#[test]
fn every_json_output_ends_with_a_newline() {
    use clap::CommandFactory;
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let clients = p.json(&["client", "list", "--json"]);
    let name = clients[0]["name"]
        .as_str()
        .expect("a client name")
        .to_string();
    let root = folio::cli::args::Cli::command();
    let mut runs: Vec<Vec<String>> = Vec::new();
    for (path, leaf) in command_paths() {
        let mut cmd = &root;
        for part in &path {
            cmd = cmd.find_subcommand(part).expect("subcommand");
        }
        if !leaf || !cmd.get_arguments().any(|a| a.get_id() == "json") {
            continue;
        }
        let mut args = path.clone();
        // The required arguments of a command with --json name a client.
        for arg in cmd.get_positionals().filter(|a| a.is_required_set()) {
            assert_eq!(arg.get_id(), "name", "{path:?}");
            args.push(name.clone());
        }
        args.push("--json".into());
        runs.push(args);
    }
    assert!(runs.len() >= 11, "{runs:?}");
    runs.push(vec!["report".into(), "--format".into(), "json".into()]);
    for args in runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = p.ok(&args);
        assert!(
            out.ends_with("}\n") || out.ends_with("]\n"),
            "folio {args:?} ends with {:?}",
            &out[out.len().saturating_sub(20)..]
        );
    }
}

/// Issue 23: `--help` of every command, in both languages, ends with a
/// newline; a command's last line is its example.
#[test]
fn every_help_ends_with_its_example_and_a_newline() {
    let p = Portfolio::new();
    for (path, leaf) in command_paths() {
        for lang in ["en", "ru"] {
            let mut args: Vec<&str> = vec!["--lang", lang];
            args.extend(path.iter().map(String::as_str));
            args.push("--help");
            let out = p.ok(&args);
            assert!(out.ends_with('\n'), "folio {args:?}: {out}");
            if leaf || path.is_empty() {
                // The example's first line: a long one continues after ` \`.
                let lines: Vec<&str> = out.lines().collect();
                let mut first = lines.len() - 1;
                while first > 0 && lines[first - 1].ends_with(" \\") {
                    first -= 1;
                }
                assert!(
                    lines[first].trim_start().starts_with("folio "),
                    "folio {args:?} ends with {:?}, not the example",
                    &lines[first..]
                );
            }
        }
    }
    assert!(!p.db.exists(), "--help opens no portfolio");
}
