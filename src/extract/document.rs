//! What a document is, before any of its sentences is read: when it was written (the
//! report date decides "this year", "last year" and whether a figure is an outcome) and
//! whom it is about (one province, the country, a roundup of many).
//!
//! The date is read from the strongest evidence present, in this order: a publication
//! stamp ("Date:", "Pub Date:", "Release date:", "Added On", a byline or a line that is
//! only a date), a dated dateline, the session of the National People's Congress the text
//! speaks of, a year in the title, an "Updated" stamp, a dated event in the opening text,
//! "the first year of the Nth Five-Year Plan", the file name, and last the year the text
//! names most often.

use std::sync::OnceLock;

use regex::Regex;

/// Where the report date came from, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateSource {
    /// Set by the user in the document panel.
    User,
    /// The day a report was delivered: "(Delivered at the Fourth Session of the 14th Guiyang
    /// Municipal People's Congress on January 21, 2019)". A translation may be posted
    /// months later; the report speaks from the day it was given.
    Delivered,
    /// A work report's own title: "Report on the Work of the Government 2021".
    ReportTitle,
    /// "Date: 2021-06-30", "Pub Date:2023-02-07", "Added On May 20, 2020", a byline.
    Stamp,
    /// "BEIJING, March 5, 2021 (Xinhua) --".
    Dateline,
    /// "the Fifth Session of the 12th National People's Congress" (2017).
    Session,
    /// "Government Work Report 2023".
    Title,
    /// "Updated: Feb 27, 2019": a page can be updated long after it was written.
    Updated,
    /// "On January 19, 2021, the bureau released ...".
    Text,
    /// "This year is the first year of the 14th Five-Year Plan".
    PlanYear,
    FileName,
    MostFrequentYear,
    Today,
}

impl DateSource {
    /// How the UI names it ("from the title").
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::User => "set by you",
            DateSource::Delivered => "delivery date",
            DateSource::ReportTitle => "report title",
            DateSource::Stamp => "publication date",
            DateSource::Dateline => "dateline",
            DateSource::Session => "congress session",
            DateSource::Title => "title",
            DateSource::Updated => "update stamp",
            DateSource::Text => "date in the text",
            DateSource::PlanYear => "five-year plan",
            DateSource::FileName => "file name",
            DateSource::MostFrequentYear => "most frequent year",
            DateSource::Today => "today",
        }
    }
}

/// The date a document was written, as far as the text tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub source: DateSource,
    /// Byte span of the evidence in the text (empty for the file name and fallbacks).
    pub span: (usize, usize),
}

impl ReportDate {
    fn new(year: i32, source: DateSource) -> ReportDate {
        ReportDate {
            year,
            month: None,
            day: None,
            source,
            span: (0, 0),
        }
    }

    /// "2023-02-07", "2023-02", "2023".
    pub fn display(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{}-{m:02}", self.year),
            _ => self.year.to_string(),
        }
    }
}

/// A date found in a line of text.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Found {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
    start: usize,
    end: usize,
}

const MONTH: &str = r"(?i:(jan)(?:uary)?|(feb)(?:ruary)?|(mar)(?:ch)?|(apr)(?:il)?|(may)|(jun)e?|(jul)y?|(aug)(?:ust)?|(sep)(?:t(?:ember)?)?|(oct)(?:ober)?|(nov)(?:ember)?|(dec)(?:ember)?)\.?";

struct Patterns {
    ymd: Regex,
    mdy: Regex,
    dmy: Regex,
    us: Regex,
    my: Regex,
    zh_ym: Regex,
    session: Regex,
    zh_session: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("date patterns are valid");
        Patterns {
            ymd: re(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"),
            mdy: re(&format!(
                r"\b{MONTH}\s*(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(\d{{4}})\b"
            )),
            dmy: re(&format!(
                r"\b(\d{{1,2}})(?:st|nd|rd|th)?[\s-]+{MONTH}[\s,-]+(\d{{4}})\b"
            )),
            us: re(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"),
            my: re(&format!(r"\b{MONTH}\s*,?\s*(\d{{4}})\b")),
            zh_ym: re(r"(\d{4})\s*年\s*(\d{1,2})\s*月"),
            session: re(
                r"(?i)\b(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+(?:plenary\s+)?session\s+of\s+the\s+(\d{1,2})(?:st|nd|rd|th)\s+(?:national\s+people[’']s\s+congress|npc|national\s+committee\s+of\s+the\s+(?:chinese\s+people[’']s\s+political\s+consultative\s+conference|cppcc))",
            ),
            zh_session: re(
                r"第?([一二三四五六七八九十]{1,3}|\d{1,2})届全国(?:人民代表大会|人大|政协|委员会)[^，。,]{0,12}?第?([一二三四五]|\d)次(?:全体)?会议",
            ),
        }
    })
}

fn digits(s: &str) -> Option<i64> {
    let mut v: i64 = 0;
    let mut any = false;
    for c in s.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        v = v.checked_mul(10)?.checked_add(i64::from(d))?;
        any = true;
    }
    any.then_some(v)
}

/// The month captured by one of the alternation groups of `MONTH`, starting at `first`.
fn month_of(c: &regex::Captures, first: usize) -> Option<i64> {
    (0..12).find_map(|k| c.get(first + k).map(|_| k as i64 + 1))
}

fn valid(y: i64, m: Option<i64>, d: Option<i64>) -> Option<(i32, Option<u8>, Option<u8>)> {
    if !(1949..=2100).contains(&y) {
        return None;
    }
    if m.is_some_and(|m| !(1..=12).contains(&m)) || d.is_some_and(|d| !(1..=31).contains(&d)) {
        return None;
    }
    Some((y as i32, m.map(|m| m as u8), d.map(|d| d as u8)))
}

/// Every date in `line` (at byte offset `base` of the text), earliest first. Dates with a
/// day win over a bare month and year at the same place.
fn dates_in(line: &str, base: usize) -> Vec<Found> {
    let p = patterns();
    let mut out: Vec<Found> = Vec::new();
    // a date is never part of a longer run of digits ("12013.1 3.5%")
    let free = |m: &regex::Match| {
        !line[..m.start()].ends_with(|c: char| c.is_ascii_digit())
            && !line[m.end()..].starts_with(|c: char| c.is_ascii_digit())
    };
    let mut push = |m: regex::Match, ymd: Option<(i32, Option<u8>, Option<u8>)>| {
        if !free(&m) {
            return;
        }
        if let Some((year, month, day)) = ymd {
            let (start, end) = (base + m.start(), base + m.end());
            if !out.iter().any(|f| f.start < end && start < f.end) {
                out.push(Found {
                    year,
                    month,
                    day,
                    start,
                    end,
                });
            }
        }
    };
    for c in p.ymd.captures_iter(line) {
        let (y, m, d) = (digits(&c[1]), digits(&c[2]), digits(&c[3]));
        if let (Some(y), Some(m), Some(d)) = (y, m, d) {
            push(
                c.get(0).unwrap_or_else(|| unreachable_match(&c)),
                valid(y, Some(m), Some(d)),
            );
        }
    }
    for c in p.mdy.captures_iter(line) {
        let (d, y) = (digits(&c[13]), digits(&c[14]));
        if let (Some(d), Some(y)) = (d, y)
            && let Some(whole) = c.get(0)
        {
            push(whole, valid(y, month_of(&c, 1), Some(d)));
        }
    }
    for c in p.dmy.captures_iter(line) {
        let (d, y) = (digits(&c[1]), digits(&c[14]));
        if let (Some(d), Some(y)) = (d, y)
            && let Some(whole) = c.get(0)
        {
            push(whole, valid(y, month_of(&c, 2), Some(d)));
        }
    }
    for c in p.us.captures_iter(line) {
        let (m, d, y) = (digits(&c[1]), digits(&c[2]), digits(&c[3]));
        if let (Some(m), Some(d), Some(y)) = (m, d, y)
            && let Some(whole) = c.get(0)
        {
            push(whole, valid(y, Some(m), Some(d)));
        }
    }
    for c in p.zh_ym.captures_iter(line) {
        if let (Some(y), Some(m), Some(whole)) = (digits(&c[1]), digits(&c[2]), c.get(0)) {
            push(whole, valid(y, Some(m), None));
        }
    }
    for c in p.my.captures_iter(line) {
        if let (Some(y), Some(whole)) = (digits(&c[13]), c.get(0)) {
            push(whole, valid(y, month_of(&c, 1), None));
        }
    }
    out.sort_by_key(|f| f.start);
    out
}

// `captures_iter` always has group 0; this keeps the call sites free of `unwrap`.
fn unreachable_match<'h>(c: &regex::Captures<'h>) -> regex::Match<'h> {
    c.iter()
        .flatten()
        .next()
        .expect("a capture has a whole match")
}

const STAMP_LABELS: &[&str] = &[
    "date",
    "published",
    "publish",
    "posted",
    "released",
    "release",
    "added on",
    "issued",
    "time:",
    "发布",
    "日期",
    "时间",
    "來源",
    "来源",
    "發佈",
    "發布",
];
/// A line with one of these and a date says when a report was given.
const DELIVERY_WORDS: &[&str] = &[
    "delivered",
    "session of the",
    "people's congress",
    "people’s congress",
    "人民代表大会",
    "人民代表大會",
    "人大会议",
];
/// A title with one of these is a work report's own title: its year is the report's.
const REPORT_TITLES: &[&str] = &[
    "work report",
    "report on the work",
    "government report",
    "政府工作报告",
    "政府工作報告",
];
const UPDATE_LABELS: &[&str] = &["updated", "update", "modified", "更新"];

/// Is `line` only a date with furniture around it ("03/04/2019 | 07:59pm EST",
/// "Jan 22, 2020 03:19 AM", "By YUTING CHEN|Jan 14,2023")?
fn is_date_line(line: &str, f: &Found, base: usize) -> bool {
    let before = &line[..f.start - base];
    let after = &line[f.end - base..];
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() > 1)
            .filter(|w| {
                let l = w.to_ascii_lowercase();
                !matches!(
                    l.as_str(),
                    "am" | "pm" | "est" | "edt" | "gmt" | "utc" | "cst" | "bjt" | "by" | "print"
                )
            })
            .count()
    };
    let byline = before.trim_start().to_ascii_lowercase().starts_with("by ")
        && (before.contains('|') || before.contains('丨'));
    byline
        || (words(before) == 0 && words(after) <= 1)
        || (words(before) <= 3 && before.contains('|'))
}

/// "the Fifth Session of the 12th National People's Congress" is 2017: NPC terms start in
/// 1978 + 5k (the 5th NPC) and hold one plenary session a year.
fn session_year(text: &str) -> Option<(i32, (usize, usize))> {
    let p = patterns();
    let ord = |s: &str| -> Option<i64> {
        let l = s.to_ascii_lowercase();
        Some(match l.as_str() {
            "first" | "1st" | "一" => 1,
            "second" | "2nd" | "二" => 2,
            "third" | "3rd" | "三" => 3,
            "fourth" | "4th" | "四" => 4,
            "fifth" | "5th" | "五" => 5,
            _ => return digits(s).or_else(|| zh_small(s)),
        })
    };
    let year = |term: i64, session: i64| -> Option<i32> {
        ((5..=30).contains(&term) && (1..=5).contains(&session))
            .then(|| (1978 + 5 * (term - 5) + session - 1) as i32)
    };
    if let Some(c) = p.session.captures(text)
        && let (Some(s), Some(t)) = (ord(&c[1]), digits(&c[2]))
        && let Some(y) = year(t, s)
        && let Some(m) = c.get(0)
    {
        return Some((y, (m.start(), m.end())));
    }
    if let Some(c) = p.zh_session.captures(text)
        && let (Some(t), Some(s)) = (ord(&c[1]), ord(&c[2]))
        && let Some(y) = year(t, s)
        && let Some(m) = c.get(0)
    {
        return Some((y, (m.start(), m.end())));
    }
    None
}

/// Chinese numerals up to 99 ("十四" = 14, "二十" = 20).
fn zh_small(s: &str) -> Option<i64> {
    let d = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|x| x == c)
            .map(|p| p as i64)
    };
    let cs: Vec<char> = s.chars().collect();
    match cs.as_slice() {
        [a] if *a == '十' => Some(10),
        [a] => d(*a),
        ['十', b] => Some(10 + d(*b)?),
        [a, '十'] => Some(d(*a)? * 10),
        [a, '十', b] => Some(d(*a)? * 10 + d(*b)?),
        _ => None,
    }
}

/// Runs of exactly four digits that read as a year, with their byte offsets.
pub fn years_in(s: &str) -> impl Iterator<Item = (usize, i32)> + '_ {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            if !b[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4 {
                let y = b[start..i]
                    .iter()
                    .fold(0i32, |a, d| a * 10 + i32::from(d - b'0'));
                if (1949..=2100).contains(&y) {
                    return Some((start, y));
                }
            }
        }
        None
    })
}

pub fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn current_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    crate::util::civil_from_unix(secs).0
}

/// A line of the document as the date reader sees it.
pub struct HeadLine<'a> {
    pub start: usize,
    pub text: &'a str,
    /// Page furniture (bylines, "Source:", "Photo:" ...), as the line classifier says.
    pub furniture: bool,
}

/// The year the user gave for a document, else its date as `report_date` finds it.
pub fn report_date_or(
    user_year: Option<i32>,
    file_name: &str,
    text: &str,
    head: &[HeadLine],
) -> ReportDate {
    match user_year {
        Some(y) => ReportDate::new(y, DateSource::User),
        None => report_date(file_name, text, head),
    }
}

/// The report date of a document, from its first lines (`head`, non-blank, in order),
/// its text and its file name.
pub fn report_date(file_name: &str, text: &str, head: &[HeadLine]) -> ReportDate {
    let mut found: Vec<ReportDate> = Vec::new();
    for (i, l) in head.iter().enumerate() {
        let lower = l.text.to_lowercase();
        for f in dates_in(l.text, l.start) {
            let before = &lower[..floor_boundary(&lower, f.start - l.start)];
            let labelled = |labels: &[&str]| labels.iter().any(|w| before.contains(w));
            let source = if DELIVERY_WORDS.iter().any(|w| lower.contains(w)) {
                DateSource::Delivered
            } else if labelled(UPDATE_LABELS) {
                DateSource::Updated
            } else if labelled(STAMP_LABELS) || is_date_line(l.text, &f, l.start) {
                DateSource::Stamp
            } else if i == 0 && f.day.is_some() {
                // a full date in the title line: "... in 2023   2023-01-08"
                DateSource::Stamp
            } else if before.len() < 40 && before.contains(',') && f.day.is_some() {
                // "BEIJING, March 5, 2021 (Xinhua) --"
                DateSource::Dateline
            } else {
                // "took office in Dec. 2006", "since March 2018": the date of an event
                // the text tells of, long before it was written
                let event = before
                    .trim_end()
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .is_some_and(|w| ["in", "since", "from", "until", "till", "by"].contains(&w));
                if event {
                    continue;
                }
                DateSource::Text
            };
            found.push(ReportDate {
                year: f.year,
                month: f.month,
                day: f.day,
                source,
                span: (f.start, f.end),
            });
        }
    }
    if let Some((y, span)) = session_year(&text[..floor_boundary(text, 6000)]) {
        found.push(ReportDate {
            span,
            ..ReportDate::new(y, DateSource::Session)
        });
    }
    // the title: the first line that is not furniture, if it is short and not a sentence
    if let Some(t) = head.iter().find(|l| !l.furniture)
        && t.text.len() <= 200
        && !t.text.trim_end().ends_with(['.', '。'])
        && let Some((at, y)) = years_in(t.text).next()
    {
        let lower = t.text.to_lowercase();
        let source = if REPORT_TITLES.iter().any(|w| lower.contains(w)) {
            DateSource::ReportTitle
        } else {
            DateSource::Title
        };
        found.push(ReportDate {
            span: (t.start + at, t.start + at + 4),
            ..ReportDate::new(y, source)
        });
    }
    if let Some(y) = plan_start_year(&text[..floor_boundary(text, 4000)]) {
        found.push(ReportDate::new(y, DateSource::PlanYear));
    }
    let base = std::path::Path::new(file_name)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Some((_, y)) = years_in(&base).next() {
        let mut d = ReportDate::new(y, DateSource::FileName);
        // "xinhua-2023-01-18-...": the month and day as well
        if let Some(f) = dates_in(&base, 0).into_iter().find(|f| f.year == y) {
            d.month = f.month;
            d.day = f.day;
        }
        found.push(d);
    }
    if found.is_empty() {
        let mut counts: std::collections::BTreeMap<i32, usize> = Default::default();
        for (_, y) in years_in(text) {
            *counts.entry(y).or_default() += 1;
        }
        if let Some((&y, _)) = counts.iter().max_by_key(|(y, c)| (**c, **y)) {
            found.push(ReportDate::new(y, DateSource::MostFrequentYear));
        }
    }
    let Some(mut best) = found.iter().copied().min_by_key(|d| d.source) else {
        return ReportDate::new(current_year(), DateSource::Today);
    };
    // a headline's "in 2023" ("GDP tops 14 trillion RMB in 2023") is the year it reports
    // on; a later year in the file name dates the text
    if best.source == DateSource::Title
        && text
            .get(best.span.0.saturating_sub(3)..best.span.0)
            .is_some_and(|w| w.eq_ignore_ascii_case("in "))
        && let Some(f) = found
            .iter()
            .find(|d| d.source == DateSource::FileName && d.year > best.year)
    {
        best = *f;
    }
    // "On December 4, a press conference was held ... the symposium held on November 30,
    // 2023": a date in the text is of an event it tells of, and the text's own day, given
    // without a year, is the file name's: that dates the text
    if best.source == DateSource::Text
        && let Some(f) = found
            .iter()
            .find(|d| d.source == DateSource::FileName && d.day.is_some() && d.year > best.year)
        && head
            .iter()
            .any(|l| has_yearless_day(l.text, f.month.unwrap_or(0), f.day.unwrap_or(0)))
    {
        best = *f;
    }
    // weaker evidence of the same year can still tell the month ("first year of the 14th
    // Five-Year Plan" with a file name dated 2021-01-28)
    if best.month.is_none()
        && let Some(d) = found
            .iter()
            .filter(|d| d.year == best.year && d.month.is_some())
            .min_by_key(|d| d.source)
    {
        best.month = d.month;
        best.day = d.day;
    }
    best
}

/// Does `line` give the day `month`/`day` without a year ("On December 4, a press
/// conference ...", "Dec. 4 (Xinhua)")?
fn has_yearless_day(line: &str, month: u8, day: u8) -> bool {
    static DAY: OnceLock<Regex> = OnceLock::new();
    let re = DAY.get_or_init(|| {
        Regex::new(&format!(
            r"\b{MONTH}\s*(\d{{1,2}})(?:st|nd|rd|th)?\b(\s*,?\s*\d{{4}})?"
        ))
        .expect("the day pattern is valid")
    });
    re.captures_iter(line).any(|c| {
        c.get(14).is_none()
            && month_of(&c, 1) == Some(i64::from(month))
            && digits(&c[13]) == Some(i64::from(day))
    })
}

/// "This year is the first year of the 14th Five-Year Plan" -> 2021.
fn plan_start_year(head: &str) -> Option<i32> {
    let lower = head.to_ascii_lowercase();
    for marker in ["first year of the", "start of the", "opening year of the"] {
        let mut from = 0;
        while let Some(p) = lower[from..].find(marker) {
            let p = from + p;
            from = p + marker.len();
            let after = &lower[from..floor_boundary(&lower, from + 60)];
            if after.contains("five-year plan") || after.contains("five year plan") {
                let n: String = after
                    .trim_start_matches(|c: char| !c.is_ascii_alphanumeric())
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                if let Ok(n) = n.parse::<i32>()
                    && (3..=20).contains(&n)
                {
                    return Some(1966 + 5 * (n - 3));
                }
            }
        }
    }
    if let Some(p) = head.find("开局之年").or_else(|| head.find("開局之年")) {
        let before = &head[..p];
        let w = &before[floor_boundary(before, before.len().saturating_sub(30))..];
        for (name, start) in [("十四五", 2021), ("十五五", 2026), ("十三五", 2016)] {
            if w.contains(name) {
                return Some(start);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_of(file: &str, text: &str) -> (String, DateSource) {
        let head: Vec<HeadLine> = crate::extract::text::lines(text)
            .filter(|&(s, e)| !text[s..e].trim().is_empty())
            .take(12)
            .map(|(s, e)| HeadLine {
                start: s,
                text: &text[s..e],
                furniture: false,
            })
            .collect();
        let d = report_date(file, text, &head);
        (d.display(), d.source)
    }

    #[test]
    fn a_date_after_in_or_since_is_of_an_event_not_the_text() {
        assert_eq!(
            date_of(
                "chenzhou-2012.txt",
                "Fellow Deputies, the current government took office in Dec. 2006 and its term expired.\nIn 2011, GDP grew 14%.\n"
            ),
            ("2012".into(), DateSource::FileName)
        );
        assert_eq!(
            date_of(
                "plan.txt",
                "The zone has grown fast since March 2018.\nOn January 19, 2021, the bureau released its data.\n"
            ),
            ("2021-01-19".into(), DateSource::Text)
        );
    }

    #[test]
    fn a_publication_stamp_wins_over_the_title_year() {
        // a review titled with the year it reviews, stamped with the day it appeared
        assert_eq!(
            date_of(
                "a.txt",
                "China meets 38 gov't targets set in 2019\n\nAdded On May 20, 2020\n\nText."
            ),
            ("2020-05-20".into(), DateSource::Stamp)
        );
        assert_eq!(
            date_of(
                "b.txt",
                "Anhui's 16 cities' 2022 GDP data releases\n\nPub Date:2023-02-07 16:26 Source:cnanhui.org\n"
            ),
            ("2023-02-07".into(), DateSource::Stamp)
        );
        assert_eq!(
            date_of(
                "c.txt",
                "Head Up for a New Journey\n\nSource:常德政府网 Date:2021-06-30 15:54:19\n"
            ),
            ("2021-06-30".into(), DateSource::Stamp)
        );
    }

    #[test]
    fn lines_that_are_only_a_date_are_stamps() {
        assert_eq!(
            date_of("a.txt", "Title words\n\n03/04/2019 | 07:59pm EST\n\nBody."),
            ("2019-03-04".into(), DateSource::Stamp)
        );
        assert_eq!(
            date_of(
                "b.txt",
                "Jan 22, 2020 03:19 AM\n\nChina’s Provinces Mostly Project"
            ),
            ("2020-01-22".into(), DateSource::Stamp)
        );
        assert_eq!(
            date_of(
                "c.txt",
                "Growth by more than 6%\n\nBy YUTING CHEN|Jan 14,2023\n"
            ),
            ("2023-01-14".into(), DateSource::Stamp)
        );
        assert_eq!(
            date_of("d.txt", "重庆市政府工作报告\n\n2023年1月13日\n"),
            ("2023-01-13".into(), DateSource::Stamp)
        );
    }

    #[test]
    fn an_update_stamp_is_weaker_than_the_title() {
        assert_eq!(
            date_of(
                "a.txt",
                "Premier Li: China sets 2017 GDP growth target at around 6.5 percent\nUpdated 10:57, 28-Jun-2018\n"
            ),
            ("2017".into(), DateSource::Title)
        );
        assert_eq!(
            date_of(
                "b.txt",
                "Lanzhou's economy\n\nUpdated: Nov 26, 2019 Print\n"
            ),
            ("2019-11-26".into(), DateSource::Updated)
        );
    }

    #[test]
    fn congress_sessions_date_the_text() {
        assert_eq!(
            date_of(
                "a.txt",
                "A long opening sentence that says where the premier spoke, at the opening of the Fifth Session of the 12th National People’s Congress in Beijing.\n"
            )
            .0,
            "2017"
        );
        assert_eq!(
            date_of(
                "b.txt",
                "在第十四届全国人民代表大会第二次会议上，国务院总理作政府工作报告，回顾过去一年的工作，并部署今年的任务。\n"
            )
            .0,
            "2024"
        );
        // the short form, without 第 and with 人大
        assert_eq!(
            date_of(
                "c.txt",
                "新华社受权于14日全文播发李克强总理代表国务院在十四届全国人大一次会议上所作的《政府工作报告》。\n"
            )
            .0,
            "2023"
        );
        assert_eq!(
            date_of(
                "d.txt",
                "国务院总理在十三届全国人大二次会议上作政府工作报告，回顾过去一年的工作，并部署今年的任务。\n"
            )
            .0,
            "2019"
        );
    }

    #[test]
    fn the_texts_own_day_without_a_year_is_the_file_names() {
        assert_eq!(
            date_of(
                "chneye-2024-12-04-yangtze-river-delta.txt",
                "Number of cities increases to 9\nOn December 4, a press conference was held. He spoke of the symposium held on November 30, 2023.\n"
            ),
            ("2024-12-04".into(), DateSource::FileName)
        );
        assert_eq!(
            date_of(
                "news-2024-01-19-bureau.txt",
                "Bureau briefs press\nOn Jan. 19 the bureau briefed reporters on the plan adopted on January 12, 2023.\n"
            ),
            ("2024-01-19".into(), DateSource::FileName)
        );
        // another day is no evidence for the file name
        assert_eq!(
            date_of(
                "news-2024-01-19-bureau.txt",
                "Bureau briefs press\nOn January 12 the bureau briefed reporters on the plan adopted on January 12, 2023.\n"
            ),
            ("2023-01-12".into(), DateSource::Text)
        );
    }

    #[test]
    fn the_file_name_and_the_plan_year_come_last() {
        assert_eq!(
            date_of(
                "xm-gov-2018-04-10-xiamen.txt",
                "Economy Value\n\nThe gross regional product in 2017 rose.\n"
            ),
            ("2018-04-10".into(), DateSource::FileName)
        );
        assert_eq!(
            date_of(
                "x.txt",
                "News text that is long enough not to be a title line at all, about many things and places, and more.\nThis year is the first year of the 14th Five-Year Plan.\n"
            ),
            ("2021".into(), DateSource::PlanYear)
        );
    }
}
