//! Write a synthetic project made from the sample findings, for trying PlanTrack at
//! scale: `cargo run --release --example synth_project -- OUT.ron [TARGETS] [ACTUALS]`
//! (100,000 and 200,000 by default, as in the benchmarks).

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first() else {
        eprintln!("usage: synth_project OUT.ron [TARGETS] [ACTUALS]");
        std::process::exit(2);
    };
    let num = |i: usize, default: usize| {
        args.get(i)
            .map_or(Some(default), |s| s.parse().ok())
            .unwrap_or_else(|| {
                eprintln!("{} is not a number", args[i]);
                std::process::exit(2)
            })
    };
    let base = plantrack::store::from_str(plantrack::ui::SAMPLE_RON).expect("the bundled sample");
    let big = plantrack::synth::scaled(&base, num(1, 100_000), num(2, 200_000));
    if let Err(e) = plantrack::store::save(&big, std::path::Path::new(out)) {
        eprintln!("{out}: {e}");
        std::process::exit(1);
    }
    println!(
        "{out}: {} findings, {} actuals",
        big.findings.len(),
        big.observations.len()
    );
}
