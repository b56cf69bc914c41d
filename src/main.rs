fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("extract") {
        std::process::exit(plantrack::cli::run(args[1..].to_vec()));
    }
}
