//! Why a client is at risk, in words (the Review pane, the Markdown and text
//! briefings). The JSON briefing carries the `Reason` itself. Each reason is
//! a Fluent message (`reason-...` in `assets/locales/*/briefing.ftl`); this
//! picks it and gives its values.

use super::briefing::gap;
use super::messages::{Arg, text, text_with};
use super::{Locale, money};
use crate::domain::briefing::{BROKEN_WINDOW_DAYS, Reason};

/// One line for people: `no touchpoint for 50 days (cadence 14 days, 36 over)`,
/// `нет касаний 50 дней (частота — раз в 14 дней, просрочка 36 дней)`.
pub fn reason(locale: Locale, r: &Reason) -> String {
    match r {
        Reason::PastCadence {
            days_since: Some(days),
            cadence_days,
            days_over,
        } => say!(
            locale,
            "reason-past-cadence",
            days = Arg::count(*days),
            cadence = Arg::count(*cadence_days),
            over = Arg::count(*days_over),
        ),
        Reason::PastCadence {
            days_since: None,
            cadence_days,
            days_over,
        } => say!(
            locale,
            "reason-never-contacted",
            cadence = Arg::count(*cadence_days),
            over = Arg::count(*days_over),
        ),
        Reason::OverdueAgreements { ours, theirs } => say!(
            locale,
            "reason-overdue-agreements",
            ours = Arg::count(*ours),
            theirs = Arg::count(*theirs),
        ),
        Reason::BrokenAgreements {
            count,
            by_us,
            by_client,
        } => text_with(
            locale,
            "reason-broken-agreements",
            &[
                ("count", Arg::count(*count)),
                ("days", Arg::count(BROKEN_WINDOW_DAYS)),
                ("by-client", Arg::count(*by_client)),
                ("by-us", Arg::count(*by_us)),
            ],
        ),
        Reason::OverdueReceivables { amount } => say!(
            locale,
            "reason-overdue-receivables",
            amount = &money(locale, *amount),
        ),
        Reason::RevenueDown {
            last_3_months,
            previous_3_months,
        } => say!(
            locale,
            "reason-revenue-down",
            last = &money(locale, *last_3_months),
            previous = &money(locale, *previous_3_months),
        ),
        Reason::SilentDecline {
            touchpoints_last_60_days,
            touchpoints_previous_60_days,
        } => say!(
            locale,
            "reason-silent-decline",
            last = Arg::count(*touchpoints_last_60_days),
            previous = Arg::count(*touchpoints_previous_60_days),
        ),
        Reason::SingleThread {
            contacts,
            decision_makers: 0,
        } => say!(
            locale,
            "reason-single-thread-no-decision-maker",
            contacts = Arg::count(*contacts),
        ),
        Reason::SingleThread { .. } => text(locale, "reason-single-thread"),
        Reason::OnboardingGaps {
            days_since_start,
            missing,
        } => {
            let missing = missing
                .iter()
                .map(|g| gap(locale, *g))
                .collect::<Vec<_>>()
                .join(", ");
            say!(
                locale,
                "reason-onboarding-gaps",
                days = Arg::count(*days_since_start),
                missing = &missing,
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;

    const EN: Locale = Locale::En;

    #[test]
    fn reasons_count_in_the_right_plural() {
        let quiet = |n| Reason::SilentDecline {
            touchpoints_last_60_days: n,
            touchpoints_previous_60_days: 4,
        };
        assert_eq!(
            reason(EN, &quiet(1)),
            "going quiet: 1 touchpoint in 60 days vs 4 before, revenue not growing"
        );
        assert!(reason(EN, &quiet(2)).starts_with("going quiet: 2 touchpoints in"));
        let broken = Reason::BrokenAgreements {
            count: 1,
            by_us: 0,
            by_client: 1,
        };
        assert_eq!(
            reason(EN, &broken),
            "1 broken agreement in 90 days (1 by the client, 0 by us)"
        );
        let thread = Reason::SingleThread {
            contacts: 1,
            decision_makers: 0,
        };
        assert_eq!(
            reason(EN, &thread),
            "single thread: 1 contact, no decision maker known"
        );
        let late = Reason::PastCadence {
            days_since: Some(50),
            cadence_days: 14,
            days_over: 36,
        };
        assert_eq!(
            reason(EN, &late),
            "no touchpoint for 50 days (cadence 14 days, 36 over)"
        );
        let never = Reason::PastCadence {
            days_since: None,
            cadence_days: 1,
            days_over: 1,
        };
        assert_eq!(
            reason(EN, &never),
            "never contacted (cadence 1 day, 1 day over)"
        );
        let owed = Reason::OverdueReceivables {
            amount: Money::major(364_800),
        };
        assert_eq!(reason(EN, &owed), "364 800.00 overdue receivables");
    }

    #[test]
    fn russian_reasons_count_in_the_right_plural() {
        const RU: Locale = Locale::Ru;
        let late = |d| Reason::PastCadence {
            days_since: Some(d),
            cadence_days: 14,
            days_over: d - 14,
        };
        assert_eq!(
            reason(RU, &late(50)),
            "нет касаний 50 дней (частота — раз в 14 дней, просрочка 36 дней)"
        );
        assert!(reason(RU, &late(15)).ends_with("просрочка 1 день)"));
        assert!(reason(RU, &late(16)).ends_with("просрочка 2 дня)"));
        let owed = Reason::OverdueReceivables {
            amount: Money::major(364_800),
        };
        assert_eq!(
            reason(RU, &owed),
            "просроченная дебиторская задолженность 364\u{202f}800,00"
        );
    }

    #[test]
    fn overdue_agreements_say_whose_they_are() {
        let overdue =
            |locale, ours, theirs| reason(locale, &Reason::OverdueAgreements { ours, theirs });
        assert_eq!(overdue(EN, 2, 0), "overdue agreements: 2 of ours");
        assert_eq!(overdue(EN, 0, 1), "overdue agreements: 1 of theirs");
        assert_eq!(
            overdue(EN, 1, 3),
            "overdue agreements: 1 of ours, 3 of theirs"
        );
        const RU: Locale = Locale::Ru;
        assert_eq!(overdue(RU, 2, 0), "просроченные договорённости: 2 за нами");
        assert_eq!(
            overdue(RU, 0, 1),
            "просроченные договорённости: 1 за клиентом"
        );
        assert_eq!(
            overdue(RU, 1, 3),
            "просроченные договорённости: 1 за нами, 3 за клиентом"
        );
    }

    #[test]
    fn russian_reasons_decline_their_nouns() {
        const RU: Locale = Locale::Ru;
        let broken = |count| Reason::BrokenAgreements {
            count,
            by_us: 0,
            by_client: count,
        };
        assert_eq!(
            reason(RU, &broken(1)),
            "1 нарушенная договорённость за 90 дней (со стороны клиента — 1, с нашей — 0)"
        );
        assert!(reason(RU, &broken(2)).starts_with("2 нарушенные договорённости за"));
        assert!(reason(RU, &broken(5)).starts_with("5 нарушенных договорённостей за"));
        let quiet = |n| Reason::SilentDecline {
            touchpoints_last_60_days: n,
            touchpoints_previous_60_days: 4,
        };
        assert_eq!(
            reason(RU, &quiet(1)),
            "клиент затихает: 1 касание за 60 дней против 4 за предыдущие 60, выручка не растёт"
        );
        assert!(reason(RU, &quiet(3)).contains(" 3 касания за"));
        assert!(reason(RU, &quiet(11)).contains(" 11 касаний за"));
        let thread = |contacts, decision_makers| Reason::SingleThread {
            contacts,
            decision_makers,
        };
        assert_eq!(
            reason(RU, &thread(1, 0)),
            "один контакт на клиенте (1 контакт), ЛПР неизвестен"
        );
        assert!(reason(RU, &thread(2, 0)).contains("(2 контакта)"));
        assert_eq!(reason(RU, &thread(1, 1)), "один контакт на клиенте");
        assert_eq!(reason(EN, &thread(1, 1)), "single thread: only one contact");
        let never = Reason::PastCadence {
            days_since: None,
            cadence_days: 7,
            days_over: 21,
        };
        assert_eq!(
            reason(RU, &never),
            "касаний не было ни разу (частота — раз в 7 дней, просрочка 21 день)"
        );
        let gaps = Reason::OnboardingGaps {
            days_since_start: 39,
            missing: vec![
                crate::domain::briefing::Gap::Goal,
                crate::domain::briefing::Gap::DecisionMaker,
            ],
        };
        assert_eq!(
            reason(RU, &gaps),
            "новый клиент (39-й день): не заполнены цель, ЛПР"
        );
    }

    #[test]
    fn counts_past_a_thousand_keep_each_sentences_digits() {
        // Days are grouped as numbers are; English's "N over" is bare.
        let late = Reason::PastCadence {
            days_since: Some(1_095),
            cadence_days: 14,
            days_over: 1_081,
        };
        assert_eq!(
            reason(EN, &late),
            "no touchpoint for 1 095 days (cadence 14 days, 1081 over)"
        );
        assert_eq!(
            reason(Locale::Ru, &late),
            "нет касаний 1\u{202f}095 дней (частота — раз в 14 дней, просрочка 1\u{202f}081 день)"
        );
    }
}
