//! Main-window frame time with a project of 100,000 targets and 200,000 actuals,
//! headless: one frame = the app's UI code run by egui plus tessellation into
//! triangles, everything the CPU does before the GPU draws.

use criterion::{Criterion, criterion_group, criterion_main};
use plantrack::session::Session;
use plantrack::ui::{ChartKind, PlanTrackApp, Prefs, Tab, YearFilter};

struct Window {
    ctx: egui::Context,
    app: PlanTrackApp,
}

impl Window {
    fn input() -> egui::RawInput {
        egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1600.0, 1000.0),
            )),
            ..Default::default()
        }
    }

    /// One frame; returns the number of triangles, so nothing is optimised away.
    fn frame(&mut self) -> usize {
        let app = &mut self.app;
        let out = self.ctx.run_ui(Self::input(), |ui| app.ui_root(ui));
        let prims = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        prims.len()
    }
}

fn bench(c: &mut Criterion) {
    let base = plantrack::store::load(std::path::Path::new("saves/sample.ron")).unwrap();
    let big = plantrack::synth::scaled(&base, 100_000, 200_000);
    let middle = big.findings[big.findings.len() / 2].id;
    let target_with_actuals = big.observations[0].target;
    let mut w = Window {
        ctx: egui::Context::default(),
        app: PlanTrackApp::new(Session::new(big, None), Prefs::default()),
    };
    // the first frames build the caches (statuses, rows) and lay out fonts
    for _ in 0..3 {
        w.frame();
    }
    let mut g = c.benchmark_group("frame, 100k targets");
    g.sample_size(30);
    g.bench_function("table at the top", |b| b.iter(|| w.frame()));

    w.app.view.selected = Some(middle);
    w.app.view.scroll_to_selected = true;
    w.frame();
    g.bench_function("table scrolled to the middle, target details", |b| {
        b.iter(|| w.frame())
    });

    w.app.view.province = Some("Zhejiang".into());
    w.app.view.year = YearFilter::Y2025;
    w.app.view.search = "rate".into();
    w.frame();
    g.bench_function("filters applied", |b| b.iter(|| w.frame()));

    w.app.view.province = None;
    w.app.view.year = YearFilter::All;
    w.app.view.search.clear();
    w.app.view.tab = Tab::Charts;
    w.app.view.chart = ChartKind::Overview;
    w.frame();
    g.bench_function("overview chart", |b| b.iter(|| w.frame()));

    w.app.view.chart = ChartKind::Timeline;
    w.app.view.selected = Some(target_with_actuals);
    w.frame();
    g.bench_function("target timeline chart", |b| b.iter(|| w.frame()));

    w.app.view.chart = ChartKind::Comparison;
    w.frame();
    g.bench_function("province comparison chart", |b| b.iter(|| w.frame()));

    w.app.view.tab = Tab::Document;
    w.frame();
    g.bench_function("document viewer", |b| b.iter(|| w.frame()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
