//! The scorer of `crosscheck eval`, on a hand-made label set whose scores
//! are worked out below (tests/fixtures/eval-tiny).
//!
//! The fixture's one rule puts every count of people under one key, so the
//! engine makes one finding of all five values (a conflict; each article
//! states one figure, so every one can be placed), whose pairs
//! are 2 compatible (80,000 with about 80,000; about 80,000 with some
//! 90,000) and 8 conflicts.
//! The labels expect 6 pairs in the Lyon subject: 2 compatible, 1 conflict
//! (80,000 against some 90,000, both police figures) and 3 divergent
//! (the organisers' 200,000 against each police figure).

mod common;

use common::{crosscheck, root};
use crosscheck::eval::labels::{Kind, Verdict};
use crosscheck::eval::{self, Ratio, Split};

fn ratio(hit: usize, total: usize) -> Ratio {
    Ratio { hit, total }
}

fn tiny() -> eval::Evaluation {
    let base = root().join("tests/fixtures/eval-tiny");
    let (_, _, e) = eval::run(&base.join("labels"), &base.join("corpus"), &[base.join("rules")]).unwrap();
    e
}

#[test]
fn claim_recall_precision_and_modality() {
    let e = tiny();
    assert_eq!(e.labelled_claims, 6);
    assert_eq!(e.all.claim_recall_total(), ratio(5, 6), "the date is missed");
    assert_eq!(e.all.claim_recall[&Kind::Date], ratio(0, 1));
    assert_eq!(e.all.claim_precision_total(), ratio(5, 5));
    // The rule fixes modality to estimate; the Nice figure is labelled fact.
    assert_eq!(e.all.modality, ratio(4, 5));
    // No rule reads the march's date: of three labelled subjects two are
    // read, and every claim of those two is found.
    assert_eq!(e.all.subjects_read, ratio(2, 3));
    assert_eq!(e.all.claim_recall_where_read, ratio(5, 5));
    assert_eq!(e.tune.subjects_read, ratio(2, 3));
    assert_eq!(e.tune.claim_recall_where_read, ratio(4, 4));
    assert_eq!(e.holdout.subjects_read, ratio(1, 1));
}

#[test]
fn relations_by_kind_of_relation() {
    let e = tiny();
    assert_eq!(e.expected_pairs, 6);
    assert_eq!(e.all.recall_of(Verdict::Compatible), ratio(2, 2));
    assert_eq!(e.all.recall_of(Verdict::Conflict), ratio(1, 1));
    assert_eq!(e.all.recall_of(Verdict::Divergent), ratio(0, 3));
    assert_eq!(e.all.relation_recall_total(), ratio(3, 6));
    assert_eq!(e.all.precision_of(Verdict::Compatible), ratio(2, 2));
    assert_eq!(e.all.precision_of(Verdict::Conflict), ratio(1, 8));
}

#[test]
fn traps_and_unlabelled_conflicts() {
    let e = tiny();
    // Lyon against Nice share a finding; the date was never found.
    assert_eq!(e.all.traps, ratio(1, 2));
    // One finding for the key, and it holds the labelled conflict.
    assert_eq!(e.all.conflict_findings, 1);
    assert_eq!(e.all.unlabelled_conflicts, 0);
}

#[test]
fn held_out_articles_are_scored_apart() {
    let e = tiny();
    assert_eq!((e.tune.documents, e.holdout.documents), (4, 1));
    assert_eq!(e.tune.claim_recall_total(), ratio(4, 5));
    assert_eq!(e.holdout.claim_recall_total(), ratio(1, 1));
    assert_eq!(e.tune.relation_recall_total(), ratio(1, 3));
    assert_eq!(e.holdout.relation_recall_total(), ratio(2, 3));
    assert_eq!((e.holdout.conflict_findings, e.tune.conflict_findings), (1, 0));
    assert_eq!(e.figures(Split::Holdout).traps, ratio(0, 0));
}

#[test]
fn the_command_prints_figures_misses_and_false_alarms_and_applies_floors() {
    let run = crosscheck(&[
        "eval",
        "tests/fixtures/eval-tiny/labels",
        "--rules",
        "tests/fixtures/eval-tiny/rules",
    ]);
    // The labels' floors: recall 0.8 holds, 0 traps does not.
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run
        .stdout
        .contains("FLOOR FAILED (all): 1 traps flagged, at most 0 allowed"));
    assert!(!run.stdout.contains("claim recall 0."), "recall holds its floor");
    for line in [
        "missed claim         a.md:6:31 \"on Thursday\" (a3) [date lyon/march-date] expected 2023-01-19: not found",
        "trap flagged         a march in Lyon against a rally in Nice",
        "false relation       engine says conflict, labels never compare them (lyon/marchers / nice/marchers)",
        "in finding k",
        "missed relation      [holdout] expected divergent, engine says conflict",
        // The rule fixes modality to estimate; the Nice figure is labelled fact.
        "wrong modality       e.md:6:31 \"5,000 people\" (e1) [count nice/marchers] labelled fact: read as estimate (marchers)",
    ] {
        assert!(run.stdout.contains(line), "missing {line:?} in\n{}", run.stdout);
    }

    // Flags override the labels' floors; --summary leaves the details out.
    let run = crosscheck(&[
        "eval",
        "tests/fixtures/eval-tiny/labels",
        "tests/fixtures/eval-tiny/corpus",
        "--rules",
        "tests/fixtures/eval-tiny/rules",
        "--max-traps-flagged",
        "1",
        "--summary",
    ]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.contains("every floor holds (all)"));
    assert!(!run.stdout.contains("missed claim"));

    let run = crosscheck(&[
        "eval",
        "tests/fixtures/eval-tiny/labels",
        "--rules",
        "tests/fixtures/eval-tiny/rules",
        "--split",
        "tune",
        "--min-relation-recall",
        "0.5",
        "--max-traps-flagged",
        "5",
    ]);
    assert_eq!(run.code, 1);
    assert!(run
        .stdout
        .contains("FLOOR FAILED (tune): relation recall 0.333 is below its floor 0.500"));
}

#[test]
fn label_errors_name_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let labels = dir.path().join("labels");
    std::fs::create_dir(&labels).unwrap();
    std::fs::write(
        labels.join("bad.toml"),
        "story = \"x\"\n\n[[claim]]\nid = \"x1\"\ndoc = \"a.md\"\nquote = \"90 people\"\nkind = \"count\"\nvalue = \"90\"\nsubject = \"s\"\nmodality = \"fact\"\n\n[[claim]]\nid = \"x2\"\ndoc = \"a.md\"\nquote = \"80,000\"\nkind = \"share\"\nvalue = \"12\"\nsubject = \"s\"\nmodality = \"fact\"\n\n[[trap]]\na = \"x1\"\nb = \"nobody\"\nwhy = \"w\"\n",
    )
    .unwrap();
    let corpus = root().join("tests/fixtures/eval-tiny/corpus");
    let run = crosscheck(&[
        "eval",
        labels.to_str().unwrap(),
        corpus.to_str().unwrap(),
        "--rules",
        "tests/fixtures/eval-tiny/rules",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("bad.toml:12: claim x2: value \"12\": a share ends with %"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("bad.toml:21: no claim has the id \"nobody\""),
        "{}",
        run.stderr
    );

    // Values fixed, the quote that is not in the article is named.
    let text = std::fs::read_to_string(labels.join("bad.toml"))
        .unwrap()
        .replace("kind = \"share\"", "kind = \"count\"")
        .replace("b = \"nobody\"", "b = \"x2\"");
    std::fs::write(labels.join("bad.toml"), text).unwrap();
    let run = crosscheck(&[
        "eval",
        labels.to_str().unwrap(),
        corpus.to_str().unwrap(),
        "--rules",
        "tests/fixtures/eval-tiny/rules",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("bad.toml:3: claim x1: quote \"90 people\" is not in a.md"),
        "{}",
        run.stderr
    );
}
