//! Charts on screen: the same `ChartSpec` the report files are drawn from, with
//! egui_plot. Hover shows exact values and sources; clicking an overview bar filters
//! the table to that province and status.

use egui::{Color32, RichText};
use egui_plot::{
    AxisHints, Bar, BarChart, GridMark, HoverPosition, Legend, Line, LineStyle, MarkerShape, Plot,
    PlotPoint, PlotPoints, Points, Text, VLine,
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
    let axis_break = spec.axis_break();
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
                    if axis_break {
                        // the y axis starts above zero: a mark on it says so
                        plot.text(
                            Text::new("", PlotPoint::new(x0, y0 + (y1 - y0) * 0.04), "≈")
                                .anchor(egui::Align2::CENTER_CENTER)
                                .color(Color32::GRAY),
                        );
                    }
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
            stacked: true,
        } => clicked = overview_bars(ui, groups, bars, height, id, &spec.y_label, y1),
        Body::Bars {
            groups,
            bars,
            stacked: false,
        } => grouped_bars(ui, groups, bars, height, id, y_unit, (x0, x1), y1),
    }
    ui.label(RichText::new(&spec.source).small().weak());
    clicked
}

/// The colour of a series of bars (that of its first bar).
fn series_color(bars: &[crate::chart::Bar], name: &str) -> Color32 {
    bars.iter()
        .find(|b| b.series == name)
        .map_or(Color32::GRAY, |b| color(b.color))
}

/// Bars side by side per category (one indicator across provinces).
#[allow(clippy::too_many_arguments)]
fn grouped_bars(
    ui: &mut egui::Ui,
    groups: &[String],
    bars: &[crate::chart::Bar],
    height: f32,
    id: &str,
    y_unit: String,
    (x0, x1): (f64, f64),
    y1: f64,
) {
    let names = crate::chart::series_names(bars);
    let k = names.len().max(1) as f64;
    let groups_c = groups.to_vec();
    Plot::new(id)
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
            for (j, name) in names.iter().enumerate() {
                let w = 0.8 / k;
                let series_bars: Vec<Bar> = bars
                    .iter()
                    .filter(|b| b.series == *name)
                    .map(|b| {
                        Bar::new(b.group as f64 - 0.4 + w * (j as f64 + 0.5), b.value)
                            .width(w * 0.92)
                            .fill(color(b.color))
                            .name(b.label.clone())
                    })
                    .collect();
                let c = series_color(bars, name);
                plot.bar_chart(BarChart::new(name.clone(), series_bars).color(c));
            }
        });
}

/// The overview: one horizontal stacked bar per province, every province named on the
/// left, the total at the end of its bar. Returns the province (and status) clicked.
fn overview_bars(
    ui: &mut egui::Ui,
    groups: &[String],
    bars: &[crate::chart::Bar],
    height: f32,
    id: &str,
    x_unit: &str,
    max_total: f64,
) -> Option<(usize, Option<crate::progress::Status>)> {
    let n = groups.len();
    // stacked in the order of the statuses (met first), whatever the first province has
    let mut names = crate::chart::series_names(bars);
    names.sort_by_key(|name| {
        bars.iter()
            .find(|b| b.series == *name)
            .and_then(|b| b.status)
            .map_or(usize::MAX, crate::progress::Status::rank)
    });
    let groups_c = groups.to_vec();
    let mut totals = vec![0.0f64; n];
    for b in bars {
        totals[b.group] += b.value;
    }
    // a row for each province however many there are: at least 16 points a row
    let height = height.max(16.0 * n as f32 + 90.0);
    let name_axis = AxisHints::new_y()
        .formatter(move |m, _| {
            let r = m.value.round();
            if (m.value - r).abs() < 1e-6 && r >= 0.0 && (r as usize) < n {
                groups_c[crate::chart::bar_group(n, r as usize)].clone()
            } else {
                String::new()
            }
        })
        .label_spacing(10.0..=12.0);
    // bounds() pads the top for vertical bars; room for the total's label here
    let x_max = (max_total / 1.1).max(1.0) * 1.15 + 0.5;
    let text_color = ui.visuals().text_color();
    let resp = Plot::new(id)
        .id(egui::Id::unique(id))
        .height(height)
        .legend(Legend::default().position(egui_plot::Corner::RightBottom))
        .custom_y_axes(vec![name_axis])
        .y_grid_spacer(move |_| {
            (0..n)
                .map(|r| GridMark {
                    value: r as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .include_y(-0.6)
        .include_y(n as f64 - 0.4)
        .include_x(0.0)
        .include_x(x_max)
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label(x_unit.to_string())
                .formatter(|m, _| {
                    // counts: whole numbers only
                    if m.value.fract().abs() < 1e-6 && m.value >= 0.0 {
                        tick(m.value)
                    } else {
                        String::new()
                    }
                })
                .label_spacing(28.0..=36.0),
        ])
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .show(ui, |plot| {
            let mut base = vec![0.0f64; n];
            for name in &names {
                let series_bars: Vec<Bar> = bars
                    .iter()
                    .filter(|b| b.series == *name)
                    .map(|b| {
                        let o = base[b.group];
                        base[b.group] += b.value;
                        Bar::new(crate::chart::bar_row(n, b.group), b.value)
                            .width(0.7)
                            .base_offset(o)
                            .fill(color(b.color))
                            .name(b.label.clone())
                    })
                    .collect();
                let c = series_color(bars, name);
                plot.bar_chart(
                    BarChart::new(name.clone(), series_bars)
                        .color(c)
                        .horizontal(),
                );
            }
            // the total just past the end of each bar, inside the plot
            for (g, t) in totals.iter().enumerate() {
                plot.text(
                    // no name: the totals stay out of the legend
                    Text::new(
                        "",
                        PlotPoint::new(t + x_max * 0.01, crate::chart::bar_row(n, g)),
                        tick(*t),
                    )
                    .anchor(egui::Align2::LEFT_CENTER)
                    .color(text_color),
                );
            }
            plot.pointer_coordinate()
        });
    if !resp.response.clicked() {
        return None;
    }
    let p = resp.inner?;
    let r = p.y.round();
    if r < 0.0 || r as usize >= n || (p.y - r).abs() >= 0.45 {
        return None;
    }
    let g = crate::chart::bar_group(n, r as usize);
    // which stacked segment: walk the stack out to the pointer
    let mut acc = 0.0;
    let mut status = None;
    for b in bars.iter().filter(|b| b.group == g) {
        if p.x >= acc && p.x <= acc + b.value {
            status = b.status;
        }
        acc += b.value;
    }
    Some((g, status))
}
