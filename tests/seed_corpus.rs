//! The demo corpus (the five seed articles) with the default rule pack.

mod common;
use common::*;

#[test]
fn seed_corpus_checks_clean_with_the_expected_findings() {
    let (run, claims, findings, out) = check(&[]);
    assert_eq!(run.code, 0, "no conflict on the seeds\n{}{}", run.stdout, run.stderr);
    assert_contains(&run.stdout, &["5 documents (0 skipped)"]);

    // "more than 30" and "34" military chiefs of 001: one compatible finding quoting both.
    let chiefs: Vec<_> = findings
        .iter()
        .filter(|f| f["key"].ends_with("/participants/military-chiefs"))
        .collect();
    assert_eq!(chiefs.len(), 1, "{findings:#?}");
    let f = chiefs[0];
    assert_eq!(f["relation"], "compatible");
    assert_eq!(
        f["key"],
        "paris-2025-03-11-military-chiefs/participants/military-chiefs"
    );
    assert_eq!((f["a_text"].as_str(), f["b_text"].as_str()), ("more than 30", "34"));
    assert!(f["a_quote"].contains("more than 30 military leaders from NATO and EU countries gathered in Paris"));
    assert!(f["b_quote"].contains("attended by 34 military chiefs from Europe, Australia, and Japan"));
    assert!(f["a_location"].starts_with("001_c7520ecc13df7e2e.txt:"));
    assert!(f["explanation"].contains("lies inside"), "{}", f["explanation"]);

    // Poland's 4.47% keyed to Poland, defence spending, 2025; the UK's 2.5% keyed to the UK.
    let poland = claims.iter().find(|c| c["text"] == "4.47%").expect("Poland's 4.47%");
    assert_eq!(poland["key"], "poland/defence-spending/2025");
    assert_eq!(poland["value"], "[4.47, 4.47] %");
    let uk = claims.iter().find(|c| c["text"] == "2.5%").expect("the UK's 2.5%");
    assert!(
        uk["key"].starts_with("united-kingdom/defence-spending/"),
        "{}",
        uk["key"]
    );

    // "at least 100,000 troops" is [100000, inf).
    let troops = claims
        .iter()
        .find(|c| c["text"] == "at least 100,000")
        .expect("Dannatt's estimate");
    assert_eq!(troops["value"], "[100000, inf) troops");

    // The spam footer's percentages are not claims about anything.
    assert!(claims.iter().all(|c| !c["sentence"].contains("2200%")), "{claims:#?}");
    assert!(findings.iter().all(|f| f["relation"] != "conflict"));

    // The reports keep the contract's columns.
    assert_eq!(
        header(&out.path().join("claims.csv")),
        crosscheck::report::CLAIMS_COLUMNS
    );
    let mut columns: Vec<&str> = crosscheck::report::FINDINGS_COLUMNS.to_vec();
    columns.extend(crosscheck::report::REVIEW_COLUMNS);
    assert_eq!(
        header(&out.path().join("findings.csv")),
        columns,
        "the design's columns, then the review columns"
    );
    insta::assert_snapshot!(
        "seed_claims",
        std::fs::read_to_string(out.path().join("claims.csv")).unwrap()
    );
    insta::assert_snapshot!(
        "seed_findings",
        std::fs::read_to_string(out.path().join("findings.csv")).unwrap()
    );
}

#[test]
fn two_runs_write_identical_reports() {
    let (_, _, _, a) = check(&[]);
    let (_, _, _, b) = check(&[]);
    for name in ["claims.csv", "findings.csv"] {
        assert_eq!(
            std::fs::read(a.path().join(name)).unwrap(),
            std::fs::read(b.path().join(name)).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn every_rule_example_passes() {
    let pack = crosscheck::rules::RulePack::load(&root().join("rules")).unwrap_or_else(|e| panic!("{e}"));
    let outcomes = crosscheck::check::run_examples(&pack);
    let failing: Vec<String> = outcomes
        .iter()
        .filter_map(|o| {
            o.failure
                .as_ref()
                .map(|f| format!("{} example {}: {f}", o.rule, o.number))
        })
        .collect();
    assert!(failing.is_empty(), "failing rules:\n{}", failing.join("\n"));
    assert!(outcomes.len() >= pack.rules.len() * 2, "every rule carries examples");
}
