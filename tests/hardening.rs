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

/// A copy of the Vilnius corpus in `dir/corpus`, its files renamed by `names`.
fn vilnius_copy(dir: &Path, names: &[(&str, &str)]) -> std::path::PathBuf {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for entry in std::fs::read_dir(root().join("tests/fixtures/vilnius/corpus")).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let to = names
            .iter()
            .find(|(from, _)| *from == name)
            .map_or(name.as_str(), |(_, to)| to);
        std::fs::copy(entry.path(), corpus.join(to)).unwrap();
    }
    corpus
}

/// No line a run prints starts a GitHub workflow command it did not mean,
/// and no escape sequence reaches the terminal.
#[track_caller]
fn assert_neutral(output: &str) {
    assert!(
        !output.contains('\u{1b}'),
        "an escape sequence got through:\n{output:?}"
    );
    assert!(!output.contains('\u{7}') && !output.contains('\r'), "{output:?}");
    for line in output.lines() {
        if let Some(rest) = line.strip_prefix("::") {
            // Only crosscheck's own annotations, with escaped properties.
            assert!(
                ["error file=", "warning file=", "notice file="]
                    .iter()
                    .any(|p| rest.starts_with(p)),
                "{line:?}"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn hostile_file_names_and_texts_cannot_inject_terminal_or_workflow_commands() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = vilnius_copy(
        dir.path(),
        &[
            ("nordic-wire.txt", "x\n::error file=x::injected.txt"),
            ("tallinn-times.md", "\u{1b}[31mred\u{1b}]0;title\u{7}.md"),
        ],
    );
    // A quote with an escape sequence and a carriage return in it.
    let wire = corpus.join("x\n::error file=x::injected.txt");
    let text = std::fs::read_to_string(&wire)
        .unwrap()
        .replace(", officials said", "\u{1b}[2J, officials\r said");
    std::fs::write(&wire, text).unwrap();
    // Skipped documents print their names too.
    std::fs::write(corpus.join("\n::add-mask::secret\u{1b}[1m.txt"), "").unwrap();
    std::fs::write(corpus.join("y\n::stop-commands::tok.md"), [0xff, 0xfe]).unwrap();
    let out = dir.path().join("reports");
    let c = corpus.to_str().unwrap();
    let o = out.to_str().unwrap();
    let mut args = vec![
        "check",
        c,
        "--rules",
        "rules",
        "--rules",
        "tests/fixtures/vilnius/rules",
    ];
    args.extend(["--out", o, "--format", "github", "--explain", "--fail-on", "any"]);
    let run = crosscheck(&args);
    let annotations = run.stdout.lines().filter(|l| l.starts_with("::")).count();
    assert_eq!(annotations, 2, "{}\n{}", run.stdout, run.stderr);
    assert_contains(&run.stderr, &["warning: skipped", "add-mask"]);
    assert_neutral(&run.stdout);
    assert_neutral(&run.stderr);
    // The names stay recognisable, escaped.
    assert_contains(&run.stdout, &["x\\n::error file=x::injected.txt", "\\u{1b}[31mred"]);

    let findings = read_csv(&out.join("findings.csv"));
    for f in &findings {
        let mut args = vec![
            "explain",
            &f["id"],
            c,
            "--rules",
            "rules",
            "--rules",
            "tests/fixtures/vilnius/rules",
        ];
        args.extend(["--out", o]);
        let run = crosscheck(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_neutral(&run.stdout);
    }
}

/// A 1 MiB article on one line, without a full stop: claims.csv grows with
/// the claims, not with claims × sentence length.
#[test]
fn a_one_mebibyte_line_costs_linear_output() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let unit = "34 countries took part in the meeting of defence chiefs in Vilnius on Tuesday, and Estonia spent 3.4% of GDP on defence in 2025; ";
    let text: String = unit.repeat((1 << 20) / unit.len() + 1).chars().take(1 << 20).collect();
    std::fs::write(corpus.join("endless.txt"), &text).unwrap();
    let out = dir.path().join("reports");
    let run = crosscheck(&[
        "check",
        corpus.to_str().unwrap(),
        "--rules",
        "rules",
        "--rules",
        "tests/fixtures/vilnius/rules",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    let claims = read_csv(&out.join("claims.csv"));
    assert!(claims.len() > 4000, "{}", claims.len());
    let size = std::fs::metadata(out.join("claims.csv")).unwrap().len() as usize;
    // A row: location, rule, key, value, text and a quote of at most
    // QUOTE_WINDOW characters (3 bytes each at worst) and two ellipses.
    let per_row = 200 + 3 * crosscheck::report::QUOTE_WINDOW + 6;
    assert!(
        size < claims.len() * per_row,
        "{size} bytes for {} claims",
        claims.len()
    );
    for row in claims.iter().take(50) {
        assert!(row["sentence"].contains(&row["text"]), "{row:?}");
        assert!(row["sentence"].chars().count() <= crosscheck::report::QUOTE_WINDOW + 2);
    }
}

/// Run crosscheck, killing it (and failing) if it takes longer than a
/// minute: a hang is the bug these tests look for.
fn crosscheck_deadline(args: &[&str]) -> Run {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("crosscheck {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

fn check_args<'a>(corpus: &'a str, out: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "check",
        corpus,
        "--rules",
        "rules",
        "--rules",
        "tests/fixtures/vilnius/rules",
    ];
    args.extend(["--out", out]);
    args.extend(extra);
    args
}

#[cfg(unix)]
#[test]
fn fifos_devices_and_links_out_of_the_corpus_are_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = vilnius_copy(dir.path(), &[]);
    mkfifo(&corpus.join("a.txt"));
    std::os::unix::fs::symlink("/dev/zero", corpus.join("zero.txt")).unwrap();
    std::fs::write(
        dir.path().join("secret.txt"),
        "34 countries took part in the meeting in Vilnius on Tuesday.",
    )
    .unwrap();
    std::os::unix::fs::symlink("../secret.txt", corpus.join("outside.md")).unwrap();
    std::os::unix::fs::symlink("nordic-wire.txt", corpus.join("inside.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path(), corpus.join("loop")).unwrap();
    let out = dir.path().join("reports");
    let (c, o) = (corpus.to_str().unwrap(), out.to_str().unwrap());
    let run = crosscheck_deadline(&check_args(c, o, &[]));
    assert_contains(
        &run.stderr,
        &[
            "a.txt: not a regular file (a FIFO), not read",
            "zero.txt: symbolic link leading outside the corpus (to /dev/zero), not followed",
            "outside.md: symbolic link leading outside the corpus",
        ],
    );
    assert!(!run.stderr.contains("inside.txt"), "{}", run.stderr);
    let claims = read_csv(&out.join("claims.csv"));
    let docs: std::collections::BTreeSet<&str> = claims.iter().map(|r| r["doc"].as_str()).collect();
    assert!(
        docs.contains("inside.txt") && !docs.iter().any(|d| d.contains("secret")),
        "{docs:?}"
    );
    assert_eq!(run.code, 1, "the conflict still fails the run: {}", run.stderr);

    // A FIFO or a device as the review file is refused, not waited on.
    let fifo = dir.path().join("review.csv");
    mkfifo(&fifo);
    for review in [fifo.to_str().unwrap(), "/dev/zero"] {
        let run = crosscheck_deadline(&check_args(c, o, &["--review", review]));
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert_contains(&run.stderr, &["not a regular file"]);
    }
}

#[test]
fn an_output_folder_inside_the_corpus_is_never_read_back() {
    for sub in ["reports", ""] {
        let dir = tempfile::tempdir().unwrap();
        let corpus = vilnius_copy(dir.path(), &[]);
        let c = corpus.to_str().unwrap();
        let out = corpus.join(sub);
        let o = out.to_str().unwrap();
        let runs: Vec<Run> = (0..2)
            .map(|_| crosscheck(&check_args(c, o, &["--format", "markdown,json,html"])))
            .collect();
        assert!(out.join("summary.md").exists());
        assert_eq!(runs[0].stdout, runs[1].stdout, "identical runs, identical output");
        assert_contains(&runs[1].stdout, &["3 documents (0 skipped)"]);
    }
}

/// An unreadable subfolder is reported and the run goes on (when the tests
/// run as root, every folder is readable and this only checks the run).
#[cfg(unix)]
#[test]
fn an_unreadable_subfolder_does_not_stop_the_run() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let corpus = vilnius_copy(dir.path(), &[]);
    let locked = corpus.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("x.txt"), "Some text.").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let privileged = std::fs::read_dir(&locked).is_ok();
    let out = dir.path().join("reports");
    let run = crosscheck(&check_args(corpus.to_str().unwrap(), out.to_str().unwrap(), &[]));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(out.join("findings.csv").exists(), "{}", run.stderr);
    if !privileged {
        assert_contains(&run.stderr, &["locked: cannot read folder"]);
        assert_eq!(run.code, 1, "the conflict still fails the run");
    }
}

#[test]
fn a_second_run_on_a_locked_output_folder_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reports");
    std::fs::create_dir_all(&out).unwrap();
    // Leftovers of a killed run, with the old and the new temporary names.
    std::fs::write(out.join(".claims.csv.tmp-4242"), "half").unwrap();
    std::fs::write(out.join(".findings.csv.tmp-4242-17-0"), "half").unwrap();
    let held = std::fs::File::create(out.join(".crosscheck.lock")).unwrap();
    held.try_lock().unwrap();
    let run = run_into(&out, &[]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_contains(
        &run.stderr,
        &["another crosscheck run is writing to", ".crosscheck.lock"],
    );
    assert!(!out.join("findings.csv").exists());
    drop(held);
    let run = run_into(&out, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains(".tmp-")), "{names:?}");
}

/// The reports in a folder come from one run: the JSON totals, the
/// claims and the findings agree with each other.
fn assert_one_runs_set(out: &Path) {
    let json = out.join("findings.json");
    if !json.exists() {
        return;
    }
    let report: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let claims = read_csv(&out.join("claims.csv"));
    let findings = read_csv(&out.join("findings.csv"));
    assert_eq!(report["totals"]["claims"].as_u64().unwrap() as usize, claims.len());
    assert_eq!(report["totals"]["findings"].as_u64().unwrap() as usize, findings.len());
    let summary = std::fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(summary.contains(&format!("{} claims", claims.len())), "{summary}");
}

/// Two corpora that give different reports: [the Vilnius corpus, it
/// without the Tallinn article].
fn two_corpora(dir: &Path) -> [std::path::PathBuf; 2] {
    let a = vilnius_copy(&dir.join("a"), &[]);
    let b = vilnius_copy(&dir.join("b"), &[]);
    std::fs::remove_file(b.join("tallinn-times.md")).unwrap();
    [a, b]
}

#[test]
fn concurrent_runs_never_mix_their_reports() {
    let dir = tempfile::tempdir().unwrap();
    let corpora = two_corpora(dir.path());
    let out = dir.path().join("reports");
    let o = out.to_str().unwrap().to_string();
    for _ in 0..4 {
        let runs: Vec<_> = corpora
            .iter()
            .map(|c| {
                let c = c.to_str().unwrap().to_string();
                let o = o.clone();
                std::thread::spawn(move || crosscheck(&check_args(&c, &o, &["--format", "json,markdown"])))
            })
            .collect();
        for run in runs {
            let run = run.join().unwrap();
            assert!(
                run.code == 1 || (run.code == 3 && run.stderr.contains("another crosscheck run")),
                "{}: {}",
                run.code,
                run.stderr
            );
        }
        assert_one_runs_set(&out);
    }
}

/// Runs killed at random moments: whatever set is left is one run's, and
/// the next run cleans up after them.
#[cfg(unix)]
#[test]
fn killed_runs_leave_one_runs_set_and_no_litter() {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let corpora = two_corpora(dir.path());
    let out = dir.path().join("reports");
    let o = out.to_str().unwrap();
    for i in 0..12u64 {
        let c = corpora[(i % 2) as usize].to_str().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .args(check_args(c, o, &["--format", "json,markdown"]))
            .current_dir(root())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20 + (i * 37) % 200));
        let _ = child.kill();
        let _ = child.wait();
        assert_one_runs_set(&out);
    }
    let run = crosscheck(&check_args(
        corpora[0].to_str().unwrap(),
        o,
        &["--format", "json,markdown"],
    ));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_one_runs_set(&out);
    let litter: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-") || n.contains(".old-"))
        .collect();
    assert!(litter.is_empty(), "{litter:?}");
}

/// XML 1.0 allows neither U+FFFE, U+FFFF nor most C0 controls.
fn assert_xml_chars(text: &str) {
    for c in text.chars() {
        let ok = matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..);
        assert!(ok, "U+{:04X} is not allowed in XML 1.0", c as u32);
    }
}

#[test]
fn junit_and_html_stay_well_formed_whatever_the_quotes_hold() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = vilnius_copy(dir.path(), &[]);
    let wire = corpus.join("nordic-wire.txt");
    let text = std::fs::read_to_string(&wire)
        .unwrap()
        .replace(", officials said", ", officials\u{fffe} said\u{ffff} \u{1}\u{b}\u{1b}");
    std::fs::write(&wire, text).unwrap();
    let out = dir.path().join("reports");
    let run = crosscheck(&check_args(
        corpus.to_str().unwrap(),
        out.to_str().unwrap(),
        &["--format", "junit,html"],
    ));
    assert_eq!(run.code, 1, "{}", run.stderr);
    let junit = std::fs::read_to_string(out.join("junit.xml")).unwrap();
    assert!(junit.contains("officials\u{fffd} said\u{fffd}"), "{junit}");
    assert_xml_chars(&junit);
    assert_xml_chars(&std::fs::read_to_string(out.join("findings.html")).unwrap());
}

#[test]
fn invisible_characters_and_signs_do_not_change_values_in_articles() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = vilnius_copy(dir.path(), &[]);
    let wire = corpus.join("nordic-wire.txt");
    let text = std::fs::read_to_string(&wire)
        .unwrap()
        .replace("34 countries", "3\u{200b}4 countries");
    std::fs::write(&wire, text).unwrap();
    let out = dir.path().join("reports");
    let run = crosscheck(&check_args(corpus.to_str().unwrap(), out.to_str().unwrap(), &[]));
    assert_eq!(run.code, 0, "no conflict with a misread 4: {}", run.stdout);
    let claims = read_csv(&out.join("claims.csv"));
    assert!(
        !claims
            .iter()
            .any(|c| c["doc"] == "nordic-wire.txt" && c["rule"] == "meeting.countries"),
        "{claims:?}"
    );
}

#[test]
fn a_corpus_with_nothing_to_read_is_an_error_and_passed_over_files_are_named() {
    let corpus = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let args = |c: &std::path::Path| {
        vec![
            "check".to_string(),
            c.to_str().unwrap().to_string(),
            "--out".into(),
            out.path().to_str().unwrap().into(),
        ]
    };
    let run_args = |a: Vec<String>| crosscheck(&a.iter().map(String::as_str).collect::<Vec<_>>());
    // Empty: never a green run.
    let run = run_args(args(corpus.path()));
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_contains(&run.stderr, &["no articles to check"]);
    // Only an HTML page: named.
    std::fs::write(corpus.path().join("story.html"), "<p>34 countries met.</p>").unwrap();
    let run = run_args(args(corpus.path()));
    assert_eq!(run.code, 3);
    assert_contains(&run.stderr, &["no articles to check", "passed over:", "story.html"]);
    // A .markdown article is read; the HTML page beside it is noted.
    std::fs::write(
        corpus.path().join("story.markdown"),
        "---\npublished: 2025-03-12\n---\nMilitary chiefs from 34 countries attended the meeting in Paris.\n",
    )
    .unwrap();
    let run = run_args(args(corpus.path()));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(&run.stdout, &["1 document (0 skipped), 1 claim"]);
    assert_contains(
        &run.stderr,
        &["note: 1 file(s) in the corpus are not articles", "story.html"],
    );
}

#[test]
fn a_review_file_named_but_missing_is_refused() {
    let out = tempfile::tempdir().unwrap();
    let run = crosscheck(&[
        "check",
        "corpus",
        "--out",
        out.path().to_str().unwrap(),
        "--review",
        "decisions-typo.csv",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_contains(&run.stderr, &["--review decisions-typo.csv: no such file"]);
}
