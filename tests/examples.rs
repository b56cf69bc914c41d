//! Every language's examples as data (tests/data/examples/*.txt, as Duckling keeps its
//! Corpus files): each surface form must read as the value, unit and comparator given.

use plantrack::extract::extract;

fn parse(expect: &str) -> Vec<(f64, String, String)> {
    expect
        .split(';')
        .map(|f| {
            let p: Vec<&str> = f.split_whitespace().collect();
            assert_eq!(p.len(), 3, "bad expectation {f:?}");
            (
                p[0].parse().expect("a number"),
                p[1].to_string(),
                p[2].to_string(),
            )
        })
        .collect()
}

#[test]
fn every_language_reads_its_examples() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/examples");
    let mut failures = Vec::new();
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("examples folder") {
        let path = entry.expect("entry").path();
        let lang = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).expect("examples file");
        for line in text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let (surface, expect) = line.rsplit_once("=>").expect("a line with =>");
            let surface = surface.trim().replace("\\n", "\n");
            let want = parse(expect);
            let got: Vec<(f64, String, String)> = extract("example-2023.txt", &surface)
                .into_iter()
                .map(|x| (x.value, x.unit.clone(), x.comparator.symbol().to_string()))
                .collect();
            let same = got.len() == want.len()
                && got.iter().zip(&want).all(|(g, w)| {
                    (g.0 - w.0).abs() <= 1e-6 * w.0.abs().max(1.0) && g.1 == w.1 && g.2 == w.2
                });
            if !same {
                failures.push(format!(
                    "[{lang}] {surface:?}\n   want {want:?}\n   got  {got:?}"
                ));
            }
            n += 1;
        }
    }
    assert!(n >= 30, "only {n} examples found");
    assert!(
        failures.is_empty(),
        "{} of {n} examples misread:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
