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
    "say",
    "estimate",
    "claim",
    "reckon",
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
    "believes",
    "believed",
    "fears",
    "feared",
    "warned",
    "warns",
    "forecast",
    "forecasts",
    "predicted",
    "predicts",
    "projected",
    "projects",
    "calculated",
    "calculates",
];

/// The verbs a source may follow, inverted after what it said ("…, said
/// the mayor").
const INVERTED: &[&str] = &[
    "said",
    "says",
    "estimated",
    "estimates",
    "claimed",
    "claims",
    "reported",
    "reports",
    "announced",
    "added",
    "warned",
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

/// Kinds of body that give figures, after a proper name ("the Occurrence
/// firm") or alone ("the agency").
const BODIES: &[&str] = &[
    "agency",
    "council",
    "firm",
    "company",
    "consultancy",
    "institute",
    "pollster",
    "federation",
    "confederation",
    "association",
    "observatory",
    "office",
    "union",
    "poll",
    "survey",
    "model",
];

/// How a cue's match says where its source is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// The whole match is the cue.
    Plain,
    /// A verb before its source ("…, said the mayor"): only when the verb
    /// has no subject of its own (see [`inverted`]).
    Inverted,
    /// A source right before its figure, its verb left out: the cue is the
    /// name alone.
    Gapped,
    /// "18 by YouGov": a figure and its source after "by", in a sentence
    /// with a passive verb of stating before it.
    Passive,
    /// "YouGov has the Liberal Democrats on 72": a source holds a party on
    /// a figure; only when the figure follows "on" right away.
    Holds,
}

fn cues() -> &'static [(Cue, Regex)] {
    static RE: OnceLock<Vec<(Cue, Regex)>> = OnceLock::new();
    RE.get_or_init(|| {
        // A proper name, with the kind of body it is after it or not ("the
        // Occurrence firm", "the Elabe institute"), or a body named by its
        // kind alone ("the interior ministry", "police").
        let bodies = format!("(?:{})", BODIES.join("|"));
        use crate::entity::letters::{CAPITAL, LETTER, LOWER};
        let name = format!(
            r"(?P<who>(?:the\s+)?(?:[{CAPITAL}][{LETTER}\-\.]*(?:\s+(?:(?:of|in|for)\s+)?[{CAPITAL}][{LETTER}\-\.]*){{0,3}}(?:\s+{bodies}(?-u:\b))?|[{CAPITAL}][{LETTER}\-]*(?:'|’)s\s+(?:[{LOWER}]+\s+){{0,2}}(?:police|officials|authorities|ministry|government|mayor|prefecture|governor|spokes(?:man|woman|person))|(?:(?-u:\b)[{LETTER}][{LOWER}]*\s+){{0,2}}(?:[{LOWER}]+-)?(?:police|organi[sz]ers|unions?|officials|authorities|ministry|government|mayor|prefecture|governor|spokes(?:man|woman|person)|diplomats?|sources|analysts|economists|experts|researchers|observers|doctors|medics|witnesses|rescuers|{bodies})))"
        );
        let verbs = format!("(?:{})", VERBS.join("|"));
        let inverted = format!("(?:{})", INVERTED.join("|"));
        [
            (Cue::Plain, format!(r"(?i:according\s+to)\s+{name}")),
            // "per two diplomats", "figures from the ministry", "data from
            // Eurostat", "estimates by the UN".
            (
                Cue::Plain,
                format!(r"(?:(?-u:\b)per|(?i:(?:figures|data|estimates?|numbers|counts?)\s+(?:from|by|of)))\s+{name}"),
            ),
            // An apposition may stand between the source and its verb:
            // "The CGT union, the most militant of the eight, gave …".
            (Cue::Plain, format!(r"{name}(?:,[^,;]{{1,80}},)?\s+(?:(?:has|have|had)\s+)?{verbs}(?-u:\b)")),
            // Inverted, after what it said: "…, said the mayor", "1.27
            // million marchers says ministry". Not "gave Labour 431 seats"
            // (no such verb here), nor "He said the SNP remained …" (see
            // `sources`): there the name is an object.
            (Cue::Inverted, format!(r#"(?i:{inverted})\s+{name}"#)),
            // A possessive names whose figure it is: "the interior
            // ministry's final figure was", "the CGT's estimate".
            (
                Cue::Plain,
                format!(
                    r"{name}(?:'|’)s?\s+(?:(?:own|final|latest|official|first|new)\s+)?(?i:{})s?(?-u:\b)",
                    NOUNS.join("|")
                ),
            ),
            // A body's model, poll or survey states the figure: "A YouGov
            // model released on Wednesday gave Labour 431 seats".
            (
                Cue::Plain,
                format!(r"{name}(?:(?:'|’)s)?\s+(?:[{LETTER}\-]+\s+){{0,2}}?(?i:model|poll|survey|projection|forecast|analysis|study|report|tally)s?(?-u:\b)(?:,[^,;]{{1,100}},)?[^.;]{{0,60}}?\s(?i:gave|given|gives|put|puts|showed|shows|found|finds|projected|suggested|suggests)(?-u:\b)"),
            ),
            // A pollster "has" a party on its figure: "YouGov has the
            // Liberal Democrats on 72 seats, More in Common has them on 52".
            (
                Cue::Holds,
                format!(r"{name}\s+(?:has|have|had)\s+(?:them|it|(?:the\s+)?[{CAPITAL}][{LETTER}\-]*(?:\s+[{CAPITAL}][{LETTER}\-]*){{0,3}})\s+on\s"),
            ),
            // A figure given "by" its source after a passive verb: "is
            // projected to win 18 by YouGov and 16 by More in Common". The
            // cue holds the figure (see `sources` for the verb).
            (Cue::Passive, format!(r"\d[\d,.]*(?:\s+(?i:seats|per\s+cent|percent))?%?\s+by\s+{name}")),
            // A source right before its figure, its verb left out: "the
            // prefecture counted 81,000 marchers and the CGT 700,000".
            // Its cue is the name alone (see `sources`).
            (Cue::Gapped, format!(r#"(?:[,;]|\band)\s+{name}\s+["“]?\d"#)),
        ]
        .into_iter()
        .map(|(kind, src)| (kind, Regex::new(&src).expect("attribution regex")))
        .collect()
    })
}

/// Every cue but [`Cue::Holds`] needs "according", one of [`VERBS`] or
/// [`NOUNS`]: a sentence with none of them is not searched (most
/// sentences; the cue regexes are slow).
fn may_attribute(sentence: &str) -> bool {
    static AC: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(
                VERBS
                    .iter()
                    .chain(&[
                        "according",
                        "per ",
                        "data",
                        "poll",
                        "survey",
                        "model",
                        "given",
                        "expected",
                    ])
                    .chain(NOUNS),
            )
            .expect("attribution literals")
    })
    .is_match(sentence)
}

/// Could `sentence` hold a party "on" a figure (`Cue::Holds`)? "has",
/// "have" or "had" before " on " and a digit (not "on 12 December" alone).
fn may_hold_on_a_figure(sentence: &str) -> bool {
    sentence.match_indices(" on ").any(|(at, _)| {
        sentence[at + 4..].starts_with(|c: char| c.is_ascii_digit())
            && [" has ", " had ", " have "].iter().any(|v| sentence[..at].contains(v))
    })
}

/// Does `before` hold a passive verb of stating ("is projected to win",
/// "were counted", "was put at")? Then "N by X" names X as the source.
fn passive_before(before: &str) -> bool {
    let w = words(before);
    w.windows(2).any(|p| {
        matches!(p[0].as_str(), "is" | "are" | "was" | "were" | "been" | "be")
            && matches!(
                p[1].as_str(),
                "projected"
                    | "forecast"
                    | "predicted"
                    | "estimated"
                    | "expected"
                    | "given"
                    | "counted"
                    | "reported"
                    | "put"
            )
    })
}

/// Is a verb after `before` inverted, its source after it? Not after a
/// subject of its own: a pronoun or a name ("He said the SNP …", "Sunak
/// said Labour …").
fn inverted(before: &str) -> bool {
    let t = before.trim_end();
    if t.is_empty() || t.ends_with([',', '"', '”', '\'', '’', ':', '(', '-', '–', '—']) {
        return true;
    }
    let last = t.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let pronoun = matches!(
        last.to_lowercase().as_str(),
        "he" | "she" | "they" | "it" | "we" | "i" | "you" | "who" | "which" | "that"
    );
    !pronoun && !last.starts_with(char::is_uppercase)
}

/// The sources a sentence names, each with where its cue is: read once
/// per sentence, then [`nearest`] picks one per number.
pub fn sources(sentence: &str) -> Vec<(Range<usize>, String)> {
    let holds = may_hold_on_a_figure(sentence);
    if !holds && !may_attribute(sentence) {
        return Vec::new();
    }
    let found: Vec<(Cue, regex::Captures)> = cues()
        .iter()
        .filter(|(kind, _)| *kind != Cue::Holds || holds)
        .flat_map(|(kind, re)| re.captures_iter(sentence).map(move |c| (*kind, c)))
        .collect();
    // A gapped source shares the verb of a source before it, which stated a
    // figure of its own: "the prefecture counted 81,000 and the CGT
    // 700,000". Not after "the model had given Labour 431 seats and the
    // Conservatives 102", where the names are what the figures are of.
    let gap_ends: Vec<usize> = found
        .iter()
        .filter(|(kind, _)| *kind == Cue::Plain)
        .filter_map(|(_, c)| {
            let end = c.get(0)?.end();
            let rest = &sentence[end..];
            let to_figure = &rest[..rest.find(|ch: char| ch.is_ascii_digit()).unwrap_or(rest.len())];
            let names_first = to_figure
                .split(|ch: char| !ch.is_alphanumeric())
                .any(|w| w.starts_with(char::is_uppercase));
            (!names_first).then_some(end)
        })
        .collect();
    found
        .into_iter()
        .filter_map(|(kind, c)| {
            let who = c.name("who")?;
            if kind == Cue::Inverted && !inverted(&sentence[..c.get(0)?.start()]) {
                return None;
            }
            if kind == Cue::Gapped && !gap_ends.iter().any(|&end| end <= who.start()) {
                return None;
            }
            if kind == Cue::Passive && !passive_before(&sentence[..c.get(0)?.start()]) {
                return None;
            }
            if kind == Cue::Holds && !sentence[c.get(0)?.end()..].starts_with(|ch: char| ch.is_ascii_digit()) {
                return None;
            }
            // A name never starts inside a word: not "s final model" of
            // "More in Common's final model".
            if sentence[..who.start()].ends_with(['\'', '’']) {
                return None;
            }
            // A gapped source stands right before its figure: its cue is its name.
            let cue = if kind == Cue::Gapped {
                who.range()
            } else {
                c.get(0)?.range()
            };
            Some((cue, who))
        })
        .filter_map(|(cue, m)| {
            // "Derna's mayor" is the mayor of Derna: "derna mayor".
            let mut w: Vec<String> = words(m.as_str())
                .into_iter()
                .skip_while(|x| NOT_A_SOURCE.contains(&x.as_str()))
                .filter(|x| x != "s")
                .collect();
            // A proper name is the source; the kind of body after it is not
            // part of its name ("the CGT union" is "cgt", as elsewhere).
            let name = m.as_str();
            let name = name
                .strip_prefix("the ")
                .or_else(|| name.strip_prefix("The "))
                .unwrap_or(name);
            let proper = name.starts_with(char::is_uppercase);
            if proper && w.len() > 1 && w.last().is_some_and(|x| BODIES.contains(&x.as_str())) {
                w.pop();
            }
            // "released on Wednesday gave …": a day is not a source.
            let day = |x: &String| {
                crate::event::when::WEEKDAYS.contains(&x.as_str()) || matches!(x.as_str(), "today" | "yesterday")
            };
            (!w.is_empty() && !w.iter().all(day)).then(|| (cue, w.join(" ")))
        })
        .collect()
}

/// The source of `sources` nearest the number at `at` (its byte range in
/// `sentence`). A cue in another clause (past a semicolon) is a last
/// resort: "368,000 according to the ministry; 'more than a million'
/// according to the CGT".
pub fn nearest(sentence: &str, sources: &[(Range<usize>, String)], at: Range<usize>) -> Option<String> {
    sources
        .iter()
        .map(|(cue, who)| {
            // Distance from the cue to the number: from a cue's end to the
            // number's start, or from the number's end to a cue after it
            // ("480,000 according to the ministry, and 1.7 million
            // according to the CGT").
            let between = if cue.end <= at.start {
                cue.end..at.start
            } else if cue.start >= at.end {
                at.end..cue.start
            } else {
                at.start..at.start
            };
            let elsewhere = sentence.get(between.clone()).is_some_and(|t| t.contains(';'));
            (elsewhere, between.len(), who)
        })
        .min_by_key(|(elsewhere, d, _)| (*elsewhere, *d))
        .map(|(_, _, who)| who.clone())
}

/// The source nearest the number at byte range `at` of `sentence`, in
/// lower case without a leading "the"; `None` when the sentence names none.
pub fn attribution(sentence: &str, at: Range<usize>) -> Option<String> {
    nearest(sentence, &sources(sentence), at)
}

const NOT_A_SOURCE: &[&str] = &[
    "it", "he", "she", "they", "this", "that", "there", "which", "who", "the", "a",
];
