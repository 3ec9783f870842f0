//! The sentence splitter on any text: never panics; sentences are in
//! order, do not overlap, sit on character boundaries, are never longer
//! than the limit, and hold a letter or digit.
#![no_main]

use crosscheck::corpus::{segment, MAX_SENTENCE_BYTES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut last_end = 0;
    for s in segment(text, 0) {
        assert!(
            s.start >= last_end && s.start < s.end && s.end <= text.len(),
            "{text:?}"
        );
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(s.end - s.start <= MAX_SENTENCE_BYTES);
        assert!(text[s.range()].chars().any(char::is_alphanumeric));
        last_end = s.end;
    }
});
