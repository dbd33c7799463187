//! Why a client is at risk, in words (the Review pane, the Markdown and text
//! briefings). The JSON briefing carries the `Reason` itself.

use super::{Locale, Noun, count, days, money};
use crate::domain::briefing::{BROKEN_WINDOW_DAYS, Reason};

/// One line for people: `no touchpoint for 50 days (cadence 14 days, 36 over)`.
pub fn reason(locale: Locale, r: &Reason) -> String {
    match locale {
        Locale::En => english(r),
        Locale::Ru => russian(r),
    }
}

/// The reason as a Russian account manager says it:
/// `нет касаний 50 дней (частота — раз в 14 дней, просрочка 36 дней)`.
fn russian(r: &Reason) -> String {
    const RU: Locale = Locale::Ru;
    match r {
        Reason::PastCadence {
            days_since,
            cadence_days,
            days_over,
        } => {
            let cadence = days(RU, *cadence_days);
            match days_since {
                Some(d) => format!(
                    "нет касаний {} (частота — раз в {cadence}, просрочка {})",
                    days(RU, *d),
                    days(RU, *days_over)
                ),
                None => format!(
                    "касаний не было ни разу (частота — раз в {cadence}, просрочка {})",
                    days(RU, *days_over)
                ),
            }
        }
        Reason::OverdueAgreements { ours, theirs } => {
            let mut parts = Vec::new();
            if *ours > 0 {
                parts.push(format!("{ours} за нами"));
            }
            if *theirs > 0 {
                parts.push(format!("{theirs} за клиентом"));
            }
            format!("просроченные договорённости: {}", parts.join(", "))
        }
        Reason::BrokenAgreements {
            count: n,
            by_us,
            by_client,
        } => format!(
            "{} за {} (со стороны клиента — {by_client}, с нашей — {by_us})",
            count(RU, *n, Noun::BrokenAgreement),
            days(RU, BROKEN_WINDOW_DAYS)
        ),
        Reason::OverdueReceivables { amount } => {
            format!(
                "просроченная дебиторская задолженность {}",
                money(RU, *amount)
            )
        }
        Reason::RevenueDown {
            last_3_months,
            previous_3_months,
        } => format!(
            "выручка падает: {} за последние 3 месяца против {} за 3 месяца до них",
            money(RU, *last_3_months),
            money(RU, *previous_3_months)
        ),
        Reason::SilentDecline {
            touchpoints_last_60_days,
            touchpoints_previous_60_days,
        } => format!(
            "клиент затихает: {} за 60 дней против {touchpoints_previous_60_days} за предыдущие 60, выручка не растёт",
            count(RU, *touchpoints_last_60_days, Noun::Touchpoint)
        ),
        Reason::SingleThread {
            contacts,
            decision_makers,
        } => {
            if *decision_makers == 0 {
                format!(
                    "один контакт на клиенте ({}), ЛПР неизвестен",
                    count(RU, *contacts, Noun::Contact)
                )
            } else {
                "один контакт на клиенте".to_string()
            }
        }
        Reason::OnboardingGaps {
            days_since_start,
            missing,
        } => format!(
            "новый клиент ({days_since_start}-й день): не заполнены {}",
            missing
                .iter()
                .map(|g| super::briefing::gap(RU, *g))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn english(r: &Reason) -> String {
    const EN: Locale = Locale::En;
    match r {
        Reason::PastCadence {
            days_since,
            cadence_days,
            days_over,
        } => {
            let cadence = days(EN, *cadence_days);
            match days_since {
                Some(d) => format!(
                    "no touchpoint for {} (cadence {cadence}, {days_over} over)",
                    days(EN, *d)
                ),
                None => format!(
                    "never contacted (cadence {cadence}, {} over)",
                    days(EN, *days_over)
                ),
            }
        }
        Reason::OverdueAgreements { ours, theirs } => {
            let mut parts = Vec::new();
            if *ours > 0 {
                parts.push(format!("{ours} of ours"));
            }
            if *theirs > 0 {
                parts.push(format!("{theirs} of theirs"));
            }
            format!("overdue agreements: {}", parts.join(", "))
        }
        Reason::BrokenAgreements {
            count: n,
            by_us,
            by_client,
        } => format!(
            "{} in {} ({by_client} by the client, {by_us} by us)",
            count(EN, *n, Noun::BrokenAgreement),
            days(EN, BROKEN_WINDOW_DAYS)
        ),
        Reason::OverdueReceivables { amount } => {
            format!("{} overdue receivables", money(EN, *amount))
        }
        Reason::RevenueDown {
            last_3_months,
            previous_3_months,
        } => format!(
            "revenue down: {} in the last 3 months vs {} in the 3 before",
            money(EN, *last_3_months),
            money(EN, *previous_3_months)
        ),
        Reason::SilentDecline {
            touchpoints_last_60_days,
            touchpoints_previous_60_days,
        } => format!(
            "going quiet: {} in 60 days vs {touchpoints_previous_60_days} before, revenue not growing",
            count(EN, *touchpoints_last_60_days, Noun::Touchpoint)
        ),
        Reason::SingleThread {
            contacts,
            decision_makers,
        } => {
            if *decision_makers == 0 {
                format!(
                    "single thread: {}, no decision maker known",
                    count(EN, *contacts, Noun::Contact)
                )
            } else {
                "single thread: only one contact".to_string()
            }
        }
        Reason::OnboardingGaps {
            days_since_start,
            missing,
        } => format!(
            "onboarding (day {days_since_start}): missing {}",
            missing
                .iter()
                .map(|g| super::briefing::gap(EN, *g))
                .collect::<Vec<_>>()
                .join(", ")
        ),
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
}
