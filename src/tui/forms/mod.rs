//! The forms, typed: each is a struct of named fields (`form::Field`) that
//! parses itself into the domain value it creates or changes, naming the
//! field when it cannot. `Form` is the widget state around one of them
//! (title, focus, the error under it); editing is the fields' own.
//!
//! - `client`: a new client, a client's details, a tier or status change,
//!   a contact person;
//! - `log`: a touchpoint, an agreement;
//! - `ledger`: a payment, an expected payment (invoice), the month's target.

/// A typed form's `fields` and `fields_mut` (see [`Typed`]): the struct's
/// fields named in the order the form shows them.
macro_rules! fields {
    ($($field:ident),+) => {
        fn fields(&self) -> Vec<&Field> {
            vec![$(&self.$field),+]
        }

        fn fields_mut(&mut self) -> Vec<&mut Field> {
            vec![$(&mut self.$field),+]
        }
    };
}

pub mod briefing;
pub mod client;
pub mod ledger;
pub mod log;

use chrono::NaiveDate;

use super::form::{Check, Field, FieldError, FormError};
use crate::domain::{
    Id, Money, Month, NewAgreement, NewClient, NewContact, NewInvoice, NewPayment, NewTouchpoint,
    Status, Tier,
};
use crate::ops::ClientEdit;
use crate::tui::app::Shared;

pub use briefing::BriefingForm;
pub use client::{ChangeForm, ClientEditForm, ContactForm, NewClientForm};
pub use ledger::{InvoiceForm, PaymentForm, TargetForm};
pub use log::{AgreementForm, TouchForm};

/// What an edit of a form's field does: change its text, or only move the
/// cursor (see [`Form::edit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Text,
    Cursor,
}

/// What saving a form does, with the values parsed. Clients are named as
/// the portfolio spells them (the form checked the name); the store finds
/// them by name when saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Save {
    AddClient(NewClient),
    EditClient(Id, ClientEdit),
    Tier {
        client: Id,
        tier: Tier,
        reason: String,
        on: NaiveDate,
    },
    Status {
        client: Id,
        status: Status,
        reason: String,
        on: NaiveDate,
    },
    AddContact(Id, NewContact),
    /// The contact's details replaced (it stays with its client).
    EditContact(Id, NewContact),
    AddTouchpoint(String, NewTouchpoint),
    EditTouchpoint(Id, String, NewTouchpoint),
    AddAgreement(String, NewAgreement),
    /// What was agreed, with whom, by when; its status and closing stay as
    /// stored.
    EditAgreement(Id, String, NewAgreement),
    Target(Month, Money),
    AddPayment(String, NewPayment),
    /// Payment `id` replaced by these values (as `folio pay edit` does).
    EditPayment(Id, String, NewPayment),
    AddInvoice(String, NewInvoice),
    /// Invoice `id` replaced by these values (as `folio invoice edit` does).
    EditInvoice(Id, String, NewInvoice),
    /// The review's briefing to a file (`w`): written, not saved in the
    /// portfolio.
    WriteReport(Box<crate::tui::panes::review::Report>),
}

/// A typed form: its fields in the order they are shown, and its parse.
pub trait Typed {
    fn fields(&self) -> Vec<&Field>;
    fn fields_mut(&mut self) -> Vec<&mut Field>;
    /// The domain value, or the first field in the way. `clients`: the
    /// names a client field accepts.
    fn parse(&self, clients: &[String]) -> Result<Save, FieldError>;
}

/// Which form is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    NewClient(NewClientForm),
    EditClient(ClientEditForm),
    Change(ChangeForm),
    Contact(ContactForm),
    Touch(TouchForm),
    Agreement(AgreementForm),
    Payment(PaymentForm),
    Invoice(InvoiceForm),
    Target(TargetForm),
    Briefing(BriefingForm),
}

impl Kind {
    /// The open form, whichever variant it is, as a [`Typed`] form.
    fn typed(&self) -> &dyn Typed {
        match self {
            Kind::NewClient(f) => f,
            Kind::EditClient(f) => f,
            Kind::Change(f) => f,
            Kind::Contact(f) => f,
            Kind::Touch(f) => f,
            Kind::Agreement(f) => f,
            Kind::Payment(f) => f,
            Kind::Invoice(f) => f,
            Kind::Target(f) => f,
            Kind::Briefing(f) => f,
        }
    }

    fn typed_mut(&mut self) -> &mut dyn Typed {
        match self {
            Kind::NewClient(f) => f,
            Kind::EditClient(f) => f,
            Kind::Change(f) => f,
            Kind::Contact(f) => f,
            Kind::Touch(f) => f,
            Kind::Agreement(f) => f,
            Kind::Payment(f) => f,
            Kind::Invoice(f) => f,
            Kind::Target(f) => f,
            Kind::Briefing(f) => f,
        }
    }
}

/// A form's title: message `id` naming a client or a contact (`name`).
fn naming(shared: &Shared, id: &str, name: &str) -> String {
    crate::format::text_with(shared.locale, id, &[("name", name.into())])
}

/// A form on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub title: String,
    pub kind: Kind,
    /// The field the keys edit, in the order shown.
    pub focus: usize,
    /// Names a Client field accepts (and completes from).
    pub clients: Vec<String>,
    /// Why the form was not saved (a field, or the store: a duplicate
    /// name), shown under it.
    pub error: Option<FormError>,
}

impl Form {
    pub fn new(title: impl Into<String>, kind: Kind, clients: Vec<String>) -> Form {
        Form {
            title: title.into(),
            kind,
            focus: 0,
            clients,
            error: None,
        }
    }

    /// Focus field `i` first (a change's reason, a target's amount).
    pub fn focused(self, i: usize) -> Form {
        Form { focus: i, ..self }
    }

    pub fn fields(&self) -> Vec<&Field> {
        self.kind.typed().fields()
    }

    /// Each field's check, in order (drawn next to the fields).
    pub fn checks(&self) -> Vec<Result<super::form::Value, Check>> {
        self.fields()
            .into_iter()
            .map(|f| super::form::validate(f, &self.clients))
            .collect()
    }

    /// What saving does: every field checked in the order shown (the first
    /// wrong one is named), then parsed into the domain value.
    pub fn submit(&mut self) -> Result<Save, FieldError> {
        self.complete();
        for f in self.fields() {
            f.checked(&self.clients)?;
        }
        self.kind.typed().parse(&self.clients)
    }

    fn focused_field(&mut self) -> Option<&mut Field> {
        let focus = self.focus;
        self.kind.typed_mut().fields_mut().into_iter().nth(focus)
    }

    /// Focus the field `by` after the focused one (before it when
    /// negative), round the ends.
    pub fn step_field(&mut self, by: isize) {
        let n = self.fields().len() as isize;
        self.focus = (self.focus as isize + by).rem_euclid(n) as usize;
    }

    /// Apply `edit` to the focused field. An edit of its text (`Text`)
    /// clears the save error shown under the form; moving the cursor
    /// (`Cursor`) leaves it.
    pub fn edit(&mut self, kind: Edit, edit: impl FnOnce(&mut Field)) {
        if kind == Edit::Text {
            self.error = None;
        }
        if let Some(f) = self.focused_field() {
            edit(f);
        }
    }

    /// Complete the focused Client field from the known names.
    pub fn complete(&mut self) {
        let clients = std::mem::take(&mut self.clients);
        if let Some(f) = self.focused_field() {
            f.complete(&clients);
        }
        self.clients = clients;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AgreementStatus, Owner, TouchKind, Touchpoint};
    use crate::tui::app::{App, Shared};

    fn shared() -> Shared {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let mut app = App::new(today, "test");
        app.shared.names.insert(7, "ООО Ромашка".into());
        app.shared
    }

    fn typed(form: &mut Form, text: &str) {
        for c in text.chars() {
            form.edit(Edit::Text, |f| f.insert(c));
        }
    }

    #[test]
    fn a_new_client_parses_into_the_client_it_creates() {
        let s = shared();
        let mut form = NewClientForm::open(&s, Tier::Gold);
        typed(&mut form, "  Acme  ");
        let Ok(Save::AddClient(c)) = form.submit() else {
            panic!("{:?}", form.submit())
        };
        assert_eq!(
            (c.name.as_str(), c.tier, c.since),
            ("Acme", Tier::Gold, s.today)
        );
        assert_eq!((c.cadence_days, c.channel, c.goal), (None, None, None));
        assert_eq!(c.status, Status::Active);
    }

    #[test]
    fn an_edited_touchpoint_parses_into_its_new_values() {
        let s = shared();
        let t = Touchpoint {
            id: 42,
            client_id: 7,
            at: s.today,
            kind: TouchKind::Meeting,
            summary: "План на квартал".into(),
            minutes: 30,
            next_step: Some("Send the deck".into()),
            next_due: None,
        };
        let mut form = TouchForm::open(&s, Some(&t), "ООО Ромашка".into());
        form.focus = 4; // minutes
        form.edit(Edit::Cursor, Field::end);
        typed(&mut form, "5");
        let Ok(Save::EditTouchpoint(42, client, new)) = form.submit() else {
            panic!("{:?}", form.submit())
        };
        assert_eq!(client, "ООО Ромашка");
        let expected = NewTouchpoint {
            at: t.at,
            kind: t.kind,
            summary: t.summary.clone(),
            minutes: 305,
            next_step: t.next_step.clone(),
            next_due: None,
        };
        assert_eq!(new, expected);
    }

    #[test]
    fn a_form_that_cannot_parse_names_the_field() {
        let s = shared();
        // Nothing filled: the first field shown is named.
        let mut form = AgreementForm::open(&s, None, String::new());
        assert_eq!(
            form.submit(),
            Err(FieldError {
                field: "Client",
                check: Check::Required
            })
        );
        typed(&mut form, "ромашка");
        let err = form.submit().unwrap_err();
        assert_eq!(err.to_string(), "Agreement: required");
        form.focus = 1;
        typed(&mut form, "Media plan by Friday");
        let Ok(Save::AddAgreement(client, a)) = form.submit() else {
            panic!("{:?}", form.submit())
        };
        assert_eq!(client, "ООО Ромашка");
        assert_eq!(
            (a.owner, a.status, a.made_on),
            (Owner::Us, AgreementStatus::Open, s.today)
        );
        // Fields are checked in the order shown: the summary, then the
        // minutes.
        let mut bad = TouchForm::open(&s, None, "ООО Ромашка".into());
        if let Kind::Touch(t) = &mut bad.kind {
            t.minutes.value = "many".into();
        }
        assert_eq!(bad.submit().unwrap_err().field, "Summary");
        if let Kind::Touch(t) = &mut bad.kind {
            t.summary.value = "call".into();
        }
        assert_eq!(bad.submit().unwrap_err().field, "Minutes");
    }

    #[test]
    fn emptied_details_clear_and_a_change_carries_its_reason() {
        let s = shared();
        let form = ClientEditForm {
            id: 7,
            name: Field::text("Name", true, "ООО Ромашка"),
            cadence: Field::new(
                "Cadence (days)",
                crate::tui::form::FieldKind::Number {
                    min: 1,
                    max: 10,
                    required: false,
                },
                "",
            ),
            since: Field::date("Since", true, Some(s.today), s.locale),
            channel: Field::text("Channel", false, " "),
            goal: Field::text("Goal", false, "Grow"),
            notes: Field::text("Notes", false, ""),
        };
        let Ok(Save::EditClient(7, edit)) = form.parse(&[]) else {
            panic!()
        };
        assert_eq!(edit.cadence_days, Some(None), "the cadence is cleared");
        assert_eq!(edit.channel.as_deref(), Some(""), "the channel is cleared");
        assert_eq!(edit.goal.as_deref(), Some("Grow"));

        let mut change = ChangeForm::open(&s, 7, client::Changing::Status);
        typed(&mut change, "Seasonal pause");
        assert_eq!(
            change.submit(),
            Ok(Save::Status {
                client: 7,
                status: Status::Active,
                reason: "Seasonal pause".into(),
                on: s.today,
            })
        );
    }
}
