//! Forms for the relationship log: a touchpoint, an agreement.

use super::{Form, Kind, Save, Typed};
use crate::domain::{
    Agreement, AgreementStatus, Id, NewAgreement, NewTouchpoint, Owner, TouchKind, Touchpoint,
};
use crate::tui::app::Shared;
use crate::tui::form::{Field, FieldError, FieldKind};

/// A touchpoint: logged with a client, or one edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TouchForm {
    /// The touchpoint edited; `None`: a new one.
    pub id: Option<Id>,
    pub client: Field,
    pub date: Field,
    pub kind: Field,
    pub summary: Field,
    pub minutes: Field,
    pub next_step: Field,
    pub next_due: Field,
}

impl TouchForm {
    /// Logging a touchpoint with `client` (a name, maybe empty) today, or
    /// editing `t`.
    pub fn open(shared: &Shared, t: Option<&Touchpoint>, client: String) -> Form {
        let kinds = TouchKind::ALL.iter().map(|k| k.as_str()).collect();
        let minutes = FieldKind::Number {
            min: 0,
            max: crate::domain::time::MAX_MINUTES,
            required: false,
        };
        // A new touchpoint's text fields start empty.
        let text = |f: fn(&Touchpoint) -> String| t.map(f).unwrap_or_default();
        let at = t.map_or(shared.today, |t| t.at);
        let form = TouchForm {
            id: t.map(|t| t.id),
            client: Field::new("Client", FieldKind::Client, client),
            date: Field::date("Date", true, Some(at), shared.locale),
            kind: Field::choice("Kind", kinds, t.map_or("call", |t| t.kind.as_str())),
            summary: Field::text("Summary", true, text(|t| t.summary.clone())),
            minutes: Field::new("Minutes", minutes, text(|t| t.minutes.to_string())),
            next_step: Field::text(
                "Next step",
                false,
                text(|t| t.next_step.clone().unwrap_or_default()),
            ),
            next_due: Field::date("Next due", false, t.and_then(|t| t.next_due), shared.locale),
        };
        let title = shared.text(match t {
            Some(_) => "form-title-edit-touchpoint",
            None => "form-title-add-touchpoint",
        });
        Form::new(title, Kind::Touch(form), shared.client_names())
    }
}

impl Typed for TouchForm {
    fields!(client, date, kind, summary, minutes, next_step, next_due);

    fn parse(&self, clients: &[String]) -> Result<Save, FieldError> {
        let client = self.client.client(clients)?;
        let t = NewTouchpoint {
            at: self.date.required_date()?,
            kind: self.kind.choice_as(TouchKind::parse)?,
            summary: self.summary.required_text()?,
            // Left empty: no time logged.
            minutes: self.minutes.number()?.unwrap_or(0),
            next_step: self.next_step.optional_text()?,
            next_due: self.next_due.optional_date()?,
        };
        Ok(match self.id {
            Some(id) => Save::EditTouchpoint(id, client, t),
            None => Save::AddTouchpoint(client, t),
        })
    }
}

/// An agreement: recorded with a client, or one edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementForm {
    /// The agreement edited; `None`: a new one (open).
    pub id: Option<Id>,
    pub client: Field,
    pub text: Field,
    pub owner: Field,
    pub due: Field,
    pub made_on: Field,
}

impl AgreementForm {
    /// Recording an agreement with `client` (a name, maybe empty), made
    /// today, or editing `a`.
    pub fn open(shared: &Shared, a: Option<&Agreement>, client: String) -> Form {
        let owners = Owner::ALL.iter().map(|o| o.as_str()).collect();
        let text = a.map(|a| a.text.clone()).unwrap_or_default();
        let made_on = a.map_or(shared.today, |a| a.made_on);
        let form = AgreementForm {
            id: a.map(|a| a.id),
            client: Field::new("Client", FieldKind::Client, client),
            text: Field::text("Agreement", true, text),
            owner: Field::choice("Owed by", owners, a.map_or("us", |a| a.owner.as_str())),
            due: Field::date("Due", false, a.and_then(|a| a.due), shared.locale),
            made_on: Field::date("Made on", true, Some(made_on), shared.locale),
        };
        let title = shared.text(match a {
            Some(_) => "form-title-edit-agreement",
            None => "form-title-add-agreement",
        });
        Form::new(title, Kind::Agreement(form), shared.client_names())
    }
}

impl Typed for AgreementForm {
    fields!(client, text, owner, due, made_on);

    fn parse(&self, clients: &[String]) -> Result<Save, FieldError> {
        let client = self.client.client(clients)?;
        let a = NewAgreement {
            made_on: self.made_on.required_date()?,
            text: self.text.required_text()?,
            owner: self.owner.choice_as(Owner::parse)?,
            due: self.due.optional_date()?,
            status: AgreementStatus::Open,
            closed_on: None,
        };
        Ok(match self.id {
            Some(id) => Save::EditAgreement(id, client, a),
            None => Save::AddAgreement(client, a),
        })
    }
}
