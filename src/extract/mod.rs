//! Text -> findings: every quantitative target and reported actual of a document,
//! with province, year, indicator, value, unit, comparator, baseline and source span.
//!
//! A deterministic rule pipeline (no I/O, no model): lines are classified (body,
//! heading, page furniture), the document's report year and default province are
//! settled, then each sentence's quantities are read and placed in time (number,
//! sentence, paragraph, section and document context, innermost first) and space
//! (document province, or in a roundup the province the sentence is about).

pub mod document;
pub mod indicator;
pub mod lexicon;
pub mod sentence;
pub mod table;
pub mod text;
pub mod zh;

use crate::model::{Baseline, Comparator, Extraction, Kind, Period, Span};

use lexicon::eq_word;

use document::floor_boundary;
pub use document::{DateSource, ReportDate};
use lexicon::{Hit, Lexicon, PlaceKind};
use sentence::{Quantity, SentenceReader, TimeRef, When};
use text::Token;

/// What the extractor settled on for the document as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct DocInfo {
    pub report_year: i32,
    /// How the report year was found, for the UI ("title", "file name", ...).
    pub report_year_source: &'static str,
    /// The report date with its evidence.
    pub date: ReportDate,
    pub mode: Mode,
    /// A work report, or a text of the first months of its year: outcomes it states
    /// without a year are of the year before (reviews, communiques, "It is estimated that
    /// GDP grew 6.6%").
    pub reviews_last_year: bool,
}

/// What the user has told the extractor about a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// The year the document was written, when the user corrected it.
    pub report_year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    /// The document is about one province or region.
    Single(String),
    /// A national document: China unless a sentence's subject is a province.
    National,
    /// A roundup of several provinces: each sentence is attributed on its own.
    Roundup,
}

impl std::fmt::Display for Mode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mode::Single(p) => write!(f, "{p}"),
            Mode::National => f.write_str("national"),
            Mode::Roundup => f.write_str("roundup"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Blank,
    Furniture,
    Heading,
    Body,
}

struct Line {
    start: usize,
    end: usize,
    kind: LineKind,
}

/// Texts from this size up are read on all cores.
const PARALLEL_FROM: usize = 1 << 20;

/// Extract findings from one document.
pub fn extract(file_name: &str, text: &str) -> Vec<Extraction> {
    extract_with_info(file_name, text).1
}

pub fn extract_with_info(file_name: &str, text: &str) -> (DocInfo, Vec<Extraction>) {
    extract_with_progress(file_name, text, &mut |_| true)
        .expect("extraction without a progress callback is never stopped")
}

/// Extraction that reports how many bytes of `text` it has walked through, now and
/// then; `report` returns false to stop early (the user cancelled), giving None.
pub fn extract_with_progress(
    file_name: &str,
    text: &str,
    report: &mut (dyn FnMut(usize) -> bool + Send),
) -> Option<(DocInfo, Vec<Extraction>)> {
    extract_with_options(file_name, text, &Options::default(), report)
}

/// Extraction with what the user said about the document (its report year).
pub fn extract_with_options(
    file_name: &str,
    text: &str,
    options: &Options,
    report: &mut (dyn FnMut(usize) -> bool + Send),
) -> Option<(DocInfo, Vec<Extraction>)> {
    if zh::is_chinese(text) {
        return zh::extract(file_name, text, options, report);
    }
    let lex = Lexicon::get();
    let parallel = text.len() >= PARALLEL_FROM;
    let (hits, lines) = if parallel {
        // a large text is scanned and its lines classified in chunks on all cores; a
        // chunk ends at a line break, and no sentence spans one
        use rayon::prelude::*;
        let chunks = chunks_at_lines(text, 1 << 20);
        let (hits, lines): (Vec<_>, Vec<_>) = chunks
            .par_iter()
            .map(|&(a, b)| {
                let mut h = Vec::new();
                lex.scan_range(text, a, b, &mut h);
                (h, classify_lines_in(lex, text, a, b))
            })
            .unzip();
        (
            hits.into_iter().flatten().collect(),
            join_broken_decimals(text, lines.into_iter().flatten().collect()),
        )
    } else {
        let mut hits = Vec::new();
        lex.scan(text, &mut hits);
        (hits, join_broken_decimals(text, classify_lines(lex, text)))
    };
    let info = analyze_document(lex, options, file_name, text, &lines, &hits);
    let mut walker = Walker {
        lex,
        text,
        info: &info,
        section: None,
        paragraph: None,
        carry: None,
        carry_group: Vec::new(),
        // one figure in every few hundred bytes of a report: reserved once, the pages
        // it does not fill are never touched
        out: Vec::with_capacity(text.len() / 600),
        keys: Default::default(),
        key_buf: String::new(),
        data_year: Vec::new(),
        pronoun_start: false,
        paragraph_outcomes: false,
        last_named_year: None,
        same_paragraph: false,
        plan: None,
        horizon: None,
        lead_seen: 0,
    };
    let mut walk = Walk {
        parts: Parts::default(),
        seen_body: false,
        in_table: false,
        table_year: None,
    };
    // Lines are read in batches: each batch's sentences in parallel (what they say
    // alone), and walked in order (what the document around them adds) while the next
    // batch is read. Small texts are read on this thread; the result is the same.
    let batch_bytes = if parallel { 1 << 17 } else { usize::MAX };
    let batches: Vec<&[Line]> = {
        let mut v = Vec::new();
        let mut at = 0;
        while at < lines.len() {
            let mut end = at;
            let mut bytes = 0;
            while end < lines.len() && (end == at || bytes < batch_bytes) {
                bytes += lines[end].end - lines[end].start;
                end += 1;
            }
            v.push(&lines[at..end]);
            at = end;
        }
        v
    };
    let read_batch = |batch: &[Line]| -> Vec<Vec<SentenceRead>> {
        let read_line = |line: &Line| read_line(lex, text, &info, &hits, line);
        if parallel {
            use rayon::prelude::*;
            batch.par_iter().map(read_line).collect()
        } else {
            batch.iter().map(read_line).collect()
        }
    };
    if parallel {
        // Each batch is walked while the next is read. The loop runs on one worker of the
        // pool, and `join` keeps its first half (the walk) on the calling thread: the
        // findings the walk makes live in one heap.
        let stopped = rayon::scope(|_| {
            let mut next = batches.first().map(|b| read_batch(b));
            for (k, batch) in batches.iter().enumerate() {
                if let Some(first) = batch.first()
                    && !report(first.start)
                {
                    return true;
                }
                let reads = next.take().unwrap_or_default();
                let ahead = batches.get(k + 1).copied();
                let (walker, walk) = (&mut walker, &mut walk);
                let ((), n) = rayon::join(
                    || walk.batch(walker, batch, reads),
                    || ahead.map(read_batch),
                );
                next = n;
            }
            false
        });
        if stopped {
            return None;
        }
    } else {
        for batch in &batches {
            if let Some(first) = batch.first()
                && !report(first.start)
            {
                return None;
            }
            walk.batch(&mut walker, batch, read_batch(batch));
        }
    }
    let parts = walk.parts;
    let mut out = walker.out;
    drop_heading_repeats(&mut out, &parts);
    drop_cut_off(text, &mut out);
    report(text.len());
    Some((info, out))
}

/// The walk's own state between lines: which parts of the document the findings came
/// from, and plan-implementation tables.
struct Walk {
    parts: Parts,
    seen_body: bool,
    in_table: bool,
    table_year: Option<i32>,
}

impl Walk {
    fn batch(&mut self, walker: &mut Walker, batch: &[Line], reads: Vec<Vec<SentenceRead>>) {
        let text = walker.text;
        for (line, reads) in batch.iter().zip(reads) {
            // a plan-implementation table: its rows have their own reader
            if line.kind != LineKind::Blank {
                let l = &text[line.start..line.end];
                if table::is_header(l) {
                    self.table_year = years_in_line(l).or(walker.section.map(|c| c.year));
                    self.in_table = true;
                    continue;
                }
                if self.in_table {
                    if let Some(row) = table::row(l) {
                        walker.table_row(line, &row, self.table_year);
                        continue;
                    }
                    // section lines inside the table ("I. Economic Development")
                    if !l.contains(['.', '。']) || l.split_whitespace().count() <= 6 {
                        continue;
                    }
                    self.in_table = false;
                }
            }
            match line.kind {
                LineKind::Blank | LineKind::Furniture => {}
                LineKind::Heading => {
                    let Some(read) = reads.into_iter().next() else {
                        continue;
                    };
                    walker.heading(line, &read);
                    // list and table lines ("Provincial GDP was up by 9.2%", "Hefei
                    // 12013.1 3.5%") carry figures without a full stop
                    let from = walker.out.len();
                    walker.sentence(read);
                    let part = if self.seen_body {
                        &mut self.parts.heading
                    } else {
                        &mut self.parts.title
                    };
                    part.extend(from..walker.out.len());
                }
                LineKind::Body => {
                    let from = walker.out.len();
                    walker.paragraph = None;
                    for read in reads {
                        walker.sentence(read);
                    }
                    if !self.seen_body {
                        self.parts.lede.extend(from..walker.out.len());
                    }
                    self.seen_body = true;
                }
            }
        }
    }
}

/// The sentences of a line, read alone.
fn read_line(
    lex: &Lexicon,
    text: &str,
    info: &DocInfo,
    hits: &[(usize, usize, Hit)],
    line: &Line,
) -> Vec<SentenceRead> {
    match line.kind {
        LineKind::Blank | LineKind::Furniture => Vec::new(),
        LineKind::Heading => vec![read_sentence(
            lex, text, info, hits, line.start, line.start, line.end, true,
        )],
        LineKind::Body => {
            let mut sents = Vec::new();
            text::sentences(text, line.start, line.end, &mut sents);
            sents
                .iter()
                .enumerate()
                .map(|(k, &(s, e))| read_sentence(lex, text, info, hits, line.start, s, e, k == 0))
                .collect()
        }
    }
}

fn years_in_line(l: &str) -> Option<i32> {
    document::years_in(l).map(|(_, y)| y).next()
}

/// Excerpts cut off mid-sentence ("... growing by 7.7", "worth 1 tril"): a number at the
/// very end may itself be cut, or lose its unit or object, so it is not reported.
fn drop_cut_off(text: &str, out: &mut Vec<Extraction>) {
    let end = text.trim_end();
    let complete = end.ends_with([
        '.', '。', '!', '?', '！', '？', '"', '”', ')', '）', ']', '】', '…', ';', '；',
    ]);
    if complete || end.is_empty() {
        return;
    }
    // nothing after the figure but one (cut) word, or the figure ends the text without
    // its unit ("... growing by 7.7"); "was up by 6.1%" at the end is whole
    out.retain(|x| {
        let Some(rest) = end.get(x.number.end..) else {
            return true;
        };
        let rest = rest.trim();
        let ends_on_digit =
            end[x.number.start..x.number.end].ends_with(|c: char| c.is_ascii_digit());
        // "worth 1 tril", "growing by 7.7": no unit, and nothing whole after the number
        rest.contains(char::is_whitespace)
            || !(x.unit == "count" || (rest.is_empty() && ends_on_digit))
    });
}

/// A figure of a title or heading that the body states again is the body's: a headline
/// repeats the story ("China sets 2017 GDP growth target at around 6.5 percent"), a
/// subheading its section ("To provide more than 600,000 new jobs"). A heading inside the
/// text repeats a figure only if the body gives it for the same indicator: a list line such
/// as "Provincial GDP was up by 9.2%" stays. The first paragraph is a lede when the rest of
/// the text restates every one of its figures.
fn drop_heading_repeats(out: &mut Vec<Extraction>, parts: &Parts) {
    use std::collections::HashSet;
    if parts.title.is_empty() && parts.heading.is_empty() && parts.lede.len() < 2 {
        return;
    }
    let has = |v: &[usize], i: usize| v.binary_search(&i).is_ok();
    let figure = |x: &Extraction| (x.value.to_bits(), x.unit.clone());
    // the figures of the body, and of the body after the first paragraph
    let mut body: HashSet<(u64, String)> = HashSet::new();
    let mut body_keyed: HashSet<(u64, String, String)> = HashSet::new();
    // a restatement says the same of the figure: its kind and year too
    let mut rest: HashSet<(u64, String, Kind, i32)> = HashSet::new();
    for (i, x) in out.iter().enumerate() {
        if has(&parts.title, i) || has(&parts.heading, i) {
            continue;
        }
        body.insert(figure(x));
        if let Some(k) = &x.indicator_key {
            body_keyed.insert((x.value.to_bits(), x.unit.clone(), k.clone()));
        }
        // an indicator without a key is the same one under the same words
        if !x.indicator.is_empty() {
            body_keyed.insert((
                x.value.to_bits(),
                x.unit.clone(),
                x.indicator.to_lowercase(),
            ));
        }
        if !has(&parts.lede, i) {
            rest.insert((x.value.to_bits(), x.unit.clone(), x.kind, x.year));
        }
    }
    let lede_restated = parts.lede.len() >= 2
        && parts.lede.iter().all(|&i| {
            let x = &out[i];
            rest.contains(&(x.value.to_bits(), x.unit.clone(), x.kind, x.year))
        });
    let mut i = 0;
    out.retain(|x| {
        let keep = if has(&parts.lede, i) {
            !lede_restated
        } else if has(&parts.title, i) {
            !body.contains(&figure(x))
        } else if has(&parts.heading, i) {
            let repeated = |k: String| body_keyed.contains(&(x.value.to_bits(), x.unit.clone(), k));
            !(x.indicator_key.clone().is_some_and(repeated)
                || (!x.indicator.is_empty() && repeated(x.indicator.to_lowercase())))
        } else {
            true
        };
        i += 1;
        keep
    });
}

/// Indexes into the findings of those read from the title block (headings before the
/// first paragraph), from later headings, and from the first paragraph.
#[derive(Default)]
struct Parts {
    title: Vec<usize>,
    heading: Vec<usize>,
    lede: Vec<usize>,
}

/// `text` cut into pieces of about `size` bytes, each ending at a line break.
fn chunks_at_lines(text: &str, size: usize) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut a = 0;
    while a < b.len() {
        let want = (a + size).min(b.len());
        let end = if want == b.len() {
            want
        } else {
            memchr::memchr(b'\n', &b[want..]).map_or(b.len(), |p| want + p + 1)
        };
        out.push((a, end));
        a = end;
    }
    out
}

fn classify_lines(lex: &Lexicon, text: &str) -> Vec<Line> {
    classify_lines_in(lex, text, 0, text.len())
}

/// The lines of `text[a..b]` (`a` at a line start), with their kinds.
fn classify_lines_in(lex: &Lexicon, text: &str, a: usize, b: usize) -> Vec<Line> {
    text::lines(&text[a..b])
        .map(|(start, end)| (a + start, a + end))
        .map(|(start, end)| {
            let l = text[start..end].trim();
            let kind = if l.is_empty() {
                LineKind::Blank
            } else if lex.is_furniture(l) {
                LineKind::Furniture
            } else if is_heading(l) {
                LineKind::Heading
            } else {
                LineKind::Body
            };
            Line { start, end, kind }
        })
        .collect()
}

/// Lines joined where a decimal was broken by a line break: "grew by 4." then "8 percent
/// in 2023" is one line with 4.8 percent (texts copied from PDFs and fixed-width pages wrap
/// anywhere). The tokenizer and the sentence splitter read such a number across the break.
fn join_broken_decimals(text: &str, mut lines: Vec<Line>) -> Vec<Line> {
    let mut k = 0;
    while k + 1 < lines.len() {
        let (a, b) = (&lines[k], &lines[k + 1]);
        if a.kind != LineKind::Blank
            && b.kind != LineKind::Blank
            && text::broken_decimal(&text[a.start..a.end], &text[b.start..b.end])
        {
            lines[k].end = lines[k + 1].end;
            lines[k].kind = LineKind::Body;
            lines.remove(k + 1);
        } else {
            k += 1;
        }
    }
    lines
}

/// A bulleted list item ("• GDP growth of over 6 percent") is text, however short.
fn is_list_item(l: &str) -> bool {
    l.starts_with(['•', '·', '▪', '●', '○', '◆', '■', '►', '*', '-', '–', '—'])
}

fn is_heading(l: &str) -> bool {
    if l.len() > 160 || !l.chars().any(char::is_alphabetic) || is_list_item(l) {
        return false;
    }
    let last = l.chars().next_back().unwrap_or('.');
    !matches!(
        last,
        '.' | '。' | '!' | '?' | ';' | '；' | '！' | '？' | '…'
    ) && !l.ends_with(".\"")
        && !l.ends_with(".”")
}

fn roman_heading(l: &str) -> bool {
    let head: String = l
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    (!head.is_empty()
        && head.chars().all(|c| "IVX".contains(c))
        && l.trim_start()[head.len()..].starts_with(['.', '、', ' ']))
        || l.trim_start().starts_with("Part ")
        || l.trim_start().starts_with("Chapter ")
}

// ---------------------------------------------------------------- document level

fn analyze_document(
    lex: &Lexicon,
    options: &Options,
    file_name: &str,
    text: &str,
    lines: &[Line],
    hits: &[(usize, usize, Hit)],
) -> DocInfo {
    let head: Vec<document::HeadLine> = lines
        .iter()
        .filter(|l| l.kind != LineKind::Blank)
        .take(12)
        .map(|l| document::HeadLine {
            start: l.start,
            text: &text[l.start..l.end],
            furniture: l.kind == LineKind::Furniture,
        })
        .collect();
    let date = document::report_date_or(options.report_year, file_name, text, &head);
    let mode = document_mode(lex, text, lines, hits);
    let head_lower = text[..floor_boundary(text, 1500)].to_lowercase();
    let work_report = matches!(date.source, DateSource::ReportTitle | DateSource::Delivered)
        || [
            "work report",
            "report on the work",
            "report on government work",
            "政府工作报告",
            "政府工作報告",
        ]
        .iter()
        .any(|w| head_lower.contains(w));
    // news of the provincial congresses early in the year reviews the year before too
    let two_sessions = date.month.is_some_and(|m| m <= 3)
        && lex
            .two_sessions_words
            .iter()
            .any(|w| head_lower.contains(w.as_str()));
    let work_report = work_report || two_sessions;
    DocInfo {
        report_year: date.year,
        report_year_source: date.source.as_str(),
        reviews_last_year: work_report,
        date,
        mode,
    }
}

/// Provinces named together ("Jiangxi and Sichuan", "both Beijing and Hebei").
struct Run {
    units: Vec<u16>,
    /// Where the last name ends.
    end: usize,
    /// After "both": each figure after the run is of each province, whatever
    /// "respectively" says.
    both: bool,
}

/// A place mention in the text.
#[derive(Debug, Clone, Copy)]
struct Mention {
    pos: usize,
    end: usize,
    /// Among the first words of its sentence.
    initial: bool,
    unit: u16,
    kind: PlaceKind,
    /// Part of a hyphenated compound or a longer proper name ("Shanghai Cooperation ...").
    weak: bool,
    /// Sentence-initial or followed by a verb of saying or planning.
    subject: bool,
    /// "Tianjin's GDP", "the GDP of Hebei".
    possessive: bool,
    /// "resettled in Hebei", "in Beijing, Tianjin and Hebei".
    locative: bool,
    /// An aside that does not own the figures near it: "Tianjin, near Beijing, managing
    /// a 4.5% expansion", "investment from Beijing and Hebei", "faster than Jiangsu".
    aside: bool,
}

const NAME_CONTINUERS: &[&str] = &[
    "Province",
    "Provincial",
    "Municipal",
    "Municipality",
    "City",
    "Government",
    "Party",
    "People's",
    "People’s",
    "Autonomous",
    "Region",
    "Committee",
    "Daily",
    "Development",
    "Department",
    "Bureau",
    "Statistics",
];

fn mention(
    lex: &Lexicon,
    text: &str,
    s: usize,
    e: usize,
    p: u16,
    sentence_start: usize,
) -> Option<Mention> {
    let place = lex.place(p);
    let after = &text[e..];
    // datelines: "Beijing, January 28th"
    if let Some(rest) = after.strip_prefix(", ") {
        let end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        if lex.months.has_word(&rest[..end]) {
            return None;
        }
    }
    let before_char = text[..s].chars().next_back();
    let after_char = after.chars().next();
    let hyphen = matches!(before_char, Some('-' | '–')) || matches!(after_char, Some('-' | '–'));
    let next_word: &str = after
        .trim_start_matches(' ')
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .next()
        .unwrap_or("");
    let gap_is_space = after.starts_with(' ');
    let proper_name = gap_is_space
        && next_word.starts_with(|c: char| c.is_uppercase())
        && !NAME_CONTINUERS.contains(&next_word)
        // "Guangxi Zhuang Autonomous Region"
        && lex.strip_designator(&after[1..]).is_none()
        && lex.unit_by_name(next_word).is_none();
    let possessive = after.starts_with("'s") || after.starts_with("’s");
    // words before the mention in its sentence, counted only up to four
    let window = &text[floor_boundary(text, s.saturating_sub(48)).max(sentence_start)..s];
    let lead = if s - sentence_start > 48 {
        4
    } else {
        window.split_whitespace().take(4).count()
    };
    // words since the start of the clause: "..., while Jiangxi and Sichuan both set"
    let clause = window
        .bytes()
        .rposition(|b| matches!(b, b',' | b';' | b':'))
        .map_or(window, |p| &window[p + 1..]);
    let clause_lead = || {
        clause
            .split_whitespace()
            .filter(|w| {
                !["while", "whereas", "and", "but", "meanwhile"]
                    .iter()
                    .any(|c| w.eq_ignore_ascii_case(c))
            })
            .take(4)
            .count()
    };
    // "In addition, the data of Zhejiang and Hunan have reached ...": the places complete
    // the subject's head noun (the clause lies inside the 48-byte window)
    let head_of = || {
        let c = clause.trim();
        c.get(..4).is_some_and(|h| h.eq_ignore_ascii_case("the ")) && c.ends_with(" of")
    };
    let prev_word = window
        .trim_end()
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
        .next()
        .unwrap_or("");
    // the word before, looking past an article: "exceeded the country's average"
    let prev_word = if ["the", "a", "an"]
        .iter()
        .any(|a| prev_word.eq_ignore_ascii_case(a))
    {
        let w = window.trim_end();
        let w = &w[..w.len() - prev_word.len()];
        w.trim_end()
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
            .next()
            .unwrap_or("")
    } else {
        prev_word
    };
    let prev_is = |list: &[&str]| list.iter().any(|w| prev_word.eq_ignore_ascii_case(w));
    // "Tianjin, near Beijing, managing ...": the verb after an aside has the first name
    // as its subject
    let verb_after = |w: &str| {
        lex.subject_after.has_word(w)
            || lex.past.has_word(w)
            || (w.len() > 4 && w.ends_with("ing") && w.starts_with(|c: char| c.is_lowercase()))
    };
    let subject = lead <= 3
        || possessive
        || (gap_is_space && verb_after(next_word))
        || (after.starts_with(',') && {
            // skip one aside: ", near Beijing," / ", the capital of X,"
            let rest = &after[1..];
            let first = rest
                .trim_start()
                .split(|ch: char| !ch.is_alphanumeric())
                .next()
                .unwrap_or("");
            // "Jilin, which grew around 3.5% last year"
            first.eq_ignore_ascii_case("which")
                || rest.find(',').is_some_and(|c| {
                    c < 80 && {
                        let v = rest[c + 1..]
                            .trim_start()
                            .split(|ch: char| !ch.is_alphanumeric())
                            .next()
                            .unwrap_or("");
                        verb_after(v) || v.eq_ignore_ascii_case("which")
                    }
                })
        });
    let aside = prev_is(&[
        "near",
        "from",
        "than",
        "exceeded",
        "exceeding",
        "surpassed",
        "outpaced",
        "beat",
        "to",
        "with",
        "like",
        "including",
        "neighboring",
        "neighbouring",
        "bordering",
        "beyond",
        "outside",
        "among",
        "between",
        "besides",
    ]) && !(prev_word.eq_ignore_ascii_case("with") && subject)
        // "The largest adjustment came from Tianjin municipality": the source is the one
        // the sentence is about
        && !(prev_word.eq_ignore_ascii_case("from") && {
            let lower = window.to_ascii_lowercase();
            let w = lower.rfind("from").map_or("", |at| lower[..at].trim_end());
            let verb = w.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            ["came", "comes", "come", "coming"]
                .iter()
                .any(|v| verb.eq_ignore_ascii_case(v))
        });
    Some(Mention {
        pos: s,
        end: e,
        initial: lead <= 3 || (clause.len() < window.len() && clause_lead() <= 2) || head_of(),
        unit: place.unit,
        kind: place.kind,
        weak: hyphen
            || proper_name
            || (place.kind == PlaceKind::National
                && (is_locator(text, s)
                    || ranking_frame(lex, text, s)
                    || part_of_the_country(after)))
            // "the first province in western China with a GDP exceeding 6 trillion yuan"
            || (place.kind == PlaceKind::Region && ranking_frame(lex, text, s)),
        subject,
        possessive: possessive || prev_is(&["of"]) || after.starts_with(" of "),
        locative: prev_is(&["in", "across", "throughout"]),
        aside,
    })
}

/// The words between two places named as a pair, each with its description: "Xizang
/// Autonomous Region in southwest China and the southernmost island province of Hainan",
/// "Beijing and the neighbouring province of Hebei".
fn described_pair(gap: &str) -> bool {
    let Some((left, right)) = gap
        .split_once(" and ")
        .or_else(|| gap.strip_prefix("and ").map(|r| ("", r)))
    else {
        return false;
    };
    let right = right.trim();
    !gap.contains(|c: char| c.is_ascii_digit() || matches!(c, ';' | ':' | '.' | ','))
        && left.split_whitespace().count() <= 6
        && right.split_whitespace().count() <= 6
        && right.starts_with("the ")
        && right.ends_with(" of")
}

/// The words between two places coordinated with an aside about the first: "Shanghai,
/// which is a financial hub, and Beijing", "Hainan, the island province, and Xizang",
/// "Hubei province, which was hit hard by the COVID-19 pandemic last year, and south
/// China's Hainan" (`gap` is trimmed of spaces and commas at both ends).
fn described_first(gap: &str) -> bool {
    let Some((aside, rest)) = [", and", ", or"].iter().find_map(|c| {
        let at = gap.rfind(c)?;
        let rest = &gap[at + c.len()..];
        (rest.is_empty() || rest.starts_with(' ')).then(|| (&gap[..at], rest.trim_start()))
    }) else {
        return false;
    };
    let first = aside.split_whitespace().next().unwrap_or("");
    // a figure in the aside may be the first place's own ("Shanghai, which grew 5%, and")
    let figure = aside
        .split_whitespace()
        .any(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    !figure
        && !aside.contains([';', ':', '.', ',', '%'])
        && aside.split_whitespace().count() <= 16
        && ["which", "who", "the", "a", "an", "its"]
            .iter()
            .any(|w| first.eq_ignore_ascii_case(w))
        && describes_second(rest)
}

/// The common nouns places are named by, plural before singular ("Hunan and Henan
/// provinces", "the provinces of southern Guangxi").
const PLACE_NOUNS: &[&str] = &[
    "provinces",
    "regions",
    "municipalities",
    "cities",
    "province",
    "region",
    "municipality",
    "city",
];

/// The words before the second of two coordinated places, after "and": none, or a few
/// words that describe it ("and north China's Shanxi", "and coal mining industry centre
/// Shanxi", "and the neighbouring Guangxi"), with no verb or preposition that would make
/// the place part of another phrase ("and investment in Shanxi").
fn describes_second(rest: &str) -> bool {
    const NOT_DESCRIPTIVE: &[&str] = &[
        "in",
        "of",
        "for",
        "from",
        "with",
        "to",
        "by",
        "than",
        "as",
        "at",
        "on",
        "into",
        "while",
        "but",
        "which",
        "that",
        "who",
        "is",
        "are",
        "was",
        "were",
        "be",
        "has",
        "have",
        "had",
        "set",
        "sets",
        "their",
        "other",
        "others",
        "such",
        "like",
        "including",
        "especially",
        "both",
        "all",
        "not",
    ];
    let words: Vec<&str> = rest.split_whitespace().collect();
    words.len() <= 5
        && !rest.contains(|c: char| c.is_ascii_digit() || matches!(c, ';' | ':' | '.' | ',' | '%'))
        && words.iter().enumerate().all(|(i, w)| {
            let w = w.trim_end_matches("'s").trim_end_matches("’s");
            // "and its neighbouring port city Tianjin"
            let its = i == 0 && w.eq_ignore_ascii_case("its");
            // "the provinces of southern Guangxi": "of" after the noun they are named by
            let of_named = w.eq_ignore_ascii_case("of")
                && i > 0
                && PLACE_NOUNS
                    .iter()
                    .any(|n| words[i - 1].eq_ignore_ascii_case(n));
            its || of_named
                || !NOT_DESCRIPTIVE.iter().any(|n| w.eq_ignore_ascii_case(n))
                    && !w.ends_with("ed")
                    && (w.starts_with(|c: char| c.is_lowercase())
                        || w == "China"
                        || COMPASS.iter().any(|c| w.eq_ignore_ascii_case(c))
                        || w.eq_ignore_ascii_case("central"))
        })
}

/// The words between two places named together: "and", "or", "provinces and north
/// China's", "and the neighbouring", or an aside about the first (`gap` is trimmed of
/// spaces and commas at both ends, and of a designator of the first place).
fn coordinating_gap(gap: &str) -> bool {
    // "Hunan and Henan provinces and ...": the common noun closing the pair before
    let gap = PLACE_NOUNS
        .iter()
        .find_map(|n| {
            gap.get(..n.len())
                .filter(|h| h.eq_ignore_ascii_case(n))
                .map(|_| gap[n.len()..].trim_start_matches([' ', ',']))
        })
        .unwrap_or(gap);
    if gap.is_empty() {
        return true;
    }
    // "Shanghai, along with provinces of southern Guangxi and northwestern Shaanxi, are"
    let rest = ["and", "or", "along with", "together with", "as well as"]
        .iter()
        .find_map(|c| {
            let head = gap.get(..c.len())?;
            let tail = &gap[c.len()..];
            (head.eq_ignore_ascii_case(c) && (tail.is_empty() || tail.starts_with(' ')))
                .then(|| tail.trim_start())
        });
    rest.is_some_and(describes_second) || described_pair(gap) || described_first(gap)
}

/// "lower than the national average of 6.9 percent", "above Jiangsu's 5 percent": the
/// words between a place and a figure (`between`) put the figure right after its owner,
/// so it is the owner's, aside or not.
fn owned_right_after(between: &str) -> bool {
    between.len() < 16
        && (between.trim_start().starts_with("of ")
            || between.starts_with("'s ")
            || between.starts_with("’s "))
        && !between.contains(|c: char| c.is_ascii_digit() || matches!(c, ',' | ';'))
}

/// Is the mention one of a list of places ("Shanghai, Jiangsu, Zhejiang and Anhui")?
fn in_a_list(text: &str, mentions: &[Mention], m: &Mention) -> bool {
    let joined = |a: &Mention, b: &Mention| {
        a.end <= b.pos
            && a.unit != b.unit
            && text.get(a.end..b.pos).is_some_and(|gap| {
                let g = gap.trim();
                g.len() <= 5 && matches!(g, "," | "and" | ", and" | "、" | "&" | "or" | ", or")
            })
    };
    mentions
        .iter()
        .any(|o| o.kind != PlaceKind::National && (joined(o, m) || joined(m, o)))
}

fn preceding_word_is(text: &str, pos: usize, word: &str) -> bool {
    text[..pos]
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case(word))
}

/// "its share in the nation's total": the name is inside another noun phrase.
fn preceded_by_preposition(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end();
    let before = before
        .strip_suffix("the")
        .or_else(|| before.strip_suffix("The"))
        .unwrap_or(before)
        .trim_end();
    let w = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    [
        "in", "of", "to", "for", "than", "with", "from", "across", "at", "on", "over",
    ]
    .iter()
    .any(|p| w.eq_ignore_ascii_case(p))
}

/// Words that make "China" a locator, not the subject: "Southwest China's Sichuan province".
const COMPASS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
];

/// A place name that opens a body line as the reporter's location: "BEIJING:",
/// "BEIJING--", "Beijing, Jan 23 (Xinhua) --" (the last is caught in `mention`).
fn is_dateline(text: &str, line_start: usize, s: usize, e: usize) -> bool {
    if !text[line_start..s].trim().is_empty() {
        return false;
    }
    let after = &text[e..];
    let caps = text[s..e].chars().all(|c| !c.is_lowercase());
    after.starts_with(':')
        || after.starts_with("--")
        || after.starts_with(" --")
        || after.starts_with('—')
        || after.starts_with(" —")
        || after.starts_with(" (")
        || (caps && (after.starts_with(',') || after.starts_with(" -")))
}

/// "The briefing was held in Beijing", "delivered a report at the opening meeting in
/// Beijing on Sunday": the place where an event was held, which says nothing of what the
/// text is about.
fn is_venue(lex: &Lexicon, text: &str, s: usize, e: usize) -> bool {
    let (prev, at) = sentence::preceding_word_at(text, s);
    if !prev.eq_ignore_ascii_case("in") {
        return false;
    }
    let (event, _) = sentence::preceding_word_at(text, at);
    let on_a_day = next_word(&text[e..]).eq_ignore_ascii_case("on") && {
        // "on" is two ASCII bytes at the start of the trimmed rest
        let after_on = next_word(&text[e..].trim_start()[2..]);
        lex.months.has_word(after_on) || lex.weekdays.has_word(after_on)
    };
    lex.venue_events.has_word(event) || on_a_day
}

/// "Beijing aims to keep inflation at around 3%": the capital, as the subject of a verb of
/// policy, stands for the government.
fn is_metonym(lex: &Lexicon, text: &str, s: usize, e: usize) -> bool {
    lex.seat_of_government.has_word(&text[s..e]) && lex.policy_verbs.has_word(next_word(&text[e..]))
}

/// The word `s` starts with, past spaces ("" if it starts with something else).
fn next_word(s: &str) -> &str {
    s.trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
}

/// "Guangdong is the first province in the country with a GDP exceeding 13 trillion yuan",
/// "ranks first in the country": the country is the field a place is ranked in, not the
/// figure's owner.
fn ranking_frame<'a>(lex: &Lexicon, text: &'a str, s: usize) -> bool {
    let start = floor_boundary(text, s.saturating_sub(60));
    let the = |b: &'a str| -> &'a str {
        b.strip_suffix("the")
            .or_else(|| b.strip_suffix("The"))
            .unwrap_or(b)
            .trim_end()
    };
    let before = the(text[start..s].trim_end());
    // "the first city in the central and western regions"
    let before = before
        .strip_suffix(" and")
        .and_then(|b| b.trim_end().rsplit_once(' '))
        .map_or(before, |(b, _)| the(b.trim_end()));
    let Some(rest) = before
        .strip_suffix(" in")
        .or_else(|| before.strip_suffix(" across"))
    else {
        return false;
    };
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .any(|w| lex.superlative.has_word(w))
}

/// "Heilongjiang in China's northeast", "a city in the country's west": the country
/// names a part of itself that locates a place.
fn part_of_the_country(after: &str) -> bool {
    let Some(rest) = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
    else {
        return false;
    };
    let w = next_word(rest);
    // not "China's central bank"
    COMPASS
        .iter()
        .filter(|c| **c != "central")
        .any(|c| w.eq_ignore_ascii_case(c))
}

/// "China" right after a compass word locates a province ("Southwest China's Sichuan").
fn is_locator(text: &str, s: usize) -> bool {
    let before = text[..s].trim_end();
    let w = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    COMPASS.iter().any(|c| w.eq_ignore_ascii_case(c))
}

/// A region's possessive right before a province or city ("Central China's Hunan",
/// "North China's Shanxi province"): a locator, as "Southwest China's" is.
fn region_locator(text: &str, e: usize, hits: &[(usize, usize, Hit)]) -> bool {
    let rest = &text[e..];
    let Some(after) = rest
        .strip_prefix("'s ")
        .or_else(|| rest.strip_prefix("’s "))
    else {
        return false;
    };
    let next = e + (rest.len() - after.len());
    let at = hits.partition_point(|h| h.0 < next);
    hits.get(at)
        .is_some_and(|h| h.0 == next && matches!(h.2, Hit::Place(_)))
}

/// The start a target is compared with is itself a goal when it is told as one: as a
/// bound ("up from about 6 percent", "from more than 7 percent") or as the figure for a
/// year ("from 8.5 percent for last year", "up from 6 percent for 2020"), where an
/// outcome is a plain figure of or in its year.
fn goal_like_start(reader: &SentenceReader, bq: &Quantity) -> bool {
    let bound = bq.cmp.is_some_and(|c| c != Comparator::Eq);
    let for_year = bq.time.is_some_and(|t| {
        t.tok > 0
            && t.tok >= bq.t1
            && reader
                .toks
                .get(t.tok - 1)
                .is_some_and(|w| eq_word(w.text(reader.text), "for"))
    });
    bound || for_year
}

/// Weighs who the document is about: each place mention counts for its province (three
/// times in the title), the country's own words ("China's", "nationwide", "the State
/// Council") count for the nation, and the document's words for itself ("the province",
/// "our city") count for whichever province dominates. Datelines, captions and locators
/// ("Southwest China's ...") count for nothing.
fn document_mode(lex: &Lexicon, text: &str, lines: &[Line], hits: &[(usize, usize, Hit)]) -> Mode {
    let mut w = vec![0.0f64; lex.units.len()];
    let title_end = lines
        .iter()
        .filter(|l| l.kind != LineKind::Blank)
        .take(6)
        .last()
        .map_or(0, |l| l.end);
    let national = lex.national as usize;
    // the lead: the first sentence of the first body line says what the text is about
    let lead_end = lines
        .iter()
        .find(|l| l.kind == LineKind::Body)
        .map_or(0, |l| {
            let mut v = Vec::new();
            text::sentences(text, l.start, l.end, &mut v);
            v.first().map_or(l.end, |s| s.1)
        });
    let mut li = 0;
    for &(s, e, hit) in hits {
        let Hit::Place(p) = hit else { continue };
        while li + 1 < lines.len() && lines[li].end < s {
            li += 1;
        }
        let Some(line) = lines.get(li) else { continue };
        // a "Source:" line names the publisher, often a local one; other furniture
        // (captions, credits) says nothing about the text
        let source_line = line.kind == LineKind::Furniture
            && text[line.start..line.end]
                .trim_start()
                .get(..7)
                .is_some_and(|h| h.eq_ignore_ascii_case("source:"));
        if (line.kind == LineKind::Furniture && !source_line)
            || is_dateline(text, line.start, s, e)
            || is_venue(lex, text, s, e)
        {
            continue;
        }
        let Some(m) = mention(lex, text, s, e, p, line.start) else {
            continue;
        };
        if m.kind == PlaceKind::National && is_locator(text, s) {
            continue;
        }
        // "Central China's Hunan": a region that only places the province after it
        if m.kind == PlaceKind::Region && m.possessive && region_locator(text, e, hits) {
            continue;
        }
        let mut weight = if m.weak { 0.5 } else { 1.0 };
        if s < title_end && line.kind == LineKind::Heading && line.end - line.start <= 200 {
            weight *= 3.0;
        } else if s < lead_end {
            weight *= 2.0;
        }
        // "Beijing aims to keep inflation at around 3%": the government
        let unit = if is_metonym(lex, text, s, e) {
            lex.national
        } else {
            m.unit
        };
        w[unit as usize] += weight;
    }
    let local = hits.iter().filter(|h| matches!(h.2, Hit::Local)).count() as f64;
    let total: f64 = w
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != national)
        .map(|(_, x)| x)
        .sum();
    let top = w
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != national)
        .max_by(|a, b| a.1.total_cmp(b.1));
    let nat = w[national];
    // a title about provinces ("Chinese Provinces to Promote Economy", "Regions set
    // their targets") over a text naming several is a roundup, however much one leads it
    let title: String = lines
        .iter()
        .filter(|l| l.kind == LineKind::Heading && l.end <= title_end)
        .map(|l| text[l.start..l.end].to_ascii_lowercase())
        .collect();
    let several = w
        .iter()
        .enumerate()
        .filter(|&(i, &x)| i != national && x >= 1.0 && lex.members[i].is_empty())
        .count()
        >= 3;
    let about_provinces = several
        && ["provinces", "regions", "provincial", "local "]
            .iter()
            .any(|p| title.contains(p));
    if let Some((u, &tw)) = top
        && !about_provinces
        && ((tw >= 2.0 && tw >= 0.5 * total && tw + local >= 0.5 * nat)
            // the only place the text names, and never the country
            || (tw >= 1.0 && tw == total && nat == 0.0))
    {
        return Mode::Single(lex.unit_name(u as u16).to_string());
    }
    // A regional plan names its member provinces more than the region itself.
    for (r, members) in lex.members.iter().enumerate() {
        if members.is_empty() || w[r] < 2.0 {
            continue;
        }
        let covered = w[r] + members.iter().map(|m| w[*m as usize]).sum::<f64>();
        if covered >= 0.8 * total && covered + local >= 0.5 * nat {
            return Mode::Single(lex.unit_name(r as u16).to_string());
        }
    }
    // "Chinese provinces target modest growth for 2024", "China's local \"two sessions\"
    // convey confidence": however often the country is named, each province speaks
    if (nat >= 2.0 && nat >= total || total == 0.0) && !about_provinces {
        return Mode::National;
    }
    Mode::Roundup
}

/// A label without the places it is said of ("GDP of both Beijing and Hebei", "number of
/// trillion-yuan cities in the Yangtze River Delta"): the finding names its province.
/// Where the places of `label` joined by commas and "and", from the first, end.
fn joined_places(label: &str, places: &[(usize, usize)]) -> usize {
    let mut at = places.first().map_or(0, |p| p.0);
    for &(s, e) in places {
        let gap = label[at..s].trim();
        if !(gap.is_empty() || gap == "," || gap == "and" || gap == ", and") {
            break;
        }
        at = e;
    }
    at
}

fn without_places(lex: &Lexicon, label: &str, hits: &mut Vec<(usize, usize, Hit)>) -> String {
    let capital = label.starts_with(|c: char| c.is_uppercase());
    if !capital && !label.contains(" in ") && !label.contains(" of ") {
        return label.to_string();
    }
    lex.scan(label, hits);
    let places: Vec<(usize, usize)> = hits
        .iter()
        // not the country: "share of exports in the country" is a share of the nation's
        .filter(|h| match h.2 {
            Hit::Place(p) => lex.place(p).kind != PlaceKind::National,
            Hit::Local => true,
            _ => false,
        })
        .map(|h| (h.0, h.1))
        .collect();
    let Some(&(first, _)) = places.first() else {
        return label.to_string();
    };
    // "Hainan, Chongqing, Xinjiang, Hubei and Inner Mongolia are set at 6% or more": the
    // rest of a list of subjects names nothing
    if first == 0 && joined_places(label, &places) == label.len() {
        return String::new();
    }
    // the phrase starts at "in"/"of" (past "both"/"the") right before the first place and
    // runs over the places and the words joining them, to the label's end
    let before = label[..first].trim_end();
    let before = ["both", "the"]
        .iter()
        .find_map(|w| {
            before
                .strip_suffix(w)
                .filter(|b| b.ends_with(' '))
                .map(str::trim_end)
        })
        .unwrap_or(before);
    let Some(head) = before
        .strip_suffix(" in")
        .or_else(|| before.strip_suffix(" of"))
    else {
        return label.to_string();
    };
    let at = joined_places(label, &places);
    let rest = label[at..].trim_start();
    // only a phrase that ends the label, or a change word after it ("... in the
    // province growth")
    let change = ["growth", "increase", "decline", "share"]
        .iter()
        .any(|w| rest.split(' ').next() == Some(w));
    if !(rest.is_empty() || change) {
        return label.to_string();
    }
    if head.trim().is_empty() {
        return label.to_string();
    }
    if rest.is_empty() {
        head.trim_end().to_string()
    } else {
        format!("{} {rest}", head.trim_end())
    }
}

/// What each figure is of, read off its sentence alone: its indicator label, and a unit
/// the text left out where the indicator leaves no doubt ("General public budget revenue
/// was 41.134 billion" is in yuan, "the integration index reached 45.3" an index value).
fn label_quantities(lex: &Lexicon, reader: &SentenceReader, qs: &mut [Quantity]) {
    for k in 0..qs.len() {
        qs[k].label = indicator::label(reader, qs, k);
    }
    let labels = qs.iter().map(|q| q.label.clone()).collect();
    let labels = indicator::distribute_respectively(reader, qs, labels);
    let mut hits = Vec::new();
    for (q, l) in qs.iter_mut().zip(labels) {
        q.label = without_places(lex, &l, &mut hits);
    }
    for q in qs.iter_mut() {
        if !q.bare {
            continue;
        }
        let label = q.label.to_lowercase();
        let last = label.rsplit(' ').next().unwrap_or("");
        if last == "index" {
            q.unit = Some("index".into());
            q.bare = false;
            q.unit_inferred = true;
        } else if q.multiplied
            && label
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| lex.money_nouns.has_word(w))
        {
            q.unit = Some("yuan".into());
            q.bare = false;
            q.unit_inferred = true;
        }
    }
}

/// The sign of tense that ends at each token boundary of a sentence (index `end` is the
/// phrase ending before token `end`).
fn tense_marks(lex: &Lexicon, text: &str, toks: &[Token]) -> Vec<TenseMark> {
    // asked only of a participle-like past form, and then once
    let strong_future = std::cell::OnceCell::new();
    (0..=toks.len())
        .map(|end| {
            // most words end no phrase of tense: one lookup turns them away
            if end == 0
                || toks[end - 1].kind != text::Tk::Word
                || !lexicon::with_word_key(toks[end - 1].text(text), |k| {
                    lex.tense_last_words.contains(k)
                })
            {
                return TenseMark::None;
            }
            if lex.future.longest_ending_at(text, toks, end).is_some() {
                return TenseMark::Future;
            }
            if let Some(len) = lex.past.longest_ending_at(text, toks, end) {
                let w = toks[end - 1].text(text);
                let ambiguous = len == 1 && (w.ends_with("ed") || lex.participle_like.has_word(w));
                let aux = end >= 2
                    && toks[end - 2].kind == text::Tk::Word
                    && lex.auxiliary.has_word(toks[end - 2].text(text));
                if aux
                    && end >= 3
                    && eq_word(toks[end - 2].text(text), "have")
                    && lex.perfect_modals.has_word(toks[end - 3].text(text))
                {
                    return TenseMark::Future;
                }
                if !ambiguous
                    || aux
                    || !*strong_future.get_or_init(|| lex.future.any_in(text, toks, 0, toks.len()))
                {
                    return TenseMark::Done;
                }
            }
            if lex.present.longest_ending_at(text, toks, end).is_some() {
                return TenseMark::Done;
            }
            if lex.weak_future.longest_ending_at(text, toks, end).is_some() {
                return TenseMark::Weak;
            }
            TenseMark::None
        })
        .collect()
}

/// One sentence as read without the document's running context: everything the walk
/// needs that depends only on the sentence's own words, so that sentences are read in
/// parallel and walked in order.
struct SentenceRead {
    s: usize,
    e: usize,
    line_start: bool,
    pronoun_start: bool,
    mentions: Vec<Mention>,
    /// Only for sentences with digits, time phrases or number words.
    figures: Option<Figures>,
}

struct Figures {
    toks: Vec<Token>,
    refs: Vec<TimeRef>,
    free: Vec<TimeRef>,
    qs: Vec<Quantity>,
    marks: Vec<TenseMark>,
    /// The one free year of a sentence without figures that names it before its verb.
    topic: Option<Ctx>,
}

/// The hits inside `s..e`.
fn hits_within(hits: &[(usize, usize, Hit)], s: usize, e: usize) -> &[(usize, usize, Hit)] {
    let a = hits.partition_point(|h| h.0 < s);
    let b = a + hits[a..].partition_point(|h| h.0 < e);
    &hits[a..b]
}

#[allow(clippy::too_many_arguments)]
fn read_sentence(
    lex: &Lexicon,
    text: &str,
    info: &DocInfo,
    hits: &[(usize, usize, Hit)],
    line_start_at: usize,
    s: usize,
    e: usize,
    line_start: bool,
) -> SentenceRead {
    let hits = hits_within(hits, s, e);
    let pronoun_start = lex.starts_with_anaphora(&text[s..e])
        && !(matches!(info.mode, Mode::Single(_)) && lex.starts_with_self(&text[s..e]));
    // branch-free per chunk, so the test vectorises
    let has_digit = text.as_bytes()[s..e]
        .chunks(32)
        .any(|c| c.iter().fold(false, |a, b| a | b.is_ascii_digit()));
    let has_time_or_number = hits
        .iter()
        .any(|h| !matches!(h.2, Hit::Place(_) | Hit::Local));
    let mentions: Vec<Mention> = hits
        .iter()
        .filter(|&&(hs, he, _)| !is_dateline(text, line_start_at, hs, he))
        .filter_map(|&(hs, he, h)| match h {
            Hit::Place(p) => mention(lex, text, hs, he, p, s),
            _ => None,
        })
        .collect();
    let figures = (has_digit || has_time_or_number).then(|| {
        let mut toks = Vec::new();
        text::tokenize(text, s, e, &mut toks);
        let mut reader = SentenceReader::new(lex, text, &toks, line_start, info.report_year);
        let number_words = has_digit || hits.iter().any(|h| matches!(h.2, Hit::NumberWord));
        reader.number_words = number_words;
        let refs = reader.time_refs(hits);
        let mut qs = if number_words {
            reader.quantities()
        } else {
            Vec::new()
        };
        let attached = reader.attach_times(&mut qs, &refs);
        let free: Vec<TimeRef> = refs
            .iter()
            .zip(&attached)
            .filter(|(r, a)| !**a && matches!(r.when, When::Year(..) | When::Previous))
            .map(|(r, _)| *r)
            .collect();
        label_quantities(lex, &reader, &mut qs);
        let marks = tense_marks(lex, text, &toks);
        // "Qingdao's economy in 2018 saw high-speed growth." opens a paragraph about
        // 2018: a sentence without figures that names one year before its verb
        let topic = match free.as_slice() {
            [only] if qs.is_empty() => match only.when {
                When::Year(y, p) if before_the_verb(&marks, only.tok) => {
                    Some(Ctx { year: y, period: p })
                }
                _ => None,
            },
            _ => None,
        };
        drop(reader);
        Figures {
            toks,
            refs,
            free,
            qs,
            marks,
            topic,
        }
    });
    SentenceRead {
        s,
        e,
        line_start,
        pronoun_start,
        mentions,
        figures,
    }
}

/// Is token `at` in the subject, before the first verb of the sentence ("Qingdao's
/// economy in 2018 saw ..." but not "... was approved for construction in 2012")?
fn before_the_verb(marks: &[TenseMark], at: usize) -> bool {
    !marks[..=at.min(marks.len() - 1)]
        .iter()
        .any(|m| matches!(m, TenseMark::Future | TenseMark::Done))
}

// ---------------------------------------------------------------- walking the text

/// A sign of tense ending at a token boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenseMark {
    None,
    /// "will", "plans to".
    Future,
    /// A past or present verb: "grew", "was kept", "currently".
    Done,
    /// "goals", "to be": the future where nothing else speaks.
    Weak,
}

/// Where a figure's year came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearSource {
    /// Its sentence or paragraph.
    Stated,
    /// A heading, or the plan the document is about.
    Section,
    /// The outcomes before it, or the year a work report reviews.
    Carried,
    /// The report date alone.
    Report,
}

/// What a finding's reading rests on, and how sure that makes it.
struct Evidence<'a> {
    whence: Whence,
    year: YearSource,
    tense_disagrees: bool,
    unit_inferred: bool,
    bare: bool,
    no_label: bool,
    name_like: bool,
    weak_date: bool,
    mode: &'a Mode,
}

impl Evidence<'_> {
    /// The confidence (the product of what each doubt leaves) and, below the review
    /// threshold, the weightiest doubt in words. The weights are calibrated on the
    /// annotated corpora (README: "Confidence").
    fn judge(&self) -> (f32, Option<String>) {
        let mut doubts: Vec<(f32, &'static str)> = Vec::new();
        let single = matches!(self.mode, Mode::Single(_));
        match (self.whence, single) {
            (Whence::Document, false) => doubts.push((
                0.3,
                "province taken from the document, none in the sentence",
            )),
            (Whence::Document, true) => doubts.push((0.05, "province taken from the document")),
            (Whence::Carried, _) => doubts.push((0.2, "province carried from the sentence before")),
            (Whence::FileName, _) => doubts.push((0.3, "province taken from the file name")),
            (Whence::Named, _) => {}
        }
        match self.year {
            YearSource::Report => doubts.push((0.1, "year taken from the report date")),
            YearSource::Carried => doubts.push((0.15, "year taken from the outcomes around it")),
            YearSource::Section => doubts.push((0.05, "year taken from the heading or plan")),
            YearSource::Stated => {}
        }
        if self.weak_date && self.year != YearSource::Stated {
            doubts.push((0.3, "the document's date is a guess"));
        }
        if self.tense_disagrees {
            doubts.push((0.15, "tense and year disagree"));
        }
        if self.bare {
            doubts.push((0.35, "unit not recognised"));
        } else if self.unit_inferred {
            doubts.push((0.15, "unit taken from the indicator"));
        }
        if self.name_like {
            doubts.push((0.3, "number may be part of a name"));
        }
        if self.no_label {
            doubts.push((0.1, "no indicator named"));
        }
        let confidence = doubts
            .iter()
            .fold(0.97f32, |c, (p, _)| c * (1.0 - p))
            .clamp(0.05, 0.97);
        let doubt = (f64::from(confidence) < crate::model::REVIEW_BELOW)
            .then(|| {
                doubts
                    .iter()
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|d| d.1.to_string())
            })
            .flatten();
        ((confidence * 100.0).round() / 100.0, doubt)
    }
}

/// Where a figure's province came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Whence {
    /// A name in the sentence.
    Named,
    /// The sentence before (a pronoun, the same paragraph, a roundup's last name).
    Carried,
    /// The document as a whole.
    Document,
    /// The file's name: the text names no province.
    FileName,
}

/// Where a figure's time came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// The sentence states it.
    Stated,
    /// The paragraph does.
    Context,
    /// A heading does.
    Section,
    /// Nothing does: the document's year.
    Default,
}

#[derive(Debug, Clone, Copy)]
struct Ctx {
    year: i32,
    period: Option<Period>,
}

struct Walker<'a> {
    lex: &'a Lexicon,
    text: &'a str,
    info: &'a DocInfo,
    section: Option<Ctx>,
    paragraph: Option<Ctx>,
    /// Province of the last sentence that named one (roundups).
    carry: Option<u16>,
    /// Provinces the last sentence that named any named together as its subject.
    carry_group: Vec<u16>,
    out: Vec<Extraction>,
    /// Indicator keys by "label\0unit": labels repeat within a document.
    keys: lexicon::WordMap<String, Option<String>>,
    key_buf: String,
    /// The latest year (not after the report's) of the outcomes stated so far: the year
    /// an outcome without a year of its own reports on ("Its GDP was predicted to rise by
    /// 7.5 percent" after "Qingdao's economy in 2018 saw high-speed growth").
    /// The plan period the document is about, from its title or first sentence ("Facts
    /// about China's 2016-2020 growth plan"): its targets without a year are for the end
    /// of the plan.
    plan: Option<Period>,
    /// The year a plan's lead says its goals are to be met by, when it names no plan
    /// period: its targets without a year are for then.
    horizon: Option<i32>,
    /// How many of the title and the first sentences have been read.
    lead_seen: u8,
    /// The sentence is not the first of its paragraph.
    same_paragraph: bool,
    /// The sentence opens with a pronoun or "the province": it goes on about the place
    /// of the sentence before.
    pronoun_start: bool,
    /// Kept per province: in a roundup each province reports on its own year.
    data_year: Vec<(String, i32)>,
    /// The last figures of the paragraph so far were outcomes: a sentence with no sign of
    /// tense goes on reporting ("... GDP was 99 trillion yuan. The annual contribution
    /// rate of consumption to growth is 57.8%").
    paragraph_outcomes: bool,
    /// The year the text named last, for "by that time".
    last_named_year: Option<i32>,
}

impl<'a> Walker<'a> {
    fn heading(&mut self, line: &Line, read: &SentenceRead) {
        let (s, e) = (line.start, line.end);
        let refs: &[TimeRef] = read.figures.as_ref().map_or(&[], |f| f.refs.as_slice());
        let year = refs.iter().find_map(|r| match r.when {
            When::Year(y, p) => Some(Ctx { year: y, period: p }),
            When::ContextOffset(_) | When::Previous => None,
        });
        if self.lead_seen == 0 {
            self.note_plan(refs, s, e, true);
        }
        let l = &self.text[s..e];
        if year.is_some() || roman_heading(l) {
            // a heading of the report's own year ("Government Work Report 2019") says no
            // more than the document does
            self.section = year.filter(|c| c.year != self.info.report_year || c.period.is_some());
        }
        self.paragraph = None;
        // A sub-heading about one province sets the scene for what follows.
        if matches!(self.info.mode, Mode::Roundup) {
            let mut units = read
                .mentions
                .iter()
                .filter(|m| m.kind != PlaceKind::National)
                .map(|m| m.unit);
            self.carry = match units.next() {
                Some(u) if units.all(|x| x == u) => Some(u),
                _ => None,
            };
        }
    }

    /// Walk a sentence read by `read_sentence`: its figures get their time, place and kind
    /// from the sentence and what came before it.
    fn sentence(&mut self, read: SentenceRead) {
        let SentenceRead {
            s,
            e,
            line_start,
            pronoun_start,
            mentions,
            figures,
        } = read;
        let text = self.text;
        self.pronoun_start = pronoun_start;
        self.same_paragraph = !line_start;
        if line_start {
            self.paragraph_outcomes = false;
        }
        // whom the sentence's figures went to
        let mut figures_of: Option<u16> = None;
        if let Some(Figures {
            toks,
            refs,
            mut free,
            mut qs,
            marks,
            topic,
        }) = figures
        {
            // "By that time" is the year named last: in this sentence before it, or before
            let named_before = |pos: usize| {
                refs.iter()
                    .rev()
                    .filter(|r| r.pos < pos)
                    .find_map(|r| match r.when {
                        When::Year(y, _) => Some(y),
                        _ => None,
                    })
                    .or(self.last_named_year)
            };
            let resolve = |t: TimeRef| match t.when {
                When::Previous => named_before(t.pos).map(|y| TimeRef {
                    when: When::Year(y, None),
                    ..t
                }),
                _ => Some(t),
            };
            free = free.into_iter().filter_map(resolve).collect();
            for q in qs.iter_mut() {
                q.time = q.time.and_then(resolve);
            }
            if let Some(y) = refs.iter().rev().find_map(|r| match r.when {
                When::Year(y, _) => Some(y),
                When::Previous => named_before(r.pos),
                When::ContextOffset(_) => None,
            }) {
                self.last_named_year = Some(y);
            }
            let reader =
                SentenceReader::new(self.lex, text, &toks, line_start, self.info.report_year);
            let _ = reader.tense_marks.set(marks);
            if self.lead_seen < 4 {
                self.note_plan(&refs, s, e, false);
            }
            if !qs.is_empty() {
                let from = self.out.len();
                self.assemble(&reader, &mut qs, &free, &mentions, s, e);
                figures_of = self.out[from..]
                    .last()
                    .and_then(|x| self.lex.unit_by_name(&x.province));
                // a sentence of outcomes only: one that sets a target beside last year's
                // figure ("is 5%, higher than its 4.8% growth rate in 2023") is none
                if self.out.len() > from {
                    self.paragraph_outcomes =
                        self.out[from..].iter().all(|x| x.kind == Kind::Actual);
                }
            }
            if let Some(c) = topic {
                self.paragraph = Some(c);
            }
            // A time phrase that opens the sentence sets the scene for the paragraph.
            if let Some(first) = free.first() {
                let lead_words = text[s..first.pos].split_whitespace().count();
                if lead_words <= 3
                    && let When::Year(y, p) = first.when
                {
                    self.paragraph = Some(Ctx { year: y, period: p });
                }
            }
        }
        // roundups: remember who the sentence was about
        if mentions
            .iter()
            .any(|m| m.kind != PlaceKind::National && !m.weak)
        {
            self.carry_group = self
                .coordinated(&mentions, false)
                .pop()
                .map(|run| run.units)
                .unwrap_or_default();
        }
        if let Some(m) = mentions
            .iter()
            .rev()
            .find(|m| !m.weak && m.kind != PlaceKind::National)
            .or_else(|| {
                mentions
                    .iter()
                    .rev()
                    .find(|m| m.kind != PlaceKind::National)
            })
        {
            let own = match &self.info.mode {
                Mode::Single(u) => self.lex.unit_by_name(u),
                _ => None,
            };
            // the last of a list ("the region, which embraces Shanghai, Jiangsu, Zhejiang
            // and Anhui") is not what the next sentence goes on about, and nor is a place
            // before the text's word for itself ("... the region's R&D spending")
            let listed = in_a_list(text, &mentions, m);
            let self_after = own.is_some()
                && self
                    .lex
                    .last_self_word(text.get(m.end..e).unwrap_or(""))
                    .is_some();
            // the place the sentence's figures are about, in a one-place text its own
            // ("Zhu Wei, director of the GBA office in Guangdong, said the output of the
            // GBA was ...")
            self.carry = if listed || self_after || (own.is_some() && figures_of == own) {
                own
            } else {
                Some(m.unit)
            };
        } else if !matches!(self.info.mode, Mode::Single(_))
            && mentions
                .iter()
                .any(|m| m.kind == PlaceKind::National && !m.weak && !m.aside)
        {
            // "China stabilized the economy ... Its grain output hit a record": a sentence
            // about the country ends what the sentences before said of a province (the
            // city where the report was delivered)
            self.carry = None;
        }
    }

    /// The time a figure's sentence and its surroundings give it, innermost first, and
    /// whether anything gave one at all.
    /// `claimed`: positions of the time phrases that directly follow another figure.
    fn context(
        &self,
        free: &[TimeRef],
        claimed: &[usize],
        pos: usize,
        clause_end: usize,
    ) -> (Ctx, Origin) {
        // "set at 4.5-5%, down from last year's target of around 5%, with ...": a
        // possessive time dates the rest of its own clause only
        let before = free.iter().rev().find(|r| {
            r.pos < pos
                && !(r.possessive
                    && self.text.get(r.pos..pos).is_none_or(|b| {
                        b.contains([',', ';', '，', '；'])
                            || [" - ", " – ", " — "].iter().any(|d| b.contains(d))
                    }))
        });
        let after = free
            .iter()
            .find(|r| r.pos > pos && r.pos < clause_end && !r.possessive);
        // "... to 24.4% in 2023, with a growth rate of 5.4% in the first three quarters of
        // this year": a phrase dating the figure before yields to the figure's own
        let own_after = after.is_some_and(|a| matches!(a.when, When::Year(..)))
            && before.is_some_and(|b| claimed.contains(&b.pos));
        if !own_after
            && let Some(r) = before
            && let When::Year(y, p) = r.when
        {
            return (Ctx { year: y, period: p }, Origin::Stated);
        }
        if let Some(r) = after
            && let When::Year(y, p) = r.when
        {
            return (Ctx { year: y, period: p }, Origin::Stated);
        }
        if let Some(c) = self.paragraph {
            return (c, Origin::Context);
        }
        if let Some(c) = self.section {
            return (c, Origin::Section);
        }
        (
            Ctx {
                year: self.info.report_year,
                period: None,
            },
            Origin::Default,
        )
    }

    /// Who a figure at `pos` is about. The sentence's own words decide where they are
    /// clear: the nearest name before the figure that owns it (a subject or possessive,
    /// not an aside such as "near Beijing"), or a place the figure is "in" right after it.
    /// How clear they must be depends on the document: a roundup follows every name, a
    /// national text only a province that is the subject, a one-province text only
    /// another place named as the owner (a member province of a regional text, the
    /// country's own average).
    fn province(&self, mentions: &[Mention], pos: usize, clause_end: usize) -> (String, Whence) {
        let lex = self.lex;
        let name = |u: u16| (lex.unit_name(u).to_string(), Whence::Named);
        let carried = |u: u16| (lex.unit_name(u).to_string(), Whence::Carried);
        let china = || (lex.unit_name(lex.national).to_string(), Whence::Document);
        let text = self.text;
        // a difference against a place's figure is not that place's figure: "exceeded the
        // country's average growth rate by 1.4 percentage points"
        let owns = |m: &Mention| {
            let between = &text[m.end..pos];
            (!m.aside || owned_right_after(between))
                && !m.weak
                && !between
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("than"))
        };
        // "Guangdong, the country's largest provincial economy, set its target at ...":
        // a name in the apposition of another describes it
        let in_apposition = |m: &Mention| {
            // the name right before it, with no figure or clause break between
            let prev = mentions.iter().rev().find(|o| o.end < m.pos);
            prev.is_some_and(|o| {
                let between = &text[o.end..m.pos];
                (o.subject || o.initial)
                    && !between.contains([';', '；', '%'])
                    && !between.contains(|c: char| c.is_ascii_digit())
                    && {
                        // past the rest of the name: "Guangdong Province, an economic
                        // powerhouse that accounts for a tenth of the country's GDP, targets"
                        let gap = between.trim_start();
                        let gap = NAME_CONTINUERS
                            .iter()
                            .find_map(|w| gap.strip_prefix(w))
                            .unwrap_or(gap);
                        let gap = gap.trim_start();
                        // ", and Guangxi" goes on with a list
                        gap.starts_with(',')
                            && gap.matches(',').count() == 1
                            && !["and ", "or "]
                                .iter()
                                .any(|w| gap[1..].trim_start().starts_with(w))
                    }
            })
        };
        let before = || {
            mentions
                .iter()
                .filter(|m| m.pos < pos)
                .filter(|m| !in_apposition(m))
                .rev()
        };
        let after_in = || {
            mentions
                .iter()
                .filter(|m| m.pos > pos && m.pos < clause_end && m.locative && !m.weak)
        };
        match &self.info.mode {
            Mode::Single(u) => {
                let own = lex.unit_by_name(u);
                let members = own.map_or(&[][..], |o| lex.members[o as usize].as_slice());
                let other = |m: &Mention| Some(m.unit) != own;
                // the country's own figure in a provincial text: "the national average of
                // 6.9 percent", "China's GDP grew 6.1%", in the figure's own clause
                let national_owner = |m: &Mention| {
                    let between = &text[m.end..pos];
                    m.kind == PlaceKind::National
                        && !between.contains([',', ';', ':', '，', '；'])
                        && (text[m.end..].starts_with(" of ")
                            || text[m.end..].starts_with("'s")
                            || text[m.end..].starts_with("’s")
                            // "In the same year, China recorded 7.4 percent growth"
                            || (m.subject && m.initial && !m.weak))
                        && !m.locative
                        && (!preceded_by_preposition(text, m.pos)
                            // "lower than the national average of 6.9 percent": the
                            // figure is the country's own, whatever the sentence does with it
                            || (owned_right_after(between)
                                && between.trim_start().starts_with("of ")))
                };
                // "Tianjin added ..., and the region's GDP grew 5 percent": the text's
                // word for itself stands between
                let self_between = |m: &Mention| {
                    text.get(m.end..pos)
                        .is_some_and(|b| lex.last_self_word(b).is_some())
                };
                // another province as the subject of its clause, or right before its own
                // figure: "Tianjin aims for 5 percent", "higher than Jilin's 3 percent"
                let province_owner = |m: &Mention| {
                    m.kind == PlaceKind::Province
                        && !m.weak
                        && ((m.subject && m.initial && !m.aside)
                            || (m.possessive && owned_right_after(&text[m.end..pos])))
                };
                if let Some(m) = before().find(|m| owns(m) && (m.subject || m.possessive))
                    && other(m)
                    && !self_between(m)
                    && (members.contains(&m.unit) || national_owner(m) || province_owner(m))
                {
                    return name(m.unit);
                }
                // "resettled in Hebei"; but "in Beijing, Tianjin and Hebei" is the region
                let after: Vec<&Mention> = after_in().collect();
                if let Some(m) = after.first()
                    && members.contains(&m.unit)
                    && !after.iter().any(|o| o.unit != m.unit)
                {
                    return name(m.unit);
                }
                // "The figure fell within the target range ...", or any sentence naming no
                // place, after a sentence of the same paragraph about a member province
                if (self.pronoun_start || self.same_paragraph)
                    && !mentions.iter().any(|m| m.pos < pos)
                    && let Some(c) = self.carry
                    && members.contains(&c)
                {
                    return carried(c);
                }
                let named = own.is_some_and(|o| mentions.iter().any(|m| m.unit == o));
                (
                    u.clone(),
                    if named {
                        Whence::Named
                    } else {
                        Whence::Document
                    },
                )
            }
            Mode::National => {
                let metonym = |m: &Mention| is_metonym(lex, text, m.pos, m.end);
                if let Some(m) = before().find(|m| owns(m) && !metonym(m))
                    && m.kind != PlaceKind::National
                    && (m.subject || m.possessive || m.locative)
                {
                    return name(m.unit);
                }
                if let Some(m) = after_in().find(|m| m.kind != PlaceKind::National) {
                    return name(m.unit);
                }
                if mentions.is_empty()
                    && self.pronoun_start
                    && let Some(u) = self.carry
                {
                    // "It's forecasting growth of around 5% this year." after a sentence
                    // about Tianjin
                    return carried(u);
                }
                let national = mentions.iter().any(|m| m.kind == PlaceKind::National);
                let (c, _) = china();
                (
                    c,
                    if national {
                        Whence::Named
                    } else {
                        Whence::Document
                    },
                )
            }
            Mode::Roundup => {
                // "Xinjiang aims ... The far western region was another high performer":
                // a region's common name, lower-case, describing the province before
                let epithet = |m: &Mention| {
                    m.kind == PlaceKind::Region
                        && text[m.pos..m.end].starts_with(|c: char| c.is_lowercase())
                        && m.initial
                        && self
                            .carry
                            .is_some_and(|c| lex.members[m.unit as usize].contains(&c))
                };
                if let Some(m) = before().find(|m| owns(m)) {
                    if epithet(m)
                        && let Some(c) = self.carry
                    {
                        return carried(c);
                    }
                    return name(m.unit);
                }
                if let Some(m) = before().find(|m| m.kind != PlaceKind::National && !m.aside) {
                    return name(m.unit);
                }
                if let Some(m) = after_in().next() {
                    return name(m.unit);
                }
                if let Some(m) = mentions
                    .iter()
                    .find(|m| m.pos > pos && !m.weak && !m.aside && m.kind != PlaceKind::National)
                {
                    return name(m.unit);
                }
                match self.carry {
                    Some(u) => carried(u),
                    None => china(),
                }
            }
        }
    }

    /// The figures of a plan-implementation table row: the projected figure a target,
    /// the actual figure an outcome, of the table's year.
    fn table_row(&mut self, line: &Line, row: &table::Row, year: Option<i32>) {
        let text = self.text;
        let base = line.start;
        let label = text[base + row.label.0..base + row.label.1].to_string();
        let year = year.unwrap_or(self.info.report_year);
        let province = match &self.info.mode {
            Mode::Single(u) => u.clone(),
            Mode::National => self.lex.unit_name(self.lex.national).to_string(),
            Mode::Roundup => self
                .carry
                .map_or(self.lex.unit_name(self.lex.national), |u| {
                    self.lex.unit_name(u)
                })
                .to_string(),
        };
        for c in &row.cells {
            let indicator = if c.growth {
                format!("{label} growth")
            } else {
                label.clone()
            };
            let key = self.key(&indicator, &c.unit);
            self.out.push(Extraction {
                kind: c.kind,
                province: province.clone(),
                year,
                period: None,
                indicator,
                indicator_key: key,
                value: c.value,
                unit: c.unit.clone(),
                comparator: c.comparator,
                baseline: None,
                wording: text[base + c.start..base + c.end].to_string(),
                sentence: Span::new(line.start, line.end),
                number: Span::new(base + c.start, base + c.end),
                // a table row says what each number is: only its year and place are
                // the document's
                confidence: Some(0.9),
                doubt: None,
            });
        }
    }

    /// The title, or a first sentence that speaks of plans and targets, naming a
    /// five-year span makes it the document's plan period.
    fn note_plan(&mut self, refs: &[TimeRef], s: usize, e: usize, title: bool) {
        self.lead_seen = if title { 1 } else { self.lead_seen.max(1) + 1 };
        let l = self.text[s..e].to_lowercase();
        let about_plans = title
            || ["plan", "outline", "draft", "blueprint", "targets", "goals"]
                .iter()
                .any(|w| l.contains(w));
        if !about_plans {
            return;
        }
        if self.lead_seen <= 2
            && let Some(p) = refs.iter().find_map(|r| match r.when {
                When::Year(_, Some(p)) if p.end - p.start == 4 => Some(p),
                _ => None,
            })
        {
            self.plan = Some(p);
        }
        // a plan's lead that sets its horizon ("the State Council's blueprint calls for
        // ... goals being met by 2025"); not a work report's, whose targets are annual
        let a_plan = ["plan", "outline", "blueprint"]
            .iter()
            .any(|w| l.contains(w))
            && !l.contains("work report");
        if a_plan && self.horizon.is_none() {
            let r = self.info.report_year;
            self.horizon = refs.iter().find_map(|t| match t.when {
                When::Year(y, None)
                    if y > r && y <= r + 10 && self.text[..t.pos].trim_end().ends_with(" by") =>
                {
                    Some(y)
                }
                _ => None,
            });
        }
    }

    /// Does the sentence state a rate or total over a span ("a year", "on average", "a
    /// total of")?
    fn over_a_span(&self, reader: &SentenceReader) -> bool {
        self.lex
            .span_words
            .any_in(self.text, reader.toks, 0, reader.toks.len())
    }

    fn data_year_of(&self, province: &str) -> Option<Ctx> {
        let own = self.data_year.iter().find(|(p, _)| p == province);
        // in a roundup each province reports on its own year; elsewhere the text does
        let year = match (&self.info.mode, own) {
            (_, Some(&(_, y))) => Some(y),
            // unless every place so far has reported on one and the same year
            (Mode::Roundup, None) => {
                let mut years = self.data_year.iter().map(|&(_, y)| y);
                years
                    .next()
                    .filter(|&y| y < self.info.report_year)
                    .filter(|&y| years.all(|o| o == y))
            }
            (_, None) => self.data_year.iter().map(|&(_, y)| y).max(),
        };
        year.map(|year| Ctx { year, period: None })
    }

    fn note_data_year(&mut self, province: &str, year: i32) {
        match self.data_year.iter_mut().find(|(p, _)| p == province) {
            Some((_, y)) => *y = (*y).max(year),
            None => self.data_year.push((province.to_string(), year)),
        }
    }

    fn key(&mut self, label: &str, unit: &str) -> Option<String> {
        self.key_buf.clear();
        self.key_buf.push_str(label);
        self.key_buf.push('\0');
        self.key_buf.push_str(unit);
        if let Some(v) = self.keys.get(self.key_buf.as_str()) {
            return v.clone();
        }
        let v = indicator::key(self.lex, label, unit);
        self.keys.insert(self.key_buf.clone(), v.clone());
        v
    }

    /// Provinces named together as the subject of a roundup sentence or clause
    /// ("Jiangxi and Sichuan both set ...", "Shanghai, Beijing and Tianjin ..."): each
    /// figure after them is a statement about each.
    fn coordinated_subjects(&self, mentions: &[Mention]) -> Vec<Run> {
        self.coordinated(mentions, true)
    }

    /// Runs of provinces named together; with `subject_only` only those that open their
    /// sentence or follow "both".
    fn coordinated(&self, mentions: &[Mention], subject_only: bool) -> Vec<Run> {
        // in a one-province text only the member provinces of a regional one
        let members: Option<&[u16]> = match &self.info.mode {
            Mode::Single(u) => Some(
                self.lex
                    .unit_by_name(u)
                    .map_or(&[][..], |o| self.lex.members[o as usize].as_slice()),
            ),
            _ => None,
        };
        if members.is_some_and(<[u16]>::is_empty) {
            return Vec::new();
        }
        // "the western provinces Sichuan and Yunnan": a region right before the names
        // describes them
        let describes_next = |m: &Mention| {
            m.kind == PlaceKind::Region
                && mentions.iter().any(|n| {
                    n.pos >= m.end
                        && self.text[m.end..n.pos]
                            .trim_start_matches(['\'', '’', 's'])
                            .trim()
                            .is_empty()
                })
        };
        let provinces: Vec<&Mention> = mentions
            .iter()
            .filter(|m| m.kind != PlaceKind::National && !m.weak && !describes_next(m))
            .collect();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < provinces.len() {
            let mut run = vec![provinces[i]];
            while let Some(next) = provinces.get(i + run.len()) {
                let gap = &self.text[run[run.len() - 1].end..next.pos];
                // "Guangxi Zhuang Autonomous Region and Ningxia ...": past the designator
                let gap = self.lex.strip_designator(gap.trim_start()).unwrap_or(gap);
                let gap = gap.trim_matches(|c: char| c.is_whitespace() || c == ',');
                if coordinating_gap(gap) {
                    run.push(next);
                } else {
                    break;
                }
            }
            let mut units: Vec<u16> = run.iter().map(|m| m.unit).collect();
            units.dedup();
            // "The GDP of both Beijing and Hebei reached ..."
            let both = preceding_word_is(self.text, run[0].pos, "both");
            // "while Hubei and Gansu all trimmed it by 0.5 percentage point": the subject
            // (whose figures "respectively" still pairs)
            let all_after = run.len() >= 2 && {
                let w = next_word(&self.text[run[run.len() - 1].end..]);
                w.eq_ignore_ascii_case("both") || w.eq_ignore_ascii_case("all")
            };
            // "Provinces with larger economies such as Guangdong, Jiangsu, and Zhejiang
            // have set their GDP targets at 5 per cent": examples that are the subject
            let examples = preceding_word_is(self.text, run[0].pos, "as")
                && {
                    let before = self.text[..run[0].pos].trim_end();
                    before
                        .get(before.len().saturating_sub(7)..)
                        .is_some_and(|w| w.eq_ignore_ascii_case("such as"))
                }
                && run[run.len() - 1].subject;
            // "Three of China's top five provinces – Guangdong, Shandong and Zhejiang – aim
            // for ...": the list between dashes names the subject before its verb
            let dashed = {
                let before = self.text[..run[0].pos].trim_end();
                let after = self.text[run[run.len() - 1].end..].trim_start();
                let dash = |c: char| matches!(c, '–' | '—' | '-');
                before.ends_with(dash)
                    && after.starts_with(dash)
                    && self
                        .lex
                        .subject_after
                        .has_word(next_word(after.trim_start_matches(dash)))
            };
            // "China's economic powerhouses Guangdong province, Shanghai and Beijing
            // targeted ...": a list right before its verb is its subject
            let last = run[run.len() - 1];
            let before_verb = run.len() >= 2 && last.subject && !last.possessive && !run[0].aside;
            if (run[0].initial
                || both
                || all_after
                || examples
                || dashed
                || before_verb
                || !subject_only)
                && units.len() >= 2
                && members.is_none_or(|ms| units.iter().all(|u| ms.contains(u)))
            {
                runs.push(Run {
                    units,
                    end: run[run.len() - 1].end,
                    both,
                });
            }
            i += run.len();
        }
        runs
    }

    /// "(those with annual revenue of greater than 20 million yuan)": the size that defines
    /// a set of enterprises.
    fn defines_a_set(&self, reader: &SentenceReader, q: &Quantity) -> bool {
        let toks = reader.toks;
        let text = self.text;
        let start = q.cmp_start.unwrap_or(q.t0);
        let from = start.saturating_sub(6);
        let words: Vec<&str> = toks[from..start]
            .iter()
            .filter(|t| t.kind == text::Tk::Word)
            .map(|t| t.text(text))
            .collect();
        words.iter().any(|w| eq_word(w, "annual"))
            && words.iter().any(|w| self.lex.size_nouns.has_word(w))
            && words.last().is_some_and(|w| eq_word(w, "of"))
    }

    /// The nearest subject before the figure is an unnamed group of provinces ("Twelve
    /// provinces", "many major economic provinces", "all localities") and no province is
    /// named after it. A regional text's "the three provinces" is the region itself.
    /// "The 2024 GDP growth targets range from 4.5 to 8 percent": a spread over the
    /// provinces of a roundup or national text, whatever their number.
    fn spread(&self, reader: &SentenceReader, qs: &[Quantity], k: usize) -> bool {
        if matches!(self.info.mode, Mode::Single(_)) {
            return false;
        }
        let toks = reader.toks;
        let word = |k: usize| toks.get(k).map_or("", |t| t.text(self.text));
        let from_range = |t0: usize| {
            t0 >= 2
                && eq_word(word(t0 - 1), "from")
                && ["range", "ranged", "ranging", "ranges"]
                    .iter()
                    .any(|w| eq_word(word(t0 - 2), w))
        };
        from_range(qs[k].t0) || qs[k].baselines.iter().any(|&b| from_range(qs[b].t0))
    }

    fn about_a_group(&self, reader: &SentenceReader, mentions: &[Mention], q: &Quantity) -> bool {
        let toks = reader.toks;
        let text = self.text;
        // "more than two-thirds of the provincial-level regions", "half of the cities": a
        // share of the places reported on
        if q.noun_kind == sentence::NounKind::Of
            && q.unit.as_deref() == Some("%")
            && q.noun.is_some_and(|(a, b)| {
                (a..b.min(toks.len())).any(|k| self.lex.group_nouns.has_word(toks[k].text(text)))
            })
        {
            return true;
        }
        if matches!(self.info.mode, Mode::Single(_)) {
            return false;
        }
        // "Twelve provinces", "other provinces", "many major economic provinces", "all
        // localities": a group noun with a quantifier before it
        // ("Most Chinese provincial-level regions": the hyphen's tokens count)
        let quantified = |g: usize| {
            (g.saturating_sub(6)..g).any(|k| {
                let w = toks[k].text(text);
                toks[k].kind == text::Tk::Num
                    || self.lex.number_word(w).is_some_and(|v| v >= 2.0)
                    || self.lex.group_quantifiers.has_word(w)
            })
        };
        // "lower than other provinces, but still higher than its 4.3% growth": a group
        // compared with is not the one the figure is about
        let compared =
            |g: usize| (g.saturating_sub(3)..g).any(|k| eq_word(toks[k].text(text), "than"));
        let Some(g) = (0..q.t0).rev().find(|&k| {
            toks[k].kind == text::Tk::Word
                && self.lex.group_nouns.has_word(toks[k].text(text))
                && quantified(k)
                && !compared(k)
        }) else {
            return false;
        };
        // "Jiangsu and Zhejiang provinces" names them
        let named_before = g > 0
            && mentions
                .iter()
                .any(|m| m.end <= toks[g].start && toks[g].start - m.end <= 2);
        let named_after = mentions.iter().any(|m| {
            m.pos > toks[g].end
                && m.pos < toks[q.t0].start
                && !m.aside
                && m.kind != PlaceKind::National
        });
        // "Guangdong, Jiangsu, and Shandong occupy the top three economic aggregates of
        // Chinese provinces, each exceeding 9 trillion yuan": the group only ranks the places
        // the sentence opens with
        let named_subject = self
            .coordinated_subjects(mentions)
            .iter()
            .any(|run| run.end <= toks[g].start);
        !named_before && !named_after && !named_subject
    }

    /// "Currently, 28.3 gigawatts are installed": the present, and no past verb.
    fn present_only(&self, reader: &SentenceReader) -> bool {
        let (toks, text) = (reader.toks, self.text);
        self.lex.present.any_in(text, toks, 0, toks.len())
            && !self.lex.past.any_in(text, toks, 0, toks.len())
    }

    /// A figure named as a target in a sentence about the past: "compared with last year's
    /// goal of about 6.5%", "the 2.6% target in 2018", "the report also aimed to create
    /// more than 11 million urban jobs in 2019".
    fn restated_target(&self, reader: &SentenceReader, q: &Quantity) -> bool {
        let toks = reader.toks;
        let text = self.text;
        let lex = self.lex;
        // the clause before the figure
        let a = reader.clause_start(q.t0);
        // "achieved above target GDP growth of 5.2 percent", "below-target growth of 4.1
        // percent": an outcome measured against the target
        let measured_against = |k: usize| {
            let mut p = k;
            while p > 0
                && toks[p - 1].kind == text::Tk::Punct
                && sentence::is_dash(toks[p - 1].text(text))
            {
                p -= 1;
            }
            p > 0
                && ["above", "below", "beyond", "under", "over"]
                    .iter()
                    .any(|w| eq_word(toks[p - 1].text(text), w))
        };
        let noun_near = (a..q.t0).any(|k| {
            toks[k].kind == text::Tk::Word
                && lex.target_nouns.has_word(toks[k].text(text))
                && q.t0 - k <= 5
                && !measured_against(k)
                && !(k + 1..q.t0).any(|g| lex.not_target_link.has_word(toks[g].text(text)))
        });
        let verb = (a..q.t0).any(|k| {
            toks[k].kind == text::Tk::Word && lex.target_verbs.has_word(toks[k].text(text))
        });
        let after = (q.t1..toks.len().min(q.t1 + 2)).any(|k| {
            toks[k].kind == text::Tk::Word && lex.target_nouns.has_word(toks[k].text(text))
        });
        // the clause frames what follows as a target: "One of the key targets under the
        // plan was to expand coverage to 95%", "The plan set targets for ... at 3.2"
        let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
        let framed = (a..q.t0).any(|k| {
            lex.target_nouns.has_word(word(k))
                && ((k > 0
                    && ["set", "sets", "setting"]
                        .iter()
                        .any(|w| eq_word(word(k - 1), w)))
                    || (k + 2..q.t0).any(|g| {
                        eq_word(word(g), "to")
                            && ["was", "were", "is", "are"]
                                .iter()
                                .any(|w| eq_word(word(g - 1), w))
                    }))
        });
        // a list the text introduces as its targets: "the main targets are as follows:
        // GDP grows by more than 7 percent, ..."
        let introduced = (0..q.t0).any(|c| {
            matches!(word(c), ":" | "：")
                && (c.saturating_sub(6)..c).any(|k| lex.target_nouns.has_word(word(k)))
        });
        noun_near || verb || after || framed || introduced
    }

    /// "The International Monetary Fund forecast China GDP to grow 4.6 percent", "the
    /// projection of eight to nine percent increase made by market institutions": a
    /// forecast by others is neither a target nor an outcome.
    fn forecast_by_others(&self, reader: &SentenceReader, q: &Quantity) -> bool {
        let (text, toks, lex) = (self.text, reader.toks, self.lex);
        let start = q.cmp_start.unwrap_or(q.t0);
        // the clause before the figure: a forecaster, then a word of forecasting
        let a = reader.clause_start(start);
        let forecaster = (a..start).find(|&k| lex.forecasters.longest_at(text, toks, k).is_some());
        let before = forecaster.is_some_and(|f| lex.forecast_words.any_in(text, toks, f, start));
        // "... made by international organisations", "... by economists"
        let after = (q.t1..toks.len().min(q.t1 + 6)).any(|k| {
            eq_word(toks[k].text(text), "by")
                && lex.forecasters.longest_at(text, toks, k + 1).is_some()
        }) && lex.forecast_words.any_in(text, toks, a, start);
        before || after
    }

    /// "(1 jin equals to 0.5 kg)", "1 mu is about 667 square metres": a unit defined by
    /// another; neither number is a figure.
    fn unit_definition(&self, reader: &SentenceReader, qs: &[Quantity], k: usize) -> bool {
        let toks = reader.toks;
        let word = |i: usize| toks.get(i).map_or("", |t| t.text(self.text));
        let defines = |d: &Quantity| {
            d.value == 1.0
                && d.unit.is_some()
                && !d.bare
                && ["equals", "equal", "is", "="]
                    .iter()
                    .any(|w| eq_word(word(d.t1), w))
        };
        defines(&qs[k]) || (k > 0 && defines(&qs[k - 1]) && qs[k].t0 <= qs[k - 1].t1 + 4)
    }

    /// "lowered their growth targets for 2019, from 7 percent to 6.5 percent": the figure
    /// after "from" is the old target, with a verb of revising and a target noun before it.
    fn revised_from(&self, reader: &SentenceReader, q: &Quantity) -> bool {
        let toks = reader.toks;
        let text = self.text;
        let word = |k: usize| (toks[k].kind == text::Tk::Word).then(|| toks[k].text(text));
        // "from 8%", or past a possessive time: "from last year's 8%"
        let from = (q.t0.saturating_sub(5)..q.t0)
            .rev()
            .find(|&k| word(k).is_some_and(|w| eq_word(w, "from")));
        let Some(from) = from else {
            return false;
        };
        let possessive_time = (from + 1..q.t0).all(|k| {
            let t = toks[k].text(text);
            [
                "last", "previous", "the", "year", "year's", "year’s", "s", "'", "’", "'s", "’s",
            ]
            .iter()
            .any(|w| eq_word(t, w))
        });
        if !possessive_time {
            return false;
        }
        // "raised the target from ...", and "the growth target would be lowered to 8.5
        // percent for 2015, from 9 percent last year", "The largest target adjustment came
        // from Tianjin, from 8 percent for 2017 to 5 percent": the target noun may come
        // first
        (0..q.t0).any(|k| self.lex.revise_verbs.longest_at(text, toks, k).is_some())
            && (0..q.t0).any(|k| word(k).is_some_and(|w| self.lex.target_nouns.has_word(w)))
    }

    /// The stated year decides; within the report year, the plan wording or the tense.
    fn kind_of(&self, reader: &SentenceReader, qs: &[Quantity], k: usize, year: i32) -> Kind {
        let q = &qs[k];
        let r = self.info.report_year;
        if q.plan_figure || year > r {
            return Kind::Target;
        }
        // A work report, or news of the congress that hears it, is given as the year
        // begins: "this year" has no outcome yet, whatever the reporter's verb ("Another
        // addendum to the report was keeping GDP growth at 6.5 percent this year").
        if year == r
            && self.info.reviews_last_year
            && q.time
                .is_some_and(|t| t.current && matches!(t.when, When::Year(_, None)))
        {
            return Kind::Target;
        }
        if year < r {
            // either end of a range: "the target range of 6 percent to 6.5 percent"
            if self.restated_target(reader, q)
                || q.range_with
                    .is_some_and(|o| self.restated_target(reader, &qs[o]))
            {
                return Kind::Target;
            }
            return Kind::Actual;
        }
        // "One of the key targets under the plan was to expand coverage to 95%", "The
        // plan set targets ... at 3.2 and 3.8 by 2025": a target told in the past tense
        match self.tense_at(reader, q.t0) {
            Kind::Actual if self.restated_target(reader, q) => Kind::Target,
            t => t,
        }
    }

    /// The tense that governs the figure starting at token `at`: the nearest sign of
    /// tense before it in its sentence (or, with none before, after it). A form such as
    /// "kept" or "controlled" is a participle, not a past verb, without an auxiliary in a
    /// sentence that speaks of the future ("will grow 6%, with unemployment kept within
    /// 5.5%"); weaker signs of the future ("goals", "to be") count where nothing else does.
    fn tense_at(&self, reader: &SentenceReader, at: usize) -> Kind {
        let marks = reader
            .tense_marks
            .get_or_init(|| tense_marks(self.lex, self.text, reader.toks));
        let at = at.min(marks.len().saturating_sub(1));
        // the nearest sign before the figure, a weak one only if it is nearer than any
        // other
        for end in (1..=at).rev() {
            match marks[end] {
                TenseMark::Future | TenseMark::Weak => return Kind::Target,
                TenseMark::Done => return Kind::Actual,
                TenseMark::None => {}
            }
        }
        let after = &marks[at + 1..];
        after
            .iter()
            .find_map(|m| match m {
                TenseMark::Future => Some(Kind::Target),
                TenseMark::Done => Some(Kind::Actual),
                _ => None,
            })
            .unwrap_or(
                // nothing in the sentence speaks: it goes on as its paragraph did
                if self.same_paragraph
                    && self.paragraph_outcomes
                    && !after.contains(&TenseMark::Weak)
                {
                    Kind::Actual
                } else {
                    Kind::Target
                },
            )
    }

    fn assemble(
        &mut self,
        reader: &SentenceReader,
        qs: &mut [Quantity],
        free: &[TimeRef],
        mentions: &[Mention],
        s: usize,
        e: usize,
    ) {
        let toks = reader.toks;
        let text = self.text;
        let r = self.info.report_year;
        // starts of one "from ... to" share a time phrase given to any of them
        for k in 0..qs.len() {
            if qs[k].is_start
                && qs[k].time.is_none()
                && let Some(t) = qs[k + 1..]
                    .iter()
                    .take_while(|q| q.is_start)
                    .find_map(|q| q.time)
            {
                qs[k].time = Some(t);
            }
        }
        // a time phrase after a figure can date it only up to the next figure or ";"
        let clause_end = |q: &Quantity| {
            let semicolon = (q.t1..toks.len())
                .find(|&k| matches!(toks[k].text(text), ";" | "；"))
                .map_or(e, |k| toks[k].start);
            // the figures of a list ("at 3.2 and 3.8, respectively, by 2025") share the
            // time phrase after the last of them
            let mut last_end = q.t1;
            let next = qs
                .iter()
                .filter(|n| n.t0 >= q.t1 && n.conversion_of.is_none())
                .find(|n| {
                    let listed = n.t0 >= last_end
                        && (last_end..n.t0).all(|k| sentence::list_separator(toks[k].text(text)));
                    if listed {
                        last_end = n.t1;
                    }
                    !listed
                })
                .map_or(e, |n| toks[n.t0].start);
            semicolon.min(next)
        };
        let claimed: Vec<usize> = qs.iter().filter_map(|q| q.time.map(|t| t.pos)).collect();
        let ctxs: Vec<(Ctx, Origin)> = qs
            .iter()
            .map(|q| {
                let pos = toks[q.tn].start;
                // "Beijing aims for 8 percent, higher than its 7.7 percent growth in 2012,
                // while Shanghai has set a 7.5 percent target": a time phrase after a
                // figure says nothing of a later clause with a subject of its own
                // (a clause with no verb of its own shares it: "with Jiangxi growing 8.5%
                // last year and Tianjin, near Beijing, managing a 4.5% expansion")
                let marks = reader
                    .tense_marks
                    .get_or_init(|| tense_marks(self.lex, text, toks));
                let own_verb = |from: usize| {
                    let a = toks.partition_point(|t| t.start < from);
                    let finite = toks.get(a).is_some_and(|t| {
                        let w = t.text(text);
                        self.lex.subject_after.has_word(w) || self.lex.past.has_word(w)
                    });
                    finite
                        || (a + 1..=q.t0.min(marks.len() - 1)).any(|k| marks[k] != TenseMark::None)
                };
                let trailing_other = |r: &TimeRef| {
                    qs.iter().any(|o| toks[o.t1 - 1].end <= r.pos)
                        && mentions.iter().any(|m| {
                            m.pos > r.pos
                                && m.pos < pos
                                && m.subject
                                && !m.weak
                                && m.kind != PlaceKind::National
                                && own_verb(m.end)
                        })
                };
                let own_free: Vec<TimeRef>;
                let free = if free.iter().any(|r| r.pos < pos && trailing_other(r)) {
                    own_free = free
                        .iter()
                        .filter(|r| !trailing_other(r))
                        .copied()
                        .collect();
                    &own_free[..]
                } else {
                    free
                };
                let (base, origin) = self.context(free, &claimed, pos, clause_end(q));
                match q.time.map(|t| t.when) {
                    Some(When::Year(y, p)) => (Ctx { year: y, period: p }, Origin::Stated),
                    Some(When::ContextOffset(o)) => (
                        Ctx {
                            year: base.year + o,
                            period: None,
                        },
                        Origin::Stated,
                    ),
                    // resolved by the walk; unresolved, it says nothing
                    Some(When::Previous) | None => (base, origin),
                }
            })
            .collect();
        // a conversion in brackets is of the figure's own time, and so is the other end of
        // a range ("the target range of 6 percent to 6.5 percent that it set at the
        // beginning of 2017")
        let ctxs: Vec<(Ctx, Origin)> = (0..qs.len())
            .map(|k| match (qs[k].conversion_of, qs[k].range_with) {
                (Some(m), _) if qs[k].time.is_none() => ctxs[m],
                (_, Some(o)) if ctxs[k].1 != Origin::Stated && ctxs[o].1 == Origin::Stated => {
                    ctxs[o]
                }
                _ => ctxs[k],
            })
            .collect();
        let span_of = |q: &Quantity| Span::new(toks[q.t0].start, toks[q.t1 - 1].end);
        // outputs of this sentence start here (a start shared by two ends is output once)
        let first_out = self.out.len();
        // provinces named together as a subject, and the figures that follow each run
        // (up to the next province named)
        let respectively = self.text[s..e].contains("respectively");
        // "Last year the economies of Anhui and Jiangxi reached 3.9 and 2.6 trillion yuan
        // respectively": the word pairs the figures with the places wherever they stand
        let mut runs = if respectively {
            self.coordinated(mentions, false)
        } else {
            self.coordinated_subjects(mentions)
        };
        // "The two also led the country ...", "Their regional GDP climbed ...": the
        // provinces named together in the sentence before
        if runs.is_empty()
            && self.carry_group.len() >= 2
            && !mentions
                .iter()
                .any(|m| m.kind != PlaceKind::National && !m.weak)
            && self.lex.starts_with_plural_anaphora(&text[s..e])
        {
            runs.push(Run {
                units: self.carry_group.clone(),
                end: s,
                both: false,
            });
        }
        let run_of = |k: usize| -> Option<usize> {
            let pos = toks[qs[k].tn].start;
            let r = runs.iter().rposition(|run| run.end < pos)?;
            let end = runs[r].end;
            let other = mentions
                .iter()
                .any(|m| m.pos > end && m.pos < pos && m.kind != PlaceKind::National && !m.weak);
            (!other).then_some(r)
        };
        let subject_of: Vec<Option<usize>> = (0..qs.len())
            .map(|k| {
                if qs[k].emit && !qs[k].is_start {
                    run_of(k)
                } else {
                    None
                }
            })
            .collect();
        // figures that are not statements about a province: a definition ("enterprises
        // with an annual business turnover of at least 20 million yuan") or a statement
        // about an unnamed group ("Twelve provinces ... projected growth of around 6%"),
        // or a forecast by others (one look for a forecaster in the sentence, not one for
        // each figure)
        let forecasting = self.lex.forecasters.any_in(text, toks, 0, toks.len());
        let mut skipped: Vec<bool> = (0..qs.len())
            .map(|k| {
                self.defines_a_set(reader, &qs[k])
                    || self.about_a_group(reader, mentions, &qs[k])
                    || self.spread(reader, qs, k)
                    || self.unit_definition(reader, qs, k)
                    || (forecasting && self.forecast_by_others(reader, &qs[k]))
            })
            .collect();
        for k in 0..qs.len() {
            if let Some(m) = qs[k].conversion_of
                && skipped[m]
            {
                skipped[k] = true;
            }
        }
        let sentence = Span::new(s, e);
        for k in 0..qs.len() {
            let pushed_from = self.out.len();
            'emit: {
                let q = &qs[k];
                if q.is_start || !q.emit || skipped[k] {
                    break 'emit;
                }
                let (mut ctx, mut origin) = ctxs[k];
                let (province, whence) = self.province(mentions, toks[q.tn].start, clause_end(q));
                let mut year_src = match origin {
                    Origin::Stated | Origin::Context => YearSource::Stated,
                    Origin::Section => YearSource::Section,
                    Origin::Default => YearSource::Report,
                };
                // a section or paragraph about the future ("Facts about China's 2016-2020
                // growth plan") does not date what its sentences report as done or current
                // (nor, once the text has told the year of its outcomes, does a plan
                // period the title names: "China meets multiple targets for 14th Five-Year
                // Plan ahead of schedule ... by the end of 2024 ... coverage reached 95%")
                if origin == Origin::Section
                    && (ctx.year > r
                        || (ctx.period.is_some()
                            && self
                                .data_year_of(&province)
                                .is_some_and(|c| c.year < ctx.year)))
                    && self.tense_at(reader, q.t0) == Kind::Actual
                {
                    origin = Origin::Default;
                    ctx = Ctx {
                        year: r,
                        period: None,
                    };
                }
                if origin == Origin::Default {
                    // a target told in the past tense ("the key target was to expand
                    // coverage to 95%") is dated as a target
                    let t = match self.tense_at(reader, q.t0) {
                        Kind::Actual if self.restated_target(reader, q) => Kind::Target,
                        t => t,
                    };
                    if t == Kind::Actual && !q.plan_figure && !self.present_only(reader) {
                        // an outcome with no year of its own is of the year the text
                        // reports on: the one of the outcomes before it, or for a work
                        // report or an early-year release the year before
                        if let Some(c) = self.data_year_of(&province) {
                            ctx = c;
                            year_src = YearSource::Carried;
                        } else if self.info.reviews_last_year {
                            ctx = Ctx {
                                year: r - 1,
                                period: None,
                            };
                            year_src = YearSource::Carried;
                        }
                    } else if t == Kind::Target
                        && let Some(p) = self.plan
                    {
                        ctx = Ctx {
                            year: p.end,
                            period: self.over_a_span(reader).then_some(p),
                        };
                        year_src = YearSource::Section;
                    } else if t == Kind::Target
                        && let Some(h) = self.horizon
                    {
                        ctx = Ctx {
                            year: h,
                            period: None,
                        };
                        year_src = YearSource::Section;
                    }
                }
                let revised = self.revised_from(reader, q);
                // "from 9 percent last year" and "from last year's 8%" name their year;
                // "from 8.5 percent" is the year's before
                if revised
                    && q.time.is_none()
                    && q.t0 > 0
                    && eq_word(toks[q.t0 - 1].text(text), "from")
                {
                    ctx = Ctx {
                        year: ctx.year - 1,
                        period: None,
                    };
                }
                // "from 8 percent for 2017 to 5 percent for this year", of a target
                // adjustment: the new end is a target as well
                let revised_end = q
                    .baselines
                    .iter()
                    .any(|&b| self.revised_from(reader, &qs[b]));
                let kind = if revised || revised_end {
                    Kind::Target
                } else {
                    self.kind_of(reader, qs, k, ctx.year)
                };
                // "Jiangxi posted 4.1% growth versus its target of around 7%", "reported
                // only 2.6% growth, undershooting its goal of around 6%": the goal an
                // outcome is measured against is of the outcome's year (the outcome of
                // the same place: "Beijing's 7.7 percent growth in 2012 while Shanghai
                // has set a 7.5 percent target")
                if kind == Kind::Target
                    && origin == Origin::Default
                    && self.restated_target(reader, q)
                    && let Some(o) = self.out[first_out..]
                        .iter()
                        .rev()
                        .find(|x| x.kind == Kind::Actual && x.year < r && x.province == province)
                {
                    ctx = Ctx {
                        year: o.year,
                        period: None,
                    };
                    year_src = YearSource::Carried;
                }
                let evidence = Evidence {
                    whence,
                    year: year_src,
                    // the stated year decided against the verb: "In 2023, GDP will exceed
                    // 3 trillion yuan" in a 2024 text
                    tense_disagrees: kind != self.tense_at(reader, q.t0),
                    unit_inferred: q.unit_inferred,
                    bare: q.bare,
                    no_label: q.label.trim().is_empty(),
                    name_like: q.name_like,
                    weak_date: matches!(
                        self.info.date.source,
                        DateSource::MostFrequentYear | DateSource::Today
                    ),
                    mode: &self.info.mode,
                };
                let (confidence, doubt) = evidence.judge();
                if kind == Kind::Actual && origin != Origin::Default && ctx.year <= r {
                    self.note_data_year(&province, ctx.year);
                }
                let unit = q.unit.clone().unwrap_or_else(|| "count".into());
                let wording_start = q.cmp_start.map_or(toks[q.t0].start, |c| toks[c].start);
                let number = span_of(q);
                let base = Extraction {
                    kind,
                    province,
                    year: ctx.year,
                    period: ctx.period,
                    indicator: q.label.clone(),
                    indicator_key: self.key(&q.label, &unit),
                    value: q.value,
                    unit: unit.clone(),
                    comparator: q.cmp.unwrap_or(Comparator::Eq),
                    baseline: None,
                    wording: text[wording_start..number.end].to_string(),
                    sentence,
                    number,
                    confidence: Some(confidence),
                    doubt,
                };
                if q.baselines.is_empty() {
                    // "both Guangdong and Zhejiang have set 8 percent growth targets":
                    // two places, one statement each, told by the coordinated run below
                    let of_places = |l: &str| {
                        l.split_whitespace()
                            .any(|w| self.lex.unit_by_name(w).is_some())
                    };
                    match indicator::split_both(&base.indicator)
                        .filter(|(a, b)| !of_places(a) && !of_places(b))
                    {
                        Some((a, b)) => {
                            for l in [a, b] {
                                let key = self.key(&l, &unit);
                                self.out.push(Extraction {
                                    indicator_key: key,
                                    indicator: l,
                                    ..base.clone()
                                });
                            }
                        }
                        None => self.out.push(base),
                    }
                    break 'emit;
                }
                for &b in &q.baselines {
                    let bq = &qs[b];
                    let year = match bq.time.map(|t| t.when) {
                        Some(When::Year(y, _)) => y,
                        Some(When::ContextOffset(o)) => ctx.year + o,
                        Some(When::Previous) | None => match ctx.period {
                            Some(p) => p.start - 1,
                            None if kind == Kind::Target => r - 1,
                            None => ctx.year,
                        },
                    };
                    let mut x = base.clone();
                    x.baseline = Some(Baseline {
                        value: bq.value,
                        year,
                    });
                    self.out.push(x);
                    if bq.emit
                        && !self.out[first_out..]
                            .iter()
                            .any(|o| o.number == span_of(bq))
                    {
                        let bkind = if self.revised_from(reader, bq)
                            || (kind == Kind::Target && goal_like_start(reader, bq))
                        {
                            Kind::Target
                        } else if year < r {
                            Kind::Actual
                        } else {
                            self.kind_of(reader, qs, b, year)
                        };
                        let bunit = bq.unit.clone().unwrap_or_else(|| unit.clone());
                        let bkey =
                            self.key(&q.label, &bq.unit.clone().unwrap_or_else(|| unit.clone()));
                        self.out.push(Extraction {
                            kind: bkind,
                            year,
                            period: None,
                            value: bq.value,
                            indicator_key: bkey,
                            unit: bunit,
                            comparator: bq.cmp.unwrap_or(Comparator::Eq),
                            wording: text
                                [toks[bq.cmp_start.unwrap_or(bq.t0)].start..span_of(bq).end]
                                .to_string(),
                            number: span_of(bq),
                            province: self.province(mentions, toks[bq.tn].start, clause_end(bq)).0,
                            ..base.clone()
                        });
                    }
                }
            }
            // a figure after a coordinated subject is stated for each province
            if let Some(r) = subject_of[k] {
                let units = &runs[r].units;
                let mine: Vec<usize> = (0..qs.len())
                    .filter(|&q| subject_of[q] == Some(r))
                    .collect();
                // the items paired with the provinces: the two ends of a range are one
                // ("between 6 and 6.5 percent, above 6.5 percent and around 6.5 percent,
                // respectively"), and a "from X" before them all is said of each
                let mut items: Vec<usize> = Vec::with_capacity(mine.len());
                for (n, &q) in mine.iter().enumerate() {
                    let same = n > 0 && qs[q].range_with == Some(mine[n - 1]);
                    items.push(if same {
                        items[n - 1]
                    } else {
                        items.last().map_or(0, |l| l + 1)
                    });
                }
                let count = items.last().map_or(0, |l| l + 1);
                let first = mine.first().map(|&q| &qs[q]);
                let shared_from = count == units.len() + 1
                    && first
                        .is_some_and(|q| q.t0 > 0 && eq_word(toks[q.t0 - 1].text(text), "from"));
                let item = mine.iter().position(|&q| q == k).map_or(0, |n| items[n]);
                let pushed: Vec<Extraction> = self.out.drain(pushed_from..).collect();
                // "The GDP of both Beijing and Hebei reached 4.2 trillion yuan ... and 1.7
                // times that of 2013, respectively": "both" says each figure is of each
                // Lists in parallel pair in turn: "grew by 8.0 and 10.7 percent, up by 0.9
                // and 0.1 percentage points, respectively".
                let parallel = count > units.len() && count.is_multiple_of(units.len());
                // "Shanxi, Beijing, Shanghai and Henan ranked behind, the growth rate was
                // 4%, 6.7%, 6.7% and 6.8%": one list of as many figures as places pairs in
                // turn without the word
                let one_list = count == units.len()
                    && count >= 2
                    && mine.windows(2).all(|w| {
                        (qs[w[0]].t1..qs[w[1]].t0)
                            .all(|g| sentence::list_separator(toks[g].text(text)))
                    });
                let pairwise = (respectively || one_list)
                    && !runs[r].both
                    && (count == units.len() || shared_from || parallel)
                    && !(shared_from && item == 0);
                let i = item.saturating_sub(usize::from(shared_from)) % units.len().max(1);
                for x in pushed {
                    let mine: Vec<u16> = if pairwise {
                        units.get(i).copied().into_iter().collect()
                    } else {
                        units.clone()
                    };
                    for u in mine {
                        // named in the sentence: the province is no longer a doubt
                        let (confidence, doubt) = x
                            .doubt
                            .as_deref()
                            .filter(|d| d.starts_with("province"))
                            .map_or((x.confidence, x.doubt.clone()), |_| (Some(0.9), None));
                        self.out.push(Extraction {
                            province: self.lex.unit_name(u).to_string(),
                            confidence,
                            doubt,
                            ..x.clone()
                        });
                    }
                }
            }
        }
        later_levels(&mut self.out[first_out..], text);
    }
}

/// "Regional GDP: 41.92 billion yuan in 2020; 67.5 billion yuan in 2025", "GDP was 33 million
/// yuan, but by 2018 the figure had grown to 273.294 billion yuan": two levels of one measure
/// in one sentence, the later year after the earlier, make the earlier the later one's
/// starting point. Rates of change are not levels: one year's growth is no baseline of the
/// next, and figures merely listed together ("the thresholds of 12 trillion RMB and 13
/// trillion RMB in 2021 and 2022 respectively") are not a start and an end.
fn later_levels(found: &mut [Extraction], text: &str) {
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found[i].number.start);
    order.dedup_by_key(|i| found[*i].number.start);
    for w in order.windows(2) {
        let (a, b) = (&found[w[0]], &found[w[1]]);
        let same_measure = a.unit == b.unit
            && a.province == b.province
            && (b.indicator.is_empty()
                || a.indicator.eq_ignore_ascii_case(&b.indicator)
                || a.indicator_key.is_some() && a.indicator_key == b.indicator_key);
        let level = a.unit != "%" || !indicator::is_change_label(&a.indicator);
        let listed = text
            .get(a.number.end..b.number.start)
            .is_some_and(|g| matches!(g.trim(), "and" | "," | "or" | "、" | "和"));
        if same_measure
            && !listed
            && level
            && a.kind == Kind::Actual
            && a.year < b.year
            && a.period.is_none()
            && b.baseline.is_none()
            && a.baseline.is_none()
        {
            let start = Baseline {
                value: a.value,
                year: a.year,
            };
            let end = found[w[1]].number;
            for x in found.iter_mut().filter(|x| x.number == end) {
                x.baseline = Some(start);
            }
        }
    }
}

#[cfg(test)]
mod tests;
