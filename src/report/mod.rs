//! Writers: one per output format, all over the same claims and findings.
//! Files are written atomically: a temporary file in the same folder,
//! flushed, then renamed over the target, so a reader never sees half a
//! report and a crash never leaves a truncated one.

pub mod console;
mod csv_out;
mod explain;
mod formats;
mod html;
pub mod view;

pub use csv_out::{
    claim_quote, quote, quote_window, write_claims_csv, write_findings_csv, CLAIMS_COLUMNS, FINDINGS_COLUMNS,
    QUOTE_WINDOW, REVIEW_COLUMNS,
};
pub use explain::{explain_finding, write_explained_claims};
pub use formats::{github_annotations, write_json, write_junit, write_markdown, write_sarif, Totals};
pub use html::write_html;

use std::io::{self, Write};
use std::path::Path;

/// Every file name a run may write in the output folder.
pub const REPORT_NAMES: [&str; 7] = [
    "claims.csv",
    "findings.csv",
    "findings.json",
    "summary.md",
    "findings.sarif",
    "junit.xml",
    "findings.html",
];

/// Write `path` through `fill`, atomically.
pub fn write_atomic(path: &Path, fill: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let file = std::fs::File::create(&tmp)?;
        let mut w = io::BufWriter::new(file);
        fill(&mut w)?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Text for XML or HTML: the five markup characters as entities, and the
/// control characters XML 1.0 forbids dropped. Every writer of markup
/// (JUnit, the HTML page) goes through it, so a quote cannot inject markup.
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Text for a terminal or a CI log: every control character but tab (C0, DEL, C1,
/// line and paragraph separators, bidirectional overrides) is shown as an
/// escape (`\n`, `\u{1b}`), so a file name, quote or field can neither
/// start a line of its own (a GitHub `::error`, `::add-mask::` command) nor
/// send an escape sequence to the terminal. Everything crosscheck prints
/// from a document, a file name or the review file goes through it.
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unsafe_on_terminal) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push('\t'),
            c if is_unsafe_on_terminal(c) => out.push_str(&c.escape_unicode().to_string()),
            c => out.push(c),
        }
    }
    out.into()
}

fn is_unsafe_on_terminal(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
/// carriage return first) gets a leading `'`, so a hostile quote cannot
/// become a formula on an editor's machine.
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_is_neutralised() {
        assert_eq!(terminal_safe("plain é — text"), "plain é — text");
        assert_eq!(
            terminal_safe("x\n::error file=x::y\u{1b}[31m\u{9b}\u{7}\r\t\u{202e}"),
            "x\\n::error file=x::y\\u{1b}[31m\\u{9b}\\u{7}\\r\t\\u{202e}"
        );
    }

    #[test]
    fn formula_cells_are_defused() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("-5"), "'-5");
        assert_eq!(spreadsheet_safe("(30, inf) chiefs"), "(30, inf) chiefs");
    }

    #[test]
    fn atomic_write_replaces_whole_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.csv");
        std::fs::write(&p, "old").unwrap();
        write_atomic(&p, |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        let err = write_atomic(&p, |_| Err(io::Error::other("boom")));
        assert!(err.is_err());
        assert_eq!(
            std::fs::read_to_string(&p).unwrap(),
            "new",
            "a failed write keeps the old report"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
