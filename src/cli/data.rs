//! Whole-portfolio commands: import, export, backup, check, config,
//! completions, demo, summary.

use std::fmt::Display;
use std::io::IsTerminal;
use std::path::Path;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::CommandFactory;

use super::args::{Cli, ConfigCmd, ConfigKey, ExportArgs, ImportArgs, ReportArgs, ReportFormat};
use super::table::{Align, Table};
use super::{Session, say, sayln, shown};
use crate::domain::{Money, Month};
use crate::files::Out;
use crate::format::month_in_sentence as month_word;
use crate::format::{self, Locale, Noun};
use crate::io::InputError;
use crate::io::csv_export::Layout;
use crate::io::csv_import::ColumnMap;
use crate::io::profile::{self, Rules};
use crate::io::sheet::Format;
use crate::ops::import::{self, ImportOptions, Kind};
use crate::ops::preview::Preview;
use crate::ops::{self, views};
use crate::store::{Create, Store};

/// A spinner on stderr while slow work runs, only when a person is watching.
fn spinner(message: String) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner().with_message(message);
    bar.enable_steady_tick(std::time::Duration::from_millis(100));
    Some(bar)
}

/// `folio import`: the file read (a bank statement by `--profile` or
/// `--incoming-only`), checked and stored all or nothing.
pub fn import(s: &mut Session, args: ImportArgs) -> Result<String> {
    let loc = s.locale;
    let dry_run = args.dry_run;
    let opts = ImportOptions {
        dry_run,
        create_clients: args.create_clients,
        allow_duplicates: args.allow_duplicates,
        today: s.today,
    };
    let profile = args.profile.as_deref();
    let as_statement = profile.is_some() || args.incoming_only;
    let kind = args.kind;
    if as_statement && !matches!(kind, Kind::Payments) {
        bail!(say(loc, "cli-import-statement-only", &[]));
    }
    let columns: &[&str] = match kind {
        Kind::Clients => &crate::io::csv_export::CLIENT_COLUMNS,
        Kind::Touchpoints => &crate::io::csv_export::TOUCHPOINT_COLUMNS,
        Kind::Agreements => &crate::io::csv_export::AGREEMENT_COLUMNS,
        Kind::Payments if as_statement => &profile::STATEMENT_COLUMNS,
        Kind::Payments => &crate::io::csv_export::PAYMENT_COLUMNS,
    };
    let map =
        ColumnMap::parse(args.map.as_deref().unwrap_or_default(), columns).context("--map")?;
    let (mut map, rules) = match profile {
        Some(name) => {
            let profile = profile::find(name, crate::config::path().ok().as_deref())?;
            let map = profile.column_map(&map).map_err(|e| {
                let e = crate::format::errors::explain_error(loc, &e);
                anyhow::anyhow!(say(
                    loc,
                    "cli-profile-error",
                    &[("profile", &name), ("error", &e)],
                ))
            })?;
            (map, Some(profile.rules()))
        }
        None if args.incoming_only => (map, Some(Rules::default())),
        None => (map, None),
    };
    map.encoding = args.encoding;
    // A date format given wins over the profile's.
    map.date_format = args
        .date_format
        .or_else(|| rules.as_ref().and_then(|r| r.date_format.clone()));
    let file = &args.file;
    let name = if crate::io::is_stdin(file) {
        say(loc, "cli-standard-input", &[])
    } else {
        shown(file)
    };
    let bytes = match crate::io::read_input(file, crate::io::MAX_INPUT_BYTES) {
        Ok(bytes) => bytes,
        Err(InputError::TooLarge { limit }) => bail!(say(
            loc,
            "cli-input-too-large",
            &[("file", &name), ("limit", &crate::io::size_shown(limit)),],
        )),
        Err(InputError::Io(e)) => {
            return Err(e).with_context(|| say(loc, "cli-cannot-read", &[("file", &name)]));
        }
    };
    // A spreadsheet (by its first bytes) is read as the CSV text of one sheet.
    let sheet = match Format::of(&bytes) {
        Some(format) => Some(
            crate::io::sheet::read(&bytes, format, args.sheet.as_deref())
                .with_context(|| say(loc, "cli-cannot-read-sheet", &[("file", &name)]))?,
        ),
        None if args.sheet.is_some() => {
            bail!(say(loc, "cli-not-a-sheet", &[("file", &name)]))
        }
        None => None,
    };
    let bytes = sheet.as_ref().map_or(&bytes[..], |s| &s.csv[..]);
    // A bar on a terminal: the lines of the file written so far.
    let bar = std::io::stderr().is_terminal().then(|| {
        indicatif::ProgressBar::new(0).with_style(
            indicatif::ProgressStyle::with_template(&format!(
                "{} {{wide_bar}} {{percent:>3}}%",
                say(loc, "cli-importing", &[])
            ))
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        )
    });
    let mut show = |p: import::Progress| {
        if let Some(bar) = &bar {
            bar.set_length(p.total);
            bar.set_position(p.lines.min(p.total));
        }
    };
    let result = import::import_statement(
        &mut s.store,
        kind,
        bytes,
        opts,
        &map,
        rules.as_ref(),
        &mut show,
    );
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    // In a sheet, the reader's lines are said as the sheet's rows.
    let result = result.map_err(|e| match (e, &sheet) {
        (ops::OpError::Import(e), Some(sheet)) => anyhow::Error::new(sheet.in_sheet(e)),
        (e, _) => anyhow::Error::new(e),
    });
    let summary = result.with_context(|| match profile {
        Some(profile) => say(
            loc,
            "cli-import-failed-profile",
            &[("file", &name), ("profile", &profile)],
        ),
        None => say(loc, "cli-import-failed", &[("file", &name)]),
    })?;
    let noun = noun_of(summary.kind);
    let mut out = sayln(
        loc,
        if dry_run {
            "cli-import-would"
        } else {
            "cli-import-done"
        },
        &[
            ("rows", &format::count(loc, summary.rows, noun)),
            ("file", &name),
        ],
    );
    if let Some(sheet) = &sheet {
        out.push_str(&sayln(
            loc,
            "cli-import-sheet",
            &[("sheet", &crate::domain::text::escape(&sheet.sheet))],
        ));
    }
    if summary.onec {
        out.push_str(&sayln(loc, "cli-import-onec", &[]));
    }
    for skipped in &summary.skipped {
        out.push_str(&skipped.said(loc));
        out.push('\n');
    }
    if summary.already_there > 0 {
        out.push_str(&sayln(
            loc,
            "cli-import-already-there",
            &[(
                "rows",
                &format::count(loc, summary.already_there, Noun::Row),
            )],
        ));
    }
    if summary.header_line > 1 {
        let (id, above, noun) = match &sheet {
            Some(sheet) => (
                "cli-import-header-row",
                sheet.row_of(summary.header_line),
                Noun::Row,
            ),
            None => ("cli-import-header-line", summary.header_line, Noun::Line),
        };
        let skipped = format::count(loc, above.saturating_sub(1), noun);
        out.push_str(&sayln(loc, id, &[("at", &above), ("skipped", &skipped)]));
    }
    if !summary.created_clients.is_empty() {
        let clients = format::count(loc, summary.created_clients.len(), Noun::NewClient);
        out.push_str(&sayln(
            loc,
            if dry_run {
                "cli-import-would-create"
            } else {
                "cli-import-created"
            },
            &[
                ("clients", &clients),
                ("names", &summary.created_clients.join(", ")),
            ],
        ));
    }
    if let Some(preview) = &summary.preview {
        out.push_str(&preview_text(loc, preview));
    }
    if dry_run {
        out.push_str(&sayln(loc, "cli-import-dry-run", &[]));
    }
    Ok(out)
}

/// A dry run's rows: counts (and sums) by client and month, then the first
/// rows as they would be stored.
fn preview_text(loc: Locale, preview: &Preview) -> String {
    let mut out = String::new();
    if !preview.by_client_month.is_empty() {
        let sums = preview.by_client_month.iter().any(|g| g.sum.is_some());
        let mut columns = vec![
            ("cli-col-client", Align::Left),
            ("cli-col-month", Align::Left),
            ("cli-col-rows", Align::Right),
        ];
        if sums {
            columns.push(("cli-col-sum", Align::Right));
        }
        let mut t = Table::headed(loc, &columns);
        let (mut rows, mut total) = (0, Money::ZERO);
        for g in &preview.by_client_month {
            rows += g.rows;
            total = total.plus(g.sum.unwrap_or_default());
            let month = super::month_cell(loc, g.month);
            let mut cells = vec![g.client.clone(), month, g.rows.to_string()];
            if let Some(sum) = g.sum {
                cells.push(format::money(loc, sum));
            }
            t.row(cells);
        }
        let mut cells = vec![say(loc, "cli-total", &[]), String::new(), rows.to_string()];
        if sums {
            cells.push(format::money(loc, total));
        }
        t.row(cells);
        out.push('\n');
        out.push_str(&sayln(loc, "cli-preview-by-client-month", &[]));
        out.push_str(&t.render());
    }
    if !preview.first_rows.is_empty() {
        let columns: Vec<(&str, Align)> = preview
            .columns
            .iter()
            .map(|&c| {
                let numeric = matches!(c, "amount" | "minutes" | "cadence_days");
                let header = match loc {
                    Locale::En => c,
                    Locale::Ru => crate::io::csv_import::russian_header(c),
                };
                (header, if numeric { Align::Right } else { Align::Left })
            })
            .collect();
        let mut t = Table::new(&columns);
        for row in &preview.first_rows {
            t.row(
                row.iter()
                    .zip(preview.columns.iter())
                    .map(|(cell, column)| preview_cell(loc, column, cell))
                    .collect(),
            );
        }
        out.push('\n');
        out.push_str(&match preview.first_rows.len() {
            1 => sayln(loc, "cli-preview-the-row", &[]),
            n => sayln(
                loc,
                "cli-preview-first-rows",
                &[("rows", &format::count(loc, n, Noun::Row))],
            ),
        });
        out.push_str(&t.render());
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// A preview's cell (as an export in English writes it) in `loc`: in
/// Russian the words of tiers, kinds, owners and statuses, dates and
/// amounts as Russian writes them; the rest as it is.
fn preview_cell(loc: Locale, column: &str, cell: &str) -> String {
    if loc == Locale::En {
        return cell.to_string();
    }
    match column {
        "tier" | "kind" | "owner" | "status" => crate::domain::model::russian_word(cell)
            .map_or_else(|| cell.to_string(), str::to_string),
        "date" | "since" | "due" | "next_due" | "closed_on" => {
            NaiveDate::parse_from_str(cell, "%Y-%m-%d")
                .map_or_else(|_| cell.to_string(), |d| format::date(loc, d))
        }
        "amount" => Money::parse(cell).map_or_else(|_| cell.to_string(), |m| format::money(loc, m)),
        _ => cell.to_string(),
    }
}

/// What a record of `kind` is called in counts ("1 payment", "2 payments").
fn noun_of(kind: Kind) -> Noun {
    match kind {
        Kind::Clients => Noun::Client,
        Kind::Touchpoints => Noun::Touchpoint,
        Kind::Agreements => Noun::Agreement,
        Kind::Payments => Noun::Payment,
    }
}

/// Where `--out FILE` (with `--force` or not) may write, by the one rule
/// for every file folio writes ([`crate::files`]); no `--out` is stdout.
fn out_file(s: &Session, path: Option<&Path>, force: bool) -> Result<Out> {
    match path {
        Some(path) => Ok(Out::resolve(path, force, Some(&s.path))?),
        None => Ok(Out::Stdout),
    }
}

/// What a command that wrote `out` says: message `id` with the file named,
/// or nothing when it wrote standard output (what it wrote is the output).
fn said_written(loc: Locale, out: &Out, id: &str, args: &[(&str, &dyn Display)]) -> String {
    if *out == Out::Stdout {
        return String::new();
    }
    let file = shown(out.path());
    let mut args = args.to_vec();
    args.push(("file", &file));
    sayln(loc, id, &args)
}

/// `folio export`: the records of one kind as CSV in `lang`, to stdout or a file.
pub fn export(s: &mut Session, args: ExportArgs, lang: Locale) -> Result<String> {
    let layout = if args.excel {
        Layout::Excel
    } else {
        Layout::Plain
    };
    let kind = args.kind;
    let out = out_file(s, args.out.as_deref(), args.force)?;
    let loc = s.locale;
    let progress = spinner(say(loc, "cli-exporting", &[]));
    let mut n = 0;
    let result = out.write(|w| {
        n = import::export(&mut s.store, kind, layout, lang, w).map_err(std::io::Error::other)?;
        Ok(())
    });
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    result?;
    let rows = format::count(loc, n, noun_of(kind));
    Ok(said_written(loc, &out, "cli-exported", &[("rows", &rows)]))
}

/// `folio report`: the briefing as Markdown, JSON or text, to stdout or a file.
pub fn report(s: &mut Session, args: ReportArgs) -> Result<String> {
    let loc = s.locale;
    let out = out_file(s, args.out.as_deref(), args.force)?;
    let month = args.month.unwrap_or(Month::of(s.today));
    let briefing = &views::briefing(&mut s.store, month, s.today)?;
    let text = match args.format {
        // The JSON is English whatever the language: scripts read it.
        ReportFormat::Md => Some(crate::io::report::markdown_in(loc, briefing)),
        ReportFormat::Text => Some(crate::io::report::text_in(loc, briefing)),
        ReportFormat::Json => None,
    };
    out.write(|w| match &text {
        Some(text) => w.write_all(text.as_bytes()),
        // Megabytes for a large portfolio: written as produced, not held.
        None => crate::io::report::write_json(briefing, w),
    })?;
    let month = month_word(loc, month);
    Ok(said_written(
        loc,
        &out,
        "cli-report-written",
        &[("month", &month)],
    ))
}

pub fn backup(s: &mut Session, out: Option<&Path>, force: bool) -> Result<String> {
    let loc = s.locale;
    let dest = match out {
        Some(p) => p.to_path_buf(),
        None => {
            // The default name never collides: a second backup on one day
            // is `.backup-YYYYMMDD-2`.
            let suffix = format!(".backup-{}", s.today.format("%Y%m%d"));
            crate::files::unused_name(&crate::files::beside(&s.path, &suffix))
        }
    };
    let out = out_file(s, Some(&dest), force)?;
    s.store
        .backup_into(&out)
        .with_context(|| say(loc, "cli-backup-failed", &[("file", &shown(&dest))]))?;
    let db = shown(&s.path);
    Ok(said_written(loc, &out, "cli-backup-done", &[("db", &db)]))
}

pub fn check(s: &mut Session) -> Result<String> {
    let loc = s.locale;
    let problems = s.store.check().map_err(ops::OpError::from)?;
    if problems.is_empty() {
        return Ok(sayln(loc, "cli-check-ok", &[("db", &shown(&s.path))]));
    }
    let count = format::count(loc, problems.len(), Noun::Problem);
    bail!(
        "{}:\n  {}",
        say(
            loc,
            "cli-check-problems",
            &[("db", &shown(&s.path)), ("problems", &count)],
        ),
        problems.join("\n  ")
    )
}

pub fn config(s: &mut Session, cmd: ConfigCmd) -> Result<String> {
    if let Some(result) = personal_config(s.locale, &cmd) {
        return result;
    }
    match cmd {
        ConfigCmd::Set {
            key: ConfigKey::Currency,
            value,
        } => {
            let code = ops::set_currency(&mut s.store, &value)?;
            Ok(format!("currency = {code}\n"))
        }
        ConfigCmd::Get {
            key: ConfigKey::Currency,
        } => Ok(format!("{}\n", ops::currency(&s.store)?)),
        ConfigCmd::Set { .. } | ConfigCmd::Get { .. } => {
            bail!(say(s.locale, "cli-config-no-such-setting", &[]))
        }
    }
}

/// A setting in the person's config file (`mouse`), or `None` when the
/// command is about the portfolio's: run before any database is opened.
pub fn personal_config(loc: Locale, cmd: &ConfigCmd) -> Option<Result<String>> {
    use crate::config;
    let run = |key: config::Key| -> Result<String> {
        let path = config::path()?;
        let value = match cmd {
            ConfigCmd::Set { value, .. } => config::set(&path, key, value)?,
            ConfigCmd::Get { .. } => config::get(&path, key)?,
        };
        Ok(match cmd {
            ConfigCmd::Set { .. } => sayln(
                loc,
                "cli-config-set",
                &[
                    ("key", &key.name()),
                    ("value", &value),
                    ("file", &path.display()),
                ],
            ),
            ConfigCmd::Get { .. } => format!("{value}\n"),
        })
    };
    match cmd {
        ConfigCmd::Set { key, .. } | ConfigCmd::Get { key } => key.personal().map(run),
    }
}

pub fn completions(shell: clap_complete::Shell) -> String {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "folio", &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// `folio demo --db PATH`: write the demo into PATH, refusing a file with data.
pub fn demo(cli: &Cli, today: NaiveDate) -> Result<String> {
    let loc = cli.locale;
    let Some(path) = &cli.db else {
        bail!(say(loc, "cli-demo-where", &[]));
    };
    let (mut store, _) = Store::open(path, Create::FileOnly)?;
    if !store.is_empty().map_err(ops::OpError::from)? {
        bail!(say(loc, "cli-demo-not-empty", &[("file", &shown(path))]));
    }
    let n = ops::demo::load(&mut store, today)?;
    Ok(sayln(
        loc,
        "cli-demo-written",
        &[
            ("clients", &format::count(loc, n, Noun::Client)),
            ("today", &format::date(loc, today)),
            ("file", &shown(path)),
        ],
    ))
}

/// `folio gen --db PATH`: a synthetic portfolio for benchmarks.
pub fn synth(cli: &Cli, size: crate::ops::synth::GenSize, today: NaiveDate) -> Result<String> {
    let Some(path) = &cli.db else {
        bail!(say(cli.locale, "cli-gen-where", &[]));
    };
    let (mut store, _) = Store::open(path, Create::FileOnly)?;
    let bar = std::io::stderr().is_terminal().then(|| {
        let b = indicatif::ProgressBar::new(100);
        b.set_message(say(cli.locale, "cli-generating", &[]));
        b
    });
    let started = std::time::Instant::now();
    let counts = crate::ops::synth::generate(&mut store, size, today, &mut |pct| {
        if let Some(b) = &bar {
            b.set_position(pct);
        }
    })?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let loc = cli.locale;
    let count = |n: u64, noun| format::count(loc, n, noun);
    let seconds = format!("{:.1}", started.elapsed().as_secs_f64());
    Ok(sayln(
        loc,
        "cli-gen-done",
        &[
            ("clients", &count(counts.clients, Noun::Client)),
            ("touchpoints", &count(counts.touchpoints, Noun::Touchpoint)),
            ("agreements", &count(counts.agreements, Noun::Agreement)),
            ("invoices", &count(counts.invoices, Noun::Invoice)),
            ("payments", &count(counts.payments, Noun::Payment)),
            ("months", &size.months),
            ("seconds", &seconds),
            ("file", &shown(path)),
        ],
    ))
}

/// The portfolio at a glance: the month's figures and who needs attention.
pub fn summary(s: &mut Session) -> Result<String> {
    let loc = s.locale;
    let month = Month::of(s.today);
    let view = views::month_view(&mut s.store, month, s.today)?;
    let p = views::portfolio(&mut s.store, s.today)?;
    let f = &view.plan.figures;
    let money = |m| format::money(loc, m);
    let mut out = sayln(
        loc,
        if s.demo {
            "cli-summary-title-demo"
        } else {
            "cli-summary-title"
        },
        &[
            ("db", &shown(&s.path)),
            ("month", &month_word(loc, month)),
            ("today", &format::date(loc, s.today)),
        ],
    );
    out.push('\n');
    if p.clients.is_empty() {
        out.push_str(&sayln(loc, "cli-summary-no-clients", &[]));
        return Ok(out);
    }
    let target = f.target.map(money).unwrap_or_default();
    out.push_str(&sayln(
        loc,
        if f.target.is_some() {
            "cli-summary-plan"
        } else {
            "cli-summary-plan-no-target"
        },
        &[
            ("received", &money(f.received)),
            ("target", &target),
            ("currency", &format::currency_sign(loc, &view.currency)),
            ("attainment", &format::percent_or_dash(loc, f.attainment_bp)),
            ("forecast", &money(f.forecast)),
            ("outstanding", &money(f.outstanding)),
            ("overdue", &money(f.overdue)),
        ],
    ));
    let overdue = format::money_in(loc, p.overdue_receivables, &view.currency);
    out.push_str(&sayln(
        loc,
        "cli-summary-receivables",
        &[("overdue", &overdue)],
    ));
    let counts: Vec<String> = crate::domain::Tier::ALL
        .iter()
        .map(|t| {
            say(
                loc,
                "cli-summary-tier-count",
                &[
                    ("n", &p.by_tier(*t).count()),
                    ("tier", &format::words::tier(loc, *t)),
                ],
            )
        })
        .collect();
    out.push_str(&sayln(
        loc,
        "cli-summary-clients",
        &[("counts", &counts.join(", "))],
    ));
    if let Some(share) = p.concentration.largest_share_bp {
        let clients = format::count(loc, p.concentration.clients_for_80pct, Noun::Client);
        out.push_str(&sayln(
            loc,
            "cli-summary-concentration",
            &[
                ("share", &format::percent(loc, share)),
                ("clients", &clients),
            ],
        ));
    }
    let mut attention: Vec<String> = Vec::new();
    for c in &p.clients {
        if c.client.status != crate::domain::Status::Active {
            continue;
        }
        // The same reasons, in the same words, as the briefing gives.
        let reasons = crate::domain::briefing::overdue_reasons(c);
        for reason in &reasons {
            attention.push(format!(
                "{} ({}): {}",
                c.client.name,
                format::words::tier_of_one(loc, c.client.tier),
                format::reason(loc, reason)
            ));
        }
    }
    if !attention.is_empty() {
        out.push('\n');
        out.push_str(&sayln(loc, "cli-summary-attention", &[]));
        for a in attention {
            out.push_str(&format!("  - {a}\n"));
        }
    }
    Ok(out)
}
