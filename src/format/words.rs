//! The domain's words in the user's language, for both doors (the TUI's
//! screens and the command line's tables): tiers, statuses, touchpoint
//! kinds, agreement owners and statuses. The English words are the ones
//! the CLI and the file use (`Tier::as_str`); a new variant is an arm here
//! and a line in each `tui.ftl`.

use super::{Locale, text};
use crate::domain::{AgreementStatus, Owner, Status, Tier, TouchKind};

/// A tier as a group of clients (a column, a count): `gold`, `золотые`.
pub fn tier(loc: Locale, tier: Tier) -> String {
    let id = match tier {
        Tier::Gold => "tui-tier-gold",
        Tier::Potential => "tui-tier-potential",
        Tier::Toxic => "tui-tier-toxic",
    };
    text(loc, id)
}

/// The tier of one client (a table's cell): `gold`, `золотой`.
pub fn tier_of_one(loc: Locale, tier: Tier) -> String {
    match loc {
        Locale::En => tier.as_str().to_string(),
        Locale::Ru => tier.as_ru().to_string(),
    }
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

/// The reason of a history entry in `loc`. The entries folio writes on
/// its own when a client is added (`initial tier`, `client added`, stored
/// in English) read in the language; a person's own reason as it is.
pub fn history_reason(loc: Locale, first: bool, reason: &str) -> String {
    match (first, reason) {
        (true, "initial tier") => text(loc, "history-initial-tier"),
        (true, "client added") => text(loc, "history-client-added"),
        _ => reason.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words_are_the_files_and_russian_ones_differ() {
        for t in Tier::ALL {
            assert_eq!(tier(Locale::En, *t), t.as_str());
            assert_eq!(tier_of_one(Locale::En, *t), t.as_str());
            assert_ne!(tier(Locale::Ru, *t), t.as_str());
        }
        assert_eq!(tier_of_one(Locale::Ru, Tier::Gold), "золотой");
        assert_eq!(tier(Locale::Ru, Tier::Gold), "золотые");
        assert_eq!(
            history_reason(Locale::En, true, "initial tier"),
            "initial tier"
        );
        assert_eq!(
            history_reason(Locale::Ru, true, "initial tier"),
            "начальная категория"
        );
        assert_eq!(
            history_reason(Locale::Ru, false, "initial tier"),
            "initial tier"
        );
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
}
