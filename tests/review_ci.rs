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
    analyse(&pack, &corpus)
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

    // The evidence is the values and the documents stating them, not the
    // quotes: an edited sentence with the same figure changes nothing.
    let path = corpus.join("nordic-wire.txt");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("officials said", "a ministry spokesman said");
    std::fs::write(&path, text).unwrap();
    assert_eq!(ids_and_evidence(&corpus, &rules, false), before, "an edited quote");

    // A new value keeps the id (rule and key only) and changes the evidence.
    std::fs::write(
        corpus.join("late.md"),
        "---\nsource: Late\npublished: 2025-06-05\n---\n32 countries took part in the meeting of defence chiefs in Vilnius on Tuesday.\n",
    )
    .unwrap();
    let after = ids_and_evidence(&corpus, &rules, false);
    let ids = |s: &BTreeSet<(String, String)>| s.iter().map(|p| p.0.clone()).collect::<BTreeSet<_>>();
    assert_eq!(ids(&after), ids(&before), "a new value keeps the ids");
    assert_eq!(
        after.intersection(&before).count(),
        2,
        "and changes the evidence of its key's finding only"
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

    // 4. A source writes its figure out ("30" as "thirty"): the same value
    //    from the same sources, so the decision stands.
    let path = ws.path().join("corpus/baltic-herald.md");
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace("from 30 countries", "from thirty countries");
    std::fs::write(&path, edited).unwrap();
    let (run, _) = run_in(ws.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stdout);

    // 5. Another outlet repeats a decided value: the decision stands.
    std::fs::write(
        ws.path().join("corpus/echo.md"),
        "---\nsource: Echo\npublished: 2025-06-05\n---\n34 countries took part in the meeting of defence chiefs in Vilnius on Tuesday.\n",
    )
    .unwrap();
    let (run, findings) = run_in(ws.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let c = findings.iter().find(|f| f["id"] == conflict["id"]).expect("same id");
    assert_eq!(c["status"], "dismissed");
    assert!(
        c["a_sources"].contains("echo.md") || c["b_sources"].contains("echo.md"),
        "{c:?}"
    );

    // 6. A new value appears: same finding, the decision needs re-review,
    //    the report says why, and it fails again.
    std::fs::write(
        ws.path().join("corpus/third.md"),
        "---\nsource: Third\npublished: 2025-06-05\n---\n40 countries took part in the meeting of defence chiefs in Vilnius on Tuesday.\n",
    )
    .unwrap();
    let (run, findings) = run_in(ws.path(), &[]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let c = findings.iter().find(|f| f["id"] == conflict["id"]).expect("same id");
    assert_eq!(c["status"], "needs-re-review");
    assert_eq!(
        c["decision"], "",
        "a stale decision is not carried into the editor's columns"
    );
    assert!(
        c["explanation"].contains("(needs re-review: a value was added or withdrawn since the decision)"),
        "{}",
        c["explanation"]
    );
    assert_contains(&run.stdout, &["1 need re-review; 1 failing"]);
    std::fs::remove_file(ws.path().join("corpus/third.md")).unwrap();

    // 7. A decided source changes its figure to another decided value: re-review.
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace("from thirty countries", "from 34 countries");
    std::fs::write(&path, edited).unwrap();
    std::fs::write(
        ws.path().join("corpus/keeps-30.md"),
        "---\nsource: Keeps\npublished: 2025-06-05\n---\n30 countries took part in the meeting of defence chiefs in Vilnius on Tuesday.\n",
    )
    .unwrap();
    let (run, findings) = run_in(ws.path(), &[]);
    let c = findings.iter().find(|f| f["id"] == conflict["id"]).expect("same id");
    assert_eq!(c["status"], "needs-re-review", "{}", run.stdout);
    assert!(
        c["explanation"].contains("source(s) decided on now state another value"),
        "{}",
        c["explanation"]
    );
}

#[test]
fn an_old_review_file_of_pairs_is_carried_or_named() {
    // Before one finding per key, ids were per pair of values: a decision on
    // the pair 30/34 is carried to the key's finding, for re-review.
    let ws = workspace();
    let (_, findings) = run_in(ws.path(), &[]);
    let conflict = findings.iter().find(|f| f["relation"] == "conflict").unwrap();
    let old_id = crosscheck::align::legacy_pair_id(
        "meeting.countries",
        &conflict["key"],
        crosscheck::claim::Modality::Fact,
        "[30, 30] countries",
        Some("[34, 34] countries"),
    );
    std::fs::write(
        ws.path().join("reports/review.csv"),
        format!("id,decision,reason,evidence\n{old_id},dismissed,different-event,0123456789abcdef\nffffffffffffffff,confirmed,,\n"),
    )
    .unwrap();
    let (run, findings) = run_in(ws.path(), &[]);
    let c = findings.iter().find(|f| f["id"] == conflict["id"]).unwrap();
    assert_eq!(c["status"], "needs-re-review");
    assert!(
        c["explanation"].contains(&format!(
            "carried from a decision on '[30, 30] countries' against '[34, 34] countries' (id {old_id})"
        )),
        "{}",
        c["explanation"]
    );
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
    // A misspelt optional reason costs the decision nothing: it is kept,
    // the reason moved to the note, and the row named; the decision, on an
    // id no finding has, is named as matching nothing.
    assert_contains(
        &run.stderr,
        &[
            "review.csv:3: decision kept, reason \"because\" is not one of",
            "review.csv:3: the decision on def (dismissed) matches no finding now; it is kept in the file",
        ],
    );
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
        "verdict: conflict: 2 values from 2 sources in 2 clusters; '30' (30 countries) and '34' (34 countries) cannot both be true".to_string(),
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
        "---\npublished: 2025-06-04\nurl: javascript:alert(2)\ntitle: \"<b>Vilnius</b> talks\"\n---\n34 countries took part in the meeting in Vilnius on Tuesday.\n",
    )
    .unwrap();
    let (run, _, _, out) = check(&[dir.path().to_str().unwrap(), "--format", "html"]);
    assert_eq!(run.code, 1);
    let html = std::fs::read_to_string(out.path().join("findings.html")).unwrap();
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; <mark>30</mark> countries"),
        "{html}"
    );
    // The page's own two scripts (its data and its code), none from a quote.
    assert_eq!(html.matches("<script").count(), 2, "no markup from a quote");
    assert!(!html.contains("<script>alert"), "no markup from a quote");
    // Headlines are text; only web addresses become links.
    assert!(
        html.contains("&lt;b&gt;Vilnius&lt;/b&gt; talks · 2025-06-04 · b.md"),
        "{html}"
    );
    assert!(!html.contains("javascript:"), "no script address as a link");
    assert!(html.contains("<h2>Failing (1)</h2>"), "{html}");
}

#[test]
fn cards_name_outlets_a_few_at_a_time_with_every_document_one_click_away() {
    let corpus = tempfile::tempdir().unwrap();
    for i in 0..5 {
        std::fs::write(
            corpus.path().join(format!("a{i}.md")),
            format!("---\nsource: Outlet {i}\npublished: 2025-03-12\n---\nMilitary chiefs from 34 countries attended the meeting in Paris on 11 March 2025.\n"),
        )
        .unwrap();
    }
    std::fs::write(
        corpus.path().join("b.md"),
        "---\nsource: Lone Gazette\npublished: 2025-03-12\n---\nMilitary chiefs from 30 countries attended the meeting in Paris on 11 March 2025.\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let run = crosscheck(&[
        "check",
        corpus.path().to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
        "--format",
        "html,markdown",
    ]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let html = std::fs::read_to_string(out.path().join("findings.html")).unwrap();
    assert_contains(
        &html,
        &[
            "Outlet 0, Outlet 1, Outlet 2 and 2 more",
            "<summary>5 documents</summary>a0.md, a1.md, a2.md, a3.md, a4.md",
            "Lone Gazette",
        ],
    );
    let md = std::fs::read_to_string(out.path().join("summary.md")).unwrap();
    assert_contains(&md, &["(Outlet 0, Outlet 1, Outlet 2 and 2 more)", "(Lone Gazette)"]);
}

#[test]
fn decisions_the_page_does_not_show_are_carried_in_its_data_and_cannot_break_out_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("review.csv");
    std::fs::write(
        &review,
        "id,decision,note\nk1234,confirmed,\"</script><script>alert(1)</script>\"\n",
    )
    .unwrap();
    let (run, _, _, out) = check(&["corpus", "--review", review.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(out.path().join("findings.html")).unwrap();
    assert_eq!(html.matches("<script").count(), 2, "{html}");
    assert_contains(
        &html,
        &[
            "\"id\":\"k1234\"",
            "\\u003c/script>\\u003cscript>alert(1)\\u003c/script>",
        ],
    );
}

#[test]
fn more_failing_findings_than_github_shows_are_announced_first() {
    let corpus = tempfile::tempdir().unwrap();
    for day in 1..=11 {
        for (side, n) in [("a", 34), ("b", 30)] {
            std::fs::write(
                corpus.path().join(format!("{day}{side}.md")),
                format!("---\npublished: 2025-05-28\n---\nMilitary chiefs from {n} countries attended the meeting in Rome on {day} May 2025.\n"),
            )
            .unwrap();
        }
    }
    let (run, _, findings, _out) = check(&[corpus.path().to_str().unwrap(), "--format", "github"]);
    assert_eq!(
        findings.iter().filter(|f| f["relation"] == "conflict").count(),
        11,
        "{findings:#?}"
    );
    let lines: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("::")).collect();
    assert!(
        lines[0].starts_with("::notice title=crosscheck::11 failing findings; GitHub shows 10"),
        "{}",
        run.stdout
    );
    assert_eq!(lines.iter().filter(|l| l.starts_with("::error")).count(), 11);
}

#[test]
fn a_decision_on_a_spelling_under_its_old_id_still_stands() {
    // Spelling ids gained a letter; a decision under the bare id, on the
    // same evidence, is the same decision.
    let (_, _, findings, _out) = check(&["corpus"]);
    let variant = findings.iter().find(|f| f["relation"] == "variant").unwrap();
    let id = &variant["id"];
    assert!(id.starts_with('s'), "{id}");
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("review.csv");
    std::fs::write(
        &review,
        format!(
            "id,decision,reason,evidence\n{},fixed,,{}\n",
            &id[1..],
            variant["evidence"]
        ),
    )
    .unwrap();
    let (_, _, findings, _out) = check(&["corpus", "--review", review.to_str().unwrap()]);
    let v = findings.iter().find(|f| f["id"] == *id).unwrap();
    assert_eq!(v["status"], "fixed");
}

#[test]
fn a_changed_run_keeps_every_decided_finding_in_findings_csv_and_a_missing_review_file_is_said() {
    // Decide the agreement between the two outlets that did not change.
    let (run, _, all, _) = vilnius(&[]);
    assert_contains(&run.stdout, &["review: no review file at"]);
    let agree = all.iter().find(|f| f["relation"] == "agree").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("review.csv");
    std::fs::write(&review, format!("id,decision\n{},confirmed\n", agree["id"])).unwrap();
    let (run, _, findings, _) = vilnius(&[
        "--changed",
        "tests/fixtures/vilnius/corpus/nordic-wire.txt",
        "--review",
        review.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1);
    assert!(!run.stdout.contains("no review file"), "{}", run.stdout);
    // The changed document's findings, and the decided one: findings.csv
    // saved as the review file keeps that decision.
    let rows: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f["relation"].as_str(), f["decision"].as_str()))
        .collect();
    assert_eq!(rows, [("conflict", ""), ("compatible", ""), ("agree", "confirmed")]);
}
