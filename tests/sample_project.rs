//! saves/sample.ron must be what the extractor makes of assets/samples today. When the
//! extractor changes, rebuild it with `cargo run --release -- sample`.

#[test]
fn sample_project_is_in_sync_with_the_extractor() {
    let rebuilt =
        plantrack::ops::sample_project(std::path::Path::new("assets/samples")).expect("samples");
    let saved = std::fs::read_to_string("saves/sample.ron").expect("saves/sample.ron");
    let fresh = plantrack::store::to_string(&rebuilt);
    assert!(
        saved == fresh,
        "saves/sample.ron is out of date with the extractor: run `cargo run --release -- sample` and commit it"
    );
    assert_eq!(
        plantrack::ui::SAMPLE_RON,
        saved,
        "the binary embeds the current sample"
    );
}

#[test]
fn samples_are_the_shared_corpus_when_present() {
    let corpus = std::path::Path::new("../shared/corpus");
    if !corpus.is_dir() {
        return; // the corpus sits beside the checkout in CI and in development only
    }
    for e in std::fs::read_dir("assets/samples").unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            continue; // later/: copies of corpus-2 and corpus-zh documents, checked below
        }
        let other = corpus.join(p.file_name().unwrap());
        assert_eq!(
            std::fs::read(&p).unwrap(),
            std::fs::read(&other).unwrap(),
            "{} differs from the corpus",
            p.display()
        );
    }
}

#[test]
fn later_samples_are_corpus_documents_when_present() {
    let shared = std::path::Path::new("../shared");
    if !shared.join("corpus-2").is_dir() {
        return;
    }
    for e in std::fs::read_dir("assets/samples/later").unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "csv") {
            // a table of outcomes: every row names its source, and SOURCES.md the table
            let text = std::fs::read_to_string(&p).unwrap();
            for line in text.lines().skip(1) {
                assert!(
                    line.split(',').count() >= 6 && !line.ends_with(','),
                    "{line}"
                );
            }
            let sources = std::fs::read_to_string("assets/samples/later/SOURCES.md").unwrap();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            assert!(sources.contains(&name), "{name} is not in SOURCES.md");
            continue;
        }
        if p.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let name = p.file_name().unwrap();
        let found = ["corpus-2", "corpus-zh"]
            .iter()
            .map(|c| shared.join(c).join(name))
            .find(|o| o.is_file())
            .unwrap_or_else(|| panic!("{} is in no corpus", p.display()));
        assert_eq!(std::fs::read(&p).unwrap(), std::fs::read(&found).unwrap());
    }
}

/// The table's fast sort (ranks and keys) gives the order of plain comparisons.
#[test]
fn table_sort_matches_plain_comparisons() {
    use plantrack::ui::{KindFilter, SortCol, View, filtered_rows};
    let base = plantrack::store::load(std::path::Path::new("saves/sample.ron")).unwrap();
    let mut p = plantrack::synth::scaled(&base, 3000, 3000);
    // mixed case, so the caseless indicator order is exercised
    for (i, f) in p.findings.iter_mut().enumerate() {
        if i % 3 == 0 {
            f.data.indicator = f.data.indicator.to_uppercase();
        }
    }
    let idx = plantrack::progress::StatusIndex::build(&p);
    for col in [
        SortCol::Province,
        SortCol::Year,
        SortCol::Indicator,
        SortCol::Value,
        SortCol::Status,
        SortCol::Review,
    ] {
        for asc in [true, false] {
            let view = View {
                sort: (col, asc),
                kind: KindFilter::All,
                search: "GROWTH anhui".into(),
                ..View::default()
            };
            let got = filtered_rows(&p, &idx, &view);
            let f = &p.findings;
            let mut want: Vec<usize> = (0..f.len())
                .filter(|&i| {
                    let d = &f[i].data;
                    let hay = format!(
                        "{} {} {} {}",
                        d.indicator,
                        d.province,
                        d.wording,
                        d.indicator_key.as_deref().unwrap_or("")
                    )
                    .to_lowercase();
                    // each word in some field (the fields are joined here, which only
                    // differs for words spanning two fields)
                    hay.contains("growth") && hay.contains("anhui")
                })
                .collect();
            want.sort_by(|&a, &b| {
                let (x, y) = (&f[a], &f[b]);
                let o = match col {
                    SortCol::Province => x
                        .data
                        .province
                        .cmp(&y.data.province)
                        .then(x.data.year.cmp(&y.data.year)),
                    SortCol::Year => x
                        .data
                        .year
                        .cmp(&y.data.year)
                        .then(x.data.province.cmp(&y.data.province)),
                    SortCol::Indicator => x
                        .data
                        .indicator
                        .to_lowercase()
                        .cmp(&y.data.indicator.to_lowercase())
                        .then(x.data.indicator.cmp(&y.data.indicator)),
                    SortCol::Value => x
                        .data
                        .unit
                        .cmp(&y.data.unit)
                        .then(x.data.value.total_cmp(&y.data.value)),
                    SortCol::Status => idx.status(x.id).cmp(&idx.status(y.id)),
                    SortCol::Review => (x.review as u8).cmp(&(y.review as u8)),
                };
                let o = o.then(x.id.cmp(&y.id));
                if asc { o } else { o.reverse() }
            });
            assert!(!want.is_empty());
            assert_eq!(got, want, "{col:?} {asc}");
        }
    }
}
