//! Text encodings: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or detected by
//! their zero bytes), and legacy encodings (GB18030/GBK, Big5, Windows-1252, ...) guessed
//! with chardetng.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::ImportError;

/// Bytes that are not text: NUL bytes that do not follow the UTF-16 pattern, or many
/// control characters.
pub fn looks_binary(head: &[u8]) -> bool {
    if head.is_empty() {
        return false;
    }
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    if utf16_without_bom(head).is_some() {
        return false;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B))
        .count();
    head.contains(&0) || controls * 20 > head.len()
}

/// UTF-16 without a BOM: in ASCII-heavy text every other byte is zero.
fn utf16_without_bom(head: &[u8]) -> Option<&'static Encoding> {
    if head.len() < 16 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_zero = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_zero * 10 >= pairs * 7 && even_zero * 10 <= pairs {
        Some(UTF_16LE)
    } else if even_zero * 10 >= pairs * 7 && odd_zero * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decode text bytes; returns the text and the name of the encoding used.
/// `decode_text` that keeps the buffer when it already is UTF-8 without a BOM (the
/// common case), instead of copying it.
pub fn decode_owned(bytes: Vec<u8>) -> Result<(String, String), ImportError> {
    if Encoding::for_bom(&bytes).is_none()
        && utf16_without_bom(&bytes[..bytes.len().min(4096)]).is_none()
    {
        return match String::from_utf8(bytes) {
            Ok(s) => Ok((s, "UTF-8".into())),
            Err(e) => decode_text(e.as_bytes()),
        };
    }
    decode_text(&bytes)
}

pub fn decode_text(bytes: &[u8]) -> Result<(String, String), ImportError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors && enc != UTF_8 {
            return Err(ImportError::Corrupt(format!(
                "it starts like {} text but is not valid {}",
                enc.name(),
                enc.name()
            )));
        }
        return Ok((text.into_owned(), format!("{} (BOM)", enc.name())));
    }
    if let Some(enc) = utf16_without_bom(&bytes[..bytes.len().min(4096)]) {
        let (text, _, had_errors) = enc.decode(bytes);
        if !had_errors {
            return Ok((text.into_owned(), enc.name().to_string()));
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), "UTF-8".into()));
    }
    // A UTF-8 file cut in the middle of a character is still UTF-8.
    if let Err(e) = std::str::from_utf8(bytes)
        && e.error_len().is_none()
        && e.valid_up_to() + 4 > bytes.len()
    {
        let s = String::from_utf8_lossy(bytes).into_owned();
        return Ok((s, "UTF-8".into()));
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _, had_errors) = enc.decode(bytes);
    let text = text.into_owned();
    if had_errors {
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
        if bad * 50 > text.chars().count().max(1) {
            return Err(ImportError::Binary);
        }
    }
    Ok((text, enc.name().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str =
        "浙江省2021年GDP增长6.5%以上。Zhejiang GDP will grow more than 6.5% in 2021.";

    #[test]
    fn utf8_with_and_without_bom() {
        let (t, e) = decode_text(SAMPLE.as_bytes()).unwrap();
        assert_eq!((t.as_str(), e.as_str()), (SAMPLE, "UTF-8"));
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(SAMPLE.as_bytes());
        let (t, e) = decode_text(&b).unwrap();
        assert_eq!((t.as_str(), e.as_str()), (SAMPLE, "UTF-8 (BOM)"));
    }

    #[test]
    fn utf16_with_bom_and_without() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        let mut le_plain = Vec::new();
        for u in SAMPLE.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        let english = "Zhejiang GDP will grow more than 6.5% in 2021 and create 800,000 jobs.";
        for u in english.encode_utf16() {
            le_plain.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode_text(&le).unwrap().0, SAMPLE);
        assert_eq!(decode_text(&be).unwrap().0, SAMPLE);
        assert_eq!(
            decode_text(&le_plain).unwrap(),
            (english.to_string(), "UTF-16LE".into())
        );
    }

    #[test]
    fn chinese_legacy_encodings() {
        let long = SAMPLE.repeat(4);
        let (gbk, _, _) = encoding_rs::GBK.encode(&long);
        let (t, e) = decode_text(&gbk).unwrap();
        assert_eq!(t, long);
        assert!(e == "GBK" || e == "gb18030", "{e}");
        let trad = "臺灣省政府工作報告。國內生產總值增長百分之五。".repeat(4);
        let (big5, _, _) = encoding_rs::BIG5.encode(&trad);
        let (t, e) = decode_text(&big5).unwrap();
        assert_eq!((t.as_str(), e.as_str()), (trad.as_str(), "Big5"));
    }

    #[test]
    fn windows_1252() {
        let s = "The province’s GDP – about 6.5% – grew “strongly” in 2021. Café prices rose.";
        let (b, _, _) = encoding_rs::WINDOWS_1252.encode(s);
        let (t, e) = decode_text(&b).unwrap();
        assert_eq!((t.as_str(), e.as_str()), (s, "windows-1252"));
    }
}
