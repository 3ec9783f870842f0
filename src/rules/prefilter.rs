//! The literal prefilter, in two steps per sentence (ripgrep's habit:
//! prefilter, then match).
//!
//! 1. Every pattern holds a value placeholder, so a sentence with no digit
//!    and none of the words a value can be written with (number words;
//!    date words when the pack has date rules; the names of member
//!    entities) cannot yield a claim.
//! 2. Each pattern's required literals are read from its syntax tree, with
//!    its placeholders stubbed out ("chiefs|leaders|commanders", "GDP"):
//!    one aho-corasick pass over the sentence says which patterns are
//!    worth running at all.

use aho_corasick::AhoCorasick;
use regex_syntax::hir::{Hir, HirKind};

/// Literals shorter than this select nothing ("of", "to").
const MIN_LITERAL: usize = 3;

/// Strings of which any match of the pattern must contain at least one
/// (lower-cased), or `None` when no such set is known. `stubbed` is the
/// author's pattern with placeholders replaced by a class.
pub fn required_literals(stubbed: &str) -> Option<Vec<String>> {
    let hir = regex_syntax::ParserBuilder::new().build().parse(stubbed).ok()?;
    required(&hir).filter(|set| !set.is_empty())
}

fn required(hir: &Hir) -> Option<Vec<String>> {
    match hir.kind() {
        HirKind::Literal(lit) => {
            let text = String::from_utf8_lossy(&lit.0).trim().to_lowercase();
            (text.chars().count() >= MIN_LITERAL).then(|| vec![text])
        }
        HirKind::Capture(c) => required(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required(&r.sub),
        HirKind::Alternation(subs) => {
            let mut all = Vec::new();
            for s in subs {
                all.extend(required(s)?);
            }
            all.sort();
            all.dedup();
            Some(all)
        }
        // The most selective child: the set whose shortest literal is
        // longest, then the smallest set.
        HirKind::Concat(subs) => subs.iter().filter_map(required).max_by_key(|set| {
            (
                set.iter().map(|l| l.len()).min().unwrap_or(0),
                std::cmp::Reverse(set.len()),
            )
        }),
        _ => None,
    }
}

/// Both steps, built once per pack.
#[derive(Debug, Clone)]
pub struct Prefilter {
    words: AhoCorasick,
    literals: AhoCorasick,
    /// For each literal of `literals`, the patterns that require it.
    literal_patterns: Vec<Vec<usize>>,
    /// Patterns with no required literal: run whenever step 1 passes.
    always: Vec<usize>,
    patterns: usize,
    /// A literal counts only where it starts a word (frame rules' words).
    word_starts: bool,
}

/// Does a word start at byte `at` of `text` (no letter or digit before it)?
pub fn starts_word(text: &str, at: usize) -> bool {
    !text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
}

impl Prefilter {
    /// `words`: the value words of step 1 besides number words;
    /// `pattern_literals`: for each pattern (in pack order), its required
    /// literals.
    pub fn new<S: AsRef<str>>(words: &[S], pattern_literals: &[Option<Vec<String>>]) -> Prefilter {
        let mut all: Vec<&str> = crate::quantity::number_words();
        all.extend(words.iter().map(AsRef::as_ref));
        let words = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(all)
            .expect("value words automaton");
        let mut index: Vec<String> = Vec::new();
        let mut literal_patterns: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        for (p, lits) in pattern_literals.iter().enumerate() {
            match lits {
                None => always.push(p),
                Some(lits) => {
                    for l in lits {
                        match index.iter().position(|x| x == l) {
                            Some(i) => literal_patterns[i].push(p),
                            None => {
                                index.push(l.clone());
                                literal_patterns.push(vec![p]);
                            }
                        }
                    }
                }
            }
        }
        let literals = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&index)
            .expect("literal automaton");
        Prefilter {
            words,
            literals,
            literal_patterns,
            always,
            patterns: pattern_literals.len(),
            word_starts: false,
        }
    }

    /// Count a literal only where it starts a word: the literals are the
    /// first words of word lists ("for" must not pass "before").
    pub fn at_word_starts(mut self) -> Prefilter {
        self.word_starts = true;
        self
    }

    /// Step 1 alone.
    pub fn may_match(&self, sentence: &str) -> bool {
        sentence.bytes().any(|b| b.is_ascii_digit()) || self.words.is_match(sentence)
    }

    /// The patterns worth running on `sentence`, in pack order.
    pub fn candidates(&self, sentence: &str) -> Vec<usize> {
        if !self.may_match(sentence) {
            return Vec::new();
        }
        let mut hit = vec![false; self.patterns];
        for p in &self.always {
            hit[*p] = true;
        }
        for m in self.literals.find_overlapping_iter(sentence) {
            if self.word_starts && !starts_word(sentence, m.start()) {
                continue;
            }
            for &p in &self.literal_patterns[m.pattern().as_usize()] {
                hit[p] = true;
            }
        }
        hit.iter().enumerate().filter_map(|(p, &h)| h.then_some(p)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lits(p: &str) -> Option<Vec<String>> {
        required_literals(p)
    }

    #[test]
    fn required_literals_of_rule_patterns() {
        assert_eq!(
            lits(r"\w (?:(?:senior|top) )?(?:military|army) (?:chiefs|leaders)\b"),
            Some(vec!["chiefs".into(), "leaders".into()])
        );
        assert_eq!(
            lits(r"\w of (?:its )?(?:GDP|economic output)"),
            Some(vec!["economic output".into(), "gdp".into()])
        );
        assert_eq!(
            lits(r"\b(?:met|gathered)\b[^.;]{0,40}?\bwithout\s+\w"),
            Some(vec!["without".into()])
        );
        assert_eq!(lits(r"\w+ (?:of)? \w"), None, "nothing selective");
        assert_eq!(lits(r"(?:chiefs|\w+)"), None, "an alternative without a literal");
    }

    #[test]
    fn candidates_follow_literals() {
        let p = Prefilter::new::<&str>(&[], &[Some(vec!["chiefs".into()]), Some(vec!["gdp".into()]), None]);
        assert_eq!(p.candidates("34 Chiefs met"), vec![0, 2]);
        assert_eq!(p.candidates("3% of GDP"), vec![1, 2]);
        assert!(p.candidates("Chiefs met").is_empty(), "no value word: nothing runs");
    }

    #[test]
    fn value_words() {
        let p = Prefilter::new::<&str>(&[], &[]);
        assert!(p.may_match("34 military chiefs"));
        assert!(p.may_match("Thirty-four chiefs"));
        assert!(!p.may_match("Leaders met on Monday."));
        assert!(Prefilter::new(&crate::event::when::date_words(), &[]).may_match("Leaders met on Monday."));
    }
}
