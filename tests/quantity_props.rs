//! Property tests: the interval algebra, the reader's output, and no panic
//! on any input anywhere text enters the engine.

use crosscheck::corpus::{parse_document, segment};
use crosscheck::quantity::{find_first, not_a_quantity, read, Interval, Overlap, ReadOptions, RoundNumbers};
use proptest::prelude::*;
use std::path::Path;

/// Bounds as people write them: up to 10 decimals, so the notation is exact.
fn bound() -> impl Strategy<Value = f64> {
    (0i64..2_000_000_000, 0u32..4).prop_map(|(n, d)| n as f64 / 10f64.powi(d as i32))
}

fn interval() -> impl Strategy<Value = Interval> {
    (
        bound(),
        bound(),
        any::<bool>(),
        any::<bool>(),
        prop::bool::weighted(0.2),
    )
        .prop_filter_map("non-empty", |(a, b, lo_open, hi_open, unbounded)| {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            let hi = if unbounded { f64::INFINITY } else { hi };
            let i = Interval::new(lo, lo_open, hi, hi_open);
            (!i.is_empty()).then_some(i)
        })
}

fn mirrored(o: Overlap) -> Overlap {
    match o {
        Overlap::Within => Overlap::Contains,
        Overlap::Contains => Overlap::Within,
        other => other,
    }
}

proptest! {
    #[test]
    fn relation_is_symmetric(a in interval(), b in interval()) {
        prop_assert_eq!(a.overlap(&b), mirrored(b.overlap(&a)));
        prop_assert_eq!(a.intersect(&b).is_some(), b.intersect(&a).is_some());
    }

    #[test]
    fn containment_and_intersection_agree(a in interval(), b in interval()) {
        match a.intersect(&b) {
            Some(i) => {
                prop_assert!(a.contains(&i) && b.contains(&i));
                prop_assert!(i.lo <= i.hi);
                prop_assert_ne!(a.overlap(&b), Overlap::Disjoint);
            }
            None => prop_assert_eq!(a.overlap(&b), Overlap::Disjoint),
        }
        if a.contains(&b) {
            for v in [b.lo, b.hi, (b.lo + b.hi.min(b.lo + 1e6)) / 2.0] {
                if b.contains_value(v) {
                    prop_assert!(a.contains_value(v), "{a} contains {b} but not {v}");
                }
            }
        }
        prop_assert_eq!(a.overlap(&a), Overlap::Equal);
    }

    #[test]
    fn notation_round_trips(a in interval()) {
        prop_assert_eq!(Interval::parse(&a.to_string()), Some(a));
    }

    #[test]
    fn every_reading_is_a_non_empty_interval(
        hedge in prop::sample::select(vec!["", "more than ", "at least ", "up to ", "fewer than ", "about ", "nearly ",
            "just over ", "some ", "an estimated ", "no more than ", "almost ", "over ", "under "]),
        n in 0u64..10_000_000_000,
        decimals in 0u32..3,
        unit in prop::sample::select(vec!["", "%", " per cent", " million", "bn", "k"]),
        currency in prop::sample::select(vec!["", "€", "$", "£"]),
        approximate in any::<bool>(),
    ) {
        let number = if decimals == 0 { n.to_string() } else { format!("{}", n as f64 / 10f64.powi(decimals as i32)) };
        let expr = format!("{hedge}{currency}{number}{unit}");
        let opts = ReadOptions {
            round_numbers: if approximate { RoundNumbers::Approximate } else { RoundNumbers::Exact },
            ..Default::default()
        };
        if let Some(q) = read(&expr, &opts) {
            prop_assert!(q.interval.lo <= q.interval.hi, "{expr}: {}", q.interval);
            prop_assert!(!q.interval.is_empty(), "{expr}: {}", q.interval);
            prop_assert!(q.interval.lo >= 0.0, "{expr}: {}", q.interval);
        } else {
            prop_assert!(!currency.is_empty() && (unit.contains('%') || unit.contains("cent")), "{expr} should read");
        }
    }

    #[test]
    fn a_figure_and_a_lower_bound_relate_by_their_order(n in 0u64..1_000_000, m in 0u64..1_000_000) {
        let opts = ReadOptions::default();
        let fig = read(&n.to_string(), &opts).unwrap().interval;
        let above = read(&format!("more than {m}"), &opts).unwrap().interval;
        let want = if n > m { Overlap::Within } else { Overlap::Disjoint };
        prop_assert_eq!(fig.overlap(&above), want);
        let about = read(&format!("about {m}"), &opts).unwrap().interval;
        prop_assert!(m == 0 || about.contains_value(m as f64));
        let nearly = read(&format!("nearly {m}"), &opts).unwrap().interval;
        prop_assert!(!nearly.contains_value(m as f64) || m == 0);
    }

    #[test]
    fn no_panic_on_any_text(s in "\\PC{0,200}") {
        let opts = ReadOptions::default();
        let _ = read(&s, &opts);
        if let Some((r, _)) = find_first(&s, &opts) {
            prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
        }
        for (i, _) in s.char_indices() {
            let _ = not_a_quantity(&s, i..s.len());
        }
        for sentence in segment(&s, 0) {
            prop_assert!(sentence.start <= sentence.end && sentence.end <= s.len());
            prop_assert!(s.is_char_boundary(sentence.start) && s.is_char_boundary(sentence.end));
        }
    }

    #[test]
    fn no_panic_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(doc) = parse_document("x", Path::new("x"), &bytes) {
            for s in segment(&doc.text, doc.body_start) {
                let (line, col) = doc.position(s.start);
                prop_assert!(line >= 1 && col >= 1);
            }
        }
    }

    #[test]
    fn a_share_of_a_group_is_its_numerator_over_its_denominator(
        n in 1u64..1000,
        m in 2u64..=1000,
        group in prop::sample::select(vec!["", " voter", " high-speed train", " rail worker"]),
        connector in prop::sample::select(vec![" in ", " out of ", " in every "]),
    ) {
        let opts = ReadOptions::default();
        let text = format!("{n}{group}{connector}{m} was out");
        let (r, q) = find_first(&text, &opts).unwrap();
        if n < m {
            prop_assert_eq!(&text[r], &text[..text.len() - " was out".len()]);
            prop_assert_eq!(q.unit, crosscheck::quantity::Unit::Percent);
            prop_assert!(q.interval.contains_value(100.0 * n as f64 / m as f64), "{text}: {}", q.interval);
        } else {
            // No share of a group is a whole group or more: the numerator alone.
            prop_assert_eq!(&text[r], n.to_string());
        }
    }

    #[test]
    fn number_like_text_never_panics(s in "[0-9a-z ,.%€$£+\\-–]{0,40}") {
        let opts = ReadOptions { tolerance: Some(0.2), round_numbers: RoundNumbers::Approximate };
        let _ = read(&s, &opts);
        let _ = find_first(&s, &opts);
    }
}
