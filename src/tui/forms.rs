//! The forms the panes open: which fields, filled with what. The editing
//! and checking of fields is `form`'s.

use super::app::Shared;
use super::form::{Field, FieldKind, Form, Purpose};
use crate::domain::{Agreement, Contact, Id, Status, Tier, TouchKind, Touchpoint};

/// A new client, in the tier given.
pub fn add_client(shared: &Shared, tier: Tier) -> Form {
    Form::new(
        "Add a client",
        Purpose::AddClient,
        vec![
            Field::new("Name", FieldKind::Text { required: true }, ""),
            Field::new(
                "Tier",
                FieldKind::Choice(vec!["gold", "potential", "toxic"]),
                tier.as_str(),
            ),
            Field::new("Cadence (days)", cadence(), ""),
            Field::new(
                "Since",
                FieldKind::Date { required: true },
                shared.today.to_string(),
            ),
            Field::new("Channel", FieldKind::Text { required: false }, ""),
            Field::new("Goal", FieldKind::Text { required: false }, ""),
        ],
        shared.client_names(),
    )
}

/// Client `id`'s details, when it is in the portfolio.
pub fn edit_client(shared: &Shared, id: Id) -> Option<Form> {
    let c = shared.client(id)?;
    Some(Form::new(
        format!("Edit {}", c.name),
        Purpose::EditClient(c.id),
        vec![
            Field::new("Name", FieldKind::Text { required: true }, c.name.clone()),
            Field::new(
                "Cadence (days)",
                cadence(),
                c.cadence_days.map(|d| d.to_string()).unwrap_or_default(),
            ),
            Field::new(
                "Since",
                FieldKind::Date { required: true },
                c.since.to_string(),
            ),
            Field::new(
                "Channel",
                FieldKind::Text { required: false },
                c.channel.clone().unwrap_or_default(),
            ),
            Field::new(
                "Goal",
                FieldKind::Text { required: false },
                c.goal.clone().unwrap_or_default(),
            ),
            Field::new(
                "Notes",
                FieldKind::Text { required: false },
                c.notes.clone(),
            ),
        ],
        shared.client_names(),
    ))
}

fn cadence() -> FieldKind {
    FieldKind::Number {
        min: 1,
        max: crate::ops::MAX_CADENCE,
        required: false,
    }
}

/// Moving client `id` to another tier (`tier`) or status: the likely move
/// preselected, the reason (required) focused, dated today.
pub fn change(shared: &Shared, id: Id, tier: bool) -> Form {
    let client = shared.client(id);
    let (what, label, purpose, choices, next) = if tier {
        // Potential <-> gold, toxic -> potential.
        let next = match client.map(|c| c.tier) {
            Some(Tier::Potential) => "gold",
            _ => "potential",
        };
        let choices = vec!["gold", "potential", "toxic"];
        ("tier", "Tier", Purpose::ChangeTier(id), choices, next)
    } else {
        let next = match client.map(|c| c.status) {
            Some(Status::Active) => "paused",
            _ => "active",
        };
        let choices = vec!["active", "paused", "churned"];
        ("status", "Status", Purpose::ChangeStatus(id), choices, next)
    };
    let mut form = Form::new(
        format!("Change {what}: {}", shared.name(id)),
        purpose,
        vec![
            Field::new(label, FieldKind::Choice(choices), next),
            Field::new("Reason", FieldKind::Text { required: true }, ""),
            Field::new(
                "On",
                FieldKind::Date { required: true },
                shared.today.to_string(),
            ),
        ],
        Vec::new(),
    );
    form.focus = 1;
    form
}

/// Logging a touchpoint with `client` (a name, maybe empty), or editing `t`.
pub fn touchpoint(shared: &Shared, t: Option<&Touchpoint>, client: String) -> Form {
    let kinds = TouchKind::ALL.iter().map(|k| k.as_str()).collect();
    let fields = vec![
        Field::new("Client", FieldKind::Client, client),
        Field::new(
            "Date",
            FieldKind::Date { required: true },
            t.map(|t| t.at).unwrap_or(shared.today).to_string(),
        ),
        Field::new(
            "Kind",
            FieldKind::Choice(kinds),
            t.map(|t| t.kind.as_str()).unwrap_or("call"),
        ),
        Field::new(
            "Summary",
            FieldKind::Text { required: true },
            t.map(|t| t.summary.clone()).unwrap_or_default(),
        ),
        Field::new(
            "Minutes",
            FieldKind::Number {
                min: 0,
                max: crate::ops::MAX_MINUTES,
                required: false,
            },
            t.map(|t| t.minutes.to_string()).unwrap_or_default(),
        ),
        Field::new(
            "Next step",
            FieldKind::Text { required: false },
            t.and_then(|t| t.next_step.clone()).unwrap_or_default(),
        ),
        Field::new(
            "Next due",
            FieldKind::Date { required: false },
            t.and_then(|t| t.next_due)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ),
    ];
    let (title, purpose) = match t {
        Some(t) => ("Edit touchpoint", Purpose::EditTouchpoint(t.id)),
        None => ("Log a touchpoint", Purpose::AddTouchpoint),
    };
    Form::new(title, purpose, fields, shared.client_names())
}

/// Recording an agreement with `client`, or editing `a`.
pub fn agreement(shared: &Shared, a: Option<&Agreement>, client: String) -> Form {
    let fields = vec![
        Field::new("Client", FieldKind::Client, client),
        Field::new(
            "Agreement",
            FieldKind::Text { required: true },
            a.map(|a| a.text.clone()).unwrap_or_default(),
        ),
        Field::new(
            "Owed by",
            FieldKind::Choice(vec!["us", "client"]),
            a.map(|a| a.owner.as_str()).unwrap_or("us"),
        ),
        Field::new(
            "Due",
            FieldKind::Date { required: false },
            a.and_then(|a| a.due)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ),
        Field::new(
            "Made on",
            FieldKind::Date { required: true },
            a.map(|a| a.made_on).unwrap_or(shared.today).to_string(),
        ),
    ];
    let (title, purpose) = match a {
        Some(a) => ("Edit agreement", Purpose::EditAgreement(a.id)),
        None => ("Record an agreement", Purpose::AddAgreement),
    };
    Form::new(title, purpose, fields, shared.client_names())
}

/// A payment received from `client`, today.
pub fn payment(shared: &Shared, client: String) -> Form {
    Form::new(
        "Record a payment",
        Purpose::AddPayment,
        vec![
            Field::new("Client", FieldKind::Client, client),
            Field::new(
                "Date",
                FieldKind::Date { required: true },
                shared.today.to_string(),
            ),
            Field::new("Amount", FieldKind::Amount { positive: true }, ""),
            Field::new("Note", FieldKind::Text { required: false }, ""),
        ],
        shared.client_names(),
    )
}

/// A payment expected from `client` in the month shown, due at its end.
pub fn invoice(shared: &Shared, client: String) -> Form {
    Form::new(
        "Add an expected payment",
        Purpose::AddInvoice,
        vec![
            Field::new("Client", FieldKind::Client, client),
            Field::new("Month", FieldKind::Month, shared.month.to_string()),
            Field::new("Amount", FieldKind::Amount { positive: true }, ""),
            Field::new(
                "Due",
                FieldKind::Date { required: true },
                shared.month.last_day().to_string(),
            ),
        ],
        shared.client_names(),
    )
}

/// The target of the month shown (`current`, as plain digits), focused.
pub fn target(shared: &Shared, current: String) -> Form {
    let mut form = Form::new(
        format!("Target for {}", shared.month),
        Purpose::SetTarget,
        vec![
            Field::new("Month", FieldKind::Month, shared.month.to_string()),
            Field::new("Target", FieldKind::Amount { positive: false }, current),
        ],
        Vec::new(),
    );
    form.focus = 1;
    form
}

/// A new contact person at client `id`, or `c`'s details.
pub fn contact(shared: &Shared, id: Id, c: Option<&Contact>) -> Form {
    let text = |f: fn(&Contact) -> Option<&String>| c.and_then(f).cloned().unwrap_or_default();
    let fields = vec![
        Field::new(
            "Person",
            FieldKind::Text { required: true },
            c.map(|c| c.name.clone()).unwrap_or_default(),
        ),
        Field::new(
            "Role",
            FieldKind::Text { required: false },
            text(|c| c.role.as_ref()),
        ),
        Field::new(
            "Decides",
            FieldKind::Choice(vec!["no", "yes"]),
            if c.is_some_and(|c| c.decision_maker) {
                "yes"
            } else {
                "no"
            },
        ),
        Field::new(
            "Phone",
            FieldKind::Text { required: false },
            text(|c| c.phone.as_ref()),
        ),
        Field::new(
            "Email",
            FieldKind::Text { required: false },
            text(|c| c.email.as_ref()),
        ),
        Field::new(
            "Birthday",
            FieldKind::Date { required: false },
            c.and_then(|c| c.birthday)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ),
    ];
    match c {
        Some(c) => Form::new(
            format!("Edit contact {}", c.name),
            Purpose::EditContact(c.id),
            fields,
            Vec::new(),
        ),
        None => Form::new(
            format!("Add a contact at {}", shared.name(id)),
            Purpose::AddContact(id),
            fields,
            Vec::new(),
        ),
    }
}
