//! Status of a target from its comparator, value, deadline, baseline and actuals.
//!
//! The rules, in order:
//! 1. No actual at all: **no data**.
//! 2. No actual in the target's unit: **not comparable** (a "%" target is never judged
//!    against a "pp" change, nor yuan against US dollars).
//! 3. An actual for the deadline year (or, failing that, the first one after it): the
//!    comparator decides **met** or **missed**. "Above 6.5%" is met by 6.6, "no more
//!    than 5.5%" by 5.2, "about 3%" by anything within the project's tolerance (5% of
//!    the target by default, set in the project) or, for a figure the plan wants low
//!    ("unemployment around 5.5%", "prices up about 3%"), by anything below; a plain
//!    figure ("build 80", "reach 75%") by reaching it in the direction the plan moves.
//! 4. Only actuals before the deadline: annual rates ("grow 12% a year") compare the
//!    latest actual with the rate itself; levels compare it with the straight path from
//!    the baseline (the plan's own "from X", or the earliest actual) to the target:
//!    **on track** when at or beyond the path, or already meeting the target; **behind**
//!    otherwise. One actual and no baseline is too little to judge: **no data**, with
//!    the reason given.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::model::{Comparator, Extraction, Id, Kind, Project, Review};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Met,
    OnTrack,
    Behind,
    Missed,
    NoData,
    NotComparable,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Met,
        Status::OnTrack,
        Status::Behind,
        Status::Missed,
        Status::NoData,
        Status::NotComparable,
    ];

    /// Its place in `ALL`: the order statuses are stacked and listed in (met first).
    pub fn rank(self) -> usize {
        Status::ALL
            .iter()
            .position(|s| *s == self)
            .unwrap_or(Status::ALL.len())
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::OnTrack => "on track",
            Status::Behind => "behind",
            Status::Missed => "missed",
            Status::NoData => "no data",
            Status::NotComparable => "not comparable",
        }
    }

    /// Colour as sRGB, chosen to stay distinct for common colour-vision deficiencies
    /// (Okabe-Ito); the word is always shown too.
    pub fn rgb(self) -> [u8; 3] {
        match self {
            Status::Met => [0, 158, 115],
            Status::OnTrack => [86, 180, 233],
            Status::Behind => [230, 159, 0],
            Status::Missed => [213, 94, 0],
            Status::NoData => [150, 150, 150],
            Status::NotComparable => [204, 121, 167],
        }
    }
}

/// An actual as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point<'a> {
    pub year: i32,
    pub value: f64,
    pub unit: &'a str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub status: Status,
    /// The actual the judgement rests on.
    pub latest: Option<(i32, f64)>,
    /// Where the straight path to the target stands in the latest actual's year.
    pub expected: Option<f64>,
    /// Which rule decided; `reason` turns it into a sentence when one is shown, so
    /// that judging a whole project formats no text.
    pub why: Why,
}

/// The rule behind a status, with what its sentence needs beyond the assessment.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    NoActual,
    /// The units the actuals are in, none of them the target's.
    OtherUnits(String),
    /// An actual at or after the deadline decided.
    Deadline,
    /// An annual rate judged by the latest year.
    Rate,
    AlreadyMeets,
    OneActualNoBaseline,
    NotAfterBaseline(i32),
    /// Compared with the straight path from this baseline (year, value).
    Path(i32, f64),
}

impl Assessment {
    /// One sentence a user can read: why this status.
    pub fn reason(&self, t: &Extraction, tolerance_pct: f64) -> String {
        let q = |v: f64| crate::util::format_quantity(v, &t.unit);
        let target_words = match t.comparator.words() {
            "" => q(t.value),
            w => format!("{w} {}", q(t.value)),
        };
        let (year, value) = self.latest.unwrap_or((t.year, f64::NAN));
        let deadline = t.year;
        match &self.why {
            Why::NoActual => "no actual recorded yet".into(),
            Why::OtherUnits(units) => format!(
                "the actuals are in {units}, the target in {}: they are not compared",
                t.unit
            ),
            Why::Deadline => {
                let near = (value - t.value).abs() <= tolerance_pct / 100.0 * t.value.abs();
                let tol = match t.comparator {
                    Comparator::Approx if near => format!(" (within {tolerance_pct}%)"),
                    // met beyond the tolerance: on the side the plan wants
                    Comparator::Approx if self.status == Status::Met => {
                        if value > t.value {
                            ", exceeded".into()
                        } else {
                            ", kept below".into()
                        }
                    }
                    Comparator::Approx => format!(" (more than {tolerance_pct}% off)"),
                    _ => String::new(),
                };
                format!("{} in {year}: the target was {target_words}{tol}", q(value))
            }
            Why::Rate => format!(
                "{} in {year}, against a rate of {target_words} each year",
                q(value)
            ),
            Why::AlreadyMeets => format!(
                "{} in {year} already meets the {deadline} target of {target_words}",
                q(value)
            ),
            Why::OneActualNoBaseline => format!(
                "one actual before the deadline and no baseline: too early to judge the path to {target_words} by {deadline}"
            ),
            Why::NotAfterBaseline(by) => format!("no actual after the {by} baseline yet"),
            Why::Path(by, bv) => format!(
                "{} in {year}; the straight path from {} in {by} to {} in {deadline} stands at {} then",
                q(value),
                q(*bv),
                q(t.value),
                q(self.expected.unwrap_or(f64::NAN))
            ),
        }
    }
}

/// Units written differently that mean the same; no allocation, as this runs for
/// every actual of a project.
fn unit_class(u: &str) -> &str {
    let u = u.trim();
    let any = |names: &[&str]| names.iter().any(|n| u.eq_ignore_ascii_case(n));
    if any(&["percent", "per cent", "%"]) {
        "%"
    } else if any(&["percentage points", "percentage point", "pp"]) {
        "pp"
    } else if any(&["rmb", "yuan", "cny"]) {
        "yuan"
    } else if any(&["items", "units", "people", "persons", "count", ""]) {
        "count"
    } else {
        u
    }
}

fn same_unit(a: &str, b: &str) -> bool {
    a == b || unit_class(a).eq_ignore_ascii_case(unit_class(b))
}

/// A case-insensitive matcher for any of `words`: one pass over the text, however many
/// words, as this runs for every target of a project.
fn any_word_matcher(words: &[&str]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .expect("a handful of literal words always builds")
}

/// Indicators that name something the plan wants to go down.
static FALLING: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    any_word_matcher(&[
        "decline",
        "decrease",
        "reduction",
        "reduce",
        "unemployment",
        "intensity",
        "deficit",
        "death",
        "accident",
        "coal",
        "consumption per",
        "emission",
        "income gap",
        "poverty",
        "pm2.5",
        "concentration",
        "debt",
        "consumer price",
        "cpi",
        "inflation",
    ])
});

/// Indicators that name a yearly rate of change.
static RATES: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    any_word_matcher(&["growth", "increase", "decline", "annual", "grow", "rise"])
});

/// Does the plan want the figure to go down? ("no more than", "reduce", "from 0.45 to 0.37")
pub fn lower_is_better(t: &Extraction) -> bool {
    match t.comparator {
        Comparator::Lt | Comparator::Le => return true,
        Comparator::Gt | Comparator::Ge => return false,
        _ => {}
    }
    if let Some(b) = t.baseline
        && b.value != t.value
    {
        return t.value < b.value;
    }
    FALLING.is_match(&t.indicator)
}

/// Is this a rate that applies to each year on its own ("grow 12% annually")?
pub fn is_annual_rate(t: &Extraction) -> bool {
    if !matches!(t.unit.as_str(), "%" | "pp") {
        return false;
    }
    let key_rate = t
        .indicator_key
        .as_deref()
        .is_some_and(|k| k.ends_with("_growth") || k == "cpi" || k.ends_with("_decline"));
    key_rate || RATES.is_match(&t.indicator)
}

/// Does `v` satisfy the target at its deadline?
pub fn satisfies(t: &Extraction, v: f64, tolerance_pct: f64) -> bool {
    let target = t.value;
    let eps = 1e-9 * target.abs().max(1.0);
    match t.comparator {
        Comparator::Gt => v > target + eps,
        Comparator::Ge => v >= target - eps,
        Comparator::Lt => v < target - eps,
        Comparator::Le => v <= target + eps,
        // "keep unemployment around 5.5%", "consumer prices up about 3%": a ceiling in
        // all but name, so a lower figure meets it too; "GDP growth of about 8%" is a
        // floor in all but name, exceeded by 9.5% (the planners' review says so)
        Comparator::Approx => {
            let lower = lower_is_better(t);
            (v - target).abs() <= tolerance_pct / 100.0 * target.abs() + eps
                || (v < target && lower)
                || (v > target && !lower)
        }
        Comparator::Eq => {
            if lower_is_better(t) {
                v <= target + eps
            } else {
                v >= target - eps
            }
        }
    }
}

/// Judge a target given its actuals (any order, any units).
pub fn assess(t: &Extraction, actuals: &[Point], tolerance_pct: f64) -> Assessment {
    let judged = |status, latest: Option<Point>, expected, why| Assessment {
        status,
        latest: latest.map(|p| (p.year, p.value)),
        expected,
        why,
    };
    if actuals.is_empty() {
        return judged(Status::NoData, None, None, Why::NoActual);
    }
    let mut pts: Vec<Point> = actuals
        .iter()
        .copied()
        .filter(|p| same_unit(p.unit, &t.unit) && p.value.is_finite())
        .collect();
    if pts.is_empty() {
        let units: Vec<&str> = actuals.iter().map(|p| p.unit).collect();
        return judged(
            Status::NotComparable,
            None,
            None,
            Why::OtherUnits(units.join(", ")),
        );
    }
    pts.sort_by_key(|p| p.year);
    let deadline = t.year;

    // 3. at or after the deadline
    if let Some(p) = pts
        .iter()
        .find(|p| p.year == deadline)
        .or_else(|| pts.iter().find(|p| p.year > deadline))
    {
        let ok = satisfies(t, p.value, tolerance_pct);
        let status = if ok { Status::Met } else { Status::Missed };
        return judged(status, Some(*p), Some(t.value), Why::Deadline);
    }

    // 4. before the deadline
    let latest = *pts.last().expect("non-empty");
    if is_annual_rate(t) || t.period.is_some() && matches!(t.unit.as_str(), "%" | "pp") {
        let ok = satisfies(t, latest.value, tolerance_pct);
        let status = if ok { Status::OnTrack } else { Status::Behind };
        return judged(status, Some(latest), Some(t.value), Why::Rate);
    }
    if satisfies(t, latest.value, tolerance_pct) && t.comparator != Comparator::Approx {
        return judged(
            Status::OnTrack,
            Some(latest),
            Some(t.value),
            Why::AlreadyMeets,
        );
    }
    let base = t
        .baseline
        .filter(|b| b.year < deadline && b.value.is_finite())
        .map(|b| (b.year, b.value))
        .or_else(|| {
            let first = pts[0];
            (pts.len() >= 2 && first.year < latest.year).then_some((first.year, first.value))
        });
    let Some((by, bv)) = base else {
        return judged(Status::NoData, Some(latest), None, Why::OneActualNoBaseline);
    };
    if latest.year <= by {
        return judged(
            Status::NoData,
            Some(latest),
            None,
            Why::NotAfterBaseline(by),
        );
    }
    let frac = f64::from(latest.year - by) / f64::from(deadline - by);
    let expected = bv + (t.value - bv) * frac;
    let down = if t.value != bv {
        t.value < bv
    } else {
        lower_is_better(t)
    };
    let slack = if t.comparator == Comparator::Approx {
        tolerance_pct / 100.0 * t.value.abs()
    } else {
        1e-9 * t.value.abs().max(1.0)
    };
    let ok = if down {
        latest.value <= expected + slack
    } else {
        latest.value >= expected - slack
    };
    let status = if ok { Status::OnTrack } else { Status::Behind };
    judged(status, Some(latest), Some(expected), Why::Path(by, bv))
}

/// Statuses of every target in a project; recompute only when the project changes.
#[derive(Debug, Default, Clone)]
pub struct StatusIndex {
    /// (target id, assessment), sorted by id: built in one pass, looked up by binary
    /// search, with no hash table to fill for a hundred thousand targets.
    by_target: Vec<(Id, Assessment)>,
}

impl StatusIndex {
    pub fn build(project: &Project) -> StatusIndex {
        // actuals grouped by target with one sort, not a vector per target
        let mut order: Vec<(Id, u32)> = project
            .observations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.target, i as u32))
            .collect();
        order.sort_unstable();
        let points: Vec<Point> = order
            .iter()
            .map(|&(_, i)| {
                let o = &project.observations[i as usize];
                Point {
                    year: o.year,
                    value: o.value,
                    unit: &o.unit,
                }
            })
            .collect();
        let tol = project.settings.approx_tolerance_pct;
        let mut by_target: Vec<(Id, Assessment)> = project
            .findings
            .par_iter()
            .filter(|f| f.data.kind == Kind::Target)
            .map(|f| {
                // this target's actuals: a run in the sorted order, found by bisection
                let a = order.partition_point(|(t, _)| *t < f.id);
                let n = order[a..].partition_point(|(t, _)| *t == f.id);
                let pts = &points[a..a + n];
                (f.id, assess(&f.data, pts, tol))
            })
            .collect();
        if !by_target.is_sorted_by_key(|(id, _)| *id) {
            by_target.sort_unstable_by_key(|(id, _)| *id);
        }
        StatusIndex { by_target }
    }

    /// The assessment of a target.
    pub fn get(&self, id: Id) -> Option<&Assessment> {
        self.by_target
            .binary_search_by_key(&id, |(i, _)| *i)
            .ok()
            .map(|i| &self.by_target[i].1)
    }

    /// How many targets were judged.
    pub fn len(&self) -> usize {
        self.by_target.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_target.is_empty()
    }

    pub fn status(&self, id: Id) -> Option<Status> {
        self.get(id).map(|a| a.status)
    }
}

/// Counts of statuses per province and deadline year, over targets not rejected.
pub fn rollup(
    project: &Project,
    index: &StatusIndex,
) -> BTreeMap<(String, i32), BTreeMap<Status, usize>> {
    let mut out: BTreeMap<(String, i32), BTreeMap<Status, usize>> = BTreeMap::new();
    for f in &project.findings {
        if f.data.kind != Kind::Target || f.review == Review::Rejected {
            continue;
        }
        if let Some(s) = index.status(f.id) {
            *out.entry((f.data.province.clone(), f.data.year))
                .or_default()
                .entry(s)
                .or_default() += 1;
        }
    }
    out
}

/// "16 on track, 4 behind"
pub fn summary(counts: &BTreeMap<Status, usize>) -> String {
    Status::ALL
        .iter()
        .filter_map(|s| {
            counts
                .get(s)
                .filter(|n| **n > 0)
                .map(|n| format!("{n} {}", s.as_str()))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Baseline, Span};

    fn target(
        cmp: Comparator,
        value: f64,
        year: i32,
        baseline: Option<(f64, i32)>,
        indicator: &str,
    ) -> Extraction {
        Extraction {
            kind: Kind::Target,
            province: "Zhejiang".into(),
            year,
            period: None,
            indicator: indicator.into(),
            indicator_key: None,
            value,
            unit: "%".into(),
            comparator: cmp,
            baseline: baseline.map(|(value, year)| Baseline { value, year }),
            wording: String::new(),
            sentence: Span::default(),
            number: Span::default(),
            confidence: None,
            doubt: None,
        }
    }

    fn pt(year: i32, value: f64) -> Point<'static> {
        Point {
            year,
            value,
            unit: "%",
        }
    }

    /// Every comparator, before / at / after the deadline, with and without a baseline.
    #[test]
    fn status_table() {
        use Comparator::*;
        use Status::*;
        // (comparator, target, baseline, actuals, expected status)
        #[rustfmt::skip]
                type Row = (Comparator, f64, Option<(f64, i32)>, Vec<Point<'static>>, Status);
        let table: Vec<Row> = vec![
            // at the deadline (2025)
            (Gt, 6.5, None, vec![pt(2025, 6.6)], Met),
            (Gt, 6.5, None, vec![pt(2025, 6.5)], Missed),
            (Ge, 6.5, None, vec![pt(2025, 6.5)], Met),
            (Ge, 6.5, None, vec![pt(2025, 6.4)], Missed),
            (Approx, 3.0, None, vec![pt(2025, 3.1)], Met),
            (Approx, 3.0, None, vec![pt(2025, 2.5)], Missed),
            // a level wanted high is exceeded above "about"
            (Approx, 3.0, None, vec![pt(2025, 3.5)], Met),
            (Le, 5.5, None, vec![pt(2025, 5.2)], Met),
            (Le, 5.5, None, vec![pt(2025, 5.6)], Missed),
            (Lt, 5.5, None, vec![pt(2025, 5.5)], Missed),
            (Lt, 5.5, None, vec![pt(2025, 5.4)], Met),
            (Eq, 75.0, None, vec![pt(2025, 75.0)], Met),
            (Eq, 75.0, None, vec![pt(2025, 74.0)], Missed),
            (Eq, 42.0, Some((48.0, 2020)), vec![pt(2025, 41.0)], Met),
            (Eq, 42.0, Some((48.0, 2020)), vec![pt(2025, 44.0)], Missed),
            // after the deadline only: the first later actual decides
            (Gt, 6.5, None, vec![pt(2026, 7.0)], Met),
            (Le, 5.5, Some((6.0, 2020)), vec![pt(2027, 6.0)], Missed),
            // before the deadline, with a baseline: the straight path
            (Eq, 75.0, Some((70.0, 2020)), vec![pt(2022, 72.0)], OnTrack),
            (Eq, 75.0, Some((70.0, 2020)), vec![pt(2022, 71.0)], Behind),
            (Gt, 75.0, Some((70.0, 2020)), vec![pt(2023, 73.0)], OnTrack),
            (Ge, 75.0, Some((70.0, 2020)), vec![pt(2023, 72.0)], Behind),
            (Le, 40.0, Some((50.0, 2020)), vec![pt(2022, 45.0)], OnTrack),
            (Le, 40.0, Some((50.0, 2020)), vec![pt(2022, 48.0)], Behind),
            (Lt, 40.0, Some((50.0, 2020)), vec![pt(2024, 41.0)], OnTrack),
            (
                Approx,
                75.0,
                Some((70.0, 2020)),
                vec![pt(2022, 71.5)],
                OnTrack,
            ),
            (
                Approx,
                75.0,
                Some((70.0, 2020)),
                vec![pt(2022, 60.0)],
                Behind,
            ),
            // before the deadline, without a baseline
            (Gt, 75.0, None, vec![pt(2022, 76.0)], OnTrack),
            (Le, 5.5, None, vec![pt(2022, 5.0)], OnTrack),
            (Gt, 75.0, None, vec![pt(2022, 71.0)], NoData),
            (
                Eq,
                75.0,
                None,
                vec![pt(2021, 70.0), pt(2023, 73.0)],
                OnTrack,
            ),
            (Eq, 75.0, None, vec![pt(2021, 70.0), pt(2023, 71.0)], Behind),
            (Approx, 75.0, None, vec![pt(2022, 70.0)], NoData),
            // no actual
            (Gt, 6.5, None, vec![], NoData),
            (Approx, 3.0, Some((2.0, 2020)), vec![], NoData),
        ];
        for (i, (cmp, value, base, pts, want)) in table.into_iter().enumerate() {
            let t = target(cmp, value, 2025, base, "urbanization rate");
            let got = assess(&t, &pts, 5.0);
            assert_eq!(
                got.status,
                want,
                "row {i}: {cmp:?} {value} {base:?} {pts:?}: {}",
                got.reason(&t, 5.0)
            );
            assert!(!got.reason(&t, 5.0).is_empty());
        }
    }

    #[test]
    fn annual_rates_compare_each_year() {
        let t = target(Comparator::Gt, 6.5, 2025, None, "GDP growth");
        assert_eq!(assess(&t, &[pt(2022, 7.0)], 5.0).status, Status::OnTrack);
        assert_eq!(assess(&t, &[pt(2022, 3.0)], 5.0).status, Status::Behind);
        assert_eq!(assess(&t, &[pt(2025, 6.4)], 5.0).status, Status::Missed);
    }

    #[test]
    fn units_must_match() {
        let t = target(
            Comparator::Eq,
            1.0,
            2025,
            None,
            "urbanization rate increase",
        );
        let pp = Point {
            year: 2025,
            value: 1.2,
            unit: "pp",
        };
        let a = assess(&t, &[pp], 5.0);
        assert_eq!(a.status, Status::NotComparable);
        assert!(a.reason(&t, 5.0).contains("pp"), "{}", a.reason(&t, 5.0));
        let pct = Point {
            year: 2025,
            value: 1.2,
            unit: "percent",
        };
        assert_eq!(assess(&t, &[pct], 5.0).status, Status::Met);
    }

    /// "About" a figure the plan wants low (unemployment, inflation) is met below it.
    #[test]
    fn about_a_ceiling_is_met_below_it() {
        let t = target(
            Comparator::Approx,
            5.5,
            2021,
            None,
            "urban surveyed unemployment rate",
        );
        assert_eq!(assess(&t, &[pt(2021, 4.6)], 5.0).status, Status::Met);
        assert_eq!(assess(&t, &[pt(2021, 6.2)], 5.0).status, Status::Missed);
        let t = target(
            Comparator::Approx,
            3.0,
            2021,
            None,
            "increase in consumer prices",
        );
        assert_eq!(assess(&t, &[pt(2021, 0.9)], 5.0).status, Status::Met);
        // a level the plan wants high is not met far below "about", and is above it
        let t = target(Comparator::Approx, 72.0, 2021, None, "urbanization rate");
        assert_eq!(assess(&t, &[pt(2021, 60.0)], 5.0).status, Status::Missed);
        assert_eq!(assess(&t, &[pt(2021, 74.0)], 5.0).status, Status::Met);
        let t = target(Comparator::Approx, 8.0, 2023, None, "GDP growth");
        assert_eq!(assess(&t, &[pt(2023, 9.5)], 5.0).status, Status::Met);
        assert_eq!(assess(&t, &[pt(2023, 6.9)], 5.0).status, Status::Missed);
    }

    #[test]
    fn tolerance_is_the_projects() {
        let t = target(Comparator::Approx, 3.0, 2021, None, "CPI");
        assert_eq!(assess(&t, &[pt(2021, 3.2)], 5.0).status, Status::Missed);
        assert_eq!(assess(&t, &[pt(2021, 3.2)], 10.0).status, Status::Met);
    }
}
