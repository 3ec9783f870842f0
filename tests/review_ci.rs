//! Editors' decisions that stick, and CI output that fails only on what is
//! new.

mod common;
use common::*;
use crosscheck::check::analyse;
use crosscheck::corpus::load_corpus;
use crosscheck::rules::RulePack;
use std::collections::BTreeSet;
use std::path::Path;

const VILNIUS: &str = "tests/fixtures/vilnius";
/// The Vilnius fixture with the default pack and its story pack.
const VILNIUS_RUN: [&str; 5] = [
    "tests/fixtures/vilnius/corpus",
    "--rules",
    "rules",
    "--rules",
    "tests/fixtures/vilnius/rules",
];

fn vilnius(extra: &[&str]) -> (Run, Rows, Rows, tempfile::TempDir) {
    let mut args = VILNIUS_RUN.to_vec();
    args.extend(extra);
    check(&args)
}

/// A copy of the Vilnius fixture in a temporary folder, to edit.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["corpus", "rules"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(root().join(VILNIUS).join(sub)).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), dir.path().join(sub).join(entry.file_name())).unwrap();
        }
    }
    dir
}

fn run_in(ws: &Path, extra: &[&str]) -> (Run, Rows) {
    let corpus = ws.join("corpus");
    let story = ws.join("rules");
    let out = ws.join("reports");
    let mut args = vec![
        "check",
        corpus.to_str().unwrap(),
        "--rules",
        "rules",
        "--rules",
        story.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    let run = crosscheck(&args);
    let findings = read_csv(&out.join("findings.csv"));
    (run, findings)
}

fn ids_and_evidence(corpus: &Path, rules: &[&Path], reverse: bool) -> BTreeSet<(String, String)> {
    let pack = RulePack::load_all(&rules.iter().map(|p| p.to_path_buf()).collect::<Vec<_>>()).unwrap();
    let mut corpus = load_corpus(corpus).unwrap();
    if reverse {
        corpus.documents.reverse();
    }
    analyse(&pack, corpus)
        .findings
        .into_iter()
        .map(|f| (f.id, f.evidence))
        .collect()
}

#[test]
fn ids_survive_reading_order_and_unrelated_articles_but_evidence_follows_quotes() {
    let ws = workspace();
    let rules = [root().join("rules"), ws.path().join("rules")];
    let rules: Vec<&Path> = rules.iter().map(|p| p.as_path()).collect();
    let corpus = ws.path().join("corpus");
    let before = ids_and_evidence(&corpus, &rules, false);
    assert_eq!(before.len(), 3);
    assert_eq!(ids_and_evidence(&corpus, &rules, true), before, "shuffled order");

    std::fs::write(
        corpus.join("unrelated.md"),
        "---\nsource: Other\npublished: 2025-06-04\n---\nFarm output rose 3% in Lithuania.\n",
    )
    .unwrap();
    assert_eq!(ids_and_evidence(&corpus, &rules, false), before, "an unrelated article");

    let path = corpus.join("nordic-wire.txt");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("officials said", "a ministry spokesman said");
    std::fs::write(&path, text).unwrap();
    let after = ids_and_evidence(&corpus, &rules, false);
    let ids = |s: &BTreeSet<(String, String)>| s.iter().map(|p| p.0.clone()).collect::<BTreeSet<_>>();
    assert_eq!(ids(&after), ids(&before), "an edited quote keeps the ids");
    assert_eq!(
        after.intersection(&before).count(),
        2,
        "but changes the evidence of the one finding quoting it"
    );
}

#[test]
fn the_editors_round_trip() {
    let ws = workspace();
    // 1. A first run: the conflict is new and fails.
    let (run, findings) = run_in(ws.path(), &[]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let conflict = findings.iter().find(|f| f["relation"] == "conflict").unwrap().clone();
    assert_eq!(conflict["status"], "new");
    assert_contains(&run.stdout, &["review: 3 new, 0 reviewed, 0 need re-review; 1 failing"]);

    // 2. The editor fills the decision columns in a spreadsheet and saves
    //    as review.csv: a byte-order mark, CRLF, `;`, columns moved.
    let review = ws.path().join("reports/review.csv");
    let rows: Vec<String> = findings
        .iter()
        .map(|f| {
            let decision = if f["relation"] == "conflict" { "dismissed" } else { "" };
            let reason = if decision.is_empty() { "" } else { "different-event" };
            format!(
                "{};{};{decision};{reason};Ann;2026-11-21;{};x",
                f["evidence"], f["relation"], f["id"]
            )
        })
        .collect();
    let text = format!(
        "\u{feff}evidence;relation;decision;reason;reviewer;date;id;extra\r\n{}\r\n",
        rows.join("\r\n")
    );
    std::fs::write(&review, &text).unwrap();

    // 3. The next run: nothing new fails; the decision shows.
    let (run, findings) = run_in(ws.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let c = findings.iter().find(|f| f["id"] == conflict["id"]).unwrap();
    assert_eq!(
        (c["status"].as_str(), c["decision"].as_str(), c["reviewer"].as_str()),
        ("dismissed", "dismissed", "Ann")
    );
    assert_contains(&run.stdout, &["review: 2 new, 1 reviewed, 0 need re-review; 0 failing"]);
    assert_eq!(
        std::fs::read_to_string(&review).unwrap(),
        text,
        "a run never rewrites the review file"
    );

    // 4. A source edits its figure ("30" written out): same value, same id,
    //    new evidence: the decision needs re-review and fails again.
    let path = ws.path().join("corpus/baltic-herald.md");
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace("from 30 countries", "from thirty countries");
    std::fs::write(&path, edited).unwrap();
    let (run, findings) = run_in(ws.path(), &[]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let c = findings.iter().find(|f| f["id"] == conflict["id"]).expect("same id");
    assert_eq!(c["status"], "needs-re-review");
    assert_eq!(
        c["decision"], "",
        "a stale decision is not carried into the editor's columns"
    );
    assert_ne!(c["evidence"], conflict["evidence"]);
    assert_contains(&run.stdout, &["1 need re-review; 1 failing"]);

    // 5. A real change of figure is another finding: new, failing; the old
    //    decision is kept in the file and reported as matching nothing.
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace("from thirty countries", "from 31 countries");
    std::fs::write(&path, edited).unwrap();
    let (run, findings) = run_in(ws.path(), &[]);
    assert_eq!(run.code, 1);
    assert!(findings.iter().all(|f| f["id"] != conflict["id"]));
    assert_contains(
        &run.stdout,
        &["1 decision(s) in the review file match no finding now (kept)"],
    );
}

#[test]
fn unusable_review_rows_are_named() {
    let ws = workspace();
    std::fs::create_dir_all(ws.path().join("reports")).unwrap();
    std::fs::write(
        ws.path().join("reports/review.csv"),
        "id,decision,reason\nabc,maybe,\ndef,dismissed,because\n",
    )
    .unwrap();
    let (run, _) = run_in(ws.path(), &[]);
    assert_contains(
        &run.stderr,
        &["review.csv:2: row not used: decision \"maybe\" is not confirmed, dismissed or fixed"],
    );
    assert_contains(&run.stderr, &["review.csv:3: row not used: reason \"because\""]);
    std::fs::write(ws.path().join("reports/review.csv"), "decision\nconfirmed\n").unwrap();
    let (run, _) = run_in(ws.path(), &[]);
    assert_eq!(run.code, 2, "a review file without ids is a configuration error");
    assert_contains(&run.stderr, &["no `id` column"]);
}

#[test]
fn fail_on_policies() {
    let code = |policy: &str| check(&["tests/fixtures/rosters/corpus", "--fail-on", policy]).0.code;
    assert_eq!(code("conflict"), 1);
    assert_eq!(code("never"), 0);
    let (run, ..) = check(&["tests/fixtures/rosters/corpus", "--fail-on", "partial"]);
    assert_contains(&run.stdout, &["4 failing (--fail-on partial)"]);
    let (run, ..) = check(&["tests/fixtures/rosters/corpus", "--fail-on", "any"]);
    assert_contains(&run.stdout, &["5 failing (--fail-on any)"]);
    let (run, ..) = check(&["--fail-on", "any"]);
    assert_eq!(
        run.code, 1,
        "the seeds' partial, variant and compatible findings are open"
    );
    assert_eq!(check(&[]).0.code, 0);
}

#[test]
fn changed_documents_select_their_findings_against_the_whole_corpus() {
    let (run, _, findings, _) = vilnius(&["--changed", "tests/fixtures/vilnius/corpus/nordic-wire.txt"]);
    assert_eq!(run.code, 1);
    let relations: Vec<&str> = findings.iter().map(|f| f["relation"].as_str()).collect();
    assert_eq!(
        relations,
        ["conflict", "compatible"],
        "the agreement between the two other outlets is not shown"
    );
    let (run, _, findings, _) = vilnius(&["--changed", "tallinn-times.md"]);
    assert_eq!(
        (run.code, findings.len()),
        (0, 1),
        "by corpus id too; the agree finding does not fail"
    );
    let (run, ..) = check(&["--changed", "nope.md"]);
    assert_eq!(run.code, 2);
    assert_contains(&run.stderr, &["--changed nope.md: no such document"]);
}

#[test]
fn every_format_from_one_run() {
    let (run, _, _, out) = vilnius(&["--format", "json,markdown,sarif,junit", "--format", "github"]);
    assert_eq!(run.code, 1);
    let read = |name: &str| std::fs::read_to_string(out.path().join(name)).unwrap();

    let json: serde_json::Value = serde_json::from_str(&read("findings.json")).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["totals"]["failing"], 1);
    insta::assert_snapshot!("vilnius_json", read("findings.json"));

    let sarif: serde_json::Value = serde_json::from_str(&read("findings.sarif")).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2, "agreements are not results");
    assert_eq!(results[0]["level"], "error");
    assert_eq!(results[0]["locations"][0]["physicalLocation"]["region"]["startLine"], 9);
    assert!(results[0]["partialFingerprints"]["crosscheckFindingId/v1"].is_string());
    assert!(results[0]["partialFingerprints"]["crosscheckEvidence/v1"].is_string());

    let junit = read("junit.xml");
    assert!(
        junit.contains(r#"<testsuites name="crosscheck" tests="3" failures="1">"#),
        "{junit}"
    );
    assert_eq!(junit.matches("<failure ").count(), 1);

    let md = read("summary.md");
    assert!(md.starts_with("# crosscheck: failed"), "{md}");
    assert!(md.contains("> VILNIUS — Defence chiefs from 30 countries"), "{md}");

    let annotations: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 2, "{}", run.stdout);
    assert!(annotations[0].starts_with(
        "::error file=tests/fixtures/vilnius/corpus/baltic-herald.md,line=9,col=31,title=crosscheck conflict"
    ));
    assert!(
        annotations[1].contains("48%25"),
        "a % in a message is escaped: {}",
        annotations[1]
    );
}

#[test]
fn formula_like_quotes_are_defused_in_csv() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "---\npublished: 2025-06-04\n---\n=HYPERLINK(\"http://x\") 30 countries took part in the meeting in Vilnius on Tuesday.\n").unwrap();
    std::fs::write(
        dir.path().join("b.md"),
        "---\npublished: 2025-06-04\n---\n@SUM(1) 34 countries took part in the meeting in Vilnius on Tuesday.\n",
    )
    .unwrap();
    let (_, claims, findings, _) = check(&[dir.path().to_str().unwrap()]);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert!(
        findings[0]["a_quote"].starts_with("'=HYPERLINK"),
        "{}",
        findings[0]["a_quote"]
    );
    assert!(
        findings[0]["b_quote"].starts_with("'@SUM"),
        "{}",
        findings[0]["b_quote"]
    );
    assert!(claims.iter().all(|c| c["sentence"].starts_with('\'')));
}

#[test]
fn explain_walks_a_finding_from_extraction_to_verdict() {
    let (_, _, findings, _) = vilnius(&[]);
    let id = &findings.iter().find(|f| f["relation"] == "conflict").unwrap()["id"];
    let mut args = vec!["explain", &id[..8]];
    args.extend(VILNIUS_RUN);
    let run = crosscheck(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for expected in [
        format!("finding {id}: conflict (high), status new"),
        "rule:     meeting.countries — How many countries took part in a meeting (rules/participants.toml:".to_string(),
        "read as:  [30, 30] countries (30 countries, exact)".to_string(),
        "event:    vilnius-2025-06-03-defence-chiefs: the sentence names it (trigger /\\bVilnius\\b/)".to_string(),
        "verdict: conflict: '30' (30 countries) and '34' (34 countries) cannot both be true".to_string(),
    ] {
        assert!(
            run.stdout.contains(&expected),
            "missing {expected:?} in\n{}",
            run.stdout
        );
    }
    assert_eq!(crosscheck(&["explain", "zzzz"]).code, 2);
}

#[test]
fn the_html_page_escapes_hostile_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "<script>alert(1)</script> 30 countries took part in the meeting in Vilnius on Tuesday.";
    std::fs::write(
        dir.path().join("a.md"),
        format!("---\npublished: 2025-06-04\n---\n{hostile}\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.md"),
        "---\npublished: 2025-06-04\n---\n34 countries took part in the meeting in Vilnius on Tuesday.\n",
    )
    .unwrap();
    let (run, _, _, out) = check(&[dir.path().to_str().unwrap(), "--format", "html"]);
    assert_eq!(run.code, 1);
    let html = std::fs::read_to_string(out.path().join("findings.html")).unwrap();
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; 30 countries"),
        "{html}"
    );
    assert!(!html.contains("<script"), "no markup from a quote");
    assert!(html.contains("<h2>Failing (1)</h2>"), "{html}");
}
