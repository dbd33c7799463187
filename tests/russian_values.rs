//! Russian on input and on request on output (issue 23): the enums'
//! Russian words on the command line and in CSV cells, Russian CSV
//! headers for every kind, and `export --lang ru` read back by import.

mod common;

use common::{Portfolio, path_str};

/// A portfolio with one client of each tier, made with Russian words.
fn russian_portfolio() -> Portfolio {
    let p = Portfolio::new();
    p.ok(&["client", "add", "ООО Ромашка", "--tier", "Золотая"]);
    p.ok(&["client", "add", "Northwind", "--tier", "ПЕРСПЕКТИВНЫЙ"]);
    p.ok(&["client", "add", "Pest Co", "--tier", "токсичный"]);
    p
}

#[test]
fn russian_words_on_the_command_line() {
    let p = russian_portfolio();
    let clients = p.json(&["client", "list", "--json"]);
    let tier_of = |name: &str| {
        clients
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == name)
            .map(|c| c["tier"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(tier_of("ООО Ромашка"), "gold");
    assert_eq!(tier_of("Northwind"), "potential");
    assert_eq!(tier_of("Pest Co"), "toxic");

    p.ok(&[
        "client",
        "status",
        "Northwind",
        "на паузе",
        "--reason",
        "бюджет",
    ]);
    let n = p.json(&["client", "show", "Northwind", "--json"]);
    assert_eq!(n["stats"]["client"]["status"], "paused", "{n}");

    // `ё` or `е`, any case.
    for (word, kind) in [
        ("ЗВОНОК", "call"),
        ("Встреча", "meeting"),
        ("письмо", "email"),
        ("мессенджер", "message"),
        ("Отчет", "report"),
        ("отчёт", "report"),
    ] {
        p.ok(&[
            "touch",
            "add",
            "ООО Ромашка",
            "--kind",
            word,
            "--summary",
            word,
        ]);
        let t = p.json(&["touch", "list", "--json"]);
        let row = t
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["summary"] == word)
            .unwrap();
        assert_eq!(row["kind"], kind, "{word}");
    }

    p.ok(&[
        "agree",
        "add",
        "ООО Ромашка",
        "--text",
        "отчёт",
        "--owner",
        "Мы",
    ]);
    p.ok(&[
        "agree",
        "add",
        "Northwind",
        "--text",
        "бриф",
        "--owner",
        "КЛИЕНТ",
    ]);
    let a = p.json(&["agree", "list", "--json"]);
    let owner_of = |text: &str| {
        a.as_array()
            .unwrap()
            .iter()
            .find(|a| a["text"] == text)
            .map(|a| a["owner"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(owner_of("отчёт"), "us");
    assert_eq!(owner_of("бриф"), "client");

    // A word that is none of them is still refused, and changes nothing.
    let err = p.fails(&["client", "add", "X", "--tier", "серебряный"], 2);
    assert!(err.contains("серебряный"), "{err}");
}

#[test]
fn russian_headers_and_values_import_for_every_kind() {
    let p = Portfolio::new();
    let clients = p.write(
        "clients.csv",
        "Клиент;Категория;Частота касаний;Клиент с;Заметки\n\
         ООО Ромашка;Золотая;14;01.03.2025;ключевой\n\
         Northwind;перспективный;;2025-06-01;\n\
         Pest Co;ТОКСИЧНЫЙ;30;2025-01-10;\n"
            .as_bytes(),
    );
    p.ok(&["import", "clients", path_str(&clients)]);
    let touchpoints = p.write(
        "touchpoints.csv",
        "клиент,дата,тип,тема,минуты,следующий шаг,срок шага\n\
         ООО Ромашка,02.11.2026,Звонок,созвон,30,прислать КП,09.11.2026\n\
         Northwind,03.11.2026,ОТЧЕТ,отчёт за октябрь,15,,\n\
         Pest Co,04.11.2026,встреча,встреча,60,,\n"
            .as_bytes(),
    );
    p.ok(&["import", "touchpoints", path_str(&touchpoints)]);
    let agreements = p.write(
        "agreements.csv",
        "клиент,дата,договоренность,за кем,срок,статус,дата закрытия\n\
         ООО Ромашка,02.11.2026,прислать КП,мы,09.11.2026,открыта,\n\
         Northwind,01.10.2026,согласовать бюджет,Клиент,15.10.2026,Выполнена,14.10.2026\n\
         Pest Co,01.09.2026,оплатить счёт,клиент,10.09.2026,нарушена,20.09.2026\n"
            .as_bytes(),
    );
    p.ok(&["import", "agreements", path_str(&agreements)]);
    let payments = p.write(
        "payments.csv",
        "клиент,дата,сумма,примечание\n\
         ООО Ромашка,05.11.2026,\"1 250 000,50\",аванс\n"
            .as_bytes(),
    );
    p.ok(&["import", "payments", path_str(&payments)]);

    let c = p.json(&["client", "list", "--json"]);
    let c = c.as_array().unwrap();
    let client = |name: &str| c.iter().find(|c| c["name"] == name).unwrap().clone();
    assert_eq!(client("ООО Ромашка")["tier"], "gold");
    assert_eq!(client("ООО Ромашка")["cadence_days"], 14);
    assert_eq!(client("ООО Ромашка")["since"], "2025-03-01");
    let card = p.json(&["client", "show", "ООО Ромашка", "--json"]);
    assert_eq!(card["stats"]["client"]["notes"], "ключевой");
    assert_eq!(client("Northwind")["tier"], "potential");
    assert_eq!(client("Pest Co")["tier"], "toxic");

    let t = p.json(&["touch", "list", "--json"]);
    let t = t.as_array().unwrap();
    let touch = |summary: &str| t.iter().find(|t| t["summary"] == summary).unwrap().clone();
    assert_eq!(touch("созвон")["kind"], "call");
    assert_eq!(touch("созвон")["next_step"], "прислать КП");
    assert_eq!(touch("созвон")["next_due"], "2026-11-09");
    assert_eq!(touch("отчёт за октябрь")["kind"], "report");
    assert_eq!(touch("встреча")["minutes"], 60);

    let a = p.json(&["agree", "list", "--json"]);
    let a = a.as_array().unwrap();
    let agreement = |text: &str| a.iter().find(|a| a["text"] == text).unwrap().clone();
    assert_eq!(agreement("прислать КП")["owner"], "us");
    assert_eq!(agreement("прислать КП")["status"], "open");
    assert_eq!(agreement("согласовать бюджет")["status"], "kept");
    assert_eq!(agreement("согласовать бюджет")["closed_on"], "2026-10-14");
    assert_eq!(agreement("оплатить счёт")["status"], "broken");
    assert_eq!(agreement("оплатить счёт")["owner"], "client");

    let pay = p.json(&["pay", "list", "--json"]);
    assert_eq!(pay[0]["note"], "аванс", "{pay}");
    assert_eq!(pay[0]["on"], "2026-11-05", "{pay}");
    assert_eq!(pay[0]["amount"], "1250000.50", "{pay}");
}

#[test]
fn a_bad_russian_value_names_the_line_and_imports_nothing() {
    let p = russian_portfolio();
    let file = p.write(
        "touchpoints.csv",
        "клиент,дата,тип\nООО Ромашка,02.11.2026,звонок\nNorthwind,03.11.2026,телеграм\n"
            .as_bytes(),
    );
    let err = p.fails(&["import", "touchpoints", path_str(&file)], 1);
    assert!(err.contains("телеграм") && err.contains('3'), "{err}");
    let t = p.json(&["touch", "list", "--json"]);
    assert_eq!(t.as_array().unwrap().len(), 0);
}

const KINDS: [&str; 4] = ["clients", "touchpoints", "agreements", "payments"];

#[test]
fn export_in_russian_reimports_the_demo_row_for_row() {
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let q = Portfolio::new();
    for kind in KINDS {
        let file = p.dir.path().join(format!("{kind}.csv"));
        p.ok(&["export", kind, "--lang", "ru", "--out", path_str(&file)]);
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.starts_with("клиент,"), "{kind}: {text}");
        q.ok(&["import", kind, path_str(&file)]);
    }
    // Every exported row is equal, read either way.
    for kind in KINDS {
        let a = p.ok(&["export", kind]);
        let b = q.ok(&["export", kind]);
        assert!(a.lines().count() > 1, "the demo has {kind}");
        assert_eq!(a, b, "{kind}");
        assert_eq!(
            p.ok(&["export", kind, "--lang", "ru"]),
            q.ok(&["export", kind, "--lang", "ru"]),
            "{kind}"
        );
    }
    // The words are Russian too.
    let tp = p.ok(&["export", "touchpoints", "--lang", "ru"]);
    assert!(tp.contains(",звонок,") && !tp.contains(",call,"), "{tp}");
    let ag = p.ok(&["export", "agreements", "--lang", "ru", "--excel"]);
    assert!(
        ag.starts_with("\u{feff}клиент;дата;договорённость;за_кем;срок;статус;дата_закрытия\n"),
        "{ag}"
    );
}

#[test]
fn a_plain_export_stays_english_byte_for_byte() {
    let p = russian_portfolio();
    p.ok(&[
        "touch",
        "add",
        "ООО Ромашка",
        "--kind",
        "звонок",
        "--summary",
        "созвон",
        "--minutes",
        "30",
        "--at",
        "2026-11-02",
    ]);
    p.ok(&[
        "agree",
        "add",
        "Northwind",
        "--text",
        "бриф",
        "--owner",
        "мы",
        "--due",
        "2026-12-01",
    ]);
    let expected = [
        "name,tier,cadence_days,since,notes\n\
         Northwind,potential,,2026-11-23,\n\
         Pest Co,toxic,,2026-11-23,\n\
         ООО Ромашка,gold,,2026-11-23,\n",
        "client,date,kind,summary,minutes,next_step,next_due\n\
         ООО Ромашка,2026-11-02,call,созвон,30,,\n",
        "client,date,text,owner,due,status,closed_on\n\
         Northwind,2026-11-23,бриф,us,2026-12-01,open,\n",
    ];
    for (kind, want) in KINDS.iter().zip(expected) {
        assert_eq!(p.ok(&["export", kind]), want, "{kind}");
        // `--lang en` asks for what a plain export writes.
        assert_eq!(p.ok(&["export", kind, "--lang", "en"]), want, "{kind}");
    }
    // A Russian machine still exports in English unless asked.
    let out = p
        .cmd(&["export", "touchpoints"])
        .env("LANG", "ru_RU.UTF-8")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected[1]);
}
