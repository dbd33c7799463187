//! The command line's grammar (clap derive). Names and flags here are a
//! contract: scripts and the issue tracker rely on them.
//!
//! A command with several arguments takes them as an `Args` struct
//! (after its enum, in the commands' order) that its handler reads by
//! name; one with one or two keeps them in its variant.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::domain::refusal::whole_in;
use crate::domain::time::DateFormat;
use crate::domain::{
    AgreementStatus, Money, Month, Owner, Refusal, Status, Tier, TouchKind, parse_date,
};
use crate::format::Locale;
use crate::io::decode::Encoding;
use crate::ops::import::Kind;

// The value parsers are the domain's own (`Tier::parse`, `parse_date`...):
// they hand clap the domain's error (not its text), so that `cli::help`
// can word it in the person's language: clap keeps it as the error's
// source, and shows its English `Display` as before.
//
// Numbers with limits: clap's own ranged parsers say why in English only.

fn cadence_arg(s: &str) -> Result<u32, Refusal> {
    whole_in(s, 1, crate::domain::MAX_CADENCE)
}

fn minutes_arg(s: &str) -> Result<u32, Refusal> {
    whole_in(s, 0, crate::domain::time::MAX_MINUTES)
}

/// `plan history --months`: twenty years at most.
fn history_months_arg(s: &str) -> Result<u32, Refusal> {
    whole_in(s, 1, 240)
}

/// `gen --months`: fifty years of history at most.
fn gen_months_arg(s: &str) -> Result<u32, Refusal> {
    whole_in(s, 1, 600)
}

#[derive(Debug, Parser)]
#[command(
    name = "folio",
    version,
    about = "A portfolio manager for account managers: clients, touchpoints, agreements and the monthly payment plan.",
    after_help = "Examples:\n  folio --demo          explore a demo portfolio (your file is not touched)\n  folio client add \"ООО Ромашка\" --tier gold --cadence 14\n  folio touch add \"ООО Ромашка\" --kind call --summary \"Q3 review\" --minutes 30\n  folio plan show --month 2026-11 --json"
)]
pub struct Cli {
    /// The portfolio file [default: portfolio.db in the platform data folder]
    #[arg(long, global = true, env = "FOLIO_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Work on a freshly generated demo portfolio in a temporary file
    #[arg(long, global = true)]
    pub demo: bool,

    /// Take this date as today (YYYY-MM-DD or DD.MM.YYYY)
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// The language folio speaks [default: `folio config set lang`, else LC_ALL, LC_MESSAGES or LANG, else en]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<Locale>,

    /// The language chosen (the flag, the config file, the locale
    /// variables): set by `main` before running, English otherwise.
    #[arg(skip)]
    pub locale: Locale,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Clients: add, list, show, edit, change tier or status, contacts
    #[command(subcommand)]
    Client(ClientCmd),
    /// Touchpoints: calls, meetings, emails, messages, reports
    #[command(subcommand)]
    Touch(TouchCmd),
    /// Agreements: what was promised, by whom, by when
    #[command(subcommand)]
    Agree(AgreeCmd),
    /// The monthly payment plan: targets and the month's figures
    #[command(subcommand)]
    Plan(PlanCmd),
    /// Expected payments (invoices)
    #[command(subcommand)]
    Invoice(InvoiceCmd),
    /// Payments received
    #[command(subcommand)]
    Pay(PayCmd),
    /// Import records from a CSV file or a spreadsheet (all or nothing)
    #[command(
        after_help = "Columns (header row required, `,`, `;` or tab; UTF-8, UTF-16, cp1251, cp866 or KOI8-R; also .xlsx and .xls):\n  clients      name,tier,cadence_days,since,notes\n  touchpoints  client,date,kind,summary,minutes\n  agreements   client,date,text,owner,due,status\n  payments     client,date,amount,note\n\nBank statements (payments): --profile tinkoff|sber|vtb|alfa|NAME, or --incoming-only;\n1C client-bank exchange files (1CClientBankExchange) are recognised by their first line.\n\nExamples:\n  folio import payments bank.csv --dry-run\n  folio import payments statement.csv --profile tinkoff --create-clients"
    )]
    Import(ImportArgs),
    /// Export records as CSV (what import reads back)
    #[command(
        after_help = "Examples:\n  folio export touchpoints --out touchpoints.csv\n  folio export payments --excel --out payments.csv   opens in Excel\n  folio export clients --lang ru --out clients.csv   in Russian"
    )]
    Export(ExportArgs),
    /// Write a consistent copy of the portfolio (safe while folio is in use)
    #[command(after_help = "Example:\n  folio backup --out ~/backups/portfolio-2026-11.db")]
    Backup {
        /// Where to write the copy [default: the portfolio's name with .backup-YYYYMMDD]
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace an existing file, or write to the file a symbolic link points to (never a database)
        #[arg(long, requires = "out")]
        force: bool,
    },
    /// Check the file's integrity (exit 1 on problems)
    #[command(after_help = "Example:\n  folio check")]
    Check,
    /// Replace the portfolio with a copy of it (checked first; the current one is kept)
    #[command(
        after_help = "The copy must be a sound folio file, not newer than this folio; an older one is upgraded.\nThe portfolio as it was is kept as <portfolio>.bak-before-restore (then -2, -3, ...).\n\nExamples:\n  folio backups\n  folio restore ~/backups/portfolio-2026-11.db"
    )]
    Restore {
        /// The copy to restore from
        file: PathBuf,
    },
    /// List the backup copies next to the portfolio, newest first
    #[command(after_help = "Example:\n  folio backups --json")]
    Backups {
        /// Print JSON for scripts (keys and values in English)
        #[arg(long)]
        json: bool,
    },
    /// Settings: the portfolio's (currency) and yours (mouse)
    #[command(subcommand)]
    Config(ConfigCmd),
    /// Print a shell completion script
    #[command(
        after_help = "Example:\n  folio completions bash > ~/.local/share/bash-completion/completions/folio"
    )]
    Completions {
        /// The shell to write the script for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write the demo portfolio into --db PATH (refuses a file holding data)
    #[command(after_help = "Example:\n  folio demo --db /tmp/demo.db")]
    Demo,
    /// The one-on-one briefing: plan, clients at risk, tier moves, health, next 14 days
    #[command(
        after_help = "Examples:\n  folio report                       Markdown for this month on stdout\n  folio report --month 2026-10 --format json --out briefing.json"
    )]
    Report(ReportArgs),
    /// Generate a synthetic portfolio for benchmarks (refuses a file holding data)
    #[command(
        after_help = "Example:\n  folio gen --db /tmp/l.db --clients 10000 --touchpoints 1000000 --months 120"
    )]
    Gen(GenArgs),
    /// Print the portfolio summary for the month
    #[command(after_help = "Example:\n  folio summary --today 2026-11-23")]
    Summary,
}

/// `folio import`'s arguments.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// What the file holds
    #[arg(value_enum)]
    pub kind: Kind,
    /// The CSV, .xlsx or .xls file, or - for standard input (at most 256 MiB)
    pub file: PathBuf,
    /// Check every row and report, but write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Create clients named in the file that do not exist yet
    #[arg(long)]
    pub create_clients: bool,
    /// Import rows the portfolio already holds again (by default a re-import adds only what is new)
    #[arg(long)]
    pub allow_duplicates: bool,
    /// The file's headers for folio's columns, e.g. 'Дата платежа=date,Сумма платежа=amount,Описание=client'
    #[arg(long, value_name = "HEADER=COLUMN,...")]
    pub map: Option<String>,
    /// Read payments as a bank statement by a profile: tinkoff, sber, vtb, alfa, or [profiles.NAME] in the config file (incoming rows only)
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Payments: import incoming rows only; outgoing, zero, failed and other-currency rows are skipped and counted (columns status, currency, outgoing, operation may be mapped with --map)
    #[arg(long)]
    pub incoming_only: bool,
    /// The sheet of an .xlsx or .xls file to read [default: the first]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Read the file in this encoding [default: UTF-8, UTF-16 with a BOM, or whichever of cp1251, cp866 and koi8-r reads as Russian]
    #[arg(long, value_enum, value_name = "ENCODING")]
    pub encoding: Option<Encoding>,
    /// How the file writes dates, strftime-style: e.g. %d.%m.%y or %m/%d/%Y (%y is 20YY) [default: YYYY-MM-DD, DD.MM.YYYY, DD.MM.YY, and D/M/YYYY or M/D/YYYY as each column shows]
    #[arg(long, value_name = "PATTERN", value_parser = DateFormat::parse)]
    pub date_format: Option<DateFormat>,
}

/// `folio export`'s arguments.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export
    #[arg(value_enum)]
    pub kind: Kind,
    /// Write to this file instead of standard output (`-`: standard output)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace an existing file, or write to the file a symbolic link points to (never a database)
    #[arg(long, requires = "out")]
    pub force: bool,
    /// For Excel in a Russian locale: UTF-8 with a BOM, `;`, decimal comma, DD.MM.YYYY (import reads it back)
    #[arg(long)]
    pub excel: bool,
}

/// `folio report`'s arguments.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The month [default: the current one]
    #[arg(long, value_parser = Month::parse)]
    pub month: Option<Month>,
    /// Markdown, JSON for scripts, or plain text
    #[arg(long, value_enum, default_value = "md")]
    pub format: ReportFormat,
    /// Write to this file instead of standard output (`-`: standard output)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace an existing file, or write to the file a symbolic link points to (never a database)
    #[arg(long, requires = "out")]
    pub force: bool,
}

/// `folio gen`'s arguments.
#[derive(Debug, Args)]
pub struct GenArgs {
    /// How many clients
    #[arg(long, default_value_t = 50)]
    pub clients: u32,
    /// How many touchpoints in all
    #[arg(long, default_value_t = 5_000)]
    pub touchpoints: u64,
    /// How many months of history
    #[arg(long, default_value_t = 24, value_parser = gen_months_arg)]
    pub months: u32,
    /// The random seed: the same seed gives the same portfolio
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Json,
    Text,
}

/// `import --encoding`: the reader's own encodings by the names they
/// give themselves, with the spellings people also type.
impl ValueEnum for Encoding {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            Encoding::Utf8,
            Encoding::Cp1251,
            Encoding::Cp866,
            Encoding::Koi8R,
            Encoding::Utf16,
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let value = PossibleValue::new(self.name());
        Some(match self {
            Encoding::Utf8 => value.alias("utf8"),
            Encoding::Cp1251 => value.alias("windows-1251"),
            Encoding::Cp866 => value,
            Encoding::Koi8R => value.alias("koi8r"),
            Encoding::Utf16 => value
                .alias("utf16")
                .help("Little-endian unless the file starts with a big-endian BOM"),
        })
    }
}

/// What `import` reads and `export` writes: the operations' own kinds of
/// record, named on the command line as they name themselves.
impl ValueEnum for Kind {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            Kind::Clients,
            Kind::Touchpoints,
            Kind::Agreements,
            Kind::Payments,
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.as_str()))
    }
}

#[derive(Debug, Subcommand)]
pub enum ClientCmd {
    /// Add a client
    #[command(
        after_help = "Example:\n  folio client add \"ООО Ромашка\" --tier gold --cadence 14 --since 01.03.2025"
    )]
    Add(AddClient),
    /// List clients with their signals
    #[command(after_help = "Example:\n  folio client list --tier gold --json")]
    List(ListClients),
    /// Show everything about one client
    #[command(after_help = "Example:\n  folio client show \"ооо ромашка\"")]
    Show {
        /// The client, by name (case does not matter)
        name: String,
        /// Print JSON for scripts (keys and values in English)
        #[arg(long)]
        json: bool,
    },
    /// Edit a client's details
    #[command(
        after_help = "Example:\n  folio client edit Acme --cadence 7 --goal \"+20% leads by Q2\""
    )]
    Edit(EditClient),
    /// Move a client to another tier, with the reason
    #[command(
        after_help = "Example:\n  folio client tier Acme toxic --reason \"Ignores agreements, endless revisions\""
    )]
    Tier(SetTier),
    /// Change a client's status (active, paused, churned), with the reason
    #[command(
        after_help = "Example:\n  folio client status Acme churned --reason \"Closed the business (objective)\""
    )]
    Status(SetStatus),
    /// Delete a client and all its records (needs --force when it has history)
    #[command(after_help = "Example:\n  folio client delete \"Test client\" --force")]
    Delete {
        /// The client to delete, by name
        name: String,
        /// Delete it with all its records (touchpoints, agreements, money, contacts)
        #[arg(long)]
        force: bool,
    },
    /// Contacts at a client
    #[command(subcommand)]
    Contact(ContactCmd),
    /// Names a client is written by in bank statements and exports
    #[command(subcommand)]
    Alias(AliasCmd),
}

/// `folio client add`'s arguments.
#[derive(Debug, Args)]
pub struct AddClient {
    /// The client's name, e.g. "ООО Ромашка"
    pub name: String,
    /// The tier: gold, potential or toxic
    #[arg(long, value_parser = Tier::parse, default_value = "potential")]
    pub tier: Tier,
    /// Agreed contact cadence in days
    #[arg(long, value_name = "DAYS", value_parser = cadence_arg)]
    pub cadence: Option<u32>,
    /// Start of the relationship [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Preferred channel (phone, telegram, email...)
    #[arg(long)]
    pub channel: Option<String>,
    /// Business goal agreed at onboarding
    #[arg(long)]
    pub goal: Option<String>,
    /// Free-form notes about the client
    #[arg(long)]
    pub notes: Option<String>,
    /// The client's ИНН (10 or 12 digits, check digits verified)
    #[arg(long)]
    pub inn: Option<String>,
}

/// `folio client list`'s arguments.
#[derive(Debug, Args)]
pub struct ListClients {
    /// Only clients of this tier: gold, potential or toxic
    #[arg(long, value_parser = Tier::parse)]
    pub tier: Option<Tier>,
    /// Only clients with this status: active, paused or churned
    #[arg(long, value_parser = Status::parse)]
    pub status: Option<Status>,
    /// Print JSON for scripts (keys and values in English)
    #[arg(long)]
    pub json: bool,
}

/// `folio client edit`'s arguments.
#[derive(Debug, Args)]
pub struct EditClient {
    /// The client to edit, by name
    pub name: String,
    /// New name
    #[arg(long = "name", value_name = "NEW_NAME")]
    pub new_name: Option<String>,
    /// Start of the relationship
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Agreed contact cadence in days
    #[arg(long, value_name = "DAYS", value_parser = cadence_arg, conflicts_with = "no_cadence")]
    pub cadence: Option<u32>,
    /// Remove the contact cadence
    #[arg(long)]
    pub no_cadence: bool,
    /// Preferred channel (phone, telegram, email...)
    #[arg(long)]
    pub channel: Option<String>,
    /// Business goal agreed at onboarding
    #[arg(long)]
    pub goal: Option<String>,
    /// Free-form notes about the client
    #[arg(long)]
    pub notes: Option<String>,
    /// The client's ИНН (10 or 12 digits, check digits verified): an
    /// import matches a statement's rows by it
    #[arg(long, conflicts_with = "no_inn")]
    pub inn: Option<String>,
    /// Remove the client's ИНН
    #[arg(long)]
    pub no_inn: bool,
}

/// `folio client tier`'s arguments.
#[derive(Debug, Args)]
pub struct SetTier {
    /// The client, by name (case does not matter)
    pub name: String,
    /// The new tier: gold, potential or toxic
    #[arg(value_parser = Tier::parse)]
    pub tier: Tier,
    /// Why the client moves (kept in its history)
    #[arg(long, allow_hyphen_values = true)]
    pub reason: String,
    /// Date of the decision [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub on: Option<NaiveDate>,
}

/// `folio client status`'s arguments.
#[derive(Debug, Args)]
pub struct SetStatus {
    /// The client, by name (case does not matter)
    pub name: String,
    /// The new status: active, paused or churned
    #[arg(value_parser = Status::parse)]
    pub status: Status,
    /// Why the status changes (kept in its history)
    #[arg(long, allow_hyphen_values = true)]
    pub reason: String,
    /// Date of the change [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub on: Option<NaiveDate>,
}

#[derive(Debug, Subcommand)]
pub enum AliasCmd {
    /// Add a name the client is written by: an import matches it (ignoring
    /// case, quotes and the legal form: ООО, ИП, АО, ПАО, ЗАО)
    #[command(after_help = "Example:\n  folio client alias add \"ООО Ромашка\" \"Romashka LLC\"")]
    Add {
        /// The client, by name (case does not matter)
        name: String,
        /// The other name, e.g. "Romashka LLC"
        alias: String,
    },
    /// List a client's aliases
    #[command(after_help = "Example:\n  folio client alias list \"ООО Ромашка\" --json")]
    List {
        /// The client, by name (case does not matter)
        name: String,
        /// Print JSON for scripts (keys and values in English)
        #[arg(long)]
        json: bool,
    },
    /// Remove one of a client's aliases
    #[command(
        after_help = "Example:\n  folio client alias delete \"ООО Ромашка\" \"Romashka LLC\""
    )]
    Delete {
        /// The client, by name (case does not matter)
        name: String,
        /// The alias to remove
        alias: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ContactCmd {
    /// Add a contact person
    #[command(
        after_help = "Example:\n  folio client contact add Acme --person \"Anna Petrova\" --role CMO \\\n    --decision-maker --birthday 14.02.1985"
    )]
    Add(AddContact),
    /// List a client's contacts
    #[command(after_help = "Example:\n  folio client contact list Acme")]
    List {
        /// The client, by name (case does not matter)
        name: String,
        /// Print JSON for scripts (keys and values in English)
        #[arg(long)]
        json: bool,
    },
    /// Change a contact (by the id `contact list` shows): only the fields given
    #[command(
        after_help = "Example:\n  folio client contact edit 3 --role CEO --decision-maker --no-phone",
        group(clap::ArgGroup::new("change").required(true).multiple(true)
            .args(["client", "person", "role", "no_role", "decision_maker", "no_decision_maker",
                   "phone", "no_phone", "email", "no_email", "birthday", "no_birthday"]))
    )]
    Edit(EditContact),
    /// Delete a contact by id
    #[command(after_help = "Example:\n  folio client contact delete 3")]
    Delete {
        /// The contact's id (as `client contact list` shows it)
        id: i64,
    },
}

/// `folio client contact add`'s arguments.
#[derive(Debug, Args)]
pub struct AddContact {
    /// The client, by name (case does not matter)
    pub name: String,
    /// The person's full name
    #[arg(long)]
    pub person: String,
    /// Their role, e.g. CMO
    #[arg(long)]
    pub role: Option<String>,
    /// They make the decisions (ЛПР)
    #[arg(long)]
    pub decision_maker: bool,
    /// Their phone number
    #[arg(long)]
    pub phone: Option<String>,
    /// Their email address
    #[arg(long)]
    pub email: Option<String>,
    /// Their birthday
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub birthday: Option<NaiveDate>,
}

/// `folio client contact edit`'s arguments.
#[derive(Debug, Args)]
pub struct EditContact {
    /// The contact's id (as `client contact list` shows it)
    pub id: i64,
    /// Move the contact to this client
    #[arg(long)]
    pub client: Option<String>,
    /// The person's full name
    #[arg(long)]
    pub person: Option<String>,
    /// Their role, e.g. CMO
    #[arg(long, conflicts_with = "no_role")]
    pub role: Option<String>,
    /// Remove their role
    #[arg(long)]
    pub no_role: bool,
    /// They make the decisions (ЛПР)
    #[arg(long, conflicts_with = "no_decision_maker")]
    pub decision_maker: bool,
    /// They do not make the decisions
    #[arg(long)]
    pub no_decision_maker: bool,
    /// Their phone number
    #[arg(long, conflicts_with = "no_phone")]
    pub phone: Option<String>,
    /// Remove their phone number
    #[arg(long)]
    pub no_phone: bool,
    /// Their email address
    #[arg(long, conflicts_with = "no_email")]
    pub email: Option<String>,
    /// Remove their email address
    #[arg(long)]
    pub no_email: bool,
    /// Their birthday
    #[arg(long, value_name = "DATE", value_parser = parse_date, conflicts_with = "no_birthday")]
    pub birthday: Option<NaiveDate>,
    /// Remove their birthday
    #[arg(long)]
    pub no_birthday: bool,
}

#[derive(Debug, Subcommand)]
pub enum TouchCmd {
    /// Log a touchpoint
    #[command(
        after_help = "Example:\n  folio touch add Acme --kind call --summary \"Budget for Q1\" --minutes 25 \\\n    --next \"Send proposal\" --next-due 2026-11-30"
    )]
    Add(AddTouch),
    /// List touchpoints, newest first
    #[command(after_help = "Example:\n  folio touch list --client Acme --limit 20")]
    List(ListTouches),
    /// Change a touchpoint: only the fields given
    #[command(
        after_help = "Example:\n  folio touch edit 42 --minutes 45 --next \"Send the revised proposal\" \\\n    --next-due 2026-12-04",
        group(clap::ArgGroup::new("change").required(true).multiple(true)
            .args(["client", "kind", "summary", "at", "minutes", "next", "no_next", "next_due", "no_next_due"]))
    )]
    Edit(EditTouch),
    /// Delete a touchpoint by id
    #[command(after_help = "Example:\n  folio touch delete 42")]
    Delete {
        /// The touchpoint's id (as `touch list` shows it)
        id: i64,
    },
}

/// `folio touch add`'s arguments.
#[derive(Debug, Args)]
pub struct AddTouch {
    /// The client, by name (case does not matter)
    pub client: String,
    /// How it happened: call, meeting, email, message, report or other
    #[arg(long, value_parser = TouchKind::parse)]
    pub kind: TouchKind,
    /// What was said, in a line
    #[arg(long, allow_hyphen_values = true)]
    pub summary: String,
    /// When it happened [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub at: Option<NaiveDate>,
    /// Time it took, in minutes
    #[arg(long, default_value_t = 0, value_parser = minutes_arg)]
    pub minutes: u32,
    /// The next step agreed
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub next: Option<String>,
    /// When the next step is due
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "next")]
    pub next_due: Option<NaiveDate>,
}

/// `folio touch list`'s arguments.
#[derive(Debug, Args)]
pub struct ListTouches {
    /// Only this client's touchpoints
    #[arg(long)]
    pub client: Option<String>,
    /// At most this many (0: all)
    #[arg(long, default_value_t = 50)]
    pub limit: u32,
    /// Print JSON for scripts (keys and values in English)
    #[arg(long)]
    pub json: bool,
}

/// `folio touch edit`'s arguments.
#[derive(Debug, Args)]
pub struct EditTouch {
    /// The touchpoint's id (as `touch list` shows it)
    pub id: i64,
    /// Move it to this client
    #[arg(long)]
    pub client: Option<String>,
    /// How it happened: call, meeting, email, message, report or other
    #[arg(long, value_parser = TouchKind::parse)]
    pub kind: Option<TouchKind>,
    /// What was said, in a line
    #[arg(long, allow_hyphen_values = true)]
    pub summary: Option<String>,
    /// When it happened
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub at: Option<NaiveDate>,
    /// Time it took, in minutes
    #[arg(long, value_parser = minutes_arg)]
    pub minutes: Option<u32>,
    /// The next step agreed
    #[arg(
        long,
        value_name = "TEXT",
        allow_hyphen_values = true,
        conflicts_with = "no_next"
    )]
    pub next: Option<String>,
    /// Remove the next step (and its due date)
    #[arg(long)]
    pub no_next: bool,
    /// When the next step is due
    #[arg(long, value_name = "DATE", value_parser = parse_date, conflicts_with_all = ["no_next", "no_next_due"])]
    pub next_due: Option<NaiveDate>,
    /// Remove the next step's due date
    #[arg(long)]
    pub no_next_due: bool,
}

#[derive(Debug, Clone, Copy, Args)]
#[group(required = true, multiple = false)]
pub struct CloseAs {
    /// It was done as promised
    #[arg(long)]
    pub kept: bool,
    /// It was not done as promised
    #[arg(long)]
    pub broken: bool,
    /// It no longer applies
    #[arg(long)]
    pub cancelled: bool,
}

impl CloseAs {
    pub fn status(self) -> AgreementStatus {
        if self.kept {
            AgreementStatus::Kept
        } else if self.broken {
            AgreementStatus::Broken
        } else {
            AgreementStatus::Cancelled
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum AgreeCmd {
    /// Record an agreement
    #[command(
        after_help = "Example:\n  folio agree add Acme --text \"Send the media plan\" --owner us --due 2026-11-28"
    )]
    Add(AddAgreement),
    /// Close an agreement as kept, broken or cancelled
    #[command(after_help = "Example:\n  folio agree close 12 --kept")]
    Close {
        /// The agreement's id (as `agree list` shows it)
        id: i64,
        #[command(flatten)]
        close: CloseAs,
        /// Date it was closed [default: today]
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        on: Option<NaiveDate>,
    },
    /// List agreements: open first, by due date
    #[command(after_help = "Example:\n  folio agree list --open --json")]
    List(ListAgreements),
    /// Change an agreement: only the fields given (close it with `agree close`)
    #[command(
        after_help = "Example:\n  folio agree edit 12 --due 2026-12-05 --text \"Send the media plan for Q1\"",
        group(clap::ArgGroup::new("change").required(true).multiple(true)
            .args(["client", "text", "owner", "due", "no_due", "on"]))
    )]
    Edit(EditAgreement),
    /// Delete an agreement by id
    #[command(after_help = "Example:\n  folio agree delete 12")]
    Delete {
        /// The agreement's id (as `agree list` shows it)
        id: i64,
    },
}

/// `folio agree add`'s arguments.
#[derive(Debug, Args)]
pub struct AddAgreement {
    /// The client, by name (case does not matter)
    pub client: String,
    /// What was promised
    #[arg(long, allow_hyphen_values = true)]
    pub text: String,
    /// Who promised it: us (the agency) or client
    #[arg(long, value_parser = Owner::parse)]
    pub owner: Owner,
    /// When it is due [default: no due date]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub due: Option<NaiveDate>,
    /// When it was agreed [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub on: Option<NaiveDate>,
}

/// `folio agree list`'s arguments.
#[derive(Debug, Args)]
pub struct ListAgreements {
    /// Only the open ones
    #[arg(long)]
    pub open: bool,
    /// Only this client's agreements
    #[arg(long)]
    pub client: Option<String>,
    /// Print JSON for scripts (keys and values in English)
    #[arg(long)]
    pub json: bool,
}

/// `folio agree edit`'s arguments.
#[derive(Debug, Args)]
pub struct EditAgreement {
    /// The agreement's id (as `agree list` shows it)
    pub id: i64,
    /// Move it to this client
    #[arg(long)]
    pub client: Option<String>,
    /// What was promised
    #[arg(long, allow_hyphen_values = true)]
    pub text: Option<String>,
    /// Who promised it: us (the agency) or client
    #[arg(long, value_parser = Owner::parse)]
    pub owner: Option<Owner>,
    /// When it is due
    #[arg(long, value_name = "DATE", value_parser = parse_date, conflicts_with = "no_due")]
    pub due: Option<NaiveDate>,
    /// Remove the due date
    #[arg(long)]
    pub no_due: bool,
    /// When it was agreed
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub on: Option<NaiveDate>,
}

#[derive(Debug, Subcommand)]
pub enum PlanCmd {
    /// Set the month's target
    #[command(after_help = "Example:\n  folio plan set 2026-11 \"1 500 000\"")]
    Set {
        /// The month, YYYY-MM
        #[arg(value_parser = Month::parse)]
        month: Month,
        /// The target amount, e.g. "1 500 000"
        #[arg(value_parser = Money::parse, allow_hyphen_values = true)]
        amount: Money,
    },
    /// Show the month's figures: target, received, outstanding, overdue, forecast
    #[command(after_help = "Example:\n  folio plan show --month 2026-11 --json")]
    Show {
        /// The month, YYYY-MM [default: the current one]
        #[arg(long, value_parser = Month::parse)]
        month: Option<Month>,
        /// Print JSON for scripts (keys and values in English)
        #[arg(long)]
        json: bool,
    },
    /// Target vs received for the last months
    #[command(after_help = "Example:\n  folio plan history --months 12")]
    History {
        /// How many months, this one included (at most 240)
        #[arg(long, default_value_t = 12, value_parser = history_months_arg)]
        months: u32,
        /// Print JSON for scripts (keys and values in English)
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum InvoiceCmd {
    /// Add an expected payment
    #[command(
        after_help = "Example:\n  folio invoice add Acme --month 2026-11 --amount \"250 000\" --due 10.11.2026"
    )]
    Add(AddInvoice),
    /// List expected payments with what is still owed
    #[command(after_help = "Example:\n  folio invoice list --month 2026-11")]
    List(ListInvoices),
    /// Change an expected payment: only the fields given
    #[command(
        after_help = "Example:\n  folio invoice edit 7 --amount \"300 000\" --due 15.11.2026",
        group(clap::ArgGroup::new("change").required(true).multiple(true)
            .args(["client", "month", "amount", "due"]))
    )]
    Edit(EditInvoice),
    /// Delete an expected payment by id
    #[command(after_help = "Example:\n  folio invoice delete 7")]
    Delete {
        /// The expected payment's id (as `invoice list` shows it)
        id: i64,
    },
}

/// `folio invoice add`'s arguments.
#[derive(Debug, Args)]
pub struct AddInvoice {
    /// The client, by name (case does not matter)
    pub client: String,
    /// The plan's month it is expected in, YYYY-MM
    #[arg(long, value_parser = Month::parse)]
    pub month: Month,
    /// The amount expected, e.g. "250 000"
    #[arg(long, value_parser = Money::parse_positive, allow_hyphen_values = true)]
    pub amount: Money,
    /// Due date [default: the last day of the month]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub due: Option<NaiveDate>,
}

/// `folio invoice list`'s arguments.
#[derive(Debug, Args)]
pub struct ListInvoices {
    /// Only this client's expected payments
    #[arg(long)]
    pub client: Option<String>,
    /// Only those expected in this month, YYYY-MM
    #[arg(long, value_parser = Month::parse)]
    pub month: Option<Month>,
    /// Print JSON for scripts (keys and values in English)
    #[arg(long)]
    pub json: bool,
}

/// `folio invoice edit`'s arguments.
#[derive(Debug, Args)]
pub struct EditInvoice {
    /// The expected payment's id (as `invoice list` shows it)
    pub id: i64,
    /// Move it to this client
    #[arg(long)]
    pub client: Option<String>,
    /// The plan's month it is expected in, YYYY-MM
    #[arg(long, value_parser = Month::parse)]
    pub month: Option<Month>,
    /// The amount expected
    #[arg(long, value_parser = Money::parse_positive, allow_hyphen_values = true)]
    pub amount: Option<Money>,
    /// Due date
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub due: Option<NaiveDate>,
}

#[derive(Debug, Subcommand)]
pub enum PayCmd {
    /// Record a payment received
    #[command(
        after_help = "Example:\n  folio pay add Acme --on 2026-11-12 --amount \"1 250 000,50\" \\\n    --note \"Invoice 118\""
    )]
    Add(AddPayment),
    /// List payments, newest first
    #[command(after_help = "Example:\n  folio pay list --client Acme")]
    List(ListPayments),
    /// Change a payment received: only the fields given
    #[command(
        after_help = "Example:\n  folio pay edit 3 --on 2026-11-13 --note \"Invoice 118, second part\"",
        group(clap::ArgGroup::new("change").required(true).multiple(true)
            .args(["client", "on", "amount", "note"]))
    )]
    Edit(EditPayment),
    /// Delete a payment by id
    #[command(after_help = "Example:\n  folio pay delete 3")]
    Delete {
        /// The payment's id (as `pay list` shows it)
        id: i64,
    },
}

/// `folio pay add`'s arguments.
#[derive(Debug, Args)]
pub struct AddPayment {
    /// The client who paid, by name (case does not matter)
    pub client: String,
    /// The day the money arrived
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub on: NaiveDate,
    /// The amount received, e.g. "1 250 000,50"
    #[arg(long, value_parser = Money::parse_positive, allow_hyphen_values = true)]
    pub amount: Money,
    /// A note, e.g. the invoice number
    #[arg(long, default_value = "", allow_hyphen_values = true)]
    pub note: String,
}

/// `folio pay list`'s arguments.
#[derive(Debug, Args)]
pub struct ListPayments {
    /// Only this client's payments
    #[arg(long)]
    pub client: Option<String>,
    /// Only those received in this month, YYYY-MM
    #[arg(long, value_parser = Month::parse)]
    pub month: Option<Month>,
    /// Print JSON for scripts (keys and values in English)
    #[arg(long)]
    pub json: bool,
}

/// `folio pay edit`'s arguments.
#[derive(Debug, Args)]
pub struct EditPayment {
    /// The payment's id (as `pay list` shows it)
    pub id: i64,
    /// Move it to this client
    #[arg(long)]
    pub client: Option<String>,
    /// The day the money arrived
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub on: Option<NaiveDate>,
    /// The amount received
    #[arg(long, value_parser = Money::parse_positive, allow_hyphen_values = true)]
    pub amount: Option<Money>,
    /// A note, e.g. the invoice number
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCmd {
    /// Set a setting: currency (the portfolio's), mouse on|off and lang
    /// ru|en|auto (yours, in folio's config file; $FOLIO_CONFIG names another)
    #[command(
        after_help = "Examples:\n  folio config set currency EUR\n  folio config set mouse off\n  folio config set lang ru"
    )]
    Set {
        /// The setting
        key: ConfigKey,
        /// Its new value: a currency code (RUB, EUR...), on or off, ru, en or auto
        value: String,
    },
    /// Show a setting
    #[command(after_help = "Examples:\n  folio config get currency\n  folio config get mouse")]
    Get {
        /// The setting
        key: ConfigKey,
    },
}

/// `--lang`: the languages folio speaks, by their tags.
impl ValueEnum for Locale {
    fn value_variants<'a>() -> &'a [Self] {
        &[Locale::Ru, Locale::En]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.tag()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConfigKey {
    /// The portfolio's currency (kept in the portfolio)
    Currency,
    /// Clicks and the wheel in the TUI (kept in your config file)
    Mouse,
    /// folio's language: ru, en, or auto for the system's (kept in your config file)
    Lang,
}

impl ConfigKey {
    /// The setting kept in the person's config file, not the portfolio:
    /// reading or writing it opens no database.
    pub fn personal(self) -> Option<crate::config::Key> {
        match self {
            ConfigKey::Currency => None,
            ConfigKey::Mouse => Some(crate::config::Key::Mouse),
            ConfigKey::Lang => Some(crate::config::Key::Lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    /// Every command a user can run shows an example in its --help.
    #[test]
    fn every_subcommand_has_an_example() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            let path = format!("{path} {}", cmd.get_name());
            let subs: Vec<&clap::Command> = cmd
                .get_subcommands()
                .filter(|c| c.get_name() != "help")
                .collect();
            if subs.is_empty() {
                let help = cmd
                    .get_after_help()
                    .map(|h| h.to_string())
                    .unwrap_or_default();
                if !help.contains("Example") {
                    missing.push(path.clone());
                }
            }
            for sub in subs {
                walk(sub, &path, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "no example in --help: {missing:?}");
        Cli::command().debug_assert();
    }

    /// Issue 23: every argument and option of every subcommand says in
    /// one line what it is for in `--help`.
    #[test]
    fn every_option_has_a_description() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            let path = format!("{path} {}", cmd.get_name());
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                if help.trim().is_empty() {
                    missing.push(format!("{path} {id}"));
                } else if help.contains('\n') {
                    missing.push(format!("{path} {id} (more than one line)"));
                }
            }
            for sub in cmd.get_subcommands().filter(|c| c.get_name() != "help") {
                walk(sub, &path, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "no description in --help: {missing:#?}");
    }

    /// Issue 23: an example is one command a person can copy: clap wraps
    /// help at the terminal's width, so each line of an example fits 80
    /// columns (a long one continues on the next line after ` \`).
    #[test]
    fn every_example_line_fits_80_columns() {
        fn walk(cmd: &clap::Command, long: &mut Vec<String>) {
            let help = cmd.get_after_help().map(|h| h.to_string());
            for line in help.iter().flat_map(|h| h.lines()) {
                let example = line.starts_with("  folio") || line.starts_with("    ");
                if example && unicode_width::UnicodeWidthStr::width(line) > 79 {
                    long.push(line.to_string());
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, long);
            }
        }
        let mut long = Vec::new();
        walk(&Cli::command(), &mut long);
        assert!(long.is_empty(), "wider than 79 columns: {long:#?}");
    }
}
