//! The expression reader on any text: never panics, and every reading is a
//! non-empty interval whose notation parses back to itself.
#![no_main]

use crosscheck::quantity::{find_first, read, Interval, ReadOptions, RoundNumbers};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for opts in [
        ReadOptions::default(),
        ReadOptions {
            tolerance: Some(0.25),
            round_numbers: RoundNumbers::Approximate,
        },
    ] {
        for q in [read(text, &opts), find_first(text, &opts).map(|(_, q)| q)]
            .into_iter()
            .flatten()
        {
            assert!(
                q.interval.lo <= q.interval.hi && !q.interval.is_empty(),
                "{text:?}: {}",
                q.interval
            );
            let printed = q.interval.to_string();
            if q.interval.lo.fract() == 0.0 && q.interval.hi.fract() == 0.0 {
                assert_eq!(Interval::parse(&printed), Some(q.interval), "{text:?}");
            }
        }
    }
});
