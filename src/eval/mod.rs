//! `crosscheck eval`: score a rule pack on a labelled corpus.
//!
//! The engine runs as `check` would; its claims are matched to labelled
//! claims by position (the claim's span overlaps the labelled quote) and
//! kind, then by value. Pairs of labelled claims get the relation the
//! labels expect (derived from subjects, or stated) and the relation the
//! engine's findings give them. The figures are split between the tuning
//! articles and the held-out ones (a `holdout` folder). Format and
//! semantics: docs/eval.md.

pub mod labels;

use crate::align::{Finding, Relation};
use crate::check::Analysis;
use crate::claim::{Claim, Modality, Value};
use crate::corpus::Document;
use crate::entity::{slug, Gazetteer};
use crate::quantity::{Interval, Unit};
use labels::{approx_interval, Expected, Kind, LabelClaim, LabelError, LabelModality, LabelUnit, Labels, Verdict};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::{self, Write as _};

/// Which articles figures are computed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Split {
    /// Every article.
    All,
    /// The articles rules are tuned on.
    Tune,
    /// The held-out articles (in a `holdout` folder).
    Holdout,
}

impl fmt::Display for Split {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Split::All => "all",
            Split::Tune => "tune",
            Split::Holdout => "holdout",
        })
    }
}

/// Is this document held out?
pub fn is_holdout(doc_id: &str) -> bool {
    doc_id.split('/').any(|part| part == "holdout")
}

/// A count out of a total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ratio {
    pub hit: usize,
    pub total: usize,
}

impl Ratio {
    fn add(&mut self, hit: bool) {
        self.total += 1;
        self.hit += usize::from(hit);
    }

    /// The share, or `None` when there is nothing to count.
    pub fn value(&self) -> Option<f64> {
        (self.total > 0).then(|| self.hit as f64 / self.total as f64)
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.value() {
            Some(v) => write!(f, "{:5.1}% ({}/{})", v * 100.0, self.hit, self.total),
            None => write!(f, "    - (0/0)"),
        }
    }
}

/// The figures of one split.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub documents: usize,
    /// Labelled claims found with the right value, by kind.
    pub claim_recall: BTreeMap<Kind, Ratio>,
    /// Engine claims that are labelled claims with the right value, by kind
    /// (engine claims with no kind of label count under their own kind).
    pub claim_precision: BTreeMap<Kind, Ratio>,
    /// Found claims whose modality the engine read as the labeller did.
    pub modality: Ratio,
    /// Labelled subjects of which the engine read at least one claim: what
    /// the rule packs cover at all.
    pub subjects_read: Ratio,
    /// Claim recall over the labelled claims of those subjects: what the
    /// engine misses where a rule reads the thing claimed elsewhere (the
    /// rest of the misses are things no rule reads).
    pub claim_recall_where_read: Ratio,
    /// Labelled pairs the engine relates as expected, by expected relation.
    pub relation_recall: BTreeMap<Verdict, Ratio>,
    /// Engine relations between labelled claims that are the expected ones.
    pub relation_precision: BTreeMap<Verdict, Ratio>,
    /// Traps whose two claims the engine put in one finding.
    pub traps: Ratio,
    /// Conflict findings with no labelled conflict among their pairs.
    pub unlabelled_conflicts: usize,
    pub conflict_findings: usize,
}

fn total<K>(map: &BTreeMap<K, Ratio>) -> Ratio {
    map.values().fold(Ratio::default(), |acc, r| Ratio {
        hit: acc.hit + r.hit,
        total: acc.total + r.total,
    })
}

impl Figures {
    pub fn claim_recall_total(&self) -> Ratio {
        total(&self.claim_recall)
    }
    pub fn claim_precision_total(&self) -> Ratio {
        total(&self.claim_precision)
    }
    pub fn relation_recall_total(&self) -> Ratio {
        total(&self.relation_recall)
    }
    pub fn recall_of(&self, v: Verdict) -> Ratio {
        self.relation_recall.get(&v).copied().unwrap_or_default()
    }
    pub fn precision_of(&self, v: Verdict) -> Ratio {
        self.relation_precision.get(&v).copied().unwrap_or_default()
    }
}

/// One miss or false alarm, for the detail lines.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Detail {
    pub section: Section,
    pub holdout: bool,
    pub line: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    MissedClaim,
    WrongValue,
    WrongModality,
    FalseClaim,
    MissedRelation,
    FalseRelation,
    TrapFlagged,
    UnlabelledConflict,
}

impl Section {
    fn tag(self) -> &'static str {
        match self {
            Section::MissedClaim => "missed claim",
            Section::WrongValue => "wrong value",
            Section::WrongModality => "wrong modality",
            Section::FalseClaim => "false claim",
            Section::MissedRelation => "missed relation",
            Section::FalseRelation => "false relation",
            Section::TrapFlagged => "trap flagged",
            Section::UnlabelledConflict => "unlabelled conflict",
        }
    }
}

/// The result of one evaluation.
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub all: Figures,
    pub tune: Figures,
    pub holdout: Figures,
    pub details: Vec<Detail>,
    pub labelled_claims: usize,
    pub expected_pairs: usize,
    pub traps: usize,
}

impl Evaluation {
    pub fn figures(&self, split: Split) -> &Figures {
        match split {
            Split::All => &self.all,
            Split::Tune => &self.tune,
            Split::Holdout => &self.holdout,
        }
    }

    fn each_split(&mut self, holdout: bool, mut f: impl FnMut(&mut Figures)) {
        f(&mut self.all);
        f(if holdout { &mut self.holdout } else { &mut self.tune });
    }
}

/// Rule coverage against engine misses: per split, the labelled subjects
/// of which some claim was found in that split, and claim recall over the
/// claims of those subjects.
fn coverage(eval: &mut Evaluation, labels: &Labels, found: &[bool], holdout: impl Fn(usize) -> bool) {
    // Per split (all, tune, holdout): subject -> read at least once.
    let mut read: [BTreeMap<&str, bool>; 3] = Default::default();
    for (li, label) in labels.claims.iter().enumerate() {
        for split in [0, if holdout(li) { 2 } else { 1 }] {
            *read[split].entry(label.subject.as_str()).or_default() |= found[li];
        }
    }
    for (split, figures) in [&mut eval.all, &mut eval.tune, &mut eval.holdout]
        .into_iter()
        .enumerate()
    {
        for &was_read in read[split].values() {
            figures.subjects_read.add(was_read);
        }
    }
    for (li, label) in labels.claims.iter().enumerate() {
        let h = holdout(li);
        let split = if h { 2 } else { 1 };
        if read[0][label.subject.as_str()] {
            eval.all.claim_recall_where_read.add(found[li]);
        }
        if read[split][label.subject.as_str()] {
            let f = if h { &mut eval.holdout } else { &mut eval.tune };
            f.claim_recall_where_read.add(found[li]);
        }
    }
}

/// Where a labelled quote is in its document.
#[derive(Debug, Clone, Copy)]
struct Located {
    doc: usize,
    start: usize,
    end: usize,
}

/// Find every labelled quote in the corpus; a label whose document or
/// quote is missing is an error naming the label's file and line.
fn locate(labels: &Labels, docs: &[Document]) -> Result<Vec<Located>, Vec<LabelError>> {
    let by_id: HashMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for c in &labels.claims {
        let err = |message: String| LabelError {
            path: c.file.clone(),
            line: Some(c.line),
            message: format!("claim {}: {message}", c.id),
        };
        let Some(&doc) = by_id.get(c.doc.as_str()) else {
            errors.push(err(format!("no document {:?} in the corpus", c.doc)));
            continue;
        };
        let d = &docs[doc];
        let body = d.body();
        match body.match_indices(c.quote.as_str()).nth(c.nth - 1) {
            Some((at, _)) => out.push(Located {
                doc,
                start: d.body_start + at,
                end: d.body_start + at + c.quote.len(),
            }),
            None => errors.push(err(format!(
                "quote {:?} is not in {} (occurrence {})",
                c.quote, c.doc, c.nth
            ))),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The kind of label an engine claim can match.
fn engine_kind(v: &Value) -> Kind {
    match v {
        Value::Quantity(q) => match q.unit {
            Unit::Count => Kind::Count,
            Unit::Percent => Kind::Share,
            Unit::Money(_) => Kind::Money,
        },
        Value::Date(_) | Value::UnresolvedDate => Kind::Date,
        Value::Roster(_) => Kind::Roster,
        Value::Membership { .. } => Kind::Membership,
    }
}

fn close(a: f64, b: f64) -> bool {
    if a.is_infinite() || b.is_infinite() {
        return a == b;
    }
    (a - b).abs() <= 0.005 * a.abs().max(b.abs()).max(1e-9)
}

/// Does the engine's interval say what the label says? Ends within 0.5%,
/// open or closed alike; `~v` takes any reading holding v within 25%; a
/// stated figure matches a rounding read around it ("10,000" read as
/// [7500, 12500] where the rule takes round numbers as approximate, a label
/// [41.5, 42.5] for "42 percent"); an open share ends at 100%.
fn interval_matches(label: &Interval, approx: Option<f64>, read: &Interval, percent: bool) -> bool {
    let cap = |hi: f64| if percent && hi.is_infinite() { 100.0 } else { hi };
    let (label_hi, read_hi) = (cap(label.hi), cap(read.hi));
    match approx {
        Some(v) => {
            let (lo, hi) = (v - v.abs() * 0.25, v + v.abs() * 0.25);
            read.lo <= v + 1e-9 && read_hi >= v - 1e-9 && read.lo >= lo - 1e-9 && read_hi <= hi + 1e-9
        }
        None => {
            let same = close(label.lo, read.lo) && close(label_hi, read_hi);
            let centred = |point: &Interval, around: (f64, f64)| {
                let (lo, hi) = around;
                point.is_point()
                    && hi.is_finite()
                    && hi - lo <= 0.5 * point.lo.abs()
                    && close(point.lo, (lo + hi) / 2.0)
            };
            same || centred(label, (read.lo, read_hi)) || centred(read, (label.lo, label_hi))
        }
    }
}

fn entity_id(gazetteer: &Gazetteer, name: &str) -> String {
    gazetteer.lookup(name).map_or_else(|| slug(name), |e| e.id.clone())
}

/// What a labelled participant stands for: a person their country.
fn participant_id(gazetteer: &Gazetteer, name: &str) -> String {
    let id = entity_id(gazetteer, name);
    gazetteer.participant(&id, None).map_or(id, |e| e.id.clone())
}

fn value_matches(gazetteer: &Gazetteer, label: &LabelClaim, claim: &Claim) -> bool {
    match (&label.value, &claim.reading) {
        (Expected::Number { interval, approx, unit }, Value::Quantity(q)) => {
            let unit_ok = match (unit, &q.unit) {
                (LabelUnit::Count, Unit::Count) | (LabelUnit::Percent, Unit::Percent) => true,
                (LabelUnit::Money(a), Unit::Money(b)) => a == b,
                _ => false,
            };
            unit_ok && interval_matches(interval, *approx, &q.interval, q.unit == Unit::Percent)
        }
        (Expected::Date(want), Value::Date(got)) => want == got,
        (Expected::Roster(names), Value::Roster(r)) => {
            let want: BTreeSet<String> = names.iter().map(|n| participant_id(gazetteer, n)).collect();
            let got: BTreeSet<String> = r
                .members
                .iter()
                .cloned()
                .chain(r.unknown.iter().map(|u| slug(u)))
                .collect();
            want == got
        }
        (Expected::Membership { entity, present }, Value::Membership { entity: e, present: p }) => {
            // A person named in the label stands for what they represent,
            // as the engine reads them.
            let id = entity_id(gazetteer, entity);
            let stands_for = gazetteer.participant(&id, None).map(|x| x.id.clone());
            present == p && (id == *e || stands_for.as_deref() == Some(e.as_str()))
        }
        _ => false,
    }
}

/// The engine's modality for a labeller's.
fn engine_modality(m: LabelModality) -> Modality {
    match m {
        LabelModality::Fact => Modality::Fact,
        LabelModality::Target | LabelModality::Proposal => Modality::Target,
        LabelModality::Estimate | LabelModality::Projection => Modality::Estimate,
        LabelModality::Opinion => Modality::Opinion,
    }
}

fn verdict_of(r: Relation) -> Verdict {
    match r {
        Relation::Agree => Verdict::Agree,
        Relation::Compatible => Verdict::Compatible,
        Relation::Conflict => Verdict::Conflict,
        Relation::Partial => Verdict::Partial,
        Relation::Variant => Verdict::Variant,
        Relation::Update => Verdict::Update,
        Relation::Divergent => Verdict::Divergent,
    }
}

/// How two labelled values relate: agree, compatible, conflict (rosters:
/// partial when one lies inside the other). Two exact figures that differ
/// beyond the decimals one of them states are a rounding: compatible.
fn labelled_relation(gazetteer: &Gazetteer, a: &LabelClaim, b: &LabelClaim) -> Verdict {
    let v = value_relation(gazetteer, &a.value, &b.value);
    if v != Verdict::Conflict {
        return v;
    }
    let point = |e: &Expected| match e {
        Expected::Number {
            interval, approx: None, ..
        } if interval.is_point() => Some(interval.lo),
        _ => None,
    };
    let (Some(x), Some(y)) = (point(&a.value), point(&b.value)) else {
        return v;
    };
    let within = |v: f64, written: &str, o: f64| {
        crate::align::interval::stated_precision(written)
            .is_some_and(|h| o >= v - h - 1e-9 * v.abs().max(1.0) && o < v + h)
    };
    if within(x, &a.value_text, y) || within(y, &b.value_text, x) {
        Verdict::Compatible
    } else {
        v
    }
}

fn value_relation(gazetteer: &Gazetteer, a: &Expected, b: &Expected) -> Verdict {
    match (a, b) {
        (
            Expected::Number {
                interval: x,
                approx: ax,
                ..
            },
            Expected::Number {
                interval: y,
                approx: ay,
                ..
            },
        ) => {
            let x = ax.map_or(*x, approx_interval);
            let y = ay.map_or(*y, approx_interval);
            if close(x.lo, y.lo) && close(x.hi, y.hi) && x.lo_open == y.lo_open && x.hi_open == y.hi_open {
                Verdict::Agree
            } else if x.intersect(&y).is_some() {
                Verdict::Compatible
            } else {
                Verdict::Conflict
            }
        }
        (Expected::Date(x), Expected::Date(y)) => {
            if x == y {
                Verdict::Agree
            } else if x.overlaps(y) {
                Verdict::Compatible
            } else {
                Verdict::Conflict
            }
        }
        (Expected::Roster(x), Expected::Roster(y)) => {
            let x: BTreeSet<String> = x.iter().map(|n| entity_id(gazetteer, n)).collect();
            let y: BTreeSet<String> = y.iter().map(|n| entity_id(gazetteer, n)).collect();
            if x == y {
                Verdict::Agree
            } else if x.is_subset(&y) || y.is_subset(&x) {
                Verdict::Partial
            } else {
                Verdict::Conflict
            }
        }
        (
            Expected::Membership {
                entity: e1,
                present: p1,
            },
            Expected::Membership {
                entity: e2,
                present: p2,
            },
        ) => {
            if entity_id(gazetteer, e1) != entity_id(gazetteer, e2) || p1 == p2 {
                Verdict::Agree
            } else {
                Verdict::Conflict
            }
        }
        _ => Verdict::Compatible,
    }
}

/// The relation the labels expect between two claims of one subject and
/// modality (docs/eval.md, "Derived relations").
pub fn derived_relation(gazetteer: &Gazetteer, a: &LabelClaim, b: &LabelClaim) -> Verdict {
    let by_value = labelled_relation(gazetteer, a, b);
    if let (Some(x), Some(y)) = (a.as_of, b.as_of) {
        if x != y && by_value != Verdict::Agree {
            return Verdict::Update;
        }
    }
    if by_value == Verdict::Conflict
        && a.modality.is_speculative()
        && b.modality.is_speculative()
        && a.by.as_deref().map(str::to_lowercase) != b.by.as_deref().map(str::to_lowercase)
    {
        return Verdict::Divergent;
    }
    by_value
}

fn ordered(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}

/// Score the engine's analysis of the labelled corpus.
pub fn evaluate(
    gazetteer: &Gazetteer,
    changes_over_time: &dyn Fn(&str) -> crate::rules::Change,
    labels: &Labels,
    docs: &[Document],
    analysis: &Analysis,
) -> Result<Evaluation, Vec<LabelError>> {
    let claims = &analysis.claims;
    let findings = &analysis.findings;
    let located = locate(labels, docs)?;
    let ids: HashMap<&str, usize> = labels
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let holdout_doc: Vec<bool> = docs.iter().map(|d| is_holdout(&d.id)).collect();
    let labelled_docs: BTreeSet<usize> = located.iter().map(|l| l.doc).collect();

    let mut eval = Evaluation {
        all: Figures::default(),
        tune: Figures::default(),
        holdout: Figures::default(),
        details: Vec::new(),
        labelled_claims: labels.claims.len(),
        expected_pairs: 0,
        traps: labels.traps.len(),
    };
    for &d in &labelled_docs {
        eval.each_split(holdout_doc[d], |f| f.documents += 1);
    }

    // Engine claims ↔ labels: same document, overlapping, same kind.
    let mut claims_of_label: Vec<Vec<usize>> = vec![Vec::new(); labels.claims.len()];
    let mut labels_of_claim: Vec<Vec<usize>> = vec![Vec::new(); claims.len()];
    let mut by_doc: HashMap<usize, Vec<usize>> = HashMap::new();
    for (li, loc) in located.iter().enumerate() {
        by_doc.entry(loc.doc).or_default().push(li);
    }
    for (ci, c) in claims.iter().enumerate() {
        let Some(lis) = by_doc.get(&c.doc) else { continue };
        for &li in lis {
            let loc = located[li];
            if c.span.start < loc.end && loc.start < c.span.end && engine_kind(&c.reading) == labels.claims[li].kind {
                claims_of_label[li].push(ci);
                labels_of_claim[ci].push(li);
            }
        }
    }
    let where_is = |doc: usize, start: usize| {
        let d = &docs[doc];
        let (line, col) = d.position(start);
        format!("{}:{line}:{col}", d.id)
    };
    let label_at = |li: usize| {
        let l = &labels.claims[li];
        format!(
            "{} {:?} ({})",
            where_is(located[li].doc, located[li].start),
            l.quote,
            l.id
        )
    };

    // Claims: recall by label, precision by engine claim.
    let mut found_label = vec![false; labels.claims.len()];
    for (li, label) in labels.claims.iter().enumerate() {
        let holdout = holdout_doc[located[li].doc];
        let mut right: Vec<usize> = claims_of_label[li]
            .iter()
            .copied()
            .filter(|&ci| value_matches(gazetteer, label, &claims[ci]))
            .collect();
        // Of several rules' claims at one place, judge the one that is
        // compared (has a key) before one that is compared with nothing.
        right.sort_by_key(|&ci| claims[ci].key.is_none());
        let found = !right.is_empty();
        found_label[li] = found;
        eval.each_split(holdout, |f| f.claim_recall.entry(label.kind).or_default().add(found));
        if let Some(&ci) = right.first() {
            let same = claims[ci].modality == engine_modality(label.modality);
            eval.each_split(holdout, |f| f.modality.add(same));
            // A claim read with another modality is compared with others
            // than the labeller's: say which.
            if !same {
                eval.details.push(Detail {
                    section: Section::WrongModality,
                    holdout,
                    line: format!(
                        "{} [{} {}] labelled {}: read as {} ({})",
                        label_at(li),
                        label.kind,
                        label.subject,
                        engine_modality(label.modality),
                        claims[ci].modality,
                        claims[ci].rule
                    ),
                });
            }
        } else {
            let read: Vec<String> = claims_of_label[li]
                .iter()
                .map(|&ci| format!("{} ({})", claims[ci].value, claims[ci].rule))
                .collect();
            let (section, how) = if read.is_empty() {
                (Section::MissedClaim, "not found".to_string())
            } else {
                (Section::WrongValue, format!("read as {}", read.join(", ")))
            };
            eval.details.push(Detail {
                section,
                holdout,
                line: format!(
                    "{} [{} {}] expected {}: {how}",
                    label_at(li),
                    label.kind,
                    label.subject,
                    label.value_text
                ),
            });
        }
    }
    coverage(&mut eval, labels, &found_label, |li| holdout_doc[located[li].doc]);
    for (ci, c) in claims.iter().enumerate() {
        if !labelled_docs.contains(&c.doc) {
            continue;
        }
        let holdout = holdout_doc[c.doc];
        let right = labels_of_claim[ci]
            .iter()
            .any(|&li| value_matches(gazetteer, &labels.claims[li], c));
        eval.each_split(holdout, |f| {
            f.claim_precision.entry(engine_kind(&c.reading)).or_default().add(right)
        });
        if !right && labels_of_claim[ci].is_empty() {
            eval.details.push(Detail {
                section: Section::FalseClaim,
                holdout,
                line: format!(
                    "{} {:?} read as {} by {} (key {})",
                    where_is(c.doc, c.span.start),
                    c.text(),
                    c.value,
                    c.rule,
                    c.key_display()
                ),
            });
        }
    }

    // Expected relations: derived within (subject, modality), then stated.
    let mut expected: HashMap<(usize, usize), Verdict> = HashMap::new();
    let mut groups: BTreeMap<(&str, LabelModality), Vec<usize>> = BTreeMap::new();
    for (li, l) in labels.claims.iter().enumerate() {
        groups.entry((l.subject.as_str(), l.modality)).or_default().push(li);
    }
    for members in groups.values() {
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                let v = derived_relation(gazetteer, &labels.claims[a], &labels.claims[b]);
                // Two mentions of one value in one article tell an editor nothing.
                if v == Verdict::Agree && located[a].doc == located[b].doc {
                    continue;
                }
                expected.insert(ordered(a, b), v);
            }
        }
    }
    for r in &labels.relations {
        if let (Some(&a), Some(&b), Some(v)) = (ids.get(r.a.as_str()), ids.get(r.b.as_str()), r.relation) {
            expected.insert(ordered(a, b), v);
        }
    }
    eval.expected_pairs = expected.len();

    // The engine's relations between labelled claims, from its findings.
    let mut engine: HashMap<(usize, usize), BTreeSet<Verdict>> = HashMap::new();
    let mut findings_of_claim: Vec<Vec<usize>> = vec![Vec::new(); claims.len()];
    for (fi, f) in findings.iter().enumerate() {
        // A key's finding lists every value; an older-style finding (rosters,
        // spellings) its sides a and b.
        let key_values = !f.values.is_empty();
        let sides: Vec<&crate::align::Side> = if key_values {
            f.values.iter().collect()
        } else {
            std::iter::once(&f.a).chain(f.b.as_ref()).collect()
        };
        for side in &sides {
            for &ci in &side.claims {
                findings_of_claim[ci].push(fi);
            }
        }
        let labels_on = |side: &crate::align::Side| -> BTreeSet<usize> {
            side.claims
                .iter()
                .flat_map(|&ci| labels_of_claim[ci].iter().copied())
                .collect()
        };
        let on: Vec<BTreeSet<usize>> = sides.iter().map(|s| labels_on(s)).collect();
        let changes = changes_over_time(&f.rule);
        let unplaced = if key_values {
            crate::align::unplaced(claims, &f.values, &f.clusters, changes)
        } else {
            Vec::new()
        };
        for (si, x) in on.iter().enumerate() {
            let xs: Vec<usize> = x.iter().copied().collect();
            for (i, &a) in xs.iter().enumerate() {
                for &b in &xs[i + 1..] {
                    if located[a].doc != located[b].doc {
                        engine.entry(ordered(a, b)).or_default().insert(Verdict::Agree);
                    }
                }
            }
            for (sj, y) in on.iter().enumerate().skip(si + 1) {
                if x.is_empty() || y.is_empty() {
                    continue;
                }
                let stated = f
                    .pairs
                    .iter()
                    .find(|&&(i, j, _)| (i, j) == (si, sj) || (j, i) == (si, sj))
                    .map(|&(_, _, r)| r);
                let relation = if let Some(r) = stated {
                    r
                } else if !f.pairs.is_empty() {
                    // Values of a key whose pairs are stated, and this one
                    // is not among them: the engine did not compare them.
                    continue;
                } else if key_values {
                    match crate::align::relation_between(
                        claims,
                        &analysis.corpus.documents,
                        sides[si],
                        sides[sj],
                        f.clusters[si] == f.clusters[sj],
                        changes,
                        &unplaced,
                    ) {
                        Some(r) => r,
                        // From an article that cannot be placed: not compared.
                        None => continue,
                    }
                } else {
                    f.relation
                };
                for &a in x {
                    for &b in y {
                        if a != b {
                            engine.entry(ordered(a, b)).or_default().insert(verdict_of(relation));
                        }
                    }
                }
            }
        }
    }

    let pair_holdout = |a: usize, b: usize| holdout_doc[located[a].doc] || holdout_doc[located[b].doc];
    let mut pairs: Vec<(&(usize, usize), &Verdict)> = expected.iter().collect();
    pairs.sort();
    for (&(a, b), &want) in pairs {
        let got = engine.get(&(a, b));
        let hit = got.is_some_and(|g| g.contains(&want));
        let holdout = pair_holdout(a, b);
        eval.each_split(holdout, |f| f.relation_recall.entry(want).or_default().add(hit));
        if !hit {
            let said = got.map_or("not compared".to_string(), |g| {
                format!(
                    "engine says {}",
                    g.iter().map(ToString::to_string).collect::<Vec<_>>().join("/")
                )
            });
            eval.details.push(Detail {
                section: Section::MissedRelation,
                holdout,
                line: format!("expected {want}, {said}: {} / {}", label_at(a), label_at(b)),
            });
        }
    }
    let mut said: Vec<(&(usize, usize), &BTreeSet<Verdict>)> = engine.iter().collect();
    said.sort();
    for (&(a, b), verdicts) in said {
        let want = expected.get(&(a, b));
        let holdout = pair_holdout(a, b);
        for &v in verdicts {
            let right = want == Some(&v);
            eval.each_split(holdout, |f| f.relation_precision.entry(v).or_default().add(right));
            if !right && v != Verdict::Agree {
                let why = match want {
                    Some(w) => format!("labels say {w}"),
                    None => format!(
                        "labels never compare them ({} / {})",
                        labels.claims[a].subject, labels.claims[b].subject
                    ),
                };
                eval.details.push(Detail {
                    section: Section::FalseRelation,
                    holdout,
                    line: format!("engine says {v}, {why}: {} / {}", label_at(a), label_at(b)),
                });
            }
        }
    }

    // Traps: both claims in one finding, whatever its relation.
    for t in &labels.traps {
        let (Some(&a), Some(&b)) = (ids.get(t.a.as_str()), ids.get(t.b.as_str())) else {
            continue;
        };
        let findings_of = |li: usize| -> BTreeSet<usize> {
            claims_of_label[li]
                .iter()
                .flat_map(|&ci| findings_of_claim[ci].iter().copied())
                .collect()
        };
        let shared: Vec<usize> = findings_of(a).intersection(&findings_of(b)).copied().collect();
        let flagged = !shared.is_empty();
        let holdout = pair_holdout(a, b);
        eval.each_split(holdout, |f| f.traps.add(flagged));
        if let Some(&fi) = shared.first() {
            eval.details.push(Detail {
                section: Section::TrapFlagged,
                holdout,
                line: format!(
                    "{} ({}): {} / {} in finding {} ({}, key {})",
                    t.why,
                    t.file.display(),
                    label_at(a),
                    label_at(b),
                    findings[fi].id,
                    findings[fi].relation,
                    findings[fi].key
                ),
            });
        }
    }

    // Conflict findings with no labelled conflict behind them.
    for f in findings.iter().filter(|f| f.relation == Relation::Conflict) {
        let docs_of = f.documents(claims);
        if !docs_of.iter().any(|d| labelled_docs.contains(d)) {
            continue;
        }
        let holdout = docs_of.iter().any(|&d| holdout_doc[d]);
        // Labelled when two of its values in different clusters are a
        // labelled conflict.
        let sides: Vec<(&crate::align::Side, usize)> = if f.values.is_empty() {
            std::iter::once((&f.a, 0)).chain(f.b.as_ref().map(|b| (b, 1))).collect()
        } else {
            f.values.iter().zip(f.clusters.iter().copied()).collect()
        };
        let labelled = sides.iter().enumerate().any(|(i, (x, cx))| {
            sides[i + 1..].iter().any(|(y, cy)| {
                cx != cy
                    && x.claims.iter().any(|&ca| {
                        y.claims.iter().any(|&cb| {
                            labels_of_claim[ca].iter().any(|&la| {
                                labels_of_claim[cb]
                                    .iter()
                                    .any(|&lb| expected.get(&ordered(la, lb)) == Some(&Verdict::Conflict))
                            })
                        })
                    })
            })
        });
        eval.each_split(holdout, |fig| {
            fig.conflict_findings += 1;
            fig.unlabelled_conflicts += usize::from(!labelled);
        });
        if !labelled {
            eval.details.push(Detail {
                section: Section::UnlabelledConflict,
                holdout,
                line: describe_conflict(f, claims, docs),
            });
        }
    }
    eval.details.sort();
    Ok(eval)
}

fn describe_conflict(f: &Finding, claims: &[Claim], docs: &[Document]) -> String {
    let side = |claims_of: &[usize]| {
        let c = &claims[claims_of[0]];
        let d = &docs[c.doc];
        let (line, col) = d.position(c.span.start);
        format!("{:?} {} ({}:{line}:{col})", c.text(), c.value, d.id)
    };
    let b = f.b.as_ref().map_or(String::new(), |b| side(&b.claims));
    format!("{} key {} ({}): {} vs {}", f.id, f.key, f.rule, side(&f.a.claims), b)
}

/// What stops an evaluation.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{0}")]
    Labels(#[from] labels::LabelErrors),
    #[error("{0}")]
    Rules(#[from] crate::rules::RuleErrors),
    #[error("corpus: {0}")]
    Corpus(#[from] crate::corpus::CorpusError),
}

/// The folder a label folder or file's corpus is by default: `corpus/`
/// beside the folder holding the labels.
pub fn default_corpus(labels: &std::path::Path) -> std::path::PathBuf {
    let folder = if labels.is_dir() {
        labels
    } else {
        labels.parent().unwrap_or(std::path::Path::new("."))
    };
    folder.parent().unwrap_or(std::path::Path::new(".")).join("corpus")
}

/// Load the labels, the rules and the corpus, run the engine, score it.
pub fn run(
    labels_path: &std::path::Path,
    corpus: &std::path::Path,
    rules: &[std::path::PathBuf],
) -> Result<(Labels, Analysis, Evaluation), EvalError> {
    let labels = labels::load(labels_path)?;
    let pack = crate::rules::RulePack::load_all(rules)?;
    let corpus = crate::corpus::load_corpus(corpus)?;
    let analysis = crate::check::analyse(&pack, &corpus);
    let changes = |rule: &str| pack.rule(rule).map_or(crate::rules::Change::Fixed, |r| r.change);
    let evaluation =
        evaluate(&pack.gazetteer, &changes, &labels, &corpus.documents, &analysis).map_err(labels::LabelErrors)?;
    Ok((labels, analysis, evaluation))
}

/// A floor that did not hold, in words.
pub fn check_floors(floors: &labels::Floors, f: &Figures) -> Vec<String> {
    let mut failed = Vec::new();
    let mut at_least = |name: &str, floor: Option<f64>, got: Ratio| {
        if let Some(floor) = floor {
            let v = got.value().unwrap_or(0.0);
            if v + 1e-9 < floor {
                failed.push(format!("{name} {:.3} is below its floor {floor:.3}", v));
            }
        }
    };
    at_least("claim recall", floors.claim_recall, f.claim_recall_total());
    at_least("claim precision", floors.claim_precision, f.claim_precision_total());
    at_least("relation recall", floors.relation_recall, f.relation_recall_total());
    at_least(
        "conflict recall",
        floors.conflict_recall,
        f.recall_of(Verdict::Conflict),
    );
    at_least(
        "conflict precision",
        floors.conflict_precision,
        f.precision_of(Verdict::Conflict),
    );
    if let Some(max) = floors.traps_flagged {
        if f.traps.hit > max {
            failed.push(format!("{} traps flagged, at most {max} allowed", f.traps.hit));
        }
    }
    if let Some(max) = floors.unlabelled_conflicts {
        if f.unlabelled_conflicts > max {
            failed.push(format!(
                "{} unlabelled conflicts, at most {max} allowed",
                f.unlabelled_conflicts
            ));
        }
    }
    failed
}

/// The figures as a table: one row per measure, one column per split.
pub fn figures_table(e: &Evaluation) -> String {
    let mut out = String::new();
    let splits = [&e.all, &e.tune, &e.holdout];
    let _ = writeln!(
        out,
        "{:<24}{:<26}{:<26}{:<26}",
        "",
        format!("all ({} docs)", e.all.documents),
        format!("tune ({})", e.tune.documents),
        format!("holdout ({})", e.holdout.documents)
    );
    let mut row = |name: &str, get: &dyn Fn(&Figures) -> String| {
        let _ = write!(out, "{name:<24}");
        for f in splits {
            let _ = write!(out, "{:<26}", get(f));
        }
        out.push('\n');
    };
    row("claim recall", &|f| f.claim_recall_total().to_string());
    for k in Kind::ALL {
        if e.all.claim_recall.contains_key(&k) {
            row(&format!("  {k}"), &|f| {
                f.claim_recall.get(&k).copied().unwrap_or_default().to_string()
            });
        }
    }
    row("subjects read", &|f| f.subjects_read.to_string());
    row("  their claims found", &|f| f.claim_recall_where_read.to_string());
    row("claim precision", &|f| f.claim_precision_total().to_string());
    for k in Kind::ALL {
        if e.all.claim_precision.contains_key(&k) {
            row(&format!("  {k}"), &|f| {
                f.claim_precision.get(&k).copied().unwrap_or_default().to_string()
            });
        }
    }
    row("modality right", &|f| f.modality.to_string());
    row("relation recall", &|f| f.relation_recall_total().to_string());
    for v in Verdict::ALL {
        if e.all.relation_recall.contains_key(&v) {
            row(&format!("  {v}"), &|f| f.recall_of(v).to_string());
        }
    }
    row("relation precision", &|_| String::new());
    for v in Verdict::ALL {
        if e.all.relation_precision.contains_key(&v) {
            row(&format!("  {v}"), &|f| f.precision_of(v).to_string());
        }
    }
    row("traps flagged", &|f| format!("{}/{}", f.traps.hit, f.traps.total));
    row("unlabelled conflicts", &|f| {
        format!("{} of {}", f.unlabelled_conflicts, f.conflict_findings)
    });
    out
}

/// The detail lines, one per miss or false alarm, grouped by section.
pub fn detail_lines(e: &Evaluation, split: Split) -> String {
    let mut out = String::new();
    for d in &e.details {
        let shown = match split {
            Split::All => true,
            Split::Tune => !d.holdout,
            Split::Holdout => d.holdout,
        };
        if shown {
            let _ = writeln!(
                out,
                "{:<20} {}{}",
                d.section.tag(),
                if d.holdout { "[holdout] " } else { "" },
                d.line
            );
        }
    }
    out
}
