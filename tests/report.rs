//! `folio report`: figures checked against a small fixture computed by hand.

mod common;

use common::Portfolio;
use serde_json::Value;

/// Today is 2026-11-23 (common::TODAY).
///
/// - Альфа (gold, cadence 14): last touch 2026-10-01 (53 days), next step due
///   2026-11-28; invoice Nov 600 000 due 10.11, paid 09.11; open agreement due
///   25.11; decision maker with a birthday on 30.11.
/// - Beta (potential, cadence 7, since 15.10.2026): onboarding, no goal, no
///   contacts, no touchpoints; paid 50 000 on 20.11 with no invoice.
/// - Gamma (potential -> toxic on 05.11, cadence 30, since 01.06.2025): one
///   decision maker; invoices Oct 200 000 (due 10.10) and Nov 100 000 (due
///   30.11), nothing paid; an agreement broken by the client on 12.10.
/// - Delta: churned on 01.08.2026 ("Closed the business").
/// - Target for November: 1 000 000.
fn fixture() -> Portfolio {
    let p = Portfolio::new();
    for args in [
        vec![
            "client",
            "add",
            "Альфа",
            "--tier",
            "gold",
            "--cadence",
            "14",
            "--since",
            "2025-01-01",
        ],
        vec![
            "client",
            "add",
            "Beta",
            "--cadence",
            "7",
            "--since",
            "2026-10-15",
        ],
        vec![
            "client",
            "add",
            "Gamma",
            "--cadence",
            "30",
            "--since",
            "2025-06-01",
        ],
        vec!["client", "add", "Delta", "--since", "2025-01-01"],
        vec![
            "client",
            "status",
            "Delta",
            "churned",
            "--reason",
            "Closed the business",
            "--on",
            "2026-08-01",
        ],
        vec![
            "client",
            "tier",
            "Gamma",
            "toxic",
            "--reason",
            "Ignores agreements",
            "--on",
            "2026-11-05",
        ],
        vec![
            "client",
            "contact",
            "add",
            "Альфа",
            "--person",
            "Ирина",
            "--decision-maker",
            "--birthday",
            "30.11.1980",
        ],
        vec!["client", "contact", "add", "Альфа", "--person", "Олег"],
        vec![
            "client",
            "contact",
            "add",
            "Gamma",
            "--person",
            "Gary",
            "--decision-maker",
        ],
        vec![
            "touch",
            "add",
            "Альфа",
            "--kind",
            "call",
            "--summary",
            "Review",
            "--at",
            "2026-10-01",
            "--minutes",
            "60",
            "--next",
            "Send proposal",
            "--next-due",
            "2026-11-28",
        ],
        vec![
            "agree",
            "add",
            "Альфа",
            "--text",
            "Media plan",
            "--owner",
            "us",
            "--due",
            "2026-11-25",
            "--on",
            "2026-11-01",
        ],
        vec![
            "agree",
            "add",
            "Gamma",
            "--text",
            "Approve copy",
            "--owner",
            "client",
            "--due",
            "2026-10-10",
            "--on",
            "2026-10-01",
        ],
        vec!["agree", "close", "2", "--broken", "--on", "2026-10-12"],
        vec!["plan", "set", "2026-11", "1 000 000"],
        vec![
            "invoice",
            "add",
            "Альфа",
            "--month",
            "2026-11",
            "--amount",
            "600000",
            "--due",
            "2026-11-10",
        ],
        vec![
            "pay",
            "add",
            "Альфа",
            "--on",
            "2026-11-09",
            "--amount",
            "600000",
        ],
        vec![
            "pay",
            "add",
            "Beta",
            "--on",
            "2026-11-20",
            "--amount",
            "50000",
        ],
        vec![
            "invoice",
            "add",
            "Gamma",
            "--month",
            "2026-10",
            "--amount",
            "200000",
            "--due",
            "2026-10-10",
        ],
        vec![
            "invoice",
            "add",
            "Gamma",
            "--month",
            "2026-11",
            "--amount",
            "100000",
            "--due",
            "2026-11-30",
        ],
    ] {
        p.ok(&args);
    }
    p
}

fn report(p: &Portfolio, extra: &[&str]) -> Value {
    let mut args = vec!["report", "--format", "json"];
    args.extend_from_slice(extra);
    p.json(&args)
}

#[test]
fn plan_section_by_hand() {
    let p = fixture();
    let r = report(&p, &[]);
    assert_eq!(r["month"], "2026-11");
    let plan = &r["plan"];
    assert_eq!(plan["target"], "1000000.00");
    assert_eq!(plan["received"], "650000.00");
    assert_eq!(plan["expected"], "700000.00");
    assert_eq!(plan["outstanding"], "100000.00");
    assert_eq!(plan["overdue"], "0.00");
    assert_eq!(plan["attainment_pct"], 65.0);
    assert_eq!(plan["forecast"], "750000.00");
    assert_eq!(plan["days_left"], 8);
    let previous = plan["previous"].as_array().unwrap();
    assert_eq!(previous.len(), 11);
    let october = &previous[10];
    assert_eq!(october["month"], "2026-10");
    assert_eq!(october["expected"], "200000.00");
    assert_eq!(october["overdue"], "200000.00");
    assert!(
        october["attainment_pct"].is_null(),
        "no target, no attainment"
    );
    assert_eq!(previous[0]["month"], "2025-12");
}

#[test]
fn at_risk_with_reasons_gold_first() {
    let p = fixture();
    let r = report(&p, &[]);
    let risk = r["at_risk"].as_array().unwrap();
    let names: Vec<&str> = risk.iter().map(|c| c["client"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["Альфа", "Beta", "Gamma"],
        "gold first; churned Delta left out"
    );

    let alpha = risk[0]["reasons"].as_array().unwrap();
    assert_eq!(alpha.len(), 1);
    assert_eq!(alpha[0]["kind"], "past_cadence");
    assert_eq!(alpha[0]["days_since"], 53);
    assert_eq!(alpha[0]["days_over"], 39);

    let beta: Vec<&str> = risk[1]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["kind"].as_str().unwrap())
        .collect();
    assert_eq!(beta, ["past_cadence", "onboarding_gaps"]);
    let gaps = &risk[1]["reasons"][1];
    assert_eq!(gaps["days_since_start"], 39);
    assert_eq!(
        gaps["missing"],
        serde_json::json!(["goal", "decision maker"])
    );

    let gamma = risk[2]["reasons"].as_array().unwrap();
    let kinds: Vec<&str> = gamma.iter().map(|x| x["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "past_cadence",
            "broken_agreements",
            "overdue_receivables",
            "single_thread"
        ]
    );
    assert_eq!(gamma[1]["by_client"], 1);
    assert_eq!(gamma[2]["amount"], "200000.00");
}

#[test]
fn tier_moves_health_and_next_14_days() {
    let p = fixture();
    let r = report(&p, &[]);
    let moves = r["tier_moves"].as_array().unwrap();
    assert_eq!(moves.len(), 1);
    assert_eq!(moves[0]["client"], "Gamma");
    assert_eq!(moves[0]["from"], "potential");
    assert_eq!(moves[0]["to"], "toxic");
    assert_eq!(moves[0]["on"], "2026-11-05");

    let h = &r["health"];
    assert_eq!(h["concentration"]["largest_client"], "Альфа");
    assert_eq!(h["concentration"]["largest_share_pct"], 92.31);
    assert_eq!(h["concentration"]["clients_for_80pct"], 1);
    assert_eq!(h["concentration"]["warning"], true);
    assert_eq!(h["time_eaters"][0]["client"], "Альфа");
    assert_eq!(h["time_eaters"][0]["revenue_per_hour"], "600000.00");
    let gold = &h["tiers"][0];
    assert_eq!(gold["tier"], "gold");
    assert_eq!(gold["revenue_share_pct"], 92.31);
    assert_eq!(gold["minutes_share_pct"], 100.0);
    assert_eq!(h["churned_12m"][0]["client"], "Delta");
    assert_eq!(h["churned_12m"][0]["reason"], "Closed the business");

    let next: Vec<(String, String, String)> = r["next_14_days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["date"].as_str().unwrap().to_string(),
                u["kind"].as_str().unwrap().to_string(),
                u["client"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expect = |d: &str, k: &str, c: &str| (d.to_string(), k.to_string(), c.to_string());
    assert_eq!(
        next,
        vec![
            expect("2026-11-25", "agreement", "Альфа"),
            expect("2026-11-28", "next_step", "Альфа"),
            expect("2026-11-30", "invoice", "Gamma"),
            expect("2026-11-30", "birthday", "Альфа"),
        ]
    );
    assert_eq!(r["next_14_days"][2]["amount"], "100000.00");

    let points: Vec<&str> = r["talking_points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(
        points[0]
            .starts_with("Plan at 65.00% with 8 days left; 100 000 RUB outstanding from 1 client,"),
        "{points:?}"
    );
    assert!(
        points.contains(&"Gold client Альфа not contacted for 53 days (cadence 14)."),
        "{points:?}"
    );
    assert!(
        points.iter().any(|t| t.starts_with("Альфа brings 92.31%")),
        "{points:?}"
    );
}

#[test]
fn markdown_and_text_carry_the_same_sections() {
    let p = fixture();
    let md = p.ok(&["report"]);
    for heading in [
        "# One-on-one briefing: Nov 2026",
        "## 1. Plan",
        "## 2. At risk",
        "## 3. Tier moves this month",
        "## 4. Portfolio health",
        "## 5. Next 14 days",
        "## 6. Talking points",
    ] {
        assert!(md.contains(heading), "{heading} missing:\n{md}");
    }
    assert!(
        md.contains("| Attainment            |       65.00% |"),
        "{md}"
    );
    let text = p.ok(&["report", "--format", "text"]);
    assert!(
        text.contains("1. PLAN") && text.contains("6. TALKING POINTS"),
        "{text}"
    );
    let out = p.dir.path().join("brief.md");
    let msg = p.ok(&["report", "--out", common::path_str(&out)]);
    assert!(msg.contains("brief.md"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), md);
    // JSON is written as it is produced, to stdout or the file: the same text.
    let json = p.ok(&["report", "--format", "json"]);
    assert!(
        json.starts_with("{\n  \"month\"") && json.ends_with("}\n"),
        "{json}"
    );
    let out = p.dir.path().join("brief.json");
    let msg = p.ok(&[
        "report",
        "--format",
        "json",
        "--out",
        common::path_str(&out),
    ]);
    assert!(msg.contains("brief.json"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), json);
}

#[test]
fn empty_portfolio_month_without_data_and_no_plan() {
    let p = Portfolio::new();
    let r = report(&p, &[]);
    assert_eq!(r["plan"]["received"], "0.00");
    assert!(r["plan"]["attainment_pct"].is_null());
    assert!(r["at_risk"].as_array().unwrap().is_empty());
    assert!(r["health"]["concentration"]["largest_share_pct"].is_null());
    assert!(!p.ok(&["report"]).contains("NaN"));

    // One client, no plan, a month long ago.
    p.ok(&[
        "client",
        "add",
        "Solo",
        "--tier",
        "gold",
        "--since",
        "2020-01-01",
    ]);
    p.ok(&["pay", "add", "Solo", "--on", "2026-11-02", "--amount", "10"]);
    let r = report(&p, &["--month", "2021-03"]);
    assert_eq!(r["plan"]["received"], "0.00");
    assert!(r["plan"]["attainment_pct"].is_null());
    let r = report(&p, &[]);
    assert_eq!(r["health"]["concentration"]["largest_share_pct"], 100.0);
    assert!(
        r["talking_points"][0]
            .as_str()
            .unwrap()
            .starts_with("No target set for 2026-11")
    );
    let text = p.ok(&["report", "--format", "text"]);
    assert!(!text.contains("NaN") && !text.contains("inf"));
}

#[test]
fn demo_has_content_in_every_section() {
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let r = report(&p, &[]);
    assert!(r["plan"]["target"].is_string());
    assert!(!r["at_risk"].as_array().unwrap().is_empty());
    assert!(!r["tier_moves"].as_array().unwrap().is_empty());
    assert!(!r["health"]["time_eaters"].as_array().unwrap().is_empty());
    assert!(!r["health"]["churned_12m"].as_array().unwrap().is_empty());
    assert!(!r["next_14_days"].as_array().unwrap().is_empty());
    assert!(r["talking_points"].as_array().unwrap().len() >= 3);
}

/// The demo's briefing as JSON, byte for byte: scripts read it, and the
/// writer behind it may change (to serde) but not what it writes.
#[test]
fn demo_briefing_json_is_pinned() {
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let json = p.ok(&["report", "--format", "json"]);
    let golden = include_str!("fixtures/briefing-demo-2026-11-23.json");
    assert!(
        json == golden,
        "the demo's briefing JSON changed; if on purpose, regenerate with\n  \
         folio --demo --today 2026-11-23 report --format json > tests/fixtures/briefing-demo-2026-11-23.json"
    );
}

#[test]
fn json_to_a_closed_pipe_is_not_an_error() {
    // `folio report --format json | head -c 0`: the reader is gone before
    // folio writes; like every other output, that ends quietly with 0.
    let p = Portfolio::new();
    p.ok(&["client", "add", "Acme"]);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("folio"))
        .env_remove("FOLIO_DB")
        .args(["--db", common::path_str(&p.db), "--today", "2026-11-23"])
        .args(["report", "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn the_file_is_closed_whole_when_a_report_returns() {
    // The report closes the portfolio while it writes its answer; by the
    // exit the last connection has checkpointed and removed the WAL and
    // the shared-memory file, whatever the format or destination.
    let p = fixture();
    let files = || {
        let mut names: Vec<String> = std::fs::read_dir(p.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("portfolio") || n.starts_with("brief"))
            .collect();
        names.sort();
        names
    };
    let out = p.dir.path().join("brief.md");
    for args in [
        vec!["report", "--format", "json"],
        vec!["report", "--format", "text"],
        vec!["report", "--out", common::path_str(&out)],
    ] {
        let printed = p.ok(&args);
        assert!(!printed.is_empty(), "{args:?}");
        assert_eq!(
            files().iter().filter(|n| n.contains("portfolio")).count(),
            1,
            "{:?}",
            files()
        );
    }
    assert_eq!(files(), ["brief.md", "portfolio.db"]);
    assert!(std::fs::read_to_string(&out).unwrap().contains("# "));
}

/// The demo's briefing in Russian, byte for byte: headings, reasons, talking
/// points and health notes as a Russian head of accounts reads them
/// (reviewed by eye; issue 23).
#[test]
fn demo_briefing_in_russian_is_pinned() {
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let md = p.ok(&["--lang", "ru", "report", "--format", "md"]);
    let golden = include_str!("fixtures/briefing-demo-2026-11-23.ru.md");
    assert!(
        md == golden,
        "the demo's Russian briefing changed; if on purpose, read it and regenerate with\n  \
         folio --db X --today 2026-11-23 --lang ru report --format md > tests/fixtures/briefing-demo-2026-11-23.ru.md\n{md}"
    );
    let text = p.ok(&["--lang", "ru", "report", "--format", "text"]);
    for heading in ["1. ПЛАН", "2. КЛИЕНТЫ ПОД РИСКОМ", "6. О ЧЁМ ПОГОВОРИТЬ"]
    {
        assert!(text.contains(heading), "{heading} missing:\n{text}");
    }
    assert!(!text.contains("TALKING POINTS"), "{text}");
}

/// Scripts read the JSON: it is English and the same bytes whatever the
/// person's language.
#[test]
fn json_report_is_the_same_in_russian() {
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let en = p.ok(&["--lang", "en", "report", "--format", "json"]);
    let ru = p.ok(&["--lang", "ru", "report", "--format", "json"]);
    assert!(en == ru, "the JSON differs between languages");
    let ru_env = p
        .cmd(&["report", "--format", "json"])
        .env("LANG", "ru_RU.UTF-8")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(ru_env.stdout).unwrap(), en);
}
