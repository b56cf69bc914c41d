//! Operations on projects shared by the command line and the GUI: importing documents,
//! recording actuals, exporting report folders. Slow parts (reading, decoding,
//! extracting) are pure functions that can run on worker threads.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use rayon::prelude::*;

use crate::chart::{self, render::ExportOptions};
use crate::extract;
use crate::import;
use crate::model::{Document, Extraction, Finding, Id, Kind, Observation, Project, Review, Source};
use crate::progress::StatusIndex;

/// A document read, decoded and extracted, ready to be added to a project.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    pub doc: Document,
    pub extractions: Vec<Extraction>,
}

/// How far a batch of imports has come, shared between workers and the UI. Work is
/// counted in bytes, twice per file (reading, then extracting), so that one large file
/// moves the bar as smoothly as many small ones.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
    cancel: AtomicBool,
}

impl Progress {
    /// Add these files' work, sized from their lengths on disk.
    pub fn size_for(&self, paths: &[PathBuf]) {
        let total: u64 = paths
            .iter()
            .map(|p| 2 * std::fs::metadata(p).map_or(0, |m| m.len()))
            .sum();
        self.total.fetch_add(total, Ordering::Relaxed);
    }
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            return 0.0;
        }
        (self.done.load(Ordering::Relaxed) as f64 / total as f64).min(1.0) as f32
    }
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
    fn add(&self, n: u64) {
        self.done.fetch_add(n, Ordering::Relaxed);
    }
}

/// The message of a cancelled import, so callers can tell it from a failure.
pub const CANCELLED: &str = "import cancelled";

/// Read, decode and extract one file. Pure: touches no project.
pub fn prepare_path(path: &Path) -> Result<Prepared, String> {
    prepare_path_with(path, &Progress::default(), &|| {})
}

/// `prepare_path` reporting to `progress` (and calling `tick` after each report, e.g. to
/// wake the UI); stops early with `CANCELLED` when the progress is cancelled.
pub fn prepare_path_with(
    path: &Path,
    progress: &Progress,
    tick: &(dyn Fn() + Sync),
) -> Result<Prepared, String> {
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    let mut counted = 0u64;
    let result = (|| {
        let imported = import::import_path_with(path, &mut |n| {
            progress.add(n);
            counted += n;
            tick();
            !progress.is_cancelled()
        })
        .map_err(|e| e.to_string())?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let shown = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        // extraction walks the decoded text, whose length differs from the file's
        let text_len = imported.text.len().max(1) as u64;
        let mut walked = 0u64;
        let mut report = |at: usize| {
            let now = at as u64 * size / text_len;
            progress.add(now.saturating_sub(walked));
            counted += now.saturating_sub(walked);
            walked = walked.max(now);
            tick();
            !progress.is_cancelled()
        };
        prepare_text_with(&name, &shown.to_string_lossy(), imported, &mut report)
            .ok_or_else(|| CANCELLED.to_string())
    })();
    // a file that failed early still counts as done, so the bar reaches its end
    progress.add((2 * size).saturating_sub(counted));
    result
}

pub fn prepare_text(file_name: &str, path: &str, imported: import::Imported) -> Prepared {
    prepare_text_with(file_name, path, imported, &mut |_| true)
        .expect("extraction without a progress callback is never stopped")
}

fn prepare_text_with(
    file_name: &str,
    path: &str,
    imported: import::Imported,
    report: &mut (dyn FnMut(usize) -> bool + Send),
) -> Option<Prepared> {
    let (info, extractions) = extract::extract_with_progress(file_name, &imported.text, report)?;
    Some(Prepared {
        doc: Document {
            id: 0,
            title: imported.title,
            file_name: file_name.to_string(),
            path: path.to_string(),
            hash: crate::util::sha256_hex(imported.text.as_bytes()),
            imported: crate::util::now_unix(),
            encoding: imported.encoding,
            format: imported.format,
            report_year: Some(info.report_year),
            report_date_note: date_note(&imported.text, &info),
            text: imported.text,
        },
        extractions,
    })
}

/// "2023-02-07, publication date: “Pub Date:2023-02-07”".
pub fn date_note(text: &str, info: &extract::DocInfo) -> String {
    let d = &info.date;
    let evidence = text.get(d.span.0..d.span.1).unwrap_or("").trim();
    if evidence.is_empty() {
        format!("{}, from the {}", d.display(), d.source.as_str())
    } else {
        format!(
            "{}, from the {}: “{}”",
            d.display(),
            d.source.as_str(),
            evidence
        )
    }
}

/// Read a document again as written in `year`: its findings nobody has reviewed, edited
/// or recorded an outcome for are replaced by the new reading; the others stay as they
/// are. Returns the change, for the caller to apply (and undo).
pub fn reread_document(
    project: &mut Project,
    doc_id: crate::model::Id,
    year: i32,
) -> Option<crate::session::Change> {
    use crate::model::Review;
    use crate::session::{Change, DocBundle};
    let doc = project.document(doc_id)?.clone();
    let findings: Vec<Finding> = project
        .findings
        .iter()
        .filter(|f| f.doc == doc_id)
        .cloned()
        .collect();
    let observations: Vec<Observation> = project
        .observations
        .iter()
        .filter(|o| findings.iter().any(|f| f.id == o.target))
        .cloned()
        .collect();
    let touched = |f: &Finding| {
        f.review != Review::Suggested || observations.iter().any(|o| o.target == f.id)
    };
    let kept: Vec<Finding> = findings.iter().filter(|f| touched(f)).cloned().collect();
    let options = extract::Options {
        report_year: Some(year),
    };
    let (_, fresh) =
        extract::extract_with_options(&doc.file_name, &doc.text, &options, &mut |_| true)?;
    let mut new_findings = kept.clone();
    for data in fresh {
        if kept.iter().any(|k| k.data.number == data.number) {
            continue;
        }
        let id = project.new_id();
        new_findings.push(Finding {
            id,
            doc: doc_id,
            review: Review::Suggested,
            data,
        });
    }
    let mut new_doc = doc.clone();
    new_doc.report_year = Some(year);
    new_doc.report_date_note = format!("{year}, set by you");
    Some(Change {
        label: format!("read \"{}\" as written in {year}", doc.title),
        docs_removed: vec![DocBundle {
            doc,
            findings,
            observations: observations.clone(),
        }],
        docs_added: vec![DocBundle {
            doc: new_doc,
            findings: new_findings,
            observations,
        }],
        ..Change::default()
    })
}

/// Prepare many files using all cores; results keep the order of `paths`.
pub fn prepare_many(paths: &[PathBuf]) -> Vec<(PathBuf, Result<Prepared, String>)> {
    paths
        .par_iter()
        .map(|p| (p.clone(), prepare_path(p)))
        .collect()
}

/// Add a prepared document unless the same text is already in the project.
pub fn add_prepared(project: &mut Project, p: Prepared) -> Result<Id, String> {
    if let Some(existing) = project.has_document_hash(&p.doc.hash) {
        return Err(format!(
            "already in the project as \"{}\" (same text)",
            existing.title
        ));
    }
    Ok(project.add_document(p.doc, p.extractions))
}

/// Read a CSV file of actuals and match its rows to the project's targets (see
/// `actuals_csv`); any text encoding the document importer reads is accepted.
pub fn preview_csv(project: &Project, path: &Path) -> Result<crate::actuals_csv::Preview, String> {
    preview_actuals(project, path)
}

/// A table of actuals, from a CSV file or a spreadsheet (.xlsx, .xls, .ods), matched to
/// the project's targets.
pub fn preview_actuals(
    project: &Project,
    path: &Path,
) -> Result<crate::actuals_csv::Preview, String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if crate::spreadsheet::is_spreadsheet(path) {
        let meta = std::fs::metadata(path).map_err(|e| import::io_message(&e))?;
        if meta.len() > 64 << 20 {
            return Err("the file is too large for a table of actuals (over 64 MB)".into());
        }
        let recs = crate::spreadsheet::read_table(path)?;
        return crate::actuals_csv::preview_records(project, &name, recs);
    }
    let meta = std::fs::metadata(path).map_err(|e| import::io_message(&e))?;
    if meta.len() > 64 << 20 {
        return Err("the file is too large for a table of actuals (over 64 MB)".into());
    }
    let bytes = std::fs::read(path).map_err(|e| import::io_message(&e))?;
    if bytes.is_empty() {
        return Err("the file is empty".into());
    }
    if import::sniff(&bytes) != import::Sniffed::Text {
        return Err("this is not a CSV text file".into());
    }
    let (text, _) = import::decode_text(&bytes).map_err(|e| e.to_string())?;
    crate::actuals_csv::preview(project, &name, &text)
}

/// Actuals found in documents for the target's province, indicator and unit, in the
/// years that bear on it, not yet recorded: proposals the user confirms.
pub fn match_candidates(
    p: &crate::model::Project,
    f: &Finding,
    recorded_obs: &[Observation],
) -> Vec<(Finding, String)> {
    let Some(key) = f.data.indicator_key.as_deref() else {
        return Vec::new();
    };
    let already: std::collections::HashSet<Id> = recorded_obs
        .iter()
        .filter_map(|o| match o.source {
            Source::Finding(id) => Some(id),
            _ => None,
        })
        .collect();
    // a figure already recorded for the year (typed or from another document)
    let recorded = |year: i32, value: f64| {
        recorded_obs
            .iter()
            .any(|o| o.year == year && (o.value - value).abs() <= 1e-9 * value.abs().max(1.0))
    };
    // the years whose figures bear on the target: for a multi-year target the year
    // before the plan (its starting point, often in the same report) and the plan years
    let (first_year, same_doc_ok) = match (f.data.period, f.data.baseline) {
        (Some(per), _) => (per.start - 1, true),
        (None, Some(b)) => (b.year, true),
        (None, None) if crate::progress::is_annual_rate(&f.data) => (f.data.year, false),
        (None, None) => (f.data.year - 5, true),
    };
    let cands: Vec<Finding> = p
        .findings
        .iter()
        .filter(|a| {
            a.data.kind == Kind::Actual
                && a.review != Review::Rejected
                && a.data.province == f.data.province
                && a.data.indicator_key.as_deref() == Some(key)
                && a.data.unit == f.data.unit
                                // outcomes of the target's own years: an annual target's year, or the
                // years after the baseline of a multi-year one
                                && a.data.year <= f.data.year
                && a.data.year >= first_year
                                && (a.doc != f.doc || same_doc_ok)
                && !recorded(a.data.year, a.data.value)
                // one figure per year: a period's average growth is not the year's; a
                // level at a period's end ("R&D intensity rose from 2% to 2.9%" over ten
                // years) is
                && a.data.period.is_none_or(|p| {
                    p.start == p.end || !crate::progress::is_annual_rate(&a.data)
                })
                && !already.contains(&a.id)
        })
        .cloned()
        .collect();
    cands
        .into_iter()
        .map(|a| {
            let doc = p
                .document(a.doc)
                .map_or(String::new(), |d| d.file_name.clone());
            (a, doc)
        })
        .collect()
}

/// The actual that records a figure found in a document for a target.
pub fn actual_from_finding(target: Id, a: &Finding, doc: &str, id: Id) -> Observation {
    Observation {
        id: id.max(1),
        target,
        year: a.data.year,
        value: a.data.value,
        unit: a.data.unit.clone(),
        note: format!("from {doc}"),
        source_ref: doc.to_string(),
        source: Source::Finding(a.id),
        recorded: crate::util::now_unix(),
    }
}

/// After documents are imported: the actuals they state that match existing targets
/// (same province, canonical indicator and unit, a year that bears on the target, not
/// yet recorded), as (target, actual, document file name), for the user to confirm.
pub fn proposals_from(project: &Project, docs: &[Id]) -> Vec<(Id, Finding, String)> {
    use std::collections::HashSet;
    let docs: HashSet<Id> = docs.iter().copied().collect();
    let keys: HashSet<(&str, &str)> = project
        .findings
        .iter()
        .filter(|a| a.data.kind == Kind::Actual && docs.contains(&a.doc))
        .filter_map(|a| Some((a.data.province.as_str(), a.data.indicator_key.as_deref()?)))
        .collect();
    if keys.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for t in &project.findings {
        let Some(key) = t.data.indicator_key.as_deref() else {
            continue;
        };
        if t.data.kind != Kind::Target
            || t.review == Review::Rejected
            || docs.contains(&t.doc)
            || !keys.contains(&(t.data.province.as_str(), key))
        {
            continue;
        }
        let recorded: Vec<Observation> = project.observations_of(t.id).cloned().collect();
        for (a, doc) in match_candidates(project, t, &recorded) {
            if docs.contains(&a.doc) {
                out.push((t.id, a, doc));
            }
        }
    }
    out
}

/// Record an actual for a target; returns the new observation's id.
pub fn record_actual(
    project: &mut Project,
    target: Id,
    year: i32,
    value: f64,
    unit: Option<&str>,
    note: &str,
) -> Result<Id, String> {
    if !value.is_finite() {
        return Err("the value must be a number".into());
    }
    if !(1900..=2200).contains(&year) {
        return Err(format!("{year} is not a plausible year"));
    }
    let f = project
        .finding(target)
        .ok_or_else(|| format!("there is no target with id {target}"))?;
    if f.data.kind != Kind::Target {
        return Err(format!("{target} is an actual, not a target"));
    }
    let unit = unit.map_or_else(|| f.data.unit.clone(), str::to_string);
    let id = project.new_id();
    project.observations.push(Observation {
        id,
        target,
        year,
        value,
        unit,
        note: note.to_string(),
        source_ref: String::new(),
        source: Source::Manual,
        recorded: crate::util::now_unix(),
    });
    Ok(id)
}

/// Look up a target by id ("12") or by id with a "T" prefix ("T12").
pub fn parse_id(s: &str) -> Option<Id> {
    s.trim().trim_start_matches(['T', 't', '#']).parse().ok()
}

/// File-name-safe form of a label.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Write every chart for the targets passing `keep` into `dir`: an overview, one
/// timeline per target (PNG + SVG + CSV each), the target table as CSV, and an
/// `index.html` that links them. Returns the files written.
pub fn write_report(
    project: &Project,
    index: &StatusIndex,
    title: &str,
    keep: &dyn Fn(&crate::model::Finding) -> bool,
    dir: &Path,
    opts: ExportOptions,
) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("{}: {}", dir.display(), import::io_message(&e)))?;
    let mut written = Vec::new();
    let mut write = |name: &str, bytes: &[u8]| -> Result<(), String> {
        let path = dir.join(name);
        crate::store::write_atomic(&path, bytes, false).map_err(|e| e.to_string())?;
        written.push(path);
        Ok(())
    };
    let mut html = String::new();
    html.push_str(&format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{t}</title>\n<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}} img{{max-width:100%;border:1px solid #ddd}} td,th{{padding:.2em .6em;text-align:left}} .s{{font-weight:bold}}</style></head><body>\n<h1>{t}</h1>\n<p>Made with PlanTrack on {d}. Each chart links to its SVG and to the numbers behind it (CSV).</p>\n",
        t = esc(title),
        d = crate::util::format_date(crate::util::now_unix())
    ));
    let overview = chart::overview(project, index, keep);
    write("overview.png", &chart::render::to_png(&overview, opts)?)?;
    write(
        "overview.svg",
        chart::render::to_svg(&overview, opts)?.as_bytes(),
    )?;
    write("overview.csv", chart::chart_csv(&overview).as_bytes())?;
    html.push_str("<h2>Overview</h2>\n<p><a href=\"overview.svg\"><img src=\"overview.png\" alt=\"status of targets by province\"></a><br><a href=\"overview.csv\">data (CSV)</a></p>\n");
    // plan versus outcome, as the planners' review tables: the judged targets first
    let review = crate::plan_review::rows(project, index, keep);
    write(
        "plan-vs-outcome.csv",
        crate::plan_review::csv(&review).as_bytes(),
    )?;
    html.push_str(&format!(
        "<h2>Plan versus outcome</h2>\n<p>{}. <a href=\"plan-vs-outcome.csv\">The whole table (CSV)</a></p>\n<table><tr><th>Province</th><th>Year</th><th>Indicator</th><th>Plan</th><th>Outcome</th><th>Difference</th><th>Verdict</th></tr>\n",
        esc(&crate::plan_review::count_line(&review))
    ));
    for r in review.iter().filter(|r| r.outcome.is_some()) {
        let outcome = r.outcome.map_or(String::new(), |(y, v)| {
            format!("{} ({y})", crate::util::format_quantity(v, &r.unit))
        });
        html.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"s\">{}</td></tr>\n",
            esc(&r.province),
            esc(&r.period.clone().unwrap_or_else(|| r.year.to_string())),
            esc(&r.indicator),
            esc(&r.wording),
            esc(&outcome),
            esc(&r.difference_text()),
            esc(r.status.as_str())
        ));
    }
    html.push_str("</table>\n");
    let mut targets: Vec<&crate::model::Finding> = project
        .findings
        .iter()
        .filter(|f| f.data.kind == Kind::Target && f.review != Review::Rejected && keep(f))
        .collect();
    targets.sort_by(|a, b| {
        (a.data.year, &a.data.province, &a.data.indicator).cmp(&(
            b.data.year,
            &b.data.province,
            &b.data.indicator,
        ))
    });
    html.push_str("<h2>Targets</h2>\n<table><tr><th>Year</th><th>Province</th><th>Indicator</th><th>Target</th><th>Status</th><th>Chart</th></tr>\n");
    for f in &targets {
        let Some(spec) = chart::target_timeline(project, index, f.id) else {
            continue;
        };
        let base = format!("target-{}-{}", f.id, slug(&f.data.indicator));
        write(&format!("{base}.png"), &chart::render::to_png(&spec, opts)?)?;
        write(
            &format!("{base}.svg"),
            chart::render::to_svg(&spec, opts)?.as_bytes(),
        )?;
        write(&format!("{base}.csv"), chart::chart_csv(&spec).as_bytes())?;
        let status = index.status(f.id).map_or("", |s| s.as_str());
        html.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"s\">{}</td><td><a href=\"{base}.png\">PNG</a> <a href=\"{base}.svg\">SVG</a> <a href=\"{base}.csv\">CSV</a></td></tr>\n",
            f.data.year,
            esc(&f.data.province),
            esc(&f.data.indicator),
            esc(&chart::target_words(f)),
            status
        ));
    }
    html.push_str("</table>\n");
    let table = chart::targets_csv(project, index);
    write("targets.csv", table.as_bytes())?;
    html.push_str(
        "<p><a href=\"targets.csv\">All targets with their status (CSV)</a></p>\n</body></html>\n",
    );
    write("index.html", html.as_bytes())?;
    Ok(written)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The bundled sample project, built the same way every time from `assets/samples/`
/// (import times fixed at zero so the saved file is reproducible).
pub fn sample_project(samples_dir: &Path) -> Result<Project, String> {
    // the files of a folder with one of the extensions, in name order
    let files = |dir: &Path, exts: &[&str]| -> Result<Vec<PathBuf>, String> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {}", dir.display(), import::io_message(&e)))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| exts.iter().any(|x| e == *x)))
            .filter(|p| p.file_name().is_some_and(|n| n != "SOURCES.md"))
            .collect();
        paths.sort();
        Ok(paths)
    };
    let texts = |dir: &Path| files(dir, &["txt", "md"]);
    let mut project = Project {
        name: "Sample: targets and outcomes of Chinese provinces".into(),
        ..Project::default()
    };
    // the plans, then the later reports of what came of them (samples/later/), whose
    // outcomes are confirmed for the targets they answer, as a user would on import
    let later_dir = samples_dir.join("later");
    let later = if later_dir.is_dir() {
        texts(&later_dir)?
    } else {
        Vec::new()
    };
    let mut later_docs = Vec::new();
    for (path, is_later) in texts(samples_dir)?
        .into_iter()
        .map(|p| (p, false))
        .chain(later.into_iter().map(|p| (p, true)))
    {
        let mut p = prepare_path(&path)?;
        p.doc.imported = 0;
        p.doc.path = if is_later {
            format!("assets/samples/later/{}", p.doc.file_name)
        } else {
            format!("assets/samples/{}", p.doc.file_name)
        };
        let id = add_prepared(&mut project, p)?;
        if is_later {
            later_docs.push(id);
        }
    }
    // each later report answers the targets of every other document
    for d in later_docs {
        for (target, actual, doc) in proposals_from(&project, &[d]) {
            let id = project.new_id();
            let mut o = actual_from_finding(target, &actual, &doc, id);
            o.recorded = 0;
            project.observations.push(o);
        }
    }
    // tables of outcomes (samples/later/*.csv), recorded as "Import actuals" does
    if later_dir.is_dir() {
        for path in files(&later_dir, &["csv"])? {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("{}: {}", path.display(), import::io_message(&e)))?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let preview = crate::actuals_csv::preview(&project, &name, &text)?;
            let mut next = project.next_id;
            let mut obs = crate::actuals_csv::observations(&project, &preview, &mut next);
            project.next_id = next;
            for o in &mut obs {
                o.recorded = 0;
            }
            project.observations.extend(obs);
        }
    }
    Ok(project)
}
