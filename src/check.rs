//! The whole pipeline, stage after stage: rule pack and corpus in, claims
//! and findings out, reports written. Also the rule examples runner.

use crate::align::{align, Finding, Relation};
use crate::claim::{Claim, Value};
use crate::corpus::{load_corpus, parse_document, Corpus, CorpusError, DocumentError};
use crate::extract::{extract_corpus, extract_document};
use crate::quantity::Interval;
use crate::report::{write_atomic, write_claims_csv, write_findings_csv};
use crate::rules::{Expect, RuleErrors, RulePack};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Everything that can stop a run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Rules(#[from] RuleErrors),
    #[error("corpus: {0}")]
    Corpus(#[from] CorpusError),
    #[error("cannot write {}: {source}", path.display())]
    Output { path: PathBuf, source: std::io::Error },
}

#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub corpus: PathBuf,
    /// Rule folders or files, loaded as one pack.
    pub rules: Vec<PathBuf>,
    pub out: PathBuf,
}

/// What a run found.
#[derive(Debug)]
pub struct Analysis {
    pub corpus: Corpus,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
}

impl Analysis {
    pub fn summary(&self) -> Summary {
        let mut by_relation = BTreeMap::new();
        for f in &self.findings {
            *by_relation.entry(f.relation).or_insert(0) += 1;
        }
        Summary {
            documents: self.corpus.documents.len(),
            skipped: self.corpus.skipped.len(),
            claims: self.claims.len(),
            unbound: self.claims.iter().filter(|c| c.key.is_none()).count(),
            findings: self.findings.len(),
            by_relation,
        }
    }

    pub fn conflicts(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.relation == Relation::Conflict)
            .count()
    }

    pub fn skipped(&self) -> &[DocumentError] {
        &self.corpus.skipped
    }
}

/// The counts a run prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub documents: usize,
    pub skipped: usize,
    pub claims: usize,
    /// Claims whose key (usually the event) could not be resolved: compared
    /// with nothing.
    pub unbound: usize,
    pub findings: usize,
    pub by_relation: BTreeMap<Relation, usize>,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        write!(
            f,
            "{} ({} skipped), {} ({} unbound, compared with nothing), {}",
            plural(self.documents, "document"),
            self.skipped,
            plural(self.claims, "claim"),
            self.unbound,
            plural(self.findings, "finding"),
        )?;
        let parts: Vec<String> = Relation::ALL
            .iter()
            .filter_map(|r| self.by_relation.get(r).map(|n| format!("{n} {r}")))
            .collect();
        if !parts.is_empty() {
            write!(f, ": {}", parts.join(", "))?;
        }
        Ok(())
    }
}

/// Extract and align: the pure part of a run.
pub fn analyse(pack: &RulePack, corpus: Corpus) -> Analysis {
    let claims = extract_corpus(pack, &corpus.documents);
    let findings = align(pack, &claims, &corpus.documents);
    Analysis {
        corpus,
        claims,
        findings,
    }
}

/// A whole `crosscheck check`: load, analyse, write `claims.csv` and
/// `findings.csv` into the output folder. Returns the analysis and the
/// files written.
pub fn check(opts: &CheckOptions) -> Result<(Analysis, Vec<PathBuf>), Error> {
    let pack = RulePack::load_all(&opts.rules)?;
    let corpus = load_corpus(&opts.corpus)?;
    let analysis = analyse(&pack, corpus);
    let written = write_reports(&opts.out, &analysis)?;
    Ok((analysis, written))
}

pub fn write_reports(out: &Path, a: &Analysis) -> Result<Vec<PathBuf>, Error> {
    let docs = &a.corpus.documents;
    let claims_path = out.join("claims.csv");
    let findings_path = out.join("findings.csv");
    let err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Output { path, source }
    };
    write_atomic(&claims_path, |w| write_claims_csv(w, docs, &a.claims)).map_err(err(&claims_path))?;
    write_atomic(&findings_path, |w| {
        write_findings_csv(w, docs, &a.claims, &a.findings, &|_| "new".to_string())
    })
    .map_err(err(&findings_path))?;
    Ok(vec![claims_path, findings_path])
}

/// The outcome of one rule example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleOutcome {
    pub rule: String,
    pub file: PathBuf,
    pub line: usize,
    /// 1-based position of the example within its rule.
    pub number: usize,
    /// Why it failed; `None` when it passed.
    pub failure: Option<String>,
}

/// Run every example of every rule: the text is read as a document without
/// front matter or date, and the rule's claims are compared with what the
/// example expects.
pub fn run_examples(pack: &RulePack) -> Vec<ExampleOutcome> {
    let mut out = Vec::new();
    for rule in &pack.rules {
        for (n, ex) in rule.examples.iter().enumerate() {
            let claims = match parse_document("example", Path::new("example"), ex.text.as_bytes()) {
                Ok(mut doc) => {
                    doc.published = ex.published;
                    extract_document(pack, 0, &doc)
                }
                Err(e) => {
                    out.push(outcome(
                        rule,
                        ex.line,
                        n,
                        Some(format!("example text cannot be read: {}", e.message)),
                    ));
                    continue;
                }
            };
            let mine: Vec<&Claim> = claims.iter().filter(|c| c.rule == rule.id).collect();
            let failure = match &ex.expect {
                Expect::Nothing if mine.is_empty() => None,
                Expect::Nothing => Some(format!("expected no claim, got {}", describe(&mine))),
                Expect::Claim { value, key, modality } => {
                    let fits = |c: &&Claim| {
                        value_matches(value, c)
                            && key.as_ref().is_none_or(|k| *k == c.key_display)
                            && modality.is_none_or(|m| m == c.modality)
                    };
                    if mine.iter().any(fits) {
                        None
                    } else {
                        let mut want = value.clone();
                        if let Some(k) = key {
                            want += &format!(" key {k}");
                        }
                        if let Some(m) = modality {
                            want += &format!(" ({m})");
                        }
                        let got = if mine.is_empty() {
                            "no claim".to_string()
                        } else {
                            describe(&mine)
                        };
                        Some(format!("expected {want}, got {got}"))
                    }
                }
            };
            out.push(outcome(rule, ex.line, n, failure));
        }
    }
    out
}

fn outcome(rule: &crate::rules::Rule, line: usize, n: usize, failure: Option<String>) -> ExampleOutcome {
    ExampleOutcome {
        rule: rule.id.clone(),
        file: rule.file.clone(),
        line,
        number: n + 1,
        failure,
    }
}

/// An expected value matches the interval alone (`(30, inf)`) or the
/// interval with its unit (`(30, inf) chiefs`).
fn value_matches(expected: &str, c: &Claim) -> bool {
    let expected = expected.trim();
    if expected == c.value {
        return true;
    }
    match &c.reading {
        Value::Quantity(q) => Interval::parse(expected).is_some_and(|i| i == q.interval),
        // Dates, rosters and memberships match by their written form, above.
        _ => false,
    }
}

fn describe(claims: &[&Claim]) -> String {
    claims
        .iter()
        .map(|c| format!("{} from {:?} key {} ({})", c.value, c.text, c.key_display, c.modality))
        .collect::<Vec<_>>()
        .join("; ")
}
