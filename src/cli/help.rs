//! The command line's grammar in the person's language: `--help`, the
//! usage line and clap's errors.
//!
//! English is the derive's own (`Cli::command()`, the doc comments in
//! `args.rs`): nothing here touches it, so English help and errors stay
//! exactly what clap prints. Russian walks the same command tree and
//! replaces every text a person reads from `assets/locales/ru/help.ftl`,
//! keyed by the command's path and the argument's id:
//!
//! - `about-client-add`: what `folio client add` does (`about-folio` for
//!   the root), `long-client-add` its long form where it has one,
//!   `after-client-add` the text after the options (the examples);
//! - `arg-client-add-tier`: the help of `--tier` of `client add`; a global
//!   option (`--db`, `--lang`...) is `arg-folio-db` in every command;
//! - `value-name-date`: a placeholder (`<DATE>`), `value-currency`: the
//!   help of a possible value;
//! - `cli-...`: clap's own words (headings, `[default: ...]`, errors).
//!
//! The file is Russian only, so it is not one of `format::messages`' files
//! (whose tests want every id in both languages); it is read by the same
//! bundle builder (`messages::build`), with Russian plurals. A test here proves that
//! every command, argument and placeholder has its Russian text and that
//! every id of the file is used.
//!
//! Clap's errors in Russian are rendered here from the error's kind and
//! context; the help itself comes from the localised tree, so clap prints
//! it as it always does (`--help`, `-h`, `folio help ...`).

use std::ffi::OsString;
use std::sync::OnceLock;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, CommandFactory, FromArgMatches};

use super::Cli;
use crate::format::Locale;
use crate::format::messages::{self, Arg as Value, Bundle};

/// The Russian texts of the command line.
const RU: &str = include_str!("../../assets/locales/ru/help.ftl");

fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| messages::build(Locale::Ru, [RU]))
}

/// The Russian text `id` with `args` for its placeables, or `None` when
/// the file lacks it (the tests make sure it does not).
fn lookup(id: &str, args: &[(&str, Value<'_>)]) -> Option<String> {
    messages::format(bundle(), id, args)
}

/// The Russian text `id`; a missing one shows as its id.
fn ru(id: &str) -> String {
    lookup(id, &[]).unwrap_or_else(|| id.to_string())
}

/// The Russian text `id` with one placeable `$name`.
fn ru_with(id: &str, name: &str, value: &str) -> String {
    lookup(id, &[(name, Value::Str(value))]).unwrap_or_else(|| id.to_string())
}

/// The command line in `locale`, ready to parse: English is the derive's
/// own, Russian the same tree with every text replaced.
pub fn command(locale: Locale) -> Command {
    let mut cmd = Cli::command();
    if locale == Locale::Ru {
        // Built first, so that clap's own parts (`--help`, `--version`,
        // the `help` subcommand, the global options in every subcommand)
        // are there to be translated.
        cmd.build();
        localise(&mut cmd, "folio");
    }
    cmd
}

/// Parse the process's arguments in `locale`; help, version and errors
/// are printed and the process exits as clap does (0 or 2).
pub fn parse(locale: Locale) -> Cli {
    match try_parse_from(locale, std::env::args_os()) {
        Ok(cli) => cli,
        Err(e) => exit(locale, e),
    }
}

/// Parse `args` (the program's name first) in `locale`.
pub fn try_parse_from<I, T>(locale: Locale, args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let mut cmd = command(locale);
    let matches = cmd.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
}

/// Print `e` as the person reads it and exit with clap's code: help and
/// version as clap prints them (already in the language), an error in
/// English as clap words it, in Russian as `render_error` does.
fn exit(locale: Locale, e: clap::Error) -> ! {
    let clap_prints = locale == Locale::En
        || matches!(
            e.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
                | ErrorKind::Io
                | ErrorKind::Format
        );
    if clap_prints {
        e.exit()
    }
    eprint!("{}", render_error(&e));
    std::process::exit(e.exit_code())
}

/// Translate `cmd` (at `path`: `folio`, `client-add`...) and everything
/// under it.
fn localise(cmd: &mut Command, path: &str) {
    let mut c = std::mem::take(cmd);
    // clap's own `help` subcommand (`help`, `client-help`...) holds copies
    // of its parent's commands, to show their help: they are the parent's
    // commands, with the same texts.
    let help_of = (c.get_name() == "help" && path != "folio").then(|| {
        path.strip_suffix("help")
            .map(|p| p.trim_end_matches('-'))
            .filter(|p| !p.is_empty())
            .unwrap_or("folio")
    });
    if help_of.is_some() {
        c = c.about(ru("cli-help-command"));
    } else {
        if c.get_about().is_some() {
            c = c.about(ru(&format!("about-{path}")));
        }
        if c.get_long_about().is_some() {
            c = c.long_about(ru(&format!("long-{path}")));
        }
        if c.get_after_help().is_some() {
            c = c.after_help(ru(&format!("after-{path}")));
        }
    }
    let ids: Vec<clap::Id> = c.get_arguments().map(|a| a.get_id().clone()).collect();
    for id in ids {
        c = c.mut_arg(id, |arg| localise_arg(arg, path));
    }
    c = c.subcommand_value_name(ru("cli-value-command"));
    let parent = help_of.unwrap_or(path).to_string();
    for sub in c.get_subcommands_mut() {
        let sub_path = if parent == "folio" {
            sub.get_name().to_string()
        } else {
            format!("{parent}-{}", sub.get_name())
        };
        localise(sub, &sub_path);
    }
    let usage = russian_usage(&mut c);
    let template = template(&c);
    *cmd = c.override_usage(usage).help_template(template);
}

/// The id of an argument's help: a global option's is the root's.
pub(crate) fn arg_key(path: &str, arg: &Arg) -> String {
    let path = if arg.is_global_set() { "folio" } else { path };
    format!("arg-{path}-{}", arg.get_id())
}

/// The id of a placeholder: `DATE` is `value-name-date`,
/// `HEADER=COLUMN,...` is `value-name-header-column`.
pub(crate) fn value_name_key(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    format!("value-name-{}", words.join("-"))
}

/// One argument in Russian: its help, its placeholder, and clap's notes
/// after the help (`[default: ...]`, `[env: ...]`, `[possible values:
/// ...]`) written here in Russian, clap's own hidden. `help` holds the
/// one-line form (`-h`), `long_help` the form clap uses where the command
/// has a long help (`--help` of `config set`, `import`): the notes on their
/// own lines, and the possible values that have a help listed with it.
fn localise_arg(arg: Arg, path: &str) -> Arg {
    let id = arg.get_id().as_str();
    if id == "help" {
        return if arg.get_long_help().is_some() {
            arg.help(ru("cli-help-more"))
                .long_help(ru("cli-help-summary"))
        } else {
            arg.help(ru("cli-help"))
        };
    }
    if id == "version" {
        return arg.help(ru("cli-version"));
    }
    let text = ru(&arg_key(path, &arg));
    let mut notes = Vec::new();
    if let Some(env) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        let value = std::env::var_os(env).unwrap_or_default();
        notes.push(format!(
            "[{}: {}={}]",
            ru("cli-env"),
            env.to_string_lossy(),
            value.to_string_lossy()
        ));
    }
    let defaults = arg.get_default_values();
    if arg.get_action().takes_values() && !arg.is_hide_default_value_set() && !defaults.is_empty() {
        let shown: Vec<String> = defaults
            .iter()
            .map(|v| quoted(&v.to_string_lossy()))
            .collect();
        notes.push(format!("[{}: {}]", ru("cli-default"), shown.join(" ")));
    }
    let values: Vec<_> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
    let shown = !names.is_empty() && !arg.is_hide_possible_values_set();
    let one_line = shown.then(|| format!("[{}: {}]", ru("cli-possible-values"), names.join(", ")));
    // Values with a help of their own are listed in the long form, one a
    // line, aligned as clap aligns them.
    let mut list = String::new();
    if shown && values.iter().any(|v| v.get_help().is_some()) {
        let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
        list.push_str(&ru("cli-possible-values-heading"));
        for value in &values {
            let name = value.get_name();
            list.push_str(&format!("\n- {name}"));
            if value.get_help().is_some() {
                let pad = width - name.chars().count();
                let help = ru(&format!("value-{name}"));
                list.push_str(&format!(": {:pad$}{help}", ""));
            }
        }
    }
    let mut short = text.clone();
    for note in notes.iter().chain(&one_line) {
        short.push(' ');
        short.push_str(note);
    }
    let mut long = text;
    if !list.is_empty() {
        long.push_str("\n\n");
        long.push_str(&list);
    } else if let Some(values) = one_line {
        notes.push(values);
    }
    if !notes.is_empty() {
        long.push_str("\n\n");
        long.push_str(&notes.join("\n"));
    }
    let mut arg = arg
        .help(short)
        .long_help(long)
        .hide_env(true)
        .hide_default_value(true)
        .hide_possible_values(true);
    if let Some(names) = arg
        .get_value_names()
        .filter(|_| arg.get_action().takes_values())
    {
        let names: Vec<String> = names
            .iter()
            .map(|n| ru(&value_name_key(n.as_str())))
            .collect();
        arg = arg.value_names(names);
    }
    arg
}

/// A default value as clap shows it: quoted when empty or spaced.
fn quoted(value: &str) -> String {
    if value.is_empty() || value.contains(char::is_whitespace) {
        format!("{value:?}")
    } else {
        value.to_string()
    }
}

/// The command's usage line without its heading, with clap's `[OPTIONS]`
/// in Russian (the placeholders are already).
fn russian_usage(cmd: &mut Command) -> String {
    let styles = cmd.get_styles().clone();
    let reset = styles.get_usage().render_reset().to_string();
    let usage = cmd.render_usage().ansi().to_string();
    let usage = usage
        .split_once("Usage:")
        .map_or(usage.as_str(), |(_, rest)| rest);
    let usage = usage.strip_prefix(reset.as_str()).unwrap_or(usage).trim();
    usage.replace("[OPTIONS]", &ru("cli-value-options"))
}

/// clap's help layout with Russian headings: only the sections the
/// command has, in clap's order (commands, arguments, options).
fn template(cmd: &Command) -> String {
    let styles = cmd.get_styles();
    let header = styles.get_header();
    let usage = styles.get_usage();
    let heading = |id: &str| format!("{header}{}{header:#}\n", ru(id));
    let mut sections = Vec::new();
    if cmd.has_subcommands() && cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        sections.push(format!("{}{{subcommands}}", heading("cli-commands")));
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        sections.push(format!("{}{{positionals}}", heading("cli-arguments")));
    }
    if cmd
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        sections.push(format!("{}{{options}}", heading("cli-options")));
    }
    format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{}{usage:#} {{usage}}\n\n{}{{after-help}}",
        ru("cli-usage"),
        sections.join("\n\n")
    )
}

/// A clap error in Russian, as clap lays it out: `ошибка: ...`, a tip
/// where clap has one, the usage line, and where to read more.
pub fn render_error(e: &clap::Error) -> String {
    let text = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let texts = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::Strings(s)) => Some(s.clone()),
        Some(ContextValue::String(s)) => Some(vec![s.clone()]),
        _ => None,
    };
    let number = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n as i64),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let two = |id: &str| {
        lookup(
            id,
            &[
                ("arg", Value::Str(arg.as_str())),
                ("value", Value::Str(value.as_str())),
            ],
        )
        .unwrap_or_else(|| id.to_string())
    };
    let mut out = format!("{} ", ru("cli-error"));
    match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => out.push_str(&two("cli-error-no-value")),
        ErrorKind::InvalidValue => {
            out.push_str(&two("cli-error-invalid-value"));
            if let Some(valid) = texts(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
                let shown: Vec<String> = valid.iter().map(|v| quoted(v)).collect();
                out.push_str(&format!(
                    "\n  [{}: {}]",
                    ru("cli-possible-values"),
                    shown.join(", ")
                ));
            }
        }
        ErrorKind::ValueValidation => {
            out.push_str(&two("cli-error-invalid-value"));
            if let Some(source) = std::error::Error::source(e) {
                out.push_str(&format!(": {}", value_reason(source)));
            }
        }
        ErrorKind::UnknownArgument => out.push_str(&two("cli-error-unknown-argument")),
        ErrorKind::InvalidSubcommand => {
            let name = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            out.push_str(&ru_with("cli-error-unknown-command", "name", &name));
        }
        ErrorKind::MissingRequiredArgument => {
            out.push_str(&ru("cli-error-missing"));
            for missing in texts(ContextKind::InvalidArg).unwrap_or_default() {
                out.push_str(&format!("\n  {missing}"));
            }
        }
        ErrorKind::MissingSubcommand => {
            let name = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            out.push_str(&ru_with("cli-error-no-command", "name", &name));
            if let Some(valid) = texts(ContextKind::ValidSubcommand).filter(|v| !v.is_empty()) {
                out.push_str(&format!(
                    "\n  [{}: {}]",
                    ru("cli-commands-list"),
                    valid.join(", ")
                ));
            }
        }
        ErrorKind::ArgumentConflict => {
            let prior = e.get(ContextKind::PriorArg);
            match prior {
                Some(ContextValue::String(p)) if *p == arg => {
                    out.push_str(&two("cli-error-conflict-twice"))
                }
                Some(ContextValue::String(p)) => out.push_str(
                    &lookup(
                        "cli-error-conflict",
                        &[
                            ("arg", Value::Str(arg.as_str())),
                            ("other", Value::Str(p.as_str())),
                        ],
                    )
                    .unwrap_or_default(),
                ),
                Some(ContextValue::Strings(others)) => {
                    out.push_str(&two("cli-error-conflict-many"));
                    for other in others {
                        out.push_str(&format!("\n  {other}"));
                    }
                }
                _ => out.push_str(&two("cli-error-conflict-any")),
            }
        }
        ErrorKind::TooManyValues => out.push_str(&two("cli-error-too-many-values")),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let expected = number(ContextKind::MinValues)
                .or_else(|| number(ContextKind::ExpectedNumValues))
                .unwrap_or(0);
            let actual = number(ContextKind::ActualNumValues).unwrap_or(0);
            out.push_str(
                &lookup(
                    "cli-error-number-of-values",
                    &[
                        ("arg", Value::Str(arg.as_str())),
                        ("expected", Value::Num(expected)),
                        ("actual", Value::Num(actual)),
                    ],
                )
                .unwrap_or_default(),
            );
        }
        ErrorKind::NoEquals => out.push_str(&two("cli-error-no-equals")),
        ErrorKind::InvalidUtf8 => out.push_str(&ru("cli-error-utf8")),
        // Help, version and output failures are clap's (`exit`); any
        // other kind in clap's words.
        _ => return e.render().to_string(),
    }
    let mut tips = Vec::new();
    for (kind, id) in [
        (ContextKind::SuggestedSubcommand, "cli-tip-command"),
        (ContextKind::SuggestedArg, "cli-tip-argument"),
        (ContextKind::SuggestedValue, "cli-tip-value"),
    ] {
        if let Some(similar) = texts(kind) {
            let quoted: Vec<String> = similar.iter().map(|s| format!("'{s}'")).collect();
            let similar = quoted.join(", ");
            let args = [
                ("n", Value::count(quoted.len())),
                ("similar", Value::Str(&similar)),
            ];
            tips.push(lookup(id, &args).unwrap_or_else(|| id.to_string()));
        }
    }
    if let Some(ContextValue::StyledStrs(suggestions)) = e.get(ContextKind::Suggested) {
        tips.extend(suggestions.iter().map(|s| suggestion(&s.to_string())));
    }
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            out.push_str(&format!("\n  {} {tip}", ru("cli-tip")));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage
            .split_once("Usage:")
            .map_or(usage.as_str(), |(_, u)| u);
        out.push_str(&format!("\n\n{} {}", ru("cli-usage"), usage.trim()));
    }
    out.push_str(&format!("\n\n{}\n", ru_with("cli-more", "flag", "--help")));
    out
}

/// Why a value parser refused a value: the domain's error
/// (`domain::UnknownValue`, `DateError`, `MoneyError`: `cli::args` hands
/// them to clap as they are), worded by `format::errors` in Russian.
fn value_reason(source: &(dyn std::error::Error + 'static)) -> String {
    crate::format::errors::explain_error(Locale::Ru, source)
}

/// clap's two worded tips in Russian; any other as clap words it.
fn suggestion(tip: &str) -> String {
    let quoted: Vec<&str> = tip.split('\'').skip(1).step_by(2).collect();
    if tip.starts_with("to pass ") && quoted.len() == 2 {
        return lookup(
            "cli-tip-as-value",
            &[
                ("value", Value::Str(quoted[0])),
                ("usage", Value::Str(quoted[1])),
            ],
        )
        .unwrap_or_else(|| tip.to_string());
    }
    if tip.starts_with("subcommand ") && !quoted.is_empty() {
        return ru_with("cli-tip-remove-dashes", "name", quoted[0]);
    }
    tip.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text of the tree with its id, English first: what help.ftl
    /// must hold. `cargo test --lib cli::help::tests::list -- --ignored --nocapture`.
    fn entries() -> Vec<(String, String)> {
        fn walk(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
            let mut push = |k: String, v: String| out.push((k, v));
            if let Some(a) = cmd.get_about() {
                push(format!("about-{path}"), a.to_string());
            }
            if let Some(a) = cmd.get_long_about() {
                push(format!("long-{path}"), a.to_string());
            }
            if let Some(a) = cmd.get_after_help() {
                push(format!("after-{path}"), a.to_string());
            }
            for arg in cmd.get_arguments() {
                if arg.is_global_set() && path != "folio" {
                    continue;
                }
                let help = arg.get_long_help().or(arg.get_help());
                push(
                    arg_key(path, arg),
                    help.map(|h| h.to_string()).unwrap_or_default(),
                );
                let takes_values = arg.get_action().takes_values();
                for name in arg
                    .get_value_names()
                    .filter(|_| takes_values)
                    .unwrap_or_default()
                {
                    push(value_name_key(name.as_str()), name.to_string());
                }
                for value in arg.get_possible_values() {
                    if let Some(h) = value.get_help() {
                        push(format!("value-{}", value.get_name()), h.to_string());
                    }
                }
            }
            for sub in cmd.get_subcommands() {
                let p = if path == "folio" {
                    sub.get_name().to_string()
                } else {
                    format!("{path}-{}", sub.get_name())
                };
                walk(sub, &p, out);
            }
        }
        let mut out = Vec::new();
        walk(&Cli::command(), "folio", &mut out);
        out
    }

    /// Every id of help.ftl.
    fn russian_ids() -> Vec<String> {
        let resource = fluent_syntax::parser::parse(RU)
            .unwrap_or_else(|(_, errors)| panic!("help.ftl does not parse: {errors:?}"));
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    /// Every command, argument, placeholder and described value has its
    /// Russian text, and an argument's is one line, as in English.
    #[test]
    fn every_text_has_its_russian() {
        let mut missing = Vec::new();
        for (id, english) in entries() {
            match lookup(&id, &[]) {
                None => missing.push(format!("{id} ({english})")),
                Some(text) if text.trim().is_empty() => missing.push(format!("{id} (empty)")),
                Some(text) if id.starts_with("arg-") && text.contains('\n') => {
                    missing.push(format!("{id} (more than one line)"))
                }
                Some(_) => {}
            }
        }
        assert!(missing.is_empty(), "no Russian in help.ftl: {missing:#?}");
    }

    /// Every id of help.ftl is asked for: by the tree or by this file.
    #[test]
    fn every_russian_id_is_used() {
        let ids = russian_ids();
        let mut seen = std::collections::BTreeSet::new();
        for id in &ids {
            assert!(seen.insert(id), "{id} twice in help.ftl");
        }
        let tree: std::collections::BTreeSet<String> =
            entries().into_iter().map(|(id, _)| id).collect();
        let code = include_str!("help.rs");
        let unused: Vec<&String> = ids
            .iter()
            .filter(|id| !tree.contains(*id) && !code.contains(&format!("\"{id}\"")))
            .collect();
        assert!(unused.is_empty(), "ids nothing asks for: {unused:?}");
    }

    /// The commands of a help's examples: its `folio ...` lines and their
    /// continuations, with the quoted texts and the words after them
    /// (three spaces on) left out.
    fn commands(text: &str) -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("  folio") || l.starts_with("    --"))
            .map(|l| {
                let command = l.split("   ").next().unwrap_or(l);
                let mut out = String::new();
                for (i, part) in command.split('"').enumerate() {
                    out.push_str(if i % 2 == 0 { part } else { "…" });
                }
                out
            })
            .collect()
    }

    /// The Russian examples run the same commands as the English ones
    /// (only their prose and quoted texts are translated), and each line
    /// fits 80 columns.
    #[test]
    fn russian_examples_keep_the_commands_and_fit_80_columns() {
        for (id, english) in entries()
            .into_iter()
            .filter(|(id, _)| id.starts_with("after-"))
        {
            let russian = ru(&id);
            assert_eq!(commands(&russian), commands(&english), "{id}");
            for line in russian.lines() {
                if line.starts_with("  folio") || line.starts_with("    ") {
                    let width = unicode_width::UnicodeWidthStr::width(line);
                    assert!(width <= 79, "{id}: {line} ({width} columns)");
                }
            }
        }
    }

    fn russian_error(args: &[&str]) -> (String, i32) {
        let mut all = vec!["folio"];
        all.extend_from_slice(args);
        let e = try_parse_from(Locale::Ru, all).expect_err("an error");
        (render_error(&e), e.exit_code())
    }

    #[test]
    fn clap_errors_in_russian() {
        let cases: &[(&[&str], &[&str])] = &[
            (
                &["client", "list", "--jsn"],
                &[
                    "ошибка: неизвестный аргумент '--jsn'",
                    "подсказка: есть похожий аргумент: '--json'",
                    "Использование: folio client list [ПАРАМЕТРЫ]",
                ],
            ),
            (
                &["clinet"],
                &[
                    "неизвестная команда 'clinet'",
                    "есть похожая команда: 'client'",
                ],
            ),
            (
                &["client", "add", "X", "--tier"],
                &["для '--tier <КАТЕГОРИЯ>' нужно значение"],
            ),
            (
                &["report", "--format", "pdf"],
                &[
                    "недопустимое значение 'pdf' для '--format <ФОРМАТ>'",
                    "[возможные значения: md, json, text]",
                ],
            ),
            (
                &["touch", "add", "Acme"],
                &["не указаны обязательные аргументы:\n  --kind <ВИД>\n  --summary <СУТЬ>"],
            ),
            (
                &["agree", "close", "1", "--kept", "--broken"],
                &["'--kept' нельзя указать вместе с '--broken'"],
            ),
            (&["client", "add", "A", "B"], &["неизвестный аргумент 'B'"]),
            (
                &["--today", "2026-02-30"],
                &["недопустимое значение '2026-02-30' для '--today <ДАТА>': "],
            ),
        ];
        for (args, expected) in cases {
            let (text, code) = russian_error(args);
            assert_eq!(code, 2, "{args:?}");
            assert!(text.starts_with("ошибка: "), "{args:?}: {text}");
            assert!(
                text.ends_with("\n\nПодробнее: '--help'.\n"),
                "{args:?}: {text}"
            );
            for part in *expected {
                assert!(text.contains(part), "{args:?}: {part:?} not in {text}");
            }
        }
    }

    /// The kinds folio's own grammar cannot provoke, on a small command:
    /// too many values, a wrong number of values, a missing command.
    #[test]
    fn value_count_errors_in_russian() {
        let cmd = || {
            Command::new("t")
                .arg(Arg::new("pair").long("pair").num_args(2))
                .subcommand(Command::new("go"))
        };
        let error = |args: &[&str]| render_error(&cmd().try_get_matches_from(args).unwrap_err());
        let text = error(&["t", "--pair", "1"]);
        assert!(
            text.starts_with("ошибка: для '--pair <pair> <pair>' нужно значений: 2, а указано: 1"),
            "{text}"
        );
        // A value given to a flag that takes none.
        let (text, code) = russian_error(&["client", "list", "--json=yes"]);
        assert_eq!(code, 2);
        assert!(
            text.starts_with("ошибка: лишнее значение 'yes' для '--json'"),
            "{text}"
        );
        let required = cmd().subcommand_required(true).try_get_matches_from(["t"]);
        let text = render_error(&required.unwrap_err());
        assert!(
            text.starts_with("ошибка: после 't' нужна команда, а она не указана\n  [команды: go"),
            "{text}"
        );
    }

    /// A value parser's refusal keeps the domain's error as its source,
    /// for `value_reason` to word.
    #[test]
    fn a_refused_value_keeps_the_domain_error() {
        let args = ["folio", "client", "add", "X", "--tier", "bad"];
        let e = try_parse_from(Locale::Ru, args).expect_err("an error");
        let source = std::error::Error::source(&e).expect("a source");
        assert!(
            source
                .downcast_ref::<crate::domain::UnknownValue>()
                .is_some()
        );
        let args = ["folio", "--today", "31.02.2026"];
        let e = try_parse_from(Locale::Ru, args).expect_err("an error");
        let source = std::error::Error::source(&e).expect("a source");
        assert!(source.downcast_ref::<crate::domain::DateError>().is_some());
    }

    /// A refused value's reason is the domain's error in Russian: the
    /// whole sentence has no English in it.
    #[test]
    fn a_refused_values_reason_is_russian() {
        for (args, reason) in [
            (
                &["folio", "client", "add", "X", "--tier", "bad"][..],
                "«bad» — не категория",
            ),
            (
                &["folio", "--today", "31.02.2026"][..],
                "«31.02.2026» — не дата",
            ),
        ] {
            let e = try_parse_from(Locale::Ru, args.iter().copied()).expect_err("an error");
            let said = render_error(&e);
            assert!(said.contains(reason), "{said}");
            assert!(!said.contains("is not"), "{said}");
        }
    }

    /// clap's worded tips come out in Russian; one it does not know as
    /// clap words it.
    #[test]
    fn clap_tips_in_russian() {
        assert_eq!(
            suggestion("to pass '-x' as a value, use '-- -x'"),
            "чтобы передать '-x' как значение, напишите '-- -x'"
        );
        assert_eq!(
            suggestion("subcommand 'list' exists; to use it, remove the '--' before it"),
            "команда 'list' есть; чтобы её выполнить, уберите '--' перед ней"
        );
        assert_eq!(suggestion("something new"), "something new");
    }

    /// English is the derive's own: the same help and the same errors.
    #[test]
    fn english_is_clap_untouched() {
        let mut ours = command(Locale::En);
        let mut derived = Cli::command();
        assert_eq!(
            ours.render_long_help().ansi().to_string(),
            derived.render_long_help().ansi().to_string()
        );
        let args = ["folio", "client", "list", "--jsn"];
        let e = try_parse_from(Locale::En, args).expect_err("an error");
        let clap = Cli::command()
            .try_get_matches_from(args)
            .expect_err("an error");
        assert_eq!(e.render().to_string(), clap.render().to_string());
    }

    #[test]
    #[ignore]
    fn list() {
        let mut seen = std::collections::BTreeSet::new();
        for (k, v) in entries() {
            if seen.insert(k.clone()) {
                println!("{k} = {}", v.replace('\n', "\n    "));
            }
        }
    }
}
