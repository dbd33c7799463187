//! The one rule for every file folio writes: `--out` of `report` and
//! `export`, `backup`, the TUI's `w`, and the `.bak-*` copies written before
//! a migration or a delete. Both doors call it, so the promises hold
//! everywhere:
//!
//! - `-` is standard output;
//! - an existing file is replaced only when asked (`--force`, or `y` in the
//!   TUI), and never when it is the open portfolio or its `-wal`/`-shm`
//!   (compared by device and inode, so another name for the same file does
//!   not slip through) or any other SQLite database;
//! - a character device or a FIFO is written through, never replaced;
//! - a symbolic link is refused unless forced, and then its target is written;
//! - a regular file is written under a temporary name in the same folder,
//!   synced, and renamed only when complete: a failed or killed write leaves
//!   the old file (or none) under the real name, never half of one;
//! - what folio creates is readable by its owner only (0600 on Unix).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How many symbolic links [`Out::resolve`] follows before giving up.
const MAX_LINKS: usize = 16;

/// The first bytes of every SQLite database file.
pub const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Why folio will not write a file. Each message names the file.
#[derive(Debug, thiserror::Error)]
pub enum OutError {
    #[error("{0} already exists; pass --force to replace it")]
    Exists(PathBuf),
    #[error(
        "{0} is the open portfolio (or its -wal/-shm file); folio never writes over it, even with --force"
    )]
    Portfolio(PathBuf),
    #[error(
        "{0} is an SQLite database; folio never writes over one, even with --force (choose another file)"
    )]
    Database(PathBuf),
    #[error("{0} is a symbolic link; pass --force to write to the file it points to")]
    Symlink(PathBuf),
    #[error("{0} is a folder, not a file")]
    Directory(PathBuf),
    #[error("{0} is neither a file, a character device nor a FIFO; folio does not write to it")]
    Special(PathBuf),
    #[error("the folder {0} does not exist")]
    MissingFolder(PathBuf),
    #[error("cannot write {}: {}", .path.display(), describe(.reason))]
    Io { path: PathBuf, reason: io::Error },
    #[error("cannot write output: {}", describe(.0))]
    Output(io::Error),
}

impl OutError {
    fn io(path: &Path, reason: io::Error) -> OutError {
        OutError::Io {
            path: path.to_path_buf(),
            reason,
        }
    }
}

/// An I/O error as one phrase: a full disk said plainly, anything else as
/// the system says it.
pub fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::StorageFull => "the disk is full (no space left on device)".to_string(),
        _ => e.to_string(),
    }
}

/// Where output goes, once the rule has been applied to a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Out {
    /// `-`: standard output.
    Stdout,
    /// A character device or a FIFO: opened and written, never replaced.
    Through(PathBuf),
    /// A regular file (new, or replacing one the caller may replace):
    /// written under a temporary name beside it, then renamed.
    File(PathBuf),
}

impl Out {
    /// Apply the rule to `path`. `force` allows replacing an existing file
    /// and following a symbolic link; `portfolio` is the open portfolio,
    /// whose file and sidecars are never written over.
    pub fn resolve(path: &Path, force: bool, portfolio: Option<&Path>) -> Result<Out, OutError> {
        if path.as_os_str() == "-" {
            return Ok(Out::Stdout);
        }
        let protected = portfolio.map(sidecars).unwrap_or_default();
        let mut current = path.to_path_buf();
        for _ in 0..MAX_LINKS {
            let meta = match fs::symlink_metadata(&current) {
                Ok(meta) => meta,
                Err(e) if e.kind() == io::ErrorKind::NotFound => return new_file(current),
                Err(e) => return Err(OutError::io(&current, e)),
            };
            let kind = meta.file_type();
            if kind.is_symlink() {
                if !force {
                    return Err(OutError::Symlink(path.to_path_buf()));
                }
                let target = fs::read_link(&current).map_err(|e| OutError::io(&current, e))?;
                current = match current.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
                continue;
            }
            if kind.is_dir() {
                return Err(OutError::Directory(current));
            }
            if is_device_or_fifo(&kind) {
                return Ok(Out::Through(current));
            }
            if !kind.is_file() {
                return Err(OutError::Special(current));
            }
            if protected.iter().any(|p| same_file(p, &current)) {
                return Err(OutError::Portfolio(current));
            }
            if is_sqlite(&current).map_err(|e| OutError::io(&current, e))? {
                return Err(OutError::Database(current));
            }
            if !force {
                return Err(OutError::Exists(current));
            }
            return Ok(Out::File(current));
        }
        Err(OutError::io(
            path,
            io::Error::other("too many levels of symbolic links"),
        ))
    }

    /// The path written, for messages (`-` for standard output).
    pub fn path(&self) -> &Path {
        match self {
            Out::Stdout => Path::new("-"),
            Out::Through(p) | Out::File(p) => p,
        }
    }

    /// Write what `write` produces. Standard output closed by its reader
    /// (`folio report | head`) is not an error.
    pub fn write(
        &self,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), OutError> {
        match self {
            Out::Stdout => {
                let mut out = io::stdout().lock();
                match write(&mut out).and_then(|()| out.flush()) {
                    Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(OutError::Output(e)),
                    _ => Ok(()),
                }
            }
            Out::Through(path) => {
                let file = fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(|e| OutError::io(path, e))?;
                let mut out = io::BufWriter::new(file);
                write(&mut out)
                    .and_then(|()| out.flush())
                    .map_err(|e| OutError::io(path, e))
            }
            Out::File(path) => {
                let mut tmp = temporary_beside(path)?;
                let mut out = io::BufWriter::new(&mut tmp);
                write(&mut out)
                    .and_then(|()| out.flush())
                    .map_err(|e| OutError::io(path, e))?;
                drop(out);
                commit(tmp, path)
            }
        }
    }

    /// Write a file that another library fills by path (SQLite's online
    /// backup): `fill` gets an empty private file to write into. For a
    /// regular file that is the temporary file beside the target, renamed
    /// when complete; for standard output, a device or a FIFO it is a
    /// temporary file whose bytes are then copied through.
    pub fn fill(&self, fill: impl FnOnce(&Path) -> io::Result<()>) -> Result<(), OutError> {
        let tmp = match self {
            Out::File(path) => temporary_beside(path)?,
            Out::Stdout | Out::Through(_) => {
                tempfile::NamedTempFile::new().map_err(|e| OutError::io(self.path(), e))?
            }
        };
        fill(tmp.path()).map_err(|e| OutError::io(self.path(), e))?;
        match self {
            Out::File(path) => commit(tmp, path),
            Out::Stdout | Out::Through(_) => {
                let mut from =
                    fs::File::open(tmp.path()).map_err(|e| OutError::io(tmp.path(), e))?;
                self.write(|w| io::copy(&mut from, w).map(drop))
            }
        }
    }
}

/// `path` as it does not exist yet: a new file, in a folder that must exist.
fn new_file(path: PathBuf) -> Result<Out, OutError> {
    let dir = folder_of(&path);
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(Out::File(path)),
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(OutError::io(&path, e)),
        _ => Err(OutError::MissingFolder(dir.to_path_buf())),
    }
}

/// The first of `path`, `path-2`, `path-3`, ... that does not exist: copies
/// written automatically (before a migration, a delete or a restore) never
/// replace an older one.
pub fn unused_name(path: &Path) -> PathBuf {
    let mut candidate = path.to_path_buf();
    let mut n = 1;
    while fs::symlink_metadata(&candidate).is_ok() {
        n += 1;
        candidate = beside(path, &format!("-{n}"));
    }
    candidate
}

/// The portfolio's file and its SQLite sidecars.
pub fn sidecars(db: &Path) -> Vec<PathBuf> {
    vec![
        db.to_path_buf(),
        beside(db, "-wal"),
        beside(db, "-shm"),
        beside(db, "-journal"),
    ]
}

/// The file named as `path` with `suffix` added: `portfolio.db-wal`,
/// `portfolio.db.bak-v1`.
pub fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The folder `path` is in: `.` for a bare file name.
pub fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// An empty private file in `path`'s folder, named after it so a leftover
/// from a killed write is recognisable (`.portfolio.db.backup-….tmp`).
fn temporary_beside(path: &Path) -> Result<tempfile::NamedTempFile, OutError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // tempfile creates the file owner-only (0600 on Unix).
    tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(folder_of(path))
        .map_err(|e| OutError::io(path, e))
}

/// Sync the complete temporary file, rename it to `path`, sync the folder.
fn commit(tmp: tempfile::NamedTempFile, path: &Path) -> Result<(), OutError> {
    fs::File::open(tmp.path())
        .and_then(|f| f.sync_all())
        .map_err(|e| OutError::io(path, e))?;
    tmp.persist(path).map_err(|e| OutError::io(path, e.error))?;
    sync_folder(folder_of(path));
    Ok(())
}

/// Make a rename durable. Best effort: not every platform or file system
/// can sync a folder (Windows cannot open one as a file).
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Does `path` start with SQLite's header?
fn is_sqlite(path: &Path) -> io::Result<bool> {
    use std::io::Read;
    let mut head = Vec::with_capacity(SQLITE_MAGIC.len());
    fs::File::open(path)?
        .take(SQLITE_MAGIC.len() as u64)
        .read_to_end(&mut head)?;
    Ok(head == SQLITE_MAGIC)
}

#[cfg(unix)]
fn is_device_or_fifo(kind: &fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    kind.is_char_device() || kind.is_fifo()
}

/// Windows has no FIFOs or device files in its file system.
#[cfg(not(unix))]
fn is_device_or_fifo(_kind: &fs::FileType) -> bool {
    false
}

/// The same file: same device and inode on Unix (whatever name or link
/// leads to it), same canonical path elsewhere. A path that does not exist
/// is no file's.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (fs::metadata(a), fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    matches!(
        (fs::canonicalize(a), fs::canonicalize(b)),
        (Ok(x), Ok(y)) if x == y
    )
}

/// Make an existing file owner-only (0600): the portfolio, its sidecars and
/// its copies hold client records. Returns the mode it had when it was
/// wider, for the caller to say so; `None` when it was private already, or
/// does not exist. On other platforms files keep the permissions the user's
/// folder gives them (there are no Unix modes to set).
pub fn make_private(path: &Path) -> io::Result<Option<u32>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let mode = meta.permissions().mode() & 0o7777;
        if mode & 0o077 == 0 {
            return Ok(None);
        }
        let private = if meta.is_dir() { 0o700 } else { 0o600 };
        fs::set_permissions(path, fs::Permissions::from_mode(private))?;
        Ok(Some(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(None)
    }
}

/// Create `dir` (and any missing parents) with the last folder owner-only
/// (0700 on Unix): folio's data folder.
pub fn create_private_folder(dir: &Path) -> io::Result<()> {
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    match builder.create(dir) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        other => other,
    }
}
