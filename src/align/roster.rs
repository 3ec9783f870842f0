//! The attendance comparator: rosters and memberships of one event.
//!
//! Each source's claims about an event are pooled: who it places there,
//! who it keeps away. Then:
//! - an entity one source places there and another (or the same) says was
//!   absent, excluded or not invited: `conflict`;
//! - a list stated as complete ("only", "the five", a count) that misses
//!   someone another source places there: `conflict`;
//! - a count beside a list that does not match the list's length:
//!   `conflict` within one source;
//! - two sources' participants that differ only by omission: `partial`,
//!   naming what each lacks; the same participants: `agree`.

use super::{finding_id, Finding, Relation, Side};
use crate::claim::{Claim, Modality, Roster, Value};
use crate::entity::Gazetteer;
use std::collections::{BTreeMap, BTreeSet};

/// What one document says about the event.
#[derive(Default)]
struct Source {
    present: BTreeMap<String, Vec<usize>>,
    absent: BTreeMap<String, Vec<usize>>,
    rosters: Vec<usize>,
}

fn names(gazetteer: &Gazetteer, ids: &[&String]) -> String {
    let names: Vec<String> = ids
        .iter()
        .map(|id| gazetteer.get(id).map_or(id.to_string(), |e| e.name.clone()))
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn side(value: String, members: Vec<String>, mut claims: Vec<usize>) -> Side {
    claims.sort_unstable();
    claims.dedup();
    let reading = Value::Roster(Roster {
        members,
        unknown: Vec::new(),
        complete: false,
        count: None,
    });
    Side {
        value,
        reading,
        claims,
        at: None,
        source_by_agreement: None,
    }
}

/// The one finding for the attendance claims (`members`) under one key:
/// every participant list and every absence is a value; the finding's
/// relation is the strongest between them.
pub fn compare(
    gazetteer: &Gazetteer,
    claims: &[Claim],
    docs_ids: &[&str],
    key: &str,
    members: &[usize],
) -> Option<Finding> {
    let parts = compare_pairs(gazetteer, claims, docs_ids, key, members);
    fold(key, parts)
}

/// One key's attendance findings as pairs, the way they were reported
/// before one finding per key; [`fold`] makes them one.
fn compare_pairs(
    gazetteer: &Gazetteer,
    claims: &[Claim],
    docs_ids: &[&str],
    key: &str,
    members: &[usize],
) -> Vec<Finding> {
    let mut sources: BTreeMap<usize, Source> = BTreeMap::new();
    for &i in members {
        let c = &claims[i];
        let s = sources.entry(c.doc).or_default();
        match &c.reading {
            Value::Roster(r) => {
                s.rosters.push(i);
                for m in &r.members {
                    s.present.entry(m.clone()).or_default().push(i);
                }
            }
            Value::Membership { entity, present: true } => s.present.entry(entity.clone()).or_default().push(i),
            Value::Membership { entity, present: false } => s.absent.entry(entity.clone()).or_default().push(i),
            _ => {}
        }
    }
    let rule = members.first().map_or("attendance", |&i| &*claims[i].rule).to_string();
    let name = |id: &str| gazetteer.get(id).map_or(id.to_string(), |e| e.name.clone());
    let doc_name = |d: usize| docs_ids[d];
    let mut out = Vec::new();
    let mut push = |relation: Relation, a: Side, b: Option<Side>, explanation: String| {
        out.push(Finding {
            id: finding_id(
                "attendance",
                key,
                Modality::Fact,
                &a.value,
                b.as_ref().map(|b| b.value.as_str()),
            ),
            relation,
            rule: rule.clone(),
            key: key.to_string(),
            modality: Modality::Fact,
            a,
            b,
            explanation,
            evidence: String::new(),
            values: Vec::new(),
            clusters: Vec::new(),
            pairs: Vec::new(),
            legacy_ids: Vec::new(),
        });
    };

    // Present against absent, entity by entity.
    let absent_ids: BTreeSet<&String> = sources.values().flat_map(|s| s.absent.keys()).collect();
    for x in absent_ids {
        let here: Vec<usize> = sources
            .values()
            .filter_map(|s| s.present.get(x))
            .flatten()
            .copied()
            .collect();
        let away: Vec<usize> = sources
            .values()
            .filter_map(|s| s.absent.get(x))
            .flatten()
            .copied()
            .collect();
        if here.is_empty() {
            continue;
        }
        let n = name(x);
        let explanation = format!(
            "{} places {n} at the event; {} says {n} was absent, excluded or not invited",
            doc_name(claims[here[0]].doc),
            doc_name(claims[away[0]].doc)
        );
        push(
            Relation::Conflict,
            side(format!("{n}: present"), vec![x.clone()], here),
            Some(side(format!("{n}: absent"), Vec::new(), away)),
            explanation,
        );
    }

    // A count beside a list that does not match it.
    for s in sources.values() {
        for &r in &s.rosters {
            let Value::Roster(roster) = &claims[r].reading else {
                continue;
            };
            if let Some(n) = roster.count {
                if roster.unknown.is_empty() && roster.members.len() != n as usize {
                    let explanation = format!(
                        "{} says {n} but lists {}: {}",
                        doc_name(claims[r].doc),
                        roster.members.len(),
                        names(gazetteer, &roster.members.iter().collect::<Vec<_>>())
                    );
                    push(
                        Relation::Conflict,
                        side(claims[r].value.clone(), roster.members.clone(), vec![r]),
                        None,
                        explanation,
                    );
                }
            }
        }
    }

    // Sources naming the same participants form one cluster (as equal
    // values form one side), so a thousand copies of an article cost one
    // comparison, not a million.
    let mut clusters: Vec<Cluster> = Vec::new();
    for (&d, s) in sources
        .iter()
        .filter(|(_, s)| !s.rosters.is_empty() || s.present.len() >= 2)
    {
        let set: BTreeSet<String> = s.present.keys().cloned().collect();
        let evidence: Vec<usize> = s.present.values().flatten().copied().collect();
        match clusters.iter_mut().find(|c| c.present == set) {
            Some(c) => {
                c.docs.push(d);
                c.evidence.extend(evidence);
            }
            None => clusters.push(Cluster {
                present: set,
                docs: vec![d],
                evidence,
            }),
        }
    }

    // A complete list against another source's participants; equal
    // complete lists are taken together.
    let mut complete: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
    for s in sources.values() {
        for &r in &s.rosters {
            if let Value::Roster(roster) = &claims[r].reading {
                if roster.complete && roster.unknown.is_empty() {
                    complete.entry(roster.members.clone()).or_default().push(r);
                }
            }
        }
    }
    let mut contradicted: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (listed, rosters) in &complete {
        let listing_docs: BTreeSet<usize> = rosters.iter().map(|&r| claims[r].doc).collect();
        for (ci, c) in clusters.iter().enumerate() {
            let extra: Vec<&String> = c.present.iter().filter(|x| !listed.contains(x)).collect();
            let others: Vec<usize> = c.docs.iter().copied().filter(|d| !listing_docs.contains(d)).collect();
            if extra.is_empty() || others.is_empty() {
                continue;
            }
            for (cj, other) in clusters.iter().enumerate() {
                if other.docs.iter().any(|d| listing_docs.contains(d)) {
                    contradicted.insert((ci.min(cj), ci.max(cj)));
                }
            }
            let evidence: Vec<usize> = others
                .iter()
                .flat_map(|d| {
                    extra
                        .iter()
                        .filter_map(|x| sources[d].present.get(*x))
                        .flatten()
                        .copied()
                })
                .collect();
            let explanation = format!(
                "{} gives the complete list ({}); {} also places {} there",
                doc_name(claims[rosters[0]].doc),
                names(gazetteer, &listed.iter().collect::<Vec<_>>()),
                doc_name(others[0]),
                names(gazetteer, &extra)
            );
            let b_value = format!("{}: present", names(gazetteer, &extra));
            push(
                Relation::Conflict,
                side(claims[rosters[0]].value.clone(), listed.clone(), rosters.clone()),
                Some(side(b_value, extra.iter().map(|x| x.to_string()).collect(), evidence)),
                explanation,
            );
        }
    }

    // Cluster against cluster: several sources naming the same
    // participants agree; two sets that differ only by omission are partial.
    let value = |p: &BTreeSet<String>| names(gazetteer, &p.iter().collect::<Vec<_>>());
    let members = |p: &BTreeSet<String>| p.iter().cloned().collect::<Vec<_>>();
    for c in clusters.iter().filter(|c| c.docs.len() > 1) {
        let docs: Vec<&str> = c.docs.iter().map(|&d| doc_name(d)).collect();
        let explanation = format!("{} sources name the same participants: {}", docs.len(), docs.join(", "));
        push(
            Relation::Agree,
            side(value(&c.present), members(&c.present), c.evidence.clone()),
            None,
            explanation,
        );
    }
    for (i, a) in clusters.iter().enumerate() {
        for (j, b) in clusters.iter().enumerate().skip(i + 1) {
            if contradicted.contains(&(i, j)) {
                continue;
            }
            let mut parts = Vec::new();
            for (only, docs) in [
                (a.present.difference(&b.present), &a.docs),
                (b.present.difference(&a.present), &b.docs),
            ] {
                let only: Vec<&String> = only.collect();
                if !only.is_empty() {
                    let verb = if only.len() == 1 { "appears" } else { "appear" };
                    let docs: Vec<&str> = docs.iter().map(|&d| doc_name(d)).collect();
                    parts.push(format!(
                        "{} {verb} only in {}",
                        names(gazetteer, &only),
                        docs.join(", ")
                    ));
                }
            }
            let explanation = format!("{}; neither list claims to be complete", parts.join("; "));
            push(
                Relation::Partial,
                side(value(&a.present), members(&a.present), a.evidence.clone()),
                Some(side(value(&b.present), members(&b.present), b.evidence.clone())),
                explanation,
            );
        }
    }
    out
}

/// At most this many of the other pairs' explanations are spelt out in a
/// key's explanation; the values column and the reports list them all.
const EXPLAINED_PAIRS: usize = 4;

/// Fold one key's attendance pairs into one finding: each distinct list or
/// absence a value, the pairs kept as the relations between values, the
/// strongest pair as its sides `a` and `b`, the pairs' ids carried so
/// decisions made on them still apply.
fn fold(key: &str, mut parts: Vec<Finding>) -> Option<Finding> {
    // Strongest first; a stable sort keeps the order they were found in.
    parts.sort_by_key(|f| std::cmp::Reverse(super::strength(f.relation)));
    let top = parts.first()?.clone();
    let mut values: Vec<Side> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut add = |side: &Side, values: &mut Vec<Side>| -> usize {
        match index.get(&side.value) {
            Some(&i) => {
                let v: &mut Side = &mut values[i];
                v.claims.extend(&side.claims);
                v.claims.sort_unstable();
                v.claims.dedup();
                i
            }
            None => {
                index.insert(side.value.clone(), values.len());
                values.push(side.clone());
                values.len() - 1
            }
        }
    };
    let mut pairs = Vec::new();
    for f in &parts {
        let i = add(&f.a, &mut values);
        let j = f.b.as_ref().map_or(i, |b| add(b, &mut values));
        pairs.push((i, j, f.relation));
    }
    let mut explanation = top.explanation.clone();
    let others: Vec<&str> = parts[1..]
        .iter()
        .filter(|f| f.relation != Relation::Agree)
        .map(|f| f.explanation.as_str())
        .collect();
    if !others.is_empty() {
        let shown = others.len().min(EXPLAINED_PAIRS);
        explanation.push_str(&format!("; also: {}", others[..shown].join("; ")));
        if others.len() > shown {
            explanation.push_str(&format!(" (and {} more)", others.len() - shown));
        }
    }
    let rule = top.rule.clone();
    Some(Finding {
        id: super::key_id(&rule, key, Modality::Fact, "attendance"),
        relation: top.relation,
        rule,
        key: key.to_string(),
        modality: Modality::Fact,
        a: top.a.clone(),
        b: top.b.clone(),
        explanation,
        evidence: String::new(),
        clusters: (0..values.len()).collect(),
        values,
        pairs,
        legacy_ids: parts.iter().map(|f| f.id.clone()).collect(),
    })
}

/// Sources that name the same participants.
struct Cluster {
    present: BTreeSet<String>,
    docs: Vec<usize>,
    evidence: Vec<usize>,
}

/// Misspelt entity names: one `variant` finding per spelling and entity,
/// listing every source that writes it so.
pub fn variants(claims: &[Claim], docs_ids: &[&str]) -> Vec<Finding> {
    let mut by_spelling: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    let mut canonical: BTreeMap<String, String> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        for corr in &c.corrections {
            by_spelling
                .entry((corr.written.to_lowercase(), corr.entity.clone()))
                .or_default()
                .push(i);
            canonical.insert(corr.entity.clone(), corr.canonical.clone());
        }
    }
    by_spelling
        .into_iter()
        .map(|((written, entity), mut idx)| {
            idx.dedup();
            let c = &claims[idx[0]];
            let corr = c
                .corrections
                .iter()
                .find(|k| k.written.to_lowercase() == written)
                .expect("grouped by it");
            let name = &canonical[&entity];
            let key = format!("spelling/{entity}");
            let value = format!("{} → {name}", corr.written);
            let explanation = format!(
                "'{}' ({}:{}:{}) is read as {name}, the nearest spelling in the gazetteer",
                corr.written, docs_ids[c.doc], corr.span.line, corr.span.col
            );
            // A letter first, so that no spreadsheet reads the id as a
            // number; the id without it is carried for older review files.
            let bare = finding_id("entity.spelling", &key, Modality::Fact, &value, None);
            Finding {
                id: format!("s{bare}"),
                relation: Relation::Variant,
                rule: "entity.spelling".into(),
                key,
                modality: Modality::Fact,
                a: Side {
                    at: Some(corr.span),
                    ..side(value, vec![entity], idx)
                },
                b: None,
                explanation,
                evidence: String::new(),
                values: Vec::new(),
                clusters: Vec::new(),
                pairs: Vec::new(),
                legacy_ids: vec![bare],
            }
        })
        .collect()
}
