//! A run reads, checks and drops one document at a time (`check::scan`);
//! it must find what the whole corpus held in memory finds
//! (`check::analyse`), quotes included, though the texts are gone.

use crosscheck::check::{analyse, scan};
use crosscheck::corpus::{load_corpus, walk_corpus, LoadOptions};
use crosscheck::rules::RulePack;
use std::path::Path;

#[test]
fn streaming_finds_what_the_whole_corpus_finds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pack = RulePack::load_all(&[root.join("rules"), root.join("tests/eval/rules")]).unwrap();
    let corpus_path = root.join("tests/eval/corpus");
    let whole = analyse(&pack, &load_corpus(&corpus_path).unwrap());
    let streamed = scan(&pack, walk_corpus(&corpus_path, &LoadOptions::default()).unwrap());
    assert!(whole.claims.len() > 500, "{}", whole.claims.len());
    assert_eq!(whole.claims, streamed.claims);
    assert_eq!(whole.findings.len(), streamed.findings.len());
    for (a, b) in whole.findings.iter().zip(&streamed.findings) {
        assert_eq!((&a.id, a.relation, &a.evidence), (&b.id, b.relation, &b.evidence));
    }
    let ids = |a: &crosscheck::check::Analysis| a.corpus.documents.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&whole), ids(&streamed));
    // A document with claims keeps its headline for the reports; one
    // without keeps only what identifies it.
    let with_claims: std::collections::HashSet<usize> = streamed.claims.iter().map(|c| c.doc).collect();
    for (i, (w, s)) in whole
        .corpus
        .documents
        .iter()
        .zip(&streamed.corpus.documents)
        .enumerate()
    {
        assert_eq!((&w.path, &w.source, w.published), (&s.path, &s.source, s.published));
        if with_claims.contains(&i) {
            assert_eq!((&w.title, &w.url), (&s.title, &s.url), "{}", s.id);
        } else {
            assert!(s.title.is_none() && s.url.is_none() && s.extra.is_empty(), "{}", s.id);
        }
    }
    assert!(streamed.corpus.documents.iter().any(|d| d.title.is_some()));
    // Every claim still quotes its sentence, with the value in it.
    for c in &streamed.claims {
        let q = c.quote();
        assert!(
            q.contains(c.text().split_whitespace().next().unwrap_or("")),
            "{q:?} lacks {:?}",
            c.text()
        );
    }
}

#[test]
fn a_document_without_claims_keeps_what_identifies_it_only() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pack = RulePack::load_all(&[root.join("rules")]).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let front = |title: &str| {
        format!("---\nsource: Wire\nurl: https://example.org/{title}\npublished: 2025-06-25\ntitle: {title}\nauthor: A\n---\n")
    };
    std::fs::write(
        dir.path().join("a.md"),
        front("Chiefs") + "NATO's 32 military chiefs met in Brussels on Tuesday.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.md"),
        front("Weather") + "Rain is expected tomorrow.\n",
    )
    .unwrap();
    let run = scan(&pack, walk_corpus(dir.path(), &LoadOptions::default()).unwrap());
    let docs = &run.corpus.documents;
    assert_eq!(docs.len(), 2);
    assert!(run.claims.iter().all(|c| c.doc == 0), "{:?}", run.claims);
    assert!(!run.claims.is_empty());
    assert_eq!(docs[0].title.as_deref(), Some("Chiefs"));
    assert_eq!(docs[0].extra("author"), Some("A"));
    assert_eq!((docs[1].id.as_str(), docs[1].source.as_str()), ("b.md", "Wire"));
    assert!(docs[1].published.is_some());
    assert!(docs[1].title.is_none() && docs[1].url.is_none() && docs[1].extra.is_empty());
}
