//! The period a figure refers to: a year written near it ("in 2025", "by
//! 2027"), or a relative one resolved against the publication date ("this
//! year", "last year's", "next year", "currently").

use crate::date::Date;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// A year a figure refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub year: i32,
    /// A deadline ("by 2027"): the figure is a target for that year.
    pub by: bool,
    /// As written: "by 2027", "last year".
    pub written: String,
}

fn years() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?:(?P<by>by|until|before)\s+(?:the\s+end\s+of\s+)?)?(?:(?P<year>(?:19|20)\d\d)(?-u:\b)(?:[-/](?:\d\d)(?-u:\b))?|(?P<rel>this|last|next|previous|current|the\s+previous|the\s+coming)\s+(?:year|fiscal\s+year)(?:'s|’s)?|(?P<ago>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+(?:ago|earlier|before)|(?P<now>currently|at\s+present|so\s+far\s+this\s+year|now))",
        )
        .expect("year regex")
    })
}

/// Where the figures next to this one are in the sentence: a year beside
/// another figure may be that figure's.
#[derive(Debug, Clone, Default)]
pub struct Neighbours {
    /// The figure before this one.
    pub previous: Option<Range<usize>>,
    /// The start of the figure after this one.
    pub next_start: Option<usize>,
}

/// Words that set the figure after them against the one before: "well
/// below the 67.3% recorded five years earlier".
const COMPARING: &[&str] = &["against", "versus", "vs", "behind", "than", "below", "above", "since"];

/// Whether the figure at `figure` is set against another: "up from the
/// 202", "than the 32.1%", "behind Blair's 179".
fn is_compared(sentence: &str, figure: &Range<usize>) -> bool {
    let mut from = figure.start.saturating_sub(40);
    while !sentence.is_char_boundary(from) {
        from -= 1;
    }
    names_comparison(&crate::frame::words(&sentence[from..figure.start]))
}

/// Do `words` set one figure against another: a comparing word, "up from",
/// "compared with"?
fn names_comparison(words: &[String]) -> bool {
    words.iter().any(|w| COMPARING.contains(&w.as_str()))
        || words.windows(2).any(|w| {
            matches!(
                (w[0].as_str(), w[1].as_str()),
                ("up" | "down", "from") | ("compared", "with" | "to")
            )
        })
}

/// The period of the number at `number` in `sentence`: the nearest year in
/// its window after it, then before it, then in its clause (a year in
/// another clause is another figure's).
pub fn period_of(
    sentence: &str,
    clause: &Range<usize>,
    number: &Range<usize>,
    window: &Range<usize>,
    neighbours: &Neighbours,
    published: Option<Date>,
) -> Option<Period> {
    let found: Vec<(Range<usize>, Period)> = years()
        .captures_iter(sentence)
        .filter_map(|c| {
            let whole = c.get(0)?;
            // The number itself may be a year-like figure: never its own period.
            if whole.start() < number.end && number.start < whole.end() {
                return None;
            }
            // "twice last year's record", "more than in 2019": a comparison
            // names another period, not this figure's.
            // The last two words only: read from a short tail of the text.
            let mut from = whole.start().saturating_sub(60);
            while !sentence.is_char_boundary(from) {
                from -= 1;
            }
            let lead = crate::frame::words(&sentence[from..whole.start()]);
            let last2: Vec<&str> = lead.iter().rev().take(2).map(String::as_str).collect();
            if last2
                .iter()
                .any(|w| matches!(*w, "than" | "twice" | "compared" | "versus" | "vs" | "times" | "since"))
            {
                return None;
            }
            // A year after a comparison that follows the figure is the
            // compared figure's: "412 seats, up from the 202 it took at the
            // 2019 election", "174, behind Tony Blair's 179 in 1997".
            // (Only near the figure: a year further off is never its
            // period, and a long sentence must stay linear.)
            if whole.start() >= number.end && whole.start() - number.end <= 200 {
                let between = crate::frame::words(&sentence[number.end..whole.start()]);
                let compares = names_comparison(&between)
                    // "up by just 1.6 points on 2019": a change on a year.
                    || (between.last().is_some_and(|w| w == "on")
                        && between
                            .iter()
                            .any(|w| matches!(w.as_str(), "up" | "down" | "points" | "higher" | "lower")));
                if compares {
                    return None;
                }
            }
            // A year closing the phrase of a compared figure before this
            // one, set off from this one by a comma, is that figure's: "up
            // from the 202 it took at the 2019 election, giving Starmer a
            // majority of 174" (but "...in 1997, when the party secured a
            // majority of 179" is 1997's).
            if let Some(previous) = &neighbours.previous {
                if previous.end <= whole.start()
                    && whole.end() <= number.start
                    && whole.start() - previous.end <= 60
                    && !sentence[previous.end..whole.start()].contains([',', ';', ':'])
                    && sentence[whole.end()..number.start].contains([',', ';'])
                    && is_compared(sentence, previous)
                    && crate::frame::words(&sentence[whole.end()..number.start])
                        .first()
                        .is_none_or(|w| w != "when")
                {
                    return None;
                }
            }
            let by = c.name("by").is_some();
            let year = if let Some(y) = c.name("year") {
                y.as_str().parse().ok()?
            } else if let Some(ago) = c.name("ago") {
                // "five years ago": the year that many before publication.
                let n: i32 = match ago.as_str().to_ascii_lowercase().as_str() {
                    "one" => 1,
                    "two" => 2,
                    "three" => 3,
                    "four" => 4,
                    "five" => 5,
                    "six" => 6,
                    "seven" => 7,
                    "eight" => 8,
                    "nine" => 9,
                    "ten" => 10,
                    digits => digits.parse().ok()?,
                };
                published?.year - n
            } else if let Some(rel) = c.name("rel") {
                let base = published?.year;
                let rel = rel.as_str().to_ascii_lowercase();
                if rel.ends_with("last") || rel.ends_with("previous") {
                    base - 1
                } else if rel.ends_with("next") || rel.ends_with("coming") {
                    base + 1
                } else {
                    base
                }
            } else {
                published?.year
            };
            Some((
                whole.range(),
                Period {
                    year,
                    by,
                    written: whole.as_str().to_string(),
                },
            ))
        })
        .collect();
    let inside = |r: &Range<usize>, span: &Range<usize>| span.start <= r.start && r.end <= span.end;
    // A year phrase may start just where the window ends: in "won five
    // years ago" the "five" is read as a figure of its own, which closes
    // this figure's window.
    // A year past a comma after the figure is another clause's ("after
    // roughly 92 hours of talks, leaving the 2000 meeting in first
    // place"), unless the comma only sets off the year ("2.1% of GDP, in
    // 2024").
    let set_off = |r: &Range<usize>| {
        let between = &sentence[number.end..r.start];
        between.rfind([',', ';']).is_some_and(|i| {
            !crate::frame::words(&between[i..])
                .iter()
                .all(|w| matches!(w.as_str(), "in" | "for" | "during" | "by" | "as" | "of"))
        })
    };
    let after = found
        .iter()
        .filter(|(r, _)| r.start >= number.end && r.start <= window.end && !set_off(r))
        .min_by_key(|(r, _)| r.start);
    let before = || {
        found
            .iter()
            .filter(|(r, _)| r.end <= number.start && inside(r, window))
            .max_by_key(|(r, _)| r.end)
    };
    // A year past the next figure is that figure's, unless the two figures
    // are a list the year closes: "4.1% and 3.4% of GDP in 2024".
    let listed_with_next = neighbours.next_start.is_none_or(|next| {
        sentence.get(number.end..next).is_some_and(|gap| {
            crate::frame::words(gap)
                .iter()
                .all(|w| matches!(w.as_str(), "and" | "or"))
        })
    });
    let in_clause = || {
        found
            .iter()
            .filter(|(r, _)| inside(r, clause))
            .filter(|(r, _)| listed_with_next || neighbours.next_start.is_none_or(|next| r.start < next))
            .filter(|(r, _)| r.start < number.end || !set_off(r))
            .min_by_key(|(r, _)| r.start.abs_diff(number.start))
    };
    after.or_else(before).or_else(in_clause).map(|(_, p)| p.clone())
}
