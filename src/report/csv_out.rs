//! The CSV contract (see `DESIGN.md`): stable columns, one header row,
//! RFC 4180 quoting, UTF-8.

use super::spreadsheet_safe;
use super::view::{DecisionView, FindingView, SideView};
use crate::claim::Claim;
use crate::corpus::DocumentMeta;
use std::io::{self, Write};
use std::ops::Range;

pub const CLAIMS_COLUMNS: [&str; 8] = ["doc", "line", "col", "rule", "key", "value", "text", "sentence"];

pub const FINDINGS_COLUMNS: [&str; 18] = [
    "id",
    "relation",
    "severity",
    "status",
    "rule",
    "key",
    "a_value",
    "a_text",
    "a_sources",
    "a_location",
    "a_quote",
    "b_value",
    "b_text",
    "b_sources",
    "b_location",
    "b_quote",
    "explanation",
    // Every distinct value of the claim: `value [cluster] (n sources)`, `;`-separated.
    "values",
];

/// Columns after the design's: the evidence hash, then the editor's.
pub const REVIEW_COLUMNS: [&str; 6] = ["evidence", "decision", "reason", "note", "reviewer", "date"];

/// A sentence as evidence: exact but for line breaks and runs of white
/// space, folded to one space so every quote is one line (the location
/// still points at the exact text).
pub fn quote(sentence: &str) -> String {
    sentence.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The longest quote, in characters, before it is cut to a window around
/// the claim: every report then costs at most this much per claim, however
/// long the sentence (a 1 MiB paragraph without a full stop is one).
/// Long enough that real news sentences (captions run to 400 characters)
/// are quoted whole.
pub const QUOTE_WINDOW: usize = 600;

/// A claim's sentence as evidence ([`quote`]): the whole sentence when it
/// is at most [`QUOTE_WINDOW`] characters, else a window of that many
/// characters around the claim (`at`, byte offsets into `text`, the
/// sentence), each cut marked with `…`. Linear in the window, not the
/// sentence.
pub fn quote_window(text: &str, at: Range<usize>) -> String {
    let (s_start, s_end) = (0, text.len());
    let at_start = at.start.clamp(s_start, s_end);
    let at_end = at.end.clamp(at_start, s_end);
    // Characters available on each side of the claim, counted up to the window.
    let claim_chars = text[at_start..at_end].chars().take(QUOTE_WINDOW + 1).count();
    if claim_chars > QUOTE_WINDOW {
        let end = text[at_start..at_end]
            .char_indices()
            .nth(QUOTE_WINDOW)
            .map_or(at_end, |(i, _)| at_start + i);
        return with_cuts(at_start > s_start, &text[at_start..end], true);
    }
    let room = QUOTE_WINDOW - claim_chars;
    let before: Vec<usize> = text[s_start..at_start]
        .char_indices()
        .rev()
        .take(room + 1)
        .map(|(i, _)| s_start + i)
        .collect();
    let after: Vec<usize> = text[at_end..s_end]
        .char_indices()
        .take(room + 1)
        .map(|(i, _)| at_end + i)
        .collect();
    if before.len() + after.len() <= room {
        return quote(&text[s_start..s_end]);
    }
    // Half the room on each side; a side that has less leaves the rest to the other.
    let take_before = (room / 2).min(before.len());
    let take_after = (room - take_before).min(after.len());
    let take_before = (room - take_after).min(before.len());
    let start = if take_before == 0 {
        at_start
    } else {
        before[take_before - 1]
    };
    let end = if take_after < after.len() {
        after[take_after]
    } else {
        s_end
    };
    with_cuts(start > s_start, &text[start..end], end < s_end)
}

fn with_cuts(cut_before: bool, window: &str, cut_after: bool) -> String {
    let mut out = String::new();
    if cut_before {
        out.push('…');
    }
    out.push_str(&quote(window));
    if cut_after {
        out.push('…');
    }
    out
}

fn to_io(e: csv::Error) -> io::Error {
    io::Error::other(e)
}

fn write_row<W: Write>(w: &mut csv::Writer<W>, cells: &[&str]) -> io::Result<()> {
    w.write_record(cells.iter().map(|c| spreadsheet_safe(c).into_owned()))
        .map_err(to_io)
}

pub fn write_claims_csv(out: &mut dyn Write, docs: &[DocumentMeta], claims: &[Claim]) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    write_row(&mut w, &CLAIMS_COLUMNS)?;
    for c in claims {
        let doc = &docs[c.doc];
        write_row(
            &mut w,
            &[
                &doc.id,
                &c.span.line.to_string(),
                &c.span.col.to_string(),
                &c.rule,
                c.key_display(),
                &c.value,
                c.text(),
                &c.quote(),
            ],
        )?;
    }
    w.flush()
}

/// Columns of one side: value, text, sources, location, quote.
fn side_cells(side: Option<&SideView>) -> [String; 5] {
    let Some(side) = side else { return Default::default() };
    let l = &side.location;
    [
        side.value.clone(),
        side.text.clone(),
        side.sources.join(";"),
        format!("{}:{}:{}", l.doc, l.line, l.col),
        side.quote.clone(),
    ]
}

/// The `values` cell: every distinct value with its cluster and how many
/// sources state it ("[34, 34] chiefs [1] (2 sources)").
fn values_cell(f: &FindingView) -> String {
    f.values
        .iter()
        .map(|v| {
            let n = v.sources.len();
            format!(
                "{} [{}] ({n} source{})",
                v.value,
                v.cluster + 1,
                if n == 1 { "" } else { "s" }
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `findings.csv`: the design's columns, then the review columns. The
/// editor columns hold a decision only while it applies to this evidence;
/// a stale one is shown in `status` and left for the editor to make again.
pub fn write_findings_csv(out: &mut dyn Write, findings: &[FindingView]) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let header: Vec<&str> = FINDINGS_COLUMNS.iter().chain(REVIEW_COLUMNS.iter()).copied().collect();
    write_row(&mut w, &header)?;
    for f in findings {
        let a = side_cells(Some(&f.a));
        let b = side_cells(f.b.as_ref());
        let current = f.decision.as_ref().filter(|_| f.status != "needs-re-review");
        let d = |get: fn(&DecisionView) -> &String| current.map(get).cloned().unwrap_or_default();
        let editor = [
            d(|d| &d.decision),
            d(|d| &d.reason),
            d(|d| &d.note),
            d(|d| &d.reviewer),
            d(|d| &d.date),
        ];
        let mut row: Vec<&str> = vec![&f.id, &f.relation, &f.severity, &f.status, &f.rule, &f.key];
        row.extend(a.iter().map(String::as_str));
        row.extend(b.iter().map(String::as_str));
        let explanation = match &f.stale_because {
            Some(why) => format!("{} (needs re-review: {why})", f.explanation),
            None => f.explanation.clone(),
        };
        row.push(&explanation);
        let values = values_cell(f);
        row.push(&values);
        row.push(&f.evidence);
        row.extend(editor.iter().map(String::as_str));
        write_row(&mut w, &row)?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, needle: &str) -> Range<usize> {
        let start = text.find(needle).unwrap();
        start..start + needle.len()
    }

    #[test]
    fn short_sentences_are_quoted_whole() {
        let text = "Some 34  chiefs\nmet.";
        assert_eq!(quote_window(text, span(text, "34")), "Some 34 chiefs met.");
    }

    #[test]
    fn long_sentences_are_cut_around_the_claim() {
        let text = format!("{}34 chiefs{}", "é ".repeat(1000), " xyz".repeat(1000));
        let all = span(&text, &text);
        let q = quote_window(&text, span(&text, "34 chiefs"));
        assert!(
            q.starts_with("…é ") && q.ends_with("xyz…") && q.contains("34 chiefs"),
            "{q}"
        );
        assert!(q.chars().count() <= QUOTE_WINDOW + 2, "{}", q.chars().count());
        // Near the start, the window takes the room the start leaves.
        let q = quote_window(&text, span(&text, "é é"));
        assert!(!q.starts_with('…') && q.ends_with('…'), "{q}");
        assert!(q.chars().count() >= QUOTE_WINDOW - 40, "{}", q.chars().count());
        let q = quote_window(&text, all);
        assert!(q.ends_with('…') && q.chars().count() <= QUOTE_WINDOW + 1, "{q}");
    }
}
