//! Plan-implementation tables: the planners' own review of a year, one row per indicator
//! with its type, unit, projected figure, actual figure and performance (the NDRC's
//! "Targets | Type | Unit | Projected Figure | Actual Figure | Performance", the Chinese
//! 指标 | 属性 | 单位 | 预期目标 | 执行情况). Flattened to text, a row reads
//! "1 GDP Anticipatory % Up 6.5 approx. Up 6.6 As projected": the projected figure is a
//! target and the actual figure an outcome, both in the row's unit.

use crate::model::{Comparator, Kind};

/// Does this line head such a table?
pub fn is_header(line: &str) -> bool {
    // every line is asked: the common answer without lower-casing it
    let b = line.as_bytes();
    let maybe = memchr::memmem::find(b, b"ctual").is_some()
        || memchr::memmem::find(b, b"CTUAL").is_some()
        || memchr::memmem::find(b, "实际".as_bytes()).is_some()
        || memchr::memmem::find(b, "执行".as_bytes()).is_some();
    if !maybe || line.len() > 400 {
        return false;
    }
    let l = line.to_lowercase();
    (l.contains("projected") || l.contains("planned") || l.contains("target"))
        && l.contains("actual")
        && (l.contains("unit") || l.contains("type"))
        || (line.contains("预期") || line.contains("计划"))
            && (line.contains("实际") || line.contains("执行"))
}

/// One figure of a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub kind: Kind,
    pub value: f64,
    pub unit: String,
    pub comparator: Comparator,
    /// Byte span of the number (with its cue words) within the row.
    pub start: usize,
    pub end: usize,
    /// "growth" when the figure is a change ("Up 6.5").
    pub growth: bool,
}

/// A row: its indicator label (byte span in the row) and its figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: (usize, usize),
    pub cells: Vec<Cell>,
}

const TYPES: &[&str] = &[
    "anticipatory",
    "binding",
    "obligatory",
    "mandatory",
    "expected",
    "预期性",
    "约束性",
];
const PERFORMANCE: &[&str] = &[
    "as projected",
    "higher than projected",
    "lower than projected",
    "better than projected",
    "above projection",
    "below projection",
    "met",
    "not met",
    "符合预期",
    "高于预期",
    "低于预期",
    "完成",
];

/// Where `needle` (lower case) occurs in `hay` as whole words.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let lower = hay.to_lowercase();
    // byte offsets agree where lower-casing keeps lengths (ASCII and CJK)
    if lower.len() != hay.len() {
        return None;
    }
    let latin = needle.is_ascii();
    let mut from = 0;
    while let Some(p) = lower[from..].find(needle) {
        let at = from + p;
        let end = at + needle.len();
        let whole = !latin
            || (!lower[..at].ends_with(|c: char| c.is_alphanumeric())
                && !lower[end..].starts_with(|c: char| c.is_alphanumeric()));
        if whole {
            return Some(at);
        }
        from = end;
    }
    None
}

/// The unit written in the unit column: "%", "Million metric tons", "Trillion kWh",
/// "Billion US$", "Trillion yuan"; a multiplier and a unit.
fn unit_of(col: &str, label: &str) -> (f64, String) {
    let l = col.to_lowercase();
    let mult = if l.contains("trillion") || col.contains("万亿") {
        1e12
    } else if l.contains("billion") || col.contains("亿") {
        if col.contains("亿") { 1e8 } else { 1e9 }
    } else if l.contains("million") || col.contains("万") {
        if col.contains("万") { 1e4 } else { 1e6 }
    } else {
        1.0
    };
    let unit = if l.trim_start().starts_with('%') || col.contains('％') {
        "%"
    } else if l.contains("kwh") || col.contains("千瓦时") {
        "kwh"
    } else if l.contains("us$") || l.contains("usd") || l.contains("dollar") || col.contains("美元")
    {
        "usd"
    } else if l.contains("yuan") || l.contains("rmb") || col.contains('元') {
        "yuan"
    } else if l.contains("ton") || col.contains('吨') {
        "tons"
    } else if label.contains("=100") {
        "index"
    } else {
        "count"
    };
    (if unit == "%" { 1.0 } else { mult }, unit.to_string())
}

/// Numbers in `s` (byte offset `base`) with their signs: (start, end, value).
fn numbers(s: &str, base: usize) -> Vec<(usize, usize, f64)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let neg = b[i] == b'-'
            && i + 1 < b.len()
            && b[i + 1].is_ascii_digit()
            && (i == 0 || b[i - 1] == b' ');
        if b[i].is_ascii_digit() || neg {
            let st = i;
            i += 1;
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.' || b[i] == b',') {
                i += 1;
            }
            let mut en = i;
            while en > st && matches!(b[en - 1], b'.' | b',') {
                en -= 1;
            }
            if let Ok(v) = s[st..en].replace(',', "").parse::<f64>() {
                out.push((base + st, base + en, v));
            }
            continue;
        }
        i += 1;
    }
    out
}

/// Read a row of the table; None for section lines and anything else.
pub fn row(line: &str) -> Option<Row> {
    // the row number
    let t = line.trim_start();
    let lead = line.len() - t.len();
    let num_len = t.bytes().take_while(u8::is_ascii_digit).count();
    let body_at = if num_len > 0 && num_len <= 3 && t[num_len..].starts_with([' ', '\t', '.']) {
        lead + num_len + 1
    } else {
        lead
    };
    let (tpos, tlen) = TYPES
        .iter()
        .filter_map(|w| find_ci(&line[body_at..], w).map(|p| (body_at + p, w.len())))
        .min()?;
    let mut label_start = body_at;
    for p in ["Includes:", "includes:", "其中："] {
        if line[label_start..tpos].trim_start().starts_with(p) {
            label_start = line[..tpos].find(p).map_or(label_start, |x| x + p.len());
        }
    }
    let label = line[label_start..tpos].trim();
    let label_span = (
        label_start + line[label_start..tpos].find(label).unwrap_or(0),
        label_start + line[label_start..tpos].find(label).unwrap_or(0) + label.len(),
    );
    let rest_at = tpos + tlen;
    let rest = &line[rest_at..];
    // the performance column ends the figures
    let perf = PERFORMANCE
        .iter()
        .filter_map(|w| find_ci(rest, w))
        .min()
        .unwrap_or(rest.len());
    let figures = &rest[..perf];
    // years inside words ("Basically the same as 2017") are not figures
    let nums: Vec<(usize, usize, f64)> = numbers(figures, rest_at)
        .into_iter()
        .filter(|&(s, e, v)| !(e - s == 4 && v.fract() == 0.0 && (1990.0..=2100.0).contains(&v)))
        .collect();
    if nums.is_empty() {
        return None;
    }
    let first = nums[0].0 - rest_at;
    // cue words right before the first number belong to it, not to the unit
    let mut unit_end = first;
    for cue in [
        "up", "down", "over", "above", "below", "under", "about", "around", "增长", "下降",
    ] {
        let before = figures[..unit_end].trim_end();
        if before.len() >= cue.len()
            && before.is_char_boundary(before.len() - cue.len())
            && before[before.len() - cue.len()..].eq_ignore_ascii_case(cue)
        {
            unit_end = before.len() - cue.len();
        }
    }
    let unit_col = &figures[..unit_end];
    let (mult, unit) = unit_of(unit_col, label);
    // words beyond the unit ("% (Billion Yuan) Steady rise"): the projection is in words
    let unit_words = unit_col
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "million"
                    | "billion"
                    | "trillion"
                    | "yuan"
                    | "us"
                    | "usd"
                    | "kwh"
                    | "metric"
                    | "tons"
                    | "tonnes"
                    | "ton"
                    | "rmb"
                    | "dollars"
            )
        })
        .count();
    let words_projection = unit_words > 0;
    let mut cells = Vec::new();
    for (k, &(s, e, v)) in nums.iter().enumerate() {
        let kind = if nums.len() >= 2 && k == 0 && !words_projection {
            Kind::Target
        } else {
            Kind::Actual
        };
        if k >= 2 {
            break;
        }
        let before = line[..s].trim_end().to_lowercase();
        let after = line[e..].trim_start().to_lowercase();
        let growth = before.ends_with("up") || before.ends_with("增长") || before.ends_with("down");
        let comparator = if before.ends_with("over") || before.ends_with("above") {
            Comparator::Gt
        } else if before.ends_with("below") || before.ends_with("under") {
            Comparator::Lt
        } else if kind == Kind::Target
            && (after.starts_with("approx")
                || after.starts_with("about")
                || after.starts_with("左右"))
        {
            Comparator::Approx
        } else {
            Comparator::Eq
        };
        let cue_start = ["up", "down", "over", "above", "below", "under"]
            .iter()
            .find(|c| before.ends_with(*c))
            .map_or(s, |c| line[..s].trim_end().len() - c.len());
        cells.push(Cell {
            kind,
            value: v * mult,
            unit: unit.clone(),
            comparator,
            start: cue_start,
            end: e,
            growth,
        });
    }
    Some(Row {
        label: label_span,
        cells,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(line: &str) -> Vec<String> {
        row(line)
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| {
                        format!(
                            "{} {} {} {}",
                            c.kind.as_str(),
                            c.comparator.symbol(),
                            crate::util::format_value(c.value),
                            c.unit
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn headers() {
        assert!(is_header(
            "No. Targets Type Unit Projected Figure Actual Figure Performance"
        ));
        assert!(is_header("指标 属性 单位 2019年预期目标 执行情况"));
        assert!(!is_header("The actual use of foreign capital rose."));
    }

    #[test]
    fn projected_and_actual_figures_with_the_row_unit() {
        assert_eq!(
            cells("1 GDP Anticipatory % Up 6.5 approx. Up 6.6 As projected"),
            vec!["target ~ 6.5 %", "actual = 6.6 %"]
        );
        assert_eq!(
            cells(
                "3 Includes: grain output Anticipatory Million metric tons Over 550.00 657.89 Higher than projected"
            ),
            vec!["target > 550,000,000 tons", "actual = 657,890,000 tons"]
        );
        assert_eq!(
            cells("19 Fiscal deficit Anticipatory Trillion yuan -2.38 -2.38 As projected"),
            vec![
                "target = -2,380,000,000,000 yuan",
                "actual = -2,380,000,000,000 yuan"
            ]
        );
        assert_eq!(
            cells(
                "13 Long- and medium-term foreign debt Anticipatory Billion US$ 210.0 209.3 As projected"
            ),
            vec![
                "target = 210,000,000,000 usd",
                "actual = 209,300,000,000 usd"
            ]
        );
    }

    #[test]
    fn a_projection_in_words_leaves_the_actual_alone() {
        assert_eq!(
            cells(
                "10 Total import and export volume of goods Anticipatory % (Billion Yuan) Steady rise Up 9.7 As projected"
            ),
            vec!["actual = 9.7 %"]
        );
        assert_eq!(
            cells(
                "20 M2 money supply growth rate Anticipatory % Basically the same as 2017 real growth rate 8.1 As"
            ),
            vec!["actual = 8.1 %"]
        );
        assert_eq!(
            cells("9 CPI  (2017=100) Anticipatory   103.0 approx. 102.1  As projected"),
            vec!["target ~ 103 index", "actual = 102.1 index"]
        );
    }

    #[test]
    fn section_lines_are_not_rows() {
        assert_eq!(row("  I. Economic Development          "), None);
        assert_eq!(row("  Urbanization Levels"), None);
    }
}
