//! What opening or changing the portfolio did to files beside it, said
//! as one sentence each: old backup copies pruned, a file's mode
//! tightened, the schema upgraded. Both doors print these (the command
//! line on stderr, the TUI in a toast).

use std::path::Path;

use super::{Arg, Locale};
use crate::ops::backups::{KEEP, Pruned};

/// The copies `pruned` removed (and those it could not), in one sentence;
/// `None` when nothing happened.
pub fn pruned(loc: Locale, pruned: &Pruned) -> Option<String> {
    let mut parts = Vec::new();
    if !pruned.removed.is_empty() {
        let names: Vec<String> = pruned
            .removed
            .iter()
            .map(|p| {
                p.file_name()
                    .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into())
            })
            .collect();
        let names_shown = names.join(", ");
        parts.push(say!(
            loc,
            "cli-pruned",
            n = Arg::count(names.len()),
            keep = Arg::count(KEEP),
            names = &names_shown,
        ));
    }
    for (path, e) in &pruned.failed {
        let file = path.display().to_string();
        parts.push(say!(loc, "cli-prune-failed", file = &file, error = e));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// `file` was readable by others and is now its owner's only.
pub fn tightened(loc: Locale, file: &Path, mode: u32) -> String {
    let file = file.display().to_string();
    say!(
        loc,
        "note-tightened",
        file = &file,
        mode = &format!("{mode:04o}"),
    )
}

/// `path` was brought from schema `from` to `to`; the file as it was is
/// kept as `backup`.
pub fn migrated(loc: Locale, path: &Path, from: i32, to: i32, backup: &Path) -> String {
    say!(
        loc,
        "note-migrated",
        file = &path.display().to_string(),
        from = i64::from(from),
        to = i64::from(to),
        backup = &backup.display().to_string(),
    )
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    #[test]
    fn pruned_copies_are_said_in_each_language() {
        assert_eq!(pruned(Locale::En, &Pruned::default()), None);
        let two = Pruned {
            removed: vec![
                PathBuf::from("/x/p.db.bak-v1"),
                PathBuf::from("/x/p.db.bak-v2"),
            ],
            failed: vec![(PathBuf::from("/x/p.db.bak-v3"), "denied".into())],
        };
        assert_eq!(
            pruned(Locale::En, &two).unwrap(),
            "removed 2 old backup copies (keeping the newest 10): p.db.bak-v1, p.db.bak-v2; \
             could not remove the old backup copy /x/p.db.bak-v3: denied"
        );
        let one = Pruned {
            removed: vec![PathBuf::from("/x/p.db.bak-v1")],
            failed: Vec::new(),
        };
        assert!(
            pruned(Locale::En, &one)
                .unwrap()
                .starts_with("removed 1 old backup copy ")
        );
        let ru = pruned(Locale::Ru, &two).unwrap();
        assert!(ru.starts_with("удалены 2 старые резервные копии"), "{ru}");
        assert!(!ru.contains("could not"), "{ru}");
    }

    #[test]
    fn opening_notes_are_said_in_each_language() {
        let (file, backup) = (Path::new("/x/p.db"), Path::new("/x/p.db.bak-v8"));
        assert_eq!(
            migrated(Locale::En, file, 8, 9, backup),
            "upgraded /x/p.db from schema version 8 to 9; the previous file is kept as /x/p.db.bak-v8"
        );
        assert_eq!(
            tightened(Locale::En, file, 0o644),
            "made /x/p.db private to its owner (its mode was 0644; client records are not for other users)"
        );
        let ru = [
            migrated(Locale::Ru, file, 8, 9, backup),
            tightened(Locale::Ru, file, 0o644),
        ];
        for said in ru {
            assert!(
                !said.contains("upgraded") && !said.contains("made "),
                "{said}"
            );
            assert!(said.contains("/x/p.db"), "{said}");
        }
    }
}
