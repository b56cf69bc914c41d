//! What one Chinese sentence says on its own: its figures (number, multiplier, unit,
//! comparator, label, range partner, "from X to Y" base, "respectively" group), its time
//! words, its place mentions with their roles, and its cue words, in the order they are
//! written. The walk (mod.rs) adds what the document around it says.
//!
//! Positions are byte offsets into the normalized text (norm.rs).

use crate::extract::text::is_han;
use crate::model::Comparator;

use super::lex::{Pat, TimeWord, ZhLex};

/// A place the sentence names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Place(u16),
    National,
    /// The document's own province ("全省").
    SelfRef,
}

/// A time the sentence states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// "2021年", "到2025年".
    Year(i32),
    /// "2016-2020年".
    Period(i32, i32),
    /// "十四五": the plan ending in that year.
    Plan(i32),
    Word(TimeWord),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    Target,
    Review,
    Plan,
}

/// How a figure spans years when its sentence says so ("两年平均增长", "年均增长").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Avg {
    Years(i32),
    Span,
}

#[derive(Debug, Clone)]
pub struct Fig {
    pub value: f64,
    pub unit: &'static str,
    pub cmp: Comparator,
    /// The number through its unit and the comparator after it.
    pub num: (usize, usize),
    /// From the comparator before the number, if any.
    pub word_start: usize,
    /// The label as pieces of the text (the words it leaves out are cut away).
    pub label: Vec<(usize, usize)>,
    /// The quote: the clauses that say the figure.
    pub quote: (usize, usize),
    /// "从X提高到Y": X, and X's year when the sentence states it.
    pub baseline: Option<(f64, Option<i32>)>,
    pub unit_inferred: bool,
    pub avg: Option<Avg>,
    /// "目标" before the figure in its clause: a target even when its year is past
    /// ("海南2022年的GDP目标为9%左右").
    pub target_word: bool,
    /// A label that is not a piece of the text ("城镇居民..." for "城乡居民...分别"), in
    /// the normalized script.
    pub label_override: Option<String>,
    /// "江西、新疆为7%左右": the figure of each of several places named together
    /// (empty: the sentence's subject).
    pub places: Vec<u16>,
}

#[derive(Debug, Clone)]
pub enum Ev {
    Mark {
        at: usize,
        mark: Mark,
    },
    Mention {
        at: usize,
        who: Who,
        /// The subject of what follows, not a comparison or a name ("居全国第四",
        /// "河北新闻网", "在南宁开幕").
        subject: bool,
        /// Weight for the document's scope (0 inside quotes and media names).
        weight: f32,
    },
    Cue {
        at: usize,
        cue: Cue,
    },
    Fig(Box<Fig>),
}

impl Ev {
    pub fn at(&self) -> usize {
        match self {
            Ev::Mark { at, .. } | Ev::Mention { at, .. } | Ev::Cue { at, .. } => *at,
            Ev::Fig(f) => f.word_start,
        }
    }
}

/// A number as written, before the sentence around it is considered.
#[derive(Debug, Clone, Copy)]
struct Raw {
    start: usize,
    /// After the unit and the comparator after it.
    end: usize,
    value: f64,
    /// The multiplier written after the digits (already applied to `value`).
    mult: f64,
    unit: Option<&'static str>,
    cmp_after: Option<Comparator>,
    /// "6000余户", "1200多户".
    more: bool,
}

/// "新华社北京3月14日电", "本报杭州1月17日讯": the place a story was filed from, right
/// before its date and 电/讯, says nothing of what the story is about.
fn is_dateline(after: &str) -> bool {
    let mut cs = after.chars().filter(|c| !is_space(*c)).peekable();
    let number = |cs: &mut std::iter::Peekable<_>| {
        let mut n = 0;
        while cs.next_if(|c: &char| c.is_ascii_digit()).is_some() {
            n += 1;
        }
        (1..=2).contains(&n)
    };
    let month = number(&mut cs) && cs.next() == Some('月');
    let day = month && number(&mut cs) && cs.next() == Some('日');
    day && matches!(cs.next(), Some('电' | '讯'))
}

/// `t[a..b]`, or nothing where the two do not bound a piece of it. Positions here are
/// computed from one another (a number's end, the next figure's start, a dash's width);
/// a wrong one must cost a figure, never the document.
#[inline]
pub(super) fn sub(t: &str, a: usize, b: usize) -> &str {
    t.get(a..b).unwrap_or("")
}

fn char_before(t: &str, i: usize) -> Option<char> {
    t.get(..i)?.chars().next_back()
}

fn char_at(t: &str, i: usize) -> Option<char> {
    t.get(i..)?.chars().next()
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

fn skip_space(t: &str, mut i: usize, e: usize) -> usize {
    while i < e {
        match char_at(t, i) {
            Some(c) if is_space(c) => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

fn is_clause_sep(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '(' | ')' | '[' | ']' | '【' | '】' | '●' | '•' | '■' | '◆' | '▲' | '|'
    )
}

fn is_quote_open(c: char) -> bool {
    matches!(c, '“' | '「' | '『' | '《')
}

fn is_quote_close(c: char) -> bool {
    matches!(c, '”' | '」' | '』' | '》')
}

/// The sentence's clauses: where each starts (after a separator, or a run of spaces
/// between words, as page texts join their lines).
struct Clauses {
    starts: Vec<usize>,
    /// Label starts: clause starts and list commas (、).
    items: Vec<usize>,
    quotes: Vec<(usize, usize)>,
    end: usize,
}

impl Clauses {
    fn new(t: &str, s: usize, e: usize) -> Clauses {
        let mut starts = vec![s];
        let mut items = vec![s];
        let mut quotes = Vec::new();
        let mut open: Option<usize> = None;
        let mut prev: Option<char> = None;
        let mut it = sub(t, s, e).char_indices().peekable();
        while let Some((k, c)) = it.next() {
            let i = s + k;
            let next = i + c.len_utf8();
            if is_clause_sep(c) {
                starts.push(next);
                items.push(next);
            } else if c == '、' {
                items.push(next);
            } else if is_space(c) {
                let mut j = next;
                while let Some(&(k2, c2)) = it.peek() {
                    if !is_space(c2) {
                        break;
                    }
                    j = s + k2 + c2.len_utf8();
                    it.next();
                }
                let after = char_at(t, j).filter(|_| j < e);
                // "70 萬輛": a number and its unit are one
                let number_gap =
                    prev.is_some_and(|p| p.is_ascii_digit()) || after.is_some_and(|a| a == '%');
                if !number_gap && prev.is_some() && after.is_some() {
                    starts.push(j);
                    items.push(j);
                }
                prev = Some(' ');
                continue;
            } else if is_quote_open(c) {
                open = Some(i);
            } else if is_quote_close(c)
                && let Some(a) = open.take()
            {
                quotes.push((a, next));
            }
            prev = Some(c);
        }
        Clauses {
            starts,
            items,
            quotes,
            end: e,
        }
    }

    fn start_of(&self, p: usize) -> usize {
        let k = self.starts.partition_point(|&x| x <= p);
        self.starts[k.saturating_sub(1)]
    }

    fn item_start_of(&self, p: usize) -> usize {
        let k = self.items.partition_point(|&x| x <= p);
        self.items[k.saturating_sub(1)]
    }

    /// Where the clause holding `p` ends (before its separator).
    fn end_of(&self, t: &str, p: usize) -> usize {
        let k = self.starts.partition_point(|&x| x <= p);
        match self.starts.get(k) {
            Some(&n) => {
                let sep = char_before(t, n).map_or(0, char::len_utf8);
                let mut e = n - sep;
                while e > p && char_before(t, e).is_some_and(is_space) {
                    e -= char_before(t, e).map_or(1, char::len_utf8);
                }
                e.max(p)
            }
            None => self.end,
        }
    }

    fn quoted(&self, p: usize) -> bool {
        self.quotes.iter().any(|&(a, b)| a <= p && p < b)
    }
}

/// Reads the sentence `sub(t, s, e)`.
pub fn read_sentence(lex: &'static ZhLex, t: &str, s: usize, e: usize) -> Vec<Ev> {
    let cl = Clauses::new(t, s, e);
    let mut evs: Vec<Ev> = Vec::new();
    let mut groups: Vec<usize> = Vec::new();
    // spans that are times or plan names, never figures
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut base_years: Vec<(usize, i32)> = Vec::new();
    let mut words: Vec<(usize, usize, Pat)> = Vec::new();

    for f in lex.scan(t, s, e) {
        for &p in f.pats {
            words.push((f.start, f.end, p));
            match p {
                Pat::Place(_) | Pat::National => {
                    let who = match p {
                        Pat::Place(i) => Who::Place(i),
                        _ => Who::National,
                    };
                    let cs = cl.start_of(f.start);
                    let before = sub(t, cs, f.start);
                    let after = sub(t, f.end, e);
                    let quoted = cl.quoted(f.start);
                    let media = lex.is_aside_after(after)
                        && [
                            "新闻", "文汇", "日报", "证券", "晚报", "电视", "卫视", "频道", "网讯",
                        ]
                        .iter()
                        .any(|m| after.starts_with(m));
                    let dateline = is_dateline(after);
                    let aside = quoted
                        || dateline
                        || lex.is_aside_before(before)
                        || lex.is_aside_after(after);
                    evs.push(Ev::Mention {
                        at: f.start,
                        who,
                        subject: !aside,
                        weight: if quoted || media || dateline {
                            0.0
                        } else {
                            1.0
                        },
                    });
                }
                Pat::SelfRef => evs.push(Ev::Mention {
                    at: f.start,
                    who: Who::SelfRef,
                    subject: true,
                    weight: 0.0,
                }),
                Pat::Time(tw) => {
                    taken.push((f.start, f.end));
                    evs.push(Ev::Mark {
                        at: f.start,
                        mark: Mark::Word(tw),
                    });
                }
                Pat::Target => evs.push(Ev::Cue {
                    at: f.start,
                    cue: Cue::Target,
                }),
                Pat::Review => evs.push(Ev::Cue {
                    at: f.start,
                    cue: Cue::Review,
                }),
                Pat::Plan => evs.push(Ev::Cue {
                    at: f.start,
                    cue: Cue::Plan,
                }),
                Pat::Group => groups.push(f.start),
                Pat::NationalTerm => evs.push(Ev::Mention {
                    at: f.start,
                    who: Who::National,
                    subject: false,
                    weight: 1.0,
                }),
            }
        }
    }

    years(t, s, e, &mut evs, &mut taken, &mut base_years);
    plans(t, s, e, &mut evs, &mut taken);

    let mut raws: Vec<(Raw, Option<Raw>)> = Vec::new();
    let mut i = s;
    while i < e {
        let Some(c) = char_at(t, i) else { break };
        if taken.iter().any(|&(a, b)| a <= i && i < b) {
            i += c.len_utf8();
            continue;
        }
        let prev = char_before(t, i);
        let fresh =
            |p: Option<char>| !p.is_some_and(|p| p.is_ascii_alphanumeric() || p == '.' || p == '_');
        let raw = if c.is_ascii_digit() && fresh(prev) {
            arabic(lex, t, i, e)
        } else if lex.digit(c).is_some() || c == '十' {
            let zprev = prev.is_some_and(|p| lex.digit(p).is_some() || lex.multiplier(p).is_some());
            if zprev { None } else { chinese(lex, t, i, e) }
        } else if c == '翻' {
            doubling(lex, t, i, e)
        } else {
            None
        };
        match raw {
            Some(r) => {
                // a range: "6%-6.5%", "6-6.5%", "6%到7%"
                let partner = range_partner(lex, t, &r, e, &cl, s);
                let stop = partner.map_or(r.end, |p| p.end);
                raws.push((r, partner));
                i = stop.max(i + c.len_utf8());
            }
            None => {
                // skip the rest of a digit run
                let mut j = i + c.len_utf8();
                if c.is_ascii_digit() {
                    while j < e
                        && (t.as_bytes()[j].is_ascii_alphanumeric() || t.as_bytes()[j] == b'.')
                    {
                        j += 1;
                    }
                }
                i = j;
            }
        }
    }

    let mut figs: Vec<Fig> = Vec::new();
    for (r, partner) in raws {
        let members: Vec<(Raw, Option<Comparator>)> = match partner {
            Some(p) => {
                let mut lo = r;
                if lo.unit.is_none() {
                    // "20-60万元": the lower end is written without the multiplier
                    lo.unit = p.unit;
                    if lo.mult == 1.0 {
                        lo.value *= p.mult;
                    }
                }
                vec![(lo, Some(Comparator::Ge)), (p, Some(Comparator::Le))]
            }
            None => vec![(r, None)],
        };
        let first_start = members[0].0.start;
        let last_end = members[members.len() - 1].0.end;
        if skip_figure(lex, t, s, first_start, last_end, &cl, &groups) {
            continue;
        }
        for (raw, range_cmp) in members {
            let cs = cl.start_of(raw.start);
            let (before_cmp, word_start) = match lex.before_ending(sub(t, cs, raw.start)) {
                Some((c, len, hold)) => (Some((c, hold)), raw.start - len),
                None => (None, raw.start),
            };
            let cmp = match (raw.cmp_after, before_cmp, range_cmp) {
                (Some(a), _, None) => a,
                (_, _, Some(rc)) => raw.cmp_after.unwrap_or(rc),
                (None, Some((c, _)), None) => c,
                (None, None, None) if raw.more => Comparator::Gt,
                _ => Comparator::Eq,
            };
            let target_word = sub(t, cs, word_start).contains("目标");
            figs.push(Fig {
                value: raw.value,
                unit: raw.unit.unwrap_or(""),
                cmp,
                num: (raw.start, raw.end),
                word_start,
                label: Vec::new(),
                quote: (cs, cl.end_of(t, raw.end)),
                baseline: None,
                unit_inferred: false,
                avg: None,
                target_word,
                label_override: None,
                places: Vec::new(),
            });
        }
    }

    from_to(t, &cl, &base_years, &mut figs);
    drop_modifiers(lex, t, &cl, &mut figs);
    figs.retain(|f| !f.unit.is_empty());
    let groups = respectively(t, &cl, &mut figs);
    labels(lex, t, &cl, &words, &taken, &mut figs);
    respective_labels(lex, t, &groups, &mut figs);
    coordinated(t, &cl, &words, &groups, &mut figs);
    // "其余省份" with no list to take the rest of: a statistic of unnamed provinces
    figs.retain(|f| !f.places.is_empty() || !is_rest(sub(t, cl.start_of(f.num.0), f.word_start)));
    averages(t, &cl, &evs, &mut figs);
    quotes(t, s, &cl, &mut figs);

    evs.extend(figs.into_iter().map(|f| Ev::Fig(Box::new(f))));
    evs.sort_by_key(|ev| (ev.at(), matches!(ev, Ev::Fig(_))));
    evs
}

/// "2021年" and spans of years; a year right after 比/较/由/从 is a base of comparison,
/// not the figure's, and a date (2023年1月13日) is no time of a figure.
fn years(
    t: &str,
    s: usize,
    e: usize,
    evs: &mut Vec<Ev>,
    taken: &mut Vec<(usize, usize)>,
    base_years: &mut Vec<(usize, i32)>,
) {
    let b = t.as_bytes();
    let mut i = s;
    while i + 4 <= e {
        if !(b[i].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
            && b[i + 3].is_ascii_digit())
            || (i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'.'))
            || (i + 4 < b.len() && (b[i + 4].is_ascii_digit() || b[i + 4] == b'.'))
        {
            i += 1;
            continue;
        }
        let y: i32 = sub(t, i, i + 4).parse().unwrap_or(0);
        let mut j = skip_space(t, i + 4, e);
        // "2016-2020年", "2016年—2020年", "2016年至2020年"
        let mut y2: Option<i32> = None;
        let mut k = j;
        if sub(t, k, e).starts_with('年') {
            k += '年'.len_utf8();
        }
        for dash in ["-", "—", "–", "~", "至", "到"] {
            if sub(t, k, e).starts_with(dash) {
                let m = k + dash.len();
                if m + 4 <= e && sub(t, m, m + 4).bytes().all(|c| c.is_ascii_digit()) {
                    let z: i32 = sub(t, m, m + 4).parse().unwrap_or(0);
                    if z > y && z - y <= 30 && sub(t, m + 4, e).trim_start().starts_with('年') {
                        y2 = Some(z);
                        j = skip_space(t, m + 4, e);
                    }
                }
                break;
            }
        }
        if !(1900..=2100).contains(&y) || !sub(t, j, e).starts_with('年') {
            i += 4;
            continue;
        }
        let end = j + '年'.len_utf8();
        taken.push((i, end));
        let after = sub(t, end, e);
        let rest = after.trim_start_matches(|c: char| c.is_ascii_digit());
        let is_date = rest.len() < after.len() && (rest.starts_with('月') || rest.starts_with('-'));
        let before = sub(t, s, i);
        let base = is_base_word(before);
        let since = after.starts_with("以来") || after.starts_with('来');
        if is_date {
            // the date of an event, or a part of a year (1-11月): not a year in force
        } else if base {
            base_years.push((i, y));
        } else if since {
        } else {
            evs.push(Ev::Mark {
                at: i,
                mark: match y2 {
                    Some(z) => Mark::Period(y, z),
                    None => Mark::Year(y),
                },
            });
        }
        i = end;
    }
}

/// The words that make the time after them a base of comparison (比2020年, 由“十二五”末).
fn is_base_word(before: &str) -> bool {
    ["比", "较", "与", "同", "由", "从", "自", "相对于"]
        .iter()
        .any(|w| before.ends_with(w))
}

/// "十三五", "十四五": the Nth five-year plan ends in 1955 + 5N.
fn plans(t: &str, s: usize, e: usize, evs: &mut Vec<Ev>, taken: &mut Vec<(usize, usize)>) {
    let d = |c: char| "一二三四五六七八九".chars().position(|x| x == c);
    for (k, c) in sub(t, s, e).char_indices() {
        if c != '十' {
            continue;
        }
        let rest = sub(t, s + k + c.len_utf8(), e);
        let mut cs = rest.chars();
        if let (Some(a), Some('五')) = (cs.next(), cs.next())
            && let Some(n) = d(a)
        {
            let plan = 11 + n as i32;
            let end = s + k + c.len_utf8() + a.len_utf8() + '五'.len_utf8();
            taken.push((s + k, end));
            // "比“十二五”增长40.2%", "由“十二五”末的6557亿元增加到": the plan compared
            // against, as 比2020年 is, not the time of the figure
            let before = sub(t, s, s + k).trim_end_matches(['“', '"', '‘', '「', '《']);
            if is_base_word(before) {
                continue;
            }
            evs.push(Ev::Mark {
                at: s + k,
                mark: Mark::Plan(1955 + 5 * plan),
            });
        }
    }
}

/// A number in digits at `i`, with its multiplier, unit and the comparator after it.
fn arabic(lex: &'static ZhLex, t: &str, i: usize, e: usize) -> Option<Raw> {
    let b = t.as_bytes();
    let mut j = i;
    while j < e && b[j].is_ascii_digit() {
        j += 1;
    }
    // thousands: "1,200户" (a comma between clauses is followed by a word)
    while j + 4 <= e
        && b[j] == b','
        && b[j + 1..j + 4].iter().all(u8::is_ascii_digit)
        && !(j + 4 < e && b[j + 4].is_ascii_digit())
    {
        j += 4;
    }
    // a decimal point, also one at the end of a line whose digits go on the next
    // ("增长4.\n8%": Chinese ends its sentences with 。, so "4." at a line end is cut)
    let mut frac = j + 1;
    if j < e && b[j] == b'.' {
        let mut k = j + 1;
        while k < e && matches!(b[k], b' ' | b'\t' | b'\r') {
            k += 1;
        }
        if k < e && b[k] == b'\n' {
            k += 1;
            while k < e && matches!(b[k], b' ' | b'\t' | b'\r') {
                k += 1;
            }
            frac = k;
        }
    }
    if frac < e && b[j] == b'.' && b[frac].is_ascii_digit() {
        j = frac;
        while j < e && b[j].is_ascii_digit() {
            j += 1;
        }
    }
    let digits: String = sub(t, i, j)
        .chars()
        .filter(|c| *c != ',' && !c.is_whitespace())
        .collect();
    let mut value: f64 = digits.parse().ok()?;
    // "-2.3%": a sign after a word, not a range's dash
    if let Some(p) = char_before(t, i)
        && matches!(p, '-' | '−')
        && !char_before(t, i - p.len_utf8()).is_some_and(|q| q.is_ascii_digit() || q == '%')
    {
        value = -value;
    }
    tail(lex, t, i, j, e, value)
}

/// The multiplier, unit and comparator after digits ending at `j`.
fn tail(lex: &'static ZhLex, t: &str, start: usize, j: usize, e: usize, value: f64) -> Option<Raw> {
    let mut k = skip_space(t, j, e);
    let mut mult = 1.0;
    let mut more = false;
    while let Some(c) = char_at(t, k).filter(|_| k < e) {
        let after = sub(t, k + c.len_utf8(), e);
        if (c == '余' || c == '多') && !more {
            more = true;
            k += c.len_utf8();
            continue;
        }
        let Some(m) = lex.multiplier(c) else { break };
        // 千瓦, 千克, 千米 are units; 百分点 is one
        if (c == '千' && after.starts_with(['瓦', '克', '米', '卡']))
            || (c == '百' && after.starts_with('分'))
        {
            break;
        }
        mult *= m;
        k += c.len_utf8();
    }
    let k2 = skip_space(t, k, e);
    let (unit, mut end) = match lex.unit_at(sub(t, k2, e)) {
        Some((u, len)) => (Some(u), k2 + len),
        None => (None, k),
    };
    if unit.is_none() && mult == 1.0 && more {
        return None;
    }
    let mut cmp_after = None;
    if unit.is_some() {
        if let Some((c, len)) = lex.after_at(sub(t, end, e)) {
            cmp_after = Some(c);
            end += len;
        } else {
            // a stray character or two before it: "5000億元左元左右", "6%及以上"
            let mut p = end;
            for _ in 0..2 {
                match char_at(t, p).filter(|_| p < e) {
                    Some(c) if is_han(c) => p += c.len_utf8(),
                    _ => break,
                }
                if let Some((c, len)) = lex.after_at(sub(t, p, e)) {
                    cmp_after = Some(c);
                    end = p + len;
                    break;
                }
            }
        }
        if cmp_after.is_none() && sub(t, end, e).starts_with(['余', '多']) && !more {
            more = true;
            end += '余'.len_utf8();
        }
    }
    Some(Raw {
        start,
        end,
        value: value * mult,
        mult,
        unit,
        cmp_after,
        more,
    })
}

/// Chinese numerals ("两个百分点", "一千一百万人"), read only before a unit that makes
/// them a figure: 一是 and 一批 are no figures.
fn chinese(lex: &'static ZhLex, t: &str, i: usize, e: usize) -> Option<Raw> {
    if char_before(t, i) == Some('第') {
        return None;
    }
    let mut j = i;
    let mut cs: Vec<char> = Vec::new();
    while j < e {
        let Some(c) = char_at(t, j) else { break };
        if lex.digit(c).is_some() || matches!(c, '十' | '百' | '千' | '万' | '亿') {
            cs.push(c);
            j += c.len_utf8();
        } else {
            break;
        }
    }
    if cs.is_empty() {
        return None;
    }
    // "三分之一": a third
    if sub(t, j, e).starts_with("分之") {
        let k = j + "分之".len();
        let mut m = k;
        let mut num: Vec<char> = Vec::new();
        while let Some(c) = char_at(t, m).filter(|_| m < e) {
            if lex.digit(c).is_some() || c == '十' {
                num.push(c);
                m += c.len_utf8();
            } else {
                break;
            }
        }
        let (d, n) = (zh_value(lex, &cs)?, zh_value(lex, &num)?);
        if d > 0.0 && n > 0.0 && n < d {
            return Some(spoken(
                lex,
                t,
                i,
                m,
                e,
                (n / d * 10000.0).round() / 100.0,
                "%",
            ));
        }
        return None;
    }
    let has_mult = cs.iter().any(|c| matches!(c, '万' | '亿'));
    let value = zh_value(lex, &cs)?;
    let mut k = j;
    if sub(t, k, e).starts_with('个') && sub(t, k + '个'.len_utf8(), e).starts_with("百分点") {
        k += '个'.len_utf8();
    }
    let (unit, len) = lex.unit_at(sub(t, k, e))?;
    let ok = matches!(unit, "pp" | "times")
        || (has_mult && unit != "count")
        || (has_mult && sub(t, k, e).starts_with('人'));
    if !ok {
        return None;
    }
    Some(spoken(lex, t, i, k + len, e, value, unit))
}

/// A number said in words with its unit known, through `end`, and the comparator
/// written after it ("三分之一以上", "两个百分点左右", "翻一番以上").
fn spoken(
    lex: &ZhLex,
    t: &str,
    start: usize,
    end: usize,
    e: usize,
    value: f64,
    unit: &'static str,
) -> Raw {
    let after = lex.after_at(sub(t, end, e));
    Raw {
        start,
        end: end + after.map_or(0, |(_, l)| l),
        value,
        mult: 1.0,
        unit: Some(unit),
        cmp_after: after.map(|(c, _)| c),
        more: false,
    }
}

/// The value of a run of Chinese numerals: 十三 = 13, 一千一百万 = 11,000,000.
pub fn zh_value(lex: &ZhLex, cs: &[char]) -> Option<f64> {
    if cs.is_empty() {
        return None;
    }
    let (mut total, mut section, mut num) = (0.0f64, 0.0f64, 0.0f64);
    let mut any = false;
    for &c in cs {
        if let Some(d) = lex.digit(c) {
            num = d;
            any = true;
            continue;
        }
        match c {
            '十' | '百' | '千' => {
                let u = match c {
                    '十' => 10.0,
                    '百' => 100.0,
                    _ => 1000.0,
                };
                section += if num == 0.0 { 1.0 } else { num } * u;
                num = 0.0;
                any = true;
            }
            '万' => {
                total += (section + num) * 1e4;
                section = 0.0;
                num = 0.0;
            }
            '亿' => {
                total = (total + section + num) * 1e8;
                section = 0.0;
                num = 0.0;
            }
            _ => return None,
        }
    }
    any.then_some(total + section + num)
}

/// "翻一番" (doubled), "翻两番" (quadrupled), "翻番".
fn doubling(lex: &'static ZhLex, t: &str, i: usize, e: usize) -> Option<Raw> {
    let rest = sub(t, i + '翻'.len_utf8(), e);
    let (n, len) = if rest.starts_with('番') {
        (1.0, 0)
    } else {
        let c = rest.chars().next()?;
        let d = lex.digit(c)?;
        if !rest
            .get(c.len_utf8()..)
            .is_some_and(|r| r.starts_with('番'))
        {
            return None;
        }
        (d, c.len_utf8())
    };
    let num_end = i + '翻'.len_utf8() + len + '番'.len_utf8();
    Some(spoken(lex, t, i, num_end, e, 2f64.powf(n), "times"))
}

/// The upper end of a range written right after `r`.
fn range_partner(
    lex: &'static ZhLex,
    t: &str,
    r: &Raw,
    e: usize,
    cl: &Clauses,
    s: usize,
) -> Option<Raw> {
    let at = r.end;
    let dash = ["-", "—", "–", "~", "至", "到"]
        .into_iter()
        .find(|d| sub(t, at, e).starts_with(d))?;
    let k = at + dash.len();
    if !t.as_bytes().get(k).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    // "从2%到2.9%" is a change, not a range
    let cs = cl.start_of(r.start).max(s);
    if ["从", "由"].iter().any(|w| sub(t, cs, r.start).contains(w)) && matches!(dash, "至" | "到")
    {
        return None;
    }
    let hi = arabic(lex, t, k, e)?;
    hi.unit?;
    if r.unit.is_some_and(|u| Some(u) != hi.unit) {
        return None;
    }
    Some(hi)
}

/// A figure that is not one: an ordinal (第4位), a caption (图1), a count of a plan's
/// parts (11个方面任务), a statistic about a set of provinces.
fn skip_figure(
    lex: &ZhLex,
    t: &str,
    s: usize,
    start: usize,
    end: usize,
    cl: &Clauses,
    groups: &[usize],
) -> bool {
    let before = sub(t, s, start);
    if before.ends_with('第') || lex.is_caption(before) {
        return true;
    }
    let after = sub(t, end, cl.end);
    if lex.not_counted(after) {
        return true;
    }
    // a set of provinces as the subject of the figure's own clause ("多数省份高于5%"), not
    // one in a clause after it ("甘肃、河南为6%,其余省份为6%左右")
    let cs = cl.start_of(start);
    let ce = cl.end_of(t, end);
    !is_rest(sub(t, cs, start)) && groups.iter().any(|&g| g >= cs && g < ce)
}

/// "城镇化率从63.2%提高到72.7%": the figure is 72.7% with its base 63.2%, and the base is
/// no figure of its own. Bare numbers take the unit of the other end or of the label
/// ("倍差从2.37缩小到1.94").
fn from_to(t: &str, cl: &Clauses, base_years: &[(usize, i32)], figs: &mut Vec<Fig>) {
    let mut k = 1;
    while k < figs.len() {
        let (x, y) = (&figs[k - 1], &figs[k]);
        let cs = cl.start_of(y.num.0);
        if cl.start_of(x.num.0) != cs || x.num.1 > y.word_start {
            k += 1;
            continue;
        }
        let opener = sub(t, cs, x.word_start).rfind(['从', '由']).map(|p| cs + p);
        let between = sub(t, x.num.1, y.word_start);
        let linked = between.contains('到') || between.contains('至');
        if opener.is_some() && linked && between.chars().count() <= 8 {
            let open = opener.unwrap_or(cs);
            let by = base_years
                .iter()
                .find(|(p, _)| *p >= open && *p < x.num.0)
                .map(|(_, y)| *y);
            let label_unit =
                if sub(t, cs, open).ends_with("倍差") || sub(t, cs, open).ends_with('倍') {
                    "times"
                } else {
                    ""
                };
            let unit = [y.unit, x.unit, label_unit]
                .into_iter()
                .find(|u| !u.is_empty())
                .unwrap_or("");
            let inferred = y.unit.is_empty();
            let xv = x.value;
            let y = &mut figs[k];
            y.unit = unit;
            y.unit_inferred = inferred;
            y.baseline = Some((xv, by));
            y.word_start = y.word_start.min(open);
            figs.remove(k - 1);
            continue;
        }
        k += 1;
    }
}

/// "城乡居民人均可支配收入分别增长6%左右和6%以上": one figure per number, a comparator
/// written once after the last covering those without their own. Returns the groups
/// (first figure, figure after the last) and where 分别 stands.
fn respectively(t: &str, cl: &Clauses, figs: &mut [Fig]) -> Vec<(usize, usize, usize)> {
    let mut groups = Vec::new();
    let mut k = 0;
    while k < figs.len() {
        let cs = cl.start_of(figs[k].num.0);
        let Some(p) = t[cs..figs[k].word_start].rfind("分别").map(|p| cs + p) else {
            k += 1;
            continue;
        };
        let mut n = k + 1;
        while n < figs.len()
            && cl.start_of(figs[n].num.0) == cs
            && sub(t, figs[n - 1].num.1, figs[n].word_start)
                .chars()
                .all(|c| matches!(c, '、' | '和' | '与' | '及' | ',') || is_space(c))
        {
            n += 1;
        }
        if n - k >= 2 {
            let last = figs[n - 1].cmp;
            for f in &mut figs[k..n - 1] {
                if f.cmp == Comparator::Eq && last != Comparator::Eq {
                    f.cmp = last;
                }
            }
            groups.push((k, n, p));
        }
        k = n.max(k + 1);
    }
    groups
}

/// The labels of a "respectively" group: the first figure's for all, one subject each
/// when the subject lists as many ("城乡" is the towns and the countryside).
fn respective_labels(lex: &ZhLex, t: &str, groups: &[(usize, usize, usize)], figs: &mut [Fig]) {
    for &(k, n, p) in groups {
        let first = figs[k].label.clone();
        let text: String = first.iter().map(|&(a, b)| sub(t, a, b)).collect();
        let pair = lex.pairs.iter().find(|(w, _)| text.contains(w.as_str()));
        let listed = if pair.is_none() {
            listed_subjects(t, p, n - k, &text)
        } else {
            None
        };
        for (m, f) in figs[k..n].iter_mut().enumerate() {
            f.label = first.clone();
            if let Some((w, parts)) = pair
                && parts.len() == n - k
            {
                f.label_override = Some(text.replacen(w.as_str(), &parts[m], 1));
            } else if let Some((last, items)) = &listed {
                f.label_override = Some(text.replacen(last.as_str(), &items[m], 1));
            }
        }
    }
}

/// The subjects listed with 、 before 分别 (at `p`), one a figure, when the label is read
/// from the last: "城镇居民、农村居民人均可支配收入分别增长5.2%、7.6%" lists 城镇居民 and
/// 农村居民 sharing 人均可支配收入 (the items run parallel: of one length, one last
/// character); "工业增加值、固定资产投资分别增长7%和8%" lists two whole measures. Returns
/// the piece of `label` to replace and what each figure's label has there.
fn listed_subjects(t: &str, p: usize, count: usize, label: &str) -> Option<(String, Vec<String>)> {
    let before = &t[..p];
    let from = before
        .rfind(['，', ',', '；', ';', '。', '：', ':'])
        .map_or(0, |q| {
            q + before[q..].chars().next().map_or(1, char::len_utf8)
        });
    let items: Vec<&str> = before[from..].split('、').map(str::trim).collect();
    if items.len() != count || count < 2 || items.iter().any(|i| i.is_empty()) {
        return None;
    }
    let (last, heads) = items.split_last()?;
    let len = heads[0].chars().count();
    let parallel = heads
        .iter()
        .all(|h| h.chars().count() == len && h.chars().next_back() == heads[0].chars().next_back())
        && last.chars().count() > len
        && last.chars().nth(len - 1) == heads[0].chars().next_back();
    let piece: String = if parallel {
        last.chars().take(len).collect()
    } else {
        last.to_string()
    };
    if !label.contains(piece.as_str()) {
        return None;
    }
    let mut out: Vec<String> = heads.iter().map(|h| h.to_string()).collect();
    out.push(piece.clone());
    Some((piece, out))
}

/// "其余省份为6%左右": the places of the list before that have no figure of their own.
fn is_rest(before: &str) -> bool {
    ["其余", "其他", "其它"].iter().any(|w| before.contains(w))
}

/// Places named together ("江西、新疆", "广东、山东、浙江和辽宁"): one figure each of the
/// same number, or with 分别 one number each in order ("湖南、湖北分别为6.5%和7%").
fn coordinated(
    t: &str,
    cl: &Clauses,
    words: &[(usize, usize, Pat)],
    groups: &[(usize, usize, usize)],
    figs: &mut [Fig],
) {
    let mut places: Vec<(usize, usize, u16)> = words
        .iter()
        .filter_map(|&(a, b, p)| match p {
            Pat::Place(i) => Some((a, b, i)),
            _ => None,
        })
        .collect();
    if places.len() < 2 || figs.is_empty() {
        return;
    }
    places.sort_by_key(|p| p.0);
    let joiner = |s: &str| {
        let s = s.trim_matches(is_space);
        matches!(s, "、" | "和" | "与" | "及" | "以及" | "," | "/")
    };
    // chains of two or more places: (start, end, members)
    let mut chains: Vec<(usize, usize, Vec<u16>)> = Vec::new();
    for &(a, b, i) in &places {
        match chains.last_mut() {
            Some((_, e, m))
                if *e <= a && joiner(sub(t, *e, a)) && cl.start_of(*e) == cl.start_of(a) =>
            {
                *e = b;
                if !m.contains(&i) {
                    m.push(i);
                }
            }
            _ => chains.push((a, b, vec![i])),
        }
    }
    chains.retain(|c| c.2.len() >= 2);
    let chain_before = |f: &Fig| {
        let cs = cl.start_of(f.num.0);
        chains
            .iter()
            .rev()
            .find(|c| c.0 >= cs && c.1 <= f.word_start)
            .filter(|c| {
                // no other place between the chain and the figure
                !places.iter().any(|p| p.0 >= c.1 && p.1 <= f.word_start)
            })
    };
    let mut done = vec![false; figs.len()];
    for &(k, n, _) in groups {
        if let Some(c) = chain_before(&figs[k])
            && c.2.len() == n - k
        {
            let members = c.2.clone();
            for (m, f) in figs[k..n].iter_mut().enumerate() {
                f.places = vec![members[m]];
                done[k + m] = true;
            }
        }
    }
    for k in 0..figs.len() {
        let cs = cl.start_of(figs[k].num.0);
        if done[k] || !is_rest(&t[cs..figs[k].word_start]) {
            continue;
        }
        // the longest list before it, less the places given a figure since
        let Some(list) = chains
            .iter()
            .filter(|c| c.1 <= cs && c.2.len() >= 3)
            .max_by_key(|c| (c.2.len(), c.0))
        else {
            continue;
        };
        let named: Vec<u16> = places
            .iter()
            .filter(|p| p.0 >= list.1 && p.1 <= cs)
            .map(|p| p.2)
            .collect();
        let rest: Vec<u16> = list
            .2
            .iter()
            .copied()
            .filter(|p| !named.contains(p))
            .collect();
        if !rest.is_empty() {
            figs[k].places = rest;
            done[k] = true;
        }
    }
    for (k, f) in figs.iter_mut().enumerate() {
        if done[k] {
            continue;
        }
        if let Some(c) = chain_before(f)
            && sub(t, c.1, f.word_start).chars().count() <= 16
        {
            f.places = c.2.clone();
        }
    }
}

/// "家庭年可支配收入20-60万元群体的比例达到30.6%": a figure followed by a noun, before a
/// linking verb and another figure, is part of the subject.
fn drop_modifiers(lex: &ZhLex, t: &str, cl: &Clauses, figs: &mut Vec<Fig>) {
    let mut drop = vec![false; figs.len()];
    for k in 0..figs.len() {
        let f = &figs[k];
        if f.unit == "count" {
            continue;
        }
        let next = char_at(t, f.num.1).filter(|_| f.num.1 < cl.end);
        let nounish = next.is_some_and(|c| {
            is_han(c)
                && !matches!(
                    c,
                    '的' | '和' | '与' | '及' | '或' | '、' | '目' | '左' | '以'
                )
        });
        if !nounish {
            continue;
        }
        let cs = cl.start_of(f.num.0);
        let later = figs[k + 1..].iter().find(|g| cl.start_of(g.num.0) == cs);
        if let Some(g) = later {
            let between = sub(t, f.num.1, g.word_start);
            if lex.link.iter().any(|w| between.ends_with(w.as_str())) {
                drop[k] = true;
                // the other end of its range as well
                for (j, h) in figs.iter().enumerate() {
                    if h.quote == f.quote
                        && h.num.1 <= f.num.0
                        && sub(t, h.num.1, f.num.0).chars().count() <= 1
                    {
                        drop[j] = true;
                    }
                }
            }
        }
    }
    let mut i = 0;
    figs.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

/// The label of each figure: the words of its clause before it, without the time, place,
/// cue and comparator words; a label of only a change verb borrows the subject before it.
fn labels(
    lex: &ZhLex,
    t: &str,
    cl: &Clauses,
    words: &[(usize, usize, Pat)],
    taken: &[(usize, usize)],
    figs: &mut [Fig],
) {
    let mut prev_subject: Vec<(usize, usize)> = Vec::new();
    let mut prev_end = 0;
    for f in figs.iter_mut() {
        let a = cl
            .item_start_of(f.num.0)
            .max(cl.start_of(f.num.0))
            .max(prev_end);
        let a = a.min(f.word_start);
        prev_end = f.num.1;
        let b = f.word_start;
        // drop marks: time words, places, cues, years
        let mut cut: Vec<(usize, usize)> = Vec::new();
        for &(ws, we, p) in words {
            if ws >= a && we <= b && !matches!(p, Pat::Group | Pat::NationalTerm) {
                if matches!(p, Pat::Target | Pat::Plan) {
                    // "主要预期目标是: ...": everything up to it is the lead-in; but in
                    // "生产总值增长预期目标为9%" the label stands before it
                    let after = sub(t, we, b);
                    if after.starts_with('是') || after.starts_with('为') {
                        let label_follows = !after[3..].trim().is_empty();
                        cut.push(if label_follows {
                            (a, we + 3)
                        } else {
                            (ws, we + 3)
                        });
                        continue;
                    }
                }
                cut.push((ws, we));
            }
        }
        for &(ws, we) in taken {
            if ws >= a && we <= b {
                cut.push((ws, we));
            }
        }
        for w in &lex.label_drop {
            let mut from = a;
            while let Some(p) = sub(t, from, b).find(w.as_str()) {
                cut.push((from + p, from + p + w.len()));
                from += p + w.len();
            }
        }
        cut.sort();
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut at = a;
        for (cs, ce) in cut {
            if cs > at {
                pieces.push((at, cs));
            }
            at = at.max(ce);
        }
        if at < b {
            pieces.push((at, b));
        }
        trim_pieces(lex, t, &mut pieces);
        let text: String = pieces.iter().map(|&(x, y)| sub(t, x, y)).collect();
        let only_change = text.is_empty()
            || lex
                .change
                .iter()
                .any(|w| text.starts_with(w.as_str()) && text.len() <= w.len() + 6);
        if only_change && !prev_subject.is_empty() {
            let mut l = prev_subject.clone();
            l.extend(pieces.iter().copied());
            pieces = l;
        } else if !text.is_empty() {
            // the subject for the next clause: this label without its change verb
            let mut subj = pieces.clone();
            if let Some(last) = subj.last_mut() {
                let s = sub(t, last.0, last.1);
                if let Some(w) = lex.change.iter().find(|w| s.ends_with(w.as_str())) {
                    last.1 -= w.len();
                }
            }
            subj.retain(|p| p.1 > p.0);
            prev_subject = subj;
        }
        f.label = pieces;
    }
}

fn trim_pieces(lex: &ZhLex, t: &str, pieces: &mut Vec<(usize, usize)>) {
    let trim_chars = |c: char| {
        is_space(c)
            || matches!(
                c,
                '、' | ',' | ':' | ';' | '"' | '“' | '”' | '「' | '」' | '.' | '-'
            )
    };
    loop {
        let mut changed = false;
        pieces.retain(|p| p.1 > p.0);
        if let Some(first) = pieces.first_mut() {
            let s = sub(t, first.0, first.1);
            let trimmed = s.trim_start_matches(trim_chars);
            if trimmed.len() < s.len() {
                first.0 += s.len() - trimmed.len();
                changed = true;
            } else if let Some(w) = lex.label_lead.iter().find(|w| s.starts_with(w.as_str())) {
                first.0 += w.len();
                changed = true;
            }
        }
        pieces.retain(|p| p.1 > p.0);
        if let Some(last) = pieces.last_mut() {
            let s = sub(t, last.0, last.1);
            let trimmed = s.trim_end_matches(trim_chars);
            if trimmed.len() < s.len() {
                last.1 -= s.len() - trimmed.len();
                changed = true;
            } else if let Some(w) = lex
                .label_tail
                .iter()
                .find(|w| s.ends_with(w.as_str()) && s.len() > w.len())
            {
                last.1 -= w.len();
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    pieces.retain(|p| p.1 > p.0);
}

/// "两年平均增长3.6%", "年均增长5%": the figure spans years.
fn averages(t: &str, cl: &Clauses, evs: &[Ev], figs: &mut [Fig]) {
    let _ = t;
    for f in figs.iter_mut() {
        let cs = cl.start_of(f.num.0);
        for ev in evs {
            if let Ev::Mark {
                at,
                mark: Mark::Word(w),
            } = ev
                && *at >= cs
                && *at < f.word_start
            {
                match w {
                    TimeWord::Average(n) => f.avg = Some(Avg::Years(*n)),
                    TimeWord::Span => f.avg = Some(Avg::Span),
                    _ => {}
                }
            }
        }
    }
}

/// The quote of each figure: its clause, with the clause before it when its own is short
/// or borrows that clause's subject (8 to 90 characters).
fn quotes(t: &str, s: usize, cl: &Clauses, figs: &mut [Fig]) {
    for f in figs.iter_mut() {
        let mut a = f.quote.0.min(f.label.first().map_or(f.quote.0, |p| p.0));
        let b = f.quote.1.max(f.num.1);
        while sub(t, a, b).chars().count() < 8 && a > s {
            let prev = cl.start_of(a.saturating_sub(1).max(s));
            if prev >= a {
                break;
            }
            a = prev;
        }
        f.quote = (a, b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(s: &str) -> Vec<(f64, String, Comparator, String)> {
        let lex = ZhLex::get();
        read_sentence(lex, s, 0, s.len())
            .into_iter()
            .filter_map(|e| match e {
                Ev::Fig(f) => Some((
                    f.value,
                    f.unit.to_string(),
                    f.cmp,
                    f.label.iter().map(|&(a, b)| &s[a..b]).collect(),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn multipliers_units_and_comparators() {
        use Comparator::*;
        let f = figs("城镇新增就业1100万人以上,粮食产量保持在1.3万亿斤以上");
        assert_eq!(
            f[0],
            (11_000_000.0, "count".into(), Ge, "城镇新增就业".into())
        );
        assert_eq!(f[1], (1.3e12, "jin".into(), Ge, "粮食产量".into()));
        let f = figs("全国财政收入突破20万亿元,增长10.7%");
        assert_eq!(f[0], (2e13, "yuan".into(), Gt, "财政收入".into()));
        assert_eq!(f[1], (10.7, "%".into(), Eq, "财政收入增长".into()));
        let f = figs("城镇调查失业率控制在5.5%以内,居民消费价格涨幅控制在3%左右");
        assert_eq!((f[0].2, f[1].2), (Le, Approx));
        let f = figs("外商投资主体增至6000余户,日均新增市场主体超过1200户");
        assert_eq!((f[0].0, f[0].2), (6000.0, Gt));
        assert_eq!((f[1].0, f[1].2), (1200.0, Gt));
        let f = figs("今年整车产量达到70 万辆");
        assert_eq!(f[0].0, 700_000.0);
    }

    #[test]
    fn chinese_numerals_only_before_a_unit() {
        let f = figs("高于全国平均水平两个百分点,一是疫情防控取得重大战略成果");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].0, f[0].1.as_str()), (2.0, "pp"));
        let f = figs("城乡居民收入都翻一番以上,占全国三分之一");
        assert_eq!(
            (f[0].0, f[0].1.as_str(), f[0].2),
            (2.0, "times", Comparator::Ge)
        );
        assert_eq!((f[1].0, f[1].1.as_str()), (33.33, "%"));
        let lex = ZhLex::get();
        let v = |s: &str| zh_value(lex, &s.chars().collect::<Vec<_>>());
        assert_eq!(v("一千一百万"), Some(11_000_000.0));
        assert_eq!(v("十三"), Some(13.0));
        assert_eq!(v("两"), Some(2.0));
    }

    fn places_of(s: &str) -> Vec<Vec<u16>> {
        let lex = ZhLex::get();
        read_sentence(lex, s, 0, s.len())
            .into_iter()
            .filter_map(|e| match e {
                Ev::Fig(f) => Some(f.places.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn places_named_together_share_a_figure_or_take_one_each() {
        let lex = ZhLex::get();
        let id = |n: &str| lex.provinces.iter().position(|p| p == n).unwrap() as u16;
        let (jx, xj, hn, hb) = (id("Jiangxi"), id("Xinjiang"), id("Hunan"), id("Hubei"));
        assert_eq!(places_of("江西、新疆为7%左右"), vec![vec![jx, xj]]);
        assert_eq!(
            places_of("湖南和湖北的经济增长目标均为6.5%左右"),
            vec![vec![hn, hb]]
        );
        assert_eq!(
            places_of("湖南、湖北分别为6.5%和7%"),
            vec![vec![hn], vec![hb]]
        );
        // one place: the sentence's subject, no list
        assert_eq!(
            places_of("江西地区生产总值增长7%左右"),
            vec![Vec::<u16>::new()]
        );
        // a place between the list and the figure owns it
        assert_eq!(
            places_of("高于江西、新疆,湖南为6%"),
            vec![Vec::<u16>::new()]
        );
    }

    #[test]
    fn the_rest_of_a_list_is_its_places_without_a_figure_of_their_own() {
        let lex = ZhLex::get();
        let id = |n: &str| lex.provinces.iter().position(|p| p == n).unwrap() as u16;
        let f = places_of("江西、湖南、湖北、河南目标均为6%,其中江西为6%以上,其余省份为6%左右");
        assert_eq!(
            f.last().unwrap(),
            &vec![id("Hunan"), id("Hubei"), id("Henan")]
        );
        let f = places_of("广东、江苏、山东和浙江锚定5%,广东、山东为5%以上,其他省份为5%左右");
        assert_eq!(f.last().unwrap(), &vec![id("Jiangsu"), id("Zhejiang")]);
    }

    #[test]
    fn a_plan_compared_against_is_no_time_of_the_figure() {
        let lex = ZhLex::get();
        let plans = |s: &str| {
            read_sentence(lex, s, 0, s.len())
                .into_iter()
                .filter(|e| {
                    matches!(
                        e,
                        Ev::Mark {
                            mark: Mark::Plan(_),
                            ..
                        }
                    )
                })
                .count()
        };
        assert_eq!(plans("一般公共预算收入比“十二五”增长40.2%"), 0);
        assert_eq!(plans("地区生产总值由“十二五”末的6557亿元增加到9017亿元"), 0);
        assert_eq!(plans("“十三五”时期地区生产总值年均增长5.5%"), 1);
    }

    #[test]
    fn a_dateline_place_is_no_subject() {
        assert!(is_dateline("3月14日电 新华社受权"));
        assert!(is_dateline("1月17日讯(记者"));
        assert!(!is_dateline("3月14日召开"));
        assert!(!is_dateline("地区生产总值增长5%"));
        let lex = ZhLex::get();
        let s = "新华社北京3月5日电 国务院总理李强5日在政府工作报告中提出";
        let beijing = read_sentence(lex, s, 0, s.len()).into_iter().any(|e| {
            matches!(e, Ev::Mention { who: Who::Place(_), weight, subject, .. } if weight > 0.0 || subject)
        });
        assert!(!beijing);
    }

    #[test]
    fn years_dates_ordinals_and_names_are_no_figures() {
        assert!(figs("2023年1月12日在黑龙江省第十四届人民代表大会第一次会议上").is_empty());
        assert!(figs("要重点抓好11个方面任务的落实,重点做好10个方面工作").is_empty());
        assert!(figs("稳居全国第4位,建设西安地铁4号线,推动5G规模组网").is_empty());
        assert!(figs("多数省份高于5%,31个省份中").is_empty());
        assert_eq!(figs("甘肃、河南为6%,其余省份为6%左右").len(), 1);
        assert!(figs("全省地区生产总值连跨4个万亿级台阶").is_empty());
        assert!(figs("工业产值迈上两个千亿级台阶").is_empty());
        assert_eq!(figs("PM2.5平均浓度下降5%以上").len(), 1);
    }

    #[test]
    fn ranges_give_both_ends() {
        use Comparator::*;
        let f = figs("地区生产总值增长6%-6.5%");
        assert_eq!(
            f.iter().map(|x| (x.0, x.2)).collect::<Vec<_>>(),
            vec![(6.0, Ge), (6.5, Le)]
        );
        let f = figs("增长6%到7%");
        assert_eq!(
            f.iter().map(|x| (x.0, x.2)).collect::<Vec<_>>(),
            vec![(6.0, Ge), (7.0, Le)]
        );
        let f = figs("增长5-5.5%");
        assert_eq!(
            f.iter().map(|x| (x.0, x.1.as_str())).collect::<Vec<_>>(),
            vec![(5.0, "%"), (5.5, "%")]
        );
        // a range inside the subject is no figure
        let f = figs("家庭年可支配收入20-60万元群体的比例达到30.6%");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, 30.6);
    }

    #[test]
    fn from_x_to_y_gives_y_with_its_base() {
        let lex = ZhLex::get();
        let s = "城镇化率从63.2%提高到72.7%,城乡居民收入倍差从2.37缩小到1.94";
        let f: Vec<Fig> = read_sentence(lex, s, 0, s.len())
            .into_iter()
            .filter_map(|e| match e {
                Ev::Fig(f) => Some(*f),
                _ => None,
            })
            .collect();
        assert_eq!(f.len(), 2);
        assert_eq!((f[0].value, f[0].baseline), (72.7, Some((63.2, None))));
        assert_eq!(
            (f[1].value, f[1].unit, f[1].baseline),
            (1.94, "times", Some((2.37, None)))
        );
        let s = "国家认定的高新技术企业由2017年929家增长到3605家";
        let f: Vec<Fig> = read_sentence(lex, s, 0, s.len())
            .into_iter()
            .filter_map(|e| match e {
                Ev::Fig(f) => Some(*f),
                _ => None,
            })
            .collect();
        assert_eq!(
            (f[0].value, f[0].baseline),
            (3605.0, Some((929.0, Some(2017))))
        );
    }

    #[test]
    fn respectively_gives_each_listed_subject_its_figure() {
        let lex = ZhLex::get();
        let labels = |s: &str| -> Vec<String> {
            read_sentence(lex, s, 0, s.len())
                .into_iter()
                .filter_map(|e| match e {
                    Ev::Fig(f) => Some(
                        f.label_override
                            .unwrap_or_else(|| f.label.iter().map(|&(a, b)| &s[a..b]).collect()),
                    ),
                    _ => None,
                })
                .collect()
        };
        // parallel subjects sharing the measure, and whole measures
        assert_eq!(
            labels("城镇居民、农村居民人均可支配收入分别增长5.2%左右、7.6%左右"),
            vec!["城镇居民人均可支配收入增长", "农村居民人均可支配收入增长"]
        );
        assert_eq!(
            labels("工业增加值、固定资产投资分别增长7%和8%"),
            vec!["工业增加值增长", "固定资产投资增长"]
        );
    }

    #[test]
    fn respectively_shares_a_comparator_written_once() {
        use Comparator::*;
        let f = figs("城乡居民人均可支配收入分别增长8.5%和9%左右");
        assert_eq!(
            f.iter().map(|x| x.2).collect::<Vec<_>>(),
            vec![Approx, Approx]
        );
        let f = figs("城乡居民人均可支配收入分别增长6%左右和6%以上");
        assert_eq!(f.iter().map(|x| x.2).collect::<Vec<_>>(), vec![Approx, Ge]);
    }
}
