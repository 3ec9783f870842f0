//! Sentence segmentation for news text.
//!
//! A line break ends a sentence (articles come one paragraph or headline a
//! line), except inside a hard-wrapped paragraph: a line that does not end
//! in sentence punctuation, followed by one that starts in lower case.
//! Within a paragraph a sentence ends at `.`, `!`, `?` or `…` (closing
//! quotes and brackets included) before white space and an upper-case
//! letter, a digit or an opening quote, unless the word before the full
//! stop is an abbreviation ("Gen.", "Mr.", "U.S.", "No. 10") or an initial.

use std::ops::Range;

/// A sentence's byte range in its document's text, and its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph (block of lines) it belongs to.
    pub paragraph: usize,
}

impl Sentence {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Words that take a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "gov", "sen",
    "rep", "pres", "rev", "hon", "st", "mt", "ft", "jr", "sr", "no", "nos", "vol", "fig", "art", "sec", "para", "pp",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp",
    "vs", "approx", "est", "dept", "univ", "govt", "mln", "bn",
];

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn opens_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '-' | '—' | '–')
}

/// Split `text[from..]` into sentences; offsets are into `text`.
pub fn segment(text: &str, from: usize) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (paragraph, block) in paragraphs(text, from).into_iter().enumerate() {
        split_block(text, block, paragraph, &mut out);
    }
    out
}

/// Blocks of lines that form one paragraph (see the module comment).
fn paragraphs(text: &str, from: usize) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut pos = from;
    for line in text[from..].split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim_end();
        if content.trim().is_empty() {
            blocks.extend(current.take());
            continue;
        }
        let end = start + content.len();
        current = match current.take() {
            Some(block) if continues(&text[block.clone()], content) => Some(block.start..end),
            Some(block) => {
                blocks.push(block);
                Some(start..end)
            }
            None => Some(start..end),
        };
    }
    blocks.extend(current);
    blocks
}

/// Is `next` the hard-wrapped continuation of the paragraph so far?
fn continues(so_far: &str, next: &str) -> bool {
    let last = so_far.trim_end().chars().last().unwrap_or('.');
    let first = next.trim_start().chars().next().unwrap_or('A');
    !is_terminal(last) && !is_closing(last) && last != ':' && first.is_lowercase()
}

fn split_block(text: &str, block: Range<usize>, paragraph: usize, out: &mut Vec<Sentence>) {
    let s = &text[block.clone()];
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_terminal(c) && c != '\n' {
            continue;
        }
        // Take the whole run of terminal and closing marks: `?!`, `.”`, `.)`.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if is_terminal(d) || is_closing(d) {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        if c == '\n' {
            // Only wrapped lines reach here: the line break is a space.
            continue;
        }
        let after = &s[end..];
        let next = after.trim_start();
        let spaced = after.len() > next.len();
        let Some(n) = next.chars().next() else {
            continue;
        };
        if !spaced || !opens_sentence(n) || (c == '.' && is_abbreviation(&s[start..i], n)) {
            continue;
        }
        push(text, block.start + start..block.start + end, paragraph, out);
        start = end;
    }
    push(text, block.start + start..block.end, paragraph, out);
}

/// Does the word before a full stop make it an abbreviation rather than an
/// end of sentence? `next` is the first character after the space.
fn is_abbreviation(before: &str, next: char) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    if lower == "no" || lower == "nos" {
        // "No. 10" but "The answer was no. Then…"
        return next.is_ascii_digit();
    }
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // Initials and dotted abbreviations: "J.", "U.S", "e.g", "a.m".
    let letters: Vec<&str> = word.split('.').collect();
    letters
        .iter()
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
        && word
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || letters.len() > 1)
}

/// The longest sentence, in bytes: a longer run of text without a sentence
/// end (a paragraph of a million characters and no full stop) is cut into
/// pieces at white space, so the work per sentence, and per claim in it,
/// stays bounded and a run costs time linear in the corpus. No sentence in
/// news text comes close.
pub const MAX_SENTENCE_BYTES: usize = 4096;

fn push(text: &str, r: Range<usize>, paragraph: usize, out: &mut Vec<Sentence>) {
    let mut r = r;
    while r.end - r.start > MAX_SENTENCE_BYTES {
        let floor = |mut i: usize| {
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let mut cut = floor(r.start + MAX_SENTENCE_BYTES);
        // At the last white space in the second half, when there is one.
        let half = floor(r.start + MAX_SENTENCE_BYTES / 2);
        if let Some((i, c)) = text[half..cut].char_indices().rev().find(|(_, c)| c.is_whitespace()) {
            cut = half + i + c.len_utf8();
        }
        push_one(text, r.start..cut, paragraph, out);
        r.start = cut;
    }
    push_one(text, r, paragraph, out);
}

fn push_one(text: &str, r: Range<usize>, paragraph: usize, out: &mut Vec<Sentence>) {
    let raw = &text[r.clone()];
    // Trim white space, list bullets and Markdown heading and quote marks;
    // keep offsets exact.
    let lead = raw.len()
        - raw
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '•' | '–' | '#' | '>'))
            .len();
    let trimmed = raw[lead..].trim_end();
    if trimmed.chars().any(char::is_alphanumeric) {
        out.push(Sentence {
            start: r.start + lead,
            end: r.start + lead + trimmed.len(),
            paragraph,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        segment(text, 0).iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn endless_sentences_are_cut_at_white_space() {
        let text = "word ".repeat(3000) + "é".repeat(5000).as_str() + " x" + "日".repeat(3000).as_str();
        let all = segment(&text, 0);
        assert!(all.len() > 3, "{}", all.len());
        for s in &all {
            assert!(s.end - s.start <= MAX_SENTENCE_BYTES);
        }
        assert!(all.windows(2).all(|w| w[0].end <= w[1].start));
        assert_eq!(&text[all[0].range()], "word ".repeat(819).trim_end());
        assert_eq!(all.last().unwrap().end, text.len());
    }

    #[test]
    fn abbreviations_and_decimals_do_not_split() {
        assert_eq!(
            sentences(
                "Gen. Burkhard met U.S. envoys at No. 10 Downing Street. Poland spends 4.47% of GDP. Mr. Tusk agreed."
            ),
            vec![
                "Gen. Burkhard met U.S. envoys at No. 10 Downing Street.",
                "Poland spends 4.47% of GDP.",
                "Mr. Tusk agreed."
            ]
        );
    }

    #[test]
    fn quotes_and_dashes() {
        assert_eq!(
            sentences("“We can act together,” said a diplomat. “But it is hard.” Troops—if any—would wait."),
            vec![
                "“We can act together,” said a diplomat.",
                "“But it is hard.”",
                "Troops—if any—would wait."
            ]
        );
        assert_eq!(
            sentences("Is it over? Nobody knows! 34 chiefs came."),
            vec!["Is it over?", "Nobody knows!", "34 chiefs came."]
        );
    }

    #[test]
    fn lines_are_paragraphs_unless_hard_wrapped() {
        let text =
            "Headline Without Stop\nFirst line of a paragraph that\ncontinues here. Next one.\n- bullet item\n\nLast.";
        assert_eq!(
            sentences(text),
            vec![
                "Headline Without Stop",
                "First line of a paragraph that\ncontinues here.",
                "Next one.",
                "bullet item",
                "Last."
            ]
        );
        let para: Vec<usize> = segment(text, 0).iter().map(|s| s.paragraph).collect();
        assert_eq!(para, vec![0, 1, 1, 2, 3]);
    }

    #[test]
    fn markdown_marks_are_not_part_of_sentences() {
        assert_eq!(
            sentences("# Defence chiefs agree\n\n> Quoted line."),
            vec!["Defence chiefs agree", "Quoted line."]
        );
    }

    #[test]
    fn the_answer_no_still_ends_a_sentence() {
        assert_eq!(
            sentences("He said no. Then he left."),
            vec!["He said no.", "Then he left."]
        );
        assert_eq!(
            sentences("It was held in the U.S. Japan came too."),
            vec!["It was held in the U.S. Japan came too."]
        );
    }
}
