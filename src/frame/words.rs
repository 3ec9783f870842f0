//! Words and word lists: what rules select readings with.

/// The lower-case words of `text`: runs of letters and digits (an
/// apostrophe or hyphen splits a word: "Germany's" is "germany", "s").
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A list of words or phrases a rule selects by ("defence", "death toll",
/// "kill*"). A phrase matches consecutive words; a trailing `*` matches any
/// word starting so.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordList {
    phrases: Vec<Vec<String>>,
}

impl WordList {
    pub fn new<S: AsRef<str>>(entries: &[S]) -> WordList {
        let phrases = entries
            .iter()
            .map(|e| {
                let e = e.as_ref().trim().to_lowercase();
                let star = e.ends_with('*');
                let mut w = words(&e);
                if star {
                    if let Some(last) = w.last_mut() {
                        last.push('*');
                    }
                }
                w
            })
            .filter(|w| !w.is_empty())
            .collect();
        WordList { phrases }
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The first entry found in `words`, as written in the list.
    pub fn find(&self, words: &[String]) -> Option<String> {
        self.phrases.iter().find_map(|p| {
            (words.len() >= p.len())
                .then(|| {
                    (0..=words.len() - p.len())
                        .any(|i| p.iter().zip(&words[i..]).all(|(want, got)| word_matches(want, got)))
                })
                .filter(|&hit| hit)
                .map(|_| p.join(" "))
        })
    }

    /// Where the first word of an entry's first occurrence in `words` is,
    /// or of its last occurrence with `last`.
    pub fn position(&self, words: &[String], last: bool) -> Option<usize> {
        let hits = self.phrases.iter().filter_map(|p| {
            let at = |i: &usize| p.iter().zip(&words[*i..]).all(|(want, got)| word_matches(want, got));
            let starts = 0..(words.len() + 1).saturating_sub(p.len());
            if last {
                starts.rev().find(at)
            } else {
                starts.clone().find(at)
            }
        });
        if last {
            hits.max()
        } else {
            hits.min()
        }
    }

    pub fn matches(&self, words: &[String]) -> bool {
        self.find(words).is_some()
    }

    /// Does `words` start with an entry of the list?
    pub fn starts(&self, words: &[String]) -> bool {
        self.phrases
            .iter()
            .any(|p| words.len() >= p.len() && p.iter().zip(words).all(|(want, got)| word_matches(want, got)))
    }

    /// The longest word of each entry, a trailing `*` removed: a text that
    /// holds an entry holds this word at the start of a word (the longest
    /// is the most selective: "fund", not "the", of "the fund").
    pub fn key_words(&self) -> impl Iterator<Item = &str> + '_ {
        self.phrases
            .iter()
            .filter_map(|p| p.iter().map(|w| w.trim_end_matches('*')).max_by_key(|w| w.len()))
    }

    /// The literal words of the list, for a prefilter.
    pub fn literals(&self) -> impl Iterator<Item = String> + '_ {
        self.phrases
            .iter()
            .map(|p| p.join(" ").trim_end_matches('*').to_string())
    }
}

fn word_matches(want: &str, got: &str) -> bool {
    match want.strip_suffix('*') {
        Some(prefix) => got.starts_with(prefix),
        None => want == got,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_and_prefixes() {
        let list = WordList::new(&["death toll", "kill*", "GDP"]);
        assert!(list.matches(&words("the death toll rose")));
        assert!(list.matches(&words("killing at least")));
        assert!(list.matches(&words("of gdp")));
        assert!(!list.matches(&words("the toll of death")));
        assert_eq!(list.find(&words("Killed")), Some("kill*".into()));
        assert!(list.starts(&words("gdp growth")));
        assert!(!list.starts(&words("annual gdp")));
    }
}
