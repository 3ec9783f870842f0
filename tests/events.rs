//! Events and dates: claims are compared only with claims about the same
//! event.

mod common;
use common::*;
use crosscheck::corpus::{load_corpus, segment};
use crosscheck::event::SentenceEvent;
use crosscheck::rules::RulePack;

/// The event each sentence containing `needle` in `doc` is bound to.
fn event_of(doc_id: &str, needle: &str) -> Option<String> {
    let pack = RulePack::load(&root().join("rules")).unwrap();
    let corpus = load_corpus(&root().join("corpus")).unwrap();
    let doc = corpus.documents.iter().find(|d| d.id == doc_id).unwrap();
    let sentences = segment(&doc.text, doc.body_start);
    let events = pack.events.bind(&pack.gazetteer, doc, &sentences);
    let i = sentences
        .iter()
        .position(|s| doc.text[s.range()].contains(needle))
        .expect(needle);
    match &events[i] {
        SentenceEvent::Bound { event, .. } => Some(event.to_string()),
        SentenceEvent::Unbound { .. } => None,
    }
}

#[test]
fn seed_events_are_told_apart() {
    // Riyadh (002, 18 February) and Jeddah (000, 11 March) are different talks.
    assert_eq!(
        event_of("002_5f9d4273162d0240.txt", "negotiations in Riyadh").as_deref(),
        Some("riyadh-2025-02-18-us-russia-talks")
    );
    assert_eq!(
        event_of("000_ddbbc42a83ff3454.txt", "Peace talks led by the US").as_deref(),
        Some("jeddah-2025-03-11-us-ukraine-talks")
    );
    // The 12 February joint statement (003) and the 12 March ministers' meeting (000).
    assert_eq!(
        event_of("003_81711b3a86b3a139.txt", "joint statement").as_deref(),
        Some("2025-02-12-joint-statement")
    );
    assert_eq!(
        event_of("000_ddbbc42a83ff3454.txt", "shakes hands").as_deref(),
        Some("paris-2025-03-12-defence-ministers")
    );
    // The 17 February summit (002, 004) and the 11 March chiefs' meeting (001).
    assert_eq!(
        event_of("002_5f9d4273162d0240.txt", "gathered in Paris on Monday").as_deref(),
        Some("paris-2025-02-17-leaders-summit")
    );
    assert_eq!(
        event_of("004_ff1b0bd1de8f6d73.txt", "security summit in Paris").as_deref(),
        Some("paris-2025-02-17-leaders-summit")
    );
    assert_eq!(
        event_of("001_c7520ecc13df7e2e.txt", "more than 30 military leaders").as_deref(),
        Some("paris-2025-03-11-military-chiefs")
    );
}

#[test]
fn seed_findings_never_span_different_events() {
    let (run, claims, findings, _out) = check(&[]);
    assert_eq!(run.code, 0);
    let forbidden = [
        ("002_5f9d4273162d0240.txt", "000_ddbbc42a83ff3454.txt"),
        ("003_81711b3a86b3a139.txt", "000_ddbbc42a83ff3454.txt"),
        ("002_5f9d4273162d0240.txt", "001_c7520ecc13df7e2e.txt"),
        ("004_ff1b0bd1de8f6d73.txt", "001_c7520ecc13df7e2e.txt"),
    ];
    for f in &findings {
        let sources = format!("{};{}", f["a_sources"], f["b_sources"]);
        for (x, y) in forbidden {
            assert!(
                !(sources.contains(x) && sources.contains(y)),
                "{x} and {y} compared: {f:#?}"
            );
        }
    }
    // The summit's date, from "on Monday" (002) and "Monday's" (004), agrees.
    let date = findings
        .iter()
        .find(|f| f["key"] == "paris-2025-02-17-leaders-summit/date")
        .expect("summit date");
    assert_eq!(
        (date["relation"].as_str(), date["a_value"].as_str()),
        ("agree", "2025-02-17")
    );
    assert_eq!(date["a_sources"], "002_5f9d4273162d0240.txt;004_ff1b0bd1de8f6d73.txt");
    // Every claim of 001 is about the chiefs' meeting of 11 March.
    for c in claims.iter().filter(|c| c["doc"] == "001_c7520ecc13df7e2e.txt") {
        assert!(c["key"].starts_with("paris-2025-03-11-military-chiefs/"), "{c:#?}");
    }
}

#[test]
fn a_relative_and_an_absolute_date_align_and_a_meeting_a_month_later_is_another_event() {
    let (run, claims, findings, _out) = check(&["tests/fixtures/warsaw/corpus"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    // "on Tuesday" in a paper of Wednesday 12 March and "on 11 March": one derived event.
    let countries = findings
        .iter()
        .find(|f| f["key"] == "warsaw/2025-03-11/meeting/participants/countries")
        .expect("aligned");
    assert_eq!(countries["relation"], "agree");
    assert_eq!(countries["a_sources"], "baltic-wire.txt;polish-daily.md");
    // The April meeting (35 countries) is compared with nothing.
    let april = claims
        .iter()
        .find(|c| c["doc"] == "april-report.md" && c["rule"] == "meeting.countries")
        .unwrap();
    assert_eq!(april["key"], "warsaw/2025-04-15/meeting/participants/countries");
    assert!(findings
        .iter()
        .all(|f| !f["a_sources"].contains("april") && !f["b_sources"].contains("april")));
    // Without a declared event, "12 March" is a meeting of its own: no date conflict.
    assert!(findings.iter().all(|f| f["relation"] != "conflict"));
    // The undated blog's relative date cannot be resolved: unbound, counted.
    assert_contains(&run.stdout, &["(2 unbound, compared with nothing)"]);
    let blog: Vec<_> = claims.iter().filter(|c| c["doc"] == "undated-blog.txt").collect();
    assert!(blog.iter().all(|c| c["key"].starts_with("?/")), "{blog:#?}");
}

#[test]
fn a_source_putting_a_declared_meeting_on_another_day_is_a_date_conflict() {
    let (run, _claims, findings, _out) = check(&[
        "tests/fixtures/warsaw/corpus",
        "--rules",
        "rules",
        "--rules",
        "tests/fixtures/warsaw/rules",
    ]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let conflicts: Vec<_> = findings.iter().filter(|f| f["relation"] == "conflict").collect();
    assert_eq!(conflicts.len(), 1, "only the date conflicts: {findings:#?}");
    let c = conflicts[0];
    assert_eq!(c["key"], "warsaw-2025-03-11-defence-chiefs/date");
    assert_eq!(
        (c["a_value"].as_str(), c["a_sources"].as_str()),
        ("2025-03-11", "baltic-wire.txt;polish-daily.md")
    );
    assert_eq!(
        (c["b_value"].as_str(), c["b_sources"].as_str()),
        ("2025-03-12", "late-wire.md")
    );
    assert!(
        c["explanation"].contains("'11 March' (11 March 2025)"),
        "{}",
        c["explanation"]
    );
    assert!(c["explanation"].contains("different dates"), "{}", c["explanation"]);
}

/// A corpus of one pledge stated by outlets on the given days.
fn pledge_corpus(days: &[(&str, &str)]) -> tempfile::TempDir {
    let corpus = tempfile::tempdir().unwrap();
    for (i, (day, troops)) in days.iter().enumerate() {
        std::fs::write(
            corpus.path().join(format!("{i}.md")),
            format!("---\nsource: Outlet {i}\npublished: {day}\n---\nBritain pledged {troops} troops for a reassurance force in Ukraine.\n"),
        )
        .unwrap();
    }
    corpus
}

#[test]
fn an_old_figure_repeated_after_its_revision_is_still_an_update_but_a_slip_amid_it_conflicts() {
    // 10,000 on 1 March, revised to 20,000 on 20 March; one outlet still
    // said 10,000 on 21 March, but 20,000 was still being stated after it.
    let corpus = pledge_corpus(&[
        ("2025-03-01", "10,000"),
        ("2025-03-20", "20,000"),
        ("2025-03-21", "10,000"),
        ("2025-03-22", "20,000"),
    ]);
    let (run, _claims, findings, _out) = check(&[corpus.path().to_str().unwrap()]);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["relation"], "update", "{}", findings[0]["explanation"]);
    assert_eq!(run.code, 0);

    // 12,000 stated once, on a day when outlets were saying 10,000 before
    // and after it: a slip or a dispute, not a revision.
    let corpus = pledge_corpus(&[
        ("2025-03-01", "10,000"),
        ("2025-03-05", "12,000"),
        ("2025-03-10", "10,000"),
    ]);
    let (run, _claims, findings, _out) = check(&[corpus.path().to_str().unwrap()]);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["relation"], "conflict", "{}", findings[0]["explanation"]);
    assert_eq!(run.code, 1);
}

#[test]
fn steps_that_outlets_cite_out_of_order_on_different_days_are_updates() {
    // 12,000 stated by two outlets on two days, while 10,000 was stated
    // before and after (a figure revised and revised back, or cited late by
    // a retrospective), never two of them on one day: the count's history,
    // not a dispute. (Stated once, amid the other, it is a slip: above.)
    let corpus = pledge_corpus(&[
        ("2025-03-01", "10,000"),
        ("2025-03-03", "12,000"),
        ("2025-03-04", "12,000"),
        ("2025-03-06", "10,000"),
        ("2025-03-10", "10,000"),
    ]);
    let (run, _claims, findings, _out) = check(&[corpus.path().to_str().unwrap()]);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["relation"], "update", "{}", findings[0]["explanation"]);
    assert_eq!(run.code, 0);
}

#[test]
fn a_later_revision_of_a_pledge_is_an_update_but_two_figures_on_one_day_conflict() {
    // One finding for the pledge: 10,000 (1 March) was revised to 20,000
    // and 25,000, which two outlets gave the same day: the key conflicts,
    // and the pair that decides it is the same-day pair.
    let (run, _claims, findings, _out) = check(&["tests/fixtures/pledges/corpus"]);
    assert_eq!(run.code, 1);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(
        (f["relation"].as_str(), f["a_text"].as_str(), f["b_text"].as_str()),
        ("conflict", "20,000", "25,000")
    );
    assert!(
        f["values"].starts_with("[10000, 10000] troops [1] (1 source); [20000, 20000] troops [2]"),
        "{}",
        f["values"]
    );
    assert!(
        f["explanation"].starts_with("3 values from 3 sources in 3 clusters;"),
        "{}",
        f["explanation"]
    );

    // Without the same-day figure, the key is an update.
    let corpus = tempfile::tempdir().unwrap();
    for name in ["early.md", "later.md"] {
        std::fs::copy(
            root().join("tests/fixtures/pledges/corpus").join(name),
            corpus.path().join(name),
        )
        .unwrap();
    }
    let (run, _claims, findings, _out) = check(&[corpus.path().to_str().unwrap()]);
    assert_eq!(run.code, 0, "an update fails nothing");
    let update = &findings[0];
    assert_eq!(update["relation"], "update");
    assert!(
        update["explanation"].contains("(first stated 2025-03-01) was revised to"),
        "{}",
        update["explanation"]
    );
    assert_eq!(update["severity"], "medium");
}

#[test]
fn explain_shows_why_each_claim_is_bound_where_it_is() {
    let out = tempfile::tempdir().unwrap();
    let run = crosscheck(&[
        "check",
        "tests/fixtures/warsaw/corpus",
        "--rules",
        "rules",
        "--rules",
        "tests/fixtures/warsaw/rules",
        "--explain",
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert!(
        run.stdout.contains(
            "event:    warsaw-2025-03-11-defence-chiefs: the sentence names it (trigger /\\bdefen[cs]e chiefs\\b/)"
        ),
        "{}",
        run.stdout
    );
    assert_contains(
        &run.stdout,
        &["event:    warsaw/2025-04-15/meeting: the sentence names it (\"met\" in Warsaw on 2025-04-15)"],
    );
    assert_contains(
        &run.stdout,
        &["\"Tuesday\" is relative and the document has no publication date"],
    );
    assert_contains(&run.stdout, &["no event is named in the document"]);
}

/// A live blog's entries are stamped with their time: a changing figure
/// stated at 18:05 and another at 23:40 of one day is an update, not a
/// conflict, and an article dated that day with no time reports where the
/// day ended (tests/fixtures/days).
#[test]
fn live_blog_entries_order_a_days_figures() {
    let (run, _claims, findings, _out) = check(&["tests/fixtures/days/corpus", "--rules", "tests/fixtures/days/rules"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let arrests = findings.iter().find(|f| f["key"] == "paris/arrests").expect("arrests");
    assert_eq!(arrests["relation"], "update", "{arrests:#?}");
    assert!(
        arrests["explanation"].starts_with("3 values from 2 sources in 3 clusters"),
        "{arrests:#?}"
    );
    assert!(
        arrests["explanation"].contains(
            "(first stated 2023-01-31 18:05) was revised to '45' (45 arrests) (first stated 2023-01-31 23:40)"
        ),
        "{arrests:#?}"
    );
}
