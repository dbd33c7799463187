//! CSV import and export as operations: parse the rows (io layer), resolve
//! clients and write everything in one transaction. Any bad row, in the file
//! or against the database, aborts the whole import and every bad row is
//! reported with its line number. Touchpoints, the one kind imported by the
//! million, are parsed on a second thread while the first rows are written.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::sync::mpsc::{Receiver, Sender};
use std::thread::ScopedJoinHandle;

use chrono::NaiveDate;
use serde::Serialize;

use super::{OpError, OpResult, validate_agreement, validate_touchpoint};
use crate::domain::text;
use crate::domain::{
    Agreement, AgreementStatus, Id, Lines, Money, NewAgreement, NewClient, NewPayment,
    NewTouchpoint, Owner, Payment, Status, Tier, TouchKind, Touchpoint, name_key,
};
use crate::io::csv_import::{self, ImportError, RowError};
use crate::store::log::KeyedTouchpoint;
use crate::store::{Store, clients, ledger, log};

/// Page cache for bulk writes (imports, gen): 64 MB at most. Bulk writes go
/// through a rollback journal, where pages spilled mid-transaction are
/// written once into the file; a larger cache measured no faster and held
/// up to 256 MB more.
pub const BULK_CACHE_KIB: i64 = 64 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Clients,
    Touchpoints,
    Agreements,
    Payments,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Clients => "clients",
            Kind::Touchpoints => "touchpoints",
            Kind::Agreements => "agreements",
            Kind::Payments => "payments",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    pub kind: Kind,
    pub rows: usize,
    pub created_clients: Vec<String>,
    pub dry_run: bool,
}

/// Options shared by every import.
#[derive(Debug, Clone, Copy)]
pub struct ImportOptions {
    pub dry_run: bool,
    pub create_clients: bool,
    pub today: NaiveDate,
}

/// Resolves client names to ids within the import's transaction, creating
/// missing clients when allowed, and collecting the rows it cannot resolve.
struct Resolver<'a> {
    conn: &'a rusqlite::Connection,
    /// Folded name -> id.
    known: HashMap<String, Id>,
    /// Names exactly as written in the file -> id: rows repeat their client,
    /// so most lookups skip folding.
    seen: HashMap<String, Id>,
    create: bool,
    created: Vec<String>,
    errors: Vec<RowError>,
}

impl<'a> Resolver<'a> {
    fn new(
        conn: &'a rusqlite::Connection,
        create: bool,
        parse_errors: Vec<RowError>,
    ) -> OpResult<Self> {
        let known = clients::list(conn)?
            .into_iter()
            .map(|c| (name_key(&c.name), c.id))
            .collect();
        Ok(Resolver {
            conn,
            known,
            create,
            seen: HashMap::new(),
            created: Vec::new(),
            errors: parse_errors,
        })
    }

    fn resolve(&mut self, line: u64, name: &str, since: NaiveDate) -> OpResult<Option<Id>> {
        if let Some(id) = self.seen.get(name) {
            return Ok(Some(*id));
        }
        // One line: a break or tab in the cell is a space, as `name_key`
        // and a created client's name take it; any other control character
        // is this row's error.
        let line_name = text::cell_as_line(name);
        if let Err(e) = text::single_line("client", &line_name) {
            self.row_error(line, e.into())?;
            return Ok(None);
        }
        let key = name_key(&line_name);
        if let Some(id) = self.known.get(&key).copied() {
            self.seen.insert(name.to_string(), id);
            return Ok(Some(id));
        }
        if !self.create {
            self.errors.push(RowError {
                line,
                message: format!(
                    "unknown client '{}' (add it first, or import with --create-clients)",
                    name.trim()
                ),
            });
            return Ok(None);
        }
        let client = NewClient {
            name: line_name.into_owned(),
            tier: Tier::Potential,
            status: Status::Active,
            since,
            cadence_days: None,
            channel: None,
            goal: None,
            notes: String::new(),
        };
        // Checked as `client add` checks it (a name of only invisible
        // characters is this row's error); new, as its key is not known.
        let client = match super::validate_new_client(&client) {
            Ok(client) => client,
            Err(e) => {
                self.row_error(line, e)?;
                return Ok(None);
            }
        };
        let created = super::insert_new_client(self.conn, &client)?;
        self.known.insert(key, created.id);
        self.created.push(created.name);
        Ok(Some(created.id))
    }

    fn row_error(&mut self, line: u64, e: OpError) -> OpResult<()> {
        match e {
            OpError::Invalid { .. } | OpError::DuplicateClient(_) => {
                self.errors.push(RowError {
                    line,
                    message: e.to_string(),
                });
                Ok(())
            }
            other => Err(other),
        }
    }

    fn finish(self, kind: Kind, rows: usize, dry_run: bool) -> OpResult<ImportSummary> {
        if self.errors.is_empty() {
            Ok(ImportSummary {
                kind,
                rows,
                created_clients: self.created,
                dry_run,
            })
        } else {
            let mut errors = self.errors;
            errors.sort_by_key(|e| e.line);
            Err(OpError::Import(ImportError::Rows(errors)))
        }
    }
}

pub fn import(
    store: &mut Store,
    kind: Kind,
    bytes: &[u8],
    opts: ImportOptions,
) -> OpResult<ImportSummary> {
    // A bulk write: keep the pages it touches in memory for its duration.
    store.set_cache_kib(BULK_CACHE_KIB)?;
    let result = match kind {
        Kind::Clients => import_clients(store, bytes, opts),
        Kind::Touchpoints => import_touchpoints(store, bytes, opts),
        Kind::Agreements => import_agreements(store, bytes, opts),
        Kind::Payments => import_payments(store, bytes, opts),
    };
    store.set_cache_kib(crate::store::DEFAULT_CACHE_KIB)?;
    result
}

fn import_clients(store: &mut Store, bytes: &[u8], opts: ImportOptions) -> OpResult<ImportSummary> {
    let parsed = csv_import::parse_clients(bytes)?;
    let rows = parsed.rows;
    store.write_or_rehearse(!opts.dry_run, |tx| {
        let mut r = Resolver::new(tx, false, parsed.errors)?;
        for row in &rows {
            // The same validation as `client add`.
            let client = super::validate_new_client(&NewClient {
                name: text::cell_as_line(&row.name).into_owned(),
                tier: row.tier.unwrap_or(Tier::Potential),
                status: Status::Active,
                since: row.since.unwrap_or(opts.today),
                cadence_days: row.cadence_days,
                channel: None,
                goal: None,
                notes: row.notes.clone().unwrap_or_default(),
            });
            // Duplicates against the names read once (as `client add`
            // compares them), not a look-up per row.
            let inserted = client.and_then(|c| match r.known.get(&name_key(&c.name)) {
                Some(_) => Err(OpError::DuplicateClient(c.name)),
                None => super::insert_new_client(tx, &c),
            });
            match inserted {
                Ok(c) => {
                    r.known.insert(name_key(&c.name), c.id);
                }
                Err(e) => r.row_error(row.line, e)?,
            }
        }
        r.finish(Kind::Clients, rows.len(), opts.dry_run)
    })
}

fn import_touchpoints(
    store: &mut Store,
    bytes: &[u8],
    opts: ImportOptions,
) -> OpResult<ImportSummary> {
    // Two threads: one parses the file and checks each row, handing them
    // over in batches; this one resolves clients and writes the rows as they
    // come (a large file costs about what writing it costs, not parsing plus
    // writing). What the parser allocated goes back to it to be freed:
    // freeing on another thread contends for the allocator's locks (glibc:
    // a sixth of the writer's time).
    std::thread::scope(|scope| {
        let (send, rows) = std::sync::mpsc::sync_channel(PARSED_AHEAD);
        let (give_back, given_back) = std::sync::mpsc::channel::<Garbage>();
        let today = opts.today;
        let parser = scope.spawn(move || {
            csv_import::parse_touchpoints_in_batches(bytes, PARSE_BATCH, |batch| {
                given_back.try_iter().for_each(drop);
                let ready: Vec<ReadyRow> = batch
                    .into_iter()
                    .map(|row| ReadyRow::new(row, today))
                    .collect();
                // A refusal means the writer gave up: stop parsing.
                match send.send(ready) {
                    Ok(()) => ControlFlow::Continue(()),
                    Err(_) => ControlFlow::Break(()),
                }
            })
        });
        // How to write depends on the size: read ahead until that is known.
        let mut head = Vec::new();
        let mut head_rows = 0;
        while head_rows < BULK_ROWS {
            let Ok(batch) = rows.recv() else { break };
            head_rows += batch.len();
            head.push(batch);
        }
        let bulk = head_rows >= BULK_ROWS;
        let mut parsed = Parsed {
            head: head.into_iter(),
            rest: rows,
            give_back,
            parser: Some(parser),
            errors: Vec::new(),
        };
        if !bulk {
            // The whole file is read: a broken one fails before any write.
            parsed.finish()?;
        }
        if bulk && !opts.dry_run {
            // Every row is typed and its client resolved here.
            return store.with_rollback_journal(|store| {
                store.with_typed_rows(|store| import_touchpoint_rows(store, parsed, opts, bulk))
            });
        }
        import_touchpoint_rows(store, parsed, opts, bulk)
    })
}

/// Rows parsed per batch handed to the writer.
const PARSE_BATCH: usize = 2048;
/// Batches the parser may run ahead of the writer.
const PARSED_AHEAD: usize = 64;

/// A touchpoint row made ready on the parser thread: its client as written
/// (resolved by the writer, in the transaction) and the touchpoint checked
/// as `touch add` checks it, with its search key, or why it is refused.
struct ReadyRow {
    line: u64,
    client: String,
    /// The client's id, once the writer has resolved it.
    client_id: Option<Id>,
    /// The date a client created for this row starts on.
    at: NaiveDate,
    touch: Option<OpResult<KeyedTouchpoint>>,
}

impl ReadyRow {
    fn new(row: csv_import::TouchpointRow, today: NaiveDate) -> Self {
        let at = row.date.unwrap_or(today);
        let t = NewTouchpoint {
            at,
            kind: row.kind.unwrap_or(TouchKind::Other),
            summary: row.summary.unwrap_or_default(),
            minutes: row.minutes.unwrap_or(0),
            next_step: row.next_step,
            next_due: row.next_due,
        };
        ReadyRow {
            line: row.line,
            client: row.client,
            client_id: None,
            at,
            touch: Some(validate_touchpoint(t).map(KeyedTouchpoint::new)),
        }
    }
}

/// What the writer is done with, back to the parser thread to be freed.
type Garbage = Box<dyn Send>;

/// Touchpoint rows as the parser thread hands them over: the batches read
/// ahead, then the rest as they come; then the parse's outcome.
struct Parsed<'scope> {
    head: std::vec::IntoIter<Vec<ReadyRow>>,
    rest: Receiver<Vec<ReadyRow>>,
    give_back: Sender<Garbage>,
    parser: Option<ScopedJoinHandle<'scope, Result<Vec<RowError>, ImportError>>>,
    /// The parser's bad rows, once it has finished.
    errors: Vec<RowError>,
}

impl Parsed<'_> {
    fn next_batch(&mut self) -> Option<Vec<ReadyRow>> {
        self.head.next().or_else(|| self.rest.recv().ok())
    }

    /// Free `garbage` on the parser thread (here if it has finished).
    fn give_back(&self, garbage: Garbage) {
        let _ = self.give_back.send(garbage);
    }

    /// Wait for the parser and keep the bad rows it found; fail if the file
    /// as a whole cannot be read. Later calls change nothing.
    fn finish(&mut self) -> OpResult<()> {
        if let Some(parser) = self.parser.take() {
            let outcome = parser
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            self.errors = outcome?;
        }
        Ok(())
    }
}

fn import_touchpoint_rows(
    store: &mut Store,
    mut parsed: Parsed,
    opts: ImportOptions,
    bulk: bool,
) -> OpResult<ImportSummary> {
    store.write_or_rehearse(!opts.dry_run, |tx| {
        let mut r = Resolver::new(tx, opts.create_clients, Vec::new())?;
        let mut n = 0;
        let mut load = |r: &mut Resolver| -> OpResult<()> {
            while let Some(mut rows) = parsed.next_batch() {
                n += rows.len();
                for row in &mut rows {
                    // The client first: an unknown one is the row's error.
                    row.client_id = r.resolve(row.line, &row.client, row.at)?;
                    if row.client_id.is_some()
                        && let Some(Err(e)) = row.touch.take_if(|t| t.is_err())
                    {
                        r.row_error(row.line, e)?;
                    }
                }
                let ready: Vec<(Id, &KeyedTouchpoint)> = rows
                    .iter()
                    .filter_map(|row| Some((row.client_id?, row.touch.as_ref()?.as_ref().ok()?)))
                    .collect();
                log::insert_touchpoints(tx, &ready)?;
                drop(ready);
                parsed.give_back(Box::new(rows));
            }
            // A file broken further down fails the whole import here.
            parsed.finish()?;
            r.errors.append(&mut parsed.errors);
            Ok(())
        };
        // Large loads rebuild the log's indexes and derived totals once
        // instead of updating them row by row.
        if bulk {
            crate::store::bulk_load(tx, &["touchpoints"], || load(&mut r))?;
        } else {
            load(&mut r)?;
        }
        r.finish(Kind::Touchpoints, n, opts.dry_run)
    })
}

/// Imports at least this big drop and rebuild secondary indexes.
pub const BULK_ROWS: usize = 50_000;

fn import_agreements(
    store: &mut Store,
    bytes: &[u8],
    opts: ImportOptions,
) -> OpResult<ImportSummary> {
    let parsed = csv_import::parse_agreements(bytes)?;
    let rows = parsed.rows;
    store.write_or_rehearse(!opts.dry_run, |tx| {
        let mut r = Resolver::new(tx, opts.create_clients, parsed.errors)?;
        for row in &rows {
            let made_on = row.date.unwrap_or(opts.today);
            let Some(client_id) = r.resolve(row.line, &row.client, made_on)? else {
                continue;
            };
            let a = NewAgreement {
                made_on,
                text: row.text.clone().unwrap_or_default(),
                owner: row.owner.unwrap_or(Owner::Us),
                due: row.due,
                status: row.status.unwrap_or(AgreementStatus::Open),
                closed_on: row.closed_on,
            };
            match validate_agreement(&a) {
                Ok(a) => {
                    log::insert_agreement(tx, client_id, &a)?;
                }
                Err(e) => r.row_error(row.line, e)?,
            }
        }
        r.finish(Kind::Agreements, rows.len(), opts.dry_run)
    })
}

fn import_payments(
    store: &mut Store,
    bytes: &[u8],
    opts: ImportOptions,
) -> OpResult<ImportSummary> {
    let parsed = csv_import::parse_payments(bytes)?;
    let rows = parsed.rows;
    store.write_or_rehearse(!opts.dry_run, |tx| {
        let mut r = Resolver::new(tx, opts.create_clients, parsed.errors)?;
        let mut totals: HashMap<Id, Money> = HashMap::new();
        for row in &rows {
            let Some(client_id) = r.resolve(row.line, &row.client, row.date)? else {
                continue;
            };
            let note = super::optional_text("note", Lines::Many, row.note.as_deref());
            let p = match note {
                Ok(note) => NewPayment {
                    on: row.date,
                    amount: row.amount,
                    note: note.unwrap_or_default(),
                },
                Err(e) => {
                    r.row_error(row.line, e)?;
                    continue;
                }
            };
            // Keep each client's running total within range: an overflow is
            // this row's error, not a database failure without a line.
            let total = match totals.get(&client_id) {
                Some(t) => *t,
                None => clients::totals(tx, client_id)?.0,
            };
            match super::check_total(total, p.amount, "amount") {
                Ok(t) => {
                    totals.insert(client_id, t);
                    ledger::insert_payment(tx, client_id, &p)?;
                }
                Err(e) => r.row_error(row.line, e)?,
            }
        }
        r.finish(Kind::Payments, rows.len(), opts.dry_run)
    })
}

/// Write one kind of record as CSV (what import reads back).
pub fn export<W: std::io::Write>(store: &mut Store, kind: Kind, out: W) -> OpResult<usize> {
    use crate::io::csv_export;
    let fail = |e: csv::Error| super::invalid("export", e.to_string());
    store.read(|tx| {
        let all = clients::list(tx)?;
        let names: HashMap<Id, String> = all.iter().map(|c| (c.id, c.name.clone())).collect();
        let name = |id: Id| names.get(&id).cloned().unwrap_or_default();
        match kind {
            Kind::Clients => {
                csv_export::write_clients(out, &all).map_err(fail)?;
                Ok(all.len())
            }
            Kind::Touchpoints => {
                let mut rows: Vec<(String, Touchpoint)> = log::touchpoints(tx, None, -1, 0)?
                    .into_iter()
                    .map(|t| (name(t.client_id), t))
                    .collect();
                rows.reverse(); // oldest first reads naturally in a spreadsheet
                csv_export::write_touchpoints(out, &rows).map_err(fail)?;
                Ok(rows.len())
            }
            Kind::Agreements => {
                let mut rows: Vec<(String, Agreement)> = log::agreements(tx, None, false)?
                    .into_iter()
                    .map(|a| (name(a.client_id), a))
                    .collect();
                rows.sort_by_key(|(_, a)| (a.made_on, a.id));
                csv_export::write_agreements(out, &rows).map_err(fail)?;
                Ok(rows.len())
            }
            Kind::Payments => {
                let mut rows: Vec<(String, Payment)> = ledger::payments(tx, None)?
                    .into_iter()
                    .map(|p| (name(p.client_id), p))
                    .collect();
                rows.reverse();
                csv_export::write_payments(out, &rows).map_err(fail)?;
                Ok(rows.len())
            }
        }
    })
}
