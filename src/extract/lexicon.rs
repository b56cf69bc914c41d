//! The extraction lexicons, read once from the text files in `assets/lexicon/`.
//!
//! Everything language-specific the rules need (place names, comparator phrases, units,
//! time phrases, verb classes, indicator synonyms) lives in those files, so extending
//! coverage is an edit to data, not to code.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// The multiply-rotate hash of rustc (FxHash): word lookups are the extractor's inner
/// loop, and SipHash's resistance to flooding buys nothing for a fixed lexicon.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    fn write_usize(&mut self, i: usize) {
        self.write(&i.to_le_bytes());
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;
pub type WordSet<T> = HashSet<T, FxBuild>;
pub type WordMap<K, V> = HashMap<K, V, FxBuild>;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::model::Comparator;

use super::text::{Tk, Token, tokenize_str};

const GAZETTEER: &str = include_str!("../../assets/lexicon/gazetteer.txt");
const COMPARATORS: &str = include_str!("../../assets/lexicon/comparators.txt");
const UNITS: &str = include_str!("../../assets/lexicon/units.txt");
const WORDS: &str = include_str!("../../assets/lexicon/words.txt");
const HORIZONS: &str = include_str!("../../assets/lexicon/horizons.txt");
const FURNITURE: &str = include_str!("../../assets/lexicon/furniture.txt");
const INDICATORS: &str = include_str!("../../assets/lexicon/indicators.txt");
const ZH_INDICATORS: &str = include_str!("../../assets/lexicon/zh/indicators.txt");

/// A phrase as a token sequence, compared case-insensitively with text tokens.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub toks: Vec<(Tk, String)>,
}

impl Phrase {
    fn new(s: &str) -> Phrase {
        let toks = tokenize_str(s)
            .into_iter()
            .map(|t| (t.kind, s[t.start..t.end].to_lowercase()))
            .collect();
        Phrase { toks }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Does the phrase occur in `toks` starting at index `at`?
    pub fn matches_at(&self, text: &str, toks: &[Token], at: usize) -> bool {
        if at + self.toks.len() > toks.len() {
            return false;
        }
        self.toks
            .iter()
            .zip(&toks[at..])
            .all(|((k, w), t)| *k == t.kind && eq_word(&text[t.start..t.end], w))
    }

    /// Does the phrase end right before index `end` (exclusive)?
    pub fn matches_ending_at(&self, text: &str, toks: &[Token], end: usize) -> bool {
        end >= self.toks.len() && self.matches_at(text, toks, end - self.toks.len())
    }
}

/// Case-insensitive comparison of a text slice with a lower-case lexicon word.
pub fn eq_word(text: &str, lower: &str) -> bool {
    // most calls compare different words: settle those on the first byte
    let (a, b) = (text.as_bytes(), lower.as_bytes());
    if let (Some(x), Some(y)) = (a.first(), b.first())
        && x.is_ascii()
        && y.is_ascii()
        && !x.eq_ignore_ascii_case(y)
    {
        return false;
    }
    if a.len() == b.len() && text.eq_ignore_ascii_case(lower) {
        return true;
    }
    if text.is_ascii() && lower.is_ascii() {
        return false;
    }
    // Typographic apostrophes are spelled both ways in translations.
    text.replace('’', "'").to_lowercase() == lower.replace('’', "'")
}

/// Lower-case an ASCII word into `buf` without allocating; None for other words.
pub fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 48]) -> Option<&'b [u8]> {
    let w = word.as_bytes();
    if w.len() > buf.len() {
        return None;
    }
    // one pass: lower-case and note any non-ASCII byte on the way
    let mut high = 0u8;
    for (d, &c) in buf.iter_mut().zip(w) {
        high |= c;
        *d = c.to_ascii_lowercase();
    }
    (high < 0x80).then(|| &buf[..w.len()])
}

/// The lookup key of a word: its lower-case bytes, apostrophes unified.
pub fn with_word_key<R>(word: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    let mut buf = [0u8; 48];
    match ascii_lower(word, &mut buf) {
        Some(k) => f(k),
        None => f(word.to_lowercase().replace('’', "'").as_bytes()),
    }
}

/// Phrases indexed by their first and last word, so a lookup at a position only tries
/// the phrases that can start (or end) there. Buckets keep the longest phrases first.
#[derive(Debug, Default, Clone)]
struct PhraseIndex {
    by_first: WordMap<Vec<u8>, Vec<usize>>,
    by_last: WordMap<Vec<u8>, Vec<usize>>,
}

impl PhraseIndex {
    fn build(phrases: &[&Phrase]) -> PhraseIndex {
        let mut ix = PhraseIndex::default();
        for (i, p) in phrases.iter().enumerate() {
            if let (Some(first), Some(last)) = (p.toks.first(), p.toks.last()) {
                ix.by_first
                    .entry(first.1.as_bytes().to_vec())
                    .or_default()
                    .push(i);
                ix.by_last
                    .entry(last.1.as_bytes().to_vec())
                    .or_default()
                    .push(i);
            }
        }
        ix
    }

    fn bucket<'a>(map: &'a WordMap<Vec<u8>, Vec<usize>>, text: &str, t: &Token) -> &'a [usize] {
        with_word_key(t.text(text), |k| map.get(k)).map_or(&[], Vec::as_slice)
    }

    fn starting(&self, text: &str, toks: &[Token], at: usize) -> &[usize] {
        toks.get(at)
            .map_or(&[], |t| Self::bucket(&self.by_first, text, t))
    }

    fn ending(&self, text: &str, toks: &[Token], end: usize) -> &[usize] {
        end.checked_sub(1)
            .and_then(|i| toks.get(i))
            .map_or(&[], |t| Self::bucket(&self.by_last, text, t))
    }
}

/// A list of phrases, matched longest first: a `PhraseMap` without values, plus a set of
/// its one-word entries for the common single-word test.
#[derive(Debug, Clone)]
pub struct PhraseSet {
    map: PhraseMap<()>,
    single: WordSet<Vec<u8>>,
}

impl PhraseSet {
    fn from_lines(lines: &[&str]) -> PhraseSet {
        let map = PhraseMap::new(lines.iter().map(|l| (Phrase::new(l), ())).collect());
        let single = map
            .entries
            .iter()
            .filter(|(p, _)| p.len() == 1)
            .map(|(p, _)| p.toks[0].1.as_bytes().to_vec())
            .collect();
        PhraseSet { map, single }
    }

    /// Is this one word in the set?
    pub fn has_word(&self, word: &str) -> bool {
        with_word_key(word, |k| self.single.contains(k))
    }

    /// The last words of the phrases, lower case.
    pub fn last_words(&self) -> impl Iterator<Item = &[u8]> {
        self.map.index.by_last.keys().map(Vec::as_slice)
    }

    /// Length (in tokens) of the longest phrase that ends right before `end`.
    pub fn longest_ending_at(&self, text: &str, toks: &[Token], end: usize) -> Option<usize> {
        self.map.longest_ending_at(text, toks, end).map(|(n, ())| n)
    }

    /// Length of the longest phrase starting at `at`.
    pub fn longest_at(&self, text: &str, toks: &[Token], at: usize) -> Option<usize> {
        self.map.longest_at(text, toks, at).map(|(n, ())| n)
    }

    /// Does any phrase occur anywhere in `toks[from..to]`?
    pub fn any_in(&self, text: &str, toks: &[Token], from: usize, to: usize) -> bool {
        (from..to).any(|i| {
            self.map.index.starting(text, toks, i).iter().any(|&k| {
                let p = &self.map.entries[k].0;
                i + p.len() <= to && p.matches_at(text, toks, i)
            })
        })
    }
}

/// A phrase mapped to a value (a comparator, a unit, a multiplier...).
#[derive(Debug, Clone)]
pub struct PhraseMap<V> {
    pub entries: Vec<(Phrase, V)>,
    index: PhraseIndex,
}

impl<V: Clone> PhraseMap<V> {
    fn new(mut entries: Vec<(Phrase, V)>) -> Self {
        entries.retain(|(p, _)| !p.is_empty());
        entries.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let index = PhraseIndex::build(&entries.iter().map(|(p, _)| p).collect::<Vec<_>>());
        PhraseMap { entries, index }
    }

    pub fn longest_at(&self, text: &str, toks: &[Token], at: usize) -> Option<(usize, V)> {
        self.index
            .starting(text, toks, at)
            .iter()
            .map(|&i| &self.entries[i])
            .find(|(p, _)| p.matches_at(text, toks, at))
            .map(|(p, v)| (p.len(), v.clone()))
    }

    pub fn longest_ending_at(&self, text: &str, toks: &[Token], end: usize) -> Option<(usize, V)> {
        self.index
            .ending(text, toks, end)
            .iter()
            .map(|&i| &self.entries[i])
            .find(|(p, _)| p.matches_ending_at(text, toks, end))
            .map(|(p, v)| (p.len(), v.clone()))
    }
}

/// What a gazetteer alias names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Province,
    City,
    Region,
    National,
}

#[derive(Debug, Clone)]
pub struct Place {
    /// Canonical unit the mention counts for (a city counts for its province).
    pub unit: u16,
    pub kind: PlaceKind,
    /// Aliases written in lower case may match any case; capitalised ones only
    /// a capitalised word in the text.
    pub any_case: bool,
}

/// Relative time phrases from `horizons.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Horizon {
    /// Report year plus offset.
    Report(i32),
    /// Year in context plus offset.
    Context(i32),
    /// The year named last before ("by that time").
    Previous,
    /// The five years up to the year before the report.
    Review5,
    /// The five years from the report year.
    Plan5,
}

/// What an Aho-Corasick hit in the text is.
#[derive(Debug, Clone, Copy)]
pub enum Hit {
    Place(u16),
    Horizon(Horizon),
    FiveYearPlan,
    NumberWord,
    /// The document's word for itself: "the province", 全省.
    Local,
}

#[derive(Debug)]
pub struct IndicatorRule {
    pub key: String,
    pub units: Vec<String>,
    /// Some(true): growth only; Some(false): levels only; None: any.
    pub growth: Option<bool>,
    pub synonyms: Vec<String>,
}

pub struct Lexicon {
    /// Canonical names of provincial units, regions and "China".
    pub units: Vec<String>,
    pub unit_kind: Vec<PlaceKind>,
    /// Member provinces of each region unit (empty for others).
    pub members: Vec<Vec<u16>>,
    pub national: u16,
    /// Lower-case canonical name -> unit, for `unit_by_name`.
    unit_index: WordMap<Vec<u8>, u16>,
    places: Vec<Place>,
    hits: Vec<Hit>,
    automaton: AhoCorasick,

    pub cmp_before: PhraseMap<Comparator>,
    pub cmp_after: PhraseMap<Comparator>,
    pub units_after: PhraseMap<String>,
    pub units_prefix: PhraseMap<String>,
    pub multipliers: PhraseMap<f64>,
    pub per: PhraseMap<String>,

    pub future: PhraseSet,
    pub past: PhraseSet,
    pub plan_participle: PhraseSet,
    pub bare_before: PhraseSet,
    pub not_a_noun: PhraseSet,
    pub label_before: PhraseSet,
    pub meta_nouns: PhraseSet,
    pub duration_before: PhraseSet,
    pub duration_after: PhraseSet,
    pub superlative: PhraseSet,
    pub subject_after: PhraseSet,
    pub present: PhraseSet,
    /// Every word that ends a phrase of tense (future, past, present, weak future): a
    /// word outside it ends none.
    pub tense_last_words: WordSet<Vec<u8>>,
    pub group_quantifiers: PhraseSet,
    pub size_nouns: PhraseSet,
    pub change_verbs: PhraseSet,
    pub cap_verbs: PhraseSet,
    pub threshold_nouns: PhraseSet,
    pub participle_like: PhraseSet,
    pub auxiliary: PhraseSet,
    pub perfect_modals: PhraseSet,
    pub weak_future: PhraseSet,
    pub group_nouns: PhraseSet,
    pub forecasters: PhraseSet,
    pub forecast_words: PhraseSet,
    pub year_nouns: PhraseSet,
    pub money_nouns: PhraseSet,
    pub span_words: PhraseSet,
    pub seat_of_government: PhraseSet,
    pub policy_verbs: PhraseSet,
    /// Sentence openings that refer back: "It", "The province".
    anaphora_start: Vec<String>,
    plural_anaphora: Vec<String>,
    pub target_nouns: PhraseSet,
    pub target_verbs: PhraseSet,
    pub revise_verbs: PhraseSet,
    pub not_target_link: PhraseSet,
    pub months: PhraseSet,
    pub weekdays: PhraseSet,
    pub venue_events: PhraseSet,
    pub year_before: PhraseSet,
    pub ordinal_suffix: PhraseSet,

    pub furniture_starts: Vec<String>,
    pub furniture_ends: Vec<String>,
    pub furniture_numbered: Vec<String>,
    pub furniture_credits: Vec<String>,
    /// Words of the annual congresses ("two sessions", 人代会): news of them early in the
    /// year reports the year before.
    pub two_sessions_words: Vec<String>,
    /// Words a place's name goes on with: "Province", "Zhuang Autonomous Region"
    /// (lowercase, longest first).
    pub designators: Vec<String>,
    pub indicators: Vec<IndicatorRule>,
    /// Per word length, bit masks of the first and last letters of number words: most
    /// words are turned away without hashing.
    number_shape: [(u32, u32); 16],
    number_words: WordMap<&'static [u8], f64>,
}

/// Lines of a lexicon file grouped by `[section]`, comments and blanks dropped.
pub(super) fn sections(src: &str) -> HashMap<String, Vec<&str>> {
    let mut out: HashMap<String, Vec<&str>> = HashMap::new();
    let mut current = String::new();
    for line in src.lines() {
        let l = line.trim_end();
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if t.starts_with('[') && t.ends_with(']') && !t.contains(' ') {
            current = t[1..t.len() - 1].to_string();
            continue;
        }
        // Keep a single trailing space that is part of an entry such as "> ".
        out.entry(current.clone()).or_default().push(t);
    }
    out
}

pub(super) fn arrow(line: &str) -> Option<(&str, &str)> {
    let (a, b) = line.split_once("=>")?;
    Some((a.trim(), b.trim()))
}

fn phrase_map<V: Clone>(lines: &[&str], f: impl Fn(&str) -> Option<V>) -> PhraseMap<V> {
    PhraseMap::new(
        lines
            .iter()
            .filter_map(|l| {
                let (p, v) = arrow(l)?;
                Some((Phrase::new(p), f(v)?))
            })
            .collect(),
    )
}

/// Number words and their values; the fractions come last, from "third" on
/// (`is_fraction_word` relies on that order).
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("half", 50.0),
    ("third", 100.0 / 3.0),
    ("thirds", 100.0 / 3.0),
    ("quarter", 25.0),
    ("quarters", 25.0),
    ("fifth", 20.0),
    ("fifths", 20.0),
    ("sixth", 100.0 / 6.0),
    ("sixths", 100.0 / 6.0),
    ("seventh", 100.0 / 7.0),
    ("sevenths", 100.0 / 7.0),
    ("eighth", 12.5),
    ("eighths", 12.5),
    ("ninth", 100.0 / 9.0),
    ("ninths", 100.0 / 9.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

/// Words of a share ("one third of", "two-fifths of", "one-ninth of"), read as percent.
pub fn is_fraction_word(w: &str) -> bool {
    w.eq_ignore_ascii_case("half")
        || NUMBER_WORDS
            .iter()
            .skip_while(|(x, _)| *x != "third")
            .any(|(x, _)| x.eq_ignore_ascii_case(w))
}

/// A one-place text's words for its own place ("the region's combined GDP").
const SELF_WORDS: [&str; 4] = ["the region", "the province", "the city", "the municipality"];

impl Lexicon {
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::load)
    }

    fn load() -> Lexicon {
        let mut units: Vec<String> = Vec::new();
        let mut unit_kind = Vec::new();
        let mut members_names: Vec<Vec<String>> = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut places: Vec<Place> = Vec::new();
        let mut hits: Vec<Hit> = Vec::new();
        let mut unit_index: HashMap<String, u16> = HashMap::new();

        fn add_unit(
            name: &str,
            kind: PlaceKind,
            units: &mut Vec<String>,
            unit_kind: &mut Vec<PlaceKind>,
            members_names: &mut Vec<Vec<String>>,
            unit_index: &mut HashMap<String, u16>,
        ) -> u16 {
            if let Some(i) = unit_index.get(name) {
                return *i;
            }
            let i = units.len() as u16;
            units.push(name.to_string());
            unit_kind.push(kind);
            members_names.push(Vec::new());
            unit_index.insert(name.to_string(), i);
            i
        }
        let mut national = 0;
        for line in GAZETTEER.lines() {
            let l = line.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let (head, rest) = l.split_once('|').unwrap_or((l, ""));
            let mut fields = rest.split('|');
            let aliases = fields.next().unwrap_or("");
            let (kw, name) = head.trim().split_once(' ').unwrap_or((head.trim(), ""));
            let name = name.trim();
            let (kind, unit) = match kw {
                "province" => (
                    PlaceKind::Province,
                    add_unit(
                        name,
                        PlaceKind::Province,
                        &mut units,
                        &mut unit_kind,
                        &mut members_names,
                        &mut unit_index,
                    ),
                ),
                "cities" => (
                    PlaceKind::City,
                    add_unit(
                        name,
                        PlaceKind::Province,
                        &mut units,
                        &mut unit_kind,
                        &mut members_names,
                        &mut unit_index,
                    ),
                ),
                "region" => {
                    let u = add_unit(
                        name,
                        PlaceKind::Region,
                        &mut units,
                        &mut unit_kind,
                        &mut members_names,
                        &mut unit_index,
                    );
                    if let Some(m) = fields.next() {
                        members_names[u as usize] =
                            m.split(',').map(|s| s.trim().to_string()).collect();
                    }
                    (PlaceKind::Region, u)
                }
                "national" => {
                    national = add_unit(
                        name,
                        PlaceKind::National,
                        &mut units,
                        &mut unit_kind,
                        &mut members_names,
                        &mut unit_index,
                    );
                    (PlaceKind::National, national)
                }
                _ => continue,
            };
            for alias in aliases.split(',').map(str::trim).filter(|a| !a.is_empty()) {
                patterns.push(alias.to_string());
                places.push(Place {
                    unit,
                    kind,
                    any_case: alias.starts_with(|c: char| c.is_lowercase()),
                });
                hits.push(Hit::Place((places.len() - 1) as u16));
            }
        }
        let members = members_names
            .iter()
            .map(|ms| {
                ms.iter()
                    .filter_map(|m| units.iter().position(|u| u == m).map(|p| p as u16))
                    .collect()
            })
            .collect();

        for line in HORIZONS.lines() {
            let l = line.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let Some((p, v)) = arrow(l) else { continue };
            let h = match v {
                "review5" => Horizon::Review5,
                "N" => Horizon::Previous,
                "plan5" => Horizon::Plan5,
                _ => {
                    let (base, off) = v.split_at(1);
                    let off: i32 = off.trim_start_matches('+').parse().unwrap_or(0);
                    if base == "R" {
                        Horizon::Report(off)
                    } else {
                        Horizon::Context(off)
                    }
                }
            };
            patterns.push(p.to_string());
            hits.push(Hit::Horizon(h));
        }
        for p in ["five-year plan", "five year plan", "five - year plan"] {
            patterns.push(p.to_string());
            hits.push(Hit::FiveYearPlan);
        }
        // Number words count only with a unit ("one working day") or as fractions
        // ("one third of", "more than half"); sentences with digits are read word by
        // word anyway. Plain "one", "ten" would match inside "done", "often", ...
        // the units a word number is written with in this genre: durations and rates
        let unit_phrases: Vec<&str> = sections(UNITS)
            .get("after")
            .map(|v| {
                v.iter()
                    .filter_map(|l| arrow(l))
                    .filter(|(_, u)| {
                        matches!(
                            *u,
                            "days" | "years" | "months" | "hours" | "minutes" | "%" | "pp"
                        )
                    })
                    .map(|(p, _)| p)
                    .collect()
            })
            .unwrap_or_default();
        // "four trillion yuan", "five billion tonnes"
        let mut unit_phrases = unit_phrases;
        unit_phrases.extend(["trillion", "billion", "million"]);
        for (w, v) in NUMBER_WORDS {
            if is_fraction_word(w) {
                patterns.push((*w).to_string());
                hits.push(Hit::NumberWord);
            } else if v.fract() == 0.0 {
                for u in &unit_phrases {
                    patterns.push(format!("{w} {u}"));
                    hits.push(Hit::NumberWord);
                }
                // "six plus per cent"
                patterns.push(format!("{w} plus"));
                hits.push(Hit::NumberWord);
            }
        }
        // the document's words for itself, counted by the one scan of the text
        for l in sections(WORDS)
            .get("local")
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            patterns.push((*l).to_string());
            hits.push(Hit::Local);
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // a DFA: more memory (a few MB), several times faster than the NFA
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("lexicon patterns build an automaton");

        let cmp = sections(COMPARATORS);
        let parse_cmp = |v: &str| Comparator::from_symbol(v);
        let un = sections(UNITS);
        let w = sections(WORDS);
        let set = |name: &str| PhraseSet::from_lines(w.get(name).map(Vec::as_slice).unwrap_or(&[]));
        let fur = sections(FURNITURE);

        let mut indicators: Vec<IndicatorRule> = INDICATORS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let f: Vec<&str> = l.split('|').map(str::trim).collect();
                if f.len() != 4 {
                    return None;
                }
                Some(IndicatorRule {
                    key: f[0].to_string(),
                    units: f[1].split(',').map(|s| s.trim().to_string()).collect(),
                    growth: match f[2] {
                        "yes" => Some(true),
                        "no" => Some(false),
                        _ => None,
                    },
                    synonyms: f[3]
                        .split(';')
                        .map(|s| s.trim().to_lowercase())
                        .filter(|s| !s.is_empty())
                        .collect(),
                })
            })
            .collect();
        // the Chinese words of each key, in the same rules (one key set for both languages)
        for l in ZH_INDICATORS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            if let Some((key, words)) = l.split_once('|')
                && let Some(rule) = indicators.iter_mut().find(|r| r.key == key.trim())
            {
                rule.synonyms.extend(
                    words
                        .split(';')
                        .map(|s| s.trim().to_lowercase())
                        .filter(|s| !s.is_empty()),
                );
            }
        }

        // a section's words in lower case, for matching against lowered text
        let lowered = |v: Option<&Vec<&str>>| -> Vec<String> {
            v.map_or(Vec::new(), |v| v.iter().map(|s| s.to_lowercase()).collect())
        };
        let sec = |m: &HashMap<String, Vec<&'static str>>, k: &str| -> Vec<&'static str> {
            m.get(k).cloned().unwrap_or_default()
        };
        let unit_index = units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.to_lowercase().into_bytes(), i as u16))
            .collect();
        let mut lex = Lexicon {
            unit_index,
            units,
            unit_kind,
            members,
            national,
            places,
            hits,
            automaton,
            cmp_before: phrase_map(&sec(&cmp, "before"), parse_cmp),
            cmp_after: phrase_map(&sec(&cmp, "after"), parse_cmp),
            units_after: phrase_map(&sec(&un, "after"), |v| Some(v.to_string())),
            units_prefix: phrase_map(&sec(&un, "prefix"), |v| Some(v.to_string())),
            multipliers: phrase_map(&sec(&un, "multipliers"), |v| v.parse().ok()),
            per: phrase_map(&sec(&un, "per"), |v| Some(v.to_string())),
            future: set("future"),
            past: set("past"),
            plan_participle: set("plan_participle"),
            bare_before: set("bare_before"),
            not_a_noun: set("not_a_noun"),
            label_before: set("label_before"),
            meta_nouns: set("meta_nouns"),
            duration_before: set("duration_before"),
            duration_after: set("duration_after"),
            superlative: set("superlative"),
            subject_after: set("subject_after"),
            present: set("present"),
            group_quantifiers: set("group_quantifiers"),
            size_nouns: set("size_nouns"),
            change_verbs: set("change_verbs"),
            cap_verbs: set("cap_verbs"),
            threshold_nouns: set("threshold_nouns"),
            participle_like: set("participle_like"),
            auxiliary: set("auxiliary"),
            perfect_modals: set("perfect_modals"),
            weak_future: set("weak_future"),
            group_nouns: set("group_nouns"),
            forecasters: set("forecasters"),
            forecast_words: set("forecast_words"),
            year_nouns: set("year_nouns"),
            money_nouns: set("money_nouns"),
            span_words: set("span_words"),
            seat_of_government: set("seat_of_government"),
            policy_verbs: set("policy_verbs"),
            anaphora_start: lowered(w.get("anaphora_start")),
            plural_anaphora: lowered(w.get("plural_anaphora")),
            target_nouns: set("target_nouns"),
            target_verbs: set("target_verbs"),
            revise_verbs: set("revise_verbs"),
            not_target_link: set("not_target_link"),
            months: set("months"),
            weekdays: set("weekdays"),
            venue_events: set("venue_events"),
            year_before: set("year_before"),
            ordinal_suffix: set("ordinal_suffix"),
            furniture_starts: lowered(fur.get("starts")),
            furniture_ends: lowered(fur.get("ends")),
            furniture_numbered: lowered(fur.get("numbered")),
            furniture_credits: lowered(fur.get("credits")),
            two_sessions_words: lowered(w.get("two_sessions")),
            designators: {
                let mut d = lowered(w.get("designators"));
                d.sort_by_key(|s| std::cmp::Reverse(s.len()));
                d
            },
            indicators,
            number_shape: {
                let mut shape = [(0u32, 0u32); 16];
                for (w, _) in NUMBER_WORDS {
                    let b = w.as_bytes();
                    shape[b.len()].0 |= 1 << (b[0] - b'a');
                    shape[b.len()].1 |= 1 << (b[b.len() - 1] - b'a');
                }
                shape
            },
            number_words: NUMBER_WORDS
                .iter()
                .map(|(w, v)| (w.as_bytes(), *v))
                .collect(),
            tense_last_words: WordSet::default(),
        };
        let last: WordSet<Vec<u8>> = [&lex.future, &lex.past, &lex.present, &lex.weak_future]
            .iter()
            .flat_map(|set| set.last_words().map(<[u8]>::to_vec))
            .collect();
        lex.tense_last_words = last;
        lex
    }

    /// All lexicon hits in `text` on word boundaries, in order.
    pub fn scan(&self, text: &str, out: &mut Vec<(usize, usize, Hit)>) {
        out.clear();
        self.scan_range(text, 0, text.len(), out);
    }

    /// `scan` of `text[a..b]` only, appending; offsets are into `text`.
    pub fn scan_range(&self, text: &str, a: usize, b: usize, out: &mut Vec<(usize, usize, Hit)>) {
        let bytes = text.as_bytes();
        let input = aho_corasick::Input::new(text).range(a..b);
        for m in self.automaton.find_iter(input) {
            let (s, e) = (m.start(), m.end());
            // Latin words match whole; Chinese is written without spaces, so a name or
            // cue in Han characters matches wherever it stands
            let latin_start = bytes[s].is_ascii_alphanumeric();
            let latin_end = bytes[e - 1].is_ascii_alphanumeric();
            if (latin_start && !word_boundary_before(text, s))
                || (latin_end && !word_boundary_after(text, e))
            {
                continue;
            }
            let hit = self.hits[m.pattern().as_usize()];
            if let Hit::Place(p) = hit {
                let place = &self.places[p as usize];
                if !place.any_case && !bytes[s].is_ascii_uppercase() {
                    continue;
                }
            }
            out.push((s, e, hit));
        }
    }

    pub fn place(&self, p: u16) -> &Place {
        &self.places[p as usize]
    }

    pub fn number_word(&self, w: &str) -> Option<f64> {
        // cheap rejections first: this runs on every word of sentences with digits
        let b = w.as_bytes();
        let (first, last) = (
            b.first()?.to_ascii_lowercase(),
            b[b.len() - 1].to_ascii_lowercase(),
        );
        let shape = self.number_shape.get(b.len())?;
        if !(first.is_ascii_lowercase() && last.is_ascii_lowercase())
            || shape.0 & (1 << (first - b'a')) == 0
            || shape.1 & (1 << (last - b'a')) == 0
        {
            return None;
        }
        let mut buf = [0u8; 48];
        self.number_words.get(ascii_lower(w, &mut buf)?).copied()
    }

    pub fn unit_name(&self, u: u16) -> &str {
        &self.units[u as usize]
    }

    /// The index of a canonical unit name ("Zhejiang", "Central region", "China").
    pub fn unit_by_name(&self, name: &str) -> Option<u16> {
        with_word_key(name, |k| self.unit_index.get(k).copied())
    }

    /// Does the sentence open with the document's word for its own place ("The region's
    /// combined GDP")? In a one-place text that is the place itself.
    pub fn starts_with_self(&self, sentence: &str) -> bool {
        let l = sentence
            .get(..sentence.len().min(24))
            .unwrap_or("")
            .to_ascii_lowercase();
        SELF_WORDS.iter().any(|p| l.starts_with(p))
    }

    /// Where the text's word for its own place ("the region's", "the province") last
    /// stands in a stretch of a sentence.
    pub fn last_self_word(&self, stretch: &str) -> Option<usize> {
        let l = stretch.to_ascii_lowercase();
        SELF_WORDS
            .iter()
            .filter_map(|p| {
                l.rmatch_indices(p)
                    .find(|&(i, _)| {
                        !l[i + p.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
                            || l[i + p.len()..].starts_with("al")
                    })
                    .map(|(i, _)| i)
            })
            .max()
    }

    /// Does the sentence open with words for the places of the sentence before ("The two
    /// also led the country")?
    pub fn starts_with_plural_anaphora(&self, sentence: &str) -> bool {
        self.plural_anaphora.iter().any(|a| {
            sentence.len() > a.len()
                && sentence.is_char_boundary(a.len())
                && sentence[..a.len()].eq_ignore_ascii_case(a)
                && !sentence[a.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
    }

    /// Does the sentence open with a word that refers back ("It's forecasting ...")?
    pub fn starts_with_anaphora(&self, sentence: &str) -> bool {
        self.anaphora_start.iter().any(|a| {
            sentence.len() >= a.len()
                && sentence.is_char_boundary(a.len())
                && sentence[..a.len()].eq_ignore_ascii_case(a)
                && !sentence[a.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
    }

    /// A caption signed by its agency at the end: "... Jiangxi Province, February 14, 2021.
    /// /CFP", "... in Hefei, Jan. 5, 2023. (Xinhua/Zhou Mu)".
    fn photo_credit(&self, t: &str) -> bool {
        let credit = |c: &str| {
            let c = c.trim().to_lowercase();
            self.furniture_credits.contains(&c)
        };
        if let Some(inner) = t
            .strip_suffix(')')
            .and_then(|r| r.rsplit_once('('))
            .map(|p| p.1)
            && let Some((agency, _)) = inner.split_once('/')
        {
            return credit(agency);
        }
        t.rsplit_once('/').is_some_and(|(before, agency)| {
            before.ends_with([' ', '.']) && agency.len() < 30 && credit(agency)
        })
    }

    /// `s` less the designator it starts with, if any ("Autonomous Region and" -> " and").
    pub fn strip_designator<'s>(&self, s: &'s str) -> Option<&'s str> {
        self.designators.iter().find_map(|d| {
            let head = s.get(..d.len())?;
            let rest = &s[d.len()..];
            (head.eq_ignore_ascii_case(d) && !rest.starts_with(|c: char| c.is_alphanumeric()))
                .then_some(rest)
        })
    }

    pub fn is_furniture(&self, line: &str) -> bool {
        let t = line.trim();
        if t.is_empty() {
            return false;
        }
        let starts = |p: &str| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
        if self.furniture_starts.iter().any(|s| starts(s))
            || t.eq_ignore_ascii_case("home")
            || t.eq_ignore_ascii_case("print close")
        {
            return true;
        }
        // "Figure 2 proportion of added value of three industries in GDP from 2015 to
        // 2019", "Chart 3: ...": a numbered caption, not a sentence of the text
        if t.len() < 160 && !t.ends_with(['.', '。']) {
            let first = t.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            if self
                .furniture_numbered
                .iter()
                .any(|w| first.eq_ignore_ascii_case(w))
                && t[first.len()..]
                    .trim_start_matches(['.', ' ', '\u{a0}'])
                    .starts_with(|c: char| c.is_ascii_digit())
            {
                return true;
            }
        }
        if t.len() < 400 && self.photo_credit(t) {
            return true;
        }
        if t.len() < 80 {
            let last = t
                .rsplit(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .unwrap_or("")
                .to_lowercase();
            if self.furniture_ends.contains(&last) {
                return true;
            }
        }
        false
    }
}

pub fn word_boundary_before(text: &str, s: usize) -> bool {
    text[..s]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

pub fn word_boundary_after(text: &str, e: usize) -> bool {
    text[e..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}
