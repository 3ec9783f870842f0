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

/// One literal list of a prefilter: each string (lower case), and the
/// items (patterns, rules) it serves.
#[derive(Debug, Clone, Default)]
pub struct LiteralList {
    strings: Vec<String>,
    items: Vec<Vec<usize>>,
    /// A hit counts only where it starts a word (word lists: "for" must
    /// not pass "before").
    word_starts: bool,
}

impl LiteralList {
    pub fn new(word_starts: bool) -> LiteralList {
        LiteralList {
            word_starts,
            ..LiteralList::default()
        }
    }

    /// `string` serves `item`. Matching folds ASCII case only.
    pub fn add(&mut self, string: &str, item: usize) {
        let s = string.to_ascii_lowercase();
        match self.strings.iter().position(|x| *x == s) {
            Some(i) => self.items[i].push(item),
            None => {
                self.strings.push(s);
                self.items.push(vec![item]);
            }
        }
    }
}

/// Every literal list of a pack, searched in one aho-corasick pass per
/// sentence (ripgrep's habit: one automaton, then route the hits).
#[derive(Debug, Clone)]
pub struct Scanner {
    automaton: AhoCorasick,
    /// Per string of the automaton: (list, index in the list).
    routes: Vec<Vec<(usize, usize)>>,
    lists: Vec<LiteralList>,
}

/// What one pass found: whether the sentence holds a digit, and per list
/// the items its literals hit (an item may repeat).
#[derive(Debug, Clone, Default)]
pub struct Hits {
    pub digit: bool,
    pub items: Vec<Vec<usize>>,
}

impl Hits {
    /// These hits with the literals another text hit (a list item's lead-in
    /// line), keeping this text's digit test.
    pub fn with_literals_of(mut self, other: &Hits) -> Hits {
        for (mine, theirs) in self.items.iter_mut().zip(&other.items) {
            mine.extend_from_slice(theirs);
        }
        self
    }
}

impl Scanner {
    pub fn new(lists: Vec<LiteralList>) -> Scanner {
        let mut strings: Vec<&str> = Vec::new();
        let mut routes: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (l, list) in lists.iter().enumerate() {
            for (i, s) in list.strings.iter().enumerate() {
                let at = *index.entry(s.as_str()).or_insert_with(|| {
                    strings.push(s);
                    routes.push(Vec::new());
                    strings.len() - 1
                });
                routes[at].push((l, i));
            }
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&strings)
            .expect("literal automaton");
        Scanner {
            automaton,
            routes,
            lists,
        }
    }

    pub fn scan(&self, sentence: &str) -> Hits {
        let mut hits = Hits {
            digit: sentence.bytes().any(|b| b.is_ascii_digit()),
            items: vec![Vec::new(); self.lists.len()],
        };
        for m in self.automaton.find_overlapping_iter(sentence) {
            let starts_a_word = starts_word(sentence, m.start());
            for &(l, i) in &self.routes[m.pattern().as_usize()] {
                let list = &self.lists[l];
                if !list.word_starts || starts_a_word {
                    hits.items[l].extend_from_slice(&list.items[i]);
                }
            }
        }
        hits
    }
}

/// Both steps for one set of items (patterns, or frame rules), built once
/// per pack; its two literal lists are searched by the pack's `Scanner`.
#[derive(Debug, Clone)]
pub struct Prefilter {
    /// Items with no required literal: run whenever step 1 passes.
    always: Vec<usize>,
    items: usize,
}

/// Does a word start at byte `at` of `text` (no letter or digit before it)?
pub fn starts_word(text: &str, at: usize) -> bool {
    !text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
}

impl Prefilter {
    /// `words`: the value words of step 1 besides number words;
    /// `item_literals`: for each item (in pack order), its required
    /// literals; `word_starts`: a literal counts only where it starts a word.
    /// Returns the prefilter and its two literal lists for the pack's
    /// `Scanner`: value words (step 1), then required literals (step 2).
    pub fn new<S: AsRef<str>>(
        words: &[S],
        item_literals: &[Option<Vec<String>>],
        word_starts: bool,
    ) -> (Prefilter, [LiteralList; 2]) {
        let mut value_words = LiteralList::new(false);
        for w in crate::quantity::number_words()
            .into_iter()
            .chain(words.iter().map(AsRef::as_ref))
        {
            value_words.add(w, 0);
        }
        let mut literals = LiteralList::new(word_starts);
        let mut always = Vec::new();
        for (p, lits) in item_literals.iter().enumerate() {
            match lits {
                None => always.push(p),
                Some(lits) => lits.iter().for_each(|l| literals.add(l, p)),
            }
        }
        let prefilter = Prefilter {
            always,
            items: item_literals.len(),
        };
        (prefilter, [value_words, literals])
    }

    /// Step 1: a digit, or a value word (`word_hits`: the hits of the
    /// first list).
    pub fn may_match(digit: bool, word_hits: &[usize]) -> bool {
        digit || !word_hits.is_empty()
    }

    /// The items worth running, in pack order, from the hits of this
    /// prefilter's two lists.
    pub fn candidates(&self, digit: bool, word_hits: &[usize], literal_hits: &[usize]) -> Vec<usize> {
        if !Prefilter::may_match(digit, word_hits) {
            return Vec::new();
        }
        let mut hit = vec![false; self.items];
        for &p in self.always.iter().chain(literal_hits) {
            hit[p] = true;
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

    /// One prefilter searched alone: its candidates for a sentence.
    fn candidates((p, lists): &(Prefilter, [LiteralList; 2]), sentence: &str) -> Vec<usize> {
        let hits = Scanner::new(lists.to_vec()).scan(sentence);
        p.candidates(hits.digit, &hits.items[0], &hits.items[1])
    }

    fn may_match((_, lists): &(Prefilter, [LiteralList; 2]), sentence: &str) -> bool {
        let hits = Scanner::new(lists.to_vec()).scan(sentence);
        Prefilter::may_match(hits.digit, &hits.items[0])
    }

    #[test]
    fn candidates_follow_literals() {
        let p = Prefilter::new::<&str>(
            &[],
            &[Some(vec!["chiefs".into()]), Some(vec!["gdp".into()]), None],
            false,
        );
        assert_eq!(candidates(&p, "34 Chiefs met"), vec![0, 2]);
        assert_eq!(candidates(&p, "3% of GDP"), vec![1, 2]);
        assert!(candidates(&p, "Chiefs met").is_empty(), "no value word: nothing runs");
    }

    #[test]
    fn word_start_literals() {
        let p = Prefilter::new::<&str>(&[], &[Some(vec!["for".into()]), None], true);
        assert_eq!(candidates(&p, "34 for him"), vec![0, 1]);
        assert_eq!(candidates(&p, "34 before him"), vec![1], "'for' inside a word");
    }

    #[test]
    fn one_pass_serves_every_list() {
        let (a, a_lists) = Prefilter::new::<&str>(&[], &[Some(vec!["chiefs".into()])], false);
        let (b, b_lists) = Prefilter::new::<&str>(&[], &[Some(vec!["Chiefs".into()]), Some(vec!["met".into()])], true);
        let scanner = Scanner::new(a_lists.into_iter().chain(b_lists).collect());
        let hits = scanner.scan("34 chiefs met");
        assert_eq!(a.candidates(hits.digit, &hits.items[0], &hits.items[1]), vec![0]);
        assert_eq!(b.candidates(hits.digit, &hits.items[2], &hits.items[3]), vec![0, 1]);
    }

    #[test]
    fn value_words() {
        let p = Prefilter::new::<&str>(&[], &[], false);
        assert!(may_match(&p, "34 military chiefs"));
        assert!(may_match(&p, "Thirty-four chiefs"));
        assert!(!may_match(&p, "Leaders met on Monday."));
        let dates = Prefilter::new(&crate::event::when::date_words(), &[], false);
        assert!(may_match(&dates, "Leaders met on Monday."));
    }
}
