//! Readings: every numeric expression of a sentence, read once, with what
//! it counts, the words around it, the period it refers to, its modality
//! and who it is attributed to. Rules select readings (see
//! `extract::frames`) instead of matching a regex per phrasing.
//!
//! A reading's own stretch of text (its *window*) runs from the previous
//! number or clause boundary to the next: in "aid cut from 0.7% of GDP to
//! 0.4% to fund defence at 2.2%", "defence" is in the window of 2.2% only.

mod attribution;
mod modality;
mod period;
pub mod words;

pub use attribution::{attribution, nearest as nearest_source, sources};
pub use modality::detect_modality;
pub use period::{period_of, Neighbours, Period};
pub use words::{words, WordList};

use crate::claim::Modality;
use crate::date::Date;
use crate::quantity::{self, Quantity, ReadOptions, Unit};
use std::ops::Range;

/// One numeric expression of a sentence, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// Where the expression is, in the sentence.
    pub range: Range<usize>,
    pub quantity: Quantity,
    /// Lower-case words of what follows the number ("asian and pacific
    /// countries", "people have died"), up to a preposition, a determiner,
    /// punctuation or four words.
    pub after: Vec<String>,
    /// Lower-case words just before the number, within its window, at most
    /// ten ("the death toll rose to", "a contingent numbering").
    pub before: Vec<String>,
    /// How many of the first words of `before` are another figure's, lent
    /// to this one (the figure before it in the sentence, or the previous
    /// sentence's for a bare count): they say what it counts, never who
    /// gave it.
    pub borrowed: usize,
    /// What a share is a share of ("gdp", "gross domestic product").
    pub base: Option<Vec<String>>,
    /// The reading's own stretch of the sentence (see the module doc).
    pub window: Range<usize>,
    /// The lower-case words of `window` (read once: every frame rule asks).
    pub window_words: Vec<String>,
    /// The clause holding the number.
    pub clause: Range<usize>,
    pub period: Option<Period>,
    pub modality: Modality,
    /// The day a changing figure stands as of, when its clause says so
    /// ("as of Thursday", "by Wednesday the ministry had 5,300").
    pub as_of: Option<Date>,
    /// The day the figure's own words give it for, right after it: "up
    /// from 1.12 million on January 19", "against 26,000 on Jan. 19". A
    /// figure of another day than the sentence's event belongs to that
    /// day's event (see `extract::frames`).
    pub on: Option<Date>,
    /// A figure set against the sentence's own for comparison: "up from
    /// 1.12 million", "against 26,000", "compared with 650,000". Unless
    /// `on` says its day, it is of no event the sentence names.
    pub compared: bool,
    /// A part of a figure named before it, not a whole: "made up of €312.5bn
    /// in grants", "£40 million of that", "the remaining £20 million".
    pub part: bool,
    /// A sum of the figure's thing and others, not its own figure: "taken
    /// together, the five rebates come to…", "together with the fund, the
    /// total comes to…", "a combined 33 million cubic metres".
    pub sum: bool,
    /// An impression, not a figure: a magnitude said in one word
    /// ("dozens", "thousands", "Millions march").
    pub vague: bool,
    /// A rise or fall, not a level: "would rise by €25 million to €823
    /// million", "Austria's by €50 million to €287 million", "an increase
    /// of 5%"; or a difference: "290 more MPs than the Conservatives".
    pub change: bool,
    /// The figure has no verb of its own: it shares the one of the figure
    /// before it, left out ("put Labour on 430 seats and the Conservatives
    /// on 126", "the prefecture counted 10,000, the unions 55,000"), or it
    /// stands in apposition to that figure ("…on 126, a majority of
    /// 210"). It is said the way that figure is (see `extract::frames`).
    pub shares_verb: bool,
}

/// Word starts that make a following "by" (or "of") figure a change:
/// "rise by", "cut … by", "an increase of"; and short words matched whole.
const CHANGE_STARTS: &[&str] = &[
    "rise",
    "rose",
    "risen",
    "rising",
    "increas",
    "grow",
    "grew",
    "fall",
    "fell",
    "drop",
    "reduc",
    "rais",
    "lift",
    "boost",
    "climb",
    "jump",
    "declin",
    "shrink",
    "shrank",
    "shrunk",
    "contract",
    "expand",
    "swell",
    "swoll",
    "trim",
    "slash",
    "lower",
    "gain",
    "widen",
    "narrow",
    "sweeten",
    "hike",
    "hiking",
    "surg",
    "soar",
    "plung",
    "slump",
    "slid",
    "slipp",
    "decreas",
    "collaps",
    "tumbl",
    "topp",
    "outnumber",
];
const CHANGE_WORDS: &[&str] = &["up", "down", "cut", "cuts", "top", "tops", "add", "adds", "added"];

/// A word of a figure's rise or fall ("rose", "cut", "increased").
fn change_word(w: &str) -> bool {
    CHANGE_WORDS.contains(&w) || CHANGE_STARTS.iter().any(|c| w.starts_with(c))
}

/// Is the figure after `before` a change? `to_next`: the next figure
/// follows after a bare "to" ("by €50 million to €287 million").
fn is_change(before: &[String], to_next: bool) -> bool {
    let Some((last, rest)) = before.split_last() else {
        return false;
    };
    match last.as_str() {
        "by" => to_next || rest.iter().rev().take(6).any(|w| change_word(w)),
        "of" => rest.last().is_some_and(|w| {
            matches!(
                w.as_str(),
                "increase"
                    | "rise"
                    | "drop"
                    | "fall"
                    | "cut"
                    | "reduction"
                    | "decline"
                    | "jump"
                    | "hike"
                    | "gain"
                    | "contraction"
                    | "growth"
                    | "expansion"
                    | "surge"
                    | "difference"
                    | "gap"
                    | "swing"
            )
        }),
        _ => false,
    }
}

/// Magnitudes said in one word: [`Reading::vague`].
const VAGUE_WORDS: &[&str] = &["dozens", "scores", "hundreds", "thousands", "millions", "billions"];

/// Does `text` end with a possessive word ("the unions' ")?
fn possessive_before(text: &str) -> bool {
    let t = text.trim_end();
    ["'s", "’s", "'", "’"].iter().any(|p| {
        t.strip_suffix(p)
            .and_then(|w| w.chars().next_back())
            .is_some_and(char::is_alphabetic)
    })
}

/// Sources that give a figure without their verb when they come right
/// before it: "police 10,000, the unions 55,000".
const GAPPED_SOURCES: &[&str] = &[
    "police",
    "organisers",
    "organizers",
    "unions",
    "union",
    "officials",
    "authorities",
    "ministry",
    "prefecture",
];

/// `text` with its possessive words ("unions'", "ministry's") blanked.
fn without_possessives(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['\'', '’']) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    for token in text.split_inclusive(char::is_whitespace) {
        let word = token.trim_end();
        let owner = ["'s", "’s", "'", "’"].iter().any(|p| {
            word.trim_end_matches([',', ';', ':'])
                .strip_suffix(p)
                .and_then(|w| w.chars().next_back())
                .is_some_and(char::is_alphabetic)
        });
        if owner {
            out.push_str(&" ".repeat(token.len()));
        } else {
            out.push_str(token);
        }
    }
    out.into()
}

/// Words that say nothing of what a number counts: "61 people" leaves it
/// to the words before ("killing at least 61 people").
const GENERIC: &[&str] = &[
    "people",
    "persons",
    "others",
    "more",
    "individuals",
    "in",
    "of",
    "overnight",
    "once",
    "given",
    "higher",
    "lower",
    "again",
    "already",
    "now",
    "so",
    "far",
    "yet",
    "mark",
    "figure",
    "level",
    "threshold",
];

/// Words after a number that are not what it counts: pronouns of a
/// partitive ("80,000 of them in Paris") and adverbs of time ("from 62
/// then"); [`SCOPE_ADVERBS`] are not either.
const NOT_COUNTED: &[&str] = &["them", "those", "these", "all", "each", "then", "before", "later"];

/// Adverbs of scope or time right after a figure say it names nothing: in
/// "drew 963,000 nationwide" or "rose to 2,310 today" the figure names
/// nothing after it, so the words before it say what it counts.
const SCOPE_ADVERBS: &[&str] = &[
    "nationwide",
    "nationally",
    "countrywide",
    "worldwide",
    "globally",
    "overall",
    "altogether",
    "apiece",
    "alone",
    "respectively",
    "today",
    "tonight",
    "yesterday",
    "currently",
    "now",
    "previously",
    "earlier",
];

/// Verbs that stand where a count's noun would be: "and two were
/// missing", "four have died".
const ELLIPTIC_VERBS: &[&str] = &[
    "were", "was", "are", "is", "had", "have", "has", "remain", "remained", "remains", "died", "survived",
];

/// Verbs that state a figure for a day ("put … at 116 on Friday", "the
/// toll stood at 3,958 on Sunday").
const STATED: &[&str] = &[
    "certified",
    "put",
    "puts",
    "gave",
    "gives",
    "counted",
    "recorded",
    "registered",
    "reported",
    "stood",
    "stands",
    "reached",
    "totalled",
    "totaled",
];

/// Words before "to" that move a figure rather than name it ("rose to",
/// "back to"): a figure after them may count what the one before counted.
const MOVES: &[&str] = &[
    "back", "rose", "risen", "rise", "rises", "fell", "fallen", "fall", "falls", "swung", "grew", "grown", "up",
    "down", "and", "or", "from", "it", "them", "million", "billion", "thousand",
];

/// Irregular past tenses of news copy, for [`Reading::verb_after`].
const PAST_VERBS: &[&str] = &[
    "took", "went", "came", "made", "gave", "left", "fled", "lost", "got", "stood", "held", "ran", "fell", "rose",
    "said", "told", "saw", "met", "sent", "kept", "brought", "began", "spent",
];

/// Participles that news copy counts as nouns ("61 killed and 200
/// injured"): after a number they say what it counts, not what it did.
const COUNTED_PARTICIPLES: &[&str] = &[
    "injured",
    "wounded",
    "killed",
    "displaced",
    "detained",
    "arrested",
    "evacuated",
    "affected",
    "confirmed",
    "registered",
    "infected",
    "hospitalised",
    "hospitalized",
    "rescued",
    "trapped",
    "stranded",
    "employed",
    "unemployed",
    "surveyed",
    "polled",
    "questioned",
    "interviewed",
    "deported",
    "expelled",
    "jailed",
    "imprisoned",
    "sentenced",
    "convicted",
    "charged",
    "vaccinated",
    "insured",
    "enrolled",
];

/// Finite forms of "be", "have" and the modals: a clause with one of them
/// has a verb of its own ("… and inflation is 3%", "there were 400").
const FINITE_HELPERS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "may", "might", "could",
];

/// Verbs that raise what is said of a count: "known to have died",
/// "believed to be missing", "said to have fled".
const RAISING_VERBS: &[&str] = &[
    "known",
    "believed",
    "thought",
    "feared",
    "said",
    "reported",
    "confirmed",
    "estimated",
    "understood",
    "presumed",
];

/// Helper verbs and adverbs between a count and what it says of it.
const AUXILIARIES: &[&str] = &[
    "may",
    "might",
    "could",
    "would",
    "will",
    "have",
    "has",
    "had",
    "been",
    "be",
    "are",
    "is",
    "was",
    "were",
    "still",
    "also",
    "now",
    "already",
    "reportedly",
    "feared",
    "believed",
    "thought",
    "being",
    "yet",
];

/// Nouns a figure is given as ("the count", "the tally"): after a number
/// they are what it counts ("twelve daily counts").
const TALLY_NOUNS: &[&str] = &[
    "count",
    "counts",
    "tally",
    "tallies",
    "figure",
    "figures",
    "estimate",
    "estimates",
    "tolls",
];

/// A verb after a figure or its noun: a past form ("marched", "took"), or
/// one of a count's elliptic verbs ("were", "died").
fn is_verb(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed") && !COUNTED_PARTICIPLES.contains(&w))
        || PAST_VERBS.contains(&w)
        || ELLIPTIC_VERBS.contains(&w)
}

impl Reading {
    /// The words that say what the number counts: those after it, or when
    /// there are none (or only "people") the ones just before it.
    pub fn counted_by(&self, list: &WordList) -> bool {
        self.counted_distance(list).is_some()
    }

    /// How far from the number the word of `list` it counts is: its place
    /// among the words after it, or, when what it counts was said before
    /// it, past those, counted back from the number. Of two rules that take
    /// one figure for different words, the nearer word says what it counts:
    /// "Across the whole fund, grants fell to €390 billion" counts grants.
    pub fn counted_distance(&self, list: &WordList) -> Option<usize> {
        if let Some(at) = list.position(&self.after, false) {
            // "the ministry's ten counts", "two tallies": a number of counts
            // counts counts, not what they counted (a rule that takes "the
            // count was 80,000" by its word before the figure).
            if TALLY_NOUNS.contains(&self.after[at].as_str()) {
                return None;
            }
            // "people" says least: "9,000 people remain missing" counts the
            // missing for a rule of missing people, not marchers.
            let generic = GENERIC.contains(&self.after[at].as_str());
            return Some(if generic { 1000 + at } else { at });
        }
        // "1.12 million people marched": a generic noun with a word of its
        // own after it says what the figure counts (here marchers, for a
        // rule of deaths that "the ministry's count" before it would take).
        // Not "killed 60 people elsewhere": a verb must follow.
        let generic_said = self.after.len() > 1
            && GENERIC.contains(&self.after[0].as_str())
            && self.after[1..]
                .iter()
                .find(|w| !AUXILIARIES.contains(&w.as_str()))
                .is_some_and(|w| is_verb(w));
        let before_counts = (self.after.is_empty()
            || (GENERIC.contains(&self.after[0].as_str()) && !generic_said)
            || self.verb_after())
            && !self.starts_own_clause();
        // Past a verb of counting or saying, the words before it name the
        // source; the verb itself may still say what it counts ("the
        // prefecture counted 7,000", a crowd, for a pack that says so), and
        // so may words lent by another figure.
        let at = if !before_counts {
            None
        } else if self.source_verb_before() {
            let verb = self.before.len() - 1;
            list.position(&self.before[verb..], true)
                .map(|_| verb)
                .or_else(|| list.position(&self.before[..self.borrowed.min(verb)], true))
        } else {
            list.position(&self.before, true)
        };
        at.map(|at| {
            let generic = GENERIC.contains(&self.before[at].as_str());
            (if generic { 1000 } else { 0 }) + self.after.len() + (self.before.len() - at)
        })
    }

    /// A verb of counting or saying right before the number: the words
    /// before it name who gave the figure, not what it counts ("where the
    /// unions had counted 18,000"), unlike "crowds estimated at 5,000".
    /// Narrower than the attribution verbs (`attribution::VERBS`): with
    /// those ("recorded", "put", "gave", "told", …) the development corpus
    /// lost a claim and 35 relation pairs.
    fn source_verb_before(&self) -> bool {
        self.before.last().is_some_and(|w| {
            matches!(
                w.as_str(),
                "counted"
                    | "counts"
                    | "count"
                    | "said"
                    | "says"
                    | "say"
                    | "estimated"
                    | "estimates"
                    | "estimate"
                    | "claimed"
                    | "claims"
                    | "claim"
                    | "reported"
                    | "reports"
                    | "tallied"
                    | "announced"
            )
        })
    }

    /// A verb right after the number: the figure is the subject of its
    /// clause and what it counts was said before it ("crowds of 1.72
    /// million took to the streets").
    fn verb_after(&self) -> bool {
        self.after.first().is_some_and(|w| is_verb(w))
    }

    /// The first word after the number that says what it counts, other
    /// than generic words, helper verbs and the words of `allowed`.
    pub fn own_noun(&self, allowed: &WordList) -> Option<&str> {
        self.after
            .iter()
            .find(|w| {
                !GENERIC.contains(&w.as_str())
                    && !AUXILIARIES.contains(&w.as_str())
                    && !NOT_COUNTED.contains(&w.as_str())
                    && !SCOPE_ADVERBS.contains(&w.as_str())
                    && !allowed.matches(std::slice::from_ref(*w))
            })
            .map(String::as_str)
    }

    /// "…were injured and 172 people were arrested": a count right after a
    /// conjunction, with its own noun and its own verb after it, says what
    /// it counts itself; the words before the conjunction are another
    /// figure's.
    fn starts_own_clause(&self) -> bool {
        let after_conjunction = self
            .before
            .last()
            .is_some_and(|w| matches!(w.as_str(), "and" | "but" | "while" | "whereas"));
        let noun = self
            .after
            .first()
            .is_some_and(|w| matches!(w.as_str(), "people" | "persons" | "others" | "individuals"));
        let says_more = self.after[1.min(self.after.len())..]
            .iter()
            .any(|w| !GENERIC.contains(&w.as_str()) && !AUXILIARIES.contains(&w.as_str()));
        after_conjunction && noun && says_more
    }

    pub fn is_share(&self) -> bool {
        self.quantity.unit == Unit::Percent
    }

    pub fn is_money(&self) -> bool {
        matches!(self.quantity.unit, Unit::Money(_))
    }
}

/// The words before a figure without a dash aside that closes right
/// before it: "51,695 belong to delegations - the figure includes the
/// teams some countries bring - and 25,360 to observers" (the aside's
/// "countries" is not what 25,360 counts). The words before the aside
/// stay.
fn without_aside(lead: &str) -> std::borrow::Cow<'_, str> {
    let Some(close) = lead.rfind(" - ") else {
        return lead.into();
    };
    let Some(open) = lead[..close].rfind(" - ") else {
        return lead.into();
    };
    if lead[close + 3..].split_whitespace().count() > 1 {
        return lead.into();
    }
    format!("{}{}", &lead[..open], &lead[close + 2..]).into()
}

/// The words after a figure without an aside that places a part of it:
/// in "more than 6,000 people had died, most of them in Derna" Derna is
/// where most died, not the place of the figure. The aside runs from its
/// comma to the next comma or the end.
fn without_part_aside(after: &str) -> std::borrow::Cow<'_, str> {
    const PARTS: [&str; 12] = [
        // "mostly" before "most": the first prefix found is taken.
        "mostly",
        "most",
        "many",
        "some",
        "half",
        "all",
        "nearly all",
        "almost all",
        "the majority",
        "the bulk",
        "a third",
        "the rest",
    ];
    if !after.contains(", ") {
        return after.into();
    }
    let lower = after.to_ascii_lowercase();
    for (at, _) in lower.match_indices(", ") {
        let rest = &lower[at + 2..];
        let Some(rest) = PARTS.iter().find_map(|p| rest.strip_prefix(p)) else {
            continue;
        };
        let rest = rest
            .strip_prefix(" of them")
            .or(rest.strip_prefix(" of whom"))
            .unwrap_or(rest);
        if !["in ", "from ", "at ", "near ", "outside "]
            .iter()
            .any(|p| rest.strip_prefix(' ').is_some_and(|r| r.starts_with(p)))
        {
            continue;
        }
        let end = lower[at + 2..].find([',', ';']).map_or(after.len(), |e| at + 2 + e);
        return format!("{}{}", &after[..at], &after[end..]).into();
    }
    after.into()
}

/// Clause boundaries: a semicolon, a dash between spaces, and a comma or
/// space before a conjunction that starts a new statement.
fn clauses(sentence: &str) -> Vec<Range<usize>> {
    const BREAKS: [&str; 11] = [
        "; ",
        " — ",
        " – ",
        " -- ",
        ", while ",
        " while ",
        ", whereas ",
        ", but ",
        " but ",
        ", and ",
        ", although ",
    ];
    let lower = sentence.to_ascii_lowercase();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for b in BREAKS {
        for (at, _) in lower.match_indices(b) {
            cuts.push((at, at + b.len()));
        }
    }
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut start = 0;
    for (at, next) in cuts {
        if at >= start {
            out.push(start..at);
            start = next;
        }
    }
    out.push(start..sentence.len());
    out
}

const STOP_AFTER: &[&str] = &[
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "this",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "than",
    "as",
    "since",
    "until",
    "after",
    "before",
    "during",
    "per",
    "into",
    "across",
    "against",
    "according",
    "while",
    "but",
    "or",
    "if",
    "when",
    "where",
    "so",
    "because",
];

/// Does `w` state a bare figure: a verb of [`STATED`], saying or holding?
/// "The CGT says 1.7 million", "The Liberal Democrats have 71".
fn states_bare(w: &str) -> bool {
    STATED.contains(&w)
        || matches!(
            w,
            "says"
                | "said"
                | "say"
                | "counts"
                | "has"
                | "have"
                | "had"
                | "claimed"
                | "claims"
                | "estimated"
                | "estimates"
                | "reports"
                | "got"
                | "won"
                | "took"
                | "saw"
                | "putting"
        )
}

/// Could `sentence` state a bare count after a stating verb ("The CGT
/// says 1.7 million")? A cheap test before reading it.
pub fn may_be_bare_count(sentence: &str) -> bool {
    sentence.bytes().any(|b| b.is_ascii_digit()) && words(sentence).iter().any(|w| states_bare(w))
}

/// Figures of a sentence that count nothing of their own, right after a
/// stating verb ("The CGT says 1.7 million", "The Liberal Democrats have
/// 71, the SNP nine"), count what the previous sentence's last figure
/// counted (`counted`: its unit and words), when they are of its unit.
pub fn carry_counted(readings: &mut [Reading], counted: &(Unit, Vec<String>)) {
    let (unit, after) = counted;
    let mut carrying = false;
    for r in readings.iter_mut() {
        if r.quantity.unit != *unit || !r.after.is_empty() || r.part || r.sum {
            carrying = false;
            continue;
        }
        // …or "putting the Liberal Democrats on 66": a stating verb, its
        // object, then "on" or "at".
        let stated = r.before.last().is_some_and(|w| states_bare(w))
            || (r.before.last().is_some_and(|w| w == "on" || w == "at")
                && r.before.iter().rev().skip(1).take(4).any(|w| {
                    matches!(
                        w.as_str(),
                        "put" | "puts" | "putting" | "has" | "had" | "have" | "having"
                    )
                }));
        // The first needs its verb; the ones listed after it share it.
        if stated || carrying {
            // As words before it ("the union put the capital's march at
            // 400,000" keeps its own "march").
            r.before.splice(0..0, after.iter().cloned());
            r.borrowed += after.len();
            carrying = true;
        }
    }
}

/// A list item ("- Marseille: 40,000 (26,000)", "- Labour 33.7%") under a
/// lead-in line ending in a colon ("Prefecture counts elsewhere:", "Shares
/// of the UK vote, with 2019 in brackets:") counts what the lead-in names
/// when it names nothing itself: the lead-in's words stand before its
/// figures (not in its own words: "with 2019 in brackets" dates none of
/// them), and a share with no base of its own takes the lead-in's. A
/// figure in brackets right after another is set against it.
pub fn carry_lead_in(readings: &mut [Reading], item: &str, lead_in: &str) {
    let lead: Vec<String> = words(lead_in)
        .into_iter()
        .filter(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    if lead.is_empty() {
        return;
    }
    let lower = lead_in.to_lowercase();
    let base = lower.find(" of ").and_then(|i| share_base(&lower[i + 1..]));
    let mut previous_end: Option<usize> = None;
    for r in readings.iter_mut() {
        let bracketed = previous_end
            .and_then(|end| item.get(end..r.range.start))
            .is_some_and(|gap| gap.trim() == "(");
        previous_end = Some(r.range.end);
        if bracketed {
            r.compared = true;
        }
        let names_nothing = r.after.first().is_none_or(|w| {
            GENERIC.contains(&w.as_str()) || matches!(w.as_str(), "according" | "for" | "by" | "from" | "each")
        });
        if !names_nothing || r.part || r.sum {
            continue;
        }
        r.before.splice(0..0, lead.iter().cloned());
        r.borrowed += lead.len();
        if r.is_share() && r.base.is_none() {
            r.base.clone_from(&base);
        }
    }
}

/// "11,300 people had died in Derna, and a further 10,100 were missing in
/// the city", "health officials put the city's toll at 5,500": a figure
/// whose own words name its place only as "the city", "the town" or
/// "there" is of the place last named before it in its paragraph
/// (`paragraph_before`, the paragraph's text before `sentence`, then the
/// sentence up to the figure). That place's words join the figure's own
/// words, so rules select it as if the text had named it. `places` are the
/// lower-case words of the places a pack knows (its cities and towns, its
/// events' places).
pub fn resolve_place_anaphora(
    readings: &mut [Reading],
    paragraph_before: &str,
    sentence: &str,
    places: &[Vec<String>],
) {
    // Read only when a figure points back, once per sentence.
    let mut earlier: Option<Vec<String>> = None;
    for r in readings.iter_mut() {
        if !points_to_a_place(&r.window_words) {
            continue;
        }
        let mut before = earlier.get_or_insert_with(|| words(paragraph_before)).clone();
        before.extend(words(&sentence[..r.range.start]));
        let last = places
            .iter()
            .filter(|p| !p.is_empty())
            .filter_map(|p| {
                before
                    .windows(p.len())
                    .rposition(|w| w == p.as_slice())
                    .map(|at| (at, p))
            })
            .max_by_key(|(at, p)| (*at, p.len()));
        if let Some((_, place)) = last {
            if !r.window_words.windows(place.len()).any(|w| w == place.as_slice()) {
                r.window_words.extend(place.iter().cloned());
            }
        }
    }
}

/// Do a figure's own words name its place by a stand-in: "the city",
/// "the town", "there" (not the "there" of "there were")?
fn points_to_a_place(window: &[String]) -> bool {
    window.iter().enumerate().any(|(i, w)| match w.as_str() {
        "city" | "town" => i > 0 && window[i - 1] == "the",
        "there" => !window.get(i + 1).is_some_and(|next| {
            FINITE_HELPERS.contains(&next.as_str())
                || matches!(
                    next.as_str(),
                    "s" | "seem" | "seems" | "appear" | "appears" | "remain" | "remains"
                )
        }),
        _ => false,
    })
}

/// Every numeric expression of `sentence`, read. `published` resolves
/// "this year" and "last year".
pub fn read_sentence(sentence: &str, published: Option<Date>) -> Vec<Reading> {
    read_sentence_told_from(sentence, published, None)
}

/// [`read_sentence`] in a retrospective passage: `anchor` is the day the
/// passage is told from ([`crate::event::when::narrative_anchor`]), which
/// places a bare weekday ("By Wednesday the ministry had 5,300 dead").
pub fn read_sentence_told_from(sentence: &str, published: Option<Date>, anchor: Option<Date>) -> Vec<Reading> {
    let opts = ReadOptions::default();
    let mut found: Vec<(Range<usize>, Quantity)> = quantity::find_iter(sentence, &opts)
        .flat_map(|(range, q)| reread(sentence, range, q, &opts))
        .collect();
    if found.is_empty() {
        return Vec::new();
    }
    join_durations(sentence, &mut found);
    let clauses = clauses(sentence);
    let mut out = Vec::with_capacity(found.len());
    for (i, (range, q)) in found.iter().enumerate() {
        let clause = clauses
            .iter()
            .find(|c| c.start <= range.start && range.start < c.end.max(c.start + 1))
            .cloned()
            .unwrap_or(0..sentence.len());
        let start = if i > 0 {
            split_point(sentence, found[i - 1].0.end, range.start)
        } else {
            0
        };
        let end = match found.get(i + 1) {
            Some(next) => split_point(sentence, range.end, next.0.start),
            None => sentence.len(),
        };
        let window = start.max(clause.start)..end.min(clause.end).max(range.end);
        let after_text = &sentence[range.end..window.end];
        // A key-figures line ("4,255 - deaths recorded (WHO)"): a figure
        // opening its line names what it counts after a dash.
        let opens_line = sentence[..range.start]
            .trim_start_matches(['-', '*', '•', ' '])
            .is_empty();
        let line_rest = &sentence[range.end..found.get(i + 1).map_or(sentence.len(), |next| next.0.start)];
        let label = line_rest
            .trim_start_matches(['+', ' '])
            .strip_prefix(['-', '–', '—'])
            .filter(|rest| opens_line && rest.starts_with(' '));
        let after_text = label.unwrap_or(after_text);
        // Money says what it is for after a preposition: "€390bn in grants".
        let money = matches!(q.unit, Unit::Money(_));
        let mut lead = true;
        // What it counts ends at punctuation: "2,310, officials said".
        let phrase_end = after_text
            .find([',', ';', ':', '(', ')', '.', '"', '“', '”', '—', '–', '!', '?'])
            .unwrap_or(after_text.len());
        let phrase_end = after_text[..phrase_end].find(" - ").unwrap_or(phrase_end);
        let mut content = 0;
        // A duration read whole ("91 hours and 31 minutes") counts hours.
        let own = &sentence[range.clone()];
        let duration = (q.unit == Unit::Count && own.contains("hour") && quantity::hours_and_minutes(own).is_some())
            .then(|| "hours".to_string());
        // "About 170 of the recorded deaths": a part of what the noun
        // after "of the" counts (a figure for a total after it is read by
        // `parts_of_totals`).
        let partitive = q.unit == Unit::Count && partitive_noun(&after_text[..phrase_end]);
        let mut of_seen = false;
        let after: Vec<String> = duration
            .into_iter()
            .chain(words(&after_text[..phrase_end]))
            .skip_while(|w| {
                let skip = lead
                    && ((w == "of" && q.unit == Unit::Percent)
                        || (money && matches!(w.as_str(), "in" | "of" | "as" | "worth" | "for" | "on" | "a" | "an"))
                        || (partitive
                            && (w == "of"
                                || (of_seen && matches!(w.as_str(), "the" | "its" | "their" | "these" | "those")))));
                of_seen = w == "of";
                lead = skip;
                skip
            })
            .collect::<Vec<_>>()
            .into_iter()
            .scan(None::<String>, |previous, w| {
                // "€390 billion will be distributed as grants": a money's
                // participle and "as" name what it is paid out as.
                let as_after_participle = money
                    && w == "as"
                    && previous
                        .as_deref()
                        .is_some_and(|p| p.ends_with("ed") || matches!(p, "paid" | "given" | "lent" | "spent" | "set"));
                // "3,958 people are known to have died": a raising verb's
                // "to" goes on to what is said of them.
                let raised = (w == "to" && previous.as_deref().is_some_and(|p| RAISING_VERBS.contains(&p)))
                    || (w == "as"
                        && previous.as_deref().is_some_and(|p| {
                            matches!(
                                p,
                                "listed"
                                    | "registered"
                                    | "recorded"
                                    | "classed"
                                    | "classified"
                                    | "counted"
                                    | "declared"
                            )
                        }));
                // "drew 963,000 nationwide": nothing named after it.
                let scope = previous.is_none() && SCOPE_ADVERBS.contains(&w.as_str());
                if (STOP_AFTER.contains(&w.as_str()) || scope) && !as_after_participle && !raised {
                    return None;
                }
                *previous = Some(w.clone());
                Some(w)
            })
            // Helper verbs and adverbs do not use up the four words:
            // "9,000 people are still listed as missing".
            .take_while(|w| {
                if !AUXILIARIES.contains(&w.as_str()) && !RAISING_VERBS.contains(&w.as_str()) && w != "to" && w != "as"
                {
                    content += 1;
                }
                content <= 4
            })
            .collect();
        let mut window_words = match without_part_aside(&sentence[range.end..window.end]) {
            std::borrow::Cow::Borrowed(_) => words(&sentence[window.clone()]),
            std::borrow::Cow::Owned(rest) => words(&format!("{}{rest}", &sentence[window.start..range.end])),
        };
        // A possessive owns the number, it is not what it counts: "the
        // unions' 50,000", "the unions' figure was 3.5 million".
        let lead = &sentence[window.start..range.start];
        let mut before_all = words(&without_possessives(&without_aside(lead)));
        // A source right before the number gives it, with its verb left
        // out: "the prefecture counted 10,000 people, the unions 55,000".
        let mut owned = possessive_before(lead);
        if before_all.last().is_some_and(|w| GAPPED_SOURCES.contains(&w.as_str())) {
            before_all.pop();
            owned = true;
        }
        // A count that names nothing after it counts what the count
        // before it in the sentence counted: "1.27 million demonstrators,
        // up from 1.12 million on January 19", "the unions 55,000".
        // Only within one stretch of the sentence (`same_stretch`), and not
        // for a figure its own words set a level of: "raise the pension age
        // to 64", "put the toll at 5,300", "a majority of 174". The word
        // before "to" names the thing ("age"), not a move ("rose to", "from
        // 2,000 to 11,300 and back to 4,000").
        let own_level = match before_all.as_slice() {
            [.., thing, last] if matches!(last.as_str(), "to" | "at" | "until" | "of") => {
                !(thing.ends_with("ed")
                    || thing.starts_with(|c: char| c.is_ascii_digit())
                    || MOVES.contains(&thing.as_str()))
            }
            _ => false,
        };
        let inherited = out.last().filter(|previous: &&Reading| {
            after.is_empty()
                && !own_level
                && previous.quantity.unit == q.unit
                && (owned || q.unit == Unit::Count)
                && same_stretch(sentence, previous, range)
        });
        // A count with a verb where its noun would be ("three rescuers had
        // died and two were missing") is of the noun of the count before
        // it: that noun qualifies it too (two rescuers, not two people).
        let elliptic = after.first().is_some_and(|w| ELLIPTIC_VERBS.contains(&w.as_str()));
        if let Some(previous) = out.last().filter(|previous: &&Reading| {
            elliptic
                && previous.quantity.unit == q.unit
                && previous
                    .after
                    .first()
                    .is_some_and(|w| !ELLIPTIC_VERBS.contains(&w.as_str()))
                && same_stretch(sentence, previous, range)
        }) {
            window_words.push(previous.after[0].clone());
        }
        let mut borrowed = 0;
        // "…the Conservatives on 126, a majority of 210": a comma and an
        // article, then the figure's noun, is an apposition.
        let appositive = out.last().is_some_and(|previous: &Reading| {
            sentence
                .get(previous.range.end..range.start)
                .and_then(|gap| gap.trim_start().strip_prefix(','))
                .is_some_and(|rest| {
                    let rest = words(rest);
                    matches!(rest.first().map(String::as_str), Some("a" | "an")) && rest.len() <= 5
                })
        });
        let mut shares_verb = inherited.is_some() || appositive;
        let after = match inherited {
            Some(previous) if !previous.after.is_empty() => previous.after.clone(),
            // …and where that count named it before itself, its words
            // before: "the union put turnout at 3.5 million and said it
            // had counted 2.5 million on Jan. 31".
            Some(previous) => {
                before_all.splice(0..0, previous.before.iter().cloned());
                borrowed = previous.before.len();
                after
            }
            None => after,
        };
        let cut = before_all.len().saturating_sub(10);
        let before: Vec<String> = before_all[cut..].to_vec();
        let borrowed = borrowed.saturating_sub(cut);
        let to_next = found
            .get(i + 1)
            .and_then(|next| sentence.get(range.end..next.0.start))
            .is_some_and(|gap| gap.trim().eq_ignore_ascii_case("to"));
        // "290 more MPs than the Conservatives", "some 600,000 fewer votes
        // than in 2019": a difference between two figures, not a level.
        let difference = matches!(after.first().map(String::as_str), Some("more" | "fewer" | "less"))
            && words(&sentence[range.end..clause.end.max(range.end)])
                .iter()
                .take(6)
                .any(|w| w == "than");
        let change = is_change(&before, to_next) || difference;
        // The base may run past a year the reader took as a figure: "of
        // Spain's 2019 gross domestic product".
        let mut base = (q.unit == Unit::Percent)
            .then(|| {
                share_base(&sentence[range.end..clause.end.max(range.end)])
                    .or_else(|| quantity::group_of(&sentence[range.clone()]).map(|g| words(&g)))
            })
            .flatten();
        // "polled 4,117,610 votes, 14.3 percent of the total": the total of
        // what the figure before it counts.
        if base
            .as_deref()
            .is_some_and(|b| b.first().is_some_and(|w| w == "total") && b.len() == 1)
        {
            if let Some(previous) = out.last().filter(|previous: &&Reading| {
                previous.quantity.unit != Unit::Percent
                    && !previous.after.is_empty()
                    && same_stretch(sentence, previous, range)
            }) {
                base = Some(previous.after.clone());
            }
        }
        // "Labour won 33.7% of the UK vote and the Conservatives 23.7%": a
        // share whose verb is left out is a share of what the share before
        // it was of.
        let gapped_share = base.is_none()
            && q.unit == Unit::Percent
            && out.last().is_some_and(|previous: &Reading| {
                previous.base.is_some()
                    && previous.quantity.unit == Unit::Percent
                    && gapped_conjunct(sentence, previous, range)
            });
        if gapped_share {
            base = out.last().and_then(|previous| previous.base.clone());
            shares_verb = true;
        }
        // "union sources put participation at 25%, down from 36% on January
        // 31 and 46% on January 19": a share set against the share before
        // it, or listed after it with no verb, is a share of the same thing:
        // the words that say what that share measures are its own too.
        if base.is_none() && q.unit == Unit::Percent {
            if let Some(previous) = out.last().filter(|previous: &&Reading| {
                previous.quantity.unit == Unit::Percent
                    && same_stretch(sentence, previous, range)
                    && (is_compared(&before_all) || (previous.compared && gapped_conjunct(sentence, previous, range)))
            }) {
                base = previous.base.clone();
                window_words.extend(previous.window_words.iter().cloned());
                shares_verb = true;
            }
        }
        let neighbours = Neighbours {
            previous: i.checked_sub(1).map(|j| found[j].0.clone()),
            next_start: found.get(i + 1).map(|next| next.0.start),
        };
        let mut period = period_of(sentence, &clause, range, &window, &neighbours, published);
        // Modality cues up to what the number counts, not in a later clause.
        // …and the few words after it: "€237 million offered in a draft".
        let next_words: Vec<String> = words(&sentence[range.end..window.end])
            .into_iter()
            .take(after.len() + 4)
            .collect();
        let mut modality = detect_modality(&format!(
            "{} {}",
            &sentence[clause.start..range.end],
            next_words.join(" ")
        ));
        if modality == Modality::Fact && period.as_ref().is_some_and(|p| p.by) {
            modality = Modality::Target;
        }
        // "€500 billion in the Commission's proposal", "€450bn, in Charles
        // Michel's first revised paper": the figure is what a proposal says.
        if modality == Modality::Fact && in_a_proposal(&sentence[range.end..clause.end.max(range.end)]) {
            modality = Modality::Target;
        }
        // A list after a colon is said the way its lead-in says it: "the
        // exit poll projects a landslide: 410 seats for Labour, 131 for the
        // Conservatives".
        if modality == Modality::Fact {
            if let Some(colon) = sentence[..range.start].rfind(':') {
                if colon < clause.start {
                    modality = detect_modality(&sentence[..colon]);
                }
            }
        }
        // "If right, that would be a majority of 170": a conditional's
        // figure is an estimate.
        if modality == Modality::Fact
            && conditional(&sentence[..range.start])
            && words(&sentence[clause.start..range.start]).iter().any(|w| w == "would")
        {
            modality = Modality::Estimate;
        }
        // A figure of a year already past is a fact unless its own words
        // say otherwise: "the projection holds, second only to the 418
        // seats won by Tony Blair in 1997".
        let near = || {
            let lead = before.iter().rev().take(5).rev().cloned().collect::<Vec<_>>().join(" ");
            format!("{lead} {}", &sentence[range.start..window.end.max(range.end)])
        };
        if modality != Modality::Fact
            && period
                .as_ref()
                .is_some_and(|p| !p.by && published.is_some_and(|d| p.year < d.year))
            && detect_modality(&near()) == Modality::Fact
        {
            modality = Modality::Fact;
        }
        let clause_for_as_of = clause.clone();
        let mut on = own_day(sentence, range.end..window.end.max(range.end), published);
        // "…with December 5, 2019. That day police counted 806,000
        // marchers": "that day" is the day the passage is told from, and
        // the figure is of its year.
        if on.is_none() {
            if let Some(day) = anchor.filter(|_| names_that_day(&sentence[clause.start..range.start])) {
                on = Some(day);
                if period.is_none() {
                    period = Some(Period {
                        year: day.year,
                        by: false,
                        written: "that day".into(),
                    });
                }
            }
        }
        // "reduced to nine seats, from 48": the figure a move started from.
        let moved_from = before.last().is_some_and(|w| w == "from")
            && out.last().is_some_and(|previous: &Reading| {
                previous.before.last().is_some_and(|w| w == "to") && previous.before.iter().any(|w| change_word(w))
            });
        let compared = is_compared(&before) || moved_from;
        // "put the number of backers at 116 on Friday": a figure stated for
        // a day stands as of it (not "killing 5,000 people on Sunday": the
        // day of what happened).
        let stated = before.iter().any(|w| STATED.contains(&w.as_str()));
        // "4,255 deaths recorded as of 28 September, up from 3,958 on 16
        // September", "certified 3,958 deaths on 16 September and 4,255 by
        // 28 September": a figure stated, or set against another, for a day
        // of its own stands as of that day, not the day its clause gives
        // another figure (but "won 412 seats on Thursday, according to
        // results declared by Friday afternoon" stands as of Friday).
        let set_against = before.iter().any(|w| w == "from");
        let as_of = match (as_of(sentence, &clause_for_as_of, published, anchor), on) {
            (Some(clause_day), Some(own)) if clause_day != own && (stated || set_against) => Some(own),
            (clause_day, own) => clause_day.or(own.filter(|_| stated)),
        };
        let head: String = after_text.chars().take(24).collect();
        let part = is_part(&before, &words(&head)) || partitive || ranked_member(&before);
        // What a colon introduces is a statement of its own.
        let lead_in = &sentence[clause.start..range.start];
        let sum = is_sum(&words(lead_in.rsplit(':').next().unwrap_or(lead_in)));
        // "the ten most climate-vulnerable countries", "the top five
        // emitters", "the world's 20 biggest economies": a selection by
        // rank, not a count of anything.
        if ranked(&before, &after) {
            continue;
        }
        out.push(Reading {
            range: range.clone(),
            quantity: q.clone(),
            after,
            before,
            borrowed,
            base,
            window,
            window_words,
            clause,
            period,
            modality,
            as_of,
            on,
            compared,
            part,
            sum,
            vague: VAGUE_WORDS
                .iter()
                .any(|w| sentence[range.clone()].trim().eq_ignore_ascii_case(w)),
            change,
            shares_verb,
        });
    }
    parts_of_totals(sentence, &mut out);
    place_of_where(sentence, &mut out);
    out.retain(|r| !retracted(&sentence[..r.range.start]));
    out
}

/// "Correction: An earlier version of this article said Brazil's delegation
/// numbered 3,801": a figure a correction withdraws is no one's claim (the
/// right figure, in the next sentence or after a semicolon, is read).
fn retracted(before: &str) -> bool {
    let clause = before.rsplit(';').next().unwrap_or(before);
    // "An earlier version" or "an earlier version", of this article or of
    // the story.
    clause.contains("arlier version of this") || clause.contains("arlier version of the")
}

/// "the drop ranged … to 10.3 points in Wales, where about 56% of voters
/// took part": a clause opened by "where" is about the place named right
/// before it, so that name joins the words of each figure in the clause.
fn place_of_where(sentence: &str, out: &mut [Reading]) {
    if !sentence.contains(", where ") {
        return;
    }
    for r in out.iter_mut() {
        let before = &sentence[..r.range.start];
        let Some(at) = before.rfind(", where ") else {
            continue;
        };
        // The figure stands in the "where" clause itself, not after it.
        if before[at + 2..].contains([',', ';', ':']) {
            continue;
        }
        let name: Vec<&str> = before[..at]
            .split_whitespace()
            .rev()
            .take(5)
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase) || matches!(*w, "of" | "and"))
            .collect();
        let name: Vec<&str> = name
            .into_iter()
            .rev()
            .skip_while(|w| matches!(*w, "of" | "and"))
            .collect();
        if name.is_empty() {
            continue;
        }
        let place = words(&name.join(" "));
        if !r.window_words.windows(place.len()).any(|w| w == place.as_slice()) {
            r.window_words.extend(place);
        }
    }
}

/// "27 of 32 seats", "63 of the 129 seats", "nine out of ten voters": the
/// first count counts what the total counts, as a part of it (a rule takes
/// it with `parts = true`), and the total is a sum of it and the rest: not
/// a figure of the same thing as either.
fn parts_of_totals(sentence: &str, readings: &mut [Reading]) {
    for i in 1..readings.len() {
        let (head, tail) = readings.split_at_mut(i);
        let (part, total) = (&mut head[i - 1], &mut tail[0]);
        let between = sentence
            .get(part.range.end..total.range.start)
            .unwrap_or("")
            .trim()
            .to_lowercase();
        let Some(possessed) = partitive_of(&between) else {
            continue;
        };
        if part.quantity.unit == Unit::Count
            && total.quantity.unit == Unit::Count
            && part.after.first().is_none_or(|w| w == "of" || w == "out")
            && !total.after.is_empty()
        {
            part.after = total.after.clone();
            // "27 of the 32 Welsh seats": what qualifies the whole
            // qualifies its part.
            part.window_words.extend(total.after.iter().cloned());
            part.part = true;
            // "120 of the party's 121 MPs": the total is its owner's figure.
            total.sum = !possessed;
        }
    }
}

/// The words between a part and its total: "of", "out of the", "of its"
/// (`Some(false)`), "of the Senedd's", "of the party's" (a possessive of
/// up to four words: `Some(true)`); `None` for anything else.
fn partitive_of(between: &str) -> Option<bool> {
    let rest = between
        .strip_prefix("out of")
        .or_else(|| between.strip_prefix("of"))
        .map(str::trim_start)?;
    if rest.is_empty() || matches!(rest, "the" | "its" | "their") {
        return Some(false);
    }
    let owner = rest
        .strip_suffix("'s")
        .or_else(|| rest.strip_suffix("’s"))
        .or_else(|| rest.strip_suffix('\''))
        .or_else(|| rest.strip_suffix('’'))?;
    let words: Vec<&str> = owner.split_whitespace().collect();
    ((1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.')))
    .then_some(true)
}

/// Nouns of dispute after which "over" means "about", not "more than":
/// "a fight over €750bn".
const DISPUTE_WORDS: &[&str] = &[
    "fight",
    "fights",
    "fighting",
    "row",
    "rows",
    "dispute",
    "disputes",
    "clash",
    "clashes",
    "battle",
    "battles",
    "wrangle",
    "wrangling",
    "split",
    "talks",
    "negotiations",
    "deadlock",
    "standoff",
    "stand-off",
    "squabble",
    "feud",
    "impasse",
    "divided",
    "haggling",
    "haggle",
    "argue",
    "argued",
    "arguing",
];

/// Second thoughts on what the quantity reader found, with the words
/// before it: "over" after a dispute word is no hedge; "from X to Y" and
/// "by X to Y" are two figures (before and after a change), not a range.
fn reread(sentence: &str, range: Range<usize>, q: Quantity, opts: &ReadOptions) -> Vec<(Range<usize>, Quantity)> {
    let text = &sentence[range.clone()];
    let before = words(&sentence[..range.start]);
    let last = before.last().map(String::as_str).unwrap_or("");
    let lower = text.to_lowercase();
    // "all but six of those seats": the figure is what the rest is not,
    // never a count of its own.
    if let [.., all, but] = before.as_slice() {
        if all == "all" && matches!(but.as_str(), "but" | "except" | "bar") {
            return Vec::new();
        }
    }
    // "the Dutch correction goes up to €1.921 billion", "the loans go up to
    // €300bn": a movement's "up to" is where it lands, not a ceiling.
    if let Some(rest) = lower.strip_prefix("up to ") {
        if matches!(
            last,
            "go" | "goes" | "went" | "gone" | "going" | "come" | "comes" | "came" | "moved" | "moves"
        ) {
            let start = range.end - rest.len();
            if let Some(q) = quantity::read(&sentence[start..range.end], opts) {
                return vec![(start..range.end, q)];
            }
        }
    }
    if let Some(rest) = lower.strip_prefix("over ") {
        if DISPUTE_WORDS.contains(&last) {
            let start = range.end - rest.len();
            if let Some(q) = quantity::read(&sentence[start..range.end], opts) {
                return vec![(start..range.end, q)];
            }
        }
    }
    // "from 62 to 64" after "lift … the age": a change, unless the text
    // speaks of a range ("estimates ranged from 5,000 to 7,000").
    // …or "Labour anywhere from 391 to 466 seats, the Conservatives from
    // 78 to 129": a ranging word a few words back carries to the ranges
    // listed after it.
    let ranging = before.iter().rev().take(12).any(|w| {
        matches!(
            w.as_str(),
            "ranged" | "ranging" | "range" | "ranges" | "varied" | "varying" | "anywhere"
        )
    });
    let from_inside = lower.starts_with("from ") && !ranging;
    if (matches!(last, "from" | "by") || from_inside) && !lower.starts_with("between") {
        if let Some(at) = lower.find(" to ") {
            let skip = if from_inside { 5 } else { 0 };
            let (a, b) = (range.start + skip..range.start + at, range.start + at + 4..range.end);
            if let (Some(mut qa), Some(qb)) = (
                quantity::read(&sentence[a.clone()], opts),
                quantity::read(&sentence[b.clone()], opts),
            ) {
                // "rose from 10 to 12 billion euros": the first figure is
                // €10bn, as the range reading of the whole already says.
                if qa.interval.is_point() && qa.unit == Unit::Count && q.interval.lo > qa.interval.lo {
                    qa.interval = crate::quantity::Interval::closed(q.interval.lo, q.interval.lo);
                    qa.unit = q.unit.clone();
                }
                return vec![(a, qa), (b, qb)];
            }
        }
    }
    vec![(range, q)]
}

/// "91 hours and 31 minutes" is one figure, not 91 and 31.
fn join_durations(sentence: &str, found: &mut Vec<(Range<usize>, Quantity)>) {
    let mut i = 0;
    while i + 1 < found.len() {
        let (a, b) = (found[i].0.clone(), found[i + 1].0.clone());
        // Cheap before anything is allocated: most gaps hold no "hour".
        let gap = sentence.get(a.end..b.start).unwrap_or("");
        let hours_and = gap.contains("hour") && {
            let gap = words(gap);
            matches!(gap.as_slice(), [h, and] if (h == "hours" || h == "hour") && and == "and")
        };
        let unit_end = sentence[b.end..]
            .split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty())
            .filter(|w| matches!(w.to_lowercase().as_str(), "minutes" | "minute" | "mins" | "min"))
            .and_then(|w| sentence[b.end..].find(w).map(|at| b.end + at + w.len()));
        if let (true, Some(end)) = (hours_and, unit_end) {
            if let Some(q) = quantity::hours_and_minutes(&sentence[a.start..end]) {
                found[i] = (a.start..end, q);
                found.remove(i + 1);
            }
        }
        i += 1;
    }
}

/// Words that start the next figure's stretch of text in the gap between
/// two numbers: "0.4% | to fund defence at 2.2%", "2.1% in 2024 | and 2.3%".
const SPLIT_WORDS: &[&str] = &[
    "to", "and", "at", "from", "versus", "vs", "against", "compared", "while", "or",
];

/// Where the gap `from..to` between two numbers is split: at its first
/// bracket or comma, else at its first split word; at `to` when it has
/// none. A comma ends a phrase before a split word does: "from 48 at the
/// last election, | as Labour won dozens".
fn split_point(sentence: &str, from: usize, to: usize) -> usize {
    if to <= from {
        return from;
    }
    let gap = &sentence[from..to];
    // A number that is part of an adjective ("a seven-year budget of
    // €1.074 trillion") leaves the words after it to the next figure.
    if gap.starts_with(['-', '‑']) {
        return from;
    }
    if let Some(i) = gap.find([',', '(', ')', ';']) {
        return from + i;
    }
    // "€500bn would flow to member states as grants | and €250bn as
    // loans": a conjunction right before the next figure opens its
    // conjunct; the words before it are all the first figure's.
    if let Some(last) = gap.split_whitespace().next_back().filter(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "and" | "or" | "while" | "whereas" | "versus" | "vs" | "against"
        )
    }) {
        return from + (last.as_ptr() as usize - gap.as_ptr() as usize);
    }
    let mut word_start = None;
    for (i, c) in gap.char_indices() {
        if matches!(c, ',' | '(' | ')' | ';') {
            return from + i;
        }
        if c.is_alphanumeric() {
            word_start.get_or_insert(i);
        } else if let Some(ws) = word_start.take() {
            if SPLIT_WORDS.contains(&gap[ws..i].to_lowercase().as_str()) {
                return from + ws;
            }
        }
    }
    // The next figure's own noun phrase ends the gap: "411 seats have given
    // Sir Keir Starmer | a majority of 174". Its article starts its words.
    // Read backwards over the gap's last words, without allocating.
    let mut words_back = gap
        .split_whitespace()
        .rev()
        .map(|w| (w.as_ptr() as usize - gap.as_ptr() as usize, w));
    if words_back.next().is_some_and(|(_, w)| w.eq_ignore_ascii_case("of")) {
        let article = words_back.take(4).find(|(_, w)| {
            w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an") || w.eq_ignore_ascii_case("the")
        });
        if let Some((at, _)) = article {
            return from + at;
        }
    }
    // "the earthquake two days before the flood killed | 2,946 people": a
    // verb right before the next figure is that figure's, with the words
    // of its clause from the last preposition on.
    let mut back = gap.split_whitespace().rev();
    if let Some(verb) = back.next() {
        let v = verb.to_ascii_lowercase();
        let is_verb = (v.len() > 4 && v.ends_with("ed") && !v.ends_with("eed")) || PAST_VERBS.contains(&v.as_str());
        if is_verb {
            let at = verb.as_ptr() as usize - gap.as_ptr() as usize;
            let clause_start = gap[..at]
                .split_whitespace()
                .rev()
                .take(6)
                .find(|w| {
                    matches!(
                        w.to_ascii_lowercase().as_str(),
                        "before" | "after" | "when" | "as" | "since"
                    )
                })
                .map(|w| w.as_ptr() as usize - gap.as_ptr() as usize);
            if let Some(start) = clause_start {
                return from + start;
            }
        }
    }
    to
}

/// A number picking the first few of a ranking: after "the", "top" or a
/// possessive, before "most", "least" or a superlative ("largest").
fn ranked(before: &[String], after: &[String]) -> bool {
    let picks = before.last().is_some_and(|w| matches!(w.as_str(), "the" | "top" | "s"));
    let superlative = after.first().is_some_and(|w| {
        matches!(w.as_str(), "most" | "least" | "top")
            || (w.len() >= 6
                && w.ends_with("est")
                && !matches!(
                    w.as_str(),
                    "interest"
                        | "protest"
                        | "forest"
                        | "request"
                        | "contest"
                        | "harvest"
                        | "inquest"
                        | "arrest"
                        | "suggest"
                ))
    });
    picks && superlative || before.ends_with(&["the".to_string(), "top".to_string()])
}

/// Words before a figure that pick one member of a ranking by its value:
/// "Fermanagh and South Tyrone had the highest turnout, at 65.97%",
/// "Strangford the lowest, at 52.39%" (not "the latest toll", not "the
/// lowest turnout since 2001": a comparison over time).
fn ranked_member(before: &[String]) -> bool {
    let Some(at) = before.iter().rposition(|w| {
        matches!(
            w.as_str(),
            "highest" | "lowest" | "largest" | "biggest" | "smallest" | "strongest" | "weakest" | "fewest"
        )
    }) else {
        return false;
    };
    let picked = at > 0 && matches!(before[at - 1].as_str(), "the" | "s" | "its" | "their");
    // The figure follows the superlative's noun directly ("the highest
    // turnout, at 65.97%"), not a verb of the member it describes ("the
    // biggest beneficiary, expects about €209 billion").
    let rest = &before[at + 1..];
    let direct = rest.is_empty() || (rest.len() <= 3 && matches!(rest[rest.len() - 1].as_str(), "at" | "of" | "with"));
    let over_time = rest.iter().any(|w| {
        matches!(
            w.as_str(),
            "since" | "ever" | "yet" | "record" | "recorded" | "for" | "in"
        )
    });
    picked && direct && !over_time
}

/// Does the text after a count begin "of the/its/their/these/those" and a
/// word that is no number ("170 of the recorded deaths", not "27 of the 32
/// seats", not "of the day")?
fn partitive_noun(after_text: &str) -> bool {
    let w = words(after_text);
    match w.as_slice() {
        [of, det, noun, rest @ ..]
            if of == "of" && matches!(det.as_str(), "the" | "its" | "their" | "these" | "those") =>
        {
            // "of the Senedd's sixty seats": a possessed total follows.
            let possessive = rest.first().is_some_and(|w| w == "s");
            !possessive
                && !noun.starts_with(|c: char| c.is_ascii_digit())
                && !matches!(noun.as_str(), "day" | "week" | "month" | "year" | "time" | "way")
        }
        _ => false,
    }
}

/// Words that make a figure a part of one named before it.
fn is_part(before: &[String], after: &[String]) -> bool {
    let b: Vec<&str> = before.iter().map(String::as_str).collect();
    let ends = |cue: &[&str]| b.ends_with(cue);
    ends(&["made", "up", "of"])
        || ends(&["of", "which"])
        || ends(&["including"])
        || ends(&["comprising"])
        || ends(&["the", "remaining"])
        || ends(&["the", "rest"])
        || ends(&["split", "into"])
        || matches!(
            after.iter().map(String::as_str).collect::<Vec<_>>().as_slice(),
            ["of", "that", ..] | ["of", "which", ..] | ["of", "it", ..] | ["of", "them", ..]
        )
}

/// Words before a figure in its clause that make it a sum of several
/// things ("taken together", "together with", "combined", "between them").
fn is_sum(before: &[String]) -> bool {
    let b: Vec<&str> = before.iter().map(String::as_str).collect();
    b.windows(2).any(|w| {
        matches!(
            w,
            ["taken", "together"]
                | ["together", "with"]
                | ["combined", "with"]
                | ["between", "them"]
                | ["added", "together"]
        )
    }) || b.iter().any(|w| matches!(*w, "combined" | "altogether"))
}

/// "as of Thursday", "by Wednesday", "up to 16 September" in the clause: the
/// day a figure stands as of (never after publication).
fn as_of(sentence: &str, clause: &Range<usize>, published: Option<Date>, anchor: Option<Date>) -> Option<Date> {
    use crate::event::when::{find_dates, is_bare_weekday, read_when, DateOrder, When};
    let text = &sentence[clause.clone()];
    let lower = text.to_lowercase();
    find_dates(text, published, DateOrder::DayMonth)
        .into_iter()
        .map(|(r, w)| match anchor {
            // The weekday of the week the passage tells of: the first one
            // on or after the anchor.
            Some(a) if is_bare_weekday(&text[r.clone()]) => {
                let placed = read_when(&text[r.clone()], Some(a.add_days(6)), DateOrder::DayMonth, false);
                (r, placed.unwrap_or(w))
            }
            _ => (r, w),
        })
        .filter(|(r, _)| {
            let before = lower[..r.start].trim_end();
            ["as of", "as at", "by", "up to", "until", "through"]
                .iter()
                .any(|cue| before.ends_with(cue))
                || stated_on(before)
        })
        .find_map(|(_, w)| match w {
            When::Resolved(span) if span.start == span.end && published.is_none_or(|p| span.start <= p) => {
                Some(span.start)
            }
            _ => None,
        })
}

/// Is the figure at `range` in the same stretch of the sentence as the
/// reading before it: not across a colon, a semicolon, a bracket or a
/// quotation, nor over ten words?
fn same_stretch(sentence: &str, previous: &Reading, range: &Range<usize>) -> bool {
    sentence
        .get(previous.range.end..range.start)
        .is_some_and(|between| !between.contains([':', ';', '(', ')', '"', '“', '”']) && words(between).len() <= 10)
}

/// Is the figure at `range` the second conjunct of a gapped clause, its
/// verb left out: "… and the Conservatives 23.7%", "… and 46%"? Only a
/// name or a noun phrase (and a hedge), or nothing, may stand between the
/// "and" and the figure, never a verb ("… and inflation hit 3%").
fn gapped_conjunct(sentence: &str, previous: &Reading, range: &Range<usize>) -> bool {
    let Some(between) = sentence.get(previous.range.end..range.start) else {
        return false;
    };
    if !same_stretch(sentence, previous, range) {
        return false;
    }
    let ws = words(between);
    let Some(cut) = ws.iter().rposition(|w| w == "and") else {
        return false;
    };
    let conjunct = &ws[cut + 1..];
    let verb = |w: &String| {
        w.ends_with("ed")
            || PAST_VERBS.contains(&w.as_str())
            || FINITE_HELPERS.contains(&w.as_str())
            || matches!(w.as_str(), "hit" | "won" | "win" | "wins" | "gets" | "takes" | "stands")
    };
    conjunct.len() <= 4 && !conjunct.iter().any(verb)
}

/// Do the words before a figure point back to a day named before them:
/// "that day", "the same day", "on that date"?
fn names_that_day(before: &str) -> bool {
    let w = words(before);
    w.windows(2).any(|p| {
        matches!(
            (p[0].as_str(), p[1].as_str()),
            ("that", "day" | "date") | ("same", "day" | "date")
        )
    })
}

/// Does the sentence open with a condition ("If right, …", "If the
/// projection holds, …")?
fn conditional(before: &str) -> bool {
    let start = before.trim_start_matches(|c: char| !c.is_alphanumeric());
    start.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("if "))
}

/// The words before a figure set it against another ("down from",
/// "compared with", "against").
fn is_compared(before: &[String]) -> bool {
    // "up from the 202", "than its 32.1%": past a determiner.
    let determiner = |w: &str| matches!(w, "the" | "its" | "their" | "his" | "her" | "a");
    let b: Vec<&str> = before
        .iter()
        .rev()
        .map(String::as_str)
        .skip_while(|w| determiner(w))
        .take(2)
        .collect();
    let determined = before.last().is_some_and(|w| determiner(w));
    matches!(b.as_slice(), ["from", verb] if change_word(verb))
        || matches!(
            b.as_slice(),
            ["with" | "to", "compared"] | ["against", ..] | ["versus" | "vs", ..]
        )
        // "higher than the 32.1%", not the hedge "more than 30".
        || (determined && b.first() == Some(&"than"))
}

/// A day written right after a figure, within a few words and after "on"
/// ("1.12 million on January 19", "46% on Jan. 19 and 36% on Tuesday"):
/// the day the figure is for. Only days on or before publication.
/// "25,000 on the 19th": a day of the month named by its ordinal alone,
/// within a few words after the figure, is the latest such day on or
/// before publication (this month's, else last month's). Not "the 19th
/// century" or "the 3rd floor": the ordinal must end its phrase.
fn ordinal_day(text: &str, published: Date) -> Option<Date> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"(?i)^\W*(?:\w+\s+){0,3}?on\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b\s*(?:$|[,;.)])")
            .expect("ordinal day regex")
    });
    let day: u8 = re.captures(text)?.get(1)?.as_str().parse().ok()?;
    if day == 0 || day > 31 {
        return None;
    }
    Date::new(published.year, published.month, day)
        .filter(|d| *d <= published)
        .or_else(|| {
            let (year, month) = if published.month == 1 {
                (published.year - 1, 12)
            } else {
                (published.year, published.month - 1)
            };
            Date::new(year, month, day)
        })
}

fn own_day(sentence: &str, after: Range<usize>, published: Option<Date>) -> Option<Date> {
    use crate::event::when::{find_dates, DateOrder, When};
    let text = sentence.get(after)?;
    // Most figures have no "on" after them: skip the date reader.
    if !text.split_whitespace().any(|w| w.eq_ignore_ascii_case("on")) {
        return None;
    }
    let Some((r, when)) = find_dates(text, published, DateOrder::DayMonth).into_iter().next() else {
        return ordinal_day(text, published?);
    };
    let lead = text[..r.start].to_lowercase();
    let lead = lead.trim_end();
    let lead_words = words(lead);
    if !(lead.ends_with(" on") || lead == "on") || lead_words.len() > 5 || lead.contains([',', ';', '(', ')']) {
        return None;
    }
    match when {
        When::Resolved(span) if span.start == span.end && published.is_none_or(|p| span.start <= p) => Some(span.start),
        _ => None,
    }
}

/// "said on Friday", "the Red Crescent gave on Thursday": the day a
/// figure was stated is the day it stands as of.
fn stated_on(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(" on") else {
        return false;
    };
    let verb = rest.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    matches!(
        verb,
        "said"
            | "says"
            | "told"
            | "reported"
            | "announced"
            | "confirmed"
            | "gave"
            | "stated"
            | "estimated"
            | "updated"
            | "revised"
            | "registered"
            | "recorded"
            | "counted"
            | "published"
            | "released"
            | "put"
    )
}

/// "of GDP", "of its gross domestic product", "of the country's economic
/// output": the words of the base, determiners and possessors left out.
fn share_base(after: &str) -> Option<Vec<String>> {
    // Whose base it is and its year are not the base: "of Spain's 2019
    // gross domestic product".
    let end = after
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '—' | '–')
                || (c == '.' && !after[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
        })
        .map_or(after.len(), |(i, _)| i);
    let w = words(&without_possessives(&after[..end]));
    let mut it = w.iter().map(String::as_str).peekable();
    if it.next()? != "of" {
        return None;
    }
    let skip = [
        "its", "their", "the", "a", "his", "her", "our", "s", "country", "nation", "state",
    ];
    let mut base = Vec::new();
    let mut leading = true;
    for word in it {
        if leading && (skip.contains(&word) || is_year(word)) {
            continue;
        }
        leading = false;
        if STOP_AFTER.contains(&word) || base.len() == 4 {
            break;
        }
        base.push(word.to_string());
    }
    (!base.is_empty()).then_some(base)
}

fn is_year(word: &str) -> bool {
    word.len() == 4 && word.parse::<u16>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// Whether the words after a figure place it in a proposal: "in the
/// Commission's proposal", "under the Franco-German plan", "in Charles
/// Michel's first revised paper" (the preposition first, the proposal's
/// noun within six words).
fn in_a_proposal(after: &str) -> bool {
    let lead = after.trim_start_matches([',', ' ']);
    if !(lead.starts_with("in ") || lead.starts_with("under ")) {
        return false;
    }
    words(lead).iter().skip(1).take(6).any(|w| {
        matches!(
            w.as_str(),
            "proposal" | "proposals" | "plan" | "paper" | "draft" | "offer" | "blueprint"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(sentence: &str, at: &str) -> Reading {
        let published = Date::new(2025, 3, 12);
        read_sentence(sentence, published)
            .into_iter()
            .find(|r| sentence[r.range.clone()].contains(at))
            .unwrap_or_else(|| panic!("no reading of {at:?} in {sentence:?}"))
    }

    fn joined(w: &[String]) -> String {
        w.join(" ")
    }

    #[test]
    fn a_verb_before_a_figure_is_the_figures() {
        let r = one(
            "The earthquake in Morocco two days before the flood killed 2,946 people.",
            "2,946",
        );
        assert_eq!(joined(&r.before), "before the flood killed");
        // With no clause opener before the verb, the gap stays the first
        // figure's: "12 of them" is not "said".
        let r = one("Rescuers found 40 bodies on the beach and said 12 were children.", "12");
        assert!(!joined(&r.before).contains("beach"), "{:?}", r.before);
    }

    #[test]
    fn a_dash_aside_before_a_figure_is_not_what_it_counts() {
        let s = "Of the registrations, 51,695 belong to delegations - the figure includes the teams some countries bring - and 25,360 to observer groups.";
        let r = one(s, "25,360");
        assert!(!r.before.iter().any(|w| w == "countries"), "{:?}", r.before);
        // An aside further back, or a single dash, is left alone.
        let r = one("Delegations - the largest ever - had since sent 400 envoys.", "400");
        assert!(r.before.iter().any(|w| w == "largest"), "{:?}", r.before);
        let r = one("Delegations - the largest ever - sent 400 envoys.", "400");
        assert_eq!(joined(&r.before), "delegations sent");
        let r = one("06:05 - Rescuers counted 40 bodies.", "40");
        assert!(r.before.iter().any(|w| w == "rescuers"), "{:?}", r.before);
    }

    #[test]
    fn a_selection_by_rank_is_no_count() {
        let read = |s: &str| read_sentence(s, Date::new(2024, 11, 20)).len();
        assert_eq!(
            read("The ten most climate-vulnerable countries sent 1,509 delegates."),
            1
        );
        assert_eq!(read("The three largest parties lost ground."), 0);
        assert_eq!(read("The world's 20 biggest economies met."), 0);
        assert_eq!(read("It is among the top five emitters."), 0);
        assert_eq!(read("The 27 member states agreed."), 1);
        assert_eq!(read("The 300 protesters marched."), 1);
    }

    #[test]
    fn a_list_item_takes_its_lead_ins_words_and_base() {
        let item = "Labour 33.7% (32.1%)";
        let mut readings = read_sentence(item, Date::new(2024, 7, 5));
        carry_lead_in(&mut readings, item, "Shares of the UK vote, with 2019 in brackets:");
        assert_eq!(
            readings[0].base.as_deref(),
            Some(&["uk".to_string(), "vote".to_string()][..])
        );
        assert!(!readings[0].compared);
        assert!(readings[1].compared);
        assert!(joined(&readings[0].before).starts_with("shares of the uk vote"));
    }

    #[test]
    fn a_part_of_a_noun_and_a_listing() {
        let r = one("About 170 of the recorded deaths were in other towns.", "170");
        assert!(r.part);
        assert_eq!(joined(&r.after), "recorded deaths were");
        assert!(!one("Labour won 27 of the 32 seats.", "32").part);
        assert!(!one("33.7% of the vote went to Labour.", "33.7%").part);
        let r = one("8,540 people were still listed as missing.", "8,540");
        assert_eq!(joined(&r.after), "people were still listed as missing");
    }

    #[test]
    fn a_part_of_a_possessed_total() {
        let part = one("Labour holds thirty of the Senedd's sixty seats.", "thirty");
        assert!(part.part);
        assert_eq!(joined(&part.after), "seats");
        // The possessed total is its owner's figure, not a sum.
        assert!(!one("120 of the party's 121 MPs voted.", "121").sum);
        assert!(one("Labour won 27 of the 32 seats in Wales.", "32").sum);
        assert_eq!(partitive_of("of the senedd's"), Some(true));
        assert_eq!(partitive_of("out of the"), Some(false));
        assert_eq!(partitive_of("of the seats won by"), None);
    }

    #[test]
    fn hours_and_minutes_are_one_duration() {
        let s = "The summit lasted 91 hours and 31 minutes, just short of the 92 hours at Nice.";
        let got: Vec<&str> = read_sentence(s, None).iter().map(|r| &s[r.range.clone()]).collect();
        assert_eq!(got, ["91 hours and 31 minutes", "92"]);
        let r = one(s, "91 hours");
        assert!((r.quantity.interval.lo - (91.0 + 31.0 / 60.0)).abs() < 1e-9);
        assert!(r.counted_by(&WordList::new(&["hours"])));
        // Two figures that are not a duration stay two.
        let s = "It took 12 hours and 40 officers to clear the square.";
        let got: Vec<&str> = read_sentence(s, None).iter().map(|r| &s[r.range.clone()]).collect();
        assert_eq!(got, ["12", "40"]);
    }

    #[test]
    fn all_but_a_figure_is_no_count() {
        let s = "The Conservatives won all but six of those seats, and Labour 12.";
        let got: Vec<&str> = read_sentence(s, None).iter().map(|r| &s[r.range.clone()]).collect();
        assert_eq!(got, ["12"]);
    }

    #[test]
    fn a_key_figures_line_names_what_it_counts_after_a_dash() {
        assert_eq!(
            joined(&one("4,255 - deaths recorded (WHO, 28 Sep)", "4,255").after),
            "deaths recorded"
        );
        assert_eq!(
            joined(&one("16,000+ - children displaced (UNICEF)", "16,000").after),
            "children displaced"
        );
        assert_eq!(
            joined(&one("- 8,540 – people missing", "8,540").after),
            "people missing"
        );
        // Inside a sentence a dash still ends what the figure counts.
        assert!(one("The toll reached 2,310 - officials gave no more.", "2,310")
            .after
            .is_empty());
    }

    #[test]
    fn counts_of_counts_and_people_who_did_something() {
        let crowd = WordList::new(&["people", "marchers", "count", "counts"]);
        let deaths = WordList::new(&["dead", "died", "toll", "count"]);
        // A number of counts counts counts.
        let s = "Add up the ministry's twelve daily counts and you reach 9.5 million.";
        assert!(!one(s, "twelve").counted_by(&crowd));
        // "the count" before a figure still names what it counts...
        let s = "The official count stood at 150.";
        assert!(one(s, "150").counted_by(&deaths));
        let s = "By the ministry's count, 1.12 million people.";
        assert!(one(s, "1.12").counted_by(&deaths));
        // ...unless the people after it did something of their own.
        let s = "By the ministry's count, 1.12 million people marched.";
        assert!(!one(s, "1.12").counted_by(&deaths));
        assert!(one(s, "1.12").counted_by(&crowd));
        let s = "By the ministry's count, 4,000 people were dead.";
        assert!(one(s, "4,000").counted_by(&deaths));
    }

    #[test]
    fn who_gave_a_figure_is_not_what_it_counts() {
        let unions = WordList::new(&["unions"]);
        let s = "In Quimper, where the unions had counted 18,000 on Thursday, 9,000 people marched.";
        assert!(!one(s, "18,000").counted_by(&unions));
        // The verb itself may be what a pack counts by ("counted": a crowd).
        assert!(one(s, "18,000").counted_by(&WordList::new(&["counted"])));
        // "estimated at" is passive: what comes before it is what it counts.
        assert!(one("Crowds estimated at 5,000 gathered.", "5,000").counted_by(&WordList::new(&["crowds"])));
        assert!(one("All eight unions signed.", "eight").counted_by(&unions));
    }

    #[test]
    fn a_figures_own_noun_phrase_before_it_is_its_own() {
        // "a majority of 174" is a majority, not more of the seats before it.
        let s = "Labour's 411 seats have given Sir Keir Starmer a majority of 174.";
        let majority = one(s, "174");
        assert_eq!(joined(&majority.before), "a majority of");
        assert!(majority.after.is_empty(), "{:?}", majority.after);
        assert!(!majority.counted_by(&WordList::new(&["seats"])));
        assert!(majority.counted_by(&WordList::new(&["majority"])));
        // A figure that names nothing still counts what the one before it
        // counted: "…, up from 1.12 million".
        let s = "Police counted 1.27 million demonstrators, up from 1.12 million on January 19.";
        assert!(one(s, "1.12").counted_by(&WordList::new(&["demonstrators"])));
    }

    #[test]
    fn a_count_with_its_own_noun_and_verb_after_and_does_not_borrow_the_words_before() {
        let injured = WordList::new(&["injured", "hurt"]);
        let s = "A total of 149 officers were injured and 172 people were arrested across the country.";
        assert!(one(s, "149").counted_by(&injured));
        assert!(!one(s, "172").counted_by(&injured));
        let s = "The storm killed 30 and injured 40 people.";
        assert!(one(s, "40").counted_by(&injured));
    }

    #[test]
    fn a_possessive_before_the_number_owns_it_and_is_not_what_it_counts() {
        let unions = WordList::new(&["unions", "confederations"]);
        let s = "In Clermont-Ferrand, the unions' 50,000 compared with 8,000 according to the prefecture.";
        assert!(!one(s, "50,000").counted_by(&unions));
        let s = "Eight unions called the strike.";
        assert!(one(s, "Eight").counted_by(&unions));
        let s = "The prefecture counted 10,000 people there, the unions 55,000.";
        assert!(!one(s, "55,000").counted_by(&unions));
        // The owner's figure counts what the figure before it counted.
        let marchers = WordList::new(&["marchers", "demonstrators"]);
        let s = "Police counted 8,000 marchers, the unions 50,000.";
        assert!(one(s, "50,000").counted_by(&marchers));
        // …and what it counted when it named it before itself.
        let turnout = WordList::new(&["turnout"]);
        let s = "The union put turnout at 3.5 million and said it had counted 2.5 million on Jan. 31.";
        assert!(one(s, "2.5").counted_by(&turnout));
        let s = "The union put turnout at 3.5 million; it had counted 2.5 million on Jan. 31.";
        assert!(!one(s, "2.5").counted_by(&turnout));
        // A part of a total counts what the total counts; the total is a sum.
        let s = "In Wales, where it won 27 of 32 seats, it took 37%.";
        assert_eq!(joined(&one(s, "27").after), "seats");
        assert!(one(s, "32").sum && one(s, "27").part);
        let s = "The SNP, which has 63 of the 129 seats at Holyrood, lost.";
        assert_eq!(joined(&one(s, "63").after), "seats");
        assert!(one(s, "129").sum);
        // A count with a verb for a noun is of the noun of the one before.
        let s = "Early reports said three rescuers had died and two were missing.";
        assert!(one(s, "two").window_words.iter().any(|w| w == "rescuers"));
        let s = "Early reports said three people had died and two were missing.";
        assert!(!one(s, "two").window_words.iter().any(|w| w == "rescuers"));
        // …but not to a figure its own words set: "to 64" is an age.
        let marched = WordList::new(&["march"]);
        let s = "More than a million march in France against a plan to raise the pension age to 64.";
        assert!(!one(s, "64").counted_by(&marched));
        // A figure set against another, with or without its own day.
        let s = "Police counted 7,000 marchers in Marseille, down from 12,000 on February 11.";
        let r = one(s, "12,000");
        assert!(r.compared);
        assert_eq!(r.on, Date::new(2025, 2, 11));
        // A day named by its ordinal alone is this month's, or last month's.
        let r = one(
            "Nantes counted 28,000 (25,000 on the 19th), Montpellier close to 25,000.",
            "25,000",
        );
        assert_eq!(r.on, Date::new(2025, 2, 19));
        let r = one("It drew 9,000 on the 3rd floor of the hall.", "9,000");
        assert_eq!(r.on, None);
        let r = one(s, "7,000");
        assert!(!r.compared);
        assert_eq!(r.on, None);
        assert!(one("It drew 650,000, compared with 1.1 million.", "1.1").compared);
        // ...past a determiner, after a verb of change, or after "than the".
        let s = "The party rose from one seat to 37, up from the 6 it held in 2015.";
        assert!(one(s, "one").compared);
        assert!(!one(s, "37").compared);
        assert!(one(s, "6").compared);
        assert!(one("It won 33.7%, barely higher than the 32.1% of its defeat.", "32.1").compared);
        assert!(!one("It won more than 30 seats.", "30").compared);
        // ...or after the level a move went to.
        let s = "The party was reduced to nine seats, from 48 at the last election, as rivals won dozens.";
        assert!(one(s, "48").compared);
        assert!(!one(s, "nine").compared);
        assert!(!one("Delegates came from 198 countries.", "198").compared);
        // A comma ends a figure's words before a split word does.
        assert!(one(s, "48").window_words.iter().any(|w| w == "election"));
        assert!(!one(s, "dozens").window_words.iter().any(|w| w == "election"));
        // A verb after the figure: what it counts was said before it.
        let crowds = WordList::new(&["crowds"]);
        assert!(one("Crowds of 1.72 million took to the streets.", "1.72").counted_by(&crowds));
        assert!(one("Crowds of 1.72 million marched in Paris.", "1.72").counted_by(&crowds));
        let majority = WordList::new(&["majority"]);
        assert!(one("Labour's majority of 174 is the third largest.", "174").counted_by(&majority));
        // A participle that counts is not a verb: "200 injured" are not dead.
        let dead = WordList::new(&["killing", "killed", "dead"]);
        assert!(!one("The blast left 61 dead, 200 injured.", "200").counted_by(&dead));
        let s = "Police counted 8,000 marchers; in Lyon, the unions' 20,000 rallied.";
        assert!(!one(s, "20,000").counted_by(&unions));
        let s = "The unions' figure was, as always, much larger: 3.5 million according to the CGT.";
        assert!(!one(s, "3.5").counted_by(&unions));
        // A quotation mark is not a possessive.
        let s = "The unions gave '50,000' as their count.";
        assert!(one(s, "50,000").before.contains(&"unions".to_string()));
    }

    #[test]
    fn sums_of_several_things() {
        assert!(
            one(
                "Taken together, the five rebates come to roughly €7.6 billion a year.",
                "7.6"
            )
            .sum
        );
        assert!(
            one(
                "Together with the fund, the total comes to more than €1.8 trillion.",
                "1.8"
            )
            .sum
        );
        assert!(one("The two dams released a combined 33 million cubic metres.", "33").sum);
        assert!(!one("The fund is worth €750 billion.", "750").sum);
        // A colon starts a statement of its own.
        let s = "Taken together, the two disasters killed more than 8,000: Morocco's toll stood at 2,901.";
        assert!(one(s, "8,000").sum);
        assert!(!one(s, "2,901").sum);
    }

    #[test]
    fn what_a_figure_counts_of_its_own() {
        let age = WordList::new(&["age", "pension*", "retire*"]);
        let s = "The plan would merge 42 separate pension schemes.";
        assert_eq!(one(s, "42").own_noun(&age), Some("separate"));
        let s = "The reform lifts the age to 64 from 62 today.";
        assert_eq!(one(s, "64").own_noun(&age), None);
        assert_eq!(one(s, "62").own_noun(&age), None);
        let s = "Some 1.1 million marched, 80,000 of them in Paris.";
        assert_eq!(one(s, "80,000").own_noun(&age), None);
        let s = "Unions said all eight confederations marched together.";
        assert_eq!(one(s, "eight").own_noun(&age), Some("confederations"));
    }

    #[test]
    fn a_part_is_qualified_as_its_whole() {
        let s = "Labour took 27 of the 32 Welsh seats.";
        assert!(one(s, "27").window_words.iter().any(|w| w == "welsh"));
        assert_eq!(joined(&one(s, "27").after), "welsh seats");
        // A possessive whole's owner is in the part's words already.
        let s = "Labour holds 30 of the Senedd's 60 seats.";
        assert!(one(s, "30").window_words.iter().any(|w| w == "senedd"));
    }

    #[test]
    fn an_aside_placing_a_part_is_not_the_figures_place() {
        let s = "Officials said more than 6,000 people had died, most of them in Derna, and thousands were missing.";
        assert!(!one(s, "6,000").window_words.iter().any(|w| w == "derna"));
        let s = "Some 2,000 people died, many of whom from Derna, officials said.";
        assert!(!one(s, "2,000").window_words.iter().any(|w| w == "derna"));
        // A place of the figure's own stays.
        let s = "More than 6,000 people had died in Derna, most of them in the old town.";
        assert!(one(s, "6,000").window_words.iter().any(|w| w == "derna"));
        assert_eq!(without_part_aside(", most of them in Derna"), "");
        assert_eq!(
            without_part_aside(", mostly in Derna, officials said"),
            ", officials said"
        );
        assert_eq!(without_part_aside(", most agree"), ", most agree");
    }

    #[test]
    fn an_adverb_of_scope_after_a_figure_names_nothing() {
        let marched = WordList::new(&["drew", "marchers"]);
        let s = "The march drew 963,000 nationwide and 93,000 in Paris.";
        assert!(one(s, "963,000").after.is_empty());
        assert!(one(s, "963,000").counted_by(&marched));
        assert!(one(s, "93,000").counted_by(&marched));
        // Inside what the figure counts, an adverb is only an adverb.
        let s = "More than 3,000 people have now died.";
        assert_eq!(joined(&one(s, "3,000").after), "people have now died");
    }

    #[test]
    fn what_follows_the_number() {
        let r = one("Ministers from 40 Asian and Pacific countries met in Bangkok.", "40");
        assert_eq!(joined(&r.after), "asian and pacific countries");
        let r = one("The meeting drew 27 navy chiefs of staff.", "27");
        assert_eq!(joined(&r.after), "navy chiefs of staff");
        let r = one("About 11,300 people have died in Derna.", "11,300");
        assert_eq!(joined(&r.after), "people have died");
    }

    #[test]
    fn what_comes_before_the_number() {
        let r = one("By Friday the death toll rose to 2,310, officials said.", "2,310");
        assert_eq!(joined(&r.before), "by friday the death toll rose to");
        let r = one("The storm hit the coast, killing at least 61.", "61");
        assert_eq!(r.before.last().map(String::as_str), Some("killing"));
        let r = one("It sent a contingent numbering 8,000.", "8,000");
        assert!(r.before.ends_with(&["contingent".to_string(), "numbering".to_string()]));
        let r = one("They agreed on a force of fewer than 15,000 troops.", "15,000");
        assert_eq!(joined(&r.after), "troops");
    }

    #[test]
    fn a_retrospective_passage_places_its_weekdays() {
        let published = Date::new(2023, 9, 30);
        let anchor = crate::event::when::narrative_anchor(
            "On Monday 11 September, the prime minister said more than 2,000 people were feared dead.",
            published,
            crate::event::when::DateOrder::DayMonth,
        );
        assert_eq!(anchor, Date::new(2023, 9, 11));
        let s = "By Wednesday the interior ministry had 5,300 dead on its books.";
        let told = read_sentence_told_from(s, published, anchor);
        assert_eq!(told[0].as_of, Date::new(2023, 9, 13));
        // Told from the publication day, Wednesday is that week's.
        assert_eq!(read_sentence(s, published)[0].as_of, Date::new(2023, 9, 27));
        // A date in the week of publication is no retrospective.
        let recent = crate::event::when::narrative_anchor(
            "On 27 September the ministry said 5,300.",
            published,
            crate::event::when::DateOrder::DayMonth,
        );
        assert_eq!(recent, None);
        // "That day" is the day the passage is told from, of its year.
        let published = Date::new(2023, 1, 18);
        let anchor = crate::event::when::narrative_anchor(
            "The comparison everyone will make is with December 5, 2019.",
            published,
            crate::event::when::DateOrder::MonthDay,
        );
        let s = "That day police counted 806,000 marchers.";
        let told = read_sentence_told_from(s, published, anchor);
        assert_eq!(told[0].on, Date::new(2019, 12, 5));
        assert_eq!(told[0].period.as_ref().map(|p| p.year), Some(2019));
        // Without a day told from, nothing is placed.
        assert_eq!(read_sentence(s, published)[0].on, None);
    }

    #[test]
    fn rises_and_falls_are_not_levels() {
        let s =
            "Sweden's rebate would rise by €25 million to €823 million, and Austria's by €50 million to €287 million.";
        assert!(one(s, "25").change);
        assert!(!one(s, "823").change);
        assert!(one(s, "50").change);
        assert!(!one(s, "287").change);
        assert!(one("The economy will contract by 7.5% this year.", "7.5").change);
        assert!(one("It announced an increase of €50 million.", "50").change);
        assert!(one("The ministry cut the force by 2,000 troops.", "2,000").change);
        // A difference between two figures is not a level either.
        assert!(
            one(
                "Its high was 1.272 million: a difference of roughly 8,000 people.",
                "8,000"
            )
            .change
        );
        assert!(one("The polls put the gap at 20 points, a swing of 10 points.", "10").change);
        // "by" naming who, not how much.
        assert!(!one("The town was surrounded by 5,000 soldiers.", "5,000").change);
        assert!(!one("The toll rose to 2,310 by Friday.", "2,310").change);
        assert!(!one("The fund is worth €750 billion.", "750").change);
        // A difference between two figures is not a level either…
        assert!(one("Labour has 290 more MPs than the Conservatives.", "290").change);
        assert!(one("It won some 600,000 fewer votes than in 2019.", "600,000").change);
        // …but a hedge is.
        assert!(!one("More than 30 countries attended.", "30").change);
        assert!(!one("Some 5,000 more troops arrived on Friday.", "5,000").change);
    }

    #[test]
    fn shares_and_their_base() {
        let r = one("Poland will spend 4.1 percent of its gross domestic product.", "4.1");
        assert_eq!(r.base.as_deref().map(joined), Some("gross domestic product".into()));
        let r = one("Defence reached 3.9% of GDP.", "3.9");
        assert_eq!(r.base.as_deref().map(joined), Some("gdp".into()));
        let r = one("Leaders agreed €390bn in grants and €360bn of loans.", "390");
        assert_eq!(joined(&r.after), "grants");
        let r = one("Turnout was 40%.", "40");
        assert_eq!(r.base, None);
        // A share of a group names the group between its numbers, in the
        // plural; with none there, "of" after it names it.
        let r = one("Only one TGV in two was running.", "one");
        assert_eq!(r.base.as_deref().map(joined), Some("tgvs".into()));
        let r = one("Almost one teacher in two was out in Paris.", "one");
        assert_eq!(r.base.as_deref().map(joined), Some("teachers".into()));
        let r = one("Four high-speed trains in five ran.", "Four");
        assert_eq!(r.base.as_deref().map(joined), Some("high speed trains".into()));
        let r = one("That is one in ten of the electorate.", "one");
        assert_eq!(r.base.as_deref().map(joined), Some("electorate".into()));
        // A share whose verb is left out is of what the share before it is of…
        let s = "Labour won 33.7% of the UK vote and the Conservatives 23.7%.";
        let r = one(s, "23.7");
        assert!(r.base.is_some());
        assert_eq!(r.base, one(s, "33.7").base);
        assert!(r.shares_verb);
        // …not a share with a verb of its own.
        let r = one("Defence reached 2.1% of GDP and inflation hit 3%.", "3%");
        assert_eq!(r.base, None);
        assert!(!r.shares_verb);
        // A share set against the one before it, and one listed after that,
        // measure what it measures.
        let s = "Union sources put participation at 25%, down from 36% on January 31 and 46% on January 19.";
        for at in ["36%", "46%"] {
            let r = one(s, at);
            assert!(
                r.window_words.iter().any(|w| w == "participation"),
                "{at}: {:?}",
                r.window_words
            );
            assert!(r.shares_verb, "{at}");
        }
        // "Of the total" is of what the figure before it counts.
        let r = one("Reform UK polled 4,117,610 votes, 14.3 percent of the total.", "14.3");
        assert_eq!(r.base.as_deref().map(joined), Some("votes".into()));
        let r = one("Turnout was 60%, while 45% backed Labour.", "45%");
        assert!(!r.window_words.iter().any(|w| w == "turnout"), "{:?}", r.window_words);
        let r = one(
            "It amounts to about 11 per cent of Spain's 2019 gross domestic product.",
            "11",
        );
        assert_eq!(r.base.as_deref().map(joined), Some("gross domestic product".into()));
    }

    #[test]
    fn non_ascii_text_around_numbers_never_panics() {
        let s = "Spain expects €140bn from EU rescue fund, Sánchez says; 3 000 Ωmega — «5 %» – 7½ ünits";
        let _ = read_sentence(s, Date::new(2020, 7, 21));
    }

    proptest::proptest! {
        #[test]
        fn reading_any_text_never_panics(s in "\\PC{0,80}", n in 0u32..100_000) {
            let text = format!("{s} {n} {s}");
            let _ = read_sentence(&text, Date::new(2025, 3, 12));
        }
    }

    #[test]
    fn parts_of_a_figure() {
        let s = "The facility, worth €672.5bn, is made up of €312.5bn in grants.";
        assert!(one(s, "312.5").part);
        assert!(!one(s, "672.5").part);
        let s = "It will provide up to £60 million; £40 million of that goes into the fund and the remaining £20 million elsewhere.";
        assert!(!one(s, "60").part);
        assert!(one(s, "40").part);
        assert!(one(s, "£20").part);
    }

    #[test]
    fn figures_as_of_a_day() {
        let r = one("By Wednesday the ministry had 5,300 dead on its books.", "5,300");
        assert_eq!(r.as_of, Date::new(2025, 3, 12));
        let r = one("The toll stood at 3,958 as of 9 March, the WHO said.", "3,958");
        assert_eq!(r.as_of, Date::new(2025, 3, 9));
        // A figure with a day of its own keeps it, not its clause's.
        let s = "The WHO recorded 4,255 deaths as of 9 March, up from 3,958 on 2 March.";
        assert_eq!(one(s, "4,255").as_of, Date::new(2025, 3, 9));
        assert_eq!(one(s, "3,958").as_of, Date::new(2025, 3, 2));
        let s = "The WHO certified 3,958 deaths on 2 March and 4,255 by 9 March.";
        assert_eq!(one(s, "3,958").as_of, Date::new(2025, 3, 2));
        // The day something happened is not the day its count stands as of.
        let s = "Labour won 412 seats on Thursday, according to results declared by Friday 7 March.";
        assert_eq!(one(s, "412").as_of, Date::new(2025, 3, 7));
        assert_eq!(one("The toll stood at 3,958.", "3,958").as_of, None);
        // The day a figure was stated (published 12 March, a Wednesday).
        let r = one(
            "The health minister said on Monday that 3,166 deaths had been registered.",
            "3,166",
        );
        assert_eq!(r.as_of, Date::new(2025, 3, 10));
        let r = one(
            "It is below the 11,300 dead that the Red Crescent gave on Sunday.",
            "11,300",
        );
        assert_eq!(r.as_of, Date::new(2025, 3, 9));
        // A day right after the figure is its own day, and its as-of day.
        let r = one("The hosts had put the number of backers at 116 on Friday.", "116");
        assert_eq!((r.on, r.as_of), (Date::new(2025, 3, 7), Date::new(2025, 3, 7)));
        let r = one("The storm hit the coast, killing 5,000 people on Sunday.", "5,000");
        assert_eq!((r.on, r.as_of), (Date::new(2025, 3, 9), None));
        // The day something happened is not the day a figure stands as of.
        let r = one("The dams burst on Sunday, killing 5,000 people.", "5,000");
        assert_eq!(r.as_of, None);
    }

    #[test]
    fn a_change_from_one_figure_to_another_scales_both() {
        let s = "Loans rose from 250 to 360 billion euros.";
        let r = one(s, "250");
        assert_eq!(
            (r.quantity.interval.lo, r.quantity.unit.clone()),
            (250e9, one(s, "360 billion euros").quantity.unit)
        );
        assert_eq!(one("The age rises from 62 to 64.", "62").quantity.interval.lo, 62.0);
    }

    #[test]
    fn a_movement_up_to_a_figure_lands_on_it() {
        let r = one(
            "The Dutch correction alone goes up to €1.921 billion a year.",
            "€1.921 billion",
        );
        assert!(r.quantity.interval.is_point());
        let r = one("Aid of up to €300bn is on offer.", "up to €300bn");
        assert_eq!(r.quantity.interval.lo, 0.0);
    }

    #[test]
    fn a_where_clause_is_about_the_place_before_it() {
        let s = "The drop ranged from 4.5 points in Northern Ireland to 10.3 points in Wales, where about 56% of voters took part.";
        assert!(one(s, "about 56%").window_words.iter().any(|w| w == "wales"));
        let s = "Turnout was 59.7%, the lowest since 2001.";
        assert!(!one(s, "59.7%").window_words.iter().any(|w| w == "wales"));
    }

    #[test]
    fn a_correction_withdraws_the_figure_it_corrects() {
        let s = "Correction: An earlier version of this article said the resolution was adopted by 456 votes.";
        assert!(read_sentence(s, None).is_empty());
        let s = "An earlier version of this article gave the turnout as 59.1%; it was 59.4%.";
        let got: Vec<&str> = read_sentence(s, None).iter().map(|r| &s[r.range.clone()]).collect();
        assert_eq!(got, ["59.4%"]);
    }

    #[test]
    fn figures_of_a_proposal() {
        let s = "Grants were cut to €390bn, from the €500 billion in the Commission's proposal.";
        assert_eq!(one(s, "€500 billion").modality, Modality::Target);
        assert_eq!(one(s, "€390bn").modality, Modality::Fact);
        let s = "The first offer was €450bn, in Charles Michel's first revised paper.";
        assert_eq!(one(s, "€450bn").modality, Modality::Target);
        // A plan named later in the sentence, not after "in", is not the figure's.
        let s = "Italy gets €209bn, the largest share, and the plan passed.";
        assert_eq!(one(s, "€209bn").modality, Modality::Fact);
    }

    #[test]
    fn a_member_picked_by_rank_is_a_part() {
        let s =
            "Fermanagh and South Tyrone again had the highest turnout, at 65.97%; Strangford the lowest, at 52.39%.";
        assert!(one(s, "65.97%").part);
        assert!(one(s, "52.39%").part);
        // A ranking over time, or a superlative describing who gave the figure.
        assert!(!one("Turnout was the lowest since 2001, at 59.7%.", "59.7%").part);
        assert!(
            !one(
                "Italy, the biggest beneficiary, expects about €209 billion.",
                "€209 billion"
            )
            .part
        );
        assert!(!one("The latest toll, 3,958, came from the WHO.", "3,958").part);
    }

    #[test]
    fn lists_after_a_colon() {
        let s = "The exit poll projects a Labour landslide: 410 seats for Labour, 131 for the Conservatives.";
        assert_eq!(one(s, "131").modality, Modality::Estimate);
        let s = "Final results: 411 seats for Labour, 121 for the Conservatives.";
        assert_eq!(one(s, "121").modality, Modality::Fact);
    }

    #[test]
    fn conditionals_and_past_years() {
        assert_eq!(
            one("If right, that would be a Labour majority of 170.", "170").modality,
            Modality::Estimate
        );
        assert_eq!(one("That would be a majority of 170.", "170").modality, Modality::Fact);
        let s = "If the projection holds, the total would be second only to the 418 seats won by Tony Blair in 1997.";
        assert_eq!(one(s, "418").modality, Modality::Fact);
        let s = "In 2019 the exit poll projected a Conservative total of 368 seats.";
        assert_eq!(one(s, "368").modality, Modality::Estimate);
    }

    #[test]
    fn changes_disputes_and_adjectives() {
        let s = "The rebate will rise by €25 million to €823 million.";
        let got: Vec<String> = read_sentence(s, None)
            .iter()
            .map(|r| s[r.range.clone()].to_string())
            .collect();
        assert_eq!(got, ["€25 million", "€823 million"]);
        let s = "The reform lifts the retirement age from 62 to 64 by 2030.";
        let got: Vec<String> = read_sentence(s, None)
            .iter()
            .map(|r| s[r.range.clone()].to_string())
            .collect();
        assert_eq!(got, ["62", "64"]);
        let s = "Estimates ranged from 5,000 to 7,000 marchers.";
        assert_eq!(read_sentence(s, None).len(), 1);
        // A ranging word carries to the ranges listed after it, and a range
        // may start roughly.
        let s = "Labour anywhere from 391 to 466 seats, the Conservatives from 78 to 129.";
        let got: Vec<String> = read_sentence(s, None)
            .iter()
            .map(|r| r.quantity.interval.to_string())
            .collect();
        assert_eq!(got, ["[391, 466]", "[78, 129]"]);
        let s = "Estimates of the population range from about 90,000 to 125,000.";
        assert_eq!(one(s, "90,000").quantity.interval.to_string(), "[90000, 125000]");
        let s = "The toll rose from about 2,000 to 11,300.";
        assert_eq!(read_sentence(s, None).len(), 2);
        let s = "Leaders head to Brussels to fight over €750bn virus fund.";
        assert!(one(s, "750").quantity.interval.is_point());
        let s = "It is attached to a seven-year budget of €1.074 trillion.";
        assert!(one(s, "1.074").before.contains(&"budget".to_string()));
        assert!(read_sentence("UPDATE 3-EU leaders meet again", None).is_empty());
    }

    #[test]
    fn each_figure_has_its_own_window() {
        let s = "The aid budget will be cut from 0.7% of GDP to 0.4% to fund defence at 2.2%.";
        assert!(!one(s, "0.7%").window_words.contains(&"defence".to_string()));
        assert!(!one(s, "0.4%").window_words.contains(&"defence".to_string()));
        assert!(one(s, "2.2%").window_words.contains(&"defence".to_string()));
        let s = "Germany spends 2.1% of GDP on defence, and 0.5% on aid.";
        assert!(one(s, "2.1%").window_words.contains(&"defence".to_string()));
        assert!(!one(s, "0.5%").window_words.contains(&"defence".to_string()));
        // A conjunction right before the next figure opens its conjunct:
        // everything before it is the first figure's.
        let s = "Under the plan, €500 billion would flow to member states as grants and €250 billion as loans.";
        assert!(one(s, "€500").window_words.contains(&"grants".to_string()));
        assert!(!one(s, "€250").window_words.contains(&"grants".to_string()));
        let s = "About 3,000 went to the north and 2,000 to the south.";
        assert!(one(s, "3,000").window_words.contains(&"north".to_string()));
        assert!(!one(s, "2,000").window_words.contains(&"north".to_string()));
    }

    #[test]
    fn periods_modality_and_attribution() {
        let r = one("It will spend 3.9% next year.", "3.9");
        assert_eq!(r.period.as_ref().map(|p| p.year), Some(2026));
        let r = one("That is up from last year's 2.87 percent.", "2.87");
        assert_eq!(r.period.as_ref().map(|p| p.year), Some(2024));
        // "five years ago" is a year.
        let r = one("It is barely above the 32.1% the party won five years ago.", "32.1");
        assert_eq!(r.period.as_ref().map(|p| p.year), Some(2020));
        // ...even when another year sits nearer in the clause: "five" is a
        // figure of its own, so its phrase starts where this one's words end.
        let s = "It took less than the 43.2% of 1997 and barely above the 32.1% the party won in its defeat five years ago.";
        assert_eq!(one(s, "32.1").period.as_ref().map(|p| p.year), Some(2020));
        // A year after a comparison is the compared figure's.
        let s = "Labour had won 412 seats, up from the 202 it took at the 2019 election.";
        assert_eq!(one(s, "412").period, None);
        assert_eq!(one(s, "202").period.as_ref().map(|p| p.year), Some(2019));
        let s = "Its majority of 174 is the third largest, behind Tony Blair's 179 in 1997.";
        assert_eq!(one(s, "174").period, None);
        // ...also past the next figure, or after "below" and "on".
        let s = "Turnout was 61.2%, the lowest since 1918 and well below the 68.8% recorded four years earlier.";
        assert_eq!(one(s, "61.2").period, None);
        assert_eq!(one(s, "68.8").period.as_ref().map(|p| p.year), Some(2021));
        let s = "Turnout was 61.2%, the lowest since the end of the war in 1945.";
        assert_eq!(one(s, "61.2").period, None);
        let s = "The Greens won 8.1% of the vote, up by 2.2 points on 2021.";
        assert_eq!(one(s, "8.1").period, None);
        // A year closing the phrase of the figure before is that figure's.
        let s = "The party won 210 seats, up from the 96 it took at the 2019 election, giving it a majority of 48.";
        assert_eq!(one(s, "96").period.as_ref().map(|p| p.year), Some(2019));
        assert_eq!(one(s, "48").period, None);
        // ...but not one closing an uncompared figure's phrase, nor one a
        // "when" clause looks back to.
        let s = "It expects the economy to shrink by 8.3% this year, with the euro zone contracting 8.7%.";
        assert_eq!(one(s, "8.7").period.as_ref().map(|p| p.year), Some(2025));
        let s = "It is second only to the 418 seats won in 1997, when the party secured a majority of 179.";
        assert_eq!(one(s, "179").period.as_ref().map(|p| p.year), Some(1997));
        // A year in another clause after the figure is that clause's.
        let s = "The deal came after roughly 92 hours of talks, leaving the 2000 meeting in first place.";
        assert_eq!(one(s, "92").period, None);
        let s = "Spending reached 2.1% of GDP, in 2024.";
        assert_eq!(one(s, "2.1").period.as_ref().map(|p| p.year), Some(2024));
        // A year set once before the figures reaches every one of them...
        let s = "In 1997 the party won 418 seats with 43.2% of the vote.";
        assert_eq!(one(s, "43.2").period.as_ref().map(|p| p.year), Some(1997));
        // ...and so does one closing a list of figures.
        let s = "Poland and Estonia spent 4.1% and 3.4% of GDP in 2024.";
        assert_eq!(one(s, "4.1").period.as_ref().map(|p| p.year), Some(2024));
        // A year past another figure's phrase is not this one's.
        let s = "It won nine of the 57 seats, after taking 48 five years ago.";
        assert_eq!(one(s, "57").period, None);
        let r = one("Britain aims to reach 2.5% of GDP by 2027.", "2.5");
        assert_eq!(r.period.as_ref().map(|p| (p.year, p.by)), Some((2027, true)));
        assert_eq!(r.modality, Modality::Target);
        let r = one("Germany spent 2.1% in 2024 and 2.3% in 2025.", "2.3");
        assert_eq!(r.period.as_ref().map(|p| p.year), Some(2025));
        let r = one("Germany spent 2.1% in 2024 and 2.3% in 2025.", "2.1");
        assert_eq!(r.period.as_ref().map(|p| p.year), Some(2024));
        let s = "Some 1.27 million people marched, according to the interior ministry.";
        assert_eq!(
            attribution(s, one(s, "1.27").range).as_deref(),
            Some("interior ministry")
        );
        let s = "The CGT said 2.8 million people took part.";
        assert_eq!(attribution(s, one(s, "2.8").range).as_deref(), Some("cgt"));
        // A place's officer, with an apposition and a helper verb.
        let s = "Derna's mayor, Abdulmenam al-Ghaithi, has told a broadcaster that the toll could reach 20,000.";
        assert_eq!(attribution(s, one(s, "20,000").range).as_deref(), Some("derna mayor"));
        let s = "More in Common's final model gave Labour 430 seats.";
        assert_eq!(attribution(s, one(s, "430").range).as_deref(), Some("more in common"));
        // A possessive owns the figure; a possessive of no figure word does not.
        let s = "Nationally, the interior ministry's final figure was 1.12 million marchers.";
        assert_eq!(
            attribution(s, one(s, "1.12").range).as_deref(),
            Some("interior ministry")
        );
        let s = "The CGT’s estimate was nearly double at 2.8 million.";
        assert_eq!(attribution(s, one(s, "2.8").range).as_deref(), Some("cgt"));
        // A source right before its figure, its verb left out; a cue past a
        // semicolon is another clause's.
        let s = "In Paris, the police prefecture counted 81,000 marchers and the CGT 700,000.";
        assert_eq!(
            attribution(s, one(s, "81,000").range).as_deref(),
            Some("police prefecture")
        );
        assert_eq!(attribution(s, one(s, "700,000").range).as_deref(), Some("cgt"));
        // A source named with the kind of body it is, its verb left out.
        let s =
            "In Paris, the police prefecture recorded 37,000 marchers, the Occurrence firm 33,000 and the CGT 300,000.";
        assert_eq!(attribution(s, one(s, "33,000").range).as_deref(), Some("occurrence"));
        assert_eq!(attribution(s, one(s, "300,000").range).as_deref(), Some("cgt"));
        let s = "In Marseille the prefecture counted 7,000, the inter-union 160,000.";
        assert_eq!(attribution(s, one(s, "160,000").range).as_deref(), Some("inter union"));
        // "per", "figures from", and verbs of foresight name a source too.
        let s = "The rebate numbers in the new paper, per two diplomats: Denmark €322m.";
        assert_eq!(attribution(s, one(s, "322").range).as_deref(), Some("two diplomats"));
        let s = "Figures from the interior ministry showed 1.1 million marchers.";
        assert_eq!(
            attribution(s, one(s, "1.1").range).as_deref(),
            Some("interior ministry")
        );
        let s = "The mayor feared as many as 20,000 people had died.";
        assert_eq!(attribution(s, one(s, "20,000").range).as_deref(), Some("mayor"));
        // The object of "gave" or "said" is not the source.
        let s = "A YouGov model released on Wednesday gave Labour 431 seats.";
        assert_eq!(attribution(s, one(s, "431").range).as_deref(), Some("yougov"));
        let s = "The exit poll put the Liberal Democrats on 61 seats.";
        assert_eq!(attribution(s, one(s, "61").range).as_deref(), Some("exit poll"));
        // An aside between the forecast and its verb, naming another source.
        let s = "The BBC's rolling forecast, revised through the night as results replaced the exit poll, now gives Labour 408 seats, a majority of 166.";
        assert_eq!(attribution(s, one(s, "166").range).as_deref(), Some("bbc"));
        // A model's figures are all its own, whatever follows its verb; a
        // name inside a possessive is whole, with "in" and "for" in it.
        let s = "The Ipsos final model had given the Greens 31 seats and the Liberals 12.";
        assert_eq!(attribution(s, one(s, "31").range).as_deref(), Some("ipsos"));
        assert_eq!(attribution(s, one(s, "12").range).as_deref(), Some("ipsos"));
        assert_eq!(one(s, "12").modality, Modality::Estimate);
        let s = "Human Rights Watch's latest report put the number displaced at 40,000.";
        assert_eq!(
            attribution(s, one(s, "40,000").range).as_deref(),
            Some("human rights watch")
        );
        let s = "The Institute for Fiscal Studies said 2.1% of the budget went unspent.";
        assert_eq!(
            attribution(s, one(s, "2.1").range).as_deref(),
            Some("institute for fiscal studies")
        );
        // "18 by YouGov" after a passive verb of stating.
        let s = "The party, which took 48 seats in 2019, is projected to win 18 by YouGov and 16 by More in Common.";
        assert_eq!(attribution(s, one(s, "18").range).as_deref(), Some("yougov"));
        assert_eq!(attribution(s, one(s, "16").range).as_deref(), Some("more in common"));
        // A pollster "has" a party on its figure.
        let s = "YouGov has the Liberal Democrats on 72 seats, while More in Common has them on 52.";
        assert_eq!(attribution(s, one(s, "72").range).as_deref(), Some("yougov"));
        assert_eq!(attribution(s, one(s, "52").range).as_deref(), Some("more in common"));
        let s = "The party has 72 seats on 12 councils.";
        assert_eq!(attribution(s, one(s, "72").range), None);
        let s = "Turnout rose by 3 points by Friday.";
        assert_eq!(attribution(s, one(s, "3").range), None);
        let s = "He said the SNP remained the largest party with 9 seats.";
        assert_eq!(attribution(s, one(s, "9").range), None);
        let s = "Some 5,300 people died, said the mayor.";
        assert_eq!(attribution(s, one(s, "5,300").range).as_deref(), Some("mayor"));
        // Plural sources state figures in the present plural.
        let s = "Teaching unions say at least half of all teachers have walked out.";
        assert_eq!(attribution(s, one(s, "half").range).as_deref(), Some("teaching unions"));
        let s = "480,000 people according to the interior ministry, and 1.7 million according to the CGT.";
        assert_eq!(
            attribution(s, one(s, "480,000").range).as_deref(),
            Some("interior ministry")
        );
        assert_eq!(attribution(s, one(s, "1.7").range).as_deref(), Some("cgt"));
        let s = "368,000 demonstrators according to the interior ministry; \"more than a million\" according to the CGT union.";
        assert_eq!(attribution(s, one(s, "million").range).as_deref(), Some("cgt"));
        let s = "The country's 2.8 million pensioners are waiting.";
        assert_eq!(attribution(s, one(s, "2.8").range), None);
    }
}
