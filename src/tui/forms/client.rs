//! Forms about a client: a new one, its details, a move to another tier or
//! status, a contact person.

use super::{Form, Kind, Save, Typed};
use crate::domain::{Client, Contact, Id, NewClient, NewContact, Status, Tier};
use crate::ops::ClientEdit;
use crate::tui::app::Shared;
use crate::tui::form::{Field, FieldError, FieldKind};

fn cadence(value: Option<u32>) -> Field {
    let kind = FieldKind::Number {
        min: 1,
        max: crate::domain::MAX_CADENCE,
        required: false,
    };
    let value = value.map(|d| d.to_string()).unwrap_or_default();
    Field::new("Cadence (days)", kind, value)
}

/// A new client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewClientForm {
    pub name: Field,
    pub tier: Field,
    pub cadence: Field,
    pub since: Field,
    pub channel: Field,
    pub goal: Field,
}

impl NewClientForm {
    /// A blank client in `tier`, with us since today.
    pub fn open(shared: &Shared, tier: Tier) -> Form {
        let form = NewClientForm {
            name: Field::text("Name", true, ""),
            tier: Field::choice("Tier", tiers(), tier.as_str()),
            cadence: cadence(None),
            since: Field::date("Since", true, Some(shared.today), shared.locale),
            channel: Field::text("Channel", false, ""),
            goal: Field::text("Goal", false, ""),
        };
        let title = shared.text("form-title-add-client");
        Form::new(title, Kind::NewClient(form), shared.client_names())
    }
}

impl Typed for NewClientForm {
    fields!(name, tier, cadence, since, channel, goal);

    fn parse(&self, _clients: &[String]) -> Result<Save, FieldError> {
        Ok(Save::AddClient(NewClient {
            name: self.name.required_text()?,
            tier: self.tier.choice_as(Tier::parse)?,
            status: Status::Active,
            since: self.since.required_date()?,
            cadence_days: self.cadence.number()?,
            channel: self.channel.optional_text()?,
            goal: self.goal.optional_text()?,
            notes: String::new(),
        }))
    }
}

fn tiers() -> Vec<&'static str> {
    Tier::ALL.iter().map(|t| t.as_str()).collect()
}

/// A client's details (its tier and status change by their own forms,
/// with a reason). An emptied field clears it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientEditForm {
    pub id: Id,
    pub name: Field,
    pub cadence: Field,
    pub since: Field,
    pub channel: Field,
    pub goal: Field,
    pub notes: Field,
}

impl ClientEditForm {
    /// Client `id`'s details, when it is in the portfolio.
    pub fn open(shared: &Shared, id: Id) -> Option<Form> {
        let c: &Client = shared.client(id)?;
        let form = ClientEditForm {
            id: c.id,
            name: Field::text("Name", true, c.name.clone()),
            cadence: cadence(c.cadence_days),
            since: Field::date("Since", true, Some(c.since), shared.locale),
            channel: Field::text("Channel", false, c.channel.clone().unwrap_or_default()),
            goal: Field::text("Goal", false, c.goal.clone().unwrap_or_default()),
            notes: Field::text("Notes", false, c.notes.clone()),
        };
        let title = super::naming(shared, "form-title-edit-client", &c.name);
        Some(Form::new(
            title,
            Kind::EditClient(form),
            shared.client_names(),
        ))
    }
}

impl Typed for ClientEditForm {
    fields!(name, cadence, since, channel, goal, notes);

    fn parse(&self, _clients: &[String]) -> Result<Save, FieldError> {
        // Every field is written: an empty one clears what it holds.
        let cleared = |f: &Field| f.optional_text().map(Option::unwrap_or_default);
        Ok(Save::EditClient(
            self.id,
            ClientEdit {
                name: Some(self.name.required_text()?),
                since: Some(self.since.required_date()?),
                cadence_days: Some(self.cadence.number()?),
                channel: Some(cleared(&self.channel)?),
                goal: Some(cleared(&self.goal)?),
                notes: Some(cleared(&self.notes)?),
                inn: None,
            },
        ))
    }
}

/// What a change form moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changing {
    Tier,
    Status,
}

/// Moving a client to another tier or status, with the reason (the
/// history the one-on-one discusses) and the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeForm {
    pub client: Id,
    pub changing: Changing,
    /// The tier or status it moves to.
    pub to: Field,
    pub reason: Field,
    pub on: Field,
}

impl ChangeForm {
    /// The likely move preselected (potential <-> gold, toxic -> potential;
    /// active -> paused, else active), the reason focused, dated today.
    pub fn open(shared: &Shared, id: Id, changing: Changing) -> Form {
        let client = shared.client(id);
        let (what, to) = match changing {
            Changing::Tier => {
                let next = match client.map(|c| c.tier) {
                    Some(Tier::Potential) => Tier::Gold,
                    _ => Tier::Potential,
                };
                let to = Field::choice("Tier", tiers(), next.as_str());
                ("form-title-change-tier", to)
            }
            Changing::Status => {
                let next = match client.map(|c| c.status) {
                    Some(Status::Active) => Status::Paused,
                    _ => Status::Active,
                };
                let all = Status::ALL.iter().map(|s| s.as_str()).collect();
                let to = Field::choice("Status", all, next.as_str());
                ("form-title-change-status", to)
            }
        };
        let form = ChangeForm {
            client: id,
            changing,
            to,
            reason: Field::text("Reason", true, ""),
            on: Field::date("On", true, Some(shared.today), shared.locale),
        };
        let title = super::naming(shared, what, shared.name(id));
        Form::new(title, Kind::Change(form), Vec::new()).focused(1)
    }
}

impl Typed for ChangeForm {
    fields!(to, reason, on);

    fn parse(&self, _clients: &[String]) -> Result<Save, FieldError> {
        let client = self.client;
        let (reason, on) = (self.reason.required_text()?, self.on.required_date()?);
        Ok(match self.changing {
            Changing::Tier => Save::Tier {
                client,
                tier: self.to.choice_as(Tier::parse)?,
                reason,
                on,
            },
            Changing::Status => Save::Status {
                client,
                status: self.to.choice_as(Status::parse)?,
                reason,
                on,
            },
        })
    }
}

/// A contact person: a new one at a client, or one's details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactForm {
    /// The client a new contact is added to.
    pub client: Id,
    /// The contact edited; `None`: a new one.
    pub contact: Option<Id>,
    pub name: Field,
    pub role: Field,
    pub decides: Field,
    pub phone: Field,
    pub email: Field,
    pub birthday: Field,
}

impl ContactForm {
    /// A new contact at client `id`, or `c`'s details.
    pub fn open(shared: &Shared, id: Id, c: Option<&Contact>) -> Form {
        let text = |f: fn(&Contact) -> Option<&String>| c.and_then(f).cloned().unwrap_or_default();
        let decides = if c.is_some_and(|c| c.decision_maker) {
            "yes"
        } else {
            "no"
        };
        let form = ContactForm {
            client: id,
            contact: c.map(|c| c.id),
            name: Field::text("Person", true, text(|c| Some(&c.name))),
            role: Field::text("Role", false, text(|c| c.role.as_ref())),
            decides: Field::choice("Decides", vec!["no", "yes"], decides),
            phone: Field::text("Phone", false, text(|c| c.phone.as_ref())),
            email: Field::text("Email", false, text(|c| c.email.as_ref())),
            birthday: Field::date("Birthday", false, c.and_then(|c| c.birthday), shared.locale),
        };
        let title = match c {
            Some(c) => super::naming(shared, "form-title-edit-contact", &c.name),
            None => super::naming(shared, "form-title-add-contact", shared.name(id)),
        };
        Form::new(title, Kind::Contact(form), Vec::new())
    }
}

impl Typed for ContactForm {
    fields!(name, role, decides, phone, email, birthday);

    fn parse(&self, _clients: &[String]) -> Result<Save, FieldError> {
        let new = NewContact {
            name: self.name.required_text()?,
            role: self.role.optional_text()?,
            decision_maker: self.decides.yes()?,
            phone: self.phone.optional_text()?,
            email: self.email.optional_text()?,
            birthday: self.birthday.optional_date()?,
        };
        Ok(match self.contact {
            Some(id) => Save::EditContact(id, new),
            None => Save::AddContact(self.client, new),
        })
    }
}
