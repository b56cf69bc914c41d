//! Extraction throughput on the sample documents, one by one and concatenated to 50 MB,
//! and on the Chinese corpus concatenated to 20 MB.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn samples() -> Vec<(String, String)> {
    texts("assets/samples")
}

fn texts(dir: &str) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
        })
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

/// The documents one after another, repeated to at least `bytes`.
fn concatenated(docs: &[(String, String)], bytes: usize) -> String {
    let one: String = docs
        .iter()
        .map(|d| d.1.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    std::iter::repeat_n(one.as_str(), bytes / one.len() + 1)
        .collect::<Vec<_>>()
        .join("\n\n")
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
    let big = concatenated(&docs, 50_000_000);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.sample_size(10);
    g.bench_function("samples concatenated to 50 MB", |b| {
        b.iter(|| plantrack::extract::extract("big.txt", &big).len())
    });
    let zh_big = concatenated(&texts("tests/data/corpus-zh"), 20_000_000);
    g.throughput(Throughput::Bytes(zh_big.len() as u64));
    g.bench_function("Chinese corpus concatenated to 20 MB", |b| {
        b.iter(|| plantrack::extract::extract("zh.txt", &zh_big).len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
