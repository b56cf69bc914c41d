//! Importing files: progress through one large file, cancelling it, bad inputs.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use plantrack::ops::{self, Progress};

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("plantrack-imp-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The Zhejiang sample repeated to about `mb` megabytes.
fn big_file(dir: &std::path::Path, mb: usize) -> PathBuf {
    let sample =
        std::fs::read_to_string("assets/samples/zhejiang-2021-government-work-report.txt").unwrap();
    let mut text = String::new();
    while text.len() < mb << 20 {
        text.push_str(&sample);
        text.push_str("\n\n");
    }
    let p = dir.join("big.txt");
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn one_large_file_reports_progress_as_it_goes() {
    let dir = temp_dir("progress");
    let path = big_file(&dir, 4);
    let progress = Progress::default();
    progress.size_for(std::slice::from_ref(&path));
    let seen = std::sync::Mutex::new(Vec::new());
    let r = ops::prepare_path_with(&path, &progress, &|| {
        seen.lock().unwrap().push(progress.fraction())
    });
    let prepared = r.unwrap();
    assert!(!prepared.extractions.is_empty());
    assert_eq!(progress.fraction(), 1.0);
    let seen = seen.into_inner().unwrap();
    // many steps in between, never going backwards
    let between = seen.iter().filter(|f| **f > 0.05 && **f < 0.95).count();
    assert!(between >= 8, "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
}

#[test]
fn cancelling_stops_inside_a_file() {
    let dir = temp_dir("cancel");
    let path = big_file(&dir, 4);
    let progress = Progress::default();
    progress.size_for(std::slice::from_ref(&path));
    let ticks = AtomicUsize::new(0);
    let r = ops::prepare_path_with(&path, &progress, &|| {
        // the user presses Cancel half-way through reading
        if ticks.fetch_add(1, Ordering::Relaxed) == 2 {
            progress.cancel();
        }
    });
    assert_eq!(r.unwrap_err(), ops::CANCELLED);
    assert!(
        ticks.load(Ordering::Relaxed) <= 4,
        "went on after the cancel"
    );
    // the bar is complete, so the job can end
    assert_eq!(progress.fraction(), 1.0);
}
