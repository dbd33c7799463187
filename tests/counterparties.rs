//! Counterparties to clients (issue 21): a client's ИНН and aliases, and an
//! import matching a statement's rows by ИНН, then by name with legal
//! forms, quotes, case and spacing left out, then by alias.

mod common;

use common::{Portfolio, path_str};

/// Sberbank's and Alfa-Bank's ИНН: real, so their check digits are right.
const INN_A: &str = "7707083893";
const INN_B: &str = "7728168971";

fn with_clients(names: &[&str]) -> Portfolio {
    let p = Portfolio::new();
    for name in names {
        p.ok(&["client", "add", name, "--since", "2025-01-01"]);
    }
    p
}

fn import(p: &Portfolio, csv: &str, extra: &[&str]) -> Result<String, String> {
    let f = p.write("statement.csv", csv.as_bytes());
    let mut args = vec!["import", "payments", path_str(&f)];
    args.extend_from_slice(extra);
    let out = p.cmd(&args).output().expect("run folio");
    if out.status.success() {
        Ok(String::from_utf8(out.stdout).unwrap())
    } else {
        assert_eq!(out.status.code(), Some(1));
        Err(String::from_utf8(out.stderr).unwrap())
    }
}

fn client_names(p: &Portfolio) -> Vec<String> {
    let list = p.json(&["client", "list", "--json"]);
    let list = list.as_array().unwrap();
    list.iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect()
}

fn payments_of(p: &Portfolio, client: &str) -> usize {
    let card = p.json(&["client", "show", client, "--json"]);
    card["payments"].as_array().unwrap().len()
}

#[test]
fn a_counterparty_written_three_ways_is_one_client_by_name_and_by_inn() {
    let p = with_clients(&["ООО Ромашка", "Лютик"]);
    // By name: the legal form leading or trailing, quotes of any kind.
    let by_name = "Контрагент;Дата;Сумма\n\
                   ООО \"РОМАШКА\";01.11.2026;100,00\n\
                   Ромашка ООО;02.11.2026;200,00\n\
                   ООО «Ромашка»;03.11.2026;300,00\n";
    let out = import(&p, by_name, &["--create-clients"]).unwrap();
    assert!(out.contains("Imported 3"), "{out}");
    assert_eq!(
        client_names(&p),
        ["Лютик", "ООО Ромашка"],
        "no client created"
    );
    assert_eq!(payments_of(&p, "ООО Ромашка"), 3);

    // By ИНН: the same three ways, and a name nothing else would match.
    p.ok(&["client", "edit", "ООО Ромашка", "--inn", INN_A]);
    let by_inn = format!(
        "Плательщик;ИНН;Дата;Сумма\n\
         ООО \"РОМАШКА\";{INN_A};04.11.2026;100,00\n\
         Ромашка ООО;{INN_A};05.11.2026;200,00\n\
         ООО «Ромашка»;{INN_A};06.11.2026;300,00\n\
         Romashka Trading LLC;{INN_A};07.11.2026;400,00\n"
    );
    let out = import(&p, &by_inn, &["--create-clients"]).unwrap();
    assert!(out.contains("Imported 4"), "{out}");
    assert_eq!(
        client_names(&p),
        ["Лютик", "ООО Ромашка"],
        "no client created"
    );
    assert_eq!(payments_of(&p, "ООО Ромашка"), 7);
}

#[test]
fn the_inn_column_is_found_by_the_names_banks_give_it() {
    let p = with_clients(&["ООО Ромашка"]);
    p.ok(&["client", "edit", "ООО Ромашка", "--inn", INN_A]);
    for (i, header) in ["ИНН", "ИНН плательщика", "ПлательщикИНН", "INN", "Tax ID"]
        .iter()
        .enumerate()
    {
        let csv = format!(
            "client;{header};date;amount\nАО Банк;{INN_A};0{}.11.2026;10\n",
            i + 1
        );
        let out = import(&p, &csv, &[]).unwrap_or_else(|e| panic!("{header}: {e}"));
        assert!(out.contains("Imported 1"), "{header}: {out}");
    }
    assert_eq!(payments_of(&p, "ООО Ромашка"), 5);
}

#[test]
fn create_clients_creates_only_what_matches_nothing_and_stores_the_inn() {
    let p = with_clients(&["ООО Ромашка"]);
    let csv = format!(
        "client,inn,date,amount\n\
         ООО «Лютик»,{INN_B},2026-11-01,10\n\
         Лютик ООО,,2026-11-02,20\n\
         \"АО \"\"Лютик\"\"\",{INN_B},2026-11-03,30\n\
         ИП Василёк,,2026-11-04,40\n\
         РОМАШКА,,2026-11-05,50\n"
    );
    let out = import(&p, &csv, &["--create-clients"]).unwrap();
    assert!(out.contains("Imported 5"), "{out}");
    assert_eq!(
        client_names(&p),
        ["ИП Василёк", "ООО «Лютик»", "ООО Ромашка"],
        "{out}"
    );
    let lutik = p.json(&["client", "show", "ООО «Лютик»", "--json"]);
    assert_eq!(lutik["inn"], INN_B);
    assert_eq!(lutik["payments"].as_array().unwrap().len(), 3);
    let vasilek = p.json(&["client", "show", "ИП Василёк", "--json"]);
    assert_eq!(vasilek["inn"], serde_json::Value::Null);
    assert_eq!(payments_of(&p, "ООО Ромашка"), 1);
}

#[test]
fn a_row_that_could_be_two_clients_is_an_error_naming_both() {
    let p = with_clients(&["ООО Ромашка", "ИП Ромашка"]);
    let before = p.snapshot();
    let csv = "client,date,amount\nООО Ромашка,2026-11-01,10\n«РОМАШКА»,2026-11-02,20\n";
    let err = import(&p, csv, &["--create-clients"]).unwrap_err();
    assert!(err.contains("line 3"), "{err}");
    assert!(
        err.contains("could be 'ИП Ромашка' or 'ООО Ромашка'"),
        "{err}"
    );
    assert!(
        !err.contains("line 2"),
        "an exact name is one client: {err}"
    );
    assert_eq!(p.snapshot(), before, "nothing written");
    // The ИНН settles it.
    p.ok(&["client", "edit", "ИП Ромашка", "--inn", "500100732259"]);
    let csv = "client,inn,date,amount\n«РОМАШКА»,500100732259,2026-11-02,20\n";
    import(&p, csv, &[]).unwrap();
    assert_eq!(payments_of(&p, "ИП Ромашка"), 1);
}

#[test]
fn a_bad_inn_is_refused_naming_the_field_and_the_line() {
    let p = with_clients(&["ООО Ромашка", "Лютик"]);
    let before = p.snapshot();
    let csv = format!(
        "client,ИНН,date,amount\nООО Ромашка,{INN_A},2026-11-01,10\nЛютик,7707083894,2026-11-02,20\n"
    );
    let err = import(&p, &csv, &[]).unwrap_err();
    assert!(
        err.contains("line 3: inn: '7707083894' is not a valid ИНН"),
        "{err}"
    );
    assert!(!err.contains("line 2"), "{err}");
    assert_eq!(p.snapshot(), before);

    let err = p.fails(&["client", "edit", "Лютик", "--inn", "12345"], 1);
    assert!(err.contains("inn: '12345' is not an ИНН"), "{err}");
    let err = p.fails(&["client", "edit", "Лютик", "--inn", "7707083894"], 1);
    assert!(err.contains("inn:"), "{err}");
    assert_eq!(p.snapshot(), before);
    // One client's ИНН is no other's.
    p.ok(&["client", "edit", "ООО Ромашка", "--inn", INN_A]);
    let err = p.fails(&["client", "edit", "Лютик", "--inn", INN_A], 1);
    assert!(
        err.contains("already the ИНН of client 'ООО Ромашка'"),
        "{err}"
    );
    // A row's ИНН that is not its named client's is that row's error.
    let before = p.snapshot();
    let csv = format!("client,inn,date,amount\nРомашка ООО,{INN_B},2026-11-01,10\n");
    let err = import(&p, &csv, &["--create-clients"]).unwrap_err();
    assert!(
        err.contains(
            "line 2: ИНН 7728168971 is not that of client 'ООО Ромашка' (its ИНН is 7707083893)"
        ),
        "{err}"
    );
    assert_eq!(p.snapshot(), before);
}

#[test]
fn aliases_are_added_listed_matched_and_deleted() {
    let p = with_clients(&["ООО Ромашка", "ИП Лютик"]);
    let out = p.ok(&["client", "alias", "add", "ооо ромашка", "Romashka  Trading"]);
    assert!(
        out.contains("Added alias Romashka Trading to ООО Ромашка"),
        "{out}"
    );
    p.ok(&["client", "alias", "add", "ООО Ромашка", "РОМАШКА-ЦЕНТР"]);
    let listed = p.ok(&["client", "alias", "list", "ООО Ромашка"]);
    assert_eq!(listed, "Romashka Trading\nРОМАШКА-ЦЕНТР\n");
    let json = p.json(&["client", "alias", "list", "ООО Ромашка", "--json"]);
    assert_eq!(
        json,
        serde_json::json!(["Romashka Trading", "РОМАШКА-ЦЕНТР"])
    );

    // Refused: another client's name, or an alias already given.
    let before = p.snapshot();
    let err = p.fails(&["client", "alias", "add", "ООО Ромашка", "Лютик ИП"], 1);
    assert!(err.contains("is client 'ИП Лютик''s name"), "{err}");
    let err = p.fails(
        &["client", "alias", "add", "ИП Лютик", "\"romashka trading\""],
        1,
    );
    assert!(
        err.contains("already an alias of client 'ООО Ромашка'"),
        "{err}"
    );
    assert_eq!(p.snapshot(), before);

    // Rows written by an alias are the client's.
    let csv =
        "client;date;amount\nООО «Romashka Trading»;01.11.2026;10\nромашка-центр;02.11.2026;20\n";
    let out = import(&p, csv, &[]).unwrap();
    assert!(out.contains("Imported 2"), "{out}");
    assert_eq!(payments_of(&p, "ООО Ромашка"), 2);

    // The card shows them; the JSON gains `inn` and `aliases`.
    p.ok(&["client", "edit", "ООО Ромашка", "--inn", INN_A]);
    let card = p.ok(&["client", "show", "ООО Ромашка"]);
    assert!(
        card.contains("ИНН 7707083893 · also written as: Romashka Trading; РОМАШКА-ЦЕНТР"),
        "{card}"
    );
    let json = p.json(&["client", "show", "ООО Ромашка", "--json"]);
    assert_eq!(json["inn"], INN_A);
    assert_eq!(json["aliases"][1], "РОМАШКА-ЦЕНТР");
    let lutik = p.json(&["client", "show", "ИП Лютик", "--json"]);
    assert_eq!(lutik["inn"], serde_json::Value::Null);
    assert_eq!(lutik["aliases"], serde_json::json!([]));

    // Deleted as written any way it matches; then it matches nothing.
    let err = p.fails(
        &["client", "alias", "delete", "ИП Лютик", "Romashka Trading"],
        1,
    );
    assert!(
        err.contains("is not an alias of client 'ИП Лютик'"),
        "{err}"
    );
    p.ok(&[
        "client",
        "alias",
        "delete",
        "ООО Ромашка",
        "ROMASHKA TRADING",
    ]);
    let err = import(
        &p,
        "client,date,amount\nRomashka Trading,2026-11-03,5\n",
        &[],
    )
    .unwrap_err();
    assert!(err.contains("unknown client 'Romashka Trading'"), "{err}");
    p.ok(&["client", "edit", "ООО Ромашка", "--no-inn"]);
    let json = p.json(&["client", "show", "ООО Ромашка", "--json"]);
    assert_eq!(json["inn"], serde_json::Value::Null);
}

#[test]
fn client_add_takes_an_inn_and_a_bad_one_adds_nothing() {
    let p = with_clients(&["ООО Ромашка"]);
    p.ok(&["client", "edit", "ООО Ромашка", "--inn", INN_A]);
    let before = p.snapshot();
    let err = p.fails(&["client", "add", "Лютик", "--inn", "7728168970"], 1);
    assert!(
        err.contains("inn: '7728168970' is not a valid ИНН"),
        "{err}"
    );
    let err = p.fails(&["client", "add", "Лютик", "--inn", INN_A], 1);
    assert!(
        err.contains("already the ИНН of client 'ООО Ромашка'"),
        "{err}"
    );
    assert_eq!(p.snapshot(), before, "no client added");
    p.ok(&["client", "add", "Лютик", "--inn", INN_B]);
    let lutik = p.json(&["client", "show", "Лютик", "--json"]);
    assert_eq!(lutik["inn"], INN_B);
}
