//! Numeric expressions in news text, read as intervals with a unit and a
//! precision ("more than 30" → `(30, inf)`, hedged).
//!
//! One table of hedges, scales and number words drives both the reader
//! ([`read`]) and the regex fragments that rule placeholders expand to
//! ([`pattern`]), so what a rule can match is exactly what can be read.

mod interval;
mod reader;

pub use interval::{format_number, Interval, Overlap};
pub use reader::{ascii_fragment, find_first, number_words, pattern, read, Placeholder};

use std::fmt;

/// What the number counts or measures.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// A plain count (troops, chiefs, countries); the rule names what.
    Count,
    /// A percentage ("4.47%", "3 per cent").
    Percent,
    /// An amount of money in an ISO 4217 currency.
    Money(&'static str),
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unit::Count => f.write_str("count"),
            Unit::Percent => f.write_str("%"),
            Unit::Money(code) => f.write_str(code),
        }
    }
}

/// How precisely the text states the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// "34", "4.47%".
    Exact,
    /// A bare round number read as approximate, or a vague magnitude ("dozens").
    Rounded,
    /// A hedge or a range ("more than 30", "about 100,000", "2-3%").
    Hedged,
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Precision::Exact => "exact",
            Precision::Rounded => "rounded",
            Precision::Hedged => "hedged",
        })
    }
}

/// Whether a bare round number ("30 countries") is taken at its word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RoundNumbers {
    #[default]
    Exact,
    Approximate,
}

/// Rule-level reading options.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ReadOptions {
    /// Tolerance of "about" and "nearly" as a fraction of the number
    /// (0.1 = 10%); `None` uses the design's default.
    pub tolerance: Option<f64>,
    pub round_numbers: RoundNumbers,
}

/// A numeric expression, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub interval: Interval,
    pub unit: Unit,
    pub precision: Precision,
}

impl Quantity {
    /// The design's notation with a unit label: `[34, 34] chiefs`.
    pub fn display_with(&self, count_label: &str) -> String {
        match &self.unit {
            Unit::Count if count_label.is_empty() => self.interval.to_string(),
            Unit::Count => format!("{} {}", self.interval, count_label),
            unit => format!("{} {}", self.interval, unit),
        }
    }
}
