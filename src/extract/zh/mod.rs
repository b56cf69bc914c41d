//! The Chinese reader: work reports, communiques and news of the two sessions written in
//! Chinese, in Simplified or Traditional script.
//!
//! The text is normalized (norm.rs), cut into paragraphs and sentences, each sentence read
//! on its own (read.rs: figures, times, places, cues in written order), and the sentences
//! walked in order with what the document says around them: its date (document.rs, the
//! same reader as for English), its province, the time in force (a sentence's topic time
//! holds until another is stated: "2019年,重庆...。物价形势总体稳定,..."), headings, and
//! whether it is a statistical communique (whose every figure is an outcome).

mod lex;
mod norm;
mod read;

use std::collections::HashMap;

use crate::model::{Baseline, Comparator, Extraction, Kind, Period, Span};

use super::document::{self, HeadLine};
use super::lexicon::Lexicon;
use super::{DateSource, DocInfo, Evidence, Mode, Options, Whence, YearSource};

pub use lex::ZhLex;
use norm::Norm;
use read::{Avg, Cue, Ev, Fig, Mark, Who, read_sentence, sub};

use super::indicator;
use lex::{Pat, TimeWord};

/// Whether a text is Chinese: more Chinese characters than Latin letters in its first
/// 64 KB, and enough of them to be more than a name or two.
pub fn is_chinese(text: &str) -> bool {
    let head = &text[..document::floor_boundary(text, 1 << 16)];
    let (mut han, mut latin) = (0usize, 0usize);
    for c in head.chars() {
        if crate::extract::text::is_han(c) {
            han += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    han >= 4 && han > latin
}

/// A paragraph of the normalized text.
#[derive(Debug, Clone, Copy)]
struct Para {
    start: usize,
    end: usize,
    furniture: bool,
}

const TERMINAL: &[char] = &[
    '。', '！', '？', '!', '?', ';', '；', ':', '：', '”', '」', ')', '）', '…',
];

/// Paragraphs: lines, with a line that breaks off mid-sentence (a long line without a
/// closing mark, as a hard-wrapped text has) joined to the next.
fn paragraphs(lex: &ZhLex, t: &str) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::new();
    let mut open: Option<Para> = None;
    for (a, b) in super::text::lines(t) {
        let line = sub(t, a, b);
        let trimmed = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        if trimmed.is_empty() {
            if let Some(p) = open.take() {
                out.push(p);
            }
            continue;
        }
        let mut cs = trimmed.chars();
        let list_number = cs
            .next()
            .is_some_and(|c| ZhLex::get().digit(c).is_some() || c == '十')
            && cs.next() == Some('、');
        let starts_item = line.starts_with(|c: char| c.is_whitespace() || c == '\u{3000}')
            || list_number
            || trimmed.starts_with(['●', '•', '■', '◆', '▲', '(', '（']);
        match open.as_mut() {
            Some(p) if !starts_item => p.end = b,
            _ => {
                if let Some(p) = open.take() {
                    out.push(p);
                }
                open = Some(Para {
                    start: a,
                    end: b,
                    furniture: lex.is_furniture(trimmed),
                });
            }
        }
        // "增长4." at a line's end is a decimal cut in two, whatever the line's length
        let cut_decimal = trimmed.ends_with('.')
            && trimmed[..trimmed.len() - 1].ends_with(|c: char| c.is_ascii_digit());
        let continues =
            cut_decimal || (trimmed.chars().count() >= 30 && !trimmed.ends_with(TERMINAL));
        if !continues && let Some(p) = open.take() {
            out.push(p);
        }
    }
    if let Some(p) = open.take() {
        out.push(p);
    }
    out
}

/// Sentences of a paragraph, each with its closing mark.
fn sentences(t: &str, p: &Para, out: &mut Vec<(usize, usize)>) {
    let mut s = p.start;
    for (k, c) in sub(t, p.start, p.end).char_indices() {
        if matches!(c, '。' | '！' | '？' | '!' | '?') {
            let e = p.start + k + c.len_utf8();
            if e > s {
                out.push((s, e));
            }
            s = e;
        }
    }
    if sub(t, s, p.end).trim().chars().count() > 0 {
        out.push((s, p.end));
    }
}

/// The time in force.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Frame {
    year: i32,
    period: Option<Period>,
    /// Read from 今年, 去年, 五年来: as sure as the document's date.
    relative: bool,
}

impl Frame {
    /// A plain year, from a stated year or the document's date.
    fn year(year: i32) -> Frame {
        Frame {
            year,
            period: None,
            relative: false,
        }
    }
}

struct Doc<'a> {
    info: &'a DocInfo,
    /// The year of a communique's figures.
    communique: Option<i32>,
    /// The province the document is about (Single), for "全省" and unnamed figures.
    scope: Option<u16>,
    /// The scope rests on the file name alone: the text says 全省 but names no province.
    scope_from_file: bool,
}

/// The document's scope from the places its sentences name: the title and the first
/// paragraphs weigh more; a national text names the nation most, a roundup several
/// provinces about equally.
fn scope_of(
    reads: &[(usize, Vec<Ev>)],
    paras: &[Para],
    n_provinces: usize,
    file_place: Option<u16>,
) -> (Mode, Option<u16>, bool) {
    let mut w = vec![0f32; n_provinces];
    let mut national = 0f32;
    let mut selfref = 0f32;
    for (pi, evs) in reads {
        let factor = match paras
            .iter()
            .take(4)
            .position(|p| p.start <= *pi && *pi < p.end.max(p.start + 1))
        {
            Some(0) => 3.0,
            Some(_) => 2.0,
            None => 1.0,
        };
        for ev in evs {
            if let Ev::Mention {
                who,
                weight,
                subject,
                ..
            } = ev
            {
                let v = weight * factor * if *subject { 1.0 } else { 0.5 };
                match who {
                    Who::Place(p) => w[*p as usize] += v,
                    Who::National => national += v,
                    Who::SelfRef => selfref += 1.0,
                }
            }
        }
    }
    let top = (0..n_provinces).max_by(|&a, &b| w[a].total_cmp(&w[b]));
    let Some(top) = top.filter(|&p| w[p] > 0.0) else {
        // "全省" throughout and no province named (a newspaper's digest of its own
        // province's report): the file name is the only witness left
        return match file_place {
            Some(p) if selfref > national => (Mode::Single(String::new()), Some(p), true),
            _ => (Mode::National, None, false),
        };
    };
    let wp = w[top];
    if national > wp * 1.5 && selfref == 0.0 {
        return (Mode::National, None, false);
    }
    let close = w.iter().filter(|&&x| x >= (wp * 0.5).max(2.0)).count();
    if close >= 3 {
        return (Mode::Roundup, None, false);
    }
    (Mode::Single(String::new()), Some(top as u16), false)
}

/// A province named in the file name, in Chinese ("湖北省政府工作报告.txt") or in
/// pinyin ("hubei-gwr-2025.txt"); the longest name wins ("shaanxi" over "shanxi").
fn file_place(lex: &ZhLex, file_name: &str) -> Option<u16> {
    let base = std::path::Path::new(file_name)
        .file_name()
        .map_or(file_name.to_string(), |b| b.to_string_lossy().into_owned());
    let norm = Norm::new(lex, &base);
    let zh = lex.scan(&norm.text, 0, norm.text.len()).find_map(|f| {
        f.pats.iter().find_map(|p| match p {
            Pat::Place(i) => Some(*i),
            _ => None,
        })
    });
    if zh.is_some() {
        return zh;
    }
    let squashed: String = base
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    lex.provinces
        .iter()
        .enumerate()
        .map(|(i, p)| (i, p.to_lowercase().replace([' ', '-'], "")))
        .filter(|(_, p)| p.len() >= 4 && squashed.contains(p.as_str()))
        .max_by_key(|(_, p)| p.len())
        .map(|(i, _)| i as u16)
}

/// The year of a statistical communique's figures: "2021年河南省国民经济和社会发展统计公报".
fn communique_year(head: &str) -> Option<i32> {
    let at = head.find("统计公报")?;
    let before = &head[..at];
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    document::years_in(&before[line_start..])
        .filter(|&(p, _)| before[line_start + p + 4..].starts_with('年'))
        .last()
        .map(|(_, y)| y)
}

pub fn extract(
    file_name: &str,
    text: &str,
    options: &Options,
    report: &mut (dyn FnMut(usize) -> bool + Send),
) -> Option<(DocInfo, Vec<Extraction>)> {
    let lex = ZhLex::get();
    let norm = Norm::new(lex, text);
    let t = norm.text.as_str();
    let paras = paragraphs(lex, t);

    let head: Vec<HeadLine> = paras
        .iter()
        .take(12)
        .map(|p| HeadLine {
            start: p.start,
            text: sub(t, p.start, p.end),
            furniture: p.furniture,
        })
        .collect();
    let mut date = document::report_date_or(options.report_year, file_name, t, &head);
    date.span = (norm.orig(date.span.0), norm.orig(date.span.1));
    let head_text = &t[..document::floor_boundary(t, 1500)];
    let work_report = matches!(date.source, DateSource::ReportTitle | DateSource::Delivered)
        || head_text.contains("政府工作报告");
    let communique = head_text
        .contains("统计公报")
        .then(|| communique_year(head_text).unwrap_or(date.year - 1));

    // every sentence read on its own, in parallel for a large text
    let mut sents: Vec<(usize, usize, usize)> = Vec::new();
    for (pi, p) in paras.iter().enumerate() {
        if p.furniture {
            continue;
        }
        let mut v = Vec::new();
        sentences(t, p, &mut v);
        sents.extend(v.into_iter().map(|(s, e)| (pi, s, e)));
    }
    let reads: Vec<Vec<Ev>> = if text.len() >= super::PARALLEL_FROM {
        use rayon::prelude::*;
        let mut out = Vec::with_capacity(sents.len());
        for chunk in sents.chunks(4096) {
            if let Some(&(_, s, _)) = chunk.first()
                && !report(norm.orig(s))
            {
                return None;
            }
            let part: Vec<Vec<Ev>> = chunk
                .par_iter()
                .map(|&(_, s, e)| read_sentence(lex, t, s, e))
                .collect();
            out.extend(part);
        }
        out
    } else {
        sents
            .iter()
            .map(|&(_, s, e)| read_sentence(lex, t, s, e))
            .collect()
    };

    let located: Vec<(usize, Vec<Ev>)> = sents
        .iter()
        .zip(reads)
        .map(|(&(_, s, _), evs)| (s, evs))
        .collect();
    let (mut mode, scope, scope_from_file) = scope_of(
        &located,
        &paras,
        lex.provinces.len(),
        file_place(lex, file_name),
    );
    if let (Mode::Single(name), Some(p)) = (&mut mode, scope) {
        *name = lex.provinces[p as usize].clone();
    }
    let info = DocInfo {
        report_year: date.year,
        report_year_source: date.source.as_str(),
        reviews_last_year: work_report || date.month.is_some_and(|m| m <= 3),
        date,
        mode,
    };
    let doc = Doc {
        info: &info,
        communique,
        scope,
        scope_from_file,
    };
    let mut walk = Walk {
        lex,
        en: Lexicon::get(),
        norm: &norm,
        orig: text,
        doc: &doc,
        carried: None,
        section_cue: None,
        para_subject: None,
        para: usize::MAX,
        out: Vec::new(),
        keys: HashMap::new(),
        topic: None,
    };
    // the findings' vector grown once: doubling it through 100,000 findings copies them
    // over and over and faults in fresh pages each time
    let n_figs: usize = located
        .iter()
        .map(|(_, evs)| evs.iter().filter(|e| matches!(e, Ev::Fig(_))).count())
        .sum();
    walk.out.reserve(n_figs + n_figs / 4);
    for (k, (s, evs)) in located.iter().enumerate() {
        let pi = sents[k].0;
        let heading = is_heading(t, &paras[pi], evs);
        let title = pi == 0 && is_title(t, &paras[pi]);
        walk.sentence(pi, *s, sents[k].2, evs, heading, title);
    }
    let mut out = walk.out;
    drop_cut_off(t, &norm, &mut out);
    report(text.len());
    Some((info, out))
}

/// A heading: a short paragraph without figures or a closing mark ("二、2017年工作安排",
/// "■ 2024年成绩单", "今年發展預期目標").
fn is_heading(t: &str, p: &Para, evs: &[Ev]) -> bool {
    open_line(t, p, 40) && !evs.iter().any(|e| matches!(e, Ev::Fig(_)))
}

/// A paragraph of at most `max` characters without a closing mark.
fn open_line(t: &str, p: &Para, max: usize) -> bool {
    let l = sub(t, p.start, p.end).trim();
    l.chars().count() <= max && !l.ends_with(['。', '!', '！', '?', '？'])
}

/// The document's first paragraph as a title: short, and no closing mark.
fn is_title(t: &str, p: &Para) -> bool {
    open_line(t, p, 60)
}

/// A text cut off mid-sentence gives no figure at its very end ("城镇新增就业1100万人以").
fn drop_cut_off(t: &str, norm: &Norm, out: &mut Vec<Extraction>) {
    let end = t.trim_end();
    if end.is_empty() || end.ends_with(TERMINAL) || end.ends_with(['。', '”', '"']) {
        return;
    }
    let cut_at = norm.orig(end.len());
    out.retain(|x| cut_at.saturating_sub(x.number.end) > 3);
}

struct Walk<'a> {
    lex: &'a ZhLex,
    en: &'a Lexicon,
    norm: &'a Norm,
    orig: &'a str,
    doc: &'a Doc<'a>,
    carried: Option<Frame>,
    section_cue: Option<Cue>,
    para_subject: Option<Who>,
    para: usize,
    out: Vec<Extraction>,
    /// The indicator a sentence without figures named: (key, its words in the text).
    topic: Option<(String, String)>,
    /// Indicator keys by unit and label.
    keys: HashMap<&'static str, HashMap<String, Option<String>>>,
}

impl Walk<'_> {
    fn frame_of(&self, m: Mark) -> Option<Frame> {
        let r = self.doc.info.report_year;
        let p = |a: i32, b: i32| Some(Period { start: a, end: b });
        Some(match m {
            Mark::Year(y) => Frame::year(y),
            Mark::Period(a, b) => Frame {
                year: b,
                period: p(a, b),
                relative: false,
            },
            Mark::Plan(end) => Frame {
                year: end,
                period: p(end - 4, end),
                relative: false,
            },
            Mark::Word(TimeWord::Year(o)) => Frame {
                year: r + o,
                period: None,
                relative: true,
            },
            Mark::Word(TimeWord::Review(n)) => Frame {
                year: r - 1,
                period: p(r - n, r - 1),
                relative: true,
            },
            Mark::Word(_) => return None,
        })
    }

    fn sentence(
        &mut self,
        para: usize,
        s: usize,
        e: usize,
        evs: &[Ev],
        heading: bool,
        title: bool,
    ) {
        if para != self.para {
            self.para = para;
            self.para_subject = None;
        }
        // "31个省区市2023年经济增长预期目标均已出炉": a sentence without figures that names
        // an indicator is the topic of the bare figures after it ("海南为9.5%左右")
        if !evs.iter().any(|ev| matches!(ev, Ev::Fig(_))) {
            let text = sub(&self.norm.text, s, e);
            if let Some(key) = indicator::key(self.en, text, "%")
                && let Some(rule) = self.en.indicators.iter().find(|r| r.key == key)
                && let Some(word) = rule
                    .synonyms
                    .iter()
                    .filter(|w| !w.is_ascii() && text.contains(w.as_str()))
                    .max_by_key(|w| w.len())
            {
                self.topic = Some((key, word.clone()));
            }
        }
        // "地区生产总值增长5.6%以上,历城区描绘2025年发展蓝图": a title's figures are of the
        // year it names, wherever the year stands, when that is the report's year or later
        // and the title does not look back (回顾, 成绩单)
        let reviews = evs.iter().any(|ev| {
            matches!(
                ev,
                Ev::Cue {
                    cue: Cue::Review,
                    ..
                }
            )
        });
        let mut local: Option<Frame> = if title && !reviews {
            evs.iter()
                .find_map(|ev| match ev {
                    Ev::Mark { mark, .. } => Some(self.frame_of(*mark)),
                    _ => None,
                })
                .flatten()
                .filter(|f| f.year >= self.doc.info.report_year)
        } else {
            None
        };
        let mut topic: Option<Frame> = None;
        let mut used: Option<Frame> = None;
        let mut subject: Option<Who> = None;
        let mut cue: Option<Cue> = None;
        for ev in evs {
            match ev {
                Ev::Mark { mark, .. } => {
                    if let Some(f) = self.frame_of(*mark) {
                        local = Some(f);
                        topic.get_or_insert(f);
                    }
                }
                Ev::Mention {
                    who, subject: true, ..
                } => {
                    subject = Some(*who);
                    if matches!(who, Who::Place(_)) {
                        self.para_subject = Some(*who);
                    }
                }
                Ev::Mention { .. } => {}
                Ev::Cue { cue: c, .. } => {
                    cue = Some(match c {
                        Cue::Plan => Cue::Target,
                        c => *c,
                    })
                }
                Ev::Fig(f) if !f.places.is_empty() => {
                    for &p in &f.places {
                        used = Some(self.figure(f, local, cue, Some(Who::Place(p))));
                    }
                }
                Ev::Fig(f) => {
                    let frame = self.figure(f, local, cue, subject);
                    used = Some(frame);
                }
            }
        }
        if heading {
            self.section_cue = evs.iter().find_map(|e| match e {
                Ev::Cue { cue, .. } => Some(*cue),
                _ => None,
            });
        }
        if let Some(f) = used.or(topic) {
            self.carried = Some(f);
        }
    }

    /// Emits a figure; returns the time it was read in.
    fn figure(
        &mut self,
        f: &Fig,
        local: Option<Frame>,
        cue: Option<Cue>,
        subject: Option<Who>,
    ) -> Frame {
        let info = self.doc.info;
        let r = info.report_year;
        let targetish = |c: Option<Cue>| matches!(c, Some(Cue::Target | Cue::Plan));
        // a past year is an outcome, unless 目标 says it was that year's goal
        let kind_in = |fr: Frame| {
            if fr.year < r && !f.target_word {
                Kind::Actual
            } else {
                Kind::Target
            }
        };
        let (frame, ysrc, kind) = if let Some(y) = self.doc.communique {
            let fr = local.or(self.carried).unwrap_or(Frame::year(y));
            let src = if local.is_some() {
                YearSource::Stated
            } else {
                YearSource::Section
            };
            (fr, src, Kind::Actual)
        } else if let Some(fr) = local {
            (fr, YearSource::Stated, kind_in(fr))
        } else if let Some(fr) = self.carried {
            if fr.year < r && targetish(cue) {
                (Frame::year(r), YearSource::Report, Kind::Target)
            } else {
                (fr, YearSource::Carried, kind_in(fr))
            }
        } else if targetish(cue) || targetish(self.section_cue) {
            (Frame::year(r), YearSource::Report, Kind::Target)
        } else {
            let year = if info.reviews_last_year || cue == Some(Cue::Review) {
                r - 1
            } else {
                r
            };
            (Frame::year(year), YearSource::Report, Kind::Actual)
        };
        let mut period = frame.period;
        match f.avg {
            Some(Avg::Years(n)) if n > 1 => {
                period = Some(Period {
                    start: frame.year - n + 1,
                    end: frame.year,
                })
            }
            _ => {}
        }
        let baseline = f.baseline.map(|(v, by)| {
            if period.is_none()
                && let Some(b) = by
                && b < frame.year
            {
                period = Some(Period {
                    start: b,
                    end: frame.year,
                });
            }
            Baseline {
                value: v,
                year: by.or(period.map(|p| p.start)).unwrap_or(frame.year - 1),
            }
        });

        let (province, whence) = self.province(subject);
        let o = |i: usize| self.norm.orig(i);
        let mut label: String = match &f.label_override {
            Some(l) => l.clone(),
            None => f
                .label
                .iter()
                .map(|&(a, b)| sub(self.orig, o(a), o(b)))
                .collect(),
        };
        // "其余省份为6%左右": the words name who, not what
        if ["其余", "其他", "其它"]
            .iter()
            .any(|w| label.starts_with(w))
        {
            label.clear();
        }
        let from_topic = match &self.topic {
            Some((k, w)) if label.trim().is_empty() && f.unit == "%" => {
                label = w.clone();
                Some(k.clone())
            }
            _ => None,
        };
        let label_norm: String = f
            .label
            .iter()
            .map(|&(a, b)| sub(&self.norm.text, a, b))
            .collect();
        // labels repeat through a document (and a concatenation of many): look each up once
        let key_label = f.label_override.as_deref().unwrap_or(&label_norm);
        let by_label = self.keys.entry(f.unit).or_default();
        let key = match from_topic {
            Some(k) => Some(k),
            None => match by_label.get(key_label) {
                Some(k) => k.clone(),
                None => {
                    let k = indicator::key(self.en, key_label, f.unit);
                    by_label.insert(key_label.to_string(), k.clone());
                    k
                }
            },
        };
        let weak_date = matches!(
            info.date.source,
            DateSource::MostFrequentYear | DateSource::Today
        );
        // "今年" in a text of unknown date is no surer than the date
        let ysrc = if weak_date && frame.relative && ysrc == YearSource::Stated {
            YearSource::Report
        } else {
            ysrc
        };
        let evidence = Evidence {
            whence,
            year: ysrc,
            tense_disagrees: (kind == Kind::Actual && targetish(cue) && local.is_none())
                || (kind == Kind::Target && cue == Some(Cue::Review)),
            unit_inferred: f.unit_inferred,
            bare: false,
            no_label: label.trim().is_empty(),
            name_like: false,
            weak_date,
            mode: &info.mode,
        };
        let (confidence, doubt) = evidence.judge();
        self.out.push(Extraction {
            kind,
            province,
            year: frame.year,
            period,
            indicator: label,
            indicator_key: key,
            value: f.value,
            unit: f.unit.to_string(),
            comparator: f.cmp,
            baseline,
            wording: sub(self.orig, o(f.word_start), o(f.num.1)).to_string(),
            sentence: Span {
                start: o(f.quote.0),
                end: o(f.quote.1),
            },
            number: Span {
                start: o(f.num.0),
                end: o(f.num.1),
            },
            confidence: Some(confidence),
            doubt,
        });
        let _ = Comparator::Eq;
        frame
    }

    fn province(&self, subject: Option<Who>) -> (String, Whence) {
        let name = |p: u16| self.lex.provinces[p as usize].clone();
        let scope = || match (&self.doc.info.mode, self.doc.scope) {
            (Mode::Single(_), Some(p)) => Some(name(p)),
            (Mode::National, _) => Some("China".to_string()),
            _ => None,
        };
        match subject {
            Some(Who::Place(p)) => (name(p), Whence::Named),
            Some(Who::National) => ("China".into(), Whence::Named),
            Some(Who::SelfRef) => match scope() {
                Some(s) if self.doc.scope_from_file => (s, Whence::FileName),
                Some(s) => (s, Whence::Named),
                None => self.carried_province(),
            },
            None => match scope() {
                Some(s) if self.doc.scope_from_file => (s, Whence::FileName),
                Some(s) => (s, Whence::Document),
                None => self.carried_province(),
            },
        }
    }

    fn carried_province(&self) -> (String, Whence) {
        match self.para_subject {
            Some(Who::Place(p)) => (self.lex.provinces[p as usize].clone(), Whence::Carried),
            _ => ("China".into(), Whence::Document),
        }
    }
}

#[cfg(test)]
mod topic_tests {
    fn labels(text: &str) -> Vec<(String, Option<String>)> {
        crate::extract::extract("roundup-2023.txt", text)
            .into_iter()
            .map(|x| (x.indicator, x.indicator_key))
            .collect()
    }

    #[test]
    fn bare_figures_take_the_indicator_the_sentence_before_named() {
        let l = labels(
            "31个省区市2023年经济增长预期目标均已出炉。\n其中,海南为9.5%左右,西藏为8%左右。\n",
        );
        assert_eq!(l.len(), 2);
        assert!(
            l.iter()
                .all(|(w, k)| w == "经济增长" && k.as_deref() == Some("gdp_growth")),
            "{l:?}"
        );
        let l = labels("各地今年城镇调查失业率目标陆续公布。\n江苏为5.5%左右,浙江为5.5%以内。\n");
        assert_eq!(l.len(), 2);
        assert!(
            l.iter()
                .all(|(_, k)| k.as_deref() == Some("surveyed_unemployment")),
            "{l:?}"
        );
    }

    #[test]
    fn a_label_before_a_target_cue_stays() {
        // the label before "预期目标为"; the lead-in before "主要预期目标是:" goes
        let l = labels("广东省政府工作报告。\n今年全省生产总值增长预期目标为9%。\n");
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].1.as_deref(), Some("gdp_growth"), "{l:?}");
        let l = labels("浙江省政府工作报告。\n今年城镇调查失业率目标为5.5%左右。\n");
        assert_eq!(l[0].1.as_deref(), Some("surveyed_unemployment"), "{l:?}");
        let l = labels("浙江省政府工作报告。\n今年的主要预期目标是:地区生产总值增长6%。\n");
        assert_eq!(l[0].1.as_deref(), Some("gdp_growth"), "{l:?}");
    }

    #[test]
    fn a_year_compared_with_is_no_year_of_the_figures_after_it() {
        let years = |body: &str| -> Vec<(i32, String)> {
            crate::extract::extract("zq-2025.txt", &format!("肇庆市政府工作报告\n\n{body}\n"))
                .into_iter()
                .map(|x| (x.year, x.kind.as_str().to_string()))
                .collect()
        };
        let t = years(
            "今年的主要预期目标是:一般公共预算收入总量与上年持平,居民消费价格涨幅2%左右,城镇新增就业3.5万人以上。",
        );
        assert_eq!(t, vec![(2025, "target".into()), (2025, "target".into())]);
        let t = years("今年的主要预期目标是:粮食产量和去年持平,城镇新增就业4万人以上。");
        assert_eq!(t, vec![(2025, "target".into())]);
    }

    #[test]
    fn a_title_names_the_year_of_its_figures_wherever_it_stands() {
        let rows = |file: &str, text: &str| -> Vec<(String, i32)> {
            crate::extract::extract(file, text)
                .into_iter()
                .map(|x| (x.kind.as_str().to_string(), x.year))
                .collect()
        };
        let r = rows(
            "qq-2025-01-09.txt",
            "地区生产总值增长5.6%以上,历城区描绘2025年发展蓝图\n1月9日,历城区第十九届人民代表大会第四次会议召开。\n",
        );
        assert_eq!(r, vec![("target".to_string(), 2025)]);
        let r = rows(
            "bj-2025-01-14.txt",
            "经济增长5%左右 北京2025年发展目标出炉\n1月14日,北京市第十六届人民代表大会第三次会议开幕。\n",
        );
        assert_eq!(r, vec![("target".to_string(), 2025)]);
        // a year before the report's is no plan year: the figure stays as read
        let r = rows(
            "x-2025-01-14.txt",
            "地区生产总值增长5.2%,回顾2024年发展成就\n1月14日,会议开幕。\n",
        );
        assert!(r.iter().all(|(k, _)| k == "actual"), "{r:?}");
    }
}
