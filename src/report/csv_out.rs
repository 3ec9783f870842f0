//! The CSV contract (see `DESIGN.md`): stable columns, one header row,
//! RFC 4180 quoting, UTF-8.

use super::spreadsheet_safe;
use crate::align::{Finding, Side};
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
fn side_cells(docs: &[Document], claims: &[Claim], side: Option<&Side>) -> [String; 5] {
    let Some(side) = side else {
        return Default::default();
    };
    let first = &claims[side.claims[0]];
    let doc = &docs[first.doc];
    let sources: Vec<&str> = side
        .documents(claims)
        .into_iter()
        .map(|d| docs[d].id.as_str())
        .collect();
    [
        side.value.clone(),
        first.text.clone(),
        sources.join(";"),
        format!("{}:{}:{}", doc.id, first.span.line, first.span.col),
        quote(&doc.text[first.sentence.start..first.sentence.end]),
    ]
}

pub fn write_findings_csv(
    out: &mut dyn Write,
    docs: &[Document],
    claims: &[Claim],
    findings: &[Finding],
    status: &dyn Fn(&Finding) -> String,
) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    write_row(&mut w, &FINDINGS_COLUMNS)?;
    for f in findings {
        let a = side_cells(docs, claims, Some(&f.a));
        let b = side_cells(docs, claims, f.b.as_ref());
        let (relation, severity, status) = (f.relation.to_string(), f.severity().to_string(), status(f));
        let mut row: Vec<&str> = vec![&f.id, &relation, &severity, &status, &f.rule, &f.key];
        row.extend(a.iter().map(String::as_str));
        row.extend(b.iter().map(String::as_str));
        row.push(&f.explanation);
        write_row(&mut w, &row)?;
    }
    w.flush()
}
