//! Extraction throughput on the sample documents, one by one and concatenated to 50 MB
//! (one core).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn samples() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir("assets/samples")
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

fn bench(c: &mut Criterion) {
    let docs = samples();
    let mut g = c.benchmark_group("extract");
    let total: usize = docs.iter().map(|d| d.1.len()).sum();
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("five samples", |b| {
        b.iter(|| {
            docs.iter()
                .map(|(n, t)| plantrack::extract::extract(n, t).len())
                .sum::<usize>()
        })
    });
    let one: String = docs
        .iter()
        .map(|d| d.1.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let big: String = std::iter::repeat_n(one.as_str(), 50_000_000 / one.len() + 1)
        .collect::<Vec<_>>()
        .join("\n\n");
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.sample_size(10);
    g.bench_function("samples concatenated to 50 MB", |b| {
        b.iter(|| plantrack::extract::extract("big.txt", &big).len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
