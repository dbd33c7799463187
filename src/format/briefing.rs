//! The briefing's sentences, in one place: talking points, what falls due in
//! the next 14 days, the onboarding gaps, the health notes and the
//! forecast's basis. The domain gives values (`domain::briefing`); this
//! words them for a `Locale`. The Markdown and text briefings, the Review
//! pane and the JSON's prose fields (always English) all come from here;
//! the at-risk reasons are worded next door, in `format::reason`.
//!
//! Every sentence is a Fluent message in `assets/locales/*/briefing.ftl`:
//! the code here picks the message and gives its values, written out for
//! amounts, percentages and dates, as numbers for counts (the message picks
//! the plural by CLDR rules and writes the count). A sentence is changed in
//! the message files, in each language, without touching this code.

use chrono::NaiveDate;

use super::messages::{Arg, text, text_with};
use super::{Locale, date, money, percent};
use crate::domain::briefing::{ConcentrationLine, Due, Gap, TalkingPoint, UpcomingKind};
use crate::domain::{Money, Owner};

/// What the forecast counts, said wherever it is shown.
pub fn forecast_basis(locale: Locale) -> String {
    text(locale, "briefing-forecast-basis")
}

/// A talking point as a sentence; amounts are in `currency` (the
/// portfolio's, `RUB`).
pub fn talking_point(locale: Locale, currency: &str, p: &TalkingPoint) -> String {
    let currency = Arg::Str(super::currency_sign(locale, currency));
    let amount = |m: Money| amount(locale, m);
    match p {
        TalkingPoint::Plan {
            attainment_bp,
            days_left,
            outstanding,
            clients_outstanding,
            forecast,
        } => text_with(
            locale,
            "briefing-point-plan",
            &[
                ("attainment", Arg::Str(&percent(locale, *attainment_bp))),
                ("days-left", Arg::count(*days_left)),
                ("outstanding", Arg::Str(&amount(*outstanding))),
                ("currency", currency),
                ("clients", Arg::count(*clients_outstanding)),
                ("forecast", Arg::Str(&amount(*forecast))),
            ],
        ),
        TalkingPoint::NoTarget {
            month,
            received,
            forecast,
        } => say!(
            locale,
            "briefing-point-no-target",
            month = &super::month_in_sentence(locale, *month),
            received = &amount(*received),
            currency = currency,
            forecast = &amount(*forecast),
        ),
        TalkingPoint::GoldNotContacted {
            client,
            days_since,
            cadence_days,
        } => say!(
            locale,
            "briefing-point-gold-not-contacted",
            client = client,
            days = Arg::count(*days_since),
            cadence = Arg::count(*cadence_days),
        ),
        TalkingPoint::GoldNeverContacted {
            client,
            cadence_days,
        } => say!(
            locale,
            "briefing-point-gold-never-contacted",
            client = client,
            cadence = Arg::count(*cadence_days),
        ),
        TalkingPoint::OverdueReceivables {
            total,
            clients,
            largest,
            largest_amount,
        } => text_with(
            locale,
            "briefing-point-overdue-receivables",
            &[
                ("total", Arg::Str(&amount(*total))),
                ("currency", currency),
                ("clients", Arg::count(*clients)),
                ("largest", Arg::Str(largest)),
                ("largest-amount", Arg::Str(&amount(*largest_amount))),
            ],
        ),
        TalkingPoint::Concentration { client, share_bp } => say!(
            locale,
            "briefing-point-concentration",
            client = client,
            share = &percent(locale, *share_bp),
        ),
        TalkingPoint::TierMove {
            client,
            from,
            to,
            reason,
        } => say!(
            locale,
            "briefing-point-tier-move",
            client = client,
            from = &super::words::tier_of_one(locale, *from),
            to = &super::words::tier_of_one(locale, *to),
            reason = reason,
        ),
        TalkingPoint::GoingQuiet { client } => {
            say!(locale, "briefing-point-going-quiet", client = client)
        }
        TalkingPoint::TimeEater {
            client,
            revenue_per_hour,
            minutes_12m,
        } => say!(
            locale,
            "briefing-point-time-eater",
            client = client,
            amount = &amount(*revenue_per_hour),
            currency = currency,
            minutes = Arg::count(*minutes_12m),
        ),
        TalkingPoint::Grow {
            client,
            tier: t,
            revenue_up_bp,
        } => say!(
            locale,
            "briefing-point-grow",
            client = client,
            tier = &super::words::tier_of_one(locale, *t),
            // Whole percent, rounded toward zero: `10` for 10.53 %.
            growth = Arg::count(revenue_up_bp / 100),
        ),
        TalkingPoint::ClientsLost { lost } => {
            let clients = lost
                .iter()
                .map(|c| {
                    say!(
                        locale,
                        "briefing-point-lost-client",
                        client = &c.client,
                        reason = &c.reason,
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            say!(
                locale,
                "briefing-point-clients-lost",
                count = Arg::count(lost.len()),
                clients = &clients,
            )
        }
    }
}

/// What an item of the next 14 days is, in a word or two: `payment due`.
pub fn upcoming_kind(locale: Locale, kind: UpcomingKind) -> String {
    let id = match kind {
        UpcomingKind::NextStep => "briefing-upcoming-next-step",
        UpcomingKind::Agreement => "briefing-upcoming-agreement",
        UpcomingKind::Invoice => "briefing-upcoming-invoice",
        UpcomingKind::Birthday => "briefing-upcoming-birthday",
    };
    text(locale, id)
}

/// The detail of an item of the next 14 days: the step, the agreement and
/// who owes it, the invoice's month, whose birthday.
pub fn due(locale: Locale, d: &Due) -> String {
    match d {
        Due::NextStep { step } => step.clone(),
        Due::Agreement {
            text: agreement,
            owner,
        } => {
            let id = match owner {
                Owner::Us => "briefing-due-agreement-ours",
                Owner::Client => "briefing-due-agreement-theirs",
            };
            say!(locale, id, text = agreement)
        }
        Due::Invoice { month } => say!(
            locale,
            "briefing-due-invoice",
            month = &super::month_in_sentence(locale, *month),
        ),
        Due::Birthday {
            contact,
            role: Some(role),
        } => say!(
            locale,
            "briefing-due-birthday",
            contact = contact,
            role = role,
        ),
        Due::Birthday {
            contact,
            role: None,
        } => contact.clone(),
    }
}

/// What an onboarding client's profile lacks, in words.
pub fn gap(locale: Locale, g: Gap) -> String {
    let id = match g {
        Gap::Goal => "briefing-gap-goal",
        Gap::Cadence => "briefing-gap-cadence",
        Gap::DecisionMaker => "briefing-gap-decision-maker",
    };
    text(locale, id)
}

/// Which briefing a health note is for: Markdown marks the largest client
/// and the warning in bold; the text briefing is terser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    Markdown,
    Text,
}

/// The health section's concentration note: the largest client's share and
/// how many clients make 80 % of revenue, with the warning when one client
/// brings over 40 %.
pub fn concentration(locale: Locale, doc: Doc, c: &ConcentrationLine, currency: &str) -> String {
    let (Some(name), Some(bp)) = (&c.largest_client, c.largest_share_bp) else {
        return text(locale, "briefing-no-revenue");
    };
    let share = percent(locale, bp);
    let warning = if c.warning { "yes" } else { "no" };
    match doc {
        Doc::Markdown => say!(
            locale,
            "briefing-concentration",
            client = name,
            share = &share,
            revenue = &money(locale, c.revenue_12m),
            currency = super::currency_sign(locale, currency),
            top = Arg::count(c.clients_for_80pct),
            clients = Arg::count(c.client_count),
            warning = warning,
        ),
        Doc::Text => say!(
            locale,
            "briefing-concentration-text",
            client = name,
            share = &share,
            top = Arg::count(c.clients_for_80pct),
            warning = warning,
        ),
    }
}

/// A time-eater in the text briefing (Markdown has a table).
pub fn time_eater(locale: Locale, client: &str, revenue_per_hour: Money, minutes: u64) -> String {
    say!(
        locale,
        "briefing-time-eater-line",
        client = client,
        amount = &money(locale, revenue_per_hour),
        minutes = Arg::count(minutes),
    )
}

/// A client lost in the last 12 months, the day and the reason.
pub fn lost(locale: Locale, doc: Doc, client: &str, on: NaiveDate, reason: &str) -> String {
    let id = match doc {
        Doc::Markdown => "briefing-lost-line",
        Doc::Text => "briefing-lost-line-text",
    };
    say!(
        locale,
        id,
        client = client,
        date = &date(locale, on),
        reason = reason,
    )
}

/// An amount in a sentence: whole amounts without their zero kopecks
/// (`2 007 800`), others in full (`16 867.35`).
fn amount(locale: Locale, m: Money) -> String {
    if m.minor() % 100 == 0 {
        super::number(locale, m.minor() / 100)
    } else {
        money(locale, m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Month;
    use crate::domain::Tier;
    use crate::domain::briefing::Churn;
    use crate::domain::time::d;
    use crate::format::words::tier_of_one as tier;

    const EN: Locale = Locale::En;

    fn point(p: TalkingPoint) -> String {
        talking_point(EN, "RUB", &p)
    }

    fn plan(days_left: u32, clients_outstanding: usize) -> String {
        point(TalkingPoint::Plan {
            attainment_bp: 8_384,
            days_left,
            outstanding: Money::major(2_007_800),
            clients_outstanding,
            forecast: Money::from_minor(561_700_050),
        })
    }

    #[test]
    fn the_plan_point_counts_days_and_clients_in_the_right_plural() {
        assert_eq!(
            plan(8, 8),
            "Plan at 83.84% with 8 days left; 2 007 800 RUB outstanding from 8 clients, \
             forecast 5 617 000.50 (received + balances of this month's invoices not yet overdue)."
        );
        assert!(plan(1, 1).starts_with("Plan at 83.84% with 1 day left;"));
        assert!(plan(1, 1).contains("from 1 client, forecast"));
        assert!(plan(0, 0).contains("with 0 days left;"));
        assert!(plan(0, 0).contains("from 0 clients,"));
        assert!(plan(2, 2).contains("with 2 days left;"));
        assert!(plan(2, 2).contains("from 2 clients,"));
        assert!(plan(5, 5).contains("with 5 days left;"));
        assert!(plan(5, 5).contains("from 5 clients,"));
    }

    #[test]
    fn every_talking_point_is_worded() {
        let nov = Month::parse("2026-11").unwrap();
        assert_eq!(
            point(TalkingPoint::NoTarget {
                month: nov,
                received: Money::major(10),
                forecast: Money::ZERO,
            }),
            "No target set for 2026-11: received 10 RUB so far, forecast 0."
        );
        let quiet = |days_since| {
            point(TalkingPoint::GoldNotContacted {
                client: "ООО Ромашка".into(),
                days_since,
                cadence_days: 14,
            })
        };
        assert_eq!(
            quiet(51),
            "Gold client ООО Ромашка not contacted for 51 days (cadence 14)."
        );
        assert_eq!(
            quiet(1),
            "Gold client ООО Ромашка not contacted for 1 day (cadence 14)."
        );
        assert_eq!(
            point(TalkingPoint::GoldNeverContacted {
                client: "Atlas".into(),
                cadence_days: 7,
            }),
            "Gold client Atlas never contacted (cadence 7)."
        );
        let owed = |clients| {
            point(TalkingPoint::OverdueReceivables {
                total: Money::major(3_176_800),
                clients,
                largest: "Silverline Hotels".into(),
                largest_amount: Money::major(1_400_000),
            })
        };
        assert_eq!(
            owed(8),
            "3 176 800 RUB overdue receivables across 8 clients; largest: Silverline Hotels (1 400 000)."
        );
        assert!(owed(1).contains("across 1 client;"), "{}", owed(1));
        assert!(owed(2).contains("across 2 clients;"));
        assert!(owed(5).contains("across 5 clients;"));
        assert_eq!(
            point(TalkingPoint::Concentration {
                client: "Альфа".into(),
                share_bp: 9_231,
            }),
            "Альфа brings 92.31% of 12-month revenue: a concentration risk to plan for."
        );
        assert_eq!(
            point(TalkingPoint::TierMove {
                client: "Gamma".into(),
                from: Tier::Potential,
                to: Tier::Toxic,
                reason: "Endless revisions".into(),
            }),
            "Tier move: Gamma potential → toxic (Endless revisions)."
        );
        assert_eq!(
            point(TalkingPoint::GoingQuiet {
                client: "Helios".into()
            }),
            "Helios is going quiet: fewer touchpoints, revenue not growing."
        );
        assert_eq!(
            point(TalkingPoint::TimeEater {
                client: "Brightline".into(),
                revenue_per_hour: Money::from_minor(1_686_735),
                minutes_12m: 7_840,
            }),
            "Time-eater: Brightline earns 16 867.35 RUB per hour of your time (7840 min in 12 months); \
             renegotiate the format of work?"
        );
        assert_eq!(
            point(TalkingPoint::Grow {
                client: "Автосалон".into(),
                tier: Tier::Gold,
                revenue_up_bp: 1_053,
            }),
            "Grow Автосалон (gold): revenue up 10% over the last 3 months; \
             discuss the next step of the relationship."
        );
    }

    #[test]
    fn russian_points_take_the_cldr_plural_and_the_trade_words() {
        const RU: Locale = Locale::Ru;
        let plan = |days_left: u32, clients_outstanding: usize| {
            talking_point(
                RU,
                "RUB",
                &TalkingPoint::Plan {
                    attainment_bp: 8_384,
                    days_left,
                    outstanding: Money::major(2_007_800),
                    clients_outstanding,
                    forecast: Money::major(10),
                },
            )
        };
        assert!(plan(1, 1).starts_with("Выполнение плана 83,84\u{a0}%, до конца месяца 1 день;"));
        assert!(plan(2, 2).contains("до конца месяца 2 дня;"));
        assert!(plan(5, 5).contains("до конца месяца 5 дней;"));
        assert!(plan(21, 21).contains("21 день;"));
        assert!(plan(1, 1).contains("₽ у 1 клиента,"));
        assert!(plan(21, 21).contains("у 21 клиента,"));
        assert!(plan(11, 11).contains("у 11 клиентов,"));
        assert!(plan(5, 5).contains("у 5 клиентов,"));
        let quiet = |days_since| {
            talking_point(
                RU,
                "RUB",
                &TalkingPoint::GoldNotContacted {
                    client: "ООО Ромашка".into(),
                    days_since,
                    cadence_days: 14,
                },
            )
        };
        assert_eq!(
            quiet(51),
            "Золотой клиент ООО Ромашка: нет касаний 51 день (частота касаний — раз в 14 дней)."
        );
        assert!(quiet(3).contains("нет касаний 3 дня"));
        assert_eq!(tier(RU, Tier::Toxic), "токсичный");
        assert_eq!(gap(RU, Gap::DecisionMaker), "ЛПР");
    }

    #[test]
    fn clients_lost_count_in_the_right_plural() {
        let churn = |client: &str| Churn {
            client: client.into(),
            on: d(2026, 3, 1),
            reason: "Closed".into(),
        };
        let lost = |n: usize| {
            point(TalkingPoint::ClientsLost {
                lost: (0..n).map(|i| churn(&format!("C{i}"))).collect(),
            })
        };
        assert_eq!(lost(1), "1 client lost in 12 months: C0 (Closed).");
        assert_eq!(
            lost(2),
            "2 clients lost in 12 months: C0 (Closed); C1 (Closed)."
        );
        assert!(lost(5).starts_with("5 clients lost in 12 months: C0"));
    }

    #[test]
    fn no_sentence_says_s_in_brackets() {
        for n in [0, 1, 2, 5] {
            let texts = [
                plan(n, n as usize),
                point(TalkingPoint::OverdueReceivables {
                    total: Money::major(1),
                    clients: n as usize,
                    largest: "A".into(),
                    largest_amount: Money::major(1),
                }),
                point(TalkingPoint::GoldNotContacted {
                    client: "A".into(),
                    days_since: i64::from(n),
                    cadence_days: 1,
                }),
            ];
            for t in texts {
                assert!(!t.contains("(s)"), "{t}");
            }
        }
    }

    #[test]
    fn the_next_days_items_are_worded() {
        assert_eq!(upcoming_kind(EN, UpcomingKind::NextStep), "next step");
        assert_eq!(upcoming_kind(EN, UpcomingKind::Agreement), "agreement");
        assert_eq!(upcoming_kind(EN, UpcomingKind::Invoice), "payment due");
        assert_eq!(upcoming_kind(EN, UpcomingKind::Birthday), "birthday");
        let step = Due::NextStep {
            step: "Send the proposal".into(),
        };
        assert_eq!(due(EN, &step), "Send the proposal");
        let ours = Due::Agreement {
            text: "Media plan".into(),
            owner: Owner::Us,
        };
        assert_eq!(due(EN, &ours), "Media plan (ours)");
        let theirs = Due::Agreement {
            text: "Brief".into(),
            owner: Owner::Client,
        };
        assert_eq!(due(EN, &theirs), "Brief (theirs)");
        let invoice = Due::Invoice {
            month: Month::parse("2026-12").unwrap(),
        };
        assert_eq!(due(EN, &invoice), "expected payment for 2026-12");
        let birthday = |role: Option<&str>| Due::Birthday {
            contact: "Daniel Novak".into(),
            role: role.map(String::from),
        };
        assert_eq!(due(EN, &birthday(Some("CMO"))), "Daniel Novak, CMO");
        assert_eq!(due(EN, &birthday(None)), "Daniel Novak");
    }

    #[test]
    fn gaps_and_the_forecast_basis_are_worded() {
        assert_eq!(gap(EN, Gap::Goal), "goal");
        assert_eq!(gap(EN, Gap::Cadence), "cadence");
        assert_eq!(gap(EN, Gap::DecisionMaker), "decision maker");
        let gaps = crate::domain::briefing::Reason::OnboardingGaps {
            days_since_start: 39,
            missing: vec![Gap::Goal, Gap::DecisionMaker],
        };
        assert_eq!(
            super::super::reason(EN, &gaps),
            "onboarding (day 39): missing goal, decision maker"
        );
        assert_eq!(
            forecast_basis(EN),
            "received + balances of this month's invoices not yet overdue"
        );
    }

    fn concentration_of(for_80: usize, count: usize, warning: bool) -> ConcentrationLine {
        ConcentrationLine {
            largest_client: Some("Альфа".into()),
            largest_share_bp: Some(9_231),
            clients_for_80pct: for_80,
            client_count: count,
            revenue_12m: Money::major(1_300_000),
            warning,
        }
    }

    #[test]
    fn the_concentration_note_agrees_with_its_counts() {
        let md = |n, count, warning| {
            concentration(
                EN,
                Doc::Markdown,
                &concentration_of(n, count, warning),
                "RUB",
            )
        };
        assert_eq!(
            md(1, 5, true),
            "Largest client: **Альфа**, 92.31% of 12-month revenue (1 300 000.00 RUB); \
             1 of 5 clients makes 80% of revenue. **Warning: over 40% from one client.**"
        );
        assert!(md(2, 5, false).ends_with("; 2 of 5 clients make 80% of revenue."));
        assert!(md(1, 1, false).contains("; 1 of 1 client makes 80%"));
        assert!(md(0, 0, false).contains("; 0 of 0 clients make 80%"));
        let text =
            |n, warning| concentration(EN, Doc::Text, &concentration_of(n, 5, warning), "RUB");
        assert_eq!(
            text(1, true),
            "Largest client Альфа: 92.31% of revenue; 1 client makes 80%  WARNING: over 40%"
        );
        assert_eq!(
            text(2, false),
            "Largest client Альфа: 92.31% of revenue; 2 clients make 80%"
        );
        assert!(text(5, false).ends_with("; 5 clients make 80%"));
        let none = ConcentrationLine {
            largest_client: None,
            largest_share_bp: None,
            ..concentration_of(0, 0, false)
        };
        for doc in [Doc::Markdown, Doc::Text] {
            assert_eq!(
                concentration(EN, doc, &none, "RUB"),
                "No revenue in the last 12 months."
            );
        }
    }

    #[test]
    fn time_eaters_and_lost_clients_are_worded() {
        assert_eq!(
            time_eater(EN, "Brightline", Money::from_minor(1_686_735), 7_840),
            "Time-eater Brightline: 16 867.35 per hour (7 840 min)"
        );
        let on = d(2026, 3, 1);
        assert_eq!(
            lost(EN, Doc::Markdown, "Delta", on, "Closed"),
            "Delta on 2026-03-01: Closed"
        );
        assert_eq!(
            lost(EN, Doc::Text, "Delta", on, "Closed"),
            "Lost Delta on 2026-03-01: Closed"
        );
    }

    #[test]
    fn amounts_in_sentences_drop_zero_kopecks_only() {
        assert_eq!(amount(EN, Money::major(2_007_800)), "2 007 800");
        assert_eq!(amount(EN, Money::from_minor(1_686_735)), "16 867.35");
        assert_eq!(amount(EN, Money::from_minor(-50)), "-0.50");
        assert_eq!(amount(EN, Money::major(-3)), "-3");
    }

    #[test]
    fn russian_points_name_months_tiers_and_lost_clients() {
        const RU: Locale = Locale::Ru;
        let point = |p| talking_point(RU, "RUB", &p);
        assert_eq!(
            point(TalkingPoint::NoTarget {
                month: Month::parse("2026-11").unwrap(),
                received: Money::major(10),
                forecast: Money::ZERO,
            }),
            "План на ноябрь 2026 не задан: поступило 10\u{a0}₽, прогноз 0."
        );
        assert_eq!(
            point(TalkingPoint::Grow {
                client: "Автосалон".into(),
                tier: Tier::Gold,
                revenue_up_bp: 1_053,
            }),
            "Точка роста — Автосалон (золотой): выручка за последние 3 месяца выросла на \
             10\u{a0}%; обсудить следующий шаг в отношениях."
        );
        let lost = |n: usize| {
            point(TalkingPoint::ClientsLost {
                lost: (0..n)
                    .map(|i| Churn {
                        client: format!("C{i}"),
                        on: d(2026, 3, 1),
                        reason: "Закрылись".into(),
                    })
                    .collect(),
            })
        };
        assert_eq!(
            lost(2),
            "Отток за 12 месяцев: 2 клиента — C0 (Закрылись); C1 (Закрылись)."
        );
        assert!(lost(1).starts_with("Отток за 12 месяцев: 1 клиент — C0"));
        assert!(lost(5).starts_with("Отток за 12 месяцев: 5 клиентов — C0"));
    }

    #[test]
    fn counts_past_a_thousand_keep_each_sentences_digits() {
        // English's cadence and minutes in a talking point are bare digits,
        // its day counts and the text briefing's minutes grouped; Russian
        // groups them all.
        let gold = TalkingPoint::GoldNotContacted {
            client: "A".into(),
            days_since: 1_095,
            cadence_days: 1_095,
        };
        assert_eq!(
            talking_point(EN, "RUB", &gold),
            "Gold client A not contacted for 1 095 days (cadence 1095)."
        );
        assert_eq!(
            talking_point(Locale::Ru, "RUB", &gold),
            "Золотой клиент A: нет касаний 1\u{202f}095 дней \
             (частота касаний — раз в 1\u{202f}095 дней)."
        );
        let eater = TalkingPoint::TimeEater {
            client: "B".into(),
            revenue_per_hour: Money::major(5),
            minutes_12m: 7_840,
        };
        assert!(talking_point(EN, "RUB", &eater).contains("(7840 min in 12 months)"));
        assert!(
            talking_point(Locale::Ru, "RUB", &eater).contains("(7\u{202f}840 мин за 12 месяцев)")
        );
    }

    #[test]
    fn russian_health_notes_and_next_days_are_worded() {
        const RU: Locale = Locale::Ru;
        assert_eq!(
            concentration(RU, Doc::Markdown, &concentration_of(1, 5, true), "RUB"),
            "Крупнейший клиент: **Альфа**, 92,31\u{a0}% выручки за 12 месяцев \
             (1\u{202f}300\u{202f}000,00\u{a0}₽); 80\u{a0}% выручки — у 1 клиента из 5. \
             **Внимание: больше 40\u{a0}% выручки от одного клиента.**"
        );
        let text =
            |n, warning| concentration(RU, Doc::Text, &concentration_of(n, 5, warning), "RUB");
        assert_eq!(
            text(1, true),
            "Крупнейший клиент Альфа: 92,31\u{a0}% выручки; 80\u{a0}% — у 1 клиента  \
             ВНИМАНИЕ: больше 40\u{a0}%"
        );
        assert!(text(2, false).ends_with("— у 2 клиентов"));
        assert!(text(21, false).ends_with("— у 21 клиента"));
        assert!(text(5, false).ends_with("— у 5 клиентов"));
        assert_eq!(
            time_eater(RU, "Brightline", Money::from_minor(1_686_735), 7_840),
            "Съедает время Brightline: 16\u{202f}867,35 за час (7\u{202f}840 мин)"
        );
        let on = d(2026, 3, 1);
        assert_eq!(
            lost(RU, Doc::Markdown, "Delta", on, "Закрылись"),
            "Delta, 01.03.2026: Закрылись"
        );
        assert_eq!(
            lost(RU, Doc::Text, "Delta", on, "Закрылись"),
            "Отток: Delta, 01.03.2026: Закрылись"
        );
        let ours = Due::Agreement {
            text: "Медиаплан".into(),
            owner: Owner::Us,
        };
        assert_eq!(due(RU, &ours), "Медиаплан (за нами)");
        let invoice = Due::Invoice {
            month: Month::parse("2026-12").unwrap(),
        };
        assert_eq!(due(RU, &invoice), "ожидаемый платёж за декабрь 2026");
        assert_eq!(upcoming_kind(RU, UpcomingKind::Invoice), "платёж");
        assert_eq!(
            forecast_basis(RU),
            "поступило + не просроченные остатки по счетам этого месяца"
        );
    }
}
