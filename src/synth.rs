//! Synthetic projects for benchmarks and scale tests, made from the sample findings:
//! the sample's targets repeated over provinces and years (pointing at the sample
//! documents, as targets of many reports would), plus recorded actuals.

use crate::model::{Finding, Kind, Observation, Project, Source};

/// A project of `targets` targets and `actuals` recorded actuals, built from `base`.
pub fn scaled(base: &Project, targets: usize, actuals: usize) -> Project {
    let lex = crate::extract::lexicon::Lexicon::get();
    let provinces: Vec<String> = lex
        .units
        .iter()
        .zip(&lex.unit_kind)
        .filter(|(_, k)| **k == crate::extract::lexicon::PlaceKind::Province)
        .map(|(u, _)| u.clone())
        .collect();
    let base_targets: Vec<&Finding> = base
        .findings
        .iter()
        .filter(|f| f.data.kind == Kind::Target)
        .collect();
    let mut p = Project {
        name: format!("synthetic: {targets} targets, {actuals} actuals"),
        documents: base.documents.clone(),
        ..Project::default()
    };
    p.fix_next_id();
    if base_targets.is_empty() {
        return p;
    }
    for i in 0..targets {
        let f = base_targets[i % base_targets.len()];
        let round = i / base_targets.len();
        let mut data = f.data.clone();
        data.province = provinces[round % provinces.len()].clone();
        // later rounds move to the next plan period, so years spread as in real use
        data.year += 5 * ((round / provinces.len()) % 3) as i32;
        let id = p.new_id();
        p.findings.push(Finding {
            id,
            doc: f.doc,
            review: f.review,
            data,
        });
    }
    let targets_of: Vec<(u64, i32, f64, String)> = p
        .findings
        .iter()
        .map(|f| (f.id, f.data.year, f.data.value, f.data.unit.clone()))
        .collect();
    for i in 0..actuals {
        let (target, year, value, unit) = &targets_of[i % targets_of.len()];
        let round = (i / targets_of.len()) as i32;
        let id = p.new_id();
        p.observations.push(Observation {
            id,
            target: *target,
            year: year - 1 + round % 3,
            // a deterministic spread around the target value
            value: value * (0.85 + 0.01 * ((i * 7919) % 31) as f64),
            unit: unit.clone(),
            note: String::new(),
            source_ref: String::new(),
            source: Source::Manual,
            recorded: 0,
        });
    }
    p
}
