//! Numbers that are not quantities: years, dates, times, ordinals, names
//! with digits ("F-35", "Article 5", "No. 10"), phone numbers, page and
//! footnote markers. Decided from the text around a candidate, so the same
//! check serves `crosscheck quantity` and rule extraction.

use std::ops::Range;

/// Words after which a bare number is a label, not an amount.
const LABELS: &[&str] = &[
    "article",
    "articles",
    "section",
    "sections",
    "no",
    "nos",
    "number",
    "chapter",
    "clause",
    "resolution",
    "page",
    "pages",
    "p",
    "pp",
    "paragraph",
    "para",
    "rule",
    "room",
    "flight",
    "route",
    "highway",
    "amendment",
    "title",
    "footnote",
    "note",
    "notes",
    "fig",
    "figure",
    "table",
    "chart",
    "episode",
    "season",
    "version",
    "level",
    "phase",
    "stage",
    "category",
    "grade",
    "line",
    "platform",
    "gate",
    "vol",
    "volume",
    "issue",
    "item",
    "annex",
    "protocol",
    "apollo",
    "unit",
    "division",
    "brigade",
    "battalion",
    "regiment",
    "squadron",
    "corps",
    "model",
    "type",
    "mark",
];

/// Fraction words that are also ordinals.
const ORDINAL_FRACTIONS: &[&str] = &["third", "quarter", "fifth", "tenth"];

/// Words that may follow a fraction that is one: "a third of", "a quarter
/// in", "a fifth more".
const AFTER_FRACTION: &[&str] = &[
    "of", "the", "in", "to", "and", "or", "than", "more", "less", "from", "at", "for", "on", "as", "were", "was",
    "are", "is", "have", "had", "said", "say",
];

/// Words after which a bare year-like number is a year.
const YEAR_WORDS: &[&str] = &[
    "in", "by", "since", "until", "till", "from", "to", "before", "after", "of", "during", "for", "between", "and",
    "early", "late", "mid", "the", "a", "its", "their", "his", "her", "year", "through", "than", "fiscal", "budget",
    "on", "at", "around", "circa", "spring", "summer", "autumn", "fall", "winter", "that", "this", "these", "those",
    "each", "every", "next", "last",
];

/// Nouns a year-like number dates rather than counts: "the party's 2019
/// election", "a 2030 target".
const YEAR_NOUNS: &[&str] = &[
    "election",
    "elections",
    "general",
    "summit",
    "campaign",
    "census",
    "olympics",
    "games",
    "floods",
    "earthquake",
    "crisis",
    "treaty",
    "agreement",
    "accord",
    "referendum",
    "season",
    "deadline",
    "target",
    "targets",
    "levels",
    "edition",
    "manifesto",
    "budget",
    "budgets",
    "forecast",
    "report",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

const TIME_WORDS: &[&str] = &[
    "am", "pm", "a.m", "p.m", "gmt", "bst", "cet", "cest", "utc", "est", "edt", "et", "pt",
];

/// Pronoun uses of "one": "one of", "no one", "the one".
const ONE_BEFORE: &[&str] = &[
    "no", "every", "any", "some", "the", "this", "that", "each", "which", "anyone",
];

fn last_word(before: &str) -> String {
    let trimmed = before.trim_end();
    let word: String = trimmed
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    word.trim_end_matches('.').to_lowercase()
}

fn first_word(after: &str) -> String {
    after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<String>()
        .trim_end_matches('.')
        .to_lowercase()
}

fn is_bare_integer(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Invisible characters that can sit inside a number without showing:
/// "3\u{200b}4" looks like 34 on screen.
fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}')
}

/// A piece of a longer number, or a number that is not what it looks
/// like: digits glued to more digits by an invisible character
/// ("3\u{200b}4": neither 3 nor 4), a number in scientific notation
/// ("2.5e3": not 2), a number whose decimals the match stopped short of, or
/// a negative number ("-2.1%", "−2.1%": a fall is never read as a rise, so
/// it never agrees with 2.1%). Such a candidate is refused, not misread.
fn is_partial_or_signed(before: &str, expr: &str, after: &str) -> bool {
    let mut back = before.chars().rev();
    let (p1, p2) = (back.next(), back.next());
    let mut fwd = after.chars();
    let (n1, n2, n3) = (fwd.next(), fwd.next(), fwd.next());
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let starts_digit = expr.starts_with(|c: char| c.is_ascii_digit());
    let ends_digit = expr.ends_with(|c: char| c.is_ascii_digit());
    if (p1.is_some_and(is_zero_width) && digit(p2)) || (n1.is_some_and(is_zero_width) && digit(n2)) {
        return true;
    }
    // A zero-width character inside the candidate between two digits.
    let inner: Vec<char> = expr.chars().collect();
    if inner
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && is_zero_width(w[1]) && w[2].is_ascii_digit())
    {
        return true;
    }
    if ends_digit {
        if matches!(n1, Some('e' | 'E')) && (digit(n2) || (matches!(n2, Some('+' | '-')) && digit(n3))) {
            return true;
        }
        if matches!(n1, Some('.' | ',')) && digit(n2) {
            return true;
        }
    }
    if starts_digit && matches!(p1, Some('.' | ',')) && digit(p2) {
        return true;
    }
    starts_digit && matches!(p1, Some('-' | '\u{2212}' | '\u{2011}')) && !p2.is_some_and(char::is_alphanumeric)
}

/// Is the candidate at `range` of `text` something other than a quantity?
pub fn not_a_quantity(text: &str, range: Range<usize>) -> bool {
    let expr = &text[range.clone()];
    let before = &text[..range.start];
    let after = &text[range.end..];
    if is_partial_or_signed(before, expr, after) {
        return true;
    }
    let lower = expr.to_lowercase();
    if is_year_span(&lower) {
        return true;
    }
    let bare = is_bare_integer(expr);
    let prev = before.chars().next_back();
    let next = after.chars().next();
    let word_before = last_word(before);
    let word_after = first_word(after);

    if expr.starts_with(|c: char| c.is_ascii_digit()) {
        // Names with digits: "F-35", "Su-57", "COVID-19", "#3", "+44".
        let mut back = before.chars().rev();
        match (back.next(), back.next()) {
            (Some('-' | '‑'), Some(c)) if c.is_alphabetic() => return true,
            (Some('#' | '+' | '^' | '/' | ':' | '§'), _) => return true,
            (Some('-' | '.'), Some(c)) if c.is_ascii_digit() => return true,
            _ => {}
        }
        // Footnote markers: "[3]".
        if prev == Some('[') && next == Some(']') {
            return true;
        }
        // Dates and times written with digits: "12/03/2025", "10:30".
        let mut fwd = after.chars();
        if let (Some('/' | ':'), Some(c)) = (fwd.next(), fwd.next()) {
            if c.is_ascii_digit() {
                return true;
            }
        }
    }
    // Wire slugs and names: "UPDATE 3-EU leaders", "G7-led".
    if expr.starts_with(|c: char| c.is_ascii_digit()) {
        let mut fwd = after.chars();
        if let (Some('-'), Some(c)) = (fwd.next(), fwd.next()) {
            if c.is_uppercase() {
                return true;
            }
        }
    }
    // "Article 5", "pp. 12-14", "Section 230".
    if expr.starts_with(|c: char| c.is_ascii_digit()) && LABELS.contains(&word_before.as_str()) {
        return true;
    }
    if bare {
        let value: u64 = expr.parse().unwrap_or(u64::MAX);
        // "March 12", "12 March", "12th of March".
        if (1..=31).contains(&value)
            && (MONTHS.contains(&word_before.as_str()) || MONTHS.contains(&word_after.as_str()))
        {
            return true;
        }
        // "10 a.m.", "9pm", "14 GMT".
        if value <= 24 && TIME_WORDS.contains(&word_after.as_str()) {
            return true;
        }
        if expr.len() == 4 && (1800..=2100).contains(&value) {
            let followed_by_word = after.trim_start().starts_with(|c: char| c.is_alphabetic())
                && !after.starts_with(['-', '–'])
                && !MONTHS.contains(&word_after.as_str());
            // "Johnson's 2019 majority": a possessive before a year.
            let possessive = before.trim_end().ends_with("'s") || before.trim_end().ends_with("’s");
            if YEAR_WORDS.contains(&word_before.as_str())
                || YEAR_NOUNS.contains(&word_after.as_str())
                || MONTHS.contains(&word_before.as_str())
                || !followed_by_word
                || possessive
            {
                return true;
            }
        }
        if looks_like_phone(text, range.clone()) {
            return true;
        }
    }
    // "third largest", "the fifth year", "a third term": an ordinal before
    // a word it ranks, not a fraction ("a third of", "cut by a third").
    if lower.ends_with(|c: char| c.is_alphabetic()) && ORDINAL_FRACTIONS.iter().any(|f| lower.ends_with(f)) {
        let next_is_word = after.trim_start().starts_with(|c: char| c.is_alphabetic());
        let ranked = matches!(
            word_before.as_str(),
            "ranks" | "ranked" | "came" | "finished" | "placed" | "the" | "its" | "their" | "his" | "her"
        ) && lower.len() <= "quarter".len();
        if (next_is_word && !AFTER_FRACTION.contains(&word_after.as_str())) || ranked {
            return true;
        }
    }
    // "one of the…", "no one", "the one who…": a pronoun, not a count.
    if lower == "one" && (word_after == "of" || ONE_BEFORE.contains(&word_before.as_str()) || word_after.is_empty()) {
        return true;
    }
    false
}

/// A span of years, not a range of counts: "1995-2023", "from 2019 to
/// 2024", "between 2021 and 2027", "2023-24".
fn is_year_span(lower: &str) -> bool {
    let s = lower.trim();
    let s = s
        .strip_prefix("between ")
        .or_else(|| s.strip_prefix("from "))
        .unwrap_or(s);
    let Some((a, b)) = s
        .split_once(['-', '–', '—'])
        .or_else(|| s.split_once(" to "))
        .or_else(|| s.split_once(" and "))
    else {
        return false;
    };
    let (a, b) = (a.trim(), b.trim());
    let year = |t: &str| t.len() == 4 && t.bytes().all(|c| c.is_ascii_digit());
    let Ok(first) = a.parse::<u32>() else {
        return false;
    };
    if !year(a) || !(1800..=2100).contains(&first) || !b.bytes().all(|c| c.is_ascii_digit()) {
        return false;
    }
    match b.len() {
        4 => b.parse::<u32>().is_ok_and(|last| last > first && last <= 2100),
        // "2023-24": the next year's last two digits.
        2 => b.parse::<u32>().is_ok_and(|last| last == (first + 1) % 100),
        _ => false,
    }
}

/// A run of digit groups separated by spaces, dashes, dots or brackets,
/// with at least seven digits in three groups: "+44 20 7946 0958",
/// "(202) 555-0100".
fn looks_like_phone(text: &str, range: Range<usize>) -> bool {
    let is_part = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '+');
    let start = text[..range.start]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_part(*c))
        .last()
        .map_or(range.start, |(i, _)| i);
    let end = range.end
        + text[range.end..]
            .chars()
            .take_while(|c| is_part(*c))
            .map(char::len_utf8)
            .sum::<usize>();
    let run = &text[start..end];
    let digits = run.chars().filter(char::is_ascii_digit).count();
    let groups = run
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .count();
    digits >= 7 && groups >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rejects(text: &str, expr: &str) -> bool {
        let start = text.find(expr).unwrap();
        not_a_quantity(text, start..start + expr.len())
    }

    #[test]
    fn labels_names_dates_times_phones() {
        assert!(rejects("the F-35 jets", "35"));
        assert!(rejects("under Article 5 of the treaty", "5"));
        assert!(rejects("at No. 10 Downing Street", "10"));
        assert!(rejects("on March 12 leaders met", "12"));
        assert!(rejects("on 12 March leaders met", "12"));
        assert!(rejects("at 10:30 on Monday", "10"));
        assert!(rejects("at 10 a.m. on Monday", "10"));
        assert!(rejects("call +44 20 7946 0958 now", "20"));
        assert!(rejects("call (202) 555 0100 now", "202"));
        assert!(rejects("as reported [3] earlier", "3"));
        assert!(rejects("in 2025 the budget", "2025"));
        assert!(rejects("by 2027", "2027"));
        assert!(rejects("the 2022 invasion", "2022"));
        assert!(rejects("one of the chiefs", "one"));
        assert!(!rejects("34 military chiefs", "34"));
        assert!(!rejects("2025 troops were sent", "2025"));
        assert!(!rejects("sent 12 troops in March", "12"));
        assert!(!rejects("one military chief", "one"));
        assert!(rejects("Johnson's 2019 majority of 80", "2019"));
    }

    #[test]
    fn ordinals_are_not_fractions() {
        assert!(rejects("the third largest majority", "third"));
        assert!(rejects("in its fifth year", "fifth"));
        assert!(rejects("seeking a third term", "a third"));
        assert!(rejects("in the third quarter profits rose", "third"));
        assert!(rejects("Britain now ranks third.", "third"));
        assert!(!rejects("a third of the city", "a third"));
        assert!(!rejects("cut by a quarter.", "a quarter"));
        assert!(!rejects("Roughly a third were on strike", "a third"));
        assert!(!rejects("two-thirds of voters", "two-thirds"));
        assert!(!rejects("half the country", "half"));
    }

    #[test]
    fn spans_of_years_are_not_counts() {
        assert!(rejects("delegates at each COP, 1995-2023, by year", "1995-2023"));
        assert!(rejects("the budget for 2021–2027 was agreed", "2021–2027"));
        assert!(rejects("spending from 2019 to 2024 rose", "from 2019 to 2024"));
        assert!(rejects("between 2021 and 2027, the fund", "between 2021 and 2027"));
        assert!(rejects("the 2023-24 season", "2023-24"));
        assert!(!rejects("between 2,000 and 3,000 troops", "between 2,000 and 3,000"));
        assert!(!rejects("from 1200 to 1500 people", "from 1200 to 1500"));
        assert!(!rejects("2000-2500 marchers", "2000-2500"));
        assert!(!rejects("2023-25 people", "2023-25"));
    }
}
