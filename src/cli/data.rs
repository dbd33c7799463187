//! Whole-portfolio commands: import, export, backup, check, config,
//! completions, demo, summary.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::CommandFactory;

use super::args::{Cli, ConfigCmd, ConfigKey, FileEncoding, RecordKind, ReportFormat};
use super::{Session, shown};
use crate::domain::Month;
use crate::domain::money::format_bp;
use crate::domain::signals::NeglectState;
use crate::domain::time::DateFormat;
use crate::files::Out;
use crate::io::InputError;
use crate::io::csv_import::ColumnMap;
use crate::io::decode::Encoding;
use crate::ops::import::{self, ImportOptions, Kind};
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

pub fn import(
    s: &mut Session,
    k: RecordKind,
    file: &Path,
    opts: ImportOptions,
    map: Option<&str>,
    encoding: Option<FileEncoding>,
    date_format: Option<DateFormat>,
) -> Result<String> {
    let dry_run = opts.dry_run;
    let columns: &[&str] = match k {
        RecordKind::Clients => &crate::io::csv_export::CLIENT_COLUMNS,
        RecordKind::Touchpoints => &crate::io::csv_export::TOUCHPOINT_COLUMNS,
        RecordKind::Agreements => &crate::io::csv_export::AGREEMENT_COLUMNS,
        RecordKind::Payments => &crate::io::csv_export::PAYMENT_COLUMNS,
    };
    let mut map = ColumnMap::parse(map.unwrap_or_default(), columns)
        .map_err(|e| anyhow::anyhow!("--map: {e}"))?;
    map.encoding = encoding.map(|e| match e {
        FileEncoding::Utf8 => Encoding::Utf8,
        FileEncoding::Cp1251 => Encoding::Cp1251,
        FileEncoding::Cp866 => Encoding::Cp866,
        FileEncoding::Koi8R => Encoding::Koi8R,
        FileEncoding::Utf16 => Encoding::Utf16,
    });
    map.date_format = date_format;
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
    // A bar on a terminal: the lines of the file written so far.
    let bar = std::io::stderr().is_terminal().then(|| {
        indicatif::ProgressBar::new(0).with_style(
            indicatif::ProgressStyle::with_template("importing {wide_bar} {percent:>3}%")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        )
    });
    let result =
        import::import_with_progress(&mut s.store, kind(k), &bytes, opts, &map, &mut |p| {
            if let Some(bar) = &bar {
                bar.set_length(p.total);
                bar.set_position(p.lines.min(p.total));
            }
        });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let summary =
        result.with_context(|| format!("import of {name} failed; nothing was written"))?;
    let mut out = format!(
        "{} {} {} from {}\n",
        if dry_run { "Would import" } else { "Imported" },
        summary.rows,
        summary.kind.as_str(),
        name
    );
    if summary.already_there > 0 {
        out.push_str(&format!(
            "{} row(s) already in the portfolio were left out (--allow-duplicates imports them again).\n",
            summary.already_there
        ));
    }
    if summary.header_line > 1 {
        out.push_str(&format!(
            "The header is on line {}: the {} line(s) above it were skipped.\n",
            summary.header_line,
            summary.header_line - 1
        ));
    }
    if !summary.created_clients.is_empty() {
        out.push_str(&format!(
            "{} {} new client(s): {}\n",
            if dry_run { "Would create" } else { "Created" },
            summary.created_clients.len(),
            summary.created_clients.join(", ")
        ));
    }
    if dry_run {
        out.push_str("Dry run: nothing was written.\n");
    }
    Ok(out)
}

/// Where `--out FILE` (with `--force` or not) may write, by the one rule
/// for every file folio writes ([`crate::files`]).
fn out_file(s: &Session, path: &Path, force: bool) -> Result<Out> {
    Ok(Out::resolve(path, force, Some(&s.path))?)
}

pub fn export(s: &mut Session, k: RecordKind, out: Option<&Path>, force: bool) -> Result<String> {
    let out = match out {
        Some(path) => out_file(s, path, force)?,
        None => Out::Stdout,
    };
    let progress = spinner("exporting…");
    let mut n = 0;
    let result = out.write(|w| {
        n = import::export(&mut s.store, kind(k), w).map_err(std::io::Error::other)?;
        Ok(())
    });
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    result?;
    Ok(match out {
        Out::Stdout => String::new(),
        _ => format!(
            "Exported {n} {} to {}\n",
            kind(k).as_str(),
            shown(out.path())
        ),
    })
}

/// `folio report`: the briefing as Markdown, JSON or text, to stdout or a file.
pub fn report(
    s: &mut Session,
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
    write_report(&briefing, month, format, &out)
}

fn write_report(
    briefing: &crate::domain::briefing::Briefing,
    month: Month,
    format: ReportFormat,
    out: &Out,
) -> Result<String> {
    let text = match format {
        ReportFormat::Md => Some(crate::io::report::markdown(briefing)),
        ReportFormat::Text => Some(crate::io::report::text(briefing)),
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
        "{} has {} problem(s):\n  {}",
        shown(&s.path),
        problems.len(),
        problems.join("\n  ")
    )
}

pub fn config(s: &mut Session, cmd: ConfigCmd) -> Result<String> {
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
        f.received.to_human_short(),
        f.target
            .map(|t| t.to_human_short())
            .unwrap_or("no target".into()),
        view.currency,
        f.attainment_bp
            .map(|b| format!("{} %", format_bp(b)))
            .unwrap_or("-".into()),
        f.forecast.to_human_short(),
        f.outstanding.to_human_short(),
        f.overdue.to_human_short(),
    ));
    out.push_str(&format!(
        "Receivables overdue (all months): {} {}\n",
        p.overdue_receivables.to_human_short(),
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
            "Concentration: largest client {} % of 12-month revenue; {} client(s) make 80 %\n",
            format_bp(share),
            p.concentration.clients_for_80pct
        ));
    }
    let mut attention: Vec<String> = Vec::new();
    for c in &p.clients {
        if c.client.status != crate::domain::Status::Active {
            continue;
        }
        if c.neglect.state == NeglectState::Overdue {
            attention.push(format!(
                "{} ({}): no touchpoint for {} days (cadence {})",
                c.client.name,
                c.client.tier,
                c.neglect.days_since.unwrap_or(0),
                c.client.cadence_days.unwrap_or(0)
            ));
        }
        if c.agreements.overdue > 0 {
            attention.push(format!(
                "{}: {} overdue agreement(s)",
                c.client.name, c.agreements.overdue
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
