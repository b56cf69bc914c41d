//! The selected finding: its source sentence, review, edits, and its actuals.

use egui::{Color32, RichText, TextFormat, text::LayoutJob};

use crate::model::{
    Baseline, Comparator, Extraction, Finding, Id, Kind, Observation, Review, Source,
};
use crate::session::{Change, DocBundle};
use crate::util::{format_quantity, format_value};

use super::table::{status_chip, status_color};
use super::{PlanTrackApp, RecordForm, Tab};

/// The fields of a finding being edited, as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct EditForm {
    pub id: Id,
    pub kind: Kind,
    pub province: String,
    pub year: String,
    pub indicator: String,
    pub key: String,
    pub value: String,
    pub unit: String,
    pub comparator: Comparator,
    pub baseline_value: String,
    pub baseline_year: String,
    pub error: Option<String>,
}

impl EditForm {
    fn from(f: &Finding) -> EditForm {
        EditForm {
            id: f.id,
            kind: f.data.kind,
            province: f.data.province.clone(),
            year: f.data.year.to_string(),
            indicator: f.data.indicator.clone(),
            key: f.data.indicator_key.clone().unwrap_or_default(),
            value: format!("{}", f.data.value),
            unit: f.data.unit.clone(),
            comparator: f.data.comparator,
            baseline_value: f
                .data
                .baseline
                .map(|b| format!("{}", b.value))
                .unwrap_or_default(),
            baseline_year: f
                .data
                .baseline
                .map(|b| b.year.to_string())
                .unwrap_or_default(),
            error: None,
        }
    }

    /// The form for a target just added by hand: the label is usually to be shortened.
    pub fn for_new(f: &Finding) -> EditForm {
        EditForm::from(f)
    }

    fn to_extraction(&self, old: &Extraction) -> Result<Extraction, String> {
        let year: i32 = self
            .year
            .trim()
            .parse()
            .map_err(|_| format!("\"{}\" is not a year", self.year))?;
        let value = parse_number(&self.value)?;
        let baseline = match (self.baseline_value.trim(), self.baseline_year.trim()) {
            ("", "") => None,
            (v, y) => Some(Baseline {
                value: parse_number(v)?,
                year: y
                    .parse()
                    .map_err(|_| format!("\"{y}\" is not a baseline year"))?,
            }),
        };
        if self.province.trim().is_empty() {
            return Err("the province is empty".into());
        }
        Ok(Extraction {
            kind: self.kind,
            province: self.province.trim().to_string(),
            year,
            indicator: self.indicator.trim().to_string(),
            indicator_key: Some(self.key.trim().to_string()).filter(|k| !k.is_empty()),
            value,
            unit: self.unit.trim().to_string(),
            comparator: self.comparator,
            baseline,
            ..old.clone()
        })
    }
}

pub use crate::util::parse_number;

pub fn target_panel(app: &mut PlanTrackApp, ui: &mut egui::Ui) {
    let Some(id) = app.view.selected else {
        ui.label("Select a target in the table to see its source sentence, record actual values and see its progress.");
        return;
    };
    let Some(f) = app.session.project.finding(id).cloned() else {
        ui.label("The selected target no longer exists.");
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("details-scroll")
        .show(ui, |ui| {
            header(app, ui, &f);
            ui.separator();
            source(app, ui, &f);
            ui.separator();
            review_buttons(app, ui, &f);
            if app.view.edit.as_ref().is_some_and(|e| e.id == f.id) {
                edit_form(app, ui, &f);
            }
            if f.data.kind == Kind::Target {
                let data = selected_data(app, &f);
                ui.separator();
                actuals(app, ui, &f, &data.actuals);
                matches_from_documents(app, ui, &f, &data.matches);
                ui.separator();
                if let Some(spec) = &data.timeline {
                    super::plot::draw(ui, spec, 240.0, "target-plot");
                }
            }
        });
}

fn header(app: &PlanTrackApp, ui: &mut egui::Ui, f: &Finding) {
    let t = &f.data;
    ui.heading(if t.indicator.is_empty() {
        "(no label)"
    } else {
        &t.indicator
    });
    let period = t.period.map_or(String::new(), |p| format!(" (period {p})"));
    ui.label(format!(
        "{} · {} {}{period}",
        t.province,
        t.kind.as_str(),
        t.year
    ));
    let words = if t.wording.is_empty() {
        String::new()
    } else {
        format!("   plan's words: \"{}\"", t.wording)
    };
    ui.label(RichText::new(format!("{}{words}", crate::chart::target_words(f))).strong());
    if let Some(b) = t.baseline {
        ui.label(format!(
            "Baseline: {} in {}",
            format_quantity(b.value, &t.unit),
            b.year
        ));
    }
    if let Some(k) = &t.indicator_key {
        ui.label(RichText::new(format!("indicator key: {k}")).weak());
    }
    if t.kind == Kind::Target
        && let Some(a) = app.cache.status.get(f.id)
    {
        ui.horizontal(|ui| {
            ui.label("Status:");
            status_chip(ui, a.status);
        });
        let reason = a.reason(t, app.session.project.settings.approx_tolerance_pct);
        ui.label(RichText::new(reason).weak());
        if t.comparator == Comparator::Approx {
            ui.label(
                RichText::new(format!(
                    "\"About\" counts as met within {}% of the target (set for the project below).",
                    app.session.project.settings.approx_tolerance_pct
                ))
                .weak(),
            );
        }
    }
}

/// The source sentence with the number marked.
fn source(app: &mut PlanTrackApp, ui: &mut egui::Ui, f: &Finding) {
    let Some(doc) = app.session.project.document(f.doc) else {
        return;
    };
    ui.label(RichText::new(format!("Source: {}", doc.title)).weak());
    let s = f.data.sentence;
    let n = f.data.number;
    let text = &doc.text;
    let Some(sentence) = text.get(s.start..s.end).filter(|x| !x.is_empty()) else {
        ui.label("(the source sentence is not available)");
        return;
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    let base = TextFormat {
        font_id: egui::FontId::proportional(14.0),
        color: ui.visuals().text_color(),
        ..TextFormat::default()
    };
    let mark = TextFormat {
        background: Color32::from_rgb(255, 214, 102),
        color: Color32::BLACK,
        ..base.clone()
    };
    if n.start >= s.start && n.end <= s.end && n.start < n.end {
        job.append(&text[s.start..n.start], 0.0, base.clone());
        job.append(&text[n.start..n.end], 0.0, mark);
        job.append(&text[n.end..s.end], 0.0, base);
    } else {
        job.append(sentence, 0.0, base);
    }
    egui::Frame::group(ui.style()).show(ui, |ui| {
        // long sentences scroll inside the box, so the actuals and chart stay in view
        egui::ScrollArea::vertical()
            .id_salt("source-sentence")
            .max_height(130.0)
            .show(ui, |ui| {
                ui.label(job);
            });
    });
    if ui.button("Show in document").clicked() {
        app.view.doc = Some(f.doc);
        app.view.tab = Tab::Document;
    }
}

fn set_review(app: &mut PlanTrackApp, f: &Finding, to: Review, label: &str) {
    app.apply(Change {
        label: format!("{label} \"{}\"", f.data.indicator),
        findings_before: vec![f.clone()],
        findings_after: vec![Finding {
            review: to,
            ..f.clone()
        }],
        ..Change::default()
    });
}

fn review_buttons(app: &mut PlanTrackApp, ui: &mut egui::Ui, f: &Finding) {
    ui.horizontal(|ui| {
        ui.label(format!("Review: {}", f.review.as_str()));
        if ui
            .add_enabled(f.review != Review::Accepted, egui::Button::new("Accept"))
            .clicked()
        {
            set_review(app, f, Review::Accepted, "accept");
        }
        if ui
            .add_enabled(f.review != Review::Rejected, egui::Button::new("Reject"))
            .clicked()
        {
            set_review(app, f, Review::Rejected, "reject");
        }
        let editing = app.view.edit.as_ref().is_some_and(|e| e.id == f.id);
        if ui.selectable_label(editing, "Edit").clicked() {
            app.view.edit = if editing {
                None
            } else {
                Some(EditForm::from(f))
            };
        }
    });
}

fn edit_form(app: &mut PlanTrackApp, ui: &mut egui::Ui, f: &Finding) {
    let units: Vec<String> = app
        .session
        .project
        .findings
        .iter()
        .map(|x| x.data.unit.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let provinces = crate::extract::lexicon::Lexicon::get().units.clone();
    let Some(form) = app.view.edit.as_mut() else {
        return;
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::Grid::new("edit-grid").num_columns(2).show(ui, |ui| {
            let l = ui.label("Kind");
            egui::ComboBox::from_id_salt("edit-kind")
                .selected_text(form.kind.as_str())
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut form.kind, Kind::Target, "target");
                    ui.selectable_value(&mut form.kind, Kind::Actual, "actual");
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
            let l = ui.label("Province");
            egui::ComboBox::from_id_salt("edit-province")
                .selected_text(form.province.clone())
                .show_ui(ui, |ui| {
                    for p in &provinces {
                        ui.selectable_value(&mut form.province, p.clone(), p);
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
            for (label, value) in [
                ("Year", &mut form.year),
                ("Indicator", &mut form.indicator),
                ("Indicator key", &mut form.key),
                ("Value", &mut form.value),
            ] {
                let l = ui.label(label);
                ui.text_edit_singleline(value).labelled_by(l.id);
                ui.end_row();
            }
            let l = ui.label("Unit");
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut form.unit).desired_width(80.0))
                    .labelled_by(l.id);
                egui::ComboBox::from_id_salt("edit-unit")
                    .selected_text("units in use")
                    .show_ui(ui, |ui| {
                        for u in &units {
                            ui.selectable_value(&mut form.unit, u.clone(), u);
                        }
                    });
            });
            ui.end_row();
            let l = ui.label("Comparator");
            egui::ComboBox::from_id_salt("edit-cmp")
                .selected_text(format!(
                    "{} {}",
                    form.comparator.symbol(),
                    form.comparator.words()
                ))
                .show_ui(ui, |ui| {
                    for c in Comparator::ALL {
                        ui.selectable_value(
                            &mut form.comparator,
                            c,
                            format!("{} {}", c.symbol(), c.words()),
                        );
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
            let l = ui.label("Baseline value");
            ui.text_edit_singleline(&mut form.baseline_value)
                .labelled_by(l.id);
            ui.end_row();
            let l = ui.label("Baseline year");
            ui.text_edit_singleline(&mut form.baseline_year)
                .labelled_by(l.id);
            ui.end_row();
        });
        if let Some(e) = &form.error {
            ui.colored_label(Color32::from_rgb(213, 94, 0), e);
        }
    });
    let mut save = false;
    let mut cancel = false;
    ui.horizontal(|ui| {
        save = ui.button("Save changes").clicked();
        cancel = ui.button("Cancel").clicked();
    });
    if cancel {
        app.view.edit = None;
    } else if save {
        let form = app.view.edit.clone().expect("form shown");
        match form.to_extraction(&f.data) {
            Ok(data) => {
                app.view.edit = None;
                app.apply(Change {
                    label: format!("edit \"{}\"", f.data.indicator),
                    findings_before: vec![f.clone()],
                    findings_after: vec![Finding {
                        data,
                        review: Review::Edited,
                        ..f.clone()
                    }],
                    ..Change::default()
                });
            }
            Err(e) => {
                if let Some(form) = app.view.edit.as_mut() {
                    form.error = Some(e);
                }
            }
        }
    }
}

/// What the details panel shows of the selected target beyond the finding itself.
/// Each needs a pass over every actual or finding of the project, too slow for every
/// frame of a large project: worked out once per selection and project change.
pub struct SelectedData {
    key: (u64, Id),
    /// The target's actuals, by year.
    pub actuals: Vec<Observation>,
    /// Actuals found in documents that could be recorded for it, with their file names.
    pub matches: Vec<(Finding, String)>,
    pub timeline: Option<crate::chart::ChartSpec>,
}

fn selected_data(app: &mut PlanTrackApp, f: &Finding) -> std::rc::Rc<SelectedData> {
    let key = (app.session.generation, f.id);
    if let Some(d) = &app.cache.selected
        && d.key == key
    {
        return d.clone();
    }
    let p = &app.session.project;
    let mut actuals: Vec<Observation> = p.observations_of(f.id).cloned().collect();
    actuals.sort_by_key(|o| (o.year, o.id));
    let d = std::rc::Rc::new(SelectedData {
        key,
        matches: crate::ops::match_candidates(p, f, &actuals),
        actuals,
        timeline: crate::chart::target_timeline(p, &app.cache.status, f.id),
    });
    app.cache.selected = Some(d.clone());
    d
}

fn actuals(app: &mut PlanTrackApp, ui: &mut egui::Ui, f: &Finding, obs: &[Observation]) {
    ui.heading("Actual values");
    if obs.is_empty() {
        ui.label("None recorded yet.");
    }
    let mut delete = None;
    let mut edit = None;
    egui::Grid::new("actuals-grid")
        .striped(true)
        .show(ui, |ui| {
            for o in obs {
                ui.label(o.year.to_string());
                ui.label(format_quantity(o.value, &o.unit));
                let src = match &o.source {
                    Source::Manual => "typed".to_string(),
                    Source::Finding(_) => "from document".to_string(),
                    Source::Csv(file) => format!("CSV {file}"),
                };
                let full = if o.note.is_empty() {
                    src
                } else {
                    format!("{} ({src})", o.note)
                };
                // a long note would widen the whole panel: shorten it, full text on hover
                let short: String = if full.chars().count() > 44 {
                    full.chars().take(42).chain(std::iter::once('…')).collect()
                } else {
                    full.clone()
                };
                ui.label(RichText::new(short).weak()).on_hover_text(full);
                // each row's buttons carry a name of their own, for screen readers
                let name = |verb: &str| format!("{verb} the {} actual", o.year);
                let r = ui.small_button("Edit").on_hover_text(name("Edit"));
                r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name("Edit")));
                if r.clicked() {
                    edit = Some(o.clone());
                }
                let r = ui.small_button("Delete").on_hover_text(name("Delete"));
                r.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, name("Delete"))
                });
                if r.clicked() {
                    delete = Some(o.clone());
                }
                ui.end_row();
            }
        });
    if let Some(o) = delete {
        app.apply(Change {
            label: format!("delete the {} actual of \"{}\"", o.year, f.data.indicator),
            observations_before: vec![o],
            ..Change::default()
        });
    }
    if let Some(o) = edit {
        app.view.record = RecordForm {
            editing: Some(o.id),
            year: o.year.to_string(),
            value: format_value(o.value).replace(',', ""),
            note: o.note.clone(),
            error: None,
        };
    }
    record_form(app, ui, f);
}

fn record_form(app: &mut PlanTrackApp, ui: &mut egui::Ui, f: &Finding) {
    let editing = app.view.record.editing;
    let mut submit = false;
    let mut cancel = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(
            RichText::new(if editing.is_some() {
                "Edit actual"
            } else {
                "Record an actual"
            })
            .strong(),
        );
        let form = &mut app.view.record;
        ui.horizontal(|ui| {
            let l = ui.label("Year");
            ui.add(
                egui::TextEdit::singleline(&mut form.year)
                    .desired_width(60.0)
                    .hint_text(f.data.year.to_string()),
            )
            .labelled_by(l.id);
            let l = ui.label("Value");
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut form.value)
                        .desired_width(110.0)
                        .hint_text(if f.data.unit == "yuan" {
                            "e.g. 7.35 trillion".to_string()
                        } else {
                            format!("in {}", f.data.unit)
                        }),
                )
                .labelled_by(l.id);
            if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                submit = true;
            }
            ui.label(super::super::chart::unit_label(&f.data.unit));
        });
        ui.horizontal(|ui| {
            let l = ui.label("Note");
            ui.add(
                egui::TextEdit::singleline(&mut form.note)
                    .desired_width(260.0)
                    .hint_text("source, e.g. 2022 work report"),
            )
            .labelled_by(l.id);
        });
        if let Some(e) = &form.error {
            ui.colored_label(Color32::from_rgb(213, 94, 0), e);
        }
        ui.horizontal(|ui| {
            if ui
                .button(if editing.is_some() {
                    "Save actual"
                } else {
                    "Record actual"
                })
                .clicked()
            {
                submit = true;
            }
            if editing.is_some() && ui.button("Cancel").clicked() {
                cancel = true;
            }
        });
    });
    if cancel {
        app.view.record = RecordForm::default();
        return;
    }
    if !submit {
        return;
    }
    let form = app.view.record.clone();
    let year = if form.year.trim().is_empty() {
        Ok(f.data.year)
    } else {
        form.year
            .trim()
            .parse::<i32>()
            .map_err(|_| format!("\"{}\" is not a year", form.year.trim()))
    };
    let parsed = year.and_then(|y| {
        if !(1900..=2200).contains(&y) {
            return Err(format!("{y} is not a plausible year"));
        }
        parse_number(&form.value).map(|v| (y, v))
    });
    let (year, value) = match parsed {
        Ok(x) => x,
        Err(e) => {
            app.view.record.error = Some(e);
            return;
        }
    };
    let before = editing.and_then(|id| {
        app.session
            .project
            .observations
            .iter()
            .find(|o| o.id == id)
            .cloned()
    });
    let obs = Observation {
        id: before
            .as_ref()
            .map_or(app.session.project.next_id.max(1), |b| b.id),
        target: f.id,
        year,
        value,
        unit: before
            .as_ref()
            .map_or_else(|| f.data.unit.clone(), |b| b.unit.clone()),
        note: form.note.trim().to_string(),
        source_ref: before
            .as_ref()
            .map(|b| b.source_ref.clone())
            .unwrap_or_default(),
        source: before.as_ref().map_or(Source::Manual, |b| b.source.clone()),
        recorded: crate::util::now_unix(),
    };
    let verb = if before.is_some() { "edit" } else { "record" };
    app.view.record = RecordForm::default();
    app.apply(Change {
        label: format!(
            "{verb} {} for \"{}\" ({year})",
            format_quantity(value, &f.data.unit),
            f.data.indicator
        ),
        observations_before: before.into_iter().collect(),
        observations_after: vec![obs],
        ..Change::default()
    });
}

/// Proposals to record actuals found in documents (see `match_candidates`).
fn matches_from_documents(
    app: &mut PlanTrackApp,
    ui: &mut egui::Ui,
    f: &Finding,
    cands: &[(Finding, String)],
) {
    if cands.is_empty() {
        return;
    }
    ui.label(RichText::new("Actuals found in documents for this indicator:").strong());
    for (a, doc) in cands {
        ui.horizontal(|ui| {
            ui.label(format!(
                "{}: {} ({doc})",
                a.data.year,
                format_quantity(a.data.value, &a.data.unit)
            ));
            if ui.small_button("Use as actual").clicked() {
                let obs =
                    crate::ops::actual_from_finding(f.id, a, doc, app.session.project.next_id);
                app.apply(Change {
                    label: format!(
                        "record {} from {doc}",
                        format_quantity(a.data.value, &a.data.unit)
                    ),
                    observations_after: vec![obs],
                    ..Change::default()
                });
            }
        });
    }
    let _ = status_color;
}

pub fn delete_document(app: &mut PlanTrackApp, doc: Id) {
    let p = &app.session.project;
    let Some(d) = p.document(doc).cloned() else {
        return;
    };
    let findings: Vec<Finding> = p
        .findings
        .iter()
        .filter(|f| f.doc == doc)
        .cloned()
        .collect();
    let ids: std::collections::HashSet<Id> = findings.iter().map(|f| f.id).collect();
    let observations: Vec<Observation> = p
        .observations
        .iter()
        .filter(|o| ids.contains(&o.target))
        .cloned()
        .collect();
    let title = d.title.clone();
    app.apply(Change {
        label: format!("remove document \"{title}\""),
        docs_removed: vec![DocBundle {
            doc: d,
            findings,
            observations,
        }],
        ..Change::default()
    });
    if app.view.doc == Some(doc) {
        app.view.doc = None;
    }
}
