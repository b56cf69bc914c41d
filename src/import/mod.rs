//! Bytes -> text: detects the format by content (not only by extension) and the
//! encoding of plain text, and returns the document's text or a clear error.
//! Nothing here touches a project: on error the caller has changed nothing.

mod decode;
mod docx;
mod html;
mod pdf;

use std::fmt;
use std::path::Path;

pub use decode::decode_text;

/// Files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub text: String,
    /// "UTF-8", "UTF-16LE", "GBK", ...
    pub encoding: String,
    /// "text", "markdown", "html", ...
    pub format: String,
    /// A title for the document list: the first short line, or the file name.
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file could not be read (missing, no permission, ...).
    Io(String),
    Empty,
    TooLarge(u64),
    /// Not text and not a format PlanTrack reads.
    Binary,
    Unsupported(String),
    /// A known format, but broken or truncated.
    Corrupt(String),
    /// The text has no usable content after decoding.
    NoText,
    /// The user stopped the import.
    Cancelled,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Io(e) => write!(f, "cannot read the file: {e}"),
            ImportError::Empty => write!(f, "the file is empty"),
            ImportError::TooLarge(n) => write!(
                f,
                "the file is too large ({} MB; the limit is {} MB)",
                n / (1024 * 1024),
                MAX_IMPORT_BYTES / (1024 * 1024)
            ),
            ImportError::Binary => write!(
                f,
                "this is not a text document (PlanTrack reads .txt, .md, .html, .docx and .pdf files)"
            ),
            ImportError::Unsupported(what) => write!(f, "{what} files are not supported"),
            ImportError::Corrupt(why) => write!(f, "the file is damaged: {why}"),
            ImportError::NoText => write!(f, "the file contains no readable text"),
            ImportError::Cancelled => write!(f, "import cancelled"),
        }
    }
}

impl std::error::Error for ImportError {}

/// Read and decode a document from disk.
pub fn import_path(path: &Path) -> Result<Imported, ImportError> {
    import_path_with(path, &mut |_| true)
}

/// Like `import_path`, reading in chunks and reporting each chunk's size to `on_read`,
/// which returns false to stop (the user cancelled).
pub fn import_path_with(
    path: &Path,
    on_read: &mut dyn FnMut(u64) -> bool,
) -> Result<Imported, ImportError> {
    use std::io::Read;
    let io = |e: std::io::Error| ImportError::Io(io_message(&e));
    let mut file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(ImportError::Io("it is a folder, not a file".into()));
    }
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    let mut chunk = vec![0u8; 1 << 20];
    loop {
        let n = match file.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io(e)),
        };
        // the file may grow while it is read: the limit holds all the same
        if (bytes.len() + n) as u64 > MAX_IMPORT_BYTES {
            return Err(ImportError::TooLarge((bytes.len() + n) as u64));
        }
        bytes.extend_from_slice(&chunk[..n]);
        if !on_read(n as u64) {
            return Err(ImportError::Cancelled);
        }
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    import_owned(&name, bytes)
}

/// Read a document and give its text to `f` without owning it: a large UTF-8 text file
/// is mapped into memory rather than copied (the command line's `extract` reads 50 MB
/// files); anything else goes through `import_path`.
pub fn with_text<R>(path: &Path, f: impl FnOnce(&str) -> R) -> Result<R, ImportError> {
    const MAP_FROM: u64 = 4 << 20;
    let io = |e: std::io::Error| ImportError::Io(io_message(&e));
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_file() && meta.len() >= MAP_FROM && meta.len() <= MAX_IMPORT_BYTES {
        // SAFETY: the map is read-only and dropped before we return; a file changed by
        // another program while it is read gives at worst a wrong text, which the UTF-8
        // check below refuses or the extractor reads as any other text
        if let Ok(map) = unsafe { memmap2::Mmap::map(&file) }
            && sniff(&map) == Sniffed::Text
            && let Ok(text) = std::str::from_utf8(&map)
        {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            if text.trim().is_empty() {
                return Err(ImportError::NoText);
            }
            return Ok(f(text));
        }
    }
    let imported = import_path(path)?;
    Ok(f(&imported.text))
}

pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "the file does not exist (was it moved or deleted?)".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// What the bytes are, judged by their content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Pdf,
    Zip,
    Html,
    Text,
    Binary,
}

pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(b"%PDF-") {
        return Sniffed::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Sniffed::Zip;
    }
    let head = &bytes[..bytes.len().min(4096)];
    if decode::looks_binary(head) {
        return Sniffed::Binary;
    }
    let lower: Vec<u8> = head
        .iter()
        .filter(|b| !b.is_ascii_whitespace() && **b != 0)
        .take(512)
        .map(u8::to_ascii_lowercase)
        .collect();
    let s = String::from_utf8_lossy(&lower);
    let s = s.trim_start_matches('\u{feff}');
    if s.starts_with("<!doctypehtml")
        || s.starts_with("<html")
        || s.contains("<body")
        || s.contains("<head>")
    {
        return Sniffed::Html;
    }
    Sniffed::Text
}

/// Decode a document's bytes; `name` (the file name) only breaks ties.
pub fn import_bytes(name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    import_owned(name, bytes.to_vec())
}

/// `import_bytes` for bytes the caller gives away: valid UTF-8 text is not copied,
/// which matters for files of hundreds of megabytes.
pub fn import_owned(name: &str, bytes: Vec<u8>) -> Result<Imported, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(bytes.len() as u64));
    }
    let ext = Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let (text, encoding, format) = match sniff(&bytes) {
        Sniffed::Pdf => (pdf::to_text(&bytes)?, "PDF text".to_string(), "pdf"),
        Sniffed::Zip => (docx::to_text(&bytes)?, "UTF-8".to_string(), "docx"),
        Sniffed::Binary => return Err(ImportError::Binary),
        Sniffed::Html => {
            let (t, enc) = decode_text(&bytes)?;
            (html::to_text(&t), enc, "html")
        }
        Sniffed::Text => {
            let (t, enc) = decode::decode_owned(bytes)?;
            let format = if matches!(ext.as_str(), "md" | "markdown") {
                "markdown"
            } else {
                "text"
            };
            (t, enc, format)
        }
    };
    if text.trim().is_empty() {
        return Err(ImportError::NoText);
    }
    let title = title_of(&text, name);
    Ok(Imported {
        text,
        encoding,
        format: format.into(),
        title,
    })
}

/// The first line that reads like a title, else the file name without extension.
pub fn title_of(text: &str, name: &str) -> String {
    let lex = crate::extract::lexicon::Lexicon::get();
    for line in text.lines().take(12) {
        let t = line.trim().trim_start_matches('#').trim();
        if t.len() < 8 || lex.is_furniture(t) || t.starts_with('>') {
            continue;
        }
        // a sentence is no title ("新华网广州1月12日电 …开幕。"); a Chinese character
        // takes the room of two Latin ones
        if t.contains('。') {
            continue;
        }
        let width: usize = t
            .chars()
            .map(|c| if c as u32 >= 0x2E80 { 2 } else { 1 })
            .sum();
        if width <= 120 {
            return t.to_string();
        }
        break;
    }
    Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_it_cannot_read() {
        assert_eq!(import_bytes("a.txt", b""), Err(ImportError::Empty));
        assert_eq!(
            import_bytes("a.txt", b"\0\x01\x02\x03binary\0\0\0"),
            Err(ImportError::Binary)
        );
        assert!(matches!(
            import_bytes("a.pdf", b"%PDF-1.4 ..."),
            Err(ImportError::Corrupt(_))
        ));
        assert_eq!(
            import_bytes("a.txt", b"   \n\n  "),
            Err(ImportError::NoText)
        );
        let missing = import_path(Path::new("/nonexistent/plan.txt")).unwrap_err();
        assert!(missing.to_string().contains("does not exist"), "{missing}");
    }

    #[test]
    fn titles() {
        let t = import_bytes(
            "zj.txt",
            b"Home\n\nReport on the Work of the Government 2021\n\nBody.",
        )
        .unwrap();
        assert_eq!(t.title, "Report on the Work of the Government 2021");
        let t = import_bytes(
            "广东省2023年政府工作报告.txt",
            "新华网广州1月12日电 广东省十四届人大一次会议开幕。省长作政府工作报告。\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(t.title, "广东省2023年政府工作报告");
        let t = import_bytes("a.txt", "广东省2023年政府工作报告\n\n正文。".as_bytes()).unwrap();
        assert_eq!(t.title, "广东省2023年政府工作报告");
        let t = import_bytes("zhejiang-2021.txt", b"short\n").unwrap();
        assert_eq!(t.title, "zhejiang-2021");
    }

    #[test]
    fn html_is_reduced_to_text() {
        let t = import_bytes(
            "a.html",
            b"<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body><p>GDP grew 5%.</p><script>x=1</script><p>Jobs &amp; more</p></body></html>",
        )
        .unwrap();
        assert_eq!(t.format, "html");
        assert!(t.text.contains("GDP grew 5%."));
        assert!(t.text.contains("Jobs & more"));
        assert!(!t.text.contains("x=1") && !t.text.contains("p{}"));
    }
}
