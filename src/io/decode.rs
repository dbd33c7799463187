//! Text as Russian-locale spreadsheets write it: UTF-8 with or without a BOM,
//! UTF-16 ("Unicode text"), or Windows-1251.

/// Bytes of a text file to a `String`. A UTF-8 BOM is stripped; valid UTF-8 is
/// used as is; a UTF-16 BOM selects UTF-16; anything else is Windows-1251
/// (which maps every byte, so decoding never fails).
pub fn decode_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (text, _, _) = encoding_rs::UTF_16LE.decode(bytes);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1251.decode(bytes);
            text.into_owned()
        }
    }
}

/// The delimiter of a CSV text: `;` or `,`, whichever occurs more often in
/// the header line outside quotes (`,` on a tie or when neither occurs).
pub fn sniff_delimiter(text: &str) -> u8 {
    let mut in_quotes = false;
    let (mut commas, mut semicolons) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' | '\r' if !in_quotes => break,
            ',' if !in_quotes => commas += 1,
            ';' if !in_quotes => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_bom_utf8_and_windows_1251() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFname\n"), "name\n");
        assert_eq!(decode_text("Ромашка".as_bytes()), "Ромашка");
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode("ООО Ромашка;счёт");
        assert_eq!(decode_text(&cp1251), "ООО Ромашка;счёт");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Да".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode_text(&utf16), "Да");
    }

    #[test]
    fn sniffs_the_header_delimiter() {
        assert_eq!(sniff_delimiter("client;date;amount\na,b;c"), b';');
        assert_eq!(sniff_delimiter("client,date,amount\n"), b',');
        assert_eq!(sniff_delimiter("\"a;b;c\",d\n"), b',');
        assert_eq!(sniff_delimiter("name"), b',');
    }
}
