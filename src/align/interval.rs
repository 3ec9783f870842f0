//! The interval comparator: numeric claims (counts, shares, money).
//!
//! Disjoint intervals conflict ("30" and "34"); overlapping ones are
//! compatible ("34" lies inside "more than 30"); equal ones agree. The
//! explanation names both intervals in words.

use super::{Relation, Side};
use crate::claim::Claim;
use crate::quantity::Overlap;

/// `'more than 30' (more than 30 chiefs)`: as written, then in words.
fn describe(claims: &[Claim], side: &Side) -> String {
    let c = &claims[side.claims[0]];
    format!("'{}' ({})", c.text, c.quantity.in_words(&c.unit_label))
}

pub fn compare(claims: &[Claim], a: &Side, b: &Side) -> (Relation, String) {
    let (da, db) = (describe(claims, a), describe(claims, b));
    match a.interval.overlap(&b.interval) {
        Overlap::Disjoint => (
            Relation::Conflict,
            format!("{da} and {db} cannot both be true: the intervals do not overlap"),
        ),
        Overlap::Within => (
            Relation::Compatible,
            format!("{da} lies inside {db}: both can be true, at different precision"),
        ),
        Overlap::Contains => (
            Relation::Compatible,
            format!("{db} lies inside {da}: both can be true, at different precision"),
        ),
        Overlap::Partly => {
            let common = a
                .interval
                .intersect(&b.interval)
                .map(|i| i.to_string())
                .unwrap_or_default();
            (
                Relation::Compatible,
                format!("{da} and {db} overlap on {common}: both can be true"),
            )
        }
        // Sides are distinct values, so equal intervals only differ in unit
        // spelling; treat as agreement.
        Overlap::Equal => (Relation::Agree, format!("{da} and {db} state the same interval")),
    }
}

pub fn explain_agree(claims: &[Claim], side: &Side, sources: usize) -> String {
    format!("{sources} sources state the same value: {}", describe(claims, side))
}
