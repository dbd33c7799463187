//! CSV import and export as operations: parse the rows (io layer), resolve
//! clients and write everything in one transaction. Any bad row, in the file
//! or against the database, aborts the whole import and every bad row is
//! reported with its line number. Touchpoints, the one kind imported by the
//! million, are read and written a batch at a time.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::ControlFlow;

use chrono::NaiveDate;
use serde::Serialize;

use super::counterparties::{self, Counterparties, Match};
use super::{OpError, OpResult, validate_agreement, validate_touchpoint};
use crate::domain::text;
use crate::domain::{
    Agreement, AgreementStatus, Id, Lines, Money, NewAgreement, NewClient, NewPayment,
    NewTouchpoint, Owner, Payment, Status, Tier, TouchKind, Touchpoint, name_key,
};
use crate::io::csv_export::Layout;
use crate::io::csv_import::{self, ColumnMap, ImportError, RowError};
use crate::io::onec;
use crate::io::profile::{Rules, Skipped};
use crate::store::{Db, Store, clients, ledger, log, since};

use super::preview::{self, Preview};

/// Page cache for bulk writes (imports, gen): a million rows touch the
/// log's indexes all over, and pages kept in memory are not written and
/// read back during the transaction.
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
    /// The kind as the command line and the JSON name it.
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
    /// Rows left out because the portfolio holds them already (re-imports
    /// of payments, agreements and touchpoints).
    pub already_there: usize,
    /// The line the file's header was found on: the lines above it (a
    /// title block, or blank) were skipped.
    pub header_line: u64,
    /// Statement rows left out (outgoing, zero, failed, other currencies),
    /// by reason with their sums: payments read with a profile, with
    /// `--incoming-only`, or from a 1C exchange file.
    pub skipped: Vec<Skipped>,
    /// The file was 1C's client-bank exchange file.
    pub onec: bool,
    /// A dry run's rows as they would be stored (none for a real import).
    pub preview: Option<Preview>,
}

/// Options shared by every import.
#[derive(Debug, Clone, Copy)]
pub struct ImportOptions {
    pub dry_run: bool,
    pub create_clients: bool,
    pub today: NaiveDate,
    /// Import rows the portfolio already holds again (off: a re-import
    /// adds only what is new).
    pub allow_duplicates: bool,
}

/// A client as a row names it (a break or tab in the cell is a space), a
/// potential and active one until the row says more.
fn new_client(name: &str, since: NaiveDate) -> NewClient {
    NewClient {
        name: text::cell_as_line(name).into_owned(),
        tier: Tier::Potential,
        status: Status::Active,
        since,
        cadence_days: None,
        channel: None,
        goal: None,
        notes: String::new(),
    }
}

/// Resolves client names to ids within the import's transaction, creating
/// missing clients when allowed, and collecting the rows it cannot resolve.
/// A row is matched by its ИНН first, then by its name exactly, then by its
/// name or an alias with legal forms, quotes, case and spacing left out
/// (see [`Counterparties`]); a name that could be two clients is the row's
/// error.
struct Resolver<'a> {
    db: &'a Db,
    /// Folded name -> id.
    known: HashMap<String, Id>,
    /// By ИНН, and by name or alias as banks write them.
    counterparties: Counterparties,
    /// Names exactly as written in the file -> id: rows repeat their client,
    /// so most lookups skip folding.
    seen: HashMap<String, Id>,
    create: bool,
    created: Vec<String>,
    errors: Vec<RowError>,
}

impl<'a> Resolver<'a> {
    fn new(db: &'a Db, create: bool, parse_errors: Vec<RowError>) -> OpResult<Self> {
        let all = clients::list(db)?;
        let counterparties = Counterparties::read(db, &all)?;
        let known = all.into_iter().map(|c| (name_key(&c.name), c.id)).collect();
        Ok(Resolver {
            db,
            known,
            counterparties,
            create,
            seen: HashMap::new(),
            created: Vec::new(),
            errors: parse_errors,
        })
    }

    /// The client of a row written `name` (with an ИНН, checked by the
    /// reader, when the file has one); `None` when the row is in error.
    fn resolve(
        &mut self,
        line: u64,
        name: &str,
        inn: Option<&str>,
        since: NaiveDate,
    ) -> OpResult<Option<Id>> {
        if let Some(id) = inn.and_then(|inn| self.counterparties.by_inn(inn)) {
            return Ok(Some(id));
        }
        let found = match self.seen.get(name) {
            Some(id) => Match::Client(*id),
            None => {
                // One line: a break or tab in the cell is a space, as
                // `name_key` and a created client's name take it; any
                // other control character is this row's error.
                let line_name = text::cell_as_line(name);
                if let Err(e) = text::single_line("client", &line_name) {
                    self.row_error(line, e.into())?;
                    return Ok(None);
                }
                let found = match self.known.get(&name_key(&line_name)) {
                    Some(id) => Match::Client(*id),
                    None => self.counterparties.by_name(&line_name),
                };
                if let Match::Client(id) = found {
                    self.seen.insert(name.to_string(), id);
                }
                found
            }
        };
        let message = match found {
            Match::Client(id) => match (inn, self.counterparties.inn_of(id)) {
                (Some(inn), Some(theirs)) if inn != theirs => {
                    counterparties::other_inn(self.db, inn, id, theirs)?.into()
                }
                _ => return Ok(Some(id)),
            },
            Match::Ambiguous(a, b) => counterparties::ambiguous(self.db, name, a, b)?.into(),
            Match::Unknown if self.create => return self.create_client(line, name, inn, since),
            Match::Unknown => {
                csv_import::Problem::UnknownClient(text::escape(name.trim()).into_owned()).into()
            }
        };
        self.errors.push(RowError { line, message });
        Ok(None)
    }

    /// A client for a row that matches none, with the row's ИНН.
    fn create_client(
        &mut self,
        line: u64,
        name: &str,
        inn: Option<&str>,
        since: NaiveDate,
    ) -> OpResult<Option<Id>> {
        // Checked as `client add` checks it (a name of only invisible
        // characters is this row's error); new, as its key is not known.
        let client = match super::validate_new_client(&new_client(name, since)) {
            Ok(client) => client,
            Err(e) => {
                self.row_error(line, e)?;
                return Ok(None);
            }
        };
        let created = super::insert_new_client(self.db, &client)?;
        if let Some(inn) = inn {
            // New: the ИНН is no client's (those read, and those created).
            clients::set_inn(self.db, created.id, Some(inn))?;
        }
        self.known.insert(name_key(&created.name), created.id);
        self.counterparties.add(created.id, &created.name, inn);
        self.created.push(created.name);
        Ok(Some(created.id))
    }

    fn row_error(&mut self, line: u64, e: OpError) -> OpResult<()> {
        let problem = match e {
            OpError::Invalid { field, reason } => csv_import::Problem::Invalid {
                field: field.to_string(),
                reason: *reason,
            },
            OpError::DuplicateClient(name) => {
                csv_import::Problem::DuplicateClient(text::escape(&name).into_owned())
            }
            other => return Err(other),
        };
        self.errors.push(RowError {
            line,
            message: problem.into(),
        });
        Ok(())
    }

    fn finish(
        self,
        kind: Kind,
        rows: usize,
        dry_run: bool,
        header_line: u64,
    ) -> OpResult<ImportSummary> {
        if self.errors.is_empty() {
            Ok(ImportSummary {
                kind,
                rows,
                created_clients: self.created,
                dry_run,
                already_there: 0,
                header_line,
                skipped: Vec::new(),
                onec: false,
                preview: None,
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
    import_with_progress(store, kind, bytes, opts, &ColumnMap::default(), &mut |_| {})
}

/// How far an import has got: lines of the file read and written so far,
/// of about `total` (quoted cells may span lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub lines: u64,
    pub total: u64,
}

/// [`import`], telling `progress` how far it has got as it goes (the
/// touchpoints, the kind imported by the million, after each batch).
pub fn import_with_progress(
    store: &mut Store,
    kind: Kind,
    bytes: &[u8],
    opts: ImportOptions,
    map: &ColumnMap,
    progress: &mut dyn FnMut(Progress),
) -> OpResult<ImportSummary> {
    import_statement(store, kind, bytes, opts, map, None, progress)
}

/// [`import_with_progress`], payments read as a bank statement by `rules`
/// when given (a profile, `--incoming-only`): only incoming rows are
/// imported, the others counted in [`ImportSummary::skipped`]. A 1C
/// client-bank exchange file is read as one whatever the rules.
pub fn import_statement(
    store: &mut Store,
    kind: Kind,
    bytes: &[u8],
    opts: ImportOptions,
    map: &ColumnMap,
    rules: Option<&Rules>,
    progress: &mut dyn FnMut(Progress),
) -> OpResult<ImportSummary> {
    // A bulk write: keep the pages it touches in memory for its duration.
    store.set_cache_kib(BULK_CACHE_KIB)?;
    let result = match kind {
        Kind::Clients => import_clients(store, bytes, opts, map),
        Kind::Touchpoints => import_touchpoints(store, bytes, opts, map, progress),
        Kind::Agreements => import_agreements(store, bytes, opts, map),
        Kind::Payments => import_payments(store, bytes, opts, map, rules),
    };
    store.set_cache_kib(crate::store::DEFAULT_CACHE_KIB)?;
    result
}

fn import_clients(
    store: &mut Store,
    bytes: &[u8],
    opts: ImportOptions,
    map: &ColumnMap,
) -> OpResult<ImportSummary> {
    let parsed = csv_import::parse_clients(bytes, map)?;
    let rows = parsed.rows;
    let header_line = parsed.header_line;
    in_one_transaction(store, opts, |tx| {
        let mut r = Resolver::new(tx, false, parsed.errors)?;
        for row in &rows {
            // The same validation as `client add`.
            let client = super::validate_new_client(&NewClient {
                tier: row.tier.unwrap_or(Tier::Potential),
                cadence_days: row.cadence_days,
                notes: row.notes.clone().unwrap_or_default(),
                ..new_client(&row.name, row.since.unwrap_or(opts.today))
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
        r.finish(Kind::Clients, rows.len(), opts.dry_run, header_line)
    })
}

fn import_touchpoints(
    store: &mut Store,
    bytes: &[u8],
    opts: ImportOptions,
    map: &ColumnMap,
    progress: &mut dyn FnMut(Progress),
) -> OpResult<ImportSummary> {
    let total = bytes.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    // Read and written a batch at a time, so a million rows are never all
    // in memory; one transaction, so a bad row anywhere writes nothing.
    in_one_transaction(store, opts, |tx| {
        let mut r = Resolver::new(tx, opts.create_clients, Vec::new())?;
        let mut there = TouchesThere::new(opts.allow_duplicates);
        let mut n = 0;
        let mut failed = None;
        let bad_rows = csv_import::parse_touchpoints_in_batches(bytes, BATCH, map, |rows| {
            n += rows.len();
            let lines = rows.last().map_or(0, |row| row.line);
            match write_touchpoints(tx, &mut r, &mut there, rows, opts.today) {
                Ok(()) => {
                    progress(Progress { lines, total });
                    ControlFlow::Continue(())
                }
                Err(e) => {
                    failed = Some(e);
                    ControlFlow::Break(())
                }
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
        let read = bad_rows?;
        r.errors.extend(read.errors);
        let header_line = read.header_line;
        there
            .already
            .finish(r, Kind::Touchpoints, n, opts.dry_run, header_line)
    })
}

/// Rows parsed and written per batch of a touchpoint import.
const BATCH: usize = 4096;

/// Resolve each row's client, check the touchpoint as `touch add` does, and
/// write it unless it is already there; a bad row is kept as an error of
/// its line.
fn write_touchpoints(
    tx: &Db,
    r: &mut Resolver,
    there: &mut TouchesThere,
    rows: Vec<csv_import::TouchpointRow>,
    today: NaiveDate,
) -> OpResult<()> {
    for row in rows {
        let at = row.date.unwrap_or(today);
        // The client first: an unknown one is the row's error.
        let Some(client_id) = r.resolve(row.line, &row.client, None, at)? else {
            continue;
        };
        let touch = NewTouchpoint {
            at,
            kind: row.kind.unwrap_or(TouchKind::Other),
            summary: row.summary.unwrap_or_default(),
            minutes: row.minutes.unwrap_or(0),
            next_step: row.next_step,
            next_due: row.next_due,
        };
        match validate_touchpoint(touch) {
            Ok(t) => {
                if there.is_new(tx, client_id, &t)? {
                    log::insert_touchpoint(tx, client_id, &t)?;
                }
            }
            Err(e) => r.row_error(row.line, e)?,
        }
    }
    Ok(())
}

/// Re-import safety, counted as a multiset: a row is new only beyond as
/// many identical records as the portfolio held before the import, so
/// importing a statement twice adds nothing the second time, while two real
/// identical payments on one day both survive.
struct AlreadyThere<K> {
    /// Per key: the records like it the portfolio held before the import,
    /// and the rows like it read so far.
    keys: HashMap<K, Tally>,
    /// Rows left out.
    count: usize,
}

struct Tally {
    held: u32,
    read: u32,
}

impl<K: std::hash::Hash + Eq> AlreadyThere<K> {
    fn new() -> Self {
        AlreadyThere {
            keys: HashMap::new(),
            count: 0,
        }
    }

    /// Is this row (`key`) new? `held` counts the records like it in the
    /// portfolio; asked once per key, before the first of them is written.
    fn is_new(&mut self, key: K, held: impl FnOnce() -> OpResult<u32>) -> OpResult<bool> {
        let tally = match self.keys.entry(key) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => e.insert(Tally {
                held: held()?,
                read: 0,
            }),
        };
        tally.read += 1;
        let new = tally.read > tally.held;
        self.count += usize::from(!new);
        Ok(new)
    }

    /// The import's summary: of `rows` read, those already there left out.
    fn finish(
        self,
        r: Resolver,
        kind: Kind,
        rows: usize,
        dry_run: bool,
        header_line: u64,
    ) -> OpResult<ImportSummary> {
        let mut summary = r.finish(kind, rows - self.count, dry_run, header_line)?;
        summary.already_there = self.count;
        Ok(summary)
    }
}

/// [`AlreadyThere`] for a touchpoint import, where a million new rows must
/// cost next to nothing: a row is looked up (and remembered) only when its
/// client held touchpoints on its day before the import. Each client's days
/// are read once, when the import first meets the client, before any of
/// its rows is written.
struct TouchesThere {
    /// Import every row (`--allow-duplicates`): nothing is read.
    allow_duplicates: bool,
    /// Per client met so far: the days it held touchpoints on, in order.
    days: HashMap<Id, Vec<NaiveDate>>,
    /// Keyed by (client, day, kind, summary).
    already: AlreadyThere<(Id, NaiveDate, TouchKind, String)>,
}

impl TouchesThere {
    fn new(allow_duplicates: bool) -> Self {
        TouchesThere {
            allow_duplicates,
            days: HashMap::new(),
            already: AlreadyThere::new(),
        }
    }

    /// Is the client's touchpoint `t` new (to be written)?
    fn is_new(&mut self, tx: &Db, client_id: Id, t: &NewTouchpoint) -> OpResult<bool> {
        if self.allow_duplicates {
            return Ok(true);
        }
        let days = match self.days.entry(client_id) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => e.insert(log::touch_days_of(tx, client_id)?),
        };
        if days.binary_search(&t.at).is_err() {
            return Ok(true);
        }
        let key = (client_id, t.at, t.kind, t.summary.clone());
        self.already
            .is_new(key, || Ok(log::count_touchpoints_like(tx, client_id, t)?))
    }
}

fn import_agreements(
    store: &mut Store,
    bytes: &[u8],
    opts: ImportOptions,
    map: &ColumnMap,
) -> OpResult<ImportSummary> {
    let parsed = csv_import::parse_agreements(bytes, map)?;
    let rows = parsed.rows;
    let header_line = parsed.header_line;
    in_one_transaction(store, opts, |tx| {
        let mut r = Resolver::new(tx, opts.create_clients, parsed.errors)?;
        let mut already = AlreadyThere::new();
        for row in &rows {
            let made_on = row.date.unwrap_or(opts.today);
            let Some(client_id) = r.resolve(row.line, &row.client, None, made_on)? else {
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
                    let key = (client_id, a.made_on, a.text.clone());
                    if opts.allow_duplicates
                        || already
                            .is_new(key, || Ok(log::count_agreements_like(tx, client_id, &a)?))?
                    {
                        log::insert_agreement(tx, client_id, &a)?;
                    }
                }
                Err(e) => r.row_error(row.line, e)?,
            }
        }
        already.finish(r, Kind::Agreements, rows.len(), opts.dry_run, header_line)
    })
}

fn import_payments(
    store: &mut Store,
    bytes: &[u8],
    opts: ImportOptions,
    map: &ColumnMap,
    rules: Option<&Rules>,
) -> OpResult<ImportSummary> {
    let currency = super::currency(store)?;
    let onec = onec::is_exchange_file(bytes);
    let (parsed, skipped) = match rules {
        _ if onec => onec::parse_payments(bytes, &currency)?,
        Some(rules) => csv_import::parse_statement(bytes, &currency, map, rules)?,
        None => (
            csv_import::parse_payments(bytes, &currency, map)?,
            Vec::new(),
        ),
    };
    let rows = parsed.rows;
    let header_line = parsed.header_line;
    in_one_transaction(store, opts, |tx| {
        let mut r = Resolver::new(tx, opts.create_clients, parsed.errors)?;
        let mut totals: HashMap<Id, Money> = HashMap::new();
        let mut already = AlreadyThere::new();
        for row in &rows {
            let Some(client_id) = r.resolve(row.line, &row.client, row.inn.as_deref(), row.date)?
            else {
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
            let key = (client_id, p.on, p.amount, p.note.clone());
            if !opts.allow_duplicates
                && !already.is_new(key, || Ok(ledger::count_payments_like(tx, client_id, &p)?))?
            {
                continue;
            }
            match super::check_total(total, p.amount, "amount") {
                Ok(t) => {
                    totals.insert(client_id, t);
                    ledger::insert_payment(tx, client_id, &p)?;
                }
                Err(e) => r.row_error(row.line, e)?,
            }
        }
        let mut summary =
            already.finish(r, Kind::Payments, rows.len(), opts.dry_run, header_line)?;
        summary.skipped = skipped;
        summary.onec = onec;
        Ok(summary)
    })
}

/// Run `write` in the import's one transaction: committed, or for a dry
/// run rolled back once what it wrote is read back as the summary's
/// preview.
fn in_one_transaction(
    store: &mut Store,
    opts: ImportOptions,
    write: impl FnOnce(&Db) -> OpResult<ImportSummary>,
) -> OpResult<ImportSummary> {
    store.write_or_rehearse(!opts.dry_run, |tx| {
        let mark = if opts.dry_run {
            Some(since::mark(tx)?)
        } else {
            None
        };
        let mut summary = write(tx)?;
        if let Some(mark) = mark {
            summary.preview = Some(preview::written_since(tx, summary.kind, mark)?);
        }
        Ok(summary)
    })
}

/// Write one kind of record as CSV (what import reads back), laid out
/// for folio or for Excel, with headers and enum words in `locale`.
pub fn export<W: std::io::Write>(
    store: &mut Store,
    kind: Kind,
    layout: Layout,
    locale: crate::format::Locale,
    out: W,
) -> OpResult<usize> {
    use crate::domain::Refusal;
    use crate::io::csv_export;
    store.read(|tx| {
        let all = clients::list(tx)?;
        let names: HashMap<Id, String> = all.iter().map(|c| (c.id, c.name.clone())).collect();
        let name = |id: Id| names.get(&id).cloned().unwrap_or_default();
        let written = match kind {
            Kind::Clients => csv_export::write(out, &all, layout, locale),
            Kind::Touchpoints => {
                let mut rows: Vec<(String, Touchpoint)> = log::touchpoints(tx, None, -1, 0)?
                    .into_iter()
                    .map(|t| (name(t.client_id), t))
                    .collect();
                rows.reverse(); // oldest first reads naturally in a spreadsheet
                csv_export::write(out, &rows, layout, locale)
            }
            Kind::Agreements => {
                let mut rows: Vec<(String, Agreement)> = log::agreements(tx, None, false)?
                    .into_iter()
                    .map(|a| (name(a.client_id), a))
                    .collect();
                rows.sort_by_key(|(_, a)| (a.made_on, a.id));
                csv_export::write(out, &rows, layout, locale)
            }
            Kind::Payments => {
                let mut rows: Vec<(String, Payment)> = ledger::payments(tx, None)?
                    .into_iter()
                    .map(|p| (name(p.client_id), p))
                    .collect();
                rows.reverse();
                csv_export::write(out, &rows, layout, locale)
            }
        };
        written.map_err(|e| super::invalid("export", Refusal::Csv(e.to_string())))
    })
}
