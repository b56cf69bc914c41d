//! Tokens, lines and sentences, all as byte offsets into the original text.
//!
//! Nothing here copies or normalises the text: quotes and spans must point into the
//! document exactly as the user imported it (curly quotes, non-breaking spaces and all).

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tk {
    Word,
    Num,
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Tk,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'
}

/// Tokenize `text[start..end]` into `out` (cleared first).
///
/// Numbers keep their thousands separators ("6,461.3", "16,032") only where the
/// grouping is regular; words may contain digits after a letter ("G20", "COVID")
/// and apostrophes between letters ("province's"). Every other character is its
/// own punctuation token.
/// A Chinese character: each is a token of its own, since Chinese is written without
/// spaces and lexicon phrases are matched character by character.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2EBEF | 0x30000..=0x3134F)
}

/// A full-width digit ("２０２５"): read as its ASCII twin.
fn full_width_digit_at(bytes: &[u8], i: usize) -> bool {
    // U+FF10..U+FF19 is EF BC 90..99 in UTF-8
    i + 2 < bytes.len()
        && bytes[i] == 0xEF
        && bytes[i + 1] == 0xBC
        && (0x90..=0x99).contains(&bytes[i + 2])
}

/// A number token's text with full-width digits and separators as ASCII.
pub fn ascii_number(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\n', '\r']) {
        return std::borrow::Cow::Owned(ascii_number(&s.replace(['\n', '\r'], "")).into_owned());
    }
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                '．' => '.',
                '，' => ',',
                c => c,
            })
            .collect(),
    )
}

pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        let b = bytes[i];
        if full_width_digit_at(bytes, i) {
            let s = i;
            while i < end && full_width_digit_at(bytes, i) {
                i += 3;
            }
            // "６．５"
            if i + 3 < end && text[i..].starts_with('．') && full_width_digit_at(bytes, i + 3) {
                i += 3;
                while i < end && full_width_digit_at(bytes, i) {
                    i += 3;
                }
            }
            out.push(Token {
                start: s,
                end: i,
                kind: Tk::Num,
            });
            continue;
        }
        if b.is_ascii_digit() {
            let s = i;
            while i < end && bytes[i].is_ascii_digit() {
                i += 1;
            }
            // thousands groups: ",ddd" not followed by another digit
            while i + 4 <= end
                && bytes[i] == b','
                && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
                && (i + 4 == end || !bytes[i + 4].is_ascii_digit())
            {
                i += 4;
            }
            if i + 1 < end && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
                i += 1;
                while i < end && bytes[i].is_ascii_digit() {
                    i += 1;
                }
            } else if let Some(skip) = line_break_in_decimal(bytes, i, end) {
                // "4.\n8 percent", a line the caller joined (`broken_decimal`)
                i += skip;
                while i < end && bytes[i].is_ascii_digit() {
                    i += 1;
                }
            }
            out.push(Token {
                start: s,
                end: i,
                kind: Tk::Num,
            });
            continue;
        }
        if b < 0x80 {
            if b.is_ascii_alphabetic() {
                let s = i;
                i = scan_word(text, i, end);
                out.push(Token {
                    start: s,
                    end: i,
                    kind: Tk::Word,
                });
            } else if b.is_ascii_whitespace() {
                i += 1;
            } else {
                out.push(Token {
                    start: i,
                    end: i + 1,
                    kind: Tk::Punct,
                });
                i += 1;
            }
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        let l = c.len_utf8();
        if is_space(c) {
            i += l;
        } else if is_han(c) {
            out.push(Token {
                start: i,
                end: i + l,
                kind: Tk::Word,
            });
            i += l;
        } else if c.is_alphabetic() {
            let s = i;
            i = scan_word(text, i, end);
            out.push(Token {
                start: s,
                end: i,
                kind: Tk::Word,
            });
        } else {
            out.push(Token {
                start: i,
                end: i + l,
                kind: Tk::Punct,
            });
            i += l;
        }
    }
}

/// ISO currency codes written straight before a figure ("CNY21.15 trillion", "RMB10
/// billion", "USD3.01 trillion"): the code is a word of its own, the figure a number.
const CURRENCY_CODES: &[&[u8]] = &[b"CNY", b"RMB", b"USD", b"HKD", b"EUR", b"JPY", b"GBP"];

fn scan_word(text: &str, mut i: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let s = i;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_digit() && i - s == 3 && CURRENCY_CODES.contains(&&bytes[s..i]) {
            break;
        }
        if b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        if b == b'\'' {
            if i + 1 < end && bytes[i + 1].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            break;
        }
        if b < 0x80 {
            break;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if c == '’' {
            if i + 3 < end && bytes[i + 3].is_ascii_alphabetic() {
                i += 3;
                continue;
            }
            break;
        }
        if c.is_alphanumeric() && !is_han(c) {
            i += c.len_utf8();
            continue;
        }
        break;
    }
    i
}

pub fn tokenize_str(s: &str) -> Vec<Token> {
    let mut v = Vec::new();
    tokenize(s, 0, s.len(), &mut v);
    v
}

/// At `bytes[i]`, a "." then a line break then a digit: the length of ".\n" (or ".\r\n").
fn line_break_in_decimal(bytes: &[u8], i: usize, end: usize) -> Option<usize> {
    if bytes.get(i) != Some(&b'.') {
        return None;
    }
    let skip = match bytes.get(i + 1..) {
        Some([b'\n', d, ..]) if d.is_ascii_digit() => 2,
        Some([b'\r', b'\n', d, ..]) if d.is_ascii_digit() => 3,
        _ => return None,
    };
    (i + skip < end).then_some(skip)
}

/// Does line `a` end inside a decimal that line `b` goes on with? "grew by 5." then
/// "5 percent, continuing ...": `a` ends in a short number and a full stop, and `b` starts
/// with digits and a unit ("%", or a lower-case word) directly: no list marker ("2."), no
/// new sentence, no year ("in 2023." is not cut).
pub fn broken_decimal(a: &str, b: &str) -> bool {
    let Some(head) = a.strip_suffix('.') else {
        return false;
    };
    let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let before = head[..head.len() - digits].chars().next_back();
    if !(1..=3).contains(&digits) || before.is_some_and(|c| !c.is_whitespace() && c != '(') {
        return false;
    }
    let lead = b.len() - b.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &b[lead..];
    lead > 0
        && (rest.starts_with('%')
            || rest
                .strip_prefix(' ')
                .and_then(|r| r.chars().next())
                .is_some_and(|c| c.is_ascii_lowercase()))
}

/// Lines as (start, end) byte offsets, without the line break.
pub fn lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let nl = memchr::memchr(b'\n', &bytes[pos..]).map(|p| pos + p);
        let (end, next) = match nl {
            Some(n) => (n, n + 1),
            None => (bytes.len(), bytes.len()),
        };
        pos = next;
        let end = if end > start && bytes[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        Some((start, end))
    })
}

const ABBREVIATIONS: &[&str] = &[
    "no", "mr", "mrs", "ms", "dr", "st", "co", "ltd", "inc", "vs", "approx", "e.g", "i.e", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k",
    "p.r", "gov", "prof", "dept", "fig", "art", "vol",
];

/// Sentence spans within `text[start..end]` (one line or paragraph), trimmed of
/// surrounding white space. A sentence ends at `.`, `!` or `?` (or their full-width
/// forms) followed by white space and a capital, digit, quote or bracket, or at the
/// end of the range.
pub fn sentences(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut s = start;
    let mut i = start;
    // lines without full-width stops (most of them) jump from candidate to candidate
    let ascii = memchr::memchr2(0xE3, 0xEF, &bytes[start..end]).is_none();
    while i < end {
        if ascii {
            match memchr::memchr3(b'.', b'!', b'?', &bytes[i..end]) {
                Some(p) => i += p,
                None => break,
            }
        }
        let b = bytes[i];
        let (is_end, len) = match b {
            // a decimal across a joined line break ("4.\n8 percent")
            b'.' if i > start
                && bytes[i - 1].is_ascii_digit()
                && line_break_in_decimal(bytes, i, end).is_some() =>
            {
                (false, 1)
            }
            b'.' | b'!' | b'?' => (true, 1),
            0xE3 if text[i..].starts_with('。') => (true, 3),
            0xEF if text[i..].starts_with('！') || text[i..].starts_with('？') => (true, 3),
            _ => (false, 1),
        };
        if !is_end {
            i += 1;
            continue;
        }
        let mut j = i + len;
        // closing quotes and brackets belong to the sentence they close
        while j < end {
            let c = text[j..].chars().next().unwrap_or(' ');
            if matches!(c, '"' | '”' | '’' | '\'' | ')' | '）' | ']') {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        let boundary = if j >= end {
            true
        } else {
            let rest = &text[j..end];
            let trimmed = rest.trim_start_matches(is_space);
            if trimmed.len() == rest.len() && len == 1 {
                false // "3.6", "U.S.A", "3.Important" (a list marker, handled by the caller)
            } else {
                trimmed.chars().next().is_none_or(|c| {
                    c.is_uppercase()
                        || c.is_ascii_digit()
                        || matches!(c, '"' | '“' | '‘' | '(' | '（' | '[' | '【' | '*' | '-')
                        || !c.is_ascii()
                })
            }
        };
        if boundary && b == b'.' && is_abbreviation(text, s, i) {
            i += 1;
            continue;
        }
        if boundary {
            push_trimmed(text, s, j, out);
            s = j;
        }
        i = j.max(i + 1);
    }
    push_trimmed(text, s, end, out);
}

fn is_abbreviation(text: &str, sentence_start: usize, dot: usize) -> bool {
    let before = &text[sentence_start..dot];
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // single capital letters: "U.S.", "Xi J. Ping"
    if word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()) {
        return true;
    }
    let lw = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lw.as_str())
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let seg = &text[s..e];
    let lead = seg.len() - seg.trim_start_matches(is_space).len();
    let trail = seg.len() - seg.trim_end_matches(is_space).len();
    let (a, b) = (s + lead, e - trail);
    if a < b {
        out.push((a, b));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(Tk, &str)> {
        tokenize_str(s)
            .into_iter()
            .map(|t| (t.kind, t.text(s)))
            .collect()
    }

    #[test]
    fn numbers_keep_grouping_and_decimals() {
        assert_eq!(
            toks("6,461.3 billion, 16,032 and 3,4"),
            vec![
                (Tk::Num, "6,461.3"),
                (Tk::Word, "billion"),
                (Tk::Punct, ","),
                (Tk::Num, "16,032"),
                (Tk::Word, "and"),
                (Tk::Num, "3"),
                (Tk::Punct, ","),
                (Tk::Num, "4"),
            ]
        );
    }

    #[test]
    fn a_decimal_broken_by_a_line_break_is_one_number() {
        assert!(broken_decimal("Its GDP grew by 4.", "8 percent in 2023."));
        assert!(broken_decimal("income grew by 5.", "5 percent, continuing"));
        assert!(broken_decimal("a rate of (6.", "5%) for the year"));
        // a year or a code ends a sentence; a list marker or a capital starts one
        assert!(!broken_decimal("the plan runs to 2025.", "5 percent more"));
        assert!(!broken_decimal("see COVID-19.", "5 percent"));
        assert!(!broken_decimal("GDP grew by 4.", "2. Targets for 2024"));
        assert!(!broken_decimal("GDP grew by 4.", "8 Provinces reported"));
        assert_eq!(
            toks("by 4.\n8 percent, 5.\r\n5%"),
            vec![
                (Tk::Word, "by"),
                (Tk::Num, "4.\n8"),
                (Tk::Word, "percent"),
                (Tk::Punct, ","),
                (Tk::Num, "5.\r\n5"),
                (Tk::Punct, "%"),
            ]
        );
        assert_eq!(ascii_number("4.\n8"), "4.8");
        let t = "It grew by 4.\n8 percent. Exports rose.";
        let mut v = Vec::new();
        sentences(t, 0, t.len(), &mut v);
        assert_eq!(v.len(), 2, "{v:?}");
    }

    #[test]
    fn words_keep_apostrophes_and_trailing_digits() {
        assert_eq!(
            toks("the province’s G20 5G"),
            vec![
                (Tk::Word, "the"),
                (Tk::Word, "province’s"),
                (Tk::Word, "G20"),
                (Tk::Num, "5"),
                (Tk::Word, "G"),
            ]
        );
    }

    #[test]
    fn chinese_characters_are_tokens_of_their_own() {
        assert_eq!(
            toks("增长6.5%以上，２０２５年GDP"),
            vec![
                (Tk::Word, "增"),
                (Tk::Word, "长"),
                (Tk::Num, "6.5"),
                (Tk::Punct, "%"),
                (Tk::Word, "以"),
                (Tk::Word, "上"),
                (Tk::Punct, "，"),
                (Tk::Num, "２０２５"),
                (Tk::Word, "年"),
                (Tk::Word, "GDP"),
            ]
        );
        assert_eq!(ascii_number("６．５"), "6.5");
    }

    #[test]
    fn odd_whitespace_is_skipped() {
        assert_eq!(
            toks("78\u{a0}% 1/3"),
            vec![
                (Tk::Num, "78"),
                (Tk::Punct, "%"),
                (Tk::Num, "1"),
                (Tk::Punct, "/"),
                (Tk::Num, "3")
            ]
        );
    }

    fn sents(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        sentences(s, 0, s.len(), &mut v);
        v.iter().map(|&(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn sentences_split_on_terminal_punctuation_only() {
        assert_eq!(
            sents("GDP reached 6461.3 billion yuan. It grew 3.6%! U.S. dollars rose."),
            vec![
                "GDP reached 6461.3 billion yuan.",
                "It grew 3.6%!",
                "U.S. dollars rose."
            ]
        );
        assert_eq!(
            sents("  3.Important progress. Next"),
            vec!["3.Important progress.", "Next"]
        );
        assert_eq!(
            sents("He said \"we will.\" Then left"),
            vec!["He said \"we will.\"", "Then left"]
        );
    }

    #[test]
    fn lines_strip_crlf() {
        let t = "a\r\nb\n\nc";
        let v: Vec<&str> = lines(t).map(|(a, b)| &t[a..b]).collect();
        assert_eq!(v, vec!["a", "b", "", "c"]);
    }
}
