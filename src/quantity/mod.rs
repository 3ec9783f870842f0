//! Numeric expressions in news text, read as intervals with a unit and a
//! precision ("more than 30" → `(30, inf)`, hedged).
//!
//! One table of hedges, scales and number words drives both the reader
//! ([`read`]) and the regex fragments that rule placeholders expand to
//! ([`pattern`]), so what a rule can match is exactly what can be read.

mod context;
mod interval;
mod reader;

pub use context::not_a_quantity;
pub use interval::{format_number, Interval, Overlap};

#[cfg(test)]
mod words_tests {
    use super::*;

    fn words(expr: &str, label: &str) -> String {
        read(expr, &ReadOptions::default()).unwrap().in_words(label)
    }

    #[test]
    fn intervals_in_words() {
        assert_eq!(words("34", "chiefs"), "34 chiefs");
        assert_eq!(words("more than 30", "chiefs"), "more than 30 chiefs");
        assert_eq!(words("at least 100,000", "troops"), "at least 100,000 troops");
        assert_eq!(words("nearly 50%", ""), "from 45% to just under 50%");
        assert_eq!(words("up to 10,000", "troops"), "at most 10,000 troops");
        assert_eq!(words("fewer than 20", ""), "fewer than 20");
        assert_eq!(words("between 2.5 and 3%", ""), "from 2.5% to 3%");
        assert_eq!(words("€800bn", ""), "€800 billion");
        assert_eq!(words("$17.5 million", ""), "$17.5 million");
        assert_eq!(words("€1.074 trillion", ""), "€1.074 trillion");
        assert_eq!(words("more than £1.6billion", ""), "more than £1.6 billion");
        assert_eq!(words("1.27 million", "marchers"), "1.27 million marchers");
        assert_eq!(words("3,958", "deaths"), "3,958 deaths");
        assert_eq!(money_in_words(40e6, "CHF"), "CHF 40 million");
        // Not expressible in three decimals of a scale: every digit kept.
        assert_eq!(scaled_in_words(1_234_567.0), "1,234,567");
        assert_eq!(number_in_words(-1234567.891), "-1,234,567.89");
    }
}
pub use reader::{
    ascii_fragment, describe_line, find_first, find_iter, group_of, hours_and_minutes, number_words, pattern, read,
    Placeholder,
};

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

/// A number for people: thousands separated, at most two decimals.
pub fn number_in_words(v: f64) -> String {
    if v.is_infinite() {
        return format_number(v);
    }
    let s = format!("{v:.2}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    let s = if s == "-0" { "0".to_string() } else { s };
    let (int, frac) = s.split_once('.').map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A large number the way a reporter writes it: "1.27 million", "750
/// billion", "1.074 trillion"; below a million, digits ("3,958").
pub fn scaled_in_words(v: f64) -> String {
    if !v.is_finite() || v.abs() < 1e6 {
        return number_in_words(v);
    }
    let (scale, word) = if v.abs() >= 1e12 {
        (1e12, "trillion")
    } else if v.abs() >= 1e9 {
        (1e9, "billion")
    } else {
        (1e6, "million")
    };
    let x = v / scale;
    // Three decimals at most, as written figures have ("€1.074 trillion").
    let s = format!("{x:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if (s.parse::<f64>().unwrap_or(x) * scale - v).abs() > v.abs() * 1e-9 {
        // Not exactly expressible that way: keep every digit.
        return number_in_words(v);
    }
    format!("{s} {word}")
}

/// Money the way a reporter writes it: "€500 million", "$17.5 million",
/// "£1.6 billion", "CHF 40 million".
pub fn money_in_words(v: f64, code: &str) -> String {
    let symbol = match code {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        "JPY" => "¥",
        _ => "",
    };
    if symbol.is_empty() {
        format!("{code} {}", scaled_in_words(v))
    } else {
        format!("{symbol}{}", scaled_in_words(v))
    }
}

impl Quantity {
    /// The interval in words: "34 chiefs", "more than 30 chiefs", "from 45%
    /// to just under 50%", "at most 10,000 troops".
    pub fn in_words(&self, count_label: &str) -> String {
        let with_unit = |v: f64| match &self.unit {
            Unit::Percent => format!("{}%", number_in_words(v)),
            Unit::Money(code) => money_in_words(v, code),
            Unit::Count if count_label.is_empty() => scaled_in_words(v),
            Unit::Count => format!("{} {count_label}", scaled_in_words(v)),
        };
        let i = &self.interval;
        if i.is_point() {
            return with_unit(i.lo);
        }
        let open_top = i.hi.is_infinite();
        match (i.lo == 0.0 && !i.lo_open, open_top) {
            (_, true) if i.lo_open => format!("more than {}", with_unit(i.lo)),
            (_, true) => format!("at least {}", with_unit(i.lo)),
            (true, false) if i.hi_open => format!("fewer than {}", with_unit(i.hi)),
            (true, false) => format!("at most {}", with_unit(i.hi)),
            _ => {
                let lo = if i.lo_open { "more than" } else { "from" };
                let hi = if i.hi_open { "to just under" } else { "to" };
                format!("{lo} {} {hi} {}", with_unit(i.lo), with_unit(i.hi))
            }
        }
    }

    /// The design's notation with a unit label: `[34, 34] chiefs`.
    pub fn display_with(&self, count_label: &str) -> String {
        match &self.unit {
            Unit::Count if count_label.is_empty() => self.interval.to_string(),
            Unit::Count => format!("{} {}", self.interval, count_label),
            unit => format!("{} {}", self.interval, unit),
        }
    }
}
