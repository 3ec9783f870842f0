//! Who a figure is attributed to: "according to the interior ministry",
//! "the CGT said", "police estimated", "said the mayor".

use crate::frame::words;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// The verbs a source states a figure with ("the CGT said", "police
/// estimated"). The cue regexes and their literal prefilter both come from it.
const VERBS: &[&str] = &[
    "said",
    "says",
    "estimated",
    "estimates",
    "counted",
    "counts",
    "claimed",
    "claims",
    "reported",
    "reports",
    "put",
    "puts",
    "gave",
    "gives",
    "told",
    "announced",
    "recorded",
    "registered",
    "tallied",
    "reckoned",
    "reckons",
];

/// The nouns a possessive source owns a figure with ("the ministry's
/// count"); also literals of the prefilter.
const NOUNS: &[&str] = &[
    "figure",
    "estimate",
    "count",
    "tally",
    "toll",
    "number",
    "data",
    "projection",
    "forecast",
];

fn cues() -> &'static [Regex] {
    static RE: OnceLock<Vec<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        let name = r"(?P<who>(?:the\s+)?(?:[\p{Lu}][\p{L}\-\.]*(?:\s+(?:of\s+)?[\p{Lu}][\p{L}\-\.]*){0,3}|(?:[\p{Ll}]+\s+){0,2}(?:police|organi[sz]ers|unions?|officials|authorities|ministry|government|mayor|prefecture|agency|council|governor|spokes(?:man|woman|person))))";
        let verbs = format!("(?:{})", VERBS.join("|"));
        [
            format!(r"(?i:according\s+to)\s+{name}"),
            // An apposition may stand between the source and its verb:
            // "The CGT union, the most militant of the eight, gave …".
            format!(r"{name}(?:,[^,;]{{1,80}},)?\s+{verbs}(?-u:\b)"),
            format!(r"(?i:{verbs})\s+{name}"),
            // A possessive names whose figure it is: "the interior
            // ministry's final figure was", "the CGT's estimate".
            format!(r"{name}(?:'|’)s?\s+(?:(?:own|final|latest|official|first|new)\s+)?(?i:{})s?(?-u:\b)", NOUNS.join("|")),
        ]
        .iter()
        .map(|src| Regex::new(src).expect("attribution regex"))
        .collect()
    })
}

/// Every cue needs "according", one of [`VERBS`] or [`NOUNS`]: a sentence with none
/// of them is not searched (most sentences; the cue regexes are slow).
fn may_attribute(sentence: &str) -> bool {
    static AC: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(VERBS.iter().chain(&["according"]).chain(NOUNS))
            .expect("attribution literals")
    })
    .is_match(sentence)
}

/// The sources a sentence names, each with where its cue is: read once
/// per sentence, then [`nearest`] picks one per number.
pub fn sources(sentence: &str) -> Vec<(Range<usize>, String)> {
    if !may_attribute(sentence) {
        return Vec::new();
    }
    cues()
        .iter()
        .flat_map(|re| re.captures_iter(sentence))
        .filter_map(|c| Some((c.get(0)?, c.name("who")?)))
        .filter_map(|(whole, m)| {
            let w: Vec<String> = words(m.as_str())
                .into_iter()
                .skip_while(|x| NOT_A_SOURCE.contains(&x.as_str()))
                .collect();
            (!w.is_empty()).then(|| (whole.range(), w.join(" ")))
        })
        .collect()
}

/// The source of `sources` nearest the number at byte `at`.
pub fn nearest(sources: &[(Range<usize>, String)], at: usize) -> Option<String> {
    sources
        .iter()
        .map(|(whole, who)| {
            // Distance from the cue to the number: a cue just before it
            // ("the prefecture counted 15,000") beats one starting nearer
            // after it ("while the CGT claimed 180,000").
            let distance = if whole.end <= at {
                at - whole.end
            } else {
                whole.start.abs_diff(at)
            };
            (distance, who)
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, who)| who.clone())
}

const NOT_A_SOURCE: &[&str] = &[
    "it", "he", "she", "they", "this", "that", "there", "which", "who", "the", "a",
];

/// The source nearest the number at byte `at`, in lower case without a
/// leading "the"; `None` when the sentence names none.
pub fn attribution(sentence: &str, at: usize) -> Option<String> {
    nearest(&sources(sentence), at)
}
