//! Indicator labels ("GDP growth", "new urban jobs") read from the sentence, and
//! canonical keys ("gdp_growth") from `assets/lexicon/indicators.txt`.

use super::lexicon::{Lexicon, eq_word};
use super::sentence::{NounKind, Quantity, SentenceReader};
use super::text::Tk;

/// Words between an indicator and its number: verbs, auxiliaries, prepositions.
/// "the province's GDP | will exceed", "R&D expenditures | account for".
const COMPLEMENT: &[&str] = &[
    "will",
    "shall",
    "would",
    "should",
    "must",
    "can",
    "may",
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "to",
    "at",
    "by",
    "of",
    "for",
    "and",
    "reached",
    "reach",
    "reaches",
    "reaching",
    "stand",
    "stood",
    "stands",
    "went",
    "go",
    "goes",
    "increased",
    "increase",
    "increases",
    "increasing",
    "grew",
    "grow",
    "grows",
    "growing",
    "rose",
    "rise",
    "rises",
    "rising",
    "fell",
    "fall",
    "falls",
    "dropped",
    "drop",
    "drops",
    "declined",
    "decline",
    "declines",
    "decreased",
    "decrease",
    "amounted",
    "amounting",
    "ran",
    "run",
    "runs",
    "height",
    "new",
    "record",
    "level",
    "projected",
    "expected",
    "targeted",
    "estimated",
    "planned",
    "set",
    "high",
    "low",
    "exceeded",
    "exceed",
    "exceeds",
    "account",
    "accounts",
    "accounting",
    "accounted",
    "stood",
    "stands",
    "standing",
    "stabilized",
    "stabilised",
    "stabilize",
    "stabilise",
    "jumped",
    "shrunk",
    "shrink",
    "shrank",
    "rebounded",
    "remained",
    "remain",
    "remains",
    "stay",
    "stays",
    "hit",
    "totaled",
    "totalled",
    "totaling",
    "kept",
    "keep",
    "maintained",
    "maintain",
    "up",
    "down",
    "steadily",
    "further",
    "basically",
    "quickly",
    "also",
    "still",
    "continue",
    "continued",
    "annually",
    "approximately",
    "about",
    "around",
    "more",
    "than",
    "over",
    "above",
    "only",
    "nearly",
    "almost",
    "a",
    "an",
    "the",
    "average",
    "annual",
    "with",
    "within",
];

/// Verbs whose object is the indicator: "make GDP grow", "control the increase in prices".
const VERBS: &[&str] = &[
    "make",
    "let",
    "control",
    "confine",
    "keep",
    "raise",
    "reduce",
    "increase",
    "create",
    "ensure",
    "achieve",
    "realize",
    "promote",
    "strive",
    "maintain",
    "stabilize",
    "hold",
    "cut",
    "lower",
    "expand",
    "boost",
    "lift",
    "push",
    "bring",
    "drive",
    "build",
    "implement",
    "launch",
    "cultivate",
    "accelerate",
    "support",
    "strengthen",
    "develop",
    "improve",
    "introduce",
    "add",
    "establish",
    "complete",
    "form",
    "carry",
    "arrange",
    "invest",
    "protect",
    "gather",
    "attract",
    "provide",
    "start",
    "renovate",
    "plant",
    "upgrade",
    "set",
    "reduced",
    "raised",
    "completed",
    "built",
    "created",
    "added",
    "achieved",
    "realized",
    "started",
    "launched",
    "cultivated",
    "introduced",
    "established",
    "provided",
    "eliminated",
    "carried",
    "invested",
    "renovated",
    "planted",
    "upgraded",
    "allowed",
    "sent",
    "newly",
    "strictly",
    "vigorously",
    "effectively",
    "steadily",
    "actively",
    "further",
    "aims",
    "aim",
    "plans",
    "seeks",
    "strives",
    "pledged",
    "pledges",
    "vowed",
    "vows",
    "expects",
    "intends",
    "proposes",
    "proposed",
    "said",
    "says",
    "stated",
    "announced",
    "sets",
    "cap",
    "caps",
    "capped",
    "curb",
    "curbed",
    "including",
    "surpassed",
    "surpass",
    "exceeded",
];

const PRONOUNS: &[&str] = &["we", "it", "they", "he", "she", "you", "which", "that"];

/// Auxiliaries: always a clause's main verb, never part of a noun phrase.
const AUXILIARIES: &[&str] = &[
    "will", "shall", "would", "should", "must", "can", "may", "has", "have", "had", "is", "are",
    "was", "were", "be", "been",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "our", "their", "this", "these", "those",
];

/// "keeping the unemployment rate within 2.5 percent", "creating 200,000 jobs": the -ing
/// form of a verb of the list above starts the clause the label is in.
fn gerund_of_a_verb(w: &str) -> bool {
    let Some(stem) = w.strip_suffix("ing").filter(|s| s.len() >= 3) else {
        return false;
    };
    is_one_of(stem, class::VERBS) || is_one_of(&format!("{stem}e"), class::VERBS)
}

/// Labels made only of these words say when, not what: "first half", "second quarter".
const TIME_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "half",
    "quarter",
    "quarters",
    "three",
    "two",
    "year",
    "years",
    "month",
    "months",
    "the",
    "whole",
    "last",
    "next",
    "previous",
    "beginning",
    "end",
    "of",
    "in",
    "and",
    "year-on-year",
    "yoy",
    "on",
];

/// Counted nouns too general to stand alone: "150,000 people" says little without
/// "relocation of".
const GENERIC_NOUNS: &[&str] = &[
    "people",
    "persons",
    "residents",
    "households",
    "units",
    "items",
    "times",
    "sets",
];

const LEADING_JUNK: &[&str] = &[
    "the", "a", "an", "its", "our", "their", "this", "that", "and", "with", "while", "of", "we",
    "it", "which", "whose", "to", "so", "as", "in", "by", "for", "will", "also", "further", "must",
    "should", "shall", "such",
];

const TRAILING_JUNK: &[&str] = &[
    "the", "a", "an", "of", "in", "for", "and", "to", "at", "by", "on", "with", "from", "as",
];

const GROWTH_WORDS: &[&str] = &[
    "increased",
    "increase",
    "increases",
    "increasing",
    "grew",
    "grow",
    "grows",
    "growing",
    "rose",
    "rise",
    "rises",
    "rising",
    "up",
    "growth",
    "jumped",
    "rebounded",
];
const DECLINE_WORDS: &[&str] = &[
    "fell",
    "fall",
    "falls",
    "dropped",
    "drop",
    "drops",
    "declined",
    "decline",
    "declines",
    "decreased",
    "decrease",
    "down",
    "reduced",
    "reduce",
    "cut",
    "shrunk",
    "shrink",
    "shrank",
    "lower",
];
const SHARE_WORDS: &[&str] = &["account", "accounts", "accounting", "accounted"];

/// A lead made only of these names a change, not what changes: "an increase of".
const CHANGE_NOUN_LEAD: &[&str] = &[
    "a",
    "an",
    "the",
    "with",
    "and",
    "average",
    "annual",
    "growth",
    "increase",
    "decline",
    "decrease",
    "drop",
    "rise",
    "fall",
    "reduction",
    "of",
    "by",
    "up",
    "down",
    "year-on-year",
];

/// Membership of a word in the lists above, as bits: every list test of a word costs
/// one hash lookup, and a loop asks for a word's classes once.
mod class {
    pub const COMPLEMENT: u32 = 1;
    pub const VERBS: u32 = 1 << 1;
    pub const PRONOUNS: u32 = 1 << 2;
    pub const AUXILIARIES: u32 = 1 << 3;
    pub const DETERMINERS: u32 = 1 << 4;
    pub const TIME_WORDS: u32 = 1 << 5;
    pub const GENERIC_NOUNS: u32 = 1 << 6;
    pub const LEADING_JUNK: u32 = 1 << 7;
    pub const TRAILING_JUNK: u32 = 1 << 8;
    pub const GROWTH_WORDS: u32 = 1 << 9;
    pub const DECLINE_WORDS: u32 = 1 << 10;
    pub const SHARE_WORDS: u32 = 1 << 11;
    pub const CHANGE_NOUN_LEAD: u32 = 1 << 12;
    pub const CHANGE_NOUNS: u32 = 1 << 13;
    pub const VERB_LEAD: u32 = 1 << 14;
    pub const AFTER_PREPOSITIONS: u32 = 1 << 15;
    pub const PREPOSITIONS: u32 = 1 << 16;
}

/// Nouns of a change: "an increase of 3%".
const CHANGE_NOUNS: &[&str] = &["increase", "growth", "decline", "decrease", "drop", "rise"];
/// Words before a participle that make it the main verb: "and completed 5 projects".
const VERB_LEAD: &[&str] = &["and", "then", "also", "further", "newly", "successfully"];
/// Prepositions that open the phrase after a figure: "for approval of ...".
const AFTER_PREPOSITIONS: &[&str] = &["for", "of", "in"];
const PREPOSITIONS: &[&str] = &["for", "of", "in", "on", "at", "with"];

fn classes(w: &str) -> u32 {
    use std::sync::LazyLock;
    static CLASSES: LazyLock<super::lexicon::WordMap<&'static [u8], u32>> = LazyLock::new(|| {
        let lists: [(&[&str], u32); 17] = [
            (COMPLEMENT, class::COMPLEMENT),
            (VERBS, class::VERBS),
            (PRONOUNS, class::PRONOUNS),
            (AUXILIARIES, class::AUXILIARIES),
            (DETERMINERS, class::DETERMINERS),
            (TIME_WORDS, class::TIME_WORDS),
            (GENERIC_NOUNS, class::GENERIC_NOUNS),
            (LEADING_JUNK, class::LEADING_JUNK),
            (TRAILING_JUNK, class::TRAILING_JUNK),
            (GROWTH_WORDS, class::GROWTH_WORDS),
            (DECLINE_WORDS, class::DECLINE_WORDS),
            (SHARE_WORDS, class::SHARE_WORDS),
            (CHANGE_NOUN_LEAD, class::CHANGE_NOUN_LEAD),
            (CHANGE_NOUNS, class::CHANGE_NOUNS),
            (VERB_LEAD, class::VERB_LEAD),
            (AFTER_PREPOSITIONS, class::AFTER_PREPOSITIONS),
            (PREPOSITIONS, class::PREPOSITIONS),
        ];
        let mut m = super::lexicon::WordMap::default();
        for (list, bit) in lists {
            for w in list {
                *m.entry(w.as_bytes()).or_insert(0) |= bit;
            }
        }
        m
    });
    super::lexicon::with_word_key(w, |k| CLASSES.get(k).copied().unwrap_or(0))
}

fn is_one_of(w: &str, class: u32) -> bool {
    classes(w) & class != 0
}

fn slice_text<'t>(r: &SentenceReader<'t>, a: usize, b: usize) -> &'t str {
    if a >= b {
        return "";
    }
    &r.text[r.toks[a].start..r.toks[b - 1].end]
}

#[derive(Default, Clone, Copy)]
struct Flags {
    growth: bool,
    decline: bool,
    share: bool,
    annual_avg: bool,
}

impl Flags {
    fn see(&mut self, w: &str) {
        let c = classes(w);
        self.growth |= c & class::GROWTH_WORDS != 0;
        self.decline |= c & class::DECLINE_WORDS != 0;
        self.share |= c & class::SHARE_WORDS != 0;
    }

    /// "GDP" + growth -> "GDP growth" (for rates), "loans" + growth -> "loans increase".
    fn apply(self, label: &str, unit: &str) -> String {
        let lower = label.to_lowercase();
        let already = [
            "growth",
            "rate",
            "increase",
            "decline",
            "proportion",
            "share",
            "ratio",
            "reduction",
        ]
        .iter()
        .any(|w| lower.contains(w));
        if label.is_empty() || already && !self.annual_avg {
            return label.to_string();
        }
        let suffix = match (unit, self.share, self.growth, self.decline) {
            ("%", true, _, _) => " share",
            ("%", _, true, _) if self.annual_avg => " average annual growth",
            ("%", _, true, _) => " growth",
            ("%", _, _, true) => " decline",
            ("pp", _, true, _) => " increase",
            ("pp", _, _, true) => " decrease",
            (_, false, true, _) => " increase",
            (_, false, _, true) => " reduction",
            _ => "",
        };
        if already {
            return label.to_string();
        }
        format!("{label}{suffix}")
    }
}

/// Where the words naming quantity `k` end: before its comparator, or before the
/// "from" of a "from X to Y".
fn anchor(r: &SentenceReader, qs: &[Quantity], k: usize) -> usize {
    let q = &qs[k];
    let first = if q.is_start {
        Some(k)
    } else {
        // a start after its end ("24.1 percent by 2025, up from 23.04 percent") leaves the
        // end's own words before it
        q.baselines
            .iter()
            .copied()
            .filter(|&b| qs[b].t0 < q.t0)
            .min()
    };
    if let Some(f) = first {
        let t0 = qs[f].cmp_start.unwrap_or(qs[f].t0);
        if let Some(from) = (t0.saturating_sub(5)..t0)
            .rev()
            .find(|&i| r.toks[i].kind == Tk::Word && eq_word(r.toks[i].text(r.text), "from"))
        {
            return from;
        }
    }
    q.cmp_start.unwrap_or(q.t0)
}

/// A short label for quantity `k`.
pub fn label(r: &SentenceReader, qs: &[Quantity], k: usize) -> String {
    let q = &qs[k];
    let unit = q.unit.as_deref().unwrap_or("count");
    let end = anchor(r, qs, k);
    let level_only = end != q.cmp_start.unwrap_or(q.t0); // anchored at "from": a level
    if let Some((a, b)) = q.noun {
        let noun = clean(slice_text(r, a, b));
        match q.noun_kind {
            NounKind::Of if unit == "%" && !noun.is_empty() && !is_time_phrase(&noun) => {
                // "60% of counties", "more than half are industrial projects";
                // "2.9% of the GDP", "core industries accounting for 10.9% of the added
                // value" name the share of what the subject measures
                let (lead, flags, _) = noun_before(r, clause_start(r, qs, k, end), end, true);
                let subject = if !lead.is_empty() && !is_time_phrase(&lead) {
                    Some(lead)
                } else if flags.share {
                    qs[..k]
                        .iter()
                        .rev()
                        .map(|p| p.label.clone())
                        .find(|l| !l.is_empty())
                } else {
                    None
                };
                let subject = subject.map(|l| strip_change_suffix(&l).to_string());
                return match subject {
                    Some(sub) if flags.share || noun.eq_ignore_ascii_case("gdp") => {
                        format!("{sub} share of {noun}")
                    }
                    _ => format!("share of {noun}"),
                };
            }
            // "95 percent of the previous year" is a share of a year's level: the subject
            // names it, below
            NounKind::Counted | NounKind::Of if !noun.is_empty() && !is_time_phrase(&noun) => {
                let generic =
                    noun.split_whitespace().count() == 1 && is_one_of(&noun, class::GENERIC_NOUNS);
                if generic {
                    // "50,000 units of affordable rental housing"
                    let of = after_phrase(r, b);
                    if !of.is_empty() && eq_word(r.toks[b].text(r.text), "of") {
                        return format!("{of} {noun}");
                    }
                    // "the relocation of 150,000 people"
                    if end >= 2 && eq_word(r.toks[end - 1].text(r.text), "of") {
                        let (lead, _, _) = noun_before(r, clause_start(r, qs, k, end), end, true);
                        if !lead.is_empty() {
                            return format!("{lead} of {noun}");
                        }
                    }
                }
                return noun;
            }
            _ => {}
        }
    }
    let start = clause_start(r, qs, k, end);
    let prev_end = start;
    let (l, flags, had_words) = noun_before(r, start, end, level_only);
    let l = if is_time_phrase(&l) { String::new() } else { l };
    let prev_label = || {
        (0..k)
            .rev()
            .find(|&p| !qs[p].is_start || qs[p].baselines.is_empty())
            .map(|p| qs[p].label.clone())
            .filter(|l| !l.is_empty())
    };
    // "a drop of around 2.5 percent in energy consumption per unit of GDP",
    // "an average annual growth of 6.5%": a change whose subject is elsewhere
    let lead_words: Vec<&str> = (start..end)
        .filter(|&i| r.toks[i].kind == Tk::Word)
        .map(|i| r.toks[i].text(r.text))
        .collect();
    // "including a 10% increase in total retail sales", "a 5.5 percent growth for the per
    // capita disposable income": the change is named after the figure, what changes after
    // that; "an increase of 6 percent in gross regional product": the change before it
    let change_word = |k: usize| {
        r.toks
            .get(k)
            .is_some_and(|t| t.kind == Tk::Word && is_one_of(t.text(r.text), class::CHANGE_NOUNS))
    };
    let in_or_for = |k: usize| {
        r.toks
            .get(k)
            .is_some_and(|t| eq_word(t.text(r.text), "in") || eq_word(t.text(r.text), "for"))
    };
    let before_of = end >= 2 && eq_word(r.toks[end - 1].text(r.text), "of") && change_word(end - 2);
    let named = if change_word(q.t1) && in_or_for(q.t1 + 1) {
        Some((q.t1, q.t1 + 1))
    } else if before_of && in_or_for(q.t1) {
        Some((end - 2, q.t1))
    } else {
        None
    };
    if let Some((change, prep)) = named {
        let after = after_phrase(r, prep);
        // "a 0.5% increase in the first half" says when, not what
        if !after.is_empty() && !is_time_phrase(&after) {
            let mut f = Flags::default();
            f.see(r.toks[change].text(r.text));
            return f.apply(&after, unit);
        }
    }
    // "grow by over 8% and 10%": the second figure of a list is of the same measure
    let only_joins = lead_words
        .iter()
        .all(|w| eq_word(w, "and") || eq_word(w, "or"));
    if only_joins
        && !lead_words.is_empty()
        && q.noun.is_none()
        && let Some(p) = prev_label()
    {
        return p;
    }
    let change_lead = !lead_words.is_empty()
        && lead_words
            .iter()
            .all(|w| is_one_of(w, class::CHANGE_NOUN_LEAD));
    if change_lead {
        let mut f = Flags::default();
        for w in &lead_words {
            f.see(w);
        }
        f.annual_avg = lead_words.iter().any(|w| eq_word(w, "average"))
            && lead_words.iter().any(|w| eq_word(w, "annual"));
        let after = after_phrase(r, q.t1);
        if !after.is_empty() && eq_word(r.toks[q.t1].text(r.text), "in") {
            return f.apply(&after, unit);
        }
        if let Some(p) = prev_label() {
            return f.apply(strip_change_suffix(&p), unit);
        }
    }
    // "about 7 percent, higher than last year's 6.5 percent", "a slight increase over last
    // year's 6.5 percent": the figure compared with is of the measure before it
    let compared_with_a_year = lead_words.last().is_some_and(|w| {
        let w = w.to_ascii_lowercase();
        w == "year's" || w == "year’s"
    }) && lead_words.iter().any(|w| {
        ["than", "over", "from", "with", "versus"]
            .iter()
            .any(|c| eq_word(w, c))
    });
    if compared_with_a_year && let Some(p) = prev_label() {
        return flags.apply(strip_change_suffix(&p), unit);
    }
    // "GDP was 33 million yuan, but by 2018 the figure had grown to 273.294 billion yuan":
    // a verb of change alone names nothing, the figure before does
    let change_verb_alone =
        !l.is_empty() && l.split_whitespace().all(|w| r.lex.change_verbs.has_word(w));
    if change_verb_alone && let Some(p) = prev_label() {
        return flags.apply(strip_change_suffix(&p), unit);
    }
    // "the intensity of R&D expenditure in the region has risen from 2.81% to 3.34%": with
    // no figure before, the subject before the auxiliary names it
    if change_verb_alone
        && let Some(verb) = (start..end).rev().find(|&i| {
            r.toks[i].kind == Tk::Word && r.lex.change_verbs.has_word(r.toks[i].text(r.text))
        })
        && verb > start
        && is_one_of(r.toks[verb - 1].text(r.text), class::AUXILIARIES)
    {
        let (subject, _, _) = noun_before(r, start, verb - 1, level_only);
        if !subject.is_empty() && !is_time_phrase(&subject) {
            return flags.apply(&subject, unit);
        }
    }
    if !l.is_empty() {
        return flags.apply(&l, unit);
    }
    // a list line "Annual GDP growth rate: 6.8 percent", "High-tech output value: up by
    // 30 percent": the words before the colon name the figure
    if start > 0
        && matches!(r.toks[start - 1].text(r.text), ":" | "：")
        && (start..end).all(|i| r.toks[i].kind != Tk::Num)
    {
        let colon = start - 1;
        let (head, head_flags, _) =
            noun_before(r, clause_start(r, qs, k, colon), colon, level_only);
        if !head.is_empty() && !is_time_phrase(&head) {
            let mut f = head_flags;
            for i in start..end {
                if r.toks[i].kind == Tk::Word {
                    f.see(r.toks[i].text(r.text));
                }
            }
            return f.apply(&head, unit);
        }
    }
    // "accounting for about 3.3%", "4.2% and 6.9%", "grew 5.2 percent to 126 trillion
    // yuan": the figure before names the indicator
    if let Some(p) = prev_label() {
        if only_joins {
            return p;
        }
        if had_words || start == prev_end {
            return flags.apply(strip_change_suffix(&p), unit);
        }
    }
    if let Some((a, b)) = q.noun
        && !is_time_phrase(&clean(slice_text(r, a, b)))
    {
        return clean(slice_text(r, a, b));
    }
    // "allowed at most 80 days for approval of ...", "invest 42.1 billion yuan in ..."
    let after = after_phrase(r, q.t1);
    if !after.is_empty() && !is_time_phrase(&after) {
        return after;
    }
    if (start..end).any(|i| eq_word(r.toks[i].text(r.text), "invest")) {
        return "investment".into();
    }
    prev_label().unwrap_or_default()
}

fn strip_change_suffix(l: &str) -> &str {
    [
        " average annual growth",
        " growth",
        " increase",
        " decline",
        " reduction",
        " share",
    ]
    .iter()
    .find_map(|s| l.strip_suffix(s))
    .unwrap_or(l)
}

fn is_time_phrase(l: &str) -> bool {
    !l.is_empty()
        && l.split_whitespace()
            .all(|w| is_one_of(w, class::TIME_WORDS))
}

/// Start of the words that can name quantity `k`: back from `end` to a clause break
/// or to the previous figure outside this one's "from ... to" group.
fn clause_start(r: &SentenceReader, qs: &[Quantity], k: usize, end: usize) -> usize {
    let q = &qs[k];
    let group_start = {
        let members: Vec<usize> = if q.is_start {
            vec![k]
        } else {
            q.baselines.clone()
        };
        members.iter().map(|&m| qs[m].t0).min().unwrap_or(q.t0)
    };
    let prev_end = qs
        .iter()
        .filter(|p| p.t1 <= end && p.t0 < group_start.min(q.t0))
        .map(|p| p.noun.map_or(p.t1, |(_, b)| b.max(p.t1)))
        .max()
        .unwrap_or(0)
        .min(end);
    let mut start = end;
    while start > prev_end {
        let t = &r.toks[start - 1];
        if t.kind == Tk::Punct && matches!(t.text(r.text), ";" | ":" | "；" | "：" | "," | "，")
        {
            break;
        }
        start -= 1;
    }
    start
}

/// The noun phrase that ends a lead, read backwards: strip the verbs and prepositions
/// next to the number, then take words back to the main verb. With `level_only`
/// (a "from X to Y") no growth or decline is read into the label.
fn noun_before(
    r: &SentenceReader,
    start: usize,
    end: usize,
    level_only: bool,
) -> (String, Flags, bool) {
    let mut flags = Flags::default();
    let toks = r.toks;
    let text = r.text;
    let had_words = (start..end).any(|i| toks[i].kind == Tk::Word);
    let mut i = end;
    // 1. the complement next to the number: "increased by", "will reach", "account for"
    let mut stripped: Vec<&str> = Vec::new();
    let mut after_modal = false;
    while i > start {
        let t = &toks[i - 1];
        if t.kind != Tk::Word {
            break;
        }
        let w = t.text(text);
        let adverb = w.len() > 4 && w.ends_with("ly");
        // "will be controlled within 3%", "will be reduced by 3%": a passive verb is part of
        // the complement, its subject the name
        let passive = i >= 2
            && (is_one_of(w, class::VERBS) || looks_participle(w))
            && toks[i - 2].kind == Tk::Word
            && ["be", "been", "being", "is", "are", "was", "were"]
                .iter()
                .any(|b| eq_word(toks[i - 2].text(text), b));
        if !(is_one_of(w, class::COMPLEMENT) || adverb || passive) {
            break;
        }
        stripped.push(w);
        i -= 1;
        // a modal opens the verb phrase: what comes before it is the subject ("Consumer price
        // increases will be controlled within 3%")
        if ["will", "shall", "would", "should", "must", "can", "may"]
            .iter()
            .any(|m| eq_word(w, m))
        {
            after_modal = true;
            break;
        }
    }
    // A change is stated as "increased by 3%", "an increase of 3%", "grew 3%";
    // "increased to 71%" or "reached 71%" states a level.
    let nearest = stripped.first().copied().unwrap_or("");
    let change_syntax = eq_word(nearest, "by")
        || is_one_of(nearest, class::GROWTH_WORDS)
        || is_one_of(nearest, class::DECLINE_WORDS)
        || (eq_word(nearest, "of")
            && stripped
                .get(1)
                .is_some_and(|w| is_one_of(w, class::CHANGE_NOUNS)));
    if !level_only && (change_syntax || stripped.is_empty()) {
        for w in &stripped {
            flags.see(w);
        }
    }
    for w in &stripped {
        flags.share |= is_one_of(w, class::SHARE_WORDS);
    }
    flags.annual_avg = stripped.iter().any(|w| eq_word(w, "average"))
        && stripped.iter().any(|w| eq_word(w, "annual"));
    let stop = i;
    // 2. the noun phrase, back to a main verb
    let mut a = stop;
    // "Retail sales in 2021 are expected to grow by 8%": a year between the subject and
    // its verb dates the figure and is left out of its name
    let mut year_phrase: Option<(usize, usize)> = None;
    while a > start {
        let t = &toks[a - 1];
        let w = t.text(text);
        if t.kind == Tk::Num
            && year_phrase.is_none()
            && a >= 2
            && a - 2 > start
            && r.is_year_token(a - 1)
            && ["in", "for"]
                .iter()
                .any(|p| eq_word(toks[a - 2].text(text), p))
        {
            year_phrase = Some((a - 2, a));
            a -= 2;
            continue;
        }
        if t.kind == Tk::Punct {
            if matches!(
                w,
                "-" | "&" | "’" | "'" | "(" | ")" | "/" | "\"" | "“" | "”"
            ) {
                a -= 1;
                continue;
            }
            break;
        }
        if t.kind == Tk::Num {
            // "per 10,000 yuan of GDP", "15-year": numbers inside a name of a measure
            let after_per = a >= 2 && eq_word(toks[a - 2].text(text), "per");
            let compound = toks
                .get(a)
                .is_some_and(|n| n.text(text) == "-" && n.start == t.end);
            // "PM2.5": the digits belong to the name
            let name = a >= 3
                && toks[a - 2].text(text) == "."
                && toks[a - 2].end == t.start
                && toks[a - 3].kind == Tk::Word
                && toks[a - 3].end == toks[a - 2].start;
            if name {
                a -= 3;
                continue;
            }
            if after_per || compound {
                a -= 1;
                continue;
            }
            break;
        }
        let c = classes(w);
        if c & (class::PRONOUNS | class::AUXILIARIES) != 0 {
            break;
        }
        let before = (a >= 2 && a - 1 > start)
            .then(|| toks[a - 2])
            .filter(|p| p.kind == Tk::Word);
        let before_w = before.map(|p| p.text(text)).unwrap_or("");
        let participle = looks_participle(w);
        // "micro-sized", "start-up", "coal-fired" are adjectives and nouns, not verbs
        let hyphenated = (a >= 2 && toks[a - 2].text(text) == "-" && toks[a - 2].end == t.start)
            || toks
                .get(a)
                .is_some_and(|n| n.text(text) == "-" && n.start == t.end);
        // "The CPI increase will be kept at around 3%": before a modal, a change word is the
        // head noun of the subject
        let subject_head = a == stop
            && after_modal
            && is_one_of(w.strip_suffix('s').unwrap_or(w), class::CHANGE_NOUNS);
        let verb =
            (c & class::VERBS != 0 || participle || r.lex.past.has_word(w) || gerund_of_a_verb(w))
                && !hyphenated
                && !subject_head;
        let before_c = if verb { classes(before_w) } else { 0 };
        if verb && before_c & class::DETERMINERS == 0 {
            // a participle right after a noun modifies it: "the complaints received by
            // letter"; after an auxiliary, a pronoun or at the clause start it is the verb
            let main = before.is_none()
                || before_c & (class::PRONOUNS | class::AUXILIARIES | class::VERB_LEAD) != 0
                || r.lex.future.has_word(before_w);
            let past_form = participle || r.lex.past.has_word(w);
            if main || !past_form {
                if !level_only && (change_syntax || stripped.is_empty()) {
                    flags.see(w);
                }
                break;
            }
        }
        if w.len() == 2
            && eq_word(w, "to")
            && toks
                .get(a)
                .is_some_and(|n| n.kind == Tk::Word && is_one_of(n.text(text), class::VERBS))
        {
            break;
        }
        a -= 1;
    }
    let mut l = match year_phrase {
        Some((y0, y1)) if y0 > a => clean(&format!(
            "{} {}",
            slice_text(r, a, y0),
            slice_text(r, y1, stop)
        )),
        Some((_, y1)) => clean(slice_text(r, y1, stop)),
        None => clean(slice_text(r, a, stop)),
    };
    if r.lex.number_word(&l).is_some() || l.eq_ignore_ascii_case("twice") {
        l.clear();
    }
    (l, flags, had_words)
}

/// A past participle by its ending ("controlled", "received").
fn looks_participle(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed")
}

/// "for approval of general enterprise investment projects" after a figure.
fn after_phrase(r: &SentenceReader, from: usize) -> String {
    let toks = r.toks;
    if !toks
        .get(from)
        .is_some_and(|t| t.kind == Tk::Word && is_one_of(t.text(r.text), class::AFTER_PREPOSITIONS))
    {
        return String::new();
    }
    let mut b = from + 1;
    while b < toks.len() && b < from + 9 {
        let t = &toks[b];
        if t.kind == Tk::Punct && !matches!(t.text(r.text), "-" | "&") {
            break;
        }
        if t.kind == Tk::Num {
            break;
        }
        b += 1;
    }
    clean(slice_text(r, from + 1, b))
}

/// Trim determiners, possessives of places and stray punctuation; cap the length.
fn clean(s: &str) -> String {
    let mut words: Vec<&str> = s.split_whitespace().collect();
    while let Some(first) = words.first() {
        let f = first.trim_matches(|c: char| !c.is_alphanumeric());
        if is_one_of(f, class::LEADING_JUNK)
            || f.is_empty()
            || (words.len() > 1 && place_possessive(f))
        {
            words.remove(0);
            continue;
        }
        break;
    }
    while let Some(last) = words.last() {
        let l = last.trim_matches(|c: char| !c.is_alphanumeric());
        // "the incomes of urban residents this year": the time is the figure's, not its name
        let time = words.len() > 2
            && eq_word(l, "year")
            && ["this", "last", "next"]
                .iter()
                .any(|w| eq_word(words[words.len() - 2], w));
        if time {
            words.truncate(words.len() - 2);
        } else if is_one_of(l, class::TRAILING_JUNK) || l.is_empty() {
            words.pop();
        } else {
            break;
        }
    }
    // "GDP of Liaoning Province" -> "GDP" (place names are at most three words)
    if let Some(of) = words.iter().rposition(|w| eq_word(w, "of"))
        && of > 0
        && words.len() - of <= 5
    {
        let tail = words[of + 1..].join(" ");
        let tail = tail
            .trim_end_matches(" Province")
            .trim_end_matches(" Municipality");
        if Lexicon::get().unit_by_name(tail).is_some() {
            words.truncate(of);
        }
    }
    words.truncate(14);
    let mut out = String::with_capacity(s.len());
    for w in &words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().filter(|c| !matches!(c, '"' | '“' | '”')));
    }
    let trimmed = out.trim_matches(|c: char| matches!(c, ',' | ';')).trim();
    if trimmed.len() != out.len() {
        out = trimmed.to_string();
    }
    // drop an unbalanced bracket at either end: "(GDP" -> "GDP", but keep "(GDP)"
    let opens = out.matches('(').count();
    let closes = out.matches(')').count();
    if opens > closes && out.starts_with('(') || closes > opens && out.ends_with(')') {
        out = out
            .trim_matches(|c| c == '(' || c == ')')
            .trim()
            .to_string();
    } else if opens > closes && out.ends_with(|c: char| c.is_alphanumeric()) {
        out.push(')');
    }
    out
}

/// "the province's", "Zhejiang's": a possessive that only says where.
fn place_possessive(w: &str) -> bool {
    let Some(stem) = ["'s", "’s", "'S", "’S"]
        .iter()
        .find_map(|p| w.strip_suffix(p))
    else {
        return false;
    };
    [
        "province",
        "city",
        "country",
        "nation",
        "region",
        "municipality",
        "china",
    ]
    .iter()
    .any(|p| stem.eq_ignore_ascii_case(p))
        || Lexicon::get().unit_by_name(stem).is_some()
}

/// "the province’s GDP and per capita GDP will exceed 8.5 trillion yuan and 130,000
/// yuan respectively": each figure gets its own part of the subject.
pub fn distribute_respectively(
    r: &SentenceReader,
    qs: &[Quantity],
    mut labels: Vec<String>,
) -> Vec<String> {
    let n = qs.len();
    let mut k = 0;
    while k < n {
        // a run of figures joined by "and" / "," followed by "respectively"
        let mut j = k;
        while j + 1 < n
            && (qs[j].t1..qs[j + 1].t0).all(|t| {
                matches!(
                    r.toks[t].text(r.text).to_ascii_lowercase().as_str(),
                    "and" | "," | "or"
                )
            })
        {
            j += 1;
        }
        let resp = qs[j].t1 < r.toks.len()
            && (qs[j].t1..r.toks.len().min(qs[j].t1 + 3))
                .any(|t| eq_word(r.toks[t].text(r.text), "respectively"));
        if j > k && resp {
            let parts: Vec<&str> = labels[k].split(" and ").collect();
            let adjectives = ["urban", "rural", "domestic", "foreign", "import", "export"];
            let last_word = |p: &str| p.split_whitespace().last().unwrap_or("").to_lowercase();
            let same_head = parts.len() == 2 && last_word(parts[0]) == last_word(parts[1]);
            // "satisfaction rates for food and drug safety": the "and" is inside the
            // prepositional phrase, not between two indicators
            let inside_pp = parts.first().is_some_and(|p| {
                let ws: Vec<&str> = p.split_whitespace().collect();
                ws.len() >= 2 && is_one_of(ws[ws.len() - 2], class::PREPOSITIONS)
            });
            let ok = parts.len() == j - k + 1
                && !inside_pp
                && parts.iter().all(|p| !p.trim().is_empty())
                && (same_head
                    || parts.iter().all(|p| {
                        p.split_whitespace().count() >= 2
                            && !adjectives.iter().any(|a| last_word(p) == *a)
                    }));
            if ok {
                let parts: Vec<String> = parts.iter().map(|p| p.trim().to_string()).collect();
                for (i, p) in parts.into_iter().enumerate() {
                    labels[k + i] = p;
                }
            }
        }
        k = j + 1;
    }
    labels
}

/// Does a label name a rate of change ("GDP growth", "CPI rise", "能耗下降")?
pub fn is_change_label(label: &str) -> bool {
    let l = label.to_lowercase();
    [
        "growth", "increase", "grow", "decline", "rise", "decrease", "增长", "增速", "增幅",
        "涨幅", "上涨", "下降", "降低",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// The canonical key of a label, if one of `indicators.txt` fits.
pub fn key(lex: &Lexicon, label: &str, unit: &str) -> Option<String> {
    let l = label.to_lowercase();
    let growth = is_change_label(&l);
    lex.indicators
        .iter()
        .find(|rule| {
            (rule.units.iter().any(|u| u == "*" || u == unit))
                && rule.growth.is_none_or(|g| g == growth)
                && rule.synonyms.iter().any(|s| l.contains(s.as_str()))
        })
        .map(|rule| rule.key.clone())
}

/// A key in words, for readers of a label in another script: "gdp_growth" -> "GDP growth",
/// "rd_intensity" -> "R&D intensity".
/// The label a reader sees: a Chinese label with its key in English, for readers
/// without Chinese ("经济增长 · GDP growth"); any other label as it is.
pub fn shown_label(label: &str, key: Option<&str>) -> String {
    let label = if label.is_empty() {
        "(no label)"
    } else {
        label
    };
    match key {
        Some(k) if label.chars().any(|c| c as u32 >= 0x2E80) => {
            format!("{label} · {}", key_name(k))
        }
        _ => label.to_string(),
    }
}

pub fn key_name(key: &str) -> String {
    let words: Vec<String> = key
        .split('_')
        .map(|w| match w {
            "gdp" | "cpi" | "fdi" => w.to_uppercase(),
            "rd" => "R&D".to_string(),
            "pm25" => "PM2.5".to_string(),
            "per" => "per".to_string(),
            _ => w.to_string(),
        })
        .collect();
    let mut out = words.join(" ");
    if let Some(f) = out.get(..1)
        && f.chars().all(|c| c.is_ascii_lowercase())
    {
        out.replace_range(..1, &f.to_uppercase());
    }
    out
}

/// "both the number of production accidents and the death toll": one figure, two
/// statements. Returns the two labels.
pub fn split_both(lead_label: &str) -> Option<(String, String)> {
    let rest = lead_label.strip_prefix("both ")?;
    let suffix = [" decline", " growth", " increase", " reduction", " share"]
        .into_iter()
        .find(|s| rest.ends_with(s))
        .unwrap_or("");
    let rest = &rest[..rest.len() - suffix.len()];
    let (a, b) = rest.split_once(" and ")?;
    let (a, b) = (clean(a), clean(b));
    (!a.is_empty() && !b.is_empty()).then(|| (format!("{a}{suffix}"), format!("{b}{suffix}")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_read_as_words() {
        assert_eq!(super::key_name("gdp_growth"), "GDP growth");
        assert_eq!(super::key_name("rd_intensity"), "R&D intensity");
        assert_eq!(super::key_name("new_urban_jobs"), "New urban jobs");
    }

    #[test]
    fn chinese_and_english_labels_share_keys() {
        let lex = crate::extract::lexicon::Lexicon::get();
        for (zh, en, unit) in [
            ("地区生产总值增长", "GDP growth", "%"),
            ("城镇新增就业", "new urban jobs", "count"),
            ("居民消费价格涨幅", "consumer prices", "%"),
            ("人均地区生产总值", "per capita GDP", "yuan"),
            (
                "单位地区生产总值能耗降低",
                "energy consumption per unit of GDP",
                "%",
            ),
            ("进出口总额增长", "import and export growth", "%"),
        ] {
            let a = super::key(lex, zh, unit);
            assert!(a.is_some(), "{zh}");
            assert_eq!(a, super::key(lex, en, unit), "{zh} / {en}");
        }
    }
}
