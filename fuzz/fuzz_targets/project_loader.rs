//! Arbitrary bytes as a project file: a clear error or a project, never a panic; a
//! project that loads saves and loads again to the same thing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(p) = plantrack::store::from_str(text) {
        let again = plantrack::store::from_str(&plantrack::store::to_string(&p))
            .expect("a saved project loads");
        assert_eq!(again.findings.len(), p.findings.len());
    }
});
