//! Arbitrary input never panics: extraction (every span inside its document, on
//! character boundaries), import of arbitrary bytes, loading of arbitrary or mangled
//! project files.

use proptest::prelude::*;

/// Text that looks like the genre: words, numbers with separators and units, years,
/// comparators, quotes and punctuation, with the odd multi-byte character.
fn genre_text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("GDP".to_string()),
        Just("will".to_string()),
        Just("grow".to_string()),
        Just("more than".to_string()),
        Just("about".to_string()),
        Just("from".to_string()),
        Just("to".to_string()),
        Just("by 2025,".to_string()),
        Just("in 2021".to_string()),
        Just("last year".to_string()),
        Just("percent".to_string()),
        Just("%".to_string()),
        Just("billion yuan".to_string()),
        Just("per 1,000 people".to_string()),
        Just("Zhejiang".to_string()),
        Just("Wuhan, Hubei".to_string()),
        Just("the province’s".to_string()),
        Just("“13 strategies”".to_string()),
        Just("one third of".to_string()),
        Just("-".to_string()),
        Just(".".to_string()),
        Just(";".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("【News】".to_string()),
        Just("\u{a0}".to_string()),
        (0u32..100_000).prop_map(|n| n.to_string()),
        (0u32..10_000, 0u32..100).prop_map(|(a, b)| format!("{a}.{b}")),
        (1u32..999, 0u32..1000).prop_map(|(a, b)| format!("{a},{b:03}")),
        "[a-zA-Z]{1,9}",
        "\\PC{1,3}",
    ];
    prop::collection::vec(token, 0..80).prop_map(|v| v.join(" "))
}

/// Chinese text of the genre: numbers with multipliers, units, comparators and dashes,
/// years and time words, full-width forms, Traditional characters, odd Unicode between.
fn chinese_text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("地区生产总值增长".to_string()),
        Just("城镇新增就业".to_string()),
        Just("今年".to_string()),
        Just("去年".to_string()),
        Just("年".to_string()),
        Just("月".to_string()),
        Just("日电".to_string()),
        Just("万".to_string()),
        Just("亿元".to_string()),
        Just("萬億斤".to_string()),
        Just("%".to_string()),
        Just("％".to_string()),
        Just("个百分点".to_string()),
        Just("左右".to_string()),
        Just("以上".to_string()),
        Just("分别".to_string()),
        Just("从".to_string()),
        Just("提高到".to_string()),
        Just("—".to_string()),
        Just("–".to_string()),
        Just("-".to_string()),
        Just("至".to_string()),
        Just("、".to_string()),
        Just("，".to_string()),
        Just(",".to_string()),
        Just("。".to_string()),
        Just("\n".to_string()),
        Just("十四五".to_string()),
        Just("广东、江苏".to_string()),
        Just("其余省份为".to_string()),
        Just("全省".to_string()),
        Just("翻一番".to_string()),
        Just("三分之一".to_string()),
        Just("一千一百".to_string()),
        (1900u32..2100).prop_map(|n| n.to_string()),
        (0u32..100_000).prop_map(|n| n.to_string()),
        (0u32..100, 0u32..100).prop_map(|(a, b)| format!("{a}.{b}")),
        (0u32..100).prop_map(|a| format!("{a}.\n")),
        "\\PC{1,3}",
    ];
    prop::collection::vec(token, 0..80).prop_map(|v| v.concat())
}

fn check_spans(text: &str) {
    for x in plantrack::extract::extract("doc-2021.txt", text) {
        for span in [x.sentence, x.number] {
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "{span:?} outside {}",
                text.len()
            );
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
        assert!(x.sentence.start <= x.number.start && x.number.end <= x.sentence.end);
        assert!(x.value.is_finite());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn extraction_never_panics_on_genre_text(text in genre_text()) {
        check_spans(&text);
    }

    #[test]
    fn extraction_never_panics_on_chinese_text(text in chinese_text()) {
        check_spans(&text);
    }

    #[test]
    fn extraction_never_panics_on_any_text(text in "\\PC{0,400}") {
        check_spans(&text);
    }

    #[test]
    fn import_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(i) = plantrack::import::import_bytes("x.txt", &bytes) {
            prop_assert!(!i.text.trim().is_empty());
        }
    }

    #[test]
    fn project_loading_never_panics(text in "\\PC{0,300}") {
        let _ = plantrack::store::from_str(&text);
    }

    #[test]
    fn mangled_projects_fail_cleanly(cut in 0usize..4000, flip in 0usize..4000, byte in any::<u8>()) {
        let good = sample_text();
        let mut bytes = good.as_bytes()[..cut.min(good.len())].to_vec();
        if !bytes.is_empty() {
            let i = flip % bytes.len();
            bytes[i] = byte;
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(p) = plantrack::store::from_str(&text) {
            // whatever loads is safe to use: spans inside documents
            for f in &p.findings {
                let doc = p.document(f.doc).expect("findings point at documents");
                prop_assert!(doc.text.get(f.data.sentence.start..f.data.sentence.end).is_some());
            }
        }
    }
}

fn sample_text() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        let p = plantrack::store::load(std::path::Path::new("tests/data/project-v1.ron"))
            .expect("fixture");
        plantrack::store::to_string(&p)
    })
}
