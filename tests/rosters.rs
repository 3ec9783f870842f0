//! Who attended and who was excluded: entities, aliases, typos, rosters.

mod common;
use common::*;
use crosscheck::date::Date;
use crosscheck::rules::RulePack;

fn pack() -> RulePack {
    RulePack::load(&root().join("rules")).unwrap()
}

#[test]
fn seed_summit_rosters_are_partial_poalnd_is_a_variant_and_the_us_is_absent() {
    let (run, claims, findings, _out) = check(&[]);
    assert_eq!(run.code, 0, "no conflict on the seeds\n{}", run.stdout);

    let partial: Vec<_> = findings.iter().filter(|f| f["relation"] == "partial").collect();
    assert_eq!(partial.len(), 1, "{findings:#?}");
    let p = partial[0];
    assert_eq!(p["key"], "paris-2025-02-17-leaders-summit/participants");
    assert_eq!(
        (p["a_sources"].as_str(), p["b_sources"].as_str()),
        ("002_5f9d4273162d0240.txt", "004_ff1b0bd1de8f6d73.txt")
    );
    assert_eq!(
        p["explanation"],
        "Denmark, European Union, NATO and Spain appear only in 004_ff1b0bd1de8f6d73.txt; neither list claims to be complete"
    );

    let variant = findings.iter().find(|f| f["relation"] == "variant").expect("Poalnd");
    assert_eq!(variant["key"], "spelling/poland");
    assert_eq!(
        (variant["a_value"].as_str(), variant["a_sources"].as_str()),
        ("Poalnd → Poland", "000_ddbbc42a83ff3454.txt")
    );
    assert!(variant["explanation"].contains("'Poalnd' (000_ddbbc42a83ff3454.txt:17:26) is read as Poland"));
    assert_eq!(
        variant["a_location"], "000_ddbbc42a83ff3454.txt:17:26",
        "the misspelling itself"
    );

    let absent: Vec<_> = claims
        .iter()
        .filter(|c| c["doc"] == "001_c7520ecc13df7e2e.txt" && c["value"] == "United States: absent")
        .collect();
    assert!(absent.len() >= 2, "{claims:#?}");
    assert!(absent
        .iter()
        .all(|c| c["key"] == "paris-2025-03-11-military-chiefs/participants"));
    assert!(absent
        .iter()
        .any(|c| c["sentence"].contains("excluding the United States")));
    // Nobody places the United States there, so no conflict; and Zelenskiy
    // ("Meanwhile, …") is not placed at the Paris summit.
    assert!(!claims.iter().any(|c| c["value"] == "Ukraine: present"), "{claims:#?}");
}

#[test]
fn fixture_rosters_cover_every_rule() {
    let (run, _claims, findings, _out) = check(&["tests/fixtures/rosters/corpus"]);
    assert_eq!(run.code, 1);
    let by_key = |k: &str| findings.iter().filter(|f| f["key"] == k).collect::<Vec<_>>();

    // Present against absent for the same entity and event.
    let rome = by_key("rome/2025-05-06/meeting/participants");
    assert_eq!(rome.len(), 1);
    assert_eq!(
        (
            rome[0]["relation"].as_str(),
            rome[0]["a_value"].as_str(),
            rome[0]["b_value"].as_str()
        ),
        ("conflict", "Canada: present", "Canada: absent")
    );

    // A complete list contradicted by another source.
    let madrid = by_key("madrid/2025-06-10/meeting/participants");
    assert_eq!(
        madrid.len(),
        1,
        "the contradicted pair is not also reported as partial: {madrid:#?}"
    );
    assert_eq!(madrid[0]["relation"], "conflict");
    assert_eq!(madrid[0]["a_value"], "France; Germany; Italy (complete)");
    assert_eq!(
        (madrid[0]["b_value"].as_str(), madrid[0]["b_sources"].as_str()),
        ("Portugal and Spain: present", "madrid-d.md")
    );

    // A count beside a list that does not match the list, in one source.
    let lisbon = by_key("lisbon/2025-07-01/meeting/participants");
    assert_eq!(lisbon.len(), 1);
    assert_eq!(lisbon[0]["relation"], "conflict");
    assert_eq!(
        lisbon[0]["explanation"],
        "lisbon-e.md says 4 but lists 3: France, Germany and Italy"
    );
    assert_eq!(lisbon[0]["b_sources"], "");

    // Lists that differ by omission; people stand for their countries.
    let oslo = by_key("oslo/2025-08-05/meeting/participants");
    assert_eq!(oslo.len(), 1);
    assert_eq!(oslo[0]["relation"], "partial");
    assert_eq!(
        oslo[0]["b_value"], "Denmark, France and United Kingdom",
        "Starmer, Macron and Frederiksen"
    );
    assert_eq!(
        oslo[0]["explanation"],
        "Germany appears only in oslo-f.md; Denmark appears only in oslo-g.md; neither list claims to be complete"
    );

    // A misspelling inside a list.
    let variant = by_key("spelling/portugal");
    assert_eq!(variant[0]["a_value"], "Portgual → Portugal");

    // The undated article binds to no event: no conflict from it.
    assert!(findings
        .iter()
        .all(|f| !f["a_sources"].contains("undated") && !f["b_sources"].contains("undated")));
    assert_contains(&run.stdout, &["(3 unbound, compared with nothing)"]);
    assert_eq!(findings.len(), 5, "{findings:#?}");
}

#[test]
fn aliases_demonyms_and_capitals_resolve_but_georgia_the_state_is_not_the_country() {
    let pack = pack();
    let g = &pack.gazetteer;
    for (written, id) in [
        ("UK", "united-kingdom"),
        ("U.K.", "united-kingdom"),
        ("Britain", "united-kingdom"),
        ("British", "united-kingdom"),
        ("Türkiye", "turkey"),
        ("Kyiv", "kyiv"),
    ] {
        assert_eq!(g.lookup(written).map(|e| e.id.as_str()), Some(id), "{written}");
    }
    assert!(g.lookup_in("Georgia", "Tbilisi, Georgia, hosted the talks.").is_some());
    assert!(g
        .lookup_in("Georgia", "The talks were held in Atlanta, Georgia.")
        .is_none());
    assert!(g.lookup_in("Georgia", "Georgia Tech hosted a panel.").is_none());
}

#[test]
fn people_stand_for_what_they_represent_on_the_date() {
    let pack = pack();
    let g = &pack.gazetteer;
    let on = |id: &str, d: &str| g.participant(id, Date::parse(d)).map(|e| e.id.clone());
    assert_eq!(on("mark-rutte", "2024-03-01").as_deref(), Some("netherlands"));
    assert_eq!(on("mark-rutte", "2025-03-01").as_deref(), Some("nato"));
    assert_eq!(
        on("mark-rutte", "2024-08-01"),
        None,
        "between roles he stands for nothing"
    );
    assert_eq!(
        on("antonio-costa", "2025-02-17").as_deref(),
        Some("eu"),
        "the European Council counts as the EU"
    );
    assert_eq!(on("olaf-scholz", "2025-06-01"), None, "no longer chancellor");
    assert_eq!(on("keir-starmer", "2025-02-17").as_deref(), Some("united-kingdom"));
    assert_eq!(
        g.participant("mark-rutte", None).map(|e| e.id.as_str()),
        Some("nato"),
        "undated: the current role"
    );
}

#[test]
fn attendance_is_one_finding_per_key_and_decisions_on_old_pairs_are_carried() {
    // Rome: one source places Canada there, another says it stayed away.
    let (_, _claims, findings, _out) = check(&["tests/fixtures/rosters/corpus"]);
    let rome: Vec<_> = findings
        .iter()
        .filter(|f| f["key"] == "rome/2025-05-06/meeting/participants")
        .collect();
    assert_eq!(rome.len(), 1, "{rome:#?}");
    let f = rome[0];
    assert_eq!(f["relation"], "conflict");
    assert!(f["id"].starts_with('k'), "{}", f["id"]);
    assert!(
        f["values"].contains("Canada: present") && f["values"].contains("Canada: absent"),
        "{}",
        f["values"]
    );

    // A decision made when attendance findings were pairs still applies,
    // for re-review.
    let old_id = crosscheck::align::legacy_pair_id(
        "attendance",
        "rome/2025-05-06/meeting/participants",
        crosscheck::claim::Modality::Fact,
        "Canada: present",
        Some("Canada: absent"),
    );
    let corpus = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(root().join("tests/fixtures/rosters/corpus")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), corpus.path().join(entry.file_name())).unwrap();
    }
    let review = corpus.path().join("review.csv");
    std::fs::write(
        &review,
        format!("id,decision,reason\n{old_id},dismissed,different-event\n"),
    )
    .unwrap();
    let (run, _claims, findings, _out) =
        check(&[corpus.path().to_str().unwrap(), "--review", review.to_str().unwrap()]);
    let f = findings.iter().find(|f| f["id"] == rome[0]["id"]).unwrap();
    assert_eq!(f["status"], "needs-re-review", "{}", run.stdout);
    assert!(
        f["explanation"].contains(&format!("(id {old_id})")),
        "{}",
        f["explanation"]
    );
}
