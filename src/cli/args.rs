//! The command line's grammar (clap derive). Names and flags here are a
//! contract: scripts and the issue tracker rely on them.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::domain::time::DateFormat;
use crate::domain::{AgreementStatus, Money, Month, Owner, Status, Tier, TouchKind, parse_date};

pub fn date_arg(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).map_err(|e| e.to_string())
}

fn date_format_arg(s: &str) -> Result<DateFormat, String> {
    DateFormat::parse(s)
}

pub fn month_arg(s: &str) -> Result<Month, String> {
    Month::parse(s).map_err(|e| e.to_string())
}

pub fn amount_arg(s: &str) -> Result<Money, String> {
    Money::parse(s).map_err(|e| e.to_string())
}

pub fn positive_amount_arg(s: &str) -> Result<Money, String> {
    Money::parse_positive(s).map_err(|e| e.to_string())
}

fn tier_arg(s: &str) -> Result<Tier, String> {
    Tier::parse(s).map_err(|e| e.to_string())
}

fn status_arg(s: &str) -> Result<Status, String> {
    Status::parse(s).map_err(|e| e.to_string())
}

fn kind_arg(s: &str) -> Result<TouchKind, String> {
    TouchKind::parse(s).map_err(|e| e.to_string())
}

fn owner_arg(s: &str) -> Result<Owner, String> {
    Owner::parse(s).map_err(|e| e.to_string())
}

#[derive(Debug, Parser)]
#[command(
    name = "folio",
    version,
    about = "A portfolio manager for account managers: clients, touchpoints, agreements and the monthly payment plan.",
    after_help = "Examples:\n  folio --demo                      explore a demo portfolio (nothing touches your file)\n  folio client add \"ООО Ромашка\" --tier gold --cadence 14\n  folio touch add \"ООО Ромашка\" --kind call --summary \"Q3 review\" --minutes 30\n  folio plan show --month 2026-11 --json"
)]
pub struct Cli {
    /// The portfolio file [default: portfolio.db in the platform data folder]
    #[arg(long, global = true, env = "FOLIO_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Work on a freshly generated demo portfolio in a temporary file
    #[arg(long, global = true)]
    pub demo: bool,

    /// Take this date as today (YYYY-MM-DD or DD.MM.YYYY)
    #[arg(long, global = true, value_name = "DATE", value_parser = date_arg)]
    pub today: Option<NaiveDate>,

    /// The language folio speaks [default: `folio config set lang`, else LC_ALL, LC_MESSAGES or LANG, else en]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,

    /// The language chosen (the flag, the config file, the locale
    /// variables): set by `main` before running, English otherwise.
    #[arg(skip)]
    pub locale: crate::format::Locale,

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
    Import {
        #[arg(value_enum)]
        kind: RecordKind,
        /// The CSV, .xlsx or .xls file, or - for standard input (at most 256 MiB)
        file: PathBuf,
        /// Check every row and report, but write nothing
        #[arg(long)]
        dry_run: bool,
        /// Create clients named in the file that do not exist yet
        #[arg(long)]
        create_clients: bool,
        /// Import rows the portfolio already holds again (by default a re-import adds only what is new)
        #[arg(long)]
        allow_duplicates: bool,
        /// The file's headers for folio's columns, e.g. 'Дата платежа=date,Сумма платежа=amount,Описание=client'
        #[arg(long, value_name = "HEADER=COLUMN,...")]
        map: Option<String>,
        /// Read payments as a bank statement by a profile: tinkoff, sber, vtb, alfa, or [profiles.NAME] in the config file (incoming rows only)
        #[arg(long, value_name = "NAME")]
        profile: Option<String>,
        /// Payments: import incoming rows only; outgoing, zero, failed and other-currency rows are skipped and counted (columns status, currency, outgoing, operation may be mapped with --map)
        #[arg(long)]
        incoming_only: bool,
        /// The sheet of an .xlsx or .xls file to read [default: the first]
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Read the file in this encoding [default: UTF-8, UTF-16 with a BOM, or whichever of cp1251, cp866 and koi8-r reads as Russian]
        #[arg(long, value_enum, value_name = "ENCODING")]
        encoding: Option<FileEncoding>,
        /// How the file writes dates, strftime-style: e.g. %d.%m.%y or %m/%d/%Y (%y is 20YY) [default: YYYY-MM-DD, DD.MM.YYYY, DD.MM.YY, and D/M/YYYY or M/D/YYYY as each column shows]
        #[arg(long, value_name = "PATTERN", value_parser = date_format_arg)]
        date_format: Option<DateFormat>,
    },
    /// Export records as CSV (what import reads back)
    #[command(
        after_help = "Examples:\n  folio export touchpoints --out touchpoints.csv\n  folio export payments --excel --out payments.csv   opens in Excel by double-click\n  folio export clients --lang ru --out clients.csv    headers and words in Russian"
    )]
    Export {
        #[arg(value_enum)]
        kind: RecordKind,
        /// Write to this file instead of standard output (`-`: standard output)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace an existing file, or write to the file a symbolic link points to (never a database)
        #[arg(long, requires = "out")]
        force: bool,
        /// For Excel in a Russian locale: UTF-8 with a BOM, `;`, decimal comma, DD.MM.YYYY (import reads it back)
        #[arg(long)]
        excel: bool,
    },
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
    Report {
        /// The month [default: the current one]
        #[arg(long, value_parser = month_arg)]
        month: Option<Month>,
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        /// Write to this file instead of standard output (`-`: standard output)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace an existing file, or write to the file a symbolic link points to (never a database)
        #[arg(long, requires = "out")]
        force: bool,
    },
    /// Generate a synthetic portfolio for benchmarks (refuses a file holding data)
    #[command(
        after_help = "Example:\n  folio gen --db /tmp/l.db --clients 10000 --touchpoints 1000000 --months 120"
    )]
    Gen {
        #[arg(long, default_value_t = 50)]
        clients: u32,
        #[arg(long, default_value_t = 5_000)]
        touchpoints: u64,
        #[arg(long, default_value_t = 24, value_parser = clap::value_parser!(u32).range(1..=600))]
        months: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Print the portfolio summary for the month
    #[command(after_help = "Example:\n  folio summary --today 2026-11-23")]
    Summary,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Json,
    Text,
}

/// A file's text encoding (`import --encoding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FileEncoding {
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(name = "cp1251", alias = "windows-1251")]
    Cp1251,
    #[value(name = "cp866")]
    Cp866,
    #[value(name = "koi8-r", alias = "koi8r")]
    Koi8R,
    /// Little-endian unless the file starts with a big-endian BOM
    #[value(name = "utf-16", alias = "utf16")]
    Utf16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RecordKind {
    Clients,
    Touchpoints,
    Agreements,
    Payments,
}

#[derive(Debug, Subcommand)]
pub enum ClientCmd {
    /// Add a client
    #[command(
        after_help = "Example:\n  folio client add \"ООО Ромашка\" --tier gold --cadence 14 --since 01.03.2025"
    )]
    Add {
        name: String,
        #[arg(long, value_parser = tier_arg, default_value = "potential")]
        tier: Tier,
        /// Agreed contact cadence in days
        #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=3660))]
        cadence: Option<u32>,
        /// Start of the relationship [default: today]
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        since: Option<NaiveDate>,
        /// Preferred channel (phone, telegram, email...)
        #[arg(long)]
        channel: Option<String>,
        /// Business goal agreed at onboarding
        #[arg(long)]
        goal: Option<String>,
        #[arg(long)]
        notes: Option<String>,
        /// The client's ИНН (10 or 12 digits, check digits verified)
        #[arg(long)]
        inn: Option<String>,
    },
    /// List clients with their signals
    #[command(after_help = "Example:\n  folio client list --tier gold --json")]
    List {
        #[arg(long, value_parser = tier_arg)]
        tier: Option<Tier>,
        #[arg(long, value_parser = status_arg)]
        status: Option<Status>,
        #[arg(long)]
        json: bool,
    },
    /// Show everything about one client
    #[command(after_help = "Example:\n  folio client show \"ооо ромашка\"")]
    Show {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Edit a client's details
    #[command(
        after_help = "Example:\n  folio client edit Acme --cadence 7 --goal \"+20% leads by Q2\""
    )]
    Edit {
        name: String,
        /// New name
        #[arg(long = "name", value_name = "NEW_NAME")]
        new_name: Option<String>,
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        since: Option<NaiveDate>,
        #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=3660), conflicts_with = "no_cadence")]
        cadence: Option<u32>,
        /// Remove the contact cadence
        #[arg(long)]
        no_cadence: bool,
        #[arg(long)]
        channel: Option<String>,
        #[arg(long)]
        goal: Option<String>,
        #[arg(long)]
        notes: Option<String>,
        /// The client's ИНН (10 or 12 digits, check digits verified): an
        /// import matches a statement's rows by it
        #[arg(long, conflicts_with = "no_inn")]
        inn: Option<String>,
        /// Remove the client's ИНН
        #[arg(long)]
        no_inn: bool,
    },
    /// Move a client to another tier, with the reason
    #[command(
        after_help = "Example:\n  folio client tier Acme toxic --reason \"Ignores agreements, endless revisions\""
    )]
    Tier {
        name: String,
        #[arg(value_parser = tier_arg)]
        tier: Tier,
        #[arg(long, allow_hyphen_values = true)]
        reason: String,
        /// Date of the decision [default: today]
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        on: Option<NaiveDate>,
    },
    /// Change a client's status (active, paused, churned), with the reason
    #[command(
        after_help = "Example:\n  folio client status Acme churned --reason \"Closed the business (objective)\""
    )]
    Status {
        name: String,
        #[arg(value_parser = status_arg)]
        status: Status,
        #[arg(long, allow_hyphen_values = true)]
        reason: String,
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        on: Option<NaiveDate>,
    },
    /// Delete a client and all its records (needs --force when it has history)
    #[command(after_help = "Example:\n  folio client delete \"Test client\" --force")]
    Delete {
        name: String,
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

#[derive(Debug, Subcommand)]
pub enum AliasCmd {
    /// Add a name the client is written by: an import matches it (ignoring
    /// case, quotes and the legal form: ООО, ИП, АО, ПАО, ЗАО)
    #[command(after_help = "Example:\n  folio client alias add \"ООО Ромашка\" \"Romashka LLC\"")]
    Add { name: String, alias: String },
    /// List a client's aliases
    #[command(after_help = "Example:\n  folio client alias list \"ООО Ромашка\" --json")]
    List {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Remove one of a client's aliases
    #[command(
        after_help = "Example:\n  folio client alias delete \"ООО Ромашка\" \"Romashka LLC\""
    )]
    Delete { name: String, alias: String },
}

#[derive(Debug, Subcommand)]
pub enum ContactCmd {
    /// Add a contact person
    #[command(
        after_help = "Example:\n  folio client contact add Acme --person \"Anna Petrova\" --role CMO --decision-maker --birthday 14.02.1985"
    )]
    Add {
        name: String,
        #[arg(long)]
        person: String,
        #[arg(long)]
        role: Option<String>,
        #[arg(long)]
        decision_maker: bool,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        birthday: Option<NaiveDate>,
    },
    /// List a client's contacts
    #[command(after_help = "Example:\n  folio client contact list Acme")]
    List {
        name: String,
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
    Edit {
        id: i64,
        /// Move the contact to this client
        #[arg(long)]
        client: Option<String>,
        #[arg(long)]
        person: Option<String>,
        #[arg(long, conflicts_with = "no_role")]
        role: Option<String>,
        #[arg(long)]
        no_role: bool,
        #[arg(long, conflicts_with = "no_decision_maker")]
        decision_maker: bool,
        #[arg(long)]
        no_decision_maker: bool,
        #[arg(long, conflicts_with = "no_phone")]
        phone: Option<String>,
        #[arg(long)]
        no_phone: bool,
        #[arg(long, conflicts_with = "no_email")]
        email: Option<String>,
        #[arg(long)]
        no_email: bool,
        #[arg(long, value_name = "DATE", value_parser = date_arg, conflicts_with = "no_birthday")]
        birthday: Option<NaiveDate>,
        #[arg(long)]
        no_birthday: bool,
    },
    /// Delete a contact by id
    #[command(after_help = "Example:\n  folio client contact delete 3")]
    Delete { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum TouchCmd {
    /// Log a touchpoint
    #[command(
        after_help = "Example:\n  folio touch add Acme --kind call --summary \"Budget for Q1\" --minutes 25 --next \"Send proposal\" --next-due 2026-11-30"
    )]
    Add {
        client: String,
        #[arg(long, value_parser = kind_arg)]
        kind: TouchKind,
        #[arg(long, allow_hyphen_values = true)]
        summary: String,
        /// When it happened [default: today]
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        at: Option<NaiveDate>,
        #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=44640))]
        minutes: u32,
        /// The next step agreed
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        next: Option<String>,
        #[arg(long, value_name = "DATE", value_parser = date_arg, requires = "next")]
        next_due: Option<NaiveDate>,
    },
    /// List touchpoints, newest first
    #[command(after_help = "Example:\n  folio touch list --client Acme --limit 20")]
    List {
        #[arg(long)]
        client: Option<String>,
        /// At most this many (0: all)
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// Change a touchpoint: only the fields given
    #[command(
        after_help = "Example:\n  folio touch edit 42 --minutes 45 --next \"Send the revised proposal\" --next-due 2026-12-04",
        group(clap::ArgGroup::new("change").required(true).multiple(true)
            .args(["client", "kind", "summary", "at", "minutes", "next", "no_next", "next_due", "no_next_due"]))
    )]
    Edit {
        id: i64,
        /// Move it to this client
        #[arg(long)]
        client: Option<String>,
        #[arg(long, value_parser = kind_arg)]
        kind: Option<TouchKind>,
        #[arg(long, allow_hyphen_values = true)]
        summary: Option<String>,
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        at: Option<NaiveDate>,
        #[arg(long, value_parser = clap::value_parser!(u32).range(0..=44640))]
        minutes: Option<u32>,
        /// The next step agreed
        #[arg(
            long,
            value_name = "TEXT",
            allow_hyphen_values = true,
            conflicts_with = "no_next"
        )]
        next: Option<String>,
        /// Remove the next step (and its due date)
        #[arg(long)]
        no_next: bool,
        #[arg(long, value_name = "DATE", value_parser = date_arg, conflicts_with_all = ["no_next", "no_next_due"])]
        next_due: Option<NaiveDate>,
        /// Remove the next step's due date
        #[arg(long)]
        no_next_due: bool,
    },
    /// Delete a touchpoint by id
    #[command(after_help = "Example:\n  folio touch delete 42")]
    Delete { id: i64 },
}

#[derive(Debug, Clone, Copy, Args)]
#[group(required = true, multiple = false)]
pub struct CloseAs {
    #[arg(long)]
    pub kept: bool,
    #[arg(long)]
    pub broken: bool,
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
    Add {
        client: String,
        #[arg(long, allow_hyphen_values = true)]
        text: String,
        #[arg(long, value_parser = owner_arg)]
        owner: Owner,
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        due: Option<NaiveDate>,
        /// When it was agreed [default: today]
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        on: Option<NaiveDate>,
    },
    /// Close an agreement as kept, broken or cancelled
    #[command(after_help = "Example:\n  folio agree close 12 --kept")]
    Close {
        id: i64,
        #[command(flatten)]
        close: CloseAs,
        /// Date it was closed [default: today]
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        on: Option<NaiveDate>,
    },
    /// List agreements: open first, by due date
    #[command(after_help = "Example:\n  folio agree list --open --json")]
    List {
        #[arg(long)]
        open: bool,
        #[arg(long)]
        client: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Change an agreement: only the fields given (close it with `agree close`)
    #[command(
        after_help = "Example:\n  folio agree edit 12 --due 2026-12-05 --text \"Send the media plan for Q1\"",
        group(clap::ArgGroup::new("change").required(true).multiple(true)
            .args(["client", "text", "owner", "due", "no_due", "on"]))
    )]
    Edit {
        id: i64,
        /// Move it to this client
        #[arg(long)]
        client: Option<String>,
        #[arg(long, allow_hyphen_values = true)]
        text: Option<String>,
        #[arg(long, value_parser = owner_arg)]
        owner: Option<Owner>,
        #[arg(long, value_name = "DATE", value_parser = date_arg, conflicts_with = "no_due")]
        due: Option<NaiveDate>,
        /// Remove the due date
        #[arg(long)]
        no_due: bool,
        /// When it was agreed
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        on: Option<NaiveDate>,
    },
    /// Delete an agreement by id
    #[command(after_help = "Example:\n  folio agree delete 12")]
    Delete { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum PlanCmd {
    /// Set the month's target
    #[command(after_help = "Example:\n  folio plan set 2026-11 \"1 500 000\"")]
    Set {
        #[arg(value_parser = month_arg)]
        month: Month,
        #[arg(value_parser = amount_arg, allow_hyphen_values = true)]
        amount: Money,
    },
    /// Show the month's figures: target, received, outstanding, overdue, forecast
    #[command(after_help = "Example:\n  folio plan show --month 2026-11 --json")]
    Show {
        #[arg(long, value_parser = month_arg)]
        month: Option<Month>,
        #[arg(long)]
        json: bool,
    },
    /// Target vs received for the last months
    #[command(after_help = "Example:\n  folio plan history --months 12")]
    History {
        #[arg(long, default_value_t = 12, value_parser = clap::value_parser!(u32).range(1..=240))]
        months: u32,
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
    Add {
        client: String,
        #[arg(long, value_parser = month_arg)]
        month: Month,
        #[arg(long, value_parser = positive_amount_arg, allow_hyphen_values = true)]
        amount: Money,
        /// Due date [default: the last day of the month]
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        due: Option<NaiveDate>,
    },
    /// List expected payments with what is still owed
    #[command(after_help = "Example:\n  folio invoice list --month 2026-11")]
    List {
        #[arg(long)]
        client: Option<String>,
        #[arg(long, value_parser = month_arg)]
        month: Option<Month>,
        #[arg(long)]
        json: bool,
    },
    /// Change an expected payment: only the fields given
    #[command(
        after_help = "Example:\n  folio invoice edit 7 --amount \"300 000\" --due 15.11.2026",
        group(clap::ArgGroup::new("change").required(true).multiple(true)
            .args(["client", "month", "amount", "due"]))
    )]
    Edit {
        id: i64,
        /// Move it to this client
        #[arg(long)]
        client: Option<String>,
        #[arg(long, value_parser = month_arg)]
        month: Option<Month>,
        #[arg(long, value_parser = positive_amount_arg, allow_hyphen_values = true)]
        amount: Option<Money>,
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        due: Option<NaiveDate>,
    },
    /// Delete an expected payment by id
    #[command(after_help = "Example:\n  folio invoice delete 7")]
    Delete { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum PayCmd {
    /// Record a payment received
    #[command(
        after_help = "Example:\n  folio pay add Acme --on 2026-11-12 --amount \"1 250 000,50\" --note \"Invoice 118\""
    )]
    Add {
        client: String,
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        on: NaiveDate,
        #[arg(long, value_parser = positive_amount_arg, allow_hyphen_values = true)]
        amount: Money,
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        note: String,
    },
    /// List payments, newest first
    #[command(after_help = "Example:\n  folio pay list --client Acme")]
    List {
        #[arg(long)]
        client: Option<String>,
        #[arg(long, value_parser = month_arg)]
        month: Option<Month>,
        #[arg(long)]
        json: bool,
    },
    /// Change a payment received: only the fields given
    #[command(
        after_help = "Example:\n  folio pay edit 3 --on 2026-11-13 --note \"Invoice 118, second part\"",
        group(clap::ArgGroup::new("change").required(true).multiple(true)
            .args(["client", "on", "amount", "note"]))
    )]
    Edit {
        id: i64,
        /// Move it to this client
        #[arg(long)]
        client: Option<String>,
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        on: Option<NaiveDate>,
        #[arg(long, value_parser = positive_amount_arg, allow_hyphen_values = true)]
        amount: Option<Money>,
        #[arg(long, allow_hyphen_values = true)]
        note: Option<String>,
    },
    /// Delete a payment by id
    #[command(after_help = "Example:\n  folio pay delete 3")]
    Delete { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCmd {
    /// Set a setting: currency (the portfolio's), mouse on|off and lang
    /// ru|en|auto (yours, in folio's config file; $FOLIO_CONFIG names another)
    #[command(
        after_help = "Examples:\n  folio config set currency EUR\n  folio config set mouse off\n  folio config set lang ru"
    )]
    Set { key: ConfigKey, value: String },
    /// Show a setting
    #[command(after_help = "Examples:\n  folio config get currency\n  folio config get mouse")]
    Get { key: ConfigKey },
}

/// The languages of `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Ru,
    En,
}

impl From<Lang> for crate::format::Locale {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Ru => crate::format::Locale::Ru,
            Lang::En => crate::format::Locale::En,
        }
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
}
