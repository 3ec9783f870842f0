//! Frame rules select readings: a number of the rule's measure that counts
//! one of its words, a share of its base, qualified (or not) by words in
//! its own stretch of text, in a sentence about the rule's topic; then the
//! key is filled from the reading's subject, period and event.

use super::Site;
use crate::claim::{Claim, Modality, Span, Value};
use crate::corpus::{Document, Sentence};
use crate::date::Date;
use crate::event::{Binding, SentenceEvent};
use crate::frame::{words, Reading};
use crate::quantity::{self, Unit};
use crate::rules::{FrameSpec, KeyPart, Measure, Rule, RulePack};
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

/// Why a frame rule passed a reading over: cheap to make (every rule
/// rejects most readings), put in words only when shown (`explain-text`).
#[derive(Debug, Clone, PartialEq)]
pub enum Rejection<'r> {
    Measure(Measure, &'r Unit),
    CountsNone(&'r Reading),
    OwnNoun(&'r str),
    Sum,
    Part,
    Vague,
    Change,
    ShareOf(&'r [String]),
    ShareOfNothing,
    NoQualifier(&'r [String]),
    Excluded(String),
    NotAbout,
    OutOfRange(f64, f64),
}

impl std::fmt::Display for Rejection<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejection::Measure(m, unit) => write!(f, "not a {m} ({unit})"),
            Rejection::CountsNone(r) => write!(
                f,
                "counts none of its words: after it {:?}, before it {:?}",
                r.after.join(" "),
                r.before.join(" ")
            ),
            Rejection::OwnNoun(w) => write!(
                f,
                "counts {w:?}, and the rule names nothing it counts (only `about` words)"
            ),
            Rejection::Sum => {
                f.write_str("a sum of several things ('taken together', 'combined'); `sums = true` takes sums")
            }
            Rejection::Change => f.write_str(
                "a rise or fall ('rise by €25 million', 'an increase of 5%'), not a level; `measures_change = true` takes them",
            ),
            Rejection::Vague => f.write_str(
                "a magnitude said in one word ('dozens', 'thousands'), an impression; `vague = true` takes them",
            ),
            Rejection::Part => f.write_str(
                "a part of a figure named before it ('of which', 'the remaining'); `parts = true` takes parts",
            ),
            Rejection::ShareOf(base) => write!(f, "a share of {:?}, not of one of its words", base.join(" ")),
            Rejection::ShareOfNothing => {
                f.write_str("a share of nothing stated, and none of `implied_by` in its own words")
            }
            Rejection::NoQualifier(window) => write!(f, "no qualifier in its own words {:?}", window.join(" ")),
            Rejection::Excluded(w) => write!(f, "qualified by {w:?}, which the rule excludes"),
            Rejection::OutOfRange(lo, hi) => write!(
                f,
                "outside the rule's range [{}, {}]: another thing",
                quantity::number_in_words(*lo),
                quantity::number_in_words(*hi)
            ),
            Rejection::NotAbout => {
                f.write_str("the sentence (and the ones before it) speak of none of its `about` words")
            }
        }
    }
}

/// Does a frame rule take a reading? `Err` says why not.
pub fn select<'r>(
    spec: &FrameSpec,
    reading: &'r Reading,
    topic_words: &dyn Fn() -> Rc<[String]>,
) -> Result<(), Rejection<'r>> {
    let unit_ok = match spec.measure {
        Measure::Count => reading.quantity.unit == Unit::Count,
        Measure::Share => reading.is_share(),
        Measure::Money => reading.is_money(),
    };
    if !unit_ok {
        return Err(Rejection::Measure(spec.measure, &reading.quantity.unit));
    }
    if !spec.counts.is_empty() && !reading.counted_by(&spec.counts) {
        return Err(Rejection::CountsNone(reading));
    }
    // A rule that names nothing a number counts ("the age rises to 64")
    // takes only figures that count nothing of their own: "42 separate
    // pension schemes" and "all eight confederations" are other things.
    if spec.measure == Measure::Count && spec.counts.is_empty() {
        if let Some(w) = reading.own_noun(&spec.about) {
            return Err(Rejection::OwnNoun(w));
        }
    }
    if let Some((lo, hi)) = spec.range {
        let value = &reading.quantity.interval;
        if value.hi < lo || value.lo > hi {
            return Err(Rejection::OutOfRange(lo, hi));
        }
    }
    if reading.sum && !spec.sums {
        return Err(Rejection::Sum);
    }
    if reading.part && !spec.parts {
        return Err(Rejection::Part);
    }
    if reading.vague && !spec.vague {
        return Err(Rejection::Vague);
    }
    if reading.change && !spec.measures_change {
        return Err(Rejection::Change);
    }
    let window = &reading.window_words;
    if !spec.share_of.is_empty() {
        match &reading.base {
            Some(base) if !spec.share_of.starts(base) => return Err(Rejection::ShareOf(base)),
            Some(_) => {}
            None if spec.implied_by.matches(window) => {}
            None => return Err(Rejection::ShareOfNothing),
        }
    }
    if !spec.qualified_by.is_empty() && !spec.qualified_by.matches(window) {
        return Err(Rejection::NoQualifier(window));
    }
    if let Some(w) = spec.not_qualified_by.find(window) {
        return Err(Rejection::Excluded(w));
    }
    if !spec.about.is_empty() && !spec.about.matches(&topic_words()) {
        return Err(Rejection::NotAbout);
    }
    Ok(())
}

/// Is the name at `r` joined by a hyphen to a word before or after it?
fn hyphen_joined(sentence: &str, r: Range<usize>) -> bool {
    let before = sentence[..r.start].chars().rev().take(2).collect::<Vec<_>>();
    let after = sentence[r.end..].chars().take(2).collect::<Vec<_>>();
    let joined = |pair: &[char]| matches!(pair, ['-', c, ..] if c.is_alphabetic());
    joined(&before) || joined(&after)
}

/// Pronouns and stand-ins that point back to the previous sentence's subject.
const BACK_REFERENCES: [&[&str]; 13] = [
    &["it"],
    &["its"],
    &["the", "country"],
    &["the", "country", "s"],
    &["the", "government"],
    &["the", "nation"],
    &["they"],
    &["the", "party"],
    &["the", "party", "s"],
    &["the", "city"],
    &["the", "city", "s"],
    &["the", "bloc"],
    &["the", "alliance"],
];

/// Whose figure a reading is: an entity of the rule's subject kind nearest
/// before the number in its window, then in its clause, then just after it
/// in its window ("spent by Germany"), then the previous sentence's subject
/// when the clause says "it" or "the country", then the sentence's only one;
/// in a sentence that names none, the last one its paragraph named before
/// it (`in_paragraph`).
pub fn subject(
    pack: &RulePack,
    (kind, finder): (&str, &regex::Regex),
    reading: &Reading,
    sentence: &str,
    published: Option<Date>,
    previous: &dyn Fn() -> Option<String>,
    in_paragraph: &dyn Fn() -> Option<String>,
) -> Option<String> {
    // A person stands for their country only in the figure's own stretch
    // ("Rutte comes home with €1.9bn"), not from elsewhere in its clause
    // ("the grants, which Rutte had argued against, …, against €500
    // billion in the Franco-German plan").
    let found: Vec<(Range<usize>, String)> = finder
        .find_iter(sentence)
        // "the Franco-German plan", "US-China talks": a name joined to
        // another by a hyphen is a pair, not whose figure it is.
        .filter(|m| !hyphen_joined(sentence, m.range()))
        // "low by British standards": a yardstick, not whose figure it is.
        .filter(|m| {
            let next = sentence[m.end()..].trim_start();
            !(next.starts_with("standards") || next.starts_with("norms"))
        })
        .filter_map(|m| {
            let (id, person) = entity_of_kind(pack, kind, m.as_str(), sentence, published)?;
            let own_stretch = m.start() >= reading.window.start && m.end() <= reading.window.end;
            // ...or owning it by a possessive in its clause: "Macron's bid
            // to drag the retirement age up from 62 to 64".
            let possessive = sentence[m.end()..].starts_with("'s") || sentence[m.end()..].starts_with("’s");
            let in_clause = m.start() >= reading.clause.start && m.end() <= reading.range.start;
            (!person || own_stretch || (possessive && in_clause)).then(|| (m.range(), id))
        })
        .collect();
    let n = &reading.range;
    // "€1.069bn for Sweden", "four in Bulgaria": a "for", "by", "to",
    // "from" or "in" right after the figure names whose it is.
    let after_words = words(&sentence[n.end..reading.window.end]);
    // …or a participle and "by" or "from" a few words on: "the $17.5
    // million offered by the US", "2.1% of GDP reported by Germany", "the
    // $17.5million offered by Joe Biden's America".
    let owner_word = if matches!(
        after_words.first().map(String::as_str),
        Some("for" | "by" | "to" | "from" | "in")
    ) {
        Some(0)
    } else {
        after_words
            .windows(2)
            .take(4)
            .position(|w| {
                let participle = w[0].ends_with("ed") || w[0] == "given";
                // "17 people dead in Greece", "two missing in Turkey": where
                // a state places them.
                let state = matches!(
                    w[0].as_str(),
                    "dead" | "missing" | "injured" | "hurt" | "homeless" | "displaced"
                );
                (participle && matches!(w[1].as_str(), "by" | "from")) || (state && w[1] == "in")
            })
            .map(|i| i + 1)
    };
    if let Some(at) = owner_word {
        if let Some((_, id)) = found
            .iter()
            .filter(|(r, _)| r.start >= n.end && r.end <= reading.window.end)
            .min_by_key(|(r, _)| r.start)
            .filter(|(r, _)| words(&sentence[n.end..r.start]).len() <= at + 5)
            .filter(|(r, _)| !sentence[n.end..r.start].contains([',', ';', '-', '–', '—']))
        {
            return Some(id.clone());
        }
    }
    // A name after "than", "after", "like" is the comparison, not the owner.
    let compared = |r: &Range<usize>| {
        let before = words(&sentence[..r.start]);
        let tail: Vec<&str> = before.iter().rev().take(2).map(String::as_str).collect();
        matches!(
            tail.as_slice(),
            ["than", ..]
                | ["after", ..]
                | ["behind", ..]
                | ["like", ..]
                | ["unlike", ..]
                | ["including", ..]
                | ["versus", ..]
                | ["vs", ..]
                | ["the", "than" | "after" | "behind" | "like" | "unlike"]
                | ["with", "compared"]
                | ["of", "ahead"]
        )
    };
    let before_in = |span: &Range<usize>| {
        found
            .iter()
            .filter(|(r, _)| r.end <= n.start && r.start >= span.start && !compared(r))
            .max_by_key(|(r, _)| r.end)
    };
    if let Some((_, id)) = before_in(&reading.window).or_else(|| before_in(&reading.clause)) {
        return Some(id.clone());
    }
    // A name after the figure, in its own phrase: not past a dash or comma
    // ("to 64 by 2030 - still low by British standards").
    if let Some((_, id)) = found
        .iter()
        .filter(|(r, _)| r.start >= n.end && r.end <= reading.window.end)
        .filter(|(r, _)| !sentence[n.end..r.start].contains([',', ';', '-', '–', '—']))
        .min_by_key(|(r, _)| r.start)
    {
        return Some(id.clone());
    }
    let clause_words = words(&sentence[reading.clause.start..n.start]);
    let points_back = BACK_REFERENCES.iter().any(|p| {
        clause_words
            .windows(p.len())
            .any(|w| w.iter().zip(p.iter()).all(|(a, b)| a == b))
    });
    if points_back && found.is_empty() {
        if let Some(prev) = previous() {
            return Some(prev);
        }
    }
    // "The gap has never been as wide in Marseille. On January 19 the
    // prefecture counted 26,000 marchers": a sentence that names no one
    // goes on about whom its paragraph named last.
    if found.is_empty() {
        if let Some(prev) = in_paragraph() {
            return Some(prev);
        }
    }
    let mut ids: Vec<&String> = found.iter().map(|(_, id)| id).collect();
    ids.dedup();
    match ids.as_slice() {
        [only] => Some((*only).clone()),
        _ => None,
    }
}

/// The entity of `kind` a name found in `sentence` stands for: itself, or
/// for a person, what they represent on `published` ("Rutte" is the
/// Netherlands in 2020 and NATO in 2025), when that is of `kind`.
/// The second value says whether it was a person.
fn entity_of_kind(
    pack: &RulePack,
    kind: &str,
    written: &str,
    sentence: &str,
    published: Option<Date>,
) -> Option<(String, bool)> {
    let e = pack.gazetteer.lookup_in(written, sentence)?;
    let of_kind = |k: &str| kind.split(',').any(|x| x.trim() == k);
    if of_kind(&e.kind) {
        return Some((e.id.clone(), false));
    }
    let stands_for = pack.gazetteer.participant(&e.id, published)?;
    of_kind(&stands_for.kind).then(|| (stands_for.id.clone(), true))
}

/// The entities of `kind` a sentence names (through `finder`), in order.
fn entities_in<'a>(
    pack: &'a RulePack,
    kind: &'a str,
    finder: &'a regex::Regex,
    sentence: &'a str,
    published: Option<Date>,
) -> impl Iterator<Item = String> + 'a {
    finder
        .find_iter(sentence)
        .filter_map(move |m| entity_of_kind(pack, kind, m.as_str(), sentence, published).map(|(id, _)| id))
}

/// The first entity of `kind` a sentence names (through `finder`): the
/// subject "it" refers to in the next sentence.
pub fn first_entity(
    pack: &RulePack,
    kind: &str,
    finder: &regex::Regex,
    sentence: &str,
    published: Option<Date>,
) -> Option<String> {
    entities_in(pack, kind, finder, sentence, published).next()
}

/// The entities of `kind` a sentence names (through `finder`), in order,
/// each once.
pub fn entities_named(
    pack: &RulePack,
    kind: &str,
    finder: &regex::Regex,
    sentence: &str,
    published: Option<Date>,
) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for id in entities_in(pack, kind, finder, sentence, published) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// Fill a frame rule's key; `None` (and the key with `?`) when a part is
/// missing, or when the period is `unplaced` (its default does not apply).
fn key(
    rule: &Rule,
    event: Option<&str>,
    subject: Option<&str>,
    reading: &Reading,
    unplaced: bool,
) -> (Option<String>, String) {
    let mut key = String::new();
    let mut complete = true;
    for part in &rule.key.parts {
        let piece = match part {
            KeyPart::Literal(l) => Some(l.clone()),
            KeyPart::Var { name, default } => {
                let found = match name.as_str() {
                    "event" => event.map(str::to_string),
                    "subject" => subject.map(str::to_string),
                    "period" => reading.period.as_ref().map(|p| p.year.to_string()),
                    _ => None,
                };
                if unplaced && name == "period" {
                    found
                } else {
                    found.or_else(|| default.clone())
                }
            }
        };
        match piece {
            Some(p) => key.push_str(&p),
            None => {
                complete = false;
                key.push('?');
            }
        }
    }
    (complete.then(|| key.clone()), key)
}

/// The claims frame rules make of one sentence's readings.
pub(super) fn claims(
    pack: &RulePack,
    rules: &[usize],
    at: &Site,
    readings: &[Reading],
    topic: &dyn Fn(&Rule) -> Rc<[String]>,
    in_context: &dyn Fn(&Rule) -> bool,
    // The last entity of a kind named before the sentence: in the whole
    // document so far (`false`: what "it" points back to) or in its
    // paragraph only (`true`).
    named_before: &dyn Fn(&str, bool) -> Option<String>,
) -> Vec<Claim> {
    let sentence = &at.doc.text[at.sentence.range()];
    // Who the sentence attributes figures to: read once, and only for a
    // sentence a rule takes a reading of (the cue regexes are slow).
    let sources = std::cell::OnceCell::new();
    let mut taken = Vec::new();
    for rule in rules.iter().map(|&r| &pack.rules[r]) {
        let Some(spec) = &rule.frame else { continue };
        if rule.skip_if.as_ref().is_some_and(|re| re.is_match(sentence)) || !in_context(rule) {
            continue;
        }
        // A story pack's rule in a sentence of another story's event takes
        // nothing there: its claim could never be keyed, only listed as noise.
        if at.foreign_to(pack, rule) {
            continue;
        }
        for (i, reading) in readings.iter().enumerate() {
            if select(spec, reading, &|| topic(rule)).is_ok() {
                taken.push((rule, spec, i, reading.counted_distance(&spec.counts)));
            }
        }
    }
    // A figure counts one thing: of the rules that take it for what it
    // counts, those whose word stands nearest it keep it.
    let mut nearest = vec![usize::MAX; readings.len()];
    for &(_, _, i, distance) in &taken {
        if let Some(d) = distance {
            nearest[i] = nearest[i].min(d);
        }
    }
    let mut out = Vec::new();
    // Which reading each claim was read from, and whether its rule sets
    // its modality.
    let mut taken_from = Vec::new();
    for (rule, spec, i, distance) in taken {
        let reading = &readings[i];
        if distance.is_some_and(|d| d > nearest[i]) {
            continue;
        }
        // The rule's own reading options (round numbers, tolerance).
        let text = &sentence[reading.range.clone()];
        let Some(q) = quantity::read(text, &rule.read) else {
            continue;
        };
        let subject = spec.subject.as_ref().and_then(|(kind, finder)| {
            subject(
                pack,
                (kind, finder),
                reading,
                sentence,
                at.doc.published,
                &|| named_before(kind, false),
                &|| named_before(kind, true),
            )
        });
        let attribution = crate::frame::nearest_source(
            sentence,
            sources.get_or_init(|| crate::frame::sources(sentence)),
            reading.range.clone(),
        );
        out.push(claim(pack, rule, at, reading, q, subject.as_deref(), attribution));
        taken_from.push((i, rule.modality.is_some()));
    }
    share_gapped_modality(readings, &taken_from, &mut out);
    out
}

/// A figure without a verb of its own is said the way the figure before it
/// is: "More in Common put Labour on 430 seats and the Conservatives on
/// 126, a majority of 210" projects all three, though only the first
/// names the projection. A claim of a rule that sets no modality of its
/// own takes the non-fact modality of the claim read from the figure it
/// shares its verb with, when both count in the same unit.
fn share_gapped_modality(readings: &[Reading], taken_from: &[(usize, bool)], claims: &mut [Claim]) {
    for j in 0..claims.len() {
        let (i, explicit) = taken_from[j];
        let reading = &readings[i];
        if explicit || !reading.shares_verb || reading.compared || i == 0 || claims[j].modality != Modality::Fact {
            continue;
        }
        let lent = taken_from
            .iter()
            .zip(claims.iter())
            .find(|((k, _), c)| *k == i - 1 && c.modality != Modality::Fact && c.unit_label == claims[j].unit_label)
            .map(|(_, c)| c.modality);
        if let Some(modality) = lent {
            claims[j].modality = modality;
        }
    }
}

fn claim(
    pack: &RulePack,
    rule: &Rule,
    at: &Site,
    reading: &Reading,
    q: quantity::Quantity,
    subject: Option<&str>,
    attribution: Option<String>,
) -> Claim {
    let (event, unbound_event) = match at.event {
        SentenceEvent::Bound { event, .. } if !pack.may_bind(rule, event) => (
            None,
            Some(format!("bound to {event}, an event of another story pack").into()),
        ),
        SentenceEvent::Bound { event, binding } => (Some((event.clone(), binding.clone())), None),
        SentenceEvent::Unbound { why } => (None::<(Arc<str>, Binding)>, Some(why.clone())),
    };
    let (event, unbound_event) = match own_day_event(pack, rule, event.as_ref(), reading) {
        Some(moved) => (Some(moved), None),
        // "…, up from 1.12 million": another day's figure, which day unsaid.
        None if reading.compared && reading.on.is_none() && event.is_some() => (
            None,
            Some("a figure the sentence compares with, of a day it does not name".into()),
        ),
        None => (event, unbound_event),
    };
    // "the Nice summit of December 2000 ... ran for nearly 92 hours": a
    // figure of a year before its event's is another event's. (A later
    // year is the event's own business: "€1.074 trillion for 2021-2027",
    // "a 2030 target".)
    let (event, unbound_event) = match (event, other_year(reading)) {
        (Some((id, _)), Some(year)) if rule.key.uses_event() && year_before(pack, &id, year) => {
            (None, Some(format!("a figure of {year}, not of {id}").into()))
        }
        (event, _) => (event, unbound_event),
    };
    // "rose from one seat to 37", "up from the 202": the figure set against
    // is another year's, which year unsaid: it cannot be placed.
    let unplaced = reading.compared && reading.period.is_none() && reading.on.is_none() && rule.key.uses("period");
    let (mut key, key_display) = key(rule, event.as_ref().map(|(e, _)| &**e), subject, reading, unplaced);
    // "In the 2010 battle over raising the age from 60 to 62": a figure its
    // own words place two years or more before the article, under a key
    // that names neither a period nor an event, is history, not what the
    // key holds now ("currently 62", "64 by 2030"). Last year's is still
    // the story's: an anniversary piece tells of the storm of last year.
    let history = other_year(reading).filter(|&year| {
        !rule.key.uses("period") && !rule.key.uses_event() && at.doc.published.is_some_and(|d| year + 1 < d.year)
    });
    let foreign = at.foreign_to(pack, rule);
    if foreign || history.is_some() {
        key = None;
    }
    let unbound = if foreign {
        unbound_event
    } else if let Some(year) = history {
        Some(format!("a figure of {year}, and the rule's key names no period or event to keep it apart").into())
    } else if unplaced {
        Some("a figure the sentence compares with, of a year it does not name".into())
    } else if key.is_some() {
        None
    } else if rule.key.uses_event() && event.is_none() {
        unbound_event
    } else {
        Some(
            format!(
                "a part of the key was not found: {}",
                missing_parts(rule, subject, reading)
            )
            .into(),
        )
    };
    let start = at.sentence.start + reading.range.start;
    let (line, col) = at.doc.position(start);
    let (sline, scol) = at.doc.position(at.sentence.start);
    Claim {
        doc: at.doc_index,
        rule: rule.id.clone(),
        partial_key: Claim::partial_key(key.as_deref(), key_display),
        key,
        event,
        unbound,
        modality: rule.modality.unwrap_or(reading.modality),
        value: q.display_with(&rule.unit),
        unit_label: rule.unit.clone(),
        reading: Value::Quantity(q),
        span: Span {
            start,
            end: at.sentence.start + reading.range.end,
            line,
            col,
        },
        sentence: Span {
            start: at.sentence.start,
            end: at.sentence.end,
            line: sline,
            col: scol,
        },
        sentence_text: at.sentence_text(),
        corrections: Vec::new(),
        attribution,
        as_of: reading.as_of,
        at_time: at.at_time,
    }
}

/// A figure its own words give for another day than its sentence's event
/// ("7,000 in Marseille, down from 12,000 on February 11") belongs to the
/// event of that day, when the pack declares one and the sentence's event
/// (if any) was not held that day.
fn own_day_event(
    pack: &RulePack,
    rule: &Rule,
    bound: Option<&(Arc<str>, Binding)>,
    reading: &Reading,
) -> Option<(Arc<str>, Binding)> {
    let day = reading.on?;
    let events = &pack.events.events;
    if let Some((id, _)) = bound {
        if events.iter().any(|e| *e.id == **id && e.span().contains(day)) {
            return None;
        }
        // A derived event ("paris/2025-03-11/meeting") is its own day.
        if !events.iter().any(|e| *e.id == **id) {
            return None;
        }
    }
    let mut held = events
        .iter()
        .filter(|e| e.span().contains(day) && pack.may_bind(rule, &e.id));
    let event = held.next()?;
    if held.next().is_some() {
        return None;
    }
    Some((
        event.id.as_str().into(),
        Binding::Sentence {
            how: format!("the figure's own day, {day}").into(),
        },
    ))
}

/// The year a figure's own words give it, when it is not a deadline ("by
/// 2027" is a target for the event's figure, not another event's).
fn other_year(reading: &Reading) -> Option<i32> {
    reading.period.as_ref().filter(|p| !p.by).map(|p| p.year)
}

/// Is `year` before the year a declared event `id` was held in? A derived
/// event ("paris/2025-03-11/meeting") is not declared: never.
fn year_before(pack: &RulePack, id: &str, year: i32) -> bool {
    pack.events
        .events
        .iter()
        .find(|e| e.id == id)
        .is_some_and(|e| year < e.date.year)
}

fn missing_parts(rule: &Rule, subject: Option<&str>, reading: &Reading) -> String {
    let mut missing = Vec::new();
    for part in &rule.key.parts {
        if let KeyPart::Var { name, default: None } = part {
            let absent = match name.as_str() {
                "subject" => subject.is_none(),
                "period" => reading.period.is_none(),
                _ => false,
            };
            if absent {
                missing.push(format!("no {name}"));
            }
        }
    }
    if missing.is_empty() {
        "no event".into()
    } else {
        missing.join(", ")
    }
}

/// The words of a sentence and of the `before` sentences preceding it, and
/// of its list's lead-in: the topic an `about` list is looked for in.
pub fn topic_words(
    doc: &Document,
    sentences: &[Sentence],
    si: usize,
    before: usize,
    lead_in: Option<&str>,
) -> Vec<String> {
    // "Separately, …", "Meanwhile, …": the sentence turns to another
    // topic, so the ones before it say nothing of what it is about.
    let before = if turns_topic(&doc.text[sentences[si].range()]) {
        0
    } else {
        before
    };
    // A list item ("- Methane grants top $1bn") is a headline of its own:
    // the items above it are other stories ("- 63 countries sign first
    // Global Cooling Pledge"), while what leads into the list ("Key
    // figures", "Dead (WHO): …" under a heading) still sets its topic.
    let item = list_item(&doc.text, &sentences[si]);
    let mut topic: Vec<String> = sentences[si.saturating_sub(before)..=si]
        .iter()
        .enumerate()
        .filter(|&(k, s)| !item || k == before.min(si) || !list_item(&doc.text, s))
        .flat_map(|(_, s)| words(&doc.text[s.range()]))
        .collect();
    // However long the list, its lead-in line (`list_lead_in`) sets every
    // item's topic.
    if let Some(lead_in) = lead_in {
        topic.extend(words(lead_in));
    }
    topic
}

/// Does the sentence open a list item: its line starts with "- ", "* " or
/// "• " right before it?
pub fn list_item(text: &str, sentence: &Sentence) -> bool {
    let line_start = text[..sentence.start].rfind('\n').map_or(0, |i| i + 1);
    let lead = text[line_start..sentence.start].trim();
    matches!(lead, "-" | "*" | "•" | "–")
}

/// The lead-in line of the list the sentence `si` is an item of: the
/// first sentence before the list's items, when it ends with a colon (with
/// the section heading right above it) or is itself a heading.
pub fn list_lead_in<'d>(doc: &'d Document, sentences: &[Sentence], si: usize) -> Option<&'d str> {
    if !list_item(&doc.text, &sentences[si]) {
        return None;
    }
    let mut j = si;
    while j > 0 {
        j -= 1;
        let s = &sentences[j];
        // Each item is one line: a second sentence of the item above.
        let line_start = doc.text[..s.start].rfind('\n').map_or(0, |i| i + 1);
        if list_item(&doc.text, s) || !doc.text[line_start..s.start].trim().is_empty() {
            continue;
        }
        let text = doc.text[s.range()].trim_end();
        if heading(text) {
            return Some(text);
        }
        if !text.ends_with(':') {
            return None;
        }
        // A section heading right above the lead-in names what its list
        // counts too ("THE SEATS", then "With 648 of 650 declared:").
        let above = j
            .checked_sub(1)
            .map(|h| &sentences[h])
            .filter(|h| heading(doc.text[h.range()].trim_end()));
        return Some(match above {
            Some(h) => doc.text[h.start..s.range().end].trim_end(),
            None => text,
        });
    }
    None
}

/// A section heading: a line of at most eight words, in capitals, after
/// "#", or in bold.
fn heading(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    (1..=8).contains(&words)
        && !letters.is_empty()
        && (t.starts_with('#')
            || (t.starts_with("**") && t.ends_with("**"))
            || letters.iter().all(|c| c.is_uppercase()))
}

/// Does the sentence open by turning to another topic ("Separately,",
/// "Meanwhile,", "Elsewhere,", "In other news,")?
pub fn turns_topic(sentence: &str) -> bool {
    let start = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
    ["separately", "meanwhile", "elsewhere", "in other news", "in a separate"]
        .iter()
        .any(|m| start.get(..m.len()).is_some_and(|s| s.eq_ignore_ascii_case(m)))
}

#[cfg(test)]
mod tests {
    use super::{hyphen_joined, turns_topic};

    #[test]
    fn sentences_that_turn_to_another_topic() {
        assert!(turns_topic(
            "Separately, the UAE Banks Federation said its members would provide $270 billion."
        ));
        assert!(turns_topic("Meanwhile, in Brussels, ministers met."));
        assert!(turns_topic("\u{201c}Elsewhere, the toll rose."));
        assert!(!turns_topic("The fund separately received $10 million."));
        assert!(!turns_topic("Seven donors pledged."));
    }

    #[test]
    fn names_joined_by_a_hyphen_are_pairs() {
        let s = "the Franco-German plan and US-China talks, but Germany's own €3.67bn";
        let at = |name: &str, nth: usize| {
            let start = s.match_indices(name).nth(nth).unwrap().0;
            start..start + name.len()
        };
        assert!(hyphen_joined(s, at("German", 0)));
        assert!(hyphen_joined(s, at("US", 0)));
        assert!(hyphen_joined(s, at("China", 0)));
        assert!(!hyphen_joined(s, at("Germany", 0)));
    }
}
