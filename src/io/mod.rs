//! Files in and out: CSV import and export, report rendering. Where and
//! how a file is written is [`crate::files`]' rule. No SQL here: resolving client
//! names to ids and checking rows against the database is the ops layer's job.

pub mod csv_export;
pub mod csv_import;
pub mod decode;
pub mod onec;
pub mod problem;
pub mod profile;
pub mod report;
pub mod sheet;

use std::io::Read;
use std::path::Path;

/// A mebibyte, the unit of folio's input limits.
pub const MIB: u64 = 1 << 20;
/// The most bytes one import reads (a file, standard input or a FIFO alike):
/// a million touchpoints take about 80 MiB, and `/dev/zero` must not grow
/// folio until the machine runs out of memory.
pub const MAX_INPUT_BYTES: u64 = 256 * MIB;

/// Why input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// More than the limit: nothing past it was read.
    #[error("larger than {}; folio reads at most {} from one import", size_shown(*.limit), size_shown(*.limit))]
    TooLarge { limit: u64 },
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// A size for messages: `256 MiB`, or bytes when not whole mebibytes.
pub fn size_shown(bytes: u64) -> String {
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// All of `reader`, or [`InputError::TooLarge`] as soon as it gives more
/// than `limit` bytes: at most `limit + 1` bytes are ever read, whatever the
/// reader (a file, a pipe, `/dev/zero`).
pub fn read_limited(reader: impl Read, limit: u64) -> Result<Vec<u8>, InputError> {
    read_limited_into(reader, limit, Vec::new())
}

/// [`read_limited`] into `buf` (empty, perhaps with capacity reserved).
fn read_limited_into(
    reader: impl Read,
    limit: u64,
    mut buf: Vec<u8>,
) -> Result<Vec<u8>, InputError> {
    reader.take(limit.saturating_add(1)).read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        return Err(InputError::TooLarge { limit });
    }
    Ok(buf)
}

/// The bytes of an import's input: the file at `path`, or standard input
/// for `-`; at most `limit` bytes ([`read_limited`]). A regular file larger
/// than the limit is refused without reading it; its size reserves the
/// buffer, so a large file is read in one piece.
pub fn read_input(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    if is_stdin(path) {
        return read_limited(std::io::stdin().lock(), limit);
    }
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    let mut buf = Vec::new();
    if meta.is_file() {
        // Devices and FIFOs say 0 here; only a regular file's size is known.
        if meta.len() > limit {
            return Err(InputError::TooLarge { limit });
        }
        buf.reserve_exact(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    }
    read_limited_into(file, limit, buf)
}

/// `-` as a file name: standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn too_large(r: Result<Vec<u8>, InputError>) -> u64 {
        match r {
            Err(InputError::TooLarge { limit }) => limit,
            other => panic!("expected TooLarge, got {other:?}"),
        }
    }

    #[test]
    fn reads_up_to_the_limit_and_refuses_one_byte_more() {
        assert_eq!(read_limited(&b""[..], 0).unwrap(), b"");
        assert_eq!(read_limited(&b"abcd"[..], 4).unwrap(), b"abcd");
        assert_eq!(read_limited(&b"abcd"[..], 100).unwrap(), b"abcd");
        assert_eq!(too_large(read_limited(&b"abcde"[..], 4)), 4);
        assert_eq!(too_large(read_limited(&b"a"[..], 0)), 0);
    }

    #[test]
    fn an_endless_reader_stops_one_byte_past_the_limit() {
        let mut endless = std::io::repeat(b'x');
        assert_eq!(too_large(read_limited(&mut endless, 1000)), 1000);
        // What was read: the limit and one byte, no more.
        let mut counted = Counted(std::io::repeat(0), 0);
        assert!(read_limited(&mut counted, 4096).is_err());
        assert_eq!(counted.1, 4097);
    }

    struct Counted<R>(R, u64);
    impl<R: Read> Read for Counted<R> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.read(buf)?;
            self.1 += n as u64;
            Ok(n)
        }
    }

    #[test]
    fn files_are_refused_by_size_and_read_whole_below_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.csv");
        std::fs::write(&path, b"name\nAcme\n").unwrap();
        assert_eq!(read_input(&path, 10).unwrap(), b"name\nAcme\n");
        assert_eq!(too_large(read_input(&path, 9)), 9);
        // Devices have no size: read, and stopped at the limit.
        let zero = Path::new("/dev/zero");
        if zero.exists() {
            assert_eq!(too_large(read_input(zero, 3 * MIB)), 3 * MIB);
        }
        assert!(matches!(
            read_input(&dir.path().join("missing.csv"), 10),
            Err(InputError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound
        ));
        assert!(matches!(read_input(dir.path(), 10), Err(InputError::Io(_))));
    }

    #[test]
    fn sizes_in_messages() {
        assert_eq!(size_shown(MAX_INPUT_BYTES), "256 MiB");
        assert_eq!(size_shown(MIB), "1 MiB");
        assert_eq!(size_shown(1000), "1000 bytes");
        assert_eq!(
            InputError::TooLarge {
                limit: MAX_INPUT_BYTES
            }
            .to_string(),
            "larger than 256 MiB; folio reads at most 256 MiB from one import"
        );
    }
}
