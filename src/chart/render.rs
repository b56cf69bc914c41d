//! Report files from a `ChartSpec`: SVG and PNG drawn with plotters, with bundled fonts
//! so a chart looks the same on every machine.

use std::sync::OnceLock;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::FontStyle;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
    text_anchor::{HPos, VPos},
};

use super::{Body, ChartSpec, Marker, Rgb, Style, tick};

/// Export settings. The defaults fill a 16 x 10 cm figure on an A4 page at 300 dpi.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExportOptions {
    pub width: u32,
    pub height: u32,
    /// Dots per inch written into the PNG (affects only how big it prints).
    pub dpi: u32,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            width: 1890,
            height: 1180,
            dpi: 300,
        }
    }
}

impl ExportOptions {
    pub fn clamped(self) -> ExportOptions {
        ExportOptions {
            width: self.width.clamp(320, 8000),
            height: self.height.clamp(240, 8000),
            dpi: self.dpi.clamp(72, 1200),
        }
    }
}

const LATIN: &str = "sans-serif";
const REGULAR: &[u8] = include_bytes!("../../assets/fonts/Ubuntu-Light.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// Droid Sans Fallback (Apache 2.0), cut to GB2312, Big5 level 1 and CJK punctuation: the
/// glyphs the Latin fonts lack, drawn by `GlyphFix` (plotters itself has no fallback; an
/// SVG names "sans-serif" and its viewer falls back to a Chinese font of its own).
pub const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallback-subset.ttf");

fn fonts() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        // The bundled fonts are valid; if registering failed, text would simply not draw.
        let _ = plotters::style::register_font(LATIN, FontStyle::Normal, REGULAR);
        let _ = plotters::style::register_font(LATIN, FontStyle::Bold, BOLD);
    });
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c[0], c[1], c[2])
}

fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("drawing the chart failed: {e:?}")
}

/// The chart as an SVG document.
pub fn to_svg(spec: &ChartSpec, opts: ExportOptions) -> Result<String, String> {
    fonts();
    let opts = opts.clamped();
    let mut s = String::new();
    {
        let root = SVGBackend::with_string(&mut s, (opts.width, opts.height)).into_drawing_area();
        draw(spec, &root, opts)?;
        root.present().map_err(err)?;
    }
    Ok(s)
}

/// The chart as PNG bytes.
pub fn to_png(spec: &ChartSpec, opts: ExportOptions) -> Result<Vec<u8>, String> {
    fonts();
    let opts = opts.clamped();
    let mut buf = vec![255u8; opts.width as usize * opts.height as usize * 3];
    {
        let backend = GlyphFix(BitMapBackend::with_buffer(
            &mut buf,
            (opts.width, opts.height),
        ));
        let root = backend.into_drawing_area();
        draw(spec, &root, opts)?;
        root.present().map_err(err)?;
    }
    encode_png(&buf, opts)
}

fn encode_png(rgb: &[u8], opts: ExportOptions) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, opts.width, opts.height);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let ppm = (f64::from(opts.dpi) / 0.0254).round() as u32;
        enc.set_pixel_dims(Some(png::PixelDimensions {
            xppu: ppm,
            yppu: ppm,
            unit: png::Unit::Meter,
        }));
        let mut w = enc.write_header().map_err(|e| e.to_string())?;
        w.write_image_data(rgb).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// Write the chart to `path`; the format follows the extension (.svg or .png).
pub fn write_file(
    spec: &ChartSpec,
    path: &std::path::Path,
    opts: ExportOptions,
) -> Result<(), String> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let bytes = match ext.as_str() {
        "svg" => to_svg(spec, opts)?.into_bytes(),
        "png" => to_png(spec, opts)?,
        other => {
            return Err(format!(
                "unknown chart format \"{other}\": use a file name ending in .png or .svg"
            ));
        }
    };
    crate::store::write_atomic(path, &bytes, false).map_err(|e| e.to_string())
}

fn draw<DB: DrawingBackend>(
    spec: &ChartSpec,
    root: &DrawingArea<DB, Shift>,
    opts: ExportOptions,
) -> Result<(), String> {
    root.fill(&WHITE).map_err(err)?;
    let (w, h) = (opts.width as f64, opts.height as f64);
    let s = (w / 1000.0).min(h / 620.0);
    let px = |v: f64| (v * s).round() as i32;
    let margin = px(24.0);
    let fam = LATIN;
    let title_font = (fam, px(26.0)).into_font().style(FontStyle::Bold);
    let sub_font = (fam, px(16.0)).into_font();
    let small = (fam, px(12.0)).into_font();
    let grey = RGBColor(90, 90, 90);

    root.draw(&Text::new(
        spec.title.clone(),
        (margin, margin),
        title_font.color(&BLACK),
    ))
    .map_err(err)?;
    root.draw(&Text::new(
        spec.subtitle.clone(),
        (margin, margin + px(36.0)),
        sub_font.color(&grey),
    ))
    .map_err(err)?;
    // the source line wraps inside the page: an average glyph is about half the size wide
    let per_line = ((w - 2.0 * margin as f64) / (px(12.0).max(1) as f64 * 0.55)).max(20.0) as usize;
    let source_lines = crate::util::wrap_words(&spec.source, per_line);
    let line_h = px(16.0);
    let n_lines = source_lines.len() as i32;
    for (i, line) in source_lines.into_iter().enumerate() {
        let y = h as i32 - margin - px(12.0) - (n_lines - 1 - i as i32) * line_h;
        root.draw(&Text::new(line, (margin, y), small.color(&grey)))
            .map_err(err)?;
    }

    let top = margin + px(70.0);
    let bottom = h as i32 - margin - px(28.0) - (n_lines - 1) * line_h;
    let area = root
        .clone()
        .shrink((margin, top), (w as i32 - 2 * margin, bottom - top));
    let label_font = (fam, px(14.0)).into_font();
    if let Body::Bars {
        groups,
        bars,
        stacked: true,
    } = &spec.body
    {
        let fonts = (label_font, small);
        return overview(&area, groups, bars, &spec.y_label, fonts, px);
    }
    let ((x0, x1), (y0, y1)) = spec.bounds();
    let mut chart = ChartBuilder::on(&area)
        .margin_right(px(10.0))
        .x_label_area_size(px(50.0))
        .y_label_area_size(px(80.0))
        .build_cartesian_2d(x0..x1, y0..y1)
        .map_err(err)?;

    match &spec.body {
        Body::Xy { series, vlines } => {
            chart
                .configure_mesh()
                .light_line_style(RGBColor(235, 235, 235))
                .bold_line_style(RGBColor(210, 210, 210))
                .x_desc(spec.x_label.clone())
                .y_desc(spec.y_label.clone())
                .label_style(label_font.clone())
                .axis_desc_style(label_font.clone())
                .x_labels(((x1 - x0).round() as usize + 1).min(16))
                .x_label_formatter(&|x| {
                    if x.fract().abs() < 1e-6 {
                        format!("{x:.0}")
                    } else {
                        String::new()
                    }
                })
                .y_label_formatter(&|y| tick(*y))
                .draw()
                .map_err(err)?;
            if spec.axis_break() {
                // the y axis starts above zero: two short slashes across it say so
                let k = px(5.0);
                let stroke = ShapeStyle::from(&BLACK).stroke_width(px(1.5).max(1) as u32);
                let y_mark = y0 + (y1 - y0) * 0.04;
                for dy in [-k / 2, k / 2] {
                    chart
                        .draw_series(std::iter::once(
                            EmptyElement::at((x0, y_mark))
                                + PathElement::new(vec![(-k, dy + k / 2), (k, dy - k / 2)], stroke),
                        ))
                        .map_err(err)?;
                }
            }
            for (x, label) in vlines {
                let style =
                    ShapeStyle::from(&RGBColor(170, 170, 170)).stroke_width(px(1.5).max(1) as u32);
                chart
                    .draw_series(DashedLineSeries::new(
                        vec![(*x, y0), (*x, y1)],
                        px(6.0),
                        px(6.0),
                        style,
                    ))
                    .map_err(err)?;
                chart
                    .draw_series(std::iter::once(
                        EmptyElement::at((*x, y1))
                            + Text::new(
                                label.clone(),
                                (-px(6.0), px(4.0)),
                                small.clone().color(&RGBColor(120, 120, 120)).pos(
                                    plotters::style::text_anchor::Pos::new(HPos::Right, VPos::Top),
                                ),
                            ),
                    ))
                    .map_err(err)?;
            }
            for ser in series {
                let color = rgb(ser.color);
                let stroke = ShapeStyle::from(&color).stroke_width(px(3.0).max(1) as u32);
                let r = px(7.0).max(3);
                let legend_color = color;
                match ser.style {
                    Style::Line => {
                        chart
                            .draw_series(LineSeries::new(ser.points.clone(), stroke))
                            .map_err(err)?
                            .label(ser.name.clone())
                            .legend(move |(x, y)| {
                                PathElement::new(vec![(x, y), (x + 20, y)], legend_color)
                            });
                    }
                    Style::Dashed => {
                        chart
                            .draw_series(DashedLineSeries::new(
                                ser.points.clone(),
                                px(10.0),
                                px(6.0),
                                stroke,
                            ))
                            .map_err(err)?
                            .label(ser.name.clone())
                            .legend(move |(x, y)| {
                                PathElement::new(vec![(x, y), (x + 20, y)], legend_color)
                            });
                    }
                    Style::LineAndPoints => {
                        chart
                            .draw_series(LineSeries::new(ser.points.clone(), stroke))
                            .map_err(err)?
                            .label(ser.name.clone())
                            .legend(move |(x, y)| {
                                Circle::new((x + 10, y), 5, legend_color.filled())
                            });
                        chart
                            .draw_series(
                                ser.points
                                    .iter()
                                    .map(|&p| Circle::new(p, r, color.filled())),
                            )
                            .map_err(err)?;
                    }
                    Style::Points(m) => {
                        let filled = color.filled();
                        chart
                            .draw_series(
                                ser.points
                                    .iter()
                                    .map(|&p| marker(p, m, r + px(2.0), filled)),
                            )
                            .map_err(err)?
                            .label(ser.name.clone())
                            .legend(move |(x, y)| marker((x + 10, y), m, 7, filled));
                    }
                }
                // data labels: the value up and to the right of each point
                let (ox, oy) = (px(10.0), -px(26.0));
                chart
                    .draw_series(ser.points.iter().map(|&(x, y)| {
                        EmptyElement::at((x, y))
                            + Text::new(tick(y), (ox, oy), small.clone().color(&color))
                    }))
                    .map_err(err)?;
            }
            chart
                .configure_series_labels()
                .label_font(label_font)
                .background_style(WHITE.mix(0.85))
                .border_style(RGBColor(200, 200, 200))
                .position(SeriesLabelPosition::UpperLeft)
                .draw()
                .map_err(err)?;
        }
        // stacked bars (the overview) were drawn by `overview` above
        Body::Bars { groups, bars, .. } => {
            let n = groups.len().max(1);
            let many = n > 10;
            let groups_c = groups.clone();
            chart
                .configure_mesh()
                .disable_x_mesh()
                .light_line_style(RGBColor(235, 235, 235))
                .bold_line_style(RGBColor(210, 210, 210))
                .x_desc(spec.x_label.clone())
                .y_desc(spec.y_label.clone())
                .label_style(if many {
                    small.clone()
                } else {
                    label_font.clone()
                })
                .axis_desc_style(label_font.clone())
                .x_labels(n * 2 + 1)
                .x_label_formatter(&move |x| {
                    let i = x.round();
                    if (x - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < groups_c.len() {
                        groups_c[i as usize].clone()
                    } else {
                        String::new()
                    }
                })
                .y_label_formatter(&|y| tick(*y))
                .draw()
                .map_err(err)?;
            let series_names = super::series_names(bars);
            let k = series_names.len().max(1) as f64;
            for b in bars {
                let g = b.group as f64;
                let j = series_names
                    .iter()
                    .position(|s| *s == b.series)
                    .unwrap_or(0) as f64;
                let width = 0.8 / k;
                let xa = g - 0.4 + j * width;
                let (xb, yb) = (xa + width * 0.92, b.value);
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(xa, 0.0), (xb, yb)],
                        rgb(b.color).filled(),
                    )))
                    .map_err(err)?;
                chart
                    .draw_series(std::iter::once(Text::new(
                        tick(b.value),
                        (xa, yb),
                        small.clone().color(&RGBColor(50, 50, 50)),
                    )))
                    .map_err(err)?;
            }
            // legend: one swatch per series name (statuses carry their own colour)
            let mut legend: Vec<(String, Rgb)> = Vec::new();
            for b in bars {
                let name = match b.status {
                    Some(st) => format!("actual: {}", st.as_str()),
                    None => b.series.clone(),
                };
                if !legend.iter().any(|(n2, _)| *n2 == name) {
                    legend.push((name, b.color));
                }
            }
            swatch_legend(
                &mut chart,
                legend,
                label_font,
                SeriesLabelPosition::UpperRight,
            )?;
        }
    }
    Ok(())
}

type Chart2d<'a, DB> = ChartContext<
    'a,
    DB,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

/// A legend of colour swatches, one per name.
fn swatch_legend<'a, DB: DrawingBackend + 'a>(
    chart: &mut Chart2d<'a, DB>,
    items: Vec<(String, Rgb)>,
    font: FontDesc,
    position: SeriesLabelPosition,
) -> Result<(), String> {
    for (name, c) in items {
        let color = rgb(c);
        chart
            .draw_series(std::iter::empty::<Rectangle<(f64, f64)>>())
            .map_err(err)?
            .label(name)
            .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 16, y + 6)], color.filled()));
    }
    chart
        .configure_series_labels()
        .label_font(font)
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(200, 200, 200))
        .position(position)
        .draw()
        .map_err(err)?;
    Ok(())
}

/// The overview as on screen: a horizontal stacked bar per province (the one with the most
/// targets on top), every province named, statuses stacked met first, the total at the
/// end of each bar and inside the frame.
fn overview<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    groups: &[String],
    bars: &[super::Bar],
    x_desc: &str,
    (label_font, small): (FontDesc, FontDesc),
    px: impl Fn(f64) -> i32,
) -> Result<(), String> {
    let n = groups.len().max(1);
    let mut totals = vec![0.0f64; n];
    for b in bars {
        totals[b.group] += b.value;
    }
    let max = totals.iter().copied().fold(1.0, f64::max);
    let x_max = max * 1.15 + 0.5;
    let names = groups.to_vec();
    let mut chart = ChartBuilder::on(area)
        .margin_right(px(10.0))
        .x_label_area_size(px(50.0))
        .y_label_area_size(px(130.0))
        .build_cartesian_2d(0.0..x_max, -0.6..(n as f64 - 0.4))
        .map_err(err)?;
    let rows = n;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(RGBColor(235, 235, 235))
        .bold_line_style(RGBColor(210, 210, 210))
        .x_desc(x_desc.to_string())
        .label_style(if n > 16 {
            small.clone()
        } else {
            label_font.clone()
        })
        .axis_desc_style(label_font.clone())
        .y_labels(rows * 2 + 1)
        .y_label_formatter(&move |y| {
            let r = y.round();
            if (y - r).abs() < 1e-6 && r >= 0.0 && (r as usize) < rows {
                names[super::bar_group(rows, r as usize)].clone()
            } else {
                String::new()
            }
        })
        .x_label_formatter(&|x| {
            if x.fract().abs() < 1e-6 {
                tick(*x)
            } else {
                String::new()
            }
        })
        .draw()
        .map_err(err)?;
    let rank = |b: &super::Bar| b.status.map_or(usize::MAX, crate::progress::Status::rank);
    let mut ordered: Vec<&super::Bar> = bars.iter().collect();
    ordered.sort_by_key(|b| (b.group, rank(b)));
    let mut stack = vec![0.0f64; n];
    for b in &ordered {
        let y = super::bar_row(n, b.group);
        let base = stack[b.group];
        stack[b.group] += b.value;
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(base, y - 0.35), (base + b.value, y + 0.35)],
                rgb(b.color).filled(),
            )))
            .map_err(err)?;
    }
    let dark = RGBColor(50, 50, 50);
    for (g, t) in totals.iter().enumerate() {
        let style = small
            .clone()
            .color(&dark)
            .pos(plotters::style::text_anchor::Pos::new(
                HPos::Left,
                VPos::Center,
            ));
        chart
            .draw_series(std::iter::once(Text::new(
                tick(*t),
                (t + x_max * 0.01, super::bar_row(n, g)),
                style,
            )))
            .map_err(err)?;
    }
    let mut legend: Vec<&super::Bar> = Vec::new();
    for b in &ordered {
        if !legend.iter().any(|l| l.series == b.series) {
            legend.push(b);
        }
    }
    legend.sort_by_key(|b| rank(b));
    let items = legend.iter().map(|b| (b.series.clone(), b.color)).collect();
    swatch_legend(
        &mut chart,
        items,
        label_font,
        SeriesLabelPosition::LowerRight,
    )
}

/// A marker shape drawn in pixels around a data point.
type MarkerElement<C, DB> =
    plotters::element::ComposedElement<C, DB, Polygon<(i32, i32)>, PathElement<(i32, i32)>>;

fn marker<C, DB: DrawingBackend>(
    p: C,
    m: Marker,
    r: i32,
    style: ShapeStyle,
) -> MarkerElement<C, DB> {
    let pts: Vec<(i32, i32)> = match m {
        Marker::Up => vec![(0, -r), (r, r * 2 / 3), (-r, r * 2 / 3)],
        Marker::Down => vec![(0, r), (r, -r * 2 / 3), (-r, -r * 2 / 3)],
        Marker::Diamond => vec![(0, -r), (r, 0), (0, r), (-r, 0)],
        Marker::Circle => (0..16)
            .map(|i| {
                let a = f64::from(i) * std::f64::consts::PI / 8.0;
                let rf = f64::from(r);
                ((rf * a.cos()).round() as i32, (rf * a.sin()).round() as i32)
            })
            .collect(),
    };
    // the empty path only makes the composed type nameable
    EmptyElement::at(p) + Polygon::new(pts, style) + PathElement::new(Vec::new(), style)
}

/// A bitmap backend whose text places each glyph at the pen position plus its left
/// bearing. (plotters' own ab_glyph text drops the bearing, so "j" and "f" drift
/// right.) Sizes and anchors follow plotters, so its layout of legends and axes holds.
struct GlyphFix<B>(B);

impl<B: DrawingBackend> DrawingBackend for GlyphFix<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.present()
    }
    fn draw_pixel(
        &mut self,
        p: BackendCoord,
        c: BackendColor,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_pixel(p, c)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_line(a, b, s)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_rect(a, b, s, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_path(path, s)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_circle(c, r, s, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.fill_polygon(vert, s)
    }
    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        use ab_glyph::{Font, FontRef, ScaleFont};
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        // the Latin font, and the Chinese one for any glyph it lacks
        let bytes = if matches!(style.style(), FontStyle::Bold) {
            BOLD
        } else {
            REGULAR
        };
        let (Ok(main), Ok(cjk)) = (
            FontRef::try_from_slice(bytes),
            FontRef::try_from_slice(CJK_FONT),
        ) else {
            return self.0.draw_text(text, style, pos);
        };
        let size = style.size() as f32;
        let (main, cjk) = (main.as_scaled(size), cjk.as_scaled(size));
        let pick = |c: char| {
            let id = main.glyph_id(c);
            if id.0 == 0 && cjk.glyph_id(c).0 != 0 {
                (&cjk, cjk.glyph_id(c), true)
            } else {
                (&main, id, false)
            }
        };
        // the same box plotters estimates, so anchors land where its layout expects
        let mut width = 0f32;
        let mut prev: Option<(ab_glyph::GlyphId, bool)> = None;
        for c in text.chars() {
            let (font, id, fb) = pick(c);
            if let Some((p, pfb)) = prev
                && pfb == fb
            {
                width += font.kern(p, id);
            }
            width += font.h_advance(id);
            prev = Some((id, fb));
        }
        let height = (f64::from(size) / 1.24) as i32;
        let width = width as i32;
        let dx = match style.anchor().h_pos {
            HPos::Left => 0,
            HPos::Right => -width,
            HPos::Center => -width / 2,
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => 0,
            VPos::Center => -height / 2,
            VPos::Bottom => -height,
        };
        let trans = style.transform();
        let (w, h) = self.0.get_size();
        let baseline = size / 2.0;
        let mut pen = 0f32;
        let mut prev: Option<(ab_glyph::GlyphId, bool)> = None;
        for c in text.chars() {
            let (font, id, fb) = pick(c);
            if let Some((p, pfb)) = prev
                && pfb == fb
            {
                pen += font.kern(p, id);
            }
            prev = Some((id, fb));
            let glyph = id.with_scale_and_position(size, ab_glyph::point(pen, baseline));
            pen += font.h_advance(id);
            let Some(outline) = font.outline_glyph(glyph) else {
                continue;
            };
            let bounds = outline.px_bounds();
            let mut pixels = Vec::new();
            outline.draw(|x, y, cov| {
                pixels.push((
                    bounds.min.x as i32 + x as i32,
                    bounds.min.y as i32 + y as i32,
                    cov,
                ));
            });
            for (x, y, cov) in pixels {
                let (x, y) = trans.transform(x + dx, y + dy);
                let (x, y) = (pos.0 + x, pos.1 + y);
                if x >= 0 && x < w as i32 && y >= 0 && y < h as i32 {
                    let c = BackendColor {
                        alpha: color.alpha * f64::from(cov.clamp(0.0, 1.0)),
                        rgb: color.rgb,
                    };
                    self.0.draw_pixel((x, y), c)?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(title: &str) -> Vec<u8> {
        let spec = ChartSpec {
            title: title.into(),
            subtitle: String::new(),
            source: String::new(),
            x_label: "year".into(),
            y_label: "%".into(),
            body: Body::Xy {
                series: Vec::new(),
                vlines: Vec::new(),
            },
        };
        let png = to_png(&spec, ExportOptions::default()).expect("drawn");
        let mut reader = png::Decoder::new(std::io::Cursor::new(png))
            .read_info()
            .expect("a png");
        let mut buf = vec![0; reader.output_buffer_size().expect("size")];
        let info = reader.next_frame(&mut buf).expect("a frame");
        buf.truncate(info.buffer_size());
        buf
    }

    #[test]
    fn chinese_titles_draw_their_own_glyphs() {
        // boxes for missing glyphs would make two titles of the same length the same image
        let a = chart("地区生产总值");
        let b = chart("粮食产量目标");
        let blank = chart("");
        assert_ne!(a, b, "Chinese characters drawn as boxes");
        assert_ne!(a, blank, "Chinese title not drawn");
    }
}
