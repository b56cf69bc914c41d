//! The extractor against the annotated corpus (tests/data/gold.jsonl), scored the way
//! ../shared/corpus/score.py scores it. Floors sit just under the achieved figures and
//! only ever go up.

use std::collections::HashMap;

use serde_json::Value;

const FLOOR_NUMBERS_F1: f64 = 0.99;
const FLOOR_FULL_F1: f64 = 0.98;
const FLOOR_COMPARATOR: f64 = 0.98;
const FLOOR_BASELINE: f64 = 0.95;

fn norm_unit(u: &str) -> String {
    let u = u.trim().to_lowercase();
    match u.as_str() {
        "percent" | "per cent" | "percentage" => "%".into(),
        "percentage point" | "percentage points" | "ppt" => "pp".into(),
        "rmb" | "cny" | "yuan rmb" => "yuan".into(),
        "us$" | "dollar" | "dollars" | "us dollars" => "usd".into(),
        "kilometers" | "kilometres" | "kilometer" => "km".into(),
        "square kilometers" | "km2" => "sqkm".into(),
        "year" => "years".into(),
        "ton" | "tonnes" | "tonne" => "tons".into(),
        "items" | "units" | "people" | "persons" => "count".into(),
        _ => u,
    }
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= f64::max(1e-6 * f64::max(a.abs(), b.abs()), 1e-9)
}

#[derive(Debug)]
struct Item {
    doc: String,
    kind: String,
    province: String,
    year: i64,
    value: f64,
    unit: String,
    comparator: String,
    baseline: Option<f64>,
    quote: String,
    start: Option<usize>,
    optional: bool,
}

impl Item {
    fn from(v: &Value) -> Item {
        Item {
            doc: v["doc"].as_str().unwrap_or("").to_string(),
            kind: v["kind"].as_str().unwrap_or("").to_string(),
            province: v["province"].as_str().unwrap_or("").to_string(),
            year: v["year"].as_i64().unwrap_or(0),
            value: v["value"].as_f64().unwrap_or(f64::NAN),
            unit: norm_unit(v["unit"].as_str().unwrap_or("")),
            comparator: v["comparator"].as_str().unwrap_or("").to_string(),
            baseline: v["baseline"]["value"].as_f64(),
            quote: v["quote"].as_str().unwrap_or("").to_string(),
            start: v["start"].as_u64().map(|s| s as usize),
            optional: v["optional"].as_bool().unwrap_or(false),
        }
    }
    fn position(&self, docs: &HashMap<String, String>) -> Option<usize> {
        self.start
            .or_else(|| docs.get(&self.doc)?.find(&self.quote))
    }
    fn key_numbers(&self) -> (String, String) {
        (self.doc.clone(), self.unit.clone())
    }
    fn key_full(&self) -> (String, String, String, i64, String) {
        (
            self.doc.clone(),
            self.kind.clone(),
            self.province.clone(),
            self.year,
            self.unit.clone(),
        )
    }
}

/// Greedy one-to-one matching: same key and value, nearest position first.
fn matching<K: PartialEq>(
    gold: &[Item],
    pred: &[Item],
    key: impl Fn(&Item) -> K,
    docs: &HashMap<String, String>,
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            if key(g) == key(p) && close(g.value, p.value) {
                let d = match (g.position(docs), p.position(docs)) {
                    (Some(a), Some(b)) => a.abs_diff(b),
                    _ => usize::MAX,
                };
                pairs.push((d, gi, pi));
            }
        }
    }
    pairs.sort();
    let (mut ug, mut up) = (vec![false; gold.len()], vec![false; pred.len()]);
    let mut out = Vec::new();
    for (_, gi, pi) in pairs {
        if !ug[gi] && !up[pi] {
            ug[gi] = true;
            up[pi] = true;
            out.push((gi, pi));
        }
    }
    out
}

fn f1(gold: &[Item], pred: &[Item], pairs: &[(usize, usize)]) -> (f64, f64, f64) {
    let tp = pairs.iter().filter(|(g, _)| !gold[*g].optional).count() as f64;
    let matched_opt = pairs.iter().filter(|(g, _)| gold[*g].optional).count() as f64;
    let n_gold = gold.iter().filter(|g| !g.optional).count() as f64;
    let n_pred = pred.len() as f64 - matched_opt;
    let p = if n_pred > 0.0 { tp / n_pred } else { 0.0 };
    let r = if n_gold > 0.0 { tp / n_gold } else { 0.0 };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

#[test]
fn gold_scores_stay_above_their_floors() {
    score_set("tests/data/gold.jsonl", "assets/samples");
}

/// Documents written for the tests (tests/data/extra/README.md): other phrasings.
#[test]
fn extra_set_scores_stay_above_their_floors() {
    score_set("tests/data/extra/gold.jsonl", "tests/data/extra");
}

fn score_set(gold_path: &str, docs_dir: &str) {
    let gold_text = std::fs::read_to_string(gold_path).expect("gold file");
    let gold: Vec<Item> = gold_text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| Item::from(&serde_json::from_str::<Value>(l).expect("gold line is JSON")))
        .collect();
    let mut docs = HashMap::new();
    let mut pred = Vec::new();
    let mut names: Vec<String> = gold.iter().map(|g| g.doc.clone()).collect();
    names.sort();
    names.dedup();
    for name in &names {
        let text = std::fs::read_to_string(format!("{docs_dir}/{name}")).expect("document");
        for x in plantrack::extract::extract(name, &text) {
            let v = plantrack::cli::extraction_json(name, &text, &x);
            let item = Item::from(&v);
            assert!(
                text.contains(&item.quote),
                "quote outside its document: {}",
                item.quote
            );
            pred.push(item);
        }
        docs.insert(name.clone(), text);
    }
    let numbers = f1(
        &gold,
        &pred,
        &matching(&gold, &pred, Item::key_numbers, &docs),
    );
    let full_pairs = matching(&gold, &pred, Item::key_full, &docs);
    let full = f1(&gold, &pred, &full_pairs);
    let cmp_ok = full_pairs
        .iter()
        .filter(|(g, p)| gold[*g].comparator == pred[*p].comparator)
        .count() as f64
        / full_pairs.len().max(1) as f64;
    let with_base: Vec<_> = full_pairs
        .iter()
        .filter(|(g, _)| gold[*g].baseline.is_some())
        .collect();
    let base_ok = with_base
        .iter()
        .filter(|(g, p)| {
            pred[*p]
                .baseline
                .is_some_and(|b| close(b, gold[*g].baseline.unwrap()))
        })
        .count() as f64
        / with_base.len().max(1) as f64;
    println!(
        "numbers P={:.3} R={:.3} F1={:.3}; full P={:.3} R={:.3} F1={:.3}; comparator {:.3}; baseline {:.3}",
        numbers.0, numbers.1, numbers.2, full.0, full.1, full.2, cmp_ok, base_ok
    );
    assert!(
        numbers.2 >= FLOOR_NUMBERS_F1,
        "numbers F1 {:.3} below {FLOOR_NUMBERS_F1}",
        numbers.2
    );
    assert!(
        full.2 >= FLOOR_FULL_F1,
        "full F1 {:.3} below {FLOOR_FULL_F1}",
        full.2
    );
    assert!(
        cmp_ok >= FLOOR_COMPARATOR,
        "comparator accuracy {cmp_ok:.3} below {FLOOR_COMPARATOR}"
    );
    assert!(
        base_ok >= FLOOR_BASELINE,
        "baseline accuracy {base_ok:.3} below {FLOOR_BASELINE}"
    );
}
