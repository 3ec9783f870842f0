//! Intervals on the real line, the value of every numeric claim.
//!
//! "34" is `[34, 34]`, "more than 30" is `(30, inf)`. Two claims conflict
//! when their intervals are disjoint, are compatible when they overlap but
//! differ, and agree when they are equal (see `DESIGN.md`).

use std::fmt;

/// A closed, open or half-open interval; `hi` may be `f64::INFINITY`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
    pub lo_open: bool,
    pub hi_open: bool,
}

/// How two intervals relate, seen from the first one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlap {
    /// The same interval.
    Equal,
    /// The first lies inside the second.
    Within,
    /// The first contains the second.
    Contains,
    /// They share some but not all values.
    Partly,
    /// No value lies in both.
    Disjoint,
}

impl Interval {
    pub fn exact(v: f64) -> Self {
        Self::closed(v, v)
    }

    pub fn closed(lo: f64, hi: f64) -> Self {
        Interval {
            lo,
            hi,
            lo_open: false,
            hi_open: false,
        }
    }

    pub fn new(lo: f64, lo_open: bool, hi: f64, hi_open: bool) -> Self {
        // An infinite end is always open.
        Interval {
            lo,
            hi,
            lo_open: lo_open || lo.is_infinite(),
            hi_open: hi_open || hi.is_infinite(),
        }
    }

    pub fn is_point(&self) -> bool {
        self.lo == self.hi && !self.lo_open && !self.hi_open
    }

    /// True when the interval holds no value at all (e.g. `(3, 3)`).
    pub fn is_empty(&self) -> bool {
        self.lo > self.hi || (self.lo == self.hi && (self.lo_open || self.hi_open))
    }

    pub fn contains_value(&self, v: f64) -> bool {
        let above = if self.lo_open { v > self.lo } else { v >= self.lo };
        let below = if self.hi_open { v < self.hi } else { v <= self.hi };
        above && below
    }

    /// The values in both, or `None` when there are none.
    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        let (lo, lo_open) = match self.lo.partial_cmp(&other.lo)? {
            std::cmp::Ordering::Greater => (self.lo, self.lo_open),
            std::cmp::Ordering::Less => (other.lo, other.lo_open),
            std::cmp::Ordering::Equal => (self.lo, self.lo_open || other.lo_open),
        };
        let (hi, hi_open) = match self.hi.partial_cmp(&other.hi)? {
            std::cmp::Ordering::Less => (self.hi, self.hi_open),
            std::cmp::Ordering::Greater => (other.hi, other.hi_open),
            std::cmp::Ordering::Equal => (self.hi, self.hi_open || other.hi_open),
        };
        let i = Interval {
            lo,
            hi,
            lo_open,
            hi_open,
        };
        (!i.is_empty()).then_some(i)
    }

    /// Does `self` hold every value of `other`?
    pub fn contains(&self, other: &Interval) -> bool {
        let lo_ok = self.lo < other.lo || (self.lo == other.lo && (!self.lo_open || other.lo_open));
        let hi_ok = self.hi > other.hi || (self.hi == other.hi && (!self.hi_open || other.hi_open));
        lo_ok && hi_ok
    }

    pub fn overlap(&self, other: &Interval) -> Overlap {
        if self == other {
            Overlap::Equal
        } else if self.intersect(other).is_none() {
            Overlap::Disjoint
        } else if other.contains(self) {
            Overlap::Within
        } else if self.contains(other) {
            Overlap::Contains
        } else {
            Overlap::Partly
        }
    }

    /// Parse the design's notation: `[34, 34]`, `(30, inf)`, `[0, 20)`.
    pub fn parse(s: &str) -> Option<Interval> {
        let s = s.trim();
        let lo_open = match s.chars().next()? {
            '[' => false,
            '(' => true,
            _ => return None,
        };
        let hi_open = match s.chars().last()? {
            ']' => false,
            ')' => true,
            _ => return None,
        };
        let inner = &s[1..s.len() - 1];
        let (a, b) = inner.split_once(',')?;
        let lo = parse_bound(a.trim())?;
        let hi = parse_bound(b.trim())?;
        if lo > hi || lo.is_nan() || hi.is_nan() {
            return None;
        }
        Some(Interval::new(lo, lo_open, hi, hi_open))
    }
}

fn parse_bound(s: &str) -> Option<f64> {
    match s {
        "inf" | "+inf" => Some(f64::INFINITY),
        "-inf" => Some(f64::NEG_INFINITY),
        _ if s.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-') && !s.is_empty() => {
            s.parse().ok().filter(|v: &f64| v.is_finite())
        }
        _ => None,
    }
}

/// Plain decimal, no thousands separators, no exponent, at most ten
/// decimals: `100000`, `4.47`, `30.6`, `inf`.
pub fn format_number(v: f64) -> String {
    if v == f64::INFINITY {
        return "inf".into();
    }
    if v == f64::NEG_INFINITY {
        return "-inf".into();
    }
    let s = format!("{:.10}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{}, {}{}",
            if self.lo_open { '(' } else { '[' },
            format_number(self.lo),
            format_number(self.hi),
            if self.hi_open { ')' } else { ']' }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(s: &str) -> Interval {
        Interval::parse(s).unwrap()
    }

    #[test]
    fn notation_round_trips() {
        for s in [
            "[34, 34]",
            "(30, inf)",
            "[0, 20)",
            "[4.47, 4.47]",
            "[800000000000, 800000000000]",
        ] {
            assert_eq!(iv(s).to_string(), s);
        }
    }

    #[test]
    fn rejects_malformed_notation() {
        for s in ["", "34", "[34]", "[35, 34]", "{1, 2}", "[a, b]", "[1, 2", "[1e3, 5]"] {
            assert_eq!(Interval::parse(s), None, "{s}");
        }
    }

    #[test]
    fn open_ends_decide_touching_intervals() {
        assert_eq!(iv("[30, 30]").overlap(&iv("(30, inf)")), Overlap::Disjoint);
        assert_eq!(iv("[30, 30]").overlap(&iv("[30, inf)")), Overlap::Within);
        assert_eq!(iv("[34, 34]").overlap(&iv("(30, inf)")), Overlap::Within);
        assert_eq!(iv("(30, inf)").overlap(&iv("[34, 34]")), Overlap::Contains);
        assert_eq!(iv("[45, 50)").overlap(&iv("[48, 48]")), Overlap::Contains);
        assert_eq!(iv("[45, 50)").overlap(&iv("[50, 50]")), Overlap::Disjoint);
        assert_eq!(iv("[25, 35]").overlap(&iv("[30, 40]")), Overlap::Partly);
        assert_eq!(iv("[30, 30]").overlap(&iv("[34, 34]")), Overlap::Disjoint);
        assert_eq!(iv("[30, 30]").overlap(&iv("[30, 30]")), Overlap::Equal);
    }

    #[test]
    fn numbers_print_without_exponent_or_noise() {
        assert_eq!(format_number(1e11), "100000000000");
        assert_eq!(format_number(34.0 * 0.9), "30.6");
        assert_eq!(format_number(0.1 + 0.2), "0.3");
        assert_eq!(format_number(-0.0), "0");
    }
}
