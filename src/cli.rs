//! Command-line subcommands, for scripting and for checks. Each returns an exit code:
//! 0 on success, 1 on bad input (with a one-line message on stderr), 2 on bad usage.
//!
//! The subcommands and JSON fields are a contract with outside scripts: extend them,
//! never rename or drop them.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::chart::{self, render::ExportOptions};
use crate::model::{Extraction, Kind, Project, Review, Source};
use crate::ops;
use crate::progress::StatusIndex;
use crate::store;

pub const SUBCOMMANDS: &[&str] = &[
    "extract",
    "list",
    "chart",
    "record",
    "export-csv",
    "report",
    "import",
    "import-csv",
    "sample",
    "help",
    "--help",
    "-h",
    "--version",
    "-V",
];

pub const USAGE: &str = "\
PlanTrack: track plan targets against outcomes.

Usage:
  plantrack [FILE...]                       open the app (documents are imported)
  plantrack extract [--json] FILE...        print the targets and actuals found in documents
  plantrack list --project FILE [--province P] [--year Y] [--kind target|actual|all] [--json]
  plantrack chart --project FILE (--target ID | --indicator KEY --year Y | --overview)
                  --out FILE.png|FILE.svg [--width PX] [--height PX]
  plantrack record --project FILE --target ID --year Y --value V [--unit U] [--note TEXT]
  plantrack export-csv --project FILE --out FILE.csv
  plantrack report --project FILE [--province P] [--year Y] --out DIR
  plantrack import --project FILE DOC...    import documents (creates the project if missing)
  plantrack import-csv --project FILE [--dry-run] FILE.csv
                  record actuals from a CSV (province, indicator, year, value, unit, source)
";

/// Parsed `--flag value` options and positional arguments.
struct Args {
    flags: Vec<(String, Option<String>)>,
    positional: Vec<String>,
}

const BOOL_FLAGS: &[&str] = &["--json", "--overview", "--csv", "--dry-run", "--documents"];

impl Args {
    fn parse(args: &[String]) -> Result<Args, String> {
        let mut flags = Vec::new();
        let mut positional = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if a == "--" {
                positional.extend(it.by_ref().cloned());
                break;
            }
            if let Some(stripped) = a.strip_prefix("--") {
                if let Some((k, v)) = stripped.split_once('=') {
                    flags.push((format!("--{k}"), Some(v.to_string())));
                } else if BOOL_FLAGS.contains(&a.as_str()) {
                    flags.push((a.clone(), None));
                } else {
                    let v = it.next().ok_or_else(|| format!("{a} needs a value"))?;
                    flags.push((a.clone(), Some(v.clone())));
                }
            } else {
                positional.push(a.clone());
            }
        }
        Ok(Args { flags, positional })
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.flags
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .and_then(|(_, v)| v.as_deref())
    }

    fn has(&self, name: &str) -> bool {
        self.flags.iter().any(|(k, _)| k == name)
    }

    fn need(&self, name: &str) -> Result<&str, String> {
        self.get(name).ok_or_else(|| format!("missing {name}"))
    }

    fn check_known(&self, known: &[&str]) -> Result<(), String> {
        for (k, _) in &self.flags {
            if !known.contains(&k.as_str()) {
                return Err(format!("unknown option {k}"));
            }
        }
        Ok(())
    }
}

enum Fail {
    Usage(String),
    Input(String),
}

impl From<String> for Fail {
    fn from(s: String) -> Fail {
        Fail::Input(s)
    }
}

/// Run a subcommand; `args` excludes the program name.
pub fn run(args: &[String]) -> i32 {
    let Some(cmd) = args.first() else {
        eprint!("{USAGE}");
        return 2;
    };
    let rest = &args[1..];
    let result = Args::parse(rest)
        .map_err(Fail::Usage)
        .and_then(|a| match cmd.as_str() {
            "extract" => cmd_extract(&a),
            "list" => cmd_list(&a),
            "chart" => cmd_chart(&a),
            "record" => cmd_record(&a),
            "export-csv" => cmd_export_csv(&a),
            "report" => cmd_report(&a),
            "import" => cmd_import(&a),
            "import-csv" => cmd_import_csv(&a),
            "sample" => cmd_sample(&a),
            "help" | "--help" | "-h" => {
                print!("{USAGE}");
                Ok(())
            }
            "--version" | "-V" => {
                println!("plantrack {}", env!("CARGO_PKG_VERSION"));
                Ok(())
            }
            other => Err(Fail::Usage(format!("unknown command \"{other}\""))),
        });
    match result {
        Ok(()) => 0,
        Err(Fail::Input(msg)) => {
            eprintln!("plantrack {cmd}: {}", one_line(&msg));
            1
        }
        Err(Fail::Usage(msg)) => {
            eprintln!("plantrack {cmd}: {}; see `plantrack help`", one_line(&msg));
            2
        }
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

/// A finding in the JSON format of GOLD-FORMAT.md, plus offsets and extra fields.
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
        "quote": text.get(x.sentence.start..x.sentence.end).unwrap_or(""),
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

/// What the extractor settled on for a whole document: report date, its evidence, scope.
pub fn document_json(doc: &str, text: &str, info: &crate::extract::DocInfo) -> serde_json::Value {
    let d = &info.date;
    serde_json::json!({
        "doc": doc,
        "report_date": d.display(),
        "report_year": d.year,
        "report_date_source": d.source.as_str(),
        "report_date_evidence": text.get(d.span.0..d.span.1).unwrap_or(""),
        "scope": info.mode.to_string(),
    })
}

fn cmd_extract(a: &Args) -> Result<(), Fail> {
    a.check_known(&["--json", "--documents"])
        .map_err(Fail::Usage)?;
    if a.positional.is_empty() {
        return Err(Fail::Usage("give at least one document".into()));
    }
    if a.has("--documents") {
        for path in &a.positional {
            let imported =
                crate::import::import_path(Path::new(path)).map_err(|e| format!("{path}: {e}"))?;
            let name = file_name(path);
            let (info, _) = crate::extract::extract_with_info(&name, &imported.text);
            println!("{}", document_json(&name, &imported.text, &info));
        }
        return Ok(());
    }
    let mut out = Vec::new();
    let mut table = String::new();
    for path in &a.positional {
        let imported =
            crate::import::import_path(Path::new(path)).map_err(|e| format!("{path}: {e}"))?;
        let name = file_name(path);
        let xs = crate::extract::extract(&name, &imported.text);
        for x in &xs {
            if a.has("--json") {
                out.push(extraction_json(&name, &imported.text, x));
            } else {
                table.push_str(&format!(
                    "{}\t{}\t{}\t{}\t{}\t{} {}\t{}\n",
                    name,
                    x.kind.as_str(),
                    x.province,
                    x.year,
                    x.indicator,
                    x.comparator.symbol(),
                    crate::util::format_quantity(x.value, &x.unit),
                    imported
                        .text
                        .get(x.number.start..x.number.end)
                        .unwrap_or("")
                ));
            }
        }
    }
    if a.has("--json") {
        println!(
            "{}",
            serde_json::to_string_pretty(&out).unwrap_or_else(|_| "[]".into())
        );
    } else {
        print!("{table}");
    }
    Ok(())
}

fn load_project(a: &Args) -> Result<(PathBuf, Project), Fail> {
    let path = PathBuf::from(a.need("--project").map_err(Fail::Usage)?);
    let p = store::load(&path).map_err(|e| match e {
        store::StoreError::Io { .. } => e.to_string(),
        other => format!("{}: {other}", path.display()),
    })?;
    Ok((path, p))
}

fn cmd_list(a: &Args) -> Result<(), Fail> {
    a.check_known(&["--project", "--province", "--year", "--kind", "--json"])
        .map_err(Fail::Usage)?;
    let (_, project) = load_project(a)?;
    let kind = a.get("--kind").unwrap_or("target");
    if !matches!(kind, "target" | "actual" | "all") {
        return Err(Fail::Usage(format!(
            "--kind must be target, actual or all, not \"{kind}\""
        )));
    }
    let year = year_arg(a)?;
    let province = a.get("--province");
    let index = StatusIndex::build(&project);
    let keep = |p: &str, y: i32| {
        province.is_none_or(|want| want.eq_ignore_ascii_case(p))
            && year.is_none_or(|want| want == y)
    };
    let tol = project.settings.approx_tolerance_pct;
    let mut rows: Vec<ListRow> = Vec::new();
    for f in &project.findings {
        let t = &f.data;
        let wanted = match kind {
            "target" => t.kind == Kind::Target,
            "actual" => t.kind == Kind::Actual,
            _ => true,
        };
        if !wanted || !keep(&t.province, t.year) {
            continue;
        }
        let doc = project.document(f.doc);
        let judged = (t.kind == Kind::Target).then(|| index.get(f.id));
        rows.push(ListRow {
            baseline: t.baseline,
            comparator: t.comparator.symbol(),
            doc: Some(doc.map(|d| d.file_name.as_str())),
            id: f.id,
            indicator: &t.indicator,
            indicator_key: t.indicator_key.as_deref(),
            kind: t.kind.as_str(),
            note: None,
            period: t.period.map(|p| p.to_string()),
            province: &t.province,
            quote: Some(doc.and_then(|d| d.text.get(t.sentence.start..t.sentence.end))),
            review: Some(f.review.as_str()),
            source: "document".into(),
            status: judged.map(|a| a.map_or("no data", |a| a.status.as_str())),
            status_reason: judged.map(|a| a.map(|a| a.reason(t, tol))),
            target: None,
            unit: &t.unit,
            value: t.value,
            wording: Some(&t.wording),
            year: t.year,
        });
    }
    if kind != "target" {
        for ob in &project.observations {
            let Some(t) = project.finding(ob.target) else {
                continue;
            };
            if !keep(&t.data.province, ob.year) {
                continue;
            }
            rows.push(ListRow {
                baseline: None,
                comparator: "=",
                doc: None,
                id: ob.id,
                indicator: &t.data.indicator,
                indicator_key: t.data.indicator_key.as_deref(),
                kind: "actual",
                note: Some(&ob.note),
                period: None,
                province: &t.data.province,
                quote: None,
                review: None,
                source: match &ob.source {
                    Source::Manual => "recorded".into(),
                    Source::Finding(_) => "document".into(),
                    Source::Csv(f) => format!("csv:{f}").into(),
                },
                status: None,
                status_reason: None,
                target: Some(ob.target),
                unit: &ob.unit,
                value: ob.value,
                wording: None,
                year: ob.year,
            });
        }
    }
    // written as it is serialised: a project of 100,000 rows prints in well under a second
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = if a.has("--json") {
        serde_json::to_writer_pretty(&mut out, &rows)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        rows.iter().try_for_each(|r| {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{} {} {}\t{}",
                r.id,
                r.kind,
                r.province,
                r.year,
                r.indicator,
                r.comparator,
                serde_json::Value::from(r.value),
                r.unit,
                r.status.unwrap_or("")
            )
        })
    };
    written
        .and_then(|()| out.flush())
        .or_else(ignore_closed_pipe)?;
    Ok(())
}

/// `plantrack list ... | head` closes the pipe early: that is not an error.
fn ignore_closed_pipe(e: std::io::Error) -> Result<(), Fail> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(Fail::from(format!("cannot write the list: {e}")))
    }
}

/// One row of `list`: a finding or a recorded actual. Fields in alphabetical order, as
/// the JSON has always listed them; those a row kind lacks are left out.
#[derive(serde::Serialize)]
struct ListRow<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<crate::model::Baseline>,
    comparator: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    doc: Option<Option<&'a str>>,
    id: crate::model::Id,
    indicator: &'a str,
    indicator_key: Option<&'a str>,
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<String>,
    province: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    review: Option<&'a str>,
    source: std::borrow::Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status_reason: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<crate::model::Id>,
    unit: &'a str,
    value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    wording: Option<&'a str>,
    year: i32,
}

/// `--year` when given: a year, or a usage error.
fn year_arg(a: &Args) -> Result<Option<i32>, Fail> {
    match a.get("--year") {
        Some(y) => y
            .parse()
            .map(Some)
            .map_err(|_| Fail::Usage(format!("--year must be a year, not \"{y}\""))),
        None => Ok(None),
    }
}

fn export_options(a: &Args) -> Result<ExportOptions, Fail> {
    let mut o = ExportOptions::default();
    if let Some(w) = a.get("--width") {
        o.width = w
            .parse()
            .map_err(|_| Fail::Usage(format!("--width must be pixels, not \"{w}\"")))?;
    }
    if let Some(h) = a.get("--height") {
        o.height = h
            .parse()
            .map_err(|_| Fail::Usage(format!("--height must be pixels, not \"{h}\"")))?;
    }
    Ok(o.clamped())
}

fn cmd_chart(a: &Args) -> Result<(), Fail> {
    a.check_known(&[
        "--project",
        "--target",
        "--indicator",
        "--year",
        "--overview",
        "--out",
        "--width",
        "--height",
    ])
    .map_err(Fail::Usage)?;
    let (_, project) = load_project(a)?;
    let out = PathBuf::from(a.need("--out").map_err(Fail::Usage)?);
    let index = StatusIndex::build(&project);
    let spec = if let Some(t) = a.get("--target") {
        let id = ops::parse_id(t)
            .ok_or_else(|| Fail::Usage(format!("--target must be an id, not \"{t}\"")))?;
        match project.finding(id) {
            Some(f) if f.data.kind == Kind::Target => chart::target_timeline(&project, &index, id),
            Some(_) => return Err(Fail::Input(format!("{id} is an actual, not a target"))),
            None => return Err(Fail::Input(format!("there is no target with id {id}"))),
        }
    } else if let Some(key) = a.get("--indicator") {
        a.need("--year").map_err(Fail::Usage)?;
        let year = year_arg(a)?.unwrap_or_default();
        let spec = chart::indicator_comparison(&project, &index, key, year);
        if spec.is_none() {
            return Err(Fail::Input(format!("no target for \"{key}\" in {year}")));
        }
        spec
    } else if a.has("--overview") {
        Some(chart::overview(&project, &index, |_| true))
    } else {
        return Err(Fail::Usage(
            "give --target ID, --indicator KEY --year Y, or --overview".into(),
        ));
    };
    let spec = spec.ok_or_else(|| "nothing to chart".to_string())?;
    chart::render::write_file(&spec, &out, export_options(a)?)?;
    println!("{}", out.display());
    Ok(())
}

fn cmd_record(a: &Args) -> Result<(), Fail> {
    a.check_known(&[
        "--project",
        "--target",
        "--year",
        "--value",
        "--unit",
        "--note",
    ])
    .map_err(Fail::Usage)?;
    let (path, mut project) = load_project(a)?;
    let t = a.need("--target").map_err(Fail::Usage)?;
    let id = ops::parse_id(t)
        .ok_or_else(|| Fail::Usage(format!("--target must be an id, not \"{t}\"")))?;
    a.need("--year").map_err(Fail::Usage)?;
    let year = year_arg(a)?.unwrap_or_default();
    let v = a.need("--value").map_err(Fail::Usage)?;
    let value: f64 = v
        .trim()
        .trim_end_matches('%')
        .replace(',', "")
        .parse()
        .map_err(|_| Fail::Usage(format!("--value must be a number, not \"{v}\"")))?;
    ops::record_actual(
        &mut project,
        id,
        year,
        value,
        a.get("--unit"),
        a.get("--note").unwrap_or(""),
    )?;
    store::save(&project, &path).map_err(|e| e.to_string())?;
    let index = StatusIndex::build(&project);
    if let Some(s) = index.get(id)
        && let Some(f) = project.finding(id)
    {
        let reason = s.reason(&f.data, project.settings.approx_tolerance_pct);
        println!("{}: {} ({})", id, s.status.as_str(), reason);
    }
    Ok(())
}

/// Actuals from a CSV: every row's outcome is printed; good rows are recorded (unless
/// --dry-run) and the project saved; the exit status is non-zero if any row failed.
fn cmd_import_csv(a: &Args) -> Result<(), Fail> {
    a.check_known(&["--project", "--dry-run"])
        .map_err(Fail::Usage)?;
    let [csv] = a.positional.as_slice() else {
        return Err(Fail::Usage("give one CSV file".into()));
    };
    let (path, mut project) = load_project(a)?;
    let preview = ops::preview_csv(&project, Path::new(csv)).map_err(|e| format!("{csv}: {e}"))?;
    for r in &preview.rows {
        match &r.outcome {
            Ok(ids) => {
                let ids: Vec<String> = ids.iter().map(|i| format!("T{i}")).collect();
                println!(
                    "line {}: {} {} {} = {} -> {}",
                    r.line,
                    r.province,
                    r.indicator,
                    r.year,
                    r.value,
                    ids.join(", ")
                );
            }
            Err(e) => println!("line {}: not recorded: {e}", r.line),
        }
    }
    let mut next = project.next_id.max(1);
    let obs = crate::actuals_csv::observations(&project, &preview, &mut next);
    if !a.has("--dry-run") && !obs.is_empty() {
        project.next_id = next;
        project.observations.extend(obs.iter().cloned());
        store::save(&project, &path).map_err(|e| e.to_string())?;
    }
    let verb = if a.has("--dry-run") {
        "would record"
    } else {
        "recorded"
    };
    println!(
        "{csv}: {verb} {} actual(s) from {} row(s); {} row(s) not recorded",
        obs.len(),
        preview.ok_rows(),
        preview.bad_rows()
    );
    if preview.bad_rows() > 0 {
        return Err(Fail::from(format!(
            "{csv}: {} row(s) could not be recorded (see above)",
            preview.bad_rows()
        )));
    }
    Ok(())
}

fn cmd_export_csv(a: &Args) -> Result<(), Fail> {
    a.check_known(&["--project", "--out"])
        .map_err(Fail::Usage)?;
    let (_, project) = load_project(a)?;
    let out = PathBuf::from(a.need("--out").map_err(Fail::Usage)?);
    let index = StatusIndex::build(&project);
    store::write_atomic(&out, chart::targets_csv(&project, &index).as_bytes(), false)
        .map_err(|e| e.to_string())?;
    println!("{}", out.display());
    Ok(())
}

fn cmd_report(a: &Args) -> Result<(), Fail> {
    a.check_known(&[
        "--project",
        "--province",
        "--year",
        "--out",
        "--width",
        "--height",
    ])
    .map_err(Fail::Usage)?;
    let (_, project) = load_project(a)?;
    let out = PathBuf::from(a.need("--out").map_err(Fail::Usage)?);
    let province = a.get("--province").map(str::to_string);
    let year = year_arg(a)?;
    if let Some(p) = &province
        && !project
            .findings
            .iter()
            .any(|f| f.data.province.eq_ignore_ascii_case(p))
    {
        return Err(Fail::Input(format!(
            "the project has no targets for \"{p}\""
        )));
    }
    let index = StatusIndex::build(&project);
    let keep = |f: &crate::model::Finding| {
        province
            .as_deref()
            .is_none_or(|p| f.data.province.eq_ignore_ascii_case(p))
            && year.is_none_or(|y| f.data.year == y)
    };
    let title = match (&province, year) {
        (Some(p), Some(y)) => format!("{p}: plan targets for {y}"),
        (Some(p), None) => format!("{p}: plan targets"),
        (None, Some(y)) => format!("Plan targets for {y}"),
        (None, None) => "Plan targets".into(),
    };
    let files = ops::write_report(&project, &index, &title, &keep, &out, export_options(a)?)?;
    println!(
        "{} ({} files)",
        out.join("index.html").display(),
        files.len()
    );
    Ok(())
}

fn cmd_import(a: &Args) -> Result<(), Fail> {
    a.check_known(&["--project"]).map_err(Fail::Usage)?;
    let path = PathBuf::from(a.need("--project").map_err(Fail::Usage)?);
    if a.positional.is_empty() {
        return Err(Fail::Usage("give at least one document to import".into()));
    }
    let mut project = if path.exists() {
        store::load(&path).map_err(|e| format!("{}: {e}", path.display()))?
    } else {
        Project {
            name: path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            ..Project::default()
        }
    };
    let docs: Vec<PathBuf> = a.positional.iter().map(PathBuf::from).collect();
    let mut failed = Vec::new();
    let mut added = 0;
    let mut findings = 0;
    for (p, r) in ops::prepare_many(&docs) {
        match r.and_then(|prep| {
            let n = prep.extractions.len();
            ops::add_prepared(&mut project, prep).map(|_| n)
        }) {
            Ok(n) => {
                added += 1;
                findings += n;
            }
            Err(e) => failed.push(format!("{}: {e}", p.display())),
        }
    }
    if added > 0 {
        store::save(&project, &path).map_err(|e| e.to_string())?;
    }
    println!(
        "{}: {added} documents imported, {findings} targets and actuals found",
        path.display()
    );
    if !failed.is_empty() {
        return Err(Fail::Input(format!(
            "{} of {} documents were not imported: {}",
            failed.len(),
            docs.len(),
            failed.join("; ")
        )));
    }
    Ok(())
}

/// Rebuild the bundled sample project (`saves/sample.ron`) from `assets/samples/`.
fn cmd_sample(a: &Args) -> Result<(), Fail> {
    a.check_known(&["--samples", "--out"])
        .map_err(Fail::Usage)?;
    let samples = PathBuf::from(a.get("--samples").unwrap_or("assets/samples"));
    let out = PathBuf::from(a.get("--out").unwrap_or("saves/sample.ron"));
    let project = ops::sample_project(&samples)?;
    store::write_atomic(&out, store::to_string(&project).as_bytes(), false)
        .map_err(|e| e.to_string())?;
    let targets = project
        .findings
        .iter()
        .filter(|f| f.data.kind == Kind::Target && f.review != Review::Rejected)
        .count();
    println!(
        "{}: {} documents, {} findings ({targets} targets)",
        out.display(),
        project.documents.len(),
        project.findings.len()
    );
    Ok(())
}
