//! Text files as Russian-locale users produce them: UTF-8 with or without a
//! BOM, UTF-16 from Excel's "Unicode text", and the one-byte Russian
//! encodings of older programs: Windows-1251 (Excel, 1C), CP866 (DOS) and
//! KOI8-R (old Unix mail); and the delimiter, `;` from Excel in Russian
//! locales or `,` everywhere else.

use std::borrow::Cow;

use encoding_rs::{IBM866, KOI8_R, UTF_16BE, UTF_16LE, WINDOWS_1251};

pub(super) const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";

/// A text encoding folio reads (`--encoding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// Little-endian unless the file starts with a big-endian BOM.
    Utf16,
    Cp1251,
    Cp866,
    Koi8R,
}

impl Encoding {
    /// The name `--encoding` takes.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16 => "utf-16",
            Encoding::Cp1251 => "cp1251",
            Encoding::Cp866 => "cp866",
            Encoding::Koi8R => "koi8-r",
        }
    }

    /// The one-byte encodings a file that is not UTF-8 is tried in.
    const ONE_BYTE: [Encoding; 3] = [Encoding::Cp1251, Encoding::Cp866, Encoding::Koi8R];

    /// `bytes` in this encoding; bytes that are not text in it become U+FFFD.
    fn decode(self, bytes: &[u8]) -> Cow<'_, str> {
        let (encoding, text) = match self {
            Encoding::Utf8 => {
                return String::from_utf8_lossy(bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes));
            }
            Encoding::Utf16 => utf16_order(bytes),
            Encoding::Cp1251 => (WINDOWS_1251, bytes),
            Encoding::Cp866 => (IBM866, bytes),
            Encoding::Koi8R => (KOI8_R, bytes),
        };
        encoding.decode_without_bom_handling(text).0
    }
}

/// UTF-16's byte order (little-endian unless a big-endian BOM says
/// otherwise), and the bytes after the BOM.
fn utf16_order(bytes: &[u8]) -> (&'static encoding_rs::Encoding, &[u8]) {
    match bytes.strip_prefix(UTF16BE_BOM) {
        Some(rest) => (UTF_16BE, rest),
        None => (UTF_16LE, bytes.strip_prefix(UTF16LE_BOM).unwrap_or(bytes)),
    }
}

/// Why a file with bytes that are not UTF-8 is UTF-8 all the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Utf8Sign {
    /// It starts with a UTF-8 byte order mark.
    Bom,
    /// This line holds Russian letters in UTF-8.
    RussianOnLine(u64),
}

impl std::fmt::Display for Utf8Sign {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Utf8Sign::Bom => f.write_str("the file starts with a UTF-8 byte order mark"),
            Utf8Sign::RussianOnLine(line) => {
                write!(f, "line {line} holds Russian letters in UTF-8")
            }
        }
    }
}

/// Why a file's bytes were not taken as text. Each says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// UTF-8 with bytes that are not: two encodings in one file (a line
    /// pasted from another), or a damaged file.
    #[error(
        "line {line}: byte 0x{byte:02X} is not UTF-8, but {why}: the file mixes encodings; fix that line, or use --encoding to read the whole file as one encoding"
    )]
    NotUtf8 { line: u64, byte: u8, why: Utf8Sign },
    /// Valid UTF-8 only as control characters: UTF-16 without its BOM
    /// (`c\0l\0`, or `\x14\x04` for `Д`).
    #[error(
        "the file looks like UTF-16 without a byte order mark (a 00 or 04 byte after each letter); use --encoding utf-16"
    )]
    Utf16WithoutBom,
    /// A UTF-16 BOM, then something that is not UTF-16.
    #[error(
        "line {line}: the file starts as UTF-16 but is not UTF-16 from here; fix the file, or use --encoding"
    )]
    NotUtf16 { line: u64 },
    /// Not UTF-8, and no one-byte encoding reads as Russian.
    #[error(
        "the file is not UTF-8 (line {line} is the first that is not), and it does not read as Russian text in cp1251, cp866 or KOI8-R; use --encoding"
    )]
    Unknown { line: u64 },
    /// Two one-byte encodings read about as well as each other.
    #[error(
        "the file is not UTF-8 (line {line} is the first that is not), and it reads about as well in {} as in {}; use --encoding {} or --encoding {}",
        .first.name(), .second.name(), .first.name(), .second.name()
    )]
    Ambiguous {
        line: u64,
        first: Encoding,
        second: Encoding,
    },
}

/// Bytes of a text file as text: in `forced` when given; otherwise
/// - with a UTF-8 or UTF-16 BOM, as it says (refused where it is not);
/// - UTF-8 when the whole file is valid UTF-8;
/// - refused when it holds UTF-8 Russian but is not valid UTF-8 throughout
///   (`utf8_russian`): decoding it as Windows-1251 whole would turn its
///   UTF-8 names into `РћРћРћ Р РѕРјР°С€РєР°`;
/// - otherwise in whichever of Windows-1251, CP866 and KOI8-R reads most
///   like Russian (`russian_score`), refused when none is clearly ahead.
///
/// Never panics.
pub fn decode(bytes: &[u8], forced: Option<Encoding>) -> Result<Cow<'_, str>, DecodeError> {
    if let Some(encoding) = forced {
        return Ok(encoding.decode(bytes));
    }
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return std::str::from_utf8(rest).map(Cow::Borrowed).map_err(|e| {
            let bad = e.valid_up_to();
            DecodeError::NotUtf8 {
                line: line_at(&rest[..bad]),
                byte: rest[bad],
                why: Utf8Sign::Bom,
            }
        });
    }
    if bytes.starts_with(UTF16LE_BOM) || bytes.starts_with(UTF16BE_BOM) {
        return utf16(bytes);
    }
    // UTF-8 as it is (most files): borrowed, not copied.
    let bad = match std::str::from_utf8(bytes) {
        Ok(_) if looks_like_utf16(bytes) => return Err(DecodeError::Utf16WithoutBom),
        Ok(text) => return Ok(Cow::Borrowed(text)),
        Err(e) => e.valid_up_to(),
    };
    let line = line_at(&bytes[..bad]);
    if let Some(at) = utf8_russian(bytes) {
        return Err(DecodeError::NotUtf8 {
            line,
            byte: bytes[bad],
            why: Utf8Sign::RussianOnLine(line_at(&bytes[..at])),
        });
    }
    Ok(one_byte_encoding(bytes, line)?.decode(bytes))
}

/// A file with a UTF-16 BOM, as UTF-16; refused where it stops being one.
fn utf16(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    let (encoding, rest) = utf16_order(bytes);
    let (text, had_errors) = encoding.decode_without_bom_handling(rest);
    if had_errors {
        // Where: the text up to the first sequence that is not UTF-16.
        let mut decoder = encoding.new_decoder_without_bom_handling();
        let mut good = String::with_capacity(
            decoder
                .max_utf8_buffer_length_without_replacement(rest.len())
                .unwrap_or(0),
        );
        let _ = decoder.decode_to_string_without_replacement(rest, &mut good, true);
        return Err(DecodeError::NotUtf16 {
            line: line_at(good.as_bytes()),
        });
    }
    Ok(text)
}

/// Whether the start of a file reads as UTF-16 without a BOM: every second
/// byte `00` or `04`, the high bytes of Latin and Russian letters, and
/// the others not all `00` (a file of zeros is no text at all).
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64) & !1];
    let high_bytes = |first: usize| head.iter().skip(first).step_by(2);
    let low_bytes = |first: usize| head.iter().skip(1 - first).step_by(2);
    head.len() >= 4
        && (0..2).any(|first| {
            high_bytes(first).all(|&b| matches!(b, 0x00 | 0x04))
                && low_bytes(first).any(|&b| b != 0)
        })
}

/// The 1-based line a text's `prefix` ends on.
fn line_at(prefix: &[u8]) -> u64 {
    LineCounter::new(prefix).line_at(prefix.len())
}

/// Physical line numbers (1-based) of byte offsets, counting `\n`, `\r\n` and
/// a lone `\r` as one line break each. Offsets must not decrease.
pub(super) struct LineCounter<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// The line of the last offset asked for.
    pub(super) line: u64,
    prev_cr: bool,
}

impl<'a> LineCounter<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            pos: 0,
            line: 1,
            prev_cr: false,
        }
    }

    pub(super) fn line_at(&mut self, offset: usize) -> u64 {
        let end = offset.min(self.bytes.len());
        while self.pos < end {
            match self.bytes.get(self.pos) {
                Some(b'\n') => {
                    if !self.prev_cr {
                        self.line += 1;
                    }
                    self.prev_cr = false;
                }
                Some(b'\r') => {
                    self.line += 1;
                    self.prev_cr = true;
                }
                _ => self.prev_cr = false,
            }
            self.pos += 1;
        }
        self.line
    }

    /// The line where a record starts, given the offset where the reader began
    /// looking for it: skips the line breaks (and empty lines) before it.
    pub(super) fn record_line(&mut self, from: u64) -> u64 {
        let mut start = usize::try_from(from)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        self.line_at(start)
    }
}

/// Where a file that is not valid UTF-8 shows Russian written in UTF-8, if
/// it does: the first of three UTF-8 Russian letters in a row (a word), or
/// the first such letter when they outnumber the bytes that break UTF-8.
///
/// A UTF-8 Russian letter is two bytes, `D0` or `D1` and one of `80`-`BF`.
/// Windows-1251 Russian holds such pairs too, by accident: `Р` and `С` are
/// `D0` and `D1` there, and `«`, `»`, `№`, `–`, `ё` and the no-break space
/// fall in `80`-`BF` (`ООО «ПРОГРЕСС»` ends in `D1 BB`). But those come one
/// at a time, among many letters (`C0`-`FF`) that are not UTF-8 at all;
/// UTF-8 Russian comes in words, with at most a stray byte that is not.
fn utf8_russian(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    let (mut letters, mut broken) = (0usize, 0usize);
    let (mut run, mut first_letter) = (0, None);
    for chunk in bytes.utf8_chunks() {
        for (i, c) in chunk.valid().char_indices() {
            if is_russian_letter(c) {
                letters += 1;
                run += 1;
                first_letter.get_or_insert(at + i);
                if run == 3 {
                    return Some(at + i - 4);
                }
            } else {
                run = 0;
            }
        }
        at += chunk.valid().len() + chunk.invalid().len();
        if !chunk.invalid().is_empty() {
            broken += chunk.invalid().len();
            run = 0;
        }
    }
    first_letter.filter(|_| letters > broken)
}

fn is_russian_letter(c: char) -> bool {
    matches!(c, 'А'..='я' | 'Ё' | 'ё')
}

/// How far ahead (in [`russian_score`]'s units) the best encoding must be.
const CLEARLY_AHEAD: f64 = 4.0;
/// Windows-1251's head start: what Excel and 1C write today, where CP866
/// and KOI8-R are rare, so a text too short to tell is read as it. Equal
/// to [`CLEARLY_AHEAD`]: Windows-1251 is chosen when nothing reads better;
/// another encoding when it reads better by twice that; in between (`по`
/// in Windows-1251 is `ОН` in KOI8-R) the file is refused.
const CP1251_HEAD_START: f64 = CLEARLY_AHEAD;
/// The least average score per non-ASCII character of Russian text: below
/// it, mostly symbols or letters mixed into Latin words.
const RUSSIAN_AT_LEAST: f64 = -6.0;
/// At most this much of the file (from its first line with a non-ASCII
/// byte) is scored.
const SAMPLE_BYTES: usize = 1 << 20;

/// The one-byte encoding `bytes` read best in, by [`russian_score`];
/// refused when the best reads as no Russian text, or is not clearly ahead
/// of the second. `line` is the file's first line that is not UTF-8.
fn one_byte_encoding(bytes: &[u8], line: u64) -> Result<Encoding, DecodeError> {
    // From the start of the first line with a non-ASCII byte.
    let first = bytes.iter().position(|b| !b.is_ascii()).unwrap_or(0);
    let start = bytes[..first]
        .iter()
        .rposition(|&b| b == b'\n' || b == b'\r')
        .map_or(0, |at| at + 1);
    let sample = &bytes[start..bytes.len().min(start + SAMPLE_BYTES)];
    let mut scored: Vec<(Encoding, Score)> = Encoding::ONE_BYTE
        .iter()
        .map(|&e| (e, russian_score(&e.decode(sample))))
        .collect();
    let with_head_start = |(e, score): &(Encoding, Score)| {
        score.log_sum
            + if *e == Encoding::Cp1251 {
                CP1251_HEAD_START
            } else {
                0.0
            }
    };
    scored.sort_by(|a, b| with_head_start(b).total_cmp(&with_head_start(a)));
    let (best, second) = (&scored[0], &scored[1]);
    if best.1.average() < RUSSIAN_AT_LEAST {
        return Err(DecodeError::Unknown { line });
    }
    if with_head_start(best) - with_head_start(second) < CLEARLY_AHEAD {
        return Err(DecodeError::Ambiguous {
            line,
            first: best.0,
            second: second.0,
        });
    }
    Ok(best.0)
}

/// A text's [`russian_score`]: the sum of the log-likelihoods of its
/// non-ASCII characters (a statistic, not an amount), and how many there
/// are.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Score {
    log_sum: f64,
    chars: usize,
}

impl Score {
    fn average(self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.log_sum / self.chars as f64
        }
    }
}

/// How much like Russian a decoded text reads: each non-ASCII character
/// adds the log of how often it occurs in Russian text, so the encoding
/// that reads the file right scores highest.
///
/// Why these signs: a wrong one-byte encoding gives either symbols where
/// letters should be (CP866 read as Windows-1251: `ђ®¬ Ё`, UTF-8 read as
/// it: `РћРћ`) or letters in the wrong proportions and cases (KOI8-R and
/// Windows-1251 hold the same letters in other places: `Ромашка` in KOI8-R
/// reads `тПНаЫЛа` in Windows-1251; CP866's `р`-`я` are Windows-1251's
/// `а`-`п`: `счёт` reads `бзсв`). So: a letter scores its frequency (`о`
/// often, `ъ` rarely), a common pair (`ст`, `на`) a bonus; a capital after
/// a small letter, a Russian letter touching a Latin one (`Cafй`) or a
/// small word of three letters or more without a vowel, a penalty; quotes
/// and dashes a little; any other symbol very little.
fn russian_score(text: &str) -> Score {
    const SYMBOL: f64 = -9.2; // ln(0.0001)
    const PUNCTUATION: f64 = -5.0;
    const CAPITAL_AFTER_SMALL: f64 = -3.0;
    const NEXT_TO_LATIN: f64 = -4.0;
    const NO_VOWEL: f64 = -6.0;
    const COMMON_PAIR: f64 = 1.0;
    let mut score = Score {
        log_sum: 0.0,
        chars: 0,
    };
    let mut prev = ' ';
    // The Russian word being read: its length, and whether it is all small
    // letters without a vowel so far.
    let (mut word_len, mut small_no_vowel) = (0, true);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let frequency = letter_frequency(c);
        if frequency.is_some() {
            word_len += 1;
            small_no_vowel &= c.is_lowercase() && !"аеёиоуыэюя".contains(c);
        } else {
            if word_len >= 3 && small_no_vowel {
                score.log_sum += NO_VOWEL;
            }
            (word_len, small_no_vowel) = (0, true);
        }
        if !c.is_ascii() {
            let next = chars.peek().copied().unwrap_or(' ');
            score.chars += 1;
            score.log_sum += match frequency {
                Some(frequency) => {
                    let mut s = frequency.ln();
                    if letter_frequency(prev).is_some() && prev.is_lowercase() && c.is_uppercase() {
                        s += CAPITAL_AFTER_SMALL;
                    }
                    if prev.is_ascii_alphabetic() || next.is_ascii_alphabetic() {
                        s += NEXT_TO_LATIN;
                    }
                    if is_common_pair(prev, c) {
                        s += COMMON_PAIR;
                    }
                    s
                }
                None if "«»№–—…“”„‘’\u{a0}°€₽".contains(c) => PUNCTUATION,
                None => SYMBOL,
            };
        }
        prev = c;
    }
    if word_len >= 3 && small_no_vowel {
        score.log_sum += NO_VOWEL;
    }
    score
}

/// How often a Russian letter occurs in Russian text (either case), as a
/// fraction of letters; `None` for anything else.
fn letter_frequency(c: char) -> Option<f64> {
    // а б в г д е ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я,
    // per 10,000 letters (Russian National Corpus counts).
    const PER_10K: [u16; 32] = [
        801, 159, 454, 170, 298, 845, 94, 165, 735, 121, 349, 440, 321, 670, 1097, 281, 473, 547,
        626, 262, 26, 97, 48, 144, 73, 36, 4, 190, 174, 32, 64, 201,
    ];
    let small = match c {
        'ё' | 'Ё' => return Some(0.003),
        'А'..='Я' => char::from_u32(u32::from(c) + 0x20)?,
        'а'..='я' => c,
        _ => return None,
    };
    let index = (u32::from(small) - u32::from('а')) as usize;
    PER_10K.get(index).map(|&n| f64::from(n) / 10_000.0)
}

/// Whether two letters are one of the commonest letter pairs in Russian.
fn is_common_pair(a: char, b: char) -> bool {
    const PAIRS: [&str; 30] = [
        "ст", "но", "то", "на", "ен", "ов", "ни", "ра", "во", "ко", "ал", "по", "ро", "пр", "ре",
        "ос", "ер", "та", "ол", "ли", "ан", "он", "го", "ет", "ом", "ть", "ел", "ор", "не", "ка",
    ];
    let small = |c: char| c.to_lowercase().next().unwrap_or(c);
    let (a, b) = (small(a), small(b));
    PAIRS.iter().any(|p| {
        let mut chars = p.chars();
        chars.next() == Some(a) && chars.next() == Some(b)
    })
}

/// Characters that do not make a line non-blank.
pub(crate) fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Delimiter of a CSV text: `;` or `,`, whichever occurs more in the header
/// line outside quotes (ties and neither: `,`).
///
/// The header line is the first line with anything but whitespace and
/// delimiters on it, as the importer skips such lines. An Excel hint line
/// `sep=;` counts as the header line here and so gives its delimiter.
pub fn sniff_delimiter(text: &str) -> u8 {
    let (mut semicolons, mut commas) = (0usize, 0usize);
    let mut in_quotes = false;
    let mut field_start = true;
    let mut content = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    in_quotes = false;
                }
            }
            continue;
        }
        match c {
            '"' if field_start => {
                in_quotes = true;
                content = true;
                field_start = false;
            }
            ';' => {
                semicolons += 1;
                field_start = true;
            }
            ',' => {
                commas += 1;
                field_start = true;
            }
            '\n' | '\r' => {
                if content {
                    break;
                }
                semicolons = 0;
                commas = 0;
                field_start = true;
            }
            c if is_blank_char(c) => field_start = false,
            _ => {
                content = true;
                field_start = false;
            }
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{text}");
        bytes.into_owned()
    }

    fn auto(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
        decode(bytes, None)
    }

    /// Bank and CRM rows as they come, in Russian, for the one-byte tests.
    const RUSSIAN: &str = "Дата;Сумма;Плательщик;Назначение платежа\n\
        05.11.2026;125 000,00;ООО «ПРОГРЕСС»;Оплата по счёту №17 от 01.11.2026 – аванс\n\
        06.11.2026;4 500,00;ИП Ёжиков Сергей Петрович;Оплата услуг, без НДС\n";

    /// [`RUSSIAN`] without the signs KOI8-R lacks (`«»№–`).
    const PLAIN: &str = "Дата;Сумма;Плательщик;Назначение платежа\n\
        05.11.2026;125 000,00;ООО \"ПРОГРЕСС\";Оплата по счёту 17 от 01.11.2026, аванс\n\
        06.11.2026;4 500,00;ИП Ёжиков Сергей Петрович;Оплата услуг, без НДС\n";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(auto(b"\xEF\xBB\xBFname\n").unwrap(), "name\n");
        assert_eq!(auto("Ромашка;1".as_bytes()).unwrap(), "Ромашка;1");
        assert_eq!(auto(b"").unwrap(), "");
        assert_eq!(auto(b"\xEF\xBB\xBF").unwrap(), "");
        assert!(matches!(auto(RUSSIAN.as_bytes()), Ok(Cow::Borrowed(_))));
    }

    #[test]
    fn a_utf8_bom_then_a_bad_byte_is_refused_with_its_line() {
        let mut bytes = b"\xEF\xBB\xBFname\n".to_vec();
        bytes.extend_from_slice("Ромашка ".as_bytes());
        bytes.push(0xFF);
        let err = auto(&bytes).unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 2: byte 0xFF is not UTF-8, but the file starts with a UTF-8 byte order mark: \
             the file mixes encodings; fix that line, or use --encoding to read the whole file as one encoding"
        );
        // Forced: the bad byte is U+FFFD, the rest UTF-8.
        assert_eq!(
            decode(&bytes, Some(Encoding::Utf8)).unwrap(),
            "name\nРомашка \u{fffd}"
        );
    }

    #[test]
    fn utf8_with_one_stray_windows_1251_byte_is_refused_never_read_as_1251() {
        // `ООО Ромашка` in UTF-8, then a line typed in a Windows-1251 editor.
        let mut bytes = "client;amount\nООО Ромашка;100\nИП Петров;5\n"
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice(&encoded("Ёж;7\n", WINDOWS_1251));
        let err = auto(&bytes).unwrap_err();
        assert_eq!(
            err,
            DecodeError::NotUtf8 {
                line: 4,
                byte: 0xA8,
                why: Utf8Sign::RussianOnLine(2)
            }
        );
        assert!(err.to_string().contains("use --encoding"), "{err}");
        // What it would have been: the mojibake the issue saw.
        assert!(
            WINDOWS_1251.decode(&bytes).0.contains("РћРћРћ")
                || WINDOWS_1251.decode(&bytes).0.contains("РћРћ")
        );
        // Short words only, but more UTF-8 letters than bad bytes.
        let mut bytes = "client\nЯн\n".as_bytes().to_vec();
        bytes.push(0xC0);
        assert!(matches!(
            auto(&bytes),
            Err(DecodeError::NotUtf8 {
                line: 3,
                byte: 0xC0,
                ..
            })
        ));
    }

    #[test]
    fn windows_1251_with_accidental_utf8_pairs_is_still_windows_1251() {
        // `С»` is D1 BB and `Р«` D0 AB: valid UTF-8 Cyrillic pairs (`ѻ`, `Ы`)
        // inside Windows-1251 text, one at a time.
        let text = "Плательщик;Назначение\n\
                    ООО «ПРОГРЕСС»;Оплата «ЭКСПРЕСС»\n\
                    АО «ИНТЕР»;Счёт №5 – аванс\n\
                    ООО «Р«СТ»;Работы по договору\n";
        let bytes = encoded(text, WINDOWS_1251);
        let pairs = bytes
            .windows(2)
            .filter(|w| matches!(w[0], 0xD0 | 0xD1) && (0x80..=0xBF).contains(&w[1]))
            .count();
        assert!(pairs >= 3, "the test holds D0/D1 pairs: {pairs}");
        assert_eq!(utf8_russian(&bytes), None);
        assert_eq!(auto(&bytes).unwrap(), text);
        assert_eq!(auto(&encoded(RUSSIAN, WINDOWS_1251)).unwrap(), RUSSIAN);
    }

    #[test]
    fn cp866_and_koi8_r_files_read_right() {
        for encoding in [IBM866, KOI8_R, WINDOWS_1251] {
            let bytes = encoded(PLAIN, encoding);
            assert_eq!(auto(&bytes).unwrap(), PLAIN, "{}", encoding.name());
        }
        // Capitals only, as statements write names.
        let caps = "ПЛАТЕЛЬЩИК;СУММА\nООО РОМАШКА;100\n";
        for encoding in [IBM866, KOI8_R, WINDOWS_1251] {
            assert_eq!(
                auto(&encoded(caps, encoding)).unwrap(),
                caps,
                "{}",
                encoding.name()
            );
        }
    }

    #[test]
    fn the_right_encoding_scores_highest() {
        for encoding in [IBM866, KOI8_R, WINDOWS_1251] {
            let bytes = encoded(PLAIN, encoding);
            let scores: Vec<f64> = [WINDOWS_1251, IBM866, KOI8_R]
                .iter()
                .map(|e| russian_score(&e.decode_without_bom_handling(&bytes).0).log_sum)
                .collect();
            let best = scores.iter().copied().fold(f64::MIN, f64::max);
            let right = russian_score(PLAIN).log_sum;
            assert_eq!(best, right, "{}: {scores:?}", encoding.name());
        }
        // UTF-8 read as Windows-1251 scores far below the text itself.
        let mojibake = WINDOWS_1251.decode(RUSSIAN.as_bytes()).0;
        assert!(russian_score(&mojibake).average() < russian_score(RUSSIAN).average() - 2.0);
    }

    #[test]
    fn text_that_is_not_russian_in_any_is_refused() {
        // Latin-1 `Café`: `Cafй` in Windows-1251.
        let bytes = b"client\nCaf\xE9 de Paris\n";
        assert_eq!(auto(bytes), Err(DecodeError::Unknown { line: 2 }));
        assert!(
            auto(bytes)
                .unwrap_err()
                .to_string()
                .ends_with("use --encoding")
        );
        // Forced, it is read as told.
        assert_eq!(
            decode(bytes, Some(Encoding::Cp1251)).unwrap(),
            "client\nCafй de Paris\n"
        );
    }

    #[test]
    fn too_little_text_to_tell_goes_to_windows_1251_unless_another_is_clearly_ahead() {
        // Four capitals: Windows-1251 and KOI8-R both read letters.
        let bytes = encoded("name\nБЕТА\n", WINDOWS_1251);
        assert_eq!(auto(&bytes).unwrap(), "name\nБЕТА\n");
        // Written in KOI8-R they read `вефб` in Windows-1251: not far enough
        // behind KOI8-R's `БЕТА`, with Windows-1251's head start: refused.
        let bytes = encoded("name\nБЕТА\n", KOI8_R);
        let err = auto(&bytes).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Ambiguous {
                line: 2,
                first: Encoding::Koi8R,
                second: Encoding::Cp1251
            }
        );
        assert!(
            err.to_string()
                .ends_with("use --encoding koi8-r or --encoding cp1251"),
            "{err}"
        );
        // A word more and KOI8-R is clearly ahead.
        let bytes = encoded("name\nБета\n", KOI8_R);
        assert_eq!(auto(&bytes).unwrap(), "name\nБета\n");
    }

    #[test]
    fn forced_encodings() {
        let koi = encoded(PLAIN, KOI8_R);
        assert_eq!(decode(&koi, Some(Encoding::Koi8R)).unwrap(), PLAIN);
        assert_ne!(decode(&koi, Some(Encoding::Cp1251)).unwrap(), PLAIN);
        let dos = encoded(PLAIN, IBM866);
        assert_eq!(decode(&dos, Some(Encoding::Cp866)).unwrap(), PLAIN);
        let mut le: Vec<u8> = RUSSIAN.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le, Some(Encoding::Utf16)).unwrap(), RUSSIAN);
        le.splice(0..0, [0xFF, 0xFE]);
        assert_eq!(decode(&le, Some(Encoding::Utf16)).unwrap(), RUSSIAN);
        assert_eq!(Encoding::Koi8R.name(), "koi8-r");
    }

    #[test]
    fn utf16_with_bom() {
        let text = "name,notes\nРомашка,🚀\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(auto(&le).unwrap(), text);
        assert_eq!(auto(&be).unwrap(), text);
        // An odd trailing byte: refused on the line it ends, no panic.
        le.push(0x41);
        assert_eq!(auto(&le), Err(DecodeError::NotUtf16 { line: 3 }));
        // A lone surrogate on line 2.
        let mut bad = vec![0xFF, 0xFE];
        for unit in "a\nb".encode_utf16().chain([0xD800, u16::from(b'c')]) {
            bad.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(auto(&bad), Err(DecodeError::NotUtf16 { line: 2 }));
    }

    /// Words of bank statements and CRM exports, for generated files.
    const WORDS: [&str; 24] = [
        "Оплата",
        "по",
        "счёту",
        "договор",
        "аванс",
        "ООО",
        "Ромашка",
        "ИП",
        "Петров",
        "услуги",
        "без",
        "НДС",
        "за",
        "ноябрь",
        "Клиент",
        "Сумма",
        "Дата",
        "платежа",
        "Вектор",
        "звонок",
        "встреча",
        "отчёт",
        "АО",
        "Интер",
    ];

    proptest::proptest! {
        #[test]
        fn any_bytes_decode_without_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            let _ = decode(&bytes, None);
            for forced in [Encoding::Utf8, Encoding::Utf16, Encoding::Cp1251, Encoding::Cp866, Encoding::Koi8R] {
                let _ = decode(&bytes, Some(forced));
            }
        }

        #[test]
        fn valid_utf8_is_read_as_it_is(text in proptest::prelude::any::<String>()) {
            let read = decode(text.as_bytes(), None);
            match text.strip_prefix('\u{feff}') {
                Some(want) => proptest::prop_assert_eq!(read.unwrap(), want),
                // UTF-16 without its BOM (`a\0b\0`): no text.
                None if looks_like_utf16(text.as_bytes()) => {
                    proptest::prop_assert_eq!(read, Err(DecodeError::Utf16WithoutBom));
                }
                None => proptest::prop_assert_eq!(read.unwrap(), text.as_str()),
            }
        }

        /// Never garbage: a few words in any one-byte encoding are read
        /// right, or refused (too few to tell), never read as another.
        #[test]
        fn russian_words_are_read_right_or_refused_never_misread(
            words in proptest::collection::vec(proptest::sample::select(WORDS.to_vec()), 1..8),
        ) {
            let text = format!("client;note\nAcme;{}\n", words.join(" "));
            for encoding in [WINDOWS_1251, IBM866, KOI8_R] {
                let bytes = encoded(&text, encoding);
                if let Ok(read) = auto(&bytes) {
                    proptest::prop_assert_eq!(read.as_ref(), text.as_str(), "{}", encoding.name());
                }
            }
        }

        /// Eight words are enough to tell.
        #[test]
        fn eight_russian_words_read_right_in_every_one_byte_encoding(
            words in proptest::collection::vec(proptest::sample::select(WORDS.to_vec()), 8..16),
        ) {
            let text = format!("client;note\nAcme;{}\n", words.join(" "));
            for encoding in [WINDOWS_1251, IBM866, KOI8_R] {
                let bytes = encoded(&text, encoding);
                let read = auto(&bytes).map(Cow::into_owned);
                proptest::prop_assert_eq!(read, Ok(text.clone()), "{}", encoding.name());
            }
        }
    }

    #[test]
    fn utf16_without_a_bom_is_refused_naming_encoding_utf_16() {
        for text in ["client\tamount\nAcme\t5\n", "Клиент\tСумма\nАкме\t5\n"] {
            let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
            let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
            assert!(std::str::from_utf8(&le).is_ok(), "really valid UTF-8");
            assert_eq!(auto(&le), Err(DecodeError::Utf16WithoutBom), "{text}");
            assert_eq!(auto(&be), Err(DecodeError::Utf16WithoutBom), "{text}");
            assert_eq!(decode(&le, Some(Encoding::Utf16)).unwrap(), text);
        }
        // Text with a tab or two is text, and zeros are not UTF-16.
        assert!(auto(b"a\tb\tc\r\n1\t2\t3\r\n").is_ok());
        assert!(auto(b"\x01").is_ok());
        assert!(auto(&[0; 100]).is_ok());
        assert!(auto(b"a\0").is_ok(), "too short to tell");
    }

    #[test]
    fn lines_are_counted_as_the_csv_reader_counts_them() {
        assert_eq!(line_at(b""), 1);
        assert_eq!(line_at(b"a\nb\r\nc\rd"), 4);
        assert_eq!(line_at(b"a\r\n"), 2);
        assert_eq!(line_at(b"a\r"), 2);
    }

    #[test]
    fn sniffs_the_delimiter_of_the_header_line() {
        assert_eq!(sniff_delimiter("name;tier;since\nA,B;x;y\n"), b';');
        assert_eq!(sniff_delimiter("name,tier,since\na;b;c;d;e\n"), b',');
        assert_eq!(sniff_delimiter("client;date;amount;note"), b';');
        // Ties and neither: comma.
        assert_eq!(sniff_delimiter("a;b,c\n"), b',');
        assert_eq!(sniff_delimiter("name\nx;y;z\n"), b',');
        assert_eq!(sniff_delimiter(""), b',');
        // Delimiters inside quotes do not count.
        assert_eq!(sniff_delimiter("\"a;b;c\",d,e\n"), b',');
        assert_eq!(sniff_delimiter("\"a,\"\"b\"\",c\";d\n"), b';');
        // A quoted header cell spanning lines.
        assert_eq!(sniff_delimiter("\"na\nme\";tier\n"), b';');
        // Blank lines and delimiter-only lines before the header are skipped.
        assert_eq!(sniff_delimiter("\n  \r\n,,,\nname;tier\n"), b';');
        assert_eq!(sniff_delimiter("\r\nname;tier"), b';');
        // Excel's hint line.
        assert_eq!(sniff_delimiter("sep=;\nname,tier,since\n"), b';');
        assert_eq!(sniff_delimiter("SEP=,\nname;tier;since\n"), b',');
    }
}
