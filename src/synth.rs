//! Synthetic projects for benchmarks and scale tests, made from the sample findings:
//! documents and findings copied with fresh ids and spread over provinces and years,
//! plus recorded actuals.

use crate::model::{Document, Finding, Kind, Observation, Project, Source};

/// A project of about `targets` targets and `actuals` recorded actuals, built by
/// repeating `base`'s documents and findings.
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
        ..Project::default()
    };
    if base_targets.is_empty() {
        return p;
    }
    let mut copy = 0usize;
    let mut made = 0usize;
    while made < targets {
        // one copy of every document per round, each round a different province
        let province = &provinces[copy % provinces.len()];
        let mut doc_ids = std::collections::HashMap::new();
        for d in &base.documents {
            let id = p.new_id();
            doc_ids.insert(d.id, id);
            p.documents.push(Document {
                id,
                title: format!("{} (copy {copy})", d.title),
                hash: format!("{}-{copy}", d.hash),
                ..d.clone()
            });
        }
        for f in &base.findings {
            if made >= targets && f.data.kind == Kind::Target {
                continue;
            }
            let id = p.new_id();
            let mut data = f.data.clone();
            data.province = province.clone();
            if f.data.kind == Kind::Target {
                made += 1;
            }
            p.findings.push(Finding {
                id,
                doc: doc_ids[&f.doc],
                review: f.review,
                data,
            });
        }
        copy += 1;
    }
    let target_ids: Vec<(u64, i32, f64, String)> = p
        .findings
        .iter()
        .filter(|f| f.data.kind == Kind::Target)
        .map(|f| (f.id, f.data.year, f.data.value, f.data.unit.clone()))
        .collect();
    for i in 0..actuals {
        let (target, year, value, unit) = &target_ids[i % target_ids.len()];
        let round = (i / target_ids.len()) as i32;
        let id = p.new_id();
        p.observations.push(Observation {
            id,
            target: *target,
            year: year - 1 + round % 3,
            // deterministic spread around the target
            value: value * (0.85 + 0.1 * ((i * 7919) % 31) as f64 / 10.0),
            unit: unit.clone(),
            note: String::new(),
            source_ref: String::new(),
            source: Source::Manual,
            recorded: 0,
        });
    }
    p
}
