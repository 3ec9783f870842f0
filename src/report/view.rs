//! One view of each finding, built once per run, that every writer reads:
//! the sides with their sources, locations and quotes, the editor's status,
//! and whether it fails the run.

use crate::align::{Finding, Side};
use crate::claim::Claim;
use crate::corpus::DocumentMeta;
use crate::review::{Entry, Status};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Location {
    /// Corpus-relative document id.
    pub doc: String,
    /// The file as found on disk (for annotations and SARIF).
    pub path: String,
    pub line: usize,
    pub col: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SideView {
    pub value: String,
    /// The value in words, as a reporter writes it ("€500 million", "more
    /// than 30 chiefs"); the notation of `value` for lists and dates.
    pub words: String,
    /// The value as first written.
    pub text: String,
    /// Every document stating it, corpus-relative.
    pub sources: Vec<String>,
    /// The outlets of those documents (front matter `source`, else the
    /// file name), each once, in the order of `sources`.
    pub outlets: Vec<String>,
    /// Where the first source states it.
    pub location: Location,
    /// The first source's headline, address and publication day, from its
    /// front matter.
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// The sentence, as evidence.
    pub quote: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DecisionView {
    pub decision: String,
    pub reason: String,
    pub note: String,
    pub reviewer: String,
    pub date: String,
    /// The evidence the decision was made on.
    pub evidence: String,
}

impl From<&Entry> for DecisionView {
    fn from(e: &Entry) -> Self {
        DecisionView {
            decision: e.decision.to_string(),
            reason: e.reason.clone(),
            note: e.note.clone(),
            reviewer: e.reviewer.clone(),
            date: e.date.clone(),
            evidence: e.evidence.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    pub id: String,
    pub evidence: String,
    pub relation: String,
    pub severity: String,
    /// `new`, `confirmed`, `dismissed`, `fixed` or `needs-re-review`.
    pub status: String,
    pub rule: String,
    pub key: String,
    pub a: SideView,
    pub b: Option<SideView>,
    pub explanation: String,
    /// The editor's decision, current or stale.
    pub decision: Option<DecisionView>,
    /// Undecided or stale, and of a relation the failure policy counts.
    pub failing: bool,
    /// Why a decision needs re-review ("a value was added …").
    pub stale_because: Option<String>,
    /// Every distinct value of the key with its sources, in value order.
    pub values: Vec<ValueView>,
}

/// One distinct value of a finding's key.
#[derive(Debug, Clone, Serialize)]
pub struct ValueView {
    pub value: String,
    /// The value in words ("€500 million").
    pub words: String,
    pub text: String,
    pub sources: Vec<String>,
    /// The outlets of those documents, each once.
    pub outlets: Vec<String>,
    /// Values of one cluster can all be true together.
    pub cluster: usize,
}

/// At most this many outlets are named where a finding is shown; the rest
/// are counted, with every document listed apart.
const OUTLETS_SHOWN: usize = 3;

/// "Harbour Wire, Daily Clarion, Meridian News and 4 more".
pub fn outlet_list(outlets: &[String]) -> String {
    let shown = outlets.len().min(OUTLETS_SHOWN);
    let mut text = outlets[..shown].join(", ");
    if outlets.len() > shown {
        text.push_str(&format!(" and {} more", outlets.len() - shown));
    }
    text
}

/// A side's value in words: quantities as a reporter writes them, other
/// values as they are shown everywhere else.
fn in_words(claims: &[Claim], side: &Side) -> String {
    match &side.reading {
        crate::claim::Value::Quantity(q) => q.in_words(&claims[side.claims[0]].unit_label),
        _ => side.value.clone(),
    }
}

/// The outlets of some documents, each named once, in document order.
fn outlets(docs: &[DocumentMeta], of: &[usize]) -> Vec<String> {
    unique(of.iter().map(|&d| docs[d].source.clone()))
}

/// Each item once, in the order first seen.
fn unique(items: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    items.into_iter().filter(|o| seen.insert(o.clone())).collect()
}

impl FindingView {
    /// Every outlet behind the finding, each once.
    pub fn outlets(&self) -> Vec<String> {
        let sides = std::iter::once(&self.a).chain(self.b.as_ref());
        unique(
            sides
                .flat_map(|s| s.outlets.iter())
                .chain(self.values.iter().flat_map(|v| v.outlets.iter()))
                .cloned(),
        )
    }
}

fn side_view(docs: &[DocumentMeta], claims: &[Claim], side: &Side) -> SideView {
    let first = &claims[side.claims[0]];
    let doc = &docs[first.doc];
    let of = side.documents(claims);
    SideView {
        value: side.value.clone(),
        words: in_words(claims, side),
        text: first.text().to_string(),
        sources: of.iter().map(|&d| docs[d].id.clone()).collect(),
        outlets: outlets(docs, &of),
        title: doc.title.clone(),
        url: doc.url.clone(),
        published: doc.published.map(|d| d.to_string()),
        location: Location {
            doc: doc.id.clone(),
            path: doc.path.display().to_string(),
            line: side.at.unwrap_or(first.span).line,
            col: side.at.unwrap_or(first.span).col,
        },
        quote: first.quote_at(side.at.as_ref()),
    }
}

pub fn finding_view(
    docs: &[DocumentMeta],
    claims: &[Claim],
    f: &Finding,
    status: &Status,
    fails: &dyn Fn(&Finding) -> bool,
) -> FindingView {
    let decision = match status {
        Status::New => None,
        Status::Decided(e) | Status::NeedsReReview(e, _) => Some(DecisionView::from(e)),
    };
    FindingView {
        id: f.id.clone(),
        evidence: f.evidence.clone(),
        relation: f.relation.to_string(),
        severity: f.severity().to_string(),
        status: status.label(),
        rule: f.rule.clone(),
        key: f.key.clone(),
        a: side_view(docs, claims, &f.a),
        b: f.b.as_ref().map(|b| side_view(docs, claims, b)),
        explanation: f.explanation.clone(),
        decision,
        failing: status.is_open() && fails(f),
        stale_because: match status {
            Status::NeedsReReview(_, why) => Some(why.clone()),
            _ => None,
        },
        values: f
            .values
            .iter()
            .zip(&f.clusters)
            .map(|(v, &cluster)| {
                let of = v.documents(claims);
                ValueView {
                    value: v.value.clone(),
                    words: in_words(claims, v),
                    text: claims[v.claims[0]].text().to_string(),
                    sources: of.iter().map(|&d| docs[d].id.clone()).collect(),
                    outlets: outlets(docs, &of),
                    cluster,
                }
            })
            .collect(),
    }
}
