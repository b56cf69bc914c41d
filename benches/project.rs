//! A project of 100,000 targets and 200,000 actuals: load, save, statuses, filters.

use criterion::{Criterion, criterion_group, criterion_main};
use plantrack::progress::StatusIndex;

fn bench(c: &mut Criterion) {
    let base = plantrack::store::load(std::path::Path::new("saves/sample.ron")).unwrap();
    let big = plantrack::synth::scaled(&base, 100_000, 200_000);
    let text = plantrack::store::to_string(&big);
    eprintln!(
        "synthetic project: {} documents, {} findings, {} actuals, {:.1} MB as RON",
        big.documents.len(),
        big.findings.len(),
        big.observations.len(),
        text.len() as f64 / 1e6
    );
    let dir = std::env::temp_dir().join(format!("plantrack-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.ron");
    plantrack::store::save(&big, &path).unwrap();

    let mut g = c.benchmark_group("project 100k targets, 200k actuals");
    g.sample_size(10);
    g.bench_function("load", |b| {
        b.iter(|| plantrack::store::load(&path).unwrap().findings.len())
    });
    g.bench_function("save", |b| {
        b.iter(|| plantrack::store::save(&big, &path).unwrap())
    });
    g.bench_function("statuses", |b| b.iter(|| StatusIndex::build(&big).len()));
    let index = StatusIndex::build(&big);
    let mut view = plantrack::ui::View::default();
    g.bench_function("filter and sort: all", |b| {
        b.iter(|| plantrack::ui::filtered_rows(&big, &index, &view).len())
    });
    view.search = "growth rate".into();
    g.bench_function("filter and sort: text only", |b| {
        b.iter(|| plantrack::ui::filtered_rows(&big, &index, &view).len())
    });
    view.search.clear();
    view.sort = (plantrack::ui::SortCol::Indicator, false);
    g.bench_function("filter and sort: all, by indicator", |b| {
        b.iter(|| plantrack::ui::filtered_rows(&big, &index, &view).len())
    });
    view.sort = (plantrack::ui::SortCol::Province, true);
    view.province = Some("Zhejiang".into());
    view.year = plantrack::ui::YearFilter::Y2025;
    view.search = "rate".into();
    g.bench_function("filter and sort: province, year, text", |b| {
        b.iter(|| plantrack::ui::filtered_rows(&big, &index, &view).len())
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
