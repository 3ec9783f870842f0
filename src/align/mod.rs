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
use crate::corpus::DocumentMeta;
use crate::rules::{Change, RulePack};
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
    /// For a value no source is named for: the one source whose figures it
    /// agrees with ("turnout nears 1.3 million" beside the ministry's 1.28
    /// million), which tells whose count it is when it meets another's.
    pub source_by_agreement: Option<String>,
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
        format!("'{}' ({words})", c.text())
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
    /// What the editor's decision was made on: the key's values and the
    /// documents stating each (see [`evidence_of`]).
    pub evidence: String,
    /// Every distinct value of the key, in value order, with its sources
    /// (`a` and `b` are two of them).
    pub values: Vec<Side>,
    /// The cluster of each value (parallel to `values`): values of one
    /// cluster can all be true together.
    pub clusters: Vec<usize>,
    /// How two values relate, where the comparator of their kind cannot
    /// say it from the values alone (who attended: a list against an
    /// absence, two lists): (value index, value index, relation).
    pub pairs: Vec<(usize, usize, Relation)>,
    /// Ids this finding had before one finding per key, so that decisions
    /// made on them are carried (attendance findings were pairs).
    pub legacy_ids: Vec<String>,
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
        for v in &self.values {
            docs.extend(v.documents(claims));
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
pub fn align(pack: &RulePack, claims: &[Claim], docs: &[DocumentMeta]) -> Vec<Finding> {
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
    // Keys are independent: one finding each, in parallel, in key order.
    use rayon::prelude::*;
    let groups: Vec<(GroupKey, Vec<usize>)> = groups.into_iter().collect();
    let mut findings: Vec<Finding> = groups
        .par_iter()
        .filter_map(|(gk, members)| {
            let changes = pack.rule(gk.rule).map_or(Change::Fixed, |r| r.change);
            let mut f = key_finding(claims, docs, gk, members, changes)?;
            f.evidence = evidence_of(&f, claims, docs);
            Some(f)
        })
        .collect();
    let doc_ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    for (key, members) in attendance {
        findings.extend(
            roster::compare(&pack.gazetteer, claims, &doc_ids, key, &members).map(|mut f| {
                f.evidence = evidence_of(&f, claims, docs);
                f
            }),
        );
    }
    findings.extend(roster::variants(claims, &doc_ids));
    for f in findings.iter_mut().filter(|f| f.values.is_empty()) {
        f.evidence = evidence_hash(f, claims, docs);
    }
    findings
}

/// How strongly a relation calls for an editor: the relation of a key is
/// the strongest between its clusters.
fn strength(r: Relation) -> u8 {
    match r {
        Relation::Conflict => 6,
        Relation::Partial => 5,
        Relation::Divergent => 4,
        Relation::Update => 3,
        Relation::Variant => 2,
        Relation::Compatible => 1,
        Relation::Agree => 0,
    }
}

/// Where a value sits on its line, for sorting and sweeping: an interval's
/// ends, or a date span's first and last day.
fn bounds(v: &Value) -> (f64, f64) {
    match v {
        Value::Quantity(q) => (q.interval.lo, q.interval.hi),
        Value::Date(d) => (d.start.ordinal() as f64, d.end.ordinal() as f64),
        _ => (0.0, 0.0),
    }
}

/// The clusters of the values at `of` (indices into `values`, in value
/// order): a value joins the cluster while it meets every value in it (the
/// running intersection), else starts the next one. The cluster of each
/// (parallel to `of`) and the positions in `of` where clusters start.
fn sweep(claims: &[Claim], values: &[Side], of: &[usize]) -> (Vec<usize>, Vec<usize>) {
    let mut clusters: Vec<usize> = Vec::with_capacity(of.len());
    let mut starts: Vec<usize> = Vec::new();
    let mut common: Option<(f64, f64)> = None;
    for (k, &i) in of.iter().enumerate() {
        let v = &values[i];
        let (lo, hi) = bounds(&v.reading);
        let joined = match common {
            Some((clo, chi)) if k > 0 && lo <= chi && clo <= hi => {
                // Open ends that only touch do not meet ("nearly 50%" and "50%").
                let touching =
                    (lo == chi || hi == clo) && compare(claims, &values[of[k - 1]], v).0 == Relation::Conflict;
                (!touching).then(|| (clo.max(lo), chi.min(hi)))
            }
            _ => None,
        };
        match joined {
            Some(c) => {
                common = Some(c);
                clusters.push(*clusters.last().unwrap_or(&0));
            }
            None => {
                common = Some((lo, hi));
                starts.push(k);
                clusters.push(starts.len() - 1);
            }
        }
    }
    (clusters, starts)
}

/// One finding for one claim key: every distinct value, clustered (values
/// that can all be true together form a cluster), the relation the
/// strongest between neighbouring clusters, and the pair that decides it
/// as sides a and b. Cost: a sort and a sweep, linear in the values.
fn key_finding(
    claims: &[Claim],
    docs: &[DocumentMeta],
    gk: &GroupKey,
    members: &[usize],
    changes: Change,
) -> Option<Finding> {
    let mut values = sides(claims, members);
    values.sort_by(|x, y| {
        let (bx, by) = (bounds(&x.reading), bounds(&y.reading));
        bx.0.total_cmp(&by.0)
            .then(bx.1.total_cmp(&by.1))
            .then_with(|| x.value.cmp(&y.value))
    });
    borrow_sources(claims, &mut values);
    let all: Vec<usize> = (0..values.len()).collect();
    let (clusters, starts) = sweep(claims, &values, &all);
    let n_docs = {
        let mut d: Vec<usize> = values.iter().flat_map(|s| s.documents(claims)).collect();
        d.sort_unstable();
        d.dedup();
        d.len()
    };
    let (relation, a, b, explanation) = if values.len() == 1 {
        if n_docs < 2 {
            return None;
        }
        let only = &values[0];
        let explanation = format!("{n_docs} sources state the same value: {}", only.describe(claims));
        (Relation::Agree, 0, None, explanation)
    } else {
        // Within a cluster: compatible, or an update for a figure that changes.
        let mut best = (Relation::Compatible, 0, values.len() - 1, String::new());
        best.3 = compare(claims, &values[0], &values[values.len() - 1]).1;
        if starts.len() == 1 {
            let (lo_side, hi_side) = (&values[0], &values[values.len() - 1]);
            best.3 = compare(claims, lo_side, hi_side).1;
        }
        // Between neighbouring clusters: the value of the lower cluster that
        // ends first is disjoint from the first value of the next. Values
        // only articles that cannot be placed state take no part: the
        // others are clustered again without them.
        let unplaced = unplaced(claims, &values, &clusters, changes);
        let placed: Vec<usize> = if unplaced.is_empty() {
            all
        } else {
            all.into_iter()
                .filter(|&i| !unplaced_side(claims, &values[i], &unplaced, changes))
                .collect()
        };
        let resweep;
        let placed_starts = if placed.len() == values.len() {
            &starts
        } else {
            resweep = sweep(claims, &values, &placed).1;
            &resweep
        };
        for w in placed_starts.windows(2) {
            let (from, next) = (w[0], w[1]);
            let x = placed[(from..next)
                .min_by(|&p, &q| {
                    bounds(&values[placed[p]].reading)
                        .1
                        .total_cmp(&bounds(&values[placed[q]].reading).1)
                })
                .unwrap_or(from)];
            let next = placed[next];
            if let Some((relation, explanation)) =
                pair_relation(claims, docs, &values[x], &values[next], changes, &unplaced)
            {
                if strength(relation) > strength(best.0) {
                    best = (relation, x, next, explanation);
                }
            }
        }
        if best.0 == Relation::Compatible && changes.over_time() {
            if let Some((relation, explanation)) =
                pair_relation(claims, docs, &values[best.1], &values[best.2], changes, &unplaced)
            {
                if relation == Relation::Update {
                    best = (relation, best.1, best.2, explanation);
                }
            }
        }
        if !unplaced.is_empty() && starts.len() > 1 && best.0 == Relation::Compatible {
            best.3 = format!("{}; {}", best.3, unplaced_note(docs, &unplaced));
        }
        let summary = format!(
            "{} values from {n_docs} sources in {} cluster{}; ",
            values.len(),
            starts.len(),
            if starts.len() == 1 { "" } else { "s" }
        );
        (best.0, best.1, Some(best.2), summary + &best.3)
    };
    Some(Finding {
        id: key_id(gk.rule, gk.key, gk.modality, &gk.unit),
        relation,
        rule: gk.rule.to_string(),
        key: gk.key.to_string(),
        modality: gk.modality,
        a: values[a].clone(),
        b: b.map(|b| values[b].clone()),
        explanation,
        evidence: String::new(),
        clusters,
        values,
        pairs: Vec::new(),
        legacy_ids: Vec::new(),
    })
}

/// How the engine relates two distinct values of one key's finding: those
/// of one cluster are compatible (an update, for a figure that changes over
/// time and was revised); those of two clusters conflict, diverge or update.
pub fn relation_between(
    claims: &[Claim],
    docs: &[DocumentMeta],
    a: &Side,
    b: &Side,
    same_cluster: bool,
    changes: Change,
    unplaced: &[Place],
) -> Option<Relation> {
    if same_cluster {
        match pair_relation(claims, docs, a, b, changes, unplaced) {
            Some((Relation::Update, _)) => Some(Relation::Update),
            _ => Some(Relation::Compatible),
        }
    } else {
        pair_relation(claims, docs, a, b, changes, unplaced).map(|(r, _)| r)
    }
}

/// The relation of two values of one key that cannot share a cluster (or,
/// for a figure that changes over time, that differ): divergent when
/// different sources give them as their own, an update when one was stated
/// after the other, a conflict otherwise; `None` for a conflict where
/// either value comes only from articles that cannot be placed (see
/// [`unplaced`]).
fn pair_relation(
    claims: &[Claim],
    docs: &[DocumentMeta],
    a: &Side,
    b: &Side,
    changes: Change,
    unplaced: &[Place],
) -> Option<(Relation, String)> {
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
    // A figure that changes over time and was stated differently later was
    // revised, whether or not both could be true.
    if matches!(relation, Relation::Conflict | Relation::Compatible) && changes.over_time() {
        if let Some((earlier, later)) = revision(claims, docs, a, b)
            .or_else(|| dated_apart(claims, docs, a, b))
            .or_else(|| named_days_apart(claims, a, b))
            .or_else(|| never_the_same_day(claims, docs, a, b))
        {
            let stated = |side: &Side| {
                format!(
                    "{} (first stated {})",
                    side.describe(claims),
                    earliest(claims, docs, side)
                )
            };
            let (before, after) = (stated(earlier), stated(later));
            // A total that only grows was not revised down: the later,
            // smaller figure contradicts the earlier one.
            explanation = if changes == Change::Grows && bounds(&later.reading).1 < bounds(&earlier.reading).0 {
                format!("{before} and {after} cannot both be true: the total only grows")
            } else {
                relation = Relation::Update;
                format!("{before} was revised to {after}: the figure changes over time")
            };
        }
    }
    if relation == Relation::Conflict
        && (unplaced_side(claims, a, unplaced, changes) || unplaced_side(claims, b, unplaced, changes))
    {
        return None;
    }
    Some((relation, explanation))
}

/// Where in its article a figure stands: the document and, for a figure
/// that changes over time, the day it is stated as of and the live-blog
/// entry's time (a count rising through one article's entries is its
/// history, not an ambiguity).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    doc: usize,
    as_of: Option<crate::date::Date>,
    at_time: Option<u16>,
}

fn place(c: &Claim, changes: Change) -> Place {
    Place {
        doc: c.doc,
        as_of: c.as_of.filter(|_| changes.over_time()),
        at_time: c.at_time.filter(|_| changes.over_time()),
    }
}

/// Where articles state values of two clusters of one key (values that
/// cannot all be true) at one place. An article does not contradict
/// itself from one paragraph to the next: two such figures under one key
/// count different things the key does not tell apart (Norfolk's seats
/// and the region's, one town's march and another's, a table's columns),
/// so none of that article's figures there can be placed against another
/// article's either. They are listed in the finding and compared with
/// none. Sorted; a sort, linear in the values otherwise.
pub fn unplaced(claims: &[Claim], values: &[Side], clusters: &[usize], changes: Change) -> Vec<Place> {
    let mut seen: Vec<(Place, usize)> = values
        .iter()
        .zip(clusters)
        .flat_map(|(v, &c)| v.claims.iter().map(move |&i| (place(&claims[i], changes), c)))
        .collect();
    seen.sort_unstable();
    seen.dedup();
    let mut out: Vec<Place> = seen.windows(2).filter(|w| w[0].0 == w[1].0).map(|w| w[0].0).collect();
    out.dedup();
    out
}

/// Whether every claim of a side stands where its article cannot be placed.
fn unplaced_side(claims: &[Claim], side: &Side, unplaced: &[Place], changes: Change) -> bool {
    !unplaced.is_empty()
        && side
            .claims
            .iter()
            .all(|&c| unplaced.binary_search(&place(&claims[c], changes)).is_ok())
}

/// Why two neighbouring values were not compared, in words.
fn unplaced_note(docs: &[DocumentMeta], unplaced: &[Place]) -> String {
    let mut ids: Vec<usize> = unplaced.iter().map(|p| p.doc).collect();
    ids.dedup();
    let names: Vec<&str> = ids.iter().take(3).map(|&d| docs[d].id.as_str()).collect();
    let more = ids.len().saturating_sub(names.len());
    format!(
        "not compared: {}{} state{} figures under this key that cannot all be true, so the key does not say what each counts (a place, a day or a source it does not tell apart)",
        names.join(", "),
        if more > 0 { format!(" and {more} more") } else { String::new() },
        if ids.len() == 1 { "s" } else { "" }
    )
}

/// The evidence hash: every (source, quote) pair of both sides, sorted, so
/// reading order and unrelated documents do not change it; a new source
/// on a side, or an edited quote, does.
pub fn evidence_hash(f: &Finding, claims: &[Claim], docs: &[DocumentMeta]) -> String {
    let mut pairs: Vec<String> = std::iter::once(&f.a)
        .chain(f.b.as_ref())
        .flat_map(|side| side.claims.iter())
        .map(|&i| {
            let c = &claims[i];
            format!("{}\t{}", docs[c.doc].id, c.sentence_text)
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
            claims[a.claims[0]].text(),
            claims[b.claims[0]].text(),
        ),
        (Value::Date(x), Value::Date(y)) => date::compare(x, y, &a.describe(claims), &b.describe(claims)),
        // Groups share a unit, so kinds never mix; say so rather than guess.
        _ => (
            Relation::Compatible,
            "values of different kinds are not compared".into(),
        ),
    }
}

/// When each side's figure is owned by a named source (at least one of
/// its claims is attributed; the others repeat it) and no source stands
/// behind both, the sources of each side: their estimates diverge, they
/// do not contradict each other. Facts are never divergent: two official
/// counts that differ conflict whoever gives them.
/// The sources named for a side's claims.
fn named_sources<'c>(claims: &'c [Claim], side: &Side) -> std::collections::BTreeSet<&'c str> {
    side.claims
        .iter()
        .filter_map(|&i| claims[i].attribution.as_deref())
        .collect()
}

/// Give each value no source is named for the one source of the values it
/// overlaps, when they have exactly one (`values` sorted by lower bound).
/// Only a few neighbours are looked at: linear in the values.
fn borrow_sources(claims: &[Claim], values: &mut [Side]) {
    const NEIGHBOURS: usize = 32;
    // Each side's named sources and bounds, read once.
    let named: Vec<std::collections::BTreeSet<&str>> = values.iter().map(|v| named_sources(claims, v)).collect();
    if named.iter().all(|n| n.is_empty()) {
        return;
    }
    let spans: Vec<(f64, f64)> = values.iter().map(|v| bounds(&v.reading)).collect();
    let borrowed: Vec<Option<String>> = (0..values.len())
        .map(|i| {
            if !named[i].is_empty() {
                return None;
            }
            let (lo, hi) = spans[i];
            let near = i.saturating_sub(NEIGHBOURS)..(i + 1 + NEIGHBOURS).min(values.len());
            let mut found: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
            for j in near.filter(|&j| spans[j].0 <= hi && lo <= spans[j].1) {
                found.extend(&named[j]);
            }
            let mut found = found.into_iter();
            match (found.next(), found.next()) {
                (Some(one), None) => Some(one.to_string()),
                _ => None,
            }
        })
        .collect();
    for (v, b) in values.iter_mut().zip(borrowed) {
        v.source_by_agreement = b;
    }
}

fn divergent_sources(claims: &[Claim], a: &Side, b: &Side) -> Option<(String, String)> {
    if claims[a.claims[0]].modality == Modality::Fact {
        return None;
    }
    // The sources of a side, and whether they were borrowed (shown as
    // such: the text named no source for it).
    fn sources<'a>(claims: &'a [Claim], side: &'a Side) -> Option<(std::collections::BTreeSet<&'a str>, bool)> {
        let s = named_sources(claims, side);
        if s.is_empty() {
            let x = side.source_by_agreement.as_deref()?;
            Some((std::iter::once(x).collect(), true))
        } else {
            Some((s, false))
        }
    }
    let ((x, x_borrowed), (y, y_borrowed)) = (sources(claims, a)?, sources(claims, b)?);
    let shared = x.iter().any(|sx| y.iter().any(|sy| same_source(sx, sy)));
    (!shared).then(|| {
        let join = |s: std::collections::BTreeSet<&str>, borrowed: bool| {
            let names = s.into_iter().collect::<Vec<_>>().join(", ");
            if borrowed {
                format!("{names} (unnamed, agreeing with its figures)")
            } else {
                names
            }
        };
        (join(x, x_borrowed), join(y, y_borrowed))
    })
}

/// Do two attributions name one source? The same words, or one's words
/// within the other's with the same last word: "the prefecture" and "the
/// police prefecture", "the Red Crescent" and "the Libyan Red Crescent"
/// (not "the police" and "the police union", nor "the interior ministry"
/// and "the health ministry").
fn same_source(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .filter(|w| !w.is_empty() && !matches!(w.as_str(), "the" | "a" | "an" | "s"))
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return a.eq_ignore_ascii_case(b);
    }
    let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    short.last() == long.last() && short.iter().all(|w| long.contains(w))
}

/// When a figure was stated: its day, and the minutes after midnight of
/// the live-blog entry that stated it. A figure of no entry counts as of
/// the end of its day: an article dated that day reports where the day
/// ended, after the entries of a live blog of the same day.
type Stamp = (crate::date::Date, u16);

/// The moments a side's figure stands as of: each claim's own day ("as of
/// Thursday"), else its document's publication date, with its live-blog
/// entry's time when it has one; earliest and latest.
fn publication(claims: &[Claim], docs: &[DocumentMeta], side: &Side) -> Option<(Stamp, Stamp)> {
    let stamps: Option<Vec<Stamp>> = side
        .claims
        .iter()
        .map(|&c| {
            let claim = &claims[c];
            let day = claim.as_of.or(docs[claim.doc].published)?;
            // An entry's time says when on its day, not on another day it names.
            let time = claim.at_time.filter(|_| claim.as_of.is_none());
            Some((day, time.unwrap_or(24 * 60)))
        })
        .collect();
    let stamps = stamps?;
    Some((*stamps.iter().min()?, *stamps.iter().max()?))
}

fn earliest(claims: &[Claim], docs: &[DocumentMeta], side: &Side) -> String {
    let Some(((day, minutes), _)) = publication(claims, docs, side) else {
        return "undated".into();
    };
    // The time only when every mention has one (a side of live-blog entries).
    let timed = side
        .claims
        .iter()
        .all(|&c| claims[c].at_time.is_some() && claims[c].as_of.is_none());
    if timed {
        format!("{day} {:02}:{:02}", minutes / 60, minutes % 60)
    } else {
        day.to_string()
    }
}

/// When one value was first stated on an earlier day than the other and
/// was not still being stated after the other's last mention, the
/// (earlier, later) pair: the later figure revises it, even when outlets
/// kept repeating the old one for a while (they do, for days). A value
/// stated only while the other was being stated before and after it (a
/// transposed "3,598" among days of "3,958") is a disagreement, as are two
/// values first stated on the same day, unless live-blog entries' times
/// order them ("01:35 Labour 61 seats" before "07:30 Labour has 393").
fn revision<'s>(claims: &[Claim], docs: &[DocumentMeta], a: &'s Side, b: &'s Side) -> Option<(&'s Side, &'s Side)> {
    let (pa, pb) = (publication(claims, docs, a)?, publication(claims, docs, b)?);
    if pa.0 < pb.0 && pa.1 <= pb.1 {
        Some((a, b))
    } else if pb.0 < pa.0 && pb.1 <= pa.1 {
        Some((b, a))
    } else {
        None
    }
}

/// When every claim of one side names the day its figure stood at ("3,283
/// by Monday 18 September", "as of Thursday") and the other side states
/// its figure on none of those days, the (earlier, later) pair: a figure
/// of a named past day is a step in the count's history, not a
/// contradiction of today's, however long outlets go on citing either.
fn dated_apart<'s>(claims: &[Claim], docs: &[DocumentMeta], a: &'s Side, b: &'s Side) -> Option<(&'s Side, &'s Side)> {
    let named_days =
        |side: &Side| -> Option<Vec<crate::date::Date>> { side.claims.iter().map(|&c| claims[c].as_of).collect() };
    // The other side's days: the ones it names, else its articles' dates.
    let days = |side: &Side| {
        side.claims
            .iter()
            .filter_map(|&c| claims[c].as_of.or(docs[claims[c].doc].published))
            .collect::<Vec<_>>()
    };
    // Whether the dated side came first.
    let first = |dated: &Side, other: &Side| -> Option<bool> {
        let named = named_days(dated)?;
        let theirs = days(other);
        if theirs.iter().any(|d| named.contains(d)) {
            return None;
        }
        let earliest = *named.iter().min()?;
        Some(theirs.iter().min().is_none_or(|&t| earliest < t))
    };
    match (first(a, b), first(b, a)) {
        (Some(true), _) | (None, Some(false)) => Some((a, b)),
        (Some(false), _) | (None, Some(true)) => Some((b, a)),
        (None, None) => None,
    }
}

/// When both values are given, somewhere, for a day the text names ("3,958
/// on 16 September", "4,255 by 28 September") and every day named for one
/// comes before every day named for the other, the (earlier, later) pair:
/// the text itself orders them, whatever day outlets went on repeating the
/// older one without a date. Two values named for one day stay a conflict.
fn named_days_apart<'s>(claims: &[Claim], a: &'s Side, b: &'s Side) -> Option<(&'s Side, &'s Side)> {
    let named = |side: &Side| -> Option<(crate::date::Date, crate::date::Date)> {
        let days = side.claims.iter().filter_map(|&c| claims[c].as_of);
        Some((days.clone().min()?, days.max()?))
    };
    let ((a_first, a_last), (b_first, b_last)) = (named(a)?, named(b)?);
    if a_last < b_first {
        Some((a, b))
    } else if b_last < a_first {
        Some((b, a))
    } else {
        None
    }
}

/// When no mention of one value is of the same day as a mention of the
/// other (the day it is stated as of, else its article's date), the
/// (earlier, later) pair by their first days: two figures of a changing
/// count that no one gave for the same day are steps of its history, even
/// when outlets cited the old one later ("3,166 on Friday 15 September" in
/// a fact-check against "above 5,000" of 12 September). Two figures for
/// one day remain a conflict, and so does a value stated on one day only,
/// between the other's first and last days, without naming its own day.
fn never_the_same_day<'s>(
    claims: &[Claim],
    docs: &[DocumentMeta],
    a: &'s Side,
    b: &'s Side,
) -> Option<(&'s Side, &'s Side)> {
    // Each side's days, sorted and each once: the shared-day test is a
    // search per day, not a scan (sides of a long story hold many mentions).
    let days = |side: &Side| -> Option<Vec<crate::date::Date>> {
        let mut days: Vec<crate::date::Date> = side
            .claims
            .iter()
            .map(|&c| claims[c].as_of.or(docs[claims[c].doc].published))
            .collect::<Option<_>>()?;
        days.sort_unstable();
        days.dedup();
        Some(days)
    };
    let (da, db) = (days(a)?, days(b)?);
    if da.iter().any(|d| db.binary_search(d).is_ok()) {
        return None;
    }
    // A value stated only between the other's first and last days, with no
    // day of its own named in the text, is a disagreement (a misprinted
    // "112" among days of "121"), as `revision` says…
    let dates_itself = |side: &Side| side.claims.iter().all(|&c| claims[c].as_of.is_some());
    // …stated on one day only: a step of a count that several outlets
    // gave over days is history.
    let within = |inner: &[crate::date::Date], outer: &[crate::date::Date]| match (inner, outer.first(), outer.last()) {
        ([day], Some(lo), Some(hi)) => lo < day && day < hi,
        _ => false,
    };
    if (within(&da, &db) && !dates_itself(a)) || (within(&db, &da) && !dates_itself(b)) {
        return None;
    }
    let (fa, fb) = (da.first()?, db.first()?);
    if fa < fb {
        Some((a, b))
    } else {
        Some((b, a))
    }
}

/// Equal values form one side, in corpus order (a map from value to side
/// keeps this linear in the claims).
fn sides(claims: &[Claim], members: &[usize]) -> Vec<Side> {
    let mut sides: Vec<Side> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for &i in members {
        let c = &claims[i];
        match index.get(c.value.as_str()) {
            Some(&s) => sides[s].claims.push(i),
            None => {
                index.insert(c.value.as_str(), sides.len());
                sides.push(Side {
                    value: c.value.clone(),
                    reading: c.reading.clone(),
                    claims: vec![i],
                    at: None,
                    source_by_agreement: None,
                });
            }
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
/// The id of a key's finding: rule, key, modality and unit only, never a
/// value or a display string, so it survives new sources and new values.
/// The letter keeps spreadsheets from reading it as a number.
pub fn key_id(rule: &str, key: &str, modality: Modality, unit: &str) -> String {
    format!("k{:016x}", fnv1a(&["key", rule, key, &modality.to_string(), unit]))
}

/// The id findings had when they were pairs of values (before one finding
/// per key): how old review files are carried over.
pub fn legacy_pair_id(rule: &str, key: &str, modality: Modality, a: &str, b: Option<&str>) -> String {
    finding_id(rule, key, modality, a, b)
}

/// The evidence a decision on a key's finding is made on: a hash of its
/// distinct values, then each document (hashed) with the value it states.
/// Another source repeating a decided value leaves the decision standing;
/// a new value, or a decided source stating another one, does not.
pub fn evidence_of(f: &Finding, claims: &[Claim], docs: &[DocumentMeta]) -> String {
    let values: Vec<&str> = f.values.iter().map(|v| v.value.as_str()).collect();
    let mut out = format!("V{:016x}", fnv1a(&values));
    let mut pairs: Vec<(u64, usize)> = f
        .values
        .iter()
        .enumerate()
        .flat_map(|(i, v)| v.documents(claims).into_iter().map(move |d| (d, i)))
        .map(|(d, i)| (fnv1a(&[&docs[d].id]) & 0xffff_ffff, i))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    for (doc, i) in pairs {
        out.push_str(&format!(".{doc:08x}:{i}"));
    }
    out
}

/// Why a decision made on `old` evidence no longer holds for `new`, or
/// `None` when it still does.
pub fn evidence_change(old: &str, new: &str) -> Option<String> {
    if old == new {
        return None;
    }
    let parse = |e: &str| -> Option<(String, Vec<(String, String)>)> {
        let mut parts = e.split('.');
        let head = parts.next()?.strip_prefix('V')?.to_string();
        let docs = parts
            .map(|p| p.split_once(':').map(|(d, i)| (d.to_string(), i.to_string())))
            .collect::<Option<Vec<_>>>()?;
        Some((head, docs))
    };
    let (Some((old_values, old_docs)), Some((new_values, new_docs))) = (parse(old), parse(new)) else {
        return Some("the evidence changed since the decision".into());
    };
    if old_values != new_values {
        return Some("a value was added or withdrawn since the decision".into());
    }
    let changed = old_docs.iter().filter(|(d, i)| {
        let now: Vec<&String> = new_docs.iter().filter(|(nd, _)| nd == d).map(|(_, ni)| ni).collect();
        !now.is_empty() && !now.contains(&i)
    });
    match changed.count() {
        0 => None,
        n => Some(format!("{n} source(s) decided on now state another value")),
    }
}

pub(crate) fn finding_id(rule: &str, key: &str, modality: Modality, a: &str, b: Option<&str>) -> String {
    let modality = modality.to_string();
    let mut values = [a, b.unwrap_or("")];
    values.sort_unstable();
    format!("{:016x}", fnv1a(&[rule, key, &modality, values[0], values[1]]))
}

#[cfg(test)]
mod source_tests {
    use super::same_source;

    #[test]
    fn one_source_named_two_ways() {
        assert!(same_source("the prefecture", "the police prefecture"));
        assert!(same_source("Libyan Red Crescent", "the Red Crescent"));
        assert!(same_source("CGT", "the CGT"));
        assert!(!same_source("the police", "the police union"));
        assert!(!same_source("the interior ministry", "the health ministry"));
        assert!(!same_source("CGT", "CFDT"));
    }
}
