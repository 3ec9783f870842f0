//! The review reader on any text: never panics; every decision it keeps
//! has an id and a line inside the file.
#![no_main]

use crosscheck::review::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(review) = parse(text) {
        let lines = text.matches(['\n', '\r']).count() + 1;
        for (id, e) in &review.entries {
            assert!(!id.is_empty() && *id == e.id);
            assert!(e.line >= 2 && e.line <= lines, "{text:?}: line {}", e.line);
        }
    }
});
