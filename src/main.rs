// A release build is a windowed app: no console window on Windows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::PathBuf;

fn main() {
    plantrack::tune_allocator();
    let started = std::time::Instant::now();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cli = match plantrack::cli::parse(&args) {
        Ok(cli) => cli,
        Err(code) => std::process::exit(code),
    };
    if let Some(command) = cli.command {
        std::process::exit(plantrack::cli::run(command));
    }
    // No subcommand: open the app with the files given ("Open with" from a file manager).
    if let Err(e) = run_gui(cli.files, started) {
        eprintln!("plantrack: the window could not be opened: {e}");
        std::process::exit(1);
    }
}

fn run_gui(files: Vec<PathBuf>, started: std::time::Instant) -> eframe::Result {
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../assets/icon.png")).ok();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("PlanTrack")
        .with_app_id("plantrack")
        .with_inner_size(plantrack::ui::DEFAULT_WINDOW)
        .with_min_inner_size([900.0, 560.0])
        .with_drag_and_drop(true);
    if let Some(icon) = icon {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "PlanTrack",
        options,
        Box::new(move |cc| {
            let mut app = plantrack::ui::PlanTrackApp::from_creation_context(cc, files);
            // PLANTRACK_STARTUP_PROBE=1: print the time to the first frame, then quit
            if std::env::var_os("PLANTRACK_STARTUP_PROBE").is_some() {
                app.startup_probe = Some(started);
            }
            Ok(Box::new(app))
        }),
    )
}
