//! Document loading and sentence segmentation on any bytes: never panics,
//! sentences stay on character boundaries, positions are 1-based.
#![no_main]

use crosscheck::corpus::{parse_document, segment};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = parse_document("fuzz", Path::new("fuzz"), data) {
        for s in segment(&doc.text, doc.body_start) {
            assert!(doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end));
            let (line, col) = doc.position(s.start);
            assert!(line >= 1 && col >= 1);
        }
    }
});
