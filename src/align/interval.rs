//! The interval comparator: numeric claims (counts, shares, money).
//!
//! Disjoint intervals conflict ("30" and "34"); overlapping ones are
//! compatible ("34" lies inside "more than 30"); equal ones agree. The
//! explanation names both intervals in words.

use super::Relation;
use crate::quantity::{Overlap, Quantity};

/// `da` and `db` describe the two sides ("'34' (34 chiefs)").
pub fn compare(a: &Quantity, b: &Quantity, da: &str, db: &str) -> (Relation, String) {
    match a.interval.overlap(&b.interval) {
        Overlap::Disjoint => (
            Relation::Conflict,
            format!("{da} and {db} cannot both be true: no value lies in both"),
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
                format!("{da} and {db} overlap on {common}: both can be true, at different precision"),
            )
        }
        // Sides are distinct values, so equal intervals only differ in how
        // the unit is written: agreement.
        Overlap::Equal => (Relation::Agree, format!("{da} and {db} state the same interval")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::{read, ReadOptions};

    fn relation(a: &str, b: &str) -> Relation {
        let o = ReadOptions::default();
        compare(&read(a, &o).unwrap(), &read(b, &o).unwrap(), a, b).0
    }

    #[test]
    fn relations() {
        assert_eq!(relation("34", "more than 30"), Relation::Compatible);
        assert_eq!(relation("30", "34"), Relation::Conflict);
        assert_eq!(relation("nearly 50%", "48%"), Relation::Compatible);
        assert_eq!(relation("nearly 50%", "50%"), Relation::Conflict);
        assert_eq!(relation("about 30", "34"), Relation::Compatible);
        assert_eq!(relation("100k", "100,000"), Relation::Agree);
    }
}
