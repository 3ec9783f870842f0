//! The interval comparator: numeric claims (counts, shares, money).
//!
//! Disjoint intervals conflict ("30" and "34"); overlapping ones are
//! compatible ("34" lies inside "more than 30"); equal ones agree. The
//! explanation names both intervals in words.

use super::Relation;
use crate::quantity::{Overlap, Quantity};

/// `da` and `db` describe the two sides ("'34' (34 chiefs)").
pub fn compare(a: &Quantity, b: &Quantity, da: &str, db: &str) -> (Relation, String) {
    compare_written(a, b, da, db, "", "")
}

/// The half unit of the last decimal a figure was written with, scaled
/// ("1.3%" → 0.05, "€1.92bn" → 5,000,000); `None` for whole numbers, whose
/// rounding the rule decides (`round_numbers`).
pub fn stated_precision(written: &str) -> Option<f64> {
    use regex::Regex;
    use std::sync::OnceLock;
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)\d\.(\d+)\s*(trillion|billion|million|thousand|trln|trn|tn|bln|bn|mln|mn|m|k)?(?-u:\b)?")
            .expect("precision regex")
    });
    let c = re.captures(written)?;
    let decimals = c.get(1)?.as_str().len() as i32;
    let scale = match c.get(2).map(|m| m.as_str().to_ascii_lowercase()) {
        Some(s) if s.starts_with('t') && s != "thousand" => 1e12,
        Some(s) if s.starts_with('b') => 1e9,
        Some(s) if s.starts_with('m') => 1e6,
        Some(s) if s.starts_with('k') || s == "thousand" => 1e3,
        _ => 1.0,
    };
    Some(0.5 * 10f64.powi(-decimals) * scale)
}

/// As [`compare`], knowing how each figure was written: two exact figures
/// that differ only beyond the decimals one of them states are a rounding,
/// not a conflict ("1.3%" and "1.28%").
pub fn compare_written(a: &Quantity, b: &Quantity, da: &str, db: &str, wa: &str, wb: &str) -> (Relation, String) {
    match a.interval.overlap(&b.interval) {
        Overlap::Disjoint if rounds_to(a, wa, b, wb) || rounds_to(b, wb, a, wa) => (
            Relation::Compatible,
            format!("{da} and {db} differ only beyond the decimals stated: one is the other rounded"),
        ),
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

/// The half unit of a whole number as written ("42%" → 0.5, "€3bn" →
/// 500,000,000): how far it may be from a more precise figure it rounds.
fn whole_precision(written: &str) -> Option<f64> {
    use regex::Regex;
    use std::sync::OnceLock;
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)\d[\d,]*\s*(trillion|billion|million|thousand|trln|trn|tn|bln|bn|mln|mn|m|k)?")
            .expect("whole regex")
    });
    let c = re.captures(written)?;
    let scale = match c.get(1).map(|m| m.as_str().to_ascii_lowercase()) {
        Some(s) if s.starts_with('t') && s != "thousand" => 1e12,
        Some(s) if s.starts_with('b') => 1e9,
        Some(s) if s.starts_with('m') => 1e6,
        Some(_) => 1e3,
        None => 1.0,
    };
    Some(0.5 * scale)
}

/// Is `other` within the rounding of `q` as written (`[v - h, v + h)`)? A
/// whole number rounds a figure written with decimals ("42%" and "42.35%").
fn rounds_to(q: &Quantity, written: &str, other: &Quantity, other_written: &str) -> bool {
    if !(q.interval.is_point() && other.interval.is_point()) {
        return false;
    }
    let h = match stated_precision(written) {
        Some(h) => h,
        None if stated_precision(other_written).is_some() => match whole_precision(written) {
            Some(h) => h,
            None => return false,
        },
        None => return false,
    };
    let (v, o) = (q.interval.lo, other.interval.lo);
    // A relative epsilon keeps binary fractions from splitting a tie.
    let eps = 1e-9 * v.abs().max(1.0);
    o >= v - h - eps && o < v + h - eps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::{read, ReadOptions};

    fn relation(a: &str, b: &str) -> Relation {
        let o = ReadOptions::default();
        compare_written(&read(a, &o).unwrap(), &read(b, &o).unwrap(), a, b, a, b).0
    }

    #[test]
    fn stated_decimals_are_roundings() {
        assert_eq!(relation("1.3%", "1.28%"), Relation::Compatible);
        assert_eq!(relation("1.28%", "1.3%"), Relation::Compatible);
        assert_eq!(relation("€1.92bn", "€1.921bn"), Relation::Compatible);
        assert_eq!(relation("2.1%", "2.2%"), Relation::Conflict);
        assert_eq!(relation("2.1%", "2.15%"), Relation::Conflict);
        assert_eq!(relation("30", "34"), Relation::Conflict);
        assert_eq!(relation("1.3%", "1.4%"), Relation::Conflict);
        assert_eq!(relation("42 percent", "42.35%"), Relation::Compatible);
        assert_eq!(relation("43%", "42.35%"), Relation::Conflict);
        assert_eq!(relation("€2bn", "€1.92bn"), Relation::Compatible);
        assert_eq!(stated_precision("€1.92bn"), Some(5_000_000.0));
        assert_eq!(stated_precision("34"), None);
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
