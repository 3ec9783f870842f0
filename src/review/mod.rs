//! The editors' record: decisions read back from the review file, matched
//! to findings by their stable id, and the failure policy for CI.
//!
//! The run never writes the review file. An editor opens `findings.csv` in
//! a spreadsheet, fills `decision` (and `reason`, `note`, `reviewer`,
//! `date`) and saves it as the review file; crosscheck reads it back,
//! tolerating a byte-order mark, CRLF line ends, `;` as the separator,
//! reordered and extra columns, and says which rows it could not use. A
//! decision holds while the evidence hash it was made on matches the
//! finding's; otherwise the finding needs re-review.

use crate::align::{Finding, Relation};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The discrepancy is real.
    Confirmed,
    /// Not a discrepancy (different events, rounding, …).
    Dismissed,
    /// Corrected in the drafts.
    Fixed,
}

impl Decision {
    fn parse(s: &str) -> Option<Decision> {
        match s.trim().to_ascii_lowercase().as_str() {
            "confirmed" => Some(Decision::Confirmed),
            "dismissed" => Some(Decision::Dismissed),
            "fixed" => Some(Decision::Fixed),
            _ => None,
        }
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Decision::Confirmed => "confirmed",
            Decision::Dismissed => "dismissed",
            Decision::Fixed => "fixed",
        })
    }
}

/// Reasons an editor may give (the `reason` column); free text goes in `note`.
pub const REASONS: &[&str] = &[
    "different-event",
    "rounding",
    "different-timeframe",
    "source-error",
    "other",
];

/// One usable row of the review file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub decision: Decision,
    pub reason: String,
    pub note: String,
    pub reviewer: String,
    pub date: String,
    /// The evidence hash the decision was made on (may be empty).
    pub evidence: String,
    /// 1-based line of the row in the file.
    pub line: usize,
}

/// A row that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub line: usize,
    pub message: String,
}

/// The review file as read.
#[derive(Debug, Clone, Default)]
pub struct Review {
    pub path: Option<PathBuf>,
    pub entries: BTreeMap<String, Entry>,
    pub problems: Vec<RowProblem>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("{}: {message}", path.display())]
    Unreadable { path: PathBuf, message: String },
}

/// The separator of a review file, from its header row: spreadsheets in
/// many European locales save with `;`.
fn delimiter_of(header: &str) -> u8 {
    if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
/// carriage return first) gets a leading `'`, so a hostile quote cannot
/// become a formula on an editor's machine; `undefuse` reads it back.
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// A spreadsheet's defused formula cell back to its text.
fn undefuse(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// The largest review file read: far more decisions than any newsroom
/// keeps; a larger file is refused before it is read.
pub const MAX_REVIEW_BYTES: usize = 64 * 1024 * 1024;

/// Read the review file; a missing file is an empty review, not an error.
/// It is only ever read: a FIFO, device or socket is refused without
/// being opened for long (no run hangs on it), and so is a file larger
/// than [`MAX_REVIEW_BYTES`].
pub fn read(path: &Path) -> Result<Review, ReviewError> {
    let unreadable = |message: String| ReviewError::Unreadable {
        path: path.into(),
        message,
    };
    let resolved = match std::fs::canonicalize(path) {
        Ok(p) => p,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Review {
                path: Some(path.to_path_buf()),
                ..Default::default()
            })
        }
        Err(e) => return Err(unreadable(e.to_string())),
    };
    let bytes = crate::corpus::read_limited(&resolved, MAX_REVIEW_BYTES).map_err(unreadable)?;
    let text = String::from_utf8(bytes).map_err(|e| ReviewError::Unreadable {
        path: path.into(),
        message: format!(
            "not UTF-8 (byte {}); save it as CSV UTF-8",
            e.utf8_error().valid_up_to()
        ),
    })?;
    let mut review = parse(&text).map_err(|message| ReviewError::Unreadable {
        path: path.into(),
        message,
    })?;
    review.path = Some(path.to_path_buf());
    Ok(review)
}

/// Parse review CSV text (see the module comment for what is tolerated).
pub fn parse(text: &str) -> Result<Review, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // CR alone ends a line too (old spreadsheet "Macintosh" CSV): made LF,
    // so the lines the reader counts are the lines an editor sees.
    let text = &text.replace("\r\n", "\n").replace('\r', "\n");
    let delimiter = delimiter_of(text.lines().next().unwrap_or(""));
    // A CSV reader takes everything after an unclosed quote as one cell:
    // every later decision would be dropped without a word.
    if let Some(line) = unclosed_quote(text, delimiter) {
        return Err(format!(
            "line {line}: a quoted cell opened on this line is never closed (a missing `\"`); \
             no decision after it could be read, so none is used: close the quote and save again"
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("cannot read the header row: {e}"))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let id_col = col("id").ok_or("no `id` column in the header row")?;
    let decision_col = col("decision").ok_or("no `decision` column in the header row")?;
    let (reason_col, note_col, reviewer_col, date_col) = (col("reason"), col("note"), col("reviewer"), col("date"));
    let evidence_col = col("evidence");
    let mut review = Review::default();
    for (n, record) in reader.records().enumerate() {
        // The line the row starts on (a quoted cell may span lines).
        let line = match &record {
            Ok(r) => r.position().map(|p| p.line() as usize),
            Err(e) => e.position().map(|p| p.line() as usize),
        }
        .unwrap_or(n + 2);
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                review.problems.push(RowProblem {
                    line,
                    message: format!("row not used: unreadable row: {e}"),
                });
                continue;
            }
        };
        let get = |c: Option<usize>| {
            c.and_then(|c| record.get(c))
                .map(|v| undefuse(v.trim()).to_string())
                .unwrap_or_default()
        };
        let id = get(Some(id_col));
        let decision_text = get(Some(decision_col));
        if decision_text.is_empty() {
            continue; // not decided yet
        }
        if id.is_empty() {
            review.problems.push(RowProblem {
                line,
                message: "row not used: a decision without an id".into(),
            });
            continue;
        }
        let Some(decision) = Decision::parse(&decision_text) else {
            review.problems.push(RowProblem {
                line,
                message: format!("row not used: decision {decision_text:?} is not confirmed, dismissed or fixed"),
            });
            continue;
        };
        // The reason is optional: a misspelt one costs the decision
        // nothing; it is kept in the note and named.
        let mut reason = get(reason_col).to_ascii_lowercase();
        let mut note = get(note_col);
        if !reason.is_empty() && !REASONS.contains(&reason.as_str()) {
            review.problems.push(RowProblem {
                line,
                message: format!(
                    "decision kept, reason {reason:?} is not one of {} and was moved to the note",
                    REASONS.join(", ")
                ),
            });
            note = if note.is_empty() {
                format!("reason: {reason}")
            } else {
                format!("{note} (reason: {reason})")
            };
            reason = String::new();
        }
        let entry = Entry {
            id: id.clone(),
            decision,
            reason,
            note,
            reviewer: get(reviewer_col),
            date: get(date_col),
            evidence: get(evidence_col),
            line,
        };
        if let Some(prev) = review.entries.insert(id.clone(), entry) {
            review.problems.push(RowProblem {
                line,
                message: format!(
                    "id {id} was decided on line {} too; this later row counts, that one is not used",
                    prev.line
                ),
            });
        }
    }
    Ok(review)
}

/// The line of a quoted cell that never closes, if any (RFC 4180: a cell
/// is quoted when it starts with `"`; `""` inside is a quote).
fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let delimiter = delimiter as char;
    let mut line = 1;
    let mut opened = None;
    let mut at_cell_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        match opened {
            Some(_) if c == '"' => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    opened = None;
                }
            }
            Some(_) => {}
            None if c == '"' && at_cell_start => opened = Some(line),
            None => {}
        }
        at_cell_start = opened.is_none() && (c == delimiter || c == '\n' || c == '\r');
    }
    opened
}

/// Where a finding stands with the editors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// No decision yet.
    New,
    /// A decision on this very evidence.
    Decided(Entry),
    /// A decision on evidence that has changed since, and what changed.
    NeedsReReview(Entry, String),
}

impl Status {
    /// The `status` column.
    pub fn label(&self) -> String {
        match self {
            Status::New => "new".into(),
            Status::Decided(e) => e.decision.to_string(),
            Status::NeedsReReview(..) => "needs-re-review".into(),
        }
    }

    /// Undecided or stale: what CI counts.
    pub fn is_open(&self) -> bool {
        !matches!(self, Status::Decided(_))
    }
}

impl Review {
    pub fn status(&self, f: &Finding) -> Status {
        match self.entries.get(&f.id) {
            None => match self.legacy_entry(f) {
                // Only the id changed (a letter was put in front of it):
                // the decision stands on the same evidence.
                Some((e, _)) if !e.evidence.is_empty() && e.evidence == f.evidence => Status::Decided(e.clone()),
                Some((e, pair)) => Status::NeedsReReview(
                    e.clone(),
                    format!(
                        "carried from a decision on {pair} (id {}): findings are now one per claim, with every value",
                        e.id
                    ),
                ),
                None => Status::New,
            },
            Some(e) if e.evidence.is_empty() => Status::Decided(e.clone()),
            Some(e) => match crate::align::evidence_change(&e.evidence, &f.evidence) {
                None => Status::Decided(e.clone()),
                Some(why) => Status::NeedsReReview(e.clone(), why),
            },
        }
    }

    /// A decision from before one finding per key, on a pair of this
    /// finding's values (or its one value), and that pair in words.
    fn legacy_entry(&self, f: &Finding) -> Option<(&Entry, String)> {
        // Findings that were pairs of their own kind (attendance) name the
        // ids they had.
        if let Some(e) = f.legacy_ids.iter().find_map(|id| self.entries.get(id)) {
            return Some((e, "an earlier finding on this key".to_string()));
        }
        // Old ids are pairs of values: too many pairs to try on a key with
        // hundreds of values, and no old file has decisions on those.
        if f.values.is_empty() || f.values.len() > 60 || self.entries.is_empty() {
            return None;
        }
        let id = |a: &str, b: Option<&str>| crate::align::legacy_pair_id(&f.rule, &f.key, f.modality, a, b);
        if let [only] = f.values.as_slice() {
            return self
                .entries
                .get(&id(&only.value, None))
                .map(|e| (e, format!("'{}'", only.value)));
        }
        for (i, a) in f.values.iter().enumerate() {
            for b in &f.values[i + 1..] {
                if let Some(e) = self.entries.get(&id(&a.value, Some(&b.value))) {
                    return Some((e, format!("'{}' against '{}'", a.value, b.value)));
                }
            }
        }
        None
    }

    /// Decisions whose finding no longer exists (the discrepancy went
    /// away, or an old decision on a pair of values could not be carried to
    /// its key's finding): kept in the file, reported.
    pub fn orphans<'r>(&'r self, findings: &[Finding]) -> Vec<&'r Entry> {
        let carried: std::collections::BTreeSet<&str> = findings
            .iter()
            .filter(|f| !self.entries.contains_key(&f.id))
            .filter_map(|f| self.legacy_entry(f).map(|(e, _)| e.id.as_str()))
            .collect();
        self.entries
            .values()
            .filter(|e| !findings.iter().any(|f| f.id == e.id) && !carried.contains(e.id.as_str()))
            .collect()
    }
}

/// Which open findings fail a CI run (`--fail-on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum FailOn {
    /// Open conflicts.
    #[default]
    Conflict,
    /// Open conflicts and partial rosters.
    Partial,
    /// Any open finding but agreement.
    Any,
    /// Never fail on findings.
    Never,
}

impl FailOn {
    pub fn fails(self, relation: Relation) -> bool {
        match self {
            FailOn::Conflict => relation == Relation::Conflict,
            FailOn::Partial => matches!(relation, Relation::Conflict | Relation::Partial),
            FailOn::Any => relation != Relation::Agree,
            FailOn::Never => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_exports_are_tolerated() {
        let text = "\u{feff}note;Decision;ID;extra;Reason;evidence\r\nlooks fine;Confirmed;abc;x;rounding;e1\r\n;;def;;;\r\nbad;maybe;ghi;;;\r\n;dismissed;jkl;;because;\r\n;fixed;;;;\r\n";
        let r = parse(text).unwrap();
        // abc, and jkl whose misspelt reason costs it nothing.
        assert_eq!(r.entries.len(), 2);
        let jkl = &r.entries["jkl"];
        assert_eq!(
            (jkl.decision, jkl.reason.as_str(), jkl.note.as_str()),
            (Decision::Dismissed, "", "reason: because")
        );
        let e = &r.entries["abc"];
        assert_eq!(
            (e.decision, e.reason.as_str(), e.note.as_str(), e.evidence.as_str()),
            (Decision::Confirmed, "rounding", "looks fine", "e1")
        );
        let lines: Vec<usize> = r.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [4, 5, 6], "{:?}", r.problems);
        assert!(r.problems[0].message.contains("\"maybe\""));
        assert!(r.problems[1].message.starts_with("decision kept, reason \"because\""));
    }

    #[test]
    fn an_unclosed_quote_is_an_error_naming_its_line() {
        let text = "id,decision,note\nabc,confirmed,\"fine\"\"s\"\ndef,dismissed,\"oops\nghi,fixed,x\njkl,fixed,y\n";
        let e = parse(text).unwrap_err();
        assert!(e.starts_with("line 3: a quoted cell"), "{e}");
        // Closed quotes over several lines, and quotes inside a cell, are fine.
        let r = parse("id;decision;note\r\nabc;fixed;\"two\r\nlines; \"\"x\"\"\"\r\ndef;fixed;5\" screen\r\n").unwrap();
        assert_eq!(r.entries.len(), 2);
        assert_eq!(r.entries["abc"].note, "two\nlines; \"x\"");
        assert_eq!(r.entries["def"].note, "5\" screen");
    }

    #[test]
    fn rows_are_named_by_the_line_they_start_on() {
        // Found by the fuzzer: CR-only line ends counted as rows, not lines.
        let r = parse("note;Decision;ID\r\nx\r\nx;fixed;bc\ro;fixed;bc\ro;bad;x\n").unwrap();
        assert_eq!(r.entries["bc"].line, 4);
        assert_eq!(r.problems.iter().map(|p| p.line).collect::<Vec<_>>(), [4, 5]);
        let r = parse("id,decision,note\na,fixed,\"two\nlines\"\nb,maybe,\n").unwrap();
        assert_eq!((r.entries["a"].line, r.problems[0].line), (2, 4));
    }

    #[test]
    fn defused_cells_read_back() {
        let r = parse("id,decision,note\nabc,fixed,'=1+1\n").unwrap();
        assert_eq!(r.entries["abc"].note, "=1+1");
    }

    #[test]
    fn missing_columns_are_reported() {
        assert!(parse("decision\nconfirmed\n").unwrap_err().contains("`id`"));
        assert!(parse("id\nabc\n").unwrap_err().contains("`decision`"));
    }

    #[test]
    fn policies() {
        assert!(FailOn::Conflict.fails(Relation::Conflict) && !FailOn::Conflict.fails(Relation::Partial));
        assert!(FailOn::Partial.fails(Relation::Partial) && !FailOn::Partial.fails(Relation::Variant));
        assert!(FailOn::Any.fails(Relation::Variant) && !FailOn::Any.fails(Relation::Agree));
        assert!(!FailOn::Never.fails(Relation::Conflict));
    }
}

/// The review file's text with `rows` added at the end (their `line` is
/// not used): every byte already
/// there is kept, the rows follow the file's own header (its columns, its
/// order, its `,` or `;`), and a new file gets the standard header.
pub fn append_rows(existing: Option<&str>, rows: &[Entry]) -> String {
    const STANDARD: [&str; 7] = ["id", "decision", "reason", "note", "reviewer", "date", "evidence"];
    let (mut text, header, delimiter) = match existing.filter(|t| !t.trim().is_empty()) {
        Some(t) => {
            let first = t.strip_prefix('\u{feff}').unwrap_or(t).lines().next().unwrap_or("");
            let delimiter = delimiter_of(first) as char;
            let header: Vec<String> = first
                .split(delimiter)
                .map(|h| h.trim().trim_matches('"').to_ascii_lowercase())
                .collect();
            let mut text = t.to_string();
            if !text.ends_with('\n') {
                text.push('\n');
            }
            (text, header, delimiter)
        }
        None => (
            format!("{}\n", STANDARD.join(",")),
            STANDARD.iter().map(|s| s.to_string()).collect(),
            ',',
        ),
    };
    // Cells as the reports write them: formulas defused, quoted by the CSV
    // writer where the file's delimiter or a quote needs it.
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter as u8)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for r in rows {
        let decision = r.decision.to_string();
        let cells = header.iter().map(|h| {
            let value = match h.as_str() {
                "id" => r.id.as_str(),
                "decision" => decision.as_str(),
                "reason" => r.reason.as_str(),
                "note" => r.note.as_str(),
                "reviewer" => r.reviewer.as_str(),
                "date" => r.date.as_str(),
                "evidence" => r.evidence.as_str(),
                _ => "",
            };
            spreadsheet_safe(value).into_owned()
        });
        // Writing to memory cannot fail.
        let _ = writer.write_record(cells);
    }
    text.push_str(&String::from_utf8_lossy(&writer.into_inner().unwrap_or_default()));
    text
}

#[cfg(test)]
mod append_tests {
    use super::*;

    fn row(id: &str) -> Entry {
        Entry {
            id: id.into(),
            decision: Decision::Confirmed,
            reason: "other".into(),
            note: "baseline, 2026-12-04".into(),
            reviewer: "crosscheck baseline".into(),
            date: "2026-12-04".into(),
            evidence: "V1.2:0".into(),
            line: 0,
        }
    }

    #[test]
    fn rows_follow_the_files_own_header_and_keep_every_byte() {
        let existing = "note;ID;Decision\r\nkept as is;abc;dismissed";
        let text = append_rows(Some(existing), &[row("k1")]);
        assert!(
            text.starts_with("note;ID;Decision\r\nkept as is;abc;dismissed\n"),
            "{text}"
        );
        assert!(text.ends_with("baseline, 2026-12-04;k1;confirmed\n"), "{text}");
        let review = parse(&text).unwrap();
        assert_eq!(review.entries.len(), 2);
        let fresh = append_rows(None, &[row("k2")]);
        assert_eq!(
            fresh,
            "id,decision,reason,note,reviewer,date,evidence\nk2,confirmed,other,\"baseline, 2026-12-04\",crosscheck baseline,2026-12-04,V1.2:0\n"
        );
    }
}
