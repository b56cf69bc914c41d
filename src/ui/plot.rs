//! Charts on screen: the same `ChartSpec` the report files are drawn from, with
//! egui_plot. Hover shows exact values and sources; clicking an overview bar filters
//! the table to that province and status.

use egui::{Color32, RichText};
use egui_plot::{
    Bar, BarChart, HoverPosition, Legend, Line, LineStyle, MarkerShape, Plot, PlotPoints, Points,
    VLine,
};

use crate::chart::{Body, ChartSpec, Marker, Style, tick};

use super::{ChartKind, Modal, PlanTrackApp};

pub fn color(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

fn shape(m: Marker) -> MarkerShape {
    match m {
        Marker::Circle => MarkerShape::Circle,
        Marker::Up => MarkerShape::Up,
        Marker::Down => MarkerShape::Down,
        Marker::Diamond => MarkerShape::Diamond,
    }
}

pub fn charts_panel(app: &mut PlanTrackApp, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        ui.selectable_value(&mut app.view.chart, ChartKind::Timeline, "Target over time");
        ui.selectable_value(
            &mut app.view.chart,
            ChartKind::Comparison,
            "Provinces compared",
        );
        ui.selectable_value(&mut app.view.chart, ChartKind::Overview, "Overview");
    });
    let spec = app.current_chart();
    ui.horizontal(|ui| {
        if ui
            .add_enabled(spec.is_some(), egui::Button::new("Export PNG..."))
            .clicked()
        {
            app.modal = Some(Modal::ExportOptions(super::Pick::ExportChartPng));
        }
        if ui
            .add_enabled(spec.is_some(), egui::Button::new("Export SVG..."))
            .clicked()
        {
            app.modal = Some(Modal::ExportOptions(super::Pick::ExportChartSvg));
        }
    });
    let Some(spec) = spec else {
        ui.label(match app.view.chart {
            ChartKind::Timeline => "Select a target in the table to chart it.",
            ChartKind::Comparison => {
                "Select a target: its indicator and year are compared across provinces."
            }
            ChartKind::Overview => "No targets to show.",
        });
        return;
    };
    // leave room for the title lines above and the source line below
    let height = (ui.available_height() - 90.0).max(220.0);
    if let Some((group, status)) = draw(ui, &spec, height, "charts-plot") {
        // overview: a click filters the table
        if let Body::Bars {
            groups,
            stacked: true,
            ..
        } = &spec.body
        {
            app.view.province = groups.get(group).cloned();
            app.view.status = status;
            app.notice = Some((
                format!(
                    "Table filtered to {}{}",
                    groups.get(group).map_or("", |s| s.as_str()),
                    status.map_or(String::new(), |s| format!(", {}", s.as_str()))
                ),
                false,
            ));
        }
    }
}

/// Draw a chart; returns the bar group (and status) clicked, if any.
pub fn draw(
    ui: &mut egui::Ui,
    spec: &ChartSpec,
    height: f32,
    id: &str,
) -> Option<(usize, Option<crate::progress::Status>)> {
    ui.label(RichText::new(&spec.title).strong());
    ui.label(RichText::new(&spec.subtitle).weak());
    let ((x0, x1), (y0, y1)) = spec.bounds();
    let y_unit = spec.y_label.clone();
    let mut clicked = None;
    match &spec.body {
        Body::Xy { series, vlines } => {
            let all: Vec<(String, Vec<String>)> = series
                .iter()
                .map(|s| (s.name.clone(), s.labels.clone()))
                .collect();
            Plot::new(id)
                .height(height)
                // the path rises left to right, so the top-left corner is usually free
                .legend(Legend::default().position(egui_plot::Corner::LeftTop))
                .include_x(x0)
                .include_x(x1)
                .include_y(y0)
                .include_y(y1)
                .x_axis_label("year")
                .y_axis_label(y_unit.clone())
                .x_axis_formatter(|m, _| {
                    if m.value.fract().abs() < 1e-6 {
                        format!("{:.0}", m.value)
                    } else {
                        String::new()
                    }
                })
                .y_axis_formatter(|m, _| tick(m.value))
                .label_formatter(move |pos| match pos {
                    // exact value and source of the point under the pointer
                    HoverPosition::NearDataPoint {
                        plot_name, index, ..
                    } => all
                        .iter()
                        .find(|s| s.0 == *plot_name)
                        .and_then(|s| s.1.get(*index).cloned()),
                    HoverPosition::Elsewhere { .. } => None,
                })
                .allow_scroll(false)
                .show(ui, |plot| {
                    for (x, label) in vlines {
                        plot.vline(
                            VLine::new(label.clone(), *x)
                                .color(Color32::GRAY)
                                .style(LineStyle::dashed_loose()),
                        );
                    }
                    for s in series {
                        let pts: Vec<[f64; 2]> = s.points.iter().map(|&(x, y)| [x, y]).collect();
                        let c = color(s.color);
                        match s.style {
                            Style::Line => plot.line(
                                Line::new(s.name.clone(), PlotPoints::from(pts))
                                    .color(c)
                                    .width(2.5),
                            ),
                            Style::Dashed => plot.line(
                                Line::new(s.name.clone(), PlotPoints::from(pts))
                                    .color(c)
                                    .width(2.0)
                                    .style(LineStyle::dashed_dense()),
                            ),
                            Style::LineAndPoints => {
                                plot.line(
                                    Line::new(s.name.clone(), PlotPoints::from(pts.clone()))
                                        .color(c)
                                        .width(2.5),
                                );
                                plot.points(
                                    Points::new(s.name.clone(), PlotPoints::from(pts))
                                        .color(c)
                                        .radius(5.0)
                                        .filled(true),
                                );
                            }
                            Style::Points(m) => plot.points(
                                Points::new(s.name.clone(), PlotPoints::from(pts))
                                    .color(c)
                                    .radius(7.0)
                                    .shape(shape(m))
                                    .filled(true),
                            ),
                        }
                    }
                });
        }
        Body::Bars {
            groups,
            bars,
            stacked,
        } => {
            let names: Vec<String> = {
                let mut v: Vec<String> = Vec::new();
                for b in bars {
                    if !v.contains(&b.series) {
                        v.push(b.series.clone());
                    }
                }
                v
            };
            let k = names.len().max(1) as f64;
            let groups_c = groups.clone();
            // a fixed id, so that tests (and nothing else) can find its transform
            let resp = Plot::new(id)
                .id(egui::Id::unique(id))
                .height(height)
                .legend(Legend::default())
                .include_y(0.0)
                .include_y(y1)
                .include_x(x0)
                .include_x(x1)
                .y_axis_label(y_unit)
                .x_axis_formatter(move |m, _| {
                    let i = m.value.round();
                    if (m.value - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < groups_c.len() {
                        groups_c[i as usize].clone()
                    } else {
                        String::new()
                    }
                })
                .y_axis_formatter(|m, _| tick(m.value))
                .allow_scroll(false)
                .allow_drag(false)
                .allow_zoom(false)
                .show(ui, |plot| {
                    let mut base = vec![0.0f64; groups.len()];
                    for name in &names {
                        let j = names.iter().position(|n| n == name).unwrap_or(0) as f64;
                        let series_bars: Vec<Bar> = bars
                            .iter()
                            .filter(|b| b.series == *name)
                            .map(|b| {
                                let (x, w, offset) = if *stacked {
                                    let o = base[b.group];
                                    base[b.group] += b.value;
                                    (b.group as f64, 0.7, o)
                                } else {
                                    let w = 0.8 / k;
                                    (b.group as f64 - 0.4 + w * (j + 0.5), w * 0.92, 0.0)
                                };
                                Bar::new(x, b.value)
                                    .width(w)
                                    .base_offset(offset)
                                    .fill(color(b.color))
                                    .name(b.label.clone())
                            })
                            .collect();
                        let c = bars
                            .iter()
                            .find(|b| b.series == *name)
                            .map_or(Color32::GRAY, |b| color(b.color));
                        plot.bar_chart(BarChart::new(name.clone(), series_bars).color(c));
                    }
                    plot.pointer_coordinate()
                });
            if resp.response.clicked()
                && let Some(p) = resp.inner
            {
                let g = p.x.round();
                if g >= 0.0 && (g as usize) < groups.len() && (p.x - g).abs() < 0.45 {
                    let g = g as usize;
                    // which stacked segment: walk the stack up to the pointer
                    let mut acc = 0.0;
                    let mut status = None;
                    for b in bars.iter().filter(|b| b.group == g) {
                        if p.y >= acc && p.y <= acc + b.value {
                            status = b.status;
                        }
                        acc += b.value;
                    }
                    clicked = Some((g, status));
                }
            }
        }
    }
    ui.label(RichText::new(&spec.source).small().weak());
    clicked
}
