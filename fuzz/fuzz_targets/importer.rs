//! Arbitrary bytes as a document (text in any encoding, HTML, .docx, anything else):
//! text or a clear error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["doc.txt", "doc.html", "doc.docx"] {
        if let Ok(imported) = plantrack::import::import_bytes(name, data) {
            assert!(!imported.text.trim().is_empty());
        }
    }
});
