//! The domain's words as the screen shows them, in the user's language:
//! tiers, statuses, touchpoint kinds, owners and agreement statuses. The
//! English words are the ones the CLI and the file use (`Tier::as_str`);
//! a new variant is an arm here and a line in each `tui.ftl`.

use crate::domain::{AgreementStatus, Owner, Status, Tier, TouchKind};
use crate::format::{Locale, text};

pub fn tier(loc: Locale, tier: Tier) -> String {
    let id = match tier {
        Tier::Gold => "tui-tier-gold",
        Tier::Potential => "tui-tier-potential",
        Tier::Toxic => "tui-tier-toxic",
    };
    text(loc, id)
}

pub fn status(loc: Locale, status: Status) -> String {
    let id = match status {
        Status::Active => "tui-status-active",
        Status::Paused => "tui-status-paused",
        Status::Churned => "tui-status-churned",
    };
    text(loc, id)
}

pub fn kind(loc: Locale, kind: TouchKind) -> String {
    let id = match kind {
        TouchKind::Call => "tui-kind-call",
        TouchKind::Meeting => "tui-kind-meeting",
        TouchKind::Email => "tui-kind-email",
        TouchKind::Message => "tui-kind-message",
        TouchKind::Report => "tui-kind-report",
        TouchKind::Other => "tui-kind-other",
    };
    text(loc, id)
}

pub fn owner(loc: Locale, owner: Owner) -> String {
    let id = match owner {
        Owner::Us => "tui-owner-us",
        Owner::Client => "tui-owner-client",
    };
    text(loc, id)
}

pub fn agreement(loc: Locale, status: AgreementStatus) -> String {
    let id = match status {
        AgreementStatus::Open => "tui-agreement-open",
        AgreementStatus::Kept => "tui-agreement-kept",
        AgreementStatus::Broken => "tui-agreement-broken",
        AgreementStatus::Cancelled => "tui-agreement-cancelled",
    };
    text(loc, id)
}

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

/// A form's check message in `loc`, for the few fixed ones the fields
/// give (`tui::form`); a message with values (a parse error) shows as
/// it is.
pub fn form_note(loc: Locale, note: &str) -> String {
    let id = match note {
        "required" => "form-required",
        "too long" => "form-too-long",
        "required (YYYY-MM-DD or DD.MM.YYYY)" => "form-required-date",
        "no such client" => "form-no-such-client",
        _ => return note.to_string(),
    };
    text(loc, id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words_are_the_files_and_russian_ones_differ() {
        for t in Tier::ALL {
            assert_eq!(tier(Locale::En, *t), t.as_str());
            assert_ne!(tier(Locale::Ru, *t), t.as_str());
        }
        for s in Status::ALL {
            assert_eq!(status(Locale::En, *s), s.as_str());
            assert_ne!(status(Locale::Ru, *s), s.as_str());
        }
        for k in TouchKind::ALL {
            assert_eq!(kind(Locale::En, *k), k.as_str());
            assert_ne!(kind(Locale::Ru, *k), k.as_str());
        }
        for o in Owner::ALL {
            assert_eq!(owner(Locale::En, *o), o.as_str());
            assert_ne!(owner(Locale::Ru, *o), o.as_str());
        }
        for a in AgreementStatus::ALL {
            assert_eq!(agreement(Locale::En, *a), a.as_str());
            assert_ne!(agreement(Locale::Ru, *a), a.as_str());
        }
    }

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
