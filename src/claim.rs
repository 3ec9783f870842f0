//! The core types every stage after extraction shares: claims and where
//! they come from.

use crate::event::when::DateSpan;
use crate::event::Binding;
use crate::quantity::Quantity;
use std::fmt;

impl Claim {
    /// The claim's sentence as evidence, windowed around `at` (the claim's
    /// own span unless given) when the sentence is long.
    pub fn quote_at(&self, at: Option<&Span>) -> String {
        let at = at.unwrap_or(&self.span);
        let rel = |o: usize| o.saturating_sub(self.sentence.start).min(self.sentence_text.len());
        crate::report::quote_window(&self.sentence_text, rel(at.start)..rel(at.end))
    }

    /// [`Claim::quote_at`] the claim's own span.
    pub fn quote(&self) -> String {
        self.quote_at(None)
    }

    /// The key as far as it resolved, `?` for the missing parts.
    pub fn key_display(&self) -> &str {
        self.partial_key.as_deref().or(self.key.as_deref()).unwrap_or("")
    }

    /// The key as displayed is kept apart only when it is not the key.
    pub fn partial_key(key: Option<&str>, display: String) -> Option<String> {
        (key != Some(display.as_str())).then_some(display)
    }

    /// The value as written ("more than 30"): the claim's span of its
    /// sentence, read from the sentence it keeps rather than kept twice.
    pub fn text(&self) -> &str {
        let start = self.span.start.saturating_sub(self.sentence.start);
        let end = self.span.end.saturating_sub(self.sentence.start);
        self.sentence_text.get(start..end).unwrap_or("")
    }
}

/// What a sentence does with a value. A target is never compared with an
/// outcome, nor an estimate with a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as fact: "34 military chiefs attended".
    Fact,
    /// A target, plan or pledge: "targeting 4.47% of GDP by 2025".
    Target,
    /// An estimate or projection: "he estimates at least 100,000".
    Estimate,
    /// An opinion reported as such.
    Opinion,
}

impl fmt::Display for Modality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Modality::Fact => "fact",
            Modality::Target => "target",
            Modality::Estimate => "estimate",
            Modality::Opinion => "opinion",
        })
    }
}

/// A place in a document: byte range, and the 1-based line and column
/// (in characters) of its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub col: usize,
}

/// What a claim states.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A count, share or amount of money, as an interval.
    Quantity(Quantity),
    /// When something happened, as a span of days.
    Date(DateSpan),
    /// A relative date with nothing to resolve it against.
    UnresolvedDate,
    /// Who took part, as a list.
    Roster(Roster),
    /// One entity present at, or absent from, an event.
    Membership { entity: String, present: bool },
}

/// A list of participants as one source gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roster {
    /// Entity ids of the participants, as listed (people stand for their
    /// country or organisation on the article's date).
    pub members: Vec<String>,
    /// Items no gazetteer entry matched ("Europe").
    pub unknown: Vec<String>,
    /// The text says the list is complete ("only", "the five", a count).
    pub complete: bool,
    /// A count written beside the list ("five countries: …").
    pub count: Option<u32>,
}

/// A misspelt entity name, read as the entity it misspells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub written: String,
    pub entity: String,
    pub canonical: String,
    pub span: Span,
}

impl Value {
    /// The unit claims must share to be compared: `count`, `%`, `EUR`, `date`.
    pub fn unit(&self) -> String {
        match self {
            Value::Quantity(q) => q.unit.to_string(),
            Value::Date(_) | Value::UnresolvedDate => "date".to_string(),
            Value::Roster(_) | Value::Membership { .. } => "participants".to_string(),
        }
    }
}

/// One claim found in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Index of the document in the corpus.
    pub doc: usize,
    /// Id of the rule that found it (shared with the rule).
    pub rule: std::sync::Arc<str>,
    /// Comparison key; `None` when a part of it (usually the event) could
    /// not be resolved, and then the claim is compared with nothing.
    pub key: Option<String>,
    /// The key as far as it resolved (`?` for the missing parts), when it
    /// is not `key` itself: see [`Claim::key_display`].
    pub partial_key: Option<String>,
    /// The event it is bound to (shared with its sentence's other claims)
    /// and how.
    pub event: Option<(std::sync::Arc<str>, Binding)>,
    /// Why the key did not resolve, when it did not.
    pub unbound: Option<std::sync::Arc<str>>,
    pub modality: Modality,
    pub reading: Value,
    /// The value in the design's notation with its unit: `[34, 34] chiefs`.
    pub value: String,
    /// What a count counts, from the rule ("chiefs"); empty otherwise.
    pub unit_label: std::sync::Arc<str>,
    pub span: Span,
    /// The whole sentence, as evidence.
    pub sentence: Span,
    /// The sentence's text (`sentence` in the document), shared by the
    /// claims of one sentence: reports quote it after the document's text
    /// is gone.
    pub sentence_text: std::sync::Arc<str>,
    /// Entity names in the match that were misspelt.
    pub corrections: Vec<Correction>,
    /// Who the sentence attributes the figure to ("police", "cgt").
    pub attribution: Option<String>,
    /// The day the figure stands as of, when the text says ("as of
    /// Thursday"); otherwise the publication date counts.
    pub as_of: Option<crate::date::Date>,
    /// The time of day of the live-blog entry that states it ("01:35 …"),
    /// minutes after midnight: orders figures stated on one day.
    pub at_time: Option<u16>,
}
