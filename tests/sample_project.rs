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
        let other = corpus.join(p.file_name().unwrap());
        assert_eq!(
            std::fs::read(&p).unwrap(),
            std::fs::read(&other).unwrap(),
            "{} differs from the corpus",
            p.display()
        );
    }
}
