//! The rule pack: TOML files read, validated and compiled once, then shared
//! read-only by every worker.

mod compile;
mod prefilter;
mod schema;
mod topic;

use prefilter::Scanner;
pub use prefilter::{Hits, Prefilter};

/// The literal lists of a pack's [`Scanner`], in order.
const LIST_PATTERN_WORDS: usize = 0;
const LIST_PATTERN_LITERALS: usize = 1;
const LIST_FRAME_WORDS: usize = 2;
const LIST_FRAME_LITERALS: usize = 3;
const LIST_ABOUT_WORDS: usize = 4;

pub use compile::{
    Change, Context, EntitySlot, Example, Expect, FrameSpec, KeyPart, KeyTemplate, Measure, Pattern, Rule, RuleKind,
    ValueSlot, DEFAULT_CONTEXT_SENTENCES,
};

use crate::entity::Gazetteer;
use crate::event::EventBinder;
use regex::Regex;
use std::fmt;
use std::path::{Path, PathBuf};

/// A rule file problem, located at the file, line and column, with the
/// rule it belongs to when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub col: Option<usize>,
    pub rule: Option<String>,
    pub message: String,
}

impl RuleError {
    /// A problem with a whole file or folder, at no particular line.
    pub fn file(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        RuleError {
            path: path.into(),
            line: None,
            col: None,
            rule: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.col {
                write!(f, ":{col}")?;
            }
        }
        f.write_str(": ")?;
        if let Some(rule) = &self.rule {
            write!(f, "rule `{rule}`: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for RuleError {}

/// Every problem found in a rule pack (all are reported, not just the
/// first, so a rule author fixes them in one go).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleErrors(pub Vec<RuleError>);

impl fmt::Display for RuleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RuleErrors {}

/// The compiled rule pack.
#[derive(Debug)]
pub struct RulePack {
    pub rules: Vec<Rule>,
    /// The declared events, and what binds sentences to events.
    pub events: EventBinder,
    /// The pack (folder) that declared each event.
    pub event_pack: std::collections::BTreeMap<String, usize>,
    pub gazetteer: Gazetteer,
    /// The lower-case words of every place "the city" or "there" may
    /// stand for (see [`crate::frame::resolve_place_anaphora`]).
    pub place_words: Vec<Vec<String>>,
    pub files: Vec<PathBuf>,
    /// Skips sentences and patterns that cannot match (see [`Prefilter`]).
    prefilter: Prefilter,
    /// Every pattern of every rule, in order: (rule index, pattern index).
    pattern_index: Vec<(usize, usize)>,
    /// Skips sentences and frame rules that cannot take a reading: each
    /// frame rule's required words ([`FrameSpec::required_words`]).
    frame_prefilter: Prefilter,
    /// The frame rules, in order (the items of `frame_prefilter`).
    frame_rules: Vec<usize>,
    /// Per frame rule: does it also need one of its `about` words in its
    /// reach (the sentence and the few before it)?
    frame_gated: Vec<bool>,
    /// The literals of both prefilters and the `about` words in one
    /// automaton (lists in the order of the `LIST_*` constants).
    scanner: Scanner,
    /// The packs' topics (see [`topic`]); a rule's `topic` indexes them.
    topics: topic::Topics,
    /// Every sentence read for every frame rule, as before the prefilter:
    /// the reference its tests compare with.
    #[cfg(test)]
    pub(crate) frame_filters_off: bool,
}

impl RulePack {
    /// Load every `*.toml` file under `dir` (or `dir` itself when it is a file).
    pub fn load(dir: &Path) -> Result<RulePack, RuleErrors> {
        compile::load(&[dir.to_path_buf()])
    }

    /// Load several folders or files as one pack (a base pack and a
    /// story's own rules); ids must be unique across all of them.
    pub fn load_all(dirs: &[PathBuf]) -> Result<RulePack, RuleErrors> {
        compile::load(dirs)
    }

    /// Every literal the prefilters ask about, found in one pass over
    /// `sentence`: [`RulePack::candidates`] and
    /// [`RulePack::frame_candidates`] read the hits.
    pub fn scan(&self, sentence: &str) -> Hits {
        self.scanner.scan(sentence)
    }

    /// The patterns worth running on a sentence (`hits`: its
    /// [`RulePack::scan`]), as (rule index, rule, pattern), in rule order:
    /// those the literal prefilter lets through.
    pub fn candidates<'a>(&'a self, hits: &Hits) -> impl Iterator<Item = (usize, &'a Rule, &'a Pattern)> + 'a {
        let found = self.prefilter.candidates(
            hits.digit,
            &hits.items[LIST_PATTERN_WORDS],
            &hits.items[LIST_PATTERN_LITERALS],
        );
        found.into_iter().map(move |i| {
            let (r, p) = self.pattern_index[i];
            (r, &self.rules[r], &self.rules[r].patterns[p])
        })
    }

    /// The frame rules (rule indices, in rule order) that may take a
    /// reading of sentence `si` of a document: none when it holds no number
    /// or none of any frame rule's required words, so the sentence need not
    /// be read. `about` is the document's [`AboutSeen`], fed every sentence
    /// in order.
    pub fn frame_candidates(&self, hits: &Hits, si: usize, about: &mut AboutSeen) -> Vec<usize> {
        #[cfg(test)]
        if self.frame_filters_off {
            return self.frame_rules.clone();
        }
        for &p in &hits.items[LIST_ABOUT_WORDS] {
            about.seen[p] = Some(si);
        }
        self.frame_prefilter
            .candidates(
                hits.digit,
                &hits.items[LIST_FRAME_WORDS],
                &hits.items[LIST_FRAME_LITERALS],
            )
            .into_iter()
            .filter(|&i| {
                !self.frame_gated[i] || {
                    let rule = &self.rules[self.frame_rules[i]];
                    let reach = rule.context.as_ref().map_or(DEFAULT_CONTEXT_SENTENCES, |c| c.before);
                    about.seen[i].is_some_and(|at| at + reach >= si)
                }
            })
            .map(|i| self.frame_rules[i])
            .collect()
    }

    /// Per rule: is it off for this document, its pack's topic mentioned
    /// nowhere in it? `None` when no pack names a topic.
    pub fn rules_off(&self, text: &str) -> Option<Vec<bool>> {
        if self.topics.is_empty() {
            return None;
        }
        let mentioned = self.topics.mentioned(text);
        Some(
            self.rules
                .iter()
                .map(|r| r.topic.is_some_and(|t| !mentioned[t]))
                .collect(),
        )
    }

    /// A fresh [`AboutSeen`] for one document.
    pub fn about_seen(&self) -> AboutSeen {
        AboutSeen {
            seen: vec![None; self.frame_rules.len()],
        }
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| &*r.id == id)
    }

    /// May `rule` key a claim by `event`? Not when its pack keeps to its own
    /// events and another pack declared this one.
    pub fn may_bind(&self, rule: &Rule, event: &str) -> bool {
        match (rule.own_events, self.event_pack.get(event)) {
            (Some(own), Some(&declared)) => own == declared,
            _ => true,
        }
    }
}

/// Per document: the last sentence that held an `about` word of each
/// frame rule (position among the frame rules).
#[derive(Debug, Clone)]
pub struct AboutSeen {
    seen: Vec<Option<usize>>,
}

/// Lazy DFA cache per pattern (and per thread using it).
const DFA_CACHE_BYTES: usize = 16 << 20;

/// Compile a rule regex the way every rule regex is compiled: `\b` and
/// `\B` are ASCII word boundaries. A Unicode `\b` keeps the fast lazy DFA
/// from running on text with any non-ASCII character (curly quotes, dashes,
/// accents: every news article), which made scans many times slower.
pub(crate) fn build_regex(src: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(&ascii_word_boundaries(src))
        .size_limit(64 << 20)
        // Room for the lazy DFA of the large expanded patterns: with the
        // default 2 MB its cache is cleared again and again and the search
        // falls back to the slower engines.
        .dfa_size_limit(DFA_CACHE_BYTES)
        .build()
}

/// Rewrite `\b` and `\B` as `(?-u:\b)` and `(?-u:\B)`, leaving escaped
/// backslashes (`\\b`) alone.
pub fn ascii_word_boundaries(src: &str) -> String {
    let mut out = String::with_capacity(src.len() + 16);
    let mut chars = src.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str(r"(?-u:\b)"),
            Some('B') => out.push_str(r"(?-u:\B)"),
            Some(n) => {
                out.push(c);
                out.push(n);
            }
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_boundaries_become_ascii() {
        assert_eq!(ascii_word_boundaries(r"\bx\B \\b \d"), r"(?-u:\b)x(?-u:\B) \\b \d");
        let re = build_regex(r"(?i)\bpoland\b").unwrap();
        assert!(re.is_match("“Poland’s plan”"));
    }
}
