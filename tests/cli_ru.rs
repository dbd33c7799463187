//! The command line in Russian: with `--lang ru`, and with
//! `LANG=ru_RU.UTF-8` alone, every command prints Russian headers, words,
//! amounts and dates, and no English word of its own. The portfolio's data
//! is Russian too, so any Latin word left in the output is folio's.

mod common;

use common::{Portfolio, path_str};

/// A portfolio whose every word is Russian.
fn russian() -> Portfolio {
    let p = Portfolio::new();
    let run = |args: &[&str]| {
        p.ok(args);
    };
    run(&[
        "client",
        "add",
        "ООО Ромашка",
        "--tier",
        "золотой",
        "--cadence",
        "14",
        "--since",
        "2025-03-01",
        "--channel",
        "телеграм",
        "--goal",
        "Рост заявок",
    ]);
    run(&["client", "add", "ИП Иванов", "--tier", "перспективный"]);
    run(&["client", "add", "Кофейня Зерно", "--tier", "токсичный"]);
    run(&["client", "alias", "add", "ООО Ромашка", "Ромашка"]);
    run(&[
        "client",
        "contact",
        "add",
        "ООО Ромашка",
        "--person",
        "Анна Петрова",
        "--role",
        "директор",
        "--decision-maker",
        "--birthday",
        "14.02.1985",
    ]);
    run(&[
        "touch",
        "add",
        "ООО Ромашка",
        "--kind",
        "звонок",
        "--summary",
        "Обсудили бюджет",
        "--minutes",
        "30",
        "--at",
        "2026-09-01",
        "--next",
        "Прислать медиаплан",
        "--next-due",
        "2026-09-10",
    ]);
    run(&[
        "touch",
        "add",
        "ИП Иванов",
        "--kind",
        "встреча",
        "--summary",
        "Знакомство",
    ]);
    run(&[
        "agree",
        "add",
        "ООО Ромашка",
        "--text",
        "Медиаплан на квартал",
        "--owner",
        "мы",
        "--due",
        "2026-11-01",
        "--on",
        "2026-10-01",
    ]);
    run(&[
        "agree",
        "add",
        "ИП Иванов",
        "--text",
        "Доступы к CRM",
        "--owner",
        "клиент",
    ]);
    run(&["plan", "set", "2026-11", "1 000 000"]);
    run(&[
        "invoice",
        "add",
        "ООО Ромашка",
        "--month",
        "2026-11",
        "--amount",
        "1 250 000,50",
        "--due",
        "2026-11-10",
    ]);
    run(&[
        "invoice",
        "add",
        "ИП Иванов",
        "--month",
        "2026-10",
        "--amount",
        "5000",
    ]);
    run(&[
        "pay",
        "add",
        "ИП Иванов",
        "--on",
        "2026-10-20",
        "--amount",
        "5000",
        "--note",
        "оплата",
    ]);
    run(&[
        "pay",
        "add",
        "ООО Ромашка",
        "--on",
        "2026-11-05",
        "--amount",
        "250000",
        "--note",
        "аванс",
    ]);
    p
}

/// `folio --lang ru ARGS`.
fn ru(p: &Portfolio, args: &[&str]) -> String {
    let mut all = vec!["--lang", "ru"];
    all.extend_from_slice(args);
    p.ok(&all)
}

/// `LANG=ru_RU.UTF-8 folio ARGS`: the language from the system alone.
fn by_lang(p: &Portfolio, args: &[&str]) -> String {
    let out = p
        .cmd(args)
        .env("LANG", "ru_RU.UTF-8")
        .output()
        .expect("run folio");
    assert!(
        out.status.success(),
        "folio {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The English words folio's own output uses (headers, enum words,
/// confirmations): none may show in Russian.
const ENGLISH: &[&str] = &[
    "added",
    "agreement",
    "agreements",
    "aliases",
    "amount",
    "amounts",
    "attainment",
    "attention",
    "balance",
    "birthday",
    "broken",
    "by",
    "cadence",
    "call",
    "cancelled",
    "channel",
    "churned",
    "client",
    "clients",
    "closed",
    "concentration",
    "contact",
    "contacts",
    "copies",
    "copy",
    "date",
    "day",
    "days",
    "decides",
    "deleted",
    "due",
    "email",
    "expected",
    "exported",
    "file",
    "for",
    "forecast",
    "from",
    "goal",
    "gold",
    "history",
    "imported",
    "kept",
    "kind",
    "last",
    "left",
    "lifetime",
    "logged",
    "made",
    "meeting",
    "min",
    "modified",
    "month",
    "never",
    "newest",
    "next",
    "no",
    "note",
    "of",
    "ok",
    "on",
    "open",
    "outstanding",
    "overdue",
    "owner",
    "paid",
    "paused",
    "payment",
    "payments",
    "person",
    "phone",
    "plan",
    "potential",
    "received",
    "recent",
    "recorded",
    "revenue",
    "role",
    "row",
    "rows",
    "share",
    "showing",
    "since",
    "size",
    "status",
    "step",
    "sum",
    "summary",
    "target",
    "the",
    "tier",
    "today",
    "total",
    "touch",
    "touchpoint",
    "touchpoints",
    "toxic",
    "updated",
    "us",
    "would",
    "yes",
];

/// The English words of `ENGLISH` in `out`, leaving out what is not
/// folio's prose: commands in backticks, `--flags`, and `paths` (the
/// portfolio's file and its copies).
fn english_in(out: &str, paths: &[&str]) -> Vec<String> {
    let mut text = out.to_string();
    for path in paths {
        text = text.replace(path, " ");
    }
    let mut prose = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            prose.push_str(part);
            prose.push(' ');
        }
    }
    prose
        .split_whitespace()
        .filter(|w| !w.starts_with("--") && !w.contains("portfolio.db") && !w.contains('/'))
        .flat_map(|w| w.split(|c: char| !c.is_ascii_alphabetic()))
        .map(str::to_ascii_lowercase)
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect()
}

/// `out` speaks Russian: it has every one of `russian` and no English
/// word of folio's.
fn assert_russian(p: &Portfolio, what: &str, out: &str, russian: &[&str]) {
    let dir = path_str(p.dir.path());
    let english = english_in(out, &[dir]);
    assert!(english.is_empty(), "{what}: English {english:?} in\n{out}");
    for word in russian {
        assert!(out.contains(word), "{what}: no {word:?} in\n{out}");
    }
}

/// What each reading command prints, and Russian words it must have.
const READS: &[(&[&str], &[&str])] = &[
    (
        &["client", "list"],
        &[
            "Клиент",
            "Категория",
            "Статус",
            "Выручка 12 мес",
            "золотой",
            "перспективный",
            "токсичный",
            "активный",
            "не было",
            "Суммы в RUB",
        ],
    ),
    (
        &["client", "show", "ООО Ромашка"],
        &[
            "[золотой · активный]",
            "клиент с 01.03.2025",
            "частота касаний: 14 дней",
            "также пишется: Ромашка",
            "Контактные лица",
            "ЛПР",
            "14.02.1985",
            "История категорий",
            "-> золотой  начальная категория",
            "Последние касания (1 из 1)",
            "звонок",
            "(до 10.09.2026)",
            "за нами",
            "срок 01.11.2026",
            "1\u{202F}250\u{202F}000,50",
            "ноя 2026",
        ],
    ),
    (
        &["client", "contact", "list", "ООО Ромашка"],
        &["Контактное лицо", "Должность", "День рождения", "да"],
    ),
    (&["client", "alias", "list", "ИП Иванов"], &["нет других"]),
    (
        &["touch", "list"],
        &[
            "Дата",
            "Тип",
            "Тема",
            "Следующий шаг",
            "Срок",
            "10.09.2026 !",
        ],
    ),
    (
        &["agree", "list"],
        &[
            "За кем",
            "за клиентом",
            "ПРОСРОЧЕНА",
            "открыта",
            "01.10.2026",
        ],
    ),
    (
        &["plan", "show", "--month", "2026-11"],
        &[
            "План на ноябрь 2026",
            "сегодня 23.11.2026",
            "осталось 8 дней",
            "Поступило",
            "выполнение плана 25,00\u{A0}%",
            "Прогноз",
            "Не оплачено",
        ],
    ),
    (
        &["plan", "show", "--month", "2026-12"],
        &["план не задан", "ожидаемых платежей"],
    ),
    (
        &["plan", "history", "--months", "2"],
        &["Месяц", "Выполнение", "ноя 2026", "25,00\u{A0}%"],
    ),
    (
        &["invoice", "list"],
        &["Остаток", "Сумма", "оплачен", "просрочен", "окт 2026"],
    ),
    (
        &["pay", "list"],
        &[
            "Примечание",
            "20.10.2026",
            "Итого 255\u{202F}000,00 (2 платежа)",
        ],
    ),
    (
        &["summary"],
        &[
            "сегодня 23.11.2026",
            "ноябрь 2026",
            "План: поступило 250\u{202F}000,00 из 1\u{202F}000\u{202F}000,00",
            "Клиенты: золотые — 1, перспективные — 1, токсичные — 1",
            "Требуют внимания",
            "просроченные договорённости: 1 за нами",
            "нет касаний",
        ],
    ),
    (&["check"], &["всё в порядке"]),
    (&["backups"], &["Резервных копий"]),
];

#[test]
fn every_reading_command_speaks_russian_with_the_flag() {
    let p = russian();
    for (args, words) in READS {
        let out = ru(&p, args);
        assert_russian(&p, &args.join(" "), &out, words);
    }
}

#[test]
fn every_reading_command_speaks_russian_by_the_system_language() {
    let p = russian();
    for (args, words) in READS {
        let out = by_lang(&p, args);
        assert_russian(&p, &args.join(" "), &out, words);
    }
}

#[test]
fn the_english_words_are_caught() {
    // The check itself: the English output is full of them.
    let p = russian();
    let out = p.ok(&["client", "list"]);
    let english = english_in(&out, &[]);
    assert!(english.contains(&"tier".to_string()), "{english:?}");
    assert!(english.contains(&"gold".to_string()), "{english:?}");
    assert!(english_in("`folio plan set` --limit 0", &[]).is_empty());
}

#[test]
fn confirmations_speak_russian() {
    let p = russian();
    let steps: &[(&[&str], &[&str])] = &[
        (
            &["client", "add", "АО Вектор", "--tier", "gold"],
            &["Клиент добавлен: АО Вектор (золотой"],
        ),
        (
            &["client", "edit", "АО Вектор", "--cadence", "7"],
            &["Клиент изменён: АО Вектор"],
        ),
        (
            &["client", "tier", "АО Вектор", "toxic", "--reason", "долги"],
            &["категория золотой -> токсичный (долги)"],
        ),
        (
            &[
                "client",
                "status",
                "АО Вектор",
                "paused",
                "--reason",
                "пауза",
            ],
            &["статус активный -> на паузе (пауза)"],
        ),
        (
            &[
                "touch",
                "add",
                "АО Вектор",
                "--kind",
                "email",
                "--summary",
                "Письмо",
                "--at",
                "2026-11-02",
            ],
            &["Касание записано: письмо, АО Вектор, 02.11.2026"],
        ),
        (
            &[
                "agree",
                "add",
                "АО Вектор",
                "--text",
                "Счёт",
                "--owner",
                "client",
                "--due",
                "2026-12-01",
            ],
            &["за клиентом, срок 01.12.2026"],
        ),
        (
            &[
                "invoice",
                "add",
                "АО Вектор",
                "--month",
                "2026-12",
                "--amount",
                "100",
            ],
            &["Ожидаемый платёж", "за декабрь 2026, срок 31.12.2026"],
        ),
        (
            &[
                "pay",
                "add",
                "АО Вектор",
                "--on",
                "2026-11-20",
                "--amount",
                "100",
            ],
            &["Платёж", "100,00, 20.11.2026"],
        ),
        (
            &["plan", "set", "2026-12", "2000"],
            &["План на декабрь 2026: 2\u{202F}000,00\u{A0}₽"],
        ),
        (&["backup"], &["Резервная копия"]),
        (
            &["client", "delete", "АО Вектор", "--force"],
            &["Клиент АО Вектор удалён вместе с его записями (4 записи)"],
        ),
    ];
    for (args, words) in steps {
        let out = ru(&p, args);
        assert_russian(&p, &args.join(" "), &out, words);
    }
    let out = ru(&p, &["backups"]);
    assert_russian(
        &p,
        "backups",
        &out,
        &[
            "резервные копии",
            "сначала новые",
            "Размер",
            "перед удалением",
        ],
    );
    let out = ru(&p, &["agree", "close", "1", "--kept"]);
    assert_russian(&p, "agree close", &out, &["закрыта: выполнена"]);
}

/// A payments file in Russian with `rows` rows for ООО Ромашка.
fn payments_file(p: &Portfolio, rows: usize) -> std::path::PathBuf {
    let mut csv = String::from("клиент,дата,сумма,примечание\n");
    for i in 0..rows {
        csv.push_str(&format!(
            "ООО Ромашка,{:02}.11.2026,10,строка {i}\n",
            i % 28 + 1
        ));
    }
    p.write(&format!("payments-{rows}.csv"), csv.as_bytes())
}

#[test]
fn an_import_counts_its_rows_in_the_russian_plural() {
    let p = russian();
    for (rows, said) in [
        (1, "1 платёж"),
        (2, "2 платежа"),
        (5, "5 платежей"),
        (21, "21 платёж"),
    ] {
        let file = payments_file(&p, rows);
        let out = ru(&p, &["import", "payments", path_str(&file), "--dry-run"]);
        assert_russian(
            &p,
            "import --dry-run",
            &out,
            &[
                &format!("Будет загружено из {}: {said}\n", path_str(&file)),
                "По клиентам и месяцам",
                "Итого",
                "клиент",
                "сумма",
                "Пробный прогон: ничего не записано.",
            ],
        );
    }
    // English says it too, without "(s)".
    let file = payments_file(&p, 1);
    let out = p.ok(&["import", "payments", path_str(&file), "--dry-run"]);
    assert!(out.starts_with("Would import 1 payment from"), "{out}");
    let out = ru(&p, &["import", "payments", path_str(&file)]);
    assert!(out.starts_with("Загружено из"), "{out}");
}

#[test]
fn the_json_and_the_csv_stay_english() {
    let p = russian();
    for args in [
        &["client", "list", "--json"][..],
        &["plan", "show", "--month", "2026-11", "--json"],
        &["agree", "list", "--json"],
    ] {
        let en = p.ok(args);
        assert_eq!(ru(&p, args), en, "{args:?}");
        assert_eq!(by_lang(&p, args), en, "{args:?}");
    }
    let csv = by_lang(&p, &["export", "payments"]);
    assert!(csv.starts_with("client,date,amount,note\n"), "{csv}");
}

#[test]
fn an_export_to_a_file_says_so_in_russian() {
    let p = russian();
    let file = p.dir.path().join("out.csv");
    let out = ru(&p, &["export", "payments", "--out", path_str(&file)]);
    assert!(out.starts_with("Выгружено в "), "{out}");
    assert!(out.ends_with(": 2 платежа\n"), "{out}");
}
