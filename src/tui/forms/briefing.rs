//! Where `w` writes the review's briefing: one path, prefilled with
//! `briefing-YYYY-MM.md` in the user's documents folder (else the data
//! folder). Writing follows the one rule for written files
//! ([`crate::files::Out`]): a file there is replaced only after a `y`.

use std::path::Path;

use super::{Form, Kind, Save, Typed};
use crate::domain::briefing::Briefing;
use crate::format::Locale;
use crate::tui::form::{Field, FieldError};
use crate::tui::panes::review::Report;

/// The briefing shown, and the file to write it to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefingForm {
    pub briefing: Box<Briefing>,
    /// The language the briefing is written in (the TUI's).
    pub locale: Locale,
    pub path: Field,
}

impl BriefingForm {
    /// `briefing` as `briefing-YYYY-MM.md` in `dir`, the path editable.
    pub fn open(briefing: Briefing, locale: Locale, dir: &Path) -> Form {
        let file = dir.join(format!("briefing-{}.md", briefing.month));
        let form = BriefingForm {
            briefing: Box::new(briefing),
            locale,
            path: Field::text("File", true, file.display().to_string()),
        };
        let title = crate::format::text(locale, "form-title-write-briefing");
        Form::new(title, Kind::Briefing(form), Vec::new())
    }
}

impl Typed for BriefingForm {
    fields!(path);

    fn parse(&self, _clients: &[String]) -> Result<Save, FieldError> {
        Ok(Save::WriteReport(Box::new(Report {
            briefing: (*self.briefing).clone(),
            locale: self.locale,
            path: self.path.required_text()?.into(),
            replace: false,
        })))
    }
}
