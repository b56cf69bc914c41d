//! Word .docx files: the text of `word/document.xml`, one line per paragraph.
//!
//! A .docx is a zip archive, so a hostile one can be a zip bomb: the document part is
//! read through a hard limit on its unpacked size, whatever its header claims.

use std::io::Read;

use super::ImportError;

/// The document part may unpack to this much XML; a 50-page report is a few MB.
pub const MAX_XML_BYTES: u64 = 64 << 20;

pub fn to_text(bytes: &[u8]) -> Result<String, ImportError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
        ImportError::Corrupt(format!("it is not a readable zip/.docx archive ({e})"))
    })?;
    let mut part = match zip.by_name("word/document.xml") {
        Ok(p) => p,
        Err(zip::result::ZipError::FileNotFound) => {
            return Err(ImportError::Unsupported(
                "Zip archives other than Word (.docx)".into(),
            ));
        }
        Err(e) => {
            return Err(ImportError::Corrupt(format!(
                "the Word archive is broken ({e})"
            )));
        }
    };
    if part.size() > MAX_XML_BYTES {
        return Err(bomb());
    }
    let mut xml = Vec::new();
    part.by_ref()
        .take(MAX_XML_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|e| ImportError::Corrupt(format!("the Word document cannot be unpacked ({e})")))?;
    if xml.len() as u64 > MAX_XML_BYTES {
        return Err(bomb());
    }
    let xml = String::from_utf8(xml)
        .map_err(|_| ImportError::Corrupt("the Word document is not valid XML text".into()))?;
    Ok(document_text(&xml))
}

fn bomb() -> ImportError {
    ImportError::Corrupt(format!(
        "the Word document unpacks to more than {} MB (a zip bomb?); it was not read",
        MAX_XML_BYTES >> 20
    ))
}

/// The text runs (`<w:t>`) of WordprocessingML, paragraphs (`<w:p>`) on lines of their
/// own, tabs and breaks kept; everything else (properties, drawings) dropped.
pub fn document_text(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len() / 4);
    let mut rest = xml;
    let mut in_text = false;
    while let Some(lt) = rest.find('<') {
        if in_text {
            push_unescaped(&mut out, &rest[..lt]);
        }
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        let closing = tag.starts_with('/');
        let empty = tag.ends_with('/');
        match name {
            "w:t" => in_text = !closing && !empty,
            "w:tab" if !closing => out.push('\t'),
            "w:br" | "w:cr" if !closing => out.push('\n'),
            "w:p" if closing || empty => out.push_str("\n\n"),
            _ => {}
        }
    }
    out
}

fn push_unescaped(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let Some(semi) = after.find(';').filter(|n| *n <= 10) else {
            out.push('&');
            rest = after;
            continue;
        };
        let name = &after[..semi];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16)
                .ok()
                .and_then(char::from_u32),
            n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_runs_and_entities() {
        let xml = r#"<?xml version="1.0"?><w:document><w:body>
            <w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>Report on the Work</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">GDP will grow </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>above 6.5%</w:t></w:r><w:r><w:t xml:space="preserve"> &amp; jobs &#x2014; 1&#44;000</w:t></w:r></w:p>
            <w:p/><w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>AT&amp;T &bogus; x</w:t></w:r></w:p>
            </w:body></w:document>"#;
        let t = document_text(xml);
        assert_eq!(
            t,
            "Report on the Work\n\nGDP will grow above 6.5% & jobs \u{2014} 1,000\n\n\n\na\tb\nAT&T &bogus; x\n\n"
        );
    }
}
