//! Actuals from a CSV file (province, indicator, year, value, unit, source): each row
//! is matched to the project's targets of the same province and indicator, checked,
//! and shown as a preview with a reason for every row that cannot be recorded.
//! Nothing here changes a project: `observations` turns a preview into actuals that
//! the caller records as one undoable change.

use crate::model::{Finding, Id, Kind, Observation, Project, Review, Source};

/// The columns, in the order used when the file has no header row.
pub const COLUMNS: [&str; 6] = ["province", "indicator", "year", "value", "unit", "source"];

/// One data row of the file, as read and judged.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Line number in the file (1-based), for messages.
    pub line: usize,
    pub province: String,
    pub indicator: String,
    pub year: String,
    pub value: String,
    pub unit: String,
    pub source: String,
    /// The targets the row's actual will be recorded for, or why it cannot be.
    pub outcome: Result<Vec<Id>, String>,
    /// The parsed year and value when they are valid.
    pub parsed: Option<(i32, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub file_name: String,
    pub rows: Vec<Row>,
}

impl Preview {
    pub fn ok_rows(&self) -> usize {
        self.rows.iter().filter(|r| r.outcome.is_ok()).count()
    }
    pub fn bad_rows(&self) -> usize {
        self.rows.len() - self.ok_rows()
    }
    /// How many actuals recording the good rows gives (a row may serve two targets).
    pub fn actual_count(&self) -> usize {
        self.rows
            .iter()
            .filter_map(|r| r.outcome.as_ref().ok())
            .map(Vec::len)
            .sum()
    }
}

/// Split CSV text into records with the `csv` crate (RFC 4180: quoted fields may hold
/// separators, doubled quotes and line breaks; rows may differ in length). A spreadsheet
/// saved for Europe separates with semicolons: the separator is whichever of `,` `;`
/// and tab the first line has most of. Returns (line number, fields) per non-empty
/// record.
pub fn records(text: &str) -> Vec<(usize, Vec<String>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let sep = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&c| (first.bytes().filter(|&b| b == c).count(), c == b','))
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    // line numbers from the records' byte offsets (counted once, front to back)
    let (mut at, mut line) = (0usize, 1usize);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                let byte = record
                    .position()
                    .map_or(at, |p| p.byte() as usize)
                    .min(text.len());
                if byte > at {
                    line += memchr::memchr_iter(b'\n', &text.as_bytes()[at..byte]).count();
                    at = byte;
                }
                // a record starts after any blank lines the reader skipped
                let lead = text.as_bytes()[at..]
                    .iter()
                    .take_while(|b| matches!(b, b'\r' | b'\n'))
                    .filter(|&&b| b == b'\n')
                    .count();
                let fields: Vec<String> = record.iter().map(str::to_string).collect();
                if fields.iter().any(|f| !f.trim().is_empty()) {
                    out.push((line + lead, fields));
                }
            }
            Ok(false) => break,
            // text is valid UTF-8 and rows may be ragged: no other error can come, but a
            // damaged row must not hide the rest
            Err(_) => continue,
        }
    }
    out
}

/// Read CSV text and match each row against the project's targets.
pub fn preview(project: &Project, file_name: &str, text: &str) -> Result<Preview, String> {
    preview_records(project, file_name, records(text))
}

/// Match records (from a CSV file or a spreadsheet) against the project's targets.
pub fn preview_records(
    project: &Project,
    file_name: &str,
    recs: Vec<(usize, Vec<String>)>,
) -> Result<Preview, String> {
    let Some((_, first)) = recs.first() else {
        return Err("the file has no rows".into());
    };
    // a header names the columns (in any order); without one, the documented order
    let lower: Vec<String> = first.iter().map(|h| h.trim().to_lowercase()).collect();
    let has_header = lower.iter().any(|h| h == "province" || h == "indicator");
    let mut index = [usize::MAX; 6];
    if has_header {
        for (i, name) in COLUMNS.iter().enumerate() {
            index[i] = lower.iter().position(|h| h == name).unwrap_or(usize::MAX);
        }
        let missing: Vec<&str> = COLUMNS[..4]
            .iter()
            .zip(&index)
            .filter(|(_, i)| **i == usize::MAX)
            .map(|(n, _)| *n)
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "the header lacks the column(s) {}; expected {}",
                missing.join(", "),
                COLUMNS.join(", ")
            ));
        }
    } else {
        index = [0, 1, 2, 3, 4, 5];
    }
    let targets: Vec<&Finding> = project
        .findings
        .iter()
        .filter(|f| f.data.kind == Kind::Target && f.review != Review::Rejected)
        .collect();
    let lex = crate::extract::lexicon::Lexicon::get();
    let rows = recs
        .iter()
        .skip(usize::from(has_header))
        .map(|(line, fields)| {
            let get = |i: usize| fields.get(index[i]).map_or("", |s| s.trim()).to_string();
            let mut row = Row {
                line: *line,
                province: get(0),
                indicator: get(1),
                year: get(2),
                value: get(3),
                unit: get(4),
                source: get(5),
                outcome: Ok(Vec::new()),
                parsed: None,
            };
            row.outcome = judge(&mut row, fields.len(), has_header, &targets, project, lex);
            row
        })
        .collect();
    Ok(Preview {
        file_name: file_name.to_string(),
        rows,
    })
}

fn judge(
    row: &mut Row,
    n_fields: usize,
    has_header: bool,
    targets: &[&Finding],
    project: &Project,
    lex: &crate::extract::lexicon::Lexicon,
) -> Result<Vec<Id>, String> {
    if !has_header && n_fields < 4 {
        return Err(format!(
            "{n_fields} column(s); expected {}",
            COLUMNS.join(", ")
        ));
    }
    let year: i32 = row
        .year
        .parse()
        .ok()
        .filter(|y| (1900..=2200).contains(y))
        .ok_or_else(|| format!("\"{}\" is not a year", row.year))?;
    let value = crate::util::parse_number(&row.value)?;
    row.parsed = Some((year, value));
    if row.province.is_empty() || row.indicator.is_empty() {
        return Err("the province and the indicator are both needed".into());
    }
    // "Zhejiang Province", "zhejiang" and "Zhejiang" are one province
    let province = lex
        .unit_by_name(&row.province)
        .or_else(|| {
            let short = row
                .province
                .trim_end_matches(" Province")
                .trim_end_matches(" province");
            lex.unit_by_name(short)
        })
        .map(|u| lex.units[u as usize].clone())
        .unwrap_or_else(|| row.province.clone());
    // a key, the label shown in the table, or words the indicator lexicon reads as the
    // target's key ("GDP growth" for a target labelled 地区生产总值 · gdp_growth)
    let unit_hint = if row.unit == "percent" {
        "%"
    } else {
        row.unit.as_str()
    };
    let key_of_words = crate::extract::indicator::key(lex, &row.indicator, unit_hint);
    let same_indicator = |f: &Finding| {
        f.data.indicator_key.as_deref() == Some(row.indicator.as_str())
            || f.data.indicator.eq_ignore_ascii_case(&row.indicator)
            || (key_of_words.is_some() && f.data.indicator_key == key_of_words)
    };
    let candidates: Vec<&&Finding> = targets
        .iter()
        .filter(|f| f.data.province.eq_ignore_ascii_case(&province) && same_indicator(f))
        .collect();
    if candidates.is_empty() {
        let any_indicator = targets.iter().any(|f| same_indicator(f));
        return Err(if any_indicator {
            format!("no {} target for {province}", row.indicator)
        } else {
            format!(
                "no target has the indicator \"{}\" (use a key such as gdp_growth, or the label shown in the table)",
                row.indicator
            )
        });
    }
    let unit_ok = |f: &&&Finding| {
        row.unit.is_empty()
            || f.data.unit.eq_ignore_ascii_case(&row.unit)
            || (row.unit == "percent" && f.data.unit == "%")
    };
    let fitting: Vec<&&Finding> = candidates.iter().copied().filter(unit_ok).collect();
    if fitting.is_empty() {
        let units: Vec<&str> = candidates.iter().map(|f| f.data.unit.as_str()).collect();
        return Err(format!(
            "the unit \"{}\" is not the target's ({}): not recorded, as it could not be compared",
            row.unit,
            units.join(", ")
        ));
    }
    // the figure bears on the targets still running in its year; when all are
    // past, on the latest (its outcome after the deadline decides it)
    // A figure of a year before its target was set is no outcome of it (a 2021 growth
    // figure and a 2023 report's growth target), bar the year just before, a plan's
    // starting point; an annual rate of its report's own year wants that year alone.
    let bears = |f: &Finding| match project.document(f.doc).and_then(|d| d.report_year) {
        Some(set)
            if crate::progress::is_annual_rate(&f.data)
                && f.data.period.is_none()
                && f.data.year == set =>
        {
            year == set
        }
        Some(set) => year >= set - 1,
        None => true,
    };
    let fitting: Vec<&&Finding> = fitting.into_iter().filter(|f| bears(f)).collect();
    if fitting.is_empty() {
        return Err(format!(
            "no {} target for {province} was set by {year}",
            row.indicator
        ));
    }
    let running: Vec<Id> = fitting
        .iter()
        .filter(|f| f.data.year >= year)
        .map(|f| f.id)
        .collect();
    if !running.is_empty() {
        return Ok(running);
    }
    let latest = fitting
        .iter()
        .max_by_key(|f| (f.data.year, f.id))
        .expect("not empty");
    Ok(vec![latest.id])
}

/// The actuals to record for the good rows of a preview; ids from `next_id` on.
pub fn observations(project: &Project, preview: &Preview, next_id: &mut Id) -> Vec<Observation> {
    let now = crate::util::now_unix();
    let mut out = Vec::new();
    for row in &preview.rows {
        let (Ok(targets), Some((year, value))) = (&row.outcome, row.parsed) else {
            continue;
        };
        for &t in targets {
            let unit = project
                .finding(t)
                .map_or_else(|| row.unit.clone(), |f| f.data.unit.clone());
            out.push(Observation {
                id: *next_id,
                target: t,
                year,
                value,
                unit,
                note: String::new(),
                source_ref: row.source.clone(),
                source: Source::Csv(preview.file_name.clone()),
                recorded: now,
            });
            *next_id += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Comparator, Extraction, Span};

    fn project() -> Project {
        let mut p = Project::default();
        let mut add = |province: &str, key: &str, label: &str, year: i32, unit: &str| {
            let id = p.new_id();
            p.findings.push(Finding {
                id,
                doc: 0,
                review: Review::Suggested,
                data: Extraction {
                    kind: Kind::Target,
                    province: province.into(),
                    year,
                    period: None,
                    indicator: label.into(),
                    indicator_key: Some(key.into()),
                    value: 6.0,
                    unit: unit.into(),
                    comparator: Comparator::Gt,
                    baseline: None,
                    wording: String::new(),
                    sentence: Span::default(),
                    number: Span::default(),
                    confidence: None,
                    doubt: None,
                },
            });
            id
        };
        add("Zhejiang", "gdp_growth", "GDP growth", 2021, "%");
        add("Zhejiang", "gdp_growth", "GDP growth", 2025, "%");
        add("Jiangsu", "new_urban_jobs", "new urban jobs", 2021, "count");
        p
    }

    #[test]
    fn quoted_fields_and_line_breaks() {
        let r = records("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\n\"two\nlines\",x\n");
        assert_eq!(
            r,
            vec![
                (1, vec!["a".into(), "b, c".into(), "say \"hi\"".into()]),
                (3, vec!["two\nlines".into(), "x".into()]),
            ]
        );
        let r = records("province;indicator;year;value\nZhejiang;gdp_growth;2021;8,5\n");
        assert_eq!(r[1].1[3], "8,5");
    }

    #[test]
    fn rows_are_matched_or_explained() {
        let p = project();
        let csv = "Province,Indicator,Year,Value,Unit,Source\n\
            Zhejiang Province,gdp_growth,2021,8.5,%,Statistical bulletin 2021\n\
            Zhejiang,GDP growth,2022,3.1,,bulletin 2022\n\
            Zhejiang,gdp_growth,2026,5.5,%,\n\
            Jiangsu,new_urban_jobs,2021,\"1,400,000\",count,\n\
            Jiangsu,gdp_growth,2021,8.6,%,\n\
            Zhejiang,gdp_growth,20x1,8.5,%,\n\
            Zhejiang,gdp_growth,2021,n/a,%,\n\
            Zhejiang,forest_coverage,2021,61.2,%,\n\
            Zhejiang,gdp_growth,2021,8.5,pp,\n";
        let pv = preview(&p, "outcomes.csv", csv).unwrap();
        let out: Vec<Result<Vec<Id>, String>> = pv.rows.iter().map(|r| r.outcome.clone()).collect();
        // 2021 serves both the 2021 and the 2025 target; 2022 only the 2025 one
        assert_eq!(out[0], Ok(vec![1, 2]));
        assert_eq!(out[1], Ok(vec![2]));
        // after every deadline: the latest target
        assert_eq!(out[2], Ok(vec![2]));
        assert_eq!(out[3], Ok(vec![3]));
        assert!(
            out[4]
                .as_ref()
                .unwrap_err()
                .contains("no gdp_growth target for Jiangsu")
        );
        assert!(out[5].as_ref().unwrap_err().contains("not a year"));
        assert!(out[6].as_ref().unwrap_err().contains("not a number"));
        assert!(
            out[7]
                .as_ref()
                .unwrap_err()
                .contains("no target has the indicator")
        );
        assert!(out[8].as_ref().unwrap_err().contains("unit"));
        assert_eq!(pv.rows[5].line, 7);
        assert_eq!((pv.ok_rows(), pv.bad_rows(), pv.actual_count()), (4, 5, 5));
        let mut next = 100;
        let obs = observations(&p, &pv, &mut next);
        assert_eq!(obs.len(), 5);
        assert_eq!(next, 105);
        assert_eq!(obs[0].source, Source::Csv("outcomes.csv".into()));
        assert_eq!(obs[0].source_ref, "Statistical bulletin 2021");
        assert_eq!(obs[4].value, 1_400_000.0);
        assert_eq!(obs[4].unit, "count");
    }

    #[test]
    fn files_without_a_header_or_with_a_bad_one() {
        let p = project();
        let pv = preview(
            &p,
            "x.csv",
            "Zhejiang,gdp_growth,2021,8.5\nZhejiang,gdp_growth\n",
        )
        .unwrap();
        assert_eq!(pv.rows[0].outcome, Ok(vec![1, 2]));
        assert!(
            pv.rows[1]
                .outcome
                .as_ref()
                .unwrap_err()
                .contains("2 column")
        );
        let e = preview(
            &p,
            "x.csv",
            "province,indicator,value\nZhejiang,gdp_growth,8\n",
        )
        .unwrap_err();
        assert!(e.contains("year"), "{e}");
        assert!(preview(&p, "x.csv", "\n\n").is_err());
    }
}
