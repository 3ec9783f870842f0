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
