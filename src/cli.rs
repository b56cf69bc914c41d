//! Command-line subcommands, for scripting and for checks. Each returns an exit code:
//! 0 on success, 1 on bad input (with a one-line message on stderr), 2 on bad usage.
//!
//! The subcommands and JSON fields are a contract with outside scripts: extend them,
//! never rename or drop them.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::chart::{self, render::ExportOptions};
use crate::model::{Extraction, Kind, Project, Review, Source};
use crate::ops;
use crate::progress::StatusIndex;
use crate::store;

/// PlanTrack: track plan targets against outcomes.
///
/// Without a subcommand, the app opens (with the documents or project given).
#[derive(Debug, Parser)]
#[command(
    name = "plantrack",
    version,
    about = "Track Chinese plan targets against outcomes: extract targets from documents, record actuals, chart progress.",
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Documents to import (or a project to open) in the app.
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the targets and actuals found in documents.
    Extract {
        /// JSON in the format of the annotated corpora (GOLD-FORMAT.md) plus offsets.
        #[arg(long)]
        json: bool,
        /// Print what was settled for each document instead (report date and its
        /// evidence, scope, language), one JSON object a line.
        #[arg(long)]
        documents: bool,
        /// The year the documents were written, when the text does not tell it right.
        #[arg(long, value_name = "YEAR", value_parser = parse_year)]
        report_year: Option<i32>,
        /// The documents (text, HTML, Markdown, .docx, .pdf; any common encoding).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
    },
    /// List a project's targets (and actuals) with their statuses.
    List {
        #[command(flatten)]
        project: ProjectArg,
        /// Only this province ("Zhejiang", "China", "Central region").
        #[arg(long)]
        province: Option<String>,
        /// Only this year.
        #[arg(long, value_parser = parse_year)]
        year: Option<i32>,
        /// Which rows.
        #[arg(long, value_enum, default_value_t = KindArg::Target)]
        kind: KindArg,
        /// Only findings whose confidence is below the review threshold.
        #[arg(long)]
        needs_review: bool,
        /// JSON instead of tab-separated lines.
        #[arg(long)]
        json: bool,
    },
    /// Draw a chart as PNG or SVG.
    #[command(group = clap::ArgGroup::new("what").required(true).args(["target", "indicator", "overview"]))]
    Chart {
        #[command(flatten)]
        project: ProjectArg,
        /// A target's timeline (its id, "T12" or "12").
        #[arg(long, value_name = "ID")]
        target: Option<String>,
        /// One indicator compared across provinces (needs --year).
        #[arg(long, value_name = "KEY", requires = "year")]
        indicator: Option<String>,
        #[arg(long, value_parser = parse_year)]
        year: Option<i32>,
        /// Statuses per province.
        #[arg(long)]
        overview: bool,
        /// The image file (.png or .svg).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[command(flatten)]
        size: SizeArgs,
    },
    /// Record an actual value for a target.
    Record {
        #[command(flatten)]
        project: ProjectArg,
        #[arg(long, value_name = "ID")]
        target: String,
        #[arg(long, value_parser = parse_year)]
        year: i32,
        /// The value ("5.2", "5.2%", "1,226,000").
        #[arg(long, value_parser = parse_value, allow_hyphen_values = true)]
        value: f64,
        /// The unit, when it is not the target's.
        #[arg(long)]
        unit: Option<String>,
        /// Where the figure comes from.
        #[arg(long)]
        note: Option<String>,
    },
    /// Write the targets table (or the plan-versus-outcome table) as CSV.
    ExportCsv {
        #[command(flatten)]
        project: ProjectArg,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The plan-versus-outcome table: each target with its outcome, the difference
        /// and the verdict.
        #[arg(long)]
        plan_vs_outcome: bool,
    },
    /// Write the targets table as an .xlsx workbook.
    ExportXlsx {
        #[command(flatten)]
        project: ProjectArg,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Write all charts of a selection into a folder with an index.html.
    Report {
        #[command(flatten)]
        project: ProjectArg,
        #[arg(long)]
        province: Option<String>,
        #[arg(long, value_parser = parse_year)]
        year: Option<i32>,
        /// The folder.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        #[command(flatten)]
        size: SizeArgs,
    },
    /// Import documents into a project (created if missing).
    Import {
        #[command(flatten)]
        project: ProjectArg,
        #[arg(required = true, value_name = "DOC")]
        docs: Vec<PathBuf>,
    },
    /// Record actuals from a table: CSV, .xlsx, .xls or .ods with columns province,
    /// indicator, year, value, unit, source.
    #[command(visible_alias = "import-actuals")]
    ImportCsv {
        #[command(flatten)]
        project: ProjectArg,
        /// Show what would be recorded, record nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Rebuild the bundled sample project from assets/samples.
    Sample {
        #[arg(long, default_value = "assets/samples")]
        samples: PathBuf,
        #[arg(long, default_value = "saves/sample.ron")]
        out: PathBuf,
    },
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, clap::Args)]
pub struct ProjectArg {
    /// The project file (.ron).
    #[arg(long = "project", value_name = "FILE")]
    pub path: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct SizeArgs {
    /// Width in pixels.
    #[arg(long)]
    width: Option<u32>,
    /// Height in pixels.
    #[arg(long)]
    height: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Target,
    Actual,
    All,
}

fn parse_year(s: &str) -> Result<i32, String> {
    s.trim()
        .parse()
        .ok()
        .filter(|y| (1900..=2200).contains(y))
        .ok_or_else(|| format!("must be a year, not \"{s}\""))
}

fn parse_value(s: &str) -> Result<f64, String> {
    s.trim()
        .trim_end_matches('%')
        .replace(',', "")
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| format!("must be a number, not \"{s}\""))
}

/// Failures of a subcommand: bad input exits 1; clap reports bad usage itself (exit 2).
enum Fail {
    Input(String),
}

impl From<String> for Fail {
    fn from(s: String) -> Fail {
        Fail::Input(s)
    }
}

/// The name a subcommand is called by, for messages.
fn name(c: &Command) -> &'static str {
    match c {
        Command::Extract { .. } => "extract",
        Command::List { .. } => "list",
        Command::Chart { .. } => "chart",
        Command::Record { .. } => "record",
        Command::ExportCsv { .. } => "export-csv",
        Command::ExportXlsx { .. } => "export-xlsx",
        Command::Report { .. } => "report",
        Command::Import { .. } => "import",
        Command::ImportCsv { .. } => "import-csv",
        Command::Sample { .. } => "sample",
        Command::Completions { .. } => "completions",
    }
}

/// Parse the arguments (without the program name). `Ok(None)` means: open the app.
/// Help, version and usage errors are printed here, with clap's exit code.
pub fn parse(args: &[String]) -> Result<Cli, i32> {
    let argv = std::iter::once("plantrack".to_string()).chain(args.iter().cloned());
    Cli::try_parse_from(argv).map_err(|e| {
        let code = e.exit_code();
        let _ = e.print();
        code
    })
}

/// Run a subcommand. Any internal failure becomes a one-line message and exit 3: a
/// user sees what failed, never a backtrace.
pub fn run(command: Command) -> i32 {
    let cmd = name(&command);
    quiet_panics();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| dispatch(command)));
    match result {
        Ok(Ok(())) => 0,
        Ok(Err(Fail::Input(msg))) => {
            eprintln!("plantrack {cmd}: {}", one_line(&msg));
            1
        }
        Err(_) => {
            let what = LAST_PANIC
                .lock()
                .ok()
                .and_then(|m| m.clone())
                .unwrap_or_else(|| "unknown".into());
            eprintln!(
                "plantrack {cmd}: internal error ({}); nothing was changed. Please report it.",
                one_line(&what)
            );
            3
        }
    }
}

static LAST_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// Replace the default panic report (a multi-line backtrace) by a note kept for `run`.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        if let Ok(mut m) = LAST_PANIC.lock() {
            *m = Some(format!("{msg}{at}"));
        }
    }));
}

fn dispatch(command: Command) -> Result<(), Fail> {
    match command {
        Command::Extract {
            json,
            documents,
            report_year,
            files,
        } => cmd_extract(json, documents, report_year, &files),
        Command::List {
            project,
            province,
            year,
            kind,
            needs_review,
            json,
        } => cmd_list(
            &project.path,
            province.as_deref(),
            year,
            kind,
            needs_review,
            json,
        ),
        Command::Chart {
            project,
            target,
            indicator,
            year,
            overview,
            out,
            size,
        } => cmd_chart(
            &project.path,
            target.as_deref(),
            indicator.as_deref(),
            year,
            overview,
            &out,
            &size,
        ),
        Command::Record {
            project,
            target,
            year,
            value,
            unit,
            note,
        } => cmd_record(
            &project.path,
            &target,
            year,
            value,
            unit.as_deref(),
            note.as_deref(),
        ),
        Command::ExportCsv {
            project,
            out,
            plan_vs_outcome,
        } => cmd_export_csv(&project.path, &out, plan_vs_outcome),
        Command::ExportXlsx { project, out } => cmd_export_xlsx(&project.path, &out),
        Command::Report {
            project,
            province,
            year,
            out,
            size,
        } => cmd_report(&project.path, province, year, &out, &size),
        Command::Import { project, docs } => cmd_import(&project.path, &docs),
        Command::ImportCsv {
            project,
            dry_run,
            file,
        } => cmd_import_csv(&project.path, dry_run, &file),
        Command::Sample { samples, out } => cmd_sample(&samples, &out),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "plantrack", &mut script);
            std::io::stdout()
                .lock()
                .write_all(&script)
                .or_else(ignore_closed_pipe)
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
    serde_json::to_value(FindingJson::new(doc, text, x)).unwrap_or_default()
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

const PAR_JSON: usize = 8192;

fn cmd_extract(
    json: bool,
    documents: bool,
    report_year: Option<i32>,
    files: &[String],
) -> Result<(), Fail> {
    let options = crate::extract::Options { report_year };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut first = true;
    if json && !documents {
        out.write_all(b"[").or_else(ignore_closed_pipe)?;
    }
    for path in files {
        let name = file_name(path);
        let written = crate::import::with_text(Path::new(path), |text| {
            let Some((info, xs)) =
                crate::extract::extract_with_options(&name, text, &options, &mut |_| true)
            else {
                return Ok(());
            };
            if documents {
                serde_json::to_writer(&mut out, &document_json(&name, text, &info))
                    .map_err(std::io::Error::from)
                    .and_then(|()| writeln!(out))
            } else if json {
                // formatted a few thousand findings at a time on all cores, and written
                // as they come: the output of a large file is never held whole
                use rayon::prelude::*;
                xs.chunks(1 << 11).try_for_each(|window| {
                    let parts: Vec<Vec<u8>> = window
                        .par_chunks(PAR_JSON)
                        .map(|c| {
                            let mut buf = Vec::with_capacity(c.len() * 700);
                            for x in c {
                                buf.extend_from_slice(b",\n");
                                let _ = serde_json::to_writer_pretty(
                                    &mut buf,
                                    &FindingJson::new(&name, text, x),
                                );
                            }
                            buf
                        })
                        .collect();
                    for p in parts {
                        // the first finding of all is not preceded by a comma
                        let p = if first { &p[1..] } else { &p[..] };
                        first = false;
                        out.write_all(p)?;
                    }
                    Ok(())
                })
            } else {
                xs.iter().try_for_each(|x| {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{} {}\t{}",
                        name,
                        x.kind.as_str(),
                        x.province,
                        x.year,
                        x.indicator,
                        x.comparator.symbol(),
                        crate::util::format_quantity(x.value, &x.unit),
                        // one row a finding, also for a decimal broken by a line break
                        text.get(x.number.start..x.number.end)
                            .unwrap_or("")
                            .replace(['\n', '\r'], " ")
                    )
                })
            }
        })
        .map_err(|e| format!("{path}: {e}"))?;
        written.or_else(ignore_closed_pipe)?;
    }
    if json && !documents {
        out.write_all(b"\n]\n").or_else(ignore_closed_pipe)?;
    }
    out.flush().or_else(ignore_closed_pipe)?;
    Ok(())
}

/// A finding in the JSON of `extract --json`: the fields of GOLD-FORMAT.md plus offsets,
/// the canonical key, the wording and the confidence. Alphabetical, as it has always been
/// printed.
#[derive(serde::Serialize)]
pub struct FindingJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<serde_json::Value>,
    comparator: &'a str,
    confidence: f64,
    doc: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    doubt: Option<&'a str>,
    end: usize,
    indicator: &'a str,
    indicator_key: Option<&'a str>,
    kind: &'a str,
    number_end: usize,
    number_start: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<String>,
    province: &'a str,
    quote: &'a str,
    start: usize,
    unit: &'a str,
    value: f64,
    wording: &'a str,
    year: i32,
}

impl<'a> FindingJson<'a> {
    pub fn new(doc: &'a str, text: &'a str, x: &'a Extraction) -> FindingJson<'a> {
        FindingJson {
            baseline: x
                .baseline
                .map(|b| serde_json::json!({"value": b.value, "year": b.year})),
            comparator: x.comparator.symbol(),
            confidence: x.confidence(),
            doc,
            doubt: x.doubt.as_deref(),
            end: x.sentence.end,
            indicator: &x.indicator,
            indicator_key: x.indicator_key.as_deref(),
            kind: x.kind.as_str(),
            number_end: x.number.end,
            number_start: x.number.start,
            period: x.period.map(|p| p.to_string()),
            province: &x.province,
            quote: text.get(x.sentence.start..x.sentence.end).unwrap_or(""),
            start: x.sentence.start,
            unit: &x.unit,
            value: x.value,
            wording: &x.wording,
            year: x.year,
        }
    }
}

fn load_project(path: &Path) -> Result<Project, Fail> {
    Ok(store::load(path).map_err(|e| match e {
        store::StoreError::Io { .. } => e.to_string(),
        other => format!("{}: {other}", path.display()),
    })?)
}

fn cmd_list(
    path: &Path,
    province: Option<&str>,
    year: Option<i32>,
    kind: KindArg,
    needs_review: bool,
    json: bool,
) -> Result<(), Fail> {
    let project = load_project(path)?;
    let kind = match kind {
        KindArg::Target => "target",
        KindArg::Actual => "actual",
        KindArg::All => "all",
    };
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
            confidence: Some(t.confidence()),
            doc: Some(doc.map(|d| d.file_name.as_str())),
            doubt: t.doubt.as_deref(),
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
                confidence: None,
                doc: None,
                doubt: None,
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
    if needs_review {
        rows.retain(|r| r.confidence.is_some_and(|c| c < crate::model::REVIEW_BELOW));
    }
    let written = if json {
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
    /// The extractor's confidence (findings only).
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    doc: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    doubt: Option<&'a str>,
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

fn export_options(size: &SizeArgs) -> ExportOptions {
    let mut o = ExportOptions::default();
    if let Some(w) = size.width {
        o.width = w;
    }
    if let Some(h) = size.height {
        o.height = h;
    }
    o.clamped()
}

fn cmd_chart(
    path: &Path,
    target: Option<&str>,
    indicator: Option<&str>,
    year: Option<i32>,
    overview: bool,
    out: &Path,
    size: &SizeArgs,
) -> Result<(), Fail> {
    let project = load_project(path)?;
    let index = StatusIndex::build(&project);
    let spec = if let Some(t) = target {
        let id = ops::parse_id(t).ok_or_else(|| format!("--target must be an id, not \"{t}\""))?;
        match project.finding(id) {
            Some(f) if f.data.kind == Kind::Target => chart::target_timeline(&project, &index, id),
            Some(_) => return Err(Fail::Input(format!("{id} is an actual, not a target"))),
            None => return Err(Fail::Input(format!("there is no target with id {id}"))),
        }
    } else if let Some(key) = indicator {
        let year = year.unwrap_or_default();
        let spec = chart::indicator_comparison(&project, &index, key, year);
        if spec.is_none() {
            return Err(Fail::Input(format!("no target for \"{key}\" in {year}")));
        }
        spec
    } else if overview {
        Some(chart::overview(&project, &index, |_| true))
    } else {
        None
    };
    let spec = spec.ok_or_else(|| "nothing to chart".to_string())?;
    chart::render::write_file(&spec, out, export_options(size))?;
    println!("{}", out.display());
    Ok(())
}

fn cmd_record(
    path: &Path,
    target: &str,
    year: i32,
    value: f64,
    unit: Option<&str>,
    note: Option<&str>,
) -> Result<(), Fail> {
    let mut project = load_project(path)?;
    let id =
        ops::parse_id(target).ok_or_else(|| format!("--target must be an id, not \"{target}\""))?;
    ops::record_actual(&mut project, id, year, value, unit, note.unwrap_or(""))?;
    store::save(&project, path).map_err(|e| e.to_string())?;
    let index = StatusIndex::build(&project);
    if let Some(s) = index.get(id)
        && let Some(f) = project.finding(id)
    {
        let reason = s.reason(&f.data, project.settings.approx_tolerance_pct);
        println!("{}: {} ({})", id, s.status.as_str(), reason);
    }
    Ok(())
}

/// Actuals from a table (CSV or a spreadsheet): every row's outcome is printed; good rows
/// are recorded (unless --dry-run) and the project saved; the exit status is non-zero if
/// any row failed.
fn cmd_import_csv(path: &Path, dry_run: bool, file: &Path) -> Result<(), Fail> {
    let csv = file.display().to_string();
    let mut project = load_project(path)?;
    let preview = ops::preview_actuals(&project, file).map_err(|e| format!("{csv}: {e}"))?;
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
    if !dry_run && !obs.is_empty() {
        project.next_id = next;
        project.observations.extend(obs.iter().cloned());
        store::save(&project, path).map_err(|e| e.to_string())?;
    }
    let verb = if dry_run { "would record" } else { "recorded" };
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

fn cmd_export_csv(path: &Path, out: &Path, plan_vs_outcome: bool) -> Result<(), Fail> {
    let project = load_project(path)?;
    let index = StatusIndex::build(&project);
    let text = if plan_vs_outcome {
        crate::plan_review::csv(&crate::plan_review::rows(&project, &index, &|_| true))
    } else {
        chart::targets_csv(&project, &index)
    };
    store::write_atomic(out, text.as_bytes(), false).map_err(|e| e.to_string())?;
    println!("{}", out.display());
    Ok(())
}

fn cmd_export_xlsx(path: &Path, out: &Path) -> Result<(), Fail> {
    let project = load_project(path)?;
    let index = StatusIndex::build(&project);
    let bytes = crate::spreadsheet::workbook(&project, &index)?;
    store::write_atomic(out, &bytes, false).map_err(|e| e.to_string())?;
    println!("{}", out.display());
    Ok(())
}

fn cmd_report(
    path: &Path,
    province: Option<String>,
    year: Option<i32>,
    out: &Path,
    size: &SizeArgs,
) -> Result<(), Fail> {
    let project = load_project(path)?;
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
    let files = ops::write_report(&project, &index, &title, &keep, out, export_options(size))?;
    println!(
        "{} ({} files)",
        out.join("index.html").display(),
        files.len()
    );
    Ok(())
}

fn cmd_import(path: &Path, docs: &[PathBuf]) -> Result<(), Fail> {
    let mut project = if path.exists() {
        store::load(path).map_err(|e| format!("{}: {e}", path.display()))?
    } else {
        Project {
            name: path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            ..Project::default()
        }
    };
    let mut failed = Vec::new();
    let mut added = 0;
    let mut findings = 0;
    for (p, r) in ops::prepare_many(docs) {
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
        store::save(&project, path).map_err(|e| e.to_string())?;
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
fn cmd_sample(samples: &Path, out: &Path) -> Result<(), Fail> {
    let project = ops::sample_project(samples)?;
    store::write_atomic(out, store::to_string(&project).as_bytes(), false)
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
