//! The command-line door: parse arguments into domain values, call the
//! operations, print tables or JSON. No SQL and no rules here.

pub mod args;
mod backups;
mod client;
mod data;
pub mod help;
mod ledger;
mod log;
pub mod table;

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Result, bail};
use chrono::NaiveDate;

pub use args::Cli;
use args::{Command, ExportArgs};

use crate::domain::Id;
use crate::format::Locale;

pub use crate::session::{Session, default_db_path};

/// Open the portfolio the flags name: `--demo`, else `--db`/`FOLIO_DB`, else
/// the default file (created with its folder on first use).
pub fn open_session(cli: &Cli, today: NaiveDate) -> Result<Session> {
    crate::session::open(cli.demo, cli.db.as_deref(), today, cli.locale)
}

/// The language folio speaks to this person: `flag` (`--lang`), else
/// `lang` in their config file, else the locale variables, else English
/// (`format::choose`). Reads the config file, never a database; a config
/// file that cannot be read counts as one without `lang` (the TUI says
/// why it is broken).
pub fn choose_locale(flag: Option<Locale>) -> Locale {
    let config = crate::config::load().ok().and_then(|c| c.locale());
    crate::format::choose(flag, config, |name| std::env::var(name).ok())
}

/// Run a parsed command line; returns what to print on stdout. Nothing is
/// printed on failure, so a failed command writes nothing.
///
/// Text from the data never drives the terminal: control characters in
/// what a command prints (tables, cards, confirmations) come out as
/// `\u001b`, whether or not stdout is a terminal. Line feeds and tabs
/// stay. JSON stays JSON: serde already writes C0 as `\u001b` inside
/// strings, and the same form for DEL and C1 is the same string to a
/// parser. CSV on stdout and completion scripts are data and stay as they
/// are.
pub fn run(cli: Cli, today: NaiveDate) -> Result<String> {
    let verbatim = matches!(
        cli.command,
        Some(Command::Export(ExportArgs { out: None, .. }) | Command::Completions { .. })
    );
    let out = dispatch(cli, today)?;
    Ok(if verbatim {
        out
    } else {
        crate::domain::text::escape_lines_owned(out)
    })
}

fn dispatch(cli: Cli, today: NaiveDate) -> Result<String> {
    match &cli.command {
        Some(Command::Completions { shell }) => return Ok(data::completions(*shell)),
        Some(Command::Demo) => return data::demo(&cli, today),
        Some(Command::Restore { file }) => return backups::restore(&cli, file, today),
        Some(Command::Backups { json }) => return backups::list(&cli, *json),
        // The person's settings (mouse) are in the config file: no
        // portfolio is opened for them.
        Some(Command::Config(cmd)) => {
            if let Some(result) = data::personal_config(cli.locale, cmd) {
                return result;
            }
        }
        Some(Command::Gen(g)) => {
            let size = crate::ops::synth::GenSize {
                clients: g.clients,
                touchpoints: g.touchpoints,
                months: g.months,
                seed: g.seed,
            };
            return data::synth(&cli, size, today);
        }
        _ => {}
    }
    let mut s = open_session(&cli, today)?;
    let path = s.path.clone();
    let tui = cli.command.is_none() && interactive();
    let result = match cli.command {
        None if tui => {
            crate::tui::run(s)?;
            Ok(String::new())
        }
        None | Some(Command::Summary) => data::summary(&mut s),
        Some(Command::Client(cmd)) => client::run(&mut s, cmd),
        Some(Command::Touch(cmd)) => log::touch(&mut s, cmd),
        Some(Command::Agree(cmd)) => log::agree(&mut s, cmd),
        Some(Command::Plan(cmd)) => ledger::plan(&mut s, cmd),
        Some(Command::Invoice(cmd)) => ledger::invoice(&mut s, cmd),
        Some(Command::Pay(cmd)) => ledger::pay(&mut s, cmd),
        Some(Command::Import(args)) => data::import(&mut s, args),
        Some(Command::Export(args)) => {
            // In Russian only on request (`--lang ru`), not by the locale
            // variables or the config: a file is data, read by others too.
            let lang = cli.lang.unwrap_or(Locale::En);
            data::export(&mut s, args, lang)
        }
        Some(Command::Backup { out, force }) => data::backup(&mut s, out.as_deref(), force),
        Some(Command::Check) => data::check(&mut s),
        Some(Command::Report(args)) => data::report(&mut s, args),
        Some(Command::Config(cmd)) => data::config(&mut s, cmd),
        Some(
            Command::Completions { .. }
            | Command::Demo
            | Command::Gen { .. }
            | Command::Restore { .. }
            | Command::Backups { .. },
        ) => bail!("unreachable command"),
    };
    result.map_err(|e| name_read_only(e, &path))
}

/// A write refused because the portfolio is read-only, as one sentence
/// naming the file, whatever context the command wrapped it in.
pub(crate) fn name_read_only(e: anyhow::Error, path: &Path) -> anyhow::Error {
    use crate::store::{Failure, StoreError};
    let read_only = e.chain().any(|cause| {
        matches!(
            cause.downcast_ref::<crate::ops::OpError>(),
            Some(crate::ops::OpError::ReadOnly)
        ) || cause
            .downcast_ref::<StoreError>()
            .is_some_and(|d| d.kind() == Failure::ReadOnly)
    });
    if read_only {
        crate::ops::ReadOnlyFile {
            path: path.to_path_buf(),
        }
        .into()
    } else {
        e
    }
}

/// A person at a terminal (both ends): only then does bare `folio` open the TUI;
/// piped or scripted, it prints the summary instead.
fn interactive() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// The name of client `id` in `names` (`ops::client_names`), or nothing.
fn name_of(names: &HashMap<Id, String>, id: Id) -> &str {
    names.get(&id).map_or("", String::as_str)
}

/// A record in a list's `--json`: the name of its client, then its own
/// fields.
#[derive(serde::Serialize)]
struct WithClient<'a, T> {
    client: &'a str,
    #[serde(flatten)]
    record: T,
}

/// A list's `--json`: each record of client id with its client's name.
fn to_json_with_clients<T: serde::Serialize>(
    names: &HashMap<Id, String>,
    records: impl Iterator<Item = (Id, T)>,
) -> Result<String> {
    let out: Vec<_> = records
        .map(|(id, record)| WithClient {
            client: name_of(names, id),
            record,
        })
        .collect();
    to_json(&out)
}

/// `--client NAME` on a list: the client's id, or an error naming it.
fn client_filter(s: &Session, name: Option<&str>) -> Result<Option<Id>> {
    match name {
        Some(name) => Ok(Some(crate::ops::client_by_name(&s.store, name)?.id)),
        None => Ok(None),
    }
}

/// An edit's field: changed where given, kept where not.
fn set<T>(field: &mut T, value: Option<T>) {
    if let Some(value) = value {
        *field = value;
    }
}

/// An edit's optional field: `--no-...` (`clear`) empties it, a value
/// replaces it (clap lets only one of them through), neither keeps it.
fn set_or_clear<T>(field: &mut Option<T>, clear: bool, value: Option<T>) {
    if clear {
        *field = None;
    }
    set(field, value.map(Some));
}

/// JSON for scripts: pretty, with a trailing newline.
fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    let mut s = serde_json::to_string_pretty(value)?;
    s.push('\n');
    Ok(s)
}

/// Why standard output could not be written, as one sentence: a full disk
/// (`folio client list > /dev/full`) said plainly, anything else as the
/// system says it.
pub fn cannot_write_output(locale: Locale, e: &std::io::Error) -> String {
    let reason = crate::format::errors::describe(locale, e);
    crate::format::text_with(locale, "out-output", &[("reason", reason.as_str().into())])
}

/// The command line's message `id` in `loc`, its placeables given as
/// anything that displays (numbers as digits, names as they are). A count
/// that chooses a plural goes through `format::text_with` as a number.
fn say(loc: Locale, id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let values: Vec<(&str, String)> = args.iter().map(|(k, v)| (*k, v.to_string())).collect();
    let args: Vec<(&str, crate::format::Arg)> = values
        .iter()
        .map(|(k, v)| (*k, crate::format::Arg::Str(v.as_str())))
        .collect();
    crate::format::text_with(loc, id, &args)
}

/// [`say`] as a line of output (ending with a newline).
fn sayln(loc: Locale, id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut line = say(loc, id, args);
    line.push('\n');
    line
}

/// A month in a table's column: `2026-11`, `ноя 2026`.
fn month_cell(loc: Locale, m: crate::domain::Month) -> String {
    match loc {
        Locale::En => m.to_string(),
        Locale::Ru => crate::format::month_compact(loc, m),
    }
}

/// The widest of `words` in columns, and at least `least`: a column of
/// enum words padded to fit every word of the language.
fn widest(words: impl IntoIterator<Item = impl AsRef<str>>, least: usize) -> usize {
    use unicode_width::UnicodeWidthStr;
    words
        .into_iter()
        .map(|w| w.as_ref().width())
        .fold(least, usize::max)
}

/// Display a path for messages.
fn shown(path: &Path) -> String {
    path.display().to_string()
}
