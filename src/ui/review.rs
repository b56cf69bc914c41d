//! Plan versus outcome, as the planners' own review tables show it: for the province and
//! years chosen on the left, each target with the plan's words, the outcome and its
//! year, the difference and the verdict, under a count line ("2 met, 14 no data").

use egui::RichText;

use crate::plan_review::{self, Row};
use crate::progress::Status;

use super::PlanTrackApp;
use super::table::status_color;

pub fn review_panel(app: &mut PlanTrackApp, ui: &mut egui::Ui) {
    let province = app.view.province.clone();
    let years = app.view.year;
    let mut rows: Vec<Row> = plan_review::rows(&app.session.project, &app.cache.status, &|f| {
        province.as_deref().is_none_or(|p| p == f.data.province) && years.keeps(f.data.year)
    });
    // the judged first: what came of the plan is what the reader looks for
    rows.sort_by_key(|r| r.outcome.is_none());
    let scope = match (&province, years.label()) {
        (Some(p), "All years") => format!("{p}, all years"),
        (Some(p), y) => format!("{p}, {y}"),
        (None, "All years") => "All provinces, all years".to_string(),
        (None, y) => format!("All provinces, {y}"),
    };
    ui.label(RichText::new(scope).strong());
    ui.label(plan_review::count_line(&rows));
    if rows.is_empty() {
        ui.label("No targets here. Pick another province or year on the left, or import a plan.");
        return;
    }
    let judged = rows.iter().filter(|r| r.outcome.is_some()).count();
    if judged == 0 {
        ui.label(
            RichText::new(
                "No outcome yet: record one in Details, import a later report, or a table of \
                 outcomes (File > Import actuals).",
            )
            .weak(),
        );
    }
    ui.separator();
    let mut clicked = None;
    let show_province = province.is_none();
    // two lines a target, so the table reads in a narrow panel: what and how it went,
    // then the plan's words, the outcome and the difference
    egui::ScrollArea::vertical()
        .id_salt("plan-vs-outcome")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("plan-vs-outcome-grid")
                .striped(true)
                .num_columns(3)
                .spacing([10.0, 6.0])
                .show(ui, |ui| {
                    for h in ["Year", "Indicator: plan, outcome, difference", "Verdict"] {
                        ui.label(RichText::new(h).strong());
                    }
                    ui.end_row();
                    for r in &rows {
                        ui.label(r.period.clone().unwrap_or_else(|| r.year.to_string()));
                        ui.vertical(|ui| {
                            let label = if r.indicator.is_empty() {
                                "(no label)"
                            } else {
                                &r.indicator
                            };
                            let label = if show_province {
                                format!("{}: {label}", r.province)
                            } else {
                                label.to_string()
                            };
                            let selected = app.view.selected == Some(r.id);
                            if ui
                                .add(
                                    egui::Button::selectable(
                                        selected,
                                        RichText::new(&label).strong(),
                                    )
                                    .frame(false),
                                )
                                .on_hover_text("Show this target's details")
                                .clicked()
                            {
                                clicked = Some(r.id);
                            }
                            let outcome = match r.outcome {
                                Some((y, v)) => format!(
                                    "outcome {} ({y})",
                                    crate::util::format_quantity(v, &r.unit)
                                ),
                                None => "no outcome yet".to_string(),
                            };
                            let diff = r.difference_text();
                            let line = if diff.is_empty() {
                                format!("plan {} · {outcome}", r.wording)
                            } else {
                                format!("plan {} · {outcome} · {diff}", r.wording)
                            };
                            ui.add(egui::Label::new(RichText::new(line).weak()).wrap());
                        });
                        ui.label(
                            RichText::new(verdict_word(r.status)).color(status_color(r.status)),
                        )
                        .on_hover_text(&r.verdict);
                        ui.end_row();
                    }
                });
        });
    if let Some(id) = clicked {
        app.view.selected = Some(id);
        app.view.tab = super::Tab::Target;
    }
}

fn verdict_word(s: Status) -> String {
    format!("● {}", s.as_str())
}
