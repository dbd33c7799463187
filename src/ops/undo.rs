//! Undoing a change. Each write the TUI makes keeps its inverse (an
//! [`Inverse`]): the record as the change left it, and what to put back.
//! [`undo`] applies it in one transaction, after checking that the record
//! is still as the change left it: when another folio changed it since,
//! nothing is done and the reason is given.

use super::{OpError, OpResult, found, invalid, require_client};
use crate::domain::{
    Agreement, Client, Contact, Id, Invoice, Payment, Refusal, Status, Tier, Touchpoint,
};
use crate::store::{Db, Store, StoreResult, clients, ledger, log};

/// A stored record of any kind an undo puts back or takes out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    Client(Client),
    Contact(Contact),
    Touchpoint(Touchpoint),
    Agreement(Agreement),
    Payment(Payment),
    Invoice(Invoice),
}

/// The kinds of [`Record`], to read or delete one by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Client,
    Contact,
    Touchpoint,
    Agreement,
    Payment,
    Invoice,
}

impl Kind {
    /// What it is called in messages.
    pub fn what(self) -> &'static str {
        match self {
            Kind::Client => "client",
            Kind::Contact => "contact",
            Kind::Touchpoint => "touchpoint",
            Kind::Agreement => "agreement",
            Kind::Payment => "payment",
            Kind::Invoice => "invoice",
        }
    }
}

macro_rules! record_from {
    ($($t:ident),*) => {$(
        impl From<$t> for Record {
            fn from(r: $t) -> Record {
                Record::$t(r)
            }
        }
    )*};
}
record_from!(Client, Contact, Touchpoint, Agreement, Payment, Invoice);

impl Record {
    /// Its kind, its id and the client it belongs to (a client: itself).
    fn parts(&self) -> (Kind, Id, Id) {
        match self {
            Record::Client(r) => (Kind::Client, r.id, r.id),
            Record::Contact(r) => (Kind::Contact, r.id, r.client_id),
            Record::Touchpoint(r) => (Kind::Touchpoint, r.id, r.client_id),
            Record::Agreement(r) => (Kind::Agreement, r.id, r.client_id),
            Record::Payment(r) => (Kind::Payment, r.id, r.client_id),
            Record::Invoice(r) => (Kind::Invoice, r.id, r.client_id),
        }
    }

    pub fn kind(&self) -> Kind {
        self.parts().0
    }

    pub fn id(&self) -> Id {
        self.parts().1
    }

    pub fn client_id(&self) -> Id {
        self.parts().2
    }

    /// Record `id` of `kind` as stored now.
    pub fn get(db: &Db, kind: Kind, id: Id) -> StoreResult<Option<Record>> {
        Ok(match kind {
            Kind::Client => clients::get(db, id)?.map(Record::from),
            Kind::Contact => clients::get_contact(db, id)?.map(Record::from),
            Kind::Touchpoint => log::get_touchpoint(db, id)?.map(Record::from),
            Kind::Agreement => log::get_agreement(db, id)?.map(Record::from),
            Kind::Payment => ledger::get_payment(db, id)?.map(Record::from),
            Kind::Invoice => ledger::get_invoice(db, id)?.map(Record::from),
        })
    }

    /// Delete it (a client: with all its records); false if it was gone.
    fn delete(&self, db: &Db) -> StoreResult<bool> {
        let id = self.id();
        match self {
            Record::Client(_) => clients::delete(db, id),
            Record::Contact(_) => clients::delete_contact(db, id),
            Record::Touchpoint(_) => log::delete_touchpoint(db, id),
            Record::Agreement(_) => log::delete_agreement(db, id),
            Record::Payment(_) => ledger::delete_payment(db, id),
            Record::Invoice(_) => ledger::delete_invoice(db, id),
        }
    }

    /// Overwrite the stored record of its id with it.
    fn write(&self, db: &Db) -> StoreResult<()> {
        match self {
            Record::Client(r) => clients::update(db, r),
            Record::Contact(r) => clients::update_contact(db, r).map(drop),
            Record::Touchpoint(r) => log::update_touchpoint(db, r).map(drop),
            Record::Agreement(r) => log::update_agreement(db, r).map(drop),
            Record::Payment(r) => ledger::update_payment(db, r).map(drop),
            Record::Invoice(r) => ledger::update_invoice(db, r).map(drop),
        }
    }

    /// Insert it with its own id.
    fn reinsert(&self, db: &Db) -> OpResult<()> {
        match self {
            Record::Client(_) => return Err(no_client_reinsert()),
            Record::Contact(r) => clients::reinsert_contact(db, r)?,
            Record::Touchpoint(r) => log::reinsert_touchpoint(db, r)?,
            Record::Agreement(r) => log::reinsert_agreement(db, r)?,
            Record::Payment(r) => ledger::reinsert_payment(db, r)?,
            Record::Invoice(r) => ledger::reinsert_invoice(db, r)?,
        }
        Ok(())
    }
}

/// What undoing a change does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inverse {
    /// The change added the record: take it out (a client only while
    /// nothing is recorded about it).
    Remove(Record),
    /// The change deleted the record: put it back, with its id.
    Reinsert(Record),
    /// The change turned `before` into `after` (an edit, an agreement
    /// closed): put `before` back.
    Restore { before: Record, after: Record },
    /// The client's tier changed from `from`, adding history row `row`;
    /// `after`: the client as the change left it.
    Tier { after: Client, from: Tier, row: Id },
    /// The same for its status.
    Status {
        after: Client,
        from: Status,
        row: Id,
    },
}

impl Inverse {
    /// The client whose record it puts back or takes out.
    pub fn client_id(&self) -> Id {
        match self {
            Inverse::Remove(r) | Inverse::Reinsert(r) => r.client_id(),
            Inverse::Restore { after, .. } => after.client_id(),
            Inverse::Tier { after, .. } | Inverse::Status { after, .. } => after.id,
        }
    }

    /// The record the undo leaves in place (the TUI selects it); `None`
    /// when the undo takes the record out.
    pub fn kept(&self) -> Option<Record> {
        match self {
            Inverse::Remove(_) => None,
            Inverse::Reinsert(r) => Some(r.clone()),
            Inverse::Restore { before, .. } => Some(before.clone()),
            Inverse::Tier { after, from, .. } => Some(Record::Client(Client {
                tier: *from,
                ..after.clone()
            })),
            Inverse::Status { after, from, .. } => Some(Record::Client(Client {
                status: *from,
                ..after.clone()
            })),
        }
    }
}

/// A deleted client is not put back by an undo.
fn no_client_reinsert() -> OpError {
    invalid("undo", Refusal::DeletedClientBack)
}

/// Refused: the record is not as the change left it (`why` is given
/// the record's name, `touchpoint`).
fn refused(kind: Kind, why: fn(&'static str) -> Refusal) -> OpError {
    invalid("undo", why(kind.what()))
}

/// The record must be stored as `after` (as the change left it).
fn unchanged(db: &Db, after: &Record) -> OpResult<()> {
    match Record::get(db, after.kind(), after.id())? {
        Some(now) if now == *after => Ok(()),
        Some(_) => Err(refused(after.kind(), Refusal::UndoChanged)),
        None => Err(refused(after.kind(), Refusal::UndoDeleted)),
    }
}

/// Undo a change, in one transaction: nothing is done when the record is
/// not as the change left it.
pub fn undo(store: &mut Store, inverse: &Inverse) -> OpResult<()> {
    store.write(|tx| match inverse {
        Inverse::Remove(record) => {
            unchanged(tx, record)?;
            if let Record::Client(c) = record
                && clients::record_count(tx, c.id)? > 0
            {
                return Err(refused(Kind::Client, Refusal::UndoHasRecords));
            }
            record.delete(tx)?;
            Ok(())
        }
        Inverse::Reinsert(record) => {
            if record.kind() == Kind::Client {
                return Err(no_client_reinsert());
            }
            if Record::get(tx, record.kind(), record.id())?.is_some() {
                return Err(refused(record.kind(), Refusal::UndoThereAgain));
            }
            require_client(tx, record.client_id())?;
            record.reinsert(tx)
        }
        Inverse::Restore { before, after } => {
            unchanged(tx, after)?;
            if before.client_id() != after.client_id() {
                require_client(tx, before.client_id())?;
            }
            if let Record::Client(c) = before
                && let Some(other) = clients::find_by_name(tx, &c.name)?
                && other.id != c.id
            {
                return Err(OpError::DuplicateClient(c.name.clone()));
            }
            before.write(tx)?;
            Ok(())
        }
        Inverse::Tier { after, from, row } => {
            unchanged(tx, &Record::Client(after.clone()))?;
            clients::set_tier(tx, after.id, *from)?;
            clients::delete_tier_change(tx, after.id, *row)?;
            Ok(())
        }
        Inverse::Status { after, from, row } => {
            unchanged(tx, &Record::Client(after.clone()))?;
            clients::set_status(tx, after.id, *from)?;
            clients::delete_status_change(tx, after.id, *row)?;
            Ok(())
        }
    })
}

/// Delete record `id` of `kind` and return it as it was, read and deleted
/// in one transaction (its inverse is then exact). A client is deleted
/// with its backup copy instead (`backups::delete_client_and_prune`).
pub fn delete(store: &mut Store, kind: Kind, id: Id) -> OpResult<Record> {
    if kind == Kind::Client {
        return Err(invalid("client", Refusal::DeletedWithCopy));
    }
    store.write(|tx| {
        let record = found(Record::get(tx, kind, id)?, kind.what(), id)?;
        record.delete(tx)?;
        Ok(record)
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::{
        AgreementStatus, Money, Month, NewAgreement, NewClient, NewContact, NewInvoice, NewPayment,
        NewTouchpoint, Owner, TouchKind,
    };
    use crate::ops;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn store() -> (Store, Client) {
        let mut s = Store::open_in_memory().unwrap();
        let c = ops::add_client(
            &mut s,
            &NewClient {
                name: "ООО Ромашка".into(),
                tier: Tier::Potential,
                status: Status::Active,
                since: day(1),
                cadence_days: Some(14),
                channel: None,
                goal: None,
                notes: String::new(),
            },
        )
        .unwrap();
        (s, c)
    }

    fn touch() -> NewTouchpoint {
        NewTouchpoint {
            at: day(20),
            kind: TouchKind::Call,
            summary: "отчёт за квартал".into(),
            minutes: 30,
            next_step: Some("send the plan".into()),
            next_due: Some(day(25)),
        }
    }

    fn agreement() -> NewAgreement {
        NewAgreement {
            made_on: day(20),
            text: "Media plan by Friday".into(),
            owner: Owner::Us,
            due: Some(day(27)),
            status: AgreementStatus::Open,
            closed_on: None,
        }
    }

    #[test]
    fn an_added_touchpoint_is_removed_and_its_edit_put_back() {
        let (mut s, c) = store();
        let t = ops::add_touchpoint(&mut s, c.id, &touch()).unwrap();
        let edited = ops::change(&mut s, t.id, |t: &mut Touchpoint| t.minutes = 45).unwrap();
        undo(
            &mut s,
            &Inverse::Restore {
                before: t.clone().into(),
                after: edited.into(),
            },
        )
        .unwrap();
        assert_eq!(log::get_touchpoint(s.db(), t.id).unwrap(), Some(t.clone()));
        undo(&mut s, &Inverse::Remove(t.clone().into())).unwrap();
        assert_eq!(log::get_touchpoint(s.db(), t.id).unwrap(), None);
    }

    #[test]
    fn a_deleted_touchpoint_comes_back_with_its_id_and_search_key() {
        let (mut s, c) = store();
        let t = ops::add_touchpoint(&mut s, c.id, &touch()).unwrap();
        let gone = delete(&mut s, Kind::Touchpoint, t.id).unwrap();
        assert_eq!(gone, Record::Touchpoint(t.clone()));
        assert_eq!(log::get_touchpoint(s.db(), t.id).unwrap(), None);
        undo(&mut s, &Inverse::Reinsert(gone)).unwrap();
        assert_eq!(log::get_touchpoint(s.db(), t.id).unwrap(), Some(t));
        // The log's filter finds it again (the folded search key is back).
        let filter = ops::TouchFilter::new(None, "отчет");
        assert_eq!(log::count_touch(s.db(), &filter).unwrap(), 1);
    }

    #[test]
    fn a_closed_agreement_opens_again_and_a_deleted_one_comes_back() {
        let (mut s, c) = store();
        let a = ops::add_agreement(&mut s, c.id, &agreement()).unwrap();
        let closed = ops::close_agreement(&mut s, a.id, AgreementStatus::Kept, day(23)).unwrap();
        undo(
            &mut s,
            &Inverse::Restore {
                before: a.clone().into(),
                after: closed.into(),
            },
        )
        .unwrap();
        let now = log::get_agreement(s.db(), a.id).unwrap().unwrap();
        assert_eq!((now.status, now.closed_on), (AgreementStatus::Open, None));
        let gone = delete(&mut s, Kind::Agreement, a.id).unwrap();
        undo(&mut s, &Inverse::Reinsert(gone)).unwrap();
        assert_eq!(log::get_agreement(s.db(), a.id).unwrap(), Some(a));
    }

    #[test]
    fn a_deleted_contact_comes_back() {
        let (mut s, c) = store();
        let new = NewContact {
            name: "Анна".into(),
            role: Some("CEO".into()),
            decision_maker: true,
            phone: Some("+7 900 123-45-67".into()),
            email: None,
            birthday: Some(day(5)),
        };
        let p = ops::add_contact(&mut s, c.id, &new).unwrap();
        let gone = delete(&mut s, Kind::Contact, p.id).unwrap();
        undo(&mut s, &Inverse::Reinsert(gone)).unwrap();
        assert_eq!(clients::get_contact(s.db(), p.id).unwrap(), Some(p));
    }

    /// A payment or invoice deleted (from the Plan pane's drill-down) comes
    /// back with the totals the triggers keep: the client's paid and billed
    /// sums and the month's received and expected.
    #[test]
    fn a_deleted_payment_and_invoice_come_back_with_their_totals() {
        let (mut s, c) = store();
        let p = ops::add_payment(
            &mut s,
            c.id,
            &NewPayment {
                on: day(10),
                amount: Money::from_minor(125_000_050),
                note: "November".into(),
            },
        )
        .unwrap();
        let i = ops::add_invoice(
            &mut s,
            c.id,
            &NewInvoice {
                month: Month::of(day(1)),
                amount: Money::from_minor(200_000_000),
                due: day(15),
            },
        )
        .unwrap();
        let month_totals = |s: &Store| {
            let m = Month::of(day(1));
            crate::store::ledger::month_totals(s.db(), m, m).unwrap()
        };
        let before = (clients::totals(s.db(), c.id).unwrap(), month_totals(&s));
        let paid = delete(&mut s, Kind::Payment, p.id).unwrap();
        let billed = delete(&mut s, Kind::Invoice, i.id).unwrap();
        assert_eq!(
            clients::totals(s.db(), c.id).unwrap(),
            (Money::ZERO, Money::ZERO)
        );
        undo(&mut s, &Inverse::Reinsert(billed)).unwrap();
        undo(&mut s, &Inverse::Reinsert(p.clone().into())).unwrap();
        assert_eq!(paid, Record::Payment(p.clone()));
        assert_eq!(ledger::get_payment(s.db(), p.id).unwrap(), Some(p));
        assert_eq!(ledger::get_invoice(s.db(), i.id).unwrap(), Some(i));
        assert_eq!(
            (clients::totals(s.db(), c.id).unwrap(), month_totals(&s)),
            before
        );
    }

    #[test]
    fn a_tier_and_a_status_change_go_back_without_their_history_rows() {
        let (mut s, c) = store();
        let (_, inverse) =
            ops::set_tier_noted(&mut s, c.id, Tier::Gold, "big deal", day(23)).unwrap();
        assert_eq!(clients::tier_history(s.db(), c.id).unwrap().len(), 2);
        assert!(matches!(
            inverse,
            Inverse::Tier {
                from: Tier::Potential,
                ..
            }
        ));
        undo(&mut s, &inverse).unwrap();
        let history = clients::tier_history(s.db(), c.id).unwrap();
        assert_eq!(history.len(), 1, "only the initial tier: {history:?}");
        assert_eq!(clients::get(s.db(), c.id).unwrap(), Some(c.clone()));

        let (_, inverse) =
            ops::set_status_noted(&mut s, c.id, Status::Paused, "summer", day(23)).unwrap();
        undo(&mut s, &inverse).unwrap();
        assert_eq!(clients::status_history(s.db(), c.id).unwrap().len(), 1);
        assert_eq!(clients::get(s.db(), c.id).unwrap(), Some(c));
    }

    #[test]
    fn an_added_client_goes_only_while_nothing_is_recorded_about_it() {
        let (mut s, c) = store();
        ops::add_touchpoint(&mut s, c.id, &touch()).unwrap();
        let e = undo(&mut s, &Inverse::Remove(c.clone().into())).unwrap_err();
        assert!(e.to_string().contains("has records now"), "{e}");
        assert!(clients::get(s.db(), c.id).unwrap().is_some());
        let (mut s, c) = store();
        undo(&mut s, &Inverse::Remove(c.clone().into())).unwrap();
        assert_eq!(clients::get(s.db(), c.id).unwrap(), None);
        let e = undo(&mut s, &Inverse::Reinsert(c.into())).unwrap_err();
        assert!(e.to_string().contains("folio restore"), "{e}");
    }

    /// Another folio (a second connection to the file) changed the record
    /// after this one's change: the undo is refused and changes nothing.
    #[test]
    fn an_undo_is_refused_when_another_folio_changed_the_record() {
        use crate::store::Create;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.db");
        let (mut mine, _) = Store::open(&path, Create::FileOnly).unwrap();
        let (mut other, _) = Store::open(&path, Create::FileOnly).unwrap();
        let c = ops::add_client(
            &mut mine,
            &NewClient {
                name: "Atlas Legal".into(),
                tier: Tier::Gold,
                status: Status::Active,
                since: day(1),
                cadence_days: None,
                channel: None,
                goal: None,
                notes: String::new(),
            },
        )
        .unwrap();
        let (_, inverse) =
            ops::set_tier_noted(&mut mine, c.id, Tier::Toxic, "late payer", day(23)).unwrap();
        // The other folio edits the client's notes.
        let edit = ops::ClientEdit {
            notes: Some("called twice".into()),
            ..Default::default()
        };
        ops::edit_client(&mut other, c.id, &edit).unwrap();
        let e = undo(&mut mine, &inverse).unwrap_err();
        assert!(e.to_string().contains("changed elsewhere"), "{e}");
        let now = clients::get(mine.db(), c.id).unwrap().unwrap();
        assert_eq!(now.tier, Tier::Toxic, "nothing undone");
        assert_eq!(clients::tier_history(mine.db(), c.id).unwrap().len(), 2);
        // A touchpoint the other folio deleted: adding it cannot be undone.
        let t = ops::add_touchpoint(&mut mine, c.id, &touch()).unwrap();
        ops::delete_touchpoint(&mut other, t.id).unwrap();
        let e = undo(&mut mine, &Inverse::Remove(t.into())).unwrap_err();
        assert!(e.to_string().contains("deleted elsewhere"), "{e}");
    }
}
