//! Migrations from older project file formats, one step per version.
//!
//! Format 1 (PlanTrack 0.1 development builds) kept targets and extracted actuals in one
//! flat `targets` list without review state or number spans, comparators as symbols,
//! and recorded actuals with only a note.

use serde::Deserialize;

use crate::model::{
    Baseline, Comparator, Document, Extraction, Finding, Kind, Observation, Period, Project,
    Review, Settings, Source, Span,
};

#[derive(Debug, Deserialize)]
pub struct V1Project {
    pub version: u32,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub documents: Vec<V1Document>,
    #[serde(default)]
    pub targets: Vec<V1Target>,
    #[serde(default)]
    pub actuals: Vec<V1Actual>,
}

#[derive(Debug, Deserialize)]
pub struct V1Document {
    pub id: u64,
    pub title: String,
    pub file_name: String,
    #[serde(default)]
    pub hash: String,
    #[serde(default)]
    pub imported: u64,
    pub text: String,
}

#[derive(Debug, Deserialize)]
pub struct V1Target {
    pub id: u64,
    pub doc: u64,
    /// "target" or "actual"
    pub kind: String,
    pub province: String,
    pub year: i32,
    #[serde(default)]
    pub period: Option<(i32, i32)>,
    pub indicator: String,
    pub value: f64,
    pub unit: String,
    /// ">", ">=", "~", "<=", "<", "="
    pub comparator: String,
    /// (value, year)
    #[serde(default)]
    pub baseline: Option<(f64, i32)>,
    pub quote_start: usize,
    pub quote_end: usize,
}

#[derive(Debug, Deserialize)]
pub struct V1Actual {
    pub id: u64,
    pub target: u64,
    pub year: i32,
    pub value: f64,
    #[serde(default)]
    pub note: String,
}

pub fn from_v1(old: V1Project) -> Project {
    let lex = crate::extract::lexicon::Lexicon::get();
    let documents = old
        .documents
        .into_iter()
        .map(|d| Document {
            id: d.id,
            title: d.title,
            file_name: d.file_name,
            path: String::new(),
            hash: if d.hash.is_empty() {
                crate::util::sha256_hex(d.text.as_bytes())
            } else {
                d.hash
            },
            imported: d.imported,
            encoding: "UTF-8".into(),
            format: "text".into(),
            report_year: None,
            report_date_note: String::new(),
            text: d.text,
        })
        .collect();
    let mut units = std::collections::HashMap::new();
    let findings = old
        .targets
        .into_iter()
        .map(|t| {
            units.insert(t.id, t.unit.clone());
            let sentence = Span::new(t.quote_start, t.quote_end);
            Finding {
                id: t.id,
                doc: t.doc,
                // format 1 kept only what the user had not deleted
                review: Review::Accepted,
                data: Extraction {
                    kind: if t.kind == "actual" {
                        Kind::Actual
                    } else {
                        Kind::Target
                    },
                    indicator_key: crate::extract::indicator::key(lex, &t.indicator, &t.unit),
                    province: t.province,
                    year: t.year,
                    period: t.period.map(|(start, end)| Period { start, end }),
                    indicator: t.indicator,
                    value: t.value,
                    unit: t.unit,
                    comparator: Comparator::from_symbol(&t.comparator).unwrap_or_default(),
                    baseline: t.baseline.map(|(value, year)| Baseline { value, year }),
                    wording: String::new(),
                    sentence,
                    number: sentence,
                    confidence: None,
                    doubt: None,
                },
            }
        })
        .collect();
    let observations = old
        .actuals
        .into_iter()
        .map(|a| Observation {
            id: a.id,
            target: a.target,
            year: a.year,
            value: a.value,
            unit: units.get(&a.target).cloned().unwrap_or_default(),
            note: a.note,
            source_ref: String::new(),
            source: Source::Manual,
            recorded: 0,
        })
        .collect();
    let mut p = Project {
        version: crate::model::PROJECT_VERSION,
        name: old.name,
        documents,
        findings,
        observations,
        settings: Settings::default(),
        next_id: 1,
    };
    let _ = old.version;
    p.fix_next_id();
    p
}
