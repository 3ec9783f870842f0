//! Fixture corpora written for these tests, not tuned from the seeds.

mod common;
use common::*;

#[test]
fn vilnius_counts_conflict_shares_are_compatible_and_equal_figures_agree() {
    let (run, _claims, findings, out) = check(&[
        "tests/fixtures/vilnius/corpus",
        "--rules",
        "rules",
        "--rules",
        "tests/fixtures/vilnius/rules",
    ]);
    assert_eq!(run.code, 1, "a conflict fails the run\n{}{}", run.stdout, run.stderr);
    assert_contains(&run.stdout, &["1 conflict"]);

    let conflict = findings
        .iter()
        .find(|f| f["relation"] == "conflict")
        .expect("30 vs 34 countries");
    assert_eq!(
        conflict["key"],
        "vilnius-2025-06-03-defence-chiefs/participants/countries"
    );
    assert_eq!(
        (conflict["a_value"].as_str(), conflict["b_value"].as_str()),
        ("[30, 30] countries", "[34, 34] countries")
    );
    assert_eq!(
        (conflict["a_sources"].as_str(), conflict["b_sources"].as_str()),
        ("baltic-herald.md", "nordic-wire.txt")
    );
    assert_eq!(conflict["severity"], "high");

    let poll = findings
        .iter()
        .find(|f| f["key"] == "lithuania/opinion/support-sending-troops")
        .unwrap();
    assert_eq!(poll["relation"], "compatible");
    assert_eq!(
        (poll["a_text"].as_str(), poll["b_text"].as_str()),
        ("nearly 50%", "48%")
    );

    let agree = findings
        .iter()
        .find(|f| f["relation"] == "agree")
        .expect("Estonia's 3.4% from two outlets");
    assert_eq!(agree["key"], "estonia/defence-spending/2025");
    assert_eq!(agree["a_sources"], "baltic-herald.md;tallinn-times.md");
    assert_eq!((agree["b_value"].as_str(), agree["b_quote"].as_str()), ("", ""));
    assert_eq!(findings.len(), 3, "{findings:#?}");
    insta::assert_snapshot!(
        "vilnius_findings",
        std::fs::read_to_string(out.path().join("findings.csv")).unwrap()
    );
}

#[test]
fn bad_documents_are_reported_and_skipped_and_the_rest_is_checked() {
    let (run, claims, findings, _out) = check(&["tests/fixtures/bad-documents/corpus"]);
    assert_eq!(
        run.code, 3,
        "skipped documents are remembered in the exit code\n{}",
        run.stderr
    );
    let expect = [
        "archive.txt:1: binary file",
        "bad-date.md:3: published date \"18/02/2025\" is not YYYY-MM-DD",
        "empty.txt: empty document",
        "latin1.txt:2: not valid UTF-8",
        "unclosed-front-matter.md:1: front matter opened with `---` on line 1 is never closed",
    ];
    for e in expect {
        assert!(run.stderr.contains(e), "missing {e:?} in\n{}", run.stderr);
    }
    assert_contains(&run.stdout, &["2 documents (5 skipped)"]);
    assert_eq!(claims.len(), 3, "the good documents are still checked");
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["relation"], "agree");
    assert_eq!(findings[0]["a_sources"], "good.md;no-front-matter.txt");
}

#[test]
fn a_missing_corpus_is_a_runtime_error() {
    let (run, _, _, _) = check(&["no/such/folder"]);
    assert_eq!(run.code, 3);
    assert_contains(&run.stderr, &["no/such/folder"]);
}

#[test]
fn different_currencies_and_shares_against_counts_are_never_compared() {
    let (run, claims, findings, _out) =
        check(&["tests/fixtures/units/corpus", "--rules", "tests/fixtures/units/rules"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let keys = |k: &str| {
        claims
            .iter()
            .filter(|c| c["key"] == k)
            .map(|c| c["value"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        keys("germany/aid-pledged"),
        ["[2000000000, 2000000000] USD", "[2000000000, 2000000000] EUR"]
    );
    let deployed = keys("germany/troops-deployed");
    assert_eq!(deployed, ["[4500, 5500] troops", "[5, 5] %", "[5350, 5450] troops"]);
    // €2bn and $2bn: no finding; 5% and 5,000 troops: no finding. The two
    // counts (5,000 read as a rounding, 5,400) are compatible.
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["relation"], "compatible");
    assert_eq!(
        (findings[0]["a_text"].as_str(), findings[0]["b_text"].as_str()),
        ("5,000", "5,400")
    );
    assert!(
        findings[0]["explanation"].contains("from 5,350 troops to 5,450 troops"),
        "{}",
        findings[0]["explanation"]
    );
}

#[test]
fn fixture_rule_packs_pass_their_own_examples() {
    let run = crosscheck(&["test", "--rules", "tests/fixtures/units/rules"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.starts_with("4 passed, 0 failed"), "{}", run.stdout);
}
