//! Writers: one per output format, all over the same claims and findings.
//! Reports are written as a set, under a lock on the output folder: every
//! file to a uniquely named temporary file in the same folder, flushed,
//! then all renamed over the old ones, so a reader never sees half a
//! report, a crash or a full disk never leaves a truncated one, and the
//! folder never mixes two runs' reports.

pub mod console;
mod csv_out;
mod explain;
mod formats;
mod html;
pub mod view;

pub use csv_out::{
    quote, quote_window, write_claims_csv, write_findings_csv, CLAIMS_COLUMNS, FINDINGS_COLUMNS, QUOTE_WINDOW,
    REVIEW_COLUMNS,
};
pub use explain::{explain_finding, write_explained_claims};
pub use formats::{github_annotations, write_json, write_junit, write_markdown, write_sarif, Totals};
pub use html::{write_html, KeptDecision};

use std::io::{self, Write};
use std::path::{Path, PathBuf};

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

/// Write `path` through `fill`, atomically: a uniquely named temporary
/// file in the same folder, flushed to disk, then renamed over `path`.
pub fn write_atomic(path: &Path, fill: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let dir = folder_of(path);
    std::fs::create_dir_all(dir)?;
    let tmp = write_temp(path, fill)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// `.NAME.tmp-PID-NANOS-COUNTER`: unique across processes (even two with
/// one PID in two containers sharing a folder) and within one.
fn temp_name(path: &Path, kind: &str) -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    folder_of(path).join(format!(".{name}.{kind}-{}-{nanos}-{n}", std::process::id()))
}

/// Write a new temporary file beside `path` (never one that exists) and
/// flush it to disk; on error nothing is left behind.
fn write_temp(path: &Path, fill: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<PathBuf> {
    let tmp = temp_name(path, "tmp");
    let result = (|| {
        let file = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        let mut w = io::BufWriter::new(file);
        fill(&mut w)?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()
    })();
    match result {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// The lock file in an output folder (hidden: never read as an article).
pub const LOCK_NAME: &str = ".crosscheck.lock";

/// A run's exclusive hold on its output folder, released when dropped or
/// when the process ends, however it ends (an OS file lock on
/// [`LOCK_NAME`], so a killed run never leaves the folder locked).
#[derive(Debug)]
pub struct OutputLock {
    _file: std::fs::File,
}

/// Why an output folder could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("another crosscheck run is writing to {} (it holds {}); run again when it has finished", dir.display(), dir.join(LOCK_NAME).display())]
    Busy { dir: PathBuf },
    #[error("cannot lock {}: {source}", dir.join(LOCK_NAME).display())]
    Io { dir: PathBuf, source: io::Error },
}

/// Take the output folder for this run (creating it): a second run on
/// the same folder fails at once instead of mixing its reports with ours.
pub fn lock_output(dir: &Path) -> Result<OutputLock, LockError> {
    let io = |source| LockError::Io {
        dir: dir.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(LOCK_NAME))
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => return Err(LockError::Busy { dir: dir.to_path_buf() }),
        Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
    }
    // For a person looking: which process holds it.
    let _ = file.set_len(0);
    let _ = (&file).write_all(format!("pid {}\n", std::process::id()).as_bytes());
    Ok(OutputLock { _file: file })
}

/// One report of a set: its file name and what writes it.
pub type Report<'a> = (&'a str, Box<dyn Fn(&mut dyn Write) -> io::Result<()> + 'a>);

/// Write a set of reports into `dir`, all or nothing: every report is
/// written to a temporary file first (a full disk or a failing writer
/// leaves the old set untouched), then all are renamed over the old ones
/// (the old ones are kept aside until every rename has worked, and put
/// back if one fails). Reports of `others` (the formats this run does not
/// write) are removed, so the folder never holds one run's findings beside
/// another run's summary. Temporary files a killed run left behind are
/// removed first. The caller holds the folder's [`OutputLock`].
pub fn write_report_set(
    dir: &Path,
    reports: &[Report<'_>],
    others: &[&str],
    _lock: &OutputLock,
) -> Result<Vec<PathBuf>, (PathBuf, io::Error)> {
    std::fs::create_dir_all(dir).map_err(|e| (dir.to_path_buf(), e))?;
    remove_leftovers(dir);
    let mut temps: Vec<(PathBuf, PathBuf)> = Vec::new();
    let discard = |temps: &[(PathBuf, PathBuf)]| {
        for (tmp, _) in temps {
            let _ = std::fs::remove_file(tmp);
        }
    };
    for (name, fill) in reports {
        let path = dir.join(name);
        match write_temp(&path, |w| fill(w)) {
            Ok(tmp) => temps.push((tmp, path)),
            Err(e) => {
                discard(&temps);
                return Err((path, e));
            }
        }
    }
    // Keep the old set aside (hard links: the old files stay in place).
    let mut backups: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
    for (_, path) in &temps {
        let backup = temp_name(path, "old");
        let kept = path.exists() && std::fs::hard_link(path, &backup).is_ok();
        backups.push((path.clone(), kept.then_some(backup)));
    }
    for (i, (tmp, path)) in temps.iter().enumerate() {
        if let Err(e) = std::fs::rename(tmp, path) {
            // Put the old set back: the renamed reports get their old
            // file again (or go, when there was none).
            for (target, backup) in &backups[..i] {
                match backup {
                    Some(b) => {
                        let _ = std::fs::rename(b, target);
                    }
                    None => {
                        let _ = std::fs::remove_file(target);
                    }
                }
            }
            discard(&temps[i..]);
            for (_, backup) in &backups[i..] {
                if let Some(b) = backup {
                    let _ = std::fs::remove_file(b);
                }
            }
            return Err((path.clone(), e));
        }
    }
    for name in others {
        let _ = std::fs::remove_file(dir.join(name));
    }
    for (_, backup) in &backups {
        if let Some(b) = backup {
            let _ = std::fs::remove_file(b);
        }
    }
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(temps.into_iter().map(|(_, path)| path).collect())
}

/// Temporary and set-aside files of reports, left by a run that was
/// killed: `.NAME.tmp-…` and `.NAME.old-…` (and the older `.NAME.tmp-PID`).
fn remove_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let leftover = REPORT_NAMES.iter().any(|r| {
            name.strip_prefix('.')
                .and_then(|n| n.strip_prefix(r))
                .is_some_and(|rest| rest.starts_with(".tmp-") || rest.starts_with(".old-"))
        });
        if leftover && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Text for XML or HTML: the five markup characters as entities, and the
/// characters XML 1.0 does not allow (C0 controls other than tab, line
/// feed and carriage return; U+FFFE and U+FFFF) replaced by U+FFFD, so the
/// document stays well-formed. Every writer of markup (JUnit, the HTML
/// page) goes through it, so a quote cannot inject markup.
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if !allowed_in_xml(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// XML 1.0 `Char`: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD,
/// U+10000–U+10FFFF (surrogates cannot occur in a Rust string).
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
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

pub use crate::review::spreadsheet_safe;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_well_formed_xml() {
        assert_eq!(
            escape_markup("a\u{fffe}b\u{ffff}c\u{1}\u{1b}d\te\u{fffd}\u{10348}<"),
            "a\u{fffd}b\u{fffd}c\u{fffd}\u{fffd}d\te\u{fffd}\u{10348}&lt;"
        );
    }

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

    fn set_of(dir: &Path) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&p).unwrap_or_default())
            })
            .collect();
        files.sort();
        files
    }

    fn report<'a>(name: &'a str, text: &'a str) -> Report<'a> {
        (name, Box::new(move |w: &mut dyn Write| w.write_all(text.as_bytes())))
    }

    #[test]
    fn a_failing_writer_leaves_the_old_set_whole() {
        let dir = tempfile::tempdir().unwrap();
        let lock = lock_output(dir.path()).unwrap();
        let d = dir.path();
        write_report_set(
            d,
            &[report("claims.csv", "old"), report("findings.csv", "old")],
            &[],
            &lock,
        )
        .unwrap();
        // A killed run's temporary files are cleaned up by the next.
        std::fs::write(d.join(".claims.csv.tmp-7"), "x").unwrap();
        std::fs::write(d.join(".findings.csv.tmp-7-1-2"), "x").unwrap();
        let before = set_of(d);
        let failing: Report = (
            "findings.csv",
            Box::new(|w: &mut dyn Write| {
                w.write_all(b"half")?;
                Err(io::Error::other("disk full"))
            }),
        );
        let err = write_report_set(d, &[report("claims.csv", "new"), failing], &[], &lock).unwrap_err();
        assert_eq!((err.0, err.1.to_string()), (d.join("findings.csv"), "disk full".into()));
        let after = set_of(d);
        assert_eq!(
            after.iter().filter(|(n, _)| n.contains(".tmp-")).count(),
            0,
            "{after:?}"
        );
        let reports = |s: &[(String, String)]| {
            s.iter()
                .filter(|(n, _)| !n.starts_with('.'))
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(reports(&after), reports(&before));

        // A rename that fails half way (a folder in a report's place) puts
        // the reports already renamed back.
        std::fs::create_dir_all(d.join("summary.md/x")).unwrap();
        let set = [
            report("claims.csv", "new"),
            report("findings.csv", "new"),
            report("summary.md", "new"),
        ];
        assert!(write_report_set(d, &set, &[], &lock).is_err());
        assert_eq!(reports(&set_of(d)), reports(&before));
        assert_eq!(
            set_of(d).len(),
            3,
            "only the lock file and the old set: {:?}",
            set_of(d)
        );
        std::fs::remove_dir_all(d.join("summary.md")).unwrap();

        // A full set replaces the old one and removes other formats' reports.
        std::fs::write(d.join("junit.xml"), "from another run").unwrap();
        let set = [report("claims.csv", "new"), report("findings.csv", "new")];
        write_report_set(d, &set, &["junit.xml"], &lock).unwrap();
        assert_eq!(
            reports(&set_of(d)),
            [
                ("claims.csv".to_string(), "new".to_string()),
                ("findings.csv".into(), "new".into())
            ]
        );
    }

    #[test]
    fn one_run_at_a_time_per_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        let lock = lock_output(dir.path()).unwrap();
        assert!(matches!(lock_output(dir.path()), Err(LockError::Busy { .. })));
        drop(lock);
        assert!(lock_output(dir.path()).is_ok());
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
