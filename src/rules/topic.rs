//! A story pack's topic (`[pack] topic = [...]`): words one of which a
//! document must mention, anywhere, for the pack's rules to read it. A
//! newsroom runs several story packs over every draft; without a topic a
//! flood pack's "the count was below half a million" reads a march as a
//! death toll, and that one claim is set against every toll of the story.

use aho_corasick::{AhoCorasick, MatchKind};

/// Every pack's topic words in one automaton, searched once per document.
#[derive(Debug, Clone, Default)]
pub struct Topics {
    matcher: Option<AhoCorasick>,
    /// Per automaton pattern: its topic, and whether it ends in `*` (any
    /// word starting so).
    patterns: Vec<(usize, bool)>,
    topics: usize,
}

impl Topics {
    /// `lists[t]` holds topic `t`'s entries ("flood*", "storm daniel").
    pub fn new(lists: &[Vec<String>]) -> Topics {
        let mut needles = Vec::new();
        let mut patterns = Vec::new();
        for (t, list) in lists.iter().enumerate() {
            for entry in list {
                let entry = entry.trim().to_lowercase();
                let star = entry.ends_with('*');
                let phrase = entry
                    .trim_end_matches('*')
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                if !phrase.is_empty() {
                    needles.push(phrase);
                    patterns.push((t, star));
                }
            }
        }
        let matcher = (!needles.is_empty()).then(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&needles)
                .expect("topic words are plain literals")
        });
        Topics {
            matcher,
            patterns,
            topics: lists.len(),
        }
    }

    /// No pack names a topic: every rule reads every document.
    pub fn is_empty(&self) -> bool {
        self.topics == 0
    }

    /// Which topics `text` mentions, by index: a topic word as a whole word
    /// (or a word starting so, for an entry ending in `*`).
    pub fn mentioned(&self, text: &str) -> Vec<bool> {
        let mut found = vec![false; self.topics];
        let Some(matcher) = &self.matcher else {
            return found;
        };
        let bytes = text.as_bytes();
        let word_byte = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
        let mut left = self.topics;
        for m in matcher.find_overlapping_iter(text) {
            let (t, star) = self.patterns[m.pattern().as_usize()];
            if found[t] {
                continue;
            }
            let starts_word = m.start() == 0 || !word_byte(bytes[m.start() - 1]);
            let ends_word = star || m.end() == bytes.len() || !word_byte(bytes[m.end()]);
            if starts_word && ends_word {
                found[t] = true;
                left -= 1;
                if left == 0 {
                    break;
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topics(lists: &[&[&str]]) -> Topics {
        let lists: Vec<Vec<String>> = lists
            .iter()
            .map(|l| l.iter().map(|s| s.to_string()).collect())
            .collect();
        Topics::new(&lists)
    }

    #[test]
    fn a_topic_word_is_found_as_a_whole_word_in_any_case() {
        let t = topics(&[&["flood*", "storm daniel"], &["pension*", "strike"]]);
        assert_eq!(t.mentioned("Floodwaters swept through Derna."), vec![true, false]);
        assert_eq!(
            t.mentioned("After Storm Daniel hit, unions went on strike."),
            vec![true, true]
        );
        // Inside another word it is not the topic's word.
        assert_eq!(t.mentioned("The strikers' pensions"), vec![false, true]);
        assert_eq!(t.mentioned("A striker scored."), vec![false, false]);
        assert_eq!(t.mentioned("Amsterdam's dam"), vec![false, false]);
    }

    #[test]
    fn no_topics_mentions_nothing() {
        let t = Topics::new(&[]);
        assert!(t.mentioned("anything").is_empty());
        let t = topics(&[&[]]);
        assert_eq!(t.mentioned("anything"), vec![false]);
    }
}
