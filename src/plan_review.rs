//! Plan versus outcome, as the planners' own review tables show it (the NDRC's annual
//! "projected / actual / performance", the mid-term review's "16 of 20 indicators on
//! track"): per target the plan's words, the target, the outcome and its year, the
//! difference, and the verdict.

use std::collections::BTreeMap;

use crate::model::{Finding, Id, Kind, Project, Review};
use crate::progress::{Status, StatusIndex};

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: Id,
    pub province: String,
    pub year: i32,
    pub period: Option<String>,
    pub indicator: String,
    /// The plan's own words ("above 6.5%").
    pub wording: String,
    pub target: f64,
    pub unit: String,
    /// The outcome the verdict rests on: (year, value).
    pub outcome: Option<(i32, f64)>,
    /// Outcome minus target: in percentage points for rates and shares, else in percent
    /// of the target.
    pub difference: Option<(f64, String)>,
    pub status: Status,
    pub verdict: String,
}

impl Row {
    /// "+2.0 pp", "-8%".
    pub fn difference_text(&self) -> String {
        match &self.difference {
            Some((d, u)) if u == "pp" => format!("{d:+.1} pp"),
            Some((d, _)) => format!("{d:+.0}%"),
            None => String::new(),
        }
    }
}

/// One row per target that `keep` selects and the user has not rejected, by province,
/// year and indicator.
pub fn rows(project: &Project, index: &StatusIndex, keep: &dyn Fn(&Finding) -> bool) -> Vec<Row> {
    let tol = project.settings.approx_tolerance_pct;
    let mut out: Vec<Row> = project
        .findings
        .iter()
        .filter(|f| f.data.kind == Kind::Target && f.review != Review::Rejected && keep(f))
        .map(|f| {
            let t = &f.data;
            let a = index.get(f.id);
            let outcome = a.and_then(|a| a.latest);
            let status = a.map_or(Status::NoData, |a| a.status);
            let difference = outcome
                .filter(|_| status != Status::NotComparable)
                .and_then(|(_, v)| {
                    if t.unit == "%" || t.unit == "pp" {
                        Some((v - t.value, "pp".to_string()))
                    } else if t.value != 0.0 {
                        Some(((v - t.value) / t.value.abs() * 100.0, "%".to_string()))
                    } else {
                        None
                    }
                });
            let verdict = match a {
                Some(a) => format!("{} ({})", status.as_str(), a.reason(t, tol)),
                None => status.as_str().to_string(),
            };
            Row {
                id: f.id,
                province: t.province.clone(),
                year: t.year,
                period: t.period.map(|p| p.to_string()),
                indicator: crate::extract::indicator::shown_label(
                    &t.indicator,
                    t.indicator_key.as_deref(),
                ),
                wording: crate::chart::target_words(f),
                target: t.value,
                unit: t.unit.clone(),
                outcome,
                difference,
                status,
                verdict,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (&a.province, a.year, &a.indicator, a.id).cmp(&(&b.province, b.year, &b.indicator, b.id))
    });
    out
}

/// "6 met, 1 missed, 3 no data"
pub fn count_line(rows: &[Row]) -> String {
    let mut counts: BTreeMap<Status, usize> = BTreeMap::new();
    for r in rows {
        *counts.entry(r.status).or_default() += 1;
    }
    let s = crate::progress::summary(&counts);
    if s.is_empty() { "no targets".into() } else { s }
}

/// The table as CSV.
pub fn csv(rows: &[Row]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "province",
        "year",
        "period",
        "indicator",
        "plan_wording",
        "target",
        "unit",
        "outcome",
        "outcome_year",
        "difference",
        "difference_unit",
        "status",
        "verdict",
        "target_id",
    ]);
    for r in rows {
        let _ = w.write_record([
            r.province.clone(),
            r.year.to_string(),
            r.period.clone().unwrap_or_default(),
            r.indicator.clone(),
            r.wording.clone(),
            format!("{}", r.target),
            r.unit.clone(),
            r.outcome.map(|o| format!("{}", o.1)).unwrap_or_default(),
            r.outcome.map(|o| o.0.to_string()).unwrap_or_default(),
            r.difference
                .as_ref()
                .map(|d| format!("{:.2}", d.0))
                .unwrap_or_default(),
            r.difference
                .as_ref()
                .map(|d| d.1.clone())
                .unwrap_or_default(),
            r.status.as_str().to_string(),
            r.verdict.clone(),
            r.id.to_string(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
