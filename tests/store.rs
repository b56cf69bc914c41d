//! Project files on disk: round trips, old formats, and every way a file can be bad.
//! A file that fails to load is never written to.

use std::fs;
use std::path::{Path, PathBuf};

use plantrack::model::{PROJECT_VERSION, Review};
use plantrack::progress::{Status, StatusIndex};
use plantrack::store::{self, StoreError};

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("plantrack-it-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

fn sample() -> plantrack::model::Project {
    store::load(Path::new("saves/sample.ron")).expect("sample")
}

#[test]
fn sample_round_trips() {
    let p = sample();
    assert_eq!(p.version, PROJECT_VERSION);
    assert_eq!(p.documents.len(), 12, "five plans and seven later reports");
    let dir = temp_dir("roundtrip");
    let path = dir.join("copy.ron");
    store::save(&p, &path).unwrap();
    assert_eq!(store::load(&path).unwrap(), p);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn format_1_files_are_migrated() {
    let p = store::load(Path::new("tests/data/project-v1.ron")).expect("format 1 loads");
    assert_eq!(p.version, PROJECT_VERSION);
    assert_eq!(p.findings.len(), 2);
    assert!(p.findings.iter().all(|f| f.review == Review::Accepted));
    let gdp = p
        .findings
        .iter()
        .find(|f| f.data.indicator == "GDP growth")
        .unwrap();
    assert_eq!(gdp.data.indicator_key.as_deref(), Some("gdp_growth"));
    let doc = p.document(gdp.doc).unwrap();
    assert_eq!(
        &doc.text[gdp.data.sentence.start..gdp.data.sentence.end],
        "This year, make GDP grow more than 6.5%."
    );
    let phys = p
        .findings
        .iter()
        .find(|f| f.data.unit == "per_1000")
        .unwrap();
    assert_eq!(
        phys.data.baseline.map(|b| (b.value, b.year)),
        Some((3.67, 2020))
    );
    assert_eq!(
        phys.data.period.map(|x| x.to_string()).as_deref(),
        Some("2021-2025")
    );
    // the actuals keep working: status is judged as before
    let idx = StatusIndex::build(&p);
    assert_eq!(idx.status(gdp.id), Some(Status::Met));
    assert_eq!(idx.status(phys.id), Some(Status::OnTrack));
    assert!(p.next_id > 5);
    // saved again, it is a current-format file
    let dir = temp_dir("v1");
    let path = dir.join("migrated.ron");
    store::save(&p, &path).unwrap();
    assert_eq!(
        store::peek_version(&fs::read_to_string(&path).unwrap()),
        Some(PROJECT_VERSION)
    );
    assert_eq!(store::load(&path).unwrap(), p);
    let _ = fs::remove_dir_all(&dir);
}

/// Loading a bad file gives a clear error and leaves the file byte for byte as it was.
fn refuses(name: &str, bytes: &[u8]) -> StoreError {
    let dir = temp_dir(name);
    let path = dir.join("bad.ron");
    fs::write(&path, bytes).unwrap();
    let e = store::load(&path).expect_err("must not load");
    assert_eq!(fs::read(&path).unwrap(), bytes, "the bad file was changed");
    assert!(!store::backup_path(&path).exists());
    let _ = fs::remove_dir_all(&dir);
    e
}

#[test]
fn bad_files_are_refused_and_left_alone() {
    let good = store::to_string(&sample());
    // truncated in the middle
    let e = refuses("truncated", &good.as_bytes()[..good.len() / 3]);
    assert!(matches!(e, StoreError::Parse { .. }), "{e}");
    // a typo deep inside: the message points at the line
    let broken = good.replacen("review: Suggested", "review: Maybe", 1);
    match refuses("typo", broken.as_bytes()) {
        StoreError::Parse {
            line,
            column,
            message,
        } => {
            let want = broken.lines().position(|l| l.contains("Maybe")).unwrap() + 1;
            assert_eq!(line, want, "{message}");
            assert!(column > 0);
        }
        other => panic!("{other}"),
    }
    // written by a newer PlanTrack
    let newer = good.replacen(&format!("version: {PROJECT_VERSION}"), "version: 7", 1);
    let e = refuses("newer", newer.as_bytes());
    assert_eq!(
        e,
        StoreError::TooNew {
            found: 7,
            supported: PROJECT_VERSION
        }
    );
    assert!(e.to_string().contains("newer PlanTrack"));
    // not a project at all
    assert!(matches!(
        refuses("binary", &[0, 159, 146, 150, 1, 2, 3]),
        StoreError::NotAProject(_)
    ));
    assert!(matches!(refuses("empty", b""), StoreError::NotAProject(_)));
    assert!(matches!(
        refuses("json", b"{\"name\": \"x\"}"),
        StoreError::NotAProject(_)
    ));
    // a missing file
    let e = store::load(Path::new("/nonexistent/plan.ron")).unwrap_err();
    assert!(e.to_string().contains("does not exist"), "{e}");
}

#[test]
fn a_failed_save_keeps_the_old_file() {
    let dir = temp_dir("failsave");
    let path = dir.join("p.ron");
    let p = sample();
    store::save(&p, &path).unwrap();
    let before = fs::read(&path).unwrap();
    // the target is a folder: the save fails, the folder and the project are untouched
    let folder = dir.join("folder.ron");
    fs::create_dir_all(&folder).unwrap();
    assert!(store::save(&p, &folder).is_err());
    assert!(folder.is_dir());
    // the folder vanished
    assert!(store::save(&p, &dir.join("gone/p.ron")).is_err());
    assert_eq!(fs::read(&path).unwrap(), before);
    let leftovers: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn damaged_contents_are_repaired_on_load() {
    let mut p = sample();
    let n = p.findings.len();
    p.findings[0].data.sentence.end = usize::MAX / 2;
    p.findings[1].doc = 999_999;
    let dup = p.findings[2].id;
    p.findings[3].id = dup;
    let text = store::to_string(&p);
    let q = store::from_str(&text).unwrap();
    assert_eq!(
        q.findings.len(),
        n - 1,
        "the finding of a missing document is dropped"
    );
    assert_eq!(
        q.findings[0].data.sentence,
        plantrack::model::Span::default()
    );
    let mut ids: Vec<_> = q.findings.iter().map(|f| f.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), q.findings.len(), "ids are unique again");
}
