//! Dates as news text writes them, resolved to calendar days.
//!
//! Absolute: "12 March 2025", "March 12, 2025", "12th of March", "March 12"
//! (the year from the publication date), "2025-03-12", "12/03/2025".
//! Numeric dates with slashes are day/month/year unless the document says
//! `date_order: mdy` in its front matter (US outlets), see [`DateOrder`].
//! Relative: "on Tuesday", "Monday's", "last week", "earlier this month",
//! "yesterday", resolved against the document's publication date. Without
//! one, a relative date stays unresolved and says why.

use crate::date::{days_in_month, Date};
use regex::Regex;
use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

/// How `dd/mm/yyyy`-style dates are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// 12/03/2025 is 12 March (the default: most of this corpus is European).
    #[default]
    DayMonth,
    /// 03/12/2025 is 12 March.
    MonthDay,
}

/// An inclusive span of days: one day, a week, a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateSpan {
    pub start: Date,
    pub end: Date,
}

impl DateSpan {
    pub fn day(d: Date) -> Self {
        DateSpan { start: d, end: d }
    }

    pub fn overlaps(&self, other: &DateSpan) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    pub fn contains(&self, d: Date) -> bool {
        self.start <= d && d <= self.end
    }

    pub fn is_day(&self) -> bool {
        self.start == self.end
    }
}

impl fmt::Display for DateSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_day() {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}..{}", self.start, self.end)
        }
    }
}

/// A date mention, resolved or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    Resolved(DateSpan),
    /// A relative date with nothing to resolve it against.
    Unresolved(String),
}

const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sept", 9),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words every date expression contains one of (with the digits): what a
/// literal prefilter needs to know a sentence may hold a date.
pub fn date_words() -> Vec<&'static str> {
    let mut words: Vec<&'static str> = MONTHS.iter().map(|m| m.0).chain(WEEKDAYS.iter().copied()).collect();
    words.extend([
        "yesterday",
        "today",
        "tomorrow",
        "tonight",
        "night",
        "morning",
        "afternoon",
        "evening",
        "week",
        "month",
        "year",
    ]);
    words
}

/// Might `text` hold a date: a digit or one of [`date_words`]? A cheap
/// test before the date reader.
pub fn may_hold_date(text: &str) -> bool {
    static AC: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    text.bytes().any(|b| b.is_ascii_digit())
        || AC
            .get_or_init(|| {
                aho_corasick::AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .build(date_words())
                    .expect("date words")
            })
            .is_match(text)
}

fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.iter().map(|m| m.0).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.join("|")
}

/// The regex fragment the `{date}` placeholder expands to (no capture
/// groups, case-insensitive inside a rule pattern).
pub fn pattern() -> String {
    let m = month_alternation();
    let wd = WEEKDAYS.join("|");
    let ord = r"(?:st|nd|rd|th)?";
    [
        // Spans first: "29 September-2 October", "September 29-October 2"
        // (across months), "24-25 June", "from 7 to 11 December 2000",
        // "June 24-26".
        format!(r"\b(?:from\s+)?\d{{1,2}}{ord}\s+(?:of\s+)?(?:{m})\.?\s*(?:-|–|to|until)\s*\d{{1,2}}{ord}\s+(?:of\s+)?(?:{m})\.?(?:,?\s+\d{{4}})?\b"),
        format!(r"\b(?:from\s+)?(?:{m})\.?\s+\d{{1,2}}{ord}\s*(?:-|–|to|until)\s*(?:{m})\.?\s+\d{{1,2}}{ord}(?:,?\s+\d{{4}})?\b"),
        format!(r"\b(?:from\s+)?\d{{1,2}}{ord}\s*(?:-|–|to|and)\s*\d{{1,2}}{ord}\s+(?:of\s+)?(?:{m})\.?(?:,?\s+\d{{4}})?\b"),
        format!(r"\b(?:{m})\.?\s+\d{{1,2}}{ord}\s*(?:-|–|to|and)\s*\d{{1,2}}{ord}(?:,?\s+\d{{4}})?\b"),
        // A weekday before a date is part of it: "Monday 11 September".
        format!(r"\b(?:{wd}),?\s+\d{{1,2}}{ord}\s+(?:of\s+)?(?:{m})\.?(?:,?\s+\d{{4}})?\b"),
        format!(r"\b(?:{wd}),?\s+(?:{m})\.?\s+\d{{1,2}}{ord}(?:,?\s+\d{{4}})?\b"),
        format!(r"\b\d{{1,2}}{ord}\s+(?:of\s+)?(?:{m})\.?(?:,?\s+\d{{4}})?\b"),
        format!(r"\b(?:{m})\.?\s+\d{{1,2}}{ord}(?:,?\s+\d{{4}})?\b"),
        format!(r"\b(?:early|mid|late|mid-)?\s?(?:{m})\s+\d{{4}}\b"),
        r"\b\d{4}-\d{2}-\d{2}\b".to_string(),
        r"\b\d{1,2}/\d{1,2}/\d{2,4}\b".to_string(),
        format!(r"\b(?:(?:last|this|next|past)\s+)?(?:{wd})(?:(?:'|’)s)?\b"),
        r"\b(?:yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|(?:last|this|next|past)\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year)|later\s+this\s+(?:week|month|year))\b"
            .to_string(),
    ]
    .map(|alt| format!("(?:{alt})"))
    .join("|")
}

/// Does `text` hold a date expression at all? One search of the shared
/// date regex: a cheap gate before a rule's own date patterns.
pub fn holds_date(text: &str) -> bool {
    regex().is_match(text)
}

fn regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let src = format!("(?i)(?:{})", pattern()).replace(r"\b", r"(?-u:\b)");
        Regex::new(&src).expect("date regex")
    })
}

/// Cues that a weekday is ahead of the publication date, not behind it;
/// an event's verb in the present tense is its timetable ("the summit
/// opens on Thursday").
fn future_cue() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)(?:will|shall|to be held|is due|are due|scheduled|upcoming|expected to|plans? to|set to|opens|begins|starts|closes|convenes|reconvenes|resumes|kicks off|gets under way)(?-u:\b)")
            .expect("future cue regex")
    })
}

/// Does the text before a date speak of what is ahead ("will meet on
/// Thursday")? Then a bare weekday is the next one, not the last. Only
/// the date's own clause counts: "Portugal will have €45 billion, Costa
/// said after leaders agreed on Tuesday" tells of a Tuesday past.
pub fn speaks_of_future(before: &str) -> bool {
    let clause = before.rfind([',', ';', ':']).map_or(before, |i| &before[i + 1..]);
    future_cue().is_match(clause)
}

/// The day a retrospective passage is told from: the last date with a day
/// number in `text` ("On Monday 11 September, …") a week or more before
/// `published`. A bare weekday right after it ("By Wednesday the
/// ministry had 5,300 dead") is that week's, not the publication's.
pub fn narrative_anchor(text: &str, published: Option<Date>, order: DateOrder) -> Option<Date> {
    let p = published?;
    find_dates(text, published, order)
        .into_iter()
        .filter(|(r, _)| text[r.clone()].bytes().any(|b| b.is_ascii_digit()))
        .filter_map(|(_, w)| match w {
            When::Resolved(span) if span.start == span.end && span.start.add_days(6) < p => Some(span.start),
            _ => None,
        })
        .next_back()
}

/// A bare weekday ("Wednesday", "on Friday"), which `narrative_anchor`
/// places.
pub fn is_bare_weekday(expr: &str) -> bool {
    let s = expr.trim().to_lowercase();
    let s = s.strip_prefix("on ").unwrap_or(&s).trim();
    WEEKDAYS.contains(&s)
}

/// The time a live-blog entry starts with ("01:35 Labour …", "**Mon
/// 18:15** The rebate …", "22:00 - Polls have closed", "7.30am"), in
/// minutes after midnight.
pub fn entry_time(paragraph: &str) -> Option<u16> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            // "18:15" with a colon; "7.30" only with am/pm or a dash or
            // colon after it ("1.27 million" is no time).
            r"(?i)^[\s*_#>\[]*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(\d{1,2})(?::(\d{2})\s*(a\.?m\.?|p\.?m\.?)?(?:\s*(?:bst|gmt|cet|cest|utc|local))?(?:[\s*_\]:|,–—-]|$)|\.(\d{2})(?:\s*(a\.?m\.?|p\.?m\.?)(?:\s*(?:bst|gmt|cet|cest|utc|local))?|(?:\s*(?:bst|gmt|cet|cest|utc|local))?\s*[:–—-]))",
        )
        .expect("entry time regex")
    });
    let c = re.captures(paragraph)?;
    let mut hour: u16 = c.get(1)?.as_str().parse().ok()?;
    let minute: u16 = c.get(2).or_else(|| c.get(4))?.as_str().parse().ok()?;
    match c.get(3).or_else(|| c.get(5)).map(|m| m.as_str().to_ascii_lowercase()) {
        Some(m) if m.starts_with('p') && hour < 12 => hour += 12,
        Some(m) if m.starts_with('a') && hour == 12 => hour = 0,
        _ => {}
    }
    (hour < 24 && minute < 60).then_some(hour * 60 + minute)
}

/// "last year", "next year", "the past year": another year than the one an
/// article reports on, too coarse to date an event it reports.
pub fn is_other_year(expr: &str) -> bool {
    let s = expr.trim().to_lowercase();
    let s = s.strip_prefix("the ").unwrap_or(&s).trim();
    matches!(s, "last year" | "past year" | "next year")
}

/// Every date mention in `sentence`, resolved against `published`.
pub fn find_dates(sentence: &str, published: Option<Date>, order: DateOrder) -> Vec<(Range<usize>, When)> {
    regex()
        .find_iter(sentence)
        .filter(|m| !ranks_a_series(sentence, m.range()))
        .filter_map(|m| {
            let future = speaks_of_future(&sentence[..m.start()]);
            read_when(m.as_str(), published, order, future).map(|w| (m.range(), w))
        })
        .collect()
}

/// "the last Saturday march", "the next Tuesday of action": after "the",
/// "last" or "next" picks one of a series (its date, if any, comes after
/// it: "the last Saturday march, on February 11"), not a day relative to
/// the publication.
fn ranks_a_series(sentence: &str, r: Range<usize>) -> bool {
    let expr = &sentence[r.clone()];
    let relative = ["last ", "next ", "past "]
        .iter()
        .any(|w| expr.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w)));
    let before = sentence[..r.start].trim_end();
    let the = before.len() >= 4
        && before
            .get(before.len() - 4..)
            .is_some_and(|t| t.eq_ignore_ascii_case(" the"))
        || before.eq_ignore_ascii_case("the");
    relative && the
}

/// Read one date expression. `future`: the sentence speaks of what is
/// ahead ("will meet on Thursday"), so a bare weekday is the next one.
pub fn read_when(expr: &str, published: Option<Date>, order: DateOrder, future: bool) -> Option<When> {
    let s = expr.trim().to_lowercase().replace('’', "'");
    let s = s.strip_prefix("on ").unwrap_or(&s).trim().to_string();
    if let Some(w) = relative(&s, published, future) {
        return Some(w);
    }
    absolute(&s, published, order).map(When::Resolved)
}

fn month_of(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    MONTHS.iter().find(|(n, _)| *n == w).map(|m| m.1)
}

fn strip_ordinal(w: &str) -> &str {
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(d) = w.strip_suffix(suffix) {
            if !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()) {
                return d;
            }
        }
    }
    w
}

/// The year a day-and-month without a year most likely falls in: the one
/// that puts it nearest the publication date.
fn nearest_year(month: u8, day: u8, published: Option<Date>) -> Option<Date> {
    let p = published?;
    [p.year - 1, p.year, p.year + 1]
        .iter()
        .filter_map(|&y| Date::new(y, month, day))
        .min_by_key(|d| (d.ordinal() - p.ordinal()).abs())
}

/// The year of "Friday 17 July": the nearest year when the date is within
/// two months of the publication (a wrong weekday in a recent report is a
/// slip, not another year); otherwise the latest year, up to ten back, in
/// which the day falls on `weekday_wanted` (0 = Monday).
fn year_of_weekday(month: u8, day: u8, weekday_wanted: i64, published: Option<Date>) -> Option<Date> {
    let p = published?;
    let nearest = nearest_year(month, day, published)?;
    if weekday(nearest) == weekday_wanted || (nearest.ordinal() - p.ordinal()).abs() <= 60 {
        return Some(nearest);
    }
    (p.year - 10..=p.year)
        .rev()
        .filter_map(|y| Date::new(y, month, day))
        .find(|d| d.ordinal() <= p.ordinal() && weekday(*d) == weekday_wanted)
}

fn absolute(s: &str, published: Option<Date>, order: DateOrder) -> Option<DateSpan> {
    if let Some(d) = Date::parse(s) {
        return Some(DateSpan::day(d));
    }
    if s.contains('/') {
        let parts: Vec<&str> = s.split('/').collect();
        let [a, b, y] = parts.as_slice() else { return None };
        let (a, b): (u8, u8) = (a.parse().ok()?, b.parse().ok()?);
        let (day, month) = match order {
            DateOrder::DayMonth => (a, b),
            DateOrder::MonthDay => (b, a),
        };
        let mut year: i32 = y.parse().ok()?;
        if y.len() == 2 {
            year += 2000;
        }
        return Date::new(year, month, day).map(DateSpan::day);
    }
    if let Some(span) = day_range(s, published) {
        return Some(span);
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    // A weekday before a date without a year tells the year: "Friday 17
    // July" in an article of 2022 looking back is 2020's.
    let named_weekday = words.first().and_then(|w| WEEKDAYS.iter().position(|d| d == w));
    let words: Vec<&str> = words
        .into_iter()
        .filter(|w| *w != "of")
        .skip_while(|w| WEEKDAYS.contains(w))
        .collect();
    let dated = |day: u8, month: u8, year: Option<&&str>| match (year, named_weekday) {
        (None, Some(wd)) => year_of_weekday(month, day, wd as i64, published)
            .map(DateSpan::day)
            .or_else(|| day_month_year(day, month, None, published)),
        _ => day_month_year(day, month, year, published),
    };
    match words.as_slice() {
        // "12 March 2025", "12th March"
        [d, m, rest @ ..] if month_of(m).is_some() && strip_ordinal(d).parse::<u8>().is_ok() => {
            let (day, month) = (strip_ordinal(d).parse().ok()?, month_of(m)?);
            dated(day, month, rest.first())
        }
        // "March 12, 2025", "Mar. 12th"
        [m, d, rest @ ..] if month_of(m).is_some() && strip_ordinal(d).parse::<u8>().is_ok() && d.len() <= 4 => {
            let (day, month) = (strip_ordinal(d).parse().ok()?, month_of(m)?);
            dated(day, month, rest.first())
        }
        // "March 2025", "early March 2025"
        [.., m, y] if month_of(m).is_some() && y.len() == 4 => {
            let (month, year) = (month_of(m)?, y.parse().ok()?);
            let start = Date::new(year, month, 1)?;
            Some(DateSpan {
                start,
                end: Date::new(year, month, days_in_month(year, month))?,
            })
        }
        _ => None,
    }
}

/// "24-25 june", "from 7 to 11 december 2000", "june 24-26, 2025": the
/// span of days.
fn day_range(s: &str, published: Option<Date>) -> Option<DateSpan> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        let m = month_alternation();
        let ord = r"(?:st|nd|rd|th)?";
        Regex::new(&format!(
            r"^(?:from\s+)?(?:(?P<d1>\d{{1,2}}){ord}\s*(?:-|–|to|and)\s*(?P<d2>\d{{1,2}}){ord}\s+(?:of\s+)?(?P<m1>{m})\.?|(?P<m2>{m})\.?\s+(?P<e1>\d{{1,2}}){ord}\s*(?:-|–|to|and)\s*(?P<e2>\d{{1,2}}){ord})(?:,?\s+(?P<y>\d{{4}}))?$"
        ))
        .expect("day range regex")
    });
    if let Some(span) = month_to_month(s, published) {
        return Some(span);
    }
    let c = re.captures(s)?;
    let (d1, d2, month) = match (c.name("d1"), c.name("d2"), c.name("m1")) {
        (Some(a), Some(b), Some(m)) => (a, b, m),
        _ => (c.name("e1")?, c.name("e2")?, c.name("m2")?),
    };
    let (d1, d2, month): (u8, u8, u8) = (
        d1.as_str().parse().ok()?,
        d2.as_str().parse().ok()?,
        month_of(month.as_str())?,
    );
    let start = day_month_year(d1, month, c.name("y").map(|y| y.as_str()).as_ref(), published)?.start;
    let end = Date::new(start.year, month, d2)?;
    (start < end).then_some(DateSpan { start, end })
}

/// "29 september-2 october", "september 29 to october 2, 2024": a span
/// across two months (the year, when given, is the end's; a span over New
/// Year starts the year before).
fn month_to_month(s: &str, published: Option<Date>) -> Option<DateSpan> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        let m = month_alternation();
        let ord = r"(?:st|nd|rd|th)?";
        Regex::new(&format!(
            r"^(?:from\s+)?(?:(?P<d1>\d{{1,2}}){ord}\s+(?:of\s+)?(?P<m1>{m})\.?\s*(?:-|–|to|until)\s*(?P<d2>\d{{1,2}}){ord}\s+(?:of\s+)?(?P<m2>{m})\.?|(?P<n1>{m})\.?\s+(?P<e1>\d{{1,2}}){ord}\s*(?:-|–|to|until)\s*(?P<n2>{m})\.?\s+(?P<e2>\d{{1,2}}){ord})(?:,?\s+(?P<y>\d{{4}}))?$"
        ))
        .expect("month-to-month regex")
    });
    let c = re.captures(s)?;
    let pick = |a: &str, b: &str| c.name(a).or_else(|| c.name(b)).map(|m| m.as_str());
    let (d1, m1, d2, m2) = (
        pick("d1", "e1")?,
        pick("m1", "n1")?,
        pick("d2", "e2")?,
        pick("m2", "n2")?,
    );
    let (d1, d2): (u8, u8) = (d1.parse().ok()?, d2.parse().ok()?);
    let (m1, m2) = (month_of(m1)?, month_of(m2)?);
    let end = day_month_year(d2, m2, c.name("y").map(|y| y.as_str()).as_ref(), published)?.start;
    let start = Date::new(if m1 > m2 { end.year - 1 } else { end.year }, m1, d1)?;
    (start < end).then_some(DateSpan { start, end })
}

fn day_month_year(day: u8, month: u8, year: Option<&&str>, published: Option<Date>) -> Option<DateSpan> {
    let date = match year {
        Some(y) => Date::new(y.parse().ok()?, month, day)?,
        None => nearest_year(month, day, published)?,
    };
    Some(DateSpan::day(date))
}

/// Monday = 0 … Sunday = 6.
fn weekday(d: Date) -> i64 {
    // 1970-01-01 was a Thursday.
    (d.ordinal() + 3).rem_euclid(7)
}

fn week_of(d: Date) -> DateSpan {
    let start = d.add_days(-weekday(d));
    DateSpan {
        start,
        end: start.add_days(6),
    }
}

fn month_span(year: i32, month: u8) -> Option<DateSpan> {
    Some(DateSpan {
        start: Date::new(year, month, 1)?,
        end: Date::new(year, month, days_in_month(year, month))?,
    })
}

fn relative(s: &str, published: Option<Date>, future: bool) -> Option<When> {
    let s = s.strip_suffix("'s").unwrap_or(s);
    let (modifier, word) = match s.split_once(' ') {
        Some((m, w)) if ["last", "this", "next", "past"].contains(&m) => (Some(m), w),
        _ => (None, s),
    };
    let is_relative = WEEKDAYS.contains(&word)
        || matches!(s, "yesterday" | "today" | "tomorrow" | "tonight")
        || ["week", "month", "year", "night", "morning", "afternoon", "evening"].contains(&word)
        || s.starts_with("earlier this ")
        || s.starts_with("later this ");
    if !is_relative {
        return None;
    }
    let Some(p) = published else {
        return Some(When::Unresolved(format!(
            "{s:?} is relative and the document has no publication date"
        )));
    };
    let span = if let Some(target) = WEEKDAYS.iter().position(|w| *w == word) {
        let target = target as i64;
        let today = weekday(p);
        let back = (today - target).rem_euclid(7);
        let ahead = (target - today).rem_euclid(7);
        let d = match modifier {
            // "last Monday" is the previous week's Monday: said on a
            // Tuesday, yesterday would be "Monday" (or "yesterday").
            Some("last") => week_of(p).start.add_days(target - 7),
            Some("past") => p.add_days(-(if back == 0 { 7 } else { back })),
            Some("next") => p.add_days(if ahead == 0 { 7 } else { ahead }),
            Some("this") => week_of(p).start.add_days(target),
            _ if future => p.add_days(ahead),
            _ => p.add_days(-back),
        };
        DateSpan::day(d)
    } else {
        match s {
            "yesterday" => DateSpan::day(p.add_days(-1)),
            "today" | "tonight" | "this morning" | "this afternoon" | "this evening" => DateSpan::day(p),
            "last night" => DateSpan::day(p.add_days(-1)),
            "tomorrow" => DateSpan::day(p.add_days(1)),
            "last week" | "past week" => {
                let w = week_of(p.add_days(-7));
                if s == "past week" {
                    DateSpan {
                        start: p.add_days(-7),
                        end: p,
                    }
                } else {
                    w
                }
            }
            "this week" => week_of(p),
            "next week" => week_of(p.add_days(7)),
            "earlier this week" => DateSpan {
                start: week_of(p).start,
                end: p,
            },
            "later this week" => DateSpan {
                start: p,
                end: week_of(p).end,
            },
            "this month" => month_span(p.year, p.month)?,
            "earlier this month" => DateSpan {
                start: Date::new(p.year, p.month, 1)?,
                end: p,
            },
            "later this month" => DateSpan {
                start: p,
                end: month_span(p.year, p.month)?.end,
            },
            "last month" | "past month" => {
                let prev = Date::new(p.year, p.month, 1)?.add_days(-1);
                month_span(prev.year, prev.month)?
            }
            "next month" => {
                let next = month_span(p.year, p.month)?.end.add_days(1);
                month_span(next.year, next.month)?
            }
            "this year" => DateSpan {
                start: Date::new(p.year, 1, 1)?,
                end: Date::new(p.year, 12, 31)?,
            },
            "earlier this year" => DateSpan {
                start: Date::new(p.year, 1, 1)?,
                end: p,
            },
            "later this year" => DateSpan {
                start: p,
                end: Date::new(p.year, 12, 31)?,
            },
            "last year" | "past year" => DateSpan {
                start: Date::new(p.year - 1, 1, 1)?,
                end: Date::new(p.year - 1, 12, 31)?,
            },
            "next year" => DateSpan {
                start: Date::new(p.year + 1, 1, 1)?,
                end: Date::new(p.year + 1, 12, 31)?,
            },
            _ => return None,
        }
    };
    Some(When::Resolved(span))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn live_blog_entry_times() {
        assert_eq!(entry_time("01:35 Labour has 61 seats."), Some(95));
        assert_eq!(entry_time("**Mon 18:15** The rebate numbers"), Some(18 * 60 + 15));
        assert_eq!(entry_time("22:00 - Polls have closed."), Some(22 * 60));
        assert_eq!(entry_time("7.30pm: the count goes on"), Some(19 * 60 + 30));
        assert_eq!(entry_time("12.30am BST - Sunderland declares"), Some(30));
        assert_eq!(entry_time("2.5 million people marched."), None);
        assert_eq!(entry_time("1.27 million demonstrators"), None);
        assert_eq!(entry_time("Labour won at 01:35."), None);
        assert_eq!(entry_time("25:10 nothing"), None);
    }

    #[test]
    fn sentences_that_may_hold_a_date() {
        assert!(may_hold_date("Riots erupted tonight."));
        assert!(may_hold_date("on 11 March"));
        assert!(may_hold_date("On Tuesday, they met."));
        assert!(!may_hold_date("Police said the crowd was calm."));
    }

    #[test]
    fn parts_of_today() {
        assert_eq!(when("tonight", "2023-03-23"), "2023-03-23");
        assert_eq!(when("this evening", "2023-03-23"), "2023-03-23");
        assert_eq!(when("This morning", "2023-03-23"), "2023-03-23");
        assert_eq!(when("last night", "2023-03-23"), "2023-03-22");
        assert_eq!(when("next evening", "2023-03-23"), "none");
    }

    #[test]
    fn other_years_are_not_an_events_date() {
        assert!(is_other_year("last year"));
        assert!(is_other_year("Next year"));
        assert!(is_other_year("the past year"));
        assert!(!is_other_year("this year"));
        assert!(!is_other_year("last week"));
        assert!(!is_other_year("2023"));
    }

    fn when(expr: &str, published: &str) -> String {
        let p = (!published.is_empty()).then(|| d(published));
        match read_when(expr, p, DateOrder::DayMonth, false) {
            Some(When::Resolved(span)) => span.to_string(),
            Some(When::Unresolved(_)) => "unresolved".into(),
            None => "none".into(),
        }
    }

    #[test]
    fn spans_of_days_and_weekdays_before_dates() {
        assert_eq!(when("from 7 to 11 December 2000", ""), "2000-12-07..2000-12-11");
        assert_eq!(when("24-25 June", "2025-06-20"), "2025-06-24..2025-06-25");
        assert_eq!(when("June 24–26, 2025", ""), "2025-06-24..2025-06-26");
        assert_eq!(when("Monday 11 September", "2023-09-20"), "2023-09-11");
        let found: Vec<String> = find_dates(
            "The talks ran from 7 to 11 December 2000 in Nice; on Monday 11 September the dams burst.",
            Some(d("2023-09-20")),
            DateOrder::DayMonth,
        )
        .into_iter()
        .map(|(_, w)| match w {
            When::Resolved(span) => span.to_string(),
            When::Unresolved(_) => "unresolved".into(),
        })
        .collect();
        assert_eq!(found, ["2000-12-07..2000-12-11", "2023-09-11"]);
    }

    #[test]
    fn a_weekday_with_a_date_tells_its_year() {
        // 17 July 2020 was a Friday; an article of January 2022 looks back.
        assert_eq!(when("Friday 17 July", "2022-01-26"), "2020-07-17");
        assert_eq!(when("Tuesday, July 21", "2022-01-26"), "2020-07-21");
        // Without a weekday, the nearest year.
        assert_eq!(when("17 July", "2022-01-26"), "2022-07-17");
        // A wrong weekday in a report of the same days is a slip.
        assert_eq!(when("Monday 17 July", "2020-07-20"), "2020-07-17");
    }

    #[test]
    fn spans_across_two_months() {
        assert_eq!(when("29 September-2 October", "2024-10-12"), "2024-09-29..2024-10-02");
        assert_eq!(
            when("September 29 to October 2, 2024", "2025-01-01"),
            "2024-09-29..2024-10-02"
        );
        assert_eq!(
            when("30 December - 2 January 2024", "2024-01-05"),
            "2023-12-30..2024-01-02"
        );
        let found = find_dates(
            "the 29 September-2 October conference",
            Some(d("2024-10-12")),
            DateOrder::DayMonth,
        );
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn weekdays_resolve_against_publication() {
        // 2025-03-12 was a Wednesday; 2025-03-11 a Tuesday; 2025-02-17 a Monday.
        assert_eq!(weekday(d("2025-03-12")), 2);
        assert_eq!(when("on Tuesday", "2025-03-12"), "2025-03-11");
        assert_eq!(when("Tuesday", "2025-03-11"), "2025-03-11");
        assert_eq!(when("Monday's", "2025-02-17"), "2025-02-17");
        assert_eq!(when("Monday’s", "2025-02-17"), "2025-02-17");
        assert_eq!(when("last Tuesday", "2025-03-11"), "2025-03-04");
        // "last" is the previous week's day, even when this week's is past.
        assert_eq!(when("last Monday", "2025-03-11"), "2025-03-03");
        assert_eq!(when("last Tuesday", "2025-03-13"), "2025-03-04");
        assert_eq!(when("last Friday", "2025-03-12"), "2025-03-07");
        assert_eq!(when("last Sunday", "2025-03-15"), "2025-03-09");
        assert_eq!(when("past Monday", "2025-03-11"), "2025-03-10");
        // After "the", "last" picks one of a series, not a day.
        let s = "The last Saturday march, on February 11, drew 963,000.";
        let found = find_dates(s, Some(d("2023-03-12")), DateOrder::DayMonth);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&s[found[0].0.clone()], "February 11");
        assert_eq!(
            find_dates("It fell last Saturday.", Some(d("2023-03-12")), DateOrder::DayMonth).len(),
            1
        );
        assert_eq!(when("next Tuesday", "2025-03-12"), "2025-03-18");
        assert_eq!(when("Wednesday", "2025-02-13"), "2025-02-12");
        assert_eq!(when("on Tuesday", ""), "unresolved");
        let p = Some(d("2025-03-10"));
        assert_eq!(
            read_when("Thursday", p, DateOrder::DayMonth, true),
            Some(When::Resolved(DateSpan::day(d("2025-03-13"))))
        );
    }

    #[test]
    fn periods_resolve_to_spans() {
        assert_eq!(when("yesterday", "2025-03-12"), "2025-03-11");
        assert_eq!(when("last week", "2025-03-12"), "2025-03-03..2025-03-09");
        assert_eq!(when("earlier this month", "2025-03-12"), "2025-03-01..2025-03-12");
        assert_eq!(when("last month", "2025-03-12"), "2025-02-01..2025-02-28");
        assert_eq!(when("this year", "2025-03-12"), "2025-01-01..2025-12-31");
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(when("12 March 2025", ""), "2025-03-12");
        assert_eq!(when("12th of March 2025", ""), "2025-03-12");
        assert_eq!(when("March 12, 2025", ""), "2025-03-12");
        assert_eq!(when("Mar. 12", "2025-03-14"), "2025-03-12");
        assert_eq!(when("March 12", ""), "none", "no year and no publication date");
        assert_eq!(when("December 30", "2025-01-02"), "2024-12-30", "nearest year");
        assert_eq!(when("2025-03-12", ""), "2025-03-12");
        assert_eq!(when("12/03/2025", ""), "2025-03-12");
        assert_eq!(
            read_when("03/12/2025", None, DateOrder::MonthDay, false),
            Some(When::Resolved(DateSpan::day(d("2025-03-12"))))
        );
        assert_eq!(when("March 2025", ""), "2025-03-01..2025-03-31");
        assert_eq!(when("31 February 2025", ""), "none");
    }

    #[test]
    fn found_in_sentences() {
        let s = "Defence chiefs met in Paris on Tuesday, a week after the 4 March talks.";
        let found: Vec<String> = find_dates(s, Some(d("2025-03-12")), DateOrder::DayMonth)
            .into_iter()
            .map(|(r, w)| format!("{}={w:?}", &s[r]))
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].starts_with("Tuesday=Resolved"));
        assert!(found[1].starts_with("4 March=Resolved"));
    }
}
