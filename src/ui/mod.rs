//! The eframe app. Panels read the project and emit `Change`s that `Session::apply`
//! records for undo; slow work (file dialogs, imports, exports, autosave) runs on
//! worker threads that report back through a channel and wake the UI.

mod details;
mod document;
mod plot;
mod review;
mod table;
mod tasks;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use egui::{Color32, Key, KeyboardShortcut, Modifiers, RichText};
use serde::{Deserialize, Serialize};

use crate::chart::render::ExportOptions;
use crate::model::{Id, Kind, Project, Review};
use crate::progress::{Status, StatusIndex};
use crate::session::{Change, SaveOutcome, Session};

pub use table::filtered_rows;
pub use tasks::{Msg, Pick};

const PREFS_KEY: &str = "plantrack-prefs";

/// Preferences kept between runs (eframe storage): not project data.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub last_project: Option<PathBuf>,
    pub recent_projects: Vec<PathBuf>,
    pub recent_documents: Vec<PathBuf>,
    pub dark: Option<bool>,
}

impl Prefs {
    fn remember(list: &mut Vec<PathBuf>, p: &Path) {
        let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        list.retain(|x| *x != p);
        list.insert(0, p);
        list.truncate(10);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum YearFilter {
    #[default]
    All,
    Y2021,
    Y2025,
    Other,
}

impl YearFilter {
    pub fn keeps(self, y: i32) -> bool {
        match self {
            YearFilter::All => true,
            YearFilter::Y2021 => y == 2021,
            YearFilter::Y2025 => y == 2025,
            YearFilter::Other => y != 2021 && y != 2025,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            YearFilter::All => "All years",
            YearFilter::Y2021 => "2021",
            YearFilter::Y2025 => "2025",
            YearFilter::Other => "Other years",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum KindFilter {
    #[default]
    Targets,
    Actuals,
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortCol {
    Province,
    Year,
    Indicator,
    Value,
    Status,
    Review,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Target,
    Document,
    Charts,
    /// Plan versus outcome for the province and years chosen.
    Review,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChartKind {
    #[default]
    Timeline,
    Comparison,
    Overview,
}

/// The actual being typed or edited in the details panel.
#[derive(Debug, Clone, Default)]
pub struct RecordForm {
    pub editing: Option<Id>,
    pub year: String,
    pub value: String,
    pub note: String,
    pub error: Option<String>,
}

#[derive(Debug, Clone)]
pub struct View {
    pub province: Option<String>,
    pub year: YearFilter,
    pub kind: KindFilter,
    pub search: String,
    pub show_rejected: bool,
    pub status: Option<Status>,
    pub sort: (SortCol, bool),
    pub selected: Option<Id>,
    pub tab: Tab,
    pub chart: ChartKind,
    pub doc: Option<Id>,
    pub record: RecordForm,
    pub edit: Option<details::EditForm>,
    pub typed_path: String,
    pub scroll_to_selected: bool,
    pub export: ExportOptions,
    /// Which of the proposed actuals (Modal::Proposals) are ticked.
    pub proposal_checks: Vec<bool>,
    /// The report year being corrected in the document panel: (document, year).
    pub date_edit: Option<(Id, i32)>,
}

impl Default for View {
    fn default() -> Self {
        View {
            province: None,
            year: YearFilter::All,
            kind: KindFilter::Targets,
            search: String::new(),
            show_rejected: false,
            status: None,
            sort: (SortCol::Province, true),
            selected: None,
            tab: Tab::Target,
            chart: ChartKind::Timeline,
            doc: None,
            record: RecordForm::default(),
            edit: None,
            typed_path: String::new(),
            scroll_to_selected: false,
            export: ExportOptions::default(),
            proposal_checks: Vec::new(),
            date_edit: None,
        }
    }
}

/// Derived data, rebuilt only when the project or the filters change.
#[derive(Default)]
pub struct Cache {
    generation: u64,
    filter_key: u64,
    pub status: StatusIndex,
    /// Indexes into `project.findings` of the rows shown, in display order.
    pub rows: Vec<usize>,
    /// Province -> (targets, status counts), for the province list.
    pub provinces: BTreeMap<String, (usize, BTreeMap<Status, usize>)>,
    pub total_targets: usize,
    /// The chart shown, with what it was built from (see `current_chart`).
    chart: Option<(ChartKey, Option<crate::chart::ChartSpec>)>,
    /// The details of the selected target.
    pub selected: Option<std::rc::Rc<details::SelectedData>>,
    /// Rows of `rows` whose findings await review, for the bulk buttons.
    pub suggested_rows: Vec<usize>,
}

/// (project generation, filters, chart kind, selected finding)
type ChartKey = (u64, u64, ChartKind, Option<Id>);

/// A dialog over the window.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    Message {
        title: String,
        body: String,
    },
    ConfirmClose,
    ChangedOnDisk,
    OpenPath {
        purpose: Pick,
    },
    ImportProblems {
        imported: usize,
        problems: Vec<String>,
    },
    ConfirmDeleteDocument(Id),
    ExportOptions(Pick),
    /// Rows of a CSV of actuals, matched to targets, before they are recorded.
    CsvPreview(crate::actuals_csv::Preview),
    /// Actuals stated in newly imported documents that match existing targets:
    /// (target, actual found, document file name), for the user to confirm.
    Proposals(Vec<(Id, crate::model::Finding, String)>),
    About,
}

pub struct PlanTrackApp {
    pub session: Session,
    pub view: View,
    pub cache: Cache,
    pub prefs: Prefs,
    pub modal: Option<Modal>,
    tasks: tasks::Tasks,
    /// Short messages in the status bar: (text, is_error).
    pub notice: Option<(String, bool)>,
    title_shown: String,
    close_confirmed: bool,
    last_autosave: f64,
    doc_view: document::DocView,
    /// When set, report the time from this instant to the first frame and quit.
    pub startup_probe: Option<std::time::Instant>,
    /// The first window was fitted to the screen (or found restored from the last run).
    window_fitted: bool,
}

/// The window's size at a first start, before it is fitted to the screen.
pub const DEFAULT_WINDOW: [f32; 2] = [1400.0, 860.0];

/// Chinese documents render on machines without a CJK font: the bundled one is the last
/// fallback of both families, so Latin text keeps egui's own fonts.
pub fn install_cjk_font(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(FontInsert::new(
        "PlanTrack CJK",
        egui::FontData::from_static(crate::chart::render::CJK_FONT),
        families,
    ));
}

impl PlanTrackApp {
    /// An app around a session, without eframe (tests drive it through `ui_root`).
    pub fn new(session: Session, prefs: Prefs) -> PlanTrackApp {
        let mut app = PlanTrackApp {
            session,
            view: View::default(),
            cache: Cache::default(),
            prefs,
            modal: None,
            tasks: tasks::Tasks::new(),
            notice: None,
            title_shown: String::new(),
            close_confirmed: false,
            last_autosave: 0.0,
            doc_view: document::DocView::default(),
            startup_probe: None,
            window_fitted: false,
        };
        app.refresh();
        app
    }

    /// The app as eframe starts it: preferences from storage, the last project (or the
    /// bundled sample), then the documents given on the command line.
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        args: Vec<PathBuf>,
    ) -> PlanTrackApp {
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, PREFS_KEY))
            .unwrap_or_default();
        install_cjk_font(&cc.egui_ctx);
        if let Some(dark) = prefs.dark {
            cc.egui_ctx.set_theme(if dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
        }
        let (projects, documents): (Vec<PathBuf>, Vec<PathBuf>) = args
            .into_iter()
            .partition(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")));
        let mut problems = Vec::new();
        let wanted = projects
            .first()
            .cloned()
            .or_else(|| prefs.last_project.clone());
        let session = match wanted.as_deref().map(Session::open) {
            Some(Ok(s)) => s,
            Some(Err(e)) => {
                problems.push(format!("The last project could not be opened: {e}"));
                open_sample()
            }
            None => open_sample(),
        };
        let mut app = PlanTrackApp::new(session, prefs);
        if let Some(msg) = problems.pop() {
            app.modal = Some(Modal::Message {
                title: "Project not opened".into(),
                body: msg,
            });
        }
        app.offer_recovery();
        if !documents.is_empty() {
            app.start_import(documents, &cc.egui_ctx);
        }
        app
    }

    fn offer_recovery(&mut self) {
        let Some(path) = self.session.path.clone() else {
            return;
        };
        let rec = crate::store::recovery_path(&path);
        let newer = match (std::fs::metadata(&rec), std::fs::metadata(&path)) {
            (Ok(r), Ok(p)) => r.modified().ok() > p.modified().ok(),
            (Ok(_), Err(_)) => true,
            _ => false,
        };
        if newer && let Ok(p) = crate::store::load(&rec) {
            let session = Session::new(p, Some(path.clone()));
            self.session = session;
            self.session.mark_dirty();
            self.modal = Some(Modal::Message {
                title: "Unsaved changes recovered".into(),
                body: format!(
                    "PlanTrack closed without saving {}. The changes autosaved before that were restored; save to keep them, or reopen the file to discard them.",
                    path.display()
                ),
            });
            self.refresh();
        }
    }

    // ------------------------------------------------------------ derived data

    /// Rebuild caches that are out of date. Cheap when nothing changed.
    pub fn refresh(&mut self) {
        let key = self.filter_key();
        if self.cache.generation == self.session.generation && self.cache.filter_key == key {
            return;
        }
        if self.cache.generation != self.session.generation {
            self.cache.status = StatusIndex::build(&self.session.project);
            let mut provinces: BTreeMap<String, (usize, BTreeMap<Status, usize>)> = BTreeMap::new();
            let mut total = 0;
            for f in &self.session.project.findings {
                if f.data.kind != Kind::Target || f.review == Review::Rejected {
                    continue;
                }
                total += 1;
                let e = provinces.entry(f.data.province.clone()).or_default();
                e.0 += 1;
                let s = self.cache.status.status(f.id).unwrap_or(Status::NoData);
                *e.1.entry(s).or_default() += 1;
            }
            self.cache.provinces = provinces;
            self.cache.total_targets = total;
            if let Some(id) = self.view.selected
                && self.session.project.finding(id).is_none()
            {
                self.view.selected = None;
            }
        }
        self.cache.rows =
            table::filtered_rows(&self.session.project, &self.cache.status, &self.view);
        let findings = &self.session.project.findings;
        self.cache.suggested_rows = self
            .cache
            .rows
            .iter()
            .copied()
            .filter(|&i| findings[i].review == Review::Suggested)
            .collect();
        self.cache.generation = self.session.generation;
        self.cache.filter_key = key;
    }

    fn filter_key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let v = &self.view;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            &v.province,
            v.year,
            v.kind,
            &v.search,
            v.show_rejected,
            v.status,
            v.sort.0,
            v.sort.1,
        )
            .hash(&mut h);
        h.finish()
    }

    // ------------------------------------------------------------ actions

    pub fn apply(&mut self, change: Change) {
        let label = change.label.clone();
        self.session.apply(change);
        self.notice = Some((format!("Done: {label}. (Ctrl+Z undoes it.)"), false));
        self.refresh();
    }

    pub fn undo(&mut self) {
        match self.session.undo() {
            Some(l) => self.notice = Some((format!("Undone: {l}"), false)),
            None => self.notice = Some(("Nothing to undo".into(), false)),
        }
        self.refresh();
    }

    pub fn redo(&mut self) {
        match self.session.redo() {
            Some(l) => self.notice = Some((format!("Redone: {l}"), false)),
            None => self.notice = Some(("Nothing to redo".into(), false)),
        }
        self.refresh();
    }

    pub fn select(&mut self, id: Id) {
        if self.view.selected != Some(id) {
            self.view.selected = Some(id);
            self.view.record = RecordForm::default();
            self.view.edit = None;
            if let Some(f) = self.session.project.finding(id) {
                self.view.doc = Some(f.doc);
            }
        }
    }

    /// Save to the current file; asks for a file when there is none.
    pub fn save(&mut self, ctx: &egui::Context, force: bool) -> bool {
        if self.session.path.is_none() {
            self.pick(Pick::SaveProjectAs, ctx);
            return false;
        }
        match self.session.save(None, force) {
            Ok(SaveOutcome::Saved) => {
                if let Some(p) = self.session.path.clone() {
                    Prefs::remember(&mut self.prefs.recent_projects, &p);
                    self.prefs.last_project = Some(p);
                }
                self.notice = Some((format!("Saved {}", self.session.file_name()), false));
                true
            }
            Ok(SaveOutcome::ChangedOnDisk) => {
                self.modal = Some(Modal::ChangedOnDisk);
                false
            }
            Err(e) => {
                self.modal = Some(Modal::Message {
                    title: "Not saved".into(),
                    body: format!(
                        "The project could not be saved: {e}. The file on disk is unchanged and your work is still open here; try Save As in another folder."
                    ),
                });
                false
            }
        }
    }

    pub fn save_as(&mut self, path: &Path) {
        let path = if path.extension().is_none() {
            path.with_extension("ron")
        } else {
            path.to_path_buf()
        };
        match self.session.save(Some(&path), true) {
            Ok(_) => {
                Prefs::remember(&mut self.prefs.recent_projects, &path);
                self.prefs.last_project = Some(path.clone());
                self.notice = Some((format!("Saved {}", path.display()), false));
            }
            Err(e) => {
                self.modal = Some(Modal::Message {
                    title: "Not saved".into(),
                    body: format!("The project could not be saved: {e}. Nothing was overwritten."),
                });
            }
        }
    }

    pub fn open_project(&mut self, path: &Path) {
        if self.session.is_dirty() {
            self.modal = Some(Modal::Message {
                title: "Unsaved changes".into(),
                body: "Save or undo the changes to this project before opening another one.".into(),
            });
            return;
        }
        match Session::open(path) {
            Ok(s) => {
                self.session = s;
                self.view = View::default();
                Prefs::remember(&mut self.prefs.recent_projects, path);
                self.prefs.last_project = Some(path.to_path_buf());
                self.cache = Cache::default();
                self.refresh();
                self.offer_recovery();
                self.notice = Some((format!("Opened {}", path.display()), false));
            }
            Err(e) => {
                let bak = crate::store::backup_path(path);
                let hint = if bak.exists() {
                    format!(
                        " A backup of the previous save exists: {} (open it with File > Open project).",
                        bak.display()
                    )
                } else {
                    String::new()
                };
                self.modal = Some(Modal::Message {
                    title: "Project not opened".into(),
                    body: format!(
                        "{} could not be opened: {e}. The file was not changed.{hint}",
                        path.display()
                    ),
                });
            }
        }
    }

    pub fn new_project(&mut self) {
        if self.session.is_dirty() {
            self.modal = Some(Modal::Message {
                title: "Unsaved changes".into(),
                body: "Save or undo the changes to this project before starting a new one.".into(),
            });
            return;
        }
        self.session = Session::new(Project::default(), None);
        self.view = View::default();
        self.cache = Cache::default();
        self.refresh();
    }

    pub fn pick(&mut self, purpose: Pick, ctx: &egui::Context) {
        let dir = self.default_dir(purpose);
        self.tasks.pick(purpose, dir, ctx.clone());
    }

    fn default_dir(&self, purpose: Pick) -> PathBuf {
        match purpose {
            Pick::ImportDocuments => self
                .prefs
                .recent_documents
                .first()
                .and_then(|p| p.parent().map(Path::to_path_buf))
                .unwrap_or_else(saves_dir),
            _ => self
                .session
                .path
                .as_deref()
                .and_then(Path::parent)
                .filter(|p| !p.as_os_str().is_empty())
                .map(Path::to_path_buf)
                .unwrap_or_else(saves_dir),
        }
    }

    pub fn start_import(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        if paths.is_empty() {
            return;
        }
        for p in &paths {
            Prefs::remember(&mut self.prefs.recent_documents, p);
        }
        self.tasks.import(paths, ctx.clone());
    }

    /// Handle what a picked (or typed) path is for.
    pub fn picked(&mut self, purpose: Pick, paths: Vec<PathBuf>, ctx: &egui::Context) {
        let Some(first) = paths.first().cloned() else {
            return;
        };
        match purpose {
            Pick::ImportDocuments => self.start_import(paths, ctx),
            Pick::OpenProject => self.open_project(&first),
            Pick::SaveProjectAs => self.save_as(&first),
            Pick::ExportChartPng | Pick::ExportChartSvg => {
                if let Some(spec) = self.current_chart() {
                    let want = if purpose == Pick::ExportChartPng {
                        "png"
                    } else {
                        "svg"
                    };
                    let path = if first
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case(want))
                    {
                        first
                    } else {
                        first.with_extension(want)
                    };
                    self.tasks
                        .export_chart(spec, path, self.view.export, ctx.clone());
                }
            }
            Pick::ExportCsv => {
                let csv = crate::chart::targets_csv(&self.session.project, &self.cache.status);
                let path = if first.extension().is_none() {
                    first.with_extension("csv")
                } else {
                    first
                };
                self.tasks.write_text(path, csv, ctx.clone());
            }
            Pick::ExportXlsx => {
                let path = if first.extension().is_none() {
                    first.with_extension("xlsx")
                } else {
                    first
                };
                match crate::spreadsheet::workbook(&self.session.project, &self.cache.status) {
                    Ok(bytes) => self.tasks.write_bytes(path, bytes, ctx.clone()),
                    Err(e) => {
                        self.modal = Some(Modal::Message {
                            title: "Cannot write the spreadsheet".into(),
                            body: e,
                        })
                    }
                }
            }
            Pick::ImportActualsCsv => {
                match crate::ops::preview_actuals(&self.session.project, &first) {
                    Ok(preview) => self.modal = Some(Modal::CsvPreview(preview)),
                    Err(e) => {
                        self.modal = Some(Modal::Message {
                            title: "Cannot read the table of actuals".into(),
                            body: format!("{}: {e}", first.display()),
                        })
                    }
                }
            }
            Pick::ExportReport => {
                let project = self.session.project.clone();
                let province = self.view.province.clone();
                let year = self.view.year;
                self.tasks.report(
                    project,
                    province,
                    year,
                    first,
                    self.view.export,
                    ctx.clone(),
                );
            }
        }
    }

    /// The chart of the Charts tab (or the selected target's timeline), built again only
    /// when the project, the filters, the chart kind or the selection change: a chart
    /// over a hundred thousand targets takes longer than a frame.
    pub fn current_chart(&mut self) -> Option<crate::chart::ChartSpec> {
        let key = (
            self.session.generation,
            self.filter_key(),
            self.view.chart,
            self.view.selected,
        );
        if self.cache.chart.as_ref().is_none_or(|(k, _)| *k != key) {
            let spec = self.build_chart();
            self.cache.chart = Some((key, spec));
        }
        self.cache.chart.as_ref().and_then(|(_, s)| s.clone())
    }

    fn build_chart(&self) -> Option<crate::chart::ChartSpec> {
        let p = &self.session.project;
        let idx = &self.cache.status;
        match self.view.chart {
            ChartKind::Timeline => self
                .view
                .selected
                .filter(|id| p.finding(*id).is_some_and(|f| f.data.kind == Kind::Target))
                .and_then(|id| crate::chart::target_timeline(p, idx, id)),
            ChartKind::Comparison => {
                let f = p.finding(self.view.selected?)?;
                let key = f
                    .data
                    .indicator_key
                    .clone()
                    .unwrap_or_else(|| f.data.indicator.clone());
                crate::chart::indicator_comparison(p, idx, &key, f.data.year)
            }
            ChartKind::Overview => {
                let filter = table::Filter::new(&self.view, true);
                Some(crate::chart::overview(p, idx, |f| filter.keeps(f, idx)))
            }
        }
    }

    fn poll_tasks(&mut self, ctx: &egui::Context) {
        while let Some(msg) = self.tasks.try_recv() {
            match msg {
                Msg::Picked { purpose, paths } => self.picked(purpose, paths, ctx),
                Msg::DialogUnavailable { purpose } => {
                    self.modal = Some(Modal::OpenPath { purpose });
                }
                Msg::Prepared { results, cancelled } => self.finish_import(results, cancelled),
                Msg::Wrote { what, result } => match result {
                    Ok(path) => self.notice = Some((format!("{what}: {path}"), false)),
                    Err(e) => {
                        self.modal = Some(Modal::Message {
                            title: format!("{what} failed"),
                            body: e,
                        })
                    }
                },
                Msg::Autosaved(r) => {
                    if let Err(e) = r {
                        self.notice = Some((format!("Autosave failed: {e}"), true));
                    }
                }
            }
        }
    }

    fn finish_import(
        &mut self,
        results: Vec<(PathBuf, Result<crate::ops::Prepared, String>)>,
        cancelled: bool,
    ) {
        let mut change = Change::labelled("");
        let mut problems = Vec::new();
        let mut scratch = IdScratch {
            next: self.session.project.next_id.max(1),
        };
        let mut first_doc = None;
        for (path, r) in results {
            match r {
                Ok(prepared) => {
                    if let Some(existing) = self
                        .session
                        .project
                        .has_document_hash(&prepared.doc.hash)
                        .or_else(|| {
                            change
                                .docs_added
                                .iter()
                                .map(|b| &b.doc)
                                .find(|d| d.hash == prepared.doc.hash)
                        })
                    {
                        problems.push(format!(
                            "{}: already in the project as \"{}\" (same text)",
                            path.display(),
                            existing.title
                        ));
                        continue;
                    }
                    let bundle = scratch.bundle(prepared);
                    first_doc.get_or_insert(bundle.doc.id);
                    change.docs_added.push(bundle);
                }
                Err(e) => problems.push(format!("{}: {e}", path.display())),
            }
        }
        let n = change.docs_added.len();
        let found: usize = change.docs_added.iter().map(|b| b.findings.len()).sum();
        if n > 0 {
            change.label = if n == 1 {
                format!("import {}", change.docs_added[0].doc.file_name)
            } else {
                format!("import {n} documents")
            };
            let new_docs: Vec<Id> = change.docs_added.iter().map(|b| b.doc.id).collect();
            self.apply(change);
            self.notice = Some((
                format!("Imported {n} document(s): {found} targets and actuals found."),
                false,
            ));
            if let Some(d) = first_doc {
                self.view.doc = Some(d);
            }
            // a later report states outcomes of earlier targets: offer them at once
            let proposals = crate::ops::proposals_from(&self.session.project, &new_docs);
            if !proposals.is_empty() {
                self.view.proposal_checks = vec![true; proposals.len()];
                self.modal = Some(Modal::Proposals(proposals));
            }
        }
        if cancelled {
            problems
                .push("The import was cancelled; documents read before that were imported.".into());
        }
        if !problems.is_empty() {
            self.modal = Some(Modal::ImportProblems {
                imported: n,
                problems,
            });
        }
    }

    // ------------------------------------------------------------ frame

    /// Everything drawn each frame, without eframe (tests call this).
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll_tasks(&ctx);
        self.shortcuts(&ctx);
        self.dropped_files(&ctx);
        self.refresh();
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::left("provinces")
            .resizable(true)
            .default_size(200.0)
            .min_size(150.0)
            .show(ui, |ui| table::province_panel(self, ui));
        egui::Panel::right("details")
            .resizable(true)
            .default_size(440.0)
            .min_size(320.0)
            .show(ui, |ui| self.right_panel(ui));
        egui::CentralPanel::default().show(ui, |ui| table::targets_panel(self, ui));
        self.modals(&ctx);
        self.autosave(&ctx);
    }

    /// A first start opens at the built-in size (main.rs); make it most of the screen
    /// instead. A size restored from the last run is kept as it is.
    fn fit_window(&mut self, ctx: &egui::Context) {
        if self.window_fitted {
            return;
        }
        let (monitor, inner) = ctx.input(|i| (i.viewport().monitor_size, i.viewport().inner_rect));
        let (Some(m), Some(inner)) = (monitor, inner) else {
            return;
        };
        self.window_fitted = true;
        let at_default = (inner.width() - DEFAULT_WINDOW[0]).abs() < 2.0
            && (inner.height() - DEFAULT_WINDOW[1]).abs() < 2.0;
        if at_default && m.x > 0.0 && m.y > 0.0 {
            let size = egui::vec2((m.x * 0.9).max(900.0), (m.y * 0.88).max(560.0));
            ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
            ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(egui::pos2(
                (m.x - size.x) / 2.0,
                (m.y - size.y) / 3.0,
            )));
        }
    }

    fn right_panel(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.view.tab, Tab::Target, "Details");
            ui.selectable_value(&mut self.view.tab, Tab::Document, "Document");
            ui.selectable_value(&mut self.view.tab, Tab::Charts, "Charts");
            ui.selectable_value(&mut self.view.tab, Tab::Review, "Plan vs outcome");
        });
        ui.separator();
        match self.view.tab {
            Tab::Target => details::target_panel(self, ui),
            Tab::Document => document::document_panel(self, ui),
            Tab::Charts => plot::charts_panel(self, ui),
            Tab::Review => review::review_panel(self, ui),
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("New project").clicked() {
                    self.new_project();
                }
                if ui.button("Open project...").clicked() {
                    self.pick(Pick::OpenProject, &ctx);
                }
                ui.menu_button("Open recent", |ui| {
                    if self.prefs.recent_projects.is_empty() {
                        ui.label("No recent projects");
                    }
                    for p in self.prefs.recent_projects.clone() {
                        if ui.button(p.display().to_string()).clicked() {
                            self.open_project(&p);
                        }
                    }
                });
                if ui.button("Open the sample project").clicked() {
                    if self.session.is_dirty() {
                        self.modal = Some(Modal::Message {
                            title: "Unsaved changes".into(),
                            body: "Save or undo the changes to this project first.".into(),
                        });
                    } else {
                        self.session = open_sample();
                        self.view = View::default();
                        self.cache = Cache::default();
                        self.refresh();
                    }
                }
                ui.separator();
                if ui
                    .add(egui::Button::new("Save").shortcut_text(ctx.format_shortcut(&SAVE)))
                    .clicked()
                {
                    self.save(&ctx, false);
                }
                if ui.button("Save as...").clicked() {
                    self.pick(Pick::SaveProjectAs, &ctx);
                }
                ui.separator();
                if ui
                    .add(
                        egui::Button::new("Import documents...")
                            .shortcut_text(ctx.format_shortcut(&IMPORT)),
                    )
                    .clicked()
                {
                    self.pick(Pick::ImportDocuments, &ctx);
                }
                if ui.button("Import by path...").clicked() {
                    self.modal = Some(Modal::OpenPath {
                        purpose: Pick::ImportDocuments,
                    });
                }
                if ui
                    .button("Import actuals from a table (CSV, Excel, ODS)...")
                    .clicked()
                {
                    self.pick(Pick::ImportActualsCsv, &ctx);
                }
                ui.menu_button("Import recent", |ui| {
                    if self.prefs.recent_documents.is_empty() {
                        ui.label("No recent documents");
                    }
                    for p in self.prefs.recent_documents.clone() {
                        if ui.button(p.display().to_string()).clicked() {
                            self.start_import(vec![p], &ctx);
                        }
                    }
                });
                ui.separator();
                if ui.button("Quit").clicked() {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("Edit", |ui| {
                let undo = self
                    .session
                    .history
                    .undo_label()
                    .map(|l| format!("Undo {l}"));
                let redo = self
                    .session
                    .history
                    .redo_label()
                    .map(|l| format!("Redo {l}"));
                if ui
                    .add_enabled(
                        undo.is_some(),
                        egui::Button::new(undo.unwrap_or_else(|| "Undo".into()))
                            .shortcut_text(ctx.format_shortcut(&UNDO)),
                    )
                    .clicked()
                {
                    self.undo();
                }
                if ui
                    .add_enabled(
                        redo.is_some(),
                        egui::Button::new(redo.unwrap_or_else(|| "Redo".into()))
                            .shortcut_text(ctx.format_shortcut(&REDO)),
                    )
                    .clicked()
                {
                    self.redo();
                }
            });
            ui.menu_button("Export", |ui| {
                let has_chart = self.current_chart().is_some();
                if ui
                    .add_enabled(has_chart, egui::Button::new("Chart as PNG..."))
                    .clicked()
                {
                    self.modal = Some(Modal::ExportOptions(Pick::ExportChartPng));
                }
                if ui
                    .add_enabled(has_chart, egui::Button::new("Chart as SVG..."))
                    .clicked()
                {
                    self.modal = Some(Modal::ExportOptions(Pick::ExportChartSvg));
                }
                if ui.button("Target table as CSV...").clicked() {
                    self.pick(Pick::ExportCsv, &ctx);
                }
                if ui
                    .button("Spreadsheet (targets, plan vs outcome)...")
                    .clicked()
                {
                    self.pick(Pick::ExportXlsx, &ctx);
                }
                if ui
                    .button("Report (all charts of the current filter)...")
                    .clicked()
                {
                    self.modal = Some(Modal::ExportOptions(Pick::ExportReport));
                }
            });
            ui.menu_button("View", |ui| {
                let dark = ui.visuals().dark_mode;
                if ui
                    .button(if dark { "Light theme" } else { "Dark theme" })
                    .clicked()
                {
                    ctx.set_theme(if dark {
                        egui::Theme::Light
                    } else {
                        egui::Theme::Dark
                    });
                    self.prefs.dark = Some(!dark);
                }
            });
            ui.menu_button("Help", |ui| {
                if ui.button("About PlanTrack").clicked() {
                    self.modal = Some(Modal::About);
                }
            });
        });
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let dirty = if self.session.is_dirty() {
                " (unsaved changes)"
            } else {
                ""
            };
            ui.label(format!(
                "{}{dirty} | {} documents, {} targets",
                self.session.file_name(),
                self.session.project.documents.len(),
                self.cache.total_targets
            ));
            if let Some(job) = self.tasks.import_progress() {
                ui.separator();
                let what = if job.is_cancelling() {
                    "cancelling".to_string()
                } else if job.total == 1 {
                    format!("importing {:.0}%", 100.0 * job.fraction())
                } else {
                    format!("importing {}/{} files", job.done, job.total)
                };
                ui.add(
                    egui::ProgressBar::new(job.fraction())
                        .desired_width(180.0)
                        .text(what),
                );
                if ui
                    .add_enabled(!job.is_cancelling(), egui::Button::new("Cancel import"))
                    .clicked()
                {
                    job.cancel();
                }
            }
            if let Some((msg, is_error)) = &self.notice {
                ui.separator();
                let text = RichText::new(msg.as_str());
                ui.label(if *is_error {
                    text.color(Color32::from_rgb(213, 94, 0))
                } else {
                    text
                });
            }
        });
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        if self.modal.is_some() {
            return;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&REDO)) {
            self.redo();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&UNDO)) {
            self.undo();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&SAVE)) {
            self.save(ctx, false);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&IMPORT)) {
            self.pick(Pick::ImportDocuments, ctx);
        }
    }

    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if dropped.is_empty() {
            return;
        }
        let has_ext =
            |p: &PathBuf, ext: &str| p.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext));
        let (projects, rest): (Vec<PathBuf>, Vec<PathBuf>) =
            dropped.into_iter().partition(|p| has_ext(p, "ron"));
        // a dropped table of outcomes goes to the preview of actuals, not the importer
        let (tables, docs): (Vec<PathBuf>, Vec<PathBuf>) = rest
            .into_iter()
            .partition(|p| has_ext(p, "csv") || crate::spreadsheet::is_spreadsheet(p));
        if let Some(p) = projects.first() {
            self.open_project(p);
        }
        if let Some(t) = tables.first() {
            self.picked(Pick::ImportActualsCsv, vec![t.clone()], ctx);
        }
        self.start_import(docs, ctx);
    }

    fn autosave(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        if !self.session.is_dirty() {
            self.last_autosave = now;
            return;
        }
        if now - self.last_autosave < 60.0 {
            ctx.request_repaint_after(std::time::Duration::from_secs(61));
            return;
        }
        self.last_autosave = now;
        if let Some(path) = &self.session.path {
            // a copy is a few milliseconds even for 100,000 targets; writing it out as
            // RON takes far longer and happens on the worker
            let snapshot = self.session.project.clone();
            self.tasks
                .autosave(crate::store::recovery_path(path), snapshot, ctx.clone());
        }
    }

    fn modals(&mut self, ctx: &egui::Context) {
        let Some(modal) = self.modal.clone() else {
            return;
        };
        let mut close = false;
        let id = egui::Id::unique("plantrack-modal");
        egui::Modal::new(id).show(ctx, |ui| {
            ui.set_max_width(520.0);
            match &modal {
                Modal::Message { title, body } => {
                    ui.heading(title);
                    ui.label(body);
                    if ui.button("OK").clicked() {
                        close = true;
                    }
                }
                Modal::Proposals(proposals) => {
                    if proposals_dialog(self, ui, proposals) {
                        close = true;
                    }
                }
                Modal::CsvPreview(preview) => {
                    if csv_preview(self, ui, preview) {
                        close = true;
                    }
                }
                Modal::About => {
                    ui.heading("PlanTrack");
                    ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
                    ui.label("Extracts the targets of Chinese plans and work reports, tracks actual outcomes against them, and exports charts for reports.");
                    if ui.button("OK").clicked() {
                        close = true;
                    }
                }
                Modal::ConfirmClose => {
                    ui.heading("Save changes?");
                    ui.label(format!("{} has unsaved changes.", self.session.file_name()));
                    ui.horizontal(|ui| {
                        if ui.button("Save and quit").clicked() && self.save(ctx, false) {
                            self.close_confirmed = true;
                            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                            close = true;
                        }
                        if ui.button("Quit without saving").clicked() {
                            self.close_confirmed = true;
                            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                            close = true;
                        }
                        if ui.button("Cancel").clicked() {
                            close = true;
                        }
                    });
                }
                Modal::ChangedOnDisk => {
                    ui.heading("The file changed on disk");
                    ui.label(format!(
                        "{} was changed by another program since it was opened here. Overwrite it with this version, or save this version under another name?",
                        self.session.file_name()
                    ));
                    ui.horizontal(|ui| {
                        if ui.button("Overwrite").clicked() {
                            close = true;
                            self.modal = None;
                            self.save(ctx, true);
                        }
                        if ui.button("Save as...").clicked() {
                            close = true;
                            self.pick(Pick::SaveProjectAs, ctx);
                        }
                        if ui.button("Cancel").clicked() {
                            close = true;
                        }
                    });
                }
                                Modal::OpenPath { purpose } => {
                    ui.heading(purpose.title());
                    ui.label("No file dialog could be shown on this system (on Linux it needs a desktop portal or zenity). You can also drop files on the window.");
                                        let (what, hint) = match purpose {
                        Pick::ImportDocuments => ("Documents to import (one path per line)", "/path/to/report.txt"),
                        Pick::OpenProject => ("Project file to open", "saves/project.ron"),
                        Pick::SaveProjectAs => ("File to save the project in", "saves/project.ron"),
                        Pick::ExportChartPng => ("File to write", "chart.png"),
                        Pick::ExportChartSvg => ("File to write", "chart.svg"),
                        Pick::ExportCsv => ("File to write", "targets.csv"),
                        Pick::ExportReport => ("Folder to write the report into", "/path/to/folder"),
                        Pick::ExportXlsx => ("File to write", "targets.xlsx"),
                        Pick::ImportActualsCsv => ("Table of actuals (CSV, .xlsx, .xls, .ods)", "/path/to/outcomes.xlsx"),
                    };
                    let label = ui.label(what);
                    ui.add(
                        egui::TextEdit::multiline(&mut self.view.typed_path)
                            .desired_rows(if *purpose == Pick::ImportDocuments { 3 } else { 1 })
                            .desired_width(480.0)
                            .hint_text(hint),
                    )
                    .labelled_by(label.id);
                    ui.horizontal(|ui| {
                        if ui.button("OK").clicked() {
                            let paths: Vec<PathBuf> = self
                                .view
                                .typed_path
                                .lines()
                                .map(|l| l.trim().trim_matches('"'))
                                .filter(|l| !l.is_empty())
                                .map(PathBuf::from)
                                .collect();
                            close = true;
                            self.modal = None;
                            self.picked(*purpose, paths, ctx);
                            if self.modal.is_some() {
                                close = false;
                            }
                        }
                        if ui.button("Cancel").clicked() {
                            close = true;
                        }
                    });
                }
                Modal::ImportProblems { imported, problems } => {
                    ui.heading(if *imported == 0 { "Nothing imported" } else { "Some files were not imported" });
                    if *imported > 0 {
                        ui.label(format!("{imported} document(s) were imported."));
                    }
                    ui.label("These files were left out; the project is otherwise unchanged:");
                    egui::ScrollArea::vertical().max_height(240.0).show(ui, |ui| {
                        for p in problems {
                            ui.label(format!("• {p}"));
                        }
                    });
                    if ui.button("OK").clicked() {
                        close = true;
                    }
                }
                Modal::ConfirmDeleteDocument(doc) => {
                    let name = self.session.project.document(*doc).map_or(String::new(), |d| d.title.clone());
                    let n = self.session.project.findings.iter().filter(|f| f.doc == *doc).count();
                    ui.heading("Remove document?");
                    ui.label(format!("\"{name}\" and its {n} findings (with their recorded actuals) leave the project. Edit > Undo brings them back."));
                    ui.horizontal(|ui| {
                        if ui.button("Remove").clicked() {
                            close = true;
                            details::delete_document(self, *doc);
                        }
                        if ui.button("Cancel").clicked() {
                            close = true;
                        }
                    });
                }
                Modal::ExportOptions(purpose) => {
                    ui.heading(purpose.title());
                    ui.label("Size of the exported image in pixels. The default fills a 16 × 10 cm figure on an A4 page at 300 dpi.");
                    let o = &mut self.view.export;
                    egui::Grid::new("export-size").show(ui, |ui| {
                        let w = ui.label("Width");
                        ui.add(egui::DragValue::new(&mut o.width).range(320..=8000).suffix(" px")).labelled_by(w.id);
                        ui.end_row();
                        let h = ui.label("Height");
                        ui.add(egui::DragValue::new(&mut o.height).range(240..=8000).suffix(" px")).labelled_by(h.id);
                        ui.end_row();
                        let d = ui.label("Resolution");
                        ui.add(egui::DragValue::new(&mut o.dpi).range(72..=1200).suffix(" dpi")).labelled_by(d.id);
                        ui.end_row();
                    });
                    ui.horizontal(|ui| {
                        if ui.button("A4, 300 dpi").clicked() {
                            *o = ExportOptions::default();
                        }
                        if ui.button("Slide, 1920 × 1080").clicked() {
                            *o = ExportOptions { width: 1920, height: 1080, dpi: 144 };
                        }
                    });
                    ui.horizontal(|ui| {
                        if ui.button("Choose file...").clicked() {
                            close = true;
                            self.pick(*purpose, ctx);
                        }
                        if ui.button("Cancel").clicked() {
                            close = true;
                        }
                    });
                }
            }
        });
        if close && self.modal.as_ref() == Some(&modal) {
            self.modal = None;
        }
    }

    fn window_title(&mut self, ctx: &egui::Context) {
        let mark = if self.session.is_dirty() { " •" } else { "" };
        let title = format!("{}{mark} — PlanTrack", self.session.file_name());
        if title != self.title_shown {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_shown = title;
        }
    }
}

const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const IMPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::I);

impl eframe::App for PlanTrackApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested())
            && self.session.is_dirty()
            && !self.close_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modal = Some(Modal::ConfirmClose);
        }
        self.window_title(&ctx);
        self.fit_window(&ctx);
        self.ui_root(ui);
        if let Some(t) = self.startup_probe.take() {
            println!(
                "first frame after {:.0} ms",
                t.elapsed().as_secs_f64() * 1000.0
            );
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}

/// Where projects are saved by default: `saves/` next to the app when it is writable
/// (a checkout or a portable install), else the platform's data folder.
pub fn saves_dir() -> PathBuf {
    let candidates = [
        PathBuf::from("saves"),
        exe_dir().map(|d| d.join("saves")).unwrap_or_default(),
        exe_dir().map(|d| d.join("../../saves")).unwrap_or_default(),
    ];
    for c in candidates {
        if c.is_dir() && writable(&c) {
            return c;
        }
    }
    let data = directories::ProjectDirs::from("org", "PlanTrack", "PlanTrack")
        .map(|d| d.data_dir().join("saves"))
        .unwrap_or_else(|| PathBuf::from("saves"));
    let _ = std::fs::create_dir_all(&data);
    data
}

fn exe_dir() -> Option<PathBuf> {
    std::env::current_exe()
        .ok()?
        .parent()
        .map(Path::to_path_buf)
}

fn writable(dir: &Path) -> bool {
    let probe = dir.join(format!(".plantrack-write-test-{}", std::process::id()));
    let ok = std::fs::write(&probe, b"").is_ok();
    let _ = std::fs::remove_file(&probe);
    ok
}

/// The bundled sample project, as shipped in the binary.
pub const SAMPLE_RON: &str = include_str!("../../saves/sample.ron");

/// The bundled sample as a template: it opens without a file, so the first save asks
/// where to keep the user's copy and the shipped `saves/sample.ron` stays as it is.
pub fn open_sample() -> Session {
    let project = crate::store::from_str(SAMPLE_RON).unwrap_or_default();
    Session::new(project, None)
}

/// Hands out the ids a change will use, before the change is applied.
struct IdScratch {
    next: Id,
}

impl IdScratch {
    fn id(&mut self) -> Id {
        let i = self.next;
        self.next += 1;
        i
    }

    fn bundle(&mut self, p: crate::ops::Prepared) -> crate::session::DocBundle {
        let mut doc = p.doc;
        doc.id = self.id();
        let findings = p
            .extractions
            .into_iter()
            .map(|data| crate::model::Finding {
                id: self.id(),
                doc: doc.id,
                review: Review::Suggested,
                data,
            })
            .collect();
        crate::session::DocBundle {
            doc,
            findings,
            observations: Vec::new(),
        }
    }
}

/// The preview of a CSV of actuals: every row with what will happen to it. Returns
/// true when the dialog is done.
fn csv_preview(
    app: &mut PlanTrackApp,
    ui: &mut egui::Ui,
    preview: &crate::actuals_csv::Preview,
) -> bool {
    ui.heading(format!("Actuals from {}", preview.file_name));
    ui.label(format!(
        "{} row(s) match targets and give {} actual(s); {} row(s) cannot be recorded.",
        preview.ok_rows(),
        preview.actual_count(),
        preview.bad_rows()
    ));
    ui.label(
        RichText::new(
            "Rows are matched by province and indicator (canonical key such as gdp_growth, or the label in the table); a figure counts for the targets still running in its year.",
        )
        .weak(),
    );
    egui::ScrollArea::vertical()
        .max_height(360.0)
        .id_salt("csv-preview")
        .show(ui, |ui| {
            egui::Grid::new("csv-preview-grid")
                .striped(true)
                .show(ui, |ui| {
                    for h in [
                        "Line",
                        "Province",
                        "Indicator",
                        "Year",
                        "Value",
                        "Unit",
                        "Outcome",
                    ] {
                        ui.label(RichText::new(h).strong());
                    }
                    ui.end_row();
                    for r in &preview.rows {
                        ui.label(r.line.to_string());
                        ui.label(&r.province);
                        ui.label(&r.indicator);
                        ui.label(&r.year);
                        ui.label(&r.value);
                        ui.label(&r.unit);
                        match &r.outcome {
                            Ok(ids) => {
                                let names: Vec<String> = ids
                                    .iter()
                                    .filter_map(|id| app.session.project.finding(*id))
                                    .map(|f| {
                                        format!("{} target of {}", f.data.indicator, f.data.year)
                                    })
                                    .collect();
                                ui.label(format!("records for {}", names.join("; ")));
                            }
                            Err(e) => {
                                ui.label(RichText::new(e).color(Color32::from_rgb(213, 94, 0)));
                            }
                        }
                        ui.end_row();
                    }
                });
        });
    let mut done = false;
    ui.horizontal(|ui| {
        let n = preview.actual_count();
        if ui
            .add_enabled(n > 0, egui::Button::new(format!("Record {n} actual(s)")))
            .clicked()
        {
            let mut next = app.session.project.next_id.max(1);
            let obs = crate::actuals_csv::observations(&app.session.project, preview, &mut next);
            app.apply(Change {
                label: format!("record {n} actual(s) from {}", preview.file_name),
                observations_after: obs,
                ..Change::default()
            });
            done = true;
        }
        if ui.button("Cancel").clicked() {
            done = true;
        }
    });
    done
}

/// Outcomes found in new documents for existing targets: tick and record. Returns
/// true when the dialog is done.
fn proposals_dialog(
    app: &mut PlanTrackApp,
    ui: &mut egui::Ui,
    proposals: &[(Id, crate::model::Finding, String)],
) -> bool {
    ui.heading("Outcomes of earlier targets");
    ui.label(format!(
        "The new document(s) state {} figure(s) for targets already in the project (same province, indicator and unit). Record the ones you confirm as actuals:",
        proposals.len()
    ));
    app.view.proposal_checks.resize(proposals.len(), true);
    egui::ScrollArea::vertical()
        .max_height(360.0)
        .id_salt("proposals")
        .show(ui, |ui| {
            for (i, (target, a, doc)) in proposals.iter().enumerate() {
                let Some(t) = app.session.project.finding(*target) else {
                    continue;
                };
                let text = format!(
                    "{} {} target of {} ({}): {} in {} ({doc})",
                    t.data.province,
                    t.data.indicator,
                    t.data.year,
                    crate::util::format_quantity(t.data.value, &t.data.unit),
                    crate::util::format_quantity(a.data.value, &a.data.unit),
                    a.data.year
                );
                ui.checkbox(&mut app.view.proposal_checks[i], text);
            }
        });
    let mut done = false;
    ui.horizontal(|ui| {
        let n = app.view.proposal_checks.iter().filter(|c| **c).count();
        if ui
            .add_enabled(n > 0, egui::Button::new(format!("Record {n} actual(s)")))
            .clicked()
        {
            let mut id = app.session.project.next_id.max(1);
            let obs: Vec<crate::model::Observation> = proposals
                .iter()
                .zip(&app.view.proposal_checks)
                .filter(|(_, c)| **c)
                .map(|((t, a, doc), _)| {
                    id += 1;
                    crate::ops::actual_from_finding(*t, a, doc, id - 1)
                })
                .collect();
            app.apply(Change {
                label: format!("record {n} actual(s) found in the new document(s)"),
                observations_after: obs,
                ..Change::default()
            });
            done = true;
        }
        if ui.button("Not now").clicked() {
            done = true;
        }
    });
    done
}
