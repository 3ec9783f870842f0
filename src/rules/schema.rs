//! The rule files as written: serde structs that refuse unknown keys.
//! Validation and compilation happen in `compile.rs`.

use crate::claim::Modality;
use crate::quantity::RoundNumbers;
use serde::Deserialize;
use toml::Spanned;

/// One `.toml` file of a rule pack. Any file may hold rules, events and
/// entities.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    #[serde(default)]
    pub rule: Vec<RawRule>,
    #[serde(default)]
    pub event: Vec<RawEvent>,
    #[serde(default)]
    pub entity: Vec<RawEntity>,
    /// Named word lists rules share: `"@meeting_words"` in a rule's list.
    #[serde(default)]
    pub lists: std::collections::BTreeMap<String, Spanned<Vec<String>>>,
    /// Settings of the pack (the folder holding this file).
    pub pack: Option<RawPackSettings>,
}

/// `[pack]`: how a story pack combines with others.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPackSettings {
    /// The pack's rules bind only to the pack's own declared events (and to
    /// events derived from the text), never to another story's.
    #[serde(default)]
    pub own_events: bool,
    /// Words one of which a document must mention for the pack's rules to
    /// read it ("flood*", "derna"); none: every document.
    #[serde(default)]
    pub topic: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub id: Spanned<String>,
    /// What the rule extracts: `quantity` (counts, shares, money; the
    /// default) or `date` (when an event took place).
    pub kind: Option<Spanned<String>>,
    /// The figure may change over time (a death toll, a pledge): a later
    /// article that differs is an `update`, not a `conflict`.
    #[serde(default)]
    pub changes_over_time: bool,
    /// A total that only grows (pledges, signatories): a later larger
    /// figure is an `update`, a later smaller one a `conflict`. Implies
    /// `changes_over_time`.
    #[serde(default)]
    pub grows_only: bool,
    pub describe: String,
    /// Regex patterns: the escape hatch for what a frame cannot say.
    #[serde(default)]
    pub patterns: Vec<Spanned<String>>,
    /// A frame: what the number counts, the words after it or just before
    /// it ("troops", "death toll", "kill*").
    pub counts: Option<Spanned<Vec<String>>>,
    /// A frame: a share of one of these ("GDP", "gross domestic product").
    pub share_of: Option<Spanned<Vec<String>>>,
    /// A frame: a share with no "of …" counts when one of these is in its
    /// own words ("defence spending of 2.1%").
    pub implied_by: Option<Spanned<Vec<String>>>,
    /// A frame: `count`, `share` or `money` (default: from `counts`/`share_of`).
    pub measure: Option<Spanned<String>>,
    /// A frame: the sentence (or the `context_sentences` before it) speaks
    /// of one of these.
    pub about: Option<Spanned<Vec<String>>>,
    /// A frame: one of these is in the figure's own stretch of text.
    pub qualified_by: Option<Spanned<Vec<String>>>,
    /// A frame: none of these is in the figure's own stretch of text.
    pub not_qualified_by: Option<Spanned<Vec<String>>>,
    /// A frame: also take figures that are parts of one named before them
    /// ("made up of €312.5bn in grants", "£40 million of that").
    #[serde(default)]
    pub parts: bool,
    /// A frame: also take sums of several things ("taken together", "a
    /// combined 33 million cubic metres").
    #[serde(default)]
    pub sums: bool,
    /// A frame: also take magnitudes said in one word ("dozens",
    /// "thousands"), impressions rather than figures.
    #[serde(default)]
    pub vague: bool,
    /// A frame: the rule counts rises and falls ("contract by 7.5%", "an
    /// increase of €50 million"); other rules never take them.
    #[serde(default)]
    pub measures_change: bool,
    /// A frame: the values the claim can take, `[lowest, highest]`: a
    /// figure wholly outside is another thing ("a majority of 26,195" is a
    /// constituency's, not the Commons').
    pub range: Option<Spanned<Vec<f64>>>,
    /// A date frame: words saying what happened ("opened", "adopted",
    /// "launch*"): a date next to one of them, in its clause, is the day
    /// it happened.
    pub happened: Option<Spanned<Vec<String>>>,
    /// A frame: the kind of entity whose figure it is (`country`), for `{subject}`.
    pub subject: Option<Spanned<String>>,
    pub key: Spanned<String>,
    /// What a count counts ("chiefs", "troops"); shares and money carry
    /// their own unit.
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub round_numbers: RoundNumbers,
    /// Tolerance of "about" and "nearly", as a fraction of the number.
    pub tolerance: Option<Spanned<f64>>,
    /// Fixes the modality of every claim of this rule instead of reading
    /// it from the sentence.
    pub modality: Option<Modality>,
    #[serde(default)]
    pub case_sensitive: bool,
    /// For `membership` rules: the entity is present (true) or excluded,
    /// absent, not invited (false).
    pub present: Option<bool>,
    /// A regex: sentences it matches are passed over ("^Meanwhile").
    pub skip_if: Option<Spanned<String>>,
    /// A regex the sentence or one of the `context_sentences` before it
    /// must match: the topic the claim is about ("defence", "military")
    /// when the sentence itself does not say it.
    pub context: Option<Spanned<String>>,
    pub context_sentences: Option<usize>,
    #[serde(default)]
    pub example: Vec<RawExample>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    pub text: Spanned<String>,
    /// The value the rule must extract, in the design's notation.
    pub value: Option<Spanned<String>>,
    pub key: Option<String>,
    pub modality: Option<Modality>,
    /// `true`: the rule must extract nothing from `text`.
    #[serde(default)]
    pub none: bool,
    /// Read the text as an article published that day (`YYYY-MM-DD`), for
    /// relative dates ("on Monday") and event windows.
    pub published: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub id: Spanned<String>,
    pub title: String,
    pub date: Spanned<String>,
    /// The last day of an event over several days.
    pub end_date: Option<Spanned<String>>,
    pub place: Option<String>,
    pub triggers: Vec<Spanned<String>>,
    pub window_days: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntity {
    pub id: Spanned<String>,
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// For people: what they stand for, and when.
    #[serde(default)]
    pub roles: Vec<RawRole>,
    /// In a list of participants, count as this entity instead.
    pub counts_as: Option<String>,
    /// Regexes: when one matches the sentence, a name of this entity there
    /// means something else ("Atlanta, Georgia").
    #[serde(default)]
    pub not_near: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRole {
    pub represents: String,
    #[serde(default)]
    pub title: String,
    pub from: Option<Spanned<String>>,
    pub until: Option<Spanned<String>>,
}
