//! The README's keys match the keys: every key the TUI's tables label (the
//! footer's and help's words come from the same tables) is written in the
//! README as `label`, so a key added, renamed or dropped shows here.

use folio::tui::keys::{self, Binding};

#[test]
fn every_labelled_key_is_in_the_readme() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let tables: &[(&str, &[Binding])] = &[
        ("GLOBAL", keys::GLOBAL),
        ("MOVE", keys::MOVE),
        ("PORTFOLIO", keys::PORTFOLIO),
        ("TOUCHPOINTS", keys::TOUCHPOINTS),
        ("AGREEMENTS", keys::AGREEMENTS),
        ("PLAN", keys::PLAN),
        ("PLAN_FIGURE", keys::PLAN_FIGURE),
        ("PLAN_CLIENT", keys::PLAN_CLIENT),
        ("PLAN_ROWS", keys::PLAN_ROWS),
        ("REVIEW", keys::REVIEW),
        ("REVIEW_DAY_CLOSED", keys::REVIEW_DAY_CLOSED),
        ("REVIEW_DAY_OPEN", keys::REVIEW_DAY_OPEN),
        ("REVIEW_CLIENT", keys::REVIEW_CLIENT),
        ("CARD", keys::CARD),
        ("FILTERING", keys::FILTERING),
        ("PICKING", keys::PICKING),
        ("FORM", keys::FORM),
        ("CONFIRMING", keys::CONFIRMING),
    ];
    let mut missing = Vec::new();
    for (table, bindings) in tables {
        for b in bindings.iter().filter(|b| !b.label.is_empty()) {
            if !readme.contains(&format!("`{}`", b.label)) {
                missing.push(format!("{table}: `{}` ({})", b.label, b.help));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys the TUI offers but the README does not name:\n{}",
        missing.join("\n")
    );
}
