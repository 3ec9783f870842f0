//! A newsroom project: `crosscheck init`, the settings file found from any
//! folder inside the project, `baseline`, completions and colour.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

/// Run crosscheck in `dir` (not the repository root).
fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    cmd.args(args).current_dir(dir).env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn init_writes_a_project_that_checks_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_in(dir.path(), &["init"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for f in ["crosscheck.toml", "rules/story.toml", "corpus/example.md"] {
        assert!(dir.path().join(f).is_file(), "{f}");
    }
    let test = run_in(dir.path(), &["test"], &[]);
    assert_eq!(test.code, 0, "{}{}", test.stdout, test.stderr);
    assert_contains(&test.stdout, &["3 passed, 0 failed (2 rules, 0 failing)"]);
    // From a folder deep inside the project, the settings are found.
    let deep = dir.path().join("corpus/2026/september");
    std::fs::create_dir_all(&deep).unwrap();
    let check = run_in(&deep, &["check"], &[]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    assert_contains(&check.stdout, &["1 document (0 skipped), 3 claims"]);
    assert!(
        dir.path().join("reports/summary.md").is_file(),
        "formats from crosscheck.toml"
    );
    // A second init writes nothing.
    let before = std::fs::read_to_string(dir.path().join("rules/story.toml")).unwrap();
    std::fs::write(dir.path().join("rules/story.toml"), "# edited\n").unwrap();
    let again = run_in(dir.path(), &["init"], &[]);
    assert_eq!(again.code, 2);
    assert_contains(&again.stderr, &["crosscheck.toml already exists; nothing was written"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("rules/story.toml")).unwrap(),
        "# edited\n"
    );
    assert!(before.contains("story.deaths"));
}

#[test]
fn the_command_line_overrides_the_settings_and_mistakes_in_them_are_named() {
    let dir = tempfile::tempdir().unwrap();
    run_in(dir.path(), &["init"], &[]);
    let out = dir.path().join("elsewhere");
    let run = run_in(dir.path(), &["check", "--out", out.to_str().unwrap()], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(out.join("findings.csv").is_file());
    std::fs::write(
        dir.path().join("crosscheck.toml"),
        "corpus = \"corpus\"\nfail_on = \"sometimes\"\n",
    )
    .unwrap();
    let run = run_in(dir.path(), &["check"], &[]);
    assert_eq!(run.code, 2);
    assert_contains(
        &run.stderr,
        &["crosscheck.toml: fail_on \"sometimes\" is not conflict, partial, any or never"],
    );
    std::fs::write(
        dir.path().join("crosscheck.toml"),
        "corpus = \"corpus\"\nformats = [\"pdf\"]\n",
    )
    .unwrap();
    let run = run_in(dir.path(), &["check"], &[]);
    assert_eq!(run.code, 2);
    assert_contains(
        &run.stderr,
        &["crosscheck.toml: format \"pdf\" is not json, markdown, github, sarif, junit or html"],
    );
    std::fs::write(
        dir.path().join("crosscheck.toml"),
        "corpus = \"corpus\"\nrulez = [\"rules\"]\n",
    )
    .unwrap();
    let run = run_in(dir.path(), &["check"], &[]);
    assert_eq!(run.code, 2);
    assert_contains(&run.stderr, &["crosscheck.toml:2: unknown field `rulez`"]);
}

#[test]
fn without_settings_a_missing_rules_folder_says_how_to_name_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("corpus")).unwrap();
    let run = run_in(dir.path(), &["check"], &[]);
    assert_eq!(run.code, 2);
    assert_contains(
        &run.stderr,
        &["rules: no such rule folder or file here: pass --rules DIR"],
    );
}

#[test]
fn baseline_accepts_todays_findings_and_keeps_every_decision() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for entry in std::fs::read_dir(root().join("tests/fixtures/rosters/corpus")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), corpus.join(entry.file_name())).unwrap();
    }
    let rules = root().join("rules");
    let args = ["check", "--rules", rules.to_str().unwrap()];
    let first = run_in(dir.path(), &args, &[]);
    assert_eq!(first.code, 1, "{}", first.stdout);
    // An editor's decision already there is kept, byte for byte.
    std::fs::write(
        dir.path().join("reports/review.csv"),
        "id,decision,note\nk0000000000000000,fixed,kept\n",
    )
    .unwrap();
    let run = run_in(dir.path(), &["baseline", "--rules", rules.to_str().unwrap()], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(&run.stdout, &["baseline: 5 open finding(s) recorded as accepted"]);
    let review = std::fs::read_to_string(dir.path().join("reports/review.csv")).unwrap();
    assert!(
        review.starts_with("id,decision,note\nk0000000000000000,fixed,kept\n"),
        "{review}"
    );
    let after = run_in(dir.path(), &args, &[]);
    assert_eq!(after.code, 0, "{}", after.stdout);
    assert_contains(&after.stdout, &["0 new, 5 reviewed"]);
    // Nothing open: a second baseline adds nothing.
    let again = run_in(dir.path(), &["baseline", "--rules", rules.to_str().unwrap()], &[]);
    assert_contains(&again.stdout, &["baseline: 0 open finding(s)", "5 already decided"]);
}

#[test]
fn completions_and_colour() {
    let dir = tempfile::tempdir().unwrap();
    let bash = run_in(dir.path(), &["completions", "bash"], &[]);
    assert_eq!(bash.code, 0);
    assert_contains(&bash.stdout, &["_crosscheck()", "baseline", "--fail-on"]);
    let fish = run_in(dir.path(), &["completions", "fish"], &[]);
    assert_contains(&fish.stdout, &["complete -c crosscheck"]);

    let rules = root().join("rules");
    let corpus = root().join("tests/fixtures/rosters/corpus");
    let out = dir.path().join("out");
    let args = |colour: &'static str| {
        vec![
            "check".to_string(),
            corpus.to_str().unwrap().to_string(),
            "--rules".into(),
            rules.to_str().unwrap().into(),
            "--out".into(),
            out.to_str().unwrap().into(),
            "--color".into(),
            colour.into(),
        ]
    };
    let run = |a: Vec<String>, env: &[(&str, &str)]| {
        run_in(dir.path(), &a.iter().map(String::as_str).collect::<Vec<_>>(), env)
    };
    assert_contains(&run(args("always"), &[]).stdout, &["\u{1b}[1;31mconflict\u{1b}[0m"]);
    assert!(!run(args("never"), &[]).stdout.contains('\u{1b}'));
    // Not a terminal, or NO_COLOR: no colour.
    assert!(!run(args("auto"), &[("NO_COLOR", "1")]).stdout.contains('\u{1b}'));
    assert!(!run(args("auto"), &[]).stdout.contains('\u{1b}'));
}
