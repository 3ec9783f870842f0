//! The date comparator: when an event took place.
//!
//! Two sources placing the same event on different days conflict ("11
//! March" and "12 March"); a period that holds a day is compatible ("last
//! week" and "11 March"); the same day agrees.

use super::Relation;
use crate::event::when::DateSpan;

/// "11 March 2025", "3–9 March 2025".
pub fn in_words(span: &DateSpan) -> String {
    let day = |d: &crate::date::Date| format!("{} {} {}", d.day, d.month_name(), d.year);
    if span.is_day() {
        day(&span.start)
    } else {
        format!("{} to {}", day(&span.start), day(&span.end))
    }
}

pub fn compare(a: &DateSpan, b: &DateSpan, da: &str, db: &str) -> (Relation, String) {
    if a == b {
        (Relation::Agree, format!("{da} and {db} give the same date"))
    } else if a.overlaps(b) {
        (
            Relation::Compatible,
            format!("{da} and {db} overlap: both can be true, at different precision"),
        )
    } else {
        (
            Relation::Conflict,
            format!("{da} and {db} place the event on different dates"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn span(a: &str, b: &str) -> DateSpan {
        DateSpan {
            start: Date::parse(a).unwrap(),
            end: Date::parse(b).unwrap(),
        }
    }

    #[test]
    fn relations() {
        let day = |d| span(d, d);
        assert_eq!(
            compare(&day("2025-03-11"), &day("2025-03-12"), "a", "b").0,
            Relation::Conflict
        );
        assert_eq!(
            compare(&day("2025-03-11"), &span("2025-03-10", "2025-03-16"), "a", "b").0,
            Relation::Compatible
        );
        assert_eq!(in_words(&day("2025-03-11")), "11 March 2025");
    }
}
