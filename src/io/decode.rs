//! Text files as Russian-locale users produce them: UTF-8 with or without a
//! BOM, Windows-1251 from older Excel, UTF-16 from Excel's "Unicode text"; and
//! the delimiter, `;` from Excel in Russian locales or `,` everywhere else.

use std::borrow::Cow;

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1251};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";

/// Bytes of a text file as text: strips a UTF-8 BOM; valid UTF-8 is used
/// as is; otherwise decoded as Windows-1251 (`encoding_rs::WINDOWS_1251`).
///
/// A file with a UTF-16 LE/BE BOM (Excel's "Unicode text") is decoded as
/// UTF-16. A file that declares UTF-8 with a BOM but holds a stray invalid
/// byte keeps its UTF-8 text, with U+FFFD for the bad bytes, rather than
/// being read as Windows-1251 throughout. Never fails, never panics.
pub fn decode_text(bytes: &[u8]) -> Cow<'_, str> {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return String::from_utf8_lossy(rest);
    }
    if let Some(rest) = bytes.strip_prefix(UTF16LE_BOM) {
        return UTF_16LE.decode_without_bom_handling(rest).0;
    }
    if let Some(rest) = bytes.strip_prefix(UTF16BE_BOM) {
        return UTF_16BE.decode_without_bom_handling(rest).0;
    }
    // UTF-8 as it is (most files): borrowed, not copied.
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => WINDOWS_1251.decode_without_bom_handling(bytes).0,
    }
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

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFname\n"), "name\n");
        assert_eq!(decode_text("Ромашка;1".as_bytes()), "Ромашка;1");
        assert_eq!(decode_text(b""), "");
        assert_eq!(decode_text(b"\xEF\xBB\xBF"), "");
        // A UTF-8 file with a BOM and one bad byte stays UTF-8.
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice("Ромашка ".as_bytes());
        bytes.push(0xFF);
        assert_eq!(decode_text(&bytes), "Ромашка \u{fffd}");
    }

    #[test]
    fn windows_1251() {
        let (bytes, _, unmappable) =
            WINDOWS_1251.encode("name;tier\nООО Ромашка;gold\nЁжик в тумане;toxic\n");
        assert!(!unmappable);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(
            decode_text(&bytes),
            "name;tier\nООО Ромашка;gold\nЁжик в тумане;toxic\n"
        );
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
        assert_eq!(decode_text(&le), text);
        assert_eq!(decode_text(&be), text);
        // An odd trailing byte does not panic.
        le.push(0x41);
        assert!(decode_text(&le).starts_with("name,notes\n"));
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
