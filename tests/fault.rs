//! Crash safety: a child process saves a growing project in a loop and is killed
//! with SIGKILL at random moments, 200 times. After every kill the project file must
//! load, and be the last save the child reported complete or the one it was writing
//! (the rename is the instant a save takes effect).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use plantrack::model::{Observation, Source};

const CHILD: &str = "PLANTRACK_FAULT_CHILD";

/// The child's loop: go on from the project the last child left (or the sample), and
/// save k, k + 1, ... with k actuals, named "save k", printing k once each save has
/// returned.
fn writer(path: &Path) -> ! {
    let mut p = plantrack::store::load(path)
        .or_else(|_| plantrack::store::load(Path::new("saves/sample.ron")))
        .expect("a project to grow");
    let target = p.findings[0].id;
    let mut k = p.observations.len() as u64;
    loop {
        k += 1;
        let id = p.new_id();
        p.observations.push(Observation {
            id,
            target,
            year: 2021,
            value: k as f64,
            unit: "%".into(),
            note: format!("save {k}"),
            source_ref: String::new(),
            source: Source::Manual,
            recorded: k,
        });
        p.name = format!("save {k}");
        plantrack::store::save(&p, path).expect("save");
        println!("{k}");
    }
}

/// A small deterministic generator, so a failure can be replayed.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[test]
fn killed_saves_leave_the_last_or_the_next_complete_project() {
    if let Ok(path) = std::env::var(CHILD) {
        writer(Path::new(&path));
    }
    let dir = std::env::temp_dir().join(format!("plantrack-fault-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("project.ron");
    let exe = std::env::current_exe().unwrap();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut last_seen = 0u64;
    let mut kills_mid_save = 0;
    for round in 0..200 {
        let mut child = Command::new(&exe)
            .args([
                "killed_saves_leave_the_last_or_the_next_complete_project",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // let it complete at least one save, then kill it a random moment later
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        let mut reported = last_seen;
        let started = Instant::now();
        while out.read_line(&mut line).unwrap() > 0 {
            if let Ok(k) = line.trim().parse::<u64>() {
                reported = k;
                break;
            }
            line.clear();
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the child is stuck"
            );
        }
        std::thread::sleep(Duration::from_micros(next(&mut seed) % 30_000));
        child.kill().unwrap();
        child.wait().unwrap();
        // the saves it reported before the kill
        let mut rest = String::new();
        let _ = std::io::Read::read_to_string(&mut out, &mut rest);
        if let Some(k) = rest
            .lines()
            .rev()
            .find_map(|l| l.trim().parse::<u64>().ok())
        {
            reported = k;
        }
        let loaded = plantrack::store::load(&path)
            .unwrap_or_else(|e| panic!("round {round}: the project does not load: {e}"));
        let k: u64 = loaded
            .name
            .strip_prefix("save ")
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("round {round}: unexpected name {}", loaded.name));
        assert!(
            k == reported || k == reported + 1,
            "round {round}: file has save {k}, the child reported {reported}"
        );
        // and it is whole: one actual per save since the start
        assert_eq!(loaded.observations.len() as u64, k, "round {round}");
        assert_eq!(loaded.observations.last().unwrap().value, k as f64);
        if k == reported + 1 {
            kills_mid_save += 1;
        }
        // no temporary files pile up beyond the one a kill may leave
        let stray = std::fs::read_dir(&dir)
            .unwrap()
            .filter(|e| {
                let n = e.as_ref().unwrap().file_name();
                let n = n.to_string_lossy();
                n != "project.ron" && n != "project.ron.bak"
            })
            .count();
        assert!(stray <= 200, "{stray} stray files");
        last_seen = k;
    }
    eprintln!("200 kills; {kills_mid_save} landed between a save's rename and its report");
    let _ = std::fs::remove_dir_all(&dir);
}
