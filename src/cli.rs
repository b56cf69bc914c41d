//! Command-line subcommands (extended later in this file).

use crate::extract;
use crate::model::Extraction;

pub fn extraction_json(doc: &str, text: &str, x: &Extraction) -> serde_json::Value {
    let mut o = serde_json::json!({
        "doc": doc,
        "kind": x.kind.as_str(),
        "province": x.province,
        "year": x.year,
        "indicator": x.indicator,
        "indicator_key": x.indicator_key,
        "value": x.value,
        "unit": x.unit,
        "comparator": x.comparator.symbol(),
        "wording": x.wording,
        "quote": &text[x.sentence.start..x.sentence.end],
        "start": x.sentence.start,
        "end": x.sentence.end,
        "number_start": x.number.start,
        "number_end": x.number.end,
    });
    if let Some(p) = x.period {
        o["period"] = serde_json::Value::String(p.to_string());
    }
    if let Some(b) = x.baseline {
        o["baseline"] = serde_json::json!({"value": b.value, "year": b.year});
    }
    o
}

pub fn run(args: Vec<String>) -> i32 {
    let mut out = Vec::new();
    for path in args.iter().filter(|a| !a.starts_with("--")) {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("plantrack: cannot read {path}: {e}");
                return 1;
            }
        };
        let name = std::path::Path::new(path)
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        for x in extract::extract(&name, &text) {
            out.push(extraction_json(&name, &text, &x));
        }
    }
    println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    0
}
