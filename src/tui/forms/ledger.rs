//! Forms for money: a payment received, an expected payment, the month's
//! target.

use super::{Form, Kind, Save, Typed};
use crate::domain::{Id, Invoice, Money, NewInvoice, NewPayment, Payment};
use crate::tui::app::Shared;
use crate::tui::form::{Field, FieldError, FieldKind};

/// A payment received from a client: a new one, or payment `id` edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentForm {
    pub id: Option<Id>,
    pub client: Field,
    pub on: Field,
    pub amount: Field,
    pub note: Field,
}

impl PaymentForm {
    /// Payment `p` (from `client`, its name) to edit, its values filled
    /// in; with none, a payment from `client` (maybe empty) received today.
    pub fn open(shared: &Shared, p: Option<&Payment>, client: String) -> Form {
        let on = p.map_or(shared.today, |p| p.on);
        let form = PaymentForm {
            id: p.map(|p| p.id),
            client: Field::new("Client", FieldKind::Client, client),
            on: Field::date("Date", true, Some(on), shared.locale),
            amount: Field::money("Amount", true, p.map(|p| p.amount), shared.locale),
            note: Field::text("Note", false, p.map(|p| p.note.clone()).unwrap_or_default()),
        };
        let title = shared.text(match p {
            Some(_) => "form-title-edit-payment",
            None => "form-title-add-payment",
        });
        Form::new(title, Kind::Payment(form), shared.client_names())
    }
}

impl Typed for PaymentForm {
    fields!(client, on, amount, note);

    fn parse(&self, clients: &[String]) -> Result<Save, FieldError> {
        let client = self.client.client(clients)?;
        let p = NewPayment {
            on: self.on.required_date()?,
            amount: self.amount.amount()?,
            // Left empty: no note.
            note: self.note.optional_text()?.unwrap_or_default(),
        };
        Ok(match self.id {
            Some(id) => Save::EditPayment(id, client, p),
            None => Save::AddPayment(client, p),
        })
    }
}

/// A payment expected from a client (an invoice), counting toward a month:
/// a new one, or invoice `id` edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceForm {
    pub id: Option<Id>,
    pub client: Field,
    pub month: Field,
    pub amount: Field,
    pub due: Field,
}

impl InvoiceForm {
    /// Invoice `i` (to `client`, its name) to edit, its values filled in;
    /// with none, an invoice to `client` in the month shown, due at its end.
    pub fn open(shared: &Shared, i: Option<&Invoice>, client: String) -> Form {
        let month = i.map_or(shared.month, |i| i.month);
        let due = i.map_or(shared.month.last_day(), |i| i.due);
        let form = InvoiceForm {
            id: i.map(|i| i.id),
            client: Field::new("Client", FieldKind::Client, client),
            month: Field::for_month("Month", month, shared.locale),
            amount: Field::money("Amount", true, i.map(|i| i.amount), shared.locale),
            due: Field::date("Due", true, Some(due), shared.locale),
        };
        let title = shared.text(match i {
            Some(_) => "form-title-edit-invoice",
            None => "form-title-add-invoice",
        });
        Form::new(title, Kind::Invoice(form), shared.client_names())
    }
}

impl Typed for InvoiceForm {
    fields!(client, month, amount, due);

    fn parse(&self, clients: &[String]) -> Result<Save, FieldError> {
        let client = self.client.client(clients)?;
        let i = NewInvoice {
            month: self.month.month()?,
            amount: self.amount.amount()?,
            due: self.due.required_date()?,
        };
        Ok(match self.id {
            Some(id) => Save::EditInvoice(id, client, i),
            None => Save::AddInvoice(client, i),
        })
    }
}

/// The monthly payment plan's target for a month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetForm {
    pub month: Field,
    pub target: Field,
}

impl TargetForm {
    /// The month shown, with its target (`current`), the amount focused.
    pub fn open(shared: &Shared, current: Option<Money>) -> Form {
        let form = TargetForm {
            month: Field::for_month("Month", shared.month, shared.locale),
            target: Field::money("Target", false, current, shared.locale),
        };
        let month = crate::format::month(shared.locale, shared.month);
        let args = [("month", month.as_str().into())];
        let title = crate::format::text_with(shared.locale, "form-title-target", &args);
        Form::new(title, Kind::Target(form), Vec::new()).focused(1)
    }
}

impl Typed for TargetForm {
    fields!(month, target);

    fn parse(&self, _clients: &[String]) -> Result<Save, FieldError> {
        Ok(Save::Target(self.month.month()?, self.target.amount()?))
    }
}
