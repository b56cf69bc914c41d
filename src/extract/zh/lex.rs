//! The Chinese lexicons (`assets/lexicon/zh/`), read once. Every word list is matched on
//! the normalized text (Simplified script, ASCII digits and punctuation), so one
//! Simplified list serves texts in both scripts.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::model::Comparator;

use super::super::lexicon::{arrow, sections};

const GAZETTEER: &str = include_str!("../../../assets/lexicon/zh/gazetteer.txt");
const UNITS: &str = include_str!("../../../assets/lexicon/zh/units.txt");
const COMPARATORS: &str = include_str!("../../../assets/lexicon/zh/comparators.txt");
const TIME: &str = include_str!("../../../assets/lexicon/zh/time.txt");
const WORDS: &str = include_str!("../../../assets/lexicon/zh/words.txt");
const TRADITIONAL: &str = include_str!("../../../assets/lexicon/zh/traditional.txt");

/// A time word's meaning (time.txt).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeWord {
    /// The report's year plus this.
    Year(i32),
    /// The last n years before the report.
    Review(i32),
    /// An annual average over n years ending in the year in force.
    Average(i32),
    /// An annual average over the span in force.
    Span,
    /// A comparison base ("比上年"): not the figure's year.
    Compare,
}

/// What a word of the scanning automaton is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pat {
    /// A province, or a city of it (index into `provinces`).
    Place(u16),
    National,
    /// "全省", "我市": the document's own province.
    SelfRef,
    Time(TimeWord),
    Target,
    Review,
    Plan,
    Group,
    /// A word that tells a national text but is part of what is measured.
    NationalTerm,
}

pub struct ZhLex {
    /// Canonical English names, as the English gazetteer spells them.
    pub provinces: Vec<String>,
    automaton: AhoCorasick,
    /// Per automaton pattern, what it means (a word can be two things: 预期目标 is a
    /// target cue and a plan heading).
    meanings: Vec<Vec<Pat>>,
    /// Units, longest word first.
    pub units: Vec<(Vec<char>, String)>,
    pub multipliers: Vec<(char, f64)>,
    pub digits: Vec<(char, f64)>,
    pub not_counted: Vec<String>,
    /// Comparators, longest word first.
    pub after: Vec<(String, Comparator)>,
    pub before: Vec<(String, Comparator)>,
    pub hold: Vec<(String, Comparator)>,
    pub aside_before: Vec<String>,
    pub aside_after: Vec<String>,
    pub furniture: Vec<String>,
    pub captions: Vec<String>,
    pub label_drop: Vec<String>,
    pub label_lead: Vec<String>,
    pub label_tail: Vec<String>,
    pub change: Vec<String>,
    pub link: Vec<String>,
    /// Words naming two subjects at once, with the two.
    pub pairs: Vec<(String, Vec<String>)>,
    /// Traditional -> Simplified, indexed by code point from `T2S_BASE`.
    t2s: Vec<u32>,
}

const T2S_BASE: u32 = 0x3400;
const T2S_END: u32 = 0xA000;

/// A match of the automaton: byte range in the normalized text and its meanings.
#[derive(Debug, Clone, Copy)]
pub struct Found<'a> {
    pub start: usize,
    pub end: usize,
    pub pats: &'a [Pat],
}

impl ZhLex {
    pub fn get() -> &'static ZhLex {
        static LEX: OnceLock<ZhLex> = OnceLock::new();
        LEX.get_or_init(ZhLex::load)
    }

    fn load() -> ZhLex {
        let mut provinces: Vec<String> = Vec::new();
        let mut words: HashMap<String, Vec<Pat>> = HashMap::new();
        let mut add = |w: &str, p: Pat| {
            let w = w.trim();
            if !w.is_empty() {
                let v = words.entry(w.to_string()).or_default();
                if !v.contains(&p) {
                    v.push(p);
                }
            }
        };
        for line in GAZETTEER.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (head, names) = line.split_once('|').unwrap_or((line, ""));
            let head = head.trim();
            let names = names.split(',');
            if let Some(p) = head.strip_prefix("province ") {
                provinces.push(p.trim().to_string());
                let i = (provinces.len() - 1) as u16;
                names.for_each(|n| add(n, Pat::Place(i)));
            } else if let Some(p) = head.strip_prefix("cities ") {
                if let Some(i) = provinces.iter().position(|x| x == p.trim()) {
                    names.for_each(|n| add(n, Pat::Place(i as u16)));
                }
            } else if head == "national" {
                names.for_each(|n| add(n, Pat::National));
            } else if head == "self" {
                names.for_each(|n| add(n, Pat::SelfRef));
            }
        }
        for line in sections(TIME).remove("").unwrap_or_default() {
            let Some((w, v)) = arrow(line) else { continue };
            let mut it = v.split_whitespace();
            let n = |s: Option<&str>| s.and_then(|s| s.parse::<i32>().ok());
            let t = match it.next() {
                Some("year") => n(it.next()).map(TimeWord::Year),
                Some("review") => n(it.next()).map(TimeWord::Review),
                Some("average") => n(it.next()).map(TimeWord::Average),
                Some("span") => Some(TimeWord::Span),
                Some("compare") => Some(TimeWord::Compare),
                _ => None,
            };
            if let Some(t) = t {
                add(w, Pat::Time(t));
            }
        }
        let mut w = sections(WORDS);
        let mut list = |name: &str| -> Vec<String> {
            w.remove(name)
                .unwrap_or_default()
                .into_iter()
                .map(str::to_string)
                .collect()
        };
        for (name, p) in [
            ("target", Pat::Target),
            ("review", Pat::Review),
            ("plan", Pat::Plan),
            ("group", Pat::Group),
            ("national-term", Pat::NationalTerm),
        ] {
            for x in list(name) {
                add(&x, p);
            }
        }
        let aside_before = list("aside-before");
        let aside_after = list("aside-after");
        let furniture = list("furniture");
        let captions = list("caption");
        let longest_first = |mut v: Vec<String>| {
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
            v
        };
        let label_drop = longest_first(list("label-drop"));
        let label_lead = longest_first(list("label-lead"));
        let label_tail = longest_first(list("label-tail"));
        let change = longest_first(list("change"));
        let link = longest_first(list("link"));
        let pairs = list("pairs")
            .iter()
            .filter_map(|l| arrow(l))
            .map(|(a, b)| {
                (
                    a.to_string(),
                    b.split(',').map(|x| x.trim().to_string()).collect(),
                )
            })
            .collect();

        let mut pats: Vec<(String, Vec<Pat>)> = words.into_iter().collect();
        pats.sort_by(|a, b| a.0.cmp(&b.0));
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(pats.iter().map(|p| p.0.as_str()))
            .expect("the Chinese lexicon builds an automaton");
        let meanings = pats.into_iter().map(|p| p.1).collect();

        let mut u = sections(UNITS);
        let mut units: Vec<(Vec<char>, String)> = u
            .remove("unit")
            .unwrap_or_default()
            .into_iter()
            .filter_map(arrow)
            .map(|(a, b)| (a.chars().collect(), b.to_string()))
            .collect();
        units.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let chars_of = |v: Vec<&str>| -> Vec<(char, f64)> {
            v.into_iter()
                .filter_map(arrow)
                .filter_map(|(a, b)| Some((a.chars().next()?, b.parse().ok()?)))
                .collect()
        };
        let multipliers = chars_of(u.remove("multiplier").unwrap_or_default());
        let digits = chars_of(u.remove("digit").unwrap_or_default());
        let not_counted = u
            .remove("not-counted")
            .unwrap_or_default()
            .into_iter()
            .map(str::to_string)
            .collect();

        let mut c = sections(COMPARATORS);
        let mut cmp = |name: &str| -> Vec<(String, Comparator)> {
            let mut v: Vec<(String, Comparator)> = c
                .remove(name)
                .unwrap_or_default()
                .into_iter()
                .filter_map(arrow)
                .filter_map(|(a, b)| Some((a.to_string(), Comparator::from_symbol(b)?)))
                .collect();
            v.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
            v
        };
        let after = cmp("after");
        let before = cmp("before");
        let hold = cmp("hold");

        let mut t2s = vec![0u32; (T2S_END - T2S_BASE) as usize];
        for line in TRADITIONAL.lines().filter(|l| !l.starts_with('#')) {
            for pair in line.split_whitespace() {
                let mut cs = pair.chars();
                if let (Some(t), Some(s), None) = (cs.next(), cs.next(), cs.next())
                    && (T2S_BASE..T2S_END).contains(&(t as u32))
                    && t.len_utf8() == s.len_utf8()
                {
                    t2s[(t as u32 - T2S_BASE) as usize] = s as u32;
                }
            }
        }
        ZhLex {
            provinces,
            automaton,
            meanings,
            units,
            multipliers,
            digits,
            not_counted,
            after,
            before,
            hold,
            aside_before,
            aside_after,
            furniture,
            captions,
            label_drop,
            label_lead,
            label_tail,
            change,
            link,
            pairs,
            t2s,
        }
    }

    /// The Simplified form of a character (itself when it has none, or is not Chinese).
    #[inline]
    pub fn simplified(&self, c: char) -> char {
        let u = c as u32;
        if (T2S_BASE..T2S_END).contains(&u) {
            let s = self.t2s[(u - T2S_BASE) as usize];
            if s != 0 {
                return char::from_u32(s).unwrap_or(c);
            }
        }
        c
    }

    /// Lexicon words in `text[a..b]`, leftmost-longest, in order.
    pub fn scan<'s>(&'s self, text: &str, a: usize, b: usize) -> impl Iterator<Item = Found<'s>> {
        let slice = text.get(a..b).unwrap_or("");
        self.automaton
            .find_iter(slice)
            .map(move |m| Found {
                start: a + m.start(),
                end: a + m.end(),
                pats: &self.meanings[m.pattern().as_usize()],
            })
            .collect::<Vec<_>>()
            .into_iter()
    }

    pub fn multiplier(&self, c: char) -> Option<f64> {
        self.multipliers.iter().find(|m| m.0 == c).map(|m| m.1)
    }

    pub fn digit(&self, c: char) -> Option<f64> {
        self.digits.iter().find(|m| m.0 == c).map(|m| m.1)
    }

    /// The unit written at the start of `s`: its name and its length in bytes.
    pub fn unit_at(&self, s: &str) -> Option<(&str, usize)> {
        'units: for (w, name) in &self.units {
            let mut it = s.char_indices();
            let mut end = 0;
            for &c in w {
                match it.next() {
                    Some((i, x)) if x == c => end = i + x.len_utf8(),
                    _ => continue 'units,
                }
            }
            return Some((name.as_str(), end));
        }
        None
    }

    /// A comparator written at the start of `s` (of the `after` list).
    pub fn after_at(&self, s: &str) -> Option<(Comparator, usize)> {
        self.after
            .iter()
            .find(|(w, _)| s.starts_with(w.as_str()))
            .map(|(w, c)| (*c, w.len()))
    }

    /// A comparator written right before the end of `s` (of the `before` and `hold`
    /// lists), with whether it is a verb of keeping.
    pub fn before_ending(&self, s: &str) -> Option<(Comparator, usize, bool)> {
        let hold = self
            .hold
            .iter()
            .find(|(w, _)| s.ends_with(w.as_str()))
            .map(|(w, c)| (*c, w.len(), true));
        hold.or_else(|| {
            self.before
                .iter()
                .find(|(w, _)| s.ends_with(w.as_str()))
                .map(|(w, c)| (*c, w.len(), false))
        })
    }

    pub fn is_aside_before(&self, s: &str) -> bool {
        self.aside_before.iter().any(|w| s.ends_with(w.as_str()))
    }

    pub fn is_aside_after(&self, s: &str) -> bool {
        self.aside_after.iter().any(|w| s.starts_with(w.as_str()))
    }

    pub fn is_furniture(&self, line: &str) -> bool {
        let l = line.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '(' | '（' | '[' | '【')
        });
        self.furniture.iter().any(|w| l.starts_with(w.as_str()))
    }

    pub fn is_caption(&self, before: &str) -> bool {
        self.captions.iter().any(|w| before.ends_with(w.as_str()))
    }

    pub fn not_counted(&self, after: &str) -> bool {
        self.not_counted
            .iter()
            .any(|w| after.starts_with(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_loads_and_knows_its_words() {
        let l = ZhLex::get();
        assert_eq!(l.provinces.len(), 34);
        assert_eq!(l.simplified('萬'), '万');
        assert_eq!(l.simplified('億'), '亿');
        assert_eq!(l.simplified('增'), '增');
        assert_eq!(l.unit_at("个百分点,"), Some(("pp", "个百分点".len())));
        assert_eq!(l.unit_at("元/人"), Some(("yuan", 3)));
        assert_eq!(l.after_at("以上,"), Some((Comparator::Ge, 6)));
        assert_eq!(
            l.before_ending("城镇调查失业率控制在").map(|c| c.0),
            Some(Comparator::Le)
        );
        assert_eq!(
            l.before_ending("全国财政收入突破").map(|c| c.0),
            Some(Comparator::Gt)
        );
        let t = "广东省深圳市和全省";
        let f: Vec<_> = l
            .scan(t, 0, t.len())
            .map(|f| (&t[f.start..f.end], f.pats[0]))
            .collect();
        let gd = l.provinces.iter().position(|p| p == "Guangdong").unwrap() as u16;
        assert_eq!(
            f,
            vec![
                ("广东省", Pat::Place(gd)),
                ("深圳", Pat::Place(gd)),
                ("全省", Pat::SelfRef)
            ]
        );
    }
}
