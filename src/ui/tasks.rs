//! Work off the UI thread. Each job sends one message back and wakes the UI.
//!
//! File dialogs run on a worker thread: on Linux without a desktop portal rfd returns
//! nothing (as if cancelled) or can block; when no dialog answers, the app offers a
//! typed path instead.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use crate::chart::{ChartSpec, render::ExportOptions};
use crate::model::Project;
use crate::ops::{self, Prepared, Progress};
use crate::progress::StatusIndex;

use super::YearFilter;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    ImportDocuments,
    OpenProject,
    SaveProjectAs,
    ExportChartPng,
    ExportChartSvg,
    ExportCsv,
    ExportXlsx,
    ExportReport,
    ImportActualsCsv,
}

impl Pick {
    pub fn title(self) -> &'static str {
        match self {
            Pick::ImportDocuments => "Import documents",
            Pick::OpenProject => "Open project",
            Pick::SaveProjectAs => "Save project as",
            Pick::ExportChartPng => "Export chart as PNG",
            Pick::ExportChartSvg => "Export chart as SVG",
            Pick::ExportCsv => "Export targets as CSV",
            Pick::ExportXlsx => "Export targets as a spreadsheet",
            Pick::ExportReport => "Export report folder",
            Pick::ImportActualsCsv => "Import actuals from a table",
        }
    }
}

pub enum Msg {
    Picked {
        purpose: Pick,
        paths: Vec<PathBuf>,
    },
    /// The dialog returned at once with nothing: most likely no dialog could be shown.
    DialogUnavailable {
        purpose: Pick,
    },
    Prepared {
        results: Vec<(PathBuf, Result<Prepared, String>)>,
        cancelled: bool,
    },
    Wrote {
        what: String,
        result: Result<String, String>,
    },
    Autosaved(Result<(), String>),
}

pub struct ImportJob {
    pub total: usize,
    pub done: usize,
    done_counter: Arc<AtomicUsize>,
    progress: Arc<Progress>,
}

impl ImportJob {
    /// Share of the bytes read and extracted, so that one large file moves the bar too.
    pub fn fraction(&self) -> f32 {
        self.progress.fraction()
    }
    pub fn cancel(&self) {
        self.progress.cancel();
    }
    pub fn is_cancelling(&self) -> bool {
        self.progress.is_cancelled()
    }
}

pub struct Tasks {
    tx: Sender<Msg>,
    rx: Receiver<Msg>,
    import: Option<ImportJob>,
    dialog_open: bool,
}

impl Tasks {
    pub fn new() -> Tasks {
        let (tx, rx) = channel();
        Tasks {
            tx,
            rx,
            import: None,
            dialog_open: false,
        }
    }

    pub fn try_recv(&mut self) -> Option<Msg> {
        if let Some(job) = &mut self.import {
            job.done = job.done_counter.load(Ordering::Relaxed);
        }
        let msg = self.rx.try_recv().ok()?;
        match &msg {
            Msg::Prepared { .. } => self.import = None,
            Msg::Picked { .. } | Msg::DialogUnavailable { .. } => self.dialog_open = false,
            _ => {}
        }
        Some(msg)
    }

    pub fn import_progress(&self) -> Option<&ImportJob> {
        self.import.as_ref()
    }

    pub fn pick(&mut self, purpose: Pick, dir: PathBuf, ctx: egui::Context) {
        if self.dialog_open {
            return;
        }
        self.dialog_open = true;
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            let started = Instant::now();
            let mut d = rfd::AsyncFileDialog::new()
                .set_title(purpose.title())
                .set_directory(&dir);
            d = match purpose {
                Pick::ImportDocuments => d
                    .add_filter(
                        "Documents",
                        &["txt", "md", "markdown", "html", "htm", "docx", "pdf"],
                    )
                    .add_filter("All files", &["*"]),
                Pick::OpenProject => {
                    d.add_filter("PlanTrack projects", &["ron", "bak", "recovery"])
                }
                Pick::SaveProjectAs => d
                    .add_filter("PlanTrack projects", &["ron"])
                    .set_file_name("project.ron"),
                Pick::ExportChartPng => d
                    .add_filter("PNG image", &["png"])
                    .set_file_name("chart.png"),
                Pick::ExportChartSvg => d
                    .add_filter("SVG image", &["svg"])
                    .set_file_name("chart.svg"),
                Pick::ExportCsv => d.add_filter("CSV", &["csv"]).set_file_name("targets.csv"),
                Pick::ExportXlsx => d
                    .add_filter("Excel workbook", &["xlsx"])
                    .set_file_name("targets.xlsx"),
                Pick::ExportReport => d,
                Pick::ImportActualsCsv => d
                    .add_filter("Tables", &["csv", "txt", "xlsx", "xls", "ods"])
                    .add_filter("All files", &["*"]),
            };
            let paths: Vec<PathBuf> = match purpose {
                Pick::ImportDocuments => pollster::block_on(d.pick_files())
                    .unwrap_or_default()
                    .into_iter()
                    .map(|f| f.path().to_path_buf())
                    .collect(),
                Pick::OpenProject | Pick::ImportActualsCsv => pollster::block_on(d.pick_file())
                    .map(|f| f.path().to_path_buf())
                    .into_iter()
                    .collect(),
                Pick::ExportReport => pollster::block_on(d.pick_folder())
                    .map(|f| f.path().to_path_buf())
                    .into_iter()
                    .collect(),
                _ => pollster::block_on(d.save_file())
                    .map(|f| f.path().to_path_buf())
                    .into_iter()
                    .collect(),
            };
            // No person cancels a dialog within a fraction of a second: nothing was shown.
            let msg = if paths.is_empty() && started.elapsed() < Duration::from_millis(400) {
                Msg::DialogUnavailable { purpose }
            } else {
                Msg::Picked { purpose, paths }
            };
            let _ = tx.send(msg);
            ctx.request_repaint();
        });
    }

    pub fn import(&mut self, paths: Vec<PathBuf>, ctx: egui::Context) {
        let done = Arc::new(AtomicUsize::new(0));
        let tx = self.tx.clone();
        let progress = Arc::new(Progress::default());
        self.import = Some(ImportJob {
            total: paths.len(),
            done: 0,
            done_counter: done.clone(),
            progress: progress.clone(),
        });
        std::thread::spawn(move || {
            use rayon::prelude::*;
            // sizing the job reads every file's metadata: off the UI thread as well
            progress.size_for(&paths);
            let tick = || ctx.request_repaint();
            let results: Vec<(PathBuf, Option<Result<Prepared, String>>)> = paths
                .par_iter()
                .map(|p| {
                    if progress.is_cancelled() {
                        return (p.clone(), None);
                    }
                    // a panic in a worker must not take the app down
                    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        ops::prepare_path_with(p, &progress, &tick)
                    }))
                    .unwrap_or_else(|_| {
                        Err("the document could not be read (internal error)".into())
                    });
                    done.fetch_add(1, Ordering::Relaxed);
                    ctx.request_repaint();
                    match r {
                        Err(e) if e == ops::CANCELLED => (p.clone(), None),
                        r => (p.clone(), Some(r)),
                    }
                })
                .collect();
            let cancelled = results.iter().any(|r| r.1.is_none());
            let results = results
                .into_iter()
                .filter_map(|(p, r)| r.map(|r| (p, r)))
                .collect();
            let _ = tx.send(Msg::Prepared { results, cancelled });
            ctx.request_repaint();
        });
    }

    pub fn export_chart(
        &mut self,
        spec: ChartSpec,
        path: PathBuf,
        opts: ExportOptions,
        ctx: egui::Context,
    ) {
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            let r = crate::chart::render::write_file(&spec, &path, opts);
            let csv = path.with_extension("csv");
            let r = r.and_then(|()| {
                crate::store::write_atomic(&csv, crate::chart::chart_csv(&spec).as_bytes(), false)
                    .map_err(|e| e.to_string())
            });
            let _ = tx.send(Msg::Wrote {
                what: "Chart exported".into(),
                result: r
                    .map(|()| format!("{} (and its data in {})", path.display(), csv.display())),
            });
            ctx.request_repaint();
        });
    }

    pub fn write_text(&mut self, path: PathBuf, text: String, ctx: egui::Context) {
        self.write_bytes(path, text.into_bytes(), ctx);
    }

    pub fn write_bytes(&mut self, path: PathBuf, bytes: Vec<u8>, ctx: egui::Context) {
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            let r = crate::store::write_atomic(&path, &bytes, false).map_err(|e| e.to_string());
            let _ = tx.send(Msg::Wrote {
                what: "Exported".into(),
                result: r.map(|()| path.display().to_string()),
            });
            ctx.request_repaint();
        });
    }

    pub fn report(
        &mut self,
        project: Project,
        province: Option<String>,
        year: YearFilter,
        dir: PathBuf,
        opts: ExportOptions,
        ctx: egui::Context,
    ) {
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            let index = StatusIndex::build(&project);
            let keep = |f: &crate::model::Finding| {
                province.as_deref().is_none_or(|p| f.data.province == p) && year.keeps(f.data.year)
            };
            let title = match &province {
                Some(p) => format!("{p}: plan targets"),
                None => "Plan targets".to_string(),
            };
            let dir = match &province {
                Some(p) => dir.join(format!("plantrack-report-{}", ops::slug(p))),
                None => dir.join("plantrack-report"),
            };
            let r = ops::write_report(&project, &index, &title, &keep, &dir, opts);
            let _ = tx.send(Msg::Wrote {
                what: "Report exported".into(),
                result: r.map(|files| {
                    format!(
                        "{} ({} files)",
                        dir.join("index.html").display(),
                        files.len()
                    )
                }),
            });
            ctx.request_repaint();
        });
    }

    pub fn autosave(&mut self, path: PathBuf, project: Project, ctx: egui::Context) {
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            let text = crate::store::to_string(&project);
            let r = crate::store::write_atomic(&path, text.as_bytes(), false)
                .map_err(|e| e.to_string());
            let _ = tx.send(Msg::Autosaved(r));
            ctx.request_repaint();
        });
    }
}
