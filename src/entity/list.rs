//! Lists of entities as news text writes them: "France, Germany, Italy,
//! Poland and Britain", "Britain, France and Germany", "the UK, Germany
//! and Italy", "Starmer, Scholz and Meloni", "NATO's Secretary-General and
//! the EU Council President".

use super::typo::correct;
use super::Gazetteer;
use std::ops::Range;

/// One item of a list, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The item as written, and where in the list text.
    pub text: String,
    pub range: Range<usize>,
    /// The entity it names, when the gazetteer knows it.
    pub entity: Option<String>,
    /// Set when the entity was found by correcting a misspelling: the
    /// canonical spelling it was corrected to.
    pub corrected: Option<String>,
}

/// The regex fragment `{entities:…}` expands to: two or more items of one
/// to four capitalised words, separated by commas and a final "and" or
/// "&". Which items are entities is decided afterwards, by [`resolve`].
pub fn pattern() -> String {
    use super::letters::{CAPITAL, LETTER};
    let word = format!(r"(?-i:[{CAPITAL}][{LETTER}.'’\-]*)");
    let item = format!(r"(?:(?i:the)\s+)?{word}(?:\s+{word}){{0,3}}");
    format!(r"\b{item}(?:\s*,\s*{item})*\s*,?\s+(?i:and|&)\s+{item}")
}

/// Split a list into item ranges: on commas, "and" and "&".
pub fn split(list: &str) -> Vec<Range<usize>> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    // ASCII lower-casing keeps every byte offset.
    let lower = list.to_ascii_lowercase();
    let mut skip_to = 0;
    for (i, c) in lower.char_indices() {
        if i < skip_to {
            continue;
        }
        let rest = &lower[i..];
        let cut = if c == ',' {
            let after = &rest[1..];
            let ws = after.len() - after.trim_start().len();
            // ", and" is one separator.
            Some(if after.trim_start().starts_with("and ") {
                1 + ws + 4
            } else {
                1
            })
        } else if rest.starts_with(" and ") {
            Some(5)
        } else if rest.starts_with(" & ") {
            Some(3)
        } else {
            None
        };
        if let Some(len) = cut {
            cuts.push((i, i + len));
            skip_to = i + len;
        }
    }
    let mut ranges = Vec::new();
    let mut start = 0;
    for (a, b) in cuts {
        ranges.push(start..a);
        start = b;
    }
    ranges.push(start..list.len());
    ranges
        .into_iter()
        .filter_map(|r| {
            let text = &list[r.clone()];
            let lead = text.len() - text.trim_start().len();
            let trimmed = text.trim();
            (!trimmed.is_empty()).then(|| r.start + lead..r.start + lead + trimmed.len())
        })
        .collect()
}

/// Resolve every item of a list to an entity of one of `kinds`: the
/// longest run of words that is a known name, else a corrected misspelling
/// of a one-word item. `sentence` rules out entities by context.
pub fn resolve(gazetteer: &Gazetteer, list: &str, sentence: &str, kinds: &[&str]) -> Vec<Item> {
    split(list)
        .into_iter()
        .map(|range| {
            let text = list[range.clone()].to_string();
            let words: Vec<&str> = text.split_whitespace().collect();
            let mut found = None;
            'outer: for n in (1..=words.len().min(5)).rev() {
                for w in words.windows(n) {
                    let candidate = w.join(" ");
                    let candidate = candidate.trim_matches(|c: char| c == ',' || c == '.' && !candidate.contains("U."));
                    if let Some(e) = gazetteer.lookup_in(candidate, sentence) {
                        if kinds.contains(&e.kind.as_str()) {
                            found = Some(e.id.clone());
                            break 'outer;
                        }
                    }
                }
            }
            let mut corrected = None;
            if found.is_none() && words.len() == 1 {
                if let Some(c) = correct(gazetteer, words[0], kinds) {
                    found = Some(c.entity.id.clone());
                    corrected = Some(c.entity.name.clone());
                }
            }
            Item {
                text,
                range,
                entity: found,
                corrected,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::Entity;
    use regex::Regex;

    fn gazetteer() -> Gazetteer {
        let mut g = Gazetteer::default();
        for (id, name, kind, aliases) in [
            ("france", "France", "country", vec!["French"]),
            ("germany", "Germany", "country", vec![]),
            ("italy", "Italy", "country", vec![]),
            ("poland", "Poland", "country", vec![]),
            (
                "united-kingdom",
                "United Kingdom",
                "country",
                vec!["UK", "U.K.", "Britain"],
            ),
            ("nato", "NATO", "organisation", vec![]),
            (
                "european-council",
                "European Council",
                "organisation",
                vec!["EU Council"],
            ),
            ("keir-starmer", "Keir Starmer", "person", vec!["Starmer"]),
            ("olaf-scholz", "Olaf Scholz", "person", vec!["Scholz"]),
            ("giorgia-meloni", "Giorgia Meloni", "person", vec!["Meloni"]),
        ] {
            g.add(Entity::new(id, name, kind, &aliases)).unwrap();
        }
        g
    }

    const KINDS: &[&str] = &["country", "organisation", "person"];

    fn ids(list: &str) -> Vec<String> {
        resolve(&gazetteer(), list, list, KINDS)
            .into_iter()
            .map(|i| i.entity.unwrap_or(format!("?{}", i.text)))
            .collect()
    }

    #[test]
    fn lists_as_news_writes_them() {
        assert_eq!(
            ids("France, Germany, Italy, Poland and Britain"),
            ["france", "germany", "italy", "poland", "united-kingdom"]
        );
        assert_eq!(
            ids("Britain, France and Germany"),
            ["united-kingdom", "france", "germany"]
        );
        assert_eq!(ids("the UK, Germany and Italy"), ["united-kingdom", "germany", "italy"]);
        assert_eq!(
            ids("the UK, France, Germany, Italy, Poland, and Poland"),
            ["united-kingdom", "france", "germany", "italy", "poland", "poland"]
        );
        assert_eq!(
            ids("Starmer, Scholz and Meloni"),
            ["keir-starmer", "olaf-scholz", "giorgia-meloni"]
        );
        assert_eq!(
            ids("NATO’s Secretary-General and the EU Council President"),
            ["nato", "european-council"]
        );
        assert_eq!(ids("Europe, Japan & France"), ["?Europe", "?Japan", "france"]);
    }

    #[test]
    fn misspelled_items_are_corrected_and_marked() {
        let items = resolve(&gazetteer(), "Poalnd, Germany and France", "", KINDS);
        assert_eq!(items[0].entity.as_deref(), Some("poland"));
        assert_eq!(items[0].corrected.as_deref(), Some("Poland"));
        assert_eq!(items[1].corrected, None);
    }

    #[test]
    fn the_pattern_finds_lists_in_sentences() {
        let re = Regex::new(&format!("(?i){}", pattern())).unwrap();
        let s = "Only nations like the UK, France, Germany, Italy, Poland, Spain, and Denmark—were invited.";
        assert_eq!(
            re.find(s).unwrap().as_str(),
            "the UK, France, Germany, Italy, Poland, Spain, and Denmark"
        );
        let s = "The defence ministers of Poalnd, Germany, France, Italy and Britain acknowledged challenges";
        assert_eq!(
            re.find(s).unwrap().as_str(),
            "Poalnd, Germany, France, Italy and Britain"
        );
    }
}
