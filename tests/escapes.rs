//! Text from the data never drives the terminal (issue 19, item 5): input
//! refuses control characters, naming the field (and the line of a CSV);
//! names are compared without invisible characters; what folio prints for
//! people (tables, cards, briefings, errors) shows control characters from
//! records stored before as `\u001b`, checked in the bytes the binary
//! writes; `folio check` reports those records.

mod common;

use common::{Portfolio, path_str};

/// OSC 52 (write the clipboard) and OSC 0 (set the window title).
const OSC52: &str = "\u{1b}]52;c;aGVsbG8=\u{7}";
const OSC0: &str = "\u{1b}]0;pwned\u{7}";
/// How folio shows them.
const OSC52_SHOWN: &str = "\\u001b]52;c;aGVsbG8=\\u0007";
const OSC0_SHOWN: &str = "\\u001b]0;pwned\\u0007";

/// Bytes a terminal would act on: ESC, BEL, CSI (C1, U+009B as UTF-8), and
/// any other control character but line feed and tab.
fn assert_inert(what: &str, bytes: &[u8]) {
    assert!(!bytes.contains(&0x1b), "{what}: ESC in {bytes:?}");
    assert!(!bytes.contains(&0x07), "{what}: BEL in {bytes:?}");
    assert!(
        !bytes.windows(2).any(|w| w == [0xc2, 0x9b]),
        "{what}: CSI (U+009B) in {bytes:?}"
    );
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\t'))
        .collect();
    assert!(bad.is_empty(), "{what}: control characters {bad:?}");
}

/// Run folio and return (exit code, stdout, stderr) as bytes.
fn run(p: &Portfolio, args: &[&str]) -> (Option<i32>, Vec<u8>, Vec<u8>) {
    let out = p.cmd(args).output().expect("run folio");
    (out.status.code(), out.stdout, out.stderr)
}

fn sql(p: &Portfolio, batch: &str) {
    let conn = rusqlite::Connection::open(&p.db).expect("open");
    conn.execute_batch(batch).expect("sql");
}

fn one_text(p: &Portfolio, query: &str) -> String {
    let conn = rusqlite::Connection::open(&p.db).expect("open");
    conn.query_row(query, [], |r| r.get(0)).expect("query")
}

fn count(p: &Portfolio, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(&p.db).expect("open");
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

/// A portfolio whose records hold OSC sequences, written straight into the
/// file as an older folio (or another program) could have: Acme's name,
/// notes, goal, a touchpoint, an agreement past due (so Acme is at risk in
/// the briefing), a payment note, a contact's phone and a tier reason.
fn poisoned() -> Portfolio {
    let p = Portfolio::new();
    p.ok(&["client", "add", "Acme", "--tier", "gold", "--cadence", "7"]);
    p.ok(&[
        "touch",
        "add",
        "Acme",
        "--kind",
        "call",
        "--summary",
        "plain",
        "--at",
        "2026-11-01",
        "--next",
        "send",
        "--next-due",
        "2026-11-30",
    ]);
    p.ok(&[
        "agree",
        "add",
        "Acme",
        "--text",
        "plain",
        "--owner",
        "us",
        "--on",
        "2026-10-01",
        "--due",
        "2026-11-01",
    ]);
    p.ok(&[
        "pay",
        "add",
        "Acme",
        "--on",
        "2026-11-02",
        "--amount",
        "100",
    ]);
    p.ok(&["client", "contact", "add", "Acme", "--person", "Ann"]);
    let osc52 = "char(27) || ']52;c;aGVsbG8=' || char(7)";
    let osc0 = "char(27) || ']0;pwned' || char(7)";
    sql(
        &p,
        &format!(
            "UPDATE clients SET name = 'Acme' || {osc0}, notes = {osc52}, goal = {osc0};
             UPDATE touchpoints SET summary = {osc52}, next_step = {osc0};
             UPDATE agreements SET text = {osc52};
             UPDATE payments SET note = {osc0} || char(155) || '2J';
             UPDATE contacts SET phone = {osc52};
             UPDATE tier_changes SET reason = {osc0};"
        ),
    );
    p
}

#[test]
fn stored_control_characters_are_shown_never_sent() {
    let p = poisoned();
    let views: &[(&[&str], &[&str])] = &[
        (&["client", "show", "Acme"], &[OSC52_SHOWN, OSC0_SHOWN]),
        (&["client", "list"], &["Acme\\u001b]0;pwned\\u0007"]),
        (&["client", "contact", "list", "Acme"], &[OSC52_SHOWN]),
        (&["touch", "list"], &[OSC52_SHOWN]),
        (&["agree", "list"], &[OSC52_SHOWN]),
        (&["pay", "list"], &["\\u009b2J"]),
        (&["report", "--format", "md"], &[OSC0_SHOWN]),
        (&["report", "--format", "text"], &[OSC0_SHOWN]),
        (&["summary"], &[OSC0_SHOWN]),
    ];
    for (args, shown) in views {
        let (code, out, err) = run(&p, args);
        assert_eq!(code, Some(0), "{args:?}: {}", String::from_utf8_lossy(&err));
        assert_inert(&format!("{args:?}"), &out);
        let text = String::from_utf8_lossy(&out);
        for s in *shown {
            assert!(text.contains(s), "{args:?} should show {s}: {text}");
        }
    }
    // A briefing written to a file is cat-ed later: escaped there too.
    for format in ["md", "text"] {
        let file = p.dir.path().join(format!("briefing.{format}"));
        p.ok(&["report", "--format", format, "--out", path_str(&file)]);
        let bytes = std::fs::read(&file).expect("briefing");
        assert_inert(&format!("report --format {format} --out"), &bytes);
        assert!(String::from_utf8_lossy(&bytes).contains(OSC0_SHOWN));
    }
}

#[test]
fn json_stays_json_with_the_same_strings() {
    let p = poisoned();
    let card = p.json(&["client", "show", "Acme", "--json"]);
    assert_eq!(card["stats"]["client"]["notes"], OSC52);
    let list = p.json(&["client", "list", "--json"]);
    assert_eq!(list[0]["name"], format!("Acme{OSC0}"));
    let pays = p.json(&["pay", "list", "--json"]);
    let note = pays
        .as_array()
        .and_then(|a| a.first())
        .and_then(|p| p["note"].as_str())
        .expect("a payment note")
        .to_string();
    assert_eq!(note, format!("{OSC0}\u{9b}2J"));
    let (_, bytes, _) = run(&p, &["pay", "list", "--json"]);
    assert_inert("pay list --json", &bytes);
}

#[test]
fn error_messages_show_what_was_typed() {
    let p = poisoned();
    let name = format!("Nobody{OSC0}");
    let (code, out, err) = run(&p, &["client", "show", &name]);
    assert_eq!(code, Some(1));
    assert!(out.is_empty());
    assert_inert("stderr", &err);
    let err = String::from_utf8_lossy(&err);
    assert!(
        err.contains(&format!("no client named 'Nobody{OSC0_SHOWN}'")),
        "{err}"
    );
    // A stored name in an error (here, a duplicate) is escaped too.
    let (code, _, err) = run(&p, &["client", "edit", "Acme", "--notes", "x\u{1b}"]);
    assert_eq!(code, Some(1));
    assert_inert("stderr", &err);
    // And a path.
    let file = format!("{}/missing{OSC52}.csv", path_str(p.dir.path()));
    let (code, _, err) = run(&p, &["import", "clients", &file]);
    assert_eq!(code, Some(1));
    assert_inert("stderr", &err);
    assert!(String::from_utf8_lossy(&err).contains(OSC52_SHOWN));
}

#[test]
fn input_refuses_control_characters_naming_the_field() {
    let p = Portfolio::new();
    p.ok(&["client", "add", "Acme"]);
    let before = p.snapshot();
    let refused: &[(&[&str], &str)] = &[
        (
            &["client", "add", "A\u{1b}B"],
            "name: contains the control character U+001B",
        ),
        (
            &["client", "add", "A\nB"],
            "name: must be one line (found a line break, U+000A)",
        ),
        (&["client", "add", "A\tB"], "name: contains a tab (U+0009)"),
        (
            &["client", "add", "Beta", "--channel", "tg\u{9b}"],
            "channel: contains the control character U+009B",
        ),
        (
            &["client", "add", "Beta", "--notes", OSC52],
            "notes: contains the control character U+001B",
        ),
        (
            &["client", "edit", "Acme", "--goal", "a\rb"],
            "goal: contains a carriage return (U+000D)",
        ),
        (
            &[
                "client", "contact", "add", "Acme", "--person", "Ann", "--phone", "1\t2",
            ],
            "phone: contains a tab (U+0009)",
        ),
        (
            &[
                "client",
                "contact",
                "add",
                "Acme",
                "--person",
                "Ann",
                "--email",
                "a\u{7f}@b",
            ],
            "email: contains the control character U+007F",
        ),
        (
            &["touch", "add", "Acme", "--kind", "call", "--summary", OSC0],
            "summary: contains the control character U+001B",
        ),
        (
            &["agree", "add", "Acme", "--text", "\u{7}", "--owner", "us"],
            "text: contains the control character U+0007",
        ),
        (
            &[
                "pay",
                "add",
                "Acme",
                "--on",
                "2026-11-02",
                "--amount",
                "5",
                "--note",
                "\u{1b}[2J",
            ],
            "note: contains the control character U+001B",
        ),
        (
            &["client", "tier", "Acme", "toxic", "--reason", "a\u{85}b"],
            "reason: contains the control character U+0085",
        ),
    ];
    for (args, message) in refused {
        let err = p.fails(args, 1);
        assert!(err.contains(message), "{args:?}: {err}");
        assert_inert("stderr", err.as_bytes());
    }
    assert!(p.snapshot() == before, "a refused input changes nothing");
}

#[test]
fn notes_keep_lines_and_tabs_and_take_crlf_as_lf() {
    let p = Portfolio::new();
    p.ok(&[
        "client",
        "add",
        "Acme",
        "--notes",
        "first\tcolumn\r\nsecond line\nthird",
    ]);
    p.ok(&[
        "touch",
        "add",
        "Acme",
        "--kind",
        "call",
        "--summary",
        "a\r\nb\tc",
    ]);
    assert_eq!(
        one_text(&p, "SELECT notes FROM clients"),
        "first\tcolumn\nsecond line\nthird"
    );
    assert_eq!(one_text(&p, "SELECT summary FROM touchpoints"), "a\nb\tc");
    let show = p.ok(&["client", "show", "Acme"]);
    assert!(
        show.contains("notes: first\tcolumn\nsecond line\nthird\n"),
        "{show}"
    );
}

#[test]
fn names_of_only_invisible_characters_are_refused() {
    let p = Portfolio::new();
    for name in ["\u{200b}\u{200b}", "\u{feff} \u{200d}", "\u{202e}\u{2066}"] {
        let err = p.fails(&["client", "add", name], 1);
        assert!(err.contains("name: has nothing visible"), "{err}");
    }
    p.ok(&["client", "add", "Acme"]);
    let err = p.fails(
        &["client", "contact", "add", "Acme", "--person", "\u{200b}"],
        1,
    );
    assert!(err.contains("person: has nothing visible"), "{err}");
    assert_eq!(count(&p, "clients"), 1);
    assert_eq!(count(&p, "contacts"), 0);
}

#[test]
fn names_are_compared_without_invisible_characters() {
    let p = Portfolio::new();
    p.ok(&["client", "add", "Ромашка"]);
    let err = p.fails(&["client", "add", "Ромашка\u{200B}"], 1);
    assert!(
        err.contains("a client named 'Ромашка\u{200B}' already exists"),
        "{err}"
    );
    let err = p.fails(&["client", "add", "\u{feff}ромашка\u{200d}"], 1);
    assert!(err.contains("already exists"), "{err}");
    // The name as typed with an invisible character finds the client.
    let show = p.ok(&["client", "show", "\u{200B}Ромашка"]);
    assert!(show.starts_with("Ромашка  ["), "{show}");
    p.ok(&["client", "add", "Acme"]);
    let err = p.fails(&["client", "edit", "Acme", "--name", "ромашка\u{2060}"], 1);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(count(&p, "clients"), 2);
}

/// A file written before invisible characters were ignored holds keys with
/// them: such a client is still found by its name, and still blocks the
/// same name without them.
#[test]
fn keys_stored_with_invisible_characters_still_match() {
    let p = Portfolio::new();
    p.ok(&["client", "add", "Acme"]);
    sql(
        &p,
        "UPDATE clients SET name = 'Ромашка' || char(8203), name_key = 'ромашка' || char(8203)",
    );
    let show = p.ok(&["client", "show", "Ромашка"]);
    assert!(show.starts_with("Ромашка\u{200b}  ["), "{show}");
    let err = p.fails(&["client", "add", "Ромашка"], 1);
    assert!(err.contains("already exists"), "{err}");
    // An edit stores the key anew.
    p.ok(&["client", "edit", "Ромашка", "--notes", "n"]);
    assert_eq!(one_text(&p, "SELECT name_key FROM clients"), "ромашка");
}

#[test]
fn csv_imports_name_the_line_and_the_field() {
    let p = Portfolio::new();
    p.ok(&["client", "add", "Acme"]);
    let before = p.snapshot();
    let refused: &[(&str, &str, &[&str], &str)] = &[
        (
            "touchpoints",
            "client,date,kind,summary,minutes\nAcme,2026-11-01,call,fine,5\nAcme,2026-11-02,call,\"x\u{1b}]0;pwned\u{7}\",5\n",
            &[],
            "line 3: summary: contains the control character U+001B",
        ),
        (
            "touchpoints",
            "client,date,kind,summary,minutes\nAcme,2026-11-02,call,nul\u{0}here,5\n",
            &[],
            "line 2: summary: contains a NUL character (U+0000)",
        ),
        (
            "clients",
            "name,tier\nGood,gold\n\"Bad\u{9b}Co\",gold\n",
            &[],
            "line 3: name: contains the control character U+009B",
        ),
        (
            "clients",
            "name,tier\n\u{200b},gold\n",
            &[],
            "line 2: name: has nothing visible",
        ),
        (
            "payments",
            "client,date,amount,note\nAcme,2026-11-02,5,\"a\u{1b}[2J\"\n",
            &[],
            "line 2: note: contains the control character U+001B",
        ),
        (
            "agreements",
            "client,date,text,owner\n\nAcme,2026-11-02,\"a\u{7}\",us\n",
            &[],
            "line 3: text: contains the control character U+0007",
        ),
        (
            "payments",
            "client,date,amount\n\"New\u{1b}]0;x\u{7}Co\",2026-11-02,5\n",
            &["--create-clients"],
            "line 2: client: contains the control character U+001B",
        ),
    ];
    for (i, (kind, csv, flags, message)) in refused.iter().enumerate() {
        let file = p.write(&format!("bad{i}.csv"), csv.as_bytes());
        let mut args = vec!["import", kind, path_str(&file)];
        args.extend_from_slice(flags);
        let err = p.fails(&args, 1);
        assert!(err.contains(message), "{kind} {i}: {err}");
        assert_inert("stderr", err.as_bytes());
    }
    assert!(p.snapshot() == before, "a refused import changes nothing");

    // A line break or tab inside a name's cell is a space; in a summary it
    // stays, CRLF as LF.
    let file = p.write(
        "good.csv",
        "client,date,kind,summary,minutes\n\"New\tCo\",2026-11-02,call,\"one\r\ntwo\tthree\",5\n"
            .as_bytes(),
    );
    let out = p.ok(&["import", "touchpoints", path_str(&file), "--create-clients"]);
    assert!(out.contains("Created 1 new client: New Co\n"), "{out}");
    assert_eq!(
        one_text(&p, "SELECT summary FROM touchpoints"),
        "one\ntwo\tthree"
    );
}

#[test]
fn check_reports_stored_control_characters_without_rewriting() {
    let p = Portfolio::new();
    p.ok(&[
        "client",
        "add",
        "Acme",
        "--notes",
        "fine\twith tab\nand line",
    ]);
    let ok = p.ok(&["check"]);
    assert!(ok.ends_with(": ok\n"), "{ok}");
    let p = poisoned();
    let (code, out, err) = run(&p, &["check"]);
    assert_eq!(code, Some(1));
    assert!(out.is_empty());
    assert_inert("check", &err);
    let err = String::from_utf8_lossy(&err);
    for line in [
        "clients 1 name: holds the control character U+001B",
        "clients 1 notes: holds the control character U+001B",
        "contacts 1 phone: holds the control character U+001B",
        "touchpoints 1 summary: holds the control character U+001B",
        "agreements 1 text: holds the control character U+001B",
        "payments 1 note: holds the control character U+001B",
        "tier_changes 1 reason: holds the control character U+001B",
    ] {
        assert!(err.contains(line), "{line}: {err}");
    }
    assert_eq!(
        one_text(&p, "SELECT notes FROM clients"),
        OSC52,
        "check rewrites nothing"
    );
}
