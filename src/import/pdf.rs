//! PDF files: the text layer, page by page, with lines a PDF writer wrapped joined
//! back into their paragraphs (the extractor reads sentences, which wrapping cuts).
//!
//! lopdf bounds what each page's content streams may inflate to; a malformed file that
//! still trips it up is caught, so a bad PDF is an error message, never a crash.

use super::ImportError;

/// The content streams of one page may inflate to this much.
const MAX_PAGE_CONTENT: usize = 32 << 20;

pub fn to_text(bytes: &[u8]) -> Result<String, ImportError> {
    std::panic::catch_unwind(|| read(bytes)).unwrap_or_else(|_| {
        Err(ImportError::Corrupt(
            "the PDF is malformed and could not be read".into(),
        ))
    })
}

fn read(bytes: &[u8]) -> Result<String, ImportError> {
    // a PDF ends with %%EOF (give or take trailing bytes); a file cut off in transfer
    // would otherwise be read in part without a word
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    if memchr::memmem::find(tail, b"%%EOF").is_none() {
        return Err(ImportError::Corrupt(
            "the PDF is incomplete (its end is missing: was the download cut off?)".into(),
        ));
    }
    let doc = lopdf::Document::load_mem(bytes)
        .map_err(|e| ImportError::Corrupt(format!("the PDF cannot be read ({e})")))?;
    if doc.is_encrypted() {
        return Err(ImportError::Unsupported("Password-protected PDF".into()));
    }
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    if pages.is_empty() {
        return Err(ImportError::Corrupt("the PDF has no pages".into()));
    }
    let mut raw = String::new();
    let mut unreadable = 0;
    for page in &pages {
        // one page at a time: a page in a font lopdf cannot decode costs only itself
        match doc
            .extract_text_chunks_with_limit(&[*page], MAX_PAGE_CONTENT)
            .into_iter()
            .collect::<Result<Vec<String>, _>>()
        {
            Ok(chunks) => {
                // pages join like lines, so a sentence running over a page break is
                // joined again by `reflow`
                let page: String = chunks.concat();
                raw.push_str(page.trim_end());
                raw.push('\n');
            }
            Err(_) => unreadable += 1,
        }
    }
    let text = reflow(&raw);
    if text.trim().is_empty() {
        return Err(if unreadable > 0 {
            ImportError::Corrupt(format!(
                "the text of its {unreadable} page(s) cannot be decoded"
            ))
        } else {
            ImportError::Unsupported("PDF files without a text layer (scans)".into())
        });
    }
    Ok(text)
}

/// Join the lines of a paragraph that a PDF wrapped (the text layer keeps the line
/// breaks of the page, which cut sentences). A line is joined to the next when it does
/// not end a sentence and either the next goes on in lower case (or with a number), or
/// it ends with a word no heading or paragraph ends with ("of", "and", "the", ...).
/// Blank lines and sentence ends keep their breaks, so headings and list items stay
/// lines of their own.
pub fn reflow(raw: &str) -> String {
    let lines: Vec<&str> = raw.lines().map(str::trim_end).collect();
    let mut out = String::with_capacity(raw.len());
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        let Some(next) = lines.get(i + 1) else {
            out.push('\n');
            break;
        };
        let ends_sentence = line.ends_with(['.', '!', '?', '。', '！', '？']);
        let goes_on = next
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || "(%\"'".contains(c));
        let last_word = line.rsplit(' ').next().unwrap_or("");
        let joined = !line.trim().is_empty()
            && !next.trim().is_empty()
            && !ends_sentence
            && (goes_on || DANGLING.contains(&last_word));
        if joined {
            // "high-" + "quality": a compound far more often than a typesetter's break
            if !out.ends_with('-') {
                out.push(' ');
            }
        } else {
            out.push('\n');
        }
    }
    out
}

/// Words a line of a heading or a paragraph's last line does not end with.
const DANGLING: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "to", "in", "for", "by", "with", "from", "on", "at", "as",
    "than", "that", "which", "will", "be", "is", "are", "was", "were", "has", "have", "its",
    "their", "our", "into", "over", "about", "above", "below", "per",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_are_joined_and_paragraphs_kept() {
        let raw = "II. Main goals\n\
            GDP will grow by more than 6.5%, and 800,000 new urban jobs in high-\n\
            quality posts will be created this year; the surveyed rate of urban\n\
            unemployment will be about 5.5%, the share of the digital economy in\n\
            GDP will reach 60%; the urbanization rate will be 75% and the share of\n\
            R&D in GDP will go up.\n\
            \n\
            Next paragraph.\n\
            A new sentence\n";
        assert_eq!(
            reflow(raw),
            "II. Main goals\n\
            GDP will grow by more than 6.5%, and 800,000 new urban jobs in high-quality posts will be created this year; the surveyed rate of urban unemployment will be about 5.5%, the share of the digital economy in GDP will reach 60%; the urbanization rate will be 75% and the share of R&D in GDP will go up.\n\
            \n\
            Next paragraph.\n\
            A new sentence\n"
        );
    }
}
