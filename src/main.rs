// A release build is a windowed app: no console window on Windows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args
        .first()
        .is_some_and(|a| plantrack::cli::SUBCOMMANDS.contains(&a.as_str()))
    {
        std::process::exit(plantrack::cli::run(&args));
    }
    eprintln!("GUI not yet built");
}
