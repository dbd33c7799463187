//! Pane 5: the one-on-one briefing for the selected month: plan gauge and
//! 12-month bars, clients at risk (Enter opens the card), tier moves, the
//! next 14 days and the talking points.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph, Wrap};

use super::{Component, Request, moved, reselect};
use crate::domain::briefing::Briefing;
use crate::domain::money::format_bp;
use crate::domain::{Id, Month};
use crate::files::{Out, OutError};
use crate::ops::{OpResult, views};
use crate::store::Store;
use crate::tui::action::{Action, Effect, Msg};
use crate::tui::app::{Confirm, Shared};
use crate::tui::forms::BriefingForm;
use crate::tui::view::{Theme, compact, window_start};

pub const TITLE: &str = "Review";

/// The month shown is `Shared::month` (the plan's too).
#[derive(Debug, Clone, Default)]
pub struct ReviewPane {
    /// Built when the pane is opened; dropped when the data changes
    /// elsewhere (rebuilt when next opened).
    pub briefing: Option<Briefing>,
    /// The at-risk client selected.
    pub selected: usize,
}

/// The briefing to write, the file, and whether the user said `y` to
/// replacing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub briefing: Briefing,
    pub path: std::path::PathBuf,
    pub replace: bool,
}

/// What the pane reads: the month's briefing.
pub fn read(store: &mut Store, month: Month, today: NaiveDate) -> OpResult<Briefing> {
    views::briefing(store, month, today)
}

/// The briefing as Markdown in the file given (the `w` prompt's). An
/// existing file is replaced only after a `y` to a question naming it; the
/// portfolio and other databases never (the rule of [`crate::files`]).
pub fn write(store: &Store, report: Report) -> OpResult<Msg> {
    let b = &report.briefing;
    let path = report.path.clone();
    let shown = std::path::absolute(&path).unwrap_or_else(|_| path.clone());
    let out = match Out::resolve(&path, report.replace, store.path()) {
        Ok(out) => out,
        Err(e @ (OutError::Exists(_) | OutError::Symlink(_))) => {
            let question = match e {
                OutError::Exists(_) => "exists. Replace it?",
                _ => "is a symbolic link. Write to the file it points to?",
            };
            let again = Report {
                replace: true,
                ..report
            };
            return Ok(Msg::Ask(Confirm {
                prompt: format!("{} {question} y/n", shown.display()),
                effect: Effect::Pane(Request::WriteReport(Box::new(again))),
            }));
        }
        Err(e) => return Err(e.into()),
    };
    out.write(|w| w.write_all(crate::io::report::markdown(b).as_bytes()))?;
    Ok(Msg::Done(format!("wrote {}", shown.display())))
}

impl ReviewPane {
    /// Install the briefing read; another month starts at its first row.
    pub fn loaded(&mut self, b: Briefing) -> Vec<Effect> {
        match &self.briefing {
            // The same month read again: the selection stays on its client.
            Some(old) if old.month == b.month => {
                let keep = old.at_risk.get(self.selected).map(|r| r.client_id);
                let ids = b.at_risk.iter().map(|r| r.client_id);
                self.selected = reselect(keep, self.selected, ids);
            }
            _ => self.selected = 0,
        }
        self.selected = self.selected.min(b.at_risk.len().saturating_sub(1));
        self.briefing = Some(b);
        Vec::new()
    }
}

impl Component for ReviewPane {
    fn open(&mut self, shared: &mut Shared) -> Vec<Effect> {
        vec![Effect::Pane(Request::Review(shared.month))]
    }

    fn reloaded(&mut self, shared: &mut Shared, open: bool) -> Vec<Effect> {
        if open {
            self.open(shared)
        } else {
            // Rebuilt when the pane is next opened.
            self.briefing = None;
            Vec::new()
        }
    }

    fn update(&mut self, action: Action, shared: &mut Shared) -> Vec<Effect> {
        let len = self.briefing.as_ref().map_or(0, |b| b.at_risk.len());
        if let Some(to) = moved(action, self.selected, len, shared.list_height) {
            self.selected = to;
            return Vec::new();
        }
        match action {
            Action::MonthPrev | Action::MonthNext => {
                let by = if action == Action::MonthPrev { -1 } else { 1 };
                shared.month = shared.month.plus_months(by);
                self.selected = 0;
                let month = shared.month;
                vec![
                    Effect::LoadHistory(month),
                    Effect::Pane(Request::Review(month)),
                ]
            }
            // Asks where first (see `forms::briefing`).
            Action::WriteReport => match &self.briefing {
                Some(b) => {
                    let form = BriefingForm::open(b.clone(), &shared.report_dir);
                    shared.open_form(form);
                    Vec::new()
                }
                None => {
                    shared.warn("report: the briefing is not loaded yet");
                    Vec::new()
                }
            },
            Action::Edit => {
                shared.warn("nothing to edit here");
                Vec::new()
            }
            Action::Delete => {
                shared.warn("nothing to delete here");
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn draw(&self, shared: &Shared, theme: Theme, f: &mut Frame, area: Rect) {
        draw(self, shared, theme, f, area);
    }

    fn selected_client(&self, _shared: &Shared) -> Option<Id> {
        let b = self.briefing.as_ref()?;
        Some(b.at_risk.get(self.selected)?.client_id)
    }
}

fn draw(pane: &ReviewPane, shared: &Shared, theme: Theme, f: &mut Frame, area: Rect) {
    let Some(b) = &pane.briefing else {
        f.render_widget(Paragraph::new("building the briefing…"), area);
        return;
    };
    let [top, middle] = Layout::vertical([Constraint::Length(8), Constraint::Min(4)]).areas(area);
    let [plan, bars] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(top);
    draw_plan(b, theme, f, plan);
    draw_bars(b, theme, f, bars);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(middle);
    let [risk, points] = Layout::vertical([Constraint::Min(4), Constraint::Length(7)]).areas(left);
    draw_risk(pane.selected, b, theme, f, risk);
    // The at-risk rows (two lines each), for the mouse.
    let inner = Block::default().borders(Borders::ALL).inner(risk);
    let visible = usize::from(inner.height / 2).max(1);
    let start = window_start(pane.selected, visible);
    let shown = b.at_risk.len().saturating_sub(start).min(visible);
    crate::tui::mouse::note_rows(shared, inner, start, shown, 2, Action::SelectRow);
    draw_points(b, theme, f, points);
    let moves_h = (b.tier_moves.len() as u16 + 2).clamp(3, 6);
    let [moves, next] =
        Layout::vertical([Constraint::Length(moves_h), Constraint::Min(3)]).areas(right);
    draw_moves(b, theme, f, moves);
    draw_next(b, theme, f, next);
}

fn draw_plan(b: &Briefing, theme: Theme, f: &mut Frame, area: Rect) {
    let c = &b.plan.current;
    let block = Block::default().borders(Borders::ALL).title(format!(
        " Plan {} · {} day(s) left · [ ] month · w write .md ",
        b.month, b.plan.days_left
    ));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let [gauge, lines] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    let ratio = c
        .attainment_bp
        .map(|bp| (bp.clamp(0, 10_000) as f64) / 10_000.0)
        .unwrap_or(0.0);
    let label = match c.attainment_bp {
        Some(bp) => format!(
            "{} % of {}",
            format_bp(bp),
            c.target.map(compact).unwrap_or_default()
        ),
        None => "no target".to_string(),
    };
    f.render_widget(
        Gauge::default().ratio(ratio).label(label).gauge_style(
            if c.attainment_bp.is_some_and(|bp| bp >= 10_000) {
                theme.good()
            } else {
                theme.due()
            },
        ),
        gauge,
    );
    let text = vec![
        Line::from(format!(
            "received {}  expected {}",
            c.received.to_human_short(),
            c.expected.to_human_short()
        )),
        Line::from(vec![
            Span::raw(format!("outstanding {}  ", c.outstanding.to_human_short())),
            Span::styled(
                format!("overdue {}", c.overdue.to_human_short()),
                if c.overdue.is_zero() {
                    theme.dim()
                } else {
                    theme.warn()
                },
            ),
        ]),
        Line::from(format!(
            "forecast {} {}",
            c.forecast.to_human_short(),
            b.currency
        )),
        Line::from(Span::styled(
            "= received + balances not yet overdue",
            theme.dim(),
        )),
    ];
    f.render_widget(Paragraph::new(text), lines);
}

fn draw_bars(b: &Briefing, theme: Theme, f: &mut Frame, area: Rect) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" 12 months: attainment ");
    let inner = block.inner(area);
    f.render_widget(block, area);
    let months: Vec<_> = b
        .plan
        .previous
        .iter()
        .chain(std::iter::once(&b.plan.current))
        .collect();
    // Vertical bars, one column per month, scaled to 150 %.
    let height = usize::from(inner.height.saturating_sub(1)).max(1);
    let col = (usize::from(inner.width) / months.len().max(1)).clamp(1, 6);
    let mut rows: Vec<Line> = Vec::new();
    for level in (0..height).rev() {
        let mut spans = Vec::new();
        for m in &months {
            let filled = m
                .attainment_bp
                .map(|bp| (bp.clamp(0, 15_000) as usize * height).div_ceil(15_000))
                .unwrap_or(0);
            let style = match m.attainment_bp {
                Some(bp) if bp >= 10_000 => theme.good(),
                Some(_) => theme.due(),
                None => theme.dim(),
            };
            let cell = if filled > level { "█" } else { " " };
            spans.push(Span::styled(
                format!("{:<col$}", cell.repeat(col.saturating_sub(1).max(1))),
                style,
            ));
        }
        rows.push(Line::from(spans));
    }
    let labels: String = months
        .iter()
        .map(|m| format!("{:<col$}", &format!("{:02}", m.month.month())[..2.min(col)]))
        .collect();
    rows.push(Line::from(Span::styled(labels, theme.dim())));
    f.render_widget(Paragraph::new(rows), inner);
}

fn draw_risk(selected: usize, b: &Briefing, theme: Theme, f: &mut Frame, area: Rect) {
    let block = Block::default().borders(Borders::ALL).title(format!(
        " At risk · {} client(s) · Enter: card ",
        b.at_risk.len()
    ));
    let inner = block.inner(area);
    f.render_widget(block, area);
    if b.at_risk.is_empty() {
        f.render_widget(
            Paragraph::new("No client shows a risk signal.").style(theme.dim()),
            inner,
        );
        return;
    }
    // Two lines per client: name and tier, then the reasons.
    let visible = usize::from(inner.height / 2).max(1);
    let start = window_start(selected, visible);
    let mut lines = Vec::new();
    for (i, r) in b.at_risk.iter().enumerate().skip(start).take(visible) {
        let base = if i == selected {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {} ", r.tier.as_str()), theme.tier(r.tier)),
            Span::styled(
                format!(" {}", r.client),
                base.add_modifier(ratatui::style::Modifier::BOLD),
            ),
        ]));
        let reasons: Vec<String> = r.reasons.iter().map(|x| x.describe()).collect();
        lines.push(Line::from(Span::styled(
            format!("   {}", reasons.join("; ")),
            base,
        )));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

fn draw_points(b: &Briefing, theme: Theme, f: &mut Frame, area: Rect) {
    // Each point takes a line at least (more when wrapped): build no more
    // than fit; the title counts them all.
    let room = usize::from(area.height.saturating_sub(2));
    let lines: Vec<Line> = b
        .talking_points
        .iter()
        .take(room)
        .map(|t| Line::from(format!("• {t}")))
        .collect();
    let title = if b.talking_points.len() > room {
        format!(
            " Talking points · {} (w writes them all) ",
            b.talking_points.len()
        )
    } else {
        " Talking points ".to_string()
    };
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::default().borders(Borders::ALL).title(title))
            .style(
                theme
                    .title()
                    .remove_modifier(ratatui::style::Modifier::BOLD),
            ),
        area,
    );
}

/// Lines for a list in a bordered box of `area`: only as many items as fit
/// are built; when some do not, the last line says how many.
fn fitted<'a, T>(
    items: &'a [T],
    area: Rect,
    theme: Theme,
    line: impl Fn(&'a T) -> Line<'a>,
) -> Vec<Line<'a>> {
    let room = usize::from(area.height.saturating_sub(2)).max(1);
    let shown = if items.len() > room {
        room - 1
    } else {
        items.len()
    };
    let mut lines: Vec<Line> = items[..shown].iter().map(line).collect();
    if shown < items.len() {
        lines.push(Line::from(Span::styled(
            format!("… and {} more (w writes them all)", items.len() - shown),
            theme.dim(),
        )));
    }
    lines
}

fn draw_moves(b: &Briefing, theme: Theme, f: &mut Frame, area: Rect) {
    let lines: Vec<Line> = if b.tier_moves.is_empty() {
        vec![Line::from(Span::styled("none this month", theme.dim()))]
    } else {
        fitted(&b.tier_moves, area, theme, |m| {
            Line::from(vec![
                Span::raw(format!("{} {} ", m.on.format("%d.%m"), m.client)),
                Span::styled(format!(" {} ", m.from.as_str()), theme.tier(m.from)),
                Span::raw("→"),
                Span::styled(format!(" {} ", m.to.as_str()), theme.tier(m.to)),
                Span::styled(format!(" {}", m.reason), theme.dim()),
            ])
        })
    };
    f.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(" Tier moves ")),
        area,
    );
}

fn draw_next(b: &Briefing, theme: Theme, f: &mut Frame, area: Rect) {
    let lines: Vec<Line> = if b.next_14_days.is_empty() {
        vec![Line::from(Span::styled("nothing due", theme.dim()))]
    } else {
        // The kind as a column as wide as its widest label, then a space:
        // "payment due" fills it and must not run into the client's name.
        let w = b
            .next_14_days
            .iter()
            .map(|u| u.kind.label().chars().count())
            .max()
            .unwrap_or(0);
        fitted(&b.next_14_days, area, theme, |u| {
            Line::from(vec![
                Span::styled(u.date.format("%d.%m ").to_string(), theme.title()),
                Span::styled(format!("{:<w$} ", u.kind.label()), theme.dim()),
                Span::raw(format!(
                    "{}: {}{}",
                    u.client,
                    u.text,
                    u.amount
                        .map(|m| format!(" ({})", m.to_human_short()))
                        .unwrap_or_default()
                )),
            ])
        })
    };
    f.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .title(" Next 14 days "),
        ),
        area,
    );
}
