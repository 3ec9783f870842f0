//! Frame rules and `crosscheck explain-text`, over the constructions
//! docs/rules.md lists (rules in tests/fixtures/frames).

mod common;
use common::*;

const PACK: &str = "tests/fixtures/frames/rules";

/// The claim lines `explain-text` prints: `rule "text" value key …`.
fn claims(sentence: &str) -> Vec<String> {
    let run = crosscheck(&["explain-text", sentence, "--published", "2025-03-12", "--rules", PACK]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
        .lines()
        .skip_while(|l| !l.starts_with("claims:"))
        .skip(1)
        .map(|l| l.trim().to_string())
        .collect()
}

/// Run `check` over a corpus of `files` (name, text) with the packs at
/// `packs`; the claims and findings.
fn check_files(files: &[(&str, &str)], packs: &[&str]) -> (Rows, Rows) {
    let corpus = rule_pack(files);
    let mut args = vec![corpus.path().to_str().unwrap()];
    for p in packs {
        args.extend(["--rules", p]);
    }
    let (run, claims, findings, _out) = check(&args);
    assert!(run.code <= 1, "{}", run.stderr);
    (claims, findings)
}

/// `check_files` over articles given as (published, body), named a.md,
/// b.md, … in order, with the pack at `pack`.
/// Each claim's text and key, in order.
fn texts_and_keys(claims: &[std::collections::HashMap<String, String>]) -> Vec<(&str, &str)> {
    claims.iter().map(|c| (c["text"].as_str(), c["key"].as_str())).collect()
}

fn check_dated(articles: &[(&str, &str)], pack: &tempfile::TempDir) -> (Rows, Rows) {
    let files: Vec<(String, String)> = articles
        .iter()
        .zip('a'..)
        .map(|((published, body), name)| {
            (
                format!("{name}.md"),
                format!("---\npublished: {published}\n---\n{body}\n"),
            )
        })
        .collect();
    let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    check_files(&files, &[pack.path().to_str().unwrap()])
}

/// A one-rule pack counting marchers (`counts`), with `extra` fields.
fn marchers_pack(counts: &str, extra: &str) -> tempfile::TempDir {
    rule_pack(&[(
        "marchers.toml",
        format!(
            "[[rule]]\nid = \"marchers\"\ndescribe = \"How many marched\"\ncounts = {counts}\nkey = \"march/marchers\"\nunit = \"marchers\"\n{extra}\n[[rule.example]]\ntext = \"Police counted 5,000 marchers.\"\nvalue = \"[5000, 5000] marchers\"\n"
        ),
    )])
}

#[test]
fn a_figures_own_words_decide_what_it_is() {
    // Only 2.2% is defence spending; the aid figures are someone else's.
    let got = claims("Aid will be cut from 0.7% of GDP to 0.4% to fund defence at 2.2%, the government said.");
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(
        got[0].starts_with("spending.defence \"2.2%\" [2.2, 2.2] % key ?/defence/undated"),
        "{got:#?}"
    );
}

#[test]
fn subject_and_year_come_from_the_reading() {
    let got = claims("In 2024, defence spending reached these levels: Poland (4.12% of GDP), Estonia (3.43% of GDP) and the US (3.38% of GDP).");
    assert_eq!(
        got.iter()
            .map(|l| l
                .split(" key ")
                .nth(1)
                .unwrap_or_default()
                .split(' ')
                .next()
                .unwrap_or_default())
            .collect::<Vec<_>>(),
        [
            "poland/defence/2024",
            "estonia/defence/2024",
            "united-states/defence/2024"
        ],
        "{got:#?}"
    );
    // "It" is the previous sentence's country; "next year" is 2026.
    let run = crosscheck(&[
        "check",
        "tests/fixtures/frames/corpus",
        "--rules",
        PACK,
        "--out",
        "target/frames-out",
        "--explain",
    ]);
    assert!(run.stdout.contains("key:      germany/defence/2026"), "{}", run.stdout);
    assert!(run.stdout.contains("key:      germany/defence/2024"), "{}", run.stdout);
}

#[test]
fn a_participle_and_by_name_whose_figure_it_is() {
    let got = claims("Poland spends 4.1% of GDP on defence, far above the 2.1% of GDP reported by Germany.");
    let keys: Vec<&str> = got
        .iter()
        .filter_map(|l| l.split(" key ").nth(1)?.split(' ').next())
        .collect();
    assert_eq!(keys, ["poland/defence/undated", "germany/defence/undated"], "{got:#?}");
    // The agent may come with a possessive before it.
    let got = claims("Italy spends 3.1% of GDP on defence, above the 2.1% of GDP reported by Olaf Scholz's Germany.");
    let keys: Vec<&str> = got
        .iter()
        .filter_map(|l| l.split(" key ").nth(1)?.split(' ').next())
        .collect();
    assert_eq!(keys, ["italy/defence/undated", "germany/defence/undated"], "{got:#?}");
}

#[test]
fn counted_words_before_and_after() {
    assert!(claims("By Friday the death toll rose to 2,310, officials said.")[0].contains("[2310, 2310] dead"));
    assert!(claims("The storm hit the coast, killing at least 61 people.")[0].contains("[61, inf) dead"));
    assert!(claims("At least 61 people were rescued from the roofs.").is_empty());
    // A magnitude said in one word is an impression, not a figure to check.
    assert!(claims("The storm hit the coast, killing thousands of people.").is_empty());
    assert!(claims("The storm hit the coast, killing tens of thousands of people.")[0].contains("[20000, 99999] dead"));
    assert!(claims("It sent a contingent numbering 8,000.")[0].contains("[8000, 8000] troops"));
    // "Defence chiefs from 30 countries": 30 counts countries, not troops or chiefs.
    let got = claims("Delegates from 30 countries met in Paris.");
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].starts_with("meeting.countries \"30\""));
}

#[test]
fn money_names_what_it_is_for_after_a_preposition() {
    let got = claims("Leaders agreed €390bn in grants and €360bn of loans.");
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].contains("[390000000000, 390000000000] EUR"));
    // ...and after a participle and "as": what it is paid out as.
    let got = claims("Of the fund, €390 billion will be distributed as grants and €360 billion as loans.");
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].contains("[390000000000, 390000000000] EUR"), "{got:#?}");
}

#[test]
fn explain_text_shows_each_reading_and_why_a_rule_passed_it_over() {
    let run = crosscheck(&[
        "explain-text",
        "Italy's public debt stands at 135% of GDP, a defence analyst noted.",
        "--rules",
        PACK,
    ]);
    assert_contains(
        &run.stdout,
        &[
            "reading 1: \"135%\" = [135, 135] % (exact)",
            "share of:    gdp",
            "not spending.defence: qualified by \"debt\", which the rule excludes",
            "not meeting.countries: not a count (%)",
            "claims: 0",
        ],
    );
    let run = crosscheck(&[
        "explain-text",
        "The CGT said 2.8 million people took part, while the interior ministry counted 1.27 million.",
        "--rules",
        PACK,
    ]);
    assert_contains(&run.stdout, &["attributed:  cgt", "attributed:  interior ministry"]);
    let run = crosscheck(&["explain-text", "x", "--published", "12/03/2025", "--rules", PACK]);
    assert_eq!(run.code, 2);
}

#[test]
fn a_rule_has_a_frame_or_patterns_and_lists_must_exist() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.toml"),
        "[[rule]]\nid = \"both\"\ndescribe = \"x\"\ncounts = [\"troops\"]\npatterns = ['{quantity} troops']\nkey = \"k\"\n[[rule.example]]\ntext = \"5 troops\"\nvalue = \"[5, 5]\"\n\n[[rule]]\nid = \"nolist\"\ndescribe = \"x\"\ncounts = [\"@missing\"]\nkey = \"{subject}\"\n[[rule.example]]\ntext = \"5 troops\"\nvalue = \"[5, 5]\"\n",
    )
    .unwrap();
    let run = crosscheck(&["test", "--rules", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert_contains(
        &run.stderr,
        &[
            "bad.toml:5:13: rule `both`: a rule has a frame (`counts`, `share_of`, `measure`) or `patterns`, not both",
            "rule `nolist`: no word list `missing`",
            "rule `nolist`: key uses {subject}: say whose figure it is",
        ],
    );
}

/// A figure its own words give for another day belongs to that day's
/// event; one set against the sentence's figure without a day belongs to
/// none (rules in tests/fixtures/days).
#[test]
fn a_figure_of_another_day_belongs_to_that_days_event() {
    let claims_of = |sentence: &str| -> Vec<String> {
        let run = crosscheck(&[
            "explain-text",
            sentence,
            "--published",
            "2023-02-01",
            "--rules",
            "tests/fixtures/days/rules",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
            .lines()
            .skip_while(|l| !l.starts_with("claims:"))
            .skip(1)
            .map(|l| l.trim().to_string())
            .collect()
    };
    let got = claims_of("The ministry counted 1.27 million marchers on Tuesday, up from 1.12 million on January 19.");
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got[0].contains("key day2/marchers (fact)"), "{got:#?}");
    assert!(
        got[1].contains("\"1.12 million\"") && got[1].contains("key day1/marchers (fact)"),
        "{got:#?}"
    );
    let got = claims_of("The ministry counted 1.27 million marchers on Tuesday, up from 1.12 million.");
    assert!(got[0].contains("key day2/marchers (fact)"), "{got:#?}");
    assert!(
        got[1].contains("unbound: a figure the sentence compares with, of a day it does not name"),
        "{got:#?}"
    );
    // A sentence that gives the day an event was held names that event
    // ("tonight" in an article of the day); "by this evening" does not.
    let explain = |sentence: &str, published: &str| -> String {
        let run = crosscheck(&[
            "explain-text",
            sentence,
            "--published",
            published,
            "--rules",
            "tests/fixtures/days/rules",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
    };
    let out = explain("Police counted 5,000 marchers in Lyon tonight.", "2023-01-31");
    assert!(out.contains("key day2/marchers (fact)"), "{out}");
    let out = explain(
        "Police had counted 5,000 marchers in Lyon by this evening.",
        "2023-01-31",
    );
    assert!(out.contains("key ?/marchers (fact; unbound"), "{out}");
    // Its day is shown with the reading.
    let out = explain(
        "Police counted 7,000 marchers in Marseille, down from 12,000 on January 19.",
        "2023-02-01",
    );
    assert!(out.contains("its day:     2023-01-19"), "{out}");
    // A figure of a year before its event's is another event's: the
    // sentence names this event ("Tuesday"), the figure an older march.
    let out = explain(
        "On Tuesday the unions recalled that 2 million marchers had turned out in 2010.",
        "2023-01-31",
    );
    assert!(
        out.contains("key ?/marchers (fact; unbound: a figure of 2010, not of day2)"),
        "{out}"
    );
    // A later year is the event's own business (a target, a budget).
    let out = explain("On Tuesday 2 million marchers demanded a vote in 2024.", "2023-01-31");
    assert!(out.contains("key day2/marchers (fact)"), "{out}");
}

/// A person named in the figure's own stretch stands for the country they
/// lead on the day of publication (the default pack's people and roles).
#[test]
fn a_leader_stands_for_their_country() {
    let key_of = |sentence: &str, published: &str| -> String {
        let run = crosscheck(&["explain-text", sentence, "--published", published, "--rules", "rules"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let line = run
            .stdout
            .lines()
            .skip_while(|l| !l.starts_with("claims:"))
            .nth(1)
            .unwrap_or_default()
            .to_string();
        line.split(" key ")
            .nth(1)
            .unwrap_or_default()
            .split(' ')
            .next()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(
        key_of("Meloni has raised defence spending to 1.5% of GDP.", "2024-03-01"),
        "italy/defence-spending/undated"
    );
    // Not from another clause, and not for an organisation: Rutte leads
    // NATO in 2025, not a country.
    assert_eq!(
        key_of(
            "Meloni spoke after the meeting; defence spending rose to 1.5% of GDP.",
            "2024-03-01"
        ),
        "?/defence-spending/undated"
    );
    assert_eq!(
        key_of("Rutte has raised defence spending to 2.1% of GDP.", "2025-03-01"),
        "?/defence-spending/undated"
    );
    // A leader owns a figure of their clause by a possessive...
    assert_eq!(
        key_of(
            "The row is over Meloni's plan, which would lift defence spending to 2% of GDP in 2025.",
            "2024-03-01"
        ),
        "italy/defence-spending/2025"
    );
    // ...and a name past a dash is another phrase's, not the owner.
    assert_eq!(
        key_of(
            "Defence spending will reach 2% of GDP by 2027 - still low by French standards.",
            "2024-03-01"
        ),
        "?/defence-spending/2027"
    );
}

/// A word list may name other lists; a name that is no list is an error.
#[test]
fn word_lists_may_name_word_lists() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("nested.toml"),
        r#"
[lists]
officer_words = ["officers", "gendarmes"]
police_words = ["@officer_words", "police"]

[[rule]]
id = "deployed"
describe = "Police deployed"
counts = ["@police_words"]
key = "police/deployed"

[[rule.example]]
text = "Exactly 10,000 gendarmes were deployed."
value = "[10000, 10000]"

[[rule.example]]
text = "Exactly 10,000 police were deployed."
value = "[10000, 10000]"

[[rule.example]]
text = "Some 10,000 marchers took part."
none = true
"#,
    )
    .unwrap();
    let run = crosscheck(&["test", "--rules", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    std::fs::write(
        dir.path().join("nested.toml"),
        "[lists]\nouter = [\"@inner\", \"x\"]\n\n[[rule]]\nid = \"r\"\ndescribe = \"x\"\ncounts = [\"@outer\"]\nkey = \"k\"\n[[rule.example]]\ntext = \"5 x\"\nvalue = \"[5, 5]\"\n",
    )
    .unwrap();
    let run = crosscheck(&["test", "--rules", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert_contains(
        &run.stderr,
        &["word list `outer` names `@inner`, which is no word list"],
    );
}

/// "the party" points back to the last party named, as "it" does.
#[test]
fn the_party_points_back_to_the_last_party_named() {
    let pack = rule_pack(&[(
        "votes.toml",
        r#"
[[entity]]
id = "labour"
name = "Labour"
kind = "party"

[[rule]]
id = "votes"
describe = "Votes a party received"
counts = ["votes"]
subject = "party"
key = "{subject}/votes"

[[rule.example]]
text = "Labour received 9.7 million votes."
value = "[9700000, 9700000]"
key = "labour/votes"
"#,
    )]);
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("a.md"),
        "---\npublished: 2024-07-06\n---\nLabour won the election.\n\nIn raw numbers the party received about 9.7 million votes.\n",
    )
    .unwrap();
    let (run, claims, _findings, _out) = check(&[
        corpus.path().to_str().unwrap(),
        "--rules",
        pack.path().to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(claims.len(), 1, "{claims:#?}");
    assert_eq!(claims[0]["key"], "labour/votes", "{claims:#?}");
}

/// `range` keeps a rule to the values its claim can take: a figure wholly
/// outside is another thing, and explain-text says so.
#[test]
fn a_rule_range_passes_over_figures_outside_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("majority.toml"),
        "[[rule]]\nid = \"house.majority\"\ndescribe = \"A majority in the House\"\nmeasure = \"count\"\nqualified_by = [\"majority\"]\nrange = [1, 650]\nkey = \"house/majority\"\nunit = \"seats\"\n\n[[rule.example]]\ntext = \"The party won a majority of 174.\"\nvalue = \"[174, 174] seats\"\n\n[[rule.example]]\ntext = \"She held the seat with a majority of 11,572.\"\nnone = true\n",
    )
    .unwrap();
    let rules = dir.path().to_str().unwrap();
    let run = crosscheck(&["test", "--rules", rules]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    // "about 700" reaches into the range ([630, 770]): still a majority.
    let run = crosscheck(&["explain-text", "It had a majority of about 700.", "--rules", rules]);
    assert_contains(&run.stdout, &["house.majority \"about 700\""]);
    let run = crosscheck(&[
        "explain-text",
        "She held the seat with a majority of 11,572.",
        "--rules",
        rules,
    ]);
    assert_contains(
        &run.stdout,
        &[
            "not house.majority: outside the rule's range [1, 650]: another thing",
            "claims: 0",
        ],
    );
    std::fs::write(
        dir.path().join("majority.toml"),
        "[[rule]]\nid = \"bad.range\"\ndescribe = \"x\"\nmeasure = \"count\"\nrange = [650, 1]\nkey = \"k\"\n[[rule.example]]\ntext = \"a majority of 5\"\nvalue = \"[5, 5]\"\n",
    )
    .unwrap();
    let run = crosscheck(&["test", "--rules", rules]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert_contains(
        &run.stderr,
        &["majority.toml:5:9: rule `bad.range`: `range` is two numbers, the lowest and the highest"],
    );
}

/// A figure set against the sentence's own, of a year the sentence does not
/// name, cannot be placed in a `{period}` key: it is reported, never
/// compared under the default year.
#[test]
fn a_compared_figure_of_no_year_is_unplaced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("seats.toml"),
        "[[rule]]\nid = \"seats\"\ndescribe = \"Seats won\"\ncounts = [\"seats\", \"seat\"]\nkey = \"house/{period|2024}/seats\"\nunit = \"seats\"\n\n[[rule.example]]\ntext = \"The party won 37 seats.\"\nvalue = \"[37, 37] seats\"\nkey = \"house/2024/seats\"\n",
    )
    .unwrap();
    let rules = dir.path().to_str().unwrap();
    let run = crosscheck(&[
        "explain-text",
        "The party rose from one seat to 37 seats, up from the 6 seats it held in 2015.",
        "--published",
        "2024-07-05",
        "--rules",
        rules,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains(
        &run.stdout,
        &[
            "seats \"one\" [1, 1] seats key house/?/seats (fact; unbound: a figure the sentence compares with, of a year it does not name)",
            "seats \"37\" [37, 37] seats key house/2024/seats (fact)",
            "seats \"6\" [6, 6] seats key house/2015/seats (fact)",
        ],
    );
}

/// A figure no source is named for takes the source of the figures it
/// agrees with: a headline's "nearly 1.3 million" beside the ministry's
/// "about 1.3 million" is the ministry's count, so against the union's 3.5
/// million it diverges, it does not conflict.
#[test]
fn an_unattributed_figure_takes_the_source_it_agrees_with() {
    let pack = marchers_pack(r#"["marchers"]"#, r#"modality = "estimate""#);
    let (claims, findings) = check_files(
        &[
            (
                "a.md",
                "---\npublished: 2023-03-08\n---\nThe interior ministry counted about 1.3 million marchers nationwide.\n",
            ),
            (
                "b.md",
                "---\npublished: 2023-03-08\n---\nThe CGT union said 3.5 million marchers took part.\n",
            ),
            (
                "c.md",
                "---\npublished: 2023-03-08\n---\nTurnout nears 1.3 million marchers across France.\n",
            ),
        ],
        &[pack.path().to_str().unwrap()],
    );
    assert_eq!(claims.len(), 3, "{claims:#?}");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["relation"], "divergent", "{:#?}", findings[0]);
}

/// A story pack that keeps to its own events takes nothing in a sentence
/// another pack's event holds; without `own_events` it lists its claim
/// there, unkeyed.
#[test]
fn a_story_pack_takes_nothing_in_another_storys_sentences() {
    let quake = rule_pack(&[(
        "quake.toml",
        "[[event]]\nid = \"quake\"\ntitle = \"A quake\"\ndate = \"2023-03-07\"\ntriggers = ['earthquake']\n\n[[rule]]\nid = \"dead\"\ndescribe = \"Deaths\"\ncounts = [\"people\"]\nqualified_by = [\"killed\"]\nkey = \"{event}/dead\"\nunit = \"dead\"\n\n[[rule.example]]\ntext = \"The earthquake killed 300 people.\"\nvalue = \"[300, 300] dead\"\n",
    )]);
    let march = |own: bool| {
        rule_pack(&[(
            "march.toml",
            format!(
                "[pack]\nown_events = {own}\n\n[[event]]\nid = \"march-day\"\ntitle = \"A march\"\ndate = \"2023-03-07\"\ntriggers = ['march']\n\n[[rule]]\nid = \"marchers\"\ndescribe = \"Marchers\"\ncounts = [\"marchers\", \"people\"]\nkey = \"{{event}}/marchers\"\nunit = \"marchers\"\n\n[[rule.example]]\ntext = \"5,000 marchers joined the march.\"\nvalue = \"[5000, 5000] marchers\"\n"
            ),
        )])
    };
    let rules_of = |own: bool| {
        let march = march(own);
        let (claims, _) = check_files(
            &[(
                "a.md",
                "---\npublished: 2023-03-07\n---\nThe earthquake killed 300 people in the valley.\n",
            )],
            &[quake.path().to_str().unwrap(), march.path().to_str().unwrap()],
        );
        let mut r: Vec<String> = claims.iter().map(|c| c["rule"].clone()).collect();
        r.sort();
        r
    };
    assert_eq!(rules_of(true), ["dead"]);
    assert_eq!(rules_of(false), ["dead", "marchers"]);
}

/// A story pack with a topic reads only documents that mention one of its
/// words, anywhere (the headline included): a march's "the count was below
/// half a million" is no flood's death toll. A pack without one reads all.
#[test]
fn a_story_pack_with_a_topic_reads_only_documents_about_it() {
    let flood = |topic: &str| {
        rule_pack(&[(
            "flood.toml",
            format!(
                "[pack]\n{topic}\n\n[[rule]]\nid = \"toll\"\ndescribe = \"Deaths\"\ncounts = [\"dead\", \"count\"]\nkey = \"toll\"\nunit = \"dead\"\n\n[[rule.example]]\ntext = \"The count reached 300 dead.\"\nvalue = \"[300, 300] dead\"\n"
            ),
        )])
    };
    let docs = [
        (
            "march.md",
            "---\npublished: 2023-03-07\n---\nNo official count was below 500,000.\n",
        ),
        (
            "flood.md",
            "---\npublished: 2023-09-20\n---\n# Floodwaters recede\n\nThe count reached 3,000 dead.\n",
        ),
    ];
    let docs_read = |topic: &str| {
        let pack = flood(topic);
        let (claims, _) = check_files(&docs, &[pack.path().to_str().unwrap()]);
        claims.iter().map(|c| c["doc"].clone()).collect::<Vec<_>>()
    };
    assert_eq!(docs_read(r#"topic = ["flood*", "storm daniel"]"#), ["flood.md"]);
    assert_eq!(docs_read(""), ["flood.md", "march.md"]);
}

/// A bare count after a stating verb counts what the previous sentence's
/// figure counted: "The CGT says 1.7 million." after the ministry's count
/// of demonstrators; one with a noun of its own keeps it.
#[test]
fn a_bare_count_counts_what_the_sentence_before_counted() {
    let pack = marchers_pack(r#"["demonstrators", "marchers"]"#, "");
    let (claims, _) = check_files(
        &[(
            "a.md",
            "---\npublished: 2023-03-15\n---\nThe interior ministry counted 480,000 demonstrators across France. The CGT says 1.7 million.\n\nThe ministry counted 480,000 demonstrators. It says 40 buses were burnt.\n\nPolice counted 480,000 demonstrators.\n\nThe CGT says 2 million.\n\nPolice counted 9,000 marchers in Lyon. The organisers' tally was weaker, putting Marseille at 12,000.\n",
        )],
        &[pack.path().to_str().unwrap()],
    );
    let texts: Vec<&str> = claims.iter().map(|c| c["text"].as_str()).collect();
    // Not "40 buses" (a noun of its own), nor a count in another paragraph;
    // "putting Marseille at 12,000" states a bare count too.
    assert_eq!(
        texts,
        ["480,000", "1.7 million", "480,000", "480,000", "9,000", "12,000"],
        "{claims:#?}"
    );
}

/// A sentence that opens with a day tells of that day: in an article of
/// the second march, "On January 19, ..." is the first march's, though
/// that event is long past the article's window.
#[test]
fn a_sentence_opening_with_a_day_binds_to_that_days_event() {
    let (claims, _) = check_files(
        &[(
            "a.md",
            "---\npublished: 2023-02-01\n---\nPolice counted 5,000 marchers on Tuesday.\n\nOn January 19, police had counted 12,000 marchers in the same streets.\n",
        )],
        &["tests/fixtures/days/rules"],
    );
    let keys = texts_and_keys(&claims);
    assert_eq!(
        keys,
        [("5,000", "day2/marchers"), ("12,000", "day1/marchers")],
        "{claims:#?}"
    );
}

/// A figure counts one thing: of two rules that take it for different
/// words, the one whose word stands nearer the figure keeps it, and a
/// generic word ("people") yields to a specific one.
#[test]
fn the_nearest_counted_word_decides_which_rule_takes_a_figure() {
    let pack = rule_pack(&[(
        "fund.toml",
        r#"
[[rule]]
id = "fund"
describe = "The fund's size"
measure = "money"
counts = ["fund"]
key = "fund/size"
[[rule.example]]
text = "A €750 billion fund."
value = "[750000000000, 750000000000] EUR"

[[rule]]
id = "grants"
describe = "The fund's grants"
measure = "money"
counts = ["grants"]
key = "fund/grants"
[[rule.example]]
text = "It gives €390bn in grants."
value = "[390000000000, 390000000000] EUR"

[[rule]]
id = "crowd"
describe = "People in a crowd"
counts = ["people", "marchers"]
key = "crowd"
[[rule.example]]
text = "Some 5,000 marchers came."
value = "[5000, 5000]"

[[rule]]
id = "missing"
describe = "People missing"
counts = ["missing"]
key = "missing"
[[rule.example]]
text = "Some 900 are missing."
value = "[900, 900]"
"#,
    )]);
    let (claims, _) = check_files(
        &[(
            "a.md",
            "---\npublished: 2020-07-21\n---\nAcross the whole fund, grants fell to €390 billion.\n\nThe €750 billion fund was agreed.\n\nMore than 9,000 people remain missing.\n\nThe number of missing people is hitting 10,000.\n\nSome 5,000 people marched.\n",
        )],
        &[pack.path().to_str().unwrap()],
    );
    let got: Vec<(&str, &str)> = claims
        .iter()
        .map(|c| (c["rule"].as_str(), c["text"].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("grants", "€390 billion"),
            ("fund", "€750 billion"),
            ("missing", "More than 9,000"),
            ("missing", "10,000"),
            ("crowd", "Some 5,000")
        ],
        "{claims:#?}"
    );
    // explain-text says why the farther rule passed the figure over.
    let run = crosscheck(&[
        "explain-text",
        "Across the whole fund, grants fell to €390 billion.",
        "--rules",
        pack.path().to_str().unwrap(),
    ]);
    assert!(
        run.stdout
            .contains("not fund: what it counts stands farther from the figure than what grants counts"),
        "{}",
        run.stdout
    );
}

/// A figure placed two years or more before its article, under a key with
/// no period and no event, is history: listed, never keyed or compared.
#[test]
fn a_figure_of_a_past_year_under_a_timeless_key_is_history() {
    let pack = rule_pack(&[(
        "age.toml",
        r#"
[[rule]]
id = "age"
describe = "The retirement age"
measure = "count"
counts = ["age"]
about = ["age"]
key = "france/retirement-age"
[[rule.example]]
text = "The retirement age is 62."
value = "[62, 62]"
"#,
    )]);
    let (claims, findings) = check_files(
        &[
            (
                "a.md",
                "---\npublished: 2023-03-09\n---\nThe retirement age is currently 62.\n\nIn 2010 the retirement age rose to 62 from 60.\n",
            ),
            // Another article: one article's two figures are never compared.
            ("b.md", "---\npublished: 2023-03-09\n---\nIn 2022 the retirement age was 61.\n"),
        ],
        &[pack.path().to_str().unwrap()],
    );
    assert_eq!(claims.len(), 4, "{claims:#?}");
    // Last year's 61 meets today's 62; 2010's 60 and 62 meet nothing.
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["relation"], "conflict", "{findings:#?}");
    assert!(!findings[0]["values"].contains("60"), "{findings:#?}");
    let run = crosscheck(&[
        "explain-text",
        "In 2010 the retirement age rose to 62 from 60.",
        "--published",
        "2023-03-09",
        "--rules",
        pack.path().to_str().unwrap(),
    ]);
    assert!(
        run.stdout
            .contains("a figure of 2010, and the rule's key names no period or event to keep it apart"),
        "{}",
        run.stdout
    );
}

/// A one-rule pack reading a death toll that changes over time.
fn toll_pack() -> tempfile::TempDir {
    rule_pack(&[(
        "toll.toml",
        r#"
[[rule]]
id = "toll"
describe = "The death toll"
counts = ["dead", "deaths"]
key = "toll"
changes_over_time = true
[[rule.example]]
text = "There were 300 deaths."
value = "[300, 300]"
"#,
    )])
}

/// A figure every mention of which names its own past day ("3,283 as of
/// Monday 18 September") is a step in a changing count's history: against
/// a figure stated on other days it is an update, even when outlets went
/// on citing the other figure before and after it.
#[test]
fn a_figure_of_a_named_past_day_updates_rather_than_conflicts() {
    let pack = toll_pack();
    let (claims, findings) = check_dated(
        &[
            ("2023-09-16", "Officials reported 3,958 deaths."),
            (
                "2023-09-22",
                "The east recorded 3,283 deaths as of Monday 18 September.",
            ),
            ("2023-09-25", "Officials reported 3,958 deaths."),
        ],
        &pack,
    );
    assert_eq!(claims.len(), 3, "{claims:#?}");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["relation"], "update", "{findings:#?}");
    // Two figures stated on the same named day still conflict.
    let (_, findings) = check_dated(
        &[
            (
                "2023-09-22",
                "The east recorded 3,283 deaths as of Monday 18 September.",
            ),
            (
                "2023-09-23",
                "The east recorded 3,400 deaths as of Monday 18 September.",
            ),
        ],
        &pack,
    );
    assert_eq!(findings[0]["relation"], "conflict", "{findings:#?}");
}

/// A count the text dates to an earlier day than another ("3,958 on 16
/// September", "4,255 by 28 September") is its history, even when an
/// article of the later day repeats the older figure without a date; and
/// a figure set against another keeps its own day ("up from 3,958 on 16
/// September"), not the day its clause gives the other.
#[test]
fn figures_the_text_dates_apart_update() {
    let pack = toll_pack();
    let (claims, findings) = check_dated(
        &[
            ("2023-09-16", "The WHO certified 3,958 deaths on 16 September."),
            ("2023-09-28", "The WHO has certified 3,958 deaths."),
            (
                "2023-10-02",
                "The WHO recorded 4,255 deaths as of 28 September, up from 3,958 on 16 September.",
            ),
            ("2023-10-05", "The WHO has certified 3,958 deaths."),
        ],
        &pack,
    );
    assert_eq!(claims.len(), 5, "{claims:#?}");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["relation"], "update", "{findings:#?}");
    // The same two figures named for one day conflict.
    let (_, findings) = check_dated(
        &[
            ("2023-10-02", "The WHO recorded 4,255 deaths as of 28 September."),
            ("2023-10-03", "The WHO recorded 4,525 deaths as of 28 September."),
        ],
        &pack,
    );
    assert_eq!(findings[0]["relation"], "conflict", "{findings:#?}");
}

/// A total that only grows (`grows_only`): a later larger figure updates
/// it, a later smaller one contradicts it (a misprinted "$729 million"
/// after "$792 million"), where a changing count would call both updates.
#[test]
fn a_total_that_only_grows_is_not_revised_down() {
    let pack = |field: &str| {
        rule_pack(&[(
            "pledges.toml",
            &format!(
                "[[rule]]\nid = \"pledged\"\ndescribe = \"Pledged to the fund in all\"\nmeasure = \"money\"\ncounts = [\"pledges\"]\nkey = \"fund/pledges\"\n{field} = true\n[[rule.example]]\ntext = \"It has $100 million in pledges.\"\nvalue = \"[100000000, 100000000] USD\"\n"
            ),
        )])
    };
    let articles = [
        ("2023-12-01", "The fund has $726 million in pledges."),
        ("2023-12-13", "The fund has $792 million in pledges."),
        ("2024-12-01", "The fund has $729 million in pledges."),
    ];
    let grows = pack("grows_only");
    let (claims, findings) = check_dated(&articles, &grows);
    assert_eq!(claims.len(), 3, "{claims:#?}");
    assert_eq!(findings[0]["relation"], "conflict", "{findings:#?}");
    assert!(findings[0]["explanation"].contains("only grows"), "{findings:#?}");
    let changes = pack("changes_over_time");
    let (_, findings) = check_dated(&articles, &changes);
    assert_eq!(findings[0]["relation"], "update", "{findings:#?}");
    // Rising only: an update.
    let (_, findings) = check_dated(&articles[..2], &grows);
    assert_eq!(findings[0]["relation"], "update", "{findings:#?}");
}

/// An article that gives two figures under one key that cannot both be
/// true (a city's march and a town's, a table's columns) counts things the
/// key does not tell apart: none of its figures is set against another
/// article's, and the finding says why. Articles of one figure each are
/// compared as before.
#[test]
fn an_article_of_two_figures_under_one_key_is_not_placed() {
    let pack = marchers_pack(r#"["marchers"]"#, "");
    let pack = pack.path().to_str().unwrap();
    let (_, findings) = check_files(
        &[
            (
                "a.md",
                "---\npublished: 2023-03-29\n---\nIn Nantes, 18,000 marchers turned out.\n\nIn Morlaix, 3,500 marchers turned out.\n",
            ),
            ("b.md", "---\npublished: 2023-03-29\n---\nPolice counted 740,000 marchers.\n"),
        ],
        &[pack],
    );
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["relation"], "compatible", "{findings:#?}");
    assert!(
        findings[0]["explanation"].contains("not compared: a.md states figures under this key that cannot all be true"),
        "{findings:#?}"
    );
    // A third article with a single figure of its own still conflicts.
    let (_, findings) = check_files(
        &[
            (
                "a.md",
                "---\npublished: 2023-03-29\n---\nIn Nantes, 18,000 marchers turned out.\n\nIn Morlaix, 3,500 marchers turned out.\n",
            ),
            ("b.md", "---\npublished: 2023-03-29\n---\nPolice counted 740,000 marchers.\n"),
            ("c.md", "---\npublished: 2023-03-29\n---\nPolice counted 1,089,000 marchers.\n"),
        ],
        &[pack],
    );
    assert_eq!(findings[0]["relation"], "conflict", "{findings:#?}");
    assert!(findings[0]["explanation"].contains("740,000"), "{findings:#?}");
}

/// A figure without a verb of its own ("and the Conservatives on 126", ",
/// a majority of 210") is said the way the figure before it is: a model's
/// projection, not a count. Rules that set a modality keep theirs.
#[test]
fn a_figure_without_its_own_verb_is_said_like_the_one_before() {
    let pack = rule_pack(&[(
        "seats.toml",
        r#"
[[rule]]
id = "seats-projected"
describe = "A party's seats as a model projects them"
counts = ["seats"]
qualified_by = ["model", "poll"]
key = "seats/projected"
modality = "estimate"
[[rule.example]]
text = "The model gave Labour 431 seats."
value = "[431, 431]"

[[rule]]
id = "seats"
describe = "A party's seats"
counts = ["seats", "mps"]
not_qualified_by = ["model", "poll"]
key = "seats"
[[rule.example]]
text = "Labour won 412 seats."
value = "[412, 412]"

[[rule]]
id = "majority"
describe = "The winner's majority"
counts = ["majority"]
key = "majority"
[[rule.example]]
text = "Labour has a majority of 174."
value = "[174, 174]"
"#,
    )]);
    let said = |sentence: &str| -> Vec<String> {
        let run = crosscheck(&["explain-text", sentence, "--rules", pack.path().to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
            .lines()
            .skip_while(|l| !l.starts_with("claims:"))
            .skip(1)
            .map(|l| {
                let rule = l.split_whitespace().next().unwrap_or("");
                let modality = l.rsplit('(').next().unwrap_or("").trim_end_matches(')');
                format!("{rule} {modality}")
            })
            .collect()
    };
    assert_eq!(
        said("The final model put Labour on 430 seats and the Conservatives on 126, a majority of 210."),
        ["seats-projected estimate", "seats estimate", "majority estimate"]
    );
    assert_eq!(
        said("Labour won 412 seats and the Conservatives 121, a majority of 174."),
        ["seats fact", "seats fact", "majority fact"]
    );
}

/// "The city", "the town" and "there" stand for the place last named
/// before them in the paragraph (a city or town of the gazetteer, or an
/// event's place): a rule asking for that place's name takes the figure.
#[test]
fn the_city_stands_for_the_city_last_named() {
    let pack = rule_pack(&[(
        "toll.toml",
        r#"
[[entity]]
id = "derna"
name = "Derna"
kind = "city"

[[entity]]
id = "benghazi"
name = "Benghazi"
kind = "city"

[[rule]]
id = "missing-derna"
describe = "People missing in Derna"
counts = ["missing"]
qualified_by = ["derna"]
key = "derna/missing"
[[rule.example]]
text = "Some 9,000 are missing in Derna."
value = "[9000, 9000]"

[[rule]]
id = "missing"
describe = "People missing elsewhere"
counts = ["missing"]
not_qualified_by = ["derna"]
key = "libya/missing"
[[rule.example]]
text = "Some 9,000 are missing."
value = "[9000, 9000]"
"#,
    )]);
    let (claims, _) = check_files(
        &[(
            "a.md",
            "---\npublished: 2023-09-14\n---\nThe Red Crescent said 11,300 had died in Derna. A further 10,100 were missing in the city, it said.\n\nThere were 400 missing in the east. Officials in Benghazi said 300 were missing there.\n\nMore than 9,000 people are missing in the city.\n",
        )],
        &[pack.path().to_str().unwrap()],
    );
    let got = texts_and_keys(&claims);
    assert_eq!(
        got,
        [
            ("10,100", "derna/missing"),
            ("400", "libya/missing"),
            ("300", "libya/missing"),
            // A paragraph of its own names no city: nothing to stand for.
            ("More than 9,000", "libya/missing"),
        ],
        "{claims:#?}"
    );
}

/// Marchers in a city (Marseille, Lyon) or across France.
fn city_marchers_pack() -> tempfile::TempDir {
    rule_pack(&[(
        "marchers.toml",
        r#"
[[entity]]
id = "marseille"
name = "Marseille"
kind = "city"

[[entity]]
id = "lyon"
name = "Lyon"
kind = "city"

[[rule]]
id = "marchers"
describe = "How many marched, in a city or across France"
counts = ["marchers"]
subject = "city"
key = "marchers/{subject|france}"
[[rule.example]]
text = "In Lyon, police counted 5,000 marchers."
value = "[5000, 5000]"
key = "marchers/lyon"
"#,
    )])
}

/// A sentence that names no place goes on about the place its paragraph
/// named last, when the sentence naming it named no other; a new paragraph
/// starts afresh.
#[test]
fn a_sentence_naming_no_place_is_about_its_paragraphs_place() {
    let pack = city_marchers_pack();
    let (claims, _) = check_files(
        &[(
            "a.md",
            "---\npublished: 2023-03-08\n---\nThe gap between the counts was widest in Marseille. On Tuesday the prefecture counted 26,000 marchers. In Lyon, police counted 9,000 marchers.\n\nPolice counted 1.28 million marchers on Tuesday.\n\nMarches in Lyon and Marseille drew big crowds. The unions counted 3.5 million marchers.\n",
        )],
        &[pack.path().to_str().unwrap()],
    );
    let got = texts_and_keys(&claims);
    assert_eq!(
        got,
        [
            ("26,000", "marchers/marseille"),
            ("9,000", "marchers/lyon"),
            ("1.28 million", "marchers/france"),
            // The sentence before names two cities: neither is the topic.
            ("3.5 million", "marchers/france"),
        ],
        "{claims:#?}"
    );
}

/// A list item is a headline of its own: the items above it say nothing of
/// what it is about, the line leading into the list does.
#[test]
fn a_list_item_takes_its_topic_from_the_lead_in_not_other_items() {
    let pack = rule_pack(&[(
        "pledges.toml",
        r#"
[[rule]]
id = "pledge"
describe = "Money pledged to the fund"
measure = "money"
about = ["pledge*"]
key = "fund/pledge"
[[rule.example]]
text = "Donors pledged $100 million."
value = "[100000000, 100000000] USD"
"#,
    )]);
    let (claims, _) = check_files(
        &[(
            "a.md",
            "---\npublished: 2023-12-05\n---\nKey events\n\n- Donors pledge more to the fund\n- Methane grants top $1bn\n\nPledges so far:\n\n- $100 million from the UAE\n- $17.5 million from the US\n",
        )],
        &[pack.path().to_str().unwrap()],
    );
    let got: Vec<&str> = claims.iter().map(|c| c["text"].as_str()).collect();
    assert_eq!(got, ["$100 million", "$17.5 million"], "{claims:#?}");
}

/// A list item's paragraph is the item alone: the place its lead-in line
/// names ("In Lyon, where the marchers ended:") is the place of its figures.
#[test]
fn a_list_item_is_of_the_place_its_lead_in_names() {
    let pack = city_marchers_pack();
    let (claims, _) = check_files(
        &[(
            "a.md",
            "---\npublished: 2023-02-01\n---\nIn Lyon, where the marchers ended:\n\n- 21,000 according to the police;\n- 45,000 according to the unions.\n\nNationwide, police counted 757,000 marchers.\n",
        )],
        &[pack.path().to_str().unwrap()],
    );
    let got = texts_and_keys(&claims);
    assert_eq!(
        got,
        [
            ("21,000", "marchers/lyon"),
            ("45,000", "marchers/lyon"),
            ("757,000", "marchers/france")
        ],
        "{claims:#?}"
    );
}

#[test]
fn a_list_item_counts_what_its_lead_in_line_names() {
    let pack = marchers_pack("[\"marchers\"]", "");
    let (claims, _) = check_files(
        &[(
            "a.md",
            "---\npublished: 2023-02-01\n---\nMarchers counted by the prefectures (first-day figure in brackets):\n\n- Marseille: 40,000 (26,000)\n- Toulouse: 34,000\n- 12 buses were burnt\n\nNantes: 28,000.\n",
        )],
        &[pack.path().to_str().unwrap()],
    );
    let got: Vec<(String, String)> = claims.iter().map(|c| (c["text"].clone(), c["key"].clone())).collect();
    // "12 buses" names its own noun; a line that is no item takes nothing
    // from the lead-in. (The bracketed figure is set against the item's
    // own: a key with {event} or {period} would leave it unplaced.)
    assert_eq!(
        got,
        [
            ("40,000".to_string(), "march/marchers".to_string()),
            ("26,000".to_string(), "march/marchers".to_string()),
            ("34,000".to_string(), "march/marchers".to_string()),
        ],
        "{claims:#?}"
    );
}

#[test]
fn a_long_lists_lead_in_sets_every_items_topic() {
    // `about` needs "prefecture*" within the rule's reach; the fifth item is
    // three sentences past the default reach, but its lead-in names it.
    let pack = marchers_pack("[\"marchers\"]", "about = [\"prefecture*\"]");
    let (claims, _) = check_files(
        &[(
            "a.md",
            "---\npublished: 2023-02-01\n---\nMarchers counted by the prefectures:\n\n- Marseille: 40,000\n- Toulouse: 34,000\n- Nantes: 28,000\n- Lyon: 23,000\n- Rennes: 22,000\n",
        )],
        &[pack.path().to_str().unwrap()],
    );
    let texts: Vec<&str> = claims.iter().map(|c| c["text"].as_str()).collect();
    assert_eq!(texts, ["40,000", "34,000", "28,000", "23,000", "22,000"], "{claims:#?}");
}

#[test]
fn a_section_heading_leads_into_its_list() {
    let pack = marchers_pack("[\"marchers\"]", "");
    let (claims, _) = check_files(
        &[(
            "a.md",
            "---\npublished: 2023-02-01\n---\nTHE MARCHERS\n\nBy the prefectures' count, at 18:00:\n\n- Marseille: 40,000\n\n## Marchers in the west\n\n- Nantes: 28,000\n\nThe day in brief\n\n- Rennes: 22,000\n",
        )],
        &[pack.path().to_str().unwrap()],
    );
    let texts: Vec<&str> = claims.iter().map(|c| c["text"].as_str()).collect();
    // A heading above the lead-in, or a heading alone, says what the items
    // count; a plain line without a colon leads into nothing.
    assert_eq!(texts, ["40,000", "28,000"], "{claims:#?}");
}

/// "having left 17 people dead in Greece": a state word and "in" after the
/// figure say where it belongs, over a country named earlier in the sentence.
#[test]
fn a_state_and_in_after_a_figure_name_its_place() {
    let pack = rule_pack(&[(
        "deaths.toml",
        r#"
[[entity]]
id = "libya"
name = "Libya"
kind = "country"

[[entity]]
id = "greece"
name = "Greece"
kind = "country"

[[rule]]
id = "deaths"
describe = "People killed by the storm, per country"
counts = ["dead", "deaths", "people dead"]
subject = "country"
key = "{subject}/deaths"

[[rule.example]]
text = "The storm killed 3,958 people in Libya, leaving 3,958 dead."
value = "[3958, 3958]"
key = "libya/deaths"
"#,
    )]);
    let run = crosscheck(&[
        "explain-text",
        "The storm came ashore in Libya on Sunday, having already left 17 people dead in Greece.",
        "--rules",
        pack.path().to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("key greece/deaths"), "{}", run.stdout);
    // Without the state word, "in" three words on is not the figure's place.
    let run = crosscheck(&[
        "explain-text",
        "In Libya the storm left 17 people dead, officials in Greece said.",
        "--rules",
        pack.path().to_str().unwrap(),
    ]);
    assert!(run.stdout.contains("key libya/deaths"), "{}", run.stdout);
}
