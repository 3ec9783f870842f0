//! What `crosscheck check` says on the terminal: failing findings one per
//! line, the summary, what the editors' file held, the reports written.

use super::terminal_safe;
use crate::check::Run;
use std::fmt::Write as _;

/// One line of terminal output: control characters in it are escaped, so
/// no name or quote in it can end it or start another.
pub fn line(out: &mut String, text: &str) {
    out.push_str(&terminal_safe(text));
    out.push('\n');
}

/// SGR colour of a relation on a terminal: red for what fails, yellow for
/// what needs a look, none otherwise.
fn relation_colour(relation: &str) -> Option<&'static str> {
    match relation {
        "conflict" => Some("1;31"),
        "partial" | "update" | "divergent" => Some("33"),
        _ => None,
    }
}

/// `text` in colour `sgr` when `colour` is on. The text is made terminal
/// safe first, so only the codes added here reach the terminal.
fn paint(text: &str, sgr: Option<&str>, colour: bool) -> String {
    let safe = terminal_safe(text);
    match (sgr, colour) {
        (Some(code), true) => format!("\u{1b}[{code}m{safe}\u{1b}[0m"),
        _ => safe.into_owned(),
    }
}

pub fn check_summary(run: &Run, colour: bool) -> String {
    let mut out = String::new();
    for v in run.views.iter().filter(|v| v.failing) {
        let side = |s: &crate::report::view::SideView| {
            format!(
                "'{}' ({}:{}:{})",
                s.text, s.location.doc, s.location.line, s.location.col
            )
        };
        let b = v.b.as_ref().map(|b| format!(" vs {}", side(b))).unwrap_or_default();
        out.push_str(&paint(&v.relation, relation_colour(&v.relation), colour));
        line(
            &mut out,
            &format!(" {} [{}] {}: {}{b}", v.key, v.id, v.status, side(&v.a)),
        );
    }
    let shown: Vec<usize> = run.shown.clone();
    line(&mut out, &format!("crosscheck: {}", run.analysis.summary(&shown)));
    let t = &run.totals;
    let failing = format!("{} failing", t.failing);
    let _ = writeln!(
        out,
        "review: {} new, {} reviewed, {} need re-review; {} (--fail-on {})",
        t.new,
        t.reviewed,
        t.stale,
        paint(&failing, Some(if t.failing > 0 { "1;31" } else { "32" }), colour),
        t.fail_on
    );
    // Decisions are read from one place: say so when nothing is there, so
    // that a run with `--out` elsewhere does not drop them unnoticed.
    if let Some(path) = run
        .review
        .path
        .as_ref()
        .filter(|p| !p.exists() && !run.views.is_empty())
    {
        line(
            &mut out,
            &format!(
                "review: no review file at {} (decisions are read from review.csv in the output folder, or --review FILE)",
                path.display()
            ),
        );
    }
    if run.orphans > 0 {
        let _ = writeln!(
            out,
            "review: {} decision(s) in the review file match no finding now (kept)",
            run.orphans
        );
    }
    let names: Vec<String> = run.written.iter().map(|p| p.display().to_string()).collect();
    line(&mut out, &format!("reports: {}", names.join(", ")));
    out
}

/// The review file's unusable rows, as warnings.
pub fn review_warnings(run: &Run) -> Vec<String> {
    let path = run
        .review
        .path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let mut out: Vec<String> = run
        .review
        .problems
        .iter()
        .map(|p| terminal_safe(&format!("{path}:{}: {}", p.line, p.message)).into_owned())
        .collect();
    // Decisions whose finding is gone, each named with its line (at most a
    // screenful; the count is in the summary).
    let mut orphans = run.review.orphans(&run.analysis.findings);
    orphans.sort_by_key(|e| e.line);
    const NAMED: usize = 20;
    for e in orphans.iter().take(NAMED) {
        out.push(
            terminal_safe(&format!(
                "{path}:{}: the decision on {} ({}) matches no finding now; it is kept in the file",
                e.line, e.id, e.decision
            ))
            .into_owned(),
        );
    }
    if orphans.len() > NAMED {
        out.push(format!(
            "{path}: and {} more decisions that match no finding now",
            orphans.len() - NAMED
        ));
    }
    out
}
