//! The records of a portfolio, as DOMAIN.md describes them.

use chrono::NaiveDate;
use serde::Serialize;

use super::money::Money;
use super::time::Month;

/// Error for a word that is not one of an enum's values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{value}' is not {} {what} (use one of: {allowed})", article(.what))]
pub struct UnknownValue {
    pub what: &'static str,
    pub value: String,
    pub allowed: &'static str,
    /// The allowed values' Russian words, for the message in Russian.
    pub allowed_ru: &'static str,
}

/// "a" or "an" before a word, by its first letter.
fn article(word: &str) -> &'static str {
    match word.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

/// Does `input` (already lowercase, with `ё` read as `е`) say `word`,
/// where `word` may be written with `ё`?
fn says(input: &str, word: &str) -> bool {
    word.chars()
        .map(|c| if c == 'ё' { 'е' } else { c })
        .eq(input.chars())
}

/// Enums stored and typed as lowercase words, with serde names to match.
/// Each value has its English word (stored, and what exports write), a few
/// English aliases, then after `ru` its Russian word (what `export --lang
/// ru` writes) and the other Russian forms people type: all read back,
/// case-insensitively, `ё` as `е`. This is the one table of enum words:
/// the command line, forms and CSV cells all parse through it.
macro_rules! word_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal, {
        $($variant:ident => $word:literal $(| $alias:literal)*, ru $ru:literal $(| $ru_alias:literal)*);+ $(;)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "lowercase")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            /// The Russian word for the value (what an export in Russian
            /// writes; [`Self::parse`] reads it back).
            pub fn as_ru(self) -> &'static str {
                match self { $($name::$variant => $ru),+ }
            }

            /// Parse case-insensitively, accepting a few aliases and the
            /// Russian words (`ё` or `е`).
            pub fn parse(input: &str) -> Result<$name, UnknownValue> {
                // The stored form (every row read back) needs no folding.
                match input {
                    $($word => return Ok($name::$variant),)+
                    _ => {}
                }
                let lower = fold(input.trim());
                $(
                    if lower == $word $(|| lower == $alias)*
                        || says(&lower, $ru) $(|| says(&lower, $ru_alias))*
                    {
                        return Ok($name::$variant);
                    }
                )+
                Err(UnknownValue {
                    what: $what,
                    value: input.trim().to_string(),
                    allowed: concat!($($word, " "),+).trim_ascii_end(),
                    allowed_ru: concat!($($ru, ", "),+).trim_end_matches(", "),
                })
            }

            /// The Russian word for the value whose English word is `english`.
            fn ru_of(english: &str) -> Option<&'static str> {
                match english {
                    $($word => Some($ru),)+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> { $name::parse(s) }
        }
    };
}

word_enum!(
    /// Where a client stands as an asset: see "Tiers" in DOMAIN.md.
    Tier, "tier", {
        Gold => "gold", ru "золотой" | "золотая" | "золотое" | "золотые";
        Potential => "potential",
            ru "перспективный" | "перспективная" | "перспективное" | "перспективные";
        Toxic => "toxic", ru "токсичный" | "токсичная" | "токсичное" | "токсичные";
    }
);

word_enum!(
    /// Whether the relationship is running.
    Status, "status", {
        Active => "active", ru "активный" | "активная" | "активное" | "активен" | "активна";
        Paused => "paused", ru "на паузе" | "пауза" | "приостановлен" | "приостановлена";
        Churned => "churned", ru "ушёл" | "ушла" | "ушли" | "ушедший" | "отток";
    }
);

word_enum!(
    /// How a touchpoint happened.
    TouchKind, "touchpoint kind", {
        Call => "call", ru "звонок";
        Meeting => "meeting", ru "встреча";
        Email => "email" | "e-mail" | "mail", ru "письмо" | "почта";
        Message => "message" | "messenger" | "chat", ru "мессенджер" | "сообщение" | "чат";
        Report => "report", ru "отчёт";
        Other => "other", ru "другое" | "другой" | "прочее";
    }
);

word_enum!(
    /// Who owes an agreement: the agency (us) or the client.
    Owner, "owner", {
        Us => "us" | "we" | "agency", ru "мы" | "за нами" | "агентство";
        Client => "client" | "them", ru "клиент" | "за клиентом";
    }
);

word_enum!(
    /// The life of an agreement.
    AgreementStatus, "agreement status", {
        Open => "open", ru "открыта" | "открыто" | "открыт" | "открытая" | "в работе";
        Kept => "kept", ru "выполнена" | "выполнено" | "выполнен";
        Broken => "broken", ru "нарушена" | "нарушено" | "нарушен";
        Cancelled => "cancelled" | "canceled", ru "отменена" | "отменено" | "отменён";
    }
);

/// The Russian word for an enum value written as its English word
/// (`gold` -> `золотой`), whichever enum it is a value of; `None` for a
/// word that is no enum's. The TUI's choice fields, which hold English
/// words, pick by a Russian first letter with it.
pub fn russian_word(english: &str) -> Option<&'static str> {
    Tier::ru_of(english)
        .or_else(|| Status::ru_of(english))
        .or_else(|| TouchKind::ru_of(english))
        .or_else(|| Owner::ru_of(english))
        .or_else(|| AgreementStatus::ru_of(english))
}

/// Row ids are SQLite rowids.
pub type Id = i64;

/// A client name as stored: surrounding and repeated whitespace (spaces,
/// tabs, line breaks) collapsed to single spaces.
pub fn clean_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Fold a client name for uniqueness and lookups: Unicode lowercase (so "ООО
/// Ромашка" and "ооо ромашка" are one name), invisible characters left out
/// (`text::is_invisible`: "Ромашка\u{200B}" is "Ромашка"), inner whitespace
/// collapsed. `ё` and `е` stay apart here: "Королёв" and "Королев" may be
/// two clients, and stored keys must stay unique.
pub fn name_key(name: &str) -> String {
    clean_name(&super::text::strip_invisible(name)).to_lowercase()
}

/// Fold text for filtering, in every script: Unicode lowercase, with `ё`
/// read as `е` (Russian writes either: `/отчет` finds "Отчёт").
pub fn fold(text: &str) -> String {
    text.to_lowercase().replace('ё', "е")
}

/// Does `haystack` contain `needle`, ignoring case in any script? `needle` must
/// already be folded with [`fold`].
pub fn matches_folded(haystack: &str, folded_needle: &str) -> bool {
    folded_needle.is_empty() || fold(haystack).contains(folded_needle)
}

/// The longest contact cadence, in days: ten years.
pub const MAX_CADENCE: u32 = 3660;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Client {
    pub id: Id,
    pub name: String,
    pub tier: Tier,
    pub status: Status,
    pub since: NaiveDate,
    /// Agreed contact cadence: at most this many days between touchpoints.
    pub cadence_days: Option<u32>,
    pub channel: Option<String>,
    pub goal: Option<String>,
    pub notes: String,
}

/// What it takes to create a client; the rest has defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewClient {
    pub name: String,
    pub tier: Tier,
    pub status: Status,
    pub since: NaiveDate,
    pub cadence_days: Option<u32>,
    pub channel: Option<String>,
    pub goal: Option<String>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    pub id: Id,
    pub client_id: Id,
    pub name: String,
    pub role: Option<String>,
    pub decision_maker: bool,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub birthday: Option<NaiveDate>,
}

/// How many contacts a client has, and how many of them decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ContactCounts {
    pub contacts: u32,
    pub decision_makers: u32,
}

/// What the briefing needs of a contact: whose it is, whether a decision
/// maker, the birthday (no texts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContactRole {
    pub id: Id,
    pub client_id: Id,
    pub decision_maker: bool,
    pub birthday: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewContact {
    pub name: String,
    pub role: Option<String>,
    pub decision_maker: bool,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub birthday: Option<NaiveDate>,
}

/// One entry of a client's history of a `T` (its tier, its status). `from`
/// is `None` for the value the client was created with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change<T> {
    pub id: Id,
    pub client_id: Id,
    pub on: NaiveDate,
    pub from: Option<T>,
    pub to: T,
    pub reason: String,
}

/// One entry of a client's tier history.
pub type TierChange = Change<Tier>;
/// One entry of a client's status history (active / paused / churned).
pub type StatusChange = Change<Status>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Touchpoint {
    pub id: Id,
    pub client_id: Id,
    pub at: NaiveDate,
    pub kind: TouchKind,
    pub summary: String,
    pub minutes: u32,
    pub next_step: Option<String>,
    pub next_due: Option<NaiveDate>,
}

/// A touchpoint's next step and when it is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextStep {
    pub client_id: Id,
    pub due: NaiveDate,
    pub step: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTouchpoint {
    pub at: NaiveDate,
    pub kind: TouchKind,
    pub summary: String,
    pub minutes: u32,
    pub next_step: Option<String>,
    pub next_due: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agreement {
    pub id: Id,
    pub client_id: Id,
    pub made_on: NaiveDate,
    pub text: String,
    pub owner: Owner,
    pub due: Option<NaiveDate>,
    pub status: AgreementStatus,
    pub closed_on: Option<NaiveDate>,
}

impl Agreement {
    /// Open and past its due date.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status == AgreementStatus::Open && self.due.is_some_and(|due| due < today)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAgreement {
    pub made_on: NaiveDate,
    pub text: String,
    pub owner: Owner,
    pub due: Option<NaiveDate>,
    pub status: AgreementStatus,
    pub closed_on: Option<NaiveDate>,
}

/// The AM's target for a calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PlanTarget {
    pub month: Month,
    pub amount: Money,
}

/// An expected payment (invoice): counts toward `month`, due on `due`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Invoice {
    pub id: Id,
    pub client_id: Id,
    pub month: Month,
    pub amount: Money,
    pub due: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInvoice {
    pub month: Month,
    pub amount: Money,
    pub due: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Payment {
    pub id: Id,
    pub client_id: Id,
    pub on: NaiveDate,
    pub amount: Money,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPayment {
    pub on: NaiveDate,
    pub amount: Money,
    pub note: String,
}

/// A hasher for row ids: they are already well spread integers, so one
/// multiply (Fibonacci hashing) does; SipHash would cost more than the
/// aggregation it serves.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_i64(&mut self, n: i64) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A map keyed by row id.
pub type IdMap<V> = std::collections::HashMap<Id, V, std::hash::BuildHasherDefault<IdHasher>>;

/// A set of row ids.
pub type IdSet = std::collections::HashSet<Id, std::hash::BuildHasherDefault<IdHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_is_lowercase_with_yo_as_ye() {
        assert_eq!(fold("ООО «РОМАШКА» Ёлки"), "ооо «ромашка» елки");
        assert_eq!(fold("отчёт"), fold("ОТЧЕТ"));
        assert_eq!(fold("Café ÀÖ ΟΔΟΣ Straße 🚀"), "café àö οδος straße 🚀");
        assert!(matches_folded("Подготовить отчёт", &fold("отчет")));
        assert!(matches_folded("Подготовить отчет", &fold("Отчёт")));
        // Names keep the two letters apart.
        assert_ne!(name_key("Королёв"), name_key("Королев"));
    }

    #[test]
    fn enums_parse_case_insensitively_with_aliases() {
        assert_eq!(Tier::parse("GOLD"), Ok(Tier::Gold));
        assert_eq!(TouchKind::parse("Messenger"), Ok(TouchKind::Message));
        assert_eq!(
            AgreementStatus::parse("canceled"),
            Ok(AgreementStatus::Cancelled)
        );
        let err = Tier::parse("silver").unwrap_err();
        assert_eq!(
            err.to_string(),
            "'silver' is not a tier (use one of: gold potential toxic)"
        );
        for t in Tier::ALL {
            assert_eq!(Tier::parse(t.as_str()), Ok(*t));
        }
        assert_eq!(
            Owner::parse("boss").unwrap_err().to_string(),
            "'boss' is not an owner (use one of: us client)"
        );
    }

    #[test]
    fn russian_words_parse_in_any_case_with_yo_or_ye() {
        assert_eq!(Tier::parse("Золотая"), Ok(Tier::Gold));
        assert_eq!(Tier::parse(" ТОКСИЧНЫЙ "), Ok(Tier::Toxic));
        assert_eq!(Status::parse("Ушел"), Ok(Status::Churned));
        assert_eq!(Status::parse("на паузе"), Ok(Status::Paused));
        assert_eq!(TouchKind::parse("ОТЧЕТ"), Ok(TouchKind::Report));
        assert_eq!(TouchKind::parse("Отчёт"), Ok(TouchKind::Report));
        assert_eq!(Owner::parse("Мы"), Ok(Owner::Us));
        assert_eq!(Owner::parse("за клиентом"), Ok(Owner::Client));
        assert_eq!(
            AgreementStatus::parse("Отменен"),
            Ok(AgreementStatus::Cancelled)
        );
        // Every value's Russian word reads back as that value.
        for t in Tier::ALL {
            assert_eq!(Tier::parse(t.as_ru()), Ok(*t));
        }
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_ru()), Ok(*s));
        }
        for k in TouchKind::ALL {
            assert_eq!(TouchKind::parse(k.as_ru()), Ok(*k));
        }
        for o in Owner::ALL {
            assert_eq!(Owner::parse(o.as_ru()), Ok(*o));
        }
        for a in AgreementStatus::ALL {
            assert_eq!(AgreementStatus::parse(a.as_ru()), Ok(*a));
        }
        assert!(Tier::parse("серебряный").is_err());
        assert_eq!(russian_word("gold"), Some("золотой"));
        assert_eq!(russian_word("cancelled"), Some("отменена"));
        assert_eq!(russian_word("client"), Some("клиент"));
        assert_eq!(russian_word("yes"), None);
        // `ё` read as `е` only: not any other letter.
        assert!(TouchKind::parse("отчат").is_err());
    }

    #[test]
    fn names_fold_across_scripts() {
        assert_eq!(name_key("ООО Ромашка"), name_key("ооо  ромашка"));
        assert_eq!(name_key("Éclair Studio"), name_key("éclair studio"));
        assert_ne!(name_key("Acme"), name_key("Acme 2"));
        assert_eq!(name_key("Ромашка\u{200B}"), name_key("ромашка"));
        assert_eq!(name_key("\u{feff}A \u{200d} B\u{202e}"), name_key("a b"));
        assert!(matches_folded("ООО Ромашка", &fold("РОМАШ")));
        assert!(matches_folded("Café 🚀 Lab", &fold("CAFÉ")));
        assert!(!matches_folded("Acme", &fold("ромашка")));
    }

    #[test]
    fn overdue_agreements() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut a = Agreement {
            id: 1,
            client_id: 1,
            made_on: today,
            text: "send report".into(),
            owner: Owner::Us,
            due: NaiveDate::from_ymd_opt(2026, 11, 22),
            status: AgreementStatus::Open,
            closed_on: None,
        };
        assert!(a.is_overdue(today));
        a.due = Some(today);
        assert!(!a.is_overdue(today), "due today is not overdue yet");
        a.due = NaiveDate::from_ymd_opt(2026, 11, 1);
        a.status = AgreementStatus::Kept;
        assert!(!a.is_overdue(today));
    }
}
