//! Whole-portfolio commands: import, export, backup, check, config,
//! completions, demo, summary.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::CommandFactory;

use super::args::{Cli, ConfigCmd, ConfigKey, FileEncoding, RecordKind, ReportFormat};
use super::table::{Align, Table};
use super::{LOC, Session, shown};
use crate::domain::signals::NeglectState;
use crate::domain::time::DateFormat;
use crate::domain::{Money, Month};
use crate::files::Out;
use crate::format::{self, Locale, Noun};
use crate::io::InputError;
use crate::io::csv_export::Layout;
use crate::io::csv_import::ColumnMap;
use crate::io::decode::Encoding;
use crate::io::profile::{self, Rules};
use crate::io::sheet::Format;
use crate::ops::import::{self, ImportOptions, Kind};
use crate::ops::preview::Preview;
use crate::ops::{self, views};
use crate::store::{Create, Store};

fn kind(k: RecordKind) -> Kind {
    match k {
        RecordKind::Clients => Kind::Clients,
        RecordKind::Touchpoints => Kind::Touchpoints,
        RecordKind::Agreements => Kind::Agreements,
        RecordKind::Payments => Kind::Payments,
    }
}

/// A spinner on stderr while slow work runs, only when a person is watching.
fn spinner(message: &'static str) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner().with_message(message);
    bar.enable_steady_tick(std::time::Duration::from_millis(100));
    Some(bar)
}

/// How `import payments` reads a bank statement: by a named profile, or
/// keeping incoming rows only (`--incoming-only`).
#[derive(Debug, Clone, Default)]
pub struct Statement<'a> {
    pub profile: Option<&'a str>,
    pub incoming_only: bool,
    /// The sheet of an .xlsx or .xls file (`--sheet`; default the first).
    pub sheet: Option<&'a str>,
    /// `--encoding`: the file's, when its bytes cannot tell.
    pub encoding: Option<FileEncoding>,
    /// `--date-format`: how the file writes dates (else the profile's).
    pub date_format: Option<DateFormat>,
}

pub fn import(
    s: &mut Session,
    k: RecordKind,
    file: &Path,
    opts: ImportOptions,
    map: Option<&str>,
    statement: Statement,
) -> Result<String> {
    let dry_run = opts.dry_run;
    let as_statement = statement.profile.is_some() || statement.incoming_only;
    if as_statement && !matches!(k, RecordKind::Payments) {
        bail!(
            "--profile and --incoming-only read bank statements: use them with `import payments`"
        );
    }
    let columns: &[&str] = match k {
        RecordKind::Clients => &crate::io::csv_export::CLIENT_COLUMNS,
        RecordKind::Touchpoints => &crate::io::csv_export::TOUCHPOINT_COLUMNS,
        RecordKind::Agreements => &crate::io::csv_export::AGREEMENT_COLUMNS,
        RecordKind::Payments if as_statement => &profile::STATEMENT_COLUMNS,
        RecordKind::Payments => &crate::io::csv_export::PAYMENT_COLUMNS,
    };
    let map = ColumnMap::parse(map.unwrap_or_default(), columns)
        .map_err(|e| anyhow::anyhow!("--map: {e}"))?;
    let (mut map, rules) = match statement.profile {
        Some(name) => {
            let profile = profile::find(name, profile::config_path().as_deref())?;
            let map = profile
                .column_map(&map)
                .map_err(|e| anyhow::anyhow!("profile '{name}': {e}"))?;
            (map, Some(profile.rules()))
        }
        None if statement.incoming_only => (map, Some(Rules::default())),
        None => (map, None),
    };
    map.encoding = statement.encoding.map(|e| match e {
        FileEncoding::Utf8 => Encoding::Utf8,
        FileEncoding::Cp1251 => Encoding::Cp1251,
        FileEncoding::Cp866 => Encoding::Cp866,
        FileEncoding::Koi8R => Encoding::Koi8R,
        FileEncoding::Utf16 => Encoding::Utf16,
    });
    // A date format given wins over the profile's.
    map.date_format = statement
        .date_format
        .clone()
        .or_else(|| rules.as_ref().and_then(|r| r.date_format.clone()));
    let name = if crate::io::is_stdin(file) {
        "standard input".to_string()
    } else {
        shown(file)
    };
    let bytes = match crate::io::read_input(file, crate::io::MAX_INPUT_BYTES) {
        Ok(bytes) => bytes,
        Err(e @ InputError::TooLarge { .. }) => bail!("{name} is {e}"),
        Err(InputError::Io(e)) => return Err(e).with_context(|| format!("cannot read {name}")),
    };
    // A spreadsheet (by its first bytes) is read as the CSV text of one sheet.
    let sheet = match Format::of(&bytes) {
        Some(format) => Some(
            crate::io::sheet::read(&bytes, format, statement.sheet)
                .with_context(|| format!("cannot read {name}; nothing was written"))?,
        ),
        None if statement.sheet.is_some() => {
            bail!("{name} is not an .xlsx or .xls spreadsheet; --sheet is for those")
        }
        None => None,
    };
    let bytes = sheet.as_ref().map_or(&bytes[..], |s| &s.csv[..]);
    // A bar on a terminal: the lines of the file written so far.
    let bar = std::io::stderr().is_terminal().then(|| {
        indicatif::ProgressBar::new(0).with_style(
            indicatif::ProgressStyle::with_template("importing {wide_bar} {percent:>3}%")
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
        kind(k),
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
    let summary = result.with_context(|| match statement.profile {
        Some(profile) => {
            format!("import of {name} with profile '{profile}' failed; nothing was written")
        }
        None => format!("import of {name} failed; nothing was written"),
    })?;
    let noun = noun_of(summary.kind);
    let mut out = format!(
        "{} {} from {}\n",
        if dry_run { "Would import" } else { "Imported" },
        format::count(LOC, summary.rows, noun),
        name
    );
    if let Some(sheet) = &sheet {
        out.push_str(&format!(
            "Read sheet '{}'.\n",
            crate::domain::text::escape(&sheet.sheet)
        ));
    }
    if summary.onec {
        out.push_str("Read as a 1C client-bank exchange file: incoming documents only.\n");
    }
    for skipped in &summary.skipped {
        out.push_str(&format!("{skipped}\n"));
    }
    if summary.already_there > 0 {
        out.push_str(&format!(
            "Left out {} already in the portfolio (--allow-duplicates imports them again).\n",
            format::count(LOC, summary.already_there, Noun::Row)
        ));
    }
    if summary.header_line > 1 {
        let (where_, above, noun) = match &sheet {
            Some(sheet) => ("row", sheet.row_of(summary.header_line), Noun::Row),
            None => ("line", summary.header_line, Noun::Line),
        };
        out.push_str(&format!(
            "The header is on {where_} {above}: skipped {} above it.\n",
            format::count(LOC, above.saturating_sub(1), noun)
        ));
    }
    if !summary.created_clients.is_empty() {
        out.push_str(&format!(
            "{} {}: {}\n",
            if dry_run { "Would create" } else { "Created" },
            format::count(LOC, summary.created_clients.len(), Noun::NewClient),
            summary.created_clients.join(", ")
        ));
    }
    if let Some(preview) = &summary.preview {
        out.push_str(&preview_text(preview));
    }
    if dry_run {
        out.push_str("Dry run: nothing was written.\n");
    }
    Ok(out)
}

/// A dry run's rows: counts (and sums) by client and month, then the first
/// rows as they would be stored.
fn preview_text(preview: &Preview) -> String {
    let mut out = String::new();
    if !preview.by_client_month.is_empty() {
        let sums = preview.by_client_month.iter().any(|g| g.sum.is_some());
        let mut columns = vec![
            ("Client", Align::Left),
            ("Month", Align::Left),
            ("Rows", Align::Right),
        ];
        if sums {
            columns.push(("Sum", Align::Right));
        }
        let mut t = Table::new(&columns);
        let (mut rows, mut total) = (0, Money::ZERO);
        for g in &preview.by_client_month {
            rows += g.rows;
            total = total.plus(g.sum.unwrap_or_default());
            let mut cells = vec![g.client.clone(), g.month.to_string(), g.rows.to_string()];
            if let Some(sum) = g.sum {
                cells.push(format::money(LOC, sum));
            }
            t.row(cells);
        }
        let mut cells = vec!["Total".to_string(), String::new(), rows.to_string()];
        if sums {
            cells.push(format::money(LOC, total));
        }
        t.row(cells);
        out.push_str("\nBy client and month:\n");
        out.push_str(&t.render());
    }
    if !preview.first_rows.is_empty() {
        let columns: Vec<(&str, Align)> = preview
            .columns
            .iter()
            .map(|&c| {
                let numeric = matches!(c, "amount" | "minutes" | "cadence_days");
                (c, if numeric { Align::Right } else { Align::Left })
            })
            .collect();
        let mut t = Table::new(&columns);
        for row in &preview.first_rows {
            t.row(row.clone());
        }
        out.push_str(&match preview.first_rows.len() {
            1 => "\nThe row as it would be stored:\n".to_string(),
            n => format!(
                "\nThe first {} as they would be stored:\n",
                format::count(LOC, n, Noun::Row)
            ),
        });
        out.push_str(&t.render());
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
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
/// for every file folio writes ([`crate::files`]).
fn out_file(s: &Session, path: &Path, force: bool) -> Result<Out> {
    Ok(Out::resolve(path, force, Some(&s.path))?)
}

pub fn export(
    s: &mut Session,
    k: RecordKind,
    out: Option<&Path>,
    force: bool,
    excel: bool,
    lang: Locale,
) -> Result<String> {
    let layout = if excel { Layout::Excel } else { Layout::Plain };
    let out = match out {
        Some(path) => out_file(s, path, force)?,
        None => Out::Stdout,
    };
    let progress = spinner("exporting…");
    let mut n = 0;
    let result = out.write(|w| {
        n = import::export(&mut s.store, kind(k), layout, lang, w)
            .map_err(std::io::Error::other)?;
        Ok(())
    });
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    result?;
    Ok(match out {
        Out::Stdout => String::new(),
        _ => format!(
            "Exported {} to {}\n",
            format::count(LOC, n, noun_of(kind(k))),
            shown(out.path())
        ),
    })
}

/// `folio report`: the briefing as Markdown, JSON or text, to stdout or a file.
pub fn report(
    s: &mut Session,
    locale: Locale,
    month: Option<Month>,
    format: ReportFormat,
    out: Option<&Path>,
    force: bool,
) -> Result<String> {
    let out = match out {
        Some(path) => out_file(s, path, force)?,
        None => Out::Stdout,
    };
    let month = month.unwrap_or(Month::of(s.today));
    let briefing = views::briefing(&mut s.store, month, s.today)?;
    write_report(&briefing, locale, month, format, &out)
}

fn write_report(
    briefing: &crate::domain::briefing::Briefing,
    locale: Locale,
    month: Month,
    format: ReportFormat,
    out: &Out,
) -> Result<String> {
    let text = match format {
        // The JSON is English whatever the language: scripts read it.
        ReportFormat::Md => Some(crate::io::report::markdown_in(locale, briefing)),
        ReportFormat::Text => Some(crate::io::report::text_in(locale, briefing)),
        ReportFormat::Json => None,
    };
    let done = out.write(|w| match &text {
        Some(text) => w.write_all(text.as_bytes()),
        // Megabytes for a large portfolio: written as produced, not held.
        None => crate::io::report::write_json(briefing, w),
    });
    done?;
    Ok(match out {
        Out::Stdout => String::new(),
        _ => format!("Wrote the {month} briefing to {}\n", shown(out.path())),
    })
}

pub fn backup(s: &mut Session, out: Option<&Path>, force: bool) -> Result<String> {
    let dest = match out {
        Some(p) => p.to_path_buf(),
        None => {
            // The default name never collides: a second backup on one day
            // is `.backup-YYYYMMDD-2`.
            let mut name = s.path.as_os_str().to_owned();
            name.push(format!(".backup-{}", s.today.format("%Y%m%d")));
            crate::files::unused_name(Path::new(&name))
        }
    };
    let out = out_file(s, &dest, force)?;
    s.store
        .backup_into(&out)
        .with_context(|| format!("cannot write the backup to {}", shown(&dest)))?;
    Ok(match out {
        Out::Stdout => String::new(),
        _ => format!("Backed up {} to {}\n", shown(&s.path), shown(out.path())),
    })
}

pub fn check(s: &mut Session) -> Result<String> {
    let problems = s.store.check().map_err(ops::OpError::from)?;
    if problems.is_empty() {
        return Ok(format!("{}: ok\n", shown(&s.path)));
    }
    bail!(
        "{} has {}:\n  {}",
        shown(&s.path),
        format::count(LOC, problems.len(), Noun::Problem),
        problems.join("\n  ")
    )
}

pub fn config(s: &mut Session, cmd: ConfigCmd) -> Result<String> {
    if let Some(result) = personal_config(&cmd) {
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
        ConfigCmd::Set { .. } | ConfigCmd::Get { .. } => bail!("no such portfolio setting"),
    }
}

/// A setting in the person's config file (`mouse`), or `None` when the
/// command is about the portfolio's: run before any database is opened.
pub fn personal_config(cmd: &ConfigCmd) -> Option<Result<String>> {
    use crate::config;
    let run = |key: config::Key| -> Result<String> {
        let path = config::path()?;
        let value = match cmd {
            ConfigCmd::Set { value, .. } => config::set(&path, key, value)?,
            ConfigCmd::Get { .. } => config::get(&path, key)?,
        };
        Ok(match cmd {
            ConfigCmd::Set { .. } => format!("{} = {value} (in {})\n", key.name(), path.display()),
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
    let Some(path) = &cli.db else {
        bail!("say where to write the demo: folio demo --db PATH (or try `folio --demo`)");
    };
    let (mut store, _) = Store::open(path, Create::FileOnly)?;
    if !store.is_empty().map_err(ops::OpError::from)? {
        bail!(
            "{} already holds a portfolio; the demo goes only into a new or empty file",
            shown(path)
        );
    }
    let n = ops::demo::load(&mut store, today)?;
    Ok(format!(
        "Wrote the demo portfolio ({n} clients, today {today}) to {}\n",
        shown(path)
    ))
}

/// `folio gen --db PATH`: a synthetic portfolio for benchmarks.
pub fn synth(cli: &Cli, size: crate::ops::synth::GenSize, today: NaiveDate) -> Result<String> {
    let Some(path) = &cli.db else {
        bail!("say where to write: folio gen --db PATH");
    };
    let (mut store, _) = Store::open(path, Create::FileOnly)?;
    let bar = std::io::stderr().is_terminal().then(|| {
        let b = indicatif::ProgressBar::new(100);
        b.set_message("generating");
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
    Ok(format!(
        "Generated {} clients, {} touchpoints, {} agreements, {} invoices, {} payments over {} months in {:.1} s into {}\n",
        counts.clients,
        counts.touchpoints,
        counts.agreements,
        counts.invoices,
        counts.payments,
        size.months,
        started.elapsed().as_secs_f64(),
        shown(path)
    ))
}

/// The portfolio at a glance: the month's figures and who needs attention.
pub fn summary(s: &mut Session) -> Result<String> {
    let month = Month::of(s.today);
    let view = views::month_view(&mut s.store, month, s.today)?;
    let p = views::portfolio(&mut s.store, s.today)?;
    let f = &view.plan.figures;
    let mut out = format!(
        "folio · {}{} · {month} · today {}\n\n",
        shown(&s.path),
        if s.demo { " (demo)" } else { "" },
        s.today
    );
    if p.clients.is_empty() {
        out.push_str(
            "No clients yet. Add one with `folio client add NAME`, or try `folio --demo`.\n",
        );
        return Ok(out);
    }
    out.push_str(&format!(
        "Plan: received {} of {} {} ({}), forecast {} · outstanding {}, overdue {}\n",
        format::money(LOC, f.received),
        f.target
            .map_or_else(|| "no target".into(), |t| format::money(LOC, t)),
        view.currency,
        format::percent_or_dash(LOC, f.attainment_bp),
        format::money(LOC, f.forecast),
        format::money(LOC, f.outstanding),
        format::money(LOC, f.overdue),
    ));
    out.push_str(&format!(
        "Receivables overdue (all months): {} {}\n",
        format::money(LOC, p.overdue_receivables),
        view.currency
    ));
    let tiers = [
        crate::domain::Tier::Gold,
        crate::domain::Tier::Potential,
        crate::domain::Tier::Toxic,
    ];
    let counts: Vec<String> = tiers
        .iter()
        .map(|t| format!("{} {}", p.by_tier(*t).count(), t))
        .collect();
    out.push_str(&format!("Clients: {}\n", counts.join(", ")));
    if let Some(share) = p.concentration.largest_share_bp {
        out.push_str(&format!(
            "Concentration: largest client {} of 12-month revenue; {} make 80%\n",
            format::percent(LOC, share),
            format::count(LOC, p.concentration.clients_for_80pct, Noun::Client)
        ));
    }
    let mut attention: Vec<String> = Vec::new();
    for c in &p.clients {
        if c.client.status != crate::domain::Status::Active {
            continue;
        }
        if c.neglect.state == NeglectState::Overdue {
            attention.push(format!(
                "{} ({}): no touchpoint for {} (cadence {})",
                c.client.name,
                c.client.tier,
                format::days(LOC, c.neglect.days_since.unwrap_or(0)),
                format::days(LOC, c.client.cadence_days.unwrap_or(0))
            ));
        }
        if c.agreements.overdue > 0 {
            attention.push(format!(
                "{}: {}",
                c.client.name,
                format::count(LOC, c.agreements.overdue, Noun::OverdueAgreement)
            ));
        }
    }
    if !attention.is_empty() {
        out.push_str("\nNeeds attention:\n");
        for a in attention {
            out.push_str(&format!("  - {a}\n"));
        }
    }
    Ok(out)
}
