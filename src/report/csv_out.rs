//! The CSV contract (see `DESIGN.md`): stable columns, one header row,
//! RFC 4180 quoting, UTF-8.

use super::spreadsheet_safe;
use super::view::{DecisionView, FindingView, SideView};
use crate::claim::Claim;
use crate::corpus::Document;
use std::io::{self, Write};

pub const CLAIMS_COLUMNS: [&str; 8] = ["doc", "line", "col", "rule", "key", "value", "text", "sentence"];

pub const FINDINGS_COLUMNS: [&str; 17] = [
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
];

/// Columns after the design's: the evidence hash, then the editor's.
pub const REVIEW_COLUMNS: [&str; 6] = ["evidence", "decision", "reason", "note", "reviewer", "date"];

/// A sentence as evidence: exact but for line breaks and runs of white
/// space, folded to one space so every quote is one line (the location
/// still points at the exact text).
pub fn quote(sentence: &str) -> String {
    sentence.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn to_io(e: csv::Error) -> io::Error {
    io::Error::other(e)
}

fn write_row<W: Write>(w: &mut csv::Writer<W>, cells: &[&str]) -> io::Result<()> {
    w.write_record(cells.iter().map(|c| spreadsheet_safe(c).into_owned()))
        .map_err(to_io)
}

pub fn write_claims_csv(out: &mut dyn Write, docs: &[Document], claims: &[Claim]) -> io::Result<()> {
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
                &c.key_display,
                &c.value,
                &c.text,
                &quote(&doc.text[c.sentence.start..c.sentence.end]),
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
        row.push(&f.explanation);
        row.push(&f.evidence);
        row.extend(editor.iter().map(String::as_str));
        write_row(&mut w, &row)?;
    }
    w.flush()
}
