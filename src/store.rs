//! Project files: RON with a `version` field, saved atomically with a backup.
//!
//! Save writes a temporary file in the same folder, syncs it, copies the previous file
//! to `NAME.bak`, then renames the temporary file over the project: at every instant
//! the project path holds either the old or the new complete file. A file that fails to
//! load is never written to; the error names the line and column.

use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::model::{PROJECT_VERSION, Project};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    Io {
        path: PathBuf,
        message: String,
    },
    /// Not a PlanTrack project at all.
    NotAProject(String),
    /// Written by a newer PlanTrack.
    TooNew {
        found: u32,
        supported: u32,
    },
    /// A syntax or shape error at a position in the file.
    Parse {
        line: usize,
        column: usize,
        message: String,
    },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Io { path, message } => write!(f, "{}: {message}", path.display()),
            StoreError::NotAProject(why) => write!(f, "not a PlanTrack project: {why}"),
            StoreError::TooNew { found, supported } => write!(
                f,
                "this project was saved by a newer PlanTrack (file format {found}); this version reads formats up to {supported}. Update PlanTrack to open it; the file was not changed."
            ),
            StoreError::Parse {
                line,
                column,
                message,
            } => write!(f, "line {line}, column {column}: {message}"),
        }
    }
}

impl std::error::Error for StoreError {}

fn io_err(path: &Path, e: &std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        message: crate::import::io_message(e),
    }
}

/// The format version written in a project text, read without parsing the whole file.
pub fn peek_version(text: &str) -> Option<u32> {
    let head = &text[..floor(text, 4096)];
    let mut rest = head;
    while let Some(p) = rest.find("version") {
        let after = rest[p + 7..].trim_start();
        if let Some(v) = after.strip_prefix(':') {
            let digits: String = v
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            return digits.parse().ok();
        }
        rest = &rest[p + 7..];
    }
    None
}

fn floor(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Parse a project from RON text, migrating older formats.
pub fn from_str(text: &str) -> Result<Project, StoreError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(StoreError::NotAProject("the file is empty".into()));
    }
    let version = peek_version(text)
        .ok_or_else(|| StoreError::NotAProject("it has no `version` field".into()))?;
    if version > PROJECT_VERSION {
        return Err(StoreError::TooNew {
            found: version,
            supported: PROJECT_VERSION,
        });
    }
    let mut project = match version {
        PROJECT_VERSION => match parse_by_sections(text) {
            Some(p) => p,
            None => parse::<Project>(text)?,
        },
        1 => crate::migrate::from_v1(parse(text)?),
        v => {
            return Err(StoreError::NotAProject(format!(
                "unknown file format version {v}"
            )));
        }
    };
    project.version = PROJECT_VERSION;
    project.sanitize();
    Ok(project)
}

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, StoreError> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .map_err(|e| StoreError::Parse {
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })
}

/// The fast path for files as PlanTrack writes them (one record per line, see
/// `to_string`): the long lists are cut out at line ends and parsed in parallel, the
/// rest as a small project with empty lists. None when the file is laid out otherwise
/// (edited by hand) or has any error: the caller then parses the whole text the plain
/// way, which also gives the exact line and column of an error.
fn parse_by_sections(text: &str) -> Option<Project> {
    const LISTS: [&str; 3] = ["documents", "findings", "observations"];
    let mut cuts = Vec::new();
    for name in LISTS {
        let open = format!("\n {name}: [\n");
        let Some(at) = text.find(&open) else {
            // an empty list is written inline ("observations: [],"): nothing to cut
            if text.contains(&format!("\n {name}: [],")) {
                cuts.push((name, 0..0));
                continue;
            }
            return None;
        };
        let start = at + open.len();
        // records never span lines (strings escape their line breaks), so the first
        // line holding only the closing bracket ends the list
        let end = start + memchr::memmem::find(&text.as_bytes()[start..], b"\n ],\n")? + 1;
        cuts.push((name, start..end));
    }
    let mut spans: Vec<&std::ops::Range<usize>> = cuts
        .iter()
        .map(|c| &c.1)
        .filter(|r| !r.is_empty())
        .collect();
    spans.sort_by_key(|r| r.start);
    if !spans.windows(2).all(|w| w[0].end <= w[1].start) {
        return None;
    }
    let mut skeleton = String::with_capacity(4096);
    let mut last = 0;
    for r in spans {
        skeleton.push_str(&text[last..r.start]);
        last = r.end;
    }
    skeleton.push_str(&text[last..]);
    let mut project: Project = parse(&skeleton).ok()?;
    let lines = |r: &std::ops::Range<usize>| chunks(&text[r.clone()]);
    let docs = lines(&cuts[0].1);
    let finds = lines(&cuts[1].1);
    let obs = lines(&cuts[2].1);
    let (docs, (finds, obs)) = rayon::join(
        || parse_chunks(&docs, |_| None),
        || {
            rayon::join(
                || parse_chunks(&finds, finding_line),
                || parse_chunks(&obs, observation_line),
            )
        },
    );
    project.documents = docs?;
    project.findings = finds?;
    project.observations = obs?;
    Some(project)
}

/// A list's lines in pieces of about a megabyte, for the workers to share.
fn chunks(body: &str) -> Vec<&str> {
    const PIECE: usize = 1 << 20;
    let mut out = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        let mut cut = floor(rest, PIECE.min(rest.len()));
        if cut < rest.len() {
            cut =
                memchr::memchr(b'\n', &rest.as_bytes()[cut..]).map_or(rest.len(), |n| cut + n + 1);
        }
        out.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    out
}

/// Parse the records of some lines, one record per line, straight from the file's
/// text (no copy). `quick` may read a line itself, faster than ron can; when it
/// returns None, ron reads the line.
fn parse_chunks<T: serde::de::DeserializeOwned + Send>(
    pieces: &[&str],
    quick: fn(&str) -> Option<T>,
) -> Option<Vec<T>> {
    use rayon::prelude::*;
    let parsed: Vec<Vec<T>> = pieces
        .par_iter()
        .map(|piece| {
            piece
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| {
                    let l = l.strip_suffix(',').unwrap_or(l);
                    quick(l).or_else(|| parse::<T>(l).ok())
                })
                .collect::<Option<Vec<T>>>()
        })
        .collect::<Option<_>>()?;
    Some(parsed.into_iter().flatten().collect())
}

/// Reads an actual's line as `to_string` writes it, e.g.
/// `(id: 7, target: 2, year: 2022, value: 1.5, unit: "pp", note: "typed", source: Manual, recorded: 1795442519)`.
/// Actuals are most of the records of a large project and have a flat shape, so this
/// reader makes loading markedly faster. Anything else (an escape in a string, fields
/// in another order, a field it does not know) gives None and ron reads the line.
fn observation_line(l: &str) -> Option<crate::model::Observation> {
    use crate::model::{Observation, Source};
    let mut c = Cursor(l);
    c.lit("(id: ")?;
    let id = c.number()?;
    c.lit(", target: ")?;
    let target = c.number()?;
    c.lit(", year: ")?;
    let year = c.number()?;
    c.lit(", value: ")?;
    let value: f64 = c.number()?;
    c.lit(", unit: ")?;
    let unit = c.string()?;
    let note = if c.lit(", note: ").is_some() {
        c.string()?
    } else {
        String::new()
    };
    let source_ref = if c.lit(", source_ref: ").is_some() {
        c.string()?
    } else {
        String::new()
    };
    c.lit(", source: ")?;
    let source = if c.lit("Manual").is_some() {
        Source::Manual
    } else if c.lit("Finding(").is_some() {
        let n = c.number()?;
        c.lit(")")?;
        Source::Finding(n)
    } else {
        c.lit("Csv(")?;
        let f = c.string()?;
        c.lit(")")?;
        Source::Csv(f)
    };
    c.lit(", recorded: ")?;
    let recorded = c.number()?;
    c.lit(")")?;
    c.0.is_empty().then_some(Observation {
        id,
        target,
        year,
        value,
        unit,
        note,
        source_ref,
        source,
        recorded,
    })
}

/// Reads a finding's line as `to_string` writes it, like `observation_line`: findings
/// are the other bulk of a large project.
fn finding_line(l: &str) -> Option<crate::model::Finding> {
    use crate::model::{Baseline, Comparator, Extraction, Finding, Kind, Period, Review, Span};
    let mut c = Cursor(l);
    c.lit("(id: ")?;
    let id = c.number()?;
    c.lit(", doc: ")?;
    let doc = c.number()?;
    c.lit(", review: ")?;
    let review = match c.word()? {
        "Suggested" => Review::Suggested,
        "Accepted" => Review::Accepted,
        "Rejected" => Review::Rejected,
        "Edited" => Review::Edited,
        _ => return None,
    };
    c.lit(", data: (kind: ")?;
    let kind = match c.word()? {
        "Target" => Kind::Target,
        "Actual" => Kind::Actual,
        _ => return None,
    };
    c.lit(", province: ")?;
    let province = c.string()?;
    c.lit(", year: ")?;
    let year = c.number()?;
    let period = if c.lit(", period: Some((start: ").is_some() {
        let start = c.number()?;
        c.lit(", end: ")?;
        let end = c.number()?;
        c.lit("))")?;
        Some(Period { start, end })
    } else {
        None
    };
    c.lit(", indicator: ")?;
    let indicator = c.string()?;
    let indicator_key = if c.lit(", indicator_key: Some(").is_some() {
        let k = c.string()?;
        c.lit(")")?;
        Some(k)
    } else {
        None
    };
    c.lit(", value: ")?;
    let value = c.number()?;
    c.lit(", unit: ")?;
    let unit = c.string()?;
    c.lit(", comparator: ")?;
    let comparator = match c.word()? {
        "Gt" => Comparator::Gt,
        "Ge" => Comparator::Ge,
        "Approx" => Comparator::Approx,
        "Le" => Comparator::Le,
        "Lt" => Comparator::Lt,
        "Eq" => Comparator::Eq,
        _ => return None,
    };
    let baseline = if c.lit(", baseline: Some((value: ").is_some() {
        let value = c.number()?;
        c.lit(", year: ")?;
        let year = c.number()?;
        c.lit("))")?;
        Some(Baseline { value, year })
    } else {
        None
    };
    c.lit(", wording: ")?;
    let wording = c.string()?;
    let mut span = |name: &str| -> Option<Span> {
        c.lit(name)?;
        let start = c.number()?;
        c.lit(", end: ")?;
        let end = c.number()?;
        c.lit(")")?;
        Some(Span { start, end })
    };
    let sentence = span(", sentence: (start: ")?;
    let number = span(", number: (start: ")?;
    let confidence = if c.lit(", confidence: Some(").is_some() {
        let v = c.number()?;
        c.lit(")")?;
        Some(v)
    } else {
        None
    };
    let doubt = if c.lit(", doubt: Some(").is_some() {
        let d = c.string()?;
        c.lit(")")?;
        Some(d)
    } else {
        None
    };
    c.lit("))")?;
    c.0.is_empty().then_some(Finding {
        id,
        doc,
        review,
        data: Extraction {
            kind,
            province,
            year,
            period,
            indicator,
            indicator_key,
            value,
            unit,
            comparator,
            baseline,
            wording,
            sentence,
            number,
            confidence,
            doubt,
        },
    })
}

/// The rest of a line being read by `observation_line` or `finding_line`.
struct Cursor<'a>(&'a str);

impl Cursor<'_> {
    fn lit(&mut self, s: &str) -> Option<()> {
        self.0 = self.0.strip_prefix(s)?;
        Some(())
    }
    /// A number up to the next separator, in Rust's syntax (which covers ron's).
    fn number<N: std::str::FromStr>(&mut self) -> Option<N> {
        let end = self.0.find([',', ')'])?;
        let n = self.0[..end].parse().ok()?;
        self.0 = &self.0[end..];
        Some(n)
    }
    /// An enum variant's name.
    fn word(&mut self) -> Option<&str> {
        let end = self
            .0
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(self.0.len());
        let (w, rest) = self.0.split_at(end);
        self.0 = rest;
        Some(w)
    }
    /// A quoted string without escapes (a string with any is left to ron).
    fn string(&mut self) -> Option<String> {
        let rest = self.0.strip_prefix('"')?;
        let end = memchr::memchr2(b'"', b'\\', rest.as_bytes())?;
        if rest.as_bytes()[end] != b'"' {
            return None;
        }
        self.0 = &rest[end + 1..];
        Some(rest[..end].to_string())
    }
}

/// RON as PlanTrack writes it: one record per line, so that files diff well and large
/// ones load in parallel (`parse_by_sections`).
pub fn to_string(project: &Project) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor(" ")
        .struct_names(false)
        .depth_limit(2)
        .separate_tuple_members(false);
    ron::ser::to_string_pretty(project, config).unwrap_or_else(|e| {
        // Serialising plain data cannot fail short of a bug; keep the message visible.
        format!("/* serialisation failed: {e} */")
    })
}

/// Load a project file.
pub fn load(path: &Path) -> Result<Project, StoreError> {
    let bytes = fs::read(path).map_err(|e| io_err(path, &e))?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| StoreError::NotAProject("it is not a text file".into()))?;
    from_str(text)
}

/// `plan.ron` -> `plan.ron.bak`
pub fn backup_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".bak");
    PathBuf::from(s)
}

/// `plan.ron` -> `plan.ron.recovery` (autosave of unsaved changes)
pub fn recovery_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".recovery");
    PathBuf::from(s)
}

/// Save atomically; the previous file is kept as `NAME.bak`.
pub fn save(project: &Project, path: &Path) -> Result<(), StoreError> {
    write_atomic(path, to_string(project).as_bytes(), true)
}

/// Write `bytes` to `path` so that `path` is always either the old or the new content.
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), StoreError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(StoreError::Io {
            path: dir,
            message: "the folder does not exist".into(),
        });
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "project.ron".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp).map_err(|e| io_err(&tmp, &e))?;
        f.write_all(bytes).map_err(|e| io_err(&tmp, &e))?;
        f.sync_all().map_err(|e| io_err(&tmp, &e))?;
        drop(f);
        if keep_backup && path.exists() {
            let bak = backup_path(path);
            let bak_tmp = dir.join(format!(".{name}.{}.bak.tmp", std::process::id()));
            fs::copy(path, &bak_tmp).map_err(|e| io_err(&bak_tmp, &e))?;
            if let Ok(f) = fs::File::open(&bak_tmp) {
                let _ = f.sync_all();
            }
            fs::rename(&bak_tmp, &bak).map_err(|e| io_err(&bak, &e))?;
        }
        fs::rename(&tmp, path).map_err(|e| io_err(path, &e))?;
        sync_dir(&dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    } else {
        remove_stale_temporaries(&dir, &name);
    }
    result
}

/// A process killed in the middle of a save leaves its temporary file behind. Those
/// an hour old are debris; younger ones may belong to another window saving now.
fn remove_stale_temporaries(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let n = e.file_name();
        let n = n.to_string_lossy();
        let stale = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 3600);
        if n.starts_with(&prefix) && n.ends_with(".tmp") && stale {
            let _ = fs::remove_file(e.path());
        }
    }
}

fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Size and modification time of a file, to notice when someone else changed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub len: u64,
    pub modified: Option<std::time::SystemTime>,
}

pub fn stamp(path: &Path) -> Option<FileStamp> {
    let m = fs::metadata(path).ok()?;
    Some(FileStamp {
        len: m.len(),
        modified: m.modified().ok(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn sample() -> Project {
        let mut p = Project {
            name: "test".into(),
            ..Project::default()
        };
        let text = "Zhejiang report 2021\n\nThis year GDP will grow more than 6.5%.\n".to_string();
        let xs = crate::extract::extract("zj.txt", &text);
        p.add_document(
            Document {
                id: 0,
                title: "Zhejiang".into(),
                file_name: "zj.txt".into(),
                path: String::new(),
                hash: crate::util::sha256_hex(text.as_bytes()),
                imported: 1,
                encoding: "UTF-8".into(),
                format: "text".into(),
                report_year: Some(2021),
                report_date_note: String::new(),
                text,
            },
            xs,
        );
        p
    }

    #[test]
    fn round_trip() {
        let p = sample();
        let s = to_string(&p);
        assert_eq!(from_str(&s).unwrap(), p);
    }

    /// The parallel path reads exactly what the plain parser reads, and steps aside
    /// for files laid out by hand.
    #[test]
    fn sections_parse_like_the_whole() {
        let base = from_str(crate::ui::SAMPLE_RON).unwrap();
        let mut big = crate::synth::scaled(&base, 20_000, 30_000);
        big.observations[7].note = "a note with \"quotes\",\n a line break and ] ),".into();
        big.observations[8].source = Source::Csv("outcomes 2021.csv".into());
        big.observations[8].source_ref = "https://example.org/a?b=1, c=(2)".into();
        big.observations[9].source = Source::Finding(12);
        big.observations[10].value = -0.000123;
        big.observations[11].value = 1e22;
        big.observations[12].unit = "万元".into();
        let text = to_string(&big);
        assert!(text.len() > 3 << 20, "several pieces per list");
        // the quick reader takes the plain lines and leaves the one with escapes to ron
        let lines: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("  (id: ") && l.contains(", target: "))
            .collect();
        assert_eq!(lines.len(), big.observations.len());
        for (l, o) in lines.iter().zip(&big.observations) {
            let l = l.trim().strip_suffix(',').unwrap();
            match observation_line(l) {
                Some(q) => assert_eq!(&q, o),
                None => assert_eq!(o.id, big.observations[7].id, "{l}"),
            }
        }
        let finding_lines: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("  (id: ") && l.contains(", data: (kind: "))
            .collect();
        assert_eq!(finding_lines.len(), big.findings.len());
        let mut quick = 0;
        for (l, f) in finding_lines.iter().zip(&big.findings) {
            if let Some(q) = finding_line(l.trim().strip_suffix(',').unwrap()) {
                assert_eq!(&q, f);
                quick += 1;
            }
        }
        assert!(quick * 10 > big.findings.len() * 9, "{quick} read quickly");
        let fast = parse_by_sections(&text).expect("PlanTrack's own layout");
        assert_eq!(fast, parse::<Project>(&text).unwrap());
        let mut empty = big.clone();
        empty.observations.clear();
        let text = to_string(&empty);
        assert_eq!(parse_by_sections(&text).unwrap(), empty);
        // the same project written on a single line: plain parse only
        let flat = ron::ser::to_string(&big).unwrap();
        assert!(parse_by_sections(&flat).is_none());
        assert_eq!(from_str(&flat).unwrap().findings, big.findings);
        // records spread over lines by hand, in a list of many pieces: whichever path
        // reads it, the project is the same
        let text = to_string(&big).replace("(id: ", "(\n   id: ");
        assert_eq!(from_str(&text).unwrap(), big);
    }

    #[test]
    fn versions() {
        assert_eq!(peek_version("(version: 2, name: \"x\")"), Some(2));
        assert_eq!(peek_version("(\n  version : 17,"), Some(17));
        let e = from_str("(version: 99, name: \"x\")").unwrap_err();
        assert_eq!(
            e,
            StoreError::TooNew {
                found: 99,
                supported: PROJECT_VERSION
            }
        );
        assert!(
            e.to_string().contains("99") && e.to_string().contains(&PROJECT_VERSION.to_string())
        );
        assert!(matches!(
            from_str("(name: \"x\")"),
            Err(StoreError::NotAProject(_))
        ));
        assert!(matches!(from_str(""), Err(StoreError::NotAProject(_))));
    }

    #[test]
    fn parse_errors_name_line_and_column() {
        let s = to_string(&sample());
        let broken = s.replacen("findings", "findings oops", 1);
        match from_str(&broken) {
            Err(StoreError::Parse { line, column, .. }) => assert!(line > 1 && column > 0),
            other => panic!("{other:?}"),
        }
        let truncated = &s[..s.len() / 2];
        assert!(matches!(from_str(truncated), Err(StoreError::Parse { .. })));
    }

    #[test]
    fn save_is_atomic_and_keeps_a_backup() {
        let dir = std::env::temp_dir().join(format!("plantrack-store-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("p.ron");
        let mut p = sample();
        save(&p, &path).unwrap();
        assert!(!backup_path(&path).exists());
        p.name = "second".into();
        save(&p, &path).unwrap();
        assert_eq!(load(&path).unwrap().name, "second");
        assert_eq!(load(&backup_path(&path)).unwrap().name, "test");
        // no temporary files left behind
        let names: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        // a folder that does not exist: clear error, nothing written
        let e = save(&p, &dir.join("missing/p.ron")).unwrap_err();
        assert!(e.to_string().contains("does not exist"), "{e}");
        let _ = fs::remove_dir_all(&dir);
    }
}
