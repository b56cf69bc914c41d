//! The province list (left) and the filterable, sortable table of targets (centre).

use egui::{Color32, RichText, Sense};
use egui_extras::{Column, TableBuilder};
use rayon::prelude::*;

use crate::model::{Finding, Kind, Project, Review};
use crate::progress::{Status, StatusIndex};
use crate::session::Change;

use super::{KindFilter, Modal, PlanTrackApp, SortCol, Tab, View, YearFilter};

pub fn status_color(s: Status) -> Color32 {
    super::plot::color(s.rgb())
}

/// A status as colour and word (never colour alone).
pub fn status_chip(ui: &mut egui::Ui, s: Status) {
    ui.label(
        RichText::new(format!("● {}", s.as_str()))
            .color(status_color(s))
            .strong(),
    );
}

/// The view's filters, prepared once per pass over the findings: the search words
/// become case-insensitive matchers, so no row is lower-cased.
pub struct Filter<'v> {
    v: &'v View,
    words: Vec<aho_corasick::AhoCorasick>,
    /// For charts that show all statuses.
    ignore_status: bool,
}

impl<'v> Filter<'v> {
    pub fn new(v: &'v View, ignore_status: bool) -> Filter<'v> {
        let words = v
            .search
            .split_whitespace()
            .filter_map(|w| {
                // ASCII case folding covers the English text; other scripts match as typed
                aho_corasick::AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .build([w.to_lowercase()])
                    .ok()
            })
            .collect();
        Filter {
            v,
            words,
            ignore_status,
        }
    }

    /// Does a finding pass the filters?
    pub fn keeps(&self, f: &Finding, idx: &StatusIndex) -> bool {
        let v = self.v;
        let kind_ok = match v.kind {
            KindFilter::Targets => f.data.kind == Kind::Target,
            KindFilter::Actuals => f.data.kind == Kind::Actual,
            KindFilter::All => true,
        };
        if !kind_ok || (!v.show_rejected && f.review == Review::Rejected) {
            return false;
        }
        if v.province.as_deref().is_some_and(|p| p != f.data.province) || !v.year.keeps(f.data.year)
        {
            return false;
        }
        if !self.ignore_status
            && let Some(s) = v.status
            && idx.status(f.id) != Some(s)
        {
            return false;
        }
        self.words.iter().all(|w| {
            w.is_match(&f.data.indicator)
                || w.is_match(&f.data.province)
                || w.is_match(&f.data.wording)
                || f.data
                    .indicator_key
                    .as_deref()
                    .is_some_and(|k| w.is_match(k))
        })
    }
}

/// Ranks of the strings `key` gives each row, in `cmp` order: sorting rows by a number
/// is much faster than comparing their strings n log n times.
fn ranks<'a>(
    rows: &[usize],
    key: impl Fn(usize) -> &'a str,
    cmp: impl Fn(&str, &str) -> std::cmp::Ordering,
) -> Vec<u32> {
    let mut distinct: std::collections::HashMap<&'a str, u32> = std::collections::HashMap::new();
    for &r in rows {
        distinct.entry(key(r)).or_insert(0);
    }
    let mut names: Vec<&str> = distinct.keys().copied().collect();
    names.sort_unstable_by(|a, b| cmp(a, b).then(a.cmp(b)));
    for (i, n) in names.iter().enumerate() {
        distinct.insert(n, i as u32);
    }
    rows.iter().map(|&r| distinct[key(r)]).collect()
}

/// A sort key for an f64 that orders like `f64::total_cmp`.
fn f64_key(v: f64) -> u64 {
    let b = v.to_bits();
    if b >> 63 == 1 { !b } else { b | 1 << 63 }
}

/// Indexes of the findings to show, sorted.
pub fn filtered_rows(p: &Project, idx: &StatusIndex, v: &View) -> Vec<usize> {
    let filter = Filter::new(v, false);
    let f = &p.findings;
    // the text search dominates a pass over 100,000 findings: spread it over the cores
    let rows: Vec<usize> = f
        .par_iter()
        .enumerate()
        .filter(|(_, x)| filter.keeps(x, idx))
        .map(|(i, _)| i)
        .collect();
    let (col, asc) = v.sort;
    let caseless = |a: &str, b: &str| {
        a.bytes()
            .map(|c| c.to_ascii_lowercase())
            .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
    };
    // (primary, secondary, id) per row: the id settles ties, so the order is total
    let year = |r: usize| (f[r].data.year as i64 + (1 << 32)) as u64;
    let (primary, secondary): (Vec<u64>, Vec<u64>) = match col {
        SortCol::Province => {
            let prov = ranks(&rows, |r| f[r].data.province.as_str(), str::cmp);
            (
                prov.iter().map(|&x| u64::from(x)).collect(),
                rows.iter().map(|&r| year(r)).collect(),
            )
        }
        SortCol::Year => {
            let prov = ranks(&rows, |r| f[r].data.province.as_str(), str::cmp);
            (
                rows.iter().map(|&r| year(r)).collect(),
                prov.iter().map(|&x| u64::from(x)).collect(),
            )
        }
        SortCol::Indicator => {
            let ind = ranks(&rows, |r| f[r].data.indicator.as_str(), caseless);
            (
                ind.iter().map(|&x| u64::from(x)).collect(),
                vec![0; rows.len()],
            )
        }
        SortCol::Value => {
            let unit = ranks(&rows, |r| f[r].data.unit.as_str(), str::cmp);
            (
                unit.iter().map(|&x| u64::from(x)).collect(),
                rows.iter().map(|&r| f64_key(f[r].data.value)).collect(),
            )
        }
        SortCol::Status => (
            rows.iter()
                .map(|&r| idx.status(f[r].id).map_or(0, |s| s as u64 + 1))
                .collect(),
            vec![0; rows.len()],
        ),
        SortCol::Review => (
            rows.iter().map(|&r| f[r].review as u64).collect(),
            vec![0; rows.len()],
        ),
    };
    // one u128 per row (primary, secondary, position): sorting plain integers is the
    // fastest sort there is; the position stands for the id, as findings are kept in
    // id order (and in a project edited out of order, document order is as good)
    let mut keyed: Vec<u128> = rows
        .iter()
        .enumerate()
        .map(|(i, &r)| {
            u128::from(primary[i] as u32) << 96 | u128::from(secondary[i]) << 32 | r as u128
        })
        .collect();
    keyed.sort_unstable();
    if !asc {
        keyed.reverse();
    }
    keyed.into_iter().map(|k| k as u32 as usize).collect()
}

pub fn province_panel(app: &mut PlanTrackApp, ui: &mut egui::Ui) {
    ui.heading("Provinces");
    egui::ScrollArea::vertical()
        .id_salt("provinces-scroll")
        .show(ui, |ui| {
            let all = app.view.province.is_none();
            if ui
                .selectable_label(all, format!("All provinces ({})", app.cache.total_targets))
                .clicked()
            {
                app.view.province = None;
            }
            let provinces: Vec<(String, usize, String)> = app
                .cache
                .provinces
                .iter()
                .map(|(p, (n, counts))| (p.clone(), *n, crate::progress::summary(counts)))
                .collect();
            for (p, n, summary) in provinces {
                let selected = app.view.province.as_deref() == Some(p.as_str());
                let r = ui.selectable_label(selected, format!("{p} ({n})"));
                if r.clicked() {
                    app.view.province = if selected { None } else { Some(p.clone()) };
                }
                r.on_hover_text(summary);
            }
            ui.add_space(12.0);
            ui.heading("Documents");
            if app.session.project.documents.is_empty() {
                ui.label(
                    "No documents yet. Use File > Import documents, or drop files on the window.",
                );
            }
            let docs: Vec<(u64, String, String, usize)> = app
                .session
                .project
                .documents
                .iter()
                .map(|d| {
                    let n = app
                        .session
                        .project
                        .findings
                        .iter()
                        .filter(|f| f.doc == d.id)
                        .count();
                    (d.id, d.title.clone(), d.file_name.clone(), n)
                })
                .collect();
            for (id, title, file, n) in docs {
                ui.horizontal(|ui| {
                    let selected = app.view.doc == Some(id) && app.view.tab == Tab::Document;
                    let short = crate::util::shorten(&title, 30);
                    let r = ui.selectable_label(selected, format!("{short} ({n})"));
                    if r.clicked() {
                        app.view.doc = Some(id);
                        app.view.tab = Tab::Document;
                    }
                    r.on_hover_text(format!("{title}\n{file}"));
                    if ui
                        .small_button("×")
                        .on_hover_text("Remove this document from the project")
                        .clicked()
                    {
                        app.modal = Some(Modal::ConfirmDeleteDocument(id));
                    }
                });
            }
        });
}

pub fn targets_panel(app: &mut PlanTrackApp, ui: &mut egui::Ui) {
    filter_bar(app, ui);
    ui.separator();
    if app.session.project.findings.is_empty() {
        ui.vertical_centered(|ui| {
            ui.add_space(40.0);
            ui.heading("No targets yet");
            ui.label("Import plan documents (File > Import documents, or drop .txt / .md / .html files here) and PlanTrack lists the targets and actuals it finds.");
        });
        return;
    }
    if app.cache.rows.is_empty() {
        ui.label("No target matches the filters.");
        return;
    }
    table(app, ui);
}

fn filter_bar(app: &mut PlanTrackApp, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        for y in [
            YearFilter::All,
            YearFilter::Y2021,
            YearFilter::Y2025,
            YearFilter::Other,
        ] {
            ui.selectable_value(&mut app.view.year, y, y.label());
        }
        ui.separator();
        ui.horizontal(|ui| {
            let show = ui.label("Show");
            egui::ComboBox::from_id_salt("kind-filter")
                .selected_text(match app.view.kind {
                    KindFilter::Targets => "Targets",
                    KindFilter::Actuals => "Actuals in documents",
                    KindFilter::All => "Targets and actuals",
                })
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut app.view.kind, KindFilter::Targets, "Targets");
                    ui.selectable_value(
                        &mut app.view.kind,
                        KindFilter::Actuals,
                        "Actuals in documents",
                    );
                    ui.selectable_value(&mut app.view.kind, KindFilter::All, "Targets and actuals");
                })
                .response
                .labelled_by(show.id);
        });
    });
    ui.horizontal(|ui| {
        ui.horizontal(|ui| {
            let status_label = ui.label("Status");
            egui::ComboBox::from_id_salt("status-filter")
                .selected_text(app.view.status.map_or("Any status", |s| s.as_str()))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut app.view.status, None, "Any status");
                    for s in Status::ALL {
                        ui.selectable_value(&mut app.view.status, Some(s), s.as_str());
                    }
                })
                .response
                .labelled_by(status_label.id);
        });
        ui.checkbox(&mut app.view.show_rejected, "Show rejected");
        ui.separator();
        ui.horizontal(|ui| {
            let label = ui.label("Search");
            ui.add(
                egui::TextEdit::singleline(&mut app.view.search)
                    .hint_text("indicator, province, wording")
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
        });
    });
    ui.horizontal(|ui| {
        let shown = app.cache.rows.len();
        ui.label(format!("{shown} shown"));
        let generation = app.session.generation;
        let suggested = std::mem::take(&mut app.cache.suggested_rows);
        bulk_buttons(app, ui, &suggested, "");
        // unless a bulk review just rebuilt the cache, the list is still right
        if app.session.generation == generation {
            app.cache.suggested_rows = suggested;
        }
    });
}

/// "Accept N suggested" / "Reject N suggested" for the findings at `rows`; `scope`
/// finishes the label (" in this document").
pub fn bulk_buttons(app: &mut PlanTrackApp, ui: &mut egui::Ui, rows: &[usize], scope: &str) {
    for (to, verb) in [(Review::Accepted, "Accept"), (Review::Rejected, "Reject")] {
        let label = format!("{verb} {} suggested{scope}", rows.len());
        if ui
            .add_enabled(!rows.is_empty(), egui::Button::new(label))
            .clicked()
        {
            bulk_review(app, rows, to);
        }
    }
}

/// Set the review state of the findings at `rows` (indexes into the project's list).
pub fn bulk_review(app: &mut PlanTrackApp, rows: &[usize], to: Review) {
    let before: Vec<Finding> = rows
        .iter()
        .map(|&i| app.session.project.findings[i].clone())
        .collect();
    let after: Vec<Finding> = before
        .iter()
        .map(|f| Finding {
            review: to,
            ..f.clone()
        })
        .collect();
    let verb = if to == Review::Accepted {
        "accept"
    } else {
        "reject"
    };
    app.apply(Change {
        label: format!("{verb} {} findings", before.len()),
        findings_before: before,
        findings_after: after,
        ..Change::default()
    });
}

fn table(app: &mut PlanTrackApp, ui: &mut egui::Ui) {
    let rows = app.cache.rows.clone();
    let selected_row = app.view.selected.and_then(|id| {
        rows.iter()
            .position(|&i| app.session.project.findings[i].id == id)
    });
    // one province shown: its column says nothing
    let show_province = app.view.province.is_none();
    let mut builder = TableBuilder::new(ui)
        .id_salt(("targets-table", show_province))
        .striped(true)
        .resizable(true)
        .sense(Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    if show_province {
        builder = builder.column(Column::initial(96.0).at_least(60.0).clip(true));
    }
    builder = builder
        .column(Column::initial(42.0).at_least(36.0))
        .column(Column::remainder().at_least(110.0).clip(true))
        .column(Column::initial(120.0).at_least(70.0).clip(true))
        .column(Column::initial(96.0).at_least(64.0).clip(true))
        .column(Column::initial(74.0).at_least(56.0).clip(true));
    if app.view.scroll_to_selected {
        if let Some(r) = selected_row {
            builder = builder.scroll_to_row(r, Some(egui::Align::Center));
        }
        app.view.scroll_to_selected = false;
    }
    let mut clicked = None;
    let mut sort = app.view.sort;
    let columns: Vec<(SortCol, &str)> = [
        (SortCol::Province, "Province"),
        (SortCol::Year, "Year"),
        (SortCol::Indicator, "Indicator"),
        (SortCol::Value, "Target"),
        (SortCol::Status, "Status"),
        (SortCol::Review, "Review"),
    ]
    .into_iter()
    .filter(|(c, _)| show_province || *c != SortCol::Province)
    .collect();
    builder
        .header(22.0, |mut header| {
            for (col, name) in &columns {
                let (col, name) = (*col, *name);
                header.col(|ui| {
                    let arrow = if sort.0 == col {
                        if sort.1 { " ↑" } else { " ↓" }
                    } else {
                        ""
                    };
                    if ui
                        .add(
                            egui::Button::new(RichText::new(format!("{name}{arrow}")).strong())
                                .frame(false),
                        )
                        .on_hover_text(format!("Sort by {}", name.to_lowercase()))
                        .clicked()
                    {
                        sort = if sort.0 == col {
                            (col, !sort.1)
                        } else {
                            (col, true)
                        };
                    }
                });
            }
        })
        .body(|body| {
            let project = &app.session.project;
            let idx = &app.cache.status;
            body.rows(22.0, rows.len(), |mut row| {
                let f = &project.findings[rows[row.index()]];
                let is_sel = app.view.selected == Some(f.id);
                row.set_selected(is_sel);
                if show_province {
                    row.col(|ui| {
                        ui.label(&f.data.province);
                    });
                }
                row.col(|ui| {
                    ui.label(f.data.year.to_string());
                });
                row.col(|ui| {
                    let shown = crate::extract::indicator::shown_label(
                        &f.data.indicator,
                        f.data.indicator_key.as_deref(),
                    );
                    let text = shown.as_str();
                    let mut rt = RichText::new(text);
                    if f.review == Review::Rejected {
                        rt = rt.strikethrough().weak();
                    }
                    if ui
                        .add(egui::Button::selectable(is_sel, rt).frame(false))
                        .on_hover_text(text)
                        .clicked()
                    {
                        clicked = Some(f.id);
                    }
                });
                row.col(|ui| {
                    let kind = if f.data.kind == Kind::Actual {
                        "actual "
                    } else {
                        ""
                    };
                    ui.label(format!("{kind}{}", crate::chart::target_words(f)));
                });
                row.col(|ui| match (f.data.kind, idx.status(f.id)) {
                    (Kind::Target, Some(s)) => {
                        ui.label(RichText::new(format!("● {}", s.as_str())).color(status_color(s)));
                    }
                    _ => {
                        ui.label(RichText::new("actual").weak());
                    }
                });
                row.col(|ui| {
                    let (t, c) = match f.review {
                        Review::Suggested => ("suggested", None),
                        Review::Accepted => ("accepted", Some(Color32::from_rgb(0, 140, 100))),
                        Review::Rejected => ("rejected", Some(Color32::GRAY)),
                        Review::Edited => ("edited", Some(Color32::from_rgb(0, 114, 178))),
                    };
                    let mut rt = RichText::new(t);
                    if let Some(c) = c {
                        rt = rt.color(c);
                    }
                    ui.label(rt);
                });
                if row.response().clicked() {
                    clicked = Some(f.id);
                }
            });
        });
    app.view.sort = sort;
    if let Some(id) = clicked {
        app.select(id);
    }
}
