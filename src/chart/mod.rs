//! Chart specifications built from a project: plain data that both the screen
//! (egui_plot, in `ui`) and report files (plotters, in `render`) draw, plus the CSV of
//! the numbers behind each chart. Exported charts describe themselves: title, subtitle
//! with indicator and unit, source documents, date.

pub mod render;

use std::collections::BTreeMap;

use crate::model::{Comparator, Finding, Id, Kind, Project, Review};
use crate::progress::{Status, StatusIndex};
use crate::util::{format_quantity, format_value};

pub type Rgb = [u8; 3];

pub const ACTUAL_COLOR: Rgb = [0, 114, 178];
pub const PATH_COLOR: Rgb = [120, 120, 120];
pub const BASELINE_COLOR: Rgb = [60, 60, 60];
pub const TARGET_COLOR: Rgb = [213, 94, 0];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Circle,
    /// "more than", "at least"
    Up,
    /// "no more than", "less than"
    Down,
    /// "about"
    Diamond,
}

impl Marker {
    pub fn for_comparator(c: Comparator) -> Marker {
        match c {
            Comparator::Gt | Comparator::Ge => Marker::Up,
            Comparator::Lt | Comparator::Le => Marker::Down,
            Comparator::Approx => Marker::Diamond,
            Comparator::Eq => Marker::Circle,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Line,
    Dashed,
    Points(Marker),
    LineAndPoints,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub color: Rgb,
    pub style: Style,
    pub points: Vec<(f64, f64)>,
    /// A text per point (tooltips on screen, labels in files).
    pub labels: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Index into `groups`.
    pub group: usize,
    pub series: String,
    pub value: f64,
    pub color: Rgb,
    /// Exact value and source, for tooltips and data labels.
    pub label: String,
    /// For overview bars: the status it counts.
    pub status: Option<Status>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// Years on x.
    Xy {
        series: Vec<Series>,
        /// Vertical markers (the deadline).
        vlines: Vec<(f64, String)>,
    },
    /// Categories on x.
    Bars {
        groups: Vec<String>,
        bars: Vec<Bar>,
        stacked: bool,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    pub title: String,
    pub subtitle: String,
    /// "Source: zhejiang-2021-government-work-report.txt. Chart: PlanTrack, 2026-11-23."
    pub source: String,
    pub x_label: String,
    pub y_label: String,
    pub body: Body,
}

impl ChartSpec {
    /// The x and y ranges the data needs, padded a little; y always includes 0 for bars.
    pub fn bounds(&self) -> ((f64, f64), (f64, f64)) {
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        match &self.body {
            Body::Xy { series, vlines } => {
                for s in series {
                    for &(x, y) in &s.points {
                        xs.push(x);
                        ys.push(y);
                    }
                }
                xs.extend(vlines.iter().map(|v| v.0));
            }
            Body::Bars {
                groups,
                bars,
                stacked,
            } => {
                xs.push(-0.5);
                xs.push(groups.len() as f64 - 0.5);
                ys.push(0.0);
                if *stacked {
                    let mut sums: BTreeMap<usize, f64> = BTreeMap::new();
                    for b in bars {
                        *sums.entry(b.group).or_default() += b.value;
                    }
                    ys.extend(sums.values());
                } else {
                    ys.extend(bars.iter().map(|b| b.value));
                }
            }
        }
        let fin = |v: &Vec<f64>| {
            v.iter()
                .copied()
                .filter(|x| x.is_finite())
                .collect::<Vec<_>>()
        };
        let (xs, ys) = (fin(&xs), fin(&ys));
        let (x0, x1) = min_max(&xs).unwrap_or((0.0, 1.0));
        let (mut y0, mut y1) = min_max(&ys).unwrap_or((0.0, 1.0));
        if matches!(self.body, Body::Xy { .. }) {
            // at least five years, so a single year still sits in context
            let x0 = x0.min(x1 - 4.0);
            let (x0, x1) = (x0 - 0.5, x1 + 0.5);
            if y0 == y1 {
                y0 -= y0.abs().max(1.0) * 0.1;
                y1 += y1.abs().max(1.0) * 0.1;
            }
            let pad = (y1 - y0) * 0.12;
            // amounts (counts, money, lengths) are read against zero; rates near zero
            // read better from zero too; other rates get their data range (and an axis
            // break is drawn, see `axis_break`)
            if y0 >= 0.0 && (self.amounts() || y0 - pad < 0.0) {
                return ((x0, x1), (0.0, y1 + pad));
            }
            return ((x0, x1), (y0 - pad, y1 + pad));
        }
        if y1 <= y0 {
            y1 = y0 + 1.0;
        }
        ((x0, x1), (y0.min(0.0), y1 * 1.1))
    }
}

/// The names of the series of bars, in the order they first appear.
pub fn series_names(bars: &[Bar]) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for b in bars {
        if !v.contains(&b.series) {
            v.push(b.series.clone());
        }
    }
    v
}

/// "31 provinces, the country and 2 regions": what the places of a chart are.
pub fn places_words(places: &[String]) -> String {
    let lex = crate::extract::lexicon::Lexicon::get();
    let (mut provinces, mut national, mut regions) = (0, false, 0);
    for p in places {
        match lex.unit_by_name(p) {
            Some(u) if u == lex.national => national = true,
            Some(u) if !lex.members[u as usize].is_empty() => regions += 1,
            _ => provinces += 1,
        }
    }
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = Vec::new();
    if provinces > 0 {
        parts.push(count(provinces, "province", "provinces"));
    }
    if national {
        parts.push("the country".to_string());
    }
    if regions > 0 {
        parts.push(count(regions, "region", "regions"));
    }
    match parts.len() {
        0 => "no place".into(),
        1 => parts.remove(0),
        _ => {
            let last = parts.pop().unwrap_or_default();
            format!("{} and {last}", parts.join(", "))
        }
    }
}

/// Where the overview draws province `group` of `groups` (the first, the one with the
/// most targets, at the top): its row on the plot's y axis.
pub fn bar_row(groups: usize, group: usize) -> f64 {
    groups.saturating_sub(1 + group) as f64
}

/// The province drawn in row `row` of the overview: the inverse of `bar_row`.
pub fn bar_group(groups: usize, row: usize) -> usize {
    groups.saturating_sub(1 + row)
}

impl ChartSpec {
    /// Is the y axis an amount (a count, money, a length) rather than a rate or ratio?
    pub fn amounts(&self) -> bool {
        let l = self.y_label.as_str();
        !(l.contains("percent")
            || l.contains("per ")
            || l.starts_with("per_")
            || matches!(l, "times" | "index" | "years" | "µg/m³" | "ranks"))
    }

    /// The y axis does not start at zero although the data are all positive: the chart
    /// marks the break on the axis.
    pub fn axis_break(&self) -> bool {
        let (_, (y0, _)) = self.bounds();
        matches!(self.body, Body::Xy { .. }) && y0 > 0.0
    }
}

fn min_max(v: &[f64]) -> Option<(f64, f64)> {
    let mut it = v.iter().copied();
    let first = it.next()?;
    Some(it.fold((first, first), |(a, b), x| (a.min(x), b.max(x))))
}

/// The unit as an axis label: "%", "yuan", "per 1,000 people".
pub fn unit_label(unit: &str) -> String {
    match unit {
        "%" => "percent (%)".into(),
        "pp" => "percentage points".into(),
        "count" => "number".into(),
        "per_10k" => "per 10,000 people".into(),
        "per_1000" => "per 1,000 people".into(),
        "tce_per_10k_yuan" => "tons of standard coal per 10,000 yuan".into(),
        "sqkm" => "square kilometers".into(),
        "usd" => "US dollars".into(),
        "ug_per_m3" | "ug_m3" => "µg/m³".into(),
        u => u.into(),
    }
}

fn today() -> String {
    crate::util::format_date(crate::util::now_unix())
}

fn source_line(project: &Project, docs: impl IntoIterator<Item = Id>) -> String {
    let mut names: Vec<String> = Vec::new();
    for d in docs {
        if let Some(doc) = project.document(d)
            && !names.contains(&doc.file_name)
        {
            names.push(doc.file_name.clone());
        }
    }
    let src = match names.len() {
        0 => "figures entered by hand".to_string(),
        1..=3 => names.join("; "),
        n => format!("{}; and {} more documents", names[..3].join("; "), n - 3),
    };
    format!(
        "Source: {src}. Actuals as recorded in PlanTrack. Chart: PlanTrack, {}.",
        today()
    )
}

/// How a target reads: "more than 6.5%" (the plan's words kept next to the value).
pub fn target_words(f: &Finding) -> String {
    let w = f.data.comparator.words();
    let q = format_quantity(f.data.value, &f.data.unit);
    if w.is_empty() { q } else { format!("{w} {q}") }
}

/// Chart 1: one target over time: baseline, straight path to the target, actuals,
/// the target at its deadline with a marker for its comparator.
pub fn target_timeline(project: &Project, index: &StatusIndex, id: Id) -> Option<ChartSpec> {
    let f = project.finding(id)?;
    let t = &f.data;
    let unit = &t.unit;
    let mut series = Vec::new();
    let mut obs: Vec<_> = project.observations_of(id).collect();
    obs.sort_by_key(|o| o.year);
    let comparable: Vec<_> = obs.iter().filter(|o| o.unit == *unit).collect();
    let start = t
        .baseline
        .map(|b| (f64::from(b.year), b.value))
        .or_else(|| comparable.first().map(|o| (f64::from(o.year), o.value)));
    if let Some((by, bv)) = start.filter(|(by, _)| *by < f64::from(t.year)) {
        series.push(Series {
            name: "path to target".into(),
            color: PATH_COLOR,
            style: Style::Dashed,
            points: vec![(by, bv), (f64::from(t.year), t.value)],
            labels: vec![
                format!("start {} ({})", format_quantity(bv, unit), by),
                format!("target {}", target_words(f)),
            ],
        });
    }
    if let Some(b) = t.baseline {
        series.push(Series {
            name: "baseline".into(),
            color: BASELINE_COLOR,
            style: Style::Points(Marker::Circle),
            points: vec![(f64::from(b.year), b.value)],
            labels: vec![format!(
                "baseline {} in {} (from the plan)",
                format_quantity(b.value, unit),
                b.year
            )],
        });
    }
    if !comparable.is_empty() {
        series.push(Series {
            name: "actual".into(),
            color: ACTUAL_COLOR,
            style: Style::LineAndPoints,
            points: comparable
                .iter()
                .map(|o| (f64::from(o.year), o.value))
                .collect(),
            labels: comparable
                .iter()
                .map(|o| {
                    let src = match &o.source {
                        crate::model::Source::Manual if o.note.is_empty() => {
                            "entered by hand".to_string()
                        }
                        crate::model::Source::Manual => o.note.clone(),
                        crate::model::Source::Finding(fid) => project
                            .finding(*fid)
                            .and_then(|x| project.document(x.doc))
                            .map_or("from a document".into(), |d| {
                                format!("from {}", d.file_name)
                            }),
                        crate::model::Source::Csv(file) => format!("from {file}"),
                    };
                    format!(
                        "actual {} in {} ({src})",
                        format_quantity(o.value, unit),
                        o.year
                    )
                })
                .collect(),
        });
    }
    let status = index.get(id);
    let status_color = status.map_or(TARGET_COLOR, |a| a.status.rgb());
    series.push(Series {
        name: format!("target ({})", target_words(f)),
        color: status_color,
        style: Style::Points(Marker::for_comparator(t.comparator)),
        points: vec![(f64::from(t.year), t.value)],
        labels: vec![format!("target {} by {}", target_words(f), t.year)],
    });
    let status_text = status.map_or(String::new(), |a| {
        format!(" Status: {}.", a.status.as_str())
    });
    // where the actuals came from, as the user noted them
    let mut notes: Vec<String> = Vec::new();
    for o in &comparable {
        let n = o.note.trim();
        if !n.is_empty() && !notes.iter().any(|x| x == n) && notes.len() < 3 {
            notes.push(n.to_string());
        }
    }
    let mut source = source_line(project, [f.doc]);
    if !notes.is_empty() {
        source = source.replacen(
            "Actuals as recorded in PlanTrack.",
            &format!("Actuals: {}.", notes.join("; ")),
            1,
        );
    }
    Some(ChartSpec {
        title: format!("{}: {}", t.province, t.indicator),
        subtitle: format!(
            "Target {} by {} ({}).{}",
            target_words(f),
            t.year,
            unit_label(unit),
            status_text
        ),
        source,
        x_label: "year".into(),
        y_label: unit_label(unit),
        body: Body::Xy {
            series,
            vlines: vec![(f64::from(t.year), format!("deadline {}", t.year))],
        },
    })
}

/// Targets that share an indicator: same canonical key, or the same label when there is none.
pub fn same_indicator(f: &Finding, key: &str) -> bool {
    match &f.data.indicator_key {
        Some(k) => k == key,
        None => f.data.indicator.eq_ignore_ascii_case(key),
    }
}

/// Chart 2: one indicator and deadline year across provinces: target and actual.
pub fn indicator_comparison(
    project: &Project,
    index: &StatusIndex,
    key: &str,
    year: i32,
) -> Option<ChartSpec> {
    let mut targets: Vec<&Finding> = project
        .findings
        .iter()
        .filter(|f| f.data.kind == Kind::Target && f.review != Review::Rejected)
        .filter(|f| f.data.year == year && same_indicator(f, key))
        .collect();
    let unit = targets.first()?.data.unit.clone();
    targets.retain(|f| f.data.unit == unit);
    // one row per province: the first target found
    let mut seen = std::collections::HashSet::new();
    targets.retain(|f| seen.insert(f.data.province.as_str()));
    // the actuals of the few targets shown, in one pass over all actuals
    let mut actual: Vec<Option<f64>> = vec![None; targets.len()];
    let slot: std::collections::HashMap<crate::model::Id, usize> =
        targets.iter().enumerate().map(|(i, f)| (f.id, i)).collect();
    for o in &project.observations {
        if let Some(&i) = slot.get(&o.target)
            && o.year == year
            && o.unit == unit
        {
            actual[i] = Some(o.value);
        }
    }
    let mut rows: Vec<(&Finding, Option<f64>)> = targets.into_iter().zip(actual).collect();
    rows.sort_by(|a, b| b.0.data.value.total_cmp(&a.0.data.value));
    let groups: Vec<String> = rows.iter().map(|(f, _)| f.data.province.clone()).collect();
    let mut bars = Vec::new();
    for (g, (f, actual)) in rows.iter().enumerate() {
        bars.push(Bar {
            group: g,
            series: "target".into(),
            value: f.data.value,
            color: PATH_COLOR,
            label: format!(
                "{} target: {} by {}",
                f.data.province,
                target_words(f),
                year
            ),
            status: None,
        });
        let status = index.status(f.id).unwrap_or(Status::NoData);
        if let Some(v) = actual {
            bars.push(Bar {
                group: g,
                series: "actual".into(),
                value: *v,
                color: status.rgb(),
                label: format!(
                    "{} actual {}: {} ({})",
                    f.data.province,
                    year,
                    format_quantity(*v, &unit),
                    status.as_str()
                ),
                status: Some(status),
            });
        }
    }
    let label = rows[0].0.data.indicator.clone();
    Some(ChartSpec {
        title: format!("{label}: targets and actuals for {year}"),
        subtitle: format!(
            "{} provinces, sorted by target ({}). Actual bars coloured by status.",
            groups.len(),
            unit_label(&unit)
        ),
        source: source_line(project, rows.iter().map(|(f, _)| f.doc)),
        x_label: "province".into(),
        y_label: unit_label(&unit),
        body: Body::Bars {
            groups,
            bars,
            stacked: false,
        },
    })
}

/// Chart 3: status counts per province (stacked), for targets passing `keep`.
pub fn overview(
    project: &Project,
    index: &StatusIndex,
    keep: impl Fn(&Finding) -> bool,
) -> ChartSpec {
    let mut counts: BTreeMap<String, BTreeMap<Status, usize>> = BTreeMap::new();
    let mut docs = Vec::new();
    for f in &project.findings {
        if f.data.kind != Kind::Target || f.review == Review::Rejected || !keep(f) {
            continue;
        }
        let s = index.status(f.id).unwrap_or(Status::NoData);
        *counts
            .entry(f.data.province.clone())
            .or_default()
            .entry(s)
            .or_default() += 1;
        docs.push(f.doc);
    }
    let mut provinces: Vec<(String, usize)> = counts
        .iter()
        .map(|(p, c)| (p.clone(), c.values().sum()))
        .collect();
    provinces.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let groups: Vec<String> = provinces.iter().map(|p| p.0.clone()).collect();
    let mut bars = Vec::new();
    for (g, p) in groups.iter().enumerate() {
        for s in Status::ALL {
            if let Some(&n) = counts[p].get(&s) {
                bars.push(Bar {
                    group: g,
                    series: s.as_str().into(),
                    value: n as f64,
                    color: s.rgb(),
                    label: format!("{p}: {n} {}", s.as_str()),
                    status: Some(s),
                });
            }
        }
    }
    let total: usize = provinces.iter().map(|p| p.1).sum();
    ChartSpec {
        title: "Progress of plan targets by province".into(),
        subtitle: format!(
            "{total} target{} of {}, by status",
            if total == 1 { "" } else { "s" },
            places_words(&groups)
        ),
        source: source_line(project, docs),
        x_label: "province".into(),
        y_label: "number of targets".into(),
        body: Body::Bars {
            groups,
            bars,
            stacked: true,
        },
    }
}

/// CSV text from a header and rows, with the `csv` crate's quoting.
pub fn csv_text<R, F>(header: &[&str], rows: R) -> String
where
    R: IntoIterator<Item = Vec<F>>,
    F: AsRef<[u8]>,
{
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(header);
    for r in rows {
        let _ = w.write_record(&r);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The numbers behind a chart.
pub fn chart_csv(spec: &ChartSpec) -> String {
    match &spec.body {
        Body::Xy { series, .. } => csv_text(
            &["series", "year", "value", "note"],
            series.iter().flat_map(|s| {
                s.points.iter().enumerate().map(|(i, &(x, y))| {
                    vec![
                        s.name.clone(),
                        format!("{x}"),
                        format!("{y}"),
                        s.labels.get(i).cloned().unwrap_or_default(),
                    ]
                })
            }),
        ),
        Body::Bars { groups, bars, .. } => csv_text(
            &["category", "series", "value", "note"],
            bars.iter().map(|b| {
                vec![
                    groups[b.group].clone(),
                    b.series.clone(),
                    format!("{}", b.value),
                    b.label.clone(),
                ]
            }),
        ),
    }
}

/// The whole target table with statuses.
pub fn targets_csv(project: &Project, index: &StatusIndex) -> String {
    csv_text(
        &[
            "id",
            "kind",
            "province",
            "year",
            "period",
            "indicator",
            "indicator_key",
            "comparator",
            "value",
            "unit",
            "wording",
            "baseline_value",
            "baseline_year",
            "status",
            "latest_actual_year",
            "latest_actual_value",
            "review",
            "document",
            "quote",
            "confidence",
            "doubt",
        ],
        project.findings.iter().map(|f| {
            let t = &f.data;
            let a = index.get(f.id);
            let doc = project.document(f.doc);
            let quote = doc
                .and_then(|d| d.text.get(t.sentence.start..t.sentence.end))
                .unwrap_or("");
            vec![
                f.id.to_string(),
                t.kind.as_str().into(),
                t.province.clone(),
                t.year.to_string(),
                t.period.map(|p| p.to_string()).unwrap_or_default(),
                t.indicator.clone(),
                t.indicator_key.clone().unwrap_or_default(),
                t.comparator.symbol().into(),
                format!("{}", t.value),
                t.unit.clone(),
                t.wording.clone(),
                t.baseline
                    .map(|b| format!("{}", b.value))
                    .unwrap_or_default(),
                t.baseline.map(|b| b.year.to_string()).unwrap_or_default(),
                a.map(|a| a.status.as_str().to_string()).unwrap_or_default(),
                a.and_then(|a| a.latest)
                    .map(|l| l.0.to_string())
                    .unwrap_or_default(),
                a.and_then(|a| a.latest)
                    .map(|l| format!("{}", l.1))
                    .unwrap_or_default(),
                f.review.as_str().into(),
                doc.map(|d| d.file_name.clone()).unwrap_or_default(),
                quote.to_string(),
                t.confidence
                    .map(|c| format!("{:.2}", c))
                    .unwrap_or_default(),
                t.doubt.clone().unwrap_or_default(),
            ]
        }),
    )
}

/// A value for tick labels: "6.5", "8.5T", "130k".
pub fn tick(v: f64) -> String {
    let a = v.abs();
    if a >= 1e12 {
        format!("{}T", format_value(v / 1e12))
    } else if a >= 1e9 {
        format!("{}B", format_value(v / 1e9))
    } else if a >= 1e6 {
        format!("{}M", format_value(v / 1e6))
    } else if a >= 1e4 {
        format!("{}k", format_value(v / 1e3))
    } else {
        format_value((v * 100.0).round() / 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(
            csv_text(
                &["a", "b", "c"],
                [vec!["x", "b,c", "say \"hi\""], vec!["two\nlines", "", "z"]]
            ),
            "a,b,c\nx,\"b,c\",\"say \"\"hi\"\"\"\n\"two\nlines\",,z\n"
        );
    }

    #[test]
    fn places_are_counted_in_words_that_agree() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(places_words(&v(&["Zhejiang"])), "1 province");
        assert_eq!(
            places_words(&v(&["Zhejiang", "China", "Hubei", "Central region"])),
            "2 provinces, the country and 1 region"
        );
        assert_eq!(places_words(&v(&["China"])), "the country");
    }

    #[test]
    fn amounts_start_at_zero_and_rates_at_their_range() {
        let spec = |unit: &str, ys: &[f64]| ChartSpec {
            title: String::new(),
            subtitle: String::new(),
            source: String::new(),
            x_label: "year".into(),
            y_label: unit_label(unit),
            body: Body::Xy {
                series: vec![Series {
                    name: "actual".into(),
                    color: [0, 0, 0],
                    style: Style::LineAndPoints,
                    points: ys
                        .iter()
                        .enumerate()
                        .map(|(i, &y)| (2020.0 + i as f64, y))
                        .collect(),
                    labels: Vec::new(),
                }],
                vlines: Vec::new(),
            },
        };
        let money = spec("yuan", &[8.1e12, 8.5e12]);
        assert_eq!(money.bounds().1.0, 0.0);
        assert!(!money.axis_break());
        let jobs = spec("count", &[1_000_000.0, 1_100_000.0]);
        assert_eq!(jobs.bounds().1.0, 0.0);
        let rate = spec("%", &[72.0, 72.7, 75.0]);
        assert!(rate.bounds().1.0 > 60.0);
        assert!(rate.axis_break());
        let small = spec("%", &[0.1, 2.0]);
        assert_eq!(small.bounds().1.0, 0.0);
    }

    #[test]
    fn ticks() {
        assert_eq!(tick(8.5e12), "8.5T");
        assert_eq!(tick(130000.0), "130k");
        assert_eq!(tick(6.5), "6.5");
    }
}
