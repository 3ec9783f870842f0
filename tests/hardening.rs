//! Hostile inputs and unlucky runs (issue 12): nothing a document, a file
//! name or a second run can do breaks a report or a decision.

mod common;
use common::*;
use std::path::Path;

const VILNIUS_RUN: [&str; 5] = [
    "tests/fixtures/vilnius/corpus",
    "--rules",
    "rules",
    "--rules",
    "tests/fixtures/vilnius/rules",
];

fn run_into(out: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["check"];
    args.extend(VILNIUS_RUN);
    args.extend(["--out", out.to_str().unwrap()]);
    args.extend(extra);
    crosscheck(&args)
}

#[test]
fn a_review_path_that_is_a_report_is_refused_and_left_alone() {
    let out = tempfile::tempdir().unwrap();
    let first = run_into(out.path(), &[]);
    assert!(first.code == 0 || first.code == 1, "{}", first.stderr);
    let findings = out.path().join("findings.csv");
    // An editor decides in the report itself, then points --review at it.
    let mut text = std::fs::read_to_string(&findings).unwrap();
    text.push_str("\"x\",\"conflict\",,,,,,,,,,,,,,,,,confirmed,,kept decision,,\n");
    std::fs::write(&findings, &text).unwrap();
    for review in [
        findings.clone(),
        out.path().join(".").join("findings.csv"),
        out.path().join("summary.md"),
    ] {
        let run = run_into(out.path(), &["--review", review.to_str().unwrap()]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert_contains(&run.stderr, &["--review", "is a report", "never written"]);
        assert_eq!(
            std::fs::read_to_string(&findings).unwrap(),
            text,
            "the decision is kept"
        );
    }
    // A symbolic link to a report is the report.
    #[cfg(unix)]
    {
        let link = out.path().join("decisions.csv");
        std::os::unix::fs::symlink(&findings, &link).unwrap();
        let run = run_into(out.path(), &["--review", link.to_str().unwrap()]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert_eq!(std::fs::read_to_string(&findings).unwrap(), text);
    }
}
