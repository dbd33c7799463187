//! The client card, drawn over the panes: details and goal, contacts, tier
//! history with reasons, recent touchpoints, agreements, payments and
//! expected payments. `Enter` opens it on the selected client, `Esc` closes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{late_style, moved};
use crate::domain::signals::NeglectState;
use crate::domain::{Contact, Id};
use crate::format::{self, Locale, text, text_with};
use crate::ops::undo::Kind;
use crate::ops::views::ClientCard;
use crate::tui::action::{Action, Effect};
use crate::tui::app::Shared;
use crate::tui::forms::{ClientEditForm, ContactForm};
use crate::tui::view::Theme;
use crate::tui::words;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Default)]
pub struct Card {
    pub client_id: Id,
    /// `None` until read.
    pub data: Option<ClientCard>,
    pub scroll: u16,
    /// The contact `E` edits and `D` deletes (`n` moves it).
    pub contact: usize,
}

impl Card {
    /// The card of client `id`, to be read (`Effect::LoadCard`).
    pub fn new(id: Id) -> Card {
        Card {
            client_id: id,
            ..Card::default()
        }
    }

    /// The marked contact, if the card has any.
    pub fn marked_contact(&self) -> Option<&Contact> {
        let contacts = &self.data.as_ref()?.contacts;
        contacts.get(self.contact.min(contacts.len().checked_sub(1)?))
    }

    /// An action while the card is open; `None` when it is not the card's
    /// (the pane under it, or the app, takes it).
    pub fn update(&mut self, action: Action, shared: &mut Shared) -> Option<Vec<Effect>> {
        let id = self.client_id;
        match action {
            Action::Up
            | Action::Down
            | Action::Top
            | Action::Bottom
            | Action::PageUp
            | Action::PageDown => {
                let (max, page) = (self.max_scroll(shared), page(shared.size).height);
                let at = usize::from(self.scroll.min(max));
                let to = moved(action, at, usize::from(max) + 1, usize::from(page));
                self.scroll = to.map_or(max, |to| u16::try_from(to).unwrap_or(max));
            }
            // A click on a contact marks it.
            Action::SelectRow(i) => {
                let n = self.data.as_ref().map_or(0, |d| d.contacts.len());
                self.contact = i.min(n.saturating_sub(1));
            }
            Action::NextContact => {
                let n = self.data.as_ref().map_or(0, |d| d.contacts.len());
                if n == 0 {
                    shared.warn(text(shared.locale, "card-no-contacts-yet"));
                } else if n == 1 {
                    // The mark shows only with more than one: say why `n`
                    // moved nothing.
                    shared.notify(text(shared.locale, "card-one-contact"));
                } else {
                    self.contact = (self.contact.min(n - 1) + 1) % n;
                }
            }
            Action::EditContact => match self.marked_contact() {
                Some(c) => shared.open_form(ContactForm::open(shared, id, Some(c))),
                None => shared.warn(text(shared.locale, "card-no-contact-to-edit")),
            },
            Action::DeleteContact => match self.marked_contact() {
                Some(c) => {
                    let args = [("name", c.name.as_str().into())];
                    let question = text_with(shared.locale, "card-delete-contact", &args);
                    shared.ask(question, Effect::Delete(Kind::Contact, c.id));
                }
                None => shared.warn(text(shared.locale, "card-no-contact-to-delete")),
            },
            Action::Add => shared.open_form(ContactForm::open(shared, id, None)),
            Action::Edit => match ClientEditForm::open(shared, id) {
                Some(form) => shared.open_form(form),
                None => shared.warn(text(shared.locale, "tui-nothing-to-edit")),
            },
            Action::Delete => {
                shared.ask(
                    super::portfolio::delete_question(shared.locale, shared.name(id)),
                    Effect::Delete(Kind::Client, id),
                );
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    /// The last first row the card scrolls to at the terminal's size.
    pub fn max_scroll(&self, shared: &Shared) -> u16 {
        let Some(data) = &self.data else { return 0 };
        let (lines, _) = card_lines(self, data, shared, Theme { color: false });
        last_top(&lines, page(shared.size))
    }

    pub fn draw(&self, shared: &Shared, theme: Theme, f: &mut Frame, area: Rect) {
        let Some(data) = &self.data else {
            f.render_widget(Paragraph::new(text(shared.locale, "tui-loading")), area);
            return;
        };
        let block = Block::bordered().title(format!(" {} ", text(shared.locale, "card-title")));
        let inner = block.inner(area);
        let (lines, first_contact) = card_lines(self, data, shared, theme);
        // A click on a contact marks it: the screen rows of each contact line,
        // from the wrapped height of the lines above it.
        let scroll = self.scroll.min(last_top(&lines, inner));
        let row_of = |k: usize| wrapped(&lines[..k]).line_count(inner.width);
        for i in 0..data.contacts.len() {
            let (top, bottom) = (row_of(first_contact + i), row_of(first_contact + i + 1));
            let (Ok(top), Ok(bottom)) = (u16::try_from(top), u16::try_from(bottom)) else {
                break;
            };
            let (Some(top), Some(bottom)) = (top.checked_sub(scroll), bottom.checked_sub(scroll))
            else {
                continue;
            };
            let row = Rect {
                y: inner.y.saturating_add(top),
                height: bottom - top,
                ..inner
            };
            crate::tui::mouse::note(
                shared,
                row.intersection(inner),
                crate::tui::mouse::Spot::Row(Action::SelectRow(i)),
            );
        }
        f.render_widget(wrapped(&lines).scroll((scroll, 0)).block(block), area);
    }
}

/// A contact on one line: name, role, phone, email, birthday, with a
/// separator only between the fields it has.
fn contact_line(loc: Locale, p: &Contact) -> String {
    let name = if p.decision_maker {
        format!("{} ★ {}", p.name, text(loc, "card-decides"))
    } else {
        p.name.clone()
    };
    let birthday = p
        .birthday
        .map(|b| format!("{} {}", text(loc, "card-birthday"), format::date(loc, b)));
    [
        Some(name),
        p.role.clone(),
        p.phone.clone(),
        p.email.clone(),
        birthday,
    ]
    .into_iter()
    .flatten()
    .filter(|f| !f.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" · ")
}

/// The card's text area at a terminal `size`: the body between the tab
/// line and the footer, inside the card's border.
fn page((w, h): (u16, u16)) -> Rect {
    Rect::new(0, 0, w.saturating_sub(2), h.saturating_sub(5))
}

/// The last first row `lines` scroll to in `area`: their last line on the
/// bottom row, never blank space past it.
fn last_top(lines: &[Line], area: Rect) -> u16 {
    let rows = wrapped(lines).line_count(area.width);
    u16::try_from(rows.saturating_sub(usize::from(area.height))).unwrap_or(u16::MAX)
}

/// Lines as the card wraps them.
fn wrapped<'a>(lines: &[Line<'a>]) -> Paragraph<'a> {
    Paragraph::new(lines.to_vec()).wrap(Wrap { trim: false })
}

/// The card's lines, and where its contacts start among them.
fn card_lines<'a>(
    card: &Card,
    data: &'a ClientCard,
    shared: &Shared,
    theme: Theme,
) -> (Vec<Line<'a>>, usize) {
    let loc = shared.locale;
    let st = &data.stats;
    let c = &st.client;
    let mut lines: Vec<Line> = Vec::new();
    // A section: a blank line, then its heading.
    let head = |t: String| [Line::from(""), Line::from(Span::styled(t, theme.title()))];
    let since = format::date(loc, c.since);
    let since = text_with(loc, "card-since", &[("date", since.as_str().into())]);
    lines.push(Line::from(vec![
        Span::styled(
            format!(" {} ", words::tier(loc, c.tier).to_uppercase()),
            theme.tier(c.tier),
        ),
        Span::styled(format!("  {}", c.name), theme.title()),
        Span::raw(format!("  · {} · {since}", words::status(loc, c.status))),
    ]));
    let cadence = c
        .cadence_days
        .map(|d| format::days(loc, d))
        .unwrap_or_else(|| "-".into());
    let no_goal = text(loc, "card-no-goal");
    let cadence_line = [
        ("cadence", cadence.as_str().into()),
        ("channel", c.channel.as_deref().unwrap_or("-").into()),
        ("goal", c.goal.as_deref().unwrap_or(&no_goal).into()),
    ];
    lines.push(Line::from(text_with(
        loc,
        "card-cadence-line",
        &cadence_line,
    )));
    if data.inn.is_some() || !data.aliases.is_empty() {
        lines.push(Line::from(format!(
            "ИНН {} · {} {}",
            data.inn.as_deref().unwrap_or("-"),
            text(loc, "card-aliases"),
            if data.aliases.is_empty() {
                "-".to_string()
            } else {
                data.aliases.join("; ")
            }
        )));
    }
    if !c.notes.is_empty() {
        lines.push(Line::from(format!(
            "{} {}",
            text(loc, "card-notes"),
            c.notes
        )));
    }
    let touch = match (st.neglect.days_since, st.neglect.state) {
        (None, _) => Span::styled(text(loc, "card-never-touched"), theme.warn()),
        (Some(d), state) => {
            let (id, style) = match state {
                NeglectState::Overdue => ("card-since-touch-past", theme.warn()),
                NeglectState::Due => ("card-since-touch-due", theme.due()),
                _ => ("card-since-touch", Style::new()),
            };
            let days = format::days(loc, d);
            Span::styled(text_with(loc, id, &[("days", days.as_str().into())]), style)
        }
    };
    let money = |m| format::money(loc, m);
    let (revenue, lifetime) = (money(st.revenue_12m), money(st.revenue_lifetime));
    let (outstanding, overdue) = (money(data.outstanding), money(data.overdue));
    let share = format::percent_or_dash(loc, st.share_bp);
    let currency = format::currency_sign(loc, &data.currency);
    let money_line = [
        ("revenue", revenue.as_str().into()),
        ("currency", currency.into()),
        ("share", share.as_str().into()),
        ("lifetime", lifetime.as_str().into()),
        ("outstanding", outstanding.as_str().into()),
    ];
    let overdue = [("amount", overdue.as_str().into())];
    lines.push(Line::from(vec![
        Span::raw(text_with(loc, "card-money-line", &money_line)),
        Span::styled(
            text_with(loc, "card-overdue", &overdue),
            late_style(theme, data.overdue),
        ),
    ]));
    let minutes = format::number(loc, st.minutes_12m);
    let per_hour = format::money_or_dash(loc, st.revenue_per_hour);
    let time_line = [
        ("minutes", minutes.as_str().into()),
        ("per-hour", per_hour.as_str().into()),
    ];
    lines.push(Line::from(vec![
        touch,
        Span::raw(text_with(loc, "card-time-line", &time_line)),
    ]));
    lines.extend(head(text(loc, "card-contacts")));
    if data.contacts.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", text(loc, "card-no-contacts")),
            theme.warn(),
        )));
    }
    let marked = card.marked_contact().map(|c| c.id);
    let first_contact = lines.len();
    for p in &data.contacts {
        // `n` moves the mark (only worth showing with more than one).
        let mark = if data.contacts.len() > 1 && marked == Some(p.id) {
            "▸ "
        } else {
            "  "
        };
        lines.push(Line::from(format!("{mark}{}", contact_line(loc, p))));
    }
    lines.extend(head(text(loc, "card-tier-history")));
    for h in &data.tier_history {
        lines.push(Line::from(format!(
            "  {}  {} → {}  {}",
            format::date(loc, h.on),
            h.from.map(|t| words::tier(loc, t)).unwrap_or("·".into()),
            words::tier(loc, h.to),
            h.reason
        )));
    }
    let counts = [
        ("shown", (data.touchpoints.len() as i64).into()),
        ("total", data.touchpoint_count.into()),
    ];
    lines.extend(head(text_with(loc, "card-recent-touchpoints", &counts)));
    let minutes = |n: i64| text_with(loc, "card-minutes", &[("n", n.into())]);
    let minutes_width = minutes(999).width();
    let kind_width = usize::from(super::touchpoints::kind_width(loc));
    for t in &data.touchpoints {
        let next = t
            .next_step
            .as_ref()
            .map(|n| {
                format!(
                    "  → {n}{}",
                    t.next_due
                        .map(|d| format!(" {} {}", text(loc, "card-by"), format::date(loc, d)))
                        .unwrap_or_default()
                )
            })
            .unwrap_or_default();
        lines.push(Line::from(format!(
            "  {}  {:<kind_width$} {:>minutes_width$}  {}{}",
            format::date(loc, t.at),
            words::kind(loc, t.kind),
            minutes(t.minutes.into()),
            t.summary,
            next
        )));
    }
    lines.extend(head(text(loc, "pane-agreements")));
    let overdue_word = text(loc, "card-agreement-overdue");
    let (status_width, owner_width) = super::agreements::word_widths(loc);
    let due_word = text(loc, "card-due");
    for a in &data.agreements {
        let (status, style) = if a.is_overdue(shared.today) {
            (overdue_word.clone(), theme.warn())
        } else {
            (words::agreement(loc, a.status), Style::new())
        };
        lines.push(Line::from(Span::styled(
            format!(
                "  {status:<status_width$} {:<owner_width$} {due_word} {}  {}",
                words::owner(loc, a.owner),
                format::date_or_dash(loc, a.due),
                a.text
            ),
            style,
        )));
    }
    lines.extend(head(text(loc, "card-invoices")));
    let balance_word = text(loc, "card-balance");
    for i in data.invoices.iter().rev().take(12) {
        let overdue = !i.balance.is_zero() && i.invoice.due < shared.today;
        lines.push(Line::from(Span::styled(
            format!(
                "  {}  {due_word} {}  {:>14}  {balance_word} {:>14}",
                format::month(loc, i.invoice.month),
                format::date(loc, i.invoice.due),
                format::money(loc, i.invoice.amount),
                format::money(loc, i.balance)
            ),
            if overdue { theme.warn() } else { Style::new() },
        )));
    }
    lines.extend(head(text(loc, "card-payments")));
    for p in data.payments.iter().take(12) {
        lines.push(Line::from(format!(
            "  {}  {:>14}  {}",
            format::date(loc, p.on),
            format::money(loc, p.amount),
            p.note
        )));
    }
    (lines, first_contact)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn contact(role: Option<&str>, phone: Option<&str>, email: Option<&str>) -> Contact {
        Contact {
            id: 1,
            client_id: 1,
            name: "Anna Petrova".into(),
            role: role.map(Into::into),
            decision_maker: false,
            phone: phone.map(Into::into),
            email: email.map(Into::into),
            birthday: NaiveDate::from_ymd_opt(1985, 11, 29),
        }
    }

    /// Issue 22.12: a contact with empty fields shows no stray separators.
    #[test]
    fn contact_line_separates_only_the_fields_it_has() {
        assert_eq!(
            contact_line(Locale::En, &contact(Some("CEO"), None, None)),
            "Anna Petrova · CEO · birthday 1985-11-29"
        );
        assert_eq!(
            contact_line(Locale::En, &contact(Some("CEO"), Some(""), Some("  "))),
            "Anna Petrova · CEO · birthday 1985-11-29"
        );
        assert_eq!(
            contact_line(
                Locale::En,
                &contact(None, Some("+7 900 000-00-00"), Some("a@b.ru"))
            ),
            "Anna Petrova · +7 900 000-00-00 · a@b.ru · birthday 1985-11-29"
        );
        let mut bare = contact(None, None, None);
        bare.birthday = None;
        bare.decision_maker = true;
        assert_eq!(contact_line(Locale::En, &bare), "Anna Petrova ★ decides");
    }
}
