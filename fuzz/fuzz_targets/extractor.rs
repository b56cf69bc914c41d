//! Arbitrary text through the extractor: no panic, and every span inside the text on
//! character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for x in plantrack::extract::extract("fuzz.txt", &text) {
        for s in [x.sentence, x.number] {
            assert!(s.start <= s.end && s.end <= text.len());
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
});
