//! The words of the TUI's forms in the user's language: field labels
//! and choices (a field's check says itself: `form::Check::say`). The
//! domain's words (tiers, statuses, kinds, owners, agreement statuses) are
//! shared with the command line and live in `format::words`.

use crate::domain::{Owner, Status, Tier, TouchKind};
use crate::format::{Locale, text};

pub use crate::format::words::{agreement, kind, owner, status, tier};

/// A form field's label in `loc`. The forms name their fields in English
/// (the name a saving error gives, `Amount: ...`); the screen shows them
/// through this. A label not listed shows as it is.
pub fn form_label(loc: Locale, label: &str) -> String {
    let id = match label {
        "Agreement" => "form-agreement",
        "Amount" => "form-amount",
        "Birthday" => "form-birthday",
        "Cadence (days)" => "form-cadence",
        "Channel" => "form-channel",
        "Client" => "form-client",
        "Date" => "form-date",
        "Decides" => "form-decides",
        "Due" => "form-due",
        "Email" => "form-email",
        "File" => "form-file",
        "Goal" => "form-goal",
        "Kind" => "form-kind",
        "Made on" => "form-made-on",
        "Minutes" => "form-minutes",
        "Month" => "form-month",
        "Name" => "form-name",
        "Next due" => "form-next-due",
        "Next step" => "form-next-step",
        "Note" => "form-note",
        "Notes" => "form-notes",
        "On" => "form-on",
        "Owed by" => "form-owed-by",
        "Person" => "form-person",
        "Phone" => "form-phone",
        "Reason" => "form-reason",
        "Role" => "form-role",
        "Since" => "form-since",
        "Status" => "form-status",
        "Summary" => "form-summary",
        "Target" => "form-target",
        "Tier" => "form-tier",
        _ => return label.to_string(),
    };
    text(loc, id)
}

/// A choice's value as a form shows it in `loc` (the value saved stays
/// the English word the file uses).
pub fn choice(loc: Locale, value: &str) -> String {
    let parsed = (
        value.parse::<Tier>(),
        value.parse::<Status>(),
        value.parse::<TouchKind>(),
        value.parse::<Owner>(),
    );
    match (value, parsed) {
        ("yes", _) => text(loc, "form-yes"),
        ("no", _) => text(loc, "form-no"),
        (_, (Ok(t), _, _, _)) => tier(loc, t),
        (_, (_, Ok(s), _, _)) => status(loc, s),
        (_, (_, _, Ok(k), _)) => kind(loc, k),
        (_, (_, _, _, Ok(o))) => owner(loc, o),
        _ => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_labels_and_choices_show_in_the_language() {
        assert_eq!(form_label(Locale::En, "Owed by"), "Owed by");
        assert_eq!(form_label(Locale::Ru, "Owed by"), "За кем");
        assert_eq!(form_label(Locale::Ru, "Unlisted"), "Unlisted");
        assert_eq!(choice(Locale::En, "gold"), "gold");
        assert_eq!(choice(Locale::Ru, "gold"), "золотые");
        assert_eq!(choice(Locale::Ru, "yes"), "да");
        assert_eq!(choice(Locale::Ru, "meeting"), "встреча");
    }
}
