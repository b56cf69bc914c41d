//! Reading the quantities of one sentence: numbers with multipliers and units,
//! comparators, "from X to Y" baselines, ranges, coordinated lists, time phrases.

use crate::model::{Comparator, Period};

use super::lexicon::{Hit, Horizon, Lexicon, eq_word};
use super::text::{Tk, Token};

/// A number read off the sentence, before it is attributed and labelled.
#[derive(Debug, Clone)]
pub struct Quantity {
    /// First token (a prefix unit or a sign) and one past the last (unit, comparator).
    pub t0: usize,
    pub t1: usize,
    /// Token index of the number itself.
    pub tn: usize,
    pub value: f64,
    /// None while the unit is unknown; "count" for a counted noun.
    pub unit: Option<String>,
    /// The counted noun phrase or the "of ..." phrase after a measure ("mu of farmland").
    pub noun: Option<(usize, usize)>,
    pub noun_kind: NounKind,
    /// A number without unit or noun, kept because a verb or "from/to" vouches for it.
    pub bare: bool,
    /// False for numbers that only serve as a baseline ("from zero to 128,000").
    pub emit: bool,
    pub cmp: Option<Comparator>,
    /// Token where the comparator phrase starts (for the wording).
    pub cmp_start: Option<usize>,
    /// Index of the quantity that is this one's starting point ("from X to Y").
    pub baselines: Vec<usize>,
    /// This quantity is the start of a "from X to Y".
    pub is_start: bool,
    /// The number is followed by a plan participle ("the 270 billion yuan estimated").
    pub plan_figure: bool,
    /// Time phrase attached right after the number ("481 billion yuan in 2015").
    pub time: Option<TimeRef>,
    /// The other end of a range ("6.5-6.7 percent for 2016"): both ends share time.
    pub range_with: Option<usize>,
    /// The unit was taken from the indicator, not the text ("revenue was 41.1 billion").
    pub unit_inferred: bool,
    /// Capitalised words or a code stand right beside the number ("Fortune Global 500
    /// companies", "Line 3"): it may be part of a name.
    pub name_like: bool,
    /// A multiplier word was applied ("41.134 billion").
    pub multiplied: bool,
    /// A conversion in brackets of the figure before ("10 trillion yuan ($1.4 trillion)"):
    /// the index of that figure.
    pub conversion_of: Option<usize>,
    /// Token range of the words the label is read from.
    pub label: String,
    pub integer: bool,
}

/// What the words after a number are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NounKind {
    /// The things counted: "400 major scientific research projects".
    #[default]
    Counted,
    /// What a measure is of: "649,000 mu of high-standard farmland".
    Of,
    /// The population of a rate: "16 per 10,000 elderly people".
    Per,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum When {
    /// A year, optionally with the period it closes.
    Year(i32, Option<Period>),
    /// Relative to the year the figure would otherwise have.
    ContextOffset(i32),
    /// The year the text named last ("By that time", "by then"): the walk resolves it.
    Previous,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeRef {
    /// Byte position in the text.
    pub pos: usize,
    /// Token index (first token at or after `pos`).
    pub tok: usize,
    pub when: When,
    /// A possessive of a goal or figure ("last year's target of 5%", "over last year's 6.5
    /// percent"): it dates what follows it in its clause, nothing before it.
    pub possessive: bool,
    /// A phrase naming the report's own year ("this year", "the current year").
    pub current: bool,
}

pub struct SentenceReader<'a> {
    pub lex: &'a Lexicon,
    pub text: &'a str,
    pub toks: &'a [Token],
    /// The sentence starts its line (so "1." at its head is a list marker).
    pub line_start: bool,
    pub report_year: i32,
    /// Byte spans of short quoted names inside the sentence.
    pub quoted: Vec<(usize, usize)>,
    /// Tokens that must not be read as numbers ("26" in "18 of the 26 counties").
    skip: Vec<usize>,
    /// The automaton saw a number word ("one", "half") in the sentence.
    pub number_words: bool,
    /// The signs of tense of the sentence, read when first needed.
    pub tense_marks: std::cell::OnceCell<Vec<super::TenseMark>>,
}

fn is_punct(text: &str, t: &Token, p: &str) -> bool {
    t.kind == Tk::Punct && &text[t.start..t.end] == p
}

pub(super) fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "–" | "—" | "−" | "~" | "～")
}

/// A word or mark that joins the items of a list: a comma, "、", "and", "or".
pub(super) fn list_separator(s: &str) -> bool {
    matches!(s, "," | "，" | "、") || eq_word(s, "and") || eq_word(s, "or")
}

pub fn parse_number(s: &str) -> Option<f64> {
    let s = super::text::ascii_number(s);
    if s.contains(',') {
        s.replace(',', "").parse().ok()
    } else {
        s.parse().ok()
    }
}

const CLAUSE_PUNCT: &[&str] = &[";", ":", "；", "：", "?", "!"];

impl<'a> SentenceReader<'a> {
    pub fn new(
        lex: &'a Lexicon,
        text: &'a str,
        toks: &'a [Token],
        line_start: bool,
        report_year: i32,
    ) -> Self {
        let quoted = quoted_spans(text, toks);
        SentenceReader {
            lex,
            text,
            toks,
            line_start,
            report_year,
            quoted,
            skip: Vec::new(),
            number_words: true,
            tense_marks: std::cell::OnceCell::new(),
        }
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == Tk::Word).then(|| t.text(self.text))
    }

    fn tok_text(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    /// Tokens `a` and `b` touch; false past either end.
    fn adjacent(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => x.end == y.start,
            _ => false,
        }
    }

    fn word_is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|x| eq_word(x, w))
    }

    /// "within 30 days", "during the six months", and the second of a list of spans: "the
    /// next five and 15 years", "the coming five and ten years", "the past three to five
    /// years". `t0` is the first token of the number.
    fn after_duration_word(&self, t0: usize) -> bool {
        let lex = self.lex;
        let head = |k: Option<usize>| {
            k.and_then(|k| {
                if self.word_is(k, "the") {
                    k.checked_sub(1).and_then(|k| self.word(k))
                } else {
                    self.word(k)
                }
            })
            .is_some_and(|w| lex.duration_before.has_word(w))
        };
        let before = t0.checked_sub(1);
        if head(before) {
            return true;
        }
        // "five and 15 years": a number joined by and/or/to, itself after a word of span
        let Some(k) = before else { return false };
        if !["and", "or", "to"].iter().any(|c| self.word_is(k, c)) {
            return false;
        }
        let Some(n) = k.checked_sub(1) else {
            return false;
        };
        let number = self.toks[n].kind == Tk::Num && !self.is_year_token(n)
            || self.word(n).is_some_and(|w| lex.number_word(w).is_some());
        number && head(n.checked_sub(1))
    }

    /// "56 percent of GDP by 2020, up from 50.5 percent": the words between a figure and a
    /// "from" after it are the rest of its phrase when a comma and a word of change lead to the
    /// "from", and no other figure stands between.
    fn change_from(&self, a: usize, from: usize) -> bool {
        from >= a + 2
            && from - a <= 12
            && matches!(self.tok_text(from - 2), "," | "，")
            && self
                .word(from - 1)
                .is_some_and(|w| self.lex.change_verbs.has_word(w))
            && (a..from).all(|k| self.toks[k].kind != Tk::Num || self.is_year_token(k))
    }

    /// "cap the urban surveyed jobless rate at 5.5%": an "at" right before the figure, with
    /// a verb of ceiling earlier in its clause; gives where the bound's words start.
    fn capped_at(&self, t0: usize) -> Option<usize> {
        let at = t0.checked_sub(1).filter(|&a| self.word_is(a, "at"))?;
        (at.saturating_sub(10)..at)
            .rev()
            .take_while(|&k| !self.is_clause_break(k))
            .find(|&k| self.word(k).is_some_and(|w| self.lex.cap_verbs.has_word(w)))
            .map(|_| at)
    }

    /// "surpassed the thresholds of 12 trillion RMB", "exceeded the mark of 100 million": a
    /// comparing verb whose object is a threshold of the figure bounds it as it would right
    /// before it.
    fn past_threshold(&self, t0: usize) -> Option<(Comparator, usize)> {
        let of = t0.checked_sub(1).filter(|&k| self.word_is(k, "of"))?;
        let noun = of.checked_sub(1)?;
        if !self
            .word(noun)
            .is_some_and(|w| self.lex.threshold_nouns.has_word(w))
        {
            return None;
        }
        let det = noun
            .checked_sub(1)
            .filter(|&k| self.word_is(k, "the") || self.word_is(k, "a"))?;
        self.bound_before(det)
    }

    /// "breaking through the 9 trillion yuan mark", "topped the 100-billion-yuan threshold":
    /// the same with the threshold named after the figure.
    fn past_mark(&self, t0: usize, t1: usize) -> Option<(Comparator, usize)> {
        if !self
            .word(t1)
            .is_some_and(|w| self.lex.threshold_nouns.has_word(w))
        {
            return None;
        }
        let det = t0.checked_sub(1).filter(|&k| self.word_is(k, "the"))?;
        self.bound_before(det)
    }

    /// The comparator phrase ending right before token `end`, and where it starts.
    fn bound_before(&self, end: usize) -> Option<(Comparator, usize)> {
        let (len, c) = self
            .lex
            .cmp_before
            .longest_ending_at(self.text, self.toks, end)?;
        Some((c, end - len))
    }

    /// A clause boundary: ";", ":", "?", "!" or a comma.
    pub fn is_clause_break(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == Tk::Punct
            && (CLAUSE_PUNCT.contains(&t.text(self.text))
                || matches!(t.text(self.text), "," | "，"))
    }

    /// The first token of the clause that token `t` is in (clauses end at commas too).
    pub fn clause_start(&self, t: usize) -> usize {
        let mut a = t;
        while a > 0 && !self.is_clause_break(a - 1) {
            a -= 1;
        }
        a
    }

    fn is_clause_punct(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == Tk::Punct && CLAUSE_PUNCT.contains(&t.text(self.text))
    }

    fn in_quotes(&self, pos: usize) -> bool {
        self.quoted.iter().any(|&(a, b)| pos > a && pos < b)
    }

    /// the "9 trillion province" and "1 trillion city": a quote that goes on past its
    /// figure's measure to a noun is a name, not a quoted target ("more than 7%").
    fn quote_ends_in_a_name(&self, pos: usize) -> bool {
        let Some(&(_, b)) = self.quoted.iter().find(|&&(a, b)| pos > a && pos < b) else {
            return false;
        };
        let Some(last) = self.toks.iter().rposition(|t| t.end <= b) else {
            return false;
        };
        let (text, toks) = (self.text, self.toks);
        self.word(last).is_some()
            && self
                .lex
                .units_after
                .longest_ending_at(text, toks, last + 1)
                .is_none()
            && self
                .lex
                .multipliers
                .longest_ending_at(text, toks, last + 1)
                .is_none()
            && self
                .lex
                .cmp_after
                .longest_ending_at(text, toks, last + 1)
                .is_none()
    }

    /// Is the 4-digit integer at `i` a year rather than a count ("2018 medical workers")?
    pub fn is_year_token(&self, i: usize) -> bool {
        let s = self.tok_text(i);
        let s = super::text::ascii_number(s);
        if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let y: i32 = s.parse().unwrap_or(0);
        if !(1900..=2100).contains(&y) {
            return false;
        }
        if self
            .lex
            .units_after
            .longest_at(self.text, self.toks, i + 1)
            .is_some()
            || self
                .lex
                .multipliers
                .longest_at(self.text, self.toks, i + 1)
                .is_some()
            || self
                .toks
                .get(i + 1)
                .is_some_and(|t| matches!(t.text(self.text), "%" | "％"))
        {
            return false;
        }
        if let Some(p) = i.checked_sub(1).and_then(|k| self.word(k))
            && (self.lex.year_before.has_word(p) || self.lex.months.has_word(p))
        {
            return true;
        }
        // the second year of "2016-2020"
        if i >= 2
            && is_dash(self.tok_text(i - 1))
            && self.toks[i - 2].kind == Tk::Num
            && self.tok_text(i - 2).len() == 4
        {
            return true;
        }
        // "their 2020 targets", "the 2022 GDP data", "the 2016-2020 period", and a
        // noun phrase ending in one: "modest 2024 economic growth targets"
        if (i + 1..i + 4)
            .map_while(|k| self.word(k))
            .any(|w| self.lex.year_nouns.has_word(w))
        {
            return true;
        }
        match self.word(i + 1) {
            Some(w) => {
                let lower_start = w.starts_with(|c: char| c.is_lowercase());
                // a participle is no counted noun: "The Global Innovation Index (GII)
                // 2023 published by ...", "the 2022 revised edition"
                let participle = w.len() > 4 && w.ends_with("ed");
                !(lower_start
                    && !participle
                    && !self.lex.not_a_noun.has_word(w)
                    && !self.lex.months.has_word(w))
            }
            None => true,
        }
    }

    /// All explicit years and time phrases in the sentence.
    pub fn time_refs(&self, hits: &[(usize, usize, Hit)]) -> Vec<TimeRef> {
        let mut out = Vec::new();
        let text = self.text;
        let tok_at = |pos: usize| self.toks.partition_point(|t| t.start < pos);
        for &(s, e, hit) in hits {
            match hit {
                Hit::Horizon(h) => {
                    // "1.7 times the previous year's increase" names a base, not a date;
                    // "(compared with) last year's goal of 6.5%" dates the goal
                    let mut goal = false;
                    if let Some(rest) = text[e..]
                        .strip_prefix("'s")
                        .or_else(|| text[e..].strip_prefix("’s"))
                    {
                        let next = rest
                            .trim_start()
                            .split(|c: char| !c.is_alphabetic())
                            .next()
                            .unwrap_or("");
                        // "over last year's 6.5 percent": the figure that follows is
                        // of that year
                        let figure = rest.trim_start().starts_with(|c: char| c.is_ascii_digit());
                        if !figure && !self.lex.target_nouns.has_word(next) {
                            continue;
                        }
                        goal = true;
                    }
                    let (mut prev, mut prev_at) = preceding_word_at(text, s);
                    // "an increase of 4.67 million over the end of the previous year", "than
                    // the same period of last year": a point of the year compared with is
                    // read through to the word of comparing before it
                    if let Some(at) = point_of_year_before(text, prev, prev_at) {
                        (prev, prev_at) = preceding_word_at(text, at);
                    }
                    // "an increase of 3.6% over the previous year" compares, it does not date.
                    // So do "the same as last year" and "that of last year".
                    let prev2 = preceding_word(text, prev_at);
                    let comparing = !goal
                        && ([
                            "over", "than", "with", "from", "on", "compared", "versus", "as",
                        ]
                        .iter()
                        .any(|w| prev.eq_ignore_ascii_case(w))
                            // "an increase of 5.2% compared to the previous year"
                            || (prev.eq_ignore_ascii_case("to")
                                && prev2.eq_ignore_ascii_case("compared"))
                            || (prev.eq_ignore_ascii_case("of")
                                && ["that", "those"]
                                    .iter()
                                    .any(|w| prev2.eq_ignore_ascii_case(w)))
                            || (prev.eq_ignore_ascii_case("of")
                                && share_of_a_year(text, prev_at)));
                    let when = match h {
                        Horizon::Report(o) => {
                            if comparing {
                                continue;
                            }
                            When::Year(self.report_year + o, None)
                        }
                        Horizon::Context(o) => {
                            if comparing {
                                continue;
                            }
                            When::ContextOffset(o)
                        }
                        Horizon::Previous => When::Previous,
                        Horizon::Review5 => {
                            let r = self.report_year;
                            When::Year(
                                r - 1,
                                Some(Period {
                                    start: r - 5,
                                    end: r - 1,
                                }),
                            )
                        }
                        Horizon::Plan5 => {
                            if self.lex.superlative.has_word(prev)
                                || self.lex.superlative.has_word(prev2)
                            {
                                continue;
                            }
                            let r = self.report_year;
                            When::Year(
                                r + 4,
                                Some(Period {
                                    start: r,
                                    end: r + 4,
                                }),
                            )
                        }
                    };
                    out.push(TimeRef {
                        pos: s,
                        tok: tok_at(s),
                        when,
                        possessive: goal,
                        current: matches!(h, Horizon::Report(0)),
                    });
                }
                Hit::FiveYearPlan => {
                    if let Some(when) = five_year_plan(text, s, e) {
                        out.push(TimeRef {
                            pos: s,
                            tok: tok_at(s),
                            when,
                            possessive: false,
                            current: false,
                        });
                    }
                }
                _ => {}
            }
        }
        for i in 0..self.toks.len() {
            if self.toks[i].kind != Tk::Num || !self.is_year_token(i) || self.is_date_part(i) {
                continue;
            }
            let y: i32 = super::text::ascii_number(self.tok_text(i))
                .parse()
                .unwrap_or(0);
            let prev = i.checked_sub(1).and_then(|k| self.word(k)).unwrap_or("");
            if eq_word(prev, "since") || eq_word(prev, "than") {
                continue;
            }
            // the base of a comparison, not the figure's date: "up two percentage points
            // from 2017", "greater than in 2017", "1.8 times that of 2013", "from 2015
            // levels" (but "from 2016 to 2020" is a period, read below)
            let prev2 = i.checked_sub(2).and_then(|k| self.word(k)).unwrap_or("");
            let base_of = (eq_word(prev, "from") && self.period_end(i).is_none())
                // "to rise by 180 billion yuan from the 2023 budget figure"
                || (eq_word(prev, "the")
                    && eq_word(prev2, "from")
                    && self.period_end(i).is_none())
                // "20,000 times the 1953 figure", "compared with the 2015 level"
                || (eq_word(prev, "the")
                    && ["times", "than", "with", "over"]
                        .iter()
                        .any(|w| eq_word(prev2, w)))
                || (eq_word(prev, "in") && eq_word(prev2, "than"))
                || (eq_word(prev, "of")
                    && ["that", "those", "level", "levels"]
                        .iter()
                        .any(|w| eq_word(prev2, w)))
                || eq_word(prev, "versus")
                || eq_word(prev, "vs")
                // "a 7.5 percent target, the same as for 2012", "as in 2019"
                || eq_word(prev, "as")
                || ((eq_word(prev, "for") || eq_word(prev, "in")) && eq_word(prev2, "as"))
                // "the growth rate accelerated by 2.2 percentage points compared to 2022",
                // "up 5% over 2022"
                || ((eq_word(prev, "to") || eq_word(prev, "with")) && eq_word(prev2, "compared"))
                || (eq_word(prev, "over") && self.period_end(i).is_none())
                // "a 8.5-percent growth over the same period of 2019", "than the end of 2020"
                || i.checked_sub(1).is_some_and(|p| {
                    point_of_year_before(self.text, prev, self.toks[p].start)
                        .is_some_and(|at| comparing_word_before(self.text, at))
                });
            if base_of {
                continue;
            }
            // "2021-2025", "from 2016 to 2020"
            let mut when = When::Year(y, None);
            if let Some(j) = self.period_end(i) {
                let y2: i32 = super::text::ascii_number(self.tok_text(j))
                    .parse()
                    .unwrap_or(y);
                if y2 > y {
                    when = When::Year(y2, Some(Period { start: y, end: y2 }));
                }
            }
            if let Some(p) = i.checked_sub(1)
                && self.toks[p].kind == Tk::Punct
                && is_dash(self.tok_text(p))
                && p > 0
                && self.toks[p - 1].kind == Tk::Num
                && self.is_year_token(p - 1)
            {
                continue; // the second year of a period, already read
            }
            out.push(TimeRef {
                pos: self.toks[i].start,
                tok: i,
                when,
                possessive: false,
                current: false,
            });
        }
        out.sort_by_key(|t| t.pos);
        out
    }

    fn period_end(&self, i: usize) -> Option<usize> {
        let sep = self.toks.get(i + 1)?;
        let j = i + 2;
        let ok_sep = (sep.kind == Tk::Punct && is_dash(sep.text(self.text)))
            || (sep.kind == Tk::Word && eq_word(sep.text(self.text), "to"));
        (ok_sep && self.toks.get(j).is_some_and(|t| t.kind == Tk::Num) && self.is_year_token(j))
            .then_some(j)
    }

    /// Part of a written date: "January 26, 2021", "2022-04-20", "2021/7/27", "15:37".
    fn is_date_part(&self, i: usize) -> bool {
        let toks = self.toks;
        let text = self.text;
        let w = |k: usize| self.word(k).is_some_and(|x| self.lex.months.has_word(x));
        if i > 0 && w(i - 1) {
            return true;
        }
        if w(i + 1) {
            return true;
        }
        // "January 26, 2021"
        if i >= 3 && is_punct(text, &toks[i - 1], ",") && toks[i - 2].kind == Tk::Num && w(i - 3) {
            return true;
        }
        // chains of numbers glued by - / : / .
        let glue = |k: usize| {
            toks.get(k).is_some_and(|t| {
                t.kind == Tk::Punct && matches!(t.text(text), "-" | "/" | ":" | "." | "–")
            })
        };
        let mut a = i;
        while a >= 2
            && glue(a - 1)
            && toks[a - 2].kind == Tk::Num
            && self.adjacent(a - 2, a - 1)
            && self.adjacent(a - 1, a)
        {
            a -= 2;
        }
        let mut b = i;
        while b + 2 < toks.len()
            && glue(b + 1)
            && toks[b + 2].kind == Tk::Num
            && self.adjacent(b, b + 1)
            && self.adjacent(b + 1, b + 2)
        {
            b += 2;
        }
        if (b - a) / 2 + 1 >= 3 {
            return true;
        }
        // 15:37
        if (b > a) && toks[a + 1..=b].iter().any(|t| t.text(text) == ":") {
            return true;
        }
        false
    }

    /// Read every quantity of the sentence.
    pub fn quantities(&mut self) -> Vec<Quantity> {
        let mut qs: Vec<Quantity> = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if self.skip.contains(&i) {
                i += 1;
                continue;
            }
            let q = match self.toks[i].kind {
                Tk::Num => self.number_at(i),
                Tk::Word
                    if self.number_words && self.lex.number_word(self.tok_text(i)).is_some() =>
                {
                    self.word_number_at(i)
                }
                _ => None,
            };
            match q {
                Some(q) => {
                    i = q.t1.max(i + 1);
                    qs.push(q);
                }
                None => i += 1,
            }
        }
        self.link(&mut qs);
        qs
    }

    fn number_at(&mut self, i: usize) -> Option<Quantity> {
        let text = self.text;
        let toks = self.toks;
        let t = toks[i];
        let s = t.text(text);
        let lex = self.lex;
        let prev = i.checked_sub(1);
        let next = (i + 1 < toks.len()).then_some(i + 1);
        let adj_prev = prev.is_some_and(|p| self.adjacent(p, i));
        let adj_next = next.is_some_and(|n| self.adjacent(i, n));

        // glued to a word: "COVID-19", "PM2.5", "5G", "13th", "2nd"
        if adj_prev {
            let p = prev?;
            // but a currency code is a unit: "CNY21.15 trillion"
            if toks[p].kind == Tk::Word
                && lex.units_prefix.longest_ending_at(text, toks, i).is_none()
            {
                return None;
            }
            if toks[p].kind == Tk::Punct
                && matches!(toks[p].text(text), "-" | "." | "_")
                && p > 0
                && self.adjacent(p - 1, p)
                && toks[p - 1].kind == Tk::Word
            {
                return None;
            }
        }
        if adj_next {
            let n = next?;
            if toks[n].kind == Tk::Word {
                let w = toks[n].text(text);
                let unit_like = lex.units_after.longest_at(text, toks, n).is_some()
                    || lex.multipliers.longest_at(text, toks, n).is_some();
                if lex.ordinal_suffix.has_word(w) || !unit_like {
                    return None;
                }
            }
        }
        // a quoted target ("more than 7%, and strive to reach 8%") is a figure; a quoted
        // name ("13 strategies") is not
        let quoted_figure = next.is_some_and(|n| {
            matches!(toks[n].text(text), "%" | "％")
                || lex.units_after.longest_at(text, toks, n).is_some()
                || lex.multipliers.longest_at(text, toks, n).is_some()
        }) && !self.quote_ends_in_a_name(t.start);
        if self.is_date_part(i) || (self.in_quotes(t.start) && !quoted_figure) {
            return None;
        }
        // "[292]", "(1)"
        if let (Some(p), Some(n)) = (prev, next) {
            let (ps, ns) = (toks[p].text(text), toks[n].text(text));
            if (ps == "[" && ns == "]")
                || ((ps == "(" || ps == "（")
                    && (ns == ")" || ns == "）")
                    && !s.contains('.')
                    && s.len() <= 2)
            {
                return None;
            }
        }
        // list markers at the head of a line: "1.", "3.Important", "2)"
        if self.line_start
            && i == 0
            && let Some(n) = next
            && matches!(toks[n].text(text), "." | ")" | "、" | "）")
        {
            return None;
        }
        // labels: "top 500", "Phase 2", "No. 1", "according to 86"
        if let Some(p) = prev {
            if let Some(w) = self.word(p) {
                if lex.label_before.has_word(w) {
                    return None;
                }
                if eq_word(w, "to") && p > 0 && self.word_is(p - 1, "according") {
                    return None;
                }
                if (eq_word(w, "aged") || eq_word(w, "age")) && !s.contains('.') {
                    return None;
                }
            }
            if toks[p].text(text) == "." && p > 0 && self.word_is(p - 1, "no") {
                return None;
            }
            // part of a unit: "per 10,000 people", "5 km for every 100 square kilometres"
            if eq_word(toks[p].text(text), "per")
                || (eq_word(toks[p].text(text), "every")
                    && p > 0
                    && self.word_is(p - 1, "for")
                    && lex.units_after.longest_at(text, toks, i + 1).is_some())
            {
                return None;
            }
        }
        // compound adjectives: "15-year", "10-minute"; but a multiple or a rate written
        // with a hyphen is one: "up 8,000-times", "a 1,500-fold increase", "a 6.8-percent
        // GDP growth"
        // ("the 16-percent tax rate" names a bracket, not a figure)
        let named = prev.is_some_and(|p| self.word_is(p, "the"));
        let hyphen_multiple = next.is_some_and(|n| {
            self.word(n + 1).is_some_and(|w| {
                eq_word(w, "times") || eq_word(w, "fold") || (eq_word(w, "percent") && !named)
            })
        });
        let hyphen = next.filter(|&n| {
            adj_next
                && toks[n].kind == Tk::Punct
                && is_dash(toks[n].text(text))
                && toks
                    .get(n + 1)
                    .is_some_and(|w| w.kind == Tk::Word && self.adjacent(n, n + 1))
        });
        // "the 5-trillion-yuan mark", "a 100-billion-yuan industry": an amount written as
        // one adjective is still the amount
        let hyphen_amount =
            hyphen.filter(|&n| lex.multipliers.longest_at(text, toks, n + 1).is_some());
        let hyphen_plus = hyphen.is_some_and(|n| self.plus_before_unit(n).is_some());
        if hyphen.is_some() && hyphen_amount.is_none() && !hyphen_multiple && !hyphen_plus {
            return None;
        }
        if self.is_year_token(i) {
            return None;
        }

        let mut value = parse_number(s)?;
        let integer = !s.contains('.');
        let mut t0 = i;
        let mut j = i + 1;
        let mut unit: Option<String> = None;

        // fractions: "1/3" (of something) is a share
        if let Some(n) = next
            && adj_next
            && toks[n].text(text) == "/"
            && toks
                .get(n + 1)
                .is_some_and(|d| d.kind == Tk::Num && self.adjacent(n, n + 1))
        {
            let d = parse_number(toks[n + 1].text(text))?;
            if d == 0.0 || value >= d || d > 100.0 {
                return None;
            }
            value = (value / d * 100.0 * 100.0).round() / 100.0;
            unit = Some("%".into());
            j = n + 2;
            if self.word_is(j, "of") {
                // "1/3 of the GDP": the share, labelled below
            }
        }
        // a minus sign: "-5.6%", but not the dash of a range "6-7%"
        if let Some(p) = prev {
            let ps = toks[p].text(text);
            if matches!(ps, "-" | "−" | "–")
                && self.adjacent(p, i)
                && (p == 0 || !self.adjacent(p - 1, p) || toks[p - 1].text(text) == "(")
                && (p == 0 || toks[p - 1].kind != Tk::Num)
            {
                value = -value;
                t0 = p;
            }
        }
        let mut multiplied = false;
        if let Some(n) = hyphen_amount {
            j = n + 1;
        }
        if unit.is_none()
            && let Some((len, m)) = lex.multipliers.longest_at(text, toks, j)
        {
            value *= m;
            j += len;
            multiplied = true;
            // "4 trillion-yuan mark"
            if toks.get(j).is_some_and(|t| is_dash(t.text(text)))
                && self.adjacent(j - 1, j)
                && j + 1 < toks.len()
                && self.adjacent(j, j + 1)
                && lex.units_after.longest_at(text, toks, j + 1).is_some()
            {
                j += 1;
            }
        }
        // "6-plus percent", "six plus per cent": more than the number
        let plus = unit.is_none().then(|| self.plus_before_unit(j)).flatten();
        if let Some(len) = plus {
            j += len;
        }
        if unit.is_none() {
            if toks
                .get(j)
                .is_some_and(|t| matches!(t.text(text), "%" | "％"))
            {
                unit = Some("%".into());
                j += 1;
            } else if let Some((len, u)) = lex.units_after.longest_at(text, toks, j) {
                unit = Some(u);
                j += len;
            }
        }
        if let Some((len, u)) = lex.units_prefix.longest_ending_at(text, toks, t0) {
            // a currency sign decides: "$8.69 billion yuan" is in dollars
            let sign = toks[t0 - 1].kind == Tk::Punct;
            if unit.is_none() || (sign && unit.as_deref() == Some("yuan")) {
                unit = Some(u);
            }
            t0 -= len;
        }

        // skip the hyphen of "8,000-times"
        if hyphen_multiple
            && unit.is_none()
            && let Some((len, u)) = lex.units_after.longest_at(text, toks, j + 1)
        {
            unit = Some(u);
            j += 1 + len;
        }
        match unit.as_deref() {
            // "the train ran 1,399 times" counts runs; "up by more than 20,000 times the
            // 1953 figure" and "8,000-times" are multiples
            Some("times")
                if integer
                    && (s.contains(',') || value >= 20.0)
                    && !hyphen_multiple
                    && !self.word(j).is_some_and(|w| {
                        [
                            "the", "that", "those", "as", "of", "over", "than", "compared",
                        ]
                        .iter()
                        .any(|x| eq_word(w, x))
                    }) =>
            {
                unit = Some("count".into());
            }
            Some("years" | "months" | "days" | "hours" | "minutes") => {
                // "under 3 years old", "within 30 days", "3 years ahead of schedule"
                if lex.duration_after.longest_at(text, toks, j).is_some() {
                    return None;
                }
                // "during the six months", "for the 12 months", "the next five and 15 years"
                if self.after_duration_word(t0) {
                    return None;
                }
            }
            // "ranking first for 35 consecutive years", "for 12 straight quarters": a streak
            None if lex
                .duration_after
                .longest_at(text, toks, j)
                .is_some_and(|len| {
                    self.word(j + len).is_some_and(|w| {
                        [
                            "years", "quarters", "months", "weeks", "days", "sessions", "times",
                        ]
                        .iter()
                        .any(|u| eq_word(w, u))
                    })
                }) =>
            {
                return None;
            }
            _ => {}
        }

        // "tons of standard coal per 10,000 yuan of GDP", "16 per 10,000 elderly people"
        let mut noun = None;
        let mut noun_kind = NounKind::Counted;
        if let Some((len, per)) = lex.per.longest_at(text, toks, j) {
            let after = j + len;
            match unit.as_deref() {
                Some("tce") if self.word_is(after, "yuan") => {
                    unit = Some("tce_per_10k_yuan".into());
                    j = after + 1;
                }
                None | Some("count") => {
                    unit = Some(per);
                    let (a, b) = self.noun_phrase(after);
                    if b > a {
                        noun = Some((a, b));
                        noun_kind = NounKind::Per;
                    }
                    j = b.max(after);
                }
                _ => {}
            }
        }
        if unit.as_deref() == Some("tce") && self.sentence_has_per_10k_yuan() {
            unit = Some("tce_per_10k_yuan".into());
        }

        if unit.as_deref() == Some("%") && noun.is_none() && self.word_is(j, "of") {
            // "60% of counties", "2.9% of the GDP"
            let a = j + 1 + usize::from(self.word_is(j + 1, "the"));
            let (a, b) = self.noun_phrase(a);
            let names_time = (a..=b).any(|k| {
                self.word(k).is_some_and(|w| {
                    ["year", "years", "quarter", "month", "period"]
                        .iter()
                        .any(|x| eq_word(w, x))
                })
            });
            if b > a && !names_time {
                noun = Some((a, b));
                noun_kind = NounKind::Of;
            }
        }
        let mut bare = false;
        if unit.is_none() {
            // "18 of the 26 counties", "15 out of 31 provincial economies": the first
            // counts the counties; the second is not a figure
            let of_the = (self.word_is(j, "of") && self.word_is(j + 1, "the"))
                || (self.word_is(j, "out") && self.word_is(j + 1, "of"));
            if of_the && toks.get(j + 2).is_some_and(|t| t.kind == Tk::Num) {
                let (a, b) = self.noun_phrase(j + 3);
                if b > a {
                    self.skip.push(j + 2);
                    // counts of the places reported on are no figures
                    if (a..b.min(a + 3))
                        .any(|k| lex.group_nouns.longest_at(text, toks, k).is_some())
                    {
                        return None;
                    }
                    unit = Some("count".into());
                    noun = Some((a, b));
                }
            }
        }
        if unit.is_none() {
            // "create 200,000 more job vacancies": more of the counted noun, not a bound
            let more = self.word_is(j, "more") && !self.word_is(j + 1, "than");
            let (a, b) = self.noun_phrase(j + usize::from(more));
            if b > a {
                // "the first time in the past 17 quarters", "over the next 10 weeks": a span
                let spans_time = b == a + 1
                    && self.word(a).is_some_and(|w| {
                        ["quarters", "weeks", "years", "months", "days", "decades"]
                            .iter()
                            .any(|u| eq_word(w, u))
                    });
                if spans_time && self.after_duration_word(t0) {
                    return None;
                }
                // "31 major cities, provinces and autonomous regions", "the 38 targets"
                if lex.meta_nouns.longest_at(text, toks, a).is_some()
                    || (a..b.min(a + 3))
                        .any(|k| lex.group_nouns.longest_at(text, toks, k).is_some())
                {
                    return None;
                }
                unit = Some("count".into());
                noun = Some((a, b));
            }
        }
        if unit.is_none() {
            // "up 0.36 and 0.67 percentage points": the unit is written once, at the end
            let unit_follows = toks.get(j).is_some_and(|t| list_separator(t.text(text)))
                && toks.get(j + 1).is_some_and(|t| t.kind == Tk::Num);
            // "at 3.2 and 3.8", "reached 3.4 and 4": the second of a list is vouched for
            // by the first
            // "5-5.5% and 6-6.5%": after a percentage too
            let listed = t0 >= 2
                && (toks[t0 - 2].kind == Tk::Num
                    || (t0 >= 3
                        && toks[t0 - 3].kind == Tk::Num
                        && matches!(toks[t0 - 2].text(text), "%" | "％")))
                && ["and", "or", ",", "，", "、"]
                    .iter()
                    .any(|w| eq_word(toks[t0 - 1].text(text), w));
            let vouched = lex.bare_before.longest_ending_at(text, toks, t0).is_some()
                || lex.cmp_before.longest_ending_at(text, toks, t0).is_some()
                || unit_follows
                || listed;
            if !vouched {
                return None;
            }
            unit = Some("count".into());
            bare = true;
            // a rate named in the subject: "physicians per 1,000 people from 3.67 to 4.3"
            if let Some(per) = self.per_in_clause_before(t0) {
                unit = Some(per);
                bare = false;
            }
        } else if matches!(
            unit.as_deref(),
            Some(
                "km" | "mu"
                    | "sqkm"
                    | "sqm"
                    | "tons"
                    | "yuan"
                    | "usd"
                    | "hectares"
                    | "kw"
                    | "kwh"
                    | "m3"
                    | "jin"
            )
        ) && self.word_is(j, "of")
        {
            // "649,000 mu of high-standard farmland", "171 kilometers of the seawall"
            let (a, b) = self.noun_phrase(j + 1 + usize::from(self.word_is(j + 1, "the")));
            if b > a {
                noun = Some((a, b));
                noun_kind = NounKind::Of;
            }
        }

        let mut cmp = None;
        let mut cmp_start = None;
        if let Some((len, c)) = lex.cmp_before.longest_ending_at(text, toks, t0) {
            // "no more than" must not be read as "more than"
            cmp = Some(c);
            cmp_start = Some(t0 - len);
        } else if let Some(at) = self.capped_at(t0) {
            cmp = Some(Comparator::Le);
            cmp_start = Some(at);
        } else if let Some((c, at)) = self.past_threshold(t0).or_else(|| self.past_mark(t0, j)) {
            cmp = Some(c);
            cmp_start = Some(at);
        }
        if plus.is_some() && cmp.is_none() {
            cmp = Some(Comparator::Gt);
        }
        let mut t1 = j;
        if let Some((len, c)) = lex.cmp_after.longest_at(text, toks, j) {
            if cmp.is_none() {
                cmp = Some(c);
            }
            t1 = j + len;
        }
        let plan_figure = toks
            .get(j)
            .is_some_and(|t| t.kind == Tk::Word && lex.plan_participle.has_word(t.text(text)));
        let capitalised = |k: Option<usize>| {
            k.and_then(|k| self.word(k))
                .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
        };
        let name_like = (t0 > 1 && capitalised(t0.checked_sub(1)) && capitalised(Some(t1)))
            || self.in_quotes(t.start);
        Some(Quantity {
            t0,
            t1,
            tn: i,
            value,
            unit,
            noun,
            noun_kind,
            bare,
            emit: true,
            cmp,
            cmp_start,
            baselines: Vec::new(),
            is_start: false,
            plan_figure,
            time: None,
            label: String::new(),
            conversion_of: None,
            unit_inferred: false,
            name_like,
            range_with: None,
            multiplied,
            integer,
        })
    }

    /// "-plus" or " plus" right after a number and before its unit ("6-plus percent",
    /// "six plus per cent"): the tokens it takes.
    fn plus_before_unit(&self, j: usize) -> Option<usize> {
        let (text, toks) = (self.text, self.toks);
        let len = if toks.get(j).is_some_and(|t| is_dash(t.text(text)))
            && j > 0
            && self.adjacent(j - 1, j)
            && self.adjacent(j, j + 1)
            && self.word_is(j + 1, "plus")
        {
            2
        } else if self.word_is(j, "plus") {
            1
        } else {
            return None;
        };
        let unit = toks
            .get(j + len)
            .is_some_and(|t| matches!(t.text(text), "%" | "％"))
            || self
                .lex
                .units_after
                .longest_at(text, toks, j + len)
                .is_some();
        unit.then_some(len)
    }

    fn per_in_clause_before(&self, t0: usize) -> Option<String> {
        let lo = t0.saturating_sub(16);
        for k in (lo..t0).rev() {
            let t = &self.toks[k];
            if t.kind == Tk::Punct && matches!(t.text(self.text), "," | ";" | ":" | "；" | "，") {
                return None;
            }
            if let Some((_, u)) = self.lex.per.longest_at(self.text, self.toks, k) {
                return Some(u);
            }
        }
        None
    }

    fn sentence_has_per_10k_yuan(&self) -> bool {
        (0..self.toks.len()).any(|k| {
            self.lex
                .per
                .longest_at(self.text, self.toks, k)
                .is_some_and(|(len, u)| u == "per_10k" && self.word_is(k + len, "yuan"))
        })
    }

    /// Words after a number that name what is counted: "major scientific research projects".
    fn noun_phrase(&self, start: usize) -> (usize, usize) {
        let toks = self.toks;
        let text = self.text;
        let lex = self.lex;
        // "62,600 5G base stations": a code glued to its letters starts the phrase
        let code_start = toks.get(start).is_some_and(|t| t.kind == Tk::Num)
            && toks.get(start + 1).is_some_and(|w| w.kind == Tk::Word)
            && self.adjacent(start, start + 1);
        if !code_start {
            let Some(first) = self.word(start) else {
                return (start, start);
            };
            if lex.not_a_noun.has_word(first)
                || lex.months.has_word(first)
                || lex.ordinal_suffix.has_word(first)
                || (first.chars().all(|c| c.is_uppercase()) && first.len() == 1)
            {
                return (start, start);
            }
        }
        let mut k = if code_start { start + 2 } else { start };
        let mut words = usize::from(code_start);
        while k < toks.len() && words < 8 {
            let t = toks[k];
            match t.kind {
                Tk::Word => {
                    let w = t.text(text);
                    if k > start {
                        if (eq_word(w, "and") || eq_word(w, "or"))
                            && self.word(k - 1).is_some_and(adjective_like)
                            && self
                                .word(k + 1)
                                .is_some_and(|n| !lex.not_a_noun.has_word(n))
                        {
                            // "small and medium-sized enterprises"
                            k += 1;
                            continue;
                        }
                        if lex.not_a_noun.has_word(w)
                            || lex.past.has_word(w)
                            || (w.len() > 4 && w.ends_with("ly"))
                        {
                            break;
                        }
                    }
                    words += 1;
                    k += 1;
                    // "world's top 500 companies"
                    if eq_word(w, "top")
                        && toks.get(k).is_some_and(|n| n.kind == Tk::Num)
                        && self.word(k + 1).is_some()
                    {
                        // the number itself is never a figure: `label_before` has "top"
                        k += 1;
                    }
                }
                Tk::Punct if is_dash(t.text(text)) && k > start && self.adjacent(k - 1, k) => {
                    k += 1;
                }
                _ => break,
            }
        }
        // do not end on a hyphen
        while k > start && toks[k - 1].kind == Tk::Punct {
            k -= 1;
        }
        (start, k)
    }

    /// Word numbers are figures only with a measure ("one working day", "about one third of").
    fn word_number_at(&mut self, i: usize) -> Option<Quantity> {
        let text = self.text;
        let toks = self.toks;
        let lex = self.lex;
        let w = self.tok_text(i);
        let mut value = lex.number_word(w)?;
        // hyphenated names and compounds: "Five-Year", "three-year", "Five-five"
        let glued = |a: usize, b: usize| b < toks.len() && self.adjacent(a, b);
        let lw = w.to_ascii_lowercase();
        let fraction = super::lexicon::is_fraction_word(&lw);
        // "the first half of 2023", "the third quarter", "within half an hour": periods
        // and durations, not shares
        if fraction {
            let prev = i.checked_sub(1).and_then(|p| self.word(p)).unwrap_or("");
            let next = self.word(i + 1).unwrap_or("");
            if ["first", "second", "latter", "former", "last", "fourth"]
                .iter()
                .any(|w| eq_word(prev, w))
                || ((eq_word(next, "an") || eq_word(next, "a"))
                    && self.word(i + 2).is_some_and(|u| {
                        lex.units_after
                            .longest_at(text, toks, i + 2)
                            .is_some_and(|(_, u)| {
                                matches!(
                                    u.as_str(),
                                    "hours" | "days" | "years" | "months" | "minutes"
                                )
                            })
                            || eq_word(u, "hour")
                    }))
            {
                return None;
            }
        }
        // "one-third", "two-thirds": a fraction written with a hyphen
        let hyphen_before =
            i > 1 && glued(i - 1, i) && is_dash(self.tok_text(i - 1)) && glued(i - 2, i - 1);
        let hyphen_fraction =
            fraction && hyphen_before && lex.number_word(self.tok_text(i - 2)).is_some();
        let before_fraction = i + 2 < toks.len()
            && glued(i, i + 1)
            && is_dash(self.tok_text(i + 1))
            && self
                .word(i + 2)
                .is_some_and(super::lexicon::is_fraction_word);
        if before_fraction {
            return None; // read at the fraction word
        }
        if !hyphen_fraction
            && ((i + 1 < toks.len() && glued(i, i + 1) && is_dash(self.tok_text(i + 1)))
                || (i > 0 && glued(i - 1, i) && is_dash(self.tok_text(i - 1))))
        {
            return None;
        }
        if self.in_quotes(toks[i].start) {
            return None;
        }
        let mut j = i + 1;
        let mut t0 = i;
        if fraction {
            // "one third", "a third", "two thirds", "one-third", "more than half"
            if hyphen_fraction {
                let n = lex.number_word(self.tok_text(i - 2)).unwrap_or(1.0);
                value *= n;
                t0 = i - 2;
            } else if let Some(p) = i.checked_sub(1) {
                let pw = self.word(p).unwrap_or("");
                if let Some(n) = lex.number_word(pw).filter(|n| *n >= 1.0 && *n < 10.0) {
                    value *= n;
                    t0 = p;
                } else if !(eq_word(pw, "a") || eq_word(pw, "one")) && lw != "half" {
                    return None;
                }
            }
            // "in the first three quarters of this year", "over the past two quarters":
            // a count of quarters after an ordinal is a period
            let lead = t0.checked_sub(1).and_then(|p| self.word(p)).unwrap_or("");
            if lw.starts_with("quarter")
                && t0 < i
                && [
                    "first", "last", "past", "previous", "next", "coming", "recent", "latest",
                ]
                .iter()
                .any(|w| eq_word(lead, w))
            {
                return None;
            }
            value = (value * 100.0).round() / 100.0;
            let before = lex.cmp_before.longest_ending_at(text, toks, t0);
            if !(self.word_is(j, "of") || before.is_some() && lw == "half") {
                return None;
            }
            let (cmp, cmp_start) = match before {
                Some((len, c)) => (Some(c), Some(t0 - len)),
                None => (None, None),
            };
            let noun = if self.word_is(j, "of") {
                let (a, b) = self.noun_phrase(j + 1 + usize::from(self.word_is(j + 1, "the")));
                (b > a).then_some((a, b))
            } else if ["are", "is", "were", "was"]
                .iter()
                .any(|v| self.word_is(j, v))
            {
                let (a, b) = self.noun_phrase(j + 1);
                (b > a).then_some((a, b))
            } else {
                None
            };
            return Some(Quantity {
                t0,
                t1: j,
                tn: i,
                value,
                unit: Some("%".into()),
                noun,
                noun_kind: NounKind::Of,
                bare: false,
                emit: true,
                cmp,
                cmp_start,
                baselines: Vec::new(),
                is_start: false,
                plan_figure: false,
                time: None,
                label: String::new(),
                conversion_of: None,
                unit_inferred: false,
                name_like: false,
                range_with: None,
                multiplied: false,
                integer: false,
            });
        }
        // "twenty five", "one hundred"
        while let Some(n) = self.word(j).and_then(|x| lex.number_word(x)) {
            if n == 100.0 {
                value *= 100.0;
            } else if value >= 20.0 && n < 10.0 {
                value += n;
            } else {
                break;
            }
            j += 1;
        }
        let prev = i.checked_sub(1).and_then(|p| self.word(p)).unwrap_or("");
        // "four trillion yuan", "five billion tonnes equivalent of coal"
        let mut multiplied = false;
        if let Some((len, m)) = lex.multipliers.longest_at(text, toks, j)
            && m >= 1e6
        {
            value *= m;
            j += len;
            multiplied = true;
        }
        let plus = self.plus_before_unit(j);
        if let Some(len) = plus {
            j += len;
        }
        let unit = lex.units_after.longest_at(text, toks, j);
        let measured = match &unit {
            Some((_, u)) => !matches!(u.as_str(), "times"),
            None => false,
        };
        // kept unemitted until "from X to Y" vouches for it: "from 20 working days to five"
        let from_start = eq_word(prev, "from") || eq_word(prev, "to");
        if !measured && !from_start {
            return None;
        }
        let mut emit = measured;
        let mut unit_s = None;
        if let Some((len, u)) = unit {
            // "within two weeks", "over the five years"
            if lex.duration_after.longest_at(text, toks, j + len).is_some()
                || self.after_duration_word(i)
            {
                return None;
            }
            // "the highest in five years", "ten-year ban" are not figures
            unit_s = Some(u);
            j += len;
        } else {
            emit = false;
        }
        if w.starts_with(|c: char| c.is_uppercase()) && i > 0 {
            emit = false; // "Five Persistence", a name
        }
        // "under five billion tonnes", "more than ten million"
        let (cmp, cmp_start) = match lex.cmp_before.longest_ending_at(text, toks, i) {
            Some((len, c)) => (Some(c), Some(i - len)),
            None => (plus.map(|_| Comparator::Gt), None),
        };
        Some(Quantity {
            t0: i,
            t1: j,
            tn: i,
            value,
            unit: unit_s,
            noun: None,
            noun_kind: NounKind::Counted,
            bare: !measured,
            emit,
            cmp,
            cmp_start,
            baselines: Vec::new(),
            is_start: false,
            plan_figure: false,
            time: None,
            label: String::new(),
            conversion_of: None,
            unit_inferred: false,
            name_like: false,
            range_with: None,
            multiplied,
            integer: true,
        })
    }

    /// Links between quantities: "from X to Y", ranges, coordinated lists, conversions.
    fn link(&self, qs: &mut [Quantity]) {
        let text = self.text;
        let toks = self.toks;
        let n = qs.len();
        // "216.5 billion yuan (US$32.2 billion)", "120,000 yuan (about USD 17,808)"
        for k in 1..n {
            let open = (qs[k - 1].t1..qs[k].t0).all(|g| {
                matches!(
                    toks[g].text(text),
                    "(" | "（" | "about" | "around" | "approx" | "roughly" | "some"
                )
            });
            let has_paren =
                (qs[k - 1].t1..qs[k].t0).any(|g| matches!(toks[g].text(text), "(" | "（"));
            if open && has_paren && qs[k - 1].unit != qs[k].unit {
                qs[k].conversion_of = Some(k - 1);
                // "over 2 trillion yuan ($219 billion)": the same amount, the same bound
                if qs[k].cmp.is_none() {
                    qs[k].cmp = qs[k - 1].cmp;
                }
            }
        }
        let between_only = |a: usize, b: usize, allowed: &[&str]| {
            (a..b).all(|k| {
                let s = toks[k].text(text);
                allowed.iter().any(|w| s.eq_ignore_ascii_case(w))
            })
        };
        let clause_break = |a: usize, b: usize| (a..b).any(|k| self.is_clause_punct(k));

        // from X [and X2] ... to Y [and Y2]
        let mut used = vec![false; n];
        for f in 0..toks.len() {
            if !self.word_is(f, "from") {
                continue;
            }
            // the first figure after "from", within a few words ("from an average of 570")
            let Some(first) = (0..n).find(|&k| qs[k].t0 > f) else {
                continue;
            };
            if qs[first].t0 > f + 4 || used[first] {
                continue;
            }
            // the "to" that introduces the end value
            let mut to = None;
            for k in qs[first].t1..toks.len().min(qs[first].t1 + 16) {
                if self.is_clause_punct(k) {
                    break;
                }
                if self.word_is(k, "to") {
                    if let Some(e) = (0..n).find(|&q| qs[q].t0 > k && qs[q].t0 <= k + 3) {
                        // comparator phrases of several words ("more than") are skipped whole
                        let mut g = k + 1;
                        while g < qs[e].t0 {
                            if let Some((len, _)) = self.lex.cmp_before.longest_at(text, toks, g) {
                                g += len.max(1);
                            } else if self.word(g).is_some_and(|w| {
                                ["about", "around", "approximately", "over", "above", "reach"]
                                    .iter()
                                    .any(|x| eq_word(w, x))
                            }) {
                                g += 1;
                            } else {
                                break;
                            }
                        }
                        let gap_ok = g >= qs[e].t0;
                        if gap_ok {
                            to = Some((k, e));
                        }
                    }
                    break;
                }
            }
            let Some((to_tok, first_end)) = to else {
                // "to 30,000 kilometres by 2020, from 19,000 kilometres last year", "56
                // percent by 2020, up from 50.5 percent": the start after the end
                let before_from = (0..n)
                    .rev()
                    .find(|&k| qs[k].t1 <= f && qs[k].conversion_of.is_none());
                if let Some(e) = before_from
                    && !used[e]
                    && !used[first]
                    && !clause_break_strict(self, qs[e].t1, f)
                    && ((qs[e].t1..f).all(|g| {
                        let w = toks[g].text(text);
                        matches!(w, "," | "，" | "(" | ")")
                            || ["up", "down", "rising", "falling", "compared", "by"]
                                .iter()
                                .any(|x| eq_word(w, x))
                            || toks[g].kind == Tk::Num
                            || self.lex.units_after.longest_at(text, toks, g).is_some()
                            || self.lex.units_prefix.longest_at(text, toks, g).is_some()
                            || self.lex.multipliers.longest_at(text, toks, g).is_some()
                            || self.lex.year_before.has_word(w)
                            || self.lex.cmp_before.longest_at(text, toks, g).is_some()
                    }) || self.change_from(qs[e].t1, f))
                    && (qs[first].unit == qs[e].unit || qs[first].bare)
                {
                    qs[first].is_start = true;
                    used[first] = true;
                    used[e] = true;
                    qs[e].baselines.push(first);
                    if qs[first].bare {
                        qs[first].unit = qs[e].unit.clone();
                        qs[first].bare = false;
                    }
                }
                continue;
            };
            let starts: Vec<usize> = (0..n)
                .filter(|&k| qs[k].t0 > f && qs[k].t1 <= to_tok && qs[k].conversion_of.is_none())
                .collect();
            if starts.is_empty() {
                continue;
            }
            let mut ends = vec![first_end];
            let mut last = first_end;
            while last + 1 < n
                && between_only(qs[last].t1, qs[last + 1].t0, &[",", "and", "or", "，"])
            {
                last += 1;
                ends.push(last);
            }
            for &s in &starts {
                qs[s].is_start = true;
                used[s] = true;
            }
            let pairs: Vec<(usize, usize)> = if starts.len() == ends.len() {
                starts.iter().copied().zip(ends.iter().copied()).collect()
            } else if ends.len() == 1 {
                starts.iter().map(|&s| (s, ends[0])).collect()
            } else {
                starts.iter().copied().zip(ends.iter().copied()).collect()
            };
            for (s, e) in pairs {
                used[e] = true;
                qs[e].baselines.push(s);
                // "shortened from 20 working days to five on average"
                if !qs[e].emit && qs[e].bare && !qs[s].bare {
                    qs[e].emit = true;
                }
                // one side names the unit for both: "from 16 per 10,000 elderly people to 25"
                if qs[e].bare || qs[e].unit.is_none() {
                    qs[e].unit = qs[s].unit.clone();
                    qs[e].bare = qs[s].bare;
                } else if qs[s].bare || qs[s].unit.is_none() {
                    qs[s].unit = qs[e].unit.clone();
                }
                if qs[e].noun.is_none() {
                    qs[e].noun = qs[s].noun;
                    qs[e].noun_kind = qs[s].noun_kind;
                }
            }
        }

        // "33 industrial parks have been integrated and optimized into 22"
        for b in 1..n {
            let into = qs[b].t0.checked_sub(1).filter(|&k| self.word_is(k, "into"));
            let Some(into) = into else { continue };
            let Some(a) = (0..b).rev().find(|&k| qs[k].conversion_of.is_none()) else {
                continue;
            };
            if used[a] || used[b] || clause_break_strict(self, qs[a].t1, into) {
                continue;
            }
            qs[a].is_start = true;
            used[a] = true;
            used[b] = true;
            qs[b].baselines.push(a);
            if qs[b].bare {
                qs[b].unit = qs[a].unit.clone();
                qs[b].bare = false;
                qs[b].emit = true;
            }
            if qs[b].noun.is_none() {
                qs[b].noun = qs[a].noun;
                qs[b].noun_kind = qs[a].noun_kind;
            }
        }

        // ranges: "6% to 7%", "6-7%", "between 6 and 7 percent"
        for k in 0..n.saturating_sub(1) {
            if used[k] || used[k + 1] || clause_break(qs[k].t1, qs[k + 1].t0) {
                continue;
            }
            let gap = qs[k + 1].t0.saturating_sub(qs[k].t1);
            let sep = toks.get(qs[k].t1).map(|t| t.text(text)).unwrap_or("");
            let is_range_sep = gap == 1 && (is_dash(sep) || eq_word(sep, "to"));
            let between = gap == 1
                && eq_word(sep, "and")
                && qs[k].t0 > 0
                && self.word_is(qs[k].t0 - 1, "between");
            if !(is_range_sep || between) {
                continue;
            }
            // "has increased 2.6 times to 11,400": a change, then the level it led to
            let before = qs[k].cmp_start.unwrap_or(qs[k].t0);
            let change = eq_word(sep, "to")
                && before > 0
                && self
                    .word(before - 1)
                    .is_some_and(|w| eq_word(w, "by") || self.lex.change_verbs.has_word(w))
                && (qs[k + 1].bare || qs[k].unit != qs[k + 1].unit);
            if change {
                continue;
            }
            let (ua, ub) = (qs[k].unit.clone(), qs[k + 1].unit.clone());
            if qs[k].bare || ua.is_none() {
                qs[k].unit = ub.clone();
                qs[k].bare = qs[k + 1].bare;
            } else if ua != ub && !qs[k + 1].bare {
                continue;
            }
            if qs[k + 1].bare {
                qs[k + 1].unit = qs[k].unit.clone();
            }
            if qs[k].value > qs[k + 1].value {
                continue;
            }
            // "around 6.5-7 percent": the cue is of the range as a whole, whose ends
            // still bound it
            if qs[k].cmp == Some(Comparator::Approx) && qs[k + 1].cmp.is_none() {
                qs[k].cmp = None;
            }
            qs[k].cmp.get_or_insert(Comparator::Ge);
            qs[k + 1].cmp.get_or_insert(Comparator::Le);
            qs[k].range_with = Some(k + 1);
            qs[k + 1].range_with = Some(k);
            if qs[k + 1].cmp_start.is_none() {
                qs[k + 1].cmp_start = Some(qs[k].cmp_start.unwrap_or(qs[k].t0));
            }
            used[k] = true;
            used[k + 1] = true;
        }

        // a unit written once after a list: "up 0.36 and 0.67 percentage points"
        for k in (0..n.saturating_sub(1)).rev() {
            if qs[k].bare
                && !qs[k + 1].bare
                && qs[k].t1 < qs[k + 1].t0
                && between_only(qs[k].t1, qs[k + 1].t0, &[",", "and", "or", "，", "、"])
            {
                qs[k].unit = qs[k + 1].unit.clone();
                qs[k].bare = false;
                // and so is its multiplier: "reached 3.9 and 2.6 trillion yuan"
                if qs[k + 1].multiplied
                    && !qs[k].multiplied
                    && let Some((_, m)) =
                        self.lex
                            .multipliers
                            .longest_at(text, toks, qs[k + 1].tn + 1)
                {
                    qs[k].value *= m;
                    qs[k].multiplied = true;
                }
            }
        }
        // coordinated lists share a comparator: "exceed 8.5 trillion yuan and 130,000 yuan"
        for k in 1..n {
            if qs[k].cmp.is_some() || qs[k].is_start {
                continue;
            }
            if between_only(qs[k - 1].t1, qs[k].t0, &[",", "and", "or", "，"])
                && qs[k - 1].t1 < qs[k].t0
            {
                qs[k].cmp = qs[k - 1].cmp;
                if qs[k].bare && !qs[k - 1].bare {
                    qs[k].unit = qs[k - 1].unit.clone();
                }
            }
        }
    }

    /// "12 trillion RMB and 13 trillion RMB in 2021 and 2022 respectively", "grew 6.1
    /// percent and 5.2 percent in 2019 and 2020, respectively": a list of figures and a
    /// list of as many years after it pair up in order.
    fn pair_respectively(&self, qs: &mut [Quantity], refs: &[TimeRef], attached: &mut [bool]) {
        let toks = self.toks;
        let text = self.text;
        let joins = |a: usize, b: usize| {
            a <= b
                && (a..b).all(|k| {
                    let w = toks[k].text(text);
                    matches!(w, "," | "，" | "、") || eq_word(w, "and")
                })
        };
        if !(0..toks.len()).any(|k| eq_word(toks[k].text(text), "respectively")) {
            return;
        }
        let years: Vec<usize> = (0..refs.len())
            .filter(|&r| matches!(refs[r].when, When::Year(_, None)))
            .collect();
        for start in 0..qs.len() {
            // the longest list of figures from `start`
            let mut end = start;
            while end + 1 < qs.len() && joins(qs[end].t1, qs[end + 1].t0) {
                end += 1;
            }
            let n = end - start + 1;
            if n < 2 {
                continue;
            }
            // the years right after it: "in 2021 and 2022"
            let Some(first) = years.iter().position(|&r| refs[r].tok >= qs[end].t1) else {
                continue;
            };
            let run: Vec<usize> = years[first..].iter().copied().take(n).collect();
            let after_list = refs[run[0]].tok >= qs[end].t1
                && refs[run[0]].tok <= qs[end].t1 + 2
                && run.len() == n
                && run
                    .windows(2)
                    .all(|w| joins(refs[w[0]].tok + 1, refs[w[1]].tok));
            if !after_list {
                continue;
            }
            for (i, &r) in run.iter().enumerate() {
                if qs[start + i].time.is_none() {
                    qs[start + i].time = Some(refs[r]);
                }
                attached[r] = true;
            }
            return;
        }
    }

    /// Attach time phrases that directly follow a quantity ("481 billion yuan in 2015").
    /// Returns the indexes of the time refs that were attached.
    pub fn attach_times(&self, qs: &mut [Quantity], refs: &[TimeRef]) -> Vec<bool> {
        let mut attached = vec![false; refs.len()];
        self.pair_respectively(qs, refs, &mut attached);
        for (r, tr) in refs.iter().enumerate() {
            // "to 10 percent from the previous year's 11 percent": a possessive dates what
            // follows it
            if tr.possessive {
                continue;
            }
            let Some(k) = qs.iter().rposition(|q| q.t1 <= tr.tok) else {
                continue;
            };
            let q_end = match qs[k].noun {
                Some((_, b)) => b.max(qs[k].t1),
                None => qs[k].t1,
            };
            if tr.tok < q_end || tr.tok - q_end > 4 {
                continue;
            }
            if (q_end..tr.tok)
                .any(|g| self.is_clause_punct(g) || self.toks[g].text(self.text) == ",")
            {
                continue;
            }
            if qs.get(k + 1).is_some_and(|n| n.t0 < tr.tok) {
                continue;
            }
            if qs[k].time.is_none() {
                qs[k].time = Some(*tr);
                // "481 billion yuan in 2015 to 724.8 billion": the phrase dates the start
                // only; otherwise ("reached 11.08 trillion yuan last year, up 2.3
                // percent") it dates the rest of the clause as well
                attached[r] = qs[k].is_start;
                // "exceeded 10 trillion yuan ($1.4 trillion) last year": the figure and
                // its conversion; "a target range of 6.5-6.7 percent for 2016": both ends
                for other in [qs[k].conversion_of, qs[k].range_with]
                    .into_iter()
                    .flatten()
                {
                    if qs[other].time.is_none() {
                        qs[other].time = Some(*tr);
                    }
                }
            }
        }
        attached
    }
}

/// A clause boundary other than a comma between tokens `a` and `b`.
fn clause_break_strict(r: &SentenceReader, a: usize, b: usize) -> bool {
    (a..b).any(|k| r.is_clause_punct(k))
}

/// Words that can precede "and" inside one noun phrase ("small and medium-sized").
fn adjective_like(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    const SUFFIXES: &[&str] = &[
        "al", "ive", "ent", "ant", "able", "ible", "ic", "ful", "ous", "ary", "ing",
    ];
    const WORDS: &[&str] = &[
        "small", "large", "medium", "rural", "urban", "domestic", "foreign", "public", "private",
        "key", "new", "major", "old", "high", "low", "green", "smart",
    ];
    WORDS.contains(&l.as_str())
        || SUFFIXES
            .iter()
            .any(|s| l.len() > s.len() + 2 && l.ends_with(s))
}

fn preceding_word(text: &str, pos: usize) -> &str {
    preceding_word_at(text, pos).0
}

/// Where "the end of", "the same period of" (any point of a year named after it) starts,
/// when the words before a time phrase are one: `prev` is the word right before it.
fn point_of_year_before(text: &str, prev: &str, prev_at: usize) -> Option<usize> {
    // "the same period last year" says it without "of"
    let (point, mut at) = if prev.eq_ignore_ascii_case("of") {
        preceding_word_at(text, prev_at)
    } else if prev.eq_ignore_ascii_case("period") {
        (prev, prev_at)
    } else {
        return None;
    };
    if !["end", "beginning", "start", "close", "period", "middle"]
        .iter()
        .any(|w| point.eq_ignore_ascii_case(w))
    {
        return None;
    }
    let (w, w_at) = preceding_word_at(text, at);
    if ["same", "corresponding"]
        .iter()
        .any(|x| w.eq_ignore_ascii_case(x))
    {
        at = w_at;
    }
    let (the, the_at) = preceding_word_at(text, at);
    the.eq_ignore_ascii_case("the").then_some(the_at)
}

/// The word before `pos` and where it starts (so that the one before it can be asked).
pub(crate) fn preceding_word_at(text: &str, pos: usize) -> (&str, usize) {
    let before =
        text[..text.floor_char_boundary(pos)].trim_end_matches(|c: char| !c.is_alphanumeric());
    let start = before
        .rfind(|c: char| !c.is_alphanumeric())
        .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    (&before[start..], start)
}

/// Does a word of comparing ("over", "than", "compared to") end right before `at`?
fn comparing_word_before(text: &str, at: usize) -> bool {
    let (w, w_at) = preceding_word_at(text, at);
    [
        "over", "than", "with", "from", "on", "compared", "versus", "as",
    ]
    .iter()
    .any(|c| w.eq_ignore_ascii_case(c))
        || (w.eq_ignore_ascii_case("to")
            && preceding_word(text, w_at).eq_ignore_ascii_case("compared"))
}

/// "regained to above 95 percent of the previous year", "recovered to 80% of last year":
/// a share of that year's level, which does not date the figure. But the start of a change
/// ("increased from 13.4% of the previous year to 14%") is the level of that year. `of_at`
/// is where the "of" before the time phrase starts.
fn share_of_a_year(text: &str, of_at: usize) -> bool {
    let (mut w, mut at) = preceding_word_at(text, of_at);
    let mut figure = false;
    for _ in 0..4 {
        let unit = ["percent", "cent", "per"]
            .iter()
            .any(|u| w.eq_ignore_ascii_case(u));
        let digits = !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
        if !unit && !digits {
            break;
        }
        figure |= digits;
        (w, at) = preceding_word_at(text, at);
    }
    figure && !w.eq_ignore_ascii_case("from")
}

/// Ordinals of five-year plans as words.
const ORDINAL_WORDS: &[(&str, i32)] = &[
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
];

/// "the 14th Five-Year Plan (period)" -> 2025 with period 2021-2025; "first year of" /
/// "start of" it -> 2021; "conclusion of the 13th" -> 2020.
fn five_year_plan(text: &str, s: usize, _e: usize) -> Option<When> {
    let ord = preceding_word(text, s);
    let n: i32 = {
        let digits: String = ord.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            digits.parse().ok()?
        } else {
            ORDINAL_WORDS
                .iter()
                .find(|(w, _)| ord.eq_ignore_ascii_case(w))
                .map(|(_, n)| *n)?
        }
    };
    if !(3..=20).contains(&n) {
        return None;
    }
    // The 3rd plan started in 1966 after the 1963-65 adjustment; five years each since.
    let start = 1966 + 5 * (n - 3);
    let end = start + 4;
    let ord_pos = text[..s].rfind(ord).unwrap_or(s);
    let window_start = ord_pos.saturating_sub(40);
    let mut ws = window_start;
    while !text.is_char_boundary(ws) {
        ws += 1;
    }
    let before = text[ws..ord_pos].to_ascii_lowercase();
    let period = Some(Period { start, end });
    if [
        "first year of",
        "start of",
        "beginning of",
        "opening year of",
        "launch of",
    ]
    .iter()
    .any(|p| before.contains(p))
    {
        return Some(When::Year(start, None));
    }
    if [
        "conclusion of",
        "end of",
        "last year of",
        "final year of",
        "completion of",
    ]
    .iter()
    .any(|p| before.contains(p))
    {
        return Some(When::Year(end, period));
    }
    Some(When::Year(end, period))
}

/// Short spans between matching quotes: names such as "13 strategies", never a figure.
fn quoted_spans(text: &str, toks: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut straight: Option<usize> = None;
    let mut curly: Option<usize> = None;
    for t in toks.iter().filter(|t| t.kind == Tk::Punct) {
        match t.text(text) {
            "\"" => match straight.take() {
                Some(a) => {
                    if t.start - a <= 80 {
                        out.push((a, t.start));
                    }
                }
                None => straight = Some(t.start),
            },
            "“" => curly = Some(t.start),
            "”" => {
                if let Some(a) = curly.take()
                    && t.start - a <= 80
                {
                    out.push((a, t.start));
                }
            }
            _ => {}
        }
    }
    out
}
