//! The operations: everything folio does to a portfolio, called by both doors
//! (the command line and the TUI). Each write validates its input, then runs in
//! one transaction: it either happens whole or not at all.

pub mod backups;
pub mod balances;
pub mod counterparties;
pub mod demo;
pub mod import;
pub mod preview;
pub mod synth;
pub mod undo;
pub mod views;

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::domain::contact;
use crate::domain::text::{self, Lines, MAX_CHARS, TextError};
use crate::domain::time::MAX_MINUTES;
use crate::domain::{
    Agreement, AgreementStatus, Client, Contact, Id, Invoice, MAX_CADENCE, Money, Month,
    NewAgreement, NewClient, NewContact, NewInvoice, NewPayment, NewTouchpoint, Payment, Refusal,
    Status, Tier, Touchpoint,
};
use crate::store::{self, Db, Store, StoreError, StoreResult, clients, ledger, log};

#[derive(Debug, thiserror::Error)]
pub enum OpError {
    #[error("no client named '{}' (see `folio client list`)", text::escape(.0))]
    UnknownClient(String),
    #[error(
        "a client named '{}' already exists (names are compared ignoring case and invisible characters)",
        text::escape(.0)
    )]
    DuplicateClient(String),
    #[error("no {what} with id {id}")]
    NotFound { what: &'static str, id: Id },
    /// A field refused, and why (worded per language by `format::errors`;
    /// boxed: errors that hold an `OpError` stay small).
    #[error("{field}: {reason}")]
    Invalid {
        field: &'static str,
        reason: Box<Refusal>,
    },
    #[error(transparent)]
    Import(#[from] crate::io::csv_import::ImportError),
    #[error(transparent)]
    File(#[from] crate::files::OutError),
    #[error("the portfolio file is busy (another folio is writing); try again")]
    Busy,
    /// SQLite could not write, grow or sync a file (see
    /// [`store::Failure::DiskFull`]); the transaction was rolled back.
    #[error("the disk is full (or failing): nothing was changed")]
    DiskFull,
    /// The portfolio was opened read-only (see [`store::Access`]), or
    /// SQLite found it could not write it after all. The command line
    /// names the file ([`crate::cli`]).
    #[error("the file is read-only: nothing was changed")]
    ReadOnly,
    #[error("database error: {0}")]
    Db(StoreError),
}

/// A write refused because the portfolio file is read-only, naming the
/// file (what the command line says, whatever context the command wrapped
/// [`OpError::ReadOnly`] in).
#[derive(Debug, thiserror::Error)]
#[error("the file {} is read-only: nothing was changed", .path.display())]
pub struct ReadOnlyFile {
    pub path: std::path::PathBuf,
}

impl From<StoreError> for OpError {
    fn from(e: StoreError) -> Self {
        match e.kind() {
            store::Failure::Busy => OpError::Busy,
            store::Failure::DiskFull => OpError::DiskFull,
            store::Failure::ReadOnly => OpError::ReadOnly,
            store::Failure::Other => OpError::Db(e),
        }
    }
}

impl From<contact::ContactError> for OpError {
    fn from(e: contact::ContactError) -> Self {
        invalid(e.field, e.reason)
    }
}

impl From<TextError> for OpError {
    fn from(e: TextError) -> Self {
        invalid(e.field, Refusal::Text(e))
    }
}

pub type OpResult<T> = Result<T, OpError>;

pub fn invalid(field: &'static str, reason: Refusal) -> OpError {
    OpError::Invalid {
        field,
        reason: Box::new(reason),
    }
}

/// A required piece of text: trimmed, not empty, not absurdly long, and
/// with no character its kind of field (`lines`) refuses (see
/// `domain::text`; a multi-line text keeps CRLF as LF).
pub fn required_text(field: &'static str, lines: Lines, text: &str) -> OpResult<String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(invalid(field, Refusal::Required));
    }
    optional_text(field, lines, Some(t)).map(|t| t.unwrap_or_default())
}

/// Optional text: trimmed, empty becomes `None`; checked as [`required_text`].
pub fn optional_text(
    field: &'static str,
    lines: Lines,
    text: Option<&str>,
) -> OpResult<Option<String>> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => {
            check_length(field, t)?;
            Ok(Some(text::check(field, t, lines)?.into_owned()))
        }
    }
}

/// [`optional_text`] of a text already owned: kept as it is when there is
/// nothing to trim nor change (bulk imports check a million texts without
/// copying).
fn owned_text(field: &'static str, lines: Lines, text: Option<String>) -> OpResult<Option<String>> {
    let Some(text) = text else { return Ok(None) };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    check_length(field, trimmed)?;
    let changed = match text::check(field, trimmed, lines)? {
        Cow::Borrowed(t) if t.len() == text.len() => None,
        checked => Some(checked.into_owned()),
    };
    Ok(Some(changed.unwrap_or(text)))
}

/// A person's or a client's name: required, one line, and something visible
/// once invisible characters (zero-width, bidi controls) are ignored.
pub fn name_text(field: &'static str, name: &str) -> OpResult<String> {
    let name = required_text(field, Lines::One, name)?;
    if !text::has_visible(&name) {
        return Err(invalid(field, Refusal::NothingVisible));
    }
    Ok(name)
}

fn check_length(field: &'static str, text: &str) -> OpResult<()> {
    if text::too_long(text) {
        return Err(invalid(field, Refusal::LongerThan { max: MAX_CHARS }));
    }
    Ok(())
}

pub fn check_cadence(cadence: Option<u32>) -> OpResult<Option<u32>> {
    match cadence {
        Some(0) => Err(invalid("cadence", Refusal::AtLeastADay)),
        Some(c) if c > MAX_CADENCE => {
            Err(invalid("cadence", Refusal::AtMostDays { max: MAX_CADENCE }))
        }
        c => Ok(c),
    }
}

/// A record that must be there, or NotFound naming it.
fn found<T>(value: Option<T>, what: &'static str, id: Id) -> OpResult<T> {
    value.ok_or(OpError::NotFound { what, id })
}

/// The client a new record belongs to must exist (checked in the write's
/// transaction, so a concurrent delete cannot slip between).
fn require_client(db: &Db, client_id: Id) -> OpResult<()> {
    found(clients::get(db, client_id)?, "client", client_id).map(drop)
}

/// A client's total paid or billed must stay within what folio stores
/// (i64 minor units): refuse the amount that would take it past.
fn check_total(current: Money, add: Money, what: &'static str) -> OpResult<Money> {
    current
        .minor()
        .checked_add(add.minor())
        .map(Money::from_minor)
        .ok_or_else(|| invalid(what, Refusal::TotalTooLarge))
}

/// Look a client up by name (ignoring case in any script).
pub fn client_by_name(store: &Store, name: &str) -> OpResult<Client> {
    clients::find_by_name(store.db(), name)?
        .ok_or_else(|| OpError::UnknownClient(name.trim().to_string()))
}

pub fn client_by_id(store: &Store, id: Id) -> OpResult<Client> {
    found(clients::get(store.db(), id)?, "client", id)
}

fn validate_new_client(c: &NewClient) -> OpResult<NewClient> {
    let name = name_text("name", &c.name)?;
    let name = crate::domain::clean_name(&name);
    Ok(NewClient {
        name,
        cadence_days: check_cadence(c.cadence_days)?,
        channel: optional_text("channel", Lines::One, c.channel.as_deref())?,
        goal: optional_text("goal", Lines::Many, c.goal.as_deref())?,
        notes: optional_text("notes", Lines::Many, Some(&c.notes))?.unwrap_or_default(),
        ..c.clone()
    })
}

/// Insert a validated client with its initial tier and status history entries
/// (dated on its `since`), inside the caller's transaction.
fn insert_client(db: &Db, c: &NewClient) -> OpResult<Client> {
    if clients::find_by_name(db, &c.name)?.is_some() {
        return Err(OpError::DuplicateClient(c.name.clone()));
    }
    insert_new_client(db, c)
}

/// [`insert_client`] for a caller that has checked the name is new itself
/// (an import, against every client's name read once).
fn insert_new_client(db: &Db, c: &NewClient) -> OpResult<Client> {
    let id = clients::insert(db, c)?;
    clients::insert_tier_change(db, id, c.since, None, c.tier, "initial tier")?;
    clients::insert_status_change(db, id, c.since, None, c.status, "client added")?;
    found(clients::get(db, id)?, "client", id)
}

pub fn add_client(store: &mut Store, c: &NewClient) -> OpResult<Client> {
    let c = validate_new_client(c)?;
    store.write(|tx| insert_client(tx, &c))
}

/// Changes to a client's details; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientEdit {
    pub name: Option<String>,
    pub since: Option<NaiveDate>,
    /// `Some(None)` clears the cadence.
    pub cadence_days: Option<Option<u32>>,
    pub channel: Option<String>,
    pub goal: Option<String>,
    pub notes: Option<String>,
    /// The client's ИНН; `Some(None)` clears it.
    pub inn: Option<Option<String>>,
}

pub fn edit_client(store: &mut Store, id: Id, edit: &ClientEdit) -> OpResult<Client> {
    store.write(|tx| {
        let mut c = found(clients::get(tx, id)?, "client", id)?;
        if let Some(name) = &edit.name {
            let name = name_text("name", name)?;
            c.name = crate::domain::clean_name(&name);
        }
        // Every edit stores the name's key anew: checked even when the name
        // stays, as a key stored before invisible characters were left out
        // of keys may now be another client's.
        if let Some(other) = clients::find_by_name(tx, &c.name)?
            && other.id != id
        {
            return Err(OpError::DuplicateClient(c.name));
        }
        if let Some(since) = edit.since {
            c.since = since;
        }
        if let Some(cadence) = edit.cadence_days {
            c.cadence_days = check_cadence(cadence)?;
        }
        if let Some(channel) = &edit.channel {
            c.channel = optional_text("channel", Lines::One, Some(channel))?;
        }
        if let Some(goal) = &edit.goal {
            c.goal = optional_text("goal", Lines::Many, Some(goal))?;
        }
        if let Some(notes) = &edit.notes {
            c.notes = optional_text("notes", Lines::Many, Some(notes))?.unwrap_or_default();
        }
        if let Some(inn) = &edit.inn {
            counterparties::set_inn(tx, id, inn.as_deref())?;
        }
        clients::update(tx, &c)?;
        Ok(c)
    })
}

/// Move a client to another tier, recording the reason (required) in its
/// history; returns the client and the change's inverse: the tier it had,
/// and the history row it added (an undo takes it out again).
pub fn set_tier_noted(
    store: &mut Store,
    id: Id,
    tier: Tier,
    reason: &str,
    on: NaiveDate,
) -> OpResult<(Client, undo::Inverse)> {
    let reason = required_text("reason", Lines::Many, reason)?;
    store.write(|tx| {
        let c = found(clients::get(tx, id)?, "client", id)?;
        if c.tier == tier {
            return Err(invalid("tier", Refusal::TierAlready { name: c.name, tier }));
        }
        clients::set_tier(tx, id, tier)?;
        let row = clients::insert_tier_change(tx, id, on, Some(c.tier), tier, &reason)?;
        let from = c.tier;
        let after = Client { tier, ..c };
        let inverse = undo::Inverse::Tier {
            after: after.clone(),
            from,
            row,
        };
        Ok((after, inverse))
    })
}

/// Change a client's status (active, paused, churned), recording the
/// reason; returns the client and the change's inverse (see
/// [`set_tier_noted`]).
pub fn set_status_noted(
    store: &mut Store,
    id: Id,
    status: Status,
    reason: &str,
    on: NaiveDate,
) -> OpResult<(Client, undo::Inverse)> {
    let reason = required_text("reason", Lines::Many, reason)?;
    store.write(|tx| {
        let c = found(clients::get(tx, id)?, "client", id)?;
        if c.status == status {
            return Err(invalid(
                "status",
                Refusal::StatusAlready {
                    name: c.name,
                    status,
                },
            ));
        }
        clients::set_status(tx, id, status)?;
        let row = clients::insert_status_change(tx, id, on, Some(c.status), status, &reason)?;
        let from = c.status;
        let after = Client { status, ..c };
        let inverse = undo::Inverse::Status {
            after: after.clone(),
            from,
            row,
        };
        Ok((after, inverse))
    })
}

/// How many records deleting the client would take with it.
pub fn client_record_count(store: &Store, id: Id) -> OpResult<i64> {
    Ok(clients::record_count(store.db(), id)?)
}

/// A contact's texts checked, and its phone and email by the domain's
/// rules; `old`: the stored contact being edited, whose phone or email is
/// not checked again when kept as it was (records from before the rules
/// stay editable).
fn validate_contact(c: NewContact, old: Option<&Contact>) -> OpResult<NewContact> {
    let v = NewContact {
        name: name_text("person", &c.name)?,
        role: optional_text("role", Lines::One, c.role.as_deref())?,
        phone: optional_text("phone", Lines::One, c.phone.as_deref())?,
        email: optional_text("email", Lines::One, c.email.as_deref())?,
        ..c
    };
    if let Some(phone) = &v.phone
        && old.is_none_or(|o| o.phone.as_ref() != Some(phone))
    {
        contact::check_phone(phone)?;
    }
    if let Some(email) = &v.email
        && old.is_none_or(|o| o.email.as_ref() != Some(email))
    {
        contact::check_email(email)?;
    }
    Ok(v)
}

pub fn add_contact(store: &mut Store, client_id: Id, c: &NewContact) -> OpResult<Contact> {
    let c = validate_contact(c.clone(), None)?;
    store.write(|tx| {
        require_client(tx, client_id)?;
        let id = clients::insert_contact(tx, client_id, &c)?;
        found(clients::get_contact(tx, id)?, "contact", id)
    })
}

pub fn delete_contact(store: &mut Store, id: Id) -> OpResult<()> {
    delete_with(store, id, "contact", clients::delete_contact)
}

fn validate_touchpoint(t: NewTouchpoint) -> OpResult<NewTouchpoint> {
    if t.minutes > MAX_MINUTES {
        return Err(invalid("minutes", Refusal::AtMost { max: MAX_MINUTES }));
    }
    let next_step = owned_text("next step", Lines::Many, t.next_step)?;
    if t.next_due.is_some() && next_step.is_none() {
        return Err(invalid("next due", Refusal::DueNeedsStep));
    }
    Ok(NewTouchpoint {
        summary: owned_text("summary", Lines::Many, Some(t.summary))?.unwrap_or_default(),
        next_step,
        ..t
    })
}

pub fn add_touchpoint(store: &mut Store, client_id: Id, t: &NewTouchpoint) -> OpResult<Touchpoint> {
    let t = validate_touchpoint(t.clone())?;
    store.write(|tx| {
        require_client(tx, client_id)?;
        let id = log::insert_touchpoint(tx, client_id, &t)?;
        found(log::get_touchpoint(tx, id)?, "touchpoint", id)
    })
}

pub fn delete_touchpoint(store: &mut Store, id: Id) -> OpResult<()> {
    delete_with(store, id, "touchpoint", log::delete_touchpoint)
}

fn delete_with(
    store: &mut Store,
    id: Id,
    what: &'static str,
    f: fn(&Db, Id) -> StoreResult<bool>,
) -> OpResult<()> {
    store.write(|tx| {
        if f(tx, id)? {
            Ok(())
        } else {
            Err(OpError::NotFound { what, id })
        }
    })
}

fn validate_agreement(a: &NewAgreement) -> OpResult<NewAgreement> {
    let text = required_text("text", Lines::Many, &a.text)?;
    if a.status == AgreementStatus::Open && a.closed_on.is_some() {
        return Err(invalid("closed on", Refusal::OpenHasNoClose));
    }
    if let (Some(due), made) = (a.due, a.made_on)
        && due < made
    {
        return Err(invalid("due", Refusal::DueBeforeMade { due, made }));
    }
    Ok(NewAgreement { text, ..a.clone() })
}

pub fn add_agreement(store: &mut Store, client_id: Id, a: &NewAgreement) -> OpResult<Agreement> {
    let a = validate_agreement(a)?;
    store.write(|tx| {
        require_client(tx, client_id)?;
        let id = log::insert_agreement(tx, client_id, &a)?;
        found(log::get_agreement(tx, id)?, "agreement", id)
    })
}

/// Close an open agreement as kept, broken or cancelled on `on`.
pub fn close_agreement(
    store: &mut Store,
    id: Id,
    status: AgreementStatus,
    on: NaiveDate,
) -> OpResult<Agreement> {
    if status == AgreementStatus::Open {
        return Err(invalid("status", Refusal::CloseAs));
    }
    store.write(|tx| {
        let a = found(log::get_agreement(tx, id)?, "agreement", id)?;
        if a.status != AgreementStatus::Open {
            return Err(invalid(
                "status",
                Refusal::AgreementAlready {
                    id,
                    status: a.status,
                },
            ));
        }
        log::close_agreement(tx, id, status, Some(on))?;
        Ok(Agreement {
            status,
            closed_on: Some(on),
            ..a
        })
    })
}

pub fn delete_agreement(store: &mut Store, id: Id) -> OpResult<()> {
    delete_with(store, id, "agreement", log::delete_agreement)
}

pub fn set_target(store: &mut Store, month: Month, amount: Money) -> OpResult<()> {
    if amount.is_negative() {
        return Err(invalid("target", Refusal::ZeroOrMore));
    }
    store.write(|tx| Ok(ledger::set_target(tx, month, amount)?))
}

fn positive(field: &'static str, amount: Money) -> OpResult<()> {
    if amount.minor() <= 0 {
        return Err(invalid(field, Refusal::AboveZero));
    }
    if amount.minor() > crate::domain::money::MAX_AMOUNT {
        return Err(invalid(field, Refusal::TooLarge));
    }
    Ok(())
}

pub fn add_invoice(store: &mut Store, client_id: Id, i: &NewInvoice) -> OpResult<Invoice> {
    positive("amount", i.amount)?;
    store.write(|tx| {
        require_client(tx, client_id)?;
        check_total(clients::totals(tx, client_id)?.1, i.amount, "amount")?;
        let id = ledger::insert_invoice(tx, client_id, i)?;
        found(ledger::get_invoice(tx, id)?, "invoice", id)
    })
}

pub fn delete_invoice(store: &mut Store, id: Id) -> OpResult<()> {
    delete_with(store, id, "invoice", ledger::delete_invoice)
}

pub fn add_payment(store: &mut Store, client_id: Id, p: &NewPayment) -> OpResult<Payment> {
    positive("amount", p.amount)?;
    let p = NewPayment {
        note: optional_text("note", Lines::Many, Some(&p.note))?.unwrap_or_default(),
        ..p.clone()
    };
    store.write(|tx| {
        require_client(tx, client_id)?;
        check_total(clients::totals(tx, client_id)?.0, p.amount, "amount")?;
        let id = ledger::insert_payment(tx, client_id, &p)?;
        found(ledger::get_payment(tx, id)?, "payment", id)
    })
}

pub fn delete_payment(store: &mut Store, id: Id) -> OpResult<()> {
    delete_with(store, id, "payment", ledger::delete_payment)
}

/// A record edited in place: read, changed and written back in one
/// transaction, so what another folio changed meanwhile (the TUI, a command
/// in another terminal) is read before the change applies, never written
/// over with what was read earlier.
pub trait Editable: Clone {
    /// What it is called in messages ("touchpoint").
    const WHAT: &'static str;
    fn get(db: &Db, id: Id) -> StoreResult<Option<Self>>;
    fn update(db: &Db, value: &Self) -> StoreResult<bool>;
    fn id(&self) -> Id;
    fn client_id(&self) -> Id;
    /// The changed record checked as a new one would be (`old` is how it
    /// was stored), in the form it is stored (texts trimmed).
    fn check(self, db: &Db, old: &Self) -> OpResult<Self>;
}

/// Apply `edit` to record `id` and store the result, all in one
/// transaction: an unknown id, a changed id, a client that is not there or
/// a record that fails its checks changes nothing.
pub fn change<T: Editable>(store: &mut Store, id: Id, edit: impl FnOnce(&mut T)) -> OpResult<T> {
    store.write(|tx| {
        let old = found(T::get(tx, id)?, T::WHAT, id)?;
        let mut new = old.clone();
        edit(&mut new);
        if new.id() != id {
            return Err(invalid(
                "id",
                Refusal::KeepsId {
                    record: T::WHAT,
                    id,
                },
            ));
        }
        if new.client_id() != old.client_id() {
            require_client(tx, new.client_id())?;
        }
        let new = new.check(tx, &old)?;
        if !T::update(tx, &new)? {
            return Err(OpError::NotFound { what: T::WHAT, id });
        }
        Ok(new)
    })
}

/// The part of [`Editable`] every record states the same way: its name,
/// the store's get and update for it, and its `id` and `client_id` fields.
macro_rules! stored_record {
    ($what:literal, $get:path, $update:path) => {
        const WHAT: &'static str = $what;
        fn get(db: &Db, id: Id) -> StoreResult<Option<Self>> {
            $get(db, id)
        }
        fn update(db: &Db, value: &Self) -> StoreResult<bool> {
            $update(db, value)
        }
        fn id(&self) -> Id {
            self.id
        }
        fn client_id(&self) -> Id {
            self.client_id
        }
    };
}

impl Editable for Touchpoint {
    stored_record!("touchpoint", log::get_touchpoint, log::update_touchpoint);
    fn check(self, _: &Db, _: &Self) -> OpResult<Self> {
        let v = validate_touchpoint(NewTouchpoint {
            at: self.at,
            kind: self.kind,
            summary: self.summary,
            minutes: self.minutes,
            next_step: self.next_step,
            next_due: self.next_due,
        })?;
        Ok(Touchpoint {
            summary: v.summary,
            next_step: v.next_step,
            ..self
        })
    }
}

impl Editable for Agreement {
    stored_record!("agreement", log::get_agreement, log::update_agreement);
    fn check(self, _: &Db, _: &Self) -> OpResult<Self> {
        let v = validate_agreement(&NewAgreement {
            made_on: self.made_on,
            text: self.text,
            owner: self.owner,
            due: self.due,
            status: self.status,
            closed_on: self.closed_on,
        })?;
        Ok(Agreement {
            text: v.text,
            ..self
        })
    }
}

impl Editable for Contact {
    stored_record!("contact", clients::get_contact, clients::update_contact);
    fn check(self, _: &Db, old: &Self) -> OpResult<Self> {
        let v = validate_contact(
            NewContact {
                name: self.name,
                role: self.role,
                decision_maker: self.decision_maker,
                phone: self.phone,
                email: self.email,
                birthday: self.birthday,
            },
            Some(old),
        )?;
        Ok(Contact {
            name: v.name,
            role: v.role,
            phone: v.phone,
            email: v.email,
            ..self
        })
    }
}

/// The client's total (paid or billed: `total`) with `old`'s amount taken
/// off when it stays with the same client, and `new` added: refused past
/// what folio can store, as an added record would be.
fn check_changed_total(
    db: &Db,
    total: fn((Money, Money)) -> Money,
    (old_client, old_amount): (Id, Money),
    (new_client, new_amount): (Id, Money),
) -> OpResult<()> {
    positive("amount", new_amount)?;
    let mut current = total(clients::totals(db, new_client)?);
    if new_client == old_client {
        current = current.minus(old_amount);
    }
    check_total(current, new_amount, "amount").map(drop)
}

impl Editable for Invoice {
    stored_record!("invoice", ledger::get_invoice, ledger::update_invoice);
    fn check(self, db: &Db, old: &Self) -> OpResult<Self> {
        check_changed_total(
            db,
            |(_, billed)| billed,
            (old.client_id, old.amount),
            (self.client_id, self.amount),
        )?;
        Ok(self)
    }
}

impl Editable for Payment {
    stored_record!("payment", ledger::get_payment, ledger::update_payment);
    fn check(self, db: &Db, old: &Self) -> OpResult<Self> {
        check_changed_total(
            db,
            |(paid, _)| paid,
            (old.client_id, old.amount),
            (self.client_id, self.amount),
        )?;
        let note = optional_text("note", Lines::Many, Some(&self.note))?.unwrap_or_default();
        Ok(Payment { note, ..self })
    }
}

/// The portfolio's currency code (default RUB).
pub fn currency(store: &Store) -> OpResult<String> {
    Ok(store
        .setting("currency")?
        .unwrap_or_else(|| "RUB".to_string()))
}

/// Set the currency: a three-letter ISO 4217 code.
pub fn set_currency(store: &mut Store, code: &str) -> OpResult<String> {
    let code = code.trim().to_uppercase();
    if code.len() != 3 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(invalid("currency", Refusal::CurrencyCode(code)));
    }
    store.write(|tx| {
        store::set_setting(tx, "currency", &code)?;
        Ok(code.clone())
    })
}

/// Every client's name by id.
pub fn client_names(store: &Store) -> OpResult<std::collections::HashMap<Id, String>> {
    Ok(clients::names(store.db())?)
}

/// Agreements, open first (overdue at the top), then the closed ones.
pub fn agreements(
    store: &Store,
    client_id: Option<Id>,
    only_open: bool,
) -> OpResult<Vec<Agreement>> {
    Ok(log::agreements(store.db(), client_id, only_open)?)
}

/// Payments, newest first, optionally of one client and one month.
pub fn payments(
    store: &Store,
    client_id: Option<Id>,
    month: Option<Month>,
) -> OpResult<Vec<Payment>> {
    Ok(ledger::payments(store.db(), client_id)?
        .into_iter()
        .filter(|p| month.is_none_or(|m| m.contains(p.on)))
        .collect())
}

/// Invoices with their balances after settlement, optionally of one client
/// and one month, in settlement order.
pub fn invoices(
    store: &mut Store,
    client_id: Option<Id>,
    month: Option<Month>,
) -> OpResult<Vec<crate::domain::plan::Settled>> {
    store.read(|tx| {
        let listed = match month {
            Some(m) => ledger::invoices_in_months(tx, m, m)?
                .into_iter()
                .filter(|i| client_id.is_none_or(|c| i.client_id == c))
                .collect(),
            None => ledger::invoices(tx, client_id)?,
        };
        Ok(balances::settle_listed(tx, listed)?)
    })
}

pub use crate::store::log::{Seek, TouchFilter, TouchKey};

/// A window of the touchpoint log for a list view: newest first, optionally
/// one client's, filtered case-insensitively in any script by summary, next
/// step or client name. Only `limit` rows are read (after `offset`); with
/// `count`, the matching total is counted too.
pub fn touch_window(
    store: &Store,
    client_id: Option<Id>,
    filter: &str,
    offset: i64,
    limit: i64,
    count: bool,
) -> OpResult<(Vec<Touchpoint>, Option<i64>)> {
    let filter = TouchFilter::new(client_id, filter);
    let rows = log::touch_page(store.db(), &filter, Seek::Newest, offset, limit)?;
    let total = if count {
        Some(log::count_touch(store.db(), &filter)?)
    } else {
        None
    };
    Ok((rows, total))
}

/// One page of the log, newest first: `limit` rows from `seek`, skipping
/// `skip` in the seek's direction. Deep pages cost what the first one does.
pub fn touch_page(
    store: &Store,
    filter: &TouchFilter,
    seek: Seek,
    skip: usize,
    limit: usize,
) -> OpResult<Vec<Touchpoint>> {
    Ok(log::touch_page(
        store.db(),
        filter,
        seek,
        rows_i64(skip),
        rows_i64(limit),
    )?)
}

/// A row count for SQL (LIMIT, OFFSET), saturating.
fn rows_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Index entries one step of filling a filtered page may walk.
pub const FILL_SLICE: i64 = 8_192;

/// A page going down the log that walks at most [`FILL_SLICE`] index
/// entries: the matches found, and where the walk stopped if the page is
/// short (see [`log::touch_page_within`]).
pub fn touch_page_within(
    store: &Store,
    filter: &TouchFilter,
    seek: Seek,
    limit: usize,
) -> OpResult<(Vec<Touchpoint>, Option<TouchKey>)> {
    Ok(log::touch_page_within(
        store.db(),
        filter,
        seek,
        rows_i64(limit),
        FILL_SLICE,
    )?)
}

/// How many touchpoints `filter` matches newer than `key` (and older than
/// `after`, if given): see [`log::count_newer`].
pub fn count_newer(
    store: &Store,
    filter: &TouchFilter,
    after: Option<TouchKey>,
    key: TouchKey,
) -> OpResult<i64> {
    Ok(log::count_newer(store.db(), filter, after, key)?)
}

/// One slice of counting what `filter` matches, after `after` (see
/// [`log::count_touch_slice`]): the slice's matches and where the next
/// slice starts, `None` when done.
pub fn count_touch_slice(
    store: &Store,
    filter: &TouchFilter,
    after: Option<TouchKey>,
) -> OpResult<(i64, Option<TouchKey>)> {
    Ok(log::count_touch_slice(
        store.db(),
        filter,
        after,
        log::COUNT_SLICE,
    )?)
}

#[cfg(test)]
mod tests {
    use super::{OpError, StoreError};
    use rusqlite::ffi;

    fn op_error(code: i32) -> OpError {
        OpError::from(StoreError::with_code(code))
    }

    #[test]
    fn a_full_disk_is_said_plainly() {
        // The "disk I/O error ... Error code 4874" among them.
        for code in [
            ffi::SQLITE_FULL,
            ffi::SQLITE_IOERR_WRITE,
            ffi::SQLITE_IOERR_FSYNC,
            ffi::SQLITE_IOERR_DIR_FSYNC,
            ffi::SQLITE_IOERR_TRUNCATE,
            ffi::SQLITE_IOERR_SHMSIZE,
            ffi::SQLITE_IOERR_SHMMAP,
        ] {
            let e = op_error(code);
            assert!(matches!(e, OpError::DiskFull), "{code}: {e:?}");
            assert_eq!(
                e.to_string(),
                "the disk is full (or failing): nothing was changed"
            );
        }
        assert!(matches!(op_error(ffi::SQLITE_BUSY), OpError::Busy));
        let e = op_error(ffi::SQLITE_READONLY_DBMOVED);
        assert!(matches!(e, OpError::ReadOnly), "{e:?}");
        assert_eq!(e.to_string(), "the file is read-only: nothing was changed");
        assert!(matches!(op_error(ffi::SQLITE_IOERR_READ), OpError::Db(_)));
        assert!(matches!(op_error(ffi::SQLITE_CORRUPT), OpError::Db(_)));
    }

    /// Owned texts are checked as borrowed ones are: trimmed, blank as none,
    /// and at most `MAX_CHARS` characters (not bytes).
    #[test]
    fn owned_texts_are_checked_as_borrowed_ones() {
        use super::{Lines, MAX_CHARS, optional_text, owned_text};
        let cases = [
            None,
            Some(String::new()),
            Some("  \t ".to_string()),
            Some("Звонок".to_string()),
            Some("  Звонок 📞 ".to_string()),
            Some("ж".repeat(MAX_CHARS)),
            Some(format!(" {} ", "ж".repeat(MAX_CHARS))),
            Some("ж".repeat(MAX_CHARS + 1)),
            Some("a".repeat(MAX_CHARS + 1)),
        ];
        for text in cases {
            let borrowed = optional_text("note", Lines::Many, text.as_deref());
            let owned = owned_text("note", Lines::Many, text.clone());
            assert_eq!(owned.is_ok(), borrowed.is_ok(), "{text:?}");
            if let (Ok(owned), Ok(borrowed)) = (&owned, &borrowed) {
                assert_eq!(owned, borrowed, "{text:?}");
            }
            let refused = text
                .as_deref()
                .is_some_and(|t| t.trim().chars().count() > MAX_CHARS);
            assert_eq!(owned.is_err(), refused, "{text:?}");
        }
        assert_eq!(
            owned_text("note", Lines::Many, Some(" a ".into()))
                .unwrap()
                .as_deref(),
            Some("a")
        );
    }

    /// An edit is read, checked and written in one transaction: a refused
    /// one (gone client, changed id, failed check) leaves the record as it
    /// was; an accepted one moves the client's kept totals with it.
    #[test]
    fn edits_apply_whole_or_not_at_all() {
        use super::*;
        use crate::domain::time::d;
        let mut store = Store::open_in_memory().unwrap();
        let client = |name: &str| NewClient {
            name: name.into(),
            tier: Tier::Gold,
            status: Status::Active,
            since: d(2025, 1, 1),
            cadence_days: None,
            channel: None,
            goal: None,
            notes: String::new(),
        };
        let (a, b) = (
            add_client(&mut store, &client("A")).unwrap().id,
            add_client(&mut store, &client("B")).unwrap().id,
        );
        let pay = |amount: i64| NewPayment {
            on: d(2026, 11, 2),
            amount: Money::from_minor(amount),
            note: String::new(),
        };
        let p = add_payment(&mut store, a, &pay(500)).unwrap();
        let paid = |store: &Store, id: Id| clients::totals(store.db(), id).unwrap().0.minor();

        let moved = change(&mut store, p.id, |p: &mut Payment| {
            p.client_id = b;
            p.amount = Money::from_minor(700);
            p.note = "  moved ".into();
        })
        .unwrap();
        assert_eq!((moved.client_id, moved.note.as_str()), (b, "moved"));
        assert_eq!((paid(&store, a), paid(&store, b)), (0, 700));

        let refused: [fn(&mut Payment); 3] = [
            |p| p.client_id = 999,
            |p| p.id += 1,
            |p| p.amount = Money::ZERO,
        ];
        for edit in refused {
            assert!(change(&mut store, p.id, edit).is_err());
            assert_eq!(
                ledger::get_payment(store.db(), p.id).unwrap(),
                Some(moved.clone())
            );
        }
        assert_eq!((paid(&store, a), paid(&store, b)), (0, 700));
        assert!(matches!(
            change(&mut store, 42, |_: &mut Payment| {}),
            Err(OpError::NotFound {
                what: "payment",
                id: 42
            })
        ));
    }

    /// A contact stored before the email and phone rules (or written by an
    /// older folio) is not rewritten nor refused for them until its email
    /// or phone is changed; a new contact is checked.
    #[test]
    fn contact_rules_check_what_is_new_and_keep_what_is_stored() {
        use super::*;
        use crate::domain::time::d;
        let mut store = Store::open_in_memory().unwrap();
        let acme = add_client(
            &mut store,
            &NewClient {
                name: "Acme".into(),
                tier: Tier::Gold,
                status: Status::Active,
                since: d(2025, 1, 1),
                cadence_days: None,
                channel: None,
                goal: None,
                notes: String::new(),
            },
        )
        .unwrap()
        .id;
        let ann = NewContact {
            name: "Ann".into(),
            role: None,
            decision_maker: false,
            phone: Some("12".into()),
            email: Some("ann at acme".into()),
            birthday: None,
        };
        let refused = add_contact(&mut store, acme, &ann).unwrap_err();
        assert_eq!(refused.to_string(), "phone: '12' has fewer than 5 digits");
        let old = store
            .write(|tx| Ok::<_, OpError>(clients::insert_contact(tx, acme, &ann)?))
            .unwrap();
        let kept = change(&mut store, old, |c: &mut Contact| {
            c.role = Some("CEO".into())
        })
        .unwrap();
        assert_eq!(
            (
                kept.phone.as_deref(),
                kept.email.as_deref(),
                kept.role.as_deref()
            ),
            (Some("12"), Some("ann at acme"), Some("CEO"))
        );
        let e = change(&mut store, old, |c: &mut Contact| {
            c.email = Some("ann@".into())
        })
        .unwrap_err();
        assert!(e.to_string().starts_with("email: 'ann@'"), "{e}");
    }
}
