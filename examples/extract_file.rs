//! Extract a file (no output but counts): for profiling and instruction counting.
//! `cargo run --release --example extract_file -- FILE [REPEAT]`

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a file");
    let repeat: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 text");
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..repeat {
        n += plantrack::extract::extract(&path, &text).len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{n} findings, {:.1} MB in {secs:.3} s: {:.1} MB/s",
        (text.len() * repeat) as f64 / 1e6,
        (text.len() * repeat) as f64 / 1e6 / secs
    );
}
