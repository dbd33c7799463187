//! Issue 23: the command line's grammar in Russian. With `--lang ru` or
//! `LANG=ru_RU.UTF-8`, `--help` of every command and clap's common errors
//! carry no English prose (flags, command names, placeholders and values
//! to type aside); English stays byte for byte what it was.

mod common;

use std::process::Output;

use common::Portfolio;

/// Words English help and clap's errors use, none of which a Russian help
/// should show outside flags, command names, placeholders and values.
const ENGLISH: &[&str] = &[
    "usage",
    "options",
    "commands",
    "arguments",
    "print",
    "show",
    "help",
    "the",
    "a",
    "an",
    "of",
    "to",
    "for",
    "and",
    "or",
    "with",
    "this",
    "is",
    "by",
    "from",
    "into",
    "its",
    "their",
    "it",
    "not",
    "when",
    "what",
    "which",
    "default",
    "possible",
    "values",
    "env",
    "more",
    "information",
    "try",
    "example",
    "examples",
    "error",
    "found",
    "unexpected",
    "invalid",
    "required",
    "provided",
    "subcommand",
    "similar",
    "exists",
    "tip",
    "record",
    "remove",
    "change",
    "delete",
    "add",
    "list",
    "move",
    "only",
    "version",
    "date",
    "name",
    "amount",
    "month",
    "file",
];

/// The English words of `text` outside what is not prose: flags,
/// placeholders (`<ДАТА>`), quoted and back-quoted texts, the command
/// names of a `folio ...` command, the names in a list of commands.
fn english_words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let mut line = line.to_string();
        // The names in a list of commands: `  client    Клиенты: ...`.
        if line.starts_with("  ") && !line.starts_with("   ") {
            let name: String = line[2..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '-')
                .collect();
            if !name.is_empty() && line[2 + name.len()..].starts_with("  ") {
                line = line[2 + name.len()..].to_string();
            }
        }
        let mut prose = String::new();
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '<' | '"' | '\'' | '`' | '«' => {
                    let close = match c {
                        '<' => '>',
                        '«' => '»',
                        other => other,
                    };
                    for d in chars.by_ref() {
                        if d == close {
                            break;
                        }
                    }
                    prose.push(' ');
                }
                '-' if prose.is_empty() || prose.ends_with([' ', '[', '(', '|', ',']) => {
                    // A flag: up to the next space or delimiter.
                    while chars
                        .peek()
                        .is_some_and(|d| d.is_ascii_alphanumeric() || *d == '-' || *d == '_')
                    {
                        chars.next();
                    }
                    prose.push(' ');
                }
                c => prose.push(c),
            }
        }
        // A command: `folio` and the command names after it.
        // Names joined by `,` or `=` are identifiers: CSV columns
        // (`client,date,amount`), a mapping (`Сумма=amount`).
        let words = prose
            .split_whitespace()
            .filter(|t| !t.contains('=') && !t.trim_end_matches(',').contains(','))
            .flat_map(|t| t.split(|c: char| !c.is_alphabetic()))
            .filter(|w| !w.is_empty());
        let mut in_command = false;
        for word in words {
            if word == "folio" {
                in_command = true;
                continue;
            }
            if in_command && word.chars().all(|c| c.is_ascii_lowercase()) {
                continue;
            }
            in_command = false;
            if word.is_ascii() && ENGLISH.contains(&word.to_ascii_lowercase().as_str()) {
                found.push(format!("{word} in {line:?}"));
            }
        }
    }
    found
}

/// Every subcommand path (`["client", "add"]`), the root's (`[]`) first.
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        for sub in cmd.get_subcommands().filter(|c| c.get_name() != "help") {
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

/// folio with `args`, the language chosen by `lang`: `Some("ru")` as
/// `--lang ru`, `None` with `LANG=ru_RU.UTF-8`, no config file and no
/// terminal width of the machine's.
fn run(p: &Portfolio, flag: bool, args: &[&str]) -> Output {
    let mut all: Vec<&str> = Vec::new();
    if flag {
        all.extend(["--lang", "ru"]);
    }
    all.extend_from_slice(args);
    let mut cmd = p.cmd(&all);
    cmd.env("FOLIO_CONFIG", p.dir.path().join("no-config.toml"))
        .env_remove("COLUMNS");
    if !flag {
        cmd.env("LANG", "ru_RU.UTF-8");
    }
    cmd.output().expect("run folio")
}

fn english_run(p: &Portfolio, args: &[&str]) -> Output {
    p.cmd(args)
        .env("FOLIO_CONFIG", p.dir.path().join("no-config.toml"))
        .env_remove("COLUMNS")
        .output()
        .expect("run folio")
}

#[test]
fn the_filter_finds_english_prose_and_lets_flags_and_commands_be() {
    let words = english_words(
        "Usage: folio client add [OPTIONS] <NAME>\n  -h, --help  Print help\n  folio client add \"Send the plan\" --tier gold",
    );
    assert_eq!(words.len(), 4, "{words:?}");
    assert!(english_words("Использование: folio client add [ПАРАМЕТРЫ] <ИМЯ>").is_empty());
    assert!(english_words("  help     Показать справку\n  -h, --help  Показать").is_empty());
}

/// `--help` and `-h` of every command, by the flag and by the locale
/// variable, and `folio help <command>`: no English prose.
#[test]
fn russian_help_of_every_command_has_no_english_words() {
    let p = Portfolio::new();
    let mut english = Vec::new();
    for path in command_paths() {
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        for (flag, help) in [(true, "--help"), (true, "-h"), (false, "--help")] {
            let mut args = path.clone();
            args.push(help);
            let out = run(&p, flag, &args);
            assert_eq!(out.status.code(), Some(0), "{args:?}");
            let text = String::from_utf8(out.stdout).expect("utf-8");
            assert!(text.contains("Использование: folio"), "{args:?}: {text}");
            english.extend(
                english_words(&text)
                    .into_iter()
                    .map(|w| format!("{args:?}: {w}")),
            );
        }
    }
    let mut args = vec!["help", "client", "add"];
    let out = run(&p, true, &args);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.starts_with("Добавить клиента"), "{text}");
    english.extend(english_words(&text));
    // The `help` subcommand's own help lists the commands it knows.
    for args in [&["help", "help"][..], &["client", "help", "help"]] {
        let text = String::from_utf8(run(&p, true, args).stdout).expect("utf-8");
        assert!(text.contains("Использование: folio"), "{args:?}: {text}");
        english.extend(
            english_words(&text)
                .into_iter()
                .map(|w| format!("{args:?}: {w}")),
        );
    }
    // A group without its command: its help, on stderr, exit 2.
    args = vec!["client"];
    let out = run(&p, false, &args);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stderr).expect("utf-8");
    assert!(text.contains("Команды:"), "{text}");
    english.extend(english_words(&text));
    assert!(english.is_empty(), "English in Russian help: {english:#?}");
    assert!(!p.db.exists(), "--help opens no portfolio");
}

/// Every argument of every command says what it is for in Russian: its
/// line in `--help` has Cyrillic after the flag.
#[test]
fn every_argument_has_a_russian_help() {
    let p = Portfolio::new();
    let mut bare = Vec::new();
    for path in command_paths() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("-h");
        let text = String::from_utf8(run(&p, true, &args).stdout).expect("utf-8");
        let russian = |line: &str| line.chars().any(|c| ('а'..='я').contains(&c));
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            // An argument's line: `  -h, --help`, `      --db <ПУТЬ>`, `  <ИМЯ>`,
            // its help on it or, when clap moves it, on the next line.
            let indent = line.len() - line.trim_start().len();
            let arg = line.trim_start().starts_with(['-', '<']) && (indent == 2 || indent == 6);
            let next = lines.get(i + 1).copied().unwrap_or("");
            if arg && !russian(line) && !russian(next) {
                bare.push(format!("{args:?}: {line}"));
            }
        }
    }
    assert!(bare.is_empty(), "no Russian help: {bare:#?}");
}

/// clap's common errors in Russian, exit code 2, nothing on stdout: by the
/// flag and by the locale variable.
#[test]
fn common_errors_in_russian_exit_2() {
    let p = Portfolio::new();
    // The arguments, what the message says, and whether the whole message
    // is folio's (a value parser's reason is the domain's, worded
    // elsewhere).
    let cases: &[(&[&str], &str, bool)] = &[
        (
            &["client", "list", "--bogus"],
            "ошибка: неизвестный аргумент '--bogus'",
            true,
        ),
        (
            &["client", "list", "--jsn"],
            "подсказка: есть похожий аргумент: '--json'",
            true,
        ),
        (
            &["clinet"],
            "ошибка: неизвестная команда 'clinet'\n\n  подсказка: есть похожая команда: 'client'",
            true,
        ),
        (
            &["client", "lst"],
            "есть похожая команда: 'list'\n\nИспользование: folio client [ПАРАМЕТРЫ] <КОМАНДА>",
            true,
        ),
        (
            &["report", "--format", "pdf"],
            "недопустимое значение 'pdf' для '--format <ФОРМАТ>'\n  [возможные значения: md, json, text]",
            true,
        ),
        (
            &["completions", "fish2"],
            "есть похожее значение: 'fish'",
            true,
        ),
        (
            &["client", "add", "X", "--tier"],
            "для '--tier <КАТЕГОРИЯ>' нужно значение, а оно не указано",
            true,
        ),
        (
            &["client", "add", "X", "--tier", "bad"],
            "недопустимое значение 'bad' для '--tier <КАТЕГОРИЯ>': ",
            false,
        ),
        (
            &["plan", "history", "--months", "0"],
            "недопустимое значение '0' для '--months <МЕСЯЦЕВ>': ",
            false,
        ),
        (
            &["touch", "add", "Acme"],
            "не указаны обязательные аргументы:\n  --kind <ВИД>\n  --summary <СУТЬ>",
            true,
        ),
        (
            &["agree", "close", "12"],
            "не указаны обязательные аргументы:\n  <--kept|--broken|--cancelled>",
            true,
        ),
        (
            &["client", "edit", "X", "--cadence", "3", "--no-cadence"],
            "'--cadence <ДНЕЙ>' нельзя указать вместе с '--no-cadence'",
            true,
        ),
        (
            &["agree", "close", "12", "--kept", "--broken"],
            "'--kept' нельзя указать вместе с '--broken'",
            true,
        ),
        (
            &["client", "add", "A", "B"],
            "ошибка: неизвестный аргумент 'B'",
            true,
        ),
        (
            &["help", "clinet"],
            "ошибка: неизвестная команда 'clinet'",
            true,
        ),
    ];
    let mut english = Vec::new();
    for (args, says, ours) in cases {
        for flag in [true, false] {
            let out = run(&p, flag, args);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert!(out.stdout.is_empty(), "{args:?}");
            let err = String::from_utf8(out.stderr).expect("utf-8");
            assert!(err.starts_with("ошибка: "), "{args:?}: {err}");
            assert!(err.contains(says), "{args:?}: {says:?} not in {err}");
            assert!(
                err.ends_with("\n\nПодробнее: '--help'.\n"),
                "{args:?}: {err}"
            );
            if *ours {
                english.extend(
                    english_words(&err)
                        .into_iter()
                        .map(|w| format!("{args:?}: {w}")),
                );
            }
        }
    }
    // A language folio does not speak, with Russian from the locale.
    let out = run(&p, false, &["--lang", "de", "summary"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(
        err.contains(
            "недопустимое значение 'de' для '--lang <ЯЗЫК>'\n  [возможные значения: ru, en]"
        ),
        "{err}"
    );
    assert!(
        english.is_empty(),
        "English in Russian errors: {english:#?}"
    );
    assert!(!p.db.exists(), "a refused command opens no portfolio");
}

/// English help and errors are what they were before Russian came (the
/// files were taken from folio before this change).
#[test]
fn english_help_and_errors_are_unchanged() {
    let p = Portfolio::new();
    let fixture = |name: &str| {
        std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/help_en")
                .join(name),
        )
        .expect("fixture")
    };
    for (args, name) in [
        (&["--help"][..], "root--help.txt"),
        (&["client", "add", "--help"], "client-add--help.txt"),
        (&["config", "set", "--help"], "config-set--help.txt"),
        (&["import", "-h"], "import-h.txt"),
    ] {
        let out = english_run(&p, args);
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            fixture(name),
            "{args:?}"
        );
    }
    let errors = fixture("errors.txt");
    for case in errors.split("=== ").filter(|c| !c.is_empty()) {
        let (args, expected) = case.split_once('\n').expect("a case");
        let args: Vec<&str> = args.split(' ').collect();
        let out = english_run(&p, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), expected, "{args:?}");
    }
}
