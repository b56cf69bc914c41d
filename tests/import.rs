//! Importing files: progress through one large file, cancelling it, bad inputs.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use plantrack::ops::{self, Progress};

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("plantrack-imp-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The Zhejiang sample repeated to about `mb` megabytes.
fn big_file(dir: &std::path::Path, mb: usize) -> PathBuf {
    let sample =
        std::fs::read_to_string("assets/samples/zhejiang-2021-government-work-report.txt").unwrap();
    let mut text = String::new();
    while text.len() < mb << 20 {
        text.push_str(&sample);
        text.push_str("\n\n");
    }
    let p = dir.join("big.txt");
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn one_large_file_reports_progress_as_it_goes() {
    let dir = temp_dir("progress");
    let path = big_file(&dir, 4);
    let progress = Progress::default();
    progress.size_for(std::slice::from_ref(&path));
    let seen = std::sync::Mutex::new(Vec::new());
    let r = ops::prepare_path_with(&path, &progress, &|| {
        seen.lock().unwrap().push(progress.fraction())
    });
    let prepared = r.unwrap();
    assert!(!prepared.extractions.is_empty());
    assert_eq!(progress.fraction(), 1.0);
    let seen = seen.into_inner().unwrap();
    // many steps in between, never going backwards
    let between = seen.iter().filter(|f| **f > 0.05 && **f < 0.95).count();
    assert!(between >= 8, "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
}

#[test]
fn cancelling_stops_inside_a_file() {
    let dir = temp_dir("cancel");
    let path = big_file(&dir, 4);
    let progress = Progress::default();
    progress.size_for(std::slice::from_ref(&path));
    let ticks = AtomicUsize::new(0);
    let r = ops::prepare_path_with(&path, &progress, &|| {
        // the user presses Cancel half-way through reading
        if ticks.fetch_add(1, Ordering::Relaxed) == 2 {
            progress.cancel();
        }
    });
    assert_eq!(r.unwrap_err(), ops::CANCELLED);
    assert!(
        ticks.load(Ordering::Relaxed) <= 4,
        "went on after the cancel"
    );
    // the bar is complete, so the job can end
    assert_eq!(progress.fraction(), 1.0);
}

/// What a finding says, without where it sits in its text (HTML reflows the text).
fn said(text: &str) -> Vec<String> {
    plantrack::extract::extract("zhejiang-2021-report.txt", text)
        .iter()
        .map(|x| {
            format!(
                "{:?} {} {} {} {} {} {:?} {}",
                x.kind, x.province, x.year, x.indicator, x.value, x.unit, x.comparator, x.wording
            )
        })
        .collect()
}

/// The same content in every encoding and format the importer reads gives the same
/// findings as its UTF-8 text, and the importer names the encoding it found.
#[test]
fn every_encoding_and_format_reads_like_utf8() {
    let dir = std::path::Path::new("tests/data/formats");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let zh = said(&read("reference.txt"));
    let latin = said(&read("reference-latin.txt"));
    assert!(zh.len() >= 20, "the fixture has targets: {}", zh.len());
    let ascii = said(&read("reference-ascii.txt"));
    assert_eq!(zh, latin, "the Chinese title line changes nothing");
    for (file, encoding, format) in [
        ("utf8-bom.txt", "UTF-8 (BOM)", "text"),
        ("utf16le-bom.txt", "UTF-16LE (BOM)", "text"),
        ("utf16be-bom.txt", "UTF-16BE (BOM)", "text"),
        // encoding_rs decodes GB18030 with its GBK decoder (a superset in decoding)
        ("gb18030.txt", "GBK", "text"),
        ("big5.txt", "Big5", "text"),
        ("windows-1252.txt", "windows-1252", "text"),
        ("page.html", "UTF-8", "html"),
        ("report.md", "UTF-8", "markdown"),
        ("report.docx", "UTF-8", "docx"),
        ("report.pdf", "PDF text", "pdf"),
    ] {
        let imported = plantrack::import::import_path(&dir.join(file))
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(
            (imported.encoding.as_str(), imported.format.as_str()),
            (encoding, format),
            "{file}"
        );
        let got = said(&imported.text);
        if file == "report.pdf" {
            // A PDF keeps its page's line breaks, not its paragraphs: lines are joined
            // again by rules (see import/pdf.rs), which can leave a time phrase and a
            // figure in different paragraphs. The figures must all be there, read the
            // same; a year may differ for at most 2% of them. (The font has no Chinese
            // and no curly quotes: the reference is the ASCII text.)
            assert_eq!(got.len(), ascii.len(), "{file}");
            let strip_year = |s: &String| {
                let mut w: Vec<&str> = s.split(' ').collect();
                w.remove(2);
                w.join(" ")
            };
            let mut differ = 0;
            for (g, w) in got.iter().zip(&ascii) {
                assert_eq!(strip_year(g), strip_year(w), "{file}");
                differ += usize::from(g != w);
            }
            assert!(differ * 50 <= ascii.len(), "{file}: {differ} years differ");
        } else {
            let want = if file == "windows-1252.txt" {
                &latin
            } else {
                &zh
            };
            assert_eq!(&got, want, "{file}");
        }
        if file == "page.html" {
            assert!(!imported.text.contains("99%"), "scripts are not text");
        }
    }
}

/// Bad files: each refused with a message a user can act on, nothing panics, and a
/// zip bomb is stopped at its limit instead of filling the memory.
#[test]
fn bad_files_get_clear_messages() {
    let dir = temp_dir("bad");
    let formats = std::path::Path::new("tests/data/formats");
    let docx = std::fs::read(formats.join("report.docx")).unwrap();
    let pdf = std::fs::read(formats.join("report.pdf")).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.txt", vec![], "empty"),
        (
            "binary.txt",
            (0..=255u8).cycle().take(5000).collect(),
            "not a text document",
        ),
        ("truncated.docx", docx[..docx.len() / 2].to_vec(), "damaged"),
        (
            "bomb.docx",
            std::fs::read(formats.join("bomb.docx")).unwrap(),
            "zip bomb",
        ),
        (
            "archive.zip",
            std::fs::read(formats.join("archive.zip")).unwrap(),
            "not supported",
        ),
        ("truncated.pdf", pdf[..pdf.len() / 2].to_vec(), "damaged"),
        (
            "header-only.pdf",
            b"%PDF-1.7\n%\xe2\xe3\n1 0 obj".to_vec(),
            "damaged",
        ),
    ];
    for (name, bytes, want) in cases {
        let path = dir.join(name);
        std::fs::write(&path, &bytes).unwrap();
        let e = plantrack::import::import_path(&path)
            .expect_err(name)
            .to_string();
        assert!(e.contains(want), "{name}: {e}");
    }
    let gone = plantrack::import::import_path(&dir.join("vanished.txt")).unwrap_err();
    assert!(gone.to_string().contains("does not exist"), "{gone}");
}
