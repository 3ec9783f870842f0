//! Claims → groups by key → findings with a relation.
//!
//! Two claims are compared only when they come from the same rule, have the
//! same resolved key, the same modality (a target is never set against an
//! outcome) and the same unit (a share is never compared with a count, nor
//! euros with dollars). Within a group, equal values form one side; each
//! pair of sides is one finding. Each kind of value has its comparator, one
//! file each: [`interval`] for quantities, [`date`] for dates.

pub mod date;
pub mod interval;
pub mod roster;

use crate::claim::{Claim, Modality, Span, Value};
use crate::corpus::Document;
use crate::rules::RulePack;
use std::collections::BTreeMap;
use std::fmt;

/// How two sides relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relation {
    /// Several sources state the same value.
    Agree,
    /// Both can be true: different precision or overlapping ranges.
    Compatible,
    /// Both cannot be true.
    Conflict,
    /// Rosters that differ only by omission.
    Partial,
    /// The same entity or quote spelled differently.
    Variant,
    /// A later article revises a figure that can change over time.
    Update,
    /// Different sources' own figures (police against organisers, two
    /// experts' estimates) that differ: reported, not a contradiction.
    Divergent,
}

impl Relation {
    pub const ALL: [Relation; 7] = [
        Relation::Conflict,
        Relation::Partial,
        Relation::Update,
        Relation::Divergent,
        Relation::Compatible,
        Relation::Variant,
        Relation::Agree,
    ];

    pub fn severity(self) -> Severity {
        match self {
            Relation::Conflict => Severity::High,
            Relation::Partial | Relation::Update => Severity::Medium,
            Relation::Compatible | Relation::Variant | Relation::Divergent => Severity::Low,
            Relation::Agree => Severity::Info,
        }
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Relation::Agree => "agree",
            Relation::Compatible => "compatible",
            Relation::Conflict => "conflict",
            Relation::Partial => "partial",
            Relation::Variant => "variant",
            Relation::Update => "update",
            Relation::Divergent => "divergent",
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    High,
    Medium,
    Low,
    Info,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
            Severity::Info => "info",
        })
    }
}

/// One distinct value and every claim that states it.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// `[34, 34] chiefs`, `2025-03-11`
    pub value: String,
    pub reading: Value,
    /// Indices into the claim list, in corpus order.
    pub claims: Vec<usize>,
    /// Where in the first claim's sentence the side's evidence is, when it
    /// is not the claim's value (a misspelt name inside a list).
    pub at: Option<Span>,
}

impl Side {
    /// The documents behind this side, each once, in corpus order.
    pub fn documents(&self, claims: &[Claim]) -> Vec<usize> {
        let mut docs: Vec<usize> = self.claims.iter().map(|&c| claims[c].doc).collect();
        docs.dedup();
        docs
    }

    /// `'more than 30' (more than 30 chiefs)`: as first written, then in words.
    pub fn describe(&self, claims: &[Claim]) -> String {
        let c = &claims[self.claims[0]];
        let words = match &self.reading {
            Value::Quantity(q) => q.in_words(&c.unit_label),
            Value::Date(span) => date::in_words(span),
            Value::UnresolvedDate => "unresolved".into(),
            Value::Roster(_) | Value::Membership { .. } => self.value.clone(),
        };
        format!("'{}' ({words})", c.text)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Stable while the rule, key and the two values are unchanged.
    pub id: String,
    pub relation: Relation,
    pub rule: String,
    pub key: String,
    pub modality: Modality,
    pub a: Side,
    /// Empty for `agree`.
    pub b: Option<Side>,
    pub explanation: String,
    /// A hash of the sources and quotes behind both sides: when it changes,
    /// an editor's decision on this finding needs re-review.
    pub evidence: String,
}

impl Finding {
    pub fn severity(&self) -> Severity {
        self.relation.severity()
    }

    /// Every document behind the finding.
    pub fn documents(&self, claims: &[Claim]) -> Vec<usize> {
        let mut docs = self.a.documents(claims);
        if let Some(b) = &self.b {
            docs.extend(b.documents(claims));
        }
        docs.sort_unstable();
        docs.dedup();
        docs
    }
}

/// Group key: claims are compared only within one group.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct GroupKey<'c> {
    rule: &'c str,
    key: &'c str,
    modality: Modality,
    unit: String,
}

/// Compare every group of claims; findings come out in a stable order
/// (rule, key, then first appearance).
pub fn align(pack: &RulePack, claims: &[Claim], docs: &[Document]) -> Vec<Finding> {
    let mut groups: BTreeMap<GroupKey, Vec<usize>> = BTreeMap::new();
    let mut attendance: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        let Some(key) = c.key.as_deref() else { continue };
        if matches!(c.reading, Value::Roster(_) | Value::Membership { .. }) {
            // Rosters and memberships pool across rules: by key only.
            attendance.entry(key).or_default().push(i);
            continue;
        }
        let gk = GroupKey {
            rule: &c.rule,
            key,
            modality: c.modality,
            unit: c.reading.unit(),
        };
        groups.entry(gk).or_default().push(i);
    }
    let mut findings = Vec::new();
    for (gk, members) in groups {
        let changes = pack.rule(gk.rule).is_some_and(|r| r.changes_over_time);
        let sides = sides(claims, &members);
        let finding = |relation, a: &Side, b: Option<&Side>, explanation| Finding {
            id: finding_id(gk.rule, gk.key, gk.modality, &a.value, b.map(|b| b.value.as_str())),
            relation,
            rule: gk.rule.to_string(),
            key: gk.key.to_string(),
            modality: gk.modality,
            a: a.clone(),
            b: b.cloned(),
            explanation,
            evidence: String::new(),
        };
        if let [only] = sides.as_slice() {
            let n = only.documents(claims).len();
            if n > 1 {
                let explanation = format!("{n} sources state the same value: {}", only.describe(claims));
                findings.push(finding(Relation::Agree, only, None, explanation));
            }
            continue;
        }
        for (i, a) in sides.iter().enumerate() {
            for b in &sides[i + 1..] {
                let (mut relation, mut explanation) = compare(claims, a, b);
                if relation == Relation::Conflict {
                    if let Some((x, y)) = divergent_sources(claims, a, b) {
                        relation = Relation::Divergent;
                        explanation = format!(
                            "{} according to {x} and {} according to {y}: different sources' own figures",
                            a.describe(claims),
                            b.describe(claims)
                        );
                    }
                }
                // A figure that changes over time and was stated differently
                // later was revised, whether or not both could be true.
                if matches!(relation, Relation::Conflict | Relation::Compatible) && changes {
                    if let Some((earlier, later)) = revision(claims, docs, a, b) {
                        relation = Relation::Update;
                        explanation = format!(
                            "{} (published {}) was revised to {} (published {}): the figure changes over time",
                            earlier.describe(claims),
                            latest(claims, docs, earlier),
                            later.describe(claims),
                            earliest(claims, docs, later),
                        );
                    }
                }
                findings.push(finding(relation, a, Some(b), explanation));
            }
        }
    }
    let doc_ids: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
    for (key, members) in attendance {
        findings.extend(roster::compare(&pack.gazetteer, claims, &doc_ids, key, &members));
    }
    findings.extend(roster::variants(claims, &doc_ids));
    for f in &mut findings {
        f.evidence = evidence_hash(f, claims, docs);
    }
    findings
}

/// The evidence hash: every (source, quote) pair of both sides, sorted, so
/// reading order and unrelated documents do not change it; a new source
/// on a side, or an edited quote, does.
pub fn evidence_hash(f: &Finding, claims: &[Claim], docs: &[Document]) -> String {
    let mut pairs: Vec<String> = std::iter::once(&f.a)
        .chain(f.b.as_ref())
        .flat_map(|side| side.claims.iter())
        .map(|&i| {
            let c = &claims[i];
            let doc = &docs[c.doc];
            format!("{}\t{}", doc.id, &doc.text[c.sentence.start..c.sentence.end])
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let parts: Vec<&str> = pairs.iter().map(String::as_str).collect();
    format!("{:016x}", fnv1a(&parts))
}

/// The comparator registry: one per kind of value.
fn compare(claims: &[Claim], a: &Side, b: &Side) -> (Relation, String) {
    match (&a.reading, &b.reading) {
        (Value::Quantity(x), Value::Quantity(y)) => interval::compare_written(
            x,
            y,
            &a.describe(claims),
            &b.describe(claims),
            &claims[a.claims[0]].text,
            &claims[b.claims[0]].text,
        ),
        (Value::Date(x), Value::Date(y)) => date::compare(x, y, &a.describe(claims), &b.describe(claims)),
        // Groups share a unit, so kinds never mix; say so rather than guess.
        _ => (
            Relation::Compatible,
            "values of different kinds are not compared".into(),
        ),
    }
}

/// When every claim of each side is attributed, and no source stands
/// behind both, the sources of each side: their figures diverge, they do
/// not contradict each other.
fn divergent_sources(claims: &[Claim], a: &Side, b: &Side) -> Option<(String, String)> {
    let sources = |side: &Side| -> Option<std::collections::BTreeSet<&str>> {
        side.claims.iter().map(|&i| claims[i].attribution.as_deref()).collect()
    };
    let (x, y) = (sources(a)?, sources(b)?);
    x.is_disjoint(&y).then(|| {
        let join = |s: std::collections::BTreeSet<&str>| s.into_iter().collect::<Vec<_>>().join(", ");
        (join(x), join(y))
    })
}

fn publication(claims: &[Claim], docs: &[Document], side: &Side) -> Option<(crate::date::Date, crate::date::Date)> {
    let dates: Option<Vec<_>> = side.documents(claims).iter().map(|&d| docs[d].published).collect();
    let dates = dates?;
    Some((*dates.iter().min()?, *dates.iter().max()?))
}

fn latest(claims: &[Claim], docs: &[Document], side: &Side) -> String {
    publication(claims, docs, side).map_or("undated".into(), |p| p.1.to_string())
}

fn earliest(claims: &[Claim], docs: &[Document], side: &Side) -> String {
    publication(claims, docs, side).map_or("undated".into(), |p| p.0.to_string())
}

/// When every source of one side was published before every source of the
/// other, the (earlier, later) pair; otherwise the two disagree at once.
fn revision<'s>(claims: &[Claim], docs: &[Document], a: &'s Side, b: &'s Side) -> Option<(&'s Side, &'s Side)> {
    let (pa, pb) = (publication(claims, docs, a)?, publication(claims, docs, b)?);
    if pa.1 < pb.0 {
        Some((a, b))
    } else if pb.1 < pa.0 {
        Some((b, a))
    } else {
        None
    }
}

/// Equal values form one side, in corpus order.
fn sides(claims: &[Claim], members: &[usize]) -> Vec<Side> {
    let mut sides: Vec<Side> = Vec::new();
    for &i in members {
        let c = &claims[i];
        match sides.iter_mut().find(|s| s.value == c.value) {
            Some(s) => s.claims.push(i),
            None => sides.push(Side {
                value: c.value.clone(),
                reading: c.reading.clone(),
                claims: vec![i],
                at: None,
            }),
        }
    }
    sides
}

/// FNV-1a, 64 bits: a fixed hash (std's is seeded per process), so ids
/// survive across runs and machines.
pub fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0u8)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The finding id: rule, key, modality and the values of both sides, the
/// values sorted so that the order sources were read in does not matter.
pub(crate) fn finding_id(rule: &str, key: &str, modality: Modality, a: &str, b: Option<&str>) -> String {
    let modality = modality.to_string();
    let mut values = [a, b.unwrap_or("")];
    values.sort_unstable();
    format!("{:016x}", fnv1a(&[rule, key, &modality, values[0], values[1]]))
}
