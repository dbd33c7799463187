//! The copies folio keeps next to a portfolio file, and the way back from
//! them: listing them, pruning the automatic ones, restoring from one.
//!
//! The copies of `portfolio.db`, by name:
//! - `portfolio.db.backup-YYYYMMDD`: written by `folio backup`; never pruned;
//! - `portfolio.db.bak-vN`: the file before a migration from version N;
//! - `portfolio.db.bak-delete-YYYYMMDD-ID[-n]`: before deleting client ID;
//! - `portfolio.db.bak-before-restore[-n]`: before a restore; never pruned.
//!
//! Migrations' and deletions' copies beyond the newest [`KEEP`] of their
//! kind are removed after a new one is written ([`prune`]).

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::NaiveDate;

use super::{OpError, OpResult};
use crate::domain::Id;
use crate::files::{beside, folder_of, unused_name};
use crate::store::restore::{Source, SourceError};
use crate::store::{Store, clients};

/// How many copies of each automatic kind are kept.
pub const KEEP: usize = 10;

/// What wrote a copy (from its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CopyKind {
    /// `folio backup`.
    Backup,
    /// A migration, before changing the schema.
    Migration,
    /// A client's deletion.
    Delete,
    /// A restore, of the portfolio it replaced.
    BeforeRestore,
    /// Another `.bak-` name.
    Other,
}

impl CopyKind {
    /// Only the copies folio writes on its own are pruned.
    pub fn pruned(self) -> bool {
        matches!(self, CopyKind::Migration | CopyKind::Delete)
    }
}

/// The kind of copy `file_name` is of the portfolio named `portfolio_name`,
/// or `None` when it is not one (SQLite's `-wal`, `-shm` and `-journal`
/// files beside a copy are not copies).
pub fn kind_of(portfolio_name: &str, file_name: &str) -> Option<CopyKind> {
    let rest = file_name.strip_prefix(portfolio_name)?.strip_prefix('.')?;
    if ["-wal", "-shm", "-journal"]
        .iter()
        .any(|s| rest.ends_with(s))
    {
        return None;
    }
    if rest.starts_with("backup-") {
        return Some(CopyKind::Backup);
    }
    let bak = rest.strip_prefix("bak-")?;
    let kind = match bak.strip_prefix('v') {
        Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => CopyKind::Migration,
        _ if bak.starts_with("delete-") => CopyKind::Delete,
        _ if bak == "before-restore" || bak.starts_with("before-restore-") => {
            CopyKind::BeforeRestore
        }
        _ => CopyKind::Other,
    };
    Some(kind)
}

/// One copy beside the portfolio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupCopy {
    pub path: PathBuf,
    pub name: String,
    pub kind: CopyKind,
    pub modified: SystemTime,
    pub bytes: u64,
}

/// The copies of `portfolio` in its folder, newest first (by modification
/// time, then name). No folder, no copies.
pub fn list(portfolio: &Path) -> std::io::Result<Vec<BackupCopy>> {
    let Some(own) = portfolio.file_name().map(|n| n.to_string_lossy()) else {
        return Ok(Vec::new());
    };
    let entries = match fs::read_dir(folder_of(portfolio)) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut copies = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(kind) = kind_of(&own, &name) else {
            continue;
        };
        // A copy removed meanwhile, or not a plain file, is left out.
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        copies.push(BackupCopy {
            path: entry.path(),
            name,
            kind,
            modified: meta.modified()?,
            bytes: meta.len(),
        });
    }
    copies.sort_by(|a, b| (b.modified, &b.name).cmp(&(a.modified, &a.name)));
    Ok(copies)
}

/// What [`prune`] removed, and what it could not.
#[derive(Debug, Default)]
pub struct Pruned {
    pub removed: Vec<PathBuf>,
    pub failed: Vec<(PathBuf, String)>,
}

/// Remove the copies of `portfolio` of `kind` beyond the newest [`KEEP`]
/// (with SQLite's `-wal`/`-shm` files beside them, if any). Only kinds
/// folio writes on its own ([`CopyKind::pruned`]); any other kind removes
/// nothing. Failures are reported, not raised: the copy that was just
/// written matters more than the old ones.
pub fn prune(portfolio: &Path, kind: CopyKind) -> Pruned {
    let mut pruned = Pruned::default();
    if !kind.pruned() {
        return pruned;
    }
    let copies = match list(portfolio) {
        Ok(copies) => copies,
        Err(e) => {
            pruned
                .failed
                .push((folder_of(portfolio).to_path_buf(), e.to_string()));
            return pruned;
        }
    };
    // Listed newest first (by modification time, then name: the later name
    // counts as newer); removed oldest first, so the note reads in order.
    let old: Vec<PathBuf> = copies
        .into_iter()
        .filter(|c| c.kind == kind)
        .skip(KEEP)
        .map(|c| c.path)
        .collect();
    for path in old.into_iter().rev() {
        match fs::remove_file(&path) {
            Ok(()) => {
                for suffix in ["-wal", "-shm"] {
                    let _ = fs::remove_file(beside(&path, suffix));
                }
                pruned.removed.push(path);
            }
            Err(e) => pruned.failed.push((path, e.to_string())),
        }
    }
    pruned
}

/// A client deleted ([`delete_client_and_prune`]), the copy written
/// before, and the old deletion copies pruned after it.
#[derive(Debug)]
pub struct Deleted {
    pub backup: Option<PathBuf>,
    pub pruned: Pruned,
}

/// Delete a client with everything recorded about it, after writing a
/// backup copy of the file next to it when the client has any records
/// (`portfolio.db.bak-delete-YYYYMMDD-<id>`): a delete can always be undone
/// by restoring that copy. Then prune the deletions' copies to the newest
/// [`KEEP`].
pub fn delete_client_and_prune(store: &mut Store, id: Id, today: NaiveDate) -> OpResult<Deleted> {
    let backup = match (super::client_record_count(store, id)?, store.path()) {
        (n, Some(path)) if n > 0 => {
            let suffix = format!(".bak-delete-{}-{id}", today.format("%Y%m%d"));
            let dest = unused_name(&beside(path, &suffix));
            store.backup_to(&dest)?;
            Some(dest)
        }
        _ => None,
    };
    super::delete_with(store, id, "client", clients::delete)?;
    let pruned = match (&backup, store.path()) {
        (Some(_), Some(path)) => prune(path, CopyKind::Delete),
        _ => Pruned::default(),
    };
    Ok(Deleted { backup, pruned })
}

/// Why a restore did not happen. The portfolio is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error(
        "{0} is the portfolio itself; restore from a copy of it (`folio backups` lists them); nothing was changed"
    )]
    SameFile(PathBuf),
    #[error(transparent)]
    Source(#[from] SourceError),
    #[error("only a portfolio file can be restored into")]
    NoFile,
    #[error(
        "cannot keep a copy of the portfolio as {path} before the restore: {source}; nothing was restored"
    )]
    KeepBefore {
        path: PathBuf,
        source: crate::files::OutError,
    },
    #[error("cannot restore {from} into {into}: {source}; the portfolio is unchanged")]
    Copy {
        from: PathBuf,
        into: PathBuf,
        source: OpError,
    },
}

/// Open `file` to restore `portfolio` from: refused when it is the
/// portfolio itself (same file, by any path or link), or not a sound folio
/// file of a version this program knows ([`Source::open`]). Reads only.
pub fn open_source(file: &Path, portfolio: &Path) -> Result<Source, RestoreError> {
    if crate::files::same_file(file, portfolio) {
        return Err(RestoreError::SameFile(file.to_path_buf()));
    }
    Ok(Source::open(file)?)
}

/// What [`restore`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The copy of the portfolio as it was before; `None` when there was
    /// none to keep (the file was new).
    pub before: Option<PathBuf>,
    /// The schema version of what was restored; an older one is migrated
    /// on the next open.
    pub version: i32,
}

/// Replace the portfolio open in `store` with `source`: first a copy of
/// the portfolio as it is ([`before_restore_path`]), unless `new` says
/// the file did not exist before this restore (nothing to keep), then
/// `source`'s content, in one transaction ([`Store::restore_from`]).
pub fn restore(store: &mut Store, source: &Source, new: bool) -> Result<Restored, RestoreError> {
    let into = store.path().ok_or(RestoreError::NoFile)?.to_path_buf();
    let from = source.path().unwrap_or(Path::new("")).to_path_buf();
    if crate::files::same_file(&from, &into) {
        return Err(RestoreError::SameFile(from));
    }
    if store.is_read_only() {
        // Refused before the copy of the portfolio is written.
        return Err(RestoreError::Copy {
            from,
            into,
            source: OpError::ReadOnly,
        });
    }
    let before = if new {
        None
    } else {
        let path = before_restore_path(&into);
        store
            .backup_to(&path)
            .map_err(|source| RestoreError::KeepBefore {
                path: path.clone(),
                source,
            })?;
        Some(path)
    };
    store.restore_from(source).map_err(|e| RestoreError::Copy {
        from,
        into,
        source: e.into(),
    })?;
    Ok(Restored {
        before,
        version: source.version(),
    })
}

/// `portfolio.db.bak-before-restore`, or when that is taken the first free
/// of `portfolio.db.bak-before-restore-2`, `-3`, ...: every earlier one is
/// kept.
pub fn before_restore_path(portfolio: &Path) -> PathBuf {
    unused_name(&beside(portfolio, ".bak-before-restore"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn copies_are_told_apart_by_name() {
        let p = "portfolio.db";
        let cases = [
            ("portfolio.db.backup-20261123", Some(CopyKind::Backup)),
            ("portfolio.db.bak-v1", Some(CopyKind::Migration)),
            ("portfolio.db.bak-v12", Some(CopyKind::Migration)),
            ("portfolio.db.bak-delete-20261123-7", Some(CopyKind::Delete)),
            (
                "portfolio.db.bak-delete-20261123-7-2",
                Some(CopyKind::Delete),
            ),
            (
                "portfolio.db.bak-before-restore",
                Some(CopyKind::BeforeRestore),
            ),
            (
                "portfolio.db.bak-before-restore-3",
                Some(CopyKind::BeforeRestore),
            ),
            ("portfolio.db.bak-vx", Some(CopyKind::Other)),
            ("portfolio.db.bak-v", Some(CopyKind::Other)),
            ("portfolio.db.bak-mine", Some(CopyKind::Other)),
            ("portfolio.db.bak-v1-wal", None),
            ("portfolio.db.bak-delete-20261123-7-shm", None),
            ("portfolio.db.backup-20261123-journal", None),
            ("portfolio.db", None),
            ("portfolio.db-wal", None),
            ("portfolio.dbx.bak-v1", None),
            ("other.db.bak-v1", None),
            ("portfolio.db.old", None),
        ];
        for (name, want) in cases {
            assert_eq!(kind_of(p, name), want, "{name}");
        }
    }

    /// Only migrations' and deletions' copies are pruned, each kind on its
    /// own, with their sidecars; others stay however many there are.
    #[test]
    fn prune_removes_only_the_kind_asked_beyond_the_newest() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("p.db");
        let touch = |name: &str, age: u64| {
            let path = dir.path().join(name);
            let f = fs::File::create(&path).unwrap();
            f.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(2_000_000_000 - age))
                .unwrap();
        };
        for i in 0..12 {
            touch(&format!("p.db.bak-delete-20261123-{i}"), 100 - i);
            touch(&format!("p.db.backup-2026{i:02}01"), 100 - i);
            touch(&format!("p.db.bak-before-restore-{i}"), 100 - i);
        }
        touch("p.db.bak-delete-20261123-0-wal", 0);
        for v in 1..=11 {
            touch(&format!("p.db.bak-v{v}"), 50 - v);
        }
        assert!(prune(&db, CopyKind::Backup).removed.is_empty());
        assert!(prune(&db, CopyKind::BeforeRestore).removed.is_empty());
        let pruned = prune(&db, CopyKind::Delete);
        assert_eq!(
            pruned.removed,
            [
                dir.path().join("p.db.bak-delete-20261123-0"),
                dir.path().join("p.db.bak-delete-20261123-1"),
            ]
        );
        assert!(pruned.failed.is_empty());
        assert!(!dir.path().join("p.db.bak-delete-20261123-0-wal").exists());
        let pruned = prune(&db, CopyKind::Migration);
        assert_eq!(pruned.removed, [dir.path().join("p.db.bak-v1")]);
        let left = list(&db).unwrap();
        let count = |k: CopyKind| left.iter().filter(|c| c.kind == k).count();
        assert_eq!(count(CopyKind::Delete), 10);
        assert_eq!(count(CopyKind::Migration), 10);
        assert_eq!(count(CopyKind::Backup), 12);
        assert_eq!(count(CopyKind::BeforeRestore), 12);
        // Listed newest first.
        assert!(left.windows(2).all(|w| w[0].modified >= w[1].modified));
        assert_eq!(left[0].name, "p.db.bak-v11");
    }

    #[test]
    fn before_restore_names_never_replace_an_earlier_one() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("p.db");
        let first = before_restore_path(&db);
        assert_eq!(first, dir.path().join("p.db.bak-before-restore"));
        fs::write(&first, b"x").unwrap();
        let second = before_restore_path(&db);
        assert_eq!(second, dir.path().join("p.db.bak-before-restore-2"));
        fs::write(&second, b"x").unwrap();
        assert_eq!(
            before_restore_path(&db),
            dir.path().join("p.db.bak-before-restore-3")
        );
    }

    #[test]
    fn no_folder_no_copies() {
        let dir = tempfile::tempdir().unwrap();
        assert!(list(&dir.path().join("nowhere/p.db")).unwrap().is_empty());
        let pruned = prune(&dir.path().join("nowhere/p.db"), CopyKind::Delete);
        assert!(pruned.removed.is_empty() && pruned.failed.is_empty());
    }
}
