//! The whole pipeline, stage after stage: rule pack and corpus in, claims
//! and findings out, reports written. Also the rule examples runner.

use crate::align::{align, Finding, Relation};
use crate::claim::{Claim, Value};
use crate::corpus::{
    parse_document, walk_corpus, Corpus, CorpusError, CorpusIndex, CorpusWalk, DocumentError, DocumentMeta, LoadOptions,
};
use crate::extract::{extract_any_topic, extract_corpus, extract_document};
use crate::quantity::Interval;
use crate::report::view::{finding_view, FindingView};
use crate::report::{
    github_annotations, lock_output, write_claims_csv, write_findings_csv, write_html, write_json, write_junit,
    write_markdown, write_sarif, Totals,
};
use crate::review::{FailOn, Review, ReviewError, Status};
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
    #[error("{0}")]
    Review(#[from] ReviewError),
    #[error("cannot write {}: {source}", path.display())]
    Output { path: PathBuf, source: std::io::Error },
    #[error("--changed {}: no such document in the corpus", .0.display())]
    Changed(PathBuf),
    #[error(
        "--review {}: this is a report a run writes ({}); the review file is only read, never written: \
         save the editors' decisions under another name (e.g. review.csv)",
        review.display(),
        report.display()
    )]
    ReviewIsReport { review: PathBuf, report: PathBuf },
    #[error("{0}")]
    Locked(#[from] crate::report::LockError),
    #[error(
        "--review {}: no such file (without --review, decisions are read from review.csv in the output folder)",
        .0.display()
    )]
    ReviewMissing(PathBuf),
}

/// Report formats besides the CSV contract, which is always written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `findings.json` (schema: docs/json.md).
    Json,
    /// `summary.md`, for a CI job page.
    Markdown,
    /// GitHub Actions annotations, printed on standard output.
    Github,
    /// `findings.sarif` (SARIF 2.1.0).
    Sarif,
    /// `junit.xml`.
    Junit,
    /// `findings.html`, a page for editors.
    Html,
}

#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub corpus: PathBuf,
    /// Rule folders or files, loaded as one pack.
    pub rules: Vec<PathBuf>,
    pub out: PathBuf,
    /// The editors' review file; `out/review.csv` when not given.
    pub review: Option<PathBuf>,
    pub fail_on: FailOn,
    /// Only findings involving these documents are reported and counted
    /// (they are still compared with the whole corpus).
    pub changed: Vec<PathBuf>,
    pub formats: Vec<Format>,
}

impl CheckOptions {
    pub fn new(corpus: impl Into<PathBuf>, rules: impl Into<PathBuf>, out: impl Into<PathBuf>) -> Self {
        CheckOptions {
            corpus: corpus.into(),
            rules: vec![rules.into()],
            out: out.into(),
            review: None,
            fail_on: FailOn::default(),
            changed: Vec::new(),
            formats: Vec::new(),
        }
    }

    pub fn review_path(&self) -> PathBuf {
        self.review.clone().unwrap_or_else(|| self.out.join("review.csv"))
    }
}

/// What a run found.
#[derive(Debug)]
pub struct Analysis {
    /// The documents' metadata (their texts are not kept).
    pub corpus: CorpusIndex,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
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

impl Analysis {
    /// Counts over the findings shown (all, or those `--changed` selects).
    pub fn summary(&self, shown: &[usize]) -> Summary {
        let mut by_relation = BTreeMap::new();
        for &i in shown {
            *by_relation.entry(self.findings[i].relation).or_insert(0) += 1;
        }
        Summary {
            documents: self.corpus.documents.len(),
            skipped: self.corpus.skipped.len(),
            claims: self.claims.len(),
            unbound: self.claims.iter().filter(|c| c.key.is_none()).count(),
            findings: shown.len(),
            by_relation,
        }
    }

    pub fn skipped(&self) -> &[DocumentError] {
        &self.corpus.skipped
    }
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

/// Extract and align a corpus already in memory: the pure part of a run.
pub fn analyse(pack: &RulePack, corpus: &Corpus) -> Analysis {
    let claims = extract_corpus(pack, &corpus.documents);
    let corpus = corpus.index();
    let findings = align(pack, &claims, &corpus.documents);
    Analysis {
        corpus,
        claims,
        findings,
    }
}

/// Files read in parallel before their claims join the run's list (see
/// [`scan`]): large enough that the workers rarely wait for each other,
/// small enough that a batch's claims are a small part of a run's.
const SCAN_BATCH: usize = 8192;

/// Read, extract and align a walked corpus, one file at a time: each
/// worker reads a file, extracts its claims and drops its text, so memory
/// grows with the claims, not with the corpus. Documents keep their path
/// order (a claim's `doc` is its index among the documents that loaded).
pub fn scan(pack: &RulePack, walk: CorpusWalk) -> Analysis {
    use rayon::prelude::*;
    let mut corpus = CorpusIndex {
        documents: Vec::with_capacity(walk.files.len()),
        skipped: walk.skipped,
        passed_over: walk.passed_over,
    };
    let mut claims: Vec<Claim> = Vec::new();
    // A batch of files at a time: the claims of a batch are moved into the
    // run's list before the next is read, so the run never holds every
    // claim twice (once per document, once in the list). The workers reuse
    // the memory the batch before freed.
    for batch in walk.files.chunks(SCAN_BATCH) {
        let read: Vec<Result<(DocumentMeta, Vec<Claim>), DocumentError>> = batch
            .par_iter()
            .map(|file| {
                let doc = file.load()?;
                // The index is set below, once the documents that failed are known.
                let claims = extract_document(pack, 0, &doc);
                let mut meta = doc.meta;
                // No report shows a document without claims but by count
                // and path: its headline, address and other front matter
                // need not stay (an archive is mostly such documents).
                if claims.is_empty() {
                    meta.title = None;
                    meta.url = None;
                    meta.extra = Vec::new();
                }
                Ok((meta, claims))
            })
            .collect();
        claims.reserve(read.iter().map(|r| r.as_ref().map_or(0, |(_, c)| c.len())).sum());
        for r in read {
            match r {
                Ok((meta, doc_claims)) => {
                    let doc = corpus.documents.len();
                    claims.extend(doc_claims.into_iter().map(|c| Claim { doc, ..c }));
                    corpus.documents.push(meta);
                }
                Err(e) => corpus.skipped.push(e),
            }
        }
    }
    // Kept until the end of the run: no growth slack.
    claims.shrink_to_fit();
    corpus.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    let findings = align(pack, &claims, &corpus.documents);
    Analysis {
        corpus,
        claims,
        findings,
    }
}

/// The inputs of a run, read and analysed: the rule pack, the editors'
/// review file, and the claims and findings.
fn load_and_analyse(opts: &CheckOptions) -> Result<(RulePack, Review, Analysis), Error> {
    let pack = RulePack::load_all(&opts.rules)?;
    // A run never reads its own output back as articles.
    let mut exclude = vec![opts.out.clone()];
    exclude.extend(crate::report::REPORT_NAMES.iter().map(|n| opts.out.join(n)));
    let walk = walk_corpus(&opts.corpus, &LoadOptions { exclude })?;
    // A corpus with nothing to check passes no judgement: say so, never a
    // green run.
    if walk.files.is_empty() && walk.skipped.is_empty() {
        return Err(CorpusError::NoDocuments {
            path: opts.corpus.clone(),
            passed_over: walk.passed_over,
        }
        .into());
    }
    // A review file named on the command line must exist: a typo in its
    // name would silently drop every decision.
    if let Some(review) = &opts.review {
        if !review.exists() {
            return Err(Error::ReviewMissing(review.clone()));
        }
    }
    let review = crate::review::read(&opts.review_path())?;
    let analysis = scan(&pack, walk);
    Ok((pack, review, analysis))
}

/// A whole `crosscheck check`, after it ran.
#[derive(Debug)]
pub struct Run {
    pub analysis: Analysis,
    pub review: Review,
    /// The findings reported (indices into `analysis.findings`): all, or
    /// those involving the `--changed` documents.
    pub shown: Vec<usize>,
    /// One view per shown finding, in the same order.
    pub views: Vec<FindingView>,
    pub totals: Totals,
    /// Decisions in the review file whose finding no longer exists.
    pub orphans: usize,
    pub written: Vec<PathBuf>,
    /// GitHub annotations, when asked for (the caller prints them).
    pub annotations: Option<String>,
}

/// Load, analyse, merge the editors' decisions, write every report.
pub fn check(opts: &CheckOptions) -> Result<Run, Error> {
    refuse_review_as_report(opts)?;
    // Held until the reports are written: a second run on this folder
    // fails at once rather than mixing its reports with these.
    let lock = lock_output(&opts.out)?;
    let (pack, review, analysis) = load_and_analyse(opts)?;
    let docs = &analysis.corpus.documents;

    let shown: Vec<usize> = if opts.changed.is_empty() {
        (0..analysis.findings.len()).collect()
    } else {
        // The findings of the changed documents; and every finding with a
        // current decision, so that findings.csv saved as the review file
        // never costs a decision made on another document.
        let changed = changed_documents(&opts.corpus, docs, &opts.changed)?;
        (0..analysis.findings.len())
            .filter(|&i| {
                let f = &analysis.findings[i];
                f.documents(&analysis.claims).iter().any(|d| changed.contains(d))
                    || matches!(review.status(f), Status::Decided(_))
            })
            .collect()
    };
    let fails = |f: &Finding| opts.fail_on.fails(f.relation);
    let statuses: Vec<Status> = shown.iter().map(|&i| review.status(&analysis.findings[i])).collect();
    let views: Vec<FindingView> = shown
        .iter()
        .zip(&statuses)
        .map(|(&i, st)| finding_view(docs, &analysis.claims, &analysis.findings[i], st, &fails))
        .collect();
    let summary = analysis.summary(&shown);
    let totals = Totals {
        documents: summary.documents,
        skipped: summary.skipped,
        claims: summary.claims,
        unbound: summary.unbound,
        findings: shown.len(),
        new: statuses.iter().filter(|s| matches!(s, Status::New)).count(),
        reviewed: statuses.iter().filter(|s| matches!(s, Status::Decided(_))).count(),
        stale: statuses
            .iter()
            .filter(|s| matches!(s, Status::NeedsReReview(..)))
            .count(),
        failing: views.iter().filter(|v| v.failing).count(),
        fail_on: format!("{:?}", opts.fail_on).to_lowercase(),
    };
    let orphans = review.orphans(&analysis.findings).len();
    let rules: Vec<(String, String)> = pack
        .rules
        .iter()
        .map(|r| (r.id.to_string(), r.describe.clone()))
        .collect();
    // Decisions the editors' page does not show a finding for, so that the
    // rows it downloads never drop one.
    let on_page: std::collections::HashSet<&str> = views.iter().map(|v| v.id.as_str()).collect();
    let mut kept: Vec<crate::report::KeptDecision> = review
        .entries
        .values()
        .filter(|e| !on_page.contains(e.id.as_str()))
        .map(|e| crate::report::KeptDecision {
            id: e.id.clone(),
            decision: e.into(),
        })
        .collect();
    kept.sort_by(|a, b| a.id.cmp(&b.id));
    let written = write_reports(opts, &analysis, &views, &totals, &rules, &kept, &lock)?;
    drop(lock);
    let annotations = opts
        .formats
        .contains(&Format::Github)
        .then(|| github_annotations(&views));
    Ok(Run {
        analysis,
        review,
        shown,
        views,
        totals,
        orphans,
        written,
        annotations,
    })
}

/// `crosscheck explain ID`: the finding whose id starts with `id`, walked
/// from extraction to verdict; `None` when no single finding matches.
pub fn explain_finding(opts: &CheckOptions, id: &str) -> Result<Option<String>, Error> {
    let (pack, review, analysis) = load_and_analyse(opts)?;
    let matching: Vec<&Finding> = analysis
        .findings
        .iter()
        .filter(|f| f.id.starts_with(id) && !id.is_empty())
        .collect();
    let [f] = matching.as_slice() else { return Ok(None) };
    let status = review.status(f);
    Ok(Some(crate::report::explain_finding(
        &pack,
        &analysis.corpus.documents,
        &analysis.claims,
        f,
        &status,
    )))
}

/// The review file is only ever read: a `--review` path that is (or links
/// to) one of the reports in the output folder is refused before anything
/// is read or written. Every report name counts, not only this run's
/// formats: a run removes the reports of formats it did not write.
fn refuse_review_as_report(opts: &CheckOptions) -> Result<(), Error> {
    let review = opts.review_path();
    for name in crate::report::REPORT_NAMES {
        let report = opts.out.join(name);
        if same_file(&review, &report) {
            return Err(Error::ReviewIsReport { review, report });
        }
    }
    Ok(())
}

/// Whether two paths name one file: the same inode when both exist (hard
/// and symbolic links included), else the same resolved path.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return ma.dev() == mb.dev() && ma.ino() == mb.ino();
        }
    }
    resolve(a) == resolve(b)
}

/// An absolute path with its folder canonicalised where it exists and
/// symbolic links in its last part followed (a dangling link names the
/// file it would create).
fn resolve(p: &Path) -> PathBuf {
    let mut p = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    for _ in 0..16 {
        match std::fs::read_link(&p) {
            Ok(target) => p = p.parent().map(|d| d.join(&target)).unwrap_or(target),
            Err(_) => break,
        }
    }
    let (Some(dir), Some(name)) = (p.parent(), p.file_name()) else {
        return p;
    };
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| lexical(dir));
    dir.join(name)
}

/// `.` and `..` removed without touching the file system.
fn lexical(p: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// The corpus documents `--changed` names, by path as given or as id.
fn changed_documents(corpus: &Path, docs: &[DocumentMeta], changed: &[PathBuf]) -> Result<Vec<usize>, Error> {
    changed
        .iter()
        .map(|p| {
            let rel = p.strip_prefix(corpus).unwrap_or(p);
            let id = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            docs.iter()
                .position(|d| d.id == id || d.path == *p)
                .ok_or_else(|| Error::Changed(p.clone()))
        })
        .collect()
}

fn write_reports(
    opts: &CheckOptions,
    a: &Analysis,
    views: &[FindingView],
    totals: &Totals,
    rules: &[(String, String)],
    kept: &[crate::report::KeptDecision],
    lock: &crate::report::OutputLock,
) -> Result<Vec<PathBuf>, Error> {
    use crate::report::Report;
    let docs = &a.corpus.documents;
    // The CSV contract, and the editors' page: every run writes them.
    let mut reports: Vec<Report> = vec![
        ("claims.csv", Box::new(|w| write_claims_csv(w, docs, &a.claims))),
        ("findings.csv", Box::new(|w| write_findings_csv(w, views))),
        ("findings.html", Box::new(|w| write_html(w, totals, views, kept))),
    ];
    for format in &opts.formats {
        let report: Report = match format {
            Format::Json => ("findings.json", Box::new(|w| write_json(w, totals, views))),
            Format::Markdown => ("summary.md", Box::new(|w| write_markdown(w, totals, views))),
            Format::Sarif => ("findings.sarif", Box::new(|w| write_sarif(w, views, rules))),
            Format::Junit => ("junit.xml", Box::new(|w| write_junit(w, totals, views))),
            Format::Html => ("findings.html", Box::new(|w| write_html(w, totals, views, kept))),
            Format::Github => continue,
        };
        if !reports.iter().any(|(name, _)| *name == report.0) {
            reports.push(report);
        }
    }
    let others: Vec<&str> = crate::report::REPORT_NAMES
        .iter()
        .copied()
        .filter(|n| !reports.iter().any(|(name, _)| name == n))
        .collect();
    crate::report::write_report_set(&opts.out, &reports, &others, lock)
        .map_err(|(path, source)| Error::Output { path, source })
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
                    extract_any_topic(pack, 0, &doc)
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
                            && key.as_ref().is_none_or(|k| k == c.key_display())
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
        rule: rule.id.to_string(),
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
        .map(|c| {
            format!(
                "{} from {:?} key {} ({})",
                c.value,
                c.text(),
                c.key_display(),
                c.modality
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `crosscheck explain-text`: every reading of one sentence (what it
/// counts, its window, subject, period, modality, attribution) and what
/// each frame rule made of it; then every claim any rule takes from it.
pub fn explain_text(pack: &RulePack, sentence: &str, published: Option<crate::date::Date>) -> String {
    use crate::extract::frames;
    use std::fmt::Write as _;
    let mut out = String::new();
    let readings = crate::frame::read_sentence(sentence, published);
    if readings.is_empty() {
        out.push_str("no number in this sentence\n");
    }
    let words: std::rc::Rc<[String]> = crate::frame::words(sentence).into();
    let sources = crate::frame::sources(sentence);
    for (i, r) in readings.iter().enumerate() {
        let _ = writeln!(
            out,
            "reading {}: {:?} = {} ({})",
            i + 1,
            &sentence[r.range.clone()],
            r.quantity.display_with(""),
            r.quantity.precision
        );
        let base = r.base.as_ref().map_or("-".to_string(), |b| b.join(" "));
        let _ = writeln!(out, "  after it:    {:?}", r.after.join(" "));
        let _ = writeln!(out, "  before it:   {:?}", r.before.join(" "));
        let _ = writeln!(out, "  share of:    {base}");
        let _ = writeln!(out, "  own words:   {:?}", r.window_words.join(" "));
        let period = r.period.as_ref().map_or("-".to_string(), |p| {
            format!("{} ({:?}{})", p.year, p.written, if p.by { ", a deadline" } else { "" })
        });
        let _ = writeln!(out, "  period:      {period}");
        if let Some(d) = r.as_of {
            let _ = writeln!(out, "  as of:       {d}");
        }
        if let Some(d) = r.on {
            let _ = writeln!(out, "  its day:     {d} (its event is that day's)");
        }
        let _ = writeln!(out, "  modality:    {}", r.modality);
        let _ = writeln!(
            out,
            "  attributed:  {}",
            crate::frame::nearest_source(sentence, &sources, r.range.clone())
                .as_deref()
                .unwrap_or("-")
        );
        if r.part || r.sum {
            let what = if r.part {
                "a part of a figure named before it"
            } else {
                "a sum of several things"
            };
            let _ = writeln!(out, "  whole:       no, {what}");
        }
        // Each frame rule's verdict, read once; then, as extraction does,
        // of the rules that take the figure for what it counts, those whose
        // word stands nearest it keep it.
        let verdicts: Vec<_> = pack
            .rules
            .iter()
            .filter_map(|rule| {
                let spec = rule.frame.as_ref()?;
                let verdict = frames::select(spec, r, &|| words.clone());
                let distance = verdict.is_ok().then(|| r.counted_distance(&spec.counts)).flatten();
                Some((rule, spec, verdict, distance))
            })
            .collect();
        let nearest = verdicts
            .iter()
            .filter_map(|(rule, _, _, distance)| Some(((*distance)?, &*rule.id)))
            .min();
        for (rule, spec, verdict, distance) in verdicts {
            match verdict {
                Ok(()) if distance.zip(nearest).is_some_and(|(d, (min, _))| d > min) => {
                    let other = nearest.map_or("", |(_, id)| id);
                    let _ = writeln!(
                        out,
                        "  not {}: what it counts stands farther from the figure than what {other} counts",
                        rule.id
                    );
                }
                Ok(()) => {
                    let subject = spec.subject.as_ref().map(|(kind, finder)| {
                        let s = frames::subject(pack, (kind, finder), r, sentence, published, &|| None, &|| None);
                        format!(", subject ({kind}): {}", s.as_deref().unwrap_or("none found"))
                    });
                    let _ = writeln!(out, "  TAKEN by {}{}", rule.id, subject.unwrap_or_default());
                }
                Err(why) => {
                    let _ = writeln!(out, "  not {}: {why}", rule.id);
                }
            }
        }
    }
    let mut doc = match parse_document("sentence", Path::new("sentence"), sentence.as_bytes()) {
        Ok(d) => d,
        Err(e) => return format!("{out}cannot read the sentence: {}\n", e.message),
    };
    doc.published = published;
    let claims = extract_any_topic(pack, 0, &doc);
    let _ = writeln!(out, "claims: {}", claims.len());
    for c in &claims {
        let _ = writeln!(
            out,
            "  {} {:?} {} key {} ({}{})",
            c.rule,
            c.text(),
            c.value,
            c.key_display(),
            c.modality,
            c.unbound
                .as_ref()
                .map(|u| format!("; unbound: {u}"))
                .unwrap_or_default()
        );
    }
    out
}

/// What `crosscheck baseline` did.
#[derive(Debug)]
pub struct Baseline {
    pub review: PathBuf,
    /// Open findings recorded as accepted.
    pub added: usize,
    /// Findings already decided, left as they were.
    pub already_decided: usize,
}

/// Record every open finding (no decision, or one that needs re-review) as
/// accepted in the review file, so that CI fails only on what comes after:
/// decision `confirmed`, reason `other`, a note saying it is the baseline,
/// today's date and the current evidence (a new value reopens it). The
/// rows are added at the end of the file; nothing in it is changed.
pub fn baseline(opts: &CheckOptions, today: crate::date::Date) -> Result<Baseline, Error> {
    refuse_review_as_report(opts)?;
    let review_path = opts.review_path();
    // The file may not exist yet: baseline creates it.
    let read_opts = CheckOptions {
        review: opts.review.clone().filter(|p| p.exists()),
        ..opts.clone()
    };
    let (_pack, review, analysis) = load_and_analyse(&read_opts)?;
    let mut rows = Vec::new();
    let mut already_decided = 0;
    for f in analysis.findings.iter().filter(|f| f.relation != Relation::Agree) {
        match review.status(f) {
            Status::Decided(_) => already_decided += 1,
            Status::New | Status::NeedsReReview(..) => rows.push(crate::review::Entry {
                id: f.id.clone(),
                decision: crate::review::Decision::Confirmed,
                reason: "other".into(),
                note: format!("baseline {today}: accepted as it stood ({})", f.relation),
                reviewer: "crosscheck baseline".into(),
                date: today.to_string(),
                evidence: f.evidence.clone(),
                line: 0,
            }),
        }
    }
    let existing = match std::fs::read_to_string(&review_path) {
        Ok(t) => Some(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(Error::Output {
                path: review_path,
                source,
            })
        }
    };
    if !rows.is_empty() {
        let text = crate::review::append_rows(existing.as_deref(), &rows);
        if let Some(parent) = review_path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| Error::Output {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        crate::report::write_atomic(&review_path, |w| w.write_all(text.as_bytes())).map_err(|source| {
            Error::Output {
                path: review_path.clone(),
                source,
            }
        })?;
    }
    Ok(Baseline {
        review: review_path,
        added: rows.len(),
        already_decided,
    })
}
