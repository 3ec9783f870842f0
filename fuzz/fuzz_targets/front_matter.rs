//! The front matter reader on any text after an opening `---`: never
//! panics; a document that loads has its body inside its text.
#![no_main]

use crosscheck::corpus::parse_document;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    for prefix in [&b"---\n"[..], b"---\r", b"---\r\n"] {
        let mut bytes = prefix.to_vec();
        bytes.extend_from_slice(data);
        if let Ok(doc) = parse_document("fuzz.md", Path::new("fuzz.md"), &bytes) {
            assert!(doc.body_start <= doc.text.len() && doc.text.is_char_boundary(doc.body_start));
            let (line, col) = doc.position(doc.body_start);
            assert!(line >= 1 && col >= 1);
        }
    }
});
